/*
 * runtime/modules/posix.c — the posix module (os is runtime/lib/os.py on
 * top of it): files and directories, stat, fds, pipes, the environment,
 * process information, CPU affinity, urandom, terminal size.
 *
 * Thread-safety: no mutable module state except the process environment,
 * which putenv/unsetenv change under env_lock (a pthread mutex, never held
 * across anything that blocks or calls Python).  posix.environ is a
 * snapshot dict built at init (os.py wraps it and keeps it in sync through
 * putenv/unsetenv).  Calls that may block (read, write, open, system,
 * waitpid) detach the thread while blocked; sched_setaffinity and other
 * quick syscalls are made attached.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime/modules/io.h"
#include "runtime/modules/modules.h"
#include "runtime/modules/structseq.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"
#include "weft/objects.h"

extern char **environ;
extern int wfv_handle_signals(void) __attribute__((weak));

/* memoryview support lives in runtime/objects/memoryview.c (declared in
 * runtime/objects/objimpl.h, which modules do not include). */
int wfo_is_memoryview(wf_object *o);
wf_object *wfo_memoryview_bytes(wf_object *o);

static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;

#define BLOCKING_BEGIN                                  \
    {                                                   \
        wft_thread *wf_t_ = wft_current();              \
        bool wf_was_ = wf_t_ ? wft_detach_if_attached(wf_t_) : false;
#define BLOCKING_END                       \
    if (wf_t_) wft_reattach(wf_t_, wf_was_); \
    }

/* --- path arguments ------------------------------------------------------- */
typedef struct patharg {
    wf_object *conv;   /* str or bytes after fspath (strong) or NULL */
    const char *p;     /* UTF-8 / raw bytes, NUL-terminated */
    int is_bytes;
    int fd;            /* >= 0 when an fd was given (allow_fd) */
} patharg;

static void path_clear(patharg *pa) {
    wf_xdecref(pa->conv);
    pa->conv = NULL;
}

static wf_object *do_fspath(wf_object *o) {
    if (WF_STR_CHECK(o) || WF_BYTES_CHECK(o)) return wf_newref(o);
    wf_object *m = NULL;
    int r = wf_object_lookup_attr((wf_object *)WF_TYPE(o), wf_str_intern_cstr("__fspath__"), &m);
    if (r < 0) return NULL;
    if (r == 0)
        return wf_err_format(&wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", o);
    wf_object *p = wf_object_call_one(m, o);
    wf_decref(m);
    if (!p) return NULL;
    if (!WF_STR_CHECK(p) && !WF_BYTES_CHECK(p)) {
        wf_err_format(&wf_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %T",
                      wf_type_name(WF_TYPE(o)), p);
        wf_decref(p);
        return NULL;
    }
    return p;
}

static int path_conv(wf_object *o, patharg *pa, const char *fname, int allow_fd, int allow_none) {
    pa->conv = NULL;
    pa->p = NULL;
    pa->is_bytes = 0;
    pa->fd = -1;
    if (allow_none && (!o || o == wf_None)) {
        pa->p = ".";
        return 0;
    }
    if (allow_fd && WF_INT_CHECK(o) && !WF_BOOL_CHECK(o)) {
        wf_ssize_t fd = wf_int_as_ssize(o);
        if (fd == -1 && wf_err_occurred()) return -1;
        pa->fd = (int)fd;
        return 0;
    }
    wf_object *c = NULL;
    if (WF_STR_CHECK(o) || WF_BYTES_CHECK(o)) c = wf_newref(o);
    else {
        wf_object *m = NULL;
        int r = wf_object_lookup_attr((wf_object *)WF_TYPE(o), wf_str_intern_cstr("__fspath__"), &m);
        if (r < 0) return -1;
        if (r == 0) {
            wf_err_format(&wf_exc_TypeError, "%s: path should be string, bytes, os.PathLike%s, not %T",
                          fname, allow_fd ? " or integer" : allow_none ? " or None" : "", o);
            return -1;
        }
        wf_decref(m);
        c = do_fspath(o);
        if (!c) return -1;
    }
    wf_ssize_t n;
    if (WF_STR_CHECK(c)) {
        pa->p = wf_str_utf8(c, &n);
        if (!pa->p) {
            wf_decref(c);
            return -1;
        }
    } else {
        pa->p = WF_BYTES_DATA(c);
        n = WF_BYTES_SIZE(c);
        pa->is_bytes = 1;
    }
    if ((wf_ssize_t)strlen(pa->p) != n) {
        wf_decref(c);
        wf_err_format(&wf_exc_ValueError, "%s: embedded null character in path", fname);
        return -1;
    }
    pa->conv = c;
    return 0;
}

static wf_object *err_path(int e, wf_object *path) { return wfio_err_errno(e, path); }
static wf_object *err_path2(int e, wf_object *a, wf_object *b) {
    wf_object *no = wf_int_from_i64(e), *msg = wf_str_from_cstr(strerror(e));
    wf_object *args = no && msg ? wf_tuple_pack(5, no, msg, a, wf_None, b) : NULL;
    wf_object *exc = args ? wf_object_call((wf_object *)&wf_exc_OSError, args, NULL) : NULL;
    wf_xdecref(no);
    wf_xdecref(msg);
    wf_xdecref(args);
    if (exc) {
        wf_err_set_object(WF_TYPE(exc), exc);
        wf_decref(exc);
    }
    return NULL;
}

/* Simple keyword parser: names NULL-terminated; out borrowed or NULL. */
static int parse_args(const char *fname, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                      const char *const *names, int npos, int nreq, wf_object **out) {
    int n = 0;
    while (names[n]) n++;
    for (int i = 0; i < n; i++) out[i] = NULL;
    if (nargs > npos) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d positional argument%s (%zd given)",
                      fname, npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) out[i] = args[i];
    if (kwnames)
        for (wf_ssize_t k = 0; k < WF_TUPLE_SIZE(kwnames); k++) {
            wf_object *kn = WF_TUPLE_ITEM(kwnames, k);
            int f = -1;
            for (int i = 0; i < n; i++)
                if (wf_str_eq_cstr(kn, names[i])) f = i;
            if (f < 0) {
                wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, kn);
                return -1;
            }
            if (out[f]) {
                wf_err_format(&wf_exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                              fname, names[f], f + 1);
                return -1;
            }
            out[f] = args[nargs + k];
        }
    for (int i = 0; i < nreq; i++)
        if (!out[i]) {
            wf_err_format(&wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                          names[i], i + 1);
            return -1;
        }
    return 0;
}

