/*
 * runtime/memory/slab_internal.h — state shared by heap.c and slab.c only
 * (and read by tests/unit/test_memory.c to check layout invariants).
 *
 * Per-thread memory state (wfm_thread) lives in t->ext[WFT_EXT_MEM] and in
 * the thread-local wfm_tls.  It is created by the thread-init hook and
 * destroyed by the thread-exit hook, both on the owning thread (heap.c).
 * Everything here follows one rule: a field is either immutable, owner-only
 * (the owning thread writes and reads it; another thread may read it only
 * while the world is stopped or under wfm_g.lock when the field says so),
 * or atomic with the ordering stated beside it.
 *
 * Slab layout (WFM_SLAB_SIZE bytes, aligned to WFM_SLAB_SIZE, so a block's
 * slab is found by masking the block's address):
 *
 *   [0, 64)    line 0: immutable fields + the atomic owner index, read by
 *              every freeing thread
 *   [64, 128)  line 1: owner-only allocation state (free list, bump, used,
 *              list links)
 *   [128, 192) line 2: the atomic remote-free stack, on its own line so
 *              remote frees do not bounce the owner's line
 *   [192, end) blocks of block_size bytes; blocks below `bump` have been
 *              handed out at least once, blocks above it never
 *
 * A free block keeps its refcount words untouched (a lock-free reader may
 * CAS them; dealloc left them reading "dead") and stores its free-list
 * link in its ob_type word, tagged with bit 0.  A live block's ob_type is a
 * type pointer (bit 0 clear): that is how the live-object walk tells them
 * apart.
 */
#ifndef WEFT_MEMORY_SLAB_INTERNAL_H
#define WEFT_MEMORY_SLAB_INTERNAL_H

#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/memory/memory.h"
#include "threads/thread.h"
#include "weft/config.h"
#include "weft/object.h"

/* Size classes: 16-byte steps up to 128 (8 classes), then four classes per
 * power of two up to WFM_SMALL_MAX: 160 192 224 256 320 ... 896 1024. */
#define WFM_NCLASSES 20
#define WFM_SLAB_HEADER ((size_t)192)
#define WFM_SLAB_MAGIC 0x534d4657u  /* "WFMS" */
#define WFM_SLAB_DEAD 0x44414544u   /* "DEAD": written just before release */
#define WFM_LARGE_MAGIC 0x474c4657u /* "WFLG" */
#define WFM_LARGE_DEAD 0x46444c47u
#define WFM_KEEP_EMPTY 2  /* empty slabs a thread keeps per class */
#define WFM_FULL_SCAN 32  /* full slabs probed for remote frees per refill */

/* Where the free-list link of a free block lives, and how many leading
 * bytes of a block the allocator never poisons (the whole header). */
#define WFM_LINK_OFFSET offsetof(wf_object, ob_type)
#define WFM_KEEP_BYTES sizeof(wf_object)

/* Which list a slab is on (wfm_slab.where). */
enum {
    WFM_IN_CURRENT = 1, /* the thread's current slab of its class */
    WFM_IN_PARTIAL = 2, /* has local free blocks or bump space, or is empty */
    WFM_IN_FULL = 3,    /* nothing left locally; may have remote frees */
    WFM_IN_ORPHAN = 4,  /* owner exited; on wfm_g.orphans[cls] */
    WFM_IN_RETIRED = 5, /* empty, waiting for its grace period */
};

typedef struct wfm_slab wfm_slab;

struct wfm_slab {
    /* line 0: written once by the creating thread before any block of the
     * slab is handed out; read without synchronisation afterwards (a
     * freeing thread reached the block through a chain that happens after
     * the creation). */
    alignas(WF_CACHELINE) uint32_t magic; /* WFM_SLAB_MAGIC; DEAD at release */
    uint16_t cls;               /* size-class index */
    uint16_t reserved;
    uint32_t block_size;        /* bytes per block, multiple of 16 */
    uint32_t capacity;          /* blocks in the slab */
    char *first;                /* first block (slab + WFM_SLAB_HEADER) */
    char *end;                  /* first + capacity * block_size */
    /* Index of the owning thread, 0 = none (orphaned or retired).  Written
     * by the owner (creation, exit, retire) or by an adopter under
     * wfm_g.lock, with release stores; freeing threads read it relaxed: a
     * thread only ever sees its own index here if it owns the slab (it wrote
     * that value itself, and an index is reused only after its previous
     * holder stored 0 and fully exited). */
    _Atomic uint32_t owner;

    /* line 1: owner-only.  While orphaned, under wfm_g.lock; read by the
     * live-object walk with the world stopped. */
    alignas(WF_CACHELINE) char *bump; /* next never-used block */
    void *local_free;           /* free-list head; links in ob_type words */
    uint32_t used;              /* blocks handed out and not yet seen free by
                                   the owner (remote frees count as used
                                   until collected) */
    uint32_t where;             /* WFM_IN_* */
    wfm_slab *next;             /* links of the list named by `where` */
    wfm_slab *prev;

    /* line 2: Treiber stack of blocks freed by non-owners.  Pushed by any
     * thread with a release CAS; taken whole by the owner (or an adopter,
     * or wfm_fini) with one acquire exchange, so there is no ABA: nobody
     * ever pops a single element. */
    alignas(WF_CACHELINE) _Atomic(void *) remote_free;
};

_Static_assert(sizeof(wfm_slab) <= WFM_SLAB_HEADER, "slab header fits its reserved space");
_Static_assert(WFM_SLAB_HEADER % 16 == 0, "blocks stay 16-byte aligned");

