/*
 * runtime/vm/vmstate.c — creation and destruction of the per-thread VM
 * state (see vmstate.h).  Owner-only data; the exit hook runs on the
 * exiting thread itself while it is still attached, so it may drop
 * references.
 */
#include "runtime/vm/vmstate.h"

#include <stdio.h>
#include <stdlib.h>

#include "runtime/memory/memory.h"

_Thread_local wfv_vmstate *wfv_tls;

wfv_vmstate *wfv_state_slow(void) {
    wft_thread *t = wft_current();
    if (!t) {
        fprintf(stderr, "weft: VM state used by an unregistered thread\n");
        abort();
    }
    wfv_vmstate *s = t->ext[WFT_EXT_VM];
    if (!s) {
        s = calloc(1, sizeof *s);
        if (!s) {
            fprintf(stderr, "weft: out of memory creating the VM state\n");
            abort();
        }
        s->thread = t;
        s->recursion_limit = WFV_DEFAULT_RECURSION_LIMIT;
        t->ext[WFT_EXT_VM] = s;
    }
    wfv_tls = s;
    return s;
}

static void vm_thread_exit(wft_thread *t) {
    wfv_vmstate *s = t->ext[WFT_EXT_VM];
    if (!s) return;
    wf_object *a = s->curexc, *b = s->exc_handled, *c = s->repr_stack;
    s->curexc = s->exc_handled = s->repr_stack = NULL;
    if (a) wf_decref(a);
    if (b) wf_decref(b);
    if (c) wf_decref(c);
    for (void **ch = s->datastack_chunk; ch;) { /* frame-stack chunks (frame.c) */
        void **prev = *ch;
        free(ch);
        ch = prev;
    }
    free(s->datastack_spare);
    t->ext[WFT_EXT_VM] = NULL;
    wfv_tls = NULL;
    free(s);
}

void wfv_vmstate_init(void) {
    static const wft_hooks hooks = {.thread_exit = vm_thread_exit};
    wft_add_hooks(&hooks);
}
