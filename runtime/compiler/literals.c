/*
 * runtime/compiler/literals.c — decoding of number and string literals.
 *
 * Numbers: the token is re-validated against Python's number grammar
 * (the tokenizer already did, but the function is total on any input);
 * decimal integers keep their digits (leading zeros stripped, CPython's
 * digit limit applied: the current sys.get_int_max_str_digits(), 4300
 * by default), hex/octal/binary go through the bigint
 * library; floats use strtod, which is correctly rounded as CPython's
 * dtoa.
 *
 * Strings: the escape decoder follows CPython 3.11's unicode-escape and
 * bytes-escape codecs, including the error positions CPython reports.
 * Those positions count bytes of the buffer CPython actually decodes, in
 * which every non-ASCII character of the source has been rewritten as a
 * ten-byte \UXXXXXXXX escape (and a backslash right before one as the
 * six bytes \u005c); vpos below tracks that virtual position.
 * Unknown escapes are kept as written (3.11 only warns).
 */
#include "runtime/compiler/literals.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/bigint.h"
#include "runtime/objects/unicode_db.h"

static int fail(char *errmsg, size_t errlen, const char *msg)
{
    if (errmsg && errlen)
        snprintf(errmsg, errlen, "%s", msg);
    return -1;
}

void wfc_number_free(wfc_number *n)
{
    free(n->int_decimal);
    n->int_decimal = NULL;
}

void wfc_string_free(wfc_string *s)
{
    free(s->data);
    s->data = NULL;
    s->len = 0;
}

static _Atomic int max_str_digits = WFC_MAX_STR_DIGITS;

void wfc_set_max_str_digits(int limit) { atomic_store_explicit(&max_str_digits, limit, memory_order_relaxed); }
int wfc_get_max_str_digits(void) { return atomic_load_explicit(&max_str_digits, memory_order_relaxed); }

