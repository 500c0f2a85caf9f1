/*
 * tests/unit/test_perthread.c — per-thread reference counting
 * (runtime/memory/perthread.c, the inline paths in weft/object.h, and the
 * collector's side in runtime/vm/gc.c) through the C API.
 *
 * What is checked (free-threaded flavour):
 *   - wf_perthread_enable by the owner converts at once with the count
 *     unchanged; increfs and decrefs from the owner, other registered
 *     threads and unregistered threads keep wf_refcnt exact, also after
 *     the threads exit (their slots are folded into the shared count);
 *   - an object that has no owner any more (merged) is converted at once;
 *   - a per-thread object is not freed when its count reaches 0: the next
 *     wfv_gc_collect() frees it exactly once and wfm_perthread_live drops;
 *   - garbage cycles containing per-thread containers are collected; a
 *     per-thread object reachable from a live object survives with an
 *     exact count, also while another thread holds counts in its slots;
 *   - wf_perthread_request (and wf_perthread_enable by a non-owner) change
 *     nothing until a conversion pause (wfm_perthread_service, rate-limited
 *     to one per 2 ms), which converts with the count unchanged; a
 *     requested object that dies before the pause (directly or through its
 *     owner's merge queue) leaves the pending list and is freed once, and
 *     a new object in its memory is not converted;
 *   - 8 threads incref/decref per-thread objects while the main thread (or
 *     a thread of its own) collects in a loop, and while the object is
 *     converted under them (by its owner, or at a pause one of them asks
 *     for): exact counts, no crash (also run under TSan);
 *   - an unregistered thread's counts go to the shared field, which may go
 *     below zero while slots hold the rest;
 *   - the VM's load hint requests an object at a non-owner's second load
 *     of it, not its first (a value replaced as soon as it is read causes
 *     no request);
 *   - immortal and deferred objects are never converted; wf_set_immortal
 *     and wf_set_deferred leave a per-thread object per-thread.
 * GIL flavour: every function is a harmless no-op (nothing is per-thread,
 * counts and deallocation behave as before).
 *
 * Waiting threads wait detached (WTEST_WAIT_FOR), loops call
 * wft_safepoint, so a collection (stop-the-world) never waits on a spinner.
 * Automatic collection is switched off: only the explicit ones run.
 */
#include <stddef.h>
#include <stdlib.h>

#include "runtime/memory/perthread.h"
#include "runtime/memory/refcount.h"
#include "runtime/objects/objimpl.h"
#include "runtime/vm/gc.h"
#include "runtime/vm/vm.h"
#include "wtest.h"

#define NTHREADS 8

/* ---------------------------------------------------------------------------
 * Helpers: a container type with a traverse ("Box", one reference) that
 * counts its deallocations; wtest_counted_type has no traverse.
 * ------------------------------------------------------------------------- */

typedef struct box {
    wf_object ob_base;
    wf_object *_Atomic ref;
} box;

static _Atomic long box_deallocs;

static int box_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_object *r = atomic_load_explicit(&((box *)o)->ref, memory_order_relaxed);
    return r ? visit(r, arg) : 0;
}

static int box_clear(wf_object *o) {
    wf_object *r = atomic_exchange(&((box *)o)->ref, NULL);
    wf_xdecref(r);
    return 0;
}

static void box_dealloc(wf_object *o) {
    box_clear(o);
    atomic_fetch_add(&box_deallocs, 1);
    wfm_object_free(o);
}

static wf_type box_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "PTBox",
    .tp_basicsize = sizeof(box),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = box_dealloc,
    .tp_traverse = box_traverse,
    .tp_clear = box_clear,
};

static wf_object *box_new(wf_object *ref) {
    wf_object *b = wfo_alloc(&box_type, sizeof(box));
    ck_assert_ptr_nonnull(b);
    atomic_store(&((box *)b)->ref, wf_xnewref(ref));
    return b;
}

static void box_set(wf_object *b, wf_object *ref) {
    wf_object *old = atomic_exchange(&((box *)b)->ref, wf_xnewref(ref));
    wf_xdecref(old);
}

static long counted(void) { return atomic_load(&wtest_dealloc_count); }

/* For test types without a traverse: counts like wtest_counted_type. */
static void counted_dealloc_fwd(wf_object *op) {
    atomic_fetch_add(&wtest_dealloc_count, 1);
    wfm_object_free(op);
}

/* Only explicit collections in these tests. */
static void reset(void) {
    atomic_store(&box_deallocs, 0);
    wfv_gc_set_enabled(false);
}

/* Objects the collector (or a pause) left for this thread's merge queue
 * are freed at its next breaker check: drain it. */
static void settle(void) { wft_handle_eval_breaker(wft_current()); }

static void collect(void) {
    wfv_gc_collect();
    settle();
}

/* Enable and check the mode (the GIL flavour: a no-op). */
static void enable_checked(wf_object *op) {
    intptr_t before = wf_refcnt(op);
    wf_perthread_enable(op);
#if WF_FREE_THREADED
    ck_assert_msg(wf_is_perthread(op), "wf_perthread_enable by the owner did not convert");
    ck_assert(wf_gc_bits(op) & WF_GC_PT_WANTED);
#else
    ck_assert(!wf_is_perthread(op));
#endif
    ck_assert_int_eq(wf_refcnt(op), before);
    ck_assert_int_eq(wfm_perthread_count(op), before);
}

static void incref_n(wf_object *op, long n) {
    for (long i = 0; i < n; i++) wf_incref(op);
}

static void decref_n(wf_object *op, long n) {
    for (long i = 0; i < n; i++) wf_decref(op);
}

/* ---------------------------------------------------------------------------
 * 1. Conversion by the owner; counts from every kind of thread
 * ------------------------------------------------------------------------- */

typedef struct counts_arg {
    wf_object *op;
    _Atomic int ready;
    _Atomic int go;
} counts_arg;

/* Each thread takes 500 references, waits until the main thread has
 * checked the sum, drops 300 of them and exits holding 200. */
