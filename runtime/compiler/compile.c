/*
 * runtime/compiler/compile.c — code generation (see compile.h, code.h,
 * opcodes.h and docs/internals/compiler.md).
 *
 * One `unit` per code object being compiled (module, class body, function,
 * lambda, comprehension), stacked while nested bodies compile.  A unit's
 * instructions go into basic blocks; a block ends at a jump or a
 * terminator and is linked to the next in layout order.  Exception
 * handling is written with the pseudo-instructions SETUP_FINALLY /
 * SETUP_CLEANUP / SETUP_WITH (push a handler) and POP_BLOCK (pop it), and
 * break/continue/return unwind the compile-time stack of "frame blocks"
 * (loops, try, with, handlers) as CPython 3.11 does.
 *
 * Assembly of a unit (assemble()):
 *   1. stack depth: a work-list flow analysis from the entry block over
 *      fall-through, jump and handler edges; every block gets one start
 *      depth (a mismatch or a negative depth is an internal error); blocks
 *      never reached are dropped;
 *   2. exception labelling: a second walk carries the stack of active
 *      handlers, tags each real instruction with its innermost handler and
 *      turns the pseudo-instructions into NOPs;
 *   3. layout: NOPs are removed, offsets assigned, jumps resolved to
 *      absolute offsets, the exception table built by merging runs of
 *      instructions with the same handler, cell/free indexes rewritten to
 *      localsplus slots.
 * Invariant: during code generation the DEREF argument of an instruction
 * is a cell index (< ncells) or ncells + free index; assemble() maps it.
 * Errors longjmp to wfc_compile, which frees all scratch memory.
 */
#include "runtime/compiler/compile.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/arena.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"
#include "runtime/objects/repr.h"

enum { STACK_USE_GUIDELINE = 30, MAX_FBLOCKS = 20 };

typedef struct block block;

typedef struct instr {
    int op, arg;
    block *target;  /* jumps and SETUP_* */
    wfc_pos pos;
    block *handler; /* after labelling: innermost handler, or NULL */
} instr;

struct block {
    instr *ins;
    int n, cap;
    block *next;    /* layout order */
    int startdepth; /* -1 until reached */
    int offset;
    int is_handler, preserve_lasti, labelled;
    struct hstack *exstack;
};

typedef struct hstack {
    int n;
    block *h[64];
} hstack;

typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER,
    FB_ASYNC_COMPREHENSION_GENERATOR,
} fbtype;

typedef struct fblock {
    fbtype type;
    block *blk, *exit;
    const void *datum; /* FINALLY_TRY: finalbody; HANDLER_CLEANUP: name */
    wfc_pos pos;
} fblock;

typedef enum { SC_MODULE, SC_CLASS, SC_FUNCTION, SC_ASYNC_FUNCTION, SC_LAMBDA, SC_COMPREHENSION } scope_type;

/* string -> index table */
typedef struct strtab {
    const char **v;
    int n, cap;
    int *h;
    int hcap;
} strtab;

typedef struct unit {
    struct unit *prev;
    wfc_ste *ste;
    scope_type scope;
    const char *name, *qualname, *priv;
    wfc_constant **consts;
    int nconsts, ccap;
    char **ckeys;
    size_t *cklens;
    int *chash;
    int chcap;
    strtab names, varnames, cellvars, freevars;
    int argcount, posonly, kwonly;
    block *entry, *cur;
    fblock fb[MAX_FBLOCKS];
    int nfb;
    int firstlineno;
    wfc_pos loc;
} unit;

typedef struct C {
    wfc_arena *a;  /* scratch: blocks, instructions, tables */
    wfc_arena *out; /* the unit's arena: code objects, constants */
    wfc_arena *ast_arena;
    wfc_symtable *st;
    unit *u;
    const char *filename;
    const char *src;
    size_t len;
    int optimize;
    int future_annotations;
    int interactive;
    wfc_syntax_error *err;
    wfc_warning *warnings, **warn_tail; /* SyntaxWarnings, in the out arena */
    jmp_buf jb;
    wfo_strbuf tmp;
} C;

/* ----- errors ----- */

__attribute__((noreturn, format(printf, 3, 4))) static void cerror_at(C *c, wfc_pos p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    wfc_syntax_error_vset(c->err, c->src, c->len, p.lineno, p.col, p.end_lineno, p.end_col, fmt, ap);
    va_end(ap);
    longjmp(c->jb, 1);
}

__attribute__((noreturn)) static void nomem(C *c) {
    c->err->kind = WFC_ERR_MEMORY;
    snprintf(c->err->msg, sizeof c->err->msg, "out of memory");
    longjmp(c->jb, 1);
}

__attribute__((noreturn)) static void internal(C *c, const char *what) {
    c->err->kind = WFC_ERR_SYNTAX;
    snprintf(c->err->msg, sizeof c->err->msg, "internal compiler error: %s", what);
    longjmp(c->jb, 1);
}

static void *xalloc(C *c, size_t n) {
    void *p = wfc_arena_alloc(c->a, n);
    if (!p) nomem(c);
    return p;
}
static void *oalloc(C *c, size_t n) {
    void *p = wfc_arena_alloc(c->out, n);
    if (!p) nomem(c);
    return p;
}
static const char *ostr(C *c, const char *s, size_t n) {
    char *p = wfc_arena_strndup(c->out, s, n);
    if (!p) nomem(c);
    return p;
}
static const char *ostr0(C *c, const char *s) { return ostr(c, s, strlen(s)); }

#define POS(n) ((wfc_pos){(n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset})
static const wfc_pos NOPOS = {-1, -1, -1, -1};

/* ----- string tables ----- */

