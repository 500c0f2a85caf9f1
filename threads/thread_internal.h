/*
 * threads/thread_internal.h — registry and stop-the-world state shared by
 * threads/thread.c and threads/stw.c only.
 */
#ifndef WEFT_THREADS_THREAD_INTERNAL_H
#define WEFT_THREADS_THREAD_INTERNAL_H

#include <pthread.h>

#include "threads/thread.h"
#include "weft/mutex.h"

#define WFT_MAX_HOOKS 16

typedef struct wft_registry {
    /* Guards head, count, the index bitmap, and every thread's next/prev.
     * Held only for short, non-blocking sections (never while parked). */
    pthread_mutex_t lock;
    wft_thread *head;  /* under lock */
    size_t count;      /* under lock */
    uint64_t *index_bits; /* under lock: bit i set = index i in use */
    size_t index_words;   /* under lock */
    /* Written before any second thread exists (wft_add_hooks); read
     * without synchronisation afterwards. */
    wft_hooks hooks[WFT_MAX_HOOKS];
    int nhooks;
} wft_registry;

typedef struct wft_stw_state {
    wf_mutex mutex;           /* serialises requesters; locked with detach */
    _Atomic int requested;    /* written under registry lock; read acquire */
    wft_thread *requester;    /* under registry lock */
    _Atomic int world_stopped; /* written by the requester */
    _Atomic uint32_t wake;    /* bumped + unparked by threads that stop */
} wft_stw_state;

extern wft_registry wft_reg;
extern wft_stw_state wft_stw;

static inline void wft_reg_lock(void) { pthread_mutex_lock(&wft_reg.lock); }
static inline void wft_reg_unlock(void) { pthread_mutex_unlock(&wft_reg.lock); }

/* stw.c: service WFT_EB_PLEASE_STOP for the calling thread. */
void wft_stw_suspend_self(wft_thread *t);
/* stw.c: state a newly linked thread must start in (under registry lock). */
int32_t wft_stw_initial_state(void);
/* stw.c: a thread left the registry (under registry lock). */
void wft_stw_thread_left(void);

#endif
