/*
 * runtime/objects/complex.c — complex: an immutable pair of C doubles
 * (real, imag).
 *
 * Semantics follow CPython 3.11's complexobject.c:
 *  - arithmetic converts an int or float operand to (x, 0.0) first and
 *    then uses the textbook formulas, so signed zeros, infinities and nans
 *    come out as CPython's; int and float return NotImplemented for a
 *    complex operand and the reflected slot here does the work;
 *  - division is Smith's algorithm (scale by the larger of |b.real| and
 *    |b.imag|, nan when that comparison is unordered); a zero divisor
 *    raises ZeroDivisionError;
 *  - a ** b with b an integer in [-100, 100] (and imag 0) uses repeated
 *    squaring (negative exponents divide 1 by the result), else the polar
 *    formula; as in CPython the libm errno decides the error: EDOM gives
 *    ZeroDivisionError, an infinite component OverflowError;
 *  - == / != are exact against int (through the exact float/int
 *    comparison), float and complex; ordering is NotImplemented (TypeError);
 *  - hash(z) = hash(real) + 1000003 * hash(imag) in unsigned arithmetic,
 *    so hash(x + 0j) == hash(x) for every int or float x;
 *  - complex(str) parses CPython's grammar (optional parentheses and
 *    whitespace, <float>, <float>j, <float><signed-float>j, the +j/-j/j
 *    forms, inf/infinity/nan, underscores between digits); non-ASCII
 *    Unicode whitespace and decimal digits are translated to ASCII first.
 *
 * Thread-safety: instances are immutable once published; the interned
 * "__complex__" name is written only by wfo_complex_init, which runs
 * before a second thread exists.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/objects/format.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "runtime/objects/repr.h"
#include "runtime/objects/unicode_db.h"

#define HASH_IMAG 1000003u

typedef struct cpx {
    double real, imag;
} cpx;

static wf_object *complex_name; /* interned "__complex__" */

wf_object *wf_complex_from_doubles(double real, double imag) {
    wf_complex *c = (wf_complex *)wfo_alloc(&wf_complex_type, sizeof *c);
    if (c) {
        c->real = real;
        c->imag = imag;
    }
    return (wf_object *)c;
}
static wf_object *from_cpx(cpx z) { return wf_complex_from_doubles(z.real, z.imag); }
static cpx cval(wf_object *o) { return (cpx){((wf_complex *)o)->real, ((wf_complex *)o)->imag}; }

/* ---------------------------------------------------------------------------
 * The arithmetic on C values.
 */
static cpx c_sum(cpx a, cpx b) { return (cpx){a.real + b.real, a.imag + b.imag}; }
static cpx c_diff(cpx a, cpx b) { return (cpx){a.real - b.real, a.imag - b.imag}; }
static cpx c_prod(cpx a, cpx b) {
    return (cpx){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}
/* Smith's division; sets errno = EDOM (and returns 0) for a zero divisor. */
static cpx c_quot(cpx a, cpx b) {
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    cpx r;
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN; /* a nan in b: the comparisons were unordered */
    }
    return r;
}
/* The polar formula; errno = EDOM for 0 to a negative or complex power. */
static cpx c_pow(cpx a, cpx b) {
    cpx r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) errno = EDOM;
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}
/* x ** n for n >= 0 by repeated squaring. */
static cpx c_powu(cpx x, long n) {
    cpx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}
static cpx c_powi(cpx x, long n) {
    if (n > 0) return c_powu(x, n);
    return c_quot((cpx){1.0, 0.0}, c_powu(x, -n));
}

/* ---------------------------------------------------------------------------
 * Operands: complex, int or float; 0 ok, 1 NotImplemented, -1 error.
 */
static int to_cpx(wf_object *o, cpx *out) {
    if (WF_COMPLEX_CHECK(o)) {
        *out = cval(o);
        return 0;
    }
    if (WF_FLOAT_CHECK(o)) {
        *out = (cpx){((wf_float *)o)->ob_fval, 0.0};
        return 0;
    }
    if (WF_INT_CHECK(o)) {
        double d = wf_int_as_double(o);
        if (d == -1.0 && wf_err_occurred()) return -1;
        *out = (cpx){d, 0.0};
        return 0;
    }
    return 1;
}
#define TO_CPX(o, z)                                          \
    do {                                                      \
        int rc_ = to_cpx(o, &z);                              \
        if (rc_ < 0) return NULL;                             \
        if (rc_ > 0) return wf_newref(wf_NotImplemented);     \
    } while (0)

