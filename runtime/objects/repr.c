/*
 * runtime/objects/repr.c — repr() of str, bytes, float and complex exactly
 * as CPython 3.11 prints them, and the growable buffer they write into.
 *
 * Invariants: a wfo_strbuf's data is NULL (never used) or NUL-terminated;
 * on failure the functions leave whatever was appended so far (callers
 * free the buffer).  Float repr: the shortest digit string that strtod
 * maps back to the same double (found by correctly rounded "%.*e" at
 * increasing precision, also trying the neighbour on the other side of
 * the value, as the shortest string need not be the nearest one at a
 * power-of-two boundary), laid out by CPython's rules: exponent form when
 * the decimal point position is < -3 or > 16, otherwise fixed with ".0"
 * added to integral values.
 */
#include "runtime/objects/repr.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/unicode_db.h"

void wfo_strbuf_init(wfo_strbuf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void wfo_strbuf_free(wfo_strbuf *b)
{
    free(b->data);
    wfo_strbuf_init(b);
}

static int sb_reserve(wfo_strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d)
        return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

int wfo_strbuf_append(wfo_strbuf *b, const char *s, size_t n)
{
    if (sb_reserve(b, n) < 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int wfo_strbuf_appendf(wfo_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return wfo_strbuf_append(b, small, (size_t)n);
    if (sb_reserve(b, (size_t)n) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

static inline int put(wfo_strbuf *b, char c)
{
    if (b->len + 2 > b->cap && sb_reserve(b, 1) < 0)
        return -1;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return 0;
}

static const char hexdig[] = "0123456789abcdef";

/* Decode one generalized-UTF-8 sequence at s[0..n); returns its length or
 * 0 if invalid.  Surrogate code points (ED A0..BF xx) are accepted. */
static size_t decode_gutf8(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (v < 0x800)
            return 0;
        *cp = v;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
                     (s[3] & 0x3Fu);
        if (v < 0x10000 || v > 0x10FFFF)
            return 0;
        *cp = v;
        return 4;
    }
    return 0;
}

int wfo_repr_str(wfo_strbuf *out, const char *utf8, size_t len)
{
    const unsigned char *s = (const unsigned char *)utf8;
    int has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (sb_reserve(out, len + 2) < 0 || put(out, q) < 0)
        return -1;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            char e = 0;
            if (c == (unsigned)q || c == '\\')
                e = (char)c;
            else if (c == '\t')
                e = 't';
            else if (c == '\n')
                e = 'n';
            else if (c == '\r')
                e = 'r';
            if (e) {
                if (put(out, '\\') < 0 || put(out, e) < 0)
                    return -1;
            } else if (c < 0x20 || c == 0x7f) {
                char tmp[4] = {'\\', 'x', hexdig[c >> 4], hexdig[c & 15]};
                if (wfo_strbuf_append(out, tmp, 4) < 0)
                    return -1;
            } else if (put(out, (char)c) < 0) {
                return -1;
            }
            continue;
        }
        uint32_t cp;
        size_t n = decode_gutf8(s + i, len - i, &cp);
        if (n == 0)
            return -1;
        if (wfo_uni_is_printable(cp)) {
            if (wfo_strbuf_append(out, (const char *)s + i, n) < 0)
                return -1;
        } else {
            char tmp[12];
            int tl;
            if (cp <= 0xff)
                tl = snprintf(tmp, sizeof tmp, "\\x%02x", cp);
            else if (cp <= 0xffff)
                tl = snprintf(tmp, sizeof tmp, "\\u%04x", cp);
            else
                tl = snprintf(tmp, sizeof tmp, "\\U%08x", cp);
            if (wfo_strbuf_append(out, tmp, (size_t)tl) < 0)
                return -1;
        }
        i += n;
    }
    return put(out, q);
}

int wfo_repr_bytes(wfo_strbuf *out, const unsigned char *s, size_t len)
{
    int has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (sb_reserve(out, len + 3) < 0 || put(out, 'b') < 0 || put(out, q) < 0)
        return -1;
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i];
        char e = 0;
        if (c == (unsigned)q || c == '\\')
            e = (char)c;
        else if (c == '\t')
            e = 't';
        else if (c == '\n')
            e = 'n';
        else if (c == '\r')
            e = 'r';
        if (e) {
            if (put(out, '\\') < 0 || put(out, e) < 0)
                return -1;
        } else if (c < 0x20 || c >= 0x7f) {
            char tmp[4] = {'\\', 'x', hexdig[c >> 4], hexdig[c & 15]};
            if (wfo_strbuf_append(out, tmp, 4) < 0)
                return -1;
        } else if (put(out, (char)c) < 0) {
            return -1;
        }
    }
    return put(out, q);
}

/* "%.*e" of v with p significant digits → exactly p digits and decpt
 * (value = 0.DIGITS * 10^decpt). */
