/*
 * runtime/compiler/tokenizer.c — Python 3.11 source → tokens.
 *
 * Owns: decoding the source (UTF-8 BOM, PEP 263 coding cookie on line 1
 * or 2, the single-byte codecs of unicode_tables.c), newline
 * normalization, and the token stream with CPython's error messages and
 * positions (see tokenizer.h for the contract).
 *
 * Invariants:
 *   - buf holds the whole decoded source as strict UTF-8 with "\r\n" and
 *     "\r" turned into "\n"; unless empty it always ends with '\n' (one is
 *     added when the file lacks it: implicit_nl) and a NUL sentinel
 *     follows, so every scanner stops at a '\n' before it can run off the
 *     end; no NUL occurs inside (sources with NUL bytes are rejected while
 *     decoding).
 *   - line_start/lineno always describe the line that cur is in; the only
 *     places that step over a '\n' are the NEWLINE/NL token, strings and
 *     backslash continuations (also inside indentation, which CPython
 *     3.11 measures up to the first backslash), and each calls next_line().
 *   - indentation: indstack[0..indent] (columns with tabs to multiples of
 *     8) and altindstack (tabs counted as 1) are strictly increasing; a
 *     line whose two measures disagree in order is a TabError.  Bracket
 *     depth is bounded by WFC_MAXLEVEL, indentation depth by
 *     WFC_MAXINDENT, so no input can make the tokenizer use unbounded
 *     stack or loop without consuming input.
 * Error positions follow CPython: see wfc_tok_error in tokenizer.h.
 */
#include "runtime/compiler/tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/unicode_db.h"
#include "runtime/objects/unicode_tables.h"

#define WFC_MAXINDENT 100
#define WFC_MAXLEVEL 200
#define TABSIZE 8

struct wfc_tokenizer {
    char *buf;          /* decoded source (see the invariants above) */
    const char *end;    /* buf + len: one past the final '\n' */
    int implicit_nl;    /* the final '\n' was not in the file */
    int flags;
    char *filename;
    size_t *lines;      /* offset of the start of each line */
    int nlines;

    const char *cur;        /* next character to read */
    const char *line_start; /* start of cur's line */
    const char *buf_start;  /* where CPython's line buffer starts: the first line of a
                               statement continued by a backslash or by a multi-line
                               string; some of CPython's error offsets count from it */
    int lineno;             /* cur's line, 1-based */

    int atbol;      /* at the beginning of a logical line: measure indentation */
    int blankline;  /* the current physical line is blank or a comment */
    int pendin;     /* pending INDENT (>0) or DEDENTs (<0) */
    int indent;     /* top of indstack */
    int indstack[WFC_MAXINDENT], altindstack[WFC_MAXINDENT];
    const char *indent_end; /* where the indentation of this line ends */

    int level;  /* bracket depth */
    char paren[WFC_MAXLEVEL];
    int paren_line[WFC_MAXLEVEL], paren_col[WFC_MAXLEVEL];

    int done;    /* ENDMARKER was returned */
    int failed;  /* err holds an error; every further call fails */
    wfc_tok_error err;
};

/* ---- errors ------------------------------------------------------------ */

static void set_error(wfc_tokenizer *tz, wfc_tok_error_kind kind, int lineno, int col, int end_col,
                      int offset, int end_offset, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* col/end_col: byte columns for carets; offset/end_offset: CPython's
 * SyntaxError.offset/end_offset (see tokenizer.h). */
static void set_error(wfc_tokenizer *tz, wfc_tok_error_kind kind, int lineno, int col, int end_col,
                      int offset, int end_offset, const char *fmt, ...)
{
    va_list ap;
    if (tz->failed)
        return;
    tz->failed = 1;
    tz->err.kind = kind;
    va_start(ap, fmt);
    vsnprintf(tz->err.msg, sizeof tz->err.msg, fmt, ap);
    va_end(ap);
    tz->err.lineno = lineno;
    tz->err.col_offset = col;
    tz->err.end_lineno = lineno;
    tz->err.end_col_offset = end_col;
    tz->err.offset = offset;
    tz->err.end_offset = end_offset;
}

/* Characters in [a, b) (b >= a, valid UTF-8). */
static int chars_between(const char *a, const char *b)
{
    int n = 0;
    for (; a < b; a++)
        n += ((unsigned char)*a & 0xC0) != 0x80;
    return n;
}

/* Byte column of the character that ends right before p on the current
 * line (CPython's tokenizer errors point at cur, one past that character). */
static int col_before(const wfc_tokenizer *tz, const char *p)
{
    if (p <= tz->line_start)
        return 0;
    const char *q = p - 1;
    while (q > tz->line_start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    return (int)(q - tz->line_start);
}

/* A SyntaxError positioned as CPython's syntaxerror(tok, ...) with cur = p:
 * offset and end_offset count the characters of the line up to p. */
#define ERR_AT(tz, p, ...)                                                                     \
    (set_error((tz), WFC_TOKERR_SYNTAX, (tz)->lineno, col_before((tz), (p)),                  \
               col_before((tz), (p)), chars_between((tz)->line_start, (p)),                   \
               chars_between((tz)->line_start, (p)), __VA_ARGS__),                            \
     -1)

/* ---- decoding ------------------------------------------------------------ */

typedef struct dbuf {
    char *d;
    size_t n, cap;
} dbuf;

static int db_reserve(dbuf *b, size_t extra)
{
    if (b->n + extra <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra) {
        if (cap > ((size_t)-1) / 4)
            return -1;
        cap *= 2;
    }
    char *d = realloc(b->d, cap);
    if (!d)
        return -1;
    b->d = d;
    b->cap = cap;
    return 0;
}

static void db_put_cp(dbuf *b, unsigned cp)
{
    char *o = b->d + b->n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        b->n += 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        b->n += 2;
    } else {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        b->n += 3;
    }
}

/* Length of the valid UTF-8 sequence at s[0..n) (strict: no overlongs,
 * no surrogates, <= U+10FFFF), or 0. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0;
        if (c == 0xED && s[1] >= 0xA0)
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

/* Line number (1-based) of byte offset off in raw source s. */
static int raw_lineno(const unsigned char *s, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n')
            line++;
        else if (s[i] == '\r' && !(i + 1 < off && s[i + 1] == '\n'))
            line++;
    }
    return line;
}

