/*
 * tests/unit/test_critsec.c — critical sections (threads/critsec.c): the
 * section stack, no-op (borrowed) nesting, suspension on detach and
 * resumption on attach and after an inner end, two-mutex sections taken
 * in both orders by many threads, lock-order inversion resolved by
 * suspension, stop-the-world with a thread parked inside a section, leaf
 * sections (their two paths, and exclusion against full sections), the
 * macros of each flavour, and misuse that must be fatal.
 *
 * The functions work in both flavours (the GIL flavour compiles only the
 * macros away), so most tests run in both; tests that need one thread to
 * hold a section while another runs are free-threaded only, since with a
 * GIL any wait drops the GIL and so suspends the section.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "threads/critsec.h"
#include "threads/parking_lot.h"
#include "threads/thread.h"
#include "weft/mutex.h"
#include "wtest.h"

static uintptr_t top(void) { return wft_current()->critical_section; }

/* Two mutexes with a known address order. */
static wf_mutex pair[2];
#define LO (&pair[0])
#define HI (&pair[1])

static void reset_pair(void) {
    atomic_store(&pair[0].bits, 0);
    atomic_store(&pair[1].bits, 0);
}

/* ---- the stack --------------------------------------------------------------- */

START_TEST(test_single_section) {
    reset_pair();
    ck_assert_uint_eq(top(), 0);
    wft_critsec c;
    wft_critsec_begin(&c, LO);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert_uint_eq(top(), (uintptr_t)&c);
    wft_critsec_end(&c);
    ck_assert(!wf_mutex_is_locked(LO));
    ck_assert_uint_eq(top(), 0);

    /* Two mutexes: locked in address order, tagged TWO_MUTEXES. */
    wft_critsec2 c2;
    wft_critsec2_begin(&c2, HI, LO);
    ck_assert(wf_mutex_is_locked(LO) && wf_mutex_is_locked(HI));
    ck_assert_uint_eq(top(), (uintptr_t)&c2 | WFT_CS_TWO_MUTEXES);
    ck_assert_ptr_eq(c2.base.mutex, LO);
    ck_assert_ptr_eq(c2.mutex2, HI);
    wft_critsec2_end(&c2);
    ck_assert(!wf_mutex_is_locked(LO) && !wf_mutex_is_locked(HI));
    ck_assert_uint_eq(top(), 0);

    /* The same mutex twice degrades to a one-mutex section. */
    wft_critsec2_begin(&c2, LO, LO);
    ck_assert_uint_eq(top(), (uintptr_t)&c2);
    ck_assert(wf_mutex_is_locked(LO));
    wft_critsec2_end(&c2);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
    ck_assert_uint_eq(top(), 0);
}
END_TEST

START_TEST(test_nested_same_mutex_is_free) {
    reset_pair();
    wft_critsec a, b, c;
    wft_critsec_begin(&a, LO);
    wft_critsec_begin(&b, LO); /* would self-deadlock if it locked */
    wft_critsec_begin(&c, LO);
    ck_assert_uint_eq(top(), (uintptr_t)&c); /* still pushed */
    wft_critsec_end(&c);
    ck_assert(wf_mutex_is_locked(LO));
    wft_critsec_end(&b);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert_uint_eq(top(), (uintptr_t)&a);
    wft_critsec_end(&a);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);

    /* Under a two-mutex section, any subset of its mutexes is free too. */
    wft_critsec2 p, q, r;
    wft_critsec2_begin(&p, LO, HI);
    wft_critsec_begin(&a, HI);
    wft_critsec_begin(&b, LO);
    wft_critsec2_begin(&q, HI, LO);
    wft_critsec2_begin(&r, LO, LO);
    ck_assert_uint_eq(top(), (uintptr_t)&r);
    wft_critsec2_end(&r);
    wft_critsec2_end(&q);
    wft_critsec_end(&b);
    wft_critsec_end(&a);
    ck_assert(wf_mutex_is_locked(LO) && wf_mutex_is_locked(HI));
    wft_critsec2_end(&p);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
    ck_assert_uint_eq(atomic_load(&HI->bits), 0);
    ck_assert_uint_eq(top(), 0);
}
END_TEST

/* A two-mutex section over a section that holds one of its mutexes cannot
 * borrow: it parks on the held mutex, the detach suspends the outer section
 * (releasing it), and the lock then succeeds. */
