/*
 * threads/qsbr.c — safe memory reclamation by quiescent states (QSBR) on
 * C11 atomics: the default implementation of threads/smr.h.  After the
 * design of FreeBSD's "GUS" and CPython's Python/qsbr.c; see
 * docs/internals/qsbr.md for the prose and the memory-ordering proof.
 *
 * Sequence numbers.  wr_seq is a 64-bit write sequence: odd, starts at
 * QSBR_INITIAL, only ever modified by read-modify-write operations (so every
 * modification belongs to the release sequence of every earlier one).  Each
 * registered thread has a record whose `seq` is 0 while it is offline and
 * otherwise the value of wr_seq it last observed at a quiescent point.  A
 * deferred item carries a goal: wr_seq + QSBR_INCR read (by an RMW) after
 * the memory was unlinked.  It may be freed once every online record has
 * seq >= goal.  rd_seq caches the minimum found by the last scan, so most
 * polls are one load.  All comparisons are wrap-safe (QSBR_LT/QSBR_LEQ).
 *
 * Records.  A record lives in a block of QSBR_BLOCK_SLOTS records; blocks
 * are published in a fixed table of atomic pointers and are freed only by
 * wft_smr_fini, so a poller may scan slots [0, nslots) without a lock while
 * threads come and go.  Slots are handed out (lowest free first) and
 * returned under slots_lock, which is never taken on the read side.  A free
 * slot's seq is 0, so pollers skip it.
 *
 * Queues.  Each record owns a FIFO of {fn, ptr, goal} items in malloc'd
 * chunks (owner-only; goals are non-decreasing along it, so processing stops
 * at the first item that is not ready).  Items of unregistered callers and
 * of exited threads go to the global queue under queue_lock; a processor
 * takes the whole queue with a try-lock, frees the ready items with the lock
 * released (callbacks may defer again) and puts the rest back.
 *
 * Invariants:
 *  - An online thread's seq <= wr_seq; an item is freed only when
 *    QSBR_LEQ(goal, rd_seq) or a scan that started after the item was
 *    queued found every online seq >= goal.
 *  - rd_seq and wr_seq only move forward (CAS / fetch_add).
 *  - A stop-the-world is a grace period: wft_smr_world_stopped advances
 *    wr_seq and pushes rd_seq to the new value, so every item deferred
 *    before it is ready.
 */
#include "threads/smr.h"
#include "weft/counters.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QSBR_OFFLINE ((uint64_t)0)
#define QSBR_INITIAL ((uint64_t)1)
#define QSBR_INCR ((uint64_t)2)
#define QSBR_LT(a, b) ((int64_t)((a) - (b)) < 0)
#define QSBR_LEQ(a, b) ((int64_t)((a) - (b)) <= 0)

/* Every QSBR_DEFERRED_LIMIT-th deferral of a thread advances wr_seq; the
 * others only read it (FreeBSD's / CPython's "deferred advance"): fewer
 * advances mean fewer rd_seq cache misses and fewer full scans. */
#define QSBR_DEFERRED_LIMIT 10
/* Items queued since the last process call before the eval breaker asks
 * the owner to process at its next safe point. */
#define QSBR_PROCESS_THRESHOLD 128

#define QSBR_BLOCK_SLOTS 64
#define QSBR_MAX_BLOCKS 1024 /* 65536 simultaneously registered threads */

/* ---- item queues ---------------------------------------------------------- */

typedef struct smr_item {
    wft_free_fn fn;
    void *ptr;
    uint64_t goal;
} smr_item;

#define CHUNK_ITEMS ((4096 - 2 * sizeof(void *)) / sizeof(smr_item))

typedef struct smr_chunk {
    struct smr_chunk *next;
    uint32_t head; /* first unconsumed item */
    uint32_t tail; /* first free slot */
    smr_item items[CHUNK_ITEMS];
} smr_chunk;

