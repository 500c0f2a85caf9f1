/*
 * runtime/modules/_struct.c — the _struct module (struct.py re-exports it):
 * pack, unpack, calcsize, pack_into, unpack_from, iter_unpack and the
 * Struct class, for the format codes x c b B ? h H i I l L q Q n N e f d
 * s p P with byte orders @ (native size and alignment), = < > ! (standard
 * sizes, no alignment), with CPython 3.11's error messages.
 *
 * Thread-safety: a compiled format (sformat) is private to the call that
 * compiled it or immutable inside its Struct object.  pack_into writes into
 * a bytearray inside that bytearray's critical section.  The only module
 * state is struct.error (created once by the init, under the import lock,
 * and immutable afterwards).
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "runtime/memory/memory.h"
#include "runtime/modules/modules.h"
#include "threads/critsec.h"
#include "weft/objects.h"

/* memoryview support lives in runtime/objects/memoryview.c (declared in
 * runtime/objects/objimpl.h, which modules do not include). */
int wfo_is_memoryview(wf_object *o);
wf_object *wfo_memoryview_bytes(wf_object *o);

static wf_object *struct_error; /* set once by the module init */

static wf_object *serr(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    wf_err_formatv(struct_error ? (wf_type *)struct_error : &wf_exc_ValueError, fmt, ap);
    va_end(ap);
    return NULL;
}

typedef struct scode {
    char code;
    int size;          /* bytes per item */
    wf_ssize_t offset; /* of the first item */
    wf_ssize_t count;  /* items; for s/p: the byte length (one value) */
} scode;

typedef struct sformat {
    wf_ssize_t size;   /* total bytes */
    wf_ssize_t nitems; /* values consumed/produced */
    wf_ssize_t ncodes;
    int little;        /* byte order */
    int native;        /* '@': native sizes and alignment */
    scode *codes;      /* wfm_malloc'd */
} sformat;

static void sformat_free(sformat *f) {
    wfm_free(f->codes);
    f->codes = NULL;
}

static int native_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': return sizeof(short);
    case 'i': case 'I': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'n': case 'N': return sizeof(size_t);
    case 'e': return 2;
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    case 'P': return sizeof(void *);
    }
    return -1;
}
static int std_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    }
    return -1;
}

/* Compile fmt (UTF-8 bytes). 0 or -1 with struct.error. */
static int sformat_compile(const char *fmt, wf_ssize_t len, sformat *out) {
    memset(out, 0, sizeof *out);
    const char *s = fmt, *end = fmt + len;
    out->native = 1;
    out->little = 1; /* x86-64 / aarch64 are little-endian */
    {
        uint16_t probe = 1;
        out->little = *(uint8_t *)&probe == 1;
    }
    if (s < end) {
        switch (*s) {
        case '@': s++; break;
        case '=': out->native = 0; s++; break;
        case '<': out->native = 0; out->little = 1; s++; break;
        case '>': case '!': out->native = 0; out->little = 0; s++; break;
        }
    }
    wf_ssize_t cap = 8, n = 0, size = 0, nitems = 0;
    scode *codes = wfm_malloc(sizeof(scode) * (size_t)cap);
    if (!codes) {
        wf_err_no_memory();
        return -1;
    }
    while (s < end) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            s++;
            continue;
        }
        wf_ssize_t count = 1;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (s < end && *s >= '0' && *s <= '9') {
                if (count > (WF_SSIZE_MAX - 9) / 10) {
                    wfm_free(codes);
                    serr("total struct size too long");
                    return -1;
                }
                count = count * 10 + (*s - '0');
                s++;
            }
            if (s >= end) {
                wfm_free(codes);
                serr("repeat count given without format specifier");
                return -1;
            }
            c = *s;
        }
        s++;
        int sz = out->native ? native_size(c) : std_size(c);
        if (sz < 0) {
            wfm_free(codes);
            serr("bad char in struct format");
            return -1;
        }
        if (out->native && c != 's' && c != 'p' && c != 'x' && sz > 1)
            size = (size + sz - 1) / sz * sz; /* align */
        if (n == cap) {
            cap *= 2;
            scode *nc = wfm_realloc(codes, sizeof(scode) * (size_t)cap);
            if (!nc) {
                wfm_free(codes);
                wf_err_no_memory();
                return -1;
            }
            codes = nc;
        }
        codes[n].code = c;
        codes[n].size = sz;
        codes[n].offset = size;
        codes[n].count = count;
        n++;
        if (c == 's' || c == 'p') {
            size += count;
            nitems += 1;
        } else if (c == 'x') {
            size += count;
        } else {
            if (count > (WF_SSIZE_MAX - size) / sz) {
                wfm_free(codes);
                serr("total struct size too long");
                return -1;
            }
            size += count * sz;
            nitems += count;
        }
    }
    out->codes = codes;
    out->ncodes = n;
    out->size = size;
    out->nitems = nitems;
    return 0;
}

