/*
 * tests/unit/test_smr.c — safe memory reclamation (threads/smr.h).
 *
 * Built twice: test_smr against the configured implementation and
 * test_smr_xcheck against the other one (native QSBR / ck_epoch), so every
 * assertion here holds for both.
 *
 * "Holding" readers: a reader that is online and never reaches a quiescent
 * point.  In the free-threaded build it is simply an attached thread that
 * spins without safe points.  In the GIL flavour two threads can never be
 * attached at once (and every GIL switch is a detach, i.e. offline), so the
 * holding reader detaches and drives its SMR record online directly — the
 * same state as seen by the SMR layer.
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "threads/gil.h"
#include "threads/smr.h"
#include "threads/thread.h"
#include "wtest.h"

/* ---- helpers ------------------------------------------------------------- */

/* Free callback that frees nothing: marks the flag it was given. */
static void mark_freed(void *p) {
    _Atomic int *flag = p;
    int old = atomic_exchange_explicit(flag, 1, memory_order_acq_rel);
    ck_assert_msg(old == 0, "deferred item freed twice");
}

/* Free callback for counted heap blocks. */
static _Atomic long blocks_freed;
static void free_block(void *p) {
    free(p);
    atomic_fetch_add_explicit(&blocks_freed, 1, memory_order_relaxed);
}

static void *new_block(void) {
    void *p = malloc(48);
    ck_assert_ptr_nonnull(p);
    memset(p, 0xab, 48);
    return p;
}

/* Wait (bounded, ~20 s) until *flag reaches at least want.  `detached`:
 * sleep detached (lets GIL-flavour threads run; the caller goes offline
 * meanwhile); otherwise spin attached with sched_yield (free-threaded
 * build only, or when the awaited thread needs no GIL). */
static void await_at_least(_Atomic int *flag, int want, bool detached) {
    int64_t deadline = wft_monotonic_ns() + (int64_t)20 * 1000000000;
    for (long i = 0; atomic_load_explicit(flag, memory_order_acquire) < want; i++) {
        ck_assert_msg(wft_monotonic_ns() < deadline, "timed out waiting for another thread");
        if (detached) wtest_sleep_ms(1);
        else if (i % 64 == 63) {
            struct timespec ts = {0, 1000000};
            nanosleep(&ts, NULL);
        } else {
            sched_yield();
        }
    }
}

static bool gil_mode(void) { return wft_gil_enabled(); }

/* Called by a worker (started attached by wtest): become a holding
 * reader. */
static void hold_begin(wft_thread *t) {
    if (gil_mode()) {
        wft_detach(t);
        wft_smr_online(t);
    }
}
/* Report a quiescent state while holding. */
static void hold_quiescent(wft_thread *t) { wft_smr_quiescent(t); }
/* Go offline (for good, until the worker returns). */
static void hold_offline(wft_thread *t) {
    if (gil_mode()) wft_smr_offline(t);
    else wft_detach(t);
}
/* Back to a plain attached thread, ready for wtest to unregister it. */
static void hold_end(wft_thread *t, bool offline_already) {
    if (gil_mode()) {
        if (!offline_already) wft_smr_offline(t);
    } else if (!offline_already) {
        wft_detach(t);
    }
    wft_attach(t);
}

/* Main thread: report quiescence and process, `rounds` times; returns
 * whether *flag became set. */
static bool process_until(wft_thread *t, _Atomic int *flag, int rounds) {
    for (int i = 0; i < rounds; i++) {
        wft_smr_quiescent(t);
        wft_smr_process(t);
        if (atomic_load_explicit(flag, memory_order_acquire)) return true;
        sched_yield();
    }
    return atomic_load_explicit(flag, memory_order_acquire) != 0;
}

/* ---- the implementation under test -------------------------------------- */

START_TEST(test_impl_name) {
#if defined(WTEST_XCHECK) == WF_SMR_EPOCH
    ck_assert_str_eq(wft_smr_impl_name(), "qsbr");
#else
    ck_assert_str_eq(wft_smr_impl_name(), "ck_epoch");
#endif
    ck_assert_uint_eq(wft_smr_pending(wft_current()), 0);
    ck_assert_uint_eq(wft_smr_pending(NULL), 0);
}
END_TEST

/* ---- a grace period waits for every reader online at the deferral ------- */

