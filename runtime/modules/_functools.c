/*
 * runtime/modules/_functools.c — the _functools module: partial, reduce,
 * cmp_to_key (its functools.KeyWrapper objects).
 *
 * partial: fn/args/keywords are set by __new__ and replaced only by
 * __setstate__ (copy, pickle), which any thread may call while others call
 * the partial.  Calls read them without locks (acquire loads) and use them
 * borrowed, so __setstate__ never frees a replaced value: it swaps the
 * fields under the partial's critical section (release stores) and moves
 * the old values to p->retired, released with the partial.  A racing call
 * may combine an old field with a new one (racy values), never a freed
 * one.  A partial of a partial without an instance __dict__ is flattened
 * as CPython does.  partial is not a descriptor, so it is not bound as a
 * method when stored in a class.  The instance __dict__ pointer is created
 * on demand by the generic attribute code, and __setstate__ replaces it
 * through the same setter as `p.__dict__ = d`.
 *
 * KeyWrapper: cmp and obj are immutable after creation.
 *
 * Thread-safety: no shared mutable state besides the instance dict, which
 * is a dict with its own lock.
 */
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/containers.h"

/* --- partial ------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *_Atomic fn;   /* callable (FN: acquire load) */
    wf_object *_Atomic args; /* tuple (ARGS) */
    wf_object *_Atomic kw;   /* dict, never mutated once stored (KW) */
    wf_object *dict;         /* instance __dict__ or NULL (generic attribute code) */
    wf_object *retired;      /* list of values __setstate__ replaced, or NULL;
                                under the critical section */
} partial_obj;

#define FN(p) atomic_load_explicit(&(p)->fn, memory_order_acquire)
#define ARGS(p) atomic_load_explicit(&(p)->args, memory_order_acquire)
#define KW(p) atomic_load_explicit(&(p)->kw, memory_order_acquire)

static wf_type partial_type;

static wf_object *partial_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                               wf_object *kwnames);

static wf_object *partial_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n < 1) {
        wf_err_set_string(&wf_exc_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    wf_object *func = WF_TUPLE_ITEM(args, 0);
    wf_object *pargs = NULL, *pkw = NULL;
    if (WF_TYPE(func)->tp_call == partial_call) {
        partial_obj *part = (partial_obj *)func;
        wf_object *pd = wfo_instance_dict_ref(func, &part->dict);
        if (pd == NULL || wf_dict_size(pd) == 0) {
            pargs = ARGS(part);
            pkw = KW(part);
            func = FN(part);
        }
        wf_xdecref(pd);
    }
    if (!wf_callable_check(func)) {
        wf_err_set_string(&wf_exc_TypeError, "the first argument must be callable");
        return NULL;
    }
    partial_obj *self = (partial_obj *)wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    /* Private until returned: relaxed stores. */
    atomic_store_explicit(&self->fn, wf_newref(func), memory_order_relaxed);
    wf_object *rest = wf_tuple_slice(args, 1, n), *a, *kw;
    if (!rest) goto fail;
    if (pargs && WF_TUPLE_SIZE(pargs) > 0) {
        a = wf_sequence_concat(pargs, rest);
        wf_decref(rest);
        if (!a) goto fail;
    } else {
        a = rest;
    }
    atomic_store_explicit(&self->args, a, memory_order_relaxed);
    kw = pkw && wf_dict_size(pkw) > 0 ? wf_dict_copy(pkw) : wf_dict_new();
    if (!kw) goto fail;
    atomic_store_explicit(&self->kw, kw, memory_order_relaxed);
    if (kwargs && wf_dict_merge(kw, kwargs, 1) < 0) goto fail;
    return (wf_object *)self;
fail:
    wf_decref((wf_object *)self);
    return NULL;
}

static wf_object *partial_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                               wf_object *kwnames) {
    partial_obj *p = (partial_obj *)callable;
    wf_object *fn = FN(p), *pargs = ARGS(p), *pkw = KW(p);
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    wf_ssize_t np = WF_TUPLE_SIZE(pargs);
    if (wf_dict_size(pkw) == 0) {
        wf_ssize_t total = np + nargs + nkw;
        wf_object *stack[16];
        wf_object **a = total <= 16 ? stack : wfm_malloc(sizeof(wf_object *) * (size_t)total);
        if (!a) return wf_err_no_memory();
        for (wf_ssize_t i = 0; i < np; i++) a[i] = WF_TUPLE_ITEM(pargs, i);
        for (wf_ssize_t i = 0; i < nargs + nkw; i++) a[np + i] = args[i];
        wf_object *r = wf_object_vectorcall(fn, a, (size_t)(np + nargs), kwnames);
        if (a != stack) wfm_free(a);
        return r;
    }
    wf_object *t = wf_tuple_new(np + nargs);
    if (!t) return NULL;
    for (wf_ssize_t i = 0; i < np; i++) WF_TUPLE_ITEM(t, i) = wf_newref(WF_TUPLE_ITEM(pargs, i));
    for (wf_ssize_t i = 0; i < nargs; i++) WF_TUPLE_ITEM(t, np + i) = wf_newref(args[i]);
    wf_object *kw = wf_dict_copy(pkw);
    if (!kw) {
        wf_decref(t);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < nkw; i++)
        if (wf_dict_set_item(kw, WF_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
            wf_decref(t);
            wf_decref(kw);
            return NULL;
        }
    wf_object *r = wf_object_call(fn, t, kw);
    wf_decref(t);
    wf_decref(kw);
    return r;
}

static wf_object *partial_repr(wf_object *o) {
    partial_obj *p = (partial_obj *)o;
    wf_object *fn = FN(p), *pargs = ARGS(p), *pkw = KW(p);
    int rc = wf_repr_enter(o);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_cstr("...");
    wf_object *r = NULL;
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_strbuf_puts(&b, WF_TYPE(o)->tp_name) < 0 || wfo_strbuf_puts(&b, "(") < 0 ||
        wfo_strbuf_append_repr(&b, fn) < 0)
        goto done;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(pargs); i++)
        if (wfo_strbuf_puts(&b, ", ") < 0 || wfo_strbuf_append_repr(&b, WF_TUPLE_ITEM(pargs, i)) < 0)
            goto done;
    wf_ssize_t pos = 0;
    wf_object *k, *v;
    while (wf_dict_next(pkw, &pos, &k, &v)) {
        wf_object *ks = wf_object_str(k);
        int bad = !ks;
        if (!bad) {
            wf_ssize_t len;
            const char *u = wf_str_utf8(ks, &len);
            bad = !u || wfo_strbuf_puts(&b, ", ") < 0 || wfo_strbuf_append(&b, u, (size_t)len) < 0 ||
                  wfo_strbuf_puts(&b, "=") < 0 || wfo_strbuf_append_repr(&b, v) < 0;
            wf_decref(ks);
        }
        wf_decref(k);
        wf_decref(v);
        if (bad) goto done;
    }
    if (wfo_strbuf_puts(&b, ")") < 0) goto done;
    r = wfo_strbuf_finish(&b);
    b.data = NULL;
