/*
 * runtime/modules/_thread.c — the `_thread` module: OS threads running
 * Python callables, the lock and re-entrant lock types, and thread-local
 * storage (`_thread._local`, behind threading.local).
 *
 * Threads.  start_new_thread creates a pthread (stack: stack_size() or
 * WFMOD_THREAD_DEFAULT_STACK) that registers itself with the runtime
 * (wf_thread_enter: registered + attached, taking the GIL when enabled),
 * calls the function, reports an uncaught exception other than SystemExit
 * as CPython's unraisable hook does, releases its sentinel locks
 * (_set_sentinel, used by threading's join) and unregisters.  `running`
 * counts such threads (atomic; _count()).
 *
 * Locks.  `_thread.lock` is a wf_mutex (weft/mutex.h): any thread may
 * release it.  Blocking acquires park with WF_LOCK_DETACH (stop-the-world,
 * QSBR and the GIL never wait on a parked thread) and WF_LOCK_HANDLE_SIGNALS
 * (a pending signal wakes the waiter, which runs the handlers and resumes
 * waiting unless one raised).  `_thread.RLock` adds an owner (the owning
 * thread's get_ident value, atomic: read by any thread, written by the
 * owner while it holds the mutex) and a count (owner only).
 *
 * Thread-local storage.  Each thread keeps a private table mapping a
 * _local object's serial number (unique for the process, never reused) to
 * that thread's attribute dict.  Reads consult only the reading thread's
 * table: no lock, no write to shared memory.  Bookkeeping that crosses
 * threads goes under `locals_mu`: the list of tables a _local has entries
 * in (so its death can be announced) and each table's inbox of dead
 * serials (drained by the owning thread on its next _local access or at
 * exit).  Lock order: locals_mu is a leaf (nothing is called under it
 * that could take another lock or run Python code).
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "runtime/memory/perthread.h"
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"
#include "weft/mutex.h"
#include "weft/weakref.h"
#include "weft/weft.h"

#define WFMOD_THREAD_DEFAULT_STACK ((size_t)16 << 20)
#define WFMOD_TIMEOUT_MAX_S 9223372036.0 /* as CPython: LLONG_MAX ns, in seconds */

static _Atomic size_t thread_stack_size; /* 0 = default; any thread, relaxed */
static _Atomic long running_threads;     /* threads started here and not finished */

static unsigned long current_ident(void) { return (unsigned long)pthread_self(); }

/* ---------------------------------------------------------------------------
 * Timed acquisition shared by lock and RLock.
 * 1 acquired, 0 timed out, -1 error (a signal handler raised).
 * ------------------------------------------------------------------------- */
static int acquire_timed(wf_mutex *m, int64_t timeout_ns) {
    if (wf_mutex_trylock(m)) return 1;
    /* lock_ex with 0 takes a free mutex whose waiter bits are set, which
     * the all-clear trylock above refuses. */
    if (timeout_ns == 0) return wf_mutex_lock_ex(m, 0, WF_LOCK_DEFAULT) == WF_LOCK_ACQUIRED;
    int64_t deadline = timeout_ns > 0 ? wft_monotonic_ns() + timeout_ns : -1;
    int64_t remaining = timeout_ns;
    for (;;) {
        wf_lock_status st =
            wf_mutex_lock_ex(m, remaining, WF_LOCK_DETACH | WF_LOCK_HANDLE_SIGNALS);
        if (st == WF_LOCK_ACQUIRED) return 1;
        if (st == WF_LOCK_TIMEOUT) return 0;
        if (wfv_handle_signals() < 0) return -1;
        if (deadline >= 0) {
            remaining = deadline - wft_monotonic_ns();
            if (remaining <= 0) return wf_mutex_lock_ex(m, 0, WF_LOCK_DEFAULT) == WF_LOCK_ACQUIRED;
        }
    }
}

