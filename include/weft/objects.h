/*
 * weft/objects.h — the built-in types: their instance layouts and C API.
 *
 * Each section's type lives in runtime/objects/<name>.c, whose opening
 * comment states the invariants and thread-safety rules.  APIs that hand
 * out container items return new references (never borrowed ones): under
 * free threading another thread may drop the container's reference at any
 * moment.
 *
 * wf_objects_init() readies every static type and creates the singletons;
 * wf_objects_fini() releases what they own.  Call them after
 * wf_runtime_init() / before wf_runtime_fini(), from the main thread.
 */
#ifndef WEFT_OBJECTS_H
#define WEFT_OBJECTS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "weft/abstract.h"
#include "weft/errors.h"
#include "weft/type.h"

void wf_objects_init(void);
void wf_objects_fini(void);

/* --- None, NotImplemented, Ellipsis (none.c) -------------------------- */
extern wf_type wf_none_type, wf_notimplemented_type, wf_ellipsis_type;
extern wf_object wf_none_struct, wf_notimplemented_struct, wf_ellipsis_struct;
#define wf_None (&wf_none_struct)
#define wf_NotImplemented (&wf_notimplemented_struct)
#define wf_Ellipsis (&wf_ellipsis_struct)
#define WF_RETURN_NONE return wf_None
#define WF_RETURN_NOTIMPLEMENTED return wf_NotImplemented

/* --- int (int.c) and bool (bool.c) ----------------------------------------
 * Small form: ob_ndigits == 0 and the value is ob_small.  Big form: the
 * magnitude is ob_digit[0..ob_ndigits) in base 2^30, least significant
 * first, top digit non-zero, sign in ob_sign.  Invariant: a value is in the
 * big form iff it does not fit in int64_t.  Immutable once published. */
typedef struct wf_int {
    wf_object ob_base;
    int64_t ob_small;
    int32_t ob_ndigits;
    int32_t ob_sign; /* -1 or +1 in the big form; 0 in the small form */
    uint32_t ob_digit[];
} wf_int;
extern wf_type wf_int_type, wf_bool_type;
extern wf_int wf_true_struct, wf_false_struct;
#define wf_True ((wf_object *)&wf_true_struct)
#define wf_False ((wf_object *)&wf_false_struct)
#define WF_INT_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_LONG_SUBCLASS)
#define WF_INT_CHECK_EXACT(o) (WF_TYPE(o) == &wf_int_type)
#define WF_BOOL_CHECK(o) (WF_TYPE(o) == &wf_bool_type)
static inline wf_object *wf_bool_from(int v) { return v ? wf_True : wf_False; }
wf_object *wf_int_from_i64(int64_t v);
wf_object *wf_int_from_u64(uint64_t v);
static inline wf_object *wf_int_from_ssize(wf_ssize_t v) { return wf_int_from_i64(v); }
/* Value as int64; *overflow = +1/-1 (and -1 returned) when out of range. */
int64_t wf_int_as_i64_overflow(wf_object *o, int *overflow);
/* Value as wf_ssize_t; OverflowError when out of range. */
wf_ssize_t wf_int_as_ssize(wf_object *o);
double wf_int_as_double(wf_object *o); /* -1.0 + OverflowError when too big */
wf_object *wf_int_from_double(double v); /* ValueError/OverflowError for nan/inf */
/* int(s, base) for a UTF-8 string (base 0 = from prefix); ValueError with
 * CPython's message on bad input. */
wf_object *wf_int_from_string(const char *s, wf_ssize_t len, int base);
wf_object *wf_int_to_str(wf_object *o, int base); /* str of digits with 0x.. prefix for 2/8/16 */
int wf_int_sign(wf_object *o);                   /* -1, 0, 1 */
size_t wf_int_bit_length(wf_object *o);
wf_hash_t wf_int_hash_value(wf_object *o);
wf_object *wf_small_int(int v); /* -5..256, immortal, borrowed-is-fine */

