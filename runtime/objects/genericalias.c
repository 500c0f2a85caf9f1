/*
 * runtime/objects/genericalias.c — types.GenericAlias (list[int] etc.) and
 * the __class_getitem__ class methods of list, dict, tuple, set and
 * frozenset that create it (type[X]: wf_object_get_item calls
 * wfo_genericalias_new), with CPython 3.11's behaviour: repr
 * "list[int]", __origin__/__args__/__parameters__, calling creates the
 * origin (setting __orig_class__ when possible), attribute access falls
 * through to the origin, ==/hash by (origin, args), isinstance/issubclass
 * refuse it, __mro_entries__ gives (origin,).
 *
 * Invariants: an alias is immutable once published (origin, args and
 * parameters are set by ga_create before anyone else sees it and never
 * change), so every reader reads the fields plainly; no locking.
 * wfo_genericalias_init (from wfo_methods_extra_init, single-threaded)
 * readies the type and installs the __class_getitem__ methods.
 */
#include <string.h>

#include "runtime/objects/objimpl.h"

int wfo_extra_add_methods(wf_type *type, wf_method_def *defs); /* number_extra.c */

typedef struct {
    wf_object ob_base;
    wf_object *origin; /* any object (usually a type) */
    wf_object *args;   /* tuple */
    wf_object *params; /* tuple */
} wfo_genericalias;

wf_type wfo_genericalias_type;
#define GA(o) ((wfo_genericalias *)(o))

/* weft's typing.py TypeVar/ParamSpec/TypeVarTuple have no __typing_subst__:
 * recognise them by class name and module. */
static int is_typing_typevar(wf_object *a) {
    wf_type *t = WF_TYPE(a);
    const char *n = t->tp_name;
    if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) return 0;
    if (strcmp(n, "TypeVar") && strcmp(n, "ParamSpec") && strcmp(n, "TypeVarTuple")) return 0;
    wf_object *mod = NULL;
    if (wf_dict_get_item_ref(t->tp_dict, WFO_ID(__module__), &mod) <= 0) {
        wf_err_clear();
        return 0;
    }
    int r = WF_STR_CHECK(mod) && wf_str_eq_cstr(mod, "typing");
    wf_decref(mod);
    return r;
}

/* Type-variable-like args (with __typing_subst__) and the __parameters__
 * of args, in order, without duplicates. */
static wf_object *make_parameters(wf_object *args) {
    wf_object *lst = wf_list_new(0);
    if (!lst) return NULL;
    wf_ssize_t n = ((wf_tuple *)args)->ob_size;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *a = WF_TUPLE_ITEM(args, i);
        if (wf_type_has_flag(WF_TYPE(a), WF_TPFLAGS_TYPE_SUBCLASS)) continue;
        wf_object *sub = NULL;
        int r = wf_object_lookup_attr(a, wf_str_intern_cstr("__typing_subst__"), &sub);
        if (r < 0) goto fail;
        if (r == 0) r = is_typing_typevar(a);
        if (r > 0) {
            wf_xdecref(sub);
            int c = wf_sequence_contains(lst, a);
            if (c < 0 || (!c && wf_list_append(lst, a) < 0)) goto fail;
            continue;
        }
        wf_object *ps = NULL;
        r = wf_object_lookup_attr(a, wf_str_intern_cstr("__parameters__"), &ps);
        if (r < 0) goto fail;
        if (r > 0) {
            if (WF_TYPE(ps) == &wf_tuple_type) {
                for (wf_ssize_t j = 0; j < ((wf_tuple *)ps)->ob_size; j++) {
                    wf_object *p = WF_TUPLE_ITEM(ps, j);
                    int c = wf_sequence_contains(lst, p);
                    if (c < 0 || (!c && wf_list_append(lst, p) < 0)) {
                        wf_decref(ps);
                        goto fail;
                    }
                }
            }
            wf_decref(ps);
        }
    }
    wf_object *t = wf_list_as_tuple(lst);
    wf_decref(lst);
    return t;
