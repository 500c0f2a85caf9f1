/*
 * runtime/modules/operator.c — the operator module (CPython's _operator
 * and operator.py in one): the function forms of the operators, the
 * dunder aliases (operator.__add__ is operator.add), and the callable
 * types attrgetter, itemgetter and methodcaller.
 *
 * The getter/caller objects are immutable once built (their fields are
 * set by __new__ before publication), so calls read them without locks.
 * The module has no mutable state.
 */
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/containers.h"

/* --- plain operator functions --------------------------------------------- */
#define BINOP(name, expr)                                                                     \
    static wf_object *op_##name(wf_object *self, wf_object *const *args, wf_ssize_t nargs) { \
        (void)self;                                                                           \
        if (wf_check_nargs(#name, nargs, 2, 2) < 0) return NULL;                              \
        wf_object *a = args[0], *b = args[1];                                                 \
        return expr;                                                                          \
    }
#define UNOP(name, expr)                                            \
    static wf_object *op_##name(wf_object *self, wf_object *a) {    \
        (void)self;                                                 \
        return expr;                                                \
    }

BINOP(add, wf_number_add(a, b))
BINOP(sub, wf_number_subtract(a, b))
BINOP(mul, wf_number_multiply(a, b))
BINOP(matmul, wf_number_matrix_multiply(a, b))
BINOP(floordiv, wf_number_floor_divide(a, b))
BINOP(truediv, wf_number_true_divide(a, b))
BINOP(mod, wf_number_remainder(a, b))
BINOP(pow, wf_number_power(a, b, wf_None))
BINOP(lshift, wf_number_lshift(a, b))
BINOP(rshift, wf_number_rshift(a, b))
BINOP(and_, wf_number_and(a, b))
BINOP(or_, wf_number_or(a, b))
BINOP(xor, wf_number_xor(a, b))
BINOP(iadd, wf_number_inplace_add(a, b))
BINOP(isub, wf_number_inplace_subtract(a, b))
BINOP(imul, wf_number_inplace_multiply(a, b))
BINOP(imatmul, wf_number_inplace_matrix_multiply(a, b))
BINOP(ifloordiv, wf_number_inplace_floor_divide(a, b))
BINOP(itruediv, wf_number_inplace_true_divide(a, b))
BINOP(imod, wf_number_inplace_remainder(a, b))
BINOP(ipow, wf_number_inplace_power(a, b, wf_None))
BINOP(ilshift, wf_number_inplace_lshift(a, b))
BINOP(irshift, wf_number_inplace_rshift(a, b))
BINOP(iand, wf_number_inplace_and(a, b))
BINOP(ior, wf_number_inplace_or(a, b))
BINOP(ixor, wf_number_inplace_xor(a, b))
BINOP(lt, wf_object_rich_compare(a, b, WF_LT))
BINOP(le, wf_object_rich_compare(a, b, WF_LE))
BINOP(eq, wf_object_rich_compare(a, b, WF_EQ))
BINOP(ne, wf_object_rich_compare(a, b, WF_NE))
BINOP(gt, wf_object_rich_compare(a, b, WF_GT))
BINOP(ge, wf_object_rich_compare(a, b, WF_GE))
BINOP(is_, wf_newref(wf_bool_from(a == b)))
BINOP(is_not, wf_newref(wf_bool_from(a != b)))
BINOP(getitem, wf_object_get_item(a, b))

UNOP(neg, wf_number_negative(a))
UNOP(pos, wf_number_positive(a))
UNOP(abs, wf_number_absolute(a))
UNOP(inv, wf_number_invert(a))
UNOP(index, wf_number_index(a))

