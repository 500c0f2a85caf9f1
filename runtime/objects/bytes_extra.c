/*
 * runtime/objects/bytes_extra.c — the bytes and bytearray methods that
 * bytes.c/bytearray.c do not define: ASCII case mapping and predicates,
 * center/ljust/rjust/zfill, expandtabs, partition/rpartition,
 * removeprefix/removesuffix, splitlines, maketrans/translate, printf-style
 * formatting (__mod__/__rmod__), bytes.__bytes__/__getnewargs__ and
 * bytearray.__alloc__, with CPython 3.11's results and error messages.
 *
 * Thread-safety: bytes are immutable; a bytearray is read through a bytes
 * snapshot taken under its lock (wf_bytes_snapshot, as bytearray.c does),
 * so no method here touches a bytearray's buffer while running other code.
 * Results are built in private malloc'd buffers.  The init function runs
 * once from wfo_methods_extra_init (single-threaded).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/bytes_impl.h"
#include "runtime/objects/format.h"
#include "runtime/objects/objimpl.h"

int wfo_extra_add_methods(wf_type *type, wf_method_def *defs); /* number_extra.c */

/* --- a growable byte buffer -------------------------------------------------- */
typedef struct {
    char *p;
    wf_ssize_t n, cap;
} bbuf;

static int bb_reserve(bbuf *b, wf_ssize_t extra) {
    if (b->n + extra <= b->cap) return 0;
    wf_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + extra) cap *= 2;
    char *np = realloc(b->p, (size_t)cap);
    if (!np) {
        wf_err_no_memory();
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}
static int bb_put(bbuf *b, const void *p, wf_ssize_t n) {
    if (n <= 0) return 0;
    if (bb_reserve(b, n) < 0) return -1;
    memcpy(b->p + b->n, p, (size_t)n);
    b->n += n;
    return 0;
}
static int bb_fill(bbuf *b, char c, wf_ssize_t n) {
    if (n <= 0) return 0;
    if (bb_reserve(b, n) < 0) return -1;
    memset(b->p + b->n, c, (size_t)n);
    b->n += n;
    return 0;
}
static wf_object *bb_finish(bbuf *b, int ba) {
    wf_object *r = wfo_bytes_make(ba, b->p ? b->p : "", b->n);
    free(b->p);
    b->p = NULL;
    return r;
}

#define IS_BA(self) (WF_BYTEARRAY_CHECK(self))
#define DATA(b) ((const unsigned char *)WF_BYTES_DATA(b))
#define SIZE(b) WF_BYTES_SIZE(b)

/* self unchanged: self itself for exact bytes, else a copy of kind self. */
static wf_object *same(wf_object *self, wf_object *snap) {
    if (WF_TYPE(self) == &wf_bytes_type) return wf_newref(self);
    return wfo_bytes_make(IS_BA(self), DATA(snap), SIZE(snap));
}

/* --- ASCII character classes -------------------------------------------------- */
static int a_lower(int c) { return c >= 'a' && c <= 'z'; }
static int a_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int a_alpha(int c) { return a_lower(c) || a_upper(c); }
static int a_digit(int c) { return c >= '0' && c <= '9'; }
static int a_alnum(int c) { return a_alpha(c) || a_digit(c); }
static int a_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int to_lower(int c) { return a_upper(c) ? c + 32 : c; }
static int to_upper(int c) { return a_lower(c) ? c - 32 : c; }

enum { C_LOWER, C_UPPER, C_SWAP, C_CAP, C_TITLE };

static wf_object *case_map(wf_object *self, int how) {
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) return NULL;
    wf_ssize_t n = SIZE(s);
    const unsigned char *d = DATA(s);
    char *out = malloc((size_t)n + 1);
    if (!out) {
        wf_decref(s);
        return wf_err_no_memory();
    }
    int prev_cased = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        int c = d[i], r = c;
        switch (how) {
        case C_LOWER: r = to_lower(c); break;
        case C_UPPER: r = to_upper(c); break;
        case C_SWAP: r = a_upper(c) ? to_lower(c) : to_upper(c); break;
        case C_CAP: r = i == 0 ? to_upper(c) : to_lower(c); break;
        case C_TITLE:
            r = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = a_alpha(c);
            break;
        }
        out[i] = (char)r;
    }
    wf_object *res = wfo_bytes_make(IS_BA(self), out, n);
    free(out);
    wf_decref(s);
    return res;
}
static wf_object *b_lower(wf_object *s, wf_object *u) { (void)u; return case_map(s, C_LOWER); }
static wf_object *b_upper(wf_object *s, wf_object *u) { (void)u; return case_map(s, C_UPPER); }
static wf_object *b_swapcase(wf_object *s, wf_object *u) { (void)u; return case_map(s, C_SWAP); }
static wf_object *b_capitalize(wf_object *s, wf_object *u) { (void)u; return case_map(s, C_CAP); }
static wf_object *b_title(wf_object *s, wf_object *u) { (void)u; return case_map(s, C_TITLE); }

