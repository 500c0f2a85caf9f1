/*
 * tests/unit/test_refcount.c — reference counting from 1 to 9 threads:
 * exact counts under storms, exactly-once deallocation of objects released
 * by non-owners, the merge-queue paths (owner alive / exiting / exited /
 * world stopped), the shared-state machine, immortal and deferred objects,
 * and the try-incref primitives lock-free readers rely on.
 *
 * Threads that wait for each other wait *detached* (wait_at_least), so a
 * GIL holder or a stop-the-world requester never waits on a spinner; long
 * loops call wft_safepoint, which is also where owners merge their queues.
 */
#include <stdlib.h>
#include <time.h>

#include "runtime/memory/refcount.h"
#include "wtest.h"

#define NTHREADS 8

/* ---------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------- */

static void pause_briefly(void) {
    struct timespec ts = {0, 50 * 1000};
    nanosleep(&ts, NULL);
}

/* Wait, detached, until *v >= n. */
static void wait_at_least(_Atomic int *v, int n) {
    wft_thread *t = wft_current();
    bool was = wft_detach_if_attached(t);
    while (atomic_load(v) < n) pause_briefly();
    wft_reattach(t, was);
}

/* An object type with an id, so each deallocation can be attributed. */
#define MAGIC_LIVE 0x11fe
#define MAGIC_DEAD 0xdead

typedef struct tracked {
    wf_object ob;
    long id;
    _Atomic int magic;
} tracked;

static _Atomic int *freed_marks; /* per id: how many times deallocated */
static long n_marks;

static void tracked_dealloc(wf_object *op) {
    tracked *o = (tracked *)op;
    if (o->id >= 0 && o->id < n_marks) atomic_fetch_add(&freed_marks[o->id], 1);
    atomic_store_explicit(&o->magic, MAGIC_DEAD, memory_order_relaxed);
    atomic_fetch_add(&wtest_dealloc_count, 1);
    wfm_object_free(op);
}

static wf_type tracked_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(NULL),
    .tp_name = "tracked",
    .tp_basicsize = sizeof(tracked),
    .tp_dealloc = tracked_dealloc,
};

static void marks_alloc(long n) {
    n_marks = n;
    freed_marks = calloc((size_t)n, sizeof *freed_marks);
    ck_assert_ptr_nonnull(freed_marks);
}

static void marks_check_all_once(long n) {
    long wrong = 0, first = -1;
    for (long i = 0; i < n; i++) {
        if (atomic_load(&freed_marks[i]) != 1) {
            wrong++;
            if (first < 0) first = i;
        }
    }
    ck_assert_msg(wrong == 0, "%ld of %ld objects not deallocated exactly once (first id %ld: %d)",
                  wrong, n, first, first >= 0 ? atomic_load(&freed_marks[first]) : 0);
}

static void marks_free(void) {
    free(freed_marks);
    freed_marks = NULL;
    n_marks = 0;
}

static tracked *tracked_new(long id) {
    tracked *o = wfm_object_alloc(sizeof(tracked));
    if (o == NULL) abort(); /* not ck_assert: that costs a pipe write per call */
    wf_object_init(&o->ob, &tracked_type);
    o->id = id;
    atomic_store_explicit(&o->magic, MAGIC_LIVE, memory_order_relaxed);
    return o;
}

static long dealloc_count(void) { return atomic_load(&wtest_dealloc_count); }

#if WF_FREE_THREADED
static int32_t shared_word(wf_object *op) { return atomic_load(&op->ob_ref_shared); }
static int shared_state(wf_object *op) { return shared_word(op) & WF_REF_STATE_MASK; }
static uint32_t local_word(wf_object *op) { return atomic_load(&op->ob_ref_local); }
static uint32_t tid_word(wf_object *op) { return atomic_load(&op->ob_tid); }
#endif

/* Let non-owners try-incref op (free-threaded flavour; nothing to do with
 * plain counts). */
static void allow_try_incref(wf_object *op) { WF_FT_ONLY(wf_set_maybe_weakref(op)); }

/* Run fn on one other registered thread and wait for it. */
static void on_other_thread(wtest_thread_fn fn, void *arg) { wtest_run_threads(1, fn, arg); }

/* ---------------------------------------------------------------------------
 * 1. Storms on one object: exact final count
 * ------------------------------------------------------------------------- */

static wf_object *storm_obj;
static long storm_iters;
static long storm_extra;

static void storm_pairs_fn(int idx, void *arg) {
    wft_thread *t = wft_current();
    wf_object *op = storm_obj;
    for (long i = 0; i < storm_iters; i++) {
        wf_incref(op);
        wf_decref(op);
        if ((i & 1023) == 0) wft_safepoint(t);
    }
    for (long i = 0; i < storm_extra; i++) wf_incref(op); /* unbalanced */
}

static void storm_release_fn(int idx, void *arg) {
    wft_thread *t = wft_current();
    for (long i = 0; i < storm_extra; i++) {
        wf_decref(storm_obj);
        if ((i & 63) == 0) wft_safepoint(t);
    }
}

