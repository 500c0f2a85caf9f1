/*
 * runtime/vm/gc.h — the cycle collector (runtime/vm/gc.c) and the state
 * the `gc` module (runtime/modules/gc.c) reads and sets.
 *
 * Every function here must be called by a registered, attached thread
 * (the collector stops the world).  See docs/internals/gc.md.
 */
#ifndef WEFT_VM_GC_H
#define WEFT_VM_GC_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/memory/gc.h"
#include "weft/objects.h"

/* Run a full collection now: finalizers, then tp_clear on the garbage.
 * Returns the number of unreachable objects found (0 when a collection is
 * already running on this thread, e.g. gc.collect() inside __del__).
 * Leaves no exception set. */
intptr_t wfv_gc_collect(void);
/* The eval breaker's WFT_EB_GC_SCHEDULED: collect if still enabled. */
void wfv_gc_collect_scheduled(void);
/* At interpreter shutdown (wfv_interp_fini): a collection that runs even
 * when automatic collection is disabled.  run_finalizers = false marks the
 * garbage finalized without calling __del__ (after the module dicts are
 * gone). */
void wfv_gc_collect_at_exit(bool run_finalizers);
/* At shutdown, once no Python code can run on any thread: remove the bias
 * of every deferred object (code objects), freeing those nothing refers
 * to; the next collection treats the rest as ordinary objects. */
void wfv_gc_release_deferred(void);

/* Automatic collection switch and threshold (gc.enable/disable,
 * gc.set_threshold): atomics, any thread. */
void wfv_gc_set_enabled(bool on);
bool wfv_gc_is_enabled(void);
void wfv_gc_set_threshold(intptr_t t0);
intptr_t wfv_gc_get_threshold(void);
/* Allocations of GC objects since the last collection (approximate). */
intptr_t wfv_gc_get_count(void);
/* Number of collections run so far, objects collected in total. */
void wfv_gc_get_stats(intptr_t *collections, intptr_t *collected);

/* gc.callbacks: a list the module creates once; the collector calls each
 * entry with ("start"|"stop", info) around every collection.  Set once
 * (under the import lock) with a new reference the collector keeps. */
void wfv_gc_set_callbacks(wf_object *list);

/* Whether op is a container the collector examines (gc.is_tracked). */
bool wfv_gc_is_tracked(wf_object *op);
/* Every object the collector would examine, as a new list (world stopped
 * while they are gathered). NULL with an exception on failure. */
wf_object *wfv_gc_get_objects(void);
/* Direct referents of op (tp_traverse), as a new list. */
wf_object *wfv_gc_get_referents(wf_object *op);

#endif /* WEFT_VM_GC_H */