static int fmt_arg_compile(wf_object *fmt, sformat *f, const char *who) {
    const char *p;
    wf_ssize_t len;
    if (WF_STR_CHECK(fmt)) {
        p = wf_str_utf8(fmt, &len);
        if (!p) return -1;
    } else if (WF_BYTES_CHECK(fmt)) {
        p = WF_BYTES_DATA(fmt);
        len = WF_BYTES_SIZE(fmt);
    } else {
        (void)who;
        wf_err_format(&wf_exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %T", fmt);
        return -1;
    }
    return sformat_compile(p, len, f);
}

/* --- packing one value ------------------------------------------------------------ */
static void put_uint(unsigned char *p, uint64_t v, int size, int little) {
    for (int i = 0; i < size; i++) {
        int k = little ? i : size - 1 - i;
        p[k] = (unsigned char)(v & 0xff);
        v >>= 8;
    }
}
static uint64_t get_uint(const unsigned char *p, int size, int little) {
    uint64_t v = 0;
    for (int i = 0; i < size; i++) {
        int k = little ? size - 1 - i : i;
        v = (v << 8) | p[k];
    }
    return v;
}

static int get_index(wf_object *v, wf_object **out) {
    if (WF_INT_CHECK(v)) {
        *out = wf_newref(v);
        return 0;
    }
    if (!wf_index_check(v)) {
        serr("required argument is not an integer");
        return -1;
    }
    *out = wf_number_index(v);
    return *out ? 0 : -1;
}

static int pack_int(unsigned char *p, char code, int size, int little, wf_object *v) {
    wf_object *iv;
    if (get_index(v, &iv) < 0) return -1;
    int is_unsigned = code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' ||
                      code == 'N' || code == 'P';
    int ov = 0;
    int64_t s = wf_int_as_i64_overflow(iv, &ov);
    uint64_t u = 0;
    if (ov && is_unsigned && ov > 0 && size == 8) {
        /* maybe fits in uint64 */
        wf_object *str = wf_int_to_str(iv, 10);
        wf_decref(iv);
        if (!str) return -1;
        const char *d = wf_str_utf8(str, NULL);
        uint64_t acc = 0;
        int over = 0;
        for (; d && *d; d++) {
            if (acc > (UINT64_MAX - (uint64_t)(*d - '0')) / 10) over = 1;
            acc = acc * 10 + (uint64_t)(*d - '0');
        }
        wf_decref(str);
        if (over) {
            serr("argument out of range");
            return -1;
        }
        put_uint(p, acc, size, little);
        return 0;
    }
    wf_decref(iv);
    if (wf_err_occurred()) return -1;
    if (ov) {
        serr("argument out of range");
        return -1;
    }
    if (is_unsigned) {
        if (size == 1 || size == 2) {
            int64_t max = size == 1 ? 255 : 65535;
            if (s < 0 || s > max) {
                serr("%s format requires 0 <= number <= %lld", size == 1 ? "ubyte" : "ushort",
                     (long long)max);
                return -1;
            }
        } else if (s < 0 && code != 'P') {
            serr("argument out of range");
            return -1;
        } else if (size == 4 && s > 4294967295LL) {
            serr("'%c' format requires 0 <= number <= 4294967295", code);
            return -1;
        }
        u = (uint64_t)s;
    } else {
        if (size == 1 && (s < -128 || s > 127)) {
            serr("byte format requires -128 <= number <= 127");
            return -1;
        }
        if (size == 2 && (s < -32768 || s > 32767)) {
            serr("short format requires -32768 <= number <= 32767");
            return -1;
        }
        if (size == 4 && (s < INT32_MIN || s > INT32_MAX)) {
            serr("'%c' format requires -2147483648 <= number <= 2147483647", code);
            return -1;
        }
        u = (uint64_t)s;
    }
    put_uint(p, u, size, little);
    return 0;
}

static int get_double(wf_object *v, double *out) {
    if (WF_FLOAT_CHECK(v)) {
        *out = ((wf_float *)v)->ob_fval;
        return 0;
    }
    wf_object *f = NULL;
    int has = wf_object_lookup_attr((wf_object *)WF_TYPE(v), wf_str_intern_cstr("__float__"), &f);
    if (has < 0) return -1;
    wf_xdecref(f);
    if (!has && !wf_index_check(v)) {
        serr("required argument is not a float");
        return -1;
    }
    double d = wf_float_as_double(v);
    if (d == -1.0 && wf_err_occurred()) return -1;
    *out = d;
    return 0;
}

static int pack_half(unsigned char *p, double x, int little) {
    unsigned short sign = signbit(x) ? 1 : 0, bits;
    int e;
    if (isnan(x)) bits = 0x7e00;
    else if (isinf(x)) bits = 0x7c00;
    else if (x == 0.0) bits = 0;
    else {
        double f = frexp(fabs(x), &e);
        f *= 2.0;
        e--;
        if (e >= 16) goto overflow;
        if (e < -25) {
            f = 0.0;
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = (unsigned short)f;
        f -= bits;
        if (f > 0.5 || (f == 0.5 && (bits & 1))) {
            bits++;
            if (bits == 1024) {
                bits = 0;
                e++;
                if (e == 31) goto overflow;
            }
        }
        bits |= (unsigned short)(e << 10);
    }
    bits |= (unsigned short)(sign << 15);
    put_uint(p, bits, 2, little);
    return 0;
overflow:
    wf_err_set_string(&wf_exc_OverflowError, "float too large to pack with e format");
    return -1;
}
static double unpack_half(const unsigned char *p, int little) {
    unsigned bits = (unsigned)get_uint(p, 2, little);
    int sign = bits >> 15, e = (bits >> 10) & 0x1f;
    unsigned f = bits & 0x3ff;
    double x;
    if (e == 0x1f) x = f ? NAN : INFINITY;
    else {
        x = (double)f / 1024.0;
        if (e == 0) e = -14;
        else {
            x += 1.0;
            e -= 15;
        }
        x = ldexp(x, e);
    }
    return sign ? -x : x;
}

static int pack_one(unsigned char *p, const scode *c, int little, wf_object *v) {
    switch (c->code) {
    case 'c':
        if ((!WF_BYTES_CHECK(v) && !WF_BYTEARRAY_CHECK(v)) || wf_object_size(v) != 1) {
            if (wf_err_occurred()) wf_err_clear();
            serr("char format requires a bytes object of length 1");
            return -1;
        } else {
            wf_object *b = wf_bytes_snapshot(v);
            if (!b) return -1;
            p[0] = (unsigned char)WF_BYTES_DATA(b)[0];
            wf_decref(b);
        }
        return 0;
    case '?': {
        int t = wf_object_is_true(v);
        if (t < 0) return -1;
        p[0] = (unsigned char)t;
        return 0;
    }
    case 'e': case 'f': case 'd': {
        double d;
        if (get_double(v, &d) < 0) return -1;
        if (c->code == 'e') return pack_half(p, d, little);
        if (c->code == 'f') {
            float f = (float)d;
            if (isinf(f) && !isinf(d)) {
                wf_err_set_string(&wf_exc_OverflowError, "float too large to pack with f format");
                return -1;
            }
            uint32_t u;
            memcpy(&u, &f, 4);
            put_uint(p, u, 4, little);
        } else {
            uint64_t u;
            memcpy(&u, &d, 8);
            put_uint(p, u, 8, little);
        }
        return 0;
    }
    default:
        return pack_int(p, c->code, c->size, little, v);
    }
}

/* A bytes snapshot of a bytes-like argument. */
static wf_object *buffer_arg(wf_object *o) {
    if (WF_BYTES_CHECK(o) || WF_BYTEARRAY_CHECK(o)) return wf_bytes_snapshot(o);
    if (wfo_is_memoryview(o)) return wfo_memoryview_bytes(o);
    return wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%T'", o);
}

/* Pack args[0..f->nitems) into buf (zeroed, f->size bytes). */
static int pack_all(const sformat *f, unsigned char *buf, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs != f->nitems) {
        serr("pack expected %zd items for packing (got %zd)", f->nitems, nargs);
        return -1;
    }
    wf_ssize_t ai = 0;
    for (wf_ssize_t k = 0; k < f->ncodes; k++) {
        const scode *c = &f->codes[k];
        unsigned char *p = buf + c->offset;
        if (c->code == 'x') continue;
        if (c->code == 's' || c->code == 'p') {
            wf_object *v = args[ai++];
            if (!WF_BYTES_CHECK(v) && !WF_BYTEARRAY_CHECK(v)) {
                serr("argument for '%c' must be a bytes object", c->code);
                return -1;
            }
            wf_object *b = buffer_arg(v);
            if (!b) return -1;
            wf_ssize_t n = WF_BYTES_SIZE(b);
            if (c->code == 's') {
                if (n > c->count) n = c->count;
                memcpy(p, WF_BYTES_DATA(b), (size_t)n);
            } else if (c->count > 0) {
                if (n > c->count - 1) n = c->count - 1;
                if (n > 255) n = 255;
                memcpy(p + 1, WF_BYTES_DATA(b), (size_t)n);
                p[0] = (unsigned char)n;
            }
            wf_decref(b);
            continue;
        }
        for (wf_ssize_t i = 0; i < c->count; i++) {
            if (pack_one(p + i * c->size, c, f->little, args[ai++]) < 0) return -1;
        }
    }
    return 0;
}

static wf_object *unpack_one(const unsigned char *p, const scode *c, int little) {
    switch (c->code) {
    case 'c': return wf_bytes_from_data(p, 1);
    case '?': return wf_newref(wf_bool_from(p[0] != 0));
    case 'e': return wf_float_from_double(unpack_half(p, little));
    case 'f': {
        uint32_t u = (uint32_t)get_uint(p, 4, little);
        float f;
        memcpy(&f, &u, 4);
        return wf_float_from_double((double)f);
    }
    case 'd': {
        uint64_t u = get_uint(p, 8, little);
        double d;
        memcpy(&d, &u, 8);
        return wf_float_from_double(d);
    }
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
        uint64_t u = get_uint(p, c->size, little);
        if (c->size < 8) {
            uint64_t sbit = (uint64_t)1 << (c->size * 8 - 1);
            if (u & sbit) u |= ~((sbit << 1) - 1);
        }
        return wf_int_from_i64((int64_t)u);
    }
    default:
        return wf_int_from_u64(get_uint(p, c->size, little));
    }
}

