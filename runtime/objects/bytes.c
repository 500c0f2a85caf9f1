/*
 * runtime/objects/bytes.c — the bytes type, the read-only methods it
 * shares with bytearray (bytes_impl.h), the codecs utf-8/ascii/latin-1
 * (bytes.decode, str.encode) and wfo_sequences_init, which readies slice,
 * range, bytes and bytearray.
 *
 * Invariants.  A bytes object stores ob_size bytes inline followed by a
 * NUL; it is filled by its creator before publication and never changes
 * afterwards, so reads need no synchronisation.  The hash is cached with a
 * relaxed atomic (idempotent: racing threads store the same value).  It is
 * the same function as str's (FNV-1a over the bytes plus a finalizer), so
 * hash(b'abc') == hash('abc') for Latin-1 text as in CPython; the values
 * differ from CPython's (salted SipHash), which Python code cannot rely on.
 *
 * The shared methods take a bytes snapshot of self (itself for bytes, a
 * copy made under the object's critical section for a bytearray, see
 * wf_bytes_snapshot in bytearray.c), work on that immutable copy, and build
 * results of self's kind (bytes or bytearray).  Arguments that must be
 * bytes-like are snapshotted the same way.
 *
 * Codecs: 'utf-8' (strict CPython semantics: surrogates are not encodable,
 * and decoding reports CPython's error ranges and reasons), 'ascii',
 * 'latin-1' and their usual aliases; error handlers 'strict', 'ignore' and
 * 'replace' (others raise LookupError when an error occurs, as CPython).
 * Not subclassable (no BASETYPE) for now.
 */
#include "runtime/objects/bytes_impl.h"
#include "runtime/objects/unicode_db.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#define BYTES(o) ((wf_bytes *)(o))

/* --- construction ------------------------------------------------------------ */

static wf_object *bytes_alloc(wf_ssize_t n) {
    if (n < 0 || (size_t)n > SIZE_MAX / 2) return wf_err_no_memory();
    wf_bytes *b = (wf_bytes *)wfo_alloc(&wf_bytes_type, sizeof(wf_bytes) + (size_t)n + 1);
    if (!b) return NULL;
    b->ob_size = n;
    atomic_store_explicit(&b->hash, -1, memory_order_relaxed);
    return (wf_object *)b;
}

wf_object *wf_bytes_from_data(const void *data, wf_ssize_t n) {
    wf_object *b = bytes_alloc(n);
    if (b && data && n) memcpy(BYTES(b)->ob_sval, data, (size_t)n);
    return b;
}

wf_object *wf_bytes_from_cstr(const char *s) { return wf_bytes_from_data(s, (wf_ssize_t)strlen(s)); }

wf_object *wfo_bytes_make(int ba, const void *p, wf_ssize_t n) {
    return ba ? wf_bytearray_from_data(p, n) : wf_bytes_from_data(p, n);
}

wf_object *wfo_bytes_like(wf_object *o) {
    if (WF_BYTES_CHECK(o)) return wf_newref(o);
    if (WF_BYTEARRAY_CHECK(o)) return wf_bytes_snapshot(o);
    if (wfo_is_memoryview(o)) return wfo_memoryview_bytes(o);
    return wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                         wf_type_name(WF_TYPE(o)));
}

static int is_bytes_like(wf_object *o) {
    return WF_BYTES_CHECK(o) || WF_BYTEARRAY_CHECK(o) || wfo_is_memoryview(o);
}

/* A growable byte buffer (wfo_strbuf) with MemoryError on failure. */
static int put(wfo_strbuf *b, const void *p, size_t n) {
    if (wfo_strbuf_append(b, p, n) < 0) {
        wf_err_no_memory();
        return -1;
    }
    return 0;
}
static wf_object *finish(wfo_strbuf *b, int ba) {
    wf_object *r = wfo_bytes_make(ba, b->data, (wf_ssize_t)b->len);
    wfo_strbuf_free(b);
    return r;
}

/* bytes(iterable of ints) */
static wf_object *from_iterable(wf_object *x, const char *tname) {
    wf_object *it = wf_object_get_iter(x);
    if (!it) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "cannot convert '%s' object to %s",
                          wf_type_name(WF_TYPE(x)), tname);
        }
        return NULL;
    }
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    wf_object *v;
    while ((v = wf_iter_next(it))) {
        wf_ssize_t k = wf_number_as_ssize_t(v, NULL);
        wf_decref(v);
        if (k == -1 && wf_err_occurred()) goto fail;
        if (k < 0 || k > 255) {
            wf_err_format(&wf_exc_ValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        unsigned char c = (unsigned char)k;
        if (put(&b, &c, 1) < 0) goto fail;
    }
    if (wf_err_occurred()) goto fail;
    wf_decref(it);
    return finish(&b, 0);
fail:
    wf_decref(it);
    wfo_strbuf_free(&b);
    return NULL;
}

static const char *cstr_arg(wf_object *o, const char *fname, const char *argname) {
    if (!WF_STR_CHECK(o)) {
        wf_err_format(&wf_exc_TypeError, "%s() argument '%s' must be str, not %s", fname, argname,
                      wf_type_name(WF_TYPE(o)));
        return NULL;
    }
    return wf_str_utf8(o, NULL);
}

wf_object *wfo_bytes_from_object(wf_object *x, wf_object *encoding, wf_object *errors,
                                 const char *tname) {
    if (!x) {
        if (encoding || errors)
            return wf_err_format(&wf_exc_TypeError, "encoding or errors without sequence argument");
        return wf_bytes_from_data(NULL, 0);
    }
    if (WF_STR_CHECK(x)) {
        if (!encoding) return wf_err_format(&wf_exc_TypeError, "string argument without an encoding");
        const char *enc = cstr_arg(encoding, tname, "encoding");
        const char *err = enc && errors ? cstr_arg(errors, tname, "errors") : "strict";
        if (!enc || !err) return NULL;
        return wf_str_encode(x, enc, err);
    }
    if (encoding) return wf_err_format(&wf_exc_TypeError, "encoding without a string argument");
    if (errors) return wf_err_format(&wf_exc_TypeError, "errors without a string argument");
    if (wf_index_check(x)) {
        wf_ssize_t n = wf_number_as_ssize_t(x, &wf_exc_OverflowError);
        if (n == -1 && wf_err_occurred()) return NULL;
        if (n < 0) return wf_err_format(&wf_exc_ValueError, "negative count");
        wf_object *r = bytes_alloc(n);
        if (r) memset(BYTES(r)->ob_sval, 0, (size_t)n);
        return r;
    }
    if (WF_BYTES_CHECK(x)) return wf_bytes_from_data(WF_BYTES_DATA(x), WF_BYTES_SIZE(x));
    if (WF_BYTEARRAY_CHECK(x)) return wf_bytes_snapshot(x);
    wf_object *buf = wfo_buffer_bytes(x); /* memoryview, array: their raw memory */
    if (buf || wf_err_occurred()) return buf;
    return from_iterable(x, tname);
}

/* Bind args/kwnames to names[0..nmax); out[k] NULL when not given. */
static int bind(const char *fname, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                const char *const *names, int nmin, int nmax, wf_object **out) {
    for (int k = 0; k < nmax; k++) out[k] = NULL;
    if (nargs > nmax) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname,
                      nmax, nmax == 1 ? "" : "s", nargs);
        return -1;
    }
    for (wf_ssize_t k = 0; k < nargs; k++) out[k] = args[k];
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (wf_ssize_t j = 0; j < nkw; j++) {
        wf_object *kn = WF_TUPLE_ITEM(kwnames, j);
        int k = 0;
        while (k < nmax && !wf_str_eq_cstr(kn, names[k])) k++;
        if (k == nmax) {
            wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname,
                          kn);
            return -1;
        }
        if (out[k]) {
            wf_err_format(&wf_exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                          fname, names[k], k + 1);
            return -1;
        }
        out[k] = args[nargs + j];
    }
    for (int k = 0; k < nmin; k++)
        if (!out[k]) {
            wf_err_format(&wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                          names[k], k + 1);
            return -1;
        }
    return 0;
}

