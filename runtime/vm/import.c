/*
 * runtime/vm/import.c — the import system: __import__ semantics (absolute
 * and relative names, fromlist, packages), the finders (sys.modules, the
 * built-in C modules, the embedded Python library, then sys.path
 * directories: package directories with __init__.py, NAME.py files and
 * namespace packages), IMPORT_FROM and `from m import *`.
 *
 * Locking.  Each module being imported has an entry in a table guarded by
 * table_lock (a wf_mutex, never held while running Python code).  The
 * importing thread owns the entry and holds the entry's own mutex (held)
 * while the module body runs; a second thread that finds the partially
 * initialised module in sys.modules (or wants to import it) waits on held
 * (parked, detached) and then reads the finished module.  The importing
 * thread itself, re-entering (a circular import), sees the partial module,
 * as CPython.  A wait that would close a cycle of threads waiting on each
 * other's imports (two threads importing A and B which import each other)
 * is not taken: that thread sees the partial module too, as CPython's
 * deadlock avoidance does.  Entries are reference-counted: the owner and
 * each waiter hold one; the last to drop it frees it.  in_progress counts
 * entries so the common path (nothing being imported) skips the table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/modules/modules.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"
#include "weft/code.h"


typedef struct import_entry {
    char *name;
    uint32_t owner;        /* thread index of the importing thread */
    int refs;              /* owner + waiters; under table_lock */
    wf_mutex held;         /* held by the owner while the module runs */
    struct import_entry *next;
} import_entry;

typedef struct import_wait {
    uint32_t thread;       /* who waits */
    import_entry *on;      /* for which import */
    struct import_wait *next;
} import_wait;

static wf_mutex table_lock = WF_MUTEX_INIT;
static import_entry *entries;  /* under table_lock */
static import_wait *waits;     /* under table_lock */
static _Atomic int in_progress; /* number of entries; read without the lock as a hint */

void wfv_import_init(void) {}

void wfv_import_fini(void) {}

static import_entry *find_entry(const char *name) {
    for (import_entry *e = entries; e; e = e->next)
        if (strcmp(e->name, name) == 0) return e;
    return NULL;
}

static import_entry *waiting_on(uint32_t thread) {
    for (import_wait *w = waits; w; w = w->next)
        if (w->thread == thread) return w->on;
    return NULL;
}

static void entry_release(import_entry *e) {
    if (--e->refs == 0) {
        free(e->name);
        free(e);
    }
}

enum { ACQ_OWNED, ACQ_WAITED, ACQ_REENTRANT };

/* Take the import of name: ACQ_OWNED (*out is ours: run the import then
 * import_release), ACQ_WAITED (another thread finished it: look again) or
 * ACQ_REENTRANT (this thread, or a cycle through it, is importing it: use
 * the partial module). */
static int import_acquire(const char *name, import_entry **out) {
    uint32_t me = wft_current_index();
    wf_mutex_lock(&table_lock);
    import_entry *e = find_entry(name);
    if (!e) {
        e = calloc(1, sizeof *e);
        char *n = strdup(name);
        if (!e || !n) {
            free(e);
            free(n);
            wf_mutex_unlock(&table_lock);
            *out = NULL;
            return ACQ_REENTRANT;
        }
        e->name = n;
        e->owner = me;
        e->refs = 1;
        wf_mutex_trylock(&e->held);
        e->next = entries;
        entries = e;
        atomic_fetch_add(&in_progress, 1);
        wf_mutex_unlock(&table_lock);
        *out = e;
        return ACQ_OWNED;
    }
    /* Would waiting close a cycle back to this thread? */
    for (import_entry *x = e; x; x = waiting_on(x->owner)) {
        if (x->owner == me) {
            wf_mutex_unlock(&table_lock);
            return ACQ_REENTRANT;
        }
    }
    import_wait w = {.thread = me, .on = e, .next = waits};
    waits = &w;
    e->refs++;
    wf_mutex_unlock(&table_lock);
    wf_mutex_lock(&e->held); /* parks, detached, until the owner is done */
    wf_mutex_unlock(&e->held);
    wf_mutex_lock(&table_lock);
    for (import_wait **p = &waits; *p; p = &(*p)->next)
        if (*p == &w) {
            *p = w.next;
            break;
        }
    entry_release(e);
    wf_mutex_unlock(&table_lock);
    return ACQ_WAITED;
}