static int arg_int(wf_object *o, int dflt, int *out) {
    if (!o) {
        *out = dflt;
        return 0;
    }
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    wf_ssize_t v = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return -1;
    if (v > 0x7fffffff || v < -0x7fffffff - 1) {
        wf_err_set_string(&wf_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int dir_fd_unsupported(wf_object *o) {
    if (o && o != wf_None) {
        wf_err_set_string(&wf_exc_NotImplementedError, "dir_fd unavailable on this platform");
        return -1;
    }
    return 0;
}

/* --- stat_result ------------------------------------------------------------ */
#define SR_VISIBLE 10
#define SR_TOTAL 19
static const char *const sr_fields[] = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
                                        "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"};
static void sr_dealloc(wf_object *o) { wfss_dealloc(o, SR_TOTAL); }
static wf_object *sr_repr(wf_object *o) { return wfss_repr(o, "os.stat_result", sr_fields); }
static wf_type stat_result_type;
static wf_object *sr_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)kwargs;
    if (!args || WF_TUPLE_SIZE(args) != 1)
        return wf_err_format(&wf_exc_TypeError, "stat_result() takes exactly 1 positional argument");
    return wfss_from_seq(type, WF_TUPLE_ITEM(args, 0), SR_VISIBLE, SR_TOTAL, "os.stat_result");
}
#define G(name, i) {name, wfss_get, NULL, NULL, (void *)(intptr_t)(i)}
static wf_getset_def sr_getset[] = {
    G("st_mode", 0), G("st_ino", 1), G("st_dev", 2), G("st_nlink", 3), G("st_uid", 4),
    G("st_gid", 5), G("st_size", 6), G("st_atime", 10), G("st_mtime", 11), G("st_ctime", 12),
    G("st_atime_ns", 13), G("st_mtime_ns", 14), G("st_ctime_ns", 15), G("st_blksize", 16),
    G("st_blocks", 17), G("st_rdev", 18), {NULL, NULL, NULL, NULL, NULL},
};
static wf_type stat_result_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "os.stat_result",
    .tp_basicsize = sizeof(wf_tuple),
    .tp_itemsize = sizeof(wf_object *),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = sr_dealloc,
    .tp_repr = sr_repr,
    .tp_base = &wf_tuple_type,
    .tp_new = sr_new,
    .tp_getset = sr_getset,
};

static wf_object *ts_float(struct timespec ts) {
    return wf_float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}
static wf_object *ts_ns(struct timespec ts) {
    return wf_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}
static wf_object *stat_to_result(const struct stat *st) {
    wf_object *o = wfss_new(&stat_result_type, SR_VISIBLE, SR_TOTAL);
    if (!o) return NULL;
    wf_object *v[SR_TOTAL] = {
        wf_int_from_i64(st->st_mode), wf_int_from_u64(st->st_ino), wf_int_from_u64(st->st_dev),
        wf_int_from_i64((int64_t)st->st_nlink), wf_int_from_i64(st->st_uid),
        wf_int_from_i64(st->st_gid), wf_int_from_i64(st->st_size),
        wf_int_from_i64(st->st_atim.tv_sec), wf_int_from_i64(st->st_mtim.tv_sec),
        wf_int_from_i64(st->st_ctim.tv_sec), ts_float(st->st_atim), ts_float(st->st_mtim),
        ts_float(st->st_ctim), ts_ns(st->st_atim), ts_ns(st->st_mtim), ts_ns(st->st_ctim),
        wf_int_from_i64(st->st_blksize), wf_int_from_i64(st->st_blocks),
        wf_int_from_u64(st->st_rdev)};
    int bad = 0;
    for (int i = 0; i < SR_TOTAL; i++) {
        if (!v[i]) bad = 1;
        ((wf_tuple *)o)->ob_item[i] = v[i];
    }
    if (bad) {
        for (int i = 0; i < SR_TOTAL; i++)
            if (!((wf_tuple *)o)->ob_item[i]) ((wf_tuple *)o)->ob_item[i] = wf_newref(wf_None);
        wf_decref(o);
        return NULL;
    }
    return o;
}

static wf_object *do_stat(const char *fname, wf_object *const *args, wf_ssize_t nargs,
                          wf_object *kwnames, int follow_default) {
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks", NULL};
    wf_object *a[3];
    if (parse_args(fname, args, nargs, kwnames, names, 1, 1, a) < 0) return NULL;
    if (dir_fd_unsupported(a[1]) < 0) return NULL;
    int follow = follow_default;
    if (a[2]) {
        follow = wf_object_is_true(a[2]);
        if (follow < 0) return NULL;
    }
    patharg pa;
    if (path_conv(a[0], &pa, fname, 1, 0) < 0) return NULL;
    struct stat st;
    int r;
    if (pa.fd >= 0) r = fstat(pa.fd, &st);
    else r = follow ? stat(pa.p, &st) : lstat(pa.p, &st);
    int e = errno;
    path_clear(&pa);
    if (r < 0) return err_path(e, pa.fd >= 0 ? NULL : a[0]);
    return stat_to_result(&st);
}
static wf_object *p_stat(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    return do_stat("stat", args, nargs, kw, 1);
}
static wf_object *p_lstat(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    return do_stat("lstat", args, nargs, kw, 0);
}
static wf_object *p_fstat(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) return wfio_err_errno(errno, NULL);
    return stat_to_result(&st);
}

/* --- directories and files -------------------------------------------------- */
static wf_object *p_getcwd(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return wfio_err_errno(errno, NULL);
    return wf_str_from_utf8(buf, (wf_ssize_t)strlen(buf));
}
static wf_object *p_getcwdb(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return wfio_err_errno(errno, NULL);
    return wf_bytes_from_cstr(buf);
}

static wf_object *name_obj(const char *s, int is_bytes) {
    return is_bytes ? wf_bytes_from_cstr(s) : wf_str_from_utf8(s, (wf_ssize_t)strlen(s));
}