/* --- codecs ----------------------------------------------------------------------- */

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UTF16, CODEC_UTF16LE, CODEC_UTF16BE,
       CODEC_UTF32, CODEC_UTF32LE, CODEC_UTF32BE, NCODECS };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_XMLREF, ERR_BACKSLASH, ERR_SURROGATEESCAPE, ERR_NAMEREPLACE,
       ERR_UNKNOWN };
#define IS_UTF16(c) ((c) >= CODEC_UTF16 && (c) <= CODEC_UTF16BE)
#define IS_UTF32(c) ((c) >= CODEC_UTF32 && (c) <= CODEC_UTF32BE)

static int lookup_codec(const char *name) {
    char norm[32];
    size_t n = strlen(name);
    if (n >= sizeof norm) n = sizeof norm - 1;
    for (size_t i = 0; i < n; i++) {
        char c = (char)tolower((unsigned char)name[i]);
        norm[i] = c == '_' || c == ' ' ? '-' : c;
    }
    norm[n] = 0;
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859",
                                         "cp819", "l1", "latin", "iso-ir-100", NULL};
    static const char *const u16[] = {"utf-16", "utf16", NULL}, *const u16le[] = {"utf-16-le", "utf-16le", NULL},
                             *const u16be[] = {"utf-16-be", "utf-16be", NULL}, *const u32[] = {"utf-32", "utf32", NULL},
                             *const u32le[] = {"utf-32-le", "utf-32le", NULL}, *const u32be[] = {"utf-32-be", "utf-32be", NULL};
    const char *const *tables[NCODECS] = {utf8, ascii, latin1, u16, u16le, u16be, u32, u32le, u32be};
    for (int t = 0; t < NCODECS; t++)
        for (int k = 0; tables[t][k]; k++)
            if (strcmp(norm, tables[t][k]) == 0) return t;
    wf_err_format(&wf_exc_LookupError, "unknown encoding: %s", name);
    return -1;
}

static const char *const codec_names[NCODECS] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le",
                                                 "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};

static int lookup_errors(const char *e) {
    if (strcmp(e, "strict") == 0) return ERR_STRICT;
    if (strcmp(e, "ignore") == 0) return ERR_IGNORE;
    if (strcmp(e, "replace") == 0) return ERR_REPLACE;
    if (strcmp(e, "xmlcharrefreplace") == 0) return ERR_XMLREF;
    if (strcmp(e, "backslashreplace") == 0) return ERR_BACKSLASH;
    if (strcmp(e, "surrogateescape") == 0) return ERR_SURROGATEESCAPE;
    if (strcmp(e, "namereplace") == 0) return ERR_NAMEREPLACE;
    return ERR_UNKNOWN;
}

