/*
 * runtime/memory/perthread.c — per-thread reference counting for hot
 * shared objects (ARCHITECTURE decision 2; weft/object.h explains the
 * header encoding and the inline add path).
 *
 * Why: an object that every thread increfs and decrefs — a top-level
 * function every worker calls, a class every worker instantiates, a module,
 * the globals dict every frame borrows, a dict loaded from a module global —
 * turns each count operation into an atomic RMW on one cache line that the
 * cores pass around.  In this mode each thread counts in its own array slot
 * instead, with a plain (relaxed) load and store.
 *
 * What it owns:
 *   - the id table: ptc_objs[id] is the object that owns id (NULL = free);
 *     free ids are kept on ptc_free and reused;
 *   - one ptc_thread record per registered thread with its slot array v[]
 *     (mirrored in wf_tls_ptc / wf_tls_ptc_cap for the inline path);
 *   - the pending list of conversion requests.  It holds no references:
 *     wf_dealloc takes a dying requested object (WF_GC_PT_WANTED) off it
 *     before its type's dealloc runs, so every entry is alive.
 *
 * Invariants:
 *   P1  op is per-thread  <=>  ob_tid == WF_TID_PERTHREAD; then
 *       ob_ref_local == its id and ptc_objs[id] == op.  It carries
 *       WF_GC_PT_WANTED.  True count = shared count + sum of v[id] over all
 *       thread records (+ nothing from ob_ref_local).
 *   P2  A per-thread object is never deallocated while per-thread: it
 *       leaves the mode only with the world stopped and every slot folded
 *       (wfm_perthread_disable, called by the collector for garbage and
 *       for objects whose folded count is 0), so an id is reused only when
 *       no slot holds a count for it.
 *   P3  Conversion: the converter is op's owner (holding a reference, with
 *       the shared state below QUEUED, checked by the CAS that moves the
 *       local count into the shared one), or anyone when op has no owner
 *       (merged), or the stop-the-world requester.  It stores the id into
 *       ob_ref_local and then WF_TID_PERTHREAD with release.  WF_GC_PT_WANTED,
 *       set first with one RMW, makes the conversion happen at most once.
 *   P4  Slots: only the record's thread writes v[] entries (relaxed load +
 *       store); folding (thread exit, stop-the-world) and summing
 *       (wf_refcnt) read them under ptc_lock.  The array is replaced (grown)
 *       only by its thread under ptc_lock, so a reader holding the lock
 *       never sees a freed array.
 *
 * Locking: ptc_lock (a wf_mutex taken without detaching, never held across
 * anything that can block or reach a safe point) guards ptc_objs, ptc_free,
 * the record list, every record's v/cap pointer, and the pending list.  The
 * collector calls the *_stopped functions with the world stopped; they take
 * the lock too (unregistered threads run during a pause).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/memory/perthread.h"

#include "runtime/memory/memory.h"
#include "runtime/memory/refcount.h"
#include "threads/thread.h"
#include "weft/mutex.h"
#include "weft/object.h"
#include "weft/type.h"

#if WF_FREE_THREADED

_Thread_local _Atomic intptr_t *wf_tls_ptc;
_Thread_local uint32_t wf_tls_ptc_cap;

typedef struct ptc_thread {
    _Atomic intptr_t *v;     /* slot array; replaced by its thread under ptc_lock */
    uint32_t cap;            /* slots in v; written with v */
    struct ptc_thread *next; /* record list, under ptc_lock */
} ptc_thread;

static wf_mutex ptc_lock = WF_MUTEX_INIT;
static wf_object **ptc_objs;      /* id -> object; under ptc_lock */
static uint32_t ptc_objs_len;     /* ids ever handed out */
static uint32_t ptc_objs_cap;
static uint32_t *ptc_free;        /* free ids (a stack) */
static uint32_t ptc_free_len, ptc_free_cap;
static ptc_thread *ptc_threads;   /* every registered thread's record */
static wf_object **ptc_pending;   /* requests; no references (see above) */
static size_t ptc_pending_len, ptc_pending_cap;
static _Atomic size_t ptc_live;   /* per-thread objects now (statistics) */

static _Thread_local ptc_thread *tls_rec;

