/*
 * runtime/modules/cmath.c — the cmath module: complex-valued elementary
 * functions, phase/polar/rect, isclose/isfinite/isinf/isnan and the
 * constants, following CPython 3.11's error conventions: a finite
 * argument whose result overflows raises OverflowError "math range
 * error" (exp, sin, cos, sinh, cosh), a singularity (log(0), atanh(±1),
 * atan(±1j)) or a NaN produced from non-NaN input raises ValueError "math
 * domain error".  The values come from the C library's complex functions.
 *
 * Arguments convert as CPython's: complex, __complex__, then anything
 * float() accepts.
 *
 * Thread-safety: the module has no mutable state.
 */
#include <complex.h>
#include <float.h>
#include <math.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"

static wf_object *id_complex;

/* re + im*i built component-wise (CMPLX is not available with every
 * compiler; x + y*I would turn infinities into NaNs). */
static inline double complex mkc(double re, double im) {
    double complex z;
    double *p = (double *)&z;
    p[0] = re;
    p[1] = im;
    return z;
}

static wf_object *domain_error(void) {
    wf_err_set_string(&wf_exc_ValueError, "math domain error");
    return NULL;
}
static wf_object *range_error(void) {
    wf_err_set_string(&wf_exc_OverflowError, "math range error");
    return NULL;
}

/* o as a C complex: 0, or -1 with TypeError. */
static int as_complex(wf_object *o, double complex *out) {
    if (WF_COMPLEX_CHECK(o)) {
        *out = mkc(((wf_complex *)o)->real, ((wf_complex *)o)->imag);
        return 0;
    }
    int found;
    wf_object *c = wfo_call_special(o, id_complex, NULL, 0, &found);
    if (found || c) {
        if (!c) return -1;
        if (!WF_COMPLEX_CHECK(c)) {
            wf_err_format(&wf_exc_TypeError, "__complex__ returned non-complex (type %s)",
                          wf_type_name(WF_TYPE(c)));
            wf_decref(c);
            return -1;
        }
        *out = mkc(((wf_complex *)c)->real, ((wf_complex *)c)->imag);
        wf_decref(c);
        return 0;
    }
    if (wf_err_occurred()) return -1;
    double d = wf_float_as_double(o);
    if (d == -1.0 && wf_err_occurred()) return -1;
    *out = mkc(d, 0.0);
    return 0;
}

static int c_finite(double complex z) { return isfinite(creal(z)) && isfinite(cimag(z)); }
static int c_hasnan(double complex z) { return isnan(creal(z)) || isnan(cimag(z)); }

enum { OVF_RANGE = 1, SING_DOMAIN = 2 };

/* Check r = f(z) and box it. */
static wf_object *finish(double complex z, double complex r, int kind) {
    if (c_finite(z)) {
        if (!c_finite(r)) {
            if (c_hasnan(r)) return domain_error();
            return kind == OVF_RANGE ? range_error() : kind == SING_DOMAIN ? domain_error()
                                                                            : range_error();
        }
    } else if (c_hasnan(r) && !c_hasnan(z)) {
        return domain_error();
    }
    return wf_complex_from_doubles(creal(r), cimag(r));
}

/* Finite-argument kernels.  They follow the formulas CPython documents
 * for its cmath (Kahan-style square roots, scaled logarithms, log1p near
 * |z| = 1, overflow-avoiding branches for huge arguments), so results
 * agree to the last bit; *err gets 0, EDOM_ or ERANGE_. */
enum { OK_ = 0, EDOM_ = 1, ERANGE_ = 2 };
#define LARGE (DBL_MAX / 4.)
/* Set once by the module init, before any function of the module can run. */
static double sqrt_large, log_large, sqrt_dbl_min;

static double complex k_sqrt(double complex z, int *err) {
    double x = creal(z), y = cimag(z), s, d;
    *err = OK_;
    if (x == 0. && y == 0.) return mkc(0., y);
    double ax = fabs(x), ay = fabs(y);
    if (ax < DBL_MIN && ay < DBL_MIN) {
        ax = ldexp(ax, 53);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, 53))), -27);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    d = ay / (2. * s);
    return x >= 0. ? mkc(s, copysign(d, y)) : mkc(d, copysign(s, y));
}

