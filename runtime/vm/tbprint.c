/*
 * runtime/vm/tbprint.c — printing an exception as CPython 3.11's default
 * sys.excepthook does: the chain (__cause__ / __context__), each
 * "Traceback (most recent call last):" with File/line/name entries, the
 * stripped source line and 3.11's location markers (^ and, for binary
 * operators and subscripts, ~ around the ^ anchor), "[Previous line
 * repeated N more times]", SyntaxError's file/line/text/caret block, the
 * "Type: message" line with 3.11's "Did you mean" suggestions for
 * NameError/AttributeError, __notes__, and exception groups in their boxed
 * format.  wfv_format_traceback gives the traceback block alone, for
 * sys.unraisablehook's default report (runtime/modules/sys.c).
 *
 * The whole report is built in a private buffer and written with one call
 * to sys.stderr (or fd 2 when it is unusable), so concurrent reports from
 * several threads do not interleave line by line.  Source lines are read
 * from the file at print time (no shared cache: nothing here is shared
 * between threads).  The current exception, if any, is saved and restored
 * around the printing.
 *
 * Columns: code positions are UTF-8 byte offsets into the source line,
 * converted to characters as CPython does; the marker line then gives each
 * character its display width (two columns for East Asian wide and
 * fullwidth characters, as 3.11.7's printer), so the marks stay under the
 * characters they mean on a terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/arena.h"
#include "runtime/compiler/ast.h"
#include "runtime/compiler/ast_nodes.h"
#include "runtime/compiler/compile.h"
#include "runtime/compiler/parser.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "weft/code.h"

/* --- a growable output buffer --------------------------------------------------------- */
typedef struct outbuf {
    char *data;
    size_t len, cap;
    int failed;
} outbuf;