#define NHOLD 3
static _Atomic int hold_ready, hold_go_quiesce, hold_quiesced, hold_done;

static void holding_reader(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    hold_begin(t);
    atomic_fetch_add(&hold_ready, 1);
    /* Reader i reports quiescence only once told that i readers may. */
    await_at_least(&hold_go_quiesce, i + 1, false);
    hold_quiescent(t);
    atomic_fetch_add(&hold_quiesced, 1);
    await_at_least(&hold_done, 1, false);
    hold_end(t, false);
}

START_TEST(test_free_waits_for_every_online_reader) {
    _Atomic int freed = 0;
    atomic_store(&hold_ready, 0);
    atomic_store(&hold_go_quiesce, 0);
    atomic_store(&hold_quiesced, 0);
    atomic_store(&hold_done, 0);
    wft_thread *t = wft_current();
    wtest_group *g = wtest_start_threads(NHOLD, holding_reader, NULL);
    await_at_least(&hold_ready, NHOLD, true);

    wft_smr_defer(t, mark_freed, (void *)&freed);
    ck_assert_uint_eq(wft_smr_pending(t), 1);
    /* The readers were online before the deferral and have neither
     * reported quiescence nor gone offline: however often this thread
     * reports and processes, the item stays. */
    for (int k = 0; k < NHOLD; k++) {
        ck_assert_msg(!process_until(t, &freed, 200), "freed with %d of %d readers still holding",
                      NHOLD - k, NHOLD);
        ck_assert_uint_eq(wft_smr_pending(t), 1);
        atomic_fetch_add(&hold_go_quiesce, 1); /* one more reader may report */
        await_at_least(&hold_quiesced, k + 1, false);
    }
    /* Every reader has now passed a quiescent point after the deferral. */
    ck_assert_msg(process_until(t, &freed, 20000), "not freed after every reader quiesced");
    ck_assert_uint_eq(wft_smr_pending(t), 0);
    atomic_store(&hold_done, 1);
    wtest_join_threads(g);
    ck_assert_int_eq(atomic_load(&freed), 1);
}
END_TEST

/* ---- offline threads never hold up a grace period ------------------------ */

#define NOFF 4
static _Atomic int off_ready, off_go, off_is_offline, off_done;

static void offline_worker(int i, void *arg) {
    (void)i;
    (void)arg;
    wft_thread *t = wft_current();
    hold_begin(t);
    atomic_fetch_add(&off_ready, 1);
    await_at_least(&off_go, 1, false);
    hold_offline(t); /* no quiescent report: just offline */
    atomic_fetch_add(&off_is_offline, 1);
    /* Stay registered and offline (detached in the free-threaded build:
     * sleeping, as a blocked thread would) until the main thread is done. */
    await_at_least(&off_done, 1, false);
    hold_end(t, true);
}

START_TEST(test_offline_threads_never_block) {
    _Atomic int freed1 = 0, freed2 = 0;
    atomic_store(&off_ready, 0);
    atomic_store(&off_go, 0);
    atomic_store(&off_is_offline, 0);
    atomic_store(&off_done, 0);
    wft_thread *t = wft_current();
    wtest_group *g = wtest_start_threads(NOFF, offline_worker, NULL);
    await_at_least(&off_ready, NOFF, true);

    /* Online readers block the first item... */
    wft_smr_defer(t, mark_freed, (void *)&freed1);
    ck_assert(!process_until(t, &freed1, 200));
    /* ...until they go offline (without any quiescent report). */
    atomic_store(&off_go, 1);
    await_at_least(&off_is_offline, NOFF, false);
    ck_assert_msg(process_until(t, &freed1, 8), "offline readers held up a grace period");

    /* An item deferred while they are offline needs only this thread's
     * quiescent reports: a handful of rounds, whatever the others do. */
    wft_smr_defer(t, mark_freed, (void *)&freed2);
    ck_assert_msg(process_until(t, &freed2, 8), "offline readers held up a grace period");
    ck_assert_uint_eq(wft_thread_count(), NOFF + 1); /* they are still registered */
    atomic_store(&off_done, 1);
    wtest_join_threads(g);
}
END_TEST

/* ---- readers dereferencing a shared pointer that writers swap ------------ */

#define OBJ_LIVE 0x5eedf00dcafe1234ull
#define OBJ_DEAD 0xdeadbeefdeadbeefull
#define NSLOTS 8

