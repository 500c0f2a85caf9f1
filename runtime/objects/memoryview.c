/*
 * runtime/objects/memoryview.c — a basic `memoryview`: one-dimensional
 * views with format 'B' over bytes and bytearray (and over other
 * memoryviews, which view the same object).
 *
 * There is no buffer protocol yet: a view is (exporter, start, length,
 * step) and reads the exporter's bytes at access time.  Over bytes (whose
 * contents never change) that is a plain read; over a bytearray every
 * access runs inside the bytearray's critical section and reads its
 * current buffer, checking the bounds against its current size, because
 * bytearray does not refuse to resize while views exist (CPython raises
 * BufferError there; here an access beyond the shrunken end raises
 * IndexError instead of reading freed memory).
 *
 * Invariants: obj, start, len, step and readonly never change after
 * creation (obj is kept until dealloc, also after release()); `released`
 * only goes 0 -> 1 (atomic) and every operation but repr/release/__exit__
 * checks it first; `hash` is -1 or the cached hash (atomic; idempotent).
 */
#include "runtime/objects/bytes_impl.h"

typedef struct {
    wf_object ob_base;
    wf_object *obj;              /* bytes or bytearray; immutable */
    wf_ssize_t start, len, step; /* the viewed indices: start + i*step, i < len */
    int readonly;                /* immutable */
    _Atomic int released;
    _Atomic wf_hash_t hash;
} memview;

extern wf_type wf_memoryview_type;
#define MV(o) ((memview *)(o))

static wf_object *mv_make(wf_type *type, wf_object *obj, wf_ssize_t start, wf_ssize_t len,
                          wf_ssize_t step, int readonly) {
    memview *m = (memview *)wf_type_generic_alloc(type, 0);
    if (!m) return NULL;
    m->obj = wf_newref(obj);
    m->start = start;
    m->len = len;
    m->step = step;
    m->readonly = readonly;
    atomic_store_explicit(&m->hash, -1, memory_order_relaxed);
    return (wf_object *)m;
}

