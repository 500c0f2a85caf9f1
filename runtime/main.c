/*
 * runtime/main.c — the `weft` command line.
 *
 * For now the runtime can describe itself; running Python source arrives
 * with the front end and interpreter.
 */
#include <stdio.h>
#include <string.h>

#include "weft/weft.h"

static void usage(FILE *out) {
    fprintf(out,
            "usage: weft [option]\n"
            "  --build-info   print the build configuration as key: value lines\n"
            "  --version, -V  print the version\n"
            "  --help, -h     print this help\n");
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
    usage(stderr);
    return 2;
}
