/*
 * threads/smr.h — safe memory reclamation: the one interface the runtime
 * uses to free memory that lock-free readers may still be looking at.
 *
 * Two implementations, chosen at build time (WEFT_SMR):
 *   threads/qsbr.c        native quiescent-state-based reclamation on C11
 *                         atomics (the default);
 *   threads/qsbr_epoch.c  the same interface on ConcurrencyKit's ck_epoch,
 *                         built into a second test binary as a cross-check.
 *
 * Model: a registered thread is *online* while ATTACHED (it may hold
 * pointers loaded from shared structures) and *offline* while DETACHED or
 * SUSPENDED.  An online thread reports a quiescent state at every safe point
 * (it holds no such pointers there).  Memory handed to wft_smr_defer is
 * freed only after every thread that was online at the time of the call has
 * gone offline or reported a quiescent state — a grace period.  A
 * stop-the-world pause is a grace period by construction.
 *
 * All functions taking a wft_thread must be called by that thread.
 */
#ifndef WEFT_THREADS_SMR_H
#define WEFT_THREADS_SMR_H

#include <stddef.h>
#include <stdint.h>

#include "threads/thread.h"

typedef void (*wft_free_fn)(void *ptr);

void wft_smr_init(void);
void wft_smr_fini(void); /* frees everything still deferred */

/* Per-thread record: created offline; fini hands pending items to the
 * global queue that other threads drain. */
void wft_smr_thread_init(wft_thread *t);
void wft_smr_thread_fini(wft_thread *t);

void wft_smr_online(wft_thread *t);   /* on attach */
void wft_smr_offline(wft_thread *t);  /* on detach / suspend */
void wft_smr_quiescent(wft_thread *t); /* at safe points: cheap */

/* Free ptr with fn(ptr) after a grace period.  t == NULL: a thread that is
 * not registered (queued on the global queue). */
void wft_smr_defer(wft_thread *t, wft_free_fn fn, void *ptr);

/* Free the items whose grace period is over (this thread's queue, and the
 * global queue when its lock is free).  Returns how many were freed. */
size_t wft_smr_process(wft_thread *t);

/* Items still waiting in t's queue. */
size_t wft_smr_pending(wft_thread *t);

/* Called by the stop-the-world requester once the world is stopped: every
 * item deferred before this point may be freed by the next process call. */
void wft_smr_world_stopped(void);

/* Name of the implementation ("qsbr" or "ck_epoch"). */
const char *wft_smr_impl_name(void);

#endif /* WEFT_THREADS_SMR_H */