/* acquire(blocking=True, timeout=-1) argument parsing, CPython's rules. */
static int parse_acquire(wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                         int64_t *timeout_ns) {
    wf_object *blocking_o = NULL, *timeout_o = NULL;
    if (nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "acquire() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    if (nargs > 0) blocking_o = args[0];
    if (nargs > 1) timeout_o = args[1];
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (wf_ssize_t i = 0; i < nkw; i++) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, i);
        wf_object *v = args[nargs + i];
        if (wf_str_eq_cstr(k, "blocking") && !blocking_o) {
            blocking_o = v;
        } else if (wf_str_eq_cstr(k, "timeout") && !timeout_o) {
            timeout_o = v;
        } else if (wf_str_eq_cstr(k, "blocking") || wf_str_eq_cstr(k, "timeout")) {
            wf_err_format(&wf_exc_TypeError,
                          "argument for acquire() given by name ('%U') and position", k);
            return -1;
        } else {
            wf_err_format(&wf_exc_TypeError,
                          "'%U' is an invalid keyword argument for acquire()", k);
            return -1;
        }
    }
    int blocking = 1;
    if (blocking_o) {
        blocking = wf_object_is_true(blocking_o);
        if (blocking < 0) return -1;
    }
    double timeout = -1.0;
    if (timeout_o) {
        timeout = wf_float_as_double(timeout_o);
        if (timeout == -1.0 && wf_err_occurred()) return -1;
    }
    if (!blocking && timeout != -1.0) {
        wf_err_set_string(&wf_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1.0) {
        wf_err_set_string(&wf_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        *timeout_ns = 0;
    } else if (timeout == -1.0) {
        *timeout_ns = -1;
    } else {
        if (isnan(timeout)) {
            wf_err_set_string(&wf_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        if (timeout > WFMOD_TIMEOUT_MAX_S) {
            wf_err_set_string(&wf_exc_OverflowError,
                              timeout > 9.3e18 ? "timestamp out of range for platform time_t"
                                               : "timeout value is too large");
            return -1;
        }
        *timeout_ns = (int64_t)(timeout * 1e9);
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * _thread.lock
 * ------------------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_mutex mu; /* the lock itself; any thread, atomically (weft/mutex.h) */
} lockobject;

static wf_type lock_type;

static wf_object *lock_new_raw(void) {
    lockobject *l = (lockobject *)wfo_alloc(&lock_type, sizeof(lockobject));
    return (wf_object *)l;
}

static wf_object *lock_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    if ((args && WF_TUPLE_SIZE(args) > 0) || (kwargs && wf_dict_size(kwargs) > 0)) {
        wf_err_set_string(&wf_exc_TypeError, "lock() takes no arguments");
        return NULL;
    }
    return lock_new_raw();
}

static wf_object *lock_acquire(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    int64_t timeout_ns;
    if (parse_acquire(args, nargs, kwnames, &timeout_ns) < 0) return NULL;
    int r = acquire_timed(&((lockobject *)self)->mu, timeout_ns);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static wf_object *lock_enter(wf_object *self, wf_object *unused) {
    (void)unused;
    int r = acquire_timed(&((lockobject *)self)->mu, -1);
    if (r < 0) return NULL;
    return wf_newref(wf_True);
}

static wf_object *lock_release(wf_object *self, wf_object *unused) {
    (void)unused;
    lockobject *l = (lockobject *)self;
    if (!wf_mutex_is_locked(&l->mu)) {
        wf_err_set_string(&wf_exc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    wf_mutex_unlock(&l->mu);
    WF_RETURN_NONE;
}

static wf_object *lock_exit(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)args;
    (void)nargs;
    return lock_release(self, NULL);
}

static wf_object *lock_locked(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_bool_from(wf_mutex_is_locked(&((lockobject *)self)->mu));
}

static wf_object *lock_at_fork_reinit(wf_object *self, wf_object *unused) {
    (void)unused;
    atomic_store(&((lockobject *)self)->mu.bits, 0);
    WF_RETURN_NONE;
}

static wf_object *lock_repr(wf_object *self) {
    return wf_str_from_format("<%s %s object at %p>",
                              wf_mutex_is_locked(&((lockobject *)self)->mu) ? "locked" : "unlocked",
                              WF_TYPE(self)->tp_name, (void *)self);
}

static void lock_dealloc(wf_object *self) { wfo_free_instance(self); }

static wf_method_def lock_methods[] = {
    {"acquire", (void *)lock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"acquire_lock", (void *)lock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"release", (void *)lock_release, WF_METH_NOARGS, NULL},
    {"release_lock", (void *)lock_release, WF_METH_NOARGS, NULL},
    {"locked", (void *)lock_locked, WF_METH_NOARGS, NULL},
    {"locked_lock", (void *)lock_locked, WF_METH_NOARGS, NULL},
    {"__enter__", (void *)lock_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)lock_exit, WF_METH_FASTCALL, NULL},
    {"_at_fork_reinit", (void *)lock_at_fork_reinit, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_type lock_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(lockobject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_methods = lock_methods,
    .tp_new = lock_tp_new,
};

/* ---------------------------------------------------------------------------
 * _thread.RLock
 * ------------------------------------------------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_mutex mu;
    _Atomic unsigned long owner; /* 0 = none; written by the holder, read by anyone */
    _Atomic unsigned long count; /* written by the holder; read relaxed by anyone (repr) */
} rlockobject;

static wf_type rlock_type;

static wf_object *rlock_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)args;
    (void)kwargs;
    return wf_type_generic_alloc(type, 0);
}

static unsigned long rl_count(rlockobject *r) {
    return atomic_load_explicit(&r->count, memory_order_relaxed);
}
static void rl_set_count(rlockobject *r, unsigned long n) {
    atomic_store_explicit(&r->count, n, memory_order_relaxed);
}

/* Only the holder ever stores its own ident in owner, so owner == me
 * means the calling thread holds the lock (and may use count). */
static int rlock_is_mine(rlockobject *r) {
    return atomic_load_explicit(&r->owner, memory_order_relaxed) == current_ident() &&
           rl_count(r) > 0;
}

static int rlock_acquire_ns(rlockobject *r, int64_t timeout_ns) {
    if (rlock_is_mine(r)) {
        if (rl_count(r) == (unsigned long)-1) {
            wf_err_set_string(&wf_exc_OverflowError, "Internal lock count overflowed");
            return -1;
        }
        rl_set_count(r, rl_count(r) + 1);
        return 1;
    }
    int got = acquire_timed(&r->mu, timeout_ns);
    if (got <= 0) return got;
    atomic_store_explicit(&r->owner, current_ident(), memory_order_relaxed);
    rl_set_count(r, 1);
    return 1;
}

static wf_object *rlock_acquire(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                wf_object *kwnames) {
    int64_t timeout_ns;
    if (parse_acquire(args, nargs, kwnames, &timeout_ns) < 0) return NULL;
    int r = rlock_acquire_ns((rlockobject *)self, timeout_ns);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static wf_object *rlock_enter(wf_object *self, wf_object *unused) {
    (void)unused;
    int r = rlock_acquire_ns((rlockobject *)self, -1);
    if (r < 0) return NULL;
    return wf_newref(wf_True);
}

static wf_object *rlock_release(wf_object *self, wf_object *unused) {
    (void)unused;
    rlockobject *r = (rlockobject *)self;
    if (!rlock_is_mine(r)) {
        wf_err_set_string(&wf_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    unsigned long n = rl_count(r) - 1;
    rl_set_count(r, n);
    if (n == 0) {
        atomic_store_explicit(&r->owner, 0, memory_order_relaxed);
        wf_mutex_unlock(&r->mu);
    }
    WF_RETURN_NONE;
}

static wf_object *rlock_exit(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)args;
    (void)nargs;
    return rlock_release(self, NULL);
}

static wf_object *rlock_is_owned(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_bool_from(rlock_is_mine((rlockobject *)self));
}

/* Condition.wait support: release completely, returning (count, owner). */
static wf_object *rlock_release_save(wf_object *self, wf_object *unused) {
    (void)unused;
    rlockobject *r = (rlockobject *)self;
    if (!rlock_is_mine(r)) {
        wf_err_set_string(&wf_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    wf_object *count = wf_int_from_u64(rl_count(r));
    wf_object *owner = wf_int_from_u64(atomic_load_explicit(&r->owner, memory_order_relaxed));
    wf_object *res = (count && owner) ? wf_tuple_pack(2, count, owner) : NULL;
    wf_xdecref(count);
    wf_xdecref(owner);
    if (!res) return NULL;
    rl_set_count(r, 0);
    atomic_store_explicit(&r->owner, 0, memory_order_relaxed);
    wf_mutex_unlock(&r->mu);
    return res;
}

static wf_object *rlock_acquire_restore(wf_object *self, wf_object *state) {
    rlockobject *r = (rlockobject *)self;
    if (!WF_TUPLE_CHECK(state) || WF_TUPLE_SIZE(state) != 2) {
        wf_err_set_string(&wf_exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
        return NULL;
    }
    wf_ssize_t count = wf_int_as_ssize(WF_TUPLE_ITEM(state, 0));
    if (count == -1 && wf_err_occurred()) return NULL;
    int64_t owner = wf_int_as_i64_overflow(WF_TUPLE_ITEM(state, 1), &(int){0});
    if (acquire_timed(&r->mu, -1) < 0) return NULL;
    atomic_store_explicit(&r->owner, (unsigned long)owner, memory_order_relaxed);
    rl_set_count(r, (unsigned long)count);
    WF_RETURN_NONE;
}

static wf_object *rlock_repr(wf_object *self) {
    rlockobject *r = (rlockobject *)self;
    unsigned long owner = atomic_load_explicit(&r->owner, memory_order_relaxed);
    int locked = wf_mutex_is_locked(&r->mu);
    return wf_str_from_format("<%s %s object owner=%lu count=%lu at %p>",
                              locked ? "locked" : "unlocked", WF_TYPE(self)->tp_name,
                              locked ? owner : 0ul, locked ? rl_count(r) : 0ul, (void *)self);
}

static wf_method_def rlock_methods[] = {
    {"acquire", (void *)rlock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"release", (void *)rlock_release, WF_METH_NOARGS, NULL},
    {"__enter__", (void *)rlock_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)rlock_exit, WF_METH_FASTCALL, NULL},
    {"_is_owned", (void *)rlock_is_owned, WF_METH_NOARGS, NULL},
    {"_release_save", (void *)rlock_release_save, WF_METH_NOARGS, NULL},
    {"_acquire_restore", (void *)rlock_acquire_restore, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_type rlock_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(rlockobject),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = wfo_free_instance,
    .tp_repr = rlock_repr,
    .tp_methods = rlock_methods,
    .tp_new = rlock_tp_new,
};

/* ---------------------------------------------------------------------------
 * Thread-local storage: _thread._local
 * ------------------------------------------------------------------------- */
struct local_table;

typedef struct {
    wf_object ob_base;
    uint64_t serial;            /* immutable, unique, never reused */
    wf_object *args, *kwargs;   /* for re-running __init__ in each thread; immutable */
    struct local_table **tables; /* tables holding an entry for us; under locals_mu */
    size_t ntables, captables;
    wf_object *_Atomic weakreflist; /* weakref: list head (weft/weakref.h) */
} localobject;

typedef struct local_entry {
    uint64_t serial; /* 0 = free slot */
    wf_object *dict; /* strong */
    localobject *local; /* borrowed: valid while the serial is not in the inbox */
} local_entry;

typedef struct local_table {
    local_entry *entries; /* open addressing; owner only */
    size_t mask, used;
    uint64_t *inbox;      /* dead serials; under locals_mu */
    size_t ninbox, capinbox;
    _Atomic int inbox_nonempty; /* set under locals_mu; owner reads relaxed */
} local_table;

static wf_mutex locals_mu = WF_MUTEX_INIT;
static _Atomic uint64_t next_local_serial = 1;
static _Thread_local local_table *my_locals;
static wf_type local_type;

static size_t serial_hash(uint64_t s) { return (size_t)(s * 0x9E3779B97F4A7C15ull >> 17); }

static local_entry *table_find(local_table *t, uint64_t serial) {
    if (!t->entries) return NULL;
    for (size_t i = serial_hash(serial) & t->mask;; i = (i + 1) & t->mask) {
        local_entry *e = &t->entries[i];
        if (e->serial == serial) return e;
        if (e->serial == 0) return NULL;
    }
}

static int table_insert(local_table *t, uint64_t serial, wf_object *dict, localobject *local) {
    if (!t->entries || (t->used + 1) * 2 > t->mask + 1) {
        size_t n = t->entries ? (t->mask + 1) * 2 : 8;
        local_entry *ne = calloc(n, sizeof *ne);
        if (!ne) return -1;
        for (size_t i = 0; t->entries && i <= t->mask; i++) {
            local_entry *e = &t->entries[i];
            if (!e->serial) continue;
            size_t j = serial_hash(e->serial) & (n - 1);
            while (ne[j].serial) j = (j + 1) & (n - 1);
            ne[j] = *e;
        }
        free(t->entries);
        t->entries = ne;
        t->mask = n - 1;
    }
    size_t j = serial_hash(serial) & t->mask;
    while (t->entries[j].serial) j = (j + 1) & t->mask;
    t->entries[j] = (local_entry){serial, dict, local};
    t->used++;
    return 0;
}

/* Remove serial's entry (backward-shift deletion); returns its dict. */
static wf_object *table_remove(local_table *t, uint64_t serial) {
    if (!t->entries) return NULL;
    size_t i = serial_hash(serial) & t->mask;
    while (t->entries[i].serial != serial) {
        if (!t->entries[i].serial) return NULL;
        i = (i + 1) & t->mask;
    }
    wf_object *dict = t->entries[i].dict;
    t->entries[i] = (local_entry){0, NULL, NULL};
    t->used--;
    for (size_t j = (i + 1) & t->mask; t->entries[j].serial; j = (j + 1) & t->mask) {
        size_t home = serial_hash(t->entries[j].serial) & t->mask;
        /* Move entry j to the hole i if i lies cyclically in [home, j). */
        if (((j - home) & t->mask) >= ((j - i) & t->mask)) {
            t->entries[i] = t->entries[j];
            t->entries[j] = (local_entry){0, NULL, NULL};
            i = j;
        }
    }
    return dict;
}

/* Owner: drop the entries of _local objects that died. */
static void table_drain_inbox(local_table *t) {
    uint64_t *dead = NULL;
    size_t ndead = 0;
    wf_mutex_lock(&locals_mu);
    if (t->ninbox) {
        dead = t->inbox;
        ndead = t->ninbox;
        t->inbox = NULL;
        t->ninbox = t->capinbox = 0;
    }
    atomic_store_explicit(&t->inbox_nonempty, 0, memory_order_relaxed);
    wf_mutex_unlock(&locals_mu);
    for (size_t i = 0; i < ndead; i++) {
        wf_object *d = table_remove(t, dead[i]);
        if (d) wf_decref(d);
    }
    free(dead);
}

static void local_thread_exit(wft_thread *th) {
    (void)th;
    local_table *t = my_locals;
    if (!t) return;
    my_locals = NULL;
    table_drain_inbox(t);
    /* Unlink this table from every live _local that has an entry here. */
    wf_mutex_lock(&locals_mu);
    for (size_t i = 0; t->entries && i <= t->mask; i++) {
        local_entry *e = &t->entries[i];
        if (!e->serial) continue;
        /* A serial not in the inbox (drained above, and any new death
         * would be in the inbox under this lock) belongs to a live local. */
        int dead = 0;
        for (size_t k = 0; k < t->ninbox; k++)
            if (t->inbox[k] == e->serial) dead = 1;
        if (dead) continue;
        localobject *lo = e->local;
        for (size_t k = 0; k < lo->ntables; k++) {
            if (lo->tables[k] == t) {
                lo->tables[k] = lo->tables[--lo->ntables];
                break;
            }
        }
    }
    wf_mutex_unlock(&locals_mu);
    for (size_t i = 0; t->entries && i <= t->mask; i++)
        if (t->entries[i].serial) wf_decref(t->entries[i].dict);
    free(t->entries);
    free(t->inbox);
    free(t);
}

/* The thread-exit hook that frees a thread's table is added when the
 * module is first initialised: wft_add_hooks writes the hook table that
 * every thread reads without a lock, so it must run before a second
 * thread can exist, and only this module starts threads.  Written once,
 * by that first initialisation. */
static int local_hooks_installed;

/* The calling thread's dict for self (borrowed; owned by the thread's
 * table), creating it (and running __init__ again) on first use. */
static wf_object *local_dict(localobject *self) {
    local_table *t = my_locals;
    if (t) {
        if (atomic_load_explicit(&t->inbox_nonempty, memory_order_relaxed)) table_drain_inbox(t);
        local_entry *e = table_find(t, self->serial);
        if (e) return e->dict;
    } else {
        t = calloc(1, sizeof *t);
        if (!t) return wf_err_no_memory();
        my_locals = t;
    }
    wf_object *dict = wf_dict_new();
    if (!dict) return NULL;
    if (table_insert(t, self->serial, dict, self) < 0) {
        wf_decref(dict);
        return wf_err_no_memory();
    }
    wf_mutex_lock(&locals_mu);
    if (self->ntables == self->captables) {
        size_t n = self->captables ? self->captables * 2 : 4;
        struct local_table **nt = realloc(self->tables, n * sizeof *nt);
        if (!nt) {
            wf_mutex_unlock(&locals_mu);
            wf_decref(table_remove(t, self->serial));
            return wf_err_no_memory();
        }
        self->tables = nt;
        self->captables = n;
    }
    self->tables[self->ntables++] = t;
    wf_mutex_unlock(&locals_mu);
    /* A subclass's __init__ runs again in every new thread with the
     * constructor's arguments. */
    wf_type *tp = WF_TYPE(self);
    if (tp != &local_type) {
        /* init: a new reference, only compared (the borrowed lookup
         * touches the value, which a concurrent rebinding may be freeing).
         * object's own may be borrowed: a static type's dict never changes. */
        wf_object *init = wfo_type_lookup_ref(tp, WFO_ID(__init__));
        wf_object *base_init = wf_type_lookup(&wf_object_type, WFO_ID(__init__));
        int custom = init && init != base_init;
        wf_xdecref(init);
        if (custom && self->args) {
            wf_object *meth = wf_object_getattr((wf_object *)self, WFO_ID(__init__));
            if (!meth) return NULL;
            wf_object *r = wf_object_call(meth, self->args, self->kwargs);
            wf_decref(meth);
            if (!r) return NULL;
            wf_decref(r);
        }
    }
    return dict;
}

static wf_object *local_tp_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    int has_args = (args && WF_TUPLE_SIZE(args) > 0) || (kwargs && wf_dict_size(kwargs) > 0);
    if (has_args) {
        /* As in local_dict. */
        wf_object *init = wfo_type_lookup_ref(type, WFO_ID(__init__));
        wf_object *base_init = wf_type_lookup(&wf_object_type, WFO_ID(__init__));
        int plain = init == base_init;
        wf_xdecref(init);
        if (type == &local_type || plain) {
            wf_err_set_string(&wf_exc_TypeError, "Initialization arguments are not supported");
            return NULL;
        }
    }
    localobject *self = (localobject *)wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    self->serial = atomic_fetch_add(&next_local_serial, 1);
    self->args = args ? wf_newref(args) : wf_tuple_new(0);
    self->kwargs = kwargs ? wf_newref(kwargs) : NULL;
    /* The creating thread's dict exists from the start (its __init__ is
     * run by type.__call__, not by local_dict). */
    local_table *t = my_locals;
    if (!t) {
        t = calloc(1, sizeof *t);
        if (!t) {
            wf_decref((wf_object *)self);
            return wf_err_no_memory();
        }
        my_locals = t;
    }
    wf_object *dict = wf_dict_new();
    if (!dict || table_insert(t, self->serial, dict, self) < 0) {
        wf_xdecref(dict);
        wf_decref((wf_object *)self);
        return dict ? wf_err_no_memory() : NULL;
    }
    wf_mutex_lock(&locals_mu);
    self->tables = malloc(4 * sizeof *self->tables);
    if (self->tables) {
        self->captables = 4;
        self->tables[self->ntables++] = t;
    }
    wf_mutex_unlock(&locals_mu);
    if (!self->tables) {
        wf_decref(table_remove(t, self->serial));
        wf_decref((wf_object *)self);
        return wf_err_no_memory();
    }
    /* Every thread reads it: per-thread counts, so `tls.x` writes no
     * shared memory at all (weft/object.h). */
    wf_perthread_enable((wf_object *)self);
    return (wf_object *)self;
}

static void local_dealloc(wf_object *op) {
    localobject *self = (localobject *)op;
    wf_weakref_on_dealloc(op);
    /* Announce the death to every thread holding a dict for us; our own
     * entry is dropped right away. */
    local_table *mine = my_locals;
    wf_object *own = NULL;
    wf_mutex_lock(&locals_mu);
    for (size_t i = 0; i < self->ntables; i++) {
        local_table *t = self->tables[i];
        if (t == mine) continue;
        if (t->ninbox == t->capinbox) {
            size_t n = t->capinbox ? t->capinbox * 2 : 8;
            uint64_t *ni = realloc(t->inbox, n * sizeof *ni);
            if (!ni) continue; /* the entry then lives until that thread exits */
            t->inbox = ni;
            t->capinbox = n;
        }
        t->inbox[t->ninbox++] = self->serial;
        atomic_store_explicit(&t->inbox_nonempty, 1, memory_order_relaxed);
    }
    wf_mutex_unlock(&locals_mu);
    if (mine) own = table_remove(mine, self->serial);
    free(self->tables);
    WF_CLEAR(self->args);
    WF_CLEAR(self->kwargs);
    if (own) wf_decref(own);
    wfo_free_instance(op);
}

/* gc (world stopped, so no table changes under us): the constructor's
 * arguments and each thread's dict for this local.  A dict is owned by its
 * thread's table but lives only as long as the local (dropped when the
 * local dies or the thread exits), so it is visited as the local's: a cycle
 * through an attribute of a thread-local is collected.  A dict whose table
 * is not yet in self->tables (local_dict between the two steps) is not
 * visited, which only keeps it alive one more collection. */
static int local_traverse(wf_object *op, wf_visitproc visit, void *arg) {
    localobject *self = (localobject *)op;
    if (self->args && visit(self->args, arg)) return -1;
    if (self->kwargs && visit(self->kwargs, arg)) return -1;
    for (size_t k = 0; k < self->ntables; k++) {
        local_entry *e = table_find(self->tables[k], self->serial);
        if (e && e->dict && visit(e->dict, arg)) return -1;
    }
    return 0;
}

static wf_object *local_getattro(wf_object *op, wf_object *name) {
    wf_object *dict = local_dict((localobject *)op);
    if (!dict) return NULL;
    if (WF_STR_CHECK(name) && wf_str_eq_cstr(name, "__dict__")) return wf_newref(dict);
    wf_type *tp = WF_TYPE(op);
    wf_object *descr = wfo_type_lookup_ref(tp, name); /* new reference (typecache.h) */
    if (descr) {
        wf_descrgetfunc get = WF_TYPE(descr)->tp_descr_get;
        if (get && WF_TYPE(descr)->tp_descr_set) {
            wf_object *r = get(descr, op, (wf_object *)tp);
            wf_decref(descr);
            return r;
        }
    }
    wf_object *v = NULL;
    int found = wf_dict_get_item_ref(dict, name, &v);
    if (found != 0) {
        wf_xdecref(descr);
        return found > 0 ? v : NULL;
    }
    if (descr) {
        wf_descrgetfunc get = WF_TYPE(descr)->tp_descr_get;
        if (get) {
            wf_object *r = get(descr, op, (wf_object *)tp);
            wf_decref(descr);
            return r;
        }
        return descr;
    }
    /* A subclass may define __getattr__. */
    if (tp != &local_type) {
        wf_object *ga = wfo_type_lookup_ref(tp, WFO_ID(__getattr__));
        if (ga) {
            wf_object *argv[2] = {op, name};
            wf_object *r = wf_object_vectorcall(ga, argv, 2, NULL);
            wf_decref(ga);
            return r;
        }
    }
    return wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '%U'",
                         tp->tp_name, name);
}

static int local_setattro(wf_object *op, wf_object *name, wf_object *value) {
    wf_object *dict = local_dict((localobject *)op);
    if (!dict) return -1;
    if (WF_STR_CHECK(name) && wf_str_eq_cstr(name, "__dict__")) {
        wf_err_format(&wf_exc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                      WF_TYPE(op)->tp_name);
        return -1;
    }
    wf_object *descr = wfo_type_lookup_ref(WF_TYPE(op), name); /* new reference */
    if (descr) {
        wf_descrsetfunc set = WF_TYPE(descr)->tp_descr_set;
        if (set) {
            int r = set(descr, op, value);
            wf_decref(descr);
            return r;
        }
        wf_decref(descr);
    }
    if (value) return wf_dict_set_item(dict, name, value);
    int r = wf_dict_del_item(dict, name);
    if (r < 0 && wf_err_matches((wf_object *)&wf_exc_KeyError)) {
        wf_err_clear();
        wf_err_format(&wf_exc_AttributeError, "'%s' object has no attribute '%U'",
                      WF_TYPE(op)->tp_name, name);
    }
    return r;
}

static wf_type local_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(localobject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = local_dealloc,
    .tp_traverse = local_traverse,
    .tp_weaklistoffset = offsetof(localobject, weakreflist),
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_new = local_tp_new,
    .tp_doc = "Thread-local data",
};

/* ---------------------------------------------------------------------------
 * Starting threads
 * ------------------------------------------------------------------------- */
typedef struct boot {
    wf_object *func, *args, *kwargs; /* strong; created by the starter */
} boot;

/* Sentinel locks of the calling thread (_set_sentinel), released when it
 * finishes.  Owner only. */
static _Thread_local wf_object **my_sentinels;
static _Thread_local size_t my_nsentinels;

static void report_thread_exception(wf_object *func) {
    wf_object *exc = wf_err_fetch();
    if (!exc) return;
    if (wf_type_is_subtype(WF_TYPE(exc), &wf_exc_SystemExit)) {
        wf_decref(exc);
        return;
    }
    /* sys.unraisablehook: "Exception ignored in thread started by: <func>" */
    fflush(stdout);
    wf_err_restore(exc);
    wfv_write_unraisable("in thread started by", func);
}

static void *thread_main(void *arg) {
    boot *b = arg;
    wf_thread_enter(); /* interp.c's thread_init hook copies the recursion limit */
    wf_object *r = wf_object_call(b->func, b->args, b->kwargs);
    if (r) wf_decref(r);
    else report_thread_exception(b->func);
    WF_CLEAR(b->func);
    WF_CLEAR(b->args);
    WF_CLEAR(b->kwargs);
    free(b);
    /* Release the sentinels (threading's join waits on them) last: after
     * them the thread runs no more Python code. */
    wf_object **s = my_sentinels;
    size_t n = my_nsentinels;
    my_sentinels = NULL;
    my_nsentinels = 0;
    for (size_t i = 0; i < n; i++) {
        lockobject *l = (lockobject *)s[i];
        if (wf_mutex_is_locked(&l->mu)) wf_mutex_unlock(&l->mu);
        wf_decref(s[i]);
    }
    free(s);
    atomic_fetch_sub(&running_threads, 1);
    wf_thread_exit();
    return NULL;
}

static wf_object *thread_start_new(wf_object *module, wf_object *const *args, wf_ssize_t nargs) {
    (void)module;
    if (nargs < 2 || nargs > 3) {
        if (nargs < 2)
            return wf_err_format(&wf_exc_TypeError, "start_new_thread expected at least 2 arguments, got %zd", nargs);
        return wf_err_format(&wf_exc_TypeError, "start_new_thread expected at most 3 arguments, got %zd", nargs);
    }
    wf_object *func = args[0], *fargs = args[1], *fkw = nargs > 2 ? args[2] : NULL;
    if (!wf_callable_check(func)) {
        wf_err_set_string(&wf_exc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!WF_TUPLE_CHECK(fargs)) {
        wf_err_set_string(&wf_exc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (fkw && !WF_DICT_CHECK(fkw)) {
        wf_err_set_string(&wf_exc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    if (atomic_load(&wfv_interp_state.finalizing)) {
        wf_err_set_string(&wf_exc_RuntimeError, "can't create new thread at interpreter shutdown");
        return NULL;
    }
    boot *b = malloc(sizeof *b);
    if (!b) return wf_err_no_memory();
    b->func = wf_newref(func);
    b->args = wf_newref(fargs);
    b->kwargs = fkw ? wf_newref(fkw) : NULL;
    /* Objects handed to the new thread are read there: make the values
     * safe to share (their counts are merged by the biased scheme).  The
     * first thread converts what creators marked for per-thread counting
     * while this was the only one (weft/object.h). */
    wfm_perthread_before_threads();
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    size_t ss = atomic_load_explicit(&thread_stack_size, memory_order_relaxed);
    pthread_attr_setstacksize(&attr, ss ? ss : WFMOD_THREAD_DEFAULT_STACK);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t tid;
    atomic_fetch_add(&running_threads, 1);
    int err = pthread_create(&tid, &attr, thread_main, b);
    pthread_attr_destroy(&attr);
    if (err) {
        atomic_fetch_sub(&running_threads, 1);
        WF_CLEAR(b->func);
        WF_CLEAR(b->args);
        WF_CLEAR(b->kwargs);
        free(b);
        wf_err_set_string(&wf_exc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return wf_int_from_u64((uint64_t)(unsigned long)tid);
}

/* At interpreter exit, after threading._shutdown joined the non-daemon
 * threads: 0 when every thread started here has also left the runtime
 * (the caller may tear the runtime down), 1 when some still run Python
 * code (daemon threads: the caller must exit without finalising, so they
 * never touch freed state).  Threads that finished their Python code are
 * given up to 5 s to unregister; the caller sleeps detached meanwhile. */
int wfv_threads_shutdown(void) {
    if (atomic_load(&running_threads) > 0) return 1;
    wft_thread *me = wft_current();
    int64_t deadline = wft_monotonic_ns() + 5000000000LL;
    while (wft_thread_count() > 1) {
        if (atomic_load(&running_threads) > 0 || wft_monotonic_ns() > deadline) return 1;
        bool was = me ? wft_detach_if_attached(me) : false;
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
        if (me) wft_reattach(me, was);
    }
    return 0;
}

static wf_object *thread_get_ident(wf_object *m, wf_object *unused) {
    (void)m;
    (void)unused;
    return wf_int_from_u64(current_ident());
}

static wf_object *thread_get_native_id(wf_object *m, wf_object *unused) {
    (void)m;
    (void)unused;
    return wf_int_from_i64((int64_t)syscall(SYS_gettid));
}

static wf_object *thread_count(wf_object *m, wf_object *unused) {
    (void)m;
    (void)unused;
    return wf_int_from_i64(atomic_load(&running_threads));
}

static wf_object *thread_allocate_lock(wf_object *m, wf_object *unused) {
    (void)m;
    (void)unused;
    return lock_new_raw();
}

static wf_object *thread_set_sentinel(wf_object *m, wf_object *unused) {
    (void)m;
    (void)unused;
    wf_object *l = lock_new_raw();
    if (!l) return NULL;
    wf_object **ns = realloc(my_sentinels, (my_nsentinels + 1) * sizeof *ns);
    if (!ns) {
        wf_decref(l);
        return wf_err_no_memory();
    }
    my_sentinels = ns;
    /* Returned unlocked: the thread acquires it (threading does), and
     * thread_main releases it when the thread has finished. */
    my_sentinels[my_nsentinels++] = wf_newref(l);
    return l;
}

static wf_object *thread_stack_size_fn(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("stack_size", nargs, 0, 1) < 0) return NULL;
    size_t old = atomic_load(&thread_stack_size);
    if (nargs == 1) {
        wf_ssize_t n = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (n == -1 && wf_err_occurred()) return NULL;
        if (n < 0) {
            wf_err_set_string(&wf_exc_ValueError, "size must be 0 or a positive value");
            return NULL;
        }
        if (n != 0 && n < 32768) {
            return wf_err_format(&wf_exc_ValueError, "size not valid: %zd bytes", n);
        }
        atomic_store(&thread_stack_size, (size_t)n);
    }
    return wf_int_from_u64(old);
}

static wf_object *thread_exit_fn(wf_object *m, wf_object *unused) {
    (void)m;
    (void)unused;
    wf_err_set_none(&wf_exc_SystemExit);
    return NULL;
}

static wf_object *thread_interrupt_main(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("interrupt_main", nargs, 0, 1) < 0) return NULL;
    int sig = SIGINT;
    if (nargs == 1) {
        wf_ssize_t n = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (n == -1 && wf_err_occurred()) return NULL;
        sig = (int)n;
    }
    if (sig < 1 || sig >= NSIG) {
        wf_err_set_string(&wf_exc_ValueError, "signal number out of range");
        return NULL;
    }
    if (kill(getpid(), sig) != 0) {
        wf_err_set_string(&wf_exc_OSError, strerror(errno));
        return NULL;
    }
    WF_RETURN_NONE;
}

static wf_method_def thread_functions[] = {
    {"start_new_thread", (void *)thread_start_new, WF_METH_FASTCALL, NULL},
    {"start_new", (void *)thread_start_new, WF_METH_FASTCALL, NULL},
    {"get_ident", (void *)thread_get_ident, WF_METH_NOARGS, NULL},
    {"get_native_id", (void *)thread_get_native_id, WF_METH_NOARGS, NULL},
    {"_count", (void *)thread_count, WF_METH_NOARGS, NULL},
    {"allocate_lock", (void *)thread_allocate_lock, WF_METH_NOARGS, NULL},
    {"allocate", (void *)thread_allocate_lock, WF_METH_NOARGS, NULL},
    {"_set_sentinel", (void *)thread_set_sentinel, WF_METH_NOARGS, NULL},
    {"stack_size", (void *)thread_stack_size_fn, WF_METH_FASTCALL, NULL},
    {"exit", (void *)thread_exit_fn, WF_METH_NOARGS, NULL},
    {"exit_thread", (void *)thread_exit_fn, WF_METH_NOARGS, NULL},
    {"interrupt_main", (void *)thread_interrupt_main, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_thread) {
    if (wf_type_ready(&lock_type) < 0 || wf_type_ready(&rlock_type) < 0 ||
        wf_type_ready(&local_type) < 0)
        return NULL;
    if (!local_hooks_installed) {
        static const wft_hooks hooks = {.thread_exit = local_thread_exit};
        wft_add_hooks(&hooks);
        local_hooks_installed = 1;
    }
    wf_object *m = wf_module_new("_thread");
    if (!m) return NULL;
    wf_object *tmax = wf_float_from_double(WFMOD_TIMEOUT_MAX_S);
    int bad = wf_module_add_functions(m, thread_functions) < 0 || !tmax ||
              wf_module_add_object(m, "LockType", (wf_object *)&lock_type) < 0 ||
              wf_module_add_object(m, "lock", (wf_object *)&lock_type) < 0 ||
              wf_module_add_object(m, "RLock", (wf_object *)&rlock_type) < 0 ||
              wf_module_add_object(m, "_local", (wf_object *)&local_type) < 0 ||
              wf_module_add_object(m, "error", (wf_object *)&wf_exc_RuntimeError) < 0 ||
              wf_module_add_object(m, "TIMEOUT_MAX", tmax) < 0;
    wf_xdecref(tmax);
    if (bad) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
