/*
 * runtime/objects/bytearray.c — the mutable bytearray type.
 *
 * Layout: ob_bytes points at a separately allocated buffer of ob_alloc
 * bytes of which ob_size are used.  A buffer that must grow is replaced:
 * the new one is filled completely, then published with a release store;
 * the old one is freed with wfm_free_delayed (after a QSBR grace period)
 * once the object is shared (WF_GC_SHARED, set the first time a thread
 * other than the owner takes a locked path), with wfm_free otherwise — so
 * a future lock-free reader that loaded the old pointer reads valid memory.
 *
 * Thread-safety: every read and every mutation runs inside the object's
 * critical section (reads copy out what they need: wf_bytes_snapshot
 * copies the contents into an immutable bytes, which the shared read-only
 * methods of bytes.c then work on).  Arguments are converted (iterated,
 * which may run Python code) before the section is entered.
 */
#include "runtime/objects/bytes_impl.h"

#include <stdlib.h>

#define BA(o) ((wf_bytearray *)(o))

static inline void note_access(wf_bytearray *b) {
#if WF_FREE_THREADED
    if (!wf_is_owned_by_current_thread((wf_object *)b) &&
        !(wf_gc_bits((wf_object *)b) & WF_GC_SHARED))
        wf_gc_bits_set((wf_object *)b, WF_GC_SHARED);
#else
    (void)b;
#endif
}

static void free_buf(wf_bytearray *b, char *p) {
    if (!p) return;
#if WF_FREE_THREADED
    if (wf_gc_bits((wf_object *)b) & WF_GC_SHARED) {
        wfm_free_delayed(p);
        return;
    }
#endif
    (void)b;
    wfm_free(p);
}

static char *load_buf(wf_bytearray *b) {
    return atomic_load_explicit(&b->ob_bytes, memory_order_acquire);
}
static wf_ssize_t load_size(wf_bytearray *b) {
    return atomic_load_explicit(&b->ob_size, memory_order_relaxed);
}
static void store_size(wf_bytearray *b, wf_ssize_t n) {
    atomic_store_explicit(&b->ob_size, n, memory_order_release);
}

/* Make room for n bytes (contents kept); under the lock. 0 or -1 (no
 * exception set: the caller raises MemoryError after the section). */
static int reserve_locked(wf_bytearray *b, wf_ssize_t n) {
    if (n <= b->ob_alloc) return 0;
    if (n > WF_SSIZE_MAX / 2) return -1;
    wf_ssize_t cap = n + (n >> 3) + 16;
    char *p = wfm_malloc((size_t)cap);
    if (!p) return -1;
    char *old = load_buf(b);
    if (old) memcpy(p, old, (size_t)load_size(b));
    atomic_store_explicit(&b->ob_bytes, p, memory_order_release);
    b->ob_alloc = cap;
    free_buf(b, old);
    return 0;
}

wf_object *wf_bytearray_from_data(const void *data, wf_ssize_t n) {
    wf_bytearray *b = (wf_bytearray *)wfo_alloc(&wf_bytearray_type, sizeof(wf_bytearray));
    if (!b) return NULL;
    if (n > 0) {
        if (reserve_locked(b, n) < 0) {
            wf_decref((wf_object *)b);
            return wf_err_no_memory();
        }
        if (data) memcpy(load_buf(b), data, (size_t)n);
        else memset(load_buf(b), 0, (size_t)n);
        store_size(b, n);
    }
    return (wf_object *)b;
}

wf_object *wf_bytes_snapshot(wf_object *o) {
    if (WF_BYTES_CHECK(o)) return wf_newref(o);
    wf_bytearray *b = BA(o);
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(b);
    r = wf_bytes_from_data(load_buf(b), load_size(b));
    WF_END_CRITICAL_SECTION();
    return r;
}

