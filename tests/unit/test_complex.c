/*
 * tests/unit/test_complex.c — the complex type through the C API.
 *
 * The CASES table mirrors, one C function per row, a snippet of Python
 * (the ROW's string; its result is the variable r).
 * `python3 tools/gen_rows_expected.py tests/unit/test_complex.c >
 * tests/unit/complex_expected.txt` runs the snippets under python3 and
 * writes `id<TAB>repr(r)` or `id<TAB>ExceptionName: message`; each case's
 * result is rendered the same way here and must match its line.  Hashes
 * printed are of non-nan values only (nan hashes depend on identity).
 * Covered: construction from numbers, strings (the whole grammar, errors)
 * and keywords, repr with signed zeros/inf/nan, attributes and methods,
 * arithmetic in both operand orders, Smith's division and its special
 * cases, integer and general powers (and float's negative base to a
 * fractional power, which is complex's), abs, comparisons, hashes, bool, the
 * __complex__ protocol and subclasses.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/gc.h"
#include "tests/unit/wtest.h"
#include "tests/unit/wrows.h"

/* Each helper returns a borrowed pointer kept in a pool dropped after the
 * case, or NULL when an exception is pending (and propagates NULL). */
static wf_object *pool[512];
static int npool;

static wf_object *keep(wf_object *o) {
    if (o) {
        ck_assert_int_lt(npool, 512);
        pool[npool++] = o;
    }
    return o;
}
/* Classes made by a case: each is a reference cycle (its MRO and
 * descriptors point back at it) that no collector breaks yet, so the case
 * clears them as the collector will before dropping the pool. */
static wf_object *classes[8];
static int nclasses;
static void drop_pool(void) {
    while (nclasses > 0) {
        wf_object *c = classes[--nclasses];
        WF_TYPE(c)->tp_clear(c);
    }
    while (npool > 0) wf_decref(pool[--npool]);
    /* Classes use per-thread counts: only a collection frees them. */
    wfv_gc_collect();
}

#define VARGS(n, arr)                                                       \
    do {                                                                    \
        va_list ap;                                                         \
        va_start(ap, n);                                                    \
        for (int i_ = 0; i_ < (n); i_++) arr[i_] = va_arg(ap, wf_object *); \
        va_end(ap);                                                         \
        for (int i_ = 0; i_ < (n); i_++)                                    \
            if (!arr[i_]) return NULL;                                      \
    } while (0)

static wf_object *I(int64_t v) { return keep(wf_int_from_i64(v)); }
static wf_object *F(double v) { return keep(wf_float_from_double(v)); }
static wf_object *S(const char *s) { return keep(wf_str_from_cstr(s)); }
static wf_object *C(double re, double im) { return keep(wf_complex_from_doubles(re, im)); }
static wf_object *B(int v) { return wf_bool_from(v); }
static wf_object *N(void) { return wf_None; }
static wf_object *TY(wf_type *t) { return (wf_object *)t; }
static wf_object *T(int n, ...) {
    wf_object *a[16];
    VARGS(n, a);
    return keep(wf_tuple_from_array(a, n));
}
static wf_object *BIN(wf_object *(*f)(wf_object *, wf_object *), wf_object *a, wf_object *b) {
    return a && b ? keep(f(a, b)) : NULL;
}
#define ADD(a, b) BIN(wf_number_add, a, b)
#define SUB(a, b) BIN(wf_number_subtract, a, b)
#define MUL(a, b) BIN(wf_number_multiply, a, b)
#define DIV(a, b) BIN(wf_number_true_divide, a, b)
#define FDIV(a, b) BIN(wf_number_floor_divide, a, b)
#define MOD(a, b) BIN(wf_number_remainder, a, b)
#define LSH(a, b) BIN(wf_number_lshift, a, b)
static wf_object *POW(wf_object *a, wf_object *b) { return a && b ? keep(wf_number_power(a, b, wf_None)) : NULL; }
static wf_object *POW3(wf_object *a, wf_object *b, wf_object *m) {
    return a && b && m ? keep(wf_number_power(a, b, m)) : NULL;
}
static wf_object *NEG(wf_object *a) { return a ? keep(wf_number_negative(a)) : NULL; }
static wf_object *POS(wf_object *a) { return a ? keep(wf_number_positive(a)) : NULL; }
static wf_object *ABS(wf_object *a) { return a ? keep(wf_number_absolute(a)) : NULL; }
static wf_object *CMP(wf_object *a, wf_object *b, int op) {
    return a && b ? keep(wf_object_rich_compare(a, b, op)) : NULL;
}
static wf_object *IS(wf_object *a, wf_object *b) { return a && b ? B(a == b) : NULL; }
static wf_object *HASH(wf_object *o) {
    if (!o) return NULL;
    wf_hash_t h = wf_object_hash(o);
    return h == -1 && wf_err_occurred() ? NULL : I(h);
}
static wf_object *BOOL(wf_object *o) {
    if (!o) return NULL;
    int k = wf_object_is_true(o);
    return k < 0 ? NULL : B(k);
}
static wf_object *GA(wf_object *o, const char *name) {
    return o ? keep(wf_object_getattr_string(o, name)) : NULL;
}
static wf_object *M(wf_object *self, const char *name, int n, ...) {
    wf_object *a[8];
    VARGS(n, a);
    if (!self) return NULL;
    return keep(wf_object_call_method(self, name, a, n));
}
static wf_object *REPR(wf_object *o) { return o ? keep(wf_object_repr(o)) : NULL; }
static wf_object *STR(wf_object *o) { return o ? keep(wf_object_str(o)) : NULL; }
static wf_object *TYPE(wf_object *o) { return o ? keep(wf_object_type_of(o)) : NULL; }
/* callable(*args) */
static wf_object *CALL(wf_object *f, int n, ...) {
    wf_object *a[8];
    VARGS(n, a);
    return f ? keep(wf_object_vectorcall(f, a, (size_t)n, NULL)) : NULL;
}
#define CX(...) CALL(TY(&wf_complex_type), __VA_ARGS__)
/* complex(*args, **{k1: v1[, k2: v2]}) with nk keywords after n positionals */
static wf_object *CXKW(int n, int nk, ...) {
    wf_object *a[8], *names[4];
    va_list ap;
    va_start(ap, nk);
    for (int i = 0; i < n; i++) a[i] = va_arg(ap, wf_object *);
    for (int i = 0; i < nk; i++) {
        names[i] = S(va_arg(ap, const char *));
        a[n + i] = va_arg(ap, wf_object *);
    }
    va_end(ap);
    for (int i = 0; i < n + nk; i++)
        if (!a[i]) return NULL;
    wf_object *kw = keep(wf_tuple_from_array(names, nk));
    if (!kw) return NULL;
    return keep(wf_object_vectorcall(TY(&wf_complex_type), a, (size_t)n, kw));
}
/* type(name, (base,), {key: value}) (key NULL: empty dict) */
static wf_object *CLASS(const char *name, wf_object *base, const char *key, wf_object *value) {
    if (!base || (key && !value)) return NULL;
    wf_object *d = keep(wf_dict_new());
    if (!d || (key && wf_dict_set_item_string(d, key, value) < 0)) return NULL;
    wf_object *c = CALL(TY(&wf_type_type), 3, S(name), T(1, base), d);
    if (c) {
        ck_assert_int_lt(nclasses, 8);
        classes[nclasses++] = c;
    }
    return c;
}
#define INF INFINITY
#define NAN_ NAN
#define LT WF_LT
#define LE WF_LE
#define EQ WF_EQ
#define NE WF_NE
#define GT WF_GT
#define GE WF_GE