done:
    if (b.data) wfo_strbuf_free(&b);
    wf_repr_leave(o);
    return r;
}

static int partial_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    partial_obj *p = (partial_obj *)o;
    wf_object *f[5] = {FN(p), ARGS(p), KW(p), p->dict, p->retired};
    for (int i = 0; i < 5; i++)
        if (f[i] && visit(f[i], arg)) return -1;
    return 0;
}

static void partial_dealloc(wf_object *o) {
    partial_obj *p = (partial_obj *)o;
    wf_xdecref(atomic_exchange_explicit(&p->fn, NULL, memory_order_relaxed));
    wf_xdecref(atomic_exchange_explicit(&p->args, NULL, memory_order_relaxed));
    wf_xdecref(atomic_exchange_explicit(&p->kw, NULL, memory_order_relaxed));
    WF_CLEAR(p->dict);
    WF_CLEAR(p->retired);
    wfo_free_instance(o);
}

static wf_object *partial_reduce(wf_object *o, wf_object *unused) {
    (void)unused;
    partial_obj *p = (partial_obj *)o;
    wf_object *fn = FN(p), *dict = wfo_instance_dict_ref(o, &p->dict);
    wf_object *fnt = wf_tuple_pack(1, fn);
    if (!fnt) {
        wf_xdecref(dict);
        return NULL;
    }
    wf_object *st = wf_tuple_pack(4, fn, ARGS(p), KW(p), dict ? dict : wf_None);
    wf_xdecref(dict);
    wf_object *r = st ? wf_tuple_pack(3, (wf_object *)WF_TYPE(o), fnt, st) : NULL;
    wf_decref(fnt);
    if (st) wf_decref(st);
    return r;
}

/* __setstate__((fn, args, kwds, dict)): copy and pickle call it on a
 * fresh partial, but any thread may call it on a shared one (see the top
 * of this file: the replaced values are retired, not released). */
