/*
 * tests/unit/test_str_unicode.c — str's case and character-class methods
 * over all of Unicode, against python3 (CPython 3.11).
 *
 * Expected data: tests/unit/str_unicode_expected.txt, written by
 * tools/gen_str_unicode_expected.py (format described there):
 *  - every predicate, for every code point, both through the wfo_uni_*
 *    character functions (unicode_db.h) and through the str method called
 *    on the one-character string;
 *  - the full upper/lower/title/casefold mapping of every code point,
 *    through wfo_uni_to_*_full;
 *  - every case method (upper, lower, casefold, swapcase, capitalize,
 *    title) on strings holding every code point in four contexts, compared
 *    by hash per 4096-code-point chunk;
 *  - the CASES table below (CASE(method, "text") rows, text with ASCII and
 *    \u / \U escapes only so C and Python read it the same way), whose
 *    results the same generator records as "C index result" lines.
 * Everything runs single-threaded; the tables are immutable static data.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "runtime/objects/unicode_db.h"
#include "tests/unit/wtest.h"

#define MAXCP 0x110000u

/* clang-format off */
typedef struct { const char *method, *text; } str_case;
#define CASE(m, t) {m, t},
static const str_case CASES[] = {
    CASE("upper", "stra\u00dfe")
    CASE("upper", "\ufb01ne \ufb03")
    CASE("upper", "\u0149 \u01f0 \u0390")
    CASE("lower", "\u0130stanbul")
    CASE("lower", "\u03a3")
    CASE("lower", "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3")
    CASE("lower", "A\u03a3 b")
    CASE("lower", "A\u03a3b")
    CASE("lower", "A\u03a3'")
    CASE("lower", "A.\u03a3.")
    CASE("lower", "'\u03a3")
    CASE("lower", "A\u00ad\u03a3\u00adB")
    CASE("lower", "\u03a3\u03a3")
    CASE("casefold", "\u1e9e")
    CASE("casefold", "Stra\u00dfe \u1e9e \u03c2 \u0130 \ufb00")
    CASE("casefold", "\U00010400\U0001e900")
    CASE("title", "hello world")
    CASE("title", "they're bill's friends from the UK")
    CASE("title", "\u01c6ungla \u01c4ABC \u01c5x")
    CASE("title", "\ufb01sh \u00dfa a\u00df")
    CASE("title", "\u1f80\u1f81 \u1f88x")
    CASE("title", "\u03a3\u03a3 A\u03a3 \u03a3")
    CASE("title", "123abc ABC-DEF_ghi 3rd")
    CASE("title", "")
    CASE("capitalize", "\u00dfeta")
    CASE("capitalize", "\u01c6ABC")
    CASE("capitalize", "hELLO W\u03a3")
    CASE("capitalize", "\ufb03 x")
    CASE("capitalize", "")
    CASE("swapcase", "Hello W\u03a3rld \u00df \u01c5")
    CASE("swapcase", "\u0130i\u0131I")
    CASE("swapcase", "A\u03a3")
    CASE("swapcase", "a\u03a3")
    CASE("isupper", "\u01c5")
    CASE("isupper", "ABC\u01c4")
    CASE("isupper", "A1 ")
    CASE("isupper", "123")
    CASE("isupper", "")
    CASE("islower", "abc\u00df\u02b0")
    CASE("islower", "a\u01c5")
    CASE("islower", "\u02b0")
    CASE("islower", "")
    CASE("istitle", "Hello World")
    CASE("istitle", "\u01c5ungla")
    CASE("istitle", "\u01c5Ungla")
    CASE("istitle", "Hello world")
    CASE("istitle", "HEllo")
    CASE("istitle", "123 A")
    CASE("istitle", "")
    CASE("istitle", "\u1f88\u1f00")
    CASE("isalpha", "abc\u00e9\u4e00\u01c5")
    CASE("isalpha", "abc1")
    CASE("isalpha", "")
    CASE("isdecimal", "0123\u0663\uff11")
    CASE("isdecimal", "\u00b2")
    CASE("isdigit", "\u00b2\u2460")
    CASE("isdigit", "\u00bd")
    CASE("isnumeric", "\u00bd\u2167\u4e07")
    CASE("isnumeric", "")
    CASE("isalnum", "a\u00bd\u0663\u00b2")
    CASE("isalnum", "a b")
    CASE("isspace", " \t\n\u00a0\u2028\u3000\x1c")
    CASE("isspace", "\u200b")
    CASE("isspace", "")
    CASE("isascii", "")
    CASE("isascii", "abc\x7f")
    CASE("isascii", "abc\u00e9")
    CASE("isidentifier", "\u00e9t\u00e9_1")
    CASE("isidentifier", "1a")
    CASE("isprintable", "")
    CASE("isprintable", "a\u00a0")
};
/* clang-format on */
#define NCASES (sizeof CASES / sizeof CASES[0])

