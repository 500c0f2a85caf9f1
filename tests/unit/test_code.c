/*
 * tests/unit/test_code.c — runtime code objects (runtime/vm/code.c).
 *
 * Compiles the programs of tests/unit/code_expected.txt (generated from
 * python3 by tools/gen_code_expected.py) with wfv_compile_source and
 * compares, for every code object depth-first, the attributes the
 * compiler guarantees to match CPython (names, varnames, cellvars,
 * freevars, qualname, flags, argument counts, nlocals, firstlineno, the
 * string constants), read through the co_* getset descriptors; checks the
 * SyntaxError objects raised for bad sources attribute by attribute; and
 * checks the repr and that dropping a code tree leaks nothing (ASan).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/code.h"
#include "runtime/compiler/compile.h"
#include "runtime/compiler/opcodes.h"
#include "runtime/compiler/parser.h"
#include "weft/code.h"
#include "wtest.h"

static char *dup_utf8(wf_object *s) {
    wf_ssize_t n;
    const char *p = s ? wf_str_utf8(s, &n) : NULL;
    ck_assert_ptr_nonnull(p);
    return strdup(p);
}

static char *attr_repr(wf_object *o, const char *name) {
    wf_object *v = wf_object_getattr_string(o, name);
    ck_assert_msg(v != NULL, "getattr %s", name);
    wf_object *r = wf_object_repr(v);
    wf_decref(v);
    char *s = dup_utf8(r);
    wf_decref(r);
    return s;
}

static char *attr_str(wf_object *o, const char *name) {
    wf_object *v = wf_object_getattr_string(o, name);
    ck_assert_msg(v != NULL, "getattr %s", name);
    char *s = dup_utf8(v);
    wf_decref(v);
    return s;
}

static long attr_long(wf_object *o, const char *name) {
    wf_object *v = wf_object_getattr_string(o, name);
    ck_assert_msg(v != NULL, "getattr %s", name);
    long r = (long)wf_int_as_ssize(v);
    wf_decref(v);
    return r;
}

/* repr(sorted(str constants)) */
static char *str_consts(wf_object *co) {
    wf_object *consts = wf_object_getattr_string(co, "co_consts");
    ck_assert_ptr_nonnull(consts);
    wf_object *l = wf_list_new(0);
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(consts); i++)
        if (WF_STR_CHECK_EXACT(WF_TUPLE_ITEM(consts, i))) wf_list_append(l, WF_TUPLE_ITEM(consts, i));
    ck_assert_int_eq(wf_list_sort(l, NULL, 0), 0);
    wf_object *r = wf_object_repr(l);
    char *s = dup_utf8(r);
    wf_decref(r);
    wf_decref(l);
    wf_decref(consts);
    return s;
}

static void describe(wf_object *co, char *out, size_t cap) {
    char *qn = attr_str(co, "co_qualname"), *nm = attr_str(co, "co_name");
    char *names = attr_repr(co, "co_names"), *vn = attr_repr(co, "co_varnames");
    char *cv = attr_repr(co, "co_cellvars"), *fv = attr_repr(co, "co_freevars");
    char *sc = str_consts(co);
    snprintf(out, cap, "%s|%s|%ld,%ld,%ld,%ld|0x%lx|%ld|%s|%s|%s|%s|%s", qn, nm, attr_long(co, "co_argcount"),
             attr_long(co, "co_posonlyargcount"), attr_long(co, "co_kwonlyargcount"), attr_long(co, "co_nlocals"),
             attr_long(co, "co_flags"), attr_long(co, "co_firstlineno"), names, vn, cv, fv, sc);
    free(qn), free(nm), free(names), free(vn), free(cv), free(fv), free(sc);
}

/* Depth-first descriptions, as the generator's walk(). */
static int walk(wf_object *co, char lines[][1024], int n, int cap) {
    ck_assert_int_lt(n, cap);
    describe(co, lines[n++], 1024);
    wfv_code *c = (wfv_code *)co;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(c->co_consts); i++)
        if (WFV_CODE_CHECK(WF_TUPLE_ITEM(c->co_consts, i))) n = walk(WF_TUPLE_ITEM(c->co_consts, i), lines, n, cap);
    return n;
}

