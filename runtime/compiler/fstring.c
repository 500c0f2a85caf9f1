/*
 * runtime/compiler/fstring.c — string atoms: implicit concatenation and
 * f-strings, as CPython 3.11's Parser/string_parser.c builds them.
 *
 * Adjacent STRING tokens make one Constant (str or bytes) or, when any of
 * them is an f-string, one JoinedStr whose literal parts are merged and
 * whose empty parts are dropped.  An f-string body is split here into
 * literals (escapes decoded unless raw; "{{" and "}}" undoubled at the top
 * level) and replacement fields {expr[=][!c][:spec]}; each expr is parsed
 * by a child parser over the text "(expr)", whose tokens are placed where
 * CPython 3.11 places them (see wfc_p_fstring_expr).  Node positions also
 * follow 3.11: literal Constants and FormattedValues span the whole
 * concatenation, a format spec's JoinedStr and its literals span the one
 * token holding it.  Format specs nest one level deep.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/literals.h"
#include "runtime/compiler/parser_internal.h"
#include "runtime/objects/repr.h"
#include "runtime/objects/unicode_db.h"

typedef wfc_parser P;
typedef wfc_token T;

/* A byte buffer grown in the arena (so an error leaks nothing). */
typedef struct abuf {
    char *data;
    size_t len, cap;
} abuf;

/* Literal accumulator and value list of one JoinedStr being built. */
typedef struct fstate {
    abuf last;         /* pending literal text */
    int has_last;      /* `last` holds a non-empty literal */
    int fmode;         /* an f-string was seen: the result is a JoinedStr */
    wfc_expr **vals;   /* arena-grown */
    int nvals, cap;
} fstate;

typedef struct fctx {
    P *p;
    const T *first, *last; /* the whole concatenation */
    const T *tok;          /* the token being split */
    const char *kind;      /* "u" or NULL for literal Constants */
} fctx;

static void abuf_add(P *p, abuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->len + n + 1) * 2;
        if (nc < 64) nc = 64;
        char *nd = wfc_p_alloc(p, nc);
        if (b->len) memcpy(nd, b->data, b->len);
        b->data = nd;
        b->cap = nc;
    }
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Errors that CPython raises without a location point at the last token
 * the parser fetched. */
static _Noreturn void raise_last(P *p, const char *fmt, const char *arg) {
    const T *t = &p->toks[p->ntoks - 1]->t;
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg);
    wfc_p_raise_tok(p, t, "%s", msg);
}

static void push_val(P *p, fstate *st, wfc_expr *e) {
    if (st->nvals == st->cap) {
        int nc = st->cap ? st->cap * 2 : 8;
        wfc_expr **nv = wfc_p_alloc(p, (size_t)nc * sizeof *nv);
        if (st->nvals) memcpy(nv, st->vals, (size_t)st->nvals * sizeof *nv);
        st->vals = nv;
        st->cap = nc;
    }
    st->vals[st->nvals++] = e;
}

static void set_span(wfc_expr *e, const T *a, const T *b) {
    e->lineno = a->lineno;
    e->col_offset = a->col_offset;
    e->end_lineno = b->end_lineno;
    e->end_col_offset = b->end_col_offset;
}

static wfc_expr *str_const(P *p, const char *s, size_t n, const T *a, const T *b, const char *kind) {
    wfc_expr *e = wfc_p_alloc(p, sizeof *e);
    e->kind = WFC_Constant;
    wfc_constant *c = wfc_p_alloc(p, sizeof *c);
    c->kind = WFC_CONST_STR;
    c->str = wfc_arena_strndup(p->arena, s, n);
    if (!c->str) wfc_p_raise_nomem(p);
    c->len = n;
    e->v.Constant.value = c;
    e->v.Constant.kind = kind;
    set_span(e, a, b);
    return e;
}

static void add_literal(P *p, fstate *st, const char *s, size_t n) {
    if (n == 0) return;
    abuf_add(p, &st->last, s, n);
    st->has_last = 1;
}

static void flush_literal(fctx *c, fstate *st, const T *a, const T *b) {
    if (!st->has_last) return;
    push_val(c->p, st, str_const(c->p, st->last.data, st->last.len, a, b, c->kind));
    st->last.len = 0;
    st->has_last = 0;
}

