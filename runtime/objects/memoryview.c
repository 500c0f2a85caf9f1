/*
 * runtime/objects/memoryview.c — `memoryview`: typed, possibly
 * multi-dimensional views (CPython 3.11 semantics and messages) of the
 * memory of bytes, bytearray and registered exporters (array.array, see
 * wfo_memoryview_add_exporter), and of other memoryviews (which view the
 * same object).  Formats are the native single-character struct formats
 * ('B' for bytes/bytearray, the exporter's for others, any of
 * "cbB?hHiIlLqQnNfdP" with an optional '@' after cast()); cast() goes
 * between a byte format and any other and to/from up to 64 dimensions.
 *
 * There is no buffer protocol: a view is (exporter, byte offset `base` of
 * the item at index 0..0, itemsize, ndim, shape, strides in bytes) and reads
 * or writes the exporter's memory at access time.  Over bytes (whose
 * contents never change) that is a plain access; over a bytearray or an
 * exporter every access runs inside the exporter's critical section and
 * uses its current buffer, checking the whole accessed region against its
 * current size first, because the exporters do not refuse to resize while
 * views exist (CPython raises BufferError there; here an access beyond the
 * shrunken end raises IndexError instead of touching freed memory).  Values
 * are packed into a local buffer before the section is entered and
 * unpacked from a copy after it, so no Python code runs inside it.
 *
 * Invariants: every field but `released` and `hash` is written only while
 * the view is being created, before it is published (obj is kept until
 * dealloc, also after release(); shape/strides point into inline_dims or a
 * wfm_malloc'd block freed by dealloc); `released` only goes 0 -> 1
 * (atomic) and every operation but repr/release/__exit__/comparison checks
 * it first; `hash` is -1 or the cached hash (atomic; idempotent).  The
 * exporter table is append-only: slots go NULL -> exporter once (CAS) and
 * are read with acquire loads.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "runtime/objects/bytes_impl.h"

#define MV_MAX_NDIM 64
#define MV_C 1 /* C-contiguous */
#define MV_F 2 /* Fortran-contiguous */
#define MV_INLINE_NDIM 2

typedef struct {
    wf_object ob_base;
    wf_object *obj;                     /* bytes, bytearray or exporter instance */
    const wfo_buffer_exporter *exp;     /* the exporter's procs, NULL for bytes/bytearray */
    wf_ssize_t base;                    /* byte offset of the first item */
    wf_ssize_t itemsize;
    wf_ssize_t *shape;                  /* ndim entries */
    wf_ssize_t *strides;                /* ndim entries, in bytes */
    int ndim;                           /* 0..MV_MAX_NDIM */
    int readonly;
    int flags;                          /* MV_C | MV_F */
    char format[8];                     /* "B", "@i", the exporter's, ... */
    wf_ssize_t inline_dims[2 * MV_INLINE_NDIM];
    _Atomic int released;
    _Atomic wf_hash_t hash;
} memview;

extern wf_type wf_memoryview_type;
#define MV(o) ((memview *)(o))
#define IS_MV(o)                         \
    (WF_TYPE(o) == &wf_memoryview_type || \
     wf_type_is_subtype(WF_TYPE(o), &wf_memoryview_type))

/* --- registered exporters --------------------------------------------------- */

#define MV_MAX_EXPORTERS 8
static const wfo_buffer_exporter *_Atomic exporters[MV_MAX_EXPORTERS];

int wfo_memoryview_add_exporter(const wfo_buffer_exporter *e) {
    for (int i = 0; i < MV_MAX_EXPORTERS; i++) {
        const wfo_buffer_exporter *cur = atomic_load_explicit(&exporters[i], memory_order_acquire);
        if (!cur && atomic_compare_exchange_strong_explicit(&exporters[i], &cur, e,
                                                            memory_order_acq_rel,
                                                            memory_order_acquire))
            return 0;
        if (cur == e) return 0;
    }
    wf_err_set_string(&wf_exc_RuntimeError, "memoryview: too many buffer exporters");
    return -1;
}

static const wfo_buffer_exporter *find_exporter(wf_object *obj) {
    for (int i = 0; i < MV_MAX_EXPORTERS; i++) {
        const wfo_buffer_exporter *e = atomic_load_explicit(&exporters[i], memory_order_acquire);
        if (!e) break;
        if (wf_type_is_subtype(WF_TYPE(obj), e->type)) return e;
    }
    return NULL;
}

/* --- formats ------------------------------------------------------------------ */

/* The native size of struct format character c, or -1. */
static int native_size(char c) {
    switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return (int)sizeof(short);
    case 'i': case 'I': return (int)sizeof(int);
    case 'l': case 'L': return (int)sizeof(long);
    case 'q': case 'Q': return (int)sizeof(long long);
    case 'n': case 'N': return (int)sizeof(size_t);
    case 'f': return (int)sizeof(float);
    case 'd': return (int)sizeof(double);
    case 'P': return (int)sizeof(void *);
    }
    return -1;
}

/* fmt is "X" or "@X" with X a native format character: X, else 0. */
static char native_fmtchar(const char *fmt) {
    if (fmt[0] == '@') fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0' || native_size(fmt[0]) < 0) return 0;
    return fmt[0];
}

static int is_byte_format(char c) { return c == 'B' || c == 'b' || c == 'c'; }

/* The view's format without an '@' prefix (NULL + NotImplementedError when
 * it is not a single character). */
static const char *mv_fmt(memview *m) {
    const char *f = m->format[0] == '@' ? m->format + 1 : m->format;
    if (f[0] && f[1] == '\0') return f;
    wf_err_format(&wf_exc_NotImplementedError, "memoryview: unsupported format %s", m->format);
    return NULL;
}

static wf_object *format_not_supported(const char *fmt) {
    return wf_err_format(&wf_exc_NotImplementedError, "memoryview: format %s not supported", fmt);
}

