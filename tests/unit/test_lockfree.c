/*
 * tests/unit/test_lockfree.c — the lock-free read protocol of list, dict
 * and set (docs/internals/containers.md) against concurrent writers, and
 * the dict read that starts at a guessed entry index.
 *
 * Each test runs reader threads that read without locks while a writer
 * keeps mutating the same container (appends, pops, item stores, resizes,
 * inserts and deletions that rebuild tables, clears).  Every value a
 * reader gets must be one some writer stored for that position or key;
 * afterwards every stored object must have been released exactly once
 * (counted dealloc) — a reference taken by a reader from a dying object,
 * or a lost one, shows up as a wrong count, a crash, or an ASan/TSan
 * report in the sanitizer flavours.  Every loop passes a safe point, as
 * the interpreter does, so the GIL flavour switches between the threads.
 */
#include <stdio.h>
#include <stdlib.h>

#include "runtime/objects/objimpl.h" /* wfo_dict_get_ref_nolock_hinted */
#include "tests/unit/wtest.h"
#include "weft/objects.h"

typedef struct {
    wf_object *container;
    _Atomic int stop;
    _Atomic long reads_ok;
    _Atomic long bad;
    long writer_iters;
} shared_t;

/* Runs fn on 4 threads (thread 0 writes, the others read) over container,
 * which it then releases; no reader may have seen a bad value, and some
 * reads must have succeeded. */
static void run_readers_vs_writer(wf_object *container, wtest_thread_fn fn, long iters) {
    shared_t sh = {.container = container, .writer_iters = iters};
    wtest_run_threads(4, fn, &sh);
    ck_assert_int_eq(atomic_load(&sh.bad), 0);
    ck_assert(atomic_load(&sh.reads_ok) > 0);
    wf_decref(container);
}

/* Values are ints tagged so a reader can check them: value = key * 8 + 5
 * for dicts, items = index-independent tags 1000..1999 for lists. */
static int good_list_item(wf_object *v) {
    if (!WF_INT_CHECK_EXACT(v)) return 0;
    int ov = 0;
    int64_t x = wf_int_as_i64_overflow(v, &ov);
    return !ov && x >= 1000 && x < 2000;
}

static void list_writer(wf_object *l, long iters) {
    for (long n = 0; n < iters; n++) {
        wft_safepoint(wft_current()); /* GIL flavour: let the readers run */
        wf_object *v = wf_int_from_i64(1000 + n % 1000);
        ck_assert_int_eq(wf_list_append(l, v), 0);
        wf_decref(v);
        wf_ssize_t size = wf_list_size(l);
        if (n % 3 == 0 && size > 0) {
            wf_object *p = wf_list_pop(l, size / 2);
            if (p) wf_decref(p);
            else wf_err_clear();
        }
        if (n % 7 == 0 && size > 1) {
            wf_object *w = wf_int_from_i64(1000 + (n * 13) % 1000);
            if (wf_list_set_item(l, 0, w) < 0) wf_err_clear();
            wf_decref(w);
        }
        if (n % 5000 == 4999) ck_assert_int_eq(wf_list_clear(l), 0);
    }
}

static void list_reader_fn(int index, void *arg) {
    shared_t *sh = arg;
    if (index == 0) {
        list_writer(sh->container, sh->writer_iters);
        atomic_store(&sh->stop, 1);
        return;
    }
    unsigned seed = (unsigned)index * 7919u;
    long ok = 0;
    while (!atomic_load(&sh->stop)) {
        wft_safepoint(wft_current()); /* GIL flavour: let the writer run */
        wf_ssize_t n = wf_list_size(sh->container);
        wf_ssize_t i = n ? (wf_ssize_t)(rand_r(&seed) % (unsigned)(n + 2)) : 0;
        wf_object *v = wf_list_get_item(sh->container, i);
        if (v) {
            if (good_list_item(v)) ok++;
            else atomic_fetch_add(&sh->bad, 1);
            wf_decref(v);
        } else {
            ck_assert(wf_err_occurred() == &wf_exc_IndexError);
            wf_err_clear();
        }
        /* Iteration steps race the same way. */
        if ((ok & 63) == 0) {
            wf_object *it = wf_object_get_iter(sh->container);
            ck_assert_ptr_nonnull(it);
            wf_object *x;
            while ((x = wf_iter_next(it)) != NULL) {
                if (!good_list_item(x)) atomic_fetch_add(&sh->bad, 1);
                wf_decref(x);
            }
            ck_assert_ptr_null(wf_err_occurred());
            wf_decref(it);
        }
    }
    atomic_fetch_add(&sh->reads_ok, ok);
}

START_TEST(list_readers_vs_writer) {
    run_readers_vs_writer(wf_list_new(0), list_reader_fn, wtest_scale(200000));
}
END_TEST