enum { P_ALNUM, P_ALPHA, P_ASCII, P_DIGIT, P_LOWER, P_SPACE, P_TITLE, P_UPPER };

static wf_object *predicate(wf_object *self, int which) {
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) return NULL;
    wf_ssize_t n = SIZE(s);
    const unsigned char *d = DATA(s);
    int r;
    if (which == P_ASCII) {
        r = 1;
        for (wf_ssize_t i = 0; i < n; i++)
            if (d[i] >= 128) r = 0;
    } else if (which == P_LOWER || which == P_UPPER) {
        int cased = 0;
        r = 1;
        for (wf_ssize_t i = 0; i < n; i++) {
            if (which == P_LOWER ? a_upper(d[i]) : a_lower(d[i])) r = 0;
            if (which == P_LOWER ? a_lower(d[i]) : a_upper(d[i])) cased = 1;
        }
        r = r && cased;
    } else if (which == P_TITLE) {
        int cased = 0, prev = 0;
        r = 1;
        for (wf_ssize_t i = 0; i < n; i++) {
            int c = d[i];
            if (a_upper(c)) {
                if (prev) r = 0;
                prev = cased = 1;
            } else if (a_lower(c)) {
                if (!prev) r = 0;
                prev = cased = 1;
            } else {
                prev = 0;
            }
        }
        r = r && cased;
    } else {
        r = n > 0;
        for (wf_ssize_t i = 0; i < n; i++) {
            int c = d[i], ok = which == P_ALNUM   ? a_alnum(c)
                               : which == P_ALPHA ? a_alpha(c)
                               : which == P_DIGIT ? a_digit(c)
                                                  : a_space(c);
            if (!ok) r = 0;
        }
    }
    wf_decref(s);
    return wf_newref(wf_bool_from(r));
}
static wf_object *b_isalnum(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_ALNUM); }
static wf_object *b_isalpha(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_ALPHA); }
static wf_object *b_isascii(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_ASCII); }
static wf_object *b_isdigit(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_DIGIT); }
static wf_object *b_islower(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_LOWER); }
static wf_object *b_isspace(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_SPACE); }
static wf_object *b_istitle(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_TITLE); }
static wf_object *b_isupper(wf_object *s, wf_object *u) { (void)u; return predicate(s, P_UPPER); }

/* --- padding -------------------------------------------------------------------- */
static int get_width(wf_object *o, wf_ssize_t *w) {
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    *w = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    return (*w == -1 && wf_err_occurred()) ? -1 : 0;
}

static wf_object *pad_method(const char *name, wf_object *self, wf_object *const *args,
                             wf_ssize_t nargs, int how) {
    if (wf_check_nargs(name, nargs, 1, 2) < 0) return NULL;
    wf_ssize_t width;
    if (get_width(args[0], &width) < 0) return NULL;
    char fill = ' ';
    if (nargs == 2) {
        wf_object *f = args[1];
        if (WF_BYTES_CHECK(f) && SIZE(f) == 1) fill = WF_BYTES_DATA(f)[0];
        else if (WF_BYTEARRAY_CHECK(f) && ((wf_bytearray *)f)->ob_size == 1) {
            wf_object *fs = wf_bytes_snapshot(f);
            if (!fs) return NULL;
            if (SIZE(fs) != 1) {
                wf_decref(fs);
                return wf_err_format(&wf_exc_TypeError,
                                     "%s() argument 2 must be a byte string of length 1, not %T",
                                     name, f);
            }
            fill = WF_BYTES_DATA(fs)[0];
            wf_decref(fs);
        } else {
            return wf_err_format(&wf_exc_TypeError,
                                 "%s() argument 2 must be a byte string of length 1, not %T", name,
                                 f);
        }
    }
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) return NULL;
    wf_ssize_t n = SIZE(s);
    if (width <= n) {
        wf_object *r = same(self, s);
        wf_decref(s);
        return r;
    }
    wf_ssize_t marg = width - n, left;
    if (how == 0) left = marg / 2 + (marg & width & 1);
    else if (how == 1) left = 0;
    else left = marg;
    bbuf b = {0};
    int ok = bb_fill(&b, fill, left) == 0 && bb_put(&b, DATA(s), n) == 0 &&
             bb_fill(&b, fill, marg - left) == 0;
    wf_decref(s);
    if (!ok) {
        free(b.p);
        return NULL;
    }
    return bb_finish(&b, IS_BA(self));
}
static wf_object *b_center(wf_object *s, wf_object *const *a, wf_ssize_t n) { return pad_method("center", s, a, n, 0); }
static wf_object *b_ljust(wf_object *s, wf_object *const *a, wf_ssize_t n) { return pad_method("ljust", s, a, n, 1); }
static wf_object *b_rjust(wf_object *s, wf_object *const *a, wf_ssize_t n) { return pad_method("rjust", s, a, n, 2); }

