/*
 * threads/thread.c — the thread registry, thread states and the eval
 * breaker (stop-the-world itself lives in threads/stw.c).
 *
 * Invariants:
 *  - A registered thread has an index in 1..N, unique among registered
 *    threads; indices are handed out smallest-first so they stay small.  An
 *    index returns to the pool only at the very end of wft_thread_delete,
 *    after the exit hooks ran (merge queue drained and closed, slabs
 *    orphaned, delayed frees handed over) and the thread left the list.
 *  - Only the owner moves its state out of ATTACHED and into ATTACHED; the
 *    stop-the-world requester moves DETACHED<->SUSPENDED (stw.c).
 *  - A thread is linked into the registry list only after its init hooks
 *    ran, so visitors never see half-initialised per-thread state; it is
 *    linked SUSPENDED instead of DETACHED while a stop-the-world is active.
 *  - Detaching suspends critical sections, goes offline for SMR, publishes
 *    DETACHED with a release store, and then drops the GIL if held.
 *    Attaching takes the GIL (if enabled), CASes DETACHED->ATTACHED (waiting
 *    on the state word while SUSPENDED, without holding the GIL), goes
 *    online for SMR and resumes the top critical section.
 */
#define _GNU_SOURCE
#include "threads/thread.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "threads/critsec.h"
#include "threads/gil.h"
#include "threads/parking_lot.h"
#include "threads/smr.h"
#include "threads/thread_internal.h"
#include "weft/object.h"

_Thread_local uint32_t wft_tls_index = WFT_NO_INDEX;
static _Thread_local wft_thread *tls_thread;

wft_registry wft_reg = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

void wft_add_hooks(const wft_hooks *hooks) {
    if (wft_reg.nhooks >= WFT_MAX_HOOKS) fatal("too many thread hooks");
    wft_reg.hooks[wft_reg.nhooks++] = *hooks;
}

void wft_runtime_init(void) {
    wft_reg_lock();
    wft_reg.head = NULL;
    wft_reg.count = 0;
    wft_reg.nhooks = 0;
    wft_reg_unlock();
}

void wft_runtime_fini(void) {
    wft_reg_lock();
    if (wft_reg.count != 0) fatal("wft_runtime_fini with threads still registered");
    free(wft_reg.index_bits);
    wft_reg.index_bits = NULL;
    wft_reg.index_words = 0;
    wft_reg.nhooks = 0;
    wft_reg_unlock();
}

/* Smallest free index >= 1 (under the registry lock). */
static uint32_t index_alloc(void) {
    for (size_t w = 0; w < wft_reg.index_words; w++) {
        uint64_t bits = wft_reg.index_bits[w];
        if (w == 0) bits |= 1; /* index 0 means "no owner" */
        if (bits != UINT64_MAX) {
            unsigned bit = (unsigned)__builtin_ctzll(~bits);
            wft_reg.index_bits[w] |= (uint64_t)1 << bit;
            return (uint32_t)(w * 64 + bit);
        }
    }
    size_t words = wft_reg.index_words ? wft_reg.index_words * 2 : 4;
    uint64_t *bits = realloc(wft_reg.index_bits, words * sizeof *bits);
    if (!bits) fatal("out of memory registering a thread");
    memset(bits + wft_reg.index_words, 0, (words - wft_reg.index_words) * sizeof *bits);
    wft_reg.index_bits = bits;
    size_t first = wft_reg.index_words;
    wft_reg.index_words = words;
    uint32_t idx = first == 0 ? 1 : (uint32_t)(first * 64);
    wft_reg.index_bits[idx / 64] |= (uint64_t)1 << (idx % 64);
    return idx;
}

static void index_free(uint32_t idx) {
    wft_reg.index_bits[idx / 64] &= ~((uint64_t)1 << (idx % 64));
}

wft_thread *wft_current(void) { return tls_thread; }
uint32_t wft_current_index(void) { return wft_tls_index; }

wft_thread *wft_thread_new(void) {
    if (tls_thread) fatal("thread registered twice");
    wft_thread *t = aligned_alloc(WF_CACHELINE, (sizeof(wft_thread) + WF_CACHELINE - 1) &
                                                    ~(size_t)(WF_CACHELINE - 1));
    if (!t) fatal("out of memory registering a thread");
    memset(t, 0, sizeof *t);
    atomic_init(&t->state, WFT_DETACHED);
    atomic_init(&t->eval_breaker, 0);
    t->native_id = (pid_t)gettid();
    t->pthread = pthread_self();

    wft_reg_lock();
    t->index = index_alloc();
    wft_reg_unlock();

    wft_tls_index = t->index;
    tls_thread = t;
    wft_smr_thread_init(t);
    for (int i = 0; i < wft_reg.nhooks; i++)
        if (wft_reg.hooks[i].thread_init) wft_reg.hooks[i].thread_init(t);

    wft_reg_lock();
    atomic_store_explicit(&t->state, wft_stw_initial_state(), memory_order_release);
    t->prev = NULL;
    t->next = wft_reg.head;
    if (wft_reg.head) wft_reg.head->prev = t;
    wft_reg.head = t;
    wft_reg.count++;
    wft_reg_unlock();
    return t;
}

