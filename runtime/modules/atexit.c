/*
 * runtime/modules/atexit.c — the atexit module: callables registered to
 * run when the interpreter exits normally (last registered runs first).
 *
 * The callback list is a plain Python list (its own lock makes register
 * and unregister safe from any thread).  wfv_atexit_run runs on the main
 * thread during shut-down: it takes the list out first, so a callback that
 * registers another one does not run it (as CPython), and errors are
 * reported as "Exception ignored in atexit callback: ..." and skipped.
 */
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"

/* list of (func, args tuple, kwargs dict or None); created on first
 * import (main-thread start-up or an import under the import lock) and
 * swapped out with an atomic exchange at exit. */
static wf_object *_Atomic callbacks;

static wf_object *get_list(void) {
    wf_object *l = atomic_load(&callbacks);
    if (l) return l;
    wf_object *n = wf_list_new(0);
    if (!n) return NULL;
    wf_object *expected = NULL;
    if (!atomic_compare_exchange_strong(&callbacks, &expected, n)) {
        wf_decref(n);
        return expected;
    }
    return n;
}

static wf_object *atexit_register(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                  wf_object *kwnames) {
    (void)self;
    if (nargs < 1)
        return wf_err_format(&wf_exc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!wf_callable_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "the first argument must be callable");
    wf_object *kwargs = NULL;
    wf_object *pos = wf_vectorcall_to_tuple_dict(args + 1, nargs - 1, kwnames, &kwargs);
    if (!pos) return NULL;
    wf_object *entry = wf_tuple_pack(3, args[0], pos, kwargs ? kwargs : wf_None);
    wf_decref(pos);
    wf_xdecref(kwargs);
    wf_object *l = get_list();
    int rc = entry && l ? wf_list_append(l, entry) : -1;
    wf_xdecref(entry);
    if (rc < 0) return NULL;
    return wf_newref(args[0]);
}

static wf_object *atexit_unregister(wf_object *self, wf_object *func) {
    (void)self;
    wf_object *l = get_list();
    if (!l) return NULL;
    for (wf_ssize_t i = wf_list_size(l) - 1; i >= 0; i--) {
        wf_object *e = wf_list_get_item(l, i);
        if (!e) {
            wf_err_clear();
            continue;
        }
        int eq = wf_object_rich_compare_bool(WF_TUPLE_ITEM(e, 0), func, WF_EQ);
        wf_decref(e);
        if (eq < 0) return NULL;
        if (eq) {
            wf_object *x = wf_list_pop(l, i);
            if (!x) wf_err_clear();
            wf_xdecref(x);
        }
    }
    WF_RETURN_NONE;
}

static void run_list(wf_object *l) {
    for (wf_ssize_t i = wf_list_size(l) - 1; i >= 0; i--) {
        wf_object *e = wf_list_get_item(l, i);
        if (!e) {
            wf_err_clear();
            continue;
        }
        wf_object *kw = WF_TUPLE_ITEM(e, 2);
        wf_object *r = wf_object_call(WF_TUPLE_ITEM(e, 0), WF_TUPLE_ITEM(e, 1), kw == wf_None ? NULL : kw);
        if (r) {
            wf_decref(r);
        } else {
            wfv_write_unraisable("in atexit callback", WF_TUPLE_ITEM(e, 0));
        }
        wf_decref(e);
    }
}

void wfv_atexit_run(void) {
    wf_object *l = atomic_exchange(&callbacks, NULL);
    if (!l) return;
    run_list(l);
    wf_decref(l);
}

void wfv_atexit_clear(void) {
    wf_object *l = atomic_exchange(&callbacks, NULL);
    if (l) wf_decref(l);
}

static wf_object *atexit_run_exitfuncs(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wfv_atexit_run();
    WF_RETURN_NONE;
}

static wf_object *atexit_clear(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wf_object *l = get_list();
    if (!l) return NULL;
    if (wf_list_clear(l) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *atexit_ncallbacks(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wf_object *l = get_list();
    return l ? wf_int_from_ssize(wf_list_size(l)) : NULL;
}

static wf_method_def atexit_methods[] = {
    {"register", atexit_register, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, WF_METH_O, "Unregister an exit function which was previously registered."},
    {"_run_exitfuncs", atexit_run_exitfuncs, WF_METH_NOARGS, "Run all registered exit functions."},
    {"_clear", atexit_clear, WF_METH_NOARGS, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, WF_METH_NOARGS, "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(atexit) {
    wf_object *m = wf_module_new("atexit");
    if (!m) return NULL;
    if (wf_module_add_functions(m, atexit_methods) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