static int mv_check_released(wf_object *o) {
    if (atomic_load_explicit(&MV(o)->released, memory_order_acquire)) {
        wf_err_set_string(&wf_exc_ValueError,
                          "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

static wf_object *index_error(void) {
    return wf_err_format(&wf_exc_IndexError, "index out of bounds on dimension 1");
}

/* The viewed bytes as a new bytes object (NULL + error). */
static wf_object *mv_snapshot(wf_object *o) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return NULL;
    wf_object *out = wf_bytes_from_data(NULL, m->len);
    if (!out) return NULL;
    char *dst = WF_BYTES_DATA(out);
    int bad = 0;
    if (WF_BYTES_CHECK(m->obj)) {
        const char *src = WF_BYTES_DATA(m->obj);
        for (wf_ssize_t i = 0; i < m->len; i++) dst[i] = src[m->start + i * m->step];
    } else {
        wf_bytearray *ba = (wf_bytearray *)m->obj;
        WF_BEGIN_CRITICAL_SECTION(m->obj);
        wf_ssize_t size = atomic_load_explicit(&ba->ob_size, memory_order_relaxed);
        const char *src = atomic_load_explicit(&ba->ob_bytes, memory_order_relaxed);
        for (wf_ssize_t i = 0; i < m->len && !bad; i++) {
            wf_ssize_t k = m->start + i * m->step;
            if (k >= size) bad = 1;
            else dst[i] = src[k];
        }
        WF_END_CRITICAL_SECTION();
    }
    if (bad) {
        wf_decref(out);
        return index_error();
    }
    return out;
}

/* Byte i (0 <= i < len) of the view: 0..255, or -1 + IndexError. */
static int mv_byte(memview *m, wf_ssize_t i) {
    wf_ssize_t k = m->start + i * m->step;
    if (WF_BYTES_CHECK(m->obj)) return (unsigned char)WF_BYTES_DATA(m->obj)[k];
    wf_bytearray *ba = (wf_bytearray *)m->obj;
    int r = -1;
    WF_BEGIN_CRITICAL_SECTION(m->obj);
    if (k < atomic_load_explicit(&ba->ob_size, memory_order_relaxed))
        r = (unsigned char)atomic_load_explicit(&ba->ob_bytes, memory_order_relaxed)[k];
    WF_END_CRITICAL_SECTION();
    if (r < 0) index_error();
    return r;
}

int wfo_is_memoryview(wf_object *o) {
    return WF_TYPE(o) == &wf_memoryview_type || wf_type_is_subtype(WF_TYPE(o), &wf_memoryview_type);
}

wf_object *wfo_memoryview_bytes(wf_object *o) { return mv_snapshot(o); }

/* --- construction -------------------------------------------------------- */

static wf_object *mv_from_object(wf_type *type, wf_object *obj) {
    if (WF_TYPE(obj) == &wf_memoryview_type ||
        wf_type_is_subtype(WF_TYPE(obj), &wf_memoryview_type)) {
        if (mv_check_released(obj) < 0) return NULL;
        memview *s = MV(obj);
        return mv_make(type, s->obj, s->start, s->len, s->step, s->readonly);
    }
    if (WF_BYTES_CHECK(obj)) return mv_make(type, obj, 0, WF_BYTES_SIZE(obj), 1, 1);
    if (WF_BYTEARRAY_CHECK(obj)) {
        wf_ssize_t n = atomic_load_explicit(&((wf_bytearray *)obj)->ob_size, memory_order_acquire);
        return mv_make(type, obj, 0, n, 1, 0);
    }
    return wf_err_format(&wf_exc_TypeError,
                         "memoryview: a bytes-like object is required, not '%.200s'",
                         wf_type_name(WF_TYPE(obj)));
}

static wf_object *mv_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                wf_object *kwnames) {
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
    return mv_from_object((wf_type *)type, args[0]);
}

static wf_object *mv_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args), nk = kwargs ? wf_dict_size(kwargs) : 0;
    if (n + nk > 1)
        return wf_err_format(&wf_exc_TypeError, "memoryview() takes at most 1 argument (%zd given)",
                             n + nk);
    if (n == 1) return mv_from_object(type, WF_TUPLE_ITEM(args, 0));
    if (nk == 1) {
        wf_object *v = NULL;
        int r = wf_dict_get_item_string_ref(kwargs, "object", &v);
        if (r < 0) return NULL;
        if (r > 0) {
                wf_object *m = mv_from_object(type, v);
            wf_decref(v);
            return m;
        }
    }
    return wf_err_format(&wf_exc_TypeError,
                         "memoryview() missing required argument 'object' (pos 1)");
}

/* --- sequence and mapping ------------------------------------------------- */

static wf_ssize_t mv_length(wf_object *o) {
    if (mv_check_released(o) < 0) return -1;
    return MV(o)->len;
}

static wf_object *mv_item(wf_object *o, wf_ssize_t i) {
    if (mv_check_released(o) < 0) return NULL;
    if (i < 0 || i >= MV(o)->len) return index_error();
    int b = mv_byte(MV(o), i);
    return b < 0 ? NULL : wf_int_from_i64(b);
}

static wf_object *mv_subscript(wf_object *o, wf_object *key) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return NULL;
    if (wf_index_check(key)) {
        wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return NULL;
        if (i < 0) i += m->len;
        return mv_item(o, i);
    }
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize_t n = wf_slice_adjust_indices(m->len, &start, &stop, step);
        return mv_make(WF_TYPE(o), m->obj, m->start + start * m->step, n, m->step * step,
                       m->readonly);
    }
    return wf_err_format(&wf_exc_TypeError, "memoryview: invalid slice key");
}

/* A byte value for format 'B': 0..255, or -1 with the error set. */
static int byte_value(wf_object *v) {
    if (!WF_INT_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "memoryview: invalid type for format 'B'");
        return -1;
    }
    int overflow = 0;
    int64_t x = wf_int_as_i64_overflow(v, &overflow);
    if (overflow || x < 0 || x > 255) {
        wf_err_set_string(&wf_exc_ValueError, "memoryview: invalid value for format 'B'");
        return -1;
    }
    return (int)x;
}