fail:
    wf_decref(lst);
    return NULL;
}

static wf_object *ga_create(wf_type *type, wf_object *origin, wf_object *args) {
    wf_object *targs;
    if (WF_TYPE(args) == &wf_tuple_type) targs = wf_newref(args);
    else targs = wf_tuple_pack(1, args);
    if (!targs) return NULL;
    wf_object *params = make_parameters(targs);
    if (!params) {
        wf_decref(targs);
        return NULL;
    }
    wfo_genericalias *ga = (wfo_genericalias *)wfo_alloc(type, type->tp_basicsize);
    if (!ga) {
        wf_decref(targs);
        wf_decref(params);
        return NULL;
    }
    ga->origin = wf_newref(origin);
    ga->args = targs;
    ga->params = params;
    return (wf_object *)ga;
}

wf_object *wfo_genericalias_new(wf_object *origin, wf_object *args) {
    return ga_create(&wfo_genericalias_type, origin, args);
}

static void ga_dealloc(wf_object *o) {
    WF_CLEAR(GA(o)->origin);
    WF_CLEAR(GA(o)->args);
    WF_CLEAR(GA(o)->params);
    wfo_free_instance(o);
}

static int ga_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    if (GA(o)->origin && visit(GA(o)->origin, arg)) return -1;
    if (GA(o)->args && visit(GA(o)->args, arg)) return -1;
    if (GA(o)->params && visit(GA(o)->params, arg)) return -1;
    return 0;
}

/* Appends the repr of one argument as typing shows it. */
static int repr_item(wf_object *parts, wf_object *p) {
    if (p == wf_Ellipsis) {
        wf_object *s = wf_str_from_cstr("...");
        int r = s ? wf_list_append(parts, s) : -1;
        wf_xdecref(s);
        return r;
    }
    if (WF_TYPE(p) == &wf_list_type) {
        /* [a, b] with each item in the same style (Callable[[int], str]) */
        wf_object *inner = wf_list_new(0);
        if (!inner) return -1;
        wf_ssize_t n = wf_sequence_size(p);
        for (wf_ssize_t i = 0; i < n; i++) {
            wf_object *it = wf_sequence_get_item(p, i);
            int r = it ? repr_item(inner, it) : -1;
            wf_xdecref(it);
            if (r < 0) {
                wf_decref(inner);
                return -1;
            }
        }
        wf_object *sep = wf_str_from_cstr(", ");
        wf_object *j = sep ? wf_str_join(sep, inner) : NULL;
        wf_xdecref(sep);
        wf_decref(inner);
        wf_object *s = j ? wf_str_from_format("[%U]", j) : NULL;
        wf_xdecref(j);
        int r = s ? wf_list_append(parts, s) : -1;
        wf_xdecref(s);
        return r;
    }
    wf_object *tmp = NULL, *s = NULL;
    int r = wf_object_lookup_attr(p, wf_str_intern_cstr("__origin__"), &tmp);
    if (r < 0) return -1;
    if (r > 0) {
        wf_decref(tmp);
        r = wf_object_lookup_attr(p, wf_str_intern_cstr("__args__"), &tmp);
        if (r < 0) return -1;
        if (r > 0) {
            wf_decref(tmp);
            goto use_repr;
        }
    }
    wf_object *qn = NULL, *mod = NULL;
    r = wf_object_lookup_attr(p, WFO_ID(__qualname__), &qn);
    if (r < 0) return -1;
    if (r == 0) goto use_repr;
    r = wf_object_lookup_attr(p, WFO_ID(__module__), &mod);
    if (r < 0) {
        wf_decref(qn);
        return -1;
    }
    if (r == 0 || mod == wf_None) {
        wf_xdecref(mod);
        wf_decref(qn);
        goto use_repr;
    }
    if (WF_STR_CHECK(mod) && wf_str_eq_cstr(mod, "builtins")) s = wf_object_str(qn);
    else s = wf_str_from_format("%S.%S", mod, qn);
    wf_decref(qn);
    wf_decref(mod);
    goto done;
use_repr:
    s = wf_object_repr(p);
done:
    if (!s) return -1;
    r = wf_list_append(parts, s);
    wf_decref(s);
    return r;
}