static int unknown_handler(const char *errors) {
    wf_err_format(&wf_exc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

static void raise_unicode_error(wf_type *type, const char *enc, wf_object *obj, wf_ssize_t start,
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

/* One UTF-8 sequence at s[i..n): its length (>0) and code point, or 0 with
 * the CPython error end and reason. */
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

/* One UTF-16/32 unit sequence at s[i..n), as utf8_one. */
static int utf16_one(const unsigned char *s, wf_ssize_t i, wf_ssize_t n, int be, uint32_t *cp,
                     wf_ssize_t *end, const char **reason) {
    if (i + 2 > n) {
        *end = n;
        *reason = "truncated data";
        return 0;
    }
    uint32_t u = be ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
    if (u < 0xd800 || u > 0xdfff) {
        *cp = u;
        return 2;
    }
    if (u >= 0xdc00) {
        *end = i + 2;
        *reason = "illegal encoding";
        return 0;
    }
    if (i + 4 > n) {
        *end = n;
        *reason = "unexpected end of data";
        return 0;
    }
    uint32_t u2 = be ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
    if (u2 < 0xdc00 || u2 > 0xdfff) {
        *end = i + 2;
        *reason = "illegal UTF-16 surrogate";
        return 0;
    }
    *cp = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
    return 4;
}
static int utf32_one(const unsigned char *s, wf_ssize_t i, wf_ssize_t n, int be, uint32_t *cp,
                     wf_ssize_t *end, const char **reason) {
    if (i + 4 > n) {
        *end = n;
        *reason = "truncated data";
        return 0;
    }
    uint32_t u = be ? (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 | (uint32_t)s[i + 2] << 8 | s[i + 3]
                    : (uint32_t)s[i + 3] << 24 | (uint32_t)s[i + 2] << 16 | (uint32_t)s[i + 1] << 8 | s[i];
    if (u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) {
        *end = i + 4;
        *reason = u > 0x10ffff ? "code point not in range(0x110000)" : "code point in surrogate code point range(0xd800, 0xe000)";
        return 0;
    }
    *cp = u;
    return 4;
}

static wf_object *decode_buf(wf_object *bobj, int codec, const char *errors) {
    const unsigned char *s = (const unsigned char *)WF_BYTES_DATA(bobj);
    wf_ssize_t n = WF_BYTES_SIZE(bobj);
    int eh = lookup_errors(errors);
    uint32_t *cps = wfm_malloc(sizeof(uint32_t) * 4 * (size_t)(n ? n : 1));
    if (!cps) return wf_err_no_memory();
    wf_ssize_t m = 0, i = 0;
    int be = codec == CODEC_UTF16BE || codec == CODEC_UTF32BE;
    if (codec == CODEC_UTF16 && n >= 2) { /* BOM; little-endian by default */
        if (s[0] == 0xff && s[1] == 0xfe) i = 2;
        else if (s[0] == 0xfe && s[1] == 0xff) { i = 2; be = 1; }
    } else if (codec == CODEC_UTF32 && n >= 4) {
        if (s[0] == 0xff && s[1] == 0xfe && !s[2] && !s[3]) i = 4;
        else if (!s[0] && !s[1] && s[2] == 0xfe && s[3] == 0xff) { i = 4; be = 1; }
    }
    while (i < n) {
        uint32_t cp;
        wf_ssize_t end = i + 1;
        const char *reason = NULL;
        int k;
        if (IS_UTF16(codec)) k = utf16_one(s, i, n, be, &cp, &end, &reason);
        else if (IS_UTF32(codec)) k = utf32_one(s, i, n, be, &cp, &end, &reason);
        else if (codec == CODEC_UTF8) k = utf8_one(s, i, n, &cp, &end, &reason);
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
        if (eh == ERR_STRICT || eh == ERR_UNKNOWN || eh == ERR_XMLREF || eh == ERR_NAMEREPLACE) {
            wfm_free(cps);
            if (eh == ERR_UNKNOWN) unknown_handler(errors);
            else if (eh == ERR_XMLREF || eh == ERR_NAMEREPLACE)
                wf_err_format(&wf_exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
            else raise_unicode_error(&wf_exc_UnicodeDecodeError, codec_names[codec], bobj, i, end,
                                     reason);
            return NULL;
        }
        if (eh == ERR_REPLACE) cps[m++] = 0xfffd;
        for (wf_ssize_t q = i; q < end && (eh == ERR_BACKSLASH || eh == ERR_SURROGATEESCAPE); q++) {
            if (eh == ERR_SURROGATEESCAPE) {
                cps[m++] = s[q] >= 0x80 ? 0xdc00u + s[q] : s[q];
            } else {
                cps[m++] = '\\';
                cps[m++] = 'x';
                cps[m++] = (uint32_t)"0123456789abcdef"[s[q] >> 4];
                cps[m++] = (uint32_t)"0123456789abcdef"[s[q] & 15];
            }
        }
        i = end;
    }
    wf_object *r = wf_str_from_ucs4(cps, m);
    wfm_free(cps);
    return r;
}

wf_object *wf_bytes_decode(wf_object *b, const char *encoding, const char *errors) {
    int codec = lookup_codec(encoding);
    if (codec < 0) return NULL;
    wf_object *snap = wfo_bytes_like(b);
    if (!snap) return NULL;
    wf_object *r = decode_buf(snap, codec, errors ? errors : "strict");
    wf_decref(snap);
    return r;
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

static int encodable(int codec, uint32_t c) {
    if (codec == CODEC_UTF8 || IS_UTF16(codec) || IS_UTF32(codec)) return c < 0xd800 || c > 0xdfff;
    return c < (codec == CODEC_ASCII ? 0x80u : 0x100u);
}

wf_object *wf_str_encode(wf_object *s, const char *encoding, const char *errors) {
    int codec = lookup_codec(encoding);
    if (codec < 0) return NULL;
    if (!errors) errors = "strict";
    int eh = lookup_errors(errors);
    wf_ssize_t n = wf_str_len(s);
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    int be = codec == CODEC_UTF16BE || codec == CODEC_UTF32BE;
    if (codec == CODEC_UTF16 && put(&b, "\xff\xfe", 2) < 0) goto fail;
    if (codec == CODEC_UTF32 && put(&b, "\xff\xfe\0\0", 4) < 0) goto fail;
    for (wf_ssize_t i = 0; i < n;) {
        uint32_t c = wf_str_char(s, i);
        if (encodable(codec, c)) {
            unsigned char tmp[8];
            size_t k;
            if (codec == CODEC_UTF8) k = utf8_put(c, tmp);
            else if (IS_UTF32(codec)) {
                for (int q = 0; q < 4; q++) tmp[be ? 3 - q : q] = (unsigned char)(c >> (8 * q));
                k = 4;
            } else if (IS_UTF16(codec)) {
                uint32_t u[2] = {c, 0};
                int nu = 1;
                if (c >= 0x10000) {
                    u[0] = 0xd800 + ((c - 0x10000) >> 10);
                    u[1] = 0xdc00 + ((c - 0x10000) & 0x3ff);
                    nu = 2;
                }
                for (int q = 0; q < nu; q++) {
                    tmp[2 * q + (be ? 1 : 0)] = (unsigned char)(u[q] & 0xff);
                    tmp[2 * q + (be ? 0 : 1)] = (unsigned char)(u[q] >> 8);
                }
                k = (size_t)(2 * nu);
            } else {
                tmp[0] = (unsigned char)c;
                k = 1;
            }
            if (put(&b, tmp, k) < 0) goto fail;
            i++;
            continue;
        }
        wf_ssize_t end = i + 1;
        while (end < n && !encodable(codec, wf_str_char(s, end))) end++;
        if (eh == ERR_STRICT || eh == ERR_UNKNOWN) {
            if (eh == ERR_UNKNOWN) unknown_handler(errors);
            else
                raise_unicode_error(&wf_exc_UnicodeEncodeError, codec_names[codec], s, i, end,
                                    codec == CODEC_ASCII ? "ordinal not in range(128)"
                                    : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                                                            : "surrogates not allowed");
            goto fail;
        }
        if (eh == ERR_SURROGATEESCAPE) {
            for (wf_ssize_t k = i; k < end; k++) {
                uint32_t c2 = wf_str_char(s, k);
                if (c2 < 0xdc80 || c2 > 0xdcff || IS_UTF16(codec) || IS_UTF32(codec)) {
                    raise_unicode_error(&wf_exc_UnicodeEncodeError, codec_names[codec], s, k, k + 1,
                                        codec == CODEC_ASCII ? "ordinal not in range(128)"
                                        : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                                                                : "surrogates not allowed");
                    goto fail;
                }
                unsigned char byte = (unsigned char)(c2 - 0xdc00);
                if (put(&b, &byte, 1) < 0) goto fail;
            }
        }
        for (wf_ssize_t k = i; k < end && eh != ERR_IGNORE && eh != ERR_SURROGATEESCAPE; k++) {
            uint32_t c2 = wf_str_char(s, k);
            char tmp[160], nm[140];
            if (eh == ERR_NAMEREPLACE && wfo_uni_name_of(c2, nm, sizeof nm)) snprintf(tmp, sizeof tmp, "\\N{%s}", nm);
            else if (eh == ERR_REPLACE) snprintf(tmp, sizeof tmp, "?");
            else if (eh == ERR_XMLREF) snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c2);
            else if (c2 < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)c2);
            else if (c2 < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c2);
            else snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)c2);
            if (put(&b, tmp, strlen(tmp)) < 0) goto fail;
        }
        i = end;
    }
    return finish(&b, 0);
fail:
    wfo_strbuf_free(&b);
    return NULL;
}

static const char *const enc_names[] = {"encoding", "errors"};

/* encoding/errors arguments of decode/encode (defaults utf-8, strict) */
static int codec_args(const char *fname, wf_object *const *args, wf_ssize_t nargs,
                      wf_object *kwnames, const char **enc, const char **err) {
    wf_object *a[2];
    if (bind(fname, args, nargs, kwnames, enc_names, 0, 2, a) < 0) return -1;
    *enc = a[0] ? cstr_arg(a[0], fname, "encoding") : "utf-8";
    if (!*enc) return -1;
    *err = a[1] ? cstr_arg(a[1], fname, "errors") : "strict";
    return *err ? 0 : -1;
}

wf_object *wfo_str_encode_method(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                 wf_object *kwnames) {
    const char *enc, *err;
    if (codec_args("encode", args, nargs, kwnames, &enc, &err) < 0) return NULL;
    return wf_str_encode(self, enc, err);
}

wf_object *wfo_bytes_m_decode(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    const char *enc, *err;
    if (codec_args("decode", args, nargs, kwnames, &enc, &err) < 0) return NULL;
    return wf_bytes_decode(self, enc, err);
}

/* --- shared read-only methods ---------------------------------------------------- */

#define SELF_SNAPSHOT(var)                  \
    wf_object *var = wfo_bytes_like(self);  \
    if (!var) return NULL;                  \
    int ba = !WF_BYTES_CHECK(self)

static const unsigned char *D(wf_object *b) { return (const unsigned char *)WF_BYTES_DATA(b); }

static const char hexdigits[] = "0123456789abcdef";

wf_object *wfo_bytes_m_hex(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                           wf_object *kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    wf_object *a[2];
    if (bind("hex", args, nargs, kwnames, names, 0, 2, a) < 0) return NULL;
    wf_object *sepb = NULL;
    char sep = 0;
    if (a[0]) {
        if (WF_STR_CHECK(a[0])) {
            if (wf_str_len(a[0]) != 1)
                return wf_err_format(&wf_exc_ValueError, "sep must be length 1.");
            uint32_t c = wf_str_char(a[0], 0);
            if (c > 127) return wf_err_format(&wf_exc_ValueError, "sep must be ASCII.");
            sep = (char)c;
        } else {
            sepb = wfo_bytes_like(a[0]);
            if (!sepb) return NULL;
            wf_ssize_t sl = WF_BYTES_SIZE(sepb);
            char c = sl ? WF_BYTES_DATA(sepb)[0] : 0;
            wf_decref(sepb);
            if (sl != 1) return wf_err_format(&wf_exc_ValueError, "sep must be length 1.");
            if ((unsigned char)c > 127) return wf_err_format(&wf_exc_ValueError, "sep must be ASCII.");
            sep = c;
        }
    }
    wf_ssize_t per = 1;
    if (a[1]) {
        per = wf_number_as_ssize_t(a[1], &wf_exc_OverflowError);
        if (per == -1 && wf_err_occurred()) return NULL;
    }
    SELF_SNAPSHOT(b);
    (void)ba;
    wf_ssize_t n = WF_BYTES_SIZE(b);
    wf_ssize_t g = per < 0 ? -per : per;
    wfo_strbuf out;
    wfo_strbuf_init(&out);
    for (wf_ssize_t i = 0; i < n; i++) {
        if (a[0] && g && i > 0) {
            /* positive: groups counted from the right; negative: from the left */
            int boundary = per > 0 ? (n - i) % g == 0 : i % g == 0;
            if (boundary && put(&out, &sep, 1) < 0) goto fail;
        }
        char h[2] = {hexdigits[D(b)[i] >> 4], hexdigits[D(b)[i] & 15]};
        if (put(&out, h, 2) < 0) goto fail;
    }
    wf_decref(b);
    wf_object *r = wf_str_from_utf8(out.data ? out.data : "", (wf_ssize_t)out.len);
    wfo_strbuf_free(&out);
    return r;
fail:
    wf_decref(b);
    wfo_strbuf_free(&out);
    return NULL;
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}
static int is_ascii_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

wf_object *wfo_bytes_fromhex(wf_object *type, wf_object *arg) {
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "fromhex() argument must be str, not %s",
                             wf_type_name(WF_TYPE(arg)));
    wf_ssize_t n = wf_str_len(arg), i = 0;
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    while (i < n) {
        if (is_ascii_space(wf_str_char(arg, i))) {
            i++;
            continue;
        }
        int top = hexval(wf_str_char(arg, i));
        int bot = i + 1 < n ? hexval(wf_str_char(arg, i + 1)) : -1;
        if (top < 0 || bot < 0) {
            wfo_strbuf_free(&b);
            return wf_err_format(&wf_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 top < 0 ? i : i + 1);
        }
        unsigned char c = (unsigned char)(top * 16 + bot);
        if (put(&b, &c, 1) < 0) {
            wfo_strbuf_free(&b);
            return NULL;
        }
        i += 2;
    }
    return finish(&b, (wf_type *)type != &wf_bytes_type);
}

wf_object *wfo_bytes_m_join(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames) {
    if (wf_check_no_kwargs("join", kwnames) || wf_check_nargs("join", nargs, 1, 1)) return NULL;
    wf_object *seq = wf_sequence_list(args[0]);
    if (!seq) return NULL;
    SELF_SNAPSHOT(sep);
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    wf_ssize_t n = wf_list_size(seq);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *it = wf_list_get_item(seq, i);
        if (!it) goto fail;
        if (!is_bytes_like(it)) {
            wf_err_format(&wf_exc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %s found", i,
                          wf_type_name(WF_TYPE(it)));
            wf_decref(it);
            goto fail;
        }
        wf_object *s = wfo_bytes_like(it);
        wf_decref(it);
        if (!s) goto fail;
        int rc = (i ? put(&b, D(sep), (size_t)WF_BYTES_SIZE(sep)) : 0) ||
                 put(&b, D(s), (size_t)WF_BYTES_SIZE(s));
        wf_decref(s);
        if (rc) goto fail;
    }
    wf_decref(seq);
    wf_decref(sep);
    return finish(&b, ba);
fail:
    wf_decref(seq);
    wf_decref(sep);
    wfo_strbuf_free(&b);
    return NULL;
}

