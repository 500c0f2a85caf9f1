/*
 * tests/unit/test_memory.c — the object slabs, large objects, buffers and
 * counters of runtime/memory (slab.c, heap.c).
 *
 * What is checked, each from the outside through memory.h plus the layout
 * constants of slab_internal.h:
 *  - size classes and block geometry (alignment, inside the slab);
 *  - exact counters for alloc/free patterns on one thread;
 *  - a freed block keeps its refcount words and gets a tagged ob_type;
 *  - empty slabs are kept (WFM_KEEP_EMPTY per class) or retired, and a
 *    retired slab is released only after a grace period — also while a
 *    second thread stays online without a quiescent state;
 *  - concurrent readers probing stale pointers only ever see object
 *    headers while writers free, reallocate and churn buffers;
 *  - remote frees from 7 threads, and reuse of those blocks by the owner;
 *  - orphan adoption and frees into orphaned/adopted slabs;
 *  - the live-object walk during stop-the-world;
 *  - large objects, objects of unregistered threads, buffers from many
 *    threads, delayed frees.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/memory/memory.h"
#include "runtime/memory/slab_internal.h"
#include "threads/smr.h"
#include "threads/thread.h"
#include "wtest.h"

#define WAIT_FOR(cond)                                                             \
    do {                                                                           \
        int64_t wf_deadline_ = wft_monotonic_ns() + 30LL * 1000000000;             \
        while (!(cond)) {                                                          \
            ck_assert_msg(wft_monotonic_ns() < wf_deadline_, "timed out: " #cond); \
            wtest_sleep_ms(1);                                                     \
        }                                                                          \
    } while (0)

/* ---- helpers ---------------------------------------------------------------- */

/* For hot loops: Check's ck_assert records every passing assertion (a
 * write per call in fork mode); CHECK only reports failures. */
#define CHECK(cond)                                                                \
    do {                                                                           \
        if (!(cond)) ck_abort_msg("%s:%d: check failed: %s", __FILE__, __LINE__, #cond); \
    } while (0)

static _Atomic long mem_deallocs;

static void mem_dealloc(wf_object *op) {
    atomic_fetch_add_explicit(&mem_deallocs, 1, memory_order_relaxed);
    wfm_object_free(op);
}

static wf_type mem_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(NULL),
    .tp_name = "memtest",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = mem_dealloc,
};

static wf_object *new_obj(size_t size) {
    wf_object *op = wfm_object_alloc(size);
    CHECK(op != NULL);
    wf_object_init(op, &mem_type);
    return op;
}

static uintptr_t type_word(const wf_object *op) {
    return (uintptr_t)__atomic_load_n(&((wf_object *)op)->ob_type, __ATOMIC_RELAXED);
}

static wfm_stats stats(void) {
    wfm_stats s;
    wfm_get_stats(&s);
    return s;
}

static size_t effective_size(size_t size) {
    return size < sizeof(wf_object) ? sizeof(wf_object) : size;
}

/* p is a block of a live slab: aligned, inside the block area, on a block
 * boundary, and the slab says it has p's size class. */
static void check_block_geometry(void *p, size_t size) {
    CHECK(((uintptr_t)p & 15) == 0);
    CHECK(wfm_is_slab_block(p));
    wfm_slab *s = wfm_slab_of(p);
    CHECK((s->magic) == (WFM_SLAB_MAGIC));
    CHECK((s->block_size) == (wfm_class_size(wfm_size_class(effective_size(size)))));
    CHECK(s->first == (char *)s + WFM_SLAB_HEADER);
    CHECK((char *)p >= s->first);
    CHECK((char *)p + s->block_size <= (char *)s + WFM_SLAB_SIZE);
    CHECK(((size_t)((char *)p - s->first) % s->block_size) == (0));
    CHECK((wfm_object_block_size(p)) == (s->block_size));
}