static void put_n(outbuf *b, const char *s, size_t n) {
    if (b->failed) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = 1;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
static void put(outbuf *b, const char *s) { put_n(b, s, strlen(s)); }
static void put_rep(outbuf *b, const char *s, wf_ssize_t count) {
    for (wf_ssize_t i = 0; i < count; i++) put(b, s);
}
/* Append a str object's UTF-8 (or a fallback). */
static void put_obj(outbuf *b, wf_object *s) {
    wf_ssize_t n;
    const char *u = s && WF_STR_CHECK(s) ? wf_str_utf8(s, &n) : NULL;
    if (!u) {
        wf_err_clear();
        return;
    }
    put_n(b, u, (size_t)n);
}
static void putf(outbuf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) put_n(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The margin of exception-group boxes: each line of a nested exception
 * starts with indent spaces then margin ("| " inside a box). */
typedef struct ctx {
    outbuf *out;
    int indent;       /* spaces before the margin */
    const char *margin;
    int need_close;   /* exception groups: print the closing line */
    int depth;        /* exception-group nesting */
    void **seen;      /* exceptions already printed (identity) */
    int nseen, capseen;
} ctx;

static void margin(ctx *c) {
    put_rep(c->out, " ", c->indent);
    if (c->margin) put(c->out, c->margin);
}

/* Write text line by line, each prefixed by the margin. */
static void put_lines(ctx *c, const char *text) {
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        margin(c);
        put_n(c->out, text, n);
        put(c->out, "\n");
        text += n + (nl ? 1 : 0);
    }
}

/* --- source lines --------------------------------------------------------------------- */
/* Line lineno (1-based) of the file, without its newline; malloc'd. */
static char *source_line(const char *filename, int lineno) {
    if (lineno < 1 || !filename || filename[0] == '<') return NULL;
    FILE *f = fopen(filename, "rb");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0, len = 0;
    int cur = 1, ch;
    while ((ch = fgetc(f)) != EOF) {
        if (cur == lineno) {
            if (ch == '\n') break;
            if (len + 2 > cap) {
                cap = cap ? cap * 2 : 128;
                char *n = realloc(line, cap);
                if (!n) {
                    free(line);
                    fclose(f);
                    return NULL;
                }
                line = n;
            }
            line[len++] = (char)ch;
        } else if (ch == '\n' && ++cur > lineno) {
            break;
        }
    }
    fclose(f);
    if (cur < lineno) {
        free(line);
        return NULL;
    }
    if (!line) line = calloc(1, 1);
    else line[len] = 0;
    /* universal newlines: a trailing \r belongs to the line ending */
    if (line && len > 0 && line[len - 1] == '\r') line[len - 1] = 0;
    /* skip a UTF-8 BOM on the first line */
    if (line && lineno == 1 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
        (unsigned char)line[2] == 0xBF)
        memmove(line, line + 3, strlen(line + 3) + 1);
    return line;
}

/* Number of code points in the first nbytes bytes of UTF-8 s, nbytes
 * clipped to strlen(s) + 1 (the terminator counts as one character), as
 * CPython's byte_offset_to_character_offset. */
static wf_ssize_t chars_upto(const char *s, wf_ssize_t nbytes) {
    wf_ssize_t len = (wf_ssize_t)strlen(s), n = 0;
    if (nbytes > len + 1) nbytes = len + 1;
    for (wf_ssize_t i = 0; i < nbytes; i++)
        if (i == len || ((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* Byte offset of character index ci in UTF-8 s (clipped to the end). */
static size_t byte_of_char(const char *s, wf_ssize_t ci) {
    size_t i = 0;
    wf_ssize_t c = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (c == ci) return i;
            c++;
        }
        i++;
    }
    return i;
}

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\f')

/* The code point at s (valid UTF-8, as source lines are decoded), and its
 * length in bytes. */
static size_t utf8_decode(const char *s, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
    uint32_t v = u[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return i;
        }
        v = v << 6 | (u[i] & 0x3F);
    }
    *cp = v;
    return n;
}

/* East Asian Width W and F ranges (Unicode 14.0, assigned code points),
 * inclusive pairs: the characters a terminal shows two columns wide. */
static const uint32_t wide_ranges[][2] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x3247},   {0x3250, 0x4DBF},   {0x4E00, 0xA4C6},   {0xA960, 0xA97C},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAD9},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6B},   {0xFF01, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x16FE0, 0x1B2FB}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393},
    {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
    {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
    {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
    {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
    {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6},
    {0x20000, 0x3134A},
};

static int display_width(uint32_t cp) {
    if (cp < 0x1100) return 1;
    size_t lo = 0, hi = sizeof wide_ranges / sizeof *wide_ranges;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp > wide_ranges[mid][1]) lo = mid + 1;
        else hi = mid;
    }
    return lo < sizeof wide_ranges / sizeof *wide_ranges && wide_ranges[lo][0] <= cp ? 2 : 1;
}

/* 3.11's secondary ranges: parse the marked segment; a binary operation
 * anchors on its operator, a subscript on its brackets.  Anchors are byte
 * offsets into seg.  1 when found. */
static int segment_anchors(const char *seg, size_t seglen, const char *filename, wf_ssize_t *left,
                           wf_ssize_t *right) {
    wfc_arena *arena = wfc_arena_new();
    if (!arena) return 0;
    wfc_syntax_error err;
    memset(&err, 0, sizeof err);
    int found = 0;
    wfc_mod *m = wfc_parse(seg, seglen, filename, arena, &err);
    if (m && wfc_check_depth(m, &err) == 0 && wfc_ast_optimize(m, arena, wfv_interp_state.optimize, &err) == 0 &&
        m->kind == WFC_Module && m->v.Module.body && m->v.Module.body->len == 1) {
        wfc_stmt *st = m->v.Module.body->items[0];
        wfc_expr *e = st && st->kind == WFC_Expr ? st->v.Expr.value : NULL;
        if (e && e->kind == WFC_BinOp) {
            int lo = e->v.BinOp.left->end_col_offset, hi = e->v.BinOp.right->col_offset;
            for (int i = lo; i < hi && i < (int)seglen; i++) {
                if (IS_WS(seg[i])) continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < hi && !IS_WS(seg[i + 1])) ++*right;
                found = 1;
                if (i + 1 < hi && seg[i] == ')') continue; /* parentheses of the left operand */
                break;
            }
        } else if (e && e->kind == WFC_Subscript) {
            wf_ssize_t l = e->v.Subscript.value->end_col_offset;
            wf_ssize_t r = e->v.Subscript.slice->end_col_offset;
            while (l < (wf_ssize_t)seglen && seg[l] != '[') l++;
            while (r < (wf_ssize_t)seglen && seg[r] != ']') r++;
            if (r < (wf_ssize_t)seglen) r++;
            *left = l;
            *right = r;
            found = 1;
        }
    }
    wfc_syntax_error_clear(&err);
    wfc_arena_free(arena);
    return found;
}

