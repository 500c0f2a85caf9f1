/*
 * weft/mutex.h — the 1-byte mutex (public API).
 *
 * A wf_mutex is one byte: bit 0 LOCKED, bit 1 HAS_PARKED (some thread may
 * be parked on the byte's address in the parking lot), bit 2 WAKING (an
 * unlocker has woken a waiter that has not yet taken the lock or parked
 * again: further unlocks need not wake another).  The uncontended lock and
 * unlock are one CAS each.  Contended lockers spin briefly, then park on
 * the mutex's address (threads/parking_lot.c), detaching from the runtime
 * while parked so that stop-the-world, QSBR and the GIL never wait on a
 * sleeping thread.  About once a millisecond an unlock hands the lock
 * directly to the longest waiter, so no thread starves.
 *
 * Implementation: threads/mutex.c.  Any thread may read the byte with an
 * atomic load; it changes only through CAS/exchange.
 */
#ifndef WEFT_MUTEX_H
#define WEFT_MUTEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "weft/counters.h"

typedef struct wf_mutex {
    _Atomic uint8_t bits;
} wf_mutex;

#define WF_MUTEX_INIT {0}
#define WF_MUTEX_LOCKED 1u
#define WF_MUTEX_HAS_PARKED 2u
#define WF_MUTEX_WAKING 4u

/* Flags for wf_mutex_lock_ex. */
typedef enum wf_lock_flags {
    WF_LOCK_DEFAULT = 0,
    WF_LOCK_DETACH = 1,        /* detach the calling thread while parked */
    WF_LOCK_HANDLE_SIGNALS = 2 /* wake up and fail with WF_LOCK_INTR when a
                                  signal is pending (Python-level locks) */
} wf_lock_flags;

typedef enum wf_lock_status {
    WF_LOCK_ACQUIRED = 1,
    WF_LOCK_TIMEOUT = 0,
    WF_LOCK_INTR = -1
} wf_lock_status;

/* Lock, parking if needed; detaches while parked.  */
void wf_mutex_lock_slow(wf_mutex *m);
void wf_mutex_unlock_slow(wf_mutex *m);

/* timeout_ns < 0: wait forever; 0: try once. */
wf_lock_status wf_mutex_lock_ex(wf_mutex *m, int64_t timeout_ns, wf_lock_flags flags);

/* The fast path: succeeds only from the all-clear byte, so it can fail on
 * an unlocked mutex whose HAS_PARKED or WAKING bit is set.  Callers fall
 * back to wf_mutex_lock_ex, which takes such a mutex (with timeout 0 for a
 * true "try once"). */
static inline bool wf_mutex_trylock(wf_mutex *m) {
    uint8_t expected = 0;
    WF_COUNT(mutex_cas);
    return atomic_compare_exchange_strong_explicit(&m->bits, &expected, WF_MUTEX_LOCKED,
                                                   memory_order_acquire, memory_order_relaxed);
}

static inline void wf_mutex_lock(wf_mutex *m) {
    if (!wf_mutex_trylock(m)) wf_mutex_lock_slow(m);
}

static inline void wf_mutex_unlock(wf_mutex *m) {
    uint8_t expected = WF_MUTEX_LOCKED;
    if (!atomic_compare_exchange_strong_explicit(&m->bits, &expected, 0, memory_order_release,
                                                 memory_order_relaxed))
        wf_mutex_unlock_slow(m);
}

static inline bool wf_mutex_is_locked(wf_mutex *m) {
    return (atomic_load_explicit(&m->bits, memory_order_relaxed) & WF_MUTEX_LOCKED) != 0;
}

#endif /* WEFT_MUTEX_H */
