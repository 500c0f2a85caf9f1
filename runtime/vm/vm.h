/*
 * runtime/vm/vm.h — the interpreter's internal contract: functions and
 * cells, frames, the evaluation entry points, tracebacks, the
 * interpreter-wide state, and the hooks the modules and the CLI use.
 *
 * Who implements what:
 *   runtime/objects/func.c    wfv_function, wfv_cell, wfv_bind_args, super
 *   runtime/vm/eval.c         the dispatch loop, wfv_eval_*, function calls
 *   runtime/vm/frame.c        the per-thread frame stack, frame objects
 *   runtime/vm/gen.c          generators, coroutines, async generators
 *   runtime/vm/traceback.c    traceback objects
 *   runtime/vm/tbprint.c      printing exceptions as CPython does
 *   runtime/vm/pythonrun.c    running files/strings/modules, __main__, exit
 *   runtime/vm/import.c       the import system
 *   runtime/vm/interp.c       wfv_interp (builtins, sys, modules dicts)
 *
 * Threading: a frame belongs to the thread that runs it (or to the
 * generator that owns it, which runs on one thread at a time: a generator
 * being run by another thread raises "ValueError: generator already
 * executing").  Function objects are immutable except the attributes
 * assignable from Python (__defaults__, __kwdefaults__, __doc__, __dict__,
 * __name__, __qualname__, __annotations__, __code__), which are swapped with
 * an atomic exchange and old values released through wf_decref after the
 * swap (readers take a strong reference with wf_xget_ref).  Cells are one
 * atomic pointer, read with wf_xget_ref and written with an exchange.
 */
#ifndef WEFT_VM_VM_H
#define WEFT_VM_VM_H

#include <stdint.h>

#include "runtime/vm/vmstate.h"
#include "weft/code.h"
#include "weft/objects.h"

/* --- functions and cells (runtime/objects/func.c) ------------------------- */
typedef struct wfv_function {
    wf_object ob_base;
    wf_vectorcallfunc vectorcall;       /* wfv_function_vectorcall */
    wf_object *_Atomic func_code;       /* wfv_code */
    wf_object *func_globals;            /* dict, immutable pointer */
    wf_object *func_builtins;           /* dict, immutable pointer */
    wf_object *_Atomic func_name;       /* str */
    wf_object *_Atomic func_qualname;   /* str */
    wf_object *_Atomic func_defaults;   /* tuple or NULL */
    wf_object *_Atomic func_kwdefaults; /* dict or NULL */
    wf_object *func_closure;            /* tuple of cells or NULL, immutable */
    wf_object *_Atomic func_doc;        /* any or NULL (None) */
    wf_object *_Atomic func_dict;       /* dict or NULL (created on demand) */
    wf_object *_Atomic func_module;     /* __module__ (globals["__name__"]) */
    wf_object *_Atomic func_annotations; /* dict, tuple (compiler's flat form) or NULL */
    wf_object *_Atomic func_weakreflist; /* weakref: list head (weft/weakref.h) */
    wf_object *func_retired_code;       /* list of replaced __code__ objects or NULL;
                                           under the function's critical section
                                           (frames may still borrow them) */
} wfv_function;
extern wf_type wfv_function_type, wfv_cell_type, wfv_super_type;
#define WFV_FUNCTION_CHECK(o) (WF_TYPE(o) == &wfv_function_type)

/* A function from a code object; globals is a dict; builtins are taken
 * from globals["__builtins__"] (a module or dict) or else the interpreter's
 * builtins.  New reference. */
wf_object *wfv_function_new(wf_object *code, wf_object *globals, wf_object *qualname);
/* Bind call arguments into the fast slots of a new frame for func:
 * localsplus[0 .. co_argcount + co_kwonlyargcount + varargs + varkw) get
 * new references (defaults and kwdefaults filled in, *args tuple and
 * **kwargs dict built).  Raises TypeError with CPython 3.11's exact
 * messages ("f() missing 1 required positional argument: 'x'", "f() takes 2
 * positional arguments but 3 were given", "f() got an unexpected keyword
 * argument 'z'", "f() got multiple values for argument 'x'", "f() got some
 * positional-only arguments passed as keyword arguments: 'a'", ...; the
 * function's __qualname__ is used as CPython does).  On error every slot
 * it filled is cleared again (set back to NULL) and -1 is returned. */