static void counts_fn(int idx, void *p) {
    (void)idx;
    counts_arg *a = p;
    incref_n(a->op, 500);
    ck_assert_int_ge(wf_refcnt(a->op), 501);
    atomic_fetch_add(&a->ready, 1);
    WTEST_WAIT_FOR(atomic_load(&a->go));
    decref_n(a->op, 300);
}

static void *unregistered_fn(void *p) {
    wf_object *op = p;
    incref_n(op, 10);
    decref_n(op, 3);
    return NULL;
}

START_TEST(test_enable_owned_counts_exact) {
    reset();
    size_t live0 = wfm_perthread_live();
    wf_object *op = wtest_new_counted();
    incref_n(op, 2); /* 3 */
    enable_checked(op);
#if WF_FREE_THREADED
    ck_assert_int_eq(wfm_perthread_live(), live0 + 1);
    ck_assert_uint_eq(atomic_load(&op->ob_tid), WF_TID_PERTHREAD);
    wf_perthread_enable(op); /* twice: nothing more */
    ck_assert_int_eq(wfm_perthread_live(), live0 + 1);
#else
    ck_assert_int_eq(wfm_perthread_live(), 0);
#endif
    ck_assert_int_eq(wf_refcnt(op), 3);

    /* the owner */
    incref_n(op, 1000);
    ck_assert_int_eq(wf_refcnt(op), 1003);
    decref_n(op, 1000);
    ck_assert_int_eq(wf_refcnt(op), 3);

    /* four other threads, counted while they live and after they exit */
    counts_arg a = {.op = op};
    wtest_group *g = wtest_start_threads(4, counts_fn, &a);
    WTEST_WAIT_FOR(atomic_load(&a.ready) == 4);
    ck_assert_int_eq(wf_refcnt(op), 3 + 4 * 500);
    atomic_store(&a.go, 1);
    wtest_join_threads(g);
    ck_assert_int_eq(wf_refcnt(op), 3 + 4 * 200); /* exited: slots folded */
    /* the owner drops what the exited threads took */
    decref_n(op, 4 * 200);
    ck_assert_int_eq(wf_refcnt(op), 3);

    /* an unregistered thread (no slots: the shared field) */
    wtest_run_unregistered(unregistered_fn, op);
    ck_assert_int_eq(wf_refcnt(op), 10);
    decref_n(op, 7);
    ck_assert_int_eq(wf_refcnt(op), 3);

    /* a collection with the object alive changes nothing */
    collect();
    ck_assert_int_eq(wf_refcnt(op), 3);
    ck_assert(wf_is_perthread(op) == (bool)WF_FREE_THREADED);
    ck_assert_int_eq(counted(), 0);

    decref_n(op, 3);
    ck_assert_int_eq(counted(), WF_FREE_THREADED ? 0 : 1);
    collect();
    ck_assert_int_eq(counted(), 1);
    ck_assert_int_eq(wfm_perthread_live(), live0);
}
END_TEST

static void take_one_fn(int idx, void *p) {
    (void)idx;
    wf_incref(p); /* kept: the thread exits holding it */
}

/* An object whose owner's local count went to 0 while another thread held
 * a reference is merged (no owner): anyone holding a reference converts it
 * at once. */
/* The creator's conversion (wf_perthread_enable_for_threads): while the
 * process has had one thread it only marks the object, which keeps its
 * biased count; the first thread's preparation converts every marked
 * object still alive, with its count exact, and skips dead ones; after it,
 * creators convert at once.  Each test runs in a fresh process (Check's
 * fork mode), where only this thread has registered; in a run without
 * fork an earlier test may have ended the marking, and then only the
 * second part is checked. */
START_TEST(test_enable_for_threads_marks_until_first_thread) {
    reset();
#if WF_FREE_THREADED
    if (wfm_perthread_marking()) {
        wf_object *op = wtest_new_counted();
        incref_n(op, 2); /* 3 */
        wf_perthread_enable_for_threads(op);
        ck_assert(!wf_is_perthread(op));
        ck_assert(op->ob_flags & WF_OBJ_PT_LATER);
        ck_assert_uint_eq(atomic_load(&op->ob_tid), wft_tls_index);
        wf_object *gone = wtest_new_counted();
        wf_perthread_enable_for_threads(gone);
        long deallocs = atomic_load(&wtest_dealloc_count);
        wf_decref(gone); /* an owned object dies at once */
        ck_assert_int_eq(atomic_load(&wtest_dealloc_count), deallocs + 1);
        size_t live0 = wfm_perthread_live();
        wfm_perthread_before_threads();
        ck_assert(!wfm_perthread_marking());
        ck_assert(wf_is_perthread(op));
        ck_assert_int_eq(wfm_perthread_live(), live0 + 1);
        ck_assert_int_eq(wf_refcnt(op), 3);
        ck_assert_int_eq(wfm_perthread_count(op), 3);
        wf_decref(op);
        wf_decref(op);
        wf_decref(op);
    }
    wfm_perthread_before_threads(); /* again: nothing more */
    ck_assert(!wfm_perthread_marking());
    wf_object *later = wtest_new_counted();
    wf_perthread_enable_for_threads(later);
    ck_assert(wf_is_perthread(later));
    ck_assert_int_eq(wf_refcnt(later), 1);
    wf_decref(later);
#else
    wf_object *op = wtest_new_counted();
    wf_perthread_enable_for_threads(op);
    wfm_perthread_before_threads();
    ck_assert(!wf_is_perthread(op));
    ck_assert(!wfm_perthread_marking());
    wf_decref(op);
#endif
}
END_TEST

