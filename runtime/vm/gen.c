/*
 * runtime/vm/gen.c — generators, coroutines, async generators and their
 * helper objects (coroutine_wrapper, async_generator_asend,
 * async_generator_athrow, the wrapped value of an async-generator yield).
 *
 * A generator-like object embeds its frame (GEN_FRAME) after a fixed head:
 * RETURN_GENERATOR copies the function's fresh frame into it
 * (wfv_gen_from_frame).  Resuming pushes the sent value and continues after
 * f_ip (see wfv_eval_frame); throw() raises at that instruction.
 *
 * States (gi_state, atomic): CREATED -> RUNNING <-> SUSPENDED -> COMPLETED.
 * Entering takes the state by CAS from CREATED/SUSPENDED to RUNNING, so a
 * second thread (or a re-entrant call) sees RUNNING and gets "ValueError:
 * generator already executing"; only the thread that won the CAS touches
 * the frame until it stores SUSPENDED/COMPLETED (release).  Everything else
 * in the head (gi_exc, the async-generator flags) is written only by the
 * thread holding RUNNING or by the owner of the last reference (dealloc).
 *
 * Collection: generators, coroutines and async generators take part in
 * the cycle collector.  One that is not running owns its frame's
 * references (gen_traverse); garbage that is suspended is closed first
 * (tp_finalize, as CPython's), and what is still not finished then drops
 * its frame (tp_clear).
 *
 * Exception state: gi_exc is the exception being handled inside the
 * suspended generator (it yielded inside an except block).  On resume it
 * becomes the thread's exc_handled; on suspension the thread's previous
 * value comes back (see gen_enter/gen_leave).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/memory/gc.h"
#include "runtime/objects/objimpl.h"
#include "runtime/vm/eval_internal.h"
#include "runtime/vm/pythonrun.h"
#include "weft/weakref.h" /* weakref */

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_COMPLETED };
enum { KIND_GEN, KIND_CORO, KIND_ASYNCGEN };

typedef struct wfv_gen {
    wf_object ob_base;
    _Atomic int gi_state;
    int kind;
    wf_object *gi_name;     /* str */
    wf_object *gi_qualname; /* str */
    wf_object *gi_exc;      /* handled exception saved while suspended, or NULL */
    wf_object *gi_code;     /* the code (outlives the frame) */
    /* async generators only (under RUNNING or by the awaiting coroutine): */
    int ag_running_async;
    int ag_closed;
    wf_object *_Atomic gi_weakreflist; /* weakref: list head (weft/weakref.h) */
} wfv_gen;

#define GEN_HEAD_SIZE ((sizeof(wfv_gen) + 15) & ~(size_t)15)
#define GEN_FRAME(g) ((wfv_frame *)((char *)(g) + GEN_HEAD_SIZE))

static wf_type *const kind_types[3] = {&wfv_generator_type, &wfv_coroutine_type,
                                       &wfv_async_generator_type};

static int is_genlike(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    return t == &wfv_generator_type || t == &wfv_coroutine_type || t == &wfv_async_generator_type;
}

static const char *kind_word(wfv_gen *g) {
    return g->kind == KIND_CORO ? "coroutine" : g->kind == KIND_ASYNCGEN ? "async generator" : "generator";
}

wf_object *wfv_gen_from_frame(wfv_frame *f, int depth) {
    wfv_vm_types_ready();
    wfv_code *co = f->f_code;
    int kind = (co->co_flags & WFC_CO_COROUTINE)         ? KIND_CORO
               : (co->co_flags & WFC_CO_ASYNC_GENERATOR) ? KIND_ASYNCGEN
                                                         : KIND_GEN;
    size_t size = GEN_HEAD_SIZE + wfv_frame_nslots(co) * sizeof(wf_object *);
    wfv_gen *g = (wfv_gen *)wfo_alloc(kind_types[kind], size);
    if (!g) return NULL;
    /* Not visible to the collector until it is filled in (gen_traverse). */
    atomic_store_explicit(&g->gi_state, GEN_RUNNING, memory_order_relaxed);
    g->kind = kind;
    g->gi_code = wf_newref((wf_object *)co);
    wfv_frame *gf = GEN_FRAME(g);
    wfv_frame_init(gf, co, f->f_func, f->f_globals, f->f_builtins, f->f_locals,
                   WFV_FRAME_OWNED_BY_GENERATOR, false);
    /* The free-variable slots are borrowed from f_func's closure (vm.h),
     * which gf holds too (it takes its own reference to f_func). */
    int free0 = co->co_nlocalsplus - co->co_nfreevars;
    for (int i = 0; i < co->co_nlocalsplus + depth; i++)
        gf->localsplus[i] = i >= free0 && i < co->co_nlocalsplus ? f->localsplus[i]
                                                                : wf_xnewref(f->localsplus[i]);
    gf->f_stacktop = depth;
    wfv_frame_set_lasti(gf, wfv_frame_lasti(f));
    gf->f_state = WFV_FRAME_CREATED;
    wf_object *name = NULL, *qualname = NULL;
    if (f->f_func && WFV_FUNCTION_CHECK(f->f_func)) {
        wfv_function *fn = (wfv_function *)f->f_func;
        name = wf_xget_ref(&fn->func_name);
        qualname = wf_xget_ref(&fn->func_qualname);
    }
    g->gi_name = name ? name : wf_newref(co->co_name);
    g->gi_qualname = qualname ? qualname : wf_newref(co->co_qualname);
    atomic_store_explicit(&g->gi_state, GEN_CREATED, memory_order_release);
    return (wf_object *)g;
}

