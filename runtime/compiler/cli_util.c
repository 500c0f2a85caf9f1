/*
 * runtime/compiler/cli_util.c — file reading, list files and output
 * files for the front end's command-line modes (see cli_util.h).
 *
 * Invariant: every buffer returned is malloc'd and owned by the caller;
 * a list buffer is NUL-terminated so that wfc_cli_next_line can cut it
 * into lines in place.
 */
#include "runtime/compiler/cli_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

char *wfc_cli_read_file(const char *path, size_t *len) {
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

char *wfc_cli_read_source(const char *path, size_t *len) {
    char *src = wfc_cli_read_file(path, len);
    if (!src) fprintf(stderr, "weft: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
    return src;
}

char *wfc_cli_read_list(const char *listfile) {
    size_t llen;
    char *list = wfc_cli_read_file(listfile, &llen);
    if (!list) {
        fprintf(stderr, "weft: can't open file '%s'\n", listfile);
        return NULL;
    }
    char *lines = realloc(list, llen + 1);
    if (!lines) {
        free(list);
        return NULL;
    }
    lines[llen] = '\0';
    return lines;
}

char *wfc_cli_next_line(char **cursor) {
    char *line = *cursor;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        *cursor = nl ? nl + 1 : NULL;
        if (*line) return line;
        line = *cursor;
    }
    *cursor = NULL;
    return NULL;
}

FILE *wfc_cli_open_output(const char *outdir, int index) {
    char outpath[4096];
    snprintf(outpath, sizeof outpath, "%s/%d.txt", outdir, index);
    FILE *o = fopen(outpath, "wb");
    if (!o) fprintf(stderr, "weft: can't write '%s'\n", outpath);
    return o;
}

wfc_arena *wfc_cli_arena_new(wfc_syntax_error *err) {
    wfc_arena *arena = wfc_arena_new();
    if (!arena) {
        memset(err, 0, sizeof *err);
        err->kind = WFC_ERR_MEMORY;
    }
    return arena;
}

double wfc_cli_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
