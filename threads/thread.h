/*
 * threads/thread.h — the thread registry, thread states, the eval-breaker
 * word and stop-the-world.
 *
 * Every OS thread that touches runtime objects is registered and owns a
 * wft_thread.  Registration hands out a small index (1..N) that becomes the
 * ob_tid of every object the thread allocates; an index is reused only after
 * its previous thread has fully exited: exit hooks ran (merge queue drained,
 * slabs orphaned, delayed frees handed over) and it left the registry.
 *
 * States (ARCHITECTURE decision 5):
 *   DETACHED   not touching runtime state; may be blocked in the kernel.
 *              Stop-the-world may move it to SUSPENDED at any time.
 *   ATTACHED   running runtime code; checks its eval breaker periodically.
 *   SUSPENDED  stopped by stop-the-world; attaching waits until the world
 *              restarts.
 * Rule: anything that may block detaches first (mutex parking, sleeps, I/O,
 * joins), so stop-the-world, QSBR and the GIL never wait on a sleeper.
 *
 * Transitions: the owner moves DETACHED->ATTACHED (CAS) and
 * ATTACHED->DETACHED/SUSPENDED (store-release); the stop-the-world
 * requester moves DETACHED->SUSPENDED (CAS) and SUSPENDED->DETACHED (store),
 * then unparks waiters on the state word.
 */
#ifndef WEFT_THREADS_THREAD_H
#define WEFT_THREADS_THREAD_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "weft/config.h"

typedef struct wft_thread wft_thread;

typedef enum wft_state {
    WFT_DETACHED = 0,
    WFT_ATTACHED = 1,
    WFT_SUSPENDED = 2,
} wft_state;

/* Eval-breaker bits.  Any thread sets them with atomic fetch_or; the owner
 * clears them (fetch_and) when it services them. */
#define WFT_EB_GIL_DROP_REQUEST (1u << 0) /* a GIL waiter timed out */
#define WFT_EB_SIGNALS_PENDING (1u << 1)  /* serviced by the VM */
#define WFT_EB_ASYNC_EXC (1u << 2)        /* serviced by the VM */
#define WFT_EB_PLEASE_STOP (1u << 3)      /* stop-the-world requested */
#define WFT_EB_EXPLICIT_MERGE (1u << 4)   /* refcount merge queue non-empty */
#define WFT_EB_SMR_WORK (1u << 5)         /* delayed frees to process */
#define WFT_EB_GC_SCHEDULED (1u << 6)     /* serviced by the collector */
#define WFT_EB_PERTHREAD (1u << 7)        /* per-thread count requests pending */
/* Bits wft_handle_eval_breaker services itself; the rest it returns. */
#define WFT_EB_RUNTIME_BITS                                                     \
    (WFT_EB_GIL_DROP_REQUEST | WFT_EB_PLEASE_STOP | WFT_EB_EXPLICIT_MERGE |     \
     WFT_EB_SMR_WORK)

/* Per-thread storage slots owned by upper layers (threads/ knows nothing of
 * what they hold).  Written only by the owner, or by the registry while the
 * thread is being created or destroyed. */
enum { WFT_EXT_MEM = 0, WFT_EXT_BRC = 1, WFT_EXT_VM = 2, WFT_EXT_PTC = 3, WFT_EXT_COUNT = 4 };

struct wft_smr_thread;

struct wft_thread {
    uint32_t index;            /* immutable while registered; never 0 */
    _Atomic int32_t state;     /* wft_state; see transitions above */
    _Atomic uintptr_t eval_breaker; /* WFT_EB_* bits; see above */
    uintptr_t critical_section; /* owner-only: tagged top of the critical-
                                   section stack (threads/critsec.c) */
    struct wft_smr_thread *smr; /* SMR record (threads/qsbr.c); owner-only
                                   pointer, the record's fields say more */
    void *ext[WFT_EXT_COUNT];  /* upper-layer per-thread state */
    int holds_gil;             /* owner-only: this thread holds the GIL */
    pid_t native_id;           /* immutable */
    pthread_t pthread;         /* immutable */
    wft_thread *next;          /* registry list; under the registry lock */
    wft_thread *prev;          /* registry list; under the registry lock */
};

