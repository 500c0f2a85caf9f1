/*
 * runtime/memory/refcount.c — the out-of-line reference-counting paths and
 * the per-thread merge queues (free-threaded flavour), or their plain
 * integer equivalents (GIL flavour).
 *
 * Free-threaded object header (weft/object.h): ob_tid (owner index, 0 = no
 * owner), ob_ref_local (owner-only count, UINT32_MAX = immortal) and
 * ob_ref_shared ((count << 2) | state).  The true count is
 * local + (shared >> 2).  Invariants this file keeps:
 *
 *   I1  The state bits of ob_ref_shared only move upward DEFAULT ->
 *       MAYBE_WEAKREF -> QUEUED -> MERGED, always by CAS.
 *   I2  tid == 0 implies MERGED or immortal: every path that merges stores
 *       tid 0 *before* its CAS to MERGED (the CAS is a release, so whoever
 *       sees MERGED also sees tid 0).
 *   I3  An object is deallocated exactly once, and only (a) by its owner
 *       when local reaches 0 while the shared word is exactly 0 (the fast
 *       path; no other thread holds or can take a reference, because every
 *       try-incref fails on a raw 0), or (b) by the thread whose CAS or
 *       merge leaves the shared word exactly MERGED with count 0.
 *   I4  ob_ref_local is written only by the owner, or by a merge that
 *       cannot race with the owner: the owner itself, a direct merge under
 *       the owner's bucket lock after the owner closed its queue (a thread
 *       that later reuses the index opens its queue under the same lock
 *       before it touches any object), or a merge while the world is
 *       stopped.  Per-thread conversion (perthread.c) writes the id there
 *       under the same rules: by the owner, with the world stopped, or for
 *       an object that has no owner any more (tid 0).
 *   I5  A non-owner that finds the shared word at count 0 in DEFAULT or
 *       MAYBE_WEAKREF does not subtract: it moves the state to QUEUED and
 *       hands its reference to the owner's merge queue; the owner later
 *       applies it with wf_explicit_merge(op, -1).  So in DEFAULT and
 *       MAYBE_WEAKREF the shared count never goes negative, and the owner's
 *       local count still covers the queued reference.
 *
 * Merge queues: each registered thread owns a brc_queue (t->ext[WFT_EXT_BRC])
 * holding objects whose last shared reference other threads dropped.  The
 * queues hang off BRC_BUCKETS buckets keyed by thread index; the bucket
 * lock (a wf_mutex taken without detaching, held for a few instructions and
 * never across a call that may block or reach a safe point) protects the
 * bucket's list and every field of its queues except `thread` and `index`,
 * which are immutable.  A queue is open from its thread's init hook to its
 * exit hook; "no open queue for index i" means the owner has gone.
 *
 * Memory ordering: the owner's fast paths are relaxed loads and stores.  The
 * slow paths use acq_rel CASes on ob_ref_shared, so a thread that observes
 * the transition that makes an object dead has seen every write other
 * threads made before dropping their references; the owner's fast-dealloc
 * check is an acquire load for the same reason.  wf_object_init stores the
 * shared word last with release, so a lock-free reader whose acquire CAS
 * succeeds on reused memory also sees the slot store that preceded the free
 * (that is what makes the slot re-check of wf_try_incref_compare sound).
 * See docs/internals/refcounting.md.
 */
#include "runtime/memory/refcount.h"

#include "runtime/memory/perthread.h"

#include <stdio.h>
#include <stdlib.h>

#include "threads/thread.h"
#include "weft/mutex.h"
#include "weft/object.h"
#include "weft/type.h"

#if WF_FREE_THREADED
/* Out of line so that wf_dealloc itself needs no stack frame (it is one
 * test and a tail call on the common path). */
static WF_NOINLINE void dealloc_forget(wf_object *op) {
    wfm_perthread_forget(op);
    op->ob_type->tp_dealloc(op);
}
#endif

