/*
 * runtime/objects/object_extra.c — the type attributes type.c does not
 * define (__basicsize__, __itemsize__, __flags__, __dictoffset__,
 * __weakrefoffset__, __text_signature__, __annotations__) and
 * wfo_methods_extra_init, which installs everything engineer "methods"
 * adds after the types are readied (number_extra.c, bytes_extra.c,
 * genericalias.c, this file).
 *
 * Invariants: the layout fields read here are immutable once a type is
 * ready.  __annotations__ lives in the class dict (a thread-safe dict);
 * the getter may store a fresh {} there, like CPython — two racing
 * readers may each create one, the last store wins (both are empty).
 * wfo_methods_extra_init runs once from wf_objects_init, single-threaded.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/vm/vm.h"

int wfo_extra_add_methods(wf_type *type, wf_method_def *defs); /* number_extra.c */
int wfo_extra_add_getsets(wf_type *type, wf_getset_def *defs); /* number_extra.c */
int wfo_number_extra_init(void);                               /* number_extra.c */
int wfo_bytes_extra_init(void);                                /* bytes_extra.c */
int wfo_genericalias_init(void);                               /* genericalias.c */

static wf_object *type_basicsize(wf_object *t, void *c) {
    (void)c;
    return wf_int_from_u64(((wf_type *)t)->tp_basicsize);
}
static wf_object *type_itemsize(wf_object *t, void *c) {
    (void)c;
    return wf_int_from_u64(((wf_type *)t)->tp_itemsize);
}
static wf_object *type_flags(wf_object *t, void *c) {
    (void)c;
    return wf_int_from_u64(((wf_type *)t)->tp_flags);
}
static wf_object *type_dictoffset(wf_object *t, void *c) {
    (void)c;
    return wf_int_from_i64(((wf_type *)t)->tp_dictoffset);
}
static wf_object *type_weakrefoffset(wf_object *t, void *c) {
    (void)c;
    return wf_int_from_i64(((wf_type *)t)->tp_weaklistoffset);
}
static wf_object *type_text_signature(wf_object *t, void *c) {
    (void)t;
    (void)c;
    return wf_newref(wf_None);
}

static wf_object *type_get_annotations(wf_object *t, void *c) {
    (void)c;
    wf_type *type = (wf_type *)t;
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE))
        return wf_err_format(&wf_exc_AttributeError,
                             "type object '%s' has no attribute '__annotations__'", type->tp_name);
    wf_object *ann = NULL;
    int r = wf_dict_get_item_ref(type->tp_dict, WFO_ID(__annotations__), &ann);
    if (r < 0) return NULL;
    if (r > 0) {
        wf_descrgetfunc get = WF_TYPE(ann)->tp_descr_get;
        if (get) {
            wf_object *v = get(ann, NULL, t);
            wf_decref(ann);
            return v;
        }
        return ann;
    }
    ann = wf_dict_new();
    if (!ann) return NULL;
    if (wf_dict_set_item(type->tp_dict, WFO_ID(__annotations__), ann) < 0) {
        wf_decref(ann);
        return NULL;
    }
    wf_type_modified(type);
    return ann;
}

static int type_set_annotations(wf_object *t, wf_object *value, void *c) {
    (void)c;
    wf_type *type = (wf_type *)t;
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) {
        wf_err_format(&wf_exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                      type->tp_name);
        return -1;
    }
    /* Store (or delete), bump the tag, then release the old value
     * (runtime/objects/typecache.h). */
    int r = wfo_type_dict_store(type, WFO_ID(__annotations__), value);
    if (r == 1) {
        wf_err_set_object(&wf_exc_AttributeError, WFO_ID(__annotations__));
        r = -1;
    }
    return r;
}

/* --- object.__reduce_ex__(protocol) ------------------------------------------ */

/* copyreg-style reduction for protocol >= 2: (copyreg.__newobj__,
 * (cls,) + args, state, listitems, dictitems), or __newobj_ex__ when
 * __getnewargs_ex__ gives keyword arguments. */
