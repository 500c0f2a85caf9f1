/*
 * runtime/vm/gc.c — the cycle collector (ARCHITECTURE decision 9):
 * stop-the-world, non-generational, walking the slabs; finalizers run after
 * the world restarts.  The same algorithm serves both flavours.
 *
 * What it owns:
 *   - the collection itself (wfv_gc_collect and friends, runtime/vm/gc.h);
 *   - the allocation counter that schedules automatic collections
 *     (wf_gc_alloc_slow, runtime/memory/gc.h);
 *   - the "finalized" record of the GIL flavour (a side table; the
 *     free-threaded flavour uses the WF_GC_FINALIZED header bit).
 *
 * Algorithm (see docs/internals/gc.md):
 *   1. stop the world (the refcount layer's world_stopped hook merges every
 *      merge queue first) and fold every thread's per-thread counts
 *      (runtime/memory/perthread.c), so counts are exact;
 *   2. candidates = every live object (wfm_visit_live_objects) whose type
 *      has a tp_traverse, that is not immortal, not deferred (deferred
 *      objects — code objects — may be referenced from value stacks the
 *      counts do not see: they are roots) and whose true count is > 0
 *      (count 0 = a dealloc is pending or running: not ours), or >= 0 for
 *      a per-thread object (count 0 = dead, and only we free those);
 *      refs[i] = true count;
 *   3. for each candidate, each referent found through tp_traverse that is
 *      a candidate loses one from refs;
 *   4. candidates left with refs != 0 are referenced from outside (a
 *      negative value means a traverse reported a reference it does not
 *      own: treated as a root, never collected); everything reachable from
 *      them is marked reachable; the rest is garbage;
 *   5. each garbage object leaves per-thread counting and gets a temporary
 *      reference (so nothing is freed under our feet); per-thread objects
 *      with no traverse whose folded count is 0 leave the mode with one
 *      reference that the collector drops (freeing them) once the world
 *      has restarted and the collector lock is released;
 *   6. weak references to the garbage are cleared (callbacks run), then
 *      tp_finalize runs once on garbage that has one (marked finalized);
 *      if any ran, the analysis is redone on the garbage set alone with the
 *      world stopped again: objects a finalizer made reachable from outside
 *      (resurrection) and everything they reach are dropped from the set;
 *   7. tp_clear on the rest, then the temporary references are dropped, and
 *      the cycles fall apart by reference counting.  Memory is never freed
 *      here directly.
 *
 * Per-object collector state lives in a side table (open-addressed hash
 * from address to entry index) allocated for one collection: both
 * flavours share it, and no header bit is needed but WF_GC_FINALIZED.
 *
 * Thread-safety:
 *   - one garbage search at a time: gc_lock (a pthread mutex, taken
 *     detached so a thread waiting for it never blocks a stop-the-world),
 *     held until the garbage has its temporary references; finalizers and
 *     clears run without it (another collection sees that garbage as
 *     referenced and leaves it alone);
 *   - gc_collecting_here (thread-local) makes a nested collect (gc.collect()
 *     inside __del__ or a callback) return 0 at once;
 *   - steps 2-5 run with the world stopped, so the walk, the counts and the
 *     containers' contents are stable; tp_traverse functions take no locks;
 *   - enabled, threshold, the allocation count and the statistics are
 *     atomics, read and written by any thread (relaxed);
 *   - gc_callbacks: written once by the gc module under the import lock
 *     (release), read (acquire) by collectors;
 *   - GIL flavour: the finalized side table is protected by the GIL (every
 *     caller holds it).
 */
#include "runtime/vm/gc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/memory/memory.h"
#include "runtime/memory/perthread.h"
#include "runtime/memory/refcount.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"
#include "weft/errors.h"
#include "weft/type.h"
#include "weft/weakref.h"

/* --- tunables and shared state ------------------------------------------------------ */

/* Automatic collection runs when the net allocations (allocations minus
 * frees) of GC objects since the last collection exceed max(threshold, tracked_after_last / 2): the walk
 * costs O(live objects), so the amortised cost stays linear in the number
 * of allocations even for programs with big heaps. */
#define GC_DEFAULT_THRESHOLD 2000

static atomic_bool gc_enabled = true;
static _Atomic intptr_t gc_threshold = GC_DEFAULT_THRESHOLD;
static _Atomic intptr_t gc_alloc_count;    /* since the last collection */
static _Atomic intptr_t gc_last_tracked;   /* candidates found by the last one */
static _Atomic intptr_t gc_collections;
static _Atomic intptr_t gc_collected_total;
static wf_object *_Atomic gc_callbacks;    /* list or NULL; see header */

