/*
 * runtime/compiler/validate.c — the checks CPython makes after parsing.
 *
 * `compile(src, file, "exec")` rejects some parsed trees in its symbol
 * table pass and its code generator; wfc_validate reproduces those checks
 * so that parse + validate accept exactly what python3 accepts:
 *   1. depth: a tree nested more than 3000 statements/expressions deep
 *      fails with RecursionError, as CPython's symtable (recursion limit
 *      1000 scaled by 3) does — checked first and without deep recursion;
 *   2. symbol table: the errors of symtable.c (duplicate parameters,
 *      global/nonlocal misuse, yield in comprehensions, walrus rules,
 *      nonlocal names with no binding, ...), by building the real table;
 *   3. code generator: return/yield/await outside function, await outside
 *      async function, break/continue outside loop, misplaced starred
 *      expressions.
 * The first error in CPython's visiting order wins.  wfc_compile runs the
 * passes itself (depth, folding, symbol table, wfc_validate_codegen) so the
 * table is built once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/parser.h"
#include "runtime/compiler/symtable.h"

enum { WFC_MAX_TREE_DEPTH = 3000 };

typedef enum { SC_MODULE, SC_CLASS, SC_FUNCTION, SC_COMPREHENSION } scope_kind;

typedef struct V {
    const char *src;
    size_t len;
    wfc_syntax_error *err;
    int failed;
    /* compiler pass */
    int loop_depth;     /* loops enclosing the statement in this scope */
    scope_kind ckind;   /* scope kind in the compiler pass */
    int casync;
} V;

/* ----- errors ----- */

static void verror(V *v, int l, int c, int el, int ec, const char *fmt, ...) {
    if (v->failed) return;
    v->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    wfc_syntax_error_vset(v->err, v->src, v->len, l, c, el, ec, fmt, ap);
    va_end(ap);
}

#define ERR_AT(v, n, ...) verror((v), (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset, __VA_ARGS__)

/* ----- 1. depth ----- */

static int depth_expr(const wfc_expr *e, int d);
static int depth_stmts(const wfc_seq *s, int d);

static int depth_seq_expr(const wfc_seq *s, int d) {
    for (int i = 0; s && i < s->len; i++)
        if (s->items[i] && depth_expr(s->items[i], d)) return 1;
    return 0;
}

static int depth_args(const wfc_arguments *a, int d) {
    if (!a) return 0;
    return depth_seq_expr(a->defaults, d) || depth_seq_expr(a->kw_defaults, d);
}

static int depth_comps(const wfc_seq *gens, int d) {
    for (int i = 0; i < gens->len; i++) {
        const wfc_comprehension *c = gens->items[i];
        if (depth_expr(c->target, d) || depth_expr(c->iter, d) || depth_seq_expr(c->ifs, d)) return 1;
    }
    return 0;
}