START_TEST(test_storm_exact_count) {
    storm_obj = wtest_new_counted();
    storm_iters = wtest_scale(1000000);
    storm_extra = 1000;
    wtest_run_threads(NTHREADS, storm_pairs_fn, NULL);
    ck_assert_int_eq(wf_refcnt(storm_obj), 1 + NTHREADS * storm_extra);
    ck_assert_int_eq(dealloc_count(), 0);
    /* Other threads drop the unbalanced references, then the owner its own. */
    wtest_run_threads(NTHREADS, storm_release_fn, NULL);
    ck_assert_int_eq(wf_refcnt(storm_obj), 1);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(storm_obj);
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

/* The owner hammers too (its local, non-atomic path) while the others use
 * the shared path; then the owner drops its creation reference and exits
 * while the others drop the references it handed out — which are queued to
 * it, drained at its exit, or merged directly once it is gone. */
typedef struct owner_storm {
    wf_object *obj;
    _Atomic int ready;
} owner_storm;

static void storm_owner_fn(int idx, void *arg) {
    owner_storm *os = arg;
    wft_thread *t = wft_current();
    if (idx == 0) {
        os->obj = wtest_new_counted(); /* owned by thread 0 */
        for (long i = 0; i < NTHREADS * storm_extra; i++) wf_incref(os->obj);
        atomic_store(&os->ready, 1);
    }
    wait_at_least(&os->ready, 1);
    wf_object *op = os->obj;
    for (long i = 0; i < storm_iters; i++) {
        wf_incref(op);
        wf_decref(op);
        if ((i & 1023) == 0) wft_safepoint(t);
    }
    if (idx == 0) {
        wf_decref(op); /* its creation reference */
    } else {
        for (long i = 0; i < storm_extra; i++) wf_decref(op);
    }
}

START_TEST(test_storm_owner_and_others) {
    owner_storm os = {0};
    storm_iters = wtest_scale(500000);
    storm_extra = 500;
    /* Thread 0 handed out NTHREADS*extra references; NTHREADS-1 threads
     * drop `extra` each, so `extra` remain for the main thread to drop. */
    wtest_run_threads(NTHREADS, storm_owner_fn, &os);
    ck_assert_int_eq(wf_refcnt(os.obj), storm_extra);
#if WF_FREE_THREADED
    ck_assert_int_eq(shared_state(os.obj), WF_REF_MERGED); /* owner gone */
#endif
    ck_assert_int_eq(dealloc_count(), 0);
    for (long i = 0; i < storm_extra; i++) wf_decref(os.obj);
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 2. Objects created by one thread and released by others: each is
 *    deallocated exactly once.
 * ------------------------------------------------------------------------- */

typedef struct xrel {
    long per_thread;
    bool owners_wait; /* producers stay alive until everyone is done */
    tracked *_Atomic *table; /* [NTHREADS][per_thread] */
    _Atomic int published;
    _Atomic int done;
} xrel;

static void consume(tracked *o, long k) {
    wf_object *op = &o->ob;
    switch (k % 3) {
    case 0: /* drop the reference we were given */
        wf_decref(op);
        break;
    case 1: /* take and drop a shared one first */
        wf_incref(op);
        wf_decref(op);
        wf_decref(op);
        break;
    default: /* locked-path incref moves it to MAYBE_WEAKREF */
        wf_incref_with_lock(op);
        wf_decref(op);
        wf_decref(op);
        break;
    }
}

static void xrel_fn(int idx, void *arg) {
    xrel *x = arg;
    wft_thread *t = wft_current();
    long m = x->per_thread;
    tracked *_Atomic *mine = x->table + (long)idx * m;
    /* Produce: one reference for ourselves and one for each of the two
     * consumers (idx+1, idx+2). */
    for (long k = 0; k < m; k++) {
        tracked *o = tracked_new((long)idx * m + k);
        wf_incref(&o->ob);
        wf_incref(&o->ob);
        atomic_store_explicit(&mine[k], o, memory_order_release);
    }
    atomic_fetch_add(&x->published, 1);
    wait_at_least(&x->published, NTHREADS);
    /* Drop our own reference on even objects before the consumers run... */
    for (long k = 0; k < m; k += 2) {
        wf_decref(&atomic_load(&mine[k])->ob);
        if ((k & 63) == 0) wft_safepoint(t);
    }
    for (int d = 1; d <= 2; d++) {
        int p = (idx + NTHREADS - d) % NTHREADS;
        tracked *_Atomic *theirs = x->table + (long)p * m;
        for (long k = 0; k < m; k++) {
            consume(atomic_load_explicit(&theirs[k], memory_order_acquire), k + d);
            if ((k & 63) == 0) wft_safepoint(t);
        }
    }
    /* ...and on odd objects after. */
    for (long k = 1; k < m; k += 2) {
        wf_decref(&atomic_load(&mine[k])->ob);
        if ((k & 63) == 0) wft_safepoint(t);
    }
    atomic_fetch_add(&x->done, 1);
    if (x->owners_wait) {
        /* Service our merge queue at safe points until everyone is done. */
        while (atomic_load(&x->done) < NTHREADS) {
            wft_safepoint(t);
            wtest_sleep_ms(1);
        }
        wft_safepoint(t);
    }
    /* Whatever is still queued is drained by the exit hook. */
}

static void run_cross_release(bool owners_wait) {
    xrel x = {.per_thread = wtest_scale(4000), .owners_wait = owners_wait};
    long total = NTHREADS * x.per_thread;
    marks_alloc(total);
    x.table = calloc((size_t)total, sizeof *x.table);
    ck_assert_ptr_nonnull(x.table);
    wtest_run_threads(NTHREADS, xrel_fn, &x);
    ck_assert_int_eq(dealloc_count(), total);
    marks_check_all_once(total);
    free(x.table);
    marks_free();
}

START_TEST(test_cross_thread_release_owners_alive) { run_cross_release(true); }
END_TEST

START_TEST(test_cross_thread_release_owners_exit) { run_cross_release(false); }
END_TEST

/* ---------------------------------------------------------------------------
 * 3. The merge queue
 * ------------------------------------------------------------------------- */

typedef struct mq {
    wft_thread *owner;
    wf_object *obj;
    wf_object *objs[128];
    int nobjs;
    _Atomic int step;
    _Atomic int queued_state_ok;
    _Atomic long pending_seen;
    _Atomic int breaker_seen;
    _Atomic long dealloc_seen;
} mq;

/* A non-owner drops the owner's last reference while the owner is alive
 * (detached, waiting in wtest_run_threads): it is queued, not freed. */
static void mq_drop_fn(int idx, void *arg) {
    mq *m = arg;
    wf_decref(m->obj);
#if WF_FREE_THREADED
    atomic_store(&m->queued_state_ok, shared_word(m->obj) == WF_REF_SHARED(0, WF_REF_QUEUED) &&
                                          tid_word(m->obj) == m->owner->index);
    atomic_store(&m->pending_seen, (long)wfm_refcount_pending(m->owner));
    atomic_store(&m->breaker_seen,
                 (wft_eval_breaker_get(m->owner) & WFT_EB_EXPLICIT_MERGE) != 0);
#endif
    atomic_store(&m->dealloc_seen, dealloc_count());
}

START_TEST(test_merge_queue_owner_alive) {
    mq m = {.owner = wft_current()};
    m.obj = wtest_new_counted(); /* its one reference goes to the other thread */
    on_other_thread(mq_drop_fn, &m);
#if WF_FREE_THREADED
    ck_assert_msg(atomic_load(&m.queued_state_ok), "object not QUEUED for its owner");
    ck_assert_int_eq(atomic_load(&m.pending_seen), 1);
    ck_assert_msg(atomic_load(&m.breaker_seen), "owner's eval breaker not set");
    ck_assert_int_eq(atomic_load(&m.dealloc_seen), 0);
    /* The owner merges at its next safe point: exactly one dealloc. */
    wft_safepoint(wft_current());
    ck_assert_int_eq(dealloc_count(), 1);
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), 0);
    wft_safepoint(wft_current());
    ck_assert_int_eq(dealloc_count(), 1);
#else
    ck_assert_int_eq(atomic_load(&m.dealloc_seen), 1); /* plain count: freed at once */
    ck_assert_int_eq(dealloc_count(), 1);
#endif
}
END_TEST