/* --- float (float.c) ------------------------------------------------------ */
typedef struct wf_float {
    wf_object ob_base;
    double ob_fval;
} wf_float;
extern wf_type wf_float_type;
#define WF_FLOAT_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_FLOAT_SUBCLASS)
wf_object *wf_float_from_double(double v);
/* float value of o (float, int, __float__, __index__): -1.0 + error. */
double wf_float_as_double(wf_object *o);
wf_hash_t wf_hash_double(wf_object *inst, double v);

/* --- str (str.c) -------------------------------------------------------------
 * PEP 393-style: code points stored inline after the header with the
 * narrowest of 1 (Latin-1), 2 (UCS-2) or 4 (UCS-4) bytes that fits the
 * largest code point (canonical: equal strings have equal kind and bytes).
 * Immutable except the caches (hash, UTF-8), see str.c. */
typedef struct wf_str {
    wf_object ob_base;
    wf_ssize_t length;           /* code points */
    _Atomic wf_hash_t hash;      /* -1 until computed */
    char *_Atomic utf8;          /* cached generalized UTF-8, NUL-terminated */
    _Atomic wf_ssize_t utf8_length;
    uint8_t kind;                /* 1, 2 or 4 */
    uint8_t ascii;               /* all code points < 128 (utf8 == data) */
    _Atomic uint8_t interned;    /* 1 once in the intern table (immortal) */
} wf_str;
extern wf_type wf_str_type;
#define WF_STR_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_UNICODE_SUBCLASS)
#define WF_STR_CHECK_EXACT(o) (WF_TYPE(o) == &wf_str_type)
static inline void *wf_str_data(wf_object *s) { return (void *)((wf_str *)s + 1); }
static inline wf_ssize_t wf_str_len(wf_object *s) { return ((wf_str *)s)->length; }
static inline uint32_t wf_str_read(int kind, const void *data, wf_ssize_t i) {
    return kind == 1 ? ((const uint8_t *)data)[i]
                     : kind == 2 ? ((const uint16_t *)data)[i] : ((const uint32_t *)data)[i];
}
static inline uint32_t wf_str_char(wf_object *s, wf_ssize_t i) {
    return wf_str_read(((wf_str *)s)->kind, wf_str_data(s), i);
}
/* From generalized UTF-8 (lone surrogates allowed); UnicodeDecodeError. */
wf_object *wf_str_from_utf8(const char *s, wf_ssize_t len);
wf_object *wf_str_from_cstr(const char *s);
wf_object *wf_str_from_ucs4(const uint32_t *cp, wf_ssize_t n);
wf_object *wf_str_from_format(const char *fmt, ...);
wf_object *wf_str_from_formatv(const char *fmt, va_list ap);
/* New string of length n with room for code points up to maxchar; the
 * caller fills it before publishing. */
wf_object *wf_str_new_raw(wf_ssize_t n, uint32_t maxchar);
/* Generalized UTF-8 (borrowed; lives as long as s); NULL + MemoryError. */
const char *wf_str_utf8(wf_object *s, wf_ssize_t *len);
wf_object *wf_str_intern(wf_object *s);           /* steals s, returns the interned one */
wf_object *wf_str_intern_cstr(const char *s);     /* immortal interned str (borrowed ok) */
int wf_str_eq(wf_object *a, wf_object *b);        /* both exact-or-sub str; 1/0 */
int wf_str_eq_cstr(wf_object *a, const char *s);  /* ASCII s */
int wf_str_compare(wf_object *a, wf_object *b);   /* <0, 0, >0 by code point */
wf_hash_t wf_str_hash(wf_object *s);
wf_object *wf_str_concat(wf_object *a, wf_object *b);
wf_object *wf_str_join(wf_object *sep, wf_object *iterable);
wf_object *wf_str_substring(wf_object *s, wf_ssize_t start, wf_ssize_t end);
wf_object *wf_str_split(wf_object *s, wf_object *sep, wf_ssize_t maxsplit);
wf_ssize_t wf_str_find(wf_object *s, wf_object *sub, wf_ssize_t start, wf_ssize_t end, int dir);
wf_object *wf_str_replace(wf_object *s, wf_object *old, wf_object *new_, wf_ssize_t count);
int wf_str_contains(wf_object *s, wf_object *sub);
wf_object *wf_str_from_char(uint32_t cp);