/* PEP 263: "coding[:=]" in a comment line; returns the name's length and
 * sets *name, or 0. */
static size_t find_cookie(const char *line, size_t len, const char **name)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
        i++;
    if (i >= len || line[i] != '#')
        return 0;
    for (; i + 6 < len; i++) {
        if (memcmp(line + i, "coding", 6) != 0)
            continue;
        size_t t = i + 6;
        if (line[t] != ':' && line[t] != '=')
            continue;
        do
            t++;
        while (t < len && (line[t] == ' ' || line[t] == '\t'));
        size_t b = t;
        while (t < len) {
            char c = line[t];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.')
                t++;
            else
                break;
        }
        if (t > b) {
            *name = line + b;
            return t - b;
        }
    }
    return 0;
}

/* CPython's get_normal_name: the utf-8 and latin-1 families get their
 * canonical spelling, other names are kept as written. */
static void normal_name(const char *s, size_t n, char *out, size_t outlen)
{
    char buf[13];
    size_t i;
    for (i = 0; i < 12 && i < n; i++) {
        char c = s[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[i] = 0;
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0)
        snprintf(out, outlen, "utf-8");
    else if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
             strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
             strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0)
        snprintf(out, outlen, "iso-8859-1");
    else
        snprintf(out, outlen, "%.*s", (int)n, s);
}

/* Codec number for an encoding name (see wfo_uni_codec_alias), or -100. */
static int find_codec(const char *name)
{
    char norm[128];
    size_t k = 0;
    int pending_sep = 0;
    for (const char *p = name; *p && k + 2 < sizeof norm; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
            if (pending_sep && k > 0)
                norm[k++] = '_';
            pending_sep = 0;
            norm[k++] = c;
        } else {
            pending_sep = 1;
        }
    }
    norm[k] = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < wfo_uni_codec_alias_count; i++)
            if (strcmp(wfo_uni_codec_aliases[i].alias, norm) == 0)
                return wfo_uni_codec_aliases[i].codec;
        for (char *p = norm; *p; p++)
            if (*p == '.')
                *p = '_';
    }
    return -100;
}