/* A FIFO of items.  Not thread-safe: owned by one thread, or guarded by
 * queue_lock (the global queue). */
typedef struct smr_queue {
    smr_chunk *first;
    smr_chunk *last;
    size_t count;
} smr_queue;

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

static void queue_push(smr_queue *q, smr_item it) {
    smr_chunk *c = q->last;
    if (c == NULL || c->tail == CHUNK_ITEMS) {
        smr_chunk *n = malloc(sizeof *n);
        if (n == NULL) fatal("out of memory queueing a deferred free");
        n->next = NULL;
        n->head = n->tail = 0;
        if (c) c->next = n;
        else q->first = n;
        q->last = n;
        c = n;
    }
    c->items[c->tail++] = it;
    q->count++;
}

/* The oldest item, or NULL.  Frees drained chunks except the last, which
 * is rewound and kept for the next push. */
static smr_item *queue_peek(smr_queue *q) {
    for (;;) {
        smr_chunk *c = q->first;
        if (c == NULL) return NULL;
        if (c->head < c->tail) return &c->items[c->head];
        if (c == q->last) {
            c->head = c->tail = 0;
            return NULL;
        }
        q->first = c->next;
        free(c);
    }
}

static smr_item queue_pop(smr_queue *q) {
    smr_chunk *c = q->first; /* queue_peek returned non-NULL just before */
    smr_item it = c->items[c->head++];
    q->count--;
    return it;
}

/* Append src to dst and leave src empty. */
static void queue_splice(smr_queue *dst, smr_queue *src) {
    if (src->first == NULL) return;
    if (src->count == 0) {
        for (smr_chunk *c = src->first, *n; c; c = n) {
            n = c->next;
            free(c);
        }
    } else if (dst->last) {
        dst->last->next = src->first;
        dst->last = src->last;
        dst->count += src->count;
    } else {
        *dst = *src;
    }
    src->first = src->last = NULL;
    src->count = 0;
}

