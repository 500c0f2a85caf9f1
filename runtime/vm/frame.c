/*
 * runtime/vm/frame.c — the per-thread frame stack, the Python frame object
 * type (`frame`), and wfv_current_* of vm.h.
 *
 * Data stack.  Each thread keeps a chain of chunks of pointer-sized slots
 * (wfv_vmstate.datastack_*).  A call takes wfv_frame_nslots(code) slots from
 * the top of the current chunk (a new chunk is linked when it does not fit;
 * one spare chunk is kept so a call at a chunk boundary does not malloc
 * every time) and gives them back when it returns: frames are strictly
 * LIFO on their thread.  Owner-only: no other thread touches a thread's
 * data stack.
 *
 * Frame objects.  A wfv_frame is a plain struct; the Python-visible frame
 * object is made on demand (wfv_frame_object) and cached in f_frameobj.
 * While the frame lives, the object reads it through `frame`; when the frame
 * is cleared (return, generator finished/freed) wfv_frameobj_detach copies
 * what stays readable (code, globals, builtins, a locals snapshot, lasti,
 * line and the caller's frame object) into the object and sets `frame` to
 * NULL.  Only the thread running the frame attaches/detaches it; a frame
 * object handed to another thread (through a traceback) is read there
 * after the exception was caught, when it is detached or its frame is
 * suspended, so no lock is needed for that normal use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/vm/eval_internal.h"

/* --- the data stack ---------------------------------------------------------- */

typedef struct ds_chunk {
    struct ds_chunk *prev;
    size_t size;          /* slots in data[] */
    wf_object **saved_top; /* the top of this chunk while a later chunk is in use */
    wf_object *data[];
} ds_chunk;

#define DS_CHUNK_SLOTS (32 * 1024) /* 256 KiB */

static wf_object **ds_grow(wfv_vmstate *s, size_t n) {
    ds_chunk *cur = s->datastack_chunk;
    ds_chunk *c = s->datastack_spare;
    if (c && c->size >= n) {
        s->datastack_spare = NULL;
    } else {
        size_t size = n > DS_CHUNK_SLOTS ? n : DS_CHUNK_SLOTS;
        c = malloc(sizeof(ds_chunk) + size * sizeof(wf_object *));
        if (!c) {
            wf_err_no_memory();
            return NULL;
        }
        c->size = size;
    }
    c->prev = cur;
    if (cur) cur->saved_top = s->datastack_top;
    s->datastack_chunk = c;
    s->datastack_top = c->data + n;
    s->datastack_limit = c->data + c->size;
    return c->data;
}

static inline wf_object **ds_alloc(wfv_vmstate *s, size_t n) {
    wf_object **top = s->datastack_top;
    if (top && (size_t)(s->datastack_limit - top) >= n) {
        s->datastack_top = top + n;
        return top;
    }
    return ds_grow(s, n);
}

static inline void ds_release(wfv_vmstate *s, wf_object **base) {
    ds_chunk *c = s->datastack_chunk;
    if (base == c->data && c->prev) {
        ds_chunk *prev = c->prev;
        if (!s->datastack_spare) {
            s->datastack_spare = c;
        } else {
            free(c);
        }
        s->datastack_chunk = prev;
        s->datastack_top = prev->saved_top;
        s->datastack_limit = prev->data + prev->size;
        return;
    }
    s->datastack_top = base;
}

void wfv_frame_stack_fini(wfv_vmstate *s) {
    ds_chunk *c = s->datastack_chunk;
    while (c) {
        ds_chunk *p = c->prev;
        free(c);
        c = p;
    }
    free(s->datastack_spare);
    s->datastack_chunk = s->datastack_spare = NULL;
    s->datastack_top = s->datastack_limit = NULL;
}

/* --- frames ---------------------------------------------------------------------- */

/* Does func keep co, globals and builtins alive for the frame (vm.h)?  co
 * must be func's code now or earlier (callers load it from func_code). */
static inline bool func_owns_all(wf_object *func, wf_object *globals, wf_object *builtins) {
    if (func == NULL || !WFV_FUNCTION_CHECK(func)) return false;
    wfv_function *fn = (wfv_function *)func;
    return fn->func_globals == globals && fn->func_builtins == builtins;
}

/* The references a frame takes (out of line: the eval loop's calls take
 * none, and without count code inline wfv_frame_init needs no saved
 * registers). */
static WF_NOINLINE void frame_take_refs(wfv_frame *f, bool take_func, bool take_cgb) {
    if (take_func) wf_xincref(f->f_func);
    if (take_cgb) {
        wf_incref((wf_object *)f->f_code);
        wf_xincref(f->f_globals);
        wf_xincref(f->f_builtins);
    }
    wf_xincref(f->f_locals);
}