static double complex k_log(double complex z, int *err) {
    double ax = fabs(creal(z)), ay = fabs(cimag(z)), re;
    *err = OK_;
    if (ax > LARGE || ay > LARGE) {
        re = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * M_LN2;
        } else {
            *err = EDOM_;
            return mkc(-INFINITY, atan2(cimag(z), creal(z)));
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            re = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            re = log(h);
        }
    }
    return mkc(re, atan2(cimag(z), creal(z)));
}

static double complex k_log10(double complex z, int *err) {
    double complex r = k_log(z, err);
    return mkc(creal(r) / M_LN10, cimag(r) / M_LN10);
}

static double complex k_exp(double complex z, int *err) {
    double x = creal(z), y = cimag(z), l, re, im;
    if (x > log_large) {
        l = exp(x - 1.);
        re = l * cos(y) * M_E;
        im = l * sin(y) * M_E;
    } else {
        l = exp(x);
        re = l * cos(y);
        im = l * sin(y);
    }
    *err = isinf(re) || isinf(im) ? ERANGE_ : OK_;
    return mkc(re, im);
}

static double complex k_cosh(double complex z, int *err) {
    double x = creal(z), y = cimag(z), re, im;
    if (fabs(x) > log_large) {
        double xm1 = x - copysign(1., x);
        re = cos(y) * cosh(xm1) * M_E;
        im = sin(y) * sinh(xm1) * M_E;
    } else {
        re = cos(y) * cosh(x);
        im = sin(y) * sinh(x);
    }
    *err = isinf(re) || isinf(im) ? ERANGE_ : OK_;
    return mkc(re, im);
}

static double complex k_sinh(double complex z, int *err) {
    double x = creal(z), y = cimag(z), re, im;
    if (fabs(x) > log_large) {
        double xm1 = x - copysign(1., x);
        re = cos(y) * sinh(xm1) * M_E;
        im = sin(y) * cosh(xm1) * M_E;
    } else {
        re = cos(y) * sinh(x);
        im = sin(y) * cosh(x);
    }
    *err = isinf(re) || isinf(im) ? ERANGE_ : OK_;
    return mkc(re, im);
}

static double complex k_tanh(double complex z, int *err) {
    double x = creal(z), y = cimag(z);
    *err = OK_;
    if (fabs(x) > log_large) return mkc(copysign(1., x), 4. * sin(y) * cos(y) * exp(-2. * fabs(x)));
    double tx = tanh(x), ty = tan(y), cx = 1. / cosh(x), txty = tx * ty;
    double denom = 1. + txty * txty;
    return mkc(tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx);
}

static double complex k_asinh(double complex z, int *err) {
    double x = creal(z), y = cimag(z), re, im;
    *err = OK_;
    if (fabs(x) > LARGE || fabs(y) > LARGE) {
        double l = log(hypot(x / 2., y / 2.)) + M_LN2 * 2.;
        re = y >= 0. ? copysign(l, x) : -copysign(l, -x);
        im = atan2(y, fabs(x));
    } else {
        int e;
        double complex s1 = k_sqrt(mkc(1. + y, -x), &e), s2 = k_sqrt(mkc(1. - y, x), &e);
        re = asinh(creal(s1) * cimag(s2) - creal(s2) * cimag(s1));
        im = atan2(y, creal(s1) * creal(s2) - cimag(s1) * cimag(s2));
    }
    return mkc(re, im);
}

static double complex k_acos(double complex z, int *err) {
    double x = creal(z), y = cimag(z), re, im;
    *err = OK_;
    if (fabs(x) > LARGE || fabs(y) > LARGE) {
        double l = log(hypot(x / 2., y / 2.)) + M_LN2 * 2.;
        re = atan2(fabs(y), x);
        im = x < 0. ? -copysign(l, y) : copysign(l, -y);
    } else {
        int e;
        double complex s1 = k_sqrt(mkc(1. - x, -y), &e), s2 = k_sqrt(mkc(1. + x, y), &e);
        re = 2. * atan2(creal(s1), creal(s2));
        im = asinh(creal(s2) * cimag(s1) - cimag(s2) * creal(s1));
    }
    return mkc(re, im);
}

