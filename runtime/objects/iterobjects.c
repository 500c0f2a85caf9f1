/*
 * runtime/objects/iterobjects.c — the iterator builtins enumerate, zip,
 * map, filter and reversed (one type each, all subclassable).
 *
 * Invariants: the pointer fields (the underlying iterators, the function,
 * the sequence) are set at creation and never change until dealloc, so
 * they are read without locks; the underlying iterators are stepped with
 * wf_iter_next, which reports a StopIteration as plain exhaustion.  Only
 * the counters change after creation:
 *   - enumerate's index (and its int form once it passes WF_SSIZE_MAX) is
 *     read and advanced under the enumerate object's critical section,
 *     held across the step of the inner iterator so that, absent blocking,
 *     each item is paired with the next index;
 *   - reversed's index is claimed under its critical section (each
 *     position is produced once) and set to -1 once the sequence is
 *     exhausted.
 * zip, map and filter keep no mutable state: threads sharing one of them
 * step the underlying iterators independently (items may interleave but
 * nothing is lost twice or freed early).
 *
 * Messages and argument handling follow CPython 3.11 (including
 * enumerate's hand-written keyword checks).
 */
#include "runtime/objects/objimpl.h"

static wf_object *iter_self(wf_object *o) { return wf_newref(o); }

/* args tuple + kwargs dict (tp_new) -> a vector with kwnames, for the
 * constructors that are written in the vectorcall convention.  *vec must
 * be freed with wfm_free and *kwnames released. */
static int tuple_dict_to_vector(wf_object *args, wf_object *kwargs, wf_object ***vec,
                                wf_ssize_t *nargs, wf_object **kwnames) {
    wf_ssize_t n = WF_TUPLE_SIZE(args), nk = kwargs ? wf_dict_size(kwargs) : 0;
    wf_object **v = wfm_malloc(sizeof(wf_object *) * (size_t)(n + nk + 1));
    if (!v) {
        wf_err_no_memory();
        return -1;
    }
    for (wf_ssize_t i = 0; i < n; i++) v[i] = WF_TUPLE_ITEM(args, i);
    *kwnames = NULL;
    if (nk) {
        wf_object *names = wf_tuple_new(nk);
        if (!names) {
            wfm_free(v);
            return -1;
        }
        wf_ssize_t pos = 0, j = 0;
        wf_object *k, *val;
        while (j < nk && wf_dict_next(kwargs, &pos, &k, &val)) {
            ((wf_tuple *)names)->ob_item[j] = k; /* owned by names */
            v[n + j] = val;                       /* kept alive by kwargs */
            wf_decref(val);
            j++;
        }
        *kwnames = names;
    }
    *vec = v;
    *nargs = n;
    return 0;
}

/* ===========================================================================
 * enumerate
 */
typedef struct {
    wf_object ob_base;
    wf_object *it;        /* immutable */
    wf_ssize_t index;     /* under the critical section */
    wf_object *longindex; /* under the critical section; non-NULL once the
                             index does not fit a wf_ssize_t */
} enumobject;

extern wf_type wf_enumerate_type;

static wf_object *enum_make(wf_type *type, wf_object *iterable, wf_object *start) {
    wf_ssize_t index = 0;
    wf_object *longindex = NULL;
    if (start) {
        wf_object *s = wf_number_index(start);
        if (!s) return NULL;
        int overflow = 0;
        int64_t v = wf_int_as_i64_overflow(s, &overflow);
        if (overflow || v == WF_SSIZE_MAX) {
            longindex = s;
        } else {
            index = (wf_ssize_t)v;
            wf_decref(s);
        }
    }
    wf_object *it = wf_object_get_iter(iterable);
    if (!it) {
        wf_xdecref(longindex);
        return NULL;
    }
    enumobject *e = (enumobject *)wf_type_generic_alloc(type, 0);
    if (!e) {
        wf_decref(it);
        wf_xdecref(longindex);
        return NULL;
    }
    e->it = it;
    e->index = index;
    e->longindex = longindex;
    return (wf_object *)e;
}

static int enum_check_keyword(wf_object *kwnames, wf_ssize_t i, const char *expected) {
    wf_object *k = WF_TUPLE_ITEM(kwnames, i);
    if (WF_STR_CHECK(k) && wf_str_eq_cstr(k, expected)) return 1;
    wf_err_format(&wf_exc_TypeError, "'%S' is an invalid keyword argument for enumerate()", k);
    return 0;
}

