/*
 * runtime/objects/type.c — the `type` type: readying static types, the
 * MRO (C3), attribute lookup along it, creating heap types (class
 * statements / type(name, bases, dict)), instance allocation and the
 * dealloc of instances of heap types.
 *
 * Invariants:
 *  - a READY type has tp_mro (tuple starting with the type itself),
 *    tp_bases (tuple), tp_dict (dict) and every slot inherited;
 *  - an instance of a heap type holds a reference to its type; instances
 *    of static types do not (static types are immortal);
 *  - tp_version_tag != 0 names one state of (tp_dict contents along the
 *    MRO); wf_type_modified sets it to a fresh value for the type and its
 *    subclasses, AFTER the write it publishes; the per-thread attribute
 *    cache (typecache.c) compares tags, so every write to a live type's
 *    dict goes through wfo_type_dict_store or is followed by
 *    wf_type_modified (typecache.h).
 *
 * Thread-safety: static types are readied by wf_objects_init before any
 * other thread exists.  A heap type's dict is a normal dict (own lock);
 * its slot pointers and version tag are rewritten by type_setattro under
 * the type's critical section (see weft/type.h for how readers cope).
 * The subclass lists are guarded by one global mutex (rarely written).
 * __bases__ assignment replaces tp_bases/tp_mro (release stores, old
 * tuples released after a grace period) and tp_base (world stopped); see
 * the section "__bases__ assignment" and weft/type.h.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/vm/vm.h" /* wfv_cell (class cells, __classcell__) */
#include "threads/smr.h"     /* wft_smr_defer: old MRO/bases tuples */
#include "threads/thread.h"  /* wft_stop_the_world */
#include "weft/weakref.h" /* weakref: list clearing at dealloc */

#include <stdio.h>
#include <stdlib.h>

static _Atomic uint32_t next_version_tag = 1;

/* ---------------------------------------------------------------------------
 * Subclass lists (raw pointers; a heap type removes itself on dealloc).
 */
struct wfo_subclass_list {
    size_t n, cap;
    wf_type **items;
};
static wf_mutex subclass_mutex;

void wfo_type_add_subclass(wf_type *base, wf_type *sub) {
    wf_mutex_lock(&subclass_mutex);
    struct wfo_subclass_list *l = base->tp_subclasses;
    if (!l) l = base->tp_subclasses = calloc(1, sizeof *l);
    if (l && l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 4;
        wf_type **ni = realloc(l->items, nc * sizeof *ni);
        if (ni) { l->items = ni; l->cap = nc; }
    }
    if (l && l->n < l->cap) l->items[l->n++] = sub;
    wf_mutex_unlock(&subclass_mutex);
}

void wfo_type_remove_subclass(wf_type *base, wf_type *sub) {
    wf_mutex_lock(&subclass_mutex);
    struct wfo_subclass_list *l = base->tp_subclasses;
    for (size_t i = 0; l && i < l->n; i++)
        if (l->items[i] == sub) { l->items[i] = l->items[--l->n]; break; }
    wf_mutex_unlock(&subclass_mutex);
}

static void free_subclass_list(wf_type *t) {
    struct wfo_subclass_list *l = t->tp_subclasses;
    t->tp_subclasses = NULL;
    if (l) { free(l->items); free(l); }
}

/* A fresh tag, never handed out before; 0 once the counter is exhausted
 * (it saturates instead of wrapping: a reused tag could make a per-thread
 * cache entry of a dead state match again, typecache.c). */
static uint32_t new_version_tag(void) {
    WF_COUNT(type_version);
    uint32_t t = atomic_load_explicit(&next_version_tag, memory_order_relaxed);
    do {
        if (t == 0) return 0;
    } while (!atomic_compare_exchange_weak_explicit(&next_version_tag, &t, t + 1,
                                                    memory_order_relaxed, memory_order_relaxed));
    return t;
}

/* Called AFTER the dict/MRO write it publishes (typecache.h).  The tag is
 * replaced with a read-modify-write: an acquire load that reads a later
 * tag also synchronises with earlier writers' exchanges (release
 * sequence), so it sees every write published before that tag. */
void wf_type_modified(wf_type *type) {
    atomic_exchange(&type->tp_version_tag, new_version_tag());
    wf_mutex_lock(&subclass_mutex);
    struct wfo_subclass_list *l = type->tp_subclasses;
    size_t n = l ? l->n : 0;
    wf_type *local[64], **subs = local;
    if (n > 64) subs = malloc(n * sizeof *subs);
    if (subs) {
        for (size_t i = 0; i < n; i++) subs[i] = l->items[i];
    }
    wf_mutex_unlock(&subclass_mutex);
    if (subs) {
        for (size_t i = 0; i < n; i++) wf_type_modified(subs[i]);
        if (subs != local) free(subs);
        return;
    }
    /* Out of memory: one subclass at a time. */
    for (size_t i = 0;; i++) {
        wf_type *sub = NULL;
        wf_mutex_lock(&subclass_mutex);
        if (l && i < l->n) sub = l->items[i];
        wf_mutex_unlock(&subclass_mutex);
        if (!sub) break;
        wf_type_modified(sub);
    }
}

/* ---------------------------------------------------------------------------
 * Names, lookup, subtype test
 */
const char *wf_type_name(wf_type *type) {
    /* A heap type's tp_name is replaced by __name__ assignment (the old
     * buffer freed after a grace period): an acquire load. */
    if (wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE))
        return atomic_load_explicit((const char *_Atomic *)&type->tp_name, memory_order_acquire);
    const char *dot = strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

int wf_type_is_subtype(wf_type *a, wf_type *b) {
    if (a == b) return 1;
    /* Acquire: __bases__ assignment publishes a new tuple (and frees the
     * old one only after a grace period). */
    wf_object *mro = atomic_load_explicit((wf_object *_Atomic *)&a->tp_mro, memory_order_acquire);
    if (mro) {
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(mro); i++)
            if (WF_TUPLE_ITEM(mro, i) == (wf_object *)b) return 1;
        return 0;
    }
    for (; a; a = a->tp_base)
        if (a == b) return 1;
    return b == &wf_object_type;
}

/* wf_type_lookup: runtime/objects/typecache.c (behind the per-thread cache). */

/* ---------------------------------------------------------------------------
 * Allocation and deallocation of instances
 */
wf_object *wf_type_generic_alloc(wf_type *type, wf_ssize_t nitems) {
    size_t size = type->tp_basicsize + (size_t)nitems * type->tp_itemsize;
    if (type->tp_dictoffset < 0) size = ((size + 7) & ~(size_t)7) + sizeof(wf_object *);
    size = (size + 7) & ~(size_t)7;
    wf_object *op = wfo_alloc(type, size);
    if (!op) return NULL;
    if (wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) wf_incref((wf_object *)type);
    return op;
}

void wfo_free_instance(wf_object *op) {
    if (WF_TYPE(op)->tp_traverse) wf_gc_note_free(); /* gc: net allocation count */
    wfm_object_free(op);
}

/* Find the nearest static base (whose dealloc frees the layout it owns). */
static wf_type *static_base(wf_type *t) {
    while (t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) t = t->tp_base;
    return t;
}

/* dealloc of instances of heap types: run __del__, clear __slots__ and the
 * dict, let the static base free its part, drop the type reference. */
static void subtype_dealloc_body(wf_object *self) {
    wf_type *type = WF_TYPE(self);
    /* gc: a finalizer runs once (PEP 442), whether the collector or an
     * earlier dealloc (then resurrected) ran it. */
    if (type->tp_finalize && !wf_gc_is_finalized(self)) {
        /* Resurrection guard: give the object a temporary reference. */
        wf_incref(self);
        wf_gc_mark_finalized(self);
        wf_object *saved = wf_err_fetch();
        type->tp_finalize(self);
        wf_err_restore(saved);
        /* The finalizer may have stored self somewhere; only free if it
         * released the temporary reference as the last one. */
        if (wf_refcnt(self) > 1) {
            wf_decref(self);
            return;
        }
        /* Drop the temporary reference without re-entering dealloc: the
         * object is private to this thread here (count 1). */
#if WF_FREE_THREADED
        atomic_store_explicit(&self->ob_ref_local, 0, memory_order_relaxed);
#else
        self->ob_refcnt = 0;
#endif
    }
    if (type->tp_finalize) wf_gc_forget(self); /* gc: the object really dies */
    /* weakref: a weaklist added by the heap part is cleared (callbacks run)
     * before the slots and the dict are released. */
    if (type->tp_weaklistoffset > 0 && static_base(type)->tp_weaklistoffset == 0)
        wf_weakref_on_dealloc(self);
    for (wf_type *t = type; t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        wf_heaptype *ht = (wf_heaptype *)t;
        for (wf_member_def *m = ht->ht_members; m && m->name; m++) {
            wf_object **slot = (wf_object **)((char *)self + m->offset);
            WF_CLEAR(*slot);
        }
    }
    wf_type *base = static_base(type);
    if (type->tp_dictoffset != 0 && base->tp_dictoffset == 0) {
        wf_object **dp = wf_object_dictptr(self);
        WF_CLEAR(*dp);
    }
    base->tp_dealloc(self);
    wf_decref((wf_object *)type);
}

/* Bounded recursion when deeply nested structures die (weft/object.h trashcan). */
static void subtype_dealloc(wf_object *self) {
    if (wf_trashcan_begin(self, subtype_dealloc)) return;
    subtype_dealloc_body(self);
    wf_trashcan_end();
}

/* gc: the cycle collector's view of heap-type instances: the type (each
 * instance holds a reference), the __slots__ members, the instance dict
 * (when the heap part added it), then what the static base owns. */