static const char *const PREDICATES[] = {"isalpha", "isdecimal", "isdigit", "isnumeric",
                                         "isalnum", "isspace", "islower", "isupper",
                                         "istitle", "isidentifier", "isprintable"};
#define NPRED (sizeof PREDICATES / sizeof PREDICATES[0])
static const char *const MAPPINGS[] = {"upper", "lower", "title", "casefold"};
#define NMAP 4
static const char *const METHODS[] = {"upper", "lower", "casefold", "swapcase", "capitalize", "title"};
#define NMETH 6

/* ---------------------------------------------------------------------------
 * Expected data, loaded once by main before the tests fork.
 */
typedef struct { uint32_t cp; int n; uint32_t r[3]; } map_entry;
typedef struct { int method, variant; uint32_t chunk; uint64_t hash; } hash_entry;

static uint8_t *pred_bits[NPRED]; /* MAXCP bytes each: 0/1 */
static map_entry *maps[NMAP];
static size_t nmaps[NMAP];
static hash_entry *hashes;
static size_t nhashes;
static char *case_results[NCASES];

/* Bad expected data is fatal before any test runs. */
static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static int index_of(const char *const *names, size_t n, const char *s) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0) return (int)i;
    die("unknown name %s in expected data", s);
    return -1;
}

static void load_expected(void) {
    FILE *f = fopen(STR_UNICODE_EXPECTED, "r");
    if (!f) die("cannot open %s", STR_UNICODE_EXPECTED);
    for (size_t i = 0; i < NPRED; i++)
        if (!(pred_bits[i] = calloc(MAXCP, 1))) die("out of memory");
    size_t cap[NMAP] = {0}, hcap = 0;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char name[32];
        if (line[0] == 'P') {
            unsigned lo, hi;
            if (!(sscanf(line, "P %31s %x %x", name, &lo, &hi) == 3)) die("bad line: %s", line);
            if (lo > hi || hi >= MAXCP) die("bad line: %s", line);
            int p = index_of(PREDICATES, NPRED, name);
            memset(pred_bits[p] + lo, 1, hi - lo + 1);
        } else if (line[0] == 'M') {
            map_entry e = {0};
            int got = sscanf(line, "M %31s %x %x %x %x", name, &e.cp, &e.r[0], &e.r[1], &e.r[2]);
            if (!(got >= 3)) die("bad line: %s", line);
            e.n = got - 2;
            int m = index_of(MAPPINGS, NMAP, name);
            if (nmaps[m] == cap[m]) {
                cap[m] = cap[m] ? 2 * cap[m] : 1024;
                if (!(maps[m] = realloc(maps[m], cap[m] * sizeof(map_entry)))) die("out of memory");
            }
            maps[m][nmaps[m]++] = e;
        } else if (line[0] == 'H') {
            hash_entry e;
            unsigned long long h;
            if (sscanf(line, "H %31s %d %x %llx", name, &e.variant, &e.chunk, &h) != 4)
                die("bad line: %s", line);
            e.hash = h;
            e.method = index_of(METHODS, NMETH, name);
            if (nhashes == hcap) {
                hcap = hcap ? 2 * hcap : 1024;
                if (!(hashes = realloc(hashes, hcap * sizeof(hash_entry)))) die("out of memory");
            }
            hashes[nhashes++] = e;
        } else if (line[0] == 'C') {
            unsigned idx;
            int off = 0;
            if (!(sscanf(line, "C %u %n", &idx, &off) == 1)) die("bad line: %s", line);
            if (!(idx < NCASES)) die("bad line: %s", line);
            case_results[idx] = strdup(line + off);
        }
    }
    fclose(f);
    for (size_t i = 0; i < NCASES; i++)
        if (!case_results[i]) die("no result for case %zu (regenerate the expected data)", i);
}

