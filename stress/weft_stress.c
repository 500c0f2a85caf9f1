/*
 * stress/weft_stress.c — bounded-time stress driver for the foundation.
 *
 * Scenarios (each runs for --seconds with --threads workers):
 *   slots    workers swap objects in and out of shared slots while others
 *            read them lock-free (wf_xget_ref) and check the payload; every
 *            object is freed exactly once (alloc == dealloc at the end).
 *   churn    short-lived threads allocate objects, park them in shared
 *            slots and exit, so objects outlive their owners: orphan slabs,
 *            merges for exited owners, adoption.
 *   locks    critical sections over random pairs of objects, locked in
 *            random order, guard per-object counters (exact at the end).
 *   stw      one thread repeatedly stops the world and walks every live
 *            object while the others run the slots workload; the walk must
 *            count exactly the live objects.
 * Exit status 0 only if every invariant held.  Prints one summary line
 * per scenario and a final "N passed, N failed" line.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/memory/memory.h"
#include "threads/critsec.h"
#include "threads/thread.h"
#include "weft/type.h"
#include "weft/weft.h"

#define MAGIC_LIVE 0x5eedfacecafef00dULL
#define MAGIC_DEAD 0xdeaddeaddeaddeadULL
#define NSLOTS 64

typedef struct sobj {
    wf_object ob;
    uint64_t magic;   /* written before publication / at dealloc */
    long counter;     /* guarded by ob's critical section */
    uint32_t creator; /* index of the allocating thread */
} sobj;

static _Atomic long n_alloc, n_dealloc, n_errors, n_ops;

static void sobj_dealloc(wf_object *op) {
    sobj *o = (sobj *)op;
    if (o->magic != MAGIC_LIVE) {
        fprintf(stderr, "stress: double free or corrupt object %p\n", (void *)o);
        atomic_fetch_add(&n_errors, 1);
    }
    o->magic = MAGIC_DEAD;
    atomic_fetch_add_explicit(&n_dealloc, 1, memory_order_relaxed);
    wfm_object_free(op);
}

static wf_type sobj_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(NULL),
    .tp_name = "stress",
    .tp_basicsize = sizeof(sobj),
    .tp_dealloc = sobj_dealloc,
};

static wf_object *sobj_new(void) {
    sobj *o = wfm_object_alloc(sizeof(sobj));
    if (!o) {
        fprintf(stderr, "stress: out of memory\n");
        abort();
    }
    wf_object_init(&o->ob, &sobj_type);
    o->magic = MAGIC_LIVE;
    o->counter = 0;
    o->creator = wft_current_index();
    atomic_fetch_add_explicit(&n_alloc, 1, memory_order_relaxed);
    return &o->ob;
}

static wf_object *_Atomic slots[NSLOTS];
static _Atomic int stop_flag;
static int opt_threads = 4;
static double opt_seconds = 3;