static double complex k_acosh(double complex z, int *err) {
    double x = creal(z), y = cimag(z), re, im;
    *err = OK_;
    if (fabs(x) > LARGE || fabs(y) > LARGE) {
        re = log(hypot(x / 2., y / 2.)) + M_LN2 * 2.;
        im = atan2(y, x);
    } else {
        int e;
        double complex s1 = k_sqrt(mkc(x - 1., y), &e), s2 = k_sqrt(mkc(x + 1., y), &e);
        re = asinh(creal(s1) * creal(s2) + cimag(s1) * cimag(s2));
        im = 2. * atan2(cimag(s1), creal(s2));
    }
    return mkc(re, im);
}

static double complex k_atanh(double complex z, int *err) {
    double x = creal(z), y = cimag(z);
    *err = OK_;
    if (x < 0.) {
        double complex r = k_atanh(mkc(-x, -y), err);
        return mkc(-creal(r), -cimag(r));
    }
    double ay = fabs(y);
    if (x > sqrt_large || ay > sqrt_large) {
        double h = hypot(x / 2., y / 2.);
        return mkc(x / 4. / h / h, -copysign(M_PI / 2., -y));
    }
    if (x == 1. && ay < sqrt_dbl_min) {
        if (ay == 0.) {
            *err = EDOM_;
            return mkc(INFINITY, y);
        }
        return mkc(-log(sqrt(ay) / sqrt(hypot(ay, 2.))), copysign(atan2(2., -ay) / 2, y));
    }
    return mkc(log1p(4. * x / ((1 - x) * (1 - x) + ay * ay)) / 4.,
                 -atan2(-2. * y, (1 - x) * (1 + x) - ay * ay) / 2.);
}

/* f(z) = -i g(iz) for sin, tan, asin, atan */
#define ROTATED(name, g)                                               \
    static double complex name(double complex z, int *err) {           \
        double complex s = g(mkc(-cimag(z), creal(z)), err);         \
        return mkc(cimag(s), -creal(s));                             \
    }
ROTATED(k_sin, k_sinh)
ROTATED(k_tan, k_tanh)
ROTATED(k_asin, k_asinh)
ROTATED(k_atan, k_atanh)
static double complex k_cos(double complex z, int *err) { return k_cosh(mkc(-cimag(z), creal(z)), err); }

/* Box the result of kernel k (finite z) or of the C library's function
 * (special values), raising as CPython does. */
static wf_object *apply(wf_object *arg, double complex (*k)(double complex, int *),
                        double complex (*libc)(double complex), int kind) {
    double complex z, r;
    if (as_complex(arg, &z) < 0) return NULL;
    if (c_finite(z)) {
        int err;
        r = k(z, &err);
        if (err == EDOM_) return domain_error();
        if (err == ERANGE_) return range_error();
        return wf_complex_from_doubles(creal(r), cimag(r));
    }
    return finish(z, libc(z), kind);
}

#define CMATH_1(pyname, kind)                                          \
    static wf_object *c_##pyname(wf_object *self, wf_object *arg) {    \
        (void)self;                                                    \
        return apply(arg, k_##pyname, c##pyname, kind);                \
    }

CMATH_1(sqrt, 0)
CMATH_1(exp, OVF_RANGE)
CMATH_1(sin, OVF_RANGE)
CMATH_1(cos, OVF_RANGE)
CMATH_1(tan, 0)
CMATH_1(sinh, OVF_RANGE)
CMATH_1(cosh, OVF_RANGE)
CMATH_1(tanh, 0)
CMATH_1(asin, 0)
CMATH_1(acos, 0)
CMATH_1(asinh, 0)
CMATH_1(acosh, 0)
CMATH_1(atan, SING_DOMAIN)
CMATH_1(atanh, SING_DOMAIN)

static double complex libc_log10(double complex z) { return clog(z) / M_LN10; }
static wf_object *c_log10(wf_object *self, wf_object *arg) {
    (void)self;
    return apply(arg, k_log10, libc_log10, SING_DOMAIN);
}

static int c_log_of(wf_object *arg, double complex *out) {
    double complex z;
    if (as_complex(arg, &z) < 0) return -1;
    if (c_finite(z)) {
        int err;
        *out = k_log(z, &err);
        if (err) {
            domain_error();
            return -1;
        }
        return 0;
    }
    *out = clog(z);
    return 0;
}

