/*
 * runtime/vm/errors.c — raising, fetching and matching exceptions (the
 * error model of weft/errors.h).
 *
 * Invariant: wfv_state()->curexc is NULL or one BaseException instance
 * owned by the state (one reference).  All state is per thread (see
 * vmstate.h), so nothing here locks.  Exception attributes (__context__)
 * are written through the exception object's own fields: an exception is
 * shared between threads only after it has been raised and caught, and
 * chaining writes happen on the raising thread.
 */
#include <stdio.h>
#include <stdlib.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/vmstate.h"

wf_object *wf_err_peek(void) { return wfv_state()->curexc; }

wf_type *wf_err_occurred(void) {
    wf_object *e = wfv_state()->curexc;
    return e ? WF_TYPE(e) : NULL;
}

void wf_err_restore(wf_object *exc) {
    wfv_vmstate *s = wfv_state();
    wf_object *old = s->curexc;
    s->curexc = exc;
    if (old) wf_decref(old);
}

wf_object *wf_err_fetch(void) {
    wfv_vmstate *s = wfv_state();
    wf_object *e = s->curexc;
    s->curexc = NULL;
    return e;
}

void wf_err_clear(void) { wf_err_restore(NULL); }

void wf_exc_set_context_chained(wf_object *exc, wf_object *context) {
    if (!WF_EXC_CHECK(exc)) return;
    if (context == exc) return;
    if (context) {
        /* Cut a cycle: walk context's chain; if exc is on it, unlink it
         * (Floyd-style bounded walk protects against pre-existing cycles). */
        wf_object *o = context, *slow = context;
        int step = 0;
        while (o && WF_EXC_CHECK(o)) {
            wf_base_exception *be = (wf_base_exception *)o;
            if (be->context == exc) {
                wf_object *tmp = be->context;
                be->context = NULL;
                wf_decref(tmp);
                break;
            }
            o = be->context;
            if (step++ & 1) slow = ((wf_base_exception *)slow)->context;
            if (o == slow) break;
        }
        wf_incref(context);
    }
    wf_base_exception *be = (wf_base_exception *)exc;
    wf_object *old = be->context;
    be->context = context;
    if (old) wf_decref(old);
}

void wf_err_raise(wf_object *exc) {
    wfv_vmstate *s = wfv_state();
    if (s->exc_handled && s->exc_handled != exc) {
        wf_base_exception *be = (wf_base_exception *)exc;
        if (!be->context) wf_exc_set_context_chained(exc, s->exc_handled);
    }
    wf_incref(exc);
    wf_err_restore(exc);
}

void wf_err_set_raised_borrowed(wf_object *exc) { wf_err_raise(exc); }

static wf_object *create_exception(wf_type *type, wf_object *value) {
    if (value && wf_object_is_instance(value, (wf_object *)type) == 1 && WF_EXC_CHECK(value))
        return wf_newref(value);
    wf_object *r;
    if (!value || value == wf_None)
        r = wf_object_call_noargs((wf_object *)type);
    else if (WF_TUPLE_CHECK(value))
        r = wf_object_call((wf_object *)type, value, NULL);
    else
        r = wf_object_call_one((wf_object *)type, value);
    if (r && !WF_EXC_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %s",
                      (wf_object *)type, WF_TYPE(r)->tp_name);
        wf_decref(r);
        return NULL;
    }
    return r;
}

void wf_err_set_object(wf_type *type, wf_object *value) {
    if (!WF_EXC_TYPE_CHECK((wf_object *)type)) {
        wf_err_format(&wf_exc_SystemError, "exception %R is not a BaseException subclass",
                      (wf_object *)type);
        return;
    }
    /* Creating the exception may itself fail; the exception being handled
     * stays the context of whatever ends up raised. */
    wf_object *pending = wf_err_fetch();
    wf_object *exc = create_exception(type, value);
    if (!exc) {
        if (pending) wf_decref(pending);
        return; /* the creation error is current */
    }
    if (pending) wf_decref(pending);
    wf_err_raise(exc);
    wf_decref(exc);
}

void wf_err_set_none(wf_type *type) { wf_err_set_object(type, NULL); }

void wf_err_set_string(wf_type *type, const char *utf8) {
    wf_object *msg = wf_str_from_cstr(utf8);
    if (!msg) return;
    wf_object *args = wf_tuple_pack(1, msg);
    wf_decref(msg);
    if (!args) return;
    wf_err_set_object(type, args);
    wf_decref(args);
}

