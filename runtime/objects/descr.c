/*
 * runtime/objects/descr.c — descriptors and C callables:
 *   method_descriptor (tp_methods entry, unbound), classmethod_descriptor,
 *   wrapper_descriptor (a C slot as a dunder) and method-wrapper (bound),
 *   member_descriptor (tp_members / __slots__), getset_descriptor,
 *   builtin_function_or_method (wf_cfunction), method (bound method),
 *   classmethod, staticmethod, property.
 *
 * Invariant: every object here is immutable after creation except the
 * fields of classmethod, staticmethod and property (__init__ may run
 * again on a shared object: they are handled as writable WF_T_OBJECT
 * members, below) and the values of writable object members reached
 * through member descriptors (one pointer each).  Writable object members (__slots__,
 * WF_T_OBJECT without WF_READONLY) are read lock-free with the try-incref
 * protocol, falling back to the instance's critical section (member_load).
 * Writers release the old value only after it left the slot:
 *  - __slots__ (WF_T_OBJECT_EX: only heap types' __slots__ use it, and
 *    nothing but wfo_member_set, the instance's dealloc and the collector's
 *    clear of an unreachable instance writes those slots) are written
 *    with one atomic exchange and no lock (wfo_slot_exchange, objimpl.h);
 *  - WF_T_OBJECT members of built-in types, which their own C code may
 *    also swap under the instance's critical section, are swapped under
 *    that critical section.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/objects/containers.h" /* wfo_try_xget_ref */
#include "weft/weakref.h" /* weakref */

#include <stdio.h>

typedef struct {
    wf_object ob_base;
    wf_type *d_type; /* owner class (static types are immortal; heap types hold a ref) */
    wf_object *d_name;
} descr_head;

static void descr_init_head(descr_head *d, wf_type *type, const char *name) {
    d->d_type = type;
    wf_incref((wf_object *)type);
    d->d_name = wf_str_intern_cstr(name);
}

static void descr_dealloc(wf_object *o) {
    descr_head *d = (descr_head *)o;
    wf_decref((wf_object *)d->d_type);
    wfo_free_instance(o);
}
/* gc: traverse functions of the descriptor types (the references they own). */
#define GC_VISIT(x) do { if ((x) && visit((wf_object *)(x), arg)) return -1; } while (0)
static int descr_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    GC_VISIT(((descr_head *)o)->d_type);
    return 0;
}

static int descr_check(descr_head *d, wf_object *obj) {
    if (WF_TYPE(obj) != d->d_type && !wf_type_is_subtype(WF_TYPE(obj), d->d_type)) {
        wf_err_format(&wf_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                      d->d_name, wf_type_name(d->d_type), wf_type_name(WF_TYPE(obj)));
        return -1;
    }
    return 0;
}

static wf_object *descr_get_name(wf_object *o, void *c) { return wf_newref(((descr_head *)o)->d_name); }
static wf_object *descr_get_objclass(wf_object *o, void *c) {
    return wf_newref((wf_object *)((descr_head *)o)->d_type);
}
static wf_object *descr_get_qualname(wf_object *o, void *c) {
    descr_head *d = (descr_head *)o;
    return wf_str_from_format("%s.%U", wf_type_name(d->d_type), d->d_name);
}
static wf_getset_def descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------------------
 * Calling a wf_method_def
 */
/* For error messages: the callable's __qualname__ as CPython computes it
 * for builtin methods ("list.append": the bound object's type, or the
 * object itself for class methods); module functions are unqualified. */
static const char *ml_qualname(wf_method_def *ml, wf_object *self, char *buf, size_t cap) {
    if (!self || WF_TYPE(self) == &wf_module_type) {
        snprintf(buf, cap, "%s", ml->ml_name);
        return buf;
    }
    wf_type *t = WF_TYPE_CHECK(self) ? (wf_type *)self : WF_TYPE(self);
    snprintf(buf, cap, "%s.%s", wf_type_name(t), ml->ml_name);
    return buf;
}

wf_object *wfo_cfunction_call_def(wf_method_def *ml, wf_object *self, wf_object *const *args,
                                  wf_ssize_t nargs, wf_object *kwnames) {
    int flags = ml->ml_flags & ~(WF_METH_CLASS | WF_METH_STATIC);
    int has_kw = kwnames && WF_TUPLE_SIZE(kwnames) > 0;
    char qn[200];
    if (has_kw && !(flags & WF_METH_KEYWORDS))
        return wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments",
                             ml_qualname(ml, self, qn, sizeof qn));
    if (wf_enter_recursive_call(" while calling a Python object")) return NULL;
    wf_object *r;
    switch (flags) {
    case WF_METH_NOARGS:
        if (nargs != 0) {
            wf_leave_recursive_call();
            return wf_err_format(&wf_exc_TypeError, "%s() takes no arguments (%zd given)",
                                 ml_qualname(ml, self, qn, sizeof qn), nargs);
        }
        r = ((wf_binaryfunc)ml->ml_meth)(self, NULL);
        break;
    case WF_METH_O:
        if (nargs != 1) {
            wf_leave_recursive_call();
            return wf_err_format(&wf_exc_TypeError, "%s() takes exactly one argument (%zd given)",
                                 ml_qualname(ml, self, qn, sizeof qn), nargs);
        }
        r = ((wf_binaryfunc)ml->ml_meth)(self, args[0]);
        break;
    case WF_METH_FASTCALL:
        r = ((wf_object * (*)(wf_object *, wf_object *const *, wf_ssize_t)) ml->ml_meth)(self, args, nargs);
        break;
    case WF_METH_FASTCALL | WF_METH_KEYWORDS:
        r = ((wf_object * (*)(wf_object *, wf_object *const *, wf_ssize_t, wf_object *)) ml->ml_meth)(
            self, args, nargs, kwnames);
        break;
    default:
        r = wf_err_bad_internal_call(ml->ml_name);
    }
    wf_leave_recursive_call();
    return r;
}

/* ---------------------------------------------------------------------------
 * method_descriptor / classmethod_descriptor
 */
typedef struct {
    descr_head h;
    wf_method_def *d_method;
} method_descr;

