/*
 * runtime/modules/_io.c — the _io module: open(), FileIO (raw fd files),
 * BufferedReader/BufferedWriter/BufferedRandom, TextIOWrapper, StringIO,
 * BytesIO, and the standard streams (runtime/modules/io.h).
 *
 * Layers.  A TextIOWrapper over one of our buffered objects works on the
 * buffered object's byte buffers directly (no method calls); a buffered
 * object over our FileIO makes the read/write/lseek system calls itself.
 * TextIOWrapper over a foreign binary stream (any object with
 * read/write/flush) goes through method calls.
 *
 * Thread-safety.
 *   - FileIO: fd and flags are written by the constructor and by close()
 *     (fd := -1, an atomic store); readers load fd atomically.  Concurrent
 *     close and read on one raw file is the program's race (as in C), never
 *     memory corruption: the fd is an int.
 *   - Buffered: every field past the header (rbuf/rpos/rlen, wbuf/wlen) is
 *     guarded by b->lock, a pthread mutex taken with io_lock(): a thread
 *     that finds it held detaches (threads/thread.h) before blocking, and
 *     blocking system calls made under it run detached too, so neither
 *     stop-the-world nor the GIL ever waits for I/O.  Interleaving of whole
 *     writes from several threads is allowed; buffers never tear.
 *   - TextIOWrapper: its own state (pending bytes read from a foreign
 *     buffer, closed flag) is guarded by t->lock (same discipline); when it
 *     also needs its buffer's lock it takes t->lock first, then b->lock.
 *   - StringIO / BytesIO: never block; their buffers are guarded by the
 *     object's critical section (WF_BEGIN_CRITICAL_SECTION).
 *   - Module state: none mutable (the types are static and readied once in
 *     the module init, which runs under the import lock).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/memory/memory.h"
#include "runtime/modules/io.h"
#include "runtime/modules/modules.h"
#include "runtime/vm/vm.h"
#include "threads/critsec.h"
#include "threads/thread.h"
#include "weft/objects.h"

#define DEFAULT_BUFFER_SIZE 8192

/* memoryview support lives in runtime/objects/memoryview.c (declared in
 * runtime/objects/objimpl.h, which modules do not include). */
int wfo_is_memoryview(wf_object *o);
wf_object *wfo_memoryview_bytes(wf_object *o);

/* wfv_handle_signals lives in runtime/modules/signal.c; weak so that this
 * file links while that module is still being written. */
extern int wfv_handle_signals(void) __attribute__((weak));

/* ------------------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------------- */

static void io_lock(pthread_mutex_t *m) {
    if (pthread_mutex_trylock(m) == 0) return;
    wft_thread *t = wft_current();
    bool was = t ? wft_detach_if_attached(t) : false;
    pthread_mutex_lock(m);
    if (t) wft_reattach(t, was);
}
static void io_unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }

/* Check for pending signals after EINTR: 0 = retry, -1 = exception. */
static int io_check_signals(void) {
    if (wfv_handle_signals) return wfv_handle_signals();
    return 0;
}

/* Raise OSError(e, strerror(e)[, filename]) — the constructor picks the
 * errno subclass (FileNotFoundError, ...). */
wf_object *wfio_err_errno(int e, wf_object *filename) {
    wf_object *no = wf_int_from_i64(e);
    wf_object *msg = wf_str_from_cstr(strerror(e));
    wf_object *exc = NULL;
    if (no && msg) {
        wf_object *args = filename ? wf_tuple_pack(3, no, msg, filename) : wf_tuple_pack(2, no, msg);
        if (args) {
            exc = wf_object_call((wf_object *)&wf_exc_OSError, args, NULL);
            wf_decref(args);
        }
    }
    wf_xdecref(no);
    wf_xdecref(msg);
    if (exc) {
        wf_err_set_object(WF_TYPE(exc), exc);
        wf_decref(exc);
    }
    return NULL;
}

static wf_object *err_closed(void) {
    wf_err_set_string(&wf_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

static wf_object *unsupported_exc; /* _io.UnsupportedOperation, set once by module init */

static wf_object *err_unsupported(const char *what) {
    wf_err_set_string(unsupported_exc ? (wf_type *)unsupported_exc : &wf_exc_OSError, what);
    return NULL;
}

/* Keyword/positional argument parser for vectorcall-style methods.
 * names: NULL-terminated; out[i] borrowed or NULL when not given. */
static int parse_args(const char *fname, wf_object *const *args, wf_ssize_t nargs,
                      wf_object *kwnames, const char *const *names, wf_object **out) {
    int n = 0;
    while (names[n]) n++;
    for (int i = 0; i < n; i++) out[i] = NULL;
    if (nargs > n) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, n,
                      n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) out[i] = args[i];
    if (kwnames) {
        wf_ssize_t nk = WF_TUPLE_SIZE(kwnames);
        for (wf_ssize_t k = 0; k < nk; k++) {
            wf_object *kn = WF_TUPLE_ITEM(kwnames, k);
            int found = -1;
            for (int i = 0; i < n; i++)
                if (wf_str_eq_cstr(kn, names[i])) {
                    found = i;
                    break;
                }
            if (found < 0) {
                wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                              fname, kn);
                return -1;
            }
            if (out[found]) {
                wf_err_format(&wf_exc_TypeError,
                              "argument for %s() given by name ('%s') and position (%d)", fname,
                              names[found], found + 1);
                return -1;
            }
            out[found] = args[nargs + k];
        }
    }
    return 0;
}

/* Same for tp_new's (args tuple, kwargs dict). */
static int parse_tuple_dict(const char *fname, wf_object *args, wf_object *kwargs,
                            const char *const *names, wf_object **out) {
    wf_ssize_t nargs = args ? WF_TUPLE_SIZE(args) : 0;
    wf_ssize_t nk = kwargs ? wf_dict_size(kwargs) : 0;
    wf_object *stackbuf[16];
    if (nargs + nk > 16) {
        wf_err_format(&wf_exc_TypeError, "%s(): too many arguments", fname);
        return -1;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) stackbuf[i] = WF_TUPLE_ITEM(args, i);
    wf_object *kwnames = NULL;
    if (nk) {
        kwnames = wf_tuple_new(nk);
        if (!kwnames) return -1;
        wf_ssize_t pos = 0, j = 0;
        wf_object *k, *v;
        while (j < nk && wf_dict_next(kwargs, &pos, &k, &v)) {
            ((wf_tuple *)kwnames)->ob_item[j] = k; /* steals */
            stackbuf[nargs + j] = v;
            wf_decref(v); /* the dict keeps it alive for the call */
            j++;
        }
    }
    int r = parse_args(fname, stackbuf, nargs, kwnames, names, out);
    wf_xdecref(kwnames);
    return r;
}

static int is_none(wf_object *o) { return !o || o == wf_None; }

/* An integer argument (None/NULL = dflt). */
static int arg_ssize(wf_object *o, wf_ssize_t dflt, wf_ssize_t *out) {
    if (is_none(o)) {
        *out = dflt;
        return 0;
    }
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "argument should be integer or None, not '%T'", o);
        return -1;
    }
    wf_ssize_t v = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return -1;
    *out = v;
    return 0;
}

/* A growable byte buffer. */
typedef struct dynbuf {
    char *p;
    wf_ssize_t len, cap;
} dynbuf;
static int db_reserve(dynbuf *d, wf_ssize_t extra) {
    if (d->len + extra <= d->cap) return 0;
    wf_ssize_t nc = d->cap ? d->cap * 2 : 256;
    while (nc < d->len + extra) nc *= 2;
    char *np = wfm_realloc(d->p, (size_t)nc);
    if (!np) {
        wf_err_no_memory();
        return -1;
    }
    d->p = np;
    d->cap = nc;
    return 0;
}
static int db_put(dynbuf *d, const void *s, wf_ssize_t n) {
    if (n <= 0) return 0;
    if (db_reserve(d, n) < 0) return -1;
    memcpy(d->p + d->len, s, (size_t)n);
    d->len += n;
    return 0;
}
static void db_free(dynbuf *d) {
    wfm_free(d->p);
    d->p = NULL;
    d->len = d->cap = 0;
}
static wf_object *db_to_bytes(dynbuf *d) {
    wf_object *r = wf_bytes_from_data(d->p ? d->p : "", d->len);
    db_free(d);
    return r;
}

/* Bytes-like argument: a bytes snapshot (new reference). */
static wf_object *as_bytes(wf_object *o) {
    if (WF_BYTES_CHECK(o) || WF_BYTEARRAY_CHECK(o)) return wf_bytes_snapshot(o);
    if (wfo_is_memoryview(o)) return wfo_memoryview_bytes(o);
    wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return NULL;
}

/* ------------------------------------------------------------------------
 * Codecs: UTF-8 with the error handlers the streams use; other encodings
 * through wf_str_encode / wf_bytes_decode.
 * ---------------------------------------------------------------------- */
enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_OTHER };
enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_SURROGATEESCAPE, EH_BACKSLASHREPLACE, EH_OTHER };

static int codec_of(const char *name) {
    char norm[32];
    size_t n = strlen(name);
    if (n >= sizeof norm) return CODEC_OTHER;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        norm[i] = c == '_' || c == ' ' ? '-' : c;
    }
    norm[n] = 0;
    if (!strcmp(norm, "utf-8") || !strcmp(norm, "utf8") || !strcmp(norm, "u8")) return CODEC_UTF8;
    if (!strcmp(norm, "ascii") || !strcmp(norm, "us-ascii")) return CODEC_ASCII;
    if (!strcmp(norm, "latin-1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso-8859-1") ||
        !strcmp(norm, "iso8859-1"))
        return CODEC_LATIN1;
    return CODEC_OTHER;
}
static int errh_of(const char *e) {
    if (!strcmp(e, "strict")) return EH_STRICT;
    if (!strcmp(e, "ignore")) return EH_IGNORE;
    if (!strcmp(e, "replace")) return EH_REPLACE;
    if (!strcmp(e, "surrogateescape")) return EH_SURROGATEESCAPE;
    if (!strcmp(e, "backslashreplace")) return EH_BACKSLASHREPLACE;
    return EH_OTHER;
}
static const char *codec_name(int c) {
    return c == CODEC_UTF8 ? "utf-8" : c == CODEC_ASCII ? "ascii" : "latin-1";
}

static void raise_unicode(wf_type *type, const char *enc, wf_object *obj, wf_ssize_t start,
                          wf_ssize_t end, const char *reason) {
    wf_object *e = wf_str_from_cstr(enc), *why = wf_str_from_cstr(reason);
    wf_object *a = wf_int_from_ssize(start), *b = wf_int_from_ssize(end);
    wf_object *args = e && why && a && b ? wf_tuple_pack(5, e, obj, a, b, why) : NULL;
    if (args) wf_err_set_object(type, args);
    wf_xdecref(args);
    wf_xdecref(e);
    wf_xdecref(why);
    wf_xdecref(a);
    wf_xdecref(b);
}

static size_t utf8_put(uint32_t c, unsigned char *o) {
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xc0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xe0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        o[2] = (unsigned char)(0x80 | (c & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (c & 0x3f));
    return 4;
}

/* Encode s into d (appending).  0 or -1. */
static int encode_into(wf_object *s, int codec, int eh, const char *encname, const char *errors,
                       dynbuf *d) {
    wf_str *so = (wf_str *)s;
    wf_ssize_t n = so->length;
    if (so->ascii) return db_put(d, wf_str_data(s), n);
    if (codec == CODEC_OTHER || eh == EH_OTHER) {
        wf_object *b = wf_str_encode(s, encname, errors);
        if (!b) return -1;
        int r = db_put(d, WF_BYTES_DATA(b), WF_BYTES_SIZE(b));
        wf_decref(b);
        return r;
    }
    if (db_reserve(d, n * 4) < 0) return -1;
    int kind = so->kind;
    const void *data = wf_str_data(s);
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : codec == CODEC_LATIN1 ? 0x100 : 0x110000;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_read(kind, data, i);
        int bad = c >= limit || (codec == CODEC_UTF8 && c >= 0xd800 && c <= 0xdfff);
        if (!bad) {
            if (db_reserve(d, 4) < 0) return -1;
            if (codec == CODEC_UTF8) d->len += (wf_ssize_t)utf8_put(c, (unsigned char *)d->p + d->len);
            else d->p[d->len++] = (char)c;
            continue;
        }
        if (eh == EH_SURROGATEESCAPE && c >= 0xdc80 && c <= 0xdcff) {
            if (db_reserve(d, 1) < 0) return -1;
            d->p[d->len++] = (char)(c - 0xdc00);
            continue;
        }
        if (eh == EH_IGNORE) continue;
        if (eh == EH_REPLACE) {
            if (db_put(d, "?", 1) < 0) return -1;
            continue;
        }
        if (eh == EH_BACKSLASHREPLACE) {
            char tmp[16];
            int k = c < 0x100 ? snprintf(tmp, sizeof tmp, "\\x%02x", c)
                    : c < 0x10000 ? snprintf(tmp, sizeof tmp, "\\u%04x", c)
                                  : snprintf(tmp, sizeof tmp, "\\U%08x", c);
            if (db_put(d, tmp, k) < 0) return -1;
            continue;
        }
        wf_ssize_t end = i + 1;
        while (end < n) {
            uint32_t c2 = wf_str_read(kind, data, end);
            if (!(c2 >= limit || (codec == CODEC_UTF8 && c2 >= 0xd800 && c2 <= 0xdfff))) break;
            end++;
        }
        raise_unicode(&wf_exc_UnicodeEncodeError, codec_name(codec), s, i, end,
                      codec == CODEC_UTF8    ? "surrogates not allowed"
                      : codec == CODEC_ASCII ? "ordinal not in range(128)"
                                             : "ordinal not in range(256)");
        return -1;
    }
    return 0;
}

/* One UTF-8 sequence at s[i..n): length, or 0 with error end/reason. */
static int utf8_one(const unsigned char *s, wf_ssize_t i, wf_ssize_t n, uint32_t *cp,
                    wf_ssize_t *end, const char **reason) {
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
    } else {
        *end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    uint32_t v = c & (need == 1 ? 0x1f : need == 2 ? 0x0f : 0x07);
    for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
            *end = n;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned cc = s[i + k];
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xbf;
        if (cc < l || cc > h) {
            *end = i + k;
            *reason = "invalid continuation byte";
            return 0;
        }
        v = (v << 6) | (cc & 0x3f);
    }
    *cp = v;
    return need + 1;
}