/* ---------------------------------------------------------------------------
 * Cases that need statements (their Python is the ROW of the same name).
 */
static wf_object *c_ctor_same(void) {
    wf_object *z = C(1, 2);
    return IS(CX(1, z), z);
}
static wf_object *c_attrs(void) {
    wf_object *z = C(1.5, -2);
    return T(2, GA(z, "real"), GA(z, "imag"));
}
static wf_object *c_attr_set(void) {
    wf_object *z = C(0, 1);
    if (!z || wf_object_setattr_string(z, "real", F(2.0)) < 0) return NULL;
    return z;
}
static wf_object *c_eq_nan(void) {
    wf_object *z = C(NAN_, 0);
    return T(3, CMP(z, z, EQ), CMP(z, z, NE), CMP(z, F(NAN_), EQ));
}
static wf_object *c_sub_class(void) {
    wf_object *cls = CLASS("C", TY(&wf_complex_type), NULL, NULL);
    wf_object *c = CALL(cls, 2, I(1), I(2));
    wf_object *cc = CX(1, c);
    return T(8, cc, B(cc && WF_TYPE(cc) == &wf_complex_type), IS(TYPE(c), cls), ADD(c, I(1)),
             NEG(c), REPR(c), CMP(c, C(1, 2), EQ), CMP(HASH(c), HASH(C(1, 2)), EQ));
}
static wf_object *c_sub_pos(void) {
    wf_object *c = CALL(CLASS("C", TY(&wf_complex_type), NULL, NULL), 1, S("3-4j"));
    wf_object *p = POS(c);
    return T(3, p, B(p && WF_TYPE(p) == &wf_complex_type), GA(c, "imag"));
}
static wf_object *c_proto_float_sub(void) {
    wf_object *cls = CLASS("F", TY(&wf_float_type), NULL, NULL);
    return CX(2, CALL(cls, 1, F(2.5)), CALL(cls, 1, I(-1)));
}

