/*
 * threads/parking_lot.c — the address-keyed parking lot (see parking_lot.h).
 *
 * Owns: the bucket table, each bucket's word lock and FIFO of wait
 * entries, the interrupt registry, and the futex calls every blocking
 * primitive of the runtime ends in.
 *
 * Structure.  NBUCKETS buckets, chosen by address modulo a prime.  A
 * waiter's wait_entry lives in the waiter's C stack frame for the duration
 * of wft_park; it is linked into its bucket's doubly linked FIFO while
 * QUEUED.  Each waiter sleeps on the 32-bit `wake` word of its own entry.
 *
 * Invariants:
 *  - An entry is QUEUED exactly while it is linked in its bucket; it moves
 *    NEW -> QUEUED -> DONE or NEW -> DONE, only under the bucket lock, and
 *    whoever moves it QUEUED -> DONE (an unparker, an interrupter or the
 *    timed-out waiter itself) writes its `result` in the same critical
 *    section.  So exactly one party decides the outcome of a park.
 *  - `wake` goes 0 -> 1 exactly once, after the entry left the queue and
 *    after `result` was written (store-release); the waiter returns only
 *    after it observed wake == 1 (load-acquire) or after it dequeued itself.
 *    The entry's memory is therefore never read or written by another
 *    thread after the waiter returns — except that the FUTEX_WAKE system
 *    call that follows the store may name an address whose frame is gone.
 *    The kernel only uses that address as a key: at worst some later
 *    futex waiter at the same address sees a spurious wake-up, which every
 *    futex loop here (and in glibc) tolerates.
 *  - wft_park re-checks *addr == *expected under the bucket lock before
 *    enqueueing.  A waker changes *addr before calling wft_unpark, which
 *    takes the same bucket lock: either the waker's critical section comes
 *    first (the waiter's lock acquire then makes the new value visible and
 *    it returns WFT_PARK_AGAIN) or the waiter's does (the waker then finds
 *    it queued).  No wake-up is lost.
 *  - No bucket lock is held while a thread sleeps, detaches or re-attaches
 *    (detaching may unlock mutexes, which unparks, which takes buckets).
 *
 * Interrupts.  A registered thread that parks also links its entry into
 * the interrupt registry: REG_SLOTS slots keyed by wft_thread*, each with a
 * word lock and a list.  wft_park_interrupt locks the thread's slot, finds
 * the entry, then locks the entry's bucket; the lock order is always slot
 * lock -> bucket lock (nobody takes a slot lock while holding a bucket
 * lock).  The waiter unlinks its entry from the registry before it
 * returns, so an interrupter holding the slot lock always sees a live
 * entry.  An interrupt that arrives after registration but before
 * enqueueing sets `intr`, which the waiter checks under the bucket lock
 * before it would enqueue; an interrupt that arrives before registration is
 * not remembered (callers pair it with a flag they check before parking —
 * see wf_mutex_lock_ex and WFT_EB_SIGNALS_PENDING).
 *
 * Memory ordering: the bucket and slot locks are acquire/release word
 * locks (3-state futex mutex after Drepper, "Futexes Are Tricky"); all
 * queue fields are plain and read only under them.  The value check is a
 * relaxed atomic load under the bucket lock (the lock orders it, see
 * above).  `wake` is the one field read without a lock.
 */
#define _GNU_SOURCE
#include "threads/parking_lot.h"

#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "threads/thread.h"

#define NBUCKETS 257  /* prime: spreads adjacent object addresses */
#define REG_SLOTS 61  /* interrupt registry slots, keyed by thread */
#define WORD_LOCK_SPIN 100
/* A bucket's fairness timer runs for a random 0.5-1 ms after each time it
 * fires: random so that threads on a regular schedule cannot keep meeting
 * it at the same phase. */
#define FAIR_MIN_NS 500000
#define FAIR_SPAN_NS 500000

static void fatal(const char *msg) {
    fprintf(stderr, "weft: fatal error: %s\n", msg);
    abort();
}

/* ------------------------------------------------------------------------
 * Futex helpers.  Both tolerate every error: a wait may return early for
 * any reason (EINTR, EAGAIN when the word already changed, ETIMEDOUT, a
 * spurious wake-up) and every caller re-checks its word in a loop.
 * ------------------------------------------------------------------------ */

