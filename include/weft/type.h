/*
 * weft/type.h — the type object: the slot table every object dispatches
 * through.
 *
 * A wf_type is itself an object (its header comes first).  Its slots are
 * modelled on CPython's: the memory and thread layers only ever call
 * tp_dealloc and tp_traverse (the first fields, whose names are frozen);
 * the object protocol (weft/abstract.h) calls the rest.
 *
 * Two kinds of types:
 *   static types  statically allocated, immortal (WF_OBJECT_HEAD_INIT), made
 *                 usable by wf_type_ready() during wf_objects_init(): slots
 *                 inherited from tp_base, tp_mro/tp_bases/tp_dict built, the
 *                 dict filled with wrapper descriptors for the C slots and
 *                 method/member/getset descriptors.
 *   heap types    created by type(name, bases, dict) (wf_heaptype below):
 *                 their slots are the generic slot_* functions of
 *                 runtime/objects/typeslots.c which look the dunder up on
 *                 the type and call it, so Python classes can define
 *                 __add__, __eq__, __iter__, ...
 *
 * Thread-safety.  Everything but tp_dict's contents, the slot pointers of
 * heap types, their tp_base/tp_bases/tp_mro (__bases__ assignment, see the
 * fields) and tp_version_tag is immutable once the type is ready (static
 * types are readied before a second thread exists).  Assigning a dunder on
 * a heap type (C.__add__ = f) rewrites the slot pointers of that type and
 * its subclasses; threads read slots with plain loads, so in the
 * free-threaded flavour the stores are made while the world is stopped
 * (typeslots.c wfo_update_slot).  tp_version_tag gets a fresh, never reused
 * value (an atomic exchange, wf_type_modified) AFTER every change of the
 * type's dict or MRO, and a value removed from the dict is released only
 * after that (wfo_type_dict_store, runtime/objects/typecache.h); attribute
 * caches read it with acquire loads; 0 means "no valid tag".
 */
#ifndef WEFT_TYPE_H
#define WEFT_TYPE_H

#include <stddef.h>
#include <stdint.h>

#include "weft/object.h"

typedef intptr_t wf_ssize_t;
typedef intptr_t wf_hash_t;
#define WF_SSIZE_MAX INTPTR_MAX

/* Comparison operators of tp_richcompare (same numbering as CPython). */
enum { WF_LT = 0, WF_LE = 1, WF_EQ = 2, WF_NE = 3, WF_GT = 4, WF_GE = 5 };

typedef wf_object *(*wf_unaryfunc)(wf_object *);
typedef wf_object *(*wf_binaryfunc)(wf_object *, wf_object *);
typedef wf_object *(*wf_ternaryfunc)(wf_object *, wf_object *, wf_object *);
typedef int (*wf_inquiry)(wf_object *);
typedef wf_ssize_t (*wf_lenfunc)(wf_object *);
typedef wf_object *(*wf_ssizeargfunc)(wf_object *, wf_ssize_t);
typedef int (*wf_ssizeobjargproc)(wf_object *, wf_ssize_t, wf_object *);
typedef int (*wf_objobjproc)(wf_object *, wf_object *);
typedef int (*wf_objobjargproc)(wf_object *, wf_object *, wf_object *);
typedef wf_hash_t (*wf_hashfunc)(wf_object *);
typedef wf_object *(*wf_richcmpfunc)(wf_object *, wf_object *, int);
typedef wf_object *(*wf_getattrofunc)(wf_object *, wf_object *);
/* value NULL = delete */
typedef int (*wf_setattrofunc)(wf_object *, wf_object *, wf_object *);
typedef wf_object *(*wf_descrgetfunc)(wf_object *descr, wf_object *obj, wf_object *type);
typedef int (*wf_descrsetfunc)(wf_object *descr, wf_object *obj, wf_object *value);
typedef wf_object *(*wf_newfunc)(wf_type *, wf_object *args, wf_object *kwargs);
typedef int (*wf_initproc)(wf_object *, wf_object *args, wf_object *kwargs);
typedef void (*wf_destructor)(wf_object *);
typedef int (*wf_traverseproc)(wf_object *, wf_visitproc, void *);

/* The calling convention (vectorcall).  args[0..nargs) are the positional
 * arguments, followed by len(kwnames) keyword values; kwnames is a tuple of
 * str or NULL.  nargsf may carry WF_VECTORCALL_ARGS_OFFSET: then args[-1]
 * is writable scratch space the callee may use temporarily (to prepend
 * self without copying).  All arguments are borrowed. */