int wfv_bind_args(wfv_function *func, wf_object **localsplus, wf_object *const *args,
                  size_t nargsf, wf_object *kwnames);
/* The same against code co (borrowed): the code object the caller sized
 * the frame for, so that a concurrent __code__ assignment cannot make the
 * binding disagree with the frame (wfv_bind_args re-reads __code__). */
int wfv_bind_args_code(wfv_function *func, wfv_code *co, wf_object **localsplus,
                       wf_object *const *args, size_t nargsf, wf_object *kwnames);

typedef struct wfv_cell {
    wf_object ob_base;
    wf_object *_Atomic ob_ref; /* NULL = empty */
} wfv_cell;
wf_object *wfv_cell_new(wf_object *value); /* value borrowed, may be NULL */
/* New reference to the content, or NULL (no exception) when empty. */
wf_object *wfv_cell_get(wf_object *cell);
void wfv_cell_set(wf_object *cell, wf_object *value); /* borrowed, NULL = empty */

/* --- frames (runtime/vm/frame.c) ---------------------------------------------
 * An activation record.  Lives on the running thread's frame stack (a
 * chunked, per-thread data stack: no malloc per call) or inside a
 * generator object.  localsplus holds co_nlocalsplus fast slots (locals,
 * cells, free variables) followed by co_stacksize value-stack slots. */
enum { WFV_FRAME_OWNED_BY_THREAD = 0, WFV_FRAME_OWNED_BY_GENERATOR = 1 };
enum { WFV_FRAME_CREATED, WFV_FRAME_SUSPENDED, WFV_FRAME_EXECUTING, WFV_FRAME_COMPLETED,
       WFV_FRAME_CLEARED };
/* f_code, f_globals and f_builtins are strong references, except in a
 * frame with WFV_BORROWS_CGB in f_borrows: a function's frame whose globals
 * and builtins are its function's, and whose code is (or was: func.c keeps
 * replaced __code__ objects alive) its function's; f_func keeps all three
 * alive, so a call does no count traffic on them.  f_func is a strong
 * reference too, except with WFV_BORROWS_FUNC: the eval loop's CALL of a
 * Python function, whose caller keeps the function on its value stack
 * until the call returns, so the frame (which never outlives the call:
 * generators copy the frame and take their own references) needs none. */
enum { WFV_BORROWS_CGB = 1, WFV_BORROWS_FUNC = 2 };
/* Free variables: the last co_nfreevars slots of localsplus are always
 * borrowed.  COPY_FREE_VARS (the only writer of those slots) copies the
 * cells of f_func's closure without counting them; a function's closure
 * never changes (func.c), and f_func, strong or borrowed, keeps the
 * function alive while the frame exists.  So frame clear does not release
 * them, the collector's traverse does not visit them (it reaches the cells
 * through f_func), and a generator's copy of the frame copies the
 * pointers.  A call of a closure thus does no count traffic on its cells,
 * which for a closure that several threads call would be shared-count
 * RMWs on cells another thread created. */