static wf_object *op_truth(wf_object *self, wf_object *a) {
    (void)self;
    int r = wf_object_is_true(a);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

static wf_object *op_not_(wf_object *self, wf_object *a) {
    (void)self;
    int r = wf_object_not(a);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

static wf_object *concat_impl(const char *name, wf_object *const *args, wf_ssize_t nargs, int inplace) {
    if (wf_check_nargs(name, nargs, 2, 2) < 0) return NULL;
    return inplace ? wf_sequence_inplace_concat(args[0], args[1])
                   : wf_sequence_concat(args[0], args[1]);
}

static wf_object *op_concat(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    return concat_impl("concat", args, nargs, 0);
}
static wf_object *op_iconcat(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    return concat_impl("iconcat", args, nargs, 1);
}

static wf_object *op_contains(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("contains", nargs, 2, 2) < 0) return NULL;
    int r = wf_sequence_contains(args[0], args[1]);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

/* countOf / indexOf: compare by identity first, then ==. */
static wf_object *count_or_index(const char *name, wf_object *const *args, wf_ssize_t nargs, int index) {
    if (wf_check_nargs(name, nargs, 2, 2) < 0) return NULL;
    wf_object *it = wf_object_get_iter(args[0]);
    if (!it) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "argument of type '%s' is not iterable",
                          wf_type_name(WF_TYPE(args[0])));
        }
        return NULL;
    }
    wf_ssize_t i = 0, count = 0;
    for (;; i++) {
        wf_object *item = wf_iter_next(it);
        if (!item) {
            wf_decref(it);
            if (wf_err_occurred()) return NULL;
            if (index) {
                wf_err_set_string(&wf_exc_ValueError, "sequence.index(x): x not in sequence");
                return NULL;
            }
            return wf_int_from_ssize(count);
        }
        int eq = item == args[1] ? 1 : wf_object_rich_compare_bool(item, args[1], WF_EQ);
        wf_decref(item);
        if (eq < 0) {
            wf_decref(it);
            return NULL;
        }
        if (eq) {
            if (index) {
                wf_decref(it);
                return wf_int_from_ssize(i);
            }
            count++;
        }
    }
}

static wf_object *op_countOf(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    return count_or_index("countOf", args, nargs, 0);
}
static wf_object *op_indexOf(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    return count_or_index("indexOf", args, nargs, 1);
}

static wf_object *op_setitem(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("setitem", nargs, 3, 3) < 0) return NULL;
    if (wf_object_set_item(args[0], args[1], args[2]) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *op_delitem(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("delitem", nargs, 2, 2) < 0) return NULL;
    if (wf_object_del_item(args[0], args[1]) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *op_length_hint(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("length_hint", nargs, 1, 2) < 0) return NULL;
    wf_ssize_t dflt = 0;
    if (nargs == 2) {
        if (!WF_INT_CHECK(args[1]))
            return wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                 wf_type_name(WF_TYPE(args[1])));
        dflt = wf_int_as_ssize(args[1]);
        if (dflt == -1 && wf_err_occurred()) return NULL;
    }
    wf_object *o = args[0];
    wf_type *t = WF_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        wf_ssize_t n = wf_object_size(o);
        if (n >= 0) return wf_int_from_ssize(n);
        if (!wf_err_matches((wf_object *)&wf_exc_TypeError)) return NULL;
        wf_err_clear();
    }
    int found;
    wf_object *r = wfo_call_special(o, WFO_ID(__length_hint__), NULL, 0, &found);
    if (!found) {
        if (wf_err_occurred()) return NULL;
        return wf_int_from_ssize(dflt);
    }
    if (!r) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            return wf_int_from_ssize(dflt);
        }
        return NULL;
    }
    if (r == wf_NotImplemented) {
        wf_decref(r);
        return wf_int_from_ssize(dflt);
    }
    if (!WF_INT_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__length_hint__ must be an integer, not %s",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    wf_ssize_t n = wf_int_as_ssize(r);
    wf_decref(r);
    if (n == -1 && wf_err_occurred()) return NULL;
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "__length_hint__() should return >= 0");
        return NULL;
    }
    return wf_int_from_ssize(n);
}

