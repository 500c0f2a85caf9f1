/*
 * runtime/objects/weakref.c — weak references: weakref.ReferenceType
 * ("weakref", subclassable), weakproxy / weakcallableproxy, the per-object
 * weakref lists, their clearing at dealloc, getweakrefcount/getweakrefs.
 *
 * Data.  An object whose type has tp_weaklistoffset > 0 carries a list head
 * (wf_object *_Atomic) at that offset: a doubly linked list (wr_prev /
 * wr_next) of the weakref objects that refer to it.  Order as CPython: the
 * basic ref (exact ref type, no callback) first, then the basic proxy,
 * then the others, newest first.
 *
 * Invariants and thread-safety (free-threaded flavour):
 *  - The list of object o, and wr_prev/wr_next/wr_callback of every ref
 *    in it, are written only under stripe(o), a mutex of a static table
 *    keyed by o's address.  The list head is accessed atomically because
 *    wf_weakref_on_dealloc peeks at it without the lock.
 *  - wr_object is the referent (borrowed) or NULL once cleared; it only
 *    moves obj -> NULL, under stripe(obj).  So a reader that loads obj,
 *    takes stripe(obj) and finds wr_object still obj knows obj's memory is
 *    still in place (its dealloc clears under that same lock first).
 *  - wf_weakref_get hands out obj only through wf_try_incref under the
 *    lock: an object whose count already reached zero (dealloc pending)
 *    refuses.  Creating a ref moves the referent to MAYBE_WEAKREF
 *    (wf_set_maybe_weakref) so that a non-owner's try-incref of a live
 *    referent succeeds.  Refs are marked likewise, so the basic ref can be
 *    reused by other threads with a try-incref.
 *  - Clearing (dealloc of the referent): under the lock all refs are set
 *    dead and unlinked; refs with a callback are try-incref'ed (a ref that
 *    is itself dying keeps its callback for its own dealloc) and their
 *    callbacks taken; after unlocking the callbacks run in list order
 *    (CPython's order: every ref cleared first, then the callbacks).
 * The GIL flavour runs the same code with the locks compiled out.
 */
#include "weft/weakref.h"

#include <stdio.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "weft/abstract.h"
#include "weft/errors.h"
#include "weft/objects.h"

typedef struct wf_weakref {
    wf_object ob_base;
    wf_object *_Atomic wr_object; /* referent (borrowed) or NULL: dead */
    wf_object *wr_callback;       /* owned or NULL; under stripe(referent) */
    _Atomic wf_hash_t hash;       /* -1 until computed */
    struct wf_weakref *wr_prev;   /* under stripe(referent) */
    struct wf_weakref *wr_next;
} wf_weakref;

/* ---------------------------------------------------------------------------
 * Striped locks
 */
#if WF_FREE_THREADED
#define NSTRIPES 64
static wf_mutex stripes[NSTRIPES]; /* zero = unlocked */
static inline wf_mutex *stripe_of(wf_object *o) {
    uintptr_t a = (uintptr_t)o;
    return &stripes[(a >> 4 ^ a >> 10) % NSTRIPES];
}
#define LOCK(o) wf_mutex_lock(stripe_of(o))
#define UNLOCK(o) wf_mutex_unlock(stripe_of(o))
#else
#define LOCK(o) ((void)(o))
#define UNLOCK(o) ((void)(o))
#endif

static inline wf_object *_Atomic *list_head(wf_object *o) {
    return (wf_object *_Atomic *)((char *)o + WF_TYPE(o)->tp_weaklistoffset);
}
static inline wf_weakref *head_get(wf_object *o) {
    return (wf_weakref *)atomic_load_explicit(list_head(o), memory_order_relaxed);
}
static inline void head_set(wf_object *o, wf_weakref *r) {
    atomic_store_explicit(list_head(o), (wf_object *)r, memory_order_release);
}
static inline wf_object *ref_obj(wf_weakref *r) {
    return atomic_load_explicit(&r->wr_object, memory_order_acquire);
}