static wf_object *p_listdir(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", NULL};
    wf_object *a[1];
    if (parse_args("listdir", args, nargs, kw, names, 1, 0, a) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "listdir", 1, 1) < 0) return NULL;
    DIR *d;
    if (pa.fd >= 0) {
        int fd2 = dup(pa.fd);
        d = fd2 >= 0 ? fdopendir(fd2) : NULL;
    } else
        d = opendir(pa.p);
    if (!d) {
        int e = errno;
        path_clear(&pa);
        return err_path(e, a[0] && a[0] != wf_None && pa.fd < 0 ? a[0] : (pa.fd < 0 ? wf_str_intern_cstr(".") : NULL));
    }
    wf_object *l = wf_list_new(0);
    struct dirent *de;
    while (l && (errno = 0, de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        wf_object *n = name_obj(de->d_name, pa.is_bytes);
        if (!n || wf_list_append(l, n) < 0) {
            wf_xdecref(n);
            wf_decref(l);
            l = NULL;
            break;
        }
        wf_decref(n);
    }
    closedir(d);
    path_clear(&pa);
    return l;
}

#define PATH_ONE_FUNC(cname, pyname, call)                                                     \
    static wf_object *cname(wf_object *m, wf_object *const *args, wf_ssize_t nargs,            \
                            wf_object *kw) {                                                   \
        (void)m;                                                                               \
        static const char *const names[] = {"path", "dir_fd", NULL};                           \
        wf_object *a[2];                                                                       \
        if (parse_args(pyname, args, nargs, kw, names, 1, 1, a) < 0) return NULL;              \
        if (dir_fd_unsupported(a[1]) < 0) return NULL;                                         \
        patharg pa;                                                                            \
        if (path_conv(a[0], &pa, pyname, 0, 0) < 0) return NULL;                               \
        const char *p = pa.p;                                                                  \
        int r = (call);                                                                        \
        int e = errno;                                                                         \
        path_clear(&pa);                                                                       \
        if (r < 0) return err_path(e, a[0]);                                                   \
        WF_RETURN_NONE;                                                                        \
    }
PATH_ONE_FUNC(p_rmdir, "rmdir", rmdir(p))
PATH_ONE_FUNC(p_remove, "remove", unlink(p))
PATH_ONE_FUNC(p_unlink, "unlink", unlink(p))

static wf_object *p_chdir(wf_object *m, wf_object *arg) {
    (void)m;
    patharg pa;
    if (path_conv(arg, &pa, "chdir", 1, 0) < 0) return NULL;
    int r = pa.fd >= 0 ? fchdir(pa.fd) : chdir(pa.p);
    int e = errno;
    path_clear(&pa);
    if (r < 0) return err_path(e, pa.fd >= 0 ? NULL : arg);
    WF_RETURN_NONE;
}

static wf_object *p_mkdir(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    wf_object *a[3];
    if (parse_args("mkdir", args, nargs, kw, names, 2, 1, a) < 0) return NULL;
    if (dir_fd_unsupported(a[2]) < 0) return NULL;
    int mode;
    if (arg_int(a[1], 0777, &mode) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "mkdir", 0, 0) < 0) return NULL;
    int r = mkdir(pa.p, (mode_t)mode);
    int e = errno;
    path_clear(&pa);
    if (r < 0) return err_path(e, a[0]);
    WF_RETURN_NONE;
}

static wf_object *do_rename(const char *fname, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    wf_object *a[4];
    if (parse_args(fname, args, nargs, kw, names, 2, 2, a) < 0) return NULL;
    if (dir_fd_unsupported(a[2]) < 0 || dir_fd_unsupported(a[3]) < 0) return NULL;
    patharg s, d;
    if (path_conv(a[0], &s, fname, 0, 0) < 0) return NULL;
    if (path_conv(a[1], &d, fname, 0, 0) < 0) {
        path_clear(&s);
        return NULL;
    }
    int r = rename(s.p, d.p);
    int e = errno;
    path_clear(&s);
    path_clear(&d);
    if (r < 0) return err_path2(e, a[0], a[1]);
    WF_RETURN_NONE;
}
static wf_object *p_rename(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    return do_rename("rename", args, nargs, kw);
}
static wf_object *p_replace(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    return do_rename("replace", args, nargs, kw);
}

static wf_object *two_path(const char *fname, wf_object *const *args, wf_ssize_t nargs, int which) {
    if (nargs != 2) return wf_err_format(&wf_exc_TypeError, "%s() takes exactly 2 arguments (%zd given)", fname, nargs);
    patharg s, d;
    if (path_conv(args[0], &s, fname, 0, 0) < 0) return NULL;
    if (path_conv(args[1], &d, fname, 0, 0) < 0) {
        path_clear(&s);
        return NULL;
    }
    int r = which == 0 ? symlink(s.p, d.p) : link(s.p, d.p);
    int e = errno;
    path_clear(&s);
    path_clear(&d);
    if (r < 0) return err_path2(e, args[0], args[1]);
    WF_RETURN_NONE;
}
static wf_object *p_symlink(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    (void)kw;
    return two_path("symlink", args, nargs < 2 ? nargs : 2, 0);
}
static wf_object *p_link(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    (void)kw;
    return two_path("link", args, nargs < 2 ? nargs : 2, 1);
}

static wf_object *p_readlink(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", "dir_fd", NULL};
    wf_object *a[2];
    if (parse_args("readlink", args, nargs, kw, names, 1, 1, a) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "readlink", 0, 0) < 0) return NULL;
    char buf[4096];
    ssize_t n = readlink(pa.p, buf, sizeof buf - 1);
    int e = errno;
    int isb = pa.is_bytes;
    path_clear(&pa);
    if (n < 0) return err_path(e, a[0]);
    buf[n] = 0;
    return name_obj(buf, isb);
}

static wf_object *p_access(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    wf_object *a[5];
    if (parse_args("access", args, nargs, kw, names, 2, 2, a) < 0) return NULL;
    int mode;
    if (arg_int(a[1], 0, &mode) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "access", 0, 0) < 0) return NULL;
    int r = access(pa.p, mode);
    path_clear(&pa);
    return wf_bool_from(r == 0);
}