static void futex_wait(_Atomic uint32_t *word, uint32_t expected, int64_t rel_ns) {
    struct timespec ts, *tsp = NULL;
    if (rel_ns >= 0) {
        ts.tv_sec = (time_t)(rel_ns / 1000000000);
        ts.tv_nsec = (long)(rel_ns % 1000000000);
        tsp = &ts;
    }
    syscall(SYS_futex, (uint32_t *)word, FUTEX_WAIT_PRIVATE, expected, tsp, NULL, 0);
}

static void futex_wake(_Atomic uint32_t *word, int n) {
    syscall(SYS_futex, (uint32_t *)word, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* ------------------------------------------------------------------------
 * Word lock: 0 free, 1 locked, 2 locked and someone may sleep on it.
 * Spins briefly, then sleeps on the word.  Never detaches (it is held only
 * for a few pointer operations), so it may be used inside wft_detach.
 * ------------------------------------------------------------------------ */

typedef struct word_lock {
    _Atomic uint32_t state;
} word_lock;

static WF_NOINLINE void word_lock_slow(word_lock *l) {
    for (int i = 0; i < WORD_LOCK_SPIN; i++) {
        uint32_t s = atomic_load_explicit(&l->state, memory_order_relaxed);
        if (s == 0 && atomic_compare_exchange_weak_explicit(&l->state, &s, 1,
                                                            memory_order_acquire,
                                                            memory_order_relaxed))
            return;
        if (s == 2) break; /* others already sleep: join them */
        cpu_relax();
    }
    /* Taking it as 2 is conservative: the unlock may make one useless wake
     * call, but no sleeper is ever forgotten. */
    while (atomic_exchange_explicit(&l->state, 2, memory_order_acquire) != 0)
        futex_wait(&l->state, 2, -1);
}

static inline void word_lock_lock(word_lock *l) {
    uint32_t expected = 0;
    if (!atomic_compare_exchange_strong_explicit(&l->state, &expected, 1, memory_order_acquire,
                                                 memory_order_relaxed))
        word_lock_slow(l);
}

static inline void word_lock_unlock(word_lock *l) {
    if (atomic_exchange_explicit(&l->state, 0, memory_order_release) == 2)
        futex_wake(&l->state, 1);
}

/* ------------------------------------------------------------------------
 * Wait entries, buckets and the interrupt registry.
 * ------------------------------------------------------------------------ */

enum { ENTRY_NEW = 0, ENTRY_QUEUED = 1, ENTRY_DONE = 2 };

typedef struct wait_entry {
    const void *addr;          /* immutable */
    void *park_arg;            /* immutable; handed to the unpark callback */
    wft_thread *thread;        /* immutable; NULL for unregistered threads */
    struct wait_entry *next;   /* bucket FIFO; under the bucket lock */
    struct wait_entry *prev;   /* bucket FIFO; under the bucket lock */
    struct wait_entry *reg_next; /* registry list; under the slot lock */
    struct wait_entry *reg_prev; /* registry list; under the slot lock */
    int state;                 /* ENTRY_*; under the bucket lock */
    int intr;                  /* interrupted while NEW; under the bucket lock */
    int result;                /* wft_park_status; written by whoever moves
                                  the entry QUEUED->DONE, under the bucket
                                  lock, before wake is set */
    _Atomic uint32_t wake;     /* 0 -> 1 once, store-release by the party
                                  that dequeued the entry; the waiter
                                  sleeps on it and loads it acquire */
} wait_entry;

typedef struct bucket {
    word_lock lock;
    wait_entry *head;   /* under lock */
    wait_entry *tail;   /* under lock */
    int64_t fair_at;    /* fairness timer (see wft_unpark); under lock */
    uint32_t fair_seed; /* xorshift state for the timer; under lock */
} __attribute__((aligned(WF_CACHELINE))) bucket;

typedef struct reg_slot {
    word_lock lock;
    wait_entry *head; /* under lock */
} __attribute__((aligned(WF_CACHELINE))) reg_slot;

static bucket buckets[NBUCKETS];
static reg_slot registry[REG_SLOTS];

static inline bucket *bucket_of(const void *addr) {
    return &buckets[(uintptr_t)addr % NBUCKETS];
}

static inline reg_slot *slot_of(const wft_thread *t) {
    uintptr_t x = (uintptr_t)t;
    return &registry[(x ^ (x >> 12)) % REG_SLOTS];
}

static void enqueue(bucket *b, wait_entry *e) {
    e->next = NULL;
    e->prev = b->tail;
    if (b->tail) b->tail->next = e;
    else b->head = e;
    b->tail = e;
    e->state = ENTRY_QUEUED;
}

static void dequeue(bucket *b, wait_entry *e) {
    if (e->prev) e->prev->next = e->next;
    else b->head = e->next;
    if (e->next) e->next->prev = e->prev;
    else b->tail = e->prev;
    e->next = e->prev = NULL;
    e->state = ENTRY_DONE;
}

static void reg_insert(wait_entry *e) {
    reg_slot *s = slot_of(e->thread);
    word_lock_lock(&s->lock);
    e->reg_prev = NULL;
    e->reg_next = s->head;
    if (s->head) s->head->reg_prev = e;
    s->head = e;
    word_lock_unlock(&s->lock);
}

static void reg_remove(wait_entry *e) {
    reg_slot *s = slot_of(e->thread);
    word_lock_lock(&s->lock);
    if (e->reg_prev) e->reg_prev->reg_next = e->reg_next;
    else s->head = e->reg_next;
    if (e->reg_next) e->reg_next->reg_prev = e->reg_prev;
    word_lock_unlock(&s->lock);
}

/* *addr == *expected, read atomically (relaxed: called under the bucket
 * lock, which orders it against the waker's change; see the file comment). */
static bool value_equals(const void *addr, const void *expected, size_t size) {
    switch (size) {
    case 1:
        return atomic_load_explicit((_Atomic uint8_t *)addr, memory_order_relaxed) ==
               *(const uint8_t *)expected;
    case 2:
        return atomic_load_explicit((_Atomic uint16_t *)addr, memory_order_relaxed) ==
               *(const uint16_t *)expected;
    case 4:
        return atomic_load_explicit((_Atomic uint32_t *)addr, memory_order_relaxed) ==
               *(const uint32_t *)expected;
    case 8:
        return atomic_load_explicit((_Atomic uint64_t *)addr, memory_order_relaxed) ==
               *(const uint64_t *)expected;
    default:
        fatal("wft_park: size must be 1, 2, 4 or 8");
        return false;
    }
}

/* Mark e woken (after it was dequeued and its result written). */
static inline void wake_entry(wait_entry *e) {
    _Atomic uint32_t *w = &e->wake;
    atomic_store_explicit(w, 1, memory_order_release);
    /* e may be gone from here on; w is only a key for the kernel. */
    futex_wake(w, 1);
}

/* ------------------------------------------------------------------------
 * Park / unpark.
 * ------------------------------------------------------------------------ */

_Thread_local bool wft_park_signal_interruptible;

/* Sleep until woken or until deadline (ns, monotonic; < 0 = none).  With
 * sig_intr (the caller's wft_park_signal_interruptible), a pending signal (the eval breaker's
 * WFT_EB_SIGNALS_PENDING, set by the VM's async-signal-safe handler) ends
 * the wait with WFT_PARK_INTR: the futex wait returns EINTR when the signal
 * hits this thread, and waits are capped at 50 ms so a signal that hit
 * another thread, or arrived just before the wait began, is seen soon. */
static int wait_for_wake(bucket *b, wait_entry *e, int64_t deadline, bool sig_intr) {
    int result = WFT_PARK_TIMEOUT;
    for (;;) {
        if (atomic_load_explicit(&e->wake, memory_order_acquire)) return e->result;
        if (sig_intr && e->thread &&
            (wft_eval_breaker_get(e->thread) & WFT_EB_SIGNALS_PENDING)) {
            result = WFT_PARK_INTR;
            break;
        }
        int64_t rel = -1;
        if (deadline >= 0) {
            rel = deadline - wft_monotonic_ns();
            if (rel <= 0) break;
        }
        if (sig_intr && (rel < 0 || rel > 50000000)) rel = 50000000;
        futex_wait(&e->wake, 0, rel);
    }
    /* Timed out (or interrupted): take ourselves off the queue unless
     * somebody already did. */
    word_lock_lock(&b->lock);
    if (e->state == ENTRY_QUEUED) {
        dequeue(b, e);
        e->result = result;
        word_lock_unlock(&b->lock);
        return result;
    }
    word_lock_unlock(&b->lock);
    /* An unparker or interrupter dequeued us concurrently and decided the
     * result; consume its wake-up so it never touches a dead frame. */
    while (!atomic_load_explicit(&e->wake, memory_order_acquire)) futex_wait(&e->wake, 0, -1);
    return e->result;
}

wft_park_status wft_park(const void *addr, const void *expected, size_t size,
                         int64_t timeout_ns, void *park_arg, bool detach) {
    int64_t now = timeout_ns > 0 ? wft_monotonic_ns() : 0;
    /* Saturate: a timeout past the end of the clock means "forever". */
    int64_t deadline = timeout_ns > 0 && timeout_ns < INT64_MAX - now ? now + timeout_ns : -1;
    /* Consumed here, so parks nested in this one (re-attaching) never see it. */
    bool sig_intr = wft_park_signal_interruptible;
    wft_park_signal_interruptible = false;
    wait_entry e = {.addr = addr, .park_arg = park_arg, .thread = wft_current()};
    atomic_init(&e.wake, 0);
    if (e.thread) reg_insert(&e);

    bucket *b = bucket_of(addr);
    int status = WFT_PARK_OK;
    bool queued = false;
    word_lock_lock(&b->lock);
    if (e.intr) {
        status = WFT_PARK_INTR;
    } else if (!value_equals(addr, expected, size)) {
        status = WFT_PARK_AGAIN;
    } else if (timeout_ns == 0) {
        status = WFT_PARK_TIMEOUT;
    } else {
        enqueue(b, &e);
        queued = true;
    }
    if (!queued) e.state = ENTRY_DONE;
    word_lock_unlock(&b->lock);

    bool was_attached = false;
    if (queued) {
        if (detach && e.thread) was_attached = wft_detach_if_attached(e.thread);
        status = wait_for_wake(b, &e, deadline, sig_intr);
    }
    if (e.thread) reg_remove(&e);
    /* Re-attaching may itself park (on the state word while the world is
     * stopped), so it comes after this entry left the registry. */
    if (was_attached) wft_reattach(e.thread, true);
    return (wft_park_status)status;
}

void wft_unpark(const void *addr, wft_unpark_fn fn, void *arg) {
    bucket *b = bucket_of(addr);
    word_lock_lock(&b->lock);
    wait_entry *w = b->head;
    while (w && w->addr != addr) w = w->next;
    bool more = false;
    if (w) {
        for (wait_entry *o = w->next; o; o = o->next) {
            if (o->addr == addr) {
                more = true;
                break;
            }
        }
        dequeue(b, w);
        w->result = WFT_PARK_OK;
    }
    bool be_fair = false;
    if (w) {
        int64_t now = wft_monotonic_ns();
        if (now >= b->fair_at) {
            uint32_t x = b->fair_seed ? b->fair_seed : (uint32_t)(b - buckets) * 2654435761u + 1;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            b->fair_seed = x;
            b->fair_at = now + FAIR_MIN_NS + (int64_t)(x % FAIR_SPAN_NS);
            be_fair = true;
        }
    }
    if (fn) fn(arg, w ? w->park_arg : NULL, more, be_fair);
    word_lock_unlock(&b->lock);
    if (w) wake_entry(w);
}

void wft_unpark_all(const void *addr) {
    bucket *b = bucket_of(addr);
    wait_entry *woken = NULL, **tail = &woken;
    word_lock_lock(&b->lock);
    for (wait_entry *w = b->head; w;) {
        wait_entry *next = w->next;
        if (w->addr == addr) {
            dequeue(b, w);
            w->result = WFT_PARK_OK;
            *tail = w; /* reuse `next` for a private list */
            tail = &w->next;
        }
        w = next;
    }
    word_lock_unlock(&b->lock);
    /* Dequeued entries are private to us until their wake word is set. */
    for (wait_entry *w = woken; w;) {
        wait_entry *next = w->next;
        wake_entry(w);
        w = next;
    }
}

bool wft_park_interrupt(struct wft_thread *t) {
    if (!t) return false;
    reg_slot *s = slot_of(t);
    bool hit = false;
    word_lock_lock(&s->lock);
    wait_entry *e = s->head;
    while (e && e->thread != t) e = e->reg_next;
    if (e) {
        bucket *b = bucket_of(e->addr);
        bool dequeued = false;
        word_lock_lock(&b->lock);
        if (e->state == ENTRY_QUEUED) {
            dequeue(b, e);
            e->result = WFT_PARK_INTR;
            dequeued = hit = true;
        } else if (e->state == ENTRY_NEW && !e->intr) {
            e->intr = 1; /* seen under the bucket lock before it enqueues */
            hit = true;
        }
        word_lock_unlock(&b->lock);
        /* The entry is alive while we hold the slot lock: the waiter
         * unregisters before it returns. */
        if (dequeued) wake_entry(e);
    }
    word_lock_unlock(&s->lock);
    return hit;
}
