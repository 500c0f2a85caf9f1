/*
 * runtime/memory/refcount.h — set-up of the reference-counting slow paths
 * (runtime/memory/refcount.c).  The reference-counting API itself lives in
 * weft/object.h; this header only adds what the runtime and the tests need
 * around the per-thread merge queues of the free-threaded flavour.
 */
#ifndef WEFT_MEMORY_REFCOUNT_H
#define WEFT_MEMORY_REFCOUNT_H

#include <stddef.h>

#include "threads/thread.h"
#include "weft/object.h"

/* Register the merge-queue thread hooks (thread_init opens the thread's
 * queue, thread_exit drains and closes it, explicit_merge drains it at the
 * eval breaker, world_stopped merges every queue).  Call once per runtime
 * lifetime from wf_runtime_init, after wft_runtime_init and before any
 * layer whose thread_exit hook may drop references (exit hooks run in
 * reverse registration order, so those run before the queue closes).  If
 * the calling thread is already registered it gets its queue here.  In the
 * GIL flavour both functions do nothing.  */
void wfm_refcount_init(void);
/* Merge and release whatever is still queued and free the queues.  Call
 * from wf_runtime_fini while at most the calling thread is registered and
 * before the object allocator is torn down. */
void wfm_refcount_fini(void);

/* Merge what other threads (and the stop-the-world merge) queued for the
 * calling thread and deallocate what reaches 0, now, instead of at the
 * next eval-breaker check.  For the places where no such check follows:
 * the end of a collection and the interpreter's tear-down, which must run
 * those deallocations while the object layer still works.  Call attached,
 * with no lock held.  Does nothing in the GIL flavour or when the calling
 * thread is not registered. */
void wfm_refcount_drain(void);

/* Objects queued for thread t that t has not merged yet (for tests and
 * statistics; takes t's bucket lock).  Always 0 in the GIL flavour. */
size_t wfm_refcount_pending(wft_thread *t);

#endif /* WEFT_MEMORY_REFCOUNT_H */