wf_object *wfo_method_descr_new(wf_type *type, wf_method_def *ml) {
    wf_type *dt = (ml->ml_flags & WF_METH_CLASS) ? &wf_classmethod_descr_type : &wf_method_descr_type;
    method_descr *d = (method_descr *)wfo_alloc(dt, sizeof *d);
    if (!d) return NULL;
    descr_init_head(&d->h, type, ml->ml_name);
    d->d_method = ml;
    return (wf_object *)d;
}

static wf_object *method_descr_get(wf_object *o, wf_object *obj, wf_object *type) {
    method_descr *d = (method_descr *)o;
    if (!obj) return wf_newref(o);
    if (descr_check(&d->h, obj) < 0) return NULL;
    return wf_cfunction_new(d->d_method, obj, NULL);
}

static wf_object *method_descr_call(wf_object *o, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    method_descr *d = (method_descr *)o;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (nargs < 1)
        return wf_err_format(&wf_exc_TypeError, "unbound method %s.%U() needs an argument",
                             wf_type_name(d->h.d_type), d->h.d_name);
    if (descr_check(&d->h, args[0]) < 0) return NULL;
    return wfo_cfunction_call_def(d->d_method, args[0], args + 1, nargs - 1, kwnames);
}

static wf_object *method_descr_repr(wf_object *o) {
    descr_head *d = (descr_head *)o;
    return wf_str_from_format("<method '%U' of '%s' objects>", d->d_name, wf_type_name(d->d_type));
}

static wf_object *classmethod_descr_get(wf_object *o, wf_object *obj, wf_object *type) {
    method_descr *d = (method_descr *)o;
    if (!type) type = (wf_object *)WF_TYPE(obj);
    if (!WF_TYPE_CHECK(type) || !wf_type_is_subtype((wf_type *)type, d->h.d_type))
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' for type '%s' needs a subtype of '%s'",
                             d->h.d_name, wf_type_name(d->h.d_type), wf_type_name(d->h.d_type));
    return wf_cfunction_new(d->d_method, type, NULL);
}
wf_type wf_method_descr_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(method_descr),
    .tp_flags = WF_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse, /* gc */
    .tp_repr = method_descr_repr,
    .tp_call = method_descr_call,
    .tp_descr_get = method_descr_get,
    .tp_getset = descr_getset,
};
wf_type wf_classmethod_descr_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(method_descr),
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse, /* gc */
    .tp_repr = method_descr_repr,
    .tp_descr_get = classmethod_descr_get,
    .tp_getset = descr_getset,
};

/* ---------------------------------------------------------------------------
 * wrapper_descriptor / method-wrapper
 */
typedef struct {
    descr_head h;
    const wfo_slotdef *d_base;
    void *d_wrapped;
} wrapper_descr;

wf_object *wfo_wrapper_descr_new(wf_type *type, const wfo_slotdef *sd, void *wrapped) {
    wrapper_descr *d = (wrapper_descr *)wfo_alloc(&wf_wrapper_descr_type, sizeof *d);
    if (!d) return NULL;
    d->h.d_type = type;
    wf_incref((wf_object *)type);
    d->h.d_name = wfo_slot_name(sd);
    d->d_base = sd;
    d->d_wrapped = wrapped;
    return (wf_object *)d;
}

int wfo_wrapper_descr_info(wf_object *o, const wfo_slotdef **sd, void **wrapped) {
    wrapper_descr *d = (wrapper_descr *)o;
    *sd = d->d_base;
    *wrapped = d->d_wrapped;
    return 0;
}

typedef struct {
    wf_object ob_base;
    wrapper_descr *descr;
    wf_object *self;
} method_wrapper;

static wf_object *wrapper_descr_get(wf_object *o, wf_object *obj, wf_object *type) {
    wrapper_descr *d = (wrapper_descr *)o;
    if (!obj) return wf_newref(o);
    if (descr_check(&d->h, obj) < 0) return NULL;
    method_wrapper *w = (method_wrapper *)wfo_alloc(&wf_method_wrapper_type, sizeof *w);
    if (!w) return NULL;
    w->descr = (wrapper_descr *)wf_newref(o);
    w->self = wf_newref(obj);
    return (wf_object *)w;
}

static wf_object *wrapper_descr_call(wf_object *o, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    wrapper_descr *d = (wrapper_descr *)o;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (nargs < 1)
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                             d->h.d_name, wf_type_name(d->h.d_type));
    if (descr_check(&d->h, args[0]) < 0) return NULL;
    return d->d_base->wrapper(args[0], args + 1, nargs - 1, kwnames, d->d_wrapped);
}

static wf_object *wrapper_descr_repr(wf_object *o) {
    descr_head *d = (descr_head *)o;
    return wf_str_from_format("<slot wrapper '%U' of '%s' objects>", d->d_name, wf_type_name(d->d_type));
}

wf_type wf_wrapper_descr_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(wrapper_descr),
    .tp_flags = WF_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse, /* gc */
    .tp_repr = wrapper_descr_repr,
    .tp_call = wrapper_descr_call,
    .tp_descr_get = wrapper_descr_get,
    .tp_getset = descr_getset,
};