/* One-expression cases. */
static wf_object *c_ctor_empty(void) { return CX(0); }
static wf_object *c_ctor_int(void) { return CX(1, I(3)); }
static wf_object *c_ctor_float(void) { return CX(1, F(2.5)); }
static wf_object *c_ctor_two(void) { return CX(2, I(1), I(2)); }
static wf_object *c_ctor_two_float(void) { return CX(2, F(1.5), F(-0.0)); }
static wf_object *c_ctor_cc(void) { return CX(2, C(1, 2), C(3, 4)); }
static wf_object *c_ctor_real_c(void) { return CX(2, I(2), C(0, 3)); }
static wf_object *c_ctor_kw(void) { return CXKW(0, 2, "real", I(1), "imag", I(2)); }
static wf_object *c_ctor_kw_imag(void) { return CXKW(0, 1, "imag", F(2.5)); }
static wf_object *c_ctor_kw_pos(void) { return CXKW(1, 1, I(1), "imag", I(-1)); }
static wf_object *c_ctor_kw_bad(void) { return CXKW(0, 1, "foo", I(1)); }
static wf_object *c_ctor_kw_dup(void) { return CXKW(1, 1, I(1), "real", I(2)); }
static wf_object *c_ctor_many(void) { return CX(3, I(1), I(2), I(3)); }
static wf_object *c_ctor_list(void) { return CX(1, keep(wf_list_new(0))); }
static wf_object *c_ctor_none(void) { return CX(1, N()); }
static wf_object *c_ctor_second_list(void) { return CX(2, I(1), keep(wf_list_new(0))); }
static wf_object *c_ctor_second_str(void) { return CX(2, I(1), S("2")); }
static wf_object *c_ctor_str_second(void) { return CX(2, S("1"), I(2)); }
static wf_object *c_ctor_str_kw(void) { return CXKW(1, 1, S("1"), "imag", I(0)); }
static wf_object *c_ctor_bool(void) { return CX(2, B(1), B(0)); }
static wf_object *c_ctor_bigint(void) { return CX(1, LSH(I(1), I(1024))); }
static wf_object *c_ctor_bigint_ok(void) { return CX(2, LSH(I(1), I(100)), NEG(LSH(I(1), I(60)))); }
static wf_object *c_ctor_inf(void) { return CX(2, F(INF), F(-INF)); }
static wf_object *c_ctor_nan(void) { return CX(2, F(NAN_), F(-NAN_)); }
static wf_object *c_s_sum(void) { return CX(1, S("1+2j")); }
static wf_object *c_s_paren(void) { return CX(1, S(" (3-4j) ")); }
static wf_object *c_s_infnan(void) { return CX(1, S("inf+nanj")); }
static wf_object *c_s_j(void) { return CX(1, S("j")); }
static wf_object *c_s_minus_j(void) { return CX(1, S("-j")); }
static wf_object *c_s_plus_J(void) { return CX(1, S("+J")); }
static wf_object *c_s_float_sign_j(void) { return CX(1, S("1.5-j")); }
static wf_object *c_s_imag_only(void) { return CX(1, S("-2.5e3j")); }
static wf_object *c_s_real_only(void) { return CX(1, S("\t 7 \n")); }
static wf_object *c_s_exp(void) { return CX(1, S("1e-3+1E+3J")); }
static wf_object *c_s_infinity(void) { return CX(1, S("-Infinity-INFj")); }
static wf_object *c_s_nan(void) { return CX(1, S("nan")); }
static wf_object *c_s_neg_nan(void) { return CX(1, S("-nan-nanj")); }
static wf_object *c_s_under(void) { return CX(1, S("1_000+2_0j")); }
static wf_object *c_s_under_bad(void) { return CX(1, S("1__0j")); }
static wf_object *c_s_under_bad2(void) { return CX(1, S("_1j")); }
static wf_object *c_s_under_bad3(void) { return CX(1, S("1_j")); }
static wf_object *c_s_empty(void) { return CX(1, S("")); }
static wf_object *c_s_spaces(void) { return CX(1, S("   ")); }
static wf_object *c_s_mal1(void) { return CX(1, S("1+2")); }
static wf_object *c_s_mal2(void) { return CX(1, S("1+2jj")); }
static wf_object *c_s_mal3(void) { return CX(1, S("(1+2j")); }
static wf_object *c_s_mal4(void) { return CX(1, S("1 + 2j")); }
static wf_object *c_s_mal5(void) { return CX(1, S("1e+j")); }
static wf_object *c_s_mal6(void) { return CX(1, S("0x10")); }
static wf_object *c_s_mal7(void) { return CX(1, S("()")); }
static wf_object *c_s_mal8(void) { return CX(1, S("infin")); }
static wf_object *c_s_mal9(void) { return CX(1, S("1+2j)")); }
static wf_object *c_s_mal10(void) { return CX(1, S("j1")); }
static wf_object *c_s_mal11(void) { return CX(1, S("1.2.3")); }
static wf_object *c_s_paren_space(void) { return CX(1, S("( 1j )")); }
static wf_object *c_s_big(void) { return CX(1, S("1e400-1e400j")); }
static wf_object *c_s_tiny(void) { return CX(1, S("1e-400+5e-324j")); }
static wf_object *c_s_dot(void) { return CX(1, S(".5+5.j")); }
static wf_object *c_s_neg_zero(void) { return CX(1, S("-0-0j")); }
static wf_object *c_s_unicode(void) { return CX(1, S(" ١٢+٣j　")); }
static wf_object *c_s_unicode_bad(void) { return CX(1, S("1+éj")); }
static wf_object *c_repr_zeros(void) { return T(4, C(-0.0, 0.0), C(0.0, -0.0), C(-0.0, -0.0), C(0.0, 0.0)); }
static wf_object *c_repr_big(void) { return T(2, C(1e16, 1e-5), C(1e22, -1.5e-7)); }
static wf_object *c_repr_special(void) { return REPR(C(-INF, NAN_)); }
static wf_object *c_str_(void) { return STR(C(1, 2)); }
static wf_object *c_conj(void) { return M(C(1, 2), "conjugate", 0); }
static wf_object *c_conj_zero(void) { return M(C(1, 0), "conjugate", 0); }
static wf_object *c_dunder_complex(void) { return M(C(2, 3), "__complex__", 0); }
static wf_object *c_getnewargs(void) { return M(C(2, 3), "__getnewargs__", 0); }
static wf_object *c_add(void) { return ADD(C(1, 2), C(3, -4)); }
static wf_object *c_add_int(void) { return ADD(C(1, 2), I(3)); }
static wf_object *c_radd_int(void) { return ADD(I(3), C(1, 2)); }
static wf_object *c_radd_float(void) { return ADD(F(0.5), C(1, 2)); }
static wf_object *c_radd_bool(void) { return ADD(B(1), C(0, 1)); }
static wf_object *c_add_bigint(void) { return ADD(LSH(I(1), I(1100)), C(0, 1)); }
static wf_object *c_sub(void) { return SUB(I(1), C(1, 2)); }
static wf_object *c_sub_negzero(void) { return SUB(C(0.0, -0.0), F(0.0)); }
static wf_object *c_add_negzero(void) { return ADD(C(-0.0, -0.0), I(0)); }
static wf_object *c_mul(void) { return MUL(C(1, 2), C(3, -4)); }
static wf_object *c_mul_int(void) { return MUL(I(2), C(1, 2)); }
static wf_object *c_mul_inf(void) { return MUL(C(INF, 0), I(2)); }
static wf_object *c_mul_j(void) { return MUL(C(0, 1), C(0, 1)); }
static wf_object *c_div(void) { return DIV(C(1, 2), C(3, -4)); }
static wf_object *c_div_int(void) { return DIV(I(1), C(1, 1)); }
static wf_object *c_div_by_int(void) { return DIV(C(4, 2), I(2)); }
static wf_object *c_div_by_float(void) { return DIV(F(2.0), C(0, 1)); }
static wf_object *c_div_zero(void) { return DIV(C(1, 2), I(0)); }
static wf_object *c_div_zero_c(void) { return DIV(I(1), C(0, 0)); }
static wf_object *c_div_zero_negz(void) { return DIV(C(0, 1), C(-0.0, -0.0)); }
static wf_object *c_div_small(void) { return DIV(C(1, 1), C(1e-300, 1e300)); }
static wf_object *c_div_nan(void) { return DIV(C(1, 1), C(NAN_, 1)); }
static wf_object *c_div_inf(void) { return DIV(C(1, 1), C(INF, 1)); }
static wf_object *c_div_inf_num(void) { return DIV(C(INF, 1), C(1, 1)); }
static wf_object *c_div_big(void) { return DIV(C(1e308, 1e308), C(1e308, -1e308)); }
static wf_object *c_pow_int(void) { return POW(C(1, 2), I(2)); }
static wf_object *c_pow_neg(void) { return POW(C(1, 2), I(-2)); }
static wf_object *c_pow_100(void) { return POW(C(1, 1e-3), I(100)); }
static wf_object *c_pow_101(void) { return POW(C(1, 1e-3), I(101)); }
static wf_object *c_pow_float_int(void) { return POW(C(1, 1), F(3.0)); }
static wf_object *c_pow_frac(void) { return POW(C(1, 1), F(0.5)); }
static wf_object *c_pow_c(void) { return POW(C(1, 1), C(1, 1)); }
static wf_object *c_pow_zero_neg(void) { return POW(C(0, 0), I(-1)); }
static wf_object *c_pow_zero_negf(void) { return POW(C(0, 0), F(-1.5)); }
static wf_object *c_pow_zero_c(void) { return POW(C(0, 0), C(0, 1)); }
static wf_object *c_pow_zero_zero(void) { return T(3, POW(C(0, 0), I(0)), POW(C(0, 0), C(0, 0)), POW(C(0, 0), F(2.5))); }
static wf_object *c_pow_int_base(void) { return POW(I(2), C(1, 1)); }
static wf_object *c_pow_float_base(void) { return POW(F(1.5), C(0, 2)); }
static wf_object *c_pow_overflow(void) { return POW(C(1e200, 1e200), I(2)); }
static wf_object *c_pow_overflow_c(void) { return POW(C(1e200, 1e200), F(2.5)); }
static wf_object *c_pow_underflow(void) { return POW(C(1e-200, 1e-200), F(2.5)); }
static wf_object *c_pow_inf_exp(void) { return POW(C(2, 1), F(INF)); }
static wf_object *c_pow_mod(void) { return POW3(C(0, 1), I(2), I(3)); }
static wf_object *c_pow_i(void) { return T(3, POW(C(0, 1), I(2)), POW(C(0, 1), I(3)), POW(C(0, 1), I(-1))); }
/* float's power of a negative base to a fractional exponent is complex's */
static wf_object *c_fpow_cbrt(void) { return POW(F(-8.0), F(1.0 / 3.0)); }
static wf_object *c_fpow_int_half(void) { return POW(I(-1), F(0.5)); }
static wf_object *c_fpow_1_5(void) { return POW(F(-2.5), F(1.5)); }
static wf_object *c_fpow_neg_exp(void) { return POW(F(-1.0), F(-0.5)); }
static wf_object *c_fpow_pos(void) { return POW(F(2.0), F(0.5)); }
static wf_object *c_fpow_int_cbrt(void) { return POW(I(-8), F(1.0 / 3.0)); }
static wf_object *c_fpow_int_exp(void) { return T(2, POW(F(-2.0), F(3.0)), POW(F(-2.0), I(-3))); }
static wf_object *c_fpow_overflow(void) { return POW(F(-1e300), F(1.5)); }
static wf_object *c_fpow_real_overflow(void) { return POW(F(-10.0), F(401.0)); }
static wf_object *c_fpow_zero_neg(void) { return POW(F(0.0), F(-0.5)); }
static wf_object *c_fpow_nonfinite(void) { return T(4, POW(F(-INF), F(0.5)), POW(F(-2.0), F(INF)), POW(F(-0.5), F(-INF)), POW(F(-2.0), F(NAN_))); }
static wf_object *c_fpow_mod(void) { return POW3(F(-8.0), F(0.5), I(2)); }
static wf_object *c_neg(void) { return NEG(C(1, 2)); }
static wf_object *c_neg_zero(void) { return NEG(C(0, 0)); }
static wf_object *c_pos(void) { return POS(C(1, -2)); }
static wf_object *c_abs(void) { return ABS(C(3, 4)); }
static wf_object *c_abs_inf(void) { return T(2, ABS(C(INF, NAN_)), ABS(C(NAN_, -INF))); }
static wf_object *c_abs_nan(void) { return ABS(C(NAN_, 1)); }
static wf_object *c_abs_overflow(void) { return ABS(C(1e308, 1e308)); }
static wf_object *c_abs_big_ok(void) { return T(2, ABS(C(1e308, 1)), ABS(C(-3e-320, 4e-320))); }
static wf_object *c_eq(void) { return T(7, CMP(C(1, 2), C(1, 2), EQ), CMP(C(1, 0), I(1), EQ), CMP(C(1, 0), F(1.0), EQ), CMP(I(1), C(1, 0), EQ), CMP(F(1.0), C(1, 0), EQ), CMP(C(1, 1), I(1), EQ), CMP(C(1, 1), F(1.0), EQ)); }
static wf_object *c_eq_bigint(void) { return T(3, CMP(CX(1, LSH(I(1), I(53))), ADD(LSH(I(1), I(53)), I(1)), EQ), CMP(CX(1, LSH(I(1), I(53))), LSH(I(1), I(53)), EQ), CMP(LSH(I(1), I(1100)), CX(1, F(INF)), EQ)); }
static wf_object *c_eq_half(void) { return T(3, CMP(C(0.5, 0), I(0), EQ), CMP(C(-0.5, 0), I(0), EQ), CMP(C(2.5, 0), I(2), EQ)); }
static wf_object *c_ne(void) { return T(4, CMP(C(1, 2), C(1, 2), NE), CMP(C(1, 2), I(1), NE), CMP(I(2), C(2, 0), NE), CMP(F(2.0), C(2, 1), NE)); }
static wf_object *c_eq_other(void) { return T(3, CMP(C(1, 2), S("a"), EQ), CMP(C(1, 0), N(), EQ), CMP(C(1, 0), T(1, I(1)), NE)); }
static wf_object *c_eq_negzero(void) { return T(3, CMP(C(0.0, -0.0), I(0), EQ), CMP(C(-0.0, 0.0), F(0.0), EQ), CMP(C(-0.0, -0.0), C(0, 0), EQ)); }
static wf_object *c_lt(void) { return CMP(C(1, 2), C(1, 3), LT); }
static wf_object *c_lt_int(void) { return CMP(I(1), C(0, 1), LT); }
static wf_object *c_ge_float(void) { return CMP(C(0, 1), F(1.0), GE); }
static wf_object *c_hash_int(void) { return T(4, CMP(HASH(C(1, 0)), HASH(I(1)), EQ), HASH(C(1, 0)), CMP(HASH(C(-7, 0)), HASH(I(-7)), EQ), CMP(HASH(CX(1, LSH(I(1), I(70)))), HASH(LSH(I(1), I(70))), EQ)); }
static wf_object *c_hash_vals(void) { return T(7, HASH(C(0, 1)), HASH(C(1, 1)), HASH(C(-1, 0)), HASH(C(2.5, -3)), HASH(C(0, -1)), HASH(C(0, 0)), HASH(C(-0.0, -0.0))); }
static wf_object *c_hash_inf(void) { return T(2, HASH(C(INF, -INF)), HASH(C(0, INF))); }
static wf_object *c_hash_big(void) { return T(3, HASH(C(1e300, 1e-300)), HASH(C(-1e300, 12345.678)), HASH(CX(2, LSH(I(1), I(62)), LSH(I(1), I(61))))); }
static wf_object *c_hash_wrap(void) { return HASH(CX(2, LSH(I(1), I(60)), ADD(NEG(LSH(I(1), I(60))), I(1)))); }
static wf_object *c_hash_float(void) { return CMP(HASH(C(0.1, 0)), HASH(F(0.1)), EQ); }
static wf_object *c_bool(void) { return T(5, BOOL(C(0, 0)), BOOL(C(0, 1)), BOOL(C(-0.0, -0.0)), BOOL(C(NAN_, 0)), BOOL(C(0, 1e-320))); }
static wf_object *c_floordiv(void) { return FDIV(C(1, 2), I(2)); }
static wf_object *c_mod(void) { return MOD(I(2), C(1, 2)); }
static wf_object *c_float_of(void) { return CALL(TY(&wf_float_type), 1, C(0, 1)); }
static wf_object *c_add_str(void) { return ADD(C(1, 2), S("a")); }
static wf_object *c_unhash_none(void) { return IS(GA(TY(&wf_complex_type), "__hash__"), N()); }
static wf_object *c_proto_complex(void) { return CX(1, CALL(CLASS("W", TY(&wf_object_type), "__complex__", CALL(TY(&wf_staticmethod_type), 1, TY(&wf_complex_type))), 0)); }
static wf_object *c_proto_complex_bad(void) { return CX(1, CALL(CLASS("W", TY(&wf_object_type), "__complex__", CALL(TY(&wf_staticmethod_type), 1, TY(&wf_float_type))), 0)); }
static wf_object *c_proto_complex_imag(void) { return CX(2, CALL(CLASS("W", TY(&wf_object_type), "__complex__", CALL(TY(&wf_staticmethod_type), 1, TY(&wf_complex_type))), 0), I(2)); }
static wf_object *c_proto_obj(void) { return CX(1, CALL(CLASS("W", TY(&wf_object_type), NULL, NULL), 0)); }

