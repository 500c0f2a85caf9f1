/*
 * threads/qsbr_epoch.c — threads/smr.h on ConcurrencyKit's ck_epoch (CK
 * 0.7.1): the cross-check implementation, built into the *_xcheck test
 * binaries (or selected with -DWEFT_SMR=epoch).  docs/internals/qsbr.md
 * compares it with the native QSBR in threads/qsbr.c.
 *
 * Mapping of the QSBR model onto epoch sections:
 *   online     ck_epoch_begin(rec, NULL): the record becomes active and
 *              snapshots the global epoch;
 *   offline    ck_epoch_end: inactive records never hold up a grace period;
 *   quiescent  end + begin, but only when the global epoch moved since the
 *              record's snapshot — otherwise a refresh would store the same
 *              (active, epoch) pair and change nothing for a scan.  Cost:
 *              one load and compare per safe point; a full fence (begin)
 *              only once per epoch tick, and the epoch ticks only while
 *              some thread polls with work pending;
 *   defer      a malloc'd smr_entry {ck_epoch_entry_t, fn, ptr, gen} pushed
 *              with ck_epoch_call on the caller's record (after a seq_cst
 *              fence: ck_epoch_call reads the epoch without one, and a
 *              stale, older epoch would file the entry one bucket early);
 *   process    ck_epoch_poll_deferred on the caller's record: ready
 *              entries are moved to a local stack and their callbacks run
 *              outside ck (and outside every lock).
 *
 * Records: one ck_epoch_record_t per thread, embedded first in
 * struct wft_smr_thread.  ck never frees records (pollers walk them
 * lock-free), so exiting threads unregister theirs and new threads recycle
 * them; every record ever allocated is also on `all` (under g.lock) so that
 * wft_smr_fini can free them once no thread is left.
 *
 * The global record (unregistered callers, exited threads) is never active;
 * it is pushed with ck_epoch_call_strict and polled under g.lock, and its
 * ready entries run after the lock is released.  ck_epoch_unregister drops
 * pending callbacks, so thread fini first moves every entry of its record
 * to the global record (or, if a stop-the-world happened since it was
 * deferred, straight onto the global ready list).
 *
 * Stop-the-world: ck_epoch_reclaim may only be run by a record's owner, so
 * wft_smr_world_stopped just bumps a generation number.  Each entry carries
 * the generation of its deferral; at its next process call a thread whose
 * record saw an older generation reclaims its record unconditionally,
 * running the entries deferred before the bump and re-queueing the rest.
 *
 * ThreadSanitizer: libck is not instrumented and ck_pr uses inline
 * assembly, so the happens-before edge "a reader's last access to an
 * object -> its epoch section ends -> a poller sees that -> the object is
 * freed" is invisible to TSan.  Section ends are annotated with
 * __tsan_release on one sync address and the dispatch of ready entries
 * with __tsan_acquire on it; record recycling is annotated the same way on
 * the record.  This models exactly the edge ck_epoch provides (and, being
 * one address, slightly more); no race in this file is suppressed.
 */
#include "threads/smr.h"

#include <ck_epoch.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if WF_TSAN
#include <sanitizer/tsan_interface.h>
#define TSAN_RELEASE(addr) __tsan_release((void *)(addr))
#define TSAN_ACQUIRE(addr) __tsan_acquire((void *)(addr))
#else
#define TSAN_RELEASE(addr) ((void)0)
#define TSAN_ACQUIRE(addr) ((void)0)
#endif

/* Items deferred since the last process call before the eval breaker asks
 * the owner to process at its next safe point (as in threads/qsbr.c). */
#define EPOCH_PROCESS_THRESHOLD 128

typedef struct smr_entry {
    ck_epoch_entry_t entry; /* ck's link; first member */
    wft_free_fn fn;
    void *ptr;
    uint64_t gen;            /* g.stw_gen when deferred */
    struct smr_entry *next;  /* private lists (collect, ready) */
} smr_entry;

