/*
 * runtime/main.c — the `weft` command line: CPython's options (script,
 * -c, -m, -, -u -E -O -B -s -S -I -q -i -P -W -X -V -h) plus weft's own
 * front-end and build modes (--build-info, --dump-ast, --dis, ...), which
 * keep their exact argument forms.
 *
 * Parsing happens on the main thread before the runtime starts; the
 * result goes into wfv_cfg and wfv_interp_state (runtime/vm/pythonrun.h),
 * which are read-only once wfv_interp_init has run.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/compiler/cli.h"
#include "runtime/compiler/compiler_cli.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "threads/gil.h"
#include "weft/weft.h"

static const char *prog = "weft";

static void usage(FILE *out) {
    fprintf(out,
            "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "Options (and corresponding environment variables):\n"
            "-B     : don't write .pyc files on import (accepted; weft writes none)\n"
            "-c cmd : program passed in as string (terminates option list)\n"
            "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
            "-h     : print this help message and exit (also -? or --help)\n"
            "-i     : inspect interactively after running script\n"
            "-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
            "-m mod : run library module as a script (terminates option list)\n"
            "-O     : remove assert and __debug__-dependent statements; -OO also drops docstrings\n"
            "-P     : don't prepend a potentially unsafe path to sys.path\n"
            "-q     : don't print version and copyright messages on interactive startup\n"
            "-s     : don't add user site directory to sys.path\n"
            "-S     : don't imply 'import site' on initialization\n"
            "-u     : force the stdout and stderr streams to be unbuffered\n"
            "-v     : verbose (accepted)\n"
            "-V     : print the version number and exit (also --version)\n"
            "         when given twice, print more information about the build\n"
            "-W arg : warning control (stored in sys.warnoptions)\n"
            "-X opt : set implementation-specific option (sys._xoptions);\n"
            "         -X gil=0|1 turns the GIL off/on in the free-threaded build\n"
            "file   : program read from script file\n"
            "-      : program read from stdin (default; interactive mode if a tty)\n"
            "arg ...: arguments passed to program in sys.argv[1:]\n"
            "\n"
            "weft's own modes (each alone on the command line):\n"
            "  --build-info                print the build configuration as key: value lines\n"
            "  --dump-ast FILE             print ast.dump() of FILE (errors as python3 prints them)\n"
            "  --check-syntax FILE         parse and check FILE only\n"
            "  --dump-ast-many LIST OUTDIR dump every file listed in LIST into OUTDIR/<n>.txt\n"
            "  --dis [-O] FILE             compile FILE and print its bytecode\n"
            "  --compile [-O] FILE         compile and verify FILE only\n"
            "  --compile-many LIST         compile and verify every file listed in LIST\n"
            "  --dump-symtable FILE        print the symbol table of FILE\n"
            "  --dump-symtable-many LIST OUTDIR  symbol tables of the files in LIST into OUTDIR/<n>.txt\n",
            prog);
}

static int short_usage(void) {
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                    "Try `weft -h' for more information.\n", prog);
    return 2;
}

/* The front-end and build modes: -1 when argv is not one of them. */
/* --build-info, after any -E / -X gil=N options: the mode the same
 * options would run a script in (PYTHON_GIL too, unless -E). */
static int build_info_mode(int argc, char **argv) {
    int gil = -1, ignore_env = 0;
    for (int i = 1; i < argc - 1; i++) {
        const char *a = argv[i], *x = NULL;
        if (strcmp(a, "-E") == 0) {
            ignore_env = 1;
        } else if (strcmp(a, "-X") == 0 && i + 1 < argc - 1) {
            x = argv[++i];
        } else if (strncmp(a, "-X", 2) == 0) {
            x = a + 2;
        } else {
            return -1;
        }
        if (x && strncmp(x, "gil=", 4) == 0) gil = atoi(x + 4) != 0;
    }
    const char *e = ignore_env ? NULL : getenv("PYTHON_GIL");
    if (gil < 0 && e && *e) gil = atoi(e) != 0;
    wf_runtime_init();
#if WF_FREE_THREADED
    if (gil == 1) wft_gil_set_enabled(true);
#endif
    wf_print_build_info(stdout);
#if WF_FREE_THREADED
    if (gil == 1) wft_gil_set_enabled(false);
#endif
    wf_runtime_fini();
    return 0;
}

