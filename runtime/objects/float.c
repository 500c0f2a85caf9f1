/*
 * runtime/objects/float.c — float: an immutable C double.
 *
 * repr is CPython's shortest round-trip form (runtime/objects/repr.h);
 * comparisons with int are exact (no rounding of the int), as CPython's
 * float_richcompare; the hash is CPython's numeric hash (modulus 2^61-1)
 * so that hash(1.0) == hash(1) and x == y implies hash(x) == hash(y).
 * Immutable: no synchronisation.
 */
#include "runtime/objects/objimpl.h"

#include <math.h>
#include <stdlib.h>

#include "runtime/objects/repr.h"
#include "runtime/objects/format.h"
#include "runtime/objects/bytes_impl.h"
#include "runtime/objects/unicode_db.h"

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

/* wfo_alloc without its zeroing and its gc note: float has no
 * tp_traverse and its one field is stored before the header is
 * initialised (the object is private until returned). */
wf_object *wf_float_from_double(double v) {
    wf_float *f = (wf_float *)wfm_object_alloc(sizeof *f);
    if (!f) {
        wf_err_no_memory();
        return NULL;
    }
    f->ob_fval = v;
    wf_object_init((wf_object *)f, &wf_float_type);
    return (wf_object *)f;
}

double wf_float_as_double(wf_object *o) {
    if (WF_FLOAT_CHECK(o)) return ((wf_float *)o)->ob_fval;
    if (WF_INT_CHECK(o)) return wf_int_as_double(o);
    wf_number_methods *nb = WF_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        wf_object *r = nb->nb_float(o);
        if (!r) return -1.0;
        if (!WF_FLOAT_CHECK(r)) {
            wf_err_format(&wf_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          wf_type_name(WF_TYPE(o)), wf_type_name(WF_TYPE(r)));
            wf_decref(r);
            return -1.0;
        }
        double d = ((wf_float *)r)->ob_fval;
        wf_decref(r);
        return d;
    }
    if (nb && nb->nb_index) {
        wf_object *i = wf_number_index(o);
        if (!i) return -1.0;
        double d = wf_int_as_double(i);
        wf_decref(i);
        return d;
    }
    wf_err_format(&wf_exc_TypeError, "must be real number, not %s", wf_type_name(WF_TYPE(o)));
    return -1.0;
}

