/*
 * runtime/objects/object.c — the `object` type: the root of every MRO.
 *
 * Owns: generic attribute access (descriptors + instance dicts, the
 * algorithm of object.__getattribute__/__setattr__), the default repr,
 * hash (identity) and comparison (identity for ==, NotImplemented
 * otherwise), object.__new__/__init__ argument checks, __class__.
 *
 * Thread-safety: object instances have no state of their own.  An
 * instance's dict pointer (at tp_dictoffset) is created lazily: the first
 * writer creates the dict under the instance's critical section and
 * publishes it with a release store; readers load it with acquire and,
 * once non-NULL, it never changes except by __dict__ assignment (also
 * under the critical section, the old dict freed by refcount only).
 */
#include "runtime/objects/objimpl.h"

#include <stdio.h>

wf_object *wfo_cmp_opnames[6];
const char *const wfo_cmp_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};

wf_hash_t wfo_object_hash_identity(wf_object *o) {
    /* Objects are 16-byte aligned: rotate the pointer like CPython does. */
    uintptr_t y = (uintptr_t)o;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    wf_hash_t h = (wf_hash_t)y;
    return h == -1 ? -2 : h;
}

wf_hash_t wf_object_hash_not_implemented(wf_object *o) {
    wf_err_format(&wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(WF_TYPE(o)));
    return -1;
}

wf_object *wfo_object_default_repr(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    wf_object *mod = NULL;
    if (t->tp_dict && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE))
        wf_dict_get_item_ref(t->tp_dict, WFO_ID(__module__), &mod);
    wf_object *qual = wf_object_getattr((wf_object *)t, WFO_ID(__qualname__));
    if (!qual) {
        wf_err_clear();
        qual = wf_str_from_cstr(wf_type_name(t));
        if (!qual) { wf_xdecref(mod); return NULL; }
    }
    wf_object *r;
    if (mod && WF_STR_CHECK(mod) && !wf_str_eq_cstr(mod, "builtins"))
        r = wf_str_from_format("<%U.%U object at %p>", mod, qual, (void *)o);
    else if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE) && strchr(t->tp_name, '.'))
        r = wf_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    else
        r = wf_str_from_format("<%U object at %p>", qual, (void *)o);
    wf_xdecref(mod);
    wf_decref(qual);
    return r;
}

static wf_object *object_str(wf_object *o) { return wf_object_repr(o); }

wf_object *wfo_object_richcompare(wf_object *a, wf_object *b, int op) {
    switch (op) {
    case WF_EQ:
        return wf_newref(a == b ? wf_True : wf_NotImplemented);
    case WF_NE: {
        /* By default __ne__ delegates to __eq__ and inverts the result. */
        wf_richcmpfunc f = WF_TYPE(a)->tp_richcompare;
        if (!f) return wf_newref(wf_NotImplemented);
        wf_object *r = f(a, b, WF_EQ);
        if (!r || r == wf_NotImplemented) return r;
        int t = wf_object_is_true(r);
        wf_decref(r);
        if (t < 0) return NULL;
        return wf_newref(wf_bool_from(!t));
    }
    default:
        return wf_newref(wf_NotImplemented);
    }
}

static int excess_args(wf_object *args, wf_object *kwargs) {
    return (args && WF_TUPLE_SIZE(args) > 0) || (kwargs && wf_dict_size(kwargs) > 0);
}

int wfo_object_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    wf_type *t = WF_TYPE(self);
    if (excess_args(args, kwargs)) {
        if (t->tp_init != wfo_object_init) {
            wf_err_set_string(&wf_exc_TypeError,
                              "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->tp_new == wfo_object_new) {
            wf_err_format(&wf_exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          wf_type_name(t));
            return -1;
        }
    }
    return 0;
}

wf_object *wfo_object_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (excess_args(args, kwargs)) {
        if (type->tp_new != wfo_object_new) {
            wf_err_set_string(&wf_exc_TypeError,
                              "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == wfo_object_init) {
            wf_err_format(&wf_exc_TypeError, "%s() takes no arguments", wf_type_name(type));
            return NULL;
        }
    }
    if (wf_type_has_flag(type, WF_TPFLAGS_IS_ABSTRACT)) {
        wf_object *am = wf_object_getattr((wf_object *)type, WFO_ID(__abstractmethods__));
        if (!am) return NULL;
        wf_object *lst = wf_sequence_list(am);
        wf_decref(am);
        if (!lst) return NULL;
        if (wf_list_sort(lst, NULL, 0) < 0) { wf_decref(lst); return NULL; }
        wf_ssize_t n = wf_list_size(lst);
        wf_object *sep = wf_str_from_cstr(", ");
        wf_object *joined = sep ? wf_str_join(sep, lst) : NULL;
        wf_xdecref(sep);
        wf_decref(lst);
        if (!joined) return NULL;
        wf_err_format(&wf_exc_TypeError,
                      "Can't instantiate abstract class %s with abstract method%s %U",
                      wf_type_name(type), n > 1 ? "s" : "", joined);
        wf_decref(joined);
        return NULL;
    }
    return wf_type_generic_alloc(type, 0);
}