static uint64_t rng_next(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void check_obj(wf_object *op) {
    sobj *o = (sobj *)op;
    if (op->ob_type != &sobj_type || o->magic != MAGIC_LIVE) {
        fprintf(stderr, "stress: reader got a dead or foreign object %p\n", (void *)op);
        atomic_fetch_add(&n_errors, 1);
    }
}

static void slots_step(uint64_t *rng) {
    uint64_t r = rng_next(rng);
    int i = (int)(r % NSLOTS);
    if ((r >> 32) % 4 == 0) {
        wf_object *fresh = sobj_new();
        wf_enable_try_incref(fresh); /* lock-free readers retry on this slot */
        wf_object *old = atomic_exchange_explicit(&slots[i], fresh, memory_order_acq_rel);
        if (old) wf_decref(old);
    } else {
        wf_object *op = wf_xget_ref(&slots[i]);
        if (op) {
            check_obj(op);
            /* pass extra references around: local and shared counts */
            wf_incref(op);
            wf_decref(op);
            wf_decref(op);
        }
    }
    atomic_fetch_add_explicit(&n_ops, 1, memory_order_relaxed);
}

typedef struct worker {
    pthread_t th;
    int id;
    void (*body)(struct worker *);
} worker;

static void *worker_main(void *p) {
    worker *w = p;
    wf_thread_enter();
    w->body(w);
    wf_thread_exit();
    return NULL;
}

static void slots_body(worker *w) {
    uint64_t rng = 0x9e3779b97f4a7c15ULL * (uint64_t)(w->id + 1);
    wft_thread *t = wft_current();
    while (!atomic_load_explicit(&stop_flag, memory_order_relaxed)) {
        for (int k = 0; k < 64; k++) slots_step(&rng);
        wft_safepoint(t);
    }
}

/* A short-lived thread: register, allocate and publish objects, exit. */
static void *churn_child(void *p) {
    uint64_t rng = *(uint64_t *)p | 1;
    wf_thread_enter();
    for (int k = 0; k < 200; k++) slots_step(&rng);
    wf_thread_exit();
    return NULL;
}

static void churn_body(worker *w) {
    uint64_t rng = 0x2545f4914f6cdd1dULL * (uint64_t)(w->id + 1);
    wft_thread *t = wft_current();
    while (!atomic_load_explicit(&stop_flag, memory_order_relaxed)) {
        uint64_t seed = rng_next(&rng);
        pthread_t th;
        wft_detach(t); /* joining blocks */
        pthread_create(&th, NULL, churn_child, &seed);
        pthread_join(th, NULL);
        wft_attach(t);
        for (int k = 0; k < 32; k++) slots_step(&rng);
        wft_safepoint(t);
    }
}

#define NLOCKOBJ 8
static wf_object *lock_objs[NLOCKOBJ];
static _Atomic long lock_increments;

static void locks_body(worker *w) {
    uint64_t rng = 0xda942042e4dd58b5ULL * (uint64_t)(w->id + 1);
    wft_thread *t = wft_current();
    while (!atomic_load_explicit(&stop_flag, memory_order_relaxed)) {
        uint64_t r = rng_next(&rng);
        sobj *a = (sobj *)lock_objs[r % NLOCKOBJ];
        sobj *b = (sobj *)lock_objs[(r >> 16) % NLOCKOBJ];
        WF_BEGIN_CRITICAL_SECTION2(a, b);
        a->counter++;
        if (b != a) b->counter++;
        if ((r >> 40) % 64 == 0) {
            /* Block inside the section: suspends it, others get in. */
            wft_detach(t);
            usleep(50);
            wft_attach(t);
        }
        WF_END_CRITICAL_SECTION2();
        atomic_fetch_add_explicit(&lock_increments, a == b ? 1 : 2, memory_order_relaxed);
        wft_safepoint(t);
    }
}

static _Atomic long stw_pauses;
static _Atomic long stw_max_ns;

static void count_visit(wf_object *op, void *arg) {
    if (op->ob_type == &sobj_type) (*(long *)arg)++;
}

static void stw_body(worker *w) {
    if (w->id != 0) {
        slots_body(w);
        return;
    }
    wft_thread *t = wft_current();
    while (!atomic_load_explicit(&stop_flag, memory_order_relaxed)) {
        int64_t t0 = wft_monotonic_ns();
        wft_stop_the_world();
        long live = 0;
        wfm_visit_live_objects(count_visit, &live);
        long expect = atomic_load(&n_alloc) - atomic_load(&n_dealloc);
        if (live != expect) {
            fprintf(stderr, "stress: walk found %ld live objects, counters say %ld\n", live,
                    expect);
            atomic_fetch_add(&n_errors, 1);
        }
        wft_start_the_world();
        int64_t dt = wft_monotonic_ns() - t0;
        long prev = atomic_load(&stw_max_ns);
        while (dt > prev && !atomic_compare_exchange_weak(&stw_max_ns, &prev, dt)) {
        }
        atomic_fetch_add(&stw_pauses, 1);
        wft_detach(t);
        usleep(2000);
        wft_attach(t);
    }
}

static void clear_slots(void) {
    for (int i = 0; i < NSLOTS; i++) {
        wf_object *old = atomic_exchange(&slots[i], NULL);
        if (old) wf_decref(old);
    }
}

static int run_scenario(const char *name, void (*body)(worker *)) {
    atomic_store(&n_alloc, 0);
    atomic_store(&n_dealloc, 0);
    atomic_store(&n_errors, 0);
    atomic_store(&n_ops, 0);
    atomic_store(&stop_flag, 0);
    wf_runtime_init();
    if (body == locks_body)
        for (int i = 0; i < NLOCKOBJ; i++) lock_objs[i] = sobj_new();
    worker *ws = calloc((size_t)opt_threads, sizeof *ws);
    for (int i = 0; i < opt_threads; i++) {
        ws[i].id = i;
        ws[i].body = body;
        pthread_create(&ws[i].th, NULL, worker_main, &ws[i]);
    }
    wft_thread *self = wft_current();
    wft_detach(self);
    usleep((useconds_t)(opt_seconds * 1e6));
    atomic_store(&stop_flag, 1);
    for (int i = 0; i < opt_threads; i++) pthread_join(ws[i].th, NULL);
    wft_attach(self);
    free(ws);

    long extra = 0;
    if (body == locks_body) {
        long sum = 0;
        for (int i = 0; i < NLOCKOBJ; i++) {
            sum += ((sobj *)lock_objs[i])->counter;
            wf_decref(lock_objs[i]);
        }
        if (sum != atomic_load(&lock_increments)) {
            fprintf(stderr, "stress: lost updates under critical sections: %ld != %ld\n", sum,
                    atomic_load(&lock_increments));
            atomic_fetch_add(&n_errors, 1);
        }
        extra = sum;
        atomic_store(&lock_increments, 0);
    }
    clear_slots();
    /* Let queued merges and delayed frees run. */
    for (int i = 0; i < 4; i++) wft_safepoint(self);
    long a = atomic_load(&n_alloc), d = atomic_load(&n_dealloc);
    if (a != d) {
        fprintf(stderr, "stress: %ld objects allocated but %ld deallocated\n", a, d);
        atomic_fetch_add(&n_errors, 1);
    }
    wf_runtime_fini();
    long errs = atomic_load(&n_errors);
    printf("stress %-6s threads=%d seconds=%.1f ops=%ld allocs=%ld deallocs=%ld", name,
           opt_threads, opt_seconds, atomic_load(&n_ops), a, d);
    if (body == locks_body) printf(" locked_increments=%ld", extra);
    if (body == stw_body)
        printf(" pauses=%ld max_pause_us=%ld", atomic_load(&stw_pauses),
               atomic_load(&stw_max_ns) / 1000);
    printf(" errors=%ld %s\n", errs, errs ? "FAIL" : "ok");
    fflush(stdout);
    return errs == 0;
}

int main(int argc, char **argv) {
    const char *only = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seconds") && i + 1 < argc) opt_seconds = atof(argv[++i]);
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) opt_threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
        else {
            fprintf(stderr, "usage: weft_stress [--seconds S] [--threads N] [--only NAME]\n");
            return 2;
        }
    }
    if (opt_threads < 2) opt_threads = 2;
    struct { const char *name; void (*body)(worker *); } sc[] = {
        {"slots", slots_body}, {"churn", churn_body}, {"locks", locks_body}, {"stw", stw_body}};
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof sc / sizeof sc[0]; i++) {
        if (only && strcmp(only, sc[i].name)) continue;
        if (run_scenario(sc[i].name, sc[i].body)) passed++;
        else failed++;
    }
    printf("stress: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