/* The pending exception as "Type: repr", for failure messages. */
static const char *pending_error(void) {
    static char buf[512];
    wf_object *e = wf_err_fetch();
    if (!e) return "no exception";
    wf_object *r = wf_object_repr(e);
    snprintf(buf, sizeof buf, "%s: %s", WF_TYPE(e)->tp_name, r ? wf_str_utf8(r, NULL) : "?");
    wf_xdecref(r);
    wf_decref(e);
    return buf;
}

static void drop_code(wf_object *co) {
    wf_clear_deferred(co);
    wf_decref(co);
}

typedef struct line { char kind[8], id[64]; char *rest; } line;
static line *lines_;
static int nlines;

static void load(void) {
    FILE *f = fopen(CODE_EXPECTED, "r");
    ck_assert_msg(f != NULL, "open %s", CODE_EXPECTED);
    char buf[8192];
    lines_ = calloc(512, sizeof *lines_);
    nlines = 0;
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\n")] = '\0';
        char *t1 = strchr(buf, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        ck_assert_ptr_nonnull(t2);
        *t1 = *t2 = '\0';
        ck_assert_int_lt(nlines, 512);
        snprintf(lines_[nlines].kind, sizeof lines_[nlines].kind, "%.7s", buf);
        snprintf(lines_[nlines].id, sizeof lines_[nlines].id, "%.63s", t1 + 1);
        lines_[nlines++].rest = strdup(t2 + 1);
    }
    fclose(f);
}

static void unload(void) {
    for (int i = 0; i < nlines; i++) free(lines_[i].rest);
    free(lines_);
}

static char *source_of(const char *id, size_t *len) {
    for (int i = 0; i < nlines; i++) {
        if (strcmp(lines_[i].kind, "SRC") || strcmp(lines_[i].id, id)) continue;
        size_t n = strlen(lines_[i].rest) / 2;
        char *s = malloc(n + 1);
        for (size_t k = 0; k < n; k++) {
            unsigned v;
            sscanf(lines_[i].rest + 2 * k, "%2x", &v);
            s[k] = (char)v;
        }
        s[n] = '\0';
        *len = n;
        return s;
    }
    return NULL;
}

START_TEST(test_code_attributes) {
    load();
    static char got[64][1024];
    int checked = 0;
    for (int i = 0; i < nlines; i++) {
        if (strcmp(lines_[i].kind, "CODE") || (i > 0 && !strcmp(lines_[i - 1].kind, "CODE") &&
                                               !strcmp(lines_[i - 1].id, lines_[i].id)))
            continue;
        size_t len;
        char *src = source_of(lines_[i].id, &len);
        ck_assert_ptr_nonnull(src);
        char fname[96];
        snprintf(fname, sizeof fname, "%s.py", lines_[i].id);
        wf_object *co = wfv_compile_source(src, len, fname, 0);
        ck_assert_msg(co != NULL, "%s did not compile: %s", lines_[i].id, pending_error());
        ck_assert(WFV_CODE_CHECK(co));
        int n = walk(co, got, 0, 64);
        int k = 0;
        for (int j = i; j < nlines && !strcmp(lines_[j].kind, "CODE") && !strcmp(lines_[j].id, lines_[i].id); j++, k++) {
            ck_assert_msg(k < n, "%s: code object %d missing", lines_[i].id, k);
            ck_assert_msg(!strcmp(got[k], lines_[j].rest), "%s:\n  expected %s\n  got      %s", lines_[i].id,
                          lines_[j].rest, got[k]);
            checked++;
        }
        ck_assert_msg(k == n, "%s: %d code objects, python3 has %d", lines_[i].id, n, k);
        drop_code(co);
        free(src);
    }
    ck_assert_int_ge(checked, 30);
    unload();
}
END_TEST

static char *field_repr(wf_object *exc, const char *name) { return attr_repr(exc, name); }

