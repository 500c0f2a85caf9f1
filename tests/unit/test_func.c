/*
 * tests/unit/test_func.c — functions, argument binding, cells, super and
 * the iterator builtins through the C API (runtime/objects/func.c,
 * super.c, iterobjects.c).
 *
 * Function objects are made from code objects compiled by
 * wfv_compile_source (the module's nested code constants); their defaults
 * are set through __defaults__/__kwdefaults__ because no MAKE_FUNCTION
 * runs here.  wfv_bind_args is called directly on a slot array and its
 * result (the bound slots, or the TypeError message) is compared with
 * what python3 (CPython 3.11) prints for the same call; the expected
 * strings are written next to each call.  Also: function attributes,
 * cells, super (on heap types made with wf_type_new_from_spec), the
 * iterator builtins and memoryview through vectorcall, and 4 threads
 * swapping a function's defaults and a cell's contents while others bind
 * calls and drain one shared enumerate (run under TSan/ASan too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/gc.h"
#include "runtime/vm/vm.h"
#include "wtest.h"

static const char *SRC =
    "def f(a, b, /, c, *, d=1): pass\n"
    "def g(*, a, b, c): pass\n"
    "def h(a=1, *, b): pass\n"
    "def k(a, b, c, d): pass\n"
    "def n(a, /, **kw): pass\n"
    "def z(): pass\n"
    "def o(a): pass\n"
    "def v(a, b=2, *args, c, d=4, **kw):\n"
    "    'the doc'\n"
    "    pass\n"
    "class A:\n"
    "    def m(self, x): pass\n"
    "def clo():\n"
    "    x = 1\n"
    "    def inner(): return x\n"
    "    return inner\n";

static wf_object *module_code;
static wf_object *globals;

static wf_object *find_code(wf_object *co, const char *name) {
    wf_object *consts = ((wfv_code *)co)->co_consts;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(consts); i++) {
        wf_object *c = WF_TUPLE_ITEM(consts, i);
        if (!WFV_CODE_CHECK(c)) continue;
        if (wf_str_eq_cstr(((wfv_code *)c)->co_name, name)) return c;
        wf_object *r = find_code(c, name);
        if (r) return r;
    }
    return NULL;
}

static void load(void) {
    if (!module_code) {
        module_code = wfv_compile_source(SRC, strlen(SRC), "<test>", 0);
        ck_assert_ptr_nonnull(module_code);
        globals = wf_dict_new();
        wf_object *name = wf_str_from_cstr("testmod");
        wf_dict_set_item_string(globals, "__name__", name);
        wf_decref(name);
    }
}

static void unload(void) {
    if (module_code) {
        wf_clear_deferred(module_code);
        wf_decref(module_code);
        module_code = NULL;
        wf_decref(globals);
        globals = NULL;
    }
}

static wf_object *make_func(const char *name) {
    load();
    wf_object *co = find_code(module_code, name);
    ck_assert_msg(co != NULL, "no code %s", name);
    wf_object *f = wfv_function_new(co, globals, NULL);
    ck_assert_ptr_nonnull(f);
    return f;
}

static char *utf8_dup(wf_object *s) {
    wf_ssize_t n;
    const char *p = wf_str_utf8(s, &n);
    ck_assert_ptr_nonnull(p);
    return strdup(p);
}

static char *repr_of(wf_object *o) {
    wf_object *r = wf_object_repr(o);
    ck_assert_ptr_nonnull(r);
    char *s = utf8_dup(r);
    wf_decref(r);
    return s;
}

/* "Type: message" of the pending exception (cleared). */
static char *exc_text(void) {
    wf_object *e = wf_err_fetch();
    ck_assert_ptr_nonnull(e);
    wf_object *m = wf_object_str(e);
    ck_assert_ptr_nonnull(m);
    char buf[1024];
    wf_ssize_t n;
    snprintf(buf, sizeof buf, "%s: %s", wf_type_name(WF_TYPE(e)), wf_str_utf8(m, &n));
    wf_decref(m);
    wf_decref(e);
    return strdup(buf);
}

/* Bind npos ints 1..npos and the keywords in kws ("a,b": values 10, 11,
 * ...) to f; "ok <tuple of slots>" or the error text. */
