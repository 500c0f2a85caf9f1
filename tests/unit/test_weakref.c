/*
 * tests/unit/test_weakref.c — weak references through the C API
 * (runtime/objects/weakref.c): ref/get/count/list on heap-type instances
 * and sets, callbacks run once after every ref is cleared, the basic ref is
 * shared, unsupported types raise CPython's TypeError, and a race in which
 * one thread drops the last strong references while three others get,
 * create and count weak references to the same objects (every get returns
 * NULL or a live object; every callback runs exactly once).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/gc.h"
#include "weft/weakref.h"
#include "wtest.h"

static _Atomic long callback_calls;
static _Atomic long callback_saw_dead;

static wf_object *count_cb(wf_object *self, wf_object *ref) {
    (void)self;
    atomic_fetch_add(&callback_calls, 1);
    if (wf_weakref_get(ref) == NULL) atomic_fetch_add(&callback_saw_dead, 1);
    return wf_newref(wf_None);
}
static wf_method_def count_cb_def = {"count_cb", count_cb, WF_METH_O, NULL};

static wf_object *new_callback(void) {
    wf_object *f = wf_cfunction_new(&count_cb_def, NULL, NULL);
    ck_assert_ptr_nonnull(f);
    return f;
}

static wf_object *item(wf_object *lst, wf_ssize_t i) {
    wf_object *v = wf_sequence_get_item(lst, i);
    ck_assert_ptr_nonnull(v);
    wf_decref(v); /* the list still holds it */
    return v;
}

static wf_object *new_class(const char *name) {
    wf_object *bases = wf_tuple_pack(1, (wf_object *)&wf_object_type);
    wf_object *d = wf_dict_new();
    wf_object *cls = wf_type_new_from_spec(name, bases, d);
    ck_assert_ptr_nonnull(cls);
    wf_decref(bases);
    wf_decref(d);
    return cls;
}

START_TEST(test_basic) {
    ck_assert_int_eq(wf_weakref_init_types(), 0);
    atomic_store(&callback_calls, 0);
    atomic_store(&callback_saw_dead, 0);
    wf_object *cls = new_class("C");
    wf_object *obj = wf_object_call_noargs(cls);
    ck_assert_ptr_nonnull(obj);
    ck_assert_int_gt(WF_TYPE(obj)->tp_weaklistoffset, 0);
    wf_object *r = wf_weakref_new_ref(obj, NULL);
    ck_assert_ptr_nonnull(r);
    wf_object *r_again = wf_weakref_new_ref(obj, wf_None);
    ck_assert_ptr_eq(r, r_again); /* the basic ref is shared */
    wf_decref(r_again);
    wf_object *cb = new_callback();
    wf_object *r2 = wf_weakref_new_ref(obj, cb);
    wf_object *r3 = wf_weakref_new_ref(obj, cb);
    wf_object *p = wf_weakref_new_proxy(obj, NULL);
    ck_assert_ptr_nonnull(r2);
    ck_assert_ptr_ne(r2, r3);
    ck_assert_int_eq(wf_weakref_count(obj), 4);
    wf_object *lst = wf_weakref_list(obj);
    ck_assert_int_eq(wf_object_size(lst), 4);
    ck_assert_ptr_eq(item(lst, 0), r); /* basic ref, basic proxy, then newest first */
    ck_assert_ptr_eq(item(lst, 1), p);
    ck_assert_ptr_eq(item(lst, 2), r3);
    ck_assert_ptr_eq(item(lst, 3), r2);
    wf_decref(lst);
    wf_object *got = wf_weakref_get(r);
    ck_assert_ptr_eq(got, obj);
    wf_decref(got);
    wf_decref(r3); /* a dead ref leaves the list */
    ck_assert_int_eq(wf_weakref_count(obj), 3);
    wf_decref(obj);
    ck_assert_ptr_null(wf_weakref_get(r));
    ck_assert_ptr_null(wf_weakref_get(r2));
    ck_assert_int_eq(atomic_load(&callback_calls), 1);
    ck_assert_int_eq(atomic_load(&callback_saw_dead), 1);
    wf_decref(r);
    wf_decref(r2);
    wf_decref(p);
    /* A weak reference to the class itself is cleared by type_dealloc.
     * Heap types are reference cycles, and they use per-thread reference
     * counts (weft/object.h): the collector frees them. */
    wf_object *rc = wf_weakref_new_ref(cls, cb);
    ck_assert_ptr_nonnull(rc);
    wf_decref(cls);
    wf_object *alive = wf_weakref_get(rc); /* still alive: a cycle */
    ck_assert_ptr_nonnull(alive);
    wf_decref(alive);
    wfv_gc_collect();
    ck_assert_ptr_null(wf_weakref_get(rc));
    ck_assert_int_eq(atomic_load(&callback_calls), 2);
    wf_decref(rc);
    wf_decref(cb);
}
END_TEST