static uint32_t hbytes(const char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

static int st_find(const strtab *t, const char *s) {
    if (!t->hcap) return -1;
    uint32_t k = hbytes(s, strlen(s)) & (uint32_t)(t->hcap - 1);
    while (t->h[k]) {
        if (strcmp(t->v[t->h[k] - 1], s) == 0) return t->h[k] - 1;
        k = (k + 1) & (uint32_t)(t->hcap - 1);
    }
    return -1;
}

static int st_add(C *c, strtab *t, const char *s) {
    int i = st_find(t, s);
    if (i >= 0) return i;
    if (t->n == t->cap) {
        int nc = t->cap ? t->cap * 2 : 16;
        const char **nv = xalloc(c, (size_t)nc * sizeof *nv);
        if (t->n) memcpy(nv, t->v, (size_t)t->n * sizeof *nv);
        t->v = nv;
        t->cap = nc;
    }
    if ((t->n + 1) * 2 > t->hcap) {
        int nh = t->hcap ? t->hcap * 2 : 32;
        int *h = xalloc(c, (size_t)nh * sizeof *h);
        for (int j = 0; j < t->n; j++) {
            uint32_t k = hbytes(t->v[j], strlen(t->v[j])) & (uint32_t)(nh - 1);
            while (h[k]) k = (k + 1) & (uint32_t)(nh - 1);
            h[k] = j + 1;
        }
        t->h = h;
        t->hcap = nh;
    }
    t->v[t->n] = s;
    uint32_t k = hbytes(s, strlen(s)) & (uint32_t)(t->hcap - 1);
    while (t->h[k]) k = (k + 1) & (uint32_t)(t->hcap - 1);
    t->h[k] = ++t->n;
    if (t->n > WFC_MAX_ARG) cerror_at(c, c->u->loc, "code object too large");
    return t->n - 1;
}

/* ----- constants ----- */

static wfc_constant *mkconst(C *c, wfc_const_kind k) {
    wfc_constant *x = oalloc(c, sizeof *x);
    x->kind = k;
    return x;
}

/* Deep copy into the output arena. */
static wfc_constant *copy_const(C *c, const wfc_constant *s) {
    wfc_constant *x = mkconst(c, s->kind);
    *x = *s;
    if (s->str) x->str = ostr(c, s->str, s->len);
    if (s->nelts) {
        x->elts = oalloc(c, (size_t)s->nelts * sizeof *x->elts);
        for (int i = 0; i < s->nelts; i++) x->elts[i] = copy_const(c, s->elts[i]);
    }
    return x;
}

/* Order of two constant keys (qsort). */
static int cmp_key(const void *pa, const void *pb) {
    const wfo_strbuf *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int r = n ? memcmp(a->data, b->data, n) : 0;
    if (r) return r;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* A byte key identifying a constant by type and value (0 and 0.0 and
 * False differ, -0.0 differs from 0.0, as CPython's constant cache). */
static void const_key(C *c, wfo_strbuf *b, const wfc_constant *k) {
    char tag = (char)('A' + k->kind);
    if (wfo_strbuf_append(b, &tag, 1) < 0) nomem(c);
    switch (k->kind) {
    case WFC_CONST_INT:
    case WFC_CONST_STR:
    case WFC_CONST_BYTES: {
        size_t n = k->len;
        if (wfo_strbuf_append(b, (const char *)&n, sizeof n) < 0 || wfo_strbuf_append(b, k->str, k->len) < 0)
            nomem(c);
        break;
    }
    case WFC_CONST_FLOAT:
        if (wfo_strbuf_append(b, (const char *)&k->f, sizeof k->f) < 0) nomem(c);
        break;
    case WFC_CONST_COMPLEX:
        if (wfo_strbuf_append(b, (const char *)&k->real, sizeof k->real) < 0 ||
            wfo_strbuf_append(b, (const char *)&k->f, sizeof k->f) < 0)
            nomem(c);
        break;
    case WFC_CONST_TUPLE:
        if (wfo_strbuf_append(b, (const char *)&k->nelts, sizeof k->nelts) < 0) nomem(c);
        for (int i = 0; i < k->nelts; i++) const_key(c, b, k->elts[i]);
        break;
    case WFC_CONST_FROZENSET: {
        /* Equal sets are one constant whatever their source order (as
         * CPython's constant keys): the items' keys, sorted. */
        if (wfo_strbuf_append(b, (const char *)&k->nelts, sizeof k->nelts) < 0) nomem(c);
        wfo_strbuf *keys = xalloc(c, (size_t)(k->nelts ? k->nelts : 1) * sizeof *keys);
        for (int i = 0; i < k->nelts; i++) {
            wfo_strbuf_init(&keys[i]);
            const_key(c, &keys[i], k->elts[i]);
        }
        qsort(keys, (size_t)k->nelts, sizeof *keys, cmp_key);
        for (int i = 0; i < k->nelts; i++) {
            int rc = wfo_strbuf_append(b, (const char *)&keys[i].len, sizeof keys[i].len) < 0 ||
                     wfo_strbuf_append(b, keys[i].data, keys[i].len) < 0;
            if (rc) nomem(c);
        }
        for (int i = 0; i < k->nelts; i++) wfo_strbuf_free(&keys[i]);
        break;
    }
    case WFC_CONST_CODE: {
        /* by content, as CPython's code equality: identical bodies (a
         * finally block compiled once per exit path) share one constant */
        const wfc_code *co = k->code;
        int hdr[8] = {co->flags, co->argcount, co->posonlyargcount, co->kwonlyargcount, co->firstlineno,
                      co->ninstrs, co->nexc, co->nlocalsplus};
        if (wfo_strbuf_append(b, (const char *)hdr, sizeof hdr) < 0 ||
            wfo_strbuf_append(b, co->qualname, strlen(co->qualname) + 1) < 0 ||
            wfo_strbuf_append(b, (const char *)co->code, (size_t)co->ninstrs * sizeof *co->code) < 0 ||
            wfo_strbuf_append(b, (const char *)co->positions, (size_t)co->ninstrs * sizeof *co->positions) < 0 ||
            wfo_strbuf_append(b, (const char *)co->exctable, (size_t)co->nexc * sizeof *co->exctable) < 0)
            nomem(c);
        for (int i = 0; i < co->nnames; i++)
            if (wfo_strbuf_append(b, co->names[i], strlen(co->names[i]) + 1) < 0) nomem(c);
        for (int i = 0; i < co->nlocalsplus; i++)
            if (wfo_strbuf_append(b, co->localsplus[i], strlen(co->localsplus[i]) + 1) < 0 ||
                wfo_strbuf_append(b, (const char *)&co->kinds[i], 1) < 0)
                nomem(c);
        for (int i = 0; i < co->nconsts; i++) const_key(c, b, co->consts[i]);
        break;
    }
    default: break;
    }
}

static int add_const_owned(C *c, wfc_constant *k) {
    unit *u = c->u;
    c->tmp.len = 0;
    const_key(c, &c->tmp, k);
    uint32_t h = hbytes(c->tmp.data, c->tmp.len);
    if (u->chcap) {
        uint32_t j = h & (uint32_t)(u->chcap - 1);
        while (u->chash[j]) {
            int i = u->chash[j] - 1;
            if (u->cklens[i] == c->tmp.len && memcmp(u->ckeys[i], c->tmp.data, c->tmp.len) == 0) return i;
            j = (j + 1) & (uint32_t)(u->chcap - 1);
        }
    }
    if (u->nconsts == u->ccap) {
        int nc = u->ccap ? u->ccap * 2 : 16;
        wfc_constant **nv = xalloc(c, (size_t)nc * sizeof *nv);
        char **nk = xalloc(c, (size_t)nc * sizeof *nk);
        size_t *nl = xalloc(c, (size_t)nc * sizeof *nl);
        if (u->nconsts) {
            memcpy(nv, u->consts, (size_t)u->nconsts * sizeof *nv);
            memcpy(nk, u->ckeys, (size_t)u->nconsts * sizeof *nk);
            memcpy(nl, u->cklens, (size_t)u->nconsts * sizeof *nl);
        }
        u->consts = nv;
        u->ckeys = nk;
        u->cklens = nl;
        u->ccap = nc;
    }
    if ((u->nconsts + 1) * 2 > u->chcap) {
        int nh = u->chcap ? u->chcap * 2 : 32;
        int *hh = xalloc(c, (size_t)nh * sizeof *hh);
        for (int i = 0; i < u->nconsts; i++) {
            uint32_t j = hbytes(u->ckeys[i], u->cklens[i]) & (uint32_t)(nh - 1);
            while (hh[j]) j = (j + 1) & (uint32_t)(nh - 1);
            hh[j] = i + 1;
        }
        u->chash = hh;
        u->chcap = nh;
    }
    int i = u->nconsts++;
    u->consts[i] = k;
    u->ckeys[i] = xalloc(c, c->tmp.len ? c->tmp.len : 1);
    memcpy(u->ckeys[i], c->tmp.data, c->tmp.len);
    u->cklens[i] = c->tmp.len;
    uint32_t j = h & (uint32_t)(u->chcap - 1);
    while (u->chash[j]) j = (j + 1) & (uint32_t)(u->chcap - 1);
    u->chash[j] = i + 1;
    if (u->nconsts > WFC_MAX_ARG) cerror_at(c, u->loc, "code object too large");
    return i;
}

static int add_const(C *c, const wfc_constant *k) { return add_const_owned(c, copy_const(c, k)); }

static int const_none(C *c) { return add_const_owned(c, mkconst(c, WFC_CONST_NONE)); }
static int const_str(C *c, const char *s) {
    wfc_constant *k = mkconst(c, WFC_CONST_STR);
    k->str = ostr0(c, s);
    k->len = strlen(s);
    return add_const_owned(c, k);
}
static int const_int(C *c, long v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    wfc_constant *k = mkconst(c, WFC_CONST_INT);
    k->str = ostr0(c, buf);
    k->len = strlen(buf);
    return add_const_owned(c, k);
}
static wfc_constant *str_const(C *c, const char *s) {
    wfc_constant *k = mkconst(c, WFC_CONST_STR);
    k->str = ostr0(c, s);
    k->len = strlen(s);
    return k;
}
static wfc_constant *tuple_const(C *c, int n) {
    wfc_constant *k = mkconst(c, WFC_CONST_TUPLE);
    k->nelts = n;
    k->elts = n ? oalloc(c, (size_t)n * sizeof *k->elts) : NULL;
    return k;
}

/* ----- blocks and emission ----- */

static block *new_block(C *c) {
    block *b = xalloc(c, sizeof *b);
    b->startdepth = -1;
    return b;
}

static void use_block(C *c, block *b) {
    c->u->cur->next = b;
    c->u->cur = b;
}

static instr *emit_raw(C *c, int op, int arg, block *target) {
    block *b = c->u->cur;
    if (b->n == b->cap) {
        int nc = b->cap ? b->cap * 2 : 16;
        instr *ni = xalloc(c, (size_t)nc * sizeof *ni);
        if (b->n) memcpy(ni, b->ins, (size_t)b->n * sizeof *ni);
        b->ins = ni;
        b->cap = nc;
    }
    if (arg < 0 || arg > WFC_MAX_ARG) cerror_at(c, c->u->loc, "code object too large");
    instr *i = &b->ins[b->n++];
    i->op = op;
    i->arg = arg;
    i->target = target;
    i->pos = c->u->loc;
    i->handler = NULL;
    return i;
}

/* A jump or terminator ends the block: later code goes into a new one. */
static void emit(C *c, int op, int arg) {
    emit_raw(c, op, arg, NULL);
    if (wfc_opcode_flags(op) & WFC_OPF_TERM) use_block(c, new_block(c));
}

static void emit_jump(C *c, int op, block *target) {
    emit_raw(c, op, 0, target);
    if (op < WFC_FIRST_PSEUDO) use_block(c, new_block(c));
}

static void emit_nopos(C *c, int op, int arg) {
    wfc_pos saved = c->u->loc;
    c->u->loc = NOPOS;
    emit(c, op, arg);
    c->u->loc = saved;
}

static void load_const(C *c, const wfc_constant *k) { emit(c, WFC_LOAD_CONST, add_const(c, k)); }
static void load_none(C *c) { emit(c, WFC_LOAD_CONST, const_none(c)); }

static const char *mangle(C *c, const char *name) {
    const char *m = wfc_mangle(c->out, c->u->priv, name);
    if (!m) nomem(c);
    return m;
}

static int name_index(C *c, const char *name) { return st_add(c, &c->u->names, mangle(c, name)); }
static int name_index_raw(C *c, const char *name) { return st_add(c, &c->u->names, name); }

/* ----- frame blocks ----- */

static void push_fblock(C *c, fbtype t, block *b, block *exit, const void *datum) {
    unit *u = c->u;
    if (u->nfb >= MAX_FBLOCKS) cerror_at(c, u->loc, "too many statically nested blocks");
    fblock *f = &u->fb[u->nfb++];
    f->type = t;
    f->blk = b;
    f->exit = exit;
    f->datum = datum;
    f->pos = u->loc;
}
static void pop_fblock(C *c) { c->u->nfb--; }

/* ----- forward declarations ----- */

static int const_truth(const wfc_constant *k);
static void visit_expr(C *c, const wfc_expr *e);
static void visit_stmt(C *c, const wfc_stmt *s);
static void visit_stmts(C *c, const wfc_seq *q);
static void nameop(C *c, const char *name, wfc_expr_context ctx);
static wfc_code *compile_unit_end(C *c, int add_return);

static void visit_exprs(C *c, const wfc_seq *q) {
    for (int i = 0; i < q->len; i++) visit_expr(c, q->items[i]);
}

/* ----- units ----- */

static void enter_unit(C *c, const char *name, scope_type sc, const void *key, int lineno) {
    unit *u = xalloc(c, sizeof *u);
    u->prev = c->u;
    u->ste = wfc_symtable_lookup(c->st, key);
    if (!u->ste) internal(c, "no symbol table entry");
    u->scope = sc;
    u->name = ostr0(c, name);
    u->priv = c->u ? c->u->priv : NULL;
    u->firstlineno = lineno;
    u->loc = (wfc_pos){lineno, lineno, -1, -1};
    u->entry = u->cur = new_block(c);
    /* parameters first, in order */
    for (int i = 0; i < u->ste->nvarnames; i++) st_add(c, &u->varnames, u->ste->varnames[i]);
    /* cells: __class__ of a class, then the CELL symbols sorted; frees sorted */
    if (u->ste->needs_class_closure) st_add(c, &u->cellvars, "__class__");
    int ns = u->ste->nsyms;
    const char **tmp = xalloc(c, (size_t)(ns ? ns : 1) * sizeof *tmp);
    int nt = 0;
    for (int i = 0; i < ns; i++)
        if (u->ste->syms[i].scope == WFC_SCOPE_CELL) tmp[nt++] = u->ste->syms[i].name;
    for (int i = 1; i < nt; i++)
        for (int j = i; j > 0 && strcmp(tmp[j - 1], tmp[j]) > 0; j--) {
            const char *t = tmp[j];
            tmp[j] = tmp[j - 1];
            tmp[j - 1] = t;
        }
    for (int i = 0; i < nt; i++) st_add(c, &u->cellvars, tmp[i]);
    nt = 0;
    for (int i = 0; i < ns; i++)
        if (u->ste->syms[i].scope == WFC_SCOPE_FREE || (u->ste->syms[i].flags & WFC_DEF_FREE_CLASS))
            tmp[nt++] = u->ste->syms[i].name;
    for (int i = 1; i < nt; i++)
        for (int j = i; j > 0 && strcmp(tmp[j - 1], tmp[j]) > 0; j--) {
            const char *t = tmp[j];
            tmp[j] = tmp[j - 1];
            tmp[j - 1] = t;
        }
    for (int i = 0; i < nt; i++) st_add(c, &u->freevars, tmp[i]);
    if (sc == SC_CLASS) u->priv = u->name;
    /* qualname */
    unit *p = c->u;
    if (!p) {
        u->qualname = u->name;
    } else {
        int force_global = 0;
        if (sc == SC_FUNCTION || sc == SC_ASYNC_FUNCTION || sc == SC_CLASS) {
            const char *m = wfc_mangle(c->out, p->priv, name);
            if (wfc_ste_scope(p->ste, m) == WFC_SCOPE_GLOBAL_EXPLICIT) force_global = 1;
        }
        if (force_global || p->scope == SC_MODULE) {
            u->qualname = u->name;
        } else {
            const char *base = p->qualname;
            int locals = p->scope == SC_FUNCTION || p->scope == SC_ASYNC_FUNCTION || p->scope == SC_LAMBDA;
            size_t n = strlen(base) + strlen(name) + 12;
            char *q = oalloc(c, n);
            snprintf(q, n, "%s%s.%s", base, locals ? ".<locals>" : "", name);
            u->qualname = q;
        }
    }
    c->u = u;
}

/* ----- names ----- */

static int deref_index(C *c, const char *m) {
    int i = st_find(&c->u->cellvars, m);
    if (i >= 0) return i;
    i = st_find(&c->u->freevars, m);
    if (i >= 0) return c->u->cellvars.n + i;
    internal(c, "unknown cell or free variable");
}

static void nameop(C *c, const char *name, wfc_expr_context ctx) {
    unit *u = c->u;
    const char *m = mangle(c, name);
    int scope = wfc_ste_scope(u->ste, m);
    enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } kind = OP_NAME;
    switch (scope) {
    case WFC_SCOPE_FREE:
    case WFC_SCOPE_CELL: kind = OP_DEREF; break;
    case WFC_SCOPE_LOCAL:
        if (u->ste->type == WFC_BLOCK_FUNCTION) kind = OP_FAST;
        break;
    case WFC_SCOPE_GLOBAL_IMPLICIT:
        if (u->ste->type == WFC_BLOCK_FUNCTION) kind = OP_GLOBAL;
        break;
    case WFC_SCOPE_GLOBAL_EXPLICIT: kind = OP_GLOBAL; break;
    default: break;
    }
    switch (kind) {
    case OP_DEREF: {
        int i = deref_index(c, m);
        if (ctx == WFC_Load)
            emit(c, u->ste->type == WFC_BLOCK_CLASS ? WFC_LOAD_CLASSDEREF : WFC_LOAD_DEREF, i);
        else emit(c, ctx == WFC_Store ? WFC_STORE_DEREF : WFC_DELETE_DEREF, i);
        return;
    }
    case OP_FAST: {
        int i = st_add(c, &u->varnames, m);
        emit(c, ctx == WFC_Load ? WFC_LOAD_FAST : ctx == WFC_Store ? WFC_STORE_FAST : WFC_DELETE_FAST, i);
        return;
    }
    case OP_GLOBAL: {
        int i = st_add(c, &u->names, m);
        if (ctx == WFC_Load) emit(c, WFC_LOAD_GLOBAL, i << 1);
        else emit(c, ctx == WFC_Store ? WFC_STORE_GLOBAL : WFC_DELETE_GLOBAL, i);
        return;
    }
    case OP_NAME: {
        int i = st_add(c, &u->names, m);
        emit(c, ctx == WFC_Load ? WFC_LOAD_NAME : ctx == WFC_Store ? WFC_STORE_NAME : WFC_DELETE_NAME, i);
        return;
    }
    }
}

/* ----- closures and functions ----- */

static void make_closure(C *c, wfc_code *co, int flags) {
    if (co->nfreevars) {
        for (int i = 0; i < co->nfreevars; i++) {
            const char *name = co->localsplus[co->nlocalsplus - co->nfreevars + i];
            int idx;
            int sc = wfc_ste_scope(c->u->ste, name);
            if (c->u->scope == SC_CLASS && strcmp(name, "__class__") == 0) sc = WFC_SCOPE_CELL;
            if (sc == WFC_SCOPE_CELL) {
                idx = st_find(&c->u->cellvars, name);
            } else {
                idx = st_find(&c->u->freevars, name);
                if (idx >= 0) idx += c->u->cellvars.n;
            }
            if (idx < 0) internal(c, "closure variable not found");
            emit(c, WFC_LOAD_CLOSURE, idx);
        }
        flags |= WFC_MKFN_CLOSURE;
        emit(c, WFC_BUILD_TUPLE, co->nfreevars);
    }
    wfc_constant *k = mkconst(c, WFC_CONST_CODE);
    k->code = co;
    emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
    emit(c, WFC_MAKE_FUNCTION, flags);
}

static int is_docstring(const wfc_seq *body) {
    if (!body->len) return 0;
    const wfc_stmt *s = body->items[0];
    return s->kind == WFC_Expr && s->v.Expr.value->kind == WFC_Constant &&
           s->v.Expr.value->v.Constant.value->kind == WFC_CONST_STR;
}

static int defaults(C *c, const wfc_arguments *a) {
    int flags = 0;
    if (a->defaults->len) {
        visit_exprs(c, a->defaults);
        emit(c, WFC_BUILD_TUPLE, a->defaults->len);
        flags |= WFC_MKFN_DEFAULTS;
    }
    int n = 0;
    for (int i = 0; i < a->kwonlyargs->len; i++)
        if (a->kw_defaults->items[i]) {
            visit_expr(c, a->kw_defaults->items[i]);
            n++;
        }
    if (n) {
        /* values, then the names as one constant tuple */
        wfc_constant *k = tuple_const(c, n);
        n = 0;
        for (int i = 0; i < a->kwonlyargs->len; i++)
            if (a->kw_defaults->items[i])
                k->elts[n++] = str_const(c, mangle(c, ((const wfc_arg *)a->kwonlyargs->items[i])->arg));
        emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
        emit(c, WFC_BUILD_CONST_KEY_MAP, n);
        flags |= WFC_MKFN_KWDEFAULTS;
    }
    return flags;
}

static void annotation_value(C *c, const wfc_expr *ann) {
    if (c->future_annotations) {
        c->tmp.len = 0;
        if (wfc_unparse_expr(&c->tmp, ann) < 0) nomem(c);
        wfc_constant *k = mkconst(c, WFC_CONST_STR);
        k->str = ostr(c, c->tmp.data ? c->tmp.data : "", c->tmp.len);
        k->len = c->tmp.len;
        emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
    } else {
        visit_expr(c, ann);
    }
}

static int argannotation(C *c, const char *name, const wfc_expr *ann) {
    if (!ann) return 0;
    emit(c, WFC_LOAD_CONST, const_str(c, mangle(c, name)));
    if (ann->kind == WFC_Starred && !c->future_annotations) {
        /* *args: *Ts */
        visit_expr(c, ann->v.Starred.value);
        emit(c, WFC_UNPACK_SEQUENCE, 1);
    } else {
        annotation_value(c, ann);
    }
    return 2;
}

static int annotations(C *c, const wfc_arguments *a, const wfc_expr *returns) {
    int n = 0;
    for (int i = 0; i < a->args->len; i++) {
        const wfc_arg *x = a->args->items[i];
        n += argannotation(c, x->arg, x->annotation);
    }
    for (int i = 0; i < a->posonlyargs->len; i++) {
        const wfc_arg *x = a->posonlyargs->items[i];
        n += argannotation(c, x->arg, x->annotation);
    }
    if (a->vararg) n += argannotation(c, a->vararg->arg, a->vararg->annotation);
    for (int i = 0; i < a->kwonlyargs->len; i++) {
        const wfc_arg *x = a->kwonlyargs->items[i];
        n += argannotation(c, x->arg, x->annotation);
    }
    if (a->kwarg) n += argannotation(c, a->kwarg->arg, a->kwarg->annotation);
    if (returns) n += argannotation(c, "return", returns);
    if (n) {
        emit(c, WFC_BUILD_TUPLE, n);
        return WFC_MKFN_ANNOTATIONS;
    }
    return 0;
}

static void decorators(C *c, const wfc_seq *decs) {
    for (int i = 0; i < decs->len; i++) {
        const wfc_expr *d = decs->items[i];
        c->u->loc = POS(d);
        emit(c, WFC_PUSH_NULL, 0);
        visit_expr(c, d);
    }
}

static void apply_decorators(C *c, const wfc_seq *decs) {
    for (int i = decs->len - 1; i >= 0; i--) {
        c->u->loc = POS((const wfc_expr *)decs->items[i]);
        emit(c, WFC_CALL, 1);
    }
}

static void function_def(C *c, const wfc_stmt *s) {
    int is_async = s->kind == WFC_AsyncFunctionDef;
    const wfc_arguments *a = s->v.FunctionDef.args;
    const wfc_seq *decs = s->v.FunctionDef.decorator_list;
    wfc_pos spos = POS(s);
    decorators(c, decs);
    int firstlineno = decs->len ? ((const wfc_expr *)decs->items[0])->lineno : s->lineno;
    c->u->loc = spos;
    int flags = defaults(c, a);
    flags |= annotations(c, a, s->v.FunctionDef.returns);
    enter_unit(c, s->v.FunctionDef.name, is_async ? SC_ASYNC_FUNCTION : SC_FUNCTION, s, firstlineno);
    unit *u = c->u;
    const wfc_seq *body = s->v.FunctionDef.body;
    int start = 0;
    if (is_docstring(body) && c->optimize < 2) {
        add_const(c, ((const wfc_stmt *)body->items[0])->v.Expr.value->v.Constant.value);
        start = 1;
    } else {
        const_none(c);
        if (is_docstring(body)) start = 1;
    }
    u->argcount = a->args->len + a->posonlyargs->len;
    u->posonly = a->posonlyargs->len;
    u->kwonly = a->kwonlyargs->len;
    for (int i = start; i < body->len; i++) visit_stmt(c, body->items[i]);
    wfc_code *co = compile_unit_end(c, 1);
    c->u->loc = spos;
    make_closure(c, co, flags);
    apply_decorators(c, decs);
    c->u->loc = spos;
    nameop(c, s->v.FunctionDef.name, WFC_Store);
}

static void lambda(C *c, const wfc_expr *e) {
    const wfc_arguments *a = e->v.Lambda.args;
    int flags = defaults(c, a);
    enter_unit(c, "<lambda>", SC_LAMBDA, e, e->lineno);
    c->u->loc = POS(e);
    const_none(c);
    c->u->argcount = a->args->len + a->posonlyargs->len;
    c->u->posonly = a->posonlyargs->len;
    c->u->kwonly = a->kwonlyargs->len;
    visit_expr(c, e->v.Lambda.body);
    emit(c, WFC_RETURN_VALUE, 0);
    wfc_code *co = compile_unit_end(c, 0);
    c->u->loc = POS(e);
    make_closure(c, co, flags);
}

/* Does a body contain an annotated simple name at its own level? */
static int find_ann(const wfc_seq *q) {
    for (int i = 0; i < q->len; i++) {
        const wfc_stmt *s = q->items[i];
        switch (s->kind) {
        case WFC_AnnAssign: return 1;
        case WFC_For:
        case WFC_AsyncFor:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse)) return 1;
            break;
        case WFC_While:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse)) return 1;
            break;
        case WFC_If:
            if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse)) return 1;
            break;
        case WFC_With:
        case WFC_AsyncWith:
            if (find_ann(s->v.With.body)) return 1;
            break;
        case WFC_Try:
        case WFC_TryStar:
            for (int j = 0; j < s->v.Try.handlers->len; j++)
                if (find_ann(((wfc_excepthandler *)s->v.Try.handlers->items[j])->v.ExceptHandler.body)) return 1;
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.orelse) || find_ann(s->v.Try.finalbody)) return 1;
            break;
        case WFC_Match:
            for (int j = 0; j < s->v.Match.cases->len; j++)
                if (find_ann(((wfc_match_case *)s->v.Match.cases->items[j])->body)) return 1;
            break;
        default: break;
        }
    }
    return 0;
}

static void call_helper(C *c, int n, const wfc_seq *args, const wfc_seq *keywords);

static void class_def(C *c, const wfc_stmt *s) {
    const wfc_seq *decs = s->v.ClassDef.decorator_list;
    wfc_pos spos = POS(s);
    decorators(c, decs);
    int firstlineno = decs->len ? ((const wfc_expr *)decs->items[0])->lineno : s->lineno;
    c->u->loc = spos;
    enter_unit(c, s->v.ClassDef.name, SC_CLASS, s, firstlineno);
    unit *u = c->u;
    u->loc = (wfc_pos){firstlineno, firstlineno, -1, -1};
    emit(c, WFC_LOAD_NAME, name_index_raw(c, "__name__"));
    emit(c, WFC_STORE_NAME, name_index_raw(c, "__module__"));
    emit(c, WFC_LOAD_CONST, const_str(c, u->qualname));
    emit(c, WFC_STORE_NAME, name_index_raw(c, "__qualname__"));
    const wfc_seq *body = s->v.ClassDef.body;
    if (find_ann(body)) emit(c, WFC_SETUP_ANNOTATIONS, 0);
    int start = 0;
    if (is_docstring(body)) {
        start = 1;
        if (c->optimize < 2) {
            const wfc_stmt *d = body->items[0];
            u->loc = POS(d);
            load_const(c, d->v.Expr.value->v.Constant.value);
            emit(c, WFC_STORE_NAME, name_index_raw(c, "__doc__"));
        }
    }
    for (int i = start; i < body->len; i++) visit_stmt(c, body->items[i]);
    u->loc = NOPOS;
    if (u->ste->needs_class_closure) {
        emit(c, WFC_LOAD_CLOSURE, st_find(&u->cellvars, "__class__"));
        emit(c, WFC_COPY, 1);
        emit(c, WFC_STORE_NAME, name_index_raw(c, "__classcell__"));
    } else {
        load_none(c);
    }
    emit(c, WFC_RETURN_VALUE, 0);
    wfc_code *co = compile_unit_end(c, 0);
    c->u->loc = spos;
    emit(c, WFC_PUSH_NULL, 0);
    emit(c, WFC_LOAD_BUILD_CLASS, 0);
    make_closure(c, co, 0);
    emit(c, WFC_LOAD_CONST, const_str(c, s->v.ClassDef.name));
    call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords);
    apply_decorators(c, decs);
    c->u->loc = spos;
    nameop(c, s->v.ClassDef.name, WFC_Store);
}