wf_object **wf_object_dictptr(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    wf_ssize_t off = t->tp_dictoffset;
    if (off == 0) return NULL;
    if (off < 0) {
        size_t end = t->tp_varsize(o);
        end = (end + 7) & ~(size_t)7;
        return (wf_object **)((char *)o + end);
    }
    return (wf_object **)((char *)o + off);
}

static wf_object *dict_load(wf_object **dp) {
    return atomic_load_explicit((wf_object *_Atomic *)dp, memory_order_acquire);
}

/* The instance dict, created if needed; a new reference (NULL with an
 * exception). */
static wf_object *ensure_dict_ref(wf_object *o, wf_object **dp) {
    wf_object *d = wfo_instance_dict_ref(o, dp);
    if (d) return d;
    wf_object *nd = wf_dict_new();
    if (!nd) return NULL;
    WF_BEGIN_CRITICAL_SECTION(o);
    d = dict_load(dp);
    if (!d) {
        wf_incref(nd); /* one for the slot, one for the caller */
        atomic_store_explicit((wf_object *_Atomic *)dp, nd, memory_order_release);
        d = nd;
        nd = NULL;
    } else {
        wf_incref(d);
    }
    WF_END_CRITICAL_SECTION();
    if (nd) wf_decref(nd);
    return d;
}

static wf_object *no_attribute(wf_object *o, wf_object *name) {
    if (WF_TYPE_CHECK(o))
        wf_err_format(&wf_exc_AttributeError, "type object '%s' has no attribute '%U'",
                      wf_type_name((wf_type *)o), name);
    else
        wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '%U'",
                      wf_type_name(WF_TYPE(o)), name);
    /* name and obj attributes as in 3.10+ */
    wf_object *exc = wf_err_peek();
    if (exc && WF_TYPE(exc) == &wf_exc_AttributeError) {
        wf_object_setattr_string(exc, "name", name);
        wf_object_setattr_string(exc, "obj", o);
        if (!wf_err_peek()) wf_err_restore(wf_newref(exc));
    }
    return NULL;
}

static wf_object *generic_getattr_impl(wf_object *o, wf_object *name, int suppress) {
    if (!WF_STR_CHECK(name)) {
        wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'",
                      wf_type_name(WF_TYPE(name)));
        return NULL;
    }
    wf_type *t = WF_TYPE(o);
    wf_object *descr = wfo_type_lookup_ref(t, name); /* new reference (typecache.h) */
    wf_descrgetfunc get = NULL;
    if (descr) {
        get = WF_TYPE(descr)->tp_descr_get;
        if (get && WF_TYPE(descr)->tp_descr_set) {
            wf_object *r = get(descr, o, (wf_object *)t);
            wf_decref(descr);
            return r;
        }
    }
    {
        wf_object *v;
        int r = wfo_instance_dict_get_ref(o, name, &v);
        if (r != 0) {
            wf_xdecref(descr);
            return r > 0 ? v : NULL;
        }
    }
    if (get) {
        wf_object *r = get(descr, o, (wf_object *)t);
        wf_decref(descr);
        return r;
    }
    if (descr) return descr;
    if (suppress) return NULL;
    return no_attribute(o, name);
}

wf_object *wf_object_generic_getattr(wf_object *o, wf_object *name) {
    return generic_getattr_impl(o, name, 0);
}

