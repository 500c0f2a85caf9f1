/*
 * runtime/compiler/literals.h — values of NUMBER and STRING tokens.
 *
 * wfc_parse_number turns one NUMBER token into an exact value: integers as
 * their decimal digits (any size), floats and imaginary literals as the
 * correctly rounded double.  wfc_decode_string turns one STRING token
 * (prefix and quotes included) into its value with every escape decoded,
 * or — for f-strings — into the raw body between the quotes, for the
 * parser to split.  Both return 0, or -1 with CPython's message text in
 * errmsg (and nothing to free in *out).
 *
 * str values are "generalized UTF-8": a lone surrogate from \ud800 is kept
 * as its 3-byte form so it round-trips through repr (runtime/objects/
 * repr.h).  bytes values are raw bytes (may contain NUL).
 */
#ifndef WEFT_COMPILER_LITERALS_H
#define WEFT_COMPILER_LITERALS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wfc_number {
    enum { WFC_NUM_INT, WFC_NUM_FLOAT, WFC_NUM_IMAG } kind;
    char *int_decimal;  /* WFC_NUM_INT: malloc'd decimal digits, no sign, no leading zeros */
    double value;       /* WFC_NUM_FLOAT / WFC_NUM_IMAG (the imaginary part) */
} wfc_number;

/* CPython's default limit on decimal integer literals (sys.int_info). */
#define WFC_MAX_STR_DIGITS 4300

/* The limit the parser applies to decimal integer literals: the
 * interpreter's current sys.get_int_max_str_digits() (0 = none), which
 * runtime/objects/int.c stores here whenever it changes.  Relaxed atomic
 * loads and stores. */
void wfc_set_max_str_digits(int limit);
int wfc_get_max_str_digits(void);

int wfc_parse_number(const char *text, size_t len, wfc_number *out, char *errmsg, size_t errlen);
void wfc_number_free(wfc_number *n);

typedef struct wfc_string {
    bool is_bytes, is_fstring, is_raw;
    char *data;  /* malloc'd, NUL-terminated (the NUL is not counted) */
    size_t len;
} wfc_string;

int wfc_decode_string(const char *tok, size_t len, wfc_string *out, char *errmsg, size_t errlen);
void wfc_string_free(wfc_string *s);

#endif