/* ----- expressions ----- */

static int binop_arg(wfc_operator op, int inplace) {
    int r = 0;
    switch (op) {
    case WFC_Add: r = WFC_NB_ADD; break;
    case WFC_Sub: r = WFC_NB_SUBTRACT; break;
    case WFC_Mult: r = WFC_NB_MULTIPLY; break;
    case WFC_MatMult: r = WFC_NB_MATRIX_MULTIPLY; break;
    case WFC_Div: r = WFC_NB_TRUE_DIVIDE; break;
    case WFC_Mod: r = WFC_NB_REMAINDER; break;
    case WFC_Pow: r = WFC_NB_POWER; break;
    case WFC_LShift: r = WFC_NB_LSHIFT; break;
    case WFC_RShift: r = WFC_NB_RSHIFT; break;
    case WFC_BitOr: r = WFC_NB_OR; break;
    case WFC_BitXor: r = WFC_NB_XOR; break;
    case WFC_BitAnd: r = WFC_NB_AND; break;
    case WFC_FloorDiv: r = WFC_NB_FLOOR_DIVIDE; break;
    }
    return inplace ? r + WFC_NB_INPLACE : r;
}

static void compare_op(C *c, int op) {
    switch (op) {
    case WFC_Eq: emit(c, WFC_COMPARE_OP, WFC_CMP_EQ); break;
    case WFC_NotEq: emit(c, WFC_COMPARE_OP, WFC_CMP_NE); break;
    case WFC_Lt: emit(c, WFC_COMPARE_OP, WFC_CMP_LT); break;
    case WFC_LtE: emit(c, WFC_COMPARE_OP, WFC_CMP_LE); break;
    case WFC_Gt: emit(c, WFC_COMPARE_OP, WFC_CMP_GT); break;
    case WFC_GtE: emit(c, WFC_COMPARE_OP, WFC_CMP_GE); break;
    case WFC_Is: emit(c, WFC_IS_OP, 0); break;
    case WFC_IsNot: emit(c, WFC_IS_OP, 1); break;
    case WFC_In: emit(c, WFC_CONTAINS_OP, 0); break;
    case WFC_NotIn: emit(c, WFC_CONTAINS_OP, 1); break;
    }
}

/* CPython's compiler_warn: record a SyntaxWarning for the runtime. */
static void cwarn(C *c, wfc_pos p, const char *msg) {
    wfc_warning *w = oalloc(c, sizeof *w);
    w->msg = msg;
    w->lineno = p.lineno;
    w->col = p.col;
    w->end_lineno = p.end_lineno;
    w->end_col = p.end_col;
    w->next = NULL;
    *c->warn_tail = w;
    c->warn_tail = &w->next;
}

/* A literal on either side of `is` / `is not` (CPython's check_compare):
 * constants other than None/True/False/Ellipsis; one warning per
 * comparison chain. */
static int is_arg_ok(const wfc_expr *e) {
    if (e->kind != WFC_Constant) return 1;
    int k = e->v.Constant.value->kind;
    return k == WFC_CONST_NONE || k == WFC_CONST_TRUE || k == WFC_CONST_FALSE || k == WFC_CONST_ELLIPSIS;
}

