/*
 * tests/unit/test_gc.c — the cycle collector (runtime/vm/gc.c) through the
 * C API.
 *
 * A test container type "Box" holds one reference and counts its
 * deallocations (and, for the finalizing variant, its finalizer calls), so
 * each test checks that cyclic garbage is freed exactly once, that
 * reachable objects survive, that a finalizer which resurrects its object
 * runs once and keeps the object alive, that a collection while 4 threads
 * allocate and mutate containers neither crashes nor frees live objects
 * (run under TSan/ASan as well), and that cycles owned by a thread that
 * has exited are collected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/gc.h"
#include "runtime/vm/vm.h"
#include "wtest.h"

typedef struct box {
    wf_object ob_base;
    wf_object *_Atomic ref;
} box;

static _Atomic long box_deallocs;
static _Atomic long box_finalized;
static wf_object *_Atomic resurrected; /* where the finalizer stores self */

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

/* Resurrects the first object it finalizes. */
static void box_finalize(wf_object *o) {
    atomic_fetch_add(&box_finalized, 1);
    wf_object *expected = NULL;
    wf_incref(o);
    if (!atomic_compare_exchange_strong(&resurrected, &expected, o)) wf_decref(o);
}

static wf_type box_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "Box",
    .tp_basicsize = sizeof(box),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = box_dealloc,
    .tp_traverse = box_traverse,
    .tp_clear = box_clear,
};

static wf_type fbox_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "FBox",
    .tp_basicsize = sizeof(box),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = box_dealloc,
    .tp_traverse = box_traverse,
    .tp_clear = box_clear,
    .tp_finalize = box_finalize,
};

static wf_object *box_new(wf_type *t, wf_object *ref) {
    wf_object *b = wfo_alloc(t, sizeof(box));
    ck_assert_ptr_nonnull(b);
    atomic_store(&((box *)b)->ref, wf_xnewref(ref));
    return b;
}

static void box_set(wf_object *b, wf_object *ref) {
    wf_object *old = atomic_exchange(&((box *)b)->ref, wf_xnewref(ref));
    wf_xdecref(old);
}

static void reset(void) {
    atomic_store(&box_deallocs, 0);
    atomic_store(&box_finalized, 0);
    atomic_store(&resurrected, NULL);
    wfv_gc_set_enabled(false); /* only explicit collections in these tests */
}

/* Objects queued for their owner by the collector's decrefs are freed at
 * the next merge: drain the calling thread's queue. */
static void settle(void) {
    wft_thread *t = wft_current();
    wft_handle_eval_breaker(t);
}

START_TEST(test_cycle_freed_once) {
    reset();
    wf_object *a = box_new(&box_type, NULL);
    wf_object *b = box_new(&box_type, a);
    box_set(a, b);
    /* A self-cycle and a 3-cycle through a list. */
    wf_object *c = box_new(&box_type, NULL);
    box_set(c, c);
    wf_object *l = wf_list_new(0);
    wf_object *d = box_new(&box_type, l);
    wf_list_append(l, d);
    wf_decref(a);
    wf_decref(b);
    wf_decref(c);
    wf_decref(d);
    wf_decref(l);
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    intptr_t n = wfv_gc_collect();
    settle();
    ck_assert_int_ge(n, 5);
    ck_assert_int_eq(atomic_load(&box_deallocs), 4);
    ck_assert_int_eq(wfv_gc_collect(), 0);
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 4);
}
END_TEST

START_TEST(test_reachable_survives) {
    reset();
    wf_object *a = box_new(&box_type, NULL);
    wf_object *b = box_new(&box_type, a);
    box_set(a, b);
    wf_decref(b); /* a is still held: both are reachable */
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    ck_assert_ptr_nonnull(atomic_load(&((box *)a)->ref));
    wf_decref(a);
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 2);
}
END_TEST

START_TEST(test_resurrection) {
    reset();
    wf_object *a = box_new(&fbox_type, NULL);
    wf_object *b = box_new(&fbox_type, a);
    box_set(a, b);
    wf_decref(a);
    wf_decref(b);
    wfv_gc_collect();
    settle();
    /* Both finalizers ran once; the first stored itself, which keeps the
     * whole cycle alive and untouched. */
    ck_assert_int_eq(atomic_load(&box_finalized), 2);
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    wf_object *r = atomic_load(&resurrected);
    ck_assert_ptr_nonnull(r);
    ck_assert(wf_gc_is_finalized(r));
    ck_assert_ptr_nonnull(atomic_load(&((box *)r)->ref));
    /* Drop it again: collected now, finalizers not run a second time. */
    atomic_store(&resurrected, NULL);
    wf_decref(r);
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_finalized), 2);
    ck_assert_int_eq(atomic_load(&box_deallocs), 2);
}
END_TEST