static int subtype_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    wf_type *type = WF_TYPE(self);
    if (visit((wf_object *)type, arg)) return -1;
    for (wf_type *t = type; t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        wf_heaptype *ht = (wf_heaptype *)t;
        for (wf_member_def *m = ht->ht_members; m && m->name; m++) {
            wf_object *v = *(wf_object **)((char *)self + m->offset);
            if (v && visit(v, arg)) return -1;
        }
    }
    wf_type *base = static_base(type);
    if (type->tp_dictoffset != 0 && base->tp_dictoffset == 0) {
        wf_object **dp = wf_object_dictptr(self);
        if (dp && *dp && visit(*dp, arg)) return -1;
    }
    if (base->tp_traverse) return base->tp_traverse(self, visit, arg);
    return 0;
}

/* gc: drop what subtype_traverse reports but the type reference (freed by
 * subtype_dealloc as usual). */
static int subtype_clear(wf_object *self) {
    wf_type *type = WF_TYPE(self);
    for (wf_type *t = type; t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        wf_heaptype *ht = (wf_heaptype *)t;
        for (wf_member_def *m = ht->ht_members; m && m->name; m++) {
            wf_object **slot = (wf_object **)((char *)self + m->offset);
            WF_CLEAR(*slot);
        }
    }
    wf_type *base = static_base(type);
    if (type->tp_dictoffset != 0 && base->tp_dictoffset == 0) {
        wf_object **dp = wf_object_dictptr(self);
        if (dp) WF_CLEAR(*dp);
    }
    if (base->tp_clear) return base->tp_clear(self);
    return 0;
}

/* ---------------------------------------------------------------------------
 * MRO (C3)
 */
static int tail_contains(wf_object *list, wf_ssize_t start, wf_object *o) {
    for (wf_ssize_t j = start + 1; j < WF_TUPLE_SIZE(list); j++)
        if (WF_TUPLE_ITEM(list, j) == o) return 1;
    return 0;
}

static wf_object *mro_c3(wf_type *type) {
    wf_object *bases = type->tp_bases;
    wf_ssize_t nb = WF_TUPLE_SIZE(bases);
    /* to_merge = [mro(b) for b in bases] + [bases] */
    wf_ssize_t nlists = nb + 1;
    wf_object **lists = calloc((size_t)nlists, sizeof *lists);
    wf_ssize_t *pos = calloc((size_t)nlists, sizeof *pos);
    if (!lists || !pos) { free(lists); free(pos); return wf_err_no_memory(); }
    for (wf_ssize_t i = 0; i < nb; i++) {
        wf_type *b = (wf_type *)WF_TUPLE_ITEM(bases, i);
        lists[i] = b->tp_mro;
    }
    lists[nb] = bases;
    for (wf_ssize_t i = 0; i < nb; i++)
        for (wf_ssize_t j = i + 1; j < nb; j++)
            if (WF_TUPLE_ITEM(bases, i) == WF_TUPLE_ITEM(bases, j)) {
                free(lists); free(pos);
                return wf_err_format(&wf_exc_TypeError, "duplicate base class %s",
                                     wf_type_name((wf_type *)WF_TUPLE_ITEM(bases, i)));
            }
    wf_object *result = wf_list_new(0);
    if (!result || wf_list_append(result, (wf_object *)type) < 0) goto fail;
    for (;;) {
        int empty = 1;
        wf_object *cand = NULL;
        for (wf_ssize_t i = 0; i < nlists; i++) {
            if (pos[i] >= WF_TUPLE_SIZE(lists[i])) continue;
            empty = 0;
            wf_object *c = WF_TUPLE_ITEM(lists[i], pos[i]);
            int bad = 0;
            for (wf_ssize_t k = 0; k < nlists && !bad; k++)
                if (pos[k] < WF_TUPLE_SIZE(lists[k]) && tail_contains(lists[k], pos[k], c)) bad = 1;
            if (!bad) { cand = c; break; }
        }
        if (empty) break;
        if (!cand) {
            /* CPython: "Cannot create a consistent method resolution\norder (MRO) for bases A, B" */
            wf_object *names = wf_list_new(0);
            if (!names) goto fail;
            for (wf_ssize_t i = 0; i < nlists; i++) {
                if (pos[i] >= WF_TUPLE_SIZE(lists[i])) continue;
                wf_object *c = WF_TUPLE_ITEM(lists[i], pos[i]);
                int seen = 0;
                for (wf_ssize_t k = 0; k < wf_list_size(names); k++) {
                    wf_object *x = wf_list_get_item(names, k);
                    if (wf_str_eq_cstr(x, wf_type_name((wf_type *)c))) seen = 1;
                    wf_decref(x);
                }
                if (!seen) {
                    wf_object *nm = wf_str_from_cstr(wf_type_name((wf_type *)c));
                    if (!nm || wf_list_append(names, nm) < 0) { wf_xdecref(nm); wf_decref(names); goto fail; }
                    wf_decref(nm);
                }
            }
            wf_object *sep = wf_str_from_cstr(", ");
            wf_object *j = sep ? wf_str_join(sep, names) : NULL;
            wf_xdecref(sep);
            wf_decref(names);
            if (j) {
                wf_err_format(&wf_exc_TypeError,
                              "Cannot create a consistent method resolution\norder (MRO) for bases %U", j);
                wf_decref(j);
            }
            goto fail;
        }
        if (wf_list_append(result, cand) < 0) goto fail;
        for (wf_ssize_t i = 0; i < nlists; i++)
            if (pos[i] < WF_TUPLE_SIZE(lists[i]) && WF_TUPLE_ITEM(lists[i], pos[i]) == cand) pos[i]++;
    }
    free(lists);
    free(pos);
    wf_object *t = wf_list_as_tuple(result);
    wf_decref(result);
    return t;
fail:
    free(lists);
    free(pos);
    wf_xdecref(result);
    return NULL;
}

/* The MRO type's metatype gives it (C3, or a metaclass's mro()): a new
 * tuple, not yet published; NULL with an exception. */
static wf_object *mro_compute(wf_type *type) {
    wf_object *mro;
    wf_type *meta = WF_TYPE(type);
    int custom = 0;
    if (meta != &wf_type_type && wf_type_has_flag(meta, WF_TPFLAGS_HEAPTYPE)) {
        /* The metatype's mro: a new reference, only compared (the borrowed
         * lookup touches the value, which a concurrent rebinding may be
         * freeing).  type's own may be borrowed: its dict never changes. */
        wf_object *m = wfo_type_lookup_ref(meta, WFO_ID(mro));
        custom = m != wf_type_lookup(&wf_type_type, WFO_ID(mro));
        wf_xdecref(m);
    }
    if (custom) {
        /* A metaclass overriding mro(). */
        wf_object *args[1] = {(wf_object *)type};
        wf_object *m = wf_object_vectorcall_method(WFO_ID(mro), args, 1, NULL);
        if (!m) return NULL;
        mro = wf_sequence_tuple(m);
        wf_decref(m);
        /* Lookups walk it as a tuple of types. */
        for (wf_ssize_t i = 0; mro && i < WF_TUPLE_SIZE(mro); i++) {
            wf_object *x = WF_TUPLE_ITEM(mro, i);
            if (!WF_TYPE_CHECK(x)) {
                wf_err_format(&wf_exc_TypeError, "mro() returned a non-class ('%s')",
                              wf_type_name(WF_TYPE(x)));
                wf_decref(mro);
                return NULL;
            }
        }
        return mro;
    }
    return mro_c3(type);
}

/* For a type nobody else can see yet (wf_type_ready, type.__new__). */
static int mro_internal(wf_type *type) {
    wf_object *mro = mro_compute(type);
    if (!mro) return -1;
    wf_object *old = type->tp_mro;
    atomic_store_explicit((wf_object *_Atomic *)&type->tp_mro, mro, memory_order_release);
    wf_xdecref(old);
    return 0;
}

/* ---------------------------------------------------------------------------
 * Slot inheritance
 */
#define COPYSLOT(dst, src, f) \
    if (!(dst)->f) (dst)->f = (src)->f

static int dict_has(wf_type *t, wf_object *name) {
    return t->tp_dict && wf_dict_contains(t->tp_dict, name) > 0;
}

