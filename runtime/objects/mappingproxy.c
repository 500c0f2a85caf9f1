/*
 * runtime/objects/mappingproxy.c — mappingproxy (types.MappingProxyType):
 * a read-only view of a mapping; type.__dict__ returns one over the class
 * dict, as CPython.
 *
 * Invariants: `mapping` is set at creation and never changes (immutable
 * wrapper); every operation delegates to it, so thread-safety is the
 * wrapped mapping's (dicts lock themselves).  There is no way to write
 * through a proxy: no mp_ass_subscript, no mutating methods.
 */
#include "runtime/objects/objimpl.h"

typedef struct {
    wf_object ob_base;
    wf_object *mapping; /* owned, immutable */
} mappingproxy;

#define MP_MAP(o) (((mappingproxy *)(o))->mapping)

wf_object *wf_mappingproxy_new(wf_object *mapping) {
    mappingproxy *p = (mappingproxy *)wfo_alloc(&wf_mappingproxy_type, sizeof *p);
    if (!p) return NULL;
    p->mapping = wf_newref(mapping);
    return (wf_object *)p;
}

static int is_mapping_arg(wf_object *m) {
    wf_type *t = WF_TYPE(m);
    if (!t->tp_as_mapping || !t->tp_as_mapping->mp_subscript) return 0;
    if (WF_LIST_CHECK(m) || WF_TUPLE_CHECK(m)) return 0;
    return 1;
}

static wf_object *mp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = args ? WF_TUPLE_SIZE(args) : 0;
    wf_object *m = NULL;
    if (kwargs && wf_dict_size(kwargs) > 0) {
        if (n || wf_dict_size(kwargs) != 1 || wf_dict_get_item_string_ref(kwargs, "mapping", &m) <= 0)
            return wf_err_format(&wf_exc_TypeError, "mappingproxy() got an unexpected keyword argument");
        wf_decref(m); /* kwargs keeps it alive */
    } else if (n != 1) {
        return wf_err_format(&wf_exc_TypeError, "mappingproxy() takes exactly one argument (%zd given)", n);
    } else {
        m = WF_TUPLE_ITEM(args, 0);
    }
    if (!is_mapping_arg(m))
        return wf_err_format(&wf_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                             wf_type_name(WF_TYPE(m)));
    return wf_mappingproxy_new(m);
}

static void mp_dealloc(wf_object *o) {
    wf_xdecref(MP_MAP(o));
    wfo_free_instance(o);
}
static int mp_traverse(wf_object *o, wf_visitproc visit, void *arg) { /* gc */
    return MP_MAP(o) ? visit(MP_MAP(o), arg) : 0;
}

static wf_ssize_t mp_length(wf_object *o) { return wf_object_size(MP_MAP(o)); }
static wf_object *mp_subscript(wf_object *o, wf_object *key) { return wf_object_get_item(MP_MAP(o), key); }
static int mp_contains(wf_object *o, wf_object *key) {
    if (WF_DICT_CHECK_EXACT(MP_MAP(o))) return wf_dict_contains(MP_MAP(o), key);
    return wf_sequence_contains(MP_MAP(o), key);
}
static wf_object *mp_iter(wf_object *o) { return wf_object_get_iter(MP_MAP(o)); }
static wf_object *mp_repr(wf_object *o) { return wf_str_from_format("mappingproxy(%R)", MP_MAP(o)); }
static wf_object *mp_str(wf_object *o) { return wf_object_str(MP_MAP(o)); }
static wf_object *mp_richcompare(wf_object *a, wf_object *b, int op) {
    return wf_object_rich_compare(MP_MAP(a), b, op);
}
static wf_object *mp_or(wf_object *a, wf_object *b) {
    if (WF_TYPE(a) == &wf_mappingproxy_type) a = MP_MAP(a);
    if (WF_TYPE(b) == &wf_mappingproxy_type) b = MP_MAP(b);
    return wf_number_or(a, b);
}
static wf_object *mp_ior(wf_object *a, wf_object *b) {
    return wf_err_format(&wf_exc_TypeError, "'|=' is not supported by %s; use '|' instead",
                         wf_type_name(WF_TYPE(a)));
}

static wf_object *mp_get(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("get", nargs, 1, 2)) return NULL;
    return wf_object_call_method(MP_MAP(self), "get", args, nargs);
}
static wf_object *mp_keys(wf_object *self, wf_object *u) { return wf_object_call_method(MP_MAP(self), "keys", NULL, 0); }
static wf_object *mp_values(wf_object *self, wf_object *u) { return wf_object_call_method(MP_MAP(self), "values", NULL, 0); }
static wf_object *mp_items(wf_object *self, wf_object *u) { return wf_object_call_method(MP_MAP(self), "items", NULL, 0); }
static wf_object *mp_copy(wf_object *self, wf_object *u) { return wf_object_call_method(MP_MAP(self), "copy", NULL, 0); }
static wf_object *mp_reversed(wf_object *self, wf_object *u) {
    return wf_object_call_method(MP_MAP(self), "__reversed__", NULL, 0);
}

static wf_method_def mp_methods[] = {
    {"get", mp_get, WF_METH_FASTCALL, NULL},
    {"keys", mp_keys, WF_METH_NOARGS, NULL},
    {"values", mp_values, WF_METH_NOARGS, NULL},
    {"items", mp_items, WF_METH_NOARGS, NULL},
    {"copy", mp_copy, WF_METH_NOARGS, NULL},
    {"__reversed__", mp_reversed, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_mapping_methods mp_as_mapping = {
    .mp_length = mp_length,
    .mp_subscript = mp_subscript,
};
static wf_sequence_methods mp_as_sequence = {
    .sq_contains = mp_contains,
};
static wf_number_methods mp_as_number = {
    .nb_or = mp_or,
    .nb_inplace_or = mp_ior,
};

wf_type wf_mappingproxy_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxy),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = mp_dealloc,
    .tp_traverse = mp_traverse,
    .tp_repr = mp_repr,
    .tp_str = mp_str,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = mp_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = mp_iter,
    .tp_new = mp_new,
    .tp_as_mapping = &mp_as_mapping,
    .tp_as_sequence = &mp_as_sequence,
    .tp_as_number = &mp_as_number,
    .tp_methods = mp_methods,
    .tp_doc = "mappingproxy(mapping)\n--\n\nRead-only proxy of a mapping.",
};
