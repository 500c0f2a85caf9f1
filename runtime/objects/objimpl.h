/*
 * runtime/objects/objimpl.h — internals shared by the files of
 * runtime/objects/ (not for the VM or modules: they use weft/objects.h).
 */
#ifndef WEFT_OBJECTS_OBJIMPL_H
#define WEFT_OBJECTS_OBJIMPL_H

#include <string.h>

#include "runtime/memory/gc.h" /* gc: wf_gc_note_alloc */
#include "runtime/memory/memory.h"
#include "threads/critsec.h"
#include "weft/objects.h"
#include "runtime/objects/typecache.h" /* per-thread type attribute cache */

/* Interned identifiers, created by wf_objects_init (immortal). */
#define WFO_IDS(X)                                                                        \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__)         \
    X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__getattr__) X(__getattribute__)            \
    X(__setattr__) X(__delattr__) X(__call__) X(__iter__) X(__next__) X(__get__)          \
    X(__set__) X(__delete__) X(__len__) X(__getitem__) X(__setitem__) X(__delitem__)      \
    X(__contains__) X(__bool__) X(__index__) X(__int__) X(__float__) X(__name__)          \
    X(__qualname__) X(__module__) X(__dict__) X(__doc__) X(__class__) X(__slots__)        \
    X(__set_name__) X(__init_subclass__) X(__mro__) X(__bases__) X(__base__)              \
    X(__instancecheck__) X(__subclasscheck__) X(__format__) X(__del__) X(__neg__)         \
    X(__pos__) X(__abs__) X(__invert__) X(__class_getitem__) X(__mro_entries__)           \
    X(__weakref__) X(__classcell__) X(__abstractmethods__) X(__missing__) X(__reversed__) \
    X(__builtins__) X(__spec__) X(__loader__) X(__package__) X(__notes__)                 \
    X(__pow__) X(__rpow__) X(__ipow__) X(keys) X(items) X(mro) X(__length_hint__)         \
    X(__prepare__) X(__self__) X(__func__) X(__wrapped__) X(__isabstractmethod__)         \
    X(__annotations__) X(__text_signature__) X(__objclass__)
enum {
#define X(n) WFO_ID_##n,
    WFO_IDS(X)
#undef X
        WFO_ID_COUNT
};
extern wf_object *wfo_ids[WFO_ID_COUNT];
#define WFO_ID(n) (wfo_ids[WFO_ID_##n])

/* Allocate an object of type with size bytes (header included), header
 * initialised (owned, count 1), the rest zeroed. Sets MemoryError. */
static inline wf_object *wfo_alloc(wf_type *type, size_t size) {
    wf_object *op = wfm_object_alloc(size);
    if (!op) {
        wf_err_no_memory();
        return NULL;
    }
    memset((char *)op + sizeof(wf_object), 0, size - sizeof(wf_object));
    wf_object_init(op, type);
    if (type->tp_traverse) wf_gc_note_alloc(); /* gc: counts towards automatic collection */
    return op;
}

/* The dealloc a static type's instances end with: frees the block (and,
 * for instances of heap subclasses, drops the type reference). */
void wfo_free_instance(wf_object *op);

/* Slot wrappers (typeslots.c). */
int wfo_type_add_slot_wrappers(wf_type *type);
void wfo_type_fixup_slots(wf_type *type); /* heap type: install slot_* for dunders found */
int wfo_update_slot(wf_type *type, wf_object *name);
int wfo_update_all_slots(wf_type *type); /* after an MRO change (__bases__) */
/* An instance of the tuple subtype `type` holding t's items; steals t
 * (tuple.c).  New reference or NULL. */
wf_object *wfo_tuple_subtype_steal(wf_type *type, wf_object *t);
int wfo_is_dunder(wf_object *name);

/* Type internals (type.c). */
int wfo_type_add_methods(wf_type *type);
wf_object *wfo_type_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                         wf_object *kwnames);
wf_object *wfo_lookup_maybe_method(wf_object *self, wf_object *name, int *unbound);
/* Call the special method name on self via its type (not the instance);
 * NULL without exception when the type does not define it. */