static void inherit_slots(wf_type *type, wf_type *base) {
    if (base->tp_as_number) {
        if (!type->tp_as_number) type->tp_as_number = base->tp_as_number;
        else if (type->tp_as_number != base->tp_as_number) {
            void **d = (void **)type->tp_as_number, **s = (void **)base->tp_as_number;
            for (size_t i = 0; i < sizeof(wf_number_methods) / sizeof(void *); i++)
                if (!d[i]) d[i] = s[i];
        }
    }
    if (base->tp_as_sequence) {
        if (!type->tp_as_sequence) type->tp_as_sequence = base->tp_as_sequence;
        else if (type->tp_as_sequence != base->tp_as_sequence) {
            void **d = (void **)type->tp_as_sequence, **s = (void **)base->tp_as_sequence;
            for (size_t i = 0; i < sizeof(wf_sequence_methods) / sizeof(void *); i++)
                if (!d[i]) d[i] = s[i];
        }
    }
    if (base->tp_as_mapping) {
        if (!type->tp_as_mapping) type->tp_as_mapping = base->tp_as_mapping;
        else if (type->tp_as_mapping != base->tp_as_mapping) {
            void **d = (void **)type->tp_as_mapping, **s = (void **)base->tp_as_mapping;
            for (size_t i = 0; i < sizeof(wf_mapping_methods) / sizeof(void *); i++)
                if (!d[i]) d[i] = s[i];
        }
    }
    COPYSLOT(type, base, tp_dealloc);
    COPYSLOT(type, base, tp_traverse);
    COPYSLOT(type, base, tp_clear);
    COPYSLOT(type, base, tp_repr);
    COPYSLOT(type, base, tp_str);
    COPYSLOT(type, base, tp_getattro);
    COPYSLOT(type, base, tp_setattro);
    if (!type->tp_richcompare && !type->tp_hash && !dict_has(type, WFO_ID(__eq__)) &&
        !dict_has(type, WFO_ID(__hash__))) {
        type->tp_richcompare = base->tp_richcompare;
        type->tp_hash = base->tp_hash;
    }
    COPYSLOT(type, base, tp_call);
    COPYSLOT(type, base, tp_iter);
    COPYSLOT(type, base, tp_iternext);
    COPYSLOT(type, base, tp_descr_get);
    COPYSLOT(type, base, tp_descr_set);
    COPYSLOT(type, base, tp_init);
    COPYSLOT(type, base, tp_finalize);
    COPYSLOT(type, base, tp_varsize);
    if (!(type->tp_flags & WF_TPFLAGS_DISALLOW_INSTANTIATION)) COPYSLOT(type, base, tp_new);
    if (!type->tp_vectorcall && base->tp_vectorcall && !wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE) &&
        type->tp_new == base->tp_new && type->tp_init == base->tp_init)
        type->tp_vectorcall = base->tp_vectorcall;
}

/* ---------------------------------------------------------------------------
 * wf_type_ready
 */
/* Every static type readied so far, in readying order, so that
 * wf_objects_fini can undo them all (wfo_static_types_fini), including
 * types private to one file.  Guarded by static_types_mutex. */
static wf_mutex static_types_mutex;
static wf_type **static_types;
static size_t n_static_types, cap_static_types;

static int register_static_type(wf_type *type) {
    int r = 0;
    wf_mutex_lock(&static_types_mutex);
    if (n_static_types == cap_static_types) {
        size_t nc = cap_static_types ? cap_static_types * 2 : 64;
        wf_type **ni = realloc(static_types, nc * sizeof *ni);
        if (ni) {
            static_types = ni;
            cap_static_types = nc;
        }
    }
    if (n_static_types < cap_static_types) static_types[n_static_types++] = type;
    else r = -1;
    wf_mutex_unlock(&static_types_mutex);
    return r;
}

void wfo_type_unready(wf_type *type);

/* Undo wf_type_ready for every static type, most recent first.  Called by
 * wf_objects_fini when no other thread exists. */
void wfo_static_types_fini(void) {
    while (n_static_types > 0) wfo_type_unready(static_types[--n_static_types]);
    free(static_types);
    static_types = NULL;
    cap_static_types = 0;
}

int wf_type_ready(wf_type *type) {
    if (type->tp_flags & WF_TPFLAGS_READY) return 0;
    if (type->tp_flags & WF_TPFLAGS_READYING) return 0;
    type->tp_flags |= WF_TPFLAGS_READYING;
    wf_type *base = type->tp_base;
    if (!base && type != &wf_object_type) base = type->tp_base = &wf_object_type;
    if (base && wf_type_ready(base) < 0) goto fail;
    if (!WF_TYPE(type) && base) ((wf_object *)type)->ob_type = WF_TYPE(base);
    if (!type->tp_bases) {
        type->tp_bases = base ? wf_tuple_pack(1, (wf_object *)base) : wf_tuple_new(0);
        if (!type->tp_bases) goto fail;
    }
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(type->tp_bases); i++)
        if (wf_type_ready((wf_type *)WF_TUPLE_ITEM(type->tp_bases, i)) < 0) goto fail;
    if (base) {
        type->tp_flags |= base->tp_flags & WF_TPFLAGS_SUBCLASS_MASK;
        if (!type->tp_basicsize) type->tp_basicsize = base->tp_basicsize;
        if (!type->tp_itemsize) type->tp_itemsize = base->tp_itemsize;
        if (!type->tp_dictoffset) type->tp_dictoffset = base->tp_dictoffset;
        if (!type->tp_weaklistoffset) type->tp_weaklistoffset = base->tp_weaklistoffset; /* weakref */
    }
    if (!type->tp_dict) {
        type->tp_dict = wf_dict_new();
        if (!type->tp_dict) goto fail;
    }
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) {
        if (wfo_type_add_slot_wrappers(type) < 0) goto fail;
        if (wfo_type_add_methods(type) < 0) goto fail;
        if (!dict_has(type, WFO_ID(__doc__))) {
            wf_object *doc = type->tp_doc ? wf_str_from_cstr(type->tp_doc) : wf_newref(wf_None);
            if (!doc) goto fail;
            int r = wf_dict_set_item(type->tp_dict, WFO_ID(__doc__), doc);
            wf_decref(doc);
            if (r < 0) goto fail;
        }
    }
    if (mro_internal(type) < 0) goto fail;
    for (wf_ssize_t i = 1; i < WF_TUPLE_SIZE(type->tp_mro); i++) {
        wf_type *b = (wf_type *)WF_TUPLE_ITEM(type->tp_mro, i);
        inherit_slots(type, b);
    }
    if (type->tp_hash == wf_object_hash_not_implemented && !dict_has(type, WFO_ID(__hash__)))
        if (wf_dict_set_item(type->tp_dict, WFO_ID(__hash__), wf_None) < 0) goto fail;
    /* Static types keep no __module__ entry (dir(int) has none, as in
     * CPython): type_module derives it from tp_name. */
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(type->tp_bases); i++)
        wfo_type_add_subclass((wf_type *)WF_TUPLE_ITEM(type->tp_bases, i), type);
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE) && register_static_type(type) < 0) {
        wf_err_no_memory();
        goto fail;
    }
    type->tp_flags = (type->tp_flags & ~WF_TPFLAGS_READYING) | WF_TPFLAGS_READY;
    atomic_exchange(&type->tp_version_tag, new_version_tag());
    return 0;
fail:
    type->tp_flags &= ~WF_TPFLAGS_READYING;
    return -1;
}

/* Undo wf_type_ready for a static type (wf_objects_fini). */
void wfo_type_unready(wf_type *type) {
    if (!(type->tp_flags & WF_TPFLAGS_READY)) return;
    wf_object *d = type->tp_dict, *m = type->tp_mro, *b = type->tp_bases;
    /* No tag until readied again: cache entries of this life stay dead. */
    atomic_store(&type->tp_version_tag, 0);
    type->tp_dict = type->tp_mro = type->tp_bases = NULL;
    if (d) { wf_dict_clear(d); wf_decref(d); }
    wf_xdecref(m);
    wf_xdecref(b);
    free_subclass_list(type);
    type->tp_flags &= ~WF_TPFLAGS_READY;
}

/* ---------------------------------------------------------------------------
 * Methods, members, getsets into the dict (static types)
 */
