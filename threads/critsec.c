/*
 * threads/critsec.c — critical sections over one or two mutexes (see
 * threads/critsec.h for the contract and docs/internals/locks.md for the
 * argument).
 *
 * Owns: the per-thread section stack rooted at wft_thread.critical_section
 * (owner-only; no other thread reads it), the mutexes its sections hold,
 * and wft_cs_self, a thread-local cache of wft_current() valid while attached.
 *
 * Representation.  t->critical_section and every section's `prev` are
 * tagged pointers: the pointed-to section plus WFT_CS_INACTIVE (that
 * section's locks are released) and WFT_CS_TWO_MUTEXES (it is a
 * wft_critsec2).  A section's `mutex` is one of:
 *   a real mutex  the section holds it (or, if inactive, must re-take it);
 *   NULL          the section is being (re)acquired and holds nothing yet;
 *   CS_BORROWED   a no-op section, begun on a mutex that the section
 *                 under it already holds; it holds nothing itself and is
 *                 pushed so that end() always pops the top (out-of-order
 *                 ends are caught) and so that suspension and resumption
 *                 treat it together with the section it borrows from.
 * A two-mutex section records mutex (the lower address) as soon as that is
 * locked and mutex2 as soon as that is, so a suspension in between releases
 * exactly what is held.
 *
 * Invariants:
 *  - Active sections form a prefix of the stack: if a section is inactive,
 *    so is every section under it.  While the thread is attached and runs
 *    ordinary code, the top section is active.
 *  - A borrowed section lies directly over a holder or another borrowed
 *    section, and is active exactly when the holder under it is; resuming
 *    a borrowed top re-takes the nearest holder's locks.
 *  - A thread blocked in the parking lot is detached, and detaching
 *    suspends every active section first, so a blocked thread holds no
 *    section lock: lock order cannot deadlock.
 */
#include "threads/critsec.h"

#include <stdio.h>
#include <stdlib.h>

/* Its address only (critsec.h): never locked, so its byte stays 0. */
_Thread_local wf_mutex wft_cs_borrowed_marker;
#define CS_BORROWED (&wft_cs_borrowed_marker)

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

static inline wft_critsec *untag(uintptr_t p) { return (wft_critsec *)(p & ~WFT_CS_TAG_MASK); }
static inline wft_critsec2 *as2(wft_critsec *c) { return (wft_critsec2 *)c; }

static inline bool cs_active(uintptr_t p) { return p != 0 && !(p & WFT_CS_INACTIVE); }

/* The calling thread's wft_thread, cached while it is ATTACHED so that the
 * hot begin/end paths need no call to wft_current().  Owner-only (thread-
 * local).  It is filled only while the thread is attached and cleared by
 * wft_critsec_suspend_all, which every detach runs first -- including the
 * detach inside wft_thread_delete, before the struct is freed -- so the
 * cache never outlives the struct it points to, and a thread that
 * registers again starts from wft_current(). */
_Thread_local wft_thread *wft_cs_self;

static WF_NOINLINE wft_thread *cs_thread_slow(void) {
    wft_thread *t = wft_current();
    if (WF_UNLIKELY(!t)) fatal("critical section used by a thread not registered with the runtime");
    if (wft_state_of(t) == WFT_ATTACHED) wft_cs_self = t;
    return t;
}

static inline wft_thread *cs_thread(void) {
    wft_thread *t = wft_cs_self;
    return WF_LIKELY(t != NULL) ? t : cs_thread_slow();
}

static inline void push(wft_thread *t, wft_critsec *c, uintptr_t tag) {
    c->prev = t->critical_section;
    t->critical_section = (uintptr_t)c | tag;
}

/* Does the active top of t's stack (looking through borrowed sections)
 * hold m? */
static bool top_holds(wft_thread *t, wf_mutex *m) {
    for (uintptr_t p = t->critical_section; cs_active(p); p = untag(p)->prev) {
        wft_critsec *c = untag(p);
        if (c->mutex == CS_BORROWED) continue;
        return c->mutex == m || ((p & WFT_CS_TWO_MUTEXES) && as2(c)->mutex2 == m);
    }
    return false;
}

/* Everything but the uncontended case of wft_critsec_begin (also called
 * by the inline fast path of critsec.h). */
WF_NOINLINE wft_thread *wft_critsec_begin_slow(wft_critsec *c, wf_mutex *m) {
    wft_thread *t = cs_thread();
    if (WF_LIKELY(wf_mutex_trylock(m))) {
        c->mutex = m;
        push(t, c, 0);
        return t;
    }
    if (top_holds(t, m)) {
        c->mutex = CS_BORROWED;
        push(t, c, 0);
        return t;
    }
    /* Push first: if the lock parks, the detach suspends this section (it
     * holds nothing yet) and every one under it. */
    c->mutex = NULL;
    push(t, c, 0);
    wf_mutex_lock(m);
    c->mutex = m;
    return t;
}

/* The fast path (attached thread with wft_cs_self cached, mutex free: one CAS
 * and the push) makes no call except in tail position, so it needs no
 * stack frame; anything else starts over in wft_critsec_begin_slow. */
void wft_critsec_begin(wft_critsec *c, wf_mutex *m) { (void)wft_critsec_begin_inline(c, m); }

