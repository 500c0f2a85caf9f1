/*
 * runtime/compiler/unparse.c — an expression back to source text, as
 * CPython 3.11's Python/ast_unparse.c writes it (the strings stored in
 * __annotations__ under `from __future__ import annotations`).
 *
 * Parentheses come only from operator precedence (PR_* levels, lowest
 * first); constants print as their repr, with infinities written 1e309;
 * f-strings are rebuilt with doubled braces and printed as the repr of
 * their body prefixed by `f`.  Output is appended to a wfo_strbuf; every
 * function returns 0 or -1 (out of memory).
 */
#include <math.h>
#include <string.h>

#include "runtime/compiler/compile.h"
#include "runtime/compiler/code.h"
#include "runtime/objects/repr.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH,
    PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

static int ue(wfo_strbuf *o, const wfc_expr *e, int level);

static int put(wfo_strbuf *o, const char *s) { return wfo_strbuf_append(o, s, strlen(s)); }
#define P(s)                          \
    do {                              \
        if (put(o, (s)) < 0) return -1; \
    } while (0)
#define PIF(c, s)                          \
    do {                                   \
        if ((c) && put(o, (s)) < 0) return -1; \
    } while (0)
#define E(x, l)                           \
    do {                                  \
        if (ue(o, (x), (l)) < 0) return -1; \
    } while (0)

/* repr with "inf" replaced by 1e309 */
static int const_repr(wfo_strbuf *o, const wfc_constant *c) {
    if (c->kind == WFC_CONST_ELLIPSIS) return put(o, "...");
    wfo_strbuf t;
    wfo_strbuf_init(&t);
    if (wfc_const_repr(&t, c) < 0) {
        wfo_strbuf_free(&t);
        return -1;
    }
    int rc = 0;
    int numeric = c->kind == WFC_CONST_FLOAT || c->kind == WFC_CONST_COMPLEX;
    for (size_t i = 0; t.data && i < t.len; i++) {
        if (numeric && i + 3 <= t.len && memcmp(t.data + i, "inf", 3) == 0) {
            rc |= put(o, "1e309");
            i += 2;
        } else {
            rc |= wfo_strbuf_append(o, t.data + i, 1);
        }
    }
    wfo_strbuf_free(&t);
    return rc;
}

static int args(wfo_strbuf *o, const wfc_arguments *a) {
    int first = 1;
    int npos = a->posonlyargs->len + a->args->len;
    int ndef = a->defaults->len;
    for (int i = 0; i < npos; i++) {
        const wfc_arg *x = i < a->posonlyargs->len ? a->posonlyargs->items[i] : a->args->items[i - a->posonlyargs->len];
        PIF(!first, ", ");
        first = 0;
        P(x->arg);
        int di = i - (npos - ndef);
        if (di >= 0) {
            P("=");
            E(a->defaults->items[di], PR_TEST);
        }
        if (i + 1 == a->posonlyargs->len) P(", /");
    }
    if (a->vararg || a->kwonlyargs->len) {
        PIF(!first, ", ");
        first = 0;
        P("*");
        if (a->vararg) P(a->vararg->arg);
    }
    for (int i = 0; i < a->kwonlyargs->len; i++) {
        const wfc_arg *x = a->kwonlyargs->items[i];
        P(", ");
        P(x->arg);
        if (a->kw_defaults->items[i]) {
            P("=");
            E(a->kw_defaults->items[i], PR_TEST);
        }
    }
    if (a->kwarg) {
        PIF(!first, ", ");
        P("**");
        P(a->kwarg->arg);
    }
    return 0;
}

static int comps(wfo_strbuf *o, const wfc_seq *gens) {
    for (int i = 0; i < gens->len; i++) {
        const wfc_comprehension *g = gens->items[i];
        P(g->is_async ? " async for " : " for ");
        E(g->target, PR_TUPLE);
        P(" in ");
        E(g->iter, PR_TEST + 1);
        for (int j = 0; j < g->ifs->len; j++) {
            P(" if ");
            E(g->ifs->items[j], PR_TEST + 1);
        }
    }
    return 0;
}