wf_hash_t wf_hash_double(wf_object *inst, double v) {
    if (!isfinite(v)) {
        if (isinf(v)) return v > 0 ? HASH_INF : -HASH_INF;
        return wfo_object_hash_identity(inst);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    wf_hash_t h = (wf_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static wf_hash_t float_hash(wf_object *o) { return wf_hash_double(o, ((wf_float *)o)->ob_fval); }

static wf_object *float_repr(wf_object *o) {
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_repr_float(&b, ((wf_float *)o)->ob_fval) < 0) { wfo_strbuf_free(&b); return wf_err_no_memory(); }
    wf_object *r = wf_str_from_utf8(b.data, (wf_ssize_t)b.len);
    wfo_strbuf_free(&b);
    return r;
}

/* Convert an operand for arithmetic: 0 ok, 1 NotImplemented, -1 error. */
static int to_double(wf_object *o, double *out) {
    if (WF_FLOAT_CHECK(o)) { *out = ((wf_float *)o)->ob_fval; return 0; }
    if (WF_INT_CHECK(o)) {
        *out = wf_int_as_double(o);
        return *out == -1.0 && wf_err_occurred() ? -1 : 0;
    }
    return 1;
}
#define CONVERT(o, d)              \
    do {                           \
        int rc_ = to_double(o, &d); \
        if (rc_ < 0) return NULL;  \
        if (rc_ > 0) return wf_newref(wf_NotImplemented); \
    } while (0)

static wf_object *float_add(wf_object *a, wf_object *b) { double x, y; CONVERT(a, x); CONVERT(b, y); return wf_float_from_double(x + y); }
static wf_object *float_sub(wf_object *a, wf_object *b) { double x, y; CONVERT(a, x); CONVERT(b, y); return wf_float_from_double(x - y); }
static wf_object *float_mul(wf_object *a, wf_object *b) { double x, y; CONVERT(a, x); CONVERT(b, y); return wf_float_from_double(x * y); }
static wf_object *float_div(wf_object *a, wf_object *b) {
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    if (y == 0.0) return wf_err_format(&wf_exc_ZeroDivisionError, "float division by zero");
    return wf_float_from_double(x / y);
}
/* Python's floor division and modulo for doubles (CPython's algorithm). */
static int float_divmod_impl(double vx, double wx, double *pdiv, double *pmod) {
    if (wx == 0.0) return -1;
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
    } else {
        mod = copysign(0.0, wx);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    *pdiv = floordiv;
    *pmod = mod;
    return 0;
}
static wf_object *float_mod(wf_object *a, wf_object *b) {
    double x, y, d, m;
    CONVERT(a, x);
    CONVERT(b, y);
    if (float_divmod_impl(x, y, &d, &m) < 0) return wf_err_format(&wf_exc_ZeroDivisionError, "float modulo");
    return wf_float_from_double(m);
}
static wf_object *float_floordiv(wf_object *a, wf_object *b) {
    double x, y, d, m;
    CONVERT(a, x);
    CONVERT(b, y);
    if (float_divmod_impl(x, y, &d, &m) < 0)
        return wf_err_format(&wf_exc_ZeroDivisionError, "float floor division by zero");
    return wf_float_from_double(d);
}
static wf_object *float_divmod(wf_object *a, wf_object *b) {
    double x, y, d, m;
    CONVERT(a, x);
    CONVERT(b, y);
    if (float_divmod_impl(x, y, &d, &m) < 0) return wf_err_format(&wf_exc_ZeroDivisionError, "float divmod()");
    wf_object *q = wf_float_from_double(d), *r = wf_float_from_double(m);
    wf_object *t = q && r ? wf_tuple_pack(2, q, r) : NULL;
    wf_xdecref(q);
    wf_xdecref(r);
    return t;
}
static wf_object *float_pow(wf_object *a, wf_object *b, wf_object *m) {
    double x, y;
    if (m != wf_None)
        return wf_err_format(&wf_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    CONVERT(a, x);
    CONVERT(b, y);
    if (x == 0.0 && y < 0.0)
        return wf_err_format(&wf_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    /* A negative finite base to a finite non-integer power has no real
     * result: the answer is complex's power of the same operands. */
    if (x < 0.0 && y != floor(y) && isfinite(y) && isfinite(x)) return wfo_complex_pow(a, b, m);
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return wf_err_format(&wf_exc_OverflowError, "(34, 'Numerical result out of range')");
    return wf_float_from_double(r);
}
static wf_object *float_neg(wf_object *a) { return wf_float_from_double(-((wf_float *)a)->ob_fval); }
static wf_object *float_pos(wf_object *a) { return wf_float_from_double(((wf_float *)a)->ob_fval); }
static wf_object *float_abs(wf_object *a) { return wf_float_from_double(fabs(((wf_float *)a)->ob_fval)); }
static int float_bool(wf_object *a) { return ((wf_float *)a)->ob_fval != 0.0; }
static wf_object *float_int(wf_object *a) { return wf_int_from_double(((wf_float *)a)->ob_fval); }
static wf_object *float_float(wf_object *a) {
    if (WF_TYPE(a) == &wf_float_type) return wf_newref(a);
    return wf_float_from_double(((wf_float *)a)->ob_fval);
}

/* Exact comparison of a finite-or-not double with an int: -1, 0, 1, or 2
 * when unordered (nan). */
int wfo_float_compare_int(double f, wf_object *i) {
    if (isnan(f)) return 2;
    if (isinf(f)) return f > 0 ? 1 : -1;
    double fl = floor(f);
    wf_object *fi = wf_int_from_double(fl);
    if (!fi) { wf_err_clear(); return 0; }
    wf_object *c = wfo_int_richcompare(fi, i, WF_LT);
    int lt = c == wf_True;
    wf_xdecref(c);
    c = wfo_int_richcompare(fi, i, WF_GT);
    int gt = c == wf_True;
    wf_xdecref(c);
    wf_decref(fi);
    if (lt) return -1;
    if (gt) return 1;
    return f > fl ? 1 : 0;
}

static wf_object *float_richcompare(wf_object *a, wf_object *b, int op) {
    double x = ((wf_float *)a)->ob_fval;
    int c;
    if (WF_FLOAT_CHECK(b)) {
        double y = ((wf_float *)b)->ob_fval;
        c = isnan(x) || isnan(y) ? 2 : (x > y) - (x < y);
    } else if (WF_INT_CHECK(b)) {
        c = wfo_float_compare_int(x, b);
    } else {
        return wf_newref(wf_NotImplemented);
    }
    int r;
    if (c == 2) r = op == WF_NE;
    else switch (op) {
        case WF_LT: r = c < 0; break;
        case WF_LE: r = c <= 0; break;
        case WF_EQ: r = c == 0; break;
        case WF_NE: r = c != 0; break;
        case WF_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    return wf_newref(wf_bool_from(r));
}

static wf_object *float_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (kwargs && wf_dict_size(kwargs)) return wf_err_format(&wf_exc_TypeError, "float() takes no keyword arguments");
    if (n > 1) return wf_err_format(&wf_exc_TypeError, "float expected at most 1 argument, got %zd", n);
    double v = 0.0;
    if (n == 1) {
        wf_object *x = WF_TUPLE_ITEM(args, 0);
        if (WF_STR_CHECK(x) || WF_BYTES_CHECK(x) || WF_BYTEARRAY_CHECK(x)) {
            wf_ssize_t len;
            const char *u;
            char *tbuf = NULL;
            wf_object *snap = NULL;
            if (!WF_STR_CHECK(x)) {
                if (!(snap = wfo_bytes_like(x))) return NULL;
                u = WF_BYTES_DATA(snap);
                len = WF_BYTES_SIZE(snap);
            } else if (((wf_str *)x)->ascii) {
                if (!(u = wf_str_utf8(x, &len))) return NULL;
            } else {
                /* Unicode decimal digits and spaces count as ASCII (CPython) */
                len = wf_str_len(x);
                if (!(tbuf = malloc((size_t)len + 1))) return wf_err_no_memory();
                for (wf_ssize_t i = 0; i < len; i++) {
                    uint32_t c = wf_str_char(x, i);
                    int d;
                    tbuf[i] = c < 128 ? (char)c : wfo_uni_is_space(c) ? ' '
                              : (d = wfo_uni_decimal_value(c)) >= 0 ? (char)('0' + d) : '?';
                }
                tbuf[len] = 0;
                u = tbuf;
            }
#define FSPACE(ch) ((ch) == ' ' || ((ch) >= '\t' && (ch) <= '\r'))
            /* strip, drop underscores between digits, parse with strtod */
            while (len && FSPACE(*u)) { u++; len--; }
            while (len && FSPACE(u[len - 1])) len--;
#undef FSPACE
            char *buf = malloc((size_t)len + 1);
            if (!buf) { free(tbuf); wf_xdecref(snap); return wf_err_no_memory(); }
            size_t k = 0;
            int ok = len > 0;
            for (wf_ssize_t i = 0; i < len; i++) {
                if (u[i] == '_') {
                    if (i == 0 || i == len - 1 || !(u[i - 1] >= '0' && u[i - 1] <= '9') || !(u[i + 1] >= '0' && u[i + 1] <= '9')) ok = 0;
                    continue;
                }
                buf[k++] = u[i];
            }
            buf[k] = 0;
            free(tbuf);
            wf_xdecref(snap);
            char *end = NULL;
            if (ok) {
                /* strtod accepts hex and "nan(...)"; Python does not. */
                for (size_t i = 0; i < k; i++) if (buf[i] == 'x' || buf[i] == 'X' || buf[i] == '(') ok = 0;
                v = strtod(buf, &end);
                if (ok && (end != buf + k)) ok = 0;
            }
            free(buf);
            if (!ok) return wf_err_format(&wf_exc_ValueError, "could not convert string to float: %R", x);
        } else {
            v = wf_float_as_double(x);
            if (v == -1.0 && wf_err_occurred()) {
                if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
                    wf_err_clear();
                    return wf_err_format(&wf_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                                         wf_type_name(WF_TYPE(x)));
                }
                return NULL;
            }
        }
    }
    if (type == &wf_float_type) return wf_float_from_double(v);
    wf_float *f = (wf_float *)wf_type_generic_alloc(type, 0);
    if (f) f->ob_fval = v;
    return (wf_object *)f;
}

static wf_object *float_is_integer(wf_object *self, wf_object *u) {
    double v = ((wf_float *)self)->ob_fval;
    return wf_newref(wf_bool_from(isfinite(v) && floor(v) == v));
}
static wf_object *float_conjugate(wf_object *self, wf_object *u) { return float_float(self); }
static wf_object *float_get_real(wf_object *self, void *c) { return float_float(self); }
static wf_object *float_get_imag(wf_object *self, void *c) { return wf_float_from_double(0.0); }
static wf_method_def float_methods[] = {
    {"is_integer", float_is_integer, WF_METH_NOARGS, NULL},
    {"conjugate", float_conjugate, WF_METH_NOARGS, NULL},
    {"__format__", wfo_float_format, WF_METH_O, NULL}, /* format.c */
    {NULL, NULL, 0, NULL},
};
static wf_getset_def float_getset[] = {
    {"real", float_get_real, NULL, NULL, NULL},
    {"imag", float_get_imag, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static wf_number_methods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};
/* An exact float has no tp_traverse, so wfo_free_instance would only
 * free the block. */
static void float_dealloc(wf_object *o) {
    if (WF_LIKELY(WF_TYPE(o) == &wf_float_type)) wfm_object_free(o);
    else wfo_free_instance(o);
}
wf_type wf_float_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "float",
    .tp_basicsize = sizeof(wf_float),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_FLOAT_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_as_number = &float_as_number,
    .tp_new = float_new,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
};