START_TEST(test_two_mutex_section_over_held_one) {
    reset_pair();
    wft_critsec a;
    wft_critsec2 c;
    wft_critsec_begin(&a, LO);
    wft_critsec2_begin(&c, LO, HI);
    ck_assert_uint_eq(top() & ~WFT_CS_INACTIVE, (uintptr_t)&c | WFT_CS_TWO_MUTEXES);
    ck_assert(!(top() & WFT_CS_INACTIVE));
    ck_assert(wf_mutex_is_locked(LO) && wf_mutex_is_locked(HI));
    ck_assert(c.base.prev & WFT_CS_INACTIVE); /* the outer one was suspended */
    wft_critsec2_end(&c);
    /* The outer section was resumed: LO held again, HI free. */
    ck_assert_uint_eq(top(), (uintptr_t)&a);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert(!wf_mutex_is_locked(HI));
    wft_critsec_end(&a);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
}
END_TEST

/* A section on a mutex that a lower (not top) section of the same thread
 * holds parks on it; the detach suspends the lower sections and so
 * releases it.  Each end then resumes the section under it. */
START_TEST(test_section_on_mutex_held_lower_in_stack) {
    reset_pair();
    wft_critsec a, b, c;
    wft_critsec_begin(&a, LO);
    wft_critsec_begin(&b, HI);
    wft_critsec_begin(&c, LO);
    ck_assert_uint_eq(top(), (uintptr_t)&c);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert(!wf_mutex_is_locked(HI)); /* b was suspended */
    ck_assert(c.prev & WFT_CS_INACTIVE);
    ck_assert(b.prev & WFT_CS_INACTIVE);
    wft_critsec_end(&c);
    ck_assert_uint_eq(top(), (uintptr_t)&b);
    ck_assert(wf_mutex_is_locked(HI));  /* b resumed */
    ck_assert(!wf_mutex_is_locked(LO)); /* a still suspended */
    wft_critsec_end(&b);
    ck_assert_uint_eq(top(), (uintptr_t)&a);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert(!wf_mutex_is_locked(HI));
    wft_critsec_end(&a);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
    ck_assert_uint_eq(atomic_load(&HI->bits), 0);
    ck_assert_uint_eq(top(), 0);
}
END_TEST

/* ---- suspension and resumption -------------------------------------------------- */

START_TEST(test_detach_suspends_attach_resumes_top_only) {
    reset_pair();
    wft_thread *self = wft_current();
    wft_critsec a, b;
    wft_critsec_begin(&a, LO);
    wft_critsec_begin(&b, HI);
    wft_detach(self);
    ck_assert(!wf_mutex_is_locked(LO) && !wf_mutex_is_locked(HI));
    ck_assert(top() & WFT_CS_INACTIVE);
    ck_assert(b.prev & WFT_CS_INACTIVE);
    wft_attach(self);
    /* Only the top section is re-locked. */
    ck_assert(wf_mutex_is_locked(HI));
    ck_assert(!wf_mutex_is_locked(LO));
    ck_assert(!(top() & WFT_CS_INACTIVE));
    ck_assert(b.prev & WFT_CS_INACTIVE);
    /* Ending the inner one resumes the outer one. */
    wft_critsec_end(&b);
    ck_assert(!wf_mutex_is_locked(HI));
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert_uint_eq(top(), (uintptr_t)&a);
    wft_critsec_end(&a);
    ck_assert(!wf_mutex_is_locked(LO));

    /* A borrowed (no-op) top resumes the section it borrows from. */
    wft_critsec_begin(&a, LO);
    wft_critsec_begin(&b, LO);
    wft_detach(self);
    ck_assert(!wf_mutex_is_locked(LO));
    wft_attach(self);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert(!(b.prev & WFT_CS_INACTIVE));
    wft_critsec_end(&b);
    ck_assert(wf_mutex_is_locked(LO));
    wft_critsec_end(&a);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);

    /* A two-mutex top resumes both mutexes; detaching twice in a row is
     * harmless. */
    wft_critsec2 c2;
    wft_critsec2_begin(&c2, HI, LO);
    for (int k = 0; k < 3; k++) {
        wft_detach(self);
        ck_assert(!wf_mutex_is_locked(LO) && !wf_mutex_is_locked(HI));
        wft_attach(self);
        ck_assert(wf_mutex_is_locked(LO) && wf_mutex_is_locked(HI));
    }
    wft_critsec2_end(&c2);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
    ck_assert_uint_eq(atomic_load(&HI->bits), 0);
}
END_TEST

