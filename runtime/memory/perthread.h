/*
 * runtime/memory/perthread.h — the runtime's side of per-thread reference
 * counting (runtime/memory/perthread.c; the object API is in weft/object.h).
 *
 * The *_stopped functions are for the collector and require the world to
 * be stopped (wft_stop_the_world); the others may be called by any
 * registered, attached thread.  In the GIL flavour all of them do nothing
 * (wfm_perthread_count returns wf_refcnt).
 */
#ifndef WEFT_MEMORY_PERTHREAD_H
#define WEFT_MEMORY_PERTHREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "weft/object.h"

/* Register the thread hooks (each thread gets a slot array; its exit folds
 * the slots into the shared counts).  From wfm_refcount_init. */
void wfm_perthread_init(void);

/* The eval breaker's WFT_EB_PERTHREAD: convert every pending request in
 * one short stop-the-world pause, then drop the requests' references. */
void wfm_perthread_service(void);

/* World stopped: convert every pending request now. */
void wfm_perthread_convert_pending_stopped(void);
/* From wf_dealloc, for an object with WF_GC_PT_WANTED: take it off the
 * pending list (a request holds no reference). */
void wfm_perthread_forget(wf_object *op);
/* World stopped: add every thread's slots to the shared counts, so that
 * the shared count of a per-thread object is its true count. */
void wfm_perthread_merge_all_stopped(void);
/* World stopped, after merge_all: op leaves the mode (it is garbage the
 * collector will clear); its count stays what it is, now MERGED. */
void wfm_perthread_disable_stopped(wf_object *op);
/* World stopped, after merge_all: every per-thread object whose count is 0
 * leaves the mode with a count of 1; *out (malloc'ed, caller frees) lists
 * them.  The caller drops those references once the world runs again,
 * which deallocates them. */
size_t wfm_perthread_take_dead_stopped(wf_object ***out);

/* Free every per-thread object nothing refers to (repeatedly, as freeing
 * one can release others), without a cycle search: for shutdown, where
 * objects must not outlive the runtime.  Attached, registered caller. */
void wfm_perthread_release_dead(void);

/* Called by whatever starts a runtime thread (the _thread module), before
 * the thread starts: the first call stops the world once and converts
 * every object marked by wf_perthread_enable_for_threads that is still
 * alive.  Attached, registered caller. */
void wfm_perthread_before_threads(void);
/* Whether creators still only mark (the process has had one thread). */
bool wfm_perthread_marking(void);

/* True count of a per-thread object (sums every thread's slot). */
intptr_t wfm_perthread_count(wf_object *op);
/* Number of objects in the mode now (statistics and tests). */
size_t wfm_perthread_live(void);

#endif /* WEFT_MEMORY_PERTHREAD_H */
