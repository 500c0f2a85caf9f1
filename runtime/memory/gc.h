/*
 * runtime/memory/gc.h — the low-level hooks of the cycle collector.
 *
 * The collector itself lives in runtime/vm/gc.c (it runs finalizers, so it
 * sits above the object layer; its interface is runtime/vm/gc.h).  This
 * header holds what the object layer calls on its hot paths without
 * knowing about the VM:
 *
 *   wf_gc_note_alloc()     called by wfo_alloc for every new object whose
 *                          type has a tp_traverse.  A per-thread tick; every
 *                          WF_GC_TICK_BATCH ticks the slow path adds them to
 *                          the global count and, past the threshold, asks
 *                          the calling thread's eval breaker for a
 *                          collection (WFT_EB_GC_SCHEDULED).
 *   wf_gc_note_free()      the matching decrement from wfo_free_instance.
 *   wf_gc_is_finalized(op) whether the collector already ran op's
 *                          tp_finalize (PEP 442: a finalizer runs once).
 *   wf_gc_mark_finalized(op) record that op's tp_finalize ran (a dealloc
 *                          that runs it itself calls this first).
 *   wf_gc_forget(op)       called by a dealloc that checks
 *                          wf_gc_is_finalized: drops the side-table entry of
 *                          the GIL flavour (no header bits there).
 *
 * Thread-safety: wf_gc_alloc_ticks is thread-local; the rest is described
 * in runtime/vm/gc.c.
 */
#ifndef WEFT_MEMORY_GC_H
#define WEFT_MEMORY_GC_H

#include <stdbool.h>
#include <stdint.h>

#include "weft/object.h"

#define WF_GC_TICK_BATCH 128u

extern _Thread_local int32_t wf_gc_alloc_ticks;
void wf_gc_alloc_slow(void);

static inline void wf_gc_note_alloc(void) {
    if (++wf_gc_alloc_ticks >= (int32_t)WF_GC_TICK_BATCH) wf_gc_alloc_slow();
}
/* The free of an object whose type has a tp_traverse (wfo_free_instance):
 * the count is of net allocations, as CPython's generation-0 count, so
 * short-lived objects do not trigger collections. */
static inline void wf_gc_note_free(void) {
    if (--wf_gc_alloc_ticks <= -(int32_t)WF_GC_TICK_BATCH) wf_gc_alloc_slow();
}

bool wf_gc_is_finalized(wf_object *op);
void wf_gc_mark_finalized(wf_object *op);
void wf_gc_forget(wf_object *op);

#endif /* WEFT_MEMORY_GC_H */