void wfv_frame_init(wfv_frame *f, wfv_code *co, wf_object *func, wf_object *globals,
                    wf_object *builtins, wf_object *locals, int owner, bool borrow_func) {
    f->f_code = co;
    f->f_func = func;
    f->f_globals = globals;
    f->f_builtins = builtins;
    f->f_locals = locals;
    bool cgb = func_owns_all(func, globals, builtins);
    f->f_borrows = (uint8_t)((cgb ? WFV_BORROWS_CGB : 0) | (borrow_func ? WFV_BORROWS_FUNC : 0));
    f->f_back = NULL;
    f->f_frameobj = NULL;
    f->f_ip = NULL;
    f->f_stacktop = 0;
    f->f_owner = (uint8_t)owner;
    f->f_state = WFV_FRAME_CREATED;
    if (WF_UNLIKELY(!borrow_func || !cgb || locals != NULL)) frame_take_refs(f, !borrow_func, !cgb);
    memset(f->localsplus, 0, sizeof(wf_object *) * (size_t)co->co_nlocalsplus);
}

wfv_frame *wfv_frame_push(wfv_vmstate *s, wfv_code *co, wf_object *func, wf_object *globals,
                          wf_object *builtins, wf_object *locals, bool borrow_func) {
    wfv_frame *f = (wfv_frame *)ds_alloc(s, wfv_frame_nslots(co));
    if (!f) return NULL;
    wfv_frame_init(f, co, func, globals, builtins, locals, WFV_FRAME_OWNED_BY_THREAD, borrow_func);
    return f;
}

/* Release slots [from, to) of a frame, clearing them. */
WF_INLINE void frame_release_slots(wf_object **slots, int from, int to) {
    for (int i = from; i < to; i++) {
        wf_object *o = slots[i];
        slots[i] = NULL;
        if (o) wf_decref(o);
    }
}

void wfv_frame_clear(wfv_frame *f) {
    if (f->f_state == WFV_FRAME_CLEARED) return;
    if (f->f_frameobj) wfv_frameobj_detach(f);
    wfv_code *co = f->f_code;
    int n = co->co_nlocalsplus + f->f_stacktop;
    int nfree = co->co_nfreevars; /* borrowed: the nfree slots before co_nlocalsplus */
    int free0 = co->co_nlocalsplus - nfree;
    f->f_stacktop = 0;
    f->f_state = WFV_FRAME_CLEARED;
    /* In slot order (locals, cells, then the value stack), as CPython
     * releases them, skipping the borrowed free variables. */
    if (WF_UNLIKELY(nfree)) {
        for (int i = free0; i < co->co_nlocalsplus; i++) f->localsplus[i] = NULL;
        frame_release_slots(f->localsplus, 0, free0);
        frame_release_slots(f->localsplus, co->co_nlocalsplus, n);
    } else {
        frame_release_slots(f->localsplus, 0, n);
    }
    wf_object *func = f->f_func, *g = f->f_globals, *b = f->f_builtins, *l = f->f_locals;
    uint8_t borrows = f->f_borrows;
    f->f_func = f->f_globals = f->f_builtins = f->f_locals = NULL;
    f->f_borrows = 0;
    /* f_code stays valid until the memory goes (tracebacks may ask for the
     * line of a cleared frame through a detached object: it copied it). */
    f->f_code = NULL;
    f->f_back = NULL;
    wf_xdecref(l);
    if (!(borrows & WFV_BORROWS_CGB)) {
        wf_xdecref(g);
        wf_xdecref(b);
        wf_decref((wf_object *)co);
    }
    if (!(borrows & WFV_BORROWS_FUNC))
        wf_xdecref(func); /* last: it may own code, globals and builtins */
}

int wfv_frame_traverse(wfv_frame *f, wf_visitproc visit, void *arg) {
    wfv_code *co = f->f_code;
    if (f->f_state == WFV_FRAME_CLEARED || !co) return 0;
    int n = co->co_nlocalsplus + f->f_stacktop;
    int free0 = co->co_nlocalsplus - co->co_nfreevars; /* borrowed cells: not ours to visit */
    for (int i = 0; i < n; i++)
        if (f->localsplus[i] && (i < free0 || i >= co->co_nlocalsplus) &&
            visit(f->localsplus[i], arg))
            return -1;
    if (f->f_frameobj && visit(f->f_frameobj, arg)) return -1;
    if (f->f_locals && visit(f->f_locals, arg)) return -1;
    if (!(f->f_borrows & WFV_BORROWS_CGB)) {
        if (f->f_globals && visit(f->f_globals, arg)) return -1;
        if (f->f_builtins && visit(f->f_builtins, arg)) return -1;
        if (visit((wf_object *)co, arg)) return -1;
    }
    if (!(f->f_borrows & WFV_BORROWS_FUNC) && f->f_func && visit(f->f_func, arg)) return -1;
    return 0;
}