static wf_object *enum_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                  wf_object *kwnames) {
    wf_type *tp = (wf_type *)type;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw == 2) {
        if (nkw == 1) {
            if (!enum_check_keyword(kwnames, 0, "start")) return NULL;
        } else if (nkw == 2) {
            wf_object *k0 = WF_TUPLE_ITEM(kwnames, 0);
            if (WF_STR_CHECK(k0) && wf_str_eq_cstr(k0, "start")) {
                if (!enum_check_keyword(kwnames, 1, "iterable")) return NULL;
                return enum_make(tp, args[1], args[0]);
            }
            if (!enum_check_keyword(kwnames, 0, "iterable") ||
                !enum_check_keyword(kwnames, 1, "start"))
                return NULL;
        }
        return enum_make(tp, args[0], args[1]);
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && !enum_check_keyword(kwnames, 0, "iterable")) return NULL;
        return enum_make(tp, args[0], NULL);
    }
    if (nargs == 0 && nkw == 0) {
        wf_err_set_string(&wf_exc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    return wf_err_format(&wf_exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                         nargs + nkw);
}

static wf_object *enum_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object **vec, *kwnames;
    wf_ssize_t nargs;
    if (tuple_dict_to_vector(args, kwargs, &vec, &nargs, &kwnames) < 0) return NULL;
    wf_object *r = enum_vectorcall((wf_object *)type, vec, (size_t)nargs, kwnames);
    wfm_free(vec);
    wf_xdecref(kwnames);
    return r;
}

static wf_object *enum_next(wf_object *o) {
    enumobject *e = (enumobject *)o;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(o);
    wf_object *item = wf_iter_next(e->it);
    if (item) {
        wf_object *idx;
        if (!e->longindex && e->index == WF_SSIZE_MAX)
            e->longindex = wf_int_from_ssize(WF_SSIZE_MAX);
        if (e->longindex) {
            idx = e->longindex;
            wf_object *one = wf_small_int(1);
            wf_object *nx = idx ? wf_number_add(idx, one) : NULL;
            e->longindex = nx;
            if (!nx) {
                wf_xdecref(idx);
                idx = NULL;
            }
        } else {
            idx = wf_int_from_ssize(e->index++);
        }
        if (idx) {
            r = wf_tuple_new(2);
            if (r) {
                ((wf_tuple *)r)->ob_item[0] = idx;
                ((wf_tuple *)r)->ob_item[1] = item;
                item = NULL;
            } else {
                wf_decref(idx);
            }
        }
        wf_xdecref(item);
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

static int enum_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    enumobject *e = (enumobject *)o;
    if (e->it && visit(e->it, arg)) return -1;
    if (e->longindex && visit(e->longindex, arg)) return -1;
    return 0;
}

static void enum_dealloc(wf_object *o) {
    WF_CLEAR(((enumobject *)o)->it);
    WF_CLEAR(((enumobject *)o)->longindex);
    wfo_free_instance(o);
}

wf_type wf_enumerate_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_BASETYPE,
    .tp_dealloc = enum_dealloc,
    .tp_traverse = enum_traverse,
    .tp_iter = iter_self,
    .tp_iternext = enum_next,
    .tp_new = enum_tp_new,
    .tp_vectorcall = enum_vectorcall,
    .tp_doc = "Return an enumerate object.",
};

/* ===========================================================================
 * zip
 */
typedef struct {
    wf_object ob_base;
    wf_object *iters; /* tuple of iterators, immutable */
    int strict;       /* immutable */
} zipobject;

extern wf_type wf_zip_type;

static wf_object *zip_make(wf_type *type, wf_object *const *args, wf_ssize_t n, int strict) {
    wf_object *iters = wf_tuple_new(n);
    if (!iters) return NULL;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *it = wf_object_get_iter(args[i]);
        if (!it) {
            wf_decref(iters);
            return NULL;
        }
        ((wf_tuple *)iters)->ob_item[i] = it;
    }
    zipobject *z = (zipobject *)wf_type_generic_alloc(type, 0);
    if (!z) {
        wf_decref(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    return (wf_object *)z;
}

static wf_object *zip_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                 wf_object *kwnames) {
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    int strict = 0;
    if (nkw > 1)
        return wf_err_format(&wf_exc_TypeError, "zip() takes at most 1 keyword argument (%zd given)",
                             nkw);
    if (nkw == 1) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, 0);
        if (!WF_STR_CHECK(k) || !wf_str_eq_cstr(k, "strict"))
            return wf_err_format(&wf_exc_TypeError, "'%S' is an invalid keyword argument for zip()", k);
        strict = wf_object_is_true(args[nargs]);
        if (strict < 0) return NULL;
    }
    return zip_make((wf_type *)type, args, nargs, strict);
}