static wf_object *complex_add(wf_object *a, wf_object *b) {
    cpx x, y;
    TO_CPX(a, x);
    TO_CPX(b, y);
    return from_cpx(c_sum(x, y));
}
static wf_object *complex_sub(wf_object *a, wf_object *b) {
    cpx x, y;
    TO_CPX(a, x);
    TO_CPX(b, y);
    return from_cpx(c_diff(x, y));
}
static wf_object *complex_mul(wf_object *a, wf_object *b) {
    cpx x, y;
    TO_CPX(a, x);
    TO_CPX(b, y);
    return from_cpx(c_prod(x, y));
}
static wf_object *complex_div(wf_object *a, wf_object *b) {
    cpx x, y;
    TO_CPX(a, x);
    TO_CPX(b, y);
    errno = 0;
    cpx q = c_quot(x, y);
    if (errno == EDOM) return wf_err_format(&wf_exc_ZeroDivisionError, "complex division by zero");
    return from_cpx(q);
}
static wf_object *complex_pow(wf_object *a, wf_object *b, wf_object *m) {
    cpx x, y, p;
    if (m != wf_None) return wf_err_format(&wf_exc_ValueError, "complex modulo");
    TO_CPX(a, x);
    TO_CPX(b, y);
    errno = 0;
    if (y.imag == 0.0 && y.real == floor(y.real) && fabs(y.real) <= 100.0)
        p = c_powi(x, (long)y.real);
    else
        p = c_pow(x, y);
    /* An infinite component is an overflow; a range error whose result is
     * finite (underflow) is not. */
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM)
        return wf_err_format(&wf_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE) return wf_err_format(&wf_exc_OverflowError, "complex exponentiation");
    return from_cpx(p);
}
/* complex's power for other types' use (float's negative base to a
 * fractional power); operands are complex, float or int. */
wf_object *wfo_complex_pow(wf_object *a, wf_object *b, wf_object *m) { return complex_pow(a, b, m); }
static wf_object *complex_neg(wf_object *a) {
    cpx z = cval(a);
    return wf_complex_from_doubles(-z.real, -z.imag);
}
static wf_object *complex_pos(wf_object *a) {
    if (WF_TYPE(a) == &wf_complex_type) return wf_newref(a);
    return from_cpx(cval(a));
}
static wf_object *complex_abs(wf_object *a) {
    cpx z = cval(a);
    double r;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real)) r = fabs(z.real);
        else if (isinf(z.imag)) r = fabs(z.imag);
        else r = NAN;
    } else {
        r = hypot(z.real, z.imag);
        if (!isfinite(r)) return wf_err_format(&wf_exc_OverflowError, "absolute value too large");
    }
    return wf_float_from_double(r);
}
static int complex_bool(wf_object *a) {
    cpx z = cval(a);
    return z.real != 0.0 || z.imag != 0.0;
}

/* ---------------------------------------------------------------------------
 * repr, hash, comparison
 */
static wf_object *complex_repr(wf_object *o) {
    cpx z = cval(o);
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_repr_complex(&b, z.real, z.imag) < 0) {
        wfo_strbuf_free(&b);
        return wf_err_no_memory();
    }
    wf_object *r = wf_str_from_utf8(b.data, (wf_ssize_t)b.len);
    wfo_strbuf_free(&b);
    return r;
}

static wf_hash_t complex_hash(wf_object *o) {
    cpx z = cval(o);
    uint64_t hr = (uint64_t)wf_hash_double(o, z.real);
    uint64_t hi = (uint64_t)wf_hash_double(o, z.imag);
    uint64_t h = hr + HASH_IMAG * hi;
    if (h == (uint64_t)-1) h = (uint64_t)-2;
    return (wf_hash_t)h;
}

