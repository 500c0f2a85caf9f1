/*
 * tests/unit/test_parking_lot.c — the address-keyed parking lot
 * (threads/parking_lot.c): value re-check, FIFO order and callback
 * arguments, the fairness timer, unpark_all, timeouts that leave nothing behind, timeouts
 * racing with unparks, lost-wake-up races, interrupts, detaching while
 * parked, and parking from unregistered threads.
 *
 * "Worker w is queued" is observed without touching the lot: a worker sets
 * a flag while attached and then parks with detach=true; wft_park detaches
 * only after enqueueing, so flag set + state DETACHED means queued.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "threads/gil.h"
#include "threads/parking_lot.h"
#include "threads/thread.h"
#include "wtest.h"

#define MAXW 16

static _Atomic(wft_thread *) worker_thread[MAXW];
static _Atomic int about_to_park[MAXW];
static _Atomic int park_result[MAXW];

static void reset_workers(void) {
    for (int i = 0; i < MAXW; i++) {
        atomic_store(&worker_thread[i], NULL);
        atomic_store(&about_to_park[i], 0);
        atomic_store(&park_result[i], 99);
    }
}

static bool is_queued(int i) {
    wft_thread *t = atomic_load(&worker_thread[i]);
    return t && atomic_load(&about_to_park[i]) && wft_state_of(t) == WFT_DETACHED;
}

/* ---- value check ----------------------------------------------------------- */

START_TEST(test_park_again_on_mismatch_every_size) {
    _Alignas(8) uint8_t u8 = 5;
    _Alignas(8) uint16_t u16 = 500;
    _Alignas(8) uint32_t u32 = 70000;
    _Alignas(8) uint64_t u64 = 1ull << 40;
    uint8_t e8 = 6;
    uint16_t e16 = 501;
    uint32_t e32 = 70001;
    uint64_t e64 = (1ull << 40) + 1;
    ck_assert_int_eq(wft_park(&u8, &e8, 1, -1, NULL, true), WFT_PARK_AGAIN);
    ck_assert_int_eq(wft_park(&u16, &e16, 2, -1, NULL, true), WFT_PARK_AGAIN);
    ck_assert_int_eq(wft_park(&u32, &e32, 4, -1, NULL, true), WFT_PARK_AGAIN);
    ck_assert_int_eq(wft_park(&u64, &e64, 8, -1, NULL, true), WFT_PARK_AGAIN);
    /* Only the low byte differs in the 8-byte case above; equal values with
     * timeout 0 report TIMEOUT at once instead of sleeping. */
    ck_assert_int_eq(wft_park(&u64, &u64, 8, 0, NULL, true), WFT_PARK_TIMEOUT);
    ck_assert_int_eq(wft_state_of(wft_current()), WFT_ATTACHED);
}
END_TEST

/* ---- timeouts ----------------------------------------------------------------- */

static _Atomic int cb_calls;
static void *_Atomic cb_park_arg;
static _Atomic int cb_more;

static void record_cb(void *arg, void *park_arg, bool more, bool be_fair) {
    ck_assert_ptr_eq(arg, &cb_calls);
    (void)be_fair;
    atomic_store(&cb_park_arg, park_arg);
    atomic_store(&cb_more, more);
    atomic_fetch_add(&cb_calls, 1);
}

START_TEST(test_timed_park_times_out_and_leaves_no_entry) {
    _Atomic uint32_t word = 7;
    uint32_t expected = 7;
    int token;
    for (int round = 0; round < 3; round++) {
        int64_t t0 = wft_monotonic_ns();
        wft_park_status r = wft_park(&word, &expected, 4, 20 * 1000000, &token, true);
        int64_t waited = wft_monotonic_ns() - t0;
        ck_assert_int_eq(r, WFT_PARK_TIMEOUT);
        ck_assert_int_ge(waited, 20 * 1000000);
        ck_assert_int_lt(waited, 5LL * 1000000000);
        ck_assert_int_eq(wft_state_of(wft_current()), WFT_ATTACHED); /* re-attached */
        /* Nothing is left queued: the callback sees no waiter. */
        atomic_store(&cb_calls, 0);
        atomic_store(&cb_park_arg, (void *)&word);
        wft_unpark(&word, record_cb, &cb_calls);
        ck_assert_int_eq(atomic_load(&cb_calls), 1);
        ck_assert_ptr_null(atomic_load(&cb_park_arg));
        ck_assert_int_eq(atomic_load(&cb_more), 0);
    }
}
END_TEST