/* Find needle in hay[start, end) from the left (dir > 0) or the right. */
static wf_ssize_t find_in(const unsigned char *h, wf_ssize_t n, const unsigned char *nd,
                          wf_ssize_t m, wf_ssize_t start, wf_ssize_t end, int dir) {
    wfo_adjust_bounds(&start, &end, n);
    if (end - start < m) return -1;
    if (dir > 0) {
        for (wf_ssize_t i = start; i + m <= end; i++)
            if (memcmp(h + i, nd, (size_t)m) == 0) return i;
    } else {
        for (wf_ssize_t i = end - m; i >= start; i--)
            if (memcmp(h + i, nd, (size_t)m) == 0) return i;
    }
    return -1;
}

/* split/rsplit on whitespace or sep; dir > 0 split, < 0 rsplit */
static wf_object *split_impl(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames, const char *fname, int dir) {
    static const char *const names[] = {"sep", "maxsplit"};
    wf_object *a[2];
    if (bind(fname, args, nargs, kwnames, names, 0, 2, a) < 0) return NULL;
    wf_ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = wf_number_as_ssize_t(a[1], &wf_exc_OverflowError);
        if (maxsplit == -1 && wf_err_occurred()) return NULL;
    }
    if (maxsplit < 0) maxsplit = WF_SSIZE_MAX;
    wf_object *sep = NULL;
    if (a[0] && a[0] != wf_None) {
        sep = wfo_bytes_like(a[0]);
        if (!sep) return NULL;
        if (WF_BYTES_SIZE(sep) == 0) {
            wf_decref(sep);
            return wf_err_format(&wf_exc_ValueError, "empty separator");
        }
    }
    wf_object *b = wfo_bytes_like(self);
    if (!b) {
        wf_xdecref(sep);
        return NULL;
    }
    int ba = !WF_BYTES_CHECK(self);
    const unsigned char *p = D(b);
    wf_ssize_t n = WF_BYTES_SIZE(b);
    wf_object *list = wf_list_new(0);
    if (!list) goto fail;
    /* pieces are collected in order of discovery; rsplit reverses them */
    if (sep) {
        const unsigned char *s = D(sep);
        wf_ssize_t m = WF_BYTES_SIZE(sep), lo = 0, hi = n;
        while (maxsplit-- > 0) {
            wf_ssize_t k = find_in(p, n, s, m, lo, hi, dir);
            if (k < 0) break;
            wf_object *piece = dir > 0 ? wfo_bytes_make(ba, p + lo, k - lo)
                                       : wfo_bytes_make(ba, p + k + m, hi - k - m);
            if (!piece || wfo_list_append_steal(list, piece) < 0) goto fail;
            if (dir > 0) lo = k + m;
            else hi = k;
        }
        wf_object *rest = wfo_bytes_make(ba, p + lo, hi - lo);
        if (!rest || wfo_list_append_steal(list, rest) < 0) goto fail;
    } else if (dir > 0) {
        wf_ssize_t i = 0;
        while (1) {
            while (i < n && is_ascii_space(p[i])) i++;
            if (i >= n) break;
            wf_ssize_t j = i;
            if (maxsplit-- <= 0) j = n;
            else
                while (j < n && !is_ascii_space(p[j])) j++;
            wf_object *piece = wfo_bytes_make(ba, p + i, j - i);
            if (!piece || wfo_list_append_steal(list, piece) < 0) goto fail;
            i = j;
        }
    } else {
        wf_ssize_t i = n;
        while (1) {
            while (i > 0 && is_ascii_space(p[i - 1])) i--;
            if (i <= 0) break;
            wf_ssize_t j = i;
            if (maxsplit-- <= 0) j = 0;
            else
                while (j > 0 && !is_ascii_space(p[j - 1])) j--;
            wf_object *piece = wfo_bytes_make(ba, p + j, i - j);
            if (!piece || wfo_list_append_steal(list, piece) < 0) goto fail;
            i = j;
        }
    }
    if (dir < 0 && wf_list_reverse(list) < 0) goto fail;
    wf_decref(b);
    wf_xdecref(sep);
    return list;