static wf_object *complex_richcompare(wf_object *a, wf_object *b, int op) {
    if (op != WF_EQ && op != WF_NE) return wf_newref(wf_NotImplemented);
    cpx x = cval(a);
    int equal;
    if (WF_INT_CHECK(b)) {
        equal = x.imag == 0.0 && wfo_float_compare_int(x.real, b) == 0;
    } else if (WF_FLOAT_CHECK(b)) {
        equal = x.real == ((wf_float *)b)->ob_fval && x.imag == 0.0;
    } else if (WF_COMPLEX_CHECK(b)) {
        cpx y = cval(b);
        equal = x.real == y.real && x.imag == y.imag;
    } else {
        return wf_newref(wf_NotImplemented);
    }
    return wf_newref(wf_bool_from(op == WF_EQ ? equal : !equal));
}

/* ---------------------------------------------------------------------------
 * Construction
 */
static wf_object *alloc_for(wf_type *type, double real, double imag) {
    if (type == &wf_complex_type) return wf_complex_from_doubles(real, imag);
    wf_complex *c = (wf_complex *)wf_type_generic_alloc(type, 0);
    if (c) {
        c->real = real;
        c->imag = imag;
    }
    return (wf_object *)c;
}

static int is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int match_word(const char *s, const char *w) {
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != w[i]) return 0;
    }
    return (int)n;
}

/* A float at s as Python's float() reads it (sign, digits with optional
 * point and exponent, or inf/infinity/nan); no leading whitespace, no hex.
 * Returns the characters consumed (0 = none) and the value in *out
 * (overflow gives an infinity). */
static size_t scan_float(const char *s, double *out) {
    const char *p = s;
    int neg = 0;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    int n;
    if ((n = match_word(p, "infinity")) || (n = match_word(p, "inf"))) {
        *out = neg ? -INFINITY : INFINITY;
        return (size_t)(p + n - s);
    }
    if ((n = match_word(p, "nan"))) {
        *out = neg ? -NAN : NAN;
        return (size_t)(p + n - s);
    }
    const char *q = p;
    int digits = 0;
    while (is_digit(*q)) q++, digits++;
    if (*q == '.') {
        q++;
        while (is_digit(*q)) q++, digits++;
    }
    if (!digits) return 0;
    if (*q == 'e' || *q == 'E') {
        const char *e = q + 1;
        if (*e == '+' || *e == '-') e++;
        if (is_digit(*e)) {
            while (is_digit(*e)) e++;
            q = e;
        }
    }
    size_t len = (size_t)(q - s);
    char small[64], *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) {
        *out = 0.0;
        return (size_t)-1;
    }
    memcpy(buf, s, len);
    buf[len] = 0;
    *out = strtod(buf, NULL);
    if (buf != small) free(buf);
    return len;
}

static wf_object *malformed(void) {
    return wf_err_format(&wf_exc_ValueError, "complex() arg is a malformed string");
}

/* The parser proper, on ASCII text without underscores (NULs inside make
 * it malformed). */