struct wft_smr_thread {
    ck_epoch_record_t rec; /* first: ck hands back &rec on recycle */
    /* Under g.lock: the registered owner, NULL while the record is free. */
    wft_thread *thread;
    /* Entries on rec not yet run or handed over; written by the owner,
     * read relaxed by anyone (world_stopped). */
    _Atomic size_t pending;
    /* Owner-only. */
    uint64_t seen_gen;   /* stop-the-world generation last honoured */
    size_t process_at;   /* pending count that sets WFT_EB_SMR_WORK */
    bool online;         /* inside an epoch section */
    bool processing;     /* inside wft_smr_process (no re-entry) */
    struct wft_smr_thread *all_next; /* under g.lock: every record */
} __attribute__((aligned(WF_CACHELINE)));

static struct {
    ck_epoch_t epoch;
    /* Guards the global record (pushes, polls, reclaims), `ready`,
     * global_seen_gen, `all` and every record's `thread`.  Never held
     * while a free callback runs. */
    pthread_mutex_t lock;
    struct wft_smr_thread *global; /* never active; immutable after init */
    smr_entry *ready;              /* under lock: freeable now */
    uint64_t global_seen_gen;      /* under lock */
    struct wft_smr_thread *all;    /* under lock */
    /* Entries on the global record or the ready list: RMW, read relaxed. */
    _Atomic size_t global_pending;
    /* Bumped (acq_rel RMW) by every stop-the-world; read with acquire. */
    _Atomic uint64_t stw_gen;
    char tsan_sync; /* address of the section-end -> dispatch annotation */
} g = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

static inline smr_entry *entry_of_stack(ck_stack_entry_t *se) {
    return (smr_entry *)((char *)se - offsetof(smr_entry, entry.stack_entry));
}

/* ---- collecting entries out of a record --------------------------------------- */

/* ck_epoch_reclaim runs each entry's callback; ours never runs user code
 * inside ck: it sorts the entry according to the calling thread's current
 * collect context. */
enum { COLLECT_ALL, COLLECT_CUT, COLLECT_HANDOVER };

typedef struct collect_ctx {
    int mode;
    uint64_t cut;     /* CUT/HANDOVER: entries with gen < cut are ready */
    smr_entry *ready; /* run these (lock released) */
    smr_entry *keep;  /* CUT: re-queue these on the same record */
    size_t nready, nkeep, nmoved;
} collect_ctx;

static _Thread_local collect_ctx *tls_collect;

static void entry_cb(ck_epoch_entry_t *ce) {
    smr_entry *e = (smr_entry *)ce;
    collect_ctx *c = tls_collect;
    if (c == NULL) fatal("ck_epoch dispatched an SMR entry outside a collect");
    if (c->mode == COLLECT_ALL || e->gen < c->cut) {
        e->next = c->ready;
        c->ready = e;
        c->nready++;
    } else if (c->mode == COLLECT_CUT) {
        e->next = c->keep;
        c->keep = e;
        c->nkeep++;
    } else { /* HANDOVER, g.lock held by the caller */
        ck_epoch_call_strict(&g.global->rec, &e->entry, entry_cb);
        c->nmoved++;
    }
}

/* Run every pending callback of rec through entry_cb in context c. */
static void collect_record(ck_epoch_record_t *rec, collect_ctx *c) {
    collect_ctx *saved = tls_collect;
    tls_collect = c;
    ck_epoch_reclaim(rec);
    tls_collect = saved;
}

/* Move the ready entries of a ck_epoch_poll_deferred stack to c->ready. */
static void take_stack(ck_stack_t *st, collect_ctx *c) {
    ck_stack_entry_t *se = CK_STACK_FIRST(st);
    while (se != NULL) {
        ck_stack_entry_t *next = CK_STACK_NEXT(se);
        smr_entry *e = entry_of_stack(se);
        e->next = c->ready;
        c->ready = e;
        c->nready++;
        se = next;
    }
    ck_stack_init(st);
}

