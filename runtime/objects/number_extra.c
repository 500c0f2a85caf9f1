/*
 * runtime/objects/number_extra.c — the int and float methods that int.c and
 * float.c do not define: int.to_bytes/from_bytes/as_integer_ratio,
 * int.__round__/__floor__/__ceil__/__trunc__, float.as_integer_ratio/hex/
 * fromhex/__round__/__floor__/__ceil__/__trunc__/__getformat__/
 * __getnewargs__, with CPython 3.11's results and error messages.
 *
 * wfo_number_extra_init (called once from wf_objects_init, while only one
 * thread exists) adds these as descriptors to the type dicts, skipping any
 * name the type already defines in its own dict (int.c/float.c win).
 *
 * Thread-safety: ints and floats are immutable; every function here only
 * reads its arguments and builds fresh results (no shared mutable state).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"

/* --- argument parsing: positional-or-keyword and keyword-only ------------- */

/* Fills out[0..nnames) from args/kwnames (NULL = not given).  The first
 * npos names may be positional; the rest are keyword-only. */
static int parse_args(const char *fname, const char *const *names, int nnames, int npos,
                      wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                      wf_object **out) {
    for (int i = 0; i < nnames; i++) out[i] = NULL;
    if (nargs > npos) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d positional argument%s (%zd given)",
                      fname, npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) out[i] = args[i];
    wf_ssize_t nkw = kwnames ? ((wf_tuple *)kwnames)->ob_size : 0;
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *key = ((wf_tuple *)kwnames)->ob_item[k];
        int found = -1;
        for (int i = 0; i < nnames; i++)
            if (wf_str_eq_cstr(key, names[i])) found = i;
        if (found < 0) {
            wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (out[found]) {
            wf_err_format(&wf_exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                          fname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    return 0;
}

/* int(self) as an exact int, without calling overridable methods. */
static wf_object *int_exact(wf_object *self) {
    if (WF_INT_CHECK_EXACT(self)) return wf_newref(self);
    return wf_int_type.tp_as_number->nb_positive(self);
}

/* --- int ------------------------------------------------------------------- */

static wf_object *int_trunc(wf_object *self, wf_object *unused) {
    (void)unused;
    return int_exact(self);
}

static wf_object *int_as_integer_ratio(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *n = int_exact(self);
    if (!n) return NULL;
    wf_object *t = wf_tuple_pack(2, n, wf_small_int(1));
    wf_decref(n);
    return t;
}

/* Round-half-even of a to a multiple of p (p > 0): a - r' where q, r =
 * divmod(a, p) and q is bumped when 2r > p or (2r == p and q odd). */
static wf_object *int_round_to(wf_object *a, wf_object *p) {
    wf_object *qr = wf_number_divmod(a, p);
    if (!qr) return NULL;
    wf_object *q = WF_TUPLE_ITEM(qr, 0), *r = WF_TUPLE_ITEM(qr, 1);
    wf_object *two = wf_small_int(2);
    wf_object *r2 = wf_number_multiply(r, two);
    if (!r2) {
        wf_decref(qr);
        return NULL;
    }
    int gt = wf_object_rich_compare_bool(r2, p, WF_GT);
    int eq = gt ? 0 : wf_object_rich_compare_bool(r2, p, WF_EQ);
    wf_decref(r2);
    int up = gt;
    if (!gt && eq == 1) {
        wf_object *odd = wf_number_and(q, wf_small_int(1));
        if (!odd) {
            wf_decref(qr);
            return NULL;
        }
        up = wf_object_is_true(odd);
        wf_decref(odd);
    }
    wf_object *res;
    if (up) {
        wf_object *q1 = wf_number_add(q, wf_small_int(1));
        res = q1 ? wf_number_multiply(q1, p) : NULL;
        wf_xdecref(q1);
    } else {
        res = wf_number_multiply(q, p);
    }
    wf_decref(qr);
    return res;
}

static wf_object *int_round(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return int_exact(self); /* int.__round__(None) is a TypeError in 3.11 */
    wf_object *nd = wf_number_index(args[0]);
    if (!nd) return NULL;
    if (wf_int_sign(nd) >= 0) {
        wf_decref(nd);
        return int_exact(self);
    }
    wf_object *neg = wf_number_negative(nd);
    wf_decref(nd);
    if (!neg) return NULL;
    wf_object *p = wf_number_power(wf_small_int(10), neg, wf_None);
    wf_decref(neg);
    if (!p) return NULL;
    wf_object *a = int_exact(self);
    wf_object *res = a ? int_round_to(a, p) : NULL;
    wf_xdecref(a);
    wf_decref(p);
    return res;
}

static int parse_byteorder(const char *fname, wf_object *o, int *little) {
    if (!o) {
        *little = 0;
        return 0;
    }
    if (!WF_STR_CHECK(o)) {
        wf_err_format(&wf_exc_TypeError, "%s() argument 'byteorder' must be str, not %T", fname, o);
        return -1;
    }
    if (wf_str_eq_cstr(o, "little")) *little = 1;
    else if (wf_str_eq_cstr(o, "big")) *little = 0;
    else {
        wf_err_set_string(&wf_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static wf_object *int_to_bytes(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    static const char *const names[] = {"length", "byteorder", "signed"};
    wf_object *a[3];
    if (parse_args("to_bytes", names, 3, 2, args, nargs, kwnames, a) < 0) return NULL;
    wf_ssize_t length = 1;
    if (a[0]) {
        if (!wf_index_check(a[0]))
            return wf_err_format(&wf_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", a[0]);
        length = wf_number_as_ssize_t(a[0], &wf_exc_OverflowError);
        if (length == -1 && wf_err_occurred()) return NULL;
        if (length < 0)
            return wf_err_format(&wf_exc_ValueError, "length argument must be non-negative");
    }
    int little;
    if (parse_byteorder("to_bytes", a[1], &little) < 0) return NULL;
    int is_signed = 0;
    if (a[2]) {
        is_signed = wf_object_is_true(a[2]);
        if (is_signed < 0) return NULL;
    }
    int sign = wf_int_sign(self);
    if (sign < 0 && !is_signed)
        return wf_err_format(&wf_exc_OverflowError, "can't convert negative int to unsigned");
    /* Work on the non-negative value v: self, or 2**(8*length) + self when
     * negative (two's complement), after checking it fits. */
    size_t bits = wf_int_bit_length(self);
    wf_object *v;
    if (sign < 0 && length == 0 && bits == 1) /* CPython: (-1).to_bytes(0, signed=True) */
        return wf_bytes_from_data(NULL, 0);
    if (sign < 0) {
        /* fits iff self >= -2**(8*length-1) */
        wf_object *sh = wf_int_from_i64((int64_t)length * 8);
        wf_object *m = sh ? wf_number_lshift(wf_small_int(1), sh) : NULL;
        wf_xdecref(sh);
        if (!m) return NULL;
        v = wf_number_add(m, self);
        wf_decref(m);
        if (!v) return NULL;
        /* v must be >= 2**(8*length-1) i.e. its top bit set (or length 0 fails) */
        if (length == 0 || wf_int_bit_length(v) != (size_t)length * 8) {
            wf_decref(v);
            return wf_err_format(&wf_exc_OverflowError, "int too big to convert");
        }
    } else {
        if (bits > (size_t)length * 8 || (is_signed && length > 0 && bits == (size_t)length * 8) ||
            (is_signed && length == 0 && bits > 0))
            return wf_err_format(&wf_exc_OverflowError, "int too big to convert");
        v = int_exact(self);
        if (!v) return NULL;
    }
    wf_object *res = wf_bytes_from_data(NULL, length);
    if (!res) {
        wf_decref(v);
        return NULL;
    }
    unsigned char *out = (unsigned char *)WF_BYTES_DATA(res);
    if (wf_int_sign(v) != 0) {
        wf_object *hs = wf_int_to_str(v, 16);
        wf_decref(v);
        if (!hs) {
            wf_decref(res);
            return NULL;
        }
        wf_ssize_t hl;
        const char *h = wf_str_utf8(hs, &hl);
        /* "0x...": digits from the end, two per byte (little-endian index) */
        wf_ssize_t nd = hl - 2, bi = 0;
        for (wf_ssize_t i = hl - 1; i >= 2 && bi < length; i -= 2, bi++) {
            int lo = hexval(h[i]);
            int hi = (i - 1 >= 2) ? hexval(h[i - 1]) : 0;
            unsigned char byte = (unsigned char)(hi * 16 + lo);
            out[little ? bi : length - 1 - bi] = byte;
        }
        (void)nd;
        wf_decref(hs);
    } else {
        wf_decref(v);
    }
    return res;
}

static wf_object *int_from_bytes(wf_object *cls, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    wf_object *a[3];
    if (parse_args("from_bytes", names, 3, 2, args, nargs, kwnames, a) < 0) return NULL;
    if (!a[0])
        return wf_err_format(&wf_exc_TypeError,
                             "from_bytes() missing required argument 'bytes' (pos 1)");
    int little;
    if (parse_byteorder("from_bytes", a[1], &little) < 0) return NULL;
    int is_signed = 0;
    if (a[2]) {
        is_signed = wf_object_is_true(a[2]);
        if (is_signed < 0) return NULL;
    }
    wf_object *b;
    if (WF_BYTES_CHECK(a[0]) || WF_BYTEARRAY_CHECK(a[0])) b = wf_bytes_snapshot(a[0]);
    else if (WF_INT_CHECK(a[0]) || WF_STR_CHECK(a[0]))
        return wf_err_format(&wf_exc_TypeError, "cannot convert '%T' object to bytes", a[0]);
    else b = wf_object_call_one((wf_object *)&wf_bytes_type, a[0]);
    if (!b) return NULL;
    wf_ssize_t n = WF_BYTES_SIZE(b);
    const unsigned char *d = (const unsigned char *)WF_BYTES_DATA(b);
    char *hex = malloc((size_t)n * 2 + 2);
    if (!hex) {
        wf_decref(b);
        return wf_err_no_memory();
    }
    static const char digs[] = "0123456789abcdef";
    for (wf_ssize_t i = 0; i < n; i++) {
        unsigned char c = d[little ? n - 1 - i : i];
        hex[2 * i] = digs[c >> 4];
        hex[2 * i + 1] = digs[c & 15];
    }
    int neg = is_signed && n > 0 && (d[little ? n - 1 : 0] & 0x80);
    wf_object *v = n ? wf_int_from_string(hex, n * 2, 16) : wf_int_from_i64(0);
    free(hex);
    wf_decref(b);
    if (!v) return NULL;
    if (neg) {
        wf_object *sh = wf_int_from_i64((int64_t)n * 8);
        wf_object *m = sh ? wf_number_lshift(wf_small_int(1), sh) : NULL;
        wf_xdecref(sh);
        wf_object *v2 = m ? wf_number_subtract(v, m) : NULL;
        wf_xdecref(m);
        wf_decref(v);
        if (!v2) return NULL;
        v = v2;
    }
    if (cls != (wf_object *)&wf_int_type) {
        wf_object *r = wf_object_call_one(cls, v);
        wf_decref(v);
        return r;
    }
    return v;
}

/* --- float ------------------------------------------------------------------ */

static double fval(wf_object *self) { return ((wf_float *)self)->ob_fval; }

static wf_object *float_trunc(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_int_from_double(trunc(fval(self)));
}
static wf_object *float_floor(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_int_from_double(floor(fval(self)));
}
static wf_object *float_ceil(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_int_from_double(ceil(fval(self)));
}

static wf_object *float_getnewargs(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *f = wf_float_from_double(fval(self));
    if (!f) return NULL;
    wf_object *t = wf_tuple_pack(1, f);
    wf_decref(f);
    return t;
}

static wf_object *float_getformat(wf_object *cls, wf_object *arg) {
    (void)cls;
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "__getformat__() argument must be str, not %T",
                             arg);
    if (!wf_str_eq_cstr(arg, "double") && !wf_str_eq_cstr(arg, "float"))
        return wf_err_format(&wf_exc_ValueError,
                             "__getformat__() argument 1 must be 'double' or 'float'");
    return wf_str_from_cstr("IEEE, little-endian");
}

static wf_object *float_as_integer_ratio(wf_object *self, wf_object *unused) {
    (void)unused;
    double x = fval(self);
    if (isinf(x))
        return wf_err_format(&wf_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return wf_err_format(&wf_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    wf_object *num = wf_int_from_double(m);
    if (!num) return NULL;
    wf_object *den = wf_small_int(1);
    wf_incref(den);
    wf_object *sh = wf_int_from_i64(e > 0 ? e : -e);
    if (!sh) goto fail;
    if (e > 0) {
        wf_object *n2 = wf_number_lshift(num, sh);
        wf_decref(num);
        num = n2;
    } else {
        wf_object *d2 = wf_number_lshift(den, sh);
        wf_decref(den);
        den = d2;
    }
    wf_decref(sh);
    if (!num || !den) goto fail;
    wf_object *t = wf_tuple_pack(2, num, den);
    wf_decref(num);
    wf_decref(den);
    return t;
fail:
    wf_xdecref(num);
    wf_xdecref(den);
    return NULL;
}

static wf_object *float_hex(wf_object *self, wf_object *unused) {
    (void)unused;
    double x = fval(self);
    char buf[64];
    if (isnan(x)) return wf_str_from_cstr("nan");
    if (isinf(x)) return wf_str_from_cstr(x < 0 ? "-inf" : "inf");
    if (x == 0.0) return wf_str_from_cstr(copysign(1.0, x) < 0 ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    int p = 0;
    if (x < 0) buf[p++] = '-';
    buf[p++] = '0';
    buf[p++] = 'x';
    int d = (int)m;
    buf[p++] = "0123456789abcdef"[d];
    m -= d;
    buf[p++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        d = (int)m;
        buf[p++] = "0123456789abcdef"[d];
        m -= d;
    }
    snprintf(buf + p, sizeof buf - (size_t)p, "p%+d", e);
    return wf_str_from_cstr(buf);
}

static int is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int ci_prefix(const char *s, const char *e, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(e - s) < n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return 0;
    }
    return 1;
}

static wf_object *float_fromhex(wf_object *cls, wf_object *arg) {
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "bad argument type for built-in operation");
    wf_ssize_t len;
    const char *s = wf_str_utf8(arg, &len);
    if (!s) return NULL;
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p)) p++;
    while (end > p && is_space((unsigned char)end[-1])) end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    double x;
    if (ci_prefix(p, end, "infinity") && end - p == 8) x = INFINITY;
    else if (ci_prefix(p, end, "inf") && end - p == 3) x = INFINITY;
    else if (ci_prefix(p, end, "nan") && end - p == 3) x = NAN;
    else {
        if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) p += 2;
        /* digits [. digits] [p [sign] digits] */
        char *buf = malloc((size_t)(end - p) + 8);
        if (!buf) return wf_err_no_memory();
        size_t n = 0;
        buf[n++] = '0';
        buf[n++] = 'x';
        int ndig = 0;
        while (p < end && hexval((unsigned char)*p) >= 0) buf[n++] = *p++, ndig++;
        if (p < end && *p == '.') {
            buf[n++] = *p++;
            while (p < end && hexval((unsigned char)*p) >= 0) buf[n++] = *p++, ndig++;
        }
        int ok = ndig > 0;
        if (ok && p < end && (*p == 'p' || *p == 'P')) {
            buf[n++] = 'p';
            p++;
            if (p < end && (*p == '+' || *p == '-')) buf[n++] = *p++;
            int ed = 0;
            while (p < end && *p >= '0' && *p <= '9') buf[n++] = *p++, ed++;
            if (!ed) ok = 0;
        }
        if (p != end) ok = 0;
        buf[n] = 0;
        if (!ok) {
            free(buf);
            return wf_err_format(&wf_exc_ValueError,
                                 "invalid hexadecimal floating-point string");
        }
        x = strtod(buf, NULL);
        free(buf);
        if (isinf(x))
            return wf_err_format(&wf_exc_OverflowError,
                                 "hexadecimal value too large to represent as a float");
    }
    if (neg) x = -x;
    wf_object *f = wf_float_from_double(x);
    if (!f || cls == (wf_object *)&wf_float_type) return f;
    wf_object *r = wf_object_call_one(cls, f);
    wf_decref(f);
    return r;
}

/* float.__round__(ndigits): correctly rounded, half-even on exact ties. */
static wf_object *float_round(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("__round__", nargs, 0, 1) < 0) return NULL;
    double x = fval(self);
    if (nargs == 0 || args[0] == wf_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return wf_int_from_double(r);
    }
    if (!wf_index_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             args[0]);
    wf_ssize_t nd = wf_number_as_ssize_t(args[0], NULL);
    if (nd == -1 && wf_err_occurred()) return NULL;
    if (!isfinite(x) || x == 0.0) return wf_float_from_double(x);
    if (nd > 323) return wf_float_from_double(x);
    if (nd < -308) return wf_float_from_double(0.0 * x);
    if (nd >= 0) {
        char *buf = malloc(400 + (size_t)nd);
        if (!buf) return wf_err_no_memory();
        snprintf(buf, 400 + (size_t)nd, "%.*f", (int)nd, x);
        double r = strtod(buf, NULL);
        free(buf);
        return wf_float_from_double(r);
    }
    /* nd < 0: round to a multiple of p = 10**-nd using exact integers.
     * Ties are possible only when x is integral (p/2 is an integer). */
    double fl = floor(x);
    double frac = x - fl;
    wf_object *xi = wf_int_from_double(fl);
    wf_object *k = wf_int_from_i64(-nd);
    wf_object *p = k ? wf_number_power(wf_small_int(10), k, wf_None) : NULL;
    wf_xdecref(k);
    wf_object *res = NULL;
    if (xi && p) {
        if (frac == 0.0) {
            res = int_round_to(xi, p);
        } else {
            wf_object *qr = wf_number_divmod(xi, p);
            if (qr) {
                wf_object *q = WF_TUPLE_ITEM(qr, 0), *r = WF_TUPLE_ITEM(qr, 1);
                wf_object *r2 = wf_number_multiply(r, wf_small_int(2));
                int up = r2 ? wf_object_rich_compare_bool(r2, p, WF_GE) : -1;
                wf_xdecref(r2);
                if (up >= 0) {
                    wf_object *q1 = up ? wf_number_add(q, wf_small_int(1)) : wf_newref(q);
                    res = q1 ? wf_number_multiply(q1, p) : NULL;
                    wf_xdecref(q1);
                }
                wf_decref(qr);
            }
        }
    }
    wf_xdecref(xi);
    wf_xdecref(p);
    if (!res) return NULL;
    double r = wf_int_as_double(res);
    wf_decref(res);
    if (r == -1.0 && wf_err_occurred()) {
        wf_err_clear();
        return wf_err_format(&wf_exc_OverflowError, "rounded value too large to represent");
    }
    if (isinf(r))
        return wf_err_format(&wf_exc_OverflowError, "rounded value too large to represent");
    if (r == 0.0) r = copysign(0.0, x);
    return wf_float_from_double(r);
}

/* --- registration ------------------------------------------------------------ */

static wf_method_def int_extra_methods[] = {
    {"to_bytes", (void *)int_to_bytes, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"from_bytes", (void *)int_from_bytes, WF_METH_FASTCALL | WF_METH_KEYWORDS | WF_METH_CLASS,
     NULL},
    {"as_integer_ratio", (void *)int_as_integer_ratio, WF_METH_NOARGS, NULL},
    {"__round__", (void *)int_round, WF_METH_FASTCALL, NULL},
    {"__floor__", (void *)int_trunc, WF_METH_NOARGS, NULL},
    {"__ceil__", (void *)int_trunc, WF_METH_NOARGS, NULL},
    {"__trunc__", (void *)int_trunc, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_method_def float_extra_methods[] = {
    {"as_integer_ratio", (void *)float_as_integer_ratio, WF_METH_NOARGS, NULL},
    {"hex", (void *)float_hex, WF_METH_NOARGS, NULL},
    {"fromhex", (void *)float_fromhex, WF_METH_O | WF_METH_CLASS, NULL},
    {"__round__", (void *)float_round, WF_METH_FASTCALL, NULL},
    {"__floor__", (void *)float_floor, WF_METH_NOARGS, NULL},
    {"__ceil__", (void *)float_ceil, WF_METH_NOARGS, NULL},
    {"__trunc__", (void *)float_trunc, WF_METH_NOARGS, NULL},
    {"__getformat__", (void *)float_getformat, WF_METH_O | WF_METH_CLASS, NULL},
    {"__getnewargs__", (void *)float_getnewargs, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* Shared with the other *_extra.c files: add each method of defs to type's
 * dict unless the type's own dict already has the name. */
int wfo_extra_add_methods(wf_type *type, wf_method_def *defs) {
    for (wf_method_def *ml = defs; ml->ml_name; ml++) {
        wf_object *name = wf_str_intern_cstr(ml->ml_name);
        if (!name) return -1;
        wf_object *cur = NULL;
        int r = wf_dict_get_item_ref(type->tp_dict, name, &cur);
        if (r < 0) return -1;
        if (r > 0) {
            wf_decref(cur);
            continue;
        }
        wf_object *d;
        if (ml->ml_flags & WF_METH_STATIC) {
            wf_object *f = wf_cfunction_new(ml, NULL, NULL);
            d = f ? wf_staticmethod_new(f) : NULL;
            wf_xdecref(f);
        } else {
            d = wfo_method_descr_new(type, ml);
        }
        if (!d) return -1;
        r = wf_dict_set_item(type->tp_dict, name, d);
        wf_decref(d);
        if (r < 0) return -1;
    }
    wf_type_modified(type);
    return 0;
}

int wfo_extra_add_getsets(wf_type *type, wf_getset_def *defs) {
    for (wf_getset_def *g = defs; g->name; g++) {
        wf_object *name = wf_str_intern_cstr(g->name);
        if (!name) return -1;
        wf_object *cur = NULL;
        int r = wf_dict_get_item_ref(type->tp_dict, name, &cur);
        if (r < 0) return -1;
        if (r > 0) {
            wf_decref(cur);
            continue;
        }
        wf_object *d = wfo_getset_descr_new(type, g);
        if (!d) return -1;
        r = wf_dict_set_item(type->tp_dict, name, d);
        wf_decref(d);
        if (r < 0) return -1;
    }
    wf_type_modified(type);
    return 0;
}

int wfo_number_extra_init(void) {
    if (wfo_extra_add_methods(&wf_int_type, int_extra_methods) < 0) return -1;
    if (wfo_extra_add_methods(&wf_float_type, float_extra_methods) < 0) return -1;
    return 0;
}
