/*
 * threads/stw.c — stop-the-world: suspend every other registered thread,
 * let the requester run alone, resume them.
 *
 * Protocol (all under the registry lock unless said otherwise):
 *  - Requests are serialised by wft_stw.mutex, taken with detach, so a
 *    thread waiting to request can itself be stopped by the active request.
 *  - The requester sets `requested` and loops: every other DETACHED thread
 *    is CASed to SUSPENDED (it counts as stopped at once); every ATTACHED
 *    one gets WFT_EB_PLEASE_STOP.  If some are still attached it releases
 *    the registry lock and parks on `wake` for at most 1 ms, then rescans.
 *    A thread that stops bumps `wake` and unparks the requester.
 *  - A thread servicing PLEASE_STOP re-checks `requested` under the
 *    registry lock: a stale bit (the request already ended) just detaches
 *    and re-attaches; otherwise it detaches into SUSPENDED and its re-attach
 *    waits on its state word.
 *  - Threads registering during a request are linked SUSPENDED; threads
 *    leaving the registry wake the requester so it rescans.
 *  - Restart: every SUSPENDED thread goes back to DETACHED (store-release)
 *    and is unparked; stale PLEASE_STOP bits are cleared.
 *  - Once the world is stopped, the SMR layer is told (a stop-the-world is
 *    a grace period) and the world_stopped hooks run (merge queues).
 */
#include <stdio.h>
#include <stdlib.h>

#include "threads/critsec.h"
#include "threads/gil.h"
#include "threads/parking_lot.h"
#include "threads/smr.h"
#include "threads/thread_internal.h"

wft_stw_state wft_stw;

#define STW_RESCAN_NS 1000000 /* 1 ms */

void wft_stop_the_world(void) {
    wft_thread *self = wft_current();
    if (!self || wft_state_of(self) != WFT_ATTACHED) {
        fprintf(stderr, "weft: fatal error: stop-the-world from a detached thread\n");
        abort();
    }
    wf_mutex_lock(&wft_stw.mutex);

    wft_reg_lock();
    atomic_store_explicit(&wft_stw.requested, 1, memory_order_release);
    wft_stw.requester = self;
    for (;;) {
        int running = 0;
        for (wft_thread *t = wft_reg.head; t; t = t->next) {
            if (t == self) continue;
            int32_t s = WFT_DETACHED;
            if (atomic_compare_exchange_strong_explicit(&t->state, &s, WFT_SUSPENDED,
                                                        memory_order_acq_rel,
                                                        memory_order_acquire))
                continue;
            if (s == WFT_ATTACHED) {
                wft_eval_breaker_set(t, WFT_EB_PLEASE_STOP);
                running++;
            }
        }
        if (running == 0) break;
        uint32_t seen = atomic_load_explicit(&wft_stw.wake, memory_order_acquire);
        wft_reg_unlock();
        wft_park(&wft_stw.wake, &seen, sizeof seen, STW_RESCAN_NS, NULL, false);
        wft_reg_lock();
    }
    atomic_store_explicit(&wft_stw.world_stopped, 1, memory_order_release);
    wft_reg_unlock();

    wft_smr_world_stopped();
    for (int i = 0; i < wft_reg.nhooks; i++)
        if (wft_reg.hooks[i].world_stopped) wft_reg.hooks[i].world_stopped();
}

void wft_start_the_world(void) {
    wft_thread *self = wft_current();
    wft_reg_lock();
    if (wft_stw.requester != self) {
        wft_reg_unlock();
        fprintf(stderr, "weft: fatal error: start-the-world by a thread that did not stop it\n");
        abort();
    }
    atomic_store_explicit(&wft_stw.world_stopped, 0, memory_order_relaxed);
    atomic_store_explicit(&wft_stw.requested, 0, memory_order_release);
    wft_stw.requester = NULL;
    for (wft_thread *t = wft_reg.head; t; t = t->next) {
        if (t == self) continue;
        wft_eval_breaker_clear(t, WFT_EB_PLEASE_STOP);
        if (atomic_load_explicit(&t->state, memory_order_acquire) == WFT_SUSPENDED) {
            atomic_store_explicit(&t->state, WFT_DETACHED, memory_order_release);
            wft_unpark_all(&t->state);
        }
    }
    wft_reg_unlock();
    wf_mutex_unlock(&wft_stw.mutex);
}

bool wft_world_is_stopped(void) {
    wft_thread *self = wft_current();
    if (!self) return false;
    if (!atomic_load_explicit(&wft_stw.world_stopped, memory_order_acquire)) return false;
    wft_reg_lock();
    bool mine = wft_stw.requester == self;
    wft_reg_unlock();
    return mine;
}

static void wake_requester(void) {
    atomic_fetch_add_explicit(&wft_stw.wake, 1, memory_order_release);
    wft_unpark_all(&wft_stw.wake);
}

void wft_stw_suspend_self(wft_thread *t) {
    wft_eval_breaker_clear(t, WFT_EB_PLEASE_STOP);
    /* Release critical sections, go offline, drop the GIL: the same steps
     * as a detach, but the state published depends on the request. */
    wft_critsec_suspend_all(t);
    wft_smr_offline(t);
    wft_reg_lock();
    bool stop = atomic_load_explicit(&wft_stw.requested, memory_order_acquire) &&
                wft_stw.requester != t;
    atomic_store_explicit(&t->state, stop ? WFT_SUSPENDED : WFT_DETACHED,
                          memory_order_release);
    wft_reg_unlock();
    if (t->holds_gil) wft_gil_drop(t);
    if (stop) wake_requester();
    wft_attach(t); /* waits while SUSPENDED */
}

int32_t wft_stw_initial_state(void) {
    return atomic_load_explicit(&wft_stw.requested, memory_order_acquire) ? WFT_SUSPENDED
                                                                         : WFT_DETACHED;
}

void wft_stw_thread_left(void) {
    if (atomic_load_explicit(&wft_stw.requested, memory_order_relaxed)) wake_requester();
}