/* The object a suspended generator delegates to (yield from / await), or
 * NULL; borrowed (the frame's stack owns it). */
static wf_object *gen_yf_frame(wfv_gen *g) {
    wfv_frame *f = GEN_FRAME(g);
    wfv_code *co = f->f_code;
    int next = wfv_frame_lasti(f) + 1;
    if (!co || next >= co->co_ninstrs) return NULL;
    uint32_t w = co->co_code[next];
    if (WFC_OP(w) != WFC_RESUME || WFC_ARG(w) < 2) return NULL;
    if (f->f_stacktop < 1) return NULL;
    return f->localsplus[co->co_nlocalsplus + f->f_stacktop - 1];
}

static wf_object *gen_yf(wfv_gen *g) {
    if (atomic_load_explicit(&g->gi_state, memory_order_acquire) != GEN_SUSPENDED) return NULL;
    return gen_yf_frame(g);
}

/* Take RUNNING from SUSPENDED for a delegation (throw/close forwarded to
 * the sub-iterator): the new reference to the sub-iterator, or NULL with
 * the state unchanged when the generator is not suspended in one. */
static wf_object *gen_take_yf(wfv_gen *g) {
    int expect = GEN_SUSPENDED;
    if (!atomic_compare_exchange_strong(&g->gi_state, &expect, GEN_RUNNING)) return NULL;
    wf_object *yf = gen_yf_frame(g);
    if (!yf) {
        atomic_store_explicit(&g->gi_state, GEN_SUSPENDED, memory_order_release);
        return NULL;
    }
    return wf_newref(yf);
}

int wfv_coro_is_awaited(wf_object *o) {
    return WF_TYPE(o) == &wfv_coroutine_type && gen_yf((wfv_gen *)o) != NULL;
}

int wfv_gen_is_running(wf_object *o) {
    return is_genlike(o) &&
           atomic_load_explicit(&((wfv_gen *)o)->gi_state, memory_order_acquire) == GEN_RUNNING;
}

static void gen_finish(wfv_gen *g) {
    wfv_frame_clear(GEN_FRAME(g));
    atomic_store_explicit(&g->gi_state, GEN_COMPLETED, memory_order_release);
}

enum { SEND_YIELD = 0, SEND_RETURN = 1, SEND_ERROR = -1 };

/* Resume g: with value arg (borrowed, NULL = None), or with the current
 * exception raised inside it when exc. */
static int gen_send_ex2(wfv_gen *g, wf_object *arg, int exc, int closing, wf_object **presult) {
    wfv_vmstate *s = wfv_state();
    *presult = NULL;
    int st = atomic_load_explicit(&g->gi_state, memory_order_acquire);
    if (st == GEN_CREATED && arg && arg != wf_None && !exc) {
        wf_err_format(&wf_exc_TypeError, "can't send non-None value to a just-started %s", kind_word(g));
        return SEND_ERROR;
    }
    if (st == GEN_RUNNING) {
        wf_err_format(&wf_exc_ValueError, "%s already executing",
                      g->kind == KIND_CORO ? "coroutine" : "generator");
        return SEND_ERROR;
    }
    if (st == GEN_COMPLETED) {
        if (g->kind == KIND_CORO && !closing) {
            if (exc) wf_err_clear();
            wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return SEND_ERROR;
        }
        if (exc) return SEND_ERROR; /* the thrown exception propagates */
        if (g->kind == KIND_ASYNCGEN && !closing) {
            wf_err_set_none(&wf_exc_StopAsyncIteration);
            return SEND_ERROR;
        }
        *presult = wf_newref(wf_None);
        return SEND_RETURN;
    }
    if (!atomic_compare_exchange_strong(&g->gi_state, &st, GEN_RUNNING)) {
        wf_err_format(&wf_exc_ValueError, "%s already executing",
                      g->kind == KIND_CORO ? "coroutine" : "generator");
        return SEND_ERROR;
    }
    /* exception state: see the file comment */
    wf_object *prev = s->exc_handled;
    int own_prev = 0;
    if (g->gi_exc) {
        s->exc_handled = g->gi_exc;
        g->gi_exc = NULL;
        own_prev = 1;
    }
    wfv_frame *f = GEN_FRAME(g);
    wf_object *r = wfv_eval_frame(s, f, arg ? arg : wf_None, exc);
    wf_object *cur = s->exc_handled;
    if (own_prev) {
        s->exc_handled = prev;
        if (cur != prev) g->gi_exc = cur;
        else wf_xdecref(cur);
    } else if (cur != prev) {
        /* prev's reference went to the frame's stack (PUSH_EXC_INFO) */
        g->gi_exc = cur;
        s->exc_handled = wf_xnewref(prev);
    }
    if (f->f_state == WFV_FRAME_SUSPENDED) {
        atomic_store_explicit(&g->gi_state, GEN_SUSPENDED, memory_order_release);
        *presult = r;
        return SEND_YIELD;
    }
    /* finished: return or error */
    if (g->gi_exc) {
        wf_object *e = g->gi_exc;
        g->gi_exc = NULL;
        wf_decref(e);
    }
    gen_finish(g);
    if (r) {
        if (g->kind == KIND_ASYNCGEN && !closing) {
            /* `return` in an async generator ends the iteration */
            wf_decref(r);
            wf_err_set_none(&wf_exc_StopAsyncIteration);
            return SEND_ERROR;
        }
        *presult = r;
        return SEND_RETURN;
    }
    /* PEP 479: StopIteration (and StopAsyncIteration in async generators)
     * escaping the body becomes RuntimeError. */
    wf_object *e = wf_err_peek();
    const char *msg = NULL;
    if (e && wf_type_is_subtype(WF_TYPE(e), &wf_exc_StopIteration))
        msg = g->kind == KIND_CORO       ? "coroutine raised StopIteration"
              : g->kind == KIND_ASYNCGEN ? "async generator raised StopIteration"
                                         : "generator raised StopIteration";
    else if (e && g->kind == KIND_ASYNCGEN && wf_type_is_subtype(WF_TYPE(e), &wf_exc_StopAsyncIteration))
        msg = "async generator raised StopAsyncIteration";
    if (msg) {
        wf_object *orig = wf_err_fetch();
        wf_err_format(&wf_exc_RuntimeError, "%s", msg);
        wf_object *ne = wf_err_fetch();
        if (ne) {
            wf_exc_set_context_chained(ne, orig);
            wf_exc_set_cause(ne, orig);
            wf_err_restore(ne);
        }
        wf_decref(orig);
    }
    return SEND_ERROR;
}