static pthread_mutex_t gc_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local bool gc_collecting_here;

_Thread_local int32_t wf_gc_alloc_ticks;

void wfv_gc_set_enabled(bool on) { atomic_store_explicit(&gc_enabled, on, memory_order_relaxed); }
bool wfv_gc_is_enabled(void) { return atomic_load_explicit(&gc_enabled, memory_order_relaxed); }
void wfv_gc_set_threshold(intptr_t t0) {
    atomic_store_explicit(&gc_threshold, t0, memory_order_relaxed);
}
intptr_t wfv_gc_get_threshold(void) {
    return atomic_load_explicit(&gc_threshold, memory_order_relaxed);
}
intptr_t wfv_gc_get_count(void) {
    intptr_t n = atomic_load_explicit(&gc_alloc_count, memory_order_relaxed) + wf_gc_alloc_ticks;
    return n > 0 ? n : 0;
}
void wfv_gc_get_stats(intptr_t *collections, intptr_t *collected) {
    *collections = atomic_load_explicit(&gc_collections, memory_order_relaxed);
    *collected = atomic_load_explicit(&gc_collected_total, memory_order_relaxed);
}
void wfv_gc_set_callbacks(wf_object *list) {
    atomic_store_explicit(&gc_callbacks, list, memory_order_release);
}

void wf_gc_alloc_slow(void) {
    WF_COUNT(gc_count_flush);
    intptr_t n = atomic_fetch_add_explicit(&gc_alloc_count, (intptr_t)wf_gc_alloc_ticks,
                                           memory_order_relaxed) +
                 (intptr_t)wf_gc_alloc_ticks;
    bool grew = wf_gc_alloc_ticks > 0;
    wf_gc_alloc_ticks = 0;
    if (!grew || !atomic_load_explicit(&gc_enabled, memory_order_relaxed)) return;
    intptr_t t0 = atomic_load_explicit(&gc_threshold, memory_order_relaxed);
    if (t0 <= 0) return; /* set_threshold(0) disables automatic collection */
    intptr_t limit = atomic_load_explicit(&gc_last_tracked, memory_order_relaxed) / 2;
    if (limit < t0) limit = t0;
    if (n < limit) return;
    wft_thread *t = wft_current();
    if (t != NULL) wft_eval_breaker_set(t, WFT_EB_GC_SCHEDULED);
}

/* n objects became collectable at once (per-thread conversions,
 * runtime/memory/perthread.c): as many allocations. */
void wfv_gc_note_allocs(size_t n) {
    for (size_t i = 0; i < n; i++) wf_gc_note_alloc();
}

/* --- the finalized record --------------------------------------------------------------- */

#if WF_FREE_THREADED
bool wf_gc_is_finalized(wf_object *op) { return (wf_gc_bits(op) & WF_GC_FINALIZED) != 0; }
void wf_gc_forget(wf_object *op) { (void)op; }
static void set_finalized(wf_object *op) { wf_gc_bits_set(op, WF_GC_FINALIZED); }
void wf_gc_mark_finalized(wf_object *op) { set_finalized(op); }
#else
/* A small open-addressed set of addresses (GIL held).  Entries are removed
 * by wf_gc_forget from the dealloc of a finalized object, so a reused
 * address is never mistaken for a finalized object. */
static wf_object **fin_set;
static size_t fin_cap, fin_len;
#define FIN_TOMB ((wf_object *)1)

static size_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p >> 4;
    x ^= x >> 17;
    x *= (uintptr_t)0xed5ad4bbu;
    x ^= x >> 11;
    return (size_t)x;
}

static bool fin_find(wf_object *op, size_t *at) {
    if (fin_cap == 0) return false;
    for (size_t i = ptr_hash(op) & (fin_cap - 1);; i = (i + 1) & (fin_cap - 1)) {
        if (fin_set[i] == NULL) return false;
        if (fin_set[i] == op) {
            *at = i;
            return true;
        }
    }
}