static wf_object *p_chmod(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    wf_object *a[4];
    if (parse_args("chmod", args, nargs, kw, names, 2, 2, a) < 0) return NULL;
    int mode;
    if (arg_int(a[1], 0, &mode) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "chmod", 1, 0) < 0) return NULL;
    int r = pa.fd >= 0 ? fchmod(pa.fd, (mode_t)mode) : chmod(pa.p, (mode_t)mode);
    int e = errno;
    path_clear(&pa);
    if (r < 0) return err_path(e, a[0]);
    WF_RETURN_NONE;
}

static wf_object *p_truncate(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("truncate", nargs, 2, 2) < 0) return NULL;
    patharg pa;
    if (path_conv(args[0], &pa, "truncate", 1, 0) < 0) return NULL;
    wf_ssize_t len = wf_number_as_ssize_t(args[1], &wf_exc_OverflowError);
    if (len == -1 && wf_err_occurred()) {
        path_clear(&pa);
        return NULL;
    }
    int r = pa.fd >= 0 ? ftruncate(pa.fd, (off_t)len) : truncate(pa.p, (off_t)len);
    int e = errno;
    path_clear(&pa);
    if (r < 0) return err_path(e, pa.fd >= 0 ? NULL : args[0]);
    WF_RETURN_NONE;
}