static void set_stop_iteration(wf_object *value) {
    if (value == wf_None) {
        wf_err_set_none(&wf_exc_StopIteration);
        return;
    }
    wf_object *args = wf_tuple_pack(1, value);
    if (!args) return;
    wf_object *e = wf_exc_new(&wf_exc_StopIteration, args);
    wf_decref(args);
    if (!e) return;
    wf_err_raise(e);
    wf_decref(e);
}

/* send(): yielded value, or NULL with StopIteration(value) / the error. */
static wf_object *gen_send_common(wfv_gen *g, wf_object *arg, int exc) {
    wf_object *r;
    int st = gen_send_ex2(g, arg, exc, 0, &r);
    if (st == SEND_YIELD) return r;
    if (st == SEND_RETURN) {
        if (g->kind == KIND_ASYNCGEN) wf_err_set_none(&wf_exc_StopAsyncIteration);
        else set_stop_iteration(r);
        wf_decref(r);
    }
    return NULL;
}

int wfv_gen_send_internal(wf_object *gen, wf_object *arg, wf_object **result) {
    return gen_send_ex2((wfv_gen *)gen, arg, 0, 0, result);
}

static wf_object *gen_send(wf_object *self, wf_object *arg) {
    return gen_send_common((wfv_gen *)self, arg, 0);
}

static wf_object *gen_iternext(wf_object *self) {
    wfv_gen *g = (wfv_gen *)self;
    wf_object *r;
    int st = gen_send_ex2(g, wf_None, 0, 0, &r);
    if (st == SEND_YIELD) return r;
    if (st == SEND_RETURN) {
        if (r != wf_None) set_stop_iteration(r);
        wf_decref(r);
    }
    return NULL;
}

static wf_object *gen_close_impl(wfv_gen *g);
static wf_object *gen_throw_exc(wfv_gen *g, wf_object *exc, int close_on_genexit);