/* A thread inside a section that detaches lets another thread take the
 * mutex; on attach it waits for the mutex and holds it again. */
static _Atomic int sus_go, sus_b_locked, sus_b_unlocking;

static void suspension_other(int i, void *arg) {
    (void)i;
    (void)arg;
    WTEST_WAIT_FOR(atomic_load(&sus_go));
    wf_mutex_lock(LO); /* succeeds although the main thread is "inside" */
    atomic_store(&sus_b_locked, 1);
    wtest_sleep_ms(30); /* a plain mutex stays held across a detach */
    atomic_store(&sus_b_unlocking, 1);
    wf_mutex_unlock(LO);
}

START_TEST(test_suspension_lets_another_thread_in) {
    reset_pair();
    atomic_store(&sus_go, 0);
    atomic_store(&sus_b_locked, 0);
    atomic_store(&sus_b_unlocking, 0);
    wft_thread *self = wft_current();
    wtest_group *g = wtest_start_threads(1, suspension_other, NULL);
    wft_critsec c;
    wft_critsec_begin(&c, LO);
    wft_detach(self); /* e.g. about to block on I/O */
    atomic_store(&sus_go, 1);
    WTEST_WAIT_FOR(atomic_load(&sus_b_locked)); /* detached: does not re-attach */
    wft_attach(self); /* resumes: waits until the other thread unlocks */
    ck_assert_int_eq(atomic_load(&sus_b_unlocking), 1);
    ck_assert(wf_mutex_is_locked(LO)); /* the other thread let go: it is ours */
    ck_assert_uint_eq(top(), (uintptr_t)&c);
    wft_critsec_end(&c);
    wtest_join_threads(g);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
}
END_TEST

#if WF_FREE_THREADED
/* ---- lock-order inversion is resolved by suspension ------------------------------------
 * A holds LO and wants HI; B holds HI and wants LO.  With plain mutexes
 * this deadlocks.  B parks for LO, which detaches it and releases HI, so A
 * gets HI; A finishes and B proceeds, re-taking HI after its inner end. */
static _Atomic int inv_a_in, inv_b_about, inv_a_done;
static _Atomic(wft_thread *) inv_b_thread;
static long inv_shared; /* under LO */

static void inversion_worker(int i, void *arg) {
    (void)arg;
    if (i == 0) {
        wft_critsec a1, a2;
        wft_critsec_begin(&a1, LO);
        atomic_store(&inv_a_in, 1);
        /* Wait (attached, so LO stays held) until B is parked on LO. */
        WTEST_SPIN_FOR(atomic_load(&inv_b_about) && atomic_load(&inv_b_thread) &&
                 wft_state_of(atomic_load(&inv_b_thread)) == WFT_DETACHED);
        /* B detaches only after suspending its sections: HI is free. */
        ck_assert(!wf_mutex_is_locked(HI));
        wft_critsec_begin(&a2, HI);
        inv_shared++;
        wft_critsec_end(&a2);
        ck_assert_uint_eq(top(), (uintptr_t)&a1);
        ck_assert(wf_mutex_is_locked(LO));
        atomic_store(&inv_a_done, 1);
        wft_critsec_end(&a1);
    } else {
        atomic_store(&inv_b_thread, wft_current());
        wft_critsec b1, b2;
        wft_critsec_begin(&b1, HI);
        WTEST_SPIN_FOR(atomic_load(&inv_a_in));
        atomic_store(&inv_b_about, 1);
        wft_critsec_begin(&b2, LO); /* parks until A is done */
        ck_assert_int_eq(atomic_load(&inv_a_done), 1);
        ck_assert(b1.prev == 0);
        ck_assert(top() == (uintptr_t)&b2);
        inv_shared++;
        wft_critsec_end(&b2);
        /* Outer section resumed: HI is held by us again. */
        ck_assert_uint_eq(top(), (uintptr_t)&b1);
        ck_assert(wf_mutex_is_locked(HI));
        wft_critsec_end(&b1);
    }
}