static wf_object *partial_setstate(wf_object *o, wf_object *state) {
    partial_obj *p = (partial_obj *)o;
    if (!WF_TUPLE_CHECK(state) || WF_TUPLE_SIZE(state) != 4 ||
        !wf_callable_check(WF_TUPLE_ITEM(state, 0)) || !WF_TUPLE_CHECK(WF_TUPLE_ITEM(state, 1)) ||
        (WF_TUPLE_ITEM(state, 2) != wf_None && !WF_DICT_CHECK(WF_TUPLE_ITEM(state, 2))) ||
        (WF_TUPLE_ITEM(state, 3) != wf_None && !WF_DICT_CHECK(WF_TUPLE_ITEM(state, 3)))) {
        wf_err_set_string(&wf_exc_TypeError, "invalid partial state");
        return NULL;
    }
    wf_object *fn = WF_TUPLE_ITEM(state, 0), *args = WF_TUPLE_ITEM(state, 1);
    wf_object *kw = WF_TUPLE_ITEM(state, 2), *dict = WF_TUPLE_ITEM(state, 3);
    wf_object *nargs = WF_TUPLE_CHECK_EXACT(args) ? wf_newref(args) : wf_sequence_tuple(args);
    if (!nargs) return NULL;
    wf_object *nkw = kw == wf_None ? wf_dict_new() : WF_DICT_CHECK_EXACT(kw) ? wf_newref(kw)
                                                                            : wf_dict_copy(kw);
    if (!nkw) {
        wf_decref(nargs);
        return NULL;
    }
    int rc = 0;
    wf_incref(fn);
    WF_BEGIN_CRITICAL_SECTION(o);
    if (!p->retired) p->retired = wf_list_new(0);
    wf_object *old[3] = {atomic_load_explicit(&p->fn, memory_order_relaxed),
                         atomic_load_explicit(&p->args, memory_order_relaxed),
                         atomic_load_explicit(&p->kw, memory_order_relaxed)};
    for (int i = 0; i < 3 && p->retired; i++)
        if (old[i] && wf_list_append(p->retired, old[i]) < 0) rc = -1;
    if (!p->retired || rc < 0) {
        rc = -1; /* out of memory: keep the old state */
    } else {
        atomic_store_explicit(&p->fn, fn, memory_order_release);
        atomic_store_explicit(&p->args, nargs, memory_order_release);
        atomic_store_explicit(&p->kw, nkw, memory_order_release);
        for (int i = 0; i < 3; i++) wf_xdecref(old[i]); /* the retired list holds them */
    }
    WF_END_CRITICAL_SECTION();
    if (rc < 0) {
        wf_decref(fn);
        wf_decref(nargs);
        wf_decref(nkw);
        if (!wf_err_occurred()) wf_err_no_memory();
        return NULL;
    }
    /* The instance dict: through the same setter as `p.__dict__ = d`. */
    if (dict != wf_None || atomic_load_explicit((wf_object *_Atomic *)&p->dict, memory_order_relaxed)) {
        wf_object *d = dict == wf_None ? wf_dict_new() : wf_newref(dict);
        if (!d) return NULL;
        rc = wfo_object_set_dict(o, d, NULL);
        wf_decref(d);
        if (rc < 0) return NULL;
    }
    WF_RETURN_NONE;
}

static wf_member_def partial_members[] = {
    {"func", WF_T_OBJECT, offsetof(partial_obj, fn), WF_READONLY, "function object to use in future partial calls"},
    {"args", WF_T_OBJECT, offsetof(partial_obj, args), WF_READONLY, "tuple of arguments to future partial calls"},
    {"keywords", WF_T_OBJECT, offsetof(partial_obj, kw), WF_READONLY, "dictionary of keyword arguments to future partial calls"},
    {NULL, 0, 0, 0, NULL},
};

