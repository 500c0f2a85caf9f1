/*
 * runtime/objects/strmethods.c — the str methods that build new text from
 * pieces: padding (center/ljust/rjust/zfill), expandtabs, partition,
 * removeprefix/removesuffix, splitlines, maketrans/translate, and the
 * str.format / str.format_map mini-language (field names, conversions,
 * nested specs), with CPython 3.11's results and error messages.
 *
 * Invariants: every function here only reads its (immutable) str arguments
 * and builds a fresh result in a private code-point buffer (malloc'd,
 * freed before return); no shared mutable state, so no locking.  Calls out
 * to Python code (__format__, __getitem__, __getattr__, translate tables)
 * may run arbitrary code; we hold no borrowed reference across them that
 * the callee could free (arguments are owned by the caller's frame).
 * str.c registers these functions in its method table.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/cpbuf.h"
#include "runtime/objects/objimpl.h"

/* --- a growable code-point buffer (runtime/objects/cpbuf.h) ------------------ */
typedef wfo_cpbuf ubuf;
#define ub_reserve wfo_cpbuf_reserve
#define ub_put wfo_cpbuf_put
#define ub_fill wfo_cpbuf_fill
#define ub_finish wfo_cpbuf_finish
/* s[start:end] */
static int ub_str(ubuf *b, wf_object *s, wf_ssize_t start, wf_ssize_t end) {
    return wfo_cpbuf_str(b, s, start, end - start);
}
static void ub_drop(ubuf *b) {
    free(b->p);
    b->p = NULL;
}

/* self unchanged: the same object for an exact str, else an exact copy. */
static wf_object *str_same(wf_object *self) {
    if (WF_STR_CHECK_EXACT(self)) return wf_newref(self);
    return wf_str_substring(self, 0, wf_str_len(self));
}

/* --- padding ------------------------------------------------------------------ */
static int get_fill(wf_object *const *args, wf_ssize_t nargs, uint32_t *fill) {
    *fill = ' ';
    if (nargs < 2) return 0;
    wf_object *f = args[1];
    if (!WF_STR_CHECK(f)) {
        wf_err_format(&wf_exc_TypeError, "The fill character must be a unicode character, not %s",
                      wf_type_name(WF_TYPE(f)));
        return -1;
    }
    if (wf_str_len(f) != 1) {
        wf_err_format(&wf_exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fill = wf_str_char(f, 0);
    return 0;
}

static int get_width(wf_object *o, wf_ssize_t *out) {
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      wf_type_name(WF_TYPE(o)));
        return -1;
    }
    *out = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    if (*out == -1 && wf_err_occurred()) return -1;
    return 0;
}

static wf_object *pad(wf_object *self, wf_ssize_t left, wf_ssize_t right, uint32_t fill) {
    ubuf b = {0};
    wf_ssize_t n = wf_str_len(self);
    if (ub_fill(&b, fill, left) < 0 || ub_str(&b, self, 0, n) < 0 || ub_fill(&b, fill, right) < 0) {
        ub_drop(&b);
        return NULL;
    }
    return ub_finish(&b);
}

/* which: 0 center, 1 ljust, 2 rjust */
static wf_object *pad_method(const char *name, wf_object *self, wf_object *const *args,
                             wf_ssize_t nargs, int which) {
    if (wf_check_nargs(name, nargs, 1, 2)) return NULL;
    wf_ssize_t width;
    uint32_t fill;
    if (get_width(args[0], &width) < 0 || get_fill(args, nargs, &fill) < 0) return NULL;
    wf_ssize_t n = wf_str_len(self);
    if (width <= n) return str_same(self);
    wf_ssize_t marg = width - n, left;
    if (which == 0)
        left = marg / 2 + (marg & width & 1);
    else
        left = which == 1 ? 0 : marg;
    return pad(self, left, marg - left, fill);
}
wf_object *wfo_str_center(wf_object *s, wf_object *const *a, wf_ssize_t n) { return pad_method("center", s, a, n, 0); }
wf_object *wfo_str_ljust(wf_object *s, wf_object *const *a, wf_ssize_t n) { return pad_method("ljust", s, a, n, 1); }
wf_object *wfo_str_rjust(wf_object *s, wf_object *const *a, wf_ssize_t n) { return pad_method("rjust", s, a, n, 2); }