/* --- tuple (tuple.c) --------------------------------------------------------- */
typedef struct wf_tuple {
    wf_object ob_base;
    wf_ssize_t ob_size;
    wf_object *ob_item[]; /* immutable once the tuple is published */
} wf_tuple;
extern wf_type wf_tuple_type;
#define WF_TUPLE_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_TUPLE_SUBCLASS)
#define WF_TUPLE_CHECK_EXACT(o) (WF_TYPE(o) == &wf_tuple_type)
#define WF_TUPLE_SIZE(o) (((wf_tuple *)(o))->ob_size)
#define WF_TUPLE_ITEM(o, i) (((wf_tuple *)(o))->ob_item[i])
/* New tuple of n NULL items, to be filled (stealing) before publishing. */
wf_object *wf_tuple_new(wf_ssize_t n);
wf_object *wf_tuple_pack(wf_ssize_t n, ...);        /* borrowed items */
wf_object *wf_tuple_from_array(wf_object *const *items, wf_ssize_t n); /* borrowed */
wf_object *wf_tuple_slice(wf_object *t, wf_ssize_t lo, wf_ssize_t hi);

/* --- list (list.c) ------------------------------------------------------------
 * The items live in a separately allocated array that carries its own
 * capacity, so a lock-free reader (issue 6) can bound-check against the
 * array it loaded.  See list.c for the rules. */
typedef struct wfo_list_array {
    wf_ssize_t allocated;
    wf_object *_Atomic items[];
} wfo_list_array;
typedef struct wf_list {
    wf_object ob_base;
    _Atomic wf_ssize_t ob_size;
    wfo_list_array *_Atomic ob_array; /* NULL when allocated == 0 */
} wf_list;
extern wf_type wf_list_type;
#define WF_LIST_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_LIST_SUBCLASS)
#define WF_LIST_CHECK_EXACT(o) (WF_TYPE(o) == &wf_list_type)
wf_object *wf_list_new(wf_ssize_t n); /* n None items */
wf_ssize_t wf_list_size(wf_object *l);
wf_object *wf_list_get_item(wf_object *l, wf_ssize_t i); /* new ref; IndexError */
int wf_list_set_item(wf_object *l, wf_ssize_t i, wf_object *v); /* borrowed v */
int wf_list_append(wf_object *l, wf_object *v);
int wf_list_insert(wf_object *l, wf_ssize_t i, wf_object *v);
wf_object *wf_list_pop(wf_object *l, wf_ssize_t i);
int wf_list_extend(wf_object *l, wf_object *iterable);
int wf_list_sort(wf_object *l, wf_object *key, int reverse);
int wf_list_reverse(wf_object *l);
wf_object *wf_list_as_tuple(wf_object *l);
int wf_list_clear(wf_object *l);

/* --- dict (dict.c) -------------------------------------------------------------- */
struct wfo_dict_keys;
typedef struct wf_dict {
    wf_object ob_base;
    _Atomic wf_ssize_t ma_used;             /* live entries */
    _Atomic uint64_t ma_version;            /* bumped on every mutation */
    struct wfo_dict_keys *_Atomic ma_keys;  /* never NULL */
} wf_dict;
extern wf_type wf_dict_type;
#define WF_DICT_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_DICT_SUBCLASS)
#define WF_DICT_CHECK_EXACT(o) (WF_TYPE(o) == &wf_dict_type)
wf_object *wf_dict_new(void);
/* 1 found (*out new ref), 0 missing, -1 error (unhashable key, __eq__). */
int wf_dict_get_item_ref(wf_object *d, wf_object *key, wf_object **out);
int wf_dict_get_item_string_ref(wf_object *d, const char *key, wf_object **out);
int wf_dict_set_item(wf_object *d, wf_object *key, wf_object *value);
int wf_dict_set_item_string(wf_object *d, const char *key, wf_object *value);
int wf_dict_del_item(wf_object *d, wf_object *key); /* KeyError if missing */
int wf_dict_del_item_string(wf_object *d, const char *key);
int wf_dict_contains(wf_object *d, wf_object *key);
/* Pop key: 1 found (*out new ref, may be NULL to drop), 0 missing, -1. */
int wf_dict_pop(wf_object *d, wf_object *key, wf_object **out);
/* d.setdefault(key, dflt): new reference to the value now stored. */
wf_object *wf_dict_setdefault(wf_object *d, wf_object *key, wf_object *dflt);
wf_ssize_t wf_dict_size(wf_object *d);
/* Iterate: *pos starts at 0; 1 with new references in *k and *v (either may be
 * NULL to skip), 0 at the end. */
