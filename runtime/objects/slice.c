/*
 * runtime/objects/slice.c — the slice type (slice(start, stop, step)) and
 * the index arithmetic every sequence uses with it.
 *
 * A slice holds three owned references, never NULL (None stands for an
 * omitted part); it is immutable once created, so it needs no
 * synchronisation.  As in CPython 3.11 slices are unhashable and compare
 * (all six operators) as the tuples (start, stop, step).
 *
 * Two ways to resolve a slice against a length:
 *   wf_slice_unpack + wf_slice_adjust_indices — machine integers, the
 *     semantics of CPython's PySlice_Unpack/PySlice_AdjustIndices: bounds
 *     beyond the wf_ssize_t range clamp, a step below -WF_SSIZE_MAX clamps
 *     to -WF_SSIZE_MAX so that negating it cannot overflow, step 0 is a
 *     ValueError.  Used by list/tuple/str/bytes/bytearray subscripts.
 *   wf_slice_indices_obj — arbitrary-size ints (slice.indices(n), range
 *     slicing), as CPython's _PySlice_GetLongIndices.
 */
#include "runtime/objects/containers.h"

/* None is immortal: no count to raise for an omitted part. */
WF_INLINE wf_object *or_none(wf_object *o) { return o ? wf_newref(o) : wf_None; }

wf_object *wf_slice_new(wf_object *start, wf_object *stop, wf_object *step) {
    wf_slice *s = (wf_slice *)wfo_alloc(&wf_slice_type, sizeof(wf_slice));
    if (!s) return NULL;
    s->start = or_none(start);
    s->stop = or_none(stop);
    s->step = or_none(step);
    return (wf_object *)s;
}

/* A bound (not None) as wf_ssize_t, clamped like CPython's
 * _PyEval_SliceIndex. */