wf_object *wfo_str_zfill(wf_object *self, wf_object *arg) {
    wf_ssize_t width;
    if (get_width(arg, &width) < 0) return NULL;
    wf_ssize_t n = wf_str_len(self);
    if (width <= n) return str_same(self);
    ubuf b = {0};
    wf_ssize_t start = 0;
    if (n > 0 && (wf_str_char(self, 0) == '+' || wf_str_char(self, 0) == '-')) {
        if (ub_put(&b, wf_str_char(self, 0)) < 0) goto fail;
        start = 1;
    }
    if (ub_fill(&b, '0', width - n) < 0 || ub_str(&b, self, start, n) < 0) goto fail;
    return ub_finish(&b);
fail:
    ub_drop(&b);
    return NULL;
}

/* --- expandtabs ----------------------------------------------------------------- */
wf_object *wfo_str_expandtabs(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 1)
        return wf_err_format(&wf_exc_TypeError, "expandtabs() takes at most 1 argument (%zd given)",
                             nargs + nkw);
    wf_object *ts = nargs ? args[0] : NULL;
    if (nkw) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, 0);
        if (!wf_str_eq_cstr(k, "tabsize"))
            return wf_err_format(&wf_exc_TypeError,
                                 "expandtabs() got an unexpected keyword argument '%U'", k);
        ts = args[0];
    }
    wf_ssize_t tabsize = 8;
    if (ts) {
        if (!wf_index_check(ts) || WF_FLOAT_CHECK(ts))
            return wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                 wf_type_name(WF_TYPE(ts)));
        int ov = 0;
        int64_t v = wf_int_as_i64_overflow(ts, &ov);
        if (v == -1 && wf_err_occurred()) return NULL;
        if (ov || v > INT32_MAX || v < INT32_MIN)
            return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
        tabsize = (wf_ssize_t)v;
    }
    ubuf b = {0};
    wf_ssize_t col = 0, n = wf_str_len(self);
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(self, i);
        if (c == '\t') {
            if (tabsize > 0) {
                wf_ssize_t k = tabsize - col % tabsize;
                if (ub_fill(&b, ' ', k) < 0) goto fail;
                col += k;
            }
        } else {
            if (ub_put(&b, c) < 0) goto fail;
            col++;
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    return ub_finish(&b);
fail:
    ub_drop(&b);
    return NULL;
}

/* --- partition -------------------------------------------------------------------- */
static wf_object *partition_impl(wf_object *self, wf_object *sep, int dir) {
    if (!WF_STR_CHECK(sep))
        return wf_err_format(&wf_exc_TypeError, "must be str, not %s", wf_type_name(WF_TYPE(sep)));
    if (wf_str_len(sep) == 0) return wf_err_format(&wf_exc_ValueError, "empty separator");
    wf_ssize_t n = wf_str_len(self), m = wf_str_len(sep);
    wf_ssize_t at = wf_str_find(self, sep, 0, n, dir);
    wf_object *a, *b, *c;
    if (at == -2) return NULL;
    if (at < 0) {
        wf_object *whole = str_same(self);
        if (!whole) return NULL;
        wf_object *e1 = wf_str_new_raw(0, 0), *e2 = wf_str_new_raw(0, 0);
        wf_object *t = dir > 0 ? wf_tuple_pack(3, whole, e1, e2) : wf_tuple_pack(3, e1, e2, whole);
        wf_decref(whole);
        wf_decref(e1);
        wf_decref(e2);
        return t;
    }
    a = wf_str_substring(self, 0, at);
    b = WF_STR_CHECK_EXACT(sep) ? wf_newref(sep) : wf_str_substring(sep, 0, m);
    c = wf_str_substring(self, at + m, n);
    wf_object *t = (a && b && c) ? wf_tuple_pack(3, a, b, c) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    wf_xdecref(c);
    return t;
}
wf_object *wfo_str_partition(wf_object *self, wf_object *sep) { return partition_impl(self, sep, 1); }
wf_object *wfo_str_rpartition(wf_object *self, wf_object *sep) { return partition_impl(self, sep, -1); }