int wf_dict_next(wf_object *d, wf_ssize_t *pos, wf_object **k, wf_object **v);
wf_object *wf_dict_copy(wf_object *d);
int wf_dict_update(wf_object *d, wf_object *other); /* mapping or iterable of pairs */
int wf_dict_merge(wf_object *d, wf_object *other, int override);
void wf_dict_clear(wf_object *d);
wf_object *wf_dict_keys(wf_object *d);   /* list */
wf_object *wf_dict_values(wf_object *d); /* list */
wf_object *wf_dict_items(wf_object *d);  /* list of pairs */

/* --- module (module.c) ------------------------------------------------------------ */
typedef struct wf_module {
    wf_object ob_base;
    wf_object *md_dict; /* immutable pointer; the dict has its own lock */
    wf_object *_Atomic md_weaklist; /* weakref: list head (weft/weakref.h) */
} wf_module;
extern wf_type wf_module_type;
wf_object *wf_module_new(const char *name);
wf_object *wf_module_get_dict(wf_object *m); /* borrowed: lives as long as m */
int wf_module_add_functions(wf_object *m, wf_method_def *defs);
int wf_module_add_object(wf_object *m, const char *name, wf_object *value); /* borrowed */

/* --- descriptors and callables (descr.c, method.c) -------------------------- */
extern wf_type wf_method_descr_type, wf_classmethod_descr_type, wf_wrapper_descr_type,
    wf_method_wrapper_type, wf_member_descr_type, wf_getset_descr_type, wf_cfunction_type,
    wf_method_type, wf_classmethod_type, wf_staticmethod_type, wf_property_type;
/* A builtin function (builtin_function_or_method) bound to self (may be NULL). */
wf_object *wf_cfunction_new(wf_method_def *ml, wf_object *self, wf_object *module);
/* A bound method: calling it calls func(self, *args). */
wf_object *wf_method_new(wf_object *func, wf_object *self);
wf_object *wf_classmethod_new(wf_object *callable);
wf_object *wf_staticmethod_new(wf_object *callable);
wf_object *wf_property_new(wf_object *fget, wf_object *fset, wf_object *fdel, wf_object *doc);

/* --- exceptions (exceptions.c) -------------------------------------------- */
typedef struct wf_base_exception {
    wf_object ob_base;
    wf_object *dict;
    wf_object *args;      /* tuple */
    wf_object *notes;     /* list or NULL (__notes__) */
    wf_object *traceback; /* None/NULL or a traceback object (the VM's) */
    wf_object *context;
    wf_object *cause;
    char suppress_context;
} wf_base_exception;
#define WF_EXC_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_BASE_EXC_SUBCLASS)
#define WF_EXC_TYPE_CHECK(t) \
    (WF_TYPE_CHECK(t) && wf_type_has_flag((wf_type *)(t), WF_TPFLAGS_BASE_EXC_SUBCLASS))
