/*
 * weft/object.h — the object header and the reference-counting macros.
 *
 * Free-threaded flavour (ARCHITECTURE decision 1), 24 bytes:
 *
 *   off  field          who writes it / how it is read
 *    0   ob_tid         small index of the owning thread (1..N), 0 = no owner
 *                       (merged or immortal).  Set at creation by the
 *                       allocating thread; cleared (relaxed store) by the
 *                       merge paths *before* the CAS to MERGED, so that
 *                       "tid == 0 => merged or immortal" always holds.
 *                       WF_TID_PERTHREAD = per-thread counting (published
 *                       with release by its one converter, see below and
 *                       runtime/memory/perthread.c; undone only with the
 *                       world stopped).  Everyone reads it with relaxed
 *                       loads; the per-thread path re-reads it with acquire.
 *    4   ob_ref_local   owner-only count.  The owner updates it with relaxed
 *                       load + relaxed store (no RMW); other threads read it
 *                       only to test immortality.  UINT32_MAX = immortal.
 *                       Per-thread objects hold their id here instead
 *                       (stored by the converter before the tid).
 *    8   ob_ref_shared  (count << 2) | state, count signed.  Every thread
 *                       changes it with atomic RMWs; state bits only move
 *                       upward DEFAULT(0) -> MAYBE_WEAKREF(1) -> QUEUED(2) ->
 *                       MERGED(3), always by CAS.
 *   12   ob_mutex       per-object 1-byte mutex (see weft/mutex.h); locked
 *                       only through critical sections.
 *   13   ob_gc_bits     WF_GC_* bits; relaxed RMW under the object's lock or
 *                       while the object is private; relaxed loads anywhere.
 *   14   ob_flags       WF_OBJ_* bits.  STATIC and PT_LATER are written only
 *                       while the object is private; PT_SEEN is set by any
 *                       thread holding a reference (relaxed RMW).  Relaxed
 *                       loads anywhere.
 *   16   ob_type        the type; immutable after publication.
 *
 * GIL flavour, 16 bytes: ob_refcnt (plain integer, protected by the GIL) and
 * ob_type.
 *
 * The true count of a free-threaded object is ob_ref_local + (shared >> 2)
 * (arithmetic shift; the shared count may be negative).  An object is
 * destroyed exactly once: by its owner when the local count reaches zero
 * and the shared word is exactly 0 (the fast path), or by whoever brings a
 * MERGED count to zero.  See docs/internals/refcounting.md.
 *
 * One macro set (wf_incref/wf_decref/...) serves both flavours.
 */
#ifndef WEFT_OBJECT_H
#define WEFT_OBJECT_H

#include <assert.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "weft/config.h"
#include "weft/counters.h"
#include "weft/mutex.h"

typedef struct wf_object wf_object;
typedef struct wf_type wf_type;

/* Index of the calling thread in the thread registry (threads/thread.c):
 * 1..N while the thread is registered, WFT_NO_INDEX otherwise.  It is
 * never 0, so an unowned object (tid 0) is never "owned" by anyone. */
#define WFT_NO_INDEX UINT32_MAX
/* Every weft program is one executable (no shared library holds these
 * variables or code that reads them), so the thread-locals read on the
 * counting fast paths use the local-exec model: one %fs-relative access
 * instead of loading the offset first. */
#define WF_TLS_LOCAL_EXEC __attribute__((tls_model("local-exec")))
extern _Thread_local uint32_t wft_tls_index WF_TLS_LOCAL_EXEC;

/* ob_flags bits. */
#define WF_OBJ_STATIC 0x0001u /* statically allocated: never freed */
#define WF_OBJ_PT_LATER 0x0002u /* wf_perthread_enable_for_threads was asked
                                   while the process had one thread */
#define WF_OBJ_PT_SEEN 0x0004u /* a thread that does not own the object has
                                  loaded it from a shared place once
                                  (wf_perthread_note_shared_load) */

#if WF_FREE_THREADED

struct wf_object {
    _Atomic uint32_t ob_tid;
    _Atomic uint32_t ob_ref_local;
    _Atomic int32_t ob_ref_shared;
    wf_mutex ob_mutex;
    _Atomic uint8_t ob_gc_bits;
    _Atomic uint16_t ob_flags;
    wf_type *ob_type;
};