typedef wf_object *(*wf_vectorcallfunc)(wf_object *callable, wf_object *const *args,
                                        size_t nargsf, wf_object *kwnames);
#define WF_VECTORCALL_ARGS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline wf_ssize_t wf_vectorcall_nargs(size_t nargsf) {
    return (wf_ssize_t)(nargsf & ~WF_VECTORCALL_ARGS_OFFSET);
}

typedef struct wf_number_methods {
    wf_binaryfunc nb_add;
    wf_binaryfunc nb_subtract;
    wf_binaryfunc nb_multiply;
    wf_binaryfunc nb_remainder;
    wf_binaryfunc nb_divmod;
    wf_ternaryfunc nb_power;
    wf_unaryfunc nb_negative;
    wf_unaryfunc nb_positive;
    wf_unaryfunc nb_absolute;
    wf_inquiry nb_bool;
    wf_unaryfunc nb_invert;
    wf_binaryfunc nb_lshift;
    wf_binaryfunc nb_rshift;
    wf_binaryfunc nb_and;
    wf_binaryfunc nb_xor;
    wf_binaryfunc nb_or;
    wf_unaryfunc nb_int;
    wf_unaryfunc nb_float;
    wf_binaryfunc nb_inplace_add;
    wf_binaryfunc nb_inplace_subtract;
    wf_binaryfunc nb_inplace_multiply;
    wf_binaryfunc nb_inplace_remainder;
    wf_ternaryfunc nb_inplace_power;
    wf_binaryfunc nb_inplace_lshift;
    wf_binaryfunc nb_inplace_rshift;
    wf_binaryfunc nb_inplace_and;
    wf_binaryfunc nb_inplace_xor;
    wf_binaryfunc nb_inplace_or;
    wf_binaryfunc nb_floor_divide;
    wf_binaryfunc nb_true_divide;
    wf_binaryfunc nb_inplace_floor_divide;
    wf_binaryfunc nb_inplace_true_divide;
    wf_unaryfunc nb_index;
    wf_binaryfunc nb_matrix_multiply;
    wf_binaryfunc nb_inplace_matrix_multiply;
} wf_number_methods;

typedef struct wf_sequence_methods {
    wf_lenfunc sq_length;
    wf_binaryfunc sq_concat;
    wf_ssizeargfunc sq_repeat;
    wf_ssizeargfunc sq_item;          /* index already made non-negative */
    wf_ssizeobjargproc sq_ass_item;   /* value NULL = delete */
    wf_objobjproc sq_contains;        /* 1, 0, or -1 with an exception */
    wf_binaryfunc sq_inplace_concat;
    wf_ssizeargfunc sq_inplace_repeat;
} wf_sequence_methods;

typedef struct wf_mapping_methods {
    wf_lenfunc mp_length;
    wf_binaryfunc mp_subscript;
    wf_objobjargproc mp_ass_subscript; /* value NULL = delete */
} wf_mapping_methods;

/* tp_methods entries.  The C function's signature follows the flag:
 *   WF_METH_NOARGS    wf_object *f(wf_object *self, wf_object *unused)
 *   WF_METH_O         wf_object *f(wf_object *self, wf_object *arg)
 *   WF_METH_FASTCALL  wf_object *f(wf_object *self, wf_object *const *args,
 *                                  wf_ssize_t nargs)
 *   WF_METH_FASTCALL|WF_METH_KEYWORDS
 *                     ... f(self, args, nargs, wf_object *kwnames)
 * WF_METH_CLASS binds the type instead of the instance (classmethod);
 * WF_METH_STATIC binds nothing (self is NULL). */
#define WF_METH_NOARGS 0x01
#define WF_METH_O 0x02
#define WF_METH_FASTCALL 0x04
#define WF_METH_KEYWORDS 0x08
#define WF_METH_CLASS 0x10
#define WF_METH_STATIC 0x20
typedef struct wf_method_def {
    const char *ml_name;
    void *ml_meth;
    int ml_flags;
    const char *ml_doc;
} wf_method_def;

/* tp_members entries: a field at a fixed offset of the instance. */
enum {
    WF_T_OBJECT = 1,    /* wf_object *; NULL reads as None */
    WF_T_OBJECT_EX = 2, /* wf_object *; NULL raises AttributeError */
    WF_T_INT = 3,       /* int */
    WF_T_SSIZE = 4,     /* wf_ssize_t */
    WF_T_BOOL = 5,      /* char 0/1 */
    WF_T_DOUBLE = 6,    /* double */
};
#define WF_READONLY 0x1
typedef struct wf_member_def {
    const char *name;
    int type;
    size_t offset;
    int flags;
    const char *doc;
} wf_member_def;