void wf_dealloc(wf_object *op) {
#if WF_FREE_THREADED
    /* A requested conversion that has not happened yet (perthread.c). */
    if (WF_UNLIKELY(wf_gc_bits(op) & WF_GC_PT_WANTED)) {
        dealloc_forget(op);
        return;
    }
#endif
    op->ob_type->tp_dealloc(op);
}

#if WF_FREE_THREADED

/* ---------------------------------------------------------------------------
 * Header helpers
 * ------------------------------------------------------------------------- */

/* Largest count the 30-bit signed shared field can hold. */
#define REF_COUNT_MAX ((intptr_t)(INT32_MAX >> WF_REF_SHARED_SHIFT))

static inline int32_t shared_load(wf_object *op) {
    return atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed);
}

static inline bool shared_cas(wf_object *op, int32_t *expected, int32_t desired) {
    return atomic_compare_exchange_weak_explicit(&op->ob_ref_shared, expected, desired,
                                                 memory_order_acq_rel, memory_order_relaxed);
}

static void brc_queue_object(wf_object *op);

/* Decision for unregistered threads: an object they create has no owner
 * (tid 0) and starts MERGED with a shared count of 1, so every later
 * operation on it is a shared-count operation and I2 holds from birth.
 * (Registered threads initialise inline: wf_object_init in weft/object.h,
 * with the same three combined stores in the same order.) */
void wf_object_init_unowned(wf_object *op, wf_type *type) {
    __atomic_store_n(WF_HDR_WORD0(op), WF_HDR_MAKE_WORD0(0, 0), __ATOMIC_RELAXED);
    __atomic_store_n(&op->ob_type, type, __ATOMIC_RELAXED);
    __atomic_store_n(WF_HDR_WORD1(op), WF_HDR_MAKE_WORD1(WF_REF_SHARED(1, WF_REF_MERGED), 0, 0, 0),
                     __ATOMIC_RELEASE);
}

intptr_t wf_refcnt(const wf_object *cop) {
    wf_object *op = (wf_object *)cop;
    uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) return WF_IMMORTAL_REFCNT;
    if (wf_is_perthread(op)) return wfm_perthread_count(op);
    intptr_t n = (intptr_t)local + WF_REF_SHARED_COUNT(shared_load(op));
    if (wf_gc_bits(op) & WF_GC_DEFERRED) n -= WF_REF_DEFERRED_BIAS;
    return n;
}

void wf_set_immortal(wf_object *op) {
    /* A per-thread object keeps its mode: threads' slots may hold counts
     * for its id, which only a pause can fold (perthread.c P2). */
    if (wf_is_perthread(op)) return;
    atomic_store_explicit(&op->ob_ref_local, WF_IMMORTAL_LOCAL, memory_order_relaxed);
    atomic_store_explicit(&op->ob_tid, 0, memory_order_relaxed);
    atomic_store_explicit(&op->ob_ref_shared, 0, memory_order_release);
    wf_gc_bits_clear(op, WF_GC_DEFERRED);
}

/* ---------------------------------------------------------------------------
 * Deferred reference counting: a bias of WF_REF_DEFERRED_BIAS in the shared
 * count plus the WF_GC_DEFERRED bit.  The bias is added with an RMW that
 * keeps the state bits, so it is correct in any state; the documented
 * precondition (owner, shared word still 0) is what makes it meaningful.
 * ------------------------------------------------------------------------- */

void wf_set_deferred(wf_object *op) {
    if (wf_is_immortal(op) || wf_is_perthread(op) || (wf_gc_bits(op) & WF_GC_DEFERRED)) return;
    atomic_fetch_add_explicit(&op->ob_ref_shared, WF_REF_SHARED(WF_REF_DEFERRED_BIAS, 0),
                              memory_order_relaxed);
    wf_gc_bits_set(op, WF_GC_DEFERRED);
}

bool wf_is_deferred(const wf_object *op) {
    return (wf_gc_bits(op) & WF_GC_DEFERRED) != 0;
}

/* Remove the bias.  The bit is cleared with one RMW first, so concurrent
 * callers remove the bias once.  If the unbiased count is negative while
 * the object is still DEFAULT/MAYBE_WEAKREF (non-owners dropped references
 * the owner's local count holds), the object is queued for its owner just
 * as wf_decref_shared would, keeping I5. */
