/*
 * runtime/objects/tuple.c — tuple and its iterator, plus the repr/snapshot
 * helpers of containers.h shared by list, dict and set.
 *
 * Invariants.  A tuple is filled (ob_item[0..ob_size) all non-NULL, owned
 * references) by its creator before it is published and never changes
 * after, so reading a published tuple needs no synchronisation.  The empty
 * tuple is one static immortal object (wfo_empty_tuple): wf_tuple_new(0)
 * always returns it, so `() is ()` as in CPython.
 *
 * The hash is CPython's (the xxHash-derived combination of the item
 * hashes) so that hash((1, 2)) and the iteration order of sets of tuples
 * match python3.
 *
 * Thread-safety: tuples are immutable; the iterator's index is advanced
 * with an atomic fetch-add so two threads sharing one iterator each get
 * distinct items (or the end), never the same item twice; the iterator
 * keeps its tuple until it dies (no exhaustion-time release, which would
 * race with a concurrent reader of the same iterator).
 */
#include "runtime/objects/containers.h"

#include <stdlib.h>

/* ---------------------------------------------------------------------------
 * Helpers shared by the containers (containers.h)
 */
int wfo_strbuf_puts(wfo_strbuf *b, const char *s) {
    if (wfo_strbuf_append(b, s, strlen(s)) < 0) {
        wf_err_no_memory();
        return -1;
    }
    return 0;
}

int wfo_strbuf_append_repr(wfo_strbuf *b, wf_object *o) {
    wf_object *r = wf_object_repr(o);
    if (!r) return -1;
    wf_ssize_t len;
    const char *u = wf_str_utf8(r, &len);
    int rc = 0;
    if (!u) rc = -1;
    else if (wfo_strbuf_append(b, u, (size_t)len) < 0) {
        wf_err_no_memory();
        rc = -1;
    }
    wf_decref(r);
    return rc;
}

wf_object *wfo_strbuf_finish(wfo_strbuf *b) {
    wf_object *r = wf_str_from_utf8(b->data ? b->data : "", (wf_ssize_t)b->len);
    wfo_strbuf_free(b);
    return r;
}

wf_object *wfo_repr_join(const char *open, wf_object *const *items, wf_ssize_t n,
                         const char *close) {
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_strbuf_puts(&b, open) < 0) goto fail;
    for (wf_ssize_t i = 0; i < n; i++) {
        if (i && wfo_strbuf_puts(&b, ", ") < 0) goto fail;
        if (wf_enter_recursive_call(" while getting the repr of an object") < 0) goto fail;
        int rc = wfo_strbuf_append_repr(&b, items[i]);
        wf_leave_recursive_call();
        if (rc < 0) goto fail;
    }
    if (wfo_strbuf_puts(&b, close) < 0) goto fail;
    return wfo_strbuf_finish(&b);
fail:
    wfo_strbuf_free(&b);
    return NULL;
}

void wfo_items_release(wf_object **items, wf_ssize_t n) {
    for (wf_ssize_t i = 0; i < n; i++) wf_decref(items[i]);
    wfm_free(items);
}

int wfo_no_kwargs(const char *name, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs) > 0) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

wf_ssize_t wfo_key_as_index(wf_object *key, const char *tname) {
    if (!wf_index_check(key)) {
        wf_err_format(&wf_exc_TypeError, "%s indices must be integers or slices, not %s", tname,
                      wf_type_name(WF_TYPE(key)));
        return -1;
    }
    return wf_number_as_ssize_t(key, &wf_exc_IndexError);
}

/* ---------------------------------------------------------------------------
 * Construction
 */
wf_tuple wfo_empty_tuple = {.ob_base = WF_OBJECT_HEAD_INIT(&wf_tuple_type), .ob_size = 0};

wf_object *wf_tuple_new(wf_ssize_t n) {
    if (n < 0) return wf_err_bad_internal_call("wf_tuple_new");
    if (n == 0) return (wf_object *)&wfo_empty_tuple;
    if ((size_t)n > (SIZE_MAX - sizeof(wf_tuple)) / sizeof(wf_object *)) return wf_err_no_memory();
    wf_object *t = wfo_alloc(&wf_tuple_type, sizeof(wf_tuple) + (size_t)n * sizeof(wf_object *));
    if (t) ((wf_tuple *)t)->ob_size = n;
    return t;
}