wf_object *wfo_call_special(wf_object *self, wf_object *name, wf_object *const *args,
                            wf_ssize_t nargs, int *found);

/* Descriptor constructors (descr.c). */
wf_object *wfo_method_descr_new(wf_type *type, wf_method_def *ml);
wf_object *wfo_member_descr_new(wf_type *type, wf_member_def *m);
wf_object *wfo_getset_descr_new(wf_type *type, wf_getset_def *g);
typedef wf_object *(*wfo_wrapperfunc)(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                      wf_object *kwnames, void *wrapped);
typedef struct wfo_slotdef {
    int name_id;             /* index into the slot-name table (typeslots.c) */
    int table;               /* WFO_TP, WFO_NB, WFO_SQ, WFO_MP */
    size_t offset;           /* of the slot within its table */
    void *slotfunc;          /* generic slot installed in heap types */
    wfo_wrapperfunc wrapper; /* exposes a C slot as a method; NULL = none */
} wfo_slotdef;
enum { WFO_TP = 0, WFO_NB = 1, WFO_SQ = 2, WFO_MP = 3 };
wf_object *wfo_slot_name(const wfo_slotdef *sd);
void wfo_slots_init(void);
void wfo_slots_fini(void);
wf_object *wfo_wrapper_descr_new(wf_type *type, const struct wfo_slotdef *sd, void *wrapped);
wf_object *wfo_member_get(wf_object *obj, wf_member_def *m);
int wfo_member_set(wf_object *obj, wf_member_def *m, wf_object *value);
/* Store v (borrowed, may be NULL) in an object field that readers load
 * with the try-incref protocol (falling back to owner's critical section):
 * v gets try-increfs enabled, the swap happens under owner's critical
 * section, and the old value is released afterwards (descr.c; func.c's
 * attributes, classmethod/staticmethod/property fields). */
void wfo_field_store(wf_object *owner, wf_object *_Atomic *slot, wf_object *v);
/* __slots__ access for eval.c's attribute caches (descr.c). */
size_t wfo_member_descr_slot_offset(wf_object *d, wf_type *tp);
wf_object *wfo_slot_get(wf_object *obj, size_t offset, wf_object *name);
void wfo_slot_wait_readers(wf_object *obj);

/* The lock-free read of a __slots__ slot, inline for its two cases that
 * need no call (descr.c's member_load explains the protocol): a value owned
 * by the calling thread, counted with a plain store and no slot re-check
 * (writers release an old value only after exchanging it out: the owned
 * case of containers.h's wfo_try_xget_ref), and an immortal value, returned
 * after the slot re-check.  NULL: empty, or any other case -- the caller
 * takes the full read (wfo_slot_get / wfo_member_get), which starts over. */
WF_INLINE wf_object *wfo_slot_load_fast(wf_object *_Atomic *slot) {
#if WF_FREE_THREADED
    wf_object *v = atomic_load(slot);
    if (WF_LIKELY(v != NULL)) {
        uint32_t local = atomic_load_explicit(&v->ob_ref_local, memory_order_relaxed);
        if (local == WF_IMMORTAL_LOCAL) {
            if (WF_LIKELY(atomic_load(slot) == v)) return v;
        } else if (WF_LIKELY(atomic_load_explicit(&v->ob_tid, memory_order_relaxed) ==
                             wft_tls_index)) {
            atomic_store_explicit(&v->ob_ref_local, local + 1, memory_order_relaxed);
            return v;
        }
    }
    return NULL;
#else
    return wf_xnewref(atomic_load_explicit(slot, memory_order_relaxed));
#endif
}

/* Store value (a new reference, or NULL to delete) in a __slots__ slot of
 * obj and return the old value (a reference the caller releases; NULL if
 * the slot was empty).  One atomic exchange: lock-free readers see the old
 * or the new value, and a delete of an empty slot sees NULL come back, so
 * concurrent deletes raise AttributeError exactly once each as if they ran
 * in turn.  Before returning the old value it makes sure no reader is still
 * taking a reference to it under obj's critical section (descr.c's
 * member_load explains the pairing); the mutex byte is almost always 0, so
 * that costs one plain load. */
