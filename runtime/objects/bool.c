/*
 * runtime/objects/bool.c — bool: a subclass of int with exactly two
 * immortal static instances, True and False (small-form wf_int values).
 * & | ^ of two bools stay bool; everything else is int arithmetic.
 */
#include "runtime/objects/objimpl.h"

static wf_object *bool_repr(wf_object *o) { return wf_str_from_cstr(o == wf_True ? "True" : "False"); }

static wf_object *bool_new(wf_type *t, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs))
        return wf_err_format(&wf_exc_TypeError, "bool() takes no keyword arguments");
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 1) return wf_err_format(&wf_exc_TypeError, "bool expected at most 1 argument, got %zd", n);
    if (n == 0) return wf_newref(wf_False);
    int r = wf_object_is_true(WF_TUPLE_ITEM(args, 0));
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

#define BOOL_BITOP(NAME, OP, SLOT)                                                  \
    static wf_object *NAME(wf_object *a, wf_object *b) {                            \
        if (WF_BOOL_CHECK(a) && WF_BOOL_CHECK(b))                                   \
            return wf_newref(wf_bool_from((a == wf_True) OP (b == wf_True)));       \
        return wf_int_type.tp_as_number->SLOT(a, b);                                \
    }
BOOL_BITOP(bool_and, &, nb_and)
BOOL_BITOP(bool_or, |, nb_or)
BOOL_BITOP(bool_xor, ^, nb_xor)

static wf_number_methods bool_as_number = {.nb_and = bool_and, .nb_or = bool_or, .nb_xor = bool_xor};

wf_type wf_bool_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "bool",
    .tp_basicsize = sizeof(wf_int),
    .tp_base = &wf_int_type,
    .tp_repr = bool_repr,
    .tp_new = bool_new,
    .tp_as_number = &bool_as_number,
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
};
wf_int wf_true_struct = {.ob_base = WF_OBJECT_HEAD_INIT(&wf_bool_type), .ob_small = 1};
wf_int wf_false_struct = {.ob_base = WF_OBJECT_HEAD_INIT(&wf_bool_type), .ob_small = 0};
