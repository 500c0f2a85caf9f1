/*
 * tools/tokdump.c — print weft's tokens the way `python3 -m tokenize -e`
 * prints CPython's, for comparing the two tokenizers.
 *
 *   weft_tokdump [--string] [--no-comments] FILE...
 *   weft_tokdump --bench FILE...   (tokenize all files, print only timing)
 *
 * Each file's output starts with "== FILE"; a tokenizer error ends it with
 * "ERROR <kind> <lineno>,<offset>: <message>" where offset is the
 * SyntaxError.offset CPython gives (wfc_tok_error.offset).  Columns are converted from weft's byte
 * offsets to characters, as tokenize reports them.  Exit status 0 unless a
 * file cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/compiler/tokenizer.h"
#include "runtime/objects/repr.h"

static const char *const kind_names[] = {
    [WFC_TOK_ENDMARKER] = "ENDMARKER", [WFC_TOK_NAME] = "NAME",
    [WFC_TOK_NUMBER] = "NUMBER",       [WFC_TOK_STRING] = "STRING",
    [WFC_TOK_NEWLINE] = "NEWLINE",     [WFC_TOK_INDENT] = "INDENT",
    [WFC_TOK_DEDENT] = "DEDENT",       [WFC_TOK_OP] = "OP",
    [WFC_TOK_COMMENT] = "COMMENT",     [WFC_TOK_NL] = "NL",
    [WFC_TOK_TYPE_COMMENT] = "TYPE_COMMENT", [WFC_TOK_ERRORTOKEN] = "ERRORTOKEN",
};

static const char *const op_names[WFC_OP__COUNT] = {
    [WFC_OP_NONE] = "OP", [WFC_OP_LPAR] = "LPAR", [WFC_OP_RPAR] = "RPAR",
    [WFC_OP_LSQB] = "LSQB", [WFC_OP_RSQB] = "RSQB", [WFC_OP_COLON] = "COLON",
    [WFC_OP_COMMA] = "COMMA", [WFC_OP_SEMI] = "SEMI", [WFC_OP_PLUS] = "PLUS",
    [WFC_OP_MINUS] = "MINUS", [WFC_OP_STAR] = "STAR", [WFC_OP_SLASH] = "SLASH",
    [WFC_OP_VBAR] = "VBAR", [WFC_OP_AMPER] = "AMPER", [WFC_OP_LESS] = "LESS",
    [WFC_OP_GREATER] = "GREATER", [WFC_OP_EQUAL] = "EQUAL", [WFC_OP_DOT] = "DOT",
    [WFC_OP_PERCENT] = "PERCENT", [WFC_OP_LBRACE] = "LBRACE", [WFC_OP_RBRACE] = "RBRACE",
    [WFC_OP_EQEQUAL] = "EQEQUAL", [WFC_OP_NOTEQUAL] = "NOTEQUAL",
    [WFC_OP_LESSEQUAL] = "LESSEQUAL", [WFC_OP_GREATEREQUAL] = "GREATEREQUAL",
    [WFC_OP_TILDE] = "TILDE", [WFC_OP_CIRCUMFLEX] = "CIRCUMFLEX",
    [WFC_OP_LEFTSHIFT] = "LEFTSHIFT", [WFC_OP_RIGHTSHIFT] = "RIGHTSHIFT",
    [WFC_OP_DOUBLESTAR] = "DOUBLESTAR", [WFC_OP_PLUSEQUAL] = "PLUSEQUAL",
    [WFC_OP_MINEQUAL] = "MINEQUAL", [WFC_OP_STAREQUAL] = "STAREQUAL",
    [WFC_OP_SLASHEQUAL] = "SLASHEQUAL", [WFC_OP_PERCENTEQUAL] = "PERCENTEQUAL",
    [WFC_OP_AMPEREQUAL] = "AMPEREQUAL", [WFC_OP_VBAREQUAL] = "VBAREQUAL",
    [WFC_OP_CIRCUMFLEXEQUAL] = "CIRCUMFLEXEQUAL", [WFC_OP_LEFTSHIFTEQUAL] = "LEFTSHIFTEQUAL",
    [WFC_OP_RIGHTSHIFTEQUAL] = "RIGHTSHIFTEQUAL", [WFC_OP_DOUBLESTAREQUAL] = "DOUBLESTAREQUAL",
    [WFC_OP_DOUBLESLASH] = "DOUBLESLASH", [WFC_OP_DOUBLESLASHEQUAL] = "DOUBLESLASHEQUAL",
    [WFC_OP_AT] = "AT", [WFC_OP_ATEQUAL] = "ATEQUAL", [WFC_OP_RARROW] = "RARROW",
    [WFC_OP_ELLIPSIS] = "ELLIPSIS", [WFC_OP_COLONEQUAL] = "COLONEQUAL",
    /* 3.11's tokenize module has no EXCLAMATION: a lone '!' is ERRORTOKEN */
    [WFC_OP_EXCLAMATION] = "ERRORTOKEN",
};