static void free_expected(void) {
    for (size_t i = 0; i < NPRED; i++) free(pred_bits[i]);
    for (size_t i = 0; i < NMAP; i++) free(maps[i]);
    free(hashes);
    for (size_t i = 0; i < NCASES; i++) free(case_results[i]);
}


/* ---------------------------------------------------------------------------
 * Character level.
 */
static int db_pred(int p, uint32_t c) {
    switch (p) {
    case 0: return wfo_uni_is_alpha(c);
    case 1: return wfo_uni_is_decimal(c);
    case 2: return wfo_uni_is_digit(c);
    case 3: return wfo_uni_is_numeric(c);
    case 4: return wfo_uni_is_alnum(c);
    case 5: return wfo_uni_is_space(c);
    case 6: return wfo_uni_is_lower(c) && !wfo_uni_is_upper(c) && !wfo_uni_is_title(c);
    case 7: return wfo_uni_is_upper(c) && !wfo_uni_is_lower(c) && !wfo_uni_is_title(c);
    case 8: return wfo_uni_is_upper(c) || wfo_uni_is_title(c);
    case 9: return c == '_' || wfo_uni_is_xid_start(c);
    default: return wfo_uni_is_printable(c);
    }
}

START_TEST(test_db_predicates) {
    long bad = 0;
    for (size_t p = 0; p < NPRED; p++)
        for (uint32_t c = 0; c < MAXCP; c++)
            if (db_pred((int)p, c) != pred_bits[p][c] && bad++ < 20)
                fprintf(stderr, "%s(U+%04X): got %d\n", PREDICATES[p], c, db_pred((int)p, c));
    ck_assert_int_eq(bad, 0);
    /* beyond Unicode: nothing */
    ck_assert(!wfo_uni_is_alpha(0x110000) && !wfo_uni_is_space(0xFFFFFFFF));
}
END_TEST

START_TEST(test_db_values) {
    /* decimal/digit values agree with the predicates and with a few
     * well-known digits */
    long bad = 0;
    for (uint32_t c = 0; c < MAXCP; c++)
        bad += (wfo_uni_decimal_value(c) >= 0) != pred_bits[1][c] ||
               (wfo_uni_digit_value(c) >= 0) != pred_bits[2][c];
    ck_assert_int_eq(bad, 0);
    ck_assert_int_eq(wfo_uni_decimal_value(0x0663), 3);
    ck_assert_int_eq(wfo_uni_decimal_value(0xFF19), 9);
    ck_assert_int_eq(wfo_uni_digit_value(0x00B2), 2);
    ck_assert_int_eq(wfo_uni_decimal_value(0x00B2), -1);
    ck_assert_int_eq(wfo_uni_digit_value(0x2460), 1);
}
END_TEST

static int db_map(int m, uint32_t c, uint32_t *out) {
    switch (m) {
    case 0: return wfo_uni_to_upper_full(c, out);
    case 1: return wfo_uni_to_lower_full(c, out);
    case 2: return wfo_uni_to_title_full(c, out);
    default: return wfo_uni_to_fold_full(c, out);
    }
}