static inline bool is_proxy_type(wf_type *t) {
    return t == &wf_weakref_proxy_type || t == &wf_weakref_callableproxy_type;
}
#define WR_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &wf_weakref_ref_type)

/* Under the lock. */
static void unlink_ref(wf_object *obj, wf_weakref *r) {
    if (r->wr_prev) r->wr_prev->wr_next = r->wr_next;
    else head_set(obj, r->wr_next);
    if (r->wr_next) r->wr_next->wr_prev = r->wr_prev;
    r->wr_prev = r->wr_next = NULL;
}
static void insert_after(wf_object *obj, wf_weakref *r, wf_weakref *prev) {
    if (!prev) {
        wf_weakref *h = head_get(obj);
        r->wr_prev = NULL;
        r->wr_next = h;
        if (h) h->wr_prev = r;
        head_set(obj, r);
    } else {
        r->wr_prev = prev;
        r->wr_next = prev->wr_next;
        if (prev->wr_next) prev->wr_next->wr_prev = r;
        prev->wr_next = r;
    }
}
/* Under the lock: the basic ref and basic proxy at the head of the list. */
static void basic_refs(wf_object *obj, wf_weakref **ref, wf_weakref **proxy) {
    wf_weakref *h = head_get(obj);
    *ref = *proxy = NULL;
    if (h && WF_TYPE(h) == &wf_weakref_ref_type && !h->wr_callback) {
        *ref = h;
        h = h->wr_next;
    }
    if (h && is_proxy_type(WF_TYPE(h)) && !h->wr_callback) *proxy = h;
}

/* ---------------------------------------------------------------------------
 * Core operations
 */
wf_object *wf_weakref_get(wf_object *ref) {
    wf_weakref *r = (wf_weakref *)ref;
    wf_object *obj = ref_obj(r);
    if (!obj) return NULL;
    wf_object *res = NULL;
    LOCK(obj);
    if (ref_obj(r) == obj && wf_try_incref(obj)) res = obj;
    UNLOCK(obj);
    return res;
}

