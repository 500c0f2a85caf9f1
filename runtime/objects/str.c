/*
 * runtime/objects/str.c — str: immutable Unicode text, PEP 393-style, and
 * the interning table.
 *
 * Representation (weft/objects.h): `length` code points stored right after
 * the wf_str header in `kind` = 1, 2 or 4 bytes each, always the narrowest
 * kind that holds the largest code point, followed by one zero code unit.
 * Invariant: canonical — every constructor narrows, so two equal strings
 * have the same kind and the same bytes (equality is memcmp, the hash is a
 * function of the bytes).  `ascii` is set iff every code point is < 128;
 * then the data is also the UTF-8 form.
 *
 * Caches, the only fields written after publication:
 *   hash   -1 until computed; any thread may compute it and store it with a
 *          relaxed atomic store (every thread computes the same value).
 *   utf8   non-ASCII strings: the generalized UTF-8 form (lone surrogates
 *          encoded as 3 bytes), built on first request into a wfm_malloc
 *          buffer; utf8_length is stored first, then the pointer is
 *          published with a release CAS from NULL; a thread that loses the
 *          race frees its copy.  Readers load it with acquire.
 *
 * Interning: INTERN_SHARDS ck_hs sets (CK_HS_MODE_SPMC|OBJECT) of immortal
 * exact-str objects; a string's shard is chosen by the low bits of its
 * hash.  Lookups are lock-free (ck_hs_get is safe against one concurrent
 * writer); inserts into one shard are serialized by that shard's mutex, so
 * threads interning new strings rarely meet on a lock (no global lock).  A string enters the
 * table only after `interned` is set with a release store, and readers
 * acquire-load `interned` on a hit, so a hit's contents happen-before its
 * use.  Interned strings are immortal until wfo_str_fini, which frees them
 * (the world is single-threaded then).  Replaced hash-set maps are freed
 * after an SMR grace period (wfm_free_delayed) since readers may be
 * probing them.
 *
 * Thread-safety: everything else is immutable after publication; no
 * function here locks except the interning writer.
 */
#include "runtime/objects/objimpl.h"

#include <ck_hs.h>
#include <stdio.h>
#include <stdlib.h>

#include "runtime/objects/repr.h"
#include "runtime/objects/unicode_db.h"
#include "runtime/objects/format.h"

#define STR(o) ((wf_str *)(o))
#define WF_RETURN_BOOL_TRUE return wf_newref(wf_True)

static int in_chars(wf_object *chars, uint32_t c);

static int kind_for(uint32_t maxchar) { return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4; }

static size_t str_varsize(wf_object *o) {
    return sizeof(wf_str) + (size_t)(STR(o)->length + 1) * STR(o)->kind;
}

/* Allocate an unpublished string of type (str or a subclass) with n code
 * points of the kind maxchar needs; data zero-filled (so terminated). */
static wf_object *str_alloc(wf_type *type, wf_ssize_t n, uint32_t maxchar) {
    if (n < 0 || n > (WF_SSIZE_MAX - (wf_ssize_t)sizeof(wf_str)) / 4 - 1) return wf_err_no_memory();
    int kind = kind_for(maxchar);
    wf_object *o;
    if (type == &wf_str_type)
        o = wfo_alloc(type, sizeof(wf_str) + (size_t)(n + 1) * (size_t)kind);
    else
        o = wf_type_generic_alloc(type, (n + 1) * kind);
    if (!o) return NULL;
    wf_str *s = STR(o);
    s->length = n;
    atomic_store_explicit(&s->hash, -1, memory_order_relaxed);
    atomic_store_explicit(&s->utf8, NULL, memory_order_relaxed);
    atomic_store_explicit(&s->utf8_length, 0, memory_order_relaxed);
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 0x80;
    atomic_store_explicit(&s->interned, 0, memory_order_relaxed);
    return o;
}

wf_object *wf_str_new_raw(wf_ssize_t n, uint32_t maxchar) { return str_alloc(&wf_str_type, n, maxchar); }

static void str_write(int kind, void *data, wf_ssize_t i, uint32_t c) {
    if (kind == 1) ((uint8_t *)data)[i] = (uint8_t)c;
    else if (kind == 2) ((uint16_t *)data)[i] = (uint16_t)c;
    else ((uint32_t *)data)[i] = c;
}

static uint32_t max_char(int kind, const void *data, wf_ssize_t n) {
    uint32_t m = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_read(kind, data, i);
        if (c > m) m = c;
    }
    return m;
}

/* Copy n code points between (possibly different) kinds; the destination
 * kind must be wide enough. */
static void copy_chars(void *dst, int dkind, wf_ssize_t dpos, const void *src, int skind,
                       wf_ssize_t spos, wf_ssize_t n) {
    if (n <= 0) return;
    if (dkind == skind) {
        memcpy((char *)dst + dpos * dkind, (const char *)src + spos * skind, (size_t)(n * dkind));
        return;
    }
    for (wf_ssize_t i = 0; i < n; i++) str_write(dkind, dst, dpos + i, wf_str_read(skind, src, spos + i));
}

/* A canonical exact str from n code points of any kind. */
static wf_object *str_from_kind(int kind, const void *data, wf_ssize_t n) {
    uint32_t m = max_char(kind, data, n);
    wf_object *r = wf_str_new_raw(n, m);
    if (!r) return NULL;
    copy_chars(wf_str_data(r), STR(r)->kind, 0, data, kind, 0, n);
    return r;
}

wf_object *wf_str_from_ucs4(const uint32_t *cp, wf_ssize_t n) { return str_from_kind(4, cp, n); }

wf_object *wf_str_from_char(uint32_t cp) {
    if (cp > 0x10ffff)
        return wf_err_format(&wf_exc_ValueError, "chr() arg not in range(0x110000)");
    return wf_str_from_ucs4(&cp, 1);
}

/* --- UTF-8 ----------------------------------------------------------------- */

/* Decode one generalized UTF-8 sequence at s[i]; returns its length (1-4)
 * and the code point, or 0 with *err_reason set. */
static int utf8_decode1(const unsigned char *s, wf_ssize_t i, wf_ssize_t len, uint32_t *out,
                        const char **reason, wf_ssize_t *bad_end) {
    unsigned c = s[i];
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    int need;
    uint32_t cp, min;
    if (c >= 0xc2 && c <= 0xdf) need = 1, cp = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef) need = 2, cp = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4) need = 3, cp = c & 0x07, min = 0x10000;
    else {
        *reason = "invalid start byte";
        *bad_end = i + 1;
        return 0;
    }
    /* The second byte's range excludes overlong forms and code points
     * above U+10FFFF (surrogates are allowed: generalized UTF-8). */
    unsigned lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
    unsigned hi = c == 0xf4 ? 0x8f : 0xbf;
    for (int k = 1; k <= need; k++) {
        if (i + k >= len) {
            *reason = "unexpected end of data";
            *bad_end = len;
            return 0;
        }
        unsigned cc = s[i + k];
        if (k == 1 ? (cc < lo || cc > hi) : (cc & 0xc0) != 0x80) {
            *reason = "invalid continuation byte";
            *bad_end = i + k;
            return 0;
        }
        cp = (cp << 6) | (cc & 0x3f);
    }
    (void)min;
    *out = cp;
    return need + 1;
}

/* UnicodeDecodeError('utf-8', object, start, end, reason).  Until the
 * bytes type exists, `object` is a tuple of the byte values (what the
 * exception's message and indexing need). */
static wf_object *raise_decode_error(const unsigned char *s, wf_ssize_t len, wf_ssize_t start,
                                     wf_ssize_t end, const char *reason) {
    wf_object *obj = wf_tuple_new(len);
    if (!obj) return NULL;
    for (wf_ssize_t k = 0; k < len; k++) WF_TUPLE_ITEM(obj, k) = wf_small_int(s[k]);
    wf_object *enc = wf_str_from_cstr("utf-8"), *why = wf_str_from_cstr(reason);
    wf_object *a = wf_int_from_ssize(start), *b = wf_int_from_ssize(end);
    wf_object *args = enc && why && a && b ? wf_tuple_pack(5, enc, obj, a, b, why) : NULL;
    if (args) wf_err_set_object(&wf_exc_UnicodeDecodeError, args);
    wf_xdecref(args);
    wf_xdecref(enc);
    wf_xdecref(why);
    wf_xdecref(a);
    wf_xdecref(b);
    wf_decref(obj);
    return NULL;
}