/* Decode s[0..n) to a str. */
static wf_object *decode_bytes(const char *sp, wf_ssize_t n, int codec, int eh,
                               const char *encname, const char *errors) {
    const unsigned char *s = (const unsigned char *)sp;
    int ascii = 1;
    for (wf_ssize_t i = 0; i < n; i++)
        if (s[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) return wf_str_from_utf8(sp, n);
    if (codec == CODEC_OTHER || eh == EH_OTHER) {
        wf_object *b = wf_bytes_from_data(sp, n);
        if (!b) return NULL;
        wf_object *r = wf_bytes_decode(b, encname, errors);
        wf_decref(b);
        return r;
    }
    uint32_t *cps = wfm_malloc(sizeof(uint32_t) * (size_t)(n * 4 + 1));
    if (!cps) return wf_err_no_memory();
    wf_ssize_t m = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        wf_ssize_t end = i + 1;
        const char *reason = NULL;
        int k;
        if (codec == CODEC_UTF8) k = utf8_one(s, i, n, &cp, &end, &reason);
        else if (codec == CODEC_ASCII && s[i] >= 0x80) {
            k = 0;
            reason = "ordinal not in range(128)";
        } else {
            k = 1;
            cp = s[i];
        }
        if (k) {
            cps[m++] = cp;
            i += k;
            continue;
        }
        switch (eh) {
        case EH_IGNORE: break;
        case EH_REPLACE: cps[m++] = 0xfffd; break;
        case EH_SURROGATEESCAPE:
            for (wf_ssize_t j = i; j < end; j++) {
                if (s[j] < 0x80) {
                    end = j;
                    break;
                }
                cps[m++] = 0xdc00 + s[j];
            }
            break;
        case EH_BACKSLASHREPLACE:
            for (wf_ssize_t j = i; j < end; j++) {
                static const char hex[] = "0123456789abcdef";
                cps[m++] = '\\';
                cps[m++] = 'x';
                cps[m++] = (uint32_t)hex[s[j] >> 4];
                cps[m++] = (uint32_t)hex[s[j] & 15];
            }
            break;
        default: {
            wfm_free(cps);
            wf_object *b = wf_bytes_from_data(sp, n);
            if (b) raise_unicode(&wf_exc_UnicodeDecodeError, codec_name(codec), b, i, end, reason);
            wf_xdecref(b);
            return NULL;
        }
        }
        if (end <= i) end = i + 1;
        i = end;
    }
    wf_object *r = wf_str_from_ucs4(cps, m);
    wfm_free(cps);
    return r;
}

/* ------------------------------------------------------------------------
 * Raw system-call wrappers (detached while blocking; EINTR retried after
 * checking signals).  Return the count, or -1 with OSError raised.
 * ---------------------------------------------------------------------- */
static wf_ssize_t sys_read(int fd, void *p, size_t n) {
    for (;;) {
        wft_thread *t = wft_current();
        bool was = t ? wft_detach_if_attached(t) : false;
        ssize_t r = read(fd, p, n);
        int e = errno;
        if (t) wft_reattach(t, was);
        if (r >= 0) return r;
        if (e == EINTR) {
            if (io_check_signals() < 0) return -1;
            continue;
        }
        if (e == EAGAIN) return -2; /* non-blocking: no data */
        wfio_err_errno(e, NULL);
        return -1;
    }
}
static wf_ssize_t sys_write_all(int fd, const char *p, wf_ssize_t n) {
    wf_ssize_t done = 0;
    while (done < n) {
        wft_thread *t = wft_current();
        bool was = t ? wft_detach_if_attached(t) : false;
        ssize_t r = write(fd, p + done, (size_t)(n - done));
        int e = errno;
        if (t) wft_reattach(t, was);
        if (r >= 0) {
            done += r;
            continue;
        }
        if (e == EINTR) {
            if (io_check_signals() < 0) return -1;
            continue;
        }
        wfio_err_errno(e, NULL);
        return -1;
    }
    return done;
}
static int64_t sys_lseek(int fd, int64_t pos, int whence) {
    off_t r = lseek(fd, (off_t)pos, whence);
    if (r < 0) {
        wfio_err_errno(errno, NULL);
        return -1;
    }
    return (int64_t)r;
}

/* ------------------------------------------------------------------------
 * FileIO
 * ---------------------------------------------------------------------- */
typedef struct fileio {
    wf_object ob_base;
    _Atomic int fd;          /* -1 once closed */
    char readable, writable, appending, created, closefd;
    signed char seekable;    /* -1 unknown */
    wf_object *name;         /* str, bytes or int; strong; set at creation */
    wf_object *dict;         /* unused, kept for layout stability */
} fileio;
extern wf_type wfio_fileio_type;
#define FILEIO_CHECK(o) wf_type_is_subtype(WF_TYPE(o), &wfio_fileio_type)

static int fio_fd(fileio *f) { return atomic_load_explicit(&f->fd, memory_order_relaxed); }

static const char *fio_mode_str(fileio *f) {
    if (f->created) return f->readable ? "xb+" : "xb";
    if (f->appending) return f->readable ? "ab+" : "ab";
    if (f->readable) return f->writable ? "rb+" : "rb";
    return "wb";
}

/* Open path (str/bytes/int) with a mode string of r w a x + b; on success
 * fills f.  0 or -1. */
static int fio_open(fileio *f, wf_object *file, const char *mode, int closefd) {
    int rwa = 0, plus = 0, flags = 0;
    f->readable = f->writable = f->appending = f->created = 0;
    for (const char *m = mode; *m; m++) {
        switch (*m) {
        case 'r': rwa++; f->readable = 1; break;
        case 'w': rwa++; f->writable = 1; flags |= O_CREAT | O_TRUNC; break;
        case 'a': rwa++; f->writable = 1; f->appending = 1; flags |= O_APPEND | O_CREAT; break;
        case 'x': rwa++; f->writable = 1; f->created = 1; flags |= O_EXCL | O_CREAT; break;
        case '+': plus++; f->readable = f->writable = 1; break;
        case 'b': break;
        default:
            wf_err_format(&wf_exc_ValueError, "invalid mode: %s", mode);
            return -1;
        }
    }
    if (rwa != 1 || plus > 1) {
        wf_err_set_string(&wf_exc_ValueError,
                          "Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }
    flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    flags |= O_CLOEXEC;
    f->seekable = -1;
    if (WF_INT_CHECK(file) && !WF_BOOL_CHECK(file)) {
        int ov = 0;
        int64_t fd = wf_int_as_i64_overflow(file, &ov);
        if (ov || fd < 0 || fd > 0x7fffffff) {
            if (!wf_err_occurred())
                wf_err_set_string(&wf_exc_ValueError, "negative file descriptor");
            return -1;
        }
        atomic_store(&f->fd, (int)fd);
        f->closefd = (char)closefd;
        f->name = wf_newref(file);
        return 0;
    }
    if (!closefd) {
        wf_err_set_string(&wf_exc_ValueError, "Cannot use closefd=False with file name");
        return -1;
    }
    const char *path;
    wf_ssize_t plen;
    if (WF_STR_CHECK(file)) {
        path = wf_str_utf8(file, &plen);
        if (!path) return -1;
    } else if (WF_BYTES_CHECK(file)) {
        path = WF_BYTES_DATA(file);
        plen = WF_BYTES_SIZE(file);
    } else {
        wf_err_format(&wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
        return -1;
    }
    if ((wf_ssize_t)strlen(path) != plen) {
        wf_err_set_string(&wf_exc_ValueError, "embedded null byte");
        return -1;
    }
    int fd;
    for (;;) {
        wft_thread *t = wft_current();
        bool was = t ? wft_detach_if_attached(t) : false;
        fd = open(path, flags, 0666);
        int e = errno;
        if (t) wft_reattach(t, was);
        if (fd >= 0) break;
        if (e == EINTR) {
            if (io_check_signals() < 0) return -1;
            continue;
        }
        wfio_err_errno(e, file);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        wfio_err_errno(EISDIR, file);
        return -1;
    }
    if (f->appending) lseek(fd, 0, SEEK_END);
    atomic_store(&f->fd, fd);
    f->closefd = 1;
    f->name = wf_newref(file);
    return 0;
}

static int fio_close_impl(fileio *f) {
    int fd = atomic_exchange(&f->fd, -1);
    if (fd >= 0 && f->closefd) {
        if (close(fd) < 0 && errno != EINTR) {
            wfio_err_errno(errno, NULL);
            return -1;
        }
    }
    return 0;
}

static void fileio_dealloc(wf_object *o) {
    fileio *f = (fileio *)o;
    if (fio_fd(f) >= 0 && f->closefd) close(atomic_exchange(&f->fd, -1));
    wf_xdecref(f->name);
    wf_xdecref(f->dict);
    wfm_object_free(o);
}

static wf_object *fileio_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"file", "mode", "closefd", "opener", NULL};
    wf_object *a[4];
    if (parse_tuple_dict("FileIO", args, kwargs, names, a) < 0) return NULL;
    if (!a[0]) {
        wf_err_set_string(&wf_exc_TypeError, "FileIO() missing required argument 'file' (pos 1)");
        return NULL;
    }
    const char *mode = "r";
    if (a[1]) {
        if (!WF_STR_CHECK(a[1])) {
            wf_err_format(&wf_exc_TypeError, "FileIO() argument 'mode' must be str, not %T", a[1]);
            return NULL;
        }
        mode = wf_str_utf8(a[1], NULL);
    }
    int closefd = a[2] ? wf_object_is_true(a[2]) : 1;
    if (closefd < 0) return NULL;
    fileio *f = (fileio *)wf_type_generic_alloc(type, 0);
    if (!f) return NULL;
    atomic_store(&f->fd, -1);
    if (fio_open(f, a[0], mode, closefd) < 0) {
        wf_decref((wf_object *)f);
        return NULL;
    }
    return (wf_object *)f;
}

static wf_object *fio_check(fileio *f) { return fio_fd(f) < 0 ? err_closed() : (wf_object *)f; }

static wf_object *fileio_readall_impl(fileio *f) {
    dynbuf d = {0};
    int fd = fio_fd(f);
    for (;;) {
        if (db_reserve(&d, 65536) < 0) goto fail;
        wf_ssize_t r = sys_read(fd, d.p + d.len, (size_t)(d.cap - d.len));
        if (r == -2) {
            if (d.len == 0) {
                db_free(&d);
                WF_RETURN_NONE;
            }
            break;
        }
        if (r < 0) goto fail;
        if (r == 0) break;
        d.len += r;
    }
    return db_to_bytes(&d);
fail:
    db_free(&d);
    return NULL;
}

static wf_object *fileio_read(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    if (!f->readable) return err_unsupported("File not open for reading");
    wf_ssize_t n = -1;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "read expected at most 1 argument, got %zd", nargs);
    if (nargs == 1 && arg_ssize(args[0], -1, &n) < 0) return NULL;
    if (n < 0) return fileio_readall_impl(f);
    char *tmp = wfm_malloc((size_t)n + 1);
    if (!tmp) return wf_err_no_memory();
    wf_ssize_t r = sys_read(fio_fd(f), tmp, (size_t)n);
    if (r == -2) {
        wfm_free(tmp);
        WF_RETURN_NONE;
    }
    if (r < 0) {
        wfm_free(tmp);
        return NULL;
    }
    wf_object *res = wf_bytes_from_data(tmp, r);
    wfm_free(tmp);
    return res;
}

static wf_object *fileio_readall(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    return fileio_readall_impl(f);
}

static wf_object *fileio_write(wf_object *self, wf_object *arg) {
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    if (!f->writable) return err_unsupported("File not open for writing");
    wf_object *b = as_bytes(arg);
    if (!b) return NULL;
    wf_ssize_t r = sys_write_all(fio_fd(f), WF_BYTES_DATA(b), WF_BYTES_SIZE(b));
    wf_decref(b);
    if (r < 0) return NULL;
    return wf_int_from_ssize(r);
}

static int parse_whence(wf_object *const *args, wf_ssize_t nargs, int64_t *pos, int *whence) {
    *whence = 0;
    *pos = 0;
    if (nargs < 1 || nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "seek expected at least 1 argument, got %zd", nargs);
        return -1;
    }
    if (!wf_index_check(args[0])) {
        wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return -1;
    }
    wf_ssize_t p = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
    if (p == -1 && wf_err_occurred()) return -1;
    *pos = p;
    if (nargs == 2) {
        wf_ssize_t w;
        if (arg_ssize(args[1], 0, &w) < 0) return -1;
        *whence = (int)w;
    }
    return 0;
}

