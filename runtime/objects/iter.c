/*
 * runtime/objects/iter.c — the generic iterators: the sequence iterator
 * (iter(o) for objects with __getitem__ but no __iter__: o[0], o[1], ...
 * until IndexError or StopIteration) and the callable iterator
 * (iter(f, sentinel)).
 *
 * Invariant: `seq`/`callable` is dropped (NULL) once the iterator is
 * exhausted, and an exhausted iterator stays exhausted.
 *
 * Thread-safety: an iterator shared between threads is advanced under its
 * own critical section, so each item is produced once and the exhausted
 * state is published safely.
 */
#include "runtime/objects/objimpl.h"

typedef struct {
    wf_object ob_base;
    wf_object *seq;
    wf_ssize_t index;
} seq_iter;

typedef struct {
    wf_object ob_base;
    wf_object *callable;
    wf_object *sentinel;
} call_iter;

wf_object *wf_seqiter_new(wf_object *seq) {
    seq_iter *it = (seq_iter *)wfo_alloc(&wf_seqiter_type, sizeof(seq_iter));
    if (!it) return NULL;
    it->seq = wf_newref(seq);
    return (wf_object *)it;
}

static wf_object *iter_self(wf_object *o) { return wf_newref(o); }

static wf_object *seqiter_next(wf_object *o) {
    seq_iter *it = (seq_iter *)o;
    wf_object *r = NULL, *seq = NULL;
    wf_ssize_t i = 0;
    WF_BEGIN_CRITICAL_SECTION(o);
    if (it->seq) {
        seq = wf_newref(it->seq);
        i = it->index++;
    }
    WF_END_CRITICAL_SECTION();
    if (!seq) return NULL;
    r = wf_sequence_get_item(seq, i);
    if (!r && (wf_err_matches((wf_object *)&wf_exc_IndexError) ||
               wf_err_matches((wf_object *)&wf_exc_StopIteration))) {
        wf_err_clear();
        wf_object *old = NULL;
        WF_BEGIN_CRITICAL_SECTION(o);
        old = it->seq;
        it->seq = NULL;
        WF_END_CRITICAL_SECTION();
        if (old) wf_decref(old);
    }
    wf_decref(seq);
    return r;
}

static int seqiter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    seq_iter *it = (seq_iter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static void seqiter_dealloc(wf_object *o) {
    WF_CLEAR(((seq_iter *)o)->seq);
    wfo_free_instance(o);
}

wf_type wf_seqiter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seq_iter),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = seqiter_next,
};

/* bytes_iterator / bytearray_iterator: the sequence iterator under
 * CPython's type names (type(iter(b'')).__name__). */
wf_type wfo_bytes_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(seq_iter),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = seqiter_next,
};
wf_type wfo_bytearray_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(seq_iter),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = seqiter_next,
};
wf_object *wfo_seqiter_new_typed(wf_type *type, wf_object *seq) {
    seq_iter *it = (seq_iter *)wfo_alloc(type, sizeof(seq_iter));
    if (!it) return NULL;
    it->seq = wf_newref(seq);
    return (wf_object *)it;
}

wf_object *wfo_callable_iter_new(wf_object *callable, wf_object *sentinel) {
    call_iter *it = (call_iter *)wfo_alloc(&wf_callable_iter_type, sizeof(call_iter));
    if (!it) return NULL;
    it->callable = wf_newref(callable);
    it->sentinel = wf_newref(sentinel);
    return (wf_object *)it;
}

static wf_object *calliter_next(wf_object *o) {
    call_iter *it = (call_iter *)o;
    wf_object *f = NULL, *sentinel = NULL;
    WF_BEGIN_CRITICAL_SECTION(o);
    if (it->callable) {
        f = wf_newref(it->callable);
        sentinel = wf_newref(it->sentinel);
    }
    WF_END_CRITICAL_SECTION();
    if (!f) return NULL;
    wf_object *r = wf_object_call_noargs(f);
    int stop = 0;
    if (r) {
        int eq = wf_object_rich_compare_bool(r, sentinel, WF_EQ);
        if (eq != 0) {
            wf_decref(r);
            r = NULL;
            stop = eq > 0;
        }
    } else if (wf_err_matches((wf_object *)&wf_exc_StopIteration)) {
        wf_err_clear();
        stop = 1;
    }
    if (stop) {
        wf_object *a, *b;
        WF_BEGIN_CRITICAL_SECTION(o);
        a = it->callable;
        b = it->sentinel;
        it->callable = it->sentinel = NULL;
        WF_END_CRITICAL_SECTION();
        if (a) wf_decref(a);
        if (b) wf_decref(b);
    }
    wf_decref(f);
    wf_decref(sentinel);
    return r;
}

static int calliter_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    call_iter *it = (call_iter *)o;
    if (it->callable && visit(it->callable, arg)) return -1;
    if (it->sentinel && visit(it->sentinel, arg)) return -1;
    return 0;
}

static void calliter_dealloc(wf_object *o) {
    WF_CLEAR(((call_iter *)o)->callable);
    WF_CLEAR(((call_iter *)o)->sentinel);
    wfo_free_instance(o);
}

wf_type wf_callable_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(call_iter),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = calliter_next,
};
