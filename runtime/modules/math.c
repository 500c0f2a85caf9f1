/*
 * runtime/modules/math.c — the math module: CPython 3.11's functions and
 * constants, with its error conventions (ValueError "math domain error"
 * for results outside the domain, OverflowError "math range error" for
 * finite arguments whose result overflows).
 *
 * Real-valued functions convert their arguments with wf_float_as_double
 * (float, int, __float__, __index__).  Integer functions (gcd, lcm,
 * factorial, comb, perm, isqrt) work on ints of any size through the
 * number protocol, with int64 fast paths.  fsum is exact (Shewchuk's
 * partials, rounded half-even as CPython's msum); hypot and dist use the
 * scaled, compensated sum of squares CPython 3.11 uses.
 *
 * Thread-safety: the module holds no mutable state; every function works
 * on its arguments and locals only.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"

/* --- error helpers ------------------------------------------------------- */
static wf_object *domain_error(void) {
    wf_err_set_string(&wf_exc_ValueError, "math domain error");
    return NULL;
}
static wf_object *range_error(void) {
    wf_err_set_string(&wf_exc_OverflowError, "math range error");
    return NULL;
}

/* Check the result r of f(x) as CPython's math_1: NaN from a non-NaN
 * argument is a domain error; an infinity from a finite argument is a
 * range error when the function can overflow, else a domain error. */
static wf_object *check1(double x, double r, int can_overflow) {
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    return wf_float_from_double(r);
}

static int as_double(wf_object *o, double *out) {
    if (WF_FLOAT_CHECK(o)) {
        *out = ((wf_float *)o)->ob_fval;
        return 0;
    }
    double d = wf_float_as_double(o);
    if (d == -1.0 && wf_err_occurred()) return -1;
    *out = d;
    return 0;
}

/* Find keyword `name` among kwnames; unknown keywords raise TypeError. */
static int parse_kw(const char *fname, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                    const char *const *names, wf_object **vals, int nnames) {
    if (!kwnames) return 0;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(kwnames); i++) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, i);
        int j;
        for (j = 0; j < nnames; j++)
            if (wf_str_eq_cstr(k, names[j])) break;
        if (j == nnames) {
            wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                          fname);
            return -1;
        }
        vals[j] = args[nargs + i];
    }
    return 0;
}

/* --- unary real functions --------------------------------------------------- */
#define MATH_1(pyname, cfunc, can_ovf)                                   \
    static wf_object *m_##pyname(wf_object *self, wf_object *arg) {      \
        (void)self;                                                      \
        double x;                                                        \
        if (as_double(arg, &x) < 0) return NULL;                         \
        errno = 0;                                                       \
        double r = cfunc(x);                                             \
        return check1(x, r, can_ovf);                                    \
    }

MATH_1(acos, acos, 0)
MATH_1(acosh, acosh, 0)
MATH_1(asin, asin, 0)
MATH_1(asinh, asinh, 0)
MATH_1(atan, atan, 0)
MATH_1(atanh, atanh, 0)
MATH_1(cbrt, cbrt, 0)
MATH_1(cos, cos, 0)
MATH_1(cosh, cosh, 1)
MATH_1(erf, erf, 0)
MATH_1(erfc, erfc, 0)
MATH_1(exp, exp, 1)
MATH_1(exp2, exp2, 1)
MATH_1(expm1, expm1, 1)
MATH_1(fabs, fabs, 0)
MATH_1(sin, sin, 0)
MATH_1(sinh, sinh, 1)
MATH_1(tan, tan, 0)
MATH_1(tanh, tanh, 0)

static wf_object *m_sqrt(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    if (x < 0) return domain_error();
    return wf_float_from_double(sqrt(x));
}

/* Gamma and log-gamma by the Lanczos approximation with N = 13 and
 * g = 6.024680040776729583740234375 (the parameters CPython uses, so that
 * results agree to the last bit); the sum is evaluated as a rational
 * function, in 1/x for larger x to avoid overflow. */
#define LZ_N 13
static const double lz_g = 6.024680040776729583740234375;
static const double lz_g_half = 5.524680040776729583740234375;
static const double lz_num[LZ_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
static const double lz_den[LZ_N] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                    45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                    1925.0,    66.0,       1.0};