static wf_getset_def partial_getset[] = {
    {"__dict__", wfo_object_get_dict, wfo_object_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_method_def partial_methods[] = {
    {"__reduce__", partial_reduce, WF_METH_NOARGS, NULL},
    {"__setstate__", partial_setstate, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_type partial_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(partial_obj),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = partial_dealloc,
    .tp_traverse = partial_traverse,
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_new = partial_new,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_methods = partial_methods,
    .tp_dictoffset = offsetof(partial_obj, dict),
    .tp_doc = "partial(func, *args, **keywords) - new function with partial application\n"
              "    of the given arguments and keywords.\n",
};

/* --- reduce -------------------------------------------------------------- */
static wf_object *f_reduce(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("reduce", nargs, 2, 3) < 0) return NULL;
    wf_object *func = args[0];
    wf_object *it = wf_object_get_iter(args[1]);
    if (!it) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_set_string(&wf_exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    wf_object *result = nargs == 3 ? wf_newref(args[2]) : NULL;
    for (;;) {
        wf_object *item = wf_iter_next(it);
        if (!item) {
            if (wf_err_occurred()) goto fail;
            break;
        }
        if (!result) {
            result = item;
            continue;
        }
        wf_object *pair[2] = {result, item};
        wf_object *r = wf_object_vectorcall(func, pair, 2, NULL);
        wf_decref(result);
        wf_decref(item);
        result = r;
        if (!r) goto fail;
    }
    wf_decref(it);
    if (!result)
        wf_err_set_string(&wf_exc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
fail:
    if (result) wf_decref(result);
    wf_decref(it);
    return NULL;
}

/* --- cmp_to_key ---------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *cmp;    /* immutable */
    wf_object *object; /* immutable; NULL for the factory returned by cmp_to_key */
} key_obj;

static wf_type key_type;

static wf_object *key_new_obj(wf_object *cmp, wf_object *obj) {
    key_obj *k = (key_obj *)wf_type_generic_alloc(&key_type, 0);
    if (!k) return NULL;
    k->cmp = wf_newref(cmp);
    k->object = obj ? wf_newref(obj) : NULL;
    return (wf_object *)k;
}

static wf_object *key_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                           wf_object *kwnames) {
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (kwnames && WF_TUPLE_SIZE(kwnames)) {
        if (nargs == 0 && WF_TUPLE_SIZE(kwnames) == 1 && wf_str_eq_cstr(WF_TUPLE_ITEM(kwnames, 0), "obj"))
            return key_new_obj(((key_obj *)callable)->cmp, args[0]);
        wf_err_format(&wf_exc_TypeError, "K() got an unexpected keyword argument '%U'",
                      WF_TUPLE_ITEM(kwnames, 0));
        return NULL;
    }
    if (nargs != 1) {
        wf_err_format(&wf_exc_TypeError, "K() takes exactly 1 argument (%zd given)", nargs);
        return NULL;
    }
    return key_new_obj(((key_obj *)callable)->cmp, args[0]);
}

static wf_object *key_richcompare(wf_object *a, wf_object *b, int op) {
    if (WF_TYPE(b) != &key_type) {
        wf_err_set_string(&wf_exc_TypeError, "other argument must be K instance");
        return NULL;
    }
    key_obj *ka = (key_obj *)a, *kb = (key_obj *)b;
    if (!ka->object || !kb->object) {
        wf_err_format(&wf_exc_AttributeError, "object");
        return NULL;
    }
    wf_object *pair[2] = {ka->object, kb->object};
    wf_object *res = wf_object_vectorcall(ka->cmp, pair, 2, NULL);
    if (!res) return NULL;
    wf_object *zero = wf_int_from_i64(0);
    wf_object *r = zero ? wf_object_rich_compare(res, zero, op) : NULL;
    if (zero) wf_decref(zero);
    wf_decref(res);
    return r;
}

static int key_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    key_obj *k = (key_obj *)o;
    if (k->cmp && visit(k->cmp, arg)) return -1;
    if (k->object && visit(k->object, arg)) return -1;
    return 0;
}

static void key_dealloc(wf_object *o) {
    key_obj *k = (key_obj *)o;
    WF_CLEAR(k->cmp);
    WF_CLEAR(k->object);
    wfo_free_instance(o);
}

static wf_member_def key_members[] = {
    {"obj", WF_T_OBJECT, offsetof(key_obj, object), 0, "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL},
};

static wf_type key_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(key_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = key_dealloc,
    .tp_traverse = key_traverse,
    .tp_call = key_call,
    .tp_richcompare = key_richcompare,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_members = key_members,
};

static wf_object *f_cmp_to_key(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    (void)self;
    wf_object *mycmp = NULL;
    if (nargs == 1 && (!kwnames || WF_TUPLE_SIZE(kwnames) == 0)) {
        mycmp = args[0];
    } else if (nargs == 0 && kwnames && WF_TUPLE_SIZE(kwnames) == 1 &&
               wf_str_eq_cstr(WF_TUPLE_ITEM(kwnames, 0), "mycmp")) {
        mycmp = args[0];
    } else if (kwnames && WF_TUPLE_SIZE(kwnames) > 0 && nargs == 0) {
        return wf_err_format(&wf_exc_TypeError, "cmp_to_key() got an unexpected keyword argument '%U'",
                             WF_TUPLE_ITEM(kwnames, 0));
    } else if (nargs == 0) {
        return wf_err_format(&wf_exc_TypeError,
                             "cmp_to_key() missing required argument 'mycmp' (pos 1)");
    } else {
        return wf_err_format(&wf_exc_TypeError, "cmp_to_key() takes at most 1 argument (%zd given)",
                             nargs + (kwnames ? WF_TUPLE_SIZE(kwnames) : 0));
    }
    return key_new_obj(mycmp, NULL);
}

static wf_method_def functools_methods[] = {
    {"reduce", f_reduce, WF_METH_FASTCALL,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments "
     "cumulatively to the items of a sequence\nor iterable, from left to right, so as to reduce "
     "the iterable to a single\nvalue."},
    {"cmp_to_key", f_cmp_to_key, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Convert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_functools) {
    if (wf_type_ready(&partial_type) < 0 || wf_type_ready(&key_type) < 0) return NULL;
    wf_object *m = wf_module_new("_functools");
    if (!m) return NULL;
    if (wf_module_add_functions(m, functools_methods) < 0 ||
        wf_module_add_object(m, "partial", (wf_object *)&partial_type) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
