/*
 * runtime/objects/dict.c — dict (insertion-ordered compact hash table),
 * its views (dict_keys, dict_values, dict_items) and their iterators.
 *
 * Representation (one wfm_malloc block per table, struct wfo_dict_keys):
 *   size      number of index slots, a power of two (>= 8)
 *   usable    number of entries the table can hold (2/3 of size)
 *   nentries  entries appended so far, deleted ones included
 *   indices[size]  1, 2, 4 or 8-byte signed slots: EMPTY (-1), DUMMY (-2,
 *             a deleted entry) or the index of an entry
 *   entries[usable] {hash, key, value}; key NULL = deleted
 * Probing is CPython's: i = hash & mask, then i = 5*i + perturb + 1 with
 * perturb >>= 5 each step.  Iteration walks the entries in order, so the
 * dict remembers insertion order.
 *
 * Invariants:
 *  - Entries are append-only: an entry index, once used, is never reused
 *    for another key within one table, and a DUMMY index slot is never
 *    turned back into a live one.  So the number of non-EMPTY index slots
 *    equals nentries <= usable < size, probing always meets an EMPTY slot,
 *    and a lock-free reader that found index ix for a key can
 *    only ever see that key or NULL in entries[ix].
 *  - When nentries reaches usable, the next insertion rebuilds the table
 *    (compacted, sized for 3*used as CPython) and publishes it.
 *  - ma_keys is never NULL: an empty dict points at a static empty table
 *    (usable 0) that is never freed.
 *
 * Thread-safety (free-threaded flavour):
 *  - Every mutation runs in the dict's critical section (d[k] = v when k
 *    itself, or no key of its hash, is in the table: a leaf section,
 *    threads/critsec.h, since no comparison runs).  A new entry's
 *    fields are written before its index slot is published with a release
 *    store; a value replacement is a release store; a deletion stores NULL
 *    key/value (release) and DUMMY in the index.  A rebuilt table is fully
 *    built before ma_keys is published (release).  The old table is freed
 *    with wfm_free_delayed once the dict is marked shared (WF_GC_SHARED,
 *    set by the locked paths when a thread other than the owner touches the
 *    dict), immediately otherwise.
 *  - Lookups (d[k], get, `in`, wf_dict_get_item_ref: also globals,
 *    builtins and instance attributes) take no lock for the owner or once
 *    the dict is shared (lookup_lockfree); they fall back to the locked
 *    lookup when a key comparison would run Python code (__eq__ of a
 *    non-str key), a try-incref fails or the table changed.  The locked
 *    lookup may run __eq__ while the section is held (it is suspended if
 *    that code blocks); afterwards it restarts if the table or the entry
 *    changed, as CPython does.  Results are new references.
 *  - Hashes are computed before the section is entered.
 */
#include "runtime/objects/containers.h"

#include <stdlib.h>

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define IX_ERROR (-3)
#define PERTURB_SHIFT 5
#define MIN_LOG2 3

typedef struct entry {
    _Atomic wf_hash_t hash;
    wf_object *_Atomic key;
    wf_object *_Atomic value;
} entry;

struct wfo_dict_keys {
    wf_ssize_t size;
    wf_ssize_t usable;
    _Atomic wf_ssize_t nentries;
    uint8_t log2_size;
    uint8_t log2_ixbytes;
    int64_t indices[]; /* really size << log2_ixbytes bytes, then entries */
};
typedef struct wfo_dict_keys keys_t;

/* The shared empty table: 8 one-byte EMPTY slots, no entries.  Declared
 * with the same layout as keys_t but a fixed-size index array, so it can
 * be a static object (never freed). */
static struct {
    wf_ssize_t size;
    wf_ssize_t usable;
    _Atomic wf_ssize_t nentries;
    uint8_t log2_size;
    uint8_t log2_ixbytes;
    int64_t indices[1];
} empty_keys_storage = {.size = 8, .usable = 0, .nentries = 0, .log2_size = 3,
                        .log2_ixbytes = 0, .indices = {-1}};
static_assert(offsetof(keys_t, indices) == offsetof(__typeof__(empty_keys_storage), indices),
              "empty table layout");
#define EMPTY_KEYS ((keys_t *)(void *)&empty_keys_storage)

static inline entry *entries_of(keys_t *k) {
    return (entry *)((char *)k->indices + ((size_t)k->size << k->log2_ixbytes));
}
static inline wf_ssize_t get_index(keys_t *k, size_t i) {
    /* One-byte slots (tables up to 128 slots) first: most dicts. */
    if (WF_LIKELY(k->log2_ixbytes == 0)) return __atomic_load_n((int8_t *)k->indices + i, __ATOMIC_ACQUIRE);
    switch (k->log2_ixbytes) {
    case 0: return __atomic_load_n((int8_t *)k->indices + i, __ATOMIC_ACQUIRE);
    case 1: return __atomic_load_n((int16_t *)k->indices + i, __ATOMIC_ACQUIRE);
    case 2: return __atomic_load_n((int32_t *)k->indices + i, __ATOMIC_ACQUIRE);
    default: return __atomic_load_n((int64_t *)k->indices + i, __ATOMIC_ACQUIRE);
    }
}
static inline void set_index(keys_t *k, size_t i, wf_ssize_t ix) {
    switch (k->log2_ixbytes) {
    case 0: __atomic_store_n((int8_t *)k->indices + i, (int8_t)ix, __ATOMIC_RELEASE); break;
    case 1: __atomic_store_n((int16_t *)k->indices + i, (int16_t)ix, __ATOMIC_RELEASE); break;
    case 2: __atomic_store_n((int32_t *)k->indices + i, (int32_t)ix, __ATOMIC_RELEASE); break;
    default: __atomic_store_n((int64_t *)k->indices + i, (int64_t)ix, __ATOMIC_RELEASE); break;
    }
}

#define LD(p) atomic_load_explicit(&(p), memory_order_relaxed)
#define ST(p, v) atomic_store_explicit(&(p), (v), memory_order_release)

static keys_t *new_keys(int log2_size) {
    if (log2_size < MIN_LOG2) log2_size = MIN_LOG2;
    if (log2_size > 48) return NULL;
    wf_ssize_t size = (wf_ssize_t)1 << log2_size;
    int lx = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
    wf_ssize_t usable = (size << 1) / 3;
    size_t bytes = sizeof(keys_t) + ((size_t)size << lx) + (size_t)usable * sizeof(entry);
    keys_t *k = wfm_malloc(bytes);
    if (!k) return NULL;
    k->size = size;
    k->usable = usable;
    atomic_store_explicit(&k->nentries, 0, memory_order_relaxed);
    k->log2_size = (uint8_t)log2_size;
    k->log2_ixbytes = (uint8_t)lx;
    memset(k->indices, 0xff, (size_t)size << lx);
    memset(entries_of(k), 0, (size_t)usable * sizeof(entry));
    return k;
}

static keys_t *load_keys(wf_dict *d) { return atomic_load_explicit(&d->ma_keys, memory_order_relaxed); }

static inline void note_access(wf_dict *d) {
#if WF_FREE_THREADED
    if (!wf_is_owned_by_current_thread((wf_object *)d) &&
        !(wf_gc_bits((wf_object *)d) & WF_GC_SHARED))
        wf_gc_bits_set((wf_object *)d, WF_GC_SHARED);
#else
    (void)d;
#endif
}

static void free_keys(wf_dict *d, keys_t *k) {
    if (k == EMPTY_KEYS) return;
#if WF_FREE_THREADED
    if (d && (wf_gc_bits((wf_object *)d) & WF_GC_SHARED)) {
        wfm_free_delayed(k);
        return;
    }
#endif
    wfm_free(k);
}

/* ma_version: written only here, and every caller holds the dict's
 * critical section (insert_locked, delete_locked, clear), so writers are
 * serialized by the lock and a relaxed load + store loses no increment --
 * no RMW needed.  A lock-free reader may read it with a relaxed load. */
