/*
 * runtime/objects/typecache.c — attribute lookup along a type's MRO
 * (wf_type_lookup, borrowed; wfo_type_lookup_ref, new reference) behind a
 * per-thread cache, and the store into a type's dict that keeps the cache
 * valid (wfo_type_dict_store).
 *
 * The cache: TC_SIZE entries {version, name, value} per thread
 * (_Thread_local, so no shared write on a hit or a miss), indexed by a hash
 * of (tag, name pointer).  An entry says "under tag `version`, looking up
 * `name` along the type's MRO finds `value`" (NULL: a cached miss).
 *
 * Invariants:
 *  - tags are unique for the life of the process (one global counter,
 *    never reset; it saturates at 0 = "no valid tag" rather than wrap), so
 *    a tag names one type in one state; a freed type's tags never return;
 *  - only immortal exact str names are cached: a cached name pointer can
 *    never be reused by another string;
 *  - version == 0 marks an empty entry; a type whose tag is 0 is never
 *    cached;
 *  - the tag is read (acquire) BEFORE the MRO walk, so an entry can only
 *    be stored under a tag older than or equal to the state it describes;
 *    writers change the tag AFTER their dict write (wf_type_modified), so
 *    a stale entry's tag is never current again.
 *
 * Thread-safety: the array is per-thread; nothing here writes shared
 * memory except wfo_type_dict_store (the type's dict, through dict.c, and
 * its tag).  The borrowed entry point keeps wf_type_lookup's contract: the
 * class dict keeps the value alive while the class is unchanged.  The
 * new-reference entry point may find a value that another thread has just
 * removed from the dict and released; objects live in type-stable memory,
 * so it takes the value with wf_try_incref (which fails on a dead object)
 * and then re-reads the tag (sequentially consistent, as
 * wf_try_incref_compare re-reads its slot): writers release a removed
 * value only after the tag changed (wfo_type_dict_store), so if the tag is
 * unchanged the reference is to the value that was stored.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/objects/typecache.h"

#include <stdint.h>

/* The cache: wfo_tc_entry, WFO_TYPECACHE_BITS and the inline hit path of
 * wfo_type_lookup_ref are in typecache.h.  Owner-only; holds no
 * references. */
_Thread_local wfo_tc_entry wfo_type_cache[1u << WFO_TYPECACHE_BITS] WF_TLS_LOCAL_EXEC;
#define TC_SIZE (1u << WFO_TYPECACHE_BITS)

static inline uint32_t tc_tag(wf_type *type) {
    return atomic_load_explicit(&type->tp_version_tag, memory_order_acquire);
}

/* The walk.  *ok = 0 when a dict probe failed (the result may be wrong:
 * don't cache it).  Returns a new reference or NULL. */
static wf_object *walk_mro_ref(wf_type *type, wf_object *name, int *ok) {
    *ok = 1;
    /* tp_mro may be replaced by a __bases__ assignment (type.c): the old
     * tuple stays alive for a grace period, which a walk with str names
     * (lock-free dict probes, no safe point) never outlasts.  A name of
     * another type may run __eq__ (safe points): hold the tuple then. */
    wf_object *mro = atomic_load_explicit((wf_object *_Atomic *)&type->tp_mro, memory_order_acquire);
    if (!mro) return NULL;
    int held = !WF_STR_CHECK_EXACT(name);
    if (held) wf_incref(mro);
    wf_object *found = NULL;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(mro); i++) {
        wf_type *b = (wf_type *)WF_TUPLE_ITEM(mro, i);
        if (!b->tp_dict) continue;
        wf_object *v;
        int r = wf_dict_get_item_ref(b->tp_dict, name, &v);
        if (r > 0) {
            /* Class attributes (methods, descriptors of built-in types)
             * are read by every thread: per-thread counts for those a
             * thread other than their owner reads (weft/object.h). */
            wf_perthread_note_shared_load(v);
            found = v;
            break;
        }
        if (r < 0) {
            wf_err_clear();
            *ok = 0;
        }
    }
    if (held) wf_decref(mro);
    return found;
}

wf_object *wf_type_lookup(wf_type *type, wf_object *name) {
    uint32_t tag = tc_tag(type);
    wfo_tc_entry *e = NULL;
    if (WF_LIKELY(tag != 0) && wfo_tc_cacheable_name(name)) {
        e = wfo_tc_slot(tag, name);
        if (e->version == tag && e->name == name) {
            wf_object *v = e->value;
            if (v) wf_perthread_note_shared_load(v);
            return v;
        }
    }
    if (!atomic_load_explicit((wf_object *_Atomic *)&type->tp_mro, memory_order_relaxed)) return NULL;
    wf_object *saved = wf_err_fetch();
    int ok;
    wf_object *found = walk_mro_ref(type, name, &ok);
    /* Borrowed: the class dict keeps the value alive while the class is
     * unchanged; callers that may run code incref it. */
    if (found) wf_decref(found);
    wf_err_restore(saved);
    if (e && ok) {
        e->version = tag;
        e->name = name;
        e->value = found;
    }
    return found;
}

wf_object *wfo_type_lookup_ref_slow(wf_type *type, wf_object *name, uint32_t tag) {
    wfo_tc_entry *e = NULL;
    if (tag != 0 && wfo_tc_cacheable_name(name)) e = wfo_tc_slot(tag, name);
    int ok;
    wf_object *v = walk_mro_ref(type, name, &ok);
    if (e && ok) {
        e->version = tag;
        e->name = name;
        e->value = v;
    }
    return v;
}

#if WF_FREE_THREADED
wf_object *wfo_type_lookup_ref_shared(wf_type *type, wf_object *name, uint32_t tag, wf_object *v) {
    if (wf_try_incref(v)) {
        if (atomic_load_explicit(&type->tp_version_tag, memory_order_acquire) == tag) {
            wf_perthread_note_shared_load(v);
            return v;
        }
        wf_decref(v);
    }
    return wfo_type_lookup_ref_slow(type, name, tag);
}
#endif

int wfo_type_dict_store(wf_type *type, wf_object *name, wf_object *value) {
    wf_object *old = NULL;
    int r;
    if (value) {
        r = wfo_dict_exchange_item(type->tp_dict, name, value, &old);
    } else {
        r = wf_dict_pop(type->tp_dict, name, &old);
        if (r == 0) return 1;
        if (r > 0) r = 0;
    }
    if (r < 0) return -1;
    wf_type_modified(type);
    /* Only now may the replaced value die (see the file comment). */
    wf_xdecref(old);
    return 0;
}

int wfo_typecache_probe(wf_type *type, wf_object *name, wf_object **value) {
    uint32_t tag = tc_tag(type);
    *value = NULL;
    if (tag == 0) return 0;
    wfo_tc_entry *e = wfo_tc_slot(tag, name);
    if (e->version != tag || e->name != name) return 0;
    *value = e->value;
    return 1;
}

void wfo_typecache_clear(void) {
    for (uint32_t i = 0; i < TC_SIZE; i++) wfo_type_cache[i].version = 0;
}
