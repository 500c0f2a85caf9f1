/*
 * runtime/objects/super.c — the `super` type (wfv_super_type, vm.h).
 *
 * super(type, obj) / super(type, type2) / super(type) / super(): an
 * attribute lookup that walks the MRO of the object's class starting
 * *after* `type`, binding what it finds with __get__ (obj, or nothing
 * when obj is the class itself).  The zero-argument form asks the VM for
 * the current frame's __class__ cell and first argument
 * (wfv_super_lookup, eval.c).
 *
 * Invariants: `type` is NULL only before __init__ ran; obj_type is NULL
 * exactly when obj is NULL (unbound super); otherwise obj_type is obj (a
 * subclass of type) or a class of obj that is a subclass of type.
 *
 * Thread-safety: the three fields are written by __init__ under the
 * object's critical section (super.__init__ may be called again on an
 * existing object, as CPython allows) and every reader takes its snapshot
 * (with references) under the same critical section, so a concurrent
 * re-initialisation can never free what a reader uses.
 */
#include "runtime/objects/objimpl.h"

#include "runtime/vm/vm.h"

/* eval.c, referenced weakly so the object layer links without the VM. */
extern __typeof__(wfv_super_lookup) wfv_super_lookup __attribute__((weak));

typedef struct {
    wf_object ob_base;
    wf_type *type;     /* __thisclass__ */
    wf_object *obj;    /* __self__, or NULL */
    wf_type *obj_type; /* __self_class__, or NULL */
} superobject;

#define SU(o) ((superobject *)(o))

static void su_snapshot(wf_object *o, wf_type **type, wf_object **obj, wf_type **obj_type) {
    WF_BEGIN_CRITICAL_SECTION(o);
    *type = SU(o)->type;
    *obj = SU(o)->obj;
    *obj_type = SU(o)->obj_type;
    wf_xincref((wf_object *)*type);
    wf_xincref(*obj);
    wf_xincref((wf_object *)*obj_type);
    WF_END_CRITICAL_SECTION();
}

static void su_release(wf_type *type, wf_object *obj, wf_type *obj_type) {
    wf_xdecref((wf_object *)type);
    wf_xdecref(obj);
    wf_xdecref((wf_object *)obj_type);
}

/* The class whose MRO super walks: obj itself when it is a subclass of
 * type, else type(obj) or obj.__class__.  New reference, or NULL + error. */
static wf_type *supercheck(wf_type *type, wf_object *obj) {
    if (WF_TYPE_CHECK(obj) && wf_type_is_subtype((wf_type *)obj, type))
        return (wf_type *)wf_newref(obj);
    if (wf_type_is_subtype(WF_TYPE(obj), type)) return (wf_type *)wf_newref((wf_object *)WF_TYPE(obj));
    wf_object *cls;
    int r = wf_object_lookup_attr(obj, WFO_ID(__class__), &cls);
    if (r < 0) return NULL;
    if (r > 0) {
        if (WF_TYPE_CHECK(cls) && (wf_type *)cls != WF_TYPE(obj) &&
            wf_type_is_subtype((wf_type *)cls, type))
            return (wf_type *)cls;
        wf_decref(cls);
    }
    wf_err_set_string(&wf_exc_TypeError,
                      "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* Fill self from (type, obj); obj NULL or None = unbound.  0 or -1. */
static int super_set(wf_object *self, wf_type *type, wf_object *obj) {
    wf_type *obj_type = NULL;
    if (obj == wf_None) obj = NULL;
    if (obj) {
        obj_type = supercheck(type, obj);
        if (!obj_type) return -1;
        wf_incref(obj);
    }
    wf_incref((wf_object *)type);
    wf_type *ot, *oobj_type;
    wf_object *oobj;
    WF_BEGIN_CRITICAL_SECTION(self);
    ot = SU(self)->type;
    oobj = SU(self)->obj;
    oobj_type = SU(self)->obj_type;
    SU(self)->type = type;
    SU(self)->obj = obj;
    SU(self)->obj_type = obj_type;
    WF_END_CRITICAL_SECTION();
    su_release(ot, oobj, oobj_type);
    return 0;
}

/* Argument processing shared by __init__ and the vectorcall fast path. */
static int super_init_args(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                           int has_kwargs) {
    if (has_kwargs) {
        wf_err_set_string(&wf_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "super() expected at most 2 arguments, got %zd", nargs);
        return -1;
    }
    if (nargs == 0) {
        if (&wfv_super_lookup == NULL) {
            wf_err_set_string(&wf_exc_RuntimeError, "super(): no arguments");
            return -1;
        }
        /* The results are borrowed from the running frame. */
        wf_type *type = NULL;
        wf_object *obj = NULL;
        if (wfv_super_lookup(&type, &obj) < 0) return -1;
        return super_set(self, type, obj);
    }
    if (!WF_TYPE_CHECK(args[0])) {
        wf_err_format(&wf_exc_TypeError, "super() argument 1 must be a type, not %s",
                      wf_type_name(WF_TYPE(args[0])));
        return -1;
    }
    return super_set(self, (wf_type *)args[0], nargs == 2 ? args[1] : NULL);
}

static int super_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    return super_init_args(self, ((wf_tuple *)args)->ob_item, WF_TUPLE_SIZE(args),
                           kwargs && wf_dict_size(kwargs) > 0);
}

static wf_object *super_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)args;
    (void)kwargs;
    return wf_type_generic_alloc(type, 0);
}

