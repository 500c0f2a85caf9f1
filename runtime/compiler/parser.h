/*
 * runtime/compiler/parser.h — source text to AST.
 *
 * wfc_parse turns the raw bytes of a module into a Module tree allocated
 * in `arena`, exactly as CPython 3.11's ast.parse(source) would, or fails
 * with the SyntaxError/IndentationError/TabError CPython reports.
 * wfc_validate runs the checks CPython makes after parsing (symbol table
 * and compiler checks such as 'return' outside function, nonlocal/global
 * misuse, duplicate arguments, tree depth), so that parse+validate
 * rejects what `compile(source, file, "exec")` rejects.
 */
#ifndef WEFT_COMPILER_PARSER_H
#define WEFT_COMPILER_PARSER_H

#include <stddef.h>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/syntax_error.h"

wfc_mod *wfc_parse(const char *src, size_t len, const char *filename, wfc_arena *arena,
                   wfc_syntax_error *err);
/* 0 when the tree is acceptable, else -1 with *err filled.  `src` gives
 * the line text for the message. */
int wfc_validate(const wfc_mod *mod, const char *src, size_t len, wfc_syntax_error *err);
/* Only pass 3 of wfc_validate (the code generator's checks). */
int wfc_validate_codegen(const wfc_mod *mod, const char *src, size_t len, wfc_syntax_error *err);
/* Only the depth check of wfc_validate (what ast.parse also enforces);
 * anything that walks a tree recursively needs it first. */
int wfc_check_depth(const wfc_mod *mod, wfc_syntax_error *err);

#endif /* WEFT_COMPILER_PARSER_H */
