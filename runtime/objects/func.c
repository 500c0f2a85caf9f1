/*
 * runtime/objects/func.c — Python functions (`function`), cells (`cell`)
 * and argument binding (wfv_bind_args), as declared in runtime/vm/vm.h.
 *
 * Owns: wfv_function_type, wfv_function_new, the function attributes
 * (__name__, __qualname__, __module__, __doc__, __defaults__,
 * __kwdefaults__, __code__, __globals__, __builtins__, __closure__,
 * __annotations__, __dict__ and arbitrary attributes), wfv_cell_type and
 * wfv_cell_new/get/set, and wfv_bind_args / wfv_bind_args_code with
 * CPython 3.11's exact TypeError messages.
 *
 * Invariants:
 *   - func_code always holds a code object whose co_nfreevars equals the
 *     length of func_closure (0 when NULL); __code__ assignment checks it.
 *   - func_globals, func_builtins and func_closure never change after
 *     creation.
 *   - Every code object func_code ever held stays alive while the function
 *     does (func_retired_code): frames borrow their code from their
 *     function (vm.h).
 *   - func_annotations is NULL, a dict, or the compiler's flat tuple
 *     (name, value, name, value, ...) which is turned into a dict the first
 *     time __annotations__ is read (installed under the function's critical
 *     section only if the slot still holds what was converted).
 *
 * Thread-safety (the rule at the top of vm.h):
 *   - The assignable fields (_Atomic in wfv_function) are written with an
 *     atomic exchange under the function's critical section, the old value
 *     being released with wf_decref after the swap; every value stored
 *     here first gets wf_enable_try_incref.  Readers (slot_load) try a
 *     lock-free wf_try_xget_ref and fall back to reading under the
 *     critical section with wf_incref_with_lock, because the eval loop
 *     fills a new, still private function's slots with plain exchanges.
 *   - func_dict follows object.c's lazily created instance-dict protocol
 *     (tp_dictoffset): created under the function's critical section,
 *     published with a release store.
 *   - A cell is one atomic pointer, written with an exchange (no lock) and
 *     read lock-free with a try-incref, falling back to the cell's critical
 *     section (wfv_cell_get / wfv_cell_set explain the pairing; the same
 *     protocol as __slots__ in descr.c).  Try-increfs of a value are
 *     enabled lazily, by that fallback, not by every store.
 *
 * The evaluation loop (eval.c), frames (frame.c) and the interpreter state
 * (interp.c) are referenced weakly so that this file links into programs
 * (the object-layer unit tests) that do not include the VM: without eval.c
 * a function object can be created and inspected but not called.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/objects/containers.h" /* wfo_try_xget_ref */

#include <stdio.h>

#include "runtime/vm/vm.h"
#include "weft/weakref.h" /* weakref */

/* co_flags bits (CPython's values, as runtime/compiler/code.h). */
enum { FUNC_CO_VARARGS = 0x4, FUNC_CO_VARKEYWORDS = 0x8 };

/* Weak references to the VM (see the file comment). */
extern __typeof__(wfv_function_vectorcall) wfv_function_vectorcall __attribute__((weak));
extern __typeof__(wfv_current_builtins) wfv_current_builtins __attribute__((weak));
extern __typeof__(wfv_interp_state) wfv_interp_state __attribute__((weak));

/* ---------------------------------------------------------------------------
 * Atomic slots
 */

/* Stores: wfo_field_store (objimpl.h), which swaps under owner's critical
 * section, so slot_load's locked fallback sees a stable slot. */

/* A new reference to the value of a slot of owner, or NULL.  Lock-free
 * when the value allows try-increfs (values stored here do; values the
 * eval loop stores into a still-private function may not), else under
 * owner's critical section, which also enables try-increfs for next time. */
static wf_object *slot_load(wf_object *owner, wf_object *_Atomic *slot) {
    wf_object *v;
#if WF_FREE_THREADED
    /* containers.h's inline front end: the owner / immortal / per-thread
     * cases take no call (the defaults tuple on every call that uses it). */
    if (WF_LIKELY(wfo_try_xget_ref(slot, &v))) return v;
#else
    if (wf_try_xget_ref(slot, &v)) return v;
#endif
    WF_BEGIN_CRITICAL_SECTION(owner);
    v = atomic_load_explicit(slot, memory_order_acquire);
    if (v) wf_incref_with_lock(v);
    WF_END_CRITICAL_SECTION();
    return v;
}

/* Initialise a slot of a still private object (value borrowed, may be NULL). */
static void slot_init(wf_object *_Atomic *slot, wf_object *v) {
    if (v) {
        wf_incref(v);
        wf_enable_try_incref(v);
    }
    atomic_store_explicit(slot, v, memory_order_relaxed);
}