static wf_object *parse_complex(wf_type *type, const char *start, size_t len) {
    const char *s = start;
    double x = 0.0, y = 0.0, z;
    int bracket = 0;
    while (is_space(*s)) s++;
    if (*s == '(') {
        bracket = 1;
        s++;
        while (is_space(*s)) s++;
    }
    size_t n = scan_float(s, &z);
    if (n == (size_t)-1) return wf_err_no_memory();
    if (n) {
        s += n;
        if (*s == '+' || *s == '-') {
            x = z;
            n = scan_float(s, &y);
            if (n == (size_t)-1) return wf_err_no_memory();
            if (n) {
                s += n;
            } else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (*s != 'j' && *s != 'J') return malformed();
            s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else {
            y = 1.0;
        }
        if (*s != 'j' && *s != 'J') return malformed();
        s++;
    }
    while (is_space(*s)) s++;
    if (bracket) {
        if (*s != ')') return malformed();
        s++;
        while (is_space(*s)) s++;
    }
    if ((size_t)(s - start) != len) return malformed();
    return alloc_for(type, x, y);
}

/* complex(str): translate to ASCII (Unicode spaces -> ' ', decimal digits
 * -> '0'..'9', anything else non-ASCII -> '?'), remove underscores that
 * sit between digits, parse. */
static wf_object *complex_from_string(wf_type *type, wf_object *str) {
    wf_ssize_t n = ((wf_str *)str)->length;
    char *buf = malloc((size_t)n + 1);
    if (!buf) return wf_err_no_memory();
    int has_underscore = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(str, i);
        if (c < 128) buf[i] = (char)c;
        else if (wfo_uni_is_space(c)) buf[i] = ' ';
        else if (wfo_uni_decimal_value(c) >= 0) buf[i] = (char)('0' + wfo_uni_decimal_value(c));
        else buf[i] = '?';
        if (c == '_') has_underscore = 1;
    }
    buf[n] = 0;
    wf_object *r;
    if (!has_underscore) {
        r = parse_complex(type, buf, (size_t)n);
        free(buf);
        return r;
    }
    /* Underscores only between two digits; a NUL anywhere is an error. */
    size_t k = 0;
    char prev = 0;
    int ok = 1;
    for (wf_ssize_t i = 0; i < n; i++) {
        char c = buf[i];
        if (c == 0) ok = 0;
        if (c == '_') {
            if (!is_digit(prev)) ok = 0;
        } else {
            if (prev == '_' && !is_digit(c)) ok = 0;
            buf[k++] = c;
        }
        prev = c;
    }
    if (prev == '_') ok = 0;
    buf[k] = 0;
    if (ok) r = parse_complex(type, buf, k);
    else r = wf_err_format(&wf_exc_ValueError, "could not convert string to complex: %R", str);
    free(buf);
    return r;
}

/* o.__complex__() when its type defines it: 1 (*out a complex), 0 not
 * defined, -1 error. */
static int try_complex_special(wf_object *o, wf_object **out) {
    int found = 0;
    wf_object *r = wfo_call_special(o, complex_name, NULL, 0, &found);
    if (!found) return 0;
    if (!r) return -1;
    if (!WF_COMPLEX_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__complex__ returned non-complex (type %s)",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return -1;
    }
    *out = r;
    return 1;
}

static int is_number(wf_object *o) {
    wf_number_methods *nb = WF_TYPE(o)->tp_as_number;
    return WF_COMPLEX_CHECK(o) || (nb && (nb->nb_float || nb->nb_index));
}

static double number_as_double(wf_object *o) {
    wf_object *f = wf_number_float(o);
    if (!f) return -1.0;
    double d = ((wf_float *)f)->ob_fval;
    wf_decref(f);
    return d;
}

static wf_object *complex_new_impl(wf_type *type, wf_object *r, wf_object *i) {
    if (!r) r = wf_small_int(0);
    if (WF_TYPE(r) == &wf_complex_type && !i && type == &wf_complex_type) return wf_newref(r);
    if (WF_STR_CHECK(r)) {
        if (i)
            return wf_err_format(&wf_exc_TypeError,
                                 "complex() can't take second arg if first is a string");
        return complex_from_string(type, r);
    }
    if (i && WF_STR_CHECK(i))
        return wf_err_format(&wf_exc_TypeError, "complex() second arg can't be a string");
    wf_object *own = NULL;
    int rc = try_complex_special(r, &own);
    if (rc < 0) return NULL;
    if (rc) r = own;
    if (!is_number(r)) {
        wf_xdecref(own);
        return wf_err_format(&wf_exc_TypeError,
                             "complex() first argument must be a string or a number, not '%s'",
                             wf_type_name(WF_TYPE(r)));
    }
    if (i && !is_number(i)) {
        wf_xdecref(own);
        return wf_err_format(&wf_exc_TypeError,
                             "complex() second argument must be a number, not '%s'",
                             wf_type_name(WF_TYPE(i)));
    }
    cpx cr, ci = {0.0, 0.0};
    int cr_complex = 0, ci_complex = 0;
    if (WF_COMPLEX_CHECK(r)) {
        cr = cval(r);
        cr_complex = 1;
        wf_xdecref(own);
    } else {
        cr.real = number_as_double(r);
        cr.imag = 0.0;
        if (cr.real == -1.0 && wf_err_occurred()) return NULL;
    }
    if (!i) {
        ci.real = cr.imag;
    } else if (WF_COMPLEX_CHECK(i)) {
        ci = cval(i);
        ci_complex = 1;
    } else {
        ci.real = number_as_double(i);
        if (ci.real == -1.0 && wf_err_occurred()) return NULL;
    }
    /* real + imag*1j when either part is itself complex. */
    if (ci_complex) cr.real -= ci.imag;
    if (cr_complex && i) ci.real += cr.imag;
    return alloc_for(type, cr.real, ci.real);
}