static void method_wrapper_dealloc(wf_object *o) {
    method_wrapper *w = (method_wrapper *)o;
    wf_decref((wf_object *)w->descr);
    wf_decref(w->self);
    wfo_free_instance(o);
}
static int method_wrapper_traverse(wf_object *o, wf_visitproc visit, void *arg) { /* gc */
    GC_VISIT(((method_wrapper *)o)->descr);
    GC_VISIT(((method_wrapper *)o)->self);
    return 0;
}
static wf_object *method_wrapper_call(wf_object *o, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    method_wrapper *w = (method_wrapper *)o;
    return w->descr->d_base->wrapper(w->self, args, wf_vectorcall_nargs(nargsf), kwnames, w->descr->d_wrapped);
}
static wf_object *method_wrapper_repr(wf_object *o) {
    method_wrapper *w = (method_wrapper *)o;
    return wf_str_from_format("<method-wrapper '%U' of %s object at %p>", w->descr->h.d_name,
                              wf_type_name(WF_TYPE(w->self)), (void *)w->self);
}
static wf_object *method_wrapper_self(wf_object *o, void *c) { return wf_newref(((method_wrapper *)o)->self); }
static wf_object *method_wrapper_name(wf_object *o, void *c) {
    return wf_newref(((method_wrapper *)o)->descr->h.d_name);
}
static wf_getset_def method_wrapper_getset[] = {
    {"__self__", method_wrapper_self, NULL, NULL, NULL},
    {"__name__", method_wrapper_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static wf_object *method_wrapper_richcompare(wf_object *a, wf_object *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || WF_TYPE(b) != &wf_method_wrapper_type)
        return wf_newref(wf_NotImplemented);
    method_wrapper *x = (method_wrapper *)a, *y = (method_wrapper *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return wf_newref(wf_bool_from(op == WF_EQ ? eq : !eq));
}
static wf_hash_t method_wrapper_hash(wf_object *o) {
    method_wrapper *w = (method_wrapper *)o;
    wf_hash_t h = wfo_object_hash_identity(w->self) ^ wfo_object_hash_identity((wf_object *)w->descr);
    return h == -1 ? -2 : h;
}
wf_type wf_method_wrapper_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(method_wrapper),
    .tp_dealloc = method_wrapper_dealloc,
    .tp_traverse = method_wrapper_traverse, /* gc */
    .tp_repr = method_wrapper_repr,
    .tp_call = method_wrapper_call,
    .tp_richcompare = method_wrapper_richcompare,
    .tp_hash = method_wrapper_hash,
    .tp_getset = method_wrapper_getset,
};

/* ---------------------------------------------------------------------------
 * member_descriptor
 */
typedef struct {
    descr_head h;
    wf_member_def *d_member;
} member_descr;

wf_object *wfo_member_descr_new(wf_type *type, wf_member_def *m) {
    member_descr *d = (member_descr *)wfo_alloc(&wf_member_descr_type, sizeof *d);
    if (!d) return NULL;
    descr_init_head(&d->h, type, m->name);
    d->d_member = m;
    return (wf_object *)d;
}

/* A new reference to the value of a writable object member, or NULL.
 * Lock-free first (the try-incref read protocol of docs/internals/
 * containers.md: the value is counted only if it is alive and the slot
 * still holds it afterwards); when the try-incref is refused (a value
 * owned by another thread whose shared count is still a raw 0) the slot is
 * read under obj's critical section, and wf_incref_with_lock lets later
 * lock-free reads of that value succeed.  A writer releases the old value
 * only after it left the slot, and object memory is type-stable, so a
 * reader holding the old pointer probes a count field and then fails the
 * slot re-check.
 *
 * Why the value read under the section is alive: a WF_T_OBJECT writer
 * swaps under the same section.  A __slots__ writer (wfo_slot_exchange, objimpl.h) does
 * not lock; it exchanges the slot and then, before releasing the old
 * value, loads obj's mutex byte and, if it is not 0, passes through obj's
 * critical section.  This is Dekker's pattern over (slot, mutex byte): the
 * reader locks (an RMW of the byte), issues a seq_cst fence, then loads
 * the slot seq_cst; the writer's exchange and byte load are seq_cst.  If
 * the reader's load returned the value the writer replaces, the load
 * precedes the exchange in the single total order, so the writer's byte
 * load sees the reader's lock or a later value: the writer then waits for
 * the section (whose release publishes the reader's incref), or it read
 * the reader's releasing unlock (or a later change), which synchronizes
 * with it.  Either way the incref happens before the writer's decref. */
#if WF_FREE_THREADED
/* The locked fallback, out of line so that the lock-free path of its
 * callers needs no stack frame for it. */
static WF_NOINLINE wf_object *member_load_locked(wf_object *obj, wf_object *_Atomic *slot) {
    wf_object *v;
    WF_BEGIN_CRITICAL_SECTION(obj);
    atomic_thread_fence(memory_order_seq_cst); /* the Dekker pairing above */
    v = atomic_load_explicit(slot, memory_order_seq_cst);
    if (v) wf_incref_with_lock(v);
    WF_END_CRITICAL_SECTION();
    return v;
}
#endif

WF_INLINE wf_object *member_load(wf_object *obj, wf_object *_Atomic *slot) {
#if WF_FREE_THREADED
    wf_object *v;
    if (WF_LIKELY(wfo_try_xget_ref(slot, &v))) return v;
    return member_load_locked(obj, slot);
#else
    (void)obj;
    return wf_xnewref(atomic_load_explicit(slot, memory_order_relaxed));
#endif
}

/* wfo_slot_exchange's rare case (objimpl.h): wait until obj's critical
 * section is free. */
void wfo_slot_wait_readers(wf_object *obj) {
    WF_BEGIN_CRITICAL_SECTION(obj);
    WF_END_CRITICAL_SECTION();
}

#if WF_FREE_THREADED

/* A WF_T_OBJECT store: swap under obj's critical section (built-in types'
 * own C code may swap the same field under it). */
static WF_NOINLINE wf_object *member_store_locked(wf_object *obj, wf_object *_Atomic *slot,
                                                 wf_object *value) {
    wf_object *old;
    WF_BEGIN_CRITICAL_SECTION(obj);
    old = atomic_load_explicit(slot, memory_order_relaxed);
    atomic_store_explicit(slot, value, memory_order_release);
    WF_END_CRITICAL_SECTION();
    return old;
}
#else
static wf_object *member_store_locked(wf_object *obj, wf_object *_Atomic *slot, wf_object *value) {
    (void)obj;
    wf_object *old = atomic_load_explicit(slot, memory_order_relaxed);
    atomic_store_explicit(slot, value, memory_order_release);
    return old;
}
#endif

static wf_object *member_get_other(wf_object *obj, wf_member_def *m);

/* A WF_T_OBJECT_EX member whose lock-free read did not return a value:
 * read it under the section; AttributeError if it is empty. */
static WF_NOINLINE wf_object *member_get_ex_slow(wf_object *obj, wf_member_def *m) {
    wf_object *v = member_load(obj, (wf_object *_Atomic *)((char *)obj + m->offset));
    if (!v)
        wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '%s'",
                      wf_type_name(WF_TYPE(obj)), m->name);
    return v;
}

wf_object *wfo_member_get(wf_object *obj, wf_member_def *m) {
    char *addr = (char *)obj + m->offset;
    if (WF_LIKELY(m->type == WF_T_OBJECT_EX)) { /* __slots__: the common case first */
        /* Only the cases that need no call are inline (objimpl.h), so
         * that this path needs no stack frame; everything else -- empty,
         * per-thread, shared, a failed re-check -- goes through
         * member_load in member_get_ex_slow, which starts over. */
        wf_object *v = wfo_slot_load_fast((wf_object *_Atomic *)addr);
        if (WF_LIKELY(v != NULL)) return v;
        return member_get_ex_slow(obj, m);
    }
    return member_get_other(obj, m);
}

