/*
 * runtime/modules/_collections.c — the _collections module: deque (with
 * its iterators), defaultdict (a dict subclass with __missing__),
 * _count_elements and _tuplegetter.
 *
 * deque layout: a ring buffer items[cap] holding len items starting at
 * head (items[(head + i) % cap] is d[i]); cap is a power of two or 0.
 * maxlen is -1 when unbounded, else len <= maxlen.  state is bumped by
 * every mutation; iterators and searches that compare items (which runs
 * Python code) detect a concurrent change by comparing it.
 *
 * Thread-safety: items/head/len/cap/state/maxlen of a deque are read and
 * written only inside the deque's critical section.  Items are never
 * compared or released while the section is held: operations take new
 * references under the lock and release evicted items after it, so Python
 * code (__eq__, __del__) never runs with the deque half-updated.  A deque
 * iterator advances under a two-object section (iterator, deque).
 * defaultdict's default_factory is one pointer replaced with an atomic
 * exchange; readers take a reference under the dict's critical section.
 */
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/containers.h"

/* --- deque ----------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object **items; /* ring buffer of cap slots (wfm_malloc) or NULL */
    wf_ssize_t cap;
    wf_ssize_t head;
    wf_ssize_t len;
    wf_ssize_t maxlen; /* -1 = unbounded */
    uint64_t state;    /* mutation counter */
} deque_obj;

static wf_type deque_type, dequeiter_type, dequereviter_type;
#define DEQUE_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &deque_type)

#define SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])

/* Grow the ring to hold at least need items (lock held). */
static int dq_reserve(deque_obj *d, wf_ssize_t need) {
    if (need <= d->cap) return 0;
    wf_ssize_t ncap = d->cap ? d->cap : 8;
    while (ncap < need) ncap *= 2;
    wf_object **n = wfm_malloc(sizeof(wf_object *) * (size_t)ncap);
    if (!n) {
        wf_err_no_memory();
        return -1;
    }
    for (wf_ssize_t i = 0; i < d->len; i++) n[i] = SLOT(d, i);
    if (d->items) wfm_free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

/* Append v (a new reference, stolen) on the right or left (lock held).
 * *evicted gets the item pushed out by maxlen (to release after the
 * lock), or v itself when maxlen == 0. */
static int dq_push(deque_obj *d, wf_object *v, int left, wf_object **evicted) {
    *evicted = NULL;
    if (d->maxlen == 0) {
        *evicted = v;
        return 0;
    }
    if (d->maxlen > 0 && d->len >= d->maxlen) {
        if (left) {
            *evicted = SLOT(d, d->len - 1);
        } else {
            *evicted = SLOT(d, 0);
            d->head = (d->head + 1) & (d->cap - 1);
        }
        d->len--;
    }
    if (dq_reserve(d, d->len + 1) < 0) {
        wf_decref(v);
        return -1;
    }
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->items[d->head] = v;
    } else {
        SLOT(d, d->len) = v;
    }
    d->len++;
    d->state++;
    return 0;
}

static wf_object *dq_pop(deque_obj *d, int left) {
    if (d->len == 0) return NULL;
    wf_object *v;
    if (left) {
        v = d->items[d->head];
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        v = SLOT(d, d->len - 1);
    }
    d->len--;
    d->state++;
    return v;
}

static int deque_append_impl(wf_object *self, wf_object *v, int left) {
    deque_obj *d = (deque_obj *)self;
    wf_object *evicted = NULL;
    int rc;
    wf_incref(v);
    WF_BEGIN_CRITICAL_SECTION(self);
    rc = dq_push(d, v, left, &evicted);
    WF_END_CRITICAL_SECTION();
    if (evicted) wf_decref(evicted);
    return rc;
}

