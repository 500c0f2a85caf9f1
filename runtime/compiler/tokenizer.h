/*
 * runtime/compiler/tokenizer.h — the contract between the tokenizer
 * (tokenizer.c) and the parser (parser.c).
 *
 * The tokenizer turns UTF-8 source (after PEP 263 / BOM handling) into the
 * token stream of CPython 3.11's tokenizer: NAME, NUMBER, STRING (the
 * whole literal, prefix and quotes included — f-strings too; the parser
 * splits f-strings), OP (with the exact operator kind), NEWLINE, INDENT,
 * DEDENT, ENDMARKER, plus ASYNC/AWAIT handled as NAMEs (3.11 keywords are
 * recognised by the parser).  Comments and non-logical newlines (NL) are
 * skipped unless WFC_TOK_KEEP_COMMENTS is set.
 *
 * Positions: lines are 1-based; columns are 0-based UTF-8 *byte* offsets
 * from the start of the line, as CPython's AST col_offset/end_col_offset.
 * Token text points into the tokenizer's own decoded (UTF-8) buffer and
 * stays valid until wfc_tokenizer_free.
 */
#ifndef WEFT_COMPILER_TOKENIZER_H
#define WEFT_COMPILER_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

typedef enum wfc_tok_kind {
    WFC_TOK_ENDMARKER = 0,
    WFC_TOK_NAME,
    WFC_TOK_NUMBER,
    WFC_TOK_STRING,
    WFC_TOK_NEWLINE,
    WFC_TOK_INDENT,
    WFC_TOK_DEDENT,
    WFC_TOK_OP,       /* see wfc_op_kind in .op */
    WFC_TOK_COMMENT,  /* only with WFC_TOK_KEEP_COMMENTS */
    WFC_TOK_NL,       /* only with WFC_TOK_KEEP_COMMENTS */
    WFC_TOK_TYPE_COMMENT,
    WFC_TOK_ERRORTOKEN,
} wfc_tok_kind;

/* Operators and delimiters, one kind each (named as Python's token module). */
typedef enum wfc_op_kind {
    WFC_OP_NONE = 0,
    WFC_OP_LPAR, WFC_OP_RPAR, WFC_OP_LSQB, WFC_OP_RSQB, WFC_OP_COLON, WFC_OP_COMMA,
    WFC_OP_SEMI, WFC_OP_PLUS, WFC_OP_MINUS, WFC_OP_STAR, WFC_OP_SLASH, WFC_OP_VBAR,
    WFC_OP_AMPER, WFC_OP_LESS, WFC_OP_GREATER, WFC_OP_EQUAL, WFC_OP_DOT, WFC_OP_PERCENT,
    WFC_OP_LBRACE, WFC_OP_RBRACE, WFC_OP_EQEQUAL, WFC_OP_NOTEQUAL, WFC_OP_LESSEQUAL,
    WFC_OP_GREATEREQUAL, WFC_OP_TILDE, WFC_OP_CIRCUMFLEX, WFC_OP_LEFTSHIFT,
    WFC_OP_RIGHTSHIFT, WFC_OP_DOUBLESTAR, WFC_OP_PLUSEQUAL, WFC_OP_MINEQUAL,
    WFC_OP_STAREQUAL, WFC_OP_SLASHEQUAL, WFC_OP_PERCENTEQUAL, WFC_OP_AMPEREQUAL,
    WFC_OP_VBAREQUAL, WFC_OP_CIRCUMFLEXEQUAL, WFC_OP_LEFTSHIFTEQUAL,
    WFC_OP_RIGHTSHIFTEQUAL, WFC_OP_DOUBLESTAREQUAL, WFC_OP_DOUBLESLASH,
    WFC_OP_DOUBLESLASHEQUAL, WFC_OP_AT, WFC_OP_ATEQUAL, WFC_OP_RARROW, WFC_OP_ELLIPSIS,
    WFC_OP_COLONEQUAL, WFC_OP_EXCLAMATION,
    WFC_OP__COUNT
} wfc_op_kind;

typedef struct wfc_token {
    wfc_tok_kind kind;
    wfc_op_kind op;     /* for WFC_TOK_OP */
    const char *start;  /* token text (UTF-8), not NUL-terminated */
    size_t len;
    int lineno, col_offset;         /* start position */
    int end_lineno, end_col_offset; /* end position (exclusive column) */
} wfc_token;

/* Error kinds; the message text is CPython's (e.g. "unterminated string
 * literal (detected at line 3)", "unindent does not match any outer
 * indentation level", "invalid decimal literal", "unmatched ')'",
 * "'(' was never closed", "inconsistent use of tabs and spaces in
 * indentation"). */
typedef enum wfc_tok_error_kind {
    WFC_TOKERR_NONE = 0,
    WFC_TOKERR_SYNTAX,      /* SyntaxError */
    WFC_TOKERR_INDENT,      /* IndentationError */
    WFC_TOKERR_TAB,         /* TabError */
    WFC_TOKERR_DECODE,      /* SyntaxError from decoding (bad UTF-8, unknown
                               coding); CPython's wording */
    WFC_TOKERR_NOMEM,
} wfc_tok_error_kind;

typedef struct wfc_tok_error {
    wfc_tok_error_kind kind;
    char msg[256];
    int lineno, col_offset;          /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;  /* -1 when unknown */
} wfc_tok_error;

enum { WFC_TOK_KEEP_COMMENTS = 1 };

typedef struct wfc_tokenizer wfc_tokenizer;

/* src/len: the raw bytes of the file (encoding cookie and BOM handled
 * here).  filename is only recorded for messages. */
wfc_tokenizer *wfc_tokenizer_new(const char *src, size_t len, const char *filename, int flags);
void wfc_tokenizer_free(wfc_tokenizer *tz);

/* Next token; returns 0 on success, -1 on error (see wfc_tokenizer_error). */
int wfc_tokenizer_next(wfc_tokenizer *tz, wfc_token *out);
const wfc_tok_error *wfc_tokenizer_error(const wfc_tokenizer *tz);

/* The decoded UTF-8 text of line `lineno` (without its newline), for caret
 * lines in error messages; NULL if out of range. */
const char *wfc_tokenizer_line(const wfc_tokenizer *tz, int lineno, size_t *len);

/* Current bracket nesting depth (for the parser's error messages). */
int wfc_tokenizer_paren_depth(const wfc_tokenizer *tz);

#endif /* WEFT_COMPILER_TOKENIZER_H */