/* The value of the item at p in format fmt (a new reference). */
static wf_object *unpack_item(const char *fmt, const char *p) {
#define LOAD(T) T v; memcpy(&v, p, sizeof v)
    switch (fmt[0]) {
    case 'B': return wf_int_from_i64(*(const unsigned char *)p);
    case 'b': return wf_int_from_i64(*(const signed char *)p);
    case 'c': return wf_bytes_from_data(p, 1);
    case '?': return wf_newref(wf_bool_from(*p != 0));
    case 'h': { LOAD(short); return wf_int_from_i64(v); }
    case 'H': { LOAD(unsigned short); return wf_int_from_i64(v); }
    case 'i': { LOAD(int); return wf_int_from_i64(v); }
    case 'I': { LOAD(unsigned int); return wf_int_from_i64(v); }
    case 'l': { LOAD(long); return wf_int_from_i64(v); }
    case 'L': { LOAD(unsigned long); return wf_int_from_u64(v); }
    case 'q': { LOAD(long long); return wf_int_from_i64(v); }
    case 'Q': { LOAD(unsigned long long); return wf_int_from_u64(v); }
    case 'n': { LOAD(wf_ssize_t); return wf_int_from_i64(v); }
    case 'N': { LOAD(size_t); return wf_int_from_u64(v); }
    case 'f': { LOAD(float); return wf_float_from_double(v); }
    case 'd': { LOAD(double); return wf_float_from_double(v); }
    case 'P': { LOAD(uintptr_t); return wf_int_from_u64(v); }
    }
#undef LOAD
    return format_not_supported(fmt);
}

static int invalid_type(const char *fmt) {
    wf_err_format(&wf_exc_TypeError, "memoryview: invalid type for format '%s'", fmt);
    return -1;
}

static int invalid_value(const char *fmt) {
    wf_err_format(&wf_exc_ValueError, "memoryview: invalid value for format '%s'", fmt);
    return -1;
}

/* A conversion failed: TypeError becomes "invalid type", OverflowError and
 * ValueError "invalid value"; others pass. */
static int fix_error(const char *fmt) {
    if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
        wf_err_clear();
        return invalid_type(fmt);
    }
    if (wf_err_matches((wf_object *)&wf_exc_OverflowError) ||
        wf_err_matches((wf_object *)&wf_exc_ValueError)) {
        wf_err_clear();
        return invalid_value(fmt);
    }
    return -1;
}

/* n (an int) as a uint64: 0, 1 when negative or >= 2**64, -1 + error. */
static int int_to_u64(wf_object *n, uint64_t *out) {
    if (wf_int_sign(n) < 0 || wf_int_bit_length(n) > 64) return 1;
    int ovf = 0;
    int64_t x = wf_int_as_i64_overflow(n, &ovf);
    if (!ovf) {
        *out = (uint64_t)x;
        return 0;
    }
    /* 2**63 <= n < 2**64 */
    wf_object *hi = wf_int_from_u64(UINT64_C(1) << 63);
    if (!hi) return -1;
    wf_object *low = wf_number_subtract(n, hi);
    wf_decref(hi);
    if (!low) return -1;
    x = wf_int_as_i64_overflow(low, &ovf);
    wf_decref(low);
    *out = (uint64_t)x | (UINT64_C(1) << 63);
    return 0;
}

/* Pack v as one item of format fmt into out (native size and order):
 * 0, or -1 with CPython's error. */
static int pack_item(const char *fmt, wf_object *v, char *out) {
#define STORE(T, x) do { T t_ = (T)(x); memcpy(out, &t_, sizeof t_); } while (0)
    char c = fmt[0];
    switch (c) {
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
        wf_object *n = wf_number_index(v);
        if (!n) return fix_error(fmt);
        int ovf = 0;
        int64_t x = wf_int_as_i64_overflow(n, &ovf);
        wf_decref(n);
        if (ovf) return invalid_value(fmt);
        switch (c) {
        case 'b':
            if (x < SCHAR_MIN || x > SCHAR_MAX) return invalid_value(fmt);
            STORE(signed char, x);
            break;
        case 'h':
            if (x < SHRT_MIN || x > SHRT_MAX) return invalid_value(fmt);
            STORE(short, x);
            break;
        case 'i':
            if (x < INT_MIN || x > INT_MAX) return invalid_value(fmt);
            STORE(int, x);
            break;
        case 'l':
            if (x < LONG_MIN || x > LONG_MAX) return invalid_value(fmt);
            STORE(long, x);
            break;
        case 'q': STORE(long long, x); break;
        default: STORE(wf_ssize_t, x); break;
        }
        return 0;
    }
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': {
        wf_object *n = wf_number_index(v);
        if (!n) return fix_error(fmt);
        uint64_t x = 0;
        int r = int_to_u64(n, &x);
        wf_decref(n);
        if (r < 0) return -1;
        if (r > 0) return invalid_value(fmt);
        switch (c) {
        case 'B':
            if (x > UCHAR_MAX) return invalid_value(fmt);
            STORE(unsigned char, x);
            break;
        case 'H':
            if (x > USHRT_MAX) return invalid_value(fmt);
            STORE(unsigned short, x);
            break;
        case 'I':
            if (x > UINT_MAX) return invalid_value(fmt);
            STORE(unsigned int, x);
            break;
        case 'L':
            if (x > ULONG_MAX) return invalid_value(fmt);
            STORE(unsigned long, x);
            break;
        case 'Q': STORE(unsigned long long, x); break;
        default: STORE(size_t, x); break;
        }
        return 0;
    }
    case 'f': case 'd': {
        double d = wf_float_as_double(v);
        if (d == -1.0 && wf_err_occurred()) return fix_error(fmt);
        if (c == 'f') STORE(float, d);
        else STORE(double, d);
        return 0;
    }
    case '?': {
        int t = wf_object_is_true(v);
        if (t < 0) return -1;
        out[0] = (char)(t != 0);
        return 0;
    }
    case 'c':
        if (!WF_BYTES_CHECK(v)) return invalid_type(fmt);
        if (WF_BYTES_SIZE(v) != 1) return invalid_value(fmt);
        out[0] = WF_BYTES_DATA(v)[0];
        return 0;
    case 'P': {
        /* ints only (no __index__); negative ones as a signed pointer-sized value */
        if (!WF_INT_CHECK(v)) return invalid_type(fmt);
        uint64_t x = 0;
        if (wf_int_sign(v) < 0) {
            int ovf = 0;
            int64_t s = wf_int_as_i64_overflow(v, &ovf);
            if (ovf) return invalid_value(fmt);
            x = (uint64_t)s;
        } else {
            int r = int_to_u64(v, &x);
            if (r < 0) return -1;
            if (r > 0 || x > UINTPTR_MAX) return invalid_value(fmt);
        }
        STORE(uintptr_t, x);
        return 0;
    }
    }
#undef STORE
    format_not_supported(fmt);
    return -1;
}

/* --- views and access to the exporter's memory ---------------------------------- */