void wfv_frame_pop(wfv_vmstate *s, wfv_frame *f) {
    wfv_frame_clear(f);
    ds_release(s, (wf_object **)f);
}

/* --- wfv_current_* ------------------------------------------------------------------ */

wfv_frame *wfv_current_frame(void) { return wfv_state()->current_frame; }

int wfv_frame_lineno(wfv_frame *f) {
    wfv_code *co = f->f_code;
    if (!co) return -1;
    int i = wfv_frame_lasti(f);
    if (i < 0) return co->co_firstlineno;
    if (i >= co->co_ninstrs) i = (int)co->co_ninstrs - 1;
    for (; i >= 0; i--)
        if (co->co_positions[i].lineno >= 0) return co->co_positions[i].lineno;
    return -1;
}

wf_object *wfv_frame_fast_locals(wfv_frame *f) {
    wfv_code *co = f->f_code;
    if (!(co->co_flags & WFC_CO_OPTIMIZED)) {
        if (f->f_locals) return wf_newref(f->f_locals);
        return wf_dict_new();
    }
    /* As CPython's PyFrame_FastToLocals: one dict per frame, kept in
     * f_locals (optimized code never reads it) and refreshed from the fast
     * slots on every call; keys added by other code (exec) stay. */
    wf_object *d = f->f_locals;
    if (!d) {
        d = wf_dict_new();
        if (!d) return NULL;
        f->f_locals = d;
    }
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        wf_object *v = f->localsplus[i];
        uint8_t kind = co->co_localspluskinds[i];
        wf_object *name = WF_TUPLE_ITEM(co->co_localsplusnames, i);
        wf_object *val = NULL;
        if (v && (kind & (WFC_LP_CELL | WFC_LP_FREE)) && WF_TYPE(v) == &wfv_cell_type) {
            /* (before MAKE_CELL/COPY_FREE_VARS ran the slot holds the raw
             * value or nothing) */
            val = wfv_cell_get(v);
        } else if (v) {
            val = wf_newref(v);
        }
        int rc;
        if (val) {
            rc = wf_dict_set_item(d, name, val);
            wf_decref(val);
        } else {
            rc = wf_dict_pop(d, name, NULL) < 0 ? -1 : 0;
        }
        if (rc < 0) return NULL;
    }
    return wf_newref(d);
}

wf_object *wfv_current_locals(void) {
    wfv_frame *f = wfv_current_frame();
    if (!f) return wf_dict_new();
    return wfv_frame_fast_locals(f);
}

wf_object *wfv_current_globals(void) {
    wfv_frame *f = wfv_current_frame();
    return f ? f->f_globals : NULL;
}

wf_object *wfv_current_builtins(void) {
    wfv_frame *f = wfv_current_frame();
    return f ? f->f_builtins : wfv_interp_state.builtins;
}

/* --- frame objects -------------------------------------------------------------------- */

typedef struct wfv_frameobj {
    wf_object ob_base;
    wfv_frame *frame;      /* the live frame, or NULL once detached */
    /* snapshot taken at detach: */
    wf_object *code, *globals, *builtins, *locals, *back;
    int lasti, lineno;
} wfv_frameobj;

wf_object *wfv_frame_object(wfv_frame *f) {
    if (f->f_frameobj) return wf_newref(f->f_frameobj);
    wfv_vm_types_ready();
    wfv_frameobj *fo = (wfv_frameobj *)wfo_alloc(&wfv_frameobj_type, sizeof *fo);
    if (!fo) return NULL;
    fo->frame = f;
    f->f_frameobj = (wf_object *)fo; /* the frame's reference */
    return wf_newref((wf_object *)fo);
}

void wfv_frameobj_detach(wfv_frame *f) {
    wfv_frameobj *fo = (wfv_frameobj *)f->f_frameobj;
    f->f_frameobj = NULL;
    if (!fo) return;
    wf_object *saved = wf_err_fetch();
    fo->code = wf_xnewref((wf_object *)f->f_code);
    fo->globals = wf_xnewref(f->f_globals);
    fo->builtins = wf_xnewref(f->f_builtins);
    if (f->f_code) {
        fo->locals = wfv_frame_fast_locals(f);
        if (!fo->locals) wf_err_clear();
    }
    if (f->f_back) {
        fo->back = wfv_frame_object(f->f_back);
        if (!fo->back) wf_err_clear();
    }
    fo->lasti = wfv_frame_lasti(f);
    fo->lineno = wfv_frame_lineno(f);
    fo->frame = NULL;
    wf_err_restore(saved);
    wf_decref((wf_object *)fo);
}