START_TEST(test_enable_merged_object) {
    reset();
    wf_object *op = wtest_new_counted();
    wtest_run_threads(1, take_one_fn, op);
    ck_assert_int_eq(wf_refcnt(op), 2);
    wf_decref(op); /* local 0, shared 1: merged */
#if WF_FREE_THREADED
    ck_assert_uint_eq(atomic_load(&op->ob_tid), 0);
#endif
    wf_incref(op); /* our reference again (shared) */
    enable_checked(op);
    ck_assert_int_eq(wf_refcnt(op), 2);
    decref_n(op, 2);
    collect();
    ck_assert_int_eq(counted(), 1);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 2. Freed only by the collector
 * ------------------------------------------------------------------------- */

START_TEST(test_freed_by_collector) {
    reset();
    size_t live0 = wfm_perthread_live();
    wf_object *objs[16];
    for (int i = 0; i < 16; i++) {
        objs[i] = wtest_new_counted();
        enable_checked(objs[i]);
    }
    ck_assert_int_eq(wfm_perthread_live(), WF_FREE_THREADED ? live0 + 16 : 0);
    for (int i = 0; i < 16; i++) wf_decref(objs[i]);
#if WF_FREE_THREADED
    /* count 0, not freed: only a pause can fold every thread's slots */
    ck_assert_int_eq(counted(), 0);
    ck_assert_int_eq(wf_refcnt(objs[0]), 0);
    ck_assert(wf_is_perthread(objs[0]));
    ck_assert_int_eq(wfm_perthread_live(), live0 + 16);
#endif
    collect();
    ck_assert_int_eq(counted(), 16);
    ck_assert_int_eq(wfm_perthread_live(), live0);
    collect(); /* and never again */
    ck_assert_int_eq(counted(), 16);

    /* ids are reused: a new round converts and frees the same way */
    for (int i = 0; i < 16; i++) {
        objs[i] = wtest_new_counted();
        enable_checked(objs[i]);
        wf_decref(objs[i]);
    }
    collect();
    ck_assert_int_eq(counted(), 32);
    ck_assert_int_eq(wfm_perthread_live(), live0);
}
END_TEST

/* Counts taken on another thread and released on the owner (the slots
 * hold +n and -n): the object dies at the collection after, not before. */
static void take_many_fn(int idx, void *p) {
    (void)idx;
    incref_n(p, 50);
}

START_TEST(test_slots_balanced_across_threads) {
    reset();
    wf_object *op = wtest_new_counted();
    enable_checked(op);
    wtest_run_threads(1, take_many_fn, op);
    collect();
    ck_assert_int_eq(wf_refcnt(op), 51);
    decref_n(op, 51); /* shared 51 (1 + the exited thread's 50), our slot -51 */
    ck_assert_int_eq(wf_refcnt(op), 0);
    ck_assert_int_eq(counted(), WF_FREE_THREADED ? 0 : 1);
    collect();
    ck_assert_int_eq(counted(), 1);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 3. Cycles and reachability
 * ------------------------------------------------------------------------- */

START_TEST(test_cycles_with_perthread_objects) {
    reset();
    size_t live0 = wfm_perthread_live();
    /* a 2-cycle of per-thread boxes */
    wf_object *a = box_new(NULL);
    wf_object *b = box_new(a);
    box_set(a, b);
    enable_checked(a);
    enable_checked(b);
    /* a per-thread self-cycle */
    wf_object *c = box_new(NULL);
    box_set(c, c);
    enable_checked(c);
    /* d (per-thread) -> e (ordinary box) -> l (ordinary list) -> d */
    wf_object *d = box_new(NULL);
    wf_object *l = wf_list_new(0);
    wf_object *e = box_new(l);
    ck_assert_int_eq(wf_list_append(l, d), 0);
    box_set(d, e);
    enable_checked(d);
    /* a per-thread object without a traverse hanging off the garbage */
    wf_object *leaf = wtest_new_counted();
    enable_checked(leaf);
    ck_assert_int_eq(wf_list_append(l, leaf), 0);
    wf_decref(leaf);
    wf_decref(a);
    wf_decref(b);
    wf_decref(c);
    wf_decref(d);
    wf_decref(e);
    wf_decref(l);
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    ck_assert_int_eq(counted(), 0);
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 5);
    /* The leaf is no candidate (no traverse): the clear of the garbage
     * takes its count to 0 after this collection looked for dead
     * per-thread objects, so the next one frees it. */
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 5);
    ck_assert_int_eq(counted(), 1);
    ck_assert_int_eq(wfm_perthread_live(), live0);
    ck_assert_int_eq(wfv_gc_collect(), 0);
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 5);
}
END_TEST

START_TEST(test_reachable_perthread_survives) {
    reset();
    /* live ordinary box -> per-thread box -> per-thread counted object */
    wf_object *p = wtest_new_counted();
    enable_checked(p);
    wf_object *inner = box_new(p);
    enable_checked(inner);
    wf_object *holder = box_new(inner);
    wf_decref(inner);
    wf_decref(p);
    ck_assert_int_eq(wf_refcnt(inner), 1);
    ck_assert_int_eq(wf_refcnt(p), 1);
    collect();
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    ck_assert_int_eq(counted(), 0);
    ck_assert_int_eq(wf_refcnt(inner), 1);
    ck_assert_int_eq(wf_refcnt(p), 1);
    ck_assert(wf_is_perthread(inner) == (bool)WF_FREE_THREADED);
    ck_assert(wf_is_perthread(p) == (bool)WF_FREE_THREADED);
    ck_assert_ptr_eq(atomic_load(&((box *)holder)->ref), inner);
    ck_assert_ptr_eq(atomic_load(&((box *)inner)->ref), p);

    /* a per-thread box held only by a live per-thread box */
    wf_object *top = box_new(NULL);
    enable_checked(top);
    wf_object *mid = box_new(p);
    enable_checked(mid);
    box_set(top, mid);
    wf_decref(mid);
    /* inner's count: 0 (freed at the next collection; with the GIL, now) */
    box_set(holder, NULL);
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 1); /* inner */
    ck_assert_int_eq(counted(), 0);
    ck_assert_int_eq(wf_refcnt(mid), 1);
    ck_assert_int_eq(wf_refcnt(p), 1);

    wf_decref(top);
    wf_decref(holder);
    collect();
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 4);
    ck_assert_int_eq(counted(), 1);
}
END_TEST

