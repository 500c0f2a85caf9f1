/*
 * runtime/vm/code.c — the `code` type: the compiler's output turned into
 * runtime objects, and compile() of source text to a code object.
 *
 * Owns: wfv_code_type, wfv_code_from_wfc (wfc_code -> wfv_code, recursive
 * over nested code constants) and wfv_compile_source (parse, compile,
 * convert; front-end errors become SyntaxError objects).
 *
 * Invariants:
 *   - A code object is immutable after wfv_code_from_wfc returns, except
 *     the entries of co_caches (atomic words the VM may rewrite).  Readers
 *     therefore need no lock, and code objects are safe to share between
 *     threads from the moment they are published.
 *   - Every name (co_names, co_localsplusnames and the tuples derived from
 *     it, co_name, co_qualname, co_filename) is an interned str, hence
 *     immortal.  String constants made only of ASCII letters, digits and
 *     '_' are interned too, as CPython interns identifier-like constants
 *     (also inside constant tuples and frozensets); other constants are
 *     ordinary objects owned by co_consts.  None/True/False/Ellipsis and
 *     small ints are the immortal singletons.
 *   - The code object itself uses deferred reference counting (set at
 *     creation, while it is private).  When a code object dies it clears
 *     the deferral of the code objects among its constants, so a tree of
 *     code objects is freed by clearing the top one's deferral.
 *   - co_varnames = the LOCAL slots of localsplus in order, co_cellvars the
 *     CELL slots, co_freevars the FREE slots (CPython's definitions).
 *
 * Thread safety: creation is private to the calling thread; everything
 * published is read-only apart from co_caches.
 */
#include "weft/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/code.h"
#include "runtime/compiler/compile.h"
#include "runtime/compiler/parser.h"
#include "runtime/objects/objimpl.h"
#include "runtime/vm/vm.h"

/* --- conversion ---------------------------------------------------------- */

