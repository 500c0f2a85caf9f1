/*
 * runtime/modules/array.c — the array module: array.array, a mutable
 * sequence of fixed-size C values ('b', 'B', 'u', 'h', 'H', 'i', 'I',
 * 'l', 'L', 'q', 'Q', 'f', 'd'), with CPython 3.11's conversions, range
 * errors, reprs and methods; memoryview(array) views its items (see
 * array_exporter; there is no general buffer protocol).
 *
 * Layout: items live in one wfm_malloc'd block `data` of `alloc` items,
 * `len` of them in use, each td->itemsize bytes in native byte order.
 *
 * Thread-safety: data/len/alloc are read and written only inside the
 * array's critical section.  Python values are converted to C values
 * before the section is entered and built from copied C values after it,
 * so no Python code runs while an array is locked; operations on two
 * arrays copy the other one first (a snapshot under its own section).
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/containers.h"

typedef union {
    int64_t i;
    uint64_t u;
    double d;
    uint32_t c;
} item_val;

typedef struct typedesc {
    char code;
    int itemsize;
    int is_signed; /* integer kinds */
    int kind;      /* 'i' integer, 'f' float, 'u' unicode */
} typedesc;

static const typedesc descs[] = {
    {'b', 1, 1, 'i'}, {'B', 1, 0, 'i'}, {'u', 4, 0, 'u'}, {'h', 2, 1, 'i'}, {'H', 2, 0, 'i'},
    {'i', 4, 1, 'i'}, {'I', 4, 0, 'i'}, {'l', 8, 1, 'i'}, {'L', 8, 0, 'i'}, {'q', 8, 1, 'i'},
    {'Q', 8, 0, 'i'}, {'f', 4, 1, 'f'}, {'d', 8, 1, 'f'},
};

typedef struct {
    wf_object ob_base;
    char *data;       /* under the critical section */
    wf_ssize_t len;   /* under the critical section */
    wf_ssize_t alloc; /* under the critical section */
    const typedesc *td; /* immutable */
} array_obj;

static wf_type array_type, arrayiter_type;
#define ARRAY_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &array_type)

static wf_object *overflow(const char *msg) {
    wf_err_set_string(&wf_exc_OverflowError, msg);
    return NULL;
}

/* Convert v for td into *out: 0, or -1 with CPython's error. */
static int convert(const typedesc *td, wf_object *v, item_val *out) {
    if (td->kind == 'f') {
        double d = wf_float_as_double(v);
        if (d == -1.0 && wf_err_occurred()) return -1;
        out->d = td->code == 'f' ? (double)(float)d : d;
        return 0;
    }
    if (td->kind == 'u') {
        if (!WF_STR_CHECK(v) || wf_str_len(v) != 1) {
            wf_err_set_string(&wf_exc_TypeError, "array item must be unicode character");
            return -1;
        }
        out->c = wf_str_char(v, 0);
        return 0;
    }
    wf_object *n = wf_number_index(v);
    if (!n) return -1;
    int ovf;
    int64_t x = wf_int_as_i64_overflow(n, &ovf);
    int neg = wf_int_sign(n) < 0;
    size_t bits = wf_int_bit_length(n);
    wf_decref(n);
    const char *msg = NULL;
    switch (td->code) {
    case 'b':
        if (ovf) msg = "Python int too large to convert to C long";
        else if (x < SHRT_MIN) msg = "signed short integer is less than minimum";
        else if (x > SHRT_MAX) msg = "signed short integer is greater than maximum";
        else if (x < -128) msg = "signed char is less than minimum";
        else if (x > 127) msg = "signed char is greater than maximum";
        break;
    case 'B':
        if (ovf) msg = "Python int too large to convert to C long";
        else if (x < 0) msg = "unsigned byte integer is less than minimum";
        else if (x > 255) msg = "unsigned byte integer is greater than maximum";
        break;
    case 'h':
        if (ovf) msg = "Python int too large to convert to C long";
        else if (x < SHRT_MIN) msg = "signed short integer is less than minimum";
        else if (x > SHRT_MAX) msg = "signed short integer is greater than maximum";
        break;
    case 'H':
        if (ovf) msg = "Python int too large to convert to C long";
        else if (x < INT_MIN) msg = "signed integer is less than minimum";
        else if (x > INT_MAX) msg = "signed integer is greater than maximum";
        else if (x < 0) msg = "unsigned short is less than minimum";
        else if (x > USHRT_MAX) msg = "unsigned short is greater than maximum";
        break;
    case 'i':
        if (ovf) msg = "Python int too large to convert to C long";
        else if (x < INT_MIN) msg = "signed integer is less than minimum";
        else if (x > INT_MAX) msg = "signed integer is greater than maximum";
        break;
    case 'I':
        if (neg) msg = "can't convert negative value to unsigned int";
        else if (bits > 64) msg = "Python int too large to convert to C unsigned long";
        else if (bits > 32) msg = "unsigned int is greater than maximum";
        break;
    case 'l':
        if (ovf) msg = "Python int too large to convert to C long";
        break;
    case 'L':
        if (neg) msg = "can't convert negative value to unsigned int";
        else if (bits > 64) msg = "Python int too large to convert to C unsigned long";
        break;
    case 'q':
        if (ovf) msg = "int too big to convert";
        break;
    case 'Q':
        if (neg) msg = "can't convert negative int to unsigned";
        else if (bits > 64) msg = "int too big to convert";
        break;
    }
    if (msg) {
        overflow(msg);
        return -1;
    }
    if (!td->is_signed && ovf) {
        /* 2^63 <= value < 2^64 */
        wf_object *nn = wf_number_index(v);
        if (!nn) return -1;
        wf_object *hi = wf_int_from_u64(UINT64_C(1) << 63);
        wf_object *low = hi ? wf_number_subtract(nn, hi) : NULL;
        wf_decref(nn);
        if (hi) wf_decref(hi);
        if (!low) return -1;
        int o2;
        out->u = ((uint64_t)wf_int_as_i64_overflow(low, &o2)) | (UINT64_C(1) << 63);
        wf_decref(low);
        return 0;
    }
    out->i = x;
    return 0;
}