/* --- removeprefix / removesuffix ----------------------------------------------------- */
static wf_object *remove_affix(const char *name, wf_object *self, wf_object *x, int suffix) {
    if (!WF_STR_CHECK(x))
        return wf_err_format(&wf_exc_TypeError, "%s() argument must be str, not %s", name,
                             wf_type_name(WF_TYPE(x)));
    wf_ssize_t n = wf_str_len(self), m = wf_str_len(x);
    if (m == 0 || m > n) return str_same(self);
    wf_ssize_t at = suffix ? n - m : 0;
    for (wf_ssize_t i = 0; i < m; i++)
        if (wf_str_char(self, at + i) != wf_str_char(x, i)) return str_same(self);
    return suffix ? wf_str_substring(self, 0, n - m) : wf_str_substring(self, m, n);
}
wf_object *wfo_str_removeprefix(wf_object *self, wf_object *x) { return remove_affix("removeprefix", self, x, 0); }
wf_object *wfo_str_removesuffix(wf_object *self, wf_object *x) { return remove_affix("removesuffix", self, x, 1); }

/* --- splitlines ------------------------------------------------------------------------ */
static int is_linebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}
wf_object *wfo_str_splitlines(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 1)
        return wf_err_format(&wf_exc_TypeError, "splitlines() takes at most 1 argument (%zd given)",
                             nargs + nkw);
    wf_object *ke = nargs ? args[0] : NULL;
    if (nkw) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, 0);
        if (!wf_str_eq_cstr(k, "keepends"))
            return wf_err_format(&wf_exc_TypeError,
                                 "splitlines() got an unexpected keyword argument '%U'", k);
        ke = args[0];
    }
    int keep = 0;
    if (ke) {
        if (WF_FLOAT_CHECK(ke))
            return wf_err_format(&wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
        keep = wf_object_is_true(ke);
        if (keep < 0) return NULL;
    }
    wf_object *list = wf_list_new(0);
    if (!list) return NULL;
    wf_ssize_t n = wf_str_len(self), i = 0;
    while (i < n) {
        wf_ssize_t j = i;
        while (j < n && !is_linebreak(wf_str_char(self, j))) j++;
        wf_ssize_t eol = j;
        if (j < n) {
            if (wf_str_char(self, j) == '\r' && j + 1 < n && wf_str_char(self, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keep) eol = j;
        }
        wf_object *line = (i == 0 && eol == n && WF_STR_CHECK_EXACT(self)) ? wf_newref(self)
                                                                            : wf_str_substring(self, i, eol);
        if (!line || wf_list_append(list, line) < 0) {
            wf_xdecref(line);
            wf_decref(list);
            return NULL;
        }
        wf_decref(line);
        i = j;
    }
    return list;
}

/* --- maketrans / translate --------------------------------------------------------------- */
wf_object *wfo_str_maketrans(wf_object *unused, wf_object *const *args, wf_ssize_t nargs) {
    (void)unused;
    if (wf_check_nargs("maketrans", nargs, 1, 3)) return NULL;
    wf_object *d = wf_dict_new();
    if (!d) return NULL;
    if (nargs == 1) {
        wf_object *x = args[0];
        if (!WF_DICT_CHECK(x)) {
            wf_decref(d);
            return wf_err_format(&wf_exc_TypeError,
                                 "if you give only one argument to maketrans it must be a dict");
        }
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(x, &pos, &k, &v)) {
            wf_object *key;
            if (WF_STR_CHECK(k)) {
                if (wf_str_len(k) != 1) {
                    wf_decref(d);
                    return wf_err_format(&wf_exc_ValueError,
                                         "string keys in translate table must be of length 1");
                }
                key = wf_int_from_ssize(wf_str_char(k, 0));
            } else if (WF_INT_CHECK(k)) {
                key = wf_newref(k);
            } else {
                wf_decref(d);
                return wf_err_format(&wf_exc_TypeError,
                                     "keys in translate table must be strings or integers");
            }
            int r = key ? wf_dict_set_item(d, key, v) : -1;
            wf_xdecref(key);
            if (r < 0) {
                wf_decref(d);
                return NULL;
            }
        }
        return d;
    }
    wf_object *x = args[0], *y = args[1];
    if (!WF_STR_CHECK(x)) {
        wf_decref(d);
        return wf_err_format(&wf_exc_TypeError, "maketrans() argument 1 must be str, not %s",
                             wf_type_name(WF_TYPE(x)));
    }
    if (!WF_STR_CHECK(y)) {
        wf_decref(d);
        return wf_err_format(&wf_exc_TypeError, "maketrans() argument 2 must be str, not %s",
                             wf_type_name(WF_TYPE(y)));
    }
    if (nargs == 3 && !WF_STR_CHECK(args[2])) {
        wf_decref(d);
        return wf_err_format(&wf_exc_TypeError, "maketrans() argument 3 must be str, not %s",
                             wf_type_name(WF_TYPE(args[2])));
    }
    if (wf_str_len(x) != wf_str_len(y)) {
        wf_decref(d);
        return wf_err_format(&wf_exc_ValueError,
                             "the first two maketrans arguments must have equal length");
    }
    for (wf_ssize_t i = 0; i < wf_str_len(x); i++) {
        wf_object *k = wf_int_from_ssize(wf_str_char(x, i));
        wf_object *v = wf_int_from_ssize(wf_str_char(y, i));
        int r = (k && v) ? wf_dict_set_item(d, k, v) : -1;
        wf_xdecref(k);
        wf_xdecref(v);
        if (r < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    if (nargs == 3) {
        wf_object *z = args[2];
        for (wf_ssize_t i = 0; i < wf_str_len(z); i++) {
            wf_object *k = wf_int_from_ssize(wf_str_char(z, i));
            int r = k ? wf_dict_set_item(d, k, wf_None) : -1;
            wf_xdecref(k);
            if (r < 0) {
                wf_decref(d);
                return NULL;
            }
        }
    }
    return d;
}

wf_object *wfo_str_translate(wf_object *self, wf_object *table) {
    ubuf b = {0};
    wf_ssize_t n = wf_str_len(self);
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(self, i);
        wf_object *key = wf_int_from_ssize(c);
        if (!key) goto fail;
        wf_object *v = wf_object_get_item(table, key);
        wf_decref(key);
        if (!v) {
            if (wf_err_matches((wf_object *)&wf_exc_LookupError)) {
                wf_err_clear();
                if (ub_put(&b, c) < 0) goto fail;
                continue;
            }
            goto fail;
        }
        if (v == wf_None) {
            wf_decref(v);
            continue;
        }
        if (WF_INT_CHECK(v)) {
            int ov = 0;
            int64_t x = wf_int_as_i64_overflow(v, &ov);
            wf_decref(v);
            if (ov || x < 0 || x > 0x10ffff) {
                wf_err_format(&wf_exc_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            if (ub_put(&b, (uint32_t)x) < 0) goto fail;
        } else if (WF_STR_CHECK(v)) {
            int r = ub_str(&b, v, 0, wf_str_len(v));
            wf_decref(v);
            if (r < 0) goto fail;
        } else {
            wf_decref(v);
            wf_err_format(&wf_exc_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
    }
    return ub_finish(&b);
fail:
    ub_drop(&b);
    return NULL;
}

/* --- str.format ------------------------------------------------------------------------ */
typedef struct {
    wf_object *args;    /* tuple, or NULL (format_map) */
    wf_object *kwargs;  /* dict/mapping, or NULL */
    int is_map;         /* kwargs is an arbitrary mapping (format_map) */
    wf_ssize_t auto_idx; /* next automatic index; -1 once manual numbering is used */
    int manual;          /* manual numbering seen */
} fmtstate;

static int all_digits(wf_object *s, wf_ssize_t a, wf_ssize_t b, wf_ssize_t *val) {
    if (a >= b) return 0;
    wf_ssize_t v = 0;
    for (wf_ssize_t i = a; i < b; i++) {
        uint32_t c = wf_str_char(s, i);
        if (c < '0' || c > '9') return 0;
        if (v > (WF_SSIZE_MAX - 9) / 10) {
            wf_err_format(&wf_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    *val = v;
    return 1;
}

static wf_object *lookup_index(fmtstate *st, wf_ssize_t idx) {
    if (!st->args)
        return wf_err_format(&wf_exc_ValueError, "Format string contains positional fields");
    if (idx >= WF_TUPLE_SIZE(st->args))
        return wf_err_format(&wf_exc_IndexError,
                             "Replacement index %zd out of range for positional args tuple", idx);
    return wf_newref(WF_TUPLE_ITEM(st->args, idx));
}

/* Resolve field name s[a:b] to an object (new reference). */
static wf_object *get_field(fmtstate *st, wf_object *s, wf_ssize_t a, wf_ssize_t b) {
    wf_ssize_t i = a;
    while (i < b && wf_str_char(s, i) != '.' && wf_str_char(s, i) != '[') i++;
    wf_ssize_t idx;
    int dig = all_digits(s, a, i, &idx);
    if (dig < 0) return NULL;
    wf_object *obj;
    if (a == i) {
        /* automatic numbering */
        if (st->manual)
            return wf_err_format(&wf_exc_ValueError,
                                 "cannot switch from manual field specification to automatic field numbering");
        idx = st->auto_idx++;
        obj = lookup_index(st, idx);
    } else if (dig) {
        if (st->auto_idx > 0)
            return wf_err_format(&wf_exc_ValueError,
                                 "cannot switch from automatic field numbering to manual field specification");
        st->manual = 1;
        obj = lookup_index(st, idx);
    } else {
        wf_object *key = wf_str_substring(s, a, i);
        if (!key) return NULL;
        if (!st->kwargs) {
            wf_err_set_object(&wf_exc_KeyError, key);
            wf_decref(key);
            return NULL;
        }
        if (st->is_map) {
            obj = wf_object_get_item(st->kwargs, key);
        } else {
            obj = NULL;
            int r = wf_dict_get_item_ref(st->kwargs, key, &obj);
            if (r == 0) wf_err_set_object(&wf_exc_KeyError, key);
        }
        wf_decref(key);
    }
    if (!obj) return NULL;
    while (i < b) {
        uint32_t c = wf_str_char(s, i);
        wf_object *next;
        if (c == '.') {
            wf_ssize_t j = ++i;
            while (j < b && wf_str_char(s, j) != '.' && wf_str_char(s, j) != '[') j++;
            if (j == i) {
                wf_decref(obj);
                return wf_err_format(&wf_exc_ValueError, "Empty attribute in format string");
            }
            wf_object *name = wf_str_substring(s, i, j);
            next = name ? wf_object_getattr(obj, name) : NULL;
            wf_xdecref(name);
            i = j;
        } else if (c == '[') {
            wf_ssize_t j = ++i;
            while (j < b && wf_str_char(s, j) != ']') j++;
            if (j >= b) {
                wf_decref(obj);
                return wf_err_format(&wf_exc_ValueError, "Missing ']' in format string");
            }
            if (j == i) {
                wf_decref(obj);
                return wf_err_format(&wf_exc_ValueError, "Empty attribute in format string");
            }
            wf_ssize_t kv;
            int d2 = all_digits(s, i, j, &kv);
            wf_object *key = d2 < 0 ? NULL : d2 ? wf_int_from_ssize(kv) : wf_str_substring(s, i, j);
            next = key ? wf_object_get_item(obj, key) : NULL;
            wf_xdecref(key);
            i = j + 1;
            if (next && i < b && wf_str_char(s, i) != '.' && wf_str_char(s, i) != '[') {
                wf_decref(next);
                wf_decref(obj);
                return wf_err_format(&wf_exc_ValueError,
                                     "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            wf_decref(obj);
            return wf_err_format(&wf_exc_ValueError,
                                 "Only '.' or '[' may follow ']' in format field specifier");
        }
        wf_decref(obj);
        if (!next) return NULL;
        obj = next;
    }
    return obj;
}

static int format_into(ubuf *out, fmtstate *st, wf_object *s, wf_ssize_t a, wf_ssize_t b, int depth);

/* One replacement field, content s[a:b] (without the braces). */
static int do_field(ubuf *out, fmtstate *st, wf_object *s, wf_ssize_t a, wf_ssize_t b, int depth) {
    wf_ssize_t i = a;
    uint32_t c = 0;
    while (i < b) {
        c = wf_str_char(s, i);
        if (c == '{') {
            wf_err_format(&wf_exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < b && wf_str_char(s, i) != ']') i++;
            if (i < b) i++;
            continue;
        }
        if (c == ':' || c == '!') break;
        i++;
    }
    wf_ssize_t name_end = i;
    uint32_t conv = 0;
    wf_ssize_t spec_a = b, spec_b = b;
    if (i < b && wf_str_char(s, i) == '!') {
        if (i + 1 >= b) {
            wf_err_format(&wf_exc_ValueError, "unmatched '{' in format spec");
            return -1;
        }
        conv = wf_str_char(s, i + 1);
        i += 2;
        if (i < b) {
            if (wf_str_char(s, i) != ':') {
                wf_err_format(&wf_exc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
            spec_a = i + 1;
        }
    } else if (i < b) {
        spec_a = i + 1;
    }
    wf_object *obj = get_field(st, s, a, name_end);
    if (!obj) return -1;
    if (conv) {
        wf_object *t;
        if (conv == 'r')
            t = wf_object_repr(obj);
        else if (conv == 's')
            t = wf_object_str(obj);
        else if (conv == 'a')
            t = wf_object_ascii(obj);
        else {
            wf_decref(obj);
            if (conv >= 32 && conv < 127)
                wf_err_format(&wf_exc_ValueError, "Unknown conversion specifier %c", (int)conv);
            else
                wf_err_format(&wf_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
            return -1;
        }
        wf_decref(obj);
        if (!t) return -1;
        obj = t;
    }
    wf_object *spec;
    int nested = 0;
    for (wf_ssize_t k = spec_a; k < spec_b; k++)
        if (wf_str_char(s, k) == '{') nested = 1;
    if (nested) {
        ubuf sb = {0};
        if (format_into(&sb, st, s, spec_a, spec_b, depth - 1) < 0) {
            ub_drop(&sb);
            wf_decref(obj);
            return -1;
        }
        spec = ub_finish(&sb);
    } else {
        spec = wf_str_substring(s, spec_a, spec_b);
    }
    if (!spec) {
        wf_decref(obj);
        return -1;
    }
    wf_object *r = wf_object_format(obj, spec);
    wf_decref(obj);
    wf_decref(spec);
    if (!r) return -1;
    int rc = ub_str(out, r, 0, wf_str_len(r));
    wf_decref(r);
    return rc;
}

static int format_into(ubuf *out, fmtstate *st, wf_object *s, wf_ssize_t a, wf_ssize_t b, int depth) {
    if (depth <= 0) {
        wf_err_format(&wf_exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    wf_ssize_t i = a;
    while (i < b) {
        uint32_t c = wf_str_char(s, i);
        if (c == '}') {
            if (i + 1 < b && wf_str_char(s, i + 1) == '}') {
                if (ub_put(out, '}') < 0) return -1;
                i += 2;
                continue;
            }
            wf_err_format(&wf_exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (c != '{') {
            if (ub_put(out, c) < 0) return -1;
            i++;
            continue;
        }
        if (i + 1 >= b) {
            wf_err_format(&wf_exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (wf_str_char(s, i + 1) == '{') {
            if (ub_put(out, '{') < 0) return -1;
            i += 2;
            continue;
        }
        /* a replacement field: find the matching '}' */
        wf_ssize_t j = i + 1, level = 1;
        int in_name = 1; /* in the field name, "[...]" hides braces */
        while (j < b) {
            uint32_t d = wf_str_char(s, j);
            if (in_name && d == '[') {
                while (j < b && wf_str_char(s, j) != ']') j++;
                if (j >= b) break;
            } else if (d == '{') {
                level++;
            } else if (d == '}' && --level == 0) {
                break;
            } else if (level == 1 && (d == ':' || d == '!')) {
                in_name = 0;
            }
            j++;
        }
        if (j >= b) {
            wf_err_format(&wf_exc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (do_field(out, st, s, i + 1, j, depth) < 0) return -1;
        i = j + 1;
    }
    return 0;
}

static wf_object *format_common(wf_object *self, fmtstate *st) {
    ubuf b = {0};
    if (format_into(&b, st, self, 0, wf_str_len(self), 2) < 0) {
        ub_drop(&b);
        return NULL;
    }
    return ub_finish(&b);
}

wf_object *wfo_str_format_method(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    fmtstate st = {0};
    st.args = wf_tuple_from_array(args, nargs);
    if (!st.args) return NULL;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nkw) {
        st.kwargs = wf_dict_new();
        if (!st.kwargs) {
            wf_decref(st.args);
            return NULL;
        }
        for (wf_ssize_t k = 0; k < nkw; k++)
            if (wf_dict_set_item(st.kwargs, WF_TUPLE_ITEM(kwnames, k), args[nargs + k]) < 0) {
                wf_decref(st.args);
                wf_decref(st.kwargs);
                return NULL;
            }
    }
    wf_object *r = format_common(self, &st);
    wf_decref(st.args);
    wf_xdecref(st.kwargs);
    return r;
}

wf_object *wfo_str_format_map(wf_object *self, wf_object *mapping) {
    fmtstate st = {0};
    st.kwargs = mapping;
    st.is_map = 1;
    return format_common(self, &st);
}