/* ---- FIFO order and callback arguments --------------------------------------- */

#define NFIFO 6
static _Atomic uint32_t fifo_word;
static _Atomic int fifo_turn;
static int fifo_tokens[NFIFO];

static void fifo_worker(int i, void *arg) {
    (void)arg;
    atomic_store(&worker_thread[i], wft_current());
    while (atomic_load(&fifo_turn) != i) {
        wft_safepoint(wft_current());
        sched_yield();
    }
    uint32_t expected = 0;
    atomic_store(&about_to_park[i], 1);
    atomic_store(&park_result[i],
                 wft_park(&fifo_word, &expected, 4, -1, &fifo_tokens[i], true));
}

static void *_Atomic fifo_seen[NFIFO + 1];
static _Atomic int fifo_more[NFIFO + 1];
static void fifo_cb(void *arg, void *park_arg, bool more, bool be_fair) {
    (void)be_fair;
    int k = *(int *)arg;
    atomic_store(&fifo_seen[k], park_arg);
    atomic_store(&fifo_more[k], more);
}

/* Start NFIFO workers and queue them one by one on fifo_word, so that the
 * FIFO order is known. */
static wtest_group *queue_fifo_workers(void) {
    reset_workers();
    atomic_store(&fifo_word, 0);
    atomic_store(&fifo_turn, -1);
    wtest_group *g = wtest_start_threads(NFIFO, fifo_worker, NULL);
    for (int i = 0; i < NFIFO; i++) {
        atomic_store(&fifo_turn, i);
        WTEST_WAIT_FOR(is_queued(i));
    }
    return g;
}

START_TEST(test_unpark_is_fifo_with_callback_args) {
    wtest_group *g = queue_fifo_workers();
    for (int k = 0; k <= NFIFO; k++) wft_unpark(&fifo_word, fifo_cb, &k);
    wtest_join_threads(g);
    for (int k = 0; k < NFIFO; k++) {
        ck_assert_ptr_eq(atomic_load(&fifo_seen[k]), &fifo_tokens[k]);
        ck_assert_int_eq(atomic_load(&fifo_more[k]), k < NFIFO - 1);
        ck_assert_int_eq(atomic_load(&park_result[k]), WFT_PARK_OK);
    }
    ck_assert_ptr_null(atomic_load(&fifo_seen[NFIFO]));
    ck_assert_int_eq(atomic_load(&fifo_more[NFIFO]), 0);
}
END_TEST

/* ---- the bucket's fairness timer -----------------------------------------------
 * be_fair is set at most once per 0.5 ms per bucket (the timer re-arms for a
 * random 0.5-1 ms when it fires), always after the bucket has gone 1 ms
 * without firing, and never when no thread was woken.  Unpark times are
 * taken inside the callback, under the bucket lock, where the lot decides. */

static _Atomic int fair_flag[NFIFO + 1];
static _Atomic int64_t fair_time[NFIFO + 1];
static void fair_cb(void *arg, void *park_arg, bool more, bool be_fair) {
    (void)more;
    int k = *(int *)arg;
    atomic_store(&fair_time[k], wft_monotonic_ns());
    atomic_store(&fair_flag[k], be_fair);
    atomic_store(&fifo_seen[k], park_arg);
}