static wf_object *unpack_all(const sformat *f, const unsigned char *buf) {
    wf_object *t = wf_tuple_new(f->nitems);
    if (!t) return NULL;
    wf_ssize_t ti = 0;
    for (wf_ssize_t k = 0; k < f->ncodes; k++) {
        const scode *c = &f->codes[k];
        const unsigned char *p = buf + c->offset;
        if (c->code == 'x') continue;
        if (c->code == 's' || c->code == 'p') {
            wf_object *v;
            if (c->code == 's') v = wf_bytes_from_data(p, c->count);
            else {
                wf_ssize_t n = c->count > 0 ? p[0] : 0;
                if (n >= c->count) n = c->count > 0 ? c->count - 1 : 0;
                v = wf_bytes_from_data(c->count > 0 ? p + 1 : p, n);
            }
            if (!v) {
                wf_decref(t);
                return NULL;
            }
            ((wf_tuple *)t)->ob_item[ti++] = v;
            continue;
        }
        for (wf_ssize_t i = 0; i < c->count; i++) {
            wf_object *v = unpack_one(p + i * c->size, c, f->little);
            if (!v) {
                for (wf_ssize_t j = ti; j < f->nitems; j++) ((wf_tuple *)t)->ob_item[j] = wf_newref(wf_None);
                wf_decref(t);
                return NULL;
            }
            ((wf_tuple *)t)->ob_item[ti++] = v;
        }
    }
    return t;
}