/* Many objects queued to one live owner by several threads at once. */
static void mq_many_fn(int idx, void *arg) {
    mq *m = arg;
    wft_thread *t = wft_current();
    for (int k = idx; k < m->nobjs; k += 4) {
        wf_decref(m->objs[k]);
        wft_safepoint(t);
    }
}

START_TEST(test_merge_queue_many_to_one_owner) {
    mq m = {.owner = wft_current(), .nobjs = 128};
    for (int k = 0; k < m.nobjs; k++) m.objs[k] = wtest_new_counted();
    wtest_run_threads(4, mq_many_fn, &m);
#if WF_FREE_THREADED
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), m.nobjs);
    ck_assert_int_eq(dealloc_count(), 0);
    wft_safepoint(wft_current());
#endif
    ck_assert_int_eq(dealloc_count(), m.nobjs);
}
END_TEST

/* The owner exits while its queue holds an object: the exit hook drains. */
static void mq_exit_fn(int idx, void *arg) {
    mq *m = arg;
    if (idx == 0) { /* owner */
        m->owner = wft_current();
        m->obj = wtest_new_counted();
        atomic_store(&m->step, 1);
        wait_at_least(&m->step, 2); /* detached: cannot service its queue */
        wft_thread *t = wft_current();
        bool was = wft_detach_if_attached(t);
#if WF_FREE_THREADED
        atomic_store(&m->queued_state_ok,
                     shared_word(m->obj) == WF_REF_SHARED(0, WF_REF_QUEUED));
        atomic_store(&m->pending_seen, (long)wfm_refcount_pending(t));
#endif
        atomic_store(&m->dealloc_seen, dealloc_count());
        wft_reattach(t, was);
        /* return: wft_thread_delete runs the exit hooks */
    } else { /* dropper */
        wait_at_least(&m->step, 1);
        wf_decref(m->obj);
        atomic_store(&m->step, 2);
    }
}

START_TEST(test_merge_queue_drained_at_owner_exit) {
    mq m = {0};
    wtest_run_threads(2, mq_exit_fn, &m);
#if WF_FREE_THREADED
    ck_assert_msg(atomic_load(&m.queued_state_ok), "object not QUEUED");
    ck_assert_int_eq(atomic_load(&m.pending_seen), 1);
    ck_assert_int_eq(atomic_load(&m.dealloc_seen), 0);
#else
    ck_assert_int_eq(atomic_load(&m.dealloc_seen), 1);
#endif
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

/* The owner has exited: a non-owner merges directly. */
static void mq_make_and_exit_fn(int idx, void *arg) {
    mq *m = arg;
    m->objs[0] = wtest_new_counted();      /* one reference */
    m->objs[1] = wtest_new_counted();
    wf_incref(m->objs[1]);                 /* two references */
    m->objs[2] = wtest_new_counted();
    wf_incref(m->objs[2]);
    wf_decref(m->objs[2]);                 /* one reference, via local ops */
    m->nobjs = 3;
}

START_TEST(test_merge_after_owner_exited) {
    mq m = {0};
    on_other_thread(mq_make_and_exit_fn, &m);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(m.objs[0]);
    ck_assert_int_eq(dealloc_count(), 1); /* merged to 0 at once */
#if WF_FREE_THREADED
    ck_assert_int_eq(tid_word(m.objs[1]), tid_word(m.objs[2])); /* stale owner */
    ck_assert_uint_ne(tid_word(m.objs[1]), 0);
#endif
    wf_decref(m.objs[1]);
    ck_assert_int_eq(dealloc_count(), 1);
#if WF_FREE_THREADED
    ck_assert_int_eq(shared_word(m.objs[1]), WF_REF_SHARED(1, WF_REF_MERGED));
    ck_assert_uint_eq(tid_word(m.objs[1]), 0);
#endif
    ck_assert_int_eq(wf_refcnt(m.objs[1]), 1);
    wf_decref(m.objs[1]);
    ck_assert_int_eq(dealloc_count(), 2);
    /* a shared incref first, then the drops */
    wf_incref(m.objs[2]);
    ck_assert_int_eq(wf_refcnt(m.objs[2]), 2);
    wf_decref(m.objs[2]);
    wf_decref(m.objs[2]);
    ck_assert_int_eq(dealloc_count(), 3);
}
END_TEST

#if WF_FREE_THREADED
/* Stop-the-world merges the queues of stopped threads; objects that reach
 * 0 are freed by the requester after the world restarts. */
#define STW_OBJS 100
static void mq_stw_fn(int idx, void *arg) {
    mq *m = arg;
    m->owner = wft_current();
    for (int k = 0; k < STW_OBJS; k++) m->objs[k] = wtest_new_counted();
    m->nobjs = STW_OBJS;
    atomic_store(&m->step, 1);
    wait_at_least(&m->step, 2);
}

START_TEST(test_merge_queue_world_stopped) {
    mq m = {0};
    wtest_group *g = wtest_start_threads(1, mq_stw_fn, &m);
    wait_at_least(&m.step, 1);
    for (int k = 0; k < STW_OBJS; k++) wf_decref(m.objs[k]);
    ck_assert_int_eq(wfm_refcount_pending(m.owner), STW_OBJS);
    ck_assert_int_eq(dealloc_count(), 0);
    wft_stop_the_world();
    wft_start_the_world();
    ck_assert_int_eq(wfm_refcount_pending(m.owner), 0);
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), STW_OBJS);
    ck_assert_int_eq(dealloc_count(), 0);
    for (int k = 0; k < STW_OBJS; k++) {
        ck_assert_int_eq(shared_word(m.objs[k]), WF_REF_MERGED);
        ck_assert_uint_eq(tid_word(m.objs[k]), 0);
    }
    /* wfm_refcount_drain releases them without waiting for an eval-breaker
     * check (the exit collection and tear-down rely on it). */
    wfm_refcount_drain();
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), 0);
    ck_assert_int_eq(dealloc_count(), STW_OBJS);
    wft_safepoint(wft_current());
    ck_assert_int_eq(dealloc_count(), STW_OBJS);
    atomic_store(&m.step, 2);
    wtest_join_threads(g);
    ck_assert_int_eq(dealloc_count(), STW_OBJS);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 4. The shared-state machine (free-threaded flavour)
 * ------------------------------------------------------------------------- */

