/*
 * tests/unit/test_format.c — the format-spec mini-language
 * (int/float/str.__format__ through wf_object_format) and printf-style
 * str % args (through wf_number_remainder), compared with CPython.
 *
 * The CASES table mirrors, one C function per row, a snippet of Python
 * (the ROW's string; its result is the variable r).
 * `python3 tools/gen_rows_expected.py tests/unit/test_format.c >
 * tests/unit/format_expected.txt` runs the snippets under python3 and
 * writes `id<TAB>repr(r)` or `id<TAB>ExceptionName: message`; each case's
 * result is rendered the same way here and must match its line.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "tests/unit/wtest.h"
#include "tests/unit/wrows.h"

/* Helpers return borrowed pointers kept in a pool dropped after the case,
 * or NULL when an exception is pending (and propagate NULL inputs). */
static wf_object *pool[256];
static int npool;

static wf_object *keep(wf_object *o) {
    if (o) {
        ck_assert_int_lt(npool, 256);
        pool[npool++] = o;
    }
    return o;
}
static void drop_pool(void) {
    while (npool > 0) wf_decref(pool[--npool]);
}
static wf_object *I(int64_t v) { return keep(wf_int_from_i64(v)); }
static wf_object *F(double v) { return keep(wf_float_from_double(v)); }
static wf_object *S(const char *s) { return keep(wf_str_from_cstr(s)); }
static wf_object *B(int v) { return wf_bool_from(v); }
static wf_object *N(void) { return wf_None; }
static wf_object *P2(int k) { return keep(wf_number_lshift(I(1), I(k))); }
static wf_object *NP2(int k) { return keep(wf_number_negative(P2(k))); }
static wf_object *T(int n, ...) {
    wf_object *a[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) a[i] = va_arg(ap, wf_object *);
    va_end(ap);
    for (int i = 0; i < n; i++)
        if (!a[i]) return NULL;
    return keep(wf_tuple_from_array(a, n));
}
static wf_object *L(int n, ...) {
    wf_object *l = keep(wf_list_new(0));
    va_list ap;
    va_start(ap, n);
    for (int i = 0; l && i < n; i++) {
        wf_object *v = va_arg(ap, wf_object *);
        if (!v || wf_list_append(l, v) < 0) l = NULL;
    }
    va_end(ap);
    return l;
}
/* {k1: v1, k2: v2} with NULL keys left out */
static wf_object *DICT2(const char *k1, wf_object *v1, const char *k2, wf_object *v2) {
    wf_object *d = keep(wf_dict_new());
    if (d && k1 && wf_dict_set_item_string(d, k1, v1) < 0) return NULL;
    if (d && k2 && wf_dict_set_item_string(d, k2, v2) < 0) return NULL;
    return d;
}
/* format(v, spec) */
static wf_object *FMT(wf_object *v, const char *spec) {
    wf_object *s = S(spec);
    return v && s ? keep(wf_object_format(v, s)) : NULL;
}
/* fmt % args */
static wf_object *MOD(const char *fmt, wf_object *args) {
    wf_object *f = S(fmt);
    return f && args ? keep(wf_number_remainder(f, args)) : NULL;
}