static int check_weakrefable(wf_object *obj) {
    if (WF_TYPE(obj)->tp_weaklistoffset <= 0) {
        wf_err_format(&wf_exc_TypeError, "cannot create weak reference to '%s' object",
                      WF_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

/* Make a weakref of type `type` (ref type or subclass, or a proxy type). */
static wf_object *make_ref(wf_type *type, wf_object *obj, wf_object *callback) {
    if (check_weakrefable(obj) < 0) return NULL;
    if (callback == wf_None) callback = NULL;
    bool basic = callback == NULL && (type == &wf_weakref_ref_type || is_proxy_type(type));
    wf_weakref *fresh = (wf_weakref *)wf_type_generic_alloc(type, 0);
    if (!fresh) return NULL;
    atomic_store_explicit(&fresh->hash, -1, memory_order_relaxed);
#if WF_FREE_THREADED
    wf_set_maybe_weakref(obj);
    wf_set_maybe_weakref((wf_object *)fresh);
#endif
    wf_weakref *reuse = NULL;
    LOCK(obj);
    wf_weakref *bref, *bproxy;
    basic_refs(obj, &bref, &bproxy);
    if (basic) {
        wf_weakref *cand = is_proxy_type(type) ? bproxy : bref;
        if (cand && wf_try_incref((wf_object *)cand)) reuse = cand;
    }
    if (!reuse) {
        atomic_store_explicit(&fresh->wr_object, obj, memory_order_relaxed);
        fresh->wr_callback = wf_xnewref(callback);
        if (basic && !is_proxy_type(type)) insert_after(obj, fresh, NULL);
        else insert_after(obj, fresh, bproxy ? bproxy : bref);
    }
    UNLOCK(obj);
    if (reuse) {
        wf_decref((wf_object *)fresh);
        return (wf_object *)reuse;
    }
    return (wf_object *)fresh;
}

wf_object *wf_weakref_new_ref(wf_object *obj, wf_object *callback) {
    return make_ref(&wf_weakref_ref_type, obj, callback);
}

wf_object *wf_weakref_new_proxy(wf_object *obj, wf_object *callback) {
    wf_type *t = wf_callable_check(obj) ? &wf_weakref_callableproxy_type : &wf_weakref_proxy_type;
    return make_ref(t, obj, callback);
}

wf_ssize_t wf_weakref_count(wf_object *obj) {
    if (WF_TYPE(obj)->tp_weaklistoffset <= 0) return 0;
    wf_ssize_t n = 0;
    LOCK(obj);
    for (wf_weakref *r = head_get(obj); r; r = r->wr_next) n++;
    UNLOCK(obj);
    return n;
}

wf_object *wf_weakref_list(wf_object *obj) {
    wf_object *list = wf_list_new(0);
    if (!list || WF_TYPE(obj)->tp_weaklistoffset <= 0) return list;
    for (;;) {
        /* Take references under the lock, append after it (appending may
         * allocate and run the collector). */
        wf_ssize_t n = wf_weakref_count(obj);
        wf_object **tmp = wfm_malloc(sizeof(wf_object *) * (size_t)(n ? n : 1));
        if (!tmp) {
            wf_decref(list);
            wf_err_no_memory();
            return NULL;
        }
        wf_ssize_t k = 0;
        bool fits = true;
        LOCK(obj);
        for (wf_weakref *r = head_get(obj); r; r = r->wr_next) {
            if (k == n) { fits = false; break; }
            if (wf_try_incref((wf_object *)r)) tmp[k++] = (wf_object *)r;
        }
        UNLOCK(obj);
        int err = 0;
        for (wf_ssize_t i = 0; i < k; i++) {
            if (fits && !err && wf_list_append(list, tmp[i]) < 0) err = 1;
            wf_decref(tmp[i]);
        }
        wfm_free(tmp);
        if (err) { wf_decref(list); return NULL; }
        if (fits) return list;
    }
}

wf_object *wf_weakref_instance_getter(wf_object *obj, void *closure) {
    (void)closure;
    if (WF_TYPE(obj)->tp_weaklistoffset <= 0) return wf_newref(wf_None);
    wf_object *res = NULL;
    LOCK(obj);
    for (wf_weakref *r = head_get(obj); r && !res; r = r->wr_next)
        if (wf_try_incref((wf_object *)r)) res = (wf_object *)r;
    UNLOCK(obj);
    return res ? res : wf_newref(wf_None);
}

/* An exception raised by a callback goes to sys.unraisablehook (object:
 * the callback, as CPython) and is dropped. */
static void report_callback_error(wf_object *callback) {
    wfv_write_unraisable(NULL, callback);
}

void wf_weakref_clear_refs(wf_object *obj) {
    if (WF_TYPE(obj)->tp_weaklistoffset <= 0) return;
    wf_weakref *todo = NULL, *todo_tail = NULL; /* private chain via wr_next */
    LOCK(obj);
    wf_weakref *r = head_get(obj);
    head_set(obj, NULL);
    while (r) {
        wf_weakref *next = r->wr_next;
        atomic_store_explicit(&r->wr_object, NULL, memory_order_release);
        r->wr_prev = r->wr_next = NULL;
        /* A ref that is itself dying keeps its callback for its dealloc. */
        if (r->wr_callback && wf_try_incref((wf_object *)r)) {
            if (todo_tail) todo_tail->wr_next = r;
            else todo = r;
            todo_tail = r;
        }
        r = next;
    }
    UNLOCK(obj);
    if (!todo) return;
    wf_object *saved = wf_err_fetch();
    while (todo) {
        wf_weakref *cur = todo;
        todo = cur->wr_next;
        cur->wr_next = NULL;
        wf_object *cb = cur->wr_callback; /* ours: cur is dead, nobody else touches it */
        cur->wr_callback = NULL;
        wf_object *res = wf_object_call_one(cb, (wf_object *)cur);
        if (res) wf_decref(res);
        else report_callback_error(cb);
        wf_decref(cb);
        wf_decref((wf_object *)cur);
    }
    wf_err_restore(saved);
}

/* ---------------------------------------------------------------------------
 * The ref type
 */
static void weakref_dealloc(wf_object *self) {
    wf_weakref *r = (wf_weakref *)self;
    wf_object *obj;
    while ((obj = ref_obj(r)) != NULL) {
        LOCK(obj);
        if (ref_obj(r) == obj) {
            unlink_ref(obj, r);
            atomic_store_explicit(&r->wr_object, NULL, memory_order_relaxed);
            UNLOCK(obj);
            break;
        }
        UNLOCK(obj);
    }
    WF_CLEAR(r->wr_callback);
    wfo_free_instance(self);
}

static int weakref_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    wf_object *cb = ((wf_weakref *)self)->wr_callback;
    if (cb && visit(cb, arg)) return -1;
    return 0;
}

/* gc: unlink a live ref (under the referent's lock) and drop its callback;
 * a cleared ref has none left. */
static int weakref_tp_clear(wf_object *self) {
    wf_weakref *r = (wf_weakref *)self;
    wf_object *obj, *cb = NULL;
    while ((obj = ref_obj(r)) != NULL) {
        LOCK(obj);
        if (ref_obj(r) == obj) {
            unlink_ref(obj, r);
            atomic_store_explicit(&r->wr_object, NULL, memory_order_relaxed);
            cb = r->wr_callback;
            r->wr_callback = NULL;
            UNLOCK(obj);
            break;
        }
        UNLOCK(obj);
    }
    wf_xdecref(cb);
    return 0;
}

static int parse_ref_args(const char *name, wf_object *args, wf_object *kwargs, wf_object **obj,
                          wf_object **cb) {
    /* Keyword arguments are ignored, as CPython does (subclasses take them). */
    (void)kwargs;
    (void)name;
    wf_ssize_t n = args ? WF_TUPLE_SIZE(args) : 0;
    if (n < 1) {
        wf_err_format(&wf_exc_TypeError, "__new__ expected at least 1 argument, got %zd", n);
        return -1;
    }
    if (n > 2) {
        wf_err_format(&wf_exc_TypeError, "__new__ expected at most 2 arguments, got %zd", n);
        return -1;
    }
    *obj = WF_TUPLE_ITEM(args, 0);
    *cb = n > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    return 0;
}

static wf_object *weakref_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object *obj, *cb;
    if (parse_ref_args("weakref", args, kwargs, &obj, &cb) < 0) return NULL;
    return make_ref(type, obj, cb);
}

static int weakref_tp_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    (void)self;
    (void)args;
    (void)kwargs;
    return 0;
}

