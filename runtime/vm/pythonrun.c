/*
 * runtime/vm/pythonrun.c — running a program: the script file, -c, -m or
 * stdin as the __main__ module, an interactive prompt when stdin is a
 * terminal, uncaught exceptions (sys.excepthook), SystemExit and the
 * process exit status, and the orderly end (threading._shutdown, atexit,
 * flushing the standard streams).
 *
 * Everything here runs on the main thread.  The only state is wfv_cfg
 * (written by the CLI before start-up) and the __main__ module, which
 * lives in sys.modules like any other.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/modules/modules.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "weft/code.h"


int wfv_exit_by_sigint;

/* --- helpers ----------------------------------------------------------------------- */
static char *read_stream(FILE *f, size_t *len) {
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

/* "dir/x.py" -> "<cwd>/dir/x.py" (not normalised, as CPython's __file__). */
static void make_absolute(const char *path, char *out, size_t size) {
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) snprintf(out, size, "%s", path);
    else snprintf(out, size, "%s/%s", cwd, path);
}

static int set_str(wf_object *d, const char *key, const char *val) {
    wf_object *s = wf_str_from_cstr(val);
    if (!s) return -1;
    int rc = wf_dict_set_item_string(d, key, s);
    wf_decref(s);
    return rc;
}

static int set_argv0(const char *argv0) {
    wf_object *argv = NULL;
    if (wf_dict_get_item_string_ref(wfv_interp_state.sysdict, "argv", &argv) <= 0) return -1;
    wf_object *s = wf_str_from_cstr(argv0);
    int rc = s && WF_LIST_CHECK(argv) ? wf_list_set_item(argv, 0, s) : -1;
    wf_xdecref(s);
    wf_decref(argv);
    return rc;
}

/* A fresh __main__ module registered in sys.modules; borrowed dict. */
static wf_object *make_main(const char *file, int cached) {
    wf_object *m = wf_module_new("__main__");
    if (!m) return NULL;
    wf_object *d = wf_module_get_dict(m);
    wf_object *ann = wf_dict_new();
    int rc = ann ? wf_dict_set_item_string(d, "__annotations__", ann) : -1;
    wf_xdecref(ann);
    if (rc == 0) rc = wf_dict_set_item_string(d, "__builtins__", wfv_interp_state.builtins_module);
    if (rc == 0 && file) rc = set_str(d, "__file__", file);
    if (rc == 0 && cached) rc = wf_dict_set_item_string(d, "__cached__", wf_None);
    if (rc == 0) rc = wf_dict_set_item_string(wfv_interp_state.modules, "__main__", m);
    wf_decref(m); /* sys.modules keeps it */
    return rc < 0 ? NULL : d;
}

wf_object *wfv_run_string(const char *src, size_t len, const char *filename, wf_object *globals,
                          wf_object *locals) {
    wf_object *code = wfv_compile_source(src, len, filename, wfv_interp_state.optimize);
    if (!code) return NULL;
    /* Program text: its constants become immortal (no shared count
     * traffic when threads load them). */
    wfv_code_immortalize_consts(code);
    wf_object *r = wfv_eval_code(code, globals, locals ? locals : globals);
    wf_decref(code);
    return r;
}