typedef struct obj {
    uint64_t magic; /* OBJ_LIVE while reachable or within a grace period */
    uint64_t serial;
    uint64_t payload[4];
} obj;

static _Atomic(obj *) slots[NSLOTS];
static _Atomic long objs_made, objs_freed, bad_reads, reads_done;
static _Atomic int writers_left;
static _Atomic long freed_while_running;

static obj *obj_new(uint64_t serial) {
    obj *o = malloc(sizeof *o);
    ck_assert_ptr_nonnull(o);
    o->magic = OBJ_LIVE;
    o->serial = serial;
    for (int i = 0; i < 4; i++) o->payload[i] = serial * 4 + (uint64_t)i;
    atomic_fetch_add_explicit(&objs_made, 1, memory_order_relaxed);
    return o;
}

static void obj_free(void *p) {
    obj *o = p;
    /* A reader still holding o would now see OBJ_DEAD (or, under ASan, hit
     * a use-after-free; under TSan, a race with this write). */
    o->magic = OBJ_DEAD;
    free(o);
    atomic_fetch_add_explicit(&objs_freed, 1, memory_order_relaxed);
}

/* Dereference o and check it is intact. */
static uint64_t obj_check(const obj *o) {
    uint64_t m = o->magic;
    uint64_t s = o->serial;
    uint64_t sum = 0;
    for (int i = 0; i < 4; i++) {
        if (o->payload[i] != s * 4 + (uint64_t)i) m = 0;
        sum += o->payload[i];
    }
    if (m != OBJ_LIVE) atomic_fetch_add_explicit(&bad_reads, 1, memory_order_relaxed);
    return sum;
}

static void slots_init(void) {
    atomic_store(&objs_made, 0);
    atomic_store(&objs_freed, 0);
    atomic_store(&bad_reads, 0);
    atomic_store(&reads_done, 0);
    atomic_store(&freed_while_running, 0);
    for (int i = 0; i < NSLOTS; i++) atomic_store(&slots[i], obj_new((uint64_t)i));
}

/* After all workers exited: drain every deferred object, free the live
 * ones, check the books. */
static void slots_drain_and_check(void) {
    wft_thread *t = wft_current();
    long made_deferred = atomic_load(&objs_made) - NSLOTS;
    for (long i = 0; atomic_load(&objs_freed) < made_deferred; i++) {
        ck_assert_msg(i < 200000, "deferred objects never freed (%ld of %ld)",
                      atomic_load(&objs_freed), made_deferred);
        wft_smr_quiescent(t);
        wft_smr_process(t);
        if (i % 1000 == 999) wtest_sleep_ms(1);
    }
    ck_assert_int_eq(atomic_load(&objs_freed), made_deferred);
    ck_assert_uint_eq(wft_smr_pending(NULL), 0);
    ck_assert_uint_eq(wft_smr_pending(t), 0);
    for (int i = 0; i < NSLOTS; i++) {
        obj *o = atomic_exchange(&slots[i], NULL);
        ck_assert_uint_eq(o->magic, OBJ_LIVE);
        free(o);
    }
    ck_assert_int_eq(atomic_load(&bad_reads), 0);
}

/* Writers: replace a slot's object and defer the old one; safe point every
 * few swaps (quiescent report + SMR work when the breaker asks). */
static void writer_loop(wft_thread *t, int w, long swaps) {
    uint64_t serial = (uint64_t)(w + 1) << 40;
    for (long k = 0; k < swaps; k++) {
        obj *o = obj_new(++serial);
        obj *old = atomic_exchange_explicit(&slots[(k + w) % NSLOTS], o, memory_order_acq_rel);
        obj_check(old); /* the writer is a reader too */
        wft_smr_defer(t, obj_free, old);
        if (k % 4 == 3) wft_safepoint(t);
        if (k % 64 == 63) wft_smr_process(t);
    }
}

/* Readers: load and dereference slots, safe point every few reads. */
static void reader_loop(wft_thread *t, int r) {
    uint64_t sum = 0;
    long n = 0;
    while (atomic_load_explicit(&writers_left, memory_order_acquire) > 0) {
        for (int i = 0; i < NSLOTS; i++) {
            obj *o = atomic_load_explicit(&slots[(i + r) % NSLOTS], memory_order_acquire);
            sum += obj_check(o);
            /* Hold o across a few more loads before the safe point. */
            if (++n % 16 == 0) wft_safepoint(t);
        }
    }
    atomic_fetch_add(&reads_done, n + (long)(sum & 1));
}