START_TEST(test_lock_order_inversion_no_deadlock) {
    reset_pair();
    for (int round = 0; round < 20; round++) {
        atomic_store(&inv_a_in, 0);
        atomic_store(&inv_b_about, 0);
        atomic_store(&inv_a_done, 0);
        atomic_store(&inv_b_thread, NULL);
        inv_shared = 0;
        wtest_run_threads(2, inversion_worker, NULL);
        ck_assert_int_eq(inv_shared, 2);
        ck_assert_uint_eq(atomic_load(&LO->bits), 0);
        ck_assert_uint_eq(atomic_load(&HI->bits), 0);
    }
}
END_TEST

/* ---- stop-the-world while a thread is parked inside a section -------------------------- */
static _Atomic int stw_about;
static _Atomic(wft_thread *) stw_thread;
static _Atomic int stw_inner_done;

static void stw_section_worker(int i, void *arg) {
    (void)i;
    (void)arg;
    atomic_store(&stw_thread, wft_current());
    wft_critsec outer, inner;
    wft_critsec_begin(&outer, HI);
    atomic_store(&stw_about, 1);
    wft_critsec_begin(&inner, LO); /* main holds LO: parks, detached */
    atomic_store(&stw_inner_done, 1);
    wft_critsec_end(&inner);
    ck_assert(wf_mutex_is_locked(HI));
    wft_critsec_end(&outer);
}

START_TEST(test_stop_the_world_with_thread_parked_in_section) {
    reset_pair();
    atomic_store(&stw_about, 0);
    atomic_store(&stw_thread, NULL);
    atomic_store(&stw_inner_done, 0);
    wf_mutex_lock(LO); /* plain lock: kept while this thread waits */
    wtest_group *g = wtest_start_threads(1, stw_section_worker, NULL);
    WTEST_WAIT_FOR(atomic_load(&stw_about) && atomic_load(&stw_thread) &&
             wft_state_of(atomic_load(&stw_thread)) == WFT_DETACHED);
    /* Its outer section was suspended: HI is free. */
    ck_assert(wf_mutex_trylock(HI));
    wf_mutex_unlock(HI);
    wft_stop_the_world();
    ck_assert_int_eq(wft_state_of(atomic_load(&stw_thread)), WFT_SUSPENDED);
    wf_mutex_unlock(LO); /* wakes it; it stays stopped until the restart */
    usleep(20000);
    ck_assert_int_eq(atomic_load(&stw_inner_done), 0);
    wft_start_the_world();
    wtest_join_threads(g);
    ck_assert_int_eq(atomic_load(&stw_inner_done), 1);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
    ck_assert_uint_eq(atomic_load(&HI->bits), 0);
}
END_TEST
#endif /* WF_FREE_THREADED */

/* ---- two objects, both orders, many threads ----------------------------------------------
 * Kinds of worker (by index mod 4):
 *   0: begin2(X, Y)         1: begin2(Y, X)
 *   2: begin(X) { begin(Y) }    3: begin(Y) { begin(X) }   (inverted nesting)
 * Pair counters px/py change only together under both locks, so px == py
 * whenever both are held.  Single counters sx (under X) and sy (under Y)
 * are bumped by the nested kinds, including after the inner section ended
 * (the outer one must have been resumed).  Sometimes a thread detaches
 * inside a section (suspension) and checks the invariant again after. */

static wf_mutex obj_x, obj_y;
static long px, py, sx, sy;
static _Atomic long want_px, want_sx, want_sy;

