/*
 * runtime/memory/slab.c — type-stable object slabs, large objects and the
 * live-object walk.
 *
 * Small objects (<= WFM_SMALL_MAX) come from per-thread, size-classed
 * 64 KiB slabs aligned to 64 KiB (layout in slab_internal.h).  Invariants:
 *
 *  1. Type stability.  A block of a slab is a block of that slab's size
 *     class until the slab is released, and a slab is released only after
 *     an SMR grace period that began once it was empty and unlinked
 *     (retired).  A lock-free reader holding a stale object pointer, which
 *     must be online since it loaded the pointer, therefore always lands on
 *     the header of an object of the same size class, live or dead.
 *  2. The allocator never writes a block's refcount words.  The only word
 *     it writes in a free block is ob_type, which holds the free-list link
 *     tagged with bit 0, written with an atomic store.  Bytes of a free
 *     block beyond the header are poisoned under ASan.
 *  3. Ownership.  slab->owner is the index of the one thread that may use
 *     the slab's owner-only fields (free list, bump, used, links), or 0.
 *     Every other thread frees by pushing on the slab's remote stack.  The
 *     owner takes the whole stack with one exchange, so pushes and takes
 *     never suffer ABA.
 *  4. Lists.  Each slab is on exactly one list named by slab->where: a
 *     thread's current slab, partial list or full list of its class; the
 *     global orphan list of its class; or retired (on no list, owned by
 *     the SMR queue).  A slab with live blocks is never retired.
 *  5. Slab lookup.  The slab map (a two-level bitmap over 64 KiB address
 *     units) holds exactly the slabs that are owned or orphaned; a pointer
 *     whose unit is not in the map is a large object.  Bits are set before
 *     the first block of a slab is handed out and cleared when the slab is
 *     retired, when no live block (and so no legitimate free) remains.
 *
 * Allocation order: the current slab's local free list, then its remote
 * stack, then its bump space; then another slab of the thread's partial
 * list; then up to WFM_FULL_SCAN slabs of the full list that received
 * remote frees (round-robin); then an orphan of the same class (adoption);
 * then a new slab.  A non-current slab that a local free empties is kept
 * (up to WFM_KEEP_EMPTY per class) or retired; one emptied by remote frees
 * is noticed when its stack is collected (it then serves allocations) or
 * at thread exit (it is then retired).
 *
 * Large objects (> WFM_SMALL_MAX), and every object allocated by a thread
 * that has no memory state (unregistered, or past its exit hook), get a
 * 32-byte prefix linking them on one of WFM_LARGE_SHARDS lists (chosen by
 * the allocating thread's index, each under its own lock, so threads
 * allocating large objects do not share a lock), and their memory is
 * released only after a grace period.
 *
 * Thread exit: each slab's remote stack is collected; empty slabs are
 * retired, the others are orphaned (owner := 0, onto the orphan list).
 *
 * Callers must allocate and free objects while attached (or unregistered):
 * the live-object walk reads owner-only fields of stopped threads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/memory/memory.h"
#include "runtime/memory/slab_internal.h"
#include "threads/smr.h"
#include "threads/thread.h"
#include "weft/counters.h"

#if WF_ASAN
#include <sanitizer/asan_interface.h>
#define WFM_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define WFM_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define WFM_POISON(p, n) ((void)(p), (void)(n))
#define WFM_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

/* ---- size classes ---------------------------------------------------------- */

unsigned wfm_size_class(size_t size) {
    if (size <= 16) return 0;
    if (size <= 128) return (unsigned)((size + 15) / 16) - 1;
    size_t n = size - 1;
    unsigned b = 63u - (unsigned)__builtin_clzll((unsigned long long)n); /* >= 7 */
    return 8 + (b - 7) * 4 + (unsigned)((n >> (b - 2)) & 3);
}

size_t wfm_class_size(unsigned c) {
    if (c < 8) return (size_t)(c + 1) * 16;
    unsigned b = 7 + (c - 8) / 4, k = (c - 8) % 4;
    return ((size_t)1 << b) + (size_t)(k + 1) * ((size_t)1 << (b - 2));
}

_Static_assert(WFM_SMALL_MAX == 1024, "the class table ends at 1024 bytes (class 19)");

/* ---- the slab map -------------------------------------------------------- */

/* Bits 32..47 of an address pick a leaf; bits 16..31 a bit in it.  Leaves
 * are installed with a CAS and live until wfm_slab_fini.  Addresses at or
 * above 2^48 are never slabs (slab_new refuses such memory). */