static void set_finalized(wf_object *op) {
    size_t at;
    if (fin_find(op, &at)) return;
    if ((fin_len + 1) * 2 > fin_cap) {
        size_t ncap = fin_cap ? fin_cap * 2 : 64;
        wf_object **n = calloc(ncap, sizeof *n);
        if (n == NULL) return; /* out of memory: __del__ may run twice */
        size_t live = 0;
        for (size_t i = 0; i < fin_cap; i++) {
            wf_object *o = fin_set[i];
            if (o == NULL || o == FIN_TOMB) continue;
            size_t j = ptr_hash(o) & (ncap - 1);
            while (n[j]) j = (j + 1) & (ncap - 1);
            n[j] = o;
            live++;
        }
        free(fin_set);
        fin_set = n;
        fin_cap = ncap;
        fin_len = live;
    }
    size_t j = ptr_hash(op) & (fin_cap - 1);
    while (fin_set[j] != NULL && fin_set[j] != FIN_TOMB) j = (j + 1) & (fin_cap - 1);
    if (fin_set[j] == NULL) fin_len++;
    fin_set[j] = op;
}

bool wf_gc_is_finalized(wf_object *op) {
    size_t at;
    return fin_find(op, &at);
}

void wf_gc_mark_finalized(wf_object *op) { set_finalized(op); }

void wf_gc_forget(wf_object *op) {
    size_t at;
    if (fin_find(op, &at)) fin_set[at] = FIN_TOMB;
}
#endif

/* --- the side table ----------------------------------------------------------------------- */

enum { ST_CANDIDATE = 0, ST_REACHABLE = 1, ST_GARBAGE = 2 };

typedef struct gc_entry {
    wf_object *op;
    intptr_t refs;
    int state;
} gc_entry;

typedef struct gc_state {
    gc_entry *ents;
    size_t n, cap;
    uint32_t *table; /* index + 1; 0 = empty */
    size_t tcap;
    size_t *stack;   /* mark stack of entry indices */
    size_t sp, scap;
    bool oom;
} gc_state;

static size_t slot_hash(const void *p) {
    uintptr_t x = (uintptr_t)p >> 4;
    x ^= x >> 17;
    x *= (uintptr_t)0xed5ad4bbu;
    x ^= x >> 11;
    x *= (uintptr_t)0xac4c1b51u;
    x ^= x >> 15;
    return (size_t)x;
}

static gc_entry *lookup(gc_state *g, wf_object *op) {
    if (op == NULL || g->tcap == 0) return NULL;
    for (size_t i = slot_hash(op) & (g->tcap - 1);; i = (i + 1) & (g->tcap - 1)) {
        uint32_t v = g->table[i];
        if (v == 0) return NULL;
        if (g->ents[v - 1].op == op) return &g->ents[v - 1];
    }
}

static bool build_table(gc_state *g) {
    size_t tcap = 64;
    while (tcap < g->n * 2) tcap *= 2;
    g->table = calloc(tcap, sizeof *g->table);
    if (g->table == NULL) return false;
    g->tcap = tcap;
    for (size_t k = 0; k < g->n; k++) {
        size_t i = slot_hash(g->ents[k].op) & (tcap - 1);
        while (g->table[i]) i = (i + 1) & (tcap - 1);
        g->table[i] = (uint32_t)(k + 1);
    }
    return true;
}

static void push(gc_state *g, size_t idx) {
    if (g->sp == g->scap) {
        size_t ncap = g->scap ? g->scap * 2 : 256;
        size_t *n = realloc(g->stack, ncap * sizeof *n);
        if (n == NULL) {
            g->oom = true;
            return;
        }
        g->stack = n;
        g->scap = ncap;
    }
    g->stack[g->sp++] = idx;
}

static void free_state(gc_state *g) {
    free(g->ents);
    free(g->table);
    free(g->stack);
    memset(g, 0, sizeof *g);
}

/* Is op a candidate at all (world stopped)? */
static bool is_candidate(wf_object *op) {
    wf_type *type = op->ob_type;
    if (type == NULL || type->tp_traverse == NULL) return false;
    if (wf_is_immortal(op)) return false;
#if WF_FREE_THREADED
    if (wf_gc_bits(op) & WF_GC_DEFERRED) return false;
    /* A per-thread object is freed only here: a count of 0 (folded) means
     * dead, not "dealloc in progress".  It takes part with refs 0, so what
     * it refers to is not mistaken for externally referenced. */
    if (wf_is_perthread(op)) return wf_refcnt(op) >= 0;
#endif
    return wf_refcnt(op) > 0;
}

