/*
 * runtime/modules/_bisect.c — the _bisect accelerator for bisect.py:
 * bisect_left, bisect_right, insort_left, insort_right, each with
 * lo/hi bounds and the keyword-only key function (3.10+), with CPython's
 * comparison order and errors.
 *
 * Thread-safety: no module state; the sequence is read one item at a time
 * through the object protocol (a concurrent change gives some valid
 * insertion point, never a crash).
 */
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"

/* Parse (a, x, lo=0, hi=None, *, key=None). */
static int parse(const char *fname, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                 wf_object **v /* a, x, lo, hi, key */) {
    static const char *const names[] = {"a", "x", "lo", "hi", "key"};
    for (int i = 0; i < 5; i++) v[i] = NULL;
    if (nargs > 4) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most 4 positional arguments (%zd given)",
                      fname, nargs);
        return -1;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) v[i] = args[i];
    if (kwnames) {
        for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(kwnames); k++) {
            wf_object *name = WF_TUPLE_ITEM(kwnames, k);
            int j = -1;
            for (int i = 0; i < 5; i++)
                if (wf_str_eq_cstr(name, names[i])) j = i;
            if (j < 0) {
                wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                              fname, name);
                return -1;
            }
            if (v[j]) {
                wf_err_format(&wf_exc_TypeError,
                              "argument for %s() given by name ('%s') and position (%d)", fname,
                              names[j], j + 1);
                return -1;
            }
            v[j] = args[nargs + k];
        }
    }
    for (int i = 0; i < 2; i++)
        if (!v[i]) {
            wf_err_format(&wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                          names[i], i + 1);
            return -1;
        }
    return 0;
}

/* The insertion index of x (already key-transformed) in a[lo:hi]; -1 on error. */
static wf_ssize_t search(wf_object *const *v, wf_object *x, int right) {
    wf_object *a = v[0], *key = v[4] == wf_None ? NULL : v[4];
    wf_ssize_t lo = 0, hi = -1;
    if (v[2]) {
        lo = wf_number_as_ssize_t(v[2], &wf_exc_OverflowError);
        if (lo == -1 && wf_err_occurred()) return -1;
    }
    if (lo < 0) {
        wf_err_set_string(&wf_exc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (v[3] && v[3] != wf_None) {
        hi = wf_number_as_ssize_t(v[3], &wf_exc_OverflowError);
        if (hi == -1 && wf_err_occurred()) return -1;
    }
    if (hi == -1) {
        hi = wf_sequence_size(a);
        if (hi < 0) return -1;
    }
    while (lo < hi) {
        wf_ssize_t mid = (wf_ssize_t)(((size_t)lo + (size_t)hi) / 2);
        wf_object *item = wf_sequence_get_item(a, mid);
        if (!item) return -1;
        if (key) {
            wf_object *k = wf_object_call_one(key, item);
            wf_decref(item);
            if (!k) return -1;
            item = k;
        }
        int lt = right ? wf_object_rich_compare_bool(x, item, WF_LT)
                       : wf_object_rich_compare_bool(item, x, WF_LT);
        wf_decref(item);
        if (lt < 0) return -1;
        if (right) {
            if (lt) hi = mid;
            else lo = mid + 1;
        } else {
            if (lt) lo = mid + 1;
            else hi = mid;
        }
    }
    return lo;
}

static wf_object *bisect_impl(const char *fname, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames, int right) {
    wf_object *v[5];
    if (parse(fname, args, nargs, kwnames, v) < 0) return NULL;
    wf_ssize_t i = search(v, v[1], right);
    if (i < 0) return NULL;
    return wf_int_from_ssize(i);
}

static wf_object *insort_impl(const char *fname, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames, int right) {
    wf_object *v[5];
    if (parse(fname, args, nargs, kwnames, v) < 0) return NULL;
    wf_object *x = v[1], *kx = NULL;
    if (v[4] && v[4] != wf_None) {
        kx = wf_object_call_one(v[4], x);
        if (!kx) return NULL;
    }
    wf_ssize_t i = search(v, kx ? kx : x, right);
    if (kx) wf_decref(kx);
    if (i < 0) return NULL;
    if (WF_LIST_CHECK_EXACT(v[0])) {
        if (wf_list_insert(v[0], i, x) < 0) return NULL;
    } else {
        wf_object *idx = wf_int_from_ssize(i);
        if (!idx) return NULL;
        wf_object *cargs[3] = {v[0], idx, x};
        wf_object *r = wf_object_call_method(v[0], "insert", cargs + 1, 2);
        wf_decref(idx);
        if (!r) return NULL;
        wf_decref(r);
    }
    WF_RETURN_NONE;
}

static wf_object *b_bisect_right(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    (void)self;
    return bisect_impl("bisect_right", args, nargs, kwnames, 1);
}
static wf_object *b_bisect_left(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                wf_object *kwnames) {
    (void)self;
    return bisect_impl("bisect_left", args, nargs, kwnames, 0);
}
static wf_object *b_insort_right(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    (void)self;
    return insort_impl("insort_right", args, nargs, kwnames, 1);
}
static wf_object *b_insort_left(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                wf_object *kwnames) {
    (void)self;
    return insort_impl("insort_left", args, nargs, kwnames, 0);
}

#define KW (WF_METH_FASTCALL | WF_METH_KEYWORDS)
static wf_method_def bisect_methods[] = {
    {"bisect_right", b_bisect_right, KW, "Return the index where to insert item x in list a, assuming a is sorted."},
    {"insort_right", b_insort_right, KW, "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {"bisect_left", b_bisect_left, KW, "Return the index where to insert item x in list a, assuming a is sorted."},
    {"insort_left", b_insort_left, KW, "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_bisect) {
    wf_object *m = wf_module_new("_bisect");
    if (!m) return NULL;
    if (wf_module_add_functions(m, bisect_methods) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