static int slice_index(wf_object *v, wf_ssize_t *out) {
    if (!wf_index_check(v)) {
        wf_err_format(&wf_exc_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    wf_ssize_t x = wf_number_as_ssize_t(v, NULL);
    if (x == -1 && wf_err_occurred()) return -1;
    *out = x;
    return 0;
}

int wf_slice_unpack(wf_object *o, wf_ssize_t *start, wf_ssize_t *stop, wf_ssize_t *step) {
    wf_slice *s = (wf_slice *)o;
    if (s->step == wf_None) *step = 1;
    else {
        if (slice_index(s->step, step) < 0) return -1;
        if (*step == 0) {
            wf_err_format(&wf_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -WF_SSIZE_MAX) *step = -WF_SSIZE_MAX;
    }
    if (s->start == wf_None) *start = *step < 0 ? WF_SSIZE_MAX : 0;
    else if (slice_index(s->start, start) < 0) return -1;
    if (s->stop == wf_None) *stop = *step < 0 ? -WF_SSIZE_MAX - 1 : WF_SSIZE_MAX;
    else if (slice_index(s->stop, stop) < 0) return -1;
    return 0;
}

wf_ssize_t wf_slice_adjust_indices(wf_ssize_t n, wf_ssize_t *start, wf_ssize_t *stop,
                                   wf_ssize_t step) {
    return wfo_slice_adjust(n, start, stop, step);
}

/* x < y for ints: 1/0/-1 */
static int lt(wf_object *x, wf_object *y) { return wf_object_rich_compare_bool(x, y, WF_LT); }

/* Clamp an int bound into [lower, upper] after wrapping negatives. */
static wf_object *clamp_bound(wf_object *v, wf_object *length, wf_object *lower,
                              wf_object *upper) {
    wf_object *x = wf_number_index(v);
    if (!x) return NULL;
    if (wf_int_sign(x) < 0) {
        wf_object *y = wf_number_add(x, length);
        wf_decref(x);
        if (!y) return NULL;
        x = y;
        int k = lt(x, lower);
        if (k < 0) goto fail;
        if (k) {
            wf_decref(x);
            return wf_newref(lower);
        }
        return x;
    }
    int k = lt(upper, x);
    if (k < 0) goto fail;
    if (k) {
        wf_decref(x);
        return wf_newref(upper);
    }
    return x;
fail:
    wf_decref(x);
    return NULL;
}

int wf_slice_indices_obj(wf_object *o, wf_object *length, wf_object **start, wf_object **stop,
                         wf_object **step) {
    wf_slice *s = (wf_slice *)o;
    wf_object *st = NULL, *lower = NULL, *upper = NULL, *a = NULL, *b = NULL;
    *start = *stop = *step = NULL;
    if (s->step == wf_None) st = wf_int_from_i64(1);
    else {
        if (!wf_index_check(s->step)) {
            wf_err_format(&wf_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        st = wf_number_index(s->step);
    }
    if (!st) return -1;
    int neg = wf_int_sign(st);
    if (neg == 0) {
        wf_err_format(&wf_exc_ValueError, "slice step cannot be zero");
        goto fail;
    }
    if (neg < 0) {
        lower = wf_int_from_i64(-1);
        upper = lower ? wf_number_add(length, lower) : NULL;
    } else {
        lower = wf_int_from_i64(0);
        upper = wf_newref(length);
    }
    if (!lower || !upper) goto fail;
    for (int k = 0; k < 2; k++) {
        wf_object *v = k ? s->stop : s->start;
        wf_object **dst = k ? &b : &a;
        if (v == wf_None) *dst = wf_newref((neg < 0) != (k == 1) ? upper : lower);
        else {
            if (!wf_index_check(v)) {
                wf_err_format(&wf_exc_TypeError,
                              "slice indices must be integers or None or have an __index__ method");
                goto fail;
            }
            *dst = clamp_bound(v, length, lower, upper);
        }
        if (!*dst) goto fail;
    }
    wf_decref(lower);
    wf_decref(upper);
    *start = a;
    *stop = b;
    *step = st;
    return 0;
fail:
    wf_xdecref(st);
    wf_xdecref(lower);
    wf_xdecref(upper);
    wf_xdecref(a);
    wf_xdecref(b);
    return -1;
}

/* --- the type ------------------------------------------------------------------ */

static void slice_dealloc(wf_object *o) {
    wf_slice *s = (wf_slice *)o;
    wf_decref(s->start);
    wf_decref(s->stop);
    wf_decref(s->step);
    wfo_free_instance(o);
}

static int slice_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_slice *s = (wf_slice *)o;
    int r = visit(s->start, arg);
    if (!r) r = visit(s->stop, arg);
    if (!r) r = visit(s->step, arg);
    return r;
}

static wf_object *slice_repr(wf_object *o) {
    wf_slice *s = (wf_slice *)o;
    return wf_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static wf_object *slice_richcompare(wf_object *a, wf_object *b, int op) {
    if (!WF_SLICE_CHECK(a) || !WF_SLICE_CHECK(b)) return wf_newref(wf_NotImplemented);
    wf_slice *x = (wf_slice *)a, *y = (wf_slice *)b;
    wf_object *ta = wf_tuple_pack(3, x->start, x->stop, x->step);
    wf_object *tb = ta ? wf_tuple_pack(3, y->start, y->stop, y->step) : NULL;
    wf_object *r = tb ? wf_object_rich_compare(ta, tb, op) : NULL;
    wf_xdecref(ta);
    wf_xdecref(tb);
    return r;
}

static wf_object *slice_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    if (wfo_no_kwargs("slice", kwargs) < 0) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n < 1)
        return wf_err_format(&wf_exc_TypeError, "slice expected at least 1 argument, got %zd", n);
    if (n > 3)
        return wf_err_format(&wf_exc_TypeError, "slice expected at most 3 arguments, got %zd", n);
    if (n == 1) return wf_slice_new(NULL, WF_TUPLE_ITEM(args, 0), NULL);
    return wf_slice_new(WF_TUPLE_ITEM(args, 0), WF_TUPLE_ITEM(args, 1),
                        n == 3 ? WF_TUPLE_ITEM(args, 2) : NULL);
}

static wf_object *slice_indices(wf_object *self, wf_object *arg) {
    wf_object *len = wf_number_index(arg);
    if (!len) return NULL;
    if (wf_int_sign(len) < 0) {
        wf_decref(len);
        return wf_err_format(&wf_exc_ValueError, "length should not be negative");
    }
    wf_object *a, *b, *c;
    int rc = wf_slice_indices_obj(self, len, &a, &b, &c);
    wf_decref(len);
    if (rc < 0) return NULL;
    wf_object *t = wf_tuple_pack(3, a, b, c);
    wf_decref(a);
    wf_decref(b);
    wf_decref(c);
    return t;
}

static wf_method_def slice_methods[] = {
    {"indices", slice_indices, WF_METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop indices,\n"
     "and the stride length of the extended slice described by S."},
    {NULL, NULL, 0, NULL},
};

static wf_member_def slice_members[] = {
    {"start", WF_T_OBJECT, offsetof(wf_slice, start), WF_READONLY, NULL},
    {"stop", WF_T_OBJECT, offsetof(wf_slice, stop), WF_READONLY, NULL},
    {"step", WF_T_OBJECT, offsetof(wf_slice, step), WF_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

wf_type wf_slice_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "slice",
    .tp_basicsize = sizeof(wf_slice),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = slice_dealloc,
    .tp_traverse = slice_traverse,
    .tp_repr = slice_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = slice_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_new = slice_new,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
};