/* --- 4 threads mutate containers while collections run ------------------------- */

typedef struct hammer {
    wf_object *shared; /* list of 64 slots, each a Box or None */
    _Atomic int done;
    _Atomic long created;
} hammer;

static void mutate(int index, void *arg) {
    hammer *h = arg;
    long n = wtest_scale(20000);
    wft_thread *t = wft_current();
    for (long i = 0; i < n; i++) {
        /* A private cycle, a cycle published in the shared list, and a
         * dict referring to a box. */
        wf_object *a = box_new(&box_type, NULL);
        wf_object *b = box_new(&box_type, a);
        box_set(a, b);
        wf_object *d = wf_dict_new();
        wf_dict_set_item_string(d, "a", a);
        box_set(b, d);
        wf_object *slot = wf_int_from_ssize((index * 16 + i) % 64);
        wf_object_set_item(h->shared, slot, i % 3 ? a : wf_None);
        wf_decref(slot);
        wf_decref(d);
        wf_decref(a);
        wf_decref(b);
        atomic_fetch_add(&h->created, 2);
        if (i % 64 == 0) wft_safepoint(t);
    }
    atomic_fetch_add(&h->done, 1);
}

START_TEST(test_collect_while_mutating) {
    reset();
    hammer h = {0};
    h.shared = wf_list_new(64);
    wtest_group *g = wtest_start_threads(4, mutate, &h);
    int rounds = 0;
    while (atomic_load(&h.done) < 4) {
        wfv_gc_collect();
        settle();
        rounds++;
    }
    wtest_join_threads(g);
    ck_assert_int_gt(rounds, 0);
    /* Every slot still holds a valid object. */
    for (wf_ssize_t i = 0; i < 64; i++) {
        wf_object *x = wf_list_get_item(h.shared, i);
        ck_assert_ptr_nonnull(x);
        ck_assert(x == wf_None || WF_TYPE(x) == &box_type);
        if (x != wf_None) ck_assert_ptr_nonnull(atomic_load(&((box *)x)->ref));
        wf_decref(x);
    }
    wf_decref(h.shared);
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), atomic_load(&h.created));
}
END_TEST

/* --- objects owned by a thread that has exited ------------------------------------ */

static wf_object *_Atomic orphan_probe;

static void make_orphans(int index, void *arg) {
    (void)index, (void)arg;
    for (int i = 0; i < 100; i++) {
        wf_object *a = box_new(&box_type, NULL);
        wf_object *b = box_new(&box_type, a);
        box_set(a, b);
        if (i == 0) atomic_store(&orphan_probe, wf_newref(a)); /* kept alive */
        wf_decref(a);
        wf_decref(b);
    }
}

START_TEST(test_exited_thread_objects) {
    reset();
    wtest_run_threads(1, make_orphans, NULL);
    ck_assert_int_eq(atomic_load(&box_deallocs), 0);
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 198);
    wf_object *p = atomic_exchange(&orphan_probe, NULL);
    ck_assert_ptr_nonnull(atomic_load(&((box *)p)->ref));
    wf_decref(p);
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 200);
}
END_TEST

START_TEST(test_automatic_threshold) {
    reset();
    wfv_gc_set_enabled(true);
    wfv_gc_set_threshold(500);
    /* The allocation counter schedules a collection on this thread's eval
     * breaker; servicing it here stands in for the eval loop. */
    for (int i = 0; i < 2000; i++) {
        wf_object *a = box_new(&box_type, NULL);
        box_set(a, a);
        wf_decref(a);
        wft_thread *t = wft_current();
        if (wft_eval_breaker_get(t) & WFT_EB_GC_SCHEDULED) wfv_gc_collect_scheduled();
    }
    settle();
    ck_assert_int_gt(atomic_load(&box_deallocs), 0);
    wfv_gc_set_threshold(2000);
    wfv_gc_set_enabled(false);
    wfv_gc_collect();
    settle();
    ck_assert_int_eq(atomic_load(&box_deallocs), 2000);
}
END_TEST

static Suite *gc_suite(void) {
    Suite *s = suite_create("gc");
    TCase *tc = wtest_add_tcase(s, "gc", 120);
    tcase_add_test(tc, test_cycle_freed_once);
    tcase_add_test(tc, test_reachable_survives);
    tcase_add_test(tc, test_resurrection);
    tcase_add_test(tc, test_collect_while_mutating);
    tcase_add_test(tc, test_exited_thread_objects);
    tcase_add_test(tc, test_automatic_threshold);
    return s;
}

int main(void) { return wtest_run_suite(gc_suite()); }
