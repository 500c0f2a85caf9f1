/*
 * tests/unit/test_review_threads.c — regression tests from the review of
 * the threads core (registry, stop-the-world, GIL).  Each test names the
 * defect it guards against.
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "threads/gil.h"
#include "threads/thread.h"
#include "weft/mutex.h"
#include "wtest.h"

static void gil_setup(void) {
    wtest_setup();
#if WF_FREE_THREADED
    wft_gil_set_enabled(true);
#endif
}

/* ---- GIL: a huge switch interval means "never ask the holder" ------------
 * deadline_after_us computed us * 1000 in int64: for intervals above ~292
 * years (sys.setswitchinterval(1e10)) it overflowed, giving a deadline in
 * the past (every wait timed out at once and the holder was asked to drop
 * immediately) or a negative tv_nsec (pthread_cond_timedwait failed with
 * EINVAL and the waiter aborted). */

static _Atomic int waiter_done;
static _Atomic uintptr_t holder_bits;

static void hold_then_release(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    if (i == 0) {
        /* Attached: holds the GIL for 30 ms while the other one waits. */
        int64_t end = wft_monotonic_ns() + 30 * 1000000LL;
        while (wft_monotonic_ns() < end) {
        }
        atomic_store(&holder_bits, wft_eval_breaker_get(t));
    } else {
        atomic_store(&waiter_done, 1);
    }
}

START_TEST(test_gil_huge_switch_interval) {
    static const int64_t huge[] = {INT64_MAX, INT64_MAX / 1000 + 1, 10000000000000000LL};
    for (int k = 0; k < 3; k++) {
        atomic_store(&waiter_done, 0);
        atomic_store(&holder_bits, 0);
        wft_gil_set_interval_us(huge[k]);
        wtest_run_threads(2, hold_then_release, NULL);
        ck_assert_int_eq(atomic_load(&waiter_done), 1);
        ck_assert_msg((atomic_load(&holder_bits) & WFT_EB_GIL_DROP_REQUEST) == 0,
                      "interval %lld: drop request sent before the interval passed",
                      (long long)huge[k]);
    }
    wft_gil_set_interval_us(WFT_GIL_DEFAULT_INTERVAL_US);
}
END_TEST

/* ---- GIL: enabling it with other threads registered is refused -----------
 * wft_gil_set_enabled documented "no other thread may be registered" but did
 * not check: a thread already attached would keep running without the GIL,
 * silently breaking mutual exclusion. */

#if WF_FREE_THREADED
static pthread_barrier_t enable_barrier;

static void *registered_idle(void *arg) {
    (void)arg;
    wft_thread *t = wft_thread_new();
    wft_attach(t);
    pthread_barrier_wait(&enable_barrier); /* attached, without the GIL */
    pthread_barrier_wait(&enable_barrier);
    wft_thread_delete(t);
    return NULL;
}

START_TEST(test_gil_enable_with_threads_registered_aborts) {
    pthread_barrier_init(&enable_barrier, NULL, 2);
    pthread_t th;
    pthread_create(&th, NULL, registered_idle, NULL);
    pthread_barrier_wait(&enable_barrier);
    wft_gil_set_enabled(true); /* must abort */
    pthread_barrier_wait(&enable_barrier);
    pthread_join(th, NULL);
}
END_TEST
#endif

/* ---- stop-the-world while threads block inside their exit hooks ----------
 * Exit hooks run attached; one that blocks on a wf_mutex detaches, may be
 * suspended there, and must finish after the restart.  Threads also
 * register (init hooks run detached, unlinked) during pauses. */

static wf_mutex exit_hook_mutex;
static _Atomic long exit_hooks_run, init_hooks_run;
static _Atomic int churn2_stop;

static void review_exit_hook(wft_thread *t) {
    (void)t;
    wf_mutex_lock(&exit_hook_mutex); /* contended: parks, detached */
    usleep(50);
    wf_mutex_unlock(&exit_hook_mutex);
    atomic_fetch_add(&exit_hooks_run, 1);
}

static void review_init_hook(wft_thread *t) {
    (void)t;
    atomic_fetch_add(&init_hooks_run, 1);
}

static void *churn_with_hooks(void *arg) {
    (void)arg;
    while (!atomic_load(&churn2_stop)) {
        wft_thread *t = wft_thread_new();
        wft_attach(t);
        wf_object *o = wtest_new_counted();
        wft_safepoint(t);
        wf_decref(o);
        wft_thread_delete(t);
    }
    return NULL;
}

