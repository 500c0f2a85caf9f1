/*
 * runtime/objects/unicode_db.c — lookups in the generated Unicode tables.
 *
 * Invariants: the range tables are sorted and disjoint (binary search); a
 * name is looked up by splitting it on single spaces into words, mapping
 * every word to its number through the alphabetical index, and scanning
 * the name records for the same code sequence (a linear scan over ~320 KB,
 * done only for \N{} escapes).  Algorithmic names (CJK ideographs, Hangul
 * syllables, ...) are recognised before the scan.
 *
 * NFKC follows the Unicode algorithm: full compatibility decomposition
 * (tables, plus Hangul syllables computed), canonical ordering of
 * combining marks (a stable insertion sort by class), then canonical
 * composition with the primary-composite table (and Hangul L+V, LV+T).
 *
 * Character types and full case mappings come from the two-level ctype
 * table: every code point maps to one record (the generator guarantees
 * index1/index2 cover U+0000..U+10FFFF; larger values are treated as
 * unassigned).  Multi-character mappings (SpecialCasing) live in a pool
 * of [length, code points...] entries, at most WFO_UNI_MAX_CASE long.
 */
#include "runtime/objects/unicode_db.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "runtime/objects/unicode_tables.h"

static int in_ranges(const uint32_t (*r)[2], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid][0])
            hi = mid;
        else if (cp > r[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int wfo_uni_is_xid_start(uint32_t cp)
{
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return in_ranges(wfo_uni_xid_start, wfo_uni_xid_start_count, cp);
}

int wfo_uni_is_xid_continue(uint32_t cp)
{
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '_';
    return in_ranges(wfo_uni_xid_continue, wfo_uni_xid_continue_count, cp);
}

int wfo_uni_is_printable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 0x20 && cp < 0x7f;
    return in_ranges(wfo_uni_printable, wfo_uni_printable_count, cp);
}

/* Compare word number w with text s[0..n). */
static int word_cmp(unsigned w, const char *s, size_t n)
{
    uint32_t a = wfo_uni_word_off[w], b = wfo_uni_word_off[w + 1];
    size_t wl = b - a, m = wl < n ? wl : n;
    int c = memcmp(wfo_uni_word_blob + a, s, m);
    if (c)
        return c;
    return wl < n ? -1 : wl > n ? 1 : 0;
}

static int find_word(const char *s, size_t n)
{
    size_t lo = 0, hi = wfo_uni_word_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = word_cmp(wfo_uni_word_alpha[mid], s, n);
        if (c == 0)
            return wfo_uni_word_alpha[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Longest jamo name of arr[0..n) that prefixes s[0..len) (case-sensitive;
 * the empty name always matches).  Sets *used to its length. */
static int longest_jamo(const char *const *arr, int n, const char *s, size_t len, size_t *used)
{
    int best = -1;
    size_t bestlen = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(arr[i]);
        if (l <= len && memcmp(arr[i], s, l) == 0 && (best < 0 || l > bestlen)) {
            best = i;
            bestlen = l;
        }
    }
    *used = bestlen;
    return best;
}

/* As CPython: the "HANGUL SYLLABLE " prefix (upper case), then the longest
 * L, V and T jamo names in turn (case-sensitive, no backtracking), which
 * must consume the whole name. */
static int32_t lookup_hangul(const char *s, size_t len)
{
    size_t u;
    int l = longest_jamo(wfo_uni_jamo_l, 19, s, len, &u);
    s += u;
    len -= u;
    int v = longest_jamo(wfo_uni_jamo_v, 21, s, len, &u);
    s += u;
    len -= u;
    int t = longest_jamo(wfo_uni_jamo_t, 28, s, len, &u);
    if (l < 0 || v < 0 || t < 0 || u != len)
        return -1;
    return 0xAC00 + (l * 21 + v) * 28 + t;
}

/* "CJK UNIFIED IDEOGRAPH-" (case-sensitive) then 4 or 5 upper-case hex
 * digits naming a unified ideograph. */
static int32_t lookup_cjk_unified(const char *s, size_t len, const char *prefix)
{
    if (len != 4 && len != 5)
        return -1;
    uint32_t v = 0;
    for (size_t k = 0; k < len; k++) {
        int h = hexval(s[k]);
        if (h < 0)
            return -1;
        v = v * 16 + (uint32_t)h;
    }
    for (size_t i = 0; i < wfo_uni_algo_range_count; i++) {
        const wfo_uni_algo_range *r = &wfo_uni_algo_ranges[i];
        if (strcmp(r->prefix, prefix) == 0 && v >= r->first && v <= r->last)
            return (int32_t)v;
    }
    return -1;
}

int32_t wfo_uni_lookup_name(const char *name, size_t len)
{
    static const char hangul[] = "HANGUL SYLLABLE ", cjk[] = "CJK UNIFIED IDEOGRAPH";
    char buf[256];
    if (len == 0 || len >= sizeof buf)
        return -1;
    if (len >= sizeof hangul - 1 && memcmp(name, hangul, sizeof hangul - 1) == 0)
        return lookup_hangul(name + sizeof hangul - 1, len - (sizeof hangul - 1));
    if (len >= sizeof cjk && memcmp(name, cjk, sizeof cjk - 1) == 0 && name[sizeof cjk - 1] == '-')
        return lookup_cjk_unified(name + sizeof cjk, len - sizeof cjk, cjk);
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        buf[i] = c;
    }
    buf[len] = 0;

    /* Other PREFIX-HEX names are ordinary names to CPython: the hex part
     * must be spelled exactly as in the name (upper case, %04X). */
    for (size_t i = 0; i < wfo_uni_algo_range_count; i++) {
        const wfo_uni_algo_range *r = &wfo_uni_algo_ranges[i];
        size_t pl = strlen(r->prefix);
        if (strcmp(r->prefix, cjk) == 0)
            continue;
        if (len > pl + 1 && memcmp(buf, r->prefix, pl) == 0 && buf[pl] == '-') {
            size_t nd = len - pl - 1;
            uint32_t v = 0;
            size_t k;
            for (k = pl + 1; k < len; k++) {
                int h = hexval(buf[k]);
                if (h < 0)
                    break;
                v = v * 16 + (uint32_t)h;
            }
            if (k == len && v >= r->first && v <= r->last && nd == (v > 0xFFFF ? 5u : 4u) &&
                buf[pl + 1] != '0')
                return (int32_t)v;
        }
    }

    /* Encode the name as word codes. */
    uint8_t codes[256];
    size_t nc = 0, p = 0;
    while (p <= len) {
        size_t q = p;
        while (q < len && buf[q] != ' ')
            q++;
        if (q == p)
            return -1; /* empty word: leading/trailing/double space */
        int w = find_word(buf + p, q - p);
        if (w < 0)
            return -1;
        if (w < 128) {
            codes[nc++] = (uint8_t)w;
        } else {
            codes[nc++] = (uint8_t)(0x80 | ((w - 128) >> 8));
            codes[nc++] = (uint8_t)((w - 128) & 0xFF);
        }
        if (nc > 250)
            return -1;
        p = q + 1;
    }
    const uint8_t *r = wfo_uni_name_records, *end = r + wfo_uni_name_records_len;
    while (r < end) {
        size_t n = r[0];
        if (n == nc && memcmp(r + 4, codes, nc) == 0)
            return (int32_t)(((uint32_t)r[1] << 16) | ((uint32_t)r[2] << 8) | r[3]);
        r += 4 + n;
    }
    return -1;
}

/* The character name of cp (as unicodedata.name) into buf; 1 if it has
 * one, 0 if not (or buf too small).  Used by the "namereplace" handler. */
#define SBASE_NAME 0xAC00u
int wfo_uni_name_of(uint32_t cp, char *buf, size_t cap)
{
    if (cap < 64 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
        return 0; /* control characters: only aliases, no name */
    if (cp >= SBASE_NAME && cp < SBASE_NAME + 11172) {
        uint32_t si = cp - SBASE_NAME;
        snprintf(buf, cap, "HANGUL SYLLABLE %s%s%s", wfo_uni_jamo_l[si / (21 * 28)],
                 wfo_uni_jamo_v[(si % (21 * 28)) / 28], wfo_uni_jamo_t[si % 28]);
        return 1;
    }
    for (size_t i = 0; i < wfo_uni_algo_range_count; i++) {
        const wfo_uni_algo_range *r = &wfo_uni_algo_ranges[i];
        if (cp >= r->first && cp <= r->last) {
            snprintf(buf, cap, cp > 0xFFFF ? "%s-%05X" : "%s-%04X", r->prefix, (unsigned)cp);
            return 1;
        }
    }
    const uint8_t *r = wfo_uni_name_records, *end = r + wfo_uni_name_records_len;
    while (r < end) {
        size_t n = r[0];
        uint32_t c = ((uint32_t)r[1] << 16) | ((uint32_t)r[2] << 8) | r[3];
        if (c == cp) {
            size_t len = 0;
            for (size_t k = 0; k < n;) {
                uint32_t w = r[4 + k];
                if (w & 0x80) {
                    w = 128 + (((w & 0x7f) << 8) | r[4 + k + 1]);
                    k += 2;
                } else {
                    k += 1;
                }
                size_t wl = wfo_uni_word_off[w + 1] - wfo_uni_word_off[w];
                if (len + wl + 2 > cap)
                    return 0;
                if (len)
                    buf[len++] = ' ';
                memcpy(buf + len, wfo_uni_word_blob + wfo_uni_word_off[w], wl);
                len += wl;
            }
            buf[len] = 0;
            return 1;
        }
        r += 4 + n;
    }
    return 0;
}

/* ---- NFKC ----------------------------------------------------------------- */

enum { SBASE = 0xAC00, LBASE = 0x1100, VBASE = 0x1161, TBASE = 0x11A7, LCOUNT = 19,
       VCOUNT = 21, TCOUNT = 28, NCOUNT = VCOUNT * TCOUNT, SCOUNT = LCOUNT * NCOUNT };

static int ccc_of(uint32_t cp)
{
    size_t lo = 0, hi = wfo_uni_ccc_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < wfo_uni_ccc[mid].lo)
            hi = mid;
        else if (cp > wfo_uni_ccc[mid].hi)
            lo = mid + 1;
        else
            return wfo_uni_ccc[mid].ccc;
    }
    return 0;
}