/* Run src as __main__; 0 or -1 with the exception set. */
static int run_main_source(const char *src, size_t len, const char *filename, wf_object *d) {
    wf_object *r = wfv_run_string(src, len, filename, d, d);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

/* --- uncaught exceptions ------------------------------------------------------------- */
void wfv_call_excepthook(wf_object *exc) {
    wf_object *tb = ((wf_base_exception *)exc)->traceback;
    wf_object *hook = NULL;
    if (wfv_interp_state.sysdict) {
        wf_object *sd = wfv_interp_state.sysdict;
        wf_dict_set_item_string(sd, "last_type", (wf_object *)WF_TYPE(exc));
        wf_dict_set_item_string(sd, "last_value", exc);
        wf_dict_set_item_string(sd, "last_traceback", tb ? tb : wf_None);
        if (wf_dict_get_item_string_ref(sd, "excepthook", &hook) < 0) hook = NULL;
        wf_err_clear();
    }
    if (!hook) {
        wfv_sys_write("stderr", "sys.excepthook is missing\n");
        wfv_print_exception(exc);
        return;
    }
    wf_object *r = wf_object_call_objs(hook, (wf_object *)WF_TYPE(exc), exc, tb ? tb : wf_None, NULL);
    wf_decref(hook);
    if (r) {
        wf_decref(r);
        return;
    }
    wf_object *err = wf_err_fetch();
    if (err && wf_object_is_instance(err, (wf_object *)&wf_exc_SystemExit) > 0) {
        /* CPython exits quietly from a hook raising SystemExit; keep going */
        wf_decref(err);
        return;
    }
    wfv_sys_write("stderr", "Error in sys.excepthook:\n");
    if (err) {
        wfv_print_exception(err);
        wf_decref(err);
    }
    wfv_sys_write("stderr", "\nOriginal exception was:\n");
    wfv_print_exception(exc);
}

/* The exit status a SystemExit asks for (printing a non-int code). */
static int system_exit_status(wf_object *exc) {
    wf_object *code = wf_object_getattr_string(exc, "code");
    if (!code) {
        wf_err_clear();
        return 1;
    }
    int status;
    if (code == wf_None) {
        status = 0;
    } else if (WF_INT_CHECK(code)) {
        int overflow = 0;
        int64_t v = wf_int_as_i64_overflow(code, &overflow);
        status = overflow ? -1 : (int)v;
    } else {
        wf_object *s = wf_object_str(code);
        if (s) {
            wf_object *line = wf_str_from_format("%U\n", s);
            if (line) wfv_sys_write("stderr", wf_str_utf8(line, NULL));
            wf_xdecref(line);
            wf_decref(s);
        }
        wf_err_clear();
        status = 1;
    }
    wf_decref(code);
    return status;
}

int wfv_handle_uncaught(void) {
    wf_object *exc = wf_err_fetch();
    if (!exc) return 0;
    /* sys.stdout is not flushed first: CPython prints the report at once
     * and the buffered output at exit. */
    int status;
    if (wf_object_is_instance(exc, (wf_object *)&wf_exc_SystemExit) > 0) {
        status = system_exit_status(exc);
    } else {
        wfv_call_excepthook(exc);
        status = 1;
        if (wf_object_is_instance(exc, (wf_object *)&wf_exc_KeyboardInterrupt) > 0) {
            status = 130;
            wfv_exit_by_sigint = 1;
        }
    }
    wf_err_clear();
    wf_decref(exc);
    return status;
}

/* --- the end of a run ---------------------------------------------------------------- */
/* threading._shutdown() waits for the non-daemon threads, as CPython does
 * before atexit hooks run. */
static int wait_for_threads(void) {
    wf_object *th = NULL;
    if (wf_dict_get_item_string_ref(wfv_interp_state.modules, "threading", &th) <= 0) {
        wf_err_clear();
        return 0;
    }
    wf_object *fn = NULL;
    int status = 0;
    if (wf_object_lookup_attr(th, wf_str_intern_cstr("_shutdown"), &fn) > 0) {
        wf_object *r = wf_object_call_noargs(fn);
        wf_decref(fn);
        if (r) wf_decref(r);
        else {
            /* CPython: "Exception ignored in: <module 'threading' ...>" */
            wf_object *exc = wf_err_fetch();
            if (exc && wf_object_is_instance(exc, (wf_object *)&wf_exc_SystemExit) > 0) {
                wf_err_restore(exc);
                status = wfv_handle_uncaught();
            } else if (exc) {
                wf_err_restore(exc);
                wfv_write_unraisable(NULL, th);
            }
        }
    }
    wf_err_clear();
    wf_decref(th);
    return status;
}

static int finish(int status) {
    int s2 = wait_for_threads();
    if (s2) status = s2;
    wfv_atexit_run();
    wfv_sys_flush_std();
    wf_err_clear();
    return status;
}

/* --- the interactive prompt ------------------------------------------------------------ */
static const char *prompt(const char *name, const char *dflt, char *buf, size_t size) {
    wf_object *p = NULL;
    snprintf(buf, size, "%s", dflt);
    if (wf_dict_get_item_string_ref(wfv_interp_state.sysdict, name, &p) > 0) {
        wf_object *s = wf_object_str(p);
        if (s) {
            const char *u = wf_str_utf8(s, NULL);
            if (u) snprintf(buf, size, "%s", u);
            wf_decref(s);
        }
        wf_decref(p);
    }
    wf_err_clear();
    return buf;
}

/* Is this compile error "the input is not finished yet"? */
static int incomplete_input(wf_object *exc, const char *src) {
    if (!wf_object_is_instance(exc, (wf_object *)&wf_exc_SyntaxError)) return 0;
    wf_object *msg = wf_object_getattr_string(exc, "msg");
    int r = 0;
    if (msg && WF_STR_CHECK(msg)) {
        const char *m = wf_str_utf8(msg, NULL);
        if (m && (strstr(m, "was never closed") || strstr(m, "unexpected EOF") ||
                  strstr(m, "expected an indented block") || strstr(m, "unterminated triple-quoted")))
            r = 1;
    }
    wf_xdecref(msg);
    wf_err_clear();
    /* a block statement waits for its empty line */
    size_t n = strlen(src);
    while (n > 0 && src[n - 1] == '\n') n--;
    const char *last = src;
    for (size_t i = 0; i < n; i++)
        if (src[i] == '\n') last = src + i + 1;
    (void)last;
    return r;
}

/* Run one interactive chunk: as an expression (shown with displayhook)
 * when it is one, else as statements. */
static void run_interactive_chunk(const char *src, wf_object *d) {
    size_t n = strlen(src);
    char *wrapped = malloc(n + 64);
    if (!wrapped) return;
    snprintf(wrapped, n + 64, "__import__('sys').displayhook((%s\n))\n", src);
    wf_object *code = wfv_compile_source(wrapped, strlen(wrapped), "<stdin>", wfv_interp_state.optimize);
    free(wrapped);
    if (!code) {
        wf_err_clear();
        code = wfv_compile_source(src, n, "<stdin>", wfv_interp_state.optimize);
    }
    wf_object *r = NULL;
    if (code) r = wfv_eval_code(code, d, d);
    wf_xdecref(code);
    if (r) {
        wf_decref(r);
        return;
    }
    wf_object *exc = wf_err_fetch();
    if (!exc) return;
    if (wf_object_is_instance(exc, (wf_object *)&wf_exc_SystemExit) > 0) {
        wf_err_restore(exc);
        return;
    }
    wfv_call_excepthook(exc);
    wf_decref(exc);
}

/* The read-eval-print loop; returns with SystemExit pending or at EOF. */
static void interactive_loop(wf_object *d) {
    char pbuf[256];
    char *buf = NULL;
    size_t blen = 0;
    for (;;) {
        wfv_sys_flush_std();
        const char *p = prompt(buf ? "ps2" : "ps1", buf ? "... " : ">>> ", pbuf, sizeof pbuf);
        fputs(p, stderr);
        fflush(stderr);
        char line[8192];
        if (!fgets(line, sizeof line, stdin)) {
            if (ferror(stdin) && errno == EINTR) {
                clearerr(stdin);
                fputs("\nKeyboardInterrupt\n", stderr);
                free(buf);
                buf = NULL;
                blen = 0;
                continue;
            }
            fputc('\n', stderr);
            break;
        }
        size_t ln = strlen(line);
        char *nb = realloc(buf, blen + ln + 1);
        if (!nb) break;
        buf = nb;
        memcpy(buf + blen, line, ln + 1);
        blen += ln;
        int blank = strspn(line, " \t\r\n") == ln;
        /* A first line that is blank does nothing. */
        if (blank && blen == ln) {
            free(buf);
            buf = NULL;
            blen = 0;
            continue;
        }
        /* Compound statements end at a blank line. */
        const char *first = buf + strspn(buf, " \t");
        size_t fl = strcspn(first, "\n");
        while (fl > 0 && (first[fl - 1] == ' ' || first[fl - 1] == '\t' || first[fl - 1] == '\r')) fl--;
        int compound = fl > 0 && first[fl - 1] == ':';
        if (compound && !blank) continue;
        wf_object *code = wfv_compile_source(buf, blen, "<stdin>", wfv_interp_state.optimize);
        if (!code) {
            wf_object *exc = wf_err_fetch();
            if (!blank && incomplete_input(exc, buf)) {
                wf_decref(exc);
                continue;
            }
            wfv_call_excepthook(exc);
            wf_decref(exc);
        } else {
            wf_decref(code);
            run_interactive_chunk(buf, d);
        }
        free(buf);
        buf = NULL;
        blen = 0;
        if (wf_err_occurred()) break; /* SystemExit */
    }
    free(buf);
}

/* --- -m ------------------------------------------------------------------------------ */
static int run_module_as_main(const char *modname) {
    /* Import the parent package, then find the module's file without
     * running it: as runpy, a package runs its __main__ submodule. */
    char name[1024];
    snprintf(name, sizeof name, "%s", modname);
    for (int depth = 0; depth < 2; depth++) {
        const char *dot = strrchr(name, '.');
        wf_object *parent = NULL;
        if (dot) {
            char pname[1024];
            snprintf(pname, sizeof pname, "%.*s", (int)(dot - name), name);
            parent = wfv_import_module(pname);
            if (!parent) return -1;
        }
        /* Is it a package?  Import it and run pkg.__main__. */
        wf_object *spec_path = NULL;
        wf_object *m = NULL;
        if (wf_dict_get_item_string_ref(wfv_interp_state.modules, name, &m) < 0) {
            wf_xdecref(parent);
            return -1;
        }
        /* Find the source by the import system's rules. */
        const wfv_frozen_module *fm = wfv_frozen_module_find(name);
        char path[PATH_MAX] = "";
        int is_pkg = 0;
        const char *src_text = NULL;
        size_t src_len = 0;
        char *owned = NULL;
        if (fm) {
            is_pkg = fm->is_package;
            src_text = fm->source;
            src_len = fm->length;
        } else {
            wf_object *dirs = NULL;
            if (parent) {
                if (wf_object_lookup_attr(parent, wf_str_intern_cstr("__path__"), &dirs) < 0) {
                    wf_decref(parent);
                    wf_xdecref(m);
                    return -1;
                }
            } else if (wf_dict_get_item_string_ref(wfv_interp_state.sysdict, "path", &dirs) < 0) {
                wf_xdecref(m);
                return -1;
            }
            const char *shortname = dot ? dot + 1 : name;
            wf_object *it = dirs ? wf_object_get_iter(dirs) : NULL;
            wf_object *e;
            while (it && (e = wf_iter_next(it))) {
                const char *dir = WF_STR_CHECK(e) ? wf_str_utf8(e, NULL) : NULL;
                char base[PATH_MAX], cand[PATH_MAX + 300];
                struct stat st;
                if (dir && !*dir) {
                    if (!getcwd(base, sizeof base)) base[0] = 0;
                } else {
                    snprintf(base, sizeof base, "%s", dir ? dir : "");
                }
                wf_decref(e);
                if (!dir) continue;
                snprintf(cand, sizeof cand, "%s/%s/__init__.py", base, shortname);
                if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
                    is_pkg = 1;
                    if (snprintf(path, sizeof path, "%s", cand) >= (int)sizeof path) path[0] = 0;
                    break;
                }
                snprintf(cand, sizeof cand, "%s/%s.py", base, shortname);
                if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
                    if (snprintf(path, sizeof path, "%s", cand) >= (int)sizeof path) path[0] = 0;
                    break;
                }
            }
            wf_xdecref(it);
            wf_xdecref(dirs);
            wf_err_clear();
            if (!path[0] && !wfv_builtin_module_find(name)) {
                wf_xdecref(parent);
                wf_xdecref(m);
                wf_object *s = depth == 1
                    ? wf_str_from_format("%s: No module named %s; '%s' is a package and cannot be directly executed\n",
                                         wfv_cfg.orig_argv[0], name, modname)
                    : wf_str_from_format("%s: No module named %s\n", wfv_cfg.orig_argv[0], name);
                if (s) wfv_sys_write("stderr", wf_str_utf8(s, NULL));
                wf_xdecref(s);
                return 1;
            }
        }
        wf_xdecref(m);
        wf_xdecref(parent);
        (void)spec_path;
        if (is_pkg) {
            if (depth == 1) {
                wf_object *s = wf_str_from_format(
                    "%s: No module named %s.__main__; '%s' is a package and cannot be directly executed\n",
                    wfv_cfg.orig_argv[0], modname, modname);
                if (s) wfv_sys_write("stderr", wf_str_utf8(s, NULL));
                wf_xdecref(s);
                return 1;
            }
            wf_object *pkg = wfv_import_module(name);
            if (!pkg) return -1;
            wf_decref(pkg);
            size_t l = strlen(name);
            snprintf(name + l, sizeof name - l, ".__main__");
            continue;
        }
        if (!src_text) {
            if (!path[0]) {
                wf_object *s = wf_str_from_format("%s: No code object available for %s\n",
                                                  wfv_cfg.orig_argv[0], name);
                if (s) wfv_sys_write("stderr", wf_str_utf8(s, NULL));
                wf_xdecref(s);
                return 1;
            }
            FILE *f = fopen(path, "rb");
            if (!f) {
                wf_err_format(&wf_exc_OSError, "can't open %s", path);
                return -1;
            }
            owned = read_stream(f, &src_len);
            fclose(f);
            if (!owned) {
                wf_err_no_memory();
                return -1;
            }
            src_text = owned;
        }
        char fname[PATH_MAX + 32];
        if (path[0]) snprintf(fname, sizeof fname, "%s", path);
        else snprintf(fname, sizeof fname, "<frozen %s>", name);
        if (path[0] && set_argv0(path) < 0) {
            free(owned);
            return -1;
        }
        wf_object *d = make_main(path[0] ? path : NULL, path[0] != 0);
        int rc = -1;
        if (d) {
            const char *ldot = strrchr(name, '.');
            wf_object *pkg = ldot ? wf_str_from_utf8(name, ldot - name) : wf_str_from_cstr("");
            rc = pkg ? wf_dict_set_item_string(d, "__package__", pkg) : -1;
            wf_xdecref(pkg);
            if (rc == 0) rc = run_main_source(src_text, src_len, fname, d);
        }
        free(owned);
        return rc;
    }
    return 0;
}

