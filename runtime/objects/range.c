/*
 * runtime/objects/range.c — range and its iterator.
 *
 * A range holds four owned ints (start, stop, step, length), any size;
 * length is computed once at creation ((stop - start - 1) // step + 1, or
 * 0).  Immutable once created: no synchronisation.  len() raises
 * OverflowError past wf_ssize_t as CPython does; indexing, slicing (a
 * range), `in` for ints (arithmetic, no scan), index/count, equality as
 * sequences (equal lengths, then first item, then step), the hash of
 * (len, start, step) with CPython's None substitutions, and reversed().
 *
 * The iterator works on int64 when start, step and the last item fit
 * (the common case), on ints otherwise.  Its position is advanced with an
 * atomic fetch-add (int64 mode) or under its own critical section (int
 * mode), so threads sharing an iterator never get the same item twice.
 */
#include "runtime/objects/containers.h"

static wf_object *int_(int64_t v) { return wf_int_from_i64(v); }

/* (hi - lo - 1) // step + 1 when the range is non-empty, else 0 */
static wf_object *compute_length(wf_object *start, wf_object *stop, wf_object *step) {
    wf_object *lo, *hi, *st;
    int neg = wf_int_sign(step) < 0;
    if (neg) {
        lo = stop;
        hi = start;
        st = wf_number_negative(step);
        if (!st) return NULL;
    } else {
        lo = start;
        hi = stop;
        st = wf_newref(step);
    }
    int k = wf_object_rich_compare_bool(lo, hi, WF_GE);
    wf_object *r = NULL;
    if (k < 0) goto done;
    if (k) {
        r = int_(0);
        goto done;
    }
    wf_object *one = wf_small_int(1);
    wf_object *d = wf_number_subtract(hi, lo);
    wf_object *d1 = d ? wf_number_subtract(d, one) : NULL;
    wf_object *q = d1 ? wf_number_floor_divide(d1, st) : NULL;
    r = q ? wf_number_add(q, one) : NULL;
    wf_xdecref(d);
    wf_xdecref(d1);
    wf_xdecref(q);
done:
    wf_decref(st);
    return r;
}

/* Steals start, stop, step (ints, step != 0). */
static wf_object *range_make(wf_object *start, wf_object *stop, wf_object *step) {
    wf_object *len = compute_length(start, stop, step);
    wf_range *r = len ? (wf_range *)wfo_alloc(&wf_range_type, sizeof(wf_range)) : NULL;
    if (!r) {
        wf_decref(start);
        wf_decref(stop);
        wf_decref(step);
        wf_xdecref(len);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return (wf_object *)r;
}

/* operator.index(o) as an exact int (bool and int subclasses are copied,
 * as CPython's PyNumber_Index does). */
static wf_object *exact_index(wf_object *o) {
    wf_object *v = wf_number_index(o);
    if (!v || WF_TYPE(v) == &wf_int_type) return v;
    int overflow;
    int64_t x = wf_int_as_i64_overflow(v, &overflow);
    wf_object *r = overflow ? wf_number_add(v, wf_small_int(0)) : int_(x);
    wf_decref(v);
    return r;
}

wf_object *wf_range_new(wf_object *start, wf_object *stop, wf_object *step) {
    wf_object *a = exact_index(start);
    wf_object *b = a ? exact_index(stop) : NULL;
    wf_object *c = b ? (step ? exact_index(step) : int_(1)) : NULL;
    if (!c) {
        wf_xdecref(a);
        wf_xdecref(b);
        return NULL;
    }
    if (wf_int_sign(c) == 0) {
        wf_decref(a);
        wf_decref(b);
        wf_decref(c);
        return wf_err_format(&wf_exc_ValueError, "range() arg 3 must not be zero");
    }
    return range_make(a, b, c);
}

static wf_object *range_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    if (wfo_no_kwargs("range", kwargs) < 0) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n < 1)
        return wf_err_format(&wf_exc_TypeError, "range expected at least 1 argument, got %zd", n);
    if (n > 3)
        return wf_err_format(&wf_exc_TypeError, "range expected at most 3 arguments, got %zd", n);
    if (n == 1) return wf_range_new(wf_small_int(0), WF_TUPLE_ITEM(args, 0), NULL);
    return wf_range_new(WF_TUPLE_ITEM(args, 0), WF_TUPLE_ITEM(args, 1),
                        n == 3 ? WF_TUPLE_ITEM(args, 2) : NULL);
}

