/*
 * tests/unit/wrows.c — expected-file lookup, rendering and comparison for
 * the row-based object suites (see wrows.h).  Each Check test runs in its
 * own forked process, so the expected file is loaded once per process.
 */
#include "wrows.h"

#include "runtime/objects/objimpl.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *expected_text; /* "\n" + the file's bytes + NUL */

static const char *expected_line(const char *path, const char *id) {
    if (!expected_text) {
        FILE *f = fopen(path, "rb");
        ck_assert_msg(f != NULL, "cannot open %s", path);
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        expected_text = malloc((size_t)n + 2);
        ck_assert_ptr_nonnull(expected_text);
        expected_text[0] = '\n';
        ck_assert_int_eq(fread(expected_text + 1, 1, (size_t)n, f), n);
        expected_text[n + 1] = 0;
        fclose(f);
    }
    size_t idlen = strlen(id);
    for (const char *p = expected_text; (p = strchr(p, '\n')) != NULL; p++)
        if (strncmp(p + 1, id, idlen) == 0 && p[1 + idlen] == '\t') return p + 2 + idlen;
    return NULL;
}

char *wrows_render(wf_object *r) {
    wf_object *s;
    if (r) {
        s = wf_object_repr(r);
    } else {
        wf_object *e = wf_err_fetch();
        ck_assert_msg(e != NULL, "case returned NULL without an exception");
        wf_object *msg = wf_object_str(e);
        ck_assert_msg(msg != NULL, "str() of the exception failed");
        s = wf_str_from_format("%s: %U", wf_type_name(WF_TYPE(e)), msg);
        wf_decref(msg);
        wf_decref(e);
    }
    ck_assert_msg(s != NULL, "repr failed");
    wf_ssize_t n;
    const char *u = wf_str_utf8(s, &n);
    char *out = strndup(u, (size_t)n);
    wf_decref(s);
    return out;
}

void wrows_check(const char *expected_path, const char *test_file, const char *id, char *got) {
    const char *exp = expected_line(expected_path, id);
    ck_assert_msg(exp != NULL, "no expected line for %s (run tools/gen_rows_expected.py %s)", id,
                  test_file);
    size_t elen = strcspn(exp, "\n");
    ck_assert_msg(strlen(got) == elen && memcmp(got, exp, elen) == 0,
                  "%s:\n  got      %s\n  expected %.*s", id, got, (int)elen, exp);
    free(got);
}

void wrows_fini(void) {
    free(expected_text);
    expected_text = NULL;
}