#define NWRITERS 2
#define NREADERS 4

static void mixed_worker(int i, void *arg) {
    long swaps = *(long *)arg;
    wft_thread *t = wft_current();
    if (i < NWRITERS) {
        writer_loop(t, i, swaps);
        atomic_fetch_sub(&writers_left, 1);
        /* The writer's queue is handed over at exit; the rest is freed by
         * the other threads' processing and by the main thread. */
    } else {
        reader_loop(t, i);
    }
}

START_TEST(test_concurrent_readers_and_writers) {
    slots_init();
    atomic_store(&writers_left, NWRITERS);
    long swaps = wtest_scale(gil_mode() ? 20000 : 60000);
    wtest_run_threads(NWRITERS + NREADERS, mixed_worker, &swaps);
    ck_assert_int_gt(atomic_load(&reads_done), 0);
    ck_assert_int_eq(atomic_load(&objs_made), NSLOTS + NWRITERS * swaps);
    /* Grace periods completed while everyone was busy (not only at the
     * final drain). */
    ck_assert_int_gt(atomic_load(&objs_freed), 0);
    slots_drain_and_check();
}
END_TEST

/* ---- a thread going offline and online again, many times ---------------- */

static _Atomic int cyclers_left;
#define CYCLE_FREES 64

static void cycling_worker(int i, void *arg) {
    long rounds = *(long *)arg;
    wft_thread *t = wft_current();
    if (i == 0) {
        /* Writer: swaps, reports quiescence, processes. */
        while (atomic_load(&cyclers_left) > 0) {
            writer_loop(t, 0, 8);
            wft_smr_quiescent(t);
            wft_smr_process(t);
        }
        return;
    }
    /* Cyclers never report a quiescent state: they only go offline
     * (detach) and online (attach), dereferencing slots while online.
     * They keep cycling until at least `rounds` cycles are done and the
     * writer has seen CYCLE_FREES of its objects freed meanwhile: offline
     * periods alone must let grace periods complete. */
    for (long r = 0; r < rounds || atomic_load(&objs_freed) < CYCLE_FREES; r++) {
        ck_assert_msg(r < 100 * rounds + 100000, "no grace period completed while cycling");
        for (int j = 0; j < 4; j++) obj_check(atomic_load_explicit(&slots[(r + j) % NSLOTS],
                                                                   memory_order_acquire));
        wft_detach(t);
        wft_attach(t);
    }
    atomic_fetch_add(&freed_while_running, 1);
    atomic_fetch_sub(&cyclers_left, 1);
}

START_TEST(test_offline_online_cycles) {
    slots_init();
    const int ncyclers = 3;
    atomic_store(&cyclers_left, ncyclers);
    /* GIL flavour: every attach may wait a switch interval for the GIL. */
    long rounds = wtest_scale(gil_mode() ? 300 : 20000);
    wtest_run_threads(1 + ncyclers, cycling_worker, &rounds);
    ck_assert_int_eq(atomic_load(&freed_while_running), ncyclers);
    ck_assert_int_ge(atomic_load(&objs_freed), CYCLE_FREES);
    slots_drain_and_check();
}
END_TEST

/* ---- items of an exiting thread are freed later by others ---------------- */

#define EXIT_ITEMS 300
static _Atomic int exit_hold_ready, exit_hold_release, exit_x_done;
static _Atomic long exit_pending_at_exit, exit_freed_by_y;

static void exit_holder(wft_thread *t) {
    hold_begin(t);
    atomic_store(&exit_hold_ready, 1);
    await_at_least(&exit_hold_release, 1, false);
    hold_end(t, false);
}

static void exit_deferrer(wft_thread *t) {
    await_at_least(&exit_hold_ready, 1, gil_mode());
    for (int k = 0; k < EXIT_ITEMS; k++) wft_smr_defer(t, free_block, new_block());
    for (int k = 0; k < 20; k++) {
        wft_smr_quiescent(t);
        wft_smr_process(t);
    }
    atomic_store(&exit_pending_at_exit, (long)wft_smr_pending(t));
    atomic_store(&exit_x_done, 1);
    /* Returning unregisters this thread: its queue goes global. */
}

