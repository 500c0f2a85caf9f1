/*
 * weft/weakref.h — weak references (runtime/objects/weakref.c).
 *
 * A type supports weak references when tp_weaklistoffset > 0: each instance
 * then has a `wf_object *_Atomic` list head at that offset (NULL = no
 * references), the head of a doubly linked list of the weakref objects
 * that refer to it.  The list of object `o` is protected by one mutex of a
 * striped table keyed by o's address (free-threaded flavour; the GIL
 * flavour needs no lock).  The dealloc of such a type must call
 * wf_weakref_on_dealloc(o) before it releases o's fields: it clears every
 * weak reference (they then return None) and runs their callbacks.
 */
#ifndef WEFT_WEAKREF_H
#define WEFT_WEAKREF_H

#include "weft/type.h"

extern wf_type wf_weakref_ref_type;            /* weakref.ReferenceType ("weakref") */
extern wf_type wf_weakref_proxy_type;          /* weakref.ProxyType ("weakproxy") */
extern wf_type wf_weakref_callableproxy_type;  /* weakref.CallableProxyType */

/* Ready the three types (idempotent; called by _weakref's init). */
int wf_weakref_init_types(void);

/* weakref.ref(obj, callback) / weakref.proxy(obj, callback); callback may be
 * NULL or None.  New reference, or NULL with TypeError "cannot create weak
 * reference to 'X' object". */
wf_object *wf_weakref_new_ref(wf_object *obj, wf_object *callback);
wf_object *wf_weakref_new_proxy(wf_object *obj, wf_object *callback);
/* The referent as a new reference, or NULL (no exception) when dead. */
wf_object *wf_weakref_get(wf_object *ref);
/* weakref.getweakrefcount / getweakrefs. */
wf_ssize_t wf_weakref_count(wf_object *obj);
wf_object *wf_weakref_list(wf_object *obj);
/* The instance `__weakref__` getter of heap types (first weakref or None). */
wf_object *wf_weakref_instance_getter(wf_object *obj, void *closure);

/* Clear obj's weak references and run their callbacks (obj's count is zero
 * and it is not yet torn down).  Prefer wf_weakref_on_dealloc. */
void wf_weakref_clear_refs(wf_object *obj);

static inline void wf_weakref_on_dealloc(wf_object *obj) {
    wf_ssize_t off = (wf_ssize_t)WF_TYPE(obj)->tp_weaklistoffset;
    if (off <= 0) return;
    wf_object *_Atomic *head = (wf_object *_Atomic *)((char *)obj + off);
    if (atomic_load_explicit(head, memory_order_acquire)) wf_weakref_clear_refs(obj);
}

#endif /* WEFT_WEAKREF_H */
