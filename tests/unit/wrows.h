/*
 * tests/unit/wrows.h — the shared half of the row-based object suites
 * (test_containers, test_sequences, test_complex, test_format): each case is
 * a C function mirroring a line of Python code, written as
 * ROW(id, "python code") in the test file; tools/gen_rows_expected.py runs the
 * Python under python3 and writes `id<TAB>result` lines to an expected file.
 * Needs the object layer (link weft_objects).
 */
#ifndef WEFT_TESTS_WROWS_H
#define WEFT_TESTS_WROWS_H

#include "weft/abstract.h"
#include "weft/errors.h"
#include "weft/objects.h"

/* repr(r), or "TypeName: str(exception)" when r is NULL (the pending
 * exception is consumed); malloc'd UTF-8. */
char *wrows_render(wf_object *r);

/* Compare got (freed here) with the line for id in the expected file at
 * expected_path; test_file names the C file to regenerate it from. */
void wrows_check(const char *expected_path, const char *test_file, const char *id, char *got);

/* Free the loaded expected file (for runs without fork, CK_FORK=no). */
void wrows_fini(void);

#endif
