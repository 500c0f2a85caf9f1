/*
 * runtime/objects/containers.h — helpers shared by the container files of
 * engineer B (tuple.c, list.c, dict.c, set.c, exceptions.c): repr
 * building into a byte buffer and argument checks.  Internal to
 * runtime/objects/.
 */
#ifndef WEFT_OBJECTS_CONTAINERS_H
#define WEFT_OBJECTS_CONTAINERS_H

#include "runtime/objects/objimpl.h"
#include "runtime/objects/repr.h"

/* Append repr(o) (as UTF-8) to b: 0, or -1 with an exception set. */
int wfo_strbuf_append_repr(wfo_strbuf *b, wf_object *o);
/* Append an ASCII/UTF-8 C string: 0, or -1 with MemoryError. */
int wfo_strbuf_puts(wfo_strbuf *b, const char *s);
/* The buffer as a new str (the buffer is freed either way). */
wf_object *wfo_strbuf_finish(wfo_strbuf *b);
/* open + ", ".join(map(repr, items)) + close; items borrowed. */
wf_object *wfo_repr_join(const char *open, wf_object *const *items, wf_ssize_t n,
                         const char *close);

/* Snapshot of a list/tuple's items as new references in a wfm_malloc'd
 * array (*n items); NULL with *n == 0 means empty, NULL with an exception
 * means failure.  Release with wfo_items_release. */
wf_object **wfo_items_snapshot(wf_object *seq, wf_ssize_t *n);
void wfo_items_release(wf_object **items, wf_ssize_t n);

/* Generic positional-only argument check for tp_new/tp_init style calls:
 * args a tuple, kwargs a dict or NULL. -1 with TypeError. */
int wfo_no_kwargs(const char *name, wf_object *kwargs);

/* Index a sequence: convert key (an object with __index__) to an index;
 * -1 with an exception (check wf_err_occurred). */
wf_ssize_t wfo_key_as_index(wf_object *key, const char *tname);

/* Lexicographic rich comparison of two item arrays (tuple.c); the arrays
 * must stay valid during the call (tuple storage or snapshots). */
wf_object *wfo_seq_richcompare(wf_object *const *a, wf_ssize_t na, wf_object *const *b,
                               wf_ssize_t nb, int op);
/* start/stop arguments args[1], args[2] of index(): clamped like slice
 * bounds against n. */
int wfo_parse_index_bounds(wf_object *const *args, wf_ssize_t nargs, wf_ssize_t n,
                           wf_ssize_t *start, wf_ssize_t *stop);

/* Normalise raw slice bounds against a length n as CPython's
 * PySlice_AdjustIndices (step != 0; a missing start/stop is passed as
 * WF_SSIZE_MAX or -WF_SSIZE_MAX as suits the step's sign); returns the
 * number of items the slice selects. */