void wft_critsec2_begin(wft_critsec2 *c, wf_mutex *m1, wf_mutex *m2) {
    if (m1 == m2) {
        c->mutex2 = NULL;
        wft_critsec_begin(&c->base, m1); /* pushed as a one-mutex section */
        return;
    }
    if ((uintptr_t)m2 < (uintptr_t)m1) {
        wf_mutex *tmp = m1;
        m1 = m2;
        m2 = tmp;
    }
    wft_thread *t = cs_thread();
    if (WF_LIKELY(wf_mutex_trylock(m1))) {
        c->base.mutex = m1;
        if (WF_LIKELY(wf_mutex_trylock(m2))) {
            c->mutex2 = m2;
            push(t, &c->base, WFT_CS_TWO_MUTEXES);
            return;
        }
        c->mutex2 = NULL;
        push(t, &c->base, WFT_CS_TWO_MUTEXES);
        wf_mutex_lock(m2);
        c->mutex2 = m2;
        return;
    }
    if (top_holds(t, m1) && top_holds(t, m2)) {
        c->base.mutex = CS_BORROWED;
        c->mutex2 = NULL;
        push(t, &c->base, 0);
        return;
    }
    c->base.mutex = NULL;
    c->mutex2 = NULL;
    push(t, &c->base, WFT_CS_TWO_MUTEXES);
    wf_mutex_lock(m1);
    c->base.mutex = m1;
    wf_mutex_lock(m2);
    c->mutex2 = m2;
}

/* Inlined into both end functions: one call per section end, not two. */
static inline __attribute__((always_inline)) void cs_end(wft_thread *t, wft_critsec *c) {
    uintptr_t top = t->critical_section;
    if (WF_UNLIKELY(untag(top) != c)) fatal("critical sections ended out of order");
    if (!(top & WFT_CS_INACTIVE) && c->mutex != CS_BORROWED) {
        wf_mutex_unlock(c->mutex);
        if (top & WFT_CS_TWO_MUTEXES) wf_mutex_unlock(as2(c)->mutex2);
    }
    t->critical_section = c->prev;
    /* The enclosing section was suspended while we ran: take it back now
     * (a detached thread leaves that to its next attach). */
    if ((t->critical_section & WFT_CS_INACTIVE) && wft_state_of(t) == WFT_ATTACHED)
        wft_critsec_resume(t);
}

WF_NOINLINE void wft_critsec_end_slow(wft_critsec *c) { cs_end(cs_thread(), c); }

WF_NOINLINE void wft_critsec_resume_enclosing(wft_thread *t) {
    if (wft_state_of(t) == WFT_ATTACHED) wft_critsec_resume(t);
}

/* The fast path: the top section is c, active, one real mutex that nobody
 * waits for (the releasing CAS of wf_mutex_unlock succeeds), then the pop;
 * no call except in tail position.  Anything else -- c not the top, c
 * inactive, a two-mutex tag, c borrowed (the CAS on the marker's 0 byte
 * fails), waiters to wake -- goes to wft_critsec_end_slow, which starts
 * over (a failed CAS changed nothing). */
void wft_critsec_end(wft_critsec *c) {
    /* The macros' inline fast path (critsec.h); when the enclosing section
     * was suspended while we ran, it takes it back, as cs_end does.  This
     * entry point has no thread from its begin: it reads the cache. */
    wft_thread *t = wft_cs_self;
    if (WF_LIKELY(t != NULL)) wft_critsec_end_inline(c, t);
    else wft_critsec_end_slow(c);
}

void wft_critsec2_end(wft_critsec2 *c) { cs_end(cs_thread(), &c->base); }

void wft_critsec_suspend_all(wft_thread *t) {
    if (wft_cs_self == t) wft_cs_self = NULL; /* detaching: see wft_cs_self */
    uintptr_t *p = &t->critical_section;
    while (cs_active(*p)) {
        wft_critsec *c = untag(*p);
        if (c->mutex != CS_BORROWED) {
            if (c->mutex) wf_mutex_unlock(c->mutex);
            if ((*p & WFT_CS_TWO_MUTEXES) && as2(c)->mutex2) wf_mutex_unlock(as2(c)->mutex2);
        }
        *p |= WFT_CS_INACTIVE;
        p = &c->prev;
    }
}

void wft_critsec_resume(wft_thread *t) {
    if (!(t->critical_section & WFT_CS_INACTIVE)) return; /* empty or active */
    /* Re-activate the top and any borrowed sections down to the holder
     * they borrow from, then re-take the holder's locks in address order.
     * The holder's fields are cleared first and refilled lock by lock, so
     * if a lock parks (and the detach suspends us again) only what is
     * really held gets released; the nested re-attach then finds less to
     * resume and we continue from there. */
    uintptr_t *p = &t->critical_section;
    wft_critsec *c;
    for (;;) {
        *p &= ~WFT_CS_INACTIVE;
        c = untag(*p);
        if (c->mutex != CS_BORROWED) break;
        p = &c->prev;
        if (WF_UNLIKELY(*p == 0)) fatal("borrowed critical section without a holder");
    }
    bool two = (*p & WFT_CS_TWO_MUTEXES) != 0;
    wf_mutex *m1 = c->mutex;
    wf_mutex *m2 = two ? as2(c)->mutex2 : NULL;
    c->mutex = NULL;
    if (two) as2(c)->mutex2 = NULL;
    if (m1) {
        wf_mutex_lock(m1);
        c->mutex = m1;
    }
    if (m2) {
        wf_mutex_lock(m2);
        as2(c)->mutex2 = m2;
    }
}