/* Creation hints while the process has one thread (see
 * wf_perthread_enable_for_threads).  ptc_single: true until the spawner
 * prepares the first thread or a second thread registers, whichever comes
 * first; then false for good.  ptc_walked: set (exchange) by the one
 * spawner that converts the marked objects.  Both relaxed: a creator that
 * still reads ptc_single == true runs before the spawner's pause (it is
 * the only thread, or the world is stopped after it), so the walk sees
 * its mark. */
static _Atomic bool ptc_single = true;
static _Atomic bool ptc_walked = false;

/* The collector lives above this layer (runtime/vm/gc.c); programs that
 * link only the core have none. */
extern void wfv_gc_note_allocs(size_t n) __attribute__((weak));

/* Conversion pauses are at least this far apart (any thread's). */
#define PTC_MIN_PAUSE_GAP_NS 2000000
static _Atomic int64_t ptc_last_pause; /* now_ns() of the last pause; relaxed */

static inline void lock(void) {
    if (!wf_mutex_trylock(&ptc_lock)) wf_mutex_lock_ex(&ptc_lock, -1, WF_LOCK_DEFAULT);
}
static inline void unlock(void) { wf_mutex_unlock(&ptc_lock); }

#define REF_COUNT_MAX ((intptr_t)(INT32_MAX >> WF_REF_SHARED_SHIFT))

/* Under ptc_lock.  An id for op, or UINT32_MAX when out of memory. */
static uint32_t id_alloc(wf_object *op) {
    uint32_t id;
    if (ptc_free_len > 0) {
        id = ptc_free[--ptc_free_len];
    } else {
        if (ptc_objs_len == ptc_objs_cap) {
            uint32_t ncap = ptc_objs_cap ? ptc_objs_cap * 2 : 256;
            if (ncap >= WF_TID_PERTHREAD - 1) return UINT32_MAX;
            wf_object **n = realloc(ptc_objs, (size_t)ncap * sizeof *n);
            if (n == NULL) return UINT32_MAX;
            ptc_objs = n;
            ptc_objs_cap = ncap;
        }
        id = ptc_objs_len++;
    }
    ptc_objs[id] = op;
    atomic_fetch_add_explicit(&ptc_live, 1, memory_order_relaxed);
    return id;
}

/* Under ptc_lock.  Gives id back (P2: no slot holds a count for it). */
static void id_free(uint32_t id) {
    ptc_objs[id] = NULL;
    atomic_fetch_sub_explicit(&ptc_live, 1, memory_order_relaxed);
    if (ptc_free_len == ptc_free_cap) {
        uint32_t ncap = ptc_free_cap ? ptc_free_cap * 2 : 256;
        uint32_t *n = realloc(ptc_free, (size_t)ncap * sizeof *n);
        if (n == NULL) return; /* the id is lost, nothing else */
        ptc_free = n;
        ptc_free_cap = ncap;
    }
    ptc_free[ptc_free_len++] = id;
}

/* Slot arithmetic of the inline path when id is past the thread's array:
 * grow it (or, for a thread with no record, count in the shared field). */
void wf_perthread_add_slow(wf_object *op, uint32_t id, intptr_t delta) {
    ptc_thread *r = tls_rec;
    if (r != NULL) {
        lock();
        uint32_t ncap = r->cap ? r->cap : 64;
        while (ncap <= id) ncap *= 2;
        if (ncap > r->cap) {
            /* Whole cache lines of its own: other threads' arrays are
             * written as often as this one. */
            _Atomic intptr_t *n = aligned_alloc(64, (size_t)ncap * sizeof *n);
            if (n != NULL) {
                memset((void *)n, 0, (size_t)ncap * sizeof *n);
                for (uint32_t i = 0; i < r->cap; i++)
                    atomic_store_explicit(&n[i], atomic_load_explicit(&r->v[i], memory_order_relaxed),
                                          memory_order_relaxed);
                free((void *)r->v);
                r->v = n;
                r->cap = ncap;
                wf_tls_ptc = n;
                wf_tls_ptc_cap = ncap;
            }
        }
        unlock();
        if (id < wf_tls_ptc_cap) {
            _Atomic intptr_t *slot = &wf_tls_ptc[id];
            atomic_store_explicit(slot, atomic_load_explicit(slot, memory_order_relaxed) + delta,
                                  memory_order_relaxed);
            return;
        }
    }
    /* No record (unregistered thread, or after its exit hook) or no memory:
     * the shared field is part of the true count too (P1). */
    atomic_fetch_add_explicit(&op->ob_ref_shared, (int32_t)((uint32_t)delta << WF_REF_SHARED_SHIFT),
                              memory_order_relaxed);
}

