/*
 * weft/counters.h — contention counters: how often each thread performs a
 * write that another thread may be making to the same memory at the same
 * time (an atomic read-modify-write on a shared reference count, a mutex,
 * a global sequence or total).
 *
 * Such writes are what stops threads from scaling: each one pulls a cache
 * line away from the other CPUs.  Timing cannot show them reliably on a
 * busy or small machine; counting them can, exactly and on any machine.
 * bench/scaling/counters.sh prints them per operation for every scaling
 * workload, and the `contention` test checks that workloads which share
 * nothing perform none of them in steady state.
 *
 * Built only with -DWEFT_COUNTERS=ON (WF_COUNTERS 1); otherwise WF_COUNT()
 * compiles to nothing and the hot paths are unchanged.  Each counter is a
 * plain thread-local integer, written only by its thread; sys._counters()
 * (present only in such builds) returns the calling thread's values.
 *
 * The list (WF_COUNTER_LIST) is the one definition of the names and their
 * order; runtime/counters.c turns it into the name table.
 */
#ifndef WEFT_COUNTERS_H
#define WEFT_COUNTERS_H

#include <stdint.h>

#include "weft/config.h"

/* X(name, what one count means) */
#define WF_COUNTER_LIST(X)                                                                    \
    X(rc_shared_incref, "atomic add to the shared count of an object another thread owns")   \
    X(rc_shared_decref, "atomic decrement of the shared count (non-owner drop)")              \
    X(rc_try_incref, "CAS try-incref of an object the thread does not own")                   \
    X(rc_queue, "object handed to its owner's merge queue")                                   \
    X(rc_perthread_convert, "object converted to per-thread counting")                       \
    X(mutex_cas, "CAS taking a per-object or runtime mutex")                                  \
    X(mutex_wait, "mutex acquisition that found the mutex held and spun or parked")           \
    X(lock_foreign, "critical section on an object the thread does not own")                  \
    X(slab_remote_free, "block freed into another thread's slab")                             \
    X(gc_count_flush, "thread's allocation count added to the global collector count")        \
    X(qsbr_advance, "advance of the global QSBR write sequence")                              \
    X(qsbr_poll, "update of the global QSBR read sequence")                                   \
    X(type_version, "new type version tag taken from the global counter")

enum wf_counter {
#define WF_COUNTER_ENUM_(name, doc) WF_CNT_##name,
    WF_COUNTER_LIST(WF_COUNTER_ENUM_)
#undef WF_COUNTER_ENUM_
        WF_CNT__COUNT
};

#if WF_CONFIG_COUNTERS
#  define WF_COUNTERS 1
extern _Thread_local uint64_t wf_tls_counters[WF_CNT__COUNT]
    __attribute__((tls_model("local-exec")));
#  define WF_COUNT(name) ((void)(wf_tls_counters[WF_CNT_##name]++))
#else
#  define WF_COUNTERS 0
#  define WF_COUNT(name) ((void)0)
#endif

/* Names in enum order, and how many (runtime/counters.c). */
extern const char *const wf_counter_names[WF_CNT__COUNT];

#endif /* WEFT_COUNTERS_H */