/* Returns 1 when deeper than the limit; never recurses past it. */
static int depth_expr(const wfc_expr *e, int d) {
    if (++d > WFC_MAX_TREE_DEPTH) return 1;
    switch (e->kind) {
    case WFC_BoolOp: return depth_seq_expr(e->v.BoolOp.values, d);
    case WFC_NamedExpr: return depth_expr(e->v.NamedExpr.target, d) || depth_expr(e->v.NamedExpr.value, d);
    case WFC_BinOp: return depth_expr(e->v.BinOp.left, d) || depth_expr(e->v.BinOp.right, d);
    case WFC_UnaryOp: return depth_expr(e->v.UnaryOp.operand, d);
    case WFC_Lambda: return depth_args(e->v.Lambda.args, d) || depth_expr(e->v.Lambda.body, d);
    case WFC_IfExp:
        return depth_expr(e->v.IfExp.test, d) || depth_expr(e->v.IfExp.body, d) || depth_expr(e->v.IfExp.orelse, d);
    case WFC_Dict: return depth_seq_expr(e->v.Dict.keys, d) || depth_seq_expr(e->v.Dict.values, d);
    case WFC_Set: return depth_seq_expr(e->v.Set.elts, d);
    case WFC_ListComp: return depth_expr(e->v.ListComp.elt, d) || depth_comps(e->v.ListComp.generators, d);
    case WFC_SetComp: return depth_expr(e->v.SetComp.elt, d) || depth_comps(e->v.SetComp.generators, d);
    case WFC_GeneratorExp:
        return depth_expr(e->v.GeneratorExp.elt, d) || depth_comps(e->v.GeneratorExp.generators, d);
    case WFC_DictComp:
        return depth_expr(e->v.DictComp.key, d) || depth_expr(e->v.DictComp.value, d) ||
               depth_comps(e->v.DictComp.generators, d);
    case WFC_Await: return depth_expr(e->v.Await.value, d);
    case WFC_Yield: return e->v.Yield.value && depth_expr(e->v.Yield.value, d);
    case WFC_YieldFrom: return depth_expr(e->v.YieldFrom.value, d);
    case WFC_Compare: return depth_expr(e->v.Compare.left, d) || depth_seq_expr(e->v.Compare.comparators, d);
    case WFC_Call: {
        if (depth_expr(e->v.Call.func, d) || depth_seq_expr(e->v.Call.args, d)) return 1;
        for (int i = 0; i < e->v.Call.keywords->len; i++)
            if (depth_expr(((wfc_keyword *)e->v.Call.keywords->items[i])->value, d)) return 1;
        return 0;
    }
    case WFC_FormattedValue:
        return depth_expr(e->v.FormattedValue.value, d) ||
               (e->v.FormattedValue.format_spec && depth_expr(e->v.FormattedValue.format_spec, d));
    case WFC_JoinedStr: return depth_seq_expr(e->v.JoinedStr.values, d);
    case WFC_Attribute: return depth_expr(e->v.Attribute.value, d);
    case WFC_Subscript: return depth_expr(e->v.Subscript.value, d) || depth_expr(e->v.Subscript.slice, d);
    case WFC_Starred: return depth_expr(e->v.Starred.value, d);
    case WFC_List: return depth_seq_expr(e->v.List.elts, d);
    case WFC_Tuple: return depth_seq_expr(e->v.Tuple.elts, d);
    case WFC_Slice:
        return (e->v.Slice.lower && depth_expr(e->v.Slice.lower, d)) ||
               (e->v.Slice.upper && depth_expr(e->v.Slice.upper, d)) ||
               (e->v.Slice.step && depth_expr(e->v.Slice.step, d));
    default: return 0;
    }
}

static int depth_opt(const wfc_expr *e, int d) { return e && depth_expr(e, d); }

