/*
 * runtime/objects/bigint.h — arbitrary-size unsigned magnitudes.
 *
 * A wfo_bigmag is an unsigned integer stored little-endian in base 2^30
 * (the digit size CPython uses, so products of two digits fit in 64 bits
 * with room for carries).  It is plain malloc'd data with no object
 * header: the int type will wrap it and add the sign.
 *
 * Invariant: n is the number of significant digits (no zero digit at
 * d[n-1]); the value zero has n == 0.
 */
#ifndef WEFT_OBJECTS_BIGINT_H
#define WEFT_OBJECTS_BIGINT_H

#include <stddef.h>
#include <stdint.h>

#define WFO_BIG_SHIFT 30
#define WFO_BIG_BASE ((uint32_t)1 << WFO_BIG_SHIFT)
#define WFO_BIG_MASK (WFO_BIG_BASE - 1)

typedef struct wfo_bigmag {
    uint32_t *d;  /* digits, least significant first, each < 2^30 */
    size_t n;     /* significant digits */
    size_t cap;   /* allocated digits */
} wfo_bigmag;

void wfo_bigmag_init(wfo_bigmag *m);
void wfo_bigmag_free(wfo_bigmag *m);
int wfo_bigmag_set_u64(wfo_bigmag *m, uint64_t v);
/* m = m * mul + add (mul, add < 2^32).  0, or -1 when out of memory. */
int wfo_bigmag_mul_add(wfo_bigmag *m, uint32_t mul, uint32_t add);
/* Parse digits in base 2, 8, 10 or 16 ('_' separators are skipped, both
 * letter cases accepted).  0 on success; -1 on a character that is not a
 * digit of the base, -2 when out of memory.  Power-of-two bases are
 * linear time; base 10 is quadratic. */
int wfo_bigmag_from_string(wfo_bigmag *m, const char *s, size_t len, int base);
/* Decimal digits of m, malloc'd and NUL-terminated ("0" for zero), or
 * NULL when out of memory; *len gets the length if len is non-NULL. */
char *wfo_bigmag_to_decimal(const wfo_bigmag *m, size_t *len);
/* Number of bits in m (0 for zero). */
size_t wfo_bigmag_bit_length(const wfo_bigmag *m);
/* m as uint64: 0 if it fits, -1 otherwise. */
int wfo_bigmag_to_u64(const wfo_bigmag *m, uint64_t *out);
/* Compare magnitudes: <0, 0, >0. */
int wfo_bigmag_cmp(const wfo_bigmag *a, const wfo_bigmag *b);

#endif