static int is_digit_of(char c, int base)
{
    switch (base) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 10: return c >= '0' && c <= '9';
    default:
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

/* Digits of `base` with single underscores between digits, starting at
 * s[*i]; advances *i; returns the number of digits (0 if none or if an
 * underscore is misplaced — then *bad is set). */
static size_t digit_run(const char *s, size_t len, size_t *i, int base, int *bad)
{
    size_t n = 0;
    while (*i < len) {
        if (is_digit_of(s[*i], base)) {
            n++;
            (*i)++;
        } else if (s[*i] == '_' && n > 0 && *i + 1 < len && is_digit_of(s[*i + 1], base)) {
            (*i)++;
        } else {
            break;
        }
    }
    if (*i < len && s[*i] == '_')
        *bad = 1;
    return n;
}

int wfc_parse_number(const char *s, size_t len, wfc_number *out, char *errmsg, size_t errlen)
{
    out->int_decimal = NULL;
    out->value = 0;
    out->kind = WFC_NUM_INT;
    int bad = 0;
    size_t i = 0;
    if (len >= 2 && s[0] == '0' && strchr("xXoObB", s[1]) && s[1]) {
        int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
        i = 2;
        if (i < len && s[i] == '_')
            i++;
        size_t nd = digit_run(s, len, &i, base, &bad);
        if (nd == 0 || bad || i != len)
            return fail(errmsg, errlen, "invalid number literal");
        wfo_bigmag m;
        wfo_bigmag_init(&m);
        if (wfo_bigmag_from_string(&m, s + 2, len - 2, base) != 0) {
            wfo_bigmag_free(&m);
            return fail(errmsg, errlen, "out of memory");
        }
        out->int_decimal = wfo_bigmag_to_decimal(&m, NULL);
        wfo_bigmag_free(&m);
        if (!out->int_decimal)
            return fail(errmsg, errlen, "out of memory");
        return 0;
    }
    /* decimal: digits [. digits] [e [+-] digits] [j]  or  . digits ... */
    size_t intdig = digit_run(s, len, &i, 10, &bad);
    int is_float = 0, is_imag = 0;
    if (i < len && s[i] == '.') {
        is_float = 1;
        i++;
        size_t frac = digit_run(s, len, &i, 10, &bad);
        if (intdig == 0 && frac == 0)
            return fail(errmsg, errlen, "invalid number literal");
    } else if (intdig == 0) {
        return fail(errmsg, errlen, "invalid number literal");
    }
    if (!bad && i < len && (s[i] == 'e' || s[i] == 'E')) {
        is_float = 1;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (digit_run(s, len, &i, 10, &bad) == 0)
            return fail(errmsg, errlen, "invalid number literal");
    }
    if (!bad && i < len && (s[i] == 'j' || s[i] == 'J')) {
        is_imag = 1;
        i++;
    }
    if (bad || i != len)
        return fail(errmsg, errlen, "invalid number literal");

    /* copy without underscores (and without the j) */
    char *clean = malloc(len + 1);
    if (!clean)
        return fail(errmsg, errlen, "out of memory");
    size_t cl = 0;
    for (size_t k = 0; k < len - (size_t)is_imag; k++)
        if (s[k] != '_')
            clean[cl++] = s[k];
    clean[cl] = 0;
    if (is_float || is_imag) {
        out->kind = is_imag ? WFC_NUM_IMAG : WFC_NUM_FLOAT;
        errno = 0;
        out->value = strtod(clean, NULL);
        free(clean);
        return 0;
    }
    /* decimal int: a non-zero one may not start with 0 */
    size_t z = 0;
    while (z < cl && clean[z] == '0')
        z++;
    if (z > 0 && z < cl) {
        free(clean);
        return fail(errmsg, errlen,
                    "leading zeros in decimal integer literals are not permitted; use an 0o "
                    "prefix for octal integers");
    }
    if (z == cl) {
        strcpy(clean, "0");
    } else if (wfc_get_max_str_digits() > 0 && cl - z > (size_t)wfc_get_max_str_digits()) {
        if (errmsg && errlen)
            snprintf(errmsg, errlen,
                     "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                     "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                     "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                     wfc_get_max_str_digits(), cl - z);
        free(clean);
        return -1;
    }
    out->int_decimal = clean;
    return 0;
}

/* ---- strings ---------------------------------------------------------- */

typedef struct outbuf {
    char *d;
    size_t n, cap;
} outbuf;

static int ob_put(outbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 32;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *d = realloc(b->d, cap);
        if (!d)
            return -1;
        b->d = d;
        b->cap = cap;
    }
    memcpy(b->d + b->n, s, n);
    b->n += n;
    b->d[b->n] = 0;
    return 0;
}

static int ob_putc(outbuf *b, char c)
{
    return ob_put(b, &c, 1);
}

/* Generalized UTF-8 (surrogates allowed). */
static int ob_put_cp(outbuf *b, uint32_t cp)
{
    char t[4];
    if (cp < 0x80)
        return ob_putc(b, (char)cp);
    if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        return ob_put(b, t, 2);
    }
    if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        return ob_put(b, t, 3);
    }
    t[0] = (char)(0xF0 | (cp >> 18));
    t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    t[3] = (char)(0x80 | (cp & 0x3F));
    return ob_put(b, t, 4);
}

static int hexv(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Length of the UTF-8 sequence starting with byte c (1 for ASCII and,
 * defensively, for stray continuation bytes). */
static size_t u8len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int unicode_error(char *errmsg, size_t errlen, size_t start, size_t end, const char *why)
{
    if (errmsg && errlen) {
        if (end - start == 1)
            snprintf(errmsg, errlen,
                     "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position "
                     "%zu: %s",
                     start, why);
        else
            snprintf(errmsg, errlen,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: %s",
                     start, end - 1, why);
    }
    return -1;
}

/* The value of the one-character escape \c (\\ \' \" \a \b \f \n \r
 * \t \v), or 0 when c starts no such escape. */
static char simple_escape(int c)
{
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return 0;
    }
}