static int mv_check_released(wf_object *o) {
    if (atomic_load_explicit(&MV(o)->released, memory_order_acquire)) {
        wf_err_set_string(&wf_exc_ValueError,
                          "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

static wf_object *index_error(int dim) {
    return wf_err_format(&wf_exc_IndexError, "index out of bounds on dimension %d", dim);
}

/* A new, unpublished view of obj with room for ndim dimensions (the
 * caller fills the rest and calls mv_init_flags). */
static memview *mv_alloc(wf_object *obj, const wfo_buffer_exporter *exp, int ndim) {
    memview *m = (memview *)wf_type_generic_alloc(&wf_memoryview_type, 0);
    if (!m) return NULL;
    atomic_store_explicit(&m->hash, -1, memory_order_relaxed);
    if (ndim > MV_INLINE_NDIM) {
        m->shape = wfm_malloc(sizeof(wf_ssize_t) * 2 * (size_t)ndim);
        if (!m->shape) {
            wf_decref((wf_object *)m);
            wf_err_no_memory();
            return NULL;
        }
    } else {
        m->shape = m->inline_dims;
    }
    m->strides = m->shape + ndim;
    m->obj = wf_newref(obj);
    m->exp = exp;
    m->ndim = ndim;
    return m;
}

static wf_ssize_t mv_nitems(const memview *m) {
    wf_ssize_t n = 1;
    for (int d = 0; d < m->ndim; d++) n *= m->shape[d];
    return n;
}

static wf_ssize_t mv_nbytes(const memview *m) { return mv_nitems(m) * m->itemsize; }

static void mv_init_flags(memview *m) {
    int f = 0;
    if (m->ndim == 0) {
        f = MV_C | MV_F;
    } else if (m->ndim == 1) {
        if (m->shape[0] == 1 || m->strides[0] == m->itemsize) f = MV_C | MV_F;
    } else if (mv_nitems(m) == 0) {
        f = MV_C | MV_F;
    } else {
        int c = 1, fo = 1;
        wf_ssize_t sd = m->itemsize;
        for (int d = m->ndim - 1; d >= 0; d--) {
            if (m->shape[d] > 1 && m->strides[d] != sd) c = 0;
            sd *= m->shape[d];
        }
        sd = m->itemsize;
        for (int d = 0; d < m->ndim; d++) {
            if (m->shape[d] > 1 && m->strides[d] != sd) fo = 0;
            sd *= m->shape[d];
        }
        f = (c ? MV_C : 0) | (fo ? MV_F : 0);
    }
    m->flags = f;
}

/* A published copy of src's view (readonly forced on when readonly). */
static wf_object *mv_copy(memview *src, int readonly) {
    memview *m = mv_alloc(src->obj, src->exp, src->ndim);
    if (!m) return NULL;
    m->base = src->base;
    m->itemsize = src->itemsize;
    memcpy(m->shape, src->shape, sizeof(wf_ssize_t) * (size_t)src->ndim);
    memcpy(m->strides, src->strides, sizeof(wf_ssize_t) * (size_t)src->ndim);
    m->readonly = src->readonly || readonly;
    m->flags = src->flags;
    memcpy(m->format, src->format, sizeof m->format);
    return (wf_object *)m;
}

/* Is the region dense in C order (fortran: first index fastest)? */
static int region_dense(int ndim, const wf_ssize_t *shape, const wf_ssize_t *strides,
                        wf_ssize_t itemsize, int fortran) {
    wf_ssize_t sd = itemsize;
    for (int j = 0; j < ndim; j++) {
        int d = fortran ? j : ndim - 1 - j;
        if (shape[d] > 1 && strides[d] != sd) return 0;
        sd *= shape[d];
    }
    return 1;
}

/* Copy the items of the region (first item at byte offset base; ndim,
 * shape, strides) of data[0..size) to buf (write == 0) or from buf into it,
 * buf holding them densely in C order (fortran: first index fastest).
 * -1 (nothing copied) when the region does not lie inside data. */
static int region_copy(char *data, wf_ssize_t size, wf_ssize_t base, wf_ssize_t itemsize,
                       int ndim, const wf_ssize_t *shape, const wf_ssize_t *strides,
                       char *buf, int write, int fortran) {
    wf_ssize_t n = 1, lo = base, hi = base;
    for (int d = 0; d < ndim; d++) {
        if (shape[d] == 0) return 0;
        n *= shape[d];
        wf_ssize_t ext = strides[d] * (shape[d] - 1);
        if (ext < 0) lo += ext;
        else hi += ext;
    }
    if (lo < 0 || hi > size - itemsize) return -1;
    if (region_dense(ndim, shape, strides, itemsize, fortran)) {
        if (write) memcpy(data + base, buf, (size_t)(n * itemsize));
        else memcpy(buf, data + base, (size_t)(n * itemsize));
        return 0;
    }
    wf_ssize_t idx[MV_MAX_NDIM];
    for (int d = 0; d < ndim; d++) idx[d] = 0;
    wf_ssize_t off = base;
    size_t isz = (size_t)itemsize;
    for (wf_ssize_t k = 0; k < n; k++) {
        if (write) memcpy(data + off, buf + (size_t)k * isz, isz);
        else memcpy(buf + (size_t)k * isz, data + off, isz);
        for (int j = 0; j < ndim; j++) {
            int d = fortran ? j : ndim - 1 - j;
            if (++idx[d] < shape[d]) {
                off += strides[d];
                break;
            }
            idx[d] = 0;
            off -= strides[d] * (shape[d] - 1);
        }
    }
    return 0;
}

/* region_copy on m's exporter's current memory: bytes directly, others
 * inside the exporter's critical section.  0, or -1 + IndexError when the
 * exporter has shrunk below the region. */
static int mv_transfer(memview *m, wf_ssize_t base, int ndim, const wf_ssize_t *shape,
                       const wf_ssize_t *strides, char *buf, int write, int fortran) {
    int r;
    if (WF_BYTES_CHECK(m->obj)) {
        r = region_copy(WF_BYTES_DATA(m->obj), WF_BYTES_SIZE(m->obj), base, m->itemsize, ndim,
                        shape, strides, buf, write, fortran);
    } else {
        WF_BEGIN_CRITICAL_SECTION(m->obj);
        char *data;
        wf_ssize_t size;
        if (m->exp) {
            data = m->exp->buffer(m->obj, &size);
        } else {
            wf_bytearray *ba = (wf_bytearray *)m->obj;
            size = atomic_load_explicit(&ba->ob_size, memory_order_relaxed);
            data = atomic_load_explicit(&ba->ob_bytes, memory_order_relaxed);
        }
        r = region_copy(data, size, base, m->itemsize, ndim, shape, strides, buf, write, fortran);
        WF_END_CRITICAL_SECTION();
    }
    if (r < 0) {
        index_error(1);
        return -1;
    }
    return 0;
}

/* The whole view's items as a new bytes, C order (fortran: Fortran order). */
static wf_object *mv_read_all(memview *m, int fortran) {
    wf_object *out = wf_bytes_from_data(NULL, mv_nbytes(m));
    if (!out) return NULL;
    if (mv_transfer(m, m->base, m->ndim, m->shape, m->strides, WF_BYTES_DATA(out), 0,
                    fortran) < 0) {
        wf_decref(out);
        return NULL;
    }
    return out;
}

/* The item at byte offset off, unpacked. */
static wf_object *mv_get_at(memview *m, const char *fmt, wf_ssize_t off) {
    char tmp[16];
    if (m->itemsize > (wf_ssize_t)sizeof tmp) return format_not_supported(fmt);
    if (mv_transfer(m, off, 0, NULL, NULL, tmp, 0, 0) < 0) return NULL;
    return unpack_item(fmt, tmp);
}

/* Pack v and store it at byte offset off. */
static int mv_set_at(memview *m, const char *fmt, wf_ssize_t off, wf_object *v) {
    char tmp[16];
    if (m->itemsize > (wf_ssize_t)sizeof tmp || native_size(fmt[0]) != m->itemsize) {
        format_not_supported(fmt);
        return -1;
    }
    if (pack_item(fmt, v, tmp) < 0) return -1;
    return mv_transfer(m, off, 0, NULL, NULL, tmp, 1, 0);
}

int wfo_is_memoryview(wf_object *o) { return IS_MV(o); }

wf_object *wfo_memoryview_bytes(wf_object *o) {
    if (mv_check_released(o) < 0) return NULL;
    return mv_read_all(MV(o), 0);
}

/* --- construction -------------------------------------------------------- */

/* A 1-D view of all of obj: "B" items of bytes/bytearray, the exporter's
 * items otherwise.  ctor selects the constructor's error message. */
static wf_object *mv_from_object(wf_object *obj, int ctor) {
    if (IS_MV(obj)) {
        if (mv_check_released(obj) < 0) return NULL;
        return mv_copy(MV(obj), 0);
    }
    const wfo_buffer_exporter *e = NULL;
    wf_ssize_t nbytes, itemsize = 1;
    const char *fmt = "B";
    int readonly = 0;
    if (WF_BYTES_CHECK(obj)) {
        nbytes = WF_BYTES_SIZE(obj);
        readonly = 1;
    } else if (WF_BYTEARRAY_CHECK(obj)) {
        nbytes = atomic_load_explicit(&((wf_bytearray *)obj)->ob_size, memory_order_acquire);
    } else if ((e = find_exporter(obj)) != NULL) {
        fmt = e->format(obj, &itemsize);
        WF_BEGIN_CRITICAL_SECTION(obj);
        (void)e->buffer(obj, &nbytes);
        WF_END_CRITICAL_SECTION();
    } else if (ctor) {
        return wf_err_format(&wf_exc_TypeError,
                             "memoryview: a bytes-like object is required, not '%.200s'",
                             wf_type_name(WF_TYPE(obj)));
    } else {
        return wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                             wf_type_name(WF_TYPE(obj)));
    }
    memview *m = mv_alloc(obj, e, 1);
    if (!m) return NULL;
    m->itemsize = itemsize;
    m->shape[0] = nbytes / itemsize;
    m->strides[0] = itemsize;
    m->readonly = readonly;
    snprintf(m->format, sizeof m->format, "%s", fmt);
    mv_init_flags(m);
    return (wf_object *)m;
}

static wf_object *mv_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                wf_object *kwnames) {
    (void)type;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 1)
        return wf_err_format(&wf_exc_TypeError, "memoryview() takes at most 1 argument (%zd given)",
                             nargs + nkw);
    if (nkw == 1) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, 0);
        if (!WF_STR_CHECK(k) || !wf_str_eq_cstr(k, "object")) nkw = 0;
    }
    if (nargs + nkw == 0)
        return wf_err_format(&wf_exc_TypeError,
                             "memoryview() missing required argument 'object' (pos 1)");
    return mv_from_object(args[0], 1);
}