static void nonowner_incref_fn(int idx, void *arg) { wf_incref(arg); }
static void nonowner_decref_fn(int idx, void *arg) { wf_decref(arg); }

START_TEST(test_state_owner_paths) {
    uint32_t me = wft_current()->index;
    /* new object: owned, local 1, shared 0 */
    wf_object *a = wtest_new_counted();
    ck_assert_uint_eq(tid_word(a), me);
    ck_assert_uint_eq(local_word(a), 1);
    ck_assert_int_eq(shared_word(a), 0);
    ck_assert_int_eq(wf_refcnt(a), 1);
    wf_incref(a);
    ck_assert_uint_eq(local_word(a), 2);
    ck_assert_int_eq(shared_word(a), 0);
    wf_decref(a);
    /* fast dealloc: local 0 and shared exactly 0 */
    wf_decref(a);
    ck_assert_int_eq(dealloc_count(), 1);

    /* a shared reference outlives the owner's: DEFAULT -> MERGED */
    wf_object *b = wtest_new_counted();
    on_other_thread(nonowner_incref_fn, b);
    ck_assert_int_eq(shared_word(b), WF_REF_SHARED(1, WF_REF_DEFAULT));
    wf_decref(b);
    ck_assert_int_eq(dealloc_count(), 1);
    ck_assert_int_eq(shared_word(b), WF_REF_SHARED(1, WF_REF_MERGED));
    ck_assert_uint_eq(tid_word(b), 0); /* tid 0 => merged */
    ck_assert_int_eq(wf_refcnt(b), 1);
    on_other_thread(nonowner_decref_fn, b);
    ck_assert_int_eq(dealloc_count(), 2);

    /* MAYBE_WEAKREF forces the CAS path: merged exactly, then freed */
    wf_object *c = wtest_new_counted();
    wf_set_maybe_weakref(c);
    ck_assert_int_eq(shared_word(c), WF_REF_SHARED(0, WF_REF_MAYBE_WEAKREF));
    wf_decref(c);
    ck_assert_int_eq(dealloc_count(), 3);

    /* explicit merge by the owner */
    wf_object *d = wtest_new_counted();
    wf_incref(d);
    ck_assert_int_eq(wf_explicit_merge(d, 0), 2);
    ck_assert_int_eq(shared_word(d), WF_REF_SHARED(2, WF_REF_MERGED));
    ck_assert_uint_eq(local_word(d), 0);
    ck_assert_uint_eq(tid_word(d), 0);
    wf_decref(d); /* now a shared decref, even for the old owner */
    ck_assert_int_eq(shared_word(d), WF_REF_SHARED(1, WF_REF_MERGED));
    wf_decref(d);
    ck_assert_int_eq(dealloc_count(), 4);
}
END_TEST

/* Walk one object through every state from a non-owner and record each
 * state; the owner (main) merges at its safe point. */
typedef struct walk {
    wf_object *obj;
    int states[16];
    int32_t words[16];
    int n;
} walk;

static void record(walk *w) {
    w->words[w->n] = shared_word(w->obj);
    w->states[w->n] = shared_state(w->obj);
    w->n++;
}

static void walk_nonowner_fn(int idx, void *arg) {
    walk *w = arg;
    wf_object *op = w->obj;
    record(w);                  /* 0: (0, DEFAULT) */
    wf_incref_with_lock(op);
    record(w);                  /* 1: (1, MAYBE_WEAKREF) */
    wf_incref_with_lock(op);
    record(w);                  /* 2: (2, MAYBE_WEAKREF) */
    wf_decref(op);
    wf_decref(op);
    record(w);                  /* 3: (0, MAYBE_WEAKREF) */
    wf_set_maybe_weakref(op);
    record(w);                  /* 4: unchanged */
    wf_decref(op);              /* the reference the owner gave us */
    record(w);                  /* 5: (0, QUEUED), queued */
    wf_incref(op);
    wf_incref_with_lock(op);
    record(w);                  /* 6: (2, QUEUED): no going back to MW */
    wf_set_maybe_weakref(op);
    record(w);                  /* 7: unchanged */
    ck_assert(wf_try_incref(op));
    record(w);                  /* 8: (3, QUEUED) */
    wf_decref(op);
    wf_decref(op);
    wf_decref(op);
    record(w);                  /* 9: (0, QUEUED) */
}

START_TEST(test_state_machine_walk) {
    walk w = {.obj = wtest_new_counted()};
    wf_incref(w.obj); /* local 2: one for us, one handed to the other thread */
    on_other_thread(walk_nonowner_fn, &w);
    static const int32_t want[] = {
        WF_REF_SHARED(0, WF_REF_DEFAULT),       WF_REF_SHARED(1, WF_REF_MAYBE_WEAKREF),
        WF_REF_SHARED(2, WF_REF_MAYBE_WEAKREF), WF_REF_SHARED(0, WF_REF_MAYBE_WEAKREF),
        WF_REF_SHARED(0, WF_REF_MAYBE_WEAKREF), WF_REF_SHARED(0, WF_REF_QUEUED),
        WF_REF_SHARED(2, WF_REF_QUEUED),        WF_REF_SHARED(2, WF_REF_QUEUED),
        WF_REF_SHARED(3, WF_REF_QUEUED),        WF_REF_SHARED(0, WF_REF_QUEUED),
    };
    ck_assert_int_eq(w.n, 10);
    for (int i = 0; i < w.n; i++) {
        ck_assert_msg(w.words[i] == want[i], "step %d: shared word %d, want %d", i, w.words[i],
                      want[i]);
        if (i > 0) ck_assert_int_ge(w.states[i], w.states[i - 1]);
    }
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), 1);
    ck_assert_int_eq(dealloc_count(), 0);
    wft_safepoint(wft_current()); /* merge: 2 + 0 - 1 = 1 */
    ck_assert_int_eq(shared_word(w.obj), WF_REF_SHARED(1, WF_REF_MERGED));
    ck_assert_uint_eq(tid_word(w.obj), 0);
    ck_assert_uint_eq(local_word(w.obj), 0);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_set_maybe_weakref(w.obj);
    ck_assert_int_eq(shared_state(w.obj), WF_REF_MERGED);
    wf_incref_with_lock(w.obj);
    ck_assert_int_eq(shared_word(w.obj), WF_REF_SHARED(2, WF_REF_MERGED));
    wf_decref(w.obj);
    wf_decref(w.obj);
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

