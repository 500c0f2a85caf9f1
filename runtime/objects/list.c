/*
 * runtime/objects/list.c — list, its iterator and reverse iterator.
 *
 * Representation.  ob_array points at a wfo_list_array {allocated,
 * items[]} (NULL while the capacity is 0): the capacity travels with the
 * array, so a reader that loaded one array pointer bound-checks against
 * that array and never against a newer size.  ob_size <= allocated;
 * items[0..ob_size) are owned references, the rest are garbage.
 *
 * Thread-safety (free-threaded flavour).
 *  - Every mutation runs inside the list's critical section.  The short
 *    ones (item store, append, insert, pop, clear's detach, reverse,
 *    extend from a list or tuple, slice reads and assignments, the
 *    UNPACK_SEQUENCE and items snapshots) use a leaf section (critsec.h:
 *    the same mutex without registering a section, since nothing they do
 *    while holding it can block or run code: they allocate, move pointers
 *    and count, and release what they drop after the unlock).  Items are
 *    written with release stores, a new array is fully filled before it is
 *    published with a release store of ob_array, and ob_size is stored
 *    (release) after the items it covers.  An array that is replaced is
 *    freed with wfm_free_delayed once the list is marked shared
 *    (WF_GC_SHARED: set by the locked paths the first time a thread other
 *    than the owner touches the list), so a lock-free reader
 *    that still holds the old array reads stale but valid memory.
 *  - Item reads (l[i], iteration, wf_list_get_item) take no lock for the
 *    owner or once the list is shared: load the size, the array and the
 *    slot, take a reference with a try-incref that re-checks the slot
 *    (list_item_ref; an item the reader owns needs no re-check, see
 *    there); a failed try-incref falls back to the locked path,
 *    which uses wf_incref_with_lock so that the item's later lock-free
 *    reads succeed.  len() is one relaxed load.  Results are new
 *    references (never borrowed ones).
 *  - index, count, remove and `in` hold the section across their scan,
 *    as CPython's free-threaded build does: the item is increfed before
 *    its __eq__ runs (which suspends the section only if it blocks) and
 *    the bounds are re-read at every step, so each of them is atomic with
 *    respect to other single operations that do not block.  ==/<, repr
 *    and sort's key and comparisons work on a snapshot or on detached
 *    items instead, and never hold the lock across Python code.
 *  - sort() detaches the items (the list looks empty meanwhile), sorts
 *    them privately, and puts them back; if anything was added in between,
 *    the additions are dropped and ValueError("list modified during
 *    sort") is raised.
 *  - Single operations are atomic: append, insert, pop, item assignment,
 *    extend from a list or tuple (a snapshot appended under one section),
 *    clear, reverse.
 */
#include "runtime/objects/containers.h"

#include <stdlib.h>

static wfo_list_array *load_array(wf_list *l) {
    return atomic_load_explicit(&l->ob_array, memory_order_relaxed);
}
static wf_ssize_t load_size(wf_list *l) {
    return atomic_load_explicit(&l->ob_size, memory_order_relaxed);
}
static wf_object *load_item(wfo_list_array *a, wf_ssize_t i) {
    return atomic_load_explicit(&a->items[i], memory_order_relaxed);
}
static void store_item(wfo_list_array *a, wf_ssize_t i, wf_object *v) {
    atomic_store_explicit(&a->items[i], v, memory_order_release);
}
static void store_size(wf_list *l, wf_ssize_t n) {
    atomic_store_explicit(&l->ob_size, n, memory_order_release);
}

/* Called at the start of every locked path. */
static inline void note_access(wf_list *l) {
#if WF_FREE_THREADED
    if (!wf_is_owned_by_current_thread((wf_object *)l) &&
        !(wf_gc_bits((wf_object *)l) & WF_GC_SHARED))
        wf_gc_bits_set((wf_object *)l, WF_GC_SHARED);
#else
    (void)l;
#endif
}

static void free_array(wf_list *l, wfo_list_array *a) {
    if (!a) return;
#if WF_FREE_THREADED
    if (wf_gc_bits((wf_object *)l) & WF_GC_SHARED) {
        wfm_free_delayed(a);
        return;
    }
#endif
    (void)l;
    wfm_free(a);
}

/* A new array of cap slots, all NULL.  The lock-free read checks an
 * index against the size it loaded and then against the capacity of the
 * array it loads after, which may be a newer array than that size belongs
 * to (a slice assignment publishes a smaller array before its size; a
 * reader's size can be stale by any amount).  So a slot past the size can
 * be read: it must hold NULL (the reader then takes the locked path) or a
 * pointer that was once an item, never uninitialised memory.  A stale item
 * is safe: its block is not reused for another object before the reader's
 * next quiescent point (QSBR), so the try-incref finds it alive (and the
 * slot re-check decides) or dead (and fails). */
static wfo_list_array *array_new(wf_ssize_t cap) {
    if ((size_t)cap > (SIZE_MAX - sizeof(wfo_list_array)) / sizeof(wf_object *)) return NULL;
    wfo_list_array *a = wfm_malloc(sizeof(wfo_list_array) + (size_t)cap * sizeof(wf_object *));
    if (a) {
        a->allocated = cap;
        /* Not yet published: plain stores. */
        memset((void *)a->items, 0, (size_t)cap * sizeof(wf_object *));
    }
    return a;
}

/* Make room for newsize items (under the lock).  Over-allocates like
 * CPython (~1/8 extra) so appends are amortised O(1); shrinks when fewer
 * than half the slots are used.  Items beyond newsize are not touched.
 * 0, or -1 with MemoryError. */
static int list_resize(wf_list *l, wf_ssize_t newsize) {
    wfo_list_array *a = load_array(l);
    wf_ssize_t cap = a ? a->allocated : 0;
    if (cap >= newsize && newsize >= (cap >> 1)) return 0;
    if (newsize == 0) {
        atomic_store_explicit(&l->ob_array, NULL, memory_order_release);
        free_array(l, a);
        return 0;
    }
    if (newsize > WF_SSIZE_MAX / 2) { wf_err_no_memory(); return -1; }
    wf_ssize_t newcap = (newsize + (newsize >> 3) + 6) & ~(wf_ssize_t)3;
    if (newsize - load_size(l) > newcap - newsize) newcap = (newsize + 3) & ~(wf_ssize_t)3;
    wfo_list_array *na = array_new(newcap);
    if (!na) { wf_err_no_memory(); return -1; }
    wf_ssize_t keep = load_size(l);
    if (keep > newsize) keep = newsize;
    for (wf_ssize_t i = 0; i < keep; i++)
        atomic_store_explicit(&na->items[i], load_item(a, i), memory_order_relaxed);
    atomic_store_explicit(&l->ob_array, na, memory_order_release);
    free_array(l, a);
    return 0;
}