static wf_object *reduce_newobj(wf_object *self) {
    wf_type *cls = WF_TYPE(self);
    if (!cls->tp_new)
        return wf_err_format(&wf_exc_TypeError, "cannot pickle '%s' object", cls->tp_name);
    wf_object *args = NULL, *kwargs = NULL, *meth = NULL;
    int r = wf_object_lookup_attr(self, wf_str_intern_cstr("__getnewargs_ex__"), &meth);
    if (r < 0) return NULL;
    if (r > 0) {
        wf_object *res = wf_object_call_noargs(meth);
        wf_decref(meth);
        if (!res) return NULL;
        if (WF_TYPE(res) != &wf_tuple_type || ((wf_tuple *)res)->ob_size != 2) {
            wf_decref(res);
            return wf_err_format(&wf_exc_TypeError,
                                 "__getnewargs_ex__ should return a tuple of length 2");
        }
        args = wf_newref(WF_TUPLE_ITEM(res, 0));
        kwargs = wf_newref(WF_TUPLE_ITEM(res, 1));
        wf_decref(res);
    } else {
        r = wf_object_lookup_attr(self, wf_str_intern_cstr("__getnewargs__"), &meth);
        if (r < 0) return NULL;
        if (r > 0) {
            args = wf_object_call_noargs(meth);
            wf_decref(meth);
            if (!args) return NULL;
            if (WF_TYPE(args) != &wf_tuple_type) {
                wf_object *e = wf_err_format(&wf_exc_TypeError,
                                             "__getnewargs__ should return a tuple, not '%T'", args);
                wf_decref(args);
                return e;
            }
        } else {
            args = wf_tuple_pack(0);
            if (!args) return NULL;
        }
    }
    wf_object *copyreg = wfv_import_module("copyreg");
    wf_object *newobj = NULL, *newargs = NULL, *state = NULL, *li = NULL, *di = NULL, *res = NULL;
    if (!copyreg) goto out;
    int has_kw = kwargs && kwargs != wf_None && wf_object_is_true(kwargs) > 0;
    newobj = wf_object_getattr_string(copyreg, has_kw ? "__newobj_ex__" : "__newobj__");
    if (!newobj) goto out;
    if (has_kw) {
        newargs = wf_tuple_pack(3, (wf_object *)cls, args, kwargs);
    } else {
        wf_ssize_t n = ((wf_tuple *)args)->ob_size;
        wf_object *l = wf_list_new(0);
        if (!l || wf_list_append(l, (wf_object *)cls) < 0) {
            wf_xdecref(l);
            goto out;
        }
        for (wf_ssize_t i = 0; i < n; i++)
            if (wf_list_append(l, WF_TUPLE_ITEM(args, i)) < 0) {
                wf_decref(l);
                goto out;
            }
        newargs = wf_list_as_tuple(l);
        wf_decref(l);
    }
    if (!newargs) goto out;
    state = wf_object_call_method(self, "__getstate__", NULL, 0);
    if (!state) goto out;
    if (WF_LIST_CHECK(self)) {
        li = wf_object_get_iter(self);
        if (!li) goto out;
    } else {
        li = wf_newref(wf_None);
    }
    if (WF_DICT_CHECK(self)) {
        wf_object *items = wf_object_call_method(self, "items", NULL, 0);
        di = items ? wf_object_get_iter(items) : NULL;
        wf_xdecref(items);
        if (!di) goto out;
    } else {
        di = wf_newref(wf_None);
    }
    res = wf_tuple_pack(5, newobj, newargs, state, li, di);
out:
    wf_xdecref(copyreg);
    wf_xdecref(newobj);
    wf_xdecref(newargs);
    wf_xdecref(state);
    wf_xdecref(li);
    wf_xdecref(di);
    wf_xdecref(args);
    wf_xdecref(kwargs);
    return res;
}

static wf_object *object_reduce_ex(wf_object *self, wf_object *arg) {
    if (!wf_index_check(arg))
        return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             arg);
    wf_ssize_t proto = wf_number_as_ssize_t(arg, NULL);
    if (proto == -1 && wf_err_occurred()) return NULL;
    /* An overridden __reduce__ wins. */
    wf_object *name = wf_str_intern_cstr("__reduce__");
    wf_object *mine = wfo_type_lookup_ref(WF_TYPE(self), name); /* new reference, only compared */
    wf_object *base = NULL;
    int r = wf_dict_get_item_ref(wf_object_type.tp_dict, name, &base);
    if (r < 0) {
        wf_xdecref(mine);
        return NULL;
    }
    int overridden = mine && mine != base;
    wf_xdecref(base);
    wf_xdecref(mine);
    if (overridden) return wf_object_call_method(self, "__reduce__", NULL, 0);
    if (proto < 2) {
        wf_object *copyreg = wfv_import_module("copyreg");
        if (!copyreg) return NULL;
        wf_object *f = NULL;
        r = wf_object_lookup_attr(copyreg, wf_str_intern_cstr("_reduce_ex"), &f);
        wf_decref(copyreg);
        if (r < 0) return NULL;
        if (r > 0) {
            wf_object *res = wf_object_call_objs(f, self, arg, NULL);
            wf_decref(f);
            return res;
        }
    }
    return reduce_newobj(self);
}

static wf_method_def object_extra_methods[] = {
    {"__reduce_ex__", (void *)object_reduce_ex, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_getset_def type_extra_getset[] = {
    {"__basicsize__", type_basicsize, NULL, NULL, NULL},
    {"__itemsize__", type_itemsize, NULL, NULL, NULL},
    {"__flags__", type_flags, NULL, NULL, NULL},
    {"__dictoffset__", type_dictoffset, NULL, NULL, NULL},
    {"__weakrefoffset__", type_weakrefoffset, NULL, NULL, NULL},
    {"__text_signature__", type_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

int wfo_methods_extra_init(void) {
    if (wfo_extra_add_getsets(&wf_type_type, type_extra_getset) < 0) return -1;
    if (wfo_extra_add_methods(&wf_object_type, object_extra_methods) < 0) return -1;
    if (wfo_number_extra_init() < 0) return -1;
    if (wfo_bytes_extra_init() < 0) return -1;
    if (wfo_genericalias_init() < 0) return -1;
    return 0;
}
