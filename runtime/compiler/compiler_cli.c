/*
 * runtime/compiler/compiler_cli.c — the compiler's command-line modes
 * (compiler_cli.h), called from runtime/main.c.
 *
 * Each file is read whole, parsed, compiled (compile.c) and the result
 * verified (code.c) before anything is printed; compile errors print on
 * stderr exactly as `python3 FILE` prints an uncaught SyntaxError, with
 * exit status 1.  The *-many modes process a list of files in one process
 * for the stdlib comparisons and report timings.
 */
#include "runtime/compiler/compiler_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/cli_util.h"
#include "runtime/compiler/compile.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/objects/repr.h"

enum { MODE_DIS, MODE_COMPILE, MODE_SYMTABLE, MODE_CODEINFO, MODE_STRCONSTS };

/* One line per code object (depth first, constants order): the fields
 * CPython's code objects expose the same way (tools/code_compare.py). */
static int code_info(wfo_strbuf *o, const wfc_code *co) {
    int rc = wfo_strbuf_appendf(o, "%s|%d|%d|%d|%d|%d|", co->qualname, co->firstlineno, co->flags, co->argcount,
                                co->posonlyargcount, co->kwonlyargcount);
    static const int kinds[3] = {WFC_LP_LOCAL, WFC_LP_CELL, WFC_LP_FREE};
    for (int k = 0; k < 3; k++) {
        int first = 1;
        for (int i = 0; i < co->nlocalsplus; i++)
            if (co->kinds[i] & kinds[k]) {
                rc |= wfo_strbuf_appendf(o, "%s%s", first ? "" : ",", co->localsplus[i]);
                first = 0;
            }
        rc |= wfo_strbuf_append(o, "|", 1);
    }
    rc |= wfo_strbuf_append(o, "\n", 1);
    for (int i = 0; i < co->nconsts && !rc; i++)
        if (co->consts[i]->kind == WFC_CONST_CODE) rc |= code_info(o, co->consts[i]->code);
    return rc ? -1 : 0;
}

/* The repr of every str constant of every code object, one a line
 * (tools/strconst_compare.py). */
static int str_consts(wfo_strbuf *o, const wfc_code *co) {
    int rc = 0;
    for (int i = 0; i < co->nconsts && !rc; i++) {
        const wfc_constant *k = co->consts[i];
        if (k->kind == WFC_CONST_CODE) {
            rc |= str_consts(o, k->code);
        } else if (k->kind == WFC_CONST_STR) {
            rc |= wfo_repr_str(o, k->str, k->len);
            rc |= wfo_strbuf_append(o, "\n", 1);
        }
    }
    return rc ? -1 : 0;
}

/* Parse and compile (or build the symbol table); output into *out. */
static int run(const char *path, const char *src, size_t len, int mode, int optimize, wfo_strbuf *out,
               wfc_syntax_error *err, char *vmsg, size_t vlen) {
    wfc_arena *arena = wfc_cli_arena_new(err);
    if (!arena) return -1;
    int rc = -1;
    vmsg[0] = '\0';
    wfc_mod *m = wfc_parse(src, len, path, arena, err);
    if (m && wfc_check_depth(m, err) == 0) {
        if (mode == MODE_SYMTABLE) {
            wfc_syntax_error e2;
            /* python3's symtable module sees the tree before constant
             * folding (compile() folds first), so no folding here */
            if (wfc_validate(m, src, len, err) == 0) {
                wfc_symtable *st = wfc_symtable_build(m, src, len, &e2);
                if (st) {
                    rc = wfc_symtable_dump(out, st) < 0 ? -1 : 0;
                    wfc_symtable_free(st);
                    /* and only for source compile() accepts */
                    if (rc == 0) {
                        wfc_code_unit *u = wfc_compile(m, arena, src, len, path, optimize, err);
                        if (!u) rc = -1;
                        wfc_code_unit_free(u);
                    }
                } else {
                    *err = e2;
                }
            }
        } else {
            wfc_code_unit *u = wfc_compile(m, arena, src, len, path, optimize, err);
            if (u) {
                rc = 0;
                if (wfc_code_verify_all(u->top, vmsg, vlen) < 0) rc = -2;
                else if (mode == MODE_DIS && wfc_dis(out, u->top) < 0) rc = -1;
                else if (mode == MODE_CODEINFO && code_info(out, u->top) < 0) rc = -1;
                else if (mode == MODE_STRCONSTS && str_consts(out, u->top) < 0) rc = -1;
                wfc_code_unit_free(u);
            }
        }
    }
    wfc_arena_free(arena);
    return rc;
}