static double lz_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LZ_N - 1; i >= 0; i--) {
            num = num * x + lz_num[i];
            den = den * x + lz_den[i];
        }
    } else {
        for (int i = 0; i < LZ_N; i++) {
            num = num / x + lz_num[i];
            den = den / x + lz_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x) for finite x, exact at multiples of 1/2. */
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static wf_object *m_gamma(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    if (!isfinite(x)) {
        if (isnan(x) || x > 0) return wf_float_from_double(x);
        return domain_error();
    }
    if (x == 0.0) return domain_error();
    if (x == floor(x)) {
        if (x < 0.0) return domain_error();
        if (x <= 23) {
            double f = 1.0;
            for (int i = 2; i < (int)x; i++) f *= i;
            return wf_float_from_double(f);
        }
    }
    double ax = fabs(x), r;
    if (ax < 1e-20) {
        r = 1.0 / x;
        if (isinf(r)) return range_error();
        return wf_float_from_double(r);
    }
    if (ax > 200.0) {
        if (x < 0.0) return wf_float_from_double(0.0 / sinpi(x));
        return range_error();
    }
    double y = ax + lz_g_half, z;
    /* the rounding error of y, scaled: a first-order correction */
    if (ax > lz_g_half) {
        volatile double q = y - ax;
        z = q - lz_g_half;
    } else {
        volatile double q = y - lz_g_half;
        z = q - ax;
    }
    z = z * lz_g / y;
    if (x < 0.0) {
        r = -M_PI / sinpi(ax) / ax * exp(y) / lz_sum(ax);
        r -= z * r;
        if (ax < 140.0) {
            r /= pow(y, ax - 0.5);
        } else {
            double sp = pow(y, ax / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lz_sum(ax) / exp(y);
        r += z * r;
        if (ax < 140.0) {
            r *= pow(y, ax - 0.5);
        } else {
            double sp = pow(y, ax / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if (isinf(r)) return range_error();
    return wf_float_from_double(r);
}

static wf_object *m_lgamma(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    if (!isfinite(x)) return wf_float_from_double(isnan(x) ? x : INFINITY);
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) return domain_error();
        return wf_float_from_double(0.0);
    }
    double ax = fabs(x);
    if (ax < 1e-20) return wf_float_from_double(-log(ax));
    double r = log(lz_sum(ax)) - lz_g;
    r += (ax - 0.5) * (log(ax + lz_g - 0.5) - 1);
    if (x < 0.0) r = log(M_PI) - log(fabs(sinpi(ax))) - log(ax) - r;
    if (isinf(r)) return range_error();
    return wf_float_from_double(r);
}

static wf_object *m_degrees(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return wf_float_from_double(x * (180.0 / M_PI));
}

static wf_object *m_radians(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return wf_float_from_double(x * (M_PI / 180.0));
}

static wf_object *m_isfinite(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return wf_newref(wf_bool_from(isfinite(x)));
}
static wf_object *m_isinf(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return wf_newref(wf_bool_from(isinf(x)));
}
static wf_object *m_isnan(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return wf_newref(wf_bool_from(isnan(x)));
}

static wf_object *m_ulp(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    if (isnan(x)) return wf_float_from_double(x);
    x = fabs(x);
    if (isinf(x)) return wf_float_from_double(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return wf_float_from_double(x - x2);
    }
    return wf_float_from_double(x2 - x);
}

/* --- logarithms ---------------------------------------------------------- */
/* func(x) for an int or real x; big ints that do not fit a double go through
 * a mantissa/exponent split as CPython's loghelper. */
static int log_of(wf_object *arg, double (*func)(double), double *out) {
    if (WF_INT_CHECK(arg)) {
        if (wf_int_sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = wf_int_as_double(arg);
        if (x == -1.0 && wf_err_occurred()) {
            if (!wf_err_matches((wf_object *)&wf_exc_OverflowError)) return -1;
            wf_err_clear();
            size_t bits = wf_int_bit_length(arg);
            size_t shift = bits - 63;
            wf_object *sh = wf_int_from_i64((int64_t)shift);
            if (!sh) return -1;
            wf_object *top = wf_number_rshift(arg, sh);
            wf_decref(sh);
            if (!top) return -1;
            int ovf;
            int64_t t = wf_int_as_i64_overflow(top, &ovf);
            wf_decref(top);
            double m = ldexp((double)t, -63); /* in [0.5, 1] */
            *out = func(m) + func(2.0) * (double)bits;
            return 0;
        }
        *out = func(x);
        return 0;
    }
    double x;
    if (as_double(arg, &x) < 0) return -1;
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = func(x);
    return 0;
}

static wf_object *m_log(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (nargs < 1 || nargs > 2) {
        wf_err_set_string(&wf_exc_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    double num, den;
    if (log_of(args[0], log, &num) < 0) return NULL;
    if (nargs == 1) return wf_float_from_double(num);
    if (log_of(args[1], log, &den) < 0) return NULL;
    if (den == 0.0) {
        wf_err_set_string(&wf_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return wf_float_from_double(num / den);
}

#define MATH_LOG(pyname, cfunc)                                        \
    static wf_object *m_##pyname(wf_object *self, wf_object *arg) {    \
        (void)self;                                                    \
        double r;                                                      \
        if (log_of(arg, cfunc, &r) < 0) return NULL;                   \
        return wf_float_from_double(r);                                \
    }
MATH_LOG(log2, log2)
MATH_LOG(log10, log10)

static wf_object *m_log1p(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    if (x <= -1.0) return domain_error();
    return wf_float_from_double(log1p(x));
}

/* --- binary real functions ------------------------------------------------ */
static int two_doubles(const char *name, wf_object *const *args, wf_ssize_t nargs, double *x,
                       double *y) {
    if (wf_check_nargs(name, nargs, 2, 2) < 0) return -1;
    if (as_double(args[0], x) < 0 || as_double(args[1], y) < 0) return -1;
    return 0;
}

static wf_object *m_atan2(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double x, y;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0) return NULL;
    return wf_float_from_double(atan2(y, x));
}

static wf_object *m_copysign(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0) return NULL;
    return wf_float_from_double(copysign(x, y));
}

static wf_object *m_fmod(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0) return NULL;
    if (isinf(y) && isfinite(x)) return wf_float_from_double(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
    return wf_float_from_double(r);
}

static wf_object *m_remainder(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0) return NULL;
    if (isnan(x)) return wf_float_from_double(x);
    if (isnan(y)) return wf_float_from_double(y);
    if (isinf(x) || y == 0.0) return domain_error();
    if (isinf(y)) return wf_float_from_double(x);
    return wf_float_from_double(remainder(x, y));
}

static wf_object *m_pow(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0) return NULL;
    double r;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : fabs(x);
            else if (y == 0.) r = 1.0;
            else r = odd_y ? copysign(0., x) : 0.;
        } else { /* y infinite */
            if (fabs(x) == 1.0) r = 1.0;
            else if (y > 0. && fabs(x) > 1.0) r = y;
            else if (y < 0. && fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
        return wf_float_from_double(r);
    }
    if (x == 0.0 && y < 0) return domain_error();
    if (x < 0 && y != floor(y)) return domain_error();
    r = pow(x, y);
    if (isinf(r)) return range_error();
    return wf_float_from_double(r);
}

static wf_object *m_nextafter(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double x, y;
    if (two_doubles("nextafter", args, nargs, &x, &y) < 0) return NULL;
    return wf_float_from_double(nextafter(x, y));
}

static wf_object *m_ldexp(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("ldexp", nargs, 2, 2) < 0) return NULL;
    double x;
    if (as_double(args[0], &x) < 0) return NULL;
    if (!WF_INT_CHECK(args[1])) {
        wf_err_set_string(&wf_exc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int ovf;
    int64_t e = wf_int_as_i64_overflow(args[1], &ovf);
    if (ovf) e = ovf > 0 ? INT32_MAX : INT32_MIN;
    if (e > INT32_MAX) e = INT32_MAX;
    if (e < INT32_MIN) e = INT32_MIN;
    if (x == 0.0 || !isfinite(x)) return wf_float_from_double(x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error();
    return wf_float_from_double(r);
}

static wf_object *m_frexp(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    wf_object *a = wf_float_from_double(m), *b = wf_int_from_i64(e);
    wf_object *t = (a && b) ? wf_tuple_pack(2, a, b) : NULL;
    if (a) wf_decref(a);
    if (b) wf_decref(b);
    return t;
}

static wf_object *m_modf(wf_object *self, wf_object *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    double ip, fp;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    wf_object *a = wf_float_from_double(fp), *b = wf_float_from_double(ip);
    wf_object *t = (a && b) ? wf_tuple_pack(2, a, b) : NULL;
    if (a) wf_decref(a);
    if (b) wf_decref(b);
    return t;
}

static wf_object *m_isclose(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames) {
    (void)self;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    wf_object *v[4] = {NULL, NULL, NULL, NULL};
    if (nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "isclose() takes exactly 2 positional arguments (%zd given)",
                      nargs);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) v[i] = args[i];
    if (parse_kw("isclose", args, nargs, kwnames, names, v, 4) < 0) return NULL;
    if (!v[0] || !v[1]) {
        wf_err_format(&wf_exc_TypeError, "isclose() missing required argument '%s' (pos %d)",
                      v[0] ? "b" : "a", v[0] ? 2 : 1);
        return NULL;
    }
    double a, b, rel = 1e-09, abst = 0.0;
    if (as_double(v[0], &a) < 0 || as_double(v[1], &b) < 0) return NULL;
    if (v[2] && as_double(v[2], &rel) < 0) return NULL;
    if (v[3] && as_double(v[3], &abst) < 0) return NULL;
    if (rel < 0.0 || abst < 0.0) {
        wf_err_set_string(&wf_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b) return wf_newref(wf_True);
    if (isinf(a) || isinf(b)) return wf_newref(wf_False);
    double diff = fabs(b - a);
    int r = ((diff <= fabs(rel * b)) || (diff <= fabs(rel * a))) || (diff <= abst);
    return wf_newref(wf_bool_from(r));
}

/* --- hypot / dist ----------------------------------------------------------- */
typedef struct { double hi, lo; } dbl2;
static dbl2 dmul(double x, double y) {
    dbl2 r;
    r.hi = x * y;
    r.lo = fma(x, y, -r.hi);
    return r;
}
static dbl2 dfastsum(double a, double b) {
    dbl2 r;
    r.hi = a + b;
    r.lo = (a - r.hi) + b;
    return r;
}

/* The Euclidean norm of vec[0..n) (absolute values, max their largest):
 * squares summed exactly after scaling by a power of two, then one
 * Newton correction of the square root. */
static double vector_norm(wf_ssize_t n, double *vec, double max, int found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (wf_ssize_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (wf_ssize_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        dbl2 pr = dmul(x, x);
        dbl2 sm = dfastsum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    dbl2 pr = dmul(-h, h);
    dbl2 sm = dfastsum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static wf_object *m_hypot(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    double stackbuf[16];
    double *vec = nargs > 16 ? wfm_malloc(sizeof(double) * (size_t)nargs) : stackbuf;
    if (!vec) return wf_err_no_memory();
    double max = 0.0;
    int found_nan = 0;
    for (wf_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) {
            if (vec != stackbuf) wfm_free(vec);
            return NULL;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    double r = vector_norm(nargs, vec, max, found_nan);
    if (vec != stackbuf) wfm_free(vec);
    return wf_float_from_double(r);
}

static wf_object *m_dist(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("dist", nargs, 2, 2) < 0) return NULL;
    wf_object *p = NULL, *q = NULL, *r = NULL;
    double *vec = NULL;
    if (WF_TUPLE_CHECK(args[0])) p = wf_newref(args[0]);
    else if (!(p = wf_sequence_tuple(args[0]))) return NULL;
    if (WF_TUPLE_CHECK(args[1])) q = wf_newref(args[1]);
    else if (!(q = wf_sequence_tuple(args[1]))) goto done;
    wf_ssize_t n = WF_TUPLE_SIZE(p);
    if (n != WF_TUPLE_SIZE(q)) {
        wf_err_set_string(&wf_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    vec = wfm_malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!vec) {
        wf_err_no_memory();
        goto done;
    }
    double max = 0.0;
    int found_nan = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (as_double(WF_TUPLE_ITEM(p, i), &a) < 0 || as_double(WF_TUPLE_ITEM(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = wf_float_from_double(vector_norm(n, vec, max, found_nan));
done:
    if (vec) wfm_free(vec);
    if (p) wf_decref(p);
    if (q) wf_decref(q);
    return r;
}

/* --- fsum ------------------------------------------------------------------ */
static wf_object *m_fsum(wf_object *self, wf_object *seq) {
    (void)self;
    wf_object *it = wf_object_get_iter(seq);
    if (!it) return NULL;
    double stackp[32];
    double *p = stackp;
    wf_ssize_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    wf_object *result = NULL;
    for (;;) {
        wf_object *item = wf_iter_next(it);
        if (!item) {
            if (wf_err_occurred()) goto done;
            break;
        }
        double x;
        int rc = as_double(item, &x);
        wf_decref(item);
        if (rc < 0) goto done;
        double xsave = x;
        wf_ssize_t i = 0;
        for (wf_ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* a non-finite x could arise either from an infinite or
                 * NaN input, or from an intermediate overflow */
                if (isfinite(xsave)) {
                    wf_err_set_string(&wf_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    wf_ssize_t ncap = cap * 2;
                    double *np = wfm_malloc(sizeof(double) * (size_t)ncap);
                    if (!np) {
                        wf_err_no_memory();
                        goto done;
                    }
                    memcpy(np, p, sizeof(double) * (size_t)n);
                    if (p != stackp) wfm_free(p);
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) wf_err_set_string(&wf_exc_ValueError, "-inf + inf in fsum");
        else result = wf_float_from_double(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* round half-even when the remaining partials push the exact
         * sum past a halfway point */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = wf_float_from_double(hi);
done:
    if (p != stackp) wfm_free(p);
    wf_decref(it);
    return result;
}

/* --- rounding to int ------------------------------------------------------ */
static wf_object *special_or_float(wf_object *arg, wf_object *name, double (*f)(double)) {
    if (WF_FLOAT_CHECK(arg)) return wf_int_from_double(f(((wf_float *)arg)->ob_fval));
    if (WF_INT_CHECK(arg)) return wf_number_long(arg);
    int found;
    wf_object *r = wfo_call_special(arg, name, NULL, 0, &found);
    if (found || r) return r;
    if (wf_err_occurred()) return NULL;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return wf_int_from_double(f(x));
}

static wf_object *id_floor, *id_ceil, *id_trunc;

static wf_object *m_floor(wf_object *self, wf_object *arg) {
    (void)self;
    return special_or_float(arg, id_floor, floor);
}
static wf_object *m_ceil(wf_object *self, wf_object *arg) {
    (void)self;
    return special_or_float(arg, id_ceil, ceil);
}
static wf_object *m_trunc(wf_object *self, wf_object *arg) {
    (void)self;
    if (WF_FLOAT_CHECK(arg)) return wf_int_from_double(trunc(((wf_float *)arg)->ob_fval));
    if (WF_INT_CHECK(arg)) return wf_number_long(arg);
    int found;
    wf_object *r = wfo_call_special(arg, id_trunc, NULL, 0, &found);
    if (found || r) return r;
    if (wf_err_occurred()) return NULL;
    return wf_err_format(&wf_exc_TypeError, "type %s doesn't define __trunc__ method",
                         wf_type_name(WF_TYPE(arg)));
}

/* --- integer functions --------------------------------------------------- */
static wf_object *int_abs(wf_object *o) {
    if (wf_int_sign(o) < 0) return wf_number_negative(o);
    return wf_newref(o);
}

/* gcd of two ints (new references in, borrowed): non-negative result. */
static wf_object *gcd2(wf_object *a, wf_object *b) {
    int oa, ob;
    int64_t x = wf_int_as_i64_overflow(a, &oa), y = wf_int_as_i64_overflow(b, &ob);
    if (!oa && !ob && x != INT64_MIN && y != INT64_MIN) {
        uint64_t u = (uint64_t)(x < 0 ? -x : x), v = (uint64_t)(y < 0 ? -y : y);
        while (v) {
            uint64_t t = u % v;
            u = v;
            v = t;
        }
        return wf_int_from_u64(u);
    }
    wf_object *u = int_abs(a);
    if (!u) return NULL;
    wf_object *v = int_abs(b);
    if (!v) {
        wf_decref(u);
        return NULL;
    }
    while (wf_int_sign(v) != 0) {
        wf_object *t = wf_number_remainder(u, v);
        if (!t) {
            wf_decref(u);
            wf_decref(v);
            return NULL;
        }
        wf_decref(u);
        u = v;
        v = t;
    }
    wf_decref(v);
    return u;
}

static wf_object *m_gcd(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    wf_object *res = wf_int_from_i64(0);
    for (wf_ssize_t i = 0; i < nargs && res; i++) {
        wf_object *x = wf_number_index(args[i]);
        if (!x) {
            wf_decref(res);
            return NULL;
        }
        wf_object *g = gcd2(res, x);
        wf_decref(x);
        wf_decref(res);
        res = g;
    }
    return res;
}

static wf_object *m_lcm(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    wf_object *res = wf_int_from_i64(1);
    for (wf_ssize_t i = 0; i < nargs && res; i++) {
        wf_object *x = wf_number_index(args[i]);
        if (!x) {
            wf_decref(res);
            return NULL;
        }
        wf_object *nr;
        if (wf_int_sign(res) == 0 || wf_int_sign(x) == 0) {
            nr = wf_int_from_i64(0);
        } else {
            wf_object *g = gcd2(res, x);
            wf_object *q = g ? wf_number_floor_divide(res, g) : NULL;
            wf_object *p = q ? wf_number_multiply(q, x) : NULL;
            nr = p ? int_abs(p) : NULL;
            if (g) wf_decref(g);
            if (q) wf_decref(q);
            if (p) wf_decref(p);
        }
        wf_decref(x);
        wf_decref(res);
        res = nr;
    }
    return res;
}

/* product of the odd... simply: the product lo*(lo+1)*...*hi by halving. */
static wf_object *range_product(uint64_t lo, uint64_t hi) {
    if (hi - lo < 8) {
        wf_object *r = wf_int_from_u64(lo);
        for (uint64_t k = lo + 1; k <= hi && r; k++) {
            wf_object *kk = wf_int_from_u64(k);
            if (!kk) {
                wf_decref(r);
                return NULL;
            }
            wf_object *nr = wf_number_multiply(r, kk);
            wf_decref(kk);
            wf_decref(r);
            r = nr;
        }
        return r;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    wf_object *a = range_product(lo, mid);
    if (!a) return NULL;
    wf_object *b = range_product(mid + 1, hi);
    if (!b) {
        wf_decref(a);
        return NULL;
    }
    wf_object *r = wf_number_multiply(a, b);
    wf_decref(a);
    wf_decref(b);
    return r;
}

static wf_object *m_factorial(wf_object *self, wf_object *arg) {
    (void)self;
    wf_object *n = wf_number_index(arg);
    if (!n) return NULL;
    int ovf;
    int64_t v = wf_int_as_i64_overflow(n, &ovf);
    wf_decref(n);
    if (ovf > 0) {
        wf_err_format(&wf_exc_OverflowError, "factorial() argument should not exceed %ld",
                      (long)INT64_MAX);
        return NULL;
    }
    if (ovf < 0 || v < 0) {
        wf_err_set_string(&wf_exc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if (v < 2) return wf_int_from_i64(1);
    return range_product(2, (uint64_t)v);
}

/* n, k as non-negative ints for comb/perm. */
static int nk_args(wf_object *const *args, wf_object **n, wf_object **k) {
    *n = wf_number_index(args[0]);
    if (!*n) return -1;
    *k = wf_number_index(args[1]);
    if (!*k) {
        wf_decref(*n);
        return -1;
    }
    if (wf_int_sign(*n) < 0) {
        wf_err_set_string(&wf_exc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (wf_int_sign(*k) < 0) {
        wf_err_set_string(&wf_exc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    wf_decref(*n);
    wf_decref(*k);
    return -1;
}

/* prod_{i=1..k} (n - k + i) [/ i when divide]: k a C count, n an int. */
static wf_object *falling(wf_object *n, int64_t k, int divide) {
    wf_object *r = wf_int_from_i64(1);
    wf_object *kk = wf_int_from_i64(k);
    wf_object *base = (r && kk) ? wf_number_subtract(n, kk) : NULL; /* n - k */
    if (kk) wf_decref(kk);
    if (!base) {
        if (r) wf_decref(r);
        return NULL;
    }
    for (int64_t i = 1; i <= k && r; i++) {
        wf_object *ii = wf_int_from_i64(i);
        wf_object *f = ii ? wf_number_add(base, ii) : NULL;
        wf_object *nr = f ? wf_number_multiply(r, f) : NULL;
        if (nr && divide) {
            wf_object *q = wf_number_floor_divide(nr, ii);
            wf_decref(nr);
            nr = q;
        }
        if (ii) wf_decref(ii);
        if (f) wf_decref(f);
        wf_decref(r);
        r = nr;
    }
    wf_decref(base);
    return r;
}

static wf_object *m_comb(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("comb", nargs, 2, 2) < 0) return NULL;
    wf_object *n, *k;
    if (nk_args(args, &n, &k) < 0) return NULL;
    wf_object *r = NULL;
    int c = wf_object_rich_compare_bool(k, n, WF_GT);
    if (c < 0) goto done;
    if (c) {
        r = wf_int_from_i64(0);
        goto done;
    }
    /* k = min(k, n - k) */
    wf_object *nk = wf_number_subtract(n, k);
    if (!nk) goto done;
    c = wf_object_rich_compare_bool(nk, k, WF_LT);
    if (c > 0) {
        wf_decref(k);
        k = nk;
    } else {
        wf_decref(nk);
    }
    int ovf;
    int64_t kv = wf_int_as_i64_overflow(k, &ovf);
    if (ovf) {
        wf_err_format(&wf_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                      (long long)INT64_MAX);
        goto done;
    }
    r = falling(n, kv, 1);
done:
    wf_decref(n);
    wf_decref(k);
    return r;
}

static wf_object *m_perm(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("perm", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1 || args[1] == wf_None) return m_factorial(NULL, args[0]);
    wf_object *n, *k;
    if (nk_args(args, &n, &k) < 0) return NULL;
    wf_object *r = NULL;
    int c = wf_object_rich_compare_bool(k, n, WF_GT);
    if (c < 0) goto done;
    if (c) {
        r = wf_int_from_i64(0);
        goto done;
    }
    int ovf;
    int64_t kv = wf_int_as_i64_overflow(k, &ovf);
    if (ovf) {
        wf_err_format(&wf_exc_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
        goto done;
    }
    r = falling(n, kv, 0);
done:
    wf_decref(n);
    wf_decref(k);
    return r;
}

static uint64_t isqrt_u64(uint64_t n) {
    uint64_t r = (uint64_t)sqrt((double)n);
    while (r > 0 && (r > UINT32_MAX || r * r > n)) r--;
    while (r + 1 <= UINT32_MAX && (r + 1) * (r + 1) <= n) r++;
    return r;
}

static wf_object *m_isqrt(wf_object *self, wf_object *arg) {
    (void)self;
    wf_object *n = wf_number_index(arg);
    if (!n) return NULL;
    if (wf_int_sign(n) < 0) {
        wf_decref(n);
        wf_err_set_string(&wf_exc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    int ovf;
    int64_t v = wf_int_as_i64_overflow(n, &ovf);
    if (!ovf) {
        wf_decref(n);
        return wf_int_from_u64(isqrt_u64((uint64_t)v));
    }
    /* Newton from above: x0 = 2^ceil(bits/2) >= sqrt(n). */
    size_t bits = wf_int_bit_length(n);
    wf_object *one = wf_int_from_i64(1), *sh = wf_int_from_i64((int64_t)((bits + 1) / 2));
    wf_object *x = wf_number_lshift(one, sh);
    wf_decref(sh);
    while (x) {
        wf_object *q = wf_number_floor_divide(n, x);
        wf_object *s = q ? wf_number_add(x, q) : NULL;
        wf_object *y = s ? wf_number_rshift(s, one) : NULL;
        if (q) wf_decref(q);
        if (s) wf_decref(s);
        if (!y) {
            wf_decref(x);
            x = NULL;
            break;
        }
        int c = wf_object_rich_compare_bool(y, x, WF_GE);
        if (c != 0) {
            wf_decref(y);
            if (c < 0) {
                wf_decref(x);
                x = NULL;
            }
            break;
        }
        wf_decref(x);
        x = y;
    }
    wf_decref(one);
    wf_decref(n);
    return x;
}

static wf_object *m_prod(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                         wf_object *kwnames) {
    (void)self;
    static const char *const names[] = {"start"};
    wf_object *start = NULL;
    if (nargs != 1) {
        wf_err_format(&wf_exc_TypeError, "prod() takes exactly 1 positional argument (%zd given)",
                      nargs);
        return NULL;
    }
    if (parse_kw("prod", args, nargs, kwnames, names, &start, 1) < 0) return NULL;
    wf_object *it = wf_object_get_iter(args[0]);
    if (!it) return NULL;
    wf_object *r = start ? wf_newref(start) : wf_int_from_i64(1);
    while (r) {
        wf_object *item = wf_iter_next(it);
        if (!item) {
            if (wf_err_occurred()) {
                wf_decref(r);
                r = NULL;
            }
            break;
        }
        wf_object *nr = wf_number_multiply(r, item);
        wf_decref(item);
        wf_decref(r);
        r = nr;
    }
    wf_decref(it);
    return r;
}

static wf_method_def math_methods[] = {
    {"acos", m_acos, WF_METH_O, "Return the arc cosine (measured in radians) of x."},
    {"acosh", m_acosh, WF_METH_O, "Return the inverse hyperbolic cosine of x."},
    {"asin", m_asin, WF_METH_O, "Return the arc sine (measured in radians) of x."},
    {"asinh", m_asinh, WF_METH_O, "Return the inverse hyperbolic sine of x."},
    {"atan", m_atan, WF_METH_O, "Return the arc tangent (measured in radians) of x."},
    {"atan2", m_atan2, WF_METH_FASTCALL, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", m_atanh, WF_METH_O, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", m_cbrt, WF_METH_O, "Return the cube root of x."},
    {"ceil", m_ceil, WF_METH_O, "Return the ceiling of x as an Integral."},
    {"comb", m_comb, WF_METH_FASTCALL, "Number of ways to choose k items from n items."},
    {"copysign", m_copysign, WF_METH_FASTCALL, "Return a float with the magnitude of x and the sign of y."},
    {"cos", m_cos, WF_METH_O, "Return the cosine of x (measured in radians)."},
    {"cosh", m_cosh, WF_METH_O, "Return the hyperbolic cosine of x."},
    {"degrees", m_degrees, WF_METH_O, "Convert angle x from radians to degrees."},
    {"dist", m_dist, WF_METH_FASTCALL, "Return the Euclidean distance between two points p and q."},
    {"erf", m_erf, WF_METH_O, "Error function at x."},
    {"erfc", m_erfc, WF_METH_O, "Complementary error function at x."},
    {"exp", m_exp, WF_METH_O, "Return e raised to the power of x."},
    {"exp2", m_exp2, WF_METH_O, "Return 2 raised to the power of x."},
    {"expm1", m_expm1, WF_METH_O, "Return exp(x)-1."},
    {"fabs", m_fabs, WF_METH_O, "Return the absolute value of the float x."},
    {"factorial", m_factorial, WF_METH_O, "Find n!."},
    {"floor", m_floor, WF_METH_O, "Return the floor of x as an Integral."},
    {"fmod", m_fmod, WF_METH_FASTCALL, "Return fmod(x, y), according to platform C."},
    {"frexp", m_frexp, WF_METH_O, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", m_fsum, WF_METH_O, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", m_gamma, WF_METH_O, "Gamma function at x."},
    {"gcd", m_gcd, WF_METH_FASTCALL, "Greatest Common Divisor."},
    {"hypot", m_hypot, WF_METH_FASTCALL, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", m_isclose, WF_METH_FASTCALL | WF_METH_KEYWORDS, "Determine whether two floating point numbers are close in value."},
    {"isfinite", m_isfinite, WF_METH_O, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", m_isinf, WF_METH_O, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", m_isnan, WF_METH_O, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", m_isqrt, WF_METH_O, "Return the integer part of the square root of the input."},
    {"lcm", m_lcm, WF_METH_FASTCALL, "Least Common Multiple."},
    {"ldexp", m_ldexp, WF_METH_FASTCALL, "Return x * (2**i)."},
    {"lgamma", m_lgamma, WF_METH_O, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", m_log, WF_METH_FASTCALL, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", m_log10, WF_METH_O, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, WF_METH_O, "Return the natural logarithm of 1+x (base e)."},
    {"log2", m_log2, WF_METH_O, "Return the base 2 logarithm of x."},
    {"modf", m_modf, WF_METH_O, "Return the fractional and integer parts of x."},
    {"nextafter", m_nextafter, WF_METH_FASTCALL, "Return the next floating-point value after x towards y."},
    {"perm", m_perm, WF_METH_FASTCALL, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", m_pow, WF_METH_FASTCALL, "Return x**y (x to the power of y)."},
    {"prod", m_prod, WF_METH_FASTCALL | WF_METH_KEYWORDS, "Calculate the product of all the elements in the input iterable."},
    {"radians", m_radians, WF_METH_O, "Convert angle x from degrees to radians."},
    {"remainder", m_remainder, WF_METH_FASTCALL, "Difference between x and the closest integer multiple of y."},
    {"sin", m_sin, WF_METH_O, "Return the sine of x (measured in radians)."},
    {"sinh", m_sinh, WF_METH_O, "Return the hyperbolic sine of x."},
    {"sqrt", m_sqrt, WF_METH_O, "Return the square root of x."},
    {"tan", m_tan, WF_METH_O, "Return the tangent of x (measured in radians)."},
    {"tanh", m_tanh, WF_METH_O, "Return the hyperbolic tangent of x."},
    {"trunc", m_trunc, WF_METH_O, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", m_ulp, WF_METH_O, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL},
};

static int add_float(wf_object *m, const char *name, double v) {
    wf_object *f = wf_float_from_double(v);
    if (!f) return -1;
    int rc = wf_module_add_object(m, name, f);
    wf_decref(f);
    return rc;
}

WF_MODULE_INIT(math) {
    /* Interned names are immortal: storing them in statics is race-free
     * (init runs once, under the import lock). */
    id_floor = wf_str_intern_cstr("__floor__");
    id_ceil = wf_str_intern_cstr("__ceil__");
    id_trunc = wf_str_intern_cstr("__trunc__");
    wf_object *m = wf_module_new("math");
    if (!m) return NULL;
    if (wf_module_add_functions(m, math_methods) < 0 || add_float(m, "pi", M_PI) < 0 ||
        add_float(m, "e", M_E) < 0 || add_float(m, "tau", 2 * M_PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