static void gather_visit(wf_object *op, void *arg) {
    gc_state *g = arg;
    if (g->oom || !is_candidate(op)) return;
    if (g->n == g->cap) {
        size_t ncap = g->cap ? g->cap * 2 : 1024;
        gc_entry *n = realloc(g->ents, ncap * sizeof *n);
        if (n == NULL) {
            g->oom = true;
            return;
        }
        g->ents = n;
        g->cap = ncap;
    }
    g->ents[g->n++] = (gc_entry){.op = op, .refs = wf_refcnt(op), .state = ST_CANDIDATE};
}

static int visit_decref(wf_object *op, void *arg) {
    gc_entry *e = lookup(arg, op);
    if (e) e->refs--;
    return 0;
}

static int visit_mark(wf_object *op, void *arg) {
    gc_state *g = arg;
    gc_entry *e = lookup(g, op);
    if (e && e->state == ST_CANDIDATE) {
        e->state = ST_REACHABLE;
        push(g, (size_t)(e - g->ents));
    }
    return 0;
}

/* Steps 3 and 4 over g's entries (refs already hold the external counts
 * to start from); entries left ST_CANDIDATE become ST_GARBAGE. */
static void analyse(gc_state *g) {
    for (size_t k = 0; k < g->n; k++) {
        wf_object *op = g->ents[k].op;
        op->ob_type->tp_traverse(op, visit_decref, g);
    }
    for (size_t k = 0; k < g->n; k++) {
        if (g->ents[k].refs != 0 && g->ents[k].state == ST_CANDIDATE) {
            g->ents[k].state = ST_REACHABLE;
            push(g, k);
        }
    }
    while (g->sp > 0 && !g->oom) {
        wf_object *op = g->ents[g->stack[--g->sp]].op;
        op->ob_type->tp_traverse(op, visit_mark, g);
    }
    for (size_t k = 0; k < g->n; k++) {
        if (g->ents[k].state == ST_CANDIDATE) g->ents[k].state = g->oom ? ST_REACHABLE : ST_GARBAGE;
    }
}

/* --- callbacks ------------------------------------------------------------------------------- */

static void run_callbacks(const char *phase, intptr_t collected) {
    wf_object *cbs = atomic_load_explicit(&gc_callbacks, memory_order_acquire);
    if (cbs == NULL || wf_list_size(cbs) <= 0) return;
    wf_object *saved = wf_err_fetch();
    wf_object *info = wf_dict_new();
    wf_object *ph = wf_str_from_cstr(phase);
    if (info && ph) {
        wf_object *gen = wf_int_from_ssize(2), *col = wf_int_from_ssize(collected),
                  *unc = wf_int_from_ssize(0);
        if (gen) wf_dict_set_item_string(info, "generation", gen);
        if (col) wf_dict_set_item_string(info, "collected", col);
        if (unc) wf_dict_set_item_string(info, "uncollectable", unc);
        wf_xdecref(gen);
        wf_xdecref(col);
        wf_xdecref(unc);
        for (wf_ssize_t i = 0; i < wf_list_size(cbs); i++) {
            wf_object *cb = wf_list_get_item(cbs, i);
            if (!cb) break;
            wf_object *args[2] = {ph, info};
            wf_object *r = wf_object_vectorcall(cb, args, 2, NULL);
            if (!r) wfv_write_unraisable(NULL, cb); /* as CPython */
            wf_xdecref(r);
            wf_decref(cb);
            wf_err_clear();
        }
    }
    wf_xdecref(info);
    wf_xdecref(ph);
    wf_err_clear();
    wf_err_restore(saved);
}

/* --- the collection ----------------------------------------------------------------------------- */

static void lock_gc(void) {
    wft_thread *t = wft_current();
    if (pthread_mutex_trylock(&gc_lock) == 0) return;
    bool was = t ? wft_detach_if_attached(t) : false;
    pthread_mutex_lock(&gc_lock);
    if (t) wft_reattach(t, was);
}

/* Gather the garbage with the world stopped; on return g->ents holds only
 * the garbage, each with a temporary reference. */
