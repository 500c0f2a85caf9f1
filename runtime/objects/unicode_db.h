/*
 * runtime/objects/unicode_db.h — queries on the generated Unicode tables
 * (unicode_tables.c): identifier classes, printability, character names,
 * character types and full case mappings (str's case and class methods).
 * Pure functions of static data; safe from any thread.
 */
#ifndef WEFT_OBJECTS_UNICODE_DB_H
#define WEFT_OBJECTS_UNICODE_DB_H

#include <stddef.h>
#include <stdint.h>

/* XID_Start / XID_Continue as str.isidentifier uses them ('_' is not
 * XID_Start: callers allow it). */
int wfo_uni_is_xid_start(uint32_t cp);
int wfo_uni_is_xid_continue(uint32_t cp);
/* Exactly str.isprintable() for one character. */
int wfo_uni_is_printable(uint32_t cp);
/* \N{NAME}: code point of NAME (case-insensitive, aliases included,
 * named sequences excluded), or -1. */
int32_t wfo_uni_lookup_name(const char *name, size_t len);
/* cp -> its character name in buf (1), or 0 when it has none. */
int wfo_uni_name_of(uint32_t cp, char *buf, size_t cap);

/* NFKC normalization of generalized UTF-8 text (what CPython applies to
 * non-ASCII identifiers), as unicodedata.normalize('NFKC', s).  Returns a
 * malloc'd NUL-terminated string (length in *outlen if non-NULL), or NULL
 * when out of memory or when s is not valid (generalized) UTF-8. */
char *wfo_uni_nfkc(const char *s, size_t len, size_t *outlen);

/* Character types, exactly as python3's one-character str predicates
 * (str.isalpha() ... for chr(cp)); lower/upper/title are the Unicode
 * Lowercase / Uppercase properties and category Lt, which str.islower /
 * isupper / istitle combine; cased and case_ignorable are the Unicode
 * properties str.title() and the final-sigma rule use.  Code points past
 * U+10FFFF have no properties. */
int wfo_uni_is_alpha(uint32_t cp);
int wfo_uni_is_decimal(uint32_t cp);
int wfo_uni_is_digit(uint32_t cp);
int wfo_uni_is_numeric(uint32_t cp);
int wfo_uni_is_alnum(uint32_t cp); /* alpha, decimal, digit or numeric */
int wfo_uni_is_space(uint32_t cp);
int wfo_uni_is_lower(uint32_t cp);
int wfo_uni_is_upper(uint32_t cp);
int wfo_uni_is_title(uint32_t cp);
int wfo_uni_is_cased(uint32_t cp);
int wfo_uni_is_case_ignorable(uint32_t cp);
/* Decimal / digit value (unicodedata.decimal / digit), or -1. */
int wfo_uni_decimal_value(uint32_t cp);
int wfo_uni_digit_value(uint32_t cp);

/* Full case mappings (SpecialCasing's unconditional entries included):
 * write the 1 to WFO_UNI_MAX_CASE code points of chr(cp).upper() /
 * .lower() / .title() / .casefold() to out and return how many.  The
 * context-dependent final sigma is the caller's (str.c applies it with
 * wfo_uni_is_cased / wfo_uni_is_case_ignorable). */
#define WFO_UNI_MAX_CASE 3
int wfo_uni_to_upper_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE]);
int wfo_uni_to_lower_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE]);
int wfo_uni_to_title_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE]);
int wfo_uni_to_fold_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE]);

#endif
