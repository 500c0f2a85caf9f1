/*
 * weft/abstract.h — the object protocol: what the VM and every built-in
 * use to operate on objects of any type.  All results are new references
 * (or NULL with an exception set); int results are -1 on error unless
 * documented.  Arguments are borrowed.
 */
#ifndef WEFT_ABSTRACT_H
#define WEFT_ABSTRACT_H

#include "weft/errors.h"
#include "weft/type.h"

/* --- generic object protocol -------------------------------------------- */
wf_object *wf_object_repr(wf_object *o);
wf_object *wf_object_str(wf_object *o);
wf_object *wf_object_ascii(wf_object *o);
wf_hash_t wf_object_hash(wf_object *o); /* -1 on error */
wf_hash_t wf_object_hash_not_implemented(wf_object *o); /* raises TypeError */
wf_object *wf_object_rich_compare(wf_object *a, wf_object *b, int op);
/* 1, 0, -1.  Identity implies equality for WF_EQ/WF_NE, as in CPython. */
int wf_object_rich_compare_bool(wf_object *a, wf_object *b, int op);
int wf_object_is_true(wf_object *o);
int wf_object_not(wf_object *o);
wf_object *wf_object_getattr(wf_object *o, wf_object *name);
wf_object *wf_object_getattr_string(wf_object *o, const char *name);
/* 1 found (*result new ref), 0 missing (AttributeError swallowed), -1. */
int wf_object_lookup_attr(wf_object *o, wf_object *name, wf_object **result);
int wf_object_setattr(wf_object *o, wf_object *name, wf_object *value); /* value NULL = del */
int wf_object_setattr_string(wf_object *o, const char *name, wf_object *value);
int wf_object_delattr(wf_object *o, wf_object *name);
int wf_object_hasattr(wf_object *o, wf_object *name); /* 1/0, never raises */
/* object.__getattribute__/__setattr__ semantics (descriptors, dicts). */
wf_object *wf_object_generic_getattr(wf_object *o, wf_object *name);
int wf_object_generic_setattr(wf_object *o, wf_object *name, wf_object *value);
/* Address of o's instance-dict pointer, or NULL if it has none. */
wf_object **wf_object_dictptr(wf_object *o);
wf_object *wf_object_type_of(wf_object *o); /* type(o), new reference */
wf_ssize_t wf_object_size(wf_object *o);    /* len(o) */
wf_object *wf_object_get_item(wf_object *o, wf_object *key);
int wf_object_set_item(wf_object *o, wf_object *key, wf_object *value);
int wf_object_del_item(wf_object *o, wf_object *key);
wf_object *wf_object_format(wf_object *o, wf_object *spec);
int wf_object_is_instance(wf_object *inst, wf_object *cls);
int wf_object_is_subclass(wf_object *derived, wf_object *cls);
int wf_callable_check(wf_object *o);
/* dir-less attribute helper: name is a C string literal. */
wf_object *wf_object_call_method(wf_object *o, const char *name, wf_object *const *args, wf_ssize_t nargs);

/* --- calls ------------------------------------------------------------------ */
wf_object *wf_object_vectorcall(wf_object *callable, wf_object *const *args, size_t nargsf,
                                wf_object *kwnames);
/* args a tuple (or NULL), kwargs a dict (or NULL). */
wf_object *wf_object_call(wf_object *callable, wf_object *args, wf_object *kwargs);
wf_object *wf_object_call_noargs(wf_object *callable);
wf_object *wf_object_call_one(wf_object *callable, wf_object *arg);
/* callable(*args) where the arguments are given as a NULL-terminated list
 * of objects. */
wf_object *wf_object_call_objs(wf_object *callable, ...);
/* Call o.name(args...) where name is a str object. */
wf_object *wf_object_vectorcall_method(wf_object *name, wf_object *const *args, size_t nargsf,
                                       wf_object *kwnames); /* args[0] is self */
/* Helpers for implementers of vectorcall: convert between conventions. */
wf_object *wf_vectorcall_to_tuple_dict(wf_object *const *args, wf_ssize_t nargs,
                                       wf_object *kwnames, wf_object **kwargs_out);
