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
 * As CPython 3.11's C tokenizer: "<>" is returned as NOTEQUAL (the parser
 * must reject it unless it is "!="), a lone '!' as EXCLAMATION (no 3.11
 * grammar rule accepts it), and '$', '?' and '`' as ERRORTOKEN tokens of
 * one byte (CPython's parser reports "invalid syntax" there).  Identifiers
 * are returned as written: the parser applies NFKC to non-ASCII names
 * (wfo_uni_nfkc in runtime/objects/unicode_db.h), as CPython does.
 * A NEWLINE (or NL) for a last line without a newline character has
 * len 0.  INDENT spans the indentation; DEDENT is empty, at the first
 * token of the dedented line (at the line after the last one at EOF).
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

/* Error position: CPython reports a 1-based SyntaxError.offset counted in
 * characters; col_offset is the 0-based byte column of the character that
 * offset points at (so offset == number of characters in
 * line[0 .. col_offset] + 1), and likewise end_col_offset for end_offset.
 * end_col_offset is -1 where CPython's end_offset is 0 or -1 (e.g.
 * "'(' was never closed", TabError, unindent errors).  lineno is 0 for
 * errors CPython reports without a line (null bytes in string mode).
 *
 * offset/end_offset are the numbers CPython 3.11 itself puts in the
 * SyntaxError for the same bytes (file or bytes input without a coding
 * cookie), artifacts included: characters up to the error for most
 * messages, but bytes for those CPython raises through its parser's error
 * codes ("'(' was never closed", "unexpected character after line
 * continuation character" and "unexpected EOF while parsing" -- counted
 * from the first line of a statement continued by a backslash or a
 * multi-line string --, unindent, TabError, too deep, leading zeros).  0
 * and -1 are CPython's own values; -1 also stands for None (decoding
 * errors, null bytes).  Use them verbatim to print what CPython prints. */
typedef struct wfc_tok_error {
    wfc_tok_error_kind kind;
    char msg[256];
    int lineno, col_offset;          /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;  /* -1 when unknown */
    int offset, end_offset;          /* CPython's SyntaxError.offset/end_offset */
} wfc_tok_error;

/* WFC_TOK_KEEP_COMMENTS: also return COMMENT and NL tokens (as Python's
 * tokenize module does).  WFC_TOK_STRING_INPUT: word errors as CPython
 * does for source given as a string/bytes (compile(), ast.parse) rather
 * than read from a file: "source code string cannot contain null bytes",
 * "unknown encoding: X", codec errors; invalid UTF-8 is reported with the
 * file wording in both modes. */
enum { WFC_TOK_KEEP_COMMENTS = 1, WFC_TOK_STRING_INPUT = 2 };

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
