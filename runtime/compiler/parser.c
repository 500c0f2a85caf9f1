/*
 * runtime/compiler/parser.c — recursive descent parser for Python 3.11.
 *
 * Grammar: CPython 3.11's Grammar/python.gram, rule by rule, written as
 * hand recursive descent.  Where the PEG grammar would backtrack, this
 * parser mostly decides by looking ahead (assignment statements parse the
 * left side as an expression and convert it into a target); the few true
 * backtracking points (the soft keyword `match`, parenthesized with-items,
 * the "forgot a comma" probe) save the token index and install an error
 * handler.
 *
 * Positions follow CPython's EXTRA convention: a node starts at the first
 * token of its rule and ends at the last token the rule consumed that is
 * not NEWLINE/INDENT/DEDENT/ENDMARKER.
 *
 * Errors: see parser_internal.h.  The generic "invalid syntax" points at
 * the furthest token looked at, as CPython's points at the last token it
 * fetched; specific messages follow CPython's invalid_* rules for the
 * common cases.  Depth: every recursive rule counts depth and checks a C
 * stack budget; beyond either, parsing fails with MemoryError as
 * CPython's parser does when its stack overflows.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/parser_internal.h"
#include "runtime/objects/unicode_db.h"

typedef wfc_parser P;
typedef wfc_token T;

enum { WFC_STACK_BUDGET = 3 * 1024 * 1024 };

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

static void set_text(P *p, int lineno) {
    P *root = p;
    while (root->parent) root = root->parent;
    free(root->err->text);
    root->err->text = NULL;
    size_t n = 0;
    const char *line = wfc_tokenizer_line(p->tz, p->parent ? lineno - p->base_line + 1 : lineno, &n);
    if (line) {
        char *s = malloc(n + 1);
        if (s) {
            memcpy(s, line, n);
            s[n] = '\0';
            root->err->text = s;
        }
    }
}

_Noreturn void wfc_p_raise(P *p, wfc_error_kind kind, int lineno, int col, int end_lineno, int end_col,
                           const char *fmt, ...) {
    P *root = p;
    while (root->parent) root = root->parent;
    wfc_syntax_error *e = root->err;
    e->kind = kind;
    size_t off = 0;
    if (p->parent && kind == WFC_ERR_SYNTAX && strncmp(fmt, "f-string", 8) != 0) {
        off = (size_t)snprintf(e->msg, sizeof e->msg, "f-string: ");
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg + off, sizeof e->msg - off, fmt, ap);
    va_end(ap);
    if (p->parent) {
        /* Inside an f-string field: CPython shows the field's own text
         * "(expr)" with columns relative to it. */
        int first = lineno == p->base_line;
        if (col >= 0 && first) col -= p->base_col;
        if (end_col >= 0 && end_lineno == p->base_line) end_col -= p->base_col;
    }
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    set_text(p, lineno);
    longjmp(*p->jmp, 1);
}

_Noreturn void wfc_p_raise_tok(P *p, const T *t, const char *fmt, ...) {
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    wfc_p_raise(p, WFC_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, "%s", buf);
}

_Noreturn void wfc_p_raise_nomem(P *p) {
    P *root = p;
    while (root->parent) root = root->parent;
    root->err->kind = WFC_ERR_MEMORY;
    root->err->msg[0] = '\0';
    root->err->lineno = -1;
    p->fatal = 1;
    longjmp(*p->jmp, 1);
}

#define RAISE_NODE(p, n, ...)                                                                   \
    wfc_p_raise((p), WFC_ERR_SYNTAX, (n)->lineno, (n)->col_offset, (n)->end_lineno,             \
                (n)->end_col_offset, __VA_ARGS__)
#define RAISE_RANGE(p, a, b, ...)                                                               \
    wfc_p_raise((p), WFC_ERR_SYNTAX, (a)->lineno, (a)->col_offset, (b)->end_lineno,             \
                (b)->end_col_offset, __VA_ARGS__)