/* Dicts: keys are str "k<n>" (interned-free, so comparisons run) and small
 * ints; the value stored for key n is always n * 8 + 5. */
static wf_object *make_key(long n) {
    if (n % 2) return wf_int_from_i64(n);
    return wf_str_from_format("k%ld", n);
}
static long key_number(wf_object *k) {
    if (WF_INT_CHECK_EXACT(k)) return (long)wf_int_as_ssize(k);
    const char *s = wf_str_utf8(k, NULL);
    return atol(s + 1);
}

#define NKEYS 512

/* A reader's check of one lookup of key kn: r >= 0, and a value found
 * (released here) is the one every writer stores for kn. */
static void check_dict_read(shared_t *sh, int r, wf_object *v, long kn, long *ok) {
    ck_assert_int_ge(r, 0);
    if (!r) return;
    int ov = 0;
    if (WF_INT_CHECK_EXACT(v) && wf_int_as_i64_overflow(v, &ov) == kn * 8 + 5) (*ok)++;
    else atomic_fetch_add(&sh->bad, 1);
    wf_decref(v);
}

static void dict_writer(wf_object *d, long iters) {
    for (long n = 0; n < iters; n++) {
        wft_safepoint(wft_current()); /* GIL flavour: let the readers run */
        long kn = (n * 37) % NKEYS;
        wf_object *k = make_key(kn);
        if (n % 4 == 3) {
            if (wf_dict_del_item(d, k) < 0) wf_err_clear();
        } else {
            wf_object *v = wf_int_from_i64(kn * 8 + 5);
            ck_assert_int_eq(wf_dict_set_item(d, k, v), 0);
            wf_decref(v);
        }
        wf_decref(k);
        if (n % 20000 == 19999) wf_dict_clear(d);
    }
}

static void dict_reader_fn(int index, void *arg) {
    shared_t *sh = arg;
    if (index == 0) {
        dict_writer(sh->container, sh->writer_iters);
        atomic_store(&sh->stop, 1);
        return;
    }
    /* Readers use their own key objects (equal, not identical). */
    wf_object *keys[NKEYS];
    for (long i = 0; i < NKEYS; i++) keys[i] = make_key(i);
    unsigned seed = (unsigned)index * 104729u;
    long ok = 0;
    while (!atomic_load(&sh->stop)) {
        wft_safepoint(wft_current()); /* GIL flavour: let the writer run */
        long kn = rand_r(&seed) % NKEYS;
        wf_object *v = NULL;
        int r = wf_dict_get_item_ref(sh->container, keys[kn], &v);
        check_dict_read(sh, r, v, kn, &ok);
        if ((rand_r(&seed) & 255) == 0) {
            /* A full pass with wf_dict_next: keys and values must agree. */
            wf_ssize_t pos = 0;
            wf_object *k, *val;
            while (wf_dict_next(sh->container, &pos, &k, &val)) {
                int ov = 0;
                if (wf_int_as_i64_overflow(val, &ov) != key_number(k) * 8 + 5)
                    atomic_fetch_add(&sh->bad, 1);
                wf_decref(k);
                wf_decref(val);
            }
        }
    }
    for (long i = 0; i < NKEYS; i++) wf_decref(keys[i]);
    atomic_fetch_add(&sh->reads_ok, ok);
}

START_TEST(dict_readers_vs_writer) {
    run_readers_vs_writer(wf_dict_new(), dict_reader_fn, wtest_scale(300000));
}
END_TEST

/* Values that die while readers may still load them: counted objects
 * stored under one key and replaced over and over. */
static void replace_fn(int index, void *arg) {
    shared_t *sh = arg;
    wf_object *key = wf_str_from_cstr("slot");
    if (index == 0) {
        for (long n = 0; n < sh->writer_iters; n++) {
            wft_safepoint(wft_current());
            wf_object *v = wtest_new_counted();
            ck_assert_int_eq(wf_dict_set_item(sh->container, key, v), 0);
            wf_decref(v);
        }
        atomic_store(&sh->stop, 1);
    } else {
        long ok = 0;
        while (!atomic_load(&sh->stop)) {
        wft_safepoint(wft_current()); /* GIL flavour: let the writer run */
            wf_object *v = NULL;
            if (wf_dict_get_item_ref(sh->container, key, &v) > 0) {
                if (WF_TYPE(v) == &wtest_counted_type) ok++;
                else atomic_fetch_add(&sh->bad, 1);
                wf_decref(v);
            }
        }
        atomic_fetch_add(&sh->reads_ok, ok);
    }
    wf_decref(key);
}