static void exit_worker(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    if (i == 0) exit_holder(t);
    else exit_deferrer(t);
}

static void exit_processor(int i, void *arg) {
    (void)i;
    (void)arg;
    wft_thread *t = wft_current();
    for (long k = 0; atomic_load(&blocks_freed) < EXIT_ITEMS; k++) {
        ck_assert_msg(k < 100000, "items of an exited thread never freed");
        wft_smr_quiescent(t);
        atomic_fetch_add(&exit_freed_by_y, (long)wft_smr_process(t));
        if (k % 100 == 99) wtest_sleep_ms(1);
    }
}

START_TEST(test_exited_thread_items_freed_by_others) {
    atomic_store(&blocks_freed, 0);
    atomic_store(&exit_hold_ready, 0);
    atomic_store(&exit_hold_release, 0);
    atomic_store(&exit_freed_by_y, 0);
    atomic_store(&exit_x_done, 0);
    atomic_store(&exit_pending_at_exit, -1);
    wtest_group *g = wtest_start_threads(2, exit_worker, NULL);
    /* Wait until the deferrer (worker 1) has left the registry; the holder
     * keeps every one of its items alive meanwhile. */
    await_at_least(&exit_x_done, 1, true);
    for (int k = 0; k < 20000 && wft_thread_count() > 2; k++) wtest_sleep_ms(1);
    ck_assert_uint_eq(wft_thread_count(), 2); /* main + holder */
    ck_assert_int_eq(atomic_load(&exit_pending_at_exit), EXIT_ITEMS);
    ck_assert_int_eq(atomic_load(&blocks_freed), 0);
    /* (Other layers' exit hooks may have handed over items too.) */
    ck_assert_uint_ge(wft_smr_pending(NULL), EXIT_ITEMS);

    /* Still held: processing by another thread frees nothing yet. */
    wft_thread *t = wft_current();
    for (int k = 0; k < 50; k++) {
        wft_smr_quiescent(t);
        wft_smr_process(t);
    }
    ck_assert_int_eq(atomic_load(&blocks_freed), 0);

    /* Release the holder; a fresh registered thread frees the items. */
    atomic_store(&exit_hold_release, 1);
    wtest_join_threads(g);
    wtest_run_threads(1, exit_processor, NULL);
    ck_assert_int_eq(atomic_load(&blocks_freed), EXIT_ITEMS);
    ck_assert_int_ge(atomic_load(&exit_freed_by_y), EXIT_ITEMS);
    for (int k = 0; k < 100 && wft_smr_pending(NULL) != 0; k++) {
        wft_smr_quiescent(t);
        wft_smr_process(t);
    }
    ck_assert_uint_eq(wft_smr_pending(NULL), 0);
}
END_TEST

/* ---- unregistered callers go through the global queue ---------------------- */

#define UNREG_ITEMS 50
static _Atomic int unreg_done;

static void *unregistered_deferrer(void *arg) {
    (void)arg;
    ck_assert_ptr_null(wft_current());
    for (int k = 0; k < UNREG_ITEMS; k++) wft_smr_defer(NULL, free_block, new_block());
    /* Unregistered callers may process the global queue too; with a
     * reader holding, nothing is ready. */
    ck_assert_uint_eq(wft_smr_process(NULL), 0);
    atomic_store(&unreg_done, 1);
    return NULL;
}

START_TEST(test_unregistered_defer) {
    atomic_store(&blocks_freed, 0);
    atomic_store(&unreg_done, 0);
    atomic_store(&hold_ready, 0);
    atomic_store(&hold_go_quiesce, 0);
    atomic_store(&hold_quiesced, 0);
    atomic_store(&hold_done, 0);
    wtest_group *g = wtest_start_threads(1, holding_reader, NULL);
    await_at_least(&hold_ready, 1, true);

    pthread_t th;
    pthread_create(&th, NULL, unregistered_deferrer, NULL);
    await_at_least(&unreg_done, 1, false);
    pthread_join(th, NULL); /* already finished */
    ck_assert_uint_eq(wft_smr_pending(NULL), UNREG_ITEMS);

    wft_thread *t = wft_current();
    for (int k = 0; k < 100; k++) {
        wft_smr_quiescent(t);
        wft_smr_process(t);
    }
    ck_assert_int_eq(atomic_load(&blocks_freed), 0);

    atomic_store(&hold_go_quiesce, 1);
    await_at_least(&hold_quiesced, 1, false);
    for (long k = 0; atomic_load(&blocks_freed) < UNREG_ITEMS; k++) {
        ck_assert_msg(k < 100000, "unregistered items never freed");
        wft_smr_quiescent(t);
        wft_smr_process(t);
    }
    ck_assert_uint_eq(wft_smr_pending(NULL), 0);
    atomic_store(&hold_done, 1);
    wtest_join_threads(g);
}
END_TEST

