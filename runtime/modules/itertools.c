/*
 * runtime/modules/itertools.c — the itertools module: count, cycle,
 * repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse,
 * groupby (with its _grouper), islice, pairwise, starmap, tee (_tee and
 * _tee_dataobject), zip_longest, product, permutations, combinations and
 * combinations_with_replacement, with CPython 3.11's semantics, reprs
 * (count, repeat) and error messages.
 *
 * Layout convention: every iterator struct lists its owned object
 * references first, right after the header, and records how many in its
 * type's row of REFS below; one dealloc/traverse pair walks them.
 *
 * Thread-safety: an iterator shared between threads advances under its
 * own critical section (tp_iternext runs entirely inside it).  Calls into
 * Python made inside (the source iterator, predicates, keys) may suspend
 * the section, so another thread can run the same iterator meanwhile;
 * the code therefore keeps strong references to everything it uses
 * across a call and replaces fields by swap-then-release, so a shared
 * iterator may interleave items but never crashes or leaks.  Tee data
 * blocks are shared by several _tee objects and are filled under the
 * block's own critical section.
 */
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/containers.h"

/* --- shared helpers ------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *refs[]; /* the first nrefs fields of every iterator below */
} refs_view;

/* Number of leading owned references of each type (set at init). */
static wf_ssize_t nrefs_of(wf_type *t);

static void it_dealloc(wf_object *self) {
    wf_type *t = WF_TYPE(self);
    while (t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) t = t->tp_base;
    wf_ssize_t n = nrefs_of(t);
    refs_view *v = (refs_view *)self;
    for (wf_ssize_t i = 0; i < n; i++) WF_CLEAR(v->refs[i]);
    wfo_free_instance(self);
}

static int it_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    wf_type *t = WF_TYPE(self);
    while (t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) t = t->tp_base;
    wf_ssize_t n = nrefs_of(t);
    refs_view *v = (refs_view *)self;
    for (wf_ssize_t i = 0; i < n; i++)
        if (v->refs[i] && visit(v->refs[i], arg)) return -1;
    return 0;
}

static wf_object *it_self(wf_object *self) { return wf_newref(self); }

/* Replace *slot by v (stolen), releasing the old value after the store. */
static void set_ref(wf_object **slot, wf_object *v) {
    wf_object *old = *slot;
    *slot = v;
    if (old) wf_decref(old);
}

/* Argument parsing for tp_new: positional args tuple + kwargs dict.
 * names[0..nnames) may be given by position (the first maxpos of them)
 * or by keyword (kwnames allowed: all of them); the first nreq are
 * required.  out[] receives borrowed references (NULL = absent). */
static int parse_args(const char *fname, wf_object *args, wf_object *kwargs,
                      const char *const *names, int nnames, int maxpos, int nreq,
                      wf_object **out) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    wf_ssize_t total = n + (kwargs ? wf_dict_size(kwargs) : 0);
    for (int i = 0; i < nnames; i++) out[i] = NULL;
    if (maxpos == nnames && total > nnames) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname,
                      nnames, nnames == 1 ? "" : "s", total);
        return -1;
    }
    if (n > maxpos) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d positional argument%s (%zd given)",
                      fname, maxpos, maxpos == 1 ? "" : "s", n);
        return -1;
    }
    for (wf_ssize_t i = 0; i < n; i++) out[i] = WF_TUPLE_ITEM(args, i);
    if (kwargs && wf_dict_size(kwargs) > 0) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int j = -1;
            for (int i = 0; i < nnames; i++)
                if (WF_STR_CHECK(k) && wf_str_eq_cstr(k, names[i])) j = i;
            int bad = 0;
            if (j < 0) {
                wf_err_format(&wf_exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                              k, fname);
                bad = 1;
            } else if (out[j]) {
                wf_err_format(&wf_exc_TypeError,
                              "argument for %s() given by name ('%s') and position (%d)", fname,
                              names[j], j + 1);
                bad = 1;
            } else {
                out[j] = v; /* kept alive by kwargs */
            }
            wf_decref(k);
            wf_decref(v);
            if (bad) return -1;
        }
    }
    for (int i = 0; i < nreq; i++)
        if (!out[i]) {
            wf_err_format(&wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                          names[i], i + 1);
            return -1;
        }
    return 0;
}

static int no_kwargs(const char *fname, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs) > 0) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

static int nargs_exact(const char *fname, wf_object *args, wf_ssize_t lo, wf_ssize_t hi) {
    return wf_check_nargs(fname, WF_TUPLE_SIZE(args), lo, hi);
}

/* A non-negative r argument ("r must be non-negative"). */
static int get_r(wf_object *o, wf_ssize_t *r) {
    wf_ssize_t v = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return -1;
    if (v < 0) {
        wf_err_set_string(&wf_exc_ValueError, "r must be non-negative");
        return -1;
    }
    *r = v;
    return 0;
}

#define NEW(type, T) ((T *)wf_type_generic_alloc((type), 0))

/* Declare a type whose instances are iterators with the shared dealloc. */
#define ITER_TYPE(var, pyname, T, newf, nextf, extra...)            \
    static wf_type var = {                                          \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),              \
        .tp_name = "itertools." pyname,                             \
        .tp_basicsize = sizeof(T),                                  \
        .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,       \
        .tp_dealloc = it_dealloc,                                   \
        .tp_traverse = it_traverse,                                 \
        .tp_getattro = wf_object_generic_getattr,                   \
        .tp_iter = it_self,                                         \
        .tp_iternext = nextf,                                       \
        .tp_new = newf,                                             \
        extra};

/* --- count ----------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *cnt;  /* current value */
    wf_object *step;
} count_obj;

static wf_object *count_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"start", "step"};
    wf_object *a[2];
    if (parse_args("count", args, kwargs, names, 2, 2, 0, a) < 0) return NULL;
    wf_object *start = a[0], *step = a[1];
    for (int i = 0; i < 2; i++) {
        wf_object *x = a[i];
        if (!x) continue;
        wf_number_methods *nb = WF_TYPE(x)->tp_as_number;
        if (!(WF_INT_CHECK(x) || WF_FLOAT_CHECK(x) || WF_COMPLEX_CHECK(x) ||
              (nb && (nb->nb_index || nb->nb_float || nb->nb_int)))) {
            wf_err_set_string(&wf_exc_TypeError, "a number is required");
            return NULL;
        }
    }
    count_obj *c = NEW(type, count_obj);
    if (!c) return NULL;
    c->cnt = start ? wf_newref(start) : wf_int_from_i64(0);
    c->step = step ? wf_newref(step) : wf_int_from_i64(1);
    if (!c->cnt || !c->step) {
        wf_decref((wf_object *)c);
        return NULL;
    }
    return (wf_object *)c;
}