static wf_object *complex_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = args ? WF_TUPLE_SIZE(args) : 0;
    if (n > 2)
        return wf_err_format(&wf_exc_TypeError, "complex() takes at most 2 arguments (%zd given)",
                             n + (kwargs ? wf_dict_size(kwargs) : 0));
    wf_object *r = n > 0 ? WF_TUPLE_ITEM(args, 0) : NULL;
    wf_object *i = n > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    wf_object *kr = NULL, *ki = NULL, *res = NULL;
    if (kwargs && wf_dict_size(kwargs)) {
        wf_ssize_t total = n + wf_dict_size(kwargs);
        if (total > 2)
            return wf_err_format(&wf_exc_TypeError,
                                 "complex() takes at most 2 arguments (%zd given)", total);
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int slot = WF_STR_CHECK(k) ? wf_str_eq_cstr(k, "real") ? 0
                                        : wf_str_eq_cstr(k, "imag") ? 1 : -1
                                      : -1;
            if (slot < 0) {
                if (WF_STR_CHECK(k))
                    wf_err_format(&wf_exc_TypeError,
                                  "'%U' is an invalid keyword argument for complex()", k);
                else
                    wf_err_format(&wf_exc_TypeError, "keywords must be strings");
            } else if (slot < n) {
                wf_err_format(&wf_exc_TypeError,
                              "argument for complex() given by name ('%s') and position (%d)",
                              slot ? "imag" : "real", slot + 1);
            }
            wf_decref(k);
            if (slot < 0 || slot < n) {
                wf_decref(v);
                goto done;
            }
            if (slot == 0) kr = v;
            else ki = v;
        }
        if (kr) r = kr;
        if (ki) i = ki;
    }
    res = complex_new_impl(type, r, i);
done:
    wf_xdecref(kr);
    wf_xdecref(ki);
    return res;
}

/* ---------------------------------------------------------------------------
 * Methods and the type
 */
static wf_object *complex_conjugate(wf_object *self, wf_object *unused) {
    (void)unused;
    cpx z = cval(self);
    return wf_complex_from_doubles(z.real, -z.imag);
}
static wf_object *complex_complex(wf_object *self, wf_object *unused) {
    (void)unused;
    if (WF_TYPE(self) == &wf_complex_type) return wf_newref(self);
    return from_cpx(cval(self));
}
static wf_object *complex_getnewargs(wf_object *self, wf_object *unused) {
    (void)unused;
    cpx z = cval(self);
    wf_object *a = wf_float_from_double(z.real), *b = wf_float_from_double(z.imag);
    wf_object *t = a && b ? wf_tuple_pack(2, a, b) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    return t;
}

static wf_method_def complex_methods[] = {
    {"conjugate", complex_conjugate, WF_METH_NOARGS, "Return the complex conjugate of its argument."},
    {"__complex__", complex_complex, WF_METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, WF_METH_NOARGS, NULL},
    {"__format__", wfo_complex_format, WF_METH_O, NULL}, /* format.c */
    {NULL, NULL, 0, NULL},
};
static wf_member_def complex_members[] = {
    {"real", WF_T_DOUBLE, offsetof(wf_complex, real), WF_READONLY, "the real part of a complex number"},
    {"imag", WF_T_DOUBLE, offsetof(wf_complex, imag), WF_READONLY, "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};
static wf_number_methods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};
static void complex_dealloc(wf_object *o) { wfo_free_instance(o); }
wf_type wf_complex_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "complex",
    .tp_basicsize = sizeof(wf_complex),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_hash = complex_hash,
    .tp_richcompare = complex_richcompare,
    .tp_as_number = &complex_as_number,
    .tp_new = complex_new,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.",
};

void wfo_complex_init(void) {
    complex_name = wf_str_intern_cstr("__complex__");
    if (complex_name) wf_type_ready(&wf_complex_type);
}