/* ---- stop-the-world is a grace period ------------------------------------ */

static _Atomic int stw_r_ready, stw_r_quiesce, stw_r_done;
static _Atomic int stw_item_c;

/* Free-threaded build only: an attached thread that never reports a
 * quiescent state but services its eval breaker (stop requests, SMR work),
 * as a thread in a long C loop would. */
static void stw_reader(int i, void *arg) {
    (void)i;
    (void)arg;
    wft_thread *t = wft_current();
    wft_smr_defer(t, mark_freed, (void *)&stw_item_c); /* item C */
    atomic_store(&stw_r_ready, 1);
    while (!atomic_load(&stw_r_done)) {
        if (wft_eval_breaker_get(t) != 0) wft_handle_eval_breaker(t);
        /* Once told, report quiescent states like any other thread. */
        if (atomic_load(&stw_r_quiesce)) wft_smr_quiescent(t);
        sched_yield();
    }
}

static _Atomic int stw_unreg_done;
static _Atomic int stw_item_d;

static void *stw_unregistered(void *arg) {
    (void)arg;
    wft_smr_defer(NULL, mark_freed, (void *)&stw_item_d); /* item D */
    atomic_store(&stw_unreg_done, 1);
    return NULL;
}

START_TEST(test_world_stopped_is_grace_period) {
    _Atomic int item_a = 0, item_b = 0;
    atomic_store(&stw_item_c, 0);
    atomic_store(&stw_item_d, 0);
    atomic_store(&stw_r_ready, 0);
    atomic_store(&stw_r_quiesce, 0);
    atomic_store(&stw_r_done, 0);
    atomic_store(&stw_unreg_done, 0);
    bool with_reader = !gil_mode();
    wft_thread *t = wft_current();
    wtest_group *g = NULL;
    if (with_reader) {
        g = wtest_start_threads(1, stw_reader, NULL);
        await_at_least(&stw_r_ready, 1, false);
    }
    /* From here on this thread never reports a quiescent state (nor
     * detaches) until told so below: its own online record, and the
     * reader's, block every ordinary grace period. */
    pthread_t th;
    pthread_create(&th, NULL, stw_unregistered, NULL);
    await_at_least(&stw_unreg_done, 1, false);
    pthread_join(th, NULL);
    wft_smr_defer(t, mark_freed, (void *)&item_a); /* item A */
    for (int k = 0; k < 50; k++) wft_smr_process(t);
    ck_assert_int_eq(atomic_load(&item_a), 0);
    ck_assert_int_eq(atomic_load(&stw_item_c), 0);
    ck_assert_int_eq(atomic_load(&stw_item_d), 0);

    wft_stop_the_world();
    wft_start_the_world();
    wft_smr_defer(t, mark_freed, (void *)&item_b); /* item B: after the pause */

    /* The next process call may free everything deferred before the
     * pause, and does so without any quiescent report. */
    wft_smr_process(t);
    ck_assert_msg(atomic_load(&item_a), "own item deferred before stop-the-world not freed");
    ck_assert_msg(atomic_load(&stw_item_d), "global item deferred before stop-the-world not freed");
    if (with_reader) {
        /* The reader frees its own item at its next safe point: the pause
         * flagged SMR work in its eval breaker. */
        await_at_least(&stw_item_c, 1, false);
    }
    /* B came after the pause: still blocked by this thread's own record
     * (and the reader's). */
    for (int k = 0; k < 50; k++) wft_smr_process(t);
    ck_assert_int_eq(atomic_load(&item_b), 0);

    if (with_reader) atomic_store(&stw_r_quiesce, 1);
    ck_assert_msg(process_until(t, &item_b, 20000), "item deferred after the pause never freed");
    if (with_reader) {
        atomic_store(&stw_r_done, 1);
        wtest_join_threads(g);
    }
}
END_TEST