static void check_compare(C *c, const wfc_expr *e) {
    int left = is_arg_ok(e->v.Compare.left);
    for (int i = 0; i < e->v.Compare.ops->len; i++) {
        int op = e->v.Compare.ops->items[i];
        int right = is_arg_ok(e->v.Compare.comparators->items[i]);
        if ((op == WFC_Is || op == WFC_IsNot) && (!left || !right)) {
            cwarn(c, POS(e),
                  op == WFC_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                               : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

/* CPython's infer_type: the type name an expression certainly evaluates
 * to, or NULL. */
static const char *infer_type(const wfc_expr *e) {
    switch (e->kind) {
    case WFC_Tuple: return "tuple";
    case WFC_List:
    case WFC_ListComp: return "list";
    case WFC_Dict:
    case WFC_DictComp: return "dict";
    case WFC_Set:
    case WFC_SetComp: return "set";
    case WFC_GeneratorExp: return "generator";
    case WFC_Lambda: return "function";
    case WFC_JoinedStr:
    case WFC_FormattedValue: return "str";
    case WFC_Slice: return "slice";
    case WFC_Constant:
        switch (e->v.Constant.value->kind) {
        case WFC_CONST_NONE: return "NoneType";
        case WFC_CONST_TRUE:
        case WFC_CONST_FALSE: return "bool";
        case WFC_CONST_ELLIPSIS: return "ellipsis";
        case WFC_CONST_INT: return "int";
        case WFC_CONST_FLOAT: return "float";
        case WFC_CONST_COMPLEX: return "complex";
        case WFC_CONST_STR: return "str";
        case WFC_CONST_BYTES: return "bytes";
        case WFC_CONST_TUPLE: return "tuple";
        case WFC_CONST_FROZENSET: return "frozenset";
        default: return NULL;
        }
    default: return NULL;
    }
}

static void cwarn_fmt(C *c, wfc_pos p, const char *fmt, const char *a, const char *b) {
    char buf[512];
    int n = snprintf(buf, sizeof buf, fmt, a, b);
    if (n < 0) return;
    if ((size_t)n >= sizeof buf) n = (int)sizeof buf - 1;
    cwarn(c, p, ostr(c, buf, (size_t)n));
}

/* CPython's check_caller: calling a literal that can never be callable. */
static void check_caller(C *c, const wfc_expr *call, const wfc_expr *f) {
    switch (f->kind) {
    case WFC_Constant:
    case WFC_Tuple:
    case WFC_List:
    case WFC_ListComp:
    case WFC_Dict:
    case WFC_DictComp:
    case WFC_Set:
    case WFC_SetComp:
    case WFC_GeneratorExp:
    case WFC_JoinedStr:
    case WFC_FormattedValue:
        cwarn_fmt(c, POS(call), "'%.200s' object is not callable; perhaps you missed a comma?%s", infer_type(f), "");
        break;
    default: break;
    }
}

/* CPython's check_subscripter and check_index, for loads. */
static void check_subscript(C *c, const wfc_expr *e) {
    const wfc_expr *v = e->v.Subscript.value, *s = e->v.Subscript.slice;
    int k = v->kind == WFC_Constant ? (int)v->v.Constant.value->kind : -1;
    switch (v->kind) {
    case WFC_Constant:
        if (!(k == WFC_CONST_NONE || k == WFC_CONST_ELLIPSIS || k == WFC_CONST_INT || k == WFC_CONST_FLOAT ||
              k == WFC_CONST_COMPLEX || k == WFC_CONST_FROZENSET))
            break;
        /* fall through */
    case WFC_Set:
    case WFC_SetComp:
    case WFC_GeneratorExp:
    case WFC_Lambda:
        cwarn_fmt(c, POS(e), "'%.200s' object is not subscriptable; perhaps you missed a comma?%s", infer_type(v),
                  "");
        return;
    default: break;
    }
    const char *it = infer_type(s);
    if (!it || !strcmp(it, "int") || !strcmp(it, "bool") || !strcmp(it, "slice")) return;
    switch (v->kind) {
    case WFC_Constant:
        if (!(k == WFC_CONST_STR || k == WFC_CONST_BYTES || k == WFC_CONST_TUPLE)) return;
        /* fall through */
    case WFC_Tuple:
    case WFC_List:
    case WFC_ListComp:
    case WFC_JoinedStr:
    case WFC_FormattedValue:
        cwarn_fmt(c, POS(e), "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                  infer_type(v), it);
        return;
    default: return;
    }
}

static void compare(C *c, const wfc_expr *e) {
    check_compare(c, e);
    visit_expr(c, e->v.Compare.left);
    int n = e->v.Compare.ops->len;
    if (n == 1) {
        visit_expr(c, e->v.Compare.comparators->items[0]);
        compare_op(c, e->v.Compare.ops->items[0]);
        return;
    }
    block *cleanup = new_block(c), *end = new_block(c);
    for (int i = 0; i < n - 1; i++) {
        visit_expr(c, e->v.Compare.comparators->items[i]);
        emit(c, WFC_SWAP, 2);
        emit(c, WFC_COPY, 2);
        compare_op(c, e->v.Compare.ops->items[i]);
        emit_jump(c, WFC_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visit_expr(c, e->v.Compare.comparators->items[n - 1]);
    compare_op(c, e->v.Compare.ops->items[n - 1]);
    emit_jump(c, WFC_JUMP, end);
    use_block(c, cleanup);
    emit(c, WFC_SWAP, 2);
    emit(c, WFC_POP_TOP, 0);
    use_block(c, end);
}

/* 1 / 0 for constants of known truth, -1 otherwise. */
static int expr_constant(const wfc_expr *e) {
    if (e->kind != WFC_Constant) return -1;
    return const_truth(e->v.Constant.value);
}

static int const_truth(const wfc_constant *k) {
    switch (k->kind) {
    case WFC_CONST_NONE:
    case WFC_CONST_FALSE: return 0;
    case WFC_CONST_TRUE:
    case WFC_CONST_ELLIPSIS:
    case WFC_CONST_CODE: return 1;
    case WFC_CONST_INT: return !(k->len == 1 && k->str[0] == '0');
    case WFC_CONST_FLOAT: return k->f != 0.0;
    case WFC_CONST_COMPLEX: return k->f != 0.0 || k->real != 0.0;
    case WFC_CONST_STR:
    case WFC_CONST_BYTES: return k->len != 0;
    case WFC_CONST_TUPLE:
    case WFC_CONST_FROZENSET: return k->nelts != 0;
    }
    return -1;
}

/* Jump to `target` when e's truth equals cond; fall through otherwise. */
static void jump_if(C *c, const wfc_expr *e, block *target, int cond) {
    switch (e->kind) {
    case WFC_UnaryOp:
        if (e->v.UnaryOp.op == WFC_Not) {
            jump_if(c, e->v.UnaryOp.operand, target, !cond);
            return;
        }
        break;
    case WFC_BoolOp: {
        const wfc_seq *v = e->v.BoolOp.values;
        int is_or = e->v.BoolOp.op == WFC_Or;
        block *next2 = target;
        if (is_or != cond) next2 = new_block(c);
        for (int i = 0; i < v->len - 1; i++) jump_if(c, v->items[i], next2, is_or);
        jump_if(c, v->items[v->len - 1], target, cond);
        if (next2 != target) use_block(c, next2);
        return;
    }
    case WFC_IfExp: {
        block *end = new_block(c), *next2 = new_block(c);
        jump_if(c, e->v.IfExp.test, next2, 0);
        jump_if(c, e->v.IfExp.body, target, cond);
        emit_jump(c, WFC_JUMP, end);
        use_block(c, next2);
        jump_if(c, e->v.IfExp.orelse, target, cond);
        use_block(c, end);
        return;
    }
    default: break;
    }
    visit_expr(c, e);
    emit_jump(c, cond ? WFC_POP_JUMP_IF_TRUE : WFC_POP_JUMP_IF_FALSE, target);
}

static int has_starred(const wfc_seq *q) {
    for (int i = 0; i < q->len; i++)
        if (((const wfc_expr *)q->items[i])->kind == WFC_Starred) return 1;
    return 0;
}

static int all_constants(const wfc_seq *q) {
    for (int i = 0; i < q->len; i++)
        if (((const wfc_expr *)q->items[i])->kind != WFC_Constant) return 0;
    return 1;
}

/* List/tuple/set displays (starunpack_helper). */
static void starunpack(C *c, const wfc_seq *elts, int pushed, int build, int add, int extend, int tuple) {
    int n = elts->len;
    if (n > 2 && all_constants(elts)) {
        wfc_constant *k = tuple_const(c, n);
        for (int i = 0; i < n; i++) k->elts[i] = copy_const(c, ((const wfc_expr *)elts->items[i])->v.Constant.value);
        if (tuple && !pushed) {
            emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
            return;
        }
        if (build == WFC_BUILD_SET) k->kind = WFC_CONST_FROZENSET;
        emit(c, build, pushed);
        emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
        emit(c, extend, 1);
        if (tuple) emit(c, WFC_LIST_TO_TUPLE, 0);
        return;
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = has_starred(elts);
    if (!seen_star && !big) {
        visit_exprs(c, elts);
        emit(c, tuple ? WFC_BUILD_TUPLE : build, n + pushed);
        return;
    }
    int sequence_built = 0;
    if (big) {
        emit(c, build, pushed);
        sequence_built = 1;
    }
    for (int i = 0; i < n; i++) {
        const wfc_expr *x = elts->items[i];
        if (x->kind == WFC_Starred) {
            if (!sequence_built) {
                emit(c, build, i + pushed);
                sequence_built = 1;
            }
            visit_expr(c, x->v.Starred.value);
            emit(c, extend, 1);
        } else {
            visit_expr(c, x);
            if (sequence_built) emit(c, add, 1);
        }
    }
    if (tuple) emit(c, WFC_LIST_TO_TUPLE, 0);
}

static void dict_chunk(C *c, const wfc_expr *e, int begin, int end) {
    const wfc_seq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    int n = end - begin;
    int consts = n > 1;
    for (int i = begin; i < end && consts; i++)
        if (((const wfc_expr *)keys->items[i])->kind != WFC_Constant) consts = 0;
    if (consts) {
        for (int i = begin; i < end; i++) visit_expr(c, values->items[i]);
        wfc_constant *k = tuple_const(c, n);
        for (int i = begin; i < end; i++)
            k->elts[i - begin] = copy_const(c, ((const wfc_expr *)keys->items[i])->v.Constant.value);
        emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
        emit(c, WFC_BUILD_CONST_KEY_MAP, n);
        return;
    }
    for (int i = begin; i < end; i++) {
        visit_expr(c, keys->items[i]);
        visit_expr(c, values->items[i]);
    }
    emit(c, WFC_BUILD_MAP, n);
}

static void dict(C *c, const wfc_expr *e) {
    const wfc_seq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    int n = values->len, have = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        int is_unpack = keys->items[i] == NULL;
        if (is_unpack) {
            if (elements) {
                dict_chunk(c, e, i - elements, i);
                if (have) emit(c, WFC_DICT_UPDATE, 1);
                have = 1;
                elements = 0;
            }
            if (!have) {
                emit(c, WFC_BUILD_MAP, 0);
                have = 1;
            }
            visit_expr(c, values->items[i]);
            emit(c, WFC_DICT_UPDATE, 1);
        } else {
            if (elements * 2 > STACK_USE_GUIDELINE) {
                dict_chunk(c, e, i - elements, i);
                if (have) emit(c, WFC_DICT_UPDATE, 1);
                have = 1;
                elements = 0;
            }
            elements++;
        }
    }
    if (elements) {
        dict_chunk(c, e, n - elements, n);
        if (have) emit(c, WFC_DICT_UPDATE, 1);
        have = 1;
    }
    if (!have) emit(c, WFC_BUILD_MAP, 0);
}

static int is_method_call(C *c, const wfc_expr *e) {
    if (e->v.Call.func->kind != WFC_Attribute) return 0;
    const wfc_seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    if (has_starred(args)) return 0;
    for (int i = 0; i < kws->len; i++)
        if (!((const wfc_keyword *)kws->items[i])->arg) return 0;
    if (args->len + kws->len >= STACK_USE_GUIDELINE) return 0;
    (void)c;
    return 1;
}

static void keywords_kwnames(C *c, const wfc_seq *kws) {
    wfc_constant *k = tuple_const(c, kws->len);
    for (int i = 0; i < kws->len; i++) k->elts[i] = str_const(c, ((const wfc_keyword *)kws->items[i])->arg);
    emit(c, WFC_KW_NAMES, add_const_owned(c, k));
}

/* A dict of the plain keywords [begin, end) (3.11's compiler_subkwargs). */
static void subkwargs(C *c, const wfc_seq *kws, int begin, int end) {
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        wfc_constant *k = tuple_const(c, n);
        for (int i = begin; i < end; i++) {
            const wfc_keyword *kw = kws->items[i];
            visit_expr(c, kw->value);
            k->elts[i - begin] = str_const(c, kw->arg);
        }
        emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
        emit(c, WFC_BUILD_CONST_KEY_MAP, n);
        return;
    }
    if (big) emit_nopos(c, WFC_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        const wfc_keyword *kw = kws->items[i];
        emit(c, WFC_LOAD_CONST, const_str(c, kw->arg));
        visit_expr(c, kw->value);
        if (big) emit_nopos(c, WFC_MAP_ADD, 1);
    }
    if (!big) emit(c, WFC_BUILD_MAP, n);
}

/* Groups of plain keywords become dicts merged with the ** mappings. */
static void call_kwargs(C *c, const wfc_seq *kws) {
    int have = 0, begin = 0;
    for (int i = 0; i < kws->len; i++) {
        const wfc_keyword *k = kws->items[i];
        if (!k->arg) {
            if (i > begin) {
                subkwargs(c, kws, begin, i);
                if (have) emit(c, WFC_DICT_MERGE, 1);
                have = 1;
            }
            if (!have) {
                emit(c, WFC_BUILD_MAP, 0);
                have = 1;
            }
            visit_expr(c, k->value);
            emit(c, WFC_DICT_MERGE, 1);
            begin = i + 1;
        }
    }
    if (kws->len > begin) {
        subkwargs(c, kws, begin, kws->len);
        if (have) emit(c, WFC_DICT_MERGE, 1);
    }
}

/* The callable pair is pushed; n arguments already pushed. */
static void call_helper(C *c, int n, const wfc_seq *args, const wfc_seq *kws) {
    int dynamic = has_starred(args) || args->len + n + kws->len > STACK_USE_GUIDELINE;
    for (int i = 0; i < kws->len && !dynamic; i++)
        if (!((const wfc_keyword *)kws->items[i])->arg) dynamic = 1;
    if (!dynamic) {
        visit_exprs(c, args);
        if (kws->len) {
            for (int i = 0; i < kws->len; i++) visit_expr(c, ((const wfc_keyword *)kws->items[i])->value);
            keywords_kwnames(c, kws);
        }
        emit(c, WFC_CALL, n + args->len + kws->len);
        return;
    }
    /* positional arguments as one tuple */
    if (n == 0 && args->len == 1 && ((const wfc_expr *)args->items[0])->kind == WFC_Starred)
        visit_expr(c, ((const wfc_expr *)args->items[0])->v.Starred.value);
    else
        starunpack(c, args, n, WFC_BUILD_LIST, WFC_LIST_APPEND, WFC_LIST_EXTEND, 1);
    if (kws->len) call_kwargs(c, kws);
    emit(c, WFC_CALL_FUNCTION_EX, kws->len ? 1 : 0);
}

static void check_caller(C *c, const wfc_expr *call, const wfc_expr *f);

/* Where an attribute access points (3.11): its whole span on one line;
 * across lines, only the name on the last line, so a traceback shows the
 * attribute that failed.  A name longer than its end column (an AST built
 * by hand) drops the columns. */
static wfc_pos attr_pos(const wfc_expr *a) {
    if (a->lineno == a->end_lineno) return POS(a);
    int len = (int)strlen(a->v.Attribute.attr);
    if (len > a->end_col_offset) return (wfc_pos){a->end_lineno, a->end_lineno, -1, -1};
    return (wfc_pos){a->end_lineno, a->end_lineno, a->end_col_offset - len, a->end_col_offset};
}

static void call(C *c, const wfc_expr *e) {
    const wfc_expr *f = e->v.Call.func;
    check_caller(c, e, f);
    if (is_method_call(c, e)) {
        visit_expr(c, f->v.Attribute.value);
        wfc_pos saved = c->u->loc;
        c->u->loc = attr_pos(f);
        emit(c, WFC_LOAD_METHOD, name_index(c, f->v.Attribute.attr));
        c->u->loc = saved;
        const wfc_seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
        visit_exprs(c, args);
        if (kws->len) {
            for (int i = 0; i < kws->len; i++) visit_expr(c, ((const wfc_keyword *)kws->items[i])->value);
            keywords_kwnames(c, kws);
        }
        /* the call starts where the method name does (3.11) */
        wfc_pos ap = attr_pos(f);
        c->u->loc = (wfc_pos){ap.lineno, e->end_lineno, ap.col, e->end_col_offset};
        if (ap.col < 0) c->u->loc.end_col = -1;
        emit(c, WFC_CALL, args->len + kws->len);
        return;
    }
    /* a global callee loads with the NULL in one instruction */
    if (f->kind == WFC_Name) {
        block *bb = c->u->cur;
        int at = bb->n;
        emit(c, WFC_PUSH_NULL, 0);
        visit_expr(c, f);
        if (bb == c->u->cur && bb->n == at + 2 && bb->ins[at + 1].op == WFC_LOAD_GLOBAL) {
            bb->ins[at].op = WFC_NOP;
            bb->ins[at + 1].arg |= 1;
        }
    } else {
        emit(c, WFC_PUSH_NULL, 0);
        visit_expr(c, f);
    }
    c->u->loc = POS(e);
    call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

static void formatted_value(C *c, const wfc_expr *e) {
    visit_expr(c, e->v.FormattedValue.value);
    int conv = e->v.FormattedValue.conversion, flags = 0;
    switch (conv) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: flags = 0; break;
    }
    if (e->v.FormattedValue.format_spec) {
        visit_expr(c, e->v.FormattedValue.format_spec);
        flags |= 4;
    }
    emit(c, WFC_FORMAT_VALUE, flags);
}

static void joined_str(C *c, const wfc_expr *e) {
    const wfc_seq *v = e->v.JoinedStr.values;
    if (v->len > STACK_USE_GUIDELINE) {
        emit(c, WFC_LOAD_CONST, const_str(c, ""));
        emit(c, WFC_LOAD_METHOD, name_index_raw(c, "join"));
        emit(c, WFC_BUILD_LIST, 0);
        for (int i = 0; i < v->len; i++) {
            visit_expr(c, v->items[i]);
            emit(c, WFC_LIST_APPEND, 1);
        }
        emit(c, WFC_CALL, 1);
        return;
    }
    visit_exprs(c, v);
    if (v->len != 1) emit(c, WFC_BUILD_STRING, v->len);
}

static void yield_from_loop(C *c, int await) {
    block *start = new_block(c), *exit = new_block(c);
    use_block(c, start);
    emit_jump(c, WFC_SEND, exit);
    emit(c, WFC_YIELD_VALUE, 0);
    emit(c, WFC_RESUME, await ? 3 : 2);
    emit_jump(c, WFC_JUMP_NO_INTERRUPT, start);
    use_block(c, exit);
}

static void await_value(C *c, int kind) {
    emit(c, WFC_GET_AWAITABLE, kind);
    load_none(c);
    yield_from_loop(c, 1);
}

static void slice(C *c, const wfc_expr *s) {
    int n = 2;
    if (s->v.Slice.lower) visit_expr(c, s->v.Slice.lower);
    else load_none(c);
    if (s->v.Slice.upper) visit_expr(c, s->v.Slice.upper);
    else load_none(c);
    if (s->v.Slice.step) {
        visit_expr(c, s->v.Slice.step);
        n = 3;
    }
    emit(c, WFC_BUILD_SLICE, n);
}

static void comprehension(C *c, const wfc_expr *e);

static void visit_expr_inner(C *c, const wfc_expr *e) {
    switch (e->kind) {
    case WFC_NamedExpr:
        visit_expr(c, e->v.NamedExpr.value);
        emit(c, WFC_COPY, 1);
        visit_expr(c, e->v.NamedExpr.target);
        break;
    case WFC_BoolOp: {
        block *end = new_block(c);
        const wfc_seq *v = e->v.BoolOp.values;
        int op = e->v.BoolOp.op == WFC_And ? WFC_JUMP_IF_FALSE_OR_POP : WFC_JUMP_IF_TRUE_OR_POP;
        for (int i = 0; i < v->len - 1; i++) {
            visit_expr(c, v->items[i]);
            emit_jump(c, op, end);
        }
        visit_expr(c, v->items[v->len - 1]);
        use_block(c, end);
        break;
    }
    case WFC_BinOp:
        visit_expr(c, e->v.BinOp.left);
        visit_expr(c, e->v.BinOp.right);
        c->u->loc = POS(e);
        emit(c, WFC_BINARY_OP, binop_arg(e->v.BinOp.op, 0));
        break;
    case WFC_UnaryOp:
        visit_expr(c, e->v.UnaryOp.operand);
        c->u->loc = POS(e);
        switch (e->v.UnaryOp.op) {
        case WFC_Invert: emit(c, WFC_UNARY_INVERT, 0); break;
        case WFC_Not: emit(c, WFC_UNARY_NOT, 0); break;
        case WFC_UAdd: emit(c, WFC_UNARY_POSITIVE, 0); break;
        case WFC_USub: emit(c, WFC_UNARY_NEGATIVE, 0); break;
        }
        break;
    case WFC_Lambda: lambda(c, e); break;
    case WFC_IfExp: {
        block *end = new_block(c), *next = new_block(c);
        jump_if(c, e->v.IfExp.test, next, 0);
        visit_expr(c, e->v.IfExp.body);
        emit_jump(c, WFC_JUMP, end);
        use_block(c, next);
        visit_expr(c, e->v.IfExp.orelse);
        use_block(c, end);
        break;
    }
    case WFC_Dict: dict(c, e); break;
    case WFC_Set: starunpack(c, e->v.Set.elts, 0, WFC_BUILD_SET, WFC_SET_ADD, WFC_SET_UPDATE, 0); break;
    case WFC_ListComp:
    case WFC_SetComp:
    case WFC_DictComp:
    case WFC_GeneratorExp: comprehension(c, e); break;
    case WFC_Await:
        visit_expr(c, e->v.Await.value);
        c->u->loc = POS(e);
        await_value(c, 0);
        break;
    case WFC_Yield:
        if (e->v.Yield.value) visit_expr(c, e->v.Yield.value);
        else load_none(c);
        c->u->loc = POS(e);
        if (c->u->ste->coroutine) emit(c, WFC_ASYNC_GEN_WRAP, 0);
        emit(c, WFC_YIELD_VALUE, 0);
        emit(c, WFC_RESUME, 1);
        break;
    case WFC_YieldFrom:
        visit_expr(c, e->v.YieldFrom.value);
        c->u->loc = POS(e);
        emit(c, WFC_GET_YIELD_FROM_ITER, 0);
        load_none(c);
        yield_from_loop(c, 0);
        break;
    case WFC_Compare: compare(c, e); break;
    case WFC_Call: call(c, e); break;
    case WFC_FormattedValue: formatted_value(c, e); break;
    case WFC_JoinedStr: joined_str(c, e); break;
    case WFC_Constant: load_const(c, e->v.Constant.value); break;
    case WFC_Attribute:
        visit_expr(c, e->v.Attribute.value);
        c->u->loc = attr_pos(e);
        switch (e->v.Attribute.ctx) {
        case WFC_Load: emit(c, WFC_LOAD_ATTR, name_index(c, e->v.Attribute.attr)); break;
        case WFC_Store: emit(c, WFC_STORE_ATTR, name_index(c, e->v.Attribute.attr)); break;
        case WFC_Del: emit(c, WFC_DELETE_ATTR, name_index(c, e->v.Attribute.attr)); break;
        }
        break;
    case WFC_Subscript:
        if (e->v.Subscript.ctx == WFC_Load) check_subscript(c, e);
        visit_expr(c, e->v.Subscript.value);
        visit_expr(c, e->v.Subscript.slice);
        c->u->loc = POS(e);
        switch (e->v.Subscript.ctx) {
        case WFC_Load: emit(c, WFC_BINARY_SUBSCR, 0); break;
        case WFC_Store: emit(c, WFC_STORE_SUBSCR, 0); break;
        case WFC_Del: emit(c, WFC_DELETE_SUBSCR, 0); break;
        }
        break;
    case WFC_Starred:
        /* only reached through an invalid tree: validate.c rejects it */
        cerror_at(c, POS(e), "can't use starred expression here");
    case WFC_Name: nameop(c, e->v.Name.id, e->v.Name.ctx); break;
    case WFC_List:
    case WFC_Tuple: {
        const wfc_seq *elts = e->kind == WFC_List ? e->v.List.elts : e->v.Tuple.elts;
        wfc_expr_context ctx = e->kind == WFC_List ? e->v.List.ctx : e->v.Tuple.ctx;
        if (ctx == WFC_Store) {
            int n = elts->len, star = -1;
            for (int i = 0; i < n; i++)
                if (((const wfc_expr *)elts->items[i])->kind == WFC_Starred) star = i;
            if (star >= 0) emit(c, WFC_UNPACK_EX, star | ((n - star - 1) << 8));
            else emit(c, WFC_UNPACK_SEQUENCE, n);
            for (int i = 0; i < n; i++) {
                const wfc_expr *x = elts->items[i];
                visit_expr(c, x->kind == WFC_Starred ? x->v.Starred.value : x);
            }
        } else if (ctx == WFC_Del) {
            visit_exprs(c, elts);
        } else if (e->kind == WFC_List) {
            starunpack(c, elts, 0, WFC_BUILD_LIST, WFC_LIST_APPEND, WFC_LIST_EXTEND, 0);
        } else {
            starunpack(c, elts, 0, WFC_BUILD_LIST, WFC_LIST_APPEND, WFC_LIST_EXTEND, 1);
        }
        break;
    }
    case WFC_Slice: slice(c, e); break;
    }
}

static void visit_expr(C *c, const wfc_expr *e) {
    wfc_pos saved = c->u->loc;
    c->u->loc = POS(e);
    visit_expr_inner(c, e);
    c->u->loc = saved;
}

/* ----- comprehensions ----- */

static void comp_generator(C *c, const wfc_seq *gens, int gi, int depth, const wfc_expr *elt, const wfc_expr *val,
                           wfc_expr_kind type);

static void comp_element(C *c, const wfc_expr *elt, const wfc_expr *val, wfc_expr_kind type, int depth) {
    switch (type) {
    case WFC_GeneratorExp:
        visit_expr(c, elt);
        if (c->u->ste->coroutine) emit(c, WFC_ASYNC_GEN_WRAP, 0);
        emit(c, WFC_YIELD_VALUE, 0);
        emit(c, WFC_RESUME, 1);
        emit(c, WFC_POP_TOP, 0);
        break;
    case WFC_ListComp:
        visit_expr(c, elt);
        emit(c, WFC_LIST_APPEND, depth + 1);
        break;
    case WFC_SetComp:
        visit_expr(c, elt);
        emit(c, WFC_SET_ADD, depth + 1);
        break;
    default:
        visit_expr(c, elt);
        visit_expr(c, val);
        emit(c, WFC_MAP_ADD, depth + 1);
        break;
    }
}

static void comp_sync(C *c, const wfc_seq *gens, int gi, int depth, const wfc_expr *elt, const wfc_expr *val,
                      wfc_expr_kind type) {
    const wfc_comprehension *g = gens->items[gi];
    block *start = new_block(c), *if_cleanup = new_block(c), *anchor = new_block(c);
    if (gi == 0) {
        emit(c, WFC_LOAD_FAST, 0); /* .0 */
    } else {
        visit_expr(c, g->iter);
        emit(c, WFC_GET_ITER, 0);
    }
    use_block(c, start);
    emit_jump(c, WFC_FOR_ITER, anchor);
    visit_expr(c, g->target);
    for (int i = 0; i < g->ifs->len; i++) jump_if(c, g->ifs->items[i], if_cleanup, 0);
    if (++gi < gens->len) comp_generator(c, gens, gi, depth + 1, elt, val, type);
    else comp_element(c, elt, val, type, depth + 1);
    use_block(c, if_cleanup);
    emit_jump(c, WFC_JUMP, start);
    use_block(c, anchor);
}

static void comp_async(C *c, const wfc_seq *gens, int gi, int depth, const wfc_expr *elt, const wfc_expr *val,
                       wfc_expr_kind type) {
    const wfc_comprehension *g = gens->items[gi];
    block *start = new_block(c), *except = new_block(c), *if_cleanup = new_block(c);
    if (gi == 0) {
        emit(c, WFC_LOAD_FAST, 0);
    } else {
        visit_expr(c, g->iter);
        emit(c, WFC_GET_AITER, 0);
    }
    use_block(c, start);
    push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL);
    emit_jump(c, WFC_SETUP_FINALLY, except);
    emit(c, WFC_GET_ANEXT, 0);
    load_none(c);
    yield_from_loop(c, 1);
    emit(c, WFC_POP_BLOCK, 0);
    visit_expr(c, g->target);
    for (int i = 0; i < g->ifs->len; i++) jump_if(c, g->ifs->items[i], if_cleanup, 0);
    if (++gi < gens->len) comp_generator(c, gens, gi, depth + 1, elt, val, type);
    else comp_element(c, elt, val, type, depth + 1);
    use_block(c, if_cleanup);
    emit_jump(c, WFC_JUMP, start);
    pop_fblock(c);
    use_block(c, except);
    emit(c, WFC_END_ASYNC_FOR, 0);
}

static void comp_generator(C *c, const wfc_seq *gens, int gi, int depth, const wfc_expr *elt, const wfc_expr *val,
                           wfc_expr_kind type) {
    const wfc_comprehension *g = gens->items[gi];
    if (g->is_async) comp_async(c, gens, gi, depth, elt, val, type);
    else comp_sync(c, gens, gi, depth, elt, val, type);
}

static void comprehension(C *c, const wfc_expr *e) {
    const wfc_seq *gens;
    const wfc_expr *elt, *val = NULL;
    const char *name;
    switch (e->kind) {
    case WFC_ListComp:
        gens = e->v.ListComp.generators;
        elt = e->v.ListComp.elt;
        name = "<listcomp>";
        break;
    case WFC_SetComp:
        gens = e->v.SetComp.generators;
        elt = e->v.SetComp.elt;
        name = "<setcomp>";
        break;
    case WFC_DictComp:
        gens = e->v.DictComp.generators;
        elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        name = "<dictcomp>";
        break;
    default:
        gens = e->v.GeneratorExp.generators;
        elt = e->v.GeneratorExp.elt;
        name = "<genexpr>";
        break;
    }
    const wfc_comprehension *outer = gens->items[0];
    scope_type outer_scope = c->u->scope;
    enter_unit(c, name, SC_COMPREHENSION, e, e->lineno);
    unit *u = c->u;
    u->loc = POS(e);
    u->argcount = 1;
    int is_async_gen = u->ste->coroutine;
    if (is_async_gen && e->kind != WFC_GeneratorExp && outer_scope != SC_ASYNC_FUNCTION &&
        outer_scope != SC_COMPREHENSION)
        cerror_at(c, POS(e), "asynchronous comprehension outside of an asynchronous function");
    if (e->kind != WFC_GeneratorExp) {
        emit(c, e->kind == WFC_ListComp ? WFC_BUILD_LIST : e->kind == WFC_SetComp ? WFC_BUILD_SET : WFC_BUILD_MAP, 0);
    }
    comp_generator(c, gens, 0, 0, elt, val, e->kind);
    u->loc = POS(e);
    if (e->kind != WFC_GeneratorExp) emit(c, WFC_RETURN_VALUE, 0);
    wfc_code *co = compile_unit_end(c, e->kind == WFC_GeneratorExp);
    c->u->loc = POS(e);
    emit(c, WFC_PUSH_NULL, 0);
    make_closure(c, co, 0);
    visit_expr(c, outer->iter);
    c->u->loc = POS(e);
    emit(c, outer->is_async ? WFC_GET_AITER : WFC_GET_ITER, 0);
    emit(c, WFC_CALL, 1);
    if (is_async_gen && e->kind != WFC_GeneratorExp) await_value(c, 0);
}

/* ----- statements ----- */

static void unwind_fblock(C *c, const fblock *f, int preserve_tos);

/* Unwind the frame blocks up to `loop` (a loop for break/continue), or all
 * of them (return: loop == NULL).  Returns the loop fblock or NULL. */
static const fblock *unwind_stack(C *c, int preserve_tos, int want_loop) {
    unit *u = c->u;
    if (!u->nfb) return NULL;
    fblock top = u->fb[u->nfb - 1];
    if (top.type == FB_EXCEPTION_GROUP_HANDLER)
        cerror_at(c, u->loc, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (want_loop && (top.type == FB_WHILE || top.type == FB_FOR)) return &u->fb[u->nfb - 1];
    u->nfb--;
    unwind_fblock(c, &top, preserve_tos);
    const fblock *r = unwind_stack(c, preserve_tos, want_loop);
    u->fb[u->nfb++] = top;
    return r;
}

static void call_exit_with_nones(C *c) {
    emit(c, WFC_PUSH_NULL, 0);
    emit(c, WFC_SWAP, 2);
    load_none(c);
    load_none(c);
    load_none(c);
    emit(c, WFC_CALL, 3);
}

static void unwind_fblock(C *c, const fblock *f, int preserve_tos) {
    switch (f->type) {
    case FB_WHILE:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR: return;
    case FB_FOR:
        if (preserve_tos) emit(c, WFC_SWAP, 2);
        emit(c, WFC_POP_TOP, 0);
        return;
    case FB_TRY_EXCEPT: emit(c, WFC_POP_BLOCK, 0); return;
    case FB_FINALLY_TRY:
        emit(c, WFC_POP_BLOCK, 0);
        if (preserve_tos) push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL);
        visit_stmts(c, f->datum);
        if (preserve_tos) pop_fblock(c);
        return;
    case FB_FINALLY_END:
        if (preserve_tos) emit(c, WFC_SWAP, 2);
        emit(c, WFC_POP_TOP, 0); /* exc */
        if (preserve_tos) emit(c, WFC_SWAP, 2);
        emit(c, WFC_POP_BLOCK, 0);
        emit(c, WFC_POP_EXCEPT, 0);
        return;
    case FB_WITH:
    case FB_ASYNC_WITH: {
        wfc_pos saved = c->u->loc;
        c->u->loc = f->pos;
        emit(c, WFC_POP_BLOCK, 0);
        if (preserve_tos) emit(c, WFC_SWAP, 2);
        call_exit_with_nones(c);
        if (f->type == FB_ASYNC_WITH) await_value(c, 2);
        emit(c, WFC_POP_TOP, 0);
        c->u->loc = saved;
        return;
    }
    case FB_HANDLER_CLEANUP:
        if (f->datum) emit(c, WFC_POP_BLOCK, 0);
        if (preserve_tos) emit(c, WFC_SWAP, 2);
        emit(c, WFC_POP_BLOCK, 0);
        emit(c, WFC_POP_EXCEPT, 0);
        if (f->datum) {
            load_none(c);
            nameop(c, f->datum, WFC_Store);
            nameop(c, f->datum, WFC_Del);
        }
        return;
    case FB_POP_VALUE:
        if (preserve_tos) emit(c, WFC_SWAP, 2);
        emit(c, WFC_POP_TOP, 0);
        return;
    }
}

static void stmt_return(C *c, const wfc_stmt *s) {
    const wfc_expr *v = s->v.Return.value;
    int preserve = v && v->kind != WFC_Constant;
    if (preserve) visit_expr(c, v);
    else if (v) c->u->loc = POS(v); /* a constant's position, as 3.11 */
    unwind_stack(c, preserve, 0);
    c->u->loc = POS(s);
    if (!v) load_none(c);
    else if (!preserve) load_const(c, v->v.Constant.value);
    emit(c, WFC_RETURN_VALUE, 0);
}

static void stmt_break(C *c, const wfc_stmt *s, int is_break) {
    const fblock *loop = unwind_stack(c, 0, 1);
    if (!loop) cerror_at(c, POS(s), is_break ? "'break' outside loop" : "'continue' not properly in loop");
    c->u->loc = POS(s);
    if (is_break) {
        fblock l = *loop;
        unwind_fblock(c, &l, 0);
        emit_jump(c, WFC_JUMP, l.exit);
    } else {
        emit_jump(c, WFC_JUMP, loop->blk);
    }
}

static void stmt_if(C *c, const wfc_stmt *s) {
    block *end = new_block(c);
    int k = expr_constant(s->v.If.test);
    if (k == 0 || k == 1) {
        const wfc_seq *live = k ? s->v.If.body : s->v.If.orelse, *dead = k ? s->v.If.orelse : s->v.If.body;
        /* the dead branch is compiled (for its errors) into detached blocks */
        block *saved = c->u->cur;
        c->u->cur = new_block(c);
        visit_stmts(c, dead);
        c->u->cur = saved;
        visit_stmts(c, live);
        return;
    }
    block *next = s->v.If.orelse->len ? new_block(c) : end;
    jump_if(c, s->v.If.test, next, 0);
    visit_stmts(c, s->v.If.body);
    if (s->v.If.orelse->len) {
        emit_jump(c, WFC_JUMP, end);
        use_block(c, next);
        visit_stmts(c, s->v.If.orelse);
    }
    use_block(c, end);
}

static void stmt_for(C *c, const wfc_stmt *s) {
    block *start = new_block(c), *cleanup = new_block(c), *end = new_block(c);
    visit_expr(c, s->v.For.iter);
    c->u->loc = POS(s);
    emit(c, WFC_GET_ITER, 0);
    use_block(c, start);
    push_fblock(c, FB_FOR, start, end, NULL);
    emit_jump(c, WFC_FOR_ITER, cleanup);
    visit_expr(c, s->v.For.target);
    visit_stmts(c, s->v.For.body);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_JUMP, start);
    pop_fblock(c);
    use_block(c, cleanup);
    visit_stmts(c, s->v.For.orelse);
    use_block(c, end);
}

static void stmt_async_for(C *c, const wfc_stmt *s) {
    block *start = new_block(c), *except = new_block(c), *end = new_block(c);
    visit_expr(c, s->v.For.iter);
    c->u->loc = POS(s);
    emit(c, WFC_GET_AITER, 0);
    use_block(c, start);
    push_fblock(c, FB_FOR, start, end, NULL);
    emit_jump(c, WFC_SETUP_FINALLY, except);
    emit(c, WFC_GET_ANEXT, 0);
    load_none(c);
    yield_from_loop(c, 1);
    emit(c, WFC_POP_BLOCK, 0);
    visit_expr(c, s->v.For.target);
    visit_stmts(c, s->v.For.body);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_JUMP, start);
    pop_fblock(c);
    use_block(c, except);
    c->u->loc = POS(s);
    emit(c, WFC_END_ASYNC_FOR, 0);
    visit_stmts(c, s->v.For.orelse);
    use_block(c, end);
}

static void stmt_while(C *c, const wfc_stmt *s) {
    block *loop = new_block(c), *body = new_block(c), *anchor = new_block(c), *end = new_block(c);
    int k = expr_constant(s->v.While.test);
    if (k == 0) {
        block *saved = c->u->cur;
        c->u->cur = new_block(c);
        push_fblock(c, FB_WHILE, loop, end, NULL);
        visit_stmts(c, s->v.While.body);
        pop_fblock(c);
        c->u->cur = saved;
        visit_stmts(c, s->v.While.orelse);
        return;
    }
    use_block(c, loop);
    push_fblock(c, FB_WHILE, loop, end, NULL);
    if (k != 1) jump_if(c, s->v.While.test, anchor, 0);
    use_block(c, body);
    visit_stmts(c, s->v.While.body);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_JUMP, loop);
    pop_fblock(c);
    use_block(c, anchor);
    visit_stmts(c, s->v.While.orelse);
    use_block(c, end);
}

/* Body of `with` items from index i. */
static void with_items(C *c, const wfc_stmt *s, int i, int is_async) {
    const wfc_withitem *item = s->v.With.items->items[i];
    block *final = new_block(c), *exit = new_block(c), *cleanup = new_block(c);
    visit_expr(c, item->context_expr);
    c->u->loc = POS(s);
    if (is_async) {
        emit(c, WFC_BEFORE_ASYNC_WITH, 0);
        await_value(c, 1);
    } else {
        emit(c, WFC_BEFORE_WITH, 0);
    }
    emit_jump(c, WFC_SETUP_WITH, final);
    push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, NULL, final, s);
    if (item->optional_vars) visit_expr(c, item->optional_vars);
    else emit(c, WFC_POP_TOP, 0);
    if (i + 1 < s->v.With.items->len) with_items(c, s, i + 1, is_async);
    else visit_stmts(c, s->v.With.body);
    pop_fblock(c);
    c->u->loc = POS(s);
    emit(c, WFC_POP_BLOCK, 0);
    call_exit_with_nones(c);
    if (is_async) await_value(c, 2);
    emit(c, WFC_POP_TOP, 0);
    emit_jump(c, WFC_JUMP, exit);
    /* exceptional exit */
    use_block(c, final);
    emit_jump(c, WFC_SETUP_CLEANUP, cleanup);
    emit(c, WFC_PUSH_EXC_INFO, 0);
    emit(c, WFC_WITH_EXCEPT_START, 0);
    if (is_async) await_value(c, 2);
    block *suppress = new_block(c);
    emit_jump(c, WFC_POP_JUMP_IF_TRUE, suppress);
    emit(c, WFC_RERAISE, 2);
    use_block(c, suppress);
    emit(c, WFC_POP_TOP, 0);
    emit(c, WFC_POP_BLOCK, 0);
    emit(c, WFC_POP_EXCEPT, 0);
    emit(c, WFC_POP_TOP, 0);
    emit(c, WFC_POP_TOP, 0);
    emit_jump(c, WFC_JUMP, exit);
    use_block(c, cleanup);
    emit_nopos(c, WFC_COPY, 3);
    emit_nopos(c, WFC_POP_EXCEPT, 0);
    emit_nopos(c, WFC_RERAISE, 1);
    use_block(c, exit);
}

static void try_except(C *c, const wfc_stmt *s) {
    block *body = new_block(c), *except = new_block(c), *orelse = new_block(c), *end = new_block(c),
          *cleanup = new_block(c);
    (void)orelse;
    emit_jump(c, WFC_SETUP_FINALLY, except);
    use_block(c, body);
    push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL);
    visit_stmts(c, s->v.Try.body);
    pop_fblock(c);
    c->u->loc = NOPOS;
    emit(c, WFC_POP_BLOCK, 0);
    visit_stmts(c, s->v.Try.orelse);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_JUMP, end);
    int n = s->v.Try.handlers->len;
    use_block(c, except);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_SETUP_CLEANUP, cleanup);
    emit(c, WFC_PUSH_EXC_INFO, 0);
    push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        const wfc_excepthandler *h = s->v.Try.handlers->items[i];
        c->u->loc = POS(h);
        if (!h->v.ExceptHandler.type && i < n - 1) cerror_at(c, POS(h), "default 'except:' must be last");
        block *next = new_block(c);
        if (h->v.ExceptHandler.type) {
            visit_expr(c, h->v.ExceptHandler.type);
            emit(c, WFC_CHECK_EXC_MATCH, 0);
            emit_jump(c, WFC_POP_JUMP_IF_FALSE, next);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            block *cleanup_end = new_block(c), *cleanup_body = new_block(c);
            nameop(c, name, WFC_Store);
            emit_jump(c, WFC_SETUP_CLEANUP, cleanup_end);
            use_block(c, cleanup_body);
            push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, name);
            visit_stmts(c, h->v.ExceptHandler.body);
            pop_fblock(c);
            c->u->loc = NOPOS;
            emit(c, WFC_POP_BLOCK, 0);
            emit(c, WFC_POP_BLOCK, 0);
            emit(c, WFC_POP_EXCEPT, 0);
            load_none(c);
            nameop(c, name, WFC_Store);
            nameop(c, name, WFC_Del);
            emit_jump(c, WFC_JUMP, end);
            use_block(c, cleanup_end);
            load_none(c);
            nameop(c, name, WFC_Store);
            nameop(c, name, WFC_Del);
            emit(c, WFC_RERAISE, 1);
        } else {
            block *cleanup_body = new_block(c);
            emit(c, WFC_POP_TOP, 0);
            use_block(c, cleanup_body);
            push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL);
            visit_stmts(c, h->v.ExceptHandler.body);
            pop_fblock(c);
            c->u->loc = NOPOS;
            emit(c, WFC_POP_BLOCK, 0);
            emit(c, WFC_POP_EXCEPT, 0);
            emit_jump(c, WFC_JUMP, end);
        }
        use_block(c, next);
    }
    pop_fblock(c);
    c->u->loc = NOPOS;
    emit(c, WFC_RERAISE, 0);
    use_block(c, cleanup);
    emit(c, WFC_COPY, 3);
    emit(c, WFC_POP_EXCEPT, 0);
    emit(c, WFC_RERAISE, 1);
    use_block(c, end);
}