/* The marker line under a source line, or nothing when the primary range
 * spans the whole stripped line (3.11's tb_displayline). */
static void location_markers(ctx *c, const char *line, wf_ssize_t stripped, wfv_pos pos, const char *filename) {
    if (pos.lineno < 0 || pos.end_lineno < 0 || pos.col < 0 || pos.end_col < 0) return;
    wf_ssize_t start = chars_upto(line, pos.col);
    wf_ssize_t end = chars_upto(line, pos.end_col);
    wf_ssize_t left = -1, right = -1;
    const char *primary = "^", *secondary = "^";
    if (pos.lineno == pos.end_lineno) {
        size_t b0 = byte_of_char(line, start), b1 = byte_of_char(line, end);
        if (b1 > b0) {
            char *seg = malloc(b1 - b0 + 1);
            if (seg) {
                memcpy(seg, line + b0, b1 - b0);
                seg[b1 - b0] = 0;
                wf_ssize_t la, ra;
                if (segment_anchors(seg, b1 - b0, filename, &la, &ra)) {
                    left = chars_upto(seg, la) + start;
                    right = chars_upto(seg, ra) + start;
                    primary = "~";
                    secondary = "^";
                }
                free(seg);
            }
        }
    } else {
        /* a multi-line expression: mark up to the last non-blank character */
        wf_ssize_t i = (wf_ssize_t)strlen(line);
        while (--i >= 0)
            if (!IS_WS(line[i])) break;
        end = chars_upto(line, i + 1);
    }
    wf_ssize_t line_len = chars_upto(line, (wf_ssize_t)strlen(line));
    int special = left != -1 || right != -1;
    if (end - start == line_len - stripped && !special) return;
    margin(c);
    put(c->out, "    ");
    /* One mark per column under characters stripped..end-1: two under a
     * wide character, as the terminal shows it (3.11.7). */
    size_t b = byte_of_char(line, stripped);
    for (wf_ssize_t idx = stripped; idx < end; idx++) {
        int w = 1;
        if (line[b]) {
            uint32_t cp;
            b += utf8_decode(line + b, &cp);
            w = display_width(cp);
        }
        const char *m = idx < start ? " " : (special && left <= idx && idx < right) ? secondary : primary;
        for (int k = 0; k < w; k++) put(c->out, m);
    }
    put(c->out, "\n");
}

/* --- tracebacks ----------------------------------------------------------------------- */
static int is_traceback(wf_object *o) {
    return o && o != wf_None && strcmp(WF_TYPE(o)->tp_name, "traceback") == 0;
}

static void display_line(ctx *c, wfv_traceback *tb, wf_object *filename, wf_object *name, wfv_code *code) {
    margin(c);
    put(c->out, "  File \"");
    put_obj(c->out, filename);
    putf(c->out, "\", line %d, in ", tb->tb_lineno);
    put_obj(c->out, name);
    put(c->out, "\n");
    const char *fn = WF_STR_CHECK(filename) ? wf_str_utf8(filename, NULL) : NULL;
    if (!fn) {
        wf_err_clear();
        return;
    }
    char *line = source_line(fn, tb->tb_lineno);
    if (!line) return;
    wf_ssize_t stripped = 0;
    while (IS_WS(line[stripped])) stripped++;
    margin(c);
    put(c->out, "    ");
    put(c->out, line + stripped);
    put(c->out, "\n");
    if (code && tb->tb_lasti >= 0 && tb->tb_lasti < code->co_ninstrs)
        location_markers(c, line, chars_upto(line, stripped), code->co_positions[tb->tb_lasti], fn);
    free(line);
}

