/*
 * runtime/objects/module.c — the module type.
 *
 * A module is a header plus one dict (md_dict), its namespace, created
 * with the module and never replaced, so md_dict can be read without
 * synchronisation; the dict has its own lock for its contents.  Attribute
 * access is object's generic getattr over that dict (tp_dictoffset), with
 * CPython's "module 'm' has no attribute 'x'" message and module-level
 * __getattr__ (PEP 562) on a miss.
 *
 * Thread-safety: nothing here mutates the module object itself after
 * creation; namespace writes go through the dict.
 */
#include "runtime/objects/objimpl.h"
#include "weft/weakref.h" /* weakref */

#define MOD(o) ((wf_module *)(o))

static int module_init_dict(wf_object *d, wf_object *name, wf_object *doc) {
    /* Interned (immortal): every function defined in the module reads it
     * as its __module__, from whichever thread runs the def. */
    wf_object *iname = WF_STR_CHECK_EXACT(name) ? wf_str_intern(wf_newref(name)) : wf_newref(name);
    if (!iname) return -1;
    int r = wf_dict_set_item(d, WFO_ID(__name__), iname);
    wf_decref(iname);
    if (r < 0) return -1;
    if (wf_dict_set_item(d, WFO_ID(__doc__), doc ? doc : wf_None) < 0) return -1;
    if (wf_dict_set_item(d, WFO_ID(__package__), wf_None) < 0) return -1;
    if (wf_dict_set_item(d, WFO_ID(__loader__), wf_None) < 0) return -1;
    if (wf_dict_set_item(d, WFO_ID(__spec__), wf_None) < 0) return -1;
    return 0;
}

static wf_object *module_alloc(wf_type *type) {
    wf_object *m = type == &wf_module_type ? wfo_alloc(type, sizeof(wf_module))
                                           : wf_type_generic_alloc(type, 0);
    if (!m) return NULL;
    MOD(m)->md_dict = wf_dict_new();
    if (!MOD(m)->md_dict) {
        wf_decref(m);
        return NULL;
    }
    /* Every frame of the module's functions works with its dict (as
     * globals) and every thread loads modules: per-thread counts. */
    wf_perthread_enable_for_threads(m);
    wf_perthread_enable_for_threads(MOD(m)->md_dict);
    return m;
}

wf_object *wf_module_new(const char *name) {
    wf_object *n = wf_str_from_cstr(name);
    if (!n) return NULL;
    wf_object *m = module_alloc(&wf_module_type);
    if (m && module_init_dict(MOD(m)->md_dict, n, NULL) < 0) {
        wf_decref(m);
        m = NULL;
    }
    wf_decref(n);
    return m;
}

wf_object *wf_module_get_dict(wf_object *m) { return MOD(m)->md_dict; }

int wf_module_add_object(wf_object *m, const char *name, wf_object *value) {
    return wf_dict_set_item_string(MOD(m)->md_dict, name, value);
}

int wf_module_add_functions(wf_object *m, wf_method_def *defs) {
    wf_object *modname = NULL;
    if (wf_dict_get_item_ref(MOD(m)->md_dict, WFO_ID(__name__), &modname) < 0) return -1;
    for (wf_method_def *d = defs; d->ml_name; d++) {
        wf_object *f = wf_cfunction_new(d, m, modname);
        if (f) wf_perthread_enable_for_threads(f); /* called from every thread */
        if (!f || wf_dict_set_item_string(MOD(m)->md_dict, d->ml_name, f) < 0) {
            if (f) wf_decref(f);
            if (modname) wf_decref(modname);
            return -1;
        }
        wf_decref(f);
    }
    if (modname) wf_decref(modname);
    return 0;
}

/* The module's __name__ if it is a str (new reference), else NULL without
 * an exception. */
static wf_object *module_name(wf_object *m) {
    wf_object *n = NULL;
    if (wf_dict_get_item_ref(MOD(m)->md_dict, WFO_ID(__name__), &n) <= 0) {
        wf_err_clear();
        return NULL;
    }
    if (!WF_STR_CHECK(n)) {
        wf_decref(n);
        return NULL;
    }
    return n;
}

static wf_object *module_getattro(wf_object *m, wf_object *name) {
    wf_object *r = wf_object_generic_getattr(m, name);
    if (r) {
        /* `mod.x` is a module global read by whoever imported it: the
         * same hint as LOAD_GLOBAL's (weft/object.h). */
        wf_perthread_note_shared_load(r);
        return r;
    }
    if (!wf_err_matches((wf_object *)&wf_exc_AttributeError)) return r;
    wf_err_clear();
    wf_object *getattr = NULL;
    int found = wf_dict_get_item_string_ref(MOD(m)->md_dict, "__getattr__", &getattr);
    if (found < 0) return NULL;
    if (found) {
        r = wf_object_call_one(getattr, name);
        wf_decref(getattr);
        return r;
    }
    wf_object *n = module_name(m);
    if (n) {
        wf_err_format(&wf_exc_AttributeError, "module '%U' has no attribute '%U'", n, name);
        wf_decref(n);
    } else {
        wf_err_format(&wf_exc_AttributeError, "module has no attribute '%U'", name);
    }
    /* name and obj, as 3.10+ sets them (the traceback printer's "Did you
     * mean" suggestions read them). */
    wf_object *exc = wf_err_fetch();
    if (exc && WF_TYPE(exc) == &wf_exc_AttributeError) {
        if (wf_object_setattr_string(exc, "name", name) < 0 ||
            wf_object_setattr_string(exc, "obj", m) < 0)
            wf_err_clear();
    }
    wf_err_restore(exc);
    return NULL;
}