static wf_object *op_call(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                          wf_object *kwnames) {
    (void)self;
    if (nargs < 1) {
        wf_err_set_string(&wf_exc_TypeError, "call() missing 1 required positional argument: 'obj'");
        return NULL;
    }
    return wf_object_vectorcall(args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

/* --- attrgetter ----------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_ssize_t nattrs;
    wf_object *attrs; /* tuple: each item a str or a tuple of str (dotted) */
} attrgetter_obj;

static wf_type attrgetter_type, itemgetter_type, methodcaller_type;

static wf_object *attrgetter_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_set_string(&wf_exc_TypeError, "attrgetter() takes no keyword arguments");
        return NULL;
    }
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n < 1) {
        wf_err_set_string(&wf_exc_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    wf_object *attrs = wf_tuple_new(n);
    if (!attrs) return NULL;
    wf_object *dot = wf_str_from_cstr(".");
    if (!dot) {
        wf_decref(attrs);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *name = WF_TUPLE_ITEM(args, i);
        if (!WF_STR_CHECK(name)) {
            wf_err_set_string(&wf_exc_TypeError, "attribute name must be a string");
            goto fail;
        }
        wf_object *parts;
        if (wf_str_contains(name, dot) > 0) {
            wf_object *lst = wf_str_split(name, dot, -1);
            if (!lst) goto fail;
            parts = wf_list_as_tuple(lst);
            wf_decref(lst);
            if (!parts) goto fail;
            for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(parts); k++) {
                wf_object *p = WF_TUPLE_ITEM(parts, k);
                wf_incref(p);
                WF_TUPLE_ITEM(parts, k) = wf_str_intern(p);
                wf_decref(p);
            }
        } else {
            wf_incref(name);
            parts = wf_str_intern(name);
        }
        WF_TUPLE_ITEM(attrs, i) = parts;
    }
    wf_decref(dot);
    attrgetter_obj *ag = (attrgetter_obj *)wf_type_generic_alloc(type, 0);
    if (!ag) {
        wf_decref(attrs);
        return NULL;
    }
    ag->nattrs = n;
    ag->attrs = attrs;
    return (wf_object *)ag;
fail:
    wf_decref(dot);
    wf_decref(attrs);
    return NULL;
}

static wf_object *dotted_getattr(wf_object *obj, wf_object *attr) {
    if (WF_TUPLE_CHECK(attr)) {
        wf_object *cur = wf_newref(obj);
        for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(attr) && cur; k++) {
            wf_object *next = wf_object_getattr(cur, WF_TUPLE_ITEM(attr, k));
            wf_decref(cur);
            cur = next;
        }
        return cur;
    }
    return wf_object_getattr(obj, attr);
}

static wf_object *attrgetter_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                                  wf_object *kwnames) {
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (wf_check_no_kwargs("attrgetter", kwnames) < 0) return NULL;
    if (wf_check_nargs("attrgetter", nargs, 1, 1) < 0) return NULL;
    attrgetter_obj *ag = (attrgetter_obj *)callable;
    if (ag->nattrs == 1) return dotted_getattr(args[0], WF_TUPLE_ITEM(ag->attrs, 0));
    wf_object *r = wf_tuple_new(ag->nattrs);
    if (!r) return NULL;
    for (wf_ssize_t i = 0; i < ag->nattrs; i++) {
        wf_object *v = dotted_getattr(args[0], WF_TUPLE_ITEM(ag->attrs, i));
        if (!v) {
            wf_decref(r);
            return NULL;
        }
        WF_TUPLE_ITEM(r, i) = v;
    }
    return r;
}

static wf_object *attrgetter_repr(wf_object *self) {
    attrgetter_obj *ag = (attrgetter_obj *)self;
    int rc = wf_repr_enter(self);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_format("%s(...)", WF_TYPE(self)->tp_name);
    wf_object *names = wf_tuple_new(ag->nattrs);
    wf_object *r = NULL, *dot = wf_str_from_cstr(".");
    if (!names || !dot) goto done;
    for (wf_ssize_t i = 0; i < ag->nattrs; i++) {
        wf_object *a = WF_TUPLE_ITEM(ag->attrs, i);
        wf_object *s = WF_TUPLE_CHECK(a) ? wf_str_join(dot, a) : wf_newref(a);
        if (!s) goto done;
        WF_TUPLE_ITEM(names, i) = s;
    }
    wf_object *inner = wfo_repr_join("", ((wf_tuple *)names)->ob_item, ag->nattrs, "");
    if (inner) {
        r = wf_str_from_format("%s(%U)", WF_TYPE(self)->tp_name, inner);
        wf_decref(inner);
    }
done:
    if (names) wf_decref(names);
    if (dot) wf_decref(dot);
    wf_repr_leave(self);
    return r;
}

