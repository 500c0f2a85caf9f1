/*
 * runtime/modules/gc.c — the `gc` module: the Python interface to the cycle
 * collector of runtime/vm/gc.c.
 *
 * Weft's collector is not generational: collect(generation) accepts 0..2
 * and always runs a full collection; get_count() reports the allocations
 * since the last collection as (n, 0, 0); set_threshold keeps the three
 * numbers for get_threshold and uses the first as the automatic trigger
 * (0 = no automatic collection).  freeze/unfreeze are no-ops.
 *
 * Thread-safety: the module's own state is the threshold triple (an atomic
 * pointer to an immutable tuple, swapped under no lock: the last writer
 * wins, as CPython's) and the debug flags (an atomic int); garbage and
 * callbacks are ordinary lists created once at import (under the import
 * lock) and handed to the collector.
 */
#include <stdatomic.h>
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/vm/gc.h"
#include "runtime/vm/vm.h"
#include "weft/errors.h"

static wf_object *_Atomic thresholds; /* tuple of 3 ints */
static atomic_int debug_flags;

static int arg_generation(wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                          long *gen) {
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 1) {
        wf_err_format(&wf_exc_TypeError, "collect() takes at most 1 argument (%zd given)",
                      nargs + nkw);
        return -1;
    }
    wf_object *v = NULL;
    if (nargs == 1) v = args[0];
    if (nkw == 1) {
        const char *k = wf_str_utf8(WF_TUPLE_ITEM(kwnames, 0), NULL);
        if (!k || strcmp(k, "generation") != 0) {
            wf_err_format(&wf_exc_TypeError, "collect() got an unexpected keyword argument '%s'",
                          k ? k : "?");
            return -1;
        }
        v = args[0];
    }
    *gen = 2;
    if (v) {
        if (!WF_INT_CHECK(v)) {
            wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(WF_TYPE(v)));
            return -1;
        }
        wf_ssize_t g = wf_int_as_ssize(v);
        if (g == -1 && wf_err_occurred()) return -1;
        *gen = (long)g;
    }
    if (*gen < 0 || *gen > 2) {
        wf_err_set_string(&wf_exc_ValueError, "invalid generation");
        return -1;
    }
    return 0;
}

static wf_object *gc_collect(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    (void)self;
    long gen;
    if (arg_generation(args, nargs, kwnames, &gen) < 0) return NULL;
    intptr_t n = wfv_gc_collect();
    return wf_int_from_ssize(n);
}

static wf_object *gc_enable(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wfv_gc_set_enabled(true);
    WF_RETURN_NONE;
}

static wf_object *gc_disable(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wfv_gc_set_enabled(false);
    WF_RETURN_NONE;
}

static wf_object *gc_isenabled(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_newref(wf_bool_from(wfv_gc_is_enabled()));
}

static wf_object *gc_get_count(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wf_object *a = wf_int_from_ssize(wfv_gc_get_count());
    wf_object *z = wf_int_from_ssize(0);
    wf_object *r = a && z ? wf_tuple_pack(3, a, z, z) : NULL;
    wf_xdecref(a);
    wf_xdecref(z);
    return r;
}

static wf_object *gc_get_threshold(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wf_object *t = wf_xget_ref(&thresholds);
    if (t) return t;
    return wf_err_format(&wf_exc_RuntimeError, "gc thresholds missing");
}

static wf_object *gc_set_threshold(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                   wf_object *kwnames) {
    (void)self;
    if (kwnames && WF_TUPLE_SIZE(kwnames) > 0)
        return wf_err_format(&wf_exc_TypeError, "set_threshold() takes no keyword arguments");
    if (nargs < 1)
        return wf_err_format(&wf_exc_TypeError,
                             "set_threshold() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return wf_err_format(&wf_exc_TypeError,
                             "set_threshold() takes at most 3 arguments (%zd given)", nargs);
    wf_object *old = wf_xget_ref(&thresholds);
    wf_object *v[3];
    for (int i = 0; i < 3; i++) {
        if (i < nargs) {
            if (!WF_INT_CHECK(args[i])) {
                wf_xdecref(old);
                return wf_err_format(&wf_exc_TypeError,
                                     "'%s' object cannot be interpreted as an integer",
                                     wf_type_name(WF_TYPE(args[i])));
            }
            v[i] = args[i];
        } else {
            v[i] = WF_TUPLE_ITEM(old, i);
        }
    }
    wf_ssize_t t0 = wf_int_as_ssize(v[0]);
    if (t0 == -1 && wf_err_occurred()) {
        wf_xdecref(old);
        return NULL;
    }
    wf_object *t = wf_tuple_pack(3, v[0], v[1], v[2]);
    wf_xdecref(old);
    if (!t) return NULL;
    wf_enable_try_incref(t);
    wf_object *prev = atomic_exchange(&thresholds, t);
    wf_xdecref(prev);
    wfv_gc_set_threshold(t0);
    WF_RETURN_NONE;
}

