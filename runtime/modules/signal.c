/*
 * runtime/modules/signal.c — signals: the C-level handler that records a
 * signal's arrival, wfv_handle_signals (run by the main thread's eval loop
 * to call the Python-level handlers), and the _signal / signal modules
 * (signal, getsignal, raise_signal, default_int_handler, SIG_DFL/SIG_IGN
 * and the signal numbers).
 *
 * Async-signal safety: the C handler only stores to lock-free atomics
 * (tripped[sig], any_tripped) and sets WFT_EB_SIGNALS_PENDING on the main
 * thread's eval breaker (an atomic fetch_or on a word that lives as long
 * as the main thread, which outlives the installed handlers: fini restores
 * the defaults first).
 *
 * The Python handlers table is written only by the main thread (signal()
 * refuses other threads, as CPython) and read by the main thread
 * (wfv_handle_signals, getsignal); other threads never touch it.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "runtime/modules/modules.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"


#define WFV_NSIG 65

static _Atomic int tripped[WFV_NSIG];
static _Atomic int any_tripped;
static wft_thread *_Atomic main_thread;   /* set at init, cleared at fini */
static wf_object *handlers[WFV_NSIG];      /* main thread only; strong refs or NULL */
static wf_object *default_int_handler_obj; /* the builtin function, strong */
static wf_object *sig_dfl, *sig_ign;       /* ints 0 and 1 */

static void c_handler(int sig) {
    int saved = errno;
    if (sig > 0 && sig < WFV_NSIG) {
        atomic_store_explicit(&tripped[sig], 1, memory_order_relaxed);
        atomic_store_explicit(&any_tripped, 1, memory_order_release);
        wft_thread *t = atomic_load_explicit(&main_thread, memory_order_acquire);
        if (t) wft_eval_breaker_set(t, WFT_EB_SIGNALS_PENDING);
    }
    errno = saved;
}

static int install_c(int sig, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK; /* no SA_RESTART: blocking calls see EINTR */
    return sigaction(sig, &sa, NULL);
}

static int is_main_thread(void) { return wft_current() == atomic_load(&main_thread); }

static wf_object *py_default_int_handler(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self, (void)args, (void)nargs;
    wf_err_set_none(&wf_exc_KeyboardInterrupt);
    return NULL;
}

static wf_method_def default_int_handler_def = {
    "default_int_handler", py_default_int_handler, WF_METH_FASTCALL,
    "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."};

int wfv_handle_signals(void) {
    wft_thread *me = wft_current();
    if (!me || me != atomic_load(&main_thread)) return 0;
    wft_eval_breaker_clear(me, WFT_EB_SIGNALS_PENDING);
    if (!atomic_exchange(&any_tripped, 0)) return 0;
    for (int sig = 1; sig < WFV_NSIG; sig++) {
        if (!atomic_load_explicit(&tripped[sig], memory_order_relaxed)) continue;
        atomic_store(&tripped[sig], 0);
        wf_object *h = handlers[sig];
        if (!h || h == sig_dfl || h == sig_ign) continue;
        wf_incref(h);
        wf_object *num = wf_int_from_i64(sig);
        wf_object *frame = NULL;
        {
            wfv_frame *f = wfv_current_frame();
            if (f) frame = wfv_frame_object(f);
            if (!frame) wf_err_clear();
        }
        wf_object *r = num ? wf_object_call_objs(h, num, frame ? frame : wf_None, NULL) : NULL;
        wf_xdecref(frame);
        wf_xdecref(num);
        wf_decref(h);
        if (!r) {
            /* the other pending signals are handled on the next check */
            atomic_store(&any_tripped, 1);
            wft_eval_breaker_set(me, WFT_EB_SIGNALS_PENDING);
            return -1;
        }
        wf_decref(r);
    }
    return 0;
}

void wfv_signals_init(void) {
    atomic_store(&main_thread, wft_current());
    if (!sig_dfl) {
        sig_dfl = wf_int_from_i64(0);
        sig_ign = wf_int_from_i64(1);
        default_int_handler_obj = wf_cfunction_new(&default_int_handler_def, NULL, NULL);
    }
    /* As CPython: ignore SIGPIPE (writes raise BrokenPipeError) and SIGXFSZ. */
    signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    signal(SIGXFSZ, SIG_IGN);
#endif
    for (int sig = 1; sig < WFV_NSIG; sig++) {
        struct sigaction old;
        if (sigaction(sig, NULL, &old) != 0) continue;
        wf_object *h = old.sa_handler == SIG_IGN ? sig_ign : old.sa_handler == SIG_DFL ? sig_dfl : wf_None;
        handlers[sig] = wf_newref(h);
    }
    /* SIGINT raises KeyboardInterrupt unless the parent made us ignore it. */
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN && default_int_handler_obj) {
        install_c(SIGINT, c_handler);
        wf_object *prev = handlers[SIGINT];
        handlers[SIGINT] = wf_newref(default_int_handler_obj);
        wf_xdecref(prev);
    }
}

void wfv_signals_fini(void) {
    for (int sig = 1; sig < WFV_NSIG; sig++) {
        wf_object *h = handlers[sig];
        if (!h) continue;
        if (h != sig_dfl && h != sig_ign && h != wf_None && sig != SIGKILL && sig != SIGSTOP)
            install_c(sig, SIG_DFL);
        handlers[sig] = NULL;
        wf_decref(h);
    }
    atomic_store(&main_thread, NULL);
    WF_CLEAR(default_int_handler_obj);
    WF_CLEAR(sig_dfl);
    WF_CLEAR(sig_ign);
}