typedef struct wfv_frame {
    wfv_code *f_code;          /* strong, or borrowed from f_func */
    wf_object *f_func;         /* strong or borrowed (see above); NULL for module code run by exec/eval */
    wf_object *f_globals;      /* strong or borrowed (see above), dict */
    wf_object *f_builtins;     /* strong or borrowed (see above), dict */
    wf_object *f_locals;       /* strong mapping; optimized frames: NULL or the locals() dict */
    struct wfv_frame *f_back;  /* caller on this thread while executing, else NULL */
    wf_object *f_frameobj;     /* the Python frame object once materialised, strong */
    const uint32_t *f_ip;      /* the instruction executing / last executed (in f_code's
                                  co_code), NULL before the first; read it as an index
                                  with wfv_frame_lasti.  Owner-only. */
    int32_t f_stacktop;        /* value-stack depth saved while not executing */
    uint8_t f_owner;           /* WFV_FRAME_OWNED_BY_* */
    uint8_t f_state;           /* WFV_FRAME_* */
    uint8_t f_borrows;         /* WFV_BORROWS_* (see above) */
    wf_object *localsplus[];
} wfv_frame;

/* The index of f's current instruction in its code (-1 before the first),
 * and setting it.  The eval loop stores only the pointer at each dispatch. */
static inline int wfv_frame_lasti(const wfv_frame *f) {
    return f->f_ip ? (int)(f->f_ip - f->f_code->co_code) : -1;
}
static inline void wfv_frame_set_lasti(wfv_frame *f, int i) { f->f_ip = i < 0 ? NULL : f->f_code->co_code + i; }

/* Bytes per instruction word in code.co_code.  Python sees instruction
 * offsets in bytes, as CPython: f_lasti and tb_lasti are index * this,
 * co_lines() ranges are byte offsets, and co_positions() yields one entry
 * per 2-byte code unit (this / 2 per instruction), so the idiom
 * `co_positions()[lasti // 2]` finds the instruction's position. */
#define WFV_INSTR_BYTES 4

/* The innermost executing frame of the calling thread, or NULL. */
wfv_frame *wfv_current_frame(void);
/* Line number of f's current instruction (co_positions), or -1. */
int wfv_frame_lineno(wfv_frame *f);
/* The Python frame object for f (materialised on demand); new reference. */
wf_object *wfv_frame_object(wfv_frame *f);
extern wf_type wfv_frameobj_type;
/* locals() of the current frame: the real dict for module/class frames, a
 * fresh snapshot dict for function frames.  New reference. */
wf_object *wfv_current_locals(void);
/* globals() / builtins of the current frame (the interpreter's when no
 * frame runs).  Borrowed: valid while the frame runs. */
wf_object *wfv_current_globals(void);
wf_object *wfv_current_builtins(void);

/* --- evaluation (runtime/vm/eval.c) ------------------------------------------ */
/* Run a module-level code object (exec semantics) with globals and locals
 * (locals may be the same dict).  New reference to the result. */
wf_object *wfv_eval_code(wf_object *code, wf_object *globals, wf_object *locals);
/* The function type's vectorcall: binds arguments, pushes a frame, runs it. */
wf_object *wfv_function_vectorcall(wf_object *func, wf_object *const *args, size_t nargsf,
                                   wf_object *kwnames);
/* Run func's code with a given locals mapping (class bodies run by
 * __build_class__): returns what the body returns (its __class__ cell or
 * None).  New reference. */
wf_object *wfv_call_with_locals(wf_object *func, wf_object *locals);
/* super() with no arguments: the current frame's __class__ cell content and
 * first argument.  0, or -1 with RuntimeError as CPython words it. */
int wfv_super_lookup(wf_type **type, wf_object **obj);

/* --- generators (runtime/vm/gen.c) -------------------------------------------- */
extern wf_type wfv_generator_type, wfv_coroutine_type, wfv_async_generator_type,
    wfv_coro_wrapper_type;

/* --- tracebacks (runtime/vm/traceback.c, tbprint.c) --------------------------- */
typedef struct wfv_traceback {
    wf_object ob_base;
    wf_object *tb_next;  /* traceback or NULL */
    wf_object *tb_frame; /* frame object */
    int tb_lasti;        /* instruction index */
    int tb_lineno;
} wfv_traceback;
extern wf_type wfv_traceback_type;
/* Prepend an entry for frame f at instruction lasti to exc.__traceback__. */
int wfv_traceback_add(wf_object *exc, wfv_frame *f, int lasti);
/* Print exc with its chain (__cause__/__context__), tracebacks with source
 * lines and 3.11's ^~~ markers, and "Type: message" — to sys.stderr, or
 * fd 2 when sys.stderr is unusable — exactly as CPython's default
 * sys.excepthook does. */