int wfo_type_add_methods(wf_type *type) {
    wf_object *dict = type->tp_dict;
    for (wf_method_def *ml = type->tp_methods; ml && ml->ml_name; ml++) {
        wf_object *name = wf_str_intern_cstr(ml->ml_name);
        if (!name) return -1;
        if (wf_dict_contains(dict, name) > 0 && !(ml->ml_flags & WF_METH_CLASS)) continue;
        wf_object *d;
        if (ml->ml_flags & WF_METH_STATIC) {
            wf_object *f = wf_cfunction_new(ml, NULL, NULL);
            d = f ? wf_staticmethod_new(f) : NULL;
            wf_xdecref(f);
        } else {
            d = wfo_method_descr_new(type, ml);
        }
        if (!d) return -1;
        int r = wf_dict_set_item(dict, name, d);
        wf_decref(d);
        if (r < 0) return -1;
    }
    for (wf_member_def *m = type->tp_members; m && m->name; m++) {
        wf_object *name = wf_str_intern_cstr(m->name);
        if (!name) return -1;
        if (wf_dict_contains(dict, name) > 0) continue;
        wf_object *d = wfo_member_descr_new(type, m);
        if (!d) return -1;
        int r = wf_dict_set_item(dict, name, d);
        wf_decref(d);
        if (r < 0) return -1;
    }
    for (wf_getset_def *g = type->tp_getset; g && g->name; g++) {
        wf_object *name = wf_str_intern_cstr(g->name);
        if (!name) return -1;
        if (wf_dict_contains(dict, name) > 0) continue;
        wf_object *d = wfo_getset_descr_new(type, g);
        if (!d) return -1;
        int r = wf_dict_set_item(dict, name, d);
        wf_decref(d);
        if (r < 0) return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * Calling a type: T(*args, **kwargs)
 */
wf_object *wfo_type_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                         wf_object *kwnames) {
    wf_type *type = (wf_type *)callable;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (type == &wf_type_type && nargs == 1 && (!kwnames || WF_TUPLE_SIZE(kwnames) == 0))
        return wf_newref((wf_object *)WF_TYPE(args[0]));
    if (type->tp_vectorcall && WF_TYPE(type) == &wf_type_type)
        return type->tp_vectorcall(callable, args, nargsf, kwnames);
    if (!type->tp_new) {
        return wf_err_format(&wf_exc_TypeError, "cannot create '%s' instances", type->tp_name);
    }
    wf_object *kwargs = NULL;
    wf_object *tup = wf_vectorcall_to_tuple_dict(args, nargs, kwnames, &kwargs);
    if (!tup) return NULL;
    wf_object *obj = type->tp_new(type, tup, kwargs);
    if (obj && wf_type_is_subtype(WF_TYPE(obj), type) && WF_TYPE(obj)->tp_init) {
        if (WF_TYPE(obj)->tp_init(obj, tup, kwargs) < 0) {
            wf_decref(obj);
            obj = NULL;
        }
    }
    wf_decref(tup);
    wf_xdecref(kwargs);
    return obj;
}

/* ---------------------------------------------------------------------------
 * type's own attribute protocol
 */
static wf_object *type_getattro(wf_object *o, wf_object *name) {
    wf_type *type = (wf_type *)o, *meta = WF_TYPE(o);
    if (!WF_STR_CHECK(name))
        return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'",
                             wf_type_name(WF_TYPE(name)));
    wf_object *meta_attr = wfo_type_lookup_ref(meta, name); /* new references (typecache.h) */
    wf_descrgetfunc meta_get = NULL;
    if (meta_attr) {
        meta_get = WF_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && WF_TYPE(meta_attr)->tp_descr_set) {
            wf_object *r = meta_get(meta_attr, o, (wf_object *)meta);
            wf_decref(meta_attr);
            return r;
        }
    }
    wf_object *attr = wfo_type_lookup_ref(type, name);
    if (attr) {
        wf_descrgetfunc get = WF_TYPE(attr)->tp_descr_get;
        wf_xdecref(meta_attr);
        if (get) {
            wf_object *r = get(attr, NULL, o);
            wf_decref(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        wf_object *r = meta_get(meta_attr, o, (wf_object *)meta);
        wf_decref(meta_attr);
        return r;
    }
    if (meta_attr) return meta_attr;
    wf_err_format(&wf_exc_AttributeError, "type object '%s' has no attribute '%U'",
                  wf_type_name(type), name);
    return NULL;
}

/* A plain function that becomes a class attribute is a method, called from
 * whichever thread uses the class: per-thread counts, as for top-level
 * functions (MAKE_FUNCTION).  This covers what MAKE_FUNCTION leaves to
 * reference counting because it was made inside another function: the
 * methods of a class defined in a function, and methods generated and
 * attached later (dataclasses' __init__, made by a factory function).  The
 * function need not be private: while the process has one thread the call
 * only marks it (no other thread can read the flags), and afterwards it
 * converts it only if we own it (weft/object.h). */
static void method_for_threads(wf_object *value) {
    if (value && WFV_FUNCTION_CHECK(value) && !wf_is_perthread(value))
        wf_perthread_enable_for_threads(value);
}

static void methods_for_threads(wf_type *type) {
    wf_ssize_t pos = 0;
    wf_object *v;
    while (wf_dict_next(type->tp_dict, &pos, NULL, &v)) {
        method_for_threads(v);
        wf_decref(v);
    }
}

static int type_setattro(wf_object *o, wf_object *name, wf_object *value) {
    wf_type *type = (wf_type *)o;
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) {
        wf_err_format(&wf_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                      wf_type_name(type));
        return -1;
    }
    if (!WF_STR_CHECK(name)) {
        wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'",
                      wf_type_name(WF_TYPE(name)));
        return -1;
    }
    /* Data descriptors of the metatype take precedence. */
    wf_object *meta_attr = wfo_type_lookup_ref(WF_TYPE(o), name); /* new reference */
    if (meta_attr) {
        wf_descrsetfunc set = WF_TYPE(meta_attr)->tp_descr_set;
        if (set) {
            int r = set(meta_attr, o, value);
            wf_decref(meta_attr);
            return r;
        }
        wf_decref(meta_attr);
    }
    name = wf_str_intern(wf_newref(name));
    /* Store, then bump the tag, then release the old value (typecache.h). */
    int r = wfo_type_dict_store(type, name, value);
    if (r == 0) method_for_threads(value);
    if (r == 1) {
        wf_err_format(&wf_exc_AttributeError, "type object '%s' has no attribute '%U'",
                      wf_type_name(type), name);
        r = -1;
    }
    if (r == 0 && wfo_is_dunder(name)) {
        WF_BEGIN_CRITICAL_SECTION(o);
        r = wfo_update_slot(type, name);
        WF_END_CRITICAL_SECTION();
    }
    wf_decref(name);
    return r;
}

/* type.__module__: the heap type's dict entry (NULL, no error, when
 * absent); for static types the part of tp_name before the last dot, else
 * 'builtins'.  New reference. */
static wf_object *type_module(wf_type *type) {
    wf_object *mod = NULL;
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) {
        const char *dot = strrchr(type->tp_name, '.');
        return dot ? wf_str_from_utf8(type->tp_name, dot - type->tp_name) : wf_str_from_cstr("builtins");
    }
    if (type->tp_dict && wf_dict_get_item_ref(type->tp_dict, WFO_ID(__module__), &mod) < 0) wf_err_clear();
    return mod;
}

static wf_object *ht_field_ref(wf_type *t, wf_object **field);

static wf_object *type_repr(wf_object *o) {
    wf_type *type = (wf_type *)o;
    wf_object *mod = type_module(type), *qual = NULL;
    if (!mod) wf_err_clear();
    if (wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) qual = ht_field_ref(type, &((wf_heaptype *)type)->ht_qualname);
    else qual = wf_str_from_cstr(wf_type_name(type));
    wf_object *r;
    if (!qual) r = NULL;
    else if (mod && WF_STR_CHECK(mod) && !wf_str_eq_cstr(mod, "builtins"))
        r = wf_str_from_format("<class '%U.%U'>", mod, qual);
    else
        r = wf_str_from_format("<class '%U'>", qual);
    wf_xdecref(mod);
    wf_xdecref(qual);
    return r;
}

/* ---------------------------------------------------------------------------
 * type.__new__: heap types
 */
static wf_type *solid_base(wf_type *t) {
    wf_type *base = t->tp_base ? solid_base(t->tp_base) : &wf_object_type;
    /* t adds fields to its base iff its basicsize is larger (ignoring a
     * dict pointer that heap types add). */
    size_t extra = t->tp_basicsize - (t->tp_base ? t->tp_base->tp_basicsize : 0);
    if (t->tp_base && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) {
        size_t dict_extra = (t->tp_dictoffset > 0 && t->tp_base->tp_dictoffset == 0) ? sizeof(void *) : 0;
        /* weakref: a weaklist pointer added by the heap part is not a field either. */
        if (t->tp_weaklistoffset > 0 && t->tp_base->tp_weaklistoffset == 0) dict_extra += sizeof(void *);
        if (extra == dict_extra) return base;
        return t;
    }
    if (t->tp_base && extra == 0 && t->tp_itemsize == t->tp_base->tp_itemsize) return base;
    return t;
}