static wf_object *attrgetter_reduce(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *dot = wf_str_from_cstr(".");
    attrgetter_obj *ag = (attrgetter_obj *)self;
    wf_object *names = dot ? wf_tuple_new(ag->nattrs) : NULL;
    if (!names) {
        if (dot) wf_decref(dot);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < ag->nattrs; i++) {
        wf_object *a = WF_TUPLE_ITEM(ag->attrs, i);
        wf_object *s = WF_TUPLE_CHECK(a) ? wf_str_join(dot, a) : wf_newref(a);
        if (!s) {
            wf_decref(names);
            wf_decref(dot);
            return NULL;
        }
        WF_TUPLE_ITEM(names, i) = s;
    }
    wf_decref(dot);
    wf_object *r = wf_tuple_pack(2, (wf_object *)WF_TYPE(self), names);
    wf_decref(names);
    return r;
}

static int attrgetter_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    attrgetter_obj *ag = (attrgetter_obj *)self;
    return ag->attrs ? visit(ag->attrs, arg) : 0;
}

static void attrgetter_dealloc(wf_object *self) {
    WF_CLEAR(((attrgetter_obj *)self)->attrs);
    wfo_free_instance(self);
}

static wf_method_def attrgetter_methods[] = {
    {"__reduce__", attrgetter_reduce, WF_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static wf_type attrgetter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(attrgetter_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = attrgetter_dealloc,
    .tp_traverse = attrgetter_traverse,
    .tp_repr = attrgetter_repr,
    .tp_call = attrgetter_call,
    .tp_new = attrgetter_new,
    .tp_methods = attrgetter_methods,
    .tp_doc = "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that "
              "fetches the given attribute(s) from its operand.",
};

/* --- itemgetter ----------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_ssize_t nitems;
    wf_object *items; /* tuple of keys */
} itemgetter_obj;

static wf_object *itemgetter_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_set_string(&wf_exc_TypeError, "itemgetter() takes no keyword arguments");
        return NULL;
    }
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n < 1) {
        wf_err_set_string(&wf_exc_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    itemgetter_obj *ig = (itemgetter_obj *)wf_type_generic_alloc(type, 0);
    if (!ig) return NULL;
    ig->nitems = n;
    ig->items = wf_newref(args);
    return (wf_object *)ig;
}

static wf_object *itemgetter_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                                  wf_object *kwnames) {
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (wf_check_no_kwargs("itemgetter", kwnames) < 0) return NULL;
    if (wf_check_nargs("itemgetter", nargs, 1, 1) < 0) return NULL;
    itemgetter_obj *ig = (itemgetter_obj *)callable;
    if (ig->nitems == 1) return wf_object_get_item(args[0], WF_TUPLE_ITEM(ig->items, 0));
    wf_object *r = wf_tuple_new(ig->nitems);
    if (!r) return NULL;
    for (wf_ssize_t i = 0; i < ig->nitems; i++) {
        wf_object *v = wf_object_get_item(args[0], WF_TUPLE_ITEM(ig->items, i));
        if (!v) {
            wf_decref(r);
            return NULL;
        }
        WF_TUPLE_ITEM(r, i) = v;
    }
    return r;
}

static wf_object *itemgetter_repr(wf_object *self) {
    itemgetter_obj *ig = (itemgetter_obj *)self;
    int rc = wf_repr_enter(self);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_format("%s(...)", WF_TYPE(self)->tp_name);
    wf_object *inner = wfo_repr_join("", ((wf_tuple *)ig->items)->ob_item, ig->nitems, "");
    wf_object *r = inner ? wf_str_from_format("%s(%U)", WF_TYPE(self)->tp_name, inner) : NULL;
    if (inner) wf_decref(inner);
    wf_repr_leave(self);
    return r;
}

static wf_object *itemgetter_reduce(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_tuple_pack(2, (wf_object *)WF_TYPE(self), ((itemgetter_obj *)self)->items);
}