static wf_object *zip_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object **vec, *kwnames;
    wf_ssize_t nargs;
    if (tuple_dict_to_vector(args, kwargs, &vec, &nargs, &kwnames) < 0) return NULL;
    wf_object *r = zip_vectorcall((wf_object *)type, vec, (size_t)nargs, kwnames);
    wfm_free(vec);
    wf_xdecref(kwnames);
    return r;
}

/* After a failed step: NULL if a real error is pending, else 1. */
static int swallow_stop(void) {
    if (!wf_err_occurred()) return 1;
    if (!wf_err_matches((wf_object *)&wf_exc_StopIteration)) return 0;
    wf_err_clear();
    return 1;
}

static wf_object *zip_next(wf_object *o) {
    zipobject *z = (zipobject *)o;
    wf_ssize_t n = WF_TUPLE_SIZE(z->iters);
    if (n == 0) return NULL;
    wf_object *r = wf_tuple_new(n);
    if (!r) return NULL;
    wf_ssize_t i;
    for (i = 0; i < n; i++) {
        wf_object *item = wf_iter_next(WF_TUPLE_ITEM(z->iters, i));
        if (!item) break;
        ((wf_tuple *)r)->ob_item[i] = item;
    }
    if (i == n) return r;
    wf_decref(r); /* a partly filled tuple: its dealloc skips NULL items */
    if (!z->strict || !swallow_stop()) return NULL;
    if (i) {
        return wf_err_format(&wf_exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                             i + 1, i == 1 ? " " : "s 1-", i);
    }
    for (i = 1; i < n; i++) {
        wf_object *item = wf_iter_next(WF_TUPLE_ITEM(z->iters, i));
        if (item) {
            wf_decref(item);
            return wf_err_format(&wf_exc_ValueError,
                                 "zip() argument %zd is longer than argument%s%zd", i + 1,
                                 i == 1 ? " " : "s 1-", i);
        }
        if (!swallow_stop()) return NULL;
    }
    return NULL;
}

static int zip_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    zipobject *z = (zipobject *)o;
    return z->iters ? visit(z->iters, arg) : 0;
}

static void zip_dealloc(wf_object *o) {
    WF_CLEAR(((zipobject *)o)->iters);
    wfo_free_instance(o);
}

wf_type wf_zip_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_BASETYPE,
    .tp_dealloc = zip_dealloc,
    .tp_traverse = zip_traverse,
    .tp_iter = iter_self,
    .tp_iternext = zip_next,
    .tp_new = zip_tp_new,
    .tp_vectorcall = zip_vectorcall,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
};

/* ===========================================================================
 * map
 */
typedef struct {
    wf_object ob_base;
    wf_object *func;  /* immutable */
    wf_object *iters; /* tuple of iterators, immutable */
} mapobject;

extern wf_type wf_map_type;

static wf_object *map_make(wf_type *type, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs < 2) {
        wf_err_set_string(&wf_exc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    wf_object *iters = wf_tuple_new(nargs - 1);
    if (!iters) return NULL;
    for (wf_ssize_t i = 1; i < nargs; i++) {
        wf_object *it = wf_object_get_iter(args[i]);
        if (!it) {
            wf_decref(iters);
            return NULL;
        }
        ((wf_tuple *)iters)->ob_item[i - 1] = it;
    }
    mapobject *m = (mapobject *)wf_type_generic_alloc(type, 0);
    if (!m) {
        wf_decref(iters);
        return NULL;
    }
    m->func = wf_newref(args[0]);
    m->iters = iters;
    return (wf_object *)m;
}

static wf_object *map_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                 wf_object *kwnames) {
    if (wf_check_no_kwargs("map", kwnames) < 0) return NULL;
    return map_make((wf_type *)type, args, wf_vectorcall_nargs(nargsf));
}

static wf_object *map_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    /* Keywords are refused unless a subclass has its own __init__. */
    if ((type == &wf_map_type || type->tp_init == wf_map_type.tp_init) && kwargs &&
        wf_dict_size(kwargs) > 0)
        return wf_err_format(&wf_exc_TypeError, "map() takes no keyword arguments");
    return map_make(type, ((wf_tuple *)args)->ob_item, WF_TUPLE_SIZE(args));
}