/* A thread holds counts in its slots (alive, waiting) during collections. */
typedef struct hold_arg {
    wf_object *op;
    _Atomic int held;
    _Atomic int release;
} hold_arg;

static void hold_fn(int idx, void *p) {
    (void)idx;
    hold_arg *h = p;
    incref_n(h->op, 10);
    atomic_store(&h->held, 1);
    WTEST_WAIT_FOR(atomic_load(&h->release));
    ck_assert_int_eq(wf_refcnt(h->op), 10);
    decref_n(h->op, 10);
}

START_TEST(test_slots_of_live_thread_survive_collection) {
    reset();
    wf_object *op = box_new(NULL);
    box_set(op, op); /* a self-cycle: only the other thread's counts keep it */
    enable_checked(op);
    hold_arg h = {.op = op};
    wtest_group *g = wtest_start_threads(1, hold_fn, &h);
    WTEST_WAIT_FOR(atomic_load(&h.held));
    wf_decref(op); /* our slot: -1; the other's: +10; shared: 2 */
    ck_assert_int_eq(wf_refcnt(op), 11);
    collect();
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    ck_assert_int_eq(wf_refcnt(op), 11);
    box_set(op, NULL); /* break the cycle: the thread's 10 are all */
    ck_assert_int_eq(wf_refcnt(op), 10);
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    atomic_store(&h.release, 1);
    wtest_join_threads(g);
    ck_assert_int_eq(atomic_load(&box_deallocs), WF_FREE_THREADED ? 0 : 1);
    collect();
    ck_assert_int_eq(atomic_load(&box_deallocs), 1);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 4. Requests from non-owners and the conversion pause
 * ------------------------------------------------------------------------- */

typedef struct req_arg {
    wf_object *op;
    bool use_enable;   /* wf_perthread_enable instead of _request */
    bool service_here; /* run the pause on this thread */
    bool drop;         /* drop the reference the main thread handed over */
} req_arg;

static void request_fn(int idx, void *p) {
    (void)idx;
    req_arg *r = p;
    wf_object *op = r->op;
    intptr_t before = wf_refcnt(op);
    if (!r->drop) wf_incref(op);
    if (r->use_enable)
        wf_perthread_enable(op); /* not the owner: a request */
    else
        wf_perthread_request(op);
    ck_assert(!wf_is_perthread(op));
#if WF_FREE_THREADED
    ck_assert(wf_gc_bits(op) & WF_GC_PT_WANTED);
    ck_assert(wft_eval_breaker_get(wft_current()) & WFT_EB_PERTHREAD);
#endif
    ck_assert_int_eq(wf_refcnt(op), r->drop ? before : before + 1);
    if (r->service_here) {
        wtest_sleep_ms(3); /* past the rate limit of any earlier pause */
        wfm_perthread_service();
        ck_assert(wf_is_perthread(op) == (bool)WF_FREE_THREADED);
        ck_assert(!(wft_eval_breaker_get(wft_current()) & WFT_EB_PERTHREAD));
        ck_assert_int_eq(wf_refcnt(op), before + 1);
    }
    wf_decref(op);
}

static void run_request(bool use_enable, bool service_here) {
    reset();
    wf_object *op = wtest_new_counted();
    incref_n(op, 4); /* 5, all local */
    req_arg r = {.op = op, .use_enable = use_enable, .service_here = service_here};
    wtest_run_threads(1, request_fn, &r);
    if (!service_here) {
        /* nothing changed yet */
        ck_assert(!wf_is_perthread(op));
        ck_assert_int_eq(wf_refcnt(op), 5);
        incref_n(op, 3);
        decref_n(op, 3);
        ck_assert(!wf_is_perthread(op));
        wtest_sleep_ms(3);
        wfm_perthread_service();
    }
    ck_assert(wf_is_perthread(op) == (bool)WF_FREE_THREADED);
    ck_assert_int_eq(wf_refcnt(op), 5);
    incref_n(op, 7);
    ck_assert_int_eq(wf_refcnt(op), 12);
    /* a second request or enable of a converted object does nothing */
    wf_perthread_request(op);
    wf_perthread_enable(op);
    decref_n(op, 12);
    ck_assert_int_eq(counted(), WF_FREE_THREADED ? 0 : 1);
    collect();
    ck_assert_int_eq(counted(), 1);
}

START_TEST(test_request_converted_at_pause) { run_request(false, false); }
END_TEST

START_TEST(test_enable_by_nonowner_is_request) { run_request(true, false); }
END_TEST

START_TEST(test_request_serviced_by_requester) { run_request(false, true); }
END_TEST

/* The owner has exited: the pause converts an object nobody runs for. */
static wf_object *_Atomic orphan;

static void make_orphan_fn(int idx, void *p) {
    (void)idx, (void)p;
    wf_object *op = wtest_new_counted();
    wf_incref(op); /* 2: the thread exits owning it */
    atomic_store(&orphan, op);
}

START_TEST(test_request_owner_exited) {
    reset();
    wtest_run_threads(1, make_orphan_fn, NULL);
    wf_object *op = atomic_load(&orphan);
    ck_assert_int_eq(wf_refcnt(op), 2);
    wf_perthread_request(op);
    ck_assert(!wf_is_perthread(op));
    wtest_sleep_ms(3);
    wfm_perthread_service();
    ck_assert(wf_is_perthread(op) == (bool)WF_FREE_THREADED);
    ck_assert_int_eq(wf_refcnt(op), 2);
    decref_n(op, 2);
    collect();
    ck_assert_int_eq(counted(), 1);
}
END_TEST

/* A requested object dies before the pause, freed directly by its owner. */
START_TEST(test_request_dies_before_pause) {
    reset();
    wf_object *op = wtest_new_counted();
    req_arg r = {.op = op};
    wtest_run_threads(1, request_fn, &r); /* incref, request, decref */
    ck_assert(!wf_is_perthread(op));
    ck_assert_int_eq(wf_refcnt(op), 1);
    wf_decref(op); /* freed now; the pending entry must go with it */
    ck_assert_int_eq(counted(), 1);
    /* likely the same memory: a stale entry would convert it */
    wf_object *fresh = wtest_new_counted();
    wtest_sleep_ms(3);
    wfm_perthread_service();
    ck_assert(!wf_is_perthread(fresh));
#if WF_FREE_THREADED
    ck_assert(!(wf_gc_bits(fresh) & WF_GC_PT_WANTED));
#endif
    ck_assert_int_eq(wf_refcnt(fresh), 1);
    collect();
    ck_assert_int_eq(counted(), 1);
    wf_decref(fresh);
    ck_assert_int_eq(counted(), 2);
}
END_TEST

/* ... or dropped by the requester, the non-owner, with the last reference:
 * the owner's merge queue frees it (during or after the pause). */
START_TEST(test_request_dies_in_merge_queue) {
    reset();
    wf_object *op = wtest_new_counted();
    req_arg r = {.op = op, .drop = true};
    wtest_run_threads(1, request_fn, &r); /* request, then the last decref */
    wtest_sleep_ms(3);
    wfm_perthread_service();
    settle();
    ck_assert_int_eq(counted(), 1);
    wf_object *fresh = wtest_new_counted();
    wtest_sleep_ms(3);
    wfm_perthread_service();
    ck_assert(!wf_is_perthread(fresh));
    collect();
    ck_assert_int_eq(counted(), 1);
    wf_decref(fresh);
    ck_assert_int_eq(counted(), 2);
}
END_TEST

/* Requests are ignored for objects whose death a program may observe: a
 * type with a finalizer, or with weak references. */
static void noop_finalize(wf_object *o) { (void)o; }

static wf_type fin_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "PTFinalized",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = counted_dealloc_fwd,
    .tp_finalize = noop_finalize,
};