static void import_release(import_entry *e) {
    wf_mutex_lock(&table_lock);
    for (import_entry **p = &entries; *p; p = &(*p)->next)
        if (*p == e) {
            *p = e->next;
            break;
        }
    atomic_fetch_sub(&in_progress, 1);
    wf_mutex_unlock(&e->held);
    entry_release(e);
    wf_mutex_unlock(&table_lock);
}

/* Is name being imported by another thread right now?  Then wait for it.
 * Returns 1 if it waited. */
static int wait_if_initializing(const char *name) {
    if (atomic_load_explicit(&in_progress, memory_order_relaxed) == 0) return 0;
    wf_mutex_lock(&table_lock);
    import_entry *e = find_entry(name);
    int other = e && e->owner != wft_current_index();
    wf_mutex_unlock(&table_lock);
    if (!other) return 0;
    import_entry *mine = NULL;
    int r = import_acquire(name, &mine);
    if (r == ACQ_OWNED) import_release(mine); /* it finished meanwhile */
    return r == ACQ_WAITED;
}

/* Is name being imported (by anyone)?  For the "partially initialized"
 * wording of IMPORT_FROM errors. */
static int is_initializing(const char *name) {
    if (atomic_load_explicit(&in_progress, memory_order_relaxed) == 0) return 0;
    wf_mutex_lock(&table_lock);
    int r = find_entry(name) != NULL;
    wf_mutex_unlock(&table_lock);
    return r;
}

/* --- helpers ------------------------------------------------------------------------ */
static wf_object *modules_get(const char *name) {
    wf_object *m = NULL;
    if (wf_dict_get_item_string_ref(wfv_interp_state.modules, name, &m) < 0) return NULL;
    return m;
}

static wf_object *raise_not_found(const char *fmt, const char *name, const char *parent) {
    wf_object *msg = parent ? wf_str_from_format(fmt, name, parent) : wf_str_from_format(fmt, name);
    if (!msg) return NULL;
    wf_object *args = wf_tuple_pack(1, msg);
    wf_object *exc = args ? wf_exc_new(&wf_exc_ModuleNotFoundError, args) : NULL;
    wf_xdecref(args);
    wf_decref(msg);
    if (!exc) return NULL;
    wf_object *n = wf_str_from_cstr(name);
    if (n) {
        wf_object_setattr_string(exc, "name", n);
        wf_decref(n);
    }
    wf_err_clear();
    wf_err_raise(exc);
    wf_decref(exc);
    return NULL;
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}
static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Read a whole file; malloc'd, NUL-terminated; NULL with errno set. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Run source as module `name` (the module object m, already in
 * sys.modules).  0 or -1. */
