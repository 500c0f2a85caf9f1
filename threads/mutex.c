/*
 * threads/mutex.c — slow paths of the 1-byte wf_mutex (see weft/mutex.h).
 *
 * Owns: contended locking (spin, then park on the mutex byte's address),
 * unlocking with waiters (one woken waiter at a time), and the hand-off
 * that bounds a waiter's wait.
 *
 * The byte: LOCKED (bit 0), HAS_PARKED (bit 1) and WAKING (bit 2).
 * Invariants:
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
 *    when LOCKED is clear or HAS_PARKED is missing, and only a WAKING owner
 *    clears WAKING), so a plain store is enough in the callback.
 *  - WAKING has at most one owner: the waiter that an unlock woke without
 *    handing it the lock (the callback sets the bit for it).  While the bit
 *    is set, unlocks just release the mutex: one woken waiter at a time is
 *    enough, and a contended lock no longer pays a futex wake per unlock.
 *    The owner gives the bit up in the CAS that takes the mutex, or, before
 *    it parks again or gives up (timeout, signal), in a CAS made while the
 *    mutex is held (give_up_waking takes a free mutex instead): either way
 *    the next unlock sees the bit clear and wakes the next waiter, so no
 *    wake-up is lost.  Unlocks go to the parking lot only with WAKING
 *    clear, so the callback never meets an owner.
 *  - Fairness: when the parking lot reports that the bucket's fairness
 *    timer has run out (be_fair: at most once per 0.5-1 ms per bucket), the
 *    unlocker's callback keeps LOCKED set and hands the lock to the woken
 *    waiter (handed_off); otherwise it releases the lock and the woken
 *    waiter competes with barging lockers, which keeps throughput high.
 *    So the waiter first in the FIFO gets the lock at the first unlock
 *    after at most about 1 ms.  The timer belongs to the bucket, not to the
 *    waiter: with a per-waiter deadline, once every waiter has waited 1 ms
 *    every unlock hands off, and a contended lock then passes from thread
 *    to thread at the speed of wake-ups (a convoy: tens of microseconds per
 *    acquisition where barging takes well under one).
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

/* What a parked locker hands to the unlocker's callback (park_arg). */
typedef struct mutex_waiter {
    bool handed_off; /* written by the callback under the bucket lock; read
                        by the waiter after waking */
} mutex_waiter;

static int spin_limit(void) {
    /* With a GIL the holder cannot run while we spin holding it. */
    if (WF_GIL_BUILD || wft_gil_enabled()) return 0;
    return MAX_SPIN_COUNT;
}

/* The caller owns WAKING and gives up waiting (timeout, signal): clear the
 * bit while the mutex is held, so that the holder's unlock wakes the next
 * waiter; if the mutex is free, take it instead (the caller then reports
 * ACQUIRED, and its own unlock wakes the next waiter). */
static bool give_up_waking(wf_mutex *m) {
    uint8_t v = atomic_load_explicit(&m->bits, memory_order_relaxed);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED)) {
            if (atomic_compare_exchange_weak_explicit(&m->bits, &v,
                                                      (v | WF_MUTEX_LOCKED) & ~WF_MUTEX_WAKING,
                                                      memory_order_acquire, memory_order_relaxed))
                return true;
        } else if (atomic_compare_exchange_weak_explicit(&m->bits, &v, v & ~WF_MUTEX_WAKING,
                                                         memory_order_relaxed,
                                                         memory_order_relaxed)) {
            return false;
        }
    }
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
    mutex_waiter w = {.handed_off = false};
    int spins = 0, max_spins = spin_limit();
    /* WF_MUTEX_WAKING while we own that bit (an unlocker woke us and set
     * it, and no unlock wakes another waiter until we take the mutex or
     * clear the bit), else 0. */
    uint8_t mine = 0;

    for (;;) {
        v = atomic_load_explicit(&m->bits, memory_order_relaxed);
        if (!(v & WF_MUTEX_LOCKED)) {
            /* Unlocked: take it, keeping HAS_PARKED for the others and
             * WAKING for whoever owns it (unless that is us). */
            if (atomic_compare_exchange_weak_explicit(&m->bits, &v,
                                                      (v | WF_MUTEX_LOCKED) & ~mine,
                                                      memory_order_acquire,
                                                      memory_order_relaxed))
                return WF_LOCK_ACQUIRED;
            continue;
        }
        if ((mine || !(v & WF_MUTEX_HAS_PARKED)) && spins < max_spins) {
            /* Spin only while nobody is parked (otherwise we would barge
             * ahead of threads that have waited longer) or when we are the
             * one woken waiter, and only while it is cheap: on an
             * oversubscribed machine one sched_yield can give away a whole
             * time slice, and then parking is better. */
            sched_yield();
            spins++;
            if (wft_monotonic_ns() - now > MAX_SPIN_NS) spins = max_spins;
            continue;
        }
        int64_t remaining = -1;
        if (deadline >= 0) {
            remaining = deadline - wft_monotonic_ns();
            if (remaining <= 0) {
                if (mine && give_up_waking(m)) return WF_LOCK_ACQUIRED;
                return WF_LOCK_TIMEOUT;
            }
        }
        /* Before parking: mark HAS_PARKED and hand WAKING back, in one CAS
         * made while the mutex is held, so the holder's unlock wakes the
         * next waiter (if it unlocked first, the CAS fails and we retry). */
        uint8_t nv = (v | WF_MUTEX_HAS_PARKED) & ~mine;
        if (nv != v) {
            if (!atomic_compare_exchange_strong_explicit(&m->bits, &v, nv,
                                                         memory_order_relaxed,
                                                         memory_order_relaxed))
                continue;
            v = nv;
            mine = 0;
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
            /* Released to us with WAKING set: compete again, spinning
             * afresh, and own WAKING until we take the mutex or park. */
            mine = WF_MUTEX_WAKING;
            spins = 0;
            now = wft_monotonic_ns();
            break;
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
static void unpark_cb(void *arg, void *park_arg, bool has_more_waiters, bool be_fair) {
    wf_mutex *m = arg;
    mutex_waiter *w = park_arg;
    uint8_t v = 0;
    if (w) {
        if (be_fair) {
            w->handed_off = true;
            v |= WF_MUTEX_LOCKED;
        } else {
            v |= WF_MUTEX_WAKING;
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
        if ((v & (WF_MUTEX_HAS_PARKED | WF_MUTEX_WAKING)) == WF_MUTEX_HAS_PARKED) {
            wft_unpark(&m->bits, unpark_cb, m);
            return;
        }
        /* Nobody parked, or a woken waiter is already on its way: release,
         * keeping the waiter bits. */
        if (atomic_compare_exchange_weak_explicit(&m->bits, &v, v & ~WF_MUTEX_LOCKED,
                                                  memory_order_release, memory_order_relaxed))
            return;
    }
}