START_TEST(test_unpark_fairness_timer) {
    for (int round = 0; round < 3; round++) {
        wtest_group *g = queue_fifo_workers();
        /* Waits of 2 ms before unparks 0 and 3; the others follow at once. */
        for (int k = 0; k <= NFIFO; k++) {
            if (k == 0 || k == 3) wtest_sleep_ms(2);
            wft_unpark(&fifo_word, fair_cb, &k);
        }
        wtest_join_threads(g);
        ck_assert_int_eq(atomic_load(&fair_flag[0]), 1);
        ck_assert_int_eq(atomic_load(&fair_flag[3]), 1);
        ck_assert_ptr_null(atomic_load(&fifo_seen[NFIFO]));
        ck_assert_int_eq(atomic_load(&fair_flag[NFIFO]), 0);
        int64_t last_fired = atomic_load(&fair_time[0]);
        for (int k = 1; k < NFIFO; k++) {
            int64_t t = atomic_load(&fair_time[k]);
            if (atomic_load(&fair_flag[k])) {
                ck_assert_msg(t - last_fired >= 500000,
                              "fairness timer fired %lld ns after the last time",
                              (long long)(t - last_fired));
                last_fired = t;
            } else {
                ck_assert_msg(t - last_fired < 1000000,
                              "fairness timer did not fire %lld ns after the last time",
                              (long long)(t - last_fired));
            }
        }
    }
}
END_TEST

/* ---- unpark_all only wakes its own address ------------------------------------- */

/* Two words 4 * 257 bytes apart share a bucket (NBUCKETS is 257). */
static _Atomic uint32_t shared_bucket_words[258];
#define WORD_A (&shared_bucket_words[0])
#define WORD_B (&shared_bucket_words[257])
#define NALL 8

static void unpark_all_worker(int i, void *arg) {
    (void)arg;
    atomic_store(&worker_thread[i], wft_current());
    _Atomic uint32_t *w = (i % 2) ? WORD_B : WORD_A;
    uint32_t expected = 0;
    atomic_store(&about_to_park[i], 1);
    atomic_store(&park_result[i], wft_park(w, &expected, 4, -1, NULL, true));
}

START_TEST(test_unpark_all_wakes_only_its_address) {
    reset_workers();
    atomic_store(WORD_A, 0);
    atomic_store(WORD_B, 0);
    wtest_group *g = wtest_start_threads(NALL, unpark_all_worker, NULL);
    for (int i = 0; i < NALL; i++) WTEST_WAIT_FOR(is_queued(i));
    wft_unpark_all(WORD_A);
    for (int i = 0; i < NALL; i += 2) WTEST_WAIT_FOR(atomic_load(&park_result[i]) == WFT_PARK_OK);
    wtest_sleep_ms(30);
    for (int i = 1; i < NALL; i += 2) {
        ck_assert_int_eq(atomic_load(&park_result[i]), 99); /* still parked */
        ck_assert(is_queued(i));
    }
    wft_unpark_all(WORD_B);
    wtest_join_threads(g);
    for (int i = 0; i < NALL; i++) ck_assert_int_eq(atomic_load(&park_result[i]), WFT_PARK_OK);
    /* Nobody left on either word. */
    atomic_store(&cb_calls, 0);
    wft_unpark(WORD_A, record_cb, &cb_calls);
    ck_assert_ptr_null(atomic_load(&cb_park_arg));
    wft_unpark(WORD_B, record_cb, &cb_calls);
    ck_assert_ptr_null(atomic_load(&cb_park_arg));
}
END_TEST

/* ---- timeouts racing with unparks ------------------------------------------------
 * Waiters park with very short timeouts while unparkers wake them.  The
 * callback counts the waiters it dequeued; each waiter counts the OK
 * results it got.  The two counts are equal only if a waiter that times
 * out while being dequeued consumes that wake-up and reports OK.        */

#define NRACE_WAITERS 4
#define NRACE_UNPARKERS 2
static _Atomic uint32_t race_word;
static _Atomic long race_cb_hits, race_ok, race_timeouts, race_done;