fail:
    wf_xdecref(list);
    wf_decref(b);
    wf_xdecref(sep);
    return NULL;
}

wf_object *wfo_bytes_m_split(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    return split_impl(self, args, nargs, kwnames, "split", 1);
}
wf_object *wfo_bytes_m_rsplit(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    return split_impl(self, args, nargs, kwnames, "rsplit", -1);
}

/* which: 1 left, 2 right, 3 both */
static wf_object *strip_impl(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames, const char *fname, int which) {
    if (wf_check_no_kwargs(fname, kwnames) || wf_check_nargs(fname, nargs, 0, 1)) return NULL;
    wf_object *chars = NULL;
    if (nargs && args[0] != wf_None) {
        chars = wfo_bytes_like(args[0]);
        if (!chars) return NULL;
    }
    wf_object *b = wfo_bytes_like(self);
    if (!b) {
        wf_xdecref(chars);
        return NULL;
    }
    int ba = !WF_BYTES_CHECK(self);
    unsigned char set[256] = {0};
    if (chars)
        for (wf_ssize_t k = 0; k < WF_BYTES_SIZE(chars); k++) set[D(chars)[k]] = 1;
    else
        for (int c = 0; c < 256; c++) set[c] = (unsigned char)is_ascii_space((uint32_t)c);
    const unsigned char *p = D(b);
    wf_ssize_t i = 0, j = WF_BYTES_SIZE(b);
    if (which & 1)
        while (i < j && set[p[i]]) i++;
    if (which & 2)
        while (j > i && set[p[j - 1]]) j--;
    wf_object *r = wfo_bytes_make(ba, p + i, j - i);
    wf_decref(b);
    wf_xdecref(chars);
    return r;
}