static bool convertible(wf_object *op) {
    if (wf_is_immortal(op) || wf_is_perthread(op)) return false;
    if (wf_gc_bits(op) & WF_GC_DEFERRED) return false;
    /* An instance whose class has __del__ (a module or thread-local
     * subclass, say) must run it when its last reference goes. */
    return op->ob_type->tp_finalize == NULL;
}

/* Claim the one conversion of op (P3): false if someone else has it. */
static bool claim(wf_object *op) {
    uint8_t old = atomic_fetch_or_explicit(&op->ob_gc_bits, WF_GC_PT_WANTED, memory_order_relaxed);
    return !(old & WF_GC_PT_WANTED);
}

/* Publish the conversion (P3). */
static void publish(wf_object *op, uint32_t id) {
    WF_COUNT(rc_perthread_convert);
    atomic_store_explicit(&op->ob_ref_local, id, memory_order_relaxed);
    atomic_store_explicit(&op->ob_tid, WF_TID_PERTHREAD, memory_order_release);
}

/* Move `local` references into the shared count, keeping the state bits;
 * fails if the state is QUEUED or later while `owned` (the owner's local
 * count must not move while a queued reference waits for it) or on
 * overflow. */
static bool fold_local(wf_object *op, uint32_t local, bool owned) {
    int32_t old = atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed), desired;
    do {
        if (owned && (old & WF_REF_STATE_MASK) >= WF_REF_QUEUED) return false;
        intptr_t count = (intptr_t)WF_REF_SHARED_COUNT(old) + (intptr_t)local;
        if (count > REF_COUNT_MAX) return false;
        desired = WF_REF_SHARED(count, old & WF_REF_STATE_MASK);
    } while (!atomic_compare_exchange_weak_explicit(&op->ob_ref_shared, &old, desired,
                                                    memory_order_acq_rel, memory_order_relaxed));
    return true;
}

void wf_perthread_enable(wf_object *op) {
    if (!convertible(op)) return;
    /* acquire: a merge that stored tid 0 wrote the local count first */
    uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_acquire);
    if (tid != wft_tls_index && tid != 0) {
        wf_perthread_request(op);
        return;
    }
    if (tid == wft_tls_index && tls_rec == NULL) return; /* no exit fold for us */
    if (!claim(op)) return;
    lock();
    uint32_t id = id_alloc(op);
    unlock();
    if (id == UINT32_MAX) return;
    if (tid != 0) {
        /* Owner: the local count joins the shared one first (a moment of
         * over-counting, never of under-counting). */
        uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
        if (!fold_local(op, local, true)) {
            lock();
            id_free(id);
            unlock();
            return;
        }
    }
    /* Merged objects have no local count and their tid stays 0 until we
     * publish: only a claimed converter changes it. */
    publish(op, id);
}

void wf_perthread_enable_for_threads(wf_object *op) {
    if (atomic_load_explicit(&ptc_single, memory_order_relaxed)) {
        /* private: no other thread writes the flags yet */
        uint16_t f = atomic_load_explicit(&op->ob_flags, memory_order_relaxed);
        atomic_store_explicit(&op->ob_flags, f | WF_OBJ_PT_LATER, memory_order_relaxed);
        return;
    }
    wf_perthread_enable(op);
}

/* Requests come from hints (a load from module globals or a class, an
 * item of a per-thread container), not from the object's creator: objects whose death
 * a program may watch — a finalizer, weak references — keep dying at
 * once instead of at the next collection. */
static bool requestable(wf_object *op) {
    return op->ob_type->tp_weaklistoffset == 0;
}