static int depth_stmt(const wfc_stmt *s, int d) {
    if (++d > WFC_MAX_TREE_DEPTH) return 1;
    switch (s->kind) {
    case WFC_FunctionDef:
    case WFC_AsyncFunctionDef:
        return depth_seq_expr(s->v.FunctionDef.decorator_list, d) || depth_args(s->v.FunctionDef.args, d) ||
               depth_opt(s->v.FunctionDef.returns, d) || depth_stmts(s->v.FunctionDef.body, d);
    case WFC_ClassDef:
        return depth_seq_expr(s->v.ClassDef.decorator_list, d) || depth_seq_expr(s->v.ClassDef.bases, d) ||
               depth_stmts(s->v.ClassDef.body, d);
    case WFC_Return: return depth_opt(s->v.Return.value, d);
    case WFC_Delete: return depth_seq_expr(s->v.Delete.targets, d);
    case WFC_Assign: return depth_seq_expr(s->v.Assign.targets, d) || depth_expr(s->v.Assign.value, d);
    case WFC_AugAssign: return depth_expr(s->v.AugAssign.target, d) || depth_expr(s->v.AugAssign.value, d);
    case WFC_AnnAssign:
        return depth_expr(s->v.AnnAssign.target, d) || depth_expr(s->v.AnnAssign.annotation, d) ||
               depth_opt(s->v.AnnAssign.value, d);
    case WFC_For:
    case WFC_AsyncFor:
        return depth_expr(s->v.For.target, d) || depth_expr(s->v.For.iter, d) || depth_stmts(s->v.For.body, d) ||
               depth_stmts(s->v.For.orelse, d);
    case WFC_While:
        return depth_expr(s->v.While.test, d) || depth_stmts(s->v.While.body, d) || depth_stmts(s->v.While.orelse, d);
    case WFC_If:
        return depth_expr(s->v.If.test, d) || depth_stmts(s->v.If.body, d) || depth_stmts(s->v.If.orelse, d);
    case WFC_With:
    case WFC_AsyncWith:
        for (int i = 0; i < s->v.With.items->len; i++) {
            const wfc_withitem *w = s->v.With.items->items[i];
            if (depth_expr(w->context_expr, d) || depth_opt(w->optional_vars, d)) return 1;
        }
        return depth_stmts(s->v.With.body, d);
    case WFC_Match:
        if (depth_expr(s->v.Match.subject, d)) return 1;
        for (int i = 0; i < s->v.Match.cases->len; i++) {
            const wfc_match_case *mc = s->v.Match.cases->items[i];
            if (depth_opt(mc->guard, d) || depth_stmts(mc->body, d)) return 1;
        }
        return 0;
    case WFC_Raise: return depth_opt(s->v.Raise.exc, d) || depth_opt(s->v.Raise.cause, d);
    case WFC_Try:
    case WFC_TryStar:
        if (depth_stmts(s->v.Try.body, d)) return 1;
        for (int i = 0; i < s->v.Try.handlers->len; i++) {
            const wfc_excepthandler *h = s->v.Try.handlers->items[i];
            if (depth_opt(h->v.ExceptHandler.type, d) || depth_stmts(h->v.ExceptHandler.body, d)) return 1;
        }
        return depth_stmts(s->v.Try.orelse, d) || depth_stmts(s->v.Try.finalbody, d);
    case WFC_Assert: return depth_expr(s->v.Assert.test, d) || depth_opt(s->v.Assert.msg, d);
    case WFC_Expr: return depth_expr(s->v.Expr.value, d);
    default: return 0;
    }
}

static int depth_stmts(const wfc_seq *s, int d) {
    for (int i = 0; s && i < s->len; i++)
        if (depth_stmt(s->items[i], d)) return 1;
    return 0;
}

/* ----- 3. code generator checks ----- */

static void cg_expr(V *v, const wfc_expr *e);
static void cg_stmts(V *v, const wfc_seq *s);

static void cg_exprs(V *v, const wfc_seq *s) {
    for (int i = 0; s && i < s->len && !v->failed; i++)
        if (s->items[i]) cg_expr(v, s->items[i]);
}
static void cg_opt(V *v, const wfc_expr *e) {
    if (e) cg_expr(v, e);
}

static void cg_starred_ok(V *v, const wfc_expr *target);
static void cg_keywords(V *v, const wfc_seq *kws);

/* The compiler pass's state of the enclosing scope, saved while a nested
 * function or class body is checked. */
typedef struct cscope {
    scope_kind kind;
    int casync, loop_depth;
} cscope;

static cscope enter_scope(V *v, scope_kind kind, int is_async) {
    cscope saved = {v->ckind, v->casync, v->loop_depth};
    v->ckind = kind;
    v->casync = is_async;
    v->loop_depth = 0;
    return saved;
}

static void leave_scope(V *v, cscope saved) {
    v->ckind = saved.kind;
    v->casync = saved.casync;
    v->loop_depth = saved.loop_depth;
}

static void cg_comp(V *v, const wfc_seq *gens, const wfc_expr *a, const wfc_expr *b) {
    const wfc_comprehension *first = gens->items[0];
    cg_expr(v, first->iter);
    scope_kind saved = v->ckind;
    int saved_loop = v->loop_depth;
    v->ckind = SC_COMPREHENSION;
    v->loop_depth = 0;
    for (int i = 0; i < gens->len && !v->failed; i++) {
        const wfc_comprehension *c = gens->items[i];
        cg_starred_ok(v, c->target);
        if (i) cg_expr(v, c->iter);
        cg_exprs(v, c->ifs);
    }
    cg_opt(v, a);
    cg_opt(v, b);
    v->ckind = saved;
    v->loop_depth = saved_loop;
}