/* An int argument as a byte value; -1 with an exception. */
static int byte_value(wf_object *v) {
    if (!wf_index_check(v)) {
        wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      wf_type_name(WF_TYPE(v)));
        return -1;
    }
    wf_ssize_t k = wf_number_as_ssize_t(v, NULL);
    if (k == -1 && wf_err_occurred()) return -1;
    if (k < 0 || k > 255) {
        wf_err_format(&wf_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)k;
}

/* Replace [lo, hi) by src[0..m) (src may be NULL with m == 0); under the
 * lock; -1 = out of memory. */
static int replace_locked(wf_bytearray *b, wf_ssize_t lo, wf_ssize_t hi, const char *src,
                          wf_ssize_t m) {
    wf_ssize_t n = load_size(b);
    wf_ssize_t newn = n - (hi - lo) + m;
    if (reserve_locked(b, newn) < 0) return -1;
    char *p = load_buf(b);
    if (p) {
        memmove(p + lo + m, p + hi, (size_t)(n - hi));
        if (m) memcpy(p + lo, src, (size_t)m);
    }
    store_size(b, newn);
    return 0;
}

/* --- slots ------------------------------------------------------------------------ */

static void bytearray_dealloc(wf_object *o) {
    wfm_free(load_buf(BA(o)));
    wfo_free_instance(o);
}

static wf_object *bytearray_repr(wf_object *o) {
    wf_object *s = wf_bytes_snapshot(o);
    if (!s) return NULL;
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    wfo_strbuf lit;
    wfo_strbuf_init(&lit);
    int rc = wfo_strbuf_append(&b, "bytearray(", 10);
    if (!rc) rc = wfo_repr_bytes(&lit, (const unsigned char *)WF_BYTES_DATA(s), (size_t)WF_BYTES_SIZE(s));
    wf_decref(s);
    /* CPython's bytearray repr escapes ' even inside b"...": only the
     * double-quoted form has raw ' characters (never part of an escape). */
    for (size_t i = 0; !rc && i < lit.len; i++) {
        int dq = lit.data[1] == '"';
        if (dq && lit.data[i] == '\'' && i > 1 && i + 1 < lit.len) rc = wfo_strbuf_append(&b, "\\'", 2);
        else rc = wfo_strbuf_append(&b, lit.data + i, 1);
    }
    wfo_strbuf_free(&lit);
    if (!rc) rc = wfo_strbuf_append(&b, ")", 1);
    if (rc) {
        wfo_strbuf_free(&b);
        return wf_err_no_memory();
    }
    return wfo_strbuf_finish(&b);
}

static wf_ssize_t bytearray_length(wf_object *o) { return load_size(BA(o)); }

static wf_object *bytearray_item(wf_object *o, wf_ssize_t i) {
    int v = -1;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    if (i >= 0 && i < load_size(BA(o))) v = (unsigned char)load_buf(BA(o))[i];
    WF_END_CRITICAL_SECTION();
    if (v < 0) return wf_err_format(&wf_exc_IndexError, "bytearray index out of range");
    return wf_int_from_i64(v);
}

static wf_object *bytearray_subscript(wf_object *o, wf_object *key) {
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step, n = 0;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        char *tmp;
        WF_BEGIN_CRITICAL_SECTION(o);
        note_access(BA(o));
        n = wf_slice_adjust_indices(load_size(BA(o)), &start, &stop, step);
        tmp = wfm_malloc((size_t)(n ? n : 1));
        if (tmp) {
            const char *p = load_buf(BA(o));
            for (wf_ssize_t i = 0; i < n; i++) tmp[i] = p[start + i * step];
        }
        WF_END_CRITICAL_SECTION();
        if (!tmp) return wf_err_no_memory();
        wf_object *r = wf_bytearray_from_data(tmp, n);
        wfm_free(tmp);
        return r;
    }
    if (!wf_index_check(key))
        return wf_err_format(&wf_exc_TypeError,
                             "bytearray indices must be integers or slices, not %s",
                             wf_type_name(WF_TYPE(key)));
    wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += load_size(BA(o));
    return bytearray_item(o, i);
}

