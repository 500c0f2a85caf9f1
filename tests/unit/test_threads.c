/*
 * tests/unit/test_threads.c — the thread registry, thread states, the eval
 * breaker and stop-the-world.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "threads/gil.h"
#include "threads/parking_lot.h"
#include "threads/thread.h"
#include "wtest.h"

/* ---- registry ---------------------------------------------------------- */

START_TEST(test_main_thread_registered) {
    wft_thread *t = wft_current();
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(t->index, 1);
    ck_assert_uint_eq(wft_current_index(), 1);
    ck_assert_int_eq(wft_state_of(t), WFT_ATTACHED);
    ck_assert_uint_eq(wft_thread_count(), 1);
}
END_TEST

#define NIDX 8
static _Atomic uint32_t seen_index[NIDX];
static pthread_barrier_t hold_barrier;

static void record_index(int i, void *arg) {
    (void)arg;
    atomic_store(&seen_index[i], wft_current_index());
    /* Everyone stays registered until all have recorded their index. */
    wft_thread *t = wft_current();
    wft_detach(t);
    pthread_barrier_wait(&hold_barrier);
    wft_attach(t);
}

START_TEST(test_indices_small_unique_and_reused) {
    for (int round = 0; round < 3; round++) {
        pthread_barrier_init(&hold_barrier, NULL, NIDX);
        wtest_run_threads(NIDX, record_index, NULL);
        pthread_barrier_destroy(&hold_barrier);
        uint32_t mask = 0;
        for (int i = 0; i < NIDX; i++) {
            uint32_t idx = atomic_load(&seen_index[i]);
            /* main thread holds 1; the workers get exactly 2..NIDX+1 */
            ck_assert_uint_ge(idx, 2);
            ck_assert_uint_le(idx, NIDX + 1);
            ck_assert_msg(!(mask & (1u << idx)), "index %u handed out twice", idx);
            mask |= 1u << idx;
        }
        ck_assert_uint_eq(wft_thread_count(), 1);
    }
}
END_TEST

static void *unregistered_main(void *arg) {
    (void)arg;
    ck_assert_ptr_null(wft_current());
    ck_assert_uint_eq(wft_current_index(), WFT_NO_INDEX);
    return NULL;
}

START_TEST(test_unregistered_thread_has_no_index) {
    pthread_t th;
    pthread_create(&th, NULL, unregistered_main, NULL);
    wft_thread *t = wft_current();
    wft_detach(t);
    pthread_join(th, NULL);
    wft_attach(t);
}
END_TEST

/* ---- states and the eval breaker ----------------------------------------- */

START_TEST(test_detach_attach_states) {
    wft_thread *t = wft_current();
    wft_detach(t);
    ck_assert_int_eq(wft_state_of(t), WFT_DETACHED);
    ck_assert(!wft_detach_if_attached(t));
    wft_attach(t);
    ck_assert_int_eq(wft_state_of(t), WFT_ATTACHED);
    bool was = wft_detach_if_attached(t);
    ck_assert(was);
    ck_assert_int_eq(wft_state_of(t), WFT_DETACHED);
    wft_reattach(t, was);
    ck_assert_int_eq(wft_state_of(t), WFT_ATTACHED);
}
END_TEST

START_TEST(test_eval_breaker_vm_bits_returned) {
    wft_thread *t = wft_current();
    ck_assert_uint_eq(wft_safepoint(t), 0);
    wft_eval_breaker_set(t, WFT_EB_ASYNC_EXC | WFT_EB_SIGNALS_PENDING);
    uintptr_t left = wft_safepoint(t);
    ck_assert_uint_eq(left, WFT_EB_ASYNC_EXC | WFT_EB_SIGNALS_PENDING);
    wft_eval_breaker_clear(t, WFT_EB_ASYNC_EXC | WFT_EB_SIGNALS_PENDING);
    ck_assert_uint_eq(wft_eval_breaker_get(t), 0);
    /* A stale stop request (no stop-the-world active) is consumed
     * harmlessly. */
    wft_eval_breaker_set(t, WFT_EB_PLEASE_STOP);
    ck_assert_uint_eq(wft_safepoint(t), 0);
    ck_assert_uint_eq(wft_eval_breaker_get(t) & WFT_EB_PLEASE_STOP, 0);
    ck_assert_int_eq(wft_state_of(t), WFT_ATTACHED);
}
END_TEST

/* ---- stop-the-world ------------------------------------------------------ */

/* Workers in every state: spinning attached (checking safe points),
 * detached and sleeping, parked on a wf_mutex held by the main thread, and
 * toggling attach/detach in a loop.  While the world is stopped none of
 * them may make progress on shared counters. */
#define ROLE_SPIN 0
#define ROLE_SLEEP 1
#define ROLE_PARKED 2
#define ROLE_TOGGLE 3
#define NROLES 4
#define PER_ROLE 2

static _Atomic long progress[NROLES * PER_ROLE];
static _Atomic int stop_workers;
static wf_mutex held_mutex;