static const wfo_uni_decomp_entry *decomp_of(uint32_t cp)
{
    size_t lo = 0, hi = wfo_uni_decomp_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < wfo_uni_decomp[mid].cp)
            hi = mid;
        else if (cp > wfo_uni_decomp[mid].cp)
            lo = mid + 1;
        else
            return &wfo_uni_decomp[mid];
    }
    return NULL;
}

/* Primary composite of (a, b), or 0. */
static uint32_t compose(uint32_t a, uint32_t b)
{
    if (a >= LBASE && a < LBASE + LCOUNT && b >= VBASE && b < VBASE + VCOUNT)
        return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
    if (a >= SBASE && a < SBASE + SCOUNT && (a - SBASE) % TCOUNT == 0 && b > TBASE &&
        b < TBASE + TCOUNT)
        return a + (b - TBASE);
    size_t lo = 0, hi = wfo_uni_comp_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const wfo_uni_comp_entry *e = &wfo_uni_comp[mid];
        if (a < e->first || (a == e->first && b < e->second))
            hi = mid;
        else if (a > e->first || b > e->second)
            lo = mid + 1;
        else
            return e->composite;
    }
    return 0;
}

typedef struct cpbuf {
    uint32_t *v;
    size_t n, cap;
} cpbuf;

static int cp_push(cpbuf *b, uint32_t cp)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        uint32_t *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            return -1;
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = cp;
    return 0;
}

