/*
 * threads/gil.c — the classic global interpreter lock (threads/gil.h).
 *
 * Always on in the GIL flavour; in the free-threaded flavour off unless
 * wft_gil_set_enabled(true) ran at start-up.  wft_attach takes it
 * (before moving to ATTACHED) and wft_detach drops it (after publishing
 * DETACHED), so a thread waiting for the GIL is always DETACHED; the eval
 * breaker services a drop request with a detach + attach, and
 * wft_gil_yield does the same for other callers.
 *
 * State (one per process):
 *   mutex/cond      `locked` changes only under `mutex`; droppers signal
 *                   `cond`, takers wait on it one switch interval at a time.
 *   locked          written under `mutex`; read under it, or relaxed by
 *                   anyone for statistics.
 *   last_holder     the thread that took the GIL last; written under
 *                   `mutex` and `switch_mutex` (by the taker), read under
 *                   either, or relaxed.  While `locked`, it is the holder,
 *                   and the holder's wft_thread cannot be freed while a
 *                   waiter holds `mutex` (it must take `mutex` to drop), so
 *                   a waiter may set bits in its eval breaker.
 *   switch_number   +1 each time the GIL is taken by a thread other than
 *                   last_holder; written under both mutexes, read relaxed.
 *   waiters         threads inside the wait loop of take; under `mutex`
 *                   (atomic so that droppers may read it under
 *                   `switch_mutex` only).
 *   switch_mutex/switch_cond   forced switching: a thread that drops
 *                   because it was asked to waits on switch_cond until
 *                   last_holder is some other thread, so the waiter that
 *                   asked gets the next time slice.
 *   interval_us, enabled       relaxed atomics (configuration).
 *
 * Lock order: mutex before switch_mutex.  Neither is held while blocking
 * on anything but their own condition variables.
 *
 * Invariants: at most one thread has holds_gil set, and it is last_holder;
 * a drop request is only set on a thread that held the GIL for a whole
 * interval during which it never changed hands; a thread asked to drop
 * does not take the GIL back before another thread has taken it (unless
 * nobody was waiting any more when it dropped).
 */
#include "threads/gil.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    pthread_mutex_t switch_mutex;
    pthread_cond_t switch_cond;
    _Atomic int locked;
    _Atomic(wft_thread *) last_holder;
    _Atomic uint64_t switch_number;
    _Atomic int waiters;
    _Atomic int64_t interval_us;
#if WF_FREE_THREADED
    _Atomic bool enabled;
#endif
    bool ready; /* mutexes/conds initialised; only wft_gil_init/fini write it */
} gil = {
    .interval_us = WFT_GIL_DEFAULT_INTERVAL_US,
};

/* Set by wft_gil_yield around its detach: the drop inside wft_detach then
 * switches by force, whether or not the request bit is still set (the eval
 * breaker may have cleared it before calling us). */
static _Thread_local bool gil_force_next_drop;

static void die(const char *what, int rc) {
    fprintf(stderr, "weft: GIL: %s failed (%d)\n", what, rc);
    abort();
}

#define CHECK(call)                          \
    do {                                     \
        int rc_ = (call);                    \
        if (rc_ != 0) die(#call, rc_);       \
    } while (0)

void wft_gil_init(void) {
    if (gil.ready) return;
    pthread_condattr_t attr;
    CHECK(pthread_condattr_init(&attr));
    CHECK(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC));
    CHECK(pthread_mutex_init(&gil.mutex, NULL));
    CHECK(pthread_cond_init(&gil.cond, &attr));
    CHECK(pthread_mutex_init(&gil.switch_mutex, NULL));
    CHECK(pthread_cond_init(&gil.switch_cond, &attr));
    pthread_condattr_destroy(&attr);
    atomic_store(&gil.locked, 0);
    atomic_store(&gil.last_holder, NULL);
    atomic_store(&gil.switch_number, 0);
    atomic_store(&gil.waiters, 0);
    atomic_store(&gil.interval_us, WFT_GIL_DEFAULT_INTERVAL_US);
    gil.ready = true;
}