#define WF_EXC_LIST(X)                                                                  \
    X(BaseException) X(BaseExceptionGroup) X(ExceptionGroup) X(Exception)               \
    X(GeneratorExit) X(KeyboardInterrupt) X(SystemExit) X(ArithmeticError)              \
    X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) X(AssertionError)       \
    X(AttributeError) X(BufferError) X(EOFError) X(ImportError) X(ModuleNotFoundError)  \
    X(LookupError) X(IndexError) X(KeyError) X(MemoryError) X(NameError)                \
    X(UnboundLocalError) X(OSError) X(BlockingIOError) X(ChildProcessError)             \
    X(ConnectionError) X(BrokenPipeError) X(ConnectionAbortedError)                     \
    X(ConnectionRefusedError) X(ConnectionResetError) X(FileExistsError)                \
    X(FileNotFoundError) X(InterruptedError) X(IsADirectoryError)                       \
    X(NotADirectoryError) X(PermissionError) X(ProcessLookupError) X(TimeoutError)      \
    X(ReferenceError) X(RuntimeError) X(NotImplementedError) X(RecursionError)          \
    X(StopAsyncIteration) X(StopIteration) X(SyntaxError) X(IndentationError)           \
    X(TabError) X(SystemError) X(TypeError) X(ValueError) X(UnicodeError)               \
    X(UnicodeDecodeError) X(UnicodeEncodeError) X(UnicodeTranslateError) X(Warning)     \
    X(BytesWarning) X(DeprecationWarning) X(EncodingWarning) X(FutureWarning)           \
    X(ImportWarning) X(PendingDeprecationWarning) X(ResourceWarning) X(RuntimeWarning)  \
    X(SyntaxWarning) X(UnicodeWarning) X(UserWarning)
#define WF_DECLARE_EXC(name) extern wf_type wf_exc_##name;
WF_EXC_LIST(WF_DECLARE_EXC)
#undef WF_DECLARE_EXC
/* Make an instance of type with the given args tuple (borrowed). */
wf_object *wf_exc_new(wf_type *type, wf_object *args);
wf_object *wf_exc_get_args(wf_object *exc);   /* new reference */
wf_object *wf_exc_get_context(wf_object *exc); /* new reference or NULL */
wf_object *wf_exc_get_cause(wf_object *exc);
void wf_exc_set_cause(wf_object *exc, wf_object *cause); /* borrowed; sets suppress */
/* Call fn(type, userdata) for every built-in exception type (for builtins). */
void wf_exc_foreach(void (*fn)(wf_type *, void *), void *userdata);

/* --- set and frozenset (set.c) ----------------------------------------------
 * Open addressing with CPython's probe sequence (linear runs of 9, then
 * perturbation) and growth policy, so iteration order matches python3.
 * Mutations run in the set's critical section; see set.c. */
struct wfo_set_entry;
typedef struct wf_set {
    wf_object ob_base;
    _Atomic wf_ssize_t used;  /* live keys */
    wf_ssize_t fill;          /* live + dummy slots (under the lock) */
    wf_ssize_t mask;          /* slots - 1 */
    struct wfo_set_entry *_Atomic table;
    _Atomic wf_hash_t hash;   /* frozenset: -1 until computed */
    wf_object *_Atomic weakreflist; /* weakref: list head (weft/weakref.h) */
} wf_set;
extern wf_type wf_set_type, wf_frozenset_type;
#define WF_ANYSET_CHECK(o) \
    (wf_type_is_subtype(WF_TYPE(o), &wf_set_type) || wf_type_is_subtype(WF_TYPE(o), &wf_frozenset_type))
#define WF_FROZENSET_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &wf_frozenset_type)
wf_object *wf_set_new(wf_object *iterable);       /* iterable may be NULL */
wf_object *wf_frozenset_new(wf_object *iterable); /* iterable may be NULL */
int wf_set_add(wf_object *s, wf_object *key);
int wf_set_discard(wf_object *s, wf_object *key); /* 1 removed, 0 absent, -1 */
int wf_set_contains(wf_object *s, wf_object *key);
wf_ssize_t wf_set_size(wf_object *s);
wf_object *wf_set_pop(wf_object *s);               /* KeyError when empty */
int wf_set_clear(wf_object *s);