wf_object *wf_tuple_from_array(wf_object *const *items, wf_ssize_t n) {
    wf_object *t = wf_tuple_new(n);
    if (!t) return NULL;
    for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(t, i) = wf_newref(items[i]);
    return t;
}

wf_object *wf_tuple_pack(wf_ssize_t n, ...) {
    wf_object *t = wf_tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(t, i) = wf_newref(va_arg(ap, wf_object *));
    va_end(ap);
    return t;
}

#define tuple_alloc wf_tuple_new

wf_object *wf_tuple_slice(wf_object *t, wf_ssize_t lo, wf_ssize_t hi) {
    wf_ssize_t n = WF_TUPLE_SIZE(t);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    if (lo == 0 && hi == n && WF_TUPLE_CHECK_EXACT(t)) return wf_newref(t);
    return wf_tuple_from_array(&WF_TUPLE_ITEM(t, lo), hi - lo);
}

wf_object *wfo_tuple_slice_step(wf_object *t, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step) {
    if (step == 0) return wf_err_format(&wf_exc_ValueError, "slice step cannot be zero");
    wf_ssize_t n = WF_TUPLE_SIZE(t);
    wf_ssize_t count = wfo_slice_adjust(n, &start, &stop, step);
    if (step == 1) return wf_tuple_slice(t, start, start + count);
    wf_object *r = wf_tuple_new(count);
    if (!r) return NULL;
    for (wf_ssize_t i = 0; i < count; i++) WF_TUPLE_ITEM(r, i) = wf_newref(WF_TUPLE_ITEM(t, start + i * step));
    return r;
}

wf_object **wfo_items_snapshot(wf_object *seq, wf_ssize_t *n) {
    *n = 0;
    if (WF_TUPLE_CHECK(seq)) {
        wf_ssize_t m = WF_TUPLE_SIZE(seq);
        if (!m) return NULL;
        wf_object **a = wfm_malloc((size_t)m * sizeof *a);
        if (!a) return (wf_object **)wf_err_no_memory();
        for (wf_ssize_t i = 0; i < m; i++) a[i] = wf_newref(WF_TUPLE_ITEM(seq, i));
        *n = m;
        return a;
    }
    /* list */
    wf_object **a = NULL;
    wf_ssize_t m = 0;
    int oom = 0;
    WF_BEGIN_LEAF_SECTION(seq); /* threads/critsec.h: allocation and counts only */
    wf_list *l = (wf_list *)seq;
    m = atomic_load_explicit(&l->ob_size, memory_order_relaxed);
    if (m) {
        a = wfm_malloc((size_t)m * sizeof *a);
        if (!a) oom = 1;
        else {
            wfo_list_array *arr = atomic_load_explicit(&l->ob_array, memory_order_relaxed);
            for (wf_ssize_t i = 0; i < m; i++)
                a[i] = wf_newref(atomic_load_explicit(&arr->items[i], memory_order_relaxed));
        }
    }
    WF_END_LEAF_SECTION();
    if (oom) return (wf_object **)wf_err_no_memory();
    *n = m;
    return a;
}

/* tuple(iterable) as an exact tuple. */
static wf_object *tuple_from_iterable(wf_object *it_src) {
    if (WF_TUPLE_CHECK_EXACT(it_src)) return wf_newref(it_src);
    if (WF_TUPLE_CHECK(it_src) || WF_LIST_CHECK(it_src)) {
        wf_ssize_t n;
        wf_object **a = wfo_items_snapshot(it_src, &n);
        if (!a && n == 0 && wf_err_occurred()) return NULL;
        wf_object *t = tuple_alloc(n);
        if (!t) { wfo_items_release(a, n); return NULL; }
        for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(t, i) = a[i];
        wfm_free(a);
        return t;
    }
    wf_object *l = wf_list_new(0);
    if (!l) return NULL;
    if (wf_list_extend(l, it_src) < 0) { wf_decref(l); return NULL; }
    wf_object *t = wf_list_as_tuple(l);
    wf_decref(l);
    return t;
}

/* ---------------------------------------------------------------------------
 * The type
 */
static void tuple_dealloc_body(wf_object *o) {
    wf_tuple *t = (wf_tuple *)o;
    for (wf_ssize_t i = 0; i < t->ob_size; i++) wf_xdecref(t->ob_item[i]);
    wfo_free_instance(o);
}