WF_INLINE wf_object *wfo_slot_exchange(wf_object *obj, wf_object *_Atomic *slot,
                                       wf_object *value) {
#if WF_FREE_THREADED
    wf_object *old = atomic_exchange_explicit(slot, value, memory_order_seq_cst);
    if (old && WF_UNLIKELY(atomic_load_explicit(&obj->ob_mutex.bits, memory_order_seq_cst) != 0))
        /* A reader may hold the section (or it is held for another
         * reason): wait until it is released.  The section is borrowed
         * when this thread itself holds it: then no reader does. */
        wfo_slot_wait_readers(obj);
#else
    /* The GIL serializes writers: no locked instruction needed. */
    (void)obj;
    wf_object *old = atomic_load_explicit(slot, memory_order_relaxed);
    atomic_store_explicit(slot, value, memory_order_release);
#endif
    return old;
}
wf_object *wfo_cfunction_call_def(wf_method_def *ml, wf_object *self, wf_object *const *args,
                                  wf_ssize_t nargs, wf_object *kwnames);

/* iter.c: sequence iterators named bytes_iterator / bytearray_iterator */
extern wf_type wfo_bytes_iter_type, wfo_bytearray_iter_type;
wf_object *wfo_seqiter_new_typed(wf_type *type, wf_object *seq);

/* mappingproxy (mappingproxy.c): read-only view; type.__dict__ returns one. */
extern wf_type wf_mappingproxy_type;
wf_object *wf_mappingproxy_new(wf_object *mapping);

/* Objects (object.c) */
wf_object *wfo_object_default_repr(wf_object *o);
wf_object *wfo_object_new(wf_type *type, wf_object *args, wf_object *kwargs);
int wfo_object_init(wf_object *self, wf_object *args, wf_object *kwargs);
wf_object *wfo_object_richcompare(wf_object *a, wf_object *b, int op);
wf_hash_t wfo_object_hash_identity(wf_object *o);
wf_object *wfo_object_get_dict(wf_object *o, void *closure);
int wfo_object_set_dict(wf_object *o, wf_object *value, void *closure);
/* Drop o's reference after a grace period (steals it; type.c): for a
 * value replaced in a slot that readers load and incref without a lock.
 * The release runs at a later safe point of this thread (it may run
 * arbitrary code: a dealloc, __del__). */
void wfo_release_after_grace(wf_object *o);
/* The instance dict at dp (= wf_object_dictptr(o)) as a new reference, or
 * NULL when o has none yet.  `o.__dict__ = d` (wfo_object_set_dict)
 * releases the replaced dict only after a grace period, so the load and
 * the incref here (no safe point between them) never meet a freed dict. */
WF_INLINE wf_object *wfo_instance_dict_ref(wf_object *o, wf_object **dp) {
    (void)o;
    wf_object *d = atomic_load_explicit((wf_object *_Atomic *)dp, memory_order_acquire);
    if (d) wf_incref(d);
    return d;
}
/* d[key] found without the lock and without running code, or -2 (dict.c). */
int wfo_dict_get_ref_nolock(wf_object *d, wf_object *key, wf_object **out);
/* The same, trying first the entry index *hint (a guess kept by the
 * caller, updated on a hit found by probing; dict.c). */
int wfo_dict_get_ref_nolock_hinted(wf_object *d, wf_object *key, wf_object **out,
                                   _Atomic uintptr_t *hint);
/* o.__dict__[name] for an attribute lookup: 1 found (*out a new
 * reference), 0 absent (or no dict), -1 error.  The common case takes no
 * reference to the dict: o is alive (the caller holds it), so its dict
 * can only go away by `o.__dict__ = ...`, which frees the replaced dict
 * after a grace period, and wfo_dict_get_ref_nolock reaches no quiescent
 * state.  So with threads sharing o, an attribute read writes nothing to
 * the dict's header (no shared-count RMW to pass a cache line around).
 * Anything wfo_dict_get_ref_nolock leaves undecided (a key compared by
 * code, a dict not yet readable lock-free) takes the counted path. */