static wf_object *slot_get_or_none(wf_object *owner, wf_object *_Atomic *slot) {
    wf_object *v = slot_load(owner, slot);
    return v ? v : wf_newref(wf_None);
}

/* ---------------------------------------------------------------------------
 * Creation
 */

static wf_object *builtins_for(wf_object *globals) {
    wf_object *b = NULL;
    if (globals && WF_DICT_CHECK(globals)) {
        int r = wf_dict_get_item_ref(globals, WFO_ID(__builtins__), &b);
        if (r < 0) return NULL;
        if (r > 0) {
            if (WF_TYPE(b) == &wf_module_type || wf_type_is_subtype(WF_TYPE(b), &wf_module_type)) {
                wf_object *d = wf_newref(wf_module_get_dict(b));
                wf_decref(b);
                return d;
            }
            if (WF_DICT_CHECK(b)) return b;
            wf_decref(b);
        }
    }
    if (&wfv_current_builtins != NULL) {
        b = wfv_current_builtins();
        if (b) return wf_newref(b);
    }
    if (&wfv_interp_state != NULL && wfv_interp_state.builtins)
        return wf_newref(wfv_interp_state.builtins);
    return wf_dict_new();
}

wf_object *wfv_function_new(wf_object *code, wf_object *globals, wf_object *qualname) {
    if (!code || !WFV_CODE_CHECK(code))
        return wf_err_bad_internal_call("wfv_function_new: not a code object");
    if (!globals || !WF_DICT_CHECK(globals))
        return wf_err_bad_internal_call("wfv_function_new: globals must be a dict");
    wfv_code *co = (wfv_code *)code;
    wf_object *builtins = builtins_for(globals);
    if (!builtins) return NULL;
    wf_object *module = NULL;
    if (wf_dict_get_item_ref(globals, WFO_ID(__name__), &module) < 0) {
        wf_decref(builtins);
        return NULL;
    }
    wfv_function *f = (wfv_function *)wfo_alloc(&wfv_function_type, sizeof(wfv_function));
    if (!f) {
        wf_decref(builtins);
        wf_xdecref(module);
        return NULL;
    }
    f->vectorcall = &wfv_function_vectorcall != NULL ? wfv_function_vectorcall : NULL;
    slot_init(&f->func_code, code);
    f->func_globals = wf_newref(globals);
    f->func_builtins = builtins;
    slot_init(&f->func_name, co->co_name);
    slot_init(&f->func_qualname, qualname && WF_STR_CHECK(qualname) ? qualname : co->co_qualname);
    wf_object *doc = NULL;
    if (WF_TUPLE_SIZE(co->co_consts) > 0 && WF_STR_CHECK(WF_TUPLE_ITEM(co->co_consts, 0)))
        doc = WF_TUPLE_ITEM(co->co_consts, 0);
    slot_init(&f->func_doc, doc);
    slot_init(&f->func_module, module);
    wf_xdecref(module);
    return (wf_object *)f;
}

/* ---------------------------------------------------------------------------
 * The function type
 */

static wf_object *func_call(wf_object *o, wf_object *const *args, size_t nargsf,
                            wf_object *kwnames) {
    wf_vectorcallfunc vc = ((wfv_function *)o)->vectorcall;
    if (!vc) return wf_err_format(&wf_exc_SystemError, "the interpreter is not linked in");
    return vc(o, args, nargsf, kwnames);
}

static wf_object *func_descr_get(wf_object *o, wf_object *obj, wf_object *type) {
    (void)type;
    if (!obj || obj == wf_None) return wf_newref(o);
    return wf_method_new(o, obj);
}

static wf_object *func_repr(wf_object *o) {
    wf_object *q = slot_load(o, &((wfv_function *)o)->func_qualname);
    wf_object *r = wf_str_from_format("<function %U at %p>", q, (void *)o);
    wf_decref(q);
    return r;
}

static int func_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wfv_function *f = (wfv_function *)o;
    wf_object *v[] = {
        atomic_load_explicit(&f->func_code, memory_order_relaxed),
        f->func_globals,
        f->func_builtins,
        atomic_load_explicit(&f->func_name, memory_order_relaxed),
        atomic_load_explicit(&f->func_qualname, memory_order_relaxed),
        atomic_load_explicit(&f->func_defaults, memory_order_relaxed),
        atomic_load_explicit(&f->func_kwdefaults, memory_order_relaxed),
        f->func_closure,
        atomic_load_explicit(&f->func_doc, memory_order_relaxed),
        atomic_load_explicit(&f->func_dict, memory_order_relaxed),
        atomic_load_explicit(&f->func_module, memory_order_relaxed),
        atomic_load_explicit(&f->func_annotations, memory_order_relaxed),
        f->func_retired_code,
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] && visit(v[i], arg)) return -1;
    return 0;
}