static wf_object *ga_repr(wf_object *o) {
    wf_object *parts = wf_list_new(0);
    if (!parts) return NULL;
    wf_object *res = NULL, *head = NULL, *body = NULL, *sep = NULL;
    if (repr_item(parts, GA(o)->origin) < 0) goto out;
    head = wf_list_pop(parts, -1);
    if (!head) goto out;
    wf_ssize_t n = ((wf_tuple *)GA(o)->args)->ob_size;
    if (n == 0) {
        res = wf_str_from_format("%U[()]", head);
        goto out;
    }
    for (wf_ssize_t i = 0; i < n; i++)
        if (repr_item(parts, WF_TUPLE_ITEM(GA(o)->args, i)) < 0) goto out;
    sep = wf_str_from_cstr(", ");
    if (!sep) goto out;
    body = wf_str_join(sep, parts);
    if (!body) goto out;
    res = wf_str_from_format("%U[%U]", head, body);
out:
    wf_xdecref(head);
    wf_xdecref(body);
    wf_xdecref(sep);
    wf_decref(parts);
    return res;
}

static wf_object *ga_call(wf_object *self, wf_object *const *args, size_t nargsf,
                          wf_object *kwnames) {
    wf_object *obj = wf_object_vectorcall(GA(self)->origin, args, nargsf, kwnames);
    if (!obj) return NULL;
    if (wf_object_setattr_string(obj, "__orig_class__", self) < 0) {
        if (!wf_err_matches((wf_object *)&wf_exc_AttributeError) &&
            !wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_decref(obj);
            return NULL;
        }
        wf_err_clear();
    }
    return obj;
}

static const char *const attr_exceptions[] = {
    "__class__",   "__origin__",     "__args__",          "__unpacked__",
    "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
    "__reduce_ex__", "__reduce__",   "__copy__",          "__deepcopy__",
    NULL,
};

static wf_object *ga_getattro(wf_object *self, wf_object *name) {
    if (WF_STR_CHECK(name)) {
        int exc = 0;
        for (int i = 0; attr_exceptions[i]; i++)
            if (wf_str_eq_cstr(name, attr_exceptions[i])) {
                exc = 1;
                break;
            }
        if (!exc) return wf_object_getattr(GA(self)->origin, name);
    }
    return wf_object_generic_getattr(self, name);
}

static wf_object *ga_richcompare(wf_object *a, wf_object *b, int op) {
    if (!wf_type_is_subtype(WF_TYPE(b), &wfo_genericalias_type) || (op != WF_EQ && op != WF_NE))
        return wf_newref(wf_NotImplemented);
    int eq = wf_object_rich_compare_bool(GA(a)->origin, GA(b)->origin, WF_EQ);
    if (eq < 0) return NULL;
    if (eq) {
        eq = wf_object_rich_compare_bool(GA(a)->args, GA(b)->args, WF_EQ);
        if (eq < 0) return NULL;
    }
    return wf_newref(wf_bool_from(op == WF_EQ ? eq : !eq));
}

static wf_hash_t ga_hash(wf_object *o) {
    wf_hash_t h0 = wf_object_hash(GA(o)->origin);
    if (h0 == -1) return -1;
    wf_hash_t h1 = wf_object_hash(GA(o)->args);
    if (h1 == -1) return -1;
    wf_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static wf_object *ga_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_object_is_true(kwargs))
        return wf_err_format(&wf_exc_TypeError, "GenericAlias() takes no keyword arguments");
    wf_ssize_t n = ((wf_tuple *)args)->ob_size;
    if (n != 2)
        return wf_err_format(&wf_exc_TypeError, "GenericAlias expected 2 arguments, got %zd", n);
    return ga_create(type, WF_TUPLE_ITEM(args, 0), WF_TUPLE_ITEM(args, 1));
}

