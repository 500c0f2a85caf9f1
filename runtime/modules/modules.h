/*
 * runtime/modules/modules.h — built-in (C) modules and embedded Python
 * modules: how they are declared and found.
 *
 * A C module is one file runtime/modules/<name>.c containing, at the start
 * of a line, exactly one
 *
 *     WF_MODULE_INIT(math) { ... return module; }
 *
 * The build scans the .c files of runtime/modules/ for that line and generates the
 * table below (no central list to edit).  The init function runs once, on
 * first import, with the import lock held; it returns a new module object
 * (wf_module_new + wf_module_add_functions / wf_module_add_object) or NULL
 * with an exception.  Module names with a dot are not allowed here: write
 * the package part in Python (runtime/lib/).
 *
 * Python modules live in runtime/lib/ (runtime/lib/name.py, or
 * runtime/lib/pkg/__init__.py and runtime/lib/pkg/sub.py for packages) and
 * are embedded in the binary at build time; the import system finds them
 * after the C modules and before sys.path.
 */
#ifndef WEFT_MODULES_MODULES_H
#define WEFT_MODULES_MODULES_H

#include <stddef.h>

#include "weft/objects.h"

#define WF_MODULE_INIT(name) wf_object *wfmod_init_##name(void)

typedef struct wfv_builtin_module {
    const char *name;
    wf_object *(*init)(void);
} wfv_builtin_module;
/* Generated: every WF_MODULE_INIT, sorted by name, NULL-terminated. */
extern const wfv_builtin_module wfv_builtin_modules[];
const wfv_builtin_module *wfv_builtin_module_find(const char *name);

typedef struct wfv_frozen_module {
    const char *name;   /* dotted: "collections", "collections.abc" */
    const char *source; /* UTF-8, NUL-terminated */
    size_t length;
    int is_package;     /* came from pkg/__init__.py */
} wfv_frozen_module;
/* Generated from runtime/lib/, sorted by name, NULL-terminated. */
extern const wfv_frozen_module wfv_frozen_modules[];
const wfv_frozen_module *wfv_frozen_module_find(const char *name);

#endif /* WEFT_MODULES_MODULES_H */