static_assert(sizeof(struct wf_object) == 24, "free-threaded header is 24 bytes");
static_assert(offsetof(struct wf_object, ob_ref_local) == 4, "layout");
static_assert(offsetof(struct wf_object, ob_ref_shared) == 8, "layout");
static_assert(offsetof(struct wf_object, ob_mutex) == 12, "layout");
static_assert(offsetof(struct wf_object, ob_gc_bits) == 13, "layout");
static_assert(offsetof(struct wf_object, ob_flags) == 14, "layout");
static_assert(offsetof(struct wf_object, ob_type) == 16, "layout");
static_assert(sizeof(wf_mutex) == 1, "layout");
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the combined header words below assume a little-endian target"
#endif

/* 64-bit views of the header's two count words, used only by the header
 * initialisation (one atomic store each instead of one per field):
 *   word 0 (offset 0) = ob_tid | ob_ref_local << 32
 *   word 1 (offset 8) = ob_ref_shared | ob_mutex << 32 | ob_gc_bits << 40
 *                       | ob_flags << 48
 * Every access through them is an atomic builtin, so a reader's atomic
 * load of one field never races with them (the build has
 * -fno-strict-aliasing). */
#define WF_HDR_WORD0(op) ((uint64_t *)(void *)(op))
#define WF_HDR_WORD1(op) ((uint64_t *)(void *)((char *)(op) + 8))
#define WF_HDR_MAKE_WORD0(tid, local) ((uint64_t)(uint32_t)(tid) | (uint64_t)(uint32_t)(local) << 32)
#define WF_HDR_MAKE_WORD1(shared, mutex, gc_bits, flags)                                  \
    ((uint64_t)(uint32_t)(shared) | (uint64_t)(uint8_t)(mutex) << 32 |                     \
     (uint64_t)(uint8_t)(gc_bits) << 40 | (uint64_t)(uint16_t)(flags) << 48)

/* States of the low two bits of ob_ref_shared. */
#define WF_REF_DEFAULT 0
#define WF_REF_MAYBE_WEAKREF 1
#define WF_REF_QUEUED 2
#define WF_REF_MERGED 3
#define WF_REF_STATE_MASK 3
#define WF_REF_SHARED_SHIFT 2
#define WF_REF_SHARED(count, state) ((int32_t)(((uint32_t)(count) << WF_REF_SHARED_SHIFT) | (uint32_t)(state)))
#define WF_REF_SHARED_COUNT(shared) ((int32_t)(shared) >> WF_REF_SHARED_SHIFT)

#define WF_IMMORTAL_LOCAL UINT32_MAX
/* Bias added to the shared count of a deferred object, so that stack
 * references the VM does not count can never drive it to zero outside the
 * collector (or wf_clear_deferred). */
#define WF_REF_DEFERRED_BIAS (1 << 26)

/* ob_gc_bits */
#define WF_GC_TRACKED 0x01u
#define WF_GC_FINALIZED 0x02u
#define WF_GC_UNREACHABLE 0x04u
#define WF_GC_FROZEN 0x08u
#define WF_GC_SHARED 0x10u  /* a container a non-owner has touched */
#define WF_GC_ALIVE 0x20u
#define WF_GC_DEFERRED 0x40u /* uses deferred reference counting */
#define WF_GC_PT_WANTED 0x80u /* per-thread counting requested or active */

#define WF_OBJECT_HEAD_INIT(type)                                                     \
    {.ob_tid = 0, .ob_ref_local = WF_IMMORTAL_LOCAL, .ob_ref_shared = 0,              \
     .ob_mutex = WF_MUTEX_INIT, .ob_gc_bits = 0, .ob_flags = WF_OBJ_STATIC,           \
     .ob_type = (type)}

#else /* WF_GIL_BUILD */

struct wf_object {
    intptr_t ob_refcnt; /* protected by the GIL */
    wf_type *ob_type;
};

static_assert(sizeof(struct wf_object) == 16, "GIL header is 16 bytes");
static_assert(offsetof(struct wf_object, ob_type) == 8, "layout");

/* Immortal objects have the sign bit of the low 32 bits set: increments and
 * decrements skip them, and a count that somehow reaches 2^31 turns
 * immortal (a leak) instead of overflowing.  */
#define WF_IMMORTAL_REFCNT_GIL ((intptr_t)0xC0000000u)

#define WF_OBJECT_HEAD_INIT(type) {.ob_refcnt = WF_IMMORTAL_REFCNT_GIL, .ob_type = (type)}

#endif

/* What wf_refcnt() reports for an immortal object. */
#define WF_IMMORTAL_REFCNT ((intptr_t)0x3FFFFFFF)

