/*
 * runtime/vm/eval_internal.h — what eval.c, frame.c, gen.c and
 * traceback.c share (not a contract for other engineers: use vm.h).
 *
 * Frames live on the running thread's data stack (frame.c) or inside a
 * generator object (gen.c).  Everything here is called by the thread that
 * owns the frame (the running thread, or the thread currently running the
 * generator, which holds the generator's "executing" state).
 */
#ifndef WEFT_VM_EVAL_INTERNAL_H
#define WEFT_VM_EVAL_INTERNAL_H

#include "runtime/compiler/code.h"
#include "runtime/compiler/opcodes.h"
#include "runtime/vm/vm.h"

/* Slots (pointer-sized words) a frame for co occupies, header included. */
static inline size_t wfv_frame_nslots(wfv_code *co) {
    return (sizeof(wfv_frame) + sizeof(wf_object *) - 1) / sizeof(wf_object *) +
           (size_t)co->co_nlocalsplus + (size_t)co->co_stacksize;
}

/* Initialise the frame header at f for co (new references to co, func,
 * globals, builtins, locals — any of the last three may be NULL; func is
 * borrowed instead when borrow_func: vm.h says when that is allowed); the
 * fast slots are set to NULL. */
void wfv_frame_init(wfv_frame *f, wfv_code *co, wf_object *func, wf_object *globals,
                    wf_object *builtins, wf_object *locals, int owner, bool borrow_func);
/* Allocate a frame on the calling thread's data stack and initialise it;
 * NULL with MemoryError. */
wfv_frame *wfv_frame_push(wfv_vmstate *s, wfv_code *co, wf_object *func, wf_object *globals,
                          wf_object *builtins, wf_object *locals, bool borrow_func);
/* Drop every reference the frame holds (fast slots, value stack up to
 * f_stacktop, code, func, ...), detaching its frame object (which keeps a
 * snapshot); the state becomes CLEARED. */
void wfv_frame_clear(wfv_frame *f);
/* The collector's view of a frame that is not executing (a generator's):
 * visits every reference it owns (fast slots, the value stack up to
 * f_stacktop, its frame object, f_locals, and f_func / f_globals /
 * f_builtins / f_code where f_borrows says they are not borrowed). */
int wfv_frame_traverse(wfv_frame *f, wf_visitproc visit, void *arg);
/* wfv_frame_clear + give the memory back to the data stack (f must be the
 * top frame of this thread's data stack). */
void wfv_frame_pop(wfv_vmstate *s, wfv_frame *f);
/* Free the data-stack chunks of s (thread exit). */
void wfv_frame_stack_fini(wfv_vmstate *s);
/* The frame object's snapshot when its frame is going away (frame.c). */
void wfv_frameobj_detach(wfv_frame *f);
/* locals() of f: the mapping of a module/class frame, or for optimized
 * code the frame's cached dict refreshed from the fast slots (bound ones,
 * cells dereferenced; unbound names removed).  New reference. */
wf_object *wfv_frame_fast_locals(wfv_frame *f);

/* Run f until it returns, yields or raises.  f is pushed as the current
 * frame.  throwflag: an exception is already set and is raised at
 * f->f_ip (generator throw()).  Otherwise, for a resumed generator
 * frame, `sent` (borrowed, may be NULL for a fresh frame) is pushed first.
 * Returns a new reference (returned or yielded value; f->f_state tells
 * which: COMPLETED vs SUSPENDED) or NULL with an exception (COMPLETED). */
wf_object *wfv_eval_frame(wfv_vmstate *s, wfv_frame *f, wf_object *sent, int throwflag);

/* gen.c: the generator-like object for the frame f that just executed
 * RETURN_GENERATOR (instruction f->f_ip); the frame's contents (stack
 * depth `depth`) are moved into it.  New reference or NULL. */
wf_object *wfv_gen_from_frame(wfv_frame *f, int depth);
/* SEND on a generator or coroutine receiver: 0 yielded, 1 returned, -1
 * error; *result a new reference in the first two cases. */
int wfv_gen_send_internal(wf_object *gen, wf_object *arg, wf_object **result);
/* The wrapped-value type of async generators (ASYNC_GEN_WRAP). */
wf_object *wfv_async_gen_wrap(wf_object *value);
/* Coroutine objects for GET_AWAITABLE: the iterator of an awaitable, or
 * NULL with TypeError ("object X can't be used in 'await' expression"). */
wf_object *wfv_get_awaitable_iter(wf_object *o);
/* A generator/coroutine whose frame is suspended in a `yield from`/await:
 * 1 when gen is already running (ValueError for SEND to re-enter). */
int wfv_gen_is_running(wf_object *gen);
/* 1 when o is a coroutine already being awaited (suspended in an await). */
int wfv_coro_is_awaited(wf_object *o);
extern wf_type wfv_async_gen_wrapped_type;

/* Ready the VM's static types (frame, traceback, generators), once. */
void wfv_vm_types_ready(void);

/* The C-stack limit for this thread (set on first use). */
int wfv_check_c_stack(wfv_vmstate *s);

#endif /* WEFT_VM_EVAL_INTERNAL_H */