START_TEST(dict_values_dying_under_readers) {
    shared_t sh = {.writer_iters = wtest_scale(100000)};
    sh.container = wf_dict_new();
    long before = atomic_load(&wtest_dealloc_count);
    wtest_run_threads(3, replace_fn, &sh);
    ck_assert_int_eq(atomic_load(&sh.bad), 0);
    wf_decref(sh.container);
    /* Every stored value released exactly once. */
    ck_assert_int_eq(atomic_load(&wtest_dealloc_count) - before, sh.writer_iters);
}
END_TEST

static void set_fn(int index, void *arg) {
    shared_t *sh = arg;
    if (index == 0) {
        for (long n = 0; n < sh->writer_iters; n++) {
            wft_safepoint(wft_current());
            wf_object *k = make_key((n * 17) % NKEYS);
            if (n % 3 == 2) ck_assert_int_ge(wf_set_discard(sh->container, k), 0);
            else ck_assert_int_eq(wf_set_add(sh->container, k), 0);
            wf_decref(k);
            if (n % 10000 == 9999) ck_assert_int_eq(wf_set_clear(sh->container), 0);
        }
        atomic_store(&sh->stop, 1);
        return;
    }
    wf_object *keys[NKEYS];
    for (long i = 0; i < NKEYS; i++) keys[i] = make_key(i);
    /* A key never added: must never be found. */
    wf_object *absent = wf_str_from_cstr("never-added");
    unsigned seed = (unsigned)index * 15485863u;
    long ok = 0;
    while (!atomic_load(&sh->stop)) {
        wft_safepoint(wft_current()); /* GIL flavour: let the writer run */
        int r = wf_set_contains(sh->container, keys[rand_r(&seed) % NKEYS]);
        ck_assert(r == 0 || r == 1);
        ok++;
        if (wf_set_contains(sh->container, absent) != 0) atomic_fetch_add(&sh->bad, 1);
    }
    for (long i = 0; i < NKEYS; i++) wf_decref(keys[i]);
    wf_decref(absent);
    atomic_fetch_add(&sh->reads_ok, ok);
}

START_TEST(set_readers_vs_writer) {
    run_readers_vs_writer(wf_set_new(NULL), set_fn, wtest_scale(300000));
}
END_TEST

/* Keys present for the whole test are always found, whatever the writer
 * does to other keys (resizes included). */
static void stable_fn(int index, void *arg) {
    shared_t *sh = arg;
    wf_object *d = sh->container;
    if (index == 0) {
        for (long n = 0; n < sh->writer_iters; n++) {
            wft_safepoint(wft_current());
            wf_object *k = wf_int_from_i64(1000000 + n % 4096);
            if ((n / 4096) % 2 == 0) {
                ck_assert_int_eq(wf_dict_set_item(d, k, k), 0);
            } else if (wf_dict_del_item(d, k) < 0) {
                wf_err_clear();
            }
            wf_decref(k);
        }
        atomic_store(&sh->stop, 1);
        return;
    }
    wf_object *probe = wf_str_from_cstr("stable-7");
    while (!atomic_load(&sh->stop)) {
        wft_safepoint(wft_current()); /* GIL flavour: let the writer run */
        wf_object *v = NULL;
        int r = wf_dict_get_item_ref(d, probe, &v);
        if (r != 1) atomic_fetch_add(&sh->bad, 1);
        else wf_decref(v);
    }
    wf_decref(probe);
}

START_TEST(dict_stable_keys_always_found) {
    shared_t sh = {.writer_iters = wtest_scale(200000)};
    sh.container = wf_dict_new();
    for (int i = 0; i < 16; i++) {
        wf_object *k = wf_str_from_format("stable-%d", i);
        ck_assert_int_eq(wf_dict_set_item(sh.container, k, k), 0);
        wf_decref(k);
    }
    wtest_run_threads(3, stable_fn, &sh);
    ck_assert_int_eq(atomic_load(&sh.bad), 0);
    wf_decref(sh.container);
}
END_TEST

/* The hinted read (wfo_dict_get_ref_nolock_hinted, the LOAD_ATTR
 * instance-dict path): whatever the hint says -- the right index, another
 * key's, a deleted entry's, out of range, a value another thread just
 * wrote -- the result is d[key] or "not here".  Readers share one hint per
 * key (as threads share a LOAD_ATTR site) and sometimes scribble a random
 * one; keys are interned, so the hinted path is taken. */
#define HKEYS 48
static _Atomic uintptr_t hints[HKEYS];