static wf_object *gc_set_debug(wf_object *self, wf_object *flags) {
    (void)self;
    if (!WF_INT_CHECK(flags))
        return wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             wf_type_name(WF_TYPE(flags)));
    wf_ssize_t f = wf_int_as_ssize(flags);
    if (f == -1 && wf_err_occurred()) return NULL;
    atomic_store(&debug_flags, (int)f);
    WF_RETURN_NONE;
}

static wf_object *gc_get_debug(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_int_from_ssize(atomic_load(&debug_flags));
}

static wf_object *gc_get_objects(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return wfv_gc_get_objects();
}

static wf_object *gc_get_stats(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    intptr_t colls, collected;
    wfv_gc_get_stats(&colls, &collected);
    wf_object *l = wf_list_new(0);
    if (!l) return NULL;
    for (int g = 0; g < 3; g++) {
        wf_object *d = wf_dict_new();
        wf_object *a = wf_int_from_ssize(g == 2 ? colls : 0);
        wf_object *b = wf_int_from_ssize(g == 2 ? collected : 0);
        wf_object *c = wf_int_from_ssize(0);
        int rc = (d && a && b && c && wf_dict_set_item_string(d, "collections", a) == 0 &&
                  wf_dict_set_item_string(d, "collected", b) == 0 &&
                  wf_dict_set_item_string(d, "uncollectable", c) == 0 &&
                  wf_list_append(l, d) == 0)
                     ? 0
                     : -1;
        wf_xdecref(d);
        wf_xdecref(a);
        wf_xdecref(b);
        wf_xdecref(c);
        if (rc < 0) {
            wf_decref(l);
            return NULL;
        }
    }
    return l;
}

static wf_object *gc_get_referents(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                   wf_object *kwnames) {
    (void)self;
    if (kwnames && WF_TUPLE_SIZE(kwnames) > 0)
        return wf_err_format(&wf_exc_TypeError, "get_referents() takes no keyword arguments");
    wf_object *out = wf_list_new(0);
    if (!out) return NULL;
    for (wf_ssize_t i = 0; i < nargs; i++) {
        wf_object *l = wfv_gc_get_referents(args[i]);
        if (!l) {
            wf_decref(out);
            return NULL;
        }
        for (wf_ssize_t k = 0; k < wf_list_size(l); k++) {
            wf_object *x = wf_list_get_item(l, k);
            int rc = x ? wf_list_append(out, x) : -1;
            wf_xdecref(x);
            if (rc < 0) {
                wf_decref(l);
                wf_decref(out);
                return NULL;
            }
        }
        wf_decref(l);
    }
    return out;
}

static wf_object *gc_get_referrers(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                   wf_object *kwnames) {
    (void)self;
    if (kwnames && WF_TUPLE_SIZE(kwnames) > 0)
        return wf_err_format(&wf_exc_TypeError, "get_referrers() takes no keyword arguments");
    wf_object *all = wfv_gc_get_objects();
    if (!all) return NULL;
    wf_object *out = wf_list_new(0);
    for (wf_ssize_t i = 0; out && i < wf_list_size(all); i++) {
        wf_object *o = wf_list_get_item(all, i);
        if (!o) {
            WF_CLEAR(out);
            break;
        }
        wf_object *refs = wfv_gc_get_referents(o);
        int hit = 0;
        for (wf_ssize_t k = 0; refs && !hit && k < wf_list_size(refs); k++) {
            wf_object *x = wf_list_get_item(refs, k);
            for (wf_ssize_t j = 0; x && j < nargs; j++)
                if (x == args[j]) hit = 1;
            wf_xdecref(x);
        }
        wf_xdecref(refs);
        if (!refs || (hit && wf_list_append(out, o) < 0)) WF_CLEAR(out);
        wf_decref(o);
    }
    wf_decref(all);
    return out;
}

/* CPython leaves a dict untracked until it holds a tracked key or value
 * ({} and {1: 2} are not tracked, {1: []} is); weft examines every dict,
 * but reports CPython's answer. */