static int tool_modes(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[argc - 1], "--build-info") == 0) {
        int r = build_info_mode(argc, argv);
        if (r >= 0) return r;
    }
    if (argc == 3 && strcmp(argv[1], "--dump-ast") == 0) return wfc_cli_dump_ast(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--check-syntax") == 0) return wfc_cli_check_syntax(argv[2]);
    if (argc == 4 && strcmp(argv[1], "--dump-ast-many") == 0) return wfc_cli_dump_ast_many(argv[2], argv[3]);
    if (argc >= 3 && (strcmp(argv[1], "--dis") == 0 || strcmp(argv[1], "--compile") == 0)) {
        int opt = argc == 4 && strcmp(argv[2], "-O") == 0;
        if (argc == 3 || opt) {
            const char *file = argv[argc - 1];
            return strcmp(argv[1], "--dis") == 0 ? wfc_cli_dis(file, opt) : wfc_cli_compile(file, opt);
        }
    }
    if (argc == 3 && strcmp(argv[1], "--compile-many") == 0) return wfc_cli_compile_many(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--dump-symtable") == 0) return wfc_cli_dump_symtable(argv[2]);
    if (argc == 4 && strcmp(argv[1], "--dump-symtable-many") == 0)
        return wfc_cli_dump_symtable_many(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "--code-info-many") == 0) return wfc_cli_code_info_many(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "--str-consts-many") == 0) return wfc_cli_str_consts_many(argv[2], argv[3]);
    return -1;
}

static void print_version(int level) {
    if (level < 2) {
        printf("weft 0.1.0\n");
        return;
    }
#if WF_FREE_THREADED
    const char *flavour = "free-threaded build";
#else
    const char *flavour = "GIL build";
#endif
    printf("weft 0.1.0 (Python 3.11.0 compatible) [%s, GIL %s] [GCC %s]\n", flavour,
           wfv_interp_state.gil_enabled ? "enabled" : "disabled", __VERSION__);
}

static int push(char ***list, int *n, char *item) {
    char **l = realloc(*list, (size_t)(*n + 1) * sizeof **list);
    if (!l) return -1;
    l[(*n)++] = item;
    *list = l;
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 0 && argv[0] && argv[0][0]) prog = argv[0];
    int r = tool_modes(argc, argv);
    if (r >= 0) return r;

    wfv_config *c = &wfv_cfg;
    c->orig_argc = argc;
    c->orig_argv = argv;
    int version = 0, help = 0;
    int i = 1;
    for (; i < argc; i++) {
        char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            if (strcmp(a, "--version") == 0) version++;
            else if (strcmp(a, "--help") == 0) help = 1;
            else if (strcmp(a, "--help-env") == 0 || strcmp(a, "--help-xoptions") == 0 ||
                     strcmp(a, "--help-all") == 0) help = 1;
            else if (strncmp(a, "--check-hash-based-pycs", 23) == 0) {
                if (!a[23] && i + 1 < argc) i++;
            } else {
                fprintf(stderr, "unknown option %s\n", a);
                return short_usage();
            }
            continue;
        }
        for (char *p = a + 1; *p; p++) {
            char o = *p;
            if (o == 'c' || o == 'm' || o == 'W' || o == 'X') {
                char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!val) {
                    fprintf(stderr, "Argument expected for the -%c option\n", o);
                    return short_usage();
                }
                if (o == 'c') c->run_command = val;
                else if (o == 'm') c->run_module = val;
                else if (o == 'W') push(&c->warnoptions, &c->nwarnoptions, val);
                else push(&c->xoptions, &c->nxoptions, val);
                if (o == 'c' || o == 'm') {
                    i++;
                    goto options_done;
                }
                break;
            }
            switch (o) {
            case 'b': c->bytes_warning++; break;
            case 'B': c->dont_write_bytecode = 1; break;
            case 'd': c->debug = 1; break;
            case 'E': c->ignore_environment = 1; break;
            case 'h': case '?': help = 1; break;
            case 'i': c->inspect = c->interactive = 1; break;
            case 'I': c->isolated = c->ignore_environment = c->no_user_site = c->safe_path = 1; break;
            case 'O': c->optimize++; break;
            case 'P': c->safe_path = 1; break;
            case 'q': c->quiet = 1; break;
            case 's': c->no_user_site = 1; break;
            case 'S': c->no_site = 1; break;
            case 'u': c->unbuffered = 1; break;
            case 'v': c->verbose++; break;
            case 'V': version++; break;
            case 'x': break;
            case 'R': break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", o);
                return short_usage();
            }
        }
    }
