/*
 * runtime/vm/interp.c — the interpreter state (wfv_interp_state): the
 * builtins module and its dict, the sys module, sys.modules, the start-up
 * configuration (wfv_cfg: -X int_max_str_digits / PYTHONINTMAXSTRDIGITS
 * are read here) and the interpreter-wide recursion limit.
 *
 * Invariants: after wfv_interp_init returns 0, builtins_module, builtins,
 * sys_module, sysdict and modules are set and never replaced until
 * wfv_interp_fini (so any thread reads them without synchronisation);
 * sys.modules holds "builtins" and "sys".  The dicts themselves carry their
 * own locks.
 *
 * Thread-safety: init and fini run on the main thread while no other
 * thread runs Python code.  The recursion limit (wfv_interp_state.
 * recursion_limit) is read and written with relaxed atomics;
 * setting it stops the world to update every thread's wfv_vmstate (an
 * owner-only field that is safe to write while its owner is stopped), and
 * a thread-init hook gives new threads the current value.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h" /* the int<->str digit limit */
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"

wfv_interp wfv_interp_state;
wfv_config wfv_cfg = {.int_max_str_digits = -1};

/* wfv_interp_state.recursion_limit: written and read with relaxed atomic
 * builtins (0 = the default). */
int wfv_get_recursion_limit(void) {
    int v = __atomic_load_n(&wfv_interp_state.recursion_limit, __ATOMIC_RELAXED);
    return v > 0 ? v : WFV_DEFAULT_RECURSION_LIMIT;
}

static void set_thread_limit(wft_thread *t, void *arg) {
    wfv_vmstate *s = t->ext[WFT_EXT_VM];
    if (s) s->recursion_limit = *(int *)arg;
}

void wfv_set_recursion_limit(int limit) {
    __atomic_store_n(&wfv_interp_state.recursion_limit, limit, __ATOMIC_RELAXED);
    wfv_state()->recursion_limit = limit;
    if (wft_thread_count() > 1) {
        /* Other threads' vmstates are owner-only: write them only while
         * their owners are stopped. */
        wft_stop_the_world();
        wft_foreach_thread(set_thread_limit, &limit);
        wft_start_the_world();
    }
}

/* A new thread starts with the interpreter's current limit. */
static void interp_thread_init(wft_thread *t) {
    (void)t;
    if (wft_current() == t) wfv_state()->recursion_limit = wfv_get_recursion_limit();
}

/* The builtins module: the builtins engineer's WF_MODULE_INIT(builtins),
 * or a bare module holding the exception types until it exists. */
static void add_exc(wf_type *t, void *d) { wf_dict_set_item_string((wf_object *)d, wf_type_name(t), (wf_object *)t); }

static wf_object *make_builtins(void) {
    const wfv_builtin_module *bm = wfv_builtin_module_find("builtins");
    if (bm) return bm->init();
    wf_object *m = wf_module_new("builtins");
    if (!m) return NULL;
    wf_object *d = wf_module_get_dict(m);
    wf_exc_foreach(add_exc, d);
    wf_dict_set_item_string(d, "None", wf_None);
    wf_dict_set_item_string(d, "True", wf_True);
    wf_dict_set_item_string(d, "False", wf_False);
    return m;
}

static int xoption_gil(void) {
    for (int i = 0; i < wfv_cfg.nxoptions; i++) {
        const char *x = wfv_cfg.xoptions[i];
        if (strncmp(x, "gil=", 4) == 0) return atoi(x + 4) != 0;
    }
    if (!wfv_cfg.ignore_environment) {
        const char *e = getenv("PYTHON_GIL");
        if (e && *e) return atoi(e) != 0;
    }
    return -1;
}

/* _Py_str_to_int's rules: base 10, the whole text (empty text is 0). */
static int str_to_int(const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno == ERANGE || v < INT_MIN || v > INT_MAX) return -1;
    *out = (int)v;
    return 0;
}