/* The type object (struct wf_type) is defined in weft/type.h; the memory
 * and thread layers call only its first slots, tp_dealloc and tp_traverse. */
typedef int (*wf_visitproc)(wf_object *, void *);

/* A type's tp_dealloc, for wf_decref's fast dealloc: the slot's offset in
 * struct wf_type (weft/type.h checks it), so that this header needs no
 * more of the type than that. */
#define WF_TYPE_TP_DEALLOC_OFFSET (sizeof(wf_object) + 4 * sizeof(size_t))
static inline void wf_type_call_dealloc(wf_object *op) {
    void (*d)(wf_object *) =
        *(void (**)(wf_object *))(void *)((char *)op->ob_type + WF_TYPE_TP_DEALLOC_OFFSET);
    d(op);
}

/* Out-of-line paths (runtime/memory/refcount.c). */
void wf_dealloc(wf_object *op);
#if WF_FREE_THREADED
void wf_merge_zero_local(wf_object *op);
void wf_decref_shared(wf_object *op);
#endif

static inline bool wf_is_immortal(const wf_object *op) {
#if WF_FREE_THREADED
    return atomic_load_explicit(&((wf_object *)op)->ob_ref_local, memory_order_relaxed) ==
           WF_IMMORTAL_LOCAL;
#else
    return (int32_t)op->ob_refcnt < 0;
#endif
}

#if WF_FREE_THREADED
static inline bool wf_is_owned_by_current_thread(const wf_object *op) {
    return atomic_load_explicit(&((wf_object *)op)->ob_tid, memory_order_relaxed) ==
           wft_tls_index;
}
#endif

#if WF_FREE_THREADED
/* Per-thread reference counting (runtime/memory/perthread.c).  An object
 * in this mode has ob_tid == WF_TID_PERTHREAD and its unique id in
 * ob_ref_local; every thread adds its increments and decrements to its own
 * slot wf_tls_ptc[id] (owner-only relaxed load + store, no RMW).  The true
 * count is the shared count plus the sum of every thread's slot; it is
 * folded only while the world is stopped (the collector), which is also the
 * only time such an object can be freed.  The converter stores the id
 * before it publishes WF_TID_PERTHREAD with a release store, so a thread
 * that sees the tid (acquire) reads the id, not an old local count. */
#define WF_TID_PERTHREAD (UINT32_MAX - 1)
extern _Thread_local _Atomic intptr_t *wf_tls_ptc WF_TLS_LOCAL_EXEC;
extern _Thread_local uint32_t wf_tls_ptc_cap WF_TLS_LOCAL_EXEC;
void wf_perthread_add_slow(wf_object *op, uint32_t id, intptr_t delta);

WF_INLINE void wf_perthread_add(wf_object *op, intptr_t delta) {
    (void)atomic_load_explicit(&op->ob_tid, memory_order_acquire);
    uint32_t id = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    if (WF_LIKELY(id < wf_tls_ptc_cap)) {
        _Atomic intptr_t *slot = &wf_tls_ptc[id];
        atomic_store_explicit(slot, atomic_load_explicit(slot, memory_order_relaxed) + delta,
                              memory_order_relaxed);
    } else {
        wf_perthread_add_slow(op, id, delta);
    }
}
#endif

WF_INLINE void wf_incref(wf_object *op) {
#if WF_FREE_THREADED
    uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    uint32_t next = local + 1;
    if (next == 0) return; /* immortal */
    uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
    if (WF_LIKELY(tid == wft_tls_index))
        atomic_store_explicit(&op->ob_ref_local, next, memory_order_relaxed);
    else if (tid == WF_TID_PERTHREAD)
        wf_perthread_add(op, 1);
    else {
        WF_COUNT(rc_shared_incref);
        atomic_fetch_add_explicit(&op->ob_ref_shared, 1 << WF_REF_SHARED_SHIFT,
                                  memory_order_relaxed);
    }
#else
    if ((int32_t)op->ob_refcnt < 0) return;
    op->ob_refcnt++;
#endif
}

