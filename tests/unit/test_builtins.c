/*
 * tests/unit/test_builtins.c — the builtins module called from C.
 *
 * Each case calls one builtin with arguments built from C and compares
 * repr(result), or "ExceptionName: message", with the string python3
 * prints for the same call (written next to the case).  Only functions
 * that need no running frame are covered here; the rest are exercised by
 * the Python scripts under tests/py/.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/modules/modules.h"
#include "tests/unit/wtest.h"
#include "weft/code.h"
#include "weft/objects.h"

static wf_object *mod;

static wf_object *fn(const char *name) {
    wf_object *f = wf_object_getattr_string(mod, name);
    ck_assert_msg(f != NULL, "builtins.%s missing", name);
    return f;
}

/* The outcome as python3 would print it: repr(r) or "Type: msg". */
static char *render(wf_object *r) {
    static char buf[512];
    if (r) {
        wf_object *s = wf_object_repr(r);
        ck_assert(s != NULL);
        snprintf(buf, sizeof buf, "%s", wf_str_utf8(s, NULL));
        wf_decref(s);
        wf_decref(r);
        return buf;
    }
    wf_object *e = wf_err_fetch();
    ck_assert_msg(e != NULL, "NULL without an exception");
    wf_object *s = wf_object_str(e);
    snprintf(buf, sizeof buf, "%s: %s", wf_type_name(WF_TYPE(e)), s ? wf_str_utf8(s, NULL) : "?");
    wf_xdecref(s);
    wf_decref(e);
    return buf;
}

/* Call builtins.name(*args[:nargs], **dict(zip(kwnames, args[nargs:])))
 * and compare the outcome with expected.  The arguments are new
 * references (or immortal objects): they are released after the call. */
static void check_call(const char *name, const char *expected, int nargs, wf_object **args,
                       wf_object *kwnames) {
    wf_object *f = fn(name);
    wf_object *r = wf_object_vectorcall(f, args, (size_t)nargs, kwnames);
    const char *got = render(r);
    ck_assert_msg(strcmp(got, expected) == 0, "%s: got <%s>, expected <%s>", name, got, expected);
    wf_decref(f);
    int n = nargs + (kwnames ? (int)WF_TUPLE_SIZE(kwnames) : 0);
    for (int i = 0; i < n; i++) wf_decref(args[i]);
}

#define ARGS(...) ((wf_object *[]){__VA_ARGS__})
#define NA(...) (int)(sizeof((wf_object *[]){__VA_ARGS__}) / sizeof(wf_object *))
#define CALL(name, expected, ...) check_call(name, expected, NA(__VA_ARGS__), ARGS(__VA_ARGS__), NULL)
#define CALL0(name, expected) check_call(name, expected, 0, NULL, NULL)

static wf_object *I(int64_t v) { return wf_int_from_i64(v); }
static wf_object *F(double v) { return wf_float_from_double(v); }
static wf_object *S(const char *s) { return wf_str_from_cstr(s); }
static wf_object *L(int n, ...) {
    wf_object *l = wf_list_new(0);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        wf_object *v = va_arg(ap, wf_object *);
        wf_list_append(l, v);
        wf_decref(v);
    }
    va_end(ap);
    return l;
}

static void setup(void) {
    wtest_setup();
    const wfv_builtin_module *bm = wfv_builtin_module_find("builtins");
    ck_assert(bm != NULL);
    mod = bm->init();
    ck_assert(mod != NULL);
}
static void teardown(void) {
    /* The functions refer to the module (their __self__): break the cycle. */
    wf_dict_clear(wf_module_get_dict(mod));
    wf_decref(mod);
    wtest_teardown();
}

START_TEST(test_simple) {
    CALL("len", "3", S("abc"));
    CALL("len", "TypeError: object of type 'int' has no len()", I(1));
    CALL0("len", "TypeError: len() takes exactly one argument (0 given)");
    CALL("abs", "5", I(-5));
    CALL("abs", "TypeError: bad operand type for abs(): 'str'", S("a"));
    CALL("bin", "'-0b1010'", I(-10));
    CALL("hex", "'0xff'", I(255));
    CALL("oct", "'0o10'", I(8));
    CALL("bin", "TypeError: 'float' object cannot be interpreted as an integer", F(1.5));
    CALL("chr", "'A'", I(65));
    CALL("chr", "ValueError: chr() arg not in range(0x110000)", I(-1));
    CALL("ord", "8364", S("\xe2\x82\xac"));
    CALL("ord", "TypeError: ord() expected a character, but string of length 2 found", S("ab"));
    CALL("ord", "TypeError: ord() expected string of length 1, but int found", I(1));
    CALL("divmod", "(-4, 1)", I(-7), I(2));
    CALL("divmod", "TypeError: divmod expected 2 arguments, got 1", I(1));
    CALL("callable", "True", fn("len"));
    CALL("isinstance", "True", wf_True, (wf_object *)&wf_int_type);
    CALL("isinstance", "TypeError: isinstance expected 2 arguments, got 1", I(1));
    CALL("issubclass", "True", (wf_object *)&wf_bool_type, (wf_object *)&wf_int_type);
    CALL("getattr", "'dflt'", I(1), S("nope"), S("dflt"));
    CALL("getattr", "TypeError: attribute name must be string, not 'int'", I(1), I(2));
    CALL("hasattr", "True", I(1), S("real"));
    CALL("format", "'3.14'", F(3.14159), S(".2f"));
    CALL("format", "TypeError: format() argument 2 must be str, not int", I(1), I(2));
    CALL("next", "TypeError: 'int' object is not an iterator", I(1));
    CALL("iter", "TypeError: iter(v, w): v must be callable", I(1), I(2));
}
END_TEST