static char *bind(wf_object *f, int npos, const char *kws) {
    wf_object *args[16];
    int n = 0;
    for (int i = 0; i < npos; i++) args[n++] = wf_int_from_i64(i + 1);
    wf_object *kwnames = NULL;
    int nkw = 0;
    if (kws && *kws) {
        char *copy = strdup(kws), *save = NULL;
        wf_object *names[8];
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            names[nkw] = wf_str_intern_cstr(t);
            args[n++] = wf_int_from_i64(10 + nkw);
            nkw++;
        }
        free(copy);
        kwnames = wf_tuple_from_array(names, nkw);
    }
    wfv_code *co = (wfv_code *)((wfv_function *)f)->func_code;
    int nslots = co->co_nlocalsplus;
    wf_object *slots[32] = {0};
    int r = wfv_bind_args((wfv_function *)f, slots, args, (size_t)npos, kwnames);
    char *out;
    if (r < 0) {
        for (int i = 0; i < nslots; i++) ck_assert_ptr_null(slots[i]);
        out = exc_text();
    } else {
        ck_assert_ptr_null(wf_err_occurred());
        int nargs = co->co_argcount + co->co_kwonlyargcount + !!(co->co_flags & 4) +
                    !!(co->co_flags & 8);
        wf_object *t = wf_tuple_new(nargs);
        for (int i = 0; i < nargs; i++) {
            ck_assert_ptr_nonnull(slots[i]);
            ((wf_tuple *)t)->ob_item[i] = slots[i];
        }
        char *rs = repr_of(t);
        wf_decref(t);
        size_t len = strlen(rs) + 4;
        out = malloc(len);
        snprintf(out, len, "ok %s", rs);
        free(rs);
    }
    for (int i = 0; i < n; i++) wf_decref(args[i]);
    wf_xdecref(kwnames);
    return out;
}

#define CHECK_BIND(f, npos, kws, expected)                                  \
    do {                                                                    \
        char *got_ = bind((f), (npos), (kws));                              \
        ck_assert_msg(strcmp(got_, (expected)) == 0, "bind(%d, \"%s\"): got <%s> want <%s>", \
                      (npos), (kws), got_, (expected));                     \
        free(got_);                                                         \
    } while (0)

static void set_attr(wf_object *o, const char *name, wf_object *v) {
    ck_assert_int_eq(wf_object_setattr_string(o, name, v), 0);
    wf_decref(v);
}

