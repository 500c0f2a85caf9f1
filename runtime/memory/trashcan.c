/*
 * runtime/memory/trashcan.c — bounded dealloc recursion (weft/object.h,
 * wf_trashcan_begin / wf_trashcan_end).
 *
 * What it owns: each thread's pending list, a growable array of
 * (object, dealloc) pairs whose deallocs were put off because the thread
 * was already WF_TRASHCAN_LIMIT container deallocs deep.
 *
 * Invariants (all state is thread-local; no locking):
 *   T1  wf_tls_trash_depth = the number of container deallocs running on
 *       this thread (begun and not ended), plus one while the drain loop
 *       runs, so the deallocs it calls never start a second drain: the
 *       list is drained by one loop, iteratively, and the C stack stays
 *       bounded by about WF_TRASHCAN_LIMIT dealloc frames.
 *   T2  wf_tls_trash_pending = the number of pairs on the list.  The list
 *       is empty whenever the depth is 0 (the outermost end drains it), so
 *       a thread never exits with deallocs pending.
 *   T3  A pending object is dead (count 0) and nothing reads it until its
 *       own dealloc runs, exactly once, from the drain loop.
 * If the list cannot grow (out of memory), defer returns false and the
 * dealloc runs at once, deeper: correctness before stack depth.
 */
#include <stdlib.h>

#include "weft/object.h"

_Thread_local int wf_tls_trash_depth;
_Thread_local int wf_tls_trash_pending;

typedef struct trash_entry {
    wf_object *op;
    void (*dealloc)(wf_object *);
} trash_entry;

static _Thread_local trash_entry *trash_list; /* owner only */
static _Thread_local int trash_cap;

bool wf_trashcan_defer(wf_object *op, void (*dealloc)(wf_object *)) {
    if (wf_tls_trash_pending == trash_cap) {
        int ncap = trash_cap ? trash_cap * 2 : 64;
        trash_entry *n = realloc(trash_list, (size_t)ncap * sizeof *n);
        if (!n) return false;
        trash_list = n;
        trash_cap = ncap;
    }
    trash_list[wf_tls_trash_pending++] = (trash_entry){op, dealloc};
    return true;
}

void wf_trashcan_drain(void) {
    wf_tls_trash_depth++; /* T1: the deallocs below do not drain */
    while (wf_tls_trash_pending > 0) {
        trash_entry e = trash_list[--wf_tls_trash_pending];
        e.dealloc(e.op);
    }
    wf_tls_trash_depth--;
    /* Deep structures are rare: give the memory back. */
    free(trash_list);
    trash_list = NULL;
    trash_cap = 0;
}