static wf_object *c_f_i0_empty(void) { return FMT(I(0), ""); }
static wf_object *c_f_i0_d(void) { return FMT(I(0), "d"); }
static wf_object *c_f_i0_5(void) { return FMT(I(0), "5"); }
static wf_object *c_f_i0_L5(void) { return FMT(I(0), "<5"); }
static wf_object *c_f_i0_A5(void) { return FMT(I(0), "^5"); }
static wf_object *c_f_i0_EP5(void) { return FMT(I(0), "=+5"); }
static wf_object *c_f_i0_P(void) { return FMT(I(0), "+"); }
static wf_object *c_f_i0_M(void) { return FMT(I(0), "-"); }
static wf_object *c_f_i0_S(void) { return FMT(I(0), " "); }
static wf_object *c_f_i0_b(void) { return FMT(I(0), "b"); }
static wf_object *c_f_i0_o(void) { return FMT(I(0), "o"); }
static wf_object *c_f_i0_x(void) { return FMT(I(0), "x"); }
static wf_object *c_f_i0_X(void) { return FMT(I(0), "X"); }
static wf_object *c_f_i0_Hb(void) { return FMT(I(0), "#b"); }
static wf_object *c_f_i0_Ho(void) { return FMT(I(0), "#o"); }
static wf_object *c_f_i0_Hx(void) { return FMT(I(0), "#x"); }
static wf_object *c_f_i0_HX(void) { return FMT(I(0), "#X"); }
static wf_object *c_f_i0_c(void) { return FMT(I(0), "c"); }
static wf_object *c_f_i0_n(void) { return FMT(I(0), "n"); }
static wf_object *c_f_i0_C(void) { return FMT(I(0), ","); }
static wf_object *c_f_i0_U(void) { return FMT(I(0), "_"); }
static wf_object *c_f_i0_010C(void) { return FMT(I(0), "010,"); }
static wf_object *c_f_i0_Ub(void) { return FMT(I(0), "_b"); }
static wf_object *c_f_i0_Ux(void) { return FMT(I(0), "_x"); }
static wf_object *c_f_i0_HUx(void) { return FMT(I(0), "#_x"); }
static wf_object *c_f_i0_H010x(void) { return FMT(I(0), "#010x"); }
static wf_object *c_f_i0_e(void) { return FMT(I(0), "e"); }
static wf_object *c_f_i0_Q(void) { return FMT(I(0), "%"); }
static wf_object *c_f_i0_D2f(void) { return FMT(I(0), ".2f"); }
static wf_object *c_f_i0_08D3f(void) { return FMT(I(0), "08.3f"); }
static wf_object *c_f_i5_TA9(void) { return FMT(I(5), "*^9"); }
static wf_object *c_f_i5_05c(void) { return FMT(I(5), "05c"); }
static wf_object *c_f_i5_E5c(void) { return FMT(I(5), "=5c"); }
static wf_object *c_f_i5_L5c(void) { return FMT(I(5), "<5c"); }
static wf_object *c_f_i5_xA6c(void) { return FMT(I(5), "x^6c"); }
static wf_object *c_f_i5_KG6(void) { return FMT(I(5), "★>6"); }
static wf_object *c_f_i5_Pd(void) { return FMT(I(5), "+d"); }
static wf_object *c_f_i5_05(void) { return FMT(I(5), "05"); }
static wf_object *c_f_i5_E6(void) { return FMT(I(5), "=6"); }
static wf_object *c_f_i5_c(void) { return FMT(I(5), "c"); }
static wf_object *c_f_i5_g(void) { return FMT(I(5), "g"); }
static wf_object *c_f_i5_D0Q(void) { return FMT(I(5), ".0%"); }
static wf_object *c_f_in5_05(void) { return FMT(I(-5), "05"); }
static wf_object *c_f_in5_P(void) { return FMT(I(-5), "+"); }
static wf_object *c_f_in5_A7(void) { return FMT(I(-5), "^7"); }
static wf_object *c_f_in5_L4(void) { return FMT(I(-5), "<4"); }
static wf_object *c_f_in5_S(void) { return FMT(I(-5), " "); }
static wf_object *c_f_in5_Hx(void) { return FMT(I(-5), "#x"); }
static wf_object *c_f_in5_b(void) { return FMT(I(-5), "b"); }
static wf_object *c_f_in5_c(void) { return FMT(I(-5), "c"); }
static wf_object *c_f_i1234567_C(void) { return FMT(I(1234567), ","); }
static wf_object *c_f_i1234567_U(void) { return FMT(I(1234567), "_"); }
static wf_object *c_f_i1234567_Cd(void) { return FMT(I(1234567), ",d"); }
static wf_object *c_f_i1234567_015C(void) { return FMT(I(1234567), "015,"); }
static wf_object *c_f_i1234567_0E15U(void) { return FMT(I(1234567), "0=15_"); }
static wf_object *c_f_i1234567_G12C(void) { return FMT(I(1234567), ">12,"); }
static wf_object *c_f_i1234567_A15C(void) { return FMT(I(1234567), "^15,"); }
static wf_object *c_f_i1234567_n(void) { return FMT(I(1234567), "n"); }
static wf_object *c_f_i1234567_HUo(void) { return FMT(I(1234567), "#_o"); }
static wf_object *c_f_i1234567_Ub(void) { return FMT(I(1234567), "_b"); }
static wf_object *c_f_i1234567_20CD2f(void) { return FMT(I(1234567), "20,.2f"); }
static wf_object *c_f_i1234567_e(void) { return FMT(I(1234567), "e"); }
static wf_object *c_f_in1234567_C(void) { return FMT(I(-1234567), ","); }
static wf_object *c_f_in1234567_012C(void) { return FMT(I(-1234567), "012,"); }
static wf_object *c_f_in1234567_PC(void) { return FMT(I(-1234567), "+,"); }
static wf_object *c_f_in1234567_Hx(void) { return FMT(I(-1234567), "#x"); }
static wf_object *c_f_in1234567_UX(void) { return FMT(I(-1234567), "_X"); }
static wf_object *c_f_i255_HX(void) { return FMT(I(255), "#X"); }
static wf_object *c_f_i255_08b(void) { return FMT(I(255), "08b"); }
static wf_object *c_f_i255_H010b(void) { return FMT(I(255), "#010b"); }
static wf_object *c_f_i255_x(void) { return FMT(I(255), "x"); }
static wf_object *c_f_i255_o(void) { return FMT(I(255), "o"); }
static wf_object *c_f_i255_Ho(void) { return FMT(I(255), "#o"); }
static wf_object *c_f_i255_c(void) { return FMT(I(255), "c"); }
static wf_object *c_f_i255_LH8x(void) { return FMT(I(255), "<#8x"); }
static wf_object *c_f_i255_EA10x(void) { return FMT(I(255), "=^10x"); }
static wf_object *c_f_in255_Hx(void) { return FMT(I(-255), "#x"); }
static wf_object *c_f_in255_H010x(void) { return FMT(I(-255), "#010x"); }
static wf_object *c_f_in255_X(void) { return FMT(I(-255), "X"); }
static wf_object *c_f_in255_Po(void) { return FMT(I(-255), "+o"); }
static wf_object *c_f_big_empty(void) { return FMT(P2(100), ""); }
static wf_object *c_f_big_d(void) { return FMT(P2(100), "d"); }
static wf_object *c_f_big_C(void) { return FMT(P2(100), ","); }
static wf_object *c_f_big_x(void) { return FMT(P2(100), "x"); }
static wf_object *c_f_big_HUx(void) { return FMT(P2(100), "#_x"); }
static wf_object *c_f_big_b(void) { return FMT(P2(100), "b"); }
static wf_object *c_f_big_e(void) { return FMT(P2(100), "e"); }
static wf_object *c_f_big_g(void) { return FMT(P2(100), "g"); }
static wf_object *c_f_big_50(void) { return FMT(P2(100), "50"); }
static wf_object *c_f_big_U(void) { return FMT(P2(100), "_"); }
static wf_object *c_f_nbig_x(void) { return FMT(NP2(100), "x"); }
static wf_object *c_f_nbig_PC(void) { return FMT(NP2(100), "+,"); }
static wf_object *c_f_nbig_Ho(void) { return FMT(NP2(100), "#o"); }
static wf_object *c_f_i65_c(void) { return FMT(I(65), "c"); }
static wf_object *c_f_i65_A5c(void) { return FMT(I(65), "^5c"); }
static wf_object *c_f_i65_D2(void) { return FMT(I(65), ".2"); }
static wf_object *c_f_i65_z(void) { return FMT(I(65), "z"); }
static wf_object *c_f_i65_Pc(void) { return FMT(I(65), "+c"); }
static wf_object *c_f_i65_Hc(void) { return FMT(I(65), "#c"); }
static wf_object *c_f_i65_Cc(void) { return FMT(I(65), ",c"); }
static wf_object *c_f_i65_Cx(void) { return FMT(I(65), ",x"); }
static wf_object *c_f_i65_Un(void) { return FMT(I(65), "_n"); }
static wf_object *c_f_i65_s(void) { return FMT(I(65), "s"); }
static wf_object *c_f_i65_y(void) { return FMT(I(65), "y"); }
static wf_object *c_f_i65_abc(void) { return FMT(I(65), "abc"); }
static wf_object *c_f_i65_CU(void) { return FMT(I(65), ",_"); }
static wf_object *c_f_i65_UC(void) { return FMT(I(65), "_,"); }
static wf_object *c_f_i65_D(void) { return FMT(I(65), "."); }
static wf_object *c_f_i65_CC(void) { return FMT(I(65), ",,"); }
static wf_object *c_f_i65_1Cx(void) { return FMT(I(65), "1,x"); }
static wf_object *c_f_itrue_empty(void) { return FMT(B(1), ""); }
static wf_object *c_f_itrue_d(void) { return FMT(B(1), "d"); }
static wf_object *c_f_itrue_5(void) { return FMT(B(1), "5"); }
static wf_object *c_f_itrue_x(void) { return FMT(B(1), "x"); }
static wf_object *c_f_f0_empty(void) { return FMT(F(0.0), ""); }
static wf_object *c_f_f0_f(void) { return FMT(F(0.0), "f"); }
static wf_object *c_f_f0_e(void) { return FMT(F(0.0), "e"); }
static wf_object *c_f_f0_g(void) { return FMT(F(0.0), "g"); }
static wf_object *c_f_f0_Q(void) { return FMT(F(0.0), "%"); }
static wf_object *c_f_f0_P(void) { return FMT(F(0.0), "+"); }
static wf_object *c_f_f0_05(void) { return FMT(F(0.0), "05"); }
static wf_object *c_f_f0_z(void) { return FMT(F(0.0), "z"); }
static wf_object *c_f_f0_H(void) { return FMT(F(0.0), "#"); }
static wf_object *c_f_f0_Hg(void) { return FMT(F(0.0), "#g"); }
static wf_object *c_f_f0_n(void) { return FMT(F(0.0), "n"); }
static wf_object *c_f_f0_D0f(void) { return FMT(F(0.0), ".0f"); }
static wf_object *c_f_f0_HD0f(void) { return FMT(F(0.0), "#.0f"); }
static wf_object *c_f_fn0_empty(void) { return FMT(F(-0.0), ""); }
static wf_object *c_f_fn0_f(void) { return FMT(F(-0.0), "f"); }
static wf_object *c_f_fn0_z(void) { return FMT(F(-0.0), "z"); }
static wf_object *c_f_fn0_zf(void) { return FMT(F(-0.0), "zf"); }
static wf_object *c_f_fn0_zD1e(void) { return FMT(F(-0.0), "z.1e"); }
static wf_object *c_f_fn0_P(void) { return FMT(F(-0.0), "+"); }
static wf_object *c_f_fn0_e(void) { return FMT(F(-0.0), "e"); }
static wf_object *c_f_fn0_g(void) { return FMT(F(-0.0), "g"); }
static wf_object *c_f_fn0_05D1f(void) { return FMT(F(-0.0), "05.1f"); }
static wf_object *c_f_fn0_zP(void) { return FMT(F(-0.0), "z+"); }
static wf_object *c_f_fpi_empty(void) { return FMT(F(3.141592653589793), ""); }
static wf_object *c_f_fpi_D2f(void) { return FMT(F(3.141592653589793), ".2f"); }
static wf_object *c_f_fpi_e(void) { return FMT(F(3.141592653589793), "e"); }
static wf_object *c_f_fpi_E(void) { return FMT(F(3.141592653589793), "E"); }
static wf_object *c_f_fpi_g(void) { return FMT(F(3.141592653589793), "g"); }
static wf_object *c_f_fpi_G(void) { return FMT(F(3.141592653589793), "G"); }
static wf_object *c_f_fpi_D3(void) { return FMT(F(3.141592653589793), ".3"); }
static wf_object *c_f_fpi_Q(void) { return FMT(F(3.141592653589793), "%"); }
static wf_object *c_f_fpi_10D4f(void) { return FMT(F(3.141592653589793), "10.4f"); }
static wf_object *c_f_fpi_L10D2f(void) { return FMT(F(3.141592653589793), "<10.2f"); }
static wf_object *c_f_fpi_A10D1f(void) { return FMT(F(3.141592653589793), "^10.1f"); }
static wf_object *c_f_fpi_EP12D3e(void) { return FMT(F(3.141592653589793), "=+12.3e"); }
static wf_object *c_f_fpi_HD0f(void) { return FMT(F(3.141592653589793), "#.0f"); }
static wf_object *c_f_fpi_HD0e(void) { return FMT(F(3.141592653589793), "#.0e"); }
static wf_object *c_f_fpi_D0e(void) { return FMT(F(3.141592653589793), ".0e"); }
static wf_object *c_f_fpi_D10g(void) { return FMT(F(3.141592653589793), ".10g"); }
static wf_object *c_f_fpi_HD10g(void) { return FMT(F(3.141592653589793), "#.10g"); }
static wf_object *c_f_fpi_F(void) { return FMT(F(3.141592653589793), "F"); }
static wf_object *c_f_fpi_n(void) { return FMT(F(3.141592653589793), "n"); }
static wf_object *c_f_fpi_C(void) { return FMT(F(3.141592653589793), ","); }
static wf_object *c_f_fpi_UD3f(void) { return FMT(F(3.141592653589793), "_.3f"); }
static wf_object *c_f_fpi_015CD2f(void) { return FMT(F(3.141592653589793), "015,.2f"); }
static wf_object *c_f_fpi_D3Q(void) { return FMT(F(3.141592653589793), ".3%"); }
static wf_object *c_f_fpi_zD2f(void) { return FMT(F(3.141592653589793), "z.2f"); }
static wf_object *c_f_fpi_PD1f(void) { return FMT(F(3.141592653589793), "+.1f"); }
static wf_object *c_f_fpi_SD2f(void) { return FMT(F(3.141592653589793), " .2f"); }
static wf_object *c_f_fnpi_D2f(void) { return FMT(F(-3.141592653589793), ".2f"); }
static wf_object *c_f_fnpi_012D3f(void) { return FMT(F(-3.141592653589793), "012.3f"); }
static wf_object *c_f_fnpi_A12D2f(void) { return FMT(F(-3.141592653589793), "^12.2f"); }
static wf_object *c_f_fnpi_zD0f(void) { return FMT(F(-3.141592653589793), "z.0f"); }
static wf_object *c_f_fnpi_Pg(void) { return FMT(F(-3.141592653589793), "+g"); }
static wf_object *c_f_finf_empty(void) { return FMT(F(INFINITY), ""); }
static wf_object *c_f_finf_f(void) { return FMT(F(INFINITY), "f"); }
static wf_object *c_f_finf_F(void) { return FMT(F(INFINITY), "F"); }
static wf_object *c_f_finf_e(void) { return FMT(F(INFINITY), "e"); }
static wf_object *c_f_finf_E(void) { return FMT(F(INFINITY), "E"); }
static wf_object *c_f_finf_g(void) { return FMT(F(INFINITY), "g"); }
static wf_object *c_f_finf_G(void) { return FMT(F(INFINITY), "G"); }
static wf_object *c_f_finf_Q(void) { return FMT(F(INFINITY), "%"); }
static wf_object *c_f_finf_P(void) { return FMT(F(INFINITY), "+"); }
static wf_object *c_f_finf_010(void) { return FMT(F(INFINITY), "010"); }
static wf_object *c_f_finf_L6(void) { return FMT(F(INFINITY), "<6"); }
static wf_object *c_f_finf_EP8(void) { return FMT(F(INFINITY), "=+8"); }
static wf_object *c_f_finf_C(void) { return FMT(F(INFINITY), ","); }
static wf_object *c_f_finf_z(void) { return FMT(F(INFINITY), "z"); }
static wf_object *c_f_fninf_empty(void) { return FMT(F(-INFINITY), ""); }
static wf_object *c_f_fninf_F(void) { return FMT(F(-INFINITY), "F"); }
static wf_object *c_f_fninf_08(void) { return FMT(F(-INFINITY), "08"); }
static wf_object *c_f_fnan_empty(void) { return FMT(F(NAN), ""); }
static wf_object *c_f_fnan_f(void) { return FMT(F(NAN), "f"); }
static wf_object *c_f_fnan_F(void) { return FMT(F(NAN), "F"); }
static wf_object *c_f_fnan_E(void) { return FMT(F(NAN), "E"); }
static wf_object *c_f_fnan_P(void) { return FMT(F(NAN), "+"); }
static wf_object *c_f_fnan_010(void) { return FMT(F(NAN), "010"); }
static wf_object *c_f_fnan_A7(void) { return FMT(F(NAN), "^7"); }
static wf_object *c_f_fnan_G(void) { return FMT(F(NAN), "G"); }
static wf_object *c_f_f1e16_empty(void) { return FMT(F(1e16), ""); }
static wf_object *c_f_f1e16_f(void) { return FMT(F(1e16), "f"); }
static wf_object *c_f_f1e16_e(void) { return FMT(F(1e16), "e"); }
static wf_object *c_f_f1e16_g(void) { return FMT(F(1e16), "g"); }
static wf_object *c_f_f1e16_D16g(void) { return FMT(F(1e16), ".16g"); }
static wf_object *c_f_f1e16_D17(void) { return FMT(F(1e16), ".17"); }
static wf_object *c_f_f1e16_n(void) { return FMT(F(1e16), "n"); }
static wf_object *c_f_f1e16_C(void) { return FMT(F(1e16), ","); }
static wf_object *c_f_f1e16_UD1f(void) { return FMT(F(1e16), "_.1f"); }
static wf_object *c_f_f1e16_H(void) { return FMT(F(1e16), "#"); }
static wf_object *c_f_f1e16_D1(void) { return FMT(F(1e16), ".1"); }
static wf_object *c_f_f1em5_empty(void) { return FMT(F(1e-05), ""); }
static wf_object *c_f_f1em5_f(void) { return FMT(F(1e-05), "f"); }
static wf_object *c_f_f1em5_e(void) { return FMT(F(1e-05), "e"); }
static wf_object *c_f_f1em5_g(void) { return FMT(F(1e-05), "g"); }
static wf_object *c_f_f1em5_Q(void) { return FMT(F(1e-05), "%"); }
static wf_object *c_f_f1em5_D2(void) { return FMT(F(1e-05), ".2"); }
static wf_object *c_f_f1em5_H(void) { return FMT(F(1e-05), "#"); }
static wf_object *c_f_f1em5_D3g(void) { return FMT(F(1e-05), ".3g"); }
static wf_object *c_f_f1em5_HD3g(void) { return FMT(F(1e-05), "#.3g"); }
static wf_object *c_f_f1em5_G(void) { return FMT(F(1e-05), "G"); }
static wf_object *c_f_fbig_empty(void) { return FMT(F(1234567.891), ""); }
static wf_object *c_f_fbig_f(void) { return FMT(F(1234567.891), "f"); }
static wf_object *c_f_fbig_C(void) { return FMT(F(1234567.891), ","); }
static wf_object *c_f_fbig_U(void) { return FMT(F(1234567.891), "_"); }
static wf_object *c_f_fbig_015CD3f(void) { return FMT(F(1234567.891), "015,.3f"); }
static wf_object *c_f_fbig_g(void) { return FMT(F(1234567.891), "g"); }
static wf_object *c_f_fbig_e(void) { return FMT(F(1234567.891), "e"); }
static wf_object *c_f_fbig_D2e(void) { return FMT(F(1234567.891), ".2e"); }
static wf_object *c_f_fbig_CD1f(void) { return FMT(F(1234567.891), ",.1f"); }
static wf_object *c_f_fbig_D8(void) { return FMT(F(1234567.891), ".8"); }
static wf_object *c_f_fbig_n(void) { return FMT(F(1234567.891), "n"); }
static wf_object *c_f_fbig_Q(void) { return FMT(F(1234567.891), "%"); }
static wf_object *c_f_fbig_CQ(void) { return FMT(F(1234567.891), ",%"); }
static wf_object *c_f_f1_empty(void) { return FMT(F(1.0), ""); }
static wf_object *c_f_f1_D0(void) { return FMT(F(1.0), ".0"); }
static wf_object *c_f_f1_D1(void) { return FMT(F(1.0), ".1"); }
static wf_object *c_f_f1_H(void) { return FMT(F(1.0), "#"); }
static wf_object *c_f_f1_HD3(void) { return FMT(F(1.0), "#.3"); }
static wf_object *c_f_f1_HD1(void) { return FMT(F(1.0), "#.1"); }
static wf_object *c_f_f1_g(void) { return FMT(F(1.0), "g"); }
static wf_object *c_f_f1_Hg(void) { return FMT(F(1.0), "#g"); }
static wf_object *c_f_f1_D0g(void) { return FMT(F(1.0), ".0g"); }
static wf_object *c_f_f1_HD0g(void) { return FMT(F(1.0), "#.0g"); }
static wf_object *c_f_f1_d(void) { return FMT(F(1.0), "d"); }
static wf_object *c_f_f1_c(void) { return FMT(F(1.0), "c"); }
static wf_object *c_f_f1_x(void) { return FMT(F(1.0), "x"); }
static wf_object *c_f_f1_s(void) { return FMT(F(1.0), "s"); }
static wf_object *c_f_f1_Ug(void) { return FMT(F(1.0), "_g"); }
static wf_object *c_f_fhalf_D0f(void) { return FMT(F(2.5), ".0f"); }
static wf_object *c_f_fhalf_HD3(void) { return FMT(F(2.5), "#.3"); }
static wf_object *c_f_fhalf_HD0(void) { return FMT(F(2.5), "#.0"); }
static wf_object *c_f_fhalf_D0e(void) { return FMT(F(2.5), ".0e"); }
static wf_object *c_f_fhalf_D0Q(void) { return FMT(F(2.5), ".0%"); }
static wf_object *c_f_fhalf_5D1f(void) { return FMT(F(2.5), "5.1f"); }
static wf_object *c_f_f1e100_empty(void) { return FMT(F(1e100), ""); }
static wf_object *c_f_f1e100_f(void) { return FMT(F(1e100), "f"); }
static wf_object *c_f_f1e100_g(void) { return FMT(F(1e100), "g"); }
static wf_object *c_f_f1e100_D3(void) { return FMT(F(1e100), ".3"); }
static wf_object *c_f_f1e100_e(void) { return FMT(F(1e100), "e"); }
static wf_object *c_f_ftiny_empty(void) { return FMT(F(-0.0001), ""); }
static wf_object *c_f_ftiny_D1f(void) { return FMT(F(-0.0001), ".1f"); }
static wf_object *c_f_ftiny_zD1f(void) { return FMT(F(-0.0001), "z.1f"); }
static wf_object *c_f_ftiny_g(void) { return FMT(F(-0.0001), "g"); }
static wf_object *c_f_ftiny_e(void) { return FMT(F(-0.0001), "e"); }
static wf_object *c_f_ftiny_Q(void) { return FMT(F(-0.0001), "%"); }
static wf_object *c_f_ftiny_D3(void) { return FMT(F(-0.0001), ".3"); }
static wf_object *c_f_f15_empty(void) { return FMT(F(1e15), ""); }
static wf_object *c_f_f15_g(void) { return FMT(F(1e15), "g"); }
static wf_object *c_f_f15_D16g(void) { return FMT(F(1e15), ".16g"); }
static wf_object *c_f_fthird_empty(void) { return FMT(F(0.1), ""); }
static wf_object *c_f_fthird_D20f(void) { return FMT(F(0.1), ".20f"); }
static wf_object *c_f_fthird_D17g(void) { return FMT(F(0.1), ".17g"); }
static wf_object *c_f_fthird_D30e(void) { return FMT(F(0.1), ".30e"); }
static wf_object *c_f_fthird_r(void) { return FMT(F(0.1), "r"); }
static wf_object *c_f_fneg_E10D2f(void) { return FMT(F(-1.5), "=10.2f"); }
static wf_object *c_f_fneg_0E10(void) { return FMT(F(-1.5), "0=10"); }
static wf_object *c_f_fneg_xGP9D1f(void) { return FMT(F(-1.5), "x>+9.1f"); }
static wf_object *c_f_i5x_99999999999999999999(void) { return FMT(I(5), "99999999999999999999"); }
static wf_object *c_f_i5x_D99999999999999999999(void) { return FMT(I(5), ".99999999999999999999"); }
static wf_object *c_f_i5x_K(void) { return FMT(I(5), "★"); }
static wf_object *c_f_i5x_W(void) { return FMT(I(5), ""); }
static wf_object *c_f_i5x_010D2Q(void) { return FMT(I(5), "010.2%"); }
static wf_object *c_f_i5x_EAPH12Ub(void) { return FMT(I(5), "=^+#12_b"); }
static wf_object *c_f_bigc_c(void) { return FMT(P2(100), "c"); }
static wf_object *c_f_bigc_n(void) { return FMT(P2(100), "n"); }
static wf_object *c_f_f1x_D2147483648f(void) { return FMT(F(1.0), ".2147483648f"); }
static wf_object *c_f_f1x_D2147483647(void) { return FMT(F(1.0), ".2147483647"); }
static wf_object *c_f_f1x_D2147483648(void) { return FMT(F(1.0), ".2147483648"); }
static wf_object *c_f_f1x_K(void) { return FMT(F(1.0), "★"); }
static wf_object *c_f_f1x_PH12D0e(void) { return FMT(F(1.0), "+#12.0e"); }
static wf_object *c_f_f1x_0L8D1f(void) { return FMT(F(1.0), "0<8.1f"); }
static wf_object *c_f_f1x_W(void) { return FMT(F(1.0), ""); }
static wf_object *c_f_s_empty(void) { return FMT(S("abc"), ""); }
static wf_object *c_f_s_s(void) { return FMT(S("abc"), "s"); }
static wf_object *c_f_s_5(void) { return FMT(S("abc"), "5"); }
static wf_object *c_f_s_L5(void) { return FMT(S("abc"), "<5"); }
static wf_object *c_f_s_G5(void) { return FMT(S("abc"), ">5"); }
static wf_object *c_f_s_A6(void) { return FMT(S("abc"), "^6"); }
static wf_object *c_f_s_TA7(void) { return FMT(S("abc"), "*^7"); }
static wf_object *c_f_s_D1(void) { return FMT(S("abc"), ".1"); }
static wf_object *c_f_s_D0(void) { return FMT(S("abc"), ".0"); }
static wf_object *c_f_s_10D2(void) { return FMT(S("abc"), "10.2"); }
static wf_object *c_f_s_05(void) { return FMT(S("abc"), "05"); }
static wf_object *c_f_s_E5(void) { return FMT(S("abc"), "=5"); }
static wf_object *c_f_s_P(void) { return FMT(S("abc"), "+"); }
static wf_object *c_f_s_Ms(void) { return FMT(S("abc"), "-s"); }
static wf_object *c_f_s_S(void) { return FMT(S("abc"), " "); }
static wf_object *c_f_s_z(void) { return FMT(S("abc"), "z"); }
static wf_object *c_f_s_H(void) { return FMT(S("abc"), "#"); }
static wf_object *c_f_s_d(void) { return FMT(S("abc"), "d"); }
static wf_object *c_f_s_C(void) { return FMT(S("abc"), ","); }
static wf_object *c_f_s_Us(void) { return FMT(S("abc"), "_s"); }
static wf_object *c_f_s_D(void) { return FMT(S("abc"), "."); }
static wf_object *c_f_s_abc(void) { return FMT(S("abc"), "abc"); }
static wf_object *c_f_s_KA7(void) { return FMT(S("abc"), "★^7"); }
static wf_object *c_f_su_empty(void) { return FMT(S("héllo"), ""); }
static wf_object *c_f_su_D3(void) { return FMT(S("héllo"), ".3"); }
static wf_object *c_f_su_G8(void) { return FMT(S("héllo"), ">8"); }
static wf_object *c_f_su_A9D2s(void) { return FMT(S("héllo"), "^9.2s"); }
static wf_object *c_f_su_xL7(void) { return FMT(S("héllo"), "x<7"); }
static wf_object *c_f_se_empty(void) { return FMT(S(""), ""); }
static wf_object *c_f_se_5(void) { return FMT(S(""), "5"); }
static wf_object *c_f_se_A3(void) { return FMT(S(""), "^3"); }
static wf_object *c_f_se_D0(void) { return FMT(S(""), ".0"); }
static wf_object *c_m_00(void) { return MOD("%s", I(5)); }
static wf_object *c_m_01(void) { return MOD("%s|%r|%a", T(3, S("é"), S("é"), S("é"))); }
static wf_object *c_m_02(void) { return MOD("%d %i %u", T(3, I(3), I(-4), I(5))); }
static wf_object *c_m_03(void) { return MOD("%5d|%-5d|%05d|%+d|% d|%+05d", T(6, I(42), I(42), I(-42), I(42), I(42), I(42))); }
static wf_object *c_m_04(void) { return MOD("%o %x %X %#o %#x %#X", T(6, I(8), I(255), I(255), I(8), I(255), I(255))); }
static wf_object *c_m_05(void) { return MOD("%#08x|%-#8o|%+.3d|%.5x|%#.5X|%-05d", T(6, I(255), I(8), I(5), I(255), I(255), I(3))); }
static wf_object *c_m_06(void) { return MOD("%d|%x", T(2, P2(100), NP2(100))); }
static wf_object *c_m_07(void) { return MOD("%d %d", T(2, F(3.99), F(-3.99))); }
static wf_object *c_m_08(void) { return MOD("%d", B(1)); }
static wf_object *c_m_09(void) { return MOD("%e|%E|%f|%F|%g|%G", T(6, F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678), F(1234.5678))); }
static wf_object *c_m_10(void) { return MOD("%.2f|%10.3f|%-10.1e|%+.0f|%#.0f|%010.2f", T(6, F(3.14159), F(2.5), F(12345.678), F(2.5), F(3.0), F(-3.14159))); }
static wf_object *c_m_11(void) { return MOD("%g|%g|%g|%#g|%.0g|%.3G", T(6, F(1e16), F(1e-5), F(0.0001), F(1.0), F(123.0), F(1e-10))); }
static wf_object *c_m_12(void) { return MOD("%f|%F|%e|%5.1f|%05f", T(5, F(INFINITY), F(INFINITY), F(NAN), F(-INFINITY), F(INFINITY))); }
static wf_object *c_m_13(void) { return MOD("%f %e", T(2, I(7), NP2(60))); }
static wf_object *c_m_14(void) { return MOD("%f", F(-0.0)); }
static wf_object *c_m_15(void) { return MOD("%c%c%c", T(3, I(65), S("é"), I(0x1F600))); }
static wf_object *c_m_16(void) { return MOD("%5c|%-3c|", T(2, S("x"), I(66))); }
static wf_object *c_m_17(void) { return MOD("100%% %s", S("done")); }
static wf_object *c_m_18(void) { return MOD("%5s|%-5s|%.2s|%05s|%-8.3s|", T(5, S("ab"), S("ab"), S("abcdef"), S("ab"), S("abcdef"))); }
static wf_object *c_m_19(void) { return MOD("%*d|%-*d|%.*f|%*.*s|", T(9, I(5), I(42), I(5), I(42), I(2), F(3.14159), I(6), I(2), S("abcdef"))); }
static wf_object *c_m_20(void) { return MOD("%*d|", T(2, I(-6), I(7))); }
static wf_object *c_m_21(void) { return MOD("%(a)s-%(b)05d-%(a)r", DICT2("a", S("x"), "b", I(42))); }
static wf_object *c_m_22(void) { return MOD("%(a(b))s", DICT2("a(b)", I(1), NULL, NULL)); }
static wf_object *c_m_23(void) { return MOD("%s", DICT2("a", I(1), NULL, NULL)); }
static wf_object *c_m_24(void) { return MOD("%s", L(2, I(1), I(2))); }
static wf_object *c_m_25(void) { return MOD("abc", L(0)); }
static wf_object *c_m_26(void) { return MOD("abc", T(0)); }
static wf_object *c_m_27(void) { return MOD("%s", T(1, T(2, I(1), I(2)))); }
static wf_object *c_m_28(void) { return MOD("%s %s", T(1, I(1))); }
static wf_object *c_m_29(void) { return MOD("%s", T(2, I(1), I(2))); }
static wf_object *c_m_30(void) { return MOD("abc", I(5)); }
static wf_object *c_m_31(void) { return MOD("%%", I(5)); }
static wf_object *c_m_32(void) { return MOD("%d", S("a")); }
static wf_object *c_m_33(void) { return MOD("%i", N()); }
static wf_object *c_m_34(void) { return MOD("%x", F(1.5)); }
static wf_object *c_m_35(void) { return MOD("%o", S("7")); }
static wf_object *c_m_36(void) { return MOD("%f", S("a")); }
static wf_object *c_m_37(void) { return MOD("%c", S("ab")); }
static wf_object *c_m_38(void) { return MOD("%c", I(-1)); }
static wf_object *c_m_39(void) { return MOD("%c", I(0x110000)); }
static wf_object *c_m_40(void) { return MOD("%c", F(1.5)); }
static wf_object *c_m_41(void) { return MOD("%y", I(1)); }
static wf_object *c_m_42(void) { return MOD("ab %y", T(0)); }
static wf_object *c_m_43(void) { return MOD("%5%", T(1, I(1))); }
static wf_object *c_m_44(void) { return MOD("%(a", DICT2(NULL, NULL, NULL, NULL)); }
static wf_object *c_m_45(void) { return MOD("%(a)s", I(1)); }
static wf_object *c_m_46(void) { return MOD("%(a)s", DICT2("b", I(1), NULL, NULL)); }
static wf_object *c_m_47(void) { return MOD("%", I(1)); }
static wf_object *c_m_48(void) { return MOD("%5.", I(1)); }
static wf_object *c_m_49(void) { return MOD("%*d", T(2, S("a"), I(1))); }
static wf_object *c_m_50(void) { return MOD("%.*f", T(1, I(2))); }
static wf_object *c_m_51(void) { return MOD("%d", F(NAN)); }
static wf_object *c_m_52(void) { return MOD("%s", S("★")); }
static wf_object *c_m_53(void) { return MOD("x★%sy", S("é")); }
static wf_object *c_m_54(void) { return MOD("%★", I(1)); }
static wf_object *c_m_55(void) { return MOD("%.2147483648f", F(1.0)); }
static wf_object *c_m_56(void) { return MOD("%99999999999999999999d", I(1)); }
static wf_object *c_m_57(void) { return MOD("%d", F(INFINITY)); }
static wf_object *c_m_58(void) { return MOD("%x|%o|%d", T(3, B(1), B(0), B(1))); }
static wf_object *c_m_59(void) { return MOD("%.1c|%.1r|%.0a|%3.1s", T(4, S("x"), S("y"), S("z"), S("w"))); }
static wf_object *c_m_60(void) { return MOD("% 08.2f|%- 8d|%+#x|% #o", T(4, F(-1.5), I(3), I(255), I(8))); }
static wf_object *c_m_61(void) { return MOD("%#.0e|%#.3g|%-+10.2E|", T(3, F(12345.0), F(1.0), F(-0.5))); }
static wf_object *c_m_62(void) { return MOD("%(x)s %(x)d %%", DICT2("x", I(7), NULL, NULL)); }
static wf_object *c_m_63(void) { return MOD("%s %(x)s", DICT2("x", I(1), NULL, NULL)); }

