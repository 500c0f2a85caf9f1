/*
 * runtime/objects/exceptions.c — the built-in exception hierarchy of
 * CPython 3.11: BaseException and its attributes (args, __cause__,
 * __context__, __suppress_context__, __traceback__, __notes__/add_note,
 * with_traceback), the per-family layouts (StopIteration.value,
 * SystemExit.code, ImportError msg/name/path, OSError errno/strerror/
 * filename/filename2 with the errno -> subclass mapping, SyntaxError
 * location attributes, UnicodeError encoding/object/start/end/reason,
 * NameError.name, AttributeError name/obj), KeyError's str and
 * BaseExceptionGroup/ExceptionGroup with split/subgroup/derive.
 *
 * Layout rule: every layout is wf_base_exception followed only by
 * wf_object * fields, so one dealloc/traverse (exc_dealloc) handles all of
 * them by walking the pointer fields up to the static base's basicsize.
 * Instances of every exception type have a __dict__ (BaseException.dict).
 *
 * Thread-safety: any thread may re-run __init__ or set attributes while
 * others format or read the exception.  Every field store swaps the value
 * in the exception's critical section (an atomic release store) and drops
 * the old reference afterwards (set_field; the member descriptors store
 * the same way), so two stores never drop one value twice.  Readers never
 * use a field borrowed: attribute getters take a reference under the
 * section (get_field) or with the members' lock-free protocol, and the
 * str/repr functions take references to the fields they format, together,
 * under the section (snap) -- a racing reader sees old or new values, never
 * a freed one.
 */
#include "runtime/objects/containers.h"

#include <errno.h>
#include <stdlib.h>

typedef struct { wf_base_exception base; wf_object *value; } stopiter_exc;
typedef struct { wf_base_exception base; wf_object *code; } sysexit_exc;
typedef struct { wf_base_exception base; wf_object *msg, *name, *path; } import_exc;
typedef struct {
    wf_base_exception base;
    wf_object *myerrno, *strerror, *filename, *filename2, *written;
} os_exc;
typedef struct {
    wf_base_exception base;
    wf_object *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset,
        *print_file_and_line;
} syntax_exc;
typedef struct {
    wf_base_exception base;
    wf_object *encoding, *object, *start, *end, *reason;
} unicode_exc;
typedef struct { wf_base_exception base; wf_object *name; } name_exc;
typedef struct { wf_base_exception base; wf_object *name, *obj; } attr_exc;
typedef struct { wf_base_exception base; wf_object *msg, *excs; } group_exc;

#define BE(o) ((wf_base_exception *)(o))

static wf_type *static_base(wf_type *t) {
    while (t && wf_type_has_flag(t, WF_TPFLAGS_HEAPTYPE)) t = t->tp_base;
    return t;
}

#define FIELD(slot) ((wf_object *_Atomic *)(slot))

/* Swap *slot for v (new reference or NULL) under the object's lock and
 * release the old value afterwards. */
static void set_field(wf_object *self, wf_object **slot, wf_object *v) {
    wf_object *old;
    WF_BEGIN_CRITICAL_SECTION(self);
    old = atomic_load_explicit(FIELD(slot), memory_order_relaxed);
    atomic_store_explicit(FIELD(slot), v, memory_order_release);
    WF_END_CRITICAL_SECTION();
    wf_xdecref(old);
}
static wf_object *get_field(wf_object *self, wf_object **slot) {
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(self);
    r = atomic_load_explicit(FIELD(slot), memory_order_relaxed);
    r = r ? wf_newref(r) : wf_newref(wf_None);
    WF_END_CRITICAL_SECTION();
    return r;
}
/* New references (or NULL) to n fields of self, read together under its
 * lock; release them with unsnap. */
static void snap(wf_object *self, int n, wf_object **const slots[], wf_object *out[]) {
    WF_BEGIN_CRITICAL_SECTION(self);
    for (int i = 0; i < n; i++)
        out[i] = wf_xnewref(atomic_load_explicit(FIELD(slots[i]), memory_order_relaxed));
    WF_END_CRITICAL_SECTION();
}
static void unsnap(int n, wf_object *out[]) {
    for (int i = 0; i < n; i++) wf_xdecref(out[i]);
}
/* self.args as a new reference (NULL only before tp_new filled it). */
static wf_object *args_ref(wf_object *self) {
    wf_object *a;
    snap(self, 1, (wf_object **const[]){&BE(self)->args}, &a);
    return a;
}

/* ---------------------------------------------------------------------------
 * BaseException
 */
static void exc_dealloc_body(wf_object *o) {
    wf_type *sb = static_base(WF_TYPE(o));
    wf_object **p = (wf_object **)((char *)o + offsetof(wf_base_exception, dict));
    wf_object **end = (wf_object **)((char *)o + offsetof(wf_base_exception, suppress_context));
    for (; p < end; p++) WF_CLEAR(*p);
    p = (wf_object **)((char *)o + sizeof(wf_base_exception));
    end = (wf_object **)((char *)o + sb->tp_basicsize);
    for (; p < end; p++) WF_CLEAR(*p);
    wfo_free_instance(o);
}

/* Bounded recursion when a long __context__/__cause__ chain dies
 * (weft/object.h trashcan). */
static void exc_dealloc(wf_object *o) {
    if (wf_trashcan_begin(o, exc_dealloc)) return;
    exc_dealloc_body(o);
    wf_trashcan_end();
}

static int exc_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wf_type *sb = static_base(WF_TYPE(o));
    wf_object **p = (wf_object **)((char *)o + offsetof(wf_base_exception, dict));
    wf_object **end = (wf_object **)((char *)o + offsetof(wf_base_exception, suppress_context));
    for (; p < end; p++)
        if (*p) { int r = visit(*p, arg); if (r) return r; }
    p = (wf_object **)((char *)o + sizeof(wf_base_exception));
    end = (wf_object **)((char *)o + sb->tp_basicsize);
    for (; p < end; p++)
        if (*p) { int r = visit(*p, arg); if (r) return r; }
    return 0;
}

static wf_object *exc_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_object *self = wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    BE(self)->args = args ? wf_newref(args) : wf_tuple_new(0);
    return self;
}

static int exc_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", wf_type_name(WF_TYPE(self)));
        return -1;
    }
    set_field(self, &BE(self)->args, wf_newref(args));
    return 0;
}