static int itemgetter_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    itemgetter_obj *ig = (itemgetter_obj *)self;
    return ig->items ? visit(ig->items, arg) : 0;
}

static void itemgetter_dealloc(wf_object *self) {
    WF_CLEAR(((itemgetter_obj *)self)->items);
    wfo_free_instance(self);
}

static wf_method_def itemgetter_methods[] = {
    {"__reduce__", itemgetter_reduce, WF_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static wf_type itemgetter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(itemgetter_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = itemgetter_dealloc,
    .tp_traverse = itemgetter_traverse,
    .tp_repr = itemgetter_repr,
    .tp_call = itemgetter_call,
    .tp_new = itemgetter_new,
    .tp_methods = itemgetter_methods,
    .tp_doc = "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that "
              "fetches the given item(s) from its operand.",
};

/* --- methodcaller --------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *name;   /* str, interned */
    wf_object *args;   /* tuple */
    wf_object *kwargs; /* dict */
} methodcaller_obj;

static wf_object *methodcaller_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n < 1) {
        wf_err_set_string(&wf_exc_TypeError,
                          "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    wf_object *name = WF_TUPLE_ITEM(args, 0);
    if (!WF_STR_CHECK(name)) {
        wf_err_set_string(&wf_exc_TypeError, "method name must be a string");
        return NULL;
    }
    methodcaller_obj *mc = (methodcaller_obj *)wf_type_generic_alloc(type, 0);
    if (!mc) return NULL;
    wf_incref(name);
    mc->name = wf_str_intern(name);
    mc->args = wf_tuple_slice(args, 1, n);
    mc->kwargs = kwargs ? wf_dict_copy(kwargs) : wf_dict_new();
    if (!mc->args || !mc->kwargs) {
        wf_decref((wf_object *)mc);
        return NULL;
    }
    return (wf_object *)mc;
}

static wf_object *methodcaller_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                                    wf_object *kwnames) {
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (wf_check_no_kwargs("methodcaller", kwnames) < 0) return NULL;
    if (wf_check_nargs("methodcaller", nargs, 1, 1) < 0) return NULL;
    methodcaller_obj *mc = (methodcaller_obj *)callable;
    wf_object *meth = wf_object_getattr(args[0], mc->name);
    if (!meth) return NULL;
    wf_object *r = wf_object_call(meth, mc->args, wf_dict_size(mc->kwargs) ? mc->kwargs : NULL);
    wf_decref(meth);
    return r;
}

static wf_object *methodcaller_repr(wf_object *self) {
    methodcaller_obj *mc = (methodcaller_obj *)self;
    int rc = wf_repr_enter(self);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_format("%s(...)", WF_TYPE(self)->tp_name);
    wf_object *r = NULL;
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_strbuf_puts(&b, WF_TYPE(self)->tp_name) < 0 || wfo_strbuf_puts(&b, "(") < 0 ||
        wfo_strbuf_append_repr(&b, mc->name) < 0)
        goto done;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(mc->args); i++)
        if (wfo_strbuf_puts(&b, ", ") < 0 || wfo_strbuf_append_repr(&b, WF_TUPLE_ITEM(mc->args, i)) < 0)
            goto done;
    wf_ssize_t pos = 0;
    wf_object *k, *v;
    while (wf_dict_next(mc->kwargs, &pos, &k, &v)) {
        wf_ssize_t len;
        const char *u = WF_STR_CHECK(k) ? wf_str_utf8(k, &len) : NULL;
        int bad = !u || wfo_strbuf_puts(&b, ", ") < 0 || wfo_strbuf_append(&b, u, (size_t)len) < 0 ||
                  wfo_strbuf_puts(&b, "=") < 0 || wfo_strbuf_append_repr(&b, v) < 0;
        wf_decref(k);
        wf_decref(v);
        if (bad) goto done;
    }
    if (wfo_strbuf_puts(&b, ")") < 0) goto done;
    r = wfo_strbuf_finish(&b);
    b.data = NULL;
done:
    if (b.data) wfo_strbuf_free(&b);
    wf_repr_leave(self);
    return r;
}