static wf_object *c_log(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("log", nargs, 1, 2) < 0) return NULL;
    double complex a, b;
    if (c_log_of(args[0], &a) < 0) return NULL;
    if (nargs == 2) {
        if (c_log_of(args[1], &b) < 0) return NULL;
        if (creal(b) == 0.0 && cimag(b) == 0.0) {
            wf_err_set_string(&wf_exc_ZeroDivisionError, "complex division by zero");
            return NULL;
        }
        /* Smith's division, as complex.__truediv__ */
        double br = creal(b), bi = cimag(b), ar = creal(a), ai = cimag(a);
        double rr, ri;
        if (fabs(br) >= fabs(bi)) {
            double ratio = bi / br, denom = br + bi * ratio;
            rr = (ar + ai * ratio) / denom;
            ri = (ai - ar * ratio) / denom;
        } else {
            double ratio = br / bi, denom = br * ratio + bi;
            rr = (ar * ratio + ai) / denom;
            ri = (ai * ratio - ar) / denom;
        }
        a = mkc(rr, ri);
    }
    return wf_complex_from_doubles(creal(a), cimag(a));
}

static wf_object *c_phase(wf_object *self, wf_object *arg) {
    (void)self;
    double complex z;
    if (as_complex(arg, &z) < 0) return NULL;
    return wf_float_from_double(atan2(cimag(z), creal(z)));
}

static wf_object *c_polar(wf_object *self, wf_object *arg) {
    (void)self;
    double complex z;
    if (as_complex(arg, &z) < 0) return NULL;
    double r = hypot(creal(z), cimag(z));
    if (isinf(r) && c_finite(z)) return range_error();
    wf_object *a = wf_float_from_double(r), *b = wf_float_from_double(atan2(cimag(z), creal(z)));
    wf_object *t = a && b ? wf_tuple_pack(2, a, b) : NULL;
    if (a) wf_decref(a);
    if (b) wf_decref(b);
    return t;
}

static int real_arg(wf_object *o, double *out) {
    double d = wf_float_as_double(o);
    if (d == -1.0 && wf_err_occurred()) return -1;
    *out = d;
    return 0;
}

static wf_object *c_rect(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("rect", nargs, 2, 2) < 0) return NULL;
    double r, phi;
    if (real_arg(args[0], &r) < 0 || real_arg(args[1], &phi) < 0) return NULL;
    double re, im;
    if (!isfinite(r) || !isfinite(phi)) {
        if (isinf(r) && isfinite(phi) && phi != 0.0) {
            re = r * cos(phi);
            im = r * sin(phi);
        } else if (isinf(r) && phi == 0.0) {
            re = r;
            im = phi;
        } else if (isnan(r) && phi == 0.0) {
            re = r;
            im = phi;
        } else {
            if (isinf(phi) && !isnan(r) && r != 0.0) return domain_error();
            re = r == 0.0 && !isnan(phi) ? 0.0 : r * cos(phi);
            im = r == 0.0 && !isnan(phi) ? 0.0 : r * sin(phi);
        }
    } else {
        re = r * cos(phi);
        im = r * sin(phi);
    }
    return wf_complex_from_doubles(re, im);
}

#define CMATH_PRED(pyname, expr)                                       \
    static wf_object *c_##pyname(wf_object *self, wf_object *arg) {    \
        (void)self;                                                    \
        double complex z;                                              \
        if (as_complex(arg, &z) < 0) return NULL;                      \
        double x = creal(z), y = cimag(z);                             \
        return wf_newref(wf_bool_from(expr));                          \
    }
CMATH_PRED(isfinite, isfinite(x) && isfinite(y))
CMATH_PRED(isinf, isinf(x) || isinf(y))
CMATH_PRED(isnan, isnan(x) || isnan(y))