WF_INLINE void wf_decref(wf_object *op) {
#if WF_FREE_THREADED
    uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) return;
    uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
    if (WF_LIKELY(tid == wft_tls_index)) {
        local--;
        atomic_store_explicit(&op->ob_ref_local, local, memory_order_relaxed);
        if (local == 0) {
            /* The fast dealloc (refcount.c I3a): DEFAULT with no shared
             * references, acquire as wf_merge_zero_local does; any other
             * shared word takes the out-of-line merge.  One load of header
             * word 1 reads the shared word and WF_GC_PT_WANTED together:
             * without the bit (nearly always) the type's dealloc runs
             * directly, with it wf_dealloc takes op off the pending list
             * first. */
            uint64_t w1 = __atomic_load_n(WF_HDR_WORD1(op), __ATOMIC_ACQUIRE);
            if (WF_LIKELY((w1 & (0xFFFFFFFFull | (uint64_t)WF_GC_PT_WANTED << 40)) == 0))
                wf_type_call_dealloc(op);
            else if ((uint32_t)w1 == 0)
                wf_dealloc(op);
            else
                wf_merge_zero_local(op);
        }
    } else if (tid == WF_TID_PERTHREAD) {
        wf_perthread_add(op, -1);
    } else {
        wf_decref_shared(op);
    }
#else
    if ((int32_t)op->ob_refcnt < 0) return;
    if (--op->ob_refcnt == 0) wf_dealloc(op);
#endif
}

WF_INLINE void wf_xincref(wf_object *op) {
    if (op) wf_incref(op);
}
WF_INLINE void wf_xdecref(wf_object *op) {
    if (op) wf_decref(op);
}
WF_INLINE wf_object *wf_newref(wf_object *op) {
    wf_incref(op);
    return op;
}
WF_INLINE wf_object *wf_xnewref(wf_object *op) {
    if (op) wf_incref(op);
    return op;
}
#define WF_INCREF(op) wf_incref((wf_object *)(op))
#define WF_DECREF(op) wf_decref((wf_object *)(op))
#define WF_XINCREF(op) wf_xincref((wf_object *)(op))
#define WF_XDECREF(op) wf_xdecref((wf_object *)(op))
#define WF_CLEAR(slot)                                \
    do {                                              \
        wf_object *wf_tmp_ = (wf_object *)(slot);     \
        if (wf_tmp_) { (slot) = NULL; wf_decref(wf_tmp_); } \
    } while (0)

/* Initialise the header of freshly allocated, not yet published memory:
 * owned by the calling thread with one reference.  All stores are atomic
 * because a lock-free reader holding a stale pointer to the previous
 * occupant of this memory may probe the count fields concurrently; the
 * shared word is stored last, with release (refcount.c's file comment).
 * Free-threaded: three stores -- word 0 (tid, local count), the type,
 * then word 1 (shared word, mutex, gc bits, flags) with release, so the
 * shared word is still stored last and with release, and every other
 * field is visible to whoever acquires it.
 * The common case (a registered thread) is inline; an unregistered
 * thread's objects are set up by wf_object_init_unowned (refcount.c). */
#if WF_FREE_THREADED
void wf_object_init_unowned(wf_object *op, wf_type *type);
#endif
WF_INLINE void wf_object_init(wf_object *op, wf_type *type) {
#if WF_FREE_THREADED
    uint32_t me = wft_tls_index;
    if (WF_UNLIKELY(me == WFT_NO_INDEX)) {
        wf_object_init_unowned(op, type);
        return;
    }
    __atomic_store_n(WF_HDR_WORD0(op), WF_HDR_MAKE_WORD0(me, 1), __ATOMIC_RELAXED);
    __atomic_store_n(&op->ob_type, type, __ATOMIC_RELAXED);
    __atomic_store_n(WF_HDR_WORD1(op), WF_HDR_MAKE_WORD1(0, 0, 0, 0), __ATOMIC_RELEASE);
#else
    op->ob_refcnt = 1;
    op->ob_type = type;
#endif
}

/* The current count (for tests, sys.getrefcount, the GC).  Immortal
 * objects report WF_IMMORTAL_REFCNT; deferred objects exclude the bias. */
intptr_t wf_refcnt(const wf_object *op);

/* Make op immortal: never freed, count traffic skipped.  Call it while
 * op is private to the calling thread (or the world is stopped). */
void wf_set_immortal(wf_object *op);

/* Deferred reference counting: the shared count carries a large bias so
 * that references the VM does not count (stack references) cannot free the
 * object.  Free-threaded only; in the GIL flavour these do nothing.
 * wf_set_deferred must be called by the owner while the shared word is
 * still 0.  wf_clear_deferred removes the bias (collector, shutdown) and
 * deallocates op if nothing else refers to it.  */
void wf_set_deferred(wf_object *op);
void wf_clear_deferred(wf_object *op);
bool wf_is_deferred(const wf_object *op);