static void store(const typedesc *td, char *p, const item_val *v) {
    switch (td->code) {
    case 'b': { int8_t t = (int8_t)v->i; memcpy(p, &t, 1); break; }
    case 'B': { uint8_t t = (uint8_t)v->i; memcpy(p, &t, 1); break; }
    case 'h': { int16_t t = (int16_t)v->i; memcpy(p, &t, 2); break; }
    case 'H': { uint16_t t = (uint16_t)v->i; memcpy(p, &t, 2); break; }
    case 'i': { int32_t t = (int32_t)v->i; memcpy(p, &t, 4); break; }
    case 'I': { uint32_t t = (uint32_t)v->i; memcpy(p, &t, 4); break; }
    case 'l': case 'q': memcpy(p, &v->i, 8); break;
    case 'L': case 'Q': memcpy(p, &v->u, 8); break;
    case 'f': { float t = (float)v->d; memcpy(p, &t, 4); break; }
    case 'd': memcpy(p, &v->d, 8); break;
    case 'u': memcpy(p, &v->c, 4); break;
    }
}

static wf_object *load(const typedesc *td, const char *p) {
    switch (td->code) {
    case 'b': { int8_t t; memcpy(&t, p, 1); return wf_int_from_i64(t); }
    case 'B': { uint8_t t; memcpy(&t, p, 1); return wf_int_from_i64(t); }
    case 'h': { int16_t t; memcpy(&t, p, 2); return wf_int_from_i64(t); }
    case 'H': { uint16_t t; memcpy(&t, p, 2); return wf_int_from_i64(t); }
    case 'i': { int32_t t; memcpy(&t, p, 4); return wf_int_from_i64(t); }
    case 'I': { uint32_t t; memcpy(&t, p, 4); return wf_int_from_i64(t); }
    case 'l': case 'q': { int64_t t; memcpy(&t, p, 8); return wf_int_from_i64(t); }
    case 'L': case 'Q': { uint64_t t; memcpy(&t, p, 8); return wf_int_from_u64(t); }
    case 'f': { float t; memcpy(&t, p, 4); return wf_float_from_double(t); }
    case 'd': { double t; memcpy(&t, p, 8); return wf_float_from_double(t); }
    case 'u': { uint32_t t; memcpy(&t, p, 4); return wf_str_from_char(t); }
    }
    return NULL;
}

/* Make room for n items (lock held). */
static int reserve(array_obj *a, wf_ssize_t n) {
    if (n <= a->alloc) return 0;
    wf_ssize_t na = a->alloc ? a->alloc : 4;
    while (na < n) na = na + (na >> 1) + 4;
    char *nd = wfm_malloc((size_t)na * (size_t)a->td->itemsize);
    if (!nd) {
        wf_err_no_memory();
        return -1;
    }
    if (a->len) memcpy(nd, a->data, (size_t)a->len * (size_t)a->td->itemsize);
    if (a->data) wfm_free(a->data);
    a->data = nd;
    a->alloc = na;
    return 0;
}

/* Replace [lo, hi) by n items from src (raw bytes; lock held). */
static int splice(array_obj *a, wf_ssize_t lo, wf_ssize_t hi, const char *src, wf_ssize_t n) {
    int sz = a->td->itemsize;
    wf_ssize_t newlen = a->len - (hi - lo) + n;
    if (reserve(a, newlen) < 0) return -1;
    memmove(a->data + (lo + n) * sz, a->data + hi * sz, (size_t)(a->len - hi) * (size_t)sz);
    if (n) memcpy(a->data + lo * sz, src, (size_t)n * (size_t)sz);
    a->len = newlen;
    return 0;
}

/* A copy of the raw items (wfm_malloc'd; *n items). */
static char *snapshot(wf_object *o, wf_ssize_t *n) {
    array_obj *a = (array_obj *)o;
    char *buf = NULL;
    for (;;) {
        wf_ssize_t len;
        WF_BEGIN_CRITICAL_SECTION(o);
        len = a->len;
        WF_END_CRITICAL_SECTION();
        buf = wfm_malloc((size_t)(len ? len : 1) * (size_t)a->td->itemsize);
        if (!buf) {
            wf_err_no_memory();
            return NULL;
        }
        int ok = 0;
        WF_BEGIN_CRITICAL_SECTION(o);
        if (a->len == len) {
            memcpy(buf, a->data, (size_t)len * (size_t)a->td->itemsize);
            ok = 1;
        }
        WF_END_CRITICAL_SECTION();
        if (ok) {
            *n = len;
            return buf;
        }
        wfm_free(buf);
    }
}

static wf_object *array_alloc(wf_type *type, const typedesc *td) {
    array_obj *a = (array_obj *)wf_type_generic_alloc(type, 0);
    if (a) a->td = td;
    return (wf_object *)a;
}