/* eval.c's LOAD_ATTR/STORE_ATTR caches: the offset of the __slots__ slot
 * that d reads and writes for instances of type tp, or 0 when d is not a
 * writable WF_T_OBJECT_EX member descriptor applying to tp (offset 0 is the
 * object header, never a slot).  Valid as long as tp's version tag is. */
size_t wfo_member_descr_slot_offset(wf_object *d, wf_type *tp) {
    if (WF_TYPE(d) != &wf_member_descr_type) return 0;
    member_descr *md = (member_descr *)d;
    wf_member_def *m = md->d_member;
    if (m->type != WF_T_OBJECT_EX || (m->flags & WF_READONLY)) return 0;
    if (!wf_type_is_subtype(tp, md->h.d_type)) return 0;
    return m->offset;
}

/* The read of the member descriptor behind wfo_member_descr_slot_offset,
 * given the offset: a new reference, or AttributeError naming `name` when
 * the slot is empty (eval.c tries wfo_slot_load_fast first; stores use
 * wfo_slot_exchange). */
wf_object *wfo_slot_get(wf_object *obj, size_t offset, wf_object *name) {
    wf_member_def m = {.name = "", .type = WF_T_OBJECT_EX, .offset = offset, .flags = 0};
    wf_object *v = wfo_member_get(obj, &m);
    if (!v && wf_err_matches((wf_object *)&wf_exc_AttributeError)) {
        wf_err_clear();
        wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '%U'",
                      wf_type_name(WF_TYPE(obj)), name);
    }
    return v;
}


/* wfo_member_get for every type but WF_T_OBJECT_EX (out of line, so that
 * the __slots__ read above needs no stack frame). */
static WF_NOINLINE wf_object *member_get_other(wf_object *obj, wf_member_def *m) {
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case WF_T_OBJECT: {
        wf_object *v;
        if (m->flags & WF_READONLY) /* set before publication, never changed */
            v = wf_xnewref(atomic_load_explicit((wf_object *_Atomic *)addr, memory_order_acquire));
        else
            v = member_load(obj, (wf_object *_Atomic *)addr);
        return v ? v : wf_newref(wf_None);
    }
    case WF_T_INT: return wf_int_from_i64(*(int *)addr);
    case WF_T_SSIZE: return wf_int_from_i64(*(wf_ssize_t *)addr);
    case WF_T_BOOL: return wf_newref(wf_bool_from(*(char *)addr));
    case WF_T_DOUBLE: return wf_float_from_double(*(double *)addr);
    }
    return wf_err_bad_internal_call("member get");
}

int wfo_member_set(wf_object *obj, wf_member_def *m, wf_object *value) {
    char *addr = (char *)obj + m->offset;
    if (m->flags & WF_READONLY) {
        wf_err_set_string(&wf_exc_AttributeError, "readonly attribute");
        return -1;
    }
    if (WF_LIKELY(m->type == WF_T_OBJECT_EX)) { /* __slots__ (never WF_READONLY) */
        wf_xincref(value); /* try-increfs are enabled lazily: member_load */
        wf_object *old = wfo_slot_exchange(obj, (wf_object *_Atomic *)addr, value);
        if (old) {
            wf_decref(old);
            return 0;
        }
        if (value) return 0;
        wf_err_set_string(&wf_exc_AttributeError, m->name); /* CPython's message */
        return -1;
    }
    switch (m->type) {
    case WF_T_OBJECT: {
        wf_xincref(value); /* try-increfs are enabled lazily: member_load */
        wf_xdecref(member_store_locked(obj, (wf_object *_Atomic *)addr, value));
        return 0;
    }
    default:
        break;
    }
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case WF_T_INT:
    case WF_T_SSIZE: {
        if (!WF_INT_CHECK(value)) {
            wf_err_set_string(&wf_exc_TypeError, "attribute value type must be int");
            return -1;
        }
        wf_ssize_t v = wf_int_as_ssize(value);
        if (v == -1 && wf_err_occurred()) return -1;
        if (m->type == WF_T_INT) *(int *)addr = (int)v;
        else *(wf_ssize_t *)addr = v;
        return 0;
    }
    case WF_T_BOOL:
        if (!WF_BOOL_CHECK(value)) {
            wf_err_set_string(&wf_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == wf_True;
        return 0;
    case WF_T_DOUBLE: {
        double d = wf_float_as_double(value);
        if (d == -1.0 && wf_err_occurred()) return -1;
        *(double *)addr = d;
        return 0;
    }
    }
    wf_err_bad_internal_call("member set");
    return -1;
}

static wf_object *member_get(wf_object *o, wf_object *obj, wf_object *type) {
    member_descr *d = (member_descr *)o;
    if (!obj) return wf_newref(o);
    if (descr_check(&d->h, obj) < 0) return NULL;
    return wfo_member_get(obj, d->d_member);
}
static int member_set(wf_object *o, wf_object *obj, wf_object *value) {
    member_descr *d = (member_descr *)o;
    if (descr_check(&d->h, obj) < 0) return -1;
    return wfo_member_set(obj, d->d_member, value);
}
static wf_object *member_repr(wf_object *o) {
    descr_head *d = (descr_head *)o;
    return wf_str_from_format("<member '%U' of '%s' objects>", d->d_name, wf_type_name(d->d_type));
}
wf_type wf_member_descr_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(member_descr),
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse, /* gc */
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = descr_getset,
};

/* ---------------------------------------------------------------------------
 * getset_descriptor
 */
typedef struct {
    descr_head h;
    wf_getset_def *d_getset;
} getset_descr;

