/*
 * runtime/objects/set.c — set, frozenset and their iterator.
 *
 * Representation: an open-addressing table of (key, hash) slots, mask+1 a
 * power of two >= 8.  A slot is unused (key NULL, hash 0), a dummy (key =
 * the static dummy object, hash -1: a removed key) or active.  The probe
 * sequence, growth policy (resize when fill*5 >= mask*3, to 4x used, 2x
 * above 50000), dummy handling (dummies are not reused by insertion) and
 * the algorithms of the set operations follow CPython 3.11, so that the
 * iteration order (and so repr and print) of a set matches python3 for the
 * same sequence of operations.  frozenset's hash is CPython's.
 *
 * Thread-safety (free-threaded flavour): every mutation runs in the set's
 * critical section; slots are written with release stores; a replaced
 * table is freed with wfm_free_delayed once the set is marked shared
 * (WF_GC_SHARED, set by the locked paths on the first access by a thread
 * other than the owner).  `in` takes no lock for the owner or once the set
 * is shared (contains_lockfree); other reads take the section.  Operations that
 * combine two sets take a snapshot of the other set's (key, hash) pairs
 * under its own section first, so at most one lock is held at a time, and
 * key comparisons (__eq__) re-validate the slot afterwards and restart
 * the probe if the table changed, as CPython does.  A frozenset is
 * immutable once its constructor returns; its hash is cached with a
 * relaxed store (racy but idempotent).
 */
#include "runtime/objects/containers.h"
#include "weft/weakref.h" /* weakref */

#include <stdlib.h>

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

struct wfo_set_entry {
    wf_object *_Atomic key;
    _Atomic wf_hash_t hash;
};
typedef struct wfo_set_entry sentry;

static wf_object dummy_struct = WF_OBJECT_HEAD_INIT(&wf_none_type);
#define DUMMY (&dummy_struct)

#define LD(p) atomic_load_explicit(&(p), memory_order_relaxed)
#define ST(p, v) atomic_store_explicit(&(p), (v), memory_order_release)

static sentry *table_of(wf_set *s) { return atomic_load_explicit(&s->table, memory_order_relaxed); }

/* A table is allocated with one extra leading entry whose hash holds the
 * table's mask, so a lock-free reader gets the mask of the very table it
 * loaded (s->mask is for the locked paths). */
static sentry *table_alloc(size_t n) {
    sentry *t = wfm_calloc(n + 1, sizeof(sentry));
    if (!t) return NULL;
    atomic_store_explicit(&t[0].hash, (wf_hash_t)(n - 1), memory_order_relaxed);
    return t + 1;
}

static inline void note_access(wf_set *s) {
#if WF_FREE_THREADED
    if (!wf_is_owned_by_current_thread((wf_object *)s) &&
        !(wf_gc_bits((wf_object *)s) & WF_GC_SHARED))
        wf_gc_bits_set((wf_object *)s, WF_GC_SHARED);
#else
    (void)s;
#endif
}

static void free_table(wf_set *s, sentry *t) {
    if (!t) return;
#if WF_FREE_THREADED
    if (wf_gc_bits((wf_object *)s) & WF_GC_SHARED) {
        wfm_free_delayed(t - 1);
        return;
    }
#endif
    wfm_free(t - 1);
}

static wf_hash_t key_hash(wf_object *key) {
    if (WF_STR_CHECK_EXACT(key)) return wf_str_hash(key);
    return wf_object_hash(key);
}

/* --- probing (all under the set's lock) ------------------------------- */

/* Find key: the active slot, NULL if absent; *err set on comparison
 * errors. */
static sentry *lookkey(wf_set *s, wf_object *key, wf_hash_t hash, int *err) {
    *err = 0;
restart:;
    sentry *table = table_of(s);
    size_t mask = (size_t)s->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        sentry *e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            wf_object *ek = LD(e->key);
            if (!ek && LD(e->hash) == 0) return NULL;
            if (LD(e->hash) == hash && ek != DUMMY && ek) {
                if (ek == key) return e;
                if (WF_STR_CHECK_EXACT(ek) && WF_STR_CHECK_EXACT(key)) {
                    if (wf_str_eq(ek, key)) return e;
                } else {
                    wf_incref(ek);
                    int cmp = wf_object_rich_compare_bool(ek, key, WF_EQ);
                    wf_decref(ek);
                    if (cmp < 0) { *err = 1; return NULL; }
                    if (table_of(s) != table || LD(e->key) != ek) goto restart;
                    if (cmp) return e;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void insert_clean(sentry *table, size_t mask, wf_object *key, wf_hash_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        sentry *e = &table[i];
        if (!LD(e->key)) goto found;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!LD(e->key)) goto found;
            }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        atomic_store_explicit(&e->hash, hash, memory_order_relaxed);
        atomic_store_explicit(&e->key, key, memory_order_relaxed);
        return;
    }
}

static int table_resize(wf_set *s, wf_ssize_t minused) {
    size_t newsize = MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    sentry *nt = table_alloc(newsize);
    if (!nt) { wf_err_no_memory(); return -1; }
    sentry *old = table_of(s);
    for (wf_ssize_t i = 0; old && i <= s->mask; i++) {
        wf_object *k = LD(old[i].key);
        if (k && k != DUMMY) insert_clean(nt, newsize - 1, k, LD(old[i].hash));
    }
    s->mask = (wf_ssize_t)newsize - 1;
    s->fill = LD(s->used);
    atomic_store_explicit(&s->table, nt, memory_order_release);
    free_table(s, old);
    return 0;
}