static void print_repeated(ctx *c, long cnt) {
    cnt -= 3;
    putf(c->out, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

static long traceback_limit(void) {
    long limit = 1000;
    wf_object *v = NULL;
    if (wfv_interp_state.sysdict &&
        wf_dict_get_item_string_ref(wfv_interp_state.sysdict, "tracebacklimit", &v) > 0) {
        if (WF_INT_CHECK(v)) {
            int overflow = 0;
            int64_t x = wf_int_as_i64_overflow(v, &overflow);
            limit = overflow > 0 ? 1000000000L : overflow < 0 ? 0 : (long)x;
        }
        wf_decref(v);
    }
    wf_err_clear();
    return limit;
}

static void print_tb(ctx *c, wf_object *tbobj, const char *header_margin, const char *header) {
    long limit = traceback_limit();
    if (limit <= 0) return;
    put_rep(c->out, " ", c->indent);
    if (header_margin) put(c->out, header_margin);
    put(c->out, header);
    long depth = 0;
    for (wf_object *t = tbobj; is_traceback(t); t = ((wfv_traceback *)t)->tb_next) depth++;
    wf_object *t = tbobj;
    while (is_traceback(t) && depth > limit) {
        depth--;
        t = ((wfv_traceback *)t)->tb_next;
    }
    wf_object *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; is_traceback(t); t = ((wfv_traceback *)t)->tb_next) {
        wfv_traceback *tb = (wfv_traceback *)t;
        wf_object *code = tb->tb_frame ? wf_object_getattr_string(tb->tb_frame, "f_code") : NULL;
        if (!code || !WFV_CODE_CHECK(code)) {
            wf_err_clear();
            wf_xdecref(code);
            continue;
        }
        wfv_code *co = (wfv_code *)code;
        if (!last_file || co->co_filename != last_file || last_line == -1 || tb->tb_lineno != last_line ||
            !last_name || co->co_name != last_name) {
            if (cnt > 3) print_repeated(c, cnt);
            last_file = co->co_filename;
            last_line = tb->tb_lineno;
            last_name = co->co_name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= 3) display_line(c, tb, co->co_filename, co->co_name, co);
        wf_decref(code); /* the frame keeps the names alive for the comparisons */
    }
    if (cnt > 3) print_repeated(c, cnt);
}

/* --- "Did you mean" (CPython 3.11's suggestions.c rules) ------------------------------ */
#define SUGG_MAX_ITEMS 750
#define SUGG_MAX_STRING 40
#define SUGG_MOVE_COST 2
#define SUGG_CASE_COST 1

static size_t subst_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return SUGG_MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? SUGG_CASE_COST : SUGG_MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost, size_t *row) {
    if (a == b) return 0;
    while (an && bn && a[0] == b[0]) a++, b++, an--, bn--;
    while (an && bn && a[an - 1] == b[bn - 1]) an--, bn--;
    if (an == 0 || bn == 0) return (an + bn) * SUGG_MOVE_COST;
    if (an > SUGG_MAX_STRING || bn > SUGG_MAX_STRING) return max_cost + 1;
    if (bn < an) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if ((bn - an) * SUGG_MOVE_COST > max_cost) return max_cost + 1;
    for (size_t i = 0; i < an; i++) row[i] = (i + 1) * SUGG_MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * SUGG_MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + subst_cost(code, a[i]);
            distance = row[i];
            size_t insert_delete = (result < distance ? result : distance) + SUGG_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* The closest candidate to name in the list dir, or NULL; new reference. */
static wf_object *closest(wf_object *dir, wf_object *name) {
    wf_ssize_t n = wf_list_size(dir);
    if (n >= SUGG_MAX_ITEMS) return NULL;
    wf_ssize_t nlen;
    const char *ns = wf_str_utf8(name, &nlen);
    if (!ns) return NULL;
    size_t row[SUGG_MAX_STRING];
    wf_object *best = NULL;
    size_t best_dist = (size_t)WF_SSIZE_MAX;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *item = wf_list_get_item(dir, i);
        if (!item) break;
        if (!WF_STR_CHECK(item) || wf_str_eq(item, name)) {
            wf_decref(item);
            continue;
        }
        wf_ssize_t ilen;
        const char *is = wf_str_utf8(item, &ilen);
        if (!is) {
            wf_decref(item);
            break;
        }
        size_t maxd = (size_t)(nlen + ilen + 3) * SUGG_MOVE_COST / 6;
        if (best_dist - 1 < maxd) maxd = best_dist - 1;
        size_t d = levenshtein(ns, (size_t)nlen, is, (size_t)ilen, maxd, row);
        if (d > maxd || (best && d >= best_dist)) {
            wf_decref(item);
            continue;
        }
        wf_xdecref(best);
        best = item;
        best_dist = d;
    }
    wf_err_clear();
    return best;
}