static void race_cb(void *arg, void *park_arg, bool more, bool be_fair) {
    (void)arg;
    (void)more;
    (void)be_fair;
    if (park_arg) atomic_fetch_add_explicit(&race_cb_hits, 1, memory_order_relaxed);
}

static void race_worker(int i, void *arg) {
    long rounds = *(long *)arg;
    wft_thread *self = wft_current();
    if (i < NRACE_WAITERS) {
        uint32_t expected = 0;
        for (long r = 0; r < rounds; r++) {
            /* 0..60 us: many expire while an unparker holds the bucket. */
            int64_t timeout = (int64_t)((r * 7919 + i * 104729) % 60) * 1000 + 1;
            wft_park_status s = wft_park(&race_word, &expected, 4, timeout, &expected,
                                         (r & 1) != 0);
            if (s == WFT_PARK_OK) atomic_fetch_add(&race_ok, 1);
            else if (s == WFT_PARK_TIMEOUT) atomic_fetch_add(&race_timeouts, 1);
            else ck_abort_msg("unexpected park status %d", (int)s);
        }
        atomic_fetch_add(&race_done, 1);
    } else {
        while (atomic_load(&race_done) < NRACE_WAITERS) {
            wft_unpark(&race_word, race_cb, NULL);
            wft_safepoint(self);
        }
    }
}

START_TEST(test_timeouts_racing_with_unparks) {
    long rounds = wtest_scale(20000);
#if WF_GIL_BUILD
    /* One thread runs at a time, and a waiter re-attaching after a detached
     * park waits for the spinning unparkers to be asked to drop the GIL:
     * switch more often and run fewer rounds. */
    wft_gil_set_interval_us(200);
    rounds /= 4;
#endif
    atomic_store(&race_word, 0);
    atomic_store(&race_cb_hits, 0);
    atomic_store(&race_ok, 0);
    atomic_store(&race_timeouts, 0);
    atomic_store(&race_done, 0);
    wtest_run_threads(NRACE_WAITERS + NRACE_UNPARKERS, race_worker, &rounds);
    long ok = atomic_load(&race_ok), timeouts = atomic_load(&race_timeouts);
    long dequeued = atomic_load(&race_cb_hits);
    ck_assert_int_eq(ok + timeouts, NRACE_WAITERS * rounds);
    ck_assert_int_eq(ok, dequeued);
    ck_assert_int_gt(ok, 0);
    /* No entry left behind. */
    atomic_store(&cb_calls, 0);
    atomic_store(&cb_park_arg, (void *)&race_word);
    wft_unpark(&race_word, record_cb, &cb_calls);
    ck_assert_ptr_null(atomic_load(&cb_park_arg));
}
END_TEST

/* ---- no lost wake-ups: a sequence counter with parking consumers ----------------
 * Producers bump `seq` and unpark_all; consumers park while seq equals what
 * they last saw.  Every park has a long timeout: a lost wake-up shows up as
 * a TIMEOUT (the producers never pause that long).                          */

#define NSEQ_PRODUCERS 2
#define NSEQ_CONSUMERS 4
static _Atomic uint32_t seq_word;
static _Atomic int seq_producers_done;
static _Atomic long seq_timeouts;

static void seq_worker(int i, void *arg) {
    long per_producer = *(long *)arg;
    wft_thread *self = wft_current();
    if (i < NSEQ_PRODUCERS) {
        for (long r = 0; r < per_producer; r++) {
            atomic_fetch_add(&seq_word, 1);
            wft_unpark_all(&seq_word);
            if ((r & 15) == 0) wft_safepoint(self);
            if ((r & 3) == 0) sched_yield(); /* let consumers fall asleep */
        }
        atomic_fetch_add(&seq_producers_done, 1);
        wft_unpark_all(&seq_word);
    } else {
        uint32_t target = (uint32_t)(NSEQ_PRODUCERS * per_producer);
        for (;;) {
            uint32_t v = atomic_load(&seq_word);
            if (v == target) break;
            wft_park_status s = wft_park(&seq_word, &v, 4, 10LL * 1000000000, NULL, true);
            if (s == WFT_PARK_TIMEOUT) atomic_fetch_add(&seq_timeouts, 1);
        }
    }
}