/* Run and free a list of ready entries; no lock is held. */
static size_t run_ready(smr_entry *e) {
    size_t n = 0;
    if (e != NULL) TSAN_ACQUIRE(&g.tsan_sync);
    while (e != NULL) {
        smr_entry *next = e->next;
        e->fn(e->ptr); /* may defer again */
        free(e);
        n++;
        e = next;
    }
    return n;
}

/* ---- life cycle ------------------------------------------------------------------ */

static struct wft_smr_thread *record_new(void) {
    size_t sz = (sizeof(struct wft_smr_thread) + WF_CACHELINE - 1) & ~(size_t)(WF_CACHELINE - 1);
    struct wft_smr_thread *s = aligned_alloc(WF_CACHELINE, sz);
    if (s == NULL) fatal("out of memory registering an epoch record");
    memset(s, 0, sizeof *s);
    atomic_init(&s->pending, 0);
    ck_epoch_register(&g.epoch, &s->rec, s);
    pthread_mutex_lock(&g.lock);
    s->all_next = g.all;
    g.all = s;
    pthread_mutex_unlock(&g.lock);
    return s;
}

void wft_smr_init(void) {
    ck_epoch_init(&g.epoch);
    g.all = NULL;
    g.ready = NULL;
    g.global_seen_gen = 0;
    atomic_store_explicit(&g.global_pending, 0, memory_order_relaxed);
    atomic_store_explicit(&g.stw_gen, 0, memory_order_relaxed);
    g.global = record_new();
}

void wft_smr_fini(void) {
    /* No thread is registered: every record may be reclaimed by this
     * thread (nobody else touches them any more).  Callbacks may defer
     * again (onto the global record): repeat until nothing is left. */
    for (;;) {
        collect_ctx c = {.mode = COLLECT_ALL};
        pthread_mutex_lock(&g.lock);
        for (struct wft_smr_thread *s = g.all; s; s = s->all_next) {
            if (s->thread != NULL) fatal("wft_smr_fini with a thread still registered");
            collect_record(&s->rec, &c);
        }
        for (smr_entry *e = g.ready, *n; e; e = n) {
            n = e->next;
            e->next = c.ready;
            c.ready = e;
        }
        g.ready = NULL;
        atomic_store_explicit(&g.global_pending, 0, memory_order_relaxed);
        pthread_mutex_unlock(&g.lock);
        if (c.ready == NULL) break;
        run_ready(c.ready);
    }
    pthread_mutex_lock(&g.lock);
    struct wft_smr_thread *s = g.all;
    g.all = NULL;
    g.global = NULL;
    pthread_mutex_unlock(&g.lock);
    while (s) {
        struct wft_smr_thread *n = s->all_next;
        free(s);
        s = n;
    }
    memset(&g.epoch, 0, sizeof g.epoch);
}

void wft_smr_thread_init(wft_thread *t) {
    struct wft_smr_thread *s;
    ck_epoch_record_t *r = ck_epoch_recycle(&g.epoch, NULL);
    if (r != NULL) {
        s = (struct wft_smr_thread *)r;
        TSAN_ACQUIRE(s); /* pairs with the release in thread_fini */
    } else {
        s = record_new();
    }
    atomic_store_explicit(&s->pending, 0, memory_order_relaxed);
    s->seen_gen = atomic_load_explicit(&g.stw_gen, memory_order_acquire);
    s->process_at = EPOCH_PROCESS_THRESHOLD;
    s->online = false;
    s->processing = false;
    pthread_mutex_lock(&g.lock);
    s->thread = t;
    pthread_mutex_unlock(&g.lock);
    t->smr = s;
}

static void section_end(struct wft_smr_thread *s) {
    TSAN_RELEASE(&g.tsan_sync);
    ck_epoch_end(&s->rec, NULL);
    s->online = false;
}