START_TEST(test_numeric) {
    CALL("max", "2", I(1), I(2));
    CALL("min", "1", I(1), I(2));
    CALL("max", "3", L(3, I(3), I(1), I(2)));
    CALL0("max", "TypeError: max expected at least 1 argument, got 0");
    CALL("max", "ValueError: max() arg is an empty sequence", L(0));
    CALL("sum", "6", L(3, I(1), I(2), I(3)));
    CALL("sum", "4.0", L(2, I(1), F(3.0)));
    CALL("sum", "TypeError: sum() can't sum strings [use ''.join(seq) instead]", L(0), S(""));
    CALL0("sum", "TypeError: sum() takes at least 1 positional argument (0 given)");
    CALL("pow", "24", I(2), I(10), I(1000));
    CALL("pow", "5", I(3), I(-1), I(7));
    CALL("pow", "0.5", I(2), I(-1));
    CALL("round", "2", F(2.5));
    CALL("round", "4", F(3.5));
    CALL("round", "2.67", F(2.675), I(2));
    CALL("round", "1200.0", F(1234.5678), I(-2));
    CALL("round", "20", I(25), I(-1));
    CALL("round", "-20", I(-25), I(-1));
    CALL("round", "TypeError: type str doesn't define __round__ method", S("a"));
    CALL0("round", "TypeError: round() missing required argument 'number' (pos 1)");
    CALL("sorted", "[1, 2, 3]", L(3, I(3), I(1), I(2)));
    CALL0("sorted", "TypeError: sorted expected 1 argument, got 0");
}
END_TEST

START_TEST(test_keywords) {
    wf_object *kw = wf_tuple_pack(1, wf_str_intern_cstr("reverse"));
    check_call("sorted", "[3, 2, 1]", 1, ARGS(L(3, I(3), I(1), I(2)), wf_True), kw);
    wf_decref(kw);
    kw = wf_tuple_pack(1, wf_str_intern_cstr("default"));
    check_call("min", "7", 1, ARGS(L(0), I(7)), kw);
    check_call("max", "TypeError: Cannot specify a default for max() with multiple positional arguments",
               2, ARGS(I(1), I(2), I(3)), kw);
    wf_decref(kw);
    kw = wf_tuple_pack(1, wf_str_intern_cstr("foo"));
    check_call("pow", "TypeError: 'foo' is an invalid keyword argument for pow()", 2,
               ARGS(I(2), I(3), I(1)), kw);
    check_call("len", "TypeError: len() takes no keyword arguments", 0, ARGS(I(1)), kw);
    wf_decref(kw);
    kw = wf_tuple_pack(1, wf_str_intern_cstr("start"));
    check_call("sum", "11", 1, ARGS(L(1, I(1)), I(10)), kw);
    wf_decref(kw);
}
END_TEST

START_TEST(test_compile_and_module) {
    /* compile() hands out ordinary (not deferred) code objects. */
    wf_object *f = fn("compile");
    const char *srcs[2][2] = {{"x = 1", "exec"}, {"1 + 2", "eval"}};
    for (int i = 0; i < 2; i++) {
        wf_object *a[3] = {S(srcs[i][0]), S("<t>"), S(srcs[i][1])};
        wf_object *r = wf_object_vectorcall(f, a, 3, NULL);
        ck_assert(r != NULL && WFV_CODE_CHECK(r));
        wf_decref(r);
        for (int k = 0; k < 3; k++) wf_decref(a[k]);
    }
    wf_decref(f);
    CALL("compile", "ValueError: compile() mode must be 'exec', 'eval' or 'single'", S("1"), S("f"),
         S("x"));
    CALL("compile", "SyntaxError: invalid syntax (<t>, line 1)", S("x = 1"), S("<t>"), S("eval"));
    CALL("compile", "TypeError: compile() arg 1 must be a string, bytes or AST object", I(1), S("f"),
         S("exec"));
    /* Names every program expects. */
    const char *names[] = {"None", "True", "int", "str", "ValueError", "EnvironmentError",
                           "__build_class__", "__import__", "print", "__debug__", NULL};
    for (int i = 0; names[i]; i++) {
        wf_object *v = wf_object_getattr_string(mod, names[i]);
        ck_assert_msg(v != NULL, "builtins.%s missing", names[i]);
        wf_decref(v);
    }
}
END_TEST

Suite *builtins_suite(void) {
    Suite *s = suite_create("builtins");
    TCase *tc = tcase_create("builtins");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_simple);
    tcase_add_test(tc, test_numeric);
    tcase_add_test(tc, test_keywords);
    tcase_add_test(tc, test_compile_and_module);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return wtest_run_suite(builtins_suite()); }