static void try_star_except(C *c, const wfc_stmt *s) {
    block *body = new_block(c), *except = new_block(c), *end = new_block(c), *cleanup = new_block(c),
          *reraise_star = new_block(c);
    emit_jump(c, WFC_SETUP_FINALLY, except);
    use_block(c, body);
    push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL);
    visit_stmts(c, s->v.Try.body);
    pop_fblock(c);
    c->u->loc = NOPOS;
    emit(c, WFC_POP_BLOCK, 0);
    visit_stmts(c, s->v.Try.orelse);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_JUMP, end);
    int n = s->v.Try.handlers->len;
    use_block(c, except);
    emit_jump(c, WFC_SETUP_CLEANUP, cleanup);
    emit(c, WFC_PUSH_EXC_INFO, 0);
    push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, NULL);
    for (int i = 0; i < n; i++) {
        const wfc_excepthandler *h = s->v.Try.handlers->items[i];
        c->u->loc = POS(h);
        block *next = new_block(c), *no_match = new_block(c), *except_with_error = new_block(c);
        if (i == 0) {
            emit(c, WFC_BUILD_LIST, 0);
            emit(c, WFC_COPY, 2);
        }
        if (h->v.ExceptHandler.type) {
            visit_expr(c, h->v.ExceptHandler.type);
            emit(c, WFC_CHECK_EG_MATCH, 0);
            emit(c, WFC_COPY, 1);
            emit_jump(c, WFC_POP_JUMP_IF_NONE, no_match);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) nameop(c, name, WFC_Store);
        else emit(c, WFC_POP_TOP, 0);
        block *cleanup_body = new_block(c);
        emit_jump(c, WFC_SETUP_CLEANUP, except_with_error);
        use_block(c, cleanup_body);
        push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, name);
        visit_stmts(c, h->v.ExceptHandler.body);
        pop_fblock(c);
        c->u->loc = NOPOS;
        emit(c, WFC_POP_BLOCK, 0);
        if (name) {
            load_none(c);
            nameop(c, name, WFC_Store);
            nameop(c, name, WFC_Del);
        }
        emit_jump(c, WFC_JUMP, next);
        use_block(c, except_with_error);
        if (name) {
            load_none(c);
            nameop(c, name, WFC_Store);
            nameop(c, name, WFC_Del);
        }
        emit(c, WFC_LIST_APPEND, 3);
        emit(c, WFC_POP_TOP, 0);
        emit_jump(c, WFC_JUMP, next);
        use_block(c, no_match);
        emit(c, WFC_POP_TOP, 0);
        use_block(c, next);
    }
    pop_fblock(c);
    c->u->loc = NOPOS;
    use_block(c, reraise_star);
    block *reraise = new_block(c);
    /* The unhandled rest of the group (None when all of it matched) joins
       the raised/reraised list: PREP_RERAISE_STAR reraises it if any. */
    emit(c, WFC_LIST_APPEND, 1);
    emit(c, WFC_PREP_RERAISE_STAR, 0);
    emit(c, WFC_COPY, 1);
    emit_jump(c, WFC_POP_JUMP_IF_NOT_NONE, reraise);
    emit(c, WFC_POP_TOP, 0);
    emit(c, WFC_POP_BLOCK, 0);
    emit(c, WFC_POP_EXCEPT, 0);
    emit_jump(c, WFC_JUMP, end);
    use_block(c, reraise);
    emit(c, WFC_POP_BLOCK, 0);
    emit(c, WFC_SWAP, 2);
    emit(c, WFC_POP_EXCEPT, 0);
    emit(c, WFC_RERAISE, 0);
    use_block(c, cleanup);
    emit(c, WFC_COPY, 3);
    emit(c, WFC_POP_EXCEPT, 0);
    emit(c, WFC_RERAISE, 1);
    use_block(c, end);
}