wf_object *wfo_getset_descr_new(wf_type *type, wf_getset_def *g) {
    getset_descr *d = (getset_descr *)wfo_alloc(&wf_getset_descr_type, sizeof *d);
    if (!d) return NULL;
    descr_init_head(&d->h, type, g->name);
    d->d_getset = g;
    return (wf_object *)d;
}
static wf_object *getset_get(wf_object *o, wf_object *obj, wf_object *type) {
    getset_descr *d = (getset_descr *)o;
    if (!obj) return wf_newref(o);
    if (descr_check(&d->h, obj) < 0) return NULL;
    if (!d->d_getset->get)
        return wf_err_format(&wf_exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                             d->h.d_name, wf_type_name(d->h.d_type));
    return d->d_getset->get(obj, d->d_getset->closure);
}
static int getset_set(wf_object *o, wf_object *obj, wf_object *value) {
    getset_descr *d = (getset_descr *)o;
    if (descr_check(&d->h, obj) < 0) return -1;
    if (!d->d_getset->set) {
        wf_err_format(&wf_exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                      d->h.d_name, wf_type_name(d->h.d_type));
        return -1;
    }
    return d->d_getset->set(obj, value, d->d_getset->closure);
}
static wf_object *getset_repr(wf_object *o) {
    descr_head *d = (descr_head *)o;
    return wf_str_from_format("<attribute '%U' of '%s' objects>", d->d_name, wf_type_name(d->d_type));
}
wf_type wf_getset_descr_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(getset_descr),
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse, /* gc */
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = descr_getset,
};

/* ---------------------------------------------------------------------------
 * builtin_function_or_method
 */
typedef struct {
    wf_object ob_base;
    wf_method_def *m_ml;
    wf_object *m_self;   /* NULL for module-level functions without module */
    wf_object *m_module;
} cfunction;

wf_object *wf_cfunction_new(wf_method_def *ml, wf_object *self, wf_object *module) {
    cfunction *f = (cfunction *)wfo_alloc(&wf_cfunction_type, sizeof *f);
    if (!f) return NULL;
    f->m_ml = ml;
    f->m_self = wf_xnewref(self);
    f->m_module = wf_xnewref(module);
    return (wf_object *)f;
}
static void cfunction_dealloc(wf_object *o) {
    cfunction *f = (cfunction *)o;
    wf_xdecref(f->m_self);
    wf_xdecref(f->m_module);
    wfo_free_instance(o);
}
static int cfunction_traverse(wf_object *o, wf_visitproc visit, void *arg) { /* gc */
    GC_VISIT(((cfunction *)o)->m_self);
    GC_VISIT(((cfunction *)o)->m_module);
    return 0;
}
static wf_object *cfunction_call(wf_object *o, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    cfunction *f = (cfunction *)o;
    return wfo_cfunction_call_def(f->m_ml, f->m_self, args, wf_vectorcall_nargs(nargsf), kwnames);
}
static wf_object *cfunction_repr(wf_object *o) {
    cfunction *f = (cfunction *)o;
    if (!f->m_self || WF_TYPE(f->m_self) == &wf_module_type)
        return wf_str_from_format("<built-in function %s>", f->m_ml->ml_name);
    return wf_str_from_format("<built-in method %s of %s object at %p>", f->m_ml->ml_name,
                              wf_type_name(WF_TYPE(f->m_self)), (void *)f->m_self);
}
static wf_object *cfunction_name(wf_object *o, void *c) { return wf_str_from_cstr(((cfunction *)o)->m_ml->ml_name); }
static wf_object *cfunction_self(wf_object *o, void *c) {
    cfunction *f = (cfunction *)o;
    return wf_newref(f->m_self ? f->m_self : wf_None);
}
static wf_object *cfunction_qualname(wf_object *o, void *c) {
    cfunction *f = (cfunction *)o;
    if (!f->m_self || WF_TYPE(f->m_self) == &wf_module_type) return wf_str_from_cstr(f->m_ml->ml_name);
    wf_type *t = WF_TYPE_CHECK(f->m_self) ? (wf_type *)f->m_self : WF_TYPE(f->m_self);
    return wf_str_from_format("%s.%s", wf_type_name(t), f->m_ml->ml_name);
}
static wf_object *cfunction_module(wf_object *o, void *c) {
    cfunction *f = (cfunction *)o;
    if (f->m_module && WF_TYPE(f->m_module) == &wf_module_type)
        return wf_object_getattr(f->m_module, WFO_ID(__name__));
    if (f->m_module) return wf_newref(f->m_module);
    if (f->m_self && WF_TYPE(f->m_self) == &wf_module_type) return wf_object_getattr(f->m_self, WFO_ID(__name__));
    WF_RETURN_NONE;
}
static wf_getset_def cfunction_getset[] = {
    {"__name__", cfunction_name, NULL, NULL, NULL},
    {"__module__", cfunction_module, NULL, NULL, NULL},
    {"__qualname__", cfunction_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static wf_object *cfunction_richcompare(wf_object *a, wf_object *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || WF_TYPE(b) != &wf_cfunction_type) return wf_newref(wf_NotImplemented);
    cfunction *x = (cfunction *)a, *y = (cfunction *)b;
    int eq = x->m_ml->ml_meth == y->m_ml->ml_meth && x->m_self == y->m_self;
    return wf_newref(wf_bool_from(op == WF_EQ ? eq : !eq));
}
static wf_hash_t cfunction_hash(wf_object *o) {
    cfunction *f = (cfunction *)o;
    wf_hash_t h = wfo_object_hash_identity(f->m_self ? f->m_self : o) ^ (wf_hash_t)(uintptr_t)f->m_ml->ml_meth;
    return h == -1 ? -2 : h;
}
wf_type wf_cfunction_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(cfunction),
    .tp_dealloc = cfunction_dealloc,
    .tp_traverse = cfunction_traverse, /* gc */
    .tp_repr = cfunction_repr,
    .tp_call = cfunction_call,
    .tp_richcompare = cfunction_richcompare,
    .tp_hash = cfunction_hash,
    .tp_getset = cfunction_getset,
};

/* ---------------------------------------------------------------------------
 * method (bound method)
 */
typedef struct {
    wf_object ob_base;
    wf_object *im_func;
    wf_object *im_self;
    wf_object *_Atomic im_weakreflist; /* weakref: list head (weft/weakref.h) */
} method;