void wf_clear_deferred(wf_object *op) {
    if (wf_is_immortal(op)) return;
    uint8_t old_bits = atomic_fetch_and_explicit(&op->ob_gc_bits, (uint8_t)~WF_GC_DEFERRED,
                                                 memory_order_relaxed);
    if (!(old_bits & WF_GC_DEFERRED)) return;
    int32_t old = shared_load(op), desired;
    bool queue;
    do {
        int32_t count = WF_REF_SHARED_COUNT(old) - WF_REF_DEFERRED_BIAS;
        int32_t state = old & WF_REF_STATE_MASK;
        queue = state < WF_REF_QUEUED && count < 0;
        /* Queueing hands one reference to the queue (applied as -1). */
        desired = queue ? WF_REF_SHARED(count + 1, WF_REF_QUEUED) : WF_REF_SHARED(count, state);
    } while (!shared_cas(op, &old, desired));
    if (queue)
        brc_queue_object(op);
    else if (desired == WF_REF_MERGED)
        wf_dealloc(op);
}

/* ---------------------------------------------------------------------------
 * Slow paths of wf_decref
 * ------------------------------------------------------------------------- */

void wf_merge_zero_local(wf_object *op) {
    int32_t shared = atomic_load_explicit(&op->ob_ref_shared, memory_order_acquire);
    if (shared == 0) {
        /* DEFAULT with no shared references: nobody else holds op and no
         * try-incref can succeed on a raw 0 (I3a). */
        wf_dealloc(op);
        return;
    }
    atomic_store_explicit(&op->ob_tid, 0, memory_order_relaxed); /* I2: before the CAS */
    int32_t desired;
    do {
        desired = (shared & ~WF_REF_STATE_MASK) | WF_REF_MERGED;
    } while (!shared_cas(op, &shared, desired));
    if (desired == WF_REF_MERGED) wf_dealloc(op);
}

void wf_decref_shared(wf_object *op) {
    WF_COUNT(rc_shared_decref);
    int32_t old = shared_load(op), desired;
    bool queue;
    do {
        queue = old == WF_REF_SHARED(0, WF_REF_DEFAULT) ||
                old == WF_REF_SHARED(0, WF_REF_MAYBE_WEAKREF);
        desired = queue ? WF_REF_SHARED(0, WF_REF_QUEUED)
                        : (int32_t)((uint32_t)old - (1u << WF_REF_SHARED_SHIFT));
    } while (!shared_cas(op, &old, desired));
    if (queue)
        brc_queue_object(op); /* I5: the queue now holds our reference */
    else if (desired == WF_REF_MERGED)
        wf_dealloc(op);
}

intptr_t wf_explicit_merge(wf_object *op, intptr_t extra) {
    uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) return WF_IMMORTAL_REFCNT;
    atomic_store_explicit(&op->ob_ref_local, 0, memory_order_relaxed);
    atomic_store_explicit(&op->ob_tid, 0, memory_order_relaxed); /* I2: before the CAS */
    int32_t old = shared_load(op), desired;
    intptr_t merged;
    do {
        merged = (intptr_t)WF_REF_SHARED_COUNT(old) + (intptr_t)local + extra;
        if (merged > REF_COUNT_MAX) {
            /* The count no longer fits the shared field: the object is
             * leaked as immortal (never freed, counts skipped). */
            atomic_store_explicit(&op->ob_ref_local, WF_IMMORTAL_LOCAL, memory_order_relaxed);
            atomic_store_explicit(&op->ob_ref_shared, 0, memory_order_release);
            return WF_IMMORTAL_REFCNT;
        }
        desired = WF_REF_SHARED(merged, WF_REF_MERGED);
    } while (!shared_cas(op, &old, desired));
    return merged;
}