wf_object *wfo_bytes_m_strip(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    return strip_impl(self, args, nargs, kwnames, "strip", 3);
}
wf_object *wfo_bytes_m_lstrip(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    return strip_impl(self, args, nargs, kwnames, "lstrip", 1);
}
wf_object *wfo_bytes_m_rstrip(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    return strip_impl(self, args, nargs, kwnames, "rstrip", 2);
}

/* The sub argument of find/count/...: an int 0..255 or a bytes-like;
 * a new bytes. */
static wf_object *sub_arg(wf_object *o) {
    if (wf_index_check(o)) {
        wf_ssize_t v = wf_number_as_ssize_t(o, NULL);
        if (v == -1 && wf_err_occurred()) return NULL;
        if (v < 0 || v > 255) return wf_err_format(&wf_exc_ValueError, "byte must be in range(0, 256)");
        unsigned char c = (unsigned char)v;
        return wf_bytes_from_data(&c, 1);
    }
    if (!is_bytes_like(o))
        return wf_err_format(&wf_exc_TypeError,
                             "argument should be integer or bytes-like object, not '%s'",
                             wf_type_name(WF_TYPE(o)));
    return wfo_bytes_like(o);
}

static int bound_args(wf_object *const *args, wf_ssize_t nargs, wf_ssize_t *start,
                      wf_ssize_t *end) {
    *start = 0;
    *end = WF_SSIZE_MAX;
    for (int k = 1; k < 3 && k < nargs; k++) {
        if (args[k] == wf_None) continue;
        if (!wf_index_check(args[k])) {
            wf_err_format(&wf_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        wf_ssize_t v = wf_number_as_ssize_t(args[k], NULL);
        if (v == -1 && wf_err_occurred()) return -1;
        *(k == 1 ? start : end) = v;
    }
    return 0;
}

/* mode: 0 find, 1 index, 2 count */
static wf_object *find_impl(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames, const char *fname, int dir, int mode) {
    if (wf_check_no_kwargs(fname, kwnames) || wf_check_nargs(fname, nargs, 1, 3)) return NULL;
    wf_ssize_t start, end;
    if (bound_args(args, nargs, &start, &end) < 0) return NULL;
    wf_object *sub = sub_arg(args[0]);
    if (!sub) return NULL;
    wf_object *b = wfo_bytes_like(self);
    if (!b) {
        wf_decref(sub);
        return NULL;
    }
    wf_ssize_t n = WF_BYTES_SIZE(b), m = WF_BYTES_SIZE(sub), r;
    if (mode == 2) {
        wfo_adjust_bounds(&start, &end, n);
        r = 0;
        if (end - start >= m) {
            if (m == 0) r = end - start + 1;
            else
                for (wf_ssize_t i = start; i + m <= end;) {
                    if (memcmp(D(b) + i, D(sub), (size_t)m) == 0) {
                        r++;
                        i += m;
                    } else
                        i++;
                }
        }
    } else {
        r = find_in(D(b), n, D(sub), m, start, end, dir);
    }
    wf_decref(b);
    wf_decref(sub);
    if (mode == 1 && r < 0) return wf_err_format(&wf_exc_ValueError, "subsection not found");
    return wf_int_from_ssize(r);
}

wf_object *wfo_bytes_m_find(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames) {
    return find_impl(self, args, nargs, kwnames, "find", 1, 0);
}
wf_object *wfo_bytes_m_rfind(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    return find_impl(self, args, nargs, kwnames, "rfind", -1, 0);
}
wf_object *wfo_bytes_m_index(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    return find_impl(self, args, nargs, kwnames, "index", 1, 1);
}
wf_object *wfo_bytes_m_rindex(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                              wf_object *kwnames) {
    return find_impl(self, args, nargs, kwnames, "rindex", -1, 1);
}
wf_object *wfo_bytes_m_count(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                             wf_object *kwnames) {
    return find_impl(self, args, nargs, kwnames, "count", 1, 2);
}

/* startswith (end == 0) / endswith (end == 1) */
static wf_object *xwith(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                        wf_object *kwnames, const char *fname, int at_end) {
    if (wf_check_no_kwargs(fname, kwnames) || wf_check_nargs(fname, nargs, 1, 3)) return NULL;
    wf_ssize_t start, end;
    if (bound_args(args, nargs, &start, &end) < 0) return NULL;
    wf_object *x = args[0];
    int tuple = WF_TUPLE_CHECK(x);
    wf_ssize_t nt = tuple ? WF_TUPLE_SIZE(x) : 1;
    for (wf_ssize_t k = 0; k < nt; k++) {
        wf_object *p = tuple ? WF_TUPLE_ITEM(x, k) : x;
        if (!is_bytes_like(p)) {
            if (tuple)
                return wf_err_format(&wf_exc_TypeError,
                                     "a bytes-like object is required, not '%s'",
                                     wf_type_name(WF_TYPE(p)));
            return wf_err_format(&wf_exc_TypeError,
                                 "%s first arg must be bytes or a tuple of bytes, not %s", fname,
                                 wf_type_name(WF_TYPE(p)));
        }
    }
    wf_object *b = wfo_bytes_like(self);
    if (!b) return NULL;
    wf_ssize_t n = WF_BYTES_SIZE(b);
    wf_ssize_t s = start, e = end;
    wfo_adjust_bounds(&s, &e, n);
    int hit = 0;
    for (wf_ssize_t k = 0; k < nt && !hit; k++) {
        wf_object *p = wfo_bytes_like(tuple ? WF_TUPLE_ITEM(x, k) : x);
        if (!p) {
            wf_decref(b);
            return NULL;
        }
        wf_ssize_t m = WF_BYTES_SIZE(p);
        if (s <= n && e - s >= m)
            hit = memcmp(D(b) + (at_end ? e - m : s), D(p), (size_t)m) == 0;
        wf_decref(p);
    }
    wf_decref(b);
    return wf_newref(wf_bool_from(hit));
}

wf_object *wfo_bytes_m_startswith(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                  wf_object *kwnames) {
    return xwith(self, args, nargs, kwnames, "startswith", 0);
}
wf_object *wfo_bytes_m_endswith(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                wf_object *kwnames) {
    return xwith(self, args, nargs, kwnames, "endswith", 1);
}

wf_object *wfo_bytes_m_replace(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    if (wf_check_no_kwargs("replace", kwnames) || wf_check_nargs("replace", nargs, 2, 3))
        return NULL;
    wf_ssize_t count = -1;
    if (nargs == 3) {
        count = wf_number_as_ssize_t(args[2], &wf_exc_OverflowError);
        if (count == -1 && wf_err_occurred()) return NULL;
    }
    if (count < 0) count = WF_SSIZE_MAX;
    wf_object *old = wfo_bytes_like(args[0]);
    wf_object *new_ = old ? wfo_bytes_like(args[1]) : NULL;
    wf_object *b = new_ ? wfo_bytes_like(self) : NULL;
    if (!b) {
        wf_xdecref(old);
        wf_xdecref(new_);
        return NULL;
    }
    int ba = !WF_BYTES_CHECK(self);
    const unsigned char *p = D(b);
    wf_ssize_t n = WF_BYTES_SIZE(b), m = WF_BYTES_SIZE(old), i = 0;
    wfo_strbuf out;
    wfo_strbuf_init(&out);
    int rc = 0;
    if (m == 0) {
        /* insert new before every byte and at the end, up to count times */
        for (; i <= n && rc == 0; i++) {
            if (count > 0) {
                rc = put(&out, D(new_), (size_t)WF_BYTES_SIZE(new_));
                count--;
            }
            if (i < n && rc == 0) rc = put(&out, p + i, 1);
        }
    } else {
        while (rc == 0 && i < n) {
            wf_ssize_t k = count > 0 ? find_in(p, n, D(old), m, i, n, 1) : -1;
            if (k < 0) {
                rc = put(&out, p + i, (size_t)(n - i));
                break;
            }
            rc = put(&out, p + i, (size_t)(k - i));
            if (!rc) rc = put(&out, D(new_), (size_t)WF_BYTES_SIZE(new_));
            i = k + m;
            count--;
        }
    }
    wf_decref(b);
    wf_decref(old);
    wf_decref(new_);
    if (rc) {
        wfo_strbuf_free(&out);
        return NULL;
    }
    return finish(&out, ba);
}

/* --- shared slots ------------------------------------------------------------------ */

wf_object *wfo_bytes_concat(wf_object *a, wf_object *b) {
    if (!is_bytes_like(b))
        return wf_err_format(&wf_exc_TypeError, "can't concat %s to %s", wf_type_name(WF_TYPE(b)),
                             wf_type_name(WF_TYPE(a)));
    wf_object *x = wfo_bytes_like(a);
    wf_object *y = x ? wfo_bytes_like(b) : NULL;
    wf_object *r = NULL;
    if (y) {
        wf_ssize_t na = WF_BYTES_SIZE(x), nb = WF_BYTES_SIZE(y);
        if (na > WF_SSIZE_MAX - nb) r = wf_err_no_memory();
        else {
            wf_object *t = bytes_alloc(na + nb);
            if (t) {
                memcpy(BYTES(t)->ob_sval, D(x), (size_t)na);
                memcpy(BYTES(t)->ob_sval + na, D(y), (size_t)nb);
                r = WF_BYTES_CHECK(a) ? t : wfo_bytes_make(1, D(t), na + nb);
                if (r != t) wf_decref(t);
            }
        }
    }
    wf_xdecref(x);
    wf_xdecref(y);
    return r;
}

wf_object *wfo_bytes_repeat(wf_object *a, wf_ssize_t n) {
    wf_object *x = wfo_bytes_like(a);
    if (!x) return NULL;
    if (n < 0) n = 0;
    wf_ssize_t m = WF_BYTES_SIZE(x);
    wf_object *r = NULL;
    if (m && n > WF_SSIZE_MAX / m && WF_BYTES_CHECK(a))
        r = wf_err_format(&wf_exc_OverflowError, "repeated bytes are too long");
    else if (m && n > WF_SSIZE_MAX / 2 / m) r = wf_err_no_memory();
    else {
        wf_object *t = bytes_alloc(m * n);
        if (t) {
            for (wf_ssize_t i = 0; i < n; i++) memcpy(BYTES(t)->ob_sval + i * m, D(x), (size_t)m);
            r = WF_BYTES_CHECK(a) ? t : wfo_bytes_make(1, D(t), m * n);
            if (r != t) wf_decref(t);
        }
    }
    wf_decref(x);
    return r;
}

wf_object *wfo_bytes_richcompare(wf_object *a, wf_object *b, int op) {
    if (!is_bytes_like(a) || !is_bytes_like(b)) return wf_newref(wf_NotImplemented);
    /* As CPython: bytes leaves memoryviews to memoryview's comparison
     * (values through their formats); bytearray compares their raw bytes,
     * and a released view is NotImplemented. */
    int mv = wfo_is_memoryview(a) || wfo_is_memoryview(b);
    if (mv && (WF_BYTES_CHECK(a) || WF_BYTES_CHECK(b))) return wf_newref(wf_NotImplemented);
    wf_object *x = wfo_bytes_like(a);
    wf_object *y = x ? wfo_bytes_like(b) : NULL;
    if (!y) {
        wf_xdecref(x);
        if (!mv) return NULL;
        wf_err_clear();
        return wf_newref(wf_NotImplemented);
    }
    wf_ssize_t na = WF_BYTES_SIZE(x), nb = WF_BYTES_SIZE(y);
    int c = memcmp(D(x), D(y), (size_t)(na < nb ? na : nb));
    if (c == 0) c = na < nb ? -1 : na > nb ? 1 : 0;
    wf_decref(x);
    wf_decref(y);
    int r = op == WF_LT ? c < 0 : op == WF_LE ? c <= 0 : op == WF_EQ ? c == 0
          : op == WF_NE ? c != 0 : op == WF_GT ? c > 0 : c >= 0;
    return wf_newref(wf_bool_from(r));
}

int wfo_bytes_contains(wf_object *self, wf_object *x) {
    wf_object *sub = sub_arg(x);
    if (!sub) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                          wf_type_name(WF_TYPE(x)));
        }
        return -1;
    }
    wf_object *b = wfo_bytes_like(self);
    if (!b) {
        wf_decref(sub);
        return -1;
    }
    wf_ssize_t r = find_in(D(b), WF_BYTES_SIZE(b), D(sub), WF_BYTES_SIZE(sub), 0, WF_SSIZE_MAX, 1);
    wf_decref(b);
    wf_decref(sub);
    return r >= 0;
}