void wft_smr_thread_fini(wft_thread *t) {
    struct wft_smr_thread *s = t->smr;
    if (s == NULL) return;
    if (s->online) section_end(s);
    /* ck_epoch_unregister discards pending callbacks: move them first.
     * Entries deferred before a stop-the-world this thread has not yet
     * honoured are ready; the rest are filed on the global record under
     * the current epoch (later than their own: conservative). */
    collect_ctx c = {.mode = COLLECT_HANDOVER,
                     .cut = atomic_load_explicit(&g.stw_gen, memory_order_acquire)};
    pthread_mutex_lock(&g.lock);
    collect_record(&s->rec, &c);
    for (smr_entry *e = c.ready, *n; e; e = n) {
        n = e->next;
        e->next = g.ready;
        g.ready = e;
    }
    atomic_fetch_add_explicit(&g.global_pending, c.nready + c.nmoved, memory_order_relaxed);
    s->thread = NULL;
    pthread_mutex_unlock(&g.lock);
    atomic_store_explicit(&s->pending, 0, memory_order_relaxed);
    t->smr = NULL;
    TSAN_RELEASE(s); /* the next owner's accesses to the record follow */
    ck_epoch_unregister(&s->rec);
}

/* ---- online / offline / quiescent ---------------------------------------------- */

void wft_smr_online(wft_thread *t) {
    struct wft_smr_thread *s = t->smr;
    if (s->online) return;
    ck_epoch_begin(&s->rec, NULL); /* stores active, full fence, snapshot */
    s->online = true;
}

void wft_smr_offline(wft_thread *t) {
    struct wft_smr_thread *s = t->smr;
    if (s->online) section_end(s);
}

void wft_smr_quiescent(wft_thread *t) {
    struct wft_smr_thread *s = t->smr;
    if (!s->online) return;
    /* Unchanged epoch: a refresh would store the same snapshot. */
    if (s->rec.epoch == ck_epoch_value(&g.epoch)) return;
    section_end(s);
    ck_epoch_begin(&s->rec, NULL);
    s->online = true;
}

/* ---- deferral -------------------------------------------------------------------- */

void wft_smr_defer(wft_thread *t, wft_free_fn fn, void *ptr) {
    smr_entry *e = malloc(sizeof *e);
    if (e == NULL) fatal("out of memory queueing a deferred free");
    e->fn = fn;
    e->ptr = ptr;
    e->next = NULL;
    struct wft_smr_thread *s = t ? t->smr : NULL;
    if (s == NULL) {
        /* An unregistered caller is not ordered with stop-the-world by the
         * registry: the RMW makes its unlink visible to the requester that
         * bumps the generation after it. */
        e->gen = atomic_fetch_add_explicit(&g.stw_gen, 0, memory_order_acq_rel);
        atomic_thread_fence(memory_order_seq_cst);
        pthread_mutex_lock(&g.lock);
        ck_epoch_call_strict(&g.global->rec, &e->entry, entry_cb);
        atomic_fetch_add_explicit(&g.global_pending, 1, memory_order_relaxed);
        pthread_mutex_unlock(&g.lock);
        return;
    }
    e->gen = atomic_load_explicit(&g.stw_gen, memory_order_acquire);
    /* Order the caller's unlink before ck_epoch_call's epoch load. */
    atomic_thread_fence(memory_order_seq_cst);
    ck_epoch_call(&s->rec, &e->entry, entry_cb);
    size_t n = atomic_load_explicit(&s->pending, memory_order_relaxed) + 1;
    atomic_store_explicit(&s->pending, n, memory_order_relaxed);
    if (n >= s->process_at) {
        s->process_at = n + EPOCH_PROCESS_THRESHOLD;
        wft_eval_breaker_set(t, WFT_EB_SMR_WORK);
    }
}

/* ---- processing -------------------------------------------------------------------- */

/* Entries of rec deferred before stop-the-world generation `gen` go to
 * c->ready; the others are re-queued (under a newer epoch). */
