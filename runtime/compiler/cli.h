/*
 * runtime/compiler/cli.h — the front end's command-line modes, called by
 * runtime/main.c.
 *
 *   weft --dump-ast FILE           print ast.dump(ast.parse(FILE)); on bad
 *                                  source print the error as `python3 FILE`
 *                                  does and exit 1
 *   weft --check-syntax FILE       parse and run the compile-time checks of
 *                                  compile() (validate.c); exit 0 or 1
 *   weft --dump-ast-many LIST OUT  for each path in LIST (one a line) write
 *                                  OUT/<index>.txt with its dump or its
 *                                  error line "ERROR Class: msg"; prints
 *                                  a summary (for the stdlib comparison)
 */
#ifndef WEFT_COMPILER_CLI_H
#define WEFT_COMPILER_CLI_H

int wfc_cli_dump_ast(const char *path);
int wfc_cli_check_syntax(const char *path);
int wfc_cli_dump_ast_many(const char *listfile, const char *outdir);

#endif /* WEFT_COMPILER_CLI_H */