static void both_orders_worker(int i, void *arg) {
    long n = *(long *)arg;
    wft_thread *self = wft_current();
    long my_px = 0, my_sx = 0, my_sy = 0;
    for (long k = 0; k < n; k++) {
        int kind = i % 4;
        if (kind < 2) {
            wft_critsec2 c;
            if (kind == 0) wft_critsec2_begin(&c, &obj_x, &obj_y);
            else wft_critsec2_begin(&c, &obj_y, &obj_x);
            ck_assert_int_eq(px, py);
            px++;
            py++;
            my_px++;
            if ((k & 31) == 0) {
                wtest_sleep_ms(0); /* detach + attach: suspend + resume */
                ck_assert_int_eq(px, py);
                px++;
                py++;
                my_px++;
            }
            wft_critsec2_end(&c);
        } else {
            wf_mutex *first = kind == 2 ? &obj_x : &obj_y;
            wf_mutex *second = kind == 2 ? &obj_y : &obj_x;
            long *c1 = kind == 2 ? &sx : &sy;
            long *c2 = kind == 2 ? &sy : &sx;
            long *my1 = kind == 2 ? &my_sx : &my_sy;
            long *my2 = kind == 2 ? &my_sy : &my_sx;
            wft_critsec o, in;
            wft_critsec_begin(&o, first);
            (*c1)++;
            (*my1)++;
            wft_critsec_begin(&in, second);
            (*c2)++;
            (*my2)++;
            if ((k & 63) == 1) wft_safepoint(self);
            wft_critsec_end(&in);
            (*c1)++; /* outer resumed if it had been suspended */
            (*my1)++;
            wft_critsec_end(&o);
        }
        if ((k & 15) == 0) wft_safepoint(self);
    }
    ck_assert_uint_eq(self->critical_section, 0);
    atomic_fetch_add(&want_px, my_px);
    atomic_fetch_add(&want_sx, my_sx);
    atomic_fetch_add(&want_sy, my_sy);
}

START_TEST(test_two_objects_both_orders_under_contention) {
    long n = wtest_scale(100000);
    atomic_store(&obj_x.bits, 0);
    atomic_store(&obj_y.bits, 0);
    px = py = sx = sy = 0;
    atomic_store(&want_px, 0);
    atomic_store(&want_sx, 0);
    atomic_store(&want_sy, 0);
    wtest_run_threads(8, both_orders_worker, &n);
    ck_assert_int_eq(px, py);
    ck_assert_int_eq(px, atomic_load(&want_px));
    ck_assert_int_eq(sx, atomic_load(&want_sx));
    ck_assert_int_eq(sy, atomic_load(&want_sy));
    ck_assert_int_ge(px, 4 * n);
    ck_assert_int_eq(sx + sy, 4 * 3 * n); /* 3 bumps per nested round */
    ck_assert_uint_eq(atomic_load(&obj_x.bits), 0);
    ck_assert_uint_eq(atomic_load(&obj_y.bits), 0);
}
END_TEST

/* ---- leaf sections ------------------------------------------------------------------------- */

/* A free mutex: one CAS, nothing pushed; held by one of our own sections:
 * the full (borrowed) path, pushed and popped like a nested section. */
START_TEST(test_leaf_section_paths) {
    reset_pair();
    wft_critsec leaf;
    wft_thread *t = wft_leaf_begin_inline(&leaf, LO);
    ck_assert_ptr_null(t);
    ck_assert(wf_mutex_is_locked(LO));
    ck_assert_uint_eq(top(), 0);
    wft_leaf_end_inline(&leaf, t);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);

    wft_critsec outer;
    wft_critsec_begin(&outer, LO);
    t = wft_leaf_begin_inline(&leaf, LO);
    ck_assert_ptr_eq(t, wft_current());
    ck_assert_uint_eq(top(), (uintptr_t)&leaf);
    wft_leaf_end_inline(&leaf, t);
    ck_assert_uint_eq(top(), (uintptr_t)&outer);
    ck_assert(wf_mutex_is_locked(LO)); /* still the outer section's */
    wft_critsec_end(&outer);
    ck_assert_uint_eq(atomic_load(&LO->bits), 0);
    ck_assert_uint_eq(top(), 0);
}
END_TEST

/* Leaf sections and full sections on one mutex exclude each other: half
 * the threads bump a plain counter in leaf sections, the others in full
 * sections that sometimes detach in the middle (suspending, so the leaf
 * threads get in between their two bumps, which must not be torn). */
static wf_mutex leaf_mutex;
static long leaf_count, leaf_pairs_ok;
static void leaf_worker(int i, void *arg) {
    long n = *(long *)arg;
    for (long k = 0; k < n; k++) {
        if (i % 2 == 0) {
            wft_critsec c;
            wft_thread *t = wft_leaf_begin_inline(&c, &leaf_mutex);
            leaf_count++;
            wft_leaf_end_inline(&c, t);
        } else {
            wft_critsec c;
            wft_critsec_begin(&c, &leaf_mutex);
            long before = leaf_count;
            leaf_count++;
            if ((k & 63) == 0) {
                wtest_sleep_ms(0); /* detach: the section is suspended */
                before = leaf_count - 1;
            }
            leaf_count++;
            if (leaf_count == before + 2) leaf_pairs_ok++;
            wft_critsec_end(&c);
        }
    }
    ck_assert_uint_eq(wft_current()->critical_section, 0);
}