static wf_object *p_utime(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    wf_object *a[5];
    if (parse_args("utime", args, nargs, kw, names, 2, 1, a) < 0) return NULL;
    struct timespec ts[2];
    struct timespec *tsp = NULL;
    if (a[1] && a[1] != wf_None) {
        if (!WF_TUPLE_CHECK(a[1]) || WF_TUPLE_SIZE(a[1]) != 2)
            return wf_err_format(&wf_exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        for (int i = 0; i < 2; i++) {
            double d = wf_float_as_double(WF_TUPLE_ITEM(a[1], i));
            if (d == -1.0 && wf_err_occurred()) return NULL;
            ts[i].tv_sec = (time_t)d;
            ts[i].tv_nsec = (long)((d - (double)ts[i].tv_sec) * 1e9);
            if (ts[i].tv_nsec < 0) {
                ts[i].tv_sec--;
                ts[i].tv_nsec += 1000000000;
            }
        }
        tsp = ts;
    } else if (a[2]) {
        if (!WF_TUPLE_CHECK(a[2]) || WF_TUPLE_SIZE(a[2]) != 2)
            return wf_err_format(&wf_exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        for (int i = 0; i < 2; i++) {
            int ov = 0;
            int64_t ns = wf_int_as_i64_overflow(WF_TUPLE_ITEM(a[2], i), &ov);
            if (wf_err_occurred()) return NULL;
            ts[i].tv_sec = (time_t)(ns / 1000000000);
            ts[i].tv_nsec = (long)(ns % 1000000000);
        }
        tsp = ts;
    }
    patharg pa;
    if (path_conv(a[0], &pa, "utime", 1, 0) < 0) return NULL;
    int r = pa.fd >= 0 ? futimens(pa.fd, tsp) : utimensat(AT_FDCWD, pa.p, tsp, 0);
    int e = errno;
    path_clear(&pa);
    if (r < 0) return err_path(e, a[0]);
    WF_RETURN_NONE;
}

/* --- file descriptors ----------------------------------------------------------- */
static wf_object *p_open(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    wf_object *a[4];
    if (parse_args("open", args, nargs, kw, names, 3, 2, a) < 0) return NULL;
    if (dir_fd_unsupported(a[3]) < 0) return NULL;
    int flags, mode;
    if (arg_int(a[1], 0, &flags) < 0 || arg_int(a[2], 0777, &mode) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "open", 0, 0) < 0) return NULL;
    int fd, e;
    for (;;) {
        BLOCKING_BEGIN
        fd = open(pa.p, flags | O_CLOEXEC, mode);
        e = errno;
        BLOCKING_END
        if (fd >= 0 || e != EINTR) break;
        if (wfv_handle_signals && wfv_handle_signals() < 0) {
            path_clear(&pa);
            return NULL;
        }
    }
    path_clear(&pa);
    if (fd < 0) return err_path(e, a[0]);
    return wf_int_from_i64(fd);
}
static wf_object *p_close(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    if (close(fd) < 0 && errno != EINTR) return wfio_err_errno(errno, NULL);
    WF_RETURN_NONE;
}
static wf_object *p_closerange(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("closerange", nargs, 2, 2) < 0) return NULL;
    int lo, hi;
    if (arg_int(args[0], 0, &lo) < 0 || arg_int(args[1], 0, &hi) < 0) return NULL;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) close(fd);
    WF_RETURN_NONE;
}
static wf_object *p_read(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("read", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (arg_int(args[0], 0, &fd) < 0) return NULL;
    wf_ssize_t n = wf_number_as_ssize_t(args[1], &wf_exc_OverflowError);
    if (n == -1 && wf_err_occurred()) return NULL;
    if (n < 0) {
        errno = EINVAL;
        return wfio_err_errno(EINVAL, NULL);
    }
    char *buf = malloc((size_t)n + 1);
    if (!buf) return wf_err_no_memory();
    ssize_t r;
    int e;
    for (;;) {
        BLOCKING_BEGIN
        r = read(fd, buf, (size_t)n);
        e = errno;
        BLOCKING_END
        if (r >= 0 || e != EINTR) break;
        if (wfv_handle_signals && wfv_handle_signals() < 0) {
            free(buf);
            return NULL;
        }
    }
    if (r < 0) {
        free(buf);
        return wfio_err_errno(e, NULL);
    }
    wf_object *b = wf_bytes_from_data(buf, r);
    free(buf);
    return b;
}
static wf_object *p_write(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("write", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (arg_int(args[0], 0, &fd) < 0) return NULL;
    wf_object *b;
    if (WF_BYTES_CHECK(args[1]) || WF_BYTEARRAY_CHECK(args[1])) b = wf_bytes_snapshot(args[1]);
    else if (wfo_is_memoryview(args[1])) b = wfo_memoryview_bytes(args[1]);
    else return wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    if (!b) return NULL;
    ssize_t r;
    int e;
    for (;;) {
        BLOCKING_BEGIN
        r = write(fd, WF_BYTES_DATA(b), (size_t)WF_BYTES_SIZE(b));
        e = errno;
        BLOCKING_END
        if (r >= 0 || e != EINTR) break;
        if (wfv_handle_signals && wfv_handle_signals() < 0) {
            wf_decref(b);
            return NULL;
        }
    }
    wf_decref(b);
    if (r < 0) return wfio_err_errno(e, NULL);
    return wf_int_from_i64(r);
}
static wf_object *p_pipe(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return wfio_err_errno(errno, NULL);
    wf_object *a = wf_int_from_i64(fds[0]), *b = wf_int_from_i64(fds[1]);
    wf_object *t = a && b ? wf_tuple_pack(2, a, b) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    return t;
}
static wf_object *p_dup(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return wfio_err_errno(errno, NULL);
    return wf_int_from_i64(r);
}
static wf_object *p_dup2(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    wf_object *a[3];
    if (parse_args("dup2", args, nargs, kw, names, 3, 2, a) < 0) return NULL;
    int fd, fd2;
    if (arg_int(a[0], 0, &fd) < 0 || arg_int(a[1], 0, &fd2) < 0) return NULL;
    int inh = a[2] ? wf_object_is_true(a[2]) : 1;
    int r = inh ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) return wfio_err_errno(errno, NULL);
    return wf_int_from_i64(r);
}
static wf_object *p_lseek(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("lseek", nargs, 3, 3) < 0) return NULL;
    int fd, how;
    if (arg_int(args[0], 0, &fd) < 0 || arg_int(args[2], 0, &how) < 0) return NULL;
    wf_ssize_t pos = wf_number_as_ssize_t(args[1], &wf_exc_OverflowError);
    if (pos == -1 && wf_err_occurred()) return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) return wfio_err_errno(errno, NULL);
    return wf_int_from_i64(r);
}
static wf_object *p_fsync(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (!WF_INT_CHECK(arg)) {
        wf_object *r = wf_object_call_method(arg, "fileno", NULL, 0);
        if (!r) return NULL;
        int rc = arg_int(r, 0, &fd);
        wf_decref(r);
        if (rc < 0) return NULL;
    } else if (arg_int(arg, 0, &fd) < 0)
        return NULL;
    int r;
    BLOCKING_BEGIN
    r = fsync(fd);
    BLOCKING_END
    if (r < 0) return wfio_err_errno(errno, NULL);
    WF_RETURN_NONE;
}
static wf_object *p_ftruncate(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("ftruncate", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (arg_int(args[0], 0, &fd) < 0) return NULL;
    wf_ssize_t len = wf_number_as_ssize_t(args[1], &wf_exc_OverflowError);
    if (len == -1 && wf_err_occurred()) return NULL;
    if (ftruncate(fd, (off_t)len) < 0) return wfio_err_errno(errno, NULL);
    WF_RETURN_NONE;
}
static wf_object *p_isatty(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    return wf_bool_from(isatty(fd));
}
static wf_object *p_device_encoding(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    if (isatty(fd)) return wf_str_from_cstr("UTF-8");
    WF_RETURN_NONE;
}
static wf_object *p_get_inheritable(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) return wfio_err_errno(errno, NULL);
    return wf_bool_from(!(fl & FD_CLOEXEC));
}
static wf_object *p_set_inheritable(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("set_inheritable", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (arg_int(args[0], 0, &fd) < 0) return NULL;
    int inh = wf_object_is_true(args[1]);
    if (inh < 0) return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0 || fcntl(fd, F_SETFD, inh ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0)
        return wfio_err_errno(errno, NULL);
    WF_RETURN_NONE;
}
static wf_object *p_get_blocking(wf_object *m, wf_object *arg) {
    (void)m;
    int fd;
    if (arg_int(arg, 0, &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return wfio_err_errno(errno, NULL);
    return wf_bool_from(!(fl & O_NONBLOCK));
}
static wf_object *p_set_blocking(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("set_blocking", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (arg_int(args[0], 0, &fd) < 0) return NULL;
    int bl = wf_object_is_true(args[1]);
    if (bl < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, bl ? fl & ~O_NONBLOCK : fl | O_NONBLOCK) < 0)
        return wfio_err_errno(errno, NULL);
    WF_RETURN_NONE;
}

/* --- terminal size, times, uname --------------------------------------------------- */
static const char *const tsz_fields[] = {"columns", "lines"};
static void tsz_dealloc(wf_object *o) { wfss_dealloc(o, 2); }
static wf_object *tsz_repr(wf_object *o) { return wfss_repr(o, "os.terminal_size", tsz_fields); }
static wf_type terminal_size_type;
static wf_object *tsz_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)kwargs;
    if (!args || WF_TUPLE_SIZE(args) != 1)
        return wf_err_format(&wf_exc_TypeError, "terminal_size() takes exactly 1 positional argument");
    return wfss_from_seq(type, WF_TUPLE_ITEM(args, 0), 2, 2, "os.terminal_size");
}
static wf_getset_def tsz_getset[] = {G("columns", 0), G("lines", 1), {NULL, NULL, NULL, NULL, NULL}};
static wf_type terminal_size_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "os.terminal_size",
    .tp_basicsize = sizeof(wf_tuple),
    .tp_itemsize = sizeof(wf_object *),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = tsz_dealloc,
    .tp_repr = tsz_repr,
    .tp_base = &wf_tuple_type,
    .tp_new = tsz_new,
    .tp_getset = tsz_getset,
};
static wf_object *p_get_terminal_size(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("get_terminal_size", nargs, 0, 1) < 0) return NULL;
    int fd = 1;
    if (nargs && arg_int(args[0], 1, &fd) < 0) return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return wfio_err_errno(errno, NULL);
    wf_object *o = wfss_new(&terminal_size_type, 2, 2);
    if (!o) return NULL;
    wfss_set(o, 0, wf_int_from_i64(w.ws_col));
    wfss_set(o, 1, wf_int_from_i64(w.ws_row));
    return o;
}