START_TEST(test_no_lost_wakeups_sequence) {
    long per_producer = wtest_scale(50000);
    atomic_store(&seq_word, 0);
    atomic_store(&seq_producers_done, 0);
    atomic_store(&seq_timeouts, 0);
    wtest_run_threads(NSEQ_PRODUCERS + NSEQ_CONSUMERS, seq_worker, &per_producer);
    ck_assert_uint_eq(atomic_load(&seq_word), NSEQ_PRODUCERS * per_producer);
    ck_assert_int_eq(atomic_load(&seq_timeouts), 0);
}
END_TEST

/* ---- a barrier built on the lot: every round every thread but the last
 * arriver parks and must be woken by the last one's unpark_all. */

#define NBARRIER 4
static _Atomic uint32_t barrier_arrived, barrier_generation;
static _Atomic long barrier_timeouts;
static _Atomic long barrier_work[NBARRIER];

static void barrier_worker(int i, void *arg) {
    long rounds = *(long *)arg;
    for (long r = 0; r < rounds; r++) {
        atomic_store_explicit(&barrier_work[i], r + 1, memory_order_relaxed);
        uint32_t gen = (uint32_t)r;
        if (atomic_fetch_add(&barrier_arrived, 1) + 1 == (uint32_t)(NBARRIER * (r + 1))) {
            atomic_store(&barrier_generation, gen + 1);
            wft_unpark_all(&barrier_generation);
        } else {
            for (;;) {
                uint32_t v = atomic_load(&barrier_generation);
                if (v != gen) break;
                if (wft_park(&barrier_generation, &v, 4, 10LL * 1000000000, NULL, true) ==
                    WFT_PARK_TIMEOUT)
                    atomic_fetch_add(&barrier_timeouts, 1);
            }
        }
        /* Past the barrier, everyone has reached round r (some may already
         * be in round r + 1). */
        for (int j = 0; j < NBARRIER; j++)
            ck_assert_int_ge(atomic_load_explicit(&barrier_work[j], memory_order_relaxed), r + 1);
    }
}

START_TEST(test_barrier_rounds_no_lost_wakeups) {
    long rounds = wtest_scale(20000);
    atomic_store(&barrier_arrived, 0);
    atomic_store(&barrier_generation, 0);
    atomic_store(&barrier_timeouts, 0);
    for (int j = 0; j < NBARRIER; j++) atomic_store(&barrier_work[j], 0);
    wtest_run_threads(NBARRIER, barrier_worker, &rounds);
    ck_assert_uint_eq(atomic_load(&barrier_generation), rounds);
    ck_assert_int_eq(atomic_load(&barrier_timeouts), 0);
}
END_TEST

/* ---- ping-pong between two threads on one word ------------------------------------ */

static _Atomic uint32_t pp_turn;
static _Atomic long pp_timeouts;
static long pp_counter; /* plain: the turn word orders every access */

static void pingpong_worker(int me, void *arg) {
    long rounds = *(long *)arg;
    for (long r = 0; r < rounds; r++) {
        for (;;) {
            uint32_t v = atomic_load_explicit(&pp_turn, memory_order_acquire);
            if (v == (uint32_t)me) break;
            if (wft_park(&pp_turn, &v, 4, 10LL * 1000000000, NULL, true) == WFT_PARK_TIMEOUT)
                atomic_fetch_add(&pp_timeouts, 1);
        }
        pp_counter++;
        atomic_store_explicit(&pp_turn, (uint32_t)(1 - me), memory_order_release);
        wft_unpark(&pp_turn, NULL, NULL);
    }
}