static wf_object *c_isclose(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames) {
    (void)self;
    wf_object *v[4] = {NULL, NULL, NULL, NULL};
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    if (nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "isclose() takes exactly 2 positional arguments (%zd given)",
                      nargs);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) v[i] = args[i];
    if (kwnames)
        for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(kwnames); k++) {
            wf_object *name = WF_TUPLE_ITEM(kwnames, k);
            int j = -1;
            for (int i = 0; i < 4; i++)
                if (wf_str_eq_cstr(name, names[i])) j = i;
            if (j < 0)
                return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for isclose()",
                                     name);
            v[j] = args[nargs + k];
        }
    if (!v[0] || !v[1])
        return wf_err_format(&wf_exc_TypeError, "isclose() missing required argument '%s' (pos %d)",
                             v[0] ? "b" : "a", v[0] ? 2 : 1);
    double complex a, b;
    double rel = 1e-09, abst = 0.0;
    if (as_complex(v[0], &a) < 0 || as_complex(v[1], &b) < 0) return NULL;
    if (v[2] && real_arg(v[2], &rel) < 0) return NULL;
    if (v[3] && real_arg(v[3], &abst) < 0) return NULL;
    if (rel < 0.0 || abst < 0.0) {
        wf_err_set_string(&wf_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (creal(a) == creal(b) && cimag(a) == cimag(b)) return wf_newref(wf_True);
    if (isinf(creal(a)) || isinf(cimag(a)) || isinf(creal(b)) || isinf(cimag(b)))
        return wf_newref(wf_False);
    double diff = cabs(a - b);
    int r = ((diff <= rel * cabs(b)) || (diff <= rel * cabs(a))) || diff <= abst;
    return wf_newref(wf_bool_from(r));
}

static wf_method_def cmath_methods[] = {
    {"acos", c_acos, WF_METH_O, "Return the arc cosine of z."},
    {"acosh", c_acosh, WF_METH_O, "Return the inverse hyperbolic cosine of z."},
    {"asin", c_asin, WF_METH_O, "Return the arc sine of z."},
    {"asinh", c_asinh, WF_METH_O, "Return the inverse hyperbolic sine of z."},
    {"atan", c_atan, WF_METH_O, "Return the arc tangent of z."},
    {"atanh", c_atanh, WF_METH_O, "Return the inverse hyperbolic tangent of z."},
    {"cos", c_cos, WF_METH_O, "Return the cosine of z."},
    {"cosh", c_cosh, WF_METH_O, "Return the hyperbolic cosine of z."},
    {"exp", c_exp, WF_METH_O, "Return the exponential value e**z."},
    {"isclose", c_isclose, WF_METH_FASTCALL | WF_METH_KEYWORDS, "Determine whether two complex numbers are close in value."},
    {"isfinite", c_isfinite, WF_METH_O, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", c_isinf, WF_METH_O, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", c_isnan, WF_METH_O, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"log", c_log, WF_METH_FASTCALL, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10", c_log10, WF_METH_O, "Return the base-10 logarithm of z."},
    {"phase", c_phase, WF_METH_O, "Return argument, also known as the phase angle, of a complex."},
    {"polar", c_polar, WF_METH_O, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect", c_rect, WF_METH_FASTCALL, "Convert from polar coordinates to rectangular coordinates."},
    {"sin", c_sin, WF_METH_O, "Return the sine of z."},
    {"sinh", c_sinh, WF_METH_O, "Return the hyperbolic sine of z."},
    {"sqrt", c_sqrt, WF_METH_O, "Return the square root of z."},
    {"tan", c_tan, WF_METH_O, "Return the tangent of z."},
    {"tanh", c_tanh, WF_METH_O, "Return the hyperbolic tangent of z."},
    {NULL, NULL, 0, NULL},
};

static int add_const(wf_object *m, const char *name, wf_object *v) {
    if (!v) return -1;
    int rc = wf_module_add_object(m, name, v);
    wf_decref(v);
    return rc;
}

WF_MODULE_INIT(cmath) {
    id_complex = wf_str_intern_cstr("__complex__");
    sqrt_large = sqrt(LARGE);
    log_large = log(LARGE);
    sqrt_dbl_min = sqrt(DBL_MIN);
    wf_object *m = wf_module_new("cmath");
    if (!m) return NULL;
    if (wf_module_add_functions(m, cmath_methods) < 0 ||
        add_const(m, "pi", wf_float_from_double(M_PI)) < 0 ||
        add_const(m, "e", wf_float_from_double(M_E)) < 0 ||
        add_const(m, "tau", wf_float_from_double(2 * M_PI)) < 0 ||
        add_const(m, "inf", wf_float_from_double(INFINITY)) < 0 ||
        add_const(m, "infj", wf_complex_from_doubles(0.0, INFINITY)) < 0 ||
        add_const(m, "nan", wf_float_from_double(NAN)) < 0 ||
        add_const(m, "nanj", wf_complex_from_doubles(0.0, NAN)) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
