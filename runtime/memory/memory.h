/*
 * runtime/memory/memory.h — the object allocator and buffer heaps.
 *
 * Two kinds of memory, never mixed (a stale object pointer must never land
 * in a buffer whose bytes a try-incref CAS could corrupt):
 *
 *  Objects (wfm_object_alloc/free; slab.c): small objects come from
 *    per-thread, size-classed, type-stable slabs.  A block freed in a slab
 *    stays a block of the same size class — its header words stay at the
 *    same addresses, its count fields read as "dead" (shared word 0 or
 *    MERGED) — until the slab has been empty for a full SMR grace period;
 *    only then is the slab released or reused for another class.  Frees
 *    from other threads go to the slab's atomic remote-free stack.  When a
 *    thread exits its non-empty slabs become orphans that other threads
 *    adopt.  Objects above WFM_SMALL_MAX are "large": allocated one by one
 *    and freed after a grace period.  The free-list link of a free block is
 *    kept in its ob_type word, tagged with bit 0, so the live-object walk
 *    can tell free blocks from live ones.
 *
 *  Buffers (wfm_malloc/realloc/free; heap.c): list arrays, dict tables,
 *    string payloads.  Each thread allocates from its own mimalloc heap
 *    (WEFT_ALLOCATOR=mimalloc) or from the system malloc (=system, used by
 *    sanitizer builds).  Any thread may free.  wfm_free_delayed frees after
 *    a grace period (old arrays of shared containers).
 *
 * Slab backing memory comes from the buffer allocator of the thread that
 * creates the slab.
 */
#ifndef WEFT_MEMORY_H
#define WEFT_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "threads/thread.h"
#include "weft/object.h"

#define WFM_SLAB_SIZE ((size_t)64 * 1024) /* also the slab alignment */
#define WFM_SMALL_MAX ((size_t)1024)      /* largest slab-allocated object */

/* Set up / tear down the allocator (registers thread hooks).  wfm_fini
 * releases every slab and large object, live or not. */
void wfm_init(void);
void wfm_fini(void);

/* Objects.  size includes the header; the result is 16-byte aligned and
 * uninitialised except that its header words are safe to probe.  Any
 * thread may free; the caller must be a registered thread for alloc (an
 * unregistered caller gets a large-object allocation). */
void *wfm_object_alloc(size_t size);
void wfm_object_free(void *p);
size_t wfm_object_block_size(const void *p);

/* Buffers. */
void *wfm_malloc(size_t size);
void *wfm_calloc(size_t n, size_t size);
void *wfm_realloc(void *p, size_t size);
void wfm_free(void *p);
void wfm_free_delayed(void *p); /* after an SMR grace period */

/* Walk every live object (slabs of live threads, orphan slabs, large
 * objects).  The world must be stopped (or only one thread registered).
 * The visitor must not allocate or free objects. */
typedef void (*wfm_visit_fn)(wf_object *op, void *arg);
void wfm_visit_live_objects(wfm_visit_fn fn, void *arg);

/* Counters, readable from any thread (relaxed; exact when quiescent). */
typedef struct wfm_stats {
    int64_t objects_live;   /* allocated and not yet freed */
    int64_t object_bytes_live; /* block bytes of live objects */
    int64_t buffer_bytes_live; /* usable bytes (>= requested) of live buffers */
    int64_t slabs;          /* slabs owned by threads or orphaned */
    int64_t orphan_slabs;   /* slabs of exited threads not yet adopted */
    int64_t slabs_pending_release; /* empty slabs waiting on a grace period */
    int64_t large_objects;  /* live large objects */
    int64_t slabs_adopted;  /* total orphan adoptions so far */
} wfm_stats;
void wfm_get_stats(wfm_stats *out);
/* Slabs currently owned by thread t (t's own thread, or world stopped). */
int64_t wfm_thread_slab_count(wft_thread *t);

const char *wfm_allocator_name(void); /* "mimalloc" or "system" */

#endif /* WEFT_MEMORY_H */