#define MAP_TOP (1u << 16)
#define MAP_LEAF_WORDS ((1u << 16) / 64)
static _Atomic(_Atomic uint64_t *) slab_map[MAP_TOP];

static _Atomic uint64_t *map_leaf(uintptr_t a, bool create) {
    _Atomic(_Atomic uint64_t *) *top = &slab_map[a >> 32];
    _Atomic uint64_t *leaf = atomic_load_explicit(top, memory_order_acquire);
    if (leaf || !create) return leaf;
    _Atomic uint64_t *fresh = calloc(MAP_LEAF_WORDS, sizeof(uint64_t));
    if (!fresh) fatal("out of memory extending the slab map");
    if (atomic_compare_exchange_strong_explicit(top, &leaf, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    free(fresh);
    return leaf;
}

bool wfm_is_slab_block(const void *p) {
    uintptr_t a = (uintptr_t)p;
    if (a >> 48) return false;
    _Atomic uint64_t *leaf = map_leaf(a, false);
    if (!leaf) return false;
    unsigned i = (unsigned)(a >> 16) & 0xFFFFu;
    return (atomic_load_explicit(&leaf[i / 64], memory_order_relaxed) >> (i % 64)) & 1;
}

static void map_set(wfm_slab *s, bool on) {
    uintptr_t a = (uintptr_t)s;
    _Atomic uint64_t *leaf = map_leaf(a, true);
    unsigned i = (unsigned)(a >> 16) & 0xFFFFu;
    uint64_t bit = (uint64_t)1 << (i % 64);
    if (on) atomic_fetch_or_explicit(&leaf[i / 64], bit, memory_order_release);
    else atomic_fetch_and_explicit(&leaf[i / 64], ~bit, memory_order_release);
}

/* ---- blocks --------------------------------------------------------------- */

static inline _Atomic uintptr_t *link_word(void *b) {
    return (_Atomic uintptr_t *)((char *)b + WFM_LINK_OFFSET);
}

static inline void set_link(void *b, void *next) {
    atomic_store_explicit(link_word(b), (uintptr_t)next | 1u, memory_order_relaxed);
}

static inline void *get_link(void *b) {
    return (void *)(atomic_load_explicit(link_word(b), memory_order_relaxed) & ~(uintptr_t)1);
}

static inline void poison_free_block(void *b, size_t block_size) {
    WFM_POISON((char *)b + WFM_KEEP_BYTES, block_size - WFM_KEEP_BYTES);
}

static inline void live_add(wfm_thread *mt, unsigned c, int64_t d) {
    if (mt) wfm_counter_add(&mt->live[c], d);
    else atomic_fetch_add_explicit(&wfm_g.live[c], d, memory_order_relaxed);
}

/* ---- slab lists (owner-only, or under wfm_g.lock for orphans) ---------- */

static void list_push_head(wfm_slab_list *l, wfm_slab *s) {
    s->prev = NULL;
    s->next = l->head;
    if (l->head) l->head->prev = s;
    else l->tail = s;
    l->head = s;
    l->count++;
}

static void list_push_tail(wfm_slab_list *l, wfm_slab *s) {
    s->next = NULL;
    s->prev = l->tail;
    if (l->tail) l->tail->next = s;
    else l->head = s;
    l->tail = s;
    l->count++;
}

static void list_remove(wfm_slab_list *l, wfm_slab *s) {
    if (s->prev) s->prev->next = s->next;
    else l->head = s->next;
    if (s->next) s->next->prev = s->prev;
    else l->tail = s->prev;
    s->next = s->prev = NULL;
    l->count--;
}

static wfm_slab *list_pop_head(wfm_slab_list *l) {
    wfm_slab *s = l->head;
    if (s) list_remove(l, s);
    return s;
}

/* ---- slab life cycle ---------------------------------------------------- */

static wfm_slab *slab_new(wfm_thread *mt, unsigned c) {
    wfm_slab *s = wfm_backing_alloc(mt, WFM_SLAB_SIZE, WFM_SLAB_SIZE);
    if (!s) return NULL;
    if ((uintptr_t)s >> 48) fatal("slab memory above the 48-bit address space");
    memset(s, 0, sizeof *s);
    s->magic = WFM_SLAB_MAGIC;
    s->cls = (uint16_t)c;
    s->block_size = (uint32_t)wfm_class_size(c);
    s->capacity = (uint32_t)((WFM_SLAB_SIZE - WFM_SLAB_HEADER) / s->block_size);
    s->first = (char *)s + WFM_SLAB_HEADER;
    s->end = s->first + (size_t)s->capacity * s->block_size;
    s->bump = s->first;
    atomic_init(&s->owner, mt->index);
    atomic_init(&s->remote_free, NULL);
    WFM_POISON(s->first, WFM_SLAB_SIZE - WFM_SLAB_HEADER);
    map_set(s, true);
    wfm_counter_add(&mt->slab_count, 1);
    atomic_fetch_add_explicit(&wfm_g.slabs, 1, memory_order_relaxed);
    return s;
}

/* Runs after the grace period, on whichever thread processes SMR work (or
 * in wft_smr_fini): touches only the slab and global counters. */
static void slab_release(void *p) {
    wfm_slab *s = p;
    WFM_UNPOISON(s, WFM_SLAB_SIZE);
    s->magic = WFM_SLAB_DEAD;
    atomic_fetch_sub_explicit(&wfm_g.slabs_pending_release, 1, memory_order_relaxed);
    wfm_backing_free(s);
}

/* s is empty (used == 0, remote stack empty) and on no list. */
static void slab_retire(wfm_thread *mt, wfm_slab *s) {
    map_set(s, false);
    s->where = WFM_IN_RETIRED;
    atomic_store_explicit(&s->owner, 0, memory_order_release);
    wfm_counter_add(&mt->slab_count, -1);
    atomic_fetch_sub_explicit(&wfm_g.slabs, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&wfm_g.slabs_pending_release, 1, memory_order_relaxed);
    wft_smr_defer(mt->thread, slab_release, s);
}

/* Move every block of the remote stack onto the local free list.  Caller
 * owns s (or holds it privately).  Returns the number of blocks taken. */
static uint32_t collect_remote(wfm_slab *s) {
    void *head = atomic_exchange_explicit(&s->remote_free, NULL, memory_order_acquire);
    if (!head) return 0;
    uint32_t n = 1;
    void *tail = head;
    for (void *b = get_link(tail); b; b = get_link(tail)) {
        tail = b;
        n++;
    }
    set_link(tail, s->local_free);
    s->local_free = head;
    s->used -= n;
    return n;
}

/* Take one block from s: local free list, remote stack, bump space. */
static void *slab_take(wfm_slab *s) {
    void *b = s->local_free;
    if (!b && collect_remote(s)) b = s->local_free;
    if (b) {
        s->local_free = get_link(b);
        s->used++;
        return b;
    }
    if (s->bump < s->end) {
        b = s->bump;
        s->bump += s->block_size;
        s->used++;
        return b;
    }
    return NULL;
}

static wfm_slab *adopt_orphan(wfm_thread *mt, unsigned c) {
    if (atomic_load_explicit(&wfm_g.orphan_count[c], memory_order_relaxed) <= 0) return NULL;
    pthread_mutex_lock(&wfm_g.lock);
    wfm_slab *s = list_pop_head(&wfm_g.orphans[c]);
    if (s) {
        atomic_store_explicit(&s->owner, mt->index, memory_order_release);
        s->where = WFM_IN_CURRENT;
        atomic_fetch_sub_explicit(&wfm_g.orphan_count[c], 1, memory_order_relaxed);
    }
    pthread_mutex_unlock(&wfm_g.lock);
    if (!s) return NULL;
    wfm_counter_add(&mt->slab_count, 1);
    atomic_fetch_sub_explicit(&wfm_g.orphan_slabs, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&wfm_g.slabs_adopted, 1, memory_order_relaxed);
    collect_remote(s);
    return s;
}

/* The next slab to allocate from after the current one ran dry. */
static wfm_slab *next_slab(wfm_thread *mt, wfm_class_state *k, unsigned c) {
    wfm_slab *s = list_pop_head(&k->partial);
    if (s) {
        if (s->used == 0) k->nempty--;
        return s;
    }
    size_t scan = k->full.count < WFM_FULL_SCAN ? k->full.count : WFM_FULL_SCAN;
    for (size_t i = 0; i < scan; i++) {
        s = list_pop_head(&k->full);
        if (atomic_load_explicit(&s->remote_free, memory_order_relaxed) && collect_remote(s))
            return s;
        list_push_tail(&k->full, s); /* round-robin: probe others next time */
    }
    s = adopt_orphan(mt, c);
    if (s) return s;
    return slab_new(mt, c);
}

static WF_NOINLINE void *alloc_slow(wfm_thread *mt, wfm_class_state *k, unsigned c) {
    for (;;) {
        wfm_slab *s = k->current;
        if (s) {
            void *b = slab_take(s);
            if (b) return b;
            s->where = WFM_IN_FULL;
            list_push_tail(&k->full, s);
            k->current = NULL;
        }
        s = next_slab(mt, k, c);
        if (!s) return NULL;
        s->where = WFM_IN_CURRENT;
        k->current = s;
    }
}

/* ---- large objects -------------------------------------------------------- */

static void large_count(wfm_large_shard *sh, int64_t objects, int64_t bytes) {
    /* Under sh->lock: plain load + store, read relaxed by wfm_get_stats. */
    atomic_store_explicit(&sh->objects,
                          atomic_load_explicit(&sh->objects, memory_order_relaxed) + objects,
                          memory_order_relaxed);
    atomic_store_explicit(&sh->bytes,
                          atomic_load_explicit(&sh->bytes, memory_order_relaxed) + bytes,
                          memory_order_relaxed);
}

static WF_NOINLINE void *large_alloc(wfm_thread *mt, size_t size) {
    if (size < sizeof(wf_object)) size = sizeof(wf_object);
    if (size > SIZE_MAX / 2) return NULL;
    size_t bytes = (size + 15) & ~(size_t)15;
    wfm_large *h = wfm_backing_alloc(mt, sizeof *h + bytes, 16);
    if (!h) return NULL;
    h->magic = WFM_LARGE_MAGIC;
    h->shard = wft_tls_index % WFM_LARGE_SHARDS;
    h->size = bytes;
    /* Reads as free until wf_object_init stores the type: a walk racing
     * with an unregistered allocator must not visit a half-made object. */
    set_link(h + 1, NULL);
    wfm_large_shard *sh = &wfm_g.large_shards[h->shard];
    pthread_mutex_lock(&sh->lock);
    h->prev = NULL;
    h->next = sh->head;
    if (sh->head) sh->head->prev = h;
    sh->head = h;
    large_count(sh, 1, (int64_t)bytes);
    pthread_mutex_unlock(&sh->lock);
    return h + 1;
}

static void large_release(void *p) {
    wfm_large *h = p;
    WFM_UNPOISON(h, sizeof *h + h->size);
    wfm_backing_free(h);
}

static WF_NOINLINE void large_free(void *p) {
    wfm_large *h = (wfm_large *)p - 1;
    uint32_t shard = h->shard;
    if (shard >= WFM_LARGE_SHARDS)
        fatal("wfm_object_free: not a live object allocated by wfm_object_alloc");
    wfm_large_shard *sh = &wfm_g.large_shards[shard];
    pthread_mutex_lock(&sh->lock);
    if (h->magic != WFM_LARGE_MAGIC) {
        pthread_mutex_unlock(&sh->lock);
        fatal("wfm_object_free: not a live object allocated by wfm_object_alloc");
    }
    h->magic = WFM_LARGE_DEAD;
    if (h->prev) h->prev->next = h->next;
    else sh->head = h->next;
    if (h->next) h->next->prev = h->prev;
    large_count(sh, -1, -(int64_t)h->size);
    pthread_mutex_unlock(&sh->lock);
    set_link(p, NULL);
    poison_free_block(p, h->size);
    wft_smr_defer(wft_current(), large_release, h);
}

/* ---- public object API ------------------------------------------------------ */

void *wfm_object_alloc(size_t size) {
    wfm_thread *mt = wfm_tls;
    if (WF_UNLIKELY(!mt || size > WFM_SMALL_MAX)) return large_alloc(mt, size);
    if (size < sizeof(wf_object)) size = sizeof(wf_object);
    unsigned c = wfm_size_class(size);
    wfm_class_state *k = &mt->cls[c];
    wfm_slab *s = k->current;
    void *b;
    if (WF_LIKELY(s && (b = s->local_free) != NULL)) {
        s->local_free = get_link(b);
        s->used++;
    } else {
        b = alloc_slow(mt, k, c);
        if (!b) return NULL;
        s = k->current;
    }
    WFM_UNPOISON(b, s->block_size);
    live_add(mt, c, 1);
    return b;
}

/* The owner freed a block of s (already linked on s->local_free). */
static void local_free_moved(wfm_thread *mt, wfm_slab *s) {
    if (s->where == WFM_IN_CURRENT) return;
    wfm_class_state *k = &mt->cls[s->cls];
    wfm_slab_list *from = s->where == WFM_IN_FULL ? &k->full : &k->partial;
    if (s->used == 0) {
        list_remove(from, s);
        if (k->nempty < WFM_KEEP_EMPTY) {
            k->nempty++;
            s->where = WFM_IN_PARTIAL;
            list_push_tail(&k->partial, s);
        } else {
            slab_retire(mt, s);
        }
    } else if (s->where == WFM_IN_FULL) {
        list_remove(from, s);
        s->where = WFM_IN_PARTIAL;
        list_push_head(&k->partial, s);
    }
}

void wfm_object_free(void *p) {
    if (!p) return;
    if (WF_UNLIKELY(!wfm_is_slab_block(p))) {
        large_free(p);
        return;
    }
    wfm_slab *s = wfm_slab_of(p);
    /* Only immutable header fields may be checked here: bump and the lists
     * belong to the owner.  The block-boundary check costs a division, so
     * only debug builds make it. */
    if (WF_UNLIKELY(s->magic != WFM_SLAB_MAGIC || (char *)p < s->first || (char *)p >= s->end))
        fatal("wfm_object_free: not an object pointer");
#ifndef NDEBUG
    if ((size_t)((char *)p - s->first) % s->block_size != 0)
        fatal("wfm_object_free: pointer inside a block");
#endif
    wfm_thread *mt = wfm_tls;
    unsigned c = s->cls;
    poison_free_block(p, s->block_size);
    if (mt && atomic_load_explicit(&s->owner, memory_order_relaxed) == mt->index) {
        set_link(p, s->local_free);
        s->local_free = p;
        s->used--;
        local_free_moved(mt, s);
    } else {
        WF_COUNT(slab_remote_free);
        void *head = atomic_load_explicit(&s->remote_free, memory_order_relaxed);
        do {
            set_link(p, head);
        } while (!atomic_compare_exchange_weak_explicit(&s->remote_free, &head, p,
                                                        memory_order_release,
                                                        memory_order_relaxed));
    }
    live_add(mt, c, -1);
}

size_t wfm_object_block_size(const void *p) {
    if (wfm_is_slab_block(p)) return wfm_slab_of(p)->block_size;
    return ((const wfm_large *)p - 1)->size;
}

/* ---- thread exit, set-up, tear-down -------------------------------------- */

void wfm_slab_thread_exit(wfm_thread *mt) {
    for (unsigned c = 0; c < WFM_NCLASSES; c++) {
        wfm_class_state *k = &mt->cls[c];
        wfm_slab_list all = {0};
        if (k->current) list_push_tail(&all, k->current);
        k->current = NULL;
        for (wfm_slab *s; (s = list_pop_head(&k->partial));) list_push_tail(&all, s);
        for (wfm_slab *s; (s = list_pop_head(&k->full));) list_push_tail(&all, s);
        k->nempty = 0;

        wfm_slab_list orphans = {0};
        for (wfm_slab *s; (s = list_pop_head(&all));) {
            collect_remote(s);
            if (s->used == 0) {
                slab_retire(mt, s);
            } else {
                s->where = WFM_IN_ORPHAN;
                list_push_tail(&orphans, s);
            }
        }
        if (!orphans.count) continue;
        int64_t n = (int64_t)orphans.count;
        pthread_mutex_lock(&wfm_g.lock);
        for (wfm_slab *s; (s = list_pop_head(&orphans));) {
            atomic_store_explicit(&s->owner, 0, memory_order_release);
            list_push_tail(&wfm_g.orphans[c], s);
        }
        atomic_fetch_add_explicit(&wfm_g.orphan_count[c], n, memory_order_relaxed);
        pthread_mutex_unlock(&wfm_g.lock);
        wfm_counter_add(&mt->slab_count, -n);
        atomic_fetch_add_explicit(&wfm_g.orphan_slabs, n, memory_order_relaxed);
    }
}

void wfm_slab_init(void) {
    /* Nothing to compute: the class table is arithmetic and the map and
     * lists are static.  Checks the class table once, cheaply. */
    if (wfm_class_size(WFM_NCLASSES - 1) != WFM_SMALL_MAX ||
        wfm_size_class(WFM_SMALL_MAX) != WFM_NCLASSES - 1)
        fatal("slab size-class table is inconsistent");
}

/* Release every orphan slab (live objects or not), every large object and
 * the slab map.  Only after the last thread left and SMR has run its queue. */
void wfm_slab_fini(void) {
    pthread_mutex_lock(&wfm_g.lock);
    for (unsigned c = 0; c < WFM_NCLASSES; c++) {
        for (wfm_slab *s; (s = list_pop_head(&wfm_g.orphans[c]));) {
            collect_remote(s);
            atomic_fetch_sub_explicit(&wfm_g.live[c], (int64_t)s->used, memory_order_relaxed);
            atomic_fetch_sub_explicit(&wfm_g.orphan_count[c], 1, memory_order_relaxed);
            atomic_fetch_sub_explicit(&wfm_g.orphan_slabs, 1, memory_order_relaxed);
            atomic_fetch_sub_explicit(&wfm_g.slabs, 1, memory_order_relaxed);
            map_set(s, false);
            WFM_UNPOISON(s, WFM_SLAB_SIZE);
            s->magic = WFM_SLAB_DEAD;
            wfm_backing_free(s);
        }
    }
    pthread_mutex_unlock(&wfm_g.lock);

    for (unsigned i = 0; i < WFM_LARGE_SHARDS; i++) {
        wfm_large_shard *sh = &wfm_g.large_shards[i];
        pthread_mutex_lock(&sh->lock);
        wfm_large *h = sh->head;
        sh->head = NULL;
        while (h) {
            wfm_large *next = h->next;
            large_count(sh, -1, -(int64_t)h->size);
            h->magic = WFM_LARGE_DEAD;
            wfm_backing_free(h);
            h = next;
        }
        pthread_mutex_unlock(&sh->lock);
    }

    for (unsigned i = 0; i < MAP_TOP; i++) {
        _Atomic uint64_t *leaf = atomic_exchange_explicit(&slab_map[i], NULL, memory_order_acq_rel);
        free((void *)leaf);
    }
}

/* ---- the live-object walk -------------------------------------------------- */

/* The walk first snapshots the slabs and large objects under the locks,
 * then visits them with no allocator lock held, so the visitor may call
 * anything that does not allocate or free objects (wfm_get_stats,
 * buffers, ...). */
typedef struct ptr_vec {
    void **v;
    size_t n, cap;
} ptr_vec;

static void vec_push(ptr_vec *pv, void *p) {
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 256;
        void **v = realloc(pv->v, cap * sizeof *v);
        if (!v) fatal("out of memory walking the object slabs");
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->n++] = p;
}

static void vec_push_list(ptr_vec *pv, const wfm_slab_list *l) {
    for (wfm_slab *s = l->head; s; s = s->next) vec_push(pv, s);
}

static inline bool block_is_live(void *b) {
    return !(atomic_load_explicit(link_word(b), memory_order_relaxed) & 1);
}

static void visit_slab(wfm_slab *s, wfm_visit_fn fn, void *arg) {
    for (char *b = s->first; b < s->bump; b += s->block_size)
        if (block_is_live(b)) fn((wf_object *)b, arg);
}

void wfm_visit_live_objects(wfm_visit_fn fn, void *arg) {
    ptr_vec slabs = {0}, large = {0};
    /* Registered threads are stopped, so their slab lists and the orphan
     * lists hold still; the lock only guards the thread list against a
     * thread registering during the pause. */
    pthread_mutex_lock(&wfm_g.lock);
    for (wfm_thread *mt = wfm_g.threads; mt; mt = mt->next) {
        for (unsigned c = 0; c < WFM_NCLASSES; c++) {
            wfm_class_state *k = &mt->cls[c];
            if (k->current) vec_push(&slabs, k->current);
            vec_push_list(&slabs, &k->partial);
            vec_push_list(&slabs, &k->full);
        }
    }
    for (unsigned c = 0; c < WFM_NCLASSES; c++) vec_push_list(&slabs, &wfm_g.orphans[c]);
    pthread_mutex_unlock(&wfm_g.lock);

    /* Unregistered threads are not stopped: they may allocate and free
     * large objects meanwhile.  One freed after the snapshot keeps its
     * memory until a grace period that this (online) thread holds up, and
     * reads as free (tagged ob_type), so it is skipped below. */
    for (unsigned i = 0; i < WFM_LARGE_SHARDS; i++) {
        wfm_large_shard *sh = &wfm_g.large_shards[i];
        pthread_mutex_lock(&sh->lock);
        for (wfm_large *h = sh->head; h; h = h->next) vec_push(&large, h + 1);
        pthread_mutex_unlock(&sh->lock);
    }

    for (size_t i = 0; i < slabs.n; i++) visit_slab(slabs.v[i], fn, arg);
    for (size_t i = 0; i < large.n; i++)
        if (block_is_live(large.v[i])) fn(large.v[i], arg);
    free(slabs.v);
    free(large.v);
}