/* Decode the escapes of a non-raw str body. */
static int decode_str_escapes(const unsigned char *s, size_t len, outbuf *ob, char *errmsg,
                              size_t errlen)
{
    size_t i = 0, vpos = 0; /* vpos: position in CPython's rewritten buffer */
    while (i < len) {
        unsigned char c = s[i];
        if (c != '\\') {
            size_t n = c < 0x80 ? 1 : u8len(c);
            if (n > len - i)
                n = len - i;
            if (ob_put(ob, (const char *)s + i, n) < 0)
                return fail(errmsg, errlen, "out of memory");
            i += n;
            vpos += c < 0x80 ? 1 : 10;
            continue;
        }
        size_t start = vpos;
        i++;
        if (i >= len) {
            /* a lone trailing backslash cannot come from a valid token */
            return unicode_error(errmsg, errlen, start, start + 1, "\\ at end of string");
        }
        c = s[i];
        if (c >= 0x80) {
            /* backslash before a non-ASCII character: kept as written */
            size_t n = u8len(c);
            if (n > len - i)
                n = len - i;
            if (ob_putc(ob, '\\') < 0 || ob_put(ob, (const char *)s + i, n) < 0)
                return fail(errmsg, errlen, "out of memory");
            i += n;
            vpos += 6 + 10;
            continue;
        }
        i++;
        vpos += 2;
        if (c == '\n') continue; /* backslash-newline: a line continuation */
        char simple = simple_escape(c);
        if (simple) {
            if (ob_putc(ob, simple) < 0)
                return fail(errmsg, errlen, "out of memory");
            continue;
        }
        if (c >= '0' && c <= '7') {
            uint32_t v = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++) {
                v = v * 8 + (uint32_t)(s[i++] - '0');
                vpos++;
            }
            if (ob_put_cp(ob, v) < 0)
                return fail(errmsg, errlen, "out of memory");
            continue;
        }
        if (c == 'x' || c == 'u' || c == 'U') {
            int need = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t v = 0;
            int got = 0;
            while (got < need && i < len && hexv(s[i]) >= 0) {
                v = v * 16 + (uint32_t)hexv(s[i++]);
                got++;
                vpos++;
            }
            if (got < need)
                return unicode_error(errmsg, errlen, start, vpos,
                                     c == 'x'   ? "truncated \\xXX escape"
                                     : c == 'u' ? "truncated \\uXXXX escape"
                                                : "truncated \\UXXXXXXXX escape");
            if (v > 0x10FFFF)
                return unicode_error(errmsg, errlen, start, vpos, "illegal Unicode character");
            if (ob_put_cp(ob, v) < 0)
                return fail(errmsg, errlen, "out of memory");
            continue;
        }
        if (c == 'N') {
            /* \N{NAME} */
            if (i < len && s[i] == '{') {
                size_t j = i + 1, vj = vpos + 1;
                while (j < len && s[j] != '}') {
                    vj += s[j] < 0x80 ? 1 : 10;
                    j += s[j] < 0x80 ? 1 : u8len(s[j]);
                }
                if (j < len && j > i + 1) {
                    int32_t cp = wfo_uni_lookup_name((const char *)s + i + 1, j - i - 1);
                    if (cp < 0)
                        return unicode_error(errmsg, errlen, start, vj + 1,
                                             "unknown Unicode character name");
                    if (ob_put_cp(ob, (uint32_t)cp) < 0)
                        return fail(errmsg, errlen, "out of memory");
                    vpos = vj + 1;
                    i = j + 1;
                    continue;
                }
                /* "\N{}" and "\N{abc" report up to (not through) the '}' or the end */
                return unicode_error(errmsg, errlen, start, vj, "malformed \\N character escape");
            }
            return unicode_error(errmsg, errlen, start, vpos, "malformed \\N character escape");
        }
        /* unknown escape: kept as is */
        if (ob_putc(ob, '\\') < 0 || ob_putc(ob, (char)c) < 0)
            return fail(errmsg, errlen, "out of memory");
    }
    return 0;
}