int wfv_config_int_max_str_digits(void) {
    const char *opt = NULL, *env = NULL;
    for (int i = 0; i < wfv_cfg.nxoptions && !opt; i++) {
        const char *x = wfv_cfg.xoptions[i];
        if (strncmp(x, "int_max_str_digits", 18) == 0 && (x[18] == 0 || x[18] == '=')) opt = x;
    }
    if (!opt && !wfv_cfg.ignore_environment) {
        env = getenv("PYTHONINTMAXSTRDIGITS");
        if (env && !*env) env = NULL;
    }
    if (!opt && !env) return 0;
    int v = -1;
    const char *text = opt ? (opt[18] == '=' ? opt + 19 : NULL) : env;
    if (!text || str_to_int(text, &v) < 0 || (v != 0 && v < WFO_INT_MAX_STR_DIGITS_THRESHOLD)) {
        fprintf(stderr,
                "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be >= %d or 0 "
                "for unlimited.\nPython runtime state: preinitialized\n\n",
                opt ? "-X int_max_str_digits" : "PYTHONINTMAXSTRDIGITS", WFO_INT_MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    wfv_cfg.int_max_str_digits = v;
    return 0;
}

int wfv_interp_init(void) {
    static const wft_hooks hooks = {.thread_init = interp_thread_init};
    static int hooks_added; /* main thread only, before other threads */
    wfv_interp *I = &wfv_interp_state;
    if (!hooks_added) {
        hooks_added = 1;
        wft_add_hooks(&hooks);
    }
    I->optimize = wfv_cfg.optimize;
    wfo_int_set_max_str_digits(wfv_cfg.int_max_str_digits < 0 ? WFO_INT_DEFAULT_MAX_STR_DIGITS
                                                               : wfv_cfg.int_max_str_digits);
    I->unbuffered = wfv_cfg.unbuffered;
    I->ignore_environment = wfv_cfg.ignore_environment;
#if WF_FREE_THREADED
    int g = xoption_gil();
    I->gil_enabled = g < 0 ? 0 : g;
#else
    (void)xoption_gil;
    I->gil_enabled = 1;
#endif
    I->modules = wf_dict_new();
    if (!I->modules) return -1;
    wfv_import_init();
    I->builtins_module = make_builtins();
    if (!I->builtins_module) return -1;
    I->builtins = wf_module_get_dict(I->builtins_module);
    wf_incref(I->builtins);
    if (wf_dict_set_item_string(I->modules, "builtins", I->builtins_module) < 0) return -1;
    I->sys_module = wfv_sys_create();
    if (!I->sys_module) return -1;
    I->sysdict = wf_module_get_dict(I->sys_module);
    wf_incref(I->sysdict);
    if (wf_dict_set_item_string(I->modules, "sys", I->sys_module) < 0) return -1;
    if (wfv_import_set_builtin_spec(I->sys_module, "sys") < 0 ||
        wfv_import_set_builtin_spec(I->builtins_module, "builtins") < 0)
        return -1;
    wfv_signals_init();
    return 0;
}

/* Shut down: break the module -> function -> globals cycles by clearing
 * every module's namespace (as CPython's finalisation does), then drop
 * what the interpreter owns. */
void wfv_gc_collect_at_exit(bool run_finalizers); /* gc: runtime/vm/gc.h */
void wfv_gc_release_deferred(void);             /* gc: runtime/vm/gc.h */
void wfv_interp_fini(void) {
    wfv_interp *I = &wfv_interp_state;
    atomic_store(&I->finalizing, 1);
    wfv_signals_fini();
    wfv_atexit_clear();
    /* gc: finalize cyclic garbage while the modules still work. */
    wfv_gc_collect_at_exit(true);
    if (I->modules) {
        wf_object *mods = wf_dict_values(I->modules);
        wf_dict_clear(I->modules);
        if (mods) {
            wf_ssize_t n = wf_list_size(mods);
            for (wf_ssize_t i = 0; i < n; i++) {
                wf_object *m = wf_list_get_item(mods, i);
                if (!m) { wf_err_clear(); continue; }
                if (m != I->builtins_module && m != I->sys_module &&
                    wf_type_is_subtype(WF_TYPE(m), &wf_module_type))
                    wf_dict_clear(wf_module_get_dict(m));
                wf_decref(m);
            }
            wf_decref(mods);
        }
    }
    /* gc: the module dicts are empty: free the cycles they held (classes,
     * functions, instances), and the code objects (deferred counts). */
    wfv_gc_release_deferred();
    wfv_gc_collect_at_exit(true);
    if (I->sysdict) wf_dict_clear(I->sysdict);
    if (I->builtins) wf_dict_clear(I->builtins);
    WF_CLEAR(I->xoptions);
    WF_CLEAR(I->sysdict);
    WF_CLEAR(I->sys_module);
    WF_CLEAR(I->builtins);
    WF_CLEAR(I->builtins_module);
    WF_CLEAR(I->modules);
    wfv_import_fini();
    wf_err_clear();
}