/* Checks that kwnames is empty; raises "f() takes no keyword arguments". */
int wf_check_no_kwargs(const char *fname, wf_object *kwnames);
/* Checks min <= nargs <= max with CPython's messages. */
int wf_check_nargs(const char *fname, wf_ssize_t nargs, wf_ssize_t min, wf_ssize_t max);

/* --- iteration ---------------------------------------------------------------- */
wf_object *wf_object_get_iter(wf_object *o);
/* Next item, or NULL: exhausted when wf_err_occurred() is NULL (a pending
 * StopIteration raised by a __next__ is cleared and reported as exhaustion). */
wf_object *wf_iter_next(wf_object *it);
int wf_iter_check(wf_object *o);

/* --- numbers ------------------------------------------------------------------- */
wf_object *wf_number_add(wf_object *a, wf_object *b);
wf_object *wf_number_subtract(wf_object *a, wf_object *b);
wf_object *wf_number_multiply(wf_object *a, wf_object *b);
wf_object *wf_number_matrix_multiply(wf_object *a, wf_object *b);
wf_object *wf_number_floor_divide(wf_object *a, wf_object *b);
wf_object *wf_number_true_divide(wf_object *a, wf_object *b);
wf_object *wf_number_remainder(wf_object *a, wf_object *b);
wf_object *wf_number_divmod(wf_object *a, wf_object *b);
wf_object *wf_number_power(wf_object *a, wf_object *b, wf_object *mod); /* mod: None for 2-arg */
wf_object *wf_number_lshift(wf_object *a, wf_object *b);
wf_object *wf_number_rshift(wf_object *a, wf_object *b);
wf_object *wf_number_and(wf_object *a, wf_object *b);
wf_object *wf_number_xor(wf_object *a, wf_object *b);
wf_object *wf_number_or(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_add(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_subtract(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_multiply(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_matrix_multiply(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_floor_divide(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_true_divide(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_remainder(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_power(wf_object *a, wf_object *b, wf_object *mod);
wf_object *wf_number_inplace_lshift(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_rshift(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_and(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_xor(wf_object *a, wf_object *b);
wf_object *wf_number_inplace_or(wf_object *a, wf_object *b);
wf_object *wf_number_negative(wf_object *o);
wf_object *wf_number_positive(wf_object *o);
wf_object *wf_number_absolute(wf_object *o);
wf_object *wf_number_invert(wf_object *o);
wf_object *wf_number_index(wf_object *o);   /* operator.index */
wf_object *wf_number_long(wf_object *o);    /* int(o) */
wf_object *wf_number_float(wf_object *o);   /* float(o) */
/* o as a C index; overflow raises exc (NULL = clamp). -1 on error too. */
wf_ssize_t wf_number_as_ssize_t(wf_object *o, wf_type *exc);
int wf_index_check(wf_object *o);

/* --- sequences and mappings -------------------------------------------------- */
wf_ssize_t wf_sequence_size(wf_object *o);
wf_object *wf_sequence_get_item(wf_object *o, wf_ssize_t i); /* negative i wraps */
int wf_sequence_set_item(wf_object *o, wf_ssize_t i, wf_object *v);
int wf_sequence_contains(wf_object *seq, wf_object *item); /* `in` */
/* CPython's PySequence_Concat / PySequence_InPlaceConcat (operator.concat,
 * iconcat): a's sequence concatenation slot (in place first for the
 * second), else `+` (`+=`) when both operands are sequences, else
 * TypeError "'T' object can't be concatenated". */
wf_object *wf_sequence_concat(wf_object *a, wf_object *b);
wf_object *wf_sequence_inplace_concat(wf_object *a, wf_object *b);
wf_object *wf_sequence_repeat(wf_object *o, wf_ssize_t n);
wf_object *wf_sequence_tuple(wf_object *o); /* tuple(o) */
wf_object *wf_sequence_list(wf_object *o);  /* list(o) */
wf_ssize_t wf_mapping_size(wf_object *o);
wf_object *wf_mapping_get_item_string(wf_object *o, const char *key);
wf_object *wf_mapping_keys(wf_object *o);
wf_object *wf_mapping_items(wf_object *o);

#endif /* WEFT_ABSTRACT_H */