static wf_object *b_zfill(wf_object *self, wf_object *arg) {
    wf_ssize_t width;
    if (get_width(arg, &width) < 0) return NULL;
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) return NULL;
    wf_ssize_t n = SIZE(s);
    if (width <= n) {
        wf_object *r = same(self, s);
        wf_decref(s);
        return r;
    }
    wf_ssize_t fill = width - n;
    char *out = malloc((size_t)width);
    if (!out) {
        wf_decref(s);
        return wf_err_no_memory();
    }
    memset(out, '0', (size_t)fill);
    memcpy(out + fill, DATA(s), (size_t)n);
    if (n > 0 && (out[fill] == '+' || out[fill] == '-')) {
        out[0] = out[fill];
        out[fill] = '0';
    }
    wf_object *r = wfo_bytes_make(IS_BA(self), out, width);
    free(out);
    wf_decref(s);
    return r;
}

/* --- expandtabs / splitlines ------------------------------------------------------ */
static int kw_parse(const char *fname, const char *kwname, wf_object *const *args, wf_ssize_t nargs,
                    wf_object *kwnames, wf_object **out) {
    *out = NULL;
    if (nargs > 1)
        return wf_err_format(&wf_exc_TypeError,
                             "%s() takes at most 1 argument (%zd given)", fname, nargs),
               -1;
    if (nargs == 1) *out = args[0];
    wf_ssize_t nkw = kwnames ? ((wf_tuple *)kwnames)->ob_size : 0;
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *key = WF_TUPLE_ITEM(kwnames, k);
        if (!wf_str_eq_cstr(key, kwname)) {
            wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (*out) {
            wf_err_format(&wf_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (1)", fname, kwname);
            return -1;
        }
        *out = args[nargs + k];
    }
    return 0;
}

static wf_object *b_expandtabs(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    wf_object *a;
    if (kw_parse("expandtabs", "tabsize", args, nargs, kwnames, &a) < 0) return NULL;
    wf_ssize_t tabsize = 8;
    if (a) {
        if (!WF_INT_CHECK(a))
            return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                                 a);
        if (get_width(a, &tabsize) < 0) return NULL;
    }
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) return NULL;
    bbuf b = {0};
    wf_ssize_t col = 0;
    for (wf_ssize_t i = 0; i < SIZE(s); i++) {
        char c = (char)DATA(s)[i];
        int r = 0;
        if (c == '\t') {
            if (tabsize > 0) {
                wf_ssize_t k = tabsize - col % tabsize;
                r = bb_fill(&b, ' ', k);
                col += k;
            }
        } else {
            r = bb_put(&b, &c, 1);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (r < 0) {
            free(b.p);
            wf_decref(s);
            return NULL;
        }
    }
    wf_decref(s);
    return bb_finish(&b, IS_BA(self));
}

