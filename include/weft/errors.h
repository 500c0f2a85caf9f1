/*
 * weft/errors.h — the error model.
 *
 * As in CPython: a function that fails returns NULL (object results) or -1
 * (int results) and leaves the exception in the calling thread's VM state
 * (runtime/vm/vmstate.h).  The "current exception" is always one
 * normalized exception object (an instance of BaseException); there is no
 * (type, value, traceback) triple.  Setting an exception while another is
 * being handled (the VM's handled-exception stack, see wfv_vmstate) chains
 * the handled one as the new exception's __context__, breaking cycles.
 *
 * Each thread has its own current exception, so these functions need no
 * locking; they must be called by a registered thread.
 */
#ifndef WEFT_ERRORS_H
#define WEFT_ERRORS_H

#include <stdarg.h>

#include "weft/type.h"

/* Raise an exception of type with args (value,) — or value itself when it
 * is already an instance of type.  value NULL = no arguments.  Borrowed. */
void wf_err_set_object(wf_type *type, wf_object *value);
void wf_err_set_none(wf_type *type);
void wf_err_set_string(wf_type *type, const char *utf8);
/* printf-like message: %s (UTF-8), %.Ns, %d %i %u %ld %lu %lld %llu %zd
 * %zu %x %c (code point) %p, %% and, taking a wf_object *: %R repr(),
 * %S str(), %U (a str object), %A ascii(), %T type name of the object.
 * Always returns NULL. */
wf_object *wf_err_format(wf_type *type, const char *fmt, ...);
wf_object *wf_err_formatv(wf_type *type, const char *fmt, va_list ap);
/* Make exc (borrowed) the current exception. */
void wf_err_set_raised_borrowed(wf_object *exc);
/* Steals exc (may be NULL = clear). No chaining: used to re-raise. */
void wf_err_restore(wf_object *exc);
/* The current exception, stolen (NULL if none); the error is cleared. */
wf_object *wf_err_fetch(void);
/* The current exception, borrowed, or NULL. */
wf_object *wf_err_peek(void);
/* The type of the current exception (borrowed) or NULL. */
wf_type *wf_err_occurred(void);
/* Does the current exception match exc_type (a type or a tuple of them)? */
int wf_err_matches(wf_object *exc_type);
/* Does exc (an instance or a type) match exc_type (type or tuple)? */
int wf_err_given_matches(wf_object *exc, wf_object *exc_type);
void wf_err_clear(void);
/* MemoryError; returns NULL. */
wf_object *wf_err_no_memory(void);
/* TypeError "bad argument to internal function"; returns NULL. */
wf_object *wf_err_bad_internal_call(const char *where);

/* Set exc.__context__ = context (both borrowed; context may be NULL),
 * first cutting any cycle: if exc already appears on context's chain it is
 * removed from it, as CPython does when an exception is raised inside the
 * handler of itself. */
void wf_exc_set_context_chained(wf_object *exc, wf_object *context);
/* Raise exc (borrowed) with implicit chaining to the handled exception. */
void wf_err_raise(wf_object *exc);

/* Recursion guard for C code that recurses through Python-visible
 * protocols (repr of nested containers, rich compare, ...).  0, or -1 with
 * RecursionError "maximum recursion depth exceeded<where>". */
int wf_enter_recursive_call(const char *where);
void wf_leave_recursive_call(void);

/* repr() recursion guard for containers: 1 if op is already being
 * repr'ed by this thread (print "[...]"), 0 if entered, -1 on error. */
int wf_repr_enter(wf_object *op);
void wf_repr_leave(wf_object *op);

#endif /* WEFT_ERRORS_H */
