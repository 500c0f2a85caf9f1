/*
 * runtime/compiler/symtable.c — scopes and name classification (see
 * symtable.h), following the two passes of CPython 3.11's symtable.c:
 *
 *   1. the walk (st_stmt/st_expr) enters a scope per module, class,
 *      function, lambda and comprehension and records definition flags for
 *      every (mangled) name, raising the errors CPython raises while
 *      walking (global/nonlocal after use, duplicate parameters, yield in a
 *      comprehension, walrus rules, import * in a function);
 *   2. the analysis (analyze_block) decides each name's scope top-down with
 *      the sets of names bound in and declared global by enclosing
 *      function scopes, and bottom-up with the free names of children:
 *      locals captured by a nested function become cells, names free in a
 *      child propagate up as free, `__class__` used by a method makes the
 *      class need a __class__ cell.
 *
 * Sets during analysis are small name sets (struct nset, linear arrays of
 * interned-by-content strings); symbol lookup in a scope is hashed.
 * Errors longjmp to wfc_symtable_build, which frees everything.
 */
#include "runtime/compiler/symtable.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/arena.h"
#include "runtime/objects/repr.h"

typedef struct S {
    wfc_symtable *st;
    wfc_ste *cur;
    const char *priv; /* class name for mangling, or NULL */
    const char *src;
    size_t len;
    wfc_syntax_error *err;
    /* the arrays of the analysis' name sets (nsets live on the stack of
     * frames an error longjmps past, so the error path frees these) */
    void **live_sets;
    int nlive, live_cap;
    jmp_buf jb;
} S;

/* ----- errors ----- */

__attribute__((noreturn, format(printf, 6, 7))) static void st_error(S *s, int l, int c, int el, int ec,
                                                                     const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    wfc_syntax_error_vset(s->err, s->src, s->len, l, c, el, ec, fmt, ap);
    va_end(ap);
    longjmp(s->jb, 1);
}

__attribute__((noreturn)) static void st_nomem(S *s) {
    s->err->kind = WFC_ERR_MEMORY;
    snprintf(s->err->msg, sizeof s->err->msg, "out of memory");
    longjmp(s->jb, 1);
}

typedef struct loc {
    int l, c, el, ec;
} loc;
#define LOC(n) ((loc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

static void *xrealloc(S *s, void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) st_nomem(s);
    return q;
}

/* ----- names ----- */

