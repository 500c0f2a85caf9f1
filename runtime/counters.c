/*
 * runtime/counters.c — the storage and names of the contention counters
 * (weft/counters.h).  Owns wf_tls_counters, one array per thread that only
 * its thread writes and reads (sys._counters() reads the caller's own), and
 * the name table built from WF_COUNTER_LIST.  With counters compiled out
 * only the names exist.
 */
#include "weft/counters.h"

#if WF_COUNTERS
_Thread_local uint64_t wf_tls_counters[WF_CNT__COUNT] __attribute__((tls_model("local-exec")));
#endif

const char *const wf_counter_names[WF_CNT__COUNT] = {
#define WF_COUNTER_NAME_(name, doc) #name,
    WF_COUNTER_LIST(WF_COUNTER_NAME_)
#undef WF_COUNTER_NAME_
};
