/*
 * runtime/objects/unicode_db.h — queries on the generated Unicode tables
 * (unicode_tables.c): identifier classes, printability, character names.
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

/* NFKC normalization of generalized UTF-8 text (what CPython applies to
 * non-ASCII identifiers), as unicodedata.normalize('NFKC', s).  Returns a
 * malloc'd NUL-terminated string (length in *outlen if non-NULL), or NULL
 * when out of memory or when s is not valid (generalized) UTF-8. */
char *wfo_uni_nfkc(const char *s, size_t len, size_t *outlen);

#endif