/* The value of a slice assignment as a bytes (new reference). */
static wf_object *assign_value(wf_object *v) {
    if (WF_BYTES_CHECK(v) || WF_BYTEARRAY_CHECK(v)) return wf_bytes_snapshot(v);
    if (wf_index_check(v) || WF_STR_CHECK(v))
        return wf_err_format(&wf_exc_TypeError,
                             "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return wfo_bytes_from_object(v, NULL, NULL, "bytearray");
}

static int bytearray_ass_subscript(wf_object *o, wf_object *key, wf_object *v) {
    wf_bytearray *b = BA(o);
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
        wf_object *val = v ? assign_value(v) : NULL;
        if (v && !val) return -1;
        const char *src = val ? WF_BYTES_DATA(val) : NULL;
        wf_ssize_t m = val ? WF_BYTES_SIZE(val) : 0;
        int rc = 0;
        wf_ssize_t count = 0;
        WF_BEGIN_CRITICAL_SECTION(o);
        note_access(b);
        count = wf_slice_adjust_indices(load_size(b), &start, &stop, step);
        if (step == 1) {
            if (stop < start) stop = start;
            rc = replace_locked(b, start, stop, src, m) < 0 ? -2 : 0;
        } else if (val) {
            if (m != count) rc = -1;
            else {
                char *p = load_buf(b);
                for (wf_ssize_t i = 0; i < count; i++) p[start + i * step] = src[i];
            }
        } else if (count > 0) {
            /* delete every selected byte: compact in one pass */
            if (step < 0) {
                start = start + (count - 1) * step;
                step = -step;
            }
            char *p = load_buf(b);
            wf_ssize_t n = load_size(b), w = start;
            for (wf_ssize_t r = start; r < n; r++)
                if (!(r < start + count * step && (r - start) % step == 0)) p[w++] = p[r];
            store_size(b, w);
        }
        WF_END_CRITICAL_SECTION();
        wf_xdecref(val);
        if (rc == -1)
            wf_err_format(&wf_exc_ValueError,
                          "attempt to assign bytes of size %zd to extended slice of size %zd", m,
                          count);
        else if (rc == -2)
            wf_err_no_memory();
        return rc ? -1 : 0;
    }
    if (!wf_index_check(key)) {
        wf_err_format(&wf_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                      wf_type_name(WF_TYPE(key)));
        return -1;
    }
    wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (i == -1 && wf_err_occurred()) return -1;
    int byte = 0;
    if (v && (byte = byte_value(v)) < 0) return -1;
    int ok = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(b);
    wf_ssize_t n = load_size(b);
    if (i < 0) i += n;
    if (i >= 0 && i < n) {
        ok = 1;
        if (v) load_buf(b)[i] = (char)byte;
        else replace_locked(b, i, i + 1, NULL, 0); /* shrinking never allocates */
    }
    WF_END_CRITICAL_SECTION();
    if (!ok) {
        wf_err_format(&wf_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    return 0;
}

static int bytearray_ass_item(wf_object *o, wf_ssize_t i, wf_object *v) {
    wf_object *k = wf_int_from_ssize(i);
    if (!k) return -1;
    int rc = bytearray_ass_subscript(o, k, v);
    wf_decref(k);
    return rc;
}

/* Append the contents of a bytes (borrowed) under the lock. */
static int append_bytes(wf_object *o, wf_object *data) {
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    wf_ssize_t n = load_size(BA(o));
    rc = replace_locked(BA(o), n, n, WF_BYTES_DATA(data), WF_BYTES_SIZE(data));
    WF_END_CRITICAL_SECTION();
    if (rc < 0) wf_err_no_memory();
    return rc;
}

static wf_object *bytearray_inplace_concat(wf_object *o, wf_object *other) {
    if (!WF_BYTES_CHECK(other) && !WF_BYTEARRAY_CHECK(other))
        return wf_err_format(&wf_exc_TypeError, "can't concat %s to bytearray",
                             wf_type_name(WF_TYPE(other)));
    wf_object *s = wf_bytes_snapshot(other);
    if (!s) return NULL;
    int rc = append_bytes(o, s);
    wf_decref(s);
    return rc < 0 ? NULL : wf_newref(o);
}

static wf_object *bytearray_inplace_repeat(wf_object *o, wf_ssize_t n) {
    wf_object *r = wfo_bytes_repeat(o, n);
    if (!r) return NULL;
    wf_object *s = wf_bytes_snapshot(r);
    wf_decref(r);
    if (!s) return NULL;
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    rc = replace_locked(BA(o), 0, load_size(BA(o)), WF_BYTES_DATA(s), WF_BYTES_SIZE(s));
    WF_END_CRITICAL_SECTION();
    wf_decref(s);
    if (rc < 0) return wf_err_no_memory();
    return wf_newref(o);
}

/* --- methods ------------------------------------------------------------------------- */

static wf_object *ba_append(wf_object *o, wf_object *v) {
    int byte = byte_value(v);
    if (byte < 0) return NULL;
    char c = (char)byte;
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    wf_ssize_t n = load_size(BA(o));
    rc = replace_locked(BA(o), n, n, &c, 1);
    WF_END_CRITICAL_SECTION();
    if (rc < 0) return wf_err_no_memory();
    return wf_newref(wf_None);
}

static wf_object *ba_extend(wf_object *o, wf_object *v) {
    wf_object *s;
    if (WF_BYTES_CHECK(v) || WF_BYTEARRAY_CHECK(v)) s = wf_bytes_snapshot(v);
    else if (WF_STR_CHECK(v) || wf_index_check(v)) {
        return wf_err_format(&wf_exc_TypeError, WF_STR_CHECK(v)
                                 ? "expected iterable of integers; got: 'str'"
                                 : "can't extend bytearray with %s",
                             wf_type_name(WF_TYPE(v)));
    } else
        s = wfo_bytes_from_object(v, NULL, NULL, "bytearray");
    if (!s) return NULL;
    int rc = append_bytes(o, s);
    wf_decref(s);
    return rc < 0 ? NULL : wf_newref(wf_None);
}

static wf_object *ba_pop(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("pop", nargs, 0, 1)) return NULL;
    wf_ssize_t i = -1;
    if (nargs) {
        i = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (i == -1 && wf_err_occurred()) return NULL;
    }
    int v = -1, empty = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    wf_ssize_t n = load_size(BA(o));
    if (n == 0) empty = 1;
    else {
        if (i < 0) i += n;
        if (i >= 0 && i < n) {
            v = (unsigned char)load_buf(BA(o))[i];
            replace_locked(BA(o), i, i + 1, NULL, 0);
        }
    }
    WF_END_CRITICAL_SECTION();
    if (empty) return wf_err_format(&wf_exc_IndexError, "pop from empty bytearray");
    if (v < 0) return wf_err_format(&wf_exc_IndexError, "pop index out of range");
    return wf_int_from_i64(v);
}

static wf_object *ba_insert(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("insert", nargs, 2, 2)) return NULL;
    wf_ssize_t i = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
    if (i == -1 && wf_err_occurred()) return NULL;
    int byte = byte_value(args[1]);
    if (byte < 0) return NULL;
    char c = (char)byte;
    int rc;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    wf_ssize_t n = load_size(BA(o));
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    rc = replace_locked(BA(o), i, i, &c, 1);
    WF_END_CRITICAL_SECTION();
    if (rc < 0) return wf_err_no_memory();
    return wf_newref(wf_None);
}