/* super(...) called directly (not for subclasses: wfo_type_call uses
 * tp_vectorcall only on static types). */
static wf_object *super_vectorcall(wf_object *callable, wf_object *const *args, size_t nargsf,
                                   wf_object *kwnames) {
    wf_object *self = wf_type_generic_alloc((wf_type *)callable, 0);
    if (!self) return NULL;
    if (super_init_args(self, args, wf_vectorcall_nargs(nargsf),
                        kwnames && WF_TUPLE_SIZE(kwnames) > 0) < 0) {
        wf_decref(self);
        return NULL;
    }
    return self;
}

static wf_object *super_getattro(wf_object *self, wf_object *name) {
    wf_type *type, *start;
    wf_object *obj;
    su_snapshot(self, &type, &obj, &start);
    /* super().__class__ is the super object's own class. */
    if (start && type && !(WF_STR_CHECK(name) && wf_str_eq(name, WFO_ID(__class__)))) {
        wf_object *mro = start->tp_mro ? wf_newref(start->tp_mro) : NULL;
        if (mro) {
            wf_ssize_t n = WF_TUPLE_SIZE(mro), i;
            for (i = 0; i + 1 < n; i++)
                if (WF_TUPLE_ITEM(mro, i) == (wf_object *)type) break;
            for (i++; i < n; i++) {
                wf_type *k = (wf_type *)WF_TUPLE_ITEM(mro, i);
                if (!k->tp_dict) continue;
                wf_object *res;
                int r = wf_dict_get_item_ref(k->tp_dict, name, &res);
                if (r == 0) continue;
                wf_decref(mro);
                if (r > 0) {
                    wf_descrgetfunc get = WF_TYPE(res)->tp_descr_get;
                    if (get) {
                        wf_object *bound =
                            get(res, obj == (wf_object *)start ? NULL : obj, (wf_object *)start);
                        wf_decref(res);
                        res = bound;
                    }
                } else {
                    res = NULL;
                }
                su_release(type, obj, start);
                return res;
            }
            wf_decref(mro);
        }
    }
    su_release(type, obj, start);
    return wf_object_generic_getattr(self, name);
}

static wf_object *super_descr_get(wf_object *self, wf_object *obj, wf_object *cls) {
    (void)cls;
    wf_type *type, *obj_type;
    wf_object *sobj;
    if (!obj || obj == wf_None) return wf_newref(self);
    su_snapshot(self, &type, &sobj, &obj_type);
    wf_object *r;
    if (sobj || !type) {
        r = wf_newref(self);
    } else if (WF_TYPE(self) != &wfv_super_type) {
        wf_object *argv[2] = {(wf_object *)type, obj};
        r = wf_object_vectorcall((wf_object *)WF_TYPE(self), argv, 2, NULL);
    } else {
        r = wf_type_generic_alloc(&wfv_super_type, 0);
        if (r && super_set(r, type, obj) < 0) {
            wf_decref(r);
            r = NULL;
        }
    }
    su_release(type, sobj, obj_type);
    return r;
}

static wf_object *super_repr(wf_object *self) {
    wf_type *type, *obj_type;
    wf_object *obj;
    su_snapshot(self, &type, &obj, &obj_type);
    wf_object *r;
    if (obj_type)
        r = wf_str_from_format("<super: <class '%s'>, <%s object>>", type ? type->tp_name : "NULL",
                               obj_type->tp_name);
    else
        r = wf_str_from_format("<super: <class '%s'>, NULL>", type ? type->tp_name : "NULL");
    su_release(type, obj, obj_type);
    return r;
}

static wf_object *super_get_field(wf_object *self, void *which) {
    wf_type *type, *obj_type;
    wf_object *obj;
    su_snapshot(self, &type, &obj, &obj_type);
    wf_object *pick = which == (void *)0 ? (wf_object *)type
                      : which == (void *)1 ? obj
                                           : (wf_object *)obj_type;
    wf_object *r = wf_newref(pick ? pick : wf_None);
    su_release(type, obj, obj_type);
    return r;
}

static wf_getset_def super_getset[] = {
    {"__thisclass__", super_get_field, NULL, "the class invoking super()", (void *)0},
    {"__self__", super_get_field, NULL, "the instance invoking super(); may be None", (void *)1},
    {"__self_class__", super_get_field, NULL,
     "the type of the instance invoking super(); may be None", (void *)2},
    {NULL, NULL, NULL, NULL, NULL},
};

static int super_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    superobject *s = SU(self);
    if (s->type && visit((wf_object *)s->type, arg)) return -1;
    if (s->obj && visit(s->obj, arg)) return -1;
    if (s->obj_type && visit((wf_object *)s->obj_type, arg)) return -1;
    return 0;
}

static void super_dealloc(wf_object *self) {
    superobject *s = SU(self);
    su_release(s->type, s->obj, s->obj_type);
    s->type = NULL;
    s->obj = NULL;
    s->obj_type = NULL;
    wfo_free_instance(self);
}

wf_type wfv_super_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = super_tp_new,
    .tp_vectorcall = super_vectorcall,
    .tp_getset = super_getset,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
};