static const char *const times_fields[] = {"user", "system", "children_user", "children_system", "elapsed"};
static void times_dealloc(wf_object *o) { wfss_dealloc(o, 5); }
static wf_object *times_repr(wf_object *o) { return wfss_repr(o, "posix.times_result", times_fields); }
static wf_getset_def times_getset[] = {G("user", 0), G("system", 1), G("children_user", 2),
                                       G("children_system", 3), G("elapsed", 4),
                                       {NULL, NULL, NULL, NULL, NULL}};
static wf_type times_result_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "posix.times_result",
    .tp_basicsize = sizeof(wf_tuple),
    .tp_itemsize = sizeof(wf_object *),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = times_dealloc,
    .tp_repr = times_repr,
    .tp_base = &wf_tuple_type,
    .tp_getset = times_getset,
};
static wf_object *p_times(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return wfio_err_errno(errno, NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    wf_object *o = wfss_new(&times_result_type, 5, 5);
    if (!o) return NULL;
    wfss_set(o, 0, wf_float_from_double((double)t.tms_utime / tick));
    wfss_set(o, 1, wf_float_from_double((double)t.tms_stime / tick));
    wfss_set(o, 2, wf_float_from_double((double)t.tms_cutime / tick));
    wfss_set(o, 3, wf_float_from_double((double)t.tms_cstime / tick));
    wfss_set(o, 4, wf_float_from_double((double)c / tick));
    return o;
}

static const char *const uname_fields[] = {"sysname", "nodename", "release", "version", "machine"};
static void uname_dealloc(wf_object *o) { wfss_dealloc(o, 5); }
static wf_object *uname_repr(wf_object *o) { return wfss_repr(o, "posix.uname_result", uname_fields); }
static wf_getset_def uname_getset[] = {G("sysname", 0), G("nodename", 1), G("release", 2),
                                       G("version", 3), G("machine", 4),
                                       {NULL, NULL, NULL, NULL, NULL}};
static wf_type uname_result_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "posix.uname_result",
    .tp_basicsize = sizeof(wf_tuple),
    .tp_itemsize = sizeof(wf_object *),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = uname_dealloc,
    .tp_repr = uname_repr,
    .tp_base = &wf_tuple_type,
    .tp_getset = uname_getset,
};
static wf_object *p_uname(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    struct utsname un;
    if (uname(&un) < 0) return wfio_err_errno(errno, NULL);
    wf_object *o = wfss_new(&uname_result_type, 5, 5);
    if (!o) return NULL;
    wfss_set(o, 0, wf_str_from_cstr(un.sysname));
    wfss_set(o, 1, wf_str_from_cstr(un.nodename));
    wfss_set(o, 2, wf_str_from_cstr(un.release));
    wfss_set(o, 3, wf_str_from_cstr(un.version));
    wfss_set(o, 4, wf_str_from_cstr(un.machine));
    return o;
}

/* --- process ------------------------------------------------------------------------ */
#define INT_GETTER(cname, expr)                          \
    static wf_object *cname(wf_object *m, wf_object *u) { \
        (void)m;                                         \
        (void)u;                                         \
        return wf_int_from_i64((int64_t)(expr));         \
    }
INT_GETTER(p_getpid, getpid())
INT_GETTER(p_getppid, getppid())
INT_GETTER(p_getuid, getuid())
INT_GETTER(p_geteuid, geteuid())
INT_GETTER(p_getgid, getgid())
INT_GETTER(p_getegid, getegid())
INT_GETTER(p_getpgrp, getpgrp())

static wf_object *p_cpu_count(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) WF_RETURN_NONE;
    return wf_int_from_i64(n);
}
static wf_object *p_umask(wf_object *m, wf_object *arg) {
    (void)m;
    int mask;
    if (arg_int(arg, 0, &mask) < 0) return NULL;
    return wf_int_from_i64(umask((mode_t)mask));
}
static wf_object *p_exit(wf_object *m, wf_object *arg) {
    (void)m;
    int code;
    if (arg_int(arg, 0, &code) < 0) return NULL;
    _exit(code);
}
static wf_object *p_kill(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("kill", nargs, 2, 2) < 0) return NULL;
    int pid, sig;
    if (arg_int(args[0], 0, &pid) < 0 || arg_int(args[1], 0, &sig) < 0) return NULL;
    if (kill(pid, sig) < 0) return wfio_err_errno(errno, NULL);
    if (wfv_handle_signals && wfv_handle_signals() < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *p_system(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"command", NULL};
    wf_object *a[1];
    if (parse_args("system", args, nargs, kw, names, 1, 1, a) < 0) return NULL;
    patharg pa;
    if (path_conv(a[0], &pa, "system", 0, 0) < 0) return NULL;
    wfio_flush_std();
    int r;
    BLOCKING_BEGIN
    r = system(pa.p);
    BLOCKING_END
    path_clear(&pa);
    return wf_int_from_i64(r);
}
static wf_object *p_waitstatus_to_exitcode(wf_object *m, wf_object *arg) {
    (void)m;
    int st;
    if (arg_int(arg, 0, &st) < 0) return NULL;
    if (WIFEXITED(st)) return wf_int_from_i64(WEXITSTATUS(st));
    if (WIFSIGNALED(st)) return wf_int_from_i64(-WTERMSIG(st));
    return wf_err_format(&wf_exc_ValueError, "invalid wait status: %d", st);
}
static wf_object *p_strerror(wf_object *m, wf_object *arg) {
    (void)m;
    int code;
    if (arg_int(arg, 0, &code) < 0) return NULL;
    return wf_str_from_cstr(strerror(code));
}
static wf_object *p_urandom(wf_object *m, wf_object *arg) {
    (void)m;
    if (!wf_index_check(arg))
        return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
    wf_ssize_t n = wf_number_as_ssize_t(arg, &wf_exc_OverflowError);
    if (n == -1 && wf_err_occurred()) return NULL;
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "negative argument not allowed");
        return NULL;
    }
    char *buf = malloc((size_t)n + 1);
    if (!buf) return wf_err_no_memory();
    wf_ssize_t done = 0;
    while (done < n) {
        ssize_t r = getrandom(buf + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            free(buf);
            return wfio_err_errno(errno, NULL);
        }
        done += r;
    }
    wf_object *b = wf_bytes_from_data(buf, n);
    free(buf);
    return b;
}