void wf_set_maybe_weakref(wf_object *op) {
    if (wf_is_immortal(op)) return;
    int32_t old = shared_load(op);
    do {
        if ((old & WF_REF_STATE_MASK) != WF_REF_DEFAULT) return; /* already past it (I1) */
    } while (!shared_cas(op, &old, old | WF_REF_MAYBE_WEAKREF));
}

/* ---------------------------------------------------------------------------
 * Try-incref primitives
 * ------------------------------------------------------------------------- */

/* A shared increment that fails on the two "maybe dead" raw words: 0 (the
 * owner may take the CAS-free fast dealloc at any moment) and exactly
 * MERGED (count 0: dead).  The acquire pairs with the release of the
 * transition that made the count what we read (see the file comment). */
static inline bool try_incref_shared(wf_object *op) {
    WF_COUNT(rc_try_incref);
    int32_t old = shared_load(op);
    do {
        if (old == 0 || old == WF_REF_MERGED) return false;
    } while (!atomic_compare_exchange_weak_explicit(
        &op->ob_ref_shared, &old, (int32_t)((uint32_t)old + (1u << WF_REF_SHARED_SHIFT)),
        memory_order_acquire, memory_order_relaxed));
    return true;
}

bool wf_try_incref(wf_object *op) {
    return wf_try_incref_fast(op) || try_incref_shared(op);
}

void wf_incref_with_lock(wf_object *op) {
    if (wf_try_incref_fast(op)) return;
    int32_t old = shared_load(op), desired;
    do {
        desired = (int32_t)((uint32_t)old + (1u << WF_REF_SHARED_SHIFT));
        if ((old & WF_REF_STATE_MASK) == WF_REF_DEFAULT) desired |= WF_REF_MAYBE_WEAKREF;
    } while (!shared_cas(op, &old, desired));
}

#else /* WF_GIL_BUILD: plain integers, protected by the GIL */

intptr_t wf_refcnt(const wf_object *op) {
    return wf_is_immortal(op) ? WF_IMMORTAL_REFCNT : op->ob_refcnt;
}

void wf_set_immortal(wf_object *op) { op->ob_refcnt = WF_IMMORTAL_REFCNT_GIL; }

/* Deferred counting exists to avoid count contention between threads; with
 * a GIL there is none, so these are no-ops and no object is deferred. */
void wf_set_deferred(wf_object *op) {}
void wf_clear_deferred(wf_object *op) {}
bool wf_is_deferred(const wf_object *op) { return false; }

bool wf_try_incref(wf_object *op) {
    if (wf_is_immortal(op)) return true;
    if (op->ob_refcnt <= 0) return false;
    op->ob_refcnt++;
    return true;
}

void wf_incref_with_lock(wf_object *op) { wf_incref(op); }

#endif /* WF_FREE_THREADED */

/* ---------------------------------------------------------------------------
 * Slot readers (both flavours).  The slot load and re-check are sequentially
 * consistent: the re-check must not be satisfied by a value older than the
 * one our successful CAS synchronised with.
 * ------------------------------------------------------------------------- */

bool wf_try_incref_compare(wf_object *_Atomic *slot, wf_object *op) {
    if (!wf_try_incref(op)) return false;
    if (atomic_load(slot) != op) {
        wf_decref(op);
        return false;
    }
    return true;
}

/* Loops until the slot is NULL or a reference is taken.  Objects stored in
 * a slot read this way must accept shared try-increfs (MAYBE_WEAKREF or
 * later, see wf_set_maybe_weakref / wf_incref_with_lock), be immortal, or
 * be owned by the reader; otherwise this spins until the slot changes. */
wf_object *wf_xget_ref(wf_object *_Atomic *slot) {
    for (;;) {
        wf_object *op = atomic_load(slot);
        if (op == NULL) return NULL;
        if (wf_try_incref_compare(slot, op)) return op;
    }
}

bool wf_try_xget_ref(wf_object *_Atomic *slot, wf_object **out) {
    wf_object *op = atomic_load(slot);
    if (op != NULL && !wf_try_incref_compare(slot, op)) return false;
    *out = op;
    return true;
}

#if WF_FREE_THREADED

/* ---------------------------------------------------------------------------
 * Merge queues
 * ------------------------------------------------------------------------- */