void wf_perthread_request(wf_object *op) {
    if (!convertible(op) || !requestable(op)) return;
    if (atomic_load_explicit(&op->ob_gc_bits, memory_order_relaxed) & WF_GC_PT_WANTED) return;
    wft_thread *me = wft_current();
    if (me == NULL || tls_rec == NULL) return;
    uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
    if (tid == 0 || tid == wft_tls_index) {
        /* No owner whose local count could move (or we are it): now. */
        wf_perthread_enable(op);
        return;
    }
    if (!claim(op)) return;
    /* The pending list holds no reference: wf_dealloc takes a dying
     * requested object off it (wfm_perthread_forget). */
    lock();
    bool ok = true;
    if (ptc_pending_len == ptc_pending_cap) {
        size_t ncap = ptc_pending_cap ? ptc_pending_cap * 2 : 32;
        wf_object **n = realloc(ptc_pending, ncap * sizeof *n);
        if (n == NULL) {
            ok = false;
        } else {
            ptc_pending = n;
            ptc_pending_cap = ncap;
        }
    }
    if (ok) ptc_pending[ptc_pending_len++] = op;
    unlock();
    if (!ok) {
        wf_gc_bits_clear(op, WF_GC_PT_WANTED);
        return;
    }
    wft_eval_breaker_set(me, WFT_EB_PERTHREAD);
}

/* The load hint's second step (weft/object.h): the first load of op by a
 * thread that does not own it only marks op, the next one requests the
 * conversion.  A value that another thread replaces as soon as it is read
 * -- a counter in a shared list or a module global, bumped by every
 * thread -- is loaded once by a non-owner and then dies: requesting it
 * would cost every such load the pending list's lock, its death a search
 * of the list, and the program a conversion pause every
 * PTC_MIN_PAUSE_GAP_NS, all for objects that are gone by the pause.  An
 * object that threads keep loading is requested at its second load.  The
 * mark lives in the header, which a new object in op's memory starts
 * without. */
void wf_perthread_note_slow(wf_object *op) {
    if (!(atomic_load_explicit(&op->ob_flags, memory_order_relaxed) & WF_OBJ_PT_SEEN)) {
        atomic_fetch_or_explicit(&op->ob_flags, WF_OBJ_PT_SEEN, memory_order_relaxed);
        return;
    }
    wf_perthread_request(op);
}

/* With the world stopped (the merge queues are already merged, so owned
 * objects are DEFAULT or MAYBE_WEAKREF and the owners are not running). */
static void convert_stopped(wf_object *op) {
    if (wf_is_immortal(op) || wf_is_perthread(op) || (wf_gc_bits(op) & WF_GC_DEFERRED)) return;
    uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
    uint32_t local = tid != 0 ? atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed) : 0;
    /* A count of 0: dead, its dealloc waits in a merge queue (the pause's
     * merge found it so); that dealloc takes it off the list. */
    intptr_t count = (intptr_t)local +
                     WF_REF_SHARED_COUNT(atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed));
    if (count <= 0) return;
    uint32_t id = id_alloc(op);
    if (id == UINT32_MAX) return;
    if (!fold_local(op, local, tid != 0)) {
        id_free(id);
        return;
    }
    publish(op, id);
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void wfm_perthread_forget(wf_object *op) {
    lock();
    for (size_t i = ptc_pending_len; i-- > 0;) {
        if (ptc_pending[i] == op) {
            ptc_pending[i] = ptc_pending[--ptc_pending_len];
            break;
        }
    }
    unlock();
}

void wfm_perthread_service(void) {
    wft_thread *me = wft_current();
    /* Requests come in bursts (a loop over a shared container's items):
     * one pause per PTC_MIN_PAUSE_GAP_NS at most, the bit staying set
     * (and checked at each eval-breaker poll) until then. */
    int64_t now = now_ns();
    int64_t last = atomic_load_explicit(&ptc_last_pause, memory_order_relaxed);
    if (now - last < PTC_MIN_PAUSE_GAP_NS && now >= last) return;
    if (me != NULL) wft_eval_breaker_clear(me, WFT_EB_PERTHREAD);
    atomic_store_explicit(&ptc_last_pause, now, memory_order_relaxed);
    lock();
    size_t n = ptc_pending_len;
    unlock();
    if (n == 0) return;
    bool already = wft_world_is_stopped();
    if (!already) wft_stop_the_world();
    wfm_perthread_convert_pending_stopped();
    if (!already) wft_start_the_world();
}