START_TEST(test_syntax_errors) {
    load();
    int checked = 0;
    for (int i = 0; i < nlines; i++) {
        if (strcmp(lines_[i].kind, "ERR")) continue;
        size_t len;
        char *src = source_of(lines_[i].id, &len);
        char fname[96];
        snprintf(fname, sizeof fname, "%s.py", lines_[i].id);
        wf_object *co = wfv_compile_source(src, len, fname, 0);
        ck_assert_msg(co == NULL, "%s compiled", lines_[i].id);
        wf_object *exc = wf_err_fetch();
        ck_assert_ptr_nonnull(exc);
        ck_assert(wf_type_is_subtype(WF_TYPE(exc), &wf_exc_SyntaxError));
        char got[2048];
        wf_object *tn = wf_str_from_cstr(WF_TYPE(exc)->tp_name);
        wf_object *tr = wf_object_repr(tn);
        char *f[8];
        f[0] = dup_utf8(tr);
        const char *names[7] = {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
        for (int k = 0; k < 7; k++) f[k + 1] = field_repr(exc, names[k]);
        snprintf(got, sizeof got, "%s|%s|%s|%s|%s|%s|%s|%s", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        for (int k = 0; k < 8; k++) free(f[k]);
        wf_decref(tr);
        wf_decref(tn);
        ck_assert_msg(!strcmp(got, lines_[i].rest), "%s:\n  expected %s\n  got      %s", lines_[i].id, lines_[i].rest,
                      got);
        wf_decref(exc);
        free(src);
        checked++;
    }
    ck_assert_int_ge(checked, 7);
    unload();
}
END_TEST

START_TEST(test_repr_and_identity) {
    const char *src = "\n\ndef f():\n    return 1\n";
    wf_object *co = wfv_compile_source(src, strlen(src), "x.py", 0);
    ck_assert_ptr_nonnull(co);
    ck_assert(wf_is_deferred(co) || !WF_FREE_THREADED);
    wfv_code *c = (wfv_code *)co;
    wf_object *f = NULL;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(c->co_consts); i++)
        if (WFV_CODE_CHECK(WF_TUPLE_ITEM(c->co_consts, i))) f = WF_TUPLE_ITEM(c->co_consts, i);
    ck_assert_ptr_nonnull(f);
    wf_object *r = wf_object_repr(f);
    char want[128];
    snprintf(want, sizeof want, "<code object f at %p, file \"x.py\", line 3>", (void *)f);
    ck_assert_str_eq(wf_str_utf8(r, NULL), want);
    wf_decref(r);
    /* names are interned: the same object as an interned literal */
    wf_object *names = wf_object_getattr_string(co, "co_names");
    ck_assert_ptr_eq(WF_TUPLE_ITEM(names, 0), wf_str_intern_cstr("f"));
    wf_decref(names);
    /* read-only */
    ck_assert_int_lt(wf_object_setattr_string(co, "co_name", wf_None), 0);
    wf_err_clear();
    /* inline caches sized as the compiler says; slot map consistent */
    wf_ssize_t slots = 0;
    for (wf_ssize_t i = 0; i < c->co_ninstrs; i++)
        if (c->co_cache_slot[i] >= 0) ck_assert_int_eq(c->co_cache_slot[i], slots++);
    ck_assert_int_eq(slots, c->co_ncaches);
    drop_code(co);
}
END_TEST

START_TEST(test_constant_objects) {
    /* Every constant kind becomes the matching object: the repr of
     * co_consts is python3's (TUPLE lines of code_expected.txt). */
    load();
    int checked = 0;
    for (int i = 0; i < nlines; i++) {
        if (strcmp(lines_[i].kind, "TUPLE")) continue;
        size_t len;
        char *src = source_of(lines_[i].id, &len);
        ck_assert_ptr_nonnull(src);
        wf_object *co = wfv_compile_source(src, len, "c.py", 0);
        ck_assert_ptr_nonnull(co);
        wf_object *r = wf_object_repr(((wfv_code *)co)->co_consts);
        ck_assert_str_eq(wf_str_utf8(r, NULL), lines_[i].rest);
        wf_decref(r);
        drop_code(co);
        free(src);
        checked++;
    }
    ck_assert_int_ge(checked, 1);
    unload();
}
END_TEST

/* The verifier accepts the superinstruction groups the compiler's peephole
 * makes (runtime/compiler/opcodes.h) and rejects a group cut short, a
 * wrong middle instruction, and a jump landing inside a group. */
static int verify_words(const wfc_code *co, uint32_t *words, char *msg, size_t n) {
    wfc_code c = *co;
    c.code = words;
    return wfc_code_verify(&c, msg, n);
}

START_TEST(test_verify_superinstructions) {
    const char *src = "def f(a, b, l):\n"
                      "    x = a + b\n"
                      "    y = l[0] + a.z\n"
                      "    while a < b:\n"
                      "        a.w = l[b]\n"
                      "    return x\n";
    size_t len = strlen(src);
    wfc_arena *arena = wfc_arena_new();
    ck_assert_ptr_nonnull(arena);
    wfc_syntax_error err;
    memset(&err, 0, sizeof err);
    wfc_mod *m = wfc_parse(src, len, "<t>", arena, &err);
    ck_assert_ptr_nonnull(m);
    wfc_code_unit *u = wfc_compile(m, arena, src, len, "<t>", 0, &err);
    ck_assert_ptr_nonnull(u);
    char msg[256];
    ck_assert_int_eq(wfc_code_verify_all(u->top, msg, sizeof msg), 0);
    const wfc_code *f = NULL;
    for (int i = 0; i < u->top->nconsts; i++)
        if (u->top->consts[i]->kind == WFC_CONST_CODE) f = u->top->consts[i]->code;
    ck_assert_ptr_nonnull(f);
    int n2 = 0, n3 = 0, at2 = -1, at3 = -1, jump = -1;
    for (int i = 0; i < f->ninstrs; i++) {
        int op = WFC_OP(f->code[i]);
        int size = wfc_superinstruction_size(op);
        if (size == 2) n2++, at2 = at2 < 0 ? i : at2;
        if (size == 3) n3++, at3 = at3 < 0 ? i : at3;
        if (size) ck_assert_int_eq(WFC_OP(f->code[i + size - 1]), wfc_superinstruction_tail(op));
        if (op == WFC_JUMP) jump = i;
    }
    /* a + b, l[0], a < b, l[b]: three-word; a.z, a.w =: two-word */
    ck_assert_int_eq(n3, 4);
    ck_assert_int_ge(n2, 2);
    ck_assert_int_ge(jump, 0);
    size_t bytes = (size_t)f->ninstrs * sizeof(uint32_t);
    uint32_t *w = malloc(bytes);
    ck_assert_ptr_nonnull(w);

    memcpy(w, f->code, bytes);
    ck_assert_int_eq(verify_words(f, w, msg, sizeof msg), 0);
    w[at2 + 1] = WFC_INSTR(WFC_NOP, 0); /* a two-word group cut short */
    ck_assert_int_eq(verify_words(f, w, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, "not followed by"), "%s", msg);

    memcpy(w, f->code, bytes);
    w[at3 + 2] = WFC_INSTR(WFC_NOP, 0); /* a three-word group cut short */
    ck_assert_int_eq(verify_words(f, w, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, "not followed by"), "%s", msg);

    memcpy(w, f->code, bytes);
    w[at3 + 1] = WFC_INSTR(WFC_LOAD_CONST, 0); /* LOAD_FAST__LOAD_FAST__X over a constant */
    ck_assert_int_eq(verify_words(f, w, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, "in the middle"), "%s", msg);

    for (int k = 1; k <= 2; k++) { /* the loop's back jump into a group */
        memcpy(w, f->code, bytes);
        w[jump] = WFC_INSTR(WFC_JUMP, at3 + k);
        ck_assert_int_eq(verify_words(f, w, msg, sizeof msg), -1);
        ck_assert_msg(strstr(msg, "into a superinstruction"), "%s", msg);
    }
    free(w);
    wfc_code_unit_free(u);
    wfc_arena_free(arena);
}
END_TEST

Suite *code_suite(void) {
    Suite *s = suite_create("code");
    TCase *tc = tcase_create("code");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_code_attributes);
    tcase_add_test(tc, test_syntax_errors);
    tcase_add_test(tc, test_repr_and_identity);
    tcase_add_test(tc, test_constant_objects);
    tcase_add_test(tc, test_verify_superinstructions);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return wtest_run_suite(code_suite()); }
