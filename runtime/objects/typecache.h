/*
 * runtime/objects/typecache.h — the per-thread type attribute cache
 * (typecache.c): MRO lookups keyed by (tp_version_tag, interned name).
 *
 * Contract for whoever writes a type's tp_dict or tp_mro after the type
 * got its tag (wf_type_ready): the tag must change AFTER the write is
 * visible (wf_type_modified), and a value the write removes from the dict
 * must stay alive until after that change.  wfo_type_dict_store does both;
 * use it for every store/delete into a live type's dict.
 */
#ifndef WEFT_OBJECTS_TYPECACHE_H
#define WEFT_OBJECTS_TYPECACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "weft/objects.h"
#include "weft/type.h"

/* The cache itself (typecache.c owns it; the fast path of
 * wfo_type_lookup_ref below reads it inline).  Per-thread, owner-only. */
#ifndef WFO_TYPECACHE_BITS
#define WFO_TYPECACHE_BITS 11 /* 2048 entries, 48 KiB per thread */
#endif
typedef struct {
    uint32_t version; /* the type's tag when stored; 0: empty */
    wf_object *name;  /* immortal exact str */
    wf_object *value; /* borrowed; NULL = cached miss */
} wfo_tc_entry;
extern _Thread_local wfo_tc_entry wfo_type_cache[1u << WFO_TYPECACHE_BITS] WF_TLS_LOCAL_EXEC;

static inline wfo_tc_entry *wfo_tc_slot(uint32_t tag, wf_object *name) {
    uint32_t h = (tag ^ (uint32_t)((uintptr_t)name >> 3)) * 0x9E3779B1u;
    return &wfo_type_cache[h >> (32 - WFO_TYPECACHE_BITS)];
}

static inline bool wfo_tc_cacheable_name(wf_object *name) {
#ifdef WFO_TYPECACHE_OFF
    (void)name;
    return false;
#else
    return WF_STR_CHECK_EXACT(name) && wf_is_immortal(name);
#endif
}

/* The miss path of wfo_type_lookup_ref (tag: the tag read before). */
wf_object *wfo_type_lookup_ref_slow(wf_type *type, wf_object *name, uint32_t tag);

#if WF_FREE_THREADED
/* A hit on a value that only a shared-count try-incref can take (neither
 * immortal, ours nor per-thread): try it, re-check the tag, and note the
 * shared load; or walk. */
wf_object *wfo_type_lookup_ref_shared(wf_type *type, wf_object *name, uint32_t tag, wf_object *v);
#endif

/* wf_type_lookup (weft/type.h) is the borrowed entry point.  This one
 * returns a new reference (or NULL, no exception set), for callers that
 * may run code before using the value (eval.c's special-method lookups).
 * A hit takes the value with a try-incref and re-reads the tag
 * (typecache.c explains why that is enough).  Inline, and without a call
 * on a hit whose value is immortal, ours or per-thread (class attributes
 * mostly are per-thread): the method lookups of LOAD_METHOD and the
 * attribute caches' fills run it on every call.  If the value is a stale
 * pointer reused since by another object, the tag re-check fails and the
 * increment is taken back on that same object: no net change.  With a GIL
 * nothing can change the type between the tag read and the increment, so
 * the hit takes a plain reference. */
WF_INLINE wf_object *wfo_type_lookup_ref(wf_type *type, wf_object *name) {
    uint32_t tag = atomic_load_explicit(&type->tp_version_tag, memory_order_acquire);
    if (WF_LIKELY(tag != 0) && wfo_tc_cacheable_name(name)) {
        wfo_tc_entry *e = wfo_tc_slot(tag, name);
        if (e->version == tag && e->name == name) {
            wf_object *v = e->value;
            if (!v) return NULL;
#if WF_FREE_THREADED
            if (WF_LIKELY(wf_try_incref_fast(v))) {
                if (WF_LIKELY(atomic_load_explicit(&type->tp_version_tag, memory_order_acquire) ==
                              tag))
                    return v;
                wf_decref(v); /* stale: the type changed under us; walk */
                return wfo_type_lookup_ref_slow(type, name, tag);
            }
            return wfo_type_lookup_ref_shared(type, name, tag, v);
#else
            wf_incref(v);
            return v;
#endif
        }
    }
    return wfo_type_lookup_ref_slow(type, name, tag);
}

/* type.__dict__[name] = value (value NULL: delete), then wf_type_modified;
 * the replaced value is released after the tag changed.  Returns 0, 1 when
 * deleting a missing name (no exception, nothing bumped), -1 with an
 * exception. */
int wfo_type_dict_store(wf_type *type, wf_object *name, wf_object *value);

/* Defined in dict.c: d[key] = value, giving the caller the replaced value
 * (new reference, NULL if key was absent) instead of releasing it. */
int wfo_dict_exchange_item(wf_object *d, wf_object *key, wf_object *value, wf_object **old);

/* Tests: 1 if the calling thread's cache holds an entry for name under
 * type's current tag (*value = the cached value, borrowed, may be NULL
 * for a cached miss), else 0.  wfo_typecache_clear empties the calling
 * thread's cache. */
int wfo_typecache_probe(wf_type *type, wf_object *name, wf_object **value);
void wfo_typecache_clear(void);

#endif /* WEFT_OBJECTS_TYPECACHE_H */
