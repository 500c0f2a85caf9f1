/*
 * runtime/objects/bigint.c — unsigned magnitudes in base 2^30 and their
 * conversion from/to digit strings.
 *
 * Invariants: digits are < 2^30 and the top digit is non-zero (n == 0 for
 * zero).  Every function that grows a magnitude reports allocation failure
 * instead of aborting, and leaves the magnitude valid (possibly unchanged).
 * From power-of-two bases, bits are packed directly (linear); from base
 * 10, nine digits at a time are folded in with one multiply-add; to base
 * 10, the number is divided repeatedly by 10^9 (quadratic — CPython 3.11
 * itself refuses decimal conversions over 4300 digits by default).
 */
#include "runtime/objects/bigint.h"

#include <stdlib.h>
#include <string.h>

void wfo_bigmag_init(wfo_bigmag *m)
{
    m->d = NULL;
    m->n = 0;
    m->cap = 0;
}

void wfo_bigmag_free(wfo_bigmag *m)
{
    free(m->d);
    wfo_bigmag_init(m);
}

static int reserve(wfo_bigmag *m, size_t need)
{
    if (need <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap : 4;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / sizeof(uint32_t))
            return -1;
        cap *= 2;
    }
    uint32_t *d = realloc(m->d, cap * sizeof(uint32_t));
    if (!d)
        return -1;
    m->d = d;
    m->cap = cap;
    return 0;
}

static void normalize(wfo_bigmag *m)
{
    while (m->n > 0 && m->d[m->n - 1] == 0)
        m->n--;
}

int wfo_bigmag_set_u64(wfo_bigmag *m, uint64_t v)
{
    if (reserve(m, 3) < 0)
        return -1;
    m->n = 0;
    while (v) {
        m->d[m->n++] = (uint32_t)(v & WFO_BIG_MASK);
        v >>= WFO_BIG_SHIFT;
    }
    return 0;
}

int wfo_bigmag_mul_add(wfo_bigmag *m, uint32_t mul, uint32_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < m->n; i++) {
        uint64_t t = (uint64_t)m->d[i] * mul + carry;
        m->d[i] = (uint32_t)(t & WFO_BIG_MASK);
        carry = t >> WFO_BIG_SHIFT;
    }
    while (carry) {
        if (reserve(m, m->n + 1) < 0)
            return -1;
        m->d[m->n++] = (uint32_t)(carry & WFO_BIG_MASK);
        carry >>= WFO_BIG_SHIFT;
    }
    normalize(m);
    return 0;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

int wfo_bigmag_from_string(wfo_bigmag *m, const char *s, size_t len, int base)
{
    int bits = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : 0;
    if (!bits && base != 10)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '_' && digit_value(s[i]) >= base)
            return -1;
    m->n = 0;
    if (bits) {
        /* Pack from the least significant end. */
        size_t ndig = 0;
        for (size_t i = 0; i < len; i++)
            ndig += s[i] != '_';
        size_t total = ndig * (size_t)bits;
        if (reserve(m, total / WFO_BIG_SHIFT + 1) < 0)
            return -2;
        uint64_t acc = 0;
        int accbits = 0;
        size_t k = 0;
        for (size_t i = len; i-- > 0;) {
            if (s[i] == '_')
                continue;
            acc |= (uint64_t)digit_value(s[i]) << accbits;
            accbits += bits;
            if (accbits >= WFO_BIG_SHIFT) {
                m->d[k++] = (uint32_t)(acc & WFO_BIG_MASK);
                acc >>= WFO_BIG_SHIFT;
                accbits -= WFO_BIG_SHIFT;
            }
        }
        if (accbits)
            m->d[k++] = (uint32_t)acc;
        m->n = k;
        normalize(m);
        return 0;
    }
    uint32_t chunk = 0, mul = 1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '_')
            continue;
        chunk = chunk * 10 + (uint32_t)digit_value(s[i]);
        mul *= 10;
        if (mul == 1000000000u) {
            if (wfo_bigmag_mul_add(m, mul, chunk) < 0)
                return -2;
            chunk = 0;
            mul = 1;
        }
    }
    if (mul > 1 && wfo_bigmag_mul_add(m, mul, chunk) < 0)
        return -2;
    return 0;
}

char *wfo_bigmag_to_decimal(const wfo_bigmag *m, size_t *lenp)
{
    /* Each 30-bit digit gives at most 10 decimal digits (2^30 < 10^10). */
    size_t n = m->n;
    uint32_t *work = malloc((n ? n : 1) * sizeof(uint32_t));
    /* base-10^9 chunks, least significant first */
    size_t maxchunks = n * 30 / 29 + 2;
    uint32_t *chunks = malloc(maxchunks * sizeof(uint32_t));
    if (!work || !chunks) {
        free(work);
        free(chunks);
        return NULL;
    }
    if (n)
        memcpy(work, m->d, n * sizeof(uint32_t));
    size_t nchunks = 0;
    while (n > 0) {
        uint64_t rem = 0;
        for (size_t i = n; i-- > 0;) {
            uint64_t cur = (rem << WFO_BIG_SHIFT) | work[i];
            work[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunks[nchunks++] = (uint32_t)rem;
        while (n > 0 && work[n - 1] == 0)
            n--;
    }
    free(work);
    size_t cap = nchunks * 9 + 2;
    char *out = malloc(cap);
    if (!out) {
        free(chunks);
        return NULL;
    }
    size_t len = 0;
    if (nchunks == 0) {
        out[len++] = '0';
    } else {
        /* top chunk without leading zeros, the others padded to 9 */
        char tmp[16];
        uint32_t top = chunks[nchunks - 1];
        int tl = 0;
        do {
            tmp[tl++] = (char)('0' + top % 10);
            top /= 10;
        } while (top);
        while (tl)
            out[len++] = tmp[--tl];
        for (size_t c = nchunks - 1; c-- > 0;) {
            uint32_t v = chunks[c];
            for (int k = 8; k >= 0; k--) {
                out[len + (size_t)k] = (char)('0' + v % 10);
                v /= 10;
            }
            len += 9;
        }
    }
    out[len] = 0;
    free(chunks);
    if (lenp)
        *lenp = len;
    return out;
}

size_t wfo_bigmag_bit_length(const wfo_bigmag *m)
{
    if (m->n == 0)
        return 0;
    uint32_t top = m->d[m->n - 1];
    size_t b = 0;
    while (top) {
        b++;
        top >>= 1;
    }
    return (m->n - 1) * WFO_BIG_SHIFT + b;
}

int wfo_bigmag_to_u64(const wfo_bigmag *m, uint64_t *out)
{
    if (wfo_bigmag_bit_length(m) > 64)
        return -1;
    uint64_t v = 0;
    for (size_t i = m->n; i-- > 0;)
        v = (v << WFO_BIG_SHIFT) | m->d[i];
    *out = v;
    return 0;
}

int wfo_bigmag_cmp(const wfo_bigmag *a, const wfo_bigmag *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (size_t i = a->n; i-- > 0;)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}