static void cg_expr(V *v, const wfc_expr *e) {
    if (v->failed) return;
    switch (e->kind) {
    case WFC_Yield:
    case WFC_YieldFrom:
        if (v->ckind != SC_FUNCTION) {
            ERR_AT(v, e, "'yield' outside function");
            return;
        }
        if (e->kind == WFC_YieldFrom && v->casync) {
            ERR_AT(v, e, "'yield from' inside async function");
            return;
        }
        cg_opt(v, e->kind == WFC_Yield ? e->v.Yield.value : e->v.YieldFrom.value);
        break;
    case WFC_Await:
        if (v->ckind != SC_FUNCTION && v->ckind != SC_COMPREHENSION) {
            ERR_AT(v, e, "'await' outside function");
            return;
        }
        if (v->ckind == SC_FUNCTION && !v->casync) {
            ERR_AT(v, e, "'await' outside async function");
            return;
        }
        cg_expr(v, e->v.Await.value);
        break;
    case WFC_Starred:
        if (e->v.Starred.ctx == WFC_Load) {
            ERR_AT(v, e, "can't use starred expression here");
            return;
        }
        ERR_AT(v, e, "starred assignment target must be in a list or tuple");
        return;
    case WFC_Lambda: {
        cg_exprs(v, e->v.Lambda.args->defaults);
        cg_exprs(v, e->v.Lambda.args->kw_defaults);
        cscope saved = enter_scope(v, SC_FUNCTION, 0);
        cg_expr(v, e->v.Lambda.body);
        leave_scope(v, saved);
        break;
    }
    case WFC_BoolOp: cg_exprs(v, e->v.BoolOp.values); break;
    case WFC_NamedExpr: cg_expr(v, e->v.NamedExpr.value); break;
    case WFC_BinOp: cg_expr(v, e->v.BinOp.left); cg_expr(v, e->v.BinOp.right); break;
    case WFC_UnaryOp: cg_expr(v, e->v.UnaryOp.operand); break;
    case WFC_IfExp: cg_expr(v, e->v.IfExp.test); cg_expr(v, e->v.IfExp.body); cg_expr(v, e->v.IfExp.orelse); break;
    case WFC_Dict: cg_exprs(v, e->v.Dict.keys); cg_exprs(v, e->v.Dict.values); break;
    case WFC_Set:
    case WFC_List:
    case WFC_Tuple: {
        const wfc_seq *elts = e->kind == WFC_Set ? e->v.Set.elts : e->kind == WFC_List ? e->v.List.elts : e->v.Tuple.elts;
        int store = e->kind != WFC_Set && (e->kind == WFC_List ? e->v.List.ctx : e->v.Tuple.ctx) == WFC_Store;
        if (store) {
            cg_starred_ok(v, e);
            break;
        }
        for (int i = 0; i < elts->len && !v->failed; i++) {
            const wfc_expr *x = elts->items[i];
            if (x->kind == WFC_Starred) cg_expr(v, x->v.Starred.value);
            else cg_expr(v, x);
        }
        break;
    }
    case WFC_ListComp: cg_comp(v, e->v.ListComp.generators, e->v.ListComp.elt, NULL); break;
    case WFC_SetComp: cg_comp(v, e->v.SetComp.generators, e->v.SetComp.elt, NULL); break;
    case WFC_GeneratorExp: cg_comp(v, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL); break;
    case WFC_DictComp: cg_comp(v, e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value); break;
    case WFC_Compare: cg_expr(v, e->v.Compare.left); cg_exprs(v, e->v.Compare.comparators); break;
    case WFC_Call:
        cg_expr(v, e->v.Call.func);
        cg_keywords(v, e->v.Call.keywords);
        for (int i = 0; i < e->v.Call.args->len && !v->failed; i++) {
            const wfc_expr *x = e->v.Call.args->items[i];
            if (x->kind == WFC_Starred) cg_expr(v, x->v.Starred.value);
            else cg_expr(v, x);
        }
        for (int i = 0; i < e->v.Call.keywords->len; i++)
            cg_expr(v, ((wfc_keyword *)e->v.Call.keywords->items[i])->value);
        break;
    case WFC_FormattedValue: cg_expr(v, e->v.FormattedValue.value); cg_opt(v, e->v.FormattedValue.format_spec); break;
    case WFC_JoinedStr: cg_exprs(v, e->v.JoinedStr.values); break;
    case WFC_Attribute: cg_expr(v, e->v.Attribute.value); break;
    case WFC_Subscript: {
        cg_expr(v, e->v.Subscript.value);
        const wfc_expr *sl = e->v.Subscript.slice;
        if (sl->kind == WFC_Tuple) {
            for (int i = 0; i < sl->v.Tuple.elts->len; i++) {
                const wfc_expr *x = sl->v.Tuple.elts->items[i];
                cg_expr(v, x->kind == WFC_Starred ? x->v.Starred.value : x);
            }
        } else {
            cg_expr(v, sl);
        }
        break;
    }
    case WFC_Slice: cg_opt(v, e->v.Slice.lower); cg_opt(v, e->v.Slice.upper); cg_opt(v, e->v.Slice.step); break;
    default: break;
    }
}

