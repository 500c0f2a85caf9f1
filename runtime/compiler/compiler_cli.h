/*
 * runtime/compiler/compiler_cli.h — the compiler's command-line modes,
 * called by runtime/main.c.
 *
 *   weft --dis FILE                 compile FILE and print the listing of
 *                                   every code object (format: code.c)
 *   weft --compile FILE             compile and verify only; errors as
 *                                   `python3 FILE` prints them, exit 1
 *   weft --compile-many LIST        compile + verify every file listed (one
 *                                   path a line) in one process; one line
 *                                   per file on stdout (OK / ERROR / VERIFY)
 *                                   and a summary with the time on stderr
 *   weft --dump-symtable FILE       the symbol table (symtable.c format)
 *   weft --dump-symtable-many LIST OUTDIR   ... of each file into OUTDIR/<n>.txt
 *   weft --code-info-many LIST OUTDIR       per code object: qualname, firstlineno,
 *                                   flags, arg counts, varnames, cellvars,
 *                                   freevars (tools/code_compare.py)
 *   weft --str-consts-many LIST OUTDIR      repr of every str constant of every
 *                                   code object (tools/strconst_compare.py)
 * -O before FILE (--dis -O FILE, --compile -O FILE) compiles as python3 -O.
 */
#ifndef WEFT_COMPILER_COMPILER_CLI_H
#define WEFT_COMPILER_COMPILER_CLI_H

int wfc_cli_dis(const char *path, int optimize);
int wfc_cli_compile(const char *path, int optimize);
int wfc_cli_compile_many(const char *listfile);
int wfc_cli_dump_symtable(const char *path);
int wfc_cli_dump_symtable_many(const char *listfile, const char *outdir);
int wfc_cli_code_info_many(const char *listfile, const char *outdir);
int wfc_cli_str_consts_many(const char *listfile, const char *outdir);

#endif /* WEFT_COMPILER_COMPILER_CLI_H */