static void frameobj_dealloc(wf_object *o) {
    wfv_frameobj *fo = (wfv_frameobj *)o;
    if (fo->frame && fo->frame->f_frameobj == o) fo->frame->f_frameobj = NULL;
    wf_xdecref(fo->code);
    wf_xdecref(fo->globals);
    wf_xdecref(fo->builtins);
    wf_xdecref(fo->locals);
    wf_xdecref(fo->back);
    wfo_free_instance(o);
}

/* gc: a detached frame object owns its snapshot; a live one owns nothing
 * (its frame holds the references, and a reference to it). */
static int frameobj_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wfv_frameobj *fo = (wfv_frameobj *)o;
    if (fo->frame) return 0;
    wf_object *v[] = {fo->code, fo->globals, fo->builtins, fo->locals, fo->back};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] && visit(v[i], arg)) return -1;
    return 0;
}

/* gc: drop the snapshot's locals and the caller (the getters handle NULL). */
static int frameobj_gc_clear(wf_object *o) {
    wfv_frameobj *fo = (wfv_frameobj *)o;
    if (fo->frame) return 0;
    WF_CLEAR(fo->locals);
    WF_CLEAR(fo->back);
    return 0;
}

static wf_object *fo_code(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    wf_object *r = fo->frame ? (wf_object *)fo->frame->f_code : fo->code;
    return wf_newref(r ? r : wf_None);
}
static wf_object *fo_globals(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    wf_object *r = fo->frame ? fo->frame->f_globals : fo->globals;
    return wf_newref(r ? r : wf_None);
}
static wf_object *fo_builtins(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    wf_object *r = fo->frame ? fo->frame->f_builtins : fo->builtins;
    return wf_newref(r ? r : wf_None);
}
static wf_object *fo_locals(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    if (fo->frame) return wfv_frame_fast_locals(fo->frame);
    if (fo->locals) return wf_newref(fo->locals);
    return wf_dict_new();
}
static wf_object *fo_lineno(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    return wf_int_from_i64(fo->frame ? wfv_frame_lineno(fo->frame) : fo->lineno);
}
static wf_object *fo_lasti(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    int i = fo->frame ? wfv_frame_lasti(fo->frame) : fo->lasti;
    return wf_int_from_i64(i < 0 ? -1 : (int64_t)i * WFV_INSTR_BYTES);
}
static wf_object *fo_back(wf_object *o, void *c) {
    (void)c;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    if (fo->frame) {
        wfv_frame *b = fo->frame->f_state == WFV_FRAME_EXECUTING ? fo->frame->f_back : NULL;
        if (!b) WF_RETURN_NONE;
        return wfv_frame_object(b);
    }
    return wf_newref(fo->back ? fo->back : wf_None);
}
static wf_object *fo_trace(wf_object *o, void *c) {
    (void)o;
    (void)c;
    WF_RETURN_NONE;
}
static wf_object *fo_clear(wf_object *o, wf_object *unused) {
    (void)unused;
    wfv_frameobj *fo = (wfv_frameobj *)o;
    if (fo->frame && fo->frame->f_state == WFV_FRAME_EXECUTING)
        return wf_err_format(&wf_exc_RuntimeError, "cannot clear an executing frame");
    WF_RETURN_NONE;
}

static wf_object *frameobj_repr(wf_object *o) {
    wfv_frameobj *fo = (wfv_frameobj *)o;
    wfv_code *co = (wfv_code *)(fo->frame ? (wf_object *)fo->frame->f_code : fo->code);
    int line = fo->frame ? wfv_frame_lineno(fo->frame) : fo->lineno;
    if (!co) return wf_str_from_format("<frame at %p>", (void *)o);
    return wf_str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)o,
                              co->co_filename, line, co->co_name);
}

static wf_getset_def frameobj_getset[] = {
    {"f_code", fo_code, NULL, NULL, NULL},
    {"f_globals", fo_globals, NULL, NULL, NULL},
    {"f_builtins", fo_builtins, NULL, NULL, NULL},
    {"f_locals", fo_locals, NULL, NULL, NULL},
    {"f_lineno", fo_lineno, NULL, NULL, NULL},
    {"f_lasti", fo_lasti, NULL, NULL, NULL},
    {"f_back", fo_back, NULL, NULL, NULL},
    {"f_trace", fo_trace, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_method_def frameobj_methods[] = {
    {"clear", fo_clear, WF_METH_NOARGS, "F.clear(): clear most references held by the frame"},
    {NULL, NULL, 0, NULL},
};

wf_type wfv_frameobj_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "frame",
    .tp_basicsize = sizeof(wfv_frameobj),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = frameobj_dealloc,
    .tp_traverse = frameobj_traverse, /* gc */
    .tp_clear = frameobj_gc_clear,    /* gc */
    .tp_repr = frameobj_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_getset = frameobj_getset,
    .tp_methods = frameobj_methods,
};