/* --- the module functions ------------------------------------------------------------ */
static int signum_arg(wf_object *o, int *sig) {
    wf_ssize_t v = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return -1;
    if (v < 1 || v >= WFV_NSIG) {
        wf_err_set_string(&wf_exc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

static wf_object *py_signal(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("signal", nargs, 2, 2) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    wf_object *h = args[1];
    if (!is_main_thread())
        return wf_err_format(&wf_exc_ValueError, "signal only works in main thread of the main interpreter");
    void (*fn)(int);
    int as_int = WF_INT_CHECK(h) ? (int)wf_number_as_ssize_t(h, NULL) : -1;
    if (as_int == 1) {
        fn = SIG_IGN;
        h = sig_ign;
    } else if (as_int == 0) {
        fn = SIG_DFL;
        h = sig_dfl;
    } else if (wf_callable_check(h)) {
        fn = c_handler;
    } else {
        return wf_err_format(&wf_exc_TypeError,
                             "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    if (sig == SIGKILL || sig == SIGSTOP || install_c(sig, fn) != 0) {
        errno = EINVAL;
        return wf_err_format(&wf_exc_OSError, "[Errno 22] Invalid argument");
    }
    wf_object *old = handlers[sig];
    handlers[sig] = wf_newref(h);
    return old ? old : wf_newref(wf_None);
}

static wf_object *py_getsignal(wf_object *self, wf_object *arg) {
    (void)self;
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    wf_object *h = is_main_thread() ? handlers[sig] : NULL;
    return wf_newref(h ? h : wf_None);
}

static wf_object *py_raise_signal(wf_object *self, wf_object *arg) {
    (void)self;
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    if (raise(sig) != 0) return wf_err_format(&wf_exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    if (wfv_handle_signals() < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *py_strsignal(wf_object *self, wf_object *arg) {
    (void)self;
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    const char *s = strsignal(sig);
    if (!s) WF_RETURN_NONE;
    return wf_str_from_cstr(s);
}

static wf_object *py_alarm(wf_object *self, wf_object *arg) {
    (void)self;
    wf_ssize_t v = wf_number_as_ssize_t(arg, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return NULL;
    return wf_int_from_i64(alarm((unsigned)v));
}

static wf_method_def signal_methods[] = {
    {"signal", py_signal, WF_METH_FASTCALL, "Set the action for the given signal."},
    {"getsignal", py_getsignal, WF_METH_O, "Return the current action for the given signal."},
    {"raise_signal", py_raise_signal, WF_METH_O, "Send a signal to the executing process."},
    {"strsignal", py_strsignal, WF_METH_O, "Return the system description of the given signal."},
    {"alarm", py_alarm, WF_METH_O, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"default_int_handler", py_default_int_handler, WF_METH_FASTCALL,
     "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {NULL, NULL, 0, NULL},
};

#define S(n) {#n, n},
static const struct { const char *name; int value; } signums[] = {
    S(SIGHUP) S(SIGINT) S(SIGQUIT) S(SIGILL) S(SIGTRAP) S(SIGABRT) S(SIGIOT) S(SIGBUS) S(SIGFPE)
    S(SIGKILL) S(SIGUSR1) S(SIGSEGV) S(SIGUSR2) S(SIGPIPE) S(SIGALRM) S(SIGTERM) S(SIGCHLD)
    S(SIGCONT) S(SIGSTOP) S(SIGTSTP) S(SIGTTIN) S(SIGTTOU) S(SIGURG) S(SIGXCPU) S(SIGXFSZ)
    S(SIGVTALRM) S(SIGPROF) S(SIGWINCH) S(SIGIO) S(SIGPOLL) S(SIGPWR) S(SIGSYS)
#ifdef SIGSTKFLT
    S(SIGSTKFLT)
#endif
    {"SIGRTMIN", 34}, {"SIGRTMAX", 64}, {"NSIG", WFV_NSIG},
    S(SIG_BLOCK) S(SIG_UNBLOCK) S(SIG_SETMASK)
};
#undef S

static wf_object *make_module(const char *name) {
    wf_object *m = wf_module_new(name);
    if (!m) return NULL;
    if (wf_module_add_functions(m, signal_methods) < 0) goto fail;
    for (size_t i = 0; i < sizeof signums / sizeof *signums; i++) {
        wf_object *v = wf_int_from_i64(signums[i].value);
        int rc = v ? wf_module_add_object(m, signums[i].name, v) : -1;
        wf_xdecref(v);
        if (rc < 0) goto fail;
    }
    if (wf_module_add_object(m, "SIG_DFL", sig_dfl ? sig_dfl : wf_small_int(0)) < 0 ||
        wf_module_add_object(m, "SIG_IGN", sig_ign ? sig_ign : wf_small_int(1)) < 0)
        goto fail;
    /* the same default_int_handler object getsignal() returns */
    if (default_int_handler_obj &&
        wf_module_add_object(m, "default_int_handler", default_int_handler_obj) < 0)
        goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}

WF_MODULE_INIT(_signal) { return make_module("_signal"); }
WF_MODULE_INIT(signal) { return make_module("signal"); }
