/*
 * runtime/objects/typeslots.c — the bridge between C slots and Python
 * dunder methods, in both directions.
 *
 *  C -> Python: wfo_type_add_slot_wrappers() puts a wrapper_descriptor
 *    into a static type's dict for every slot the type defines itself, so
 *    `int.__add__` exists and `(1).__add__(2)` calls int's nb_add.
 *  Python -> C: wfo_type_fixup_slots() gives a heap type, for every dunder
 *    found along its MRO, either the C function a wrapper descriptor wraps
 *    (when the dunder is inherited unchanged from a static type) or the
 *    generic slot_* function here, which looks the dunder up on the type
 *    and calls it.  Assigning a dunder later (C.__add__ = f) re-runs this
 *    for that name (wfo_update_slot); assigning __bases__ re-runs it for
 *    every name (wfo_update_all_slots).
 *
 * The table `slotdefs` drives both directions; several dunders may share a
 * slot (__add__/__radd__ -> nb_add, __lt__..__ge__ -> tp_richcompare).
 * The table and the name objects are immutable after wfo_slots_init.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/vm/vm.h"   /* wfv_write_unraisable */
#include "threads/thread.h" /* wft_stop_the_world */

#include <stdio.h>
#include <stdlib.h>

#define SLOT_NAMES(X)                                                                               \
    X(__getattribute__) X(__getattr__) X(__setattr__) X(__delattr__) X(__repr__) X(__hash__)      \
    X(__call__) X(__str__) X(__lt__) X(__le__) X(__eq__) X(__ne__) X(__gt__) X(__ge__)            \
    X(__iter__) X(__next__) X(__get__) X(__set__) X(__delete__) X(__init__) X(__new__) X(__del__) \
    X(__add__) X(__radd__) X(__sub__) X(__rsub__) X(__mul__) X(__rmul__) X(__mod__) X(__rmod__)   \
    X(__divmod__) X(__rdivmod__) X(__pow__) X(__rpow__) X(__neg__) X(__pos__) X(__abs__)          \
    X(__bool__) X(__invert__) X(__lshift__) X(__rlshift__) X(__rshift__) X(__rrshift__)           \
    X(__and__) X(__rand__) X(__xor__) X(__rxor__) X(__or__) X(__ror__) X(__int__) X(__float__)    \
    X(__iadd__) X(__isub__) X(__imul__) X(__imod__) X(__ipow__) X(__ilshift__) X(__irshift__)     \
    X(__iand__) X(__ixor__) X(__ior__) X(__floordiv__) X(__rfloordiv__) X(__truediv__)            \
    X(__rtruediv__) X(__ifloordiv__) X(__itruediv__) X(__index__) X(__matmul__) X(__rmatmul__)    \
    X(__imatmul__) X(__len__) X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__)
enum {
#define X(n) SN_##n,
    SLOT_NAMES(X)
#undef X
        SN_COUNT
};
static const char *const slot_name_strs[SN_COUNT] = {
#define X(n) #n,
    SLOT_NAMES(X)
#undef X
};
static wf_object *slot_names[SN_COUNT];
#define SNAME(n) (slot_names[SN_##n])

/* ---------------------------------------------------------------------------
 * Calling dunders
 */
/* Look name up on type(self) and call it with self prepended. */
wf_object *wfo_call_special(wf_object *self, wf_object *name, wf_object *const *args, wf_ssize_t nargs,
                            int *found) {
    wf_type *t = WF_TYPE(self);
    /* New reference: a borrowed one could die before an incref if another
     * thread rebinds the dunder (typecache.h). */
    wf_object *f = wfo_type_lookup_ref(t, name);
    *found = f != NULL;
    if (!f) return NULL;
    wf_object *r;
    if (wf_type_has_flag(WF_TYPE(f), WF_TPFLAGS_METHOD_DESCRIPTOR)) {
        wf_object *stack[8];
        wf_object **a = stack;
        if (nargs + 1 > 8) {
            a = wfm_malloc(sizeof(wf_object *) * (size_t)(nargs + 1));
            if (!a) { wf_decref(f); return wf_err_no_memory(); }
        }
        a[0] = self;
        for (wf_ssize_t i = 0; i < nargs; i++) a[i + 1] = args[i];
        r = wf_object_vectorcall(f, a, (size_t)nargs + 1, NULL);
        if (a != stack) wfm_free(a);
    } else {
        wf_descrgetfunc get = WF_TYPE(f)->tp_descr_get;
        wf_object *bound = get ? get(f, self, (wf_object *)t) : wf_newref(f);
        if (!bound) { wf_decref(f); return NULL; }
        r = wf_object_vectorcall(bound, args, (size_t)nargs, NULL);
        wf_decref(bound);
    }
    wf_decref(f);
    return r;
}

static wf_object *call_maybe(wf_object *self, wf_object *name, wf_object *const *args, wf_ssize_t nargs) {
    int found;
    wf_object *r = wfo_call_special(self, name, args, nargs, &found);
    if (!found) return wf_newref(wf_NotImplemented);
    return r;
}

static wf_object *call_required(wf_object *self, wf_object *name, wf_object *const *args, wf_ssize_t nargs) {
    int found;
    wf_object *r = wfo_call_special(self, name, args, nargs, &found);
    if (!found) {
        wf_err_set_object(&wf_exc_AttributeError, name);
        return NULL;
    }
    return r;
}

/* ---------------------------------------------------------------------------
 * Generic slots for heap types
 */
static wf_object *slot_tp_repr(wf_object *self) {
    int found;
    wf_object *r = wfo_call_special(self, SNAME(__repr__), NULL, 0, &found);
    if (!found) return wfo_object_default_repr(self);
    return r;
}
static wf_object *slot_tp_str(wf_object *self) { return call_required(self, SNAME(__str__), NULL, 0); }

