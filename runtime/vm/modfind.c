/*
 * runtime/vm/modfind.c — lookup in the generated tables of built-in C
 * modules and embedded Python modules (runtime/modules/modules.h).
 * Both tables are sorted by name and immutable: lookups need no lock.
 */
#include <string.h>

#include "runtime/modules/modules.h"

const wfv_builtin_module *wfv_builtin_module_find(const char *name) {
    size_t n = 0;
    while (wfv_builtin_modules[n].name) n++;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, wfv_builtin_modules[mid].name);
        if (c == 0) return &wfv_builtin_modules[mid];
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return NULL;
}

const wfv_frozen_module *wfv_frozen_module_find(const char *name) {
    size_t n = 0;
    while (wfv_frozen_modules[n].name) n++;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, wfv_frozen_modules[mid].name);
        if (c == 0) return &wfv_frozen_modules[mid];
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return NULL;
}
