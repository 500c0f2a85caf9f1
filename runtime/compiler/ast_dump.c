/*
 * runtime/compiler/ast_dump.c — ast.dump() of CPython 3.11.
 *
 * Prints a tree exactly as `ast.dump(tree)` does with its defaults
 * (annotate_fields=True, include_attributes=False, no indent): every
 * node as Name(field=value, ...), optional fields that hold None left
 * out, lists as [a, b], None elements of lists as None, constants and
 * identifiers through CPython's repr.  The walk is driven by the field
 * descriptors of ast_nodes.c, so it needs no per-node code.  Recursion
 * depth is bounded by the parser's nesting limit.
 */
#include <stdint.h>
#include <string.h>

#include "runtime/compiler/ast.h"
#include "runtime/objects/repr.h"
#include "runtime/compiler/code.h"

static int dump_node(wfo_strbuf *out, int cat, const void *node);

/* include_attributes: positions after the fields.  A dump runs on one
 * thread; the flag is passed down through this file-local state only for
 * the duration of one wfc_ast_dump* call. */
static _Thread_local int dump_attrs;

static int put(wfo_strbuf *out, const char *s) { return wfo_strbuf_append(out, s, strlen(s)); }

static int dump_constant(wfo_strbuf *out, const wfc_constant *c) {
    switch (c->kind) {
    case WFC_CONST_NONE: return put(out, "None");
    case WFC_CONST_TRUE: return put(out, "True");
    case WFC_CONST_FALSE: return put(out, "False");
    case WFC_CONST_ELLIPSIS: return put(out, "Ellipsis");
    case WFC_CONST_INT: return wfo_strbuf_append(out, c->str, c->len);
    case WFC_CONST_FLOAT: return wfo_repr_float(out, c->f);
    case WFC_CONST_COMPLEX: return wfo_repr_complex(out, c->real, c->f);
    case WFC_CONST_STR: return wfo_repr_str(out, c->str, c->len);
    case WFC_CONST_BYTES: return wfo_repr_bytes(out, (const unsigned char *)c->str, c->len);
    /* only in folded trees and code objects (code.c) */
    case WFC_CONST_TUPLE:
    case WFC_CONST_FROZENSET:
    case WFC_CONST_CODE: return wfc_const_repr(out, c);
    }
    return -1;
}

static int dump_enum(wfo_strbuf *out, int cat, int value) {
    const wfc_ast_category *k = &wfc_ast_categories[cat];
    if (value < 1 || value > k->nctors) return -1;
    if (put(out, k->ctors[value - 1].name) < 0) return -1;
    return put(out, "()");
}

/* One scalar value of a field (an element, for sequences). */
static int dump_value(wfo_strbuf *out, const wfc_ast_field *f, const void *p) {
    switch (f->type) {
    case WFC_FT_NODE: {
        const void *n = *(const void *const *)p;
        if (!n) return put(out, "None");
        return dump_node(out, f->cat, n);
    }
    case WFC_FT_ENUM: return dump_enum(out, f->cat, *(const int *)p);
    case WFC_FT_IDENT:
    case WFC_FT_STRING: {
        const char *s = *(const char *const *)p;
        if (!s) return put(out, "None");
        return wfo_repr_str(out, s, strlen(s));
    }
    case WFC_FT_CONST: {
        const wfc_constant *c = *(const wfc_constant *const *)p;
        if (!c) return put(out, "None");
        return dump_constant(out, c);
    }
    case WFC_FT_INT: return wfo_strbuf_appendf(out, "%d", *(const int *)p);
    }
    return -1;
}

static int field_is_none(const wfc_ast_field *f, const char *base) {
    if (f->type == WFC_FT_INT || f->type == WFC_FT_ENUM) return 0;
    return *(void *const *)(base + f->offset) == NULL;
}

static int dump_node(wfo_strbuf *out, int cat, const void *node) {
    const wfc_ast_category *k = &wfc_ast_categories[cat];
    const wfc_ast_ctor *ctor;
    if (k->is_sum) {
        int kind = *(const int *)node;
        if (kind < 1 || kind > k->nctors) return -1;
        ctor = &k->ctors[kind - 1];
    } else {
        ctor = &k->ctors[0];
    }
    const char *base = node;
    if (put(out, ctor->name) < 0 || put(out, "(") < 0) return -1;
    int first = 1;
    for (int i = 0; i < ctor->nfields; i++) {
        const wfc_ast_field *f = &ctor->fields[i];
        if (f->opt && !f->seq && field_is_none(f, base)) continue;
        if (!first && put(out, ", ") < 0) return -1;
        first = 0;
        if (put(out, f->name) < 0 || put(out, "=") < 0) return -1;
        if (f->seq) {
            if (put(out, "[") < 0) return -1;
            if (f->type == WFC_FT_ENUM) {
                const wfc_int_seq *s = *(const wfc_int_seq *const *)(base + f->offset);
                for (int j = 0; s && j < s->len; j++) {
                    if (j && put(out, ", ") < 0) return -1;
                    if (dump_enum(out, f->cat, s->items[j]) < 0) return -1;
                }
            } else {
                const wfc_seq *s = *(const wfc_seq *const *)(base + f->offset);
                for (int j = 0; s && j < s->len; j++) {
                    if (j && put(out, ", ") < 0) return -1;
                    if (dump_value(out, f, &s->items[j]) < 0) return -1;
                }
            }
            if (put(out, "]") < 0) return -1;
        } else if (dump_value(out, f, base + f->offset) < 0) {
            return -1;
        }
    }
    if (dump_attrs && k->has_pos) {
        static const char *const names[4] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
        const int *pos = (const int *)(base + k->pos_offset);
        for (int i = 0; i < 4; i++) {
            if (wfo_strbuf_appendf(out, "%s%s=%d", first ? "" : ", ", names[i], pos[i]) < 0) return -1;
            first = 0;
        }
    }
    return put(out, ")");
}

int wfc_ast_dump(wfo_strbuf *out, const wfc_mod *mod) {
    dump_attrs = 0;
    return dump_node(out, WFC_CAT_mod, mod);
}

int wfc_ast_dump_attrs(wfo_strbuf *out, const wfc_mod *mod) {
    dump_attrs = 1;
    int rc = dump_node(out, WFC_CAT_mod, mod);
    dump_attrs = 0;
    return rc;
}

int wfc_ast_dump_expr(wfo_strbuf *out, const wfc_expr *e) {
    dump_attrs = 0;
    return dump_node(out, WFC_CAT_expr, e);
}
