/*
 * runtime/vm/pythonrun.h — running programs: the start-up configuration
 * the CLI fills in, and the entry points that run a file, a string, a
 * module or stdin as __main__ and turn an uncaught exception into an exit
 * status (runtime/vm/pythonrun.c), plus the interpreter-wide settings kept
 * beside wfv_interp_state (runtime/vm/interp.c).
 *
 * Threading: wfv_config is written by the main thread before
 * wfv_interp_init and only read afterwards.  The recursion limit and the
 * exit hooks are the only interpreter-wide mutable settings here; they say
 * how they are synchronised.
 */
#ifndef WEFT_VM_PYTHONRUN_H
#define WEFT_VM_PYTHONRUN_H

#include "weft/objects.h"

/* What the command line asked for (CPython's sys.flags and more). */
typedef struct wfv_config {
    int debug, inspect, interactive, optimize, dont_write_bytecode;
    int no_user_site, no_site, ignore_environment, verbose, bytes_warning;
    int quiet, hash_randomization, isolated, dev_mode, utf8_mode, safe_path;
    int unbuffered;
    int int_max_str_digits;      /* -1 = default */
    int orig_argc;
    char **orig_argv;            /* the whole command line */
    const char *run_command;     /* -c CODE, or NULL */
    const char *run_module;      /* -m MOD, or NULL */
    const char *run_filename;    /* script path, "-" for stdin, or NULL */
    char **warnoptions;          /* -W values */
    int nwarnoptions;
    char **xoptions;             /* -X values, "key" or "key=value" */
    int nxoptions;
} wfv_config;
extern wfv_config wfv_cfg; /* main thread writes it before wfv_interp_init */
/* Fill wfv_cfg.int_max_str_digits from -X int_max_str_digits=N (first
 * one) or PYTHONINTMAXSTRDIGITS (unless -E), after the options are
 * parsed; -1 after printing CPython's fatal error for an invalid value
 * (the CLI then exits with status 1).  wfv_interp_init applies it. */
int wfv_config_int_max_str_digits(void);

/* The interpreter-wide recursion limit (sys.setrecursionlimit): relaxed
 * atomic; new threads copy it into their wfv_vmstate. */
int wfv_get_recursion_limit(void);
void wfv_set_recursion_limit(int limit); /* stops the world to update every thread */

/* Run the program wfv_cfg describes and return the process exit status
 * (sys.exit / uncaught exceptions as CPython).  Runs atexit hooks. */
int wfv_run_main(void);
/* Compile src as filename and run it in globals (locals = globals).  New
 * reference or NULL with the exception set. */
wf_object *wfv_run_string(const char *src, size_t len, const char *filename, wf_object *globals,
                          wf_object *locals);
/* Handle the current exception as an uncaught one at the top level:
 * SystemExit gives its code (message printed), anything else goes through
 * sys.excepthook and gives 1 (130 for KeyboardInterrupt).  Clears it. */
int wfv_handle_uncaught(void);
/* Set when the exit status 130 comes from an uncaught KeyboardInterrupt:
 * the CLI then ends the process by SIGINT, as CPython (main thread only). */
extern int wfv_exit_by_sigint;
/* Call sys.excepthook(type, value, tb) for exc (borrowed). */
void wfv_call_excepthook(wf_object *exc);

/* atexit (runtime/modules/atexit.c): run the registered callables once,
 * last registered first; errors are printed and ignored. */
void wfv_atexit_run(void);
void wfv_atexit_clear(void);

/* signal (runtime/modules/signal.c): install the SIGINT handler at start-
 * up (unless ignored), restore the defaults at exit. */
void wfv_signals_init(void);
void wfv_signals_fini(void);

/* sys (runtime/modules/sys.c): the sys module for wfv_interp_init;
 * wfv_sys_set_argv fills argv/orig_argv/path[0]. */
wf_object *wfv_sys_create(void);
/* The standard stream sys.<name> ("stdout", "stderr") as a new reference,
 * or NULL (no exception) when unset or None. */
wf_object *wfv_sys_get_stream(const char *name);
/* Write a UTF-8 string to sys.<stream> or the fd when it is unusable. */
void wfv_sys_write(const char *stream, const char *utf8);
/* Flush sys.stdout and sys.stderr (errors ignored). */
void wfv_sys_flush_std(void);

/* An empty types.SimpleNamespace-like object (sys.c); new reference. */
wf_object *wfv_namespace_new(void);

/* import.c: the per-module import locks and caches. */
void wfv_import_init(void);
void wfv_import_fini(void);
/* sys.path[0] decided by the CLI: inserted before PYTHONPATH entries. */
int wfv_import_set_path0(const char *path0);
/* importlib.reload(module): run the module's code again in its namespace. */
wf_object *wfv_import_reload(wf_object *module);

#endif /* WEFT_VM_PYTHONRUN_H */