static int exec_source(wf_object *m, const char *src, size_t len, const char *filename) {
    wf_object *code = wfv_compile_source(src, len, filename, wfv_interp_state.optimize);
    if (!code) return -1;
    /* Program text: its constants become immortal (no shared count
     * traffic when threads load them). */
    wfv_code_immortalize_consts(code);
    wf_object *d = wf_module_get_dict(m);
    wf_object *r = wfv_eval_code(code, d, d);
    wf_decref(code);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static int set_str(wf_object *d, const char *key, const char *val) {
    wf_object *s = wf_str_from_cstr(val);
    if (!s) return -1;
    int rc = wf_dict_set_item_string(d, key, s);
    wf_decref(s);
    return rc;
}

/* module.__spec__: a namespace with ModuleSpec's attributes (name,
 * loader, origin, submodule_search_locations, parent, has_location,
 * cached).  Errors are reported. */
static int set_spec(wf_object *m, const char *name, const char *origin, wf_object *search, int has_location) {
    wf_object *spec = wfv_namespace_new();
    if (!spec) return -1;
    const char *dot = strrchr(name, '.');
    wf_object *n = wf_str_from_cstr(name);
    wf_object *o = origin ? wf_str_from_cstr(origin) : wf_newref(wf_None);
    wf_object *parent = search ? wf_str_from_cstr(name)
                               : dot ? wf_str_from_utf8(name, dot - name) : wf_str_from_cstr("");
    int rc = (n && o && parent) ? 0 : -1;
    if (rc == 0) rc = wf_object_setattr_string(spec, "name", n);
    if (rc == 0) rc = wf_object_setattr_string(spec, "loader", wf_None);
    if (rc == 0) rc = wf_object_setattr_string(spec, "origin", o);
    if (rc == 0) rc = wf_object_setattr_string(spec, "submodule_search_locations", search ? search : wf_None);
    if (rc == 0) rc = wf_object_setattr_string(spec, "parent", parent);
    if (rc == 0) rc = wf_object_setattr_string(spec, "has_location", wf_bool_from(has_location));
    if (rc == 0) rc = wf_object_setattr_string(spec, "cached", wf_None);
    if (rc == 0) rc = wf_dict_set_item_string(wf_module_get_dict(m), "__spec__", spec);
    wf_xdecref(n);
    wf_xdecref(o);
    wf_xdecref(parent);
    wf_decref(spec);
    return rc;
}

/* __spec__ for the modules the interpreter creates itself (sys, builtins). */
int wfv_import_set_builtin_spec(wf_object *m, const char *name) {
    return set_spec(m, name, "built-in", NULL, 0);
}

/* A new module for a source-based import, registered in sys.modules.
 * pkgdir: the package's directory (its __path__) or NULL; file: __file__
 * or NULL.  New reference. */
static wf_object *new_source_module(const char *name, int is_pkg, const char *pkgdir, const char *file) {
    wf_object *m = wf_module_new(name);
    if (!m) return NULL;
    wf_object *d = wf_module_get_dict(m);
    int rc = wf_dict_set_item_string(d, "__builtins__", wfv_interp_state.builtins);
    if (rc == 0 && file) rc = set_str(d, "__file__", file);
    if (rc == 0) {
        if (is_pkg) {
            rc = set_str(d, "__package__", name);
            wf_object *path = wf_list_new(0);
            if (!path) rc = -1;
            if (rc == 0 && pkgdir) {
                wf_object *s = wf_str_from_cstr(pkgdir);
                rc = s ? wf_list_append(path, s) : -1;
                wf_xdecref(s);
            }
            if (rc == 0) rc = wf_dict_set_item_string(d, "__path__", path);
            if (rc == 0) rc = set_spec(m, name, file ? file : pkgdir ? NULL : "frozen", path, file != NULL);
            wf_xdecref(path);
        } else {
            const char *dot = strrchr(name, '.');
            wf_object *pkg = dot ? wf_str_from_utf8(name, dot - name) : wf_str_from_cstr("");
            rc = pkg ? wf_dict_set_item_string(d, "__package__", pkg) : -1;
            wf_xdecref(pkg);
            if (rc == 0) rc = set_spec(m, name, file ? file : "frozen", NULL, file != NULL);
        }
    }
    if (rc == 0) rc = wf_dict_set_item_string(wfv_interp_state.modules, name, m);
    if (rc < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}

/* Run a loaded module's source; on failure it leaves sys.modules.  Returns
 * sys.modules[name] (a module may replace itself there), new reference. */
static wf_object *run_module_source(wf_object *m, const char *name, const char *src, size_t len,
                                   const char *filename) {
    int rc = exec_source(m, src, len, filename);
    wf_decref(m);
    if (rc < 0) {
        wf_object *saved = wf_err_fetch();
        wf_dict_del_item_string(wfv_interp_state.modules, name);
        wf_err_restore(saved);
        return NULL;
    }
    wf_object *r = modules_get(name);
    if (!r && !wf_err_occurred())
        wf_err_format(&wf_exc_ImportError, "Loaded module %s not found in sys.modules", name);
    return r;
}

/* The directories to search for `name`: sys.path for a top-level module,
 * the parent's __path__ for a submodule.  New reference or NULL
 * (exception set, or none when the parent is not a package). */
static wf_object *search_path(wf_object *parent) {
    if (!parent) {
        wf_object *p = NULL;
        if (wf_dict_get_item_string_ref(wfv_interp_state.sysdict, "path", &p) < 0) return NULL;
        if (!p) {
            wf_err_set_string(&wf_exc_ImportError, "sys.path is not set");
            return NULL;
        }
        return p;
    }
    wf_object *p = NULL;
    if (wf_object_lookup_attr(parent, wf_str_intern_cstr("__path__"), &p) < 0) return NULL;
    return p;
}

typedef struct found {
    char path[4096];   /* the file to run (empty for a namespace package) */
    char dir[4096];    /* the package directory (packages) */
    int is_pkg;
} found;

/* Search dirs (an iterable of str) for short (one name component). 1
 * found, 0 not found, -1 error. */
static int find_in_dirs(wf_object *dirs, const char *shortname, found *f) {
    wf_object *it = wf_object_get_iter(dirs);
    if (!it) return -1;
    char nsdir[4096] = "";
    wf_object *entry;
    int result = 0;
    while ((entry = wf_iter_next(it))) {
        if (!WF_STR_CHECK(entry)) {
            wf_decref(entry);
            continue;
        }
        const char *e = wf_str_utf8(entry, NULL);
        char base[4096];
        if (!e) {
            wf_err_clear();
            wf_decref(entry);
            continue;
        }
        if (*e == 0) {
            if (!getcwd(base, sizeof base)) {
                wf_decref(entry);
                continue;
            }
        } else {
            snprintf(base, sizeof base, "%s", e);
        }
        wf_decref(entry);
        char pkg[4096];
        if (snprintf(pkg, sizeof pkg, "%s/%s", base, shortname) >= (int)sizeof pkg) continue;
        if (is_dir(pkg)) {
            if (snprintf(f->path, sizeof f->path, "%s/__init__.py", pkg) < (int)sizeof f->path &&
                is_file(f->path)) {
                snprintf(f->dir, sizeof f->dir, "%s", pkg);
                f->is_pkg = 1;
                result = 1;
                break;
            }
        }
        if (snprintf(f->path, sizeof f->path, "%s/%s.py", base, shortname) < (int)sizeof f->path &&
            is_file(f->path)) {
            f->dir[0] = 0;
            f->is_pkg = 0;
            result = 1;
            break;
        }
        if (!nsdir[0] && is_dir(pkg)) snprintf(nsdir, sizeof nsdir, "%s", pkg);
    }
    wf_decref(it);
    if (wf_err_occurred()) return -1;
    if (!result && nsdir[0]) {
        f->path[0] = 0;
        snprintf(f->dir, sizeof f->dir, "%s", nsdir);
        f->is_pkg = 1;
        result = 1;
    }
    return result;
}

/* Load the module fullname (not in sys.modules; its parent, if any, is
 * imported and given).  New reference, or NULL with ModuleNotFoundError or
 * whatever the module raised. */
static wf_object *load_module(const char *fullname, wf_object *parent) {
    const char *dot = strrchr(fullname, '.');
    const char *shortname = dot ? dot + 1 : fullname;
    if (!dot) {
        const wfv_builtin_module *bm = wfv_builtin_module_find(fullname);
        /* importlib: the C minimum (_importlib) until runtime/lib has one */
        if (!bm && strcmp(fullname, "importlib") == 0 && !wfv_frozen_module_find(fullname))
            bm = wfv_builtin_module_find("_importlib");
        if (bm) {
            wf_object *m = bm->init();
            if (!m) return NULL;
            wf_object *spec = NULL;
            if (wf_dict_get_item_string_ref(wf_module_get_dict(m), "__spec__", &spec) < 0) wf_err_clear();
            if ((!spec || spec == wf_None) && set_spec(m, fullname, "built-in", NULL, 0) < 0) wf_err_clear();
            wf_xdecref(spec);
            if (wf_dict_set_item_string(wfv_interp_state.modules, fullname, m) < 0) {
                wf_decref(m);
                return NULL;
            }
            return m;
        }
    }
    const wfv_frozen_module *fm = wfv_frozen_module_find(fullname);
    if (fm) {
        wf_object *m = new_source_module(fullname, fm->is_package, NULL, NULL);
        if (!m) return NULL;
        char fname[512];
        snprintf(fname, sizeof fname, "<frozen %s>", fullname);
        return run_module_source(m, fullname, fm->source, fm->length, fname);
    }
    wf_object *dirs = search_path(parent);
    if (!dirs) {
        if (wf_err_occurred()) return NULL;
        char pname[1024];
        snprintf(pname, sizeof pname, "%.*s", (int)(dot - fullname), fullname);
        return raise_not_found("No module named '%s'; '%s' is not a package", fullname, pname);
    }
    found f;
    int r = find_in_dirs(dirs, shortname, &f);
    wf_decref(dirs);
    if (r < 0) return NULL;
    if (r == 0) return raise_not_found("No module named '%s'", fullname, NULL);
    if (!f.path[0]) { /* namespace package */
        wf_object *m = new_source_module(fullname, 1, f.dir, NULL);
        if (m) {
            wf_object *d = wf_module_get_dict(m);
            if (wf_dict_set_item_string(d, "__file__", wf_None) < 0) {
                wf_decref(m);
                return NULL;
            }
        }
        return m;
    }
    size_t len;
    char *src = read_file(f.path, &len);
    if (!src) {
        wf_err_format(&wf_exc_ImportError, "cannot read %s: %s", f.path, strerror(errno));
        return NULL;
    }
    wf_object *m = new_source_module(fullname, f.is_pkg, f.is_pkg ? f.dir : NULL, f.path);
    wf_object *res = m ? run_module_source(m, fullname, src, len, f.path) : NULL;
    free(src);
    return res;
}

/* Import one fully qualified name whose parent is already imported. */
static wf_object *import_one(const char *fullname, wf_object *parent) {
    for (;;) {
        wf_object *m = modules_get(fullname);
        if (m) {
            if (m == wf_None) {
                wf_decref(m);
                wf_err_format(&wf_exc_ModuleNotFoundError, "import of %s halted; None in sys.modules", fullname);
                return NULL;
            }
            if (wait_if_initializing(fullname)) {
                wf_decref(m);
                continue;
            }
            return m;
        }
        if (wf_err_occurred()) return NULL;
        import_entry *e = NULL;
        int a = import_acquire(fullname, &e);
        if (a == ACQ_WAITED) continue;
        if (a == ACQ_OWNED) {
            m = modules_get(fullname);
            if (m || wf_err_occurred()) {
                import_release(e);
                return m;
            }
        }
        m = load_module(fullname, parent);
        if (e) import_release(e);
        if (m && parent) {
            /* the submodule becomes an attribute of its parent */
            const char *dot = strrchr(fullname, '.');
            wf_object *saved = NULL;
            if (wf_object_setattr_string(parent, dot + 1, m) < 0) saved = wf_err_fetch();
            if (saved) wf_decref(saved);
        }
        return m;
    }
}

/* Import every prefix of absname (a, a.b, a.b.c); new reference to the
 * last one. */
static wf_object *import_dotted(const char *absname) {
    size_t n = strlen(absname);
    char *buf = malloc(n + 1);
    if (!buf) return wf_err_no_memory();
    wf_object *parent = NULL;
    size_t i = 0;
    for (;;) {
        while (i < n && absname[i] != '.') i++;
        memcpy(buf, absname, i);
        buf[i] = 0;
        wf_object *m = import_one(buf, parent);
        wf_xdecref(parent);
        if (!m) {
            free(buf);
            return NULL;
        }
        parent = m;
        if (i >= n) break;
        i++;
    }
    free(buf);
    return parent;
}

/* The package relative imports in a module with these globals are
 * relative to; new reference (str) or NULL with ImportError. */
static wf_object *calc_package(wf_object *globals) {
    if (!globals || !WF_DICT_CHECK(globals)) {
        wf_err_set_string(&wf_exc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    wf_object *pkg = NULL;
    if (wf_dict_get_item_string_ref(globals, "__package__", &pkg) < 0) return NULL;
    if (pkg && pkg != wf_None) {
        if (!WF_STR_CHECK(pkg)) {
            wf_decref(pkg);
            wf_err_set_string(&wf_exc_TypeError, "package must be a string");
            return NULL;
        }
        return pkg;
    }
    wf_xdecref(pkg);
    wf_object *name = NULL;
    if (wf_dict_get_item_string_ref(globals, "__name__", &name) < 0) return NULL;
    if (!name) {
        wf_err_set_string(&wf_exc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!WF_STR_CHECK(name)) {
        wf_decref(name);
        wf_err_set_string(&wf_exc_TypeError, "__name__ must be a string");
        return NULL;
    }
    int has_path = 0;
    wf_object *path = NULL;
    if (wf_dict_get_item_string_ref(globals, "__path__", &path) < 0) {
        wf_decref(name);
        return NULL;
    }
    has_path = path != NULL;
    wf_xdecref(path);
    if (has_path) return name;
    wf_ssize_t dot = wf_str_find(name, wf_str_intern_cstr("."), 0, wf_str_len(name), -1);
    wf_object *r = dot < 0 ? wf_str_from_cstr("") : wf_str_substring(name, 0, dot);
    wf_decref(name);
    return r;
}

/* The absolute name for (name, level) in a module with globals. New str. */
static wf_object *resolve_name(wf_object *name, wf_object *globals, int level) {
    wf_object *pkg = calc_package(globals);
    if (!pkg) return NULL;
    if (wf_str_len(pkg) == 0) {
        wf_decref(pkg);
        wf_err_set_string(&wf_exc_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    wf_object *base = pkg;
    for (int i = 1; i < level; i++) {
        wf_ssize_t dot = wf_str_find(base, wf_str_intern_cstr("."), 0, wf_str_len(base), -1);
        if (dot < 0) {
            wf_decref(base);
            wf_err_set_string(&wf_exc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
        wf_object *nb = wf_str_substring(base, 0, dot);
        wf_decref(base);
        if (!nb) return NULL;
        base = nb;
    }
    if (wf_str_len(name) == 0) return base;
    wf_object *r = wf_str_from_format("%U.%U", base, name);
    wf_decref(base);
    return r;
}

static int handle_fromlist(wf_object *module, wf_object *fromlist, int recursive);

wf_object *wfv_import_name(wf_object *name, wf_object *globals, wf_object *fromlist, int level) {
    if (!WF_STR_CHECK(name))
        return wf_err_format(&wf_exc_TypeError, "module name must be str, not %T", name);
    if (level < 0) return wf_err_format(&wf_exc_ValueError, "level must be >= 0");
    wf_object *absname;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (!absname) return NULL;
    } else {
        if (wf_str_len(name) == 0) return wf_err_format(&wf_exc_ValueError, "Empty module name");
        absname = wf_newref(name);
    }
    const char *abs = wf_str_utf8(absname, NULL);
    wf_object *mod = abs ? import_dotted(abs) : NULL;
    if (!mod) {
        wf_decref(absname);
        return NULL;
    }
    int has_from = fromlist && fromlist != wf_None && wf_object_is_true(fromlist) > 0;
    if (!has_from) {
        wf_decref(mod);
        /* the module named by the first component of name */
        wf_ssize_t nlen = wf_str_len(name);
        wf_ssize_t dot = nlen ? wf_str_find(name, wf_str_intern_cstr("."), 0, nlen, 1) : -1;
        wf_object *r;
        if (level == 0) {
            wf_object *first = dot < 0 ? wf_newref(name) : wf_str_substring(name, 0, dot);
            r = first ? wf_object_get_item(wfv_interp_state.modules, first) : NULL;
            wf_xdecref(first);
        } else if (nlen == 0) {
            r = wf_object_get_item(wfv_interp_state.modules, absname);
        } else {
            wf_ssize_t cut = dot < 0 ? 0 : nlen - dot;
            wf_object *pre = wf_str_substring(absname, 0, wf_str_len(absname) - cut);
            r = pre ? wf_object_get_item(wfv_interp_state.modules, pre) : NULL;
            wf_xdecref(pre);
        }
        wf_decref(absname);
        return r;
    }
    wf_decref(absname);
    if (handle_fromlist(mod, fromlist, 0) < 0) {
        wf_decref(mod);
        return NULL;
    }
    return mod;
}

/* from package import x, y: import submodules x, y that are not yet
 * attributes (a missing one is not an error here: IMPORT_FROM reports it). */
static int handle_fromlist(wf_object *module, wf_object *fromlist, int recursive) {
    wf_object *path = NULL;
    if (wf_object_lookup_attr(module, wf_str_intern_cstr("__path__"), &path) < 0) return -1;
    if (!path) return 0;
    wf_decref(path);
    wf_object *modname = wf_object_getattr_string(module, "__name__");
    if (!modname) return -1;
    wf_object *it = wf_object_get_iter(fromlist);
    if (!it) {
        wf_decref(modname);
        return -1;
    }
    wf_object *x;
    int rc = 0;
    while ((x = wf_iter_next(it))) {
        if (!WF_STR_CHECK(x)) {
            wf_err_format(&wf_exc_TypeError, "%s in %U.%s must be str, not %T",
                          recursive ? "Item" : "Item", modname, recursive ? "__all__" : "__dict__", x);
            if (!recursive) {
                wf_err_clear();
                wf_err_format(&wf_exc_TypeError, "Item in from list must be str, not %T", x);
            }
            wf_decref(x);
            rc = -1;
            break;
        }
        if (wf_str_eq_cstr(x, "*")) {
            wf_decref(x);
            if (recursive) continue;
            wf_object *all = NULL;
            if (wf_object_lookup_attr(module, wf_str_intern_cstr("__all__"), &all) < 0) {
                rc = -1;
                break;
            }
            if (all) {
                rc = handle_fromlist(module, all, 1);
                wf_decref(all);
                if (rc < 0) break;
            }
            continue;
        }
        wf_object *have = NULL;
        if (wf_object_lookup_attr(module, x, &have) < 0) {
            wf_decref(x);
            rc = -1;
            break;
        }
        if (have) {
            wf_decref(have);
            wf_decref(x);
            continue;
        }
        wf_object *sub = wf_str_from_format("%U.%U", modname, x);
        wf_decref(x);
        if (!sub) {
            rc = -1;
            break;
        }
        wf_object *m = import_dotted(wf_str_utf8(sub, NULL));
        if (m) {
            wf_decref(m);
        } else if (wf_err_matches((wf_object *)&wf_exc_ModuleNotFoundError)) {
            /* only swallow "this very submodule does not exist" */
            wf_object *exc = wf_err_fetch();
            wf_object *n = wf_object_getattr_string(exc, "name");
            int same = n && WF_STR_CHECK(n) && wf_str_eq(n, sub);
            wf_xdecref(n);
            wf_err_clear();
            if (same) wf_decref(exc);
            else {
                wf_err_restore(exc);
                wf_decref(sub);
                rc = -1;
                break;
            }
        } else {
            wf_decref(sub);
            rc = -1;
            break;
        }
        wf_decref(sub);
    }
    wf_decref(it);
    wf_decref(modname);
    if (rc == 0 && wf_err_occurred()) rc = -1;
    return rc;
}

wf_object *wfv_import_module(const char *name) { return import_dotted(name); }

wf_object *wfv_import_from(wf_object *module, wf_object *name) {
    wf_object *r = NULL;
    if (wf_object_lookup_attr(module, name, &r) != 0) return r;
    /* a submodule not yet bound (circular imports): sys.modules["pkg.name"] */
    wf_object *pkgname = NULL;
    if (wf_object_lookup_attr(module, wf_str_intern_cstr("__name__"), &pkgname) < 0) return NULL;
    if (pkgname && WF_STR_CHECK(pkgname)) {
        wf_object *full = wf_str_from_format("%U.%U", pkgname, name);
        if (full) {
            if (wf_dict_get_item_ref(wfv_interp_state.modules, full, &r) < 0) r = NULL;
            wf_decref(full);
            if (r) {
                wf_decref(pkgname);
                return r;
            }
        }
        wf_err_clear();
    }
    wf_object *file = NULL;
    if (wf_object_lookup_attr(module, wf_str_intern_cstr("__file__"), &file) < 0) wf_err_clear();
    wf_object *shown = pkgname && WF_STR_CHECK(pkgname) ? pkgname : NULL;
    const char *pn = shown ? wf_str_utf8(shown, NULL) : NULL;
    int partial = pn && is_initializing(pn);
    wf_object *msg;
    const char *mid = partial ? "partially initialized module " : "";
    const char *tail = partial ? " (most likely due to a circular import)" : "";
    if (!shown)
        msg = wf_str_from_format("cannot import name %R from %s'<unknown module name>'%s (unknown location)",
                                 name, mid, tail);
    else if (file && WF_STR_CHECK(file))
        msg = wf_str_from_format("cannot import name %R from %s%R%s (%U)", name, mid, shown, tail, file);
    else
        msg = wf_str_from_format("cannot import name %R from %s%R%s (unknown location)", name, mid, shown, tail);
    if (msg) {
        wf_object *args = wf_tuple_pack(1, msg);
        wf_object *exc = args ? wf_exc_new(&wf_exc_ImportError, args) : NULL;
        wf_xdecref(args);
        if (exc) {
            if (shown) wf_object_setattr_string(exc, "name", shown);
            if (file && WF_STR_CHECK(file)) wf_object_setattr_string(exc, "path", file);
            wf_err_clear();
            wf_err_raise(exc);
            wf_decref(exc);
        }
        wf_decref(msg);
    }
    wf_xdecref(file);
    wf_xdecref(pkgname);
    return NULL;
}

int wfv_import_star(wf_object *module, wf_object *locals) {
    wf_object *names = NULL;
    int skip_private = 0;
    if (wf_object_lookup_attr(module, wf_str_intern_cstr("__all__"), &names) < 0) return -1;
    if (!names) {
        wf_object *d = NULL;
        if (wf_object_lookup_attr(module, wf_str_intern_cstr("__dict__"), &d) < 0) return -1;
        if (!d) {
            wf_err_set_string(&wf_exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = wf_mapping_keys(d);
        wf_decref(d);
        if (!names) return -1;
        skip_private = 1;
    }
    wf_object *it = wf_object_get_iter(names);
    if (!it) {
        wf_decref(names);
        return -1;
    }
    int rc = 0;
    wf_object *n;
    while ((n = wf_iter_next(it))) {
        if (!WF_STR_CHECK(n)) {
            wf_object *mn = wf_object_getattr_string(module, "__name__");
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "%s in %S.%s must be str, not %T",
                          skip_private ? "Key" : "Item", mn ? mn : wf_None,
                          skip_private ? "__dict__" : "__all__", n);
            wf_xdecref(mn);
            wf_decref(n);
            rc = -1;
            break;
        }
        if (skip_private && wf_str_len(n) > 0 && wf_str_char(n, 0) == '_') {
            wf_decref(n);
            continue;
        }
        wf_object *v = wf_object_getattr(module, n);
        if (!v) {
            wf_decref(n);
            rc = -1;
            break;
        }
        rc = WF_DICT_CHECK_EXACT(locals) ? wf_dict_set_item(locals, n, v) : wf_object_set_item(locals, n, v);
        wf_decref(v);
        wf_decref(n);
        if (rc < 0) break;
    }
    wf_decref(it);
    wf_decref(names);
    if (rc == 0 && wf_err_occurred()) rc = -1;
    return rc;
}

wf_object *wfv_import_reload(wf_object *module) {
    if (!wf_type_is_subtype(WF_TYPE(module), &wf_module_type))
        return wf_err_format(&wf_exc_TypeError, "reload() argument must be a module");
    wf_object *d = wf_module_get_dict(module);
    wf_object *name = NULL, *file = NULL;
    if (wf_dict_get_item_string_ref(d, "__name__", &name) <= 0 || !WF_STR_CHECK(name)) {
        wf_xdecref(name);
        if (!wf_err_occurred()) wf_err_set_string(&wf_exc_TypeError, "reload() argument must be a module");
        return NULL;
    }
    const char *n = wf_str_utf8(name, NULL);
    wf_object *cur = n ? modules_get(n) : NULL;
    int same = cur == module;
    wf_xdecref(cur);
    if (!same) {
        wf_err_clear();
        wf_err_format(&wf_exc_ImportError, "module %s not in sys.modules", n ? n : "?");
        wf_decref(name);
        return NULL;
    }
    int rc = 0;
    const wfv_frozen_module *fm = wfv_frozen_module_find(n);
    if (fm) {
        char fname[512];
        snprintf(fname, sizeof fname, "<frozen %s>", n);
        rc = exec_source(module, fm->source, fm->length, fname);
    } else if (wf_dict_get_item_string_ref(d, "__file__", &file) > 0 && WF_STR_CHECK(file)) {
        const char *path = wf_str_utf8(file, NULL);
        size_t len;
        char *src = path ? read_file(path, &len) : NULL;
        if (!src) {
            if (!wf_err_occurred()) raise_not_found("No module named '%s'", n, NULL);
            rc = -1;
        } else {
            rc = exec_source(module, src, len, path);
            free(src);
        }
    }
    wf_xdecref(file);
    wf_decref(name);
    if (rc < 0) return NULL;
    return wf_newref(module);
}

/* sys.path = [path0] + PYTHONPATH entries (unless -E/-I) + the library
 * directories (which hold nothing yet: the library is embedded). */
int wfv_import_set_path0(const char *path0) {
    wf_object *path = wf_list_new(0);
    if (!path) return -1;
    int rc = 0;
    if (path0) {
        wf_object *s = wf_str_from_cstr(path0);
        rc = s ? wf_list_append(path, s) : -1;
        wf_xdecref(s);
    }
    const char *pp = wfv_cfg.ignore_environment || wfv_cfg.isolated ? NULL : getenv("PYTHONPATH");
    while (rc == 0 && pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t n = colon ? (size_t)(colon - pp) : strlen(pp);
        if (n > 0) {
            char buf[4096];
            if (pp[0] != '/' && getcwd(buf, sizeof buf)) {
                size_t l = strlen(buf);
                snprintf(buf + l, sizeof buf - l, "/%.*s", (int)n, pp);
            } else {
                snprintf(buf, sizeof buf, "%.*s", (int)n, pp);
            }
            wf_object *s = wf_str_from_cstr(buf);
            rc = s ? wf_list_append(path, s) : -1;
            wf_xdecref(s);
        }
        pp = colon ? colon + 1 : NULL;
    }
    static const char *const libdirs[] = {"/usr/local/lib/weft311.zip", "/usr/local/lib/weft3.11",
                                          "/usr/local/lib/weft3.11/lib-dynload"};
    for (int i = 0; rc == 0 && i < 3; i++) {
        wf_object *s = wf_str_from_cstr(libdirs[i]);
        rc = s ? wf_list_append(path, s) : -1;
        wf_xdecref(s);
    }
    if (rc == 0) rc = wf_dict_set_item_string(wfv_interp_state.sysdict, "path", path);
    wf_decref(path);
    return rc;
}