int wf_object_generic_setattr(wf_object *o, wf_object *name, wf_object *value) {
    if (!WF_STR_CHECK(name)) {
        wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'",
                      wf_type_name(WF_TYPE(name)));
        return -1;
    }
    wf_type *t = WF_TYPE(o);
    wf_object *descr = wfo_type_lookup_ref(t, name); /* new reference (typecache.h) */
    if (descr) {
        wf_descrsetfunc set = WF_TYPE(descr)->tp_descr_set;
        if (set) {
            int r = set(descr, o, value);
            wf_decref(descr);
            return r;
        }
        wf_decref(descr); /* only whether there was one counts below */
    }
    wf_object **dp = wf_object_dictptr(o);
    if (!dp) {
        if (descr)
            wf_err_format(&wf_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                          wf_type_name(t), name);
        else if (t == &wf_object_type || !wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE))
            wf_err_format(&wf_exc_AttributeError,
                          "'%s' object has no attribute '%U'", wf_type_name(t), name);
        else
            wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '%U'",
                          wf_type_name(t), name);
        return -1;
    }
    if (!value) {
        wf_object *d = wfo_instance_dict_ref(o, dp);
        int r = d ? wf_dict_pop(d, name, NULL) : 0;
        wf_xdecref(d);
        if (r < 0) return -1;
        if (r == 0) {
            no_attribute(o, name);
            return -1;
        }
        return 0;
    }
    wf_object *d = ensure_dict_ref(o, dp);
    if (!d) return -1;
    int r = wf_dict_set_item(d, name, value);
    wf_decref(d);
    return r;
}

