/*
 * threads/mutex.c — slow paths of the 1-byte wf_mutex (see weft/mutex.h).
 *
 * Owns: contended locking (spin, then park on the mutex byte's address),
 * unlocking with waiters, and the hand-off that bounds a waiter's wait.
 *
 * The byte: LOCKED (bit 0) and HAS_PARKED (bit 1).  Invariants:
 *  - Whenever a thread is queued in the parking lot on &m->bits, HAS_PARKED
 *    is set: a waiter sets it (CAS) before parking, and wft_park re-checks
 *    that the byte still reads LOCKED|HAS_PARKED under the bucket lock.
 *    HAS_PARKED may be stale (set with nobody queued, after a waiter timed
 *    out); the next unlock then finds no waiter and clears it.
 *  - Only the holder clears LOCKED.  An unlock that sees HAS_PARKED goes
 *    through wft_unpark, whose callback runs under the bucket lock and
 *    stores the new byte there: with the bucket lock held no waiter can
 *    enqueue or leave, so the callback knows exactly whether waiters
 *    remain and HAS_PARKED is cleared only when none does.  While the byte
 *    is LOCKED|HAS_PARKED no other thread changes it (lockers only CAS
 *    when LOCKED is clear or HAS_PARKED is missing), so a plain store is
 *    enough in the callback.
 *  - Fairness: a waiter records time_to_be_fair = (time of its first park)
 *    + 1 ms.  If the unlocker's callback finds that deadline passed it
 *    keeps LOCKED set and hands the lock to the woken waiter (handed_off);
 *    otherwise it releases the lock and the woken waiter competes with
 *    barging lockers, which keeps throughput high.  So a waiter that is
 *    first in the FIFO gets the lock at the first unlock after it has
 *    waited 1 ms; the FIFO bounds the others.
 *
 * Memory ordering: acquiring CASes are acquire, releasing stores/CASes
 * release.  A hand-off passes the critical section through the callback's
 * release store of the byte and the parking lot's release/acquire of the
 * waiter's wake word, which also publishes `handed_off`.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#include "threads/gil.h"
#include "threads/parking_lot.h"
#include "threads/thread.h"
#include "weft/mutex.h"

#define MAX_SPIN_COUNT 40
#define MAX_SPIN_NS 100000 /* stop spinning after 0.1 ms, whatever the count */
#define TIME_TO_BE_FAIR_NS 1000000 /* 1 ms */

/* What a parked locker hands to the unlocker's callback (park_arg). */
typedef struct mutex_waiter {
    int64_t time_to_be_fair; /* immutable while parked */
    bool handed_off;         /* written by the callback under the bucket
                                lock; read by the waiter after waking */
} mutex_waiter;

static int spin_limit(void) {
    /* With a GIL the holder cannot run while we spin holding it. */
    if (WF_GIL_BUILD || wft_gil_enabled()) return 0;
    return MAX_SPIN_COUNT;
}