wf_object *wf_method_new(wf_object *func, wf_object *self) {
    method *m = (method *)wfo_alloc(&wf_method_type, sizeof *m);
    if (!m) return NULL;
    m->im_func = wf_newref(func);
    m->im_self = wf_newref(self);
    return (wf_object *)m;
}
static void method_dealloc(wf_object *o) {
    method *m = (method *)o;
    wf_weakref_on_dealloc(o); /* weakref */
    wf_decref(m->im_func);
    wf_decref(m->im_self);
    wfo_free_instance(o);
}
static int method_traverse(wf_object *o, wf_visitproc visit, void *arg) { /* gc */
    GC_VISIT(((method *)o)->im_func);
    GC_VISIT(((method *)o)->im_self);
    return 0;
}
static wf_object *method_call(wf_object *o, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    method *m = (method *)o;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    wf_ssize_t total = nargs + nkw;
    if (nargsf & WF_VECTORCALL_ARGS_OFFSET) {
        wf_object **a = (wf_object **)args - 1;
        wf_object *saved = a[0];
        a[0] = m->im_self;
        wf_object *r = wf_object_vectorcall(m->im_func, a, (size_t)nargs + 1, kwnames);
        a[0] = saved;
        return r;
    }
    wf_object *stack[8];
    wf_object **a = stack;
    if (total + 1 > 8) {
        a = wfm_malloc(sizeof(wf_object *) * (size_t)(total + 1));
        if (!a) return wf_err_no_memory();
    }
    a[0] = m->im_self;
    for (wf_ssize_t i = 0; i < total; i++) a[i + 1] = args[i];
    wf_object *r = wf_object_vectorcall(m->im_func, a, (size_t)nargs + 1, kwnames);
    if (a != stack) wfm_free(a);
    return r;
}
static wf_object *method_repr(wf_object *o) {
    method *m = (method *)o;
    wf_object *name = wf_object_getattr(m->im_func, WFO_ID(__qualname__));
    if (!name) {
        wf_err_clear();
        name = wf_object_getattr(m->im_func, WFO_ID(__name__));
        if (!name) { wf_err_clear(); name = wf_str_from_cstr("?"); }
    }
    if (!name) return NULL;
    wf_object *r = wf_str_from_format("<bound method %S of %R>", name, m->im_self);
    wf_decref(name);
    return r;
}
static wf_object *method_getattro(wf_object *o, wf_object *name) {
    wf_object *r = wf_object_generic_getattr(o, name);
    if (r || !wf_err_matches((wf_object *)&wf_exc_AttributeError)) return r;
    wf_err_clear();
    return wf_object_getattr(((method *)o)->im_func, name);
}
static wf_object *method_richcompare(wf_object *a, wf_object *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || WF_TYPE(b) != &wf_method_type) return wf_newref(wf_NotImplemented);
    method *x = (method *)a, *y = (method *)b;
    int eq = x->im_self == y->im_self;
    if (eq) {
        eq = wf_object_rich_compare_bool(x->im_func, y->im_func, WF_EQ);
        if (eq < 0) return NULL;
    }
    return wf_newref(wf_bool_from(op == WF_EQ ? eq : !eq));
}
static wf_hash_t method_hash(wf_object *o) {
    method *m = (method *)o;
    wf_hash_t a = wfo_object_hash_identity(m->im_self), b = wf_object_hash(m->im_func);
    if (b == -1) return -1;
    wf_hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}
static wf_member_def method_members[] = {
    {"__func__", WF_T_OBJECT, offsetof(method, im_func), WF_READONLY, NULL},
    {"__self__", WF_T_OBJECT, offsetof(method, im_self), WF_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};
wf_type wf_method_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "method",
    .tp_basicsize = sizeof(method),
    .tp_weaklistoffset = offsetof(method, im_weakreflist), /* weakref */
    .tp_dealloc = method_dealloc,
    .tp_traverse = method_traverse, /* gc */
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_richcompare = method_richcompare,
    .tp_hash = method_hash,
    .tp_members = method_members,
};

/* ---------------------------------------------------------------------------
 * classmethod / staticmethod / property: their fields are replaced when
 * __init__ (or property's __set_name__) runs again, possibly while other
 * threads use the object, so they are WF_T_OBJECT-style members: stores
 * swap them under the object's critical section and release the old value
 * afterwards (wfo_field_store, objimpl.h; func.c's attributes use it too);
 * every read that uses a value takes its own reference with the lock-free
 * protocol (member_load).  A reader that held a borrowed pointer across a
 * call into the wrapped function could see it freed by a concurrent
 * re-initialisation.
 */
void wfo_field_store(wf_object *o, wf_object *_Atomic *slot, wf_object *v) {
    if (v) {
        wf_incref(v);
        wf_enable_try_incref(v);
    }
    wf_xdecref(member_store_locked(o, slot, v));
}

typedef struct {
    wf_object ob_base;
    wf_object *_Atomic cm_callable; /* wfo_field_store / member_load */
    wf_object *cm_dict;
} wrapped_callable;

static wf_object *wc_new(wf_type *t, wf_object *callable) {
    wrapped_callable *w = (wrapped_callable *)wf_type_generic_alloc(t, 0);
    if (!w) return NULL;
    wfo_field_store((wf_object *)w, &w->cm_callable, callable);
    return (wf_object *)w;
}
wf_object *wf_classmethod_new(wf_object *callable) { return wc_new(&wf_classmethod_type, callable); }
wf_object *wf_staticmethod_new(wf_object *callable) { return wc_new(&wf_staticmethod_type, callable); }

/* A new reference to the wrapped callable; RuntimeError if __init__ never
 * ran (an object made by __new__ alone), as CPython. */
static wf_object *wc_callable(wf_object *o) {
    wf_object *c = member_load(o, &((wrapped_callable *)o)->cm_callable);
    if (!c) wf_err_format(&wf_exc_RuntimeError, "uninitialized %s object", WF_TYPE(o)->tp_name);
    return c;
}