static void find_garbage(gc_state *g, wf_object ***dead, size_t *ndead) {
    wft_stop_the_world();
    /* Per-thread counts are folded first, so every count below is exact. */
    wfm_perthread_merge_all_stopped();
    wfm_visit_live_objects(gather_visit, g);
    if (!g->oom && build_table(g)) {
        analyse(g);
    } else {
        g->oom = true;
    }
    size_t m = 0;
    intptr_t tracked = (intptr_t)g->n;
    if (!g->oom) {
        for (size_t k = 0; k < g->n; k++) {
            if (g->ents[k].state != ST_GARBAGE) continue;
            /* Garbage leaves per-thread counting: its clear and the
             * decrefs below must be able to bring it to zero. */
            wfm_perthread_disable_stopped(g->ents[k].op);
            wf_incref(g->ents[k].op);
            g->ents[m++] = g->ents[k];
        }
    }
    g->n = m;
    /* Per-thread objects without a traverse that nothing refers to any
     * more (only the collector can tell): the caller frees them once the
     * world runs again. */
    *ndead = g->oom ? 0 : wfm_perthread_take_dead_stopped(dead);
    wft_start_the_world();
    atomic_store_explicit(&gc_last_tracked, tracked, memory_order_relaxed);
    free(g->table);
    g->table = NULL;
    g->tcap = 0;
}

/* Step 6's re-check: which garbage is still garbage after the finalizers
 * ran?  refs = count - 1 (our temporary reference); the rest as before.
 * Entries found reachable are marked ST_REACHABLE. */
static void recheck_resurrected(gc_state *g) {
    wft_stop_the_world();
    for (size_t k = 0; k < g->n; k++) {
        g->ents[k].refs = wf_refcnt(g->ents[k].op) - 1;
        g->ents[k].state = ST_CANDIDATE;
    }
    if (build_table(g))
        analyse(g);
    else
        for (size_t k = 0; k < g->n; k++) g->ents[k].state = ST_REACHABLE;
    wft_start_the_world();
    free(g->table);
    g->table = NULL;
    g->tcap = 0;
}

static intptr_t collect(bool run_finalizers, bool callbacks) {
    if (gc_collecting_here) return 0;
    gc_collecting_here = true;
    if (callbacks) run_callbacks("start", 0); /* Python code: before gc_lock */
    lock_gc();
    atomic_store_explicit(&gc_alloc_count, 0, memory_order_relaxed);
    wf_gc_alloc_ticks = 0;
    wft_thread *t = wft_current();
    if (t) wft_eval_breaker_clear(t, WFT_EB_GC_SCHEDULED);

    gc_state g = {0};
    wf_object **dead = NULL;
    size_t ndead = 0;
    find_garbage(&g, &dead, &ndead);
    intptr_t found = (intptr_t)g.n;
    /* The rest runs Python code (finalizers, weakref callbacks) that may
     * wait for a thread which itself waits to collect: let it.  A second
     * collection sees our garbage as referenced (our temporary references)
     * and leaves it alone. */
    pthread_mutex_unlock(&gc_lock);
    for (size_t k = 0; k < ndead; k++) {
        wf_decref(dead[k]); /* the last reference: deallocates */
        wf_err_clear();
    }
    free(dead);
    /* The pause's merge of the queues handed us the objects whose count
     * reached 0 (refcount.c): release them now, while the world runs, not
     * at an eval-breaker check that may never come (the exit collection). */
    wfm_refcount_drain();

    wf_object *saved = wf_err_fetch();
    /* Weak references to garbage are cleared first (their callbacks run
     * now), so no finalizer or other thread can reach a garbage object
     * through one and see it half cleared (CPython's order). */
    for (size_t k = 0; k < g.n; k++) {
        wf_weakref_on_dealloc(g.ents[k].op);
        wf_err_clear();
    }

    /* Finalizers (the world runs). */
    bool any_finalized = false;
    /* CPython finalizes in allocation order; weft keeps no allocation
     * sequence.  The slab walk tends to meet a burst of new objects newest
     * first, so going backwards approximates allocation order (an
     * approximation: objects from reused free blocks may come out of
     * order). */
    for (size_t kk = g.n; kk-- > 0;) {
        size_t k = kk;
        wf_object *op = g.ents[k].op;
        wf_destructor fin = op->ob_type->tp_finalize;
        if (fin == NULL || wf_gc_is_finalized(op)) continue;
        set_finalized(op);
        if (!run_finalizers) continue;
        any_finalized = true;
        fin(op);
        wf_err_clear();
    }
    if (any_finalized) recheck_resurrected(&g);

    /* Clear what is still garbage, then drop the temporary references. */
    intptr_t cleared = 0;
    for (size_t k = 0; k < g.n; k++) {
        if (g.ents[k].state != ST_GARBAGE) continue;
        wf_object *op = g.ents[k].op;
        wf_inquiry clear = op->ob_type->tp_clear;
        cleared++;
        if (clear) {
            clear(op);
            wf_err_clear();
        }
    }
    for (size_t k = 0; k < g.n; k++) wf_decref(g.ents[k].op);
    wf_err_restore(saved);
    free_state(&g);

    atomic_fetch_add_explicit(&gc_collections, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&gc_collected_total, cleared, memory_order_relaxed);
    /* Allocations made by finalizers do not count towards the next one. */
    atomic_store_explicit(&gc_alloc_count, 0, memory_order_relaxed);
    if (callbacks) run_callbacks("stop", found);
    gc_collecting_here = false;
    return found;
}