static wf_object *b_splitlines(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    wf_object *a;
    if (kw_parse("splitlines", "keepends", args, nargs, kwnames, &a) < 0) return NULL;
    int keep = 0;
    if (a) {
        if (WF_FLOAT_CHECK(a))
            return wf_err_format(&wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
        keep = wf_object_is_true(a);
        if (keep < 0) return NULL;
    }
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) return NULL;
    wf_object *lst = wf_list_new(0);
    if (!lst) {
        wf_decref(s);
        return NULL;
    }
    const unsigned char *d = DATA(s);
    wf_ssize_t n = SIZE(s), i = 0;
    int ba = IS_BA(self);
    while (i < n) {
        wf_ssize_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r') j++;
        wf_ssize_t eol = j;
        if (j < n) {
            if (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n') j += 2;
            else j++;
            if (keep) eol = j;
        }
        wf_object *line;
        if (!ba && i == 0 && eol == n && WF_TYPE(self) == &wf_bytes_type) line = wf_newref(self);
        else line = wfo_bytes_make(ba, d + i, eol - i);
        if (!line || wf_list_append(lst, line) < 0) {
            wf_xdecref(line);
            wf_decref(lst);
            wf_decref(s);
            return NULL;
        }
        wf_decref(line);
        i = j;
    }
    wf_decref(s);
    return lst;
}

/* --- partition / removeprefix ------------------------------------------------------ */
static wf_object *partition_impl(wf_object *self, wf_object *sepo, int right) {
    wf_object *sep = wfo_bytes_like(sepo);
    if (!sep) return NULL;
    if (SIZE(sep) == 0) {
        wf_decref(sep);
        return wf_err_format(&wf_exc_ValueError, "empty separator");
    }
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) {
        wf_decref(sep);
        return NULL;
    }
    const unsigned char *d = DATA(s), *p = DATA(sep);
    wf_ssize_t n = SIZE(s), m = SIZE(sep), pos = -1;
    if (m <= n) {
        if (right) {
            for (wf_ssize_t i = n - m; i >= 0; i--)
                if (memcmp(d + i, p, (size_t)m) == 0) {
                    pos = i;
                    break;
                }
        } else {
            for (wf_ssize_t i = 0; i + m <= n; i++)
                if (memcmp(d + i, p, (size_t)m) == 0) {
                    pos = i;
                    break;
                }
        }
    }
    int ba = IS_BA(self);
    wf_object *a, *b, *c;
    if (pos < 0) {
        wf_object *whole = same(self, s);
        wf_object *e1 = wfo_bytes_make(ba, "", 0), *e2 = wfo_bytes_make(ba, "", 0);
        if (right) a = e1, b = e2, c = whole;
        else a = whole, b = e1, c = e2;
    } else {
        a = wfo_bytes_make(ba, d, pos);
        b = !ba ? wf_newref(sepo) : wfo_bytes_make(ba, p, m); /* bytes: the sep object itself */
        c = wfo_bytes_make(ba, d + pos + m, n - pos - m);
    }
    wf_object *r = (a && b && c) ? wf_tuple_pack(3, a, b, c) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    wf_xdecref(c);
    wf_decref(s);
    wf_decref(sep);
    return r;
}
static wf_object *b_partition(wf_object *s, wf_object *x) { return partition_impl(s, x, 0); }
static wf_object *b_rpartition(wf_object *s, wf_object *x) { return partition_impl(s, x, 1); }

static wf_object *remove_affix(wf_object *self, wf_object *xo, int suffix) {
    wf_object *x = wfo_bytes_like(xo);
    if (!x) return NULL;
    wf_object *s = wf_bytes_snapshot(self);
    if (!s) {
        wf_decref(x);
        return NULL;
    }
    wf_ssize_t n = SIZE(s), m = SIZE(x);
    wf_object *r;
    if (m > 0 && m <= n &&
        memcmp(DATA(s) + (suffix ? n - m : 0), DATA(x), (size_t)m) == 0)
        r = wfo_bytes_make(IS_BA(self), DATA(s) + (suffix ? 0 : m), n - m);
    else
        r = same(self, s);
    wf_decref(s);
    wf_decref(x);
    return r;
}
static wf_object *b_removeprefix(wf_object *s, wf_object *x) { return remove_affix(s, x, 0); }
static wf_object *b_removesuffix(wf_object *s, wf_object *x) { return remove_affix(s, x, 1); }

/* --- maketrans / translate ------------------------------------------------------------ */
static wf_object *b_maketrans(wf_object *unused, wf_object *const *args, wf_ssize_t nargs) {
    (void)unused;
    if (wf_check_nargs("maketrans", nargs, 2, 2) < 0) return NULL;
    wf_object *f = wfo_bytes_like(args[0]);
    if (!f) return NULL;
    wf_object *t = wfo_bytes_like(args[1]);
    if (!t) {
        wf_decref(f);
        return NULL;
    }
    wf_object *r = NULL;
    if (SIZE(f) != SIZE(t)) {
        wf_err_format(&wf_exc_ValueError, "maketrans arguments must have same length");
    } else {
        unsigned char tab[256];
        for (int i = 0; i < 256; i++) tab[i] = (unsigned char)i;
        for (wf_ssize_t i = 0; i < SIZE(f); i++) tab[DATA(f)[i]] = DATA(t)[i];
        r = wf_bytes_from_data(tab, 256);
    }
    wf_decref(f);
    wf_decref(t);
    return r;
}