static wf_object *map_next(wf_object *o) {
    mapobject *m = (mapobject *)o;
    wf_ssize_t n = WF_TUPLE_SIZE(m->iters);
    wf_object *stack[8];
    wf_object **a = stack;
    if (n > 8) {
        a = wfm_malloc(sizeof(wf_object *) * (size_t)n);
        if (!a) return wf_err_no_memory();
    }
    wf_ssize_t i;
    wf_object *r = NULL;
    for (i = 0; i < n; i++) {
        a[i] = wf_iter_next(WF_TUPLE_ITEM(m->iters, i));
        if (!a[i]) break;
    }
    if (i == n) r = wf_object_vectorcall(m->func, a, (size_t)n, NULL);
    for (wf_ssize_t j = 0; j < i; j++) wf_decref(a[j]);
    if (a != stack) wfm_free(a);
    return r;
}

static int map_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    mapobject *m = (mapobject *)o;
    if (m->func && visit(m->func, arg)) return -1;
    if (m->iters && visit(m->iters, arg)) return -1;
    return 0;
}

static void map_dealloc(wf_object *o) {
    WF_CLEAR(((mapobject *)o)->func);
    WF_CLEAR(((mapobject *)o)->iters);
    wfo_free_instance(o);
}

wf_type wf_map_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_BASETYPE,
    .tp_dealloc = map_dealloc,
    .tp_traverse = map_traverse,
    .tp_iter = iter_self,
    .tp_iternext = map_next,
    .tp_new = map_tp_new,
    .tp_vectorcall = map_vectorcall,
    .tp_doc = "map(func, *iterables) --> map object",
};

/* ===========================================================================
 * filter
 */
typedef struct {
    wf_object ob_base;
    wf_object *func; /* immutable; None = truth test */
    wf_object *it;   /* immutable */
} filterobject;

extern wf_type wf_filter_type;

static wf_object *filter_make(wf_type *type, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("filter", nargs, 2, 2) < 0) return NULL;
    wf_object *it = wf_object_get_iter(args[1]);
    if (!it) return NULL;
    filterobject *f = (filterobject *)wf_type_generic_alloc(type, 0);
    if (!f) {
        wf_decref(it);
        return NULL;
    }
    f->func = wf_newref(args[0]);
    f->it = it;
    return (wf_object *)f;
}

static wf_object *filter_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                    wf_object *kwnames) {
    if (wf_check_no_kwargs("filter", kwnames) < 0) return NULL;
    return filter_make((wf_type *)type, args, wf_vectorcall_nargs(nargsf));
}

static wf_object *filter_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if ((type == &wf_filter_type || type->tp_init == wf_filter_type.tp_init) && kwargs &&
        wf_dict_size(kwargs) > 0)
        return wf_err_format(&wf_exc_TypeError, "filter() takes no keyword arguments");
    return filter_make(type, ((wf_tuple *)args)->ob_item, WF_TUPLE_SIZE(args));
}

static wf_object *filter_next(wf_object *o) {
    filterobject *f = (filterobject *)o;
    int truth_only = f->func == wf_None || f->func == (wf_object *)&wf_bool_type;
    for (;;) {
        wf_object *item = wf_iter_next(f->it);
        if (!item) return NULL;
        int ok;
        if (truth_only) {
            ok = wf_object_is_true(item);
        } else {
            wf_object *good = wf_object_call_one(f->func, item);
            if (!good) {
                wf_decref(item);
                return NULL;
            }
            ok = wf_object_is_true(good);
            wf_decref(good);
        }
        if (ok > 0) return item;
        wf_decref(item);
        if (ok < 0) return NULL;
    }
}

static int filter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    filterobject *f = (filterobject *)o;
    if (f->func && visit(f->func, arg)) return -1;
    if (f->it && visit(f->it, arg)) return -1;
    return 0;
}

static void filter_dealloc(wf_object *o) {
    WF_CLEAR(((filterobject *)o)->func);
    WF_CLEAR(((filterobject *)o)->it);
    wfo_free_instance(o);
}

wf_type wf_filter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_BASETYPE,
    .tp_dealloc = filter_dealloc,
    .tp_traverse = filter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = filter_next,
    .tp_new = filter_tp_new,
    .tp_vectorcall = filter_vectorcall,
    .tp_doc = "filter(function or None, iterable) --> filter object",
};

/* ===========================================================================
 * reversed
 */
typedef struct {
    wf_object ob_base;
    wf_object *seq;   /* immutable */
    wf_ssize_t index; /* next position to produce; -1 = exhausted; under the
                         critical section */
} reversedobject;

extern wf_type wf_reversed_type;

/* CPython's PySequence_Check: not a dict, and item access by index.  Heap
 * types route __getitem__ through mp_subscript only (typeslots.c), so for
 * them the dunder itself is what counts. */
