/*
 * tests/unit/test_gil.c — the classic GIL: mutual exclusion while attached,
 * drop requests after one switch interval, hand-offs and progress for every
 * thread, forced switching, and the switch-interval setting.
 *
 * Runs in every flavour.  In the free-threaded flavour the fixture turns
 * the GIL on (wft_gil_set_enabled) after the runtime came up and before any
 * other thread exists, as `-X gil=1` will.
 */
#include <stdlib.h>
#include <time.h>

#include "threads/gil.h"
#include "wtest.h"

static void gil_setup(void) {
    wtest_setup();
#if WF_FREE_THREADED
    ck_assert(!wft_gil_enabled()); /* off unless asked for */
    wft_gil_set_enabled(true);
#endif
}

static int64_t now_ns(void) { return wft_monotonic_ns(); }

START_TEST(test_gil_enabled_and_held_while_attached) {
    wft_thread *t = wft_current();
    ck_assert(wft_gil_enabled());
    ck_assert_int_eq(t->holds_gil, 1);
    uint64_t sc = wft_gil_switch_count();
    wft_detach(t);
    ck_assert_int_eq(t->holds_gil, 0);
    wft_attach(t);
    ck_assert_int_eq(t->holds_gil, 1);
    /* Nobody else wanted it: no hand-off, no forced wait. */
    ck_assert_uint_eq(wft_gil_switch_count(), sc);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Mutual exclusion: plain (non-atomic) updates made only while attached.
 * ------------------------------------------------------------------------- */

typedef struct excl {
    long per_thread;
    bool detach_sometimes;
    volatile long counter; /* protected by the GIL only */
    volatile int inside;   /* 1 while a thread is between safe points */
    long overlaps;         /* protected by the GIL only */
} excl;

static void excl_fn(int idx, void *arg) {
    excl *e = arg;
    wft_thread *t = wft_current();
    for (long i = 0; i < e->per_thread; i++) {
        if (e->inside) e->overlaps++;
        e->inside = 1;
        long v = e->counter;
        e->counter = v + 1;
        e->inside = 0;
        if ((i & 63) == 0) wft_safepoint(t);
        if (e->detach_sometimes && (i & 1023) == 0) wtest_sleep_ms(0);
    }
}

static void run_excl(int nthreads, bool detach_sometimes) {
    excl *e = calloc(1, sizeof *e);
    e->per_thread = wtest_scale(200000);
    e->detach_sometimes = detach_sometimes;
    wft_gil_set_interval_us(1000);
    uint64_t sc = wft_gil_switch_count();
    wtest_run_threads(nthreads, excl_fn, e);
    ck_assert_int_eq(e->counter, nthreads * e->per_thread);
    ck_assert_int_eq(e->overlaps, 0);
    ck_assert_uint_gt(wft_gil_switch_count(), sc);
    free(e);
}

START_TEST(test_mutual_exclusion_two) { run_excl(2, false); }
END_TEST
START_TEST(test_mutual_exclusion_four) { run_excl(4, false); }
END_TEST
START_TEST(test_mutual_exclusion_four_detaching) { run_excl(4, true); }
END_TEST

/* ---------------------------------------------------------------------------
 * A waiter sets a drop request on the holder after one interval, not before.
 * ------------------------------------------------------------------------- */

#define DROP_INTERVAL_US 20000

typedef struct drop {
    _Atomic int holder_ready;
    _Atomic long holder_iters;
    _Atomic int waiter_got;
    _Atomic long yields; /* safe points in which the holder let go */
    _Atomic int64_t waited_ns;
} drop;

static void drop_fn(int idx, void *arg) {
    drop *d = arg;
    wft_thread *t = wft_current();
    if (idx == 0) { /* holder: never detaches, only passes safe points */
        atomic_store(&d->holder_ready, 1);
        long yields = 0;
        while (!atomic_load(&d->waiter_got)) {
            atomic_fetch_add(&d->holder_iters, 1); /* we hold the GIL here */
            /* The GIL changes hands inside a safe point only when a drop
             * request is serviced there. */
            uint64_t before = wft_gil_switch_count();
            wft_safepoint(t);
            if (wft_gil_switch_count() != before) yields++;
        }
        atomic_store(&d->yields, yields);
    } else { /* waiter */
        wft_detach(t);
        struct timespec ts = {0, 100 * 1000};
        while (!atomic_load(&d->holder_ready)) nanosleep(&ts, NULL);
        /* Wait until the holder is back in its loop, holding the GIL (it
         * may have had to give it to us so that we could start). */
        long seen = atomic_load(&d->holder_iters);
        while (atomic_load(&d->holder_iters) < seen + 2) nanosleep(&ts, NULL);
        int64_t t0 = now_ns();
        wft_attach(t); /* waits for the GIL */
        atomic_store(&d->waited_ns, now_ns() - t0);
        atomic_store(&d->waiter_got, 1);
    }
}

START_TEST(test_drop_request_after_interval) {
    drop d = {0};
    wft_gil_set_interval_us(DROP_INTERVAL_US);
    uint64_t sc = wft_gil_switch_count();
    wtest_run_threads(2, drop_fn, &d);
    int64_t waited = atomic_load(&d.waited_ns);
    /* The holder never blocks: the only way in is a drop request, which a
     * waiter may make only after a full interval without a hand-off. */
    ck_assert_msg(waited >= (int64_t)DROP_INTERVAL_US * 1000 * 9 / 10,
                  "waiter got the GIL after %lld ns, before one interval", (long long)waited);
    ck_assert_msg(waited < (int64_t)5 * 1000 * 1000 * 1000, "waiter starved for %lld ns",
                  (long long)waited);
    ck_assert_int_ge(atomic_load(&d.yields), 1);
    ck_assert_uint_gt(wft_gil_switch_count(), sc);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Hand-offs with a 1 ms interval: the GIL changes hands often and every
 * thread makes progress within a bounded time.
 * ------------------------------------------------------------------------- */

#define PROGRESS_THREADS 4
#define PROGRESS_RUN_MS 300

typedef struct progress {
    long iterations[PROGRESS_THREADS];
    int64_t max_gap_ns[PROGRESS_THREADS];
    long yields[PROGRESS_THREADS]; /* safe points that let go of the GIL */
    volatile long shared_counter; /* GIL-protected */
} progress;

static void progress_fn(int idx, void *arg) {
    progress *p = arg;
    wft_thread *t = wft_current();
    int64_t start = now_ns(), last = start;
    int64_t end = start + (int64_t)PROGRESS_RUN_MS * 1000 * 1000;
    long iters = 0, seen = 0;
    int64_t max_gap = 0;
    for (;;) {
        int64_t now = now_ns();
        if (now - last > max_gap) max_gap = now - last;
        last = now;
        if (now >= end) break;
        p->shared_counter++;
        iters++;
        /* some work between safe points */
        volatile unsigned x = 0;
        for (int k = 0; k < 200; k++) x += (unsigned)k;
        (void)x;
        uint64_t before = wft_gil_switch_count();
        wft_safepoint(t);
        if (wft_gil_switch_count() != before) seen++; /* served a drop request */
    }
    p->iterations[idx] = iters;
    p->max_gap_ns[idx] = max_gap;
    p->yields[idx] = seen;
}

START_TEST(test_handoffs_and_progress) {
    progress *p = calloc(1, sizeof *p);
    wft_gil_set_interval_us(1000);
    uint64_t sc = wft_gil_switch_count();
    wtest_run_threads(PROGRESS_THREADS, progress_fn, p);
    uint64_t switches = wft_gil_switch_count() - sc;
    long total = 0, yields = 0;
    int64_t bound = (WF_TSAN || WF_ASAN) ? (int64_t)2000 * 1000 * 1000 : (int64_t)1000 * 1000 * 1000;
    for (int i = 0; i < PROGRESS_THREADS; i++) {
        ck_assert_msg(p->iterations[i] > 0, "thread %d never ran", i);
        ck_assert_msg(p->max_gap_ns[i] < bound, "thread %d waited %lld ns for the GIL", i,
                      (long long)p->max_gap_ns[i]);
        total += p->iterations[i];
        yields += p->yields[i];
    }
    ck_assert_int_eq(p->shared_counter, total);
    ck_assert_int_ge(yields, 1);
    /* ~300 intervals of 1 ms: far more than 10 hand-offs unless the drop
     * requests are ignored. */
    ck_assert_msg(switches >= 10, "only %llu GIL hand-offs", (unsigned long long)switches);
    free(p);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Forced switching: after a requested drop the dropping thread does not
 * take the GIL back before another thread has taken it.
 * ------------------------------------------------------------------------- */

typedef struct forced {
    long requested[2];
    long switched[2];
    long retook_first[2];
} forced;

static void forced_fn(int idx, void *arg) {
    forced *f = arg;
    wft_thread *t = wft_current();
    int64_t end = now_ns() + (int64_t)200 * 1000 * 1000;
    while (now_ns() < end) {
        volatile unsigned x = 0;
        for (int k = 0; k < 200; k++) x += (unsigned)k;
        (void)x;
        if (wft_eval_breaker_get(t) & WFT_EB_GIL_DROP_REQUEST) {
            uint64_t before = wft_gil_switch_count();
            wft_safepoint(t);
            uint64_t after = wft_gil_switch_count();
            f->requested[idx]++;
            /* one hand-off to the other thread, one back to us */
            if (after >= before + 2)
                f->switched[idx]++;
            else
                f->retook_first[idx]++;
        } else {
            wft_safepoint(t);
        }
    }
}

START_TEST(test_forced_switching) {
    forced f = {0};
    wft_gil_set_interval_us(1000);
    wtest_run_threads(2, forced_fn, &f);
    ck_assert_int_ge(f.requested[0] + f.requested[1], 1);
    ck_assert_int_eq(f.retook_first[0], 0);
    ck_assert_int_eq(f.retook_first[1], 0);
    ck_assert_int_eq(f.switched[0] + f.switched[1], f.requested[0] + f.requested[1]);
}
END_TEST

/* ---------------------------------------------------------------------------
 * wft_gil_yield: with a waiter, the waiter runs before the caller gets the
 * GIL back; with nobody waiting, it returns at once.
 * ------------------------------------------------------------------------- */

typedef struct yield {
    _Atomic int waiter_detached;
    _Atomic int holder_ready;
    _Atomic int waiter_ran;
    _Atomic int waiter_ran_before_retake;
    _Atomic int64_t switches;
} yield;

static void yield_fn(int idx, void *arg) {
    yield *y = arg;
    wft_thread *t = wft_current();
    if (idx == 0) {
        /* Start holding only once the other thread is past its start-up
         * attach, so the drop request we wait for is the one below. */
        wft_detach(t);
        struct timespec ts = {0, 100 * 1000};
        while (!atomic_load(&y->waiter_detached)) nanosleep(&ts, NULL);
        wft_attach(t); /* clears any earlier drop request */
        atomic_store(&y->holder_ready, 1);
        /* Hold the GIL without passing a safe point until the waiter has
         * asked for it: it is then certainly waiting inside take. */
        while (!(wft_eval_breaker_get(t) & WFT_EB_GIL_DROP_REQUEST)) {
        }
        uint64_t before = wft_gil_switch_count();
        wft_gil_yield(t);
        ck_assert_int_eq(t->holds_gil, 1);
        atomic_store(&y->waiter_ran_before_retake, atomic_load(&y->waiter_ran));
        atomic_store(&y->switches, (int64_t)(wft_gil_switch_count() - before));
    } else {
        wft_detach(t);
        atomic_store(&y->waiter_detached, 1);
        struct timespec ts = {0, 100 * 1000};
        while (!atomic_load(&y->holder_ready)) nanosleep(&ts, NULL);
        wft_attach(t);
        atomic_store(&y->waiter_ran, 1);
    }
}

START_TEST(test_gil_yield) {
    wft_thread *t = wft_current();
    uint64_t sc = wft_gil_switch_count();
    wft_gil_yield(t); /* nobody waits: no hand-off, no forced wait */
    ck_assert_int_eq(t->holds_gil, 1);
    ck_assert_uint_eq(wft_gil_switch_count(), sc);

    yield y = {0};
    wft_gil_set_interval_us(1000);
    wtest_run_threads(2, yield_fn, &y);
    ck_assert_msg(atomic_load(&y.waiter_ran_before_retake), "yield retook the GIL first");
    ck_assert_int_ge(atomic_load(&y.switches), 2);
}
END_TEST

/* ---------------------------------------------------------------------------
 * The switch interval (sys.setswitchinterval / getswitchinterval)
 * ------------------------------------------------------------------------- */

START_TEST(test_switch_interval_setting) {
    ck_assert_int_eq(wft_gil_get_interval_us(), WFT_GIL_DEFAULT_INTERVAL_US);
    ck_assert_int_eq(WFT_GIL_DEFAULT_INTERVAL_US, 5000);
    wft_gil_set_interval_us(1000);
    ck_assert_int_eq(wft_gil_get_interval_us(), 1000);
    wft_gil_set_interval_us(2500);
    ck_assert_int_eq(wft_gil_get_interval_us(), 2500);
    wft_gil_set_interval_us(0); /* raised to the 1 us minimum */
    ck_assert_int_eq(wft_gil_get_interval_us(), 1);
    wft_gil_set_interval_us(-7);
    ck_assert_int_eq(wft_gil_get_interval_us(), 1);
    wft_gil_set_interval_us(WFT_GIL_DEFAULT_INTERVAL_US);
    ck_assert_int_eq(wft_gil_get_interval_us(), 5000);
}
END_TEST

static Suite *gil_suite(void) {
    Suite *s = suite_create("gil");
    TCase *tc = tcase_create("gil");
    tcase_add_checked_fixture(tc, gil_setup, wtest_teardown);
    tcase_add_test(tc, test_gil_enabled_and_held_while_attached);
    tcase_add_test(tc, test_mutual_exclusion_two);
    tcase_add_test(tc, test_mutual_exclusion_four);
    tcase_add_test(tc, test_mutual_exclusion_four_detaching);
    tcase_add_test(tc, test_drop_request_after_interval);
    tcase_add_test(tc, test_handoffs_and_progress);
    tcase_add_test(tc, test_forced_switching);
    tcase_add_test(tc, test_gil_yield);
    tcase_add_test(tc, test_switch_interval_setting);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return wtest_run_suite(gil_suite()); }
