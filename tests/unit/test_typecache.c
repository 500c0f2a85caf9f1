/*
 * tests/unit/test_typecache.c — the per-thread type attribute cache
 * (runtime/objects/typecache.c) through the C API: a lookup fills the
 * calling thread's cache (hits and cached misses), setattr/delattr on the
 * type or on a base class invalidates it (tags change, also for more than
 * 64 subclasses), a freed type's tag never comes back, names that are not
 * immortal exact str are not cached, and a race in which one thread keeps
 * rebinding a class attribute while three others look it up through the
 * new-reference entry point (every value returned is one that was stored;
 * reference counts balance and every value is freed at the end).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/objects/typecache.h"
#include "runtime/vm/gc.h"
#include "wtest.h"

static wf_object *new_class(const char *name, wf_object *base) {
    wf_object *bases = wf_tuple_pack(1, base ? base : (wf_object *)&wf_object_type);
    wf_object *d = wf_dict_new();
    ck_assert_ptr_nonnull(bases);
    ck_assert_ptr_nonnull(d);
    wf_object *cls = wf_type_new_from_spec(name, bases, d);
    ck_assert_ptr_nonnull(cls);
    wf_decref(bases);
    wf_decref(d);
    return cls;
}

static uint32_t tag_of(wf_object *cls) {
    return atomic_load(&((wf_type *)cls)->tp_version_tag);
}

static wf_object *intern(const char *s) {
    wf_object *n = wf_str_intern_cstr(s);
    ck_assert_ptr_nonnull(n);
    ck_assert(wf_is_immortal(n));
    return n;
}

START_TEST(test_hit_and_miss) {
    wf_object *cls = new_class("C", NULL);
    wf_type *t = (wf_type *)cls;
    wf_object *foo = intern("tc_foo"), *nope = intern("tc_nope");
    wf_object *v = wf_int_from_i64(123456);
    ck_assert_int_eq(wf_object_setattr(cls, foo, v), 0);
    ck_assert_uint_ne(tag_of(cls), 0);
    wfo_typecache_clear();
    wf_object *cached;
    ck_assert_int_eq(wfo_typecache_probe(t, foo, &cached), 0);
    ck_assert_ptr_eq(wf_type_lookup(t, foo), v); /* miss: walks, stores */
    ck_assert_int_eq(wfo_typecache_probe(t, foo, &cached), 1);
    ck_assert_ptr_eq(cached, v);
    ck_assert_ptr_eq(wf_type_lookup(t, foo), v); /* hit */
    wf_object *r = wfo_type_lookup_ref(t, foo);
    ck_assert_ptr_eq(r, v);
    wf_decref(r);
    /* a miss is cached too */
    ck_assert_ptr_null(wf_type_lookup(t, nope));
    ck_assert_int_eq(wfo_typecache_probe(t, nope, &cached), 1);
    ck_assert_ptr_null(cached);
    ck_assert_ptr_null(wfo_type_lookup_ref(t, nope));
    ck_assert(!wf_err_occurred());
    /* object's own attributes through the class (found in the last base) */
    wf_object *d = wf_type_lookup(t, WFO_ID(__repr__));
    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_eq(wf_type_lookup(t, WFO_ID(__repr__)), d);
    ck_assert_ptr_eq(wf_type_lookup(&wf_object_type, WFO_ID(__repr__)), d);
    /* a pending exception survives a lookup (hit or miss) */
    wf_err_set_string(&wf_exc_ValueError, "pending");
    ck_assert_ptr_eq(wf_type_lookup(t, foo), v);
    ck_assert_ptr_null(wf_type_lookup(t, intern("tc_other")));
    ck_assert(wf_err_matches((wf_object *)&wf_exc_ValueError));
    wf_err_clear();
    wf_decref(v);
    wf_decref(cls);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
}
END_TEST

