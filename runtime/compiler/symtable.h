/*
 * runtime/compiler/symtable.h — the symbol table of a module, as CPython
 * 3.11's symtable.c builds it.
 *
 * wfc_symtable_build walks a Module tree (after wfc_check_depth) and makes
 * one wfc_ste ("symbol table entry") per scope: the module, each class,
 * each function and lambda, each comprehension (a function scope of its
 * own in 3.11, whose first iterator is evaluated in the enclosing scope and
 * passed in as the implicit parameter ".0").  Each symbol carries CPython's
 * definition flags (WFC_DEF_*) and, after the analysis pass, its scope
 * (WFC_SCOPE_*) — the pair python3's `symtable` module exposes as
 * Symbol._Symbol__flags == flags | scope << WFC_SCOPE_OFF.
 *
 * Names are mangled (`__x` in a class body and everything nested in it
 * becomes `_Class__x`) as they are entered; wfc_mangle is the rule.
 * Errors (global/nonlocal misuse, duplicate arguments, yield in a
 * comprehension, walrus misuse, …) carry CPython's message and location.
 *
 * Invariants: every scope's symbols are unique by (mangled) name and kept in
 * insertion order; children are in the order CPython visits them; the
 * table owns all its memory (one arena plus malloc'd arrays), freed by
 * wfc_symtable_free.  Annotation scopes made under `from __future__ import
 * annotations` are detached (not children), as 3.11's are.
 */
#ifndef WEFT_COMPILER_SYMTABLE_H
#define WEFT_COMPILER_SYMTABLE_H

#include <stddef.h>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/syntax_error.h"

/* Definition flags (CPython's DEF_* values). */
enum {
    WFC_DEF_GLOBAL = 1,        /* global statement */
    WFC_DEF_LOCAL = 2,         /* assignment in this block */
    WFC_DEF_PARAM = 4,         /* formal parameter */
    WFC_DEF_NONLOCAL = 8,      /* nonlocal statement */
    WFC_USE = 16,              /* name is read */
    WFC_DEF_FREE = 32,         /* name used but not defined in nested block */
    WFC_DEF_FREE_CLASS = 64,   /* free variable from class's method */
    WFC_DEF_IMPORT = 128,      /* bound by import */
    WFC_DEF_ANNOT = 256,       /* annotated name */
    WFC_DEF_COMP_ITER = 512,   /* comprehension iteration variable */
    WFC_DEF_BOUND = WFC_DEF_LOCAL | WFC_DEF_PARAM | WFC_DEF_IMPORT,
};

/* Scopes after analysis (CPython's values). */
enum {
    WFC_SCOPE_NONE = 0,
    WFC_SCOPE_LOCAL = 1,
    WFC_SCOPE_GLOBAL_EXPLICIT = 2,
    WFC_SCOPE_GLOBAL_IMPLICIT = 3,
    WFC_SCOPE_FREE = 4,
    WFC_SCOPE_CELL = 5,
};
#define WFC_SCOPE_OFF 11

typedef enum wfc_block_type {
    WFC_BLOCK_FUNCTION = 0,
    WFC_BLOCK_CLASS = 1,
    WFC_BLOCK_MODULE = 2,
    WFC_BLOCK_ANNOTATION = 3,
} wfc_block_type;

typedef enum wfc_comp_kind {
    WFC_COMP_NONE = 0,
    WFC_COMP_LIST,
    WFC_COMP_SET,
    WFC_COMP_DICT,
    WFC_COMP_GENEXP,
} wfc_comp_kind;

typedef struct wfc_symbol {
    const char *name; /* mangled */
    int flags;        /* WFC_DEF_* / WFC_USE */
    int scope;        /* WFC_SCOPE_* after analysis */
} wfc_symbol;

typedef struct wfc_ste wfc_ste;
struct wfc_ste {
    wfc_block_type type;
    const char *name;      /* "top", the def/class name, "lambda", "listcomp", ... */
    const void *key;       /* the AST node (Module, FunctionDef, ClassDef, Lambda, comprehension expr) */
    int lineno, col_offset, end_lineno, end_col_offset;
    wfc_ste *parent;
    wfc_ste **children;
    int nchildren, ccap;
    wfc_symbol *syms;      /* insertion order */
    int nsyms, scap;
    int *hash;             /* open addressing: index+1 into syms, 0 empty */
    int hcap;
    const char **varnames; /* parameters in order: posonly, args, kwonly, *args, **kw */
    int nvarnames, vcap;
    wfc_comp_kind comp;    /* comprehension kind, or NONE */
    unsigned nested : 1, has_free : 1, child_free : 1, generator : 1, coroutine : 1, varargs : 1,
        varkeywords : 1, returns_value : 1, needs_class_closure : 1, comp_iter_target : 1;
    int comp_iter_expr;
};

typedef struct wfc_symtable {
    wfc_ste *top;
    int future_annotations;  /* from __future__ import annotations */
    /* internal */
    struct wfc_arena *arena;
    wfc_ste **all;           /* every entry (for lookup and freeing) */
    int nall, allcap;
    const wfc_ste **map_keys;
    int mapcap;
} wfc_symtable;

/* Build and analyze.  NULL on error with *err filled (CPython's message,
 * the line text taken from src). */
wfc_symtable *wfc_symtable_build(const wfc_mod *mod, const char *src, size_t len, wfc_syntax_error *err);
void wfc_symtable_free(wfc_symtable *st);
/* The entry made for an AST node (FunctionDef/Lambda/ClassDef/comprehension/Module). */
wfc_ste *wfc_symtable_lookup(const wfc_symtable *st, const void *key);
/* Symbol of a scope by mangled name, or NULL. */
const wfc_symbol *wfc_ste_symbol(const wfc_ste *ste, const char *name);
/* scope of a name (WFC_SCOPE_*, 0 when unknown). */
int wfc_ste_scope(const wfc_ste *ste, const char *name);

/* 1 when the module begins (after an optional docstring) with
 * `from __future__ import annotations` among its future imports. */
int wfc_future_annotations(const wfc_mod *mod);

/* CPython's _Py_Mangle: `name` mangled for class `priv` (NULL: none).
 * Returns `name` itself when unchanged, else an arena copy. */
const char *wfc_mangle(struct wfc_arena *a, const char *priv, const char *name);

/* `weft --dump-symtable FILE` format: one line per scope and per symbol
 * (see tools/symtable_compare.py). */
struct wfo_strbuf;
int wfc_symtable_dump(struct wfo_strbuf *out, const wfc_symtable *st);

#endif /* WEFT_COMPILER_SYMTABLE_H */
