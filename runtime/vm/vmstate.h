/*
 * runtime/vm/vmstate.h — the per-thread interpreter state.
 *
 * One wfv_vmstate per registered thread, kept in t->ext[WFT_EXT_VM] and in
 * the thread-local wfv_tls for speed.  Created on first use by the owning
 * thread (wfv_state()), destroyed by the thread-exit hook registered in
 * wf_objects_init().  Every field is owner-only: no other thread reads or
 * writes it, so none needs synchronisation.
 */
#ifndef WEFT_VM_VMSTATE_H
#define WEFT_VM_VMSTATE_H

#include "threads/thread.h"
#include "weft/object.h"

#define WFV_DEFAULT_RECURSION_LIMIT 1000
#define WFV_C_RECURSION_LIMIT 1500 /* native frames (repr, compare, ...) */

typedef struct wfv_vmstate {
    wft_thread *thread;
    wf_object *curexc;      /* the current (raised, not yet caught) exception */
    wf_object *exc_handled; /* exception being handled (except block), for __context__;
                               the VM saves/restores it around handlers */
    int c_recursion_depth;  /* nesting of wf_enter_recursive_call */
    int recursion_limit;    /* sys.getrecursionlimit() */
    wf_object *repr_stack;  /* list of objects being repr'ed (cycle guard) or NULL */
    struct wfv_frame *current_frame; /* innermost executing frame (runtime/vm/vm.h) */
    int py_recursion_depth; /* Python frames executing on this thread */
    /* The frame stack (runtime/vm/frame.c): chunks of wf_object * slots.
     * Every chunk is one malloc block whose first word points to the
     * previous chunk (NULL for the first), so the exit hook frees them
     * without knowing more. */
    void *datastack_chunk;
    wf_object **datastack_top, **datastack_limit;
    void *datastack_spare;  /* one free chunk kept for reuse (frame.c) */
    /* The VM core (runtime/vm/eval.c, owner-only): */
    char *c_stack_limit;    /* lowest safe C stack address (0 = not computed yet) */
    unsigned eval_ticks;    /* counts backward jumps/calls between safepoints */
    int recursion_headroom; /* >0 while a RecursionError is being created (errors.c, eval.c) */
} wfv_vmstate;

extern _Thread_local wfv_vmstate *wfv_tls;

wfv_vmstate *wfv_state_slow(void);
static inline wfv_vmstate *wfv_state(void) {
    wfv_vmstate *s = wfv_tls;
    return s ? s : wfv_state_slow();
}
/* Register the thread hooks (called by wf_objects_init). */
void wfv_vmstate_init(void);

#endif /* WEFT_VM_VMSTATE_H */
