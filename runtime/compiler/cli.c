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

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/compiler/parser.h"
#include "runtime/objects/repr.h"

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Parse + validate; 0 with the dump in *out (when out), else -1 with *err. */
static int front_end(const char *path, const char *src, size_t len, wfo_strbuf *out, wfc_syntax_error *err,
                     int validate) {
    wfc_arena *arena = wfc_arena_new();
    if (!arena) {
        memset(err, 0, sizeof *err);
        err->kind = WFC_ERR_MEMORY;
        return -1;
    }
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
    char *src = read_file(path, &len);
    if (!src) {
        fprintf(stderr, "weft: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
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
    size_t llen;
    char *list = read_file(listfile, &llen);
    if (!list) {
        fprintf(stderr, "weft: can't open file '%s'\n", listfile);
        return 2;
    }
    char *lines = realloc(list, llen + 1);
    if (!lines) {
        free(list);
        return 2;
    }
    lines[llen] = '\0';
    int index = 0, ok = 0, rejected = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double parse_s = 0;
    for (char *line = lines; *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        if (*line) {
            size_t len;
            char *src = read_file(line, &len);
            char outpath[4096];
            snprintf(outpath, sizeof outpath, "%s/%d.txt", outdir, index);
            FILE *o = fopen(outpath, "wb");
            if (!o) {
                fprintf(stderr, "weft: can't write '%s'\n", outpath);
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
                struct timespec a, b;
                clock_gettime(CLOCK_MONOTONIC, &a);
                int rc = front_end(line, src, len, &out, &err, 0);
                clock_gettime(CLOCK_MONOTONIC, &b);
                parse_s += (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
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
            index++;
        }
        if (!nl) break;
        line = nl + 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double total = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("files %d parsed %d rejected %d parse+dump %.3f s total %.3f s\n", index, ok, rejected, parse_s, total);
    free(lines);
    return 0;
}