static wf_object *weakref_call(wf_object *self, wf_object *const *args, size_t nargsf,
                               wf_object *kwnames) {
    (void)args;
    if (kwnames && WF_TUPLE_SIZE(kwnames) > 0) {
        wf_err_set_string(&wf_exc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    wf_ssize_t n = wf_vectorcall_nargs(nargsf);
    if (n != 0) {
        wf_err_format(&wf_exc_TypeError, "weakref expected 0 arguments, got %zd", n);
        return NULL;
    }
    wf_object *o = wf_weakref_get(self);
    return o ? o : wf_newref(wf_None);
}

static wf_hash_t weakref_hash(wf_object *self) {
    wf_weakref *r = (wf_weakref *)self;
    wf_hash_t h = atomic_load_explicit(&r->hash, memory_order_relaxed);
    if (h != -1) return h;
    wf_object *o = wf_weakref_get(self);
    if (!o) {
        wf_err_set_string(&wf_exc_TypeError, "weak object has gone away");
        return -1;
    }
    h = wf_object_hash(o);
    wf_decref(o);
    if (h != -1) atomic_store_explicit(&r->hash, h, memory_order_relaxed);
    return h;
}

static wf_object *weakref_richcompare(wf_object *a, wf_object *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || !WR_CHECK(a) || !WR_CHECK(b))
        return wf_newref(wf_NotImplemented);
    wf_object *oa = wf_weakref_get(a), *ob = wf_weakref_get(b);
    if (!oa || !ob) {
        wf_xdecref(oa);
        wf_xdecref(ob);
        bool same = a == b;
        return wf_newref((op == WF_EQ) == same ? wf_True : wf_False);
    }
    wf_object *res = wf_object_rich_compare(oa, ob, op);
    wf_decref(oa);
    wf_decref(ob);
    return res;
}

static wf_object *weakref_repr(wf_object *self) {
    wf_object *o = wf_weakref_get(self);
    if (!o) return wf_str_from_format("<weakref at %p; dead>", (void *)self);
    wf_object *name = NULL;
    if (wf_object_lookup_attr(o, WFO_ID(__name__), &name) < 0) {
        wf_decref(o);
        return NULL;
    }
    wf_object *res;
    if (name && WF_STR_CHECK(name))
        res = wf_str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                                 WF_TYPE(o)->tp_name, (void *)o, name);
    else
        res = wf_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                                 WF_TYPE(o)->tp_name, (void *)o);
    wf_xdecref(name);
    wf_decref(o);
    return res;
}