/* --- the entry point ---------------------------------------------------------------------- */
int wfv_run_main(void) {
    wfv_config *c = &wfv_cfg;
    char cwd[PATH_MAX] = "";
    if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
    const char *path0 = "";
    char dirbuf[PATH_MAX];
    int interactive = 0;
    if (c->run_command) {
        path0 = "";
    } else if (c->run_module) {
        path0 = cwd;
    } else if (c->run_filename && strcmp(c->run_filename, "-") != 0) {
        char real[PATH_MAX];
        if (realpath(c->run_filename, real)) {
            struct stat st;
            if (stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
                snprintf(dirbuf, sizeof dirbuf, "%s", real);
            } else {
                char *slash = strrchr(real, '/');
                if (slash == real) snprintf(dirbuf, sizeof dirbuf, "/");
                else snprintf(dirbuf, sizeof dirbuf, "%.*s", (int)(slash ? slash - real : 0), real);
            }
            path0 = dirbuf;
        }
    } else if (!c->run_filename && isatty(0)) {
        interactive = 1;
    }
    if (c->safe_path) path0 = NULL;
    if (wfv_import_set_path0(path0) < 0) return finish(wfv_handle_uncaught());

    int rc = 0;
    if (c->run_command) {
        wf_object *d = make_main(NULL, 0);
        size_t n = strlen(c->run_command);
        char *src = malloc(n + 2);
        if (!d || !src) {
            free(src);
            return finish(wfv_handle_uncaught());
        }
        memcpy(src, c->run_command, n);
        src[n] = '\n';
        src[n + 1] = 0;
        rc = run_main_source(src, n + 1, "<string>", d);
        free(src);
    } else if (c->run_module) {
        rc = run_module_as_main(c->run_module);
        if (rc > 0) return finish(rc);
    } else if (interactive) {
        wf_object *d = make_main(NULL, 0);
        if (!d) return finish(wfv_handle_uncaught());
        if (!c->quiet) {
            fprintf(stderr, "Python 3.11.0 (weft 0.1.0) [%s] on linux\n"
                            "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                    __VERSION__);
        }
        interactive_loop(d);
        rc = wf_err_occurred() ? -1 : 0;
    } else if (!c->run_filename || strcmp(c->run_filename, "-") == 0) {
        size_t len = 0;
        char *src = read_stream(stdin, &len);
        wf_object *d = make_main("<stdin>", 1);
        if (!src || !d) {
            free(src);
            return finish(wfv_handle_uncaught());
        }
        rc = run_main_source(src, len, "<stdin>", d);
        free(src);
    } else {
        char abs[PATH_MAX + 8];
        make_absolute(c->run_filename, abs, sizeof abs);
        struct stat st;
        if (stat(c->run_filename, &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t l = strlen(abs);
            snprintf(abs + l, sizeof abs - l, "/__main__.py");
            if (stat(abs, &st) != 0) {
                char shown[PATH_MAX];
                make_absolute(c->run_filename, shown, sizeof shown);
                fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", c->orig_argv[0], shown);
                return finish(1);
            }
        }
        FILE *f = fopen(abs, "rb");
        if (!f) {
            int e = errno;
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", c->orig_argv[0], abs, e,
                    strerror(e));
            return finish(2);
        }
        size_t len = 0;
        char *src = read_stream(f, &len);
        fclose(f);
        wf_object *d = make_main(abs, 1);
        if (!src || !d) {
            free(src);
            return finish(wfv_handle_uncaught());
        }
        rc = run_main_source(src, len, abs, d);
        free(src);
    }
    /* CPython flushes the streams before reporting an error of a file or
     * stdin program (flush_io in PyRun_SimpleFile), not for -c and -m. */
    if (rc < 0 && !c->run_command && !c->run_module) wfv_sys_flush_std();
    int status = rc < 0 ? wfv_handle_uncaught() : 0;
    if (c->inspect && status == 0 && !wf_err_occurred()) {
        wf_object *m = NULL;
        if (wf_dict_get_item_string_ref(wfv_interp_state.modules, "__main__", &m) > 0) {
            interactive_loop(wf_module_get_dict(m));
            wf_decref(m);
            if (wf_err_occurred()) status = wfv_handle_uncaught();
        }
    }
    return finish(status);
}