static wf_object *count_next(wf_object *self) {
    count_obj *c = (count_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_object *cur = wf_newref(c->cnt);
    wf_object *step = wf_newref(c->step);
    wf_object *nxt = wf_number_add(cur, step);
    if (nxt) {
        set_ref(&c->cnt, nxt);
        r = cur;
    } else {
        wf_decref(cur);
    }
    wf_decref(step);
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *count_repr(wf_object *self) {
    count_obj *c = (count_obj *)self;
    wf_object *cnt, *step;
    WF_BEGIN_CRITICAL_SECTION(self);
    cnt = wf_newref(c->cnt);
    step = wf_newref(c->step);
    WF_END_CRITICAL_SECTION();
    wf_object *r;
    const char *name = wf_type_name(WF_TYPE(self));
    int ovf;
    if (WF_INT_CHECK(step) && wf_int_as_i64_overflow(step, &ovf) == 1 && !ovf)
        r = wf_str_from_format("%s(%R)", name, cnt);
    else
        r = wf_str_from_format("%s(%R, %R)", name, cnt, step);
    wf_decref(cnt);
    wf_decref(step);
    return r;
}

ITER_TYPE(count_type, "count", count_obj, count_new, count_next, .tp_repr = count_repr,
          .tp_doc = "Return a count object whose .__next__() method returns consecutive values.")

/* --- cycle ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *it;    /* source iterator; NULL once exhausted */
    wf_object *saved; /* list */
    wf_ssize_t index;
    int firstpass;
} cycle_obj;

static wf_object *cycle_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (no_kwargs("cycle", kwargs) < 0 || nargs_exact("cycle", args, 1, 1) < 0) return NULL;
    wf_object *it = wf_object_get_iter(WF_TUPLE_ITEM(args, 0));
    if (!it) return NULL;
    cycle_obj *c = NEW(type, cycle_obj);
    if (!c) {
        wf_decref(it);
        return NULL;
    }
    c->it = it;
    c->saved = wf_list_new(0);
    c->firstpass = 1;
    if (!c->saved) {
        wf_decref((wf_object *)c);
        return NULL;
    }
    return (wf_object *)c;
}

static wf_object *cycle_next(wf_object *self) {
    cycle_obj *c = (cycle_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (c->it) {
        wf_object *it = wf_newref(c->it);
        r = wf_iter_next(it);
        wf_decref(it);
        if (r) {
            if (c->firstpass && wf_list_append(c->saved, r) < 0) {
                wf_decref(r);
                r = NULL;
            }
        } else if (!wf_err_occurred()) {
            set_ref(&c->it, NULL);
            c->index = 0;
            c->firstpass = 0;
        }
    }
    if (!c->it && !r && !wf_err_occurred()) {
        wf_ssize_t n = wf_list_size(c->saved);
        if (n > 0) {
            if (c->index >= n) c->index = 0;
            r = wf_list_get_item(c->saved, c->index);
            c->index++;
        }
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(cycle_type, "cycle", cycle_obj, cycle_new, cycle_next,
          .tp_doc = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.")

/* --- repeat ----------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *element;
    wf_ssize_t cnt; /* -1 = forever */
} repeat_obj;

static wf_object *repeat_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"object", "times"};
    wf_object *a[2];
    if (parse_args("repeat", args, kwargs, names, 2, 2, 1, a) < 0) return NULL;
    wf_ssize_t cnt = -1;
    if (a[1]) {
        cnt = wf_number_as_ssize_t(a[1], &wf_exc_OverflowError);
        if (cnt == -1 && wf_err_occurred()) return NULL;
        if (cnt < 0) cnt = 0;
    }
    repeat_obj *r = NEW(type, repeat_obj);
    if (!r) return NULL;
    r->element = wf_newref(a[0]);
    r->cnt = cnt;
    return (wf_object *)r;
}

static wf_object *repeat_next(wf_object *self) {
    repeat_obj *r = (repeat_obj *)self;
    wf_object *v = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (r->cnt != 0) {
        if (r->cnt > 0) r->cnt--;
        v = wf_newref(r->element);
    }
    WF_END_CRITICAL_SECTION();
    return v;
}

static wf_object *repeat_repr(wf_object *self) {
    repeat_obj *r = (repeat_obj *)self;
    wf_ssize_t cnt;
    WF_BEGIN_CRITICAL_SECTION(self);
    cnt = r->cnt;
    WF_END_CRITICAL_SECTION();
    const char *name = wf_type_name(WF_TYPE(self));
    if (cnt < 0) return wf_str_from_format("%s(%R)", name, r->element);
    return wf_str_from_format("%s(%R, %zd)", name, r->element, cnt);
}

static wf_object *repeat_length_hint(wf_object *self, wf_object *unused) {
    (void)unused;
    repeat_obj *r = (repeat_obj *)self;
    wf_ssize_t cnt;
    WF_BEGIN_CRITICAL_SECTION(self);
    cnt = r->cnt;
    WF_END_CRITICAL_SECTION();
    if (cnt < 0) {
        wf_err_set_string(&wf_exc_TypeError, "len() of unsized object");
        return NULL;
    }
    return wf_int_from_ssize(cnt);
}

static wf_method_def repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, WF_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

ITER_TYPE(repeat_type, "repeat", repeat_obj, repeat_new, repeat_next, .tp_repr = repeat_repr,
          .tp_methods = repeat_methods,
          .tp_doc = "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.")

/* --- accumulate -------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *it;
    wf_object *func;    /* NULL = add */
    wf_object *total;   /* NULL before the first item */
    wf_object *initial; /* yielded first, then dropped */
} accumulate_obj;

static wf_object *accumulate_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"iterable", "func", "initial"};
    wf_object *a[3];
    if (parse_args("accumulate", args, kwargs, names, 3, 2, 1, a) < 0) return NULL;
    wf_object *it = wf_object_get_iter(a[0]);
    if (!it) return NULL;
    accumulate_obj *ac = NEW(type, accumulate_obj);
    if (!ac) {
        wf_decref(it);
        return NULL;
    }
    ac->it = it;
    ac->func = a[1] && a[1] != wf_None ? wf_newref(a[1]) : NULL;
    ac->initial = a[2] && a[2] != wf_None ? wf_newref(a[2]) : NULL;
    return (wf_object *)ac;
}