static void wc_dealloc(wf_object *o) {
    wrapped_callable *w = (wrapped_callable *)o;
    wf_xdecref(atomic_load_explicit(&w->cm_callable, memory_order_relaxed));
    wf_xdecref(w->cm_dict);
    wfo_free_instance(o);
}
static int wc_traverse(wf_object *o, wf_visitproc visit, void *arg) { /* gc */
    GC_VISIT(atomic_load_explicit(&((wrapped_callable *)o)->cm_callable, memory_order_relaxed));
    GC_VISIT(((wrapped_callable *)o)->cm_dict);
    return 0;
}
static int wc_init(wf_object *o, wf_object *args, wf_object *kwargs) {
    wrapped_callable *w = (wrapped_callable *)o;
    const char *n = WF_TYPE(o)->tp_name;
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", n);
        return -1;
    }
    if (WF_TUPLE_SIZE(args) != 1) {
        wf_err_format(&wf_exc_TypeError, "%s expected 1 argument, got %zd", n, WF_TUPLE_SIZE(args));
        return -1;
    }
    wf_object *callable = WF_TUPLE_ITEM(args, 0); /* args keeps it alive */
    wfo_field_store(o, &w->cm_callable, callable);
    /* As CPython 3.10+: copy the wrapped callable's metadata into our
     * __dict__ (attributes it lacks are skipped). */
    static const char *const copied[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                         "__annotations__"};
    for (size_t i = 0; i < sizeof copied / sizeof copied[0]; i++) {
        wf_object *v, *name = wf_str_intern_cstr(copied[i]);
        int r = name ? wf_object_lookup_attr(callable, name, &v) : -1;
        if (r < 0) return -1;
        if (r == 0) continue;
        r = wf_object_generic_setattr(o, name, v);
        wf_decref(v);
        if (r < 0) return -1;
    }
    return 0;
}
static wf_object *wc_tp_new(wf_type *t, wf_object *args, wf_object *kwargs) {
    return wf_type_generic_alloc(t, 0);
}
static wf_object *cm_get(wf_object *o, wf_object *obj, wf_object *type) {
    if (!type) type = (wf_object *)WF_TYPE(obj);
    wf_object *c = wc_callable(o), *r;
    if (!c) return NULL;
    wf_descrgetfunc get = WF_TYPE(c)->tp_descr_get;
    if (get && WF_TYPE(c) != &wf_cfunction_type && WF_TYPE(c) != &wf_method_type &&
        wf_type_has_flag(WF_TYPE(c), WF_TPFLAGS_HEAPTYPE))
        r = get(c, type, (wf_object *)WF_TYPE(type));
    else
        r = wf_method_new(c, type);
    wf_decref(c);
    return r;
}
static wf_object *sm_get(wf_object *o, wf_object *obj, wf_object *type) {
    return wc_callable(o);
}
static wf_object *sm_call(wf_object *o, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    wf_object *c = wc_callable(o);
    if (!c) return NULL;
    wf_object *r = wf_object_vectorcall(c, args, nargsf, kwnames);
    wf_decref(c);
    return r;
}
static wf_object *wc_repr(wf_object *o) {
    wf_object *c = member_load(o, &((wrapped_callable *)o)->cm_callable);
    wf_object *r = wf_str_from_format("<%s(%R)>", WF_TYPE(o)->tp_name, c ? c : wf_None);
    wf_xdecref(c);
    return r;
}
static wf_object *wc_isabstract(wf_object *o, void *closure) {
    wf_object *v, *c = member_load(o, &((wrapped_callable *)o)->cm_callable);
    if (!c) return wf_newref(wf_False);
    int r = wf_object_lookup_attr(c, WFO_ID(__isabstractmethod__), &v);
    wf_decref(c);
    if (r < 0) return NULL;
    if (r == 0) return wf_newref(wf_False);
    int t = wf_object_is_true(v);
    wf_decref(v);
    if (t < 0) return NULL;
    return wf_newref(wf_bool_from(t));
}
/* __func__ / __wrapped__ (read-only; None before __init__). */
static wf_object *wc_func(wf_object *o, void *closure) {
    wf_object *c = member_load(o, &((wrapped_callable *)o)->cm_callable);
    return c ? c : wf_newref(wf_None);
}
static wf_getset_def wc_getset[] = {
    {"__func__", wc_func, NULL, NULL, NULL},
    {"__wrapped__", wc_func, NULL, NULL, NULL},
    {"__isabstractmethod__", wc_isabstract, NULL, NULL, NULL},
    {"__dict__", wfo_object_get_dict, wfo_object_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
wf_type wf_classmethod_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(wrapped_callable),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = wc_dealloc,
    .tp_traverse = wc_traverse, /* gc */
    .tp_repr = wc_repr,
    .tp_descr_get = cm_get,
    .tp_init = wc_init,
    .tp_new = wc_tp_new,
    .tp_getset = wc_getset,
    .tp_dictoffset = offsetof(wrapped_callable, cm_dict),
};
wf_type wf_staticmethod_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(wrapped_callable),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = wc_dealloc,
    .tp_traverse = wc_traverse, /* gc */
    .tp_repr = wc_repr,
    .tp_descr_get = sm_get,
    .tp_call = sm_call,
    .tp_init = wc_init,
    .tp_new = wc_tp_new,
    .tp_getset = wc_getset,
    .tp_dictoffset = offsetof(wrapped_callable, cm_dict),
};

/* ---------------------------------------------------------------------------
 * property (fields as classmethod's above)
 */
typedef struct {
    wf_object ob_base;
    wf_object *_Atomic fget, *_Atomic fset, *_Atomic fdel, *_Atomic doc, *_Atomic name;
} property;

wf_object *wf_property_new(wf_object *fget, wf_object *fset, wf_object *fdel, wf_object *doc) {
    property *p = (property *)wf_type_generic_alloc(&wf_property_type, 0);
    if (!p) return NULL;
    wf_object *o = (wf_object *)p;
    if (fget && fget != wf_None) wfo_field_store(o, &p->fget, fget);
    if (fset && fset != wf_None) wfo_field_store(o, &p->fset, fset);
    if (fdel && fdel != wf_None) wfo_field_store(o, &p->fdel, fdel);
    if (doc && doc != wf_None) wfo_field_store(o, &p->doc, doc);
    return o;
}
#define PLOAD(p, f) atomic_load_explicit(&(p)->f, memory_order_relaxed)
static void property_dealloc(wf_object *o) {
    property *p = (property *)o;
    wf_xdecref(PLOAD(p, fget));
    wf_xdecref(PLOAD(p, fset));
    wf_xdecref(PLOAD(p, fdel));
    wf_xdecref(PLOAD(p, doc));
    wf_xdecref(PLOAD(p, name));
    wfo_free_instance(o);
}
static int property_traverse(wf_object *o, wf_visitproc visit, void *arg) { /* gc */
    property *p = (property *)o;
    GC_VISIT(PLOAD(p, fget));
    GC_VISIT(PLOAD(p, fset));
    GC_VISIT(PLOAD(p, fdel));
    GC_VISIT(PLOAD(p, doc));
    GC_VISIT(PLOAD(p, name));
    return 0;
}
/* AttributeError for a missing getter/setter/deleter. */
static void property_missing(wf_object *o, wf_object *obj, const char *what) {
    wf_object *name = member_load(o, &((property *)o)->name);
    if (name)
        wf_err_format(&wf_exc_AttributeError, "property %R of '%s' object has no %s", name,
                      wf_type_name(WF_TYPE(obj)), what);
    else
        wf_err_format(&wf_exc_AttributeError, "property of '%s' object has no %s",
                      wf_type_name(WF_TYPE(obj)), what);
    wf_xdecref(name);
}
static wf_object *property_get(wf_object *o, wf_object *obj, wf_object *type) {
    if (!obj) return wf_newref(o);
    wf_object *f = member_load(o, &((property *)o)->fget);
    if (!f) {
        property_missing(o, obj, "getter");
        return NULL;
    }
    wf_object *r = wf_object_call_one(f, obj);
    wf_decref(f);
    return r;
}
static int property_set(wf_object *o, wf_object *obj, wf_object *value) {
    property *p = (property *)o;
    wf_object *f = member_load(o, value ? &p->fset : &p->fdel);
    if (!f) {
        property_missing(o, obj, value ? "setter" : "deleter");
        return -1;
    }
    wf_object *r = value ? wf_object_call_objs(f, obj, value, NULL) : wf_object_call_one(f, obj);
    wf_decref(f);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}