static void queue_free_chunks(smr_queue *q) {
    for (smr_chunk *c = q->first, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    q->first = q->last = NULL;
    q->count = 0;
}

/* ---- shared state ------------------------------------------------------------ */

struct wft_smr_thread {
    /* 0 (QSBR_OFFLINE) or the wr_seq observed at the last quiescent point.
     * Written only by the owner (release; online adds a seq_cst fence);
     * read by pollers with acquire.  Alone on its cache line. */
    _Atomic uint64_t seq;
    char pad_[WF_CACHELINE - sizeof(uint64_t)];

    /* Under slots_lock: the registered owner, NULL when the slot is free
     * (read by wft_smr_world_stopped under the same lock). */
    wft_thread *thread;
    uint32_t slot;      /* immutable */
    uint32_t next_free; /* under slots_lock: free-slot stack link */
    /* Items in queue; written by the owner, read relaxed by anyone
     * (wft_smr_world_stopped, statistics). */
    _Atomic size_t pending;
    /* Owner-only. */
    uint32_t deferrals;  /* since the last advance */
    int processing;      /* inside wft_smr_process (no re-entry) */
    size_t process_at;   /* queue length that sets WFT_EB_SMR_WORK */
    smr_queue queue;
} __attribute__((aligned(WF_CACHELINE)));

typedef struct smr_block {
    struct wft_smr_thread rec[QSBR_BLOCK_SLOTS];
} smr_block;

#define NO_SLOT UINT32_MAX

static struct {
    /* Advanced by RMWs only (fetch_add/CAS, release or stronger); read with
     * acquire.  Its own cache line: every deferral touches it. */
    _Alignas(WF_CACHELINE) _Atomic uint64_t wr_seq;
    /* Minimum seq seen by the newest scan; moved forward by CAS (acq_rel),
     * read with acquire. */
    _Alignas(WF_CACHELINE) _Atomic uint64_t rd_seq;

    /* Record table: blocks[i] is published (release) before nslots covers
     * it; both read with acquire by pollers.  Written under slots_lock. */
    _Alignas(WF_CACHELINE) _Atomic(smr_block *) blocks[QSBR_MAX_BLOCKS];
    _Atomic uint32_t nslots;
    pthread_mutex_t slots_lock;
    uint32_t free_slot; /* under slots_lock: top of the free-slot stack */

    /* Global queue: items of unregistered callers and exited threads. */
    pthread_mutex_t queue_lock;
    smr_queue gqueue;            /* under queue_lock */
    _Atomic size_t gpending;     /* items owned by the global queue, including
                                    those a processor took out; RMW, read
                                    relaxed */
} g = {
    .slots_lock = PTHREAD_MUTEX_INITIALIZER,
    .queue_lock = PTHREAD_MUTEX_INITIALIZER,
};

static inline struct wft_smr_thread *slot_rec(uint32_t slot) {
    smr_block *b = atomic_load_explicit(&g.blocks[slot / QSBR_BLOCK_SLOTS], memory_order_acquire);
    return &b->rec[slot % QSBR_BLOCK_SLOTS];
}

/* ---- grace periods ------------------------------------------------------------- */

/* Raise rd_seq to at least seq; returns the value now in force. */
static uint64_t rd_seq_raise(uint64_t seq) {
    uint64_t rd = atomic_load_explicit(&g.rd_seq, memory_order_acquire);
    while (QSBR_LT(rd, seq)) {
        WF_COUNT(qsbr_poll);
        if (atomic_compare_exchange_weak_explicit(&g.rd_seq, &rd, seq, memory_order_acq_rel,
                                                  memory_order_acquire))
            return seq;
    }
    return rd;
}

/* Scan every online record: the minimum seq (capped by wr_seq read first),
 * published in rd_seq.  The fence pairs with the one in wft_smr_online:
 * either this scan sees a thread's online store, or that thread sees every
 * unlink that happened before the wr_seq value read here. */
static uint64_t qsbr_scan(void) {
    uint64_t min = atomic_load_explicit(&g.wr_seq, memory_order_acquire);
    atomic_thread_fence(memory_order_seq_cst);
    uint32_t n = atomic_load_explicit(&g.nslots, memory_order_acquire);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t s = atomic_load_explicit(&slot_rec(i)->seq, memory_order_acquire);
        if (s != QSBR_OFFLINE && QSBR_LT(s, min)) min = s;
    }
    return rd_seq_raise(min);
}

static inline bool qsbr_goal_reached(uint64_t goal) {
    return QSBR_LEQ(goal, atomic_load_explicit(&g.rd_seq, memory_order_acquire));
}

/* A goal produced by a deferred advance may be ahead of wr_seq: move wr_seq
 * there so the next quiescent reports can reach it. */
static void qsbr_advance_to(uint64_t goal) {
    uint64_t w = atomic_load_explicit(&g.wr_seq, memory_order_relaxed);
    while (QSBR_LT(w, goal)) {
        WF_COUNT(qsbr_advance);
        if (atomic_compare_exchange_weak_explicit(&g.wr_seq, &w, goal, memory_order_acq_rel,
                                                  memory_order_relaxed))
            break;
    }
}

/* ---- life cycle -------------------------------------------------------------- */

void wft_smr_init(void) {
    atomic_store_explicit(&g.wr_seq, QSBR_INITIAL, memory_order_relaxed);
    atomic_store_explicit(&g.rd_seq, QSBR_INITIAL, memory_order_relaxed);
    for (size_t i = 0; i < QSBR_MAX_BLOCKS; i++)
        atomic_store_explicit(&g.blocks[i], NULL, memory_order_relaxed);
    atomic_store_explicit(&g.nslots, 0, memory_order_relaxed);
    g.free_slot = NO_SLOT;
    g.gqueue = (smr_queue){0};
    atomic_store_explicit(&g.gpending, 0, memory_order_release);
}