static int is_sequence(wf_object *o) {
    if (WF_DICT_CHECK(o)) return 0;
    wf_type *t = WF_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) return 1;
    if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) return 0;
    /* A new reference, only tested: even the borrowed lookup touches the
     * value, which a concurrent rebinding may be freeing (typecache.h). */
    wf_object *f = wfo_type_lookup_ref(t, WFO_ID(__getitem__));
    wf_xdecref(f);
    return f != NULL;
}

static wf_object *reversed_make(wf_type *type, wf_object *seq) {
    wf_object *meth = wfo_type_lookup_ref(WF_TYPE(seq), WFO_ID(__reversed__)); /* new reference */
    if (meth == wf_None) {
        wf_decref(meth);
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not reversible",
                             wf_type_name(WF_TYPE(seq)));
    }
    if (meth) {
        wf_object *r;
        wf_descrgetfunc get = WF_TYPE(meth)->tp_descr_get;
        if (get) {
            wf_object *bound = get(meth, seq, (wf_object *)WF_TYPE(seq));
            r = bound ? wf_object_call_noargs(bound) : NULL;
            wf_xdecref(bound);
        } else {
            r = wf_object_call_noargs(meth);
        }
        wf_decref(meth);
        return r;
    }
    if (!is_sequence(seq))
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not reversible",
                             wf_type_name(WF_TYPE(seq)));
    wf_ssize_t n = wf_sequence_size(seq);
    if (n == -1) return NULL;
    reversedobject *ro = (reversedobject *)wf_type_generic_alloc(type, 0);
    if (!ro) return NULL;
    ro->seq = wf_newref(seq);
    ro->index = n - 1;
    return (wf_object *)ro;
}

static wf_object *reversed_vectorcall(wf_object *type, wf_object *const *args, size_t nargsf,
                                      wf_object *kwnames) {
    if (wf_check_no_kwargs("reversed", kwnames) < 0) return NULL;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (wf_check_nargs("reversed", nargs, 1, 1) < 0) return NULL;
    return reversed_make((wf_type *)type, args[0]);
}

static wf_object *reversed_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (type == &wf_reversed_type && kwargs && wf_dict_size(kwargs) > 0)
        return wf_err_format(&wf_exc_TypeError, "reversed() takes no keyword arguments");
    if (wf_check_nargs("reversed", WF_TUPLE_SIZE(args), 1, 1) < 0) return NULL;
    return reversed_make(type, WF_TUPLE_ITEM(args, 0));
}

static wf_object *reversed_next(wf_object *o) {
    reversedobject *ro = (reversedobject *)o;
    wf_ssize_t i;
    WF_BEGIN_CRITICAL_SECTION(o);
    i = ro->index;
    if (i >= 0) ro->index = i - 1;
    WF_END_CRITICAL_SECTION();
    if (i < 0) return NULL;
    wf_object *item = wf_sequence_get_item(ro->seq, i);
    if (!item && (wf_err_matches((wf_object *)&wf_exc_IndexError) ||
                  wf_err_matches((wf_object *)&wf_exc_StopIteration))) {
        wf_err_clear();
        WF_BEGIN_CRITICAL_SECTION(o);
        ro->index = -1;
        WF_END_CRITICAL_SECTION();
    }
    return item;
}

static wf_object *reversed_length_hint(wf_object *o, wf_object *unused) {
    (void)unused;
    reversedobject *ro = (reversedobject *)o;
    wf_ssize_t pos;
    WF_BEGIN_CRITICAL_SECTION(o);
    pos = ro->index + 1;
    WF_END_CRITICAL_SECTION();
    if (pos <= 0) return wf_int_from_ssize(0);
    wf_ssize_t n = wf_sequence_size(ro->seq);
    if (n == -1) return NULL;
    return wf_int_from_ssize(n < pos ? 0 : pos);
}

static wf_method_def reversed_methods[] = {
    {"__length_hint__", (void *)reversed_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static int reversed_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    reversedobject *ro = (reversedobject *)o;
    return ro->seq ? visit(ro->seq, arg) : 0;
}

static void reversed_dealloc(wf_object *o) {
    WF_CLEAR(((reversedobject *)o)->seq);
    wfo_free_instance(o);
}

wf_type wf_reversed_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_BASETYPE,
    .tp_dealloc = reversed_dealloc,
    .tp_traverse = reversed_traverse,
    .tp_iter = iter_self,
    .tp_iternext = reversed_next,
    .tp_new = reversed_tp_new,
    .tp_vectorcall = reversed_vectorcall,
    .tp_methods = reversed_methods,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
};