static int property_init(wf_object *o, wf_object *args, wf_object *kwargs) {
    static const char *names[4] = {"fget", "fset", "fdel", "doc"};
    wf_object *vals[4] = {NULL, NULL, NULL, NULL};
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 4) {
        wf_err_format(&wf_exc_TypeError, "property() takes at most 4 arguments (%zd given)", n);
        return -1;
    }
    for (wf_ssize_t i = 0; i < n; i++) vals[i] = WF_TUPLE_ITEM(args, i);
    for (int i = 0; kwargs && i < 4; i++) {
        wf_object *v;
        if (wf_dict_get_item_string_ref(kwargs, names[i], &v) > 0) {
            vals[i] = v;
            wf_decref(v); /* kwargs keeps it alive */
        }
    }
    property *p = (property *)o;
    wf_object *_Atomic *slots[4] = {&p->fget, &p->fset, &p->fdel, &p->doc};
    for (int i = 0; i < 4; i++) {
        wf_object *v = vals[i] && vals[i] != wf_None ? vals[i] : NULL;
        wfo_field_store(o, slots[i], v);
    }
    wfo_field_store(o, &p->name, NULL); /* as CPython: a new __init__ forgets the name */
    wf_object *fget = vals[0] && vals[0] != wf_None ? vals[0] : NULL; /* args keeps it alive */
    if (!(vals[3] && vals[3] != wf_None) && fget) {
        wf_object *d;
        if (wf_object_lookup_attr(fget, WFO_ID(__doc__), &d) > 0) {
            if (d != wf_None) wfo_field_store(o, &p->doc, d);
            wf_decref(d);
        }
        if (wf_err_occurred()) return -1;
    }
    return 0;
}
/* getter/setter/deleter: a copy with one function replaced (which = 0, 1,
 * 2 for fget, fset, fdel). */
static wf_object *property_copy(wf_object *o, int which, wf_object *f) {
    property *p = (property *)o;
    wf_object *fs[3] = {member_load(o, &p->fget), member_load(o, &p->fset),
                        member_load(o, &p->fdel)};
    wf_object *doc = member_load(o, &p->doc), *name = member_load(o, &p->name);
    wf_xdecref(fs[which]);
    fs[which] = wf_xnewref(f);
    wf_type *t = WF_TYPE(o);
    wf_object *args = wf_tuple_pack(4, fs[0] ? fs[0] : wf_None, fs[1] ? fs[1] : wf_None,
                                    fs[2] ? fs[2] : wf_None, doc ? doc : wf_None);
    wf_object *r = args ? wf_object_call((wf_object *)t, args, NULL) : NULL;
    wf_xdecref(args);
    if (r && WF_TYPE(r) == &wf_property_type && name) wfo_field_store(r, &((property *)r)->name, name);
    for (int i = 0; i < 3; i++) wf_xdecref(fs[i]);
    wf_xdecref(doc);
    wf_xdecref(name);
    return r;
}
static wf_object *property_getter(wf_object *o, wf_object *f) { return property_copy(o, 0, f); }
static wf_object *property_setter(wf_object *o, wf_object *f) { return property_copy(o, 1, f); }
static wf_object *property_deleter(wf_object *o, wf_object *f) { return property_copy(o, 2, f); }
static wf_object *property_set_name(wf_object *o, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs != 2)
        return wf_err_format(&wf_exc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                             nargs);
    wfo_field_store(o, &((property *)o)->name, args[1]);
    WF_RETURN_NONE;
}
static wf_method_def property_methods[] = {
    {"getter", property_getter, WF_METH_O, NULL},
    {"setter", property_setter, WF_METH_O, NULL},
    {"deleter", property_deleter, WF_METH_O, NULL},
    {"__set_name__", property_set_name, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
/* The writable __doc__: a WF_T_OBJECT member (member_load, stores under
 * the section); fget/fset/fdel: read-only, None when unset. */
static wf_member_def property_members[] = {
    {"__doc__", WF_T_OBJECT, offsetof(property, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};
static wf_object *property_field(wf_object *o, void *closure) {
    wf_object *v = member_load(o, (wf_object *_Atomic *)((char *)o + (size_t)closure));
    return v ? v : wf_newref(wf_None);
}
static int property_field_set(wf_object *o, wf_object *v, void *closure) {
    wf_err_format(&wf_exc_AttributeError, "readonly attribute"); /* as a read-only member */
    return -1;
}
static wf_getset_def property_getset[] = {
    {"fget", property_field, property_field_set, NULL, (void *)offsetof(property, fget)},
    {"fset", property_field, property_field_set, NULL, (void *)offsetof(property, fset)},
    {"fdel", property_field, property_field_set, NULL, (void *)offsetof(property, fdel)},
    {NULL, NULL, NULL, NULL, NULL},
};
wf_type wf_property_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "property",
    .tp_basicsize = sizeof(property),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse, /* gc */
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_new = wc_tp_new,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
};