static inline wf_ssize_t wfo_slice_adjust(wf_ssize_t n, wf_ssize_t *start, wf_ssize_t *stop,
                                          wf_ssize_t step) {
    if (*start < 0) { *start += n; if (*start < 0) *start = step < 0 ? -1 : 0; }
    else if (*start >= n) *start = step < 0 ? n - 1 : n;
    if (*stop < 0) { *stop += n; if (*stop < 0) *stop = step < 0 ? -1 : 0; }
    else if (*stop >= n) *stop = step < 0 ? n - 1 : n;
    if (step < 0) return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

/* list.c */
int wfo_list_append_steal(wf_object *l, wf_object *v); /* steals v even on error */
/* A new list owning items[0..n) (stolen); the array is copied. */
wf_object *wfo_list_from_array_steal(wf_object **items, wf_ssize_t n);
/* UNPACK_SEQUENCE of an exact list: returns the list's size; if it is n,
 * new references to the items are in out[n-1] .. out[0] (the order the
 * value stack wants: item 0 on top), otherwise out is untouched.  One
 * critical section, so the items are one snapshot of the list, and a size
 * that does not match is the size of that snapshot. */
wf_ssize_t wfo_list_unpack(wf_object *l, wf_ssize_t n, wf_object **out);
/* STORE_SUBSCR of an exact list and an int index i (negative: from the
 * end): stores v, taking the caller's reference to it.  0, or -1 with
 * IndexError (v released then too). */
int wfo_list_store_steal(wf_object *l, wf_ssize_t i, wf_object *v);

/* Equality of two keys that needs no Python code: both exact str, or both
 * exact int in the small form.  1 equal, 0 different, -1 "not plain" (the
 * caller must compare under its lock with wf_object_rich_compare_bool).
 * Used by the lock-free lookups of dict and set on keys they hold a
 * reference to. */
static inline int wfo_plain_key_eq(wf_object *a, wf_object *b) {
    if (WF_STR_CHECK_EXACT(a) && WF_STR_CHECK_EXACT(b)) return wf_str_eq(a, b);
    if (WF_INT_CHECK_EXACT(a) && WF_INT_CHECK_EXACT(b) && ((wf_int *)a)->ob_ndigits == 0 &&
        ((wf_int *)b)->ob_ndigits == 0)
        return ((wf_int *)a)->ob_small == ((wf_int *)b)->ob_small;
    return -1;
}
static inline int wfo_is_plain_key(wf_object *k) {
    return WF_STR_CHECK_EXACT(k) || (WF_INT_CHECK_EXACT(k) && ((wf_int *)k)->ob_ndigits == 0);
}

/* Inline front ends of wf_try_incref_compare / wf_try_xget_ref
 * (runtime/memory/refcount.c) for the lock-free container reads, which run
 * on every l[i], iteration step, d[k] and attribute lookup.  They handle
 * inline the cases that need no RMW, exactly as refcount.c's
 * wf_try_incref_fast (weft/object.h) does -- the item is immortal, it is owned by the calling
 * thread (ob_tid == wft_tls_index: a relaxed load + store of
 * ob_ref_local), or it is counted per thread (wf_perthread_add) -- and
 * call the out-of-line primitive for every other case (the shared
 * try-incref CAS), so their semantics are those of
 * the primitives: the slot is re-checked (sequentially consistent load, as
 * refcount.c does) after the count is raised, a failed re-check drops the
 * reference and reports failure.  The immortal case keeps the re-check: a
 * block freed and reused by an object made immortal must not be returned
 * for a slot that never held it.  wfo_try_xget_ref skips the re-check for
 * an item owned by the caller (see the comment above it).  Free-threaded
 * only. */
#if WF_FREE_THREADED
WF_INLINE bool wfo_try_incref_compare(wf_object *_Atomic *slot, wf_object *op) {
    if (!wf_try_incref_fast(op)) return wf_try_incref_compare(slot, op);
    if (WF_UNLIKELY(atomic_load(slot) != op)) {
        wf_decref(op);
        return false;
    }
    return true;
}

/* An item owned by the calling thread, read right after the slot load
 * (no allocation, free or safe point in between), needs no re-check of
 * the slot: list.c's list_item_ref explains why reading ob_tid == us
 * proves the loaded object is alive, is the one the slot referred to, and
 * can be freed only by us.  The slot must hold a counted reference and be
 * cleared or overwritten before its old value is released, as every
 * container slot is. */
WF_INLINE bool wfo_try_xget_ref(wf_object *_Atomic *slot, wf_object **out) {
    wf_object *op = atomic_load(slot);
    if (op != NULL) {
        uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
        if (local != WF_IMMORTAL_LOCAL &&
            atomic_load_explicit(&op->ob_tid, memory_order_relaxed) == wft_tls_index)
            atomic_store_explicit(&op->ob_ref_local, local + 1, memory_order_relaxed);
        else if (!wfo_try_incref_compare(slot, op))
            return false;
    }
    *out = op;
    return true;
}
#endif

#endif /* WEFT_OBJECTS_CONTAINERS_H */