wf_lock_status wf_mutex_lock_ex(wf_mutex *m, int64_t timeout_ns, wf_lock_flags flags) {
    uint8_t v = atomic_load_explicit(&m->bits, memory_order_relaxed);
    WF_COUNT(mutex_cas);
    if (!(v & WF_MUTEX_LOCKED) &&
        atomic_compare_exchange_strong_explicit(&m->bits, &v, v | WF_MUTEX_LOCKED,
                                                memory_order_acquire, memory_order_relaxed))
        return WF_LOCK_ACQUIRED;
    if (timeout_ns == 0) return WF_LOCK_TIMEOUT;
    WF_COUNT(mutex_wait);

    int64_t now = wft_monotonic_ns();
    /* Saturate: a timeout past the end of the clock means "forever". */
    int64_t deadline = timeout_ns > 0 && timeout_ns < INT64_MAX - now ? now + timeout_ns : -1;
    mutex_waiter w = {.time_to_be_fair = now + TIME_TO_BE_FAIR_NS, .handed_off = false};
    int spins = 0, max_spins = spin_limit();

    for (;;) {
        v = atomic_load_explicit(&m->bits, memory_order_relaxed);
        if (!(v & WF_MUTEX_LOCKED)) {
            /* Unlocked: take it, keeping HAS_PARKED for the others. */
            if (atomic_compare_exchange_weak_explicit(&m->bits, &v, v | WF_MUTEX_LOCKED,
                                                      memory_order_acquire,
                                                      memory_order_relaxed))
                return WF_LOCK_ACQUIRED;
            continue;
        }
        if (!(v & WF_MUTEX_HAS_PARKED) && spins < max_spins) {
            /* Spin only while nobody is parked (otherwise we would barge
             * ahead of threads that have waited longer) and only while it
             * is cheap: on an oversubscribed machine one sched_yield can
             * give away a whole time slice, and then parking is better. */
            sched_yield();
            spins++;
            if (wft_monotonic_ns() - now > MAX_SPIN_NS) spins = max_spins;
            continue;
        }
        int64_t remaining = -1;
        if (deadline >= 0) {
            remaining = deadline - wft_monotonic_ns();
            if (remaining <= 0) return WF_LOCK_TIMEOUT;
        }
        if (!(v & WF_MUTEX_HAS_PARKED)) {
            uint8_t nv = v | WF_MUTEX_HAS_PARKED;
            if (!atomic_compare_exchange_strong_explicit(&m->bits, &v, nv,
                                                         memory_order_relaxed,
                                                         memory_order_relaxed))
                continue;
            v = nv;
        }
        if (flags & WF_LOCK_HANDLE_SIGNALS) {
            /* A signal noted before we park must not wait for the lock. */
            wft_thread *t = wft_current();
            if (t && (wft_eval_breaker_get(t) & WFT_EB_SIGNALS_PENDING)) return WF_LOCK_INTR;
        }
        bool interruptible = (flags & WF_LOCK_HANDLE_SIGNALS) != 0;
        if (interruptible) wft_park_signal_interruptible = true;
        wft_park_status r = wft_park(&m->bits, &v, sizeof v, remaining, &w,
                                     (flags & WF_LOCK_DETACH) != 0);
        if (interruptible) wft_park_signal_interruptible = false;
        switch (r) {
        case WFT_PARK_OK:
            if (w.handed_off) return WF_LOCK_ACQUIRED;
            break; /* released to us: compete again */
        case WFT_PARK_INTR:
            if (flags & WF_LOCK_HANDLE_SIGNALS) return WF_LOCK_INTR;
            break;
        case WFT_PARK_TIMEOUT:
            if (deadline >= 0 && wft_monotonic_ns() >= deadline) return WF_LOCK_TIMEOUT;
            break;
        case WFT_PARK_AGAIN:
            break;
        }
    }
}

void wf_mutex_lock_slow(wf_mutex *m) {
    wf_lock_status s = wf_mutex_lock_ex(m, -1, WF_LOCK_DETACH);
    if (s != WF_LOCK_ACQUIRED) {
        fprintf(stderr, "weft: fatal error: wf_mutex_lock failed (%d)\n", (int)s);
        abort();
    }
}

/* Runs under the bucket lock of &m->bits (see the file comment). */
static void unpark_cb(void *arg, void *park_arg, bool has_more_waiters) {
    wf_mutex *m = arg;
    mutex_waiter *w = park_arg;
    uint8_t v = 0;
    if (w) {
        if (wft_monotonic_ns() >= w->time_to_be_fair) {
            w->handed_off = true;
            v |= WF_MUTEX_LOCKED;
        }
        if (has_more_waiters) v |= WF_MUTEX_HAS_PARKED;
    }
    atomic_store_explicit(&m->bits, v, memory_order_release);
}

void wf_mutex_unlock_slow(wf_mutex *m) {
    uint8_t v = atomic_load_explicit(&m->bits, memory_order_relaxed);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED)) {
            fprintf(stderr, "weft: fatal error: unlocking an unlocked wf_mutex at %p\n",
                    (void *)m);
            abort();
        }
        if (v & WF_MUTEX_HAS_PARKED) {
            wft_unpark(&m->bits, unpark_cb, m);
            return;
        }
        if (atomic_compare_exchange_weak_explicit(&m->bits, &v, 0, memory_order_release,
                                                  memory_order_relaxed))
            return;
    }
}
