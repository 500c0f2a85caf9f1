/*
 * tests/fuzz/replay_main.c — a main() for a libFuzzer harness built as a
 * plain executable: every file named on the command line, and every
 * regular file directly inside a directory named there, is read whole and
 * passed once to LLVMFuzzerTestOneInput.  A crash, sanitizer report or
 * abort in the harness fails the run; otherwise it prints how many inputs
 * it replayed and exits 0.  Used by the fuzz regression tests (ctest), so
 * they run in every build without libFuzzer.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: can't open %s\n", path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) break;
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    int bad = ferror(f) || !buf;
    fclose(f);
    if (bad) {
        free(buf);
        fprintf(stderr, "replay: can't read %s\n", path);
        return -1;
    }
    /* an exact-size copy, so ASan catches reads past the input's end */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 0;
}

int main(int argc, char **argv) {
    long count = 0;
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
            failed = 1;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (replay_file(argv[i]) == 0) count++;
            else failed = 1;
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (!d) {
            failed = 1;
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') continue;
            size_t need = strlen(argv[i]) + strlen(e->d_name) + 2;
            char *path = malloc(need);
            if (!path) {
                failed = 1;
                break;
            }
            snprintf(path, need, "%s/%s", argv[i], e->d_name);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                if (replay_file(path) == 0) count++;
                else failed = 1;
            }
            free(path);
        }
        closedir(d);
    }
    printf("replayed %ld inputs\n", count);
    return failed;
}
