/*
 * runtime/compiler/cli.c — `weft --dump-ast`, `--check-syntax`,
 * `--dump-ast-many` (see cli.h).
 *
 * A file is read whole, parsed (parser.c) and validated (validate.c) in
 * one arena that is freed before the next file.  Errors are printed on
 * stderr in CPython 3.11's format with the path as given on the command
 * line, as `python3 FILE` prints them; the exit status is then 1.
 */
#include "runtime/compiler/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/cli_util.h"
#include "runtime/compiler/parser.h"
#include "runtime/objects/repr.h"

/* Parse + validate; 0 with the dump in *out (when out), else -1 with *err. */
static int front_end(const char *path, const char *src, size_t len, wfo_strbuf *out, wfc_syntax_error *err,
                     int validate) {
    wfc_arena *arena = wfc_cli_arena_new(err);
    if (!arena) return -1;
    int rc = -1;
    wfc_mod *m = wfc_parse(src, len, path, arena, err);
    if (m && (validate ? wfc_validate(m, src, len, err) : wfc_check_depth(m, err)) == 0) {
        rc = 0;
        /* WEFT_DUMP_ATTRIBUTES=1: ast.dump(..., include_attributes=True) */
        const char *attrs = getenv("WEFT_DUMP_ATTRIBUTES");
        int with_attrs = attrs && attrs[0] == '1';
        if (out && (with_attrs ? wfc_ast_dump_attrs(out, m) : wfc_ast_dump(out, m)) < 0) {
            err->kind = WFC_ERR_MEMORY;
            rc = -1;
        }
    }
    wfc_arena_free(arena);
    return rc;
}

static int run_one(const char *path, int dump) {
    size_t len;
    char *src = wfc_cli_read_source(path, &len);
    if (!src) return 2;
    wfo_strbuf out;
    wfo_strbuf_init(&out);
    wfc_syntax_error err;
    /* --dump-ast is ast.parse (no compile-time checks); --check-syntax is
     * compile() */
    int rc = front_end(path, src, len, dump ? &out : NULL, &err, !dump);
    if (rc == 0) {
        if (dump) {
            fwrite(out.data, 1, out.len, stdout);
            fputc('\n', stdout);
        }
    } else {
        fflush(stdout);
        wfc_syntax_error_print(stderr, path, &err);
        wfc_syntax_error_clear(&err);
    }
    wfo_strbuf_free(&out);
    free(src);
    return rc == 0 ? 0 : 1;
}

int wfc_cli_dump_ast(const char *path) { return run_one(path, 1); }
int wfc_cli_check_syntax(const char *path) { return run_one(path, 0); }

int wfc_cli_dump_ast_many(const char *listfile, const char *outdir) {
    char *lines = wfc_cli_read_list(listfile);
    if (!lines) return 2;
    int index = 0, ok = 0, rejected = 0;
    double t0 = wfc_cli_now();
    double parse_s = 0;
    char *cursor = lines;
    for (char *line; (line = wfc_cli_next_line(&cursor)) != NULL; index++) {
        size_t len;
        char *src = wfc_cli_read_file(line, &len);
        FILE *o = wfc_cli_open_output(outdir, index);
        if (!o) {
            free(src);
            free(lines);
            return 2;
        }
        if (!src) {
            fprintf(o, "ERROR OSError\n");
        } else {
            wfo_strbuf out;
            wfo_strbuf_init(&out);
            wfc_syntax_error err;
            double a = wfc_cli_now();
            int rc = front_end(line, src, len, &out, &err, 0);
            parse_s += wfc_cli_now() - a;
            if (rc == 0) {
                fwrite(out.data, 1, out.len, o);
                fputc('\n', o);
                ok++;
            } else {
                fprintf(o, "ERROR %s: %s\n", wfc_error_kind_name(err.kind), err.msg);
                wfc_syntax_error_clear(&err);
                rejected++;
            }
            wfo_strbuf_free(&out);
            free(src);
        }
        fclose(o);
    }
    double total = wfc_cli_now() - t0;
    printf("files %d parsed %d rejected %d parse+dump %.3f s total %.3f s\n", index, ok, rejected, parse_s, total);
    free(lines);
    return 0;
}