static wf_object *keys_list(wf_object *mapping) {
    if (!mapping) return NULL;
    if (WF_DICT_CHECK(mapping)) return wf_dict_keys(mapping);
    if (wf_type_is_subtype(WF_TYPE(mapping), &wf_module_type)) return wf_dict_keys(wf_module_get_dict(mapping));
    return wf_sequence_list(mapping);
}

static wf_object *suggest_in(wf_object *list, wf_object *name) {
    if (!list) {
        wf_err_clear();
        return NULL;
    }
    wf_object *r = closest(list, name);
    wf_decref(list);
    return r;
}

static wf_object *suggestion(wf_object *exc) {
    int is_attr = wf_object_is_instance(exc, (wf_object *)&wf_exc_AttributeError) > 0;
    int is_name = !is_attr && wf_object_is_instance(exc, (wf_object *)&wf_exc_NameError) > 0;
    if (!is_attr && !is_name) return NULL;
    wf_object *name = wf_object_getattr_string(exc, "name");
    if (!name || !WF_STR_CHECK(name)) {
        wf_xdecref(name);
        wf_err_clear();
        return NULL;
    }
    wf_object *r = NULL;
    if (is_attr) {
        wf_object *obj = wf_object_getattr_string(exc, "obj");
        wf_object *dirf = NULL;
        if (obj && wfv_interp_state.builtins &&
            wf_dict_get_item_string_ref(wfv_interp_state.builtins, "dir", &dirf) > 0) {
            r = suggest_in(wf_object_call_one(dirf, obj), name);
            wf_decref(dirf);
        }
        wf_xdecref(obj);
    } else {
        wf_object *t = ((wf_base_exception *)exc)->traceback;
        if (is_traceback(t)) {
            while (is_traceback(((wfv_traceback *)t)->tb_next)) t = ((wfv_traceback *)t)->tb_next;
            wf_object *frame = ((wfv_traceback *)t)->tb_frame;
            wf_object *code = frame ? wf_object_getattr_string(frame, "f_code") : NULL;
            if (code && WFV_CODE_CHECK(code)) r = suggest_in(wf_sequence_list(((wfv_code *)code)->co_varnames), name);
            wf_xdecref(code);
            wf_err_clear();
            static const char *const scopes[] = {"f_globals", "f_builtins"};
            for (int i = 0; !r && frame && i < 2; i++) {
                wf_object *m = wf_object_getattr_string(frame, scopes[i]);
                r = suggest_in(keys_list(m), name);
                wf_xdecref(m);
                wf_err_clear();
            }
        }
    }
    wf_decref(name);
    wf_err_clear();
    return r;
}

/* --- one exception -------------------------------------------------------------------- */
static wf_object *attr(wf_object *o, const char *name) {
    wf_object *v = wf_object_getattr_string(o, name);
    if (!v) wf_err_clear();
    return v;
}