static wf_object *array_from_raw(wf_type *type, const typedesc *td, const char *src, wf_ssize_t n) {
    wf_object *r = array_alloc(type, td);
    if (!r) return NULL;
    if (n && (reserve((array_obj *)r, n) < 0)) {
        wf_decref(r);
        return NULL;
    }
    if (n) memcpy(((array_obj *)r)->data, src, (size_t)n * (size_t)td->itemsize);
    ((array_obj *)r)->len = n;
    return r;
}

static wf_ssize_t array_len(wf_object *o) {
    wf_ssize_t n;
    WF_BEGIN_CRITICAL_SECTION(o);
    n = ((array_obj *)o)->len;
    WF_END_CRITICAL_SECTION();
    return n;
}

static int append_value(wf_object *o, wf_object *v) {
    array_obj *a = (array_obj *)o;
    item_val iv;
    if (convert(a->td, v, &iv) < 0) return -1;
    int rc = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    rc = reserve(a, a->len + 1);
    if (rc == 0) store(a->td, a->data + a->len++ * a->td->itemsize, &iv);
    WF_END_CRITICAL_SECTION();
    return rc;
}

static int extend_iterable(wf_object *o, wf_object *iterable) {
    wf_object *it = wf_object_get_iter(iterable);
    if (!it) return -1;
    for (;;) {
        wf_object *v = wf_iter_next(it);
        if (!v) break;
        int rc = append_value(o, v);
        wf_decref(v);
        if (rc < 0) break;
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

static int frombytes_impl(wf_object *o, wf_object *b) {
    array_obj *a = (array_obj *)o;
    wf_object *snap = wf_bytes_snapshot(b);
    if (!snap) return -1;
    wf_ssize_t n = WF_BYTES_SIZE(snap);
    int rc = 0;
    if (n % a->td->itemsize) {
        wf_err_set_string(&wf_exc_ValueError, "bytes length not a multiple of item size");
        rc = -1;
    } else {
        WF_BEGIN_CRITICAL_SECTION(o);
        rc = splice(a, a->len, a->len, WF_BYTES_DATA(snap), n / a->td->itemsize);
        WF_END_CRITICAL_SECTION();
    }
    wf_decref(snap);
    return rc;
}

static int fromunicode_impl(wf_object *o, wf_object *s) {
    array_obj *a = (array_obj *)o;
    wf_ssize_t n = wf_str_len(s);
    uint32_t *buf = wfm_malloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
    if (!buf) {
        wf_err_no_memory();
        return -1;
    }
    for (wf_ssize_t i = 0; i < n; i++) buf[i] = wf_str_char(s, i);
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    rc = splice(a, a->len, a->len, (const char *)buf, n);
    WF_END_CRITICAL_SECTION();
    wfm_free(buf);
    return rc;
}

static const typedesc *find_desc(uint32_t c) {
    for (size_t i = 0; i < sizeof(descs) / sizeof(descs[0]); i++)
        if ((uint32_t)descs[i].code == c) return &descs[i];
    return NULL;
}

static wf_object *array_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (type == &array_type && kwargs && wf_dict_size(kwargs)) {
        wf_err_set_string(&wf_exc_TypeError, "array.array() takes no keyword arguments");
        return NULL;
    }
    wf_ssize_t nargs = WF_TUPLE_SIZE(args);
    if (wf_check_nargs("array", nargs, 1, 2) < 0) return NULL;
    wf_object *tc = WF_TUPLE_ITEM(args, 0);
    if (!WF_STR_CHECK(tc) || wf_str_len(tc) != 1)
        return wf_err_format(&wf_exc_TypeError,
                             "array() argument 1 must be a unicode character, not %s",
                             wf_type_name(WF_TYPE(tc)));
    uint32_t c = wf_str_char(tc, 0);
    const typedesc *td = find_desc(c);
    if (!td) {
        wf_err_set_string(&wf_exc_ValueError,
                          "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    wf_object *init = nargs > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    if (init && WF_STR_CHECK(init) && c != 'u')
        return wf_err_format(&wf_exc_TypeError,
                             "cannot use a str to initialize an array with typecode '%c'", c);
    wf_object *a = array_alloc(type, td);
    if (!a || !init) return a;
    int rc;
    if (WF_STR_CHECK(init)) rc = fromunicode_impl(a, init);
    else if (WF_BYTES_CHECK(init) || WF_BYTEARRAY_CHECK(init)) rc = frombytes_impl(a, init);
    else if (ARRAY_CHECK(init) && ((array_obj *)init)->td == td) {
        wf_ssize_t n;
        char *raw = snapshot(init, &n);
        rc = -1;
        if (raw) {
            WF_BEGIN_CRITICAL_SECTION(a);
            rc = splice((array_obj *)a, 0, 0, raw, n);
            WF_END_CRITICAL_SECTION();
            wfm_free(raw);
        }
    } else rc = extend_iterable(a, init);
    if (rc < 0) {
        wf_decref(a);
        return NULL;
    }
    return a;
}

static void array_dealloc(wf_object *o) {
    array_obj *a = (array_obj *)o;
    if (a->data) wfm_free(a->data);
    a->data = NULL;
    wfo_free_instance(o);
}

static wf_object *array_item(wf_object *o, wf_ssize_t i) {
    array_obj *a = (array_obj *)o;
    char buf[8];
    int ok = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    if (i >= 0 && i < a->len) {
        memcpy(buf, a->data + i * a->td->itemsize, (size_t)a->td->itemsize);
        ok = 1;
    }
    WF_END_CRITICAL_SECTION();
    if (!ok) {
        wf_err_set_string(&wf_exc_IndexError, "array index out of range");
        return NULL;
    }
    return load(a->td, buf);
}

static wf_object *array_tolist(wf_object *o, wf_object *unused) {
    (void)unused;
    array_obj *a = (array_obj *)o;
    wf_ssize_t n;
    char *raw = snapshot(o, &n);
    if (!raw) return NULL;
    wf_object *l = wf_list_new(n);
    for (wf_ssize_t i = 0; l && i < n; i++) {
        wf_object *v = load(a->td, raw + i * a->td->itemsize);
        if (!v) {
            wf_decref(l);
            l = NULL;
            break;
        }
        wf_list_set_item(l, i, v);
        wf_decref(v);
    }
    wfm_free(raw);
    return l;
}

static wf_object *array_subscript(wf_object *o, wf_object *key) {
    array_obj *a = (array_obj *)o;
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize_t n;
        char *raw = snapshot(o, &n);
        if (!raw) return NULL;
        wf_ssize_t cnt = wf_slice_adjust_indices(n, &start, &stop, step);
        int sz = a->td->itemsize;
        char *out = wfm_malloc((size_t)(cnt ? cnt : 1) * (size_t)sz);
        if (!out) {
            wfm_free(raw);
            return wf_err_no_memory();
        }
        for (wf_ssize_t i = 0, j = start; i < cnt; i++, j += step)
            memcpy(out + i * sz, raw + j * sz, (size_t)sz);
        wf_object *r = array_from_raw(WF_TYPE(o), a->td, out, cnt);
        wfm_free(out);
        wfm_free(raw);
        return r;
    }
    if (!wf_index_check(key))
        return wf_err_format(&wf_exc_TypeError, "array indices must be integers");
    wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += array_len(o);
    return array_item(o, i);
}

static int array_ass_subscript(wf_object *o, wf_object *key, wf_object *v) {
    array_obj *a = (array_obj *)o;
    int sz = a->td->itemsize;
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
        char *src = NULL;
        wf_ssize_t nsrc = 0;
        if (v) {
            if (!ARRAY_CHECK(v)) {
                wf_err_format(&wf_exc_TypeError, "can only assign array (not \"%s\") to array slice",
                              wf_type_name(WF_TYPE(v)));
                return -1;
            }
            if (((array_obj *)v)->td != a->td) {
                wf_err_set_string(&wf_exc_TypeError, "bad argument type for built-in operation");
                return -1;
            }
            src = snapshot(v, &nsrc);
            if (!src) return -1;
        }
        int rc = 0;
        WF_BEGIN_CRITICAL_SECTION(o);
        wf_ssize_t cnt = wf_slice_adjust_indices(a->len, &start, &stop, step);
        if (step == 1) {
            if (stop < start) stop = start;
            rc = splice(a, start, stop, src, nsrc);
        } else if (v) {
            if (nsrc != cnt) {
                rc = 1;
            } else {
                for (wf_ssize_t i = 0, j = start; i < cnt; i++, j += step)
                    memcpy(a->data + j * sz, src + i * sz, (size_t)sz);
            }
        } else if (cnt > 0) {
            /* delete an extended slice: compact the survivors */
            if (step < 0) {
                start = start + step * (cnt - 1);
                step = -step;
            }
            wf_ssize_t w = start;
            for (wf_ssize_t r = start; r < a->len; r++) {
                if (r >= start && (r - start) % step == 0 && (r - start) / step < cnt) continue;
                memmove(a->data + w * sz, a->data + r * sz, (size_t)sz);
                w++;
            }
            a->len = w;
        }
        WF_END_CRITICAL_SECTION();
        if (src) wfm_free(src);
        if (rc > 0)
            wf_err_format(&wf_exc_ValueError,
                          "attempt to assign array of size %zd to extended slice of size %zd", nsrc,
                          wf_slice_adjust_indices(array_len(o), &start, &stop, step));
        return rc ? -1 : 0;
    }
    if (!wf_index_check(key)) {
        wf_err_set_string(&wf_exc_TypeError, "array indices must be integers");
        return -1;
    }
    wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (i == -1 && wf_err_occurred()) return -1;
    item_val iv;
    if (v && convert(a->td, v, &iv) < 0) return -1;
    int ok = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    if (i < 0) i += a->len;
    if (i >= 0 && i < a->len) {
        ok = 1;
        if (v) store(a->td, a->data + i * sz, &iv);
        else splice(a, i, i + 1, NULL, 0);
    }
    WF_END_CRITICAL_SECTION();
    if (!ok) {
        wf_err_set_string(&wf_exc_IndexError,
                          v ? "array assignment index out of range" : "array assignment index out of range");
        return -1;
    }
    return 0;
}

static int array_ass_item(wf_object *o, wf_ssize_t i, wf_object *v) {
    wf_object *k = wf_int_from_ssize(i);
    if (!k) return -1;
    int rc = array_ass_subscript(o, k, v);
    wf_decref(k);
    return rc;
}

/* Find v: index >= start (and < stop) or -1 not found, -2 error. */
static wf_ssize_t find(wf_object *o, wf_object *v, wf_ssize_t start, wf_ssize_t stop) {
    array_obj *a = (array_obj *)o;
    wf_ssize_t n;
    char *raw = snapshot(o, &n);
    if (!raw) return -2;
    if (stop > n) stop = n;
    wf_ssize_t r = -1;
    for (wf_ssize_t i = start; i < stop; i++) {
        wf_object *x = load(a->td, raw + i * a->td->itemsize);
        if (!x) {
            r = -2;
            break;
        }
        int eq = wf_object_rich_compare_bool(x, v, WF_EQ);
        wf_decref(x);
        if (eq < 0) {
            r = -2;
            break;
        }
        if (eq) {
            r = i;
            break;
        }
    }
    wfm_free(raw);
    return r;
}

static int array_contains(wf_object *o, wf_object *v) {
    wf_ssize_t r = find(o, v, 0, WF_SSIZE_MAX);
    return r == -2 ? -1 : r >= 0;
}

static wf_object *array_count(wf_object *o, wf_object *v) {
    array_obj *a = (array_obj *)o;
    wf_ssize_t n, c = 0;
    char *raw = snapshot(o, &n);
    if (!raw) return NULL;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *x = load(a->td, raw + i * a->td->itemsize);
        int eq = x ? wf_object_rich_compare_bool(x, v, WF_EQ) : -1;
        if (x) wf_decref(x);
        if (eq < 0) {
            wfm_free(raw);
            return NULL;
        }
        c += eq;
    }
    wfm_free(raw);
    return wf_int_from_ssize(c);
}

