/*
 * runtime/compiler/syntax_error.h — syntax errors of the front end.
 *
 * A wfc_syntax_error is filled by the tokenizer/parser/validator when the
 * source is rejected: the exception class, CPython's message, the file
 * name and the location (1-based line, 0-based UTF-8 byte columns; the
 * end is exclusive, -1 when unknown) and the text of the offending line.
 * wfc_syntax_error_print writes it as CPython 3.11 prints an uncaught
 * SyntaxError raised while compiling a script:
 *
 *       File "x.py", line 3
 *         x = (1,
 *             ^
 *     SyntaxError: '(' was never closed
 */
#ifndef WEFT_COMPILER_SYNTAX_ERROR_H
#define WEFT_COMPILER_SYNTAX_ERROR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef enum wfc_error_kind {
    WFC_ERR_NONE = 0,
    WFC_ERR_SYNTAX,     /* SyntaxError */
    WFC_ERR_INDENT,     /* IndentationError */
    WFC_ERR_TAB,        /* TabError */
    WFC_ERR_MEMORY,     /* MemoryError (parser stack exhausted, as CPython) */
    WFC_ERR_RECURSION,  /* RecursionError (tree too deep to compile) */
} wfc_error_kind;

typedef struct wfc_syntax_error {
    wfc_error_kind kind;
    char msg[512];
    int lineno, col_offset;          /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;  /* -1 when unknown */
    char *text;                      /* malloc'd line text (no newline) or NULL */
} wfc_syntax_error;

/* The Python name of the exception class ("SyntaxError", ...). */
const char *wfc_error_kind_name(wfc_error_kind kind);
void wfc_syntax_error_clear(wfc_syntax_error *e);
/* Fill *e as a SyntaxError with fmt's message at lines l..el, columns
 * c..ec, and the text of line l of src (len bytes, a UTF-8 BOM skipped);
 * shared by the validator, the symbol table and the compiler. */
void wfc_syntax_error_vset(wfc_syntax_error *e, const char *src, size_t len, int l, int c, int el, int ec,
                           const char *fmt, va_list ap);
/* Print in CPython 3.11's format for an uncaught error of a script. */
void wfc_syntax_error_print(FILE *out, const char *filename, const wfc_syntax_error *e);

#endif /* WEFT_COMPILER_SYNTAX_ERROR_H */