static int cmp_ptr(const void *a, const void *b) {
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

static bool ptr_in_sorted(uintptr_t *set, size_t n, uintptr_t p) {
    return bsearch(&p, set, n, sizeof *set, cmp_ptr) != NULL;
}

/* Deterministic shuffle (xorshift). */
static uint64_t rng_next(uint64_t *s) {
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

static void shuffle(void **a, size_t n, uint64_t seed) {
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(&seed) % i);
        void *t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* A freed block reads as a dead object: ob_type tagged, refcount words as
 * dealloc (here: wf_object_init + a direct free) left them. */
static void check_dead_header(wf_object *op) {
    if (!(type_word(op) & 1))
        ck_abort_msg("freed block %p: ob_type %#lx not tagged", (void *)op,
                     (unsigned long)type_word(op));
#if WF_FREE_THREADED
    int32_t shared = atomic_load_explicit(&op->ob_ref_shared, memory_order_relaxed);
    if (shared != 0 && shared != WF_REF_SHARED(0, WF_REF_MERGED))
        ck_abort_msg("freed block %p: shared word %d", (void *)op, shared);
#endif
}

/* ---- size classes and geometry ----------------------------------------------- */

START_TEST(test_size_classes) {
    size_t prev = 0;
    for (unsigned c = 0; c < WFM_NCLASSES; c++) {
        size_t cs = wfm_class_size(c);
        ck_assert_uint_gt(cs, prev);
        ck_assert_uint_eq(cs % 16, 0);
        if (c < 8) ck_assert_uint_eq(cs, 16 * (c + 1));
        else ck_assert_uint_le(cs - prev, cs / 4); /* coarser, <= 25% steps */
        ck_assert_uint_eq(wfm_size_class(prev + 1), c);
        ck_assert_uint_eq(wfm_size_class(cs), c);
        prev = cs;
    }
    ck_assert_uint_eq(prev, WFM_SMALL_MAX);

    wfm_stats before = stats();
    for (size_t size = 1; size <= WFM_SMALL_MAX; size++) {
        void *p = wfm_object_alloc(size);
        CHECK(p != NULL);
        check_block_geometry(p, size);
        CHECK((wfm_object_block_size(p)) >= (size));
        CHECK((atomic_load(&wfm_slab_of(p)->owner)) == (wft_current_index()));
        wfm_object_free(p);
    }
    wfm_stats after = stats();
    ck_assert_int_eq(after.objects_live, before.objects_live);
    ck_assert_int_eq(after.object_bytes_live, before.object_bytes_live);
    ck_assert_int_eq(after.large_objects, before.large_objects);
}
END_TEST

/* ---- one thread: exact counters, no overlap, reuse ------------------------------ */

START_TEST(test_single_thread_counters) {
    static const size_t sizes[] = {24, 40, 100, 128, 200, 500, 1000, 1024};
    const size_t nsizes = sizeof sizes / sizeof sizes[0];
    const size_t n = (size_t)wtest_scale(50000);
    wft_thread *me = wft_current();
    void **objs = malloc(n * sizeof *objs);
    wfm_stats base = stats();
    int64_t base_slabs = wfm_thread_slab_count(me);

    int64_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        size_t size = sizes[i % nsizes];
        objs[i] = new_obj(size);
        check_block_geometry(objs[i], size);
        bytes += (int64_t)wfm_class_size(wfm_size_class(effective_size(size)));
    }
    wfm_stats full = stats();
    ck_assert_int_eq(full.objects_live - base.objects_live, (int64_t)n);
    ck_assert_int_eq(full.object_bytes_live - base.object_bytes_live, bytes);
    ck_assert_int_eq(full.large_objects, base.large_objects);
    int64_t peak_slabs = wfm_thread_slab_count(me);
    ck_assert_int_gt(peak_slabs, base_slabs);
    ck_assert_int_eq(full.slabs - base.slabs, peak_slabs - base_slabs);

    /* No two blocks overlap. */
    uintptr_t *sorted = malloc(n * sizeof *sorted);
    for (size_t i = 0; i < n; i++) sorted[i] = (uintptr_t)objs[i];
    qsort(sorted, n, sizeof *sorted, cmp_ptr);
    for (size_t i = 1; i < n; i++)
        CHECK(sorted[i - 1] + wfm_object_block_size((void *)sorted[i - 1]) <= sorted[i]);

    /* Free in a random order: counters return exactly to the base. */
    shuffle(objs, n, 0x9e3779b97f4a7c15ull);
    for (size_t i = 0; i < n; i++) {
        wfm_object_free(objs[i]);
        check_dead_header(objs[i]);
    }
    wfm_stats empty = stats();
    ck_assert_int_eq(empty.objects_live, base.objects_live);
    ck_assert_int_eq(empty.object_bytes_live, base.object_bytes_live);

    /* Allocating the same mix again never needs more slabs than the peak
     * (retired slabs were replaced, kept ones reused). */
    for (size_t i = 0; i < n; i++) {
        objs[i] = new_obj(sizes[i % nsizes]);
        CHECK((wfm_thread_slab_count(me)) <= (peak_slabs));
    }
    ck_assert_int_eq(stats().objects_live - base.objects_live, (int64_t)n);
    for (size_t i = 0; i < n; i++) wf_decref(objs[i]);
    ck_assert_int_eq(stats().objects_live, base.objects_live);
    free(sorted);
    free(objs);
}
END_TEST

START_TEST(test_free_keeps_refcount_words) {
    wf_object *op = new_obj(64);
    /* Leave the count words as a merged dealloc would, plus a marker in the
     * bytes just before ob_type that must survive too. */
#if WF_FREE_THREADED
    atomic_store(&op->ob_tid, 0);
    atomic_store(&op->ob_ref_local, 0);
    atomic_store(&op->ob_ref_shared, WF_REF_SHARED(0, WF_REF_MERGED));
    atomic_store(&op->ob_gc_bits, 0x5a);
#else
    op->ob_refcnt = 0;
#endif
    wfm_object_free(op);
    check_dead_header(op);
#if WF_FREE_THREADED
    ck_assert_uint_eq(atomic_load(&op->ob_tid), 0);
    ck_assert_uint_eq(atomic_load(&op->ob_ref_local), 0);
    ck_assert_int_eq(atomic_load(&op->ob_ref_shared), WF_REF_SHARED(0, WF_REF_MERGED));
    ck_assert_uint_eq(atomic_load(&op->ob_gc_bits), 0x5a);
#else
    ck_assert_int_eq(op->ob_refcnt, 0);
#endif
    /* The owner's free list is LIFO: the same block comes back. */
    wf_object *again = wfm_object_alloc(64);
    ck_assert_ptr_eq(again, op);
    wf_object_init(again, &mem_type);
    ck_assert_uint_eq(type_word(again), (uintptr_t)&mem_type);
    wf_decref(again);
    ck_assert_int_eq(atomic_load(&mem_deallocs), 1);
}
END_TEST

/* ---- empty slabs: kept or retired, released after a grace period ------------- */

#define RETIRE_SIZE 256
#define RETIRE_SLABS 6

static size_t blocks_per_slab(size_t size) {
    return (WFM_SLAB_SIZE - WFM_SLAB_HEADER) / wfm_class_size(wfm_size_class(size));
}

/* Fill RETIRE_SLABS slabs of one class exactly and free everything in
 * allocation order.  The first WFM_KEEP_EMPTY emptied slabs are kept, the
 * current one stays, the rest are retired.  Returns how many were retired
 * and leaves the freed pointers in *out (n entries). */
static int64_t fill_and_empty(void ***out, size_t *n_out) {
    size_t per = blocks_per_slab(RETIRE_SIZE);
    size_t n = per * RETIRE_SLABS;
    void **objs = malloc(n * sizeof *objs);
    wft_thread *me = wft_current();
    int64_t slabs0 = wfm_thread_slab_count(me);
    for (size_t i = 0; i < n; i++) objs[i] = new_obj(RETIRE_SIZE);
    ck_assert_int_eq(wfm_thread_slab_count(me) - slabs0, RETIRE_SLABS);
    wfm_stats before = stats();
    for (size_t i = 0; i < n; i++) wfm_object_free(objs[i]);
    int64_t retired = RETIRE_SLABS - 1 - WFM_KEEP_EMPTY;
    wfm_stats after = stats();
    ck_assert_int_eq(after.slabs_pending_release - before.slabs_pending_release, retired);
    ck_assert_int_eq(before.slabs - after.slabs, retired);
    ck_assert_int_eq(wfm_thread_slab_count(me) - slabs0, RETIRE_SLABS - retired);
    *out = objs;
    *n_out = n;
    return retired;
}

/* The calling thread allocated n objects of `size` into fresh slabs of that
 * class: allocate the rest of the last slab too, so that every block of
 * those slabs is in use and later allocations can only reuse freed blocks
 * (or make new slabs).  Returns the fillers (free them with free_fillers). */
static void **fill_last_slab(size_t n, size_t size, size_t *nfill) {
    size_t per = blocks_per_slab(size);
    *nfill = (per - n % per) % per;
    void **fill = malloc((*nfill + 1) * sizeof *fill);
    for (size_t i = 0; i < *nfill; i++) fill[i] = new_obj(size);
    return fill;
}

static void free_fillers(void **fill, size_t nfill) {
    for (size_t i = 0; i < nfill; i++) wfm_object_free(fill[i]);
    free(fill);
}

/* Every freed object still reads as a dead object inside an unreleased slab. */
static void check_all_dead(void **objs, size_t n) {
    for (size_t i = 0; i < n; i++) {
        check_dead_header(objs[i]);
        CHECK((wfm_slab_of(objs[i])->magic) == (WFM_SLAB_MAGIC));
    }
}

START_TEST(test_retired_slab_waits_for_own_quiescence) {
    wft_thread *me = wft_current();
    wfm_stats base = stats();
    void **objs;
    size_t n;
    int64_t retired = fill_and_empty(&objs, &n);
    ck_assert_int_gt(retired, 0);
    /* This thread was online when it retired the slabs and has not passed
     * a quiescent state: processing must not release them. */
    for (int i = 0; i < 3; i++) {
        wft_smr_process(me);
        ck_assert_int_eq(stats().slabs_pending_release - base.slabs_pending_release, retired);
        check_all_dead(objs, n);
    }
    wft_smr_quiescent(me);
    wft_smr_process(me);
    ck_assert_int_eq(stats().slabs_pending_release, base.slabs_pending_release);
    /* Kept slabs serve the next allocations without new slabs. */
    int64_t kept = wfm_thread_slab_count(me);
    for (size_t i = 0; i < n / RETIRE_SLABS; i++) objs[i] = new_obj(RETIRE_SIZE);
    ck_assert_int_eq(wfm_thread_slab_count(me), kept);
    for (size_t i = 0; i < n / RETIRE_SLABS; i++) wf_decref(objs[i]);
    free(objs);
}
END_TEST

#if WF_FREE_THREADED
/* Needs two threads online at once, which the GIL flavour never has (an
 * online thread holds the GIL, and handing it over is a quiescent state). */
static _Atomic int reader_online, reader_may_quiesce, reader_quiesced;

static void online_reader(int idx, void *arg) {
    (void)idx;
    (void)arg;
    wft_thread *t = wft_current();
    atomic_store(&reader_online, 1);
    /* Online and never quiescent until told: no safe point in this loop. */
    while (!atomic_load_explicit(&reader_may_quiesce, memory_order_acquire)) sched_yield();
    wft_smr_quiescent(t);
    atomic_store(&reader_quiesced, 1);
}

START_TEST(test_retired_slab_waits_for_online_reader) {
    wft_thread *me = wft_current();
    wtest_group *g = wtest_start_threads(1, online_reader, NULL);
    WAIT_FOR(atomic_load(&reader_online));

    wfm_stats base = stats();
    void **objs;
    size_t n;
    int64_t retired = fill_and_empty(&objs, &n);
    for (int i = 0; i < 5; i++) {
        wft_smr_quiescent(me);
        wft_smr_process(me);
        ck_assert_int_eq(stats().slabs_pending_release - base.slabs_pending_release, retired);
        check_all_dead(objs, n);
        wtest_sleep_ms(2); /* main goes offline and back: does not matter */
    }
    atomic_store_explicit(&reader_may_quiesce, 1, memory_order_release);
    WAIT_FOR(atomic_load(&reader_quiesced));
    wft_smr_quiescent(me);
    wft_smr_process(me);
    wfm_stats done = stats();
    ck_assert_int_eq(done.slabs_pending_release, base.slabs_pending_release);
    ck_assert_int_eq(done.slabs - base.slabs, RETIRE_SLABS - retired);
    wtest_join_threads(g);
    free(objs);
}
END_TEST
#endif

/* ---- concurrent readers probing stale pointers ------------------------------------ */

#define PROBE_WRITERS 3
#define PROBE_READERS 2
#define PROBE_PER_WRITER 768
#define PROBE_SLOTS (PROBE_WRITERS * PROBE_PER_WRITER)

static _Atomic(wf_object *) probe_slots[PROBE_SLOTS];
static _Atomic int probe_writers_done, probe_readers_started;
static _Atomic long probe_allocs, probe_checks, probe_bad;
static _Atomic uintptr_t probe_bad_word;

static size_t probe_size(size_t i, int round) {
    static const size_t sizes[] = {24, 48, 200, 1024};
    return sizes[(i + (size_t)round) % 4];
}

static void probe_writer(int w, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    /* At least `rounds` rounds, and on until the readers have probed
     * enough (bounded in time) so that they really ran alongside. */
    const int rounds = (int)wtest_scale(200);
    const long min_checks = wtest_scale(60000);
    const int64_t deadline = wft_monotonic_ns() + 10LL * 1000000000;
    size_t lo = (size_t)w * PROBE_PER_WRITER, hi = lo + PROBE_PER_WRITER;
    uint64_t seed = 0x1234567ull + (uint64_t)w;
    while (atomic_load(&probe_readers_started) < PROBE_READERS) {
        wft_safepoint(t);
        sched_yield();
    }
    for (int r = 0; r < rounds || (atomic_load(&probe_checks) < min_checks &&
                                   wft_monotonic_ns() < deadline);
         r++) {
        /* Drop every object (slabs empty out and retire) ... */
        for (size_t i = lo; i < hi; i++) {
            wf_object *old = atomic_exchange_explicit(&probe_slots[i], NULL, memory_order_acq_rel);
            if (old) wf_decref(old);
        }
        /* ... churn buffers so that released slab memory gets reused with
         * bytes that look nothing like an object header ... */
        for (int b = 0; b < 3; b++) {
            size_t sz = 32768 + (size_t)(rng_next(&seed) % 131072);
            unsigned char *buf = wfm_malloc(sz);
            memset(buf, 0x5a, sz);
            wfm_free(buf);
        }
        /* ... and publish new objects in the same slots. */
        for (size_t i = lo; i < hi; i++) {
            wf_object *op = new_obj(probe_size(i, r));
#if WF_FREE_THREADED
            if ((i & 3) == 0) wf_set_maybe_weakref(op); /* lets try-incref succeed */
#endif
            atomic_fetch_add_explicit(&probe_allocs, 1, memory_order_relaxed);
            atomic_store_explicit(&probe_slots[i], op, memory_order_release);
        }
        wft_safepoint(t);
        wft_smr_process(t);
    }
    for (size_t i = lo; i < hi; i++) {
        wf_object *old = atomic_exchange_explicit(&probe_slots[i], NULL, memory_order_acq_rel);
        if (old) wf_decref(old);
    }
    atomic_fetch_add(&probe_writers_done, 1);
}

static void probe_bad_header(uintptr_t w) {
    atomic_fetch_add(&probe_bad, 1);
    atomic_store(&probe_bad_word, w);
}

static void probe_reader(int idx, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    uint64_t seed = 0xabcdef12345ull + (uint64_t)idx;
    enum { BATCH = 64 };
    _Atomic(wf_object *) *from[BATCH];
    wf_object *held[BATCH];
    atomic_fetch_add(&probe_readers_started, 1);
    while (atomic_load_explicit(&probe_writers_done, memory_order_acquire) < PROBE_WRITERS) {
        /* Load a batch of pointers, let the writers run, then probe them:
         * by then most are stale (freed, reused, or in retired slabs).
         * No quiescent state in between, so each must still land on an
         * object header of its size class. */
        for (int k = 0; k < BATCH; k++) {
            from[k] = &probe_slots[rng_next(&seed) % PROBE_SLOTS];
            held[k] = atomic_load_explicit(from[k], memory_order_acquire);
        }
        sched_yield();
        for (int k = 0; k < BATCH; k++) {
            wf_object *op = held[k];
            if (!op) continue;
            /* Only header words, with relaxed atomic loads. */
            uintptr_t ty = type_word(op);
            if (!(ty & 1) && ty != (uintptr_t)&mem_type) probe_bad_header(ty);
#if WF_FREE_THREADED
            uint32_t tid = atomic_load_explicit(&op->ob_tid, memory_order_relaxed);
            if (tid > 4096) probe_bad_header(tid);
            uint32_t local = atomic_load_explicit(&op->ob_ref_local, memory_order_relaxed);
            if (local > 2) probe_bad_header(local);
#endif
            if (wf_try_incref_compare(from[k], op)) {
                /* A reference to a live object: exactly our type. */
                if (type_word(op) != (uintptr_t)&mem_type) probe_bad_header(type_word(op));
                wf_decref(op);
            }
        }
        atomic_fetch_add_explicit(&probe_checks, BATCH, memory_order_relaxed);
        wft_safepoint(t);
    }
}

static void probe_thread(int i, void *arg) {
    if (i < PROBE_WRITERS) probe_writer(i, arg);
    else probe_reader(i - PROBE_WRITERS, arg);
}

START_TEST(test_concurrent_probe_sees_only_headers) {
    wfm_stats base = stats();
    wtest_run_threads(PROBE_WRITERS + PROBE_READERS, probe_thread, NULL);
    ck_assert_msg(atomic_load(&probe_bad) == 0, "%ld bad header reads, e.g. %#lx",
                  atomic_load(&probe_bad), (unsigned long)atomic_load(&probe_bad_word));
    ck_assert_int_gt(atomic_load(&probe_checks), 0);
    /* Every object was deallocated exactly once. */
    ck_assert_int_eq(atomic_load(&mem_deallocs), atomic_load(&probe_allocs));
    wfm_stats end = stats();
    ck_assert_int_eq(end.objects_live, base.objects_live);
    ck_assert_int_eq(end.object_bytes_live, base.object_bytes_live);
    ck_assert_int_eq(end.buffer_bytes_live, base.buffer_bytes_live);
}
END_TEST

/* ---- remote frees ---------------------------------------------------------------- */

#define REMOTE_THREADS 7
static void **remote_objs;
static size_t remote_k;

static void remote_freer(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    size_t lo = (size_t)(i + 1) * remote_k;
    for (size_t j = lo; j < lo + remote_k; j++) {
        wf_object *op = remote_objs[j];
        wfm_slab *s = wfm_slab_of(op);
        /* The slab belongs to the allocating thread, not to us. */
        CHECK((atomic_load(&s->owner)) != (wft_current_index()));
        wfm_object_free(op);
        if ((j & 255) == 0) wft_safepoint(t);
    }
}

START_TEST(test_remote_frees_and_reuse) {
    wft_thread *me = wft_current();
    remote_k = (size_t)wtest_scale(20000);
    size_t n = remote_k * (REMOTE_THREADS + 1);
    remote_objs = malloc(n * sizeof *remote_objs);
    wfm_stats base = stats();
    for (size_t i = 0; i < n; i++) remote_objs[i] = new_obj(48);
    size_t nfill;
    void **fill = fill_last_slab(n, 48, &nfill);
    int64_t slabs = wfm_thread_slab_count(me);
    base.objects_live += (int64_t)nfill;
    base.object_bytes_live += (int64_t)(nfill * wfm_class_size(wfm_size_class(48)));

    wtest_run_threads(REMOTE_THREADS, remote_freer, NULL);

    wfm_stats mid = stats();
    ck_assert_int_eq(mid.objects_live - base.objects_live, (int64_t)remote_k);
    ck_assert_int_eq(mid.object_bytes_live - base.object_bytes_live,
                     (int64_t)(remote_k * wfm_class_size(wfm_size_class(48))));
    ck_assert_int_eq(wfm_thread_slab_count(me), slabs);

    /* The owner gets every remotely freed block back, without new slabs. */
    size_t nfreed = n - remote_k;
    uintptr_t *freed = malloc(nfreed * sizeof *freed);
    for (size_t i = 0; i < nfreed; i++) freed[i] = (uintptr_t)remote_objs[remote_k + i];
    qsort(freed, nfreed, sizeof *freed, cmp_ptr);
    for (size_t i = remote_k; i < n; i++) {
        remote_objs[i] = new_obj(48);
        if (!ptr_in_sorted(freed, nfreed, (uintptr_t)remote_objs[i]))
            ck_abort_msg("allocation %zu did not reuse a remotely freed block", i);
    }
    ck_assert_int_eq(wfm_thread_slab_count(me), slabs);
    ck_assert_int_eq(stats().objects_live - base.objects_live, (int64_t)n);

    for (size_t i = 0; i < n; i++) wfm_object_free(remote_objs[i]);
    wfm_stats end = stats();
    ck_assert_int_eq(end.objects_live, base.objects_live);
    ck_assert_int_eq(end.object_bytes_live, base.object_bytes_live);
    free_fillers(fill, nfill);
    free(freed);
    free(remote_objs);
}
END_TEST

/* ---- orphan adoption ----------------------------------------------------------------- */

#define ORPHAN_N 10000
#define ORPHAN_SIZE 64
static wf_object *orphan_a[ORPHAN_N];     /* thread 1's objects (odd ones freed) */
static wf_object *orphan_b[ORPHAN_N / 2]; /* thread 2's objects */
static int64_t orphan_expected_adopt, orphan_adopted_base, orphan_slabs_total;

static void orphan_allocator(int i, void *arg) {
    (void)i;
    (void)arg;
    for (int j = 0; j < ORPHAN_N; j++) orphan_a[j] = new_obj(ORPHAN_SIZE);
    for (int j = 1; j < ORPHAN_N; j += 2) wfm_object_free(orphan_a[j]);
}

static void orphan_adopter(int i, void *arg) {
    (void)i;
    (void)arg;
    wft_thread *me = wft_current();
    ck_assert_int_eq(wfm_thread_slab_count(me), 0);
    for (int j = 0; j < ORPHAN_N / 2; j++) {
        orphan_b[j] = new_obj(ORPHAN_SIZE);
        /* Served from an adopted slab that now belongs to us. */
        CHECK((atomic_load(&wfm_slab_of(orphan_b[j])->owner)) == (me->index));
    }
    /* The orphans had exactly enough room: every one was adopted, none
     * was created. */
    wfm_stats s = stats();
    ck_assert_int_eq(s.orphan_slabs, 0);
    ck_assert_int_eq(s.slabs, orphan_slabs_total);
    ck_assert_int_eq(s.slabs_adopted - orphan_adopted_base, orphan_expected_adopt);
    ck_assert_int_eq(wfm_thread_slab_count(me), orphan_expected_adopt);
}

static void orphan_freer(int i, void *arg) {
    (void)i;
    (void)arg;
    for (int j = 0; j < ORPHAN_N; j += 2) wfm_object_free(orphan_a[j]);
    for (int j = 0; j < ORPHAN_N / 2; j++) wfm_object_free(orphan_b[j]);
}

START_TEST(test_orphan_adoption) {
    wfm_stats base = stats();
    wtest_run_threads(1, orphan_allocator, NULL);
    wfm_stats s1 = stats();
    int64_t per = (int64_t)blocks_per_slab(ORPHAN_SIZE);
    int64_t slabs_a = (ORPHAN_N + per - 1) / per;
    /* Every slab of the exited thread holds live objects: all orphaned. */
    ck_assert_int_eq(s1.orphan_slabs - base.orphan_slabs, slabs_a);
    ck_assert_int_eq(s1.slabs - base.slabs, slabs_a);
    ck_assert_int_eq(s1.objects_live - base.objects_live, ORPHAN_N / 2);
    ck_assert_int_eq(s1.slabs_adopted, base.slabs_adopted);

    /* Thread 2 fills exactly the free blocks (plus nothing else if the last
     * slab was full; otherwise the spare bump space is used too). */
    orphan_expected_adopt = slabs_a;
    orphan_adopted_base = s1.slabs_adopted;
    orphan_slabs_total = s1.slabs;
    int64_t spare = slabs_a * per - ORPHAN_N;
    ck_assert_int_lt(spare, per);
    wtest_run_threads(1, orphan_adopter, NULL);
    wfm_stats s2 = stats();
    ck_assert_int_eq(s2.orphan_slabs - base.orphan_slabs, slabs_a); /* orphaned again */
    ck_assert_int_eq(s2.objects_live - base.objects_live, ORPHAN_N);

    /* A third thread frees everything into the orphaned slabs. */
    wtest_run_threads(1, orphan_freer, NULL);
    wfm_stats s3 = stats();
    ck_assert_int_eq(s3.objects_live, base.objects_live);
    ck_assert_int_eq(s3.object_bytes_live, base.object_bytes_live);
    ck_assert_int_eq(s3.orphan_slabs - base.orphan_slabs, slabs_a);

    /* The main thread adopts an (empty) orphan of that class. */
    wf_object *op = new_obj(ORPHAN_SIZE);
    wfm_stats s4 = stats();
    ck_assert_int_eq(s4.slabs_adopted - s3.slabs_adopted, 1);
    ck_assert_int_eq(s4.orphan_slabs, s3.orphan_slabs - 1);
    ck_assert_int_eq(s4.slabs, s3.slabs);
    wf_decref(op);
    /* The rest is released by wfm_fini at teardown (ASan checks leaks). */
}
END_TEST

/* ---- the live-object walk during stop-the-world ------------------------------ */

#define WALK_THREADS 4
#define WALK_N 3000
#define WALK_ORPHANS 500
static const size_t walk_sizes[] = {32, 64, 200, 1024, 3000};
static wf_object *walk_objs[WALK_THREADS][WALK_N];
static int walk_nkept[WALK_THREADS];
static wf_object *walk_orphans[WALK_ORPHANS];
static wf_object *walk_main_objs[WALK_THREADS * 100];
static _Atomic int walk_ready, walk_stop;
static wf_object *walk_unregistered;

/* Each object's first payload word counts how often the walk visited it. */
static _Atomic int *visit_mark(wf_object *op) { return (_Atomic int *)(op + 1); }

static wf_object *walk_obj(size_t size) {
    wf_object *op = new_obj(size);
    atomic_store(visit_mark(op), 0);
    return op;
}

static void walk_worker(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    int kept = 0;
    for (int j = 0; j < WALK_N; j++) {
        wf_object *op = walk_obj(walk_sizes[j % 5]);
        if (j % 3 == 0) wfm_object_free(op);
        else walk_objs[i][kept++] = op;
    }
    walk_nkept[i] = kept;
    /* Remote frees the walk must not report: some of the main thread's. */
    for (int j = i; j < WALK_THREADS * 100; j += WALK_THREADS)
        if (j % 2 == 0) wfm_object_free(walk_main_objs[j]);
    atomic_fetch_add(&walk_ready, 1);
    /* Half of the threads wait attached (stopped at a safe point), half
     * detached (suspended at once). */
    while (!atomic_load(&walk_stop)) {
        if (i % 2 == 0) {
            wft_safepoint(t);
            sched_yield();
        } else {
            wtest_sleep_ms(1);
        }
    }
    for (int j = 0; j < kept; j++) {
        CHECK((atomic_load(visit_mark(walk_objs[i][j]))) == (1));
        wf_decref(walk_objs[i][j]);
    }
}

static void walk_orphaner(int i, void *arg) {
    (void)i;
    (void)arg;
    for (int j = 0; j < WALK_ORPHANS; j++) walk_orphans[j] = walk_obj(walk_sizes[j % 4]);
}

static void *walk_unregistered_main(void *arg) {
    (void)arg;
    walk_unregistered = walk_obj(96);
    return NULL;
}

typedef struct walk_count {
    long total, ours, other;
} walk_count;

static void walk_visit(wf_object *op, void *arg) {
    walk_count *c = arg;
    c->total++;
    if (type_word(op) == (uintptr_t)&mem_type) {
        c->ours++;
        atomic_fetch_add(visit_mark(op), 1);
    } else {
        c->other++;
    }
}

START_TEST(test_walk_live_objects_world_stopped) {
    for (int j = 0; j < WALK_THREADS * 100; j++) walk_main_objs[j] = walk_obj(48);
    wtest_run_threads(1, walk_orphaner, NULL); /* leaves orphan slabs behind */
    pthread_t th;
    wft_thread *me = wft_current();
    wft_detach(me);
    pthread_create(&th, NULL, walk_unregistered_main, NULL);
    pthread_join(th, NULL);
    wft_attach(me);
    ck_assert(!wfm_is_slab_block(walk_unregistered));

    wtest_group *g = wtest_start_threads(WALK_THREADS, walk_worker, NULL);
    WAIT_FOR(atomic_load(&walk_ready) == WALK_THREADS);

    walk_count c = {0};
    wft_stop_the_world();
    wfm_stats s = stats(); /* exact: every counter writer is stopped */
    wfm_visit_live_objects(walk_visit, &c);
    wft_start_the_world();

    long expected = WALK_ORPHANS + 1 + WALK_THREADS * 100 / 2;
    for (int i = 0; i < WALK_THREADS; i++) expected += walk_nkept[i];
    ck_assert_int_eq(c.ours, expected);
    ck_assert_int_eq(c.total, s.objects_live);
    for (int j = 0; j < WALK_ORPHANS; j++) CHECK(atomic_load(visit_mark(walk_orphans[j])) == 1);
    ck_assert_int_eq(atomic_load(visit_mark(walk_unregistered)), 1);
    for (int j = 1; j < WALK_THREADS * 100; j += 2)
        CHECK((atomic_load(visit_mark(walk_main_objs[j]))) == (1));

    atomic_store(&walk_stop, 1);
    wtest_join_threads(g);
    for (int j = 0; j < WALK_ORPHANS; j++) wfm_object_free(walk_orphans[j]);
    for (int j = 1; j < WALK_THREADS * 100; j += 2) wf_decref(walk_main_objs[j]);
    wfm_object_free(walk_unregistered);

    /* Nothing of ours is left: a second walk sees no object of our type. */
    walk_count c2 = {0};
    wft_stop_the_world();
    wfm_visit_live_objects(walk_visit, &c2);
    wft_start_the_world();
    ck_assert_int_eq(c2.ours, 0);
}
END_TEST

/* ---- large objects and unregistered threads -------------------------------------- */

START_TEST(test_large_objects) {
    static const size_t sizes[] = {WFM_SMALL_MAX + 1, 4000, 70000, 1 << 20};
    wf_object *objs[4];
    wfm_stats base = stats();
    int64_t bytes = 0;
    for (int i = 0; i < 4; i++) {
        objs[i] = new_obj(sizes[i]);
        ck_assert(((uintptr_t)objs[i] & 15) == 0);
        ck_assert(!wfm_is_slab_block(objs[i]));
        size_t bs = wfm_object_block_size(objs[i]);
        ck_assert_uint_ge(bs, sizes[i]);
        ck_assert_uint_eq(bs % 16, 0);
        memset(objs[i] + 1, 0x33, bs - sizeof(wf_object)); /* the whole block is ours */
        bytes += (int64_t)bs;
    }
    wfm_stats s = stats();
    ck_assert_int_eq(s.large_objects - base.large_objects, 4);
    ck_assert_int_eq(s.objects_live - base.objects_live, 4);
    ck_assert_int_eq(s.object_bytes_live - base.object_bytes_live, bytes);

    for (int i = 0; i < 4; i++) wf_decref(objs[i]);
    s = stats();
    ck_assert_int_eq(s.large_objects, base.large_objects);
    ck_assert_int_eq(s.objects_live, base.objects_live);
    ck_assert_int_eq(s.object_bytes_live, base.object_bytes_live);
    /* Freed, but the memory stays readable as a dead object until a grace
     * period has passed (ASan would flag a read of released memory). */
    for (int i = 0; i < 4; i++) check_dead_header(objs[i]);
    wft_stop_the_world(); /* a grace period */
    wft_start_the_world();
    wft_smr_process(wft_current());
    ck_assert_int_eq(wft_smr_pending(wft_current()), 0);
}
END_TEST

/* Threads allocate large objects on their own shards, free half of their
 * own and leave the rest for another thread to free (a free on a shard
 * the freeing thread did not allocate from); the counters and the walk
 * agree at each step. */
#define LARGE_THREADS 6
#define LARGE_N 200
static wf_object *large_objs[LARGE_THREADS][LARGE_N];

static void large_worker(int i, void *arg) {
    (void)arg;
    for (int j = 0; j < LARGE_N; j++) {
        size_t size = WFM_SMALL_MAX + 1 + (size_t)((i * 131 + j * 17) % 5000);
        wf_object *o = new_obj(size);
        CHECK(!wfm_is_slab_block(o));
        memset(o + 1, i + 1, size - sizeof(wf_object));
        large_objs[i][j] = o;
        if (j % 2) { /* free an earlier one of ours at once */
            wf_decref(large_objs[i][j - 1]);
            large_objs[i][j - 1] = NULL;
        }
        if (j % 16 == 0) wft_safepoint(wft_current());
    }
}

static void large_freer(int i, void *arg) {
    (void)arg;
    int from = (i + 1) % LARGE_THREADS; /* another thread's objects */
    for (int j = 0; j < LARGE_N; j++) {
        wf_object *o = large_objs[from][j];
        if (!o) continue;
        unsigned char *b = (unsigned char *)(o + 1);
        CHECK(b[0] == (unsigned)(from + 1));
        wfm_object_free(o);
        large_objs[from][j] = NULL;
    }
}

struct large_walk {
    int64_t seen;
};
static void large_walk_visit(wf_object *o, void *arg) {
    if (!wfm_is_slab_block(o) && WF_TYPE(o) == &mem_type) ((struct large_walk *)arg)->seen++;
}

START_TEST(test_large_objects_many_threads) {
    wfm_stats base = stats();
    wtest_run_threads(LARGE_THREADS, large_worker, NULL);
    wfm_stats mid = stats();
    ck_assert_int_eq(mid.large_objects - base.large_objects, LARGE_THREADS * LARGE_N / 2);
    struct large_walk w = {0};
    wft_stop_the_world();
    wfm_visit_live_objects(large_walk_visit, &w);
    wft_start_the_world();
    ck_assert_int_ge(w.seen, LARGE_THREADS * LARGE_N / 2);
    wtest_run_threads(LARGE_THREADS, large_freer, NULL);
    wfm_stats end = stats();
    ck_assert_int_eq(end.large_objects, base.large_objects);
    ck_assert_int_eq(end.object_bytes_live, base.object_bytes_live);
}
END_TEST

#define UNREG_N 2000
static wf_object *unreg_objs[UNREG_N];
static wf_object *unreg_own[16];

static void *unregistered_user(void *arg) {
    (void)arg;
    ck_assert_ptr_null(wft_current());
    /* Objects of an unregistered thread come from the large-object path. */
    for (int i = 0; i < 16; i++) {
        unreg_own[i] = wfm_object_alloc(64);
        CHECK(unreg_own[i] != NULL);
        CHECK(!wfm_is_slab_block(unreg_own[i]));
        CHECK((wfm_object_block_size(unreg_own[i])) == (64));
        wf_object_init(unreg_own[i], &mem_type);
    }
    /* It may free registered threads' objects (remote frees) ... */
    for (int i = 0; i < UNREG_N; i++) wfm_object_free(unreg_objs[i]);
    /* ... and use buffers. */
    for (int i = 0; i < 100; i++) {
        char *b = wfm_malloc((size_t)i * 37 + 1);
        b = wfm_realloc(b, (size_t)i * 91 + 1);
        wfm_free(b);
    }
    return NULL;
}

START_TEST(test_unregistered_thread) {
    wft_thread *me = wft_current();
    wfm_stats base = stats();
    for (int i = 0; i < UNREG_N; i++) unreg_objs[i] = new_obj(80);
    size_t nfill;
    void **fill = fill_last_slab(UNREG_N, 80, &nfill);
    base.objects_live += (int64_t)nfill;
    int64_t slabs = wfm_thread_slab_count(me);
    uintptr_t sorted[UNREG_N];
    for (int i = 0; i < UNREG_N; i++) sorted[i] = (uintptr_t)unreg_objs[i];
    qsort(sorted, UNREG_N, sizeof *sorted, cmp_ptr);

    pthread_t th;
    wft_detach(me);
    pthread_create(&th, NULL, unregistered_user, NULL);
    pthread_join(th, NULL);
    wft_attach(me);

    wfm_stats s = stats();
    ck_assert_int_eq(s.objects_live - base.objects_live, 16);
    ck_assert_int_eq(s.large_objects - base.large_objects, 16);
    ck_assert_int_eq(s.buffer_bytes_live, base.buffer_bytes_live);
    /* The remote frees reached the owner. */
    for (int i = 0; i < UNREG_N; i++) {
        unreg_objs[i] = new_obj(80);
        CHECK(ptr_in_sorted(sorted, UNREG_N, (uintptr_t)unreg_objs[i]));
    }
    ck_assert_int_eq(wfm_thread_slab_count(me), slabs);
    for (int i = 0; i < UNREG_N; i++) wf_decref(unreg_objs[i]);
    for (int i = 0; i < 16; i++) wf_decref(unreg_own[i]);
    free_fillers(fill, nfill);
    base.objects_live -= (int64_t)nfill;
    s = stats();
    ck_assert_int_eq(s.objects_live, base.objects_live);
    ck_assert_int_eq(s.large_objects, base.large_objects);
}
END_TEST

/* ---- buffers ---------------------------------------------------------------------------- */

#define BUF_THREADS 8
#define BUF_N 400
static unsigned char *bufs[BUF_THREADS][BUF_N];
static size_t buf_len[BUF_THREADS][BUF_N];

static void buffer_worker(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    uint64_t seed = 0x5555aaaa1111ull * (uint64_t)(i + 1);
    for (int j = 0; j < BUF_N; j++) {
        size_t n = 1 + (size_t)(rng_next(&seed) % (j % 10 == 0 ? 200000 : 2000));
        unsigned char *b;
        if (j % 3 == 0) {
            b = wfm_calloc(n, 1);
            CHECK(b != NULL);
            for (size_t k = 0; k < n; k++) CHECK(b[k] == 0);
        } else {
            b = wfm_malloc(n);
            CHECK(b != NULL);
        }
        memset(b, i + 1, n);
        if (j % 4 == 0) { /* grow or shrink, keeping the prefix */
            size_t m = 1 + (size_t)(rng_next(&seed) % 5000);
            b = wfm_realloc(b, m);
            CHECK(b != NULL);
            for (size_t k = 0; k < (m < n ? m : n); k++) CHECK(b[k] == (unsigned)(i + 1));
            memset(b, i + 1, m);
            n = m;
        }
        if (j % 2 == 0) {
            wfm_free(b);
            b = NULL;
        }
        bufs[i][j] = b;
        buf_len[i][j] = n;
        if ((j & 31) == 0) wft_safepoint(t);
    }
}

/* Phase 2: free the neighbour's buffers (its heap belongs to an exited
 * thread by now). */
static void buffer_freer(int i, void *arg) {
    (void)arg;
    int from = (i + 1) % BUF_THREADS;
    for (int j = 0; j < BUF_N; j++) {
        unsigned char *b = bufs[from][j];
        if (!b) continue;
        for (size_t k = 0; k < buf_len[from][j]; k++) CHECK(b[k] == (unsigned)(from + 1));
        wfm_free(b);
    }
}

START_TEST(test_buffers_many_threads) {
    wfm_stats base = stats();
    wfm_free(NULL);
    char *p = wfm_realloc(NULL, 100);
    ck_assert_ptr_nonnull(p);
    wfm_stats one = stats();
    ck_assert_int_ge(one.buffer_bytes_live - base.buffer_bytes_live, 100);
    wfm_free(p);
    ck_assert_int_eq(stats().buffer_bytes_live, base.buffer_bytes_live);

    wtest_run_threads(BUF_THREADS, buffer_worker, NULL);
    int64_t expect_min = 0;
    for (int i = 0; i < BUF_THREADS; i++)
        for (int j = 0; j < BUF_N; j++)
            if (bufs[i][j]) expect_min += (int64_t)buf_len[i][j];
    wfm_stats mid = stats();
    ck_assert_int_ge(mid.buffer_bytes_live - base.buffer_bytes_live, expect_min);
    wtest_run_threads(BUF_THREADS, buffer_freer, NULL);
    ck_assert_int_eq(stats().buffer_bytes_live, base.buffer_bytes_live);
}
END_TEST

#define DELAYED_THREADS 4
#define DELAYED_N 500

static void delayed_worker(int i, void *arg) {
    (void)arg;
    wft_thread *t = wft_current();
    for (int j = 0; j < DELAYED_N; j++) {
        char *b = wfm_malloc(64 + (size_t)(j % 7) * 100);
        memset(b, i, 64);
        wfm_free_delayed(b);
        wft_safepoint(t); /* processes the queue when it grows */
    }
}

START_TEST(test_free_delayed) {
    wft_thread *me = wft_current();
    wfm_stats base = stats();
    char *p = wfm_malloc(1000);
    memset(p, 1, 1000);
    wfm_stats live = stats();
    ck_assert_int_ge(live.buffer_bytes_live - base.buffer_bytes_live, 1000);
    wfm_free_delayed(p);
    /* Not freed while this thread (online at the call) is not quiescent. */
    wft_smr_process(me);
    ck_assert_int_eq(stats().buffer_bytes_live, live.buffer_bytes_live);
    ck_assert_uint_eq(p[999], 1); /* still ours to read */
    wft_smr_quiescent(me);
    wft_smr_process(me);
    ck_assert_int_eq(stats().buffer_bytes_live, base.buffer_bytes_live);

    /* Many threads; what they leave queued at exit is freed by others. */
    wtest_run_threads(DELAYED_THREADS, delayed_worker, NULL);
    WAIT_FOR((wft_stop_the_world(), wft_start_the_world(), wft_smr_process(me),
              stats().buffer_bytes_live == base.buffer_bytes_live));
}
END_TEST

/* ---- tear-down ------------------------------------------------------------------ */

static void fini_orphaner(int i, void *arg) {
    (void)i;
    (void)arg;
    for (int j = 0; j < 3000; j++) {
        wf_object *op = new_obj(walk_sizes[j % 5]);
        if (j % 2) wfm_object_free(op); /* the rest stays live in orphan slabs */
    }
    wfm_free_delayed(wfm_malloc(500));   /* still queued when the thread exits */
}

START_TEST(test_fini_releases_everything) {
    /* Live objects in orphan slabs, live large objects, retired slabs and
     * delayed buffers still waiting for their grace period ... */
    wtest_run_threads(2, fini_orphaner, NULL);
    void **objs;
    size_t n;
    fill_and_empty(&objs, &n);
    free(objs);
    wfm_free_delayed(wfm_malloc(1000));
    new_obj(5000);
    wfm_stats s = stats();
    ck_assert_int_gt(s.orphan_slabs, 0);
    ck_assert_int_gt(s.slabs_pending_release, 0);
    ck_assert_int_gt(s.large_objects, 0);
    /* ... are all gone once the runtime is torn down: the counters see
     * every release, and ASan would see any block they missed. */
    wf_runtime_fini();
    s = stats();
    ck_assert_int_eq(s.slabs, 0);
    ck_assert_int_eq(s.orphan_slabs, 0);
    ck_assert_int_eq(s.slabs_pending_release, 0);
    ck_assert_int_eq(s.large_objects, 0);
    ck_assert_int_eq(s.objects_live, 0);
    ck_assert_int_eq(s.object_bytes_live, 0);
    ck_assert_int_eq(s.buffer_bytes_live, 0);
    wf_runtime_init(); /* for the fixture's teardown */
}
END_TEST

/* One test case per test, so CK_RUN_CASE=<name> runs a single one. */
static void add_test(Suite *s, const char *name, const TTest *test) {
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test);
    suite_add_tcase(s, tc);
}

#define ADD(s, t) add_test((s), #t, t)

Suite *memory_suite(void) {
    Suite *s = suite_create("memory");
    ADD(s, test_size_classes);
    ADD(s, test_single_thread_counters);
    ADD(s, test_free_keeps_refcount_words);
    ADD(s, test_retired_slab_waits_for_own_quiescence);
#if WF_FREE_THREADED
    ADD(s, test_retired_slab_waits_for_online_reader);
#endif
    ADD(s, test_concurrent_probe_sees_only_headers);
    ADD(s, test_remote_frees_and_reuse);
    ADD(s, test_orphan_adoption);
    ADD(s, test_walk_live_objects_world_stopped);
    ADD(s, test_large_objects);
    ADD(s, test_large_objects_many_threads);
    ADD(s, test_unregistered_thread);
    ADD(s, test_buffers_many_threads);
    ADD(s, test_free_delayed);
    ADD(s, test_fini_releases_everything);
    return s;
}

int main(void) { return wtest_run_suite(memory_suite()); }