wf_object *wf_str_from_utf8(const char *str, wf_ssize_t len) {
    const unsigned char *s = (const unsigned char *)str;
    wf_ssize_t n = 0, i = 0;
    uint32_t maxc = 0;
    int ascii = 1;
    for (wf_ssize_t k = 0; k < len; k++)
        if (s[k] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) {
        wf_object *r = wf_str_new_raw(len, 0x7f);
        if (r && len) memcpy(wf_str_data(r), s, (size_t)len);
        return r;
    }
    while (i < len) {
        uint32_t cp;
        const char *reason = NULL;
        wf_ssize_t bad_end = 0;
        int k = utf8_decode1(s, i, len, &cp, &reason, &bad_end);
        if (!k) return raise_decode_error(s, len, i, bad_end, reason);
        if (cp > maxc) maxc = cp;
        n++;
        i += k;
    }
    wf_object *r = wf_str_new_raw(n, maxc);
    if (!r) return NULL;
    int kind = STR(r)->kind;
    void *d = wf_str_data(r);
    i = 0;
    for (wf_ssize_t j = 0; j < n; j++) {
        uint32_t cp;
        const char *reason;
        wf_ssize_t bad_end;
        i += utf8_decode1(s, i, len, &cp, &reason, &bad_end);
        str_write(kind, d, j, cp);
    }
    return r;
}

wf_object *wf_str_from_cstr(const char *s) { return wf_str_from_utf8(s, (wf_ssize_t)strlen(s)); }

static size_t utf8_encode1(uint32_t c, char *out) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

const char *wf_str_utf8(wf_object *o, wf_ssize_t *len) {
    wf_str *s = STR(o);
    if (s->ascii) {
        if (len) *len = s->length;
        return (const char *)wf_str_data(o);
    }
    char *u = atomic_load_explicit(&s->utf8, memory_order_acquire);
    if (u) {
        if (len) *len = atomic_load_explicit(&s->utf8_length, memory_order_relaxed);
        return u;
    }
    size_t need = 0;
    char tmp[4];
    for (wf_ssize_t i = 0; i < s->length; i++) need += utf8_encode1(wf_str_char(o, i), tmp);
    char *buf = wfm_malloc(need + 1);
    if (!buf) {
        wf_err_no_memory();
        return NULL;
    }
    size_t p = 0;
    for (wf_ssize_t i = 0; i < s->length; i++) p += utf8_encode1(wf_str_char(o, i), buf + p);
    buf[p] = 0;
    atomic_store_explicit(&s->utf8_length, (wf_ssize_t)p, memory_order_relaxed);
    char *expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&s->utf8, &expected, buf, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        wfm_free(buf);
        buf = expected;
    }
    if (len) *len = (wf_ssize_t)p;
    return buf;
}

/* --- formatting (wf_str_from_format) --------------------------------------- */

static int buf_append_obj(wfo_strbuf *b, wf_object *s) {
    wf_ssize_t n;
    const char *u = wf_str_utf8(s, &n);
    if (!u) return -1;
    if (wfo_strbuf_append(b, u, (size_t)n) < 0) {
        wf_err_no_memory();
        return -1;
    }
    return 0;
}

/* Append at most prec code points (prec < 0: all) of the UTF-8 text s. */
static int buf_append_utf8_prec(wfo_strbuf *b, const char *s, long prec) {
    size_t n = strlen(s);
    if (prec >= 0) {
        size_t i = 0;
        long cps = 0;
        while (i < n && cps < prec) {
            i++;
            while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80) i++;
            cps++;
        }
        n = i;
    }
    if (wfo_strbuf_append(b, s, n) < 0) {
        wf_err_no_memory();
        return -1;
    }
    return 0;
}

/* Append the number text t right-aligned in width, padded with zeros
 * (after any sign) or spaces. */
static int append_padded(wfo_strbuf *b, const char *t, long width, int zero) {
    long n = (long)strlen(t);
    int neg = t[0] == '-';
    if (zero && neg && wfo_strbuf_append(b, t, 1) < 0) return -1;
    for (long k = n; k < width; k++)
        if (wfo_strbuf_append(b, zero ? "0" : " ", 1) < 0) return -1;
    if (zero && neg) return wfo_strbuf_append(b, t + 1, (size_t)(n - 1));
    return wfo_strbuf_append(b, t, (size_t)n);
}

wf_object *wf_str_from_formatv(const char *fmt, va_list ap) {
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    va_list va;
    va_copy(va, ap);
    int err = 0;
    for (const char *p = fmt; *p && !err; p++) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%') q++;
            if (wfo_strbuf_append(&b, p, (size_t)(q - p)) < 0) err = 1;
            p = q - 1;
            continue;
        }
        p++;
        int zero = 0;
        long width = 0, prec = -1;
        if (*p == '0') zero = 1, p++;
        if (*p >= '1' && *p <= '9') width = strtol(p, (char **)&p, 10);
        if (*p == '.') {
            prec = strtol(p + 1, (char **)&p, 10);
        }
        if (width > 60) width = 60;
        int lng = 0, sz = 0;
        while (*p == 'l') lng++, p++;
        if (*p == 'z') sz = 1, p++;
        char tmp[64];
        wf_object *o, *r;
        switch (*p) {
        case '%': err = wfo_strbuf_append(&b, "%", 1) < 0; break;
        case 'd':
        case 'i':
            if (sz) snprintf(tmp, sizeof tmp, "%zd", va_arg(va, wf_ssize_t));
            else if (lng == 2) snprintf(tmp, sizeof tmp, "%lld", va_arg(va, long long));
            else if (lng == 1) snprintf(tmp, sizeof tmp, "%ld", va_arg(va, long));
            else snprintf(tmp, sizeof tmp, "%d", va_arg(va, int));
            err = append_padded(&b, tmp, width, zero) < 0;
            break;
        case 'u':
            if (sz) snprintf(tmp, sizeof tmp, "%zu", va_arg(va, size_t));
            else if (lng == 2) snprintf(tmp, sizeof tmp, "%llu", va_arg(va, unsigned long long));
            else if (lng == 1) snprintf(tmp, sizeof tmp, "%lu", va_arg(va, unsigned long));
            else snprintf(tmp, sizeof tmp, "%u", va_arg(va, unsigned));
            err = append_padded(&b, tmp, width, zero) < 0;
            break;
        case 'x':
            if (sz) snprintf(tmp, sizeof tmp, "%zx", va_arg(va, size_t));
            else if (lng == 2) snprintf(tmp, sizeof tmp, "%llx", va_arg(va, unsigned long long));
            else if (lng == 1) snprintf(tmp, sizeof tmp, "%lx", va_arg(va, unsigned long));
            else snprintf(tmp, sizeof tmp, "%x", va_arg(va, unsigned));
            err = append_padded(&b, tmp, width, zero) < 0;
            break;
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(va, void *));
            err = wfo_strbuf_append(&b, tmp, strlen(tmp)) < 0;
            break;
        case 'c': {
            size_t k = utf8_encode1((uint32_t)va_arg(va, int), tmp);
            err = wfo_strbuf_append(&b, tmp, k) < 0;
            break;
        }
        case 's': {
            const char *s = va_arg(va, const char *);
            err = buf_append_utf8_prec(&b, s ? s : "(null)", prec) < 0;
            break;
        }
        case 'U':
            o = va_arg(va, wf_object *);
            err = buf_append_obj(&b, o) < 0;
            break;
        case 'R':
        case 'S':
        case 'A':
            o = va_arg(va, wf_object *);
            r = *p == 'R' ? wf_object_repr(o) : *p == 'S' ? wf_object_str(o) : wf_object_ascii(o);
            if (!r) {
                err = 2;
                break;
            }
            err = buf_append_obj(&b, r) < 0;
            wf_decref(r);
            break;
        case 'T':
            o = va_arg(va, wf_object *);
            err = buf_append_utf8_prec(&b, wf_type_name(WF_TYPE(o)), prec) < 0;
            break;
        default:
            va_end(va);
            wfo_strbuf_free(&b);
            return wf_err_format(&wf_exc_SystemError,
                                 "wf_str_from_format: unsupported format character");
        }
    }
    va_end(va);
    if (err) {
        wfo_strbuf_free(&b);
        if (!wf_err_occurred()) wf_err_no_memory();
        return NULL;
    }
    wf_object *r = wf_str_from_utf8(b.data ? b.data : "", (wf_ssize_t)b.len);
    wfo_strbuf_free(&b);
    return r;
}

wf_object *wf_str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    wf_object *r = wf_str_from_formatv(fmt, ap);
    va_end(ap);
    return r;
}

/* --- comparison and hashing ---------------------------------------------- */