/* hint: NULL, or LOAD_ATTR's guess of the entry index of name (instances of
 * one class usually store their attributes in the same order, so one site
 * finds a name at one index; wfo_dict_get_ref_nolock_hinted). */
WF_INLINE int wfo_instance_dict_get_ref_ex(wf_object *o, wf_object *name, wf_object **out,
                                           _Atomic uintptr_t *hint) {
    *out = NULL;
    wf_object **dp = wf_object_dictptr(o);
    if (!dp) return 0;
    wf_object *d = atomic_load_explicit((wf_object *_Atomic *)dp, memory_order_acquire);
    if (!d) return 0;
    int r = hint ? wfo_dict_get_ref_nolock_hinted(d, name, out, hint)
                 : wfo_dict_get_ref_nolock(d, name, out);
    if (WF_LIKELY(r != -2)) return r;
    d = wfo_instance_dict_ref(o, dp);
    if (!d) return 0;
    r = wf_dict_get_item_ref(d, name, out);
    wf_decref(d);
    return r;
}
WF_INLINE int wfo_instance_dict_get_ref(wf_object *o, wf_object *name, wf_object **out) {
    return wfo_instance_dict_get_ref_ex(o, name, out, NULL);
}
extern wf_object *wfo_cmp_opnames[6]; /* "__lt__" ... */
extern const char *const wfo_cmp_symbols[6]; /* "<" ... */

/* Numbers */
wf_object *wfo_int_from_bigmag_sign(const void *mag, int sign); /* wfo_bigmag* */
int wfo_float_compare_int(double f, wf_object *i); /* -1/0/1, 2 = unordered (nan) */
wf_object *wfo_int_richcompare(wf_object *a, wf_object *b, int op);
/* The int<->decimal digit limit (int.c; sys.set_int_max_str_digits): an
 * interpreter-wide relaxed atomic, 0 = unlimited. */
#define WFO_INT_DEFAULT_MAX_STR_DIGITS 4300
#define WFO_INT_MAX_STR_DIGITS_THRESHOLD 640 /* the smallest non-zero limit */
int wfo_int_get_max_str_digits(void);
void wfo_int_set_max_str_digits(int maxdigits);
/* int(x, base) for str/bytes/bytearray x, with the digit limit; new reference. */
wf_object *wfo_int_from_text(wf_object *x, int base);

/* types.GenericAlias(origin, args) (genericalias.c, engineer "methods"). */
wf_object *wfo_genericalias_new(wf_object *origin, wf_object *args);

/* Strings */
void wfo_str_init(void);
void wfo_str_fini(void);
int wfo_str_startswith(wf_object *s, const char *ascii_prefix);
wf_object *wfo_str_repr(wf_object *s);

/* Tuples / lists / dicts */
void wfo_tuple_init(void);
extern wf_tuple wfo_empty_tuple;
wf_object *wfo_tuple_repr(wf_object *t);
wf_hash_t wfo_tuple_hash(wf_object *t);
wf_object *wfo_list_repr(wf_object *l);
void wfo_dict_init(void);
/* The items of an exact dict (its keys) or of a dict view (keys, values or
 * (key, value) pairs), taken under the dict's lock in one go (dict.c):
 * 1 with *out (new references; NULL when empty) and *n, 0 when iterable
 * is none of these, -1 with an exception. */
int wfo_dict_items_array(wf_object *iterable, wf_object ***out, wf_ssize_t *n);
/* The same for an exact set or frozenset (set.c). */
int wfo_set_items_array(wf_object *iterable, wf_object ***out, wf_ssize_t *n);
/* Exceptions */
int wfo_exceptions_init(void);
wf_object *wfo_exc_str(wf_object *self);
void wfo_none_init(void);
/* iterators */
wf_object *wfo_seqiter_for(wf_type *itertype, wf_object *seq);
extern wf_type wfo_tuple_iter_type, wfo_list_iter_type, wfo_str_iter_type, wfo_dict_keyiter_type,
    wfo_dict_valueiter_type, wfo_dict_itemiter_type;

/* Argument helpers */
wf_object *wfo_kwargs_get(wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                          const char *name);