START_TEST(test_ping_pong_parking) {
    long rounds = wtest_scale(20000);
    atomic_store(&pp_turn, 0);
    atomic_store(&pp_timeouts, 0);
    pp_counter = 0;
    wtest_run_threads(2, pingpong_worker, &rounds);
    ck_assert_int_eq(pp_counter, 2 * rounds);
    ck_assert_int_eq(atomic_load(&pp_timeouts), 0);
}
END_TEST

/* ---- interrupts --------------------------------------------------------------------- */

static _Atomic uint32_t intr_word;

static void intr_worker(int i, void *arg) {
    (void)arg;
    atomic_store(&worker_thread[i], wft_current());
    uint32_t expected = 0;
    atomic_store(&about_to_park[i], 1);
    atomic_store(&park_result[i], wft_park(&intr_word, &expected, 4, -1, NULL, true));
}

START_TEST(test_park_interrupt) {
    reset_workers();
    atomic_store(&intr_word, 0);
    /* Nobody parked: nothing to interrupt. */
    ck_assert(!wft_park_interrupt(wft_current()));
    ck_assert(!wft_park_interrupt(NULL));

    wtest_group *g = wtest_start_threads(2, intr_worker, NULL);
    WTEST_WAIT_FOR(is_queued(0) && is_queued(1));
    ck_assert(wft_park_interrupt(atomic_load(&worker_thread[1])));
    WTEST_WAIT_FOR(atomic_load(&park_result[1]) == WFT_PARK_INTR);
    /* The interrupted entry left the queue; the other is still parked. */
    wtest_sleep_ms(20);
    ck_assert_int_eq(atomic_load(&park_result[0]), 99);
    atomic_store(&cb_calls, 0);
    wft_unpark(&intr_word, record_cb, &cb_calls);
    ck_assert_ptr_null(atomic_load(&cb_park_arg)); /* worker 0 passed NULL */
    ck_assert_int_eq(atomic_load(&cb_more), 0);     /* and was the only one */
    wtest_join_threads(g);
    ck_assert_int_eq(atomic_load(&park_result[0]), WFT_PARK_OK);
}
END_TEST

/* An interrupt sent repeatedly while a thread parks and re-parks in a loop:
 * every INTR it sees corresponds to an interrupt that reported true, and
 * it never hangs. */
static _Atomic int intr_stop;
static _Atomic long intr_seen;

static void intr_loop_worker(int i, void *arg) {
    (void)arg;
    atomic_store(&worker_thread[i], wft_current());
    uint32_t expected = 0;
    while (!atomic_load(&intr_stop)) {
        wft_park_status s = wft_park(&intr_word, &expected, 4, 2000000, NULL, true);
        if (s == WFT_PARK_INTR) atomic_fetch_add(&intr_seen, 1);
    }
}

START_TEST(test_park_interrupt_race) {
    reset_workers();
    atomic_store(&intr_word, 0);
    atomic_store(&intr_stop, 0);
    atomic_store(&intr_seen, 0);
    wtest_group *g = wtest_start_threads(1, intr_loop_worker, NULL);
    WTEST_WAIT_FOR(atomic_load(&worker_thread[0]) != NULL);
    wft_thread *w = atomic_load(&worker_thread[0]);
    long hits = 0;
    long tries = wtest_scale(20000);
    for (long k = 0; k < tries; k++) {
        if (wft_park_interrupt(w)) hits++;
        if ((k & 63) == 0) wtest_sleep_ms(0);
    }
    atomic_store(&intr_stop, 1);
    wtest_join_threads(g);
    /* A hit on an entry that had not yet been queued makes that park return
     * INTR as well; a hit on an entry already being woken is not counted. */
    ck_assert_int_eq(atomic_load(&intr_seen), hits);
    ck_assert_int_gt(hits, 0);
}
END_TEST

/* ---- unregistered threads park too (no detach, no interrupt slot) ------------------- */

static _Atomic uint32_t unreg_word;
static _Atomic int unreg_result = 99;