int wf_str_eq(wf_object *a, wf_object *b) {
    if (a == b) return 1;
    wf_str *x = STR(a), *y = STR(b);
    if (x->length != y->length || x->kind != y->kind) return 0;
    wf_hash_t hx = atomic_load_explicit(&x->hash, memory_order_relaxed);
    wf_hash_t hy = atomic_load_explicit(&y->hash, memory_order_relaxed);
    if (hx != -1 && hy != -1 && hx != hy) return 0;
    return memcmp(wf_str_data(a), wf_str_data(b), (size_t)(x->length * x->kind)) == 0;
}

int wf_str_eq_cstr(wf_object *a, const char *s) {
    size_t n = strlen(s);
    if (!STR(a)->ascii || (size_t)STR(a)->length != n) return 0;
    return memcmp(wf_str_data(a), s, n) == 0;
}

int wf_str_compare(wf_object *a, wf_object *b) {
    wf_ssize_t na = wf_str_len(a), nb = wf_str_len(b), n = na < nb ? na : nb;
    if (STR(a)->kind == 1 && STR(b)->kind == 1) {
        int c = memcmp(wf_str_data(a), wf_str_data(b), (size_t)n);
        if (c) return c;
    } else {
        for (wf_ssize_t i = 0; i < n; i++) {
            uint32_t x = wf_str_char(a, i), y = wf_str_char(b, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

/* FNV-1a over the canonical bytes, then a 64-bit finalizer (murmur3's
 * fmix64) so that short keys spread over all bits. */
wf_hash_t wf_str_hash(wf_object *o) {
    wf_str *s = STR(o);
    wf_hash_t h = atomic_load_explicit(&s->hash, memory_order_relaxed);
    if (h != -1) return h;
    const unsigned char *p = wf_str_data(o);
    size_t n = (size_t)s->length * s->kind;
    uint64_t x = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        x ^= p[i];
        x *= 0x100000001b3ull;
    }
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    h = (wf_hash_t)x;
    if (h == -1) h = -2;
    atomic_store_explicit(&s->hash, h, memory_order_relaxed);
    return h;
}

/* --- interning ------------------------------------------------------------- */

#define INTERN_SHARDS 16
typedef struct intern_shard {
    ck_hs_t table;  /* lock-free reads; writes under mutex */
    wf_mutex mutex; /* serializes this shard's inserts */
} __attribute__((aligned(64))) intern_shard;
static intern_shard intern_shards[INTERN_SHARDS];
static int intern_ready;

static intern_shard *shard_of(wf_object *s) {
    return &intern_shards[(size_t)wf_str_hash(s) & (INTERN_SHARDS - 1)];
}

static void *hs_malloc(size_t n) { return wfm_malloc(n); }
static void hs_free(void *p, size_t n, bool defer) {
    if (defer) wfm_free_delayed(p);
    else wfm_free(p);
}
static struct ck_malloc hs_allocator = {.malloc = hs_malloc, .free = hs_free};
static unsigned long hs_hash(const void *key, unsigned long seed) {
    return (unsigned long)wf_str_hash((wf_object *)key) ^ seed;
}
static bool hs_compare(const void *a, const void *b) { return wf_str_eq((wf_object *)a, (wf_object *)b); }

static wf_object *intern_lookup(wf_object *s) {
    ck_hs_t *t = &shard_of(s)->table;
    unsigned long h = CK_HS_HASH(t, hs_hash, s);
    wf_object *found = ck_hs_get(t, h, s);
    if (found) (void)atomic_load_explicit(&STR(found)->interned, memory_order_acquire);
    return found;
}

wf_object *wf_str_intern(wf_object *s) {
    if (!s) return NULL;
    if (atomic_load_explicit(&STR(s)->interned, memory_order_acquire)) return s;
    wf_object *found = intern_lookup(s);
    if (found) {
        wf_decref(s);
        return found;
    }
    /* The table keeps an immortal exact str of its own: a private copy,
     * since s may be shared (immortalising needs a private object). */
    wf_object *copy = str_from_kind(STR(s)->kind, wf_str_data(s), STR(s)->length);
    if (!copy) {
        wf_decref(s);
        return NULL;
    }
    wf_str_hash(copy);
    intern_shard *sh = shard_of(copy);
    wf_mutex_lock(&sh->mutex);
    found = intern_lookup(s);
    if (!found) {
        wf_set_immortal(copy);
        atomic_store_explicit(&STR(copy)->interned, 1, memory_order_release);
        unsigned long h = CK_HS_HASH(&sh->table, hs_hash, copy);
        if (!ck_hs_put(&sh->table, h, copy)) {
            wf_mutex_unlock(&sh->mutex);
            wfm_object_free(copy);
            wf_decref(s);
            return wf_err_no_memory();
        }
        found = copy;
        copy = NULL;
    }
    wf_mutex_unlock(&sh->mutex);
    if (copy) wf_decref(copy);
    wf_decref(s);
    return found;
}

wf_object *wf_str_intern_cstr(const char *s) {
    wf_object *o = wf_str_from_cstr(s);
    return o ? wf_str_intern(o) : NULL;
}

/* --- operations -------------------------------------------------------------- */

wf_object *wf_str_concat(wf_object *a, wf_object *b) {
    wf_ssize_t na = wf_str_len(a), nb = wf_str_len(b);
    if (nb == 0 && WF_STR_CHECK_EXACT(a)) return wf_newref(a);
    if (na == 0 && WF_STR_CHECK_EXACT(b)) return wf_newref(b);
    if (na > WF_SSIZE_MAX / 4 - nb) return wf_err_no_memory();
    uint32_t m = STR(a)->kind > STR(b)->kind ? max_char(STR(a)->kind, wf_str_data(a), na)
                                              : max_char(STR(b)->kind, wf_str_data(b), nb);
    if (STR(a)->kind == STR(b)->kind) {
        uint32_t m2 = max_char(STR(a)->kind, wf_str_data(a), na);
        if (m2 > m) m = m2;
    } else if (!STR(a)->ascii || !STR(b)->ascii) {
        uint32_t ma = max_char(STR(a)->kind, wf_str_data(a), na);
        uint32_t mb = max_char(STR(b)->kind, wf_str_data(b), nb);
        m = ma > mb ? ma : mb;
    }
    wf_object *r = wf_str_new_raw(na + nb, m);
    if (!r) return NULL;
    copy_chars(wf_str_data(r), STR(r)->kind, 0, wf_str_data(a), STR(a)->kind, 0, na);
    copy_chars(wf_str_data(r), STR(r)->kind, na, wf_str_data(b), STR(b)->kind, 0, nb);
    return r;
}

wf_object *wf_str_substring(wf_object *s, wf_ssize_t start, wf_ssize_t end) {
    wf_ssize_t n = wf_str_len(s);
    if (start < 0) start = 0;
    if (end > n) end = n;
    if (start == 0 && end == n && WF_STR_CHECK_EXACT(s)) return wf_newref(s);
    if (end < start) end = start;
    return str_from_kind(STR(s)->kind, (char *)wf_str_data(s) + start * STR(s)->kind, end - start);
}

/* s[start:stop:step] with already-normalised bounds producing count items. */
static wf_object *str_slice_step(wf_object *s, wf_ssize_t start, wf_ssize_t step, wf_ssize_t count) {
    if (step == 1) return wf_str_substring(s, start, start + count);
    uint32_t *tmp = wfm_malloc(sizeof(uint32_t) * (size_t)(count ? count : 1));
    if (!tmp) return wf_err_no_memory();
    for (wf_ssize_t i = 0; i < count; i++) tmp[i] = wf_str_char(s, start + i * step);
    wf_object *r = wf_str_from_ucs4(tmp, count);
    wfm_free(tmp);
    return r;
}

/* Find sub in s[start:end); dir > 0 first match, dir < 0 last; -1 when
 * absent. */
static wf_ssize_t find_impl(wf_object *s, wf_object *sub, wf_ssize_t start, wf_ssize_t end, int dir) {
    wf_ssize_t n = wf_str_len(s), m = wf_str_len(sub);
    wfo_adjust_bounds(&start, &end, n);
    if (end - start < m) return -1;
    if (m == 0) return dir > 0 ? start : end;
    if (STR(sub)->kind > STR(s)->kind) return -1;
    int ks = STR(s)->kind, kb = STR(sub)->kind;
    const void *ds = wf_str_data(s), *db = wf_str_data(sub);
    uint32_t first = wf_str_read(kb, db, 0);
    if (dir > 0) {
        for (wf_ssize_t i = start; i + m <= end; i++) {
            if (wf_str_read(ks, ds, i) != first) continue;
            wf_ssize_t k = 1;
            while (k < m && wf_str_read(ks, ds, i + k) == wf_str_read(kb, db, k)) k++;
            if (k == m) return i;
        }
    } else {
        for (wf_ssize_t i = end - m; i >= start; i--) {
            if (wf_str_read(ks, ds, i) != first) continue;
            wf_ssize_t k = 1;
            while (k < m && wf_str_read(ks, ds, i + k) == wf_str_read(kb, db, k)) k++;
            if (k == m) return i;
        }
    }
    return -1;
}

wf_ssize_t wf_str_find(wf_object *s, wf_object *sub, wf_ssize_t start, wf_ssize_t end, int dir) {
    return find_impl(s, sub, start, end, dir);
}

int wf_str_contains(wf_object *s, wf_object *sub) { return find_impl(s, sub, 0, WF_SSIZE_MAX, 1) >= 0; }

static wf_ssize_t count_impl(wf_object *s, wf_object *sub, wf_ssize_t start, wf_ssize_t end) {
    wf_ssize_t n = wf_str_len(s), m = wf_str_len(sub), c = 0;
    wfo_adjust_bounds(&start, &end, n);
    if (start > n || end - start < m) return 0;
    if (m == 0) return end - start + 1;
    for (;;) {
        wf_ssize_t i = find_impl(s, sub, start, end, 1);
        if (i < 0) break;
        c++;
        start = i + m;
    }
    return c;
}

/* str.isspace() of one character (split/strip whitespace too). */
static int is_space(uint32_t c) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return wfo_uni_is_space(c);
}

static wf_object *list_append_sub(wf_object *list, wf_object *s, wf_ssize_t a, wf_ssize_t b) {
    wf_object *piece = wf_str_substring(s, a, b);
    if (!piece) return NULL;
    int r = wf_list_append(list, piece);
    wf_decref(piece);
    return r < 0 ? NULL : list;
}

/* split/rsplit; dir > 0 from the left.  Results are in order. */
static wf_object *split_impl(wf_object *s, wf_object *sep, wf_ssize_t maxsplit, int dir) {
    wf_ssize_t n = wf_str_len(s);
    if (maxsplit < 0) maxsplit = WF_SSIZE_MAX;
    wf_object *list = wf_list_new(0);
    if (!list) return NULL;
    if (!sep) {
        /* Runs of whitespace separate; no empty strings at either end. */
        if (dir > 0) {
            wf_ssize_t i = 0;
            while (i < n) {
                while (i < n && is_space(wf_str_char(s, i))) i++;
                if (i == n) break;
                if (maxsplit-- == 0) {
                    if (!list_append_sub(list, s, i, n)) goto fail;
                    break;
                }
                wf_ssize_t j = i;
                while (j < n && !is_space(wf_str_char(s, j))) j++;
                if (!list_append_sub(list, s, i, j)) goto fail;
                i = j;
            }
            return list;
        }
        wf_object *rev = wf_list_new(0);
        if (!rev) goto fail;
        wf_ssize_t i = n;
        while (i > 0) {
            while (i > 0 && is_space(wf_str_char(s, i - 1))) i--;
            if (i == 0) break;
            if (maxsplit-- == 0) {
                if (!list_append_sub(rev, s, 0, i)) { wf_decref(rev); goto fail; }
                break;
            }
            wf_ssize_t j = i;
            while (j > 0 && !is_space(wf_str_char(s, j - 1))) j--;
            if (!list_append_sub(rev, s, j, i)) { wf_decref(rev); goto fail; }
            i = j;
        }
        wf_decref(list);
        if (wf_list_reverse(rev) < 0) { wf_decref(rev); return NULL; }
        return rev;
    }
    wf_ssize_t m = wf_str_len(sep);
    if (m == 0) {
        wf_decref(list);
        return wf_err_format(&wf_exc_ValueError, "empty separator");
    }
    if (dir > 0) {
        wf_ssize_t i = 0;
        while (maxsplit-- > 0) {
            wf_ssize_t j = find_impl(s, sep, i, n, 1);
            if (j < 0) break;
            if (!list_append_sub(list, s, i, j)) goto fail;
            i = j + m;
        }
        if (!list_append_sub(list, s, i, n)) goto fail;
        return list;
    }
    wf_ssize_t e = n;
    while (maxsplit-- > 0) {
        wf_ssize_t j = find_impl(s, sep, 0, e, -1);
        if (j < 0) break;
        if (!list_append_sub(list, s, j + m, e)) goto fail;
        e = j;
    }
    if (!list_append_sub(list, s, 0, e)) goto fail;
    if (wf_list_reverse(list) < 0) goto fail;
    return list;
fail:
    wf_decref(list);
    return NULL;
}

wf_object *wf_str_split(wf_object *s, wf_object *sep, wf_ssize_t maxsplit) {
    return split_impl(s, sep, maxsplit, 1);
}

wf_object *wf_str_join(wf_object *sep, wf_object *iterable) {
    wf_type *it = WF_TYPE(iterable);
    if (!it->tp_iter && !(it->tp_as_sequence && it->tp_as_sequence->sq_item))
        return wf_err_format(&wf_exc_TypeError, "can only join an iterable");
    wf_object *seq = wf_sequence_list(iterable);
    if (!seq) return NULL;
    wf_ssize_t n = wf_list_size(seq), total = 0, ns = wf_str_len(sep);
    uint32_t m = max_char(STR(sep)->kind, wf_str_data(sep), ns);
    wf_object **items = wfm_malloc(sizeof(wf_object *) * (size_t)(n ? n : 1));
    if (!items) {
        wf_decref(seq);
        return wf_err_no_memory();
    }
    wf_ssize_t got = 0;
    wf_object *r = NULL;
    for (; got < n; got++) {
        wf_object *it = wf_list_get_item(seq, got);
        if (!it) goto done;
        items[got] = it;
        if (!WF_STR_CHECK(it)) {
            wf_err_format(&wf_exc_TypeError, "sequence item %zd: expected str instance, %s found",
                          got, wf_type_name(WF_TYPE(it)));
            got++;
            goto done;
        }
        uint32_t mi = max_char(STR(it)->kind, wf_str_data(it), wf_str_len(it));
        if (mi > m) m = mi;
        total += wf_str_len(it);
    }
    if (n == 1 && WF_STR_CHECK_EXACT(items[0])) {
        r = wf_newref(items[0]);
        goto done;
    }
    total += ns * (n > 0 ? n - 1 : 0);
    r = wf_str_new_raw(total, m);
    if (!r) goto done;
    int k = STR(r)->kind;
    wf_ssize_t pos = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        if (i) {
            copy_chars(wf_str_data(r), k, pos, wf_str_data(sep), STR(sep)->kind, 0, ns);
            pos += ns;
        }
        copy_chars(wf_str_data(r), k, pos, wf_str_data(items[i]), STR(items[i])->kind, 0,
                   wf_str_len(items[i]));
        pos += wf_str_len(items[i]);
    }
done:
    for (wf_ssize_t i = 0; i < got; i++) wf_decref(items[i]);
    wfm_free(items);
    wf_decref(seq);
    return r;
}

wf_object *wf_str_replace(wf_object *s, wf_object *old, wf_object *new_, wf_ssize_t count) {
    wf_ssize_t n = wf_str_len(s), mo = wf_str_len(old), mn = wf_str_len(new_);
    if (count < 0) count = WF_SSIZE_MAX;
    wf_ssize_t hits = count_impl(s, old, 0, n);
    if (hits > count) hits = count;
    if (hits == 0) return WF_STR_CHECK_EXACT(s) ? wf_newref(s) : wf_str_substring(s, 0, n);
    wf_ssize_t total = n + hits * (mn - mo);
    uint32_t m1 = max_char(STR(s)->kind, wf_str_data(s), n);
    uint32_t m2 = max_char(STR(new_)->kind, wf_str_data(new_), mn);
    wf_object *r = wf_str_new_raw(total, m1 > m2 ? m1 : m2);
    if (!r) return NULL;
    int k = STR(r)->kind;
    void *d = wf_str_data(r);
    wf_ssize_t pos = 0, i = 0;
    for (wf_ssize_t h = 0; h < hits; h++) {
        wf_ssize_t j;
        if (mo == 0) {
            j = i;
        } else {
            j = find_impl(s, old, i, n, 1);
        }
        copy_chars(d, k, pos, wf_str_data(s), STR(s)->kind, i, j - i);
        pos += j - i;
        copy_chars(d, k, pos, wf_str_data(new_), STR(new_)->kind, 0, mn);
        pos += mn;
        if (mo == 0) {
            if (j < n) {
                copy_chars(d, k, pos, wf_str_data(s), STR(s)->kind, j, 1);
                pos++;
            }
            i = j + 1;
        } else {
            i = j + mo;
        }
    }
    if (i < n) copy_chars(d, k, pos, wf_str_data(s), STR(s)->kind, i, n - i);
    /* Replacing may have removed the widest characters: renormalise. */
    if (max_char(k, d, total) < (k == 1 ? 0 : k == 2 ? 0x100 : 0x10000)) {
        wf_object *c = str_from_kind(k, d, total);
        wf_decref(r);
        return c;
    }
    STR(r)->ascii = max_char(k, d, total) < 0x80;
    return r;
}

int wfo_str_startswith(wf_object *s, const char *ascii_prefix) {
    size_t n = strlen(ascii_prefix);
    if ((size_t)wf_str_len(s) < n) return 0;
    for (size_t i = 0; i < n; i++)
        if (wf_str_char(s, (wf_ssize_t)i) != (unsigned char)ascii_prefix[i]) return 0;
    return 1;
}

wf_object *wfo_str_repr(wf_object *s) {
    wf_ssize_t n;
    const char *u = wf_str_utf8(s, &n);
    if (!u) return NULL;
    wfo_strbuf b;
    wfo_strbuf_init(&b);
    if (wfo_repr_str(&b, u, (size_t)n) < 0) {
        wfo_strbuf_free(&b);
        return wf_err_no_memory();
    }
    wf_object *r = wf_str_from_utf8(b.data, (wf_ssize_t)b.len);
    wfo_strbuf_free(&b);
    return r;
}

/* --- the str type's slots ---------------------------------------------------- */

static void str_dealloc(wf_object *o) {
    wf_str *s = STR(o);
    char *u = atomic_load_explicit(&s->utf8, memory_order_relaxed);
    if (u && !s->ascii) wfm_free(u);
    wfo_free_instance(o);
}

static wf_object *str_str(wf_object *o) {
    if (WF_STR_CHECK_EXACT(o)) return wf_newref(o);
    return wf_str_substring(o, 0, wf_str_len(o));
}

static wf_object *str_richcompare(wf_object *a, wf_object *b, int op) {
    if (!WF_STR_CHECK(a) || !WF_STR_CHECK(b)) return wf_newref(wf_NotImplemented);
    int r;
    if (op == WF_EQ || op == WF_NE) {
        r = wf_str_eq(a, b);
        if (op == WF_NE) r = !r;
    } else {
        int c = wf_str_compare(a, b);
        r = op == WF_LT ? c < 0 : op == WF_LE ? c <= 0 : op == WF_GT ? c > 0 : c >= 0;
    }
    return wf_newref(wf_bool_from(r));
}

static wf_ssize_t str_length(wf_object *o) { return wf_str_len(o); }

static wf_object *str_concat_slot(wf_object *a, wf_object *b) {
    if (!WF_STR_CHECK(b))
        return wf_err_format(&wf_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                             wf_type_name(WF_TYPE(b)));
    return wf_str_concat(a, b);
}

static wf_object *str_repeat(wf_object *o, wf_ssize_t count) {
    wf_ssize_t n = wf_str_len(o);
    if (count < 0) count = 0;
    if (count == 1 && WF_STR_CHECK_EXACT(o)) return wf_newref(o);
    if (n && count > WF_SSIZE_MAX / n)
        return wf_err_format(&wf_exc_OverflowError, "repeated string is too long");
    if (n && count > (WF_SSIZE_MAX / 4) / n) return wf_err_no_memory();
    wf_object *r = wf_str_new_raw(n * count, max_char(STR(o)->kind, wf_str_data(o), n));
    if (!r) return NULL;
    for (wf_ssize_t i = 0; i < count; i++)
        copy_chars(wf_str_data(r), STR(r)->kind, i * n, wf_str_data(o), STR(o)->kind, 0, n);
    return r;
}

static wf_object *str_item(wf_object *o, wf_ssize_t i) {
    if (i < 0 || i >= wf_str_len(o))
        return wf_err_format(&wf_exc_IndexError, "string index out of range");
    uint32_t c = wf_str_char(o, i);
    return wf_str_from_ucs4(&c, 1);
}

static int str_contains(wf_object *o, wf_object *sub) {
    if (!WF_STR_CHECK(sub)) {
        wf_err_format(&wf_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                      wf_type_name(WF_TYPE(sub)));
        return -1;
    }
    return wf_str_contains(o, sub);
}

/* s[i] for ints; slices are handled by wfo_str_slice (the slice type
 * hands its normalised bounds over). */
static wf_object *str_subscript(wf_object *o, wf_object *key) {
    if (WF_SLICE_CHECK(key)) {
        wf_ssize_t start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        return wfo_str_slice(o, start, stop, step);
    }
    if (wf_index_check(key)) {
        wf_ssize_t i = wf_number_as_ssize_t(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return NULL;
        if (i < 0) i += wf_str_len(o);
        return str_item(o, i);
    }
    return wf_err_format(&wf_exc_TypeError, "string indices must be integers, not '%s'",
                         wf_type_name(WF_TYPE(key)));
}

wf_object *wfo_str_slice(wf_object *s, wf_ssize_t start, wf_ssize_t stop, wf_ssize_t step) {
    wf_ssize_t n = wf_str_len(s), count;
    if (step == 0) return wf_err_format(&wf_exc_ValueError, "slice step cannot be zero");
    if (step > 0) {
        if (start < 0) { start += n; if (start < 0) start = 0; }
        else if (start > n) start = n;
        if (stop < 0) { stop += n; if (stop < 0) stop = 0; }
        else if (stop > n) stop = n;
        count = stop > start ? (stop - start - 1) / step + 1 : 0;
    } else {
        if (start < 0) { start += n; if (start < 0) start = -1; }
        else if (start >= n) start = n - 1;
        if (stop < 0) { stop += n; if (stop < 0) stop = -1; }
        else if (stop >= n) stop = n - 1;
        count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    }
    return str_slice_step(s, start, step, count);
}

/* --- methods ------------------------------------------------------------------ */

/* Optional start/end arguments (None = default) of find/count/... */
static int get_bounds(wf_object *const *args, wf_ssize_t nargs, wf_ssize_t first, wf_ssize_t *start,
                      wf_ssize_t *end) {
    *start = 0;
    *end = WF_SSIZE_MAX;
    for (int k = 0; k < 2; k++) {
        wf_ssize_t idx = first + k;
        if (idx >= nargs || args[idx] == wf_None) continue;
        if (!wf_index_check(args[idx])) {
            wf_err_format(&wf_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        wf_ssize_t v = wf_number_as_ssize_t(args[idx], NULL);
        if (v == -1 && wf_err_occurred()) return -1;
        *(k ? end : start) = v;
    }
    return 0;
}

/* PyArg_ParseTuple-style count check: "find() takes at least 1 argument (0 given)". */
static int check_nargs_takes(const char *name, wf_ssize_t nargs, wf_ssize_t min, wf_ssize_t max) {
    if (nargs >= min && nargs <= max) return 0;
    wf_ssize_t want = nargs < min ? min : max;
    wf_err_format(&wf_exc_TypeError, "%s() takes %s %zd argument%s (%zd given)", name,
                  min == max ? "exactly" : nargs < min ? "at least" : "at most", want,
                  want == 1 ? "" : "s", nargs);
    return -1;
}

static wf_object *find_common(const char *name, wf_object *self, wf_object *const *args,
                              wf_ssize_t nargs, int dir, int raise) {
    if (check_nargs_takes(name, nargs, 1, 3)) return NULL;
    if (!WF_STR_CHECK(args[0]))
        return wf_err_format(&wf_exc_TypeError, "must be str, not %s", wf_type_name(WF_TYPE(args[0])));
    wf_ssize_t start, end;
    if (get_bounds(args, nargs, 1, &start, &end)) return NULL;
    wf_ssize_t n = wf_str_len(self);
    wf_ssize_t s2 = start, e2 = end;
    wfo_adjust_bounds(&s2, &e2, n);
    wf_ssize_t r = s2 > n ? -1 : find_impl(self, args[0], start, end, dir);
    if (r < 0 && raise) return wf_err_format(&wf_exc_ValueError, "substring not found");
    return wf_int_from_ssize(r);
}

static wf_object *str_find(wf_object *self, wf_object *const *a, wf_ssize_t n) { return find_common("find", self, a, n, 1, 0); }
static wf_object *str_rfind(wf_object *self, wf_object *const *a, wf_ssize_t n) { return find_common("rfind", self, a, n, -1, 0); }
static wf_object *str_index(wf_object *self, wf_object *const *a, wf_ssize_t n) { return find_common("index", self, a, n, 1, 1); }
static wf_object *str_rindex(wf_object *self, wf_object *const *a, wf_ssize_t n) { return find_common("rindex", self, a, n, -1, 1); }

static wf_object *str_count(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (check_nargs_takes("count", nargs, 1, 3)) return NULL;
    if (!WF_STR_CHECK(args[0]))
        return wf_err_format(&wf_exc_TypeError, "must be str, not %s", wf_type_name(WF_TYPE(args[0])));
    wf_ssize_t start, end;
    if (get_bounds(args, nargs, 1, &start, &end)) return NULL;
    return wf_int_from_ssize(count_impl(self, args[0], start, end));
}

static wf_object *split_method(const char *name, wf_object *self, wf_object *const *args,
                               wf_ssize_t nargs, wf_object *kwnames, int dir) {
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 2)
        return wf_err_format(&wf_exc_TypeError, "%s() takes at most 2 %sarguments (%zd given)", name,
                             nargs == 0 ? "keyword " : "", nargs + nkw);
    wf_object *sep = nargs > 0 ? args[0] : NULL, *ms = nargs > 1 ? args[1] : NULL;
    for (wf_ssize_t i = 0; i < nkw; i++) {
        wf_object *k = WF_TUPLE_ITEM(kwnames, i);
        if (wf_str_eq_cstr(k, "sep") && nargs < 1) sep = args[nargs + i];
        else if (wf_str_eq_cstr(k, "maxsplit") && nargs < 2) ms = args[nargs + i];
        else if (wf_str_eq_cstr(k, "sep") || wf_str_eq_cstr(k, "maxsplit"))
            return wf_err_format(&wf_exc_TypeError, "argument for %s() given by name ('%U') and position (%d)",
                                 name, k, wf_str_eq_cstr(k, "sep") ? 1 : 2);
        else
            return wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                                 name, k);
    }
    if (sep == wf_None) sep = NULL;
    if (sep && !WF_STR_CHECK(sep))
        return wf_err_format(&wf_exc_TypeError, "must be str or None, not %s",
                             wf_type_name(WF_TYPE(sep)));
    wf_ssize_t maxsplit = -1;
    if (ms) {
        maxsplit = wf_number_as_ssize_t(ms, &wf_exc_OverflowError);
        if (maxsplit == -1 && wf_err_occurred()) return NULL;
    }
    return split_impl(self, sep, maxsplit, dir);
}

static wf_object *str_split(wf_object *self, wf_object *const *a, wf_ssize_t n, wf_object *kw) { return split_method("split", self, a, n, kw, 1); }
static wf_object *str_rsplit(wf_object *self, wf_object *const *a, wf_ssize_t n, wf_object *kw) { return split_method("rsplit", self, a, n, kw, -1); }

static wf_object *str_join_method(wf_object *self, wf_object *it) { return wf_str_join(self, it); }

static wf_object *str_replace_method(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("replace", nargs, 2, 3)) return NULL;
    for (int i = 0; i < 2; i++)
        if (!WF_STR_CHECK(args[i]))
            return wf_err_format(&wf_exc_TypeError, "replace() argument %d must be str, not %s",
                                 i + 1, wf_type_name(WF_TYPE(args[i])));
    wf_ssize_t count = -1;
    if (nargs == 3) {
        count = wf_number_as_ssize_t(args[2], &wf_exc_OverflowError);
        if (count == -1 && wf_err_occurred()) return NULL;
    }
    return wf_str_replace(self, args[0], args[1], count);
}

static wf_object *xwith(const char *name, wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                        int end_side) {
    if (check_nargs_takes(name, nargs, 1, 3)) return NULL;
    wf_ssize_t start, end;
    if (get_bounds(args, nargs, 1, &start, &end)) return NULL;
    wf_object *pfx = args[0];
    wf_ssize_t count = WF_TUPLE_CHECK(pfx) ? WF_TUPLE_SIZE(pfx) : 1;
    if (!WF_TUPLE_CHECK(pfx) && !WF_STR_CHECK(pfx))
        return wf_err_format(&wf_exc_TypeError,
                             "%s first arg must be str or a tuple of str, not %s", name,
                             wf_type_name(WF_TYPE(pfx)));
    wf_ssize_t n = wf_str_len(self);
    wfo_adjust_bounds(&start, &end, n);
    for (wf_ssize_t k = 0; k < count; k++) {
        wf_object *p = WF_TUPLE_CHECK(pfx) ? WF_TUPLE_ITEM(pfx, k) : pfx;
        if (!WF_STR_CHECK(p))
            return wf_err_format(&wf_exc_TypeError,
                                 "tuple for %s must only contain str, not %s", name,
                                 wf_type_name(WF_TYPE(p)));
        wf_ssize_t m = wf_str_len(p);
        if (start > n || end - start < m) continue;
        wf_ssize_t at = end_side ? end - m : start, i = 0;
        while (i < m && wf_str_char(self, at + i) == wf_str_char(p, i)) i++;
        if (i == m) WF_RETURN_BOOL_TRUE;
    }
    return wf_newref(wf_False);
}

static wf_object *str_startswith(wf_object *self, wf_object *const *a, wf_ssize_t n) { return xwith("startswith", self, a, n, 0); }
static wf_object *str_endswith(wf_object *self, wf_object *const *a, wf_ssize_t n) { return xwith("endswith", self, a, n, 1); }

/* strip family: which = 1 left, 2 right, 3 both. */
static wf_object *strip_impl(const char *name, wf_object *self, wf_object *const *args,
                             wf_ssize_t nargs, int which) {
    if (wf_check_nargs(name, nargs, 0, 1)) return NULL;
    wf_object *chars = nargs ? args[0] : wf_None;
    if (chars != wf_None && !WF_STR_CHECK(chars))
        return wf_err_format(&wf_exc_TypeError, "%s arg must be None or str", name);
    wf_ssize_t n = wf_str_len(self), i = 0, j = n;
#define STRIPPABLE(c) (chars == wf_None ? is_space(c) : in_chars(chars, c))
    if (which & 1)
        while (i < j && STRIPPABLE(wf_str_char(self, i))) i++;
    if (which & 2)
        while (j > i && STRIPPABLE(wf_str_char(self, j - 1))) j--;
#undef STRIPPABLE
    return wf_str_substring(self, i, j);
}
static int in_chars(wf_object *chars, uint32_t c) {
    for (wf_ssize_t k = 0; k < wf_str_len(chars); k++)
        if (wf_str_char(chars, k) == c) return 1;
    return 0;
}
static wf_object *str_strip(wf_object *self, wf_object *const *a, wf_ssize_t n) { return strip_impl("strip", self, a, n, 3); }
static wf_object *str_lstrip(wf_object *self, wf_object *const *a, wf_ssize_t n) { return strip_impl("lstrip", self, a, n, 1); }
static wf_object *str_rstrip(wf_object *self, wf_object *const *a, wf_ssize_t n) { return strip_impl("rstrip", self, a, n, 2); }

/* Case mapping and character classes, for all of Unicode as CPython 3.11
 * (unicode_db.h): full mappings (one code point may become up to three,
 * 'ß'.upper() == 'SS'), Final_Sigma in every operation that lowers
 * (lower, swapcase, capitalize, title), title() lowering after a cased
 * character and titlecasing otherwise.  Results are exact str. */
static int final_sigma(wf_object *s, wf_ssize_t i) {
    wf_ssize_t n = wf_str_len(s), j;
    uint32_t c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = wf_str_char(s, j);
        if (!wfo_uni_is_case_ignorable(c)) break;
    }
    int fs = j >= 0 && wfo_uni_is_cased(c);
    if (fs && i + 1 < n) {
        for (j = i + 1; j < n; j++) {
            c = wf_str_char(s, j);
            if (!wfo_uni_is_case_ignorable(c)) break;
        }
        fs = j == n || !wfo_uni_is_cased(c);
    }
    return fs;
}