/* Store bytes src[0..n) at view positions first, first+step, ... */
static int mv_store(memview *m, wf_ssize_t first, wf_ssize_t step, const char *src, wf_ssize_t n) {
    wf_bytearray *ba = (wf_bytearray *)m->obj;
    int bad = 0;
    WF_BEGIN_CRITICAL_SECTION(m->obj);
    wf_ssize_t size = atomic_load_explicit(&ba->ob_size, memory_order_relaxed);
    char *dst = atomic_load_explicit(&ba->ob_bytes, memory_order_relaxed);
    for (wf_ssize_t i = 0; i < n && !bad; i++) {
        wf_ssize_t k = m->start + (first + i * step) * m->step;
        if (k >= size) bad = 1;
        else dst[k] = src[i];
    }
    WF_END_CRITICAL_SECTION();
    if (bad) {
        index_error();
        return -1;
    }
    return 0;
}

static int mv_ass_subscript(wf_object *o, wf_object *key, wf_object *value) {
    memview *m = MV(o);
    if (mv_check_released(o) < 0) return -1;
    if (m->readonly) {
        wf_err_set_string(&wf_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (wf_index_check(key)) {
        wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return -1;
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len) {
            index_error();
            return -1;
        }
        int b = byte_value(value);
        if (b < 0) return -1;
        char c = (char)b;
        return mv_store(m, i, 1, &c, 1);
    }
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
        wf_ssize_t n = wf_slice_adjust_indices(m->len, &start, &stop, step);
        wf_object *src;
        if (WF_TYPE(value) == &wf_memoryview_type ||
            wf_type_is_subtype(WF_TYPE(value), &wf_memoryview_type))
            src = mv_snapshot(value);
        else if (WF_BYTES_CHECK(value) || WF_BYTEARRAY_CHECK(value))
            src = wf_bytes_snapshot(value);
        else
            src = wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%.200s'",
                                wf_type_name(WF_TYPE(value)));
        if (!src) return -1;
        int r;
        if (WF_BYTES_SIZE(src) != n) {
            wf_err_set_string(&wf_exc_ValueError,
                              "memoryview assignment: lvalue and rvalue have different structures");
            r = -1;
        } else {
            r = mv_store(m, start, step, WF_BYTES_DATA(src), n);
        }
        wf_decref(src);
        return r;
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

static wf_object *mv_richcompare(wf_object *a, wf_object *b, int op) {
    if (op != WF_EQ && op != WF_NE) return wf_newref(wf_NotImplemented);
    if (a == b) return wf_newref(wf_bool_from(op == WF_EQ));
    int is_mv = WF_TYPE(b) == &wf_memoryview_type ||
                wf_type_is_subtype(WF_TYPE(b), &wf_memoryview_type);
    if (!is_mv && !WF_BYTES_CHECK(b) && !WF_BYTEARRAY_CHECK(b))
        return wf_newref(wf_NotImplemented);
    if (atomic_load(&MV(a)->released) || (is_mv && atomic_load(&MV(b)->released)))
        return wf_newref(wf_bool_from(op == WF_NE));
    wf_object *x = mv_snapshot(a);
    if (!x) return NULL;
    wf_object *y = is_mv ? mv_snapshot(b) : wf_bytes_snapshot(b);
    if (!y) {
        wf_decref(x);
        return NULL;
    }
    int eq = WF_BYTES_SIZE(x) == WF_BYTES_SIZE(y) &&
             memcmp(WF_BYTES_DATA(x), WF_BYTES_DATA(y), (size_t)WF_BYTES_SIZE(x)) == 0;
    wf_decref(x);
    wf_decref(y);
    return wf_newref(wf_bool_from(op == WF_EQ ? eq : !eq));
}

static wf_hash_t mv_hash(wf_object *o) {
    memview *m = MV(o);
    wf_hash_t h = atomic_load_explicit(&m->hash, memory_order_relaxed);
    if (h != -1) return h;
    if (!m->readonly) {
        wf_err_set_string(&wf_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    wf_object *b = mv_snapshot(o);
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
    if (mv_check_released(o) < 0) return NULL;
    return wf_seqiter_new(o);
}

/* --- methods and attributes ------------------------------------------------ */

static wf_object *mv_tobytes(wf_object *o, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    (void)args;
    if (wf_check_nargs("tobytes", nargs, 0, 1) < 0) return NULL;
    return mv_snapshot(o);
}

static wf_object *mv_tolist(wf_object *o, wf_object *unused) {
    (void)unused;
    wf_object *b = mv_snapshot(o);
    if (!b) return NULL;
    wf_ssize_t n = WF_BYTES_SIZE(b);
    wf_object *l = wf_list_new(n);
    for (wf_ssize_t i = 0; l && i < n; i++)
        if (wf_list_set_item(l, i, wf_small_int((unsigned char)WF_BYTES_DATA(b)[i])) < 0) {
            wf_decref(l);
            l = NULL;
        }
    wf_decref(b);
    return l;
}

static wf_object *mv_hex(wf_object *o, wf_object *unused) {
    (void)unused;
    wf_object *b = mv_snapshot(o);
    if (!b) return NULL;
    wf_object *r = wf_object_call_method(b, "hex", NULL, 0);
    wf_decref(b);
    return r;
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
    memview *m = MV(o);
    return mv_make(&wf_memoryview_type, m->obj, m->start, m->len, m->step, 1);
}

static wf_method_def mv_methods[] = {
    {"tobytes", (void *)mv_tobytes, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return the data in the buffer as a byte string."},
    {"tolist", (void *)mv_tolist, WF_METH_NOARGS,
     "Return the data in the buffer as a list of elements."},
    {"hex", (void *)mv_hex, WF_METH_NOARGS, "Return the data in the buffer as a str of hex digits."},
    {"release", (void *)mv_release, WF_METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"toreadonly", (void *)mv_toreadonly, WF_METH_NOARGS,
     "Return a readonly version of the memoryview."},
    {"__enter__", (void *)mv_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)mv_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_object *mv_get_obj(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_newref(MV(o)->obj);
}
static wf_object *mv_get_nbytes(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_int_from_ssize(MV(o)->len);
}
static wf_object *mv_get_readonly(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_newref(wf_bool_from(MV(o)->readonly));
}
static wf_object *mv_get_itemsize(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_int_from_i64(1);
}
static wf_object *mv_get_format(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_str_from_cstr("B");
}
static wf_object *mv_get_ndim(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_int_from_i64(1);
}
static wf_object *mv_get_shape(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    wf_object *n = wf_int_from_ssize(MV(o)->len);
    if (!n) return NULL;
    wf_object *t = wf_tuple_pack(1, n);
    wf_decref(n);
    return t;
}
static wf_object *mv_get_strides(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    wf_object *n = wf_int_from_ssize(MV(o)->step);
    if (!n) return NULL;
    wf_object *t = wf_tuple_pack(1, n);
    wf_decref(n);
    return t;
}
static wf_object *mv_get_contiguous(wf_object *o, void *c) {
    (void)c;
    if (mv_check_released(o) < 0) return NULL;
    return wf_newref(wf_bool_from(MV(o)->step == 1 || MV(o)->len <= 1));
}

static wf_getset_def mv_getset[] = {
    {"obj", mv_get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", mv_get_nbytes, NULL, NULL, NULL},
    {"readonly", mv_get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", mv_get_itemsize, NULL, NULL, NULL},
    {"format", mv_get_format, NULL, NULL, NULL},
    {"ndim", mv_get_ndim, NULL, NULL, NULL},
    {"shape", mv_get_shape, NULL, NULL, NULL},
    {"strides", mv_get_strides, NULL, NULL, NULL},
    {"c_contiguous", mv_get_contiguous, NULL, NULL, NULL},
    {"f_contiguous", mv_get_contiguous, NULL, NULL, NULL},
    {"contiguous", mv_get_contiguous, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int mv_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return MV(o)->obj ? visit(MV(o)->obj, arg) : 0;
}

static void mv_dealloc(wf_object *o) {
    WF_CLEAR(MV(o)->obj);
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