static wf_object *b_translate(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    wf_object *table = NULL, *del = NULL;
    wf_ssize_t nkw = kwnames ? ((wf_tuple *)kwnames)->ob_size : 0;
    if (nargs > 2)
        return wf_err_format(&wf_exc_TypeError, "translate() takes at most 2 arguments (%zd given)",
                             nargs + nkw);
    if (nargs >= 1) table = args[0];
    if (nargs >= 2) del = args[1];
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *key = WF_TUPLE_ITEM(kwnames, k);
        if (!wf_str_eq_cstr(key, "delete") || del)
            return wf_err_format(&wf_exc_TypeError,
                                 wf_str_eq_cstr(key, "delete")
                                     ? "argument for translate() given by name ('delete') and position (2)"
                                     : "'%U' is an invalid keyword argument for translate()",
                                 key);
        del = args[nargs + k];
    }
    if (!table)
        return wf_err_format(&wf_exc_TypeError, "translate() takes at least 1 positional argument (0 given)");
    wf_object *tb = NULL, *db = NULL, *s = NULL, *r = NULL;
    if (table != wf_None) {
        tb = wfo_bytes_like(table);
        if (!tb) return NULL;
        if (SIZE(tb) != 256) {
            wf_decref(tb);
            return wf_err_format(&wf_exc_ValueError, "translation table must be 256 characters long");
        }
    }
    if (del) {
        db = wfo_bytes_like(del);
        if (!db) goto out;
    }
    s = wf_bytes_snapshot(self);
    if (!s) goto out;
    unsigned char deleted[256] = {0};
    if (db)
        for (wf_ssize_t i = 0; i < SIZE(db); i++) deleted[DATA(db)[i]] = 1;
    bbuf b = {0};
    int changed = 0;
    for (wf_ssize_t i = 0; i < SIZE(s); i++) {
        unsigned char c = DATA(s)[i];
        if (deleted[c]) {
            changed = 1;
            continue;
        }
        unsigned char o = tb ? DATA(tb)[c] : c;
        if (o != c) changed = 1;
        if (bb_put(&b, &o, 1) < 0) {
            free(b.p);
            goto out;
        }
    }
    if (!changed && !IS_BA(self) && WF_TYPE(self) == &wf_bytes_type) {
        free(b.p);
        r = wf_newref(self);
    } else {
        r = bb_finish(&b, IS_BA(self));
    }
out:
    wf_xdecref(tb);
    wf_xdecref(db);
    wf_xdecref(s);
    return r;
}

/* --- printf-style formatting ------------------------------------------------------------ */

/* The bytes for %b/%s: a bytes-like object or __bytes__. */
static wf_object *format_bytes_arg(wf_object *v) {
    if (WF_BYTES_CHECK(v) || WF_BYTEARRAY_CHECK(v)) return wf_bytes_snapshot(v);
    wf_object *meth = NULL;
    int r = wf_object_lookup_attr((wf_object *)WF_TYPE(v), wf_str_intern_cstr("__bytes__"), &meth);
    if (r < 0) return NULL;
    if (r > 0) {
        wf_decref(meth);
        wf_object *res = wf_object_call_method(v, "__bytes__", NULL, 0);
        if (res && !WF_BYTES_CHECK(res)) {
            wf_err_format(&wf_exc_TypeError, "__bytes__ returned non-bytes (type %T)", res);
            wf_decref(res);
            return NULL;
        }
        return res;
    }
    wf_object *mb = wfo_bytes_like(v);
    if (mb) return mb;
    wf_err_clear();
    return wf_err_format(&wf_exc_TypeError,
                         "%%b requires a bytes-like object, or an object that implements "
                         "__bytes__, not '%T'",
                         v);
}

/* Formats one numeric conversion by delegating to str %: spec is the
 * conversion text ("%-5.2f"), result ASCII-encoded into out. */
static int format_number(bbuf *out, const char *spec, size_t speclen, wf_object *v) {
    wf_object *fs = wf_str_from_utf8(spec, (wf_ssize_t)speclen);
    if (!fs) return -1;
    wf_object *t = wf_tuple_pack(1, v);
    wf_object *r = t ? wfo_str_mod(fs, t) : NULL;
    wf_xdecref(t);
    wf_decref(fs);
    if (!r) return -1;
    wf_ssize_t n;
    const char *u = wf_str_utf8(r, &n);
    int rc = u ? bb_put(out, u, n) : -1;
    wf_decref(r);
    return rc;
}