static int all_name_chars(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

static wf_object *interned(const char *s) {
    wf_object *o = wf_str_from_cstr(s ? s : "");
    return o ? wf_str_intern(o) : NULL;
}

static wf_object *const_to_object(const wfc_constant *k);

/* The items of a TUPLE/FROZENSET constant as a tuple. */
static wf_object *const_items(const wfc_constant *k) {
    wf_object *t = wf_tuple_new(k->nelts);
    if (!t) return NULL;
    for (int i = 0; i < k->nelts; i++) {
        wf_object *v = const_to_object(k->elts[i]);
        if (!v) {
            wf_decref(t);
            return NULL;
        }
        WF_TUPLE_ITEM(t, i) = v;
    }
    return t;
}

static wf_object *const_to_object(const wfc_constant *k) {
    switch (k->kind) {
    case WFC_CONST_NONE: return wf_None;
    case WFC_CONST_TRUE: return wf_True;
    case WFC_CONST_FALSE: return wf_False;
    case WFC_CONST_ELLIPSIS: return wf_Ellipsis;
    case WFC_CONST_INT: return wf_int_from_string(k->str, (wf_ssize_t)strlen(k->str), 10);
    case WFC_CONST_FLOAT: return wf_float_from_double(k->f);
    case WFC_CONST_COMPLEX: return wf_complex_from_doubles(k->real, k->f);
    case WFC_CONST_STR: {
        wf_object *s = wf_str_from_utf8(k->str, (wf_ssize_t)k->len);
        if (s && all_name_chars(k->str, k->len)) s = wf_str_intern(s);
        return s;
    }
    case WFC_CONST_BYTES: return wf_bytes_from_data(k->str, (wf_ssize_t)k->len);
    case WFC_CONST_TUPLE: return const_items(k);
    case WFC_CONST_FROZENSET: {
        /* Built from the items in source order, then rebuilt from its own
         * iteration order, as CPython's compiler does when it merges the
         * constant (merge_consts_recursive): colliding items (hash(-1) ==
         * hash(-2)) then sit, and iterate, where they do in CPython. */
        wf_object *t = const_items(k);
        if (!t) return NULL;
        wf_object *first = wf_frozenset_new(t);
        wf_decref(t);
        if (!first) return NULL;
        t = wf_sequence_tuple(first);
        wf_decref(first);
        if (!t) return NULL;
        wf_object *fs = wf_frozenset_new(t);
        wf_decref(t);
        return fs;
    }
    case WFC_CONST_CODE: return wfv_code_from_wfc(k->code);
    }
    return wf_err_format(&wf_exc_SystemError, "unknown constant kind %d", (int)k->kind);
}

/* Interned names of the fast slots whose kind has `mask`. */
static wf_object *names_with_kind(const wfc_code *c, int mask, int n) {
    wf_object *t = wf_tuple_new(n);
    if (!t) return NULL;
    int k = 0;
    for (int i = 0; i < c->nlocalsplus && k < n; i++) {
        if (!(c->kinds[i] & mask)) continue;
        wf_object *s = interned(c->localsplus[i]);
        if (!s) {
            wf_decref(t);
            return NULL;
        }
        WF_TUPLE_ITEM(t, k++) = s;
    }
    if (k != n) {
        wf_decref(t);
        return wf_err_format(&wf_exc_SystemError, "code object %s: fast-slot kinds do not match counts",
                             c->qualname);
    }
    return t;
}

static wf_object *name_tuple(const char *const *names, int n) {
    wf_object *t = wf_tuple_new(n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        wf_object *s = interned(names[i]);
        if (!s) {
            wf_decref(t);
            return NULL;
        }
        WF_TUPLE_ITEM(t, i) = s;
    }
    return t;
}

static void *copy_array(const void *src, size_t n, size_t size) {
    void *p = malloc(n ? n * size : 1);
    if (p && n) memcpy(p, src, n * size);
    return p;
}

wf_object *wfv_code_from_wfc(const wfc_code *c) {
    if (!c) return wf_err_bad_internal_call("wfv_code_from_wfc");
    wfv_code *co = (wfv_code *)wfo_alloc(&wfv_code_type, sizeof(wfv_code));
    if (!co) return NULL;
    wf_set_deferred((wf_object *)co);
    co->co_flags = c->flags;
    co->co_argcount = c->argcount;
    co->co_posonlyargcount = c->posonlyargcount;
    co->co_kwonlyargcount = c->kwonlyargcount;
    co->co_nlocals = c->nlocals;
    co->co_stacksize = c->stacksize;
    co->co_firstlineno = c->firstlineno;
    co->co_nlocalsplus = c->nlocalsplus;
    co->co_ncellvars = c->ncellvars;
    co->co_nfreevars = c->nfreevars;
    co->co_ninstrs = c->ninstrs;
    co->co_nexc = c->nexc;
    co->co_ncaches = c->ncaches;
    _Static_assert(sizeof(wfv_pos) == sizeof(wfc_pos), "wfv_pos mirrors wfc_pos");
    _Static_assert(sizeof(wfv_exc_entry) == sizeof(wfc_exc_entry), "wfv_exc_entry mirrors wfc_exc_entry");
    co->co_code = copy_array(c->code, (size_t)c->ninstrs, sizeof(uint32_t));
    co->co_positions = copy_array(c->positions, (size_t)c->ninstrs, sizeof(wfv_pos));
    co->co_exctable = copy_array(c->exctable, (size_t)c->nexc, sizeof(wfv_exc_entry));
    co->co_localspluskinds = copy_array(c->kinds, (size_t)c->nlocalsplus, 1);
    co->co_caches = calloc(c->ncaches ? (size_t)c->ncaches : 1, sizeof(wfv_inline_cache));
    co->co_cache_slot = malloc((c->ninstrs ? (size_t)c->ninstrs : 1) * sizeof(int32_t));
    int *slots = wfc_code_cache_slots(c);
    if (!co->co_code || !co->co_positions || !co->co_exctable || !co->co_localspluskinds || !co->co_caches ||
        !co->co_cache_slot || !slots) {
        free(slots);
        wf_err_no_memory();
        goto fail;
    }
    for (int i = 0; i < c->ninstrs; i++) co->co_cache_slot[i] = slots[i];
    free(slots);

    if (!(co->co_filename = interned(c->filename)) || !(co->co_name = interned(c->name)) ||
        !(co->co_qualname = interned(c->qualname)))
        goto fail;
    if (!(co->co_names = name_tuple(c->names, c->nnames))) goto fail;
    if (!(co->co_localsplusnames = name_tuple(c->localsplus, c->nlocalsplus))) goto fail;
    if (!(co->co_varnames = names_with_kind(c, WFC_LP_LOCAL, c->nlocals))) goto fail;
    if (!(co->co_cellvars = names_with_kind(c, WFC_LP_CELL, c->ncellvars))) goto fail;
    if (!(co->co_freevars = names_with_kind(c, WFC_LP_FREE, c->nfreevars))) goto fail;
    if (!(co->co_consts = wf_tuple_new(c->nconsts))) goto fail;
    for (int i = 0; i < c->nconsts; i++) {
        wf_object *v = const_to_object(c->consts[i]);
        if (!v) goto fail;
        WF_TUPLE_ITEM(co->co_consts, i) = v;
    }
    return (wf_object *)co;
fail:
    wf_clear_deferred((wf_object *)co);
    wf_decref((wf_object *)co);
    return NULL;
}

/* The compiler's SyntaxWarnings through warnings.warn_explicit (module
 * derived from the filename, a fresh registry: CPython's
 * PyErr_WarnExplicitObject).  0, or -1 with the exception a filter made of
 * the warning. */
static void mode_error(wfc_syntax_error *e, const char *src, size_t len, int l, int c, int el, int ec,
                       const char *fmt, ...);
static void raise_front_end_error(const wfc_syntax_error *e, const char *filename, int parsed);

static int issue_warnings(const wfc_code_unit *u, const char *filename, const char *src, size_t len) {
    if (!u->warnings) return 0;
    wf_object *mod = wfv_import_module("warnings");
    if (!mod) return -1;
    wf_object *fn = wf_object_getattr_string(mod, "warn_explicit");
    wf_decref(mod);
    if (!fn) return -1;
    wf_object *fname = wf_str_from_cstr(filename);
    int rc = fname ? 0 : -1;
    for (const wfc_warning *w = u->warnings; w && rc == 0; w = w->next) {
        wf_object *msg = wf_str_from_cstr(w->msg), *line = wf_int_from_i64(w->lineno), *r = NULL;
        if (msg && line)
            r = wf_object_call_objs(fn, msg, (wf_object *)&wf_exc_SyntaxWarning, fname, line, NULL);
        if (!r) {
            rc = -1;
            if (wf_err_matches((wf_object *)&wf_exc_SyntaxWarning)) {
                /* a filter made it an error: CPython reports a SyntaxError */
                wf_err_clear();
                wfc_syntax_error e;
                memset(&e, 0, sizeof e);
                mode_error(&e, src, len, w->lineno, w->col, w->end_lineno, w->end_col, "%s", w->msg);
                raise_front_end_error(&e, filename, 1);
                wfc_syntax_error_clear(&e);
            }
        }
        wf_xdecref(r);
        wf_xdecref(msg);
        wf_xdecref(line);
    }
    wf_xdecref(fname);
    wf_decref(fn);
    return rc;
}

/* --- compile ---------------------------------------------------------------- */

/* Characters in the first `bytes` bytes of UTF-8 text s (length n);
 * bytes past the end count one each. */
static long chars_upto(const char *s, size_t n, long bytes) {
    long count = 0;
    if (bytes > (long)n) {
        count += bytes - (long)n;
        bytes = (long)n;
    }
    for (long i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) count++;
    return count;
}

static wf_object *int_or_none(long v, int known) { return known ? wf_int_from_i64(v) : wf_None; }

/* Raise the front end's error as the matching exception object. */
/* Line `lineno` of the file `filename` (newline kept), or NULL when the
 * file cannot be read: CPython fills SyntaxError.text of errors found
 * after parsing (symbol table, compiler) from the file, not the source. */
static char *line_from_file(const char *filename, int lineno) {
    FILE *f = fopen(filename, "rb");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0, n = 0;
    int l = 1, c;
    while ((c = fgetc(f)) != EOF) {
        if (l == lineno) {
            if (n + 2 > cap) {
                char *p = realloc(line, cap = cap ? 2 * cap : 128);
                if (!p) break;
                line = p;
            }
            line[n++] = (char)c;
        }
        if (c == '\n' && ++l > lineno) break;
    }
    fclose(f);
    if (line) line[n] = '\0';
    return line;
}

/* Raise the front end's error as the matching exception object.  Parser
 * errors (parsed == 0) carry the source line and character offsets;
 * later errors byte offsets + 1 and the line read from the file. */
static void raise_front_end_error(const wfc_syntax_error *e, const char *filename, int parsed) {
    if (e->kind == WFC_ERR_MEMORY) {
        if (e->msg[0]) wf_err_set_string(&wf_exc_MemoryError, e->msg);
        else wf_err_no_memory();
        return;
    }
    if (e->kind == WFC_ERR_RECURSION) {
        wf_err_set_string(&wf_exc_RecursionError, e->msg);
        return;
    }
    wf_type *type = e->kind == WFC_ERR_INDENT ? &wf_exc_IndentationError
                    : e->kind == WFC_ERR_TAB  ? &wf_exc_TabError
                                              : &wf_exc_SyntaxError;
    wf_object *msg = wf_str_from_utf8(e->msg, (wf_ssize_t)strlen(e->msg));
    wf_object *fname = wf_str_from_cstr(filename);
    wf_object *text = NULL;
    long offset = 0, end_offset = 0;
    int have_offset = 0, have_end = 0;
    if (parsed) {
        char *line = e->lineno > 0 ? line_from_file(filename, e->lineno) : NULL;
        text = line ? wf_str_from_utf8(line, (wf_ssize_t)strlen(line)) : wf_None;
        free(line);
        if (e->col_offset >= 0) {
            offset = e->col_offset + 1;
            have_offset = 1;
        }
        if (e->end_col_offset >= 0) {
            end_offset = e->end_col_offset + 1;
            have_end = 1;
        }
    } else if (e->text && e->lineno > 0) {
        size_t n = strlen(e->text);
        int nl = 1; /* CPython's tokenizer ends every line with '\n' */
        char *buf = malloc(n + 2);
        if (buf) {
            memcpy(buf, e->text, n);
            if (nl) buf[n++] = '\n';
            buf[n] = '\0';
            text = wf_str_from_utf8(buf, (wf_ssize_t)n);
            free(buf);
        } else {
            wf_err_no_memory();
        }
        n = strlen(e->text);
        if (e->col_offset >= 0) {
            offset = chars_upto(e->text, n, e->col_offset) + 1;
            have_offset = 1;
        }
        /* An unknown end (< 0) stays raw + 1, as CPython's parser reports it. */
        if (e->end_col_offset >= 0 && e->end_lineno == e->lineno)
        {
            /* a token past the end of the line (EOF) ends at the line's end */
            end_offset = chars_upto(e->text, n, e->end_col_offset) + 1;
            long max = chars_upto(e->text, n, (long)n) + 1;
            if (end_offset > max) end_offset = max;
        } else
            end_offset = e->end_col_offset + 1;
        have_end = 1;
    } else {
        text = wf_None;
        if (e->col_offset >= 0) {
            offset = e->col_offset + 1;
            have_offset = 1;
        }
        if (e->end_col_offset >= 0) {
            end_offset = e->end_col_offset + 1;
            have_end = 1;
        }
    }
    wf_object *lineno = int_or_none(e->lineno, e->lineno > 0);
    wf_object *off = int_or_none(offset, have_offset);
    wf_object *eline = int_or_none(e->end_lineno > 0 ? e->end_lineno : e->lineno, have_end && e->lineno > 0);
    wf_object *eoff = int_or_none(end_offset, have_end);
    wf_object *info = NULL, *args = NULL, *exc = NULL;
    if (msg && fname && text && lineno && off && eline && eoff) {
        info = wf_tuple_pack(6, fname, lineno, off, text, eline, eoff);
        if (info) args = wf_tuple_pack(2, msg, info);
        if (args) exc = wf_exc_new(type, args);
    }
    wf_xdecref(msg);
    wf_xdecref(fname);
    wf_xdecref(text);
    wf_xdecref(lineno);
    wf_xdecref(off);
    wf_xdecref(eline);
    wf_xdecref(eoff);
    wf_xdecref(info);
    wf_xdecref(args);
    if (exc) {
        wf_err_set_object(type, exc);
        wf_decref(exc);
    } else if (!wf_err_occurred()) {
        wf_err_no_memory();
    }
}

wf_object *wfv_compile_source(const char *src, size_t len, const char *filename, int optimize) {
    wfc_syntax_error err;
    memset(&err, 0, sizeof err);
    wfc_arena *arena = wfc_arena_new();
    if (!arena) return wf_err_no_memory();
    wf_object *result = NULL;
    wfc_code_unit *u = NULL;
    wfc_mod *m = wfc_parse(src, len, filename, arena, &err);
    if (m && wfc_check_depth(m, &err) == 0) u = wfc_compile(m, arena, src, len, filename, optimize, &err);
    if (u) {
        if (issue_warnings(u, filename, src, len) == 0) result = wfv_code_from_wfc(u->top);
        wfc_code_unit_free(u);
    } else {
        raise_front_end_error(&err, filename, m != NULL);
    }
    wfc_arena_free(arena);
    wfc_syntax_error_clear(&err);
    return result;
}

/* compile(src, filename, mode) for the builtins (added by "builtins"):
 * mode 0 "exec", 1 "eval" (the module must be one expression statement,
 * compiled as an Expression: the code returns its value), 2 "single" (one
 * statement compiled as Interactive: expression values are printed). */
static void mode_error(wfc_syntax_error *e, const char *src, size_t len, int l, int c, int el, int ec,
                       const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    wfc_syntax_error_vset(e, src, len, l, c, el, ec, fmt, ap);
    va_end(ap);
}

wf_object *wfv_compile_source_mode(const char *src, size_t len, const char *filename, int mode,
                                   int optimize) {
    if (mode == 0) return wfv_compile_source(src, len, filename, optimize);
    wfc_syntax_error err;
    memset(&err, 0, sizeof err);
    wfc_arena *arena = wfc_arena_new();
    if (!arena) return wf_err_no_memory();
    wf_object *result = NULL;
    wfc_code_unit *u = NULL;
    int parsed = 0;
    wfc_mod *m = wfc_parse(src, len, filename, arena, &err);
    if (m) {
        const wfc_seq *body = m->v.Module.body;
        int n = body ? (int)body->len : 0;
        const wfc_stmt *s0 = n > 0 ? (const wfc_stmt *)body->items[0] : NULL;
        if (mode == 1) {
            if (n == 0) {
                /* CPython reports an empty expression at line 0, offset 0. */
                wfc_arena_free(arena);
                wfc_syntax_error_clear(&err);
                wf_object *info = wf_str_from_cstr(filename), *t = NULL, *a = NULL, *x = NULL;
                wf_object *zero = wf_small_int(0), *empty = wf_str_from_cstr("");
                wf_object *msg = wf_str_from_cstr("invalid syntax");
                if (info && empty && msg) t = wf_tuple_pack(6, info, zero, zero, empty, zero, zero);
                if (t) a = wf_tuple_pack(2, msg, t);
                if (a) x = wf_exc_new(&wf_exc_SyntaxError, a);
                if (x) wf_err_set_object(&wf_exc_SyntaxError, x);
                wf_xdecref(info);
                wf_xdecref(empty);
                wf_xdecref(msg);
                wf_xdecref(t);
                wf_xdecref(a);
                wf_xdecref(x);
                return NULL;
            } else if (s0->kind != WFC_Expr) {
                int c = s0->col_offset, ec = c + 1;
                if (s0->kind == WFC_Assign) {
                    const wfc_expr *t = (const wfc_expr *)s0->v.Assign.targets->items[0];
                    c = t->end_col_offset;
                    if (t->end_lineno == s0->lineno) {
                        /* point at the '=' after the target, as CPython */
                        const char *ln = src;
                        for (int k = 1; k < s0->lineno && ln < src + len; k++) {
                            const char *nl = memchr(ln, '\n', (size_t)(src + len - ln));
                            ln = nl ? nl + 1 : src + len;
                        }
                        while (ln + c < src + len && (ln[c] == ' ' || ln[c] == '\t')) c++;
                    }
                    ec = c + 1;
                } else {
                    ec = c;
                    while ((size_t)ec < len && src[ec] >= 'a' && src[ec] <= 'z') ec++;
                    if (ec == c) ec = c + 1;
                }
                mode_error(&err, src, len, s0->lineno, c, s0->lineno, ec, "invalid syntax");
                m = NULL;
            } else if (n > 1) {
                const wfc_stmt *s1 = (const wfc_stmt *)body->items[1];
                if (s1->lineno == s0->end_lineno)
                    mode_error(&err, src, len, s0->end_lineno, s0->end_col_offset, s0->end_lineno,
                               s0->end_col_offset + 1, "invalid syntax");
                else
                    mode_error(&err, src, len, s1->lineno, s1->col_offset, s1->lineno,
                               s1->col_offset + 1, "invalid syntax");
                m = NULL;
            } else {
                wfc_expr *value = s0->v.Expr.value;
                m->kind = WFC_Expression;
                m->v.Expression.body = value;
            }
        } else {
            if (n > 1) {
                const wfc_stmt *s1 = (const wfc_stmt *)body->items[1];
                mode_error(&err, src, len, s1->lineno, s1->col_offset, s1->lineno, s1->col_offset + 1,
                           "multiple statements found while compiling a single statement");
                m = NULL;
            } else {
                wfc_seq *b = m->v.Module.body;
                m->kind = WFC_Interactive;
                m->v.Interactive.body = b;
            }
        }
        parsed = m != NULL;
    }
    if (m && wfc_check_depth(m, &err) == 0) u = wfc_compile(m, arena, src, len, filename, optimize, &err);
    if (u) {
        if (issue_warnings(u, filename, src, len) == 0) result = wfv_code_from_wfc(u->top);
        wfc_code_unit_free(u);
    } else {
        raise_front_end_error(&err, filename, parsed);
    }
    wfc_arena_free(arena);
    wfc_syntax_error_clear(&err);
    return result;
}

/* --- the type ----------------------------------------------------------------- */

static void code_dealloc(wf_object *o) {
    wfv_code *co = (wfv_code *)o;
    if (co->co_consts) {
        /* Nested code objects: this constant tuple holds the reference
         * their creator (this conversion) made; drop their deferral so the
         * tuple's release can free them once nothing else refers to them. */
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(co->co_consts); i++) {
            wf_object *v = WF_TUPLE_ITEM(co->co_consts, i);
            if (v && WFV_CODE_CHECK(v)) wf_clear_deferred(v);
        }
    }
    wf_xdecref(co->co_consts);
    wf_xdecref(co->co_names);
    wf_xdecref(co->co_varnames);
    wf_xdecref(co->co_cellvars);
    wf_xdecref(co->co_freevars);
    wf_xdecref(co->co_localsplusnames);
    wf_xdecref(co->co_filename);
    wf_xdecref(co->co_name);
    wf_xdecref(co->co_qualname);
    free(co->co_code);
    free(co->co_positions);
    free(co->co_cache_slot);
    free(co->co_exctable);
    free(co->co_caches);
    free(co->co_localspluskinds);
    wfo_free_instance(o);
}

