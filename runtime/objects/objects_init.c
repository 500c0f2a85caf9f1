/*
 * runtime/objects/objects_init.c — bringing the object layer up and down:
 * wf_objects_init / wf_objects_fini (weft/objects.h).
 *
 * Called by wf_runtime_init after the calling thread is registered and by
 * wf_runtime_fini before it leaves (runtime/runtime.c), when this library
 * is linked.  Both run while only the calling thread exists, so nothing
 * here synchronises.
 *
 * Init order matters: the VM-state hooks first (errors need the per-thread
 * state), the small ints and the intern table, then the interned
 * identifiers (type readying looks names up by them), then the static
 * types (object, type, then the rest), then the preallocated MemoryError.
 * Fini undoes everything in reverse so that LeakSanitizer sees nothing:
 * the calling thread's pending exception state, the MemoryError instance,
 * every readied static type (dicts, MROs, bases, subclass lists), the
 * identifier table and finally the interned strings themselves.
 * Init/fini pairs may repeat in one process (tests start and stop the
 * runtime per test).
 */
#include "runtime/memory/perthread.h"
#include "runtime/memory/refcount.h"
#include "runtime/objects/objimpl.h"

#include <stdio.h>
#include <stdlib.h>

#include "runtime/vm/vm.h"
#include "runtime/vm/vmstate.h"
#include "weft/code.h"

wf_object *wfo_ids[WFO_ID_COUNT];

static const char *const id_names[WFO_ID_COUNT] = {
#define X(n) #n,
    WFO_IDS(X)
#undef X
};

static int objects_ready;

/* Types readied here explicitly, in order; containers and exceptions
 * ready their own (private) types in their init functions below. */
static wf_type *const core_types[] = {
    &wf_object_type,       &wf_type_type,          &wf_str_type,
    &wf_int_type,          &wf_bool_type,          &wf_float_type,
    &wf_none_type,         &wf_notimplemented_type, &wf_ellipsis_type,
    &wf_module_type,       &wf_method_descr_type,  &wf_classmethod_descr_type,
    &wf_wrapper_descr_type, &wf_method_wrapper_type, &wf_member_descr_type,
    &wf_getset_descr_type, &wf_cfunction_type,     &wf_method_type,
    &wf_classmethod_type,  &wf_staticmethod_type,  &wf_property_type,
    &wfo_str_iter_type,    &wf_seqiter_type,       &wf_callable_iter_type,
    /* functions, cells, super and the iterator builtins (func.c, super.c,
     * iterobjects.c) */
    &wfv_function_type,    &wfv_cell_type,         &wfv_super_type,
    &wf_enumerate_type,    &wf_zip_type,           &wf_map_type,
    &wf_filter_type,       &wf_reversed_type,      &wf_memoryview_type,
};

static void fatal_init(const char *what) {
    fprintf(stderr, "weft: fatal error initialising the object layer: %s\n", what);
    wf_object *e = wf_err_fetch();
    if (e) {
        fprintf(stderr, "  exception of type %s\n", WF_TYPE(e)->tp_name);
    }
    abort();
}

int wfo_methods_extra_init(void); /* runtime/objects/object_extra.c */

void wf_objects_init(void) {
    if (objects_ready) return;
    wfv_vmstate_init();
    wfo_int_init();
    wfo_str_init();
    for (int i = 0; i < WFO_ID_COUNT; i++) {
        wfo_ids[i] = wf_str_intern_cstr(id_names[i]);
        if (!wfo_ids[i]) fatal_init("interned identifiers");
    }
    wfo_slots_init();
    static const char *const cmp_names[6] = {"__lt__", "__le__", "__eq__",
                                             "__ne__", "__gt__", "__ge__"};
    for (int i = 0; i < 6; i++) {
        wfo_cmp_opnames[i] = wf_str_intern_cstr(cmp_names[i]);
        if (!wfo_cmp_opnames[i]) fatal_init("comparison names");
    }
    for (size_t i = 0; i < sizeof core_types / sizeof core_types[0]; i++)
        if (wf_type_ready(core_types[i]) < 0) fatal_init(core_types[i]->tp_name);
    wfo_tuple_init();
    wfo_list_init();
    wfo_dict_init();
    wfo_set_init();
    wfo_sequences_init();
    wfo_complex_init();
    if (wf_type_ready(&wfv_code_type) < 0) fatal_init("code");
    if (wfo_exceptions_init() < 0) fatal_init("exceptions");
    if (wf_err_occurred()) fatal_init("container types");
    wfo_errors_init();
    /* Methods added after readying (engineer "methods": *_extra.c, genericalias.c). */
    if (wfo_methods_extra_init() < 0) fatal_init("extra methods");
    objects_ready = 1;
}

void wf_objects_fini(void) {
    if (!objects_ready) return;
    /* The calling thread's exception state (other threads are gone and
     * dropped theirs in their exit hooks). */
    /* What other threads' last decrefs (or a pause's merge) queued for this
     * thread is released while every type and interned name still works. */
    wfm_refcount_drain();
    wfv_vmstate *s = wfv_state();
    wf_object *a = s->curexc, *b = s->exc_handled, *c = s->repr_stack;
    s->curexc = s->exc_handled = s->repr_stack = NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    wf_xdecref(c);
    /* Per-thread counted objects are freed by collections only: those
     * nothing refers to any more go now, before the types do. */
    wfm_perthread_release_dead();
    wfo_errors_fini();
    wfo_static_types_fini();
    wfo_slots_fini();
    for (int i = 0; i < 6; i++) wfo_cmp_opnames[i] = NULL;
    for (int i = 0; i < WFO_ID_COUNT; i++) wfo_ids[i] = NULL;
    wfo_str_fini();
    objects_ready = 0;
}