START_TEST(test_db_mappings) {
    long bad = 0;
    for (int m = 0; m < NMAP; m++) {
        size_t k = 0;
        for (uint32_t c = 0; c < MAXCP; c++) {
            map_entry want = {c, 1, {c, 0, 0}};
            if (k < nmaps[m] && maps[m][k].cp == c) want = maps[m][k++];
            uint32_t got[WFO_UNI_MAX_CASE];
            int n = db_map(m, c, got);
            if ((n != want.n || memcmp(got, want.r, (size_t)n * 4) != 0) && bad++ < 20)
                fprintf(stderr, "%s(U+%04X): %d code points, first U+%04X\n", MAPPINGS[m], c, n, got[0]);
        }
        ck_assert_uint_eq(k, nmaps[m]);
    }
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* ---------------------------------------------------------------------------
 * str methods.
 */
/* 1 / 0 for True / False, -1 for anything else (an exception, another
 * object).  No ck_assert in the hot loops: Check logs every one. */
static int call_bool(wf_object *s, wf_object *method) {
    wf_object *r = wf_object_vectorcall_method(method, &s, 1, NULL);
    if (!r) {
        wf_err_clear();
        return -1;
    }
    int v = r == wf_True ? 1 : r == wf_False ? 0 : -1;
    wf_decref(r);
    return v;
}

/* Each predicate method on every one-character string. */
START_TEST(test_str_predicates) {
    long bad = 0;
    wf_object *names[NPRED + 1];
    for (size_t p = 0; p < NPRED; p++) ck_assert((names[p] = wf_str_from_cstr(PREDICATES[p])) != NULL);
    ck_assert((names[NPRED] = wf_str_from_cstr("isascii")) != NULL);
    for (uint32_t c = 0; c < MAXCP; c++) {
        wf_object *s = wf_str_from_char(c);
        if (!s) ck_abort_msg("chr(%X) failed", c);
        for (size_t p = 0; p < NPRED; p++)
            if (call_bool(s, names[p]) != pred_bits[p][c] && bad++ < 20)
                fprintf(stderr, "'\\U%08X'.%s() differs\n", c, PREDICATES[p]);
        if (call_bool(s, names[NPRED]) != (c < 128) && bad++ < 20)
            fprintf(stderr, "'\\U%08X'.isascii() differs\n", c);
        wf_decref(s);
    }
    for (size_t p = 0; p <= NPRED; p++) wf_decref(names[p]);
    ck_assert_int_eq(bad, 0);
}
END_TEST

static uint64_t fnv(wf_object *s) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (wf_ssize_t i = 0; i < wf_str_len(s); i++) {
        h ^= wf_str_char(s, i);
        h *= 0x100000001B3ull;
    }
    return h;
}

static wf_object *variant(int v, uint32_t chunk, uint32_t *buf) {
    size_t n = 0;
    for (uint32_t c = chunk * 4096; c < (chunk + 1) * 4096; c++) {
        switch (v) {
        case 0: buf[n++] = c; break;
        case 1: buf[n++] = ' '; buf[n++] = c; break;
        case 2: buf[n++] = 'A'; buf[n++] = c; buf[n++] = 0x3A3; buf[n++] = c; buf[n++] = ' '; break;
        default: buf[n++] = c; buf[n++] = 0x3A3; buf[n++] = ' '; break;
        }
    }
    return wf_str_from_ucs4(buf, (wf_ssize_t)n);
}