static int code_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wfv_code *co = (wfv_code *)o;
    return co->co_consts ? visit(co->co_consts, arg) : 0;
}

static wf_object *code_repr(wf_object *o) {
    wfv_code *co = (wfv_code *)o;
    return wf_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name, (void *)co,
                              co->co_filename, co->co_firstlineno);
}

#define INT_GETTER(field)                                                   \
    static wf_object *get_##field(wf_object *o, void *closure) {            \
        (void)closure;                                                      \
        return wf_int_from_i64(((wfv_code *)o)->field);                     \
    }
#define OBJ_GETTER(field)                                                   \
    static wf_object *get_##field(wf_object *o, void *closure) {            \
        (void)closure;                                                      \
        return wf_newref(((wfv_code *)o)->field);                           \
    }
INT_GETTER(co_argcount)
INT_GETTER(co_posonlyargcount)
INT_GETTER(co_kwonlyargcount)
INT_GETTER(co_nlocals)
INT_GETTER(co_stacksize)
INT_GETTER(co_flags)
INT_GETTER(co_firstlineno)
OBJ_GETTER(co_consts)
OBJ_GETTER(co_names)
OBJ_GETTER(co_varnames)
OBJ_GETTER(co_cellvars)
OBJ_GETTER(co_freevars)
OBJ_GETTER(co_filename)
OBJ_GETTER(co_name)
OBJ_GETTER(co_qualname)