/* Try-incref primitives for lock-free readers.  op may be a stale pointer
 * into type-stable memory (runtime/memory/slab.c): these never write to a
 * dead object's fields except through a CAS that fails on dead objects.
 *
 *   wf_try_incref(op)            new reference if op is alive and the
 *                                shared count may be raised safely
 *   wf_try_incref_compare(s, op) ... and *s still holds op afterwards
 *   wf_xget_ref(s)               retry loop: a new reference to *s or NULL
 *   wf_try_xget_ref(s, &out)     one attempt; false = take the locked path
 *   wf_incref_with_lock(op)      incref on the locked fallback path: also
 *                                moves op out of DEFAULT (MAYBE_WEAKREF) so
 *                                later lock-free reads of it succeed
 *
 * A try-incref by a non-owner fails while op's shared word is exactly 0
 * (DEFAULT, no shared references), because the owner may be taking the
 * fast dealloc path.  So the retry loop wf_xget_ref is only for slots whose
 * values have try-incref enabled (wf_enable_try_incref before they are
 * published, as a writer does for values that lock-free readers will read);
 * otherwise readers use wf_try_xget_ref and fall back to a locked path that
 * calls wf_incref_with_lock, which enables it.
 */
bool wf_try_incref(wf_object *op);
bool wf_try_incref_compare(wf_object *_Atomic *slot, wf_object *op);
wf_object *wf_xget_ref(wf_object *_Atomic *slot);
bool wf_try_xget_ref(wf_object *_Atomic *slot, wf_object **out);
void wf_incref_with_lock(wf_object *op);

#if WF_FREE_THREADED
/* The cases of a try-incref that need no RMW, inline for the lock-free
 * readers (refcount.c, containers.h, the type cache): op is immortal, owned
 * by the calling thread (the owner cannot race with its own fast dealloc,
 * and memory it could be probing becomes "owned" again only after it
 * allocates), or counted per thread (freed only in a pause, which cannot
 * begin while we run, so whatever object the memory holds now is alive and
 * a failed re-check undoes the count on that same object).  false: the
 * caller takes the shared path (wf_try_incref and friends). */
WF_INLINE bool wf_try_incref_fast(wf_object *op) {
    uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) return true;
    uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
    if (tid == wft_tls_index) {
        atomic_store_explicit(&op->ob_ref_local, local + 1, memory_order_relaxed);
        return true;
    }
    if (tid == WF_TID_PERTHREAD) {
        wf_perthread_add(op, 1);
        return true;
    }
    return false;
}
#endif

/* Merge op's local count into its shared count (tid := 0, state MERGED),
 * adding extra; returns the merged count.  Called by the owner, by the
 * merge-queue drain, or for an exited owner's objects. Free-threaded only. */
#if WF_FREE_THREADED
intptr_t wf_explicit_merge(wf_object *op, intptr_t extra);
void wf_set_maybe_weakref(wf_object *op);
#endif

/* Let non-owners' try-increfs succeed on op from now on (free-threaded: move
 * it to MAYBE_WEAKREF, forcing its owner onto the merge path when its local
 * count drops to zero; GIL flavour: nothing to do). */
static inline void wf_enable_try_incref(wf_object *op) {
#if WF_FREE_THREADED
    wf_set_maybe_weakref(op);
#else
    (void)op;
#endif
}

/* Per-thread reference counting for hot shared objects (ARCHITECTURE
 * decision 2; runtime/memory/perthread.c).  Objects that every thread
 * references — top-level functions, classes, modules and their dicts,
 * thread-local objects, and whatever the VM loads from module globals by a
 * thread that does not own it — stop touching a shared cache line on
 * incref/decref: each thread counts in its own array.  Such an object is
 * freed only by the cycle collector (its destructor and weakref callbacks
 * run at the next collection), like CPython's deferred objects.
 *
 *   wf_perthread_enable(op)   convert now; the caller holds a reference
 *                             and is op's owner (or op has no owner).
 *                             Otherwise falls back to wf_perthread_request.
 *   wf_perthread_request(op)  any thread: ask for op to be converted at the
 *                             next conversion pause (a short stop-the-world
 *                             run from the requester's eval breaker,
 *                             WFT_EB_PERTHREAD).  Ignored for objects whose
 *                             type has a finalizer or weak references, whose
 *                             death a program may observe.
 *   wf_is_perthread(op)
 *
 * Immortal and deferred objects, and instances of classes with a
 * finalizer (__del__), are never converted.  In the GIL flavour these do
 * nothing. */
