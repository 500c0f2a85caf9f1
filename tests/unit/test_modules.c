/*
 * tests/unit/test_modules.c — the core C library modules through the C
 * API (their init functions and the object protocol).
 *
 *  - values: a few results that must equal CPython 3.11's exactly
 *    (Mersenne Twister seeding, fsum, math errors, deque and itertools
 *    behaviour); the Python-level suites under tests/py cover the rest.
 *  - threads: 4 threads share one deque (appends/pops/rotations/iteration),
 *    one itertools.count, one cycle, one tee pair and one Random; every
 *    item must be produced exactly once where the object promises it, and
 *    nothing may crash or leak (TSan/ASan presets).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"
#include "wtest.h"

WF_MODULE_INIT(math);
WF_MODULE_INIT(_random);
WF_MODULE_INIT(_collections);
WF_MODULE_INIT(itertools);
WF_MODULE_INIT(operator);
WF_MODULE_INIT(_functools);
WF_MODULE_INIT(_string);

/* repr(o) compared with expected; o is consumed (NULL = exception). */
static void check_repr(wf_object *o, const char *expected) {
    if (!o) {
        wf_object *e = wf_err_fetch();
        wf_object *s = e ? wf_object_str(e) : NULL;
        ck_abort_msg("exception %s: %s (expected %s)", e ? wf_type_name(WF_TYPE(e)) : "?",
                     s ? wf_str_utf8(s, NULL) : "?", expected);
    }
    wf_object *r = wf_object_repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(wf_str_utf8(r, NULL), expected);
    wf_decref(r);
    wf_decref(o);
}

/* The exception raised must be of type t with message msg. */
static void check_error(wf_object *o, wf_type *t, const char *msg) {
    ck_assert_ptr_null(o);
    wf_object *e = wf_err_fetch();
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(wf_type_name(WF_TYPE(e)), wf_type_name(t));
    wf_object *s = wf_object_str(e);
    ck_assert_str_eq(wf_str_utf8(s, NULL), msg);
    wf_decref(s);
    wf_decref(e);
}

/* A module's functions are bound to it (module -> dict -> function ->
 * module): clear the dict to break the cycle before dropping it. */
static void drop_module(wf_object *m) {
    wf_dict_clear(wf_module_get_dict(m));
    wf_decref(m);
}

static wf_object *call(wf_object *obj, const char *name, int n, ...) {
    wf_object *a[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) a[i] = va_arg(ap, wf_object *);
    va_end(ap);
    wf_object *f = wf_object_getattr_string(obj, name);
    ck_assert_ptr_nonnull(f);
    wf_object *r = wf_object_vectorcall(f, a, (size_t)n, NULL);
    wf_decref(f);
    return r;
}

START_TEST(test_math_values) {
    wf_object *m = wfmod_init_math();
    ck_assert_ptr_nonnull(m);
    wf_object *x = wf_float_from_double(0.1);
    wf_object *lst = wf_list_new(0);
    for (int i = 0; i < 10; i++) wf_list_append(lst, x);
    check_repr(call(m, "fsum", 1, lst), "1.0");
    wf_object *two = wf_float_from_double(-2.0);
    check_error(call(m, "sqrt", 1, two), &wf_exc_ValueError, "math domain error");
    wf_object *big = wf_float_from_double(1000.0);
    check_error(call(m, "exp", 1, big), &wf_exc_OverflowError, "math range error");
    wf_object *ten = wf_float_from_double(10.0);
    check_repr(call(m, "lgamma", 1, ten), "12.801827480081467");
    wf_object *n = wf_int_from_i64(25);
    check_repr(call(m, "factorial", 1, n), "15511210043330985984000000");
    check_repr(call(m, "isqrt", 1, n), "5");
    wf_decref(x);
    wf_decref(lst);
    wf_decref(two);
    wf_decref(big);
    wf_decref(ten);
    wf_decref(n);
    drop_module(m);
}
END_TEST