/* --- bytes' own slots ---------------------------------------------------------------- */

static wf_object *bytes_repr(wf_object *o) {
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_repr_bytes(&b, D(o), (size_t)WF_BYTES_SIZE(o)) < 0) {
        wfo_strbuf_free(&b);
        return wf_err_no_memory();
    }
    return wfo_strbuf_finish(&b);
}

static wf_hash_t bytes_hash(wf_object *o) {
    wf_bytes *b = BYTES(o);
    wf_hash_t h = atomic_load_explicit(&b->hash, memory_order_relaxed);
    if (h != -1) return h;
    uint64_t x = 0xcbf29ce484222325ull;
    for (wf_ssize_t i = 0; i < b->ob_size; i++) {
        x ^= (unsigned char)b->ob_sval[i];
        x *= 0x100000001b3ull;
    }
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    h = (wf_hash_t)x;
    if (h == -1) h = -2;
    atomic_store_explicit(&b->hash, h, memory_order_relaxed);
    return h;
}

static wf_ssize_t bytes_length(wf_object *o) { return WF_BYTES_SIZE(o); }

static wf_object *bytes_item(wf_object *o, wf_ssize_t i) {
    if (i < 0 || i >= WF_BYTES_SIZE(o)) return wf_err_format(&wf_exc_IndexError, "index out of range");
    return wf_int_from_i64(D(o)[i]);
}