/* co_code: the instruction words as bytes (little-endian 32-bit words;
 * weft's format, not CPython's). */
static wf_object *get_co_code(wf_object *o, void *closure) {
    (void)closure;
    wfv_code *co = (wfv_code *)o;
    wf_object *b = wf_bytes_from_data(NULL, co->co_ninstrs * 4);
    if (!b) return NULL;
    unsigned char *p = (unsigned char *)WF_BYTES_DATA(b);
    for (wf_ssize_t i = 0; i < co->co_ninstrs; i++) {
        uint32_t w = co->co_code[i];
        p[4 * i] = (unsigned char)w;
        p[4 * i + 1] = (unsigned char)(w >> 8);
        p[4 * i + 2] = (unsigned char)(w >> 16);
        p[4 * i + 3] = (unsigned char)(w >> 24);
    }
    return b;
}

/* --- replace(), co_lines(), co_positions() ---------------------------------- */

/* code.replace(**changes): a new code object sharing this one's immutable
 * arrays (copied) and objects (new references).  The scalar fields,
 * co_consts, co_names, co_filename, co_name and co_qualname may change;
 * the fields that describe the instruction stream or the fast-slot layout
 * (co_code, co_varnames, co_cellvars, co_freevars, co_nlocals,
 * co_stacksize, ...) may only be passed unchanged.  The copy gets fresh,
 * empty inline caches; it is private until returned. */