void wf_perthread_enable(wf_object *op);
void wf_perthread_request(wf_object *op);
/* The creator's conversion, for objects every thread will use once there
 * are several (classes, top-level functions, modules and their dicts, C
 * functions of modules).  Call it while op is still private (it writes
 * ob_flags); _thread._local objects, published before their conversion,
 * use wf_perthread_enable.  While the process
 * has had only one thread, it only marks op (WF_OBJ_PT_LATER): a program
 * that never starts a thread keeps counting these objects as the owner,
 * the cheapest way, and they die when their count drops instead of at the
 * next collection.  The first thread the runtime starts converts every
 * marked object still alive (wfm_perthread_before_threads); from then on
 * it is wf_perthread_enable. */
void wf_perthread_enable_for_threads(wf_object *op);
#if WF_FREE_THREADED
static inline bool wf_is_perthread(const wf_object *op) {
    return atomic_load_explicit(&((wf_object *)op)->ob_tid, memory_order_relaxed) ==
           WF_TID_PERTHREAD;
}
/* The VM's hint after loading v from a module's globals or attributes (or
 * an item of a per-thread container): a value that is neither immortal,
 * per-thread, nor owned by the caller is worth converting (every thread
 * that loads it would otherwise contend on its shared count) -- once it
 * has been loaded so twice (wf_perthread_note_slow, perthread.c). */
void wf_perthread_note_slow(wf_object *v);
static inline void wf_perthread_note_shared_load(wf_object *v) {
    uint32_t tid = atomic_load_explicit(&v->ob_tid, memory_order_relaxed);
    if (WF_LIKELY(tid == wft_tls_index || tid == WF_TID_PERTHREAD)) return;
    if (atomic_load_explicit(&v->ob_ref_local, memory_order_relaxed) == WF_IMMORTAL_LOCAL) return;
    if (atomic_load_explicit(&v->ob_gc_bits, memory_order_relaxed) & (WF_GC_PT_WANTED | WF_GC_DEFERRED)) return;
    wf_perthread_note_slow(v);
}
#else
static inline bool wf_is_perthread(const wf_object *op) {
    (void)op;
    return false;
}
static inline void wf_perthread_note_shared_load(wf_object *v) { (void)v; }
#endif

/* GC bits (free-threaded header; the GIL flavour keeps none yet). */
#if WF_FREE_THREADED
static inline uint8_t wf_gc_bits(const wf_object *op) {
    return atomic_load_explicit(&((wf_object *)op)->ob_gc_bits, memory_order_relaxed);
}
static inline void wf_gc_bits_set(wf_object *op, uint8_t bits) {
    atomic_fetch_or_explicit(&op->ob_gc_bits, bits, memory_order_relaxed);
}
static inline void wf_gc_bits_clear(wf_object *op, uint8_t bits) {
    atomic_fetch_and_explicit(&op->ob_gc_bits, (uint8_t)~bits, memory_order_relaxed);
}
#endif

/* Bounded dealloc recursion, the "trashcan" (runtime/memory/trashcan.c).
 * Freeing a deeply nested structure (a list in a list in a list ...)
 * runs each container's dealloc inside the previous one's and would
 * overflow the C stack.  A container's tp_dealloc opens with
 *     if (wf_trashcan_begin(op, that_dealloc)) return;
 * and ends with wf_trashcan_end().  Past WF_TRASHCAN_LIMIT nested
 * container deallocs on this thread, begin puts (op, that_dealloc) on the
 * thread's pending list instead; when the outermost one ends, the pending
 * deallocs run one after another from there.  A pending object is dead
 * (count 0, so no try-incref succeeds) and untouched until its dealloc
 * runs.  Thread-local state only; both flavours. */
#define WF_TRASHCAN_LIMIT 50
extern _Thread_local int wf_tls_trash_depth WF_TLS_LOCAL_EXEC;
extern _Thread_local int wf_tls_trash_pending WF_TLS_LOCAL_EXEC;
bool wf_trashcan_defer(wf_object *op, void (*dealloc)(wf_object *));
void wf_trashcan_drain(void);
WF_INLINE bool wf_trashcan_begin(wf_object *op, void (*dealloc)(wf_object *)) {
    if (WF_UNLIKELY(wf_tls_trash_depth >= WF_TRASHCAN_LIMIT) && wf_trashcan_defer(op, dealloc)) return true;
    wf_tls_trash_depth++;
    return false;
}
WF_INLINE void wf_trashcan_end(void) {
    if (--wf_tls_trash_depth == 0 && WF_UNLIKELY(wf_tls_trash_pending)) wf_trashcan_drain();
}

#endif /* WEFT_OBJECT_H */