static void cut_record(ck_epoch_record_t *rec, uint64_t gen, collect_ctx *c, bool strict) {
    collect_ctx k = {.mode = COLLECT_CUT, .cut = gen};
    collect_record(rec, &k);
    for (smr_entry *e = k.keep, *n; e; e = n) {
        n = e->next;
        e->next = NULL;
        if (strict) ck_epoch_call_strict(rec, &e->entry, entry_cb);
        else ck_epoch_call(rec, &e->entry, entry_cb);
    }
    for (smr_entry *e = k.ready, *n; e; e = n) {
        n = e->next;
        e->next = c->ready;
        c->ready = e;
        c->nready++;
    }
}

static size_t process_global(void) {
    if (atomic_load_explicit(&g.global_pending, memory_order_relaxed) == 0) return 0;
    if (pthread_mutex_trylock(&g.lock) != 0) return 0;
    collect_ctx c = {.mode = COLLECT_ALL};
    uint64_t gen = atomic_load_explicit(&g.stw_gen, memory_order_acquire);
    if (gen != g.global_seen_gen) {
        cut_record(&g.global->rec, gen, &c, true);
        g.global_seen_gen = gen;
    }
    ck_stack_t st;
    ck_stack_init(&st);
    ck_epoch_poll_deferred(&g.global->rec, &st);
    take_stack(&st, &c);
    for (smr_entry *e = g.ready, *n; e; e = n) {
        n = e->next;
        e->next = c.ready;
        c.ready = e;
        c.nready++;
    }
    g.ready = NULL;
    pthread_mutex_unlock(&g.lock);
    if (c.nready) atomic_fetch_sub_explicit(&g.global_pending, c.nready, memory_order_relaxed);
    return run_ready(c.ready);
}

size_t wft_smr_process(wft_thread *t) {
    struct wft_smr_thread *s = t ? t->smr : NULL;
    size_t n = 0;
    if (s != NULL) {
        if (s->processing) return 0;
        s->processing = true;
        collect_ctx c = {.mode = COLLECT_ALL};
        uint64_t gen = atomic_load_explicit(&g.stw_gen, memory_order_acquire);
        if (gen != s->seen_gen) {
            cut_record(&s->rec, gen, &c, false);
            s->seen_gen = gen;
        }
        if (atomic_load_explicit(&s->pending, memory_order_relaxed) > c.nready) {
            ck_stack_t st;
            ck_stack_init(&st);
            ck_epoch_poll_deferred(&s->rec, &st);
            take_stack(&st, &c);
        }
        size_t left = atomic_load_explicit(&s->pending, memory_order_relaxed) - c.nready;
        atomic_store_explicit(&s->pending, left, memory_order_relaxed);
        n = run_ready(c.ready); /* callbacks may defer: pending re-read below */
        s->process_at = atomic_load_explicit(&s->pending, memory_order_relaxed) +
                        EPOCH_PROCESS_THRESHOLD;
        s->processing = false;
    }
    return n + process_global();
}

size_t wft_smr_pending(wft_thread *t) {
    struct wft_smr_thread *s = t ? t->smr : NULL;
    if (s == NULL) return atomic_load_explicit(&g.global_pending, memory_order_relaxed);
    return atomic_load_explicit(&s->pending, memory_order_relaxed);
}

/* ---- stop-the-world ------------------------------------------------------------------ */

void wft_smr_world_stopped(void) {
    atomic_fetch_add_explicit(&g.stw_gen, 1, memory_order_acq_rel);
    /* Owners reclaim at their next safe point. */
    pthread_mutex_lock(&g.lock);
    for (struct wft_smr_thread *s = g.all; s; s = s->all_next)
        if (s->thread && atomic_load_explicit(&s->pending, memory_order_relaxed) != 0)
            wft_eval_breaker_set(s->thread, WFT_EB_SMR_WORK);
    pthread_mutex_unlock(&g.lock);
}

const char *wft_smr_impl_name(void) { return "ck_epoch"; }
