/*
 * runtime/runtime.c — bringing the runtime up and down, and describing
 * the build.
 *
 * Start-up order (each layer's thread hooks run in this order at thread
 * creation, and in reverse at thread exit):
 *   registry -> SMR -> GIL -> memory (heaps, slabs) -> refcount merge queues
 *   -> the calling thread registers -> object layer (static types, interned
 *   strings; only in programs that link weft_objects)
 * Tear-down: the object layer first, then the calling thread leaves; after
 * the last thread left:
 *   merge queues -> SMR (runs every deferred free: delayed buffers, retired
 *   slabs, large objects) -> memory (releases what is left: orphan slabs)
 *   -> GIL -> registry.
 */
#include <stdio.h>
#include <stdlib.h>

#include "weft/config.h"

#if WF_USE_MIMALLOC
#include <mimalloc.h>
#endif

#include "runtime/memory/memory.h"
#include "runtime/memory/refcount.h"
#include "threads/gil.h"
#include "threads/smr.h"
#include "threads/thread.h"
#include "weft/weft.h"

/* The object layer (runtime/objects, library weft_objects) sits above this
 * file's layers, and programs that test only threads/memory link weft_core
 * alone.  So its entry points are weak references: they are called when the
 * program links weft_objects (whose link interface forces them in with
 * --undefined, see runtime/objects/objects.cmake) and skipped otherwise. */
extern void wf_objects_init(void) __attribute__((weak));
extern void wf_objects_fini(void) __attribute__((weak));

void wf_runtime_init(void) {
    wft_runtime_init();
    wft_smr_init();
    wft_gil_init();
    wfm_init();
    wfm_refcount_init();
    wf_thread_enter();
    if (wf_objects_init) wf_objects_init(); /* needs a registered thread */
}

void wf_runtime_fini(void) {
    if (wf_objects_fini) wf_objects_fini();
    wf_thread_exit();
    wfm_refcount_fini();
    wft_smr_fini();
    wfm_fini();
    wft_gil_fini();
    wft_runtime_fini();
}

void wf_thread_enter(void) {
    wft_thread *t = wft_thread_new();
    wft_attach(t);
}

void wf_thread_exit(void) {
    wft_thread *t = wft_current();
    if (!t) {
        fprintf(stderr, "weft: fatal error: wf_thread_exit from an unregistered thread\n");
        abort();
    }
    wft_thread_delete(t);
}

void wf_print_build_info(FILE *out) {
    fprintf(out, "version: %s\n", "0.1.0");
#if WF_FREE_THREADED
    fprintf(out, "flavour: free-threaded\n");
#else
    fprintf(out, "flavour: gil\n");
#endif
    fprintf(out, "object_header_bytes: %zu\n", sizeof(wf_object));
    fprintf(out, "gil_enabled: %s\n", wft_gil_enabled() ? "yes" : "no");
    fprintf(out, "gil_switch_interval_us: %lld\n", (long long)wft_gil_get_interval_us());
    fprintf(out, "allocator: %s\n", wfm_allocator_name());
    fprintf(out, "slab_bytes: %zu\n", WFM_SLAB_SIZE);
    fprintf(out, "small_object_max_bytes: %zu\n", WFM_SMALL_MAX);
    fprintf(out, "smr: %s\n", wft_smr_impl_name());
    fprintf(out, "sanitizer: %s\n", WF_CONFIG_SANITIZER);
    fprintf(out, "counters: %s\n", WF_COUNTERS ? "on" : "off");
    fprintf(out, "build_type: %s\n", WF_CONFIG_BUILD_TYPE);
    fprintf(out, "compiler: %s\n", WF_CONFIG_COMPILER);
    fprintf(out, "ck_version: %s\n", WF_CONFIG_CK_VERSION);
#if WF_USE_MIMALLOC
    int v = mi_version();
    fprintf(out, "mimalloc_version: %d.%d.%d\n", v / 100, (v / 10) % 10, v % 10);
#else
    fprintf(out, "mimalloc_version: none (allocator=system)\n");
#endif
}