static void stw_worker(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    int role = i % NROLES;
    while (!atomic_load(&stop_workers)) {
        switch (role) {
        case ROLE_SPIN:
            atomic_fetch_add(&progress[i], 1);
            wft_safepoint(t);
            break;
        case ROLE_SLEEP:
            wft_detach(t);
            usleep(200);
            wft_attach(t);
            atomic_fetch_add(&progress[i], 1);
            break;
        case ROLE_PARKED:
            wf_mutex_lock(&held_mutex); /* parks (detached) while main holds it */
            atomic_fetch_add(&progress[i], 1);
            wf_mutex_unlock(&held_mutex);
            wft_safepoint(t);
            break;
        case ROLE_TOGGLE:
            wft_detach(t);
            wft_attach(t);
            atomic_fetch_add(&progress[i], 1);
            break;
        }
    }
}

static long total_progress(void) {
    long s = 0;
    for (int i = 0; i < NROLES * PER_ROLE; i++) s += atomic_load(&progress[i]);
    return s;
}

START_TEST(test_stop_the_world_every_state) {
    atomic_store(&stop_workers, 0);
    memset(progress, 0, sizeof progress);
    wf_mutex_lock(&held_mutex);
    wtest_group *g = wtest_start_threads(NROLES * PER_ROLE, stw_worker, NULL);
    wtest_sleep_ms(20);
    int rounds = (int)wtest_scale(50);
    for (int r = 0; r < rounds; r++) {
        wft_stop_the_world();
        ck_assert(wft_world_is_stopped());
        long before = total_progress();
        /* Release the mutex the parked workers wait on: even so, none may
         * run while the world is stopped. */
        if (r == 0) wf_mutex_unlock(&held_mutex);
        usleep(2000);
        long after = total_progress();
        ck_assert_msg(before == after, "threads progressed during stop-the-world (%ld -> %ld)",
                      before, after);
        wft_thread *self = wft_current();
        ck_assert_int_eq(wft_state_of(self), WFT_ATTACHED);
        wft_start_the_world();
        ck_assert(!wft_world_is_stopped());
        wtest_sleep_ms(1);
    }
    /* Every worker made progress between pauses. */
    atomic_store(&stop_workers, 1);
    wtest_join_threads(g);
    for (int i = 0; i < NROLES * PER_ROLE; i++)
        ck_assert_msg(atomic_load(&progress[i]) > 0, "worker %d never ran", i);
}
END_TEST

/* Several threads request stop-the-world concurrently while others churn
 * (register, allocate an index, exit): requests serialise, none deadlocks. */
static _Atomic long stw_done;
static _Atomic int churn_stop;

static void stw_requester(int i, void *arg) {
    (void)arg;
    int n = (int)wtest_scale(200);
    for (int k = 0; k < n; k++) {
        wft_stop_the_world();
        ck_assert(wft_world_is_stopped());
        atomic_fetch_add(&stw_done, 1);
        wft_start_the_world();
        wft_safepoint(wft_current());
    }
}

static void *churn_main(void *arg) {
    (void)arg;
    while (!atomic_load(&churn_stop)) {
        wft_thread *t = wft_thread_new();
        wft_attach(t);
        wft_safepoint(t);
        wft_thread_delete(t);
    }
    return NULL;
}

START_TEST(test_concurrent_requesters_and_churn) {
    atomic_store(&stw_done, 0);
    atomic_store(&churn_stop, 0);
    pthread_t churn[2];
    for (int i = 0; i < 2; i++) pthread_create(&churn[i], NULL, churn_main, NULL);
    wtest_run_threads(3, stw_requester, NULL);
    atomic_store(&churn_stop, 1);
    wft_thread *t = wft_current();
    wft_detach(t);
    for (int i = 0; i < 2; i++) pthread_join(churn[i], NULL);
    wft_attach(t);
    ck_assert_int_eq(atomic_load(&stw_done), 3 * wtest_scale(200));
    ck_assert_uint_eq(wft_thread_count(), 1);
}
END_TEST

/* A thread that registers while the world is stopped cannot attach until
 * the world restarts. */
static _Atomic int late_attached;

static void *late_main(void *arg) {
    (void)arg;
    wft_thread *t = wft_thread_new();
    wft_attach(t);
    atomic_store(&late_attached, 1);
    wft_thread_delete(t);
    return NULL;
}

START_TEST(test_register_during_stop_the_world) {
    atomic_store(&late_attached, 0);
    wft_stop_the_world();
    pthread_t th;
    pthread_create(&th, NULL, late_main, NULL);
    usleep(20000);
    ck_assert_int_eq(atomic_load(&late_attached), 0);
    wft_start_the_world();
    wft_thread *t = wft_current();
    wft_detach(t);
    pthread_join(th, NULL);
    wft_attach(t);
    ck_assert_int_eq(atomic_load(&late_attached), 1);
}
END_TEST

Suite *threads_suite(void) {
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_main_thread_registered);
    tcase_add_test(tc, test_indices_small_unique_and_reused);
    tcase_add_test(tc, test_unregistered_thread_has_no_index);
    tcase_add_test(tc, test_detach_attach_states);
    tcase_add_test(tc, test_eval_breaker_vm_bits_returned);
    tcase_add_test(tc, test_stop_the_world_every_state);
    tcase_add_test(tc, test_concurrent_requesters_and_churn);
    tcase_add_test(tc, test_register_during_stop_the_world);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return wtest_run_suite(threads_suite()); }