void wft_thread_delete(wft_thread *t) {
    if (t != tls_thread) fatal("wft_thread_delete from another thread");
    if (wft_state_of(t) != WFT_ATTACHED) fatal("wft_thread_delete of a detached thread");
    if (t->critical_section != 0) fatal("thread exits inside a critical section");
    for (int i = wft_reg.nhooks - 1; i >= 0; i--)
        if (wft_reg.hooks[i].thread_exit) wft_reg.hooks[i].thread_exit(t);
    wft_detach(t);
    wft_gil_forget_thread(t);
    wft_smr_thread_fini(t);

    wft_reg_lock();
    if (t->prev) t->prev->next = t->next;
    else wft_reg.head = t->next;
    if (t->next) t->next->prev = t->prev;
    wft_reg.count--;
    index_free(t->index);
    wft_stw_thread_left();
    wft_reg_unlock();

    wft_tls_index = WFT_NO_INDEX;
    tls_thread = NULL;
    free(t);
}

void wft_detach(wft_thread *t) {
    wft_critsec_suspend_all(t);
    wft_smr_offline(t);
    atomic_store_explicit(&t->state, WFT_DETACHED, memory_order_release);
    if (t->holds_gil) wft_gil_drop(t);
}

void wft_attach(wft_thread *t) {
    for (;;) {
        if (wft_gil_enabled() && !t->holds_gil) wft_gil_take(t);
        int32_t expected = WFT_DETACHED;
        if (atomic_compare_exchange_strong_explicit(&t->state, &expected, WFT_ATTACHED,
                                                    memory_order_acq_rel,
                                                    memory_order_acquire))
            break;
        if (expected != WFT_SUSPENDED) fatal("wft_attach of an attached thread");
        /* Stopped by stop-the-world: wait for the restart without holding
         * the GIL (the requester may need it back). */
        if (t->holds_gil) wft_gil_drop(t);
        int32_t suspended = WFT_SUSPENDED;
        wft_park(&t->state, &suspended, sizeof suspended, -1, NULL, false);
    }
    wft_smr_online(t);
    wft_critsec_resume(t);
}

bool wft_detach_if_attached(wft_thread *t) {
    if (wft_state_of(t) != WFT_ATTACHED) return false;
    wft_detach(t);
    return true;
}

void wft_reattach(wft_thread *t, bool was_attached) {
    if (was_attached) wft_attach(t);
}

uintptr_t wft_handle_eval_breaker(wft_thread *t) {
    uintptr_t bits = wft_eval_breaker_get(t);
    if (bits & WFT_EB_PLEASE_STOP) wft_stw_suspend_self(t);
    if (bits & WFT_EB_EXPLICIT_MERGE) {
        wft_eval_breaker_clear(t, WFT_EB_EXPLICIT_MERGE);
        for (int i = 0; i < wft_reg.nhooks; i++)
            if (wft_reg.hooks[i].explicit_merge) wft_reg.hooks[i].explicit_merge(t);
    }
    if (bits & WFT_EB_SMR_WORK) {
        wft_eval_breaker_clear(t, WFT_EB_SMR_WORK);
        wft_smr_process(t);
    }
    if (bits & WFT_EB_GIL_DROP_REQUEST) {
        if (t->holds_gil) {
            /* Let a waiter run: a full detach/attach, so the thread is never
             * ATTACHED without the GIL (stop-the-world relies on that).  The
             * take clears the request. */
            wft_detach(t);
            wft_attach(t);
        } else {
            wft_eval_breaker_clear(t, WFT_EB_GIL_DROP_REQUEST);
        }
    }
    return wft_eval_breaker_get(t) & ~(uintptr_t)WFT_EB_RUNTIME_BITS;
}

uintptr_t wft_safepoint(wft_thread *t) {
    wft_smr_quiescent(t);
    if (WF_UNLIKELY(wft_eval_breaker_get(t) != 0)) return wft_handle_eval_breaker(t);
    return 0;
}

void wft_foreach_thread(wft_thread_visit_fn fn, void *arg) {
    wft_reg_lock();
    for (wft_thread *t = wft_reg.head; t; t = t->next) fn(t, arg);
    wft_reg_unlock();
}

size_t wft_thread_count(void) {
    wft_reg_lock();
    size_t n = wft_reg.count;
    wft_reg_unlock();
    return n;
}