START_TEST(test_stop_the_world_with_blocking_exit_hooks) {
    static const wft_hooks hooks = {.thread_init = review_init_hook,
                                    .thread_exit = review_exit_hook};
    wft_add_hooks(&hooks);
    atomic_store(&churn2_stop, 0);
    pthread_t th[3];
    for (int i = 0; i < 3; i++) pthread_create(&th[i], NULL, churn_with_hooks, NULL);
    int rounds = (int)wtest_scale(100);
    for (int r = 0; r < rounds; r++) {
        /* Every other pause, hold the mutex the exit hooks need from before
         * the pause and release it inside (a hand-off to a suspended
         * waiter).  The requester never *takes* it inside a pause: a
         * suspended thread may own it (see docs/internals/locks.md). */
        bool hold = (r & 1) != 0;
        if (hold) wf_mutex_lock(&exit_hook_mutex);
        wft_stop_the_world();
        long before = atomic_load(&exit_hooks_run);
        usleep(300);
        if (hold) wf_mutex_unlock(&exit_hook_mutex);
        usleep(300);
        ck_assert_int_eq(atomic_load(&exit_hooks_run), before);
        wft_start_the_world();
        wtest_sleep_ms(1);
    }
    atomic_store(&churn2_stop, 1);
    wft_thread *t = wft_current();
    wft_detach(t);
    for (int i = 0; i < 3; i++) pthread_join(th[i], NULL);
    wft_attach(t);
    ck_assert_uint_eq(wft_thread_count(), 1);
    ck_assert_int_gt(atomic_load(&exit_hooks_run), 0);
    ck_assert_int_eq(atomic_load(&init_hooks_run), atomic_load(&exit_hooks_run));
}
END_TEST

/* ---- stop-the-world with the GIL switched on (or the GIL flavour) --------
 * The requester holds the GIL; every other thread waits for it detached or
 * suspended.  Waiters time out and send drop requests to the requester
 * during the pause; no one may run during a pause and all finish. */

static _Atomic long gil_progress[4];
static _Atomic int gil_stop;

static void gil_worker(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    while (!atomic_load(&gil_stop)) {
        atomic_fetch_add(&gil_progress[i], 1);
        wft_safepoint(t);
        if ((atomic_load(&gil_progress[i]) & 255) == 0) wtest_sleep_ms(0);
    }
}

static long gil_total(void) {
    long s = 0;
    for (int i = 0; i < 4; i++) s += atomic_load(&gil_progress[i]);
    return s;
}

START_TEST(test_stop_the_world_with_gil) {
    ck_assert(wft_gil_enabled());
    wft_gil_set_interval_us(200);
    atomic_store(&gil_stop, 0);
    for (int i = 0; i < 4; i++) atomic_store(&gil_progress[i], 0);
    wtest_group *g = wtest_start_threads(4, gil_worker, NULL);
    wtest_sleep_ms(5);
    int rounds = (int)wtest_scale(60);
    for (int r = 0; r < rounds; r++) {
        wft_stop_the_world();
        long before = gil_total();
        usleep(1000); /* longer than the switch interval: drop requests */
        ck_assert_int_eq(gil_total(), before);
        if (r % 3 == 0) {
            /* The requester blocks (detaches, dropping the GIL) during the
             * pause: suspended waiters may take the GIL but not run. */
            wtest_sleep_ms(1);
            ck_assert_int_eq(gil_total(), before);
        }
        wft_start_the_world();
        wft_safepoint(wft_current()); /* services the drop request */
    }
    atomic_store(&gil_stop, 1);
    wtest_join_threads(g);
    for (int i = 0; i < 4; i++) ck_assert_int_gt(atomic_load(&gil_progress[i]), 0);
}
END_TEST

Suite *review_threads_suite(void) {
    Suite *s = suite_create("review_threads");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_stop_the_world_with_blocking_exit_hooks);
    suite_add_tcase(s, tc);

    TCase *tg = tcase_create("gil");
    tcase_add_checked_fixture(tg, gil_setup, wtest_teardown);
    tcase_set_timeout(tg, 300);
    tcase_add_test(tg, test_gil_huge_switch_interval);
    tcase_add_test(tg, test_stop_the_world_with_gil);
    suite_add_tcase(s, tg);

#if WF_FREE_THREADED
    TCase *te = tcase_create("gil_enable");
    tcase_add_checked_fixture(te, wtest_setup, wtest_teardown);
    tcase_set_timeout(te, 60);
    tcase_add_test_raise_signal(te, test_gil_enable_with_threads_registered_aborts, SIGABRT);
    suite_add_tcase(s, te);
#endif
    return s;
}

int main(void) { return wtest_run_suite(review_threads_suite()); }