static wf_type *best_base(wf_object *bases) {
    wf_type *winner = NULL, *base = NULL;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(bases); i++) {
        wf_object *b = WF_TUPLE_ITEM(bases, i);
        if (!WF_TYPE_CHECK(b)) {
            wf_err_set_string(&wf_exc_TypeError, "bases must be types");
            return NULL;
        }
        wf_type *bt = (wf_type *)b;
        if (!wf_type_has_flag(bt, WF_TPFLAGS_BASETYPE)) {
            wf_err_format(&wf_exc_TypeError, "type '%s' is not an acceptable base type",
                          wf_type_name(bt));
            return NULL;
        }
        wf_type *cand = solid_base(bt);
        if (!winner) { winner = cand; base = bt; }
        else if (wf_type_is_subtype(winner, cand)) { /* keep */ }
        else if (wf_type_is_subtype(cand, winner)) { winner = cand; base = bt; }
        else {
            wf_err_set_string(&wf_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static wf_type *calculate_metaclass(wf_type *meta, wf_object *bases) {
    wf_type *winner = meta;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(bases); i++) {
        wf_type *t = WF_TYPE(WF_TUPLE_ITEM(bases, i));
        if (wf_type_is_subtype(winner, t)) continue;
        if (wf_type_is_subtype(t, winner)) { winner = t; continue; }
        wf_err_set_string(&wf_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                          "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* __weakref__ of heap-type instances: the first weak reference, or None. */
static wf_object *subtype_get_weakref(wf_object *o, void *c) {
    return wf_weakref_instance_getter(o, c); /* weakref: first weakref or None */
}
/* weakref: __slots__ classes that name __weakref__ (no __dict__). */
static wf_getset_def subtype_weakref_getset[] = {
    {"__weakref__", subtype_get_weakref, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_getset_def subtype_dict_getset[] = {
    {"__dict__", wfo_object_get_dict, wfo_object_set_dict, NULL, NULL},
    {"__weakref__", subtype_get_weakref, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int valid_identifier(wf_object *s) {
    wf_ssize_t n = wf_str_len(s);
    if (n == 0) return 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(s, i);
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128 ||
              (i > 0 && c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

static int set_names(wf_type *type) {
    wf_object *items = wf_dict_items(type->tp_dict);
    if (!items) return -1;
    int rc = 0;
    for (wf_ssize_t i = 0; i < wf_list_size(items) && rc == 0; i++) {
        wf_object *pair = wf_list_get_item(items, i);
        wf_object *k = WF_TUPLE_ITEM(pair, 0), *v = WF_TUPLE_ITEM(pair, 1);
        /* One lookup (wfo_call_special holds a new reference): v's class
         * may be rebinding __set_name__ in another thread. */
        wf_object *args[2] = {(wf_object *)type, k};
        int found;
        wf_object *r = wfo_call_special(v, WFO_ID(__set_name__), args, 2, &found);
        if (found) {
            if (r) {
                wf_decref(r);
            } else {
                /* CPython 3.11 wraps the error (3.12 dropped this). */
                rc = -1;
                wf_object *cause = wf_err_fetch();
                wf_err_format(&wf_exc_RuntimeError, "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                              wf_type_name(WF_TYPE(v)), k, wf_type_name(type));
                wf_object *ne = wf_err_fetch();
                if (ne && cause) {
                    wf_exc_set_context_chained(ne, cause);
                    wf_exc_set_cause(ne, cause);
                }
                wf_err_restore(ne);
                wf_xdecref(cause);
            }
        }
        wf_decref(pair);
    }
    wf_decref(items);
    return rc;
}

static int init_subclass(wf_type *type, wf_object *kwargs) {
    /* super(type, type).__init_subclass__(**kwargs) */
    wf_object *mro = type->tp_mro;
    wf_object *func = NULL;
    for (wf_ssize_t i = 1; i < WF_TUPLE_SIZE(mro); i++) {
        wf_type *b = (wf_type *)WF_TUPLE_ITEM(mro, i);
        wf_object *v;
        if (wf_dict_get_item_ref(b->tp_dict, WFO_ID(__init_subclass__), &v) > 0) {
            func = v;
            break;
        }
    }
    if (!func) return 0;
    wf_object *bound;
    wf_descrgetfunc get = WF_TYPE(func)->tp_descr_get;
    if (get) bound = get(func, NULL, (wf_object *)type);
    else bound = wf_newref(func);
    wf_decref(func);
    if (!bound) return -1;
    wf_object *empty = wf_tuple_new(0);
    wf_object *r = empty ? wf_object_call(bound, empty, kwargs) : NULL;
    wf_xdecref(empty);
    wf_decref(bound);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static wf_object *type_new_impl(wf_type *meta, wf_object *name, wf_object *bases, wf_object *orig_dict,
                                wf_object *kwargs) {
    if (!WF_STR_CHECK(name) || !WF_TUPLE_CHECK(bases) || !WF_DICT_CHECK(orig_dict)) {
        return wf_err_set_string(&wf_exc_TypeError, "type.__new__() argument 1 must be str"), NULL;
    }
    wf_type *winner = calculate_metaclass(meta, bases);
    if (!winner) return NULL;
    if (winner != meta && winner->tp_new != meta->tp_new) {
        wf_object *args = wf_tuple_pack(3, name, bases, orig_dict);
        if (!args) return NULL;
        wf_object *r = winner->tp_new(winner, args, kwargs);
        wf_decref(args);
        return r;
    }
    meta = winner;
    wf_object *own_bases = NULL;
    if (WF_TUPLE_SIZE(bases) == 0) own_bases = wf_tuple_pack(1, (wf_object *)&wf_object_type);
    else own_bases = wf_newref(bases);
    if (!own_bases) return NULL;
    wf_type *base = best_base(own_bases);
    if (!base) { wf_decref(own_bases); return NULL; }
    wf_object *dict = wf_dict_copy(orig_dict);
    if (!dict) { wf_decref(own_bases); return NULL; }

    /* __slots__ */
    wf_object *slots = NULL;
    wf_object *slots_src = NULL;
    /* Classes keep their namespace in tp_dict: a metaclass adds no
     * instance __dict__ (it would hide type.__dict__). */
    int add_dict = base->tp_dictoffset == 0 && !wf_type_is_subtype(base, &wf_type_type);
    /* weakref: a weaklist slot unless the base has one or is var-sized. */
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    int add_weak = may_add_weak;
    int nslots = 0;
    if (wf_dict_get_item_ref(dict, WFO_ID(__slots__), &slots_src) > 0) {
        if (WF_STR_CHECK(slots_src)) slots = wf_tuple_pack(1, slots_src);
        else slots = wf_sequence_tuple(slots_src);
        wf_decref(slots_src);
        if (!slots) goto fail_early;
        add_dict = 0;
        add_weak = 0; /* weakref: only if __slots__ names __weakref__ */
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(slots); i++) {
            wf_object *s = WF_TUPLE_ITEM(slots, i);
            if (!WF_STR_CHECK(s)) {
                wf_err_format(&wf_exc_TypeError, "__slots__ items must be strings, not '%s'",
                              wf_type_name(WF_TYPE(s)));
                goto fail_early;
            }
            if (!valid_identifier(s)) {
                wf_err_set_string(&wf_exc_TypeError, "__slots__ must be identifiers");
                goto fail_early;
            }
            if (wf_str_eq_cstr(s, "__dict__")) {
                if (base->tp_dictoffset) {
                    wf_err_set_string(&wf_exc_TypeError, "__dict__ slot disallowed: we already got one");
                    goto fail_early;
                }
                add_dict = 1;
                continue;
            }
            if (wf_str_eq_cstr(s, "__weakref__")) {
                /* weakref */
                if (!may_add_weak || add_weak) {
                    wf_err_set_string(&wf_exc_TypeError,
                                      "__weakref__ slot disallowed: either we already got one, "
                                      "or __itemsize__ != 0");
                    goto fail_early;
                }
                add_weak = 1;
                continue;
            }
            if (wf_dict_contains(dict, s) > 0) {
                wf_err_format(&wf_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
                goto fail_early;
            }
            nslots++;
        }
        if (nslots && base->tp_itemsize) {
            wf_err_format(&wf_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                          wf_type_name(base));
            goto fail_early;
        }
    }

    wf_heaptype *ht = (wf_heaptype *)wf_type_generic_alloc(meta, 0);
    if (!ht) goto fail_early;
    wf_type *type = &ht->ht_type;
    type->tp_as_number = &ht->as_number;
    type->tp_as_sequence = &ht->as_sequence;
    type->tp_as_mapping = &ht->as_mapping;
    type->tp_flags = WF_TPFLAGS_HEAPTYPE | WF_TPFLAGS_BASETYPE | (base->tp_flags & WF_TPFLAGS_SUBCLASS_MASK);
    ht->ht_name = wf_newref(name);
    wf_ssize_t nlen;
    const char *nutf8 = wf_str_utf8(name, &nlen);
    if (!nutf8) goto fail;
    ht->ht_name_utf8 = wfm_malloc((size_t)nlen + 1);
    if (!ht->ht_name_utf8) { wf_err_no_memory(); goto fail; }
    memcpy(ht->ht_name_utf8, nutf8, (size_t)nlen + 1);
    type->tp_name = ht->ht_name_utf8;
    type->tp_base = base;
    type->tp_bases = own_bases;
    own_bases = NULL;
    type->tp_dict = dict;
    dict = NULL;
    ht->ht_slots = slots;
    slots = NULL;
    wf_incref((wf_object *)base);

    /* __qualname__, __module__ */
    wf_object *qual = NULL;
    if (wf_dict_get_item_ref(type->tp_dict, WFO_ID(__qualname__), &qual) > 0) {
        if (!WF_STR_CHECK(qual)) {
            wf_err_format(&wf_exc_TypeError, "type __qualname__ must be a str, not %s",
                          wf_type_name(WF_TYPE(qual)));
            wf_decref(qual);
            goto fail;
        }
        if (wf_dict_pop(type->tp_dict, WFO_ID(__qualname__), NULL) < 0) { wf_decref(qual); goto fail; }
        ht->ht_qualname = qual;
    } else {
        ht->ht_qualname = wf_newref(name);
    }
    if (wf_dict_contains(type->tp_dict, WFO_ID(__module__)) == 0) {
        /* type(name, bases, dict) called directly: the caller's __name__ */
        wf_object *g = wfv_current_globals(), *modname = NULL;
        if (g && WF_DICT_CHECK(g) && wf_dict_get_item_ref(g, WFO_ID(__name__), &modname) > 0) {
            int r = wf_dict_set_item(type->tp_dict, WFO_ID(__module__), modname);
            wf_decref(modname);
            if (r < 0) goto fail;
        }
        if (wf_err_occurred()) goto fail;
    }
    if (wf_dict_contains(type->tp_dict, WFO_ID(__doc__)) <= 0 &&
        wf_dict_set_item(type->tp_dict, WFO_ID(__doc__), wf_None) < 0)
        goto fail;

    /* __new__ is a static method; __init_subclass__/__class_getitem__ class methods. */
    wf_object *v;
    if (wf_dict_get_item_ref(type->tp_dict, WFO_ID(__new__), &v) > 0) {
        if (WF_TYPE(v)->tp_descr_get && WF_TYPE(v) != &wf_staticmethod_type &&
            WF_TYPE(v) != &wf_classmethod_type) {
            wf_object *sm = wf_staticmethod_new(v);
            if (!sm || wf_dict_set_item(type->tp_dict, WFO_ID(__new__), sm) < 0) {
                wf_xdecref(sm); wf_decref(v); goto fail;
            }
            wf_decref(sm);
        }
        wf_decref(v);
    }
    wf_object *cm_names[2] = {WFO_ID(__init_subclass__), WFO_ID(__class_getitem__)};
    for (int i = 0; i < 2; i++) {
        if (wf_dict_get_item_ref(type->tp_dict, cm_names[i], &v) > 0) {
            if (WF_TYPE(v)->tp_descr_get && WF_TYPE(v) != &wf_classmethod_type &&
                WF_TYPE(v) != &wf_staticmethod_type) {
                wf_object *cm = wf_classmethod_new(v);
                if (!cm || wf_dict_set_item(type->tp_dict, cm_names[i], cm) < 0) {
                    wf_xdecref(cm); wf_decref(v); goto fail;
                }
                wf_decref(cm);
            }
            wf_decref(v);
        }
    }

    /* Layout: base fields, then __slots__, then the dict pointer. */
    size_t size = base->tp_basicsize;
    type->tp_itemsize = base->tp_itemsize;
    if (nslots) {
        ht->ht_members = wfm_calloc((size_t)nslots + 1, sizeof(wf_member_def));
        if (!ht->ht_members) { wf_err_no_memory(); goto fail; }
        int k = 0;
        size = (size + 7) & ~(size_t)7;
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(ht->ht_slots); i++) {
            wf_object *s = WF_TUPLE_ITEM(ht->ht_slots, i);
            if (wf_str_eq_cstr(s, "__dict__") || wf_str_eq_cstr(s, "__weakref__")) continue;
            ht->ht_members[k].name = wf_str_utf8(s, NULL);
            ht->ht_members[k].type = WF_T_OBJECT_EX;
            ht->ht_members[k].offset = size;
            size += sizeof(wf_object *);
            wf_object *d = wfo_member_descr_new(type, &ht->ht_members[k]);
            if (!d || wf_dict_set_item(type->tp_dict, s, d) < 0) { wf_xdecref(d); goto fail; }
            wf_decref(d);
            k++;
        }
    }
    if (add_dict) {
        if (base->tp_itemsize) {
            type->tp_dictoffset = -1;
        } else {
            size = (size + 7) & ~(size_t)7;
            type->tp_dictoffset = (wf_ssize_t)size;
            size += sizeof(wf_object *);
        }
        type->tp_flags |= WF_TPFLAGS_HAS_DICT;
        type->tp_getset = subtype_dict_getset;
    }
    if (add_weak) { /* weakref: the weaklist head after the dict pointer */
        size = (size + 7) & ~(size_t)7;
        type->tp_weaklistoffset = (wf_ssize_t)size;
        size += sizeof(wf_object *);
        if (!add_dict) type->tp_getset = subtype_weakref_getset;
    }
    type->tp_basicsize = size;
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse; /* gc */
    type->tp_clear = subtype_clear;       /* gc */
    type->tp_doc = NULL;
    if ((add_dict || add_weak) && wfo_type_add_methods(type) < 0) goto fail;
    if (wf_type_ready(type) < 0) goto fail;
    /* __classcell__ (added by "builtins"): the class body's __class__ cell
     * is filled with the new class and the entry removed, as CPython's
     * type_new_set_classcell. */
    wf_object *classcell = NULL;
    int has_cell = wf_dict_get_item_ref(type->tp_dict, WFO_ID(__classcell__), &classcell);
    if (has_cell < 0) goto fail;
    if (has_cell > 0) {
        if (WF_TYPE(classcell) != &wfv_cell_type) {
            wf_err_format(&wf_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                          (wf_object *)WF_TYPE(classcell));
            wf_decref(classcell);
            goto fail;
        }
        wfv_cell_set(classcell, (wf_object *)type);
        wf_decref(classcell);
        if (wf_dict_del_item(type->tp_dict, WFO_ID(__classcell__)) < 0) goto fail;
    }
    wfo_type_fixup_slots(type);
    /* The tag was assigned by wf_type_ready; the __classcell__ removal and
     * fixup's __hash__ = None wrote the dict since (typecache.h). */
    wf_type_modified(type);
    if (set_names(type) < 0) goto fail;
    if (init_subclass(type, kwargs) < 0) goto fail;
    /* Every instance counts a reference to its class, from whichever
     * thread makes it: per-thread counts (weft/object.h). */
    wf_perthread_enable_for_threads((wf_object *)type);
    methods_for_threads(type);
    return (wf_object *)type;

fail:
    wf_decref((wf_object *)ht);
    wf_xdecref(own_bases);
    wf_xdecref(dict);
    wf_xdecref(slots);
    return NULL;
fail_early:
    wf_xdecref(slots);
    wf_decref(own_bases);
    wf_decref(dict);
    return NULL;
}

static wf_object *type_new(wf_type *meta, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (meta == &wf_type_type && n == 1 && (!kwargs || wf_dict_size(kwargs) == 0))
        return wf_newref((wf_object *)WF_TYPE(WF_TUPLE_ITEM(args, 0)));
    if (n != 3 && n != 1) {
        wf_err_set_string(&wf_exc_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    if (n == 1) {
        wf_err_set_string(&wf_exc_TypeError, "type.__new__() takes exactly 3 arguments (1 given)");
        return NULL;
    }
    wf_object *name = WF_TUPLE_ITEM(args, 0), *bases = WF_TUPLE_ITEM(args, 1),
              *dict = WF_TUPLE_ITEM(args, 2);
    if (!WF_STR_CHECK(name))
        return wf_err_format(&wf_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                             wf_type_name(WF_TYPE(name)));
    if (!WF_TUPLE_CHECK(bases))
        return wf_err_format(&wf_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             wf_type_name(WF_TYPE(bases)));
    if (!WF_DICT_CHECK(dict))
        return wf_err_format(&wf_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             wf_type_name(WF_TYPE(dict)));
    return type_new_impl(meta, name, bases, dict, kwargs);
}

static int type_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n != 1 && n != 3) {
        wf_err_set_string(&wf_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

wf_object *wf_type_new_from_spec(const char *name, wf_object *bases, wf_object *dict) {
    wf_object *n = wf_str_from_cstr(name);
    if (!n) return NULL;
    wf_object *r = type_new_impl(&wf_type_type, n, bases, dict, NULL);
    wf_decref(n);
    return r;
}

static void type_dealloc(wf_object *o) {
    wf_type *type = (wf_type *)o;
    wf_heaptype *ht = (wf_heaptype *)o;
    wf_weakref_on_dealloc(o); /* weakref */
    if (type->tp_bases)
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(type->tp_bases); i++)
            wfo_type_remove_subclass((wf_type *)WF_TUPLE_ITEM(type->tp_bases, i), type);
    if (type->tp_base) wf_decref((wf_object *)type->tp_base);
    WF_CLEAR(type->tp_dict);
    WF_CLEAR(type->tp_mro);
    WF_CLEAR(type->tp_bases);
    WF_CLEAR(ht->ht_name);
    WF_CLEAR(ht->ht_qualname);
    WF_CLEAR(ht->ht_slots);
    wfm_free(ht->ht_name_utf8);
    wfm_free(ht->ht_members);
    free_subclass_list(type);
    /* gc: the reference to a heap metaclass is dropped by subtype_dealloc
     * (the dealloc of every heap metaclass's instances, which ends by
     * calling this one); dropping it here too freed the metaclass early. */
    wfm_object_free(o);
}

/* The cycle collector's view of heap types: a heap type refers to itself
 * through tp_mro and through the descriptors in tp_dict, so only clearing
 * those (tp_clear) lets its count reach zero.  Static types are never
 * collected. */
static int type_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_type *type = (wf_type *)o;
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) return 0;
    wf_heaptype *ht = (wf_heaptype *)o;
    wf_object *refs[] = {type->tp_dict, type->tp_mro, type->tp_bases, (wf_object *)type->tp_base,
                         ht->ht_name, ht->ht_qualname, ht->ht_slots};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i] && visit(refs[i], arg)) return -1;
    return 0;
}

static int type_clear(wf_object *o) {
    wf_type *type = (wf_type *)o;
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE)) return 0;
    wf_object *d = type->tp_dict, *m = type->tp_mro;
    type->tp_dict = type->tp_mro = NULL;
    if (d) {
        wf_dict_clear(d);
        wf_decref(d);
    }
    wf_xdecref(m);
    wf_type_modified(type);
    return 0;
}

/* getsets of type */
/* A heap type's __name__ / __qualname__ object (a new reference).  The
 * setters swap them under the type's critical section and release the old
 * one after it, so readers take their reference inside the same section. */
static wf_object *ht_field_ref(wf_type *t, wf_object **field) {
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(t);
    r = wf_newref(*field);
    WF_END_CRITICAL_SECTION();
    return r;
}

static wf_object *type_get_name(wf_object *o, void *c) {
    wf_type *t = (wf_type *)o;
    if (wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) return ht_field_ref(t, &((wf_heaptype *)t)->ht_name);
    return wf_str_from_cstr(wf_type_name(t));
}
static int type_set_name(wf_object *o, wf_object *v, void *c) {
    wf_type *t = (wf_type *)o;
    if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) {
        wf_err_format(&wf_exc_TypeError, "cannot set '__name__' attribute of immutable type '%s'",
                      wf_type_name(t));
        return -1;
    }
    if (!v || !WF_STR_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      wf_type_name(t), v ? wf_type_name(WF_TYPE(v)) : "NoneType");
        return -1;
    }
    wf_heaptype *ht = (wf_heaptype *)t;
    wf_ssize_t n;
    const char *u = wf_str_utf8(v, &n);
    if (!u) return -1;
    char *copy = wfm_malloc((size_t)n + 1);
    if (!copy) { wf_err_no_memory(); return -1; }
    memcpy(copy, u, (size_t)n + 1);
    /* The old name buffer may still be read by a concurrent repr: free it
     * after a grace period.  Setters are serialised by the type's critical
     * section, so each old buffer and name is released exactly once. */
    wf_incref(v);
    char *old;
    wf_object *oldn;
    WF_BEGIN_CRITICAL_SECTION(t);
    old = ht->ht_name_utf8;
    oldn = ht->ht_name;
    ht->ht_name_utf8 = copy;
    atomic_store_explicit((const char *_Atomic *)&t->tp_name, copy, memory_order_release);
    ht->ht_name = v;
    WF_END_CRITICAL_SECTION();
    wfm_free_delayed(old);
    wf_decref(oldn);
    return 0;
}
static wf_object *type_get_qualname(wf_object *o, void *c) {
    wf_type *t = (wf_type *)o;
    if (wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) return ht_field_ref(t, &((wf_heaptype *)t)->ht_qualname);
    return wf_str_from_cstr(wf_type_name(t));
}
static int type_set_qualname(wf_object *o, wf_object *v, void *c) {
    wf_type *t = (wf_type *)o;
    if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE) || !v || !WF_STR_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "can only assign string to %s.__qualname__", wf_type_name(t));
        return -1;
    }
    wf_heaptype *ht = (wf_heaptype *)t;
    wf_object *old;
    wf_incref(v);
    WF_BEGIN_CRITICAL_SECTION(t);
    old = ht->ht_qualname;
    ht->ht_qualname = v;
    WF_END_CRITICAL_SECTION();
    wf_decref(old);
    return 0;
}
static wf_object *type_get_module(wf_object *o, void *c) {
    wf_type *t = (wf_type *)o;
    wf_object *m = type_module(t);
    if (m || wf_err_occurred()) return m;
    return wf_err_format(&wf_exc_AttributeError, "__module__");
}
static int type_set_module(wf_object *o, wf_object *v, void *c) {
    wf_type *t = (wf_type *)o;
    if (!wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) {
        wf_err_format(&wf_exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'",
                      wf_type_name(t));
        return -1;
    }
    int r = wfo_type_dict_store(t, WFO_ID(__module__), v); /* bumps the tag */
    if (r == 1) {
        wf_err_set_object(&wf_exc_KeyError, WFO_ID(__module__));
        r = -1;
    }
    return r;
}
static wf_object *type_get_dict(wf_object *o, void *c) {
    /* a read-only mappingproxy over the class dict (mappingproxy.c) */
    return wf_mappingproxy_new(((wf_type *)o)->tp_dict);
}
/* tp_mro/tp_bases may be replaced concurrently (__bases__ assignment): an
 * acquire load, and the old tuple outlives a grace period (no safe point
 * between the load and the incref). */
static wf_object *type_get_mro(wf_object *o, void *c) {
    wf_object *m = atomic_load_explicit((wf_object *_Atomic *)&((wf_type *)o)->tp_mro, memory_order_acquire);
    return m ? wf_newref(m) : wf_newref(wf_None);
}
static wf_object *type_get_bases(wf_object *o, void *c) {
    return wf_newref(atomic_load_explicit((wf_object *_Atomic *)&((wf_type *)o)->tp_bases, memory_order_acquire));
}
static wf_object *type_get_base(wf_object *o, void *c) {
    wf_type *b = ((wf_type *)o)->tp_base;
    return wf_newref(b ? (wf_object *)b : wf_None);
}
static wf_object *type_get_doc(wf_object *o, void *c) {
    wf_type *t = (wf_type *)o;
    wf_object *d;
    int r = wf_dict_get_item_ref(t->tp_dict, WFO_ID(__doc__), &d);
    if (r < 0) return NULL;
    if (r == 0) WF_RETURN_NONE;
    wf_descrgetfunc get = WF_TYPE(d)->tp_descr_get;
    if (get) {
        wf_object *x = get(d, NULL, o);
        wf_decref(d);
        return x;
    }
    return d;
}
static wf_object *type_get_abstractmethods(wf_object *o, void *c) {
    wf_object *v = NULL;
    if (o != (wf_object *)&wf_type_type)
        wf_dict_get_item_ref(((wf_type *)o)->tp_dict, WFO_ID(__abstractmethods__), &v);
    if (!v) wf_err_set_object(&wf_exc_AttributeError, WFO_ID(__abstractmethods__));
    return v;
}
static int type_set_abstractmethods(wf_object *o, wf_object *v, void *c) {
    wf_type *t = (wf_type *)o;
    int abstract = 0, r;
    if (v) {
        abstract = wf_object_is_true(v);
        if (abstract < 0) return -1;
    }
    /* Stores (or deletes) and bumps the tag (typecache.h). */
    r = wfo_type_dict_store(t, WFO_ID(__abstractmethods__), v);
    if (r == 1) { wf_err_set_object(&wf_exc_AttributeError, WFO_ID(__abstractmethods__)); return -1; }
    if (r < 0) return -1;
    if (abstract) t->tp_flags |= WF_TPFLAGS_IS_ABSTRACT;
    else t->tp_flags &= ~WF_TPFLAGS_IS_ABSTRACT;
    return 0;
}

/* ---------------------------------------------------------------------------
 * __bases__ assignment (C.__bases__ = (B,)): new tp_bases, tp_base (the
 * best base) and tp_mro for the class and every subclass, subclass lists,
 * version tags and slots.
 *
 * Publication (readers walk tp_mro and read tp_bases without a lock or a
 * reference, typecache.c): the new tuples are stored with a release store
 * (readers that load with acquire see a complete tuple); the old tuples,
 * and the old tp_base's reference, are released only after an SMR grace
 * period (wfo_release_after_grace), when no thread can still hold the pointer it
 * loaded before the store.  tp_base is read with plain loads (instance
 * dealloc, slot inheritance) and is stored while the world is stopped, as
 * slot pointers are (typeslots.c); layout compatibility (below) makes the
 * old and new chain lead to the same static base.  Tags are bumped
 * (wf_type_modified) after the MROs are final and before the slots are
 * recomputed (those lookups must not hit entries of the old MRO).
 * Assignments are serialised by bases_mutex.  A metaclass mro() that
 * assigns __bases__ while an assignment on its own thread is computing
 * MROs gets a RuntimeError (CPython lets it nest) instead of waiting on
 * the mutex it already holds (in_bases_assignment, owner-only).
 */
static wf_mutex bases_mutex;
static _Thread_local bool in_bases_assignment;

static void release_later_cb(void *p) {
    /* At runtime shutdown (no registered thread) the memory goes with the
     * heap (wfm_fini); no object may be touched then. */
    if (wft_current()) wf_decref((wf_object *)p);
}

/* Drop o's reference after a grace period (steals it; objimpl.h). */
void wfo_release_after_grace(wf_object *o) {
    if (o) wft_smr_defer(wft_current(), release_later_cb, o);
}

/* CPython's tp_free split: a heap type's instances and those of types with
 * a traverse are collectable; the others are freed differently. */
static int gc_layout(wf_type *t) {
    return wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE | WF_TPFLAGS_HAVE_GC) || t->tp_traverse != NULL;
}

/* child adds nothing to its tp_base's instance layout. */
static int same_layout_as_base(wf_type *child) {
    wf_type *p = child->tp_base;
    return p && child->tp_basicsize == p->tp_basicsize && child->tp_itemsize == p->tp_itemsize &&
           child->tp_dictoffset == p->tp_dictoffset &&
           child->tp_weaklistoffset == p->tp_weaklistoffset && gc_layout(child) == gc_layout(p) &&
           (wf_type_has_flag(child, WF_TPFLAGS_HEAPTYPE) || child->tp_dealloc == p->tp_dealloc);
}

/* The __slots__ names of a heap type other than __dict__/__weakref__. */
static int slot_name_at(wf_type *t, wf_ssize_t *i, wf_object **out) {
    wf_object *sl = ((wf_heaptype *)t)->ht_slots;
    for (; sl && *i < WF_TUPLE_SIZE(sl); (*i)++) {
        wf_object *s = WF_TUPLE_ITEM(sl, *i);
        if (wf_str_eq_cstr(s, "__dict__") || wf_str_eq_cstr(s, "__weakref__")) continue;
        *out = s;
        (*i)++;
        return 1;
    }
    return 0;
}

/* a and b add the same fields to the same base. */
static int same_slots_added(wf_type *a, wf_type *b) {
    if (!wf_type_has_flag(a, WF_TPFLAGS_HEAPTYPE) || !wf_type_has_flag(b, WF_TPFLAGS_HEAPTYPE)) return 0;
    if (a->tp_base != b->tp_base || a->tp_basicsize != b->tp_basicsize ||
        a->tp_itemsize != b->tp_itemsize || a->tp_dictoffset != b->tp_dictoffset ||
        a->tp_weaklistoffset != b->tp_weaklistoffset)
        return 0;
    wf_ssize_t i = 0, j = 0;
    for (;;) {
        wf_object *x = NULL, *y = NULL;
        int hx = slot_name_at(a, &i, &x), hy = slot_name_at(b, &j, &y);
        if (hx != hy) return 0;
        if (!hx) return 1;
        if (x != y && !wf_str_eq(x, y)) return 0;
    }
}

/* Instances laid out for oldto can be used as instances of newto
 * (CPython's compatible_for_assignment). */
static int compatible_for_assignment(wf_type *oldto, wf_type *newto, const char *attr) {
    if (gc_layout(newto) != gc_layout(oldto)) {
        wf_err_format(&wf_exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                      wf_type_name(newto), wf_type_name(oldto));
        return 0;
    }
    wf_type *nb = newto, *ob = oldto;
    while (same_layout_as_base(nb)) nb = nb->tp_base;
    while (same_layout_as_base(ob)) ob = ob->tp_base;
    if (nb != ob && (nb->tp_base != ob->tp_base || !same_slots_added(nb, ob))) {
        wf_err_format(&wf_exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                      wf_type_name(newto), wf_type_name(oldto));
        return 0;
    }
    return 1;
}

/* The direct subclasses of t, as a list (new references). */
static wf_object *type_subclasses(wf_object *self, wf_object *unused);

/* Recompute and publish the MRO of type and of every subclass; each
 * replaced tuple goes into `saved` as (type, old mro) so that a failure can
 * put them back.  -1 with an exception. */
static int mro_hierarchy(wf_type *type, wf_object *saved) {
    wf_object *mro = mro_compute(type);
    if (!mro) return -1;
    wf_object *old = type->tp_mro;
    wf_object *entry = wf_tuple_pack(2, (wf_object *)type, old ? old : wf_None);
    if (!entry || wf_list_append(saved, entry) < 0) {
        wf_xdecref(entry);
        wf_decref(mro);
        return -1;
    }
    wf_decref(entry);
    /* saved holds the old tuple now; the field's reference goes after a
     * grace period. */
    atomic_store_explicit((wf_object *_Atomic *)&type->tp_mro, mro, memory_order_release);
    wfo_release_after_grace(old);
    wf_object *subs = type_subclasses((wf_object *)type, NULL);
    if (!subs) return -1;
    int rc = 0;
    for (wf_ssize_t i = 0; i < wf_list_size(subs) && rc == 0; i++) {
        wf_object *s = wf_list_get_item(subs, i);
        if (s) rc = mro_hierarchy((wf_type *)s, saved);
        wf_xdecref(s);
    }
    wf_decref(subs);
    return rc;
}

/* Put back the MROs mro_hierarchy replaced (last first). */
static void mro_restore(wf_object *saved) {
    for (wf_ssize_t i = wf_list_size(saved) - 1; i >= 0; i--) {
        wf_object *e = wf_list_get_item(saved, i);
        wf_type *t = (wf_type *)WF_TUPLE_ITEM(e, 0);
        wf_object *old = WF_TUPLE_ITEM(e, 1);
        if (old == wf_None) old = NULL;
        wf_xincref(old);
        wf_object *cur = t->tp_mro;
        atomic_store_explicit((wf_object *_Atomic *)&t->tp_mro, old, memory_order_release);
        wfo_release_after_grace(cur);
        wf_decref(e);
    }
}

static void store_tp_base(wf_type *type, wf_type *base) {
#if WF_FREE_THREADED
    bool pause = !wft_world_is_stopped();
    if (pause) wft_stop_the_world();
#endif
    type->tp_base = base;
#if WF_FREE_THREADED
    if (pause) wft_start_the_world();
#endif
}

static int tuple_has(wf_object *t, wf_object *o) {
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(t); i++)
        if (WF_TUPLE_ITEM(t, i) == o) return 1;
    return 0;
}

static int set_bases_locked(wf_type *type, wf_object *value, wf_type *new_base) {
    wf_object *saved = wf_list_new(0);
    if (!saved) return -1;
    wf_object *old_bases = type->tp_bases;
    wf_type *old_base = type->tp_base;
    /* The new bases first: a metaclass mro() reads them (cls.__bases__). */
    wf_incref(value);
    atomic_store_explicit((wf_object *_Atomic *)&type->tp_bases, value, memory_order_release);
    if (mro_hierarchy(type, saved) < 0) {
        wf_object *exc = wf_err_fetch();
        mro_restore(saved);
        atomic_store_explicit((wf_object *_Atomic *)&type->tp_bases, old_bases, memory_order_release);
        wfo_release_after_grace(value);
        /* Lookups may have cached entries of the abandoned MRO. */
        wf_type_modified(type);
        wf_err_restore(exc);
        wf_decref(saved);
        return -1;
    }
    wf_decref(saved);
    if (new_base != old_base) {
        wf_incref((wf_object *)new_base);
        store_tp_base(type, new_base);
        wfo_release_after_grace((wf_object *)old_base);
    }
    /* Subclass lists: out of the old bases that are gone, into the new. */
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(old_bases); i++)
        if (!tuple_has(value, WF_TUPLE_ITEM(old_bases, i)))
            wfo_type_remove_subclass((wf_type *)WF_TUPLE_ITEM(old_bases, i), type);
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(value); i++)
        if (!tuple_has(old_bases, WF_TUPLE_ITEM(value, i)))
            wfo_type_add_subclass((wf_type *)WF_TUPLE_ITEM(value, i), type);
    wfo_release_after_grace(old_bases);
    /* The MROs are final: new tags for the class and its subclasses, then
     * the slots follow the new MRO (their lookups use the new tags). */
    wf_type_modified(type);
    return wfo_update_all_slots(type);
}

