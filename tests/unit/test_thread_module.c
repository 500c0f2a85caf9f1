/*
 * tests/unit/test_thread_module.c — the locks of the `_thread` module
 * (runtime/modules/_thread.c) as Python code uses them: wake-ups on
 * release, timeouts, fairness under contention, RLock ownership, and that
 * a waiting thread sleeps (detached, parked) instead of spinning.
 */
#include <stdio.h>
#include <time.h>

#include "runtime/modules/modules.h"
#include "tests/unit/wtest.h"
#include "weft/objects.h"

static wf_object *thread_module(void) {
    const wfv_builtin_module *m = wfv_builtin_module_find("_thread");
    ck_assert_ptr_nonnull(m);
    wf_object *mod = m->init();
    ck_assert_ptr_nonnull(mod);
    return mod;
}

/* The module's functions refer back to the module (a cycle the unit tests
 * do not collect): clear its dict before dropping it. */
static void drop_module(wf_object *mod) {
    wf_dict_clear(wf_module_get_dict(mod));
    wf_decref(mod);
}

static wf_object *new_lock(wf_object *mod, const char *factory) {
    wf_object *f = wf_object_getattr_string(mod, factory);
    ck_assert_ptr_nonnull(f);
    wf_object *l = wf_object_call_noargs(f);
    ck_assert_ptr_nonnull(l);
    wf_decref(f);
    return l;
}

/* lock.acquire(True, timeout) -> 1/0; timeout < 0 means no timeout. */
static int acquire(wf_object *lock, double timeout) {
    wf_object *args[2] = {wf_True, NULL};
    args[1] = wf_float_from_double(timeout);
    wf_object *r = wf_object_call_method(lock, "acquire", args, 2);
    wf_decref(args[1]);
    ck_assert_ptr_nonnull(r);
    int got = r == wf_True;
    wf_decref(r);
    return got;
}

static void release(wf_object *lock) {
    wf_object *r = wf_object_call_method(lock, "release", NULL, 0);
    ck_assert_ptr_nonnull(r);
    wf_decref(r);
}

static double thread_cpu_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct {
    wf_object *lock;
    _Atomic int waiting;
    _Atomic int64_t acquired_at;
    double cpu_used;
} wake_t;

static void waiter_fn(int index, void *arg) {
    wake_t *w = arg;
    if (index != 0) return;
    double cpu0 = thread_cpu_s();
    atomic_store(&w->waiting, 1);
    ck_assert_int_eq(acquire(w->lock, -1), 1);
    atomic_store(&w->acquired_at, wft_monotonic_ns());
    w->cpu_used = thread_cpu_s() - cpu0;
    release(w->lock);
}

START_TEST(release_wakes_a_blocked_acquire_without_spinning) {
    wf_object *mod = thread_module();
    wake_t w = {.lock = new_lock(mod, "allocate_lock")};
    ck_assert_int_eq(acquire(w.lock, -1), 1);
    wtest_group *g = wtest_start_threads(1, waiter_fn, &w);
    WTEST_WAIT_FOR(atomic_load(&w.waiting));
    wtest_sleep_ms(200);
    ck_assert_int_eq(atomic_load(&w.acquired_at), 0);
    int64_t released = wft_monotonic_ns();
    release(w.lock);
    wtest_join_threads(g);
    int64_t delay = atomic_load(&w.acquired_at) - released;
    ck_assert_msg(delay < 2000000000LL, "wake-up took %lld ns", (long long)delay);
    /* 200 ms of waiting cost far less than 200 ms of CPU: it slept. */
    ck_assert_msg(w.cpu_used < 0.05, "waiter used %.3f s of CPU while blocked", w.cpu_used);
    wf_decref(w.lock);
    drop_module(mod);
}
END_TEST

typedef struct {
    wf_object *lock;
    int got;
    int64_t ns;
    double cpu;
} tr_t;

static void timed_fn(int index, void *arg) {
    (void)index;
    tr_t *t = arg;
    double c0 = thread_cpu_s();
    int64_t t0 = wft_monotonic_ns();
    t->got = acquire(t->lock, 0.15);
    t->ns = wft_monotonic_ns() - t0;
    t->cpu = thread_cpu_s() - c0;
}