static int replace_int(wf_object *v, const char *key, int *out) {
    if (!WF_INT_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "replace() argument '%s' must be int, not %T", key, v);
        return -1;
    }
    int ovf = 0;
    int64_t x = wf_int_as_i64_overflow(v, &ovf);
    if (ovf || x < INT32_MIN || x > INT32_MAX) {
        wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int replace_obj(wf_object *v, const char *key, int want_tuple, wf_object **slot) {
    if (want_tuple ? !WF_TUPLE_CHECK(v) : !WF_STR_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "replace() argument '%s' must be %s, not %T", key,
                      want_tuple ? "tuple" : "str", v);
        return -1;
    }
    wf_object *old = *slot;
    *slot = wf_newref(v);
    wf_decref(old);
    return 0;
}

static wf_object *code_replace(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    wfv_code *src = (wfv_code *)self;
    if (nargs != 0)
        return wf_err_format(&wf_exc_TypeError, "replace() takes no positional arguments");
    wfv_code *co = (wfv_code *)wfo_alloc(&wfv_code_type, sizeof(wfv_code));
    if (!co) return NULL;
    wf_set_deferred((wf_object *)co);
    co->co_flags = src->co_flags;
    co->co_argcount = src->co_argcount;
    co->co_posonlyargcount = src->co_posonlyargcount;
    co->co_kwonlyargcount = src->co_kwonlyargcount;
    co->co_nlocals = src->co_nlocals;
    co->co_stacksize = src->co_stacksize;
    co->co_firstlineno = src->co_firstlineno;
    co->co_nlocalsplus = src->co_nlocalsplus;
    co->co_ncellvars = src->co_ncellvars;
    co->co_nfreevars = src->co_nfreevars;
    co->co_ninstrs = src->co_ninstrs;
    co->co_nexc = src->co_nexc;
    co->co_ncaches = src->co_ncaches;
    co->co_code = copy_array(src->co_code, (size_t)src->co_ninstrs, sizeof(uint32_t));
    co->co_positions = copy_array(src->co_positions, (size_t)src->co_ninstrs, sizeof(wfv_pos));
    co->co_cache_slot = copy_array(src->co_cache_slot, (size_t)src->co_ninstrs, sizeof(int32_t));
    co->co_exctable = copy_array(src->co_exctable, (size_t)src->co_nexc, sizeof(wfv_exc_entry));
    co->co_localspluskinds = copy_array(src->co_localspluskinds, (size_t)src->co_nlocalsplus, 1);
    co->co_caches = calloc(src->co_ncaches ? (size_t)src->co_ncaches : 1, sizeof(wfv_inline_cache));
    co->co_consts = wf_newref(src->co_consts);
    co->co_names = wf_newref(src->co_names);
    co->co_varnames = wf_newref(src->co_varnames);
    co->co_cellvars = wf_newref(src->co_cellvars);
    co->co_freevars = wf_newref(src->co_freevars);
    co->co_localsplusnames = wf_newref(src->co_localsplusnames);
    co->co_filename = wf_newref(src->co_filename);
    co->co_name = wf_newref(src->co_name);
    co->co_qualname = wf_newref(src->co_qualname);
    if (!co->co_code || !co->co_positions || !co->co_cache_slot || !co->co_exctable ||
        !co->co_localspluskinds || !co->co_caches) {
        wf_err_no_memory();
        goto fail;
    }
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (wf_ssize_t i = 0; i < nkw; i++) {
        const char *key = wf_str_utf8(WF_TUPLE_ITEM(kwnames, i), NULL);
        wf_object *v = args[nargs + i];
        if (!key) goto fail;
        int rc;
        if (!strcmp(key, "co_flags")) rc = replace_int(v, key, &co->co_flags);
        else if (!strcmp(key, "co_argcount")) rc = replace_int(v, key, &co->co_argcount);
        else if (!strcmp(key, "co_posonlyargcount")) rc = replace_int(v, key, &co->co_posonlyargcount);
        else if (!strcmp(key, "co_kwonlyargcount")) rc = replace_int(v, key, &co->co_kwonlyargcount);
        else if (!strcmp(key, "co_firstlineno")) rc = replace_int(v, key, &co->co_firstlineno);
        else if (!strcmp(key, "co_name")) rc = replace_obj(v, key, 0, &co->co_name);
        else if (!strcmp(key, "co_qualname")) rc = replace_obj(v, key, 0, &co->co_qualname);
        else if (!strcmp(key, "co_filename")) rc = replace_obj(v, key, 0, &co->co_filename);
        else if (!strcmp(key, "co_consts")) {
            if (WF_TUPLE_CHECK(v) && WF_TUPLE_SIZE(v) < WF_TUPLE_SIZE(src->co_consts)) {
                wf_err_format(&wf_exc_ValueError, "code.replace(): co_consts is too short");
                goto fail;
            }
            rc = replace_obj(v, key, 1, &co->co_consts);
        } else if (!strcmp(key, "co_names")) {
            if (WF_TUPLE_CHECK(v) && WF_TUPLE_SIZE(v) < WF_TUPLE_SIZE(src->co_names)) {
                wf_err_format(&wf_exc_ValueError, "code.replace(): co_names is too short");
                goto fail;
            }
            rc = replace_obj(v, key, 1, &co->co_names);
        } else if (!strcmp(key, "co_code") || !strcmp(key, "co_varnames") || !strcmp(key, "co_cellvars") ||
                   !strcmp(key, "co_freevars") || !strcmp(key, "co_nlocals") ||
                   !strcmp(key, "co_stacksize") || !strcmp(key, "co_linetable") ||
                   !strcmp(key, "co_exceptiontable")) {
            /* layout fields: accepted only unchanged */
            wf_object *cur = wf_object_getattr_string(self, key);
            if (!cur) {
                wf_err_clear();
                wf_err_format(&wf_exc_ValueError, "code.replace(): changing %s is not supported", key);
                goto fail;
            }
            int eq = wf_object_rich_compare_bool(cur, v, WF_EQ);
            wf_decref(cur);
            if (eq < 0) goto fail;
            if (!eq) {
                wf_err_format(&wf_exc_ValueError, "code.replace(): changing %s is not supported", key);
                goto fail;
            }
            rc = 0;
        } else {
            wf_err_format(&wf_exc_TypeError, "'%s' is an invalid keyword argument for replace()", key);
            goto fail;
        }
        if (rc < 0) goto fail;
    }
    /* Code objects among the constants are shared with the original; this
     * copy's death clears their deferral (code_dealloc), which is harmless:
     * they stay alive through the references the tuple holds. */
    return (wf_object *)co;
fail:
    wf_clear_deferred((wf_object *)co);
    wf_decref((wf_object *)co);
    return NULL;
}