/* SyntaxError: '  File "f", line N' and the text with its carets; returns
 * the message to print instead of str(exc) (new reference), or NULL when
 * the attributes are unusable (then str(exc) is printed). */
static wf_object *syntax_error_block(ctx *c, wf_object *exc) {
    wf_object *msg = attr(exc, "msg"), *filename = attr(exc, "filename"), *lineno = attr(exc, "lineno");
    wf_object *offset = attr(exc, "offset"), *text = attr(exc, "text");
    wf_object *end_lineno = attr(exc, "end_lineno"), *end_offset = attr(exc, "end_offset");
    wf_object *result = NULL;
    if (!msg || !lineno || !WF_INT_CHECK(lineno)) goto done;
    long ln = (long)wf_int_as_ssize(lineno);
    long off = offset && WF_INT_CHECK(offset) ? (long)wf_int_as_ssize(offset) : -1;
    long eln = end_lineno && WF_INT_CHECK(end_lineno) ? (long)wf_int_as_ssize(end_lineno) : ln;
    long eoff = end_offset && WF_INT_CHECK(end_offset) ? (long)wf_int_as_ssize(end_offset) : -1;
    wf_err_clear();
    margin(c);
    put(c->out, "  File \"");
    if (filename && filename != wf_None) {
        wf_object *s = wf_object_str(filename);
        put_obj(c->out, s);
        wf_xdecref(s);
    } else {
        put(c->out, "<string>");
    }
    putf(c->out, "\", line %ld\n", ln);
    if (text && WF_STR_CHECK(text)) {
        const char *t = wf_str_utf8(text, NULL);
        if (t) {
            /* CPython 3.11 turns the character offsets into UTF-8 byte
             * offsets of the text and lays the caret line out in bytes */
            wf_ssize_t tchars = wf_str_len(text);
            size_t tl = strlen(t);
            if (tl > 0 && t[tl - 1] == '\n') tchars--;
            if (eln > ln && eoff > 0) eoff = tchars + 1;
            long boff = off > 0 ? (long)byte_of_char(t, off - 1) + 1 : off;
            long beoff = eoff > 0 ? (long)byte_of_char(t, eoff - 1) + 1 : eoff;
            long carets = (beoff > 0 && beoff > boff) ? beoff - boff : 1;
            long o = boff - 1;
            size_t bi = 0;
            while (t[bi] == ' ' || t[bi] == '\t' || t[bi] == '\f') bi++, o--;
            const char *s = t + bi;
            size_t len = strlen(s);
            if (len > 0 && s[len - 1] == '\n') len--;
            if (o > (long)len) o = (long)len;
            margin(c);
            put(c->out, "    ");
            put_n(c->out, s, len);
            put(c->out, "\n");
            if (o >= 0) {
                margin(c);
                put(c->out, "    ");
                put_rep(c->out, " ", o);
                put_rep(c->out, "^", carets);
                put(c->out, "\n");
            }
        }
        wf_err_clear();
    }
    result = wf_newref(msg);
done:
    wf_xdecref(msg);
    wf_xdecref(filename);
    wf_xdecref(lineno);
    wf_xdecref(offset);
    wf_xdecref(text);
    wf_xdecref(end_lineno);
    wf_xdecref(end_offset);
    wf_err_clear();
    return result;
}