/* A Store target: one starred element at most per list/tuple, and no
 * bare starred target. */
static void cg_starred_ok(V *v, const wfc_expr *t) {
    if (v->failed) return;
    if (t->kind == WFC_Starred) {
        ERR_AT(v, t, "starred assignment target must be in a list or tuple");
        return;
    }
    if (t->kind == WFC_List || t->kind == WFC_Tuple) {
        const wfc_seq *elts = t->kind == WFC_List ? t->v.List.elts : t->v.Tuple.elts;
        int seen = 0;
        for (int i = 0; i < elts->len && !v->failed; i++) {
            const wfc_expr *x = elts->items[i];
            if (x->kind == WFC_Starred) {
                if (seen) {
                    ERR_AT(v, t, "multiple starred expressions in assignment");
                    return;
                }
                seen = 1;
                if (i >= 256 || elts->len - i - 1 >= (1 << 24)) {
                    ERR_AT(v, t, "too many expressions in star-unpacking assignment");
                    return;
                }
                cg_starred_ok(v, x->v.Starred.value);
            } else {
                cg_starred_ok(v, x);
            }
        }
        return;
    }
    cg_expr(v, t);
}

/* compiler_call_helper's validate_keywords: a keyword argument name given
 * twice (ast.parse accepts it; compile() does not). */
static void cg_keywords(V *v, const wfc_seq *kws) {
    for (int i = 0; i < kws->len && !v->failed; i++) {
        const wfc_keyword *k = kws->items[i];
        if (!k->arg) continue;
        for (int j = i + 1; j < kws->len; j++) {
            const wfc_keyword *o = kws->items[j];
            if (o->arg && strcmp(o->arg, k->arg) == 0) {
                ERR_AT(v, o, "keyword argument repeated: %s", k->arg);
                return;
            }
        }
    }
}

/* What constant folding turns into a constant in a pattern: the grammar's
 * signed numbers (-1) and complex literals (1+2j, -1-2j). */
static int pattern_literal(const wfc_expr *e) {
    if (e->kind == WFC_Constant || e->kind == WFC_Attribute) return 1;
    if (e->kind == WFC_UnaryOp)
        return e->v.UnaryOp.op == WFC_USub && e->v.UnaryOp.operand->kind == WFC_Constant;
    if (e->kind == WFC_BinOp)
        return (e->v.BinOp.op == WFC_Add || e->v.BinOp.op == WFC_Sub) && pattern_literal(e->v.BinOp.left) &&
               e->v.BinOp.left->kind != WFC_Attribute && e->v.BinOp.right->kind == WFC_Constant;
    return 0;
}

/* Value patterns and mapping keys must be constants or attribute lookups
 * (an f-string parses there but does not compile); the tree may not be
 * folded yet (--check-syntax), so signed and complex literals count. */