START_TEST(test_leaf_sections_exclude_full_sections) {
    long n = wtest_scale(100000);
    atomic_store(&leaf_mutex.bits, 0);
    leaf_count = leaf_pairs_ok = 0;
    wtest_run_threads(8, leaf_worker, &n);
    ck_assert_int_eq(leaf_count, 4 * n + 4 * 2 * n);
    ck_assert_int_eq(leaf_pairs_ok, 4 * n);
    ck_assert_uint_eq(atomic_load(&leaf_mutex.bits), 0);
}
END_TEST

/* ---- the macros of each flavour ------------------------------------------------------------ */

START_TEST(test_macros_per_flavour) {
#if WF_FREE_THREADED
    static wf_object a = WF_OBJECT_HEAD_INIT(NULL), b = WF_OBJECT_HEAD_INIT(NULL);
    WF_BEGIN_CRITICAL_SECTION(&a);
    ck_assert(wf_mutex_is_locked(&a.ob_mutex));
    WF_BEGIN_CRITICAL_SECTION2(&b, &a);
    ck_assert(wf_mutex_is_locked(&b.ob_mutex));
    ck_assert(top() & WFT_CS_TWO_MUTEXES);
    WF_END_CRITICAL_SECTION2();
    ck_assert(wf_mutex_is_locked(&a.ob_mutex));
    ck_assert(!wf_mutex_is_locked(&b.ob_mutex));
    WF_END_CRITICAL_SECTION();
    ck_assert(!wf_mutex_is_locked(&a.ob_mutex));
#else
    /* The GIL flavour: the macros are bare blocks. */
    reset_pair();
    WF_BEGIN_CRITICAL_SECTION_MUT(LO);
    ck_assert(!wf_mutex_is_locked(LO));
    ck_assert_uint_eq(top(), 0);
    WF_BEGIN_CRITICAL_SECTION2_MUT(LO, HI);
    ck_assert(!wf_mutex_is_locked(LO) && !wf_mutex_is_locked(HI));
    WF_END_CRITICAL_SECTION2();
    WF_END_CRITICAL_SECTION();
#endif
    ck_assert_uint_eq(top(), 0);
}
END_TEST

/* ---- misuse is fatal -------------------------------------------------------------------------- */

static void *unregistered_begin(void *arg) {
    (void)arg;
    wft_critsec c;
    wft_critsec_begin(&c, LO); /* aborts */
    return NULL;
}

START_TEST(test_unregistered_thread_aborts) {
    reset_pair();
    wtest_run_unregistered(unregistered_begin, NULL);
}
END_TEST

START_TEST(test_out_of_order_end_aborts) {
    reset_pair();
    wft_critsec a, b;
    wft_critsec_begin(&a, LO);
    wft_critsec_begin(&b, HI);
    wft_critsec_end(&a); /* aborts */
}
END_TEST

Suite *critsec_suite(void) {
    Suite *s = suite_create("critsec");
    TCase *tc = wtest_add_tcase(s, "core", 300);
    tcase_add_test(tc, test_single_section);
    tcase_add_test(tc, test_nested_same_mutex_is_free);
    tcase_add_test(tc, test_two_mutex_section_over_held_one);
    tcase_add_test(tc, test_section_on_mutex_held_lower_in_stack);
    tcase_add_test(tc, test_detach_suspends_attach_resumes_top_only);
    tcase_add_test(tc, test_suspension_lets_another_thread_in);
#if WF_FREE_THREADED
    tcase_add_test(tc, test_lock_order_inversion_no_deadlock);
    tcase_add_test(tc, test_stop_the_world_with_thread_parked_in_section);
#endif
    tcase_add_test(tc, test_two_objects_both_orders_under_contention);
    tcase_add_test(tc, test_leaf_section_paths);
    tcase_add_test(tc, test_leaf_sections_exclude_full_sections);
    tcase_add_test(tc, test_macros_per_flavour);
    tcase_add_test_raise_signal(tc, test_unregistered_thread_aborts, SIGABRT);
    tcase_add_test_raise_signal(tc, test_out_of_order_end_aborts, SIGABRT);
    return s;
}

int main(void) { return wtest_run_suite(critsec_suite()); }