START_TEST(test_invalidation) {
    wf_object *a = new_class("A", NULL);
    wf_object *b = new_class("B", a);
    wf_object *c = new_class("C", b);
    wf_type *ta = (wf_type *)a, *tb = (wf_type *)b, *tc = (wf_type *)c;
    wf_object *x = intern("tc_x");
    wf_object *v1 = wf_int_from_i64(1001), *v2 = wf_int_from_i64(1002), *v3 = wf_int_from_i64(1003);
    /* a miss cached on the subclasses, then the base gains the name */
    ck_assert_ptr_null(wf_type_lookup(tc, x));
    ck_assert_ptr_null(wfo_type_lookup_ref(tb, x));
    uint32_t tagc = tag_of(c);
    ck_assert_int_eq(wf_object_setattr(a, x, v1), 0);
    ck_assert_uint_ne(tag_of(c), tagc);
    ck_assert_ptr_eq(wf_type_lookup(tc, x), v1);
    ck_assert_ptr_eq(wf_type_lookup(tb, x), v1);
    /* setattr on the type itself */
    ck_assert_int_eq(wf_object_setattr(c, x, v2), 0);
    ck_assert_ptr_eq(wf_type_lookup(tc, x), v2);
    wf_object *r = wfo_type_lookup_ref(tc, x);
    ck_assert_ptr_eq(r, v2);
    wf_decref(r);
    ck_assert_ptr_eq(wf_type_lookup(tb, x), v1);
    /* rebinding in the middle class does not change what C finds */
    ck_assert_int_eq(wf_object_setattr(b, x, v3), 0);
    ck_assert_ptr_eq(wf_type_lookup(tc, x), v2);
    ck_assert_ptr_eq(wf_type_lookup(tb, x), v3);
    /* delattr on the type, then on the bases */
    ck_assert_int_eq(wf_object_setattr(c, x, NULL), 0);
    ck_assert_ptr_eq(wf_type_lookup(tc, x), v3);
    ck_assert_int_eq(wf_object_setattr(b, x, NULL), 0);
    ck_assert_ptr_eq(wf_type_lookup(tc, x), v1);
    r = wfo_type_lookup_ref(tc, x);
    ck_assert_ptr_eq(r, v1);
    wf_decref(r);
    ck_assert_int_eq(wf_object_setattr(a, x, NULL), 0);
    ck_assert_ptr_null(wf_type_lookup(tc, x));
    ck_assert_ptr_null(wfo_type_lookup_ref(ta, x));
    /* deleting a missing name fails and changes nothing */
    uint32_t taga = tag_of(a);
    ck_assert_int_eq(wf_object_setattr(a, x, NULL), -1);
    ck_assert(wf_err_matches((wf_object *)&wf_exc_AttributeError));
    wf_err_clear();
    ck_assert_uint_eq(tag_of(a), taga);
    wf_decref(v1);
    wf_decref(v2);
    wf_decref(v3);
    wf_decref(c);
    wf_decref(b);
    wf_decref(a);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
}
END_TEST

/* wf_type_modified reaches every subclass, not just the first 64. */
START_TEST(test_many_subclasses) {
    enum { NSUB = 100 };
    wf_object *root = new_class("Root", NULL);
    wf_object *subs[NSUB];
    wf_object *x = intern("tc_many");
    wf_object *v1 = wf_int_from_i64(2001), *v2 = wf_int_from_i64(2002);
    ck_assert_int_eq(wf_object_setattr(root, x, v1), 0);
    for (int i = 0; i < NSUB; i++) {
        char name[16];
        snprintf(name, sizeof name, "S%d", i);
        subs[i] = new_class(name, root);
        ck_assert_ptr_eq(wf_type_lookup((wf_type *)subs[i], x), v1);
    }
    ck_assert_int_eq(wf_object_setattr(root, x, v2), 0);
    for (int i = 0; i < NSUB; i++) ck_assert_ptr_eq(wf_type_lookup((wf_type *)subs[i], x), v2);
    for (int i = 0; i < NSUB; i++) wf_decref(subs[i]);
    wf_decref(v1);
    wf_decref(v2);
    wf_decref(root);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
}
END_TEST

/* Tags are never reused: a type freed and another one allocated (possibly
 * at the same address) get different tags, and the new type does not find
 * the old one's cache entries. */