/* Bounded recursion when deeply nested structures die (weft/object.h trashcan). */
static void tuple_dealloc(wf_object *o) {
    if (wf_trashcan_begin(o, tuple_dealloc)) return;
    tuple_dealloc_body(o);
    wf_trashcan_end();
}

static int tuple_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_tuple *t = (wf_tuple *)o;
    for (wf_ssize_t i = 0; i < t->ob_size; i++)
        if (t->ob_item[i]) {
            int r = visit(t->ob_item[i], arg);
            if (r) return r;
        }
    return 0;
}

static size_t tuple_varsize(wf_object *o) {
    return sizeof(wf_tuple) + (size_t)WF_TUPLE_SIZE(o) * sizeof(wf_object *);
}

wf_object *wfo_tuple_repr(wf_object *o) {
    wf_ssize_t n = WF_TUPLE_SIZE(o);
    if (n == 0) return wf_str_from_cstr("()");
    int rc = wf_repr_enter(o);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_cstr("(...)");
    wf_object *r = wfo_repr_join("(", ((wf_tuple *)o)->ob_item, n, n == 1 ? ",)" : ")");
    wf_repr_leave(o);
    return r;
}

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

wf_hash_t wfo_tuple_hash(wf_object *o) {
    wf_ssize_t n = WF_TUPLE_SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *item = WF_TUPLE_ITEM(o, i);
        wf_hash_t h;
        if (WF_UNLIKELY(WF_TUPLE_CHECK(item))) {
            /* A tuple nested a million deep must not overflow the C
             * stack: RecursionError instead (CPython 3.11 crashes). */
            if (wf_enter_recursive_call(" while hashing a tuple") < 0) return -1;
            h = wf_object_hash(item);
            wf_leave_recursive_call();
        } else {
            h = wf_object_hash(item);
        }
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (wf_hash_t)acc;
}

/* Shared by tuple and list: compare item sequences a[0..na), b[0..nb)
 * (borrowed, stable for the duration: snapshots or tuple storage). */
wf_object *wfo_seq_richcompare(wf_object *const *a, wf_ssize_t na, wf_object *const *b,
                               wf_ssize_t nb, int op) {
    wf_ssize_t i;
    if ((op == WF_EQ || op == WF_NE) && na != nb) return wf_newref(wf_bool_from(op == WF_NE));
    for (i = 0; i < na && i < nb; i++) {
        int k = wf_object_rich_compare_bool(a[i], b[i], WF_EQ);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= na || i >= nb) {
        int c;
        switch (op) {
        case WF_LT: c = na < nb; break;
        case WF_LE: c = na <= nb; break;
        case WF_EQ: c = na == nb; break;
        case WF_NE: c = na != nb; break;
        case WF_GT: c = na > nb; break;
        default: c = na >= nb; break;
        }
        return wf_newref(wf_bool_from(c));
    }
    if (op == WF_EQ) return wf_newref(wf_False);
    if (op == WF_NE) return wf_newref(wf_True);
    return wf_object_rich_compare(a[i], b[i], op);
}

static wf_object *tuple_richcompare(wf_object *a, wf_object *b, int op) {
    if (!WF_TUPLE_CHECK(a) || !WF_TUPLE_CHECK(b)) return wf_newref(wf_NotImplemented);
    return wfo_seq_richcompare(((wf_tuple *)a)->ob_item, WF_TUPLE_SIZE(a),
                               ((wf_tuple *)b)->ob_item, WF_TUPLE_SIZE(b), op);
}

static wf_ssize_t tuple_length(wf_object *o) { return WF_TUPLE_SIZE(o); }

static wf_object *tuple_item(wf_object *o, wf_ssize_t i) {
    if (i < 0 || i >= WF_TUPLE_SIZE(o))
        return wf_err_format(&wf_exc_IndexError, "tuple index out of range");
    return wf_newref(WF_TUPLE_ITEM(o, i));
}

static wf_object *tuple_subscript(wf_object *o, wf_object *key) {
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        if (start == 0 && step == 1 && stop >= WF_TUPLE_SIZE(o) && WF_TUPLE_CHECK_EXACT(o))
            return wf_newref(o);
        return wfo_tuple_slice_step(o, start, stop, step);
    }
    wf_ssize_t i = wfo_key_as_index(key, "tuple");
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += WF_TUPLE_SIZE(o);
    return tuple_item(o, i);
}