typedef struct wfm_slab_list {
    wfm_slab *head;
    wfm_slab *tail;
    size_t count;
} wfm_slab_list;

/* A thread's slabs of one size class (owner-only). */
typedef struct wfm_class_state {
    wfm_slab *current;     /* allocation happens here; may be NULL */
    wfm_slab_list partial; /* slabs with local space; empty ones at the tail */
    wfm_slab_list full;    /* slabs with no local space */
    uint32_t nempty;       /* slabs on `partial` with used == 0 */
} wfm_class_state;

typedef struct wfm_thread wfm_thread;
struct wfm_thread {
    wft_thread *thread; /* immutable */
    uint32_t index;     /* immutable: thread->index */
    void *heap;         /* mi_heap_t * (mimalloc) or NULL; owner-only */
    wfm_class_state cls[WFM_NCLASSES]; /* owner-only (walk: world stopped) */

    /* Counters.  The owner updates them with a relaxed load + relaxed
     * store (no RMW: it is the only writer); any thread reads them relaxed.
     * live[c] is the net number of class-c blocks this thread allocated
     * minus those it freed (possibly negative: it may free other threads'
     * objects).  At exit they are folded into wfm_g under wfm_g.lock. */
    _Atomic int64_t live[WFM_NCLASSES];
    _Atomic int64_t buffer_bytes; /* usable bytes malloc'd - freed */
    _Atomic int64_t slab_count;   /* slabs this thread owns */

    wfm_thread *next; /* wfm_g.threads list, under wfm_g.lock */
    wfm_thread *prev;
};

/* Large-object prefix (32 bytes, so the object stays 16-byte aligned). */
typedef struct wfm_large wfm_large;
struct wfm_large {
    uint32_t magic;   /* WFM_LARGE_MAGIC; DEAD once freed (under the shard's lock) */
    uint32_t shard;   /* index into wfm_g.large_shards; immutable */
    size_t size;      /* object bytes (multiple of 16); immutable */
    wfm_large *next;  /* the shard's list, under its lock */
    wfm_large *prev;
};
_Static_assert(sizeof(wfm_large) % 16 == 0, "large objects stay 16-byte aligned");

/* Large objects are linked on one of WFM_LARGE_SHARDS lists, chosen by
 * the allocating thread's index, so threads allocating and freeing their
 * own large objects take different locks (a thread index is reused only
 * after its thread left).  A free by another thread takes the shard named
 * in the prefix.  Each shard sits on its own cache lines. */
#define WFM_LARGE_SHARDS 16
typedef struct wfm_large_shard {
    _Alignas(64) pthread_mutex_t lock; /* head, the links, magic of its objects */
    wfm_large *head;                   /* under lock */
    /* Written under lock with relaxed load + store; read relaxed by
     * wfm_get_stats without the lock. */
    _Atomic int64_t objects;
    _Atomic int64_t bytes;
} wfm_large_shard;

/* Process-wide allocator state.  The locks are plain pthread mutexes:
 * their sections are short and never block, they are taken by registered
 * and unregistered threads alike, and by the stop-the-world requester. */
typedef struct wfm_global {
    pthread_mutex_t lock;            /* threads list + orphan lists */
    wfm_thread *threads;             /* under lock */
    wfm_slab_list orphans[WFM_NCLASSES]; /* under lock */
    /* Orphans per class: written under lock, read relaxed as a hint
     * before taking the lock. */
    _Atomic int64_t orphan_count[WFM_NCLASSES];

    /* Residual counters: exited threads' folded counters and the frees /
     * allocations of unregistered threads (atomic RMW, relaxed). */
    _Atomic int64_t live[WFM_NCLASSES];
    _Atomic int64_t buffer_bytes;

    /* Slab counters (relaxed RMW: slab events are rare). */
    _Atomic int64_t slabs;
    _Atomic int64_t orphan_slabs;
    _Atomic int64_t slabs_pending_release;
    _Atomic int64_t slabs_adopted;

    wfm_large_shard large_shards[WFM_LARGE_SHARDS];
} wfm_global;

extern wfm_global wfm_g;

/* The calling thread's memory state, NULL if it is not registered (or its
 * exit hook already ran). */
extern _Thread_local wfm_thread *wfm_tls;

/* heap.c: backing memory for slabs and large objects (not counted as
 * buffers).  mt == NULL: the calling thread has no heap. */
void *wfm_backing_alloc(wfm_thread *mt, size_t size, size_t align);
void wfm_backing_free(void *p);

/* slab.c */
void wfm_slab_init(void);
void wfm_slab_fini(void);
void wfm_slab_thread_exit(wfm_thread *mt);
size_t wfm_class_size(unsigned cls);
unsigned wfm_size_class(size_t size);

static inline wfm_slab *wfm_slab_of(const void *p) {
    return (wfm_slab *)((uintptr_t)p & ~(uintptr_t)(WFM_SLAB_SIZE - 1));
}

/* Is p inside a slab that is currently owned or orphaned (i.e. not a large
 * object)?  Lock-free; exact for pointers to live objects. */
bool wfm_is_slab_block(const void *p);

/* Owner-side relaxed counter update (the owner is the only writer). */
static inline void wfm_counter_add(_Atomic int64_t *c, int64_t d) {
    atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + d,
                          memory_order_relaxed);
}

#endif /* WEFT_MEMORY_SLAB_INTERNAL_H */
