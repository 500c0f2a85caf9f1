/*
 * runtime/modules/builtins_union.c — types.UnionType, the value of
 * `X | Y` on classes (PEP 604), which isinstance()/issubclass() accept as
 * their second argument.  type.__or__/__ror__ (runtime/objects/type.c) and
 * the union's own | call wfb_union_or.
 *
 * A union holds one tuple of its member classes: flattened (a member that
 * is itself a union contributes its members), de-duplicated by identity,
 * None stored as NoneType, in first-seen order.  When one member is left
 * the member itself is the result, as CPython does (int | int is int).
 *
 * Thread-safety: a union is immutable once created (args is set before
 * the object is published), so it is read without locks.
 */
#include "runtime/modules/builtins_impl.h"

typedef struct {
    wf_object ob_base;
    wf_object *args; /* tuple of the member types, immutable */
} union_object;

wf_type wfb_union_type;
#define UNION_CHECK(o) (WF_TYPE(o) == &wfb_union_type)

/* None, a class or a union (CPython 3.11's is_unionable, minus
 * GenericAlias which weft does not have). */
extern wf_type wfo_genericalias_type; /* runtime/objects/genericalias.c */
static int is_unionable(wf_object *o) {
    return o == wf_None || WF_TYPE_CHECK(o) || UNION_CHECK(o) ||
           WF_TYPE(o) == &wfo_genericalias_type;
}

/* Append o's members to list, skipping those already there. */
static int add_members(wf_object *list, wf_object *o) {
    wf_object *single[1];
    wf_object *const *items;
    wf_ssize_t n;
    if (UNION_CHECK(o)) {
        items = ((wf_tuple *)((union_object *)o)->args)->ob_item;
        n = WF_TUPLE_SIZE(((union_object *)o)->args);
    } else {
        single[0] = o == wf_None ? (wf_object *)&wf_none_type : o;
        items = single;
        n = 1;
    }
    for (wf_ssize_t i = 0; i < n; i++) {
        int dup = 0;
        wf_ssize_t m = wf_list_size(list);
        for (wf_ssize_t j = 0; j < m && !dup; j++) {
            wf_object *x = wf_list_get_item(list, j);
            if (!x) return -1;
            dup = x == items[i];
            wf_decref(x);
        }
        if (!dup && wf_list_append(list, items[i]) < 0) return -1;
    }
    return 0;
}

wf_object *wfb_union_or(wf_object *a, wf_object *b) {
    if (!is_unionable(a) || !is_unionable(b)) return wf_newref(wf_NotImplemented);
    wf_object *list = wf_list_new(0);
    if (!list) return NULL;
    if (add_members(list, a) < 0 || add_members(list, b) < 0) {
        wf_decref(list);
        return NULL;
    }
    if (wf_list_size(list) == 1) {
        wf_object *only = wf_list_get_item(list, 0);
        wf_decref(list);
        return only;
    }
    wf_object *args = wf_list_as_tuple(list);
    wf_decref(list);
    if (!args) return NULL;
    union_object *u = (union_object *)wfo_alloc(&wfb_union_type, sizeof *u);
    if (!u) {
        wf_decref(args);
        return NULL;
    }
    u->args = args;
    return (wf_object *)u;
}

static void union_dealloc(wf_object *o) {
    wf_xdecref(((union_object *)o)->args);
    wfo_free_instance(o);
}

static int union_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_object *a = ((union_object *)o)->args;
    return a ? visit(a, arg) : 0;
}

/* One member as CPython's union_repr_item writes it. */
static wf_object *member_repr(wf_object *p) {
    if (p == (wf_object *)&wf_none_type) return wf_str_from_cstr("None");
    if (WF_TYPE(p) == &wfo_genericalias_type) return wf_object_repr(p); /* list[int] */
    wf_object *qual = NULL, *mod = NULL, *r = NULL;
    if (wf_object_lookup_attr(p, WFO_ID(__qualname__), &qual) < 0) return NULL;
    if (qual && wf_object_lookup_attr(p, WFO_ID(__module__), &mod) < 0) {
        wf_decref(qual);
        return NULL;
    }
    if (!qual || !mod || mod == wf_None) {
        r = wf_object_repr(p);
    } else if (WF_STR_CHECK(mod) && wf_str_eq_cstr(mod, "builtins")) {
        r = wf_object_str(qual);
    } else {
        r = wf_str_from_format("%S.%S", mod, qual);
    }
    wf_xdecref(qual);
    wf_xdecref(mod);
    return r;
}

static wf_object *union_repr(wf_object *o) {
    wf_object *args = ((union_object *)o)->args;
    wf_object *parts = wf_list_new(0);
    if (!parts) return NULL;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(args); i++) {
        wf_object *s = member_repr(WF_TUPLE_ITEM(args, i));
        if (!s || wf_list_append(parts, s) < 0) {
            wf_xdecref(s);
            wf_decref(parts);
            return NULL;
        }
        wf_decref(s);
    }
    wf_object *sep = wf_str_from_cstr(" | ");
    wf_object *r = sep ? wf_str_join(sep, parts) : NULL;
    wf_xdecref(sep);
    wf_decref(parts);
    return r;
}

static wf_object *union_richcompare(wf_object *a, wf_object *b, int op) {
    if (!UNION_CHECK(b) || (op != WF_EQ && op != WF_NE)) return wf_newref(wf_NotImplemented);
    wf_object *sa = wf_frozenset_new(((union_object *)a)->args);
    wf_object *sb = sa ? wf_frozenset_new(((union_object *)b)->args) : NULL;
    wf_object *r = sb ? wf_object_rich_compare(sa, sb, op) : NULL;
    wf_xdecref(sa);
    wf_xdecref(sb);
    return r;
}

static wf_hash_t union_hash(wf_object *o) {
    wf_object *s = wf_frozenset_new(((union_object *)o)->args);
    if (!s) return -1;
    wf_hash_t h = wf_object_hash(s);
    wf_decref(s);
    return h;
}

static wf_object *union_instancecheck(wf_object *self, wf_object *inst) {
    wf_object *args = ((union_object *)self)->args;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(args); i++) {
        int r = wf_object_is_instance(inst, WF_TUPLE_ITEM(args, i));
        if (r < 0) return NULL;
        if (r) return wf_newref(wf_True);
    }
    return wf_newref(wf_False);
}

static wf_object *union_subclasscheck(wf_object *self, wf_object *sub) {
    if (!WF_TYPE_CHECK(sub)) {
        wf_err_set_string(&wf_exc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    wf_object *args = ((union_object *)self)->args;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(args); i++) {
        int r = wf_object_is_subclass(sub, WF_TUPLE_ITEM(args, i));
        if (r < 0) return NULL;
        if (r) return wf_newref(wf_True);
    }
    return wf_newref(wf_False);
}

static wf_object *union_get_args(wf_object *o, void *c) { return wf_newref(((union_object *)o)->args); }
static wf_object *union_get_parameters(wf_object *o, void *c) { return wf_tuple_new(0); }

static wf_method_def union_methods[] = {
    {"__instancecheck__", union_instancecheck, WF_METH_O, NULL},
    {"__subclasscheck__", union_subclasscheck, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_getset_def union_getset[] = {
    {"__args__", union_get_args, NULL, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_number_methods union_as_number = {.nb_or = wfb_union_or};

wf_type wfb_union_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(union_object),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = union_dealloc,
    .tp_traverse = union_traverse,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_methods = union_methods,
    .tp_getset = union_getset,
    .tp_as_number = &union_as_number,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};
