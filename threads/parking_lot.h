/*
 * threads/parking_lot.h — address-keyed parking lot on futexes.
 *
 * A thread parks on an address while the value there equals an expected
 * value; another thread unparks one or all threads parked on the address.
 * Waiters live in a fixed hash table of buckets keyed by address; each bucket
 * has a small internal lock and a FIFO of wait entries (on the waiters' C
 * stacks), and each waiter sleeps on its own futex word.  wft_park re-checks
 * the value under the bucket lock before enqueueing, so a wake-up between
 * the caller's check and the park cannot be lost.
 */
#ifndef WEFT_THREADS_PARKING_LOT_H
#define WEFT_THREADS_PARKING_LOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum wft_park_status {
    WFT_PARK_OK = 0,       /* woken by wft_unpark / wft_unpark_all */
    WFT_PARK_AGAIN = -1,   /* *addr != expected when checked */
    WFT_PARK_TIMEOUT = -2, /* timeout expired */
    WFT_PARK_INTR = -3,    /* interrupted (wft_park_interrupt) */
} wft_park_status;

/* Park while *addr (size 1, 2, 4 or 8 bytes) equals *expected.
 * timeout_ns < 0 waits forever.  park_arg is handed to the unparker's
 * callback.  detach: detach the calling thread (if attached) while
 * sleeping, and re-attach before returning. */
wft_park_status wft_park(const void *addr, const void *expected, size_t size,
                         int64_t timeout_ns, void *park_arg, bool detach);

/* Wake the first thread parked on addr.  fn (may be NULL) runs under the
 * bucket lock before the waiter is woken, with the waiter's park_arg (NULL
 * if there was no waiter), whether more waiters remain on addr, and
 * be_fair: whether the bucket's fairness timer has run out.  The timer
 * fires at most once per 0.5-1 ms (random) per bucket and is re-armed when
 * it fires, so a caller that hands a resource to the waiter only when
 * be_fair is set bounds how long the oldest waiter waits without making
 * every release a hand-off (which would run at the speed of wake-ups). */
typedef void (*wft_unpark_fn)(void *arg, void *park_arg, bool has_more_waiters, bool be_fair);
void wft_unpark(const void *addr, wft_unpark_fn fn, void *arg);

/* Wake every thread parked on addr. */
void wft_unpark_all(const void *addr);

/* Wake a specific thread's park (if it is parked) with WFT_PARK_INTR; used
 * to deliver signals to the main thread.  Returns whether it was parked. */
struct wft_thread;
bool wft_park_interrupt(struct wft_thread *t);

/* Set by a parker that wants a pending signal (WFT_EB_SIGNALS_PENDING in
 * its eval breaker) to end its wait with WFT_PARK_INTR (wf_mutex_lock_ex
 * with WF_LOCK_HANDLE_SIGNALS).  Thread-local; cleared after the park. */
extern _Thread_local bool wft_park_signal_interruptible;

#endif /* WEFT_THREADS_PARKING_LOT_H */