static int lower_at(wf_object *s, wf_ssize_t i, uint32_t c, uint32_t *out) {
    if (c == 0x3A3) {
        out[0] = final_sigma(s, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return wfo_uni_to_lower_full(c, out);
}

enum case_op { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

static wf_object *case_convert(wf_object *self, enum case_op op) {
    wf_ssize_t n = wf_str_len(self);
    if (n > WF_SSIZE_MAX / (WFO_UNI_MAX_CASE * 4)) return wf_err_no_memory();
    uint32_t *buf = wfm_malloc((size_t)(n > 0 ? n : 1) * WFO_UNI_MAX_CASE * sizeof(uint32_t));
    if (!buf) return wf_err_no_memory();
    wf_ssize_t k = 0;
    int prev_cased = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(self, i), *m = buf + k;
        int r;
        switch (op) {
        case CASE_UPPER: r = wfo_uni_to_upper_full(c, m); break;
        case CASE_LOWER: r = lower_at(self, i, c, m); break;
        case CASE_FOLD: r = wfo_uni_to_fold_full(c, m); break;
        case CASE_SWAP:
            if (wfo_uni_is_upper(c)) r = lower_at(self, i, c, m);
            else if (wfo_uni_is_lower(c)) r = wfo_uni_to_upper_full(c, m);
            else m[0] = c, r = 1;
            break;
        case CASE_CAPITALIZE: r = i == 0 ? wfo_uni_to_title_full(c, m) : lower_at(self, i, c, m); break;
        default: /* CASE_TITLE */
            r = prev_cased ? lower_at(self, i, c, m) : wfo_uni_to_title_full(c, m);
            prev_cased = wfo_uni_is_cased(c);
            break;
        }
        k += r;
    }
    wf_object *res = wf_str_from_ucs4(buf, k);
    wfm_free(buf);
    return res;
}
static wf_object *str_upper(wf_object *self, wf_object *u) { return case_convert(self, CASE_UPPER); }
static wf_object *str_lower(wf_object *self, wf_object *u) { return case_convert(self, CASE_LOWER); }
static wf_object *str_casefold(wf_object *self, wf_object *u) { return case_convert(self, CASE_FOLD); }
static wf_object *str_swapcase(wf_object *self, wf_object *u) { return case_convert(self, CASE_SWAP); }
static wf_object *str_capitalize(wf_object *self, wf_object *u) { return case_convert(self, CASE_CAPITALIZE); }
static wf_object *str_title(wf_object *self, wf_object *u) { return case_convert(self, CASE_TITLE); }

/* Every character satisfies pred, and there is at least one. */
static wf_object *char_class(wf_object *self, int (*pred)(uint32_t)) {
    wf_ssize_t n = wf_str_len(self);
    if (n == 0) return wf_newref(wf_False);
    for (wf_ssize_t i = 0; i < n; i++)
        if (!pred(wf_str_char(self, i))) return wf_newref(wf_False);
    return wf_newref(wf_True);
}
static wf_object *str_isspace(wf_object *self, wf_object *u) { return char_class(self, is_space); }
static wf_object *str_isdigit(wf_object *self, wf_object *u) { return char_class(self, wfo_uni_is_digit); }
static wf_object *str_isdecimal(wf_object *self, wf_object *u) { return char_class(self, wfo_uni_is_decimal); }
static wf_object *str_isnumeric(wf_object *self, wf_object *u) { return char_class(self, wfo_uni_is_numeric); }
static wf_object *str_isalpha(wf_object *self, wf_object *u) { return char_class(self, wfo_uni_is_alpha); }
static wf_object *str_isalnum(wf_object *self, wf_object *u) { return char_class(self, wfo_uni_is_alnum); }
static wf_object *str_isascii(wf_object *self, wf_object *u) { return wf_newref(wf_bool_from(STR(self)->ascii)); }
static wf_object *str_isidentifier(wf_object *self, wf_object *u) {
    wf_ssize_t n = wf_str_len(self);
    if (n == 0) return wf_newref(wf_False);
    uint32_t c0 = wf_str_char(self, 0);
    if (c0 != '_' && !wfo_uni_is_xid_start(c0)) return wf_newref(wf_False);
    for (wf_ssize_t i = 1; i < n; i++)
        if (!wfo_uni_is_xid_continue(wf_str_char(self, i))) return wf_newref(wf_False);
    return wf_newref(wf_True);
}
static wf_object *str_isprintable(wf_object *self, wf_object *u) {
    for (wf_ssize_t i = 0; i < wf_str_len(self); i++)
        if (!wfo_uni_is_printable(wf_str_char(self, i))) return wf_newref(wf_False);
    return wf_newref(wf_True);
}
/* islower: no uppercase or titlecase character and at least one
 * lowercase one; isupper the converse. */
static wf_object *str_islower(wf_object *self, wf_object *u) {
    int cased = 0;
    for (wf_ssize_t i = 0; i < wf_str_len(self); i++) {
        uint32_t c = wf_str_char(self, i);
        if (wfo_uni_is_upper(c) || wfo_uni_is_title(c)) return wf_newref(wf_False);
        if (wfo_uni_is_lower(c)) cased = 1;
    }
    return wf_newref(wf_bool_from(cased));
}
static wf_object *str_isupper(wf_object *self, wf_object *u) {
    int cased = 0;
    for (wf_ssize_t i = 0; i < wf_str_len(self); i++) {
        uint32_t c = wf_str_char(self, i);
        if (wfo_uni_is_lower(c) || wfo_uni_is_title(c)) return wf_newref(wf_False);
        if (wfo_uni_is_upper(c)) cased = 1;
    }
    return wf_newref(wf_bool_from(cased));
}
/* istitle: uppercase/titlecase characters only after uncased ones,
 * lowercase ones only after cased ones, and at least one cased. */
static wf_object *str_istitle(wf_object *self, wf_object *u) {
    int cased = 0, prev_cased = 0;
    for (wf_ssize_t i = 0; i < wf_str_len(self); i++) {
        uint32_t c = wf_str_char(self, i);
        if (wfo_uni_is_upper(c) || wfo_uni_is_title(c)) {
            if (prev_cased) return wf_newref(wf_False);
            prev_cased = cased = 1;
        } else if (wfo_uni_is_lower(c)) {
            if (!prev_cased) return wf_newref(wf_False);
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return wf_newref(wf_bool_from(cased));
}

static wf_object *str_getnewargs(wf_object *self, wf_object *u) {
    wf_object *c = str_str(self);
    if (!c) return NULL;
    wf_object *t = wf_tuple_pack(1, c);
    wf_decref(c);
    return t;
}

/* strmethods.c */
wf_object *wfo_str_center(wf_object *s, wf_object *const *a, wf_ssize_t n);
wf_object *wfo_str_ljust(wf_object *s, wf_object *const *a, wf_ssize_t n);
wf_object *wfo_str_rjust(wf_object *s, wf_object *const *a, wf_ssize_t n);
wf_object *wfo_str_zfill(wf_object *self, wf_object *arg);
wf_object *wfo_str_expandtabs(wf_object *self, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames);
wf_object *wfo_str_partition(wf_object *self, wf_object *sep);
wf_object *wfo_str_rpartition(wf_object *self, wf_object *sep);
wf_object *wfo_str_removeprefix(wf_object *self, wf_object *x);
wf_object *wfo_str_removesuffix(wf_object *self, wf_object *x);
wf_object *wfo_str_splitlines(wf_object *self, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames);
wf_object *wfo_str_maketrans(wf_object *unused, wf_object *const *args, wf_ssize_t nargs);
wf_object *wfo_str_translate(wf_object *self, wf_object *table);
wf_object *wfo_str_format_method(wf_object *self, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames);
wf_object *wfo_str_format_map(wf_object *self, wf_object *mapping);

static wf_method_def str_methods[] = {
    {"encode", wfo_str_encode_method, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL}, /* bytes.c */
    {"find", str_find, WF_METH_FASTCALL, NULL},
    {"rfind", str_rfind, WF_METH_FASTCALL, NULL},
    {"index", str_index, WF_METH_FASTCALL, NULL},
    {"rindex", str_rindex, WF_METH_FASTCALL, NULL},
    {"count", str_count, WF_METH_FASTCALL, NULL},
    {"split", str_split, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"rsplit", str_rsplit, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"join", str_join_method, WF_METH_O, NULL},
    {"replace", str_replace_method, WF_METH_FASTCALL, NULL},
    {"startswith", str_startswith, WF_METH_FASTCALL, NULL},
    {"endswith", str_endswith, WF_METH_FASTCALL, NULL},
    {"strip", str_strip, WF_METH_FASTCALL, NULL},
    {"lstrip", str_lstrip, WF_METH_FASTCALL, NULL},
    {"rstrip", str_rstrip, WF_METH_FASTCALL, NULL},
    {"upper", str_upper, WF_METH_NOARGS, NULL},
    {"lower", str_lower, WF_METH_NOARGS, NULL},
    {"casefold", str_casefold, WF_METH_NOARGS, NULL},
    {"swapcase", str_swapcase, WF_METH_NOARGS, NULL},
    {"capitalize", str_capitalize, WF_METH_NOARGS, NULL},
    {"title", str_title, WF_METH_NOARGS, NULL},
    {"isspace", str_isspace, WF_METH_NOARGS, NULL},
    {"isascii", str_isascii, WF_METH_NOARGS, NULL},
    {"isdigit", str_isdigit, WF_METH_NOARGS, NULL},
    {"isdecimal", str_isdecimal, WF_METH_NOARGS, NULL},
    {"isnumeric", str_isnumeric, WF_METH_NOARGS, NULL},
    {"isalpha", str_isalpha, WF_METH_NOARGS, NULL},
    {"isalnum", str_isalnum, WF_METH_NOARGS, NULL},
    {"islower", str_islower, WF_METH_NOARGS, NULL},
    {"isupper", str_isupper, WF_METH_NOARGS, NULL},
    {"istitle", str_istitle, WF_METH_NOARGS, NULL},
    {"isidentifier", str_isidentifier, WF_METH_NOARGS, NULL},
    {"isprintable", str_isprintable, WF_METH_NOARGS, NULL},
    {"__format__", wfo_str_format, WF_METH_O, NULL}, /* format.c */
    {"center", wfo_str_center, WF_METH_FASTCALL, NULL},
    {"ljust", wfo_str_ljust, WF_METH_FASTCALL, NULL},
    {"rjust", wfo_str_rjust, WF_METH_FASTCALL, NULL},
    {"zfill", wfo_str_zfill, WF_METH_O, NULL},
    {"expandtabs", wfo_str_expandtabs, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"partition", wfo_str_partition, WF_METH_O, NULL},
    {"rpartition", wfo_str_rpartition, WF_METH_O, NULL},
    {"removeprefix", wfo_str_removeprefix, WF_METH_O, NULL},
    {"removesuffix", wfo_str_removesuffix, WF_METH_O, NULL},
    {"splitlines", wfo_str_splitlines, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"maketrans", wfo_str_maketrans, WF_METH_FASTCALL | WF_METH_STATIC, NULL},
    {"translate", wfo_str_translate, WF_METH_O, NULL},
    {"format", wfo_str_format_method, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},
    {"format_map", wfo_str_format_map, WF_METH_O, NULL},
    {"__getnewargs__", str_getnewargs, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* str(object='', encoding='utf-8', errors='strict') */
static wf_object *str_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t nargs = args ? WF_TUPLE_SIZE(args) : 0;
    static const char *const names[] = {"object", "encoding", "errors"};
    wf_object *a[3] = {NULL, NULL, NULL};
    if (nargs > 3)
        return wf_err_format(&wf_exc_TypeError, "str() takes at most 3 arguments (%zd given)", nargs);
    for (wf_ssize_t i = 0; i < nargs; i++) a[i] = WF_TUPLE_ITEM(args, i);
    if (kwargs && wf_dict_size(kwargs) > 0) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int found = -1;
            for (int j = 0; j < 3; j++)
                if (WF_STR_CHECK(k) && wf_str_eq_cstr(k, names[j])) found = j;
            if (found < 0)
                return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for str()", k);
            if (found < nargs)
                return wf_err_format(&wf_exc_TypeError,
                                     "argument for str() given by name ('%s') and position (%d)",
                                     names[found], found + 1);
            a[found] = v; /* borrowed: kwargs keeps it alive */
        }
    }
    wf_object *obj = a[0];
    const char *enc = NULL, *err = NULL;
    for (int j = 1; j < 3; j++) {
        if (!a[j]) continue;
        if (!WF_STR_CHECK(a[j]))
            return wf_err_format(&wf_exc_TypeError, "str() argument '%s' must be str, not %s", names[j],
                                 wf_type_name(WF_TYPE(a[j])));
        const char *u = wf_str_utf8(a[j], NULL);
        if (!u) return NULL;
        if (j == 1) enc = u; else err = u;
    }
    if (enc || err) {
        if (!obj) {
            obj = NULL;
        } else if (WF_STR_CHECK(obj)) {
            return wf_err_format(&wf_exc_TypeError, "decoding str is not supported");
        } else if (!WF_BYTES_CHECK(obj) && !WF_BYTEARRAY_CHECK(obj) && WF_TYPE(obj) != &wf_memoryview_type) {
            return wf_err_format(&wf_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                                 wf_type_name(WF_TYPE(obj)));
        }
        wf_object *d = obj ? wf_bytes_decode(obj, enc ? enc : "utf-8", err ? err : "strict")
                           : wf_str_new_raw(0, 0);
        if (!d || type == &wf_str_type) return d;
        wf_object *r = str_alloc(type, wf_str_len(d), max_char(STR(d)->kind, wf_str_data(d), wf_str_len(d)));
        if (r) copy_chars(wf_str_data(r), STR(r)->kind, 0, wf_str_data(d), STR(d)->kind, 0, wf_str_len(d));
        wf_decref(d);
        return r;
    }
    wf_object *s = obj ? wf_object_str(obj) : wf_str_new_raw(0, 0);
    if (!s || type == &wf_str_type) return s;
    wf_object *r = str_alloc(type, wf_str_len(s), max_char(STR(s)->kind, wf_str_data(s), wf_str_len(s)));
    if (r) copy_chars(wf_str_data(r), STR(r)->kind, 0, wf_str_data(s), STR(s)->kind, 0, wf_str_len(s));
    wf_decref(s);
    return r;
}

/* --- iterator ------------------------------------------------------------------ */
typedef struct {
    wf_object ob_base;
    wf_object *str;            /* NULL once exhausted */
    _Atomic wf_ssize_t index;  /* claimed with fetch_add: threads sharing an
                                  iterator each get distinct characters */
} str_iter;

static wf_object *str_iter_new(wf_object *s) {
    str_iter *it = (str_iter *)wfo_alloc(&wfo_str_iter_type, sizeof(str_iter));
    if (!it) return NULL;
    it->str = wf_newref(s);
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    return (wf_object *)it;
}
static wf_object *str_iter_next(wf_object *o) {
    str_iter *it = (str_iter *)o;
    wf_ssize_t i = atomic_fetch_add_explicit(&it->index, 1, memory_order_relaxed);
    if (i >= wf_str_len(it->str)) {
        atomic_store_explicit(&it->index, wf_str_len(it->str), memory_order_relaxed);
        return NULL;
    }
    return str_item(it->str, i);
}
static wf_object *iter_self(wf_object *o) { return wf_newref(o); }
static void str_iter_dealloc(wf_object *o) {
    wf_decref(((str_iter *)o)->str);
    wfo_free_instance(o);
}
wf_type wfo_str_iter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(str_iter),
    .tp_dealloc = str_iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = str_iter_next,
};

static wf_sequence_methods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_concat_slot,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
};
/* str % args (format.c). */
static wf_number_methods str_as_number = {
    .nb_remainder = wfo_str_mod,
};
static wf_mapping_methods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

wf_type wf_str_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "str",
    .tp_basicsize = sizeof(wf_str),
    .tp_itemsize = 1,
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_UNICODE_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = str_dealloc,
    .tp_repr = wfo_str_repr,
    .tp_str = str_str,
    .tp_hash = wf_str_hash,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter_new,
    .tp_new = str_new,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_methods = str_methods,
    .tp_varsize = str_varsize,
    .tp_doc = "str(object='') -> str",
};