START_TEST(test_bind_messages) {
    wf_object *f = make_func("f");
    wf_object *kwd = wf_dict_new();
    wf_object *one = wf_int_from_i64(1);
    wf_dict_set_item_string(kwd, "d", one);
    wf_decref(one);
    set_attr(f, "__kwdefaults__", kwd);
    CHECK_BIND(f, 2, "a,b",
               "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a, b'");
    CHECK_BIND(f, 4, "", "TypeError: f() takes 3 positional arguments but 4 were given");
    CHECK_BIND(f, 4, "d",
               "TypeError: f() takes 3 positional arguments but 4 positional arguments (and 1 "
               "keyword-only argument) were given");
    CHECK_BIND(f, 1, "", "TypeError: f() missing 2 required positional arguments: 'b' and 'c'");
    CHECK_BIND(f, 0, "",
               "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    CHECK_BIND(f, 3, "c", "TypeError: f() got multiple values for argument 'c'");
    CHECK_BIND(f, 3, "e", "TypeError: f() got an unexpected keyword argument 'e'");
    CHECK_BIND(f, 1, "a",
               "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'");
    CHECK_BIND(f, 3, "", "ok (1, 2, 3, 1)");
    CHECK_BIND(f, 2, "c,d", "ok (1, 2, 10, 11)");
    wf_decref(f);

    wf_object *g = make_func("g");
    CHECK_BIND(g, 0, "",
               "TypeError: g() missing 3 required keyword-only arguments: 'a', 'b', and 'c'");
    CHECK_BIND(g, 1, "", "TypeError: g() takes 0 positional arguments but 1 was given");
    CHECK_BIND(g, 1, "c",
               "TypeError: g() takes 0 positional arguments but 1 positional argument (and 1 "
               "keyword-only argument) were given");
    CHECK_BIND(g, 0, "c,a", "TypeError: g() missing 1 required keyword-only argument: 'b'");
    CHECK_BIND(g, 0, "c,b,a", "ok (12, 11, 10)");
    wf_decref(g);

    wf_object *h = make_func("h");
    set_attr(h, "__defaults__", wf_tuple_pack(1, wf_small_int(1)));
    CHECK_BIND(h, 2, "b",
               "TypeError: h() takes from 0 to 1 positional arguments but 2 positional arguments "
               "(and 1 keyword-only argument) were given");
    CHECK_BIND(h, 2, "", "TypeError: h() takes from 0 to 1 positional arguments but 2 were given");
    CHECK_BIND(h, 0, "b", "ok (1, 10)");
    wf_decref(h);

    wf_object *k = make_func("k");
    CHECK_BIND(k, 0, "",
               "TypeError: k() missing 4 required positional arguments: 'a', 'b', 'c', and 'd'");
    CHECK_BIND(k, 5, "", "TypeError: k() takes 4 positional arguments but 5 were given");
    wf_decref(k);

    wf_object *n = make_func("n");
    CHECK_BIND(n, 1, "a", "ok (1, {'a': 10})");
    wf_decref(n);

    wf_object *z = make_func("z");
    CHECK_BIND(z, 1, "", "TypeError: z() takes 0 positional arguments but 1 was given");
    CHECK_BIND(z, 2, "", "TypeError: z() takes 0 positional arguments but 2 were given");
    CHECK_BIND(z, 0, "a", "TypeError: z() got an unexpected keyword argument 'a'");
    wf_decref(z);

    wf_object *o = make_func("o");
    CHECK_BIND(o, 2, "", "TypeError: o() takes 1 positional argument but 2 were given");
    wf_decref(o);

    wf_object *m = make_func("m");
    CHECK_BIND(m, 1, "", "TypeError: A.m() missing 1 required positional argument: 'x'");
    CHECK_BIND(m, 0, "", "TypeError: A.m() missing 2 required positional arguments: 'self' and 'x'");
    CHECK_BIND(m, 3, "", "TypeError: A.m() takes 2 positional arguments but 3 were given");
    wf_decref(m);

    wf_object *v = make_func("v");
    set_attr(v, "__defaults__", wf_tuple_pack(1, wf_small_int(2)));
    wf_object *kd = wf_dict_new();
    wf_dict_set_item_string(kd, "d", wf_small_int(4));
    set_attr(v, "__kwdefaults__", kd);
    CHECK_BIND(v, 1, "c", "ok (1, 2, 10, 4, (), {})");
    CHECK_BIND(v, 4, "c,x,y", "ok (1, 2, 10, 4, (3, 4), {'x': 11, 'y': 12})");
    CHECK_BIND(v, 0, "b,a,c,d", "ok (11, 10, 12, 13, (), {})");
    CHECK_BIND(v, 1, "", "TypeError: v() missing 1 required keyword-only argument: 'c'");
    CHECK_BIND(v, 1, "c,a", "TypeError: v() got multiple values for argument 'a'");
    wf_decref(v);
    unload();
}
END_TEST

START_TEST(test_function_attributes) {
    wf_object *v = make_func("v");
    char *s = repr_of(v);
    ck_assert_msg(strncmp(s, "<function v at 0x", 17) == 0, "%s", s);
    free(s);
    wf_object *x = wf_object_getattr_string(v, "__doc__");
    s = repr_of(x);
    ck_assert_str_eq(s, "'the doc'");
    free(s);
    wf_decref(x);
    x = wf_object_getattr_string(v, "__module__");
    s = repr_of(x);
    ck_assert_str_eq(s, "'testmod'");
    free(s);
    wf_decref(x);
    x = wf_object_getattr_string(v, "__defaults__");
    ck_assert_ptr_eq(x, wf_None);
    wf_decref(x);
    x = wf_object_getattr_string(v, "__closure__");
    ck_assert_ptr_eq(x, wf_None);
    wf_decref(x);
    x = wf_object_getattr_string(v, "__globals__");
    ck_assert_ptr_eq(x, globals);
    wf_decref(x);
    /* __qualname__ / __name__ assignment */
    set_attr(v, "__qualname__", wf_str_from_cstr("C.v"));
    s = repr_of(v);
    ck_assert_msg(strncmp(s, "<function C.v at 0x", 19) == 0, "%s", s);
    free(s);
    ck_assert_int_eq(wf_object_setattr_string(v, "__name__", wf_small_int(1)), -1);
    s = exc_text();
    ck_assert_str_eq(s, "TypeError: __name__ must be set to a string object");
    free(s);
    ck_assert_int_eq(wf_object_setattr_string(v, "__defaults__", wf_small_int(1)), -1);
    s = exc_text();
    ck_assert_str_eq(s, "TypeError: __defaults__ must be set to a tuple object");
    free(s);
    ck_assert_int_eq(wf_object_setattr_string(v, "__globals__", wf_None), -1);
    s = exc_text();
    ck_assert_str_eq(s, "AttributeError: readonly attribute");
    free(s);
    /* arbitrary attributes and __dict__ */
    set_attr(v, "__wrapped__", wf_str_from_cstr("w"));
    x = wf_object_getattr_string(v, "__dict__");
    s = repr_of(x);
    ck_assert_str_eq(s, "{'__wrapped__': 'w'}");
    free(s);
    wf_decref(x);
    /* the compiler's flat annotations become a dict on first read */
    wf_object *flat = wf_tuple_pack(4, wf_str_intern_cstr("a"), (wf_object *)&wf_int_type,
                                    wf_str_intern_cstr("return"), wf_None);
    atomic_store(&((wfv_function *)v)->func_annotations, flat);
    x = wf_object_getattr_string(v, "__annotations__");
    s = repr_of(x);
    ck_assert_str_eq(s, "{'a': <class 'int'>, 'return': None}");
    free(s);
    wf_object *y = wf_object_getattr_string(v, "__annotations__");
    ck_assert_ptr_eq(x, y);
    wf_decref(x);
    wf_decref(y);
    /* binding */
    wf_object *inst = wf_int_from_i64(7);
    wf_object *bm = WF_TYPE(v)->tp_descr_get(v, inst, NULL);
    ck_assert_ptr_eq(WF_TYPE(bm), &wf_method_type);
    wf_decref(bm);
    bm = WF_TYPE(v)->tp_descr_get(v, NULL, (wf_object *)&wf_int_type);
    ck_assert_ptr_eq(bm, v);
    wf_decref(bm);
    wf_decref(inst);
    ck_assert(wf_type_has_flag(&wfv_function_type, WF_TPFLAGS_METHOD_DESCRIPTOR));
    wf_decref(v);

    /* __code__ must keep the closure length */
    wf_object *inner = make_func("inner");
    ck_assert_int_eq(wf_object_setattr_string(inner, "__code__", find_code(module_code, "z")), 0);
    wf_object *o2 = make_func("o");
    ck_assert_int_eq(
        wf_object_setattr_string(o2, "__code__", find_code(module_code, "inner")), -1);
    s = exc_text();
    ck_assert_str_eq(s, "ValueError: o() requires a code object with 0 free vars, not 1");
    free(s);
    wf_decref(inner);
    wf_decref(o2);
    unload();
}
END_TEST

START_TEST(test_cells) {
    wf_object *c = wfv_cell_new(NULL);
    ck_assert_ptr_null(wfv_cell_get(c));
    char *s = repr_of(c);
    ck_assert_msg(strncmp(s, "<cell at 0x", 11) == 0 && strstr(s, ": empty>"), "%s", s);
    free(s);
    ck_assert_ptr_null(wf_object_getattr_string(c, "cell_contents"));
    s = exc_text();
    ck_assert_str_eq(s, "ValueError: Cell is empty");
    free(s);
    wf_object *v = wf_int_from_i64(12345678);
    wfv_cell_set(c, v);
    wf_object *got = wfv_cell_get(c);
    ck_assert_ptr_eq(got, v);
    wf_decref(got);
    s = repr_of(c);
    ck_assert_msg(strstr(s, ": int object at 0x") != NULL, "%s", s);
    free(s);
    wf_object *d = wfv_cell_new(NULL);
    ck_assert_int_eq(wf_object_rich_compare_bool(d, c, WF_LT), 1);
    ck_assert_int_eq(wf_object_rich_compare_bool(d, c, WF_EQ), 0);
    wfv_cell_set(d, v);
    ck_assert_int_eq(wf_object_rich_compare_bool(d, c, WF_EQ), 1);
    ck_assert_int_eq(wf_object_hash(c), -1);
    s = exc_text();
    ck_assert_str_eq(s, "TypeError: unhashable type: 'cell'");
    free(s);
    ck_assert_int_eq(wf_object_setattr_string(c, "cell_contents", NULL), 0);
    ck_assert_ptr_null(wfv_cell_get(c));
    wf_decref(c);
    wf_decref(d);
    wf_decref(v);
}
END_TEST

/* class A: x = 'A.x'; f = <function>;  class B(A): x = 'B.x' */
START_TEST(test_super) {
    wf_object *func = make_func("m");
    wf_object *da = wf_dict_new();
    wf_object *ax = wf_str_from_cstr("A.x");
    wf_dict_set_item_string(da, "x", ax);
    wf_dict_set_item_string(da, "f", func);
    wf_object *bases = wf_tuple_pack(1, (wf_object *)&wf_object_type);
    wf_object *A = wf_type_new_from_spec("A", bases, da);
    ck_assert_ptr_nonnull(A);
    wf_decref(bases);
    wf_object *db = wf_dict_new();
    wf_object *bx = wf_str_from_cstr("B.x");
    wf_dict_set_item_string(db, "x", bx);
    bases = wf_tuple_pack(1, A);
    wf_object *B = wf_type_new_from_spec("B", bases, db);
    ck_assert_ptr_nonnull(B);
    wf_decref(bases);
    wf_object *b = wf_object_call_noargs(B);
    ck_assert_ptr_nonnull(b);

    wf_object *sup = wf_object_call_objs((wf_object *)&wfv_super_type, B, b, NULL);
    ck_assert_ptr_nonnull(sup);
    wf_object *x = wf_object_getattr_string(sup, "x");
    ck_assert_ptr_eq(x, ax);
    wf_decref(x);
    wf_object *bm = wf_object_getattr_string(sup, "f");
    ck_assert_ptr_eq(WF_TYPE(bm), &wf_method_type);
    x = wf_object_getattr_string(bm, "__self__");
    ck_assert_ptr_eq(x, b);
    wf_decref(x);
    wf_decref(bm);
    x = wf_object_getattr_string(sup, "__class__");
    ck_assert_ptr_eq(x, (wf_object *)&wfv_super_type);
    wf_decref(x);
    x = wf_object_getattr_string(sup, "__self_class__");
    ck_assert_ptr_eq(x, B);
    wf_decref(x);
    x = wf_object_getattr_string(sup, "__thisclass__");
    ck_assert_ptr_eq(x, B);
    wf_decref(x);
    char *s = repr_of(sup);
    ck_assert_str_eq(s, "<super: <class 'B'>, <B object>>");
    free(s);
    ck_assert_ptr_null(wf_object_getattr_string(sup, "nonexist"));
    s = exc_text();
    ck_assert_str_eq(s, "AttributeError: 'super' object has no attribute 'nonexist'");
    free(s);
    wf_decref(sup);

    /* super(B, B).f is the plain function */
    sup = wf_object_call_objs((wf_object *)&wfv_super_type, B, B, NULL);
    x = wf_object_getattr_string(sup, "f");
    ck_assert_ptr_eq(x, func);
    wf_decref(x);
    wf_decref(sup);

    /* unbound super and __get__ */
    sup = wf_object_call_objs((wf_object *)&wfv_super_type, B, NULL);
    s = repr_of(sup);
    ck_assert_str_eq(s, "<super: <class 'B'>, NULL>");
    free(s);
    wf_object *bound = WF_TYPE(sup)->tp_descr_get(sup, b, B);
    x = wf_object_getattr_string(bound, "x");
    ck_assert_ptr_eq(x, ax);
    wf_decref(x);
    wf_decref(bound);
    wf_decref(sup);

    /* errors */
    ck_assert_ptr_null(wf_object_call_objs((wf_object *)&wfv_super_type, wf_small_int(1), NULL));
    s = exc_text();
    ck_assert_str_eq(s, "TypeError: super() argument 1 must be a type, not int");
    free(s);
    ck_assert_ptr_null(wf_object_call_objs((wf_object *)&wfv_super_type, B, wf_small_int(1), NULL));
    s = exc_text();
    ck_assert_str_eq(s, "TypeError: super(type, obj): obj must be an instance or subtype of type");
    free(s);
    ck_assert_ptr_null(
        wf_object_call_objs((wf_object *)&wfv_super_type, B, b, b, NULL));
    s = exc_text();
    ck_assert_str_eq(s, "TypeError: super() expected at most 2 arguments, got 3");
    free(s);

    wf_decref(b);
    /* Heap types are reference cycles: break them as the collector will. */
    WF_TYPE(B)->tp_clear(B);
    WF_TYPE(A)->tp_clear(A);
    wf_decref(B);
    wf_decref(A);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
    wf_decref(da);
    wf_decref(db);
    wf_decref(ax);
    wf_decref(bx);
    wf_decref(func);
    unload();
}
END_TEST

static wf_object *ints(int n) {
    wf_object *l = wf_list_new(0);
    for (int i = 0; i < n; i++) wf_list_append(l, wf_small_int(i));
    return l;
}

static char *list_repr(wf_object *it) {
    ck_assert_ptr_nonnull(it);
    wf_object *l = wf_sequence_list(it);
    wf_decref(it);
    if (!l) return exc_text();
    char *s = repr_of(l);
    wf_decref(l);
    return s;
}

static wf_object *call(wf_type *t, wf_object *const *args, size_t n, const char *kw) {
    wf_object *kwnames = kw ? wf_tuple_pack(1, wf_str_intern_cstr(kw)) : NULL;
    wf_object *r = wf_object_vectorcall((wf_object *)t, args, n, kwnames);
    wf_xdecref(kwnames);
    return r;
}

#define CHECK_STR(expr, expected)                                      \
    do {                                                               \
        char *s_ = (expr);                                             \
        ck_assert_msg(strcmp(s_, (expected)) == 0, "got <%s> want <%s>", s_, (expected)); \
        free(s_);                                                      \
    } while (0)

START_TEST(test_iterators) {
    wf_object *l3 = ints(3), *l2 = ints(2), *l0 = ints(0);
    wf_object *a[4];
    /* enumerate */
    a[0] = l3;
    a[1] = wf_small_int(5);
    CHECK_STR(list_repr(call(&wf_enumerate_type, a, 1, NULL)), "[(0, 0), (1, 1), (2, 2)]");
    CHECK_STR(list_repr(call(&wf_enumerate_type, a, 1, "start")), "[(5, 0), (6, 1), (7, 2)]");
    wf_object *big = wf_int_from_i64(INT64_MAX - 1);
    a[1] = big;
    CHECK_STR(list_repr(call(&wf_enumerate_type, a, 2, NULL)),
              "[(9223372036854775806, 0), (9223372036854775807, 1), (9223372036854775808, 2)]");
    wf_decref(big);
    ck_assert_ptr_null(call(&wf_enumerate_type, a, 0, NULL));
    CHECK_STR(exc_text(), "TypeError: enumerate() missing required argument 'iterable'");
    ck_assert_ptr_null(call(&wf_enumerate_type, a, 0, "start"));
    CHECK_STR(exc_text(), "TypeError: 'start' is an invalid keyword argument for enumerate()");
    a[1] = wf_None;
    ck_assert_ptr_null(call(&wf_enumerate_type, a, 2, NULL));
    CHECK_STR(exc_text(), "TypeError: 'NoneType' object cannot be interpreted as an integer");
    a[2] = wf_None;
    ck_assert_ptr_null(call(&wf_enumerate_type, a, 3, NULL));
    CHECK_STR(exc_text(), "TypeError: enumerate() takes at most 2 arguments (3 given)");
    a[0] = wf_small_int(1);
    ck_assert_ptr_null(call(&wf_enumerate_type, a, 1, NULL));
    CHECK_STR(exc_text(), "TypeError: 'int' object is not iterable");

    /* zip */
    a[0] = l3;
    a[1] = l2;
    a[2] = wf_True;
    CHECK_STR(list_repr(call(&wf_zip_type, a, 2, NULL)), "[(0, 0), (1, 1)]");
    CHECK_STR(list_repr(call(&wf_zip_type, a, 0, NULL)), "[]");
    CHECK_STR(list_repr(call(&wf_zip_type, a, 2, "strict")),
              "ValueError: zip() argument 2 is shorter than argument 1");
    a[0] = l2;
    a[1] = l3;
    CHECK_STR(list_repr(call(&wf_zip_type, a, 2, "strict")),
              "ValueError: zip() argument 2 is longer than argument 1");
    a[0] = l3;
    a[1] = l3;
    a[2] = l2;
    a[3] = wf_True;
    CHECK_STR(list_repr(call(&wf_zip_type, a, 3, "strict")),
              "ValueError: zip() argument 3 is shorter than arguments 1-2");
    ck_assert_ptr_null(call(&wf_zip_type, a, 3, "x"));
    CHECK_STR(exc_text(), "TypeError: 'x' is an invalid keyword argument for zip()");

    /* map */
    a[0] = (wf_object *)&wf_str_type;
    a[1] = l3;
    CHECK_STR(list_repr(call(&wf_map_type, a, 2, NULL)), "['0', '1', '2']");
    a[0] = (wf_object *)&wf_slice_type;
    a[2] = l2;
    CHECK_STR(list_repr(call(&wf_map_type, a, 3, NULL)),
              "[slice(0, 0, None), slice(1, 1, None)]");
    ck_assert_ptr_null(call(&wf_map_type, a, 1, NULL));
    CHECK_STR(exc_text(), "TypeError: map() must have at least two arguments.");
    ck_assert_ptr_null(call(&wf_map_type, a, 1, "x"));
    CHECK_STR(exc_text(), "TypeError: map() takes no keyword arguments");

    /* filter */
    a[0] = wf_None;
    a[1] = l3;
    CHECK_STR(list_repr(call(&wf_filter_type, a, 2, NULL)), "[1, 2]");
    a[0] = (wf_object *)&wf_bool_type;
    CHECK_STR(list_repr(call(&wf_filter_type, a, 2, NULL)), "[1, 2]");
    ck_assert_ptr_null(call(&wf_filter_type, a, 1, NULL));
    CHECK_STR(exc_text(), "TypeError: filter expected 2 arguments, got 1");

    /* reversed */
    a[0] = l3;
    CHECK_STR(list_repr(call(&wf_reversed_type, a, 1, NULL)), "[2, 1, 0]");
    wf_object *t = wf_tuple_pack(3, wf_small_int(7), wf_small_int(8), wf_small_int(9));
    a[0] = t;
    wf_object *r = call(&wf_reversed_type, a, 1, NULL);
    ck_assert_ptr_nonnull(r);
    wf_object *hint = wf_object_call_method(r, "__length_hint__", NULL, 0);
    CHECK_STR(repr_of(hint), "3");
    wf_decref(hint);
    CHECK_STR(list_repr(r), "[9, 8, 7]");
    wf_decref(t);
    a[0] = wf_small_int(1);
    ck_assert_ptr_null(call(&wf_reversed_type, a, 1, NULL));
    CHECK_STR(exc_text(), "TypeError: 'int' object is not reversible");
    ck_assert_ptr_null(call(&wf_reversed_type, a, 0, NULL));
    CHECK_STR(exc_text(), "TypeError: reversed expected 1 argument, got 0");

    wf_decref(l3);
    wf_decref(l2);
    wf_decref(l0);
}
END_TEST


START_TEST(test_memoryview) {
    wf_object *b = wf_bytes_from_cstr("abcdef");
    wf_object *a[2] = {b, NULL};
    wf_object *m = call(&wf_memoryview_type, a, 1, NULL);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(wf_object_size(m), 6);
    wf_object *x = wf_sequence_get_item(m, -1);
    CHECK_STR(repr_of(x), "102");
    wf_decref(x);
    wf_object *sl = wf_slice_new(NULL, NULL, wf_small_int(-2));
    wf_object *v = wf_object_get_item(m, sl);
    ck_assert_ptr_nonnull(v);
    x = wf_object_call_method(v, "tobytes", NULL, 0);
    CHECK_STR(repr_of(x), "b'fdb'");
    wf_decref(x);
    x = wf_object_call_method(v, "tolist", NULL, 0);
    CHECK_STR(repr_of(x), "[102, 100, 98]");
    wf_decref(x);
    wf_decref(sl);
    wf_object *fdb = wf_bytes_from_cstr("fdb");
    ck_assert_int_eq(wf_object_rich_compare_bool(v, fdb, WF_EQ), 1);
    ck_assert_int_eq(wf_object_hash(v), wf_object_hash(fdb));
    wf_decref(fdb);
    wf_decref(v);
    ck_assert_int_eq(wf_object_set_item(m, wf_small_int(0), wf_small_int(1)), -1);
    CHECK_STR(exc_text(), "TypeError: cannot modify read-only memory");
    ck_assert_ptr_null(wf_sequence_get_item(m, 6));
    CHECK_STR(exc_text(), "IndexError: index out of bounds on dimension 1");
    x = wf_object_call_method(m, "release", NULL, 0);
    wf_decref(x);
    ck_assert_int_eq(wf_object_size(m), -1);
    CHECK_STR(exc_text(), "ValueError: operation forbidden on released memoryview object");
    wf_decref(m);

    wf_object *ba = wf_bytearray_from_data("xyz", 3);
    a[0] = ba;
    m = call(&wf_memoryview_type, a, 1, NULL);
    ck_assert_int_eq(wf_object_set_item(m, wf_small_int(0), wf_small_int(256)), -1);
    CHECK_STR(exc_text(), "ValueError: memoryview: invalid value for format 'B'");
    sl = wf_slice_new(wf_small_int(0), wf_small_int(2), NULL);
    wf_object *ab = wf_bytes_from_cstr("AB");
    ck_assert_int_eq(wf_object_set_item(m, sl, ab), 0);
    CHECK_STR(repr_of(ba), "bytearray(b'ABz')");
    ck_assert_int_eq(wf_object_hash(m), -1);
    CHECK_STR(exc_text(), "ValueError: cannot hash writable memoryview object");
    wf_decref(ab);
    wf_decref(sl);
    wf_decref(m);
    wf_decref(ba);
    a[0] = wf_small_int(1);
    ck_assert_ptr_null(call(&wf_memoryview_type, a, 1, NULL));
    CHECK_STR(exc_text(), "TypeError: memoryview: a bytes-like object is required, not 'int'");
    wf_decref(b);
}
END_TEST

/* 4 threads: two keep replacing v's __defaults__/__kwdefaults__/__doc__
 * and a cell's contents, two keep binding calls and reading them back;
 * then all four drain one shared enumerate.  Run under TSan/ASan in
 * those presets. */
typedef struct {
    wf_object *func, *cell, *en;
    _Atomic long seen[4];
    _Atomic int bad;
} hammer_ctx;

static void hammer(int index, void *arg) {
    hammer_ctx *h = arg;
    long iters = wtest_scale(3000);
    wf_object *cargs[2] = {wf_small_int(1), wf_small_int(5)};
    wf_object *kwnames = wf_tuple_pack(1, wf_str_intern_cstr("c"));
    for (long i = 0; i < iters; i++) {
        if (index < 2) {
            wf_object *n = wf_int_from_i64(1000000 + i);
            wf_object *t = wf_tuple_pack(1, n);
            wf_object_setattr_string(h->func, "__defaults__", t);
            wf_decref(t);
            wf_object *d = wf_dict_new();
            wf_dict_set_item_string(d, "d", n);
            wf_object_setattr_string(h->func, "__kwdefaults__", d);
            wf_decref(d);
            wf_object_setattr_string(h->func, "__doc__", n);
            wfv_cell_set(h->cell, n);
            wf_decref(n);
        } else {
            wf_object *slots[8] = {0};
            if (wfv_bind_args((wfv_function *)h->func, slots, cargs, 1, kwnames) < 0) {
                char *e = exc_text();
                fprintf(stderr, "bind failed: %s\n", e);
                free(e);
                atomic_store(&h->bad, 2);
            }
            else if (!slots[1] || !WF_INT_CHECK(slots[1]) || !slots[3] || !WF_INT_CHECK(slots[3]))
                atomic_store(&h->bad, 3);
            for (int j = 0; j < 8; j++) wf_xdecref(slots[j]);
            wf_object *v = wfv_cell_get(h->cell);
            if (v && !WF_INT_CHECK(v)) atomic_store(&h->bad, 4);
            wf_xdecref(v);
            wf_object *a = wf_object_getattr_string(h->func, "__annotations__");
            if (!a) atomic_store(&h->bad, 5);
            wf_xdecref(a);
            wf_object *doc = wf_object_getattr_string(h->func, "__doc__");
            wf_xdecref(doc);
        }
    }
    wf_decref(kwnames);
    for (;;) {
        wf_object *item = wf_iter_next(h->en);
        if (!item) break;
        wf_ssize_t k = wf_int_as_ssize(WF_TUPLE_ITEM(item, 0));
        wf_ssize_t v = wf_int_as_ssize(WF_TUPLE_ITEM(item, 1));
        if (k != v) atomic_store(&h->bad, 6);
        atomic_fetch_add(&h->seen[index], 1);
        wf_decref(item);
    }
}

START_TEST(test_threads) {
    hammer_ctx h = {0};
    h.func = make_func("v");
    set_attr(h.func, "__defaults__", wf_tuple_pack(1, wf_small_int(2)));
    wf_object *kd = wf_dict_new();
    wf_dict_set_item_string(kd, "d", wf_small_int(4));
    set_attr(h.func, "__kwdefaults__", kd);
    h.cell = wfv_cell_new(wf_small_int(1));
    long n = wtest_scale(20000);
    wf_object *l = wf_list_new(0);
    for (long i = 0; i < n; i++) {
        wf_object *x = wf_int_from_i64(i);
        wf_list_append(l, x);
        wf_decref(x);
    }
    wf_object *a[1] = {l};
    h.en = call(&wf_enumerate_type, a, 1, NULL);
    ck_assert_ptr_nonnull(h.en);
    wtest_run_threads(4, hammer, &h);
    ck_assert_int_eq(atomic_load(&h.bad), 0);
    long total = 0;
    for (int i = 0; i < 4; i++) total += atomic_load(&h.seen[i]);
    ck_assert_int_eq(total, n);
    wf_decref(h.en);
    wf_decref(l);
    wf_decref(h.cell);
    wf_decref(h.func);
    unload();
}
END_TEST

static Suite *func_suite(void) {
    Suite *s = suite_create("func");
    TCase *tc = wtest_add_tcase(s, "func", 30);
    tcase_add_test(tc, test_bind_messages);
    tcase_add_test(tc, test_function_attributes);
    tcase_add_test(tc, test_cells);
    tcase_add_test(tc, test_super);
    tcase_add_test(tc, test_iterators);
    tcase_add_test(tc, test_memoryview);
    tcase_add_test(tc, test_threads);
    return s;
}

int main(void) { return wtest_run_suite(func_suite()); }