static wf_object *pos_field(int v) { return v < 0 ? wf_newref(wf_None) : wf_int_from_i64(v); }

/* co_lines(): (start, end, lineno) over co_code's byte offsets (WFV_INSTR_BYTES per
 * instruction word), consecutive instructions on one line merged; lineno is
 * None for artificial instructions. */
static wf_object *code_co_lines(wf_object *self, wf_object *unused) {
    (void)unused;
    wfv_code *co = (wfv_code *)self;
    wf_object *list = wf_list_new(0);
    if (!list) return NULL;
    wf_ssize_t i = 0;
    while (i < co->co_ninstrs) {
        int line = co->co_positions[i].lineno;
        wf_ssize_t j = i + 1;
        while (j < co->co_ninstrs && co->co_positions[j].lineno == line) j++;
        wf_object *a = wf_int_from_i64(i * WFV_INSTR_BYTES), *b = wf_int_from_i64(j * WFV_INSTR_BYTES), *l = pos_field(line);
        wf_object *t = (a && b && l) ? wf_tuple_pack(3, a, b, l) : NULL;
        wf_xdecref(a);
        wf_xdecref(b);
        wf_xdecref(l);
        if (!t || wf_list_append(list, t) < 0) {
            wf_xdecref(t);
            wf_decref(list);
            return NULL;
        }
        wf_decref(t);
        i = j;
    }
    wf_object *it = wf_object_get_iter(list);
    wf_decref(list);
    return it;
}