static int tuple_contains(wf_object *o, wf_object *v) {
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(o); i++) {
        int k = wf_object_rich_compare_bool(WF_TUPLE_ITEM(o, i), v, WF_EQ);
        if (k) return k;
    }
    return 0;
}

static wf_object *tuple_concat(wf_object *a, wf_object *b) {
    if (!WF_TUPLE_CHECK(b))
        return wf_err_format(&wf_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                             wf_type_name(WF_TYPE(b)));
    wf_ssize_t na = WF_TUPLE_SIZE(a), nb = WF_TUPLE_SIZE(b);
    if (nb == 0 && WF_TUPLE_CHECK_EXACT(a)) return wf_newref(a);
    if (na == 0 && WF_TUPLE_CHECK_EXACT(b)) return wf_newref(b);
    if (na > WF_SSIZE_MAX - nb) return wf_err_no_memory();
    wf_object *t = tuple_alloc(na + nb);
    if (!t) return NULL;
    for (wf_ssize_t i = 0; i < na; i++) WF_TUPLE_ITEM(t, i) = wf_newref(WF_TUPLE_ITEM(a, i));
    for (wf_ssize_t i = 0; i < nb; i++) WF_TUPLE_ITEM(t, na + i) = wf_newref(WF_TUPLE_ITEM(b, i));
    return t;
}

static wf_object *tuple_repeat(wf_object *a, wf_ssize_t n) {
    wf_ssize_t m = WF_TUPLE_SIZE(a);
    if (n < 0) n = 0;
    if ((m == 0 || n == 1) && WF_TUPLE_CHECK_EXACT(a)) return wf_newref(a);
    if (m == 0 || n == 0) return wf_tuple_new(0);
    if (n > WF_SSIZE_MAX / m) return wf_err_no_memory();
    wf_object *t = tuple_alloc(m * n);
    if (!t) return NULL;
    for (wf_ssize_t k = 0; k < n; k++)
        for (wf_ssize_t i = 0; i < m; i++)
            WF_TUPLE_ITEM(t, k * m + i) = wf_newref(WF_TUPLE_ITEM(a, i));
    return t;
}

/* Parse the optional start/stop arguments of index(): CPython clamps
 * them like slice bounds. */
static int parse_bounds(wf_object *const *args, wf_ssize_t nargs, wf_ssize_t first,
                        wf_ssize_t n, wf_ssize_t *start, wf_ssize_t *stop) {
    *start = 0;
    *stop = WF_SSIZE_MAX;
    for (wf_ssize_t k = first; k < nargs && k < first + 2; k++) {
        if (!wf_index_check(args[k])) {
            wf_err_format(&wf_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
            return -1;
        }
        wf_ssize_t v = wf_number_as_ssize_t(args[k], NULL);
        if (v == -1 && wf_err_occurred()) return -1;
        if (k == first) *start = v;
        else *stop = v;
    }
    if (*start < 0) { *start += n; if (*start < 0) *start = 0; }
    if (*stop < 0) { *stop += n; if (*stop < 0) *stop = 0; }
    return 0;
}
int wfo_parse_index_bounds(wf_object *const *args, wf_ssize_t nargs, wf_ssize_t n,
                           wf_ssize_t *start, wf_ssize_t *stop) {
    return parse_bounds(args, nargs, 1, n, start, stop);
}

static wf_object *tuple_index(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("index", nargs, 1, 3) < 0) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(self), start, stop;
    if (parse_bounds(args, nargs, 1, n, &start, &stop) < 0) return NULL;
    for (wf_ssize_t i = start; i < stop && i < n; i++) {
        int k = wf_object_rich_compare_bool(WF_TUPLE_ITEM(self, i), args[0], WF_EQ);
        if (k < 0) return NULL;
        if (k) return wf_int_from_ssize(i);
    }
    return wf_err_format(&wf_exc_ValueError, "tuple.index(x): x not in tuple");
}

static wf_object *tuple_count(wf_object *self, wf_object *v) {
    wf_ssize_t c = 0;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(self); i++) {
        int k = wf_object_rich_compare_bool(WF_TUPLE_ITEM(self, i), v, WF_EQ);
        if (k < 0) return NULL;
        c += k;
    }
    return wf_int_from_ssize(c);
}

