/*
 * tests/unit/wtest.c — helpers shared by the Check suites (see wtest.h).
 */
#include "wtest.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

_Atomic long wtest_dealloc_count;

static void counted_dealloc(wf_object *op) {
    atomic_fetch_add_explicit(&wtest_dealloc_count, 1, memory_order_relaxed);
    wfm_object_free(op);
}

wf_type wtest_counted_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(NULL),
    .tp_name = "counted",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = counted_dealloc,
};

wf_object *wtest_new_counted(void) {
    wf_object *op = wfm_object_alloc(sizeof(wf_object));
    ck_assert_ptr_nonnull(op);
    wf_object_init(op, &wtest_counted_type);
    return op;
}

void wtest_setup(void) {
    atomic_store(&wtest_dealloc_count, 0);
    wf_runtime_init();
}

void wtest_teardown(void) { wf_runtime_fini(); }

long wtest_scale(long n) {
#if WF_TSAN || WF_ASAN
    long s = n / 10;
    return s > 0 ? s : 1;
#else
    return n;
#endif
}

void wtest_sleep_ms(int ms) {
    wft_thread *t = wft_current();
    bool was = t ? wft_detach_if_attached(t) : false;
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) {
    }
    if (t) wft_reattach(t, was);
}

struct wtest_group {
    int n;
    wtest_thread_fn fn;
    void *arg;
    pthread_t *tids;
    pthread_barrier_t start;
    struct wtest_arg *args;
};

struct wtest_arg {
    wtest_group *g;
    int index;
};

static void *thread_main(void *p) {
    struct wtest_arg *a = p;
    wft_thread *t = wft_thread_new();
    pthread_barrier_wait(&a->g->start); /* detached while waiting */
    wft_attach(t);
    a->g->fn(a->index, a->g->arg);
    wft_thread_delete(t);
    return NULL;
}

wtest_group *wtest_start_threads(int n, wtest_thread_fn fn, void *arg) {
    wtest_group *g = calloc(1, sizeof *g);
    g->n = n;
    g->fn = fn;
    g->arg = arg;
    g->tids = calloc((size_t)n, sizeof *g->tids);
    g->args = calloc((size_t)n, sizeof *g->args);
    pthread_barrier_init(&g->start, NULL, (unsigned)n);
    for (int i = 0; i < n; i++) {
        g->args[i].g = g;
        g->args[i].index = i;
        if (pthread_create(&g->tids[i], NULL, thread_main, &g->args[i]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            abort();
        }
    }
    return g;
}

void wtest_join_threads(wtest_group *g) {
    wft_thread *t = wft_current();
    bool was = t ? wft_detach_if_attached(t) : false;
    for (int i = 0; i < g->n; i++) pthread_join(g->tids[i], NULL);
    if (t) wft_reattach(t, was);
    pthread_barrier_destroy(&g->start);
    free(g->tids);
    free(g->args);
    free(g);
}

void wtest_run_threads(int n, wtest_thread_fn fn, void *arg) {
    wtest_join_threads(wtest_start_threads(n, fn, arg));
}

void wtest_run_unregistered(void *(*fn)(void *), void *arg) {
    wft_thread *t = wft_current();
    bool was = t ? wft_detach_if_attached(t) : false;
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, fn, arg), 0);
    pthread_join(th, NULL);
    if (t) wft_reattach(t, was);
}

TCase *wtest_add_tcase(Suite *s, const char *name, double timeout_s) {
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    if (timeout_s > 0) tcase_set_timeout(tc, timeout_s);
    suite_add_tcase(s, tc);
    return tc;
}

int wtest_run_suite(Suite *s) {
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