/* UTF-8 of one code point (surrogates in their 3-byte form). */
static size_t utf8_put(char *o, uint32_t cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

static int hexval(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* Decode the escapes of one literal segment of a non-raw f-string into
 * st (CPython's unicode-escape rules; unknown escapes stay as written). */
static void decode_segment(fctx *c, fstate *st, const char *s, size_t n) {
    P *p = c->p;
    size_t i = 0, run = 0;
    while (i < n) {
        if (s[i] != '\\') {
            i++;
            continue;
        }
        add_literal(p, st, s + run, i - run);
        size_t esc = i++;
        if (i >= n) {
            /* a segment ending in a backslash (f"\\{x}"): CPython turns it
             * into a literal backslash before decoding */
            add_literal(p, st, "\\", 1);
            run = i;
            continue;
        }
        char ch = s[i++];
        char buf[8];
        switch (ch) {
        case '\n': break;
        case '\\': add_literal(p, st, "\\", 1); break;
        case '\'': add_literal(p, st, "'", 1); break;
        case '"': add_literal(p, st, "\"", 1); break;
        case 'a': add_literal(p, st, "\a", 1); break;
        case 'b': add_literal(p, st, "\b", 1); break;
        case 'f': add_literal(p, st, "\f", 1); break;
        case 'n': add_literal(p, st, "\n", 1); break;
        case 'r': add_literal(p, st, "\r", 1); break;
        case 't': add_literal(p, st, "\t", 1); break;
        case 'v': add_literal(p, st, "\v", 1); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(ch - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (uint32_t)(s[i++] - '0');
            add_literal(p, st, buf, utf8_put(buf, v));
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = ch == 'x' ? 2 : ch == 'u' ? 4 : 8;
            uint32_t v = 0;
            int k = 0;
            for (; k < digits && i < n && hexval(s[i]) >= 0; k++) v = v * 16 + (uint32_t)hexval(s[i++]);
            if (k < digits) {
                char m[200];
                snprintf(m, sizeof m,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                         "truncated \\%c%s escape",
                         esc, i - 1, ch, ch == 'x' ? "XX" : ch == 'u' ? "XXXX" : "XXXXXXXX");
                raise_last(p, "%s", m);
            }
            if (v > 0x10FFFF) {
                char m[200];
                snprintf(m, sizeof m,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                         "illegal Unicode character", esc, i - 1);
                raise_last(p, "%s", m);
            }
            add_literal(p, st, buf, utf8_put(buf, v));
            break;
        }
        case 'N': {
            int32_t cp = -1;
            if (i < n && s[i] == '{') {
                size_t j = i + 1;
                while (j < n && s[j] != '}') j++;
                if (j < n && j > i + 1) cp = wfo_uni_lookup_name(s + i + 1, j - i - 1);
                if (cp >= 0) i = j + 1;
                else if (j < n) i = j + 1;
            }
            if (cp < 0) {
                char m[200];
                snprintf(m, sizeof m,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                         esc, i - 1, "unknown Unicode character name");
                raise_last(p, "%s", m);
            }
            add_literal(p, st, buf, utf8_put(buf, (uint32_t)cp));
            break;
        }
        default:
            /* invalid escape: kept as written (CPython only warns) */
            add_literal(p, st, s + esc, i - esc);
            break;
        }
        run = i;
    }
    add_literal(p, st, s + run, n - run);
}

static void fstring_parse(fctx *c, fstate *st, const char **str, const char *end, int raw, int level,
                          const char *body);

/* Scan one replacement field starting at '{'; append its expr_text (for
 * `=`) to st's literal and return the FormattedValue. */
static wfc_expr *find_expr(fctx *c, fstate *st, const char **str, const char *end, int raw, int level,
                           const char *body) {
    P *p = c->p;
    if (level >= 2) raise_last(p, "%s", "f-string: expressions nested too deeply");
    *str += 1;
    const char *expr_start = *str;
    char quote = 0;
    int string_type = 0, depth = 0;
    char parens[200];
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') raise_last(p, "%s", "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote = 0;
                    }
                } else {
                    string_type = 0;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= 200) raise_last(p, "%s", "f-string: too many nested parenthesis");
            parens[depth++] = ch;
        } else if (ch == '#') {
            raise_last(p, "%s", "f-string expression part cannot include '#'");
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char nx = (*str)[1];
                if ((ch == '!' && nx == '=') || (ch == '=' && nx == '=') || (ch == '<' && nx == '=') ||
                    (ch == '>' && nx == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            char m[128];
            if (!depth) {
                snprintf(m, sizeof m, "f-string: unmatched '%c'", ch);
                raise_last(p, "%s", m);
            }
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
                snprintf(m, sizeof m, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                         ch, open);
                raise_last(p, "%s", m);
            }
        }
    }
    const char *expr_end = *str;
    if (quote) raise_last(p, "%s", "f-string: unterminated string");
    if (depth) {
        char m[64];
        snprintf(m, sizeof m, "f-string: unmatched '%c'", parens[depth - 1]);
        raise_last(p, "%s", m);
    }
    if (*str >= end) raise_last(p, "%s", "f-string: expecting '}'");

    /* The expression, as CPython compiles it: "(" expr ")" placed after
     * the text of the token before the '{'. */
    const char *q = expr_start;
    while (q < expr_end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f' || *q == '\r')) q++;
    if (q == expr_end) raise_last(p, "%s", "f-string: empty expression not allowed");
    const char *brace = expr_start - 1;
    int lines = 0, cols = 0;
    int newline_after_brace = 1;
    for (const char *s = expr_start; s < end && *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = 0;
            break;
        }
    }
    const char *tokstart = c->tok->start;
    const char *bp = body; /* the body lies inside the token text */
    (void)bp;
    /* offset of the brace within the token text */
    size_t prefix = (size_t)(body - tokstart);
    if (!newline_after_brace) {
        const char *s = brace;
        while (s > body && *s != '\n') s--;
        if (s == body && *s != '\n') cols = (int)(brace - body + (ptrdiff_t)prefix);
        else cols = (int)(brace - s) - 1;
    }
    for (const char *s = body; s < brace; s++)
        if (*s == '\n') lines++;
    int line = c->tok->lineno + lines;
    int col = lines ? cols : c->tok->col_offset + cols;
    wfc_expr *simple = wfc_p_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), line, col);

    int conversion = -1;
    int has_text = 0;
    if (**str == '=') {
        *str += 1;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' || **str == '\f' ||
                              **str == '\v'))
            *str += 1;
        if (*str >= end) raise_last(p, "%s", "f-string: expecting '}'");
        add_literal(p, st, expr_start, (size_t)(*str - expr_start));
        has_text = 1;
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end) raise_last(p, "%s", "f-string: expecting '}'");
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
            raise_last(p, "%s", "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    wfc_expr *spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) raise_last(p, "%s", "f-string: expecting '}'");
        fstate sub = {0};
        sub.fmode = 1;
        fctx sc = *c;
        sc.kind = NULL;
        fstring_parse(&sc, &sub, str, end, raw, level + 1, body);
        flush_literal(&sc, &sub, c->tok, c->tok);
        spec = wfc_p_alloc(p, sizeof *spec);
        spec->kind = WFC_JoinedStr;
        wfc_seq *vs = wfc_seq_new(p->arena, sub.nvals);
        if (!vs) wfc_p_raise_nomem(p);
        for (int i = 0; i < sub.nvals; i++) vs->items[i] = sub.vals[i];
        spec->v.JoinedStr.values = vs;
        set_span(spec, c->tok, c->tok);
    }
    if (*str >= end || **str != '}') raise_last(p, "%s", "f-string: expecting '}'");
    *str += 1;
    if (has_text && !spec && conversion == -1) conversion = 'r';
    wfc_expr *fv = wfc_p_alloc(p, sizeof *fv);
    fv->kind = WFC_FormattedValue;
    fv->v.FormattedValue.value = simple;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    set_span(fv, c->first, c->last);
    return fv;
}