static void print_message_line(ctx *c, wf_object *exc, wf_object *override_msg) {
    margin(c);
    wf_object *type = (wf_object *)WF_TYPE(exc);
    wf_object *mod = attr(type, "__module__");
    if (!mod || !WF_STR_CHECK(mod)) {
        put(c->out, "<unknown>");
    } else if (!wf_str_eq_cstr(mod, "builtins") && !wf_str_eq_cstr(mod, "__main__")) {
        put_obj(c->out, mod);
        put(c->out, ".");
    }
    wf_xdecref(mod);
    wf_object *qn = attr(type, "__qualname__");
    if (qn && WF_STR_CHECK(qn)) put_obj(c->out, qn);
    else put(c->out, "<unknown>");
    wf_xdecref(qn);
    wf_object *s = wf_object_str(override_msg ? override_msg : exc);
    if (!s) {
        wf_err_clear();
        put(c->out, ": <exception str() failed>");
    } else if (!WF_STR_CHECK(s) || wf_str_len(s) != 0) {
        put(c->out, ": ");
        put_obj(c->out, s);
    }
    wf_xdecref(s);
    wf_object *sugg = suggestion(exc);
    if (sugg) {
        wf_object *r = wf_object_repr(sugg);
        put(c->out, ". Did you mean: ");
        put_obj(c->out, r);
        put(c->out, "?");
        wf_xdecref(r);
        wf_decref(sugg);
    }
    wf_err_clear();
    put(c->out, "\n");
}

static void print_notes(ctx *c, wf_object *exc) {
    wf_object *notes = NULL;
    if (wf_object_lookup_attr(exc, wf_str_intern_cstr("__notes__"), &notes) <= 0) {
        wf_err_clear();
        return;
    }
    /* any sequence (a str too, one note per character, as 3.11) */
    wf_ssize_t n = WF_DICT_CHECK(notes) ? -1 : wf_sequence_size(notes);
    if (n < 0) {
        wf_err_clear();
        margin(c);
        wf_object *r = wf_object_repr(notes);
        if (r) put_obj(c->out, r);
        else put(c->out, "<__notes__ repr() failed>");
        wf_xdecref(r);
        wf_err_clear();
        put(c->out, "\n");
        wf_decref(notes);
        return;
    }
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *note = wf_sequence_get_item(notes, i);
        wf_object *s = note ? wf_object_str(note) : NULL;
        wf_xdecref(note);
        if (!s) {
            wf_err_clear();
            put(c->out, "<note str() failed>\n");
            continue;
        }
        const char *u = wf_str_utf8(s, NULL);
        if (u && *u) put_lines(c, u);
        else {
            margin(c);
            put(c->out, "\n");
        }
        wf_decref(s);
        wf_err_clear();
    }
    wf_decref(notes);
}

static int is_group(wf_object *exc) {
    return wf_object_is_instance(exc, (wf_object *)&wf_exc_BaseExceptionGroup) > 0;
}

static void print_one(ctx *c, wf_object *exc) {
    wf_object *tb = ((wf_base_exception *)exc)->traceback;
    if (tb && tb != wf_None) {
        const char *header = "Traceback (most recent call last):\n";
        const char *hm = c->margin;
        if (is_group(exc)) {
            header = "Exception Group Traceback (most recent call last):\n";
            if (c->depth == 1) hm = "+ ";
        }
        print_tb(c, tb, hm, header);
    }
    wf_object *msg = NULL;
    if (wf_object_is_instance(exc, (wf_object *)&wf_exc_SyntaxError) > 0) msg = syntax_error_block(c, exc);
    print_message_line(c, exc, msg);
    wf_xdecref(msg);
    print_notes(c, exc);
}

static int seen(ctx *c, wf_object *e) {
    for (int i = 0; i < c->nseen; i++)
        if (c->seen[i] == e) return 1;
    return 0;
}

static void print_recursive(ctx *c, wf_object *exc);

static void print_chained(ctx *c, wf_object *exc, const char *message) {
    int need_close = c->need_close;
    print_recursive(c, exc);
    c->need_close = need_close;
    margin(c);
    put(c->out, "\n");
    margin(c);
    put(c->out, message);
    margin(c);
    put(c->out, "\n");
}

static void set_margin(ctx *c) {
    c->indent = 2 * c->depth;
    c->margin = c->depth ? "| " : NULL;
}