static wf_object *ba_remove(wf_object *o, wf_object *v) {
    int byte = byte_value(v);
    if (byte < 0) return NULL;
    int found = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    wf_ssize_t n = load_size(BA(o));
    const char *p = load_buf(BA(o));
    for (wf_ssize_t i = 0; i < n; i++)
        if ((unsigned char)p[i] == byte) {
            replace_locked(BA(o), i, i + 1, NULL, 0);
            found = 1;
            break;
        }
    WF_END_CRITICAL_SECTION();
    if (!found) return wf_err_format(&wf_exc_ValueError, "value not found in bytearray");
    return wf_newref(wf_None);
}

static wf_object *ba_clear(wf_object *o, wf_object *unused) {
    (void)unused;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    store_size(BA(o), 0);
    WF_END_CRITICAL_SECTION();
    return wf_newref(wf_None);
}

static wf_object *ba_copy(wf_object *o, wf_object *unused) {
    (void)unused;
    wf_object *s = wf_bytes_snapshot(o);
    if (!s) return NULL;
    wf_object *r = wf_bytearray_from_data(WF_BYTES_DATA(s), WF_BYTES_SIZE(s));
    wf_decref(s);
    return r;
}

static wf_object *ba_reverse(wf_object *o, wf_object *unused) {
    (void)unused;
    WF_BEGIN_CRITICAL_SECTION(o);
    note_access(BA(o));
    char *p = load_buf(BA(o));
    for (wf_ssize_t i = 0, j = load_size(BA(o)) - 1; i < j; i++, j--) {
        char t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
    WF_END_CRITICAL_SECTION();
    return wf_newref(wf_None);
}

static wf_object *bytearray_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    static const char *const names[] = {"source", "encoding", "errors"};
    wf_object *a[3] = {NULL, NULL, NULL};
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 3)
        return wf_err_format(&wf_exc_TypeError, "bytearray() takes at most 3 arguments (%zd given)", n);
    for (wf_ssize_t k = 0; k < n; k++) a[k] = WF_TUPLE_ITEM(args, k);
    if (kwargs) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int j = 0;
            while (j < 3 && !wf_str_eq_cstr(k, names[j])) j++;
            int bad = j == 3 || a[j];
            if (bad)
                wf_err_format(&wf_exc_TypeError, "bytearray() got an unexpected keyword argument '%U'", k);
            else
                a[j] = v; /* the dict keeps it alive */
            wf_decref(k);
            wf_decref(v);
            if (bad) return NULL;
        }
    }
    wf_object *s = wfo_bytes_from_object(a[0], a[1], a[2], "bytearray");
    if (!s) return NULL;
    wf_object *r = wf_bytearray_from_data(WF_BYTES_DATA(s), WF_BYTES_SIZE(s));
    wf_decref(s);
    return r;
}