options_done:
    if (help) {
        usage(stdout);
        return 0;
    }
    if (!c->ignore_environment) {
        const char *e;
        if ((e = getenv("PYTHONUNBUFFERED")) && *e) c->unbuffered = 1;
        if ((e = getenv("PYTHONDONTWRITEBYTECODE")) && *e) c->dont_write_bytecode = 1;
        if ((e = getenv("PYTHONOPTIMIZE")) && *e && c->optimize == 0) c->optimize = atoi(e) > 0 ? atoi(e) : 1;
        if ((e = getenv("PYTHONINSPECT")) && *e) c->inspect = 1;
        if ((e = getenv("PYTHONSAFEPATH")) && *e) c->safe_path = 1;
    }
    if (wfv_config_int_max_str_digits() < 0) return 1;
    /* sys.argv: what follows the options; argv[0] is "-c", the script,
     * "-m" (replaced by the module's path) or "" / "-" for stdin. */
    static char dash_c[] = "-c", dash_m[] = "-m", empty[] = "";
    char **pargv = NULL;
    int pargc = 0;
    if (c->run_command) {
        push(&pargv, &pargc, dash_c);
    } else if (c->run_module) {
        push(&pargv, &pargc, dash_m);
    } else if (i < argc) {
        c->run_filename = argv[i];
        push(&pargv, &pargc, argv[i]);
        i++;
    } else {
        push(&pargv, &pargc, empty);
    }
    for (; i < argc; i++) push(&pargv, &pargc, argv[i]);

    wf_runtime_init();
    wfv_interp_state.argc = pargc;
    wfv_interp_state.argv = pargv;
    if (wfv_interp_init() < 0) {
        fprintf(stderr, "%s: fatal error: cannot initialise the interpreter\n", prog);
        wf_object *e = wf_err_fetch();
        if (e) {
            wfv_print_exception(e);
            wf_decref(e);
        }
        return 1;
    }
    if (version) {
        print_version(version);
        wfv_interp_fini();
        wf_runtime_fini();
        free(pargv);
        return 0;
    }
#if WF_FREE_THREADED
    /* -X gil=1 / PYTHON_GIL=1: the same binary with the classic GIL on
     * (only this thread exists yet, as wft_gil_set_enabled requires). */
    if (wfv_interp_state.gil_enabled) wft_gil_set_enabled(true);
#endif
    int status = wfv_run_main();
    if (wfv_threads_shutdown() != 0) {
        /* Daemon threads still run Python code: leave without tearing the
         * runtime down under them (streams were flushed by the run). */
        atomic_store(&wfv_interp_state.finalizing, 1);
        fflush(stdout);
        fflush(stderr);
        _exit(status);
    }
    wfv_interp_fini();
    wf_runtime_fini();
    free(pargv);
    free(c->warnoptions);
    free(c->xoptions);
    if (wfv_exit_by_sigint && status == 130) {
        /* die by SIGINT so that the parent sees the interrupt, as CPython */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
