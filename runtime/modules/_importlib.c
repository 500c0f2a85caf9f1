/*
 * runtime/modules/_importlib.c — the minimum of importlib in C:
 * import_module, reload and invalidate_caches over the import system
 * (runtime/vm/import.c).  The import system serves it as `importlib` while
 * runtime/lib has no importlib package of its own; a Python importlib can
 * re-export these.  No state of its own.
 */
#include <string.h>

#include "runtime/modules/modules.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"

static wf_object *imp_import_module(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                    wf_object *kwnames) {
    (void)self;
    wf_object *name = NULL, *package = wf_None;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs > 2 || nargs + nkw < 1 || nargs + nkw > 2)
        return wf_err_format(&wf_exc_TypeError, "import_module() takes from 1 to 2 positional arguments");
    name = args[0];
    if (nargs == 2) package = args[1];
    for (wf_ssize_t i = 0; i < nkw; i++) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, i);
        if (wf_str_eq_cstr(k, "package")) package = args[nargs + i];
        else if (wf_str_eq_cstr(k, "name") && nargs == 0) name = args[nargs + i];
        else return wf_err_format(&wf_exc_TypeError, "import_module() got an unexpected keyword argument %R", k);
    }
    if (!name || !WF_STR_CHECK(name))
        return wf_err_format(&wf_exc_TypeError, "module name must be str, not %T", name ? name : wf_None);
    wf_ssize_t n = wf_str_len(name), level = 0;
    while (level < n && wf_str_char(name, level) == '.') level++;
    if (level == 0) {
        const char *u = wf_str_utf8(name, NULL);
        return u ? wfv_import_module(u) : NULL;
    }
    if (package == wf_None || !WF_STR_CHECK(package))
        return wf_err_format(&wf_exc_TypeError,
                             "the 'package' argument is required to perform a relative import for %R", name);
    wf_object *globals = wf_dict_new();
    wf_object *rest = wf_str_substring(name, level, n);
    wf_object *fromlist = wf_tuple_pack(1, wf_str_intern_cstr("__name__"));
    wf_object *r = NULL;
    if (globals && rest && fromlist && wf_dict_set_item_string(globals, "__package__", package) == 0 &&
        wf_dict_set_item_string(globals, "__name__", package) == 0) {
        /* with a non-empty fromlist __import__ returns the named module
         * itself (the package for an empty rest) */
        wf_object *m = wfv_import_name(rest, globals, fromlist, (int)level);
        r = m;
    }
    wf_xdecref(globals);
    wf_xdecref(rest);
    wf_xdecref(fromlist);
    return r;
}

static wf_object *imp_reload(wf_object *self, wf_object *module) {
    (void)self;
    return wfv_import_reload(module);
}

static wf_object *imp_invalidate_caches(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    WF_RETURN_NONE;
}

static wf_method_def importlib_methods[] = {
    {"import_module", imp_import_module, WF_METH_FASTCALL | WF_METH_KEYWORDS, "Import a module."},
    {"reload", imp_reload, WF_METH_O, "Reload the module and return it."},
    {"invalidate_caches", imp_invalidate_caches, WF_METH_NOARGS, "Invalidate the finders' caches (none)."},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_importlib) {
    wf_object *m = wf_module_new("importlib");
    if (!m) return NULL;
    if (wf_module_add_functions(m, importlib_methods) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