static void func_dealloc(wf_object *o) {
    wfv_function *f = (wfv_function *)o;
    wf_weakref_on_dealloc(o); /* weakref: clear refs, run callbacks */
    wf_object *_Atomic *slots[] = {&f->func_code,       &f->func_name,     &f->func_qualname,
                                   &f->func_defaults,   &f->func_kwdefaults, &f->func_doc,
                                   &f->func_dict,       &f->func_module,   &f->func_annotations};
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
        wf_object *v = atomic_exchange_explicit(slots[i], NULL, memory_order_relaxed);
        wf_xdecref(v);
    }
    WF_CLEAR(f->func_globals);
    WF_CLEAR(f->func_builtins);
    WF_CLEAR(f->func_closure);
    WF_CLEAR(f->func_retired_code);
    wfo_free_instance(o);
}

/* --- attributes ----------------------------------------------------------- */

#define FN(o) ((wfv_function *)(o))

static wf_object *func_get_code(wf_object *o, void *c) {
    (void)c;
    return slot_load(o, &FN(o)->func_code);
}
static int func_set_code(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (!v || !WFV_CODE_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    wf_ssize_t nfree = ((wfv_code *)v)->co_nfreevars;
    wf_ssize_t nclosure = FN(o)->func_closure ? WF_TUPLE_SIZE(FN(o)->func_closure) : 0;
    if (nfree != nclosure) {
        wf_object *q = slot_load(o, &FN(o)->func_name);
        wf_err_format(&wf_exc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                      q, nclosure, nfree);
        wf_decref(q);
        return -1;
    }
    /* Frames borrow their code from their function (vm.h), so a replaced
     * code object stays alive as long as the function does. */
    wf_object *retired = wf_list_new(0);
    if (!retired) return -1;
    wf_incref(v);
    wf_enable_try_incref(v);
    int rc = 0;
    wf_object *old;
    WF_BEGIN_CRITICAL_SECTION(o);
    old = atomic_exchange_explicit(&FN(o)->func_code, v, memory_order_acq_rel);
    if (!FN(o)->func_retired_code) FN(o)->func_retired_code = wf_newref(retired);
    if (old) rc = wf_list_append(FN(o)->func_retired_code, old);
    WF_END_CRITICAL_SECTION();
    wf_decref(retired);
    wf_xdecref(old);
    return rc;
}

static wf_object *func_get_name(wf_object *o, void *c) {
    (void)c;
    return slot_load(o, &FN(o)->func_name);
}
static int func_set_name(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (!v || !WF_STR_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    wfo_field_store(o, &FN(o)->func_name, v);
    return 0;
}

static wf_object *func_get_qualname(wf_object *o, void *c) {
    (void)c;
    return slot_load(o, &FN(o)->func_qualname);
}
static int func_set_qualname(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (!v || !WF_STR_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    wfo_field_store(o, &FN(o)->func_qualname, v);
    return 0;
}

static wf_object *func_get_defaults(wf_object *o, void *c) {
    (void)c;
    return slot_get_or_none(o, &FN(o)->func_defaults);
}
static int func_set_defaults(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (v == wf_None) v = NULL;
    if (v && !WF_TUPLE_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    wfo_field_store(o, &FN(o)->func_defaults, v);
    return 0;
}

static wf_object *func_get_kwdefaults(wf_object *o, void *c) {
    (void)c;
    return slot_get_or_none(o, &FN(o)->func_kwdefaults);
}
static int func_set_kwdefaults(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (v == wf_None) v = NULL;
    if (v && !WF_DICT_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    wfo_field_store(o, &FN(o)->func_kwdefaults, v);
    return 0;
}

static wf_object *func_get_doc(wf_object *o, void *c) {
    (void)c;
    return slot_get_or_none(o, &FN(o)->func_doc);
}
static int func_set_doc(wf_object *o, wf_object *v, void *c) {
    (void)c;
    wfo_field_store(o, &FN(o)->func_doc, v == wf_None ? NULL : v);
    return 0;
}

static wf_object *func_get_module(wf_object *o, void *c) {
    (void)c;
    return slot_get_or_none(o, &FN(o)->func_module);
}
static int func_set_module(wf_object *o, wf_object *v, void *c) {
    (void)c;
    wfo_field_store(o, &FN(o)->func_module, v);
    return 0;
}

static wf_object *func_get_annotations(wf_object *o, void *c) {
    (void)c;
    wf_object *_Atomic *slot = &FN(o)->func_annotations;
    wf_object *a = slot_load(o, slot);
    if (a && WF_DICT_CHECK(a)) return a;
    wf_object *d = wf_dict_new();
    if (!d) {
        wf_xdecref(a);
        return NULL;
    }
    if (a && WF_TUPLE_CHECK(a)) {
        for (wf_ssize_t i = 0; i + 1 < WF_TUPLE_SIZE(a); i += 2)
            if (wf_dict_set_item(d, WF_TUPLE_ITEM(a, i), WF_TUPLE_ITEM(a, i + 1)) < 0) {
                wf_decref(d);
                wf_decref(a);
                return NULL;
            }
    }
    /* Install d unless another thread replaced the slot meanwhile. */
    wf_object *old = NULL, *result;
    wf_enable_try_incref(d);
    WF_BEGIN_CRITICAL_SECTION(o);
    wf_object *cur = atomic_load_explicit(slot, memory_order_acquire);
    if (cur == a) {
        wf_incref(d);
        atomic_store_explicit(slot, d, memory_order_release);
        old = cur;
        result = d;
        d = NULL;
    } else {
        if (cur) wf_incref_with_lock(cur);
        result = cur;
    }
    WF_END_CRITICAL_SECTION();
    wf_xdecref(old);
    wf_xdecref(d);
    wf_xdecref(a);
    if (!result || !WF_DICT_CHECK(result)) {
        wf_xdecref(result);
        return func_get_annotations(o, c); /* replaced by a non-dict: convert that */
    }
    return result;
}
static int func_set_annotations(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (v == wf_None) v = NULL;
    if (v && !WF_DICT_CHECK(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    wfo_field_store(o, &FN(o)->func_annotations, v);
    return 0;
}

static wf_getset_def func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", wfo_object_get_dict, wfo_object_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL, NULL},
    {"__module__", func_get_module, func_set_module, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_member_def func_members[] = {
    {"__closure__", WF_T_OBJECT, offsetof(wfv_function, func_closure), WF_READONLY, NULL},
    {"__globals__", WF_T_OBJECT, offsetof(wfv_function, func_globals), WF_READONLY, NULL},
    {"__builtins__", WF_T_OBJECT, offsetof(wfv_function, func_builtins), WF_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* function(code, globals, name=None, argdefs=None, closure=None) */
static wf_object *func_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure"};
    wf_object *a[5] = {NULL, NULL, NULL, NULL, NULL};
    wf_ssize_t nargs = WF_TUPLE_SIZE(args);
    if (nargs > 5)
        return wf_err_format(&wf_exc_TypeError, "function() takes at most 5 arguments (%zd given)",
                             nargs);
    for (wf_ssize_t i = 0; i < nargs; i++) a[i] = WF_TUPLE_ITEM(args, i);
    if (kwargs) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < 5 && !found; i++)
                if (WF_STR_CHECK(k) && wf_str_eq_cstr(k, names[i])) {
                    found = 1;
                    if (a[i]) {
                        wf_err_format(&wf_exc_TypeError,
                                      "argument for function() given by name ('%s') and position (%d)",
                                      names[i], i + 1);
                        wf_decref(k);
                        wf_decref(v);
                        return NULL;
                    }
                    a[i] = v; /* kept alive by kwargs */
                }
            if (!found) {
                wf_err_format(&wf_exc_TypeError, "'%S' is an invalid keyword argument for function()",
                              k);
                wf_decref(k);
                wf_decref(v);
                return NULL;
            }
            wf_decref(k);
            wf_decref(v);
        }
    }
    for (int i = 0; i < 2; i++)
        if (!a[i])
            return wf_err_format(&wf_exc_TypeError,
                                 "function() missing required argument '%s' (pos %d)", names[i],
                                 i + 1);
    if (!WFV_CODE_CHECK(a[0]))
        return wf_err_format(&wf_exc_TypeError, "function() argument 'code' must be code, not %s",
                             wf_type_name(WF_TYPE(a[0])));
    if (!WF_DICT_CHECK(a[1]))
        return wf_err_format(&wf_exc_TypeError, "function() argument 'globals' must be dict, not %s",
                             wf_type_name(WF_TYPE(a[1])));
    wf_object *name = a[2] == wf_None ? NULL : a[2];
    wf_object *defs = a[3] == wf_None ? NULL : a[3];
    wf_object *closure = a[4] == wf_None ? NULL : a[4];
    if (name && !WF_STR_CHECK(name))
        return wf_err_format(&wf_exc_TypeError, "arg 3 (name) must be None or string");
    if (defs && !WF_TUPLE_CHECK(defs))
        return wf_err_format(&wf_exc_TypeError, "arg 4 (defaults) must be None or tuple");
    wfv_code *co = (wfv_code *)a[0];
    if (!closure && co->co_nfreevars)
        return wf_err_format(&wf_exc_TypeError, "arg 5 (closure) must be tuple");
    if (closure && !WF_TUPLE_CHECK(closure))
        return wf_err_format(&wf_exc_TypeError, "arg 5 (closure) must be None or tuple");
    wf_ssize_t nclosure = closure ? WF_TUPLE_SIZE(closure) : 0;
    if (co->co_nfreevars != nclosure)
        return wf_err_format(&wf_exc_ValueError, "%U requires closure of length %zd, not %zd",
                             co->co_name, (wf_ssize_t)co->co_nfreevars, nclosure);
    for (wf_ssize_t i = 0; i < nclosure; i++)
        if (WF_TYPE(WF_TUPLE_ITEM(closure, i)) != &wfv_cell_type)
            return wf_err_format(&wf_exc_TypeError, "arg 5 (closure) expected cell, found %s",
                                 wf_type_name(WF_TYPE(WF_TUPLE_ITEM(closure, i))));
    wf_object *f = wfv_function_new(a[0], a[1], NULL);
    if (!f) return NULL;
    if (name) {
        wfo_field_store(f, &FN(f)->func_name, name);
    }
    if (defs) wfo_field_store(f, &FN(f)->func_defaults, defs);
    if (closure) FN(f)->func_closure = wf_newref(closure);
    return f;
}

wf_type wfv_function_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "function",
    .tp_basicsize = sizeof(wfv_function),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = func_dealloc,
    .tp_traverse = func_traverse,
    .tp_repr = func_repr,
    .tp_call = func_call,
    .tp_descr_get = func_descr_get,
    .tp_new = func_tp_new,
    .tp_getset = func_getset,
    .tp_members = func_members,
    .tp_dictoffset = offsetof(wfv_function, func_dict),
    .tp_weaklistoffset = offsetof(wfv_function, func_weakreflist), /* weakref */
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
};

/* ---------------------------------------------------------------------------
 * Argument binding (CPython 3.11's initialize_locals and its messages)
 */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" from the names of the empty
 * slots in [start, end). */
static void raise_missing(wfv_code *co, wf_object *qualname, wf_object **lp, int start, int end,
                          const char *kind) {
    wf_object *names = wf_list_new(0);
    if (!names) return;
    for (int i = start; i < end; i++) {
        if (lp[i]) continue;
        wf_object *r = wf_object_repr(WF_TUPLE_ITEM(co->co_localsplusnames, i));
        if (!r || wf_list_append(names, r) < 0) {
            wf_xdecref(r);
            wf_decref(names);
            return;
        }
        wf_decref(r);
    }
    wf_ssize_t n = wf_list_size(names);
    wf_object *text = NULL;
    if (n == 1) {
        text = wf_list_get_item(names, 0);
    } else if (n == 2) {
        wf_object *a = wf_list_get_item(names, 0), *b = wf_list_get_item(names, 1);
        if (a && b) text = wf_str_from_format("%U and %U", a, b);
        wf_xdecref(a);
        wf_xdecref(b);
    } else if (n > 2) {
        wf_object *a = wf_list_get_item(names, n - 2), *b = wf_list_get_item(names, n - 1);
        wf_object *head = wfo_list_slice(names, 0, n - 2, 1);
        wf_object *sep = wf_str_from_cstr(", ");
        wf_object *joined = head && sep ? wf_str_join(sep, head) : NULL;
        if (a && b && joined) text = wf_str_from_format("%U, %U, and %U", joined, a, b);
        wf_xdecref(a);
        wf_xdecref(b);
        wf_xdecref(head);
        wf_xdecref(sep);
        wf_xdecref(joined);
    }
    wf_decref(names);
    if (!text) return;
    wf_err_format(&wf_exc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname, n,
                  kind, n == 1 ? "" : "s", text);
    wf_decref(text);
}

static void raise_too_many_positional(wfv_code *co, wf_object *qualname, wf_object *defaults,
                                      wf_object **lp, wf_ssize_t given) {
    int argcount = co->co_argcount;
    wf_ssize_t kwonly_given = 0;
    for (int i = argcount; i < argcount + co->co_kwonlyargcount; i++)
        if (lp[i]) kwonly_given++;
    wf_ssize_t ndefs = defaults ? WF_TUPLE_SIZE(defaults) : 0;
    char sig[64];
    int plural;
    if (ndefs) {
        snprintf(sig, sizeof sig, "from %zd to %d", (wf_ssize_t)argcount - ndefs, argcount);
        plural = 1;
    } else {
        snprintf(sig, sizeof sig, "%d", argcount);
        plural = argcount != 1;
    }
    char kwsig[96] = "";
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zd keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    wf_err_format(&wf_exc_TypeError, "%U() takes %s positional argument%s but %zd%s %s given",
                  qualname, sig, plural ? "s" : "", given, kwsig,
                  given == 1 && !kwonly_given ? "was" : "were");
}

/* 1 (error raised) if some keyword names a positional-only parameter. */
static int check_posonly_as_keyword(wfv_code *co, wf_object *qualname, wf_object *kwnames) {
    wf_object *hits = wf_list_new(0);
    if (!hits) return 1;
    wf_ssize_t nkw = WF_TUPLE_SIZE(kwnames);
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        wf_object *pname = WF_TUPLE_ITEM(co->co_localsplusnames, k);
        for (wf_ssize_t j = 0; j < nkw; j++) {
            wf_object *kw = WF_TUPLE_ITEM(kwnames, j);
            int eq = kw == pname ? 1 : wf_object_rich_compare_bool(pname, kw, WF_EQ);
            if (eq < 0 || (eq > 0 && wf_list_append(hits, kw) < 0)) {
                wf_decref(hits);
                return 1;
            }
        }
    }
    if (wf_list_size(hits) == 0) {
        wf_decref(hits);
        return 0;
    }
    wf_object *sep = wf_str_from_cstr(", ");
    wf_object *joined = sep ? wf_str_join(sep, hits) : NULL;
    if (joined)
        wf_err_format(&wf_exc_TypeError,
                      "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                      qualname, joined);
    wf_xdecref(sep);
    wf_xdecref(joined);
    wf_decref(hits);
    return 1;
}

int wfv_bind_args(wfv_function *func, wf_object **lp, wf_object *const *args, size_t nargsf,
                  wf_object *kwnames) {
    wf_object *co = slot_load((wf_object *)func, &func->func_code);
    int r = wfv_bind_args_code(func, (wfv_code *)co, lp, args, nargsf, kwnames);
    wf_decref(co);
    return r;
}

int wfv_bind_args_code(wfv_function *func, wfv_code *co, wf_object **lp, wf_object *const *args,
                       size_t nargsf, wf_object *kwnames) {
    wf_ssize_t argcount = wf_vectorcall_nargs(nargsf);
    wf_object *qualname = NULL, *defaults = NULL, *kwdefaults = NULL;
    int co_argcount = co->co_argcount;
    int total = co_argcount + co->co_kwonlyargcount;
    int has_varargs = (co->co_flags & FUNC_CO_VARARGS) != 0;
    int has_varkw = (co->co_flags & FUNC_CO_VARKEYWORDS) != 0;
    int nslots = total + has_varargs + has_varkw;
    wf_object *kwdict = NULL;

    if (has_varkw) {
        kwdict = wf_dict_new();
        if (!kwdict) goto fail;
        lp[total + has_varargs] = kwdict;
    }
    wf_ssize_t n = argcount > co_argcount ? co_argcount : argcount;
    for (wf_ssize_t j = 0; j < n; j++) lp[j] = wf_newref(args[j]);
    if (has_varargs) {
        wf_object *u = argcount > n ? wf_tuple_from_array(args + n, argcount - n)
                                    : wf_newref((wf_object *)&wfo_empty_tuple);
        if (!u) goto fail;
        lp[total] = u;
    }

    if (kwnames) {
        wf_ssize_t kwcount = WF_TUPLE_SIZE(kwnames);
        wf_object *const *names = ((wf_tuple *)co->co_localsplusnames)->ob_item;
        for (wf_ssize_t i = 0; i < kwcount; i++) {
            wf_object *keyword = WF_TUPLE_ITEM(kwnames, i);
            wf_object *value = args[argcount + i];
            if (!keyword || !WF_STR_CHECK(keyword)) {
                qualname = slot_load((wf_object *)func, &func->func_qualname);
                wf_err_format(&wf_exc_TypeError, "%U() keywords must be strings", qualname);
                goto fail;
            }
            int j;
            for (j = co->co_posonlyargcount; j < total; j++)
                if (names[j] == keyword) break;
            if (j == total) {
                for (j = co->co_posonlyargcount; j < total; j++) {
                    int eq = WF_STR_CHECK_EXACT(keyword)
                                 ? wf_str_eq(keyword, names[j])
                                 : wf_object_rich_compare_bool(keyword, names[j], WF_EQ);
                    if (eq < 0) goto fail;
                    if (eq) break;
                }
            }
            if (j < total) {
                if (lp[j]) {
                    qualname = slot_load((wf_object *)func, &func->func_qualname);
                    wf_err_format(&wf_exc_TypeError, "%U() got multiple values for argument '%S'",
                                  qualname, keyword);
                    goto fail;
                }
                lp[j] = wf_newref(value);
                continue;
            }
            if (!kwdict) {
                qualname = slot_load((wf_object *)func, &func->func_qualname);
                if (co->co_posonlyargcount && check_posonly_as_keyword(co, qualname, kwnames))
                    goto fail;
                wf_err_format(&wf_exc_TypeError, "%U() got an unexpected keyword argument '%S'",
                              qualname, keyword);
                goto fail;
            }
            if (wf_dict_set_item(kwdict, keyword, value) < 0) goto fail;
        }
    }

    if (argcount > co_argcount && !has_varargs) {
        qualname = slot_load((wf_object *)func, &func->func_qualname);
        defaults = slot_load((wf_object *)func, &func->func_defaults);
        raise_too_many_positional(co, qualname, defaults, lp, argcount);
        goto fail;
    }

    if (argcount < co_argcount) {
        defaults = slot_load((wf_object *)func, &func->func_defaults);
        wf_ssize_t ndefs = defaults ? WF_TUPLE_SIZE(defaults) : 0;
        wf_ssize_t m = co_argcount - ndefs;
        int missing = 0;
        for (wf_ssize_t i = argcount; i < m; i++)
            if (!lp[i]) missing++;
        if (missing) {
            qualname = slot_load((wf_object *)func, &func->func_qualname);
            raise_missing(co, qualname, lp, 0, (int)m, "positional");
            goto fail;
        }
        for (wf_ssize_t i = n > m ? n - m : 0; i < ndefs; i++)
            if (!lp[m + i]) lp[m + i] = wf_newref(WF_TUPLE_ITEM(defaults, i));
    }

    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (int i = co_argcount; i < total; i++) {
            if (lp[i]) continue;
            if (!kwdefaults) kwdefaults = slot_load((wf_object *)func, &func->func_kwdefaults);
            if (kwdefaults) {
                wf_object *def;
                int r = wf_dict_get_item_ref(kwdefaults, WF_TUPLE_ITEM(co->co_localsplusnames, i),
                                             &def);
                if (r < 0) goto fail;
                if (r > 0) {
                    lp[i] = def;
                    continue;
                }
            }
            missing++;
        }
        if (missing) {
            qualname = slot_load((wf_object *)func, &func->func_qualname);
            raise_missing(co, qualname, lp, co_argcount, total, "keyword-only");
            goto fail;
        }
    }
    wf_xdecref(defaults);
    wf_xdecref(kwdefaults);
    return 0;

fail:
    for (int i = 0; i < nslots; i++) WF_CLEAR(lp[i]);
    wf_xdecref(qualname);
    wf_xdecref(defaults);
    wf_xdecref(kwdefaults);
    return -1;
}

/* ---------------------------------------------------------------------------
 * Cells
 */

/* Cells.  The value slot is written by wfv_cell_set with one exchange and
 * read by wfv_cell_get with a try-incref (the read protocol of
 * docs/internals/containers.md); the cell's mutex serves only the read's
 * fallback, which runs when the try-incref is refused (the value is owned
 * by another thread and its shared count is a raw 0, or it just died):
 * the reader locks the cell, issues a seq_cst fence, loads the slot
 * seq_cst and counts the value with wf_incref_with_lock, which enables
 * try-increfs of it, so later reads from any thread stay lock-free.  The
 * writer, after its seq_cst exchange, loads the mutex byte (seq_cst) and,
 * if it is not 0, passes through the cell's critical section before it
 * releases the old value.  Dekker's pattern over (slot, mutex byte): a
 * reader whose load returned the value being replaced locked the mutex
 * before the exchange in the total order, so the writer sees the lock
 * (and waits for the section, whose release publishes the incref) or the
 * reader's releasing unlock or a later change (which synchronizes with
 * it): the incref always happens before the writer's decref.  Object
 * memory is type-stable, so a lock-free reader that loaded the old
 * pointer just fails its slot re-check.  A new cell is private to its
 * creator until published, so its first value needs no fence either. */
wf_object *wfv_cell_new(wf_object *value) {
    wfv_cell *c = (wfv_cell *)wfo_alloc(&wfv_cell_type, sizeof(wfv_cell));
    if (!c) return NULL;
    atomic_store_explicit(&c->ob_ref, wf_xnewref(value), memory_order_relaxed);
    return (wf_object *)c;
}

#if WF_FREE_THREADED
/* wfv_cell_get past its inline cases: the lock-free read, then the
 * locked fallback. */
static WF_NOINLINE wf_object *cell_get_slow(wf_object *cell) {
    wf_object *v;
    if (WF_LIKELY(wfo_try_xget_ref(&((wfv_cell *)cell)->ob_ref, &v))) return v;
    WF_BEGIN_CRITICAL_SECTION(cell);
    atomic_thread_fence(memory_order_seq_cst); /* the pairing above */
    v = atomic_load_explicit(&((wfv_cell *)cell)->ob_ref, memory_order_seq_cst);
    if (v) wf_incref_with_lock(v);
    WF_END_CRITICAL_SECTION();
    return v;
}
#endif

wf_object *wfv_cell_get(wf_object *cell) {
#if WF_FREE_THREADED
    /* Inline only what needs no call (so no stack frame): empty; a value
     * owned by the calling thread (a plain count store and no re-check:
     * the owned case of containers.h's wfo_try_xget_ref, which explains
     * why -- wfv_cell_set releases an old value only after exchanging it
     * out); an immortal value after the slot re-check.  Anything else
     * starts over in cell_get_slow. */
    wf_object *_Atomic *slot = &((wfv_cell *)cell)->ob_ref;
    wf_object *v = atomic_load(slot);
    if (v == NULL) return NULL;
    uint32_t local = atomic_load_explicit(&v->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) {
        if (WF_LIKELY(atomic_load(slot) == v)) return v;
    } else if (WF_LIKELY(atomic_load_explicit(&v->ob_tid, memory_order_relaxed) == wft_tls_index)) {
        atomic_store_explicit(&v->ob_ref_local, local + 1, memory_order_relaxed);
        return v;
    }
    return cell_get_slow(cell);
#else
    return wf_xget_ref(&((wfv_cell *)cell)->ob_ref);
#endif
}

#if WF_FREE_THREADED
/* Wait until the cell's critical section is free (see above). */
static WF_NOINLINE void cell_wait_readers(wf_object *cell) {
    WF_BEGIN_CRITICAL_SECTION(cell);
    WF_END_CRITICAL_SECTION();
}
#endif

void wfv_cell_set(wf_object *cell, wf_object *value) {
    wf_xincref(value);
    wf_object *old = atomic_exchange_explicit(&((wfv_cell *)cell)->ob_ref, value, memory_order_seq_cst);
    if (!old) return;
#if WF_FREE_THREADED
    if (WF_UNLIKELY(atomic_load_explicit(&cell->ob_mutex.bits, memory_order_seq_cst) != 0))
        cell_wait_readers(cell); /* a reader may be in cell_get_slow's section */
#endif
    wf_decref(old);
}

static wf_object *cell_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    if (kwargs && wf_dict_size(kwargs))
        return wf_err_format(&wf_exc_TypeError, "cell() takes no keyword arguments");
    if (wf_check_nargs("cell", WF_TUPLE_SIZE(args), 0, 1) < 0) return NULL;
    return wfv_cell_new(WF_TUPLE_SIZE(args) ? WF_TUPLE_ITEM(args, 0) : NULL);
}

static void cell_dealloc(wf_object *o) {
    wf_object *v = atomic_exchange_explicit(&((wfv_cell *)o)->ob_ref, NULL, memory_order_relaxed);
    wf_xdecref(v);
    wfo_free_instance(o);
}

static int cell_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_object *v = atomic_load_explicit(&((wfv_cell *)o)->ob_ref, memory_order_relaxed);
    return v ? visit(v, arg) : 0;
}

/* gc: empty the cell (breaks closure cycles: f -> closure -> cell -> f). */
static int cell_clear(wf_object *o) {
    wf_object *v = atomic_exchange_explicit(&((wfv_cell *)o)->ob_ref, NULL, memory_order_acq_rel);
    wf_xdecref(v);
    return 0;
}

static wf_object *cell_repr(wf_object *o) {
    wf_object *v = wfv_cell_get(o);
    if (!v) return wf_str_from_format("<cell at %p: empty>", (void *)o);
    wf_object *r = wf_str_from_format("<cell at %p: %.80s object at %p>", (void *)o,
                                      wf_type_name(WF_TYPE(v)), (void *)v);
    wf_decref(v);
    return r;
}

static wf_object *cell_richcompare(wf_object *a, wf_object *b, int op) {
    if (WF_TYPE(a) != &wfv_cell_type || WF_TYPE(b) != &wfv_cell_type)
        return wf_newref(wf_NotImplemented);
    wf_object *x = wfv_cell_get(a), *y = wfv_cell_get(b);
    wf_object *r;
    if (x && y) {
        r = wf_object_rich_compare(x, y, op);
    } else {
        /* An empty cell sorts before a full one. */
        int cx = x != NULL, cy = y != NULL, res = 0;
        switch (op) {
        case WF_LT: res = cx < cy; break;
        case WF_LE: res = cx <= cy; break;
        case WF_EQ: res = cx == cy; break;
        case WF_NE: res = cx != cy; break;
        case WF_GT: res = cx > cy; break;
        case WF_GE: res = cx >= cy; break;
        }
        r = wf_newref(wf_bool_from(res));
    }
    wf_xdecref(x);
    wf_xdecref(y);
    return r;
}

static wf_object *cell_get_contents(wf_object *o, void *c) {
    (void)c;
    wf_object *v = wfv_cell_get(o);
    if (!v) wf_err_set_string(&wf_exc_ValueError, "Cell is empty");
    return v;
}
static int cell_set_contents(wf_object *o, wf_object *v, void *c) {
    (void)c;
    wfv_cell_set(o, v);
    return 0;
}

static wf_getset_def cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

wf_type wfv_cell_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "cell",
    .tp_basicsize = sizeof(wfv_cell),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = cell_dealloc,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear, /* gc */
    .tp_repr = cell_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = cell_richcompare,
    .tp_new = cell_tp_new,
    .tp_getset = cell_getset,
};