static const struct kase {
    const char *id;
    const char *code;
    wf_object *(*fn)(void);
} CASES[] = {
#define ROW(id, code) {#id, code, c_##id}
    ROW(ctor_empty, "r = complex()"),
    ROW(ctor_int, "r = complex(3)"),
    ROW(ctor_float, "r = complex(2.5)"),
    ROW(ctor_two, "r = complex(1, 2)"),
    ROW(ctor_two_float, "r = complex(1.5, -0.0)"),
    ROW(ctor_cc, "r = complex(1+2j, 3+4j)"),
    ROW(ctor_real_c, "r = complex(2, 3j)"),
    ROW(ctor_same, "z = 1+2j; r = complex(z) is z"),
    ROW(ctor_kw, "r = complex(real=1, imag=2)"),
    ROW(ctor_kw_imag, "r = complex(imag=2.5)"),
    ROW(ctor_kw_pos, "r = complex(1, imag=-1)"),
    ROW(ctor_kw_bad, "r = complex(foo=1)"),
    ROW(ctor_kw_dup, "r = complex(1, real=2)"),
    ROW(ctor_many, "r = complex(1, 2, 3)"),
    ROW(ctor_list, "r = complex([])"),
    ROW(ctor_none, "r = complex(None)"),
    ROW(ctor_second_list, "r = complex(1, [])"),
    ROW(ctor_second_str, "r = complex(1, '2')"),
    ROW(ctor_str_second, "r = complex('1', 2)"),
    ROW(ctor_str_kw, "r = complex('1', imag=0)"),
    ROW(ctor_bool, "r = complex(True, False)"),
    ROW(ctor_bigint, "r = complex(2**1024)"),
    ROW(ctor_bigint_ok, "r = complex(2**100, -2**60)"),
    ROW(ctor_inf, "r = complex(float('inf'), float('-inf'))"),
    ROW(ctor_nan, "r = complex(float('nan'), -float('nan'))"),
    ROW(s_sum, "r = complex('1+2j')"),
    ROW(s_paren, "r = complex(' (3-4j) ')"),
    ROW(s_infnan, "r = complex('inf+nanj')"),
    ROW(s_j, "r = complex('j')"),
    ROW(s_minus_j, "r = complex('-j')"),
    ROW(s_plus_J, "r = complex('+J')"),
    ROW(s_float_sign_j, "r = complex('1.5-j')"),
    ROW(s_imag_only, "r = complex('-2.5e3j')"),
    ROW(s_real_only, "r = complex('\\t 7 \\n')"),
    ROW(s_exp, "r = complex('1e-3+1E+3J')"),
    ROW(s_infinity, "r = complex('-Infinity-INFj')"),
    ROW(s_nan, "r = complex('nan')"),
    ROW(s_neg_nan, "r = complex('-nan-nanj')"),
    ROW(s_under, "r = complex('1_000+2_0j')"),
    ROW(s_under_bad, "r = complex('1__0j')"),
    ROW(s_under_bad2, "r = complex('_1j')"),
    ROW(s_under_bad3, "r = complex('1_j')"),
    ROW(s_empty, "r = complex('')"),
    ROW(s_spaces, "r = complex('   ')"),
    ROW(s_mal1, "r = complex('1+2')"),
    ROW(s_mal2, "r = complex('1+2jj')"),
    ROW(s_mal3, "r = complex('(1+2j')"),
    ROW(s_mal4, "r = complex('1 + 2j')"),
    ROW(s_mal5, "r = complex('1e+j')"),
    ROW(s_mal6, "r = complex('0x10')"),
    ROW(s_mal7, "r = complex('()')"),
    ROW(s_mal8, "r = complex('infin')"),
    ROW(s_mal9, "r = complex('1+2j)')"),
    ROW(s_mal10, "r = complex('j1')"),
    ROW(s_mal11, "r = complex('1.2.3')"),
    ROW(s_paren_space, "r = complex('( 1j )')"),
    ROW(s_big, "r = complex('1e400-1e400j')"),
    ROW(s_tiny, "r = complex('1e-400+5e-324j')"),
    ROW(s_dot, "r = complex('.5+5.j')"),
    ROW(s_neg_zero, "r = complex('-0-0j')"),
    ROW(s_unicode, "r = complex(' ١٢+٣j　')"),
    ROW(s_unicode_bad, "r = complex('1+éj')"),
    ROW(repr_zeros, "r = (complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(0.0, 0.0))"),
    ROW(repr_big, "r = (complex(1e16, 1e-5), complex(1e22, -1.5e-7))"),
    ROW(repr_special, "r = repr(complex(float('-inf'), float('nan')))"),
    ROW(str_, "r = str(complex(1, 2))"),
    ROW(attrs, "z = complex(1.5, -2); r = (z.real, z.imag)"),
    ROW(attr_set, "z = 1j; z.real = 2.0; r = z"),
    ROW(conj, "r = (1+2j).conjugate()"),
    ROW(conj_zero, "r = (1+0j).conjugate()"),
    ROW(dunder_complex, "r = (2+3j).__complex__()"),
    ROW(getnewargs, "r = (2+3j).__getnewargs__()"),
    ROW(add, "r = (1+2j) + (3-4j)"),
    ROW(add_int, "r = (1+2j) + 3"),
    ROW(radd_int, "r = 3 + (1+2j)"),
    ROW(radd_float, "r = 0.5 + (1+2j)"),
    ROW(radd_bool, "r = True + 1j"),
    ROW(add_bigint, "r = 2**1100 + 1j"),
    ROW(sub, "r = 1 - (1+2j)"),
    ROW(sub_negzero, "r = complex(0.0, -0.0) - 0.0"),
    ROW(add_negzero, "r = complex(-0.0, -0.0) + 0"),
    ROW(mul, "r = (1+2j) * (3-4j)"),
    ROW(mul_int, "r = 2 * (1+2j)"),
    ROW(mul_inf, "r = complex(float('inf'), 0) * 2"),
    ROW(mul_j, "r = 1j * 1j"),
    ROW(div, "r = (1+2j) / (3-4j)"),
    ROW(div_int, "r = 1 / (1+1j)"),
    ROW(div_by_int, "r = (4+2j) / 2"),
    ROW(div_by_float, "r = 2.0 / 1j"),
    ROW(div_zero, "r = (1+2j) / 0"),
    ROW(div_zero_c, "r = 1 / 0j"),
    ROW(div_zero_negz, "r = 1j / complex(-0.0, -0.0)"),
    ROW(div_small, "r = (1+1j) / complex(1e-300, 1e300)"),
    ROW(div_nan, "r = (1+1j) / complex(float('nan'), 1)"),
    ROW(div_inf, "r = (1+1j) / complex(float('inf'), 1)"),
    ROW(div_inf_num, "r = complex(float('inf'), 1) / (1+1j)"),
    ROW(div_big, "r = complex(1e308, 1e308) / complex(1e308, -1e308)"),
    ROW(pow_int, "r = (1+2j) ** 2"),
    ROW(pow_neg, "r = (1+2j) ** -2"),
    ROW(pow_100, "r = (1+1e-3j) ** 100"),
    ROW(pow_101, "r = (1+1e-3j) ** 101"),
    ROW(pow_float_int, "r = (1+1j) ** 3.0"),
    ROW(pow_frac, "r = (1+1j) ** 0.5"),
    ROW(pow_c, "r = (1+1j) ** (1+1j)"),
    ROW(pow_zero_neg, "r = 0j ** -1"),
    ROW(pow_zero_negf, "r = 0j ** -1.5"),
    ROW(pow_zero_c, "r = 0j ** 1j"),
    ROW(pow_zero_zero, "r = (0j ** 0, 0j ** 0j, 0j ** 2.5)"),
    ROW(pow_int_base, "r = 2 ** (1+1j)"),
    ROW(pow_float_base, "r = 1.5 ** 2j"),
    ROW(pow_overflow, "r = (1e200+1e200j) ** 2"),
    ROW(pow_overflow_c, "r = (1e200+1e200j) ** 2.5"),
    ROW(pow_underflow, "r = (1e-200+1e-200j) ** 2.5"),
    ROW(pow_inf_exp, "r = (2+1j) ** float('inf')"),
    ROW(pow_mod, "r = pow(1j, 2, 3)"),
    ROW(pow_i, "r = (1j ** 2, 1j ** 3, 1j ** -1)"),
    ROW(fpow_cbrt, "r = (-8.0) ** (1/3)"),
    ROW(fpow_int_half, "r = (-1) ** 0.5"),
    ROW(fpow_1_5, "r = (-2.5) ** 1.5"),
    ROW(fpow_neg_exp, "r = (-1.0) ** -0.5"),
    ROW(fpow_pos, "r = 2.0 ** 0.5"),
    ROW(fpow_int_cbrt, "r = (-8) ** (1/3)"),
    ROW(fpow_int_exp, "r = ((-2.0) ** 3.0, (-2.0) ** -3)"),
    ROW(fpow_overflow, "r = (-1e300) ** 1.5"),
    ROW(fpow_real_overflow, "r = (-10.0) ** 401.0"),
    ROW(fpow_zero_neg, "r = 0.0 ** -0.5"),
    ROW(fpow_nonfinite, "r = (float('-inf') ** 0.5, (-2.0) ** float('inf'), (-0.5) ** float('-inf'), (-2.0) ** float('nan'))"),
    ROW(fpow_mod, "r = pow(-8.0, 0.5, 2)"),
    ROW(neg, "r = -(1+2j)"),
    ROW(neg_zero, "r = -0j"),
    ROW(pos, "r = +(1-2j)"),
    ROW(abs, "r = abs(3+4j)"),
    ROW(abs_inf, "r = (abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), float('-inf'))))"),
    ROW(abs_nan, "r = abs(complex(float('nan'), 1))"),
    ROW(abs_overflow, "r = abs(complex(1e308, 1e308))"),
    ROW(abs_big_ok, "r = (abs(complex(1e308, 1)), abs(complex(-3e-320, 4e-320)))"),
    ROW(eq, "r = ((1+2j) == (1+2j), (1+0j) == 1, (1+0j) == 1.0, 1 == (1+0j), 1.0 == (1+0j), (1+1j) == 1, (1+1j) == 1.0)"),
    ROW(eq_bigint, "r = (complex(2**53) == 2**53 + 1, complex(2**53) == 2**53, 2**1100 == complex(float('inf')))"),
    ROW(eq_half, "r = (complex(0.5) == 0, complex(-0.5) == 0, complex(2.5) == 2)"),
    ROW(ne, "r = ((1+2j) != (1+2j), (1+2j) != 1, 2 != 2+0j, 2.0 != 2+1j)"),
    ROW(eq_nan, "z = complex(float('nan'), 0); r = (z == z, z != z, z == float('nan'))"),
    ROW(eq_other, "r = ((1+2j) == 'a', (1+0j) == None, (1+0j) != (1,))"),
    ROW(eq_negzero, "r = (complex(0.0, -0.0) == 0, complex(-0.0, 0.0) == 0.0, complex(-0.0, -0.0) == 0j)"),
    ROW(lt, "r = (1+2j) < (1+3j)"),
    ROW(lt_int, "r = 1 < 1j"),
    ROW(ge_float, "r = 1j >= 1.0"),
    ROW(hash_int, "r = (hash(1+0j) == hash(1), hash(1+0j), hash(complex(-7)) == hash(-7), hash(complex(2**70)) == hash(2**70))"),
    ROW(hash_vals, "r = (hash(1j), hash(1+1j), hash(-1+0j), hash(2.5-3j), hash(-1j), hash(0j), hash(complex(-0.0, -0.0)))"),
    ROW(hash_inf, "r = (hash(complex(float('inf'), float('-inf'))), hash(complex(0, float('inf'))))"),
    ROW(hash_big, "r = (hash(complex(1e300, 1e-300)), hash(complex(-1e300, 12345.678)), hash(complex(2**62, 2**61)))"),
    ROW(hash_wrap, "r = hash(complex(2**60, -2**60 + 1))"),
    ROW(hash_float, "r = hash(complex(0.1)) == hash(0.1)"),
    ROW(bool, "r = (bool(0j), bool(1j), bool(complex(-0.0, -0.0)), bool(complex(float('nan'), 0)), bool(complex(0, 1e-320)))"),
    ROW(floordiv, "r = (1+2j) // 2"),
    ROW(mod, "r = 2 % (1+2j)"),
    ROW(float_of, "r = float(1j)"),
    ROW(add_str, "r = (1+2j) + 'a'"),
    ROW(unhash_none, "r = complex.__hash__ is None"),
    ROW(sub_class, "C = type('C', (complex,), {}); c = C(1, 2); r = (complex(c), type(complex(c)) is complex, type(c) is C, c + 1, -c, repr(c), c == 1+2j, hash(c) == hash(1+2j))"),
    ROW(sub_pos, "C = type('C', (complex,), {}); c = C('3-4j'); r = (+c, type(+c) is complex, c.imag)"),
    ROW(proto_complex, "W = type('W', (), {'__complex__': staticmethod(complex)}); r = complex(W())"),
    ROW(proto_complex_bad, "W = type('W', (), {'__complex__': staticmethod(float)}); r = complex(W())"),
    ROW(proto_complex_imag, "W = type('W', (), {'__complex__': staticmethod(complex)}); r = complex(W(), 2)"),
    ROW(proto_float_sub, "F = type('F', (float,), {}); r = complex(F(2.5), F(-1))"),
    ROW(proto_obj, "W = type('W', (), {}); r = complex(W())"),
#undef ROW
};
#define NCASES (sizeof CASES / sizeof CASES[0])