/* Subclass lists (type.c) */
void wfo_type_add_subclass(wf_type *base, wf_type *sub);
void wfo_type_remove_subclass(wf_type *base, wf_type *sub);

/* Slice-like index normalisation: i in [0, n) or IndexError(msg). */
static inline int wfo_index_in_range(wf_ssize_t *i, wf_ssize_t n) {
    if (*i < 0) *i += n;
    return *i >= 0 && *i < n;
}
/* Clamp slice bounds as CPython does for start/stop of str.find etc. */
static inline void wfo_adjust_bounds(wf_ssize_t *start, wf_ssize_t *end, wf_ssize_t n) {
    if (*end > n) *end = n;
    else if (*end < 0) { *end += n; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += n; if (*start < 0) *start = 0; }
}

/* --- engineer A: start-up/shutdown and str/iter internals ---------------- */
void wfo_static_types_fini(void);          /* type.c: unready every static type */
void wfo_type_unready(wf_type *type);      /* type.c */
void wfo_int_init(void);                   /* int.c: the small ints */
void wfo_errors_init(void);                /* vm/errors.c: the MemoryError instance */
void wfo_errors_fini(void);
void wfo_list_init(void);                  /* list.c */
void wfo_set_init(void);                   /* set.c: set, frozenset, set_iterator */
/* s[start:stop:step] with Python's slice semantics (raw bounds). */
wf_object *wfo_str_slice(wf_object *s, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step);
/* The same for tuples and lists (tuple.c, list.c); value NULL deletes. */
wf_object *wfo_tuple_slice_step(wf_object *t, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step);
wf_object *wfo_list_slice(wf_object *l, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step);
int wfo_list_ass_slice(wf_object *l, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step,
                       wf_object *value);
wf_ssize_t wfo_str_interned_count(void);   /* size of the intern table */
wf_object *wfo_callable_iter_new(wf_object *callable, wf_object *sentinel); /* iter.c */


/* --- slice/range/bytes/bytearray (slice.c, range.c, bytes.c, bytearray.c) --- */
extern wf_type wfo_range_iter_type;
void wfo_sequences_init(void); /* bytes.c: readies slice, range, bytes, bytearray */
/* str.encode(encoding='utf-8', errors='strict') (bytes.c) */
wf_object *wfo_str_encode_method(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames);

/* --- complex (complex.c) --- */
void wfo_complex_init(void); /* interns "__complex__", readies complex */
/* complex ** complex-or-float-or-int (float.c's negative base to a
 * fractional power); m must be None. */
wf_object *wfo_complex_pow(wf_object *a, wf_object *b, wf_object *m);

/* --- memoryview (memoryview.c) --- */
int wfo_is_memoryview(wf_object *o);
/* The viewed bytes of a memoryview as a new bytes (ValueError once released). */
wf_object *wfo_memoryview_bytes(wf_object *o);
/* A type outside runtime/objects whose instances lend their memory to
 * memoryview (array.array): `format` gives an instance's item format (a
 * native struct format in static storage, e.g. "i"; fixed per instance)
 * and sets *itemsize; `buffer` gives its current memory and sets *nbytes
 * to its size; memoryview calls it inside the instance's critical section
 * and uses the memory only until the section ends.  Views are writable. */
typedef struct wfo_buffer_exporter {
    wf_type *type; /* its instances and those of its subclasses */
    const char *(*format)(wf_object *obj, wf_ssize_t *itemsize);
    char *(*buffer)(wf_object *obj, wf_ssize_t *nbytes);
} wfo_buffer_exporter;
/* Register e (static storage; idempotent, any thread): 0, or -1 with
 * RuntimeError when the (small) table is full. */
int wfo_memoryview_add_exporter(const wfo_buffer_exporter *e);
/* The memory of a memoryview, bytes, bytearray or registered exporter's
 * instance as a new bytes (C order); NULL with no exception set when o is
 * none of them, NULL with one on errors (released view...). */
wf_object *wfo_buffer_bytes(wf_object *o);

#endif /* WEFT_OBJECTS_OBJIMPL_H */