/* Decode src into tz->buf.  On failure the error is recorded. */
static int decode_source(wfc_tokenizer *tz, const unsigned char *src, size_t len)
{
    int string_mode = (tz->flags & WFC_TOK_STRING_INPUT) != 0;
    size_t off = 0;
    int bom = 0;
    if (len >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF) {
        bom = 1;
        off = 3;
    }
    if (string_mode && memchr(src, 0, len)) {
        set_error(tz, WFC_TOKERR_SYNTAX, 0, -1, -1, -1, -1, "source code string cannot contain null bytes");
        return -1;
    }

    /* coding cookie: line 1, or line 2 if line 1 is blank or a comment */
    const char *l1 = (const char *)src + off;
    size_t rest = len - off, l1len = 0;
    while (l1len < rest && l1[l1len] != '\n' && l1[l1len] != '\r')
        l1len++;
    const char *cname = NULL;
    size_t cnlen = find_cookie(l1, l1len, &cname);
    int cookie_line = 1;
    if (!cnlen) {
        size_t i = 0;
        while (i < l1len && (l1[i] == ' ' || l1[i] == '\t' || l1[i] == '\f'))
            i++;
        if ((i == l1len || l1[i] == '#') && l1len < rest) {
            size_t s2 = l1len + 1;
            if (l1[l1len] == '\r' && s2 < rest && l1[s2] == '\n')
                s2++;
            const char *l2 = l1 + s2;
            size_t l2len = 0;
            while (s2 + l2len < rest && l2[l2len] != '\n' && l2[l2len] != '\r')
                l2len++;
            cnlen = find_cookie(l2, l2len, &cname);
            cookie_line = 2;
        }
    }
    int codec = -1; /* utf-8 */
    char encname[140];
    if (cnlen) {
        char raw[128];
        snprintf(raw, sizeof raw, "%.*s", (int)(cnlen < 120 ? cnlen : 120), cname);
        normal_name(raw, strlen(raw), encname, sizeof encname);
        if (bom && strcmp(encname, "utf-8") != 0) {
            set_error(tz, WFC_TOKERR_DECODE, cookie_line, -1, -1, -1, -1, "encoding problem: %s with BOM",
                      encname);
            return -1;
        }
        codec = find_codec(encname);
        if (codec == -100) {
            set_error(tz, WFC_TOKERR_DECODE, cookie_line, -1, -1, -1, -1,
                      string_mode ? "unknown encoding: %s" : "encoding problem: %s", encname);
            return -1;
        }
    }

    dbuf b = {NULL, 0, 0};
    /* worst case: every byte becomes 3 (single-byte codecs), plus '\n', NUL */
    if (rest > ((size_t)-1) / 4 || db_reserve(&b, rest * 3 + 2) < 0) {
        set_error(tz, WFC_TOKERR_NOMEM, 0, -1, -1, -1, -1, "out of memory");
        return -1;
    }
    const unsigned char *s = src + off;
    size_t i = 0;
    while (i < rest) {
        unsigned c = s[i];
        if (c == '\r') {
            b.d[b.n++] = '\n';
            i += (i + 1 < rest && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c == 0) {
            set_error(tz, WFC_TOKERR_SYNTAX, raw_lineno(s, i), -1, -1, -1, -1,
                      "source code cannot contain null bytes");
            free(b.d);
            return -1;
        }
        if (c < 0x80) {
            b.d[b.n++] = (char)c;
            i++;
            continue;
        }
        if (codec == -1) {
            size_t n = utf8_valid_len(s + i, rest - i);
            if (n == 0) {
                set_error(tz, WFC_TOKERR_DECODE, raw_lineno(s, i), -1, -1, -1, -1,
                          "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                          "encoding declared; see https://peps.python.org/pep-0263/ for details",
                          c, tz->filename, raw_lineno(s, i));
                free(b.d);
                return -1;
            }
            memcpy(b.d + b.n, s + i, n);
            b.n += n;
            i += n;
            continue;
        }
        unsigned cp = 0xFFFF;
        if (codec == -2)
            cp = c;
        else if (codec >= 0)
            cp = wfo_uni_charmaps[codec][c - 0x80];
        if (cp == 0xFFFF) {
            if (string_mode && codec == -3)
                set_error(tz, WFC_TOKERR_DECODE, raw_lineno(s, i), -1, -1, -1, -1,
                          "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in "
                          "range(128)",
                          c, i + off);
            else if (string_mode)
                set_error(tz, WFC_TOKERR_DECODE, raw_lineno(s, i), -1, -1, -1, -1,
                          "'charmap' codec can't decode byte 0x%02x in position %zu: character "
                          "maps to <undefined>",
                          c, i + off);
            else
                set_error(tz, WFC_TOKERR_DECODE, raw_lineno(s, i), -1, -1, -1, -1,
                          "encoding problem: %s", encname);
            free(b.d);
            return -1;
        }
        db_put_cp(&b, cp);
        i++;
    }
    /* CPython's string-input newline translation turns a final "\r\n" into
     * "\n\n" (one more, empty line); files are read without that quirk */
    if (string_mode && rest >= 2 && s[rest - 2] == '\r' && s[rest - 1] == '\n')
        b.d[b.n++] = '\n';
    /* an empty file stays empty (ENDMARKER at 1,0) */
    tz->implicit_nl = b.n > 0 && b.d[b.n - 1] != '\n';
    if (tz->implicit_nl)
        b.d[b.n++] = '\n';
    b.d[b.n] = 0;
    tz->buf = b.d;
    tz->end = b.d + b.n;
    return 0;
}

static int build_lines(wfc_tokenizer *tz)
{
    size_t n = 0;
    for (const char *p = tz->buf; p < tz->end; p++)
        n += *p == '\n';
    tz->lines = malloc((n + 1) * sizeof(size_t));
    if (!tz->lines)
        return -1;
    size_t k = 0;
    tz->lines[k++] = 0;
    for (const char *p = tz->buf; p < tz->end; p++)
        if (*p == '\n' && p + 1 < tz->end)
            tz->lines[k++] = (size_t)(p + 1 - tz->buf);
    tz->nlines = (int)k;
    return 0;
}

/* ---- public API ------------------------------------------------------------ */

wfc_tokenizer *wfc_tokenizer_new(const char *src, size_t len, const char *filename, int flags)
{
    wfc_tokenizer *tz = calloc(1, sizeof *tz);
    if (!tz)
        return NULL;
    tz->flags = flags;
    tz->filename = strdup(filename ? filename : "<string>");
    if (!tz->filename) {
        free(tz);
        return NULL;
    }
    tz->lineno = 1;
    tz->atbol = 1;
    if (decode_source(tz, (const unsigned char *)src, len) < 0) {
        /* keep an empty buffer so the accessors stay well-defined */
        tz->buf = calloc(1, 2);
        if (!tz->buf) {
            wfc_tokenizer_free(tz);
            return NULL;
        }
        tz->buf[0] = '\n';
        tz->end = tz->buf + 1;
        tz->implicit_nl = 1;
    }
    if (build_lines(tz) < 0) {
        wfc_tokenizer_free(tz);
        return NULL;
    }
    tz->cur = tz->line_start = tz->buf_start = tz->buf;
    return tz;
}

void wfc_tokenizer_free(wfc_tokenizer *tz)
{
    if (!tz)
        return;
    free(tz->buf);
    free(tz->lines);
    free(tz->filename);
    free(tz);
}

const wfc_tok_error *wfc_tokenizer_error(const wfc_tokenizer *tz)
{
    return &tz->err;
}

const char *wfc_tokenizer_line(const wfc_tokenizer *tz, int lineno, size_t *len)
{
    if (lineno < 1 || lineno > tz->nlines)
        return NULL;
    const char *s = tz->buf + tz->lines[lineno - 1];
    const char *e = memchr(s, '\n', (size_t)(tz->end - s));
    if (len)
        *len = (size_t)((e ? e : tz->end) - s);
    return s;
}

int wfc_tokenizer_paren_depth(const wfc_tokenizer *tz)
{
    return tz->level;
}

/* ---- scanning helpers -------------------------------------------------------- */

static inline int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static inline int is_id_char(int c)
{
    return is_id_start(c) || is_digit(c);
}

/* Step over the '\n' at tz->cur. */
static inline void next_line(wfc_tokenizer *tz)
{
    tz->cur++;
    tz->lineno++;
    tz->line_start = tz->cur;
}

static void fill(wfc_tokenizer *tz, wfc_token *t, wfc_tok_kind kind, const char *start,
                 int lineno, const char *line_start)
{
    t->kind = kind;
    t->op = WFC_OP_NONE;
    t->start = start;
    t->len = (size_t)(tz->cur - start);
    t->lineno = lineno;
    t->col_offset = (int)(start - line_start);
    t->end_lineno = tz->lineno;
    t->end_col_offset = (int)(tz->cur - tz->line_start);
}

static unsigned decode_cp(const unsigned char *s, size_t *n)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    if (c < 0xE0) {
        *n = 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        *n = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* Check a non-ASCII identifier [start, end) as CPython's verify_identifier. */
static int verify_identifier(wfc_tokenizer *tz, const char *start, const char *end)
{
    const unsigned char *p = (const unsigned char *)start;
    int first = 1;
    while ((const char *)p < end) {
        size_t n;
        unsigned cp = decode_cp(p, &n);
        int ok = first ? (cp == '_' || wfo_uni_is_xid_start(cp)) : wfo_uni_is_xid_continue(cp);
        if (!ok) {
            int col = (int)((const char *)p - tz->line_start);
            int off = chars_between(tz->line_start, (const char *)p + n);
            if (wfo_uni_is_printable(cp))
                set_error(tz, WFC_TOKERR_SYNTAX, tz->lineno, col, col, off, off,
                          "invalid character '%.*s' (U+%04X)", (int)n, (const char *)p, cp);
            else
                set_error(tz, WFC_TOKERR_SYNTAX, tz->lineno, col, col, off, off,
                          "invalid non-printable character U+%04X", cp);
            return -1;
        }
        first = 0;
        p += n;
    }
    return 0;
}

/* s starts with `rest` and no identifier character follows it. */
static int keyword_rest(const char *s, const char *rest)
{
    size_t n = strlen(rest);
    return strncmp(s, rest, n) == 0 && !is_id_char((unsigned char)s[n]);
}

/* CPython's verify_end_of_number: what follows a number may not be an
 * identifier character, except the start of a keyword that can follow a
 * number in valid code ("1if x else y"; 3.11 only warns there): "and",
 * "else", "for", "or", "not" as whole words, or 'i' then 'f', 'n' or 's'. */
static int verify_end_of_number(wfc_tokenizer *tz, const char *s, const char *kind)
{
    int c = (unsigned char)*s, r = 0;
    if (c == 'a')
        r = keyword_rest(s + 1, "nd");
    else if (c == 'e')
        r = keyword_rest(s + 1, "lse");
    else if (c == 'f')
        r = keyword_rest(s + 1, "or");
    else if (c == 'i')
        r = s[1] == 'f' || s[1] == 'n' || s[1] == 's';
    else if (c == 'o')
        r = keyword_rest(s + 1, "r");
    else if (c == 'n')
        r = keyword_rest(s + 1, "ot");
    if (r)
        return 0;
    /* a non-ASCII character is left to the identifier check that follows */
    if (c < 128 && is_id_char(c))
        return ERR_AT(tz, s, "invalid %s literal", kind);
    return 0;
}

/* Digits and single underscores after a digit (the one before *ps). */
static int decimal_tail(wfc_tokenizer *tz, const char **ps)
{
    const char *s = *ps;
    for (;;) {
        while (is_digit(*s))
            s++;
        if (*s != '_')
            break;
        s++;
        if (!is_digit(*s))
            return ERR_AT(tz, s, "invalid decimal literal");
    }
    *ps = s;
    return 0;
}

/* Digits of base 2 or 8 with underscores; s is just after the 'b'/'o'. */
static int radix_digits(wfc_tokenizer *tz, const char **ps, int maxdigit, const char *kind)
{
    const char *s = *ps;
    do {
        if (*s == '_')
            s++;
        if (*s < '0' || *s > maxdigit) {
            if (is_digit(*s))
                return ERR_AT(tz, s + 1, "invalid digit '%c' in %s literal", *s, kind);
            return ERR_AT(tz, s, "invalid %s literal", kind);
        }
        while (*s >= '0' && *s <= maxdigit)
            s++;
    } while (*s == '_');
    if (is_digit(*s))
        return ERR_AT(tz, s + 1, "invalid digit '%c' in %s literal", *s, kind);
    if (verify_end_of_number(tz, s, kind) < 0)
        return -1;
    *ps = s;
    return 0;
}

/* A number starting at tz->cur (a digit, or '.' then a digit).  On
 * success tz->cur is moved past it. */
static int scan_number(wfc_tokenizer *tz)
{
    const char *start = tz->cur, *s = start;
    if (*s == '.') {
        s++;
        goto fraction;
    }
    if (*s == '0') {
        s++;
        if (*s == 'x' || *s == 'X') {
            s++;
            do {
                if (*s == '_')
                    s++;
                if (!is_xdigit(*s))
                    return ERR_AT(tz, s, "invalid hexadecimal literal");
                while (is_xdigit(*s))
                    s++;
            } while (*s == '_');
            if (verify_end_of_number(tz, s, "hexadecimal") < 0)
                return -1;
            goto done;
        }
        if (*s == 'o' || *s == 'O') {
            s++;
            if (radix_digits(tz, &s, '7', "octal") < 0)
                return -1;
            goto done;
        }
        if (*s == 'b' || *s == 'B') {
            s++;
            if (radix_digits(tz, &s, '1', "binary") < 0)
                return -1;
            goto done;
        }
        /* "0", "00", "0_0", or a float/imaginary starting with zeros */
        int nonzero = 0;
        for (;;) {
            if (*s == '_') {
                s++;
                if (!is_digit(*s))
                    return ERR_AT(tz, s, "invalid decimal literal");
            }
            if (*s != '0')
                break;
            s++;
        }
        const char *zeros_end = s + 1;
        if (is_digit(*s)) {
            nonzero = 1;
            s++;
            if (decimal_tail(tz, &s) < 0)
                return -1;
        }
        if (*s == '.') {
            s++;
            goto fraction;
        }
        if (*s == 'e' || *s == 'E')
            goto exponent;
        if (*s == 'j' || *s == 'J')
            goto imaginary;
        if (nonzero) {
            /* CPython gives this range in bytes */
            int col = (int)(start - tz->line_start);
            set_error(tz, WFC_TOKERR_SYNTAX, tz->lineno, col,
                      (int)(zeros_end - tz->line_start) - 1, col + 1,
                      (int)(zeros_end - tz->line_start),
                      "leading zeros in decimal integer literals are not permitted; use an 0o "
                      "prefix for octal integers");
            return -1;
        }
        if (verify_end_of_number(tz, s, "decimal") < 0)
            return -1;
        goto done;
    }
    /* decimal */
    s++;
    if (decimal_tail(tz, &s) < 0)
        return -1;
    if (*s == '.') {
        s++;
    fraction:
        if (is_digit(*s)) {
            s++;
            if (decimal_tail(tz, &s) < 0)
                return -1;
        }
    }
    if (*s == 'e' || *s == 'E') {
    exponent:;
        const char *e = s;
        s++;
        if (*s == '+' || *s == '-') {
            s++;
            if (!is_digit(*s))
                return ERR_AT(tz, s, "invalid decimal literal");
        } else if (!is_digit(*s)) {
            /* "1else": the number ends before the 'e' */
            if (verify_end_of_number(tz, e, "decimal") < 0)
                return -1;
            s = e;
            goto done;
        }
        s++;
        if (decimal_tail(tz, &s) < 0)
            return -1;
    }
    if (*s == 'j' || *s == 'J') {
    imaginary:
        s++;
        if (verify_end_of_number(tz, s, "imaginary") < 0)
            return -1;
    } else if (verify_end_of_number(tz, s, "decimal") < 0) {
        return -1;
    }
done:
    tz->cur = s;
    return 0;
}

/* ---- operators ------------------------------------------------------------ */

static wfc_op_kind one_char(int c)
{
    switch (c) {
    case '(': return WFC_OP_LPAR;
    case ')': return WFC_OP_RPAR;
    case '[': return WFC_OP_LSQB;
    case ']': return WFC_OP_RSQB;
    case ':': return WFC_OP_COLON;
    case ',': return WFC_OP_COMMA;
    case ';': return WFC_OP_SEMI;
    case '+': return WFC_OP_PLUS;
    case '-': return WFC_OP_MINUS;
    case '*': return WFC_OP_STAR;
    case '/': return WFC_OP_SLASH;
    case '|': return WFC_OP_VBAR;
    case '&': return WFC_OP_AMPER;
    case '<': return WFC_OP_LESS;
    case '>': return WFC_OP_GREATER;
    case '=': return WFC_OP_EQUAL;
    case '.': return WFC_OP_DOT;
    case '%': return WFC_OP_PERCENT;
    case '{': return WFC_OP_LBRACE;
    case '}': return WFC_OP_RBRACE;
    case '~': return WFC_OP_TILDE;
    case '^': return WFC_OP_CIRCUMFLEX;
    case '@': return WFC_OP_AT;
    case '!': return WFC_OP_EXCLAMATION;
    default: return WFC_OP_NONE;
    }
}

static wfc_op_kind two_chars(int a, int b)
{
    switch (a) {
    case '!': return b == '=' ? WFC_OP_NOTEQUAL : WFC_OP_NONE;
    case '%': return b == '=' ? WFC_OP_PERCENTEQUAL : WFC_OP_NONE;
    case '&': return b == '=' ? WFC_OP_AMPEREQUAL : WFC_OP_NONE;
    case '*': return b == '*' ? WFC_OP_DOUBLESTAR : b == '=' ? WFC_OP_STAREQUAL : WFC_OP_NONE;
    case '+': return b == '=' ? WFC_OP_PLUSEQUAL : WFC_OP_NONE;
    case '-': return b == '=' ? WFC_OP_MINEQUAL : b == '>' ? WFC_OP_RARROW : WFC_OP_NONE;
    case '/': return b == '/' ? WFC_OP_DOUBLESLASH : b == '=' ? WFC_OP_SLASHEQUAL : WFC_OP_NONE;
    case ':': return b == '=' ? WFC_OP_COLONEQUAL : WFC_OP_NONE;
    case '<':
        return b == '<' ? WFC_OP_LEFTSHIFT
             : b == '=' ? WFC_OP_LESSEQUAL
             : b == '>' ? WFC_OP_NOTEQUAL
                        : WFC_OP_NONE;
    case '=': return b == '=' ? WFC_OP_EQEQUAL : WFC_OP_NONE;
    case '>':
        return b == '=' ? WFC_OP_GREATEREQUAL : b == '>' ? WFC_OP_RIGHTSHIFT : WFC_OP_NONE;
    case '@': return b == '=' ? WFC_OP_ATEQUAL : WFC_OP_NONE;
    case '^': return b == '=' ? WFC_OP_CIRCUMFLEXEQUAL : WFC_OP_NONE;
    case '|': return b == '=' ? WFC_OP_VBAREQUAL : WFC_OP_NONE;
    default: return WFC_OP_NONE;
    }
}

static wfc_op_kind three_chars(int a, int b, int c)
{
    if (c != '=' && !(a == '.' && b == '.' && c == '.'))
        return WFC_OP_NONE;
    if (a == '*' && b == '*')
        return WFC_OP_DOUBLESTAREQUAL;
    if (a == '/' && b == '/')
        return WFC_OP_DOUBLESLASHEQUAL;
    if (a == '<' && b == '<')
        return WFC_OP_LEFTSHIFTEQUAL;
    if (a == '>' && b == '>')
        return WFC_OP_RIGHTSHIFTEQUAL;
    if (a == '.' && b == '.')
        return WFC_OP_ELLIPSIS;
    return WFC_OP_NONE;
}

/* ---- the token loop ------------------------------------------------------------ */

/* "'(' was never closed" for the innermost open bracket (CPython: a byte
 * offset, end offset 0). */
static int never_closed(wfc_tokenizer *tz)
{
    int i = tz->level - 1;
    set_error(tz, WFC_TOKERR_SYNTAX, tz->paren_line[i], tz->paren_col[i], -1,
              tz->paren_col[i] + 1, 0, "'%c' was never closed", tz->paren[i]);
    return -1;
}

/* The error for a backslash continuation that is not followed by a line:
 * '(' never closed inside brackets, else "unexpected EOF while parsing" at
 * the column after the backslash (bs_line/bs_col). */
static int eof_after_continuation(wfc_tokenizer *tz, int bs_line, int bs_col)
{
    if (tz->level > 0)
        return never_closed(tz);
    /* CPython: the byte length of that last line, its newline included */
    set_error(tz, WFC_TOKERR_SYNTAX, bs_line, bs_col + 1, -1, bs_col + 2, -1,
              "unexpected EOF while parsing");
    return -1;
}

/* Measure the indentation of a new line and queue INDENT/DEDENTs.
 * As CPython 3.11, indentation cannot be split with backslashes: the
 * column of the first backslash (unless 0) is the line's indentation, and
 * the whitespace of the lines it joins is skipped. */
static int indentation(wfc_tokenizer *tz)
{
    int col = 0, altcol = 0, cont_col = 0;
    const char *p = tz->cur;
    for (;;) {
        if (*p == ' ') {
            col++;
            altcol++;
        } else if (*p == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (*p == '\f') {
            col = altcol = 0;
        } else if (*p == '\\') {
            if (!cont_col)
                cont_col = col;
            if (p[1] != '\n') {
                set_error(tz, WFC_TOKERR_SYNTAX, tz->lineno, (int)(p + 1 - tz->line_start), -1,
                          (int)(p + 2 - tz->buf_start), 0,
                          "unexpected character after line continuation character");
                return -1;
            }
            int bs_line = tz->lineno, bs_col = (int)(p - tz->line_start);
            tz->cur = p + 1;
            next_line(tz);
            tz->buf_start = tz->line_start; /* no token in progress */
            p = tz->cur;
            if (p >= tz->end)
                return eof_after_continuation(tz, bs_line, bs_col);
            continue;
        } else {
            break;
        }
        if (col > (1 << 28))
            col = altcol = 1 << 28; /* absurd indentation: keep the arithmetic bounded */
        p++;
    }
    tz->cur = p;
    tz->indent_end = p;
    tz->blankline = p < tz->end && (*p == '#' || *p == '\n');
    if (tz->blankline || tz->level > 0)
        return 0;
    if (cont_col)
        col = altcol = cont_col; /* CPython uses the column for both measures */
    /* CPython points indentation errors at the end of the line */
    const char *nl = p < tz->end ? memchr(p, '\n', (size_t)(tz->end - p)) : NULL;
    int nl_col = nl ? (int)(nl - tz->line_start) : 0;
    if (col == tz->indstack[tz->indent]) {
        if (altcol != tz->altindstack[tz->indent])
            goto tab_error;
    } else if (col > tz->indstack[tz->indent]) {
        if (tz->indent + 1 >= WFC_MAXINDENT) {
            set_error(tz, WFC_TOKERR_INDENT, tz->lineno, 0, -1, 1, 0,
                      "too many levels of indentation");
            return -1;
        }
        if (altcol <= tz->altindstack[tz->indent])
            goto tab_error;
        tz->pendin++;
        tz->indent++;
        tz->indstack[tz->indent] = col;
        tz->altindstack[tz->indent] = altcol;
    } else {
        while (tz->indent > 0 && col < tz->indstack[tz->indent]) {
            tz->pendin--;
            tz->indent--;
        }
        if (col != tz->indstack[tz->indent]) {
            /* CPython: the line's length in bytes, plus one */
            set_error(tz, WFC_TOKERR_INDENT, tz->lineno, nl_col, -1, nl_col + 1, -1,
                      "unindent does not match any outer indentation level");
            return -1;
        }
        if (altcol != tz->altindstack[tz->indent])
            goto tab_error;
    }
    return 0;
tab_error:
    set_error(tz, WFC_TOKERR_TAB, tz->lineno, 0, -1, 1, 0,
              "inconsistent use of tabs and spaces in indentation");
    return -1;
}

static int scan_string(wfc_tokenizer *tz, wfc_token *t, const char *start)
{
    const char *line_start = tz->line_start;
    int lineno = tz->lineno;
    char quote = *tz->cur;
    int qsize = 1, endq = 0;
    tz->cur++;
    if (*tz->cur == quote) {
        tz->cur++;
        if (*tz->cur == quote) {
            tz->cur++;
            qsize = 3;
        } else {
            endq = 1; /* empty string */
        }
    }
    while (endq != qsize) {
        if (tz->cur >= tz->end || (qsize == 1 && *tz->cur == '\n')) {
            int detected = tz->cur >= tz->end ? tz->lineno - 1 : tz->lineno;
            int col = (int)(start - line_start), off = chars_between(line_start, start + 1);
            set_error(tz, WFC_TOKERR_SYNTAX, lineno, col, col, off, off,
                      qsize == 3 ? "unterminated triple-quoted string literal (detected at line %d)"
                                 : "unterminated string literal (detected at line %d)",
                      detected);
            return -1;
        }
        char c = *tz->cur;
        if (c == '\n') {
            next_line(tz);
        } else {
            tz->cur++;
        }
        if (c == quote) {
            endq++;
        } else {
            endq = 0;
            if (c == '\\' && tz->cur < tz->end) {
                if (*tz->cur == '\n')
                    next_line(tz);
                else
                    tz->cur++;
            }
        }
    }
    fill(tz, t, WFC_TOK_STRING, start, lineno, line_start);
    return 0;
}

int wfc_tokenizer_next(wfc_tokenizer *tz, wfc_token *t)
{
    memset(t, 0, sizeof *t);
    if (tz->failed)
        return -1;
    const int keep = (tz->flags & WFC_TOK_KEEP_COMMENTS) != 0;

nextline:
    if (tz->atbol) {
        tz->atbol = 0;
        if (indentation(tz) < 0)
            return -1;
    }
    if (tz->pendin != 0) {
        const char *p = tz->indent_end;
        if (tz->pendin < 0) {
            tz->pendin++;
            t->kind = WFC_TOK_DEDENT;
            t->start = p;
            t->len = 0;
            t->lineno = t->end_lineno = tz->lineno;
            t->col_offset = t->end_col_offset = (int)(p - tz->line_start);
        } else {
            tz->pendin--;
            t->kind = WFC_TOK_INDENT;
            t->start = tz->line_start;
            t->len = (size_t)(p - tz->line_start);
            t->lineno = t->end_lineno = tz->lineno;
            t->col_offset = 0;
            t->end_col_offset = (int)(p - tz->line_start);
        }
        return 0;
    }

again:
    while (*tz->cur == ' ' || *tz->cur == '\t' || *tz->cur == '\f')
        tz->cur++;
    const char *start = tz->cur;
    int c = (unsigned char)*start;

    if (c == '#') {
        const char *nl = memchr(start, '\n', (size_t)(tz->end - start));
        tz->cur = nl;
        if (keep) {
            fill(tz, t, WFC_TOK_COMMENT, start, tz->lineno, tz->line_start);
            return 0;
        }
        c = '\n';
        start = tz->cur;
    }

    if (tz->cur >= tz->end) {
        if (tz->level > 0)
            return never_closed(tz);
        tz->done = 1;
        t->kind = WFC_TOK_ENDMARKER;
        t->start = tz->end;
        t->len = 0;
        t->lineno = t->end_lineno = tz->lineno;
        t->col_offset = t->end_col_offset = 0;
        return 0;
    }

    if (is_id_start(c)) {
        /* string prefixes: b, r, u, f in the combinations Python allows */
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        const char *q = start;
        for (;;) {
            int d = (unsigned char)*q;
            if (!(saw_b || saw_u || saw_f) && (d == 'b' || d == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (d == 'u' || d == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (d == 'r' || d == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (d == 'f' || d == 'F'))
                saw_f = 1;
            else
                break;
            q++;
            if (*q == '"' || *q == '\'') {
                tz->cur = q;
                return scan_string(tz, t, start);
            }
        }
        int nonascii = 0;
        q = start;
        while (is_id_char((unsigned char)*q)) {
            nonascii |= (unsigned char)*q >= 128;
            q++;
        }
        if (nonascii && verify_identifier(tz, start, q) < 0)
            return -1;
        tz->cur = q;
        fill(tz, t, WFC_TOK_NAME, start, tz->lineno, tz->line_start);
        return 0;
    }

    if (c == '\n') {
        int is_nl = tz->blankline || tz->level > 0;
        int lineno = tz->lineno;
        const char *line_start = tz->line_start;
        int implicit = tz->implicit_nl && tz->cur + 1 == tz->end;
        next_line(tz);
        tz->buf_start = tz->line_start;
        tz->atbol = 1;
        tz->blankline = 0;
        if (is_nl && !keep)
            goto nextline;
        t->kind = is_nl ? WFC_TOK_NL : WFC_TOK_NEWLINE;
        t->start = start;
        t->len = implicit ? 0 : 1;
        t->lineno = t->end_lineno = lineno;
        t->col_offset = (int)(start - line_start);
        /* as tokenize: an NL for a missing final newline is empty */
        t->end_col_offset = t->col_offset + (is_nl && implicit ? 0 : 1);
        return 0;
    }

    if (c == '.' && is_digit((unsigned char)start[1])) {
        if (scan_number(tz) < 0)
            return -1;
        fill(tz, t, WFC_TOK_NUMBER, start, tz->lineno, tz->line_start);
        return 0;
    }
    if (is_digit(c)) {
        if (scan_number(tz) < 0)
            return -1;
        fill(tz, t, WFC_TOK_NUMBER, start, tz->lineno, tz->line_start);
        return 0;
    }

    if (c == '\'' || c == '"')
        return scan_string(tz, t, start);

    if (c == '\\') {
        if (start[1] != '\n') {
            set_error(tz, WFC_TOKERR_SYNTAX, tz->lineno, col_before(tz, start + 2), -1,
                      (int)(start + 2 - tz->buf_start), 0,
                      "unexpected character after line continuation character");
            return -1;
        }
        int bs_line = tz->lineno, bs_col = (int)(start - tz->line_start);
        tz->cur = start + 1;
        next_line(tz); /* a token is in progress for CPython: buf_start stays */
        if (tz->cur >= tz->end)
            return eof_after_continuation(tz, bs_line, bs_col);
        goto again;
    }

    /* operators */
    wfc_op_kind op = WFC_OP_NONE;
    size_t oplen = 0;
    if (start[1] != '\n' && start[2] != '\n' &&
        (op = three_chars(c, (unsigned char)start[1], (unsigned char)start[2])) != WFC_OP_NONE)
        oplen = 3;
    else if (start[1] != '\n' && (op = two_chars(c, (unsigned char)start[1])) != WFC_OP_NONE)
        oplen = 2;
    else if ((op = one_char(c)) != WFC_OP_NONE)
        oplen = 1;
    if (oplen) {
        if (op == WFC_OP_LPAR || op == WFC_OP_LSQB || op == WFC_OP_LBRACE) {
            if (tz->level >= WFC_MAXLEVEL)
                return ERR_AT(tz, start + 1, "too many nested parentheses");
            tz->paren[tz->level] = (char)c;
            tz->paren_line[tz->level] = tz->lineno;
            tz->paren_col[tz->level] = (int)(start - tz->line_start);
            tz->level++;
        } else if (op == WFC_OP_RPAR || op == WFC_OP_RSQB || op == WFC_OP_RBRACE) {
            if (tz->level == 0)
                return ERR_AT(tz, start + 1, "unmatched '%c'", c);
            tz->level--;
            int open = tz->paren[tz->level];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
                  (open == '{' && c == '}'))) {
                if (tz->paren_line[tz->level] != tz->lineno)
                    return ERR_AT(tz, start + 1,
                                  "closing parenthesis '%c' does not match opening parenthesis "
                                  "'%c' on line %d",
                                  c, open, tz->paren_line[tz->level]);
                return ERR_AT(tz, start + 1,
                              "closing parenthesis '%c' does not match opening parenthesis '%c'",
                              c, open);
            }
        }
        tz->cur = start + oplen;
        fill(tz, t, WFC_TOK_OP, start, tz->lineno, tz->line_start);
        t->op = op;
        return 0;
    }

    if (c < 0x20 || c == 0x7f)
        return ERR_AT(tz, start + 1, "invalid non-printable character U+%04X", c);
    /* '$', '?', '`': a token no grammar rule accepts */
    tz->cur = start + 1;
    fill(tz, t, WFC_TOK_ERRORTOKEN, start, tz->lineno, tz->line_start);
    return 0;
}