static void hinted_fn(int index, void *arg) {
    shared_t *sh = arg;
    wf_object *d = sh->container;
    wf_object *keys[HKEYS];
    for (long i = 0; i < HKEYS; i++) keys[i] = wf_str_intern(wf_str_from_format("hk%ld", i));
    if (index == 0) {
        for (long n = 0; n < sh->writer_iters; n++) {
            wft_safepoint(wft_current());
            long kn = (n * 7) % HKEYS;
            if (n % 3 == 2) {
                if (wf_dict_del_item(d, keys[kn]) < 0) wf_err_clear();
            } else {
                wf_object *v = wf_int_from_i64(kn * 8 + 5);
                ck_assert_int_eq(wf_dict_set_item(d, keys[kn], v), 0);
                wf_decref(v);
            }
            if (n % 5000 == 4999) wf_dict_clear(d);
        }
        atomic_store(&sh->stop, 1);
    } else {
        wf_object *absent = wf_str_intern(wf_str_from_cstr("hk-never"));
        _Atomic uintptr_t absent_hint = 0;
        unsigned seed = (unsigned)index * 7919u;
        long ok = 0;
        while (!atomic_load(&sh->stop)) {
            wft_safepoint(wft_current()); /* GIL flavour: let the writer run */
            long kn = rand_r(&seed) % HKEYS;
            if ((rand_r(&seed) & 15) == 0)
                atomic_store_explicit(&hints[kn], (uintptr_t)(rand_r(&seed) % 64),
                                      memory_order_relaxed);
            wf_object *v = NULL;
            int r = wfo_dict_get_ref_nolock_hinted(d, keys[kn], &v, &hints[kn]);
            if (r == -2) r = wf_dict_get_item_ref(d, keys[kn], &v);
            check_dict_read(sh, r, v, kn, &ok);
            atomic_store_explicit(&absent_hint, (uintptr_t)(rand_r(&seed) % 64),
                                  memory_order_relaxed);
            r = wfo_dict_get_ref_nolock_hinted(d, absent, &v, &absent_hint);
            if (r == 1) {
                atomic_fetch_add(&sh->bad, 1);
                wf_decref(v);
            }
        }
        wf_decref(absent);
        atomic_fetch_add(&sh->reads_ok, ok);
    }
    for (long i = 0; i < HKEYS; i++) wf_decref(keys[i]);
}

START_TEST(dict_hinted_reads_vs_writer) {
    run_readers_vs_writer(wf_dict_new(), hinted_fn, wtest_scale(200000));
}
END_TEST

/* One thread: a hint at another key's entry, at a deleted entry or out of
 * range still gives d[key]; a hit found by probing updates the hint. */
START_TEST(dict_hint_is_only_a_guess) {
    wf_object *d = wf_dict_new();
    wf_object *a = wf_str_intern(wf_str_from_cstr("alpha"));
    wf_object *b = wf_str_intern(wf_str_from_cstr("beta"));
    ck_assert_int_eq(wf_dict_set_item(d, a, a), 0); /* entry 0 */
    ck_assert_int_eq(wf_dict_set_item(d, b, b), 0); /* entry 1 */
    _Atomic uintptr_t hint = 0;                      /* alpha's entry */
    wf_object *v = NULL;
    ck_assert_int_eq(wfo_dict_get_ref_nolock_hinted(d, b, &v, &hint), 1);
    ck_assert_ptr_eq(v, b);
    wf_decref(v);
    ck_assert_uint_eq(atomic_load(&hint), 1); /* updated by the probe */
    atomic_store(&hint, 1000);                /* out of range */
    ck_assert_int_eq(wfo_dict_get_ref_nolock_hinted(d, a, &v, &hint), 1);
    ck_assert_ptr_eq(v, a);
    wf_decref(v);
    ck_assert_uint_eq(atomic_load(&hint), 0);
    ck_assert_int_eq(wf_dict_del_item(d, a), 0); /* entry 0 now deleted */
    ck_assert_int_eq(wfo_dict_get_ref_nolock_hinted(d, a, &v, &hint), 0);
    ck_assert_ptr_null(v);
    ck_assert_int_eq(wf_dict_set_item(d, a, b), 0); /* alpha again: entry 2 */
    ck_assert_int_eq(wfo_dict_get_ref_nolock_hinted(d, a, &v, &hint), 1);
    ck_assert_ptr_eq(v, b);
    wf_decref(v);
    ck_assert_uint_eq(atomic_load(&hint), 2);
    wf_decref(a);
    wf_decref(b);
    wf_decref(d);
}
END_TEST

int main(void) {
    Suite *s = suite_create("lockfree");
    TCase *tc = wtest_add_tcase(s, "readers", 300);
    tcase_add_test(tc, list_readers_vs_writer);
    tcase_add_test(tc, dict_readers_vs_writer);
    tcase_add_test(tc, dict_values_dying_under_readers);
    tcase_add_test(tc, set_readers_vs_writer);
    tcase_add_test(tc, dict_stable_keys_always_found);
    tcase_add_test(tc, dict_hinted_reads_vs_writer);
    tcase_add_test(tc, dict_hint_is_only_a_guess);
    return wtest_run_suite(s);
}