/* Hooks through which upper layers keep per-thread state and service the
 * eval breaker without threads/ including them.  Registered once at start-
 * up (before any second thread exists); init hooks run in registration
 * order, exit hooks in reverse.  init runs while the thread is DETACHED;
 * exit runs while it is still ATTACHED and registered. */
typedef struct wft_hooks {
    void (*thread_init)(wft_thread *t);
    void (*thread_exit)(wft_thread *t);
    void (*explicit_merge)(wft_thread *t); /* WFT_EB_EXPLICIT_MERGE */
    void (*world_stopped)(void);           /* inside every stop-the-world */
} wft_hooks;
void wft_add_hooks(const wft_hooks *hooks);

/* Runtime-wide set-up and tear-down of the registry.  wft_runtime_fini
 * requires that no thread is registered any more. */
void wft_runtime_init(void);
void wft_runtime_fini(void);

/* Register the calling OS thread: returns it DETACHED with its index set
 * in wft_tls_index.  Aborts if the calling thread is already registered. */
wft_thread *wft_thread_new(void);
/* Unregister the calling thread (which must be t and ATTACHED): runs exit
 * hooks, detaches, leaves the registry, frees the index.  */
void wft_thread_delete(wft_thread *t);

/* The calling thread's wft_thread, or NULL if it is not registered. */
wft_thread *wft_current(void);
uint32_t wft_current_index(void);

void wft_attach(wft_thread *t);
void wft_detach(wft_thread *t);
/* Detach if attached; returns whether it did (pass to wft_reattach). */
bool wft_detach_if_attached(wft_thread *t);
void wft_reattach(wft_thread *t, bool was_attached);

static inline int32_t wft_state_of(wft_thread *t) {
    return atomic_load_explicit(&t->state, memory_order_acquire);
}

static inline void wft_eval_breaker_set(wft_thread *t, uintptr_t bits) {
    atomic_fetch_or_explicit(&t->eval_breaker, bits, memory_order_release);
}
static inline void wft_eval_breaker_clear(wft_thread *t, uintptr_t bits) {
    atomic_fetch_and_explicit(&t->eval_breaker, ~bits, memory_order_relaxed);
}
static inline uintptr_t wft_eval_breaker_get(wft_thread *t) {
    return atomic_load_explicit(&t->eval_breaker, memory_order_relaxed);
}

/* Service the runtime bits (stop-the-world, merge queue, delayed frees,
 * GIL drop request) and return the bits left for the VM.  t must be the
 * calling, attached thread. */
uintptr_t wft_handle_eval_breaker(wft_thread *t);

/* The periodic safe point: a quiescent-state report plus a breaker check.
 * What the VM runs on backward jumps and calls, and long C loops run too. */
uintptr_t wft_safepoint(wft_thread *t);

/* Stop every other registered thread (ATTACHED ones at their next safe
 * point, DETACHED ones at once) and return with the world stopped; the
 * caller keeps running.  Requests are serialised.  The caller must be
 * registered and attached.  Until wft_start_the_world the caller must not
 * acquire a wf_mutex that other threads lock with detach (object locks,
 * critical sections): a stopped thread may own one (a hand-off to a parked
 * waiter makes it the owner before it can re-attach). */
void wft_stop_the_world(void);
void wft_start_the_world(void);
/* True while a stop-the-world requested by the calling thread is active. */
bool wft_world_is_stopped(void);

/* Registry access for the memory and refcount layers. */
typedef void (*wft_thread_visit_fn)(wft_thread *t, void *arg);
/* Visit every registered thread under the registry lock (cheap callbacks
 * only: they must not block, allocate objects or take the registry lock). */
void wft_foreach_thread(wft_thread_visit_fn fn, void *arg);
size_t wft_thread_count(void);

/* Monotonic clock in nanoseconds. */
int64_t wft_monotonic_ns(void);

#endif /* WEFT_THREADS_THREAD_H */