START_TEST(test_unsupported) {
    ck_assert_int_eq(wf_weakref_init_types(), 0);
    wf_object *i = wf_int_from_i64(12345678);
    ck_assert_ptr_null(wf_weakref_new_ref(i, NULL));
    wf_object *exc = wf_err_fetch();
    ck_assert_ptr_nonnull(exc);
    wf_object *s = wf_object_str(exc);
    ck_assert_str_eq(wf_str_utf8(s, NULL), "cannot create weak reference to 'int' object");
    wf_decref(s);
    wf_decref(exc);
    ck_assert_int_eq(wf_weakref_count(i), 0);
    wf_decref(i);
}
END_TEST

/* The race.  Mode 0: the main thread made the objects, thread 0 drops them
 * (non-owner decrefs: the owner frees them when it drains its merge queue).
 * Mode 1: thread 0 makes each object and drops it at once as its owner
 * while threads 1..3 get, create and list weak references to it. */
#define NOBJ 64
typedef struct {
    int mode;
    wf_object *objs[NOBJ];            /* mode 0: strong refs dropped by thread 0 */
    wf_object *_Atomic refs[NOBJ];    /* basic refs (slots own them) */
    wf_object *_Atomic cbrefs[NOBJ];  /* refs with a callback */
    wf_object *cb;
    _Atomic int dropped;
} race_t;

static void race_fn(int index, void *arg) {
    race_t *rc = arg;
    if (index == 0) {
        for (int i = 0; i < NOBJ; i++) {
            wf_object *o;
            if (rc->mode == 0) {
                o = rc->objs[i];
                rc->objs[i] = NULL;
            } else {
                o = wf_set_new(NULL);
                ck_assert_ptr_nonnull(o);
                atomic_store(&rc->refs[i], wf_weakref_new_ref(o, NULL));
                atomic_store(&rc->cbrefs[i], wf_weakref_new_ref(o, rc->cb));
                for (int k = 0; k < 3; k++) sched_yield();
            }
            wf_decref(o);
            wft_safepoint(wft_current()); /* GIL flavour: let the others run */
        }
        atomic_store(&rc->dropped, 1);
        return;
    }
    while (!atomic_load(&rc->dropped)) {
        wft_safepoint(wft_current()); /* GIL flavour: let thread 0 run */
        for (int i = 0; i < NOBJ; i++) {
            wf_object *ref = atomic_load(&rc->refs[(i + index * 7) % NOBJ]);
            if (!ref) continue;
            wf_object *o = wf_weakref_get(ref);
            if (!o) continue;
            ck_assert_ptr_eq(WF_TYPE(o), &wf_set_type);
            wf_object *r = wf_weakref_new_ref(o, (index & 1) ? rc->cb : NULL);
            ck_assert_ptr_nonnull(r);
            (void)wf_weakref_count(o);
            wf_object *l = wf_weakref_list(o);
            ck_assert_ptr_nonnull(l);
            wf_decref(l);
            wf_decref(r); /* before o: a ref that outlives o would run its callback */
            wf_decref(o);
        }
    }
}

START_TEST(test_race) {
    ck_assert_int_eq(wf_weakref_init_types(), 0);
    long rounds = wtest_scale(10);
    wf_object *cb = new_callback();
    for (long k = 0; k < rounds; k++) {
        atomic_store(&callback_calls, 0);
        race_t rc = {.cb = cb, .mode = (int)(k & 1)};
        for (int i = 0; rc.mode == 0 && i < NOBJ; i++) {
            rc.objs[i] = wf_set_new(NULL);
            ck_assert_ptr_nonnull(rc.objs[i]);
            atomic_store(&rc.refs[i], wf_weakref_new_ref(rc.objs[i], NULL));
            atomic_store(&rc.cbrefs[i], wf_weakref_new_ref(rc.objs[i], cb));
        }
        wtest_run_threads(4, race_fn, &rc);
        /* Mode 0: the objects were queued back to us, their owner. */
        wft_handle_eval_breaker(wft_current());
        ck_assert_int_eq(atomic_load(&callback_calls), NOBJ);
        for (int i = 0; i < NOBJ; i++) {
            wf_object *ref = atomic_load(&rc.refs[i]);
            ck_assert_ptr_null(wf_weakref_get(ref));
            wf_decref(ref);
            wf_decref(atomic_load(&rc.cbrefs[i]));
        }
    }
    wf_decref(cb);
}
END_TEST

static Suite *weakref_suite(void) {
    Suite *s = suite_create("weakref");
    TCase *tc = wtest_add_tcase(s, "weakref", 60);
    tcase_add_test(tc, test_basic);
    tcase_add_test(tc, test_unsupported);
    tcase_add_test(tc, test_race);
    return s;
}

int main(void) { return wtest_run_suite(weakref_suite()); }