static wf_object *bytes_subscript(wf_object *o, wf_object *key) {
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize_t n = wf_slice_adjust_indices(WF_BYTES_SIZE(o), &start, &stop, step);
        if (step == 1) {
            if (n == WF_BYTES_SIZE(o)) return wf_newref(o);
            return wf_bytes_from_data(D(o) + start, n);
        }
        wf_object *r = bytes_alloc(n);
        if (r)
            for (wf_ssize_t i = 0; i < n; i++) BYTES(r)->ob_sval[i] = (char)D(o)[start + i * step];
        return r;
    }
    if (!wf_index_check(key))
        return wf_err_format(&wf_exc_TypeError, "byte indices must be integers or slices, not %s",
                             wf_type_name(WF_TYPE(key)));
    wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += WF_BYTES_SIZE(o);
    return bytes_item(o, i);
}

static wf_object *bytes_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)type;
    static const char *const names[] = {"source", "encoding", "errors"};
    wf_object *a[3] = {NULL, NULL, NULL};
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 3) return wf_err_format(&wf_exc_TypeError, "bytes() takes at most 3 arguments (%zd given)", n);
    for (wf_ssize_t k = 0; k < n; k++) a[k] = WF_TUPLE_ITEM(args, k);
    if (kwargs) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int j = 0;
            while (j < 3 && !wf_str_eq_cstr(k, names[j])) j++;
            if (j == 3 || a[j]) {
                wf_err_format(&wf_exc_TypeError, j == 3 ? "bytes() got an unexpected keyword argument '%U'"
                                                        : "argument for bytes() given by name ('%U') and position",
                              k);
                wf_decref(k);
                wf_decref(v);
                return NULL;
            }
            a[j] = v; /* borrowed from the dict below */
            wf_decref(k);
            wf_decref(v);
        }
    }
    if (a[0] && !a[1] && !a[2] && WF_TYPE(a[0]) != &wf_bytes_type) {
        /* bytes(x) asks x.__bytes__() first */
        /* Looked up on the type and held while called (wfo_call_special):
         * the class may be rebinding __bytes__ in another thread. */
        int found;
        wf_object *r = wfo_call_special(a[0], wf_str_intern_cstr("__bytes__"), NULL, 0, &found);
        if (found) {
            if (r && !WF_BYTES_CHECK(r)) {
                wf_err_format(&wf_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                              wf_type_name(WF_TYPE(r)));
                wf_decref(r);
                return NULL;
            }
            return r;
        }
    }
    return wfo_bytes_from_object(a[0], a[1], a[2], "bytes");
}

static wf_object *bytes_iter(wf_object *o) { return wfo_seqiter_new_typed(&wfo_bytes_iter_type, o); }

static wf_method_def bytes_methods[] = {
    WFO_BYTES_COMMON_METHODS(WFO_BYTES_METHOD_ENTRY)
    {"fromhex", wfo_bytes_fromhex, WF_METH_O | WF_METH_CLASS,
     "Create a bytes object from a string of hexadecimal numbers."},
    {NULL, NULL, 0, NULL},
};

static wf_sequence_methods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = wfo_bytes_concat,
    .sq_repeat = wfo_bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = wfo_bytes_contains,
};
static wf_mapping_methods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

wf_type wf_bytes_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "bytes",
    .tp_basicsize = sizeof(wf_bytes),
    .tp_itemsize = 1,
    .tp_flags = WF_TPFLAGS_BYTES_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = wfo_free_instance,
    .tp_repr = bytes_repr,
    .tp_hash = bytes_hash,
    .tp_richcompare = wfo_bytes_richcompare,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = bytes_iter,
    .tp_new = bytes_new,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_methods = bytes_methods,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
};

void wfo_sequences_init(void) {
    wf_type_ready(&wf_slice_type);
    wf_type_ready(&wf_range_type);
    wf_type_ready(&wfo_range_iter_type);
    wf_type_ready(&wf_bytes_type);
    wf_type_ready(&wf_bytearray_type);
    wf_type_ready(&wf_mappingproxy_type);
    wf_type_ready(&wfo_bytes_iter_type);
    wf_type_ready(&wfo_bytearray_iter_type);
}