/* --- iterators (iter.c) ---------------------------------------------------------- */
extern wf_type wf_seqiter_type, wf_callable_iter_type;
wf_object *wf_seqiter_new(wf_object *seq); /* iterates by __getitem__ 0, 1, ... */
/* The iterator builtins (iterobjects.c) and memoryview (memoryview.c). */
extern wf_type wf_enumerate_type, wf_zip_type, wf_map_type, wf_filter_type, wf_reversed_type;
extern wf_type wf_memoryview_type;


/* --- slice, range, bytes, bytearray (slice.c, range.c, bytes.c, bytearray.c) --- */
typedef struct wf_slice {
    wf_object ob_base;
    wf_object *start, *stop, *step; /* never NULL: None when omitted */
} wf_slice;
extern wf_type wf_slice_type;
#define WF_SLICE_CHECK(o) (WF_TYPE(o) == &wf_slice_type)
wf_object *wf_slice_new(wf_object *start, wf_object *stop, wf_object *step); /* NULL = None */
/* CPython's PySlice_Unpack: raw bounds (clamped to wf_ssize_t), step != 0. */
int wf_slice_unpack(wf_object *s, wf_ssize_t *start, wf_ssize_t *stop, wf_ssize_t *step);
/* CPython's PySlice_AdjustIndices: clamps against n, returns the count. */
wf_ssize_t wf_slice_adjust_indices(wf_ssize_t n, wf_ssize_t *start, wf_ssize_t *stop,
                                   wf_ssize_t step);
/* slice.indices(length) with ints of any size (new references). */
int wf_slice_indices_obj(wf_object *s, wf_object *length, wf_object **start, wf_object **stop,
                         wf_object **step);

typedef struct wf_range {
    wf_object ob_base;
    wf_object *start, *stop, *step, *length; /* ints, immutable */
} wf_range;
extern wf_type wf_range_type;
#define WF_RANGE_CHECK(o) (WF_TYPE(o) == &wf_range_type)
wf_object *wf_range_new(wf_object *start, wf_object *stop, wf_object *step); /* step NULL = 1 */

typedef struct wf_bytes {
    wf_object ob_base;
    wf_ssize_t ob_size;
    _Atomic wf_hash_t hash; /* -1 until computed */
    char ob_sval[];         /* ob_size bytes + NUL; immutable once published */
} wf_bytes;
extern wf_type wf_bytes_type;
#define WF_BYTES_CHECK(o) wf_type_has_flag(WF_TYPE(o), WF_TPFLAGS_BYTES_SUBCLASS)
#define WF_BYTES_SIZE(o) (((wf_bytes *)(o))->ob_size)
#define WF_BYTES_DATA(o) (((wf_bytes *)(o))->ob_sval)
wf_object *wf_bytes_from_data(const void *data, wf_ssize_t n); /* data NULL = zeroed */
wf_object *wf_bytes_from_cstr(const char *s);
wf_object *wf_bytes_decode(wf_object *b, const char *encoding, const char *errors);
wf_object *wf_str_encode(wf_object *s, const char *encoding, const char *errors);

/* bytearray: the buffer is replaced (never resized in place) when it must
 * grow; see bytearray.c for the locking rules. */
typedef struct wf_bytearray {
    wf_object ob_base;
    _Atomic wf_ssize_t ob_size;
    wf_ssize_t ob_alloc;         /* capacity of ob_bytes (under the lock) */
    char *_Atomic ob_bytes;      /* NULL when ob_alloc == 0 */
} wf_bytearray;
extern wf_type wf_bytearray_type;
#define WF_BYTEARRAY_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &wf_bytearray_type)
wf_object *wf_bytearray_from_data(const void *data, wf_ssize_t n);
/* A bytes copy of a bytes or bytearray (taken under the bytearray's lock). */
wf_object *wf_bytes_snapshot(wf_object *o);

/* --- complex (complex.c) ------------------------------------------------ */
typedef struct wf_complex {
    wf_object ob_base;
    double real; /* immutable once published */
    double imag;
} wf_complex;
extern wf_type wf_complex_type;
#define WF_COMPLEX_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &wf_complex_type)
wf_object *wf_complex_from_doubles(double real, double imag);

#endif /* WEFT_OBJECTS_H */