/* Close a sub-iterator: 0 or -1. */
static int close_iter(wf_object *yf) {
    wf_object *r = NULL;
    if (is_genlike(yf)) {
        r = gen_close_impl((wfv_gen *)yf);
    } else {
        wf_object *m = NULL;
        int found = wf_object_lookup_attr(yf, wf_str_intern_cstr("close"), &m);
        if (found < 0) return -1;
        if (!found) return 0;
        r = wf_object_call_noargs(m);
        wf_decref(m);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static wf_object *gen_close_impl(wfv_gen *g) {
    int st = atomic_load_explicit(&g->gi_state, memory_order_acquire);
    if (st == GEN_CREATED) {
        int expect = GEN_CREATED;
        if (atomic_compare_exchange_strong(&g->gi_state, &expect, GEN_RUNNING)) gen_finish(g);
        WF_RETURN_NONE;
    }
    if (st == GEN_COMPLETED) WF_RETURN_NONE;
    wf_object *yf = gen_take_yf(g);
    int err = 0;
    if (yf) {
        err = close_iter(yf);
        atomic_store_explicit(&g->gi_state, GEN_SUSPENDED, memory_order_release);
        wf_decref(yf);
    }
    if (err == 0) wf_err_set_none(&wf_exc_GeneratorExit);
    wf_object *r;
    int rs = gen_send_ex2(g, NULL, 1, 1, &r);
    if (rs == SEND_YIELD) {
        wf_decref(r);
        return wf_err_format(&wf_exc_RuntimeError, "%s ignored GeneratorExit", kind_word(g));
    }
    if (rs == SEND_RETURN) {
        wf_decref(r);
        WF_RETURN_NONE;
    }
    if (wf_err_matches((wf_object *)&wf_exc_StopIteration) ||
        wf_err_matches((wf_object *)&wf_exc_GeneratorExit)) {
        wf_err_clear();
        WF_RETURN_NONE;
    }
    return NULL;
}

static wf_object *gen_close(wf_object *self, wf_object *unused) {
    (void)unused;
    return gen_close_impl((wfv_gen *)self);
}

/* Build the exception for throw(typ[, val[, tb]]): a new reference. */
static wf_object *make_throw_exc(wf_object *typ, wf_object *val, wf_object *tb) {
    if (tb == wf_None) tb = NULL;
    if (tb && WF_TYPE(tb) != &wfv_traceback_type)
        return wf_err_format(&wf_exc_TypeError, "throw() third argument must be a traceback object");
    wf_object *exc;
    if (WF_EXC_TYPE_CHECK(typ)) {
        if (val && val != wf_None && wf_object_is_instance(val, typ) == 1) {
            exc = wf_newref(val);
        } else if (!val || val == wf_None) {
            exc = wf_object_call_noargs(typ);
        } else if (WF_TUPLE_CHECK(val)) {
            exc = wf_object_call(typ, val, NULL);
        } else {
            exc = wf_object_call_one(typ, val);
        }
        if (!exc) return NULL;
        if (!WF_EXC_CHECK(exc)) {
            wf_err_format(&wf_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %s",
                          typ, wf_type_name(WF_TYPE(exc)));
            wf_decref(exc);
            return NULL;
        }
    } else if (WF_EXC_CHECK(typ)) {
        if (val && val != wf_None)
            return wf_err_format(&wf_exc_TypeError, "instance exception may not have a separate value");
        exc = wf_newref(typ);
    } else {
        return wf_err_format(&wf_exc_TypeError,
                             "exceptions must be classes or instances deriving from BaseException, not %s",
                             wf_type_name(WF_TYPE(typ)));
    }
    if (tb && wf_object_setattr_string(exc, "__traceback__", tb) < 0) {
        wf_decref(exc);
        return NULL;
    }
    return exc;
}

static wf_object *gen_throw_exc(wfv_gen *g, wf_object *exc, int close_on_genexit) {
    wf_object *yf = gen_take_yf(g);
    if (yf) {
        wf_object *ret = NULL;
        if (close_on_genexit && wf_type_is_subtype(WF_TYPE(exc), &wf_exc_GeneratorExit)) {
            int err = close_iter(yf);
            atomic_store_explicit(&g->gi_state, GEN_SUSPENDED, memory_order_release);
            wf_decref(yf);
            if (err < 0) return gen_send_common(g, NULL, 1);
            goto throw_here;
        }
        if (is_genlike(yf)) {
            ret = gen_throw_exc((wfv_gen *)yf, exc, close_on_genexit);
        } else {
            wf_object *m = NULL;
            int found = wf_object_lookup_attr(yf, wf_str_intern_cstr("throw"), &m);
            if (found <= 0) {
                atomic_store_explicit(&g->gi_state, GEN_SUSPENDED, memory_order_release);
                wf_decref(yf);
                if (found < 0) return gen_send_common(g, NULL, 1);
                goto throw_here;
            }
            ret = wf_object_call_one(m, exc);
            wf_decref(m);
        }
        atomic_store_explicit(&g->gi_state, GEN_SUSPENDED, memory_order_release);
        wf_decref(yf);
        if (!ret) {
            /* The sub-iterator finished: pop it and continue after the SEND
             * loop (its jump target) with its return value, or raise. */
            wfv_frame *f = GEN_FRAME(g);
            wfv_code *co = f->f_code;
            wf_object *popped = f->localsplus[co->co_nlocalsplus + --f->f_stacktop];
            f->localsplus[co->co_nlocalsplus + f->f_stacktop] = NULL;
            wf_decref(popped);
            /* lasti is the YIELD_VALUE after SEND; find that SEND */
            int i = wfv_frame_lasti(f) - 1;
            if (i >= 0 && WFC_OP(co->co_code[i]) == WFC_SEND) wfv_frame_set_lasti(f, WFC_ARG(co->co_code[i]) - 1);
            if (wf_err_matches((wf_object *)&wf_exc_StopIteration)) {
                wf_object *e = wf_err_fetch();
                wf_object *val = wf_object_getattr_string(e, "value");
                wf_decref(e);
                if (!val) return gen_send_common(g, NULL, 1);
                wf_object *r = gen_send_common(g, val, 0);
                wf_decref(val);
                return r;
            }
            return gen_send_common(g, NULL, 1);
        }
        return ret;
    }
throw_here:
    wf_incref(exc);
    wf_err_restore(exc);
    return gen_send_common(g, NULL, 1);
}

static wf_object *gen_throw_args(wfv_gen *g, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("throw", nargs, 1, 3) < 0) return NULL;
    wf_object *exc = make_throw_exc(args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
    if (!exc) return NULL;
    wf_object *r = gen_throw_exc(g, exc, 1);
    wf_decref(exc);
    return r;
}

static wf_object *gen_throw(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return gen_throw_args((wfv_gen *)self, args, nargs);
}

/* --- dealloc / repr / attributes ------------------------------------------------ */

/* Run the pending finally blocks of a suspended generator: close(), with
 * a failure reported to sys.unraisablehook (the generator as the object).
 * The collector's tp_finalize, and gen_dealloc when the collector did not
 * finalize it. */
static void gen_finalize(wf_object *o) {
    wfv_gen *g = (wfv_gen *)o;
    if (atomic_load_explicit(&g->gi_state, memory_order_acquire) != GEN_SUSPENDED) return;
    /* (Async generators too: without sys.set_asyncgen_hooks CPython
     * closes them synchronously the same way.) */
    wf_object *saved = wf_err_fetch();
    wf_object *r = gen_close_impl(g);
    if (r)
        wf_decref(r);
    else
        wfv_write_unraisable(NULL, o);
    wf_err_restore(saved);
}

static void gen_dealloc(wf_object *o) {
    wfv_gen *g = (wfv_gen *)o;
    wf_weakref_on_dealloc(o); /* weakref: cleared first, as CPython does */
    int st = atomic_load_explicit(&g->gi_state, memory_order_acquire);
    if (st == GEN_SUSPENDED && !wf_gc_is_finalized(o)) {
        /* close() with a temporary reference (the same resurrection guard
         * as __del__). */
        wf_incref(o);
        gen_finalize(o);
        if (wf_refcnt(o) > 1) {
            wf_decref(o);
            return;
        }
#if WF_FREE_THREADED
        atomic_store_explicit(&o->ob_ref_local, 0, memory_order_relaxed);
#else
        o->ob_refcnt = 0;
#endif
    }
    wf_gc_forget(o); /* gc: the object really dies */
    if (atomic_load_explicit(&g->gi_state, memory_order_acquire) != GEN_COMPLETED)
        wfv_frame_clear(GEN_FRAME(g));
    wf_xdecref(g->gi_exc);
    wf_xdecref(g->gi_code);
    wf_xdecref(g->gi_name);
    wf_xdecref(g->gi_qualname);
    wfo_free_instance(o);
}

/* gc (world stopped): a generator that is not running owns its frame's
 * references and its saved exception.  A running one (RUNNING, also while
 * wfv_gen_from_frame fills it in) is reachable from the thread running it;
 * its frame is not visited, which only makes what it refers to look
 * referenced from outside. */
static int gen_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wfv_gen *g = (wfv_gen *)o;
    int st = atomic_load_explicit(&g->gi_state, memory_order_acquire);
    if (st != GEN_CREATED && st != GEN_SUSPENDED) return 0;
    if (g->gi_exc && visit(g->gi_exc, arg)) return -1;
    return wfv_frame_traverse(GEN_FRAME(g), visit, arg);
}

/* gc: garbage that gen_finalize could not complete (it yielded again or
 * was never started) drops its frame without running more of its code. */
static int gen_gc_clear(wf_object *o) {
    wfv_gen *g = (wfv_gen *)o;
    int st = atomic_load_explicit(&g->gi_state, memory_order_acquire);
    while (st == GEN_CREATED || st == GEN_SUSPENDED) {
        if (atomic_compare_exchange_weak_explicit(&g->gi_state, &st, GEN_COMPLETED,
                                                  memory_order_acq_rel, memory_order_acquire)) {
            wfv_frame_clear(GEN_FRAME(g));
            WF_CLEAR(g->gi_exc);
            break;
        }
    }
    return 0;
}

static wf_object *gen_repr(wf_object *o) {
    wfv_gen *g = (wfv_gen *)o;
    const char *w = g->kind == KIND_CORO ? "coroutine" : g->kind == KIND_ASYNCGEN ? "async_generator" : "generator";
    return wf_str_from_format("<%s object %U at %p>", w, g->gi_qualname, (void *)o);
}

static wf_object *gen_self(wf_object *o) { return wf_newref(o); }

static wf_object *gen_get_name(wf_object *o, void *c) {
    (void)c;
    return wf_newref(((wfv_gen *)o)->gi_name);
}
static int gen_set_name(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (!v || !WF_STR_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    wfv_gen *g = (wfv_gen *)o;
    wf_object *old = g->gi_name;
    g->gi_name = wf_newref(v);
    wf_decref(old);
    return 0;
}
static wf_object *gen_get_qualname(wf_object *o, void *c) {
    (void)c;
    return wf_newref(((wfv_gen *)o)->gi_qualname);
}
static int gen_set_qualname(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (!v || !WF_STR_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    wfv_gen *g = (wfv_gen *)o;
    wf_object *old = g->gi_qualname;
    g->gi_qualname = wf_newref(v);
    wf_decref(old);
    return 0;
}
static wf_object *gen_get_frame(wf_object *o, void *c) {
    (void)c;
    wfv_gen *g = (wfv_gen *)o;
    if (atomic_load_explicit(&g->gi_state, memory_order_acquire) == GEN_COMPLETED) WF_RETURN_NONE;
    return wfv_frame_object(GEN_FRAME(g));
}
static wf_object *gen_get_running(wf_object *o, void *c) {
    (void)c;
    wfv_gen *g = (wfv_gen *)o;
    if (g->kind == KIND_ASYNCGEN) return wf_bool_from(g->ag_running_async);
    return wf_bool_from(atomic_load_explicit(&g->gi_state, memory_order_acquire) == GEN_RUNNING);
}
static wf_object *gen_get_suspended(wf_object *o, void *c) {
    (void)c;
    return wf_bool_from(atomic_load_explicit(&((wfv_gen *)o)->gi_state, memory_order_acquire) ==
                        GEN_SUSPENDED);
}
static wf_object *gen_get_code(wf_object *o, void *c) {
    (void)c;
    return wf_newref(((wfv_gen *)o)->gi_code);
}
static wf_object *gen_get_yieldfrom(wf_object *o, void *c) {
    (void)c;
    wf_object *yf = gen_yf((wfv_gen *)o);
    return wf_newref(yf ? yf : wf_None);
}
static wf_object *gen_get_none(wf_object *o, void *c) {
    (void)o;
    (void)c;
    WF_RETURN_NONE;
}

static wf_getset_def gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_method_def gen_methods[] = {
    {"send", gen_send, WF_METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, WF_METH_FASTCALL, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

wf_type wfv_generator_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "generator",
    .tp_basicsize = sizeof(wfv_gen),
    .tp_weaklistoffset = offsetof(wfv_gen, gi_weakreflist), /* weakref */
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = gen_dealloc,
    .tp_traverse = gen_traverse,   /* gc */
    .tp_clear = gen_gc_clear,      /* gc */
    .tp_finalize = gen_finalize,   /* gc */
    .tp_repr = gen_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = gen_self,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};

/* --- coroutines ----------------------------------------------------------------------- */

typedef struct coro_wrapper {
    wf_object ob_base;
    wf_object *cw_coroutine;
} coro_wrapper;

static wf_object *coro_await(wf_object *self, wf_object *unused) {
    (void)unused;
    wfv_vm_types_ready();
    coro_wrapper *cw = (coro_wrapper *)wfo_alloc(&wfv_coro_wrapper_type, sizeof *cw);
    if (!cw) return NULL;
    cw->cw_coroutine = wf_newref(self);
    return (wf_object *)cw;
}

static wf_getset_def coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", gen_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_method_def coro_methods[] = {
    {"send", gen_send, WF_METH_O, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw, WF_METH_FASTCALL, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", gen_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await, WF_METH_NOARGS, "Return an iterator to be used in await expression."},
    {NULL, NULL, 0, NULL},
};

wf_type wfv_coroutine_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(wfv_gen),
    .tp_weaklistoffset = offsetof(wfv_gen, gi_weakreflist), /* weakref */
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = gen_dealloc,
    .tp_traverse = gen_traverse,   /* gc */
    .tp_clear = gen_gc_clear,      /* gc */
    .tp_finalize = gen_finalize,   /* gc */
    .tp_repr = gen_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
};

static void cw_dealloc(wf_object *o) {
    wf_xdecref(((coro_wrapper *)o)->cw_coroutine);
    wfo_free_instance(o);
}
static wf_object *cw_iternext(wf_object *o) {
    return gen_send_common((wfv_gen *)((coro_wrapper *)o)->cw_coroutine, wf_None, 0);
}
static wf_object *cw_send(wf_object *o, wf_object *arg) {
    return gen_send_common((wfv_gen *)((coro_wrapper *)o)->cw_coroutine, arg, 0);
}
static wf_object *cw_throw(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    return gen_throw_args((wfv_gen *)((coro_wrapper *)o)->cw_coroutine, args, nargs);
}
static wf_object *cw_close(wf_object *o, wf_object *unused) {
    (void)unused;
    return gen_close_impl((wfv_gen *)((coro_wrapper *)o)->cw_coroutine);
}
static wf_method_def cw_methods[] = {
    {"send", cw_send, WF_METH_O, NULL},
    {"throw", cw_throw, WF_METH_FASTCALL, NULL},
    {"close", cw_close, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* gc (world stopped): the coroutine. */
static int cw_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    coro_wrapper *cw = (coro_wrapper *)o;
    return cw->cw_coroutine ? visit(cw->cw_coroutine, arg) : 0;
}

wf_type wfv_coro_wrapper_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(coro_wrapper),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = cw_dealloc,
    .tp_traverse = cw_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = gen_self,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

wf_object *wfv_get_awaitable_iter(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (t == &wfv_coroutine_type) return wf_newref(o);
    if (t == &wfv_generator_type) {
        if (((wfv_code *)((wfv_gen *)o)->gi_code)->co_flags & WFC_CO_ITERABLE_COROUTINE)
            return wf_newref(o);
    }
    wf_object *m = NULL;
    wf_object *aw = wf_str_intern_cstr("__await__");
    wf_object *mro = t->tp_mro;
    for (wf_ssize_t i = 0; mro && i < WF_TUPLE_SIZE(mro) && !m; i++) {
        wf_type *b = (wf_type *)WF_TUPLE_ITEM(mro, i);
        if (b->tp_dict && wf_dict_get_item_ref(b->tp_dict, aw, &m) < 0) wf_err_clear();
    }
    if (!m || m == wf_None) {
        wf_xdecref(m);
        return wf_err_format(&wf_exc_TypeError, "object %.100s can't be used in 'await' expression",
                             wf_type_name(t));
    }
    wf_object *r = wf_object_call_one(m, o);
    wf_decref(m);
    if (!r) return NULL;
    if (WF_TYPE(r) == &wfv_coroutine_type ||
        (WF_TYPE(r) == &wfv_generator_type &&
         (((wfv_code *)((wfv_gen *)r)->gi_code)->co_flags & WFC_CO_ITERABLE_COROUTINE))) {
        wf_decref(r);
        return wf_err_format(&wf_exc_TypeError, "__await__() returned a coroutine");
    }
    if (!WF_TYPE(r)->tp_iternext) {
        wf_err_format(&wf_exc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    return r;
}

/* --- async generators ---------------------------------------------------------------- */

typedef struct wrapped_value {
    wf_object ob_base;
    wf_object *value;
} wrapped_value;

static void wv_dealloc(wf_object *o) {
    wf_xdecref(((wrapped_value *)o)->value);
    wfo_free_instance(o);
}

/* gc (world stopped): the yielded value. */
static int wv_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wrapped_value *w = (wrapped_value *)o;
    return w->value ? visit(w->value, arg) : 0;
}

wf_type wfv_async_gen_wrapped_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(wrapped_value),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = wv_dealloc,
    .tp_traverse = wv_traverse, /* gc */
};

wf_object *wfv_async_gen_wrap(wf_object *value) {
    wrapped_value *w = (wrapped_value *)wfo_alloc(&wfv_async_gen_wrapped_type, sizeof *w);
    if (!w) return NULL;
    w->value = wf_newref(value);
    return (wf_object *)w;
}

/* Turn what the async generator's frame produced into what the awaiting
 * coroutine sees: a wrapped yield ends this step (StopIteration(value)),
 * anything else passes through (an await inside the generator). */
static wf_object *async_gen_unwrap(wfv_gen *g, wf_object *r) {
    if (!r) {
        if (!wf_err_occurred()) wf_err_set_none(&wf_exc_StopAsyncIteration);
        if (wf_err_matches((wf_object *)&wf_exc_StopAsyncIteration) ||
            wf_err_matches((wf_object *)&wf_exc_GeneratorExit))
            g->ag_closed = 1;
        g->ag_running_async = 0;
        return NULL;
    }
    if (WF_TYPE(r) == &wfv_async_gen_wrapped_type) {
        set_stop_iteration(((wrapped_value *)r)->value);
        wf_decref(r);
        g->ag_running_async = 0;
        return NULL;
    }
    return r;
}

enum { AWAITABLE_INIT, AWAITABLE_ITER, AWAITABLE_CLOSED };

typedef struct asend_obj {
    wf_object ob_base;
    wfv_gen *gen;
    wf_object *sendval;
    int state;
} asend_obj;

typedef struct athrow_obj {
    wf_object ob_base;
    wfv_gen *gen;
    wf_object *args; /* tuple (athrow) or NULL (aclose) */
    int state;
} athrow_obj;

extern wf_type wfv_async_gen_asend_type, wfv_async_gen_athrow_type;

static wf_object *asend_new(wfv_gen *g, wf_object *val) {
    asend_obj *a = (asend_obj *)wfo_alloc(&wfv_async_gen_asend_type, sizeof *a);
    if (!a) return NULL;
    a->gen = (wfv_gen *)wf_newref((wf_object *)g);
    a->sendval = wf_newref(val ? val : wf_None);
    a->state = AWAITABLE_INIT;
    return (wf_object *)a;
}

static void asend_dealloc(wf_object *o) {
    asend_obj *a = (asend_obj *)o;
    wf_xdecref((wf_object *)a->gen);
    wf_xdecref(a->sendval);
    wfo_free_instance(o);
}

static wf_object *asend_send(wf_object *o, wf_object *arg) {
    asend_obj *a = (asend_obj *)o;
    if (a->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (a->state == AWAITABLE_INIT) {
        if (a->gen->ag_running_async)
            return wf_err_format(&wf_exc_RuntimeError, "anext(): asynchronous generator is already running");
        if (!arg || arg == wf_None) arg = a->sendval;
        a->state = AWAITABLE_ITER;
    }
    a->gen->ag_running_async = 1;
    wf_object *r = gen_send_common(a->gen, arg, 0);
    r = async_gen_unwrap(a->gen, r);
    if (!r) a->state = AWAITABLE_CLOSED;
    return r;
}

static wf_object *asend_iternext(wf_object *o) { return asend_send(o, wf_None); }

static wf_object *asend_throw(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    asend_obj *a = (asend_obj *)o;
    if (a->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    wf_object *r = gen_throw_args(a->gen, args, nargs);
    r = async_gen_unwrap(a->gen, r);
    if (!r) a->state = AWAITABLE_CLOSED;
    return r;
}

static wf_object *asend_close(wf_object *o, wf_object *unused) {
    (void)unused;
    ((asend_obj *)o)->state = AWAITABLE_CLOSED;
    WF_RETURN_NONE;
}

static wf_method_def asend_methods[] = {
    {"send", asend_send, WF_METH_O, NULL},
    {"throw", asend_throw, WF_METH_FASTCALL, NULL},
    {"close", asend_close, WF_METH_NOARGS, NULL},
    {"__await__", (void *)gen_self, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* gc (world stopped): the generator and the value to send. */
static int asend_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    asend_obj *a = (asend_obj *)o;
    if (a->gen && visit((wf_object *)a->gen, arg)) return -1;
    return a->sendval ? visit(a->sendval, arg) : 0;
}

wf_type wfv_async_gen_asend_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(asend_obj),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = asend_dealloc,
    .tp_traverse = asend_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = gen_self,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

static wf_object *athrow_new(wfv_gen *g, wf_object *args) {
    athrow_obj *a = (athrow_obj *)wfo_alloc(&wfv_async_gen_athrow_type, sizeof *a);
    if (!a) return NULL;
    a->gen = (wfv_gen *)wf_newref((wf_object *)g);
    a->args = wf_xnewref(args);
    a->state = AWAITABLE_INIT;
    return (wf_object *)a;
}

static void athrow_dealloc(wf_object *o) {
    athrow_obj *a = (athrow_obj *)o;
    wf_xdecref((wf_object *)a->gen);
    wf_xdecref(a->args);
    wfo_free_instance(o);
}

static wf_object *athrow_check_error(athrow_obj *a) {
    a->gen->ag_running_async = 0;
    a->state = AWAITABLE_CLOSED;
    if (!a->args && (wf_err_matches((wf_object *)&wf_exc_StopAsyncIteration) ||
                     wf_err_matches((wf_object *)&wf_exc_GeneratorExit))) {
        wf_err_clear();
        wf_err_set_none(&wf_exc_StopIteration);
    }
    return NULL;
}

static wf_object *athrow_yield_close(athrow_obj *a, wf_object *r) {
    a->gen->ag_running_async = 0;
    wf_decref(r);
    a->state = AWAITABLE_CLOSED;
    return wf_err_format(&wf_exc_RuntimeError, "async generator ignored GeneratorExit");
}

static wf_object *athrow_send(wf_object *o, wf_object *arg) {
    athrow_obj *a = (athrow_obj *)o;
    wfv_gen *g = a->gen;
    if (a->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (atomic_load_explicit(&g->gi_state, memory_order_acquire) == GEN_COMPLETED) {
        a->state = AWAITABLE_CLOSED;
        wf_err_set_none(&wf_exc_StopIteration);
        return NULL;
    }
    wf_object *r;
    if (a->state == AWAITABLE_INIT) {
        if (g->ag_running_async) {
            a->state = AWAITABLE_CLOSED;
            return wf_err_format(&wf_exc_RuntimeError, a->args ? "athrow(): asynchronous generator is already running"
                                                               : "aclose(): asynchronous generator is already running");
        }
        if (g->ag_closed) {
            a->state = AWAITABLE_CLOSED;
            wf_err_set_none(&wf_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg && arg != wf_None)
            return wf_err_format(&wf_exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        a->state = AWAITABLE_ITER;
        g->ag_running_async = 1;
        if (!a->args) {
            g->ag_closed = 1;
            wf_object *ge = wf_object_call_noargs((wf_object *)&wf_exc_GeneratorExit);
            if (!ge) return athrow_check_error(a);
            r = gen_throw_exc(g, ge, 0);
            wf_decref(ge);
            if (r && WF_TYPE(r) == &wfv_async_gen_wrapped_type) return athrow_yield_close(a, r);
        } else {
            r = gen_throw_args(g, ((wf_tuple *)a->args)->ob_item, WF_TUPLE_SIZE(a->args));
            r = async_gen_unwrap(g, r);
        }
        if (!r) return athrow_check_error(a);
        return r;
    }
    r = gen_send_common(g, arg, 0);
    if (!a->args) {
        if (r && WF_TYPE(r) == &wfv_async_gen_wrapped_type) return athrow_yield_close(a, r);
    } else {
        r = async_gen_unwrap(g, r);
    }
    if (!r) return athrow_check_error(a);
    return r;
}

static wf_object *athrow_iternext(wf_object *o) { return athrow_send(o, wf_None); }

static wf_object *athrow_throw(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    athrow_obj *a = (athrow_obj *)o;
    if (a->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    wf_object *r = gen_throw_args(a->gen, args, nargs);
    if (!a->args) {
        if (r && WF_TYPE(r) == &wfv_async_gen_wrapped_type) return athrow_yield_close(a, r);
        if (!r && (wf_err_matches((wf_object *)&wf_exc_StopAsyncIteration) ||
                   wf_err_matches((wf_object *)&wf_exc_GeneratorExit))) {
            wf_err_clear();
            wf_err_set_none(&wf_exc_StopIteration);
        }
        return r;
    }
    return async_gen_unwrap(a->gen, r);
}

static wf_object *athrow_close(wf_object *o, wf_object *unused) {
    (void)unused;
    ((athrow_obj *)o)->state = AWAITABLE_CLOSED;
    WF_RETURN_NONE;
}

static wf_method_def athrow_methods[] = {
    {"send", athrow_send, WF_METH_O, NULL},
    {"throw", athrow_throw, WF_METH_FASTCALL, NULL},
    {"close", athrow_close, WF_METH_NOARGS, NULL},
    {"__await__", (void *)gen_self, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* gc (world stopped): the generator and the throw() arguments. */
static int athrow_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    athrow_obj *a = (athrow_obj *)o;
    if (a->gen && visit((wf_object *)a->gen, arg)) return -1;
    return a->args ? visit(a->args, arg) : 0;
}

wf_type wfv_async_gen_athrow_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(athrow_obj),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = athrow_dealloc,
    .tp_traverse = athrow_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = gen_self,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

static wf_object *ag_aiter(wf_object *o, wf_object *unused) {
    (void)unused;
    return wf_newref(o);
}
static wf_object *ag_anext(wf_object *o, wf_object *unused) {
    (void)unused;
    return asend_new((wfv_gen *)o, NULL);
}
static wf_object *ag_asend(wf_object *o, wf_object *arg) { return asend_new((wfv_gen *)o, arg); }
static wf_object *ag_athrow(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("athrow", nargs, 1, 3) < 0) return NULL;
    wf_object *t = wf_tuple_from_array(args, nargs);
    if (!t) return NULL;
    wf_object *r = athrow_new((wfv_gen *)o, t);
    wf_decref(t);
    return r;
}
static wf_object *ag_aclose(wf_object *o, wf_object *unused) {
    (void)unused;
    return athrow_new((wfv_gen *)o, NULL);
}

static wf_object *ag_get_running(wf_object *o, void *c) {
    (void)c;
    return wf_bool_from(((wfv_gen *)o)->ag_running_async);
}

static wf_getset_def ag_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", ag_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_method_def ag_methods[] = {
    {"__aiter__", ag_aiter, WF_METH_NOARGS, "Return an awaitable, that resolves in asynchronous iterator."},
    {"__anext__", ag_anext, WF_METH_NOARGS, "Return a value or raise StopAsyncIteration."},
    {"asend", ag_asend, WF_METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", ag_athrow, WF_METH_FASTCALL, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", ag_aclose, WF_METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

wf_type wfv_async_generator_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(wfv_gen),
    .tp_weaklistoffset = offsetof(wfv_gen, gi_weakreflist), /* weakref */
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = gen_dealloc,
    .tp_traverse = gen_traverse,   /* gc */
    .tp_clear = gen_gc_clear,      /* gc */
    .tp_finalize = gen_finalize,   /* gc */
    .tp_repr = gen_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_methods = ag_methods,
    .tp_getset = ag_getset,
};

void wfv_gen_types_ready(void) {
    wf_type *types[] = {&wfv_generator_type, &wfv_coroutine_type, &wfv_coro_wrapper_type,
                        &wfv_async_generator_type, &wfv_async_gen_asend_type,
                        &wfv_async_gen_athrow_type, &wfv_async_gen_wrapped_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (wf_type_ready(types[i]) < 0) {
            fprintf(stderr, "weft: cannot ready type %s\n", types[i]->tp_name);
            abort();
        }
    }
}