typedef wf_object *(*wf_getter)(wf_object *, void *closure);
typedef int (*wf_setter)(wf_object *, wf_object *value, void *closure); /* NULL = delete */
typedef struct wf_getset_def {
    const char *name;
    wf_getter get;
    wf_setter set;
    const char *doc;
    void *closure;
} wf_getset_def;

/* tp_flags */
#define WF_TPFLAGS_HEAPTYPE (1ull << 9)
#define WF_TPFLAGS_BASETYPE (1ull << 10)
#define WF_TPFLAGS_READY (1ull << 12)
#define WF_TPFLAGS_READYING (1ull << 13)
#define WF_TPFLAGS_HAVE_GC (1ull << 14)
#define WF_TPFLAGS_IS_ABSTRACT (1ull << 20)
#define WF_TPFLAGS_DISALLOW_INSTANTIATION (1ull << 7)
#define WF_TPFLAGS_IMMUTABLETYPE (1ull << 8)
/* Fast isinstance bits: set on the built-in type and inherited by every
 * subclass (wf_type_ready copies them from tp_base). */
#define WF_TPFLAGS_LONG_SUBCLASS (1ull << 24)
#define WF_TPFLAGS_LIST_SUBCLASS (1ull << 25)
#define WF_TPFLAGS_TUPLE_SUBCLASS (1ull << 26)
#define WF_TPFLAGS_BYTES_SUBCLASS (1ull << 27)
#define WF_TPFLAGS_UNICODE_SUBCLASS (1ull << 28)
#define WF_TPFLAGS_DICT_SUBCLASS (1ull << 29)
#define WF_TPFLAGS_BASE_EXC_SUBCLASS (1ull << 30)
#define WF_TPFLAGS_TYPE_SUBCLASS (1ull << 31)
#define WF_TPFLAGS_FLOAT_SUBCLASS (1ull << 32)
#define WF_TPFLAGS_SUBCLASS_MASK (0xFFull << 24 | WF_TPFLAGS_FLOAT_SUBCLASS)
/* Calling an instance with (self, *args) equals binding it to self with
 * __get__ and calling the result (functions, method descriptors). */
#define WF_TPFLAGS_METHOD_DESCRIPTOR (1ull << 34)
/* A heap type whose instances carry a dict (at tp_dictoffset). */
#define WF_TPFLAGS_HAS_DICT (1ull << 33)

struct wfo_subclass_list; /* runtime/objects/type.c */

struct wf_type {
    wf_object ob_base;
    const char *tp_name;       /* "module.Name" for static types; heap types: UTF-8 of __name__ */
    size_t tp_basicsize;       /* fixed part of an instance, header included */
    size_t tp_itemsize;        /* per-item size of variable-size instances, else 0 */
    uint64_t tp_flags;         /* WF_TPFLAGS_*; see thread-safety note above */
    wf_destructor tp_dealloc;  /* frees the object (count reached zero) */
    wf_traverseproc tp_traverse; /* visits owned references (GC) */
    wf_inquiry tp_clear;       /* drops owned references (GC) */

    wf_unaryfunc tp_repr;
    wf_unaryfunc tp_str;
    wf_hashfunc tp_hash;       /* wf_object_hash_not_implemented = unhashable */
    wf_richcmpfunc tp_richcompare;
    wf_getattrofunc tp_getattro;
    wf_setattrofunc tp_setattro;
    wf_vectorcallfunc tp_call; /* calling an instance */
    wf_unaryfunc tp_iter;
    wf_unaryfunc tp_iternext;  /* NULL without exception = exhausted */
    wf_descrgetfunc tp_descr_get;
    wf_descrsetfunc tp_descr_set;
    wf_newfunc tp_new;
    wf_initproc tp_init;
    wf_destructor tp_finalize;  /* __del__ */

    wf_number_methods *tp_as_number;
    wf_sequence_methods *tp_as_sequence;
    wf_mapping_methods *tp_as_mapping;

    wf_method_def *tp_methods;   /* NULL-name terminated */
    wf_member_def *tp_members;
    wf_getset_def *tp_getset;