wf_object *wf_err_formatv(wf_type *type, const char *fmt, va_list ap) {
    wf_object *msg = wf_str_from_formatv(fmt, ap);
    if (!msg) return NULL;
    wf_object *args = wf_tuple_pack(1, msg);
    wf_decref(msg);
    if (!args) return NULL;
    wf_err_set_object(type, args);
    wf_decref(args);
    return NULL;
}

wf_object *wf_err_format(wf_type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    wf_err_formatv(type, fmt, ap);
    va_end(ap);
    return NULL;
}

/* MemoryError is raised without allocating: one preallocated instance per
 * process (immortal), with empty args, as CPython keeps a freelist. */
static wf_object *memory_error_instance;

wf_object *wf_err_no_memory(void) {
    if (!memory_error_instance) {
        /* Before the types exist: nothing sensible is possible. */
        fprintf(stderr, "weft: out of memory during start-up\n");
        abort();
    }
    wf_incref(memory_error_instance);
    wf_err_restore(memory_error_instance);
    return NULL;
}

void wfo_errors_init(void) {
    memory_error_instance = wf_exc_new(&wf_exc_MemoryError, NULL);
    if (!memory_error_instance) abort();
}
void wfo_errors_fini(void) {
    wf_object *m = memory_error_instance;
    memory_error_instance = NULL;
    if (m) wf_decref(m);
}

wf_object *wf_err_bad_internal_call(const char *where) {
    return wf_err_format(&wf_exc_SystemError, "%s: bad argument to internal function", where);
}

int wf_err_given_matches(wf_object *exc, wf_object *exc_type) {
    if (!exc || !exc_type) return 0;
    if (WF_TUPLE_CHECK(exc_type)) {
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(exc_type); i++)
            if (wf_err_given_matches(exc, WF_TUPLE_ITEM(exc_type, i))) return 1;
        return 0;
    }
    wf_type *et = WF_EXC_TYPE_CHECK(exc) ? (wf_type *)exc : WF_TYPE(exc);
    if (!WF_TYPE_CHECK(exc_type)) return exc == exc_type;
    return wf_type_is_subtype(et, (wf_type *)exc_type);
}

int wf_err_matches(wf_object *exc_type) { return wf_err_given_matches(wfv_state()->curexc, exc_type); }

int wf_enter_recursive_call(const char *where) {
    wfv_vmstate *s = wfv_state();
    if (++s->c_recursion_depth > WFV_C_RECURSION_LIMIT) {
        /* Creating the RecursionError calls code that enters here again:
         * let it through (with 50 levels of headroom) instead of raising
         * recursively, as CPython's recursion_headroom does. */
        if (s->recursion_headroom && s->c_recursion_depth <= WFV_C_RECURSION_LIMIT + 50) return 0;
        s->c_recursion_depth--;
        s->recursion_headroom++;
        wf_err_format(&wf_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        s->recursion_headroom--;
        return -1;
    }
    return 0;
}
void wf_leave_recursive_call(void) { wfv_state()->c_recursion_depth--; }

int wf_repr_enter(wf_object *op) {
    wfv_vmstate *s = wfv_state();
    if (!s->repr_stack) {
        s->repr_stack = wf_list_new(0);
        if (!s->repr_stack) return -1;
    }
    wf_list *l = (wf_list *)s->repr_stack;
    wf_ssize_t n = atomic_load_explicit(&l->ob_size, memory_order_relaxed);
    for (wf_ssize_t i = 0; i < n; i++)
        if (atomic_load_explicit(&l->ob_array->items[i], memory_order_relaxed) == op) return 1;
    if (wf_list_append(s->repr_stack, op) < 0) return -1;
    return 0;
}

void wf_repr_leave(wf_object *op) {
    wfv_vmstate *s = wfv_state();
    if (!s->repr_stack) return;
    wf_object *saved = wf_err_fetch();
    wf_list *l = (wf_list *)s->repr_stack;
    wf_ssize_t n = atomic_load_explicit(&l->ob_size, memory_order_relaxed);
    for (wf_ssize_t i = n - 1; i >= 0; i--) {
        if (atomic_load_explicit(&l->ob_array->items[i], memory_order_relaxed) == op) {
            wf_object *r = wf_list_pop(s->repr_stack, i);
            if (r) wf_decref(r);
            break;
        }
    }
    wf_err_restore(saved);
}