START_TEST(test_random_values) {
    wf_object *m = wfmod_init__random();
    ck_assert_ptr_nonnull(m);
    wf_object *R = wf_object_getattr_string(m, "Random");
    wf_object *seed = wf_int_from_i64(42);
    wf_object *r = wf_object_call_one(R, seed);
    ck_assert_ptr_nonnull(r);
    check_repr(call(r, "random", 0), "0.6394267984578837");
    check_repr(call(r, "random", 0), "0.025010755222666936");
    wf_object *k = wf_int_from_i64(100);
    check_repr(call(r, "getrandbits", 1, k), "176140902141063639299770569303");
    wf_decref(k);
    wf_decref(seed);
    wf_decref(r);
    wf_decref(R);
    drop_module(m);
}
END_TEST

START_TEST(test_deque_values) {
    wf_object *m = wfmod_init__collections();
    ck_assert_ptr_nonnull(m);
    wf_object *D = wf_object_getattr_string(m, "deque");
    wf_object *five = wf_int_from_i64(5), *three = wf_int_from_i64(3);
    wf_object *zero = wf_int_from_i64(0);
    wf_object *range = wf_range_new(zero, five, NULL);
    wf_decref(zero);
    wf_object *args[2] = {range, three};
    wf_object *d = wf_object_vectorcall(D, args, 2, NULL);
    check_repr(wf_newref(d), "deque([2, 3, 4], maxlen=3)");
    check_repr(call(d, "appendleft", 1, five), "None");
    check_repr(wf_newref(d), "deque([5, 2, 3], maxlen=3)");
    check_repr(call(d, "rotate", 1, five), "None");
    check_repr(wf_newref(d), "deque([2, 3, 5], maxlen=3)");
    check_error(call(d, "index", 1, range), &wf_exc_ValueError, "range(0, 5) is not in deque");
    wf_decref(d);
    d = wf_object_call_noargs(D);
    check_error(call(d, "pop", 0), &wf_exc_IndexError, "pop from an empty deque");
    wf_decref(d);
    wf_decref(range);
    wf_decref(five);
    wf_decref(three);
    wf_decref(D);
    drop_module(m);
}
END_TEST