/* --- the operations on a compiled format ---------------------------------------------- */
static wf_object *do_pack(const sformat *f, wf_object *const *args, wf_ssize_t nargs) {
    unsigned char *buf = wfm_calloc(1, (size_t)f->size + 1);
    if (!buf) return wf_err_no_memory();
    wf_object *r = NULL;
    if (pack_all(f, buf, args, nargs) == 0) r = wf_bytes_from_data(buf, f->size);
    wfm_free(buf);
    return r;
}
static wf_object *do_unpack(const sformat *f, wf_object *buffer) {
    wf_object *b = buffer_arg(buffer);
    if (!b) return NULL;
    wf_object *r;
    if (WF_BYTES_SIZE(b) != f->size) r = serr("unpack requires a buffer of %zd bytes", f->size);
    else r = unpack_all(f, (const unsigned char *)WF_BYTES_DATA(b));
    wf_decref(b);
    return r;
}
static wf_object *do_unpack_from(const sformat *f, wf_object *buffer, wf_ssize_t offset) {
    wf_object *b = buffer_arg(buffer);
    if (!b) return NULL;
    wf_ssize_t n = WF_BYTES_SIZE(b);
    wf_object *r = NULL;
    if (offset < 0) {
        if (offset + n < 0) {
            serr("offset %zd out of range for %zd-byte buffer", offset, n);
            goto out;
        }
        offset += n;
    }
    if (n - offset < f->size) {
        if (offset > n)
            serr("offset %zd out of range for %zd-byte buffer", offset, n);
        else
            serr("unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes at "
                 "offset %zd (actual buffer size is %zd)",
                 f->size + offset, f->size, offset, n);
        goto out;
    }
    r = unpack_all(f, (const unsigned char *)WF_BYTES_DATA(b) + offset);
out:
    wf_decref(b);
    return r;
}
static wf_object *do_pack_into(const sformat *f, wf_object *buffer, wf_object *offobj,
                               wf_object *const *args, wf_ssize_t nargs) {
    if (!WF_BYTEARRAY_CHECK(buffer))
        return wf_err_format(&wf_exc_TypeError, "argument must be read-write bytes-like object, not %T", buffer);
    if (nargs != f->nitems) return serr("pack expected %zd items for packing (got %zd)", f->nitems, nargs);
    wf_ssize_t offset = wf_number_as_ssize_t(offobj, &wf_exc_OverflowError);
    if (offset == -1 && wf_err_occurred()) return NULL;
    unsigned char *tmp = wfm_calloc(1, (size_t)f->size + 1);
    if (!tmp) return wf_err_no_memory();
    if (pack_all(f, tmp, args, nargs) < 0) {
        wfm_free(tmp);
        return NULL;
    }
    int err = 0;
    wf_ssize_t n = 0;
    wf_bytearray *ba = (wf_bytearray *)buffer;
    WF_BEGIN_CRITICAL_SECTION(ba);
    n = atomic_load(&ba->ob_size);
    wf_ssize_t off = offset;
    if (off < 0) {
        if (off + n < 0) err = 1;
        else if (f->size > -off) err = 2;
        else off += n;
    }
    if (!err && n - off < f->size) err = off > n ? 1 : 3;
    if (!err && f->size) memcpy(atomic_load(&ba->ob_bytes) + off, tmp, (size_t)f->size);
    WF_END_CRITICAL_SECTION();
    wfm_free(tmp);
    if (err == 1) return serr("offset %zd out of range for %zd-byte buffer", offset, n);
    if (err == 2) return serr("no space to pack %zd bytes at offset %zd", f->size, offset);
    if (err == 3)
        return serr("pack_into requires a buffer of at least %zd bytes for packing %zd bytes at "
                    "offset %zd (actual buffer size is %zd)",
                    f->size + offset, f->size, offset, n);
    WF_RETURN_NONE;
}
static wf_object *do_iter_unpack(const sformat *f, wf_object *buffer) {
    if (f->size == 0) return serr("cannot iteratively unpack with a struct of length 0");
    wf_object *b = buffer_arg(buffer);
    if (!b) return NULL;
    wf_ssize_t n = WF_BYTES_SIZE(b);
    if (n % f->size != 0) {
        wf_decref(b);
        return serr("iterative unpacking requires a buffer of a multiple of %zd bytes", f->size);
    }
    wf_object *l = wf_list_new(0);
    for (wf_ssize_t off = 0; l && off < n; off += f->size) {
        wf_object *t = unpack_all(f, (const unsigned char *)WF_BYTES_DATA(b) + off);
        if (!t || wf_list_append(l, t) < 0) {
            wf_xdecref(t);
            wf_decref(l);
            l = NULL;
            break;
        }
        wf_decref(t);
    }
    wf_decref(b);
    if (!l) return NULL;
    wf_object *it = wf_object_get_iter(l);
    wf_decref(l);
    return it;
}