static void cg_pattern(V *v, const wfc_pattern *p) {
    if (v->failed || !p) return;
    switch (p->kind) {
    case WFC_MatchValue: {
        const wfc_expr *e = p->v.MatchValue.value;
        if (!pattern_literal(e)) ERR_AT(v, e, "patterns may only match literals and attribute lookups");
        break;
    }
    case WFC_MatchSequence:
        for (int i = 0; i < p->v.MatchSequence.patterns->len; i++) cg_pattern(v, p->v.MatchSequence.patterns->items[i]);
        break;
    case WFC_MatchMapping:
        for (int i = 0; i < p->v.MatchMapping.keys->len && !v->failed; i++) {
            const wfc_expr *e = p->v.MatchMapping.keys->items[i];
            if (!pattern_literal(e)) ERR_AT(v, p, "mapping pattern keys may only match literals and attribute lookups");
        }
        for (int i = 0; i < p->v.MatchMapping.patterns->len; i++) cg_pattern(v, p->v.MatchMapping.patterns->items[i]);
        break;
    case WFC_MatchClass:
        for (int i = 0; i < p->v.MatchClass.patterns->len; i++) cg_pattern(v, p->v.MatchClass.patterns->items[i]);
        for (int i = 0; i < p->v.MatchClass.kwd_patterns->len; i++)
            cg_pattern(v, p->v.MatchClass.kwd_patterns->items[i]);
        break;
    case WFC_MatchAs: cg_pattern(v, p->v.MatchAs.pattern); break;
    case WFC_MatchOr:
        for (int i = 0; i < p->v.MatchOr.patterns->len; i++) cg_pattern(v, p->v.MatchOr.patterns->items[i]);
        break;
    default: break;
    }
}

static void cg_stmt(V *v, const wfc_stmt *s) {
    if (v->failed) return;
    switch (s->kind) {
    case WFC_FunctionDef:
    case WFC_AsyncFunctionDef: {
        cg_exprs(v, s->v.FunctionDef.decorator_list);
        cg_exprs(v, s->v.FunctionDef.args->defaults);
        cg_exprs(v, s->v.FunctionDef.args->kw_defaults);
        cscope saved = enter_scope(v, SC_FUNCTION, s->kind == WFC_AsyncFunctionDef);
        cg_stmts(v, s->v.FunctionDef.body);
        leave_scope(v, saved);
        break;
    }
    case WFC_ClassDef: {
        cg_exprs(v, s->v.ClassDef.decorator_list);
        for (int i = 0; i < s->v.ClassDef.bases->len && !v->failed; i++) {
            const wfc_expr *x = s->v.ClassDef.bases->items[i];
            cg_expr(v, x->kind == WFC_Starred ? x->v.Starred.value : x);
        }
        for (int i = 0; i < s->v.ClassDef.keywords->len; i++)
            cg_expr(v, ((wfc_keyword *)s->v.ClassDef.keywords->items[i])->value);
        cscope saved = enter_scope(v, SC_CLASS, 0);
        cg_stmts(v, s->v.ClassDef.body);
        leave_scope(v, saved);
        cg_keywords(v, s->v.ClassDef.keywords);
        break;
    }
    case WFC_Return:
        if (v->ckind != SC_FUNCTION) {
            ERR_AT(v, s, "'return' outside function");
            return;
        }
        cg_opt(v, s->v.Return.value);
        break;
    case WFC_Break:
        if (!v->loop_depth) ERR_AT(v, s, "'break' outside loop");
        break;
    case WFC_Continue:
        if (!v->loop_depth) ERR_AT(v, s, "'continue' not properly in loop");
        break;
    case WFC_Delete: cg_exprs(v, s->v.Delete.targets); break;
    case WFC_Assign:
        cg_expr(v, s->v.Assign.value);
        for (int i = 0; i < s->v.Assign.targets->len; i++) cg_starred_ok(v, s->v.Assign.targets->items[i]);
        break;
    case WFC_AugAssign: cg_expr(v, s->v.AugAssign.target); cg_expr(v, s->v.AugAssign.value); break;
    case WFC_AnnAssign:
        cg_opt(v, s->v.AnnAssign.value);
        cg_expr(v, s->v.AnnAssign.target);
        break;
    case WFC_For:
    case WFC_AsyncFor:
        if (s->kind == WFC_AsyncFor && v->ckind == SC_FUNCTION && !v->casync) {
            ERR_AT(v, s, "'async for' outside async function");
            return;
        }
        cg_expr(v, s->v.For.iter);
        cg_starred_ok(v, s->v.For.target);
        v->loop_depth++;
        cg_stmts(v, s->v.For.body);
        v->loop_depth--;
        cg_stmts(v, s->v.For.orelse);
        break;
    case WFC_While:
        cg_expr(v, s->v.While.test);
        v->loop_depth++;
        cg_stmts(v, s->v.While.body);
        v->loop_depth--;
        cg_stmts(v, s->v.While.orelse);
        break;
    case WFC_If: cg_expr(v, s->v.If.test); cg_stmts(v, s->v.If.body); cg_stmts(v, s->v.If.orelse); break;
    case WFC_With:
    case WFC_AsyncWith:
        if (s->kind == WFC_AsyncWith && v->ckind == SC_FUNCTION && !v->casync) {
            ERR_AT(v, s, "'async with' outside async function");
            return;
        }
        for (int i = 0; i < s->v.With.items->len; i++) {
            const wfc_withitem *w = s->v.With.items->items[i];
            cg_expr(v, w->context_expr);
            if (w->optional_vars) cg_starred_ok(v, w->optional_vars);
        }
        cg_stmts(v, s->v.With.body);
        break;
    case WFC_Match:
        cg_expr(v, s->v.Match.subject);
        for (int i = 0; i < s->v.Match.cases->len; i++) {
            const wfc_match_case *mc = s->v.Match.cases->items[i];
            cg_pattern(v, mc->pattern);
            cg_opt(v, mc->guard);
            cg_stmts(v, mc->body);
        }
        break;
    case WFC_Raise: cg_opt(v, s->v.Raise.exc); cg_opt(v, s->v.Raise.cause); break;
    case WFC_Try:
    case WFC_TryStar:
        cg_stmts(v, s->v.Try.body);
        for (int i = 0; i < s->v.Try.handlers->len; i++) {
            const wfc_excepthandler *h = s->v.Try.handlers->items[i];
            cg_opt(v, h->v.ExceptHandler.type);
            cg_stmts(v, h->v.ExceptHandler.body);
        }
        cg_stmts(v, s->v.Try.orelse);
        cg_stmts(v, s->v.Try.finalbody);
        break;
    case WFC_Assert: cg_expr(v, s->v.Assert.test); cg_opt(v, s->v.Assert.msg); break;
    case WFC_Expr: cg_expr(v, s->v.Expr.value); break;
    default: break;
    }
}