/* As importlib's _module_repr: "from FILE" for a spec with a location (or
 * a __file__), "(ORIGIN)" for other specs with an origin ("built-in"). */
static wf_object *module_repr(wf_object *m) {
    wf_object *n = module_name(m);
    if (!n) {
        wf_err_clear();
        return wf_str_from_cstr("<module '?'>");
    }
    wf_object *d = ((wf_module *)m)->md_dict, *spec = NULL, *file = NULL, *r = NULL;
    if (d && wf_dict_get_item_string_ref(d, "__spec__", &spec) > 0 && spec != wf_None) {
        wf_object *origin = NULL, *loc = NULL;
        if (wf_object_lookup_attr(spec, wf_str_intern_cstr("origin"), &origin) > 0 && WF_STR_CHECK(origin)) {
            int has_loc = wf_object_lookup_attr(spec, wf_str_intern_cstr("has_location"), &loc) > 0 &&
                          wf_object_is_true(loc) > 0;
            r = has_loc ? wf_str_from_format("<module %R from %R>", n, origin)
                        : wf_str_from_format("<module %R (%U)>", n, origin);
        }
        wf_xdecref(origin);
        wf_xdecref(loc);
    } else if (d && wf_dict_get_item_string_ref(d, "__file__", &file) > 0 && WF_STR_CHECK(file)) {
        r = wf_str_from_format("<module %R from %R>", n, file);
    }
    if (wf_err_occurred()) wf_err_clear();
    if (!r) r = wf_str_from_format("<module %R>", n);
    wf_xdecref(spec);
    wf_xdecref(file);
    wf_decref(n);
    return r;
}

/* module(name, doc=None) */
static wf_object *module_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    return module_alloc(type);
}

static int module_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    wf_ssize_t nargs = args ? WF_TUPLE_SIZE(args) : 0;
    wf_object *name = nargs > 0 ? WF_TUPLE_ITEM(args, 0) : NULL;
    wf_object *doc = nargs > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    wf_object *kw = NULL;
    if (kwargs) {
        if (!name && wf_dict_get_item_string_ref(kwargs, "name", &kw) > 0) name = kw;
        wf_object *d = NULL;
        if (!doc && wf_dict_get_item_string_ref(kwargs, "doc", &d) > 0) {
            doc = d;
            wf_decref(d); /* kwargs keeps it alive */
        }
        if (kw) wf_decref(kw); /* kwargs keeps it alive */
    }
    if (wf_err_occurred()) return -1;
    if (nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "module() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    if (!name) {
        wf_err_format(&wf_exc_TypeError, "module() missing required argument 'name' (pos 1)");
        return -1;
    }
    if (!WF_STR_CHECK(name)) {
        wf_err_format(&wf_exc_TypeError, "module() argument 'name' must be str, not %s",
                      wf_type_name(WF_TYPE(name)));
        return -1;
    }
    return module_init_dict(MOD(self)->md_dict, name, doc);
}

static int module_traverse(wf_object *m, wf_visitproc visit, void *arg) {
    if (MOD(m)->md_dict) return visit(MOD(m)->md_dict, arg);
    return 0;
}

static int module_clear(wf_object *m) {
    WF_CLEAR(MOD(m)->md_dict);
    return 0;
}

static void module_dealloc(wf_object *m) {
    wf_weakref_on_dealloc(m); /* weakref */
    module_clear(m);
    wfo_free_instance(m);
}

static wf_object *module_dir(wf_object *self, wf_object *unused) {
    wf_object *d = MOD(self)->md_dict;
    wf_object *fn = NULL;
    /* PEP 562: a module-level __dir__ function answers */
    int has = wf_dict_get_item_string_ref(d, "__dir__", &fn);
    if (has < 0) return NULL;
    if (has > 0) {
        wf_object *r = wf_object_call_noargs(fn);
        wf_decref(fn);
        return r;
    }
    wf_object *keys = wf_dict_keys(d);
    if (!keys) return NULL;
    if (wf_list_sort(keys, NULL, 0) < 0) {
        wf_decref(keys);
        return NULL;
    }
    return keys;
}

static wf_method_def module_methods[] = {
    {"__dir__", module_dir, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* module.__dict__ (read-only, as CPython's member): `from m import *` and
 * vars(m) read it. */
static wf_member_def module_members[] = {
    {"__dict__", WF_T_OBJECT, offsetof(wf_module, md_dict), WF_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

wf_type wf_module_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "module",
    .tp_basicsize = sizeof(wf_module),
    .tp_weaklistoffset = offsetof(wf_module, md_weaklist), /* weakref */
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = wf_object_generic_setattr,
    .tp_new = module_new,
    .tp_init = module_init,
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_dictoffset = offsetof(wf_module, md_dict),
    .tp_doc = "Create a module object.",
};