/* --- Struct ------------------------------------------------------------------------------ */
typedef struct structobj {
    wf_object ob_base;
    sformat f;          /* immutable after creation */
    wf_object *format;  /* str */
} structobj;
static wf_type struct_type;

static wf_object *struct_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object *fmt = NULL;
    if (args && WF_TUPLE_SIZE(args) == 1) fmt = WF_TUPLE_ITEM(args, 0);
    else if (kwargs && wf_dict_size(kwargs) == 1 && (!args || WF_TUPLE_SIZE(args) == 0)) {
        if (wf_dict_get_item_string_ref(kwargs, "format", &fmt) <= 0) fmt = NULL;
        else wf_decref(fmt); /* the dict keeps it */
    }
    if (!fmt) return wf_err_format(&wf_exc_TypeError, "Struct() missing required argument 'format' (pos 1)");
    structobj *s = (structobj *)wf_type_generic_alloc(type, 0);
    if (!s) return NULL;
    if (fmt_arg_compile(fmt, &s->f, "Struct") < 0) {
        wf_decref((wf_object *)s);
        return NULL;
    }
    s->format = WF_STR_CHECK(fmt) ? wf_newref(fmt)
                                  : wf_str_from_utf8(WF_BYTES_DATA(fmt), WF_BYTES_SIZE(fmt));
    if (!s->format) {
        wf_decref((wf_object *)s);
        return NULL;
    }
    return (wf_object *)s;
}
static void struct_dealloc(wf_object *o) {
    structobj *s = (structobj *)o;
    sformat_free(&s->f);
    wf_xdecref(s->format);
    wfm_object_free(o);
}
static wf_object *st_pack(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return do_pack(&((structobj *)self)->f, args, nargs);
}
static wf_object *st_unpack(wf_object *self, wf_object *arg) {
    return do_unpack(&((structobj *)self)->f, arg);
}
static wf_object *st_unpack_from(wf_object *self, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    wf_object *buffer = nargs > 0 ? args[0] : NULL, *off = nargs > 1 ? args[1] : NULL;
    if (kw)
        for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(kw); k++) {
            wf_object *kn = WF_TUPLE_ITEM(kw, k);
            if (wf_str_eq_cstr(kn, "buffer")) buffer = args[nargs + k];
            else if (wf_str_eq_cstr(kn, "offset")) off = args[nargs + k];
            else return wf_err_format(&wf_exc_TypeError, "unpack_from() got an unexpected keyword argument '%U'", kn);
        }
    if (!buffer) return wf_err_format(&wf_exc_TypeError, "unpack_from() missing required argument 'buffer' (pos 1)");
    wf_ssize_t offset = 0;
    if (off) {
        offset = wf_number_as_ssize_t(off, &wf_exc_OverflowError);
        if (offset == -1 && wf_err_occurred()) return NULL;
    }
    return do_unpack_from(&((structobj *)self)->f, buffer, offset);
}
static wf_object *st_pack_into(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs < 2) return wf_err_format(&wf_exc_TypeError, "pack_into expected buffer argument");
    return do_pack_into(&((structobj *)self)->f, args[0], args[1], args + 2, nargs - 2);
}
static wf_object *st_iter_unpack(wf_object *self, wf_object *arg) {
    return do_iter_unpack(&((structobj *)self)->f, arg);
}
static wf_object *st_get_size(wf_object *self, void *c) {
    (void)c;
    return wf_int_from_ssize(((structobj *)self)->f.size);
}
static wf_object *st_get_format(wf_object *self, void *c) {
    (void)c;
    return wf_newref(((structobj *)self)->format);
}
static wf_method_def struct_methods[] = {
    {"pack", (void *)st_pack, WF_METH_FASTCALL, NULL},
    {"unpack", (void *)st_unpack, WF_METH_O, NULL},
    {"unpack_from", (void *)st_unpack_from, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"pack_into", (void *)st_pack_into, WF_METH_FASTCALL, NULL},
    {"iter_unpack", (void *)st_iter_unpack, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def struct_getset[] = {
    {"size", st_get_size, NULL, NULL, NULL},
    {"format", st_get_format, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static wf_type struct_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(structobj),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = struct_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_new = struct_new,
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
};

/* --- module functions ----------------------------------------------------------------------- */
static wf_object *m_calcsize(wf_object *m, wf_object *fmt) {
    (void)m;
    sformat f;
    if (fmt_arg_compile(fmt, &f, "calcsize") < 0) return NULL;
    wf_ssize_t n = f.size;
    sformat_free(&f);
    return wf_int_from_ssize(n);
}
static wf_object *m_pack(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (nargs < 1) return wf_err_format(&wf_exc_TypeError, "pack expected at least 1 argument, got 0");
    sformat f;
    if (fmt_arg_compile(args[0], &f, "pack") < 0) return NULL;
    wf_object *r = do_pack(&f, args + 1, nargs - 1);
    sformat_free(&f);
    return r;
}
static wf_object *m_unpack(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("unpack", nargs, 2, 2) < 0) return NULL;
    sformat f;
    if (fmt_arg_compile(args[0], &f, "unpack") < 0) return NULL;
    wf_object *r = do_unpack(&f, args[1]);
    sformat_free(&f);
    return r;
}
static wf_object *m_unpack_from(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    wf_object *fmt = nargs > 0 ? args[0] : NULL, *buffer = nargs > 1 ? args[1] : NULL,
              *off = nargs > 2 ? args[2] : NULL;
    if (kw)
        for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(kw); k++) {
            wf_object *kn = WF_TUPLE_ITEM(kw, k);
            if (wf_str_eq_cstr(kn, "buffer")) buffer = args[nargs + k];
            else if (wf_str_eq_cstr(kn, "offset")) off = args[nargs + k];
            else return wf_err_format(&wf_exc_TypeError, "unpack_from() got an unexpected keyword argument '%U'", kn);
        }
    if (!fmt || !buffer) return wf_err_format(&wf_exc_TypeError, "unpack_from() missing required argument 'buffer' (pos 2)");
    wf_ssize_t offset = 0;
    if (off) {
        offset = wf_number_as_ssize_t(off, &wf_exc_OverflowError);
        if (offset == -1 && wf_err_occurred()) return NULL;
    }
    sformat f;
    if (fmt_arg_compile(fmt, &f, "unpack_from") < 0) return NULL;
    wf_object *r = do_unpack_from(&f, buffer, offset);
    sformat_free(&f);
    return r;
}
static wf_object *m_pack_into(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (nargs < 3) return wf_err_format(&wf_exc_TypeError, "pack_into expected at least 3 arguments, got %zd", nargs);
    sformat f;
    if (fmt_arg_compile(args[0], &f, "pack_into") < 0) return NULL;
    wf_object *r = do_pack_into(&f, args[1], args[2], args + 3, nargs - 3);
    sformat_free(&f);
    return r;
}
static wf_object *m_iter_unpack(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("iter_unpack", nargs, 2, 2) < 0) return NULL;
    sformat f;
    if (fmt_arg_compile(args[0], &f, "iter_unpack") < 0) return NULL;
    wf_object *r = do_iter_unpack(&f, args[1]);
    sformat_free(&f);
    return r;
}
static wf_object *m_clearcache(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    WF_RETURN_NONE;
}