void wfv_print_exception(wf_object *exc);
/* The "Traceback (most recent call last):" block of tb alone (entries,
 * source lines and markers, as CPython's PyTraceBack_Print): a new str,
 * empty when tb is not a traceback; NULL on error (tbprint.c). */
wf_object *wfv_format_traceback(wf_object *tb);
/* Report the current exception as unraisable, as CPython's
 * PyErr_WriteUnraisable / _PyErr_WriteUnraisableMsg: builds a
 * sys.UnraisableHookArgs (err_msg "Exception ignored <err_msg>" or None,
 * object obj or None) and calls sys.unraisablehook, or writes the default
 * report ("Exception ignored in: <repr(obj)>", the traceback, "Type: msg")
 * to sys.stderr when the hook is unset; a failing hook is itself reported
 * with the default printer.  Clears the exception; nothing happens when
 * none is set (runtime/modules/sys.c). */
void wfv_write_unraisable(const char *err_msg, wf_object *obj);

/* --- the interpreter (runtime/vm/interp.c) ------------------------------------ */
typedef struct wfv_interp {
    wf_object *builtins_module; /* the builtins module */
    wf_object *builtins;        /* its dict, immutable pointer */
    wf_object *sys_module;
    wf_object *sysdict;
    wf_object *modules;         /* sys.modules */
    _Atomic int finalizing;     /* 1 once shutdown started (daemon threads stop) */
    int optimize;               /* -O level */
    int unbuffered;             /* -u */
    int ignore_environment;     /* -E */
    int gil_enabled;            /* -X gil / PYTHON_GIL / GIL flavour */
    int recursion_limit;        /* sys.setrecursionlimit() (0 = default): relaxed atomic
                                   builtins only, via wfv_get/set_recursion_limit
                                   (interp.c); new threads copy it at registration */
    int argc;
    char **argv;                /* sys.argv source (already stripped of options) */
    const char *executable;
    wf_object *xoptions;        /* dict for sys._xoptions */
} wfv_interp;
extern wfv_interp wfv_interp_state;
/* Create builtins, sys and the module table (after wf_objects_init). */
int wfv_interp_init(void);
void wfv_interp_fini(void);

/* --- threads (runtime/modules/_thread.c) ------------------------------------- */
/* At exit, after threading._shutdown: 0 when no thread started by _thread
 * is left (finalise normally), 1 when some still run (daemon threads:
 * flush and _exit without finalising). */
int wfv_threads_shutdown(void);

/* --- pending signals (runtime/modules/signal.c) ------------------------------- */
/* Run the Python-level handlers of signals that arrived (SIGINT's default
 * raises KeyboardInterrupt in the main thread).  0, or -1 with the
 * exception raised.  Called by the eval loop when WFT_EB_SIGNALS_PENDING is
 * set. */
int wfv_handle_signals(void);

/* --- imports (runtime/vm/import.c) --------------------------------------------- */
/* __import__(name, globals, locals, fromlist, level) */
wf_object *wfv_import_name(wf_object *name, wf_object *globals, wf_object *fromlist, int level);
wf_object *wfv_import_module(const char *name); /* import a.b.c, returns a.b.c */
/* IMPORT_FROM: getattr(module, name) falling back to sys.modules[mod.name],
 * "cannot import name 'x' from 'm' (path)" ImportError as CPython. */
wf_object *wfv_import_from(wf_object *module, wf_object *name);
int wfv_import_star(wf_object *module, wf_object *locals);
/* Give a module made by the interpreter (sys, builtins) its built-in __spec__. */
int wfv_import_set_builtin_spec(wf_object *m, const char *name);

#endif /* WEFT_VM_VM_H */
