/*
 * runtime/memory/heap.c — buffers (wfm_malloc & co.), the per-thread
 * memory state, and setting the allocator up and down.
 *
 * Buffers.  With WEFT_ALLOCATOR=mimalloc each registered thread allocates
 * from its own mimalloc heap (mi_heap_new in the thread-init hook; the
 * heap is deleted by the thread-exit hook on the same thread, as mimalloc
 * requires, which hands blocks still in use over to the thread's backing
 * heap, where any thread may still free them).  Unregistered threads use
 * mi_malloc.  With WEFT_ALLOCATOR=system everything is malloc/free, so
 * sanitizers see every allocation.  Any thread may free any buffer.
 * wfm_free_delayed defers the free through the SMR layer.
 *
 * Buffer accounting counts *usable* bytes (mi_usable_size or
 * malloc_usable_size of the block, at least the requested size), because
 * that is what the free side can recompute without storing the request:
 * a malloc adds usable(p), a free subtracts usable(p), a realloc adds the
 * difference.  The owner updates its own counter without RMW; unregistered
 * threads use an atomic add on the global residual.
 *
 * Per-thread state (struct wfm_thread, slab_internal.h) is created by the
 * init hook — which runs while the thread is DETACHED and before it is
 * visible in the registry — and linked into wfm_g.threads under wfm_g.lock;
 * the exit hook (ATTACHED, still registered) hands the thread's slabs to the
 * orphan list or to SMR (slab.c), unlinks the state and folds its counters
 * into the global residual under the same lock, so wfm_get_stats (which sums
 * under that lock) never double-counts or loses an exited thread.
 *
 * Hook order: runtime.c calls wfm_init after the SMR layer is set up and
 * before the refcount layer registers its hooks, so the memory exit hook
 * runs after the merge-queue drain (objects it frees still find a fully
 * working allocator) and before the thread's SMR record is closed (slab
 * retirement can still defer through it).  Anything a later hook frees
 * after ours ran takes the unregistered-thread paths, which are correct,
 * just slower.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "weft/config.h"

#if WF_USE_MIMALLOC
#include <mimalloc.h>
#else
#include <malloc.h>
#endif

#include "runtime/memory/memory.h"
#include "runtime/memory/slab_internal.h"
#include "threads/smr.h"
#include "threads/thread.h"

_Thread_local wfm_thread *wfm_tls;

wfm_global wfm_g = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .large_shards = {[0 ... WFM_LARGE_SHARDS - 1] = {.lock = PTHREAD_MUTEX_INITIALIZER}},
};

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

/* ---- raw allocation ---------------------------------------------------- */

static inline size_t usable_size(void *p) {
#if WF_USE_MIMALLOC
    return mi_usable_size(p);
#else
    return malloc_usable_size(p);
#endif
}

void *wfm_backing_alloc(wfm_thread *mt, size_t size, size_t align) {
#if WF_USE_MIMALLOC
    if (mt) return mi_heap_malloc_aligned((mi_heap_t *)mt->heap, size, align);
    return mi_malloc_aligned(size, align);
#else
    (void)mt;
    if (align <= 16) return malloc(size);
    return aligned_alloc(align, (size + align - 1) & ~(align - 1));
#endif
}

void wfm_backing_free(void *p) {
#if WF_USE_MIMALLOC
    mi_free(p);
#else
    free(p);
#endif
}

static inline void buffer_bytes_add(int64_t d) {
    wfm_thread *mt = wfm_tls;
    if (mt) wfm_counter_add(&mt->buffer_bytes, d);
    else atomic_fetch_add_explicit(&wfm_g.buffer_bytes, d, memory_order_relaxed);
}

/* ---- buffers ------------------------------------------------------------ */

void *wfm_malloc(size_t size) {
    void *p;
#if WF_USE_MIMALLOC
    wfm_thread *mt = wfm_tls;
    p = mt ? mi_heap_malloc((mi_heap_t *)mt->heap, size) : mi_malloc(size);
#else
    p = malloc(size);
#endif
    if (p) buffer_bytes_add((int64_t)usable_size(p));
    return p;
}

void *wfm_calloc(size_t n, size_t size) {
    void *p;
#if WF_USE_MIMALLOC
    wfm_thread *mt = wfm_tls;
    p = mt ? mi_heap_calloc((mi_heap_t *)mt->heap, n, size) : mi_calloc(n, size);
#else
    p = calloc(n, size);
#endif
    if (p) buffer_bytes_add((int64_t)usable_size(p));
    return p;
}

void *wfm_realloc(void *p, size_t size) {
    if (!p) return wfm_malloc(size);
    if (size == 0) size = 1; /* never the free-and-return-NULL corner */
    size_t old = usable_size(p);
    void *q;
#if WF_USE_MIMALLOC
    wfm_thread *mt = wfm_tls;
    q = mt ? mi_heap_realloc((mi_heap_t *)mt->heap, p, size) : mi_realloc(p, size);
#else
    q = realloc(p, size);
#endif
    if (q) buffer_bytes_add((int64_t)usable_size(q) - (int64_t)old);
    return q;
}

void wfm_free(void *p) {
    if (!p) return;
    buffer_bytes_add(-(int64_t)usable_size(p));
#if WF_USE_MIMALLOC
    mi_free(p);
#else
    free(p);
#endif
}

static void free_delayed_cb(void *p) { wfm_free(p); }