static int decode_bytes_escapes(const unsigned char *s, size_t len, outbuf *ob, char *errmsg,
                                size_t errlen)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c != '\\') {
            if (ob_putc(ob, (char)c) < 0)
                return fail(errmsg, errlen, "out of memory");
            i++;
            continue;
        }
        size_t start = i;
        i++;
        if (i >= len)
            return fail(errmsg, errlen, "Trailing \\ in string");
        c = s[i++];
        if (c == '\n') continue; /* backslash-newline: a line continuation */
        char simple = simple_escape(c);
        if (simple) {
            if (ob_putc(ob, simple) < 0)
                return fail(errmsg, errlen, "out of memory");
            continue;
        }
        if (c >= '0' && c <= '7') {
            unsigned v = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (unsigned)(s[i++] - '0');
            if (ob_putc(ob, (char)(v & 0xFF)) < 0)
                return fail(errmsg, errlen, "out of memory");
            continue;
        }
        if (c == 'x') {
            if (i + 1 < len && hexv(s[i]) >= 0 && hexv(s[i + 1]) >= 0) {
                if (ob_putc(ob, (char)(hexv(s[i]) * 16 + hexv(s[i + 1]))) < 0)
                    return fail(errmsg, errlen, "out of memory");
                i += 2;
                continue;
            }
            if (errmsg && errlen)
                snprintf(errmsg, errlen, "(value error) invalid \\x escape at position %zu", start);
            return -1;
        }
        if (ob_putc(ob, '\\') < 0 || ob_putc(ob, (char)c) < 0)
            return fail(errmsg, errlen, "out of memory");
    }
    return 0;
}

int wfc_decode_string(const char *tok, size_t len, wfc_string *out, char *errmsg, size_t errlen)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    int is_u = 0;
    while (i < len && tok[i] != '\'' && tok[i] != '"') {
        switch (tok[i]) {
        case 'r': case 'R':
            if (out->is_raw || is_u)
                goto badprefix;
            out->is_raw = true;
            break;
        case 'b': case 'B':
            if (out->is_bytes || out->is_fstring || is_u)
                goto badprefix;
            out->is_bytes = true;
            break;
        case 'f': case 'F':
            if (out->is_fstring || out->is_bytes || is_u)
                goto badprefix;
            out->is_fstring = true;
            break;
        case 'u': case 'U':
            if (i != 0)
                goto badprefix;
            is_u = 1;
            break;
        default:
            goto badprefix;
        }
        i++;
    }
    if (i >= len)
        goto badprefix;
    char q = tok[i];
    size_t qn = (len - i >= 6 && tok[i + 1] == q && tok[i + 2] == q) ? 3 : 1;
    if (len - i < 2 * qn)
        goto badprefix;
    for (size_t k = 0; k < qn; k++)
        if (tok[len - 1 - k] != q)
            goto badprefix;
    const unsigned char *body = (const unsigned char *)tok + i + qn;
    size_t blen = len - i - 2 * qn;

    outbuf ob = {NULL, 0, 0};
    if (ob_put(&ob, "", 0) < 0)
        return fail(errmsg, errlen, "out of memory");
    int rc = 0;
    if (out->is_bytes) {
        for (size_t k = 0; k < blen; k++)
            if (body[k] >= 0x80) {
                free(ob.d);
                memset(out, 0, sizeof *out);
                return fail(errmsg, errlen, "bytes can only contain ASCII literal characters");
            }
    }
    if (out->is_fstring || out->is_raw)
        rc = ob_put(&ob, (const char *)body, blen) < 0 ? fail(errmsg, errlen, "out of memory") : 0;
    else if (out->is_bytes)
        rc = decode_bytes_escapes(body, blen, &ob, errmsg, errlen);
    else
        rc = decode_str_escapes(body, blen, &ob, errmsg, errlen);
    if (rc < 0) {
        free(ob.d);
        memset(out, 0, sizeof *out);
        return -1;
    }
    out->data = ob.d;
    out->len = ob.n;
    return 0;

badprefix:
    memset(out, 0, sizeof *out);
    return fail(errmsg, errlen, "invalid string literal");
}