static void try_finally(C *c, const wfc_stmt *s, int star) {
    block *body = new_block(c), *end = new_block(c), *exit = new_block(c), *cleanup = new_block(c);
    emit_jump(c, WFC_SETUP_FINALLY, end);
    use_block(c, body);
    push_fblock(c, FB_FINALLY_TRY, body, end, s->v.Try.finalbody);
    if (s->v.Try.handlers->len) {
        if (star) try_star_except(c, s);
        else try_except(c, s);
    } else {
        visit_stmts(c, s->v.Try.body);
    }
    c->u->loc = NOPOS;
    emit(c, WFC_POP_BLOCK, 0);
    pop_fblock(c);
    visit_stmts(c, s->v.Try.finalbody);
    c->u->loc = NOPOS;
    emit_jump(c, WFC_JUMP, exit);
    /* exceptional path */
    use_block(c, end);
    emit_jump(c, WFC_SETUP_CLEANUP, cleanup);
    emit(c, WFC_PUSH_EXC_INFO, 0);
    push_fblock(c, FB_FINALLY_END, end, NULL, NULL);
    visit_stmts(c, s->v.Try.finalbody);
    pop_fblock(c);
    c->u->loc = NOPOS;
    /* Still under SETUP_CLEANUP (3.11): the re-raise goes through the
     * cleanup, whose POP_EXCEPT restores the handled exception. */
    emit(c, WFC_RERAISE, 0);
    use_block(c, cleanup);
    emit(c, WFC_COPY, 3);
    emit(c, WFC_POP_EXCEPT, 0);
    emit(c, WFC_RERAISE, 1);
    use_block(c, exit);
}

static void stmt_try(C *c, const wfc_stmt *s, int star) {
    if (s->v.Try.finalbody->len) try_finally(c, s, star);
    else if (star) try_star_except(c, s);
    else try_except(c, s);
}

static void stmt_import(C *c, const wfc_stmt *s) {
    const wfc_seq *names = s->v.Import.names;
    for (int i = 0; i < names->len; i++) {
        const wfc_alias *a = names->items[i];
        /* every instruction at the statement's position, as 3.11 */
        emit(c, WFC_LOAD_CONST, const_int(c, 0));
        load_none(c);
        emit(c, WFC_IMPORT_NAME, name_index(c, a->name));
        const char *dot = strchr(a->name, '.');
        if (a->asname) {
            if (dot) {
                const char *p = dot + 1;
                for (;;) {
                    const char *d = strchr(p, '.');
                    size_t len = d ? (size_t)(d - p) : strlen(p);
                    const char *attr = ostr(c, p, len);
                    emit(c, WFC_IMPORT_FROM, name_index(c, attr));
                    if (!d) break;
                    emit(c, WFC_SWAP, 2);
                    emit(c, WFC_POP_TOP, 0);
                    p = d + 1;
                }
                nameop(c, a->asname, WFC_Store);
                emit(c, WFC_POP_TOP, 0);
            } else {
                nameop(c, a->asname, WFC_Store);
            }
        } else {
            const char *store = dot ? ostr(c, a->name, (size_t)(dot - a->name)) : a->name;
            nameop(c, store, WFC_Store);
        }
    }
}

static const char *const future_features[] = {"nested_scopes",  "generators",      "division",
                                              "absolute_import", "with_statement", "print_function",
                                              "unicode_literals", "barry_as_FLUFL", "generator_stop",
                                              "annotations",     NULL};

static void stmt_import_from(C *c, const wfc_stmt *s, int future_ok) {
    const wfc_seq *names = s->v.ImportFrom.names;
    const char *mod = s->v.ImportFrom.module;
    if (mod && s->v.ImportFrom.level == 0 && strcmp(mod, "__future__") == 0) {
        wfc_pos at = {s->lineno, -1, s->col_offset, -1}; /* future.c gives no end */
        if (!future_ok) cerror_at(c, POS(s), "from __future__ imports must occur at the beginning of the file");
        for (int i = 0; i < names->len; i++) {
            const wfc_alias *a = names->items[i];
            int ok = 0;
            for (int j = 0; future_features[j]; j++)
                if (strcmp(a->name, future_features[j]) == 0) ok = 1;
            if (!ok) {
                if (strcmp(a->name, "braces") == 0) cerror_at(c, at, "not a chance");
                cerror_at(c, at, "future feature %s is not defined", a->name);
            }
        }
    }
    wfc_constant *k = tuple_const(c, names->len);
    for (int i = 0; i < names->len; i++) k->elts[i] = str_const(c, ((const wfc_alias *)names->items[i])->name);
    emit(c, WFC_LOAD_CONST, const_int(c, s->v.ImportFrom.level));
    emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
    emit(c, WFC_IMPORT_NAME, name_index(c, mod ? mod : ""));
    for (int i = 0; i < names->len; i++) {
        const wfc_alias *a = names->items[i];
        if (strcmp(a->name, "*") == 0) {
            emit(c, WFC_IMPORT_STAR, 0);
            return;
        }
        emit(c, WFC_IMPORT_FROM, name_index(c, a->name));
        nameop(c, a->asname ? a->asname : a->name, WFC_Store);
    }
    emit(c, WFC_POP_TOP, 0);
}

static void stmt_aug_assign(C *c, const wfc_stmt *s) {
    const wfc_expr *t = s->v.AugAssign.target;
    wfc_pos tpos = POS(t);
    switch (t->kind) {
    case WFC_Attribute:
        visit_expr(c, t->v.Attribute.value);
        emit(c, WFC_COPY, 1);
        c->u->loc = tpos;
        emit(c, WFC_LOAD_ATTR, name_index(c, t->v.Attribute.attr));
        break;
    case WFC_Subscript:
        visit_expr(c, t->v.Subscript.value);
        visit_expr(c, t->v.Subscript.slice);
        emit(c, WFC_COPY, 2);
        emit(c, WFC_COPY, 2);
        c->u->loc = tpos;
        emit(c, WFC_BINARY_SUBSCR, 0);
        break;
    case WFC_Name:
        c->u->loc = tpos; /* CPython: the load carries the target's position */
        nameop(c, t->v.Name.id, WFC_Load);
        break;
    default: cerror_at(c, tpos, "illegal expression for augmented assignment");
    }
    visit_expr(c, s->v.AugAssign.value);
    c->u->loc = POS(s);
    emit(c, WFC_BINARY_OP, binop_arg(s->v.AugAssign.op, 1));
    c->u->loc = tpos;
    switch (t->kind) {
    case WFC_Attribute:
        emit(c, WFC_SWAP, 2);
        emit(c, WFC_STORE_ATTR, name_index(c, t->v.Attribute.attr));
        break;
    case WFC_Subscript:
        emit(c, WFC_SWAP, 3);
        emit(c, WFC_SWAP, 2);
        emit(c, WFC_STORE_SUBSCR, 0);
        break;
    default: nameop(c, t->v.Name.id, WFC_Store); break;
    }
}

static void check_ann_expr(C *c, const wfc_expr *e) {
    visit_expr(c, e);
    emit(c, WFC_POP_TOP, 0);
}

static void stmt_ann_assign(C *c, const wfc_stmt *s) {
    const wfc_expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        visit_expr(c, s->v.AnnAssign.value);
        visit_expr(c, t);
    }
    switch (t->kind) {
    case WFC_Name:
        if (s->v.AnnAssign.simple && (c->u->scope == SC_MODULE || c->u->scope == SC_CLASS)) {
            annotation_value(c, s->v.AnnAssign.annotation);
            emit(c, WFC_LOAD_NAME, name_index_raw(c, "__annotations__"));
            emit(c, WFC_LOAD_CONST, const_str(c, mangle(c, t->v.Name.id)));
            emit(c, WFC_STORE_SUBSCR, 0);
        }
        break;
    case WFC_Attribute:
        if (!s->v.AnnAssign.value) check_ann_expr(c, t->v.Attribute.value);
        break;
    case WFC_Subscript:
        if (!s->v.AnnAssign.value) {
            check_ann_expr(c, t->v.Subscript.value);
            const wfc_expr *sl = t->v.Subscript.slice;
            if (sl->kind == WFC_Slice) {
                if (sl->v.Slice.lower) check_ann_expr(c, sl->v.Slice.lower);
                if (sl->v.Slice.upper) check_ann_expr(c, sl->v.Slice.upper);
                if (sl->v.Slice.step) check_ann_expr(c, sl->v.Slice.step);
            } else if (sl->kind == WFC_Tuple) {
                for (int i = 0; i < sl->v.Tuple.elts->len; i++) {
                    const wfc_expr *x = sl->v.Tuple.elts->items[i];
                    if (x->kind == WFC_Slice) {
                        if (x->v.Slice.lower) check_ann_expr(c, x->v.Slice.lower);
                        if (x->v.Slice.upper) check_ann_expr(c, x->v.Slice.upper);
                        if (x->v.Slice.step) check_ann_expr(c, x->v.Slice.step);
                    } else {
                        check_ann_expr(c, x);
                    }
                }
            } else {
                check_ann_expr(c, sl);
            }
        }
        break;
    default: cerror_at(c, POS(t), "invalid node type for annotated assignment");
    }
    if (!s->v.AnnAssign.simple && !c->future_annotations && (c->u->scope == SC_MODULE || c->u->scope == SC_CLASS))
        check_ann_expr(c, s->v.AnnAssign.annotation);
}

/* The comparison whose position CPython 3.11's compiler_jump_if leaves as
 * the current location after testing e (a Compare, or one ending an
 * and/or chain or under `not`), or NULL: the statement's position stays. */
static const wfc_expr *jump_if_leaked_compare(const wfc_expr *e) {
    for (;;) {
        if (e->kind == WFC_Compare && e->v.Compare.ops->len > 0) return e;
        if (e->kind == WFC_BoolOp && e->v.BoolOp.values->len > 0)
            e = e->v.BoolOp.values->items[e->v.BoolOp.values->len - 1];
        else if (e->kind == WFC_UnaryOp && e->v.UnaryOp.op == WFC_Not)
            e = e->v.UnaryOp.operand;
        else
            return NULL;
    }
}

static void stmt_assert(C *c, const wfc_stmt *s) {
    if (c->optimize) return;
    block *end = new_block(c);
    jump_if(c, s->v.Assert.test, end, 1);
    /* the raise carries that location too (what tracebacks underline) */
    const wfc_expr *leaked = jump_if_leaked_compare(s->v.Assert.test);
    c->u->loc = leaked ? POS(leaked) : POS(s);
    if (s->v.Assert.msg) {
        emit(c, WFC_PUSH_NULL, 0);
        emit(c, WFC_LOAD_ASSERTION_ERROR, 0);
        visit_expr(c, s->v.Assert.msg);
        emit(c, WFC_CALL, 1);
    } else {
        emit(c, WFC_LOAD_ASSERTION_ERROR, 0);
    }
    emit(c, WFC_RAISE_VARARGS, 1);
    use_block(c, end);
}

/* ----- pattern matching ----- */

typedef struct pctx {
    block **fail; /* fail[k]: pop k items above the baseline, then fail */
    int nfail, cap;
    int on_top;   /* items above the baseline */
    const char **stores; /* names bound so far (duplicate check) */
    int nstores, scap;
    int allow_irrefutable;
} pctx;

static block *fail_block(C *c, pctx *pc, int k) {
    if (k >= pc->nfail) {
        if (k >= pc->cap) {
            int nc = pc->cap ? pc->cap * 2 : 8;
            while (nc <= k) nc *= 2;
            block **nf = xalloc(c, (size_t)nc * sizeof *nf);
            if (pc->nfail) memcpy(nf, pc->fail, (size_t)pc->nfail * sizeof *nf);
            pc->fail = nf;
            pc->cap = nc;
        }
        while (pc->nfail <= k) pc->fail[pc->nfail++] = new_block(c);
    }
    return pc->fail[k];
}

static void jump_to_fail(C *c, pctx *pc, int op) { emit_jump(c, op, fail_block(c, pc, pc->on_top)); }

/* Lay out the failure chain: fail[k] pops one and falls into fail[k-1]. */
static void emit_fail_chain(C *c, pctx *pc) {
    if (!pc->nfail) return;
    for (int k = pc->nfail - 1; k > 0; k--) {
        use_block(c, pc->fail[k]);
        emit_nopos(c, WFC_POP_TOP, 0);
    }
    use_block(c, pc->fail[0]);
}

static void pattern_store(C *c, pctx *pc, const char *name, wfc_pos pos) {
    if (!name) {
        emit(c, WFC_POP_TOP, 0);
        pc->on_top--;
        return;
    }
    for (int i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0) cerror_at(c, pos, "multiple assignments to name '%s' in pattern", name);
    if (pc->nstores == pc->scap) {
        int nc = pc->scap ? pc->scap * 2 : 8;
        const char **ns = xalloc(c, (size_t)nc * sizeof *ns);
        if (pc->nstores) memcpy(ns, pc->stores, (size_t)pc->nstores * sizeof *ns);
        pc->stores = ns;
        pc->scap = nc;
    }
    pc->stores[pc->nstores++] = name;
    nameop(c, name, WFC_Store);
    pc->on_top--;
}

static void pattern(C *c, const wfc_pattern *p, pctx *pc);

static void pattern_subpatterns(C *c, const wfc_seq *pats, pctx *pc) {
    /* the values are on the stack, first on top */
    for (int i = 0; i < pats->len; i++) {
        const wfc_pattern *sp = pats->items[i];
        if (sp->kind == WFC_MatchStar) pattern_store(c, pc, sp->v.MatchStar.name, POS(sp));
        else pattern(c, sp, pc);
    }
}

static void pattern_value_expr_check(C *c, const wfc_expr *e, int mapping) {
    if (e->kind == WFC_Constant || e->kind == WFC_Attribute) return;
    cerror_at(c, POS(e), mapping ? "mapping pattern keys may only match literals and attribute lookups"
                                 : "patterns may only match literals and attribute lookups");
}

/* Like 3.11, a pattern leaves the current location at the last pattern
 * compiled (errors found after a sub-pattern point there). */