/* object.__dict__ getset (installed on heap types with a dict). */
wf_object *wfo_object_get_dict(wf_object *o, void *closure) {
    wf_object **dp = wf_object_dictptr(o);
    if (!dp) {
        wf_err_set_string(&wf_exc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    return ensure_dict_ref(o, dp);
}

int wfo_object_set_dict(wf_object *o, wf_object *value, void *closure) {
    wf_object **dp = wf_object_dictptr(o);
    if (!dp) {
        wf_err_set_string(&wf_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!WF_DICT_CHECK(value)) {
        wf_err_format(&wf_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      wf_type_name(WF_TYPE(value)));
        return -1;
    }
    wf_incref(value);
    wf_object *old;
    WF_BEGIN_CRITICAL_SECTION(o);
    old = dict_load(dp);
    atomic_store_explicit((wf_object *_Atomic *)dp, value, memory_order_release);
    WF_END_CRITICAL_SECTION();
    /* Readers load the slot without a lock and incref the dict
     * (wfo_instance_dict_ref) or use it uncounted until their next
     * quiescent state (wfo_instance_dict_get_ref): the old dict goes after
     * a grace period. */
    wfo_release_after_grace(old);
    return 0;
}

static wf_object *object_get_class(wf_object *o, void *closure) {
    return wf_newref((wf_object *)WF_TYPE(o));
}

static int object_set_class(wf_object *o, wf_object *value, void *closure) {
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!WF_TYPE_CHECK(value)) {
        wf_err_format(&wf_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      wf_type_name(WF_TYPE(value)));
        return -1;
    }
    wf_type *newt = (wf_type *)value, *oldt = WF_TYPE(o);
    if (!wf_type_has_flag(newt, WF_TPFLAGS_HEAPTYPE) || !wf_type_has_flag(oldt, WF_TPFLAGS_HEAPTYPE)) {
        wf_err_set_string(&wf_exc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (newt->tp_basicsize != oldt->tp_basicsize || newt->tp_itemsize != oldt->tp_itemsize ||
        newt->tp_dictoffset != oldt->tp_dictoffset || newt->tp_dealloc != oldt->tp_dealloc) {
        wf_err_format(&wf_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                      wf_type_name(newt), wf_type_name(oldt));
        return -1;
    }
    wf_incref(value);
    /* ob_type is immutable in the general rule, and every reader loads it
     * plainly (WF_TYPE); __class__ assignment is the one writer.  In the
     * free-threaded flavour it stores with the world stopped, as CPython
     * 3.13t does, so no thread is between reading the type and using it,
     * and the pause orders the store with every later read.  Each
     * assignment releases the reference of the type it replaced, read in
     * the pause: two threads assigning at once never both release the one
     * they saw first.  (A borrowed old type stays valid anyway: heap types
     * are counted per thread and freed only by the collector.) */
    wf_type *replaced;
#if WF_FREE_THREADED
    bool stw = wft_current() != NULL;
    if (stw) wft_stop_the_world();
    replaced = atomic_load_explicit((wf_type *_Atomic *)&o->ob_type, memory_order_relaxed);
    atomic_store_explicit((wf_type *_Atomic *)&o->ob_type, newt, memory_order_release);
    if (stw) wft_start_the_world();
#else
    replaced = oldt;
    o->ob_type = newt;
#endif
    wf_decref((wf_object *)replaced);
    return 0;
}

static wf_object *object_reduce_unsupported(wf_object *self, wf_object *unused) {
    return wf_err_format(&wf_exc_TypeError, "cannot pickle '%s' object", wf_type_name(WF_TYPE(self)));
}

/* object.__getstate__() (3.11): the instance dict when it is non-empty,
 * else None; with __slots__ values set, (that, {slot: value}). */
static wf_object *object_getstate(wf_object *self, wf_object *unused) {
    wf_object **dp = wf_object_dictptr(self);
    wf_object *d = dp ? wfo_instance_dict_ref(self, dp) : NULL;
    wf_object *state = (d && wf_dict_size(d) > 0) ? wf_newref(d) : wf_newref(wf_None);
    wf_xdecref(d);
    wf_object *slots = NULL;
    wf_object *mro = WF_TYPE(self)->tp_mro;
    for (wf_ssize_t i = 0; mro && i < WF_TUPLE_SIZE(mro); i++) {
        wf_type *t = (wf_type *)WF_TUPLE_ITEM(mro, i);
        if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) continue;
        wf_member_def *m = ((wf_heaptype *)t)->ht_members;
        for (; m && m->name; m++) {
            wf_object *v = wfo_member_get(self, m);
            if (!v) {
                if (!wf_err_matches((wf_object *)&wf_exc_AttributeError)) goto fail;
                wf_err_clear();
                continue;
            }
            if (!slots && !(slots = wf_dict_new())) {
                wf_decref(v);
                goto fail;
            }
            int r = wf_dict_set_item_string(slots, m->name, v);
            wf_decref(v);
            if (r < 0) goto fail;
        }
    }
    if (slots) {
        wf_object *t = wf_tuple_pack(2, state, slots);
        wf_decref(state);
        wf_decref(slots);
        return t;
    }
    return state;
fail:
    wf_decref(state);
    wf_xdecref(slots);
    return NULL;
}

static wf_object *object_subclasshook(wf_object *cls, wf_object *const *args, wf_ssize_t nargs) {
    return wf_newref(wf_NotImplemented);
}

static wf_object *object_dir(wf_object *self, wf_object *unused) {
    /* Attributes of the instance dict plus those of the class and bases. */
    wf_object *result = wf_dict_new();
    if (!result) return NULL;
    wf_object **dp = wf_object_dictptr(self);
    wf_object *d = dp ? wfo_instance_dict_ref(self, dp) : NULL;
    int merged = d ? wf_dict_merge(result, d, 1) : 0;
    wf_xdecref(d);
    if (merged < 0) goto fail;
    wf_type *t = WF_TYPE(self);
    if (t->tp_mro) {
        for (wf_ssize_t i = WF_TUPLE_SIZE(t->tp_mro) - 1; i >= 0; i--) {
            wf_type *b = (wf_type *)WF_TUPLE_ITEM(t->tp_mro, i);
            if (b->tp_dict && wf_dict_merge(result, b->tp_dict, 1) < 0) goto fail;
        }
    }
    wf_object *keys = wf_dict_keys(result);
    wf_decref(result);
    return keys;
fail:
    wf_decref(result);
    return NULL;
}

static wf_object *object_format(wf_object *self, wf_object *spec) {
    if (!WF_STR_CHECK(spec))
        return wf_err_format(&wf_exc_TypeError, "format() argument 2 must be str, not %s",
                             wf_type_name(WF_TYPE(spec)));
    if (wf_str_len(spec) > 0)
        return wf_err_format(&wf_exc_TypeError, "unsupported format string passed to %s.__format__",
                             wf_type_name(WF_TYPE(self)));
    return wf_object_str(self);
}

static wf_object *object_init_subclass(wf_object *cls, wf_object *unused) { WF_RETURN_NONE; }

static wf_object *object_sizeof(wf_object *self, wf_object *unused) {
    wf_type *t = WF_TYPE(self);
    return wf_int_from_ssize((wf_ssize_t)t->tp_basicsize);
}

static wf_method_def object_methods[] = {
    {"__reduce__", object_reduce_unsupported, WF_METH_NOARGS, NULL},
    {"__getstate__", object_getstate, WF_METH_NOARGS, NULL},
    {"__subclasshook__", object_subclasshook, WF_METH_FASTCALL | WF_METH_CLASS, NULL},
    {"__dir__", object_dir, WF_METH_NOARGS, NULL},
    {"__format__", object_format, WF_METH_O, NULL},
    {"__init_subclass__", object_init_subclass, WF_METH_NOARGS | WF_METH_CLASS, NULL},
    {"__sizeof__", object_sizeof, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_getset_def object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void object_dealloc(wf_object *o) { wfo_free_instance(o); }

wf_type wf_object_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "object",
    .tp_basicsize = sizeof(wf_object),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = wfo_object_default_repr,
    .tp_str = object_str,
    .tp_hash = wfo_object_hash_identity,
    .tp_richcompare = wfo_object_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_init = wfo_object_init,
    .tp_new = wfo_object_new,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_doc = "The base class of the class hierarchy.",
};
