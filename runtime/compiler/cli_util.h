/*
 * runtime/compiler/cli_util.h — small helpers shared by the front end's
 * command-line modes (cli.c: --dump-ast and friends; compiler_cli.c:
 * --dis, --compile and the *-many modes).
 *
 * Files are read whole into malloc'd buffers the caller frees; list files
 * hold one path a line and are walked in place.  Nothing here keeps
 * state, so the helpers are safe from any thread.
 */
#ifndef WEFT_COMPILER_CLI_UTIL_H
#define WEFT_COMPILER_CLI_UTIL_H

#include <stddef.h>
#include <stdio.h>

#include "runtime/compiler/arena.h"
#include "runtime/compiler/syntax_error.h"

/* The whole file in a malloc'd buffer (length in *len), or NULL with errno
 * set when it cannot be opened or memory runs out. */
char *wfc_cli_read_file(const char *path, size_t *len);

/* wfc_cli_read_file for a source named on the command line: on failure
 * prints "weft: can't open file ..." as python3 does and returns NULL. */
char *wfc_cli_read_source(const char *path, size_t *len);

/* A list file, NUL-terminated, for wfc_cli_next_line; NULL (with a message
 * when it cannot be opened) on failure. */
char *wfc_cli_read_list(const char *listfile);

/* The next non-empty line of a list read by wfc_cli_read_list, terminated
 * in place; *cursor starts at the buffer.  NULL at the end. */
char *wfc_cli_next_line(char **cursor);

/* OUTDIR/INDEX.txt opened for writing, or NULL after printing
 * "weft: can't write ...". */
FILE *wfc_cli_open_output(const char *outdir, int index);

/* A new arena for one file, or NULL with *err set to a MemoryError. */
wfc_arena *wfc_cli_arena_new(wfc_syntax_error *err);

/* Monotonic clock in seconds, for the timings the *-many modes report. */
double wfc_cli_now(void);

#endif
