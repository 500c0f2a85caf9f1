/*
 * tests/unit/test_io.c — C-level tests of runtime/modules/_io.c: a text
 * stream on a file written by 4 threads through wfio_write_str (every line
 * must come out whole and in per-thread order, none lost) and a StringIO
 * hammered the same way.  The module inits are not called (they create
 * heap exception types that live until exit, which the leak check would
 * report); the types are used directly.  struct and the Python-level
 * behaviour are compared with python3 by scripts, not here.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/modules/io.h"
#include "runtime/modules/modules.h"
#include "tests/unit/wtest.h"
#include "weft/objects.h"

extern wf_type wfio_stringio_type; /* runtime/modules/_io.c */

#define NTHREADS 4
static long per_thread;
static wf_object *shared_stream;

static void writer(int index, void *arg) {
    (void)arg;
    for (long i = 0; i < per_thread; i++) {
        char line[64];
        snprintf(line, sizeof line, "thread %d line %ld with some padding text\n", index, i);
        wf_object *s = wf_str_from_cstr(line);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_eq(wfio_write_str(shared_stream, s), 0);
        wf_decref(s);
    }
}

static void check_lines(const char *data, size_t len) {
    long *seen = calloc(NTHREADS, sizeof(long));
    const char *p = data, *end = data + len;
    long count = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        ck_assert_ptr_nonnull(nl);
        int t;
        long i;
        char pad[64];
        ck_assert_int_eq(sscanf(p, "thread %d line %ld with some %63s", &t, &i, pad), 3);
        ck_assert(t >= 0 && t < NTHREADS);
        ck_assert_int_eq(i, seen[t]); /* per-thread order kept */
        seen[t]++;
        count++;
        p = nl + 1;
    }
    ck_assert_int_eq(count, NTHREADS * per_thread);
    free(seen);
}

START_TEST(test_std_stream_threads) {
    per_thread = wtest_scale(3000);
    char path[] = "/tmp/weft_test_io_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    shared_stream = wfio_std_stream(fd, "w", 0);
    ck_assert_ptr_nonnull(shared_stream);
    wtest_run_threads(NTHREADS, writer, NULL);
    ck_assert_int_eq(wfio_flush(shared_stream), 0);
    wf_decref(shared_stream);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_int_eq((long)fread(buf, 1, (size_t)n, f), n);
    fclose(f);
    check_lines(buf, (size_t)n);
    free(buf);
    close(fd);
    unlink(path);
}
END_TEST

START_TEST(test_stringio_threads) {
    per_thread = wtest_scale(3000);
    ck_assert_int_eq(wf_type_ready(&wfio_stringio_type), 0);
    wf_object *cls = (wf_object *)&wfio_stringio_type;
    shared_stream = wf_object_call_noargs(cls);
    ck_assert_ptr_nonnull(shared_stream);
    wtest_run_threads(NTHREADS, writer, NULL);
    wf_object *v = wf_object_call_method(shared_stream, "getvalue", NULL, 0);
    ck_assert_ptr_nonnull(v);
    wf_ssize_t len;
    const char *u = wf_str_utf8(v, &len);
    check_lines(u, (size_t)len);
    wf_decref(v);
    wf_decref(shared_stream);
}
END_TEST

int main(void) {
    Suite *s = suite_create("io");
    TCase *tc = tcase_create("io");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_std_stream_threads);
    tcase_add_test(tc, test_stringio_threads);
    suite_add_tcase(s, tc);
    return wtest_run_suite(s);
}