static void cg_stmts(V *v, const wfc_seq *s) {
    for (int i = 0; s && i < s->len && !v->failed; i++) cg_stmt(v, s->items[i]);
}

int wfc_check_depth(const wfc_mod *mod, wfc_syntax_error *err) {
    memset(err, 0, sizeof *err);
    int deep = 0;
    switch (mod->kind) {
    case WFC_Module: deep = depth_stmts(mod->v.Module.body, 0); break;
    case WFC_Interactive: deep = depth_stmts(mod->v.Interactive.body, 0); break;
    case WFC_Expression: deep = mod->v.Expression.body && depth_expr(mod->v.Expression.body, 0); break;
    case WFC_FunctionType:
        deep = depth_seq_expr(mod->v.FunctionType.argtypes, 0) ||
               (mod->v.FunctionType.returns && depth_expr(mod->v.FunctionType.returns, 0));
        break;
    }
    if (deep) {
        err->kind = WFC_ERR_RECURSION;
        snprintf(err->msg, sizeof err->msg, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

int wfc_validate_codegen(const wfc_mod *mod, const char *src, size_t len, wfc_syntax_error *err) {
    V v;
    memset(&v, 0, sizeof v);
    v.src = src;
    v.len = len;
    v.err = err;
    memset(err, 0, sizeof *err);
    if (mod->kind != WFC_Module) return 0;
    v.ckind = SC_MODULE;
    cg_stmts(&v, mod->v.Module.body);
    return v.failed ? -1 : 0;
}

int wfc_validate(const wfc_mod *mod, const char *src, size_t len, wfc_syntax_error *err) {
    if (wfc_check_depth(mod, err) < 0) return -1;
    if (mod->kind != WFC_Module) return 0;
    /* 2. the symbol table's own checks (symtable.c) */
    wfc_symtable *st = wfc_symtable_build(mod, src, len, err);
    if (!st) return -1;
    wfc_symtable_free(st);
    return wfc_validate_codegen(mod, src, len, err);
}