static int methodcaller_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    methodcaller_obj *mc = (methodcaller_obj *)self;
    if (mc->args && visit(mc->args, arg)) return -1;
    if (mc->kwargs && visit(mc->kwargs, arg)) return -1;
    return 0;
}

static void methodcaller_dealloc(wf_object *self) {
    methodcaller_obj *mc = (methodcaller_obj *)self;
    WF_CLEAR(mc->name);
    WF_CLEAR(mc->args);
    WF_CLEAR(mc->kwargs);
    wfo_free_instance(self);
}

static wf_type methodcaller_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(methodcaller_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = methodcaller_dealloc,
    .tp_traverse = methodcaller_traverse,
    .tp_repr = methodcaller_repr,
    .tp_call = methodcaller_call,
    .tp_new = methodcaller_new,
    .tp_doc = "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that "
              "calls the given method on its operand.",
};

/* --- the module --------------------------------------------------------------- */
#define F2(n, doc) {#n, op_##n, WF_METH_FASTCALL, doc}
#define F1(n, doc) {#n, op_##n, WF_METH_O, doc}
static wf_method_def operator_methods[] = {
    F1(abs, "Same as abs(a)."),
    F2(add, "Same as a + b."),
    F2(and_, "Same as a & b."),
    {"call", op_call, WF_METH_FASTCALL | WF_METH_KEYWORDS, "Same as obj(*args, **kwargs)."},
    F2(concat, "Same as a + b, for a and b sequences."),
    F2(contains, "Same as b in a (note reversed operands)."),
    F2(countOf, "Return the number of items in a which are, or which equal, b."),
    F2(delitem, "Same as del a[b]."),
    F2(eq, "Same as a == b."),
    F2(floordiv, "Same as a // b."),
    F2(ge, "Same as a >= b."),
    F2(getitem, "Same as a[b]."),
    F2(gt, "Same as a > b."),
    F2(iadd, "Same as a += b."),
    F2(iand, "Same as a &= b."),
    F2(iconcat, "Same as a += b, for a and b sequences."),
    F2(ifloordiv, "Same as a //= b."),
    F2(ilshift, "Same as a <<= b."),
    F2(imatmul, "Same as a @= b."),
    F2(imod, "Same as a %= b."),
    F2(imul, "Same as a *= b."),
    F1(index, "Same as a.__index__()"),
    F2(indexOf, "Return the first index of b in a."),
    F1(inv, "Same as ~a."),
    {"invert", op_inv, WF_METH_O, "Same as ~a."},
    F2(ior, "Same as a |= b."),
    F2(ipow, "Same as a **= b."),
    F2(irshift, "Same as a >>= b."),
    F2(is_, "Same as a is b."),
    F2(is_not, "Same as a is not b."),
    F2(isub, "Same as a -= b."),
    F2(itruediv, "Same as a /= b."),
    F2(ixor, "Same as a ^= b."),
    F2(le, "Same as a <= b."),
    F2(length_hint, "Return an estimate of the number of items in obj."),
    F2(lshift, "Same as a << b."),
    F2(lt, "Same as a < b."),
    F2(matmul, "Same as a @ b."),
    F2(mod, "Same as a % b."),
    F2(mul, "Same as a * b."),
    F2(ne, "Same as a != b."),
    F1(neg, "Same as -a."),
    F1(not_, "Same as not a."),
    F2(or_, "Same as a | b."),
    F1(pos, "Same as +a."),
    F2(pow, "Same as a ** b."),
    F2(rshift, "Same as a >> b."),
    F2(setitem, "Same as a[b] = c."),
    F2(sub, "Same as a - b."),
    F2(truediv, "Same as a / b."),
    F1(truth, "Return True if a is true, False otherwise."),
    F2(xor, "Same as a ^ b."),
    {NULL, NULL, 0, NULL},
};