/* Every object on the pending list is alive: a dying one leaves it in
 * wf_dealloc, before its type's dealloc can reach a safe point. */
void wfm_perthread_convert_pending_stopped(void) {
    lock();
    size_t n = ptc_pending_len;
    for (size_t i = 0; i < n; i++) convert_stopped(ptc_pending[i]);
    ptc_pending_len = 0;
    unlock();
    /* Converted objects are freed only by a collection: count them as
     * allocations of collected objects, so that a program that keeps
     * converting (and dropping) objects keeps triggering collections. */
    if (wfv_gc_note_allocs) wfv_gc_note_allocs(n);
}

/* The first thread's conversion walk (world stopped). */
static void later_visit(wf_object *op, void *arg) {
    size_t *n = arg;
    if (!(atomic_load_explicit(&op->ob_flags, memory_order_relaxed) & WF_OBJ_PT_LATER) ||
        !convertible(op))
        return;
    if (!claim(op)) return;
    lock();
    convert_stopped(op);
    unlock();
    (*n)++;
}

bool wfm_perthread_marking(void) { return atomic_load_explicit(&ptc_single, memory_order_relaxed); }

void wfm_perthread_before_threads(void) {
    atomic_store_explicit(&ptc_single, false, memory_order_relaxed);
    if (atomic_exchange_explicit(&ptc_walked, true, memory_order_relaxed)) return;
    size_t n = 0;
    bool already = wft_world_is_stopped();
    if (!already) wft_stop_the_world();
    wfm_visit_live_objects(later_visit, &n);
    if (!already) wft_start_the_world();
    /* As for requests: converted objects are freed only by a collection. */
    if (wfv_gc_note_allocs) wfv_gc_note_allocs(n);
}

/* --- the collector's side (world stopped) -------------------------------------------- */

/* Under ptc_lock: add every slot of r to its object's shared count. */
static void fold_record(ptc_thread *r) {
    for (uint32_t id = 0; id < r->cap; id++) {
        intptr_t c = atomic_load_explicit(&r->v[id], memory_order_relaxed);
        if (c == 0) continue;
        atomic_store_explicit(&r->v[id], 0, memory_order_relaxed);
        wf_object *op = id < ptc_objs_len ? ptc_objs[id] : NULL;
        if (op == NULL) continue; /* cannot happen (P2) */
        atomic_fetch_add_explicit(&op->ob_ref_shared, (int32_t)((uint32_t)c << WF_REF_SHARED_SHIFT),
                                  memory_order_relaxed);
    }
}

void wfm_perthread_merge_all_stopped(void) {
    lock();
    for (ptc_thread *r = ptc_threads; r != NULL; r = r->next) fold_record(r);
    unlock();
}

/* Under ptc_lock, slots folded: leave the mode with `count` references. */
static void disable_locked(wf_object *op, intptr_t count) {
    uint32_t id = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    atomic_store_explicit(&op->ob_ref_local, 0, memory_order_relaxed);
    atomic_store_explicit(&op->ob_tid, 0, memory_order_relaxed);
    atomic_store_explicit(&op->ob_ref_shared, WF_REF_SHARED(count, WF_REF_MERGED),
                          memory_order_release);
    wf_gc_bits_clear(op, WF_GC_PT_WANTED);
    if (id < ptc_objs_len && ptc_objs[id] == op) id_free(id);
}

void wfm_perthread_disable_stopped(wf_object *op) {
    if (!wf_is_perthread(op)) return;
    lock();
    intptr_t count = WF_REF_SHARED_COUNT(atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed));
    disable_locked(op, count);
    unlock();
}

size_t wfm_perthread_take_dead_stopped(wf_object ***out) {
    wf_object **dead = NULL;
    size_t n = 0, cap = 0;
    lock();
    for (uint32_t id = 0; id < ptc_objs_len; id++) {
        wf_object *op = ptc_objs[id];
        if (op == NULL) continue;
        intptr_t count = WF_REF_SHARED_COUNT(atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed));
        if (count != 0) continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            wf_object **g = realloc(dead, ncap * sizeof *g);
            if (g == NULL) break; /* the rest waits for the next collection */
            dead = g;
            cap = ncap;
        }
        disable_locked(op, 1); /* the caller's reference: its decref frees op */
        dead[n++] = op;
    }
    unlock();
    *out = dead;
    return n;
}