static wf_object *tuple_getnewargs(wf_object *self, wf_object *unused) {
    wf_object *copy = wf_tuple_from_array(((wf_tuple *)self)->ob_item, WF_TUPLE_SIZE(self));
    if (!copy) return NULL;
    wf_object *r = wf_tuple_pack(1, copy);
    wf_decref(copy);
    return r;
}

static wf_object *tuple_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (wfo_no_kwargs("tuple", kwargs) < 0) return NULL;
    wf_ssize_t nargs = WF_TUPLE_SIZE(args);
    if (nargs > 1)
        return wf_err_format(&wf_exc_TypeError, "tuple expected at most 1 argument, got %zd",
                             nargs);
    wf_object *t = nargs ? tuple_from_iterable(WF_TUPLE_ITEM(args, 0)) : wf_tuple_new(0);
    if (!t || type == &wf_tuple_type) return t;
    return wfo_tuple_subtype_steal(type, t);
}

wf_object *wfo_tuple_subtype_steal(wf_type *type, wf_object *t) {
    wf_ssize_t n = WF_TUPLE_SIZE(t);
    wf_object *r = wf_type_generic_alloc(type, n);
    if (r) {
        for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(r, i) = wf_newref(WF_TUPLE_ITEM(t, i));
        ((wf_tuple *)r)->ob_size = n;
    }
    wf_decref(t);
    return r;
}

static wf_object *tuple_iter(wf_object *o);

static wf_method_def tuple_methods[] = {
    {"index", tuple_index, WF_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count, WF_METH_O, "Return number of occurrences of value."},
    {"__getnewargs__", tuple_getnewargs, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_sequence_methods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};
static wf_mapping_methods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

wf_type wf_tuple_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(wf_tuple),
    .tp_itemsize = sizeof(wf_object *),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_TUPLE_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = tuple_dealloc,
    .tp_traverse = tuple_traverse,
    .tp_repr = wfo_tuple_repr,
    .tp_hash = wfo_tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = tuple_iter,
    .tp_new = tuple_new,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_methods = tuple_methods,
    .tp_varsize = tuple_varsize,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
};

/* ---------------------------------------------------------------------------
 * The iterator: holds the tuple until exhausted.
 */
typedef struct tupleiter {
    wf_object ob_base;
    _Atomic wf_ssize_t index; /* next item; >= size once exhausted */
    wf_object *seq;           /* the tuple, held until the iterator dies */
} tupleiter;

static wf_object *tuple_iter(wf_object *o) {
    tupleiter *it = (tupleiter *)wfo_alloc(&wfo_tuple_iter_type, sizeof *it);
    if (!it) return NULL;
    it->seq = wf_newref(o);
    return (wf_object *)it;
}

static wf_object *tupleiter_next(wf_object *o) {
    tupleiter *it = (tupleiter *)o;
    wf_object *seq = it->seq;
    wf_ssize_t n = WF_TUPLE_SIZE(seq);
    if (atomic_load_explicit(&it->index, memory_order_relaxed) >= n) return NULL;
    wf_ssize_t i = atomic_fetch_add_explicit(&it->index, 1, memory_order_relaxed);
    if (i < n) return wf_newref(WF_TUPLE_ITEM(seq, i));
    atomic_store_explicit(&it->index, n, memory_order_relaxed);
    return NULL;
}

static void tupleiter_dealloc(wf_object *o) {
    wf_decref(((tupleiter *)o)->seq);
    wfo_free_instance(o);
}

/* gc: the tuple (world stopped; seq never changes). */
static int tupleiter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return visit(((tupleiter *)o)->seq, arg);
}

static wf_object *iter_self(wf_object *o) { return wf_newref(o); }

static wf_object *tupleiter_length_hint(wf_object *o, wf_object *unused) {
    tupleiter *it = (tupleiter *)o;
    wf_ssize_t n = WF_TUPLE_SIZE(it->seq) - atomic_load_explicit(&it->index, memory_order_relaxed);
    if (n < 0) n = 0;
    return wf_int_from_ssize(n);
}
static wf_method_def tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

wf_type wfo_tuple_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

void wfo_tuple_init(void) {
    wf_type_ready(&wf_tuple_type);
    wf_type_ready(&wfo_tuple_iter_type);
}
