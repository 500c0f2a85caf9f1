/*
 * runtime/compiler/parser_internal.h — state shared by parser.c and
 * fstring.c.
 *
 * The parser reads tokens lazily into a growing array (so it can look
 * ahead and backtrack to a saved index) and reports errors by longjmp to
 * the innermost handler: every parse function either returns a node or
 * does not return.  A backtracking point installs its own handler and
 * resumes on failure unless the error is `fatal` (tokenizer errors, out of
 * memory, nesting too deep), which always reach wfc_parse.
 *
 * A parser may be a child parsing one f-string replacement field: its
 * tokens are shifted to the position of the field in the file (line
 * base_line, and base_col added on the field's first line), and its
 * errors are reported through the parent with an "f-string: " prefix.
 */
#ifndef WEFT_COMPILER_PARSER_INTERNAL_H
#define WEFT_COMPILER_PARSER_INTERNAL_H

#include <setjmp.h>
#include <stdarg.h>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/tokenizer.h"

typedef struct wfc_ptoken {
    wfc_token t;
    int level; /* bracket depth after this token */
} wfc_ptoken;

typedef struct wfc_parser {
    wfc_arena *arena;
    wfc_tokenizer *tz;
    const char *filename;
    wfc_ptoken **toks; /* tokens read so far; each token is arena-allocated
                          and never moves, so a token pointer stays valid
                          while more tokens are read */
    int ntoks, cap;
    int pos;           /* index of the current token */
    int maxpos;        /* furthest token index looked at */
    int level;         /* bracket depth after the last token read */
    int depth;         /* recursion depth (MemoryError past WFC_MAX_DEPTH) */
    char *stack_base;  /* frame address of wfc_parse, for the stack budget */
    jmp_buf *jmp;      /* innermost error handler */
    int fatal;         /* the pending error must not be caught by backtracking */
    wfc_syntax_error *err;
    /* f-string child parsers */
    struct wfc_parser *parent;
    int base_line, base_col;
    int fstring_depth; /* nesting of format specs (0 at top level) */
    int call_arg;      /* the next named_expression is a call argument:
                          CPython's invalid_kwarg applies there, not
                          invalid_named_expression */
} wfc_parser;

enum { WFC_MAX_DEPTH = 6000 };

/* Errors (never return). */
_Noreturn void wfc_p_raise(wfc_parser *p, wfc_error_kind kind, int lineno, int col,
                           int end_lineno, int end_col, const char *fmt, ...);
_Noreturn void wfc_p_raise_tok(wfc_parser *p, const wfc_token *t, const char *fmt, ...);
_Noreturn void wfc_p_raise_nomem(wfc_parser *p);

/* Strings: the atom made of the STRING tokens toks[first..last]. */
wfc_expr *wfc_p_strings(wfc_parser *p, int first, int last);
/* Parse one f-string replacement expression (fstring.c calls back). */
wfc_expr *wfc_p_fstring_expr(wfc_parser *p, const char *text, size_t len, int line, int col);

void *wfc_p_alloc(wfc_parser *p, size_t n);

#endif /* WEFT_COMPILER_PARSER_INTERNAL_H */