void wfm_free_delayed(void *p) {
    if (!p) return;
    wft_smr_defer(wft_current(), free_delayed_cb, p);
}

const char *wfm_allocator_name(void) {
#if WF_USE_MIMALLOC
    return "mimalloc";
#else
    return "system";
#endif
}

/* ---- per-thread state ------------------------------------------------------ */

static void mem_thread_init(wft_thread *t) {
    size_t sz = (sizeof(wfm_thread) + WF_CACHELINE - 1) & ~(size_t)(WF_CACHELINE - 1);
    wfm_thread *mt = aligned_alloc(WF_CACHELINE, sz);
    if (!mt) fatal("out of memory creating a thread's memory state");
    memset(mt, 0, sizeof *mt);
    mt->thread = t;
    mt->index = t->index;
#if WF_USE_MIMALLOC
    mt->heap = mi_heap_new();
    if (!mt->heap) fatal("mi_heap_new failed");
#endif
    t->ext[WFT_EXT_MEM] = mt;

    pthread_mutex_lock(&wfm_g.lock);
    mt->prev = NULL;
    mt->next = wfm_g.threads;
    if (wfm_g.threads) wfm_g.threads->prev = mt;
    wfm_g.threads = mt;
    pthread_mutex_unlock(&wfm_g.lock);

    wfm_tls = mt;
}

static void mem_thread_exit(wft_thread *t) {
    wfm_thread *mt = t->ext[WFT_EXT_MEM];
    if (!mt) return;
    wfm_slab_thread_exit(mt);

    pthread_mutex_lock(&wfm_g.lock);
    if (mt->prev) mt->prev->next = mt->next;
    else wfm_g.threads = mt->next;
    if (mt->next) mt->next->prev = mt->prev;
    for (int c = 0; c < WFM_NCLASSES; c++)
        atomic_fetch_add_explicit(&wfm_g.live[c],
                                  atomic_load_explicit(&mt->live[c], memory_order_relaxed),
                                  memory_order_relaxed);
    atomic_fetch_add_explicit(&wfm_g.buffer_bytes,
                              atomic_load_explicit(&mt->buffer_bytes, memory_order_relaxed),
                              memory_order_relaxed);
    pthread_mutex_unlock(&wfm_g.lock);

    /* From here on this thread allocates and frees like an unregistered
     * one (later exit hooks may still free objects and buffers). */
    wfm_tls = NULL;
    t->ext[WFT_EXT_MEM] = NULL;
#if WF_USE_MIMALLOC
    mi_heap_delete((mi_heap_t *)mt->heap);
#endif
    free(mt);
}

/* ---- set-up, tear-down, counters -------------------------------------------- */

void wfm_init(void) {
    static const wft_hooks hooks = {
        .thread_init = mem_thread_init,
        .thread_exit = mem_thread_exit,
    };
    wfm_slab_init();
    wft_add_hooks(&hooks);
}

void wfm_fini(void) {
    pthread_mutex_lock(&wfm_g.lock);
    bool threads_left = wfm_g.threads != NULL;
    pthread_mutex_unlock(&wfm_g.lock);
    if (threads_left) fatal("wfm_fini while threads are still registered");
    wfm_slab_fini();
}

void wfm_get_stats(wfm_stats *out) {
    int64_t live[WFM_NCLASSES];
    int64_t buffers;
    pthread_mutex_lock(&wfm_g.lock);
    for (int c = 0; c < WFM_NCLASSES; c++)
        live[c] = atomic_load_explicit(&wfm_g.live[c], memory_order_relaxed);
    buffers = atomic_load_explicit(&wfm_g.buffer_bytes, memory_order_relaxed);
    for (wfm_thread *mt = wfm_g.threads; mt; mt = mt->next) {
        for (int c = 0; c < WFM_NCLASSES; c++)
            live[c] += atomic_load_explicit(&mt->live[c], memory_order_relaxed);
        buffers += atomic_load_explicit(&mt->buffer_bytes, memory_order_relaxed);
    }
    pthread_mutex_unlock(&wfm_g.lock);

    int64_t large = 0, large_bytes = 0;
    for (int i = 0; i < WFM_LARGE_SHARDS; i++) {
        large += atomic_load_explicit(&wfm_g.large_shards[i].objects, memory_order_relaxed);
        large_bytes += atomic_load_explicit(&wfm_g.large_shards[i].bytes, memory_order_relaxed);
    }
    out->objects_live = large;
    out->object_bytes_live = large_bytes;
    for (int c = 0; c < WFM_NCLASSES; c++) {
        out->objects_live += live[c];
        out->object_bytes_live += live[c] * (int64_t)wfm_class_size((unsigned)c);
    }
    out->buffer_bytes_live = buffers;
    out->slabs = atomic_load_explicit(&wfm_g.slabs, memory_order_relaxed);
    out->orphan_slabs = atomic_load_explicit(&wfm_g.orphan_slabs, memory_order_relaxed);
    out->slabs_pending_release =
        atomic_load_explicit(&wfm_g.slabs_pending_release, memory_order_relaxed);
    out->large_objects = large;
    out->slabs_adopted = atomic_load_explicit(&wfm_g.slabs_adopted, memory_order_relaxed);
}

int64_t wfm_thread_slab_count(wft_thread *t) {
    wfm_thread *mt = t->ext[WFT_EXT_MEM];
    return mt ? atomic_load_explicit(&mt->slab_count, memory_order_relaxed) : 0;
}