static wf_object *bytearray_iter(wf_object *o) { return wfo_seqiter_new_typed(&wfo_bytearray_iter_type, o); }

static wf_method_def bytearray_methods[] = {
    WFO_BYTES_COMMON_METHODS(WFO_BYTES_METHOD_ENTRY)
    {"fromhex", wfo_bytes_fromhex, WF_METH_O | WF_METH_CLASS,
     "Create a bytearray object from a string of hexadecimal numbers."},
    {"append", ba_append, WF_METH_O, "Append a single item to the end of the bytearray."},
    {"extend", ba_extend, WF_METH_O, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"pop", ba_pop, WF_METH_FASTCALL, "Remove and return a single item from B."},
    {"insert", ba_insert, WF_METH_FASTCALL, "Insert a single item into the bytearray before the given index."},
    {"remove", ba_remove, WF_METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"clear", ba_clear, WF_METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", ba_copy, WF_METH_NOARGS, "Return a copy of B."},
    {"reverse", ba_reverse, WF_METH_NOARGS, "Reverse the order of the values in B in place."},
    {NULL, NULL, 0, NULL},
};

static wf_sequence_methods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = wfo_bytes_concat,
    .sq_repeat = wfo_bytes_repeat,
    .sq_item = bytearray_item,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = wfo_bytes_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};
static wf_mapping_methods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

wf_type wf_bytearray_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(wf_bytearray),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = wfo_bytes_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = bytearray_iter,
    .tp_new = bytearray_new,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_methods = bytearray_methods,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array",
};