intptr_t wfv_gc_collect(void) { return collect(true, true); }

void wfv_gc_collect_scheduled(void) {
    wft_thread *t = wft_current();
    if (t) wft_eval_breaker_clear(t, WFT_EB_GC_SCHEDULED);
    if (!wfv_gc_is_enabled()) return;
    collect(true, true);
}

void wfv_gc_collect_at_exit(bool run_finalizers) { collect(run_finalizers, run_finalizers); }

/* --- introspection ------------------------------------------------------------------------------ */

bool wfv_gc_is_tracked(wf_object *op) {
    wf_type *type = WF_TYPE(op);
    return type->tp_traverse != NULL && !wf_is_immortal(op);
}

typedef struct objs_arg {
    wf_object **v;
    size_t n, cap;
    bool oom;
} objs_arg;

/* Append op to a with a new reference (a->oom on failure). */
static void objs_push(objs_arg *a, wf_object *op) {
    if (a->n == a->cap) {
        size_t ncap = a->cap ? a->cap * 2 : 256;
        wf_object **n = realloc(a->v, ncap * sizeof *n);
        if (n == NULL) {
            a->oom = true;
            return;
        }
        a->v = n;
        a->cap = ncap;
    }
    wf_incref(op);
    a->v[a->n++] = op;
}

static void objs_visit(wf_object *op, void *arg) {
    objs_arg *a = arg;
    if (a->oom || !is_candidate(op)) return;
    objs_push(a, op);
}

wf_object *wfv_gc_get_objects(void) {
    objs_arg a = {0};
    lock_gc();
    wft_stop_the_world();
    wfm_visit_live_objects(objs_visit, &a);
    wft_start_the_world();
    pthread_mutex_unlock(&gc_lock);
    wf_object *list = a.oom ? NULL : wf_list_new(0);
    if (a.oom) wf_err_no_memory();
    for (size_t i = 0; i < a.n; i++) {
        if (list && wf_list_append(list, a.v[i]) < 0) WF_CLEAR(list);
        wf_decref(a.v[i]);
    }
    free(a.v);
    return list;
}

static int referent_visit(wf_object *op, void *arg) {
    if (op == NULL) return 0;
    return wf_list_append(arg, op) < 0 ? -1 : 0;
}

wf_object *wfv_gc_get_referents(wf_object *op) {
    wf_object *list = wf_list_new(0);
    if (!list) return NULL;
    wf_type *type = WF_TYPE(op);
    if (type->tp_traverse && type->tp_traverse(op, referent_visit, list) < 0 && wf_err_occurred())
        WF_CLEAR(list);
    return list;
}

#if WF_FREE_THREADED
/* wfv_gc_release_deferred's walk: every deferred object, with a reference. */
static void deferred_visit(wf_object *op, void *arg) {
    objs_arg *a = arg;
    if (a->oom || wf_is_immortal(op) || !(wf_gc_bits(op) & WF_GC_DEFERRED)) return;
    objs_push(a, op);
}
#endif

/* At shutdown (no Python frame runs any more, other threads are gone): the
 * uncounted stack references deferred counting allows cannot exist, so
 * remove every deferred object's bias; those nothing refers to are freed,
 * the rest become ordinary candidates for the final collection. */
void wfv_gc_release_deferred(void) {
#if WF_FREE_THREADED
    objs_arg a = {0};
    lock_gc();
    wft_stop_the_world();
    wfm_visit_live_objects(deferred_visit, &a);
    wft_start_the_world();
    pthread_mutex_unlock(&gc_lock);
    wf_object *saved = wf_err_fetch();
    for (size_t i = 0; i < a.n; i++) {
        wf_clear_deferred(a.v[i]);
        wf_decref(a.v[i]);
    }
    free(a.v);
    wf_err_clear();
    wf_err_restore(saved);
#endif
}