/* --- start-up and shutdown ---------------------------------------------------- */

void wfo_str_init(void) {
    if (intern_ready) return;
    for (int i = 0; i < INTERN_SHARDS; i++) {
        atomic_store_explicit(&intern_shards[i].mutex.bits, 0, memory_order_relaxed);
        if (!ck_hs_init(&intern_shards[i].table, CK_HS_MODE_SPMC | CK_HS_MODE_OBJECT, hs_hash,
                        hs_compare, &hs_allocator, 64, 0x5eed)) {
            fprintf(stderr, "weft: cannot create the string intern table\n");
            abort();
        }
    }
    intern_ready = 1;
}

/* Free every interned string and the table.  Single-threaded: the world
 * is shutting down and nothing may use an interned string afterwards. */
void wfo_str_fini(void) {
    if (!intern_ready) return;
    for (int i = 0; i < INTERN_SHARDS; i++) {
        ck_hs_iterator_t it = CK_HS_ITERATOR_INITIALIZER;
        void *p;
        while (ck_hs_next(&intern_shards[i].table, &it, &p)) {
            wf_str *s = p;
            char *u = atomic_load_explicit(&s->utf8, memory_order_relaxed);
            if (u && !s->ascii) wfm_free(u);
            wfm_object_free(s);
        }
        ck_hs_destroy(&intern_shards[i].table);
    }
    intern_ready = 0;
}

/* Number of interned strings (tests). */
wf_ssize_t wfo_str_interned_count(void) {
    if (!intern_ready) return 0;
    wf_ssize_t n = 0;
    for (int i = 0; i < INTERN_SHARDS; i++) n += (wf_ssize_t)ck_hs_count(&intern_shards[i].table);
    return n;
}