/* co_positions(): (lineno, end_lineno, col, end_col) per 2-byte code unit
 * of co_code, as CPython (each instruction word's position repeated for
 * its units: vm.h, WFV_INSTR_BYTES), None where unknown. */
static wf_object *code_co_positions(wf_object *self, wf_object *unused) {
    (void)unused;
    wfv_code *co = (wfv_code *)self;
    wf_object *list = wf_list_new(0);
    if (!list) return NULL;
    for (wf_ssize_t i = 0; i < co->co_ninstrs; i++) {
        wfv_pos p = co->co_positions[i];
        wf_object *f[4] = {pos_field(p.lineno), pos_field(p.end_lineno), pos_field(p.col),
                           pos_field(p.end_col)};
        wf_object *t = (f[0] && f[1] && f[2] && f[3]) ? wf_tuple_pack(4, f[0], f[1], f[2], f[3]) : NULL;
        for (int k = 0; k < 4; k++) wf_xdecref(f[k]);
        int ok = t != NULL;
        for (int u = 0; ok && u < WFV_INSTR_BYTES / 2; u++) ok = wf_list_append(list, t) == 0;
        wf_xdecref(t);
        if (!ok) {
            wf_decref(list);
            return NULL;
        }
    }
    wf_object *it = wf_object_get_iter(list);
    wf_decref(list);
    return it;
}