/* ---------------------------------------------------------------------------
 * C API
 */
wf_object *wf_list_new(wf_ssize_t n) {
    if (n < 0) return wf_err_bad_internal_call("wf_list_new");
    wf_list *l = (wf_list *)wfo_alloc(&wf_list_type, sizeof(wf_list));
    if (!l) return NULL;
    if (n) {
        wfo_list_array *a = array_new(n);
        if (!a) { wf_decref((wf_object *)l); return wf_err_no_memory(); }
        for (wf_ssize_t i = 0; i < n; i++)
            atomic_store_explicit(&a->items[i], wf_None, memory_order_relaxed);
        atomic_store_explicit(&l->ob_array, a, memory_order_relaxed);
        atomic_store_explicit(&l->ob_size, n, memory_order_relaxed);
    }
    return (wf_object *)l;
}

wf_object *wfo_list_from_array_steal(wf_object **items, wf_ssize_t n) {
    wf_list *l = (wf_list *)wfo_alloc(&wf_list_type, sizeof(wf_list));
    wfo_list_array *a = n ? array_new(n) : NULL;
    if (!l || (n && !a)) {
        for (wf_ssize_t i = 0; i < n; i++) wf_decref(items[i]);
        if (a) wfm_free(a);
        if (l) wf_decref((wf_object *)l);
        return l ? wf_err_no_memory() : NULL;
    }
    for (wf_ssize_t i = 0; i < n; i++) atomic_store_explicit(&a->items[i], items[i], memory_order_relaxed);
    atomic_store_explicit(&l->ob_array, a, memory_order_relaxed);
    atomic_store_explicit(&l->ob_size, n, memory_order_relaxed);
    return (wf_object *)l;
}

wf_ssize_t wf_list_size(wf_object *o) {
    return atomic_load_explicit(&((wf_list *)o)->ob_size, memory_order_relaxed);
}