static size_t run_global_all(void);

void wft_smr_fini(void) {
    /* No thread is registered any more: everything queued is free to go.
     * Callbacks may defer again (onto the global queue): loop until dry. */
    while (run_global_all() != 0) {
    }
    uint32_t n = atomic_load_explicit(&g.nslots, memory_order_acquire);
    for (uint32_t i = 0; i < n; i++) {
        struct wft_smr_thread *r = slot_rec(i);
        if (r->thread != NULL) fatal("wft_smr_fini with a thread still registered");
        queue_free_chunks(&r->queue);
    }
    for (size_t i = 0; i < QSBR_MAX_BLOCKS; i++) {
        free(atomic_load_explicit(&g.blocks[i], memory_order_relaxed));
        atomic_store_explicit(&g.blocks[i], NULL, memory_order_relaxed);
    }
    atomic_store_explicit(&g.nslots, 0, memory_order_relaxed);
    g.free_slot = NO_SLOT;
    queue_free_chunks(&g.gqueue);
}

void wft_smr_thread_init(wft_thread *t) {
    pthread_mutex_lock(&g.slots_lock);
    uint32_t slot = g.free_slot;
    struct wft_smr_thread *r;
    if (slot != NO_SLOT) {
        r = slot_rec(slot);
        g.free_slot = r->next_free;
    } else {
        slot = atomic_load_explicit(&g.nslots, memory_order_relaxed);
        if (slot / QSBR_BLOCK_SLOTS >= QSBR_MAX_BLOCKS) fatal("too many threads for the QSBR table");
        if (slot % QSBR_BLOCK_SLOTS == 0) {
            smr_block *b = aligned_alloc(WF_CACHELINE, sizeof(smr_block));
            if (b == NULL) fatal("out of memory registering a thread with QSBR");
            memset(b, 0, sizeof *b);
            for (uint32_t i = 0; i < QSBR_BLOCK_SLOTS; i++) {
                atomic_init(&b->rec[i].seq, QSBR_OFFLINE);
                atomic_init(&b->rec[i].pending, 0);
                b->rec[i].slot = slot + i;
            }
            atomic_store_explicit(&g.blocks[slot / QSBR_BLOCK_SLOTS], b, memory_order_release);
        }
        r = slot_rec(slot);
        atomic_store_explicit(&g.nslots, slot + 1, memory_order_release);
    }
    r->thread = t;
    r->next_free = NO_SLOT;
    r->deferrals = 0;
    r->processing = 0;
    r->process_at = QSBR_PROCESS_THRESHOLD;
    atomic_store_explicit(&r->pending, 0, memory_order_relaxed);
    pthread_mutex_unlock(&g.slots_lock);
    t->smr = r;
}

void wft_smr_thread_fini(wft_thread *t) {
    struct wft_smr_thread *r = t->smr;
    if (r == NULL) return;
    /* The registry detaches first; going offline again is harmless and
     * keeps an exiting thread from ever holding up a grace period. */
    atomic_store_explicit(&r->seq, QSBR_OFFLINE, memory_order_release);

    size_t n = r->queue.count;
    if (n != 0) {
        pthread_mutex_lock(&g.queue_lock);
        queue_splice(&g.gqueue, &r->queue);
        atomic_fetch_add_explicit(&g.gpending, n, memory_order_relaxed);
        pthread_mutex_unlock(&g.queue_lock);
    }
    queue_free_chunks(&r->queue);
    atomic_store_explicit(&r->pending, 0, memory_order_relaxed);

    pthread_mutex_lock(&g.slots_lock);
    r->thread = NULL;
    r->next_free = g.free_slot;
    g.free_slot = r->slot;
    pthread_mutex_unlock(&g.slots_lock);
    t->smr = NULL;
}

/* ---- online / offline / quiescent -------------------------------------------- */