START_TEST(timed_acquire_times_out_and_sleeps) {
    wf_object *mod = thread_module();
    const char *factories[2] = {"allocate_lock", "RLock"};
    for (int f = 0; f < 2; f++) {
        wf_object *lock = new_lock(mod, factories[f]);
        ck_assert_int_eq(acquire(lock, -1), 1);
        /* Another thread times out on it. */
        tr_t tr = {.lock = lock};
        wtest_run_threads(1, timed_fn, &tr);
        ck_assert_int_eq(tr.got, 0);
        ck_assert_msg(tr.ns >= 140000000LL && tr.ns < 3000000000LL, "timed wait took %lld ns",
                      (long long)tr.ns);
        ck_assert_msg(tr.cpu < 0.05, "timed waiter used %.3f s of CPU", tr.cpu);
        release(lock);
        wf_decref(lock);
    }
    drop_module(mod);
}
END_TEST

typedef struct {
    wf_object *lock;
    _Atomic int stop;
    long counts[4];
    long shared_counter;
} fair_t;

static void contender_fn(int index, void *arg) {
    fair_t *f = arg;
    long n = 0;
    while (!atomic_load(&f->stop)) {
        wft_safepoint(wft_current()); /* as the interpreter loop does (GIL flavour) */
        ck_assert_int_eq(acquire(f->lock, -1), 1);
        f->shared_counter++; /* protected by the lock */
        n++;
        release(f->lock);
    }
    f->counts[index] = n;
}

START_TEST(contended_lock_is_fair_and_exclusive) {
    wf_object *mod = thread_module();
    fair_t f = {.lock = new_lock(mod, "allocate_lock")};
    wtest_group *g = wtest_start_threads(4, contender_fn, &f);
    wtest_sleep_ms(600);
    atomic_store(&f.stop, 1);
    wtest_join_threads(g);
    long total = 0, min = -1;
    for (int i = 0; i < 4; i++) {
        total += f.counts[i];
        if (min < 0 || f.counts[i] < min) min = f.counts[i];
    }
    ck_assert_int_eq(f.shared_counter, total);
    /* Hand-off after ~1 ms of waiting: nobody starves. */
    ck_assert_msg(min > 0, "a contender never got the lock (total %ld)", total);
    wf_decref(f.lock);
    drop_module(mod);
}
END_TEST

typedef struct {
    wf_object *r;
    int got;
    int release_failed;
} rt_t;

/* Another thread: a timed acquire, then a release it has no right to. */
static void other(int index, void *arg) {
    (void)index;
    rt_t *t = arg;
    t->got = acquire(t->r, 0.05);
    if (t->got) {
        release(t->r);
        t->release_failed = 0;
        return;
    }
    wf_object *res = wf_object_call_method(t->r, "release", NULL, 0);
    t->release_failed = res == NULL && wf_err_occurred() == &wf_exc_RuntimeError;
    if (res) wf_decref(res);
    wf_err_clear();
}

START_TEST(rlock_is_owned_by_one_thread) {
    wf_object *mod = thread_module();
    wf_object *r = new_lock(mod, "RLock");
    ck_assert_int_eq(acquire(r, -1), 1);
    ck_assert_int_eq(acquire(r, -1), 1); /* re-entrant */
    rt_t rt = {.r = r};
    wtest_run_threads(1, other, &rt);
    ck_assert_int_eq(rt.got, 0);
    ck_assert_int_eq(rt.release_failed, 1);
    release(r);
    release(r);
    wtest_run_threads(1, other, &rt);
    ck_assert_int_eq(rt.got, 1);
    wf_decref(r);
    drop_module(mod);
}
END_TEST

int main(void) {
    Suite *s = suite_create("thread_module");
    TCase *tc = wtest_add_tcase(s, "locks", 120);
    tcase_add_test(tc, release_wakes_a_blocked_acquire_without_spinning);
    tcase_add_test(tc, timed_acquire_times_out_and_sleeps);
    tcase_add_test(tc, contended_lock_is_fair_and_exclusive);
    tcase_add_test(tc, rlock_is_owned_by_one_thread);
    return wtest_run_suite(s);
}