static void rounded_digits(double v, int p, char *digits, int *decpt)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
    int k = 0;
    const char *t = tmp;
    for (; *t && *t != 'e'; t++)
        if (*t >= '0' && *t <= '9')
            digits[k++] = *t;
    digits[k] = 0;
    *decpt = atoi(t + 1) + 1;
}

static double digits_value(const char *digits, int decpt)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "0.%se%d", digits, decpt);
    return strtod(tmp, NULL);
}

/* Add delta (+1 or -1) to the last digit of a digit string in place;
 * returns -1 if a borrow would remove the leading digit. */
static int step_digits(char *d, int *decpt, int delta)
{
    int n = (int)strlen(d), i = n - 1;
    if (delta > 0) {
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i < 0) {
            d[0] = '1';
            d[1] = 0;
            ++*decpt;
            return 0;
        }
        d[i]++;
        return 0;
    }
    while (i >= 0 && d[i] == '0')
        d[i--] = '9';
    if (i < 0)
        return -1;
    d[i]--;
    return d[0] == '0' ? -1 : 0;
}

static void strip_zeros(char *d)
{
    size_t n = strlen(d);
    while (n > 1 && d[n - 1] == '0')
        n--;
    d[n] = 0;
}

void wfo_float_shortest(double v, char *buf, int *decpt)
{
    char cand[32];
    int dp;
    for (int p = 1; p <= 17; p++) {
        rounded_digits(v, p, buf, decpt);
        double r = digits_value(buf, *decpt);
        if (r == v) {
            strip_zeros(buf);
            return;
        }
        /* the neighbour on the other side of v may still round-trip */
        strcpy(cand, buf);
        dp = *decpt;
        if (step_digits(cand, &dp, r > v ? -1 : 1) == 0 && digits_value(cand, dp) == v) {
            strcpy(buf, cand);
            *decpt = dp;
            strip_zeros(buf);
            return;
        }
    }
    rounded_digits(v, 17, buf, decpt);
    strip_zeros(buf);
}

/* Format v as CPython's float_repr_style 'short' with format code 'r'.
 * add_dot_0: append ".0" to integral fixed-point output (float repr does,
 * complex parts do not).  force_sign: '+' for non-negative values. */
static int format_r(wfo_strbuf *out, double v, int add_dot_0, int force_sign)
{
    if (isnan(v))
        return wfo_strbuf_append(out, force_sign ? "+nan" : "nan", force_sign ? 4 : 3);
    int neg = signbit(v) != 0;
    if (neg) {
        if (put(out, '-') < 0)
            return -1;
        v = -v;
    } else if (force_sign && put(out, '+') < 0) {
        return -1;
    }
    if (isinf(v))
        return wfo_strbuf_append(out, "inf", 3);
    if (v == 0)
        return wfo_strbuf_append(out, add_dot_0 ? "0.0" : "0", add_dot_0 ? 3 : 1);
    char digits[32];
    int decpt;
    wfo_float_shortest(v, digits, &decpt);
    int nd = (int)strlen(digits);
    if (decpt <= -4 || decpt > 16) {
        int e = decpt - 1;
        if (put(out, digits[0]) < 0)
            return -1;
        if (nd > 1 && (put(out, '.') < 0 || wfo_strbuf_append(out, digits + 1, (size_t)nd - 1) < 0))
            return -1;
        return wfo_strbuf_appendf(out, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    if (decpt <= 0) {
        if (wfo_strbuf_append(out, "0.", 2) < 0)
            return -1;
        for (int i = 0; i < -decpt; i++)
            if (put(out, '0') < 0)
                return -1;
        return wfo_strbuf_append(out, digits, (size_t)nd);
    }
    if (decpt < nd) {
        if (wfo_strbuf_append(out, digits, (size_t)decpt) < 0 || put(out, '.') < 0)
            return -1;
        return wfo_strbuf_append(out, digits + decpt, (size_t)(nd - decpt));
    }
    if (wfo_strbuf_append(out, digits, (size_t)nd) < 0)
        return -1;
    for (int i = nd; i < decpt; i++)
        if (put(out, '0') < 0)
            return -1;
    return add_dot_0 ? wfo_strbuf_append(out, ".0", 2) : 0;
}

int wfo_repr_float(wfo_strbuf *out, double v)
{
    return format_r(out, v, 1, 0);
}

int wfo_repr_complex(wfo_strbuf *out, double real, double imag)
{
    if (real == 0 && !signbit(real)) {
        if (format_r(out, imag, 0, 0) < 0)
            return -1;
        return put(out, 'j');
    }
    if (put(out, '(') < 0 || format_r(out, real, 0, 0) < 0 || format_r(out, imag, 0, 1) < 0)
        return -1;
    return wfo_strbuf_append(out, "j)", 2);
}