/* The table: id, Python code (result in r), the C function c_<id>. */
static const struct kase {
    const char *id;
    const char *code;
    wf_object *(*fn)(void);
} CASES[] = {
#define ROW(id, code) {#id, code, c_##id}
    ROW(f_i0_empty, "r = format(0, '')"),
    ROW(f_i0_d, "r = format(0, 'd')"),
    ROW(f_i0_5, "r = format(0, '5')"),
    ROW(f_i0_L5, "r = format(0, '<5')"),
    ROW(f_i0_A5, "r = format(0, '^5')"),
    ROW(f_i0_EP5, "r = format(0, '=+5')"),
    ROW(f_i0_P, "r = format(0, '+')"),
    ROW(f_i0_M, "r = format(0, '-')"),
    ROW(f_i0_S, "r = format(0, ' ')"),
    ROW(f_i0_b, "r = format(0, 'b')"),
    ROW(f_i0_o, "r = format(0, 'o')"),
    ROW(f_i0_x, "r = format(0, 'x')"),
    ROW(f_i0_X, "r = format(0, 'X')"),
    ROW(f_i0_Hb, "r = format(0, '#b')"),
    ROW(f_i0_Ho, "r = format(0, '#o')"),
    ROW(f_i0_Hx, "r = format(0, '#x')"),
    ROW(f_i0_HX, "r = format(0, '#X')"),
    ROW(f_i0_c, "r = format(0, 'c')"),
    ROW(f_i0_n, "r = format(0, 'n')"),
    ROW(f_i0_C, "r = format(0, ',')"),
    ROW(f_i0_U, "r = format(0, '_')"),
    ROW(f_i0_010C, "r = format(0, '010,')"),
    ROW(f_i0_Ub, "r = format(0, '_b')"),
    ROW(f_i0_Ux, "r = format(0, '_x')"),
    ROW(f_i0_HUx, "r = format(0, '#_x')"),
    ROW(f_i0_H010x, "r = format(0, '#010x')"),
    ROW(f_i0_e, "r = format(0, 'e')"),
    ROW(f_i0_Q, "r = format(0, '%')"),
    ROW(f_i0_D2f, "r = format(0, '.2f')"),
    ROW(f_i0_08D3f, "r = format(0, '08.3f')"),
    ROW(f_i5_TA9, "r = format(5, '*^9')"),
    ROW(f_i5_05c, "r = format(5, '05c')"),
    ROW(f_i5_E5c, "r = format(5, '=5c')"),
    ROW(f_i5_L5c, "r = format(5, '<5c')"),
    ROW(f_i5_xA6c, "r = format(5, 'x^6c')"),
    ROW(f_i5_KG6, "r = format(5, '★>6')"),
    ROW(f_i5_Pd, "r = format(5, '+d')"),
    ROW(f_i5_05, "r = format(5, '05')"),
    ROW(f_i5_E6, "r = format(5, '=6')"),
    ROW(f_i5_c, "r = format(5, 'c')"),
    ROW(f_i5_g, "r = format(5, 'g')"),
    ROW(f_i5_D0Q, "r = format(5, '.0%')"),
    ROW(f_in5_05, "r = format(-5, '05')"),
    ROW(f_in5_P, "r = format(-5, '+')"),
    ROW(f_in5_A7, "r = format(-5, '^7')"),
    ROW(f_in5_L4, "r = format(-5, '<4')"),
    ROW(f_in5_S, "r = format(-5, ' ')"),
    ROW(f_in5_Hx, "r = format(-5, '#x')"),
    ROW(f_in5_b, "r = format(-5, 'b')"),
    ROW(f_in5_c, "r = format(-5, 'c')"),
    ROW(f_i1234567_C, "r = format(1234567, ',')"),
    ROW(f_i1234567_U, "r = format(1234567, '_')"),
    ROW(f_i1234567_Cd, "r = format(1234567, ',d')"),
    ROW(f_i1234567_015C, "r = format(1234567, '015,')"),
    ROW(f_i1234567_0E15U, "r = format(1234567, '0=15_')"),
    ROW(f_i1234567_G12C, "r = format(1234567, '>12,')"),
    ROW(f_i1234567_A15C, "r = format(1234567, '^15,')"),
    ROW(f_i1234567_n, "r = format(1234567, 'n')"),
    ROW(f_i1234567_HUo, "r = format(1234567, '#_o')"),
    ROW(f_i1234567_Ub, "r = format(1234567, '_b')"),
    ROW(f_i1234567_20CD2f, "r = format(1234567, '20,.2f')"),
    ROW(f_i1234567_e, "r = format(1234567, 'e')"),
    ROW(f_in1234567_C, "r = format(-1234567, ',')"),
    ROW(f_in1234567_012C, "r = format(-1234567, '012,')"),
    ROW(f_in1234567_PC, "r = format(-1234567, '+,')"),
    ROW(f_in1234567_Hx, "r = format(-1234567, '#x')"),
    ROW(f_in1234567_UX, "r = format(-1234567, '_X')"),
    ROW(f_i255_HX, "r = format(255, '#X')"),
    ROW(f_i255_08b, "r = format(255, '08b')"),
    ROW(f_i255_H010b, "r = format(255, '#010b')"),
    ROW(f_i255_x, "r = format(255, 'x')"),
    ROW(f_i255_o, "r = format(255, 'o')"),
    ROW(f_i255_Ho, "r = format(255, '#o')"),
    ROW(f_i255_c, "r = format(255, 'c')"),
    ROW(f_i255_LH8x, "r = format(255, '<#8x')"),
    ROW(f_i255_EA10x, "r = format(255, '=^10x')"),
    ROW(f_in255_Hx, "r = format(-255, '#x')"),
    ROW(f_in255_H010x, "r = format(-255, '#010x')"),
    ROW(f_in255_X, "r = format(-255, 'X')"),
    ROW(f_in255_Po, "r = format(-255, '+o')"),
    ROW(f_big_empty, "r = format(2**100, '')"),
    ROW(f_big_d, "r = format(2**100, 'd')"),
    ROW(f_big_C, "r = format(2**100, ',')"),
    ROW(f_big_x, "r = format(2**100, 'x')"),
    ROW(f_big_HUx, "r = format(2**100, '#_x')"),
    ROW(f_big_b, "r = format(2**100, 'b')"),
    ROW(f_big_e, "r = format(2**100, 'e')"),
    ROW(f_big_g, "r = format(2**100, 'g')"),
    ROW(f_big_50, "r = format(2**100, '50')"),
    ROW(f_big_U, "r = format(2**100, '_')"),
    ROW(f_nbig_x, "r = format(-2**100, 'x')"),
    ROW(f_nbig_PC, "r = format(-2**100, '+,')"),
    ROW(f_nbig_Ho, "r = format(-2**100, '#o')"),
    ROW(f_i65_c, "r = format(65, 'c')"),
    ROW(f_i65_A5c, "r = format(65, '^5c')"),
    ROW(f_i65_D2, "r = format(65, '.2')"),
    ROW(f_i65_z, "r = format(65, 'z')"),
    ROW(f_i65_Pc, "r = format(65, '+c')"),
    ROW(f_i65_Hc, "r = format(65, '#c')"),
    ROW(f_i65_Cc, "r = format(65, ',c')"),
    ROW(f_i65_Cx, "r = format(65, ',x')"),
    ROW(f_i65_Un, "r = format(65, '_n')"),
    ROW(f_i65_s, "r = format(65, 's')"),
    ROW(f_i65_y, "r = format(65, 'y')"),
    ROW(f_i65_abc, "r = format(65, 'abc')"),
    ROW(f_i65_CU, "r = format(65, ',_')"),
    ROW(f_i65_UC, "r = format(65, '_,')"),
    ROW(f_i65_D, "r = format(65, '.')"),
    ROW(f_i65_CC, "r = format(65, ',,')"),
    ROW(f_i65_1Cx, "r = format(65, '1,x')"),
    ROW(f_itrue_empty, "r = format(True, '')"),
    ROW(f_itrue_d, "r = format(True, 'd')"),
    ROW(f_itrue_5, "r = format(True, '5')"),
    ROW(f_itrue_x, "r = format(True, 'x')"),
    ROW(f_f0_empty, "r = format(0.0, '')"),
    ROW(f_f0_f, "r = format(0.0, 'f')"),
    ROW(f_f0_e, "r = format(0.0, 'e')"),
    ROW(f_f0_g, "r = format(0.0, 'g')"),
    ROW(f_f0_Q, "r = format(0.0, '%')"),
    ROW(f_f0_P, "r = format(0.0, '+')"),
    ROW(f_f0_05, "r = format(0.0, '05')"),
    ROW(f_f0_z, "r = format(0.0, 'z')"),
    ROW(f_f0_H, "r = format(0.0, '#')"),
    ROW(f_f0_Hg, "r = format(0.0, '#g')"),
    ROW(f_f0_n, "r = format(0.0, 'n')"),
    ROW(f_f0_D0f, "r = format(0.0, '.0f')"),
    ROW(f_f0_HD0f, "r = format(0.0, '#.0f')"),
    ROW(f_fn0_empty, "r = format(-0.0, '')"),
    ROW(f_fn0_f, "r = format(-0.0, 'f')"),
    ROW(f_fn0_z, "r = format(-0.0, 'z')"),
    ROW(f_fn0_zf, "r = format(-0.0, 'zf')"),
    ROW(f_fn0_zD1e, "r = format(-0.0, 'z.1e')"),
    ROW(f_fn0_P, "r = format(-0.0, '+')"),
    ROW(f_fn0_e, "r = format(-0.0, 'e')"),
    ROW(f_fn0_g, "r = format(-0.0, 'g')"),
    ROW(f_fn0_05D1f, "r = format(-0.0, '05.1f')"),
    ROW(f_fn0_zP, "r = format(-0.0, 'z+')"),
    ROW(f_fpi_empty, "r = format(3.141592653589793, '')"),
    ROW(f_fpi_D2f, "r = format(3.141592653589793, '.2f')"),
    ROW(f_fpi_e, "r = format(3.141592653589793, 'e')"),
    ROW(f_fpi_E, "r = format(3.141592653589793, 'E')"),
    ROW(f_fpi_g, "r = format(3.141592653589793, 'g')"),
    ROW(f_fpi_G, "r = format(3.141592653589793, 'G')"),
    ROW(f_fpi_D3, "r = format(3.141592653589793, '.3')"),
    ROW(f_fpi_Q, "r = format(3.141592653589793, '%')"),
    ROW(f_fpi_10D4f, "r = format(3.141592653589793, '10.4f')"),
    ROW(f_fpi_L10D2f, "r = format(3.141592653589793, '<10.2f')"),
    ROW(f_fpi_A10D1f, "r = format(3.141592653589793, '^10.1f')"),
    ROW(f_fpi_EP12D3e, "r = format(3.141592653589793, '=+12.3e')"),
    ROW(f_fpi_HD0f, "r = format(3.141592653589793, '#.0f')"),
    ROW(f_fpi_HD0e, "r = format(3.141592653589793, '#.0e')"),
    ROW(f_fpi_D0e, "r = format(3.141592653589793, '.0e')"),
    ROW(f_fpi_D10g, "r = format(3.141592653589793, '.10g')"),
    ROW(f_fpi_HD10g, "r = format(3.141592653589793, '#.10g')"),
    ROW(f_fpi_F, "r = format(3.141592653589793, 'F')"),
    ROW(f_fpi_n, "r = format(3.141592653589793, 'n')"),
    ROW(f_fpi_C, "r = format(3.141592653589793, ',')"),
    ROW(f_fpi_UD3f, "r = format(3.141592653589793, '_.3f')"),
    ROW(f_fpi_015CD2f, "r = format(3.141592653589793, '015,.2f')"),
    ROW(f_fpi_D3Q, "r = format(3.141592653589793, '.3%')"),
    ROW(f_fpi_zD2f, "r = format(3.141592653589793, 'z.2f')"),
    ROW(f_fpi_PD1f, "r = format(3.141592653589793, '+.1f')"),
    ROW(f_fpi_SD2f, "r = format(3.141592653589793, ' .2f')"),
    ROW(f_fnpi_D2f, "r = format(-3.141592653589793, '.2f')"),
    ROW(f_fnpi_012D3f, "r = format(-3.141592653589793, '012.3f')"),
    ROW(f_fnpi_A12D2f, "r = format(-3.141592653589793, '^12.2f')"),
    ROW(f_fnpi_zD0f, "r = format(-3.141592653589793, 'z.0f')"),
    ROW(f_fnpi_Pg, "r = format(-3.141592653589793, '+g')"),
    ROW(f_finf_empty, "r = format(float('inf'), '')"),
    ROW(f_finf_f, "r = format(float('inf'), 'f')"),
    ROW(f_finf_F, "r = format(float('inf'), 'F')"),
    ROW(f_finf_e, "r = format(float('inf'), 'e')"),
    ROW(f_finf_E, "r = format(float('inf'), 'E')"),
    ROW(f_finf_g, "r = format(float('inf'), 'g')"),
    ROW(f_finf_G, "r = format(float('inf'), 'G')"),
    ROW(f_finf_Q, "r = format(float('inf'), '%')"),
    ROW(f_finf_P, "r = format(float('inf'), '+')"),
    ROW(f_finf_010, "r = format(float('inf'), '010')"),
    ROW(f_finf_L6, "r = format(float('inf'), '<6')"),
    ROW(f_finf_EP8, "r = format(float('inf'), '=+8')"),
    ROW(f_finf_C, "r = format(float('inf'), ',')"),
    ROW(f_finf_z, "r = format(float('inf'), 'z')"),
    ROW(f_fninf_empty, "r = format(float('-inf'), '')"),
    ROW(f_fninf_F, "r = format(float('-inf'), 'F')"),
    ROW(f_fninf_08, "r = format(float('-inf'), '08')"),
    ROW(f_fnan_empty, "r = format(float('nan'), '')"),
    ROW(f_fnan_f, "r = format(float('nan'), 'f')"),
    ROW(f_fnan_F, "r = format(float('nan'), 'F')"),
    ROW(f_fnan_E, "r = format(float('nan'), 'E')"),
    ROW(f_fnan_P, "r = format(float('nan'), '+')"),
    ROW(f_fnan_010, "r = format(float('nan'), '010')"),
    ROW(f_fnan_A7, "r = format(float('nan'), '^7')"),
    ROW(f_fnan_G, "r = format(float('nan'), 'G')"),
    ROW(f_f1e16_empty, "r = format(1e16, '')"),
    ROW(f_f1e16_f, "r = format(1e16, 'f')"),
    ROW(f_f1e16_e, "r = format(1e16, 'e')"),
    ROW(f_f1e16_g, "r = format(1e16, 'g')"),
    ROW(f_f1e16_D16g, "r = format(1e16, '.16g')"),
    ROW(f_f1e16_D17, "r = format(1e16, '.17')"),
    ROW(f_f1e16_n, "r = format(1e16, 'n')"),
    ROW(f_f1e16_C, "r = format(1e16, ',')"),
    ROW(f_f1e16_UD1f, "r = format(1e16, '_.1f')"),
    ROW(f_f1e16_H, "r = format(1e16, '#')"),
    ROW(f_f1e16_D1, "r = format(1e16, '.1')"),
    ROW(f_f1em5_empty, "r = format(1e-05, '')"),
    ROW(f_f1em5_f, "r = format(1e-05, 'f')"),
    ROW(f_f1em5_e, "r = format(1e-05, 'e')"),
    ROW(f_f1em5_g, "r = format(1e-05, 'g')"),
    ROW(f_f1em5_Q, "r = format(1e-05, '%')"),
    ROW(f_f1em5_D2, "r = format(1e-05, '.2')"),
    ROW(f_f1em5_H, "r = format(1e-05, '#')"),
    ROW(f_f1em5_D3g, "r = format(1e-05, '.3g')"),
    ROW(f_f1em5_HD3g, "r = format(1e-05, '#.3g')"),
    ROW(f_f1em5_G, "r = format(1e-05, 'G')"),
    ROW(f_fbig_empty, "r = format(1234567.891, '')"),
    ROW(f_fbig_f, "r = format(1234567.891, 'f')"),
    ROW(f_fbig_C, "r = format(1234567.891, ',')"),
    ROW(f_fbig_U, "r = format(1234567.891, '_')"),
    ROW(f_fbig_015CD3f, "r = format(1234567.891, '015,.3f')"),
    ROW(f_fbig_g, "r = format(1234567.891, 'g')"),
    ROW(f_fbig_e, "r = format(1234567.891, 'e')"),
    ROW(f_fbig_D2e, "r = format(1234567.891, '.2e')"),
    ROW(f_fbig_CD1f, "r = format(1234567.891, ',.1f')"),
    ROW(f_fbig_D8, "r = format(1234567.891, '.8')"),
    ROW(f_fbig_n, "r = format(1234567.891, 'n')"),
    ROW(f_fbig_Q, "r = format(1234567.891, '%')"),
    ROW(f_fbig_CQ, "r = format(1234567.891, ',%')"),
    ROW(f_f1_empty, "r = format(1.0, '')"),
    ROW(f_f1_D0, "r = format(1.0, '.0')"),
    ROW(f_f1_D1, "r = format(1.0, '.1')"),
    ROW(f_f1_H, "r = format(1.0, '#')"),
    ROW(f_f1_HD3, "r = format(1.0, '#.3')"),
    ROW(f_f1_HD1, "r = format(1.0, '#.1')"),
    ROW(f_f1_g, "r = format(1.0, 'g')"),
    ROW(f_f1_Hg, "r = format(1.0, '#g')"),
    ROW(f_f1_D0g, "r = format(1.0, '.0g')"),
    ROW(f_f1_HD0g, "r = format(1.0, '#.0g')"),
    ROW(f_f1_d, "r = format(1.0, 'd')"),
    ROW(f_f1_c, "r = format(1.0, 'c')"),
    ROW(f_f1_x, "r = format(1.0, 'x')"),
    ROW(f_f1_s, "r = format(1.0, 's')"),
    ROW(f_f1_Ug, "r = format(1.0, '_g')"),
    ROW(f_fhalf_D0f, "r = format(2.5, '.0f')"),
    ROW(f_fhalf_HD3, "r = format(2.5, '#.3')"),
    ROW(f_fhalf_HD0, "r = format(2.5, '#.0')"),
    ROW(f_fhalf_D0e, "r = format(2.5, '.0e')"),
    ROW(f_fhalf_D0Q, "r = format(2.5, '.0%')"),
    ROW(f_fhalf_5D1f, "r = format(2.5, '5.1f')"),
    ROW(f_f1e100_empty, "r = format(1e100, '')"),
    ROW(f_f1e100_f, "r = format(1e100, 'f')"),
    ROW(f_f1e100_g, "r = format(1e100, 'g')"),
    ROW(f_f1e100_D3, "r = format(1e100, '.3')"),
    ROW(f_f1e100_e, "r = format(1e100, 'e')"),
    ROW(f_ftiny_empty, "r = format(-0.0001, '')"),
    ROW(f_ftiny_D1f, "r = format(-0.0001, '.1f')"),
    ROW(f_ftiny_zD1f, "r = format(-0.0001, 'z.1f')"),
    ROW(f_ftiny_g, "r = format(-0.0001, 'g')"),
    ROW(f_ftiny_e, "r = format(-0.0001, 'e')"),
    ROW(f_ftiny_Q, "r = format(-0.0001, '%')"),
    ROW(f_ftiny_D3, "r = format(-0.0001, '.3')"),
    ROW(f_f15_empty, "r = format(1e15, '')"),
    ROW(f_f15_g, "r = format(1e15, 'g')"),
    ROW(f_f15_D16g, "r = format(1e15, '.16g')"),
    ROW(f_fthird_empty, "r = format(0.1, '')"),
    ROW(f_fthird_D20f, "r = format(0.1, '.20f')"),
    ROW(f_fthird_D17g, "r = format(0.1, '.17g')"),
    ROW(f_fthird_D30e, "r = format(0.1, '.30e')"),
    ROW(f_fthird_r, "r = format(0.1, 'r')"),
    ROW(f_fneg_E10D2f, "r = format(-1.5, '=10.2f')"),
    ROW(f_fneg_0E10, "r = format(-1.5, '0=10')"),
    ROW(f_fneg_xGP9D1f, "r = format(-1.5, 'x>+9.1f')"),
    ROW(f_i5x_99999999999999999999, "r = format(5, '99999999999999999999')"),
    ROW(f_i5x_D99999999999999999999, "r = format(5, '.99999999999999999999')"),
    ROW(f_i5x_K, "r = format(5, '★')"),
    ROW(f_i5x_W, "r = format(5, '')"),
    ROW(f_i5x_010D2Q, "r = format(5, '010.2%')"),
    ROW(f_i5x_EAPH12Ub, "r = format(5, '=^+#12_b')"),
    ROW(f_bigc_c, "r = format(2**100, 'c')"),
    ROW(f_bigc_n, "r = format(2**100, 'n')"),
    ROW(f_f1x_D2147483648f, "r = format(1.0, '.2147483648f')"),
    ROW(f_f1x_D2147483647, "r = format(1.0, '.2147483647')"),
    ROW(f_f1x_D2147483648, "r = format(1.0, '.2147483648')"),
    ROW(f_f1x_K, "r = format(1.0, '★')"),
    ROW(f_f1x_PH12D0e, "r = format(1.0, '+#12.0e')"),
    ROW(f_f1x_0L8D1f, "r = format(1.0, '0<8.1f')"),
    ROW(f_f1x_W, "r = format(1.0, '')"),
    ROW(f_s_empty, "r = format('abc', '')"),
    ROW(f_s_s, "r = format('abc', 's')"),
    ROW(f_s_5, "r = format('abc', '5')"),
    ROW(f_s_L5, "r = format('abc', '<5')"),
    ROW(f_s_G5, "r = format('abc', '>5')"),
    ROW(f_s_A6, "r = format('abc', '^6')"),
    ROW(f_s_TA7, "r = format('abc', '*^7')"),
    ROW(f_s_D1, "r = format('abc', '.1')"),
    ROW(f_s_D0, "r = format('abc', '.0')"),
    ROW(f_s_10D2, "r = format('abc', '10.2')"),
    ROW(f_s_05, "r = format('abc', '05')"),
    ROW(f_s_E5, "r = format('abc', '=5')"),
    ROW(f_s_P, "r = format('abc', '+')"),
    ROW(f_s_Ms, "r = format('abc', '-s')"),
    ROW(f_s_S, "r = format('abc', ' ')"),
    ROW(f_s_z, "r = format('abc', 'z')"),
    ROW(f_s_H, "r = format('abc', '#')"),
    ROW(f_s_d, "r = format('abc', 'd')"),
    ROW(f_s_C, "r = format('abc', ',')"),
    ROW(f_s_Us, "r = format('abc', '_s')"),
    ROW(f_s_D, "r = format('abc', '.')"),
    ROW(f_s_abc, "r = format('abc', 'abc')"),
    ROW(f_s_KA7, "r = format('abc', '★^7')"),
    ROW(f_su_empty, "r = format('héllo', '')"),
    ROW(f_su_D3, "r = format('héllo', '.3')"),
    ROW(f_su_G8, "r = format('héllo', '>8')"),
    ROW(f_su_A9D2s, "r = format('héllo', '^9.2s')"),
    ROW(f_su_xL7, "r = format('héllo', 'x<7')"),
    ROW(f_se_empty, "r = format('', '')"),
    ROW(f_se_5, "r = format('', '5')"),
    ROW(f_se_A3, "r = format('', '^3')"),
    ROW(f_se_D0, "r = format('', '.0')"),
    ROW(m_00, "r = '%s' % 5"),
    ROW(m_01, "r = '%s|%r|%a' % ('é', 'é', 'é')"),
    ROW(m_02, "r = '%d %i %u' % (3, -4, 5)"),
    ROW(m_03, "r = '%5d|%-5d|%05d|%+d|% d|%+05d' % (42, 42, -42, 42, 42, 42)"),
    ROW(m_04, "r = '%o %x %X %#o %#x %#X' % (8, 255, 255, 8, 255, 255)"),
    ROW(m_05, "r = '%#08x|%-#8o|%+.3d|%.5x|%#.5X|%-05d' % (255, 8, 5, 255, 255, 3)"),
    ROW(m_06, "r = '%d|%x' % (2**100, -2**100)"),
    ROW(m_07, "r = '%d %d' % (3.99, -3.99)"),
    ROW(m_08, "r = '%d' % True"),
    ROW(m_09, "r = '%e|%E|%f|%F|%g|%G' % ((1234.5678,) * 6)"),
    ROW(m_10, "r = '%.2f|%10.3f|%-10.1e|%+.0f|%#.0f|%010.2f' % (3.14159, 2.5, 12345.678, 2.5, 3.0, -3.14159)"),
    ROW(m_11, "r = '%g|%g|%g|%#g|%.0g|%.3G' % (1e16, 1e-5, 0.0001, 1.0, 123.0, 1e-10)"),
    ROW(m_12, "r = '%f|%F|%e|%5.1f|%05f' % (float('inf'), float('inf'), float('nan'), float('-inf'), float('inf'))"),
    ROW(m_13, "r = '%f %e' % (7, -2**60)"),
    ROW(m_14, "r = '%f' % -0.0"),
    ROW(m_15, "r = '%c%c%c' % (65, 'é', 0x1F600)"),
    ROW(m_16, "r = '%5c|%-3c|' % ('x', 66)"),
    ROW(m_17, "r = '100%% %s' % 'done'"),
    ROW(m_18, "r = '%5s|%-5s|%.2s|%05s|%-8.3s|' % ('ab', 'ab', 'abcdef', 'ab', 'abcdef')"),
    ROW(m_19, "r = '%*d|%-*d|%.*f|%*.*s|' % (5, 42, 5, 42, 2, 3.14159, 6, 2, 'abcdef')"),
    ROW(m_20, "r = '%*d|' % (-6, 7)"),
    ROW(m_21, "r = '%(a)s-%(b)05d-%(a)r' % {'a': 'x', 'b': 42}"),
    ROW(m_22, "r = '%(a(b))s' % {'a(b)': 1}"),
    ROW(m_23, "r = '%s' % {'a': 1}"),
    ROW(m_24, "r = '%s' % [1, 2]"),
    ROW(m_25, "r = 'abc' % []"),
    ROW(m_26, "r = 'abc' % ()"),
    ROW(m_27, "r = '%s' % ((1, 2),)"),
    ROW(m_28, "r = '%s %s' % (1,)"),
    ROW(m_29, "r = '%s' % (1, 2)"),
    ROW(m_30, "r = 'abc' % 5"),
    ROW(m_31, "r = '%%' % 5"),
    ROW(m_32, "r = '%d' % 'a'"),
    ROW(m_33, "r = '%i' % None"),
    ROW(m_34, "r = '%x' % 1.5"),
    ROW(m_35, "r = '%o' % '7'"),
    ROW(m_36, "r = '%f' % 'a'"),
    ROW(m_37, "r = '%c' % 'ab'"),
    ROW(m_38, "r = '%c' % -1"),
    ROW(m_39, "r = '%c' % 0x110000"),
    ROW(m_40, "r = '%c' % 1.5"),
    ROW(m_41, "r = '%y' % 1"),
    ROW(m_42, "r = 'ab %y' % ()"),
    ROW(m_43, "r = '%5%' % (1,)"),
    ROW(m_44, "r = '%(a' % {}"),
    ROW(m_45, "r = '%(a)s' % 1"),
    ROW(m_46, "r = '%(a)s' % {'b': 1}"),
    ROW(m_47, "r = '%' % 1"),
    ROW(m_48, "r = '%5.' % 1"),
    ROW(m_49, "r = '%*d' % ('a', 1)"),
    ROW(m_50, "r = '%.*f' % (2,)"),
    ROW(m_51, "r = '%d' % float('nan')"),
    ROW(m_52, "r = '%s' % '★'"),
    ROW(m_53, "r = 'x★%sy' % 'é'"),
    ROW(m_54, "r = '%★' % 1"),
    ROW(m_55, "r = '%.2147483648f' % 1.0"),
    ROW(m_56, "r = '%99999999999999999999d' % 1"),
    ROW(m_57, "r = '%d' % float('inf')"),
    ROW(m_58, "r = '%x|%o|%d' % (True, False, True)"),
    ROW(m_59, "r = '%.1c|%.1r|%.0a|%3.1s' % ('x', 'y', 'z', 'w')"),
    ROW(m_60, "r = '% 08.2f|%- 8d|%+#x|% #o' % (-1.5, 3, 255, 8)"),
    ROW(m_61, "r = '%#.0e|%#.3g|%-+10.2E|' % (12345.0, 1.0, -0.5)"),
    ROW(m_62, "r = '%(x)s %(x)d %%' % {'x': 7}"),
    ROW(m_63, "r = '%s %(x)s' % {'x': 1}"),
#undef ROW
};
#define NCASES (sizeof CASES / sizeof CASES[0])

START_TEST(test_case) {
    const struct kase *k = &CASES[_i];
    wf_object *r = k->fn();
    char *got = wrows_render(r);
    drop_pool();
    ck_assert_msg(!wf_err_occurred(), "%s: exception left pending", k->id);
    wrows_check(FORMAT_EXPECTED, "tests/unit/test_format.c", k->id, got);
}
END_TEST

int main(void) {
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("behaviour");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_add_loop_test(tc, test_case, 0, (int)NCASES);
    suite_add_tcase(s, tc);
    int rc = wtest_run_suite(s);
    wrows_fini();
    return rc;
}