/* Add key (stolen) with hash: 0 (added or present), -1. */
static int add_entry(wf_set *s, wf_object *key, wf_hash_t hash) {
restart:;
    sentry *table = table_of(s);
    size_t mask = (size_t)s->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    sentry *e, *freeslot = NULL; /* first dummy on the probe path: reused, as CPython */
    for (;;) {
        e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            wf_object *ek = LD(e->key);
            if (!ek && LD(e->hash) == 0) goto found_unused_or_dummy;
            if (ek == DUMMY && !freeslot) freeslot = e;
            if (LD(e->hash) == hash && ek && ek != DUMMY) {
                if (ek == key) goto found_active;
                if (WF_STR_CHECK_EXACT(ek) && WF_STR_CHECK_EXACT(key)) {
                    if (wf_str_eq(ek, key)) goto found_active;
                } else {
                    wf_incref(ek);
                    int cmp = wf_object_rich_compare_bool(ek, key, WF_EQ);
                    wf_decref(ek);
                    if (cmp < 0) { wf_decref(key); return -1; }
                    if (table_of(s) != table || LD(e->key) != ek) goto restart;
                    if (cmp) goto found_active;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_active:
    wf_decref(key);
    return 0;
found_unused_or_dummy:
    if (freeslot) {
        atomic_store_explicit(&freeslot->hash, hash, memory_order_relaxed);
        ST(freeslot->key, key);
        ST(s->used, LD(s->used) + 1);
        return 0;
    }
    s->fill++;
    atomic_store_explicit(&e->hash, hash, memory_order_relaxed);
    ST(e->key, key);
    ST(s->used, LD(s->used) + 1);
    if ((size_t)s->fill * 5 < mask * 3) return 0;
    wf_ssize_t u = LD(s->used);
    return table_resize(s, u > 50000 ? u * 2 : u * 4);
}

/* Remove: 1 removed (key reference returned in *out), 0 absent, -1. */
static int discard_entry(wf_set *s, wf_object *key, wf_hash_t hash, wf_object **out) {
    int err;
    sentry *e = lookkey(s, key, hash, &err);
    if (err) return -1;
    if (!e) return 0;
    *out = LD(e->key);
    ST(e->key, DUMMY);
    atomic_store_explicit(&e->hash, -1, memory_order_relaxed);
    ST(s->used, LD(s->used) - 1);
    return 1;
}

/* --- snapshots of (key, hash) pairs, in table order --------------------- */
typedef struct ksnap {
    wf_ssize_t n;
    wf_object **keys;
    wf_hash_t *hashes;
} ksnap;

static void ksnap_release(ksnap *k) {
    for (wf_ssize_t i = 0; i < k->n; i++) wf_xdecref(k->keys[i]);
    wfm_free(k->keys);
    wfm_free(k->hashes);
    k->n = 0;
    k->keys = NULL;
    k->hashes = NULL;
}

static int set_snapshot(wf_object *o, ksnap *k) {
    wf_set *s = (wf_set *)o;
    int rc = 0;
    k->n = 0;
    k->keys = NULL;
    k->hashes = NULL;
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    wf_ssize_t used = LD(s->used);
    if (used) {
        k->keys = wfm_malloc((size_t)used * sizeof(wf_object *));
        k->hashes = wfm_malloc((size_t)used * sizeof(wf_hash_t));
        if (!k->keys || !k->hashes) rc = -1;
        else {
            sentry *t = table_of(s);
            for (wf_ssize_t i = 0; i <= s->mask && k->n < used; i++) {
                wf_object *key = LD(t[i].key);
                if (!key || key == DUMMY) continue;
                k->keys[k->n] = wf_newref(key);
                k->hashes[k->n++] = LD(t[i].hash);
            }
        }
    }
    WF_END_CRITICAL_SECTION();
    if (rc < 0) {
        ksnap_release(k);
        wf_err_no_memory();
    }
    return rc;
}

/* list(x), list.extend(x), tuple(x), sorted(x) of an exact set or
 * frozenset (list.c, objimpl.h): the keys of one snapshot, so a concurrent
 * writer never makes them raise "Set changed size during iteration". */
int wfo_set_items_array(wf_object *iterable, wf_object ***out, wf_ssize_t *n) {
    wf_type *t = WF_TYPE(iterable);
    if (t != &wf_set_type && t != &wf_frozenset_type) return 0;
    ksnap k;
    if (set_snapshot(iterable, &k) < 0) return -1;
    wfm_free(k.hashes);
    *out = k.keys;
    *n = k.n;
    return 1;
}

/* --- creation -------------------------------------------------------------- */
static wf_object *alloc_set(wf_type *type) {
    wf_set *s = (wf_set *)wf_type_generic_alloc(type, 0);
    if (!s) return NULL;
    sentry *t = table_alloc(MINSIZE);
    if (!t) { wf_decref((wf_object *)s); return wf_err_no_memory(); }
    s->mask = MINSIZE - 1;
    atomic_store_explicit(&s->table, t, memory_order_relaxed);
    atomic_store_explicit(&s->hash, -1, memory_order_relaxed);
    return (wf_object *)s;
}

/* Merge another set's snapshot into s (CPython's set_merge). */
static int merge_snapshot(wf_set *s, ksnap *k, wf_ssize_t other_mask, int other_clean) {
    int rc = 0;
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    if (k->n) {
        if ((s->fill + k->n) * 5 >= s->mask * 3)
            rc = table_resize(s, (LD(s->used) + k->n) * 2);
        if (rc == 0 && s->fill == 0) {
            /* Empty target: clean inserts (same placement as a copy). */
            sentry *t = table_of(s);
            (void)other_mask;
            (void)other_clean;
            for (wf_ssize_t i = 0; i < k->n; i++) {
                insert_clean(t, (size_t)s->mask, k->keys[i], k->hashes[i]);
                k->keys[i] = NULL;
            }
            s->fill = k->n;
            ST(s->used, k->n);
        } else {
            for (wf_ssize_t i = 0; i < k->n && rc == 0; i++) {
                rc = add_entry(s, k->keys[i], k->hashes[i]);
                k->keys[i] = NULL;
            }
        }
    }
    WF_END_CRITICAL_SECTION();
    return rc;
}

static int update_internal(wf_object *so, wf_object *other) {
    wf_set *s = (wf_set *)so;
    if (WF_ANYSET_CHECK(other)) {
        if (other == so) return 0;
        ksnap k;
        if (set_snapshot(other, &k) < 0) return -1;
        int rc = merge_snapshot(s, &k, ((wf_set *)other)->mask, 1);
        ksnap_release(&k);
        return rc;
    }
    if (WF_DICT_CHECK_EXACT(other)) {
        wf_ssize_t n = wf_dict_size(other);
        int rc = 0;
        WF_BEGIN_CRITICAL_SECTION(s);
        if ((s->fill + n) * 5 >= s->mask * 3) rc = table_resize(s, (LD(s->used) + n) * 2);
        WF_END_CRITICAL_SECTION();
        if (rc < 0) return -1;
        wf_ssize_t pos = 0;
        wf_object *key;
        while (wf_dict_next(other, &pos, &key, NULL)) {
            if (wf_set_add(so, key) < 0) { wf_decref(key); return -1; }
            wf_decref(key);
        }
        return 0;
    }
    wf_object *it = wf_object_get_iter(other);
    if (!it) return -1;
    for (;;) {
        wf_object *key = wf_iter_next(it);
        if (!key) break;
        int rc = wf_set_add(so, key);
        wf_decref(key);
        if (rc < 0) { wf_decref(it); return -1; }
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

static wf_object *make_new_set(wf_type *type, wf_object *iterable) {
    wf_object *s = alloc_set(type);
    if (s && iterable && update_internal(s, iterable) < 0) { wf_decref(s); return NULL; }
    return s;
}

wf_object *wf_set_new(wf_object *iterable) { return make_new_set(&wf_set_type, iterable); }
wf_object *wf_frozenset_new(wf_object *iterable) { return make_new_set(&wf_frozenset_type, iterable); }
wf_object *wfo_set_from_iterable(wf_object *iterable) { return wf_set_new(iterable); }

/* The base type (set or frozenset) of a result built from so. */
static wf_type *basetype(wf_object *so) {
    return wf_type_is_subtype(WF_TYPE(so), &wf_set_type) ? &wf_set_type : &wf_frozenset_type;
}
static wf_object *set_copy(wf_object *so) { return make_new_set(basetype(so), so); }

/* --- C API ------------------------------------------------------------------ */
int wf_set_add(wf_object *so, wf_object *key) {
    wf_hash_t h = key_hash(key);
    if (h == -1) return -1;
    wf_set *s = (wf_set *)so;
    int rc;
    wf_incref(key);
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    rc = add_entry(s, key, h);
    WF_END_CRITICAL_SECTION();
    return rc;
}

/* Hash for lookups: an unhashable set key is looked up as a frozenset
 * (CPython's rule for `set() in {frozenset()}`).  *tmp receives the
 * frozenset to release. */
static wf_hash_t lookup_hash(wf_object **key, wf_object **tmp) {
    *tmp = NULL;
    wf_hash_t h = key_hash(*key);
    if (h != -1) return h;
    if (!wf_type_is_subtype(WF_TYPE(*key), &wf_set_type) ||
        !wf_err_matches((wf_object *)&wf_exc_TypeError))
        return -1;
    wf_err_clear();
    *tmp = wf_frozenset_new(*key);
    if (!*tmp) return -1;
    *key = *tmp;
    return key_hash(*tmp);
}

static int discard_key(wf_object *so, wf_object *key) {
    wf_object *tmp, *out = NULL;
    wf_hash_t h = lookup_hash(&key, &tmp);
    if (h == -1) return -1;
    wf_set *s = (wf_set *)so;
    int rc;
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    rc = discard_entry(s, key, h, &out);
    WF_END_CRITICAL_SECTION();
    wf_xdecref(out);
    wf_xdecref(tmp);
    return rc;
}
int wf_set_discard(wf_object *so, wf_object *key) { return discard_key(so, key); }

static int contains_hash(wf_object *so, wf_object *key, wf_hash_t h);

int wf_set_contains(wf_object *so, wf_object *key) {
    wf_object *tmp;
    wf_hash_t h = lookup_hash(&key, &tmp);
    if (h == -1) return -1;
    int found = contains_hash(so, key, h);
    wf_xdecref(tmp);
    return found;
}

#if WF_FREE_THREADED
/* The lock-free `in` (docs/internals/containers.md), for the owner or a
 * shared set: 1 present, 0 absent, -2 take the locked path.  The mask
 * comes from the table loaded (table_alloc); a slot's hash is stored
 * before its key (release), so a key seen has its hash.  Keys other than
 * the probe are compared only when both are plain (wfo_plain_key_eq) and
 * after a try-incref that re-checks the slot.  "Absent" is reported only
 * if the set still uses the table that was searched. */
static int contains_lockfree(wf_set *s, wf_object *key, wf_hash_t hash) {
    sentry *table = atomic_load_explicit(&s->table, memory_order_acquire);
    if (!table) return -2;
    size_t mask = (size_t)LD(table[-1].hash), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        sentry *e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            wf_object *ek = atomic_load_explicit(&e->key, memory_order_acquire);
            if (!ek) {
                if (LD(e->hash) == 0)
                    return atomic_load_explicit(&s->table, memory_order_acquire) == table ? 0 : -2;
            } else if (ek != DUMMY && LD(e->hash) == hash) {
                if (ek == key) return 1;
                if (!wfo_is_plain_key(key)) return -2; /* tested only when needed */
                if (!wfo_try_incref_compare(&e->key, ek)) return -2;
                int eq = wfo_plain_key_eq(ek, key);
                wf_decref(ek);
                if (eq < 0) return -2;
                if (eq) return 1;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}
#endif

static int contains_hash(wf_object *so, wf_object *key, wf_hash_t h) {
    wf_set *s = (wf_set *)so;
    int err, found;
#if WF_FREE_THREADED
    if (wf_is_owned_by_current_thread(so) || (wf_gc_bits(so) & WF_GC_SHARED)) {
        found = contains_lockfree(s, key, h);
        if (found != -2) return found;
    }
#endif
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    found = lookkey(s, key, h, &err) != NULL;
    WF_END_CRITICAL_SECTION();
    return err ? -1 : found;
}

wf_ssize_t wf_set_size(wf_object *so) { return LD(((wf_set *)so)->used); }

wf_object *wf_set_pop(wf_object *so) {
    wf_set *s = (wf_set *)so;
    wf_object *key = NULL;
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    if (LD(s->used)) {
        sentry *t = table_of(s);
        /* A mutable set has no hash, so its hash field holds the search
         * finger: the slot after the last popped one (CPython's finger). */
        wf_ssize_t f = LD(s->hash);
        if (f < 0) f = 0;
        sentry *e = &t[f & s->mask];
        wf_object *k;
        while (!(k = LD(e->key)) || k == DUMMY) {
            e++;
            if (e > &t[s->mask]) e = t;
        }
        key = k;
        ST(e->key, DUMMY);
        atomic_store_explicit(&e->hash, -1, memory_order_relaxed);
        ST(s->used, LD(s->used) - 1);
        atomic_store_explicit(&s->hash, (wf_hash_t)(e - t + 1), memory_order_relaxed);
    }
    WF_END_CRITICAL_SECTION();
    if (!key) return wf_err_format(&wf_exc_KeyError, "pop from an empty set");
    return key;
}

int wf_set_clear(wf_object *so) {
    wf_set *s = (wf_set *)so;
    sentry *nt = table_alloc(MINSIZE);
    if (!nt) { wf_err_no_memory(); return -1; }
    sentry *old;
    wf_ssize_t oldmask;
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    old = table_of(s);
    oldmask = s->mask;
    s->mask = MINSIZE - 1;
    s->fill = 0;
    ST(s->used, 0);
    atomic_store_explicit(&s->table, nt, memory_order_release);
    if (wf_type_is_subtype(WF_TYPE(so), &wf_set_type)) atomic_store_explicit(&s->hash, -1, memory_order_relaxed);
    WF_END_CRITICAL_SECTION();
    for (wf_ssize_t i = 0; old && i <= oldmask; i++) {
        wf_object *k = LD(old[i].key);
        if (k && k != DUMMY) wf_decref(k);
    }
    free_table(s, old);
    return 0;
}

/* --- the set algebra (CPython's algorithms, on snapshots) ------------------- */

/* A set view of other for algorithms that need one: other itself when it is
 * a set/frozenset, else a new set of its items. */
static wf_object *as_set(wf_object *other) {
    if (WF_ANYSET_CHECK(other)) return wf_newref(other);
    return wf_set_new(other);
}

static wf_object *set_intersection(wf_object *so, wf_object *other) {
    wf_object *result = alloc_set(basetype(so));
    if (!result) return NULL;
    if (so == other) {
        wf_decref(result);
        return set_copy(so);
    }
    if (WF_ANYSET_CHECK(other)) {
        wf_object *a = so, *b = other;
        if (wf_set_size(b) > wf_set_size(a)) { wf_object *t = a; a = b; b = t; }
        ksnap k;
        if (set_snapshot(b, &k) < 0) { wf_decref(result); return NULL; }
        for (wf_ssize_t i = 0; i < k.n; i++) {
            int c = contains_hash(a, k.keys[i], k.hashes[i]);
            if (c < 0) { ksnap_release(&k); wf_decref(result); return NULL; }
            if (c) {
                wf_set *r = (wf_set *)result;
                int rc;
                WF_BEGIN_CRITICAL_SECTION(r);
                rc = add_entry(r, k.keys[i], k.hashes[i]);
                WF_END_CRITICAL_SECTION();
                k.keys[i] = NULL;
                if (rc < 0) { ksnap_release(&k); wf_decref(result); return NULL; }
            }
        }
        ksnap_release(&k);
        return result;
    }
    wf_object *it = wf_object_get_iter(other);
    if (!it) { wf_decref(result); return NULL; }
    for (;;) {
        wf_object *key = wf_iter_next(it);
        if (!key) break;
        wf_hash_t h = key_hash(key);
        int c = h == -1 ? -1 : contains_hash(so, key, h);
        if (c > 0) c = wf_set_add(result, key) < 0 ? -1 : 1;
        wf_decref(key);
        if (c < 0) { wf_decref(it); wf_decref(result); return NULL; }
    }
    wf_decref(it);
    if (wf_err_occurred()) { wf_decref(result); return NULL; }
    return result;
}

static int difference_update_internal(wf_object *so, wf_object *other) {
    wf_set *s = (wf_set *)so;
    if (so == other) return wf_set_clear(so);
    if (WF_ANYSET_CHECK(other)) {
        ksnap k;
        if (set_snapshot(other, &k) < 0) return -1;
        int rc = 0;
        for (wf_ssize_t i = 0; i < k.n && rc >= 0; i++) {
            wf_object *out = NULL;
            WF_BEGIN_CRITICAL_SECTION(s);
            rc = discard_entry(s, k.keys[i], k.hashes[i], &out);
            WF_END_CRITICAL_SECTION();
            wf_xdecref(out);
        }
        ksnap_release(&k);
        if (rc < 0) return -1;
    } else {
        wf_object *it = wf_object_get_iter(other);
        if (!it) return -1;
        for (;;) {
            wf_object *key = wf_iter_next(it);
            if (!key) break;
            int rc = discard_key(so, key);
            wf_decref(key);
            if (rc < 0) { wf_decref(it); return -1; }
        }
        wf_decref(it);
        if (wf_err_occurred()) return -1;
    }
    /* More than 1/4 dummies: resize them away. */
    int rc = 0;
    WF_BEGIN_CRITICAL_SECTION(s);
    if ((size_t)(s->fill - LD(s->used)) > (size_t)s->mask / 4) {
        wf_ssize_t u = LD(s->used);
        rc = table_resize(s, u > 50000 ? u * 2 : u * 4);
    }
    WF_END_CRITICAL_SECTION();
    return rc;
}

static wf_object *set_difference(wf_object *so, wf_object *other) {
    wf_ssize_t other_size;
    if (WF_ANYSET_CHECK(other)) other_size = wf_set_size(other);
    else if (WF_DICT_CHECK_EXACT(other)) other_size = wf_dict_size(other);
    else goto copy_and_difference;
    if ((wf_set_size(so) >> 2) > other_size) goto copy_and_difference;
    {
        wf_object *result = alloc_set(basetype(so));
        if (!result) return NULL;
        ksnap k;
        if (set_snapshot(so, &k) < 0) { wf_decref(result); return NULL; }
        for (wf_ssize_t i = 0; i < k.n; i++) {
            int c;
            if (WF_ANYSET_CHECK(other)) c = contains_hash(other, k.keys[i], k.hashes[i]);
            else c = wf_dict_contains(other, k.keys[i]);
            if (c < 0) { ksnap_release(&k); wf_decref(result); return NULL; }
            if (!c) {
                wf_set *r = (wf_set *)result;
                int rc;
                WF_BEGIN_CRITICAL_SECTION(r);
                rc = add_entry(r, k.keys[i], k.hashes[i]);
                WF_END_CRITICAL_SECTION();
                k.keys[i] = NULL;
                if (rc < 0) { ksnap_release(&k); wf_decref(result); return NULL; }
            }
        }
        ksnap_release(&k);
        return result;
    }
copy_and_difference:;
    wf_object *result = set_copy(so);
    if (result && difference_update_internal(result, other) < 0) WF_CLEAR(result);
    return result;
}

static int symmetric_difference_update(wf_object *so, wf_object *other) {
    if (so == other) return wf_set_clear(so);
    wf_object *os = as_set(other);
    if (!os) return -1;
    ksnap k;
    int rc = set_snapshot(os, &k);
    wf_decref(os);
    if (rc < 0) return -1;
    wf_set *s = (wf_set *)so;
    for (wf_ssize_t i = 0; i < k.n && rc == 0; i++) {
        wf_object *out = NULL;
        WF_BEGIN_CRITICAL_SECTION(s);
        int d = discard_entry(s, k.keys[i], k.hashes[i], &out);
        if (d < 0) rc = -1;
        else if (d == 0) {
            rc = add_entry(s, k.keys[i], k.hashes[i]);
            k.keys[i] = NULL;
        }
        WF_END_CRITICAL_SECTION();
        wf_xdecref(out);
    }
    ksnap_release(&k);
    return rc;
}

static wf_object *set_symmetric_difference(wf_object *so, wf_object *other) {
    wf_object *result = make_new_set(basetype(so), other);
    if (result && symmetric_difference_update(result, so) < 0) WF_CLEAR(result);
    return result;
}

/* so <= other: 1, 0, -1 */
static int issubset(wf_object *so, wf_object *other) {
    if (wf_set_size(so) > wf_set_size(other)) return 0;
    ksnap k;
    if (set_snapshot(so, &k) < 0) return -1;
    int r = 1;
    for (wf_ssize_t i = 0; i < k.n && r == 1; i++) r = contains_hash(other, k.keys[i], k.hashes[i]);
    ksnap_release(&k);
    return r;
}

/* --- Python-level methods --------------------------------------------------- */
#define CHECK_ANYSET_OR_NI(o) \
    if (!WF_ANYSET_CHECK(o)) return wf_newref(wf_NotImplemented)

static wf_object *set_or(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(a);
    CHECK_ANYSET_OR_NI(b);
    wf_object *r = set_copy(a);
    if (r && a != b && update_internal(r, b) < 0) WF_CLEAR(r);
    return r;
}
static wf_object *set_and(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(a);
    CHECK_ANYSET_OR_NI(b);
    return set_intersection(a, b);
}
static wf_object *set_sub(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(a);
    CHECK_ANYSET_OR_NI(b);
    return set_difference(a, b);
}
static wf_object *set_xor(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(a);
    CHECK_ANYSET_OR_NI(b);
    return set_symmetric_difference(a, b);
}
static wf_object *set_ior(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(b);
    if (update_internal(a, b) < 0) return NULL;
    return wf_newref(a);
}
/* Replace the contents of so by those of tmp (both private to the call
 * except so, which is locked). */
static int swap_contents(wf_object *so, wf_object *tmp) {
    wf_set *s = (wf_set *)so, *t = (wf_set *)tmp;
    WF_BEGIN_CRITICAL_SECTION2(s, t);
    sentry *st = table_of(s);
    wf_ssize_t sm = s->mask, sf = s->fill, su = LD(s->used);
    s->mask = t->mask;
    s->fill = t->fill;
    ST(s->used, LD(t->used));
    atomic_store_explicit(&s->table, table_of(t), memory_order_release);
    t->mask = sm;
    t->fill = sf;
    ST(t->used, su);
    atomic_store_explicit(&t->table, st, memory_order_release);
    WF_END_CRITICAL_SECTION2();
    return 0;
}
static wf_object *set_iand(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(b);
    wf_object *t = set_intersection(a, b);
    if (!t) return NULL;
    swap_contents(a, t);
    wf_decref(t);
    return wf_newref(a);
}
static wf_object *set_isub(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(b);
    if (difference_update_internal(a, b) < 0) return NULL;
    return wf_newref(a);
}
static wf_object *set_ixor(wf_object *a, wf_object *b) {
    CHECK_ANYSET_OR_NI(b);
    if (symmetric_difference_update(a, b) < 0) return NULL;
    return wf_newref(a);
}

static wf_object *m_add(wf_object *self, wf_object *key) {
    if (wf_set_add(self, key) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_discard(wf_object *self, wf_object *key) {
    if (wf_set_discard(self, key) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_remove(wf_object *self, wf_object *key) {
    int rc = wf_set_discard(self, key);
    if (rc < 0) return NULL;
    if (rc == 0) {
        wf_object *args = wf_tuple_pack(1, key);
        if (args) {
            wf_err_set_object(&wf_exc_KeyError, args);
            wf_decref(args);
        }
        return NULL;
    }
    WF_RETURN_NONE;
}
static wf_object *m_pop(wf_object *self, wf_object *u) { return wf_set_pop(self); }
static wf_object *m_clear(wf_object *self, wf_object *u) {
    if (wf_set_clear(self) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_copy(wf_object *self, wf_object *u) {
    if (WF_TYPE(self) == &wf_frozenset_type) return wf_newref(self);
    return set_copy(self);
}
static wf_object *m_update(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    for (wf_ssize_t i = 0; i < nargs; i++)
        if (update_internal(self, args[i]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_union(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    wf_object *r = set_copy(self);
    for (wf_ssize_t i = 0; r && i < nargs; i++)
        if (args[i] != self && update_internal(r, args[i]) < 0) WF_CLEAR(r);
    return r;
}
static wf_object *m_intersection(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs == 0) return set_copy(self);
    wf_object *r = wf_newref(self);
    for (wf_ssize_t i = 0; i < nargs; i++) {
        wf_object *n = set_intersection(r, args[i]);
        wf_decref(r);
        if (!n) return NULL;
        r = n;
    }
    return r;
}
static wf_object *m_intersection_update(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    wf_object *t = m_intersection(self, args, nargs);
    if (!t) return NULL;
    swap_contents(self, t);
    wf_decref(t);
    WF_RETURN_NONE;
}
static wf_object *m_difference(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs == 0) return set_copy(self);
    wf_object *r = set_difference(self, args[0]);
    for (wf_ssize_t i = 1; r && i < nargs; i++)
        if (difference_update_internal(r, args[i]) < 0) WF_CLEAR(r);
    return r;
}
static wf_object *m_difference_update(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    for (wf_ssize_t i = 0; i < nargs; i++)
        if (difference_update_internal(self, args[i]) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_symmetric_difference(wf_object *self, wf_object *other) {
    return set_symmetric_difference(self, other);
}
static wf_object *m_symmetric_difference_update(wf_object *self, wf_object *other) {
    if (symmetric_difference_update(self, other) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_issubset(wf_object *self, wf_object *other) {
    wf_object *o = as_set(other);
    if (!o) return NULL;
    int r = issubset(self, o);
    wf_decref(o);
    return r < 0 ? NULL : wf_newref(wf_bool_from(r));
}
static wf_object *m_issuperset(wf_object *self, wf_object *other) {
    wf_object *o = as_set(other);
    if (!o) return NULL;
    int r = issubset(o, self);
    wf_decref(o);
    return r < 0 ? NULL : wf_newref(wf_bool_from(r));
}
static wf_object *m_isdisjoint(wf_object *self, wf_object *other) {
    wf_object *it = wf_object_get_iter(other);
    if (!it) return NULL;
    for (;;) {
        wf_object *k = wf_iter_next(it);
        if (!k) break;
        int c = wf_set_contains(self, k);
        wf_decref(k);
        if (c) {
            wf_decref(it);
            return c < 0 ? NULL : wf_newref(wf_False);
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_newref(wf_True);
}
static wf_object *m_contains(wf_object *self, wf_object *key) {
    int c = wf_set_contains(self, key);
    return c < 0 ? NULL : wf_newref(wf_bool_from(c));
}

/* --- type slots ---------------------------------------------------------------- */
static void set_dealloc_body(wf_object *o) {
    wf_set *s = (wf_set *)o;
    wf_weakref_on_dealloc(o); /* weakref: clear refs, run callbacks */
    sentry *t = table_of(s);
    for (wf_ssize_t i = 0; t && i <= s->mask; i++) {
        wf_object *k = LD(t[i].key);
        if (k && k != DUMMY) wf_decref(k);
    }
    free_table(s, t);
    wfo_free_instance(o);
}

/* Bounded recursion when deeply nested structures die (weft/object.h trashcan). */
static void set_dealloc(wf_object *o) {
    if (wf_trashcan_begin(o, set_dealloc)) return;
    set_dealloc_body(o);
    wf_trashcan_end();
}
static int set_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_set *s = (wf_set *)o;
    sentry *t = table_of(s);
    for (wf_ssize_t i = 0; t && i <= s->mask; i++) {
        wf_object *k = LD(t[i].key);
        if (k && k != DUMMY) { int r = visit(k, arg); if (r) return r; }
    }
    return 0;
}
static int set_tp_clear(wf_object *o) { return wf_set_clear(o); }
static wf_ssize_t set_len(wf_object *o) { return wf_set_size(o); }
static int set_sq_contains(wf_object *o, wf_object *k) { return wf_set_contains(o, k); }

static wf_object *set_repr(wf_object *o) {
    const char *name = wf_type_name(WF_TYPE(o));
    int is_set_exact = WF_TYPE(o) == &wf_set_type;
    if (wf_set_size(o) == 0) return wf_str_from_format("%s()", name);
    int rc = wf_repr_enter(o);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_format("%s(...)", name);
    ksnap k;
    wf_object *r = NULL;
    if (set_snapshot(o, &k) == 0) {
        wf_object *body = wfo_repr_join("{", k.keys, k.n, "}");
        if (body) {
            r = is_set_exact ? wf_newref(body) : wf_str_from_format("%s(%U)", name, body);
            wf_decref(body);
        }
        ksnap_release(&k);
    }
    wf_repr_leave(o);
    return r;
}

static wf_object *set_richcompare(wf_object *a, wf_object *b, int op) {
    CHECK_ANYSET_OR_NI(b);
    wf_ssize_t na = wf_set_size(a), nb = wf_set_size(b);
    int r;
    switch (op) {
    case WF_EQ:
    case WF_NE:
        if (na != nb) r = 0;
        else {
            wf_hash_t ha = LD(((wf_set *)a)->hash), hb = LD(((wf_set *)b)->hash);
            if (WF_FROZENSET_CHECK(a) && WF_FROZENSET_CHECK(b) && ha != -1 && hb != -1 && ha != hb)
                r = 0;
            else r = issubset(a, b);
        }
        if (r < 0) return NULL;
        return wf_newref(wf_bool_from(op == WF_EQ ? r : !r));
    case WF_LE: r = issubset(a, b); break;
    case WF_GE: r = issubset(b, a); break;
    case WF_LT: r = na < nb ? issubset(a, b) : 0; break;
    default: r = na > nb ? issubset(b, a) : 0; break;
    }
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static wf_hash_t frozenset_hash(wf_object *o) {
    wf_set *s = (wf_set *)o;
    wf_hash_t cached = LD(s->hash);
    if (cached != -1) return cached;
    ksnap k;
    if (set_snapshot(o, &k) < 0) return -1;
    uint64_t h = 0;
    for (wf_ssize_t i = 0; i < k.n; i++) h ^= shuffle_bits((uint64_t)k.hashes[i]);
    h ^= ((uint64_t)k.n + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uint64_t)-1) h = 590923713UL;
    ksnap_release(&k);
    atomic_store_explicit(&s->hash, (wf_hash_t)h, memory_order_relaxed);
    return (wf_hash_t)h;
}

static wf_object *set_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (type == &wf_set_type && wfo_no_kwargs("set", kwargs) < 0) return NULL;
    return alloc_set(type);
}
static int set_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (WF_TYPE(self) == &wf_set_type && wfo_no_kwargs("set", kwargs) < 0) return -1;
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 1) {
        wf_err_format(&wf_exc_TypeError, "set expected at most 1 argument, got %zd", n);
        return -1;
    }
    if (wf_set_size(self) && wf_set_clear(self) < 0) return -1;
    return n ? update_internal(self, WF_TUPLE_ITEM(args, 0)) : 0;
}
static wf_object *frozenset_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (type == &wf_frozenset_type && wfo_no_kwargs("frozenset", kwargs) < 0) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 1)
        return wf_err_format(&wf_exc_TypeError, "frozenset expected at most 1 argument, got %zd", n);
    wf_object *it = n ? WF_TUPLE_ITEM(args, 0) : NULL;
    if (type == &wf_frozenset_type && it && WF_TYPE(it) == &wf_frozenset_type) return wf_newref(it);
    return make_new_set(type, it);
}

static wf_object *set_iter(wf_object *o);

#define SET_COMMON_METHODS                                                                \
    {"copy", m_copy, WF_METH_NOARGS, "Return a shallow copy of a set."},                  \
    {"union", m_union, WF_METH_FASTCALL, "Return the union of sets as a new set."},       \
    {"intersection", m_intersection, WF_METH_FASTCALL,                                    \
     "Return the intersection of two sets as a new set."},                                \
    {"difference", m_difference, WF_METH_FASTCALL,                                        \
     "Return the difference of two or more sets as a new set."},                          \
    {"symmetric_difference", m_symmetric_difference, WF_METH_O,                           \
     "Return the symmetric difference of two sets as a new set."},                        \
    {"issubset", m_issubset, WF_METH_O, "Report whether another set contains this set."}, \
    {"issuperset", m_issuperset, WF_METH_O, "Report whether this set contains another set."}, \
    {"isdisjoint", m_isdisjoint, WF_METH_O,                                               \
     "Return True if two sets have a null intersection."},                                \
    {"__contains__", m_contains, WF_METH_O, "x.__contains__(y) <==> y in x."}

static wf_method_def set_methods[] = {
    SET_COMMON_METHODS,
    {"add", m_add, WF_METH_O, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"discard", m_discard, WF_METH_O, "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."},
    {"remove", m_remove, WF_METH_O, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"pop", m_pop, WF_METH_NOARGS, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"clear", m_clear, WF_METH_NOARGS, "Remove all elements from this set."},
    {"update", m_update, WF_METH_FASTCALL, "Update a set with the union of itself and others."},
    {"intersection_update", m_intersection_update, WF_METH_FASTCALL, "Update a set with the intersection of itself and another."},
    {"difference_update", m_difference_update, WF_METH_FASTCALL, "Remove all elements of another set from this set."},
    {"symmetric_difference_update", m_symmetric_difference_update, WF_METH_O, "Update a set with the symmetric difference of itself and another."},
    {NULL, NULL, 0, NULL},
};
static wf_method_def frozenset_methods[] = {
    SET_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

static wf_number_methods set_as_number = {
    .nb_subtract = set_sub, .nb_and = set_and, .nb_xor = set_xor, .nb_or = set_or,
    .nb_inplace_subtract = set_isub, .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor, .nb_inplace_or = set_ior,
};
static wf_number_methods frozenset_as_number = {
    .nb_subtract = set_sub, .nb_and = set_and, .nb_xor = set_xor, .nb_or = set_or,
};
static wf_sequence_methods set_as_sequence = {.sq_length = set_len, .sq_contains = set_sq_contains};

wf_type wf_set_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "set",
    .tp_basicsize = sizeof(wf_set),
    .tp_weaklistoffset = offsetof(wf_set, weakreflist), /* weakref */
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_repr = set_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = set_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = set_iter,
    .tp_new = set_tp_new,
    .tp_init = set_init,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = set_methods,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
};
wf_type wf_frozenset_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(wf_set),
    .tp_weaklistoffset = offsetof(wf_set, weakreflist), /* weakref */
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = set_iter,
    .tp_new = frozenset_tp_new,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = frozenset_methods,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
};

/* --- iterator: walks the table by slot index under the set's lock; a size
 * change raises RuntimeError("Set changed size during iteration"). */
typedef struct setiter {
    wf_object ob_base;
    wf_object *set;  /* held until the iterator dies */
    wf_ssize_t pos;  /* under the set's lock */
    wf_ssize_t used; /* -1 once exhausted */
    wf_ssize_t left;
} setiter;

static wf_type set_iter_type;

static wf_object *set_iter(wf_object *o) {
    setiter *it = (setiter *)wfo_alloc(&set_iter_type, sizeof *it);
    if (!it) return NULL;
    it->set = wf_newref(o);
    it->used = it->left = wf_set_size(o);
    return (wf_object *)it;
}
static wf_object *setiter_next(wf_object *o) {
    setiter *it = (setiter *)o;
    wf_set *s = (wf_set *)it->set;
    wf_object *k = NULL;
    int err = 0;
    WF_BEGIN_CRITICAL_SECTION(s);
    note_access(s);
    if (it->used >= 0) {
        if (it->used != LD(s->used)) {
            err = 1;
            it->used = -1;
        } else {
            sentry *t = table_of(s);
            while (it->pos <= s->mask) {
                wf_object *key = LD(t[it->pos++].key);
                if (key && key != DUMMY) { k = wf_newref(key); break; }
            }
            if (!k) it->used = -1;
            else it->left--;
        }
    }
    WF_END_CRITICAL_SECTION();
    if (err) return wf_err_format(&wf_exc_RuntimeError, "Set changed size during iteration");
    return k;
}
static void setiter_dealloc(wf_object *o) {
    wf_decref(((setiter *)o)->set);
    wfo_free_instance(o);
}
static wf_object *iter_self(wf_object *o) { return wf_newref(o); }
static wf_object *setiter_length_hint(wf_object *o, wf_object *u) {
    setiter *it = (setiter *)o;
    return wf_int_from_ssize(it->used >= 0 && it->used == wf_set_size(it->set) ? it->left : 0);
}
static wf_method_def setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};
/* gc: the set (world stopped; the field never changes). */
static int setiter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return visit(((setiter *)o)->set, arg);
}
static wf_type set_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

void wfo_set_init(void) {
    wf_type_ready(&wf_set_type);
    wf_type_ready(&wf_frozenset_type);
    wf_type_ready(&set_iter_type);
}