static wf_object *mv_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    wf_ssize_t n = WF_TUPLE_SIZE(args), nk = kwargs ? wf_dict_size(kwargs) : 0;
    if (n + nk > 1)
        return wf_err_format(&wf_exc_TypeError, "memoryview() takes at most 1 argument (%zd given)",
                             n + nk);
    if (n == 1) return mv_from_object(WF_TUPLE_ITEM(args, 0), 1);
    if (nk == 1) {
        wf_object *v = NULL;
        int r = wf_dict_get_item_string_ref(kwargs, "object", &v);
        if (r < 0) return NULL;
        if (r > 0) {
            wf_object *m = mv_from_object(v, 1);
            wf_decref(v);
            return m;
        }
    }
    return wf_err_format(&wf_exc_TypeError,
                         "memoryview() missing required argument 'object' (pos 1)");
}

wf_object *wfo_buffer_bytes(wf_object *o) {
    if (IS_MV(o)) return wfo_memoryview_bytes(o);
    if (WF_BYTES_CHECK(o) || WF_BYTEARRAY_CHECK(o) || find_exporter(o)) {
        wf_object *m = mv_from_object(o, 0);
        if (!m) return NULL;
        wf_object *b = mv_read_all(MV(m), 0);
        wf_decref(m);
        return b;
    }
    return NULL;
}

/* --- sequence and mapping ------------------------------------------------- */

static wf_ssize_t mv_length(wf_object *o) {
    if (mv_check_released(o) < 0) return -1;
    return MV(o)->ndim == 0 ? 1 : MV(o)->shape[0];
}

/* Add index i of dimension d to *off (negative i counts from the end). */
static int lookup_dim(memview *m, int d, wf_ssize_t i, wf_ssize_t *off) {
    if (i < 0) i += m->shape[d];
    if (i < 0 || i >= m->shape[d]) {
        index_error(d + 1);
        return -1;
    }
    *off += m->strides[d] * i;
    return 0;
}