/* operator.__add__ is operator.add, and so on. */
static const char *const dunder_aliases[][2] = {
    {"__abs__", "abs"}, {"__add__", "add"}, {"__and__", "and_"}, {"__call__", "call"},
    {"__concat__", "concat"}, {"__contains__", "contains"}, {"__delitem__", "delitem"},
    {"__eq__", "eq"}, {"__floordiv__", "floordiv"}, {"__ge__", "ge"}, {"__getitem__", "getitem"},
    {"__gt__", "gt"}, {"__iadd__", "iadd"}, {"__iand__", "iand"}, {"__iconcat__", "iconcat"},
    {"__ifloordiv__", "ifloordiv"}, {"__ilshift__", "ilshift"}, {"__imatmul__", "imatmul"},
    {"__imod__", "imod"}, {"__imul__", "imul"}, {"__index__", "index"}, {"__inv__", "inv"},
    {"__invert__", "invert"}, {"__ior__", "ior"}, {"__ipow__", "ipow"}, {"__irshift__", "irshift"},
    {"__isub__", "isub"}, {"__itruediv__", "itruediv"}, {"__ixor__", "ixor"}, {"__le__", "le"},
    {"__lshift__", "lshift"}, {"__lt__", "lt"}, {"__matmul__", "matmul"}, {"__mod__", "mod"},
    {"__mul__", "mul"}, {"__ne__", "ne"}, {"__neg__", "neg"}, {"__not__", "not_"},
    {"__or__", "or_"}, {"__pos__", "pos"}, {"__pow__", "pow"}, {"__rshift__", "rshift"},
    {"__setitem__", "setitem"}, {"__sub__", "sub"}, {"__truediv__", "truediv"},
    {"__xor__", "xor"},
};

static const char *const all_names[] = {
    "abs", "add", "and_", "attrgetter", "call", "concat", "contains", "countOf", "delitem", "eq",
    "floordiv", "ge", "getitem", "gt", "iadd", "iand", "iconcat", "ifloordiv", "ilshift",
    "imatmul", "imod", "imul", "index", "indexOf", "inv", "invert", "ior", "ipow", "irshift",
    "is_", "is_not", "isub", "itemgetter", "itruediv", "ixor", "le", "length_hint", "lshift",
    "lt", "matmul", "methodcaller", "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow",
    "rshift", "setitem", "sub", "truediv", "truth", "xor",
};

WF_MODULE_INIT(operator) {
    if (wf_type_ready(&attrgetter_type) < 0 || wf_type_ready(&itemgetter_type) < 0 ||
        wf_type_ready(&methodcaller_type) < 0)
        return NULL;
    wf_object *m = wf_module_new("operator");
    if (!m) return NULL;
    if (wf_module_add_functions(m, operator_methods) < 0 ||
        wf_module_add_object(m, "attrgetter", (wf_object *)&attrgetter_type) < 0 ||
        wf_module_add_object(m, "itemgetter", (wf_object *)&itemgetter_type) < 0 ||
        wf_module_add_object(m, "methodcaller", (wf_object *)&methodcaller_type) < 0)
        goto fail;
    wf_object *d = wf_module_get_dict(m);
    for (size_t i = 0; i < sizeof(dunder_aliases) / sizeof(dunder_aliases[0]); i++) {
        wf_object *f = NULL;
        if (wf_dict_get_item_string_ref(d, dunder_aliases[i][1], &f) <= 0) goto fail;
        int rc = wf_dict_set_item_string(d, dunder_aliases[i][0], f);
        wf_decref(f);
        if (rc < 0) goto fail;
    }
    /* _abs is what operator.py defines for its own use; keep the name */
    wf_object *f = NULL;
    if (wf_dict_get_item_string_ref(d, "abs", &f) <= 0) goto fail;
    int rc = wf_dict_set_item_string(d, "_abs", f);
    wf_decref(f);
    if (rc < 0) goto fail;
    size_t nall = sizeof(all_names) / sizeof(all_names[0]);
    wf_object *all = wf_list_new(0);
    if (!all) goto fail;
    for (size_t i = 0; i < nall; i++) {
        wf_object *s = wf_str_from_cstr(all_names[i]);
        if (!s || wf_list_append(all, s) < 0) {
            if (s) wf_decref(s);
            wf_decref(all);
            goto fail;
        }
        wf_decref(s);
    }
    rc = wf_module_add_object(m, "__all__", all);
    wf_decref(all);
    if (rc < 0) goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}
