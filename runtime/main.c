/*
 * runtime/main.c — the `weft` command line.
 *
 * For now the runtime can describe itself; running Python source arrives
 * with the front end and interpreter.
 */
#include <stdio.h>
#include <string.h>

#include "weft/weft.h"
#include "runtime/compiler/cli.h"
#include "runtime/compiler/compiler_cli.h"

static void usage(FILE *out) {
    fprintf(out,
            "usage: weft [option]\n"
            "  --build-info   print the build configuration as key: value lines\n"
            "  --version, -V  print the version\n"
            "  --help, -h     print this help\n"
            "  --dump-ast FILE             print ast.dump() of FILE (errors as python3 prints them)\n"
            "  --check-syntax FILE         parse and check FILE only\n"
            "  --dump-ast-many LIST OUTDIR dump every file listed in LIST into OUTDIR/<n>.txt\n"
            "  --dis [-O] FILE             compile FILE and print its bytecode\n"
            "  --compile [-O] FILE         compile and verify FILE only\n"
            "  --compile-many LIST         compile and verify every file listed in LIST\n"
            "  --dump-symtable FILE        print the symbol table of FILE\n"
            "  --dump-symtable-many LIST OUTDIR  symbol tables of the files in LIST into OUTDIR/<n>.txt\n");
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--build-info") == 0) {
        wf_runtime_init();
        wf_print_build_info(stdout);
        wf_runtime_fini();
        return 0;
    }
    if (argc == 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("weft 0.1.0\n");
        return 0;
    }
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    /* Front-end modes (runtime/compiler/cli.c). */
    if (argc == 3 && strcmp(argv[1], "--dump-ast") == 0) return wfc_cli_dump_ast(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--check-syntax") == 0) return wfc_cli_check_syntax(argv[2]);
    if (argc == 4 && strcmp(argv[1], "--dump-ast-many") == 0) return wfc_cli_dump_ast_many(argv[2], argv[3]);

    /* Compiler modes (runtime/compiler/compiler_cli.c). */
    if (argc >= 3 && (strcmp(argv[1], "--dis") == 0 || strcmp(argv[1], "--compile") == 0)) {
        int opt = argc == 4 && strcmp(argv[2], "-O") == 0;
        if (argc == 3 || opt) {
            const char *file = argv[argc - 1];
            return strcmp(argv[1], "--dis") == 0 ? wfc_cli_dis(file, opt) : wfc_cli_compile(file, opt);
        }
    }
    if (argc == 3 && strcmp(argv[1], "--compile-many") == 0) return wfc_cli_compile_many(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--dump-symtable") == 0) return wfc_cli_dump_symtable(argv[2]);
    if (argc == 4 && strcmp(argv[1], "--dump-symtable-many") == 0)
        return wfc_cli_dump_symtable_many(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "--code-info-many") == 0) return wfc_cli_code_info_many(argv[2], argv[3]);
    if (argc == 4 && strcmp(argv[1], "--str-consts-many") == 0) return wfc_cli_str_consts_many(argv[2], argv[3]);

    usage(stderr);
    return 2;
}