static wf_object *mv_item(wf_object *o, wf_ssize_t i) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return NULL;
    const char *fmt = mv_fmt(m);
    if (!fmt) return NULL;
    if (m->ndim == 0)
        return wf_err_format(&wf_exc_TypeError, "invalid indexing of 0-dim memory");
    if (m->ndim > 1)
        return wf_err_format(&wf_exc_NotImplementedError,
                             "multi-dimensional sub-views are not implemented");
    wf_ssize_t off = m->base;
    if (lookup_dim(m, 0, i, &off) < 0) return NULL;
    return mv_get_at(m, fmt, off);
}

/* A tuple whose items all support __index__ (the empty tuple too). */
static int is_multiindex(wf_object *key) {
    if (!WF_TUPLE_CHECK(key)) return 0;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(key); i++)
        if (!wf_index_check(WF_TUPLE_ITEM(key, i))) return 0;
    return 1;
}

/* A non-empty tuple of slices. */
static int is_multislice(wf_object *key) {
    if (!WF_TUPLE_CHECK(key) || WF_TUPLE_SIZE(key) == 0) return 0;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(key); i++)
        if (!WF_SLICE_CHECK(WF_TUPLE_ITEM(key, i))) return 0;
    return 1;
}

/* The byte offset of the item a full index tuple selects. */
static int offset_from_tuple(memview *m, wf_object *key, wf_ssize_t *off) {
    wf_ssize_t n = WF_TUPLE_SIZE(key);
    if (n > m->ndim) {
        wf_err_format(&wf_exc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                      m->ndim, n);
        return -1;
    }
    *off = m->base;
    for (wf_ssize_t d = 0; d < n; d++) {
        wf_ssize_t i = wf_number_as_ssize_t(WF_TUPLE_ITEM(key, d), &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return -1;
        if (lookup_dim(m, (int)d, i, off) < 0) return -1;
    }
    return 0;
}

static wf_object *mv_subscript(wf_object *o, wf_object *key) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return NULL;
    if (m->ndim == 0) {
        if (key == wf_Ellipsis) return wf_newref(o);
        if (WF_TUPLE_CHECK(key) && WF_TUPLE_SIZE(key) == 0) {
            const char *fmt = mv_fmt(m);
            return fmt ? mv_get_at(m, fmt, m->base) : NULL;
        }
        return wf_err_format(&wf_exc_TypeError, "invalid indexing of 0-dim memory");
    }
    if (wf_index_check(key)) {
        wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return NULL;
        return mv_item(o, i);
    }
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize_t n = wf_slice_adjust_indices(m->shape[0], &start, &stop, step);
        memview *s = (memview *)mv_copy(m, 0);
        if (!s) return NULL;
        s->base = m->base + m->strides[0] * start;
        s->shape[0] = n;
        s->strides[0] = m->strides[0] * step;
        mv_init_flags(s);
        return (wf_object *)s;
    }
    if (is_multiindex(key)) {
        const char *fmt = mv_fmt(m);
        if (!fmt) return NULL;
        if (WF_TUPLE_SIZE(key) < m->ndim)
            return wf_err_format(&wf_exc_NotImplementedError, "sub-views are not implemented");
        wf_ssize_t off;
        if (offset_from_tuple(m, key, &off) < 0) return NULL;
        return mv_get_at(m, fmt, off);
    }
    if (is_multislice(key))
        return wf_err_format(&wf_exc_NotImplementedError,
                             "multi-dimensional slicing is not implemented");
    return wf_err_format(&wf_exc_TypeError, "memoryview: invalid slice key");
}

/* Do two views have the same number of dimensions and extents? */
static int equiv_shape(const memview *a, const memview *b) {
    if (a->ndim != b->ndim) return 0;
    for (int d = 0; d < a->ndim; d++) {
        if (a->shape[d] != b->shape[d]) return 0;
        if (a->shape[d] == 0) break;
    }
    return 1;
}

/* m[key] = value with key a slice of a 1-D view. */
static int mv_assign_slice(memview *m, wf_object *key, wf_object *value) {
    wf_object *src = mv_from_object(value, 0);
    if (!src) return -1;
    int r = -1;
    wf_ssize_t start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) goto done;
    wf_ssize_t n = wf_slice_adjust_indices(m->shape[0], &start, &stop, step);
    memview *s = MV(src);
    const char *df = m->format[0] == '@' ? m->format + 1 : m->format;
    const char *sf = s->format[0] == '@' ? s->format + 1 : s->format;
    if (strcmp(df, sf) != 0 || m->itemsize != s->itemsize || s->ndim != 1 || s->shape[0] != n) {
        wf_err_set_string(&wf_exc_ValueError,
                          "memoryview assignment: lvalue and rvalue have different structures");
        goto done;
    }
    wf_object *data = mv_read_all(s, 0);
    if (!data) goto done;
    wf_ssize_t stride = m->strides[0] * step;
    r = mv_transfer(m, m->base + m->strides[0] * start, 1, &n, &stride, WF_BYTES_DATA(data), 1, 0);
    wf_decref(data);
done:
    wf_decref(src);
    return r;
}