/* ---- the eval breaker asks for processing -------------------------------- */

START_TEST(test_eval_breaker_requests_processing) {
    atomic_store(&blocks_freed, 0);
    wft_thread *t = wft_current();
    long n = 0;
    while (!(wft_eval_breaker_get(t) & WFT_EB_SMR_WORK)) {
        ck_assert_msg(n < 10000, "SMR work never requested through the eval breaker");
        wft_smr_defer(t, free_block, new_block());
        n++;
    }
    ck_assert_uint_eq(wft_smr_pending(t), (size_t)n);
    ck_assert_int_eq(atomic_load(&blocks_freed), 0);
    /* A safe point services the bit. */
    wft_safepoint(t);
    ck_assert_uint_eq(wft_eval_breaker_get(t) & WFT_EB_SMR_WORK, 0);
    for (long k = 0; wft_smr_pending(t) != 0; k++) {
        ck_assert_msg(k < 10000, "pending items never freed");
        wft_safepoint(t);
        wft_smr_process(t);
    }
    ck_assert_int_eq(atomic_load(&blocks_freed), n);
}
END_TEST

/* ---- wft_smr_fini frees everything ----------------------------------------- */

static _Atomic long fini_items;

/* First-level item: frees its block and defers one more (during fini the
 * caller is unregistered, so it lands on the global queue). */
static void free_block_and_defer(void *p) {
    free_block(p);
    wft_smr_defer(wft_current(), free_block, new_block());
    atomic_fetch_add(&fini_items, 1);
}

static void fini_worker(int i, void *arg) {
    (void)i;
    (void)arg;
    wft_thread *t = wft_current();
    for (int k = 0; k < 40; k++) wft_smr_defer(t, free_block, new_block());
}

static void *fini_unregistered(void *arg) {
    (void)arg;
    for (int k = 0; k < 30; k++) wft_smr_defer(NULL, free_block, new_block());
    return NULL;
}

START_TEST(test_fini_frees_everything) {
    atomic_store(&blocks_freed, 0);
    atomic_store(&fini_items, 0);
    wft_thread *t = wft_current();
    /* Exiting threads and an unregistered thread leave items behind. */
    wtest_run_threads(3, fini_worker, NULL);
    pthread_t th;
    pthread_create(&th, NULL, fini_unregistered, NULL);
    wft_detach(t);
    pthread_join(th, NULL);
    wft_attach(t);
    /* The main thread's own items: never processed before the tear-down. */
    for (int k = 0; k < 25; k++) wft_smr_defer(t, free_block_and_defer, new_block());
    for (int k = 0; k < 25; k++) wft_smr_defer(t, free_block, new_block());
    ck_assert_uint_eq(wft_smr_pending(t), 50);
    long total = 3 * 40 + 30 + 50 + 25; /* + the blocks deferred during fini */
    ck_assert_int_lt(atomic_load(&blocks_freed), total);

    wf_runtime_fini();
    ck_assert_int_eq(atomic_load(&fini_items), 25);
    ck_assert_int_eq(atomic_load(&blocks_freed), total);
    /* ASan's leak check at exit proves nothing else (chunks, entries,
     * records) was left behind.  Bring the runtime back for teardown. */
    wf_runtime_init();
    ck_assert_uint_eq(wft_smr_pending(wft_current()), 0);
    ck_assert_uint_eq(wft_smr_pending(NULL), 0);
}
END_TEST

Suite *smr_suite(void) {
    Suite *s = suite_create("smr");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_impl_name);
    tcase_add_test(tc, test_free_waits_for_every_online_reader);
    tcase_add_test(tc, test_offline_threads_never_block);
    tcase_add_test(tc, test_concurrent_readers_and_writers);
    tcase_add_test(tc, test_offline_online_cycles);
    tcase_add_test(tc, test_exited_thread_items_freed_by_others);
    tcase_add_test(tc, test_unregistered_defer);
    tcase_add_test(tc, test_world_stopped_is_grace_period);
    tcase_add_test(tc, test_eval_breaker_requests_processing);
    tcase_add_test(tc, test_fini_frees_everything);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return wtest_run_suite(smr_suite()); }