static wf_object *bytes_mod(wf_object *fmt, wf_object *args) {
    wf_object *s = wf_bytes_snapshot(fmt);
    if (!s) return NULL;
    const char *f = (const char *)DATA(s);
    wf_ssize_t n = SIZE(s);
    int is_tuple = WF_TYPE(args) == &wf_tuple_type ||
                   wf_type_is_subtype(WF_TYPE(args), &wf_tuple_type);
    wf_ssize_t argc = is_tuple ? ((wf_tuple *)args)->ob_size : 1, argi = 0;
    int is_map = !is_tuple && WF_TYPE(args)->tp_as_mapping &&
                 WF_TYPE(args)->tp_as_mapping->mp_subscript && !WF_BYTES_CHECK(args) &&
                 !WF_BYTEARRAY_CHECK(args) && !WF_STR_CHECK(args);
    bbuf b = {0};
    wf_object *mapval = NULL;
    int used_map = 0;
    for (wf_ssize_t i = 0; i < n;) {
        if (f[i] != '%') {
            wf_ssize_t j = i;
            while (j < n && f[j] != '%') j++;
            if (bb_put(&b, f + i, j - i) < 0) goto fail;
            i = j;
            continue;
        }
        wf_ssize_t start = i++;
        if (i < n && f[i] == '(') {
            if (!is_map) {
                wf_err_format(&wf_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            int depth = 1;
            wf_ssize_t ks = ++i;
            while (i < n && depth) {
                if (f[i] == '(') depth++;
                else if (f[i] == ')') depth--;
                i++;
            }
            if (depth) {
                wf_err_format(&wf_exc_ValueError, "incomplete format key");
                goto fail;
            }
            wf_object *key = wf_bytes_from_data(f + ks, i - 1 - ks);
            if (!key) goto fail;
            wf_xdecref(mapval);
            mapval = wf_object_get_item(args, key);
            wf_decref(key);
            if (!mapval) goto fail;
            used_map = 1;
        }
        /* flags, width, precision: collected into a spec for numbers */
        char spec[64];
        size_t sl = 0;
        spec[sl++] = '%';
        int left = 0;
        while (i < n && strchr("-+ #0", f[i]) && f[i]) {
            if (f[i] == '-') left = 1;
            if (sl < 40) spec[sl++] = f[i];
            i++;
        }
        wf_ssize_t width = -1, prec = -1;
        for (int part = 0; part < 2; part++) {
            if (part == 1) {
                if (i < n && f[i] == '.') {
                    i++;
                    prec = 0;
                } else break;
            }
            wf_ssize_t val = -1;
            if (i < n && f[i] == '*') {
                i++;
                if (mapval || argi >= argc) {
                    wf_err_format(&wf_exc_TypeError, "not enough arguments for format string");
                    goto fail;
                }
                wf_object *w = is_tuple ? WF_TUPLE_ITEM(args, argi) : args;
                argi++;
                if (!WF_INT_CHECK(w)) {
                    wf_err_format(&wf_exc_TypeError, "* wants int");
                    goto fail;
                }
                val = wf_int_as_ssize(w);
                if (val == -1 && wf_err_occurred()) goto fail;
                if (part == 0 && val < 0) {
                    left = 1;
                    val = -val;
                    if (sl < 40) spec[sl++] = '-';
                }
            } else {
                while (i < n && f[i] >= '0' && f[i] <= '9') {
                    val = (val < 0 ? 0 : val) * 10 + (f[i] - '0');
                    i++;
                }
            }
            if (part == 0) width = val;
            else prec = val < 0 ? 0 : val;
        }
        if (width >= 0) sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%zd", width);
        if (prec >= 0) sl += (size_t)snprintf(spec + sl, sizeof spec - sl, ".%zd", prec);
        while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++;
        if (i >= n) {
            wf_err_format(&wf_exc_ValueError, "incomplete format");
            goto fail;
        }
        char conv = f[i++];
        if (conv == '%') {
            if (bb_put(&b, "%", 1) < 0) goto fail;
            continue;
        }
        wf_object *v;
        if (mapval) {
            v = mapval;
        } else {
            if (argi >= argc) {
                wf_err_format(&wf_exc_TypeError, "not enough arguments for format string");
                goto fail;
            }
            v = is_tuple ? WF_TUPLE_ITEM(args, argi) : args;
            argi++;
        }
        wf_object *piece = NULL;
        switch (conv) {
        case 'b':
        case 's':
            piece = format_bytes_arg(v);
            if (!piece) goto fail;
            break;
        case 'r':
        case 'a': {
            wf_object *rs = wf_object_ascii(v);
            if (!rs) goto fail;
            wf_ssize_t ln;
            const char *u = wf_str_utf8(rs, &ln);
            piece = u ? wf_bytes_from_data(u, ln) : NULL;
            wf_decref(rs);
            if (!piece) goto fail;
            break;
        }
        case 'c': {
            unsigned char c;
            if (WF_BYTES_CHECK(v) && SIZE(v) == 1) c = DATA(v)[0];
            else if (WF_BYTEARRAY_CHECK(v) && ((wf_bytearray *)v)->ob_size == 1) {
                wf_object *vs = wf_bytes_snapshot(v);
                if (!vs) goto fail;
                c = DATA(vs)[0];
                wf_decref(vs);
            } else if (WF_INT_CHECK(v)) {
                int ov = 0;
                int64_t iv = wf_int_as_i64_overflow(v, &ov);
                if (ov || iv < 0 || iv > 255) {
                    wf_err_format(&wf_exc_OverflowError, "%%c arg not in range(256)");
                    goto fail;
                }
                c = (unsigned char)iv;
            } else {
                wf_err_format(&wf_exc_TypeError,
                              "%%c requires an integer in range(256) or a single byte");
                goto fail;
            }
            piece = wf_bytes_from_data(&c, 1);
            if (!piece) goto fail;
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            if (!WF_INT_CHECK(v) && !WF_FLOAT_CHECK(v) &&
                !(strchr("eEfFgG", conv) && wf_object_hasattr(v, WFO_ID(__float__))) &&
                !wf_index_check(v)) {
                if (strchr("eEfFgG", conv))
                    wf_err_format(&wf_exc_TypeError, "float argument required, not %T", v);
                else if (conv == 'o' || conv == 'x' || conv == 'X')
                    wf_err_format(&wf_exc_TypeError,
                                  "%%%c format: an integer is required, not %T", conv, v);
                else
                    wf_err_format(&wf_exc_TypeError,
                                  "%%%c format: a real number is required, not %T", conv, v);
                goto fail;
            }
            spec[sl] = conv;
            if (format_number(&b, spec, sl + 1, v) < 0) goto fail;
            continue;
        }
        default:
            wf_err_format(&wf_exc_ValueError,
                          "unsupported format character '%c' (0x%x) at index %zd",
                          (int)(unsigned char)conv, (unsigned)(unsigned char)conv, i - 1);
            goto fail;
        }
        /* piece: strings get precision truncation and width padding */
        {
            wf_ssize_t pl = SIZE(piece);
            if (prec >= 0 && (conv == 'b' || conv == 's' || conv == 'r' || conv == 'a') && pl > prec)
                pl = prec;
            wf_ssize_t padn = width > pl ? width - pl : 0;
            int rc = 0;
            if (!left) rc |= bb_fill(&b, ' ', padn);
            rc |= bb_put(&b, DATA(piece), pl);
            if (left) rc |= bb_fill(&b, ' ', padn);
            wf_decref(piece);
            if (rc) goto fail;
        }
        (void)start;
    }
    if (!used_map && argi < argc && !(is_map && !is_tuple)) {
        wf_err_format(&wf_exc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    wf_xdecref(mapval);
    wf_decref(s);
    return bb_finish(&b, IS_BA(fmt));
fail:
    free(b.p);
    wf_xdecref(mapval);
    wf_decref(s);
    return NULL;
}

static wf_object *b_mod(wf_object *self, wf_object *args) {
    if (!WF_BYTES_CHECK(self) && !WF_BYTEARRAY_CHECK(self)) return wf_newref(wf_NotImplemented);
    return bytes_mod(self, args);
}
static wf_object *b_rmod(wf_object *self, wf_object *other) {
    (void)self;
    (void)other;
    return wf_newref(wf_NotImplemented);
}

/* --- misc ---------------------------------------------------------------------------------- */
static wf_object *b_bytes(wf_object *self, wf_object *unused) {
    (void)unused;
    if (WF_TYPE(self) == &wf_bytes_type) return wf_newref(self);
    return wf_bytes_from_data(WF_BYTES_DATA(self), SIZE(self));
}
static wf_object *b_getnewargs(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_object *b = wf_bytes_from_data(WF_BYTES_DATA(self), SIZE(self));
    if (!b) return NULL;
    wf_object *t = wf_tuple_pack(1, b);
    wf_decref(b);
    return t;
}
static wf_object *ba_alloc(wf_object *self, wf_object *unused) {
    (void)unused;
    wf_ssize_t a;
    WF_BEGIN_CRITICAL_SECTION(self);
    a = ((wf_bytearray *)self)->ob_alloc;
    WF_END_CRITICAL_SECTION();
    return wf_int_from_ssize(a);
}

#define COMMON_EXTRA                                                                      \
    {"lower", (void *)b_lower, WF_METH_NOARGS, NULL},                                     \
    {"upper", (void *)b_upper, WF_METH_NOARGS, NULL},                                     \
    {"swapcase", (void *)b_swapcase, WF_METH_NOARGS, NULL},                               \
    {"capitalize", (void *)b_capitalize, WF_METH_NOARGS, NULL},                           \
    {"title", (void *)b_title, WF_METH_NOARGS, NULL},                                     \
    {"isalnum", (void *)b_isalnum, WF_METH_NOARGS, NULL},                                 \
    {"isalpha", (void *)b_isalpha, WF_METH_NOARGS, NULL},                                 \
    {"isascii", (void *)b_isascii, WF_METH_NOARGS, NULL},                                 \
    {"isdigit", (void *)b_isdigit, WF_METH_NOARGS, NULL},                                 \
    {"islower", (void *)b_islower, WF_METH_NOARGS, NULL},                                 \
    {"isspace", (void *)b_isspace, WF_METH_NOARGS, NULL},                                 \
    {"istitle", (void *)b_istitle, WF_METH_NOARGS, NULL},                                 \
    {"isupper", (void *)b_isupper, WF_METH_NOARGS, NULL},                                 \
    {"center", (void *)b_center, WF_METH_FASTCALL, NULL},                                 \
    {"ljust", (void *)b_ljust, WF_METH_FASTCALL, NULL},                                   \
    {"rjust", (void *)b_rjust, WF_METH_FASTCALL, NULL},                                   \
    {"zfill", (void *)b_zfill, WF_METH_O, NULL},                                          \
    {"expandtabs", (void *)b_expandtabs, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},      \
    {"splitlines", (void *)b_splitlines, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},      \
    {"partition", (void *)b_partition, WF_METH_O, NULL},                                  \
    {"rpartition", (void *)b_rpartition, WF_METH_O, NULL},                                \
    {"removeprefix", (void *)b_removeprefix, WF_METH_O, NULL},                            \
    {"removesuffix", (void *)b_removesuffix, WF_METH_O, NULL},                            \
    {"maketrans", (void *)b_maketrans, WF_METH_FASTCALL | WF_METH_STATIC, NULL},          \
    {"translate", (void *)b_translate, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},

static wf_method_def bytes_extra_methods[] = {
    COMMON_EXTRA
    {"__mod__", (void *)b_mod, WF_METH_O, NULL},
    {"__rmod__", (void *)b_rmod, WF_METH_O, NULL},
    {"__bytes__", (void *)b_bytes, WF_METH_NOARGS, NULL},
    {"__getnewargs__", (void *)b_getnewargs, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_method_def bytearray_extra_methods[] = {
    COMMON_EXTRA
    {"__mod__", (void *)b_mod, WF_METH_O, NULL},
    {"__rmod__", (void *)b_rmod, WF_METH_O, NULL},
    {"__alloc__", (void *)ba_alloc, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* The % operator: bytes and bytearray get private number tables (a copy
 * of what they had, possibly object's shared one) with nb_remainder set
 * when they have none.  Written once at init, before other threads. */
static wf_object *nb_mod(wf_object *a, wf_object *b) {
    if (!WF_BYTES_CHECK(a) && !WF_BYTEARRAY_CHECK(a)) return wf_newref(wf_NotImplemented);
    return bytes_mod(a, b);
}
static wf_number_methods bytes_nb, bytearray_nb;
static void install_mod(wf_type *t, wf_number_methods *mine) {
    if (t->tp_as_number && t->tp_as_number->nb_remainder) return;
    if (t->tp_as_number != mine) {
        if (t->tp_as_number) *mine = *t->tp_as_number;
        else memset(mine, 0, sizeof *mine);
        t->tp_as_number = mine;
    }
    mine->nb_remainder = nb_mod;
}

int wfo_bytes_extra_init(void) {
    install_mod(&wf_bytes_type, &bytes_nb);
    install_mod(&wf_bytearray_type, &bytearray_nb);
    if (wfo_extra_add_methods(&wf_bytes_type, bytes_extra_methods) < 0) return -1;
    if (wfo_extra_add_methods(&wf_bytearray_type, bytearray_extra_methods) < 0) return -1;
    return 0;
}