static void print_group(ctx *c, wf_object *exc) {
    if (c->depth > 10) {
        margin(c);
        put(c->out, "... (max_group_depth is 10)\n");
        return;
    }
    if (c->depth == 0) {
        c->depth = 1;
        set_margin(c);
    }
    print_one(c, exc);
    wf_object *excs = attr(exc, "exceptions");
    if (!excs || !WF_TUPLE_CHECK(excs)) {
        wf_xdecref(excs);
        return;
    }
    wf_ssize_t num = WF_TUPLE_SIZE(excs), n = num <= 15 ? num : 16;
    c->need_close = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        int last = i == n - 1;
        if (last) c->need_close = 1;
        put_rep(c->out, " ", 2 * c->depth);
        int truncated = i >= 15;
        if (!truncated) putf(c->out, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", (size_t)(i + 1));
        else putf(c->out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->depth++;
        set_margin(c);
        if (!truncated) {
            print_recursive(c, WF_TUPLE_ITEM(excs, i));
        } else {
            wf_ssize_t rem = num - 15;
            margin(c);
            putf(c->out, "and %zd more exception%s\n", (size_t)rem, rem > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            put_rep(c->out, " ", 2 * c->depth);
            put(c->out, "+------------------------------------\n");
            c->need_close = 0;
        }
        c->depth--;
        set_margin(c);
    }
    wf_decref(excs);
    if (c->depth == 1) {
        c->depth = 0;
        set_margin(c);
    }
}

static void print_recursive(ctx *c, wf_object *exc) {
    if (wf_enter_recursive_call(" in print_exception_recursive") < 0) {
        wf_err_clear();
        return;
    }
    if (c->nseen == c->capseen) {
        int cap = c->capseen ? c->capseen * 2 : 8;
        void **s = realloc(c->seen, (size_t)cap * sizeof *s);
        if (s) {
            c->seen = s;
            c->capseen = cap;
        }
    }
    if (c->nseen < c->capseen) c->seen[c->nseen++] = exc;
    wf_object *cause = wf_exc_get_cause(exc);
    if (cause && cause != wf_None) {
        if (!seen(c, cause)) print_chained(c, cause, "The above exception was the direct cause of the following exception:\n");
    } else if (!((wf_base_exception *)exc)->suppress_context) {
        wf_object *context = wf_exc_get_context(exc);
        if (context && context != wf_None && !seen(c, context))
            print_chained(c, context, "During handling of the above exception, another exception occurred:\n");
        wf_xdecref(context);
    }
    wf_xdecref(cause);
    wf_err_clear();
    if (is_group(exc)) print_group(c, exc);
    else print_one(c, exc);
    wf_leave_recursive_call();
}

void wfv_print_exception(wf_object *exc) {
    wf_object *saved = wf_err_fetch();
    outbuf out = {0};
    if (!exc || !WF_EXC_CHECK(exc)) {
        putf(&out, "TypeError: print_exception(): Exception expected for value, %s found\n",
             exc ? wf_type_name(WF_TYPE(exc)) : "NoneType");
    } else {
        ctx c = {.out = &out};
        wf_incref(exc);
        print_recursive(&c, exc);
        wf_decref(exc);
        free(c.seen);
    }
    if (out.data) wfv_sys_write("stderr", out.data);
    free(out.data);
    /* flush sys.stderr as CPython's excepthook does */
    wf_object *f = wfv_sys_get_stream("stderr");
    if (f) {
        wf_object *r = wf_object_call_method(f, "flush", NULL, 0);
        wf_xdecref(r);
        wf_decref(f);
    }
    wf_err_clear();
    wf_err_restore(saved);
}

wf_object *wfv_format_traceback(wf_object *tb) {
    wf_object *saved = wf_err_fetch();
    outbuf out = {0};
    ctx c = {.out = &out};
    if (is_traceback(tb)) print_tb(&c, tb, NULL, "Traceback (most recent call last):\n");
    free(c.seen);
    wf_err_clear();
    wf_err_restore(saved);
    if (out.failed) {
        free(out.data);
        return wf_err_no_memory();
    }
    wf_object *r = wf_str_from_utf8(out.data ? out.data : "", (wf_ssize_t)out.len);
    free(out.data);
    return r;
}