/* Eight threads drop more shared references than they take while a ninth
 * samples the state word: the state only ever goes up, the object is
 * queued once, and the owner's merge yields the exact count. */
typedef struct mono {
    wf_object *obj;
    long per_thread;
    _Atomic int workers_done;
    _Atomic int sampler_started;
    _Atomic long samples;
    _Atomic long violations;
} mono;

static void mono_fn(int idx, void *arg) {
    mono *m = arg;
    wft_thread *t = wft_current();
    if (idx == NTHREADS) { /* sampler */
        int last = 0;
        long samples = 0, bad = 0;
        do {
            int s = shared_state(m->obj);
            if (s < last) bad++;
            last = s;
            samples++;
            if (samples == 1) atomic_store(&m->sampler_started, 1);
            if ((samples & 255) == 0) wft_safepoint(t);
        } while (atomic_load(&m->workers_done) < NTHREADS);
        atomic_store(&m->samples, samples);
        atomic_store(&m->violations, bad);
        return;
    }
    wait_at_least(&m->sampler_started, 1);
    for (long i = 0; i < m->per_thread; i++) {
        wf_incref(m->obj);
        wf_decref(m->obj);
        wf_decref(m->obj); /* one of the references the owner handed out */
        if ((i & 63) == 0) wft_safepoint(t);
    }
    atomic_fetch_add(&m->workers_done, 1);
}

START_TEST(test_states_never_go_down) {
    mono m = {.obj = wtest_new_counted(), .per_thread = wtest_scale(20000)};
    long given = NTHREADS * m.per_thread;
    for (long i = 0; i < given; i++) wf_incref(m.obj); /* local 1 + given */
    wtest_run_threads(NTHREADS + 1, mono_fn, &m);
    ck_assert_int_eq(atomic_load(&m.violations), 0);
    ck_assert_int_gt(atomic_load(&m.samples), 0);
    ck_assert_int_eq(shared_state(m.obj), WF_REF_QUEUED);
    ck_assert_int_eq(WF_REF_SHARED_COUNT(shared_word(m.obj)), -(given - 1));
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), 1);
    wft_safepoint(wft_current());
    ck_assert_int_eq(shared_word(m.obj), WF_REF_SHARED(1, WF_REF_MERGED));
    ck_assert_int_eq(wf_refcnt(m.obj), 1);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(m.obj);
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST
#endif /* WF_FREE_THREADED */

/* ---------------------------------------------------------------------------
 * 5. Immortal objects
 * ------------------------------------------------------------------------- */

static wf_object static_immortal = WF_OBJECT_HEAD_INIT(&wtest_counted_type);
static wf_object *heap_immortal;

static _Atomic long immortal_try_failures;

static void immortal_storm_fn(int idx, void *arg) {
    wft_thread *t = wft_current();
    long n = *(long *)arg, failures = 0;
    wf_object *objs[2] = {&static_immortal, heap_immortal};
    for (long i = 0; i < n; i++) {
        wf_object *op = objs[i & 1];
        wf_incref(op);
        wf_decref(op);
        wf_decref(op); /* unbalanced: must not matter */
        wf_decref(op);
        if (!wf_try_incref(op)) failures++;
        wf_incref_with_lock(op);
        if ((i & 1023) == 0) wft_safepoint(t);
    }
    atomic_fetch_add(&immortal_try_failures, failures);
}

static void assert_immortal_fields(wf_object *op) {
    ck_assert(wf_is_immortal(op));
    ck_assert_int_eq(wf_refcnt(op), WF_IMMORTAL_REFCNT);
#if WF_FREE_THREADED
    ck_assert_uint_eq(local_word(op), WF_IMMORTAL_LOCAL);
    ck_assert_int_eq(shared_word(op), 0);
    ck_assert_uint_eq(tid_word(op), 0);
#else
    ck_assert_int_eq(op->ob_refcnt, WF_IMMORTAL_REFCNT_GIL);
#endif
}

START_TEST(test_immortal_storm) {
    heap_immortal = wtest_new_counted();
    wf_incref(heap_immortal); /* counts before immortalisation are irrelevant */
    wf_set_immortal(heap_immortal);
    assert_immortal_fields(&static_immortal);
    assert_immortal_fields(heap_immortal);
    long n = wtest_scale(300000);
    wtest_run_threads(NTHREADS, immortal_storm_fn, &n);
    ck_assert_int_eq(atomic_load(&immortal_try_failures), 0);
    assert_immortal_fields(&static_immortal);
    assert_immortal_fields(heap_immortal);
#if WF_FREE_THREADED
    ck_assert_int_eq(wf_explicit_merge(heap_immortal, -5), WF_IMMORTAL_REFCNT);
    assert_immortal_fields(heap_immortal);
#endif
    ck_assert_int_eq(dealloc_count(), 0);
    wfm_object_free(heap_immortal); /* never freed by counting: free it by hand */
}
END_TEST

/* ---------------------------------------------------------------------------
 * 6. Deferred reference counting
 * ------------------------------------------------------------------------- */

