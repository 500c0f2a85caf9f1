/*
 * tests/fuzz/fuzz_parser.c — libFuzzer harness for the whole parsing
 * path of the front end, as `weft --dump-ast` and `weft --check-syntax`
 * run it (runtime/compiler/cli.c): tokenize + parse (wfc_parse), the
 * depth check (wfc_check_depth), ast.dump with and without attributes
 * (wfc_ast_dump, wfc_ast_dump_attrs) into a memory buffer, the
 * compile-time checks (wfc_validate), and, on rejection, the CPython-style
 * error report (wfc_syntax_error_print) into a memory stream.
 *
 * Invariants checked (a violation aborts, so the fuzzer reports it):
 *  - a parse either gives a tree or fills the error with a known class and
 *    a non-empty message (never both, never neither);
 *  - the dump of an accepted tree never fails (a failure would print as a
 *    spurious MemoryError) and both dumps agree on being non-empty;
 *  - a rejected tree's error has a class and a message;
 *  - everything is freed (LeakSanitizer reports what is not).
 *
 * Built two ways (tests/fuzz/fuzz.cmake, tests/unit/fuzz_parser.cmake):
 * with -fsanitize=fuzzer as the fuzzer `fuzz_parser`, and as a plain
 * executable with tests/fuzz/replay_main.c (`fuzz_parser_replay`) that
 * feeds files to LLVMFuzzerTestOneInput, so the regression inputs replay
 * in every build.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/parser.h"
#include "runtime/compiler/syntax_error.h"
#include "runtime/objects/repr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_error(const wfc_syntax_error *err) {
    if (err->kind == WFC_ERR_NONE) abort(); /* rejected without a reason */
    if (err->kind != WFC_ERR_MEMORY && err->kind != WFC_ERR_RECURSION && err->msg[0] == '\0') abort();
    if (memchr(err->msg, '\0', sizeof err->msg) == NULL) abort(); /* unterminated message */
}

/* The error as `python3 FILE` prints it, into memory (as the CLI prints
 * it on stderr). */
static void print_error(const wfc_syntax_error *err) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return;
    wfc_syntax_error_print(f, "<fuzz>", err);
    fclose(f);
    if (len == 0) abort(); /* every error prints at least its class */
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *src = (const char *)data;
    wfc_arena *arena = wfc_arena_new();
    if (!arena) return 0;
    wfc_syntax_error err;
    wfc_mod *m = wfc_parse(src, size, "<fuzz>", arena, &err);
    if (!m) {
        check_error(&err);
        print_error(&err);
        wfc_syntax_error_clear(&err);
        wfc_arena_free(arena);
        return 0;
    }
    if (err.kind != WFC_ERR_NONE || err.text) abort(); /* a tree and an error */
    /* --dump-ast: the depth check, then ast.dump (both forms) */
    if (wfc_check_depth(m, &err) == 0) {
        wfo_strbuf out, attrs;
        wfo_strbuf_init(&out);
        wfo_strbuf_init(&attrs);
        if (wfc_ast_dump(&out, m) != 0) abort();
        if (wfc_ast_dump_attrs(&attrs, m) != 0) abort();
        if (out.len == 0 || attrs.len < out.len) abort();
        if (strncmp(out.data, "Module(", 7) != 0) abort();
        wfo_strbuf_free(&out);
        wfo_strbuf_free(&attrs);
    } else {
        check_error(&err);
        print_error(&err);
        wfc_syntax_error_clear(&err);
    }
    /* --check-syntax: every compile-time check (depth included) */
    if (wfc_validate(m, src, size, &err) != 0) {
        check_error(&err);
        print_error(&err);
        wfc_syntax_error_clear(&err);
    }
    wfc_arena_free(arena);
    return 0;
}