void *wfc_p_alloc(P *p, size_t n) {
    void *m = wfc_arena_alloc(p->arena, n);
    if (!m) wfc_p_raise_nomem(p);
    return m;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static _Noreturn void tokenizer_error(P *p) {
    const wfc_tok_error *te = wfc_tokenizer_error(p->tz);
    wfc_error_kind k = WFC_ERR_SYNTAX;
    if (te->kind == WFC_TOKERR_INDENT) k = WFC_ERR_INDENT;
    else if (te->kind == WFC_TOKERR_TAB) k = WFC_ERR_TAB;
    else if (te->kind == WFC_TOKERR_NOMEM) wfc_p_raise_nomem(p);
    p->fatal = 1;
    int lineno = te->lineno, col = te->col_offset, el = te->end_lineno, ec = te->end_col_offset;
    if (p->parent) {
        /* A field's tokens are positioned in the file. */
        if (lineno == 1 && col >= 0) col += p->base_col;
        if (el == 1 && ec >= 0) ec += p->base_col;
        lineno += p->base_line - 1;
        if (el > 0) el += p->base_line - 1;
    }
    wfc_p_raise(p, k, lineno, col, el, ec, "%s", te->msg);
}

static void fetch(P *p) {
    if (p->ntoks == p->cap) {
        int ncap = p->cap ? p->cap * 2 : 256;
        wfc_ptoken **nt = realloc(p->toks, (size_t)ncap * sizeof *nt);
        if (!nt) wfc_p_raise_nomem(p);
        p->toks = nt;
        p->cap = ncap;
    }
    wfc_ptoken *pt = wfc_p_alloc(p, sizeof *pt);
    p->toks[p->ntoks] = pt;
    if (p->ntoks > 0 && p->toks[p->ntoks - 1]->t.kind == WFC_TOK_ENDMARKER) {
        *pt = *p->toks[p->ntoks - 1];
        p->ntoks++;
        return;
    }
    for (;;) {
        if (wfc_tokenizer_next(p->tz, &pt->t) < 0) tokenizer_error(p);
        if (pt->t.kind == WFC_TOK_COMMENT || pt->t.kind == WFC_TOK_NL ||
            pt->t.kind == WFC_TOK_TYPE_COMMENT)
            continue;
        break;
    }
    /* An ERRORTOKEN ('$', '?', '`') matches no rule: the parser fails
     * there with "invalid syntax"; "<>" is NOTEQUAL that only "!=" may be. */
    if (pt->t.kind == WFC_TOK_OP && pt->t.op == WFC_OP_NOTEQUAL && pt->t.len == 2 && pt->t.start[0] == '<')
        pt->t.kind = WFC_TOK_ERRORTOKEN;
    if (pt->t.kind == WFC_TOK_OP) {
        switch (pt->t.op) {
        case WFC_OP_LPAR: case WFC_OP_LSQB: case WFC_OP_LBRACE: p->level++; break;
        case WFC_OP_RPAR: case WFC_OP_RSQB: case WFC_OP_RBRACE: if (p->level > 0) p->level--; break;
        default: break;
        }
    }
    pt->level = p->level;
    if (p->parent) {
        T *t = &pt->t;
        if (t->lineno == 1) t->col_offset += p->base_col;
        if (t->end_lineno == 1) t->end_col_offset += p->base_col;
        t->lineno += p->base_line - 1;
        t->end_lineno += p->base_line - 1;
    }
    p->ntoks++;
}

static T *peek(P *p, int k) {
    int i = p->pos + k;
    while (p->ntoks <= i) fetch(p);
    if (i > p->maxpos) p->maxpos = i;
    return &p->toks[i]->t;
}

static T *cur(P *p) { return peek(p, 0); }
static T *advance(P *p) {
    T *t = peek(p, 0);
    p->pos++;
    return t;
}

static int is_op(const T *t, wfc_op_kind op) { return t->kind == WFC_TOK_OP && t->op == op; }
static int is_kw(const T *t, const char *kw) {
    size_t n = strlen(kw);
    return t->kind == WFC_TOK_NAME && t->len == n && memcmp(t->start, kw, n) == 0;
}
static int at_op(P *p, wfc_op_kind op) { return is_op(cur(p), op); }
static int at_kw(P *p, const char *kw) { return is_kw(cur(p), kw); }
static int accept_op(P *p, wfc_op_kind op) {
    if (at_op(p, op)) {
        p->pos++;
        return 1;
    }
    return 0;
}
static int accept_kw(P *p, const char *kw) {
    if (at_kw(p, kw)) {
        p->pos++;
        return 1;
    }
    return 0;
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield", NULL};

static int is_keyword(const T *t) {
    if (t->kind != WFC_TOK_NAME) return 0;
    for (int i = 0; keywords[i]; i++)
        if (is_kw(t, keywords[i])) return 1;
    return 0;
}
static int is_plain_name(const T *t) { return t->kind == WFC_TOK_NAME && !is_keyword(t); }

/* Generic failure: "invalid syntax" at the furthest token looked at. */
static _Noreturn void raise_generic(P *p) {
    T *t = &p->toks[p->maxpos < p->ntoks ? p->maxpos : p->ntoks - 1]->t;
    if (t->kind == WFC_TOK_INDENT)
        wfc_p_raise(p, WFC_ERR_INDENT, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                    "unexpected indent");
    if (t->kind == WFC_TOK_DEDENT)
        wfc_p_raise(p, WFC_ERR_INDENT, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                    "unexpected unindent");
    wfc_p_raise_tok(p, t, "invalid syntax");
}

static void expect_op(P *p, wfc_op_kind op) {
    if (!accept_op(p, op)) raise_generic(p);
}
static void expect_kw(P *p, const char *kw) {
    if (!accept_kw(p, kw)) raise_generic(p);
}

/* "expected ':'" when a NEWLINE stands where the colon should be. */
static void expect_colon(P *p) {
    if (accept_op(p, WFC_OP_COLON)) return;
    if (cur(p)->kind == WFC_TOK_NEWLINE) {
        const T *t = &p->toks[p->pos - 1]->t;
        wfc_p_raise(p, WFC_ERR_SYNTAX, t->end_lineno, t->end_col_offset, t->end_lineno,
                    t->end_col_offset + 1, "expected ':'");
    }
    raise_generic(p);
}

/* A NAME token's identifier: non-ASCII names are NFKC-normalized, as
 * CPython's parser does (so `ｘ` and `x` are the same name). */
static const char *ident(P *p, const T *t) {
    size_t i = 0;
    while (i < t->len && (unsigned char)t->start[i] < 0x80) i++;
    if (i == t->len) {
        const char *s = wfc_arena_strndup(p->arena, t->start, t->len);
        if (!s) wfc_p_raise_nomem(p);
        return s;
    }
    size_t n;
    char *norm = wfo_uni_nfkc(t->start, t->len, &n);
    if (!norm) wfc_p_raise_nomem(p); /* the tokenizer checked the UTF-8 */
    const char *s = wfc_arena_strndup(p->arena, norm, n);
    free(norm);
    if (!s) wfc_p_raise_nomem(p);
    return s;
}

static const char *expect_name(P *p) {
    T *t = cur(p);
    if (!is_plain_name(t)) raise_generic(p);
    p->pos++;
    const char *s = ident(p, t);
    if (!s) wfc_p_raise_nomem(p);
    return s;
}

/* Stack positions are frame addresses, not addresses of locals: under
 * ASan's detect_stack_use_after_return an addressed local lives in a heap
 * "fake frame", which would make the budget check fire at once. */
static void enter(P *p) {
    char *here = (char *)__builtin_frame_address(0);
    if (++p->depth > WFC_MAX_DEPTH || (size_t)(p->stack_base - here) > WFC_STACK_BUDGET) {
        p->fatal = 1;
        wfc_p_raise_nomem(p);
    }
}
static void leave(P *p) { p->depth--; }

/* ------------------------------------------------------------------ */
/* Node construction                                                   */
/* ------------------------------------------------------------------ */

static const T *last_tok(P *p) {
    for (int m = p->pos - 1; m >= 0; m--) {
        const T *t = &p->toks[m]->t;
        if (t->kind != WFC_TOK_ENDMARKER && t->kind != WFC_TOK_NEWLINE && t->kind != WFC_TOK_INDENT &&
            t->kind != WFC_TOK_DEDENT)
            return t;
    }
    return &p->toks[0]->t;
}

#define SET_START(n, p, idx)                                                                    \
    ((n)->lineno = (p)->toks[(idx)]->t.lineno, (n)->col_offset = (p)->toks[(idx)]->t.col_offset)
#define SET_END(n, p)                                                                           \
    do {                                                                                        \
        const T *l_ = last_tok(p);                                                              \
        (n)->end_lineno = l_->end_lineno;                                                       \
        (n)->end_col_offset = l_->end_col_offset;                                               \
    } while (0)
#define COPY_POS(n, m)                                                                          \
    ((n)->lineno = (m)->lineno, (n)->col_offset = (m)->col_offset,                              \
     (n)->end_lineno = (m)->end_lineno, (n)->end_col_offset = (m)->end_col_offset)

static wfc_expr *mk_expr(P *p, wfc_expr_kind k, int start) {
    wfc_expr *e = wfc_p_alloc(p, sizeof *e);
    e->kind = k;
    SET_START(e, p, start);
    SET_END(e, p);
    return e;
}

static wfc_stmt *mk_stmt(P *p, wfc_stmt_kind k, int start) {
    wfc_stmt *s = wfc_p_alloc(p, sizeof *s);
    s->kind = k;
    SET_START(s, p, start);
    SET_END(s, p);
    return s;
}

static wfc_pattern *mk_pat(P *p, wfc_pattern_kind k, int start) {
    wfc_pattern *s = wfc_p_alloc(p, sizeof *s);
    s->kind = k;
    SET_START(s, p, start);
    SET_END(s, p);
    return s;
}

/* Growing lists, turned into arena sequences.  Their storage comes from
 * the arena too, so an error (longjmp) never leaks one. */
typedef struct vec {
    void **items;
    int len, cap;
} vec;

static void vpush(P *p, vec *v, void *x) {
    if (v->len == v->cap) {
        int nc = v->cap ? v->cap * 2 : 8;
        void **ni = wfc_p_alloc(p, (size_t)nc * sizeof(void *));
        if (v->len) memcpy(ni, v->items, (size_t)v->len * sizeof(void *));
        v->items = ni;
        v->cap = nc;
    }
    v->items[v->len++] = x;
}

static wfc_seq *vseq(P *p, vec *v) {
    wfc_seq *s = wfc_seq_new(p->arena, v->len);
    if (!s) wfc_p_raise_nomem(p);
    if (v->len) memcpy(s->items, v->items, (size_t)v->len * sizeof(void *));
    v->items = NULL;
    v->len = v->cap = 0;
    return s;
}

static wfc_seq *seq0(P *p) {
    wfc_seq *s = wfc_seq_new(p->arena, 0);
    if (!s) wfc_p_raise_nomem(p);
    return s;
}
static wfc_seq *seq1(P *p, void *x) {
    wfc_seq *s = wfc_seq_new(p->arena, 1);
    if (!s) wfc_p_raise_nomem(p);
    s->items[0] = x;
    return s;
}

static wfc_expr *mk_name(P *p, const T *t, wfc_expr_context ctx) {
    wfc_expr *e = wfc_p_alloc(p, sizeof *e);
    e->kind = WFC_Name;
    e->v.Name.id = ident(p, t);
    if (!e->v.Name.id) wfc_p_raise_nomem(p);
    e->v.Name.ctx = ctx;
    e->lineno = t->lineno;
    e->col_offset = t->col_offset;
    e->end_lineno = t->end_lineno;
    e->end_col_offset = t->end_col_offset;
    return e;
}

/* ------------------------------------------------------------------ */
/* Targets                                                             */
/* ------------------------------------------------------------------ */

static const char *expr_name(const wfc_expr *e) {
    switch (e->kind) {
    case WFC_Attribute: return "attribute";
    case WFC_Subscript: return "subscript";
    case WFC_Starred: return "starred";
    case WFC_Name: return "name";
    case WFC_List: return "list";
    case WFC_Tuple: return "tuple";
    case WFC_Lambda: return "lambda";
    case WFC_Call: return "function call";
    case WFC_BoolOp: case WFC_BinOp: case WFC_UnaryOp: return "expression";
    case WFC_GeneratorExp: return "generator expression";
    case WFC_Yield: case WFC_YieldFrom: return "yield expression";
    case WFC_Await: return "await expression";
    case WFC_ListComp: return "list comprehension";
    case WFC_SetComp: return "set comprehension";
    case WFC_DictComp: return "dict comprehension";
    case WFC_Dict: return "dict literal";
    case WFC_Set: return "set display";
    case WFC_JoinedStr: case WFC_FormattedValue: return "f-string expression";
    case WFC_Constant: {
        const wfc_constant *c = e->v.Constant.value;
        if (c->kind == WFC_CONST_NONE) return "None";
        if (c->kind == WFC_CONST_FALSE) return "False";
        if (c->kind == WFC_CONST_TRUE) return "True";
        if (c->kind == WFC_CONST_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case WFC_Compare: return "comparison";
    case WFC_IfExp: return "conditional expression";
    case WFC_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* Give a target expression its Store/Del context; returns the first
 * sub-expression that cannot be a target, or NULL. */
static wfc_expr *set_ctx(wfc_expr *e, wfc_expr_context ctx) {
    switch (e->kind) {
    case WFC_Name: e->v.Name.ctx = ctx; return NULL;
    case WFC_Attribute: e->v.Attribute.ctx = ctx; return NULL;
    case WFC_Subscript: e->v.Subscript.ctx = ctx; return NULL;
    case WFC_Starred:
        if (ctx == WFC_Del) return e;
        e->v.Starred.ctx = ctx;
        return set_ctx(e->v.Starred.value, ctx);
    case WFC_Tuple:
    case WFC_List: {
        wfc_seq *s = e->kind == WFC_Tuple ? e->v.Tuple.elts : e->v.List.elts;
        if (e->kind == WFC_Tuple) e->v.Tuple.ctx = ctx;
        else e->v.List.ctx = ctx;
        for (int i = 0; i < s->len; i++) {
            wfc_expr *bad = set_ctx(s->items[i], ctx);
            if (bad) return bad;
        }
        return NULL;
    }
    default: return e;
    }
}

static void to_target(P *p, wfc_expr *e, wfc_expr_context ctx) {
    wfc_expr *bad = set_ctx(e, ctx);
    if (bad) {
        if (ctx == WFC_Del) RAISE_NODE(p, bad, "cannot delete %s", expr_name(bad));
        RAISE_NODE(p, bad, "cannot assign to %s", expr_name(bad));
    }
}

/* ------------------------------------------------------------------ */
/* Expressions                                                         */
/* ------------------------------------------------------------------ */

static wfc_expr *expression(P *p);
static wfc_expr *named_expression(P *p);
static wfc_expr *star_named_expression(P *p);
static wfc_expr *star_expressions(P *p);
static wfc_expr *disjunction(P *p);
static wfc_expr *bitwise_or(P *p);
static wfc_expr *primary(P *p);
static wfc_expr *yield_expr(P *p);
static wfc_seq *for_if_clauses(P *p);
static wfc_arguments *parameters(P *p, int lambda, wfc_op_kind closer);

static int starts_expr(const T *t) {
    switch (t->kind) {
    case WFC_TOK_NUMBER:
    case WFC_TOK_STRING: return 1;
    case WFC_TOK_NAME:
        if (!is_keyword(t)) return 1;
        return is_kw(t, "None") || is_kw(t, "True") || is_kw(t, "False") || is_kw(t, "not") ||
               is_kw(t, "lambda") || is_kw(t, "await");
    case WFC_TOK_OP:
        switch (t->op) {
        case WFC_OP_LPAR: case WFC_OP_LSQB: case WFC_OP_LBRACE: case WFC_OP_MINUS:
        case WFC_OP_PLUS: case WFC_OP_TILDE: case WFC_OP_ELLIPSIS: return 1;
        default: return 0;
        }
    default: return 0;
    }
}

/* Backtracking: run fn(p, ctx) with its own handler; on a non-fatal error
 * restore the token index and return NULL. */
typedef void *(*attempt_fn)(P *p, void *ctx);
static void *attempt(P *p_in, attempt_fn fn, void *ctx) {
    P *volatile p = p_in; /* read after longjmp */
    jmp_buf jb;
    jmp_buf *saved = p->jmp;
    int pos = p->pos, depth = p->depth, maxpos = p->maxpos;
    void *volatile r = NULL;
    p->jmp = &jb;
    if (setjmp(jb) == 0) {
        r = fn(p, ctx);
        p->jmp = saved;
        return r;
    }
    p->jmp = saved;
    if (p->fatal) longjmp(*saved, 1);
    p->pos = pos;
    p->depth = depth;
    p->maxpos = maxpos;
    P *root = p;
    while (root->parent) root = root->parent;
    root->err->kind = WFC_ERR_NONE;
    free(root->err->text);
    root->err->text = NULL;
    return NULL;
}

static void *try_expression(P *p, void *ctx) {
    (void)ctx;
    return expression(p);
}

/* CPython's invalid_expression: two expressions in a row inside brackets. */
static void check_missing_comma(P *p, int start, wfc_expr *a) {
    if (p->toks[p->pos - 1]->level == 0) return;
    const T *t = cur(p);
    if (!starts_expr(t) || is_kw(t, "not") || is_kw(t, "lambda")) return;
    const T *s = &p->toks[start]->t;
    if (s->kind == WFC_TOK_NAME && (p->toks[start + 1]->t.kind == WFC_TOK_STRING)) return;
    if (is_kw(s, "match") || is_kw(s, "case") || is_kw(s, "_")) return;
    int save = p->pos;
    wfc_expr *b = attempt(p, try_expression, NULL);
    if (b) RAISE_RANGE(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
    p->pos = save;
}

static wfc_expr *lambdef(P *p) {
    int start = p->pos;
    expect_kw(p, "lambda");
    wfc_arguments *args = parameters(p, 1, WFC_OP_COLON);
    expect_op(p, WFC_OP_COLON);
    wfc_expr *body = expression(p);
    wfc_expr *e = mk_expr(p, WFC_Lambda, start);
    e->v.Lambda.args = args;
    e->v.Lambda.body = body;
    return e;
}

static wfc_expr *expression(P *p) {
    enter(p);
    if (at_kw(p, "lambda")) {
        wfc_expr *e = lambdef(p);
        leave(p);
        return e;
    }
    int start = p->pos;
    wfc_expr *a = disjunction(p);
    if (at_kw(p, "if")) {
        p->pos++;
        wfc_expr *test = disjunction(p);
        if (!at_kw(p, "else")) {
            if (!at_op(p, WFC_OP_COLON)) RAISE_RANGE(p, a, test, "expected 'else' after 'if' expression");
            raise_generic(p);
        }
        p->pos++;
        wfc_expr *orelse = expression(p);
        wfc_expr *e = mk_expr(p, WFC_IfExp, start);
        e->v.IfExp.test = test;
        e->v.IfExp.body = a;
        e->v.IfExp.orelse = orelse;
        leave(p);
        return e;
    }
    check_missing_comma(p, start, a);
    leave(p);
    return a;
}

static int is_bitwise_kind(const wfc_expr *e) {
    switch (e->kind) {
    case WFC_BoolOp: case WFC_Compare: case WFC_IfExp: case WFC_Lambda: case WFC_Starred:
    case WFC_NamedExpr: case WFC_Yield: case WFC_YieldFrom:
        return 0;
    case WFC_UnaryOp: return e->v.UnaryOp.op != WFC_Not;
    default: return 1;
    }
}

/* Is the node wrapped in parentheses that its own positions exclude? */
static int node_parenthesized(P *p, const wfc_expr *e, int start) {
    const T *s = &p->toks[start]->t;
    return is_op(s, WFC_OP_LPAR) && (s->lineno != e->lineno || s->col_offset != e->col_offset);
}

static int excluded_target(const wfc_expr *e) {
    if (e->kind == WFC_List || e->kind == WFC_Tuple || e->kind == WFC_GeneratorExp) return 1;
    if (e->kind == WFC_Constant) {
        wfc_const_kind k = e->v.Constant.value->kind;
        return k == WFC_CONST_NONE || k == WFC_CONST_TRUE || k == WFC_CONST_FALSE;
    }
    return 0;
}

/* CPython's invalid_named_expression, for `a = b` where a named
 * expression stands (conditions, elements): e was parsed from `start`
 * and the current token is '='. */
static void invalid_named_expression(P *p, wfc_expr *e, int start) {
    int save = p->pos;
    p->pos++;
    T *n = cur(p);
    if (!starts_expr(n) || is_kw(n, "not") || is_kw(n, "lambda")) {
        p->pos = save;
        return;
    }
    wfc_expr *b = bitwise_or(p);
    int ok = !at_op(p, WFC_OP_EQUAL) && !at_op(p, WFC_OP_COLONEQUAL);
    p->pos = save;
    if (!ok) return;
    if (e->kind == WFC_Name && !node_parenthesized(p, e, start))
        RAISE_RANGE(p, e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if ((is_bitwise_kind(e) || node_parenthesized(p, e, start)) && !excluded_target(e))
        RAISE_NODE(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(e));
}

static wfc_expr *named_expression(P *p) {
    int start = p->pos;
    int call_arg = p->call_arg;
    p->call_arg = 0;
    T *t = cur(p);
    if (is_plain_name(t) && is_op(peek(p, 1), WFC_OP_COLONEQUAL)) {
        p->pos += 2;
        wfc_expr *target = mk_name(p, t, WFC_Store);
        wfc_expr *value = expression(p);
        wfc_expr *e = mk_expr(p, WFC_NamedExpr, start);
        e->v.NamedExpr.target = target;
        e->v.NamedExpr.value = value;
        return e;
    }
    wfc_expr *e = expression(p);
    if (at_op(p, WFC_OP_COLONEQUAL))
        RAISE_NODE(p, e, "cannot use assignment expressions with %s", expr_name(e));
    if (at_op(p, WFC_OP_EQUAL) && !call_arg) invalid_named_expression(p, e, start);
    return e;
}

static wfc_expr *star_named_expression(P *p) {
    if (at_op(p, WFC_OP_STAR)) {
        int start = p->pos++;
        wfc_expr *v = bitwise_or(p);
        wfc_expr *e = mk_expr(p, WFC_Starred, start);
        e->v.Starred.value = v;
        e->v.Starred.ctx = WFC_Load;
        return e;
    }
    return named_expression(p);
}

static wfc_expr *star_expression(P *p) {
    if (at_op(p, WFC_OP_STAR)) {
        int start = p->pos++;
        wfc_expr *v = bitwise_or(p);
        wfc_expr *e = mk_expr(p, WFC_Starred, start);
        e->v.Starred.value = v;
        e->v.Starred.ctx = WFC_Load;
        return e;
    }
    return expression(p);
}

/* An element list separated by commas: returns a Tuple when a comma was
 * seen, else the single element. */
static wfc_expr *tuple_of(P *p, wfc_expr *(*elem)(P *), int start) {
    wfc_expr *first = elem(p);
    if (!at_op(p, WFC_OP_COMMA)) return first;
    vec v = {0};
    vpush(p, &v, first);
    while (accept_op(p, WFC_OP_COMMA)) {
        T *t = cur(p);
        if (!(starts_expr(t) || is_op(t, WFC_OP_STAR))) break;
        vpush(p, &v, elem(p));
    }
    wfc_expr *e = mk_expr(p, WFC_Tuple, start);
    e->v.Tuple.elts = vseq(p, &v);
    e->v.Tuple.ctx = WFC_Load;
    return e;
}

static wfc_expr *star_expressions(P *p) { return tuple_of(p, star_expression, p->pos); }

static wfc_expr *mk_boolop(P *p, wfc_boolop op, vec *v, int start) {
    wfc_expr *e = mk_expr(p, WFC_BoolOp, start);
    e->v.BoolOp.op = op;
    e->v.BoolOp.values = vseq(p, v);
    return e;
}

static wfc_expr *inversion(P *p);

static wfc_expr *conjunction(P *p) {
    int start = p->pos;
    wfc_expr *a = inversion(p);
    if (!at_kw(p, "and")) return a;
    vec v = {0};
    vpush(p, &v, a);
    while (accept_kw(p, "and")) vpush(p, &v, inversion(p));
    return mk_boolop(p, WFC_And, &v, start);
}

static wfc_expr *disjunction(P *p) {
    int start = p->pos;
    wfc_expr *a = conjunction(p);
    if (!at_kw(p, "or")) return a;
    vec v = {0};
    vpush(p, &v, a);
    while (accept_kw(p, "or")) vpush(p, &v, conjunction(p));
    return mk_boolop(p, WFC_Or, &v, start);
}

static wfc_expr *comparison(P *p);

static wfc_expr *inversion(P *p) {
    if (at_kw(p, "not")) {
        enter(p);
        int start = p->pos++;
        wfc_expr *operand = inversion(p);
        wfc_expr *e = mk_expr(p, WFC_UnaryOp, start);
        e->v.UnaryOp.op = WFC_Not;
        e->v.UnaryOp.operand = operand;
        leave(p);
        return e;
    }
    return comparison(p);
}

static int cmp_op(P *p, int *width) {
    T *t = cur(p);
    *width = 1;
    if (t->kind == WFC_TOK_OP) {
        switch (t->op) {
        case WFC_OP_EQEQUAL: return WFC_Eq;
        case WFC_OP_NOTEQUAL: return WFC_NotEq;
        case WFC_OP_LESS: return WFC_Lt;
        case WFC_OP_LESSEQUAL: return WFC_LtE;
        case WFC_OP_GREATER: return WFC_Gt;
        case WFC_OP_GREATEREQUAL: return WFC_GtE;
        default: return 0;
        }
    }
    if (is_kw(t, "in")) return WFC_In;
    if (is_kw(t, "not") && is_kw(peek(p, 1), "in")) {
        *width = 2;
        return WFC_NotIn;
    }
    if (is_kw(t, "is")) {
        if (is_kw(peek(p, 1), "not")) {
            *width = 2;
            return WFC_IsNot;
        }
        return WFC_Is;
    }
    return 0;
}

static wfc_expr *comparison(P *p) {
    int start = p->pos;
    wfc_expr *a = bitwise_or(p);
    int w, op = cmp_op(p, &w);
    if (!op) return a;
    vec ops = {0}, cmps = {0};
    while (op) {
        p->pos += w;
        vpush(p, &ops, (void *)(intptr_t)op);
        vpush(p, &cmps, bitwise_or(p));
        op = cmp_op(p, &w);
    }
    wfc_expr *e = mk_expr(p, WFC_Compare, start);
    e->v.Compare.left = a;
    wfc_int_seq *is = wfc_int_seq_new(p->arena, ops.len);
    if (!is) wfc_p_raise_nomem(p);
    for (int i = 0; i < ops.len; i++) is->items[i] = (int)(intptr_t)ops.items[i];
    e->v.Compare.ops = is;
    e->v.Compare.comparators = vseq(p, &cmps);
    return e;
}

/* Binary operator levels, loosest first: | ^ & shift arith term. */
static int binop_at(P *p, int level) {
    T *t = cur(p);
    if (t->kind != WFC_TOK_OP) return 0;
    switch (level) {
    case 0: return t->op == WFC_OP_VBAR ? WFC_BitOr : 0;
    case 1: return t->op == WFC_OP_CIRCUMFLEX ? WFC_BitXor : 0;
    case 2: return t->op == WFC_OP_AMPER ? WFC_BitAnd : 0;
    case 3: return t->op == WFC_OP_LEFTSHIFT ? WFC_LShift : t->op == WFC_OP_RIGHTSHIFT ? WFC_RShift : 0;
    case 4: return t->op == WFC_OP_PLUS ? WFC_Add : t->op == WFC_OP_MINUS ? WFC_Sub : 0;
    case 5:
        switch (t->op) {
        case WFC_OP_STAR: return WFC_Mult;
        case WFC_OP_SLASH: return WFC_Div;
        case WFC_OP_DOUBLESLASH: return WFC_FloorDiv;
        case WFC_OP_PERCENT: return WFC_Mod;
        case WFC_OP_AT: return WFC_MatMult;
        default: return 0;
        }
    }
    return 0;
}

static wfc_expr *factor(P *p);

static wfc_expr *binary(P *p, int level) {
    int start = p->pos;
    wfc_expr *a = level == 5 ? factor(p) : binary(p, level + 1);
    int op;
    while ((op = binop_at(p, level)) != 0) {
        p->pos++;
        wfc_expr *b = level == 5 ? factor(p) : binary(p, level + 1);
        wfc_expr *e = mk_expr(p, WFC_BinOp, start);
        e->v.BinOp.left = a;
        e->v.BinOp.op = op;
        e->v.BinOp.right = b;
        a = e;
    }
    return a;
}

static wfc_expr *bitwise_or(P *p) { return binary(p, 0); }

static wfc_expr *power(P *p) {
    int start = p->pos;
    wfc_expr *a;
    if (at_kw(p, "await")) {
        p->pos++;
        wfc_expr *v = primary(p);
        a = mk_expr(p, WFC_Await, start);
        a->v.Await.value = v;
    } else {
        a = primary(p);
    }
    if (accept_op(p, WFC_OP_DOUBLESTAR)) {
        wfc_expr *b = factor(p);
        wfc_expr *e = mk_expr(p, WFC_BinOp, start);
        e->v.BinOp.left = a;
        e->v.BinOp.op = WFC_Pow;
        e->v.BinOp.right = b;
        return e;
    }
    return a;
}

static wfc_expr *factor(P *p) {
    T *t = cur(p);
    int op = 0;
    if (is_op(t, WFC_OP_PLUS)) op = WFC_UAdd;
    else if (is_op(t, WFC_OP_MINUS)) op = WFC_USub;
    else if (is_op(t, WFC_OP_TILDE)) op = WFC_Invert;
    if (!op) return power(p);
    enter(p);
    int start = p->pos++;
    wfc_expr *operand = factor(p);
    wfc_expr *e = mk_expr(p, WFC_UnaryOp, start);
    e->v.UnaryOp.op = op;
    e->v.UnaryOp.operand = operand;
    leave(p);
    return e;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static wfc_expr *slice(P *p) {
    int start = p->pos;
    wfc_expr *lower = NULL, *upper = NULL, *step = NULL;
    if (!at_op(p, WFC_OP_COLON)) {
        if (at_op(p, WFC_OP_STAR)) {
            int s2 = p->pos++;
            wfc_expr *v = expression(p);
            wfc_expr *e = mk_expr(p, WFC_Starred, s2);
            e->v.Starred.value = v;
            e->v.Starred.ctx = WFC_Load;
            return e;
        }
        T *t = cur(p);
        if (is_plain_name(t) && is_op(peek(p, 1), WFC_OP_COLONEQUAL)) return named_expression(p);
        lower = expression(p);
        if (!at_op(p, WFC_OP_COLON)) {
            if (at_op(p, WFC_OP_COLONEQUAL))
                RAISE_NODE(p, lower, "cannot use assignment expressions with %s", expr_name(lower));
            return lower;
        }
    }
    expect_op(p, WFC_OP_COLON);
    if (!at_op(p, WFC_OP_COLON) && !at_op(p, WFC_OP_COMMA) && !at_op(p, WFC_OP_RSQB)) upper = expression(p);
    if (accept_op(p, WFC_OP_COLON)) {
        if (!at_op(p, WFC_OP_COMMA) && !at_op(p, WFC_OP_RSQB)) step = expression(p);
    }
    wfc_expr *e = mk_expr(p, WFC_Slice, start);
    e->v.Slice.lower = lower;
    e->v.Slice.upper = upper;
    e->v.Slice.step = step;
    return e;
}

static wfc_expr *slices(P *p) {
    int start = p->pos;
    wfc_expr *a = slice(p);
    if (!at_op(p, WFC_OP_COMMA)) {
        if (a->kind == WFC_Starred) {
            /* a[*b] is a one-element tuple */
            wfc_expr *e = mk_expr(p, WFC_Tuple, start);
            e->v.Tuple.elts = seq1(p, a);
            e->v.Tuple.ctx = WFC_Load;
            return e;
        }
        return a;
    }
    vec v = {0};
    vpush(p, &v, a);
    while (accept_op(p, WFC_OP_COMMA)) {
        if (at_op(p, WFC_OP_RSQB)) break;
        vpush(p, &v, slice(p));
    }
    wfc_expr *e = mk_expr(p, WFC_Tuple, start);
    e->v.Tuple.elts = vseq(p, &v);
    e->v.Tuple.ctx = WFC_Load;
    return e;
}

/* Call arguments after '(' up to and including ')'. */
static void call_args(P *p, wfc_seq **args_out, wfc_seq **kw_out) {
    vec args = {0}, kws = {0};
    int lp = p->pos - 1;
    wfc_expr *bare_genexp = NULL;
    int seen_kw = 0, seen_dstar = 0;
    while (!at_op(p, WFC_OP_RPAR)) {
        int start = p->pos;
        T *t = cur(p);
        if (is_op(t, WFC_OP_STAR)) {
            p->pos++;
            wfc_expr *v = expression(p);
            if (seen_dstar)
                wfc_p_raise_tok(p, &p->toks[start]->t,
                                "iterable argument unpacking follows keyword argument unpacking");
            wfc_expr *e = mk_expr(p, WFC_Starred, start);
            e->v.Starred.value = v;
            e->v.Starred.ctx = WFC_Load;
            vpush(p, &args, e);
        } else if (is_op(t, WFC_OP_DOUBLESTAR)) {
            p->pos++;
            wfc_expr *v = expression(p);
            wfc_keyword *k = wfc_p_alloc(p, sizeof *k);
            k->value = v;
            SET_START(k, p, start);
            SET_END(k, p);
            vpush(p, &kws, k);
            seen_dstar = 1;
        } else if (is_plain_name(t) && is_op(peek(p, 1), WFC_OP_EQUAL)) {
            p->pos += 2;
            wfc_expr *v = expression(p);
            wfc_keyword *k = wfc_p_alloc(p, sizeof *k);
            k->arg = ident(p, t);
            k->value = v;
            SET_START(k, p, start);
            SET_END(k, p);
            vpush(p, &kws, k);
            seen_kw = 1;
        } else {
            p->call_arg = 1;
            wfc_expr *e = named_expression(p);
            p->call_arg = 0;
            if (at_kw(p, "for") || at_kw(p, "async")) {
                wfc_seq *gens = for_if_clauses(p);
                wfc_expr *g = mk_expr(p, WFC_GeneratorExp, start);
                g->v.GeneratorExp.elt = e;
                g->v.GeneratorExp.generators = gens;
                if (args.len + kws.len > 0 || !at_op(p, WFC_OP_RPAR)) {
                    if (at_op(p, WFC_OP_COMMA) && is_op(peek(p, 1), WFC_OP_RPAR) && args.len + kws.len == 0)
                        RAISE_NODE(p, g, "Generator expression must be parenthesized");
                    RAISE_NODE(p, g, "Generator expression must be parenthesized");
                }
                e = g;
                bare_genexp = g;
            } else if (at_op(p, WFC_OP_EQUAL) && !is_op(peek(p, 1), WFC_OP_EQUAL)) {
                if (e->kind == WFC_Constant && (e->v.Constant.value->kind == WFC_CONST_TRUE ||
                                                e->v.Constant.value->kind == WFC_CONST_FALSE ||
                                                e->v.Constant.value->kind == WFC_CONST_NONE))
                    RAISE_RANGE(p, e, cur(p), "cannot assign to %s", expr_name(e));
                RAISE_RANGE(p, e, cur(p), "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            /* CPython reports these at the last token it read */
            if (seen_dstar) wfc_p_raise_tok(p, cur(p), "positional argument follows keyword argument unpacking");
            if (seen_kw) wfc_p_raise_tok(p, cur(p), "positional argument follows keyword argument");
            vpush(p, &args, e);
        }
        if (!accept_op(p, WFC_OP_COMMA)) break;
    }
    expect_op(p, WFC_OP_RPAR);
    if (bare_genexp) {
        /* f(x for x in y): the generator spans the call's parentheses */
        SET_START(bare_genexp, p, lp);
        SET_END(bare_genexp, p);
    }
    *args_out = vseq(p, &args);
    *kw_out = vseq(p, &kws);
}

static wfc_expr *atom(P *p);

static wfc_expr *primary(P *p) {
    enter(p);
    int start = p->pos;
    wfc_expr *a = atom(p);
    for (;;) {
        if (accept_op(p, WFC_OP_DOT)) {
            const char *name = expect_name(p);
            wfc_expr *e = mk_expr(p, WFC_Attribute, start);
            e->v.Attribute.value = a;
            e->v.Attribute.attr = name;
            e->v.Attribute.ctx = WFC_Load;
            a = e;
        } else if (at_op(p, WFC_OP_LPAR)) {
            p->pos++;
            wfc_seq *args, *kws;
            call_args(p, &args, &kws);
            wfc_expr *e = mk_expr(p, WFC_Call, start);
            e->v.Call.func = a;
            e->v.Call.args = args;
            e->v.Call.keywords = kws;
            a = e;
        } else if (accept_op(p, WFC_OP_LSQB)) {
            wfc_expr *s = slices(p);
            expect_op(p, WFC_OP_RSQB);
            wfc_expr *e = mk_expr(p, WFC_Subscript, start);
            e->v.Subscript.value = a;
            e->v.Subscript.slice = s;
            e->v.Subscript.ctx = WFC_Load;
            a = e;
        } else {
            break;
        }
    }
    leave(p);
    return a;
}

static wfc_constant *mk_const(P *p, wfc_const_kind k) {
    wfc_constant *c = wfc_p_alloc(p, sizeof *c);
    c->kind = k;
    return c;
}

static wfc_expr *const_expr(P *p, wfc_const_kind k, int start) {
    wfc_expr *e = mk_expr(p, WFC_Constant, start);
    e->v.Constant.value = mk_const(p, k);
    return e;
}

static wfc_expr *number(P *p, T *t);

static wfc_expr *comprehension_of(P *p, wfc_expr_kind k, wfc_expr *elt, wfc_expr *val, int start,
                                  wfc_op_kind closer) {
    wfc_seq *gens = for_if_clauses(p);
    expect_op(p, closer);
    wfc_expr *e = mk_expr(p, k, start);
    switch (k) {
    case WFC_ListComp: e->v.ListComp.elt = elt; e->v.ListComp.generators = gens; break;
    case WFC_SetComp: e->v.SetComp.elt = elt; e->v.SetComp.generators = gens; break;
    case WFC_GeneratorExp: e->v.GeneratorExp.elt = elt; e->v.GeneratorExp.generators = gens; break;
    default: e->v.DictComp.key = elt; e->v.DictComp.value = val; e->v.DictComp.generators = gens; break;
    }
    return e;
}

static void check_comp_elt(P *p, wfc_expr *elt, const char *what) {
    if (elt->kind == WFC_Starred)
        RAISE_NODE(p, elt, "iterable unpacking cannot be used in comprehension");
    (void)what;
}

/* '(' ... ')': tuple, group, generator expression or yield. */
static wfc_expr *paren_atom(P *p) {
    int start = p->pos++;
    if (accept_op(p, WFC_OP_RPAR)) {
        wfc_expr *e = mk_expr(p, WFC_Tuple, start);
        e->v.Tuple.elts = seq0(p);
        e->v.Tuple.ctx = WFC_Load;
        return e;
    }
    if (at_kw(p, "yield")) {
        wfc_expr *y = yield_expr(p);
        expect_op(p, WFC_OP_RPAR);
        return y;
    }
    wfc_expr *first = star_named_expression(p);
    if (at_kw(p, "for") || at_kw(p, "async")) {
        check_comp_elt(p, first, "generator");
        return comprehension_of(p, WFC_GeneratorExp, first, NULL, start, WFC_OP_RPAR);
    }
    if (accept_op(p, WFC_OP_RPAR)) {
        if (first->kind == WFC_Starred) RAISE_NODE(p, first, "cannot use starred expression here");
        return first;
    }
    if (!at_op(p, WFC_OP_COMMA)) {
        raise_generic(p);
    }
    vec v = {0};
    vpush(p, &v, first);
    while (accept_op(p, WFC_OP_COMMA)) {
        if (at_op(p, WFC_OP_RPAR)) break;
        vpush(p, &v, star_named_expression(p));
    }
    expect_op(p, WFC_OP_RPAR);
    wfc_expr *e = mk_expr(p, WFC_Tuple, start);
    e->v.Tuple.elts = vseq(p, &v);
    e->v.Tuple.ctx = WFC_Load;
    return e;
}

static wfc_expr *list_atom(P *p) {
    int start = p->pos++;
    vec v = {0};
    if (!at_op(p, WFC_OP_RSQB)) {
        wfc_expr *first = star_named_expression(p);
        if (at_kw(p, "for") || at_kw(p, "async")) {
            check_comp_elt(p, first, "list");
            return comprehension_of(p, WFC_ListComp, first, NULL, start, WFC_OP_RSQB);
        }
        vpush(p, &v, first);
        while (accept_op(p, WFC_OP_COMMA)) {
            if (at_op(p, WFC_OP_RSQB)) break;
            vpush(p, &v, star_named_expression(p));
        }
    }
    expect_op(p, WFC_OP_RSQB);
    wfc_expr *e = mk_expr(p, WFC_List, start);
    e->v.List.elts = vseq(p, &v);
    e->v.List.ctx = WFC_Load;
    return e;
}

static wfc_expr *brace_atom(P *p) {
    int start = p->pos++;
    if (accept_op(p, WFC_OP_RBRACE)) {
        wfc_expr *e = mk_expr(p, WFC_Dict, start);
        e->v.Dict.keys = seq0(p);
        e->v.Dict.values = seq0(p);
        return e;
    }
    wfc_expr *k = NULL, *v0 = NULL;
    int is_dict;
    if (accept_op(p, WFC_OP_DOUBLESTAR)) {
        v0 = bitwise_or(p);
        is_dict = 1;
    } else {
        k = star_named_expression(p);
        if (k->kind != WFC_Starred && accept_op(p, WFC_OP_COLON)) {
            if (at_op(p, WFC_OP_STAR)) {
                wfc_p_raise_tok(p, cur(p), "cannot use a starred expression in a dictionary value");
            }
            if (at_op(p, WFC_OP_RBRACE) || at_op(p, WFC_OP_COMMA)) {
                const T *c = &p->toks[p->pos - 1]->t;
                wfc_p_raise_tok(p, c, "expression expected after dictionary key and ':'");
            }
            v0 = expression(p);
            is_dict = 1;
            if (at_kw(p, "for") || at_kw(p, "async"))
                return comprehension_of(p, WFC_DictComp, k, v0, start, WFC_OP_RBRACE);
        } else {
            is_dict = 0;
            if (at_kw(p, "for") || at_kw(p, "async")) {
                check_comp_elt(p, k, "set");
                return comprehension_of(p, WFC_SetComp, k, NULL, start, WFC_OP_RBRACE);
            }
        }
    }
    vec keys = {0}, vals = {0};
    if (is_dict) {
        vpush(p, &keys, k);
        vpush(p, &vals, v0);
        while (accept_op(p, WFC_OP_COMMA)) {
            if (at_op(p, WFC_OP_RBRACE)) break;
            if (accept_op(p, WFC_OP_DOUBLESTAR)) {
                vpush(p, &keys, NULL);
                vpush(p, &vals, bitwise_or(p));
                continue;
            }
            wfc_expr *kk = expression(p);
            if (!accept_op(p, WFC_OP_COLON)) {
                if (at_op(p, WFC_OP_RBRACE) || at_op(p, WFC_OP_COMMA))
                    RAISE_NODE(p, kk, "':' expected after dictionary key");
                raise_generic(p);
            }
            if (at_op(p, WFC_OP_STAR))
                wfc_p_raise_tok(p, cur(p), "cannot use a starred expression in a dictionary value");
            if (at_op(p, WFC_OP_RBRACE) || at_op(p, WFC_OP_COMMA)) {
                const T *c = &p->toks[p->pos - 1]->t;
                wfc_p_raise_tok(p, c, "expression expected after dictionary key and ':'");
            }
            vpush(p, &keys, kk);
            vpush(p, &vals, expression(p));
        }
        expect_op(p, WFC_OP_RBRACE);
        wfc_expr *e = mk_expr(p, WFC_Dict, start);
        e->v.Dict.keys = vseq(p, &keys);
        e->v.Dict.values = vseq(p, &vals);
        return e;
    }
    vpush(p, &vals, k);
    while (accept_op(p, WFC_OP_COMMA)) {
        if (at_op(p, WFC_OP_RBRACE)) break;
        vpush(p, &vals, star_named_expression(p));
    }
    expect_op(p, WFC_OP_RBRACE);
    wfc_expr *e = mk_expr(p, WFC_Set, start);
    e->v.Set.elts = vseq(p, &vals);
    return e;
}

static wfc_expr *atom(P *p) {
    T *t = cur(p);
    int start = p->pos;
    switch (t->kind) {
    case WFC_TOK_NAME:
        if (is_kw(t, "None")) { p->pos++; return const_expr(p, WFC_CONST_NONE, start); }
        if (is_kw(t, "True")) { p->pos++; return const_expr(p, WFC_CONST_TRUE, start); }
        if (is_kw(t, "False")) { p->pos++; return const_expr(p, WFC_CONST_FALSE, start); }
        if (is_keyword(t)) raise_generic(p);
        p->pos++;
        return mk_name(p, t, WFC_Load);
    case WFC_TOK_NUMBER:
        p->pos++;
        return number(p, t);
    case WFC_TOK_STRING: {
        int last = p->pos;
        while (peek(p, last - p->pos + 1)->kind == WFC_TOK_STRING) last++;
        /* look one past the strings, as CPython's lookahead does */
        p->pos = last + 1;
        return wfc_p_strings(p, start, last);
    }
    case WFC_TOK_OP:
        switch (t->op) {
        case WFC_OP_LPAR: return paren_atom(p);
        case WFC_OP_LSQB: return list_atom(p);
        case WFC_OP_LBRACE: return brace_atom(p);
        case WFC_OP_ELLIPSIS: p->pos++; return const_expr(p, WFC_CONST_ELLIPSIS, start);
        default: break;
        }
        break;
    default: break;
    }
    raise_generic(p);
}

#include "runtime/compiler/literals.h"

static wfc_expr *number(P *p, T *t) {
    wfc_number num;
    char msg[256];
    if (wfc_parse_number(t->start, t->len, &num, msg, sizeof msg) < 0) wfc_p_raise_tok(p, t, "%s", msg);
    wfc_expr *e = mk_expr(p, WFC_Constant, p->pos - 1);
    wfc_constant *c;
    if (num.kind == WFC_NUM_INT) {
        c = mk_const(p, WFC_CONST_INT);
        c->len = strlen(num.int_decimal);
        c->str = wfc_arena_strndup(p->arena, num.int_decimal, c->len);
    } else {
        c = mk_const(p, num.kind == WFC_NUM_FLOAT ? WFC_CONST_FLOAT : WFC_CONST_COMPLEX);
        c->f = num.value;
    }
    wfc_number_free(&num);
    if (c->kind == WFC_CONST_INT && !c->str) wfc_p_raise_nomem(p);
    e->v.Constant.value = c;
    return e;
}

static wfc_expr *yield_expr(P *p) {
    int start = p->pos;
    expect_kw(p, "yield");
    if (accept_kw(p, "from")) {
        wfc_expr *v = expression(p);
        wfc_expr *e = mk_expr(p, WFC_YieldFrom, start);
        e->v.YieldFrom.value = v;
        return e;
    }
    wfc_expr *v = NULL;
    T *t = cur(p);
    if (starts_expr(t) || is_op(t, WFC_OP_STAR)) v = star_expressions(p);
    wfc_expr *e = mk_expr(p, WFC_Yield, start);
    e->v.Yield.value = v;
    return e;
}

/* star_targets as in `for` and comprehensions: parsed at bitwise_or
 * level (so `in` ends them) and converted to Store targets. */
static wfc_expr *star_target_elem(P *p) {
    if (at_op(p, WFC_OP_STAR)) {
        int start = p->pos++;
        if (at_op(p, WFC_OP_STAR)) raise_generic(p);
        wfc_expr *v = bitwise_or(p);
        wfc_expr *e = mk_expr(p, WFC_Starred, start);
        e->v.Starred.value = v;
        e->v.Starred.ctx = WFC_Store;
        return e;
    }
    return bitwise_or(p);
}

static wfc_expr *star_targets(P *p) {
    int start = p->pos;
    wfc_expr *first = star_target_elem(p);
    wfc_expr *e = first;
    if (at_op(p, WFC_OP_COMMA)) {
        vec v = {0};
        vpush(p, &v, first);
        while (accept_op(p, WFC_OP_COMMA)) {
            T *t = cur(p);
            if (!(starts_expr(t) || is_op(t, WFC_OP_STAR))) break;
            vpush(p, &v, star_target_elem(p));
        }
        e = mk_expr(p, WFC_Tuple, start);
        e->v.Tuple.elts = vseq(p, &v);
        e->v.Tuple.ctx = WFC_Store;
    }
    to_target(p, e, WFC_Store);
    return e;
}

static wfc_seq *for_if_clauses(P *p) {
    vec v = {0};
    while (at_kw(p, "for") || (at_kw(p, "async") && is_kw(peek(p, 1), "for"))) {
        int is_async = accept_kw(p, "async");
        expect_kw(p, "for");
        wfc_expr *target = star_targets(p);
        if (!accept_kw(p, "in")) raise_generic(p);
        wfc_expr *iter = disjunction(p);
        vec ifs = {0};
        while (accept_kw(p, "if")) vpush(p, &ifs, disjunction(p));
        wfc_comprehension *c = wfc_p_alloc(p, sizeof *c);
        c->target = target;
        c->iter = iter;
        c->ifs = vseq(p, &ifs);
        c->is_async = is_async;
        vpush(p, &v, c);
    }
    return vseq(p, &v);
}

/* ------------------------------------------------------------------ */
/* Parameters (def and lambda)                                         */
/* ------------------------------------------------------------------ */

static wfc_arg *param(P *p, int lambda, int star) {
    int start = p->pos;
    T *t = cur(p);
    if (!is_plain_name(t)) raise_generic(p);
    p->pos++;
    wfc_arg *a = wfc_p_alloc(p, sizeof *a);
    a->arg = ident(p, t);
    if (!lambda && accept_op(p, WFC_OP_COLON)) {
        if (star && at_op(p, WFC_OP_STAR)) a->annotation = star_expression(p);
        else a->annotation = expression(p);
    }
    SET_START(a, p, start);
    SET_END(a, p);
    return a;
}

static wfc_arguments *parameters(P *p, int lambda, wfc_op_kind closer) {
    vec posonly = {0}, args = {0}, kwonly = {0}, defaults = {0}, kwdefaults = {0};
    wfc_arg *vararg = NULL, *kwarg = NULL;
    int seen_star = 0, seen_default = 0, seen_slash = 0;
    while (!at_op(p, closer)) {
        T *t = cur(p);
        if (kwarg) raise_generic(p);
        if (is_op(t, WFC_OP_SLASH)) {
            if (seen_slash) wfc_p_raise_tok(p, t, "/ may appear only once");
            if (seen_star) wfc_p_raise_tok(p, t, "/ must be ahead of *");
            if (args.len == 0) wfc_p_raise_tok(p, t, "at least one argument must precede /");
            p->pos++;
            seen_slash = 1;
            for (int i = 0; i < args.len; i++) vpush(p, &posonly, args.items[i]);
            args.len = 0;
        } else if (is_op(t, WFC_OP_STAR)) {
            if (seen_star) wfc_p_raise_tok(p, t, "* argument may appear only once");
            p->pos++;
            seen_star = 1;
            if (at_op(p, WFC_OP_COMMA) || at_op(p, closer)) {
                T *n = at_op(p, WFC_OP_COMMA) ? peek(p, 1) : cur(p);
                if (is_op(n, closer) || is_op(n, WFC_OP_DOUBLESTAR))
                    wfc_p_raise_tok(p, t, "named arguments must follow bare *");
            } else {
                vararg = param(p, lambda, 1);
                if (accept_op(p, WFC_OP_EQUAL)) {
                    wfc_p_raise_tok(p, &p->toks[p->pos - 1]->t, "var-positional argument cannot have default value");
                }
            }
        } else if (is_op(t, WFC_OP_DOUBLESTAR)) {
            p->pos++;
            kwarg = param(p, lambda, 0);
            if (at_op(p, WFC_OP_EQUAL))
                wfc_p_raise_tok(p, cur(p), "var-keyword argument cannot have default value");
        } else {
            wfc_arg *a = param(p, lambda, 0);
            wfc_expr *d = NULL;
            if (accept_op(p, WFC_OP_EQUAL)) d = expression(p);
            if (seen_star) {
                vpush(p, &kwonly, a);
                vpush(p, &kwdefaults, d);
            } else {
                if (d) {
                    seen_default = 1;
                    vpush(p, &defaults, d);
                } else if (seen_default) {
                    RAISE_NODE(p, a, "non-default argument follows default argument");
                }
                vpush(p, &args, a);
            }
        }
        if (!accept_op(p, WFC_OP_COMMA)) break;
    }
    wfc_arguments *r = wfc_p_alloc(p, sizeof *r);
    r->posonlyargs = vseq(p, &posonly);
    r->args = vseq(p, &args);
    r->vararg = vararg;
    r->kwonlyargs = vseq(p, &kwonly);
    r->kw_defaults = vseq(p, &kwdefaults);
    r->kwarg = kwarg;
    r->defaults = vseq(p, &defaults);
    return r;
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static wfc_seq *block(P *p, const char *what, const T *kw);
static void statement(P *p, vec *out);

static wfc_stmt *mk_expr_stmt(P *p, wfc_expr *e, int start) {
    wfc_stmt *s = mk_stmt(p, WFC_Expr, start);
    s->v.Expr.value = e;
    return s;
}

static int augassign_op(const T *t) {
    if (t->kind != WFC_TOK_OP) return 0;
    switch (t->op) {
    case WFC_OP_PLUSEQUAL: return WFC_Add;
    case WFC_OP_MINEQUAL: return WFC_Sub;
    case WFC_OP_STAREQUAL: return WFC_Mult;
    case WFC_OP_ATEQUAL: return WFC_MatMult;
    case WFC_OP_SLASHEQUAL: return WFC_Div;
    case WFC_OP_PERCENTEQUAL: return WFC_Mod;
    case WFC_OP_AMPEREQUAL: return WFC_BitAnd;
    case WFC_OP_VBAREQUAL: return WFC_BitOr;
    case WFC_OP_CIRCUMFLEXEQUAL: return WFC_BitXor;
    case WFC_OP_LEFTSHIFTEQUAL: return WFC_LShift;
    case WFC_OP_RIGHTSHIFTEQUAL: return WFC_RShift;
    case WFC_OP_DOUBLESTAREQUAL: return WFC_Pow;
    case WFC_OP_DOUBLESLASHEQUAL: return WFC_FloorDiv;
    default: return 0;
    }
}

static wfc_expr *rhs(P *p) {
    if (at_kw(p, "yield")) return yield_expr(p);
    return star_expressions(p);
}

/* The first bitwise_or of an assigned value (CPython's `b` in
 * invalid_named_expression). */
static wfc_expr *first_bitwise(wfc_expr *v) {
    for (;;) {
        switch (v->kind) {
        case WFC_Tuple: if (v->v.Tuple.elts->len) { v = v->v.Tuple.elts->items[0]; continue; } return v;
        case WFC_Compare: v = v->v.Compare.left; continue;
        case WFC_BoolOp: v = v->v.BoolOp.values->items[0]; continue;
        case WFC_IfExp: v = v->v.IfExp.body; continue;
        default: return v;
        }
    }
}

/* Statement-level `targets = value` with an invalid target: the message
 * of CPython's invalid_assignment / invalid_named_expression rules.
 * eqs[i] is the token index of the i-th '='. */
static _Noreturn void bad_assignment(P *p, int start, vec *targets, int *eqs, wfc_expr *value) {
    int i = 0;
    wfc_expr *bad = NULL;
    for (; i < targets->len; i++) {
        bad = set_ctx(targets->items[i], WFC_Store);
        if (bad) break;
    }
    wfc_expr *t = targets->items[i];
    if (i == 0 && targets->len == 1) {
        const T *vt = &p->toks[eqs[0] + 1]->t;
        int value_bitwise = !(is_op(vt, WFC_OP_STAR) || is_kw(vt, "lambda") || is_kw(vt, "not") ||
                              is_kw(vt, "yield"));
        int paren = node_parenthesized(p, t, start);
        if (value_bitwise) {
            if (t->kind == WFC_Tuple && !paren && !(is_op(&p->toks[start]->t, WFC_OP_LPAR) &&
                                                     t->col_offset == p->toks[start]->t.col_offset &&
                                                     is_op(&p->toks[eqs[0] - 1]->t, WFC_OP_RPAR) &&
                                                     t->end_col_offset == p->toks[eqs[0] - 1]->t.end_col_offset &&
                                                     p->toks[eqs[0] - 1]->level == p->toks[start]->level - 1)) {
                wfc_seq *el = t->v.Tuple.elts;
                wfc_expr *last = el->items[el->len - 1];
                const T *lt = &p->toks[eqs[0] - 1]->t;
                int lparen = lt->end_col_offset != last->end_col_offset || lt->end_lineno != last->end_lineno;
                if (last->kind == WFC_Name && !lparen)
                    RAISE_RANGE(p, last, first_bitwise(value),
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                if ((lparen || is_bitwise_kind(last)) && !excluded_target(last))
                    RAISE_NODE(p, last, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               expr_name(last));
            } else if (t->kind != WFC_Tuple && (paren || is_bitwise_kind(t)) && !excluded_target(t)) {
                RAISE_NODE(p, t, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(t));
            }
        }
    }
    if (i > 0 && (t->kind == WFC_Yield || t->kind == WFC_YieldFrom) &&
        is_kw(&p->toks[eqs[i - 1] + 1]->t, "yield"))
        RAISE_NODE(p, t, "assignment to yield expression not possible");
    RAISE_NODE(p, bad, "cannot assign to %s", expr_name(bad));
}

static void *try_star_expressions(P *p, void *ctx) {
    (void)ctx;
    return star_expressions(p);
}

static wfc_stmt *expr_or_assign(P *p) {
    int start = p->pos;
    T *t0 = cur(p);
    wfc_expr *e = at_kw(p, "yield") ? yield_expr(p) : star_expressions(p);
    T *t = cur(p);
    if (is_op(t, WFC_OP_EQUAL)) {
        vec targets = {0}, eqv = {0};
        wfc_expr *value = e;
        while (at_op(p, WFC_OP_EQUAL)) {
            vpush(p, &eqv, (void *)(intptr_t)p->pos);
            p->pos++;
            vpush(p, &targets, value);
            value = rhs(p);
        }
        for (int i = 0; i < targets.len; i++) {
            if (set_ctx(targets.items[i], WFC_Store)) {
                int *eqs = wfc_p_alloc(p, sizeof(int) * (size_t)eqv.len);
                for (int k = 0; k < eqv.len; k++) eqs[k] = (int)(intptr_t)eqv.items[k];
                bad_assignment(p, start, &targets, eqs, value);
            }
        }
        wfc_stmt *s = mk_stmt(p, WFC_Assign, start);
        s->v.Assign.targets = vseq(p, &targets);
        s->v.Assign.value = value;
        return s;
    }
    if (is_op(t, WFC_OP_COLON)) {
        if (e->kind == WFC_Tuple) RAISE_NODE(p, e, "only single target (not tuple) can be annotated");
        if (e->kind == WFC_List) RAISE_NODE(p, e, "only single target (not list) can be annotated");
        if (e->kind != WFC_Name && e->kind != WFC_Attribute && e->kind != WFC_Subscript)
            RAISE_NODE(p, e, "illegal target for annotation");
        p->pos++;
        wfc_expr *ann = expression(p);
        wfc_expr *value = NULL;
        if (accept_op(p, WFC_OP_EQUAL)) value = rhs(p);
        set_ctx(e, WFC_Store);
        wfc_stmt *s = mk_stmt(p, WFC_AnnAssign, start);
        s->v.AnnAssign.target = e;
        s->v.AnnAssign.annotation = ann;
        s->v.AnnAssign.value = value;
        s->v.AnnAssign.simple = e->kind == WFC_Name && !is_op(t0, WFC_OP_LPAR);
        return s;
    }
    int op = augassign_op(t);
    if (op) {
        if (e->kind != WFC_Name && e->kind != WFC_Attribute && e->kind != WFC_Subscript)
            RAISE_NODE(p, e, "'%s' is an illegal expression for augmented assignment", expr_name(e));
        p->pos++;
        wfc_expr *value = rhs(p);
        set_ctx(e, WFC_Store);
        wfc_stmt *s = mk_stmt(p, WFC_AugAssign, start);
        s->v.AugAssign.target = e;
        s->v.AugAssign.op = op;
        s->v.AugAssign.value = value;
        return s;
    }
    /* print "x" / exec "x" */
    if (e->kind == WFC_Name && (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0) &&
        starts_expr(t) && !is_op(t, WFC_OP_LPAR)) {
        int save = p->pos;
        wfc_expr *b = attempt(p, try_star_expressions, NULL);
        if (b) RAISE_RANGE(p, e, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->v.Name.id, e->v.Name.id);
        p->pos = save;
    }
    return mk_expr_stmt(p, e, start);
}

/* dotted_name: NAME ('.' NAME)*, as one identifier "a.b.c".  Everything
 * is built in the arena: reading a token may raise (longjmp), so no heap
 * memory may be held across it. */
static const char *dotted_name(P *p) {
    vec parts = {0};
    size_t len = 0;
    for (;;) {
        T *t = cur(p);
        if (!is_plain_name(t)) raise_generic(p);
        p->pos++;
        const char *part = ident(p, t);
        vpush(p, &parts, (void *)part);
        len += strlen(part) + 1;
        if (!at_op(p, WFC_OP_DOT)) break;
        p->pos++;
    }
    if (parts.len == 1) return parts.items[0];
    char *name = wfc_p_alloc(p, len);
    size_t n = 0;
    for (int i = 0; i < parts.len; i++) {
        size_t k = strlen(parts.items[i]);
        if (i) name[n++] = '.';
        memcpy(name + n, parts.items[i], k);
        n += k;
    }
    name[n] = '\0';
    return name;
}

static wfc_stmt *import_stmt(P *p) {
    int start = p->pos;
    if (accept_kw(p, "import")) {
        vec names = {0};
        do {
            int astart = p->pos;
            wfc_alias *a = wfc_p_alloc(p, sizeof *a);
            a->name = dotted_name(p);
            if (accept_kw(p, "as")) a->asname = expect_name(p);
            SET_START(a, p, astart);
            SET_END(a, p);
            vpush(p, &names, a);
        } while (accept_op(p, WFC_OP_COMMA));
        wfc_stmt *s = mk_stmt(p, WFC_Import, start);
        s->v.Import.names = vseq(p, &names);
        return s;
    }
    expect_kw(p, "from");
    int level = 0;
    for (;;) {
        if (accept_op(p, WFC_OP_DOT)) level++;
        else if (accept_op(p, WFC_OP_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = NULL;
    if (!at_kw(p, "import")) module = dotted_name(p);
    else if (level == 0) raise_generic(p); /* `from import x`: a module or a dot is needed */
    expect_kw(p, "import");
    vec names = {0};
    if (at_op(p, WFC_OP_STAR)) {
        int astart = p->pos++;
        wfc_alias *a = wfc_p_alloc(p, sizeof *a);
        a->name = "*";
        SET_START(a, p, astart);
        SET_END(a, p);
        vpush(p, &names, a);
    } else {
        int paren = accept_op(p, WFC_OP_LPAR);
        do {
            if (paren && at_op(p, WFC_OP_RPAR) && names.len > 0) break;
            int astart = p->pos;
            wfc_alias *a = wfc_p_alloc(p, sizeof *a);
            a->name = expect_name(p);
            if (accept_kw(p, "as")) a->asname = expect_name(p);
            SET_START(a, p, astart);
            SET_END(a, p);
            vpush(p, &names, a);
        } while (accept_op(p, WFC_OP_COMMA));
        if (paren) expect_op(p, WFC_OP_RPAR);
        else if (at_op(p, WFC_OP_COMMA) || (names.len && p->toks[p->pos - 1]->t.kind == WFC_TOK_OP &&
                                             p->toks[p->pos - 1]->t.op == WFC_OP_COMMA))
            raise_generic(p);
        if (!paren && p->toks[p->pos - 1]->t.kind == WFC_TOK_OP && p->toks[p->pos - 1]->t.op == WFC_OP_COMMA) {
            wfc_p_raise_tok(p, &p->toks[p->pos - 1]->t, "trailing comma not allowed without surrounding parentheses");
        }
    }
    wfc_stmt *s = mk_stmt(p, WFC_ImportFrom, start);
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.names = vseq(p, &names);
    s->v.ImportFrom.level = level;
    return s;
}

static wfc_stmt *simple_stmt(P *p) {
    int start = p->pos;
    T *t = cur(p);
    if (t->kind == WFC_TOK_NAME) {
        if (is_kw(t, "pass")) { p->pos++; return mk_stmt(p, WFC_Pass, start); }
        if (is_kw(t, "break")) { p->pos++; return mk_stmt(p, WFC_Break, start); }
        if (is_kw(t, "continue")) { p->pos++; return mk_stmt(p, WFC_Continue, start); }
        if (is_kw(t, "return")) {
            p->pos++;
            wfc_expr *v = NULL;
            if (starts_expr(cur(p)) || at_op(p, WFC_OP_STAR)) v = star_expressions(p);
            wfc_stmt *s = mk_stmt(p, WFC_Return, start);
            s->v.Return.value = v;
            return s;
        }
        if (is_kw(t, "import") || is_kw(t, "from")) return import_stmt(p);
        if (is_kw(t, "raise")) {
            p->pos++;
            wfc_expr *exc = NULL, *cause = NULL;
            if (starts_expr(cur(p))) {
                exc = expression(p);
                if (accept_kw(p, "from")) cause = expression(p);
            }
            wfc_stmt *s = mk_stmt(p, WFC_Raise, start);
            s->v.Raise.exc = exc;
            s->v.Raise.cause = cause;
            return s;
        }
        if (is_kw(t, "global") || is_kw(t, "nonlocal")) {
            int global = is_kw(t, "global");
            p->pos++;
            vec names = {0};
            do vpush(p, &names, (void *)expect_name(p));
            while (accept_op(p, WFC_OP_COMMA));
            wfc_stmt *s = mk_stmt(p, global ? WFC_Global : WFC_Nonlocal, start);
            if (global) s->v.Global.names = vseq(p, &names);
            else s->v.Nonlocal.names = vseq(p, &names);
            return s;
        }
        if (is_kw(t, "del")) {
            p->pos++;
            vec targets = {0};
            do {
                if (!starts_expr(cur(p))) break;
                wfc_expr *e = bitwise_or(p);
                wfc_expr *bad = set_ctx(e, WFC_Del);
                if (bad) {
                    RAISE_NODE(p, bad, "cannot delete %s", expr_name(bad));
                }
                vpush(p, &targets, e);
            } while (accept_op(p, WFC_OP_COMMA));
            if (targets.len == 0 || !(at_op(p, WFC_OP_SEMI) || cur(p)->kind == WFC_TOK_NEWLINE)) {
                if (targets.len > 0 && starts_expr(cur(p)) == 0 && !at_op(p, WFC_OP_SEMI)) {
                    /* del f() etc. were caught above */
                }
                raise_generic(p);
            }
            wfc_stmt *s = mk_stmt(p, WFC_Delete, start);
            s->v.Delete.targets = vseq(p, &targets);
            return s;
        }
        if (is_kw(t, "assert")) {
            p->pos++;
            wfc_expr *test = expression(p), *msg = NULL;
            if (accept_op(p, WFC_OP_COMMA)) msg = expression(p);
            wfc_stmt *s = mk_stmt(p, WFC_Assert, start);
            s->v.Assert.test = test;
            s->v.Assert.msg = msg;
            return s;
        }
    }
    return expr_or_assign(p);
}

static void simple_stmts(P *p, vec *out) {
    for (;;) {
        vpush(p, out, simple_stmt(p));
        if (accept_op(p, WFC_OP_SEMI)) {
            if (cur(p)->kind == WFC_TOK_NEWLINE) break;
            continue;
        }
        break;
    }
    if (cur(p)->kind != WFC_TOK_NEWLINE) raise_generic(p);
    p->pos++;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static wfc_seq *block(P *p, const char *what, const T *kw) {
    vec v = {0};
    enter(p);
    if (cur(p)->kind == WFC_TOK_NEWLINE) {
        p->pos++;
        if (cur(p)->kind != WFC_TOK_INDENT) {
            T *t = cur(p);
            wfc_p_raise(p, WFC_ERR_INDENT, t->lineno, t->col_offset, t->lineno, t->col_offset,
                        "expected an indented block after %s on line %d", what, kw->lineno);
        }
        p->pos++;
        while (cur(p)->kind != WFC_TOK_DEDENT && cur(p)->kind != WFC_TOK_ENDMARKER) statement(p, &v);
        if (cur(p)->kind == WFC_TOK_DEDENT) p->pos++;
    } else {
        simple_stmts(p, &v);
    }
    leave(p);
    return vseq(p, &v);
}

static wfc_seq *decorators(P *p) {
    vec v = {0};
    while (accept_op(p, WFC_OP_AT)) {
        vpush(p, &v, named_expression(p));
        if (cur(p)->kind != WFC_TOK_NEWLINE) raise_generic(p);
        p->pos++;
    }
    return vseq(p, &v);
}

static wfc_stmt *funcdef(P *p, wfc_seq *decos) {
    int start = p->pos;
    int is_async = accept_kw(p, "async");
    const T *kw = cur(p);
    expect_kw(p, "def");
    const char *name = expect_name(p);
    expect_op(p, WFC_OP_LPAR);
    wfc_arguments *args = parameters(p, 0, WFC_OP_RPAR);
    expect_op(p, WFC_OP_RPAR);
    wfc_expr *returns = NULL;
    if (accept_op(p, WFC_OP_RARROW)) returns = expression(p);
    expect_colon(p);
    char what[64];
    snprintf(what, sizeof what, "function definition");
    wfc_seq *body = block(p, what, kw);
    wfc_stmt *s = mk_stmt(p, is_async ? WFC_AsyncFunctionDef : WFC_FunctionDef, start);
    s->v.FunctionDef.name = name;
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decos;
    s->v.FunctionDef.returns = returns;
    return s;
}

static wfc_stmt *classdef(P *p, wfc_seq *decos) {
    int start = p->pos;
    const T *kw = cur(p);
    expect_kw(p, "class");
    const char *name = expect_name(p);
    wfc_seq *bases, *kws;
    if (accept_op(p, WFC_OP_LPAR)) {
        call_args(p, &bases, &kws);
    } else {
        bases = seq0(p);
        kws = seq0(p);
    }
    expect_colon(p);
    wfc_seq *body = block(p, "class definition", kw);
    wfc_stmt *s = mk_stmt(p, WFC_ClassDef, start);
    s->v.ClassDef.name = name;
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = kws;
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decos;
    return s;
}

static char *stmt_what(char *buf, size_t n, const char *kw) {
    snprintf(buf, n, "'%s' statement", kw);
    return buf;
}

static wfc_stmt *if_stmt(P *p, int elif) {
    int start = p->pos;
    const T *kw = cur(p);
    p->pos++; /* if / elif */
    wfc_expr *test = named_expression(p);
    expect_colon(p);
    char what[64];
    wfc_seq *body = block(p, stmt_what(what, sizeof what, elif ? "elif" : "if"), kw);
    wfc_seq *orelse;
    if (at_kw(p, "elif")) {
        orelse = seq1(p, if_stmt(p, 1));
    } else if (at_kw(p, "else")) {
        const T *ekw = cur(p);
        p->pos++;
        expect_colon(p);
        orelse = block(p, "'else' statement", ekw);
    } else {
        orelse = seq0(p);
    }
    wfc_stmt *s = mk_stmt(p, WFC_If, start);
    s->v.If.test = test;
    s->v.If.body = body;
    s->v.If.orelse = orelse;
    return s;
}

static wfc_seq *else_block(P *p) {
    if (at_kw(p, "else")) {
        const T *ekw = cur(p);
        p->pos++;
        expect_colon(p);
        return block(p, "'else' statement", ekw);
    }
    return seq0(p);
}

static wfc_stmt *while_stmt(P *p) {
    int start = p->pos;
    const T *kw = advance(p);
    wfc_expr *test = named_expression(p);
    expect_colon(p);
    wfc_seq *body = block(p, "'while' statement", kw);
    wfc_seq *orelse = else_block(p);
    wfc_stmt *s = mk_stmt(p, WFC_While, start);
    s->v.While.test = test;
    s->v.While.body = body;
    s->v.While.orelse = orelse;
    return s;
}

static wfc_stmt *for_stmt(P *p) {
    int start = p->pos;
    int is_async = accept_kw(p, "async");
    const T *kw = cur(p);
    expect_kw(p, "for");
    wfc_expr *target = star_targets(p);
    if (!accept_kw(p, "in")) raise_generic(p);
    wfc_expr *iter = star_expressions(p);
    expect_colon(p);
    wfc_seq *body = block(p, "'for' statement", kw);
    wfc_seq *orelse = else_block(p);
    wfc_stmt *s = mk_stmt(p, is_async ? WFC_AsyncFor : WFC_For, start);
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = body;
    s->v.For.orelse = orelse;
    return s;
}

static wfc_withitem *with_item(P *p) {
    wfc_withitem *w = wfc_p_alloc(p, sizeof *w);
    w->context_expr = expression(p);
    if (accept_kw(p, "as")) {
        wfc_expr *t = star_target_elem(p);
        T *n = cur(p);
        if (!(is_op(n, WFC_OP_COMMA) || is_op(n, WFC_OP_RPAR) || is_op(n, WFC_OP_COLON))) raise_generic(p);
        to_target(p, t, WFC_Store);
        w->optional_vars = t;
    }
    return w;
}

static void *paren_with_items(P *p, void *ctx) {
    (void)ctx;
    vec v = {0};
    expect_op(p, WFC_OP_LPAR);
    do {
        if (at_op(p, WFC_OP_RPAR) && v.len) break;
        vpush(p, &v, with_item(p));
    } while (accept_op(p, WFC_OP_COMMA));
    if (!at_op(p, WFC_OP_RPAR) || !is_op(peek(p, 1), WFC_OP_COLON)) {
        raise_generic(p);
    }
    p->pos++;
    return vseq(p, &v);
}

static wfc_stmt *with_stmt(P *p) {
    int start = p->pos;
    int is_async = accept_kw(p, "async");
    const T *kw = cur(p);
    expect_kw(p, "with");
    wfc_seq *items = NULL;
    if (at_op(p, WFC_OP_LPAR)) items = attempt(p, paren_with_items, NULL);
    if (!items) {
        vec v = {0};
        do vpush(p, &v, with_item(p));
        while (accept_op(p, WFC_OP_COMMA));
        items = vseq(p, &v);
    }
    expect_colon(p);
    wfc_seq *body = block(p, "'with' statement", kw);
    wfc_stmt *s = mk_stmt(p, is_async ? WFC_AsyncWith : WFC_With, start);
    s->v.With.items = items;
    s->v.With.body = body;
    return s;
}

static wfc_stmt *try_stmt(P *p) {
    int start = p->pos;
    const T *kw = advance(p);
    expect_colon(p);
    wfc_seq *body = block(p, "'try' statement", kw);
    vec handlers = {0};
    int star = -1;
    while (at_kw(p, "except")) {
        int hstart = p->pos;
        const T *ekw = advance(p);
        int is_star = accept_op(p, WFC_OP_STAR);
        if (star == -1) star = is_star;
        else if (star != is_star) {
            wfc_p_raise_tok(p, ekw, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        wfc_expr *type = NULL;
        const char *name = NULL;
        if (!at_op(p, WFC_OP_COLON)) {
            int tstart = p->pos;
            type = expression(p);
            if (at_op(p, WFC_OP_COMMA)) {
                /* except A, B: */
                vec elts = {0};
                vpush(p, &elts, type);
                while (accept_op(p, WFC_OP_COMMA)) {
                    if (!starts_expr(cur(p))) break;
                    vpush(p, &elts, expression(p));
                }
                if (at_op(p, WFC_OP_COLON) || at_kw(p, "as")) {
                    wfc_expr *last = elts.items[elts.len - 1];
                    RAISE_RANGE(p, &p->toks[tstart]->t, last, "multiple exception types must be parenthesized");
                }
                raise_generic(p);
            }
            if (accept_kw(p, "as")) name = expect_name(p);
        } else if (is_star) {
            wfc_p_raise_tok(p, cur(p), "expected one or more exception types");
        }
        expect_colon(p);
        wfc_seq *hbody = block(p, is_star ? "'except*' statement" : "'except' statement", ekw);
        wfc_excepthandler *h = wfc_p_alloc(p, sizeof *h);
        h->kind = WFC_ExceptHandler;
        h->v.ExceptHandler.type = type;
        h->v.ExceptHandler.name = name;
        h->v.ExceptHandler.body = hbody;
        SET_START(h, p, hstart);
        SET_END(h, p);
        vpush(p, &handlers, h);
    }
    wfc_seq *orelse = seq0(p), *finalbody = seq0(p);
    if (handlers.len && at_kw(p, "else")) orelse = else_block(p);
    if (at_kw(p, "finally")) {
        const T *fkw = advance(p);
        expect_colon(p);
        finalbody = block(p, "'finally' statement", fkw);
    }
    if (handlers.len == 0 && finalbody->len == 0) {
        T *t = cur(p);
        wfc_p_raise(p, WFC_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                    "expected 'except' or 'finally' block");
    }
    wfc_stmt *s = mk_stmt(p, star == 1 ? WFC_TryStar : WFC_Try, start);
    s->v.Try.body = body;
    s->v.Try.handlers = vseq(p, &handlers);
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = finalbody;
    return s;
}

/* ------------------------------------------------------------------ */
/* match                                                               */
/* ------------------------------------------------------------------ */

static wfc_pattern *pattern(P *p);
static wfc_pattern *closed_pattern(P *p);

static int is_soft(const T *t, const char *kw) { return is_kw(t, kw); }

/* signed_number / complex_number / attr for value patterns */
static wfc_expr *signed_number(P *p) {
    int start = p->pos;
    if (accept_op(p, WFC_OP_MINUS)) {
        T *t = cur(p);
        if (t->kind != WFC_TOK_NUMBER) raise_generic(p);
        p->pos++;
        wfc_expr *n = number(p, t);
        wfc_expr *e = mk_expr(p, WFC_UnaryOp, start);
        e->v.UnaryOp.op = WFC_USub;
        e->v.UnaryOp.operand = n;
        return e;
    }
    T *t = cur(p);
    if (t->kind != WFC_TOK_NUMBER) raise_generic(p);
    p->pos++;
    return number(p, t);
}

static wfc_expr *literal_number(P *p) {
    int start = p->pos;
    wfc_expr *real = signed_number(p);
    if (at_op(p, WFC_OP_PLUS) || at_op(p, WFC_OP_MINUS)) {
        int op = at_op(p, WFC_OP_PLUS) ? WFC_Add : WFC_Sub;
        p->pos++;
        T *t = cur(p);
        if (t->kind != WFC_TOK_NUMBER) raise_generic(p);
        p->pos++;
        wfc_expr *imag = number(p, t);
        if (imag->v.Constant.value->kind != WFC_CONST_COMPLEX)
            RAISE_NODE(p, imag, "imaginary number required in complex literal");
        if (real->kind == WFC_Constant && real->v.Constant.value->kind == WFC_CONST_COMPLEX)
            RAISE_NODE(p, real, "real number required in complex literal");
        wfc_expr *e = mk_expr(p, WFC_BinOp, start);
        e->v.BinOp.left = real;
        e->v.BinOp.op = op;
        e->v.BinOp.right = imag;
        return e;
    }
    return real;
}

static wfc_expr *name_or_attr(P *p) {
    int start = p->pos;
    T *t = cur(p);
    if (!is_plain_name(t)) raise_generic(p);
    p->pos++;
    wfc_expr *e = mk_name(p, t, WFC_Load);
    while (accept_op(p, WFC_OP_DOT)) {
        const char *n = expect_name(p);
        wfc_expr *a = mk_expr(p, WFC_Attribute, start);
        a->v.Attribute.value = e;
        a->v.Attribute.attr = n;
        a->v.Attribute.ctx = WFC_Load;
        e = a;
    }
    return e;
}

static wfc_pattern *mk_match_value(P *p, wfc_expr *v, int start) {
    wfc_pattern *pt = mk_pat(p, WFC_MatchValue, start);
    pt->v.MatchValue.value = v;
    return pt;
}

static wfc_pattern *star_pattern(P *p) {
    int start = p->pos;
    expect_op(p, WFC_OP_STAR);
    T *t = cur(p);
    if (!is_plain_name(t)) raise_generic(p);
    p->pos++;
    wfc_pattern *pt = mk_pat(p, WFC_MatchStar, start);
    pt->v.MatchStar.name = is_soft(t, "_") ? NULL : ident(p, t);
    return pt;
}

static wfc_pattern *maybe_star_pattern(P *p) {
    if (at_op(p, WFC_OP_STAR)) return star_pattern(p);
    return pattern(p);
}

static wfc_pattern *sequence_pattern(P *p, wfc_op_kind closer, int start) {
    vec v = {0};
    int comma = 0;
    while (!at_op(p, closer)) {
        vpush(p, &v, maybe_star_pattern(p));
        if (!accept_op(p, WFC_OP_COMMA)) break;
        comma = 1;
    }
    expect_op(p, closer);
    if (closer == WFC_OP_RPAR && v.len == 1 && !comma) {
        /* group pattern: ( pattern ) */
        wfc_pattern *g = v.items[0];
        if (g->kind == WFC_MatchStar) RAISE_NODE(p, g, "cannot use starred expression here");
        return g;
    }
    wfc_pattern *pt = mk_pat(p, WFC_MatchSequence, start);
    pt->v.MatchSequence.patterns = vseq(p, &v);
    return pt;
}

static wfc_pattern *mapping_pattern(P *p) {
    int start = p->pos++;
    vec keys = {0}, pats = {0};
    const char *rest = NULL;
    while (!at_op(p, WFC_OP_RBRACE)) {
        if (accept_op(p, WFC_OP_DOUBLESTAR)) {
            /* double_star_pattern: '**' pattern_capture_target (not '_') */
            if (is_soft(cur(p), "_")) raise_generic(p);
            rest = expect_name(p);
            accept_op(p, WFC_OP_COMMA);
            break;
        }
        wfc_expr *key;
        T *t = cur(p);
        int kstart = p->pos;
        if (t->kind == WFC_TOK_NUMBER || is_op(t, WFC_OP_MINUS)) key = literal_number(p);
        else if (t->kind == WFC_TOK_STRING) key = atom(p);
        else if (is_kw(t, "None")) { p->pos++; key = const_expr(p, WFC_CONST_NONE, kstart); }
        else if (is_kw(t, "True")) { p->pos++; key = const_expr(p, WFC_CONST_TRUE, kstart); }
        else if (is_kw(t, "False")) { p->pos++; key = const_expr(p, WFC_CONST_FALSE, kstart); }
        else if (is_plain_name(t) && is_op(peek(p, 1), WFC_OP_DOT)) key = name_or_attr(p);
        else raise_generic(p);
        expect_op(p, WFC_OP_COLON);
        vpush(p, &keys, key);
        vpush(p, &pats, pattern(p));
        if (!accept_op(p, WFC_OP_COMMA)) break;
    }
    expect_op(p, WFC_OP_RBRACE);
    wfc_pattern *pt = mk_pat(p, WFC_MatchMapping, start);
    pt->v.MatchMapping.keys = vseq(p, &keys);
    pt->v.MatchMapping.patterns = vseq(p, &pats);
    pt->v.MatchMapping.rest = rest;
    return pt;
}

static wfc_pattern *class_pattern(P *p, wfc_expr *cls, int start) {
    expect_op(p, WFC_OP_LPAR);
    vec pats = {0}, kwd_attrs = {0}, kwd_pats = {0};
    while (!at_op(p, WFC_OP_RPAR)) {
        T *t = cur(p);
        if (is_plain_name(t) && is_op(peek(p, 1), WFC_OP_EQUAL)) {
            p->pos += 2;
            vpush(p, &kwd_attrs, (void *)ident(p, t));
            vpush(p, &kwd_pats, pattern(p));
        } else {
            wfc_pattern *pt = pattern(p);
            if (kwd_attrs.len) {
                RAISE_NODE(p, pt, "positional patterns follow keyword patterns");
            }
            vpush(p, &pats, pt);
        }
        if (!accept_op(p, WFC_OP_COMMA)) break;
    }
    expect_op(p, WFC_OP_RPAR);
    wfc_pattern *pt = mk_pat(p, WFC_MatchClass, start);
    pt->v.MatchClass.cls = cls;
    pt->v.MatchClass.patterns = vseq(p, &pats);
    pt->v.MatchClass.kwd_attrs = vseq(p, &kwd_attrs);
    pt->v.MatchClass.kwd_patterns = vseq(p, &kwd_pats);
    return pt;
}

static wfc_pattern *closed_pattern(P *p) {
    int start = p->pos;
    T *t = cur(p);
    if (t->kind == WFC_TOK_NUMBER || is_op(t, WFC_OP_MINUS)) return mk_match_value(p, literal_number(p), start);
    if (t->kind == WFC_TOK_STRING) {
        wfc_expr *s = atom(p);
        return mk_match_value(p, s, start);
    }
    if (is_kw(t, "None") || is_kw(t, "True") || is_kw(t, "False")) {
        p->pos++;
        wfc_pattern *pt = mk_pat(p, WFC_MatchSingleton, start);
        pt->v.MatchSingleton.value =
            mk_const(p, is_kw(t, "None") ? WFC_CONST_NONE : is_kw(t, "True") ? WFC_CONST_TRUE : WFC_CONST_FALSE);
        return pt;
    }
    if (is_op(t, WFC_OP_LPAR)) {
        p->pos++;
        return sequence_pattern(p, WFC_OP_RPAR, start);
    }
    if (is_op(t, WFC_OP_LSQB)) {
        p->pos++;
        return sequence_pattern(p, WFC_OP_RSQB, start);
    }
    if (is_op(t, WFC_OP_LBRACE)) return mapping_pattern(p);
    if (is_plain_name(t)) {
        T *n = peek(p, 1);
        if (!is_op(n, WFC_OP_DOT) && !is_op(n, WFC_OP_LPAR)) {
            p->pos++;
            wfc_pattern *pt = mk_pat(p, WFC_MatchAs, start);
            pt->v.MatchAs.name = is_soft(t, "_") ? NULL : ident(p, t);
            return pt;
        }
        wfc_expr *e = name_or_attr(p);
        if (at_op(p, WFC_OP_LPAR)) return class_pattern(p, e, start);
        return mk_match_value(p, e, start);
    }
    raise_generic(p);
}

/* or_pattern ['as' NAME] */
static wfc_pattern *pattern(P *p) {
    enter(p);
    int start = p->pos;
    wfc_pattern *first = closed_pattern(p);
    wfc_pattern *r = first;
    if (at_op(p, WFC_OP_VBAR)) {
        vec v = {0};
        vpush(p, &v, first);
        while (accept_op(p, WFC_OP_VBAR)) vpush(p, &v, closed_pattern(p));
        r = mk_pat(p, WFC_MatchOr, start);
        r->v.MatchOr.patterns = vseq(p, &v);
    }
    if (accept_kw(p, "as")) {
        T *t = cur(p);
        if (is_soft(t, "_")) wfc_p_raise_tok(p, t, "cannot use '_' as a target");
        if (!is_plain_name(t)) {
            if (starts_expr(t)) {
                int s2 = p->pos;
                wfc_expr *e = bitwise_or(p);
                (void)s2;
                RAISE_NODE(p, e, "invalid pattern target");
            }
            raise_generic(p);
        }
        p->pos++;
        wfc_pattern *as = mk_pat(p, WFC_MatchAs, start);
        as->v.MatchAs.pattern = r;
        as->v.MatchAs.name = ident(p, t);
        r = as;
    }
    leave(p);
    return r;
}

/* patterns: open_sequence_pattern | pattern */
static wfc_pattern *patterns(P *p) {
    int start = p->pos;
    wfc_pattern *first = maybe_star_pattern(p);
    if (!at_op(p, WFC_OP_COMMA)) {
        /* open_sequence_pattern needs a comma after a lone star pattern */
        if (first->kind == WFC_MatchStar) raise_generic(p);
        return first;
    }
    vec v = {0};
    vpush(p, &v, first);
    while (accept_op(p, WFC_OP_COMMA)) {
        if (at_kw(p, "if") || at_op(p, WFC_OP_COLON)) break;
        vpush(p, &v, maybe_star_pattern(p));
    }
    wfc_pattern *pt = mk_pat(p, WFC_MatchSequence, start);
    pt->v.MatchSequence.patterns = vseq(p, &v);
    return pt;
}

/* "match" subject ':' NEWLINE — the part that decides it is a match
 * statement; returns the subject. */
static void *match_head(P *p, void *ctx) {
    (void)ctx;
    p->pos++; /* match */
    int start = p->pos;
    wfc_expr *subject;
    wfc_expr *first = star_named_expression(p);
    if (at_op(p, WFC_OP_COMMA)) {
        vec v = {0};
        vpush(p, &v, first);
        while (accept_op(p, WFC_OP_COMMA)) {
            if (at_op(p, WFC_OP_COLON)) break;
            vpush(p, &v, star_named_expression(p));
        }
        subject = mk_expr(p, WFC_Tuple, start);
        subject->v.Tuple.elts = vseq(p, &v);
        subject->v.Tuple.ctx = WFC_Load;
    } else {
        if (first->kind == WFC_Starred) raise_generic(p);
        subject = first;
    }
    if (!at_op(p, WFC_OP_COLON)) raise_generic(p);
    return subject;
}

static wfc_stmt *match_stmt(P *p, wfc_expr *subject, int start) {
    const T *kw = &p->toks[start]->t;
    expect_colon(p);
    if (cur(p)->kind != WFC_TOK_NEWLINE) raise_generic(p);
    p->pos++;
    if (cur(p)->kind != WFC_TOK_INDENT) {
        T *t = cur(p);
        wfc_p_raise(p, WFC_ERR_INDENT, t->lineno, t->col_offset, t->lineno, t->col_offset,
                    "expected an indented block after 'match' statement on line %d", kw->lineno);
    }
    p->pos++;
    vec cases = {0};
    while (at_kw(p, "case")) {
        const T *ckw = advance(p);
        wfc_match_case *mc = wfc_p_alloc(p, sizeof *mc);
        mc->pattern = patterns(p);
        if (accept_kw(p, "if")) mc->guard = named_expression(p);
        expect_colon(p);
        mc->body = block(p, "'case' statement", ckw);
        vpush(p, &cases, mc);
    }
    if (cases.len == 0) raise_generic(p);
    if (cur(p)->kind != WFC_TOK_DEDENT) {
        raise_generic(p);
    }
    p->pos++;
    wfc_stmt *s = mk_stmt(p, WFC_Match, start);
    s->v.Match.subject = subject;
    s->v.Match.cases = vseq(p, &cases);
    return s;
}

/* ------------------------------------------------------------------ */
/* Statement dispatch                                                  */
/* ------------------------------------------------------------------ */

static void statement(P *p, vec *out) {
    enter(p);
    T *t = cur(p);
    wfc_stmt *s = NULL;
    if (is_op(t, WFC_OP_AT)) {
        wfc_seq *decos = decorators(p);
        if (at_kw(p, "class")) s = classdef(p, decos);
        else if (at_kw(p, "def") || (at_kw(p, "async") && is_kw(peek(p, 1), "def"))) s = funcdef(p, decos);
        else raise_generic(p);
    } else if (t->kind == WFC_TOK_NAME) {
        if (is_kw(t, "def")) s = funcdef(p, seq0(p));
        else if (is_kw(t, "class")) s = classdef(p, seq0(p));
        else if (is_kw(t, "if")) s = if_stmt(p, 0);
        else if (is_kw(t, "while")) s = while_stmt(p);
        else if (is_kw(t, "for")) s = for_stmt(p);
        else if (is_kw(t, "with")) s = with_stmt(p);
        else if (is_kw(t, "try")) s = try_stmt(p);
        else if (is_kw(t, "async")) {
            T *n = peek(p, 1);
            if (is_kw(n, "def")) s = funcdef(p, seq0(p));
            else if (is_kw(n, "for")) s = for_stmt(p);
            else if (is_kw(n, "with")) s = with_stmt(p);
            else raise_generic(p);
        } else if (is_kw(t, "match")) {
            T *n = peek(p, 1);
            if (starts_expr(n) || is_op(n, WFC_OP_STAR)) {
                int start = p->pos;
                wfc_expr *subject = attempt(p, match_head, NULL);
                if (subject) s = match_stmt(p, subject, start);
            }
        } else if (is_kw(t, "else") || is_kw(t, "elif") || is_kw(t, "except") || is_kw(t, "finally")) {
            raise_generic(p);
        }
    }
    if (s) vpush(p, out, s);
    else simple_stmts(p, out);
    leave(p);
}

static wfc_mod *file_rule(P *p) {
    vec body = {0};
    while (cur(p)->kind != WFC_TOK_ENDMARKER) {
        if (cur(p)->kind == WFC_TOK_NEWLINE) {
            p->pos++;
            continue;
        }
        statement(p, &body);
    }
    wfc_mod *m = wfc_p_alloc(p, sizeof *m);
    m->kind = WFC_Module;
    m->v.Module.body = vseq(p, &body);
    m->v.Module.type_ignores = seq0(p);
    return m;
}

/* One f-string replacement field: parse "(" text ")" with a child parser
 * whose tokens sit at line `line` (and, on the field's first line, start
 * at column `col`), as CPython 3.11's fstring_compile_expr places them. */
wfc_expr *wfc_p_fstring_expr(P *p, const char *text, size_t len, int line, int col) {
    char *src = wfc_p_alloc(p, len + 3);
    src[0] = '(';
    memcpy(src + 1, text, len);
    src[len + 1] = ')';
    src[len + 2] = '\0';
    P c;
    memset(&c, 0, sizeof c);
    c.arena = p->arena;
    c.filename = p->filename;
    c.err = p->err;
    c.stack_base = p->stack_base;
    c.depth = p->depth;
    c.parent = p;
    c.base_line = line;
    c.base_col = col;
    c.tz = wfc_tokenizer_new(src, len + 2, p->filename, 0);
    if (!c.tz) wfc_p_raise_nomem(p);
    jmp_buf jb;
    c.jmp = &jb;
    wfc_expr *volatile e = NULL;
    if (setjmp(jb) == 0) {
        e = star_expressions(&c);
    } else {
        free(c.toks);
        wfc_tokenizer_free(c.tz);
        p->fatal = c.fatal;
        longjmp(*p->jmp, 1);
    }
    free(c.toks);
    wfc_tokenizer_free(c.tz);
    return e;
}

/* After a generic error, CPython tokenizes the rest of the file and
 * reports a tokenizer error found there instead. */
static void scan_rest_for_token_errors(P *p) {
    jmp_buf jb;
    p->jmp = &jb;
    if (setjmp(jb) == 0) {
        while (!(p->ntoks && p->toks[p->ntoks - 1]->t.kind == WFC_TOK_ENDMARKER)) fetch(p);
    }
}

/* Whether the tokenizer error `te`, found after a generic error `first`,
 * leaves `first` standing.  CPython replaces a generic error only with the
 * tokenizer errors that raise an exception as they are found; those it
 * reports through a status code (unclosed bracket at end of input,
 * unexpected EOF, a character after a line continuation, indentation and
 * tab errors) stop its scan silently -- except that an unclosed bracket
 * opened on a line before the generic error's line is reported. */
static int generic_error_stands(const wfc_syntax_error *first, const wfc_syntax_error *te) {
    if (te->kind == WFC_ERR_INDENT || te->kind == WFC_ERR_TAB) return 1;
    if (te->kind != WFC_ERR_SYNTAX) return 0;
    if (strcmp(te->msg, "unexpected EOF while parsing") == 0 ||
        strcmp(te->msg, "unexpected character after line continuation character") == 0)
        return 1;
    size_t n = strlen(te->msg), k = strlen(" was never closed");
    if (n > k && strcmp(te->msg + n - k, " was never closed") == 0) return !(first->lineno > te->lineno);
    return 0;
}

wfc_mod *wfc_parse(const char *src, size_t len, const char *filename, wfc_arena *arena,
                   wfc_syntax_error *err) {
    memset(err, 0, sizeof *err);
    P p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.filename = filename;
    p.err = err;
    p.stack_base = (char *)__builtin_frame_address(0);
    p.tz = wfc_tokenizer_new(src, len, filename, 0);
    if (!p.tz) {
        err->kind = WFC_ERR_MEMORY;
        return NULL;
    }
    jmp_buf jb;
    p.jmp = &jb;
    wfc_mod *volatile m = NULL;
    if (setjmp(jb) == 0) {
        m = file_rule(&p);
        wfc_syntax_error_clear(err);
    } else {
        m = NULL;
        if (!p.fatal && err->kind == WFC_ERR_SYNTAX && strcmp(err->msg, "invalid syntax") == 0) {
            /* a tokenizer error further on replaces a generic error */
            wfc_syntax_error first = *err;
            err->text = NULL;
            p.fatal = 0;
            scan_rest_for_token_errors(&p);
            if (p.fatal && !generic_error_stands(&first, err)) {
                free(first.text);
            } else {
                free(err->text);
                *err = first;
            }
        }
    }
    free(p.toks);
    wfc_tokenizer_free(p.tz);
    return m;
}
