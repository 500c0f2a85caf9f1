/*
 * runtime/objects/none.c — None, NotImplemented and Ellipsis: immortal
 * static singletons of types that cannot be subclassed.  No mutable
 * state, so nothing here needs synchronisation.
 */
#include "runtime/objects/objimpl.h"

static wf_object *none_repr(wf_object *o) { return wf_str_from_cstr("None"); }
static int none_bool(wf_object *o) { return 0; }
static wf_hash_t none_hash(wf_object *o) { return (wf_hash_t)0xFCA86420; }
static wf_object *singleton_new(wf_type *t, wf_object *args, wf_object *kwargs) {
    if (WF_TUPLE_SIZE(args) || (kwargs && wf_dict_size(kwargs)))
        return wf_err_format(&wf_exc_TypeError, "%s takes no arguments", t->tp_name);
    if (t == &wf_none_type) return wf_newref(wf_None);
    if (t == &wf_notimplemented_type) return wf_newref(wf_NotImplemented);
    return wf_newref(wf_Ellipsis);
}
static wf_number_methods none_as_number = {.nb_bool = none_bool};

wf_type wf_none_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(wf_object),
    .tp_repr = none_repr,
    .tp_hash = none_hash,
    .tp_as_number = &none_as_number,
    .tp_new = singleton_new,
};
wf_object wf_none_struct = WF_OBJECT_HEAD_INIT(&wf_none_type);

static wf_object *notimpl_repr(wf_object *o) { return wf_str_from_cstr("NotImplemented"); }
wf_type wf_notimplemented_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(wf_object),
    .tp_repr = notimpl_repr,
    .tp_new = singleton_new,
};
wf_object wf_notimplemented_struct = WF_OBJECT_HEAD_INIT(&wf_notimplemented_type);

static wf_object *ellipsis_repr(wf_object *o) { return wf_str_from_cstr("Ellipsis"); }
wf_type wf_ellipsis_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(wf_object),
    .tp_repr = ellipsis_repr,
    .tp_new = singleton_new,
};
wf_object wf_ellipsis_struct = WF_OBJECT_HEAD_INIT(&wf_ellipsis_type);