static wf_object *fileio_seek(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    int64_t pos;
    int whence;
    if (parse_whence(args, nargs, &pos, &whence) < 0) return NULL;
    int64_t r = sys_lseek(fio_fd(f), pos, whence);
    if (r < 0) return NULL;
    return wf_int_from_i64(r);
}
static wf_object *fileio_tell(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    int64_t r = sys_lseek(fio_fd(f), 0, SEEK_CUR);
    return r < 0 ? NULL : wf_int_from_i64(r);
}
static wf_object *fileio_truncate(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    if (!f->writable) return err_unsupported("File not open for writing");
    int64_t size;
    if (nargs >= 1 && !is_none(args[0])) {
        wf_ssize_t s;
        if (arg_ssize(args[0], 0, &s) < 0) return NULL;
        size = s;
    } else {
        size = sys_lseek(fio_fd(f), 0, SEEK_CUR);
        if (size < 0) return NULL;
    }
    if (ftruncate(fio_fd(f), (off_t)size) < 0) return wfio_err_errno(errno, NULL);
    return wf_int_from_i64(size);
}
static wf_object *fileio_close(wf_object *self, wf_object *unused) {
    (void)unused;
    if (fio_close_impl((fileio *)self) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *fileio_fileno(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    return wf_int_from_i64(fio_fd(f));
}
static wf_object *fileio_isatty(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    return wf_bool_from(isatty(fio_fd(f)));
}
static int fio_seekable(fileio *f) {
    if (f->seekable < 0) f->seekable = lseek(fio_fd(f), 0, SEEK_CUR) >= 0;
    return f->seekable;
}
static wf_object *fileio_readable(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    return wf_bool_from(f->readable);
}
static wf_object *fileio_writable(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    return wf_bool_from(f->writable);
}
static wf_object *fileio_seekable(wf_object *self, wf_object *unused) {
    (void)unused;
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    return wf_bool_from(fio_seekable(f));
}
static wf_object *io_enter(wf_object *self, wf_object *unused) {
    (void)unused;
    return wf_newref(self);
}
static wf_object *io_exit(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)args;
    (void)nargs;
    wf_object *r = wf_object_call_method(self, "close", NULL, 0);
    if (!r) return NULL;
    wf_decref(r);
    WF_RETURN_NONE;
}
static wf_object *io_iter_self(wf_object *self) {
    wf_object *c = wf_object_getattr_string(self, "closed");
    if (!c) return NULL;
    int t = wf_object_is_true(c);
    wf_decref(c);
    if (t < 0) return NULL;
    if (t) return err_closed();
    return wf_newref(self);
}
/* Generic readlines(hint) / iteration via self.readline(). */
static wf_object *io_readlines(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    wf_ssize_t hint = -1;
    if (nargs >= 1 && arg_ssize(args[0], -1, &hint) < 0) return NULL;
    wf_object *l = wf_list_new(0);
    if (!l) return NULL;
    wf_ssize_t total = 0;
    for (;;) {
        wf_object *line = wf_object_call_method(self, "readline", NULL, 0);
        if (!line) {
            wf_decref(l);
            return NULL;
        }
        wf_ssize_t n = wf_object_size(line);
        if (n <= 0) {
            wf_decref(line);
            break;
        }
        int r = wf_list_append(l, line);
        wf_decref(line);
        if (r < 0) {
            wf_decref(l);
            return NULL;
        }
        total += n;
        if (hint > 0 && total >= hint) break;
    }
    return l;
}
static wf_object *io_writelines(wf_object *self, wf_object *arg) {
    wf_object *it = wf_object_get_iter(arg);
    if (!it) return NULL;
    wf_object *x;
    while ((x = wf_iter_next(it))) {
        wf_object *r = wf_object_call_method(self, "write", &x, 1);
        wf_decref(x);
        if (!r) {
            wf_decref(it);
            return NULL;
        }
        wf_decref(r);
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    WF_RETURN_NONE;
}
static wf_object *io_iternext_readline(wf_object *self) {
    wf_object *line = wf_object_call_method(self, "readline", NULL, 0);
    if (!line) return NULL;
    wf_ssize_t n = wf_object_size(line);
    if (n <= 0) {
        wf_decref(line);
        return NULL;
    }
    return line;
}

/* readinto(b) for every binary type: read up to len(b) bytes with the
 * object's own read and copy them into the bytearray b (inside its
 * critical section).  Returns the count (None when a non-blocking read
 * had no data). */
static wf_object *io_readinto(wf_object *self, wf_object *arg) {
    if (!WF_BYTEARRAY_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError,
                             "readinto() argument must be read-write bytes-like object, not %T", arg);
    wf_bytearray *ba = (wf_bytearray *)arg;
    wf_object *n = wf_int_from_ssize(atomic_load(&ba->ob_size));
    if (!n) return NULL;
    wf_object *data = wf_object_call_method(self, "read", &n, 1);
    wf_decref(n);
    if (!data || data == wf_None) return data;
    if (!WF_BYTES_CHECK(data)) {
        wf_decref(data);
        return wf_err_format(&wf_exc_TypeError, "read() should return bytes");
    }
    wf_ssize_t got = WF_BYTES_SIZE(data);
    WF_BEGIN_CRITICAL_SECTION(ba);
    wf_ssize_t room = atomic_load(&ba->ob_size);
    if (got > room) got = room;
    if (got > 0) memcpy(atomic_load(&ba->ob_bytes), WF_BYTES_DATA(data), (size_t)got);
    WF_END_CRITICAL_SECTION();
    wf_decref(data);
    return wf_int_from_ssize(got);
}

static wf_object *fileio_readline(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    fileio *f = (fileio *)self;
    if (!fio_check(f)) return NULL;
    wf_ssize_t limit = -1;
    if (nargs >= 1 && arg_ssize(args[0], -1, &limit) < 0) return NULL;
    dynbuf d = {0};
    while (limit < 0 || d.len < limit) {
        char c;
        wf_ssize_t r = sys_read(fio_fd(f), &c, 1);
        if (r < 0 && r != -2) {
            db_free(&d);
            return NULL;
        }
        if (r <= 0) break;
        if (db_put(&d, &c, 1) < 0) {
            db_free(&d);
            return NULL;
        }
        if (c == '\n') break;
    }
    return db_to_bytes(&d);
}

static wf_object *fileio_flush(wf_object *self, wf_object *unused) {
    (void)unused;
    if (!fio_check((fileio *)self)) return NULL;
    WF_RETURN_NONE;
}

static wf_object *fileio_get_closed(wf_object *self, void *c) {
    (void)c;
    return wf_bool_from(fio_fd((fileio *)self) < 0);
}
static wf_object *fileio_get_mode(wf_object *self, void *c) {
    (void)c;
    return wf_str_from_cstr(fio_mode_str((fileio *)self));
}
static wf_object *fileio_get_name(wf_object *self, void *c) {
    (void)c;
    fileio *f = (fileio *)self;
    if (!f->name) return wf_err_format(&wf_exc_AttributeError, "name");
    return wf_newref(f->name);
}
static wf_object *fileio_get_closefd(wf_object *self, void *c) {
    (void)c;
    return wf_bool_from(((fileio *)self)->closefd);
}
static wf_object *fileio_repr(wf_object *self) {
    fileio *f = (fileio *)self;
    if (fio_fd(f) < 0) return wf_str_from_cstr("<_io.FileIO [closed]>");
    return wf_str_from_format("<_io.FileIO name=%R mode='%s' closefd=%s>", f->name,
                              fio_mode_str(f), f->closefd ? "True" : "False");
}

static wf_method_def fileio_methods[] = {
    {"readinto", (void *)io_readinto, WF_METH_O, NULL},
    {"read", (void *)fileio_read, WF_METH_FASTCALL, NULL},
    {"readall", (void *)fileio_readall, WF_METH_NOARGS, NULL},
    {"readline", (void *)fileio_readline, WF_METH_FASTCALL, NULL},
    {"readlines", (void *)io_readlines, WF_METH_FASTCALL, NULL},
    {"write", (void *)fileio_write, WF_METH_O, NULL},
    {"writelines", (void *)io_writelines, WF_METH_O, NULL},
    {"seek", (void *)fileio_seek, WF_METH_FASTCALL, NULL},
    {"tell", (void *)fileio_tell, WF_METH_NOARGS, NULL},
    {"truncate", (void *)fileio_truncate, WF_METH_FASTCALL, NULL},
    {"close", (void *)fileio_close, WF_METH_NOARGS, NULL},
    {"fileno", (void *)fileio_fileno, WF_METH_NOARGS, NULL},
    {"isatty", (void *)fileio_isatty, WF_METH_NOARGS, NULL},
    {"readable", (void *)fileio_readable, WF_METH_NOARGS, NULL},
    {"writable", (void *)fileio_writable, WF_METH_NOARGS, NULL},
    {"seekable", (void *)fileio_seekable, WF_METH_NOARGS, NULL},
    {"flush", (void *)fileio_flush, WF_METH_NOARGS, NULL},
    {"__enter__", (void *)io_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def fileio_getset[] = {
    {"closed", fileio_get_closed, NULL, NULL, NULL},
    {"mode", fileio_get_mode, NULL, NULL, NULL},
    {"name", fileio_get_name, NULL, NULL, NULL},
    {"closefd", fileio_get_closefd, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

wf_type wfio_fileio_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(fileio),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = fileio_dealloc,
    .tp_repr = fileio_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = io_iter_self,
    .tp_iternext = io_iternext_readline,
    .tp_new = fileio_new,
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
};

/* ------------------------------------------------------------------------
 * Buffered{Reader,Writer,Random}: one layout, three types.
 * Invariant (under lock): at most one of the read buffer [rpos, rlen) and
 * the write buffer [0, wlen) is non-empty.  The logical position is
 * raw position - (rlen - rpos) + wlen.
 * ---------------------------------------------------------------------- */
typedef struct buffered {
    wf_object ob_base;
    wf_object *raw;          /* strong; immutable after creation */
    fileio *fraw;            /* raw when it is our FileIO, else NULL */
    pthread_mutex_t lock;
    char *rbuf;              /* guarded by lock */
    wf_ssize_t rpos, rlen;
    char *wbuf;
    wf_ssize_t wlen;
    wf_ssize_t bufsize;
    char readable, writable;
    _Atomic int closed;      /* set by close(); relaxed loads */
} buffered;
extern wf_type wfio_bufreader_type, wfio_bufwriter_type, wfio_bufrandom_type;
static int is_buffered(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    return wf_type_is_subtype(t, &wfio_bufreader_type) || wf_type_is_subtype(t, &wfio_bufwriter_type) ||
           wf_type_is_subtype(t, &wfio_bufrandom_type);
}

static int buf_closed(buffered *b) {
    if (atomic_load_explicit(&b->closed, memory_order_relaxed)) return 1;
    if (b->fraw) return fio_fd(b->fraw) < 0;
    return 0;
}

/* Flush the write buffer (lock held).  0 or -1. */
static int buf_flush_locked(buffered *b) {
    if (b->wlen == 0) return 0;
    wf_ssize_t n = b->wlen;
    if (b->fraw) {
        wf_ssize_t r = sys_write_all(fio_fd(b->fraw), b->wbuf, n);
        if (r < 0) return -1;
    } else {
        wf_object *bytes = wf_bytes_from_data(b->wbuf, n);
        if (!bytes) return -1;
        wf_object *r = wf_object_call_method(b->raw, "write", &bytes, 1);
        wf_decref(bytes);
        if (!r) return -1;
        wf_decref(r);
    }
    b->wlen = 0;
    return 0;
}

/* Drop read-ahead (lock held): seek the raw file back to the logical
 * position.  0 or -1. */
static int buf_drop_readahead(buffered *b) {
    wf_ssize_t ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (ahead == 0) return 0;
    if (b->fraw) return sys_lseek(fio_fd(b->fraw), -(int64_t)ahead, SEEK_CUR) < 0 ? -1 : 0;
    wf_object *args[2] = {wf_int_from_ssize(-ahead), wf_small_int(1)};
    if (!args[0]) return -1;
    wf_object *r = wf_object_call_method(b->raw, "seek", args, 2);
    wf_decref(args[0]);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

/* One raw read into the read buffer's free tail (lock held): bytes read,
 * 0 at EOF, -1 on error, -2 when a non-blocking raw has no data. */
static wf_ssize_t buf_fill_locked(buffered *b) {
    if (buf_flush_locked(b) < 0) return -1;
    if (b->rpos > 0 && b->rpos == b->rlen) b->rpos = b->rlen = 0;
    if (b->rlen == b->bufsize) {
        if (b->rpos == 0) {
            char *nb = wfm_realloc(b->rbuf, (size_t)b->bufsize * 2);
            if (!nb) {
                wf_err_no_memory();
                return -1;
            }
            b->rbuf = nb;
            b->bufsize *= 2;
        } else {
            memmove(b->rbuf, b->rbuf + b->rpos, (size_t)(b->rlen - b->rpos));
            b->rlen -= b->rpos;
            b->rpos = 0;
        }
    }
    wf_ssize_t room = b->bufsize - b->rlen;
    if (b->fraw) {
        wf_ssize_t r = sys_read(fio_fd(b->fraw), b->rbuf + b->rlen, (size_t)room);
        if (r > 0) b->rlen += r;
        return r;
    }
    wf_object *arg = wf_int_from_ssize(room);
    if (!arg) return -1;
    wf_object *r = wf_object_call_method(b->raw, "read", &arg, 1);
    wf_decref(arg);
    if (!r) return -1;
    if (r == wf_None) {
        wf_decref(r);
        return -2;
    }
    if (!WF_BYTES_CHECK(r)) {
        wf_decref(r);
        wf_err_set_string(&wf_exc_TypeError, "read() should return bytes");
        return -1;
    }
    wf_ssize_t n = WF_BYTES_SIZE(r);
    if (n > room) n = room;
    memcpy(b->rbuf + b->rlen, WF_BYTES_DATA(r), (size_t)n);
    b->rlen += n;
    wf_decref(r);
    return n;
}

/* Append data to the write buffer (lock held), flushing as needed. */
static int buf_write_locked(buffered *b, const char *p, wf_ssize_t n) {
    if (b->rlen - b->rpos > 0 && buf_drop_readahead(b) < 0) return -1;
    b->rpos = b->rlen = 0;
    if (b->wlen + n > b->bufsize) {
        if (buf_flush_locked(b) < 0) return -1;
        if (n >= b->bufsize) {
            if (b->fraw) return sys_write_all(fio_fd(b->fraw), p, n) < 0 ? -1 : 0;
            memcpy(b->wbuf, p, 0);
            wf_object *bytes = wf_bytes_from_data(p, n);
            if (!bytes) return -1;
            wf_object *r = wf_object_call_method(b->raw, "write", &bytes, 1);
            wf_decref(bytes);
            if (!r) return -1;
            wf_decref(r);
            return 0;
        }
    }
    memcpy(b->wbuf + b->wlen, p, (size_t)n);
    b->wlen += n;
    return 0;
}

/* Logical position (lock held). */
static int64_t buf_tell_locked(buffered *b) {
    int64_t raw;
    if (b->fraw) raw = sys_lseek(fio_fd(b->fraw), 0, SEEK_CUR);
    else {
        wf_object *r = wf_object_call_method(b->raw, "tell", NULL, 0);
        if (!r) return -1;
        raw = wf_int_as_ssize(r);
        wf_decref(r);
        if (raw == -1 && wf_err_occurred()) return -1;
    }
    if (raw < 0) return -1;
    int64_t pos = raw - (b->rlen - b->rpos) + b->wlen;
    return pos < 0 ? 0 : pos;
}

static int64_t buf_seek_locked(buffered *b, int64_t pos, int whence) {
    if (buf_flush_locked(b) < 0) return -1;
    if (whence == SEEK_CUR) pos -= (b->rlen - b->rpos);
    b->rpos = b->rlen = 0;
    if (b->fraw) return sys_lseek(fio_fd(b->fraw), pos, whence);
    wf_object *args[2] = {wf_int_from_i64(pos), wf_int_from_i64(whence)};
    wf_object *r = args[0] && args[1] ? wf_object_call_method(b->raw, "seek", args, 2) : NULL;
    wf_xdecref(args[0]);
    wf_xdecref(args[1]);
    if (!r) return -1;
    int64_t v = wf_int_as_ssize(r);
    wf_decref(r);
    return v;
}

static int buf_init(buffered *b, wf_object *raw, wf_ssize_t bufsize, int readable, int writable) {
    pthread_mutex_init(&b->lock, NULL);
    b->raw = wf_newref(raw);
    b->fraw = FILEIO_CHECK(raw) ? (fileio *)raw : NULL;
    if (bufsize <= 0) bufsize = DEFAULT_BUFFER_SIZE;
    b->bufsize = bufsize;
    b->readable = (char)readable;
    b->writable = (char)writable;
    b->rbuf = wfm_malloc((size_t)bufsize);
    b->wbuf = wfm_malloc((size_t)bufsize);
    if (!b->rbuf || !b->wbuf) {
        wf_err_no_memory();
        return -1;
    }
    return 0;
}

static int buf_close_impl(buffered *b) {
    int r = 0;
    io_lock(&b->lock);
    if (!buf_closed(b)) {
        wf_object *saved = NULL;
        if (buf_flush_locked(b) < 0) {
            saved = wf_err_fetch();
            b->wlen = 0;
        }
        atomic_store(&b->closed, 1);
        if (b->fraw) {
            if (fio_close_impl(b->fraw) < 0) r = -1;
        } else {
            wf_object *x = wf_object_call_method(b->raw, "close", NULL, 0);
            if (!x) r = -1;
            wf_xdecref(x);
        }
        if (saved) {
            if (r < 0) wf_decref(saved);
            else wf_err_restore(saved);
            r = -1;
        }
    }
    io_unlock(&b->lock);
    return r;
}

static void buffered_dealloc(wf_object *o) {
    buffered *b = (buffered *)o;
    if (b->raw) {
        wf_object *saved = wf_err_fetch();
        if (!buf_closed(b) && (b->wlen || (b->fraw && b->fraw->closefd))) {
            if (buf_close_impl(b) < 0) wf_err_clear();
        }
        wf_err_restore(saved);
        pthread_mutex_destroy(&b->lock);
    }
    wfm_free(b->rbuf);
    wfm_free(b->wbuf);
    wf_xdecref(b->raw);
    wfm_object_free(o);
}

static wf_object *buffered_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"raw", "buffer_size", NULL};
    wf_object *a[2];
    if (parse_tuple_dict(wf_type_name(type), args, kwargs, names, a) < 0) return NULL;
    if (!a[0]) return wf_err_format(&wf_exc_TypeError, "%s() missing required argument 'raw' (pos 1)",
                                    wf_type_name(type));
    wf_ssize_t size;
    if (arg_ssize(a[1], DEFAULT_BUFFER_SIZE, &size) < 0) return NULL;
    if (size <= 0) {
        wf_err_set_string(&wf_exc_ValueError, "buffer size must be strictly positive");
        return NULL;
    }
    buffered *b = (buffered *)wf_type_generic_alloc(type, 0);
    if (!b) return NULL;
    int rd = wf_type_is_subtype(type, &wfio_bufreader_type) || wf_type_is_subtype(type, &wfio_bufrandom_type);
    int wr = wf_type_is_subtype(type, &wfio_bufwriter_type) || wf_type_is_subtype(type, &wfio_bufrandom_type);
    if (buf_init(b, a[0], size, rd, wr) < 0) {
        wf_decref((wf_object *)b);
        return NULL;
    }
    return (wf_object *)b;
}

#define BUF_ENTER(b)                          \
    do {                                      \
        if (buf_closed(b)) return err_closed(); \
        io_lock(&(b)->lock);                  \
    } while (0)

/* read(n) under lock; n < 0 = to EOF.  New bytes or NULL (None for
 * non-blocking no-data is returned as wf_None). */
static wf_object *buf_read_locked(buffered *b, wf_ssize_t n, int once) {
    dynbuf d = {0};
    for (;;) {
        wf_ssize_t avail = b->rlen - b->rpos;
        wf_ssize_t want = n < 0 ? avail : n - d.len;
        if (want > avail) want = avail;
        if (db_put(&d, b->rbuf + b->rpos, want) < 0) goto fail;
        b->rpos += want;
        if (n >= 0 && d.len >= n) break;
        if (once && d.len > 0) break;
        wf_ssize_t r = buf_fill_locked(b);
        if (r == -1) goto fail;
        if (r == -2) {
            if (d.len == 0) {
                db_free(&d);
                return wf_newref(wf_None);
            }
            break;
        }
        if (r == 0) break;
    }
    return db_to_bytes(&d);
fail:
    db_free(&d);
    return NULL;
}

static wf_object *buffered_read_common(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                       int once) {
    buffered *b = (buffered *)self;
    wf_ssize_t n = -1;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "read expected at most 1 argument, got %zd", nargs);
    if (nargs == 1 && arg_ssize(args[0], -1, &n) < 0) return NULL;
    if (n < -1) {
        wf_err_set_string(&wf_exc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    if (!b->readable) return err_unsupported("read");
    BUF_ENTER(b);
    wf_object *r = buf_read_locked(b, once && n < 0 ? b->bufsize : n, once);
    io_unlock(&b->lock);
    return r;
}
static wf_object *buffered_read(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return buffered_read_common(self, args, nargs, 0);
}
static wf_object *buffered_read1(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return buffered_read_common(self, args, nargs, 1);
}

static wf_object *buffered_peek(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)args;
    (void)nargs;
    buffered *b = (buffered *)self;
    if (!b->readable) return err_unsupported("peek");
    BUF_ENTER(b);
    wf_object *r = NULL;
    if (b->rlen == b->rpos && buf_fill_locked(b) == -1) goto out;
    r = wf_bytes_from_data(b->rbuf + b->rpos, b->rlen - b->rpos);
out:
    io_unlock(&b->lock);
    return r;
}

static wf_object *buffered_readline(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    buffered *b = (buffered *)self;
    wf_ssize_t limit = -1;
    if (nargs >= 1 && arg_ssize(args[0], -1, &limit) < 0) return NULL;
    if (!b->readable) return err_unsupported("readline");
    BUF_ENTER(b);
    dynbuf d = {0};
    for (;;) {
        wf_ssize_t avail = b->rlen - b->rpos;
        if (limit >= 0 && avail > limit - d.len) avail = limit - d.len;
        char *nl = memchr(b->rbuf + b->rpos, '\n', (size_t)avail);
        wf_ssize_t take = nl ? (nl - (b->rbuf + b->rpos)) + 1 : avail;
        if (db_put(&d, b->rbuf + b->rpos, take) < 0) goto fail;
        b->rpos += take;
        if (nl || (limit >= 0 && d.len >= limit)) break;
        wf_ssize_t r = buf_fill_locked(b);
        if (r == -1) goto fail;
        if (r <= 0) break;
    }
    io_unlock(&b->lock);
    return db_to_bytes(&d);
fail:
    io_unlock(&b->lock);
    db_free(&d);
    return NULL;
}

static wf_object *buffered_write(wf_object *self, wf_object *arg) {
    buffered *b = (buffered *)self;
    if (!b->writable) return err_unsupported("write");
    wf_object *bytes = as_bytes(arg);
    if (!bytes) return NULL;
    if (buf_closed(b)) {
        wf_decref(bytes);
        return err_closed();
    }
    io_lock(&b->lock);
    int r = buf_write_locked(b, WF_BYTES_DATA(bytes), WF_BYTES_SIZE(bytes));
    io_unlock(&b->lock);
    wf_ssize_t n = WF_BYTES_SIZE(bytes);
    wf_decref(bytes);
    if (r < 0) return NULL;
    return wf_int_from_ssize(n);
}

static wf_object *buffered_flush(wf_object *self, wf_object *unused) {
    (void)unused;
    buffered *b = (buffered *)self;
    BUF_ENTER(b);
    int r = buf_flush_locked(b);
    io_unlock(&b->lock);
    if (r < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *buffered_seek(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    buffered *b = (buffered *)self;
    int64_t pos;
    int whence;
    if (parse_whence(args, nargs, &pos, &whence) < 0) return NULL;
    if (whence < 0 || whence > 2)
        return wf_err_format(&wf_exc_ValueError, "whence value %d unsupported", whence);
    BUF_ENTER(b);
    int64_t r = buf_seek_locked(b, pos, whence);
    io_unlock(&b->lock);
    return r < 0 ? NULL : wf_int_from_i64(r);
}
static wf_object *buffered_tell(wf_object *self, wf_object *unused) {
    (void)unused;
    buffered *b = (buffered *)self;
    BUF_ENTER(b);
    int64_t r = buf_tell_locked(b);
    io_unlock(&b->lock);
    return r < 0 ? NULL : wf_int_from_i64(r);
}
static wf_object *buffered_truncate(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    buffered *b = (buffered *)self;
    if (!b->writable) return err_unsupported("truncate");
    BUF_ENTER(b);
    wf_object *r = NULL;
    int64_t pos = buf_tell_locked(b);
    if (pos < 0 || buf_flush_locked(b) < 0 || buf_drop_readahead(b) < 0) goto out;
    if (nargs >= 1 && !is_none(args[0])) {
        wf_ssize_t s;
        if (arg_ssize(args[0], 0, &s) < 0) goto out;
        pos = s;
    }
    {
        wf_object *p = wf_int_from_i64(pos);
        if (p) r = wf_object_call_method(b->raw, "truncate", &p, 1);
        wf_xdecref(p);
    }
out:
    io_unlock(&b->lock);
    return r;
}
static wf_object *buffered_close(wf_object *self, wf_object *unused) {
    (void)unused;
    if (buf_close_impl((buffered *)self) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *buffered_detach(wf_object *self, wf_object *unused) {
    (void)unused;
    buffered *b = (buffered *)self;
    BUF_ENTER(b);
    int r = buf_flush_locked(b);
    if (r == 0) atomic_store(&b->closed, 1);
    io_unlock(&b->lock);
    if (r < 0) return NULL;
    return wf_newref(b->raw);
}
static wf_object *buf_forward(wf_object *self, const char *name) {
    buffered *b = (buffered *)self;
    if (buf_closed(b)) return err_closed();
    return wf_object_call_method(b->raw, name, NULL, 0);
}
static wf_object *buffered_fileno(wf_object *self, wf_object *u) {
    (void)u;
    return buf_forward(self, "fileno");
}
static wf_object *buffered_isatty(wf_object *self, wf_object *u) {
    (void)u;
    return buf_forward(self, "isatty");
}
static wf_object *buffered_seekable(wf_object *self, wf_object *u) {
    (void)u;
    return buf_forward(self, "seekable");
}
static wf_object *buffered_readable(wf_object *self, wf_object *u) {
    (void)u;
    if (buf_closed((buffered *)self)) return err_closed();
    return wf_bool_from(((buffered *)self)->readable);
}
static wf_object *buffered_writable(wf_object *self, wf_object *u) {
    (void)u;
    if (buf_closed((buffered *)self)) return err_closed();
    return wf_bool_from(((buffered *)self)->writable);
}
static wf_object *buffered_get_closed(wf_object *self, void *c) {
    (void)c;
    buffered *b = (buffered *)self;
    if (atomic_load(&b->closed)) return wf_newref(wf_True);
    if (b->fraw) return wf_bool_from(fio_fd(b->fraw) < 0);
    return wf_object_getattr_string(b->raw, "closed");
}
static wf_object *buffered_get_name(wf_object *self, void *c) {
    (void)c;
    return wf_object_getattr_string(((buffered *)self)->raw, "name");
}
static wf_object *buffered_get_mode(wf_object *self, void *c) {
    (void)c;
    return wf_object_getattr_string(((buffered *)self)->raw, "mode");
}
static wf_object *buffered_get_raw(wf_object *self, void *c) {
    (void)c;
    return wf_newref(((buffered *)self)->raw);
}
static wf_object *buffered_repr(wf_object *self) {
    wf_object *name = NULL;
    int r = wf_object_lookup_attr(self, wf_str_intern_cstr("name"), &name);
    if (r < 0) wf_err_clear();
    wf_object *res = r > 0 ? wf_str_from_format("<%s name=%R>", WF_TYPE(self)->tp_name, name)
                           : wf_str_from_format("<%s>", WF_TYPE(self)->tp_name);
    wf_xdecref(name);
    return res;
}

static wf_method_def buffered_methods[] = {
    {"readinto", (void *)io_readinto, WF_METH_O, NULL},
    {"read", (void *)buffered_read, WF_METH_FASTCALL, NULL},
    {"read1", (void *)buffered_read1, WF_METH_FASTCALL, NULL},
    {"peek", (void *)buffered_peek, WF_METH_FASTCALL, NULL},
    {"readline", (void *)buffered_readline, WF_METH_FASTCALL, NULL},
    {"readlines", (void *)io_readlines, WF_METH_FASTCALL, NULL},
    {"write", (void *)buffered_write, WF_METH_O, NULL},
    {"writelines", (void *)io_writelines, WF_METH_O, NULL},
    {"flush", (void *)buffered_flush, WF_METH_NOARGS, NULL},
    {"seek", (void *)buffered_seek, WF_METH_FASTCALL, NULL},
    {"tell", (void *)buffered_tell, WF_METH_NOARGS, NULL},
    {"truncate", (void *)buffered_truncate, WF_METH_FASTCALL, NULL},
    {"close", (void *)buffered_close, WF_METH_NOARGS, NULL},
    {"detach", (void *)buffered_detach, WF_METH_NOARGS, NULL},
    {"fileno", (void *)buffered_fileno, WF_METH_NOARGS, NULL},
    {"isatty", (void *)buffered_isatty, WF_METH_NOARGS, NULL},
    {"seekable", (void *)buffered_seekable, WF_METH_NOARGS, NULL},
    {"readable", (void *)buffered_readable, WF_METH_NOARGS, NULL},
    {"writable", (void *)buffered_writable, WF_METH_NOARGS, NULL},
    {"__enter__", (void *)io_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def buffered_getset[] = {
    {"closed", buffered_get_closed, NULL, NULL, NULL},
    {"name", buffered_get_name, NULL, NULL, NULL},
    {"mode", buffered_get_mode, NULL, NULL, NULL},
    {"raw", buffered_get_raw, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, pyname)                          \
    wf_type var = {                                         \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),      \
        .tp_name = pyname,                                  \
        .tp_basicsize = sizeof(buffered),                   \
        .tp_flags = WF_TPFLAGS_BASETYPE,                    \
        .tp_dealloc = buffered_dealloc,                     \
        .tp_repr = buffered_repr,                           \
        .tp_getattro = wf_object_generic_getattr,           \
        .tp_iter = io_iter_self,                            \
        .tp_iternext = io_iternext_readline,                \
        .tp_new = buffered_new,                             \
        .tp_methods = buffered_methods,                     \
        .tp_getset = buffered_getset,                       \
    };
BUFFERED_TYPE(wfio_bufreader_type, "_io.BufferedReader")
BUFFERED_TYPE(wfio_bufwriter_type, "_io.BufferedWriter")
BUFFERED_TYPE(wfio_bufrandom_type, "_io.BufferedRandom")

/* ------------------------------------------------------------------------
 * TextIOWrapper
 * ---------------------------------------------------------------------- */
enum { NL_TRANSLATE, NL_UNIVERSAL, NL_LF, NL_CR, NL_CRLF };

typedef struct textio {
    wf_object ob_base;
    wf_object *buffer;          /* strong; immutable after creation */
    buffered *bbuf;             /* buffer when it is ours, else NULL */
    pthread_mutex_t lock;       /* guards everything below */
    wf_object *encoding, *errors; /* str, strong */
    char encname[40], errname[40];
    int codec, eh;
    int nlmode;
    const char *writenl;        /* NULL = write "\n" as is */
    char line_buffering, write_through;
    _Atomic int detached;
    char *pbuf;                 /* bytes read ahead from a foreign buffer */
    wf_ssize_t ppos, plen, pcap;
    wf_object *mode;            /* the 'mode' attribute (open() sets it), strong or NULL */
    wf_object *newline;         /* None or str, strong */
} textio;
extern wf_type wfio_textio_type;

static int text_closed(textio *t) {
    if (atomic_load_explicit(&t->detached, memory_order_relaxed)) return 1;
    if (t->bbuf) return buf_closed(t->bbuf);
    wf_object *c = wf_object_getattr_string(t->buffer, "closed");
    if (!c) return -1;
    int r = wf_object_is_true(c);
    wf_decref(c);
    return r;
}
static int text_check(textio *t) {
    if (atomic_load_explicit(&t->detached, memory_order_relaxed)) {
        wf_err_set_string(&wf_exc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    int c = text_closed(t);
    if (c < 0) return -1;
    if (c) {
        err_closed();
        return -1;
    }
    return 0;
}

/* Lock order: t->lock, then the buffer's lock. */
static void text_lock(textio *t) {
    io_lock(&t->lock);
    if (t->bbuf) io_lock(&t->bbuf->lock);
}
static void text_unlock(textio *t) {
    if (t->bbuf) io_unlock(&t->bbuf->lock);
    io_unlock(&t->lock);
}

/* Pull more bytes from a foreign buffer into pbuf (lock held). */
static wf_ssize_t text_fill_foreign(textio *t) {
    if (t->ppos > 0) {
        memmove(t->pbuf, t->pbuf + t->ppos, (size_t)(t->plen - t->ppos));
        t->plen -= t->ppos;
        t->ppos = 0;
    }
    wf_object *arg = wf_int_from_ssize(DEFAULT_BUFFER_SIZE);
    if (!arg) return -1;
    wf_object *r = NULL;
    wf_object *m = NULL;
    int has = wf_object_lookup_attr(t->buffer, wf_str_intern_cstr("read1"), &m);
    if (has < 0) {
        wf_decref(arg);
        return -1;
    }
    if (has) {
        r = wf_object_call_one(m, arg);
        wf_decref(m);
    } else {
        r = wf_object_call_method(t->buffer, "read", &arg, 1);
    }
    wf_decref(arg);
    if (!r) return -1;
    if (r == wf_None) {
        wf_decref(r);
        return 0;
    }
    if (!WF_BYTES_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError,
                      "underlying read1() should have returned a bytes-like object, not '%T'", r);
        wf_decref(r);
        return -1;
    }
    wf_ssize_t n = WF_BYTES_SIZE(r);
    if (t->plen + n > t->pcap) {
        wf_ssize_t nc = t->pcap ? t->pcap : 1024;
        while (nc < t->plen + n) nc *= 2;
        char *np = wfm_realloc(t->pbuf, (size_t)nc);
        if (!np) {
            wf_decref(r);
            wf_err_no_memory();
            return -1;
        }
        t->pbuf = np;
        t->pcap = nc;
    }
    memcpy(t->pbuf + t->plen, WF_BYTES_DATA(r), (size_t)n);
    t->plen += n;
    wf_decref(r);
    return n;
}

typedef struct tsrc {
    char **buf;
    wf_ssize_t *pos, *len;
    textio *t;
} tsrc;
static void tsrc_init(tsrc *s, textio *t) {
    s->t = t;
    if (t->bbuf) {
        s->buf = &t->bbuf->rbuf;
        s->pos = &t->bbuf->rpos;
        s->len = &t->bbuf->rlen;
    } else {
        s->buf = &t->pbuf;
        s->pos = &t->ppos;
        s->len = &t->plen;
    }
}
static wf_ssize_t tsrc_fill(tsrc *s) {
    wf_ssize_t r = s->t->bbuf ? buf_fill_locked(s->t->bbuf) : text_fill_foreign(s->t);
    return r == -2 ? 0 : r;
}

/* Gather up to maxchars characters (-1: no limit) into out, translating
 * newlines per nlmode; stop after a line end when stop_eol.  Lock held. */
static int text_gather(textio *t, wf_ssize_t maxchars, int stop_eol, dynbuf *out) {
    tsrc s;
    tsrc_init(&s, t);
    wf_ssize_t count = 0;
    int utf8 = t->codec == CODEC_UTF8;
    for (;;) {
        if (*s.pos >= *s.len) {
            wf_ssize_t r = tsrc_fill(&s);
            if (r < 0) return -1;
            if (r == 0) break;
        }
        char *p = *s.buf;
        wf_ssize_t i = *s.pos, n = *s.len, start = i;
        while (i < n) {
            unsigned char c = (unsigned char)p[i];
            if (c == '\r' || c == '\n') break;
            if (maxchars >= 0 && (!utf8 || (c & 0xC0) != 0x80)) {
                if (count == maxchars) break;
                count++;
            }
            i++;
        }
        if (db_put(out, p + start, i - start) < 0) return -1;
        *s.pos = i;
        if (i >= n) continue;
        char c = p[i];
        if (c != '\r' && c != '\n') break; /* reached maxchars */
        if (maxchars >= 0 && count == maxchars) break;
        count++;
        (*s.pos)++;
        int eol = 0;
        int lf = 0;
        if (c == '\r' && (t->nlmode == NL_TRANSLATE || t->nlmode == NL_UNIVERSAL || t->nlmode == NL_CRLF)) {
            if (*s.pos >= *s.len && tsrc_fill(&s) < 0) return -1;
            lf = *s.pos < *s.len && (*s.buf)[*s.pos] == '\n';
            if (lf) (*s.pos)++;
        }
        const char *put;
        switch (t->nlmode) {
        case NL_TRANSLATE:
            put = "\n";
            eol = 1;
            break;
        case NL_UNIVERSAL:
            put = c == '\n' ? "\n" : lf ? "\r\n" : "\r";
            eol = 1;
            break;
        case NL_LF:
            put = c == '\n' ? "\n" : "\r";
            eol = c == '\n';
            break;
        case NL_CR:
            put = c == '\n' ? "\n" : "\r";
            eol = c == '\r';
            break;
        default: /* NL_CRLF */
            put = c == '\n' ? "\n" : lf ? "\r\n" : "\r";
            eol = lf;
            break;
        }
        if (db_put(out, put, (wf_ssize_t)strlen(put)) < 0) return -1;
        if (eol && stop_eol) break;
    }
    return 0;
}

static wf_object *text_read_impl(textio *t, wf_ssize_t maxchars, int stop_eol) {
    if (text_check(t) < 0) return NULL;
    if (t->bbuf && !t->bbuf->readable) return err_unsupported("not readable");
    dynbuf d = {0};
    text_lock(t);
    int r = text_gather(t, maxchars, stop_eol, &d);
    text_unlock(t);
    if (r < 0) {
        db_free(&d);
        return NULL;
    }
    wf_object *s = decode_bytes(d.p ? d.p : "", d.len, t->codec, t->eh, t->encname, t->errname);
    db_free(&d);
    return s;
}

static wf_object *textio_read(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    wf_ssize_t n = -1;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "read expected at most 1 argument, got %zd", nargs);
    if (nargs == 1 && arg_ssize(args[0], -1, &n) < 0) return NULL;
    return text_read_impl((textio *)self, n < 0 ? -1 : n, 0);
}
static wf_object *textio_readline(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    wf_ssize_t n = -1;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "readline expected at most 1 argument, got %zd", nargs);
    if (nargs == 1 && arg_ssize(args[0], -1, &n) < 0) return NULL;
    return text_read_impl((textio *)self, n < 0 ? -1 : n, 1);
}
static wf_object *textio_iternext(wf_object *self) {
    wf_object *line = text_read_impl((textio *)self, -1, 1);
    if (!line) return NULL;
    if (wf_str_len(line) == 0) {
        wf_decref(line);
        return NULL;
    }
    return line;
}

/* Write str s: 0 or -1. */
static int text_write_impl(textio *t, wf_object *s) {
    if (text_check(t) < 0) return -1;
    if (t->bbuf && !t->bbuf->writable) {
        err_unsupported("not writable");
        return -1;
    }
    wf_object *text = s;
    wf_incref(text);
    int haslf = wf_str_find(s, wf_str_intern_cstr("\n"), 0, wf_str_len(s), 1) >= 0;
    if (haslf && t->writenl) {
        wf_object *r = wf_str_replace(s, wf_str_intern_cstr("\n"), wf_str_intern_cstr(t->writenl), -1);
        wf_decref(text);
        if (!r) return -1;
        text = r;
    }
    int needflush = t->write_through ||
                    (t->line_buffering &&
                     (haslf || wf_str_find(text, wf_str_intern_cstr("\r"), 0, wf_str_len(text), 1) >= 0));
    dynbuf d = {0};
    const char *data;
    wf_ssize_t n;
    if (((wf_str *)text)->ascii) {
        data = wf_str_data(text);
        n = wf_str_len(text);
    } else {
        if (encode_into(text, t->codec, t->eh, t->encname, t->errname, &d) < 0) {
            wf_decref(text);
            db_free(&d);
            return -1;
        }
        data = d.p ? d.p : "";
        n = d.len;
    }
    int r = 0;
    if (t->bbuf) {
        text_lock(t);
        r = buf_write_locked(t->bbuf, data, n);
        if (r == 0 && needflush) r = buf_flush_locked(t->bbuf);
        text_unlock(t);
    } else {
        wf_object *b = wf_bytes_from_data(data, n);
        wf_object *x = b ? wf_object_call_method(t->buffer, "write", &b, 1) : NULL;
        wf_xdecref(b);
        if (!x) r = -1;
        else wf_decref(x);
        if (r == 0 && needflush) {
            x = wf_object_call_method(t->buffer, "flush", NULL, 0);
            if (!x) r = -1;
            else wf_decref(x);
        }
    }
    db_free(&d);
    wf_decref(text);
    return r;
}

static wf_object *textio_write(wf_object *self, wf_object *arg) {
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "write() argument must be str, not %T", arg);
    if (text_write_impl((textio *)self, arg) < 0) return NULL;
    return wf_int_from_ssize(wf_str_len(arg));
}

static int text_flush_impl(textio *t) {
    if (text_check(t) < 0) return -1;
    if (t->bbuf) {
        text_lock(t);
        int r = buf_flush_locked(t->bbuf);
        text_unlock(t);
        return r;
    }
    wf_object *x = wf_object_call_method(t->buffer, "flush", NULL, 0);
    if (!x) return -1;
    wf_decref(x);
    return 0;
}
static wf_object *textio_flush(wf_object *self, wf_object *u) {
    (void)u;
    if (text_flush_impl((textio *)self) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *textio_close(wf_object *self, wf_object *u) {
    (void)u;
    textio *t = (textio *)self;
    int c = text_closed(t);
    if (c < 0) return NULL;
    if (c) WF_RETURN_NONE;
    wf_object *saved = NULL;
    if (text_flush_impl(t) < 0) saved = wf_err_fetch();
    wf_object *x = wf_object_call_method(t->buffer, "close", NULL, 0);
    if (!x) {
        wf_xdecref(saved);
        return NULL;
    }
    wf_decref(x);
    if (saved) {
        wf_err_restore(saved);
        return NULL;
    }
    WF_RETURN_NONE;
}

static wf_object *textio_tell(wf_object *self, wf_object *u) {
    (void)u;
    textio *t = (textio *)self;
    if (text_check(t) < 0) return NULL;
    int64_t pos;
    if (t->bbuf) {
        text_lock(t);
        pos = buf_tell_locked(t->bbuf);
        text_unlock(t);
        if (pos < 0) return NULL;
    } else {
        wf_object *x = wf_object_call_method(t->buffer, "tell", NULL, 0);
        if (!x) return NULL;
        pos = wf_int_as_ssize(x);
        wf_decref(x);
        if (pos == -1 && wf_err_occurred()) return NULL;
        pos -= t->plen - t->ppos;
    }
    return wf_int_from_i64(pos);
}

static wf_object *textio_seek(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    textio *t = (textio *)self;
    int64_t pos;
    int whence;
    if (parse_whence(args, nargs, &pos, &whence) < 0) return NULL;
    if (text_check(t) < 0) return NULL;
    if (whence == 1 && pos != 0) return err_unsupported("can't do nonzero cur-relative seeks");
    if (whence == 2 && pos != 0) return err_unsupported("can't do nonzero end-relative seeks");
    if (whence < 0 || whence > 2)
        return wf_err_format(&wf_exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0) return wf_err_format(&wf_exc_ValueError, "negative seek position %lld", (long long)pos);
    if (whence == 1) return textio_tell(self, NULL);
    int64_t r;
    if (t->bbuf) {
        text_lock(t);
        r = buf_seek_locked(t->bbuf, pos, whence);
        text_unlock(t);
        if (r < 0) return NULL;
    } else {
        io_lock(&t->lock);
        t->ppos = t->plen = 0;
        io_unlock(&t->lock);
        wf_object *a[2] = {wf_int_from_i64(pos), wf_int_from_i64(whence)};
        wf_object *x = a[0] && a[1] ? wf_object_call_method(t->buffer, "seek", a, 2) : NULL;
        wf_xdecref(a[0]);
        wf_xdecref(a[1]);
        if (!x) return NULL;
        r = wf_int_as_ssize(x);
        wf_decref(x);
    }
    return wf_int_from_i64(r);
}

static wf_object *textio_truncate(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    textio *t = (textio *)self;
    if (text_flush_impl(t) < 0) return NULL;
    wf_object *a = nargs >= 1 ? args[0] : wf_None;
    return wf_object_call_method(t->buffer, "truncate", &a, 1);
}

static wf_object *text_forward(wf_object *self, const char *name) {
    textio *t = (textio *)self;
    if (text_check(t) < 0) return NULL;
    return wf_object_call_method(t->buffer, name, NULL, 0);
}
static wf_object *textio_fileno(wf_object *self, wf_object *u) {
    (void)u;
    return text_forward(self, "fileno");
}
static wf_object *textio_isatty(wf_object *self, wf_object *u) {
    (void)u;
    return text_forward(self, "isatty");
}
static wf_object *textio_readable(wf_object *self, wf_object *u) {
    (void)u;
    return text_forward(self, "readable");
}
static wf_object *textio_writable(wf_object *self, wf_object *u) {
    (void)u;
    return text_forward(self, "writable");
}
static wf_object *textio_seekable(wf_object *self, wf_object *u) {
    (void)u;
    return text_forward(self, "seekable");
}
static wf_object *textio_detach(wf_object *self, wf_object *u) {
    (void)u;
    textio *t = (textio *)self;
    if (text_flush_impl(t) < 0) return NULL;
    atomic_store(&t->detached, 1);
    return wf_newref(t->buffer);
}

static int set_newline(textio *t, wf_object *nl) {
    if (!is_none(nl) && !WF_STR_CHECK(nl)) {
        wf_err_format(&wf_exc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %T", nl);
        return -1;
    }
    if (is_none(nl)) t->nlmode = NL_TRANSLATE;
    else if (wf_str_eq_cstr(nl, "")) t->nlmode = NL_UNIVERSAL;
    else if (wf_str_eq_cstr(nl, "\n")) t->nlmode = NL_LF;
    else if (wf_str_eq_cstr(nl, "\r")) t->nlmode = NL_CR;
    else if (wf_str_eq_cstr(nl, "\r\n")) t->nlmode = NL_CRLF;
    else {
        wf_err_format(&wf_exc_ValueError, "illegal newline value: %R", nl);
        return -1;
    }
    t->writenl = t->nlmode == NL_CR ? "\r" : t->nlmode == NL_CRLF ? "\r\n" : NULL;
    wf_object *old = t->newline;
    t->newline = wf_newref(is_none(nl) ? wf_None : nl);
    wf_xdecref(old);
    return 0;
}
static int set_encoding(textio *t, wf_object *enc, wf_object *errors) {
    if (enc) {
        if (!WF_STR_CHECK(enc)) {
            wf_err_format(&wf_exc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %T", enc);
            return -1;
        }
        const char *e = wf_str_utf8(enc, NULL);
        if (!e) return -1;
        int c = codec_of(e);
        if (c == CODEC_OTHER) {
            /* validate through the codec machinery */
            wf_object *probe = wf_str_encode(wf_str_intern_cstr(""), e, "strict");
            if (!probe) return -1;
            wf_decref(probe);
        }
        snprintf(t->encname, sizeof t->encname, "%s", e);
        t->codec = c;
        wf_object *old = t->encoding;
        t->encoding = wf_newref(enc);
        wf_xdecref(old);
    }
    if (errors) {
        if (!WF_STR_CHECK(errors)) {
            wf_err_format(&wf_exc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %T", errors);
            return -1;
        }
        const char *e = wf_str_utf8(errors, NULL);
        if (!e) return -1;
        snprintf(t->errname, sizeof t->errname, "%s", e);
        t->eh = errh_of(e);
        wf_object *old = t->errors;
        t->errors = wf_newref(errors);
        wf_xdecref(old);
    }
    return 0;
}

static wf_object *text_create(wf_type *type, wf_object *buffer, wf_object *enc, wf_object *errors,
                              wf_object *newline, int line_buffering, int write_through) {
    textio *t = (textio *)wf_type_generic_alloc(type, 0);
    if (!t) return NULL;
    pthread_mutex_init(&t->lock, NULL);
    t->buffer = wf_newref(buffer);
    t->bbuf = is_buffered(buffer) ? (buffered *)buffer : NULL;
    wf_object *e = is_none(enc) ? wf_str_intern_cstr("UTF-8") : enc;
    wf_object *er = is_none(errors) ? wf_str_intern_cstr("strict") : errors;
    if (set_encoding(t, e, er) < 0 || set_newline(t, newline) < 0) {
        wf_decref((wf_object *)t);
        return NULL;
    }
    t->line_buffering = (char)line_buffering;
    t->write_through = (char)write_through;
    return (wf_object *)t;
}

static wf_object *textio_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"buffer", "encoding", "errors", "newline",
                                        "line_buffering", "write_through", NULL};
    wf_object *a[6];
    if (parse_tuple_dict("TextIOWrapper", args, kwargs, names, a) < 0) return NULL;
    if (!a[0])
        return wf_err_format(&wf_exc_TypeError,
                             "TextIOWrapper() missing required argument 'buffer' (pos 1)");
    int lb = a[4] ? wf_object_is_true(a[4]) : 0;
    int wt = a[5] ? wf_object_is_true(a[5]) : 0;
    if (lb < 0 || wt < 0) return NULL;
    return text_create(type, a[0], a[1], a[2], a[3], lb, wt);
}

static wf_object *textio_reconfigure(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                     wf_object *kwnames) {
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering",
                                        "write_through", NULL};
    wf_object *a[5];
    if (nargs) return wf_err_format(&wf_exc_TypeError, "reconfigure() takes no positional arguments");
    if (parse_args("reconfigure", args, nargs, kwnames, names, a) < 0) return NULL;
    textio *t = (textio *)self;
    if (text_flush_impl(t) < 0) return NULL;
    io_lock(&t->lock);
    int r = set_encoding(t, is_none(a[0]) ? NULL : a[0], is_none(a[1]) ? NULL : a[1]);
    if (r == 0 && a[2]) r = set_newline(t, a[2]);
    if (r == 0 && !is_none(a[3])) {
        int v = wf_object_is_true(a[3]);
        if (v < 0) r = -1;
        else t->line_buffering = (char)v;
    }
    if (r == 0 && !is_none(a[4])) {
        int v = wf_object_is_true(a[4]);
        if (v < 0) r = -1;
        else t->write_through = (char)v;
    }
    io_unlock(&t->lock);
    if (r < 0) return NULL;
    WF_RETURN_NONE;
}

static void textio_dealloc(wf_object *o) {
    textio *t = (textio *)o;
    if (t->buffer) {
        wf_object *saved = wf_err_fetch();
        if (!atomic_load(&t->detached)) {
            int c = text_closed(t);
            if (c == 0) {
                wf_object *x = textio_close(o, NULL);
                if (!x) wf_err_clear();
                wf_xdecref(x);
            } else if (c < 0) wf_err_clear();
        }
        wf_err_restore(saved);
        pthread_mutex_destroy(&t->lock);
    }
    wf_xdecref(t->buffer);
    wf_xdecref(t->encoding);
    wf_xdecref(t->errors);
    wf_xdecref(t->mode);
    wf_xdecref(t->newline);
    wfm_free(t->pbuf);
    wfm_object_free(o);
}

static wf_object *textio_get_closed(wf_object *self, void *c) {
    (void)c;
    textio *t = (textio *)self;
    if (t->bbuf) return wf_bool_from(buf_closed(t->bbuf));
    return wf_object_getattr_string(t->buffer, "closed");
}
static wf_object *textio_get_name(wf_object *self, void *c) {
    (void)c;
    return wf_object_getattr_string(((textio *)self)->buffer, "name");
}
static wf_object *textio_get_buffer(wf_object *self, void *c) {
    (void)c;
    return wf_newref(((textio *)self)->buffer);
}
static wf_object *textio_get_encoding(wf_object *self, void *c) {
    (void)c;
    return wf_newref(((textio *)self)->encoding);
}
static wf_object *textio_get_errors(wf_object *self, void *c) {
    (void)c;
    return wf_newref(((textio *)self)->errors);
}
static wf_object *textio_get_line_buffering(wf_object *self, void *c) {
    (void)c;
    return wf_bool_from(((textio *)self)->line_buffering);
}
static wf_object *textio_get_write_through(wf_object *self, void *c) {
    (void)c;
    return wf_bool_from(((textio *)self)->write_through);
}
static wf_object *textio_get_newlines(wf_object *self, void *c) {
    (void)self;
    (void)c;
    WF_RETURN_NONE;
}
static wf_object *textio_get_mode(wf_object *self, void *c) {
    (void)c;
    textio *t = (textio *)self;
    if (!t->mode) return wf_err_format(&wf_exc_AttributeError, "'_io.TextIOWrapper' object has no attribute 'mode'");
    return wf_newref(t->mode);
}
static int textio_set_mode(wf_object *self, wf_object *v, void *c) {
    (void)c;
    textio *t = (textio *)self;
    wf_object *old = t->mode;
    t->mode = v ? wf_newref(v) : NULL;
    wf_xdecref(old);
    return 0;
}

static wf_object *textio_repr(wf_object *self) {
    textio *t = (textio *)self;
    wf_object *name = NULL;
    int r = wf_object_lookup_attr(self, wf_str_intern_cstr("name"), &name);
    if (r < 0) wf_err_clear();
    wf_object *res;
    wf_object *nm = r > 0 ? wf_str_from_format(" name=%R", name) : wf_str_from_cstr("");
    wf_object *md = t->mode ? wf_str_from_format(" mode=%R", t->mode) : wf_str_from_cstr("");
    if (!nm || !md) res = NULL;
    else res = wf_str_from_format("<_io.TextIOWrapper%U%U encoding=%R>", nm, md, t->encoding);
    wf_xdecref(nm);
    wf_xdecref(md);
    wf_xdecref(name);
    return res;
}

static wf_method_def textio_methods[] = {
    {"read", (void *)textio_read, WF_METH_FASTCALL, NULL},
    {"readline", (void *)textio_readline, WF_METH_FASTCALL, NULL},
    {"readlines", (void *)io_readlines, WF_METH_FASTCALL, NULL},
    {"write", (void *)textio_write, WF_METH_O, NULL},
    {"writelines", (void *)io_writelines, WF_METH_O, NULL},
    {"flush", (void *)textio_flush, WF_METH_NOARGS, NULL},
    {"close", (void *)textio_close, WF_METH_NOARGS, NULL},
    {"seek", (void *)textio_seek, WF_METH_FASTCALL, NULL},
    {"tell", (void *)textio_tell, WF_METH_NOARGS, NULL},
    {"truncate", (void *)textio_truncate, WF_METH_FASTCALL, NULL},
    {"fileno", (void *)textio_fileno, WF_METH_NOARGS, NULL},
    {"isatty", (void *)textio_isatty, WF_METH_NOARGS, NULL},
    {"readable", (void *)textio_readable, WF_METH_NOARGS, NULL},
    {"writable", (void *)textio_writable, WF_METH_NOARGS, NULL},
    {"seekable", (void *)textio_seekable, WF_METH_NOARGS, NULL},
    {"detach", (void *)textio_detach, WF_METH_NOARGS, NULL},
    {"reconfigure", (void *)textio_reconfigure, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"__enter__", (void *)io_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def textio_getset[] = {
    {"closed", textio_get_closed, NULL, NULL, NULL},
    {"name", textio_get_name, NULL, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL, NULL},
    {"encoding", textio_get_encoding, NULL, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL, NULL},
    {"mode", textio_get_mode, textio_set_mode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
wf_type wfio_textio_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(textio),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = textio_dealloc,
    .tp_repr = textio_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = io_iter_self,
    .tp_iternext = textio_iternext,
    .tp_new = textio_new,
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
};

/* ------------------------------------------------------------------------
 * StringIO: code points in a uint32 array; guarded by the object's
 * critical section (nothing inside blocks).
 * ---------------------------------------------------------------------- */
typedef struct stringio {
    wf_object ob_base;
    uint32_t *buf;          /* guarded by the critical section */
    wf_ssize_t len, cap, pos;
    _Atomic int closed;
    int nlmode;             /* set at creation */
    const char *writenl;
} stringio;
extern wf_type wfio_stringio_type;

static int sio_reserve(stringio *s, wf_ssize_t need) {
    if (need <= s->cap) return 0;
    wf_ssize_t nc = s->cap ? s->cap * 2 : 64;
    while (nc < need) nc *= 2;
    uint32_t *nb = wfm_realloc(s->buf, sizeof(uint32_t) * (size_t)nc);
    if (!nb) {
        wf_err_no_memory();
        return -1;
    }
    s->buf = nb;
    s->cap = nc;
    return 0;
}

static wf_ssize_t sio_write_locked(stringio *s, wf_object *str) {
    wf_ssize_t orig = wf_str_len(str);
    wf_object *text = wf_newref(str);
    if (s->nlmode == NL_TRANSLATE &&
        wf_str_find(text, wf_str_intern_cstr("\r"), 0, wf_str_len(text), 1) >= 0) {
        wf_object *a = wf_str_replace(text, wf_str_intern_cstr("\r\n"), wf_str_intern_cstr("\n"), -1);
        wf_decref(text);
        if (!a) return -1;
        text = wf_str_replace(a, wf_str_intern_cstr("\r"), wf_str_intern_cstr("\n"), -1);
        wf_decref(a);
        if (!text) return -1;
    }
    if (s->writenl && wf_str_find(text, wf_str_intern_cstr("\n"), 0, wf_str_len(text), 1) >= 0) {
        wf_object *a = wf_str_replace(text, wf_str_intern_cstr("\n"), wf_str_intern_cstr(s->writenl), -1);
        wf_decref(text);
        if (!a) return -1;
        text = a;
    }
    wf_ssize_t n = wf_str_len(text);
    if (n > 0) {
        if (sio_reserve(s, s->pos + n) < 0) {
            wf_decref(text);
            return -1;
        }
        if (s->pos > s->len) memset(s->buf + s->len, 0, sizeof(uint32_t) * (size_t)(s->pos - s->len));
        int kind = ((wf_str *)text)->kind;
        const void *data = wf_str_data(text);
        for (wf_ssize_t i = 0; i < n; i++) s->buf[s->pos + i] = wf_str_read(kind, data, i);
        s->pos += n;
        if (s->pos > s->len) s->len = s->pos;
    }
    wf_decref(text);
    return orig;
}

static int sio_check(stringio *s) {
    if (atomic_load_explicit(&s->closed, memory_order_relaxed)) {
        wf_err_set_string(&wf_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static wf_object *stringio_write(wf_object *self, wf_object *arg) {
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0) return NULL;
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "string argument expected, got '%T'", arg);
    wf_ssize_t r;
    WF_BEGIN_CRITICAL_SECTION(s);
    r = sio_write_locked(s, arg);
    WF_END_CRITICAL_SECTION();
    return r < 0 ? NULL : wf_int_from_ssize(r);
}

/* The end index of the line starting at i (exclusive), limited to limit. */
static wf_ssize_t sio_line_end(stringio *s, wf_ssize_t i, wf_ssize_t limit) {
    wf_ssize_t end = s->len;
    if (limit >= 0 && i + limit < end) end = i + limit;
    for (wf_ssize_t k = i; k < end; k++) {
        uint32_t c = s->buf[k];
        switch (s->nlmode) {
        case NL_TRANSLATE:
        case NL_LF:
            if (c == '\n') return k + 1;
            break;
        case NL_CR:
            if (c == '\r') return k + 1;
            break;
        case NL_UNIVERSAL:
            if (c == '\n') return k + 1;
            if (c == '\r') return (k + 1 < end && s->buf[k + 1] == '\n') ? k + 2 : k + 1;
            break;
        default:
            if (c == '\r' && k + 1 < end && s->buf[k + 1] == '\n') return k + 2;
            break;
        }
    }
    return end;
}

static wf_object *sio_read_common(wf_object *self, wf_object *const *args, wf_ssize_t nargs, int line) {
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0) return NULL;
    wf_ssize_t n = -1;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "expected at most 1 argument, got %zd", nargs);
    if (nargs == 1 && arg_ssize(args[0], -1, &n) < 0) return NULL;
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(s);
    wf_ssize_t start = s->pos < s->len ? s->pos : s->len, end;
    if (line) end = sio_line_end(s, start, n);
    else {
        end = s->len;
        if (n >= 0 && start + n < end) end = start + n;
    }
    r = wf_str_from_ucs4(s->buf + start, end - start);
    if (r && s->pos < end) s->pos = end;
    WF_END_CRITICAL_SECTION();
    return r;
}
static wf_object *stringio_read(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return sio_read_common(self, args, nargs, 0);
}
static wf_object *stringio_readline(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return sio_read_common(self, args, nargs, 1);
}
static wf_object *stringio_iternext(wf_object *self) {
    wf_object *line = sio_read_common(self, NULL, 0, 1);
    if (!line) return NULL;
    if (wf_str_len(line) == 0) {
        wf_decref(line);
        return NULL;
    }
    return line;
}
static wf_object *stringio_getvalue(wf_object *self, wf_object *u) {
    (void)u;
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0) return NULL;
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(s);
    r = wf_str_from_ucs4(s->buf, s->len);
    WF_END_CRITICAL_SECTION();
    return r;
}
static wf_object *stringio_tell(wf_object *self, wf_object *u) {
    (void)u;
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0) return NULL;
    return wf_int_from_ssize(s->pos);
}
static wf_object *stringio_seek(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    stringio *s = (stringio *)self;
    int64_t pos;
    int whence;
    if (parse_whence(args, nargs, &pos, &whence) < 0) return NULL;
    if (whence < 0 || whence > 2)
        return wf_err_format(&wf_exc_ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0)
        return wf_err_format(&wf_exc_ValueError, "Negative seek position %lld", (long long)pos);
    if (whence != 0 && pos != 0)
        return wf_err_format(&wf_exc_OSError, "Can't do nonzero cur-relative seeks");
    if (sio_check(s) < 0) return NULL;
    wf_ssize_t r;
    WF_BEGIN_CRITICAL_SECTION(s);
    if (whence == 2) s->pos = s->len;
    else if (whence == 0) s->pos = pos;
    r = s->pos;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(r);
}
static wf_object *stringio_truncate(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    stringio *s = (stringio *)self;
    if (sio_check(s) < 0) return NULL;
    wf_ssize_t size = -1;
    int have = nargs >= 1 && !is_none(args[0]);
    if (have) {
        if (arg_ssize(args[0], 0, &size) < 0) return NULL;
        if (size < 0) return wf_err_format(&wf_exc_ValueError, "Negative size value %zd", size);
    }
    WF_BEGIN_CRITICAL_SECTION(s);
    if (!have) size = s->pos;
    if (size < s->len) s->len = size;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(size);
}
static wf_object *stringio_close(wf_object *self, wf_object *u) {
    (void)u;
    atomic_store(&((stringio *)self)->closed, 1);
    WF_RETURN_NONE;
}
static wf_object *sio_true(wf_object *self, wf_object *u) {
    (void)u;
    if (sio_check((stringio *)self) < 0) return NULL;
    return wf_newref(wf_True);
}
static wf_object *sio_false(wf_object *self, wf_object *u) {
    (void)u;
    if (sio_check((stringio *)self) < 0) return NULL;
    return wf_newref(wf_False);
}
static wf_object *sio_flush(wf_object *self, wf_object *u) {
    (void)u;
    if (sio_check((stringio *)self) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *stringio_get_closed(wf_object *self, void *c) {
    (void)c;
    return wf_bool_from(atomic_load(&((stringio *)self)->closed));
}
static wf_object *get_none(wf_object *self, void *c) {
    (void)self;
    (void)c;
    WF_RETURN_NONE;
}
static wf_object *get_false(wf_object *self, void *c) {
    (void)self;
    (void)c;
    return wf_newref(wf_False);
}
static wf_object *stringio_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"initial_value", "newline", NULL};
    wf_object *a[2];
    if (parse_tuple_dict("StringIO", args, kwargs, names, a) < 0) return NULL;
    if (a[0] && a[0] != wf_None && !WF_STR_CHECK(a[0]))
        return wf_err_format(&wf_exc_TypeError, "initial_value must be str or None, not %T", a[0]);
    wf_object *nl = a[1];
    int mode = NL_LF;
    if (nl && nl != wf_None) {
        if (!WF_STR_CHECK(nl))
            return wf_err_format(&wf_exc_TypeError, "newline must be str or None, not %T", nl);
        if (wf_str_eq_cstr(nl, "")) mode = NL_UNIVERSAL;
        else if (wf_str_eq_cstr(nl, "\n")) mode = NL_LF;
        else if (wf_str_eq_cstr(nl, "\r")) mode = NL_CR;
        else if (wf_str_eq_cstr(nl, "\r\n")) mode = NL_CRLF;
        else return wf_err_format(&wf_exc_ValueError, "illegal newline value: %R", nl);
    } else if (nl == wf_None)
        mode = NL_TRANSLATE;
    stringio *s = (stringio *)wf_type_generic_alloc(type, 0);
    if (!s) return NULL;
    s->nlmode = mode;
    s->writenl = mode == NL_CR ? "\r" : mode == NL_CRLF ? "\r\n" : NULL;
    if (a[0] && a[0] != wf_None && wf_str_len(a[0]) > 0) {
        if (sio_write_locked(s, a[0]) < 0) {
            wf_decref((wf_object *)s);
            return NULL;
        }
        s->pos = 0;
    }
    return (wf_object *)s;
}
static void stringio_dealloc(wf_object *o) {
    wfm_free(((stringio *)o)->buf);
    wfm_object_free(o);
}

static wf_method_def stringio_methods[] = {
    {"write", (void *)stringio_write, WF_METH_O, NULL},
    {"writelines", (void *)io_writelines, WF_METH_O, NULL},
    {"read", (void *)stringio_read, WF_METH_FASTCALL, NULL},
    {"readline", (void *)stringio_readline, WF_METH_FASTCALL, NULL},
    {"readlines", (void *)io_readlines, WF_METH_FASTCALL, NULL},
    {"getvalue", (void *)stringio_getvalue, WF_METH_NOARGS, NULL},
    {"tell", (void *)stringio_tell, WF_METH_NOARGS, NULL},
    {"seek", (void *)stringio_seek, WF_METH_FASTCALL, NULL},
    {"truncate", (void *)stringio_truncate, WF_METH_FASTCALL, NULL},
    {"close", (void *)stringio_close, WF_METH_NOARGS, NULL},
    {"flush", (void *)sio_flush, WF_METH_NOARGS, NULL},
    {"readable", (void *)sio_true, WF_METH_NOARGS, NULL},
    {"writable", (void *)sio_true, WF_METH_NOARGS, NULL},
    {"seekable", (void *)sio_true, WF_METH_NOARGS, NULL},
    {"isatty", (void *)sio_false, WF_METH_NOARGS, NULL},
    {"__enter__", (void *)io_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def stringio_getset[] = {
    {"closed", stringio_get_closed, NULL, NULL, NULL},
    {"newlines", get_none, NULL, NULL, NULL},
    {"line_buffering", get_false, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
wf_type wfio_stringio_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(stringio),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = stringio_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = io_iter_self,
    .tp_iternext = stringio_iternext,
    .tp_new = stringio_new,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
};

/* ------------------------------------------------------------------------
 * BytesIO: same discipline as StringIO.
 * ---------------------------------------------------------------------- */
typedef struct bytesio {
    wf_object ob_base;
    dynbuf d;               /* guarded by the critical section */
    wf_ssize_t pos;
    _Atomic int closed;
} bytesio;
extern wf_type wfio_bytesio_type;

static int bio_check(bytesio *b) {
    if (atomic_load_explicit(&b->closed, memory_order_relaxed)) {
        err_closed();
        return -1;
    }
    return 0;
}
static int bio_write_locked(bytesio *b, const char *p, wf_ssize_t n) {
    if (n <= 0) return 0;
    if (b->pos + n > b->d.len && db_reserve(&b->d, b->pos + n - b->d.len) < 0) return -1;
    if (b->pos > b->d.len) memset(b->d.p + b->d.len, 0, (size_t)(b->pos - b->d.len));
    memcpy(b->d.p + b->pos, p, (size_t)n);
    b->pos += n;
    if (b->pos > b->d.len) b->d.len = b->pos;
    return 0;
}
static wf_object *bytesio_write(wf_object *self, wf_object *arg) {
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0) return NULL;
    wf_object *bytes = as_bytes(arg);
    if (!bytes) return NULL;
    int r;
    WF_BEGIN_CRITICAL_SECTION(b);
    r = bio_write_locked(b, WF_BYTES_DATA(bytes), WF_BYTES_SIZE(bytes));
    WF_END_CRITICAL_SECTION();
    wf_ssize_t n = WF_BYTES_SIZE(bytes);
    wf_decref(bytes);
    return r < 0 ? NULL : wf_int_from_ssize(n);
}
static wf_object *bio_read_common(wf_object *self, wf_object *const *args, wf_ssize_t nargs, int line) {
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0) return NULL;
    wf_ssize_t n = -1;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "expected at most 1 argument, got %zd", nargs);
    if (nargs == 1 && arg_ssize(args[0], -1, &n) < 0) return NULL;
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(b);
    wf_ssize_t start = b->pos < b->d.len ? b->pos : b->d.len;
    wf_ssize_t end = b->d.len;
    if (n >= 0 && start + n < end) end = start + n;
    if (line) {
        char *nl = memchr(b->d.p + start, '\n', (size_t)(end - start));
        if (nl) end = nl - b->d.p + 1;
    }
    r = wf_bytes_from_data(b->d.p ? b->d.p + start : "", end - start);
    if (r && b->pos < end) b->pos = end;
    WF_END_CRITICAL_SECTION();
    return r;
}
static wf_object *bytesio_read(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return bio_read_common(self, args, nargs, 0);
}
static wf_object *bytesio_readline(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    return bio_read_common(self, args, nargs, 1);
}
static wf_object *bytesio_iternext(wf_object *self) {
    wf_object *line = bio_read_common(self, NULL, 0, 1);
    if (!line) return NULL;
    if (WF_BYTES_SIZE(line) == 0) {
        wf_decref(line);
        return NULL;
    }
    return line;
}
static wf_object *bytesio_getvalue(wf_object *self, wf_object *u) {
    (void)u;
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0) return NULL;
    wf_object *r;
    WF_BEGIN_CRITICAL_SECTION(b);
    r = wf_bytes_from_data(b->d.p ? b->d.p : "", b->d.len);
    WF_END_CRITICAL_SECTION();
    return r;
}
/* getbuffer(): a memoryview of a copy of the contents (writes through the
 * view do not reach the BytesIO; CPython's view aliases the buffer). */
static wf_object *bytesio_getbuffer(wf_object *self, wf_object *u) {
    (void)u;
    wf_object *v = bytesio_getvalue(self, NULL);
    if (!v) return NULL;
    wf_object *ba = wf_bytearray_from_data(WF_BYTES_DATA(v), WF_BYTES_SIZE(v));
    wf_decref(v);
    if (!ba) return NULL;
    wf_object *mv = wf_object_call_one((wf_object *)&wf_memoryview_type, ba);
    wf_decref(ba);
    return mv;
}
static wf_object *bytesio_tell(wf_object *self, wf_object *u) {
    (void)u;
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0) return NULL;
    return wf_int_from_ssize(b->pos);
}
static wf_object *bytesio_seek(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    bytesio *b = (bytesio *)self;
    int64_t pos;
    int whence;
    if (parse_whence(args, nargs, &pos, &whence) < 0) return NULL;
    if (bio_check(b) < 0) return NULL;
    if (whence < 0 || whence > 2)
        return wf_err_format(&wf_exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0)
        return wf_err_format(&wf_exc_ValueError, "negative seek value %lld", (long long)pos);
    wf_ssize_t r;
    WF_BEGIN_CRITICAL_SECTION(b);
    if (whence == 1) pos += b->pos;
    else if (whence == 2) pos += b->d.len;
    b->pos = pos < 0 ? 0 : pos;
    r = b->pos;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(r);
}
static wf_object *bytesio_truncate(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    bytesio *b = (bytesio *)self;
    if (bio_check(b) < 0) return NULL;
    wf_ssize_t size = -1;
    int have = nargs >= 1 && !is_none(args[0]);
    if (have) {
        if (arg_ssize(args[0], 0, &size) < 0) return NULL;
        if (size < 0) return wf_err_format(&wf_exc_ValueError, "negative size value %zd", size);
    }
    WF_BEGIN_CRITICAL_SECTION(b);
    if (!have) size = b->pos;
    if (size < b->d.len) b->d.len = size;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(size);
}
static wf_object *bytesio_close(wf_object *self, wf_object *u) {
    (void)u;
    atomic_store(&((bytesio *)self)->closed, 1);
    WF_RETURN_NONE;
}
static wf_object *bio_true(wf_object *self, wf_object *u) {
    (void)u;
    if (bio_check((bytesio *)self) < 0) return NULL;
    return wf_newref(wf_True);
}
static wf_object *bio_false(wf_object *self, wf_object *u) {
    (void)u;
    if (bio_check((bytesio *)self) < 0) return NULL;
    return wf_newref(wf_False);
}
static wf_object *bio_flush(wf_object *self, wf_object *u) {
    (void)u;
    if (bio_check((bytesio *)self) < 0) return NULL;
    WF_RETURN_NONE;
}
static wf_object *bytesio_get_closed(wf_object *self, void *c) {
    (void)c;
    return wf_bool_from(atomic_load(&((bytesio *)self)->closed));
}
static wf_object *bytesio_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    static const char *const names[] = {"initial_bytes", NULL};
    wf_object *a[1];
    if (parse_tuple_dict("BytesIO", args, kwargs, names, a) < 0) return NULL;
    bytesio *b = (bytesio *)wf_type_generic_alloc(type, 0);
    if (!b) return NULL;
    if (a[0] && a[0] != wf_None) {
        wf_object *bytes = as_bytes(a[0]);
        if (!bytes || bio_write_locked(b, WF_BYTES_DATA(bytes), WF_BYTES_SIZE(bytes)) < 0) {
            wf_xdecref(bytes);
            wf_decref((wf_object *)b);
            return NULL;
        }
        wf_decref(bytes);
        b->pos = 0;
    }
    return (wf_object *)b;
}
static void bytesio_dealloc(wf_object *o) {
    db_free(&((bytesio *)o)->d);
    wfm_object_free(o);
}
static wf_method_def bytesio_methods[] = {
    {"readinto", (void *)io_readinto, WF_METH_O, NULL},
    {"write", (void *)bytesio_write, WF_METH_O, NULL},
    {"writelines", (void *)io_writelines, WF_METH_O, NULL},
    {"read", (void *)bytesio_read, WF_METH_FASTCALL, NULL},
    {"read1", (void *)bytesio_read, WF_METH_FASTCALL, NULL},
    {"readline", (void *)bytesio_readline, WF_METH_FASTCALL, NULL},
    {"readlines", (void *)io_readlines, WF_METH_FASTCALL, NULL},
    {"getvalue", (void *)bytesio_getvalue, WF_METH_NOARGS, NULL},
    {"getbuffer", (void *)bytesio_getbuffer, WF_METH_NOARGS, NULL},
    {"tell", (void *)bytesio_tell, WF_METH_NOARGS, NULL},
    {"seek", (void *)bytesio_seek, WF_METH_FASTCALL, NULL},
    {"truncate", (void *)bytesio_truncate, WF_METH_FASTCALL, NULL},
    {"close", (void *)bytesio_close, WF_METH_NOARGS, NULL},
    {"flush", (void *)bio_flush, WF_METH_NOARGS, NULL},
    {"readable", (void *)bio_true, WF_METH_NOARGS, NULL},
    {"writable", (void *)bio_true, WF_METH_NOARGS, NULL},
    {"seekable", (void *)bio_true, WF_METH_NOARGS, NULL},
    {"isatty", (void *)bio_false, WF_METH_NOARGS, NULL},
    {"__enter__", (void *)io_enter, WF_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, WF_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
static wf_getset_def bytesio_getset[] = {
    {"closed", bytesio_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
wf_type wfio_bytesio_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(bytesio),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = bytesio_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = io_iter_self,
    .tp_iternext = bytesio_iternext,
    .tp_new = bytesio_new,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
};

/* ------------------------------------------------------------------------
 * open() and the module
 * ---------------------------------------------------------------------- */
static int io_types_ready(void) {
    wf_type *types[] = {&wfio_fileio_type, &wfio_bufreader_type, &wfio_bufwriter_type,
                        &wfio_bufrandom_type, &wfio_textio_type, &wfio_stringio_type,
                        &wfio_bytesio_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (wf_type_ready(types[i]) < 0) return -1;
    return 0;
}

/* file argument: str/bytes/int as is, os.PathLike through __fspath__. */
static wf_object *io_fspath(wf_object *file) {
    if (WF_STR_CHECK(file) || WF_BYTES_CHECK(file) || WF_INT_CHECK(file)) return wf_newref(file);
    wf_object *m = NULL;
    wf_object *tp = (wf_object *)WF_TYPE(file);
    int r = wf_object_lookup_attr(tp, wf_str_intern_cstr("__fspath__"), &m);
    if (r < 0) return NULL;
    if (r == 0)
        return wf_err_format(&wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    wf_object *p = wf_object_call_one(m, file);
    wf_decref(m);
    if (!p) return NULL;
    if (!WF_STR_CHECK(p) && !WF_BYTES_CHECK(p)) {
        wf_err_format(&wf_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %T",
                      wf_type_name(WF_TYPE(file)), p);
        wf_decref(p);
        return NULL;
    }
    return p;
}

static wf_object *io_open_impl(wf_object *file, wf_object *modeobj, wf_ssize_t buffering,
                               wf_object *encoding, wf_object *errors, wf_object *newline,
                               int closefd) {
    const char *mode = "r";
    if (modeobj) {
        if (!WF_STR_CHECK(modeobj))
            return wf_err_format(&wf_exc_TypeError, "open() argument 'mode' must be str, not %T", modeobj);
        mode = wf_str_utf8(modeobj, NULL);
        if (!mode) return NULL;
    }
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, binary = 0;
    for (const char *m = mode; *m; m++) {
        const char *ok = "xrwab+tU";
        if (!strchr(ok, *m) || strchr(m + 1, *m)) {
            wf_err_format(&wf_exc_ValueError, "invalid mode: '%s'", mode);
            return NULL;
        }
        switch (*m) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        case 'U': reading = 1; break;
        }
    }
    if (text && binary) {
        wf_err_set_string(&wf_exc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (creating + reading + writing + appending > 1) {
        wf_err_set_string(&wf_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (!(creating || reading || writing || appending)) {
        wf_err_set_string(&wf_exc_ValueError,
                          "Must have exactly one of create/read/write/append mode and at most one plus");
        return NULL;
    }
    if (binary && !is_none(encoding)) {
        wf_err_set_string(&wf_exc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (binary && !is_none(errors)) {
        wf_err_set_string(&wf_exc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (binary && !is_none(newline)) {
        wf_err_set_string(&wf_exc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    if (!binary && buffering == 0) {
        wf_err_set_string(&wf_exc_ValueError, "can't have unbuffered text I/O");
        return NULL;
    }
    if (!is_none(encoding) && !WF_STR_CHECK(encoding))
        return wf_err_format(&wf_exc_TypeError, "open() argument 'encoding' must be str or None, not %T", encoding);
    if (!is_none(errors) && !WF_STR_CHECK(errors))
        return wf_err_format(&wf_exc_TypeError, "open() argument 'errors' must be str or None, not %T", errors);
    if (!is_none(newline)) {
        if (!WF_STR_CHECK(newline))
            return wf_err_format(&wf_exc_TypeError, "open() argument 'newline' must be str or None, not %T", newline);
        if (!wf_str_eq_cstr(newline, "") && !wf_str_eq_cstr(newline, "\n") &&
            !wf_str_eq_cstr(newline, "\r") && !wf_str_eq_cstr(newline, "\r\n"))
            return wf_err_format(&wf_exc_ValueError, "illegal newline value: %U", newline);
    }
    if (io_types_ready() < 0) return NULL;
    char rawmode[4];
    int k = 0;
    rawmode[k++] = creating ? 'x' : reading ? 'r' : writing ? 'w' : 'a';
    if (updating) rawmode[k++] = '+';
    rawmode[k] = 0;
    wf_object *path = io_fspath(file);
    if (!path) return NULL;
    fileio *raw = (fileio *)wf_type_generic_alloc(&wfio_fileio_type, 0);
    if (!raw) {
        wf_decref(path);
        return NULL;
    }
    atomic_store(&raw->fd, -1);
    int r = fio_open(raw, path, rawmode, closefd);
    wf_decref(path);
    if (r < 0) {
        wf_decref((wf_object *)raw);
        return NULL;
    }
    int line_buffering = 0;
    if (buffering == 1 || (buffering < 0 && isatty(fio_fd(raw)))) line_buffering = 1;
    if (buffering < 0) {
        struct stat st;
        buffering = DEFAULT_BUFFER_SIZE;
        if (fstat(fio_fd(raw), &st) == 0 && st.st_blksize > 1) buffering = st.st_blksize;
    }
    if (buffering == 0) return (wf_object *)raw;
    if (buffering == 1) buffering = DEFAULT_BUFFER_SIZE;
    wf_type *bt = updating ? &wfio_bufrandom_type
                  : (writing || appending || creating) ? &wfio_bufwriter_type
                                                       : &wfio_bufreader_type;
    buffered *b = (buffered *)wf_type_generic_alloc(bt, 0);
    if (!b) {
        wf_decref((wf_object *)raw);
        return NULL;
    }
    r = buf_init(b, (wf_object *)raw, buffering, updating || reading, updating || !reading);
    wf_decref((wf_object *)raw);
    if (r < 0) {
        wf_decref((wf_object *)b);
        return NULL;
    }
    if (binary) return (wf_object *)b;
    wf_object *enc = encoding;
    if (!is_none(enc) && wf_str_eq_cstr(enc, "locale")) enc = NULL;
    wf_object *t = text_create(&wfio_textio_type, (wf_object *)b, enc, errors, newline,
                               line_buffering, 0);
    if (!t) {
        wf_object *saved = wf_err_fetch();
        buf_close_impl(b);
        wf_err_clear();
        wf_err_restore(saved);
        wf_decref((wf_object *)b);
        return NULL;
    }
    wf_decref((wf_object *)b);
    wf_object *mo = modeobj ? wf_newref(modeobj) : wf_str_from_cstr("r");
    if (!mo) {
        wf_decref(t);
        return NULL;
    }
    ((textio *)t)->mode = mo;
    return t;
}

static wf_object *io_open(wf_object *self, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    (void)self;
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener", NULL};
    wf_object *a[8];
    if (parse_args("open", args, nargs, kwnames, names, a) < 0) return NULL;
    if (!a[0]) return wf_err_format(&wf_exc_TypeError, "open() missing required argument 'file' (pos 1)");
    wf_ssize_t buffering;
    if (a[2] && !wf_index_check(a[2]))
        return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", a[2]);
    if (arg_ssize(a[2], -1, &buffering) < 0) return NULL;
    int closefd = a[6] ? wf_object_is_true(a[6]) : 1;
    if (closefd < 0) return NULL;
    wf_object *file = a[0];
    wf_object *opened = NULL;
    if (!is_none(a[7])) {
        /* opener(path, flags) -> fd */
        wf_object *path = io_fspath(file);
        if (!path) return NULL;
        const char *m = a[1] && WF_STR_CHECK(a[1]) ? wf_str_utf8(a[1], NULL) : "r";
        int fl = strchr(m, '+') ? O_RDWR : strchr(m, 'r') ? O_RDONLY : O_WRONLY;
        if (strchr(m, 'w')) fl |= O_CREAT | O_TRUNC;
        if (strchr(m, 'a')) fl |= O_CREAT | O_APPEND;
        if (strchr(m, 'x')) fl |= O_CREAT | O_EXCL;
        fl |= O_CLOEXEC;
        wf_object *flo = wf_int_from_i64(fl);
        opened = flo ? wf_object_call_objs(a[7], path, flo, NULL) : NULL;
        wf_xdecref(flo);
        wf_decref(path);
        if (!opened) return NULL;
        file = opened;
    }
    wf_object *r = io_open_impl(file, a[1], buffering, a[3], a[4], a[5], closefd);
    if (r && opened) {
        /* name is the path, as in CPython */
        fileio *raw = NULL;
        if (FILEIO_CHECK(r)) raw = (fileio *)r;
        else if (is_buffered(r)) raw = ((buffered *)r)->fraw;
        else if (WF_TYPE(r) == &wfio_textio_type && ((textio *)r)->bbuf) raw = ((textio *)r)->bbuf->fraw;
        if (raw) {
            wf_object *old = raw->name;
            raw->name = wf_newref(a[0]);
            wf_xdecref(old);
            raw->closefd = 1;
        }
    }
    wf_xdecref(opened);
    return r;
}

static wf_object *io_text_encoding(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (nargs < 1 || nargs > 2) return wf_err_format(&wf_exc_TypeError, "text_encoding expected 1 or 2 arguments");
    if (!is_none(args[0])) return wf_newref(args[0]);
    return wf_str_from_cstr("locale");
}

static wf_object *io_open_code(wf_object *self, wf_object *arg) {
    (void)self;
    if (!WF_STR_CHECK(arg)) return wf_err_format(&wf_exc_TypeError, "open_code() argument 'path' must be str, not %T", arg);
    wf_object *m = wf_str_from_cstr("rb");
    if (!m) return NULL;
    wf_object *r = io_open_impl(arg, m, -1, NULL, NULL, NULL, 1);
    wf_decref(m);
    return r;
}

static wf_method_def io_functions[] = {
    {"open", (void *)io_open, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Open file and return a stream.  Raise OSError upon failure."},
    {"text_encoding", (void *)io_text_encoding, WF_METH_FASTCALL, NULL},
    {"open_code", (void *)io_open_code, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_io) {
    if (io_types_ready() < 0) return NULL;
    wf_object *m = wf_module_new("_io");
    if (!m) return NULL;
    if (wf_module_add_functions(m, io_functions) < 0) goto fail;
    if (!unsupported_exc) {
        wf_object *bases = wf_tuple_pack(2, (wf_object *)&wf_exc_OSError, (wf_object *)&wf_exc_ValueError);
        wf_object *dict = wf_dict_new();
        wf_object *modname = wf_str_from_cstr("io");
        if (bases && dict && modname && wf_dict_set_item_string(dict, "__module__", modname) == 0)
            unsupported_exc = wf_type_new_from_spec("UnsupportedOperation", bases, dict);
        wf_xdecref(bases);
        wf_xdecref(dict);
        wf_xdecref(modname);
        if (!unsupported_exc) goto fail;
    }
    struct {
        const char *name;
        wf_object *obj;
    } items[] = {
        {"FileIO", (wf_object *)&wfio_fileio_type},
        {"BufferedReader", (wf_object *)&wfio_bufreader_type},
        {"BufferedWriter", (wf_object *)&wfio_bufwriter_type},
        {"BufferedRandom", (wf_object *)&wfio_bufrandom_type},
        {"TextIOWrapper", (wf_object *)&wfio_textio_type},
        {"StringIO", (wf_object *)&wfio_stringio_type},
        {"BytesIO", (wf_object *)&wfio_bytesio_type},
        {"UnsupportedOperation", unsupported_exc},
        {"BlockingIOError", (wf_object *)&wf_exc_BlockingIOError},
    };
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        if (wf_module_add_object(m, items[i].name, items[i].obj) < 0) goto fail;
    wf_object *bs = wf_int_from_i64(DEFAULT_BUFFER_SIZE);
    if (!bs || wf_module_add_object(m, "DEFAULT_BUFFER_SIZE", bs) < 0) {
        wf_xdecref(bs);
        goto fail;
    }
    wf_decref(bs);
    return m;
fail:
    wf_decref(m);
    return NULL;
}

/* ------------------------------------------------------------------------
 * The standard streams (runtime/modules/io.h)
 * ---------------------------------------------------------------------- */
wf_object *wfio_std_stream(int fd, const char *mode, int line_buffered) {
    if (io_types_ready() < 0) return NULL;
    int reading = mode[0] == 'r';
    fileio *raw = (fileio *)wf_type_generic_alloc(&wfio_fileio_type, 0);
    if (!raw) return NULL;
    atomic_store(&raw->fd, fd);
    raw->readable = (char)reading;
    raw->writable = (char)!reading;
    raw->closefd = 0;
    raw->seekable = -1;
    raw->name = fd == 0 ? wf_str_from_cstr("<stdin>") : fd == 1 ? wf_str_from_cstr("<stdout>")
                : fd == 2 ? wf_str_from_cstr("<stderr>") : wf_int_from_i64(fd);
    if (!raw->name) {
        wf_decref((wf_object *)raw);
        return NULL;
    }
    buffered *b = (buffered *)wf_type_generic_alloc(reading ? &wfio_bufreader_type : &wfio_bufwriter_type, 0);
    if (!b) {
        wf_decref((wf_object *)raw);
        return NULL;
    }
    int r = buf_init(b, (wf_object *)raw, DEFAULT_BUFFER_SIZE, reading, !reading);
    wf_decref((wf_object *)raw);
    if (r < 0) {
        wf_decref((wf_object *)b);
        return NULL;
    }
    wf_object *enc = wf_str_from_cstr("utf-8");
    wf_object *errs = wf_str_from_cstr(fd == 2 ? "backslashreplace" : "surrogateescape");
    wf_object *nl = wf_str_from_cstr("\n");
    wf_object *t = enc && errs && nl ? text_create(&wfio_textio_type, (wf_object *)b, enc, errs, nl,
                                                   line_buffered == 1, line_buffered == 2)
                                     : NULL;
    wf_xdecref(enc);
    wf_xdecref(errs);
    wf_xdecref(nl);
    wf_decref((wf_object *)b);
    if (!t) return NULL;
    ((textio *)t)->mode = wf_str_from_cstr(reading ? "r" : "w");
    if (!((textio *)t)->mode) {
        wf_decref(t);
        return NULL;
    }
    return t;
}

int wfio_write_str(wf_object *stream, wf_object *s) {
    wf_type *tp = WF_TYPE(stream);
    if (tp == &wfio_textio_type) return text_write_impl((textio *)stream, s);
    if (tp == &wfio_stringio_type) {
        stringio *so = (stringio *)stream;
        if (sio_check(so) < 0) return -1;
        wf_ssize_t r;
        WF_BEGIN_CRITICAL_SECTION(so);
        r = sio_write_locked(so, s);
        WF_END_CRITICAL_SECTION();
        return r < 0 ? -1 : 0;
    }
    return -2;
}

int wfio_flush(wf_object *stream) {
    wf_type *tp = WF_TYPE(stream);
    if (tp == &wfio_textio_type) {
        textio *t = (textio *)stream;
        int c = text_closed(t);
        if (c < 0) return -1;
        if (c) return 0; /* flushing a closed std stream is silently ignored at exit */
        return text_flush_impl(t);
    }
    if (tp == &wfio_stringio_type) return 0;
    return -2;
}

void wfio_flush_std(void) {
    wf_object *sysdict = wfv_interp_state.sysdict;
    if (!sysdict) return;
    const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        wf_object *s = NULL;
        if (wf_dict_get_item_string_ref(sysdict, names[i], &s) <= 0) {
            wf_err_clear();
            continue;
        }
        if (s != wf_None) {
            int r = wfio_flush(s);
            if (r == -2) {
                wf_object *x = wf_object_call_method(s, "flush", NULL, 0);
                if (!x) r = -1;
                wf_xdecref(x);
            }
            if (r < 0) wf_err_clear();
        }
        wf_decref(s);
    }
}
