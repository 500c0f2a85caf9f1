/*
 * threads/critsec.h — critical sections over one or two objects.
 *
 * A critical section locks an object's wf_mutex for the extent of a C
 * block.  Sections form a per-thread stack (wft_thread.critical_section, a
 * tagged pointer to the top section living in a C stack frame).  When the
 * thread detaches (it is about to block) every active section is
 * *suspended*: its mutexes are unlocked and it is marked inactive.  On
 * attach only the top section is resumed; outer ones are re-locked when
 * they become the top again.  Because a thread never blocks while holding
 * section locks, lock order cannot deadlock.  Two-object sections lock the
 * lower address first; a section on a mutex the top section already holds
 * is free.
 *
 * Consequences for callers: only the top-most section's locks are
 * guaranteed held; nested sections give no multi-object atomicity; data
 * may change across anything that may block.
 *
 * In the GIL flavour every macro here compiles to a bare block.
 */
#ifndef WEFT_THREADS_CRITSEC_H
#define WEFT_THREADS_CRITSEC_H

#include <stdint.h>

#include "threads/thread.h"
#include "weft/config.h"
#include "weft/mutex.h"

typedef struct wft_critsec {
    uintptr_t prev;  /* tagged pointer to the enclosing section */
    wf_mutex *mutex; /* NULL while being (re)acquired */
} wft_critsec;

typedef struct wft_critsec2 {
    wft_critsec base;
    wf_mutex *mutex2;
} wft_critsec2;

#define WFT_CS_INACTIVE ((uintptr_t)1)
#define WFT_CS_TWO_MUTEXES ((uintptr_t)2)
#define WFT_CS_TAG_MASK ((uintptr_t)3)

void wft_critsec_begin(wft_critsec *c, wf_mutex *m);
void wft_critsec_end(wft_critsec *c);
void wft_critsec2_begin(wft_critsec2 *c, wf_mutex *m1, wf_mutex *m2);
void wft_critsec2_end(wft_critsec2 *c);

/* Called by wft_detach / wft_attach. */
void wft_critsec_suspend_all(wft_thread *t);
void wft_critsec_resume(wft_thread *t);

#if WF_FREE_THREADED
#define WF_BEGIN_CRITICAL_SECTION_MUT(m) \
    {                                    \
        wft_critsec wf_cs_;              \
        wft_critsec_begin(&wf_cs_, (m));
#define WF_END_CRITICAL_SECTION() \
    wft_critsec_end(&wf_cs_);     \
    }
#define WF_BEGIN_CRITICAL_SECTION2_MUT(m1, m2) \
    {                                          \
        wft_critsec2 wf_cs2_;                  \
        wft_critsec2_begin(&wf_cs2_, (m1), (m2));
#define WF_END_CRITICAL_SECTION2() \
    wft_critsec2_end(&wf_cs2_);    \
    }
#define WF_BEGIN_CRITICAL_SECTION(op) \
    WF_BEGIN_CRITICAL_SECTION_MUT(&((wf_object *)(op))->ob_mutex)
#define WF_BEGIN_CRITICAL_SECTION2(a, b) \
    WF_BEGIN_CRITICAL_SECTION2_MUT(&((wf_object *)(a))->ob_mutex, &((wf_object *)(b))->ob_mutex)
#else
#define WF_BEGIN_CRITICAL_SECTION_MUT(m) {
#define WF_END_CRITICAL_SECTION() }
#define WF_BEGIN_CRITICAL_SECTION2_MUT(m1, m2) {
#define WF_END_CRITICAL_SECTION2() }
#define WF_BEGIN_CRITICAL_SECTION(op) {
#define WF_BEGIN_CRITICAL_SECTION2(a, b) {
#endif

#endif /* WEFT_THREADS_CRITSEC_H */