START_TEST(test_tags_unique) {
    wf_object *x = intern("tc_gone");
    wf_object *v = wf_int_from_i64(3001);
    enum { N = 20 };
    uint32_t seen[2 * N];
    int nseen = 0;
    for (int i = 0; i < N; i++) {
        wf_object *cls = new_class("Tmp", NULL);
        ck_assert_int_eq(wf_object_setattr(cls, x, v), 0);
        ck_assert_ptr_eq(wf_type_lookup((wf_type *)cls, x), v);
        uint32_t tag = tag_of(cls);
        for (int j = 0; j < nseen; j++) ck_assert_uint_ne(seen[j], tag);
        seen[nseen++] = tag;
        wf_decref(cls);
        wfv_gc_collect(); /* heap types are cycles */
        wf_object *other = new_class("Other", NULL);
        uint32_t t2 = tag_of(other);
        for (int j = 0; j < nseen; j++) ck_assert_uint_ne(seen[j], t2);
        seen[nseen++] = t2;
        wf_object *cached;
        ck_assert_int_eq(wfo_typecache_probe((wf_type *)other, x, &cached), 0);
        ck_assert_ptr_null(wf_type_lookup((wf_type *)other, x));
        wf_decref(other);
        wfv_gc_collect();
    }
    wf_decref(v);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
}
END_TEST

/* Names that are not immortal exact str go the slow way. */
START_TEST(test_uncached_names) {
    wf_object *cls = new_class("U", NULL);
    wf_type *t = (wf_type *)cls;
    wf_object *v = wf_int_from_i64(4001);
    ck_assert_int_eq(wf_object_setattr(cls, intern("tc_plain"), v), 0);
    wf_object *plain = wf_str_from_cstr("tc_plain"); /* equal, not interned */
    ck_assert_ptr_nonnull(plain);
    ck_assert(!wf_is_immortal(plain));
    wfo_typecache_clear();
    ck_assert_ptr_eq(wf_type_lookup(t, plain), v);
    wf_object *cached;
    ck_assert_int_eq(wfo_typecache_probe(t, plain, &cached), 0);
    wf_object *r = wfo_type_lookup_ref(t, plain);
    ck_assert_ptr_eq(r, v);
    wf_decref(r);
    ck_assert_int_eq(wfo_typecache_probe(t, plain, &cached), 0);
    /* a missing non-interned name: not cached either */
    wf_object *missing = wf_str_from_cstr("tc_plain_missing");
    ck_assert_ptr_null(wf_type_lookup(t, missing));
    ck_assert_int_eq(wfo_typecache_probe(t, missing, &cached), 0);
    wf_decref(missing);
    wf_decref(plain);
    wf_decref(v);
    wf_decref(cls);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
}
END_TEST

/* Values for the race: counted deallocations, and a (no-op) finalizer so
 * that lookups by non-owners do not convert them to per-thread counting
 * (weft/object.h), which would make wf_refcnt exact only at a pause. */
static _Atomic long value_deallocs;
static void value_finalize(wf_object *op) { (void)op; }
static void value_dealloc(wf_object *op) {
    atomic_fetch_add_explicit(&value_deallocs, 1, memory_order_relaxed);
    wfm_object_free(op);
}
static wf_type value_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(NULL),
    .tp_name = "tc_value",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = value_dealloc,
    .tp_finalize = value_finalize,
};
static wf_object *new_value(void) {
    wf_object *op = wfm_object_alloc(sizeof(wf_object));
    ck_assert_ptr_nonnull(op);
    wf_object_init(op, &value_type);
    return op;
}

/* The race: thread 0 rebinds cls.name to values[i % NVAL] ROUNDS times;
 * threads 1..3 look it up with wfo_type_lookup_ref until thread 0 is done. */
enum { NVAL = 8, ROUNDS = 20000 };
typedef struct {
    wf_object *cls, *name, *base, *sub;
    wf_object *values[NVAL];
    _Atomic int done, started;
    _Atomic long lookups, bad;
} race_t;

static int is_stored(race_t *rc, wf_object *v) {
    for (int i = 0; i < NVAL; i++)
        if (rc->values[i] == v) return 1;
    return 0;
}

