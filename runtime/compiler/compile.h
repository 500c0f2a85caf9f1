/*
 * runtime/compiler/compile.h — AST to code objects.
 *
 * wfc_compile runs what CPython's compile(src, filename, "exec") runs after
 * parsing: the post-parse checks (validate.c), the symbol table
 * (symtable.c), constant folding (ast_opt.c, which rewrites the tree in
 * place in `ast_arena`) and code generation with the flow-graph passes
 * (exception-table labelling, exact stack depth, assembly).  The result is
 * a wfc_code_unit (code.h) independent of the tree and the source.
 *
 * optimize: 0 normal, 1 as -O (asserts and `if __debug__:` bodies removed,
 * __debug__ is False), 2 as -OO (docstrings dropped too).
 */
#ifndef WEFT_COMPILER_COMPILE_H
#define WEFT_COMPILER_COMPILE_H

#include <stddef.h>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/code.h"
#include "runtime/compiler/syntax_error.h"

wfc_code_unit *wfc_compile(wfc_mod *mod, wfc_arena *ast_arena, const char *src, size_t len, const char *filename,
                           int optimize, wfc_syntax_error *err);

/* Constant folding in place (ast_opt.c).  0, or -1 with *err filled
 * (out of memory only). */
int wfc_ast_optimize(wfc_mod *mod, wfc_arena *arena, int optimize, wfc_syntax_error *err);

/* Python source for an expression, as CPython's ast_unparse.c writes it
 * for `from __future__ import annotations` (unparse.c).  0 or -1 (memory). */
struct wfo_strbuf;
int wfc_unparse_expr(struct wfo_strbuf *out, const wfc_expr *e);

#endif /* WEFT_COMPILER_COMPILE_H */