/* Decode one generalized UTF-8 character; 0 if invalid. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)
        return 0;
    size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    uint32_t v = c & (0x3Fu >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
        return 0;
    *cp = v;
    return len;
}

char *wfo_uni_nfkc(const char *s, size_t len, size_t *outlen)
{
    cpbuf b = {NULL, 0, 0};
    const unsigned char *u = (const unsigned char *)s;
    char *out = NULL;
    /* 1. full compatibility decomposition */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_next(u + i, len - i, &cp);
        if (n == 0)
            goto fail;
        i += n;
        if (cp >= SBASE && cp < SBASE + SCOUNT) {
            uint32_t si = cp - SBASE;
            if (cp_push(&b, LBASE + si / NCOUNT) < 0 || cp_push(&b, VBASE + (si % NCOUNT) / TCOUNT) < 0)
                goto fail;
            if (si % TCOUNT && cp_push(&b, TBASE + si % TCOUNT) < 0)
                goto fail;
            continue;
        }
        const wfo_uni_decomp_entry *d = decomp_of(cp);
        if (!d) {
            if (cp_push(&b, cp) < 0)
                goto fail;
            continue;
        }
        for (unsigned k = 0; k < d->len; k++)
            if (cp_push(&b, wfo_uni_decomp_pool[d->start + k]) < 0)
                goto fail;
    }
    /* 2. canonical ordering: stable sort of each run of non-starters */
    for (size_t i = 1; i < b.n; i++) {
        int c = ccc_of(b.v[i]);
        if (c == 0)
            continue;
        size_t j = i;
        uint32_t x = b.v[i];
        while (j > 0 && ccc_of(b.v[j - 1]) > c) {
            b.v[j] = b.v[j - 1];
            j--;
        }
        b.v[j] = x;
    }
    /* 3. canonical composition: a character joins the last starter when
     * nothing between them has a combining class >= its own (last is the
     * class of the previous kept character; 256 blocks everything until a
     * starter appears) */
    if (b.n > 0) {
        size_t starter = 0, w = 1;
        int last = ccc_of(b.v[0]) ? 256 : 0;
        for (size_t i = 1; i < b.n; i++) {
            uint32_t c = b.v[i];
            int cc = ccc_of(c);
            uint32_t comp = compose(b.v[starter], c);
            if (comp && (last == 0 || last < cc)) {
                b.v[starter] = comp;
                continue;
            }
            if (cc == 0)
                starter = w;
            last = cc;
            b.v[w++] = c;
        }
        b.n = w;
    }
    /* 4. encode */
    out = malloc(b.n * 4 + 1);
    if (!out)
        goto fail;
    size_t o = 0;
    for (size_t i = 0; i < b.n; i++) {
        uint32_t cp = b.v[i];
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | (cp >> 6));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[o++] = (char)(0xE0 | (cp >> 12));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (cp >> 18));
            out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = 0;
    if (outlen)
        *outlen = o;
    free(b.v);
    return out;