#define BRC_BUCKETS 64
#define BRC_MIN_CAPACITY 32
/* An entry tagged with this bit is already merged to a count of 0 (by the
 * stop-the-world merge) and only waits to be deallocated. */
#define BRC_DEALLOC_TAG ((uintptr_t)1)

typedef struct brc_queue {
    wft_thread *thread;     /* immutable: the owner */
    uint32_t index;         /* immutable: the owner's index */
    wf_object **objs;       /* under the bucket lock: queued entries */
    size_t len;             /* under the bucket lock */
    size_t cap;             /* under the bucket lock */
    struct brc_queue *next; /* under the bucket lock: bucket list */
} brc_queue;

typedef struct brc_bucket {
    wf_mutex lock;    /* taken without detaching; never held across a block */
    brc_queue *head;  /* under lock: open queues whose index maps here */
} __attribute__((aligned(WF_CACHELINE))) brc_bucket;

static brc_bucket brc_buckets[BRC_BUCKETS];

static inline brc_bucket *bucket_for(uint32_t index) {
    return &brc_buckets[index % BRC_BUCKETS];
}

static inline void bucket_lock(brc_bucket *b) {
    if (!wf_mutex_trylock(&b->lock)) wf_mutex_lock_ex(&b->lock, -1, WF_LOCK_DEFAULT);
}

static inline void bucket_unlock(brc_bucket *b) { wf_mutex_unlock(&b->lock); }

/* Under the bucket lock. */
static brc_queue *bucket_find(brc_bucket *b, uint32_t index) {
    for (brc_queue *q = b->head; q; q = q->next)
        if (q->index == index) return q;
    return NULL;
}

/* Under the bucket lock.  Appends n entries; false if out of memory. */
static bool queue_append(brc_queue *q, wf_object *const *objs, size_t n) {
    if (q->len + n > q->cap) {
        size_t cap = q->cap ? q->cap : BRC_MIN_CAPACITY;
        while (cap < q->len + n) cap *= 2;
        wf_object **grown = realloc(q->objs, cap * sizeof *grown);
        if (grown == NULL) return false;
        q->objs = grown;
        q->cap = cap;
    }
    for (size_t i = 0; i < n; i++) q->objs[q->len++] = objs[i];
    return true;
}

/* Under the bucket lock.  Moves the entries out; the caller frees *objs. */
static size_t queue_take(brc_queue *q, wf_object ***objs) {
    size_t n = q->len;
    *objs = q->objs;
    q->objs = NULL;
    q->len = q->cap = 0;
    return n;
}

/* Apply the queued references of objs[0..n) and deallocate those whose
 * count reaches 0.  Called by the owner with no lock held. */
static void merge_entries(wf_object **objs, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uintptr_t e = (uintptr_t)objs[i];
        wf_object *op = (wf_object *)(e & ~BRC_DEALLOC_TAG);
        if (e & BRC_DEALLOC_TAG)
            wf_dealloc(op);
        else if (wf_explicit_merge(op, -1) == 0)
            wf_dealloc(op);
    }
}

/* Last resort when a queue cannot grow: stop the world, which keeps the
 * owner away from op's local count (I4), and merge on its behalf. */
static void brc_merge_with_world_stopped(wf_object *op) {
    wft_thread *me = wft_current();
    if (me == NULL || wft_state_of(me) != WFT_ATTACHED) {
        fprintf(stderr, "weft: out of memory queueing an object for its owner thread\n");
        abort();
    }
    /* The requester of an active pause already has the world stopped (and
     * holds the stop-the-world mutex): merge in place. */
    bool already = wft_world_is_stopped();
    if (!already) wft_stop_the_world();
    intptr_t n = wf_explicit_merge(op, -1);
    if (!already) wft_start_the_world();
    if (n == 0) wf_dealloc(op);
}

