/*
 * runtime/modules/_heapq.c — the _heapq accelerator for heapq.py:
 * heappush, heappop, heapify, heapreplace, heappushpop and the max-heap
 * helpers _heappop_max, _heapreplace_max, _heapify_max.  The sift
 * algorithms are the ones heapq.py documents (and CPython's C version
 * uses), so the resulting list order is the same.
 *
 * Thread-safety: the heap is a list accessed only through the list API
 * (each get/set is atomic and bounds-checked under the list's own
 * synchronisation).  A heap operation as a whole is not atomic: as in
 * CPython, a size change seen after a comparison (which may run Python
 * code, or another thread) raises RuntimeError "list changed size during
 * iteration" instead of corrupting anything.
 */
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"

static int check_list(wf_object *heap, const char *fname, int numbered) {
    if (WF_LIST_CHECK(heap)) return 0;
    wf_err_format(&wf_exc_TypeError, numbered ? "%s() argument 1 must be list, not %s"
                                              : "%s() argument must be list, not %s",
                  fname, wf_type_name(WF_TYPE(heap)));
    return -1;
}

static int size_changed(wf_object *heap, wf_ssize_t n) {
    if (wf_list_size(heap) == n) return 0;
    wf_err_set_string(&wf_exc_RuntimeError, "list changed size during iteration");
    return 1;
}

/* a < b for the min-heap, b < a for the max-heap: 1, 0 or -1. */
static int less(wf_object *a, wf_object *b, int max) {
    return max ? wf_object_rich_compare_bool(b, a, WF_LT) : wf_object_rich_compare_bool(a, b, WF_LT);
}

static int swap(wf_object *heap, wf_ssize_t i, wf_ssize_t j) {
    wf_object *a = wf_list_get_item(heap, i);
    if (!a) return -1;
    wf_object *b = wf_list_get_item(heap, j);
    if (!b) {
        wf_decref(a);
        return -1;
    }
    int rc = wf_list_set_item(heap, i, b) < 0 || wf_list_set_item(heap, j, a) < 0 ? -1 : 0;
    wf_decref(a);
    wf_decref(b);
    return rc;
}

/* Move the item at pos up towards startpos while it is smaller than its parent. */
static int siftdown(wf_object *heap, wf_ssize_t startpos, wf_ssize_t pos, int max) {
    wf_ssize_t size = wf_list_size(heap);
    if (pos >= size) {
        wf_err_set_string(&wf_exc_IndexError, "index out of range");
        return -1;
    }
    while (pos > startpos) {
        wf_ssize_t parentpos = (pos - 1) >> 1;
        wf_object *newitem = wf_list_get_item(heap, pos);
        if (!newitem) return -1;
        wf_object *parent = wf_list_get_item(heap, parentpos);
        if (!parent) {
            wf_decref(newitem);
            return -1;
        }
        int cmp = less(newitem, parent, max);
        wf_decref(newitem);
        wf_decref(parent);
        if (cmp < 0) return -1;
        if (size_changed(heap, size)) return -1;
        if (cmp == 0) break;
        if (swap(heap, parentpos, pos) < 0) return -1;
        pos = parentpos;
    }
    return 0;
}

/* Bubble the smaller child up from pos to a leaf, then sift the item there down. */
static int siftup(wf_object *heap, wf_ssize_t pos, int max) {
    wf_ssize_t endpos = wf_list_size(heap);
    wf_ssize_t startpos = pos;
    if (pos >= endpos) {
        wf_err_set_string(&wf_exc_IndexError, "index out of range");
        return -1;
    }
    wf_ssize_t limit = endpos / 2;
    while (pos < limit) {
        wf_ssize_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            wf_object *a = wf_list_get_item(heap, childpos);
            if (!a) return -1;
            wf_object *b = wf_list_get_item(heap, childpos + 1);
            if (!b) {
                wf_decref(a);
                return -1;
            }
            int cmp = less(a, b, max);
            wf_decref(a);
            wf_decref(b);
            if (cmp < 0) return -1;
            childpos += cmp ^ 1;
            if (size_changed(heap, endpos)) return -1;
        }
        if (swap(heap, childpos, pos) < 0) return -1;
        pos = childpos;
    }
    return siftdown(heap, startpos, pos, max);
}