static wf_method_def code_methods[] = {
    {"replace", (void *)code_replace, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return a copy of the code object with new values for the specified fields."},
    {"co_lines", (void *)code_co_lines, WF_METH_NOARGS, NULL},
    {"co_positions", (void *)code_co_positions, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define GS(name, doc) {#name, get_##name, NULL, doc, NULL}
static wf_getset_def code_getset[] = {
    GS(co_argcount, "number of positional parameters (positional-only included)"),
    GS(co_posonlyargcount, "number of positional-only parameters"),
    GS(co_kwonlyargcount, "number of keyword-only parameters"),
    GS(co_nlocals, "number of local variables"),
    GS(co_stacksize, "maximum operand-stack depth"),
    GS(co_flags, "CO_* flags"),
    GS(co_firstlineno, "first source line"),
    GS(co_consts, "tuple of constants"),
    GS(co_names, "tuple of global, attribute and import names"),
    GS(co_varnames, "tuple of local variable names (parameters first)"),
    GS(co_cellvars, "tuple of names of cells created by this code"),
    GS(co_freevars, "tuple of names of free variables"),
    GS(co_filename, "file name the code was compiled from"),
    GS(co_name, "name of the function, class or module"),
    GS(co_qualname, "qualified name"),
    GS(co_code, "instruction words as bytes"),
    {NULL, NULL, NULL, NULL, NULL},
};

wf_type wfv_code_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "code",
    .tp_basicsize = sizeof(wfv_code),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = code_dealloc,
    .tp_traverse = code_traverse,
    .tp_repr = code_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_getset = code_getset,
    .tp_methods = code_methods,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
};

/* Scaling: make the constants of a program's code immortal, so that
 * LOAD_CONST from many threads writes no shared reference count (ARCHITECTURE
 * decision 2).  For code compiled from files and imports only (its text is
 * bounded by the program), not for exec/eval/compile() of strings, whose
 * code objects come and go (their constants become per-thread when other
 * threads load them: LOAD_CONST's hint in eval.c).  Must run while the
 * code is private to the calling thread (right after compiling it).  Strings, bytes, numbers and
 * tuples/frozensets of them are immortalised; nested code objects are
 * walked.  Sanitizer builds skip it so LeakSanitizer sees every object
 * freed. */
static void immortalize_const(wf_object *v, int depth) {
    if (!v || wf_is_immortal(v) || depth > 8) return;
    if (WFV_CODE_CHECK(v)) {
        /* A nested code object (a def, lambda, class body or
         * comprehension): every MAKE_FUNCTION of it counts references to
         * it and to its names, from whichever thread runs the def. */
        wfv_code *co = (wfv_code *)v;
        wfv_code_immortalize_consts(v);
        immortalize_const(co->co_name, depth + 1);
        immortalize_const(co->co_qualname, depth + 1);
        immortalize_const(co->co_filename, depth + 1);
#if WF_FREE_THREADED
        if (!wf_is_owned_by_current_thread(v)) return;
#endif
        wf_set_immortal(v); /* also drops the deferred count */
        return;
    }
    wf_type *t = WF_TYPE(v);
    if (t == &wf_tuple_type) {
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(v); i++) immortalize_const(WF_TUPLE_ITEM(v, i), depth + 1);
    } else if (t != &wf_str_type && t != &wf_bytes_type && t != &wf_int_type &&
               t != &wf_float_type && t != &wf_complex_type) {
        return; /* frozensets and anything else keep ordinary counts */
    }
#if WF_FREE_THREADED
    if (!wf_is_owned_by_current_thread(v)) return;
#endif
    wf_set_immortal(v);
}

void wfv_code_immortalize_consts(wf_object *code) {
#if defined(WF_ASAN) && WF_ASAN
    (void)code;
#else
    if (!code || !WFV_CODE_CHECK(code)) return;
    wf_object *consts = ((wfv_code *)code)->co_consts;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(consts); i++) immortalize_const(WF_TUPLE_ITEM(consts, i), 0);
#endif
}