START_TEST(test_itertools_values) {
    wf_object *m = wfmod_init_itertools();
    ck_assert_ptr_nonnull(m);
    wf_object *s = wf_str_from_cstr("ABCD");
    wf_object *two = wf_int_from_i64(2);
    wf_object *c = call(m, "combinations", 2, s, two);
    check_repr(wf_sequence_list(c), "[('A', 'B'), ('A', 'C'), ('A', 'D'), ('B', 'C'), ('B', 'D'), ('C', 'D')]");
    wf_decref(c);
    wf_object *cnt = call(m, "count", 2, two, two);
    wf_decref(wf_iter_next(cnt));
    check_repr(wf_newref(cnt), "count(4, 2)");
    wf_decref(cnt);
    wf_object *neg = wf_int_from_i64(-1);
    check_error(call(m, "islice", 2, s, neg), &wf_exc_ValueError,
                "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    wf_decref(neg);
    wf_decref(two);
    wf_decref(s);
    drop_module(m);
}
END_TEST

/* --- threads ------------------------------------------------------------------ */
#define NTHREADS 4
static struct {
    wf_object *deque;
    wf_object *count;
    wf_object *cycle;
    wf_object *tee_a;
    wf_object *random;
    _Atomic long popped;
    _Atomic long tee_items;
    int64_t *seen; /* count values taken, per thread */
    long per_thread;
} shared;

static void hammer(int index, void *arg) {
    (void)arg;
    long n = shared.per_thread;
    for (long i = 0; i < n; i++) {
        wf_object *v = wf_int_from_i64(i);
        wf_decref(call(shared.deque, "append", 1, v));
        wf_decref(call(shared.deque, "appendleft", 1, v));
        wf_object *p = call(shared.deque, "pop", 0);
        if (p) {
            atomic_fetch_add(&shared.popped, 1);
            wf_decref(p);
        } else {
            wf_err_clear();
        }
        if (i % 64 == 0) {
            wf_decref(call(shared.deque, "rotate", 1, v));
            /* iterating while others mutate: items or RuntimeError, never a crash */
            wf_object *l = wf_sequence_list(shared.deque);
            if (l) wf_decref(l);
            else wf_err_clear();
        }
        wf_decref(v);
        wf_object *c = wf_iter_next(shared.count);
        ck_assert_ptr_nonnull(c);
        shared.seen[index * n + i] = wf_int_as_ssize(c);
        wf_decref(c);
        wf_decref(wf_iter_next(shared.cycle));
        wf_object *t = wf_iter_next(shared.tee_a);
        if (t) {
            atomic_fetch_add(&shared.tee_items, 1);
            wf_decref(t);
        } else {
            wf_err_clear();
        }
        wf_decref(call(shared.random, "random", 0));
    }
}

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

START_TEST(test_threads_shared_objects) {
    wf_object *coll = wfmod_init__collections(), *it = wfmod_init_itertools();
    wf_object *rnd = wfmod_init__random();
    ck_assert(coll && it && rnd);
    shared.per_thread = wtest_scale(5000);
    long n = shared.per_thread;
    shared.deque = call(coll, "deque", 0);
    shared.count = call(it, "count", 0);
    wf_object *s = wf_str_from_cstr("abcdefg");
    shared.cycle = call(it, "cycle", 1, s);
    wf_object *total = wf_int_from_i64(NTHREADS * n / 2);
    wf_object *zero = wf_int_from_i64(0);
    wf_object *range = wf_range_new(zero, total, NULL);
    wf_decref(zero);
    wf_object *pair = call(it, "tee", 1, range);
    ck_assert_ptr_nonnull(pair);
    shared.tee_a = wf_newref(WF_TUPLE_ITEM(pair, 0));
    wf_object *tee_b = wf_newref(WF_TUPLE_ITEM(pair, 1));
    shared.random = call(rnd, "Random", 0);
    shared.seen = malloc(sizeof(int64_t) * (size_t)(NTHREADS * n));
    atomic_store(&shared.popped, 0);
    atomic_store(&shared.tee_items, 0);
    ck_assert(shared.deque && shared.count && shared.cycle && shared.random);

    wtest_run_threads(NTHREADS, hammer, NULL);

    /* deque: 2 pushes and at most 1 pop per step */
    ck_assert_int_eq(wf_object_size(shared.deque) + atomic_load(&shared.popped), 2 * NTHREADS * n);
    /* count: every value handed out exactly once */
    qsort(shared.seen, (size_t)(NTHREADS * n), sizeof(int64_t), cmp_i64);
    for (long i = 0; i < NTHREADS * n; i++) ck_assert_int_eq(shared.seen[i], i);
    /* tee: the shared source is read once; the other copy sees every item */
    ck_assert_int_eq(atomic_load(&shared.tee_items), NTHREADS * n / 2);
    wf_object *rest = wf_sequence_list(tee_b);
    ck_assert_int_eq(wf_list_size(rest), NTHREADS * n / 2);
    wf_decref(rest);

    free(shared.seen);
    wf_decref(shared.deque);
    wf_decref(shared.count);
    wf_decref(shared.cycle);
    wf_decref(shared.tee_a);
    wf_decref(shared.random);
    wf_decref(tee_b);
    wf_decref(pair);
    wf_decref(range);
    wf_decref(total);
    wf_decref(s);
    drop_module(coll);
    drop_module(it);
    drop_module(rnd);
}
END_TEST

int main(void) {
    Suite *s = suite_create("modules");
    TCase *tc = wtest_add_tcase(s, "values", 0);
    tcase_add_test(tc, test_math_values);
    tcase_add_test(tc, test_random_values);
    tcase_add_test(tc, test_deque_values);
    tcase_add_test(tc, test_itertools_values);
    TCase *th = wtest_add_tcase(s, "threads", 300);
    tcase_add_test(th, test_threads_shared_objects);
    return wtest_run_suite(s);
}