static wf_object *array_index(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("index", nargs, 1, 3) < 0) return NULL;
    wf_ssize_t n = array_len(o), start = 0, stop = n;
    if (wfo_parse_index_bounds(args, nargs, n, &start, &stop) < 0) return NULL;
    wf_ssize_t r = find(o, args[0], start, stop);
    if (r == -2) return NULL;
    if (r < 0) {
        wf_err_set_string(&wf_exc_ValueError, "array.index(x): x not in array");
        return NULL;
    }
    return wf_int_from_ssize(r);
}

static wf_object *array_remove(wf_object *o, wf_object *v) {
    wf_ssize_t r = find(o, v, 0, WF_SSIZE_MAX);
    if (r == -2) return NULL;
    if (r < 0) {
        wf_err_set_string(&wf_exc_ValueError, "array.remove(x): x not in array");
        return NULL;
    }
    WF_BEGIN_CRITICAL_SECTION(o);
    array_obj *a = (array_obj *)o;
    if (r < a->len) splice(a, r, r + 1, NULL, 0);
    WF_END_CRITICAL_SECTION();
    WF_RETURN_NONE;
}

static wf_object *array_append(wf_object *o, wf_object *v) {
    if (append_value(o, v) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *array_insert(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("insert", nargs, 2, 2) < 0) return NULL;
    array_obj *a = (array_obj *)o;
    wf_ssize_t i = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
    if (i == -1 && wf_err_occurred()) return NULL;
    item_val iv;
    if (convert(a->td, args[1], &iv) < 0) return NULL;
    char buf[8];
    store(a->td, buf, &iv);
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    if (i < 0) {
        i += a->len;
        if (i < 0) i = 0;
    }
    if (i > a->len) i = a->len;
    rc = splice(a, i, i, buf, 1);
    WF_END_CRITICAL_SECTION();
    if (rc < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *array_pop(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("pop", nargs, 0, 1) < 0) return NULL;
    array_obj *a = (array_obj *)o;
    wf_ssize_t i = -1;
    if (nargs) {
        i = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (i == -1 && wf_err_occurred()) return NULL;
    }
    char buf[8];
    int state = 0; /* 0 ok, 1 empty, 2 out of range */
    WF_BEGIN_CRITICAL_SECTION(o);
    if (a->len == 0) {
        state = 1;
    } else {
        if (i < 0) i += a->len;
        if (i < 0 || i >= a->len) {
            state = 2;
        } else {
            memcpy(buf, a->data + i * a->td->itemsize, (size_t)a->td->itemsize);
            splice(a, i, i + 1, NULL, 0);
        }
    }
    WF_END_CRITICAL_SECTION();
    if (state) {
        wf_err_set_string(&wf_exc_IndexError, state == 1 ? "pop from empty array" : "pop index out of range");
        return NULL;
    }
    return load(a->td, buf);
}

static wf_object *array_extend(wf_object *o, wf_object *v) {
    array_obj *a = (array_obj *)o;
    if (ARRAY_CHECK(v)) {
        if (((array_obj *)v)->td != a->td) {
            wf_err_set_string(&wf_exc_TypeError, "can only extend with array of same kind");
            return NULL;
        }
        wf_ssize_t n;
        char *raw = snapshot(v, &n);
        if (!raw) return NULL;
        int rc;
        WF_BEGIN_CRITICAL_SECTION(o);
        rc = splice(a, a->len, a->len, raw, n);
        WF_END_CRITICAL_SECTION();
        wfm_free(raw);
        if (rc < 0) return NULL;
        WF_RETURN_NONE;
    }
    if (extend_iterable(o, v) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *array_fromlist(wf_object *o, wf_object *v) {
    if (!WF_LIST_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "arg must be list");
        return NULL;
    }
    /* all or nothing: convert first */
    wf_object *copy = wf_sequence_tuple(v);
    if (!copy) return NULL;
    array_obj *a = (array_obj *)o;
    wf_ssize_t n = WF_TUPLE_SIZE(copy);
    char *buf = wfm_malloc((size_t)(n ? n : 1) * (size_t)a->td->itemsize);
    if (!buf) {
        wf_decref(copy);
        return wf_err_no_memory();
    }
    for (wf_ssize_t i = 0; i < n; i++) {
        item_val iv;
        if (convert(a->td, WF_TUPLE_ITEM(copy, i), &iv) < 0) {
            wfm_free(buf);
            wf_decref(copy);
            return NULL;
        }
        store(a->td, buf + i * a->td->itemsize, &iv);
    }
    wf_decref(copy);
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    rc = splice(a, a->len, a->len, buf, n);
    WF_END_CRITICAL_SECTION();
    wfm_free(buf);
    if (rc < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *array_frombytes(wf_object *o, wf_object *v) {
    if (!WF_BYTES_CHECK(v) && !WF_BYTEARRAY_CHECK(v) && !ARRAY_CHECK(v))
        return wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                             wf_type_name(WF_TYPE(v)));
    if (ARRAY_CHECK(v)) {
        wf_ssize_t n;
        char *raw = snapshot(v, &n);
        if (!raw) return NULL;
        wf_object *b = wf_bytes_from_data(raw, n * ((array_obj *)v)->td->itemsize);
        wfm_free(raw);
        if (!b) return NULL;
        int rc = frombytes_impl(o, b);
        wf_decref(b);
        if (rc < 0) return NULL;
        WF_RETURN_NONE;
    }
    if (frombytes_impl(o, v) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *array_tobytes(wf_object *o, wf_object *unused) {
    (void)unused;
    wf_ssize_t n;
    char *raw = snapshot(o, &n);
    if (!raw) return NULL;
    wf_object *b = wf_bytes_from_data(raw, n * ((array_obj *)o)->td->itemsize);
    wfm_free(raw);
    return b;
}

static wf_object *array_fromunicode(wf_object *o, wf_object *v) {
    if (((array_obj *)o)->td->code != 'u') {
        wf_err_set_string(&wf_exc_ValueError, "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    if (!WF_STR_CHECK(v))
        return wf_err_format(&wf_exc_TypeError, "fromunicode() argument must be str, not %s",
                             wf_type_name(WF_TYPE(v)));
    if (fromunicode_impl(o, v) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *array_tounicode(wf_object *o, wf_object *unused) {
    (void)unused;
    if (((array_obj *)o)->td->code != 'u') {
        wf_err_set_string(&wf_exc_ValueError, "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    wf_ssize_t n;
    char *raw = snapshot(o, &n);
    if (!raw) return NULL;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c;
        memcpy(&c, raw + i * 4, 4);
        if (c > 0x10FFFF) {
            wfm_free(raw);
            return wf_err_format(&wf_exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
        }
    }
    wf_object *s = wf_str_from_ucs4((const uint32_t *)raw, n);
    wfm_free(raw);
    return s;
}

static wf_object *array_reverse(wf_object *o, wf_object *unused) {
    (void)unused;
    array_obj *a = (array_obj *)o;
    int sz = a->td->itemsize;
    char tmp[8];
    WF_BEGIN_CRITICAL_SECTION(o);
    for (wf_ssize_t i = 0, j = a->len - 1; i < j; i++, j--) {
        memcpy(tmp, a->data + i * sz, (size_t)sz);
        memcpy(a->data + i * sz, a->data + j * sz, (size_t)sz);
        memcpy(a->data + j * sz, tmp, (size_t)sz);
    }
    WF_END_CRITICAL_SECTION();
    WF_RETURN_NONE;
}

static wf_object *array_byteswap(wf_object *o, wf_object *unused) {
    (void)unused;
    array_obj *a = (array_obj *)o;
    int sz = a->td->itemsize;
    WF_BEGIN_CRITICAL_SECTION(o);
    for (wf_ssize_t i = 0; i < a->len; i++) {
        char *p = a->data + i * sz;
        for (int k = 0; k < sz / 2; k++) {
            char t = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = t;
        }
    }
    WF_END_CRITICAL_SECTION();
    WF_RETURN_NONE;
}

static wf_object *array_buffer_info(wf_object *o, wf_object *unused) {
    (void)unused;
    array_obj *a = (array_obj *)o;
    uintptr_t addr;
    wf_ssize_t n;
    WF_BEGIN_CRITICAL_SECTION(o);
    addr = (uintptr_t)a->data;
    n = a->len;
    WF_END_CRITICAL_SECTION();
    wf_object *x = wf_int_from_u64(addr), *y = wf_int_from_ssize(n);
    wf_object *r = x && y ? wf_tuple_pack(2, x, y) : NULL;
    if (x) wf_decref(x);
    if (y) wf_decref(y);
    return r;
}

static wf_object *array_copy(wf_object *o, wf_object *unused) {
    (void)unused;
    wf_ssize_t n;
    char *raw = snapshot(o, &n);
    if (!raw) return NULL;
    wf_object *r = array_from_raw(WF_TYPE(o), ((array_obj *)o)->td, raw, n);
    wfm_free(raw);
    return r;
}

static wf_object *array_reduce_ex(wf_object *o, wf_object *proto) {
    (void)proto;
    wf_object *l = array_tolist(o, NULL);
    if (!l) return NULL;
    char code[2] = {((array_obj *)o)->td->code, 0};
    wf_object *tc = wf_str_from_cstr(code);
    wf_object *args = tc ? wf_tuple_pack(2, tc, l) : NULL;
    if (tc) wf_decref(tc);
    wf_decref(l);
    if (!args) return NULL;
    wf_object **dp = wf_object_dictptr(o);
    wf_object *d = dp ? wfo_instance_dict_ref(o, dp) : NULL;
    wf_object *st = d ? d : wf_None;
    wf_object *r = wf_tuple_pack(3, (wf_object *)WF_TYPE(o), args, st);
    wf_xdecref(d);
    wf_decref(args);
    return r;
}

static wf_object *array_tofile(wf_object *o, wf_object *f) {
    wf_object *b = array_tobytes(o, NULL);
    if (!b) return NULL;
    wf_object *r = wf_object_call_method(f, "write", &b, 1);
    wf_decref(b);
    if (!r) return NULL;
    wf_decref(r);
    WF_RETURN_NONE;
}

static wf_object *array_fromfile(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("fromfile", nargs, 2, 2) < 0) return NULL;
    wf_ssize_t n = wf_number_as_ssize_t(args[1], &wf_exc_OverflowError);
    if (n == -1 && wf_err_occurred()) return NULL;
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "negative count");
        return NULL;
    }
    wf_ssize_t want = n * ((array_obj *)o)->td->itemsize;
    wf_object *cnt = wf_int_from_ssize(want);
    if (!cnt) return NULL;
    wf_object *b = wf_object_call_method(args[0], "read", &cnt, 1);
    wf_decref(cnt);
    if (!b) return NULL;
    if (!WF_BYTES_CHECK(b)) {
        wf_decref(b);
        wf_err_set_string(&wf_exc_TypeError, "read() didn't return bytes");
        return NULL;
    }
    wf_ssize_t got = WF_BYTES_SIZE(b);
    wf_ssize_t usable = got - got % ((array_obj *)o)->td->itemsize;
    wf_object *part = wf_bytes_from_data(WF_BYTES_DATA(b), usable);
    wf_decref(b);
    if (!part) return NULL;
    int rc = frombytes_impl(o, part);
    wf_decref(part);
    if (rc < 0) return NULL;
    if (got != want) {
        wf_err_set_string(&wf_exc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    WF_RETURN_NONE;
}

static wf_object *array_repr(wf_object *o) {
    array_obj *a = (array_obj *)o;
    const char *name = wf_type_name(WF_TYPE(o));
    char code = a->td->code;
    if (array_len(o) == 0) return wf_str_from_format("%s('%c')", name, code);
    wf_object *inner = code == 'u' ? array_tounicode(o, NULL) : array_tolist(o, NULL);
    if (!inner) return NULL;
    wf_object *r = wf_str_from_format("%s('%c', %R)", name, code, inner);
    wf_decref(inner);
    return r;
}

static wf_object *array_richcompare(wf_object *x, wf_object *y, int op) {
    if (!ARRAY_CHECK(x) || !ARRAY_CHECK(y)) return wf_newref(wf_NotImplemented);
    wf_object *a = array_tolist(x, NULL);
    if (!a) return NULL;
    wf_object *b = array_tolist(y, NULL);
    if (!b) {
        wf_decref(a);
        return NULL;
    }
    wf_object *r = wf_object_rich_compare(a, b, op);
    wf_decref(a);
    wf_decref(b);
    return r;
}

static wf_object *array_concat(wf_object *o, wf_object *other) {
    if (!ARRAY_CHECK(other))
        return wf_err_format(&wf_exc_TypeError, "can only append array (not \"%s\") to array",
                             wf_type_name(WF_TYPE(other)));
    if (((array_obj *)other)->td != ((array_obj *)o)->td) {
        wf_err_set_string(&wf_exc_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    wf_object *r = array_copy(o, NULL);
    if (!r) return NULL;
    wf_object *x = array_extend(r, other);
    if (!x) {
        wf_decref(r);
        return NULL;
    }
    wf_decref(x);
    return r;
}

static wf_object *array_inplace_concat(wf_object *o, wf_object *other) {
    if (!ARRAY_CHECK(other))
        return wf_err_format(&wf_exc_TypeError, "can only extend array with array (not \"%s\")",
                             wf_type_name(WF_TYPE(other)));
    wf_object *x = array_extend(o, other);
    if (!x) return NULL;
    wf_decref(x);
    return wf_newref(o);
}

static wf_object *repeat_raw(wf_object *o, wf_ssize_t times, wf_type *type) {
    wf_ssize_t n;
    char *raw = snapshot(o, &n);
    if (!raw) return NULL;
    if (times < 0) times = 0;
    int sz = ((array_obj *)o)->td->itemsize;
    if (n && times > WF_SSIZE_MAX / n / sz) {
        wfm_free(raw);
        return wf_err_no_memory();
    }
    char *out = wfm_malloc((size_t)(n * times > 0 ? n * times : 1) * (size_t)sz);
    if (!out) {
        wfm_free(raw);
        return wf_err_no_memory();
    }
    for (wf_ssize_t k = 0; k < times; k++) memcpy(out + k * n * sz, raw, (size_t)(n * sz));
    wf_object *r = NULL;
    if (type) {
        r = array_from_raw(type, ((array_obj *)o)->td, out, n * times);
    } else {
        int rc;
        WF_BEGIN_CRITICAL_SECTION(o);
        array_obj *a = (array_obj *)o;
        rc = splice(a, 0, a->len, out, n * times);
        WF_END_CRITICAL_SECTION();
        r = rc < 0 ? NULL : wf_newref(o);
    }
    wfm_free(out);
    wfm_free(raw);
    return r;
}

static wf_object *array_repeat(wf_object *o, wf_ssize_t n) { return repeat_raw(o, n, WF_TYPE(o)); }
static wf_object *array_inplace_repeat(wf_object *o, wf_ssize_t n) { return repeat_raw(o, n, NULL); }

static wf_object *array_get_typecode(wf_object *o, void *closure) {
    (void)closure;
    return wf_str_from_char((uint32_t)((array_obj *)o)->td->code);
}
static wf_object *array_get_itemsize(wf_object *o, void *closure) {
    (void)closure;
    return wf_int_from_i64(((array_obj *)o)->td->itemsize);
}

/* --- iterator ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *array; /* NULL once exhausted */
    wf_ssize_t index;
} arrayiter_obj;

static wf_object *array_iter(wf_object *o) {
    arrayiter_obj *it = (arrayiter_obj *)wf_type_generic_alloc(&arrayiter_type, 0);
    if (!it) return NULL;
    it->array = wf_newref(o);
    return (wf_object *)it;
}

static wf_object *arrayiter_next(wf_object *self) {
    arrayiter_obj *it = (arrayiter_obj *)self;
    wf_object *arr = NULL;
    wf_ssize_t i = 0;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (it->array) {
        arr = wf_newref(it->array);
        i = it->index++;
    }
    WF_END_CRITICAL_SECTION();
    if (!arr) return NULL;
    wf_object *r = NULL;
    if (i < array_len(arr)) {
        r = array_item(arr, i);
        if (!r && wf_err_matches((wf_object *)&wf_exc_IndexError)) wf_err_clear();
    }
    if (!r && !wf_err_occurred()) {
        wf_object *old;
        WF_BEGIN_CRITICAL_SECTION(self);
        old = it->array;
        it->array = NULL;
        WF_END_CRITICAL_SECTION();
        if (old) wf_decref(old);
    }
    wf_decref(arr);
    return r;
}

static int arrayiter_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    arrayiter_obj *it = (arrayiter_obj *)self;
    return it->array ? visit(it->array, arg) : 0;
}

static void arrayiter_dealloc(wf_object *self) {
    WF_CLEAR(((arrayiter_obj *)self)->array);
    wfo_free_instance(self);
}

static wf_object *iter_self(wf_object *self) { return wf_newref(self); }

static wf_type arrayiter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(arrayiter_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = arrayiter_dealloc,
    .tp_traverse = arrayiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = arrayiter_next,
};

static wf_method_def array_methods[] = {
    {"append", array_append, WF_METH_O, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info, WF_METH_NOARGS, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", array_byteswap, WF_METH_NOARGS, "Byteswap all items of the array."},
    {"__copy__", array_copy, WF_METH_NOARGS, "Return a copy of the array."},
    {"count", array_count, WF_METH_O, "Return number of occurrences of v in the array."},
    {"__deepcopy__", array_copy, WF_METH_O, "Return a copy of the array."},
    {"extend", array_extend, WF_METH_O, "Append items to the end of the array."},
    {"frombytes", array_frombytes, WF_METH_O, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromfile", array_fromfile, WF_METH_FASTCALL, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_fromlist, WF_METH_O, "Append items to array from list."},
    {"fromunicode", array_fromunicode, WF_METH_O, "Extends this array with data from the unicode string ustr."},
    {"index", array_index, WF_METH_FASTCALL, "Return index of first occurrence of v in the array."},
    {"insert", array_insert, WF_METH_FASTCALL, "Insert a new item v into the array before position i."},
    {"pop", array_pop, WF_METH_FASTCALL, "Return the i-th element and delete it from the array."},
    {"__reduce_ex__", array_reduce_ex, WF_METH_O, "Return state information for pickling."},
    {"remove", array_remove, WF_METH_O, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, WF_METH_NOARGS, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes, WF_METH_NOARGS, "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", array_tofile, WF_METH_O, "Write all items (as machine values) to the file object f."},
    {"tolist", array_tolist, WF_METH_NOARGS, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode, WF_METH_NOARGS, "Extends this array with data from the unicode string ustr."},
    {NULL, NULL, 0, NULL},
};

static wf_getset_def array_getset[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_sequence_methods array_as_sequence = {
    .sq_length = array_len,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_item = array_item,
    .sq_ass_item = array_ass_item,
    .sq_contains = array_contains,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
};

static wf_mapping_methods array_as_mapping = {
    .mp_length = array_len,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
};

static wf_type array_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "array.array",
    .tp_basicsize = sizeof(array_obj),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = array_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_iter = array_iter,
    .tp_new = array_new,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
    .tp_doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are "
              "restricted by typecode, and\ninitialized from the optional initializer value, "
              "which must be a list,\nstring or iterable over elements of the appropriate type.",
};

/* memoryview support (runtime/objects/memoryview.c): an array lends its
 * items with its typecode as format ('u' as "w", as CPython 3.11 does);
 * memoryview reads data/len inside the array's critical section. */
static const char *array_buf_format(wf_object *o, wf_ssize_t *itemsize) {
    static const char *const formats[] = {"b", "B", "w", "h", "H", "i", "I",
                                          "l", "L", "q", "Q", "f", "d"}; /* as descs */
    const typedesc *td = ((array_obj *)o)->td;
    *itemsize = td->itemsize;
    return formats[td - descs];
}

static char *array_buf_data(wf_object *o, wf_ssize_t *nbytes) {
    array_obj *a = (array_obj *)o;
    *nbytes = a->len * a->td->itemsize;
    return a->data;
}

static const wfo_buffer_exporter array_exporter = {&array_type, array_buf_format, array_buf_data};

WF_MODULE_INIT(array) {
    if (wf_type_ready(&array_type) < 0 || wf_type_ready(&arrayiter_type) < 0) return NULL;
    if (wfo_memoryview_add_exporter(&array_exporter) < 0) return NULL;
    wf_object *m = wf_module_new("array");
    if (!m) return NULL;
    wf_object *codes = wf_str_from_cstr("bBuhHiIlLqQfd");
    if (!codes || wf_module_add_object(m, "typecodes", codes) < 0 ||
        wf_module_add_object(m, "array", (wf_object *)&array_type) < 0 ||
        wf_module_add_object(m, "ArrayType", (wf_object *)&array_type) < 0) {
        if (codes) wf_decref(codes);
        wf_decref(m);
        return NULL;
    }
    wf_decref(codes);
    return m;
}