static wf_type weak_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "PTWeak",
    .tp_basicsize = sizeof(box),
    .tp_weaklistoffset = offsetof(box, ref), /* stands in for a list head */
    .tp_dealloc = counted_dealloc_fwd,
};

static void request_observable_fn(int idx, void *p) {
    wf_object *op = ((wf_object **)p)[idx];
    wf_incref(op);
    wf_perthread_request(op);
#if WF_FREE_THREADED
    ck_assert(!(wf_gc_bits(op) & WF_GC_PT_WANTED));
    ck_assert(!(wft_eval_breaker_get(wft_current()) & WFT_EB_PERTHREAD));
#endif
    wf_decref(op);
}

START_TEST(test_request_ignored_when_death_observable) {
    reset();
    wf_object *objs[2];
    objs[0] = wfm_object_alloc(sizeof(wf_object));
    ck_assert_ptr_nonnull(objs[0]);
    wf_object_init(objs[0], &fin_type);
    objs[1] = wfm_object_alloc(sizeof(box));
    ck_assert_ptr_nonnull(objs[1]);
    wf_object_init(objs[1], &weak_type);
    atomic_store(&((box *)objs[1])->ref, NULL);
    wtest_run_threads(2, request_observable_fn, objs);
    wtest_sleep_ms(3);
    wfm_perthread_service();
    for (int k = 0; k < 2; k++) {
        ck_assert(!wf_is_perthread(objs[k]));
        ck_assert_int_eq(wf_refcnt(objs[k]), 1);
        wf_decref(objs[k]); /* dies at once */
        ck_assert_int_eq(counted(), k + 1);
    }
}
END_TEST

/* Requests from many threads for the same objects: one conversion each. */
typedef struct many_req {
    wf_object *objs[32];
} many_req;

static void many_request_fn(int idx, void *p) {
    many_req *m = p;
    for (int k = 0; k < 32; k++) {
        wf_object *op = m->objs[(k + idx) % 32];
        wf_incref(op);
        wf_perthread_request(op);
        wf_decref(op);
    }
    /* half of the threads run the pause (the rate limit may skip it) */
    if (idx % 2 == 0) {
        wtest_sleep_ms(3);
        wfm_perthread_service();
    }
}

START_TEST(test_many_requesters) {
    reset();
    size_t live0 = wfm_perthread_live();
    many_req m;
    for (int k = 0; k < 32; k++) m.objs[k] = wtest_new_counted();
    wtest_run_threads(NTHREADS, many_request_fn, &m);
    wtest_sleep_ms(3);
    wfm_perthread_service();
    for (int k = 0; k < 32; k++) {
        ck_assert(wf_is_perthread(m.objs[k]) == (bool)WF_FREE_THREADED);
        ck_assert_int_eq(wf_refcnt(m.objs[k]), 1);
    }
    ck_assert_int_eq(wfm_perthread_live(), WF_FREE_THREADED ? live0 + 32 : 0);
    for (int k = 0; k < 32; k++) wf_decref(m.objs[k]);
    collect();
    ck_assert_int_eq(counted(), 32);
    ck_assert_int_eq(wfm_perthread_live(), live0);
}
END_TEST

/* The VM's load hint (wf_perthread_note_shared_load) requests an object a
 * non-owner loads only at its second such load: the first one marks it.
 * A value loaded once and then replaced -- a shared counter -- causes no
 * request, no pending entry and no pause; a new object in the memory of a
 * marked one starts unmarked. */
