/*
 * runtime/vm/traceback.c — the traceback object type and
 * wfv_traceback_add.
 *
 * A traceback entry records one frame an exception passed through: the
 * frame object, the instruction index and its line.  Entries are
 * immutable once linked (tb_next may be reassigned from Python, as in
 * CPython, by the thread that owns the reference — a traceback is shared
 * only after the exception was caught).  wfv_traceback_add runs on the
 * raising thread and replaces exc.__traceback__ with a new head whose
 * tb_next is the old one.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/vm/eval_internal.h"

static wf_object *tb_new(wf_object *next, wf_object *frame, int lasti, int lineno) {
    wfv_vm_types_ready();
    wfv_traceback *tb = (wfv_traceback *)wfo_alloc(&wfv_traceback_type, sizeof *tb);
    if (!tb) return NULL;
    tb->tb_next = wf_xnewref(next);
    tb->tb_frame = wf_newref(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    return (wf_object *)tb;
}

int wfv_traceback_add(wf_object *exc, wfv_frame *f, int lasti) {
    if (!exc || !WF_EXC_CHECK(exc)) return 0;
    wf_object *saved = wf_err_fetch();
    wf_object *fo = wfv_frame_object(f);
    int rc = -1;
    if (fo) {
        const uint32_t *save = f->f_ip;
        wfv_frame_set_lasti(f, lasti);
        int line = wfv_frame_lineno(f);
        f->f_ip = save;
        wf_base_exception *be = (wf_base_exception *)exc;
        wf_object *old = be->traceback;
        wf_object *tb = tb_new(old == wf_None ? NULL : old, fo, lasti, line);
        wf_decref(fo);
        if (tb) {
            be->traceback = tb;
            wf_xdecref(old);
            rc = 0;
        }
    }
    if (rc < 0) {
        wf_xdecref(saved);
        return -1; /* the allocation error replaces it */
    }
    wf_err_restore(saved);
    return 0;
}

static void tb_dealloc(wf_object *o) {
    wfv_traceback *tb = (wfv_traceback *)o;
    /* Long chains: unlink iteratively so freeing a deep traceback does not
     * recurse once per entry. */
    wf_object *next = tb->tb_next;
    tb->tb_next = NULL;
    wf_xdecref(tb->tb_frame);
    wfo_free_instance(o);
    while (next && WF_TYPE(next) == &wfv_traceback_type && wf_refcnt(next) == 1) {
        wfv_traceback *n = (wfv_traceback *)next;
        wf_object *nn = n->tb_next;
        n->tb_next = NULL;
        wf_decref(next);
        next = nn;
    }
    wf_xdecref(next);
}

static wf_object *tb_get_next(wf_object *o, void *c) {
    (void)c;
    wf_object *n = ((wfv_traceback *)o)->tb_next;
    return wf_newref(n ? n : wf_None);
}

static int tb_set_next(wf_object *o, wf_object *v, void *c) {
    (void)c;
    if (!v) {
        wf_err_format(&wf_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == wf_None) {
        v = NULL;
    } else if (WF_TYPE(v) != &wfv_traceback_type) {
        wf_err_format(&wf_exc_TypeError, "expected traceback object or None, got '%s'",
                      wf_type_name(WF_TYPE(v)));
        return -1;
    }
    for (wf_object *cur = v; cur; cur = ((wfv_traceback *)cur)->tb_next) {
        if (cur == o) {
            wf_err_format(&wf_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    wfv_traceback *tb = (wfv_traceback *)o;
    wf_object *old = tb->tb_next;
    tb->tb_next = wf_xnewref(v);
    wf_xdecref(old);
    return 0;
}

/* gc: the next entry and the frame object. */
static int tb_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    wfv_traceback *tb = (wfv_traceback *)o;
    if (tb->tb_next && visit(tb->tb_next, arg)) return -1;
    if (tb->tb_frame && visit(tb->tb_frame, arg)) return -1;
    return 0;
}

static wf_object *tb_get_frame(wf_object *o, void *c) {
    (void)c;
    return wf_newref(((wfv_traceback *)o)->tb_frame);
}
static wf_object *tb_get_lasti(wf_object *o, void *c) {
    (void)c;
    int i = ((wfv_traceback *)o)->tb_lasti;
    return wf_int_from_i64(i < 0 ? -1 : (int64_t)i * WFV_INSTR_BYTES);
}
static wf_object *tb_get_lineno(wf_object *o, void *c) {
    (void)c;
    return wf_int_from_i64(((wfv_traceback *)o)->tb_lineno);
}

static wf_object *tb_new_py(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    if (kwargs && wf_dict_size(kwargs) > 0)
        return wf_err_format(&wf_exc_TypeError, "traceback() takes no keyword arguments");
    if (!args || WF_TUPLE_SIZE(args) != 4)
        return wf_err_format(&wf_exc_TypeError, "traceback expected 4 arguments, got %zd",
                             args ? WF_TUPLE_SIZE(args) : (wf_ssize_t)0);
    wf_object *next = WF_TUPLE_ITEM(args, 0), *frame = WF_TUPLE_ITEM(args, 1);
    if (next != wf_None && WF_TYPE(next) != &wfv_traceback_type)
        return wf_err_format(&wf_exc_TypeError, "expected traceback object or None, got '%s'",
                             wf_type_name(WF_TYPE(next)));
    if (WF_TYPE(frame) != &wfv_frameobj_type)
        return wf_err_format(&wf_exc_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %s",
                             wf_type_name(WF_TYPE(frame)));
    wf_ssize_t lasti = wf_int_as_ssize(WF_TUPLE_ITEM(args, 2));
    if (lasti == -1 && wf_err_occurred()) return NULL;
    wf_ssize_t lineno = wf_int_as_ssize(WF_TUPLE_ITEM(args, 3));
    if (lineno == -1 && wf_err_occurred()) return NULL;
    return tb_new(next == wf_None ? NULL : next, frame, (int)(lasti / 2), (int)lineno);
}

static wf_getset_def tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

wf_type wfv_traceback_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(wfv_traceback),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse, /* gc */
    .tp_getattro = wf_object_generic_getattr,
    .tp_getset = tb_getset,
    .tp_new = tb_new_py,
};