void wft_smr_online(wft_thread *t) {
    struct wft_smr_thread *r = t->smr;
    uint64_t s = atomic_load_explicit(&g.wr_seq, memory_order_acquire);
    /* Release: a poller that reads this value also sees everything this
     * thread did before (its earlier online periods ended with a release
     * too).  The seq_cst fence orders the store before every pointer load
     * that follows (store->load: the Dekker pair with qsbr_scan's fence). */
    atomic_store_explicit(&r->seq, s, memory_order_release);
    atomic_thread_fence(memory_order_seq_cst);
}

void wft_smr_offline(wft_thread *t) {
    atomic_store_explicit(&t->smr->seq, QSBR_OFFLINE, memory_order_release);
}

/* One acquire load of wr_seq and, only when it moved, one release store to
 * the thread's own cache line: no fence, no RMW. */
static inline void qsbr_quiescent(struct wft_smr_thread *r) {
    uint64_t cur = atomic_load_explicit(&r->seq, memory_order_relaxed);
    uint64_t s = atomic_load_explicit(&g.wr_seq, memory_order_acquire);
    /* An offline thread stays offline; an unchanged value need not be
     * stored again (the earlier release store already covers what this
     * thread read before it: it cannot have read memory unlinked before
     * that value was written, see docs/internals/qsbr.md). */
    if (cur != QSBR_OFFLINE && cur != s) atomic_store_explicit(&r->seq, s, memory_order_release);
}

void wft_smr_quiescent(wft_thread *t) { qsbr_quiescent(t->smr); }

/* ---- deferral ------------------------------------------------------------------ */

void wft_smr_defer(wft_thread *t, wft_free_fn fn, void *ptr) {
    struct wft_smr_thread *r = t ? t->smr : NULL;
    /* The RMW on wr_seq (release) comes after the caller unlinked ptr: any
     * thread that later reads a wr_seq value >= goal reads it from this RMW
     * or a later one (all modifications are RMWs), so it synchronises with
     * this point and can no longer find ptr. */
    WF_COUNT(qsbr_advance);
    if (r == NULL) {
        uint64_t goal = atomic_fetch_add_explicit(&g.wr_seq, QSBR_INCR, memory_order_acq_rel) +
                        QSBR_INCR;
        pthread_mutex_lock(&g.queue_lock);
        queue_push(&g.gqueue, (smr_item){fn, ptr, goal});
        atomic_fetch_add_explicit(&g.gpending, 1, memory_order_relaxed);
        pthread_mutex_unlock(&g.queue_lock);
        return;
    }
    uint64_t incr = 0;
    if (++r->deferrals >= QSBR_DEFERRED_LIMIT) {
        r->deferrals = 0;
        incr = QSBR_INCR;
    }
    uint64_t goal = atomic_fetch_add_explicit(&g.wr_seq, incr, memory_order_acq_rel) + QSBR_INCR;
    queue_push(&r->queue, (smr_item){fn, ptr, goal});
    atomic_store_explicit(&r->pending, r->queue.count, memory_order_relaxed);
    if (r->queue.count >= r->process_at) {
        r->process_at = r->queue.count + QSBR_PROCESS_THRESHOLD;
        wft_eval_breaker_set(t, WFT_EB_SMR_WORK);
    }
}

/* ---- processing ------------------------------------------------------------------ */

/* Free the ready prefix of the thread's own queue (goals non-decreasing). */
static size_t process_own(struct wft_smr_thread *r) {
    size_t n = 0;
    bool scanned = false;
    smr_item *it;
    while ((it = queue_peek(&r->queue)) != NULL) {
        uint64_t goal = it->goal;
        if (!qsbr_goal_reached(goal)) {
            if (scanned) break;
            scanned = true;
            if (!QSBR_LEQ(goal, qsbr_scan())) {
                qsbr_advance_to(goal);
                break;
            }
        }
        smr_item done = queue_pop(&r->queue);
        atomic_store_explicit(&r->pending, r->queue.count, memory_order_relaxed);
        done.fn(done.ptr); /* may defer again: the queue is re-read */
        n++;
    }
    return n;
}