static int type_set_bases(wf_object *o, wf_object *value, void *c) {
    wf_type *type = (wf_type *)o;
    const char *name = wf_type_name(type);
    if (!wf_type_has_flag(type, WF_TPFLAGS_HEAPTYPE) ||
        wf_type_has_flag(type, WF_TPFLAGS_IMMUTABLETYPE)) {
        wf_err_format(&wf_exc_TypeError, "cannot set '__bases__' attribute of immutable type '%s'", name);
        return -1;
    }
    if (!value) {
        wf_err_format(&wf_exc_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'",
                      name);
        return -1;
    }
    if (!WF_TUPLE_CHECK(value)) {
        wf_err_format(&wf_exc_TypeError, "can only assign tuple to %s.__bases__, not %s", name,
                      wf_type_name(WF_TYPE(value)));
        return -1;
    }
    if (WF_TUPLE_SIZE(value) == 0) {
        wf_err_format(&wf_exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", name);
        return -1;
    }
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(value); i++) {
        wf_object *b = WF_TUPLE_ITEM(value, i);
        if (!WF_TYPE_CHECK(b)) {
            wf_err_format(&wf_exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", name,
                          wf_type_name(WF_TYPE(b)));
            return -1;
        }
        if (wf_type_is_subtype((wf_type *)b, type)) {
            wf_err_set_string(&wf_exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    if (in_bases_assignment) {
        /* From a metaclass mro() run by an assignment on this thread: the
         * mutex is ours already, and waiting for it would never end. */
        wf_err_set_string(&wf_exc_RuntimeError,
                          "__bases__ cannot be assigned while an assignment to __bases__ computes an MRO");
        return -1;
    }
    wf_mutex_lock(&bases_mutex);
    in_bases_assignment = true;
    int rc = -1;
    wf_type *new_base = best_base(value);
    if (new_base && compatible_for_assignment(type->tp_base, new_base, "__bases__"))
        rc = set_bases_locked(type, value, new_base);
    in_bases_assignment = false;
    wf_mutex_unlock(&bases_mutex);
    return rc;
}

static wf_getset_def type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_object *type_mro_method(wf_object *self, wf_object *unused) {
    wf_object *t = mro_c3((wf_type *)self);
    if (!t) return NULL;
    wf_object *l = wf_sequence_list(t);
    wf_decref(t);
    return l;
}

static wf_object *type_subclasses(wf_object *self, wf_object *unused) {
    wf_object *l = wf_list_new(0);
    if (!l) return NULL;
    wf_mutex_lock(&subclass_mutex);
    struct wfo_subclass_list *s = ((wf_type *)self)->tp_subclasses;
    int rc = 0;
    for (size_t i = 0; s && i < s->n && rc == 0; i++) rc = wf_list_append(l, (wf_object *)s->items[i]);
    wf_mutex_unlock(&subclass_mutex);
    if (rc < 0) { wf_decref(l); return NULL; }
    return l;
}

static wf_object *type_instancecheck(wf_object *self, wf_object *inst) {
    return wf_newref(wf_bool_from(wf_type_is_subtype(WF_TYPE(inst), (wf_type *)self)));
}
static wf_object *type_subclasscheck(wf_object *self, wf_object *sub) {
    if (!WF_TYPE_CHECK(sub))
        return wf_err_format(&wf_exc_TypeError, "issubclass() arg 1 must be a class");
    return wf_newref(wf_bool_from(wf_type_is_subtype((wf_type *)sub, (wf_type *)self)));
}
static wf_object *type_prepare(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    return wf_dict_new();
}
static wf_object *type_dir(wf_object *self, wf_object *unused) {
    wf_object *result = wf_dict_new();
    if (!result) return NULL;
    wf_object *mro = ((wf_type *)self)->tp_mro;
    for (wf_ssize_t i = WF_TUPLE_SIZE(mro) - 1; i >= 0; i--)
        if (wf_dict_merge(result, ((wf_type *)WF_TUPLE_ITEM(mro, i))->tp_dict, 1) < 0) {
            wf_decref(result);
            return NULL;
        }
    wf_object *k = wf_dict_keys(result);
    wf_decref(result);
    return k;
}

static wf_method_def type_methods[] = {
    {"mro", type_mro_method, WF_METH_NOARGS, NULL},
    {"__subclasses__", type_subclasses, WF_METH_NOARGS, NULL},
    {"__instancecheck__", type_instancecheck, WF_METH_O, NULL},
    {"__subclasscheck__", type_subclasscheck, WF_METH_O, NULL},
    {"__prepare__", type_prepare, WF_METH_FASTCALL | WF_METH_KEYWORDS | WF_METH_CLASS, NULL},
    {"__dir__", type_dir, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* X | Y: types.UnionType (runtime/modules/builtins_union.c, "builtins"). */
wf_object *wfb_union_or(wf_object *a, wf_object *b);
static wf_object *type_or(wf_object *a, wf_object *b) { return wfb_union_or(a, b); }
static wf_number_methods type_as_number = {.nb_or = type_or};

wf_type wf_type_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "type",
    .tp_basicsize = sizeof(wf_heaptype),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_TYPE_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = type_dealloc,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_repr = type_repr,
    .tp_call = wfo_type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_new = type_new,
    .tp_init = type_init,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_as_number = &type_as_number,
    .tp_dictoffset = 0,
    .tp_weaklistoffset = offsetof(wf_type, tp_weaklist), /* weakref */
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};
