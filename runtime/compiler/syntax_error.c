/*
 * runtime/compiler/syntax_error.c — printing syntax errors as CPython.
 *
 * CPython 3.11 prints an uncaught SyntaxError of a script as
 *   '  File "NAME", line N' then the offending line, stripped of its
 * leading blanks, indented by four spaces, then a caret line whose carets
 * run from the error's offset to its end offset (one caret at least; to
 * the end of the line when the error spans lines), then "Class: msg".
 * Offsets are counted in characters (the error stores UTF-8 byte columns,
 * converted here).  MemoryError and RecursionError print their bare line.
 */
#include "runtime/compiler/syntax_error.h"

#include <stdlib.h>
#include <string.h>

const char *wfc_error_kind_name(wfc_error_kind kind) {
    switch (kind) {
    case WFC_ERR_SYNTAX: return "SyntaxError";
    case WFC_ERR_INDENT: return "IndentationError";
    case WFC_ERR_TAB: return "TabError";
    case WFC_ERR_MEMORY: return "MemoryError";
    case WFC_ERR_RECURSION: return "RecursionError";
    default: return "SyntaxError";
    }
}

void wfc_syntax_error_clear(wfc_syntax_error *e) {
    free(e->text);
    memset(e, 0, sizeof *e);
}

/* e->text := line `lineno` of src (without its newline), or NULL when the
 * source or the line is missing. */
static void set_text(wfc_syntax_error *e, const char *src, size_t len, int lineno) {
    free(e->text);
    e->text = NULL;
    const char *p = src, *end = src + len;
    if (!p) return;
    if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) p += 3;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return;
        p = nl + 1;
    }
    const char *q = p;
    while (q < end && *q != '\n') q++;
    if (q > p && q[-1] == '\r') q--;
    char *t = malloc((size_t)(q - p) + 1);
    if (!t) return;
    memcpy(t, p, (size_t)(q - p));
    t[q - p] = '\0';
    e->text = t;
}

void wfc_syntax_error_vset(wfc_syntax_error *e, const char *src, size_t len, int l, int c, int el, int ec,
                           const char *fmt, va_list ap) {
    e->kind = WFC_ERR_SYNTAX;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    e->lineno = l;
    e->col_offset = c;
    e->end_lineno = el;
    e->end_col_offset = ec;
    set_text(e, src, len, l);
}

/* Characters in the first `bytes` bytes of UTF-8 text s (len n). */
static long chars_upto(const char *s, size_t n, long bytes) {
    long count = 0;
    if (bytes > (long)n) {
        long extra = bytes - (long)n;
        bytes = (long)n;
        count += extra;
    }
    for (long i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) count++;
    return count;
}

void wfc_syntax_error_print(FILE *out, const char *filename, const wfc_syntax_error *e) {
    if (e->kind == WFC_ERR_MEMORY || e->kind == WFC_ERR_RECURSION) {
        if (e->msg[0]) fprintf(out, "%s: %s\n", wfc_error_kind_name(e->kind), e->msg);
        else fprintf(out, "%s\n", wfc_error_kind_name(e->kind));
        return;
    }
    if (e->lineno > 0) fprintf(out, "  File \"%s\", line %d\n", filename, e->lineno);
    if (e->text && e->lineno > 0) {
        const char *text = e->text;
        size_t n = strlen(text);
        /* 1-based character offsets, as SyntaxError.offset/end_offset */
        long offset = e->col_offset >= 0 ? chars_upto(text, n, e->col_offset) + 1 : 0;
        long end_offset = -1;
        if (e->end_col_offset >= 0) {
            if (e->end_lineno > e->lineno) end_offset = (long)chars_upto(text, n, (long)n) + 1;
            else end_offset = chars_upto(text, n, e->end_col_offset) + 1;
        }
        long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
        offset--;
        while (*text == ' ' || *text == '\t' || *text == '\f') {
            text++;
            offset--;
        }
        long len = (long)strlen(text);
        if (offset > len) offset = len;
        fprintf(out, "    %s\n", text);
        if (offset >= 0) {
            fputs("    ", out);
            for (long i = 0; i < offset; i++) fputc(' ', out);
            for (long i = 0; i < carets; i++) fputc('^', out);
            fputc('\n', out);
        }
    }
    fprintf(out, "%s: %s\n", wfc_error_kind_name(e->kind), e->msg);
}