static void note_fn(int idx, void *p) {
    (void)idx;
    wf_object **objs = p;
    /* objs[0]: loaded twice */
    wf_incref(objs[0]);
    wf_perthread_note_shared_load(objs[0]);
#if WF_FREE_THREADED
    ck_assert(atomic_load(&objs[0]->ob_flags) & WF_OBJ_PT_SEEN);
    ck_assert(!(wf_gc_bits(objs[0]) & WF_GC_PT_WANTED));
    ck_assert(!(wft_eval_breaker_get(wft_current()) & WFT_EB_PERTHREAD));
#endif
    wf_perthread_note_shared_load(objs[0]);
#if WF_FREE_THREADED
    ck_assert(wf_gc_bits(objs[0]) & WF_GC_PT_WANTED);
    ck_assert(wft_eval_breaker_get(wft_current()) & WFT_EB_PERTHREAD);
#endif
    wf_decref(objs[0]);
    /* objs[1]: loaded once, its reference dropped here (the last one) */
    wf_perthread_note_shared_load(objs[1]);
#if WF_FREE_THREADED
    ck_assert(!(wf_gc_bits(objs[1]) & WF_GC_PT_WANTED));
#endif
    wf_decref(objs[1]);
}

START_TEST(test_note_requests_at_second_load) {
    reset();
    wf_object *objs[2] = {wtest_new_counted(), wtest_new_counted()};
    wtest_run_threads(1, note_fn, objs);
    settle(); /* objs[1] dies in our merge queue */
    ck_assert_int_eq(counted(), 1);
    wtest_sleep_ms(3);
    wfm_perthread_service();
    ck_assert(wf_is_perthread(objs[0]) == (bool)WF_FREE_THREADED);
    ck_assert_int_eq(wf_refcnt(objs[0]), 1);
    /* likely objs[1]'s memory: unmarked, and one load only marks it */
    wf_object *fresh = wtest_new_counted();
#if WF_FREE_THREADED
    ck_assert(!(atomic_load(&fresh->ob_flags) & WF_OBJ_PT_SEEN));
#endif
    wf_decref(fresh);
    wf_decref(objs[0]);
    collect();
    ck_assert_int_eq(counted(), 3);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 5. Threads count while the main thread collects
 * ------------------------------------------------------------------------- */

typedef struct storm {
    wf_object *leaf; /* per-thread, no traverse */
    wf_object *bx;   /* per-thread box in a self-cycle */
    wf_object *list; /* an ordinary list holding both */
    _Atomic int done;
} storm;

static void storm_fn(int idx, void *p) {
    storm *s = p;
    wft_thread *t = wft_current();
    long n = wtest_scale(50000);
    for (long i = 0; i < n; i++) {
        wf_incref(s->leaf);
        wf_incref(s->bx);
        wf_incref(s->leaf);
        wf_decref(s->leaf);
        /* a read through a container: try-incref of a per-thread item */
        wf_object *x = wf_list_get_item(s->list, i & 1);
        ck_assert_ptr_nonnull(x);
        wf_decref(x);
        wf_decref(s->bx);
        wf_decref(s->leaf);
        if ((i & 255) == 0) {
            ck_assert_int_ge(wf_refcnt(s->leaf), 2);
            wft_safepoint(t);
        }
    }
    /* each thread exits holding idx + 1 references to each */
    incref_n(s->leaf, idx + 1);
    incref_n(s->bx, idx + 1);
    atomic_fetch_add(&s->done, 1);
}

START_TEST(test_counts_while_collecting) {
    reset();
    storm s = {0};
    s.leaf = wtest_new_counted();
    enable_checked(s.leaf);
    s.bx = box_new(NULL);
    box_set(s.bx, s.bx);
    enable_checked(s.bx);
    s.list = wf_list_new(0);
    ck_assert_int_eq(wf_list_append(s.list, s.leaf), 0);
    ck_assert_int_eq(wf_list_append(s.list, s.bx), 0);
    wtest_group *g = wtest_start_threads(NTHREADS, storm_fn, &s);
    int rounds = 0;
    while (atomic_load(&s.done) < NTHREADS) {
        collect();
        rounds++;
        ck_assert_int_ge(wf_refcnt(s.leaf), 2);
        ck_assert_int_ge(wf_refcnt(s.bx), 3);
    }
    wtest_join_threads(g);
    ck_assert_int_gt(rounds, 0);
    long extra = NTHREADS * (NTHREADS + 1) / 2;
    ck_assert_int_eq(wf_refcnt(s.leaf), 2 + extra);
    ck_assert_int_eq(wf_refcnt(s.bx), 3 + extra);
    collect();
    ck_assert_int_eq(wf_refcnt(s.leaf), 2 + extra);
    ck_assert_int_eq(wf_refcnt(s.bx), 3 + extra);
    ck_assert_int_eq(counted(), 0);
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    decref_n(s.leaf, extra);
    decref_n(s.bx, extra);
    wf_decref(s.list);
    wf_decref(s.leaf);
    wf_decref(s.bx);
    collect();
    collect();
    ck_assert_int_eq(counted(), 1);
    ck_assert_int_eq(atomic_load(&box_deallocs), 1);
}
END_TEST

/* The same with the collector on a thread of its own (thread 0) and the
 * owner of both objects, the main thread, waiting. */
typedef struct storm2 {
    storm *s;
    _Atomic int stop;
    _Atomic int rounds;
} storm2;

static void collector_fn(int idx, void *p) {
    storm2 *c = p;
    if (idx != 0) {
        storm_fn(idx - 1, c->s);
        return;
    }
    while (!atomic_load(&c->stop) || atomic_load(&c->rounds) == 0) {
        wfv_gc_collect();
        wft_handle_eval_breaker(wft_current());
        atomic_fetch_add(&c->rounds, 1);
    }
}

START_TEST(test_collector_on_other_thread) {
    reset();
    storm s = {0};
    s.leaf = wtest_new_counted();
    enable_checked(s.leaf);
    s.bx = box_new(NULL);
    box_set(s.bx, s.bx);
    enable_checked(s.bx);
    s.list = wf_list_new(0);
    ck_assert_int_eq(wf_list_append(s.list, s.leaf), 0);
    ck_assert_int_eq(wf_list_append(s.list, s.bx), 0);
    storm2 c = {.s = &s};
    wtest_group *g = wtest_start_threads(NTHREADS + 1, collector_fn, &c);
    WTEST_WAIT_FOR(atomic_load(&s.done) == NTHREADS);
    atomic_store(&c.stop, 1);
    wtest_join_threads(g);
    ck_assert_int_gt(atomic_load(&c.rounds), 0);
    long extra = NTHREADS * (NTHREADS + 1) / 2;
    ck_assert_int_eq(wf_refcnt(s.leaf), 2 + extra);
    ck_assert_int_eq(wf_refcnt(s.bx), 3 + extra);
    decref_n(s.leaf, extra + 1);
    decref_n(s.bx, extra + 1);
    wf_decref(s.list);
    collect();
    collect();
    ck_assert_int_eq(counted(), 1);
    ck_assert_int_eq(atomic_load(&box_deallocs), 1);
}
END_TEST

/* Conversion while other threads count: by the owner (no pause: the CAS
 * that moves its local count races with their shared increments) or at a
 * pause requested by one of them and run by another, with the main thread
 * collecting meanwhile. */
typedef struct conv {
    wf_object *op;
    bool by_request;
    _Atomic long progress;
    _Atomic int done;
} conv;

static void conv_fn(int idx, void *p) {
    conv *c = p;
    wft_thread *t = wft_current();
    long n = wtest_scale(40000);
    bool requested = false;
    int64_t next_service = 0;
    for (long i = 0; i < n; i++) {
        wf_incref(c->op);
        wf_incref(c->op);
        wf_decref(c->op);
        wf_decref(c->op);
        if ((i & 127) == 0) {
            atomic_fetch_add(&c->progress, 1);
            ck_assert_int_ge(wf_refcnt(c->op), 1);
            if (c->by_request && idx == 0 && !requested && i >= n / 4) {
                wf_incref(c->op);
                wf_perthread_request(c->op);
                wf_decref(c->op);
                requested = true;
            }
            if (c->by_request && idx == 1 && wft_monotonic_ns() >= next_service) {
                wfm_perthread_service(); /* rate-limited: often a no-op */
                next_service = wft_monotonic_ns() + 3000000;
            }
            wft_safepoint(t);
        }
    }
    incref_n(c->op, idx + 1); /* kept: the thread exits holding them */
    atomic_fetch_add(&c->done, 1);
}

static void run_conversion_storm(bool by_request) {
    reset();
    conv c = {.op = wtest_new_counted(), .by_request = by_request};
    incref_n(c.op, 2); /* 3 */
    wtest_group *g = wtest_start_threads(NTHREADS, conv_fn, &c);
    long n = wtest_scale(40000) / 128;
    WTEST_WAIT_FOR(atomic_load(&c.progress) >= n * NTHREADS / 8 || atomic_load(&c.done) > 0);
    if (!by_request) {
        wf_perthread_enable(c.op);
        ck_assert(wf_is_perthread(c.op) == (bool)WF_FREE_THREADED);
    }
    while (atomic_load(&c.done) < NTHREADS) {
        ck_assert_int_ge(wf_refcnt(c.op), 3);
        collect();
        wtest_sleep_ms(1);
    }
    wtest_join_threads(g);
    long extra = NTHREADS * (NTHREADS + 1) / 2;
    ck_assert_int_eq(wf_refcnt(c.op), 3 + extra);
    if (by_request) {
        /* converted at one of the pauses (or at this one) */
        wtest_sleep_ms(3);
        wfm_perthread_service();
        ck_assert(wf_is_perthread(c.op) == (bool)WF_FREE_THREADED);
        ck_assert_int_eq(wf_refcnt(c.op), 3 + extra);
    }
    decref_n(c.op, 3 + extra);
    ck_assert_int_eq(wf_refcnt(c.op), 0);
    collect();
    ck_assert_int_eq(counted(), 1);
}

START_TEST(test_owner_enables_during_storm) { run_conversion_storm(false); }
END_TEST

START_TEST(test_request_during_storm) { run_conversion_storm(true); }
END_TEST

/* An unregistered thread counts in the shared field, which may go below
 * zero while registered threads' slots hold the rest. */
static void *unregistered_drop_fn(void *p) {
    decref_n(p, 5);
    return NULL;
}

START_TEST(test_unregistered_drops_slot_references) {
    reset();
    wf_object *op = wtest_new_counted();
    enable_checked(op); /* shared 1 */
    incref_n(op, 5);    /* our slot: +5 */
    wtest_run_unregistered(unregistered_drop_fn, op); /* shared: -4 */
    ck_assert_int_eq(wf_refcnt(op), 1);
    collect();
    ck_assert_int_eq(counted(), 0);
    ck_assert_int_eq(wf_refcnt(op), 1);
    wf_decref(op);
    collect();
    ck_assert_int_eq(counted(), 1);
}
END_TEST

/* ---------------------------------------------------------------------------
 * 6. Immortal and deferred objects
 * ------------------------------------------------------------------------- */

static void request_only_fn(int idx, void *p) {
    (void)idx;
    wf_perthread_request(p);
    wf_perthread_enable(p);
}

START_TEST(test_immortal_never_converted) {
    reset();
    size_t live0 = wfm_perthread_live();
    /* static immortals */
    wf_perthread_enable(wf_None);
    wf_perthread_enable((wf_object *)&wtest_counted_type);
    ck_assert(!wf_is_perthread(wf_None));
    ck_assert(wf_is_immortal(wf_None));
    ck_assert(!wf_is_perthread((wf_object *)&wtest_counted_type));
    /* a heap object made immortal */
    wf_object *op = wtest_new_counted();
    wf_set_immortal(op);
    wf_perthread_enable(op);
    ck_assert(!wf_is_perthread(op));
    ck_assert(wf_is_immortal(op));
    wtest_run_threads(2, request_only_fn, op);
    wtest_run_threads(1, request_only_fn, wf_None);
    wtest_sleep_ms(3);
    wfm_perthread_service();
    ck_assert(!wf_is_perthread(op));
    ck_assert(!wf_is_perthread(wf_None));
    ck_assert(wf_is_immortal(op));
    ck_assert_int_eq(wfm_perthread_live(), live0);
#if WF_FREE_THREADED
    ck_assert(!(wf_gc_bits(op) & WF_GC_PT_WANTED));
#endif
    collect();
    ck_assert_int_eq(counted(), 0);
    wfm_object_free(op); /* never freed by counting: by hand */
}
END_TEST

START_TEST(test_deferred_never_converted) {
    reset();
    size_t live0 = wfm_perthread_live();
    wf_object *op = wtest_new_counted();
    wf_set_deferred(op);
    wf_perthread_enable(op);
    ck_assert(!wf_is_perthread(op));
    wtest_run_threads(2, request_only_fn, op);
    wtest_sleep_ms(3);
    wfm_perthread_service();
    ck_assert(!wf_is_perthread(op));
    ck_assert(wf_is_deferred(op) == (bool)WF_FREE_THREADED);
    ck_assert_int_eq(wf_refcnt(op), 1);
    ck_assert_int_eq(wfm_perthread_live(), live0);
    wf_clear_deferred(op);
    ck_assert_int_eq(counted(), 0);
    wf_decref(op);
    ck_assert_int_eq(counted(), 1);
}
END_TEST

START_TEST(test_perthread_stays_under_immortal_and_deferred) {
    reset();
    size_t live0 = wfm_perthread_live();
    (void)live0; /* the GIL flavour does not check it */
    wf_object *op = wtest_new_counted();
    incref_n(op, 2);
    enable_checked(op);
    wf_set_deferred(op); /* refused for a per-thread object */
    ck_assert(wf_is_perthread(op) == (bool)WF_FREE_THREADED);
    ck_assert(!wf_is_deferred(op));
    ck_assert_int_eq(wf_refcnt(op), 3);
#if WF_FREE_THREADED
    wf_set_immortal(op); /* refused: slots may hold counts for its id (P2) */
    ck_assert(wf_is_perthread(op));
    ck_assert(!wf_is_immortal(op));
    ck_assert_int_eq(wf_refcnt(op), 3);
    ck_assert_int_eq(wfm_perthread_live(), live0 + 1);
    wtest_run_threads(1, take_many_fn, op);
    ck_assert_int_eq(wf_refcnt(op), 53);
    decref_n(op, 53);
    collect();
    ck_assert_int_eq(counted(), 1);
    ck_assert_int_eq(wfm_perthread_live(), live0);
#else
    decref_n(op, 3);
    ck_assert_int_eq(counted(), 1);
#endif
}
END_TEST

/* ---------------------------------------------------------------------------
 * 7. The GIL flavour: every entry point is a harmless no-op
 * ------------------------------------------------------------------------- */

#if !WF_FREE_THREADED
START_TEST(test_gil_noops) {
    reset();
    wf_object *op = wtest_new_counted();
    wf_perthread_enable(op);
    wf_perthread_request(op);
    wfm_perthread_service();
    wfm_perthread_convert_pending_stopped();
    wfm_perthread_merge_all_stopped();
    wfm_perthread_disable_stopped(op);
    wfm_perthread_forget(op);
    wf_object **dead = (wf_object **)1;
    ck_assert_int_eq(wfm_perthread_take_dead_stopped(&dead), 0);
    ck_assert_ptr_null(dead);
    ck_assert(!wf_is_perthread(op));
    ck_assert_int_eq(wfm_perthread_live(), 0);
    ck_assert_int_eq(wfm_perthread_count(op), 1);
    wf_perthread_note_shared_load(op);
    ck_assert_int_eq(wf_refcnt(op), 1);
    wf_decref(op); /* freed at once, as always with the GIL */
    ck_assert_int_eq(counted(), 1);
}
END_TEST
#endif

static Suite *perthread_suite(void) {
    Suite *s = suite_create("perthread");
    TCase *tc = wtest_add_tcase(s, "counts", 120);
    tcase_add_test(tc, test_enable_owned_counts_exact);
    tcase_add_test(tc, test_enable_merged_object);
    tcase_add_test(tc, test_enable_for_threads_marks_until_first_thread);
    tcase_add_test(tc, test_freed_by_collector);
    tcase_add_test(tc, test_slots_balanced_across_threads);
    tc = wtest_add_tcase(s, "collector", 120);
    tcase_add_test(tc, test_cycles_with_perthread_objects);
    tcase_add_test(tc, test_reachable_perthread_survives);
    tcase_add_test(tc, test_slots_of_live_thread_survive_collection);
    tc = wtest_add_tcase(s, "requests", 120);
    tcase_add_test(tc, test_request_converted_at_pause);
    tcase_add_test(tc, test_enable_by_nonowner_is_request);
    tcase_add_test(tc, test_request_serviced_by_requester);
    tcase_add_test(tc, test_request_owner_exited);
    tcase_add_test(tc, test_request_dies_before_pause);
    tcase_add_test(tc, test_request_dies_in_merge_queue);
    tcase_add_test(tc, test_many_requesters);
    tcase_add_test(tc, test_request_ignored_when_death_observable);
    tcase_add_test(tc, test_note_requests_at_second_load);
    tc = wtest_add_tcase(s, "storm", 300);
    tcase_add_test(tc, test_counts_while_collecting);
    tcase_add_test(tc, test_collector_on_other_thread);
    tcase_add_test(tc, test_owner_enables_during_storm);
    tcase_add_test(tc, test_request_during_storm);
    tcase_add_test(tc, test_unregistered_drops_slot_references);
    tc = wtest_add_tcase(s, "modes", 120);
    tcase_add_test(tc, test_immortal_never_converted);
    tcase_add_test(tc, test_deferred_never_converted);
    tcase_add_test(tc, test_perthread_stays_under_immortal_and_deferred);
#if !WF_FREE_THREADED
    tcase_add_test(tc, test_gil_noops);
#endif
    return s;
}

int main(void) { return wtest_run_suite(perthread_suite()); }