void wft_gil_fini(void) {
    if (!gil.ready) return;
    pthread_mutex_destroy(&gil.mutex);
    pthread_cond_destroy(&gil.cond);
    pthread_mutex_destroy(&gil.switch_mutex);
    pthread_cond_destroy(&gil.switch_cond);
    gil.ready = false;
#if WF_FREE_THREADED
    /* Enabling is per runtime lifetime (a start-up option). */
    atomic_store_explicit(&gil.enabled, false, memory_order_relaxed);
#endif
}

bool wft_gil_enabled(void) {
#if WF_FREE_THREADED
    return atomic_load_explicit(&gil.enabled, memory_order_relaxed);
#else
    return true;
#endif
}

/* In the free-threaded flavour, turning the GIL on or off also takes or
 * drops it for the calling thread if it is attached, so that its next
 * detach or attach stays balanced.  No other thread may be registered: one
 * that is attached would go on running without the GIL (or keep holding
 * it), so the switch is refused with a fatal error. */
void wft_gil_set_enabled(bool on) {
#if WF_FREE_THREADED
    wft_thread *t = wft_current();
    if (wft_thread_count() > (t != NULL ? 1u : 0u)) {
        fprintf(stderr, "weft: fatal error: GIL switched %s while other threads are registered\n",
                on ? "on" : "off");
        abort();
    }
    bool was = atomic_exchange_explicit(&gil.enabled, on, memory_order_relaxed);
    if (t == NULL || was == on || wft_state_of(t) != WFT_ATTACHED) return;
    if (on)
        wft_gil_take(t);
    else
        wft_gil_drop(t);
#else
    (void)on;
#endif
}

/* Longest single wait: far beyond any real switch interval, and small
 * enough that now + it never overflows time_t.  An interval longer than
 * this is served as this (a drop request after 68 years instead of never). */
#define GIL_MAX_WAIT_S ((int64_t)INT32_MAX)

/* now + us on CLOCK_MONOTONIC, without overflow for any us >= 1 (us * 1000
 * overflows int64 above ~292 years: sys.setswitchinterval(1e10)). */
static struct timespec deadline_after_us(int64_t us) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    int64_t sec = us / 1000000;
    int64_t ns = (int64_t)ts.tv_nsec + (us % 1000000) * 1000;
    if (sec >= GIL_MAX_WAIT_S) {
        sec = GIL_MAX_WAIT_S;
        ns = ts.tv_nsec;
    }
    ts.tv_sec += (time_t)(sec + ns / 1000000000);
    ts.tv_nsec = (long)(ns % 1000000000);
    return ts;
}

void wft_gil_take(wft_thread *t) {
    if (t->holds_gil) return;
    CHECK(pthread_mutex_lock(&gil.mutex));
    if (atomic_load_explicit(&gil.locked, memory_order_relaxed)) {
        atomic_fetch_add_explicit(&gil.waiters, 1, memory_order_relaxed);
        while (atomic_load_explicit(&gil.locked, memory_order_relaxed)) {
            uint64_t saved = atomic_load_explicit(&gil.switch_number, memory_order_relaxed);
            int64_t us = atomic_load_explicit(&gil.interval_us, memory_order_relaxed);
            struct timespec deadline = deadline_after_us(us < 1 ? 1 : us);
            int rc = pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline);
            if (rc != 0 && rc != ETIMEDOUT) die("pthread_cond_timedwait", rc);
            if (rc == ETIMEDOUT && atomic_load_explicit(&gil.locked, memory_order_relaxed) &&
                atomic_load_explicit(&gil.switch_number, memory_order_relaxed) == saved) {
                /* A whole interval without a hand-off: ask the holder. */
                wft_thread *holder = atomic_load_explicit(&gil.last_holder, memory_order_relaxed);
                if (holder != NULL && holder != t)
                    wft_eval_breaker_set(holder, WFT_EB_GIL_DROP_REQUEST);
            }
        }
        atomic_fetch_sub_explicit(&gil.waiters, 1, memory_order_relaxed);
    }
    CHECK(pthread_mutex_lock(&gil.switch_mutex));
    atomic_store_explicit(&gil.locked, 1, memory_order_relaxed);
    if (atomic_load_explicit(&gil.last_holder, memory_order_relaxed) != t) {
        atomic_store_explicit(&gil.last_holder, t, memory_order_relaxed);
        atomic_fetch_add_explicit(&gil.switch_number, 1, memory_order_relaxed);
    }
    CHECK(pthread_cond_broadcast(&gil.switch_cond));
    CHECK(pthread_mutex_unlock(&gil.switch_mutex));
    t->holds_gil = 1;
    /* Under `mutex`: a request set after this point was earned by a full
     * interval of this tenure. */
    wft_eval_breaker_clear(t, WFT_EB_GIL_DROP_REQUEST);
    CHECK(pthread_mutex_unlock(&gil.mutex));
}

