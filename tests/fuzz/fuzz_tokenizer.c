/*
 * tests/fuzz/fuzz_tokenizer.c — libFuzzer harness for the tokenizer and
 * the literal decoders (build with -DWEFT_FUZZ=ON and clang; see
 * tests/fuzz/fuzz.cmake).
 *
 * Each input is tokenized in both modes (with and without comments,
 * file and string wording); every NUMBER and STRING token is decoded and
 * its value repr'd, every NAME is NFKC-normalized, and every error's
 * position must lie inside the source.
 * The run must end after a number of tokens bounded by the input size.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/literals.h"
#include "runtime/compiler/tokenizer.h"
#include "runtime/objects/repr.h"
#include "runtime/objects/unicode_db.h"

static void check_literals(const wfc_token *t)
{
    char err[512];
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (t->kind == WFC_TOK_NUMBER) {
        wfc_number n;
        if (wfc_parse_number(t->start, t->len, &n, err, sizeof err) == 0) {
            if (n.kind != WFC_NUM_INT) {
                wfo_repr_float(&b, n.value);
                wfo_repr_complex(&b, 0.0, n.value);
            }
            wfc_number_free(&n);
        }
    } else if (t->kind == WFC_TOK_NAME) {
        /* identifiers are valid UTF-8: NFKC must succeed */
        char *n = wfo_uni_nfkc(t->start, t->len, NULL);
        if (!n)
            abort();
        free(n);
    } else if (t->kind == WFC_TOK_STRING) {
        wfc_string s;
        if (wfc_decode_string(t->start, t->len, &s, err, sizeof err) == 0) {
            if (s.is_bytes)
                wfo_repr_bytes(&b, (const unsigned char *)s.data, s.len);
            else if (wfo_repr_str(&b, s.data, s.len) != 0 && !s.is_fstring)
                abort(); /* a decoded str must be generalized UTF-8 */
            wfc_string_free(&s);
        }
    }
    wfo_strbuf_free(&b);
}

static void run(const uint8_t *data, size_t size, int flags)
{
    wfc_tokenizer *tz = wfc_tokenizer_new((const char *)data, size, "<fuzz>", flags);
    if (!tz)
        return;
    wfc_token t;
    size_t ntok = 0;
    for (;;) {
        if (wfc_tokenizer_next(tz, &t) < 0) {
            const wfc_tok_error *e = wfc_tokenizer_error(tz);
            /* errors found while tokenizing point into an existing line
             * (decoding errors and null bytes stop before there are lines) */
            if (e->kind != WFC_TOKERR_DECODE && e->kind != WFC_TOKERR_NOMEM &&
                !strstr(e->msg, "null bytes")) {
                size_t len;
                const char *line = wfc_tokenizer_line(tz, e->lineno, &len);
                if (!line || e->col_offset < 0 || (size_t)e->col_offset > len)
                    abort();
            }
            break;
        }
        if (++ntok > 4 * size + 16)
            abort(); /* more tokens than the input can hold: a loop */
        check_literals(&t);
        if (t.kind == WFC_TOK_ENDMARKER)
            break;
    }
    wfc_tokenizer_free(tz);
}

/* The literal decoders must also be total on arbitrary text. */
static void raw_literals(const uint8_t *data, size_t size)
{
    char err[512];
    wfc_number n;
    if (wfc_parse_number((const char *)data, size, &n, err, sizeof err) == 0)
        wfc_number_free(&n);
    wfc_string s;
    if (wfc_decode_string((const char *)data, size, &s, err, sizeof err) == 0)
        wfc_string_free(&s);
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    wfo_repr_str(&b, (const char *)data, size); /* may refuse invalid UTF-8 */
    wfo_repr_bytes(&b, data, size);
    wfo_strbuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    raw_literals(data, size);
    run(data, size, 0);
    run(data, size, WFC_TOK_KEEP_COMMENTS | WFC_TOK_STRING_INPUT);
    return 0;
}