/* Hand the caller's reference to op's owner (op is QUEUED). */
static void brc_queue_object(wf_object *op) {
    WF_COUNT(rc_queue);
    uint32_t owner = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
    if (owner == 0) {
        /* Merged concurrently (I2): our reference is a plain shared one. */
        wf_decref(op);
        return;
    }
    if (owner == wft_tls_index) {
        /* Only wf_clear_deferred gets here as the owner: merge now. */
        if (wf_explicit_merge(op, -1) == 0) wf_dealloc(op);
        return;
    }
    brc_bucket *b = bucket_for(owner);
    bucket_lock(b);
    brc_queue *q = bucket_find(b, owner);
    if (q == NULL) {
        /* The owner has exited.  Merge under the lock: a thread reusing the
         * index must open its queue first, so it cannot touch op's local
         * count while we write it (I4). */
        intptr_t n = wf_explicit_merge(op, -1);
        bucket_unlock(b);
        if (n == 0) wf_dealloc(op);
        return;
    }
    if (queue_append(q, &op, 1)) {
        /* The owner cannot free its wft_thread while we hold the lock. */
        wft_eval_breaker_set(q->thread, WFT_EB_EXPLICIT_MERGE);
        bucket_unlock(b);
        return;
    }
    bucket_unlock(b);
    brc_merge_with_world_stopped(op);
}

/* explicit_merge hook: the owner services WFT_EB_EXPLICIT_MERGE. */
static void brc_drain(wft_thread *t) {
    brc_queue *q = t->ext[WFT_EXT_BRC];
    wft_eval_breaker_clear(t, WFT_EB_EXPLICIT_MERGE);
    if (q == NULL) return;
    brc_bucket *b = bucket_for(q->index);
    wf_object **objs;
    bucket_lock(b);
    size_t n = queue_take(q, &objs);
    bucket_unlock(b);
    merge_entries(objs, n);
    free(objs);
}

void wfm_refcount_drain(void) {
    wft_thread *t = wft_current();
    if (t != NULL) brc_drain(t);
}

static void brc_thread_init(wft_thread *t) {
    brc_queue *q = calloc(1, sizeof *q);
    if (q == NULL) {
        fprintf(stderr, "weft: out of memory creating a merge queue\n");
        abort();
    }
    q->thread = t;
    q->index = t->index;
    brc_bucket *b = bucket_for(q->index);
    bucket_lock(b);
    if (bucket_find(b, q->index) != NULL) {
        fprintf(stderr, "weft: thread index %u registered twice\n", q->index);
        abort();
    }
    q->next = b->head;
    b->head = q;
    bucket_unlock(b);
    t->ext[WFT_EXT_BRC] = q;
}

/* Unlink q from its bucket (under the bucket lock). */
static void bucket_unlink(brc_bucket *b, brc_queue *q) {
    for (brc_queue **pp = &b->head; *pp; pp = &(*pp)->next) {
        if (*pp == q) {
            *pp = q->next;
            return;
        }
    }
}

/* thread_exit hook: drain until the queue is found empty under the lock,
 * and close it in that same critical section, so no entry is ever left in
 * a closed queue.  Later queuers find no queue and merge directly. */
static void brc_thread_exit(wft_thread *t) {
    brc_queue *q = t->ext[WFT_EXT_BRC];
    if (q == NULL) return;
    brc_bucket *b = bucket_for(q->index);
    for (;;) {
        wf_object **objs;
        bucket_lock(b);
        if (q->len == 0) {
            bucket_unlink(b, q);
            bucket_unlock(b);
            break;
        }
        size_t n = queue_take(q, &objs);
        bucket_unlock(b);
        merge_entries(objs, n);
        free(objs);
    }
    free(q->objs);
    free(q);
    t->ext[WFT_EXT_BRC] = NULL;
    wft_eval_breaker_clear(t, WFT_EB_EXPLICIT_MERGE);
}