    /* tp_base/tp_bases/tp_mro of a heap type change when C.__bases__ is
     * assigned (type.c, one assignment at a time): tp_bases and tp_mro are
     * replaced with release stores of new tuples, read them with acquire
     * loads (or plain ones where no writer can run); the replaced tuple is
     * released only after an SMR grace period, so a borrowed pointer stays
     * valid until the reader's next safe point (take a reference to hold it
     * across one).  tp_base (always layout-compatible with the old one) is
     * stored while the world is stopped; plain loads. */
    wf_type *tp_base;            /* the solid base (layout parent) */
    wf_object *tp_bases;         /* tuple of direct bases; set by ready */
    wf_object *tp_mro;           /* tuple, C3 linearisation; set by ready */
    wf_object *tp_dict;          /* the class namespace (a dict) */
    wf_ssize_t tp_dictoffset;    /* >0: offset of the instance dict pointer;
                                    <0: dict pointer follows the variable
                                    part (see tp_varsize); 0: none */
    _Atomic uint32_t tp_version_tag; /* see thread-safety note above */
    const char *tp_doc;
    /* Calling the type object itself without building args tuples (e.g.
     * int(x), str(x)); NULL = generic tp_new/tp_init path. */
    wf_vectorcallfunc tp_vectorcall;
    /* Byte size of a variable-size instance in its base layout (the end of
     * its items); inherited.  Used to place the dict of subclasses of
     * tuple/str/int.  NULL for fixed-size types. */
    size_t (*tp_varsize)(wf_object *);
    struct wfo_subclass_list *tp_subclasses; /* under the type lock */
    /* weakref (engineer "weakref"): >0 = offset of the instances' weakref
     * list head (a wf_object *_Atomic, see weft/weakref.h); 0 = instances
     * cannot be weakly referenced.  Immutable once ready; inherited. */
    wf_ssize_t tp_weaklistoffset;
    /* weakref: the list head of weak references to this type object itself
     * (wf_type_type's tp_weaklistoffset points here). */
    wf_object *_Atomic tp_weaklist;
};
static_assert(offsetof(struct wf_type, tp_dealloc) == WF_TYPE_TP_DEALLOC_OFFSET,
              "wf_type_call_dealloc (weft/object.h) reads tp_dealloc here");

/* A type created at run time (class statement, type(name, bases, dict)).
 * The method tables live inline so slot_* functions can be installed per
 * type.  ht_name/ht_qualname/ht_slots are written under the type's lock
 * (type.__name__ assignment) and read by the owner of a reference. */
typedef struct wf_heaptype {
    wf_type ht_type;
    wf_number_methods as_number;
    wf_sequence_methods as_sequence;
    wf_mapping_methods as_mapping;
    wf_object *ht_name;     /* str */
    wf_object *ht_qualname; /* str */
    wf_object *ht_slots;    /* tuple of str or NULL */
    char *ht_name_utf8;     /* tp_name storage (wfm_malloc) */
    wf_member_def *ht_members; /* __slots__ members, wfm_malloc */
} wf_heaptype;

static inline wf_type *wf_type_of(const wf_object *op) { return op->ob_type; }
#define WF_TYPE(op) (((wf_object *)(op))->ob_type)
static inline int wf_type_has_flag(const wf_type *t, uint64_t f) { return (t->tp_flags & f) != 0; }

extern wf_type wf_type_type;   /* type */
extern wf_type wf_object_type; /* object */

/* Make a static type usable (idempotent).  0, or -1 with an exception. */
int wf_type_ready(wf_type *type);
/* issubclass for types, by MRO (no __subclasscheck__). */
int wf_type_is_subtype(wf_type *a, wf_type *b);
/* Look name (a str) up along type's MRO; borrowed result or NULL (no
 * exception set). */
wf_object *wf_type_lookup(wf_type *type, wf_object *name);
/* The type's __name__ as a C string (borrowed, valid while type lives). */
const char *wf_type_name(wf_type *type);
/* Generic allocation for type: zeroed instance with nitems items, header
 * initialised; a heap type gets a reference from each instance. */
wf_object *wf_type_generic_alloc(wf_type *type, wf_ssize_t nitems);
/* type(name, bases, dict) from C. */
wf_object *wf_type_new_from_spec(const char *name, wf_object *bases, wf_object *dict);
/* Bump the version tag of type and its subclasses (dict or MRO changed). */
void wf_type_modified(wf_type *type);

#define WF_TYPE_CHECK(op) wf_type_has_flag(WF_TYPE(op), WF_TPFLAGS_TYPE_SUBCLASS)

#endif /* WEFT_TYPE_H */