static int fstring_body(wfo_strbuf *o, const wfc_expr *e, int is_spec);

static int fv(wfo_strbuf *o, const wfc_expr *e) {
    wfo_strbuf t;
    wfo_strbuf_init(&t);
    if (ue(&t, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        wfo_strbuf_free(&t);
        return -1;
    }
    int rc = put(o, (t.data && t.data[0] == '{') ? "{ " : "{");
    if (t.data) rc |= wfo_strbuf_append(o, t.data, t.len);
    wfo_strbuf_free(&t);
    if (rc) return -1;
    int conv = e->v.FormattedValue.conversion;
    if (conv == 'r') P("!r");
    else if (conv == 's') P("!s");
    else if (conv == 'a') P("!a");
    if (e->v.FormattedValue.format_spec) {
        P(":");
        if (fstring_body(o, e->v.FormattedValue.format_spec, 1) < 0) return -1;
    }
    P("}");
    return 0;
}

static int fstring_body(wfo_strbuf *o, const wfc_expr *e, int is_spec) {
    (void)is_spec;
    if (e->kind == WFC_Constant && e->v.Constant.value->kind == WFC_CONST_STR) {
        const wfc_constant *c = e->v.Constant.value;
        for (size_t i = 0; i < c->len; i++) {
            char ch = c->str[i];
            if (ch == '{') P("{{");
            else if (ch == '}') P("}}");
            else if (wfo_strbuf_append(o, &ch, 1) < 0) return -1;
        }
        return 0;
    }
    if (e->kind == WFC_JoinedStr) {
        for (int i = 0; i < e->v.JoinedStr.values->len; i++)
            if (fstring_body(o, e->v.JoinedStr.values->items[i], is_spec) < 0) return -1;
        return 0;
    }
    if (e->kind == WFC_FormattedValue) return fv(o, e);
    return -1;
}

static int fstring(wfo_strbuf *o, const wfc_expr *e) {
    wfo_strbuf body;
    wfo_strbuf_init(&body);
    int rc = fstring_body(&body, e, 0);
    if (!rc) rc = put(o, "f");
    if (!rc) rc = wfo_repr_str(o, body.data ? body.data : "", body.len);
    wfo_strbuf_free(&body);
    return rc;
}

static const char *binop_str(wfc_operator op, int *pr) {
    switch (op) {
    case WFC_Add: *pr = PR_ARITH; return " + ";
    case WFC_Sub: *pr = PR_ARITH; return " - ";
    case WFC_Mult: *pr = PR_TERM; return " * ";
    case WFC_MatMult: *pr = PR_TERM; return " @ ";
    case WFC_Div: *pr = PR_TERM; return " / ";
    case WFC_Mod: *pr = PR_TERM; return " % ";
    case WFC_FloorDiv: *pr = PR_TERM; return " // ";
    case WFC_LShift: *pr = PR_SHIFT; return " << ";
    case WFC_RShift: *pr = PR_SHIFT; return " >> ";
    case WFC_BitOr: *pr = PR_BOR; return " | ";
    case WFC_BitXor: *pr = PR_BXOR; return " ^ ";
    case WFC_BitAnd: *pr = PR_BAND; return " & ";
    case WFC_Pow: *pr = PR_POWER; return " ** ";
    }
    *pr = PR_ATOM;
    return "?";
}

static const char *cmp_str(int op) {
    switch (op) {
    case WFC_Eq: return " == ";
    case WFC_NotEq: return " != ";
    case WFC_Lt: return " < ";
    case WFC_LtE: return " <= ";
    case WFC_Gt: return " > ";
    case WFC_GtE: return " >= ";
    case WFC_Is: return " is ";
    case WFC_IsNot: return " is not ";
    case WFC_In: return " in ";
    case WFC_NotIn: return " not in ";
    }
    return "?";
}

static int seq(wfo_strbuf *o, const wfc_seq *q, int level) {
    for (int i = 0; i < q->len; i++) {
        PIF(i > 0, ", ");
        E(q->items[i], level);
    }
    return 0;
}

static int ue(wfo_strbuf *o, const wfc_expr *e, int level) {
    switch (e->kind) {
    case WFC_BoolOp: {
        int pr = e->v.BoolOp.op == WFC_And ? PR_AND : PR_OR;
        PIF(level > pr, "(");
        for (int i = 0; i < e->v.BoolOp.values->len; i++) {
            PIF(i > 0, pr == PR_AND ? " and " : " or ");
            E(e->v.BoolOp.values->items[i], pr + 1);
        }
        PIF(level > pr, ")");
        return 0;
    }
    case WFC_BinOp: {
        int pr;
        const char *s = binop_str(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == WFC_Pow;
        PIF(level > pr, "(");
        E(e->v.BinOp.left, pr + rassoc);
        P(s);
        E(e->v.BinOp.right, pr + !rassoc);
        PIF(level > pr, ")");
        return 0;
    }
    case WFC_UnaryOp: {
        const char *s;
        int pr;
        switch (e->v.UnaryOp.op) {
        case WFC_Invert: s = "~"; pr = PR_FACTOR; break;
        case WFC_Not: s = "not "; pr = PR_NOT; break;
        case WFC_UAdd: s = "+"; pr = PR_FACTOR; break;
        default: s = "-"; pr = PR_FACTOR; break;
        }
        PIF(level > pr, "(");
        P(s);
        E(e->v.UnaryOp.operand, pr);
        PIF(level > pr, ")");
        return 0;
    }
    case WFC_Lambda: {
        const wfc_arguments *a = e->v.Lambda.args;
        int n = a->posonlyargs->len + a->args->len + a->kwonlyargs->len + (a->vararg != NULL) + (a->kwarg != NULL);
        PIF(level > PR_TEST, "(");
        P(n ? "lambda " : "lambda");
        if (args(o, a) < 0) return -1;
        P(": ");
        E(e->v.Lambda.body, PR_TEST);
        PIF(level > PR_TEST, ")");
        return 0;
    }
    case WFC_IfExp:
        PIF(level > PR_TEST, "(");
        E(e->v.IfExp.body, PR_TEST + 1);
        P(" if ");
        E(e->v.IfExp.test, PR_TEST + 1);
        P(" else ");
        E(e->v.IfExp.orelse, PR_TEST);
        PIF(level > PR_TEST, ")");
        return 0;
    case WFC_Dict:
        P("{");
        for (int i = 0; i < e->v.Dict.values->len; i++) {
            PIF(i > 0, ", ");
            const wfc_expr *k = e->v.Dict.keys->items[i];
            if (k) {
                E(k, PR_TEST);
                P(": ");
                E(e->v.Dict.values->items[i], PR_TEST);
            } else {
                P("**");
                E(e->v.Dict.values->items[i], PR_EXPR);
            }
        }
        P("}");
        return 0;
    case WFC_Set:
        P("{");
        if (seq(o, e->v.Set.elts, PR_TEST) < 0) return -1;
        P("}");
        return 0;
    case WFC_List:
        P("[");
        if (seq(o, e->v.List.elts, PR_TEST) < 0) return -1;
        P("]");
        return 0;
    case WFC_Tuple: {
        int n = e->v.Tuple.elts->len;
        if (!n) return put(o, "()");
        PIF(level > PR_TUPLE, "(");
        if (seq(o, e->v.Tuple.elts, PR_TEST) < 0) return -1;
        PIF(n == 1, ",");
        PIF(level > PR_TUPLE, ")");
        return 0;
    }
    case WFC_ListComp:
        P("[");
        E(e->v.ListComp.elt, PR_TEST);
        if (comps(o, e->v.ListComp.generators) < 0) return -1;
        P("]");
        return 0;
    case WFC_SetComp:
        P("{");
        E(e->v.SetComp.elt, PR_TEST);
        if (comps(o, e->v.SetComp.generators) < 0) return -1;
        P("}");
        return 0;
    case WFC_DictComp:
        P("{");
        E(e->v.DictComp.key, PR_TEST);
        P(": ");
        E(e->v.DictComp.value, PR_TEST);
        if (comps(o, e->v.DictComp.generators) < 0) return -1;
        P("}");
        return 0;
    case WFC_GeneratorExp:
        P("(");
        E(e->v.GeneratorExp.elt, PR_TEST);
        if (comps(o, e->v.GeneratorExp.generators) < 0) return -1;
        P(")");
        return 0;
    case WFC_Yield:
        if (!e->v.Yield.value) return put(o, "(yield)");
        P("(yield ");
        E(e->v.Yield.value, PR_TEST);
        P(")");
        return 0;
    case WFC_YieldFrom:
        P("(yield from ");
        E(e->v.YieldFrom.value, PR_TEST);
        P(")");
        return 0;
    case WFC_Await:
        PIF(level > PR_AWAIT, "(");
        P("await ");
        E(e->v.Await.value, PR_ATOM);
        PIF(level > PR_AWAIT, ")");
        return 0;
    case WFC_Compare:
        PIF(level > PR_CMP, "(");
        E(e->v.Compare.left, PR_CMP + 1);
        for (int i = 0; i < e->v.Compare.ops->len; i++) {
            P(cmp_str(e->v.Compare.ops->items[i]));
            E(e->v.Compare.comparators->items[i], PR_CMP + 1);
        }
        PIF(level > PR_CMP, ")");
        return 0;
    case WFC_Call: {
        E(e->v.Call.func, PR_ATOM);
        const wfc_seq *a = e->v.Call.args, *k = e->v.Call.keywords;
        if (a->len == 1 && k->len == 0 && ((const wfc_expr *)a->items[0])->kind == WFC_GeneratorExp) {
            E(a->items[0], PR_TEST);
            return 0;
        }
        P("(");
        int first = 1;
        for (int i = 0; i < a->len; i++) {
            PIF(!first, ", ");
            first = 0;
            E(a->items[i], PR_TEST);
        }
        for (int i = 0; i < k->len; i++) {
            const wfc_keyword *kw = k->items[i];
            PIF(!first, ", ");
            first = 0;
            if (!kw->arg) {
                P("**");
            } else {
                P(kw->arg);
                P("=");
            }
            E(kw->value, PR_TEST);
        }
        P(")");
        return 0;
    }
    case WFC_Constant:
        if (e->v.Constant.kind) P("u");
        return const_repr(o, e->v.Constant.value);
    case WFC_JoinedStr:
    case WFC_FormattedValue: return fstring(o, e);
    case WFC_Attribute: {
        const wfc_expr *v = e->v.Attribute.value;
        E(v, PR_ATOM);
        int intc = v->kind == WFC_Constant && v->v.Constant.value->kind == WFC_CONST_INT;
        P(intc ? " ." : ".");
        P(e->v.Attribute.attr);
        return 0;
    }
    case WFC_Subscript: {
        E(e->v.Subscript.value, PR_ATOM);
        P("[");
        const wfc_expr *sl = e->v.Subscript.slice;
        if (sl->kind == WFC_Tuple) {
            int n = sl->v.Tuple.elts->len;
            if (seq(o, sl->v.Tuple.elts, PR_TEST) < 0) return -1;
            PIF(n == 1, ",");
        } else {
            E(sl, PR_TUPLE);
        }
        P("]");
        return 0;
    }
    case WFC_Starred:
        P("*");
        E(e->v.Starred.value, PR_EXPR);
        return 0;
    case WFC_Name: return put(o, e->v.Name.id);
    case WFC_Slice:
        if (e->v.Slice.lower) E(e->v.Slice.lower, PR_TEST);
        P(":");
        if (e->v.Slice.upper) E(e->v.Slice.upper, PR_TEST);
        if (e->v.Slice.step) {
            P(":");
            E(e->v.Slice.step, PR_TEST);
        }
        return 0;
    case WFC_NamedExpr:
        PIF(level > PR_TUPLE, "(");
        E(e->v.NamedExpr.target, PR_ATOM);
        P(" := ");
        E(e->v.NamedExpr.value, PR_ATOM);
        PIF(level > PR_TUPLE, ")");
        return 0;
    }
    return -1;
}

int wfc_unparse_expr(wfo_strbuf *out, const wfc_expr *e) { return ue(out, e, PR_TEST); }