static int mv_ass_subscript(wf_object *o, wf_object *key, wf_object *value) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return -1;
    const char *fmt = mv_fmt(m);
    if (!fmt) return -1;
    if (m->readonly) {
        wf_err_set_string(&wf_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (m->ndim == 0) {
        if (key == wf_Ellipsis || (WF_TUPLE_CHECK(key) && WF_TUPLE_SIZE(key) == 0))
            return mv_set_at(m, fmt, m->base, value);
        wf_err_set_string(&wf_exc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (wf_index_check(key)) {
        if (m->ndim > 1) {
            wf_err_set_string(&wf_exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return -1;
        wf_ssize_t off = m->base;
        if (lookup_dim(m, 0, i, &off) < 0) return -1;
        return mv_set_at(m, fmt, off, value);
    }
    if (WF_SLICE_CHECK(key) && m->ndim == 1) return mv_assign_slice(m, key, value);
    if (is_multiindex(key)) {
        if (WF_TUPLE_SIZE(key) < m->ndim) {
            wf_err_set_string(&wf_exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        wf_ssize_t off;
        if (offset_from_tuple(m, key, &off) < 0) return -1;
        return mv_set_at(m, fmt, off, value);
    }
    if (WF_SLICE_CHECK(key) || is_multislice(key)) {
        wf_err_set_string(&wf_exc_NotImplementedError,
                          "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    wf_err_set_string(&wf_exc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static wf_sequence_methods mv_as_sequence = {
    .sq_length = mv_length,
    .sq_item = mv_item,
};

static wf_mapping_methods mv_as_mapping = {
    .mp_length = mv_length,
    .mp_subscript = mv_subscript,
    .mp_ass_subscript = mv_ass_subscript,
};

/* --- comparison, hash, repr ---------------------------------------------- */

/* Item-by-item equality of two views of equivalent shape: 1, 0, -1 + error.
 * Equal native formats compare the C values (floats as doubles, so NaN is
 * unequal to itself; others bytewise); different formats compare the
 * unpacked Python values; a non-native format is never equal. */
static int mv_equal(memview *a, memview *b) {
    if (!equiv_shape(a, b)) return 0;
    char fa = native_fmtchar(a->format), fb = native_fmtchar(b->format);
    if (!fa || !fb) return 0;
    wf_object *x = mv_read_all(a, 0);
    if (!x) return -1;
    wf_object *y = mv_read_all(b, 0);
    if (!y) {
        wf_decref(x);
        return -1;
    }
    wf_ssize_t n = mv_nitems(a);
    const char *px = WF_BYTES_DATA(x), *py = WF_BYTES_DATA(y);
    int eq = 1;
    if (fa == fb && fa != 'f' && fa != 'd') {
        eq = memcmp(px, py, (size_t)(n * a->itemsize)) == 0;
    } else if (fa == fb) {
        for (wf_ssize_t i = 0; i < n && eq; i++) {
            if (fa == 'f') {
                float u, v;
                memcpy(&u, px + i * 4, 4);
                memcpy(&v, py + i * 4, 4);
                eq = u == v;
            } else {
                double u, v;
                memcpy(&u, px + i * 8, 8);
                memcpy(&v, py + i * 8, 8);
                eq = u == v;
            }
        }
    } else {
        char sa[2] = {fa, 0}, sb[2] = {fb, 0};
        for (wf_ssize_t i = 0; i < n && eq == 1; i++) {
            wf_object *u = unpack_item(sa, px + i * a->itemsize);
            wf_object *v = u ? unpack_item(sb, py + i * b->itemsize) : NULL;
            eq = v ? wf_object_rich_compare_bool(u, v, WF_EQ) : -1;
            if (u) wf_decref(u);
            if (v) wf_decref(v);
        }
    }
    wf_decref(x);
    wf_decref(y);
    return eq;
}

static wf_object *mv_richcompare(wf_object *a, wf_object *b, int op) {
    if (op != WF_EQ && op != WF_NE) return wf_newref(wf_NotImplemented);
    int equal;
    if (atomic_load(&MV(a)->released) || (IS_MV(b) && atomic_load(&MV(b)->released))) {
        equal = a == b;
    } else {
        wf_object *w = IS_MV(b) ? wf_newref(b) : mv_from_object(b, 0);
        if (!w) {
            wf_err_clear();
            return wf_newref(wf_NotImplemented);
        }
        equal = mv_equal(MV(a), MV(w));
        wf_decref(w);
        if (equal < 0) return NULL;
    }
    return wf_newref(wf_bool_from(op == WF_EQ ? equal : !equal));
}

static wf_hash_t mv_hash(wf_object *o) {
    memview *m = MV(o);
    wf_hash_t h = atomic_load_explicit(&m->hash, memory_order_relaxed);
    if (h != -1) return h;
    if (mv_check_released(o) < 0) return -1;
    if (!m->readonly) {
        wf_err_set_string(&wf_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    char f = native_fmtchar(m->format);
    if (!f || !is_byte_format(f)) {
        wf_err_set_string(&wf_exc_ValueError,
                          "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (wf_object_hash(m->obj) == -1) return -1;
    wf_object *b = mv_read_all(m, 0);
    if (!b) return -1;
    h = wf_object_hash(b);
    wf_decref(b);
    if (h != -1) atomic_store_explicit(&m->hash, h, memory_order_relaxed);
    return h;
}

static wf_object *mv_repr(wf_object *o) {
    if (atomic_load(&MV(o)->released))
        return wf_str_from_format("<released memory at %p>", (void *)o);
    return wf_str_from_format("<memory at %p>", (void *)o);
}

static wf_object *mv_iter(wf_object *o) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return NULL;
    if (m->ndim == 0) return wf_err_format(&wf_exc_TypeError, "invalid indexing of 0-dim memory");
    if (m->ndim != 1)
        return wf_err_format(&wf_exc_NotImplementedError,
                             "multi-dimensional sub-views are not implemented");
    if (!mv_fmt(m)) return NULL;
    return wf_seqiter_new(o);
}

/* --- methods and attributes ------------------------------------------------ */

/* Argument-clinic style parsing of up to max positional-or-keyword
 * parameters names[] of fname(), the first `required` of them mandatory;
 * out[] gets borrowed values or NULL. */
static int parse_args(const char *fname, wf_object *const *args, wf_ssize_t nargs,
                      wf_object *kwnames, const char *const *names, int max, int required,
                      wf_object **out) {
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (int i = 0; i < max; i++) out[i] = NULL;
    if (nargs + nkw > max) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname,
                      max, max == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) out[i] = args[i];
    int bad = 0;
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *key = WF_TUPLE_ITEM(kwnames, k);
        int j = 0;
        while (j < max && !(WF_STR_CHECK(key) && wf_str_eq_cstr(key, names[j]))) j++;
        if (j == max || out[j]) bad = 1;
        else out[j] = args[nargs + k];
    }
    for (int i = 0; i < required; i++)
        if (!out[i]) {
            wf_err_format(&wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                          fname, names[i], i + 1);
            return -1;
        }
    if (bad)
        for (wf_ssize_t k = 0; k < nkw; k++) {
            wf_object *key = WF_TUPLE_ITEM(kwnames, k);
            for (int j = 0; j < max; j++)
                if (WF_STR_CHECK(key) && wf_str_eq_cstr(key, names[j])) {
                    if (j < nargs) {
                        wf_err_format(&wf_exc_TypeError,
                                      "argument for %s() given by name ('%s') and position (%d)",
                                      fname, names[j], j + 1);
                        return -1;
                    }
                    goto next;
                }
            wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        next:;
        }
    return 0;
}

static wf_object *mv_tobytes(wf_object *o, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    static const char *const names[] = {"order"};
    wf_object *order;
    if (parse_args("tobytes", args, nargs, kwnames, names, 1, 0, &order) < 0) return NULL;
    if (order == wf_None) order = NULL;
    if (order && !WF_STR_CHECK(order))
        return wf_err_format(&wf_exc_TypeError,
                             "tobytes() argument 'order' must be str or None, not %.50s",
                             wf_type_name(WF_TYPE(order)));
    if (mv_check_released(o) < 0) return NULL;
    memview *m = MV(o);
    int fortran = 0;
    if (order) {
        if (wf_str_eq_cstr(order, "F")) fortran = 1;
        else if (wf_str_eq_cstr(order, "A")) fortran = !(m->flags & MV_C) && (m->flags & MV_F);
        else if (!wf_str_eq_cstr(order, "C"))
            return wf_err_format(&wf_exc_ValueError, "order must be 'C', 'F' or 'A'");
    }
    return mv_read_all(m, fortran);
}

/* Set l[i] = v and drop v (a new reference; NULL propagates). */
static int list_put(wf_object *l, wf_ssize_t i, wf_object *v) {
    if (!v) return -1;
    int r = wf_list_set_item(l, i, v);
    wf_decref(v);
    return r;
}

/* Nested lists of the dense C-order items at *pp (advanced past them). */
static wf_object *tolist_rec(const char *fmt, const char **pp, int ndim, const wf_ssize_t *shape,
                             wf_ssize_t itemsize) {
    wf_object *l = wf_list_new(shape[0]);
    if (!l) return NULL;
    for (wf_ssize_t i = 0; i < shape[0]; i++) {
        wf_object *v;
        if (ndim == 1) {
            v = unpack_item(fmt, *pp);
            *pp += itemsize;
        } else {
            v = tolist_rec(fmt, pp, ndim - 1, shape + 1, itemsize);
        }
        if (list_put(l, i, v) < 0) {
            wf_decref(l);
            return NULL;
        }
    }
    return l;
}

static wf_object *mv_tolist(wf_object *o, wf_object *unused) {
    (void)unused;
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return NULL;
    const char *fmt = mv_fmt(m);
    if (!fmt) return NULL;
    if (m->ndim == 0) return mv_get_at(m, fmt, m->base);
    wf_object *b = mv_read_all(m, 0);
    if (!b) return NULL;
    const char *p = WF_BYTES_DATA(b);
    wf_object *l = tolist_rec(fmt, &p, m->ndim, m->shape, m->itemsize);
    wf_decref(b);
    return l;
}

static wf_object *mv_hex(wf_object *o, wf_object *const *args, wf_ssize_t nargs,
                         wf_object *kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    wf_object *a[2];
    if (parse_args("hex", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
    if (mv_check_released(o) < 0) return NULL;
    wf_object *b = mv_read_all(MV(o), 0);
    if (!b) return NULL;
    /* bytes.hex checks the values and formats */
    wf_object *pos[2];
    wf_ssize_t n = 0;
    wf_object *kw = NULL;
    if (a[0]) pos[n++] = a[0];
    if (a[1]) {
        pos[n++] = a[1];
        if (!a[0]) kw = wf_tuple_pack(1, wf_str_intern_cstr("bytes_per_sep"));
    }
    wf_object *meth = (!a[1] || a[0] || kw) ? wf_object_getattr_string(b, "hex") : NULL;
    wf_decref(b);
    wf_object *r = meth ? wf_object_vectorcall(meth, pos, (size_t)(kw ? 0 : n), kw) : NULL;
    if (meth) wf_decref(meth);
    if (kw) wf_decref(kw);
    return r;
}

static int zero_in_shape(const memview *m) {
    for (int d = 0; d < m->ndim; d++)
        if (m->shape[d] == 0) return 1;
    return 0;
}

static wf_object *mv_cast(wf_object *o, wf_object *const *args, wf_ssize_t nargs,
                          wf_object *kwnames) {
    static const char *const names[] = {"format", "shape"};
    wf_object *a[2];
    if (parse_args("cast", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
    if (!WF_STR_CHECK(a[0]))
        return wf_err_format(&wf_exc_TypeError, "cast() argument 'format' must be str, not %.50s",
                             wf_type_name(WF_TYPE(a[0])));
    if (mv_check_released(o) < 0) return NULL;
    memview *m = MV(o);
    if (!(m->flags & MV_C))
        return wf_err_format(&wf_exc_TypeError,
                             "memoryview: casts are restricted to C-contiguous views");
    wf_object *shape = a[1];
    if ((shape || m->ndim != 1) && zero_in_shape(m))
        return wf_err_format(&wf_exc_TypeError,
                             "memoryview: cannot cast view with zeros in shape or strides");
    wf_object *shp = NULL;
    wf_ssize_t ndim = 1;
    if (shape) {
        if (!WF_LIST_CHECK(shape) && !WF_TUPLE_CHECK(shape))
            return wf_err_format(&wf_exc_TypeError, "shape must be a list or a tuple");
        shp = WF_TUPLE_CHECK(shape) ? wf_newref(shape) : wf_list_as_tuple(shape);
        if (!shp) return NULL;
        ndim = WF_TUPLE_SIZE(shp);
        const char *err = NULL;
        wf_type *et = &wf_exc_TypeError;
        if (ndim > MV_MAX_NDIM) {
            err = "memoryview: number of dimensions must not exceed 64";
            et = &wf_exc_ValueError;
        } else if (m->ndim != 1 && ndim != 1) {
            err = "memoryview: cast must be 1D -> ND or ND -> 1D";
        }
        if (err) {
            wf_decref(shp);
            wf_err_set_string(et, err);
            return NULL;
        }
    }
    /* the destination format: a native one with an optional '@' */
    wf_object *res = NULL;
    wf_object *ascii = wf_str_encode(a[0], "ascii", "strict");
    if (!ascii) goto done;
    const char *fs = WF_BYTES_DATA(ascii);
    char dest = native_fmtchar(fs); /* as a C string: up to a NUL, as CPython */
    if (!dest) {
        wf_err_set_string(&wf_exc_ValueError,
                          "memoryview: destination format must be a native single character "
                          "format prefixed with an optional '@'");
        goto done;
    }
    char src = native_fmtchar(m->format);
    if ((!src || !is_byte_format(src)) && !is_byte_format(dest)) {
        wf_err_set_string(&wf_exc_TypeError,
                          "memoryview: cannot cast between two non-byte formats");
        goto done;
    }
    wf_ssize_t itemsize = native_size(dest), nbytes = mv_nbytes(m);
    if (nbytes % itemsize) {
        wf_err_set_string(&wf_exc_TypeError, "memoryview: length is not a multiple of itemsize");
        goto done;
    }
    wf_ssize_t dims[MV_MAX_NDIM];
    if (shp) {
        wf_ssize_t len = itemsize;
        for (wf_ssize_t i = 0; i < ndim; i++) {
            wf_object *x = WF_TUPLE_ITEM(shp, i);
            if (!WF_INT_CHECK(x)) {
                wf_err_set_string(&wf_exc_TypeError,
                                  "memoryview.cast(): elements of shape must be integers");
                goto done;
            }
            wf_ssize_t v = wf_int_as_ssize(x);
            if (v == -1 && wf_err_occurred()) goto done;
            if (v <= 0) {
                wf_err_set_string(&wf_exc_ValueError,
                                  "memoryview.cast(): elements of shape must be integers > 0");
                goto done;
            }
            if (v > WF_SSIZE_MAX / len) {
                wf_err_set_string(&wf_exc_ValueError,
                                  "memoryview.cast(): product(shape) > SSIZE_MAX");
                goto done;
            }
            len *= v;
            dims[i] = v;
        }
        if (len != nbytes) {
            wf_err_set_string(&wf_exc_TypeError,
                              "memoryview: product(shape) * itemsize != buffer size");
            goto done;
        }
    } else {
        dims[0] = nbytes / itemsize;
    }
    memview *c = mv_alloc(m->obj, m->exp, (int)ndim);
    if (!c) goto done;
    c->base = m->base;
    c->itemsize = itemsize;
    c->readonly = m->readonly;
    snprintf(c->format, sizeof c->format, "%s", fs);
    wf_ssize_t sd = itemsize;
    for (wf_ssize_t d = ndim - 1; d >= 0; d--) {
        c->shape[d] = dims[d];
        c->strides[d] = sd;
        sd *= dims[d];
    }
    mv_init_flags(c);
    res = (wf_object *)c;
done:
    if (ascii) wf_decref(ascii);
    if (shp) wf_decref(shp);
    return res;
}

static wf_object *mv_release(wf_object *o, wf_object *unused) {
    (void)unused;
    atomic_store_explicit(&MV(o)->released, 1, memory_order_release);
    return wf_newref(wf_None);
}

static wf_object *mv_enter(wf_object *o, wf_object *unused) {
    (void)unused;
    if (mv_check_released(o) < 0) return NULL;
    return wf_newref(o);
}

static wf_object *mv_exit(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    (void)args;
    (void)nargs;
    return mv_release(o, NULL);
}

static wf_object *mv_toreadonly(wf_object *o, wf_object *unused) {
    (void)unused;
    if (mv_check_released(o) < 0) return NULL;
    return mv_copy(MV(o), 1);
}

static wf_method_def mv_methods[] = {
    {"cast", (void *)mv_cast, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Cast a memoryview to a new format or shape."},
    {"tobytes", (void *)mv_tobytes, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return the data in the buffer as a byte string."},
    {"tolist", (void *)mv_tolist, WF_METH_NOARGS,
     "Return the data in the buffer as a list of elements."},
    {"hex", (void *)mv_hex, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return the data in the buffer as a str of hex digits."},
    {"release", (void *)mv_release, WF_METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"toreadonly", (void *)mv_toreadonly, WF_METH_NOARGS,
     "Return a readonly version of the memoryview."},
    {"__enter__", (void *)mv_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)mv_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

/* A tuple of n ssize values. */
static wf_object *ssize_tuple(const wf_ssize_t *v, int n) {
    wf_object *t = wf_tuple_new(n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        wf_object *x = wf_int_from_ssize(v[i]);
        if (!x) {
            wf_decref(t);
            return NULL;
        }
        ((wf_tuple *)t)->ob_item[i] = x;
    }
    return t;
}

#define MV_GETTER(name, expr)                                   \
    static wf_object *mv_get_##name(wf_object *o, void *c) {    \
        (void)c;                                                \
        if (mv_check_released(o) < 0) return NULL;              \
        memview *m = MV(o);                                     \
        (void)m;                                                \
        return expr;                                            \
    }
MV_GETTER(obj, wf_newref(m->obj))
MV_GETTER(nbytes, wf_int_from_ssize(mv_nbytes(m)))
MV_GETTER(readonly, wf_newref(wf_bool_from(m->readonly)))
MV_GETTER(itemsize, wf_int_from_ssize(m->itemsize))
MV_GETTER(format, wf_str_from_cstr(m->format))
MV_GETTER(ndim, wf_int_from_i64(m->ndim))
MV_GETTER(shape, ssize_tuple(m->shape, m->ndim))
MV_GETTER(strides, ssize_tuple(m->strides, m->ndim))
MV_GETTER(suboffsets, wf_tuple_new(0))
MV_GETTER(c_contiguous, wf_newref(wf_bool_from(m->flags & MV_C)))
MV_GETTER(f_contiguous, wf_newref(wf_bool_from(m->flags & MV_F)))
MV_GETTER(contiguous, wf_newref(wf_bool_from(m->flags != 0)))
#undef MV_GETTER

static wf_getset_def mv_getset[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", mv_get_nbytes, NULL, NULL, NULL},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", mv_get_itemsize, NULL, NULL, NULL},
    {"format", mv_get_format, NULL, NULL, NULL},
    {"ndim", mv_get_ndim, NULL, NULL, NULL},
    {"shape", mv_get_shape, NULL, NULL, NULL},
    {"strides", mv_get_strides, NULL, NULL, NULL},
    {"suboffsets", mv_get_suboffsets, NULL, NULL, NULL},
    {"c_contiguous", mv_get_c_contiguous, NULL, NULL, NULL},
    {"f_contiguous", mv_get_f_contiguous, NULL, NULL, NULL},
    {"contiguous", mv_get_contiguous, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int mv_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return MV(o)->obj ? visit(MV(o)->obj, arg) : 0;
}

static void mv_dealloc(wf_object *o) {
    memview *m = MV(o);
    WF_CLEAR(m->obj);
    if (m->shape && m->shape != m->inline_dims) wfm_free(m->shape);
    m->shape = m->strides = NULL;
    wfo_free_instance(o);
}

wf_type wf_memoryview_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(memview),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = mv_dealloc,
    .tp_traverse = mv_traverse,
    .tp_repr = mv_repr,
    .tp_hash = mv_hash,
    .tp_richcompare = mv_richcompare,
    .tp_iter = mv_iter,
    .tp_new = mv_tp_new,
    .tp_vectorcall = mv_vectorcall,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
    .tp_doc = "Create a new memoryview object which references the given object.",
};