static int tracked_like_cpython(wf_object *obj, int depth) {
    if (!wfv_gc_is_tracked(obj)) return 0;
    if (WF_TYPE(obj) != &wf_dict_type || depth > 50) return 1;
    wf_object *refs = wfv_gc_get_referents(obj);
    if (!refs) return -1;
    int r = 0;
    for (wf_ssize_t i = 0; r == 0 && i < wf_list_size(refs); i++) {
        wf_object *x = wf_list_get_item(refs, i);
        if (!x) {
            r = -1;
            break;
        }
        r = tracked_like_cpython(x, depth + 1);
        wf_decref(x);
    }
    wf_decref(refs);
    return r;
}

static wf_object *gc_is_tracked(wf_object *self, wf_object *obj) {
    (void)self;
    int r = tracked_like_cpython(obj, 0);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

static wf_object *gc_is_finalized(wf_object *self, wf_object *obj) {
    (void)self;
    return wf_newref(wf_bool_from(wf_gc_is_finalized(obj)));
}

static wf_object *gc_freeze(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    WF_RETURN_NONE;
}

static wf_object *gc_get_freeze_count(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_int_from_ssize(0);
}

static wf_method_def gc_methods[] = {
    {"collect", gc_collect, WF_METH_FASTCALL | WF_METH_KEYWORDS, "Run the garbage collector."},
    {"enable", gc_enable, WF_METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, WF_METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, WF_METH_NOARGS, "Returns true if automatic gc is enabled."},
    {"get_count", gc_get_count, WF_METH_NOARGS, "Return the current collection counts."},
    {"get_threshold", gc_get_threshold, WF_METH_NOARGS, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Set the collection thresholds."},
    {"set_debug", gc_set_debug, WF_METH_O, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, WF_METH_NOARGS, "Get the garbage collection debugging flags."},
    {"get_objects", gc_get_objects, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_stats", gc_get_stats, WF_METH_NOARGS, "Return a list of dictionaries containing per-generation statistics."},
    {"get_referents", gc_get_referents, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return the list of objects that are directly referred to by objs."},
    {"get_referrers", gc_get_referrers, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Return the list of objects that directly refer to any of objs."},
    {"is_tracked", gc_is_tracked, WF_METH_O, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, WF_METH_O, "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze, WF_METH_NOARGS, "Freeze all current tracked objects (no-op in Weft)."},
    {"unfreeze", gc_freeze, WF_METH_NOARGS, "Unfreeze all objects (no-op in Weft)."},
    {"get_freeze_count", gc_get_freeze_count, WF_METH_NOARGS, "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

static int add_int(wf_object *m, const char *name, long v) {
    wf_object *o = wf_int_from_ssize(v);
    int rc = o ? wf_module_add_object(m, name, o) : -1;
    wf_xdecref(o);
    return rc;
}

WF_MODULE_INIT(gc) {
    wf_object *m = wf_module_new("gc");
    if (!m) return NULL;
    if (wf_module_add_functions(m, gc_methods) < 0) goto fail;
    if (atomic_load(&thresholds) == NULL) {
        wf_object *a = wf_int_from_ssize(wfv_gc_get_threshold());
        wf_object *b = wf_int_from_ssize(10);
        wf_object *t = a && b ? wf_tuple_pack(3, a, b, b) : NULL;
        wf_xdecref(a);
        wf_xdecref(b);
        if (!t) goto fail;
        wf_enable_try_incref(t);
        atomic_store(&thresholds, t);
    }
    wf_object *garbage = wf_list_new(0);
    wf_object *callbacks = wf_list_new(0);
    int rc = garbage && callbacks ? 0 : -1;
    if (rc == 0) rc = wf_module_add_object(m, "garbage", garbage);
    if (rc == 0) rc = wf_module_add_object(m, "callbacks", callbacks);
    wf_xdecref(garbage);
    if (rc < 0) {
        wf_xdecref(callbacks);
        goto fail;
    }
    /* The collector keeps this reference (module re-imports replace it). */
    wfv_gc_set_callbacks(callbacks);
    if (add_int(m, "DEBUG_STATS", 1) < 0 || add_int(m, "DEBUG_COLLECTABLE", 2) < 0 ||
        add_int(m, "DEBUG_UNCOLLECTABLE", 4) < 0 || add_int(m, "DEBUG_SAVEALL", 32) < 0 ||
        add_int(m, "DEBUG_LEAK", 38) < 0)
        goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}