static void bump_version(wf_dict *d) {
    atomic_store_explicit(&d->ma_version,
                          atomic_load_explicit(&d->ma_version, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

static inline wf_hash_t key_hash(wf_object *key) {
    if (WF_STR_CHECK_EXACT(key)) {
        /* str's cached hash (weft/objects.h), read inline: str.c computes
         * it once and stores it with a relaxed store, as we load it. */
        wf_hash_t h = atomic_load_explicit(&((wf_str *)key)->hash, memory_order_relaxed);
        return WF_LIKELY(h != -1) ? h : wf_str_hash(key);
    }
    return wf_object_hash(key);
}

/* Find key (under the lock).  Returns the entry index, IX_EMPTY when
 * missing, IX_ERROR with an exception. */
static wf_ssize_t lookup(wf_dict *d, wf_object *key, wf_hash_t hash) {
restart:;
    keys_t *k = load_keys(d);
    entry *ep = entries_of(k);
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    int key_is_str = WF_STR_CHECK_EXACT(key);
    for (;;) {
        wf_ssize_t ix = get_index(k, i);
        if (ix == IX_EMPTY) return IX_EMPTY;
        if (ix >= 0) {
            entry *e = &ep[ix];
            wf_object *ek = LD(e->key);
            if (ek == key) return ix;
            if (ek && LD(e->hash) == hash) {
                if (key_is_str && WF_STR_CHECK_EXACT(ek)) {
                    if (wf_str_eq(ek, key)) return ix;
                } else {
                    wf_incref(ek);
                    int cmp = wf_object_rich_compare_bool(ek, key, WF_EQ);
                    wf_decref(ek);
                    if (cmp < 0) return IX_ERROR;
                    if (load_keys(d) != k || LD(e->key) != ek) goto restart;
                    if (cmp) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The common case of lookup() without its calls (under the lock): the
 * entry index holding key itself, IX_EMPTY if the probe ends without
 * meeting any other key of the same hash (then no key equal to key is
 * present: equal keys hash alike, and lookup compares only those), or
 * IX_UNKNOWN: a different key with the same hash needs lookup()'s
 * comparison. */
#define IX_UNKNOWN (-4)
static inline wf_ssize_t find_identical(keys_t *k, wf_object *key, wf_hash_t hash) {
    entry *ep = entries_of(k);
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        wf_ssize_t ix = get_index(k, i);
        if (ix == IX_EMPTY) return IX_EMPTY;
        if (ix >= 0) {
            wf_object *ek = LD(ep[ix].key);
            if (ek == key) return ix;
            if (ek && LD(ep[ix].hash) == hash) return IX_UNKNOWN;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

#if WF_FREE_THREADED
/* The lock-free read (docs/internals/containers.md).  Returns 1 found
 * (*out a new reference), 0 missing, or -2: take the locked path (a key
 * comparison would run Python code, a try-incref failed, or the table or
 * entry changed under us).  Only for the owner or a shared dict, whose
 * replaced tables are freed after a grace period.
 *
 * Why it is safe: a table is published fully built (release) and an entry
 * before its index slot (release); entries are never reused for another
 * key within a table, so an entry found for a key holds that key or NULL
 * for the table's lifetime.  Keys other than the probe itself are
 * compared only after a try-incref that re-checks the entry (so they are
 * alive while compared) and only when both are exact str (no Python code
 * runs; small exact ints likewise).  The value is taken with a try-incref that re-checks its slot;
 * afterwards the entry must still hold the key and the dict that table. */
static int lookup_lockfree(wf_dict *d, wf_object *key, wf_hash_t hash, wf_object **out) {
    keys_t *k = atomic_load_explicit(&d->ma_keys, memory_order_acquire);
    entry *ep = entries_of(k);
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        wf_ssize_t ix = get_index(k, i);
        if (ix == IX_EMPTY) {
            if (atomic_load_explicit(&d->ma_keys, memory_order_acquire) != k) return -2;
            return 0;
        }
        if (ix >= 0) {
            entry *e = &ep[ix];
            wf_object *ek = atomic_load_explicit(&e->key, memory_order_acquire);
            int match = 0;
            if (ek == key) {
                match = 1;
            } else if (ek && LD(e->hash) == hash) {
                /* Tested here, not up front: most probes end on the
                 * identical (interned) key or an EMPTY slot. */
                if (!wfo_is_plain_key(key)) return -2;
                if (!wfo_try_incref_compare(&e->key, ek)) return -2;
                match = wfo_plain_key_eq(ek, key);
                /* Keys of a dict every thread reads (weft/object.h) are
                 * counted by every reader that compares them. */
                if (WF_UNLIKELY(wf_is_perthread((wf_object *)d))) wf_perthread_note_shared_load(ek);
                wf_decref(ek);
                if (match < 0) return -2;
            }
            if (match) {
                wf_object *v;
                if (!wfo_try_xget_ref(&e->value, &v) || !v) return -2;
                if (atomic_load_explicit(&e->key, memory_order_acquire) != ek ||
                    atomic_load_explicit(&d->ma_keys, memory_order_acquire) != k) {
                    wf_decref(v);
                    return -2;
                }
                *out = v;
                return 1;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}
#endif

/* First EMPTY index slot for hash (DUMMY slots are never reused). */
static size_t find_empty_slot(keys_t *k, wf_hash_t hash) {
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (get_index(k, i) != IX_EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static int log2_for(wf_ssize_t minsize) {
    int l = MIN_LOG2;
    while (((wf_ssize_t)1 << l) < minsize) l++;
    return l;
}

/* Rebuild the table with room for at least minused entries (under the
 * lock).  0, or -1 with MemoryError. */
static int resize(wf_dict *d, wf_ssize_t minused) {
    keys_t *old = load_keys(d);
    /* CPython's sizing: the smallest power of two >= minused (3*used),
     * whose usable 2/3 leaves room for as many new keys as live ones. */
    keys_t *k = new_keys(log2_for(minused));
    if (!k) { wf_err_no_memory(); return -1; }
    entry *src = entries_of(old), *dst = entries_of(k);
    wf_ssize_t n = LD(old->nentries), j = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *key = LD(src[i].key);
        if (!key) continue;
        wf_hash_t h = LD(src[i].hash);
        atomic_store_explicit(&dst[j].hash, h, memory_order_relaxed);
        atomic_store_explicit(&dst[j].key, key, memory_order_relaxed);
        atomic_store_explicit(&dst[j].value, LD(src[i].value), memory_order_relaxed);
        set_index(k, find_empty_slot(k, h), j);
        j++;
    }
    atomic_store_explicit(&k->nentries, j, memory_order_relaxed);
    atomic_store_explicit(&d->ma_keys, k, memory_order_release);
    free_keys(d, old);
    return 0;
}

/* insert_locked once the key's place is known: ix is find_identical's or
 * lookup's answer (not IX_UNKNOWN), computed under the lock held since.
 * Runs no Python code: the key is replaced only by an identical or equal
 * one it already holds, and the caller releases the old value. */
static int insert_found(wf_dict *d, wf_object *key, wf_hash_t hash, wf_object *value, wf_ssize_t ix,
                        wf_object **old_value) {
    *old_value = NULL;
    if (ix == IX_ERROR) goto fail;
    if (ix >= 0) {
        entry *e = &entries_of(load_keys(d))[ix];
        *old_value = LD(e->value);
        ST(e->value, value);
        bump_version(d);
        wf_decref(key);
        return 0;
    }
    keys_t *k = load_keys(d);
    if (LD(k->nentries) >= k->usable) {
        wf_ssize_t used = LD(d->ma_used);
        if (resize(d, used * 3 > 5 ? used * 3 : 5) < 0) goto fail;
        k = load_keys(d);
    }
    wf_ssize_t n = LD(k->nentries);
    entry *e = &entries_of(k)[n];
    atomic_store_explicit(&e->hash, hash, memory_order_relaxed);
    atomic_store_explicit(&e->key, key, memory_order_relaxed);
    atomic_store_explicit(&e->value, value, memory_order_relaxed);
    set_index(k, find_empty_slot(k, hash), n);
    ST(k->nentries, n + 1);
    ST(d->ma_used, LD(d->ma_used) + 1);
    bump_version(d);
    return 0;
fail:
    wf_decref(key);
    wf_decref(value);
    return -1;
}

/* Insert or replace (under the lock).  Steals key and value; *old_value
 * receives the replaced value to be released by the caller after the
 * section.  0, or -1. */
static int insert_locked(wf_dict *d, wf_object *key, wf_hash_t hash, wf_object *value,
                         wf_object **old_value) {
    wf_ssize_t ix = find_identical(load_keys(d), key, hash);
    if (ix == IX_UNKNOWN) ix = lookup(d, key, hash);
    return insert_found(d, key, hash, value, ix, old_value);
}

/* Delete entry ix found by lookup (under the lock); returns the key and
 * value references for the caller to release. */
static void delete_locked(wf_dict *d, wf_hash_t hash, wf_ssize_t ix, wf_object **key,
                          wf_object **value) {
    keys_t *k = load_keys(d);
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (get_index(k, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    set_index(k, i, IX_DUMMY);
    entry *e = &entries_of(k)[ix];
    *key = LD(e->key);
    *value = LD(e->value);
    ST(e->key, NULL);
    ST(e->value, NULL);
    ST(d->ma_used, LD(d->ma_used) - 1);
    bump_version(d);
}

/* ---------------------------------------------------------------------------
 * C API
 */
wf_object *wf_dict_new(void) {
    wf_dict *d = (wf_dict *)wfo_alloc(&wf_dict_type, sizeof(wf_dict));
    if (d) atomic_store_explicit(&d->ma_keys, EMPTY_KEYS, memory_order_relaxed);
    return (wf_object *)d;
}

static int set_item_hash(wf_object *o, wf_object *key, wf_hash_t hash, wf_object *value) {
    wf_dict *d = (wf_dict *)o;
    wf_object *old = NULL;
    int rc = 0;
    wf_incref(key);
    wf_incref(value);
    /* When the key itself is in the table, or no key of its hash is, the
     * store compares nothing and runs no code: a leaf section (critsec.h).
     * Otherwise a full section, across lookup()'s comparisons. */
    wf_ssize_t ix;
    WF_BEGIN_LEAF_SECTION(d);
    note_access(d);
    ix = find_identical(load_keys(d), key, hash);
    if (ix != IX_UNKNOWN) rc = insert_found(d, key, hash, value, ix, &old);
    WF_END_LEAF_SECTION();
    if (ix == IX_UNKNOWN) {
        WF_BEGIN_CRITICAL_SECTION(d);
        note_access(d);
        rc = insert_locked(d, key, hash, value, &old);
        WF_END_CRITICAL_SECTION();
    }
    if (old) wf_decref(old);
    return rc;
}

/* typecache.h: d[key] = value, handing the replaced value (new reference,
 * NULL if key was absent) to the caller instead of releasing it. */
int wfo_dict_exchange_item(wf_object *o, wf_object *key, wf_object *value, wf_object **old) {
    wf_dict *d = (wf_dict *)o;
    *old = NULL;
    wf_hash_t h = key_hash(key);
    if (h == -1) return -1;
    int rc;
    wf_incref(key);
    wf_incref(value);
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    rc = insert_locked(d, key, h, value, old);
    WF_END_CRITICAL_SECTION();
    return rc;
}

int wf_dict_set_item(wf_object *o, wf_object *key, wf_object *value) {
    wf_hash_t h = key_hash(key);
    if (h == -1) return -1;
    return set_item_hash(o, key, h, value);
}

/* The locked lookup (the fallback of every lock-free read). */
static WF_NOINLINE int get_ref_hash_locked(wf_dict *d, wf_object *key, wf_hash_t h,
                                           wf_object **out) {
    int rc;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    wf_ssize_t ix = lookup(d, key, h);
    if (ix == IX_ERROR) rc = -1;
    else if (ix < 0) rc = 0;
    else {
        entry *e = &entries_of(load_keys(d))[ix];
        *out = LD(e->value);
        wf_incref_with_lock(*out);
        /* The lock-free path try-increfs a matching key it compares by
         * value (an int or str equal to ours, not the same object): let
         * it succeed from now on, or every later read comes here. */
        wf_enable_try_incref(LD(e->key));
        rc = 1;
    }
    WF_END_CRITICAL_SECTION();
    return rc;
}

#if WF_FREE_THREADED
/* get_ref_hash past its inline probe: the whole lock-free read, then the
 * locked one. */
static WF_NOINLINE int get_ref_hash_slow(wf_dict *d, wf_object *key, wf_hash_t h,
                                         wf_object **out) {
    int rc = lookup_lockfree(d, key, h, out);
    if (rc != -2) return rc;
    return get_ref_hash_locked(d, key, h, out);
}

/* The probe found key itself in entry e of table k, but its value needs
 * more than the inline cases: lookup_lockfree's value step (a full
 * try-incref, then the same re-checks), then the locked read. */
static WF_NOINLINE int get_ref_value_slow(wf_dict *d, keys_t *k, entry *e, wf_object *key,
                                          wf_hash_t h, wf_object **out) {
    wf_object *v;
    if (wfo_try_xget_ref(&e->value, &v) && v) {
        if (atomic_load_explicit(&e->key, memory_order_acquire) == key &&
            atomic_load_explicit(&d->ma_keys, memory_order_acquire) == k) {
            *out = v;
            return 1;
        }
        wf_decref(v);
    }
    return get_ref_hash_locked(d, key, h, out);
}
#endif

#if WF_FREE_THREADED
/* The value step of the inline read, once entry e of table k was seen
 * holding key itself: 1 with *out a new reference when the value needs no
 * RMW to count (see get_ref_hash_ex), 0 for everything else (the caller
 * starts that step over out of line). */
WF_INLINE int value_fast(wf_dict *d, keys_t *k, entry *e, wf_object *key, wf_object **out) {
    wf_object *v = atomic_load(&e->value);
    if (WF_UNLIKELY(v == NULL)) return 0;
    uint32_t local = atomic_load_explicit(&v->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) {
        if (atomic_load(&e->value) == v &&
            atomic_load_explicit(&e->key, memory_order_acquire) == key &&
            atomic_load_explicit(&d->ma_keys, memory_order_acquire) == k) {
            *out = v;
            return 1;
        }
        return 0;
    }
    uint32_t tid = atomic_load_explicit(&v->ob_tid, memory_order_acquire);
    if (tid == wft_tls_index) {
        /* No re-check: v is ours, so no other thread can free it (its
         * drops reach our merge queue), and it was in the entry, which
         * holds this key for good (entries are append-only), at the time
         * we read it: a value stored or removed since is a later state. */
        atomic_store_explicit(&v->ob_ref_local, local + 1, memory_order_relaxed);
        *out = v;
        return 1;
    }
    if (tid == WF_TID_PERTHREAD) {
        /* wf_perthread_add's inline case (after the acquire of the tid,
         * ob_ref_local is the id); a per-thread object is freed only in a
         * pause, so the count may be raised before the slot re-check and
         * undone without a dealloc. */
        uint32_t id = atomic_load_explicit(&v->ob_ref_local, memory_order_relaxed);
        if (WF_LIKELY(id < wf_tls_ptc_cap)) {
            _Atomic intptr_t *c = &wf_tls_ptc[id];
            intptr_t n = atomic_load_explicit(c, memory_order_relaxed);
            atomic_store_explicit(c, n + 1, memory_order_relaxed);
            if (atomic_load(&e->value) == v &&
                atomic_load_explicit(&e->key, memory_order_acquire) == key &&
                atomic_load_explicit(&d->ma_keys, memory_order_acquire) == k) {
                *out = v;
                return 1;
            }
            atomic_store_explicit(c, n, memory_order_relaxed);
        }
    }
    return 0;
}
#endif

/* d[key] as a new reference: 1 found, 0 missing, -1 error.
 *
 * Free-threaded: the owner, or anyone once the dict is shared, reads
 * without the lock.  The inline part is lookup_lockfree restricted to
 * what needs no call -- so that this path needs no stack frame: probe for
 * the identical key object (interned names always are), and take the
 * value when it is owned by the calling thread (a plain count store, and
 * no re-check: no other thread can free it, containers.h's
 * wfo_try_xget_ref explains why, and the entry held the key when the value
 * was read, so the read is a valid state of the dict), immortal (slot
 * re-check first, as wfo_try_incref_compare) or counted per thread (the
 * thread's own counter slot, then the slot re-check, as
 * wfo_try_incref_compare; builtins and module-level functions).  The
 * re-checks are lookup_lockfree's: the entry still holds the key and the
 * dict still uses the table.  Every other case -- a key equal but not identical, a
 * value that needs a shared try-incref, a changed table -- goes out of
 * line and starts that step over (get_ref_value_slow, get_ref_hash_slow).
 * found_ix: where a hit through the inline paths stores the entry index it
 * used (wfo_dict_get_ref_nolock_hinted), or NULL. */
WF_INLINE int get_ref_hash_ex(wf_object *o, wf_object *key, wf_hash_t h, wf_object **out,
                              bool nolock, wf_ssize_t *found_ix) {
    wf_dict *d = (wf_dict *)o;
#if WF_FREE_THREADED
    if (WF_UNLIKELY(!wf_is_owned_by_current_thread(o) && !(wf_gc_bits(o) & WF_GC_SHARED)))
        return nolock ? -2 : get_ref_hash_locked(d, key, h, out);
    keys_t *k = atomic_load_explicit(&d->ma_keys, memory_order_acquire);
    entry *ep = entries_of(k);
    size_t mask = (size_t)k->size - 1, i = (size_t)h & mask, perturb = (size_t)h;
    for (;;) {
        wf_ssize_t ix = get_index(k, i);
        if (ix == IX_EMPTY) {
            if (WF_UNLIKELY(atomic_load_explicit(&d->ma_keys, memory_order_acquire) != k))
                return nolock ? lookup_lockfree(d, key, h, out) : get_ref_hash_slow(d, key, h, out);
            return 0;
        }
        if (ix >= 0) {
            entry *e = &ep[ix];
            wf_object *ek = atomic_load_explicit(&e->key, memory_order_acquire);
            if (ek == key) {
                if (WF_LIKELY(value_fast(d, k, e, key, out))) {
                    if (found_ix) *found_ix = ix;
                    return 1;
                }
                return nolock ? lookup_lockfree(d, key, h, out)
                              : get_ref_value_slow(d, k, e, key, h, out);
            }
            if (ek && LD(e->hash) == h)
                return nolock ? lookup_lockfree(d, key, h, out) : get_ref_hash_slow(d, key, h, out);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
#else
    {
        /* The GIL flavour's probe for keys compared without running code
         * (identical, or both plain keys); anything else takes the full
         * lookup (or, nolock, is handed back). */
        keys_t *k = load_keys(d);
        entry *ep = entries_of(k);
        size_t mask = (size_t)k->size - 1, i = (size_t)h & mask, perturb = (size_t)h;
        for (;;) {
            wf_ssize_t ix = get_index(k, i);
            if (ix == IX_EMPTY) return 0;
            if (ix >= 0) {
                entry *e = &ep[ix];
                wf_object *ek = LD(e->key);
                int match = ek == key;
                if (!match && ek && LD(e->hash) == h) {
                    if (!wfo_is_plain_key(ek) || !wfo_is_plain_key(key))
                        return nolock ? -2 : get_ref_hash_locked(d, key, h, out);
                    match = wfo_plain_key_eq(ek, key);
                    if (match < 0) return nolock ? -2 : get_ref_hash_locked(d, key, h, out);
                }
                if (match) {
                    *out = wf_newref(LD(e->value));
                    if (found_ix) *found_ix = ix;
                    return 1;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
#endif
}

/* One out-of-line copy for the ordinary lookups (as before the nolock
 * variant existed); wfo_dict_get_ref_nolock has its own inlined one. */
static WF_NOINLINE int get_ref_hash(wf_object *o, wf_object *key, wf_hash_t h, wf_object **out) {
    return get_ref_hash_ex(o, key, h, out, false, NULL);
}

/* d[key] for an exact str key with its hash cached, when it can be found
 * without the lock and without running code: 1 found (*out a new
 * reference), 0 missing, -2 not decided here (the dict is not readable
 * lock-free yet, a key must be compared by calling code, or a racing
 * writer got in the way): use wf_dict_get_item_ref.  It reaches no safe
 * point, so a caller may run it on a dict it merely borrows, as long as
 * the dict cannot be freed before the caller's next quiescent state
 * (wfo_instance_dict_get_ref, objimpl.h). */
/* The hash an exact str caches, or -1 (not an exact str, or not hashed yet). */
static inline wf_hash_t cached_str_hash(wf_object *key) {
    if (WF_UNLIKELY(!WF_STR_CHECK_EXACT(key))) return -1;
    return atomic_load_explicit(&((wf_str *)key)->hash, memory_order_relaxed);
}

int wfo_dict_get_ref_nolock(wf_object *o, wf_object *key, wf_object **out) {
    *out = NULL;
    wf_hash_t h = cached_str_hash(key);
    if (WF_UNLIKELY(h == -1)) return -2;
    return get_ref_hash_ex(o, key, h, out, true, NULL);
}

/* The probe after a wrong guess: a hit found by probing becomes the new
 * guess (a miss leaves the guess alone: a site that sees the name in some
 * dicts and not in others keeps its index). */
static WF_NOINLINE int get_ref_probe_hinted(wf_object *o, wf_object *key, wf_object **out,
                                            _Atomic uintptr_t *hint) {
    *out = NULL;
    wf_hash_t h = cached_str_hash(key);
    if (WF_UNLIKELY(h == -1)) return -2;
    wf_ssize_t found = -1;
    int r = get_ref_hash_ex(o, key, h, out, true, &found);
    if (found >= 0) atomic_store_explicit(hint, (uintptr_t)found, memory_order_relaxed);
    return r;
}

/* wfo_dict_get_ref_nolock with a guess of where key is (objimpl.h): the
 * entry at index *hint of the current table is tried first, and only if
 * it does not hold key itself (or its value needs more than the inline
 * cases) does the probe run; a hit there stores the index it used.  Any
 * value of *hint is safe: it is bounds-checked against the entries the
 * table has published (nentries, acquire) and the entry must hold key
 * itself, and an entry holding a key is the key's one live entry in that
 * table (entries are append-only; a deleted entry's key is NULL).  So
 * threads racing on one hint cost each other only a probe.  The guess is
 * checked in a leaf function (no registers to save, nothing else inlined);
 * a wrong one tail-calls the probe. */
int wfo_dict_get_ref_nolock_hinted(wf_object *o, wf_object *key, wf_object **out,
                                   _Atomic uintptr_t *hint) {
    wf_dict *d = (wf_dict *)o;
    uintptr_t ix = atomic_load_explicit(hint, memory_order_relaxed);
#if WF_FREE_THREADED
    if (WF_LIKELY(wf_is_owned_by_current_thread(o) || (wf_gc_bits(o) & WF_GC_SHARED))) {
        keys_t *k = atomic_load_explicit(&d->ma_keys, memory_order_acquire);
        if (ix < (uintptr_t)atomic_load_explicit(&k->nentries, memory_order_acquire)) {
            entry *e = &entries_of(k)[ix];
            if (atomic_load_explicit(&e->key, memory_order_acquire) == key &&
                value_fast(d, k, e, key, out))
                return 1;
        }
    }
#else
    keys_t *k = load_keys(d);
    if (ix < (uintptr_t)LD(k->nentries)) {
        entry *e = &entries_of(k)[ix];
        if (LD(e->key) == key) {
            *out = wf_newref(LD(e->value));
            return 1;
        }
    }
#endif
    return get_ref_probe_hinted(o, key, out, hint);
}

static WF_NOINLINE int get_item_ref_hashing(wf_object *o, wf_object *key, wf_object **out) {
    wf_hash_t h = key_hash(key);
    if (h == -1) return -1;
    return get_ref_hash(o, key, h, out);
}

int wf_dict_get_item_ref(wf_object *o, wf_object *key, wf_object **out) {
    *out = NULL;
    /* A str with its hash cached (every name) goes straight to the probe,
     * with no stack frame; anything that needs a call to hash, out of line. */
    if (WF_LIKELY(WF_STR_CHECK_EXACT(key))) {
        wf_hash_t h = atomic_load_explicit(&((wf_str *)key)->hash, memory_order_relaxed);
        if (WF_LIKELY(h != -1)) return get_ref_hash(o, key, h, out);
    }
    return get_item_ref_hashing(o, key, out);
}

int wf_dict_get_item_string_ref(wf_object *d, const char *key, wf_object **out) {
    *out = NULL;
    wf_object *k = wf_str_from_cstr(key);
    if (!k) return -1;
    int rc = wf_dict_get_item_ref(d, k, out);
    wf_decref(k);
    return rc;
}

/* The key is interned, as CPython's PyDict_SetItemString does: these are
 * names (module attributes, builtins, sys entries), and code looks them
 * up with its interned names, which then find the identical key object
 * on the lock-free probe instead of comparing strings. */
int wf_dict_set_item_string(wf_object *d, const char *key, wf_object *value) {
    wf_object *k = wf_str_intern_cstr(key);
    if (!k) return -1;
    int rc = wf_dict_set_item(d, k, value);
    wf_decref(k);
    return rc;
}

static void set_key_error(wf_object *key) {
    wf_object *args = wf_tuple_pack(1, key);
    if (!args) return;
    wf_err_set_object(&wf_exc_KeyError, args);
    wf_decref(args);
}

/* Pop with a precomputed hash: 1 found (*out new ref or dropped), 0, -1. */
static int pop_hash(wf_object *o, wf_object *key, wf_hash_t h, wf_object **out) {
    wf_dict *d = (wf_dict *)o;
    wf_object *k = NULL, *v = NULL;
    int rc;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    wf_ssize_t ix = LD(d->ma_used) ? lookup(d, key, h) : IX_EMPTY;
    if (ix == IX_ERROR) rc = -1;
    else if (ix < 0) rc = 0;
    else {
        delete_locked(d, h, ix, &k, &v);
        rc = 1;
    }
    WF_END_CRITICAL_SECTION();
    if (k) wf_decref(k);
    if (v) {
        if (out) *out = v;
        else wf_decref(v);
    }
    return rc;
}

int wf_dict_pop(wf_object *d, wf_object *key, wf_object **out) {
    if (out) *out = NULL;
    wf_hash_t h = key_hash(key);
    if (h == -1) return -1;
    return pop_hash(d, key, h, out);
}

int wf_dict_del_item(wf_object *d, wf_object *key) {
    int rc = wf_dict_pop(d, key, NULL);
    if (rc == 0) {
        set_key_error(key);
        return -1;
    }
    return rc < 0 ? -1 : 0;
}

int wf_dict_del_item_string(wf_object *d, const char *key) {
    wf_object *k = wf_str_from_cstr(key);
    if (!k) return -1;
    int rc = wf_dict_del_item(d, k);
    wf_decref(k);
    return rc;
}

int wf_dict_contains(wf_object *d, wf_object *key) {
    wf_object *v;
    int rc = wf_dict_get_item_ref(d, key, &v);
    if (rc > 0) wf_decref(v);
    return rc;
}

wf_object *wf_dict_setdefault(wf_object *o, wf_object *key, wf_object *dflt) {
    wf_dict *d = (wf_dict *)o;
    wf_hash_t h = key_hash(key);
    if (h == -1) return NULL;
    wf_object *r = NULL, *old = NULL;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    wf_ssize_t ix = lookup(d, key, h);
    if (ix >= 0) r = wf_newref(LD(entries_of(load_keys(d))[ix].value));
    else if (ix == IX_EMPTY) {
        wf_incref(key);
        wf_incref(dflt);
        if (insert_locked(d, key, h, dflt, &old) == 0) r = wf_newref(dflt);
    }
    WF_END_CRITICAL_SECTION();
    if (old) wf_decref(old);
    return r;
}

wf_ssize_t wf_dict_size(wf_object *d) {
    return atomic_load_explicit(&((wf_dict *)d)->ma_used, memory_order_relaxed);
}

int wf_dict_next(wf_object *o, wf_ssize_t *pos, wf_object **k, wf_object **v) {
    wf_dict *d = (wf_dict *)o;
    int found = 0;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    keys_t *kt = load_keys(d);
    entry *ep = entries_of(kt);
    wf_ssize_t n = LD(kt->nentries), i = *pos;
    for (; i < n; i++) {
        wf_object *key = LD(ep[i].key);
        if (!key) continue;
        if (k) *k = wf_newref(key);
        if (v) *v = wf_newref(LD(ep[i].value));
        found = 1;
        i++;
        break;
    }
    *pos = i;
    WF_END_CRITICAL_SECTION();
    return found;
}

/* Snapshot of the live entries as new references (keys, values, hashes),
 * under the lock.  *n set; 0 or -1 with MemoryError. */
typedef struct snapshot {
    wf_ssize_t n;
    wf_object **keys, **values;
    wf_hash_t *hashes;
} snapshot;

static int take_snapshot(wf_object *o, snapshot *s) {
    wf_dict *d = (wf_dict *)o;
    int rc = 0;
    s->n = 0;
    s->keys = s->values = NULL;
    s->hashes = NULL;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    wf_ssize_t used = LD(d->ma_used);
    if (used) {
        s->keys = wfm_malloc((size_t)used * sizeof(wf_object *));
        s->values = wfm_malloc((size_t)used * sizeof(wf_object *));
        s->hashes = wfm_malloc((size_t)used * sizeof(wf_hash_t));
        if (!s->keys || !s->values || !s->hashes) rc = -1;
        else {
            keys_t *kt = load_keys(d);
            entry *ep = entries_of(kt);
            wf_ssize_t n = LD(kt->nentries);
            for (wf_ssize_t i = 0; i < n && s->n < used; i++) {
                wf_object *key = LD(ep[i].key);
                if (!key) continue;
                s->keys[s->n] = wf_newref(key);
                s->values[s->n] = wf_newref(LD(ep[i].value));
                s->hashes[s->n] = LD(ep[i].hash);
                s->n++;
            }
        }
    }
    WF_END_CRITICAL_SECTION();
    if (rc < 0) {
        wfm_free(s->keys);
        wfm_free(s->values);
        wfm_free(s->hashes);
        s->keys = s->values = NULL;
        s->hashes = NULL;
        wf_err_no_memory();
    }
    return rc;
}

static void release_snapshot(snapshot *s) {
    for (wf_ssize_t i = 0; i < s->n; i++) {
        wf_xdecref(s->keys[i]);
        wf_xdecref(s->values[i]);
    }
    wfm_free(s->keys);
    wfm_free(s->values);
    wfm_free(s->hashes);
    s->n = 0;
}

wf_object *wf_dict_copy(wf_object *o) {
    wf_object *r = wf_dict_new();
    if (!r) return NULL;
    if (wf_dict_merge(r, o, 1) < 0) { wf_decref(r); return NULL; }
    return r;
}

static wf_object *dict_iter(wf_object *o);

/* A dict whose iteration is dict's own can be read directly; a subclass
 * overriding __iter__ goes through keys()/__getitem__ as in CPython. */
static int is_plain_dict(wf_object *o) { return WF_DICT_CHECK(o) && WF_TYPE(o)->tp_iter == dict_iter; }

int wf_dict_merge(wf_object *o, wf_object *other, int override) {
    if (is_plain_dict(other)) {
        snapshot s;
        if (take_snapshot(other, &s) < 0) return -1;
        int rc = 0;
        wf_dict *d = (wf_dict *)o;
        wf_object *olds[16];
        for (wf_ssize_t i = 0; i < s.n && rc == 0; i += 16) {
            int nold = 0;
            /* Insert in batches, releasing replaced values between them. */
            WF_BEGIN_CRITICAL_SECTION(d);
            note_access(d);
            for (wf_ssize_t j = i; j < s.n && j < i + 16 && rc == 0; j++) {
                if (override != 1) {
                    wf_ssize_t ix = lookup(d, s.keys[j], s.hashes[j]);
                    if (ix == IX_ERROR) { rc = -1; break; }
                    if (ix >= 0) {
                        if (override == 2) { set_key_error(s.keys[j]); rc = -1; }
                        continue;
                    }
                }
                wf_object *old;
                rc = insert_locked(d, s.keys[j], s.hashes[j], s.values[j], &old);
                s.keys[j] = s.values[j] = NULL; /* stolen */
                if (old) olds[nold++] = old;
            }
            WF_END_CRITICAL_SECTION();
            for (int k = 0; k < nold; k++) wf_decref(olds[k]);
        }
        release_snapshot(&s);
        return rc;
    }
    /* A mapping: keys() then __getitem__. */
    wf_object *keys = wf_mapping_keys(other);
    if (!keys) return -1;
    wf_object *it = wf_object_get_iter(keys);
    wf_decref(keys);
    if (!it) return -1;
    int rc = 0;
    for (;;) {
        wf_object *k = wf_iter_next(it);
        if (!k) break;
        if (override != 1) {
            int c = wf_dict_contains(o, k);
            if (c != 0) {
                if (c > 0 && override == 2) { set_key_error(k); c = -1; }
                wf_decref(k);
                if (c < 0) { rc = -1; break; }
                continue;
            }
        }
        wf_object *v = wf_object_get_item(other, k);
        if (!v || wf_dict_set_item(o, k, v) < 0) rc = -1;
        wf_decref(k);
        wf_xdecref(v);
        if (rc < 0) break;
    }
    wf_decref(it);
    if (rc == 0 && wf_err_occurred()) rc = -1;
    return rc;
}

/* dict.update(iterable of pairs) */
static int merge_from_seq2(wf_object *d, wf_object *seq2) {
    wf_object *it = wf_object_get_iter(seq2);
    if (!it) return -1;
    int rc = 0;
    for (wf_ssize_t i = 0;; i++) {
        wf_object *item = wf_iter_next(it);
        if (!item) break;
        wf_object *fast = NULL;
        if (WF_TUPLE_CHECK(item) || WF_LIST_CHECK(item)) fast = wf_newref(item);
        else {
            wf_object *sub = wf_object_get_iter(item);
            if (!sub) {
                if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
                    wf_err_clear();
                    wf_err_format(&wf_exc_TypeError,
                                  "cannot convert dictionary update sequence element #%zd to a sequence",
                                  i);
                }
            } else {
                wf_decref(sub);
                fast = wf_sequence_list(item);
            }
        }
        wf_decref(item);
        if (!fast) { rc = -1; break; }
        wf_ssize_t n;
        wf_object **kv = wfo_items_snapshot(fast, &n);
        wf_decref(fast);
        if (!kv && wf_err_occurred()) { rc = -1; break; }
        if (n != 2) {
            wfo_items_release(kv, n);
            wf_err_format(&wf_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, n);
            rc = -1;
            break;
        }
        rc = wf_dict_set_item(d, kv[0], kv[1]);
        wfo_items_release(kv, n);
        if (rc < 0) break;
    }
    wf_decref(it);
    if (rc == 0 && wf_err_occurred()) rc = -1;
    return rc;
}

int wf_dict_update(wf_object *d, wf_object *other) {
    if (is_plain_dict(other)) return wf_dict_merge(d, other, 1);
    int has = wf_object_hasattr(other, WFO_ID(keys));
    if (has) return wf_dict_merge(d, other, 1);
    return merge_from_seq2(d, other);
}

void wf_dict_clear(wf_object *o) {
    wf_dict *d = (wf_dict *)o;
    keys_t *old;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    old = load_keys(d);
    atomic_store_explicit(&d->ma_keys, EMPTY_KEYS, memory_order_release);
    ST(d->ma_used, 0);
    bump_version(d);
    WF_END_CRITICAL_SECTION();
    if (old == EMPTY_KEYS) return;
    entry *ep = entries_of(old);
    wf_ssize_t n = LD(old->nentries);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *k = LD(ep[i].key);
        if (!k) continue;
        wf_decref(k);
        wf_decref(LD(ep[i].value));
    }
    free_keys(d, old);
}

enum { WHAT_KEYS, WHAT_VALUES, WHAT_ITEMS };

/* The keys, values or (key, value) pairs of one snapshot as an array of
 * new references (NULL when empty); 0, or -1 with an exception. */
static int snapshot_array(wf_object *o, int what, wf_object ***out, wf_ssize_t *n) {
    snapshot s;
    *out = NULL;
    *n = 0;
    if (take_snapshot(o, &s) < 0) return -1;
    wf_object **items = s.n ? wfm_malloc((size_t)s.n * sizeof(wf_object *)) : NULL;
    if (s.n && !items) {
        release_snapshot(&s);
        wf_err_no_memory();
        return -1;
    }
    for (wf_ssize_t i = 0; i < s.n; i++) {
        if (what == WHAT_KEYS) { items[i] = s.keys[i]; s.keys[i] = NULL; }
        else if (what == WHAT_VALUES) { items[i] = s.values[i]; s.values[i] = NULL; }
        else {
            wf_object *t = wf_tuple_new(2);
            if (!t) {
                for (wf_ssize_t j = 0; j < i; j++) wf_decref(items[j]);
                wfm_free(items);
                release_snapshot(&s);
                return -1;
            }
            WF_TUPLE_ITEM(t, 0) = s.keys[i];
            WF_TUPLE_ITEM(t, 1) = s.values[i];
            s.keys[i] = s.values[i] = NULL;
            items[i] = t;
        }
    }
    *n = s.n;
    *out = items;
    release_snapshot(&s);
    return 0;
}

static wf_object *as_list(wf_object *o, int what) {
    wf_object **items;
    wf_ssize_t n;
    if (snapshot_array(o, what, &items, &n) < 0) return NULL;
    wf_object *l = wfo_list_from_array_steal(items, n);
    wfm_free(items);
    return l;
}
wf_object *wf_dict_keys(wf_object *d) { return as_list(d, WHAT_KEYS); }
wf_object *wf_dict_values(wf_object *d) { return as_list(d, WHAT_VALUES); }
wf_object *wf_dict_items(wf_object *d) { return as_list(d, WHAT_ITEMS); }

/* ---------------------------------------------------------------------------
 * The Python type
 */
static void dict_dealloc_body(wf_object *o) {
    wf_dict_clear(o);
    wfo_free_instance(o);
}

/* Bounded recursion when deeply nested structures die (weft/object.h trashcan). */
static void dict_dealloc(wf_object *o) {
    if (wf_trashcan_begin(o, dict_dealloc)) return;
    dict_dealloc_body(o);
    wf_trashcan_end();
}

static int dict_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    keys_t *k = load_keys((wf_dict *)o);
    entry *ep = entries_of(k);
    wf_ssize_t n = LD(k->nentries);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *key = LD(ep[i].key);
        if (!key) continue;
        int r = visit(key, arg);
        if (!r) r = visit(LD(ep[i].value), arg);
        if (r) return r;
    }
    return 0;
}

static int dict_tp_clear(wf_object *o) {
    wf_dict_clear(o);
    return 0;
}

static wf_object *dict_repr(wf_object *o) {
    if (wf_dict_size(o) == 0) return wf_str_from_cstr("{}");
    int rc = wf_repr_enter(o);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_cstr("{...}");
    snapshot s;
    wf_object *r = NULL;
    if (take_snapshot(o, &s) == 0) {
        wfo_strbuf b;
        wfo_strbuf_init(&b);
        int ok = wfo_strbuf_puts(&b, "{") == 0;
        for (wf_ssize_t i = 0; ok && i < s.n; i++) {
            if (i) ok = wfo_strbuf_puts(&b, ", ") == 0;
            ok = ok && wf_enter_recursive_call(" while getting the repr of an object") == 0;
            if (!ok) break;
            ok = wfo_strbuf_append_repr(&b, s.keys[i]) == 0 && wfo_strbuf_puts(&b, ": ") == 0 &&
                 wfo_strbuf_append_repr(&b, s.values[i]) == 0;
            wf_leave_recursive_call();
        }
        if (ok) ok = wfo_strbuf_puts(&b, "}") == 0;
        if (ok) r = wfo_strbuf_finish(&b);
        else wfo_strbuf_free(&b);
        release_snapshot(&s);
    }
    wf_repr_leave(o);
    return r;
}

/* a == b for dicts: same size and every key of a maps to an equal value
 * in b.  1, 0, -1. */
static int dict_equal(wf_object *a, wf_object *b) {
    if (wf_dict_size(a) != wf_dict_size(b)) return 0;
    snapshot s;
    if (take_snapshot(a, &s) < 0) return -1;
    int eq = 1;
    for (wf_ssize_t i = 0; i < s.n && eq == 1; i++) {
        wf_object *bv;
        int f = get_ref_hash(b, s.keys[i], s.hashes[i], &bv);
        if (f <= 0) { eq = f; break; }
        eq = wf_object_rich_compare_bool(s.values[i], bv, WF_EQ);
        wf_decref(bv);
    }
    release_snapshot(&s);
    return eq;
}

static wf_object *dict_richcompare(wf_object *a, wf_object *b, int op) {
    if (!WF_DICT_CHECK(a) || !WF_DICT_CHECK(b) || (op != WF_EQ && op != WF_NE))
        return wf_newref(wf_NotImplemented);
    int eq = dict_equal(a, b);
    if (eq < 0) return NULL;
    return wf_newref(wf_bool_from(op == WF_EQ ? eq : !eq));
}

static wf_ssize_t dict_length(wf_object *o) { return wf_dict_size(o); }

static wf_object *dict_subscript(wf_object *o, wf_object *key) {
    wf_object *v;
    int rc = wf_dict_get_item_ref(o, key, &v);
    if (rc > 0) return v;
    if (rc < 0) return NULL;
    if (!WF_DICT_CHECK_EXACT(o)) {
        int found;
        wf_object *r = wfo_call_special(o, WFO_ID(__missing__), &key, 1, &found);
        if (found || r) return r;
        if (wf_err_occurred()) return NULL;
    }
    set_key_error(key);
    return NULL;
}

static int dict_ass_subscript(wf_object *o, wf_object *key, wf_object *v) {
    if (v) return wf_dict_set_item(o, key, v);
    return wf_dict_del_item(o, key);
}

static int dict_contains_slot(wf_object *o, wf_object *key) { return wf_dict_contains(o, key); }

static wf_object *dict_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_dict *d = (wf_dict *)wf_type_generic_alloc(type, 0);
    if (d) atomic_store_explicit(&d->ma_keys, EMPTY_KEYS, memory_order_relaxed);
    return (wf_object *)d;
}

static int dict_update_args(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwargs, const char *fname) {
    if (nargs > 1) {
        wf_err_format(&wf_exc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    if (nargs && wf_dict_update(self, args[0]) < 0) return -1;
    if (kwargs && wf_dict_size(kwargs) && wf_dict_merge(self, kwargs, 1) < 0) return -1;
    return 0;
}

static int dict_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    return dict_update_args(self, ((wf_tuple *)args)->ob_item, WF_TUPLE_SIZE(args), kwargs,
                            "dict");
}

/* --- methods --- */
static wf_object *m_get(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("get", nargs, 1, 2) < 0) return NULL;
    wf_object *v;
    int rc = wf_dict_get_item_ref(self, args[0], &v);
    if (rc < 0) return NULL;
    if (rc > 0) return v;
    return wf_newref(nargs > 1 ? args[1] : wf_None);
}
static wf_object *m_setdefault(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("setdefault", nargs, 1, 2) < 0) return NULL;
    return wf_dict_setdefault(self, args[0], nargs > 1 ? args[1] : wf_None);
}
static wf_object *m_pop(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("pop", nargs, 1, 2) < 0) return NULL;
    wf_object *v;
    int rc = wf_dict_pop(self, args[0], &v);
    if (rc < 0) return NULL;
    if (rc > 0) return v;
    if (nargs > 1) return wf_newref(args[1]);
    set_key_error(args[0]);
    return NULL;
}
static wf_object *m_popitem(wf_object *self, wf_object *u) {
    wf_dict *d = (wf_dict *)self;
    wf_object *k = NULL, *v = NULL;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    keys_t *kt = load_keys(d);
    entry *ep = entries_of(kt);
    for (wf_ssize_t i = LD(kt->nentries) - 1; i >= 0 && LD(d->ma_used); i--) {
        if (!LD(ep[i].key)) continue;
        delete_locked(d, LD(ep[i].hash), i, &k, &v);
        break;
    }
    WF_END_CRITICAL_SECTION();
    if (!k) return wf_err_format(&wf_exc_KeyError, "popitem(): dictionary is empty");
    wf_object *t = wf_tuple_new(2);
    if (!t) { wf_decref(k); wf_decref(v); return NULL; }
    WF_TUPLE_ITEM(t, 0) = k;
    WF_TUPLE_ITEM(t, 1) = v;
    return t;
}
static wf_object *m_update(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                           wf_object *kwnames) {
    wf_object *kwargs = NULL;
    if (kwnames && WF_TUPLE_SIZE(kwnames)) {
        kwargs = wf_dict_new();
        if (!kwargs) return NULL;
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(kwnames); i++)
            if (wf_dict_set_item(kwargs, WF_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
                wf_decref(kwargs);
                return NULL;
            }
    }
    int rc = dict_update_args(self, args, nargs, kwargs, "update");
    wf_xdecref(kwargs);
    if (rc < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *m_clear(wf_object *self, wf_object *u) {
    wf_dict_clear(self);
    WF_RETURN_NONE;
}
static wf_object *m_copy(wf_object *self, wf_object *u) { return wf_dict_copy(self); }
static wf_object *m_fromkeys(wf_object *cls, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("fromkeys", nargs, 1, 2) < 0) return NULL;
    wf_object *value = nargs > 1 ? args[1] : wf_None;
    wf_object *d = wf_object_call_noargs(cls);
    if (!d) return NULL;
    wf_object *it = wf_object_get_iter(args[0]);
    if (!it) { wf_decref(d); return NULL; }
    for (;;) {
        wf_object *k = wf_iter_next(it);
        if (!k) break;
        int rc = WF_DICT_CHECK_EXACT(d) ? wf_dict_set_item(d, k, value)
                                        : wf_object_set_item(d, k, value);
        wf_decref(k);
        if (rc < 0) break;
    }
    wf_decref(it);
    if (wf_err_occurred()) { wf_decref(d); return NULL; }
    return d;
}
static wf_object *m_contains(wf_object *self, wf_object *key) {
    int rc = wf_dict_contains(self, key);
    if (rc < 0) return NULL;
    return wf_newref(wf_bool_from(rc));
}
static wf_object *m_getitem(wf_object *self, wf_object *key) { return dict_subscript(self, key); }
static wf_object *view_new(wf_type *t, wf_object *d);
extern wf_type wfo_dict_keys_type, wfo_dict_values_type, wfo_dict_items_type;
static wf_object *m_keys(wf_object *self, wf_object *u) { return view_new(&wfo_dict_keys_type, self); }
static wf_object *m_values(wf_object *self, wf_object *u) { return view_new(&wfo_dict_values_type, self); }
static wf_object *m_items(wf_object *self, wf_object *u) { return view_new(&wfo_dict_items_type, self); }
static wf_object *dict_reversed(wf_object *self, wf_object *u);

static wf_object *dict_or(wf_object *a, wf_object *b) {
    if (!WF_DICT_CHECK(a) || !WF_DICT_CHECK(b)) return wf_newref(wf_NotImplemented);
    wf_object *r = wf_dict_copy(a);
    if (r && wf_dict_merge(r, b, 1) < 0) { wf_decref(r); return NULL; }
    return r;
}
static wf_object *dict_ior(wf_object *a, wf_object *b) {
    if (wf_dict_update(a, b) < 0) return NULL;
    return wf_newref(a);
}

static wf_method_def dict_methods[] = {
    {"__contains__", m_contains, WF_METH_O, "True if the dictionary has the specified key, else False."},
    {"__getitem__", m_getitem, WF_METH_O, "x.__getitem__(y) <==> x[y]"},
    {"get", m_get, WF_METH_FASTCALL, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, WF_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", m_pop, WF_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", m_popitem, WF_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", m_keys, WF_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, WF_METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, WF_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"update", m_update, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", m_fromkeys, WF_METH_FASTCALL | WF_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", m_clear, WF_METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, WF_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed, WF_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static wf_object *dict_iter(wf_object *o);

static wf_mapping_methods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};
static wf_sequence_methods dict_as_sequence = {.sq_contains = dict_contains_slot};
static wf_number_methods dict_as_number = {.nb_or = dict_or, .nb_inplace_or = dict_ior};

wf_type wf_dict_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "dict",
    .tp_basicsize = sizeof(wf_dict),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_DICT_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE |
                WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = dict_dealloc,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_repr = dict_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = dict_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = dict_iter,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_methods = dict_methods,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};

/* ---------------------------------------------------------------------------
 * Iterators over keys, values, items (forward and reversed).  pos is the
 * next entry index (forward) or the last unvisited one (reversed); used
 * is the size seen at creation: a change raises RuntimeError, after which
 * the iterator stays exhausted.  The iterator's own fields are touched
 * under the dict's critical section, so a shared iterator is safe too.
 */
typedef struct dictiter {
    wf_object ob_base;
    wf_object *dict;  /* held until the iterator dies */
    wf_ssize_t pos;   /* under the dict's lock */
    wf_ssize_t used;  /* -1 once exhausted or invalidated */
    wf_ssize_t left;  /* items not yet produced */
    int what;
    int reversed;
} dictiter;

extern wf_type wfo_dict_keyiter_type, wfo_dict_valueiter_type, wfo_dict_itemiter_type;
static wf_type dict_revkeyiter_type, dict_revvalueiter_type, dict_revitemiter_type;

static wf_object *dictiter_new(wf_object *d, int what, int reversed) {
    static wf_type *const fwd[3] = {&wfo_dict_keyiter_type, &wfo_dict_valueiter_type,
                                    &wfo_dict_itemiter_type};
    static wf_type *const rev[3] = {&dict_revkeyiter_type, &dict_revvalueiter_type,
                                    &dict_revitemiter_type};
    dictiter *it = (dictiter *)wfo_alloc(reversed ? rev[what] : fwd[what], sizeof *it);
    if (!it) return NULL;
    it->dict = wf_newref(d);
    it->what = what;
    it->reversed = reversed;
    wf_dict *dd = (wf_dict *)d;
    WF_BEGIN_CRITICAL_SECTION(dd);
    note_access(dd);
    it->used = LD(dd->ma_used);
    it->left = it->used;
    it->pos = reversed ? LD(load_keys(dd)->nentries) - 1 : 0;
    WF_END_CRITICAL_SECTION();
    return (wf_object *)it;
}

static wf_object *dict_iter(wf_object *o) { return dictiter_new(o, WHAT_KEYS, 0); }
static wf_object *dict_reversed(wf_object *self, wf_object *u) {
    return dictiter_new(self, WHAT_KEYS, 1);
}

static wf_object *dictiter_next(wf_object *o) {
    dictiter *it = (dictiter *)o;
    wf_dict *d = (wf_dict *)it->dict;
    wf_object *k = NULL, *v = NULL;
    int err = 0;
    WF_BEGIN_CRITICAL_SECTION(d);
    note_access(d);
    if (it->used < 0) {
        /* exhausted */
    } else if (it->used != LD(d->ma_used)) {
        it->used = -1;
        err = 1;
    } else {
        keys_t *kt = load_keys(d);
        entry *ep = entries_of(kt);
        wf_ssize_t n = LD(kt->nentries);
        if (it->reversed) {
            if (it->pos >= n) it->pos = n - 1;
            while (it->pos >= 0 && !LD(ep[it->pos].key)) it->pos--;
            if (it->pos >= 0) {
                k = wf_newref(LD(ep[it->pos].key));
                v = wf_newref(LD(ep[it->pos].value));
                it->pos--;
            }
        } else {
            while (it->pos < n && !LD(ep[it->pos].key)) it->pos++;
            if (it->pos < n) {
                k = wf_newref(LD(ep[it->pos].key));
                v = wf_newref(LD(ep[it->pos].value));
                it->pos++;
            }
        }
        if (k && it->left-- <= 0) {
            /* More items than the size allows: keys changed. */
            wf_decref(k);
            wf_decref(v);
            k = v = NULL;
            it->used = -1;
            err = 2;
        }
        if (!k && !err) it->used = -1;
    }
    WF_END_CRITICAL_SECTION();
    if (err == 1) return wf_err_format(&wf_exc_RuntimeError, "dictionary changed size during iteration");
    if (err == 2) return wf_err_format(&wf_exc_RuntimeError, "dictionary keys changed during iteration");
    if (!k) return NULL;
    if (it->what == WHAT_KEYS) { wf_decref(v); return k; }
    if (it->what == WHAT_VALUES) { wf_decref(k); return v; }
    wf_object *t = wf_tuple_new(2);
    if (!t) { wf_decref(k); wf_decref(v); return NULL; }
    WF_TUPLE_ITEM(t, 0) = k;
    WF_TUPLE_ITEM(t, 1) = v;
    return t;
}

static void dictiter_dealloc(wf_object *o) {
    wf_decref(((dictiter *)o)->dict);
    wfo_free_instance(o);
}
static wf_object *iter_self(wf_object *o) { return wf_newref(o); }
static wf_object *dictiter_length_hint(wf_object *o, wf_object *u) {
    dictiter *it = (dictiter *)o;
    wf_ssize_t n = 0;
    WF_BEGIN_CRITICAL_SECTION(it->dict);
    if (it->used >= 0 && it->used == wf_dict_size(it->dict)) n = it->left;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(n);
}
static wf_method_def dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, WF_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};
/* gc: the dict (world stopped; the field never changes). */
static int dictiter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return visit(((dictiter *)o)->dict, arg);
}
#define DICTITER_TYPE(var, name)                                                  \
    wf_type var = {                                                               \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),                            \
        .tp_name = name,                                                          \
        .tp_basicsize = sizeof(dictiter),                                         \
        .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION, \
        .tp_dealloc = dictiter_dealloc,                                           \
        .tp_traverse = dictiter_traverse, /* gc */                                \
        .tp_getattro = wf_object_generic_getattr,                                 \
        .tp_iter = iter_self,                                                     \
        .tp_iternext = dictiter_next,                                             \
        .tp_methods = dictiter_methods,                                           \
    };
DICTITER_TYPE(wfo_dict_keyiter_type, "dict_keyiterator")
DICTITER_TYPE(wfo_dict_valueiter_type, "dict_valueiterator")
DICTITER_TYPE(wfo_dict_itemiter_type, "dict_itemiterator")
static DICTITER_TYPE(dict_revkeyiter_type, "dict_reversekeyiterator")
static DICTITER_TYPE(dict_revvalueiter_type, "dict_reversevalueiterator")
static DICTITER_TYPE(dict_revitemiter_type, "dict_reverseitemiterator")

/* ---------------------------------------------------------------------------
 * Views: dict_keys, dict_values, dict_items.  A view holds its dict and
 * reads it live.  Set operations on keys/items views (&, |, -, ^) build
 * a set of the view's contents (set.c) and apply the operator.
 */
typedef struct dictview {
    wf_object ob_base;
    wf_object *dict;
} dictview;

static int view_what(wf_object *v) {
    wf_type *t = WF_TYPE(v);
    return t == &wfo_dict_keys_type ? WHAT_KEYS : t == &wfo_dict_values_type ? WHAT_VALUES : WHAT_ITEMS;
}

static wf_object *view_new(wf_type *t, wf_object *d) {
    dictview *v = (dictview *)wfo_alloc(t, sizeof *v);
    if (!v) return NULL;
    v->dict = wf_newref(d);
    return (wf_object *)v;
}
static void view_dealloc(wf_object *o) {
    wf_decref(((dictview *)o)->dict);
    wfo_free_instance(o);
}
static wf_ssize_t view_len(wf_object *o) { return wf_dict_size(((dictview *)o)->dict); }
static wf_object *view_iter(wf_object *o) { return dictiter_new(((dictview *)o)->dict, view_what(o), 0); }
static wf_object *view_reversed(wf_object *o, wf_object *u) {
    return dictiter_new(((dictview *)o)->dict, view_what(o), 1);
}
static wf_object *view_repr(wf_object *o) {
    int rc = wf_repr_enter(o);
    if (rc < 0) return NULL;
    if (rc > 0) return wf_str_from_cstr("...");
    wf_object *l = as_list(((dictview *)o)->dict, view_what(o));
    wf_object *r = NULL;
    if (l) {
        wf_object *lr = wf_object_repr(l);
        if (lr) {
            r = wf_str_from_format("%s(%U)", WF_TYPE(o)->tp_name, lr);
            wf_decref(lr);
        }
        wf_decref(l);
    }
    wf_repr_leave(o);
    return r;
}
static int keys_contains(wf_object *o, wf_object *key) {
    return wf_dict_contains(((dictview *)o)->dict, key);
}
static int items_contains(wf_object *o, wf_object *item) {
    if (!WF_TUPLE_CHECK(item) || WF_TUPLE_SIZE(item) != 2) return 0;
    wf_object *v;
    int rc = wf_dict_get_item_ref(((dictview *)o)->dict, WF_TUPLE_ITEM(item, 0), &v);
    if (rc <= 0) return rc;
    rc = wf_object_rich_compare_bool(v, WF_TUPLE_ITEM(item, 1), WF_EQ);
    wf_decref(v);
    return rc;
}
static int values_contains(wf_object *o, wf_object *x) {
    wf_object *l = as_list(((dictview *)o)->dict, WHAT_VALUES);
    if (!l) return -1;
    int rc = wf_sequence_contains(l, x);
    wf_decref(l);
    return rc;
}
static wf_object *view_mapping(wf_object *o, void *c) {
    return wf_newref(((dictview *)o)->dict);
}

/* Set-like behaviour of keys/items views, through set.c. */
wf_object *wfo_set_from_iterable(wf_object *iterable); /* set.c */
static int is_setlike(wf_object *o) {
    return WF_TYPE(o) == &wfo_dict_keys_type || WF_TYPE(o) == &wfo_dict_items_type ||
           wf_object_is_instance(o, (wf_object *)&wf_set_type) > 0 ||
           wf_object_is_instance(o, (wf_object *)&wf_frozenset_type) > 0;
}
static wf_object *view_richcompare(wf_object *a, wf_object *b, int op) {
    if (!is_setlike(b)) return wf_newref(wf_NotImplemented);
    wf_object *sa = wfo_set_from_iterable(a);
    if (!sa) return NULL;
    wf_object *sb = wfo_set_from_iterable(b);
    if (!sb) { wf_decref(sa); return NULL; }
    wf_object *r = wf_object_rich_compare(sa, sb, op);
    wf_decref(sa);
    wf_decref(sb);
    return r;
}
static wf_object *view_setop(wf_object *a, wf_object *b, wf_binaryfunc op) {
    wf_object *sa = wfo_set_from_iterable(a);
    if (!sa) return NULL;
    wf_object *sb = wfo_set_from_iterable(b);
    if (!sb) { wf_decref(sa); return NULL; }
    wf_object *r = op(sa, sb);
    wf_decref(sa);
    wf_decref(sb);
    return r;
}
static wf_object *view_and(wf_object *a, wf_object *b) { return view_setop(a, b, wf_number_and); }
static wf_object *view_or(wf_object *a, wf_object *b) { return view_setop(a, b, wf_number_or); }
static wf_object *view_xor(wf_object *a, wf_object *b) { return view_setop(a, b, wf_number_xor); }
static wf_object *view_sub(wf_object *a, wf_object *b) { return view_setop(a, b, wf_number_subtract); }
static wf_object *view_isdisjoint(wf_object *self, wf_object *other) {
    wf_object *it = wf_object_get_iter(other);
    if (!it) return NULL;
    for (;;) {
        wf_object *x = wf_iter_next(it);
        if (!x) break;
        int c = wf_sequence_contains(self, x);
        wf_decref(x);
        if (c < 0) { wf_decref(it); return NULL; }
        if (c) { wf_decref(it); return wf_newref(wf_False); }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_newref(wf_True);
}

static wf_getset_def view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static wf_method_def setview_methods[] = {
    {"isdisjoint", view_isdisjoint, WF_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", view_reversed, WF_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};
static wf_method_def values_methods[] = {
    {"__reversed__", view_reversed, WF_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};
static wf_number_methods setview_as_number = {
    .nb_subtract = view_sub, .nb_and = view_and, .nb_xor = view_xor, .nb_or = view_or,
};
static wf_sequence_methods keys_as_sequence = {.sq_length = view_len, .sq_contains = keys_contains};
static wf_sequence_methods items_as_sequence = {.sq_length = view_len, .sq_contains = items_contains};
static wf_sequence_methods values_as_sequence = {.sq_length = view_len, .sq_contains = values_contains};

/* gc: the dict (world stopped; the field never changes). */
static int view_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    return visit(((dictview *)o)->dict, arg);
}
#define VIEW_TYPE(var, name, seq, num, rich, methods)                             \
    wf_type var = {                                                               \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),                            \
        .tp_name = name,                                                          \
        .tp_basicsize = sizeof(dictview),                                         \
        .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION, \
        .tp_dealloc = view_dealloc,                                               \
        .tp_traverse = view_traverse, /* gc */                                    \
        .tp_repr = view_repr,                                                     \
        .tp_hash = wf_object_hash_not_implemented,                                \
        .tp_richcompare = rich,                                                   \
        .tp_getattro = wf_object_generic_getattr,                                 \
        .tp_iter = view_iter,                                                     \
        .tp_as_sequence = seq,                                                    \
        .tp_as_number = num,                                                      \
        .tp_methods = methods,                                                    \
        .tp_getset = view_getset,                                                 \
    };
VIEW_TYPE(wfo_dict_keys_type, "dict_keys", &keys_as_sequence, &setview_as_number,
          view_richcompare, setview_methods)
VIEW_TYPE(wfo_dict_items_type, "dict_items", &items_as_sequence, &setview_as_number,
          view_richcompare, setview_methods)
VIEW_TYPE(wfo_dict_values_type, "dict_values", &values_as_sequence, NULL, NULL, values_methods)

/* list(x), list.extend(x), tuple(x), sorted(x) of an exact dict or a
 * dict view (list.c): one snapshot under the dict's lock, so a concurrent
 * writer never makes them raise "dictionary changed size during
 * iteration" (as CPython's free-threaded list_extend_dict). */
int wfo_dict_items_array(wf_object *iterable, wf_object ***out, wf_ssize_t *n) {
    wf_type *t = WF_TYPE(iterable);
    if (t == &wf_dict_type) return snapshot_array(iterable, WHAT_KEYS, out, n) < 0 ? -1 : 1;
    if (t != &wfo_dict_keys_type && t != &wfo_dict_values_type && t != &wfo_dict_items_type) return 0;
    return snapshot_array(((dictview *)iterable)->dict, view_what(iterable), out, n) < 0 ? -1 : 1;
}

void wfo_dict_init(void) {
    static wf_type *const types[] = {
        &wf_dict_type, &wfo_dict_keyiter_type, &wfo_dict_valueiter_type,
        &wfo_dict_itemiter_type, &dict_revkeyiter_type, &dict_revvalueiter_type,
        &dict_revitemiter_type, &wfo_dict_keys_type, &wfo_dict_items_type,
        &wfo_dict_values_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) wf_type_ready(types[i]);
}