/* ---------------------------------------------------------------------------
 * Expected results
 */
START_TEST(test_case) {
    const struct kase *k = &CASES[_i];
    wf_object *r = k->fn();
    char *got = wrows_render(r);
    drop_pool();
    ck_assert_msg(!wf_err_occurred(), "%s: exception left pending", k->id);
    wrows_check(COMPLEX_EXPECTED, "tests/unit/test_complex.c", k->id, got);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Refcounts: arithmetic and construction leave their operands' counts as
 * they were; complex(z) of an exact complex hands back z itself.
 */
START_TEST(test_refcount_balance) {
    wf_object *z = wf_complex_from_doubles(1.0, 2.0);
    wf_object *i = wf_int_from_i64(1000003);
    ck_assert_ptr_nonnull(z);
    intptr_t zc = wf_refcnt(z), ic = wf_refcnt(i);
    for (int round = 0; round < 10; round++) {
        wf_object *s = wf_number_add(i, z);
        ck_assert_ptr_nonnull(s);
        wf_object *p = wf_number_power(z, i, wf_None);
        ck_assert_ptr_null(p); /* overflows: (1+2j)**1000003 */
        wf_err_clear();
        wf_object *c = wf_object_vectorcall((wf_object *)&wf_complex_type, &z, 1, NULL);
        ck_assert_ptr_eq(c, z);
        wf_decref(c);
        wf_decref(s);
    }
    ck_assert_int_eq(wf_refcnt(z), zc);
    ck_assert_int_eq(wf_refcnt(i), ic);
    wf_decref(z);
    wf_decref(i);
}
END_TEST

int main(void) {
    Suite *s = suite_create("complex");
    TCase *tc = tcase_create("behaviour");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_add_loop_test(tc, test_case, 0, (int)NCASES);
    suite_add_tcase(s, tc);
    TCase *rc = tcase_create("refcounts");
    tcase_add_checked_fixture(rc, wtest_setup, wtest_teardown);
    tcase_add_test(rc, test_refcount_balance);
    suite_add_tcase(s, rc);
    return wtest_run_suite(s);
}