/* sched_setaffinity(pid, mask) / sched_getaffinity(pid): pid 0 = the
 * calling thread (Linux).  Plain syscalls, no detaching. */
static wf_object *p_sched_setaffinity(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("sched_setaffinity", nargs, 2, 2) < 0) return NULL;
    int pid;
    if (arg_int(args[0], 0, &pid) < 0) return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    wf_object *it = wf_object_get_iter(args[1]);
    if (!it) return NULL;
    wf_object *x;
    while ((x = wf_iter_next(it))) {
        if (!wf_index_check(x)) {
            wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", x);
            wf_decref(x);
            wf_decref(it);
            return NULL;
        }
        wf_ssize_t cpu = wf_number_as_ssize_t(x, &wf_exc_OverflowError);
        wf_decref(x);
        if (cpu == -1 && wf_err_occurred()) {
            wf_decref(it);
            return NULL;
        }
        if (cpu < 0) {
            wf_decref(it);
            wf_err_set_string(&wf_exc_ValueError, "negative CPU number");
            return NULL;
        }
        if (cpu >= CPU_SETSIZE) {
            wf_decref(it);
            wf_err_set_string(&wf_exc_OverflowError, "CPU number too large");
            return NULL;
        }
        CPU_SET((int)cpu, &set);
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    if (sched_setaffinity(pid, sizeof set, &set) < 0) return wfio_err_errno(errno, NULL);
    WF_RETURN_NONE;
}
static wf_object *p_sched_getaffinity(wf_object *m, wf_object *arg) {
    (void)m;
    int pid;
    if (arg_int(arg, 0, &pid) < 0) return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(pid, sizeof set, &set) < 0) return wfio_err_errno(errno, NULL);
    wf_object *s = wf_set_new(NULL);
    if (!s) return NULL;
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &set)) {
            wf_object *v = wf_int_from_i64(c);
            if (!v || wf_set_add(s, v) < 0) {
                wf_xdecref(v);
                wf_decref(s);
                return NULL;
            }
            wf_decref(v);
        }
    return s;
}
static wf_object *p_sched_yield(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    sched_yield();
    WF_RETURN_NONE;
}

static wf_object *p_getloadavg(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    double l[3];
    if (getloadavg(l, 3) != 3) {
        wf_err_set_string(&wf_exc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    wf_object *a = wf_float_from_double(l[0]), *b = wf_float_from_double(l[1]), *c = wf_float_from_double(l[2]);
    wf_object *t = a && b && c ? wf_tuple_pack(3, a, b, c) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    wf_xdecref(c);
    return t;
}

/* --- environment ------------------------------------------------------------------------ */
static int env_arg(wf_object *o, const char *what, const char **out) {
    if (!WF_STR_CHECK(o) && !WF_BYTES_CHECK(o)) {
        wf_err_format(&wf_exc_TypeError, "str expected, not %T", o);
        return -1;
    }
    const char *s = WF_STR_CHECK(o) ? wf_str_utf8(o, NULL) : WF_BYTES_DATA(o);
    if (!s) return -1;
    (void)what;
    *out = s;
    return 0;
}
static wf_object *p_putenv(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("putenv", nargs, 2, 2) < 0) return NULL;
    const char *k, *v;
    if (env_arg(args[0], "name", &k) < 0 || env_arg(args[1], "value", &v) < 0) return NULL;
    if (!*k || strchr(k, '=')) {
        wf_err_set_string(&wf_exc_ValueError, "illegal environment variable name");
        return NULL;
    }
    pthread_mutex_lock(&env_lock);
    int r = setenv(k, v, 1);
    int e = errno;
    pthread_mutex_unlock(&env_lock);
    if (r < 0) return wfio_err_errno(e, NULL);
    WF_RETURN_NONE;
}
static wf_object *p_unsetenv(wf_object *m, wf_object *arg) {
    (void)m;
    const char *k;
    if (env_arg(arg, "name", &k) < 0) return NULL;
    if (!*k || strchr(k, '=')) {
        wf_err_set_string(&wf_exc_ValueError, "illegal environment variable name");
        return NULL;
    }
    pthread_mutex_lock(&env_lock);
    int r = unsetenv(k);
    int e = errno;
    pthread_mutex_unlock(&env_lock);
    if (r < 0) return wfio_err_errno(e, NULL);
    WF_RETURN_NONE;
}
static wf_object *build_environ(void) {
    wf_object *d = wf_dict_new();
    if (!d) return NULL;
    pthread_mutex_lock(&env_lock);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        wf_object *k = wf_str_from_utf8(*e, eq - *e);
        if (!k) {
            wf_err_clear();
            continue;
        }
        wf_object *v = wf_str_from_utf8(eq + 1, (wf_ssize_t)strlen(eq + 1));
        if (!v) {
            wf_err_clear();
            wf_decref(k);
            continue;
        }
        int has = wf_dict_contains(d, k);
        if (has == 0) wf_dict_set_item(d, k, v);
        wf_decref(k);
        wf_decref(v);
    }
    pthread_mutex_unlock(&env_lock);
    return d;
}

static wf_object *p_fspath(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kw) {
    (void)m;
    static const char *const names[] = {"path", NULL};
    wf_object *a[1];
    if (parse_args("fspath", args, nargs, kw, names, 1, 1, a) < 0) return NULL;
    return do_fspath(a[0]);
}