static void pair_storm_fn(int idx, void *arg) {
    wft_thread *t = wft_current();
    wf_object *op = arg;
    long n = wtest_scale(200000);
    for (long i = 0; i < n; i++) {
        wf_incref(op);
        wf_decref(op);
        if ((i & 1023) == 0) wft_safepoint(t);
    }
    for (int i = 0; i < 100; i++) wf_incref(op);
    wft_safepoint(t);
    for (int i = 0; i < 100; i++) wf_decref(op);
}

#if WF_FREE_THREADED
START_TEST(test_deferred_survives_storms) {
    wf_object *op = wtest_new_counted();
    wf_set_deferred(op);
    ck_assert(wf_is_deferred(op));
    ck_assert_int_eq(wf_refcnt(op), 1);
    /* The owner drops its only counted reference: an ordinary object would
     * die here; the deferred one is merged with its bias. */
    wf_decref(op);
    ck_assert_int_eq(dealloc_count(), 0);
    ck_assert_int_eq(shared_state(op), WF_REF_MERGED);
    ck_assert_int_eq(wf_refcnt(op), 0);
    /* Uncounted users (as the VM's stack would be) hammer it: every
     * decref takes the count to 0 without freeing it. */
    wtest_run_threads(NTHREADS, pair_storm_fn, op);
    ck_assert_int_eq(dealloc_count(), 0);
    ck_assert_int_eq(wf_refcnt(op), 0);
    ck_assert(wf_is_deferred(op));
    wf_clear_deferred(op);
    ck_assert_int_eq(dealloc_count(), 1);
    wf_clear_deferred(op); /* idempotent: no second bias removal */
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

START_TEST(test_deferred_clear_while_owned) {
    wf_object *op = wtest_new_counted();
    wf_set_deferred(op);
    wtest_run_threads(NTHREADS, pair_storm_fn, op);
    ck_assert_int_eq(wf_refcnt(op), 1);
    wf_clear_deferred(op);
    ck_assert(!wf_is_deferred(op));
    ck_assert_int_eq(shared_word(op), 0); /* back to DEFAULT with no shared refs */
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(op); /* fast dealloc */
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

static void clear_deferred_fn(int idx, void *arg) {
    wf_object *op = arg;
    wf_decref(op); /* a reference the owner handed over: bias - 1 */
    wf_clear_deferred(op);
}

/* Non-owners dropped references the owner's local count holds: removing
 * the bias leaves a negative count, which must go through the queue. */
START_TEST(test_deferred_clear_negative_goes_through_queue) {
    wf_object *op = wtest_new_counted();
    wf_incref(op); /* local 2 */
    wf_set_deferred(op);
    on_other_thread(clear_deferred_fn, op);
    ck_assert(!wf_is_deferred(op));
    ck_assert_int_eq(shared_word(op), WF_REF_SHARED(0, WF_REF_QUEUED));
    ck_assert_int_eq(wfm_refcount_pending(wft_current()), 1);
    wft_safepoint(wft_current());
    ck_assert_int_eq(shared_word(op), WF_REF_SHARED(1, WF_REF_MERGED));
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(op);
    ck_assert_int_eq(dealloc_count(), 1);

    /* the same with the owner clearing: merged on the spot */
    wf_object *op2 = wtest_new_counted();
    wf_incref(op2);
    wf_set_deferred(op2);
    on_other_thread(nonowner_decref_fn, op2);
    wf_clear_deferred(op2);
    ck_assert_int_eq(shared_word(op2), WF_REF_SHARED(1, WF_REF_MERGED));
    wf_decref(op2);
    ck_assert_int_eq(dealloc_count(), 2);
}
END_TEST
#else
START_TEST(test_deferred_is_noop_with_gil) {
    wf_object *op = wtest_new_counted();
    wf_set_deferred(op);
    ck_assert(!wf_is_deferred(op));
    ck_assert_int_eq(wf_refcnt(op), 1);
    wtest_run_threads(NTHREADS, pair_storm_fn, op);
    ck_assert_int_eq(wf_refcnt(op), 1);
    wf_clear_deferred(op);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(op);
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST
#endif

/* ---------------------------------------------------------------------------
 * 7. Try-incref primitives
 * ------------------------------------------------------------------------- */

START_TEST(test_try_incref_dead_fields) {
    /* Headers that look like dead objects (never freed: no dealloc runs). */
    wf_object dead = {0};
#if WF_FREE_THREADED
    /* fast-deallocated by a foreign owner: shared exactly 0 */
    atomic_store(&dead.ob_tid, wft_current()->index + 1000);
    atomic_store(&dead.ob_ref_local, 0);
    atomic_store(&dead.ob_ref_shared, 0);
    dead.ob_type = &wtest_counted_type;
    ck_assert(!wf_try_incref(&dead));
    ck_assert_int_eq(shared_word(&dead), 0);
    ck_assert_uint_eq(local_word(&dead), 0);
    /* merged to 0 */
    atomic_store(&dead.ob_tid, 0);
    atomic_store(&dead.ob_ref_shared, WF_REF_MERGED);
    ck_assert(!wf_try_incref(&dead));
    ck_assert_int_eq(shared_word(&dead), WF_REF_MERGED);
    wf_object *_Atomic slot = &dead;
    ck_assert(!wf_try_incref_compare(&slot, &dead));
    wf_object *out = (wf_object *)1;
    ck_assert(!wf_try_xget_ref(&slot, &out));
    ck_assert_int_eq(shared_word(&dead), WF_REF_MERGED);
    ck_assert_uint_eq(local_word(&dead), 0);
    /* alive states accept a shared try-incref */
    wf_object live = {0};
    live.ob_type = &wtest_counted_type;
    atomic_store(&live.ob_tid, wft_current()->index + 1000);
    atomic_store(&live.ob_ref_local, 1);
    atomic_store(&live.ob_ref_shared, WF_REF_SHARED(0, WF_REF_MAYBE_WEAKREF));
    ck_assert(wf_try_incref(&live));
    ck_assert_int_eq(shared_word(&live), WF_REF_SHARED(1, WF_REF_MAYBE_WEAKREF));
    atomic_store(&live.ob_ref_shared, WF_REF_SHARED(0, WF_REF_QUEUED));
    ck_assert(wf_try_incref(&live));
    ck_assert_int_eq(shared_word(&live), WF_REF_SHARED(1, WF_REF_QUEUED));
    atomic_store(&live.ob_ref_shared, WF_REF_SHARED(2, WF_REF_MERGED));
    atomic_store(&live.ob_tid, 0);
    ck_assert(wf_try_incref(&live));
    ck_assert_int_eq(shared_word(&live), WF_REF_SHARED(3, WF_REF_MERGED));
    /* DEFAULT with shared references is alive too */
    atomic_store(&live.ob_tid, wft_current()->index + 1000);
    atomic_store(&live.ob_ref_shared, WF_REF_SHARED(1, WF_REF_DEFAULT));
    ck_assert(wf_try_incref(&live));
    ck_assert_int_eq(shared_word(&live), WF_REF_SHARED(2, WF_REF_DEFAULT));
#else
    dead.ob_refcnt = 0;
    dead.ob_type = &wtest_counted_type;
    ck_assert(!wf_try_incref(&dead));
    ck_assert_int_eq(dead.ob_refcnt, 0);
    wf_object *_Atomic slot = &dead;
    ck_assert(!wf_try_incref_compare(&slot, &dead));
    wf_object *out = (wf_object *)1;
    ck_assert(!wf_try_xget_ref(&slot, &out));
    ck_assert_int_eq(dead.ob_refcnt, 0);
#endif
    /* immortal and owned objects always succeed */
    ck_assert(wf_try_incref(&static_immortal));
    ck_assert(wf_is_immortal(&static_immortal));
    wf_object *mine = wtest_new_counted();
    ck_assert(wf_try_incref(mine));
    ck_assert_int_eq(wf_refcnt(mine), 2);
    wf_decref(mine);
    wf_decref(mine);
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST

typedef struct cmp {
    wf_object *a, *b;
    wf_object *_Atomic slot;
    _Atomic int ok;
} cmp;

static void compare_nonowner_fn(int idx, void *arg) {
    cmp *c = arg;
    int ok = 1;
#if WF_FREE_THREADED
    int32_t before = shared_word(c->b);
    uint32_t local_before = local_word(c->b);
    ok &= !wf_try_incref_compare(&c->slot, c->b);
    ok &= shared_word(c->b) == before && local_word(c->b) == local_before;
    before = shared_word(c->a);
    ok &= wf_try_incref_compare(&c->slot, c->a);
    ok &= shared_word(c->a) == before + (1 << WF_REF_SHARED_SHIFT);
    wf_decref(c->a);
    ok &= shared_word(c->a) == before;
#else
    intptr_t before = c->b->ob_refcnt;
    ok &= !wf_try_incref_compare(&c->slot, c->b);
    ok &= c->b->ob_refcnt == before;
    ok &= wf_try_incref_compare(&c->slot, c->a);
    wf_decref(c->a);
#endif
    atomic_store(&c->ok, ok);
}

START_TEST(test_try_incref_compare_slot_changed) {
    cmp c = {.a = wtest_new_counted(), .b = wtest_new_counted()};
    allow_try_incref(c.a);
    allow_try_incref(c.b);
    atomic_store(&c.slot, c.a);
    /* owner: local counts unchanged on failure, +1 on success */
    intptr_t rb = wf_refcnt(c.b);
    ck_assert(!wf_try_incref_compare(&c.slot, c.b));
    ck_assert_int_eq(wf_refcnt(c.b), rb);
    ck_assert(wf_try_incref_compare(&c.slot, c.a));
    ck_assert_int_eq(wf_refcnt(c.a), 2);
    wf_decref(c.a);
    /* non-owner: shared words unchanged on failure */
    on_other_thread(compare_nonowner_fn, &c);
    ck_assert_msg(atomic_load(&c.ok), "non-owner try_incref_compare changed counts");
    /* wf_try_xget_ref / wf_xget_ref */
    wf_object *out = NULL;
    ck_assert(wf_try_xget_ref(&c.slot, &out));
    ck_assert_ptr_eq(out, c.a);
    wf_decref(out);
    wf_object *_Atomic empty = NULL;
    out = (wf_object *)1;
    ck_assert(wf_try_xget_ref(&empty, &out));
    ck_assert_ptr_null(out);
    ck_assert_ptr_null(wf_xget_ref(&empty));
    ck_assert_ptr_eq(wf_xget_ref(&c.slot), c.a);
    ck_assert_int_eq(wf_refcnt(c.a), 2);
    wf_decref(c.a);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(c.a);
    wf_decref(c.b);
    ck_assert_int_eq(dealloc_count(), 2);
}
END_TEST

#if WF_FREE_THREADED
/* A non-owner cannot try-incref an object still in DEFAULT with no shared
 * references (its owner may free it without a CAS): the reader must take
 * the locked path, whose incref moves the object to MAYBE_WEAKREF. */
static void locked_path_fn(int idx, void *arg) {
    cmp *c = arg;
    int ok = 1;
    wf_object *out = NULL;
    ok &= !wf_try_xget_ref(&c->slot, &out);
    ok &= shared_word(c->a) == 0;
    wf_incref_with_lock(c->a); /* as if under the container's lock */
    ok &= shared_word(c->a) == WF_REF_SHARED(1, WF_REF_MAYBE_WEAKREF);
    ok &= wf_try_xget_ref(&c->slot, &out) && out == c->a;
    wf_decref(out);
    wf_decref(c->a);
    ok &= shared_word(c->a) == WF_REF_SHARED(0, WF_REF_MAYBE_WEAKREF);
    atomic_store(&c->ok, ok);
}

START_TEST(test_try_xget_ref_needs_locked_path_from_default) {
    cmp c = {.a = wtest_new_counted()};
    atomic_store(&c.slot, c.a);
    on_other_thread(locked_path_fn, &c);
    ck_assert_msg(atomic_load(&c.ok), "locked-path protocol broken");
    wf_decref(c.a); /* MAYBE_WEAKREF, count 0: CAS merge, then freed */
    ck_assert_int_eq(dealloc_count(), 1);
}
END_TEST
#endif

/* Readers wf_xget_ref slots that writers swap; swapped-out objects are
 * freed normally (type-stable memory).  A reader must never get a freed
 * object, and every object is freed exactly once. */
#define XG_SLOTS 4
#define XG_WRITERS 2
#define XG_READERS 4

typedef struct xg {
    wf_object *_Atomic slots[XG_SLOTS];
    long writes_per_writer;
    long reads_per_reader;
    _Atomic long next_id;
    _Atomic long bad;
    _Atomic long got;
    _Atomic int writers_done;
} xg;

static tracked *xg_new(xg *x) {
    tracked *o = tracked_new(atomic_fetch_add(&x->next_id, 1));
    allow_try_incref(&o->ob); /* published for lock-free readers */
    return o;
}

static void xg_fn(int idx, void *arg) {
    xg *x = arg;
    wft_thread *t = wft_current();
    if (idx < XG_WRITERS) {
        for (long i = 0; i < x->writes_per_writer; i++) {
            tracked *o = xg_new(x);
            wf_object *old = atomic_exchange(&x->slots[(i + idx) % XG_SLOTS], &o->ob);
            wf_decref(old);
            if ((i & 15) == 0) wft_safepoint(t);
        }
        atomic_fetch_add(&x->writers_done, 1);
        return;
    }
    long bad = 0, got = 0;
    for (long i = 0; i < x->reads_per_reader || atomic_load(&x->writers_done) < XG_WRITERS;
         i++) {
        wf_object *_Atomic *slot = &x->slots[(i + idx) % XG_SLOTS];
        wf_object *op = NULL;
        if (i & 1) {
            op = wf_xget_ref(slot);
        } else if (!wf_try_xget_ref(slot, &op)) {
            op = NULL;
        }
        if (op != NULL) {
            tracked *o = (tracked *)op;
            if (atomic_load_explicit(&o->magic, memory_order_relaxed) != MAGIC_LIVE) bad++;
            got++;
            wf_decref(op);
        }
        if ((i & 15) == 0) wft_safepoint(t);
    }
    atomic_fetch_add(&x->bad, bad);
    atomic_fetch_add(&x->got, got);
}

START_TEST(test_xget_ref_never_returns_freed) {
    static xg x;
    x.writes_per_writer = wtest_scale(30000);
    x.reads_per_reader = wtest_scale(60000);
    long total = XG_SLOTS + XG_WRITERS * x.writes_per_writer;
    marks_alloc(total);
    for (int s = 0; s < XG_SLOTS; s++) atomic_store(&x.slots[s], &xg_new(&x)->ob);
    wtest_run_threads(XG_WRITERS + XG_READERS, xg_fn, &x);
    ck_assert_int_eq(atomic_load(&x.bad), 0);
    ck_assert_int_gt(atomic_load(&x.got), 0);
    for (int s = 0; s < XG_SLOTS; s++) wf_decref(atomic_exchange(&x.slots[s], NULL));
    /* The first objects were ours: writers queued them to us. */
    wft_safepoint(wft_current());
    ck_assert_int_eq(atomic_load(&x.next_id), total);
    ck_assert_int_eq(dealloc_count(), total);
    marks_check_all_once(total);
    marks_free();
}
END_TEST

/* ---------------------------------------------------------------------------
 * Unregistered threads (decision documented in refcounting.md): their
 * objects start merged with a count of 1.
 * ------------------------------------------------------------------------- */

static void *unregistered_main(void *arg) {
    wf_object **out = arg;
    wf_object *op = wfm_object_alloc(sizeof(wf_object));
    wf_object_init(op, &wtest_counted_type);
    out[0] = op;
    /* drop a reference to an object owned by a registered thread */
    wf_decref(out[1]);
    return NULL;
}

START_TEST(test_unregistered_thread_objects) {
    wf_object *objs[2] = {NULL, wtest_new_counted()};
    wf_incref(objs[1]);
    wtest_run_unregistered(unregistered_main, objs);
    wft_safepoint(wft_current()); /* merges the queued reference, if any */
    ck_assert_int_eq(wf_refcnt(objs[1]), 1);
    ck_assert_int_eq(wf_refcnt(objs[0]), 1);
#if WF_FREE_THREADED
    ck_assert_uint_eq(tid_word(objs[0]), 0);
    ck_assert_int_eq(shared_word(objs[0]), WF_REF_SHARED(1, WF_REF_MERGED));
#endif
    wf_incref(objs[0]);
    wf_decref(objs[0]);
    ck_assert_int_eq(dealloc_count(), 0);
    wf_decref(objs[0]);
    ck_assert_int_eq(dealloc_count(), 1);
    wf_decref(objs[1]);
    ck_assert_int_eq(dealloc_count(), 2);
}
END_TEST

static Suite *refcount_suite(void) {
    Suite *s = suite_create("refcount");
    TCase *tc = wtest_add_tcase(s, "storms", 0);
    tcase_add_test(tc, test_storm_exact_count);
    tcase_add_test(tc, test_storm_owner_and_others);
    tcase_add_test(tc, test_cross_thread_release_owners_alive);
    tcase_add_test(tc, test_cross_thread_release_owners_exit);
    tcase_add_test(tc, test_immortal_storm);

    tc = wtest_add_tcase(s, "merge_queue", 0);
    tcase_add_test(tc, test_merge_queue_owner_alive);
    tcase_add_test(tc, test_merge_queue_many_to_one_owner);
    tcase_add_test(tc, test_merge_queue_drained_at_owner_exit);
    tcase_add_test(tc, test_merge_after_owner_exited);
#if WF_FREE_THREADED
    tcase_add_test(tc, test_merge_queue_world_stopped);
#endif
    tcase_add_test(tc, test_unregistered_thread_objects);

    tc = wtest_add_tcase(s, "states", 0);
#if WF_FREE_THREADED
    tcase_add_test(tc, test_state_owner_paths);
    tcase_add_test(tc, test_state_machine_walk);
    tcase_add_test(tc, test_states_never_go_down);
    tcase_add_test(tc, test_deferred_survives_storms);
    tcase_add_test(tc, test_deferred_clear_while_owned);
    tcase_add_test(tc, test_deferred_clear_negative_goes_through_queue);
    tcase_add_test(tc, test_try_xget_ref_needs_locked_path_from_default);
#else
    tcase_add_test(tc, test_deferred_is_noop_with_gil);
#endif
    tcase_add_test(tc, test_try_incref_dead_fields);
    tcase_add_test(tc, test_try_incref_compare_slot_changed);
    tcase_add_test(tc, test_xget_ref_never_returns_freed);
    return s;
}

int main(void) { return wtest_run_suite(refcount_suite()); }