static void range_dealloc(wf_object *o) {
    wf_range *r = (wf_range *)o;
    wf_decref(r->start);
    wf_decref(r->stop);
    wf_decref(r->step);
    wf_decref(r->length);
    wfo_free_instance(o);
}

static wf_object *range_repr(wf_object *o) {
    wf_range *r = (wf_range *)o;
    int one = wf_object_rich_compare_bool(r->step, wf_small_int(1), WF_EQ);
    if (one < 0) return NULL;
    if (one) return wf_str_from_format("range(%R, %R)", r->start, r->stop);
    return wf_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static wf_ssize_t range_length(wf_object *o) {
    wf_object *len = ((wf_range *)o)->length;
    int overflow;
    int64_t n = wf_int_as_i64_overflow(len, &overflow);
    if (overflow) {
        wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (wf_ssize_t)n;
}

static int range_bool(wf_object *o) { return wf_int_sign(((wf_range *)o)->length) != 0; }

/* start + i * step (i an int in range) */
static wf_object *item_at(wf_range *r, wf_object *i) {
    wf_object *m = wf_number_multiply(i, r->step);
    wf_object *v = m ? wf_number_add(r->start, m) : NULL;
    wf_xdecref(m);
    return v;
}

static wf_object *range_item(wf_object *o, wf_ssize_t i) {
    wf_range *r = (wf_range *)o;
    wf_object *io = int_(i);
    if (!io) return NULL;
    int ok = i >= 0 ? wf_object_rich_compare_bool(io, r->length, WF_LT) : 0;
    wf_object *v = NULL;
    if (ok > 0) v = item_at(r, io);
    else if (ok == 0) wf_err_format(&wf_exc_IndexError, "range object index out of range");
    wf_decref(io);
    return v;
}

static wf_object *range_subscript(wf_object *o, wf_object *key) {
    wf_range *r = (wf_range *)o;
    if (WF_SLICE_CHECK(key)) {
        wf_object *a, *b, *c;
        if (wf_slice_indices_obj(key, r->length, &a, &b, &c) < 0) return NULL;
        wf_object *start = item_at(r, a);
        wf_object *stop = start ? item_at(r, b) : NULL;
        wf_object *step = stop ? wf_number_multiply(r->step, c) : NULL;
        wf_decref(a);
        wf_decref(b);
        wf_decref(c);
        if (!step) {
            wf_xdecref(start);
            wf_xdecref(stop);
            return NULL;
        }
        return range_make(start, stop, step);
    }
    if (!wf_index_check(key))
        return wf_err_format(&wf_exc_TypeError,
                             "range indices must be integers or slices, not %s",
                             wf_type_name(WF_TYPE(key)));
    wf_object *i = wf_number_index(key);
    if (!i) return NULL;
    if (wf_int_sign(i) < 0) {
        wf_object *j = wf_number_add(i, r->length);
        wf_decref(i);
        if (!j) return NULL;
        i = j;
    }
    wf_object *v = NULL;
    int ok = wf_int_sign(i) >= 0 ? wf_object_rich_compare_bool(i, r->length, WF_LT) : 0;
    if (ok > 0) v = item_at(r, i);
    else if (ok == 0) wf_err_format(&wf_exc_IndexError, "range object index out of range");
    wf_decref(i);
    return v;
}

/* For an int x: 1 if x is an item, 0 if not, -1 on error. */
static int contains_int(wf_range *r, wf_object *x) {
    int k1, k2;
    if (wf_int_sign(r->step) > 0) {
        k1 = wf_object_rich_compare_bool(r->start, x, WF_LE);
        k2 = k1 > 0 ? wf_object_rich_compare_bool(x, r->stop, WF_LT) : k1;
    } else {
        k1 = wf_object_rich_compare_bool(r->stop, x, WF_LT);
        k2 = k1 > 0 ? wf_object_rich_compare_bool(x, r->start, WF_LE) : k1;
    }
    if (k2 <= 0) return k2;
    wf_object *d = wf_number_subtract(x, r->start);
    wf_object *m = d ? wf_number_remainder(d, r->step) : NULL;
    wf_xdecref(d);
    if (!m) return -1;
    int z = wf_int_sign(m) == 0;
    wf_decref(m);
    return z;
}

#define INT_OR_BOOL(x) (WF_TYPE(x) == &wf_int_type || WF_TYPE(x) == &wf_bool_type)

/* Scan by equality (non-int items): mode 0 contains, 1 count, 2 index. */
static wf_object *scan(wf_range *r, wf_object *x, int mode, int *found_out) {
    wf_object *it = wf_object_get_iter((wf_object *)r);
    if (!it) return NULL;
    wf_ssize_t i = 0, count = 0;
    wf_object *v;
    while ((v = wf_iter_next(it))) {
        int k = wf_object_rich_compare_bool(v, x, WF_EQ);
        wf_decref(v);
        if (k < 0) {
            wf_decref(it);
            return NULL;
        }
        if (k) {
            count++;
            if (mode != 1) break;
        }
        i++;
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    *found_out = count > 0;
    return wf_int_from_ssize(mode == 2 ? i : count);
}

static int range_contains(wf_object *o, wf_object *x) {
    wf_range *r = (wf_range *)o;
    if (INT_OR_BOOL(x)) return contains_int(r, x);
    int found;
    wf_object *c = scan(r, x, 0, &found);
    if (!c) return -1;
    wf_decref(c);
    return found;
}

static wf_object *range_count(wf_object *o, wf_object *x) {
    wf_range *r = (wf_range *)o;
    if (INT_OR_BOOL(x)) {
        int k = contains_int(r, x);
        return k < 0 ? NULL : int_(k);
    }
    int found;
    return scan(r, x, 1, &found);
}

static wf_object *range_index(wf_object *o, wf_object *x) {
    wf_range *r = (wf_range *)o;
    if (INT_OR_BOOL(x)) {
        int k = contains_int(r, x);
        if (k < 0) return NULL;
        if (!k) return wf_err_format(&wf_exc_ValueError, "%R is not in range", x);
        wf_object *d = wf_number_subtract(x, r->start);
        wf_object *q = d ? wf_number_floor_divide(d, r->step) : NULL;
        wf_xdecref(d);
        return q;
    }
    int found;
    wf_object *i = scan(r, x, 2, &found);
    if (i && !found) {
        wf_decref(i);
        return wf_err_format(&wf_exc_ValueError, "sequence.index(x): x not in sequence");
    }
    return i;
}

static int eq_int(wf_object *a, wf_object *b) { return wf_object_rich_compare_bool(a, b, WF_EQ); }

static int range_equal(wf_range *a, wf_range *b) {
    if (a == b) return 1;
    int k = eq_int(a->length, b->length);
    if (k <= 0) return k;
    if (wf_int_sign(a->length) == 0) return 1;
    k = eq_int(a->start, b->start);
    if (k <= 0) return k;
    k = eq_int(a->length, wf_small_int(1));
    if (k) return k;
    return eq_int(a->step, b->step);
}

static wf_object *range_richcompare(wf_object *a, wf_object *b, int op) {
    if (!WF_RANGE_CHECK(b) || (op != WF_EQ && op != WF_NE)) return wf_newref(wf_NotImplemented);
    int k = range_equal((wf_range *)a, (wf_range *)b);
    if (k < 0) return NULL;
    return wf_newref(wf_bool_from(op == WF_EQ ? k : !k));
}

static wf_hash_t range_hash(wf_object *o) {
    wf_range *r = (wf_range *)o;
    wf_object *t;
    if (wf_int_sign(r->length) == 0) t = wf_tuple_pack(3, r->length, wf_None, wf_None);
    else if (eq_int(r->length, wf_small_int(1)) > 0) t = wf_tuple_pack(3, r->length, r->start, wf_None);
    else t = wf_tuple_pack(3, r->length, r->start, r->step);
    if (!t) return -1;
    wf_hash_t h = wf_object_hash(t);
    wf_decref(t);
    return h;
}

/* --- iterator --------------------------------------------------------------- */

typedef struct rangeiter {
    wf_object ob_base;
    int small;                /* 1: the int64 fields are used */
    int64_t start, step, len; /* small mode */
    _Atomic int64_t index;    /* small mode: next position */
    wf_object *next, *bstep, *remaining; /* int mode, under the critical section */
} rangeiter;

static wf_object *iter_make(wf_object *start, wf_object *step, wf_object *len) {
    rangeiter *it = (rangeiter *)wfo_alloc(&wfo_range_iter_type, sizeof *it);
    if (!it) return NULL;
    int o1, o2, o3;
    int64_t s = wf_int_as_i64_overflow(start, &o1), st = wf_int_as_i64_overflow(step, &o2),
            n = wf_int_as_i64_overflow(len, &o3);
    /* small when every item start + i*step (i < n) fits int64 */
    __int128 last = (__int128)s + (__int128)(n > 0 ? n - 1 : 0) * st;
    if (!o1 && !o2 && !o3 && last >= INT64_MIN && last <= INT64_MAX) {
        it->small = 1;
        it->start = s;
        it->step = st;
        it->len = n;
    } else {
        it->next = wf_newref(start);
        it->bstep = wf_newref(step);
        it->remaining = wf_newref(len);
    }
    return (wf_object *)it;
}

static wf_object *range_iter(wf_object *o) {
    wf_range *r = (wf_range *)o;
    return iter_make(r->start, r->step, r->length);
}

static wf_object *range_reversed(wf_object *o, wf_object *unused) {
    (void)unused;
    wf_range *r = (wf_range *)o;
    wf_object *one = wf_small_int(1);
    wf_object *n1 = wf_number_subtract(r->length, one);
    wf_object *last = n1 ? item_at(r, n1) : NULL;
    wf_object *neg = last ? wf_number_negative(r->step) : NULL;
    wf_object *it = neg ? iter_make(last, neg, r->length) : NULL;
    wf_xdecref(n1);
    wf_xdecref(last);
    wf_xdecref(neg);
    return it;
}

static wf_object *rangeiter_next(wf_object *o) {
    rangeiter *it = (rangeiter *)o;
    if (it->small) {
        if (atomic_load_explicit(&it->index, memory_order_relaxed) >= it->len) return NULL;
        int64_t i = atomic_fetch_add_explicit(&it->index, 1, memory_order_relaxed);
        if (i >= it->len) return NULL;
        return int_(it->start + i * it->step);
    }
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(o);
    if (wf_int_sign(it->remaining) > 0) {
        wf_object *nx = wf_number_add(it->next, it->bstep);
        wf_object *rem = nx ? wf_number_subtract(it->remaining, wf_small_int(1)) : NULL;
        if (rem) {
            r = it->next;
            it->next = nx;
            wf_decref(it->remaining);
            it->remaining = rem;
        } else {
            wf_xdecref(nx);
        }
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

static void rangeiter_dealloc(wf_object *o) {
    rangeiter *it = (rangeiter *)o;
    wf_xdecref(it->next);
    wf_xdecref(it->bstep);
    wf_xdecref(it->remaining);
    wfo_free_instance(o);
}

static wf_object *rangeiter_length_hint(wf_object *o, wf_object *unused) {
    (void)unused;
    rangeiter *it = (rangeiter *)o;
    if (it->small) {
        int64_t n = it->len - atomic_load_explicit(&it->index, memory_order_relaxed);
        return int_(n < 0 ? 0 : n);
    }
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(o);
    r = wf_newref(it->remaining);
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *iter_self(wf_object *o) { return wf_newref(o); }

static wf_method_def rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

wf_type wfo_range_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = rangeiter_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

/* --- the type ---------------------------------------------------------------- */

static wf_method_def range_methods[] = {
    {"__reversed__", range_reversed, WF_METH_NOARGS,
     "Return a reverse iterator."},
    {"count", range_count, WF_METH_O, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index, WF_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static wf_member_def range_members[] = {
    {"start", WF_T_OBJECT, offsetof(wf_range, start), WF_READONLY, NULL},
    {"stop", WF_T_OBJECT, offsetof(wf_range, stop), WF_READONLY, NULL},
    {"step", WF_T_OBJECT, offsetof(wf_range, step), WF_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static wf_sequence_methods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};
static wf_mapping_methods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};
static wf_number_methods range_as_number = {
    .nb_bool = range_bool,
};

wf_type wf_range_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "range",
    .tp_basicsize = sizeof(wf_range),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.",
};