/* What name is bound to along t's MRO: LK_MISSING, LK_NONE (None, which
 * blocks a protocol) or LK_OTHER.  The value is held (new reference) while
 * it is looked at: even a borrowed lookup touches the value it returns,
 * which a concurrent rebinding may be freeing (typecache.h). */
enum { LK_MISSING, LK_NONE, LK_OTHER };
static int lookup_kind(wf_type *t, wf_object *name) {
    wf_object *f = wfo_type_lookup_ref(t, name);
    if (!f) return LK_MISSING;
    int k = f == wf_None ? LK_NONE : LK_OTHER;
    wf_decref(f);
    return k;
}

static wf_hash_t slot_tp_hash(wf_object *self) {
    if (lookup_kind(WF_TYPE(self), SNAME(__hash__)) != LK_OTHER) return wf_object_hash_not_implemented(self);
    wf_object *r = call_required(self, SNAME(__hash__), NULL, 0);
    if (!r) return -1;
    if (!WF_INT_CHECK(r)) {
        wf_decref(r);
        wf_err_set_string(&wf_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int overflow;
    int64_t v = wf_int_as_i64_overflow(r, &overflow);
    wf_hash_t h = overflow ? wf_int_hash_value(r) : (wf_hash_t)v;
    wf_decref(r);
    if (h == -1) h = -2;
    return h;
}

static const int cmp_name_ids[6] = {SN___lt__, SN___le__, SN___eq__, SN___ne__, SN___gt__, SN___ge__};
static wf_object *slot_tp_richcompare(wf_object *self, wf_object *other, int op) {
    wf_object *a[1] = {other};
    wf_object *r = call_maybe(self, slot_names[cmp_name_ids[op]], a, 1);
    return r;
}

static wf_object *slot_tp_getattr_hook(wf_object *self, wf_object *name) {
    wf_type *t = WF_TYPE(self);
    /* ga: a new reference, only compared.  object's own __getattribute__
     * may be borrowed: a static type's dict never changes. */
    wf_object *ga = wfo_type_lookup_ref(t, SNAME(__getattribute__));
    int generic = !ga || ga == wf_type_lookup(&wf_object_type, SNAME(__getattribute__));
    wf_xdecref(ga);
    wf_object *r;
    wf_object *a[1] = {name};
    if (generic)
        r = wf_object_generic_getattr(self, name);
    else
        r = call_required(self, SNAME(__getattribute__), a, 1);
    if (r || !wf_err_matches((wf_object *)&wf_exc_AttributeError)) return r;
    if (lookup_kind(t, SNAME(__getattr__)) == LK_MISSING) return NULL;
    wf_err_clear();
    return call_required(self, SNAME(__getattr__), a, 1);
}

static int slot_tp_setattro(wf_object *self, wf_object *name, wf_object *value) {
    wf_object *r;
    if (value) {
        wf_object *a[2] = {name, value};
        r = call_required(self, SNAME(__setattr__), a, 2);
    } else {
        wf_object *a[1] = {name};
        r = call_required(self, SNAME(__delattr__), a, 1);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static wf_object *slot_tp_call(wf_object *self, wf_object *const *args, size_t nargsf, wf_object *kwnames) {
    wf_type *t = WF_TYPE(self);
    wf_object *f = wfo_type_lookup_ref(t, SNAME(__call__)); /* new reference (typecache.h) */
    if (!f)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not callable", wf_type_name(t));
    wf_descrgetfunc get = WF_TYPE(f)->tp_descr_get;
    wf_object *bound = get ? get(f, self, (wf_object *)t) : wf_newref(f);
    wf_decref(f);
    if (!bound) return NULL;
    wf_object *r = wf_object_vectorcall(bound, args, nargsf, kwnames);
    wf_decref(bound);
    return r;
}

static wf_object *slot_tp_iter(wf_object *self) {
    if (lookup_kind(WF_TYPE(self), SNAME(__iter__)) == LK_NONE)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not iterable", wf_type_name(WF_TYPE(self)));
    return call_required(self, SNAME(__iter__), NULL, 0);
}
static wf_object *slot_tp_iternext(wf_object *self) { return call_required(self, SNAME(__next__), NULL, 0); }

static wf_object *slot_tp_descr_get(wf_object *self, wf_object *obj, wf_object *type) {
    wf_object *a[2] = {obj ? obj : wf_None, type ? type : wf_None};
    return call_required(self, SNAME(__get__), a, 2);
}
static int slot_tp_descr_set(wf_object *self, wf_object *obj, wf_object *value) {
    wf_object *r;
    if (value) {
        wf_object *a[2] = {obj, value};
        r = call_required(self, SNAME(__set__), a, 2);
    } else {
        wf_object *a[1] = {obj};
        r = call_required(self, SNAME(__delete__), a, 1);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static int slot_tp_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    wf_type *t = WF_TYPE(self);
    wf_object *f = wfo_type_lookup_ref(t, SNAME(__init__)); /* new reference (typecache.h) */
    if (!f) return 0;
    wf_descrgetfunc get = WF_TYPE(f)->tp_descr_get;
    wf_object *bound = get ? get(f, self, (wf_object *)t) : wf_newref(f);
    wf_decref(f);
    if (!bound) return -1;
    wf_object *r = wf_object_call(bound, args, kwargs);
    wf_decref(bound);
    if (!r) return -1;
    if (r != wf_None) {
        wf_err_format(&wf_exc_TypeError, "__init__() should return None, not '%s'", wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return -1;
    }
    wf_decref(r);
    return 0;
}

static wf_object *slot_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object *f = wf_object_getattr((wf_object *)type, SNAME(__new__));
    if (!f) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    wf_object *nargs = wf_tuple_new(n + 1);
    if (!nargs) { wf_decref(f); return NULL; }
    WF_TUPLE_ITEM(nargs, 0) = wf_newref((wf_object *)type);
    for (wf_ssize_t i = 0; i < n; i++) WF_TUPLE_ITEM(nargs, i + 1) = wf_newref(WF_TUPLE_ITEM(args, i));
    wf_object *r = wf_object_call(f, nargs, kwargs);
    wf_decref(nargs);
    wf_decref(f);
    return r;
}

static void slot_tp_finalize(wf_object *self) {
    wf_object *r = call_required(self, SNAME(__del__), NULL, 0);
    if (r) {
        wf_decref(r);
        return;
    }
    /* Reported through sys.unraisablehook with the __del__ function as
     * the object, as CPython's slot_tp_finalize does. */
    wf_object *exc = wf_err_fetch();
    wf_object *del = wfo_type_lookup_ref(WF_TYPE(self), SNAME(__del__));
    wf_err_restore(exc);
    wfv_write_unraisable(NULL, del ? del : self);
    wf_xdecref(del);
}

/* New references: with borrowed ones, a value freed by a concurrent
 * rebinding could have its address reused by the other lookup's result. */
static int method_is_overloaded(wf_type *left, wf_type *right, wf_object *name) {
    wf_object *a = wfo_type_lookup_ref(right, name);
    if (!a) return 0;
    wf_object *b = wfo_type_lookup_ref(left, name);
    int r = a != b;
    wf_xdecref(b);
    wf_decref(a);
    return r;
}

#define SLOT_BINARY(FUNC, SLOT, L, R)                                                           \
    static wf_object *FUNC(wf_object *self, wf_object *other) {                                 \
        wf_type *ts = WF_TYPE(self), *to = WF_TYPE(other);                                      \
        int do_other = ts != to && to->tp_as_number && to->tp_as_number->SLOT == FUNC;          \
        wf_object *r;                                                                           \
        if (ts->tp_as_number && ts->tp_as_number->SLOT == FUNC) {                               \
            if (do_other && wf_type_is_subtype(to, ts) && method_is_overloaded(ts, to, SNAME(R))) { \
                wf_object *a[1] = {self};                                                       \
                r = call_maybe(other, SNAME(R), a, 1);                                          \
                if (r != wf_NotImplemented) return r;                                           \
                wf_decref(r);                                                                   \
                do_other = 0;                                                                   \
            }                                                                                   \
            wf_object *a[1] = {other};                                                          \
            r = call_maybe(self, SNAME(L), a, 1);                                               \
            if (r != wf_NotImplemented || ts == to) return r;                                   \
            wf_decref(r);                                                                       \
        }                                                                                       \
        if (do_other) {                                                                         \
            wf_object *a[1] = {self};                                                           \
            return call_maybe(other, SNAME(R), a, 1);                                           \
        }                                                                                       \
        return wf_newref(wf_NotImplemented);                                                    \
    }

SLOT_BINARY(slot_nb_add, nb_add, __add__, __radd__)
SLOT_BINARY(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT_BINARY(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT_BINARY(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT_BINARY(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT_BINARY(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT_BINARY(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT_BINARY(slot_nb_and, nb_and, __and__, __rand__)
SLOT_BINARY(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT_BINARY(slot_nb_or, nb_or, __or__, __ror__)
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
#undef SLOT_BINARY

static wf_object *slot_nb_power(wf_object *self, wf_object *other, wf_object *mod) {
    if (mod == wf_None) {
        /* nb_power is ternary; the binary rules apply with mod None. */
        wf_type *ts = WF_TYPE(self), *to = WF_TYPE(other);
        int do_other = ts != to && to->tp_as_number && to->tp_as_number->nb_power == slot_nb_power;
        wf_object *r;
        if (ts->tp_as_number && ts->tp_as_number->nb_power == slot_nb_power) {
            if (do_other && wf_type_is_subtype(to, ts) && method_is_overloaded(ts, to, SNAME(__rpow__))) {
                wf_object *a[1] = {self};
                r = call_maybe(other, SNAME(__rpow__), a, 1);
                if (r != wf_NotImplemented) return r;
                wf_decref(r);
                do_other = 0;
            }
            wf_object *a[1] = {other};
            r = call_maybe(self, SNAME(__pow__), a, 1);
            if (r != wf_NotImplemented || ts == to) return r;
            wf_decref(r);
        }
        if (do_other) {
            wf_object *a[1] = {self};
            return call_maybe(other, SNAME(__rpow__), a, 1);
        }
        return wf_newref(wf_NotImplemented);
    }
    if (WF_TYPE(self)->tp_as_number && WF_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        wf_object *a[2] = {other, mod};
        return call_maybe(self, SNAME(__pow__), a, 2);
    }
    return wf_newref(wf_NotImplemented);
}
static wf_object *slot_nb_inplace_power(wf_object *self, wf_object *other, wf_object *mod) {
    wf_object *a[1] = {other};
    return call_maybe(self, SNAME(__ipow__), a, 1);
}

#define SLOT_UNARY(FUNC, N) \
    static wf_object *FUNC(wf_object *self) { return call_required(self, SNAME(N), NULL, 0); }
SLOT_UNARY(slot_nb_negative, __neg__)
SLOT_UNARY(slot_nb_positive, __pos__)
SLOT_UNARY(slot_nb_absolute, __abs__)
SLOT_UNARY(slot_nb_invert, __invert__)
SLOT_UNARY(slot_nb_int, __int__)
SLOT_UNARY(slot_nb_float, __float__)
SLOT_UNARY(slot_nb_index, __index__)
#undef SLOT_UNARY

#define SLOT_INPLACE(FUNC, N)                                  \
    static wf_object *FUNC(wf_object *self, wf_object *other) { \
        wf_object *a[1] = {other};                              \
        return call_maybe(self, SNAME(N), a, 1);                \
    }
SLOT_INPLACE(slot_nb_inplace_add, __iadd__)
SLOT_INPLACE(slot_nb_inplace_subtract, __isub__)
SLOT_INPLACE(slot_nb_inplace_multiply, __imul__)
SLOT_INPLACE(slot_nb_inplace_remainder, __imod__)
SLOT_INPLACE(slot_nb_inplace_lshift, __ilshift__)
SLOT_INPLACE(slot_nb_inplace_rshift, __irshift__)
SLOT_INPLACE(slot_nb_inplace_and, __iand__)
SLOT_INPLACE(slot_nb_inplace_xor, __ixor__)
SLOT_INPLACE(slot_nb_inplace_or, __ior__)
SLOT_INPLACE(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT_INPLACE(slot_nb_inplace_true_divide, __itruediv__)
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, __imatmul__)
#undef SLOT_INPLACE

static int slot_nb_bool(wf_object *self) {
    int found;
    wf_object *r = wfo_call_special(self, SNAME(__bool__), NULL, 0, &found);
    if (!found) {
        r = wfo_call_special(self, SNAME(__len__), NULL, 0, &found);
        if (!found) return 1;
        if (!r) return -1;
        wf_ssize_t n = wf_number_as_ssize_t(r, &wf_exc_OverflowError);
        wf_decref(r);
        if (n == -1 && wf_err_occurred()) return -1;
        if (n < 0) {
            wf_err_set_string(&wf_exc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n != 0;
    }
    if (!r) return -1;
    if (!WF_BOOL_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__bool__ should return bool, returned %s", wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return -1;
    }
    int v = r == wf_True;
    wf_decref(r);
    return v;
}

static wf_ssize_t slot_sq_length(wf_object *self) {
    wf_object *r = call_required(self, SNAME(__len__), NULL, 0);
    if (!r) return -1;
    if (!WF_INT_CHECK(r)) {
        wf_object *i = wf_number_index(r);
        if (!i) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(WF_TYPE(r)));
            wf_decref(r);
            return -1;
        }
        wf_decref(r);
        r = i;
    }
    if (wf_int_sign(r) < 0) {
        wf_decref(r);
        wf_err_set_string(&wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    wf_ssize_t n = wf_int_as_ssize(r);
    wf_decref(r);
    if (n == -1 && wf_err_occurred() && wf_err_matches((wf_object *)&wf_exc_OverflowError)) {
        wf_err_clear();
        wf_err_set_string(&wf_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return n;
}

/* sq_item of classes defining __getitem__: the old sequence protocol
 * (iteration, `in`) calls it with plain indices. */
static wf_object *slot_sq_item(wf_object *self, wf_ssize_t i) {
    wf_object *key = wf_int_from_ssize(i);
    if (!key) return NULL;
    wf_object *a[1] = {key};
    wf_object *r = call_required(self, SNAME(__getitem__), a, 1);
    wf_decref(key);
    return r;
}

static wf_object *slot_mp_subscript(wf_object *self, wf_object *key) {
    wf_object *a[1] = {key};
    return call_required(self, SNAME(__getitem__), a, 1);
}
static int slot_mp_ass_subscript(wf_object *self, wf_object *key, wf_object *value) {
    wf_object *r;
    if (value) {
        wf_object *a[2] = {key, value};
        r = call_required(self, SNAME(__setitem__), a, 2);
    } else {
        wf_object *a[1] = {key};
        r = call_required(self, SNAME(__delitem__), a, 1);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}
static int slot_sq_contains(wf_object *self, wf_object *value) {
    if (lookup_kind(WF_TYPE(self), SNAME(__contains__)) == LK_NONE) {
        wf_err_format(&wf_exc_TypeError, "'%s' object is not a container", wf_type_name(WF_TYPE(self)));
        return -1;
    }
    wf_object *a[1] = {value};
    wf_object *r = call_required(self, SNAME(__contains__), a, 1);
    if (!r) return -1;
    int t = wf_object_is_true(r);
    wf_decref(r);
    return t;
}

/* ---------------------------------------------------------------------------
 * Wrappers: C slot -> method
 */
static int check_args(wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames, wf_ssize_t n,
                      const char *name) {
    (void)args;
    if (kwnames && WF_TUPLE_SIZE(kwnames)) {
        wf_err_format(&wf_exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        wf_err_format(&wf_exc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}
#define CHECK(n) \
    if (check_args(args, nargs, kwnames, (n), "slot") < 0) return NULL

static wf_object *wrap_unaryfunc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames, void *w) {
    CHECK(0);
    return ((wf_unaryfunc)w)(self);
}
static wf_object *wrap_binaryfunc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                  wf_object *kwnames, void *w) {
    CHECK(1);
    return ((wf_binaryfunc)w)(self, args[0]);
}
static wf_object *wrap_binaryfunc_r(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                    wf_object *kwnames, void *w) {
    CHECK(1);
    return ((wf_binaryfunc)w)(args[0], self);
}
static wf_object *wrap_ternaryfunc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                   wf_object *kwnames, void *w) {
    if (nargs < 1 || nargs > 2 || (kwnames && WF_TUPLE_SIZE(kwnames)))
        return wf_err_format(&wf_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
    return ((wf_ternaryfunc)w)(self, args[0], nargs == 2 ? args[1] : wf_None);
}
static wf_object *wrap_ternaryfunc_r(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                     wf_object *kwnames, void *w) {
    if (nargs < 1 || nargs > 2 || (kwnames && WF_TUPLE_SIZE(kwnames)))
        return wf_err_format(&wf_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
    return ((wf_ternaryfunc)w)(args[0], self, nargs == 2 ? args[1] : wf_None);
}
static wf_object *wrap_inquirypred(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                   wf_object *kwnames, void *w) {
    CHECK(0);
    int r = ((wf_inquiry)w)(self);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}
static wf_object *wrap_lenfunc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames, void *w) {
    CHECK(0);
    wf_ssize_t n = ((wf_lenfunc)w)(self);
    if (n < 0) return NULL;
    return wf_int_from_ssize(n);
}
static wf_object *wrap_indexargfunc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                    wf_object *kwnames, void *w) {
    CHECK(1);
    if (!wf_index_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             wf_type_name(WF_TYPE(args[0])));
    wf_ssize_t n = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
    if (n == -1 && wf_err_occurred()) return NULL;
    return ((wf_ssizeargfunc)w)(self, n);
}
static wf_ssize_t getindex(wf_object *self, wf_object *arg) {
    wf_ssize_t i = wf_number_as_ssize_t(arg, &wf_exc_OverflowError);
    if (i == -1 && wf_err_occurred()) return -1;
    if (i < 0) {
        wf_sequence_methods *sq = WF_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            wf_ssize_t n = sq->sq_length(self);
            if (n < 0) return -1;
            i += n;
        }
    }
    return i;
}
static wf_object *wrap_sq_item(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames, void *w) {
    CHECK(1);
    wf_ssize_t i = getindex(self, args[0]);
    if (i == -1 && wf_err_occurred()) return NULL;
    return ((wf_ssizeargfunc)w)(self, i);
}
static wf_object *wrap_sq_setitem(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                  wf_object *kwnames, void *w) {
    CHECK(2);
    wf_ssize_t i = getindex(self, args[0]);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (((wf_ssizeobjargproc)w)(self, i, args[1]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_sq_delitem(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                  wf_object *kwnames, void *w) {
    CHECK(1);
    wf_ssize_t i = getindex(self, args[0]);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (((wf_ssizeobjargproc)w)(self, i, NULL) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_objobjproc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                  wf_object *kwnames, void *w) {
    CHECK(1);
    int r = ((wf_objobjproc)w)(self, args[0]);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}
static wf_object *wrap_objobjargproc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                     wf_object *kwnames, void *w) {
    CHECK(2);
    if (((wf_objobjargproc)w)(self, args[0], args[1]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_delitem(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames, void *w) {
    CHECK(1);
    if (((wf_objobjargproc)w)(self, args[0], NULL) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_setattr(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames, void *w) {
    CHECK(2);
    if (((wf_setattrofunc)w)(self, args[0], args[1]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_delattr(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames, void *w) {
    CHECK(1);
    if (((wf_setattrofunc)w)(self, args[0], NULL) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_hashfunc(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                wf_object *kwnames, void *w) {
    CHECK(0);
    wf_hash_t h = ((wf_hashfunc)w)(self);
    if (h == -1 && wf_err_occurred()) return NULL;
    return wf_int_from_i64(h);
}
#define WRAP_CMP(NAME, OP)                                                                      \
    static wf_object *NAME(wf_object *self, wf_object *const *args, wf_ssize_t nargs,           \
                           wf_object *kwnames, void *w) {                                       \
        CHECK(1);                                                                               \
        return ((wf_richcmpfunc)w)(self, args[0], OP);                                          \
    }
WRAP_CMP(wrap_lt, WF_LT)
WRAP_CMP(wrap_le, WF_LE)
WRAP_CMP(wrap_eq, WF_EQ)
WRAP_CMP(wrap_ne, WF_NE)
WRAP_CMP(wrap_gt, WF_GT)
WRAP_CMP(wrap_ge, WF_GE)
static wf_object *wrap_next(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames, void *w) {
    CHECK(0);
    wf_object *r = ((wf_unaryfunc)w)(self);
    if (!r && !wf_err_occurred()) wf_err_set_none(&wf_exc_StopIteration);
    return r;
}
static wf_object *wrap_descr_get(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames, void *w) {
    if (nargs < 1 || nargs > 2)
        return wf_err_format(&wf_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
    wf_object *obj = args[0] == wf_None ? NULL : args[0];
    wf_object *type = nargs == 2 && args[1] != wf_None ? args[1] : NULL;
    if (!obj && !type) return wf_err_format(&wf_exc_TypeError, "__get__(None, None) is invalid");
    return ((wf_descrgetfunc)w)(self, obj, type);
}
static wf_object *wrap_descr_set(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames, void *w) {
    CHECK(2);
    if (((wf_descrsetfunc)w)(self, args[0], args[1]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_descr_delete(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                    wf_object *kwnames, void *w) {
    CHECK(1);
    if (((wf_descrsetfunc)w)(self, args[0], NULL) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_init(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames, void *w) {
    wf_object *kwargs = NULL;
    wf_object *tup = wf_vectorcall_to_tuple_dict(args, nargs, kwnames, &kwargs);
    if (!tup) return NULL;
    int r = ((wf_initproc)w)(self, tup, kwargs);
    wf_decref(tup);
    wf_xdecref(kwargs);
    if (r < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *wrap_call(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames, void *w) {
    return ((wf_vectorcallfunc)w)(self, args, (size_t)nargs, kwnames);
}
static wf_object *wrap_del(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                           wf_object *kwnames, void *w) {
    CHECK(0);
    ((wf_destructor)w)(self);
    if (wf_err_occurred()) return NULL;
    WF_RETURN_NONE;
}

/* ---------------------------------------------------------------------------
 * The table
 */
#define TP(N, F, S, W) {SN_##N, WFO_TP, offsetof(wf_type, F), (void *)(S), W}
#define NB(N, F, S, W) {SN_##N, WFO_NB, offsetof(wf_number_methods, F), (void *)(S), W}
#define SQ(N, F, S, W) {SN_##N, WFO_SQ, offsetof(wf_sequence_methods, F), (void *)(S), W}
#define MP(N, F, S, W) {SN_##N, WFO_MP, offsetof(wf_mapping_methods, F), (void *)(S), W}
static const wfo_slotdef slotdefs[] = {
    TP(__getattribute__, tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc),
    TP(__getattr__, tp_getattro, slot_tp_getattr_hook, NULL),
    TP(__setattr__, tp_setattro, slot_tp_setattro, wrap_setattr),
    TP(__delattr__, tp_setattro, slot_tp_setattro, wrap_delattr),
    TP(__repr__, tp_repr, slot_tp_repr, wrap_unaryfunc),
    TP(__hash__, tp_hash, slot_tp_hash, wrap_hashfunc),
    TP(__call__, tp_call, slot_tp_call, wrap_call),
    TP(__str__, tp_str, slot_tp_str, wrap_unaryfunc),
    TP(__lt__, tp_richcompare, slot_tp_richcompare, wrap_lt),
    TP(__le__, tp_richcompare, slot_tp_richcompare, wrap_le),
    TP(__eq__, tp_richcompare, slot_tp_richcompare, wrap_eq),
    TP(__ne__, tp_richcompare, slot_tp_richcompare, wrap_ne),
    TP(__gt__, tp_richcompare, slot_tp_richcompare, wrap_gt),
    TP(__ge__, tp_richcompare, slot_tp_richcompare, wrap_ge),
    TP(__iter__, tp_iter, slot_tp_iter, wrap_unaryfunc),
    TP(__next__, tp_iternext, slot_tp_iternext, wrap_next),
    TP(__get__, tp_descr_get, slot_tp_descr_get, wrap_descr_get),
    TP(__set__, tp_descr_set, slot_tp_descr_set, wrap_descr_set),
    TP(__delete__, tp_descr_set, slot_tp_descr_set, wrap_descr_delete),
    TP(__init__, tp_init, slot_tp_init, wrap_init),
    TP(__new__, tp_new, slot_tp_new, NULL),
    TP(__del__, tp_finalize, slot_tp_finalize, wrap_del),
    NB(__add__, nb_add, slot_nb_add, wrap_binaryfunc),
    NB(__radd__, nb_add, slot_nb_add, wrap_binaryfunc_r),
    NB(__sub__, nb_subtract, slot_nb_subtract, wrap_binaryfunc),
    NB(__rsub__, nb_subtract, slot_nb_subtract, wrap_binaryfunc_r),
    NB(__mul__, nb_multiply, slot_nb_multiply, wrap_binaryfunc),
    NB(__rmul__, nb_multiply, slot_nb_multiply, wrap_binaryfunc_r),
    NB(__mod__, nb_remainder, slot_nb_remainder, wrap_binaryfunc),
    NB(__rmod__, nb_remainder, slot_nb_remainder, wrap_binaryfunc_r),
    NB(__divmod__, nb_divmod, slot_nb_divmod, wrap_binaryfunc),
    NB(__rdivmod__, nb_divmod, slot_nb_divmod, wrap_binaryfunc_r),
    NB(__pow__, nb_power, slot_nb_power, wrap_ternaryfunc),
    NB(__rpow__, nb_power, slot_nb_power, wrap_ternaryfunc_r),
    NB(__neg__, nb_negative, slot_nb_negative, wrap_unaryfunc),
    NB(__pos__, nb_positive, slot_nb_positive, wrap_unaryfunc),
    NB(__abs__, nb_absolute, slot_nb_absolute, wrap_unaryfunc),
    NB(__bool__, nb_bool, slot_nb_bool, wrap_inquirypred),
    NB(__invert__, nb_invert, slot_nb_invert, wrap_unaryfunc),
    NB(__lshift__, nb_lshift, slot_nb_lshift, wrap_binaryfunc),
    NB(__rlshift__, nb_lshift, slot_nb_lshift, wrap_binaryfunc_r),
    NB(__rshift__, nb_rshift, slot_nb_rshift, wrap_binaryfunc),
    NB(__rrshift__, nb_rshift, slot_nb_rshift, wrap_binaryfunc_r),
    NB(__and__, nb_and, slot_nb_and, wrap_binaryfunc),
    NB(__rand__, nb_and, slot_nb_and, wrap_binaryfunc_r),
    NB(__xor__, nb_xor, slot_nb_xor, wrap_binaryfunc),
    NB(__rxor__, nb_xor, slot_nb_xor, wrap_binaryfunc_r),
    NB(__or__, nb_or, slot_nb_or, wrap_binaryfunc),
    NB(__ror__, nb_or, slot_nb_or, wrap_binaryfunc_r),
    NB(__int__, nb_int, slot_nb_int, wrap_unaryfunc),
    NB(__float__, nb_float, slot_nb_float, wrap_unaryfunc),
    NB(__iadd__, nb_inplace_add, slot_nb_inplace_add, wrap_binaryfunc),
    NB(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract, wrap_binaryfunc),
    NB(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply, wrap_binaryfunc),
    NB(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder, wrap_binaryfunc),
    NB(__ipow__, nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc),
    NB(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift, wrap_binaryfunc),
    NB(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift, wrap_binaryfunc),
    NB(__iand__, nb_inplace_and, slot_nb_inplace_and, wrap_binaryfunc),
    NB(__ixor__, nb_inplace_xor, slot_nb_inplace_xor, wrap_binaryfunc),
    NB(__ior__, nb_inplace_or, slot_nb_inplace_or, wrap_binaryfunc),
    NB(__floordiv__, nb_floor_divide, slot_nb_floor_divide, wrap_binaryfunc),
    NB(__rfloordiv__, nb_floor_divide, slot_nb_floor_divide, wrap_binaryfunc_r),
    NB(__truediv__, nb_true_divide, slot_nb_true_divide, wrap_binaryfunc),
    NB(__rtruediv__, nb_true_divide, slot_nb_true_divide, wrap_binaryfunc_r),
    NB(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide, wrap_binaryfunc),
    NB(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide, wrap_binaryfunc),
    NB(__index__, nb_index, slot_nb_index, wrap_unaryfunc),
    NB(__matmul__, nb_matrix_multiply, slot_nb_matrix_multiply, wrap_binaryfunc),
    NB(__rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply, wrap_binaryfunc_r),
    NB(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, wrap_binaryfunc),
    MP(__len__, mp_length, slot_sq_length, wrap_lenfunc),
    MP(__getitem__, mp_subscript, slot_mp_subscript, wrap_binaryfunc),
    MP(__setitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc),
    MP(__delitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem),
    SQ(__len__, sq_length, slot_sq_length, wrap_lenfunc),
    SQ(__add__, sq_concat, NULL, wrap_binaryfunc),
    SQ(__mul__, sq_repeat, NULL, wrap_indexargfunc),
    SQ(__rmul__, sq_repeat, NULL, wrap_indexargfunc),
    SQ(__getitem__, sq_item, slot_sq_item, wrap_sq_item),
    SQ(__setitem__, sq_ass_item, NULL, wrap_sq_setitem),
    SQ(__delitem__, sq_ass_item, NULL, wrap_sq_delitem),
    SQ(__contains__, sq_contains, slot_sq_contains, wrap_objobjproc),
    SQ(__iadd__, sq_inplace_concat, NULL, wrap_binaryfunc),
    SQ(__imul__, sq_inplace_repeat, NULL, wrap_indexargfunc),
};
#define NSLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])

wf_object *wfo_slot_name(const wfo_slotdef *sd) { return slot_names[sd->name_id]; }

void wfo_slots_init(void) {
    for (int i = 0; i < SN_COUNT; i++) slot_names[i] = wf_str_intern_cstr(slot_name_strs[i]);
}
void wfo_slots_fini(void) {
    for (int i = 0; i < SN_COUNT; i++) slot_names[i] = NULL;
}

static void **slot_ptr(wf_type *t, const wfo_slotdef *sd) {
    char *base;
    switch (sd->table) {
    case WFO_TP: base = (char *)t; break;
    case WFO_NB: base = (char *)t->tp_as_number; break;
    case WFO_SQ: base = (char *)t->tp_as_sequence; break;
    default: base = (char *)t->tp_as_mapping; break;
    }
    return base ? (void **)(base + sd->offset) : NULL;
}

static wf_object *tp_new_wrapper(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    wf_type *type = (wf_type *)self;
    if (nargs < 1)
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(): not enough arguments", wf_type_name(type));
    wf_object *sub = args[0];
    if (!WF_TYPE_CHECK(sub))
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                             wf_type_name(type), wf_type_name(WF_TYPE(sub)));
    wf_type *st = (wf_type *)sub;
    if (!wf_type_is_subtype(st, type))
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             wf_type_name(type), wf_type_name(st), wf_type_name(st), wf_type_name(type));
    /* The most derived static base of the subtype must use this tp_new
     * (object.__new__(int) is unsafe). */
    wf_type *sb = st;
    while (sb && wf_type_has_flag(sb, WF_TPFLAGS_HEAPTYPE)) sb = sb->tp_base;
    if (sb && sb->tp_new != type->tp_new)
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             wf_type_name(type), wf_type_name(st), wf_type_name(sb));
    wf_object *kwargs = NULL;
    wf_object *tup = wf_vectorcall_to_tuple_dict(args + 1, nargs - 1, kwnames, &kwargs);
    if (!tup) return NULL;
    wf_object *r = type->tp_new(st, tup, kwargs);
    wf_decref(tup);
    wf_xdecref(kwargs);
    return r;
}
static wf_method_def tp_new_def = {"__new__", tp_new_wrapper, WF_METH_FASTCALL | WF_METH_KEYWORDS,
                                   "Create and return a new object."};

int wfo_type_add_slot_wrappers(wf_type *type) {
    wf_object *dict = type->tp_dict;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const wfo_slotdef *sd = &slotdefs[i];
        void **p = slot_ptr(type, sd);
        if (!p || !*p || !sd->wrapper) continue;
        /* Only slots this type defines itself (before inheritance). */
        wf_object *name = slot_names[sd->name_id];
        if (wf_dict_contains(dict, name) > 0) continue;
        wf_object *d;
        if (sd->table == WFO_TP && sd->offset == offsetof(wf_type, tp_hash) &&
            *p == (void *)wf_object_hash_not_implemented)
            d = wf_newref(wf_None);
        else
            d = wfo_wrapper_descr_new(type, sd, *p);
        if (!d) return -1;
        int r = wf_dict_set_item(dict, name, d);
        wf_decref(d);
        if (r < 0) return -1;
    }
    if (type->tp_new && wf_dict_contains(dict, slot_names[SN___new__]) <= 0) {
        wf_object *f = wf_cfunction_new(&tp_new_def, (wf_object *)type, NULL);
        if (!f) return -1;
        int r = wf_dict_set_item(dict, slot_names[SN___new__], f);
        wf_decref(f);
        if (r < 0) return -1;
    }
    return 0;
}

/* The wrapper descriptor layout is private to descr.c; ask it. */
int wfo_wrapper_descr_info(wf_object *d, const wfo_slotdef **sd, void **wrapped);

/* The value sd's slot of type should hold now, from the dunders found along
 * its MRO: true with *pp (the slot) and *val set when the slot should be
 * written, false when it should be left alone.  `updating`: the class is
 * live and a dunder was assigned or deleted; when no class on the MRO
 * defines any of the slot's dunders any more (`del C.__len__`), the slot
 * takes the value of the nearest built-in ancestor, as if it had never
 * been defined (usually NULL: len(C()) then raises CPython's TypeError). */
static bool slot_value(wf_type *type, const wfo_slotdef *sd, void ***pp, void **val,
                       bool updating) {
    void **p = slot_ptr(type, sd);
    if (!p) return false;
    *pp = p;
    /* All slotdefs sharing this slot decide together. */
    void *generic = NULL, *specific = NULL;
    int use_generic = 0, any = 0;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const wfo_slotdef *o = &slotdefs[i];
        if (o->table != sd->table || o->offset != sd->offset) continue;
        if (o->slotfunc) generic = o->slotfunc;
        /* New reference: this runs with the world going (wfo_update_slot),
         * while another thread may rebind the same name. */
        wf_object *d = wfo_type_lookup_ref(type, slot_names[o->name_id]);
        if (!d) continue;
        any = 1;
        const wfo_slotdef *dsd;
        void *w;
        if (WF_TYPE(d) == &wf_wrapper_descr_type && wfo_wrapper_descr_info(d, &dsd, &w) == 0 &&
            dsd->table == sd->table && dsd->offset == sd->offset) {
            if (specific && specific != w) use_generic = 1;
            specific = w;
        } else if (d == wf_None && sd->table == WFO_TP && sd->offset == offsetof(wf_type, tp_hash)) {
            if (specific && specific != (void *)wf_object_hash_not_implemented) use_generic = 1;
            specific = (void *)wf_object_hash_not_implemented;
        } else if (o->name_id == SN___new__ && WF_TYPE(d) == &wf_cfunction_type) {
            /* an inherited static __new__: keep the inherited tp_new */
            wf_type *sb = type;
            while (sb && wf_type_has_flag(sb, WF_TPFLAGS_HEAPTYPE)) sb = sb->tp_base;
            if (specific && specific != (void *)sb->tp_new) use_generic = 1;
            specific = (void *)sb->tp_new;
        } else {
            use_generic = 1;
        }
        wf_decref(d);
    }
    if (!any) {
        if (!updating) return false;
        wf_type *b = type->tp_base;
        while (b && wf_type_has_flag(b, WF_TPFLAGS_HEAPTYPE)) b = b->tp_base;
        void **bp = b ? slot_ptr(b, sd) : NULL;
        *val = bp ? *bp : NULL;
        return true;
    }
    if (use_generic || !specific) {
        if (!generic) return false;
        *val = generic;
    } else {
        *val = specific;
    }
    return true;
}

/* For a type nobody else can see yet (class creation). */
static void update_one_slot(wf_type *type, const wfo_slotdef *sd) {
    void **p, *v;
    if (slot_value(type, sd, &p, &v, false)) *p = v;
}

void wfo_type_fixup_slots(wf_type *type) {
    for (size_t i = 0; i < NSLOTDEFS; i++) update_one_slot(type, &slotdefs[i]);
    /* __eq__ without __hash__ makes instances unhashable (as in CPython). */
    if (wf_dict_contains(type->tp_dict, slot_names[SN___eq__]) > 0 &&
        wf_dict_contains(type->tp_dict, slot_names[SN___hash__]) <= 0) {
        type->tp_hash = wf_object_hash_not_implemented;
        wf_dict_set_item(type->tp_dict, slot_names[SN___hash__], wf_None);
    }
}

int wfo_is_dunder(wf_object *name) {
    wf_ssize_t n = wf_str_len(name);
    return n > 4 && wf_str_char(name, 0) == '_' && wf_str_char(name, 1) == '_' &&
           wf_str_char(name, n - 1) == '_' && wf_str_char(name, n - 2) == '_';
}

/* Slot stores decided by wfo_update_slot, applied together. */
typedef struct slot_store {
    void **p;
    void *v;
} slot_store;
typedef struct slot_stores {
    slot_store *v;
    size_t n, cap;
    bool oom;
} slot_stores;

static void stores_add(slot_stores *st, void **p, void *v) {
    if (st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 16;
        slot_store *nv = realloc(st->v, cap * sizeof *nv);
        if (!nv) {
            st->oom = true;
            *p = v; /* no room to defer it: store now (racy, as before) */
            return;
        }
        st->v = nv;
        st->cap = cap;
    }
    st->v[st->n++] = (slot_store){p, v};
}

static void update_subclasses(wf_type *type, const wfo_slotdef *sd, slot_stores *st) {
    void **p, *v;
    if (slot_value(type, sd, &p, &v, true)) stores_add(st, p, v);
    /* Subclasses that inherit the name see the change too. */
    wf_object *subs = NULL;
    wf_object *meth = wf_object_getattr_string((wf_object *)type, "__subclasses__");
    if (meth) {
        subs = wf_object_call_noargs(meth);
        wf_decref(meth);
    }
    if (!subs) {
        wf_err_clear();
        return;
    }
    for (wf_ssize_t i = 0; i < wf_list_size(subs); i++) {
        wf_object *s = wf_list_get_item(subs, i);
        if (s && wf_type_has_flag((wf_type *)s, WF_TPFLAGS_HEAPTYPE))
            update_subclasses((wf_type *)s, sd, st);
        wf_xdecref(s);
    }
    wf_decref(subs);
}

/* A dunder of a live class was assigned: recompute the slots it feeds, in
 * the class and its subclasses.  Every thread reads slot pointers with
 * plain loads (WF_TYPE(o)->tp_...), so in the free-threaded flavour the
 * new values are first computed with the world running (lookups, calls of
 * __subclasses__) and then stored while it is stopped, so no thread reads
 * a slot while it is written, and restarting the world publishes the
 * stores to every thread (CPython's free-threaded build also stops the
 * world for this).  A thread paused inside a slot call goes on with the
 * function it already loaded: slot functions are static C code.  Only
 * changed slots cost a pause. */
static int apply_stores(slot_stores *stp);

int wfo_update_slot(wf_type *type, wf_object *name) {
    slot_stores st = {0};
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (slot_names[slotdefs[i].name_id] == name) update_subclasses(type, &slotdefs[i], &st);
    return apply_stores(&st);
}

/* The MRO of type (and so of its subclasses) changed (__bases__
 * assignment, type.c): every slot is recomputed as if each dunder had been
 * assigned, with a single pause for all the stores. */
int wfo_update_all_slots(wf_type *type) {
    slot_stores st = {0};
    for (size_t i = 0; i < NSLOTDEFS; i++) update_subclasses(type, &slotdefs[i], &st);
    return apply_stores(&st);
}

static int apply_stores(slot_stores *stp) {
    slot_stores st = *stp;
    bool changed = false;
    for (size_t i = 0; i < st.n; i++)
        if (*st.v[i].p != st.v[i].v) changed = true;
    if (changed) {
#if WF_FREE_THREADED
        bool pause = !wft_world_is_stopped();
        if (pause) wft_stop_the_world();
#endif
        for (size_t i = 0; i < st.n; i++) *st.v[i].p = st.v[i].v;
#if WF_FREE_THREADED
        if (pause) wft_start_the_world();
#endif
    }
    free(st.v);
    return 0;
}
