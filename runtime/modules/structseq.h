/*
 * runtime/modules/structseq.h — "struct sequences" (time.struct_time,
 * os.stat_result, os.terminal_size, ...): tuple subclasses whose first
 * n_visible items form the sequence and whose named fields (getset
 * entries, closure = item index) may reach past it to hidden extra items.
 *
 * Layout: a wf_tuple allocated with n_total item slots but ob_size =
 * n_visible; the hidden items [n_visible, n_total) are released by
 * wfss_dealloc before the tuple's own dealloc runs.  Immutable once
 * published, like tuples, so no locking is needed.  Owned by "io"; used by
 * time.c and posix.c.  Header-only (static functions) so each module keeps
 * its own copy.
 */
#ifndef WEFT_MODULES_STRUCTSEQ_H
#define WEFT_MODULES_STRUCTSEQ_H

#include "weft/objects.h"


/* A new instance of type with n_total slots (all NULL), ob_size n_visible. */
static inline wf_object *wfss_new(wf_type *type, wf_ssize_t n_visible, wf_ssize_t n_total) {
    wf_object *o = wf_type_generic_alloc(type, n_total);
    if (!o) return NULL;
    ((wf_tuple *)o)->ob_size = n_visible;
    return o;
}
/* Store item i (steals v; v NULL = None). */
static inline void wfss_set(wf_object *o, wf_ssize_t i, wf_object *v) {
    ((wf_tuple *)o)->ob_item[i] = v ? v : wf_newref(wf_None);
}
/* Release the hidden items, then let tuple's dealloc free the rest. */
static inline void wfss_dealloc(wf_object *o, wf_ssize_t n_total) {
    wf_tuple *t = (wf_tuple *)o;
    for (wf_ssize_t i = t->ob_size; i < n_total; i++) wf_xdecref(t->ob_item[i]);
    wf_tuple_type.tp_dealloc(o);
}
/* Getter: closure is the item index. */
static inline wf_object *wfss_get(wf_object *o, void *closure) {
    wf_object *v = ((wf_tuple *)o)->ob_item[(intptr_t)closure];
    return wf_newref(v ? v : wf_None);
}
/* "name(f0=v0, f1=v1, ...)" over the visible items. */
static inline wf_object *wfss_repr(wf_object *o, const char *name, const char *const *fields) {
    wf_tuple *t = (wf_tuple *)o;
    wf_object *parts = wf_list_new(0);
    if (!parts) return NULL;
    for (wf_ssize_t i = 0; i < t->ob_size; i++) {
        wf_object *s = wf_str_from_format("%s=%R", fields[i], t->ob_item[i]);
        if (!s || wf_list_append(parts, s) < 0) {
            wf_xdecref(s);
            wf_decref(parts);
            return NULL;
        }
        wf_decref(s);
    }
    wf_object *sep = wf_str_from_cstr(", ");
    wf_object *body = sep ? wf_str_join(sep, parts) : NULL;
    wf_xdecref(sep);
    wf_decref(parts);
    if (!body) return NULL;
    wf_object *r = wf_str_from_format("%s(%U)", name, body);
    wf_decref(body);
    return r;
}
/* Build an instance from a sequence argument (the type's tp_new):
 * n_visible..n_total items accepted; missing hidden ones become None. */
static inline wf_object *wfss_from_seq(wf_type *type, wf_object *seq, wf_ssize_t n_visible,
                                       wf_ssize_t n_total, const char *name) {
    wf_object *t = wf_sequence_tuple(seq);
    if (!t) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(t);
    if (n < n_visible) {
        wf_err_format(&wf_exc_TypeError, "%s() takes an at least %zd-sequence (%zd-sequence given)",
                      name, n_visible, n);
        wf_decref(t);
        return NULL;
    }
    if (n > n_total) {
        wf_err_format(&wf_exc_TypeError, "%s() takes an at most %zd-sequence (%zd-sequence given)",
                      name, n_total, n);
        wf_decref(t);
        return NULL;
    }
    wf_object *o = wfss_new(type, n_visible, n_total);
    if (o)
        for (wf_ssize_t i = 0; i < n_total; i++)
            wfss_set(o, i, i < n ? wf_newref(WF_TUPLE_ITEM(t, i)) : NULL);
    wf_decref(t);
    return o;
}

#endif /* WEFT_MODULES_STRUCTSEQ_H */