static wf_object *accumulate_next(wf_object *self) {
    accumulate_obj *ac = (accumulate_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (ac->initial) {
        r = wf_newref(ac->initial);
        set_ref(&ac->total, wf_newref(ac->initial));
        set_ref(&ac->initial, NULL);
    } else if (ac->it) {
        wf_object *it = wf_newref(ac->it);
        wf_object *v = wf_iter_next(it);
        wf_decref(it);
        if (v) {
            if (!ac->total) {
                r = v;
            } else {
                wf_object *total = wf_newref(ac->total);
                if (ac->func) {
                    wf_object *f = wf_newref(ac->func);
                    wf_object *pair[2] = {total, v};
                    r = wf_object_vectorcall(f, pair, 2, NULL);
                    wf_decref(f);
                } else {
                    r = wf_number_add(total, v);
                }
                wf_decref(total);
                wf_decref(v);
            }
            if (r) set_ref(&ac->total, wf_newref(r));
        }
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(accumulate_type, "accumulate", accumulate_obj, accumulate_new, accumulate_next,
          .tp_doc = "Return series of accumulated sums (or other binary function results).")

/* --- chain ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *source; /* iterator over the iterables; NULL when done */
    wf_object *active; /* current iterator or NULL */
} chain_obj;

static wf_type chain_type;

static wf_object *chain_make(wf_type *type, wf_object *source_iterable) {
    wf_object *src = wf_object_get_iter(source_iterable);
    if (!src) return NULL;
    chain_obj *c = NEW(type, chain_obj);
    if (!c) {
        wf_decref(src);
        return NULL;
    }
    c->source = src;
    return (wf_object *)c;
}

static wf_object *chain_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (no_kwargs("chain", kwargs) < 0) return NULL;
    return chain_make(type, args);
}

static wf_object *chain_from_iterable(wf_object *cls, wf_object *arg) {
    return chain_make((wf_type *)cls, arg);
}

static wf_object *chain_next(wf_object *self) {
    chain_obj *c = (chain_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    while (c->source || c->active) {
        if (!c->active) {
            wf_object *src = wf_newref(c->source);
            wf_object *iterable = wf_iter_next(src);
            wf_decref(src);
            if (!iterable) {
                if (!wf_err_occurred()) set_ref(&c->source, NULL);
                break;
            }
            wf_object *it = wf_object_get_iter(iterable);
            wf_decref(iterable);
            if (!it) break;
            set_ref(&c->active, it);
        }
        wf_object *act = wf_newref(c->active);
        r = wf_iter_next(act);
        if (r || wf_err_occurred()) {
            wf_decref(act);
            break;
        }
        if (c->active == act) set_ref(&c->active, NULL);
        wf_decref(act);
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_method_def chain_methods[] = {
    {"from_iterable", chain_from_iterable, WF_METH_O | WF_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {NULL, NULL, 0, NULL},
};

ITER_TYPE(chain_type, "chain", chain_obj, chain_new, chain_next, .tp_methods = chain_methods,
          .tp_doc = "Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.")

/* --- compress ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *data;
    wf_object *selectors;
} compress_obj;

static wf_object *compress_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"data", "selectors"};
    wf_object *a[2];
    if (parse_args("compress", args, kwargs, names, 2, 2, 2, a) < 0) return NULL;
    wf_object *d = wf_object_get_iter(a[0]);
    if (!d) return NULL;
    wf_object *s = wf_object_get_iter(a[1]);
    if (!s) {
        wf_decref(d);
        return NULL;
    }
    compress_obj *c = NEW(type, compress_obj);
    if (!c) {
        wf_decref(d);
        wf_decref(s);
        return NULL;
    }
    c->data = d;
    c->selectors = s;
    return (wf_object *)c;
}

static wf_object *compress_next(wf_object *self) {
    compress_obj *c = (compress_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_object *data = wf_newref(c->data), *sel = wf_newref(c->selectors);
    for (;;) {
        wf_object *d = wf_iter_next(data);
        if (!d) break;
        wf_object *s = wf_iter_next(sel);
        if (!s) {
            wf_decref(d);
            break;
        }
        int ok = wf_object_is_true(s);
        wf_decref(s);
        if (ok > 0) {
            r = d;
            break;
        }
        wf_decref(d);
        if (ok < 0) break;
    }
    wf_decref(data);
    wf_decref(sel);
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(compress_type, "compress", compress_obj, compress_new, compress_next,
          .tp_doc = "Return data elements corresponding to true selector elements.")

/* --- dropwhile / takewhile / filterfalse ------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *func;
    wf_object *it;
    int state; /* dropwhile: 1 once dropping stopped; takewhile: 1 once stopped */
} predicate_obj;

static wf_object *predicate_make(const char *name, wf_type *type, wf_object *args, wf_object *kwargs) {
    if (no_kwargs(name, kwargs) < 0 || nargs_exact(name, args, 2, 2) < 0) return NULL;
    wf_object *it = wf_object_get_iter(WF_TUPLE_ITEM(args, 1));
    if (!it) return NULL;
    predicate_obj *p = NEW(type, predicate_obj);
    if (!p) {
        wf_decref(it);
        return NULL;
    }
    p->func = wf_newref(WF_TUPLE_ITEM(args, 0));
    p->it = it;
    return (wf_object *)p;
}

/* pred(item) as 1/0/-1; None predicate = truth of the item. */
static int call_pred(wf_object *func, wf_object *item) {
    if (func == wf_None) return wf_object_is_true(item);
    wf_object *r = wf_object_call_one(func, item);
    if (!r) return -1;
    int t = wf_object_is_true(r);
    wf_decref(r);
    return t;
}

static wf_object *dropwhile_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    return predicate_make("dropwhile", type, args, kwargs);
}
static wf_object *takewhile_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    return predicate_make("takewhile", type, args, kwargs);
}
static wf_object *filterfalse_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    return predicate_make("filterfalse", type, args, kwargs);
}

static wf_object *dropwhile_next(wf_object *self) {
    predicate_obj *p = (predicate_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_object *it = wf_newref(p->it), *f = wf_newref(p->func);
    for (;;) {
        wf_object *v = wf_iter_next(it);
        if (!v) break;
        if (p->state) {
            r = v;
            break;
        }
        int ok = call_pred(f, v);
        if (ok < 0) {
            wf_decref(v);
            break;
        }
        if (!ok) {
            p->state = 1;
            r = v;
            break;
        }
        wf_decref(v);
    }
    wf_decref(it);
    wf_decref(f);
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *takewhile_next(wf_object *self) {
    predicate_obj *p = (predicate_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (!p->state) {
        wf_object *it = wf_newref(p->it), *f = wf_newref(p->func);
        wf_object *v = wf_iter_next(it);
        if (v) {
            int ok = call_pred(f, v);
            if (ok > 0) r = v;
            else {
                if (ok == 0) p->state = 1;
                wf_decref(v);
            }
        }
        wf_decref(it);
        wf_decref(f);
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *filterfalse_next(wf_object *self) {
    predicate_obj *p = (predicate_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_object *it = wf_newref(p->it), *f = wf_newref(p->func);
    for (;;) {
        wf_object *v = wf_iter_next(it);
        if (!v) break;
        int ok = call_pred(f, v);
        if (ok == 0) {
            r = v;
            break;
        }
        wf_decref(v);
        if (ok < 0) break;
    }
    wf_decref(it);
    wf_decref(f);
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(dropwhile_type, "dropwhile", predicate_obj, dropwhile_new, dropwhile_next,
          .tp_doc = "Drop items from the iterable while predicate(item) is true.")
ITER_TYPE(takewhile_type, "takewhile", predicate_obj, takewhile_new, takewhile_next,
          .tp_doc = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.")
ITER_TYPE(filterfalse_type, "filterfalse", predicate_obj, filterfalse_new, filterfalse_next,
          .tp_doc = "Return those items of iterable for which function(item) is false.")

/* --- groupby ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *it;
    wf_object *keyfunc;   /* NULL = identity */
    wf_object *tgtkey;    /* key of the group being returned */
    wf_object *currkey;   /* key of currvalue */
    wf_object *currvalue; /* the look-ahead value */
    wf_object *currgrouper; /* the live _grouper (borrowed identity only, see below) */
} groupby_obj;

typedef struct {
    wf_object ob_base;
    wf_object *parent; /* groupby */
    wf_object *tgtkey;
} grouper_obj;

static wf_type groupby_type, grouper_type;

static wf_object *groupby_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"iterable", "key"};
    wf_object *a[2];
    if (parse_args("groupby", args, kwargs, names, 2, 2, 1, a) < 0) return NULL;
    wf_object *it = wf_object_get_iter(a[0]);
    if (!it) return NULL;
    groupby_obj *g = NEW(type, groupby_obj);
    if (!g) {
        wf_decref(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = a[1] && a[1] != wf_None ? wf_newref(a[1]) : NULL;
    return (wf_object *)g;
}

/* Advance the look-ahead (lock held by the caller): 1 ok, 0 exhausted, -1. */
static int groupby_step(groupby_obj *g) {
    wf_object *it = wf_newref(g->it);
    wf_object *v = wf_iter_next(it);
    wf_decref(it);
    if (!v) return wf_err_occurred() ? -1 : 0;
    wf_object *k;
    if (g->keyfunc) {
        wf_object *f = wf_newref(g->keyfunc);
        k = wf_object_call_one(f, v);
        wf_decref(f);
        if (!k) {
            wf_decref(v);
            return -1;
        }
    } else {
        k = wf_newref(v);
    }
    set_ref(&g->currvalue, v);
    set_ref(&g->currkey, k);
    return 1;
}

static wf_object *grouper_new_for(wf_object *parent, wf_object *tgtkey) {
    grouper_obj *gr = NEW(&grouper_type, grouper_obj);
    if (!gr) return NULL;
    gr->parent = wf_newref(parent);
    gr->tgtkey = wf_newref(tgtkey);
    return (wf_object *)gr;
}

static wf_object *groupby_next(wf_object *self) {
    groupby_obj *g = (groupby_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    g->currgrouper = NULL;
    /* skip to the next key */
    for (;;) {
        if (!g->currkey) {
            if (groupby_step(g) <= 0) goto done;
        } else if (!g->tgtkey) {
            break;
        } else {
            wf_object *a = wf_newref(g->tgtkey), *b = wf_newref(g->currkey);
            int eq = wf_object_rich_compare_bool(a, b, WF_EQ);
            wf_decref(a);
            wf_decref(b);
            if (eq < 0) goto done;
            if (!eq) break;
            if (groupby_step(g) <= 0) goto done;
        }
    }
    set_ref(&g->tgtkey, wf_newref(g->currkey));
    wf_object *grouper = grouper_new_for(self, g->tgtkey);
    if (!grouper) goto done;
    g->currgrouper = grouper; /* identity only: compared, never dereferenced */
    r = wf_tuple_pack(2, g->currkey, grouper);
    wf_decref(grouper);
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *grouper_next(wf_object *self) {
    grouper_obj *gr = (grouper_obj *)self;
    groupby_obj *g = (groupby_obj *)gr->parent;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(gr->parent);
    if (g->currgrouper != self) goto done;
    if (!g->currvalue) {
        if (groupby_step(g) <= 0) goto done;
    }
    wf_object *a = wf_newref(gr->tgtkey), *b = wf_newref(g->currkey);
    int eq = wf_object_rich_compare_bool(a, b, WF_EQ);
    wf_decref(a);
    wf_decref(b);
    if (eq <= 0) goto done;
    r = g->currvalue;
    g->currvalue = NULL;
    set_ref(&g->currkey, NULL);
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(groupby_type, "groupby", groupby_obj, groupby_new, groupby_next,
          .tp_doc = "make an iterator that returns consecutive keys and groups from the iterable")

static wf_type grouper_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(grouper_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = it_dealloc,
    .tp_traverse = it_traverse,
    .tp_iter = it_self,
    .tp_iternext = grouper_next,
};

/* --- islice --------------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *it; /* NULL once exhausted */
    wf_ssize_t next;
    wf_ssize_t stop; /* -1 = none */
    wf_ssize_t step;
    wf_ssize_t cnt;
} islice_obj;

static int islice_arg(wf_object *o, wf_ssize_t *out, const char *msg) {
    if (o == wf_None) return 0;
    if (!wf_index_check(o)) goto bad;
    wf_ssize_t v = wf_number_as_ssize_t(o, NULL);
    if (v == -1 && wf_err_occurred()) return -1;
    if (v < 0) goto bad;
    *out = v;
    return 0;
bad:
    wf_err_set_string(&wf_exc_ValueError, msg);
    return -1;
}

static wf_object *islice_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (no_kwargs("islice", kwargs) < 0) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (wf_check_nargs("islice", n, 2, 4) < 0) return NULL;
    wf_ssize_t start = 0, stop = -1, step = 1;
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char idx_msg[] =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (n == 2) {
        if (islice_arg(WF_TUPLE_ITEM(args, 1), &stop, stop_msg) < 0) return NULL;
    } else {
        if (islice_arg(WF_TUPLE_ITEM(args, 1), &start, idx_msg) < 0) return NULL;
        if (islice_arg(WF_TUPLE_ITEM(args, 2), &stop, stop_msg) < 0) return NULL;
        if (n == 4) {
            wf_object *s = WF_TUPLE_ITEM(args, 3);
            if (s != wf_None) {
                step = -1;
                if (wf_index_check(s)) {
                    step = wf_number_as_ssize_t(s, NULL);
                    if (step == -1 && wf_err_occurred()) return NULL;
                }
                if (step < 1) {
                    wf_err_set_string(&wf_exc_ValueError,
                                      "Step for islice() must be a positive integer or None.");
                    return NULL;
                }
            }
        }
    }
    wf_object *it = wf_object_get_iter(WF_TUPLE_ITEM(args, 0));
    if (!it) return NULL;
    islice_obj *s = NEW(type, islice_obj);
    if (!s) {
        wf_decref(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return (wf_object *)s;
}

static wf_object *islice_next(wf_object *self) {
    islice_obj *s = (islice_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (!s->it) goto done;
    wf_object *it = wf_newref(s->it);
    while (s->cnt < s->next) {
        wf_object *v = wf_iter_next(it);
        if (!v) goto exhausted;
        wf_decref(v);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto exhausted;
    r = wf_iter_next(it);
    if (!r) goto exhausted;
    s->cnt++;
    {
        wf_ssize_t oldnext = s->next;
        s->next += s->step;
        if (s->next < oldnext || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    }
    wf_decref(it);
    goto done;
exhausted:
    wf_decref(it);
    if (!wf_err_occurred()) set_ref(&s->it, NULL);
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(islice_type, "islice", islice_obj, islice_new, islice_next,
          .tp_doc = "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object")

/* --- pairwise ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *it; /* NULL once exhausted */
    wf_object *old;
} pairwise_obj;

static wf_object *pairwise_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (no_kwargs("pairwise", kwargs) < 0 || nargs_exact("pairwise", args, 1, 1) < 0) return NULL;
    wf_object *it = wf_object_get_iter(WF_TUPLE_ITEM(args, 0));
    if (!it) return NULL;
    pairwise_obj *p = NEW(type, pairwise_obj);
    if (!p) {
        wf_decref(it);
        return NULL;
    }
    p->it = it;
    return (wf_object *)p;
}

static wf_object *pairwise_next(wf_object *self) {
    pairwise_obj *p = (pairwise_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (!p->it) goto done;
    wf_object *it = wf_newref(p->it);
    if (!p->old) {
        wf_object *v = wf_iter_next(it);
        if (!v) {
            wf_decref(it);
            if (!wf_err_occurred()) set_ref(&p->it, NULL);
            goto done;
        }
        set_ref(&p->old, v);
    }
    wf_object *nv = wf_iter_next(it);
    wf_decref(it);
    if (!nv) {
        if (!wf_err_occurred()) {
            set_ref(&p->it, NULL);
            set_ref(&p->old, NULL);
        }
        goto done;
    }
    wf_object *old = p->old ? wf_newref(p->old) : wf_newref(wf_None);
    r = wf_tuple_pack(2, old, nv);
    wf_decref(old);
    set_ref(&p->old, nv);
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(pairwise_type, "pairwise", pairwise_obj, pairwise_new, pairwise_next,
          .tp_doc = "Return an iterator of overlapping pairs taken from the input iterator.")

/* --- starmap ------------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *func;
    wf_object *it;
} starmap_obj;

static wf_object *starmap_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (no_kwargs("starmap", kwargs) < 0 || nargs_exact("starmap", args, 2, 2) < 0) return NULL;
    wf_object *it = wf_object_get_iter(WF_TUPLE_ITEM(args, 1));
    if (!it) return NULL;
    starmap_obj *s = NEW(type, starmap_obj);
    if (!s) {
        wf_decref(it);
        return NULL;
    }
    s->func = wf_newref(WF_TUPLE_ITEM(args, 0));
    s->it = it;
    return (wf_object *)s;
}

static wf_object *starmap_next(wf_object *self) {
    starmap_obj *s = (starmap_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_object *it = wf_newref(s->it), *f = wf_newref(s->func);
    wf_object *v = wf_iter_next(it);
    if (v) {
        wf_object *t = WF_TUPLE_CHECK_EXACT(v) ? wf_newref(v) : wf_sequence_tuple(v);
        if (t) {
            r = wf_object_call(f, t, NULL);
            wf_decref(t);
        }
        wf_decref(v);
    }
    wf_decref(it);
    wf_decref(f);
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(starmap_type, "starmap", starmap_obj, starmap_new, starmap_next,
          .tp_doc = "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.")

/* --- tee ------------------------------------------------------------------------- */
#define TEE_LINKCELLS 57
typedef struct teedata {
    wf_object ob_base;
    wf_object *it;       /* shared source iterator */
    wf_object *nextlink; /* the next block, created on demand */
    wf_object *values[TEE_LINKCELLS];
    int numread;         /* values filled so far */
    int running;         /* re-entrancy guard */
} teedata_obj;

typedef struct {
    wf_object ob_base;
    wf_object *dataobj;
    int index;
} tee_obj;

static wf_type teedata_type, tee_type;

static wf_object *teedata_new_for(wf_object *it) {
    teedata_obj *d = NEW(&teedata_type, teedata_obj);
    if (!d) return NULL;
    d->it = wf_newref(it);
    return (wf_object *)d;
}

static int teedata_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    teedata_obj *d = (teedata_obj *)self;
    if (d->it && visit(d->it, arg)) return -1;
    if (d->nextlink && visit(d->nextlink, arg)) return -1;
    for (int i = 0; i < d->numread; i++)
        if (visit(d->values[i], arg)) return -1;
    return 0;
}

static void teedata_dealloc(wf_object *self) {
    /* Release the chain iteratively so long chains cannot overflow the stack. */
    teedata_obj *d = (teedata_obj *)self;
    wf_object *next = d->nextlink;
    d->nextlink = NULL;
    for (int i = 0; i < d->numread; i++) WF_CLEAR(d->values[i]);
    WF_CLEAR(d->it);
    wfo_free_instance(self);
    while (next) {
        teedata_obj *n = (teedata_obj *)next;
        if (wf_refcnt(next) > 1) {
            wf_decref(next);
            break;
        }
        wf_object *after = n->nextlink;
        n->nextlink = NULL;
        wf_decref(next);
        next = after;
    }
}

/* The i-th value of block d, reading from the source when needed. */
static wf_object *teedata_getitem(wf_object *dobj, int i) {
    teedata_obj *d = (teedata_obj *)dobj;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(dobj);
    if (i < d->numread) {
        r = wf_newref(d->values[i]);
    } else if (d->running) {
        wf_err_set_string(&wf_exc_RuntimeError, "cannot re-enter the tee iterator");
    } else {
        d->running = 1;
        wf_object *it = wf_newref(d->it);
        wf_object *v = wf_iter_next(it);
        wf_decref(it);
        d->running = 0;
        if (v) {
            if (i < d->numread) { /* another thread filled it meanwhile */
                wf_decref(v);
                r = wf_newref(d->values[i]);
            } else {
                d->values[d->numread++] = v;
                r = wf_newref(v);
            }
        }
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *teedata_jumplink(wf_object *dobj) {
    teedata_obj *d = (teedata_obj *)dobj;
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(dobj);
    if (!d->nextlink) d->nextlink = teedata_new_for(d->it);
    r = d->nextlink ? wf_newref(d->nextlink) : NULL;
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *tee_make(wf_object *dataobj, int index) {
    tee_obj *t = NEW(&tee_type, tee_obj);
    if (!t) return NULL;
    t->dataobj = wf_newref(dataobj);
    t->index = index;
    return (wf_object *)t;
}

static wf_object *tee_from_iterable(wf_object *iterable) {
    wf_object *it = wf_object_get_iter(iterable);
    if (!it) return NULL;
    if (WF_TYPE(it) == &tee_type) {
        tee_obj *src = (tee_obj *)it;
        wf_object *r;
        WF_BEGIN_CRITICAL_SECTION(it);
        r = tee_make(src->dataobj, src->index);
        WF_END_CRITICAL_SECTION();
        wf_decref(it);
        return r;
    }
    wf_object *d = teedata_new_for(it);
    wf_decref(it);
    if (!d) return NULL;
    wf_object *r = tee_make(d, 0);
    wf_decref(d);
    return r;
}

static wf_object *tee_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    if (no_kwargs("_tee", kwargs) < 0 || nargs_exact("_tee", args, 1, 1) < 0) return NULL;
    return tee_from_iterable(WF_TUPLE_ITEM(args, 0));
}

static wf_object *tee_next(wf_object *self) {
    tee_obj *t = (tee_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (t->index >= TEE_LINKCELLS) {
        wf_object *link = teedata_jumplink(t->dataobj);
        if (link) {
            set_ref(&t->dataobj, link);
            t->index = 0;
        }
    }
    if (t->index < TEE_LINKCELLS) {
        wf_object *d = wf_newref(t->dataobj);
        int i = t->index;
        r = teedata_getitem(d, i);
        if (r && t->dataobj == d && t->index == i) t->index++;
        wf_decref(d);
    }
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *tee_copy(wf_object *self, wf_object *unused) {
    (void)unused;
    tee_obj *t = (tee_obj *)self;
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(self);
    r = tee_make(t->dataobj, t->index);
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_method_def tee_methods[] = {
    {"__copy__", tee_copy, WF_METH_NOARGS, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static wf_type teedata_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(teedata_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = teedata_dealloc,
    .tp_traverse = teedata_traverse,
};

static wf_type tee_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(tee_obj),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = it_dealloc,
    .tp_traverse = it_traverse,
    .tp_iter = it_self,
    .tp_iternext = tee_next,
    .tp_new = tee_new,
    .tp_methods = tee_methods,
    .tp_doc = "Iterator wrapped to make it copyable.",
};

static wf_object *m_tee(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("tee", nargs, 1, 2) < 0) return NULL;
    wf_ssize_t n = 2;
    if (nargs == 2) {
        n = wf_number_as_ssize_t(args[1], &wf_exc_OverflowError);
        if (n == -1 && wf_err_occurred()) return NULL;
    }
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "n must be >= 0");
        return NULL;
    }
    wf_object *result = wf_tuple_new(n);
    if (!result || n == 0) return result;
    wf_object *it = wf_object_get_iter(args[0]);
    if (!it) {
        wf_decref(result);
        return NULL;
    }
    wf_object *copyfunc = NULL;
    if (wf_object_lookup_attr(it, wf_str_intern_cstr("__copy__"), &copyfunc) < 0) {
        wf_decref(it);
        wf_decref(result);
        return NULL;
    }
    wf_object *first;
    if (copyfunc) {
        first = wf_newref(it);
    } else {
        first = tee_from_iterable(it);
        if (first && wf_object_lookup_attr(first, wf_str_intern_cstr("__copy__"), &copyfunc) < 0) {
            wf_decref(first);
            first = NULL;
        }
    }
    wf_decref(it);
    if (!first) {
        if (copyfunc) wf_decref(copyfunc);
        wf_decref(result);
        return NULL;
    }
    WF_TUPLE_ITEM(result, 0) = first;
    for (wf_ssize_t i = 1; i < n; i++) {
        wf_object *c = wf_object_call_noargs(copyfunc);
        if (!c) {
            wf_decref(copyfunc);
            wf_decref(result);
            return NULL;
        }
        WF_TUPLE_ITEM(result, i) = c;
    }
    wf_decref(copyfunc);
    return result;
}

/* --- zip_longest -------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *ittuple;   /* tuple of iterators (None for exhausted ones) */
    wf_object *fillvalue;
    wf_ssize_t numactive;
    wf_ssize_t tuplesize;
} ziplongest_obj;

static wf_object *ziplongest_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object *fill = wf_None;
    if (kwargs && wf_dict_size(kwargs) > 0) {
        wf_object *v = NULL;
        if (wf_dict_size(kwargs) == 1 && wf_dict_get_item_string_ref(kwargs, "fillvalue", &v) > 0) {
            fill = v;
            wf_decref(v); /* kept alive by kwargs */
        } else {
            wf_err_set_string(&wf_exc_TypeError,
                              "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
    }
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    wf_object *its = wf_tuple_new(n);
    if (!its) return NULL;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *it = wf_object_get_iter(WF_TUPLE_ITEM(args, i));
        if (!it) {
            wf_decref(its);
            return NULL;
        }
        WF_TUPLE_ITEM(its, i) = it;
    }
    ziplongest_obj *z = NEW(type, ziplongest_obj);
    if (!z) {
        wf_decref(its);
        return NULL;
    }
    /* the iterator slots are replaced by None as they run out: keep a
     * private list instead of mutating a tuple */
    z->ittuple = wf_sequence_list(its);
    wf_decref(its);
    if (!z->ittuple) {
        wf_decref((wf_object *)z);
        return NULL;
    }
    z->fillvalue = wf_newref(fill);
    z->numactive = n;
    z->tuplesize = n;
    return (wf_object *)z;
}

static wf_object *ziplongest_next(wf_object *self) {
    ziplongest_obj *z = (ziplongest_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (z->tuplesize == 0 || z->numactive == 0) goto done;
    wf_object *res = wf_tuple_new(z->tuplesize);
    if (!res) goto done;
    for (wf_ssize_t i = 0; i < z->tuplesize; i++) {
        wf_object *it = wf_list_get_item(z->ittuple, i);
        if (!it) goto fail;
        wf_object *item;
        if (it == wf_None) {
            item = wf_newref(z->fillvalue);
        } else {
            item = wf_iter_next(it);
            if (!item) {
                if (wf_err_occurred()) {
                    wf_decref(it);
                    goto fail;
                }
                z->numactive--;
                if (z->numactive == 0) {
                    wf_decref(it);
                    goto fail;
                }
                item = wf_newref(z->fillvalue);
                wf_list_set_item(z->ittuple, i, wf_None);
            }
        }
        wf_decref(it);
        WF_TUPLE_ITEM(res, i) = item;
    }
    r = res;
    goto done;
fail:
    wf_decref(res);
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

ITER_TYPE(ziplongest_type, "zip_longest", ziplongest_obj, ziplongest_new, ziplongest_next,
          .tp_doc = "Return a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.")

/* --- product / permutations / combinations -------------------------------------- */
/* The combinatoric iterators share one layout: pool (tuple of the input
 * items, or tuple of pools for product), the current result (tuple) and
 * index arrays. */
typedef struct {
    wf_object ob_base;
    wf_object *pool;     /* tuple */
    wf_object *result;   /* last result tuple or NULL before the first */
    wf_ssize_t *indices; /* wfm_malloc'd */
    wf_ssize_t *cycles;  /* permutations only */
    wf_ssize_t n;        /* pool size (product: number of pools) */
    wf_ssize_t r;        /* result length */
    int stopped;
} comb_obj;

static void comb_dealloc(wf_object *self) {
    comb_obj *c = (comb_obj *)self;
    if (c->indices) wfm_free(c->indices);
    if (c->cycles) wfm_free(c->cycles);
    c->indices = c->cycles = NULL;
    it_dealloc(self);
}

/* Allocate a comb_obj with index arrays of length na (and cycles nc). */
static comb_obj *comb_alloc(wf_type *type, wf_object *pool, wf_ssize_t na, wf_ssize_t nc) {
    comb_obj *c = NEW(type, comb_obj);
    if (!c) return NULL;
    c->pool = wf_newref(pool);
    c->indices = wfm_malloc(sizeof(wf_ssize_t) * (size_t)(na ? na : 1));
    if (nc >= 0) c->cycles = wfm_malloc(sizeof(wf_ssize_t) * (size_t)(nc ? nc : 1));
    if (!c->indices || (nc >= 0 && !c->cycles)) {
        wf_decref((wf_object *)c);
        wf_err_no_memory();
        return NULL;
    }
    return c;
}

/* A fresh result tuple: the previous result with positions [from, r)
 * replaced by the items the indices select (pool per position for
 * product). */
static wf_object *comb_build(comb_obj *c, int product) {
    wf_object *res = wf_tuple_new(c->r);
    if (!res) return NULL;
    for (wf_ssize_t i = 0; i < c->r; i++) {
        wf_object *item;
        if (product) {
            wf_object *p = WF_TUPLE_ITEM(c->pool, i);
            item = WF_TUPLE_ITEM(p, c->indices[i]);
        } else {
            item = WF_TUPLE_ITEM(c->pool, c->indices[i]);
        }
        WF_TUPLE_ITEM(res, i) = wf_newref(item);
    }
    return res;
}

static wf_object *product_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t repeat = 1;
    if (kwargs && wf_dict_size(kwargs) > 0) {
        wf_object *v = NULL;
        if (wf_dict_size(kwargs) == 1 && wf_dict_get_item_string_ref(kwargs, "repeat", &v) > 0) {
            repeat = wf_number_as_ssize_t(v, &wf_exc_OverflowError);
            wf_decref(v);
            if (repeat == -1 && wf_err_occurred()) return NULL;
            if (repeat < 0) {
                wf_err_set_string(&wf_exc_ValueError, "repeat argument cannot be negative");
                return NULL;
            }
        } else {
            wf_err_set_string(&wf_exc_TypeError, "product() takes at most 1 keyword argument");
            return NULL;
        }
    }
    wf_ssize_t nargs = WF_TUPLE_SIZE(args);
    if (repeat && nargs > WF_SSIZE_MAX / repeat / (wf_ssize_t)sizeof(wf_ssize_t)) {
        wf_err_set_string(&wf_exc_OverflowError, "repeat argument too large");
        return NULL;
    }
    wf_ssize_t npools = nargs * repeat;
    wf_object *pools = wf_tuple_new(npools);
    if (!pools) return NULL;
    for (wf_ssize_t i = 0; i < nargs; i++) {
        wf_object *p = wf_sequence_tuple(WF_TUPLE_ITEM(args, i));
        if (!p) {
            wf_decref(pools);
            return NULL;
        }
        WF_TUPLE_ITEM(pools, i) = p;
    }
    for (wf_ssize_t i = nargs; i < npools; i++)
        WF_TUPLE_ITEM(pools, i) = wf_newref(WF_TUPLE_ITEM(pools, i - nargs));
    comb_obj *c = comb_alloc(type, pools, npools, -1);
    wf_decref(pools);
    if (!c) return NULL;
    c->n = c->r = npools;
    for (wf_ssize_t i = 0; i < npools; i++) c->indices[i] = 0;
    return (wf_object *)c;
}

static wf_object *product_next(wf_object *self) {
    comb_obj *c = (comb_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (c->stopped) goto done;
    if (!c->result) {
        for (wf_ssize_t i = 0; i < c->n; i++)
            if (WF_TUPLE_SIZE(WF_TUPLE_ITEM(c->pool, i)) == 0) {
                c->stopped = 1;
                goto done;
            }
    } else {
        wf_ssize_t i = c->n - 1;
        for (; i >= 0; i--) {
            wf_ssize_t sz = WF_TUPLE_SIZE(WF_TUPLE_ITEM(c->pool, i));
            if (++c->indices[i] < sz) break;
            c->indices[i] = 0;
        }
        if (i < 0) {
            c->stopped = 1;
            goto done;
        }
    }
    r = comb_build(c, 1);
    if (r) set_ref(&c->result, wf_newref(r));
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *pool_and_r(const char *fname, wf_object *args, wf_object *kwargs, int r_required,
                             wf_ssize_t *r) {
    static const char *const names[] = {"iterable", "r"};
    wf_object *a[2];
    if (parse_args(fname, args, kwargs, names, 2, 2, r_required ? 2 : 1, a) < 0) return NULL;
    wf_object *pool = wf_sequence_tuple(a[0]);
    if (!pool) return NULL;
    *r = WF_TUPLE_SIZE(pool);
    if (a[1] && a[1] != wf_None && get_r(a[1], r) < 0) {
        wf_decref(pool);
        return NULL;
    }
    return pool;
}

static wf_object *combinations_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t r;
    wf_object *pool = pool_and_r("combinations", args, kwargs, 1, &r);
    if (!pool) return NULL;
    comb_obj *c = comb_alloc(type, pool, r, -1);
    if (c) {
        c->n = WF_TUPLE_SIZE(pool);
        c->r = r;
        for (wf_ssize_t i = 0; i < r; i++) c->indices[i] = i;
        c->stopped = r > c->n;
    }
    wf_decref(pool);
    return (wf_object *)c;
}

static wf_object *combinations_next(wf_object *self) {
    comb_obj *c = (comb_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (c->stopped) goto done;
    if (c->result) {
        wf_ssize_t i = c->r - 1;
        while (i >= 0 && c->indices[i] == i + c->n - c->r) i--;
        if (i < 0) {
            c->stopped = 1;
            goto done;
        }
        c->indices[i]++;
        for (wf_ssize_t j = i + 1; j < c->r; j++) c->indices[j] = c->indices[j - 1] + 1;
    }
    r = comb_build(c, 0);
    if (r) set_ref(&c->result, wf_newref(r));
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *cwr_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t r;
    wf_object *pool = pool_and_r("combinations_with_replacement", args, kwargs, 1, &r);
    if (!pool) return NULL;
    comb_obj *c = comb_alloc(type, pool, r, -1);
    if (c) {
        c->n = WF_TUPLE_SIZE(pool);
        c->r = r;
        for (wf_ssize_t i = 0; i < r; i++) c->indices[i] = 0;
        c->stopped = c->n == 0 && r > 0;
    }
    wf_decref(pool);
    return (wf_object *)c;
}

static wf_object *cwr_next(wf_object *self) {
    comb_obj *c = (comb_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (c->stopped) goto done;
    if (c->result) {
        wf_ssize_t i = c->r - 1;
        while (i >= 0 && c->indices[i] == c->n - 1) i--;
        if (i < 0) {
            c->stopped = 1;
            goto done;
        }
        wf_ssize_t v = c->indices[i] + 1;
        for (wf_ssize_t j = i; j < c->r; j++) c->indices[j] = v;
    }
    r = comb_build(c, 0);
    if (r) set_ref(&c->result, wf_newref(r));
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *permutations_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t r;
    wf_object *pool = pool_and_r("permutations", args, kwargs, 0, &r);
    if (!pool) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(pool);
    comb_obj *c = comb_alloc(type, pool, n, r);
    if (c) {
        c->n = n;
        c->r = r;
        for (wf_ssize_t i = 0; i < n; i++) c->indices[i] = i;
        for (wf_ssize_t i = 0; i < r; i++) c->cycles[i] = n - i;
        c->stopped = r > n;
    }
    wf_decref(pool);
    return (wf_object *)c;
}

static wf_object *permutations_next(wf_object *self) {
    comb_obj *c = (comb_obj *)self;
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (c->stopped) goto done;
    if (c->result) {
        if (c->n == 0) {
            c->stopped = 1;
            goto done;
        }
        wf_ssize_t i = c->r - 1;
        for (; i >= 0; i--) {
            c->cycles[i]--;
            if (c->cycles[i] == 0) {
                /* rotate indices[i:] left by one */
                wf_ssize_t first = c->indices[i];
                for (wf_ssize_t j = i; j < c->n - 1; j++) c->indices[j] = c->indices[j + 1];
                c->indices[c->n - 1] = first;
                c->cycles[i] = c->n - i;
            } else {
                wf_ssize_t j = c->cycles[i];
                wf_ssize_t t = c->indices[i];
                c->indices[i] = c->indices[c->n - j];
                c->indices[c->n - j] = t;
                break;
            }
        }
        if (i < 0) {
            c->stopped = 1;
            goto done;
        }
    }
    r = comb_build(c, 0);
    if (r) set_ref(&c->result, wf_newref(r));
done:
    WF_END_CRITICAL_SECTION();
    return r;
}

#define COMB_TYPE(var, pyname, newf, nextf, doc)                   \
    static wf_type var = {                                         \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),             \
        .tp_name = "itertools." pyname,                            \
        .tp_basicsize = sizeof(comb_obj),                          \
        .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,      \
        .tp_dealloc = comb_dealloc,                                \
        .tp_traverse = it_traverse,                                \
        .tp_getattro = wf_object_generic_getattr,                  \
        .tp_iter = it_self,                                        \
        .tp_iternext = nextf,                                      \
        .tp_new = newf,                                            \
        .tp_doc = doc,                                             \
    };

COMB_TYPE(product_type, "product", product_new, product_next,
          "Cartesian product of input iterables.  Equivalent to nested for-loops.")
COMB_TYPE(combinations_type, "combinations", combinations_new, combinations_next,
          "Return successive r-length combinations of elements in the iterable.")
COMB_TYPE(cwr_type, "combinations_with_replacement", cwr_new, cwr_next,
          "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.")
COMB_TYPE(permutations_type, "permutations", permutations_new, permutations_next,
          "Return successive r-length permutations of elements in the iterable.")

/* --- the module ----------------------------------------------------------------- */
static const struct {
    wf_type *type;
    wf_ssize_t nrefs;
    const char *name; /* attribute name in the module, NULL = not exported */
} REFS[] = {
    {&count_type, 2, "count"},
    {&cycle_type, 2, "cycle"},
    {&repeat_type, 1, "repeat"},
    {&accumulate_type, 4, "accumulate"},
    {&chain_type, 2, "chain"},
    {&compress_type, 2, "compress"},
    {&dropwhile_type, 2, "dropwhile"},
    {&takewhile_type, 2, "takewhile"},
    {&filterfalse_type, 2, "filterfalse"},
    {&groupby_type, 5, "groupby"}, /* currgrouper is not owned */
    {&grouper_type, 2, "_grouper"},
    {&islice_type, 1, "islice"},
    {&pairwise_type, 2, "pairwise"},
    {&starmap_type, 2, "starmap"},
    {&teedata_type, 0, "_tee_dataobject"},
    {&tee_type, 1, "_tee"},
    {&ziplongest_type, 2, "zip_longest"},
    {&product_type, 2, "product"},
    {&combinations_type, 2, "combinations"},
    {&cwr_type, 2, "combinations_with_replacement"},
    {&permutations_type, 2, "permutations"},
};

static wf_ssize_t nrefs_of(wf_type *t) {
    for (size_t i = 0; i < sizeof(REFS) / sizeof(REFS[0]); i++)
        if (REFS[i].type == t) return REFS[i].nrefs;
    return 0;
}

static wf_method_def itertools_methods[] = {
    {"tee", m_tee, WF_METH_FASTCALL, "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(itertools) {
    for (size_t i = 0; i < sizeof(REFS) / sizeof(REFS[0]); i++)
        if (wf_type_ready(REFS[i].type) < 0) return NULL;
    wf_object *m = wf_module_new("itertools");
    if (!m) return NULL;
    if (wf_module_add_functions(m, itertools_methods) < 0) goto fail;
    for (size_t i = 0; i < sizeof(REFS) / sizeof(REFS[0]); i++)
        if (REFS[i].name && wf_module_add_object(m, REFS[i].name, (wf_object *)REFS[i].type) < 0)
            goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}