static void gil_drop(wft_thread *t, bool force) {
    if (!t->holds_gil) return;
    t->holds_gil = 0;
    CHECK(pthread_mutex_lock(&gil.mutex));
    atomic_store_explicit(&gil.locked, 0, memory_order_relaxed);
    CHECK(pthread_cond_signal(&gil.cond));
    CHECK(pthread_mutex_unlock(&gil.mutex));

    if (force || (wft_eval_breaker_get(t) & WFT_EB_GIL_DROP_REQUEST)) {
        /* Forced switching: let the waiter that asked run first.  Only wait
         * while somebody still waits, so a request nobody needs any more
         * cannot hang us. */
        CHECK(pthread_mutex_lock(&gil.switch_mutex));
        wft_eval_breaker_clear(t, WFT_EB_GIL_DROP_REQUEST);
        while (atomic_load_explicit(&gil.last_holder, memory_order_relaxed) == t &&
               atomic_load_explicit(&gil.waiters, memory_order_relaxed) > 0)
            CHECK(pthread_cond_wait(&gil.switch_cond, &gil.switch_mutex));
        CHECK(pthread_mutex_unlock(&gil.switch_mutex));
    }
}

void wft_gil_forget_thread(wft_thread *t) {
    if (!gil.ready) return;
    CHECK(pthread_mutex_lock(&gil.mutex));
    CHECK(pthread_mutex_lock(&gil.switch_mutex));
    if (atomic_load_explicit(&gil.last_holder, memory_order_relaxed) == t)
        atomic_store_explicit(&gil.last_holder, NULL, memory_order_relaxed);
    CHECK(pthread_mutex_unlock(&gil.switch_mutex));
    CHECK(pthread_mutex_unlock(&gil.mutex));
}

void wft_gil_drop(wft_thread *t) {
    bool force = gil_force_next_drop;
    gil_force_next_drop = false;
    gil_drop(t, force);
}

/* Service a drop request the way any blocking operation would: detach
 * (which drops the GIL, with forced switching) and attach again (which
 * waits for the GIL).  Detaching rather than only dropping keeps the
 * thread-state rules: a thread waiting for the GIL is DETACHED, so a
 * stop-the-world by the next holder never waits for it. */
void wft_gil_yield(wft_thread *t) {
    if (!t->holds_gil) {
        wft_eval_breaker_clear(t, WFT_EB_GIL_DROP_REQUEST);
        return;
    }
    gil_force_next_drop = true;
    wft_detach(t);
    gil_force_next_drop = false; /* in case detach did not drop */
    wft_attach(t);
}

void wft_gil_set_interval_us(int64_t us) {
    atomic_store_explicit(&gil.interval_us, us < 1 ? 1 : us, memory_order_relaxed);
}

int64_t wft_gil_get_interval_us(void) {
    return atomic_load_explicit(&gil.interval_us, memory_order_relaxed);
}

uint64_t wft_gil_switch_count(void) {
    return atomic_load_explicit(&gil.switch_number, memory_order_relaxed);
}