static wf_object *ga_mro_entries(wf_object *self, wf_object *bases) {
    (void)bases;
    return wf_tuple_pack(1, GA(self)->origin);
}

static wf_object *ga_instancecheck(wf_object *self, wf_object *obj) {
    (void)self;
    (void)obj;
    return wf_err_format(&wf_exc_TypeError,
                         "isinstance() argument 2 cannot be a parameterized generic");
}

static wf_object *ga_subclasscheck(wf_object *self, wf_object *obj) {
    (void)self;
    (void)obj;
    return wf_err_format(&wf_exc_TypeError,
                         "issubclass() argument 2 cannot be a parameterized generic");
}

static wf_object *ga_reduce(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *inner = wf_tuple_pack(2, GA(self)->origin, GA(self)->args);
    if (!inner) return NULL;
    wf_object *r = wf_tuple_pack(2, (wf_object *)WF_TYPE(self), inner);
    wf_decref(inner);
    return r;
}

static wf_object *ga_getitem(wf_object *self, wf_object *item) {
    (void)item;
    if (((wf_tuple *)GA(self)->params)->ob_size == 0)
        return wf_err_format(&wf_exc_TypeError, "%R is not a generic class", self);
    return wf_err_format(&wf_exc_TypeError,
                         "type variable substitution is not supported for %R", self);
}

/* X | Y with an alias: a types.UnionType (runtime/modules/builtins_union.c). */
wf_object *wfb_union_or(wf_object *a, wf_object *b);
static wf_number_methods ga_as_number = {
    .nb_or = wfb_union_or,
};

static wf_mapping_methods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

static wf_method_def ga_methods[] = {
    {"__mro_entries__", (void *)ga_mro_entries, WF_METH_O, NULL},
    {"__instancecheck__", (void *)ga_instancecheck, WF_METH_O, NULL},
    {"__subclasscheck__", (void *)ga_subclasscheck, WF_METH_O, NULL},
    {"__reduce__", (void *)ga_reduce, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_member_def ga_members[] = {
    {"__origin__", WF_T_OBJECT, offsetof(wfo_genericalias, origin), WF_READONLY, NULL},
    {"__args__", WF_T_OBJECT, offsetof(wfo_genericalias, args), WF_READONLY, NULL},
    {"__parameters__", WF_T_OBJECT, offsetof(wfo_genericalias, params), WF_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

wf_type wfo_genericalias_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(wfo_genericalias),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = ga_dealloc,
    .tp_traverse = ga_traverse,
    .tp_repr = ga_repr,
    .tp_hash = ga_hash,
    .tp_richcompare = ga_richcompare,
    .tp_getattro = ga_getattro,
    .tp_call = ga_call,
    .tp_new = ga_tp_new,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
              "and t.__args__ is (int,).",
};

/* cls.__class_getitem__(item) for the built-in generic containers. */
wf_object *wfo_generic_class_getitem(wf_object *cls, wf_object *item) {
    return wfo_genericalias_new(cls, item);
}

static wf_method_def cgi_methods[] = {
    {"__class_getitem__", (void *)wfo_generic_class_getitem, WF_METH_O | WF_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

int wfo_genericalias_init(void) {
    if (wf_type_ready(&wfo_genericalias_type) < 0) return -1;
    /* type[X] is handled by wf_object_get_item (abstract.c), as CPython. */
    wf_type *types[] = {&wf_list_type, &wf_dict_type, &wf_tuple_type, &wf_set_type,
                        &wf_frozenset_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (wfo_extra_add_methods(types[i], cgi_methods) < 0) return -1;
    return 0;
}