static void pattern(C *c, const wfc_pattern *p, pctx *pc) {
    c->u->loc = POS(p);
    switch (p->kind) {
    case WFC_MatchValue:
        pattern_value_expr_check(c, p->v.MatchValue.value, 0);
        visit_expr(c, p->v.MatchValue.value);
        emit(c, WFC_COMPARE_OP, WFC_CMP_EQ);
        pc->on_top--;
        jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        break;
    case WFC_MatchSingleton:
        load_const(c, p->v.MatchSingleton.value);
        emit(c, WFC_IS_OP, 0);
        pc->on_top--;
        jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        break;
    case WFC_MatchAs:
        if (!p->v.MatchAs.pattern) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name)
                    cerror_at(c, POS(p), "name capture '%s' makes remaining patterns unreachable", p->v.MatchAs.name);
                cerror_at(c, POS(p), "wildcard makes remaining patterns unreachable");
            }
            pattern_store(c, pc, p->v.MatchAs.name, POS(p));
        } else {
            emit(c, WFC_COPY, 1);
            pc->on_top++;
            pattern(c, p->v.MatchAs.pattern, pc);
            c->u->loc = POS(p);
            pattern_store(c, pc, p->v.MatchAs.name, POS(p));
        }
        break;
    case WFC_MatchStar: pattern_store(c, pc, p->v.MatchStar.name, POS(p)); break;
    case WFC_MatchSequence: {
        const wfc_seq *pats = p->v.MatchSequence.patterns;
        int n = pats->len, star = -1;
        for (int i = 0; i < n; i++)
            if (((const wfc_pattern *)pats->items[i])->kind == WFC_MatchStar) {
                if (star >= 0) cerror_at(c, POS(p), "multiple starred names in sequence pattern");
                star = i;
            }
        emit(c, WFC_MATCH_SEQUENCE, 0);
        jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        if (star < 0) {
            emit(c, WFC_GET_LEN, 0);
            emit(c, WFC_LOAD_CONST, const_int(c, n));
            emit(c, WFC_COMPARE_OP, WFC_CMP_EQ);
            jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        } else if (n > 1) {
            emit(c, WFC_GET_LEN, 0);
            emit(c, WFC_LOAD_CONST, const_int(c, n - 1));
            emit(c, WFC_COMPARE_OP, WFC_CMP_GE);
            jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        }
        if (n == 0) {
            emit(c, WFC_POP_TOP, 0);
            pc->on_top--;
            break;
        }
        if (star < 0) emit(c, WFC_UNPACK_SEQUENCE, n);
        else emit(c, WFC_UNPACK_EX, star | ((n - star - 1) << 8));
        pc->on_top += n - 1;
        int saved_allow = pc->allow_irrefutable;
        pc->allow_irrefutable = 1;
        pattern_subpatterns(c, pats, pc);
        pc->allow_irrefutable = saved_allow;
        break;
    }
    case WFC_MatchMapping: {
        const wfc_seq *keys = p->v.MatchMapping.keys, *pats = p->v.MatchMapping.patterns;
        int n = keys->len;
        emit(c, WFC_MATCH_MAPPING, 0);
        jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        if (!n && !p->v.MatchMapping.rest) {
            emit(c, WFC_POP_TOP, 0);
            pc->on_top--;
            break;
        }
        if (n) {
            emit(c, WFC_GET_LEN, 0);
            emit(c, WFC_LOAD_CONST, const_int(c, n));
            emit(c, WFC_COMPARE_OP, WFC_CMP_GE);
            jump_to_fail(c, pc, WFC_POP_JUMP_IF_FALSE);
        }
        for (int i = 0; i < n; i++) {
            const wfc_expr *k = keys->items[i];
            pattern_value_expr_check(c, k, 1);
            if (k->kind == WFC_Constant) {
                c->tmp.len = 0;
                const_key(c, &c->tmp, k->v.Constant.value);
                for (int j = 0; j < i; j++) {
                    const wfc_expr *k2 = keys->items[j];
                    if (k2->kind != WFC_Constant) continue;
                    wfo_strbuf kb;
                    wfo_strbuf_init(&kb);
                    const_key(c, &kb, k2->v.Constant.value);
                    int same = kb.len == c->tmp.len && memcmp(kb.data, c->tmp.data, kb.len) == 0;
                    wfo_strbuf_free(&kb);
                    if (same) {
                        wfo_strbuf r;
                        wfo_strbuf_init(&r);
                        if (wfc_const_repr(&r, k->v.Constant.value) < 0) nomem(c);
                        char msg[300];
                        snprintf(msg, sizeof msg, "%.250s", r.data ? r.data : "");
                        wfo_strbuf_free(&r);
                        cerror_at(c, POS(p), "mapping pattern checks duplicate key (%s)", msg);
                    }
                }
            }
            visit_expr(c, k);
        }
        emit(c, WFC_BUILD_TUPLE, n);
        emit(c, WFC_MATCH_KEYS, 0);
        pc->on_top += 2;
        emit(c, WFC_COPY, 1);
        emit_jump(c, WFC_POP_JUMP_IF_NONE, fail_block(c, pc, pc->on_top));
        if (n) {
            emit(c, WFC_UNPACK_SEQUENCE, n);
            pc->on_top += n - 1;
        } else {
            emit(c, WFC_POP_TOP, 0);
            pc->on_top--;
        }
        int saved_allow = pc->allow_irrefutable;
        pc->allow_irrefutable = 1;
        pattern_subpatterns(c, pats, pc);
        pc->allow_irrefutable = saved_allow;
        /* [subject, keys] */
        if (p->v.MatchMapping.rest) {
            emit(c, WFC_BUILD_MAP, 0);
            emit(c, WFC_SWAP, 3);
            emit(c, WFC_DICT_UPDATE, 2);
            if (n) {
                emit(c, WFC_UNPACK_SEQUENCE, n);
                for (int left = n; left > 0; left--) {
                    emit(c, WFC_COPY, 1 + left);
                    emit(c, WFC_SWAP, 2);
                    emit(c, WFC_DELETE_SUBSCR, 0);
                }
            } else {
                emit(c, WFC_POP_TOP, 0);
            }
            pc->on_top--; /* [copy] */
            pattern_store(c, pc, p->v.MatchMapping.rest, POS(p));
        } else {
            emit(c, WFC_POP_TOP, 0);
            emit(c, WFC_POP_TOP, 0);
            pc->on_top -= 2;
        }
        break;
    }
    case WFC_MatchClass: {
        const wfc_seq *pats = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs,
                      *kpats = p->v.MatchClass.kwd_patterns;
        int np = pats->len, nk = attrs->len;
        for (int i = 0; i < nk; i++) {
            const char *a = attrs->items[i];
            for (int j = i + 1; j < nk; j++)
                if (strcmp(a, attrs->items[j]) == 0)
                    cerror_at(c, POS((const wfc_pattern *)kpats->items[j]), "attribute name repeated in class pattern: %s",
                              a);
        }
        visit_expr(c, p->v.MatchClass.cls);
        wfc_constant *k = tuple_const(c, nk);
        for (int i = 0; i < nk; i++) k->elts[i] = str_const(c, attrs->items[i]);
        emit(c, WFC_LOAD_CONST, add_const_owned(c, k));
        emit(c, WFC_MATCH_CLASS, np);
        emit(c, WFC_COPY, 1);
        emit_jump(c, WFC_POP_JUMP_IF_NONE, fail_block(c, pc, pc->on_top));
        if (np + nk == 0) {
            emit(c, WFC_POP_TOP, 0);
            pc->on_top--;
            break;
        }
        emit(c, WFC_UNPACK_SEQUENCE, np + nk);
        pc->on_top += np + nk - 1;
        int saved_allow = pc->allow_irrefutable;
        pc->allow_irrefutable = 1;
        pattern_subpatterns(c, pats, pc);
        pattern_subpatterns(c, kpats, pc);
        pc->allow_irrefutable = saved_allow;
        break;
    }
    case WFC_MatchOr: {
        const wfc_seq *alts = p->v.MatchOr.patterns;
        block *end = new_block(c);
        int base_stores = pc->nstores;
        const char **first = NULL;
        int nfirst = 0;
        for (int i = 0; i < alts->len; i++) {
            const wfc_pattern *alt = alts->items[i];
            c->u->loc = POS(alt);
            pctx sub = {0};
            sub.on_top = 1;
            sub.allow_irrefutable = (i == alts->len - 1) && pc->allow_irrefutable;
            /* names bound outside this or-pattern still count as duplicates */
            for (int j = 0; j < base_stores; j++) {
                if (sub.nstores == sub.scap) {
                    int nc = sub.scap ? sub.scap * 2 : 8;
                    const char **ns = xalloc(c, (size_t)nc * sizeof *ns);
                    if (sub.nstores) memcpy(ns, sub.stores, (size_t)sub.nstores * sizeof *ns);
                    sub.stores = ns;
                    sub.scap = nc;
                }
                sub.stores[sub.nstores++] = pc->stores[j];
            }
            emit(c, WFC_COPY, 1);
            pattern(c, alt, &sub);
            /* success: drop the subject copy we matched against */
            emit(c, WFC_POP_TOP, 0);
            emit_jump(c, WFC_JUMP, end);
            emit_fail_chain(c, &sub);
            int nnew = sub.nstores - base_stores;
            const char **mine = sub.stores + base_stores;
            if (i == 0) {
                first = mine;
                nfirst = nnew;
            } else {
                int same = nnew == nfirst;
                for (int a = 0; same && a < nnew; a++) {
                    int found = 0;
                    for (int b = 0; b < nfirst; b++)
                        if (strcmp(mine[a], first[b]) == 0) found = 1;
                    same = found;
                }
                if (!same) cerror_at(c, c->u->loc, "alternative patterns bind different names");
            }
        }
        /* every alternative failed: the subject is still on top */
        jump_to_fail(c, pc, WFC_JUMP);
        use_block(c, end);
        for (int a = 0; a < nfirst; a++) {
            if (pc->nstores == pc->scap) {
                int nc = pc->scap ? pc->scap * 2 : 8;
                const char **ns = xalloc(c, (size_t)nc * sizeof *ns);
                if (pc->nstores) memcpy(ns, pc->stores, (size_t)pc->nstores * sizeof *ns);
                pc->stores = ns;
                pc->scap = nc;
            }
            pc->stores[pc->nstores++] = first[a];
        }
        pc->on_top--;
        break;
    }
    }
}

static void stmt_match(C *c, const wfc_stmt *s) {
    visit_expr(c, s->v.Match.subject);
    block *end = new_block(c);
    int n = s->v.Match.cases->len;
    for (int i = 0; i < n; i++) {
        const wfc_match_case *mc = s->v.Match.cases->items[i];
        int last = i == n - 1;
        c->u->loc = POS(mc->pattern);
        if (!last) emit(c, WFC_COPY, 1);
        pctx pc = {0};
        pc.on_top = 1;
        pc.allow_irrefutable = mc->guard != NULL || last;
        pattern(c, mc->pattern, &pc);
        if (mc->guard) jump_if(c, mc->guard, fail_block(c, &pc, 0), 0);
        if (!last) emit(c, WFC_POP_TOP, 0);
        visit_stmts(c, mc->body);
        c->u->loc = NOPOS;
        emit_jump(c, WFC_JUMP, end);
        emit_fail_chain(c, &pc);
    }
    use_block(c, end);
}

/* ----- statement dispatch ----- */

static void stmt_assign(C *c, const wfc_stmt *s) {
    const wfc_seq *t = s->v.Assign.targets;
    visit_expr(c, s->v.Assign.value);
    for (int i = 0; i < t->len; i++) {
        if (i < t->len - 1) emit(c, WFC_COPY, 1);
        visit_expr(c, t->items[i]);
    }
}

static void stmt_delete(C *c, const wfc_stmt *s) { visit_exprs(c, s->v.Delete.targets); }

static void stmt_expr(C *c, const wfc_stmt *s) {
    const wfc_expr *v = s->v.Expr.value;
    if (c->interactive && c->u->scope == SC_MODULE) {
        visit_expr(c, v);
        emit(c, WFC_PRINT_EXPR, 0);
        return;
    }
    if (v->kind == WFC_Constant) {
        emit(c, WFC_NOP, 0); /* keeps the line for tracing */
        return;
    }
    visit_expr(c, v);
    c->u->loc = POS(s);
    emit(c, WFC_POP_TOP, 0);
}

static void visit_stmt(C *c, const wfc_stmt *s) {
    c->u->loc = POS(s);
    switch (s->kind) {
    case WFC_FunctionDef:
    case WFC_AsyncFunctionDef: function_def(c, s); break;
    case WFC_ClassDef: class_def(c, s); break;
    case WFC_Return: stmt_return(c, s); break;
    case WFC_Delete: stmt_delete(c, s); break;
    case WFC_Assign: stmt_assign(c, s); break;
    case WFC_AugAssign: stmt_aug_assign(c, s); break;
    case WFC_AnnAssign: stmt_ann_assign(c, s); break;
    case WFC_For: stmt_for(c, s); break;
    case WFC_AsyncFor: stmt_async_for(c, s); break;
    case WFC_While: stmt_while(c, s); break;
    case WFC_If: stmt_if(c, s); break;
    case WFC_With: with_items(c, s, 0, 0); break;
    case WFC_AsyncWith: with_items(c, s, 0, 1); break;
    case WFC_Match: stmt_match(c, s); break;
    case WFC_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            visit_expr(c, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                visit_expr(c, s->v.Raise.cause);
                n++;
            }
        }
        c->u->loc = POS(s);
        emit(c, WFC_RAISE_VARARGS, n);
        break;
    }
    case WFC_Try: stmt_try(c, s, 0); break;
    case WFC_TryStar: stmt_try(c, s, 1); break;
    case WFC_Assert: stmt_assert(c, s); break;
    case WFC_Import: stmt_import(c, s); break;
    case WFC_ImportFrom: stmt_import_from(c, s, 0); break;
    case WFC_Global:
    case WFC_Nonlocal: break;
    case WFC_Expr: stmt_expr(c, s); break;
    case WFC_Pass: emit(c, WFC_NOP, 0); break;
    case WFC_Break: stmt_break(c, s, 1); break;
    case WFC_Continue: stmt_break(c, s, 0); break;
    }
}

static void visit_stmts(C *c, const wfc_seq *q) {
    for (int i = 0; q && i < q->len; i++) visit_stmt(c, q->items[i]);
}

/* ----- assembly ----- */

static void push_work(C *c, block ***sp, block **base, block *b, int depth, int cap) {
    if (b->startdepth < 0) {
        b->startdepth = depth;
        if (*sp - base >= cap) internal(c, "work list overflow");
        *(*sp)++ = b;
    } else if (b->startdepth != depth) {
        internal(c, "inconsistent stack depth");
    }
}

static int stackdepth(C *c, unit *u, int nblocks) {
    block **stack = xalloc(c, (size_t)(nblocks + 1) * sizeof *stack), **sp = stack;
    int maxd = 0;
    push_work(c, &sp, stack, u->entry, 0, nblocks + 1);
    while (sp > stack) {
        block *b = *--sp;
        int depth = b->startdepth;
        block *next = b->next;
        int falls = 1;
        for (int k = 0; k < b->n; k++) {
            instr *i = &b->ins[k];
            int eff = wfc_stack_effect(i->op, i->arg, 0);
            if (eff == INT32_MIN) internal(c, "unknown opcode");
            if (i->target) {
                int je = wfc_stack_effect(i->op, i->arg, 1);
                int td = depth + je;
                if (td < 0) internal(c, "negative stack depth");
                if (td > maxd) maxd = td;
                if (i->op == WFC_SETUP_CLEANUP || i->op == WFC_SETUP_WITH) i->target->preserve_lasti = 1;
                if (i->op >= WFC_FIRST_PSEUDO) i->target->is_handler = 1;
                push_work(c, &sp, stack, i->target, td, nblocks + 1);
            }
            depth += eff;
            if (depth < 0) internal(c, "negative stack depth");
            if (depth > maxd) maxd = depth;
            int fl = wfc_opcode_flags(i->op);
            if (fl & WFC_OPF_TERM) {
                falls = 0;
                break;
            }
        }
        if (falls && next) push_work(c, &sp, stack, next, depth, nblocks + 1);
        else if (falls && !next && b->n) internal(c, "code falls off the end");
    }
    return maxd;
}

/* Tag instructions with their handler (label_exception_targets). */
static void label_handlers(C *c, unit *u, int nblocks) {
    block **stack = xalloc(c, (size_t)(nblocks + 1) * sizeof *stack), **sp = stack;
    u->entry->exstack = xalloc(c, sizeof(hstack));
    u->entry->labelled = 1;
    *sp++ = u->entry;
    while (sp > stack) {
        block *b = *--sp;
        hstack cur = *b->exstack;
        int falls = 1;
        for (int k = 0; k < b->n; k++) {
            instr *i = &b->ins[k];
            if (i->op == WFC_SETUP_FINALLY || i->op == WFC_SETUP_CLEANUP || i->op == WFC_SETUP_WITH) {
                if (!i->target->labelled) {
                    i->target->exstack = xalloc(c, sizeof(hstack));
                    *i->target->exstack = cur;
                    i->target->labelled = 1;
                    *sp++ = i->target;
                }
                if (cur.n >= 64) cerror_at(c, i->pos, "too many statically nested blocks");
                cur.h[cur.n++] = i->target;
                i->op = WFC_NOP;
                i->target = NULL;
                i->handler = NULL;
                continue;
            }
            if (i->op == WFC_POP_BLOCK) {
                if (cur.n == 0) internal(c, "POP_BLOCK without a handler");
                cur.n--;
                i->op = WFC_NOP;
                i->handler = NULL;
                continue;
            }
            i->handler = cur.n ? cur.h[cur.n - 1] : NULL;
            if (i->target && !i->target->labelled && i->target->startdepth >= 0) {
                i->target->exstack = xalloc(c, sizeof(hstack));
                *i->target->exstack = cur;
                i->target->labelled = 1;
                *sp++ = i->target;
            }
            if (wfc_opcode_flags(i->op) & WFC_OPF_TERM) {
                falls = 0;
                break;
            }
        }
        if (falls && b->next && !b->next->labelled) {
            b->next->exstack = xalloc(c, sizeof(hstack));
            *b->next->exstack = cur;
            b->next->labelled = 1;
            *sp++ = b->next;
        }
    }
}

static const char **copy_names(C *c, const strtab *t) {
    const char **v = oalloc(c, (size_t)(t->n ? t->n : 1) * sizeof *v);
    for (int i = 0; i < t->n; i++) v[i] = ostr0(c, t->v[i]);
    return v;
}

