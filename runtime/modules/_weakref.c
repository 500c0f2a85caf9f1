/*
 * runtime/modules/_weakref.c — the _weakref module: ref, proxy,
 * getweakrefcount, getweakrefs, ReferenceType, ProxyType,
 * CallableProxyType, _remove_dead_weakref.  The objects themselves live in
 * runtime/objects/weakref.c (see weft/weakref.h for the locking rules).
 *
 * Thread-safety: no module state; every function goes through the
 * weakref layer, whose list operations hold the referent's stripe lock.
 */
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"
#include "weft/weakref.h"

static wf_object *w_getweakrefcount(wf_object *self, wf_object *obj) {
    (void)self;
    return wf_int_from_ssize(wf_weakref_count(obj));
}

static wf_object *w_getweakrefs(wf_object *self, wf_object *obj) {
    (void)self;
    return wf_weakref_list(obj);
}

static wf_object *w_proxy(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            wf_err_format(&wf_exc_TypeError, "proxy expected at least 1 argument, got %zd", nargs);
        else
            wf_err_format(&wf_exc_TypeError, "proxy expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    return wf_weakref_new_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

/* _remove_dead_weakref(dct, key): delete dct[key] if it is a dead weakref. */
static wf_object *w_remove_dead_weakref(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        wf_err_format(&wf_exc_TypeError, "_remove_dead_weakref expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    wf_object *d = args[0], *key = args[1];
    if (!WF_DICT_CHECK(d)) {
        wf_err_format(&wf_exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                      wf_type_name(WF_TYPE(d)));
        return NULL;
    }
    wf_object *v = NULL;
    int r = wf_dict_get_item_ref(d, key, &v);
    if (r < 0) return NULL;
    if (r > 0) {
        wf_object *o = wf_type_is_subtype(WF_TYPE(v), &wf_weakref_ref_type) ? wf_weakref_get(v) : NULL;
        if (o) {
            wf_decref(o);
        } else if (wf_type_is_subtype(WF_TYPE(v), &wf_weakref_ref_type)) {
            if (wf_dict_pop(d, key, NULL) < 0) {
                /* already gone: not an error */
                wf_err_clear();
            }
        }
        wf_decref(v);
    }
    return wf_newref(wf_None);
}

static wf_method_def weakref_module_methods[] = {
    {"getweakrefcount", w_getweakrefcount, WF_METH_O, "Return the number of weak references to 'object'."},
    {"getweakrefs", w_getweakrefs, WF_METH_O, "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", w_proxy, WF_METH_FASTCALL, "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", w_remove_dead_weakref, WF_METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_weakref) {
    if (wf_weakref_init_types() < 0) return NULL;
    wf_object *m = wf_module_new("_weakref");
    if (!m) return NULL;
    if (wf_module_add_functions(m, weakref_module_methods) < 0 ||
        wf_module_add_object(m, "ref", (wf_object *)&wf_weakref_ref_type) < 0 ||
        wf_module_add_object(m, "ReferenceType", (wf_object *)&wf_weakref_ref_type) < 0 ||
        wf_module_add_object(m, "ProxyType", (wf_object *)&wf_weakref_proxy_type) < 0 ||
        wf_module_add_object(m, "CallableProxyType", (wf_object *)&wf_weakref_callableproxy_type) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