/* Take the global queue, free what is ready (or everything when `all`),
 * put the rest back.  Returns how many were freed; the lock is never held
 * while a callback runs. */
static size_t process_global(bool all, bool wait) {
    if (atomic_load_explicit(&g.gpending, memory_order_relaxed) == 0) return 0;
    if (wait) pthread_mutex_lock(&g.queue_lock);
    else if (pthread_mutex_trylock(&g.queue_lock) != 0) return 0;
    smr_queue work = g.gqueue;
    g.gqueue = (smr_queue){0};
    pthread_mutex_unlock(&g.queue_lock);
    if (work.count == 0) {
        queue_free_chunks(&work);
        return 0;
    }

    uint64_t rd = all ? 0 : qsbr_scan();
    uint64_t max_goal = rd;
    smr_queue keep = {0};
    size_t n = 0;
    smr_item *it;
    while ((it = queue_peek(&work)) != NULL) {
        smr_item cur = queue_pop(&work);
        if (all || QSBR_LEQ(cur.goal, rd)) {
            cur.fn(cur.ptr);
            n++;
        } else {
            if (QSBR_LT(max_goal, cur.goal)) max_goal = cur.goal;
            queue_push(&keep, cur);
        }
    }
    queue_free_chunks(&work);
    if (!all && QSBR_LT(rd, max_goal)) qsbr_advance_to(max_goal);
    if (n) atomic_fetch_sub_explicit(&g.gpending, n, memory_order_relaxed);
    if (keep.count) {
        pthread_mutex_lock(&g.queue_lock);
        queue_splice(&g.gqueue, &keep);
        pthread_mutex_unlock(&g.queue_lock);
    }
    queue_free_chunks(&keep);
    return n;
}

static size_t run_global_all(void) { return process_global(true, true); }

size_t wft_smr_process(wft_thread *t) {
    struct wft_smr_thread *r = t ? t->smr : NULL;
    size_t n = 0;
    if (r) {
        if (r->processing) return 0;
        r->processing = 1;
        n = process_own(r);
    }
    n += process_global(false, false);
    if (r) {
        r->process_at = r->queue.count + QSBR_PROCESS_THRESHOLD;
        r->processing = 0;
    }
    return n;
}

size_t wft_smr_pending(wft_thread *t) {
    if (t == NULL || t->smr == NULL) return atomic_load_explicit(&g.gpending, memory_order_relaxed);
    return t->smr->queue.count;
}

/* ---- stop-the-world ------------------------------------------------------------ */

void wft_smr_world_stopped(void) {
    /* Every other thread is suspended (offline) or detached: it holds no
     * pointer into shared structures.  The acq_rel RMW also synchronises
     * with every earlier deferral's RMW, so items queued before this point
     * have goal <= `goal`: declare that goal reached. */
    WF_COUNT(qsbr_advance);
    uint64_t goal = atomic_fetch_add_explicit(&g.wr_seq, QSBR_INCR, memory_order_acq_rel) +
                    QSBR_INCR;
    rd_seq_raise(goal);
    /* Threads holding items free them at their next safe point. */
    pthread_mutex_lock(&g.slots_lock);
    uint32_t n = atomic_load_explicit(&g.nslots, memory_order_relaxed);
    for (uint32_t i = 0; i < n; i++) {
        struct wft_smr_thread *r = slot_rec(i);
        if (r->thread && atomic_load_explicit(&r->pending, memory_order_relaxed) != 0)
            wft_eval_breaker_set(r->thread, WFT_EB_SMR_WORK);
    }
    pthread_mutex_unlock(&g.slots_lock);
}

const char *wft_smr_impl_name(void) { return "qsbr"; }