fail:
    free(b.v);
    free(out);
    return NULL;
}

/* ---------------------------------------------------------------------------
 * Character types and case mappings: two-level table (unicode_tables.h).
 * Every code point up to U+10FFFF has a record (record 0, no properties,
 * for unassigned ones); larger values get record 0 too.
 */
static const wfo_uni_ctype *ctype_of(uint32_t cp)
{
    if (cp >= 0x110000)
        return &wfo_uni_ctypes[0];
    uint32_t block = wfo_uni_ctype_index1[cp >> WFO_UNI_CTYPE_SHIFT];
    uint32_t mask = (1u << WFO_UNI_CTYPE_SHIFT) - 1;
    return &wfo_uni_ctypes[wfo_uni_ctype_index2[(block << WFO_UNI_CTYPE_SHIFT) + (cp & mask)]];
}

int wfo_uni_is_alpha(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_ALPHA) != 0; }
int wfo_uni_is_decimal(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_DECIMAL) != 0; }
int wfo_uni_is_digit(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_DIGIT) != 0; }
int wfo_uni_is_numeric(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_NUMERIC) != 0; }
int wfo_uni_is_space(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_SPACE) != 0; }
int wfo_uni_is_lower(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_LOWER) != 0; }
int wfo_uni_is_upper(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_UPPER) != 0; }
int wfo_uni_is_title(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_TITLE) != 0; }
int wfo_uni_is_cased(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_CASED) != 0; }
int wfo_uni_is_case_ignorable(uint32_t cp) { return (ctype_of(cp)->flags & WFO_UNI_CASE_IGNORABLE) != 0; }

int wfo_uni_is_alnum(uint32_t cp)
{
    return (ctype_of(cp)->flags & (WFO_UNI_ALPHA | WFO_UNI_DECIMAL | WFO_UNI_DIGIT | WFO_UNI_NUMERIC)) != 0;
}

int wfo_uni_decimal_value(uint32_t cp) { return ctype_of(cp)->decimal; }
int wfo_uni_digit_value(uint32_t cp) { return ctype_of(cp)->digit; }

/* One mapping: a delta from cp, or (flag ext set) [len, cps...] in the
 * shared pool. */
static int case_map(uint32_t cp, int32_t v, int ext, uint32_t *out)
{
    if (!ext) {
        out[0] = (uint32_t)((int32_t)cp + v);
        return 1;
    }
    const uint32_t *e = &wfo_uni_case_ext[v];
    for (uint32_t k = 0; k < e[0]; k++)
        out[k] = e[1 + k];
    return (int)e[0];
}

int wfo_uni_to_upper_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE])
{
    const wfo_uni_ctype *t = ctype_of(cp);
    return case_map(cp, t->upper, t->flags & WFO_UNI_EXT_UPPER, out);
}

int wfo_uni_to_lower_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE])
{
    const wfo_uni_ctype *t = ctype_of(cp);
    return case_map(cp, t->lower, t->flags & WFO_UNI_EXT_LOWER, out);
}

int wfo_uni_to_title_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE])
{
    const wfo_uni_ctype *t = ctype_of(cp);
    return case_map(cp, t->title, t->flags & WFO_UNI_EXT_TITLE, out);
}

int wfo_uni_to_fold_full(uint32_t cp, uint32_t out[WFO_UNI_MAX_CASE])
{
    const wfo_uni_ctype *t = ctype_of(cp);
    return case_map(cp, t->fold, t->flags & WFO_UNI_EXT_FOLD, out);
}