START_TEST(test_str_case_methods) {
    ck_assert_uint_eq(nhashes, (size_t)NMETH * 4 * (MAXCP / 4096));
    uint32_t *buf = malloc(5 * 4096 * sizeof(uint32_t));
    long bad = 0;
    for (size_t i = 0; i < nhashes; i++) {
        const hash_entry *e = &hashes[i];
        wf_object *s = variant(e->variant, e->chunk, buf);
        ck_assert(s != NULL);
        wf_object *r = wf_object_call_method(s, METHODS[e->method], NULL, 0);
        ck_assert(r != NULL && WF_STR_CHECK(r));
        if (fnv(r) != e->hash && bad++ < 20)
            fprintf(stderr, "%s() of variant %d of chunk %X (U+%04X..) differs\n", METHODS[e->method],
                    e->variant, e->chunk, e->chunk * 4096);
        wf_decref(r);
        wf_decref(s);
    }
    free(buf);
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* A result rendered as the generator writes it: True/False, or the code
 * points in hex separated by spaces ("-" for ''). */
static void render(wf_object *r, char *out, size_t cap) {
    if (r == wf_True || r == wf_False) {
        snprintf(out, cap, "%s", r == wf_True ? "True" : "False");
        return;
    }
    ck_assert(WF_STR_CHECK(r));
    size_t k = 0;
    out[0] = 0;
    if (wf_str_len(r) == 0) snprintf(out, cap, "-");
    for (wf_ssize_t i = 0; i < wf_str_len(r); i++)
        k += (size_t)snprintf(out + k, cap - k, i ? " %X" : "%X", wf_str_char(r, i));
}

START_TEST(test_cases) {
    const str_case *c = &CASES[_i];
    wf_object *s = wf_str_from_cstr(c->text);
    ck_assert(s != NULL);
    wf_object *r = wf_object_call_method(s, c->method, NULL, 0);
    ck_assert_msg(r != NULL, "%s raised", c->method);
    char got[1024];
    render(r, got, sizeof got);
    ck_assert_msg(strcmp(got, case_results[_i]) == 0, "case %d: %s(%s): got %s, python3 %s", _i,
                  c->method, c->text, got, case_results[_i]);
    wf_decref(r);
    wf_decref(s);
}
END_TEST

/* The result of a case method is an exact, canonical str even for a str
 * subclass receiver and for results that widen or narrow. */
START_TEST(test_widen_narrow) {
    wf_object *s = wf_str_from_cstr("\xc5\xbf"); /* U+017F LONG S: kind 2 */
    wf_object *r = wf_object_call_method(s, "upper", NULL, 0);
    ck_assert(r && wf_str_eq_cstr(r, "S") && ((wf_str *)r)->kind == 1 && ((wf_str *)r)->ascii);
    wf_decref(r);
    wf_decref(s);
    s = wf_str_from_cstr("\xc3\xbf"); /* U+00FF: kind 1, upper U+0178 */
    r = wf_object_call_method(s, "upper", NULL, 0);
    ck_assert(r && wf_str_len(r) == 1 && wf_str_char(r, 0) == 0x178 && ((wf_str *)r)->kind == 2);
    wf_decref(r);
    wf_decref(s);
}
END_TEST

int main(void) {
    Suite *s = suite_create("str_unicode");
    TCase *db = tcase_create("unicode_db");
    tcase_add_checked_fixture(db, wtest_setup, wtest_teardown);
    tcase_add_test(db, test_db_predicates);
    tcase_add_test(db, test_db_values);
    tcase_add_test(db, test_db_mappings);
    suite_add_tcase(s, db);
    TCase *st = tcase_create("str");
    tcase_add_checked_fixture(st, wtest_setup, wtest_teardown);
    tcase_set_timeout(st, 600);
    tcase_add_test(st, test_str_predicates);
    tcase_add_test(st, test_str_case_methods);
    tcase_add_loop_test(st, test_cases, 0, (int)NCASES);
    tcase_add_test(st, test_widen_narrow);
    suite_add_tcase(s, st);
    load_expected(); /* once; the forked tests inherit it */
    int rc = wtest_run_suite(s);
    free_expected();
    return rc;
}