/* world_stopped hook, run by the stop-the-world requester while every other
 * thread is stopped: merge every queue so that counts are exact (the
 * collector needs that).  The owners cannot touch the local counts now
 * (I4).  Objects that reach 0 are not deallocated here — a dealloc may need
 * a lock a stopped thread holds — but appended, tagged, to the requester's
 * own queue; the requester deallocates them at its next eval-breaker check,
 * with the world running.  Bucket locks are still taken: unregistered
 * threads and threads in their init hooks run while the world is stopped.
 * Holding a queue pointer between two lock sections is safe: a queue is
 * unlinked and freed only by its own thread's exit hook, which runs
 * attached and so is not in progress while the world is stopped (a thread
 * that detaches inside the hook cannot re-attach before the world
 * restarts); queues opened meanwhile are linked at the head, are empty and
 * are not visited. */
static void brc_world_stopped(void) {
    wft_thread *me = wft_current();
    brc_queue *mine = me ? me->ext[WFT_EXT_BRC] : NULL;
    bool any_dead = false;
    for (size_t i = 0; i < BRC_BUCKETS; i++) {
        brc_bucket *b = &brc_buckets[i];
        bucket_lock(b);
        brc_queue *q = b->head;
        bucket_unlock(b);
        while (q != NULL) {
            wf_object **objs;
            bucket_lock(b);
            size_t n = queue_take(q, &objs);
            brc_queue *next = q->next;
            bucket_unlock(b);
            size_t dead = 0;
            for (size_t k = 0; k < n; k++) {
                uintptr_t e = (uintptr_t)objs[k];
                wf_object *op = (wf_object *)(e & ~BRC_DEALLOC_TAG);
                if ((e & BRC_DEALLOC_TAG) || wf_explicit_merge(op, -1) == 0)
                    objs[dead++] = (wf_object *)((uintptr_t)op | BRC_DEALLOC_TAG);
            }
            if (dead > 0) {
                bool kept = false;
                if (mine != NULL) {
                    brc_bucket *mb = bucket_for(mine->index);
                    bucket_lock(mb);
                    kept = queue_append(mine, objs, dead);
                    bucket_unlock(mb);
                }
                if (kept)
                    any_dead = true;
                else
                    merge_entries(objs, dead); /* no queue to defer to */
            }
            free(objs);
            q = next;
        }
    }
    if (any_dead) wft_eval_breaker_set(me, WFT_EB_EXPLICIT_MERGE);
}

static const wft_hooks brc_hooks = {
    .thread_init = brc_thread_init,
    .thread_exit = brc_thread_exit,
    .explicit_merge = brc_drain,
    .world_stopped = brc_world_stopped,
};

void wfm_refcount_init(void) {
    for (size_t i = 0; i < BRC_BUCKETS; i++) {
        atomic_store_explicit(&brc_buckets[i].lock.bits, 0, memory_order_relaxed);
        brc_buckets[i].head = NULL;
    }
    wft_add_hooks(&brc_hooks);
    wft_thread *me = wft_current();
    if (me != NULL && me->ext[WFT_EXT_BRC] == NULL) brc_thread_init(me);
    wfm_perthread_init();
}

void wfm_refcount_fini(void) {
    for (size_t i = 0; i < BRC_BUCKETS; i++) {
        brc_bucket *b = &brc_buckets[i];
        for (;;) {
            bucket_lock(b);
            brc_queue *q = b->head;
            if (q == NULL) {
                bucket_unlock(b);
                break;
            }
            wf_object **objs;
            size_t n = queue_take(q, &objs);
            if (n == 0) {
                b->head = q->next;
                q->thread->ext[WFT_EXT_BRC] = NULL;
            }
            bucket_unlock(b);
            merge_entries(objs, n);
            free(objs);
            if (n == 0) free(q);
        }
    }
}

size_t wfm_refcount_pending(wft_thread *t) {
    brc_queue *q = t->ext[WFT_EXT_BRC];
    if (q == NULL) return 0;
    brc_bucket *b = bucket_for(q->index);
    bucket_lock(b);
    size_t n = q->len;
    bucket_unlock(b);
    return n;
}

#else /* WF_GIL_BUILD */

void wfm_refcount_init(void) {}
void wfm_refcount_fini(void) {}
void wfm_refcount_drain(void) {}
size_t wfm_refcount_pending(wft_thread *t) { return 0; }

#endif