wf_object *wfo_exc_str(wf_object *self) {
    wf_object *args = args_ref(self), *r;
    wf_ssize_t n = args ? WF_TUPLE_SIZE(args) : 0;
    if (n == 0) r = wf_str_from_cstr("");
    else if (n == 1) r = wf_object_str(WF_TUPLE_ITEM(args, 0));
    else r = wf_object_str(args);
    wf_xdecref(args);
    return r;
}

static wf_object *exc_repr(wf_object *self) {
    const char *name = wf_type_name(WF_TYPE(self));
    wf_object *args = args_ref(self), *r;
    if (args && WF_TUPLE_SIZE(args) == 1)
        r = wf_str_from_format("%s(%R)", name, WF_TUPLE_ITEM(args, 0));
    else if (!args || WF_TUPLE_SIZE(args) == 0) r = wf_str_from_format("%s()", name);
    else r = wf_str_from_format("%s%R", name, args);
    wf_xdecref(args);
    return r;
}

static wf_object *exc_get_args(wf_object *self, void *c) {
    wf_object *args = args_ref(self);
    return args ? args : wf_tuple_new(0);
}
static int exc_set_args(wf_object *self, wf_object *v, void *c) {
    if (!v) {
        wf_err_format(&wf_exc_TypeError, "args may not be deleted");
        return -1;
    }
    wf_object *t = wf_sequence_tuple(v);
    if (!t) return -1;
    set_field(self, &BE(self)->args, t);
    return 0;
}
static wf_object *exc_get_tb(wf_object *self, void *c) { return get_field(self, &BE(self)->traceback); }
static int exc_set_tb(wf_object *self, wf_object *v, void *c) {
    if (!v) {
        wf_err_format(&wf_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != wf_None && strcmp(WF_TYPE(v)->tp_name, "traceback") != 0) {
        wf_err_format(&wf_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    set_field(self, &BE(self)->traceback, v == wf_None ? NULL : wf_newref(v));
    return 0;
}
static wf_object *exc_get_context(wf_object *self, void *c) { return get_field(self, &BE(self)->context); }
static int exc_set_context(wf_object *self, wf_object *v, void *c) {
    if (!v) {
        wf_err_format(&wf_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != wf_None && !WF_EXC_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    set_field(self, &BE(self)->context, v == wf_None ? NULL : wf_newref(v));
    return 0;
}
static wf_object *exc_get_cause(wf_object *self, void *c) { return get_field(self, &BE(self)->cause); }
static int exc_set_cause(wf_object *self, wf_object *v, void *c) {
    if (!v) {
        wf_err_format(&wf_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != wf_None && !WF_EXC_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    BE(self)->suppress_context = 1;
    set_field(self, &BE(self)->cause, v == wf_None ? NULL : wf_newref(v));
    return 0;
}
static wf_object *exc_get_notes(wf_object *self, void *c) {
    wf_object *r = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (BE(self)->notes) r = wf_newref(BE(self)->notes);
    WF_END_CRITICAL_SECTION();
    if (!r)
        wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '__notes__'",
                      wf_type_name(WF_TYPE(self)));
    return r;
}
static int exc_set_notes(wf_object *self, wf_object *v, void *c) {
    if (!v && !BE(self)->notes) {
        wf_err_format(&wf_exc_AttributeError, "__notes__");
        return -1;
    }
    set_field(self, &BE(self)->notes, v ? wf_newref(v) : NULL);
    return 0;
}

static wf_object *exc_with_traceback(wf_object *self, wf_object *tb) {
    if (exc_set_tb(self, tb, NULL) < 0) return NULL;
    return wf_newref(self);
}
static wf_object *exc_add_note(wf_object *self, wf_object *note) {
    if (!WF_STR_CHECK(note))
        return wf_err_format(&wf_exc_TypeError, "note must be a str, not '%s'",
                             wf_type_name(WF_TYPE(note)));
    wf_object *notes = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    if (!BE(self)->notes) BE(self)->notes = wf_list_new(0);
    notes = wf_xnewref(BE(self)->notes);
    WF_END_CRITICAL_SECTION();
    if (!notes) return NULL;
    if (!WF_LIST_CHECK(notes)) {
        wf_decref(notes);
        return wf_err_format(&wf_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int rc = wf_list_append(notes, note);
    wf_decref(notes);
    if (rc < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *exc_reduce(wf_object *self, wf_object *u) {
    wf_object *args = exc_get_args(self, NULL);
    if (!args) return NULL;
    wf_object *r, *dict;
    snap(self, 1, (wf_object **const[]){&BE(self)->dict}, &dict);
    if (dict && wf_dict_size(dict))
        r = wf_tuple_pack(3, (wf_object *)WF_TYPE(self), args, dict);
    else
        r = wf_tuple_pack(2, (wf_object *)WF_TYPE(self), args);
    wf_xdecref(dict);
    wf_decref(args);
    return r;
}

static wf_method_def exc_methods[] = {
    {"with_traceback", exc_with_traceback, WF_METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, WF_METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def exc_getset[] = {
    {"args", exc_get_args, exc_set_args, NULL, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context, "exception context", NULL},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause", NULL},
    {"__notes__", exc_get_notes, exc_set_notes, NULL, NULL},
    {"__dict__", wfo_object_get_dict, wfo_object_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static wf_member_def exc_members[] = {
    {"__suppress_context__", WF_T_BOOL, offsetof(wf_base_exception, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

wf_type wf_exc_BaseException = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(wf_base_exception),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_BASE_EXC_SUBCLASS | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = exc_dealloc,
    .tp_traverse = exc_traverse,
    .tp_repr = exc_repr,
    .tp_str = wfo_exc_str,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_new = exc_new,
    .tp_init = exc_init,
    .tp_methods = exc_methods,
    .tp_members = exc_members,
    .tp_getset = exc_getset,
    .tp_dictoffset = offsetof(wf_base_exception, dict),
    .tp_doc = "Common base class for all exceptions",
};

#define EXC_TYPE(NAME, BASE, DOC, ...)                                  \
    wf_type wf_exc_##NAME = {                                           \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),                  \
        .tp_name = #NAME,                                               \
        .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,           \
        .tp_base = &wf_exc_##BASE,                                      \
        .tp_doc = DOC,                                                  \
        __VA_ARGS__};

/* Argument helpers: the positional args tuple of tp_init. */
#define NARGS(a) WF_TUPLE_SIZE(a)
#define ARG(a, i) WF_TUPLE_ITEM(a, i)

/* Pull name=value out of kwargs (names allowed); others raise TypeError
 * "'x' is an invalid keyword argument for Name()". */
static int take_kwargs(wf_object *self, wf_object *kwargs, const char *const *names,
                       wf_object **out, int n) {
    for (int i = 0; i < n; i++) out[i] = NULL;
    if (!kwargs || !wf_dict_size(kwargs)) return 0;
    wf_ssize_t pos = 0;
    wf_object *k, *v;
    while (wf_dict_next(kwargs, &pos, &k, &v)) {
        int found = 0;
        for (int i = 0; i < n && !found; i++)
            if (WF_STR_CHECK(k) && wf_str_eq_cstr(k, names[i])) {
                wf_xdecref(out[i]);
                out[i] = wf_newref(v);
                found = 1;
            }
        if (!found) {
            wf_err_format(&wf_exc_TypeError, "%R is an invalid keyword argument for %s()", k,
                          wf_type_name(WF_TYPE(self)));
            wf_decref(k);
            wf_decref(v);
            for (int i = 0; i < n; i++) WF_CLEAR(out[i]);
            return -1;
        }
        wf_decref(k);
        wf_decref(v);
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * The simple families
 */
EXC_TYPE(Exception, BaseException, "Common base class for all non-exit exceptions.")
EXC_TYPE(GeneratorExit, BaseException, "Request that a generator exit.")
EXC_TYPE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
EXC_TYPE(ArithmeticError, Exception, "Base class for arithmetic errors.")
EXC_TYPE(FloatingPointError, ArithmeticError, "Floating point operation failed.")
EXC_TYPE(OverflowError, ArithmeticError, "Result too large to be represented.")
EXC_TYPE(ZeroDivisionError, ArithmeticError, "Second argument to a division or modulo operation was zero.")
EXC_TYPE(AssertionError, Exception, "Assertion failed.")
EXC_TYPE(BufferError, Exception, "Buffer error.")
EXC_TYPE(EOFError, Exception, "Read beyond end of file.")
EXC_TYPE(LookupError, Exception, "Base class for lookup errors.")
EXC_TYPE(IndexError, LookupError, "Sequence index out of range.")
EXC_TYPE(MemoryError, Exception, "Out of memory.")
EXC_TYPE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
EXC_TYPE(RuntimeError, Exception, "Unspecified run-time error.")
EXC_TYPE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
EXC_TYPE(RecursionError, RuntimeError, "Recursion limit exceeded.")
EXC_TYPE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
EXC_TYPE(SystemError, Exception,
         "Internal error in the Python interpreter.\n\n"
         "Please report this to the Python maintainer, along with the traceback,\n"
         "the Python version, and the hardware/OS platform and version.")
EXC_TYPE(TypeError, Exception, "Inappropriate argument type.")
EXC_TYPE(ValueError, Exception, "Inappropriate argument value (of correct type).")
EXC_TYPE(Warning, Exception, "Base class for warning categories.")
EXC_TYPE(BytesWarning, Warning,
         "Base class for warnings about bytes and buffer related problems, mostly\n"
         "related to conversion from str or comparing to str.")
EXC_TYPE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
EXC_TYPE(EncodingWarning, Warning, "Base class for warnings about encodings.")
EXC_TYPE(FutureWarning, Warning,
         "Base class for warnings about constructs that will change semantically\n"
         "in the future.")
EXC_TYPE(ImportWarning, Warning, "Base class for warnings about probable mistakes in module imports")
EXC_TYPE(PendingDeprecationWarning, Warning,
         "Base class for warnings about features which will be deprecated\n"
         "in the future.")
EXC_TYPE(ResourceWarning, Warning, "Base class for warnings about resource usage.")
EXC_TYPE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
EXC_TYPE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
EXC_TYPE(UnicodeWarning, Warning,
         "Base class for warnings about Unicode related problems, mostly\n"
         "related to conversion problems.")
EXC_TYPE(UserWarning, Warning, "Base class for warnings generated by user code.")

/* KeyError: str of a single argument is its repr. */
static wf_object *keyerror_str(wf_object *self) {
    wf_object *args = args_ref(self), *r;
    if (args && WF_TUPLE_SIZE(args) == 1) r = wf_object_repr(WF_TUPLE_ITEM(args, 0));
    else r = wfo_exc_str(self);
    wf_xdecref(args);
    return r;
}
EXC_TYPE(KeyError, LookupError, "Mapping key not found.", .tp_str = keyerror_str)

/* StopIteration(value) */
static int stopiter_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (exc_init(self, args, kwargs) < 0) return -1;
    set_field(self, &((stopiter_exc *)self)->value,
              wf_newref(NARGS(args) ? ARG(args, 0) : wf_None));
    return 0;
}
static wf_member_def stopiter_members[] = {
    {"value", WF_T_OBJECT, offsetof(stopiter_exc, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(StopIteration, Exception, "Signal the end from iterator.__next__().",
         .tp_basicsize = sizeof(stopiter_exc), .tp_init = stopiter_init,
         .tp_members = stopiter_members)

/* SystemExit(code) */
static int sysexit_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (exc_init(self, args, kwargs) < 0) return -1;
    wf_object *code = NARGS(args) == 0 ? wf_None : NARGS(args) == 1 ? ARG(args, 0) : args;
    set_field(self, &((sysexit_exc *)self)->code, wf_newref(code));
    return 0;
}
static wf_member_def sysexit_members[] = {
    {"code", WF_T_OBJECT, offsetof(sysexit_exc, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(SystemExit, BaseException, "Request to exit from the interpreter.",
         .tp_basicsize = sizeof(sysexit_exc), .tp_init = sysexit_init,
         .tp_members = sysexit_members)

/* ImportError(*args, name=None, path=None) */
static int import_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"name", "path"};
    wf_object *kw[2];
    if (take_kwargs(self, kwargs, names, kw, 2) < 0) return -1;
    set_field(self, &BE(self)->args, wf_newref(args));
    import_exc *e = (import_exc *)self;
    set_field(self, &e->name, kw[0]);
    set_field(self, &e->path, kw[1]);
    set_field(self, &e->msg, NARGS(args) == 1 ? wf_newref(ARG(args, 0)) : NULL);
    return 0;
}
static wf_object *import_str(wf_object *self) {
    wf_object *msg, *r;
    snap(self, 1, (wf_object **const[]){&((import_exc *)self)->msg}, &msg);
    r = msg ? wf_object_str(msg) : wfo_exc_str(self);
    wf_xdecref(msg);
    return r;
}
static wf_member_def import_members[] = {
    {"msg", WF_T_OBJECT, offsetof(import_exc, msg), 0, "exception message"},
    {"name", WF_T_OBJECT, offsetof(import_exc, name), 0, "module name"},
    {"path", WF_T_OBJECT, offsetof(import_exc, path), 0, "module path"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(ImportError, Exception, "Import can't find module, or can't find name in module.",
         .tp_basicsize = sizeof(import_exc), .tp_init = import_init, .tp_str = import_str,
         .tp_members = import_members)
EXC_TYPE(ModuleNotFoundError, ImportError, "Module not found.")

/* NameError(*args, name=None) */
static int name_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"name"};
    wf_object *kw[1];
    if (take_kwargs(self, kwargs, names, kw, 1) < 0) return -1;
    set_field(self, &BE(self)->args, wf_newref(args));
    set_field(self, &((name_exc *)self)->name, kw[0]);
    return 0;
}
static wf_member_def name_members[] = {
    {"name", WF_T_OBJECT, offsetof(name_exc, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(NameError, Exception, "Name not found globally.", .tp_basicsize = sizeof(name_exc),
         .tp_init = name_init, .tp_members = name_members)
EXC_TYPE(UnboundLocalError, NameError, "Local name referenced but not bound to a value.")

/* AttributeError(*args, name=None, obj=None) */
static int attr_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"name", "obj"};
    wf_object *kw[2];
    if (take_kwargs(self, kwargs, names, kw, 2) < 0) return -1;
    set_field(self, &BE(self)->args, wf_newref(args));
    set_field(self, &((attr_exc *)self)->name, kw[0]);
    set_field(self, &((attr_exc *)self)->obj, kw[1]);
    return 0;
}
static wf_member_def attr_members[] = {
    {"name", WF_T_OBJECT, offsetof(attr_exc, name), 0, "attribute name"},
    {"obj", WF_T_OBJECT, offsetof(attr_exc, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(AttributeError, Exception, "Attribute not found.", .tp_basicsize = sizeof(attr_exc),
         .tp_init = attr_init, .tp_members = attr_members)

/* ---------------------------------------------------------------------------
 * OSError and its errno-mapped subclasses
 */
static wf_type *errno_subclass(int e) {
    switch (e) {
    case EAGAIN:
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return &wf_exc_BlockingIOError;
    case ECHILD: return &wf_exc_ChildProcessError;
    case EPIPE:
#ifdef ESHUTDOWN
    case ESHUTDOWN:
#endif
        return &wf_exc_BrokenPipeError;
    case ECONNABORTED: return &wf_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &wf_exc_ConnectionRefusedError;
    case ECONNRESET: return &wf_exc_ConnectionResetError;
    case EEXIST: return &wf_exc_FileExistsError;
    case ENOENT: return &wf_exc_FileNotFoundError;
    case EISDIR: return &wf_exc_IsADirectoryError;
    case ENOTDIR: return &wf_exc_NotADirectoryError;
    case EINTR: return &wf_exc_InterruptedError;
    case EACCES:
    case EPERM: return &wf_exc_PermissionError;
    case ESRCH: return &wf_exc_ProcessLookupError;
    case ETIMEDOUT: return &wf_exc_TimeoutError;
    default: return NULL;
    }
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2..5
 * arguments the attributes are set, and args keeps only (errno, strerror)
 * when a filename is given.  OSError(errno, ...) itself creates the
 * subclass that errno maps to. */
static wf_object *os_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = NARGS(args);
    if (type == &wf_exc_OSError && n >= 2 && WF_INT_CHECK(ARG(args, 0))) {
        int ovf;
        int64_t e = wf_int_as_i64_overflow(ARG(args, 0), &ovf);
        if (!ovf && e >= INT32_MIN && e <= INT32_MAX) {
            wf_type *sub = errno_subclass((int)e);
            if (sub) type = sub;
        }
    }
    wf_object *self = exc_new(type, args, kwargs);
    if (!self) return NULL;
    if (n >= 2 && n <= 5) {
        os_exc *o = (os_exc *)self;
        o->myerrno = wf_newref(ARG(args, 0));
        o->strerror = wf_newref(ARG(args, 1));
        if (n >= 3 && ARG(args, 2) != wf_None) {
            o->filename = wf_newref(ARG(args, 2));
            if (n == 5) o->filename2 = wf_newref(ARG(args, 4));
            wf_object *two = wf_tuple_pack(2, ARG(args, 0), ARG(args, 1));
            if (!two) { wf_decref(self); return NULL; }
            wf_decref(BE(self)->args);
            BE(self)->args = two;
        }
        if (type == &wf_exc_BlockingIOError && n == 3 && WF_INT_CHECK(ARG(args, 2))) {
            /* BlockingIOError(errno, strerror, characters_written) */
            WF_CLEAR(o->filename);
            o->written = wf_newref(ARG(args, 2));
            wf_object *full = wf_newref(args);
            wf_decref(BE(self)->args);
            BE(self)->args = full;
        }
    }
    return self;
}
static int os_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", wf_type_name(WF_TYPE(self)));
        return -1;
    }
    return 0; /* everything was done by os_new */
}
static wf_object *os_str(wf_object *self) {
    os_exc *o = (os_exc *)self;
    wf_object *f[4], *r; /* errno, strerror, filename, filename2 */
    snap(self, 4, (wf_object **const[]){&o->myerrno, &o->strerror, &o->filename, &o->filename2}, f);
    wf_object *no = f[0] ? f[0] : wf_None, *se = f[1] ? f[1] : wf_None;
    if (f[2] && f[3])
        r = wf_str_from_format("[Errno %S] %S: %R -> %R", no, se, f[2], f[3]);
    else if (f[2])
        r = wf_str_from_format("[Errno %S] %S: %R", no, se, f[2]);
    else if (f[0] && f[1])
        r = wf_str_from_format("[Errno %S] %S", f[0], f[1]);
    else
        r = wfo_exc_str(self);
    unsnap(4, f);
    return r;
}
static wf_object *os_get_written(wf_object *self, void *c) {
    wf_object *w;
    snap(self, 1, (wf_object **const[]){&((os_exc *)self)->written}, &w);
    if (!w) return wf_err_format(&wf_exc_AttributeError, "characters_written");
    return w;
}
static int os_set_written(wf_object *self, wf_object *v, void *c) {
    os_exc *o = (os_exc *)self;
    if (!v && !o->written) {
        wf_err_format(&wf_exc_AttributeError, "characters_written");
        return -1;
    }
    if (v && !wf_index_check(v)) {
        wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      wf_type_name(WF_TYPE(v)));
        return -1;
    }
    set_field(self, &o->written, wf_xnewref(v));
    return 0;
}
static wf_member_def os_members[] = {
    {"errno", WF_T_OBJECT, offsetof(os_exc, myerrno), 0, "POSIX exception code"},
    {"strerror", WF_T_OBJECT, offsetof(os_exc, strerror), 0, "exception strerror"},
    {"filename", WF_T_OBJECT, offsetof(os_exc, filename), 0, "exception filename"},
    {"filename2", WF_T_OBJECT, offsetof(os_exc, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};
static wf_getset_def os_getset[] = {
    {"characters_written", os_get_written, os_set_written, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
EXC_TYPE(OSError, Exception, "Base class for I/O related errors.",
         .tp_basicsize = sizeof(os_exc), .tp_new = os_new, .tp_init = os_init,
         .tp_str = os_str, .tp_members = os_members, .tp_getset = os_getset)
EXC_TYPE(BlockingIOError, OSError, "I/O operation would block.")
EXC_TYPE(ChildProcessError, OSError, "Child process error.")
EXC_TYPE(ConnectionError, OSError, "Connection error.")
EXC_TYPE(BrokenPipeError, ConnectionError, "Broken pipe.")
EXC_TYPE(ConnectionAbortedError, ConnectionError, "Connection aborted.")
EXC_TYPE(ConnectionRefusedError, ConnectionError, "Connection refused.")
EXC_TYPE(ConnectionResetError, ConnectionError, "Connection reset.")
EXC_TYPE(FileExistsError, OSError, "File already exists.")
EXC_TYPE(FileNotFoundError, OSError, "File not found.")
EXC_TYPE(InterruptedError, OSError, "Interrupted by signal.")
EXC_TYPE(IsADirectoryError, OSError, "Operation doesn't work on directories.")
EXC_TYPE(NotADirectoryError, OSError, "Operation only works on directories.")
EXC_TYPE(PermissionError, OSError, "Not enough permissions.")
EXC_TYPE(ProcessLookupError, OSError, "Process not found.")
EXC_TYPE(TimeoutError, OSError, "Timeout expired.")

/* ---------------------------------------------------------------------------
 * SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
 */
static int syntax_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (exc_init(self, args, kwargs) < 0) return -1;
    syntax_exc *s = (syntax_exc *)self;
    wf_ssize_t n = NARGS(args);
    if (n >= 1) set_field(self, &s->msg, wf_newref(ARG(args, 0)));
    if (n == 2) {
        wf_object *info = wf_sequence_tuple(ARG(args, 1));
        if (!info) return -1;
        wf_ssize_t m = WF_TUPLE_SIZE(info);
        if (m < 4 || m > 6) {
            wf_decref(info);
            wf_err_format(&wf_exc_IndexError, "tuple index out of range");
            return -1;
        }
        wf_object **f[6] = {&s->filename, &s->lineno, &s->offset, &s->text, &s->end_lineno,
                            &s->end_offset};
        for (wf_ssize_t i = 0; i < m; i++) set_field(self, f[i], wf_newref(WF_TUPLE_ITEM(info, i)));
        wf_decref(info);
    }
    return 0;
}
static wf_object *syntax_str(wf_object *self) {
    syntax_exc *s = (syntax_exc *)self;
    wf_object *f[3]; /* msg, filename, lineno */
    snap(self, 3, (wf_object **const[]){&s->msg, &s->filename, &s->lineno}, f);
    wf_object *msg = f[0] ? f[0] : wf_None, *filename = f[1], *lineno = f[2];
    wf_object *base = NULL, *r = NULL;
    if (filename && WF_STR_CHECK(filename)) {
        /* basename */
        wf_ssize_t len = wf_str_len(filename), i = len;
        while (i > 0 && wf_str_char(filename, i - 1) != '/') i--;
        base = wf_str_substring(filename, i, len);
        if (!base) goto done;
    }
    int have_line = lineno && WF_INT_CHECK(lineno);
    if (base && have_line)
        r = wf_str_from_format("%S (%U, line %S)", msg, base, lineno);
    else if (base)
        r = wf_str_from_format("%S (%U)", msg, base);
    else if (have_line)
        r = wf_str_from_format("%S (line %S)", msg, lineno);
    else
        r = wf_object_str(msg);
    wf_xdecref(base);
done:
    unsnap(3, f);
    return r;
}
static wf_member_def syntax_members[] = {
    {"msg", WF_T_OBJECT, offsetof(syntax_exc, msg), 0, "exception msg"},
    {"filename", WF_T_OBJECT, offsetof(syntax_exc, filename), 0, "exception filename"},
    {"lineno", WF_T_OBJECT, offsetof(syntax_exc, lineno), 0, "exception lineno"},
    {"offset", WF_T_OBJECT, offsetof(syntax_exc, offset), 0, "exception offset"},
    {"text", WF_T_OBJECT, offsetof(syntax_exc, text), 0, "exception text"},
    {"end_lineno", WF_T_OBJECT, offsetof(syntax_exc, end_lineno), 0, "exception end lineno"},
    {"end_offset", WF_T_OBJECT, offsetof(syntax_exc, end_offset), 0, "exception end offset"},
    {"print_file_and_line", WF_T_OBJECT, offsetof(syntax_exc, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(SyntaxError, Exception, "Invalid syntax.", .tp_basicsize = sizeof(syntax_exc),
         .tp_init = syntax_init, .tp_str = syntax_str, .tp_members = syntax_members)
EXC_TYPE(IndentationError, SyntaxError, "Improper indentation.")
EXC_TYPE(TabError, IndentationError, "Improper mixture of spaces and tabs.")

/* ---------------------------------------------------------------------------
 * UnicodeError family
 *   UnicodeDecodeError(encoding: str, object: bytes-like, start, end, reason: str)
 *   UnicodeEncodeError(encoding: str, object: str, start, end, reason: str)
 *   UnicodeTranslateError(object: str, start, end, reason: str)
 */
static int unicode_set(wf_object *self, wf_object *enc, wf_object *obj, wf_object *start,
                       wf_object *end, wf_object *reason, int want_str_obj) {
    if ((enc && !WF_STR_CHECK(enc)) || !WF_STR_CHECK(reason)) {
        wf_err_format(&wf_exc_TypeError, "argument must be str, not %s",
                      wf_type_name(WF_TYPE(enc && !WF_STR_CHECK(enc) ? enc : reason)));
        return -1;
    }
    if (want_str_obj && !WF_STR_CHECK(obj)) {
        wf_err_format(&wf_exc_TypeError, "argument 2 must be str, not %s",
                      wf_type_name(WF_TYPE(obj)));
        return -1;
    }
    if (!WF_INT_CHECK(start) || !WF_INT_CHECK(end)) {
        wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      wf_type_name(WF_TYPE(WF_INT_CHECK(start) ? end : start)));
        return -1;
    }
    unicode_exc *u = (unicode_exc *)self;
    set_field(self, &u->encoding, wf_xnewref(enc));
    set_field(self, &u->object, wf_newref(obj));
    set_field(self, &u->start, wf_newref(start));
    set_field(self, &u->end, wf_newref(end));
    set_field(self, &u->reason, wf_newref(reason));
    return 0;
}
static int unicode_decode_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (exc_init(self, args, kwargs) < 0) return -1;
    if (NARGS(args) != 5) {
        wf_err_format(&wf_exc_TypeError, "function takes exactly 5 arguments (%zd given)", NARGS(args));
        return -1;
    }
    return unicode_set(self, ARG(args, 0), ARG(args, 1), ARG(args, 2), ARG(args, 3), ARG(args, 4), 0);
}
static int unicode_encode_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (exc_init(self, args, kwargs) < 0) return -1;
    if (NARGS(args) != 5) {
        wf_err_format(&wf_exc_TypeError, "function takes exactly 5 arguments (%zd given)", NARGS(args));
        return -1;
    }
    return unicode_set(self, ARG(args, 0), ARG(args, 1), ARG(args, 2), ARG(args, 3), ARG(args, 4), 1);
}
static int unicode_translate_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (exc_init(self, args, kwargs) < 0) return -1;
    if (NARGS(args) != 4) {
        wf_err_format(&wf_exc_TypeError, "function takes exactly 4 arguments (%zd given)", NARGS(args));
        return -1;
    }
    return unicode_set(self, NULL, ARG(args, 0), ARG(args, 1), ARG(args, 2), ARG(args, 3), 1);
}
/* The fields a str needs, snapped together (unicode_unsnap releases them):
 * f = encoding, object, start, end, reason.  Then start/end as C indexes:
 * 1, or 0 when unset (str of a bare UnicodeError), -1 on error. */
enum { U_ENC, U_OBJ, U_START, U_END, U_REASON, U_N };
static int unicode_snap(wf_object *self, wf_object *f[U_N], wf_ssize_t *s, wf_ssize_t *e) {
    unicode_exc *u = (unicode_exc *)self;
    snap(self, U_N, (wf_object **const[]){&u->encoding, &u->object, &u->start, &u->end, &u->reason},
         f);
    if (!f[U_OBJ] || !f[U_START] || !f[U_END] || !f[U_REASON]) return 0;
    *s = wf_int_as_ssize(f[U_START]);
    *e = wf_int_as_ssize(f[U_END]);
    if (wf_err_occurred()) return -1;
    return 1;
}
static wf_object *unicode_char_str(wf_object *fmt_prefix_enc, wf_unaryfunc unused, uint32_t ch,
                                   int encode, wf_ssize_t pos, wf_object *reason) {
    const char *what = encode ? "encode" : "translate";
    if (ch < 0x100)
        return fmt_prefix_enc
                   ? wf_str_from_format("'%U' codec can't %s character '\\x%02x' in position %zd: %U",
                                        fmt_prefix_enc, what, (unsigned)ch, pos, reason)
                   : wf_str_from_format("can't %s character '\\x%02x' in position %zd: %U", what,
                                        (unsigned)ch, pos, reason);
    if (ch < 0x10000)
        return fmt_prefix_enc
                   ? wf_str_from_format("'%U' codec can't %s character '\\u%04x' in position %zd: %U",
                                        fmt_prefix_enc, what, (unsigned)ch, pos, reason)
                   : wf_str_from_format("can't %s character '\\u%04x' in position %zd: %U", what,
                                        (unsigned)ch, pos, reason);
    return fmt_prefix_enc
               ? wf_str_from_format("'%U' codec can't %s character '\\U%08x' in position %zd: %U",
                                    fmt_prefix_enc, what, (unsigned)ch, pos, reason)
               : wf_str_from_format("can't %s character '\\U%08x' in position %zd: %U", what,
                                    (unsigned)ch, pos, reason);
}
static wf_object *unicode_encode_str(wf_object *self) {
    wf_object *f[U_N], *out;
    wf_ssize_t s, e;
    int r = unicode_snap(self, f, &s, &e);
    if (r <= 0) {
        unsnap(U_N, f);
        return r < 0 ? NULL : wf_str_from_cstr("");
    }
    int encode = WF_TYPE(self) == &wf_exc_UnicodeEncodeError ||
                 wf_type_is_subtype(WF_TYPE(self), &wf_exc_UnicodeEncodeError);
    wf_object *enc = encode ? f[U_ENC] : NULL, *obj = f[U_OBJ], *reason = f[U_REASON];
    if (WF_STR_CHECK(obj) && s >= 0 && s < wf_str_len(obj) && e == s + 1)
        out = unicode_char_str(enc, NULL, wf_str_char(obj, s), encode, s, reason);
    else if (enc)
        out = wf_str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U",
                                 enc, s, e - 1, reason);
    else
        out = wf_str_from_format("can't translate characters in position %zd-%zd: %U", s, e - 1,
                                 reason);
    unsnap(U_N, f);
    return out;
}
static wf_object *unicode_decode_str(wf_object *self) {
    wf_object *f[U_N], *out = NULL;
    wf_ssize_t s, e;
    int r = unicode_snap(self, f, &s, &e);
    if (r <= 0) {
        unsnap(U_N, f);
        return r < 0 ? NULL : wf_str_from_cstr("");
    }
    wf_object *enc = f[U_ENC] ? f[U_ENC] : wf_None, *reason = f[U_REASON];
    if (e == s + 1) {
        wf_object *b = wf_sequence_get_item(f[U_OBJ], s);
        if (b) {
            wf_ssize_t v = wf_int_as_ssize(b);
            wf_decref(b);
            if (!(v == -1 && wf_err_occurred()))
                out = wf_str_from_format("'%S' codec can't decode byte 0x%02x in position %zd: %S",
                                         enc, (unsigned)v, s, reason);
            unsnap(U_N, f);
            return out;
        }
        wf_err_clear();
    }
    out = wf_str_from_format("'%S' codec can't decode bytes in position %zd-%zd: %S", enc, s,
                             e - 1, reason);
    unsnap(U_N, f);
    return out;
}
static wf_member_def unicode_members[] = {
    {"encoding", WF_T_OBJECT, offsetof(unicode_exc, encoding), 0, "exception encoding"},
    {"object", WF_T_OBJECT, offsetof(unicode_exc, object), 0, "exception object"},
    {"start", WF_T_OBJECT, offsetof(unicode_exc, start), 0, "exception start"},
    {"end", WF_T_OBJECT, offsetof(unicode_exc, end), 0, "exception end"},
    {"reason", WF_T_OBJECT, offsetof(unicode_exc, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};
EXC_TYPE(UnicodeError, ValueError, "Unicode related error.",
         .tp_basicsize = sizeof(unicode_exc), .tp_members = unicode_members)
EXC_TYPE(UnicodeDecodeError, UnicodeError, "Unicode decoding error.",
         .tp_init = unicode_decode_init, .tp_str = unicode_decode_str)
EXC_TYPE(UnicodeEncodeError, UnicodeError, "Unicode encoding error.",
         .tp_init = unicode_encode_init, .tp_str = unicode_encode_str)
EXC_TYPE(UnicodeTranslateError, UnicodeError, "Unicode translation error.",
         .tp_init = unicode_translate_init, .tp_str = unicode_encode_str)

/* ---------------------------------------------------------------------------
 * BaseExceptionGroup(message, exceptions) / ExceptionGroup
 */
static wf_object *group_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    if (wfo_no_kwargs(wf_type_name(type), kwargs) < 0) return NULL;
    if (NARGS(args) != 2)
        return wf_err_format(&wf_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                             NARGS(args));
    wf_object *msg = ARG(args, 0), *seq = ARG(args, 1);
    if (!WF_STR_CHECK(msg))
        return wf_err_format(&wf_exc_TypeError,
                             "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                             wf_type_name(WF_TYPE(msg)));
    if ((!WF_TUPLE_CHECK(seq) && !WF_LIST_CHECK(seq) &&
         !(WF_TYPE(seq)->tp_as_sequence && WF_TYPE(seq)->tp_as_sequence->sq_item)) ||
        WF_DICT_CHECK(seq) || WF_ANYSET_CHECK(seq))
        return wf_err_format(&wf_exc_TypeError, "second argument (exceptions) must be a sequence");
    wf_object *excs = wf_sequence_tuple(seq);
    if (!excs) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(excs);
    if (n == 0) {
        wf_decref(excs);
        return wf_err_format(&wf_exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    int nested_base = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *e = WF_TUPLE_ITEM(excs, i);
        if (!WF_EXC_CHECK(e)) {
            wf_decref(excs);
            return wf_err_format(&wf_exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
        }
        if (!wf_type_is_subtype(WF_TYPE(e), &wf_exc_Exception)) nested_base = 1;
    }
    if (type == &wf_exc_BaseExceptionGroup) {
        if (!nested_base) type = &wf_exc_ExceptionGroup;
    } else if (type == &wf_exc_ExceptionGroup) {
        if (nested_base) {
            wf_decref(excs);
            return wf_err_format(&wf_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (nested_base && wf_type_is_subtype(type, &wf_exc_Exception)) {
        wf_decref(excs);
        return wf_err_format(&wf_exc_TypeError, "Cannot nest BaseExceptions in '%s'", wf_type_name(type));
    }
    wf_object *self = exc_new(type, args, kwargs);
    if (!self) { wf_decref(excs); return NULL; }
    ((group_exc *)self)->msg = wf_newref(msg);
    ((group_exc *)self)->excs = excs;
    return self;
}
static int group_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (kwargs && wf_dict_size(kwargs)) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", wf_type_name(WF_TYPE(self)));
        return -1;
    }
    set_field(self, &BE(self)->args, wf_newref(args));
    return 0;
}
static wf_object *group_str(wf_object *self) {
    group_exc *g = (group_exc *)self;
    wf_object *f[2]; /* msg, excs */
    snap(self, 2, (wf_object **const[]){&g->msg, &g->excs}, f);
    wf_ssize_t n = f[1] && WF_TUPLE_CHECK(f[1]) ? WF_TUPLE_SIZE(f[1]) : 0;
    wf_object *r = wf_str_from_format("%S (%zd sub-exception%s)", f[0] ? f[0] : wf_None, n,
                                      n > 1 ? "s" : "");
    unsnap(2, f);
    return r;
}
static wf_object *group_derive(wf_object *self, wf_object *excs) {
    wf_object *msg;
    snap(self, 1, (wf_object **const[]){&((group_exc *)self)->msg}, &msg);
    wf_object *r = wf_object_call_objs((wf_object *)&wf_exc_BaseExceptionGroup,
                                       msg ? msg : wf_None, excs, NULL);
    wf_xdecref(msg);
    return r;
}

/* Copy __traceback__, __cause__, __context__ and __notes__ from orig. */
static void copy_metadata(wf_object *orig, wf_object *eg) {
    wf_base_exception *o = BE(orig), *e = BE(eg);
    wf_object *f[4]; /* traceback, cause, context, notes: new references */
    snap(orig, 4, (wf_object **const[]){&o->traceback, &o->cause, &o->context, &o->notes}, f);
    set_field(eg, &e->traceback, f[0]);
    set_field(eg, &e->cause, f[1]);
    set_field(eg, &e->context, f[2]);
    e->suppress_context = o->suppress_context;
    if (f[3]) {
        wf_object *copy = WF_LIST_CHECK(f[3]) ? wf_sequence_list(f[3]) : wf_newref(f[3]);
        if (copy) set_field(eg, &e->notes, copy);
        else wf_err_clear();
        wf_decref(f[3]);
    }
}

enum { MATCH_TYPE, MATCH_INSTANCE_IDS, MATCH_PREDICATE };
static int matcher_kind(wf_object *cond, int *kind) {
    if (WF_EXC_TYPE_CHECK(cond)) { *kind = MATCH_TYPE; return 0; }
    if (WF_TUPLE_CHECK(cond)) {
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(cond); i++)
            if (!WF_EXC_TYPE_CHECK(WF_TUPLE_ITEM(cond, i))) goto bad;
        *kind = MATCH_TYPE;
        return 0;
    }
    if (wf_callable_check(cond)) { *kind = MATCH_PREDICATE; return 0; }
bad:
    wf_err_format(&wf_exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}
static int split_match(int kind, wf_object *cond, wf_object *exc) {
    if (kind == MATCH_TYPE) return wf_err_given_matches(exc, cond);
    wf_object *r = wf_object_call_one(cond, exc);
    if (!r) return -1;
    int t = wf_object_is_true(r);
    wf_decref(r);
    return t;
}

/* Split exc by the condition into *match and *rest (new refs or NULL). */
static int split_recursive(wf_object *exc, int kind, wf_object *cond, int want_rest,
                           wf_object **match, wf_object **rest) {
    *match = *rest = NULL;
    int m = split_match(kind, cond, exc);
    if (m < 0) return -1;
    if (m) { *match = wf_newref(exc); return 0; }
    if (!wf_type_is_subtype(WF_TYPE(exc), &wf_exc_BaseExceptionGroup)) {
        if (want_rest) *rest = wf_newref(exc);
        return 0;
    }
    wf_object *excs = ((group_exc *)exc)->excs;
    wf_object *ml = wf_list_new(0), *rl = wf_list_new(0);
    int rc = (ml && rl) ? 0 : -1;
    for (wf_ssize_t i = 0; rc == 0 && i < WF_TUPLE_SIZE(excs); i++) {
        wf_object *sm, *sr;
        rc = split_recursive(WF_TUPLE_ITEM(excs, i), kind, cond, want_rest, &sm, &sr);
        if (rc == 0 && sm) rc = wfo_list_append_steal(ml, sm);
        if (rc == 0 && sr) rc = wfo_list_append_steal(rl, sr);
    }
    for (int side = 0; rc == 0 && side < 2; side++) {
        wf_object *l = side ? rl : ml;
        if (wf_list_size(l) == 0 || (side && !want_rest)) continue;
        wf_object *eg = wf_object_call_method(exc, "derive", &l, 1);
        if (!eg) { rc = -1; break; }
        if (!WF_EXC_CHECK(eg) || !wf_type_is_subtype(WF_TYPE(eg), &wf_exc_BaseExceptionGroup)) {
            wf_decref(eg);
            wf_err_format(&wf_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
            rc = -1;
            break;
        }
        copy_metadata(exc, eg);
        if (side) *rest = eg;
        else *match = eg;
    }
    wf_xdecref(ml);
    wf_xdecref(rl);
    if (rc < 0) { WF_CLEAR(*match); WF_CLEAR(*rest); }
    return rc;
}
static wf_object *group_split(wf_object *self, wf_object *cond) {
    int kind;
    if (matcher_kind(cond, &kind) < 0) return NULL;
    wf_object *m, *r;
    if (split_recursive(self, kind, cond, 1, &m, &r) < 0) return NULL;
    wf_object *t = wf_tuple_pack(2, m ? m : wf_None, r ? r : wf_None);
    wf_xdecref(m);
    wf_xdecref(r);
    return t;
}
static wf_object *group_subgroup(wf_object *self, wf_object *cond) {
    int kind;
    if (matcher_kind(cond, &kind) < 0) return NULL;
    wf_object *m, *r;
    if (split_recursive(self, kind, cond, 0, &m, &r) < 0) return NULL;
    wf_xdecref(r);
    return m ? m : wf_newref(wf_None);
}
static wf_object *group_get_message(wf_object *self, void *c) {
    return get_field(self, &((group_exc *)self)->msg);
}
static wf_object *group_get_exceptions(wf_object *self, void *c) {
    return get_field(self, &((group_exc *)self)->excs);
}
static wf_method_def group_methods[] = {
    {"derive", group_derive, WF_METH_O, NULL},
    {"split", group_split, WF_METH_O, NULL},
    {"subgroup", group_subgroup, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def group_getset[] = {
    {"message", group_get_message, NULL, "exception message", NULL},
    {"exceptions", group_get_exceptions, NULL, "nested exceptions", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
EXC_TYPE(BaseExceptionGroup, BaseException, "A combination of multiple unrelated exceptions.",
         .tp_basicsize = sizeof(group_exc), .tp_new = group_new, .tp_init = group_init,
         .tp_str = group_str, .tp_methods = group_methods, .tp_getset = group_getset)

/* ExceptionGroup(BaseExceptionGroup, Exception): its tp_bases is built in
 * wfo_exceptions_init (multiple inheritance of two static types). */
wf_type wf_exc_ExceptionGroup = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "ExceptionGroup",
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_base = &wf_exc_BaseExceptionGroup,
};

/* ---------------------------------------------------------------------------
 * C API and init
 */
static wf_type *const all_types[] = {
#define X(name) &wf_exc_##name,
    WF_EXC_LIST(X)
#undef X
};

wf_object *wf_exc_new(wf_type *type, wf_object *args) {
    wf_object *a = args ? wf_newref(args) : wf_tuple_new(0);
    if (!a) return NULL;
    wf_object *self = type->tp_new(type, a, NULL);
    if (self && WF_TYPE(self)->tp_init && WF_TYPE(self)->tp_init(self, a, NULL) < 0) WF_CLEAR(self);
    wf_decref(a);
    return self;
}
wf_object *wf_exc_get_args(wf_object *exc) { return exc_get_args(exc, NULL); }
wf_object *wf_exc_get_context(wf_object *exc) {
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(exc);
    r = wf_xnewref(BE(exc)->context);
    WF_END_CRITICAL_SECTION();
    return r;
}
wf_object *wf_exc_get_cause(wf_object *exc) {
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(exc);
    r = wf_xnewref(BE(exc)->cause);
    WF_END_CRITICAL_SECTION();
    return r;
}
void wf_exc_set_cause(wf_object *exc, wf_object *cause) {
    BE(exc)->suppress_context = 1;
    set_field(exc, &BE(exc)->cause, cause == wf_None ? NULL : wf_xnewref(cause));
}
void wf_exc_foreach(void (*fn)(wf_type *, void *), void *userdata) {
    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++) fn(all_types[i], userdata);
}

int wfo_exceptions_init(void) {
    if (!wf_exc_ExceptionGroup.tp_bases) {
        wf_exc_ExceptionGroup.tp_bases =
            wf_tuple_pack(2, (wf_object *)&wf_exc_BaseExceptionGroup, (wf_object *)&wf_exc_Exception);
        if (!wf_exc_ExceptionGroup.tp_bases) return -1;
    }
    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++)
        if (wf_type_ready(all_types[i]) < 0) return -1;
    return 0;
}