static wf_method_def struct_functions[] = {
    {"calcsize", (void *)m_calcsize, WF_METH_O, NULL},
    {"pack", (void *)m_pack, WF_METH_FASTCALL, NULL},
    {"unpack", (void *)m_unpack, WF_METH_FASTCALL, NULL},
    {"unpack_from", (void *)m_unpack_from, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"pack_into", (void *)m_pack_into, WF_METH_FASTCALL, NULL},
    {"iter_unpack", (void *)m_iter_unpack, WF_METH_FASTCALL, NULL},
    {"_clearcache", (void *)m_clearcache, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_struct) {
    if (wf_type_ready(&struct_type) < 0) return NULL;
    wf_object *m = wf_module_new("_struct");
    if (!m) return NULL;
    if (wf_module_add_functions(m, struct_functions) < 0) goto fail;
    if (!struct_error) {
        wf_object *bases = wf_tuple_pack(1, (wf_object *)&wf_exc_Exception);
        wf_object *dict = wf_dict_new();
        wf_object *modname = wf_str_from_cstr("struct");
        if (bases && dict && modname && wf_dict_set_item_string(dict, "__module__", modname) == 0)
            struct_error = wf_type_new_from_spec("error", bases, dict);
        wf_xdecref(bases);
        wf_xdecref(dict);
        wf_xdecref(modname);
        if (!struct_error) goto fail;
    }
    if (wf_module_add_object(m, "error", struct_error) < 0 ||
        wf_module_add_object(m, "Struct", (wf_object *)&struct_type) < 0)
        goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}