static wf_object *deque_append(wf_object *self, wf_object *v) {
    if (deque_append_impl(self, v, 0) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *deque_appendleft(wf_object *self, wf_object *v) {
    if (deque_append_impl(self, v, 1) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *deque_pop_impl(wf_object *self, int left) {
    wf_object *v;
    WF_BEGIN_CRITICAL_SECTION(self);
    v = dq_pop((deque_obj *)self, left);
    WF_END_CRITICAL_SECTION();
    if (!v) wf_err_set_string(&wf_exc_IndexError, "pop from an empty deque");
    return v;
}
static wf_object *deque_pop(wf_object *self, wf_object *unused) {
    (void)unused;
    return deque_pop_impl(self, 0);
}
static wf_object *deque_popleft(wf_object *self, wf_object *unused) {
    (void)unused;
    return deque_pop_impl(self, 1);
}

/* Snapshot the items as a tuple of new references (and the state). */
static wf_object *dq_snapshot(wf_object *self, uint64_t *state) {
    deque_obj *d = (deque_obj *)self;
    wf_object *t = NULL;
    for (;;) {
        wf_ssize_t n;
        WF_BEGIN_CRITICAL_SECTION(self);
        n = d->len;
        WF_END_CRITICAL_SECTION();
        t = wf_tuple_new(n);
        if (!t) return NULL;
        int ok = 0;
        WF_BEGIN_CRITICAL_SECTION(self);
        if (d->len == n) {
            for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(t, i) = wf_newref(SLOT(d, i));
            if (state) *state = d->state;
            ok = 1;
        }
        WF_END_CRITICAL_SECTION();
        if (ok) return t;
        wf_decref(t); /* all slots NULL: the size changed, retry */
    }
}

static uint64_t dq_state(wf_object *self) {
    uint64_t s;
    WF_BEGIN_CRITICAL_SECTION(self);
    s = ((deque_obj *)self)->state;
    WF_END_CRITICAL_SECTION();
    return s;
}

static int deque_extend_impl(wf_object *self, wf_object *iterable, int left) {
    wf_object *src = iterable;
    wf_object *snap = NULL;
    if (iterable == self) {
        snap = dq_snapshot(self, NULL);
        if (!snap) return -1;
        src = snap;
    }
    wf_object *it = wf_object_get_iter(src);
    if (!it) {
        if (snap) wf_decref(snap);
        return -1;
    }
    int rc = 0;
    for (;;) {
        wf_object *v = wf_iter_next(it);
        if (!v) {
            if (wf_err_occurred()) rc = -1;
            break;
        }
        wf_object *evicted = NULL;
        WF_BEGIN_CRITICAL_SECTION(self);
        rc = dq_push((deque_obj *)self, v, left, &evicted);
        WF_END_CRITICAL_SECTION();
        if (evicted) wf_decref(evicted);
        if (rc < 0) break;
    }
    wf_decref(it);
    if (snap) wf_decref(snap);
    return rc;
}

static wf_object *deque_extend(wf_object *self, wf_object *iterable) {
    if (deque_extend_impl(self, iterable, 0) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *deque_extendleft(wf_object *self, wf_object *iterable) {
    if (deque_extend_impl(self, iterable, 1) < 0) return NULL;
    WF_RETURN_NONE;
}

/* Remove all items; release them after the lock. */
static void deque_clear_impl(wf_object *self) {
    deque_obj *d = (deque_obj *)self;
    wf_object **items;
    wf_ssize_t cap, head, len;
    WF_BEGIN_CRITICAL_SECTION(self);
    items = d->items;
    cap = d->cap;
    head = d->head;
    len = d->len;
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
    WF_END_CRITICAL_SECTION();
    for (wf_ssize_t i = 0; i < len; i++) wf_decref(items[(head + i) & (cap - 1)]);
    if (items) wfm_free(items);
}

static wf_object *deque_clearmethod(wf_object *self, wf_object *unused) {
    (void)unused;
    deque_clear_impl(self);
    WF_RETURN_NONE;
}

static wf_object *deque_rotate(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("rotate", nargs, 0, 1) < 0) return NULL;
    wf_ssize_t n = 1;
    if (nargs) {
        n = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (n == -1 && wf_err_occurred()) return NULL;
    }
    deque_obj *d = (deque_obj *)self;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (d->len > 1) {
        wf_ssize_t len = d->len;
        n %= len;
        if (n < 0) n += len;
        if (n) {
            if (d->len == d->cap) {
                d->head = (d->head - n) & (d->cap - 1);
            } else if (n <= len / 2) {
                for (wf_ssize_t k = 0; k < n; k++) {
                    wf_object *v = SLOT(d, d->len - 1);
                    d->head = (d->head - 1) & (d->cap - 1);
                    d->items[d->head] = v;
                }
            } else {
                for (wf_ssize_t k = 0; k < len - n; k++) {
                    wf_object *v = d->items[d->head];
                    d->head = (d->head + 1) & (d->cap - 1);
                    SLOT(d, d->len - 1) = v;
                }
            }
            d->state++;
        }
    }
    WF_END_CRITICAL_SECTION();
    WF_RETURN_NONE;
}

static wf_object *deque_reverse(wf_object *self, wf_object *unused) {
    (void)unused;
    deque_obj *d = (deque_obj *)self;
    WF_BEGIN_CRITICAL_SECTION(self);
    for (wf_ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        wf_object *t = SLOT(d, i);
        SLOT(d, i) = SLOT(d, j);
        SLOT(d, j) = t;
    }
    d->state++;
    WF_END_CRITICAL_SECTION();
    WF_RETURN_NONE;
}

/* Search for v among items [start, stop): index, -1 not found, -2 error. */
static wf_ssize_t dq_find(wf_object *self, wf_object *v, wf_ssize_t start, wf_ssize_t stop,
                          int count_mode, wf_ssize_t *count) {
    uint64_t state;
    wf_object *snap = dq_snapshot(self, &state);
    if (!snap) return -2;
    wf_ssize_t n = WF_TUPLE_SIZE(snap);
    if (stop > n) stop = n;
    wf_ssize_t found = -1;
    for (wf_ssize_t i = start; i < stop; i++) {
        int eq = wf_object_rich_compare_bool(WF_TUPLE_ITEM(snap, i), v, WF_EQ);
        if (eq < 0) {
            found = -2;
            break;
        }
        if (dq_state(self) != state) {
            wf_err_set_string(&wf_exc_RuntimeError, "deque mutated during iteration");
            found = -2;
            break;
        }
        if (eq) {
            if (count_mode) {
                (*count)++;
                continue;
            }
            found = i;
            break;
        }
    }
    wf_decref(snap);
    return found;
}

static wf_object *deque_count(wf_object *self, wf_object *v) {
    wf_ssize_t c = 0;
    if (dq_find(self, v, 0, WF_SSIZE_MAX, 1, &c) == -2) return NULL;
    return wf_int_from_ssize(c);
}

static int deque_contains(wf_object *self, wf_object *v) {
    wf_ssize_t r = dq_find(self, v, 0, WF_SSIZE_MAX, 0, NULL);
    return r == -2 ? -1 : r >= 0;
}

static wf_ssize_t deque_len(wf_object *self) {
    wf_ssize_t n;
    WF_BEGIN_CRITICAL_SECTION(self);
    n = ((deque_obj *)self)->len;
    WF_END_CRITICAL_SECTION();
    return n;
}

static wf_object *deque_index(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("index", nargs, 1, 3) < 0) return NULL;
    wf_ssize_t n = deque_len(self);
    wf_ssize_t start = 0, stop = n;
    if (wfo_parse_index_bounds(args, nargs, n, &start, &stop) < 0) return NULL;
    wf_ssize_t r = dq_find(self, args[0], start, stop, 0, NULL);
    if (r == -2) return NULL;
    if (r == -1) return wf_err_format(&wf_exc_ValueError, "%R is not in deque", args[0]);
    return wf_int_from_ssize(r);
}

static wf_object *deque_remove(wf_object *self, wf_object *v) {
    deque_obj *d = (deque_obj *)self;
    for (;;) {
        uint64_t state = dq_state(self);
        wf_ssize_t i = dq_find(self, v, 0, WF_SSIZE_MAX, 0, NULL);
        if (i == -2) return NULL;
        if (i == -1) return wf_err_format(&wf_exc_ValueError, "%R is not in deque", v);
        wf_object *removed = NULL;
        int ok = 0;
        WF_BEGIN_CRITICAL_SECTION(self);
        if (d->state == state && i < d->len) {
            removed = SLOT(d, i);
            for (wf_ssize_t k = i; k < d->len - 1; k++) SLOT(d, k) = SLOT(d, k + 1);
            d->len--;
            d->state++;
            ok = 1;
        }
        WF_END_CRITICAL_SECTION();
        if (ok) {
            wf_decref(removed);
            WF_RETURN_NONE;
        }
        wf_err_set_string(&wf_exc_IndexError, "deque mutated during remove().");
        return NULL;
    }
}

static wf_object *deque_insert(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("insert", nargs, 2, 2) < 0) return NULL;
    wf_ssize_t i = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
    if (i == -1 && wf_err_occurred()) return NULL;
    deque_obj *d = (deque_obj *)self;
    int rc = 0;
    wf_incref(args[1]);
    WF_BEGIN_CRITICAL_SECTION(self);
    if (d->maxlen >= 0 && d->len >= d->maxlen) {
        rc = 1;
    } else {
        wf_ssize_t n = d->len;
        if (i < 0) {
            i += n;
            if (i < 0) i = 0;
        }
        if (i > n) i = n;
        if (dq_reserve(d, n + 1) < 0) {
            rc = -1;
        } else {
            d->len++;
            for (wf_ssize_t k = n; k > i; k--) SLOT(d, k) = SLOT(d, k - 1);
            SLOT(d, i) = args[1];
            d->state++;
        }
    }
    WF_END_CRITICAL_SECTION();
    if (rc) {
        wf_decref(args[1]);
        if (rc > 0) wf_err_set_string(&wf_exc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    WF_RETURN_NONE;
}

static wf_object *deque_item(wf_object *self, wf_ssize_t i) {
    deque_obj *d = (deque_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (i >= 0 && i < d->len) r = wf_newref(SLOT(d, i));
    WF_END_CRITICAL_SECTION();
    if (!r) wf_err_set_string(&wf_exc_IndexError, "deque index out of range");
    return r;
}

static int deque_index_arg(wf_object *self, wf_object *key, wf_ssize_t *out) {
    if (!wf_index_check(key)) {
        wf_err_format(&wf_exc_TypeError, "sequence index must be integer, not '%s'",
                      wf_type_name(WF_TYPE(key)));
        return -1;
    }
    wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (i == -1 && wf_err_occurred()) return -1;
    if (i < 0) i += deque_len(self);
    *out = i;
    return 0;
}

static wf_object *deque_subscript(wf_object *self, wf_object *key) {
    wf_ssize_t i;
    if (deque_index_arg(self, key, &i) < 0) return NULL;
    return deque_item(self, i);
}

static int deque_ass_subscript(wf_object *self, wf_object *key, wf_object *v) {
    wf_ssize_t i;
    if (deque_index_arg(self, key, &i) < 0) return -1;
    deque_obj *d = (deque_obj *)self;
    wf_object *old = NULL;
    int ok = 0;
    if (v) wf_incref(v);
    WF_BEGIN_CRITICAL_SECTION(self);
    if (i >= 0 && i < d->len) {
        ok = 1;
        old = SLOT(d, i);
        if (v) {
            SLOT(d, i) = v;
        } else {
            for (wf_ssize_t k = i; k < d->len - 1; k++) SLOT(d, k) = SLOT(d, k + 1);
            d->len--;
            d->state++;
        }
    }
    WF_END_CRITICAL_SECTION();
    if (!ok) {
        if (v) wf_decref(v);
        wf_err_set_string(&wf_exc_IndexError, "deque index out of range");
        return -1;
    }
    wf_decref(old);
    return 0;
}

static wf_ssize_t deque_maxlen_of(wf_object *self) {
    wf_ssize_t m;
    WF_BEGIN_CRITICAL_SECTION(self);
    m = ((deque_obj *)self)->maxlen;
    WF_END_CRITICAL_SECTION();
    return m;
}

/* A new deque of self's type with the given items and maxlen. */
static wf_object *deque_make(wf_type *type, wf_object *items, wf_ssize_t maxlen) {
    wf_object *r;
    if (type == &deque_type) {
        r = wf_type_generic_alloc(&deque_type, 0);
        if (!r) return NULL;
        ((deque_obj *)r)->maxlen = maxlen;
        if (items && deque_extend_impl(r, items, 0) < 0) {
            wf_decref(r);
            return NULL;
        }
        return r;
    }
    wf_object *ml = maxlen < 0 ? wf_newref(wf_None) : wf_int_from_ssize(maxlen);
    if (!ml) return NULL;
    wf_object *empty = items ? NULL : wf_tuple_new(0);
    wf_object *a[2] = {items ? items : empty, ml};
    r = wf_object_vectorcall((wf_object *)type, a, maxlen < 0 ? 1 : 2, NULL);
    wf_decref(ml);
    if (empty) wf_decref(empty);
    return r;
}

static wf_object *deque_copy(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *snap = dq_snapshot(self, NULL);
    if (!snap) return NULL;
    wf_object *r = deque_make(WF_TYPE(self), snap, deque_maxlen_of(self));
    wf_decref(snap);
    return r;
}

static wf_object *deque_concat(wf_object *self, wf_object *other) {
    if (!DEQUE_CHECK(other))
        return wf_err_format(&wf_exc_TypeError,
                             "can only concatenate deque (not \"%s\") to deque",
                             wf_type_name(WF_TYPE(other)));
    wf_object *r = deque_copy(self, NULL);
    if (!r) return NULL;
    if (deque_extend_impl(r, other, 0) < 0) {
        wf_decref(r);
        return NULL;
    }
    return r;
}

static wf_object *deque_inplace_concat(wf_object *self, wf_object *other) {
    if (deque_extend_impl(self, other, 0) < 0) return NULL;
    return wf_newref(self);
}

static int deque_repeat_into(wf_object *self, wf_ssize_t n) {
    if (n <= 0) {
        deque_clear_impl(self);
        return 0;
    }
    wf_object *snap = dq_snapshot(self, NULL);
    if (!snap) return -1;
    int rc = 0;
    wf_ssize_t ml = deque_maxlen_of(self);
    wf_ssize_t len = WF_TUPLE_SIZE(snap);
    /* with a maxlen only the last maxlen items of the result matter */
    wf_ssize_t reps = n - 1;
    if (ml >= 0 && len > 0 && reps > ml / len + 1) reps = ml / len + 1;
    for (wf_ssize_t k = 0; k < reps && rc == 0; k++) rc = deque_extend_impl(self, snap, 0);
    wf_decref(snap);
    return rc;
}

static wf_object *deque_repeat(wf_object *self, wf_ssize_t n) {
    wf_object *r = deque_copy(self, NULL);
    if (!r) return NULL;
    if (deque_repeat_into(r, n) < 0) {
        wf_decref(r);
        return NULL;
    }
    return r;
}

static wf_object *deque_inplace_repeat(wf_object *self, wf_ssize_t n) {
    if (deque_repeat_into(self, n) < 0) return NULL;
    return wf_newref(self);
}

static wf_object *deque_repr(wf_object *self) {
    int rc = wf_repr_enter(self);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_cstr("[...]");
    wf_object *snap = dq_snapshot(self, NULL);
    wf_object *r = NULL;
    if (snap) {
        wf_object *lst = wfo_repr_join("[", ((wf_tuple *)snap)->ob_item, WF_TUPLE_SIZE(snap), "]");
        wf_decref(snap);
        if (lst) {
            wf_ssize_t ml = deque_maxlen_of(self);
            const char *name = wf_type_name(WF_TYPE(self));
            if (ml >= 0) r = wf_str_from_format("%s(%U, maxlen=%zd)", name, lst, ml);
            else r = wf_str_from_format("%s(%U)", name, lst);
            wf_decref(lst);
        }
    }
    wf_repr_leave(self);
    return r;
}

static wf_object *deque_richcompare(wf_object *a, wf_object *b, int op) {
    if (!DEQUE_CHECK(a) || !DEQUE_CHECK(b)) return wf_newref(wf_NotImplemented);
    wf_object *ta = dq_snapshot(a, NULL);
    if (!ta) return NULL;
    wf_object *tb = dq_snapshot(b, NULL);
    if (!tb) {
        wf_decref(ta);
        return NULL;
    }
    wf_object *r = wfo_seq_richcompare(((wf_tuple *)ta)->ob_item, WF_TUPLE_SIZE(ta),
                                       ((wf_tuple *)tb)->ob_item, WF_TUPLE_SIZE(tb), op);
    wf_decref(ta);
    wf_decref(tb);
    return r;
}

static wf_object *deque_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)args;
    (void)kwargs;
    deque_obj *d = (deque_obj *)wf_type_generic_alloc(type, 0);
    if (!d) return NULL;
    d->maxlen = -1;
    return (wf_object *)d;
}

static int deque_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    wf_object *iterable = n > 0 ? WF_TUPLE_ITEM(args, 0) : NULL;
    wf_object *maxlenobj = n > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    if (n > 2) {
        wf_err_format(&wf_exc_TypeError, "deque() takes at most 2 arguments (%zd given)", n);
        return -1;
    }
    if (kwargs) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int bad = 0;
            if (wf_str_eq_cstr(k, "iterable") && !iterable) iterable = v;
            else if (wf_str_eq_cstr(k, "maxlen") && !maxlenobj) maxlenobj = v;
            else bad = 1;
            if (bad) {
                wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for deque()", k);
                wf_decref(k);
                wf_decref(v);
                return -1;
            }
            /* borrowed from kwargs, which the caller keeps alive */
            wf_decref(k);
            wf_decref(v);
        }
    }
    wf_ssize_t maxlen = -1;
    if (maxlenobj && maxlenobj != wf_None) {
        if (!WF_INT_CHECK(maxlenobj)) {
            wf_err_set_string(&wf_exc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = wf_int_as_ssize(maxlenobj);
        if (maxlen == -1 && wf_err_occurred()) return -1;
        if (maxlen < 0) {
            wf_err_set_string(&wf_exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    WF_BEGIN_CRITICAL_SECTION(self);
    ((deque_obj *)self)->maxlen = maxlen;
    WF_END_CRITICAL_SECTION();
    if (deque_len(self) > 0) deque_clear_impl(self);
    if (iterable && deque_extend_impl(self, iterable, 0) < 0) return -1;
    return 0;
}

static int deque_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    deque_obj *d = (deque_obj *)self;
    for (wf_ssize_t i = 0; i < d->len; i++)
        if (visit(SLOT(d, i), arg)) return -1;
    return 0;
}

static int deque_tp_clear(wf_object *self) {
    deque_clear_impl(self);
    return 0;
}

static void deque_dealloc_body(wf_object *self) {
    deque_clear_impl(self);
    wfo_free_instance(self);
}

/* Bounded recursion when deeply nested structures die (weft/object.h trashcan). */
static void deque_dealloc(wf_object *self) {
    if (wf_trashcan_begin(self, deque_dealloc)) return;
    deque_dealloc_body(self);
    wf_trashcan_end();
}

static wf_object *deque_get_maxlen(wf_object *self, void *closure) {
    (void)closure;
    wf_ssize_t m = deque_maxlen_of(self);
    if (m < 0) WF_RETURN_NONE;
    return wf_int_from_ssize(m);
}

static wf_object *dequeiter_new(wf_type *type, wf_object *d);

static wf_object *deque_iter(wf_object *self) { return dequeiter_new(&dequeiter_type, self); }

static wf_object *deque_reversed(wf_object *self, wf_object *unused) {
    (void)unused;
    return dequeiter_new(&dequereviter_type, self);
}

static wf_object *deque_reduce(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_ssize_t ml = deque_maxlen_of(self);
    wf_object *args;
    if (ml < 0) {
        args = wf_tuple_new(0);
    } else {
        wf_object *empty = wf_tuple_new(0), *m = wf_int_from_ssize(ml);
        args = empty && m ? wf_tuple_pack(2, empty, m) : NULL;
        if (empty) wf_decref(empty);
        if (m) wf_decref(m);
    }
    if (!args) return NULL;
    wf_object *it = deque_iter(self);
    if (!it) {
        wf_decref(args);
        return NULL;
    }
    wf_object **dp = wf_object_dictptr(self);
    wf_object *d = dp ? wfo_instance_dict_ref(self, dp) : NULL;
    wf_object *st = d && wf_dict_size(d) ? d : wf_None;
    wf_object *r = wf_tuple_pack(4, (wf_object *)WF_TYPE(self), args, st, it);
    wf_xdecref(d);
    wf_decref(args);
    wf_decref(it);
    return r;
}

/* cls[item] -> types.GenericAlias (runtime/objects/genericalias.c). */
wf_object *wfo_generic_class_getitem(wf_object *cls, wf_object *item);

static wf_method_def deque_methods[] = {
    {"__class_getitem__", wfo_generic_class_getitem, WF_METH_O | WF_METH_CLASS, "See PEP 585"},
    {"append", deque_append, WF_METH_O, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, WF_METH_O, "Add an element to the left side of the deque."},
    {"clear", deque_clearmethod, WF_METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", deque_copy, WF_METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", deque_copy, WF_METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", deque_count, WF_METH_O, "D.count(value) -> integer -- return number of occurrences of value"},
    {"extend", deque_extend, WF_METH_O, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, WF_METH_O, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, WF_METH_FASTCALL, "D.index(value, [start, [stop]]) -> integer -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", deque_insert, WF_METH_FASTCALL, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, WF_METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, WF_METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, WF_METH_NOARGS, "Return state information for pickling."},
    {"remove", deque_remove, WF_METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", deque_reversed, WF_METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", deque_reverse, WF_METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, WF_METH_FASTCALL, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {NULL, NULL, 0, NULL},
};

static wf_getset_def deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_sequence_methods deque_as_sequence = {
    .sq_length = deque_len,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static wf_mapping_methods deque_as_mapping = {
    .mp_length = deque_len,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
};

static wf_type deque_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(deque_obj),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = deque_dealloc,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_repr = deque_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = deque_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_iter = deque_iter,
    .tp_new = deque_new,
    .tp_init = deque_init,
    .tp_as_sequence = &deque_as_sequence,
    .tp_as_mapping = &deque_as_mapping,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for "
              "data accesses near its endpoints.",
};

/* --- deque iterators ------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *deque;   /* NULL once exhausted */
    wf_ssize_t index;   /* next position (forward) or count taken (reverse) */
    wf_ssize_t counter; /* items left */
    uint64_t state;     /* the deque's state when the iterator was made */
} dequeiter_obj;

static wf_object *dequeiter_new(wf_type *type, wf_object *d) {
    dequeiter_obj *it = (dequeiter_obj *)wf_type_generic_alloc(type, 0);
    if (!it) return NULL;
    it->deque = wf_newref(d);
    WF_BEGIN_CRITICAL_SECTION(d);
    it->state = ((deque_obj *)d)->state;
    it->counter = ((deque_obj *)d)->len;
    WF_END_CRITICAL_SECTION();
    return (wf_object *)it;
}

static wf_object *dequeiter_next_impl(wf_object *self, int reverse) {
    dequeiter_obj *it = (dequeiter_obj *)self;
    wf_object *d = NULL, *r = NULL;
    int mutated = 0;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (it->deque) d = wf_newref(it->deque);
    WF_END_CRITICAL_SECTION();
    if (!d) return NULL;
    wf_object *drop = NULL;
    WF_BEGIN_CRITICAL_SECTION2(self, d);
    deque_obj *dq = (deque_obj *)d;
    if (it->deque) {
        if (dq->state != it->state) {
            mutated = 1;
            it->counter = 0;
        } else if (it->counter > 0) {
            wf_ssize_t i = reverse ? dq->len - 1 - it->index : it->index;
            r = wf_newref(SLOT(dq, i));
            it->index++;
            it->counter--;
        }
        if (!r) {
            drop = it->deque;
            it->deque = NULL;
        }
    }
    WF_END_CRITICAL_SECTION2();
    if (drop) wf_decref(drop);
    wf_decref(d);
    if (mutated) wf_err_set_string(&wf_exc_RuntimeError, "deque mutated during iteration");
    return r;
}

static wf_object *dequeiter_next(wf_object *self) { return dequeiter_next_impl(self, 0); }
static wf_object *dequereviter_next(wf_object *self) { return dequeiter_next_impl(self, 1); }
static wf_object *dequeiter_self(wf_object *self) { return wf_newref(self); }

static wf_object *dequeiter_length_hint(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_ssize_t n;
    WF_BEGIN_CRITICAL_SECTION(self);
    n = ((dequeiter_obj *)self)->counter;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(n);
}

static int dequeiter_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    dequeiter_obj *it = (dequeiter_obj *)self;
    return it->deque ? visit(it->deque, arg) : 0;
}

static void dequeiter_dealloc(wf_object *self) {
    WF_CLEAR(((dequeiter_obj *)self)->deque);
    wfo_free_instance(self);
}

static wf_method_def dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, WF_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static wf_type dequeiter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(dequeiter_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = dequeiter_self,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};

static wf_type dequereviter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(dequeiter_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = dequeiter_self,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
};

/* --- defaultdict ---------------------------------------------------------- */
typedef struct {
    wf_dict dict;
    wf_object *_Atomic default_factory; /* callable or NULL (None) */
} defdict_obj;

static wf_type defdict_type;

static wf_object *dd_factory(wf_object *self) {
    wf_object *f;
    WF_BEGIN_CRITICAL_SECTION(self);
    f = atomic_load_explicit(&((defdict_obj *)self)->default_factory, memory_order_acquire);
    if (f) wf_incref(f);
    WF_END_CRITICAL_SECTION();
    return f;
}

static void dd_set_factory(wf_object *self, wf_object *f) {
    if (f == wf_None) f = NULL;
    if (f) wf_incref(f);
    wf_object *old;
    WF_BEGIN_CRITICAL_SECTION(self);
    old = atomic_exchange_explicit(&((defdict_obj *)self)->default_factory, f, memory_order_acq_rel);
    WF_END_CRITICAL_SECTION();
    if (old) wf_decref(old);
}

static wf_object *dd_missing(wf_object *self, wf_object *key) {
    wf_object *f = dd_factory(self);
    if (!f) {
        wf_object *t = wf_tuple_pack(1, key);
        if (t) {
            wf_err_set_object(&wf_exc_KeyError, t);
            wf_decref(t);
        }
        return NULL;
    }
    wf_object *v = wf_object_call_noargs(f);
    wf_decref(f);
    if (!v) return NULL;
    if (wf_object_set_item(self, key, v) < 0) {
        wf_decref(v);
        return NULL;
    }
    return v;
}

static wf_object *dd_copy(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *f = dd_factory(self);
    wf_object *a[2] = {f ? f : wf_None, self};
    wf_object *r = wf_object_vectorcall((wf_object *)WF_TYPE(self), a, 2, NULL);
    if (f) wf_decref(f);
    return r;
}

static wf_object *dd_reduce(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *f = dd_factory(self);
    wf_object *args = f ? wf_tuple_pack(1, f) : wf_tuple_new(0);
    if (f) wf_decref(f);
    if (!args) return NULL;
    wf_object *items = wf_object_call_method(self, "items", NULL, 0);
    wf_object *it = items ? wf_object_get_iter(items) : NULL;
    if (items) wf_decref(items);
    wf_object *r = it ? wf_tuple_pack(5, (wf_object *)WF_TYPE(self), args, wf_None, wf_None, it) : NULL;
    if (it) wf_decref(it);
    wf_decref(args);
    return r;
}

static wf_object *dd_repr(wf_object *self) {
    wf_object *base = wf_dict_type.tp_repr(self);
    if (!base) return NULL;
    wf_object *f = dd_factory(self);
    wf_object *frepr;
    if (!f) {
        frepr = wf_str_from_cstr("None");
    } else {
        int rc = wf_repr_enter(f);
        if (rc < 0) frepr = NULL;
        else if (rc > 0) frepr = wf_str_from_cstr("...");
        else {
            frepr = wf_object_repr(f);
            wf_repr_leave(f);
        }
        wf_decref(f);
    }
    wf_object *r = frepr ? wf_str_from_format("%s(%U, %U)", wf_type_name(WF_TYPE(self)), frepr, base) : NULL;
    if (frepr) wf_decref(frepr);
    wf_decref(base);
    return r;
}

static wf_object *dd_or(wf_object *a, wf_object *b) {
    wf_object *self = WF_TYPE(a) == &defdict_type || wf_type_is_subtype(WF_TYPE(a), &defdict_type) ? a : NULL;
    wf_object *other = self ? b : a;
    if (!self) self = b;
    if (!WF_DICT_CHECK(other)) return wf_newref(wf_NotImplemented);
    wf_object *f = dd_factory(self);
    wf_object *x[2] = {f ? f : wf_None, a};
    wf_object *r = wf_object_vectorcall((wf_object *)WF_TYPE(self), x, 2, NULL);
    if (f) wf_decref(f);
    if (!r) return NULL;
    if (wf_dict_merge(r, b, 1) < 0) {
        wf_decref(r);
        return NULL;
    }
    return r;
}

static wf_object *dd_ior(wf_object *a, wf_object *b) {
    if (wf_dict_update(a, b) < 0) return NULL;
    return wf_newref(a);
}

static int dd_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    wf_object *f = NULL;
    if (n > 0) {
        f = WF_TUPLE_ITEM(args, 0);
        if (f != wf_None && !wf_callable_check(f)) {
            wf_err_set_string(&wf_exc_TypeError, "first argument must be callable or None");
            return -1;
        }
    }
    dd_set_factory(self, f);
    wf_object *rest = wf_tuple_slice(args, n > 0 ? 1 : 0, n);
    if (!rest) return -1;
    int rc = wf_dict_type.tp_init(self, rest, kwargs);
    wf_decref(rest);
    return rc;
}

static int dd_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    wf_object *f = atomic_load_explicit(&((defdict_obj *)self)->default_factory, memory_order_relaxed);
    if (f && visit(f, arg)) return -1;
    return wf_dict_type.tp_traverse(self, visit, arg);
}

static int dd_tp_clear(wf_object *self) {
    dd_set_factory(self, NULL);
    return wf_dict_type.tp_clear ? wf_dict_type.tp_clear(self) : 0;
}

static void dd_dealloc(wf_object *self) {
    wf_object *f = atomic_exchange_explicit(&((defdict_obj *)self)->default_factory, NULL,
                                            memory_order_relaxed);
    if (f) wf_decref(f);
    wf_dict_type.tp_dealloc(self);
}

static wf_object *dd_get_factory(wf_object *self, void *closure) {
    (void)closure;
    wf_object *f = dd_factory(self);
    return f ? f : wf_newref(wf_None);
}

static int dd_set_factory_attr(wf_object *self, wf_object *value, void *closure) {
    (void)closure;
    dd_set_factory(self, value); /* del sets it to None, as CPython's member */
    return 0;
}

static wf_method_def dd_methods[] = {
    {"__class_getitem__", wfo_generic_class_getitem, WF_METH_O | WF_METH_CLASS, "See PEP 585"},
    {"__missing__", dd_missing, WF_METH_O, "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value\n"},
    {"copy", dd_copy, WF_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", dd_copy, WF_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", dd_reduce, WF_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static wf_getset_def dd_getset[] = {
    {"default_factory", dd_get_factory, dd_set_factory_attr, "Factory for default value called by __missing__().", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_number_methods dd_as_number = {
    .nb_or = dd_or,
    .nb_inplace_or = dd_ior,
};

static wf_type defdict_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(defdict_obj),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DICT_SUBCLASS,
    .tp_dealloc = dd_dealloc,
    .tp_traverse = dd_traverse,
    .tp_clear = dd_tp_clear,
    .tp_repr = dd_repr,
    .tp_init = dd_init,
    .tp_as_number = &dd_as_number,
    .tp_methods = dd_methods,
    .tp_getset = dd_getset,
    .tp_base = &wf_dict_type,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory",
};

/* --- _count_elements -------------------------------------------------------- */
static wf_object *c_count_elements(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("_count_elements", nargs, 2, 2) < 0) return NULL;
    wf_object *mapping = args[0];
    wf_object *it = wf_object_get_iter(args[1]);
    if (!it) return NULL;
    wf_object *one = wf_int_from_i64(1);
    int exact = WF_DICT_CHECK_EXACT(mapping);
    wf_object *get = NULL;
    if (!exact) {
        get = wf_object_getattr_string(mapping, "get");
        if (!get) goto fail;
    }
    for (;;) {
        wf_object *key = wf_iter_next(it);
        if (!key) {
            if (wf_err_occurred()) goto fail;
            break;
        }
        wf_object *old = NULL;
        if (exact) {
            int rc = wf_dict_get_item_ref(mapping, key, &old);
            if (rc < 0) {
                wf_decref(key);
                goto fail;
            }
        } else {
            wf_object *zero = wf_int_from_i64(0);
            wf_object *a[2] = {key, zero};
            old = wf_object_vectorcall(get, a, 2, NULL);
            wf_decref(zero);
            if (!old) {
                wf_decref(key);
                goto fail;
            }
        }
        wf_object *nv = old ? wf_number_add(old, one) : wf_newref(one);
        if (old) wf_decref(old);
        int rc = nv ? wf_object_set_item(mapping, key, nv) : -1;
        if (nv) wf_decref(nv);
        wf_decref(key);
        if (rc < 0) goto fail;
    }
    if (get) wf_decref(get);
    wf_decref(one);
    wf_decref(it);
    WF_RETURN_NONE;
fail:
    if (get) wf_decref(get);
    wf_decref(one);
    wf_decref(it);
    return NULL;
}

/* --- _tuplegetter (namedtuple fields) -------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_ssize_t index; /* immutable */
    wf_object *doc;   /* __doc__, writable by its owner at class creation */
} tuplegetter_obj;

static wf_type tuplegetter_type;

static wf_object *tg_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_set_string(&wf_exc_TypeError, "_tuplegetter() takes no keyword arguments");
        return NULL;
    }
    if (wf_check_nargs("_tuplegetter", WF_TUPLE_SIZE(args), 2, 2) < 0) return NULL;
    wf_ssize_t i = wf_number_as_ssize_t(WF_TUPLE_ITEM(args, 0), &wf_exc_OverflowError);
    if (i == -1 && wf_err_occurred()) return NULL;
    tuplegetter_obj *t = (tuplegetter_obj *)wf_type_generic_alloc(type, 0);
    if (!t) return NULL;
    t->index = i;
    t->doc = wf_newref(WF_TUPLE_ITEM(args, 1));
    return (wf_object *)t;
}

static wf_object *tg_get(wf_object *self, wf_object *obj, wf_object *type) {
    (void)type;
    if (!obj || obj == wf_None) return wf_newref(self);
    tuplegetter_obj *t = (tuplegetter_obj *)self;
    if (!WF_TUPLE_CHECK(obj))
        return wf_err_format(&wf_exc_TypeError,
                             "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                             t->index, wf_type_name(WF_TYPE(obj)));
    if (t->index < 0 || t->index >= WF_TUPLE_SIZE(obj)) {
        wf_err_set_string(&wf_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return wf_newref(WF_TUPLE_ITEM(obj, t->index));
}

static int tg_set(wf_object *self, wf_object *obj, wf_object *value) {
    (void)self;
    (void)obj;
    wf_err_set_string(&wf_exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static void tg_dealloc(wf_object *self) {
    WF_CLEAR(((tuplegetter_obj *)self)->doc);
    wfo_free_instance(self);
}

static int tg_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    tuplegetter_obj *t = (tuplegetter_obj *)self;
    return t->doc ? visit(t->doc, arg) : 0;
}

static wf_member_def tg_members[] = {
    {"__doc__", WF_T_OBJECT, offsetof(tuplegetter_obj, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static wf_type tuplegetter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(tuplegetter_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = tg_dealloc,
    .tp_traverse = tg_traverse,
    .tp_descr_get = tg_get,
    .tp_descr_set = tg_set,
    .tp_new = tg_new,
    .tp_members = tg_members,
};

static wf_method_def collections_methods[] = {
    {"_count_elements", c_count_elements, WF_METH_FASTCALL, "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_collections) {
    wf_type *types[] = {&deque_type, &dequeiter_type, &dequereviter_type, &defdict_type,
                        &tuplegetter_type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (wf_type_ready(types[i]) < 0) return NULL;
    wf_object *m = wf_module_new("_collections");
    if (!m) return NULL;
    if (wf_module_add_functions(m, collections_methods) < 0 ||
        wf_module_add_object(m, "deque", (wf_object *)&deque_type) < 0 ||
        wf_module_add_object(m, "defaultdict", (wf_object *)&defdict_type) < 0 ||
        wf_module_add_object(m, "_deque_iterator", (wf_object *)&dequeiter_type) < 0 ||
        wf_module_add_object(m, "_deque_reverse_iterator", (wf_object *)&dequereviter_type) < 0 ||
        wf_module_add_object(m, "_tuplegetter", (wf_object *)&tuplegetter_type) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
