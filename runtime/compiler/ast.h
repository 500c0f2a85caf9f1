/*
 * runtime/compiler/ast.h — the abstract syntax tree of CPython 3.11.
 *
 * Node kinds and fields are exactly those of Python 3.11's `ast` module:
 * they are generated into ast_nodes.h/.c by tools/gen_ast.py from the
 * running python3.  Sum types (mod, stmt, expr, pattern, excepthandler,
 * type_ignore) are a struct with a `kind` and a union `v` named after the
 * constructor (e->v.BinOp.left); product types (arguments, arg, keyword,
 * alias, withitem, match_case, comprehension) are plain structs; the
 * simple sums (expr_context, boolop, operator, unaryop, cmpop) are enums.
 * Nodes with positions carry lineno/end_lineno (1-based) and
 * col_offset/end_col_offset (0-based UTF-8 byte columns).
 *
 * Representation of ASDL builtins:
 *   identifier, string  -> const char * (UTF-8, NUL-terminated; NULL = None)
 *   constant            -> wfc_constant *
 *   int                 -> int
 *   T*                  -> wfc_seq * (node pointers; an element may be NULL
 *                          where Python holds None: Dict.keys,
 *                          arguments.kw_defaults), or wfc_int_seq * for
 *                          sequences of simple enums (Compare.ops)
 * Everything is allocated from one wfc_arena; sequences are never NULL in
 * a finished tree.
 */
#ifndef WEFT_COMPILER_AST_H
#define WEFT_COMPILER_AST_H

#include <stddef.h>

#include "runtime/compiler/arena.h"

typedef struct wfc_seq {
    int len;
    void *items[]; /* node pointers or const char * identifiers */
} wfc_seq;

typedef struct wfc_int_seq {
    int len;
    int items[];
} wfc_int_seq;

typedef enum wfc_const_kind {
    WFC_CONST_NONE,
    WFC_CONST_TRUE,
    WFC_CONST_FALSE,
    WFC_CONST_ELLIPSIS,
    WFC_CONST_INT,     /* str: decimal digits of the (non-negative) value */
    WFC_CONST_FLOAT,   /* f */
    WFC_CONST_COMPLEX, /* f: the imaginary part; the real part is 0.0 */
    WFC_CONST_STR,     /* str/len: UTF-8 (lone surrogates as 3-byte forms) */
    WFC_CONST_BYTES,   /* str/len: raw bytes */
    /* Only made by constant folding (ast_opt.c) and the compiler: */
    WFC_CONST_TUPLE,     /* elts/nelts */
    WFC_CONST_FROZENSET, /* elts/nelts (distinct values, in first-seen order) */
    WFC_CONST_CODE,      /* code: a nested code object (compiler output only) */
} wfc_const_kind;

typedef struct wfc_constant {
    wfc_const_kind kind;
    const char *str; /* INT, STR, BYTES; NUL-terminated, may hold NULs */
    size_t len;
    double f;        /* FLOAT, COMPLEX (imaginary part) */
    /* Constant folding extends the parser's constants (zero from the parser):
     * INT str may then start with '-'; COMPLEX has a real part. */
    double real;                  /* COMPLEX: the real part */
    struct wfc_constant **elts;   /* TUPLE, FROZENSET */
    int nelts;
    struct wfc_code *code;        /* CODE (see code.h) */
} wfc_constant;

#include "runtime/compiler/ast_nodes.h"

/* Field descriptors (ast_nodes.c), walked by ast_dump.c. */
typedef enum wfc_field_type {
    WFC_FT_NODE,   /* pointer to a node of category `cat` */
    WFC_FT_ENUM,   /* simple enum of category `cat` */
    WFC_FT_IDENT,
    WFC_FT_STRING,
    WFC_FT_CONST,
    WFC_FT_INT,
} wfc_field_type;

typedef struct wfc_ast_field {
    const char *name;
    wfc_field_type type;
    int cat;       /* wfc_ast_cat for NODE/ENUM, else -1 */
    int seq, opt;  /* ASDL T* and T? */
    size_t offset; /* in the category's struct */
} wfc_ast_field;

typedef struct wfc_ast_ctor {
    const char *name;
    int nfields;
    const wfc_ast_field *fields;
} wfc_ast_ctor;

typedef struct wfc_ast_category {
    const char *name;
    int is_sum, is_simple, nctors, has_pos;
    const wfc_ast_ctor *ctors; /* index kind-1 for sums */
    size_t pos_offset;         /* has_pos: offset of lineno, col_offset,
                                  end_lineno, end_col_offset (4 ints) */
} wfc_ast_category;

extern const wfc_ast_category wfc_ast_categories[WFC_CAT__COUNT];

/* Sequences (zeroed items). */
wfc_seq *wfc_seq_new(wfc_arena *a, int len);
wfc_int_seq *wfc_int_seq_new(wfc_arena *a, int len);

/* ast.dump(tree) of CPython 3.11 (no indent, fields annotated) appended
 * to *out (a wfo_strbuf).  Returns 0, or -1 when out of memory. */
struct wfo_strbuf;
int wfc_ast_dump(struct wfo_strbuf *out, const wfc_mod *mod);
/* The same with include_attributes=True (positions after the fields). */
int wfc_ast_dump_attrs(struct wfo_strbuf *out, const wfc_mod *mod);
int wfc_ast_dump_expr(struct wfo_strbuf *out, const wfc_expr *e);

#endif /* WEFT_COMPILER_AST_H */