static void *unregistered_parker(void *arg) {
    (void)arg;
    ck_assert_ptr_null(wft_current());
    uint32_t expected = 0;
    atomic_store(&unreg_result, wft_park(&unreg_word, &expected, 4, -1, &unreg_word, true));
    return NULL;
}

START_TEST(test_unregistered_thread_parks) {
    atomic_store(&unreg_word, 0);
    atomic_store(&unreg_result, 99);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, unregistered_parker, NULL), 0);
    /* Unpark until the callback reports that it found the waiter. */
    int64_t deadline = wft_monotonic_ns() + 20LL * 1000000000;
    for (;;) {
        atomic_store(&cb_calls, 0);
        atomic_store(&cb_park_arg, NULL);
        wft_unpark(&unreg_word, record_cb, &cb_calls);
        if (atomic_load(&cb_park_arg) == (void *)&unreg_word) break;
        ck_assert(wft_monotonic_ns() < deadline);
        wtest_sleep_ms(1);
    }
    wft_thread *self = wft_current();
    wft_detach(self);
    pthread_join(th, NULL);
    wft_attach(self);
    ck_assert_int_eq(atomic_load(&unreg_result), WFT_PARK_OK);
}
END_TEST

/* ---- detach while parked: a parked thread does not block stop-the-world ------------- */

static _Atomic uint32_t stw_word;
static _Atomic int stw_after_park;

static void stw_parker(int i, void *arg) {
    (void)arg;
    atomic_store(&worker_thread[i], wft_current());
    uint32_t expected = 0;
    atomic_store(&about_to_park[i], 1);
    atomic_store(&park_result[i], wft_park(&stw_word, &expected, 4, -1, NULL, true));
    /* Back attached: this runs only after the world restarted. */
    atomic_store(&stw_after_park, 1);
}

START_TEST(test_parked_thread_does_not_block_stop_the_world) {
    reset_workers();
    atomic_store(&stw_word, 0);
    atomic_store(&stw_after_park, 0);
    wtest_group *g = wtest_start_threads(1, stw_parker, NULL);
    WTEST_WAIT_FOR(is_queued(0));
    wft_stop_the_world();
    wft_thread *w = atomic_load(&worker_thread[0]);
    ck_assert_int_eq(wft_state_of(w), WFT_SUSPENDED);
    /* Wake it while the world is stopped: its re-attach must wait. */
    atomic_store(&stw_word, 1);
    wft_unpark_all(&stw_word);
    usleep(30000);
    ck_assert_int_eq(atomic_load(&stw_after_park), 0);
    wft_start_the_world();
    wtest_join_threads(g);
    ck_assert_int_eq(atomic_load(&park_result[0]), WFT_PARK_OK);
    ck_assert_int_eq(atomic_load(&stw_after_park), 1);
}
END_TEST

Suite *parking_lot_suite(void) {
    Suite *s = suite_create("parking_lot");
    TCase *tc = wtest_add_tcase(s, "core", 300);
    tcase_add_test(tc, test_park_again_on_mismatch_every_size);
    tcase_add_test(tc, test_timed_park_times_out_and_leaves_no_entry);
    tcase_add_test(tc, test_unpark_is_fifo_with_callback_args);
    tcase_add_test(tc, test_unpark_fairness_timer);
    tcase_add_test(tc, test_unpark_all_wakes_only_its_address);
    tcase_add_test(tc, test_timeouts_racing_with_unparks);
    tcase_add_test(tc, test_no_lost_wakeups_sequence);
    tcase_add_test(tc, test_barrier_rounds_no_lost_wakeups);
    tcase_add_test(tc, test_ping_pong_parking);
    tcase_add_test(tc, test_park_interrupt);
    tcase_add_test(tc, test_park_interrupt_race);
    tcase_add_test(tc, test_unregistered_thread_parks);
    tcase_add_test(tc, test_parked_thread_does_not_block_stop_the_world);
    return s;
}

int main(void) { return wtest_run_suite(parking_lot_suite()); }
