/*
 * runtime/objects/repr.h — CPython-exact repr() of the literal types
 * (str, bytes, float, complex) into a growable byte buffer, plus that
 * buffer.  Used by the AST dump now and by the object types later.
 *
 * Strings are "generalized UTF-8": lone surrogates U+D800..U+DFFF appear
 * as their 3-byte encodings (ED A0 80 for U+D800) so every Python str
 * round-trips.  All functions return 0, or -1 when out of memory (or, for
 * wfo_repr_str, when the input is not generalized UTF-8).
 */
#ifndef WEFT_OBJECTS_REPR_H
#define WEFT_OBJECTS_REPR_H

#include <stdarg.h>
#include <stddef.h>

typedef struct wfo_strbuf {
    char *data;  /* malloc'd, always NUL-terminated once non-NULL */
    size_t len;  /* bytes used, excluding the NUL */
    size_t cap;  /* bytes allocated */
} wfo_strbuf;

void wfo_strbuf_init(wfo_strbuf *b);
void wfo_strbuf_free(wfo_strbuf *b);
int wfo_strbuf_append(wfo_strbuf *b, const char *s, size_t n);
int wfo_strbuf_appendf(wfo_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

int wfo_repr_str(wfo_strbuf *out, const char *utf8, size_t len);
int wfo_repr_bytes(wfo_strbuf *out, const unsigned char *b, size_t len);
int wfo_repr_float(wfo_strbuf *out, double v);
int wfo_repr_complex(wfo_strbuf *out, double real, double imag);

/* The shortest decimal digits that round-trip v (finite, > 0): digits
 * written to buf (no sign, no point, no trailing zeros, NUL-terminated,
 * buf of at least 20 bytes), value = 0.DIGITS * 10^(*decpt).  Among
 * shortest candidates the closest to v is chosen (as David Gay's mode 0,
 * which CPython uses). */
void wfo_float_shortest(double v, char *buf, int *decpt);

#endif