/* Peephole, as 3.11's optimize_basic_block: LOAD_CONST x n; BUILD_TUPLE n
 * -> LOAD_CONST (tuple) (fold_tuple_on_constants); a conditional jump on a
 * constant becomes an unconditional jump or nothing, so the code it can no
 * longer reach is dropped (and the constants only that code used).  Last,
 * LOAD_FAST before an instruction that consumes it becomes a
 * superinstruction head. */
static void peephole(C *c, unit *u) {
    unit *saved = c->u;
    c->u = u;
    for (block *b = u->entry; b; b = b->next)
        for (int k = 0; k < b->n; k++) {
            instr *i = &b->ins[k];
            if (i->op != WFC_BUILD_TUPLE || i->arg > k) continue;
            int n = i->arg, ok = 1;
            for (int j = k - n; j < k && ok; j++) ok = b->ins[j].op == WFC_LOAD_CONST;
            if (!ok) continue;
            wfc_constant *t = tuple_const(c, n);
            for (int j = 0; j < n; j++) t->elts[j] = u->consts[b->ins[k - n + j].arg];
            for (int j = k - n; j < k; j++) b->ins[j].op = WFC_NOP, b->ins[j].arg = 0;
            i->op = WFC_LOAD_CONST;
            i->arg = add_const_owned(c, t);
        }
    for (block *b = u->entry; b; b = b->next) {
        if (b->n < 2) continue;
        instr *ld = &b->ins[b->n - 2], *j = &b->ins[b->n - 1];
        if (ld->op != WFC_LOAD_CONST || !j->target) continue;
        int t = const_truth(u->consts[ld->arg]);
        if (t < 0) continue;
        switch (j->op) {
        case WFC_POP_JUMP_IF_FALSE:
        case WFC_POP_JUMP_IF_TRUE:
            ld->op = WFC_NOP;
            if (t == (j->op == WFC_POP_JUMP_IF_TRUE)) {
                j->op = WFC_JUMP;
            } else {
                j->op = WFC_NOP;
                j->target = NULL;
            }
            break;
        case WFC_JUMP_IF_FALSE_OR_POP:
        case WFC_JUMP_IF_TRUE_OR_POP:
            if (t == (j->op == WFC_JUMP_IF_TRUE_OR_POP)) {
                j->op = WFC_JUMP; /* the value stays */
            } else {
                ld->op = WFC_NOP;
                j->op = WFC_NOP;
                j->target = NULL;
            }
            break;
        default: break;
        }
    }
    /* Superinstruction heads (opcodes.h): a LOAD_FAST whose local is the
     * top operand of the next instruction in the same block. */
    static const int heads[][2] = {
        {WFC_LOAD_ATTR, WFC_LOAD_FAST__LOAD_ATTR},       {WFC_STORE_ATTR, WFC_LOAD_FAST__STORE_ATTR},
        {WFC_BINARY_OP, WFC_LOAD_FAST__BINARY_OP},       {WFC_BINARY_SUBSCR, WFC_LOAD_FAST__BINARY_SUBSCR},
        {WFC_COMPARE_OP, WFC_LOAD_FAST__COMPARE_OP},     {WFC_UNPACK_SEQUENCE, WFC_LOAD_FAST__UNPACK_SEQUENCE},
        {WFC_RETURN_VALUE, WFC_LOAD_FAST__RETURN_VALUE},
    };
    for (block *b = u->entry; b; b = b->next)
        for (int k = 0; k + 1 < b->n; k++) {
            if (b->ins[k].op != WFC_LOAD_FAST) continue;
            for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
                if (b->ins[k + 1].op == heads[h][0]) b->ins[k].op = heads[h][1];
        }
    /* ... and one whose local is the other operand: LOAD_FAST, then a
     * LOAD_FAST (now its own head) or LOAD_CONST, then the operation. */
    static const int heads3[][4] = {
        {WFC_BINARY_OP, WFC_LOAD_FAST__BINARY_OP, WFC_LOAD_FAST__LOAD_FAST__BINARY_OP,
         WFC_LOAD_FAST__LOAD_CONST__BINARY_OP},
        {WFC_BINARY_SUBSCR, WFC_LOAD_FAST__BINARY_SUBSCR, WFC_LOAD_FAST__LOAD_FAST__BINARY_SUBSCR,
         WFC_LOAD_FAST__LOAD_CONST__BINARY_SUBSCR},
        {WFC_COMPARE_OP, WFC_LOAD_FAST__COMPARE_OP, WFC_LOAD_FAST__LOAD_FAST__COMPARE_OP,
         WFC_LOAD_FAST__LOAD_CONST__COMPARE_OP},
    };
    for (block *b = u->entry; b; b = b->next)
        for (int k = 0; k + 2 < b->n; k++) {
            if (b->ins[k].op != WFC_LOAD_FAST) continue;
            for (size_t h = 0; h < sizeof heads3 / sizeof *heads3; h++) {
                if (b->ins[k + 2].op != heads3[h][0]) continue;
                if (b->ins[k + 1].op == heads3[h][1]) b->ins[k].op = heads3[h][2];
                else if (b->ins[k + 1].op == WFC_LOAD_CONST) b->ins[k].op = heads3[h][3];
            }
        }
    c->u = saved;
}

static wfc_code *assemble(C *c, unit *u) {
    peephole(c, u);
    int nblocks = 0;
    for (block *b = u->entry; b; b = b->next) nblocks++;
    int maxdepth = stackdepth(c, u, nblocks);
    label_handlers(c, u, nblocks);

    /* localsplus */
    int nlocals = u->varnames.n;
    int ncells = u->cellvars.n, nfree = u->freevars.n;
    int *cellslot = xalloc(c, (size_t)(ncells + nfree + 1) * sizeof *cellslot);
    int nlp = nlocals;
    for (int i = 0; i < ncells; i++) {
        int j = st_find(&u->varnames, u->cellvars.v[i]);
        cellslot[i] = j >= 0 ? j : nlp++;
    }
    for (int i = 0; i < nfree; i++) cellslot[ncells + i] = nlp++;
    const char **lp = oalloc(c, (size_t)(nlp ? nlp : 1) * sizeof *lp);
    uint8_t *kinds = oalloc(c, (size_t)(nlp ? nlp : 1));
    int nargs = u->argcount + u->kwonly + (u->ste->varargs ? 1 : 0) + (u->ste->varkeywords ? 1 : 0);
    for (int i = 0; i < nlocals; i++) {
        lp[i] = ostr0(c, u->varnames.v[i]);
        kinds[i] = WFC_LP_LOCAL | (i < nargs ? WFC_LP_ARG : 0);
    }
    for (int i = 0; i < ncells; i++) {
        if (cellslot[i] >= nlocals) lp[cellslot[i]] = ostr0(c, u->cellvars.v[i]);
        kinds[cellslot[i]] |= WFC_LP_CELL;
    }
    for (int i = 0; i < nfree; i++) {
        lp[cellslot[ncells + i]] = ostr0(c, u->freevars.v[i]);
        kinds[cellslot[ncells + i]] = WFC_LP_FREE;
    }

    /* prefix: cells, free variables, generator start, RESUME */
    {
        block *pre = new_block(c);
        block *saved = u->cur;
        u->cur = pre;
        wfc_pos sl = u->loc;
        u->loc = (wfc_pos){u->firstlineno, u->firstlineno, -1, -1};
        for (int i = 0; i < ncells; i++) emit_raw(c, WFC_MAKE_CELL, i, NULL);
        if (nfree) emit_raw(c, WFC_COPY_FREE_VARS, nfree, NULL);
        int gen = u->ste->generator || (u->ste->coroutine && u->ste->type == WFC_BLOCK_FUNCTION);
        if (u->ste->type != WFC_BLOCK_FUNCTION) gen = 0;
        if (gen) {
            emit_raw(c, WFC_RETURN_GENERATOR, 0, NULL);
            emit_raw(c, WFC_POP_TOP, 0, NULL);
        }
        emit_raw(c, WFC_RESUME, 0, NULL);
        u->loc = sl;
        u->cur = saved;
        pre->next = u->entry;
        pre->startdepth = 0;
        u->entry = pre;
    }

    /* offsets (reachable blocks only, NOPs dropped) */
    int off = 0;
    for (block *b = u->entry; b; b = b->next) {
        b->offset = off;
        if (b->startdepth < 0) continue;
        for (int k = 0; k < b->n; k++)
            if (b->ins[k].op != WFC_NOP) off++;
    }
    int n = off;
    uint32_t *code = oalloc(c, (size_t)(n ? n : 1) * sizeof *code);
    wfc_pos *pos = oalloc(c, (size_t)(n ? n : 1) * sizeof *pos);
    wfc_exc_entry *ex = oalloc(c, (size_t)(n ? n : 1) * sizeof *ex);
    int nex = 0, ncaches = 0;
    block *cur_h = NULL;
    int k0 = 0;
    for (block *b = u->entry; b; b = b->next) {
        if (b->startdepth < 0) continue;
        for (int k = 0; k < b->n; k++) {
            instr *i = &b->ins[k];
            if (i->op == WFC_NOP) continue;
            int arg = i->arg;
            if (i->target) arg = i->target->offset; /* NOPs and empty blocks take no space */
            wfc_argkind ak = wfc_opcode_argkind(i->op);
            if (ak == WFC_AK_DEREF) arg = cellslot[arg];
            if (i->op == WFC_MAKE_CELL) arg = cellslot[i->arg];
            if (arg > WFC_MAX_ARG) cerror_at(c, i->pos, "code object too large");
            code[k0] = WFC_INSTR(i->op, arg);
            pos[k0] = i->pos;
            if (wfc_opcode_flags(i->op) & WFC_OPF_CACHE) ncaches++;
            /* exception table */
            if (i->handler != cur_h) {
                if (cur_h) ex[nex - 1].end = (uint32_t)k0;
                cur_h = i->handler;
                if (cur_h) {
                    ex[nex].start = (uint32_t)k0;
                    ex[nex].target = 0;
                    ex[nex].depth = (uint32_t)(cur_h->startdepth - 1 - cur_h->preserve_lasti);
                    ex[nex].lasti = (uint32_t)cur_h->preserve_lasti;
                    ex[nex].end = (uint32_t)k0;
                    ex[nex].target = (uint32_t)cur_h->offset;
                    nex++;
                }
            }
            k0++;
        }
    }
    if (cur_h) ex[nex - 1].end = (uint32_t)k0;
    wfc_code *co = oalloc(c, sizeof *co);
    co->filename = ostr0(c, c->filename);
    co->name = u->name;
    co->qualname = u->qualname;
    co->firstlineno = u->firstlineno;
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonly;
    co->kwonlyargcount = u->kwonly;
    co->stacksize = maxdepth;
    co->nlocalsplus = nlp;
    co->nlocals = nlocals;
    co->ncellvars = ncells;
    co->nfreevars = nfree;
    co->localsplus = lp;
    co->kinds = kinds;
    co->names = copy_names(c, &u->names);
    co->nnames = u->names.n;
    /* drop constants only unreachable code used (3.11's remove_unused_consts);
     * the first one (docstring or None) always stays */
    int *cmap = xalloc(c, (size_t)(u->nconsts ? u->nconsts : 1) * sizeof *cmap);
    for (int i = 0; i < u->nconsts; i++) cmap[i] = i == 0 ? 0 : -1;
    for (int i = 0; i < n; i++) {
        int op = WFC_OP(code[i]);
        if (wfc_opcode_argkind(op) == WFC_AK_CONST) cmap[WFC_ARG(code[i])] = 0;
    }
    int nc = 0;
    for (int i = 0; i < u->nconsts; i++)
        if (cmap[i] == 0) cmap[i] = nc++;
    const wfc_constant **consts = oalloc(c, (size_t)(nc ? nc : 1) * sizeof *consts);
    for (int i = 0; i < u->nconsts; i++)
        if (cmap[i] >= 0) consts[cmap[i]] = u->consts[i];
    for (int i = 0; i < n; i++) {
        int op = WFC_OP(code[i]);
        if (wfc_opcode_argkind(op) == WFC_AK_CONST) code[i] = WFC_INSTR(op, cmap[WFC_ARG(code[i])]);
    }
    co->consts = consts;
    u->nconsts = u->nconsts ? nc : 0;
    co->nconsts = u->nconsts;
    co->code = code;
    co->positions = pos;
    co->ninstrs = n;
    co->exctable = ex;
    co->nexc = nex;
    co->ncaches = ncaches;
    int flags = 0;
    const wfc_ste *ste = u->ste;
    if (ste->type == WFC_BLOCK_FUNCTION) {
        flags |= WFC_CO_NEWLOCALS | WFC_CO_OPTIMIZED;
        if (ste->nested) flags |= WFC_CO_NESTED;
        if (ste->generator && !ste->coroutine) flags |= WFC_CO_GENERATOR;
        if (!ste->generator && ste->coroutine) flags |= WFC_CO_COROUTINE;
        if (ste->generator && ste->coroutine) flags |= WFC_CO_ASYNC_GENERATOR;
        if (ste->varargs) flags |= WFC_CO_VARARGS;
        if (ste->varkeywords) flags |= WFC_CO_VARKEYWORDS;
    }
    if (c->future_annotations) flags |= WFC_CO_FUTURE_ANNOTATIONS;
    co->flags = flags;
    return co;
}

static wfc_code *compile_unit_end(C *c, int add_return) {
    unit *u = c->u;
    if (add_return) {
        u->loc = NOPOS;
        load_none(c);
        emit(c, WFC_RETURN_VALUE, 0);
    }
    /* a block left open after a terminator is empty; make sure the layout
     * ends with a terminator */
    wfc_code *co = assemble(c, u);
    c->u = u->prev;
    return co;
}

static void compile_module(C *c, const wfc_mod *mod) {
    enter_unit(c, "<module>", SC_MODULE, mod, 1);
    unit *u = c->u;
    const wfc_seq *body = mod->kind == WFC_Module ? mod->v.Module.body : mod->v.Interactive.body;
    if (find_ann(body)) {
        u->loc = NOPOS;
        emit(c, WFC_SETUP_ANNOTATIONS, 0);
    }
    int i = 0;
    if (mod->kind == WFC_Module && is_docstring(body)) {
        i = 1;
        if (c->optimize < 2) {
            const wfc_stmt *d = body->items[0];
            u->loc = POS(d);
            load_const(c, d->v.Expr.value->v.Constant.value);
            emit(c, WFC_STORE_NAME, name_index_raw(c, "__doc__"));
        }
    }
    /* the future-import prefix */
    int future_ok = 1;
    for (; i < body->len; i++) {
        const wfc_stmt *s = body->items[i];
        if (future_ok && s->kind == WFC_ImportFrom && s->v.ImportFrom.module && s->v.ImportFrom.level == 0 &&
            strcmp(s->v.ImportFrom.module, "__future__") == 0) {
            u->loc = POS(s);
            stmt_import_from(c, s, 1);
            continue;
        }
        future_ok = 0;
        visit_stmt(c, s);
    }
    u->loc = NOPOS;
    load_none(c);
    emit(c, WFC_RETURN_VALUE, 0);
}

void wfc_code_unit_free(wfc_code_unit *u) {
    if (!u) return;
    wfc_arena_free(u->arena);
    free(u);
}

wfc_code_unit *wfc_compile(wfc_mod *mod, wfc_arena *ast_arena, const char *src, size_t len, const char *filename,
                           int optimize, wfc_syntax_error *err) {
    memset(err, 0, sizeof *err);
    if (wfc_check_depth(mod, err) < 0) return NULL;
    if (wfc_ast_optimize(mod, ast_arena, optimize, err) < 0) return NULL;
    wfc_symtable *st = wfc_symtable_build(mod, src, len, err);
    if (!st) return NULL;
    if (wfc_validate_codegen(mod, src, len, err) < 0) {
        wfc_symtable_free(st);
        return NULL;
    }
    C *c = calloc(1, sizeof *c);
    wfc_code_unit *out = calloc(1, sizeof *out);
    if (!c || !out || !(c->a = wfc_arena_new()) || !(out->arena = wfc_arena_new())) {
        if (c) wfc_arena_free(c->a);
        if (out) wfc_arena_free(out->arena);
        free(c);
        free(out);
        wfc_symtable_free(st);
        err->kind = WFC_ERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    c->out = out->arena;
    c->ast_arena = ast_arena;
    c->st = st;
    c->filename = filename;
    c->src = src;
    c->len = len;
    c->optimize = optimize;
    c->err = err;
    c->warn_tail = &out->warnings;
    c->future_annotations = st->future_annotations;
    c->interactive = mod->kind == WFC_Interactive;
    wfo_strbuf_init(&c->tmp);
    if (setjmp(c->jb)) {
        wfo_strbuf_free(&c->tmp);
        wfc_arena_free(c->a);
        wfc_symtable_free(c->st);
        wfc_code_unit_free(out);
        free(c);
        return NULL;
    }
    if (mod->kind == WFC_Expression) {
        enter_unit(c, "<module>", SC_MODULE, mod, 1);
        visit_expr(c, mod->v.Expression.body);
        emit(c, WFC_RETURN_VALUE, 0);
    } else {
        compile_module(c, mod);
    }
    out->top = assemble(c, c->u);
    wfo_strbuf_free(&c->tmp);
    wfc_arena_free(c->a);
    wfc_symtable_free(c->st);
    free(c);
    return out;
}