static wf_object *h_heappush(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("heappush", nargs, 2, 2) < 0 || check_list(args[0], "heappush", 1) < 0)
        return NULL;
    if (wf_list_append(args[0], args[1]) < 0) return NULL;
    if (siftdown(args[0], 0, wf_list_size(args[0]) - 1, 0) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *heappop_impl(wf_object *heap, const char *fname, int max) {
    if (check_list(heap, fname, 0) < 0) return NULL;
    if (wf_list_size(heap) == 0) {
        wf_err_set_string(&wf_exc_IndexError, "index out of range");
        return NULL;
    }
    wf_object *last = wf_list_pop(heap, -1);
    if (!last) return NULL;
    if (wf_list_size(heap) == 0) return last;
    wf_object *ret = wf_list_get_item(heap, 0);
    if (!ret || wf_list_set_item(heap, 0, last) < 0) {
        wf_decref(last);
        if (ret) wf_decref(ret);
        return NULL;
    }
    wf_decref(last);
    if (siftup(heap, 0, max) < 0) {
        wf_decref(ret);
        return NULL;
    }
    return ret;
}

static wf_object *h_heappop(wf_object *self, wf_object *heap) {
    (void)self;
    return heappop_impl(heap, "heappop", 0);
}
static wf_object *h_heappop_max(wf_object *self, wf_object *heap) {
    (void)self;
    return heappop_impl(heap, "_heappop_max", 1);
}

static wf_object *heapreplace_impl(wf_object *const *args, wf_ssize_t nargs, const char *fname, int max) {
    if (wf_check_nargs(fname, nargs, 2, 2) < 0 || check_list(args[0], fname, 1) < 0) return NULL;
    wf_object *heap = args[0];
    if (wf_list_size(heap) == 0) {
        wf_err_set_string(&wf_exc_IndexError, "index out of range");
        return NULL;
    }
    wf_object *ret = wf_list_get_item(heap, 0);
    if (!ret) return NULL;
    if (wf_list_set_item(heap, 0, args[1]) < 0 || siftup(heap, 0, max) < 0) {
        wf_decref(ret);
        return NULL;
    }
    return ret;
}

static wf_object *h_heapreplace(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    return heapreplace_impl(args, nargs, "heapreplace", 0);
}
static wf_object *h_heapreplace_max(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    return heapreplace_impl(args, nargs, "_heapreplace_max", 1);
}

static wf_object *h_heappushpop(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("heappushpop", nargs, 2, 2) < 0 || check_list(args[0], "heappushpop", 1) < 0)
        return NULL;
    wf_object *heap = args[0], *item = args[1];
    if (wf_list_size(heap) == 0) return wf_newref(item);
    wf_object *top = wf_list_get_item(heap, 0);
    if (!top) return NULL;
    int cmp = wf_object_rich_compare_bool(top, item, WF_LT);
    if (cmp <= 0) {
        wf_decref(top);
        return cmp < 0 ? NULL : wf_newref(item);
    }
    if (wf_list_size(heap) == 0) {
        wf_decref(top);
        wf_err_set_string(&wf_exc_IndexError, "index out of range");
        return NULL;
    }
    wf_decref(top);
    wf_object *ret = wf_list_get_item(heap, 0);
    if (!ret) return NULL;
    if (wf_list_set_item(heap, 0, item) < 0 || siftup(heap, 0, 0) < 0) {
        wf_decref(ret);
        return NULL;
    }
    return ret;
}

static wf_object *heapify_impl(wf_object *heap, const char *fname, int max) {
    if (check_list(heap, fname, 0) < 0) return NULL;
    wf_ssize_t n = wf_list_size(heap);
    for (wf_ssize_t i = n / 2 - 1; i >= 0; i--)
        if (siftup(heap, i, max) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *h_heapify(wf_object *self, wf_object *heap) {
    (void)self;
    return heapify_impl(heap, "heapify", 0);
}
static wf_object *h_heapify_max(wf_object *self, wf_object *heap) {
    (void)self;
    return heapify_impl(heap, "_heapify_max", 1);
}

static wf_method_def heapq_methods[] = {
    {"heappush", h_heappush, WF_METH_FASTCALL, "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", h_heappushpop, WF_METH_FASTCALL, "Push item on the heap, then pop and return the smallest item from the heap."},
    {"heappop", h_heappop, WF_METH_O, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", h_heapreplace, WF_METH_FASTCALL, "Pop and return the current smallest value, and add the new item."},
    {"heapify", h_heapify, WF_METH_O, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", h_heappop_max, WF_METH_O, "Maxheap variant of heappop."},
    {"_heapreplace_max", h_heapreplace_max, WF_METH_FASTCALL, "Maxheap variant of heapreplace."},
    {"_heapify_max", h_heapify_max, WF_METH_O, "Maxheap variant of heapify."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_heapq) {
    wf_object *m = wf_module_new("_heapq");
    if (!m) return NULL;
    if (wf_module_add_functions(m, heapq_methods) < 0) {
        wf_decref(m);
        return NULL;
    }
    wf_object *about = wf_str_from_cstr("Heap queues");
    if (!about || wf_module_add_object(m, "__about__", about) < 0) {
        if (about) wf_decref(about);
        wf_decref(m);
        return NULL;
    }
    wf_decref(about);
    return m;
}