/* __callback__: the callback while the ref is alive, else None. */
static wf_object *weakref_get_callback(wf_object *self, void *closure) {
    (void)closure;
    wf_weakref *r = (wf_weakref *)self;
    wf_object *obj, *cb = NULL;
    while ((obj = ref_obj(r)) != NULL) {
        LOCK(obj);
        if (ref_obj(r) == obj) {
            cb = wf_xnewref(r->wr_callback);
            UNLOCK(obj);
            break;
        }
        UNLOCK(obj);
    }
    return cb ? cb : wf_newref(wf_None);
}

static wf_getset_def weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* weakref.ref[T]: types.GenericAlias, as CPython. */
static wf_object *weakref_class_getitem(wf_object *cls, wf_object *arg) {
    return wfo_genericalias_new(cls, arg);
}

static wf_method_def weakref_methods[] = {
    {"__class_getitem__", weakref_class_getitem, WF_METH_O | WF_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

wf_type wf_weakref_ref_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(wf_weakref),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_richcompare = weakref_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_call = weakref_call,
    .tp_new = weakref_tp_new,
    .tp_init = weakref_tp_init,
    .tp_methods = weakref_methods,
    .tp_getset = weakref_getset,
};

/* ---------------------------------------------------------------------------
 * Proxies: every operation unwraps the referent (ReferenceError when dead)
 * and applies itself to it.
 */
static wf_object *unwrap(wf_object *proxy) {
    wf_object *o = wf_weakref_get(proxy);
    if (!o) wf_err_set_string(&wf_exc_ReferenceError, "weakly-referenced object no longer exists");
    return o;
}
/* A proxy operand is replaced by its referent; others get a new ref. */
static wf_object *unwrap_any(wf_object *x) {
    if (is_proxy_type(WF_TYPE(x))) return unwrap(x);
    return wf_newref(x);
}

#define PROXY_UNARY(fname, call)                          \
    static wf_object *fname(wf_object *p) {               \
        wf_object *o = unwrap(p);                         \
        if (!o) return NULL;                              \
        wf_object *r = call(o);                           \
        wf_decref(o);                                     \
        return r;                                         \
    }
#define PROXY_BINARY(fname, call)                         \
    static wf_object *fname(wf_object *a, wf_object *b) { \
        wf_object *x = unwrap_any(a);                     \
        if (!x) return NULL;                              \
        wf_object *y = unwrap_any(b);                     \
        if (!y) { wf_decref(x); return NULL; }            \
        wf_object *r = call(x, y);                        \
        wf_decref(x);                                     \
        wf_decref(y);                                     \
        return r;                                         \
    }

PROXY_UNARY(proxy_str, wf_object_str)
PROXY_UNARY(proxy_neg, wf_number_negative)
PROXY_UNARY(proxy_pos, wf_number_positive)
PROXY_UNARY(proxy_abs, wf_number_absolute)
PROXY_UNARY(proxy_invert, wf_number_invert)
PROXY_UNARY(proxy_int, wf_number_long)
PROXY_UNARY(proxy_float, wf_number_float)
PROXY_UNARY(proxy_index, wf_number_index)
PROXY_UNARY(proxy_iter, wf_object_get_iter)
PROXY_BINARY(proxy_add, wf_number_add)
PROXY_BINARY(proxy_sub, wf_number_subtract)
PROXY_BINARY(proxy_mul, wf_number_multiply)
PROXY_BINARY(proxy_mod, wf_number_remainder)
PROXY_BINARY(proxy_divmod, wf_number_divmod)
PROXY_BINARY(proxy_lshift, wf_number_lshift)
PROXY_BINARY(proxy_rshift, wf_number_rshift)
PROXY_BINARY(proxy_and, wf_number_and)
PROXY_BINARY(proxy_xor, wf_number_xor)
PROXY_BINARY(proxy_or, wf_number_or)
PROXY_BINARY(proxy_floordiv, wf_number_floor_divide)
PROXY_BINARY(proxy_truediv, wf_number_true_divide)
PROXY_BINARY(proxy_matmul, wf_number_matrix_multiply)
PROXY_BINARY(proxy_iadd, wf_number_inplace_add)
PROXY_BINARY(proxy_isub, wf_number_inplace_subtract)
PROXY_BINARY(proxy_imul, wf_number_inplace_multiply)
PROXY_BINARY(proxy_getitem, wf_object_get_item)

static wf_object *proxy_pow(wf_object *a, wf_object *b, wf_object *c) {
    wf_object *x = unwrap_any(a);
    if (!x) return NULL;
    wf_object *y = unwrap_any(b);
    if (!y) { wf_decref(x); return NULL; }
    wf_object *r = wf_number_power(x, y, c);
    wf_decref(x);
    wf_decref(y);
    return r;
}

static wf_object *proxy_iternext(wf_object *p) {
    wf_object *o = unwrap(p);
    if (!o) return NULL;
    if (!WF_TYPE(o)->tp_iternext) {
        wf_err_format(&wf_exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                      WF_TYPE(o)->tp_name);
        wf_decref(o);
        return NULL;
    }
    wf_object *r = WF_TYPE(o)->tp_iternext(o);
    wf_decref(o);
    return r;
}

static int proxy_bool(wf_object *p) {
    wf_object *o = unwrap(p);
    if (!o) return -1;
    int r = wf_object_is_true(o);
    wf_decref(o);
    return r;
}

static wf_ssize_t proxy_len(wf_object *p) {
    wf_object *o = unwrap(p);
    if (!o) return -1;
    wf_ssize_t r = wf_object_size(o);
    wf_decref(o);
    return r;
}

static int proxy_contains(wf_object *p, wf_object *v) {
    wf_object *o = unwrap(p);
    if (!o) return -1;
    int r = wf_sequence_contains(o, v);
    wf_decref(o);
    return r;
}

static int proxy_setitem(wf_object *p, wf_object *k, wf_object *v) {
    wf_object *o = unwrap(p);
    if (!o) return -1;
    int r = v ? wf_object_set_item(o, k, v) : wf_object_del_item(o, k);
    wf_decref(o);
    return r;
}

static wf_object *proxy_getattr(wf_object *p, wf_object *name) {
    wf_object *o = unwrap(p);
    if (!o) return NULL;
    wf_object *r = wf_object_getattr(o, name);
    wf_decref(o);
    return r;
}

static int proxy_setattr(wf_object *p, wf_object *name, wf_object *v) {
    wf_object *o = unwrap(p);
    if (!o) return -1;
    int r = v ? wf_object_setattr(o, name, v) : wf_object_delattr(o, name);
    wf_decref(o);
    return r;
}

static wf_object *proxy_richcompare(wf_object *a, wf_object *b, int op) {
    wf_object *x = unwrap_any(a);
    if (!x) return NULL;
    wf_object *y = unwrap_any(b);
    if (!y) { wf_decref(x); return NULL; }
    wf_object *r = wf_object_rich_compare(x, y, op);
    wf_decref(x);
    wf_decref(y);
    return r;
}

static wf_hash_t proxy_hash(wf_object *p) {
    wf_err_format(&wf_exc_TypeError, "unhashable type: '%s'", WF_TYPE(p)->tp_name);
    return -1;
}

static wf_object *proxy_repr(wf_object *p) {
    wf_object *o = wf_weakref_get(p);
    wf_object *r = wf_str_from_format("<weakproxy at %p to %s at %p>", (void *)p,
                                      o ? WF_TYPE(o)->tp_name : "NoneType",
                                      (void *)(o ? o : wf_None));
    wf_xdecref(o);
    return r;
}

static wf_object *proxy_call(wf_object *p, wf_object *const *args, size_t nargsf,
                             wf_object *kwnames) {
    wf_object *o = unwrap(p);
    if (!o) return NULL;
    wf_object *r = wf_object_vectorcall(o, args, nargsf, kwnames);
    wf_decref(o);
    return r;
}

static wf_object *proxy_bytes(wf_object *p, wf_object *unused) {
    (void)unused;
    wf_object *o = unwrap(p);
    if (!o) return NULL;
    wf_object *r = wf_object_call_method(o, "__bytes__", NULL, 0);
    wf_decref(o);
    return r;
}

static wf_object *proxy_reversed(wf_object *p, wf_object *unused) {
    (void)unused;
    wf_object *o = unwrap(p);
    if (!o) return NULL;
    wf_object *r = wf_object_call_method(o, "__reversed__", NULL, 0);
    wf_decref(o);
    return r;
}

static wf_method_def proxy_methods[] = {
    {"__bytes__", proxy_bytes, WF_METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_number_methods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul,
    .nb_floor_divide = proxy_floordiv,
    .nb_true_divide = proxy_truediv,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
};

static wf_sequence_methods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static wf_mapping_methods proxy_as_mapping = {
    .mp_length = proxy_len,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

#define PROXY_TYPE_BODY                                   \
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),        \
    .tp_basicsize = sizeof(wf_weakref),                   \
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION, \
    .tp_dealloc = weakref_dealloc,                        \
    .tp_traverse = weakref_traverse,                      \
    .tp_clear = weakref_tp_clear,                         \
    .tp_repr = proxy_repr,                                \
    .tp_str = proxy_str,                                  \
    .tp_hash = proxy_hash,                                \
    .tp_richcompare = proxy_richcompare,                  \
    .tp_getattro = proxy_getattr,                         \
    .tp_setattro = proxy_setattr,                         \
    .tp_iter = proxy_iter,                                \
    .tp_iternext = proxy_iternext,                        \
    .tp_as_number = &proxy_as_number,                     \
    .tp_as_sequence = &proxy_as_sequence,                 \
    .tp_as_mapping = &proxy_as_mapping,                   \
    .tp_methods = proxy_methods

wf_type wf_weakref_proxy_type = {
    PROXY_TYPE_BODY,
    .tp_name = "weakref.ProxyType",
};

wf_type wf_weakref_callableproxy_type = {
    PROXY_TYPE_BODY,
    .tp_name = "weakref.CallableProxyType",
    .tp_call = proxy_call,
};

int wf_weakref_init_types(void) {
    if (wf_type_ready(&wf_weakref_ref_type) < 0) return -1;
    if (wf_type_ready(&wf_weakref_proxy_type) < 0) return -1;
    if (wf_type_ready(&wf_weakref_callableproxy_type) < 0) return -1;
    return 0;
}
