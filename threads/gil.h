/*
 * threads/gil.h — the classic global interpreter lock.
 *
 * Always on in the GIL flavour; in the free-threaded flavour it can be
 * switched on at start-up (-X gil=1 / PYTHON_GIL=1, before a second thread
 * is registered).  When enabled, attaching takes the GIL and detaching
 * drops it.  A waiter that waits one switch interval (default 5 ms) without
 * the GIL changing hands sets WFT_EB_GIL_DROP_REQUEST in the holder's eval
 * breaker; the holder drops at its next safe point and, because of forced
 * switching, waits until another thread has taken the GIL before it may
 * try to take it back.
 */
#ifndef WEFT_THREADS_GIL_H
#define WEFT_THREADS_GIL_H

#include <stdbool.h>
#include <stdint.h>

#include "threads/thread.h"

#define WFT_GIL_DEFAULT_INTERVAL_US 5000

void wft_gil_init(void);
void wft_gil_fini(void);
bool wft_gil_enabled(void);
/* Free-threaded flavour only; call before any second thread is registered
 * (a fatal error otherwise). */
void wft_gil_set_enabled(bool on);

void wft_gil_take(wft_thread *t);
void wft_gil_drop(wft_thread *t);
/* t is leaving the registry (it no longer holds the GIL): forget it as the
 * last holder, so a later thread whose struct lands at the same address is
 * not mistaken for it. */
void wft_gil_forget_thread(wft_thread *t);

/* Service a drop request: drop, let a waiter run, take it back. */
void wft_gil_yield(wft_thread *t);

void wft_gil_set_interval_us(int64_t us);
int64_t wft_gil_get_interval_us(void);
/* How many times the GIL changed hands (tests and stats). */
uint64_t wft_gil_switch_count(void);

#endif /* WEFT_THREADS_GIL_H */