static void race_fn(int index, void *arg) {
    race_t *rc = arg;
    if (index == 0) {
        long rounds = wtest_scale(ROUNDS);
        while (atomic_load(&rc->started) < 3) { /* the readers are reading */
            wft_safepoint(wft_current());
            sched_yield();
        }
        for (long i = 0; i < rounds; i++) {
            /* alternately the class itself and its base (via a subclass) */
            wf_object *target = (i & 1) ? rc->cls : rc->base;
            if (wf_object_setattr(target, rc->name, rc->values[i % NVAL]) < 0)
                atomic_fetch_add(&rc->bad, 1);
            if ((i & 63) == 0) wft_safepoint(wft_current()); /* GIL flavour */
        }
        atomic_store(&rc->done, 1);
        return;
    }
    long n = 0;
    while (!atomic_load(&rc->done)) {
        wf_type *t = (index & 1) ? (wf_type *)rc->cls : (wf_type *)rc->sub;
        wf_object *v = wfo_type_lookup_ref(t, rc->name);
        if (!v || !is_stored(rc, v)) atomic_fetch_add(&rc->bad, 1);
        if (v) wf_decref(v);
        if (n == 0) atomic_fetch_add(&rc->started, 1);
        if ((++n & 63) == 0) wft_safepoint(wft_current()); /* GIL flavour */
    }
    atomic_fetch_add(&rc->lookups, n);
}

START_TEST(test_race) {
    race_t rc = {0};
    rc.base = new_class("RBase", NULL);
    rc.cls = new_class("RCls", rc.base);
    rc.sub = new_class("RSub", rc.cls);
    rc.name = intern("tc_race");
    long freed0 = atomic_load(&value_deallocs);
    for (int i = 0; i < NVAL; i++) rc.values[i] = new_value();
    ck_assert_int_eq(wf_object_setattr(rc.cls, rc.name, rc.values[0]), 0);
    ck_assert_int_eq(wf_object_setattr(rc.base, rc.name, rc.values[1]), 0);
    wtest_run_threads(4, race_fn, &rc);
    ck_assert_int_eq(atomic_load(&rc.bad), 0);
    ck_assert_int_gt(atomic_load(&rc.lookups), 0);
    /* the final values are what everyone sees now */
    long rounds = wtest_scale(ROUNDS);
    wf_object *last_cls = rc.values[(rounds - 1) % NVAL], *last_base = rc.values[(rounds - 2) % NVAL];
    ck_assert_ptr_eq(wf_type_lookup((wf_type *)rc.sub, rc.name), last_cls);
    ck_assert_ptr_eq(wf_type_lookup((wf_type *)rc.base, rc.name), last_base);
    wft_handle_eval_breaker(wft_current()); /* merges queued to us, the owner */
    /* counts balance: ours, plus one per dict that holds the value */
    for (int i = 0; i < NVAL; i++) {
        intptr_t expect = 1 + (rc.values[i] == last_cls) + (rc.values[i] == last_base);
        ck_assert_int_eq(wf_refcnt(rc.values[i]), expect);
    }
    ck_assert_int_eq(wf_object_setattr(rc.cls, rc.name, NULL), 0);
    ck_assert_int_eq(wf_object_setattr(rc.base, rc.name, NULL), 0);
    ck_assert_ptr_null(wfo_type_lookup_ref((wf_type *)rc.sub, rc.name));
    for (int i = 0; i < NVAL; i++) wf_decref(rc.values[i]);
    wft_handle_eval_breaker(wft_current()); /* merges queued to us, the owner */
    ck_assert_int_eq(atomic_load(&value_deallocs) - freed0, NVAL);
    wf_decref(rc.sub);
    wf_decref(rc.cls);
    wf_decref(rc.base);
    wfv_gc_collect(); /* classes use per-thread counts: a collection frees them */
}
END_TEST

static Suite *typecache_suite(void) {
    Suite *s = suite_create("typecache");
    TCase *tc = wtest_add_tcase(s, "typecache", 120);
    tcase_add_test(tc, test_hit_and_miss);
    tcase_add_test(tc, test_invalidation);
    tcase_add_test(tc, test_many_subclasses);
    tcase_add_test(tc, test_tags_unique);
    tcase_add_test(tc, test_uncached_names);
    tcase_add_test(tc, test_race);
    return s;
}

int main(void) { return wtest_run_suite(typecache_suite()); }