static uint32_t hash_str(const char *p) {
    uint32_t h = 2166136261u;
    for (; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    return h;
}

const char *wfc_mangle(wfc_arena *a, const char *priv, const char *name) {
    if (!priv || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    /* dunder names and dotted names (import a.b) are not mangled */
    if (name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*priv == '_') priv++;
    if (!*priv) return name;
    size_t pn = strlen(priv);
    char *r = wfc_arena_alloc(a, 1 + pn + n + 1);
    if (!r) return NULL;
    r[0] = '_';
    memcpy(r + 1, priv, pn);
    memcpy(r + 1 + pn, name, n + 1);
    return r;
}

static const char *mangle(S *s, const char *name) {
    const char *m = wfc_mangle(s->st->arena, s->priv, name);
    if (!m) st_nomem(s);
    return m;
}

static int find_sym(const wfc_ste *e, const char *name) {
    if (!e->hcap) return -1;
    uint32_t h = hash_str(name) & (uint32_t)(e->hcap - 1);
    for (;;) {
        int i = e->hash[h];
        if (!i) return -1;
        if (strcmp(e->syms[i - 1].name, name) == 0) return i - 1;
        h = (h + 1) & (uint32_t)(e->hcap - 1);
    }
}

const wfc_symbol *wfc_ste_symbol(const wfc_ste *ste, const char *name) {
    int i = find_sym(ste, name);
    return i < 0 ? NULL : &ste->syms[i];
}

int wfc_ste_scope(const wfc_ste *ste, const char *name) {
    const wfc_symbol *y = wfc_ste_symbol(ste, name);
    return y ? y->scope : 0;
}

static void rehash(S *s, wfc_ste *e) {
    int nc = e->hcap ? e->hcap * 2 : 32;
    int *h = calloc((size_t)nc, sizeof *h);
    if (!h) st_nomem(s);
    for (int i = 0; i < e->nsyms; i++) {
        uint32_t k = hash_str(e->syms[i].name) & (uint32_t)(nc - 1);
        while (h[k]) k = (k + 1) & (uint32_t)(nc - 1);
        h[k] = i + 1;
    }
    free(e->hash);
    e->hash = h;
    e->hcap = nc;
}

static wfc_symbol *get_sym(S *s, wfc_ste *e, const char *name) {
    int i = find_sym(e, name);
    if (i >= 0) return &e->syms[i];
    if (e->nsyms == e->scap) {
        e->scap = e->scap ? e->scap * 2 : 16;
        e->syms = xrealloc(s, e->syms, (size_t)e->scap * sizeof *e->syms);
    }
    if ((e->nsyms + 1) * 2 > e->hcap) rehash(s, e);
    wfc_symbol *y = &e->syms[e->nsyms];
    y->name = name;
    y->flags = 0;
    y->scope = 0;
    uint32_t k = hash_str(name) & (uint32_t)(e->hcap - 1);
    while (e->hash[k]) k = (k + 1) & (uint32_t)(e->hcap - 1);
    e->hash[k] = ++e->nsyms;
    return y;
}

static int lookup_flags(S *s, const char *name) {
    int i = find_sym(s->cur, mangle(s, name));
    return i < 0 ? 0 : s->cur->syms[i].flags;
}

/* symtable_add_def_helper: record `flag` for `name` in scope `e`. */
static void add_def_in(S *s, const char *name, int flag, wfc_ste *e, loc at) {
    const char *m = mangle(s, name);
    wfc_symbol *y = get_sym(s, e, m);
    int val = y->flags;
    if ((flag & WFC_DEF_PARAM) && (val & WFC_DEF_PARAM))
        st_error(s, at.l, at.c, at.el, at.ec, "duplicate argument '%s' in function definition", name);
    val |= flag;
    if (e->comp_iter_target) {
        if (val & (WFC_DEF_GLOBAL | WFC_DEF_NONLOCAL))
            st_error(s, at.l, at.c, -1, -1, "comprehension inner loop cannot rebind assignment expression target '%s'",
                     name);
        val |= WFC_DEF_COMP_ITER;
    }
    y->flags = val;
    if (flag & WFC_DEF_PARAM) {
        if (e->nvarnames == e->vcap) {
            e->vcap = e->vcap ? e->vcap * 2 : 8;
            e->varnames = xrealloc(s, e->varnames, (size_t)e->vcap * sizeof *e->varnames);
        }
        e->varnames[e->nvarnames++] = m;
    } else if (flag & WFC_DEF_GLOBAL) {
        /* a global declaration is also recorded in the module's table */
        wfc_symbol *g = get_sym(s, s->st->top, m);
        g->flags |= flag;
    }
}

static void add_def(S *s, const char *name, int flag, loc at) { add_def_in(s, name, flag, s->cur, at); }

/* ----- scopes ----- */

static wfc_ste *enter(S *s, const char *name, wfc_block_type type, const void *key, loc at, int attach) {
    wfc_symtable *st = s->st;
    wfc_ste *e = wfc_arena_alloc(st->arena, sizeof *e);
    if (!e) st_nomem(s);
    e->type = type;
    e->name = name;
    e->key = key;
    e->lineno = at.l;
    e->col_offset = at.c;
    e->end_lineno = at.el;
    e->end_col_offset = at.ec;
    e->parent = s->cur;
    if (st->nall == st->allcap) {
        st->allcap = st->allcap ? st->allcap * 2 : 32;
        st->all = xrealloc(s, st->all, (size_t)st->allcap * sizeof *st->all);
    }
    st->all[st->nall++] = e;
    wfc_ste *p = s->cur;
    if (p && (p->nested || p->type == WFC_BLOCK_FUNCTION)) e->nested = 1;
    if (p && attach) {
        if (p->nchildren == p->ccap) {
            p->ccap = p->ccap ? p->ccap * 2 : 4;
            p->children = xrealloc(s, p->children, (size_t)p->ccap * sizeof *p->children);
        }
        p->children[p->nchildren++] = e;
    }
    /* 3.11 carries an enclosing annotation scope's kind into comprehensions */
    s->cur = e;
    return e;
}

static void leave(S *s) { s->cur = s->cur->parent; }

/* ----- walk ----- */

static void st_expr(S *s, const wfc_expr *e);
static void st_stmt(S *s, const wfc_stmt *x);

static void st_exprs(S *s, const wfc_seq *q) {
    for (int i = 0; q && i < q->len; i++)
        if (q->items[i]) st_expr(s, q->items[i]);
}
static void st_stmts(S *s, const wfc_seq *q) {
    for (int i = 0; q && i < q->len; i++) st_stmt(s, q->items[i]);
}
static void st_opt(S *s, const wfc_expr *e) {
    if (e) st_expr(s, e);
}

static void raise_if_annotation(S *s, const char *what, const wfc_expr *e) {
    if (s->cur->type == WFC_BLOCK_ANNOTATION)
        st_error(s, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, "'%s' can not be used within an annotation",
                 what);
}

static void st_annotation(S *s, const wfc_expr *ann) {
    if (s->st->future_annotations) {
        enter(s, "_annotation", WFC_BLOCK_ANNOTATION, ann, LOC(ann), 0);
        st_expr(s, ann);
        leave(s);
    } else {
        st_expr(s, ann);
    }
}

static void st_argannotations(S *s, const wfc_seq *args) {
    for (int i = 0; i < args->len; i++) {
        const wfc_arg *a = args->items[i];
        if (a->annotation) st_expr(s, a->annotation);
    }
}

static void st_annotations(S *s, const void *key, const wfc_arguments *a, const wfc_expr *returns, loc at) {
    int fut = s->st->future_annotations;
    if (fut) enter(s, "_annotation", WFC_BLOCK_ANNOTATION, key, at, 0);
    st_argannotations(s, a->posonlyargs);
    st_argannotations(s, a->args);
    if (a->vararg && a->vararg->annotation) st_expr(s, a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) st_expr(s, a->kwarg->annotation);
    st_argannotations(s, a->kwonlyargs);
    if (fut) leave(s);
    if (returns) st_annotation(s, returns);
}

static void st_params(S *s, const wfc_seq *args) {
    for (int i = 0; i < args->len; i++) {
        const wfc_arg *a = args->items[i];
        add_def(s, a->arg, WFC_DEF_PARAM, LOC(a));
    }
}

static void st_arguments(S *s, const wfc_arguments *a) {
    st_params(s, a->posonlyargs);
    st_params(s, a->args);
    st_params(s, a->kwonlyargs);
    if (a->vararg) {
        add_def(s, a->vararg->arg, WFC_DEF_PARAM, LOC(a->vararg));
        s->cur->varargs = 1;
    }
    if (a->kwarg) {
        add_def(s, a->kwarg->arg, WFC_DEF_PARAM, LOC(a->kwarg));
        s->cur->varkeywords = 1;
    }
}

static void st_implicit_arg(S *s, loc at) { add_def(s, ".0", WFC_DEF_PARAM, at); }

static void st_comprehension_rest(S *s, const wfc_comprehension *c) {
    s->cur->comp_iter_target = 1;
    st_expr(s, c->target);
    s->cur->comp_iter_target = 0;
    s->cur->comp_iter_expr++;
    st_expr(s, c->iter);
    s->cur->comp_iter_expr--;
    st_exprs(s, c->ifs);
    if (c->is_async) s->cur->coroutine = 1;
}

static void st_handle_comprehension(S *s, const wfc_expr *e, const char *name, wfc_comp_kind kind,
                                    const wfc_seq *gens, const wfc_expr *elt, const wfc_expr *value) {
    const wfc_comprehension *outer = gens->items[0];
    /* the outermost iterator is evaluated in the enclosing scope */
    s->cur->comp_iter_expr++;
    st_expr(s, outer->iter);
    s->cur->comp_iter_expr--;
    wfc_ste *c = enter(s, name, WFC_BLOCK_FUNCTION, e, LOC(e), 1);
    c->comp = kind;
    if (kind == WFC_COMP_GENEXP) c->generator = 1;
    if (outer->is_async) c->coroutine = 1;
    st_implicit_arg(s, LOC(e));
    c->comp_iter_target = 1;
    st_expr(s, outer->target);
    c->comp_iter_target = 0;
    st_exprs(s, outer->ifs);
    for (int i = 1; i < gens->len; i++) st_comprehension_rest(s, gens->items[i]);
    if (value) st_expr(s, value);
    st_expr(s, elt);
    leave(s);
    /* awaiting a list/set/dict comprehension makes the enclosing scope a
     * coroutine too (a generator expression is an async generator instead) */
    if (c->coroutine && kind != WFC_COMP_GENEXP) s->cur->coroutine = 1;
}

static const char *comp_what(wfc_comp_kind k) {
    switch (k) {
    case WFC_COMP_LIST: return "list comprehension";
    case WFC_COMP_SET: return "set comprehension";
    case WFC_COMP_DICT: return "dict comprehension";
    default: return "generator expression";
    }
}

/* symtable_extend_namedexpr_scope: a walrus target inside a comprehension
 * binds in the nearest enclosing function or module scope. */
static void st_extend_namedexpr(S *s, const wfc_expr *e, const wfc_expr *target) {
    const char *name = target->v.Name.id;
    const char *m = mangle(s, name);
    for (wfc_ste *x = s->cur; x; x = x->parent) {
        if (x->comp) {
            int i = find_sym(x, m);
            if (i >= 0 && (x->syms[i].flags & WFC_DEF_COMP_ITER))
                st_error(s, e->lineno, e->col_offset, -1, -1,
                         "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            continue;
        }
        if (x->type == WFC_BLOCK_FUNCTION) {
            int i = find_sym(x, m);
            int in = i >= 0 ? x->syms[i].flags : 0;
            add_def(s, name, (in & WFC_DEF_GLOBAL) ? WFC_DEF_GLOBAL : WFC_DEF_NONLOCAL, LOC(e));
            add_def_in(s, name, WFC_DEF_LOCAL, x, LOC(e));
            return;
        }
        if (x->type == WFC_BLOCK_MODULE) {
            add_def(s, name, WFC_DEF_GLOBAL, LOC(e));
            add_def_in(s, name, WFC_DEF_GLOBAL, x, LOC(e));
            return;
        }
        if (x->type == WFC_BLOCK_CLASS)
            st_error(s, e->lineno, e->col_offset, -1, -1,
                     "assignment expression within a comprehension cannot be used in a class body");
    }
}

static void st_expr(S *s, const wfc_expr *e) {
    switch (e->kind) {
    case WFC_NamedExpr:
        raise_if_annotation(s, "named expression", e);
        if (s->cur->comp_iter_expr > 0)
            st_error(s, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                     "assignment expression cannot be used in a comprehension iterable expression");
        if (s->cur->comp) st_extend_namedexpr(s, e, e->v.NamedExpr.target);
        st_expr(s, e->v.NamedExpr.value);
        st_expr(s, e->v.NamedExpr.target);
        break;
    case WFC_BoolOp: st_exprs(s, e->v.BoolOp.values); break;
    case WFC_BinOp:
        st_expr(s, e->v.BinOp.left);
        st_expr(s, e->v.BinOp.right);
        break;
    case WFC_UnaryOp: st_expr(s, e->v.UnaryOp.operand); break;
    case WFC_Lambda: {
        st_exprs(s, e->v.Lambda.args->defaults);
        st_exprs(s, e->v.Lambda.args->kw_defaults);
        enter(s, "lambda", WFC_BLOCK_FUNCTION, e, LOC(e), 1);
        st_arguments(s, e->v.Lambda.args);
        st_expr(s, e->v.Lambda.body);
        leave(s);
        break;
    }
    case WFC_IfExp:
        st_expr(s, e->v.IfExp.test);
        st_expr(s, e->v.IfExp.body);
        st_expr(s, e->v.IfExp.orelse);
        break;
    case WFC_Dict:
        st_exprs(s, e->v.Dict.keys);
        st_exprs(s, e->v.Dict.values);
        break;
    case WFC_Set: st_exprs(s, e->v.Set.elts); break;
    case WFC_GeneratorExp:
        st_handle_comprehension(s, e, "genexpr", WFC_COMP_GENEXP, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt,
                                NULL);
        break;
    case WFC_ListComp:
        st_handle_comprehension(s, e, "listcomp", WFC_COMP_LIST, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
        break;
    case WFC_SetComp:
        st_handle_comprehension(s, e, "setcomp", WFC_COMP_SET, e->v.SetComp.generators, e->v.SetComp.elt, NULL);
        break;
    case WFC_DictComp:
        st_handle_comprehension(s, e, "dictcomp", WFC_COMP_DICT, e->v.DictComp.generators, e->v.DictComp.key,
                                e->v.DictComp.value);
        break;
    case WFC_Yield:
    case WFC_YieldFrom:
        raise_if_annotation(s, e->kind == WFC_Yield ? "yield expression" : "yield expression", e);
        st_opt(s, e->kind == WFC_Yield ? e->v.Yield.value : e->v.YieldFrom.value);
        s->cur->generator = 1;
        if (s->cur->comp)
            st_error(s, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, "'yield' inside %s",
                     comp_what(s->cur->comp));
        break;
    case WFC_Await:
        raise_if_annotation(s, "await expression", e);
        st_expr(s, e->v.Await.value);
        s->cur->coroutine = 1;
        break;
    case WFC_Compare:
        st_expr(s, e->v.Compare.left);
        st_exprs(s, e->v.Compare.comparators);
        break;
    case WFC_Call:
        st_expr(s, e->v.Call.func);
        st_exprs(s, e->v.Call.args);
        for (int i = 0; i < e->v.Call.keywords->len; i++)
            st_expr(s, ((wfc_keyword *)e->v.Call.keywords->items[i])->value);
        break;
    case WFC_FormattedValue:
        st_expr(s, e->v.FormattedValue.value);
        st_opt(s, e->v.FormattedValue.format_spec);
        break;
    case WFC_JoinedStr: st_exprs(s, e->v.JoinedStr.values); break;
    case WFC_Constant: break;
    case WFC_Attribute: st_expr(s, e->v.Attribute.value); break;
    case WFC_Subscript:
        st_expr(s, e->v.Subscript.value);
        st_expr(s, e->v.Subscript.slice);
        break;
    case WFC_Starred: st_expr(s, e->v.Starred.value); break;
    case WFC_Slice:
        st_opt(s, e->v.Slice.lower);
        st_opt(s, e->v.Slice.upper);
        st_opt(s, e->v.Slice.step);
        break;
    case WFC_Name:
        add_def(s, e->v.Name.id, e->v.Name.ctx == WFC_Load ? WFC_USE : WFC_DEF_LOCAL, LOC(e));
        /* super() in a method needs the __class__ cell */
        if (e->v.Name.ctx == WFC_Load && s->cur->type == WFC_BLOCK_FUNCTION && strcmp(e->v.Name.id, "super") == 0)
            add_def(s, "__class__", WFC_USE, LOC(e));
        break;
    case WFC_List: st_exprs(s, e->v.List.elts); break;
    case WFC_Tuple: st_exprs(s, e->v.Tuple.elts); break;
    }
}

static void st_pattern(S *s, const wfc_pattern *p) {
    switch (p->kind) {
    case WFC_MatchValue: st_expr(s, p->v.MatchValue.value); break;
    case WFC_MatchSingleton: break;
    case WFC_MatchSequence:
        for (int i = 0; i < p->v.MatchSequence.patterns->len; i++) st_pattern(s, p->v.MatchSequence.patterns->items[i]);
        break;
    case WFC_MatchStar:
        if (p->v.MatchStar.name) add_def(s, p->v.MatchStar.name, WFC_DEF_LOCAL, LOC(p));
        break;
    case WFC_MatchMapping:
        st_exprs(s, p->v.MatchMapping.keys);
        for (int i = 0; i < p->v.MatchMapping.patterns->len; i++) st_pattern(s, p->v.MatchMapping.patterns->items[i]);
        if (p->v.MatchMapping.rest) add_def(s, p->v.MatchMapping.rest, WFC_DEF_LOCAL, LOC(p));
        break;
    case WFC_MatchClass:
        st_expr(s, p->v.MatchClass.cls);
        for (int i = 0; i < p->v.MatchClass.patterns->len; i++) st_pattern(s, p->v.MatchClass.patterns->items[i]);
        for (int i = 0; i < p->v.MatchClass.kwd_patterns->len; i++)
            st_pattern(s, p->v.MatchClass.kwd_patterns->items[i]);
        break;
    case WFC_MatchAs:
        if (p->v.MatchAs.pattern) st_pattern(s, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name) add_def(s, p->v.MatchAs.name, WFC_DEF_LOCAL, LOC(p));
        break;
    case WFC_MatchOr:
        for (int i = 0; i < p->v.MatchOr.patterns->len; i++) st_pattern(s, p->v.MatchOr.patterns->items[i]);
        break;
    }
}

static void st_alias(S *s, const wfc_alias *a) {
    const char *name = a->asname ? a->asname : a->name;
    const char *dot = strchr(name, '.');
    if (dot) {
        name = wfc_arena_strndup(s->st->arena, name, (size_t)(dot - name));
        if (!name) st_nomem(s);
    }
    if (strcmp(name, "*") != 0) {
        add_def(s, name, WFC_DEF_IMPORT, LOC(a));
    } else if (s->cur->type != WFC_BLOCK_MODULE) {
        st_error(s, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset, "import * only allowed at module level");
    }
}

static void st_decl(S *s, const wfc_stmt *x, int global) {
    const wfc_seq *names = global ? x->v.Global.names : x->v.Nonlocal.names;
    const char *what = global ? "global" : "nonlocal";
    for (int i = 0; i < names->len; i++) {
        const char *name = names->items[i];
        int cur = lookup_flags(s, name);
        if (cur & (WFC_DEF_PARAM | WFC_DEF_LOCAL | WFC_USE | WFC_DEF_ANNOT)) {
            const char *fmt = (cur & WFC_DEF_PARAM)   ? "name '%s' is parameter and %s"
                              : (cur & WFC_USE)       ? "name '%s' is used prior to %s declaration"
                              : (cur & WFC_DEF_ANNOT) ? "annotated name '%s' can't be %s"
                                                      : "name '%s' is assigned to before %s declaration";
            st_error(s, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset, fmt, name, what);
        }
        add_def(s, name, global ? WFC_DEF_GLOBAL : WFC_DEF_NONLOCAL, LOC(x));
    }
}

static void st_stmt(S *s, const wfc_stmt *x) {
    switch (x->kind) {
    case WFC_FunctionDef:
    case WFC_AsyncFunctionDef: {
        add_def(s, x->v.FunctionDef.name, WFC_DEF_LOCAL, LOC(x));
        const wfc_arguments *a = x->v.FunctionDef.args;
        st_exprs(s, a->defaults);
        st_exprs(s, a->kw_defaults);
        st_annotations(s, x, a, x->v.FunctionDef.returns, LOC(x));
        st_exprs(s, x->v.FunctionDef.decorator_list);
        wfc_ste *f = enter(s, x->v.FunctionDef.name, WFC_BLOCK_FUNCTION, x, LOC(x), 1);
        if (x->kind == WFC_AsyncFunctionDef) f->coroutine = 1;
        st_arguments(s, a);
        st_stmts(s, x->v.FunctionDef.body);
        leave(s);
        break;
    }
    case WFC_ClassDef: {
        add_def(s, x->v.ClassDef.name, WFC_DEF_LOCAL, LOC(x));
        st_exprs(s, x->v.ClassDef.bases);
        for (int i = 0; i < x->v.ClassDef.keywords->len; i++)
            st_expr(s, ((wfc_keyword *)x->v.ClassDef.keywords->items[i])->value);
        st_exprs(s, x->v.ClassDef.decorator_list);
        enter(s, x->v.ClassDef.name, WFC_BLOCK_CLASS, x, LOC(x), 1);
        const char *saved = s->priv;
        s->priv = x->v.ClassDef.name;
        st_stmts(s, x->v.ClassDef.body);
        s->priv = saved;
        leave(s);
        break;
    }
    case WFC_Return:
        if (x->v.Return.value) {
            st_expr(s, x->v.Return.value);
            s->cur->returns_value = 1;
        }
        break;
    case WFC_Delete: st_exprs(s, x->v.Delete.targets); break;
    case WFC_Assign:
        st_exprs(s, x->v.Assign.targets);
        st_expr(s, x->v.Assign.value);
        break;
    case WFC_AnnAssign: {
        const wfc_expr *t = x->v.AnnAssign.target;
        if (t->kind == WFC_Name) {
            int cur = lookup_flags(s, t->v.Name.id);
            if ((cur & (WFC_DEF_GLOBAL | WFC_DEF_NONLOCAL)) && s->cur != s->st->top && x->v.AnnAssign.simple)
                st_error(s, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset,
                         "annotated name '%s' can't be %s", t->v.Name.id,
                         (cur & WFC_DEF_GLOBAL) ? "global" : "nonlocal");
            if (x->v.AnnAssign.simple)
                add_def(s, t->v.Name.id, WFC_DEF_ANNOT | WFC_DEF_LOCAL, LOC(t));
            else if (x->v.AnnAssign.value)
                add_def(s, t->v.Name.id, WFC_DEF_LOCAL, LOC(t));
        } else {
            st_expr(s, t);
        }
        st_annotation(s, x->v.AnnAssign.annotation);
        st_opt(s, x->v.AnnAssign.value);
        break;
    }
    case WFC_AugAssign:
        st_expr(s, x->v.AugAssign.target);
        st_expr(s, x->v.AugAssign.value);
        break;
    case WFC_For:
    case WFC_AsyncFor:
        st_expr(s, x->v.For.target);
        st_expr(s, x->v.For.iter);
        st_stmts(s, x->v.For.body);
        st_stmts(s, x->v.For.orelse);
        break;
    case WFC_While:
        st_expr(s, x->v.While.test);
        st_stmts(s, x->v.While.body);
        st_stmts(s, x->v.While.orelse);
        break;
    case WFC_If:
        st_expr(s, x->v.If.test);
        st_stmts(s, x->v.If.body);
        st_stmts(s, x->v.If.orelse);
        break;
    case WFC_Match:
        st_expr(s, x->v.Match.subject);
        for (int i = 0; i < x->v.Match.cases->len; i++) {
            const wfc_match_case *mc = x->v.Match.cases->items[i];
            st_pattern(s, mc->pattern);
            st_opt(s, mc->guard);
            st_stmts(s, mc->body);
        }
        break;
    case WFC_Raise:
        if (x->v.Raise.exc) {
            st_expr(s, x->v.Raise.exc);
            st_opt(s, x->v.Raise.cause);
        }
        break;
    case WFC_Try:
    case WFC_TryStar:
        st_stmts(s, x->v.Try.body);
        st_stmts(s, x->v.Try.orelse);
        for (int i = 0; i < x->v.Try.handlers->len; i++) {
            const wfc_excepthandler *h = x->v.Try.handlers->items[i];
            st_opt(s, h->v.ExceptHandler.type);
            if (h->v.ExceptHandler.name) add_def(s, h->v.ExceptHandler.name, WFC_DEF_LOCAL, LOC(h));
            st_stmts(s, h->v.ExceptHandler.body);
        }
        st_stmts(s, x->v.Try.finalbody);
        break;
    case WFC_Assert:
        st_expr(s, x->v.Assert.test);
        st_opt(s, x->v.Assert.msg);
        break;
    case WFC_Import:
        for (int i = 0; i < x->v.Import.names->len; i++) st_alias(s, x->v.Import.names->items[i]);
        break;
    case WFC_ImportFrom:
        for (int i = 0; i < x->v.ImportFrom.names->len; i++) st_alias(s, x->v.ImportFrom.names->items[i]);
        break;
    case WFC_Global: st_decl(s, x, 1); break;
    case WFC_Nonlocal: st_decl(s, x, 0); break;
    case WFC_Expr: st_expr(s, x->v.Expr.value); break;
    case WFC_Pass:
    case WFC_Break:
    case WFC_Continue: break;
    case WFC_With:
    case WFC_AsyncWith:
        for (int i = 0; i < x->v.With.items->len; i++) {
            const wfc_withitem *w = x->v.With.items->items[i];
            st_expr(s, w->context_expr);
            st_opt(s, w->optional_vars);
        }
        st_stmts(s, x->v.With.body);
        break;
    }
}

/* ----- analysis ----- */

typedef struct nset {
    const char **v;
    int n, cap;
} nset;

static int ns_has(const nset *a, const char *name) {
    for (int i = 0; i < a->n; i++)
        if (a->v[i] == name || strcmp(a->v[i], name) == 0) return 1;
    return 0;
}
/* The array of a set is recorded in s->live_sets while allocated. */
static int live_find(S *s, const void *v) {
    for (int i = s->nlive - 1; i >= 0; i--)
        if (s->live_sets[i] == v) return i;
    return -1;
}
static void ns_add(S *s, nset *a, const char *name) {
    if (ns_has(a, name)) return;
    if (a->n == a->cap) {
        if (!a->v && s->nlive == s->live_cap) {
            int cap = s->live_cap ? s->live_cap * 2 : 32;
            s->live_sets = xrealloc(s, s->live_sets, (size_t)cap * sizeof *s->live_sets);
            s->live_cap = cap;
        }
        int slot = a->v ? live_find(s, a->v) : s->nlive++;
        a->cap = a->cap ? a->cap * 2 : 8;
        void *nv = realloc(a->v, (size_t)a->cap * sizeof *a->v);
        if (!nv) {
            if (!a->v) s->nlive--;
            st_nomem(s);
        }
        a->v = nv;
        s->live_sets[slot] = nv;
    }
    a->v[a->n++] = name;
}
static void ns_del(nset *a, const char *name) {
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->v[i], name) == 0) {
            a->v[i] = a->v[--a->n];
            return;
        }
}
static void ns_union(S *s, nset *a, const nset *b) {
    for (int i = 0; i < b->n; i++) ns_add(s, a, b->v[i]);
}
static void ns_copy(S *s, nset *a, const nset *b) {
    a->n = 0;
    ns_union(s, a, b);
}
static void ns_free(S *s, nset *a) {
    if (a->v) {
        int i = live_find(s, a->v);
        s->live_sets[i] = s->live_sets[--s->nlive];
    }
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

/* The directive (global/nonlocal statement or walrus) that declared name
 * in scope e: found by re-walking e's own statements. */
typedef struct dfind {
    const char *name;
    const char *priv;
    wfc_arena *arena;
    loc at;
    int found;
} dfind;

static void find_directive_stmts(dfind *d, const wfc_seq *q);
static void find_directive_stmt(dfind *d, const wfc_stmt *x) {
    if (d->found) return;
    switch (x->kind) {
    case WFC_Global:
    case WFC_Nonlocal: {
        const wfc_seq *names = x->v.Global.names;
        for (int i = 0; i < names->len; i++)
            if (strcmp(wfc_mangle(d->arena, d->priv, names->items[i]), d->name) == 0) {
                d->at = LOC(x);
                d->found = 1;
                return;
            }
        break;
    }
    case WFC_For:
    case WFC_AsyncFor:
        find_directive_stmts(d, x->v.For.body);
        find_directive_stmts(d, x->v.For.orelse);
        break;
    case WFC_While:
        find_directive_stmts(d, x->v.While.body);
        find_directive_stmts(d, x->v.While.orelse);
        break;
    case WFC_If:
        find_directive_stmts(d, x->v.If.body);
        find_directive_stmts(d, x->v.If.orelse);
        break;
    case WFC_With:
    case WFC_AsyncWith: find_directive_stmts(d, x->v.With.body); break;
    case WFC_Match:
        for (int i = 0; i < x->v.Match.cases->len; i++)
            find_directive_stmts(d, ((wfc_match_case *)x->v.Match.cases->items[i])->body);
        break;
    case WFC_Try:
    case WFC_TryStar:
        find_directive_stmts(d, x->v.Try.body);
        find_directive_stmts(d, x->v.Try.orelse);
        for (int i = 0; i < x->v.Try.handlers->len; i++)
            find_directive_stmts(d, ((wfc_excepthandler *)x->v.Try.handlers->items[i])->v.ExceptHandler.body);
        find_directive_stmts(d, x->v.Try.finalbody);
        break;
    default: break;
    }
}
static void find_directive_stmts(dfind *d, const wfc_seq *q) {
    for (int i = 0; q && i < q->len && !d->found; i++) find_directive_stmt(d, q->items[i]);
}

__attribute__((noreturn)) static void error_at_directive(S *s, const wfc_ste *e, const char *name, const char *fmt) {
    dfind d = {name, NULL, s->st->arena, {e->lineno, e->col_offset, e->end_lineno, e->end_col_offset}, 0};
    for (const wfc_ste *p = e; p; p = p->parent)
        if (p->type == WFC_BLOCK_CLASS) {
            d.priv = p->name;
            break;
        }
    const wfc_stmt *k = e->key;
    if (e->type == WFC_BLOCK_MODULE) find_directive_stmts(&d, ((const wfc_mod *)e->key)->v.Module.body);
    else if (e->type == WFC_BLOCK_CLASS) find_directive_stmts(&d, k->v.ClassDef.body);
    else if (!e->comp && strcmp(e->name, "lambda") != 0)
        find_directive_stmts(&d, k->v.FunctionDef.body);
    st_error(s, d.at.l, d.at.c, d.at.el, d.at.ec, fmt, name);
}

static void analyze_name(S *s, wfc_ste *e, wfc_symbol *y, nset *bound, int have_bound, nset *local, nset *free,
                         nset *global) {
    const char *name = y->name;
    int flags = y->flags;
    if (flags & WFC_DEF_GLOBAL) {
        if (flags & WFC_DEF_NONLOCAL) error_at_directive(s, e, name, "name '%s' is nonlocal and global");
        y->scope = WFC_SCOPE_GLOBAL_EXPLICIT;
        ns_add(s, global, name);
        if (have_bound) ns_del(bound, name);
        return;
    }
    if (flags & WFC_DEF_NONLOCAL) {
        if (!have_bound) error_at_directive(s, e, name, "nonlocal declaration not allowed at module level");
        if (!ns_has(bound, name)) error_at_directive(s, e, name, "no binding for nonlocal '%s' found");
        y->scope = WFC_SCOPE_FREE;
        e->has_free = 1;
        ns_add(s, free, name);
        return;
    }
    if (flags & WFC_DEF_BOUND) {
        y->scope = WFC_SCOPE_LOCAL;
        ns_add(s, local, name);
        ns_del(global, name);
        return;
    }
    if (have_bound && ns_has(bound, name)) {
        y->scope = WFC_SCOPE_FREE;
        e->has_free = 1;
        ns_add(s, free, name);
        return;
    }
    if (ns_has(global, name)) {
        y->scope = WFC_SCOPE_GLOBAL_IMPLICIT;
        return;
    }
    if (e->nested) e->has_free = 1;
    y->scope = WFC_SCOPE_GLOBAL_IMPLICIT;
}

static void analyze_block(S *s, wfc_ste *e, nset *bound, int have_bound, nset *free, nset *global);

static void analyze_child(S *s, wfc_ste *c, nset *bound, nset *free, nset *global, nset *child_free) {
    nset tb = {0}, tf = {0}, tg = {0};
    ns_copy(s, &tb, bound);
    ns_copy(s, &tf, free);
    ns_copy(s, &tg, global);
    analyze_block(s, c, &tb, 1, &tf, &tg);
    ns_union(s, child_free, &tf);
    ns_free(s, &tb);
    ns_free(s, &tf);
    ns_free(s, &tg);
}

static void analyze_block(S *s, wfc_ste *e, nset *bound, int have_bound, nset *free, nset *global) {
    nset local = {0}, newbound = {0}, newglobal = {0}, newfree = {0}, allfree = {0};
    if (e->type == WFC_BLOCK_CLASS) {
        /* a class's names are not visible to nested functions */
        ns_union(s, &newglobal, global);
        if (have_bound) ns_union(s, &newbound, bound);
    }
    for (int i = 0; i < e->nsyms; i++) analyze_name(s, e, &e->syms[i], bound, have_bound, &local, free, global);
    if (e->type != WFC_BLOCK_CLASS) {
        if (e->type == WFC_BLOCK_FUNCTION) ns_union(s, &newbound, &local);
        if (have_bound) ns_union(s, &newbound, bound);
        ns_union(s, &newglobal, global);
    } else {
        ns_add(s, &newbound, "__class__");
    }
    for (int i = 0; i < e->nchildren; i++) {
        wfc_ste *c = e->children[i];
        analyze_child(s, c, &newbound, &newfree, &newglobal, &allfree);
        if (c->has_free || c->child_free) e->child_free = 1;
    }
    ns_union(s, &newfree, &allfree);
    if (e->type == WFC_BLOCK_FUNCTION) {
        /* locals captured by children become cells */
        for (int i = 0; i < e->nsyms; i++) {
            wfc_symbol *y = &e->syms[i];
            if (y->scope == WFC_SCOPE_LOCAL && ns_has(&newfree, y->name)) {
                y->scope = WFC_SCOPE_CELL;
                ns_del(&newfree, y->name);
            }
        }
    } else if (e->type == WFC_BLOCK_CLASS) {
        if (ns_has(&newfree, "__class__")) {
            ns_del(&newfree, "__class__");
            e->needs_class_closure = 1;
        }
    }
    /* record free names of children not yet resolved */
    for (int i = 0; i < newfree.n; i++) {
        const char *name = newfree.v[i];
        int k = find_sym(e, name);
        if (k >= 0) {
            if (e->type == WFC_BLOCK_CLASS && (e->syms[k].flags & (WFC_DEF_BOUND | WFC_DEF_GLOBAL)))
                e->syms[k].flags |= WFC_DEF_FREE_CLASS;
            continue;
        }
        if (have_bound && !ns_has(bound, name)) continue; /* a global */
        wfc_symbol *y = get_sym(s, e, name);
        y->scope = WFC_SCOPE_FREE;
    }
    ns_union(s, free, &newfree);
    ns_free(s, &local);
    ns_free(s, &newbound);
    ns_free(s, &newglobal);
    ns_free(s, &newfree);
    ns_free(s, &allfree);
}

/* ----- future ----- */

int wfc_future_annotations(const wfc_mod *mod) {
    if (mod->kind != WFC_Module) return 0;
    const wfc_seq *body = mod->v.Module.body;
    for (int i = 0; i < body->len; i++) {
        const wfc_stmt *x = body->items[i];
        if (i == 0 && x->kind == WFC_Expr && x->v.Expr.value->kind == WFC_Constant &&
            x->v.Expr.value->v.Constant.value->kind == WFC_CONST_STR)
            continue;
        if (x->kind != WFC_ImportFrom || !x->v.ImportFrom.module || x->v.ImportFrom.level != 0 ||
            strcmp(x->v.ImportFrom.module, "__future__") != 0)
            break;
        for (int j = 0; j < x->v.ImportFrom.names->len; j++)
            if (strcmp(((wfc_alias *)x->v.ImportFrom.names->items[j])->name, "annotations") == 0) return 1;
    }
    return 0;
}

/* ----- entry points ----- */

static void map_put(S *s, wfc_symtable *st) {
    int cap = 16;
    while (cap < st->nall * 2) cap *= 2;
    st->map_keys = calloc((size_t)cap, sizeof *st->map_keys);
    if (!st->map_keys) st_nomem(s);
    st->mapcap = cap;
    for (int i = 0; i < st->nall; i++) {
        if (st->all[i]->type == WFC_BLOCK_ANNOTATION) continue;
        uintptr_t k = (uintptr_t)st->all[i]->key;
        size_t h = (size_t)((k >> 4) * 2654435761u) & (size_t)(cap - 1);
        while (st->map_keys[h]) h = (h + 1) & (size_t)(cap - 1);
        st->map_keys[h] = st->all[i];
    }
}

wfc_ste *wfc_symtable_lookup(const wfc_symtable *st, const void *key) {
    if (!st->mapcap) return NULL;
    uintptr_t k = (uintptr_t)key;
    size_t h = (size_t)((k >> 4) * 2654435761u) & (size_t)(st->mapcap - 1);
    while (st->map_keys[h]) {
        if (st->map_keys[h]->key == key) return (wfc_ste *)st->map_keys[h];
        h = (h + 1) & (size_t)(st->mapcap - 1);
    }
    return NULL;
}

void wfc_symtable_free(wfc_symtable *st) {
    if (!st) return;
    for (int i = 0; i < st->nall; i++) {
        wfc_ste *e = st->all[i];
        free(e->children);
        free(e->syms);
        free(e->hash);
        free(e->varnames);
    }
    free(st->all);
    free(st->map_keys);
    wfc_arena_free(st->arena);
    free(st);
}

wfc_symtable *wfc_symtable_build(const wfc_mod *mod, const char *src, size_t len, wfc_syntax_error *err) {
    memset(err, 0, sizeof *err);
    wfc_symtable *st = calloc(1, sizeof *st);
    if (!st || !(st->arena = wfc_arena_new())) {
        free(st);
        err->kind = WFC_ERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    S *s = calloc(1, sizeof *s);
    if (!s) {
        wfc_symtable_free(st);
        err->kind = WFC_ERR_MEMORY;
        return NULL;
    }
    s->st = st;
    s->src = src;
    s->len = len;
    s->err = err;
    if (setjmp(s->jb)) {
        for (int i = 0; i < s->nlive; i++) free(s->live_sets[i]);
        free(s->live_sets);
        wfc_symtable_free(s->st);
        free(s);
        return NULL;
    }
    st = s->st;
    if (mod->kind == WFC_Module) st->future_annotations = wfc_future_annotations(mod);
    st->top = enter(s, "top", WFC_BLOCK_MODULE, mod, (loc){0, 0, 0, 0}, 1);
    switch (mod->kind) {
    case WFC_Module:
    case WFC_Interactive: st_stmts(s, mod->v.Module.body); break;
    case WFC_Expression: st_expr(s, mod->v.Expression.body); break;
    default: break;
    }
    nset free_ = {0}, global = {0};
    analyze_block(s, st->top, NULL, 0, &free_, &global);
    ns_free(s, &free_);
    ns_free(s, &global);
    map_put(s, st);
    free(s->live_sets);
    free(s);
    return st;
}

/* ----- dump ----- */

static int cmp_sym(const void *a, const void *b) {
    return strcmp((*(const wfc_symbol *const *)a)->name, (*(const wfc_symbol *const *)b)->name);
}

static int dump_ste(wfo_strbuf *out, const wfc_ste *e, int depth) {
    if (wfo_strbuf_appendf(out, "%*s%s %s %d%s%s\n", depth * 2, "", e->type == WFC_BLOCK_MODULE ? "module"
                                                                    : e->type == WFC_BLOCK_CLASS  ? "class"
                                                                                                  : "function",
                           e->name, e->lineno, e->nested ? " nested" : "",
                           e->type == WFC_BLOCK_FUNCTION ? " optimized" : "") < 0)
        return -1;
    const wfc_symbol **v = malloc((size_t)(e->nsyms ? e->nsyms : 1) * sizeof *v);
    if (!v) return -1;
    for (int i = 0; i < e->nsyms; i++) v[i] = &e->syms[i];
    qsort(v, (size_t)e->nsyms, sizeof *v, cmp_sym);
    for (int i = 0; i < e->nsyms; i++)
        if (wfo_strbuf_appendf(out, "%*s  %s %d\n", depth * 2, "", v[i]->name,
                               v[i]->flags | (v[i]->scope << WFC_SCOPE_OFF)) < 0) {
            free(v);
            return -1;
        }
    free(v);
    for (int i = 0; i < e->nchildren; i++)
        if (dump_ste(out, e->children[i], depth + 1) < 0) return -1;
    return 0;
}

int wfc_symtable_dump(wfo_strbuf *out, const wfc_symtable *st) { return dump_ste(out, st->top, 0); }