static const char *const err_names[] = {
    "NONE", "SyntaxError", "IndentationError", "TabError", "SyntaxError", "MemoryError",
};

/* Characters in line `lineno` before byte column col. */
static int char_col(const wfc_tokenizer *tz, int lineno, int col)
{
    size_t len;
    const char *s = wfc_tokenizer_line(tz, lineno, &len);
    if (!s)
        return col;
    int n = 0;
    for (int i = 0; i < col && (size_t)i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    if ((size_t)col > len)
        n += col - (int)len;
    return n;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Read every file first, then time tokenizing them all (parser-mode
 * flags: no comments), best of 3 runs. */
static int bench(int argc, char **argv)
{
    int n = 0;
    char **srcs = calloc((size_t)argc, sizeof *srcs);
    size_t *lens = calloc((size_t)argc, sizeof *lens), bytes = 0;
    for (int a = 2; a < argc; a++) {
        if ((srcs[n] = read_file(argv[a], &lens[n])) != NULL)
            bytes += lens[n++];
    }
    double best = 1e9;
    long tokens = 0, errors = 0;
    for (int rep = 0; rep < 3; rep++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        tokens = errors = 0;
        for (int i = 0; i < n; i++) {
            wfc_tokenizer *tz = wfc_tokenizer_new(srcs[i], lens[i], argv[i + 2], 0);
            wfc_token t;
            for (;;) {
                if (wfc_tokenizer_next(tz, &t) < 0) {
                    errors++;
                    break;
                }
                tokens++;
                if (t.kind == WFC_TOK_ENDMARKER)
                    break;
            }
            wfc_tokenizer_free(tz);
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        if (dt < best)
            best = dt;
    }
    printf("%d files, %zu bytes, %ld tokens, %ld errors: %.3f s (%.1f MB/s)\n", n, bytes, tokens,
           errors, best, (double)bytes / best / 1e6);
    for (int i = 0; i < n; i++)
        free(srcs[i]);
    free(srcs);
    free(lens);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--bench") == 0)
        return bench(argc, argv);
    int flags = WFC_TOK_KEEP_COMMENTS, status = 0;
    wfo_strbuf out, rep;
    wfo_strbuf_init(&out);
    wfo_strbuf_init(&rep);
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--string") == 0) {
            flags |= WFC_TOK_STRING_INPUT;
            continue;
        }
        if (strcmp(argv[a], "--no-comments") == 0) {
            flags &= ~WFC_TOK_KEEP_COMMENTS;
            continue;
        }
        size_t len;
        char *src = read_file(argv[a], &len);
        if (!src) {
            fprintf(stderr, "cannot read %s\n", argv[a]);
            status = 1;
            continue;
        }
        out.len = 0;
        wfo_strbuf_appendf(&out, "== %s\n", argv[a]);
        wfc_tokenizer *tz = wfc_tokenizer_new(src, len, argv[a], flags);
        wfc_token t;
        for (;;) {
            if (wfc_tokenizer_next(tz, &t) < 0) {
                const wfc_tok_error *e = wfc_tokenizer_error(tz);
                wfo_strbuf_appendf(&out, "ERROR %s %d,%d: %s\n", err_names[e->kind], e->lineno,
                                   e->offset, e->msg);
                break;
            }
            char range[64];
            snprintf(range, sizeof range, "%d,%d-%d,%d:", t.lineno,
                     char_col(tz, t.lineno, t.col_offset), t.end_lineno,
                     char_col(tz, t.end_lineno, t.end_col_offset));
            rep.len = 0;
            wfo_repr_str(&rep, t.start, t.len);
            const char *name = t.kind == WFC_TOK_OP ? op_names[t.op] : kind_names[t.kind];
            wfo_strbuf_appendf(&out, "%-20s%-15s%-15s\n", range, name, rep.data);
            if (t.kind == WFC_TOK_ENDMARKER)
                break;
        }
        fwrite(out.data, 1, out.len, stdout);
        wfc_tokenizer_free(tz);
        free(src);
    }
    wfo_strbuf_free(&out);
    wfo_strbuf_free(&rep);
    return status;
}