static wf_method_def posix_functions[] = {
    {"stat", (void *)p_stat, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"lstat", (void *)p_lstat, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"fstat", (void *)p_fstat, WF_METH_O, NULL},
    {"getcwd", (void *)p_getcwd, WF_METH_NOARGS, NULL},
    {"getcwdb", (void *)p_getcwdb, WF_METH_NOARGS, NULL},
    {"listdir", (void *)p_listdir, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"mkdir", (void *)p_mkdir, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"rmdir", (void *)p_rmdir, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"remove", (void *)p_remove, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"unlink", (void *)p_unlink, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"rename", (void *)p_rename, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"replace", (void *)p_replace, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"symlink", (void *)p_symlink, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"link", (void *)p_link, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"readlink", (void *)p_readlink, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"access", (void *)p_access, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"chmod", (void *)p_chmod, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"chdir", (void *)p_chdir, WF_METH_O, NULL},
    {"truncate", (void *)p_truncate, WF_METH_FASTCALL, NULL},
    {"utime", (void *)p_utime, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"open", (void *)p_open, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"close", (void *)p_close, WF_METH_O, NULL},
    {"closerange", (void *)p_closerange, WF_METH_FASTCALL, NULL},
    {"read", (void *)p_read, WF_METH_FASTCALL, NULL},
    {"write", (void *)p_write, WF_METH_FASTCALL, NULL},
    {"pipe", (void *)p_pipe, WF_METH_NOARGS, NULL},
    {"dup", (void *)p_dup, WF_METH_O, NULL},
    {"dup2", (void *)p_dup2, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"lseek", (void *)p_lseek, WF_METH_FASTCALL, NULL},
    {"fsync", (void *)p_fsync, WF_METH_O, NULL},
    {"ftruncate", (void *)p_ftruncate, WF_METH_FASTCALL, NULL},
    {"isatty", (void *)p_isatty, WF_METH_O, NULL},
    {"device_encoding", (void *)p_device_encoding, WF_METH_O, NULL},
    {"get_inheritable", (void *)p_get_inheritable, WF_METH_O, NULL},
    {"set_inheritable", (void *)p_set_inheritable, WF_METH_FASTCALL, NULL},
    {"get_blocking", (void *)p_get_blocking, WF_METH_O, NULL},
    {"set_blocking", (void *)p_set_blocking, WF_METH_FASTCALL, NULL},
    {"get_terminal_size", (void *)p_get_terminal_size, WF_METH_FASTCALL, NULL},
    {"times", (void *)p_times, WF_METH_NOARGS, NULL},
    {"uname", (void *)p_uname, WF_METH_NOARGS, NULL},
    {"getpid", (void *)p_getpid, WF_METH_NOARGS, NULL},
    {"getppid", (void *)p_getppid, WF_METH_NOARGS, NULL},
    {"getuid", (void *)p_getuid, WF_METH_NOARGS, NULL},
    {"geteuid", (void *)p_geteuid, WF_METH_NOARGS, NULL},
    {"getgid", (void *)p_getgid, WF_METH_NOARGS, NULL},
    {"getegid", (void *)p_getegid, WF_METH_NOARGS, NULL},
    {"getpgrp", (void *)p_getpgrp, WF_METH_NOARGS, NULL},
    {"cpu_count", (void *)p_cpu_count, WF_METH_NOARGS, NULL},
    {"umask", (void *)p_umask, WF_METH_O, NULL},
    {"_exit", (void *)p_exit, WF_METH_O, NULL},
    {"kill", (void *)p_kill, WF_METH_FASTCALL, NULL},
    {"system", (void *)p_system, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"waitstatus_to_exitcode", (void *)p_waitstatus_to_exitcode, WF_METH_O, NULL},
    {"strerror", (void *)p_strerror, WF_METH_O, NULL},
    {"urandom", (void *)p_urandom, WF_METH_O, NULL},
    {"sched_setaffinity", (void *)p_sched_setaffinity, WF_METH_FASTCALL, NULL},
    {"sched_getaffinity", (void *)p_sched_getaffinity, WF_METH_O, NULL},
    {"sched_yield", (void *)p_sched_yield, WF_METH_NOARGS, NULL},
    {"getloadavg", (void *)p_getloadavg, WF_METH_NOARGS, NULL},
    {"putenv", (void *)p_putenv, WF_METH_FASTCALL, NULL},
    {"unsetenv", (void *)p_unsetenv, WF_METH_O, NULL},
    {"fspath", (void *)p_fspath, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_int(wf_object *m, const char *name, int64_t v) {
    wf_object *o = wf_int_from_i64(v);
    if (!o) return -1;
    int r = wf_module_add_object(m, name, o);
    wf_decref(o);
    return r;
}

WF_MODULE_INIT(posix) {
    wf_type *types[] = {&stat_result_type, &terminal_size_type, &times_result_type, &uname_result_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (wf_type_ready(types[i]) < 0) return NULL;
    wf_object *m = wf_module_new("posix");
    if (!m) return NULL;
    if (wf_module_add_functions(m, posix_functions) < 0) goto fail;
    if (wf_module_add_object(m, "stat_result", (wf_object *)&stat_result_type) < 0 ||
        wf_module_add_object(m, "terminal_size", (wf_object *)&terminal_size_type) < 0 ||
        wf_module_add_object(m, "times_result", (wf_object *)&times_result_type) < 0 ||
        wf_module_add_object(m, "uname_result", (wf_object *)&uname_result_type) < 0 ||
        wf_module_add_object(m, "error", (wf_object *)&wf_exc_OSError) < 0)
        goto fail;
    wf_object *env = build_environ();
    if (!env || wf_module_add_object(m, "environ", env) < 0) {
        wf_xdecref(env);
        goto fail;
    }
    wf_decref(env);
    struct {
        const char *n;
        int64_t v;
    } consts[] = {
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
        {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC},
        {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY}, {"O_CLOEXEC", O_CLOEXEC},
        {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"EX_OK", 0}, {"WNOHANG", WNOHANG}, {"F_GETFD", F_GETFD}, {"F_SETFD", F_SETFD},
        {"F_GETFL", F_GETFL}, {"F_SETFL", F_SETFL}, {"FD_CLOEXEC", FD_CLOEXEC},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (add_int(m, consts[i].n, consts[i].v) < 0) goto fail;
    /* __all__: the public names (os.py does "from posix import *"). */
    {
        wf_object *all = wf_list_new(0);
        wf_object *d = wf_module_get_dict(m);
        wf_ssize_t pos = 0;
        wf_object *k;
        while (all && wf_dict_next(d, &pos, &k, NULL)) {
            if (WF_STR_CHECK(k) && wf_str_len(k) > 0 && wf_str_char(k, 0) != '_' &&
                wf_list_append(all, k) < 0) {
                wf_decref(k);
                wf_decref(all);
                all = NULL;
                break;
            }
            wf_decref(k);
        }
        if (!all || wf_module_add_object(m, "__all__", all) < 0) {
            wf_xdecref(all);
            goto fail;
        }
        wf_decref(all);
    }
    return m;
fail:
    wf_decref(m);
    return NULL;
}