void wfm_perthread_release_dead(void) {
    for (int round = 0; round < 64; round++) {
        bool already = wft_world_is_stopped();
        if (!already) wft_stop_the_world();
        wfm_perthread_merge_all_stopped();
        wf_object **dead;
        size_t n = wfm_perthread_take_dead_stopped(&dead);
        if (!already) wft_start_the_world();
        for (size_t i = 0; i < n; i++) wf_decref(dead[i]);
        free(dead);
        if (n == 0) break;
    }
}

intptr_t wfm_perthread_count(wf_object *op) {
    lock();
    intptr_t n = WF_REF_SHARED_COUNT(atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed));
    uint32_t id = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
    for (ptc_thread *r = ptc_threads; r != NULL; r = r->next)
        if (id < r->cap) n += atomic_load_explicit(&r->v[id], memory_order_relaxed);
    unlock();
    return n;
}

size_t wfm_perthread_live(void) { return atomic_load_explicit(&ptc_live, memory_order_relaxed); }

/* --- thread hooks ----------------------------------------------------------------------- */

static void ptc_thread_init(wft_thread *t) {
    ptc_thread *r = calloc(1, sizeof *r);
    if (r == NULL) return; /* this thread counts in the shared fields */
    lock();
    /* A second thread (one the spawner did not prepare, say an embedder's):
     * creators convert at once from now on. */
    if (ptc_threads != NULL) atomic_store_explicit(&ptc_single, false, memory_order_relaxed);
    r->next = ptc_threads;
    ptc_threads = r;
    unlock();
    t->ext[WFT_EXT_PTC] = r;
    tls_rec = r;
    wf_tls_ptc = NULL;
    wf_tls_ptc_cap = 0;
}

/* Runs attached, so no pause folds concurrently; from here on the thread's
 * count operations on per-thread objects go to the shared fields. */
static void ptc_thread_exit(wft_thread *t) {
    ptc_thread *r = t->ext[WFT_EXT_PTC];
    if (r == NULL) return;
    lock();
    fold_record(r);
    for (ptc_thread **pp = &ptc_threads; *pp; pp = &(*pp)->next) {
        if (*pp == r) {
            *pp = r->next;
            break;
        }
    }
    unlock();
    tls_rec = NULL;
    wf_tls_ptc = NULL;
    wf_tls_ptc_cap = 0;
    free((void *)r->v);
    free(r);
    t->ext[WFT_EXT_PTC] = NULL;
}

static const wft_hooks ptc_hooks = {
    .thread_init = ptc_thread_init,
    .thread_exit = ptc_thread_exit,
};

void wfm_perthread_init(void) {
    wft_add_hooks(&ptc_hooks);
    wft_thread *me = wft_current();
    if (me != NULL && me->ext[WFT_EXT_PTC] == NULL) ptc_thread_init(me);
}

#else /* WF_GIL_BUILD: one thread runs at a time; nothing to distribute */

void wf_perthread_enable(wf_object *op) { (void)op; }
void wf_perthread_request(wf_object *op) { (void)op; }
void wf_perthread_enable_for_threads(wf_object *op) { (void)op; }
void wfm_perthread_before_threads(void) {}
bool wfm_perthread_marking(void) { return false; }
void wfm_perthread_service(void) {}
void wfm_perthread_convert_pending_stopped(void) {}
void wfm_perthread_forget(wf_object *op) { (void)op; }
void wfm_perthread_merge_all_stopped(void) {}
void wfm_perthread_disable_stopped(wf_object *op) { (void)op; }
size_t wfm_perthread_take_dead_stopped(wf_object ***out) {
    *out = NULL;
    return 0;
}
void wfm_perthread_release_dead(void) {}
intptr_t wfm_perthread_count(wf_object *op) { return wf_refcnt(op); }
size_t wfm_perthread_live(void) { return 0; }
void wfm_perthread_init(void) {}

#endif
