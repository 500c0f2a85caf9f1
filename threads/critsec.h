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

/* The uncontended fast paths of wft_critsec_begin / wft_critsec_end,
 * inline in the WF_BEGIN/END_CRITICAL_SECTION macros; they do exactly what
 * critsec.c's out-of-line fast paths do and leave every other case to
 * critsec.c (see its comments).  wft_cs_self is critsec.c's thread-local
 * cache of the attached thread (owner-only).  The address of the calling
 * thread's wft_cs_borrowed_marker marks a borrowed section: its byte is
 * always 0 (never locked), so the end fast path's unlock CAS (which
 * expects LOCKED) fails on it and sends a borrowed section to the slow
 * path without a separate test.  It is thread-local so that this failing
 * CAS only ever touches the thread's own cache line; a section stack is
 * owner-only, so every comparison with the marker runs on the thread
 * whose marker it is. */
extern _Thread_local wft_thread *wft_cs_self;
extern _Thread_local wf_mutex wft_cs_borrowed_marker;
wft_thread *wft_critsec_begin_slow(wft_critsec *c, wf_mutex *m);
void wft_critsec_end_slow(wft_critsec *c);
void wft_critsec_resume_enclosing(wft_thread *t);

/* Returns the calling thread, which the macros keep for the end: a
 * section begins and ends on the same thread, and the thread's struct
 * outlives every section on its stack, so the end needs neither the
 * thread-local load nor its NULL test (the cache may even have been
 * cleared by a detach inside the section). */
WF_INLINE wft_thread *wft_critsec_begin_inline(wft_critsec *c, wf_mutex *m) {
    wft_thread *t = wft_cs_self;
    if (WF_LIKELY(t != NULL) && WF_LIKELY(wf_mutex_trylock(m))) {
        c->mutex = m;
        c->prev = t->critical_section;
        t->critical_section = (uintptr_t)c;
        return t;
    }
    return wft_critsec_begin_slow(c, m);
}

/* t: the calling thread (from wft_critsec_begin_inline).  One test covers
 * "c is the top, active, one-mutex section" (the top's tag bits are clear
 * and it is c); the unlock CAS then fails -- changing nothing -- for a
 * borrowed section (the marker's byte is 0) and when a waiter must be
 * woken (HAS_PARKED), and the slow path starts over. */
WF_INLINE void wft_critsec_end_inline(wft_critsec *c, wft_thread *t) {
    if (WF_LIKELY(t->critical_section == (uintptr_t)c)) {
        uint8_t expected = WF_MUTEX_LOCKED;
        if (WF_LIKELY(atomic_compare_exchange_strong_explicit(&c->mutex->bits, &expected, 0,
                                                              memory_order_release,
                                                              memory_order_relaxed))) {
            uintptr_t prev = c->prev;
            t->critical_section = prev;
            if (WF_UNLIKELY(prev & WFT_CS_INACTIVE)) wft_critsec_resume_enclosing(t);
            return;
        }
    }
    wft_critsec_end_slow(c);
}

/* Leaf sections: for a short operation on one object that, while it holds
 * the lock, calls nothing that can block, detach, allocate, reach a safe
 * point or run Python code (a list item store, a locked snapshot).  Such a
 * holder never needs suspending, so the uncontended case takes the mutex
 * with one CAS and registers nothing on the thread's section stack; the
 * end releases it with wf_mutex_unlock.  A failed try (contended, or
 * already held by one of the caller's own sections) takes a full critical
 * section instead: same mutex, same exclusion, and the section rules for
 * blocking and borrowing.  The end tells the two apart by the returned
 * thread (NULL: leaf). */
WF_INLINE wft_thread *wft_leaf_begin_inline(wft_critsec *c, wf_mutex *m) {
    c->mutex = m;
    if (WF_LIKELY(wf_mutex_trylock(m))) return NULL;
    return wft_critsec_begin_slow(c, m);
}

WF_INLINE void wft_leaf_end_inline(wft_critsec *c, wft_thread *t) {
    if (WF_LIKELY(t == NULL)) {
        wf_mutex_unlock(c->mutex);
        return;
    }
    wft_critsec_end_inline(c, t);
}

#if WF_FREE_THREADED
#define WF_BEGIN_LEAF_SECTION(op)                                  \
    {                                                              \
        wft_critsec wf_cs_;                                        \
        WF_COUNT_FOREIGN_LOCK_(op);                                \
        wft_thread *wf_cs_t_ =                                     \
            wft_leaf_begin_inline(&wf_cs_, &((wf_object *)(op))->ob_mutex);
#define WF_END_LEAF_SECTION()                  \
    wft_leaf_end_inline(&wf_cs_, wf_cs_t_);    \
    }
#define WF_BEGIN_CRITICAL_SECTION_MUT(m) \
    {                                    \
        wft_critsec wf_cs_;              \
        wft_thread *wf_cs_t_ = wft_critsec_begin_inline(&wf_cs_, (m));
#define WF_END_CRITICAL_SECTION()                 \
    wft_critsec_end_inline(&wf_cs_, wf_cs_t_); \
    }
#define WF_BEGIN_CRITICAL_SECTION2_MUT(m1, m2) \
    {                                          \
        wft_critsec2 wf_cs2_;                  \
        wft_critsec2_begin(&wf_cs2_, (m1), (m2));
#define WF_END_CRITICAL_SECTION2() \
    wft_critsec2_end(&wf_cs2_);    \
    }
#define WF_BEGIN_CRITICAL_SECTION(op) \
    WF_COUNT_FOREIGN_LOCK_(op);       \
    WF_BEGIN_CRITICAL_SECTION_MUT(&((wf_object *)(op))->ob_mutex)
#define WF_BEGIN_CRITICAL_SECTION2(a, b)                                                     \
    WF_COUNT_FOREIGN_LOCK_(a);                                                               \
    WF_COUNT_FOREIGN_LOCK_(b);                                                               \
    WF_BEGIN_CRITICAL_SECTION2_MUT(&((wf_object *)(a))->ob_mutex, &((wf_object *)(b))->ob_mutex)
/* Contention counters (weft/counters.h): a lock on an object another
 * thread may lock too. */
#if WF_COUNTERS
#  define WF_COUNT_FOREIGN_LOCK_(op)                                               \
      do {                                                                         \
          if (!wf_is_owned_by_current_thread((wf_object *)(op))) WF_COUNT(lock_foreign); \
      } while (0)
#else
#  define WF_COUNT_FOREIGN_LOCK_(op) ((void)0)
#endif
#else
#define WF_BEGIN_LEAF_SECTION(op) {
#define WF_END_LEAF_SECTION() }
#define WF_BEGIN_CRITICAL_SECTION_MUT(m) {
#define WF_END_CRITICAL_SECTION() }
#define WF_BEGIN_CRITICAL_SECTION2_MUT(m1, m2) {
#define WF_END_CRITICAL_SECTION2() }
#define WF_BEGIN_CRITICAL_SECTION(op) {
#define WF_BEGIN_CRITICAL_SECTION2(a, b) {
#endif

#endif /* WEFT_THREADS_CRITSEC_H */