/* The locked read of item i (in the GIL flavour, the whole read). */
static inline wf_object *list_item_ref_locked(wf_list *l, wf_ssize_t i) {
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(l);
    note_access(l);
    if (i >= 0 && i < load_size(l)) {
        r = load_item(load_array(l), i);
        wf_incref_with_lock(r);
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

#if WF_FREE_THREADED
/* The full read of item i, out of line: the lock-free protocol with the
 * out-of-line try-incref (which also handles items owned by other threads
 * or counted per thread), then the locked path. */
static WF_NOINLINE wf_object *list_item_ref_slow(wf_list *l, wf_ssize_t i) {
    /* The lock-free read (docs/internals/containers.md): allowed for the
     * owner, or once the list is shared (its replaced arrays then outlive
     * every reader through QSBR).  Bound-check against the size, then
     * against the capacity of the array actually loaded; take a reference
     * only if the slot still holds the item afterwards.  A failed
     * try-incref (the item's count is not yet safe to raise from here)
     * takes the locked path, which enables it for next time. */
    if (wf_is_owned_by_current_thread((wf_object *)l) ||
        (wf_gc_bits((wf_object *)l) & WF_GC_SHARED)) {
        if ((size_t)i >= (size_t)atomic_load_explicit(&l->ob_size, memory_order_acquire))
            return NULL;
        wfo_list_array *a = atomic_load_explicit(&l->ob_array, memory_order_acquire);
        if (!a || i >= a->allocated) return NULL;
        wf_object *item;
        if (wf_try_xget_ref(&a->items[i], &item) && item) return item;
    }
    return list_item_ref_locked(l, i);
}
#endif

/* New reference to item i (0 <= i required by callers that pre-wrap), or
 * NULL without exception when i is out of range.
 *
 * Free-threaded: this is the lock-free read of list_item_ref_slow,
 * restricted to the two cases that need no atomic RMW -- an immortal item
 * or one owned by the calling thread, whose count is raised with a
 * relaxed load + store exactly as wf_try_incref_fast (weft/object.h) does.
 * An immortal item gets the same re-check of the slot as
 * wf_try_incref_compare (sequentially consistent): a block freed and
 * reused by an object made immortal must not be returned for a slot that
 * never held it.  An item we own needs no re-check, because reading
 * ob_tid == me proves the slot load returned a live object that we own:
 *  - that tid value was stored by our own thread (its initialisation, an
 *    allocation of our heap) or with the world stopped; no allocation and
 *    no safe point lies between the slot load and the tid load, so that
 *    store happens-before the slot load;
 *  - if the slot's value was a previous occupant P of the block, P left
 *    the list (its slot overwritten, or the array holding it replaced)
 *    before it was freed, and was freed before the block was reused (the
 *    allocator's free/reuse hand-off synchronises); so that store
 *    happens-before our loads of ob_array and of the slot, which by
 *    coherence cannot have returned the old array or P;
 *  - so the slot held a reference to the block's current occupant O, owned
 *    by us.  O was not freed before our loads: only we free an object we
 *    own (the fast dealloc; a merge first stores tid 0, by us or with the
 *    world stopped, which we would have read), and our own free would have
 *    followed the removal from the slot in our program order.  Nor can it
 *    be freed after them: non-owners' decrefs of an unmerged object only
 *    queue it or lower its shared count, never free it, and we run no
 *    other code before our count is raised.
 * The same holds at the ob_tid == me test: nothing but our own thread can
 * change an owned object's tid while we run.  So the read linearises at
 * the slot load.  Everything else (a NULL slot, any other item, a
 * non-owner reading an unshared list) goes to list_item_ref_slow, which
 * starts the whole protocol again.  Kept free of calls except in tail
 * position, so that it inlines into its callers without a stack frame. */
static inline wf_object *list_item_ref(wf_list *l, wf_ssize_t i) {
#if WF_FREE_THREADED
    uint32_t me = wft_tls_index;
    if (WF_LIKELY(atomic_load_explicit(&((wf_object *)l)->ob_tid, memory_order_relaxed) == me ||
                  (wf_gc_bits((wf_object *)l) & WF_GC_SHARED))) {
        if ((size_t)i >= (size_t)atomic_load_explicit(&l->ob_size, memory_order_acquire))
            return NULL;
        wfo_list_array *a = atomic_load_explicit(&l->ob_array, memory_order_acquire);
        if (WF_UNLIKELY(!a || i >= a->allocated)) return NULL;
        wf_object *_Atomic *slot = &a->items[i];
        wf_object *op = atomic_load(slot);
        if (WF_LIKELY(op != NULL)) {
            uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
            if (local == WF_IMMORTAL_LOCAL) {
                if (WF_LIKELY(atomic_load(slot) == op)) return op;
            } else if (atomic_load_explicit(&op->ob_tid, memory_order_relaxed) == me) {
                /* Owned by us: no re-check of the slot (see above). */
                atomic_store_explicit(&op->ob_ref_local, local + 1, memory_order_relaxed);
                return op;
            }
        }
    }
    return list_item_ref_slow(l, i);
#else
    return list_item_ref_locked(l, i);
#endif
}

wf_object *wf_list_get_item(wf_object *o, wf_ssize_t i) {
    wf_object *r = list_item_ref((wf_list *)o, i);
    if (!r) wf_err_format(&wf_exc_IndexError, "list index out of range");
    return r;
}

int wf_list_set_item(wf_object *o, wf_ssize_t i, wf_object *v) {
    return wfo_list_store_steal(o, i, wf_newref(v));
}

int wfo_list_store_steal(wf_object *o, wf_ssize_t i, wf_object *v) {
    wf_list *l = (wf_list *)o;
    wf_object *old = NULL;
    WF_BEGIN_LEAF_SECTION(l); /* critsec.h: nothing below can block or run code */
    note_access(l);
    wf_ssize_t n = load_size(l);
    if (i < 0) i += n;
    if ((size_t)i < (size_t)n) {
        wfo_list_array *a = load_array(l);
        old = load_item(a, i);
        store_item(a, i, v);
    }
    WF_END_LEAF_SECTION();
    if (WF_UNLIKELY(!old)) {
        /* Out of range (an item slot below the size is never NULL). */
        wf_decref(v);
        wf_err_format(&wf_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    wf_decref(old);
    return 0;
}

wf_ssize_t wfo_list_unpack(wf_object *o, wf_ssize_t n, wf_object **out) {
    wf_list *l = (wf_list *)o;
    wf_ssize_t size;
    WF_BEGIN_LEAF_SECTION(l); /* critsec.h: nothing below can block or run code */
    note_access(l);
    size = load_size(l);
    if (size == n) {
        wfo_list_array *a = load_array(l);
        for (wf_ssize_t i = 0; i < n; i++) {
            wf_object *v = load_item(a, i);
            wf_incref_with_lock(v);
            out[n - 1 - i] = v;
        }
    }
    WF_END_LEAF_SECTION();
    return size;
}

static int append_locked(wf_list *l, wf_object *v) {
    wf_ssize_t n = load_size(l);
    if (list_resize(l, n + 1) < 0) return -1;
    store_item(load_array(l), n, v);
    store_size(l, n + 1);
    return 0;
}

int wfo_list_append_steal(wf_object *o, wf_object *v) {
    wf_list *l = (wf_list *)o;
    int rc;
    /* A leaf (critsec.h): the resize only allocates from this thread's
     * heap and queues the old array for a deferred free. */
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    rc = append_locked(l, v);
    WF_END_LEAF_SECTION();
    if (rc < 0) wf_decref(v);
    return rc;
}

int wf_list_append(wf_object *o, wf_object *v) { return wfo_list_append_steal(o, wf_newref(v)); }

int wf_list_insert(wf_object *o, wf_ssize_t i, wf_object *v) {
    wf_list *l = (wf_list *)o;
    int rc;
    wf_incref(v);
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    wf_ssize_t n = load_size(l);
    rc = list_resize(l, n + 1);
    if (rc == 0) {
        if (i < 0) { i += n; if (i < 0) i = 0; }
        if (i > n) i = n;
        wfo_list_array *a = load_array(l);
        for (wf_ssize_t k = n; k > i; k--) store_item(a, k, load_item(a, k - 1));
        store_item(a, i, v);
        store_size(l, n + 1);
    }
    WF_END_LEAF_SECTION();
    if (rc < 0) wf_decref(v);
    return rc;
}

/* Remove and return item i (already validated, under the lock). */
static wf_object *pop_locked(wf_list *l, wf_ssize_t i) {
    wf_ssize_t n = load_size(l);
    wfo_list_array *a = load_array(l);
    wf_object *r = load_item(a, i);
    for (wf_ssize_t k = i; k < n - 1; k++) store_item(a, k, load_item(a, k + 1));
    store_size(l, n - 1);
    /* Shrinking never fails (it only drops spare capacity); if the
     * smaller array cannot be allocated the old one simply stays. */
    if (list_resize(l, n - 1) < 0) wf_err_clear();
    return r;
}

wf_object *wf_list_pop(wf_object *o, wf_ssize_t i) {
    wf_list *l = (wf_list *)o;
    wf_object *r = NULL;
    int empty = 0;
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    wf_ssize_t n = load_size(l);
    if (n == 0) empty = 1;
    else {
        if (i < 0) i += n;
        if (i >= 0 && i < n) r = pop_locked(l, i);
    }
    WF_END_LEAF_SECTION();
    if (!r) wf_err_format(&wf_exc_IndexError, empty ? "pop from empty list" : "pop index out of range");
    return r;
}

/* Detach all items (under the lock): returns the array, *n its size. */
static wfo_list_array *detach_locked(wf_list *l, wf_ssize_t *n) {
    wfo_list_array *a = load_array(l);
    *n = load_size(l);
    store_size(l, 0);
    atomic_store_explicit(&l->ob_array, NULL, memory_order_release);
    return a;
}

/* Drop the references of a detached array and free it. */
static void release_detached(wf_list *l, wfo_list_array *a, wf_ssize_t n) {
    for (wf_ssize_t i = n - 1; i >= 0; i--) wf_decref(load_item(a, i)); /* last first, as CPython */
    free_array(l, a);
}

int wf_list_clear(wf_object *o) {
    wf_list *l = (wf_list *)o;
    wfo_list_array *a;
    wf_ssize_t n;
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    a = detach_locked(l, &n);
    WF_END_LEAF_SECTION();
    /* Decref outside the lock: item destructors may run Python code. */
    release_detached(l, a, n);
    return 0;
}

int wf_list_reverse(wf_object *o) {
    wf_list *l = (wf_list *)o;
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    wf_ssize_t n = load_size(l);
    wfo_list_array *a = load_array(l);
    for (wf_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        wf_object *t = load_item(a, i);
        store_item(a, i, load_item(a, j));
        store_item(a, j, t);
    }
    WF_END_LEAF_SECTION();
    return 0;
}

wf_object *wf_list_as_tuple(wf_object *o) {
    wf_ssize_t n;
    wf_object **items = wfo_items_snapshot(o, &n);
    if (!items && wf_err_occurred()) return NULL;
    wf_object *t = wf_tuple_new(n);
    if (!t) { wfo_items_release(items, n); return NULL; }
    for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(t, i) = items[i];
    wfm_free(items);
    return t;
}

/* Append a snapshot's items (stolen) under one critical section. */
static int append_many_steal(wf_list *l, wf_object **items, wf_ssize_t m) {
    int rc = 0;
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    wf_ssize_t n = load_size(l);
    if (m > WF_SSIZE_MAX - n) { wf_err_no_memory(); rc = -1; }
    else rc = list_resize(l, n + m);
    if (rc == 0) {
        wfo_list_array *a = load_array(l);
        for (wf_ssize_t i = 0; i < m; i++) store_item(a, n + i, items[i]);
        store_size(l, n + m);
    }
    WF_END_LEAF_SECTION();
    if (rc < 0) wfo_items_release(items, m);
    else wfm_free(items);
    return rc;
}

int wf_list_extend(wf_object *o, wf_object *iterable) {
    wf_list *l = (wf_list *)o;
    if (WF_LIST_CHECK_EXACT(iterable) || WF_TUPLE_CHECK_EXACT(iterable)) {
        wf_ssize_t m;
        wf_object **items = wfo_items_snapshot(iterable, &m);
        if (!items) return wf_err_occurred() ? -1 : 0;
        return append_many_steal(l, items, m);
    }
    {
        /* An exact dict or set, or a dict view: one snapshot under its
         * lock, as CPython's free-threaded list_extend_dict/_set. */
        wf_object **items;
        wf_ssize_t m;
        int r = wfo_dict_items_array(iterable, &items, &m);
        if (r == 0) r = wfo_set_items_array(iterable, &items, &m);
        if (r < 0) return -1;
        if (r > 0) return items ? append_many_steal(l, items, m) : 0;
    }
    wf_object *it = wf_object_get_iter(iterable);
    if (!it) return -1;
    /* One section across the whole iteration, as CPython's free-threaded
     * list_extend_iter_lock_held does, instead of one per item: the
     * iterator's code runs with the section held (it is suspended if that
     * code blocks, and a nested section on this list is a no-op), and
     * append_locked re-reads the size and array at every item. */
    int rc = 0;
    WF_BEGIN_CRITICAL_SECTION(l);
    note_access(l);
    for (;;) {
        wf_object *v = wf_iter_next(it);
        if (!v) break;
        if (append_locked(l, v) < 0) {
            wf_decref(v);
            rc = -1;
            break;
        }
    }
    WF_END_CRITICAL_SECTION();
    wf_decref(it);
    if (rc < 0) return -1;
    return wf_err_occurred() ? -1 : 0;
}

/* ---------------------------------------------------------------------------
 * Slices (raw bounds, see wfo_slice_adjust; the slice object or the VM
 * passes them).  Reading copies the selected items under the lock;
 * assignment and deletion build the new array under the lock and publish
 * it, releasing the removed items after the section.
 */
wf_object *wfo_list_slice(wf_object *o, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step) {
    if (step == 0) return wf_err_format(&wf_exc_ValueError, "slice step cannot be zero");
    wf_list *l = (wf_list *)o;
    wf_object **items = NULL;
    wf_ssize_t count = 0;
    int oom = 0;
    WF_BEGIN_LEAF_SECTION(l); /* critsec.h: allocation and counts only */
    note_access(l);
    count = wfo_slice_adjust(load_size(l), &start, &stop, step);
    if (count) {
        items = wfm_malloc((size_t)count * sizeof *items);
        if (!items) oom = 1;
        else {
            wfo_list_array *a = load_array(l);
            for (wf_ssize_t i = 0; i < count; i++) items[i] = wf_newref(load_item(a, start + i * step));
        }
    }
    WF_END_LEAF_SECTION();
    if (oom) return wf_err_no_memory();
    wf_object *r = wfo_list_from_array_steal(items, count);
    wfm_free(items);
    return r;
}

int wfo_list_ass_slice(wf_object *o, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step,
                       wf_object *v) {
    if (step == 0) {
        wf_err_format(&wf_exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    wf_list *l = (wf_list *)o;
    wf_object **seq = NULL;
    wf_ssize_t m = 0;
    if (v) {
        if (WF_LIST_CHECK(v) || WF_TUPLE_CHECK(v)) seq = wfo_items_snapshot(v, &m);
        else {
            wf_object *tmp = wf_list_new(0);
            if (!tmp) return -1;
            if (wf_list_extend(tmp, v) < 0) {
                wf_decref(tmp);
                if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
                    wf_err_clear();
                    wf_err_format(&wf_exc_TypeError, step == 1 ? "can only assign an iterable"
                                                               : "must assign iterable to extended slice");
                }
                return -1;
            }
            seq = wfo_items_snapshot(tmp, &m);
            wf_decref(tmp);
        }
        if (!seq && wf_err_occurred()) return -1;
    }
    int rc = 0;
    wf_object **dropped = NULL;
    wf_ssize_t ndropped = 0;
    /* A leaf (critsec.h): allocation, moves and an error message; the
     * dropped items are released after the unlock. */
    WF_BEGIN_LEAF_SECTION(l);
    note_access(l);
    wf_ssize_t n = load_size(l);
    wf_ssize_t count = wfo_slice_adjust(n, &start, &stop, step);
    if (step == 1 && stop < start) stop = start;
    if (v && step != 1 && m != count) {
        wf_err_format(&wf_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd", m, count);
        rc = -1;
    } else {
        wf_ssize_t newn = v && step != 1 ? n : n - count + (v ? m : 0);
        dropped = count ? wfm_malloc((size_t)count * sizeof *dropped) : NULL;
        wfo_list_array *na = newn ? array_new(newn + (newn >> 3) + 6) : NULL;
        if ((count && !dropped) || (newn && !na)) {
            wfm_free(dropped);
            if (na) wfm_free(na);
            dropped = NULL;
            wf_err_no_memory();
            rc = -1;
        } else {
            wfo_list_array *a = load_array(l);
            wf_ssize_t j = 0, s = 0;
            if (step == 1) {
                for (wf_ssize_t i = 0; i < start; i++) atomic_store_explicit(&na->items[j++], load_item(a, i), memory_order_relaxed);
                for (wf_ssize_t i = 0; i < m; i++) atomic_store_explicit(&na->items[j++], seq[i], memory_order_relaxed);
                for (wf_ssize_t i = start; i < start + count; i++) dropped[ndropped++] = load_item(a, i);
                for (wf_ssize_t i = start + count; i < n; i++) atomic_store_explicit(&na->items[j++], load_item(a, i), memory_order_relaxed);
            } else {
                /* Positions start + k*step, k < count, in increasing index
                 * order for the copy. */
                for (wf_ssize_t i = 0; i < n; i++) {
                    wf_ssize_t off = i - start;
                    int hit = count && off % step == 0 && off / step >= 0 && off / step < count;
                    if (!hit) atomic_store_explicit(&na->items[j++], load_item(a, i), memory_order_relaxed);
                    else {
                        dropped[ndropped++] = load_item(a, i);
                        if (v) atomic_store_explicit(&na->items[j++], seq[off / step], memory_order_relaxed);
                    }
                }
                (void)s;
            }
            atomic_store_explicit(&l->ob_array, na, memory_order_release);
            store_size(l, newn);
            free_array(l, a);
            wfm_free(seq);
            seq = NULL;
            m = 0;
        }
    }
    WF_END_LEAF_SECTION();
    if (seq) wfo_items_release(seq, m);
    for (wf_ssize_t i = 0; i < ndropped; i++) wf_decref(dropped[i]);
    wfm_free(dropped);
    return rc;
}

/* ---------------------------------------------------------------------------
 * Sorting: a stable merge sort over (key, value) pairs.
 */
typedef struct sortctx {
    wf_object **keys;   /* keys[i] is the sort key of vals[i] */
    wf_object **vals;
    wf_object **tk, **tv; /* scratch */
} sortctx;

/* 1 if keys a < b, 0, -1 error. */
static int key_lt(wf_object *a, wf_object *b) { return wf_object_rich_compare_bool(a, b, WF_LT); }

static int merge_sort(sortctx *c, wf_ssize_t lo, wf_ssize_t hi) {
    if (hi - lo < 2) return 0;
    if (hi - lo <= 8) { /* binary insertion sort: stable, few compares */
        for (wf_ssize_t i = lo + 1; i < hi; i++) {
            wf_object *k = c->keys[i], *v = c->vals[i];
            wf_ssize_t l = lo, r = i;
            while (l < r) {
                wf_ssize_t m = l + (r - l) / 2;
                int lt = key_lt(k, c->keys[m]);
                if (lt < 0) return -1;
                if (lt) r = m;
                else l = m + 1;
            }
            for (wf_ssize_t j = i; j > l; j--) { c->keys[j] = c->keys[j - 1]; c->vals[j] = c->vals[j - 1]; }
            c->keys[l] = k;
            c->vals[l] = v;
        }
        return 0;
    }
    wf_ssize_t mid = lo + (hi - lo) / 2;
    if (merge_sort(c, lo, mid) < 0 || merge_sort(c, mid, hi) < 0) return -1;
    /* Already ordered? */
    int lt = key_lt(c->keys[mid], c->keys[mid - 1]);
    if (lt < 0) return -1;
    if (!lt) return 0;
    wf_ssize_t n1 = mid - lo;
    memcpy(c->tk, c->keys + lo, (size_t)n1 * sizeof(wf_object *));
    memcpy(c->tv, c->vals + lo, (size_t)n1 * sizeof(wf_object *));
    wf_ssize_t i = 0, j = mid, k = lo;
    int rc = 0;
    while (i < n1 && j < hi) {
        int b_lt_a = rc < 0 ? 0 : key_lt(c->keys[j], c->tk[i]);
        if (b_lt_a < 0) { rc = -1; b_lt_a = 0; }
        if (b_lt_a) { c->keys[k] = c->keys[j]; c->vals[k++] = c->vals[j++]; }
        else { c->keys[k] = c->tk[i]; c->vals[k++] = c->tv[i++]; }
    }
    while (i < n1) { c->keys[k] = c->tk[i]; c->vals[k++] = c->tv[i++]; }
    return rc;
}

static void reverse_ptrs(wf_object **p, wf_ssize_t n) {
    for (wf_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        wf_object *t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

int wf_list_sort(wf_object *o, wf_object *key, int reverse) {
    wf_list *l = (wf_list *)o;
    wfo_list_array *a;
    wf_ssize_t n;
    WF_BEGIN_CRITICAL_SECTION(l);
    note_access(l);
    a = detach_locked(l, &n);
    WF_END_CRITICAL_SECTION();
    if (key == wf_None) key = NULL;
    int rc = 0;
    wf_object **vals = NULL, **keys = NULL, **scratch = NULL;
    if (n > 1) {
        vals = wfm_malloc((size_t)n * sizeof *vals);
        scratch = wfm_malloc((size_t)n * 2 * sizeof *scratch);
        keys = key ? wfm_malloc((size_t)n * sizeof *keys) : vals;
        if (!vals || !scratch || !keys) { wf_err_no_memory(); rc = -1; }
    }
    wf_ssize_t nkeys = 0;
    if (n > 1 && rc == 0) {
        for (wf_ssize_t i = 0; i < n; i++) vals[i] = load_item(a, i);
        if (key) {
            for (; nkeys < n; nkeys++) {
                keys[nkeys] = wf_object_call_one(key, vals[nkeys]);
                if (!keys[nkeys]) { rc = -1; break; }
            }
        }
        if (rc == 0) {
            /* reverse + stable sort + reverse keeps equal items in order. */
            if (reverse) { reverse_ptrs(vals, n); if (key) reverse_ptrs(keys, n); }
            sortctx c = {keys, vals, scratch, scratch + n};
            rc = merge_sort(&c, 0, n);
            if (reverse) { reverse_ptrs(vals, n); if (key) reverse_ptrs(keys, n); }
            for (wf_ssize_t i = 0; i < n; i++) store_item(a, i, vals[i]);
        }
    }
    if (key && keys && keys != vals)
        for (wf_ssize_t i = 0; i < nkeys; i++) wf_decref(keys[i]);
    if (keys != vals) wfm_free(keys);
    wfm_free(vals);
    wfm_free(scratch);
    /* Put the items back; whatever was added meanwhile is dropped. */
    wfo_list_array *intruder;
    wf_ssize_t nin;
    WF_BEGIN_CRITICAL_SECTION(l);
    intruder = detach_locked(l, &nin);
    atomic_store_explicit(&l->ob_array, a, memory_order_release);
    store_size(l, n);
    WF_END_CRITICAL_SECTION();
    if (intruder || nin) {
        release_detached(l, intruder, nin);
        if (rc == 0) {
            wf_err_format(&wf_exc_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    return rc;
}

/* ---------------------------------------------------------------------------
 * Python-level type
 */
static void list_dealloc_body(wf_object *o) {
    wf_list *l = (wf_list *)o;
    wfo_list_array *a = load_array(l);
    wf_ssize_t n = load_size(l);
    atomic_store_explicit(&l->ob_array, NULL, memory_order_relaxed);
    atomic_store_explicit(&l->ob_size, 0, memory_order_relaxed);
    release_detached(l, a, n);
    wfo_free_instance(o);
}

/* Bounded recursion when deeply nested structures die (weft/object.h trashcan). */
static void list_dealloc(wf_object *o) {
    if (wf_trashcan_begin(o, list_dealloc)) return;
    list_dealloc_body(o);
    wf_trashcan_end();
}

static int list_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_list *l = (wf_list *)o;
    wfo_list_array *a = load_array(l);
    for (wf_ssize_t i = 0; i < load_size(l); i++) {
        int r = visit(load_item(a, i), arg);
        if (r) return r;
    }
    return 0;
}

static int list_tp_clear(wf_object *o) { return wf_list_clear(o); }

wf_object *wfo_list_repr(wf_object *o) {
    if (wf_list_size(o) == 0) return wf_str_from_cstr("[]");
    int rc = wf_repr_enter(o);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_cstr("[...]");
    wf_ssize_t n;
    wf_object **items = wfo_items_snapshot(o, &n);
    wf_object *r = NULL;
    if (items || !wf_err_occurred()) {
        r = wfo_repr_join("[", items, n, "]");
        wfo_items_release(items, n);
    }
    wf_repr_leave(o);
    return r;
}

static wf_object *list_richcompare(wf_object *a, wf_object *b, int op) {
    if (!WF_LIST_CHECK(a) || !WF_LIST_CHECK(b)) return wf_newref(wf_NotImplemented);
    if ((op == WF_EQ || op == WF_NE) && wf_list_size(a) != wf_list_size(b))
        return wf_newref(wf_bool_from(op == WF_NE));
    wf_ssize_t na, nb;
    wf_object **ia = wfo_items_snapshot(a, &na);
    if (!ia && wf_err_occurred()) return NULL;
    wf_object **ib = wfo_items_snapshot(b, &nb);
    if (!ib && wf_err_occurred()) { wfo_items_release(ia, na); return NULL; }
    wf_object *r = wfo_seq_richcompare(ia, na, ib, nb, op);
    wfo_items_release(ia, na);
    wfo_items_release(ib, nb);
    return r;
}

static wf_ssize_t list_length(wf_object *o) { return wf_list_size(o); }

static wf_object *list_item(wf_object *o, wf_ssize_t i) { return wf_list_get_item(o, i); }

static wf_object *list_subscript(wf_object *o, wf_object *key) {
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        return wfo_list_slice(o, start, stop, step);
    }
    wf_ssize_t i = wfo_key_as_index(key, "list");
    if (i == -1 && wf_err_occurred()) return NULL;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(o);
    wf_list *l = (wf_list *)o;
    note_access(l);
    wf_ssize_t n = load_size(l);
    if (i < 0) i += n;
    if (i >= 0 && i < n) r = wf_newref(load_item(load_array(l), i));
    WF_END_CRITICAL_SECTION();
    if (!r) wf_err_format(&wf_exc_IndexError, "list index out of range");
    return r;
}

static int list_ass_item(wf_object *o, wf_ssize_t i, wf_object *v) {
    if (v) return wf_list_set_item(o, i, v);
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(o);
    wf_list *l = (wf_list *)o;
    note_access(l);
    wf_ssize_t n = load_size(l);
    if (i < 0) i += n;
    if (i >= 0 && i < n) r = pop_locked(l, i);
    WF_END_CRITICAL_SECTION();
    if (!r) {
        wf_err_format(&wf_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    wf_decref(r);
    return 0;
}

static int list_ass_subscript(wf_object *o, wf_object *key, wf_object *v) {
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
        return wfo_list_ass_slice(o, start, stop, step, v);
    }
    wf_ssize_t i = wfo_key_as_index(key, "list");
    if (i == -1 && wf_err_occurred()) return -1;
    return list_ass_item(o, i, v);
}

/* Scan items [start, stop) comparing each with v (==), holding the list's
 * critical section across the whole scan as CPython's free-threaded build
 * does (the comparison may run Python code: the section is suspended only
 * if that code blocks, and the bounds are re-read at every step).  mode
 * SCAN_FIRST stops at the first match and returns its index (-1 if none),
 * SCAN_COUNT counts matches, SCAN_REMOVE removes the first match and
 * returns its index.  -2 on error. */
enum { SCAN_FIRST, SCAN_COUNT, SCAN_REMOVE };
static wf_ssize_t scan_locked(wf_list *l, wf_object *v, wf_ssize_t start, wf_ssize_t stop,
                              int mode, wf_object **removed) {
    wf_ssize_t result = mode == SCAN_COUNT ? 0 : -1;
    WF_BEGIN_CRITICAL_SECTION(l);
    note_access(l);
    for (wf_ssize_t i = start; i < stop && i < load_size(l); i++) {
        wf_object *it = wf_newref(load_item(load_array(l), i));
        int k = wf_object_rich_compare_bool(it, v, WF_EQ);
        if (k < 0) {
            wf_decref(it);
            result = -2;
            break;
        }
        if (k && mode == SCAN_COUNT) result++;
        else if (k && mode == SCAN_FIRST) {
            wf_decref(it);
            result = i;
            break;
        } else if (k) {
            /* The comparison may have mutated the list: remove the item
             * only if it is still at i, else look at index i again. */
            if (i < load_size(l) && load_item(load_array(l), i) == it) {
                *removed = pop_locked(l, i);
                wf_decref(it);
                result = i;
                break;
            }
            i--;
        }
        wf_decref(it);
    }
    WF_END_CRITICAL_SECTION();
    return result;
}

static int list_contains(wf_object *o, wf_object *v) {
    wf_ssize_t r = scan_locked((wf_list *)o, v, 0, WF_SSIZE_MAX, SCAN_FIRST, NULL);
    return r == -2 ? -1 : r >= 0;
}

static wf_object *list_concat(wf_object *a, wf_object *b) {
    if (!WF_LIST_CHECK(b))
        return wf_err_format(&wf_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                             wf_type_name(WF_TYPE(b)));
    wf_ssize_t na, nb;
    wf_object **ia = wfo_items_snapshot(a, &na);
    if (!ia && wf_err_occurred()) return NULL;
    wf_object **ib = wfo_items_snapshot(b, &nb);
    if (!ib && wf_err_occurred()) { wfo_items_release(ia, na); return NULL; }
    wf_object **all = na + nb ? wfm_malloc((size_t)(na + nb) * sizeof *all) : NULL;
    if (na + nb && !all) {
        wfo_items_release(ia, na);
        wfo_items_release(ib, nb);
        return wf_err_no_memory();
    }
    if (na) memcpy(all, ia, (size_t)na * sizeof *all);
    if (nb) memcpy(all + na, ib, (size_t)nb * sizeof *all);
    wfm_free(ia);
    wfm_free(ib);
    wf_object *r = wfo_list_from_array_steal(all, na + nb);
    wfm_free(all);
    return r;
}

static wf_object *list_repeat(wf_object *a, wf_ssize_t k) {
    wf_ssize_t n;
    wf_object **ia = wfo_items_snapshot(a, &n);
    if (!ia && wf_err_occurred()) return NULL;
    if (k <= 0 || n == 0) { wfo_items_release(ia, n); return wf_list_new(0); }
    if (k > WF_SSIZE_MAX / n / (wf_ssize_t)sizeof(wf_object *)) {
        wfo_items_release(ia, n);
        return wf_err_no_memory();
    }
    wf_object **all = wfm_malloc((size_t)(n * k) * sizeof *all);
    if (!all) { wfo_items_release(ia, n); return wf_err_no_memory(); }
    for (wf_ssize_t r = 0; r < k; r++)
        for (wf_ssize_t i = 0; i < n; i++) all[r * n + i] = wf_newref(ia[i]);
    wfo_items_release(ia, n);
    wf_object *res = wfo_list_from_array_steal(all, n * k);
    wfm_free(all);
    return res;
}

static wf_object *list_inplace_concat(wf_object *a, wf_object *b) {
    if (wf_list_extend(a, b) < 0) return NULL;
    return wf_newref(a);
}

static wf_object *list_inplace_repeat(wf_object *a, wf_ssize_t k) {
    if (k <= 0) {
        wf_list_clear(a);
        return wf_newref(a);
    }
    wf_ssize_t n;
    wf_object **ia = wfo_items_snapshot(a, &n);
    if (!ia && wf_err_occurred()) return NULL;
    for (wf_ssize_t r = 1; r < k && n; r++) {
        wf_object **copy = wfm_malloc((size_t)n * sizeof *copy);
        if (!copy) { wfo_items_release(ia, n); return wf_err_no_memory(); }
        for (wf_ssize_t i = 0; i < n; i++) copy[i] = wf_newref(ia[i]);
        if (append_many_steal((wf_list *)a, copy, n) < 0) { wfo_items_release(ia, n); return NULL; }
    }
    wfo_items_release(ia, n);
    return wf_newref(a);
}

/* --- methods --- */
static wf_object *m_append(wf_object *self, wf_object *v) {
    if (wf_list_append(self, v) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_extend(wf_object *self, wf_object *v) {
    if (wf_list_extend(self, v) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_insert(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("insert", nargs, 2, 2) < 0) return NULL;
    if (!wf_index_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             wf_type_name(WF_TYPE(args[0])));
    wf_ssize_t i = wf_number_as_ssize_t(args[0], NULL);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (wf_list_insert(self, i, args[1]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_pop(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("pop", nargs, 0, 1) < 0) return NULL;
    wf_ssize_t i = -1;
    if (nargs) {
        if (!wf_index_check(args[0]))
            return wf_err_format(&wf_exc_TypeError,
                                 "'%s' object cannot be interpreted as an integer",
                                 wf_type_name(WF_TYPE(args[0])));
        i = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (i == -1 && wf_err_occurred()) return NULL;
    }
    return wf_list_pop(self, i);
}
static wf_object *m_clear(wf_object *self, wf_object *u) {
    wf_list_clear(self);
    WF_RETURN_NONE;
}
static wf_object *m_copy(wf_object *self, wf_object *u) {
    wf_ssize_t n;
    wf_object **items = wfo_items_snapshot(self, &n);
    if (!items && wf_err_occurred()) return NULL;
    wf_object *r = wfo_list_from_array_steal(items, n);
    wfm_free(items);
    return r;
}
static wf_object *m_reverse(wf_object *self, wf_object *u) {
    wf_list_reverse(self);
    WF_RETURN_NONE;
}
static wf_object *m_count(wf_object *self, wf_object *v) {
    wf_ssize_t c = scan_locked((wf_list *)self, v, 0, WF_SSIZE_MAX, SCAN_COUNT, NULL);
    return c == -2 ? NULL : wf_int_from_ssize(c);
}
static wf_object *m_index(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("index", nargs, 1, 3) < 0) return NULL;
    wf_ssize_t start, stop;
    if (wfo_parse_index_bounds(args, nargs, wf_list_size(self), &start, &stop) < 0) return NULL;
    wf_ssize_t i = scan_locked((wf_list *)self, args[0], start, stop, SCAN_FIRST, NULL);
    if (i == -2) return NULL;
    if (i >= 0) return wf_int_from_ssize(i);
    return wf_err_format(&wf_exc_ValueError, "%R is not in list", args[0]);
}
static wf_object *m_remove(wf_object *self, wf_object *v) {
    wf_object *removed = NULL;
    wf_ssize_t i = scan_locked((wf_list *)self, v, 0, WF_SSIZE_MAX, SCAN_REMOVE, &removed);
    if (i == -2) return NULL;
    if (removed) {
        wf_decref(removed);
        WF_RETURN_NONE;
    }
    return wf_err_format(&wf_exc_ValueError, "list.remove(x): x not in list");
}
static wf_object *m_sort(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                         wf_object *kwnames) {
    if (nargs)
        return wf_err_format(&wf_exc_TypeError, "sort() takes no positional arguments");
    wf_object *key = NULL;
    int reverse = 0;
    wf_ssize_t nk = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (wf_ssize_t i = 0; i < nk; i++) {
        wf_object *name = WF_TUPLE_ITEM(kwnames, i);
        if (wf_str_eq_cstr(name, "key")) key = args[i];
        else if (wf_str_eq_cstr(name, "reverse")) {
            reverse = wf_object_is_true(args[i]);
            if (reverse < 0) return NULL;
        } else
            return wf_err_format(&wf_exc_TypeError,
                                 "'%U' is an invalid keyword argument for sort()", name);
    }
    if (wf_list_sort(self, key, reverse) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *list_reversed(wf_object *self, wf_object *u);

static wf_method_def list_methods[] = {
    {"append", m_append, WF_METH_O, "Append object to the end of the list."},
    {"extend", m_extend, WF_METH_O, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, WF_METH_FASTCALL, "Insert object before index."},
    {"pop", m_pop, WF_METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", m_remove, WF_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", m_index, WF_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", m_count, WF_METH_O, "Return number of occurrences of value."},
    {"clear", m_clear, WF_METH_NOARGS, "Remove all items from list."},
    {"copy", m_copy, WF_METH_NOARGS, "Return a shallow copy of the list."},
    {"reverse", m_reverse, WF_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", m_sort, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Sort the list in ascending order and return None."},
    {"__reversed__", list_reversed, WF_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {NULL, NULL, 0, NULL},
};

static wf_object *list_new_impl(wf_type *type, wf_object *args, wf_object *kwargs) {
    return wf_type_generic_alloc(type, 0);
}

static int list_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (WF_LIST_CHECK_EXACT(self) && wfo_no_kwargs("list", kwargs) < 0) return -1;
    wf_ssize_t nargs = WF_TUPLE_SIZE(args);
    if (nargs > 1) {
        wf_err_format(&wf_exc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    wf_list_clear(self);
    if (nargs) return wf_list_extend(self, WF_TUPLE_ITEM(args, 0));
    return 0;
}

static wf_object *list_iter(wf_object *o);

static wf_sequence_methods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};
static wf_mapping_methods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

wf_type wf_list_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "list",
    .tp_basicsize = sizeof(wf_list),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_LIST_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE |
                WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = list_dealloc,
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_repr = wfo_list_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = list_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = list_iter,
    .tp_new = list_new_impl,
    .tp_init = list_init,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
};

/* ---------------------------------------------------------------------------
 * Iterators.  The index is advanced with atomic RMWs so a shared iterator
 * hands each item to one thread; a negative index means exhausted (so an
 * exhausted iterator stays exhausted even if the list grows, as CPython).
 */
typedef struct listiter {
    wf_object ob_base;
    _Atomic wf_ssize_t index;
    wf_object *seq; /* the list; held until the iterator dies */
} listiter;

#define EXHAUSTED (WF_SSIZE_MAX / -2)

static wf_object *iter_new(wf_type *t, wf_object *seq, wf_ssize_t start) {
    listiter *it = (listiter *)wfo_alloc(t, sizeof *it);
    if (!it) return NULL;
    it->seq = wf_newref(seq);
    atomic_store_explicit(&it->index, start, memory_order_relaxed);
    return (wf_object *)it;
}

static wf_object *list_iter(wf_object *o) { return iter_new(&wfo_list_iter_type, o, 0); }

static wf_object *listiter_next(wf_object *o) {
    listiter *it = (listiter *)o;
    if (atomic_load_explicit(&it->index, memory_order_relaxed) < 0) return NULL;
    wf_ssize_t i = atomic_fetch_add_explicit(&it->index, 1, memory_order_relaxed);
    if (i < 0) return NULL;
    wf_object *r = list_item_ref((wf_list *)it->seq, i);
    if (!r) atomic_store_explicit(&it->index, EXHAUSTED, memory_order_relaxed);
    return r;
}

static void listiter_dealloc(wf_object *o) {
    wf_decref(((listiter *)o)->seq);
    wfo_free_instance(o);
}

/* gc: the list (world stopped; seq never changes). */
static int listiter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return visit(((listiter *)o)->seq, arg);
}

static wf_object *iter_self(wf_object *o) { return wf_newref(o); }

static wf_object *listiter_length_hint(wf_object *o, wf_object *u) {
    listiter *it = (listiter *)o;
    wf_ssize_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    wf_ssize_t n = i < 0 ? 0 : wf_list_size(it->seq) - i;
    return wf_int_from_ssize(n < 0 ? 0 : n);
}
static wf_method_def listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

wf_type wfo_list_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

/* Reverse iterator: index counts down; it stops at -1 or when the list
 * has shrunk below the index. */
static wf_object *listrev_next(wf_object *o) {
    listiter *it = (listiter *)o;
    if (atomic_load_explicit(&it->index, memory_order_relaxed) < 0) return NULL;
    wf_ssize_t i = atomic_fetch_sub_explicit(&it->index, 1, memory_order_relaxed);
    if (i < 0) return NULL;
    wf_object *r = list_item_ref((wf_list *)it->seq, i);
    if (!r) atomic_store_explicit(&it->index, EXHAUSTED, memory_order_relaxed);
    return r;
}
static wf_object *listrev_length_hint(wf_object *o, wf_object *u) {
    listiter *it = (listiter *)o;
    wf_ssize_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    wf_ssize_t n = i + 1;
    if (n < 0 || n > wf_list_size(it->seq)) n = 0;
    return wf_int_from_ssize(n);
}
static wf_method_def listrev_methods[] = {
    {"__length_hint__", listrev_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};
static wf_type list_reviter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listiter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = listrev_next,
    .tp_methods = listrev_methods,
};

static wf_object *list_reversed(wf_object *self, wf_object *u) {
    return iter_new(&list_reviter_type, self, wf_list_size(self) - 1);
}

void wfo_list_init(void) {
    wf_type_ready(&wf_list_type);
    wf_type_ready(&wfo_list_iter_type);
    wf_type_ready(&list_reviter_type);
}