/* The literal run before the next field: returns 1 when it ended at a
 * doubled brace (to be continued), else 0. */
static int find_literal(fctx *c, fstate *st, const char **str, const char *end, int raw, int level) {
    P *p = c->p;
    const char *s = *str, *lit = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (level == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    raise_last(p, "%s", "f-string: single '}' is not allowed");
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:;
    const char *lit_end = result ? s : s;
    size_t n = (size_t)(lit_end - lit);
    if (n) {
        if (raw) add_literal(p, st, lit, n);
        else decode_segment(c, st, lit, n);
    }
    return result;
}

static void fstring_parse(fctx *c, fstate *st, const char **str, const char *end, int raw, int level,
                          const char *body) {
    P *p = c->p;
    for (;;) {
        int r = find_literal(c, st, str, end, raw, level);
        if (r == 1) continue;
        if (*str >= end || **str == '}') break;
        /* a field: the pending literal becomes a Constant first */
        fstate *tgt = st;
        wfc_expr *fv = find_expr(c, tgt, str, end, raw, level, body);
        flush_literal(c, st, level == 0 ? c->first : c->tok, level == 0 ? c->last : c->tok);
        push_val(p, st, fv);
    }
    if (level == 0 && *str < end) raise_last(p, "%s", "f-string: unexpected end of string");
    if (level != 0 && (*str >= end || **str != '}')) raise_last(p, "%s", "f-string: expecting '}'");
}

wfc_expr *wfc_p_strings(P *p, int first, int last) {
    const T *ft = &p->toks[first]->t, *lt = &p->toks[last]->t;
    fstate st = {0};
    abuf bytes = {0};
    int bytesmode = 0;
    fctx c = {p, ft, lt, ft, NULL};
    if (ft->len && ft->start[0] == 'u') c.kind = "u";
    for (int i = first; i <= last; i++) {
        const T *t = &p->toks[i]->t;
        wfc_string s;
        char msg[300];
        if (wfc_decode_string(t->start, t->len, &s, msg, sizeof msg) < 0) raise_last(p, "%s", msg);
        if (i != first && bytesmode != (int)s.is_bytes) {
            wfc_string_free(&s);
            raise_last(p, "%s", "cannot mix bytes and nonbytes literals");
        }
        bytesmode = s.is_bytes;
        if (s.is_fstring) {
            int raw = s.is_raw;
            wfc_string_free(&s);
            st.fmode = 1;
            c.tok = t;
            /* split the body where it lies in the token text, so field
             * positions can be computed from the token */
            const char *body = t->start;
            while (*body != '\'' && *body != '"') body++;
            size_t q = ((size_t)(t->start + t->len - body) >= 6 && body[0] == body[1] && body[1] == body[2]) ? 3 : 1;
            body += q;
            const char *end = t->start + t->len - q;
            const char *str = body;
            fstring_parse(&c, &st, &str, end, raw, 0, body);
        } else {
            abuf *dst = s.is_bytes ? &bytes : &st.last;
            /* copy before freeing: the abuf grows in the arena */
            if (s.len) {
                char *tmp = wfc_arena_alloc(p->arena, s.len);
                if (!tmp) {
                    wfc_string_free(&s);
                    wfc_p_raise_nomem(p);
                }
                memcpy(tmp, s.data, s.len);
                size_t n = s.len;
                wfc_string_free(&s);
                abuf_add(p, dst, tmp, n);
                if (!s.is_bytes) st.has_last = 1;
            } else {
                wfc_string_free(&s);
            }
        }
    }
    wfc_expr *e;
    if (bytesmode) {
        e = wfc_p_alloc(p, sizeof *e);
        e->kind = WFC_Constant;
        wfc_constant *k = wfc_p_alloc(p, sizeof *k);
        k->kind = WFC_CONST_BYTES;
        k->str = bytes.data ? bytes.data : "";
        k->len = bytes.len;
        e->v.Constant.value = k;
        set_span(e, ft, lt);
    } else if (!st.fmode) {
        e = str_const(p, st.last.data ? st.last.data : "", st.last.len, ft, lt, c.kind);
    } else {
        flush_literal(&c, &st, ft, lt);
        e = wfc_p_alloc(p, sizeof *e);
        e->kind = WFC_JoinedStr;
        wfc_seq *vs = wfc_seq_new(p->arena, st.nvals);
        if (!vs) wfc_p_raise_nomem(p);
        for (int i = 0; i < st.nvals; i++) vs->items[i] = st.vals[i];
        e->v.JoinedStr.values = vs;
        set_span(e, ft, lt);
    }
    return e;
}