static int one(const char *path, int mode, int optimize) {
    size_t len;
    char *src = wfc_cli_read_source(path, &len);
    if (!src) return 2;
    wfo_strbuf out;
    wfo_strbuf_init(&out);
    wfc_syntax_error err;
    memset(&err, 0, sizeof err);
    char vmsg[512];
    int rc = run(path, src, len, mode, optimize, &out, &err, vmsg, sizeof vmsg);
    int status = 0;
    if (rc == 0) {
        if (out.len) fwrite(out.data, 1, out.len, stdout);
    } else if (rc == -2) {
        fprintf(stderr, "weft: bytecode verification failed: %s\n", vmsg);
        status = 3;
    } else {
        fflush(stdout);
        wfc_syntax_error_print(stderr, path, &err);
        status = 1;
    }
    wfc_syntax_error_clear(&err);
    wfo_strbuf_free(&out);
    free(src);
    return status;
}

int wfc_cli_dis(const char *path, int optimize) { return one(path, MODE_DIS, optimize); }
int wfc_cli_compile(const char *path, int optimize) { return one(path, MODE_COMPILE, optimize); }
int wfc_cli_dump_symtable(const char *path) { return one(path, MODE_SYMTABLE, 0); }

static int many(const char *listfile, const char *outdir, int mode) {
    char *lines = wfc_cli_read_list(listfile);
    if (!lines) return 2;
    int index = 0, ok = 0, rejected = 0, badverify = 0;
    double t_all = 0;
    char *cursor = lines;
    for (char *line; (line = wfc_cli_next_line(&cursor)) != NULL; index++) {
        size_t len;
        char *src = wfc_cli_read_file(line, &len);
        FILE *o = outdir ? wfc_cli_open_output(outdir, index) : stdout;
        if (!o) {
            free(src);
            free(lines);
            return 2;
        }
        if (!src) {
            fprintf(o, outdir ? "ERROR OSError\n" : "ERROR %s: OSError\n", line);
            rejected++;
        } else {
            wfo_strbuf out;
            wfo_strbuf_init(&out);
            wfc_syntax_error err;
            memset(&err, 0, sizeof err);
            char vmsg[512];
            double t0 = wfc_cli_now();
            int rc = run(line, src, len, mode, 0, outdir ? &out : NULL, &err, vmsg, sizeof vmsg);
            t_all += wfc_cli_now() - t0;
            if (rc == 0) {
                if (outdir) fwrite(out.data ? out.data : "", 1, out.len, o);
                else fprintf(o, "OK %s\n", line);
                ok++;
            } else if (rc == -2) {
                fprintf(o, "VERIFY %s: %s\n", line, vmsg);
                badverify++;
            } else {
                if (outdir) fprintf(o, "ERROR %s: %s\n", wfc_error_kind_name(err.kind), err.msg);
                else
                    fprintf(o, "ERROR %s: %s: %s (line %d)\n", line, wfc_error_kind_name(err.kind), err.msg,
                            err.lineno);
                rejected++;
            }
            wfc_syntax_error_clear(&err);
            wfo_strbuf_free(&out);
            free(src);
        }
        if (outdir) fclose(o);
        else fflush(o);
    }
    fprintf(outdir ? stdout : stderr, "files %d ok %d rejected %d verify-failed %d time %.3f s\n", index, ok,
            rejected, badverify, t_all);
    free(lines);
    return 0;
}

int wfc_cli_compile_many(const char *listfile) { return many(listfile, NULL, MODE_COMPILE); }
int wfc_cli_code_info_many(const char *listfile, const char *outdir) { return many(listfile, outdir, MODE_CODEINFO); }
int wfc_cli_str_consts_many(const char *listfile, const char *outdir) {
    return many(listfile, outdir, MODE_STRCONSTS);
}
int wfc_cli_dump_symtable_many(const char *listfile, const char *outdir) {
    return many(listfile, outdir, MODE_SYMTABLE);
}
