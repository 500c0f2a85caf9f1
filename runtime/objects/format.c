/*
 * runtime/objects/format.c — the format-spec mini-language of
 * int/float/str.__format__ and printf-style str formatting (str % args),
 * with CPython 3.11's results and error messages.
 *
 * Owns: spec parsing ([[fill]align][sign][z][#][0][width][grouping]
 * [.precision][type]), digit grouping with zero padding, float-to-text
 * conversion for the e/f/g/% and repr-like presentations, and the % loop.
 *
 * Invariants: output is assembled in a growable UTF-32 buffer (cpbuf) and
 * turned into a str at the end; every path frees its buffers.  Floats are
 * converted with snprintf (glibc rounds correctly) or, for the shortest
 * repr form, with wfo_float_shortest.  The C locale is assumed for 'n'
 * (no grouping, '.' decimal point), as in CPython which never sets
 * LC_NUMERIC.
 *
 * Thread-safety: pure functions of immutable inputs (str, int, float);
 * the only shared state read is through the objects' own thread-safe
 * accessors (getitem of the mapping for %(key)s, str/repr of arguments).
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/format.h"
#include "runtime/objects/cpbuf.h"
#include "runtime/objects/objimpl.h"
#include "runtime/objects/repr.h"

/* --- a growable code-point buffer (runtime/objects/cpbuf.h) ------------------ */
typedef wfo_cpbuf cpbuf;
#define cp_reserve wfo_cpbuf_reserve
#define cp_put wfo_cpbuf_put
#define cp_fill wfo_cpbuf_fill
#define cp_finish wfo_cpbuf_finish
static int cp_ascii(cpbuf *b, const char *s, wf_ssize_t k) {
    if (cp_reserve(b, k) < 0) return -1;
    for (wf_ssize_t i = 0; i < k; i++) b->p[b->n++] = (unsigned char)s[i];
    return 0;
}
static int cp_str(cpbuf *b, wf_object *s, wf_ssize_t start, wf_ssize_t k) {
    return wfo_cpbuf_str(b, s, start, k);
}

/* --- the spec --------------------------------------------------------------- */
enum { SEP_NONE = 0, SEP_COMMA = ',', SEP_UNDER = '_' };

typedef struct {
    uint32_t fill;
    uint32_t align;   /* '<' '>' '=' '^' */
    int sign;         /* 0 '+' '-' ' ' */
    int no_neg_0;
    int alternate;
    wf_ssize_t width; /* -1 = none */
    int sep;          /* SEP_* */
    int group;        /* digits per group: 3, or 4 for '_' with b/o/x/X */
    wf_ssize_t precision; /* -1 = none */
    uint32_t type;    /* 0 = none */
} spec_t;

static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads decimal digits at *pos; -1 when none, -2 (error set) on overflow. */
static wf_ssize_t read_int(wf_object *s, wf_ssize_t *pos, wf_ssize_t end) {
    wf_ssize_t v = -1;
    while (*pos < end) {
        uint32_t c = wf_str_char(s, *pos);
        if (c < '0' || c > '9') break;
        if (v < 0) v = 0;
        if (v > (WF_SSIZE_MAX - (c - '0')) / 10) {
            wf_err_format(&wf_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (c - '0');
        (*pos)++;
    }
    return v;
}

static int parse_spec(wf_object *self, wf_object *s, spec_t *f, uint32_t default_type, uint32_t default_align) {
    wf_ssize_t end = wf_str_len(s), pos = 0;
    int fill_given = 0, align_given = 0;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = 0;
    f->alternate = 0;
    f->width = -1;
    f->sep = SEP_NONE;
    f->group = 3;
    f->precision = -1;
    f->type = default_type;
    if (end - pos >= 2 && is_align(wf_str_char(s, pos + 1))) {
        f->fill = wf_str_char(s, pos);
        f->align = wf_str_char(s, pos + 1);
        fill_given = align_given = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(wf_str_char(s, pos))) {
        f->align = wf_str_char(s, pos);
        align_given = 1;
        pos++;
    }
    if (pos < end) {
        uint32_t c = wf_str_char(s, pos);
        if (c == '+' || c == '-' || c == ' ') {
            f->sign = (int)c;
            pos++;
        }
    }
    if (pos < end && wf_str_char(s, pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (pos < end && wf_str_char(s, pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    if (!fill_given && pos < end && wf_str_char(s, pos) == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') f->align = '=';
        pos++;
    }
    f->width = read_int(s, &pos, end);
    if (f->width == -2) return -1;
    if (pos < end && wf_str_char(s, pos) == ',') {
        f->sep = SEP_COMMA;
        pos++;
    }
    if (pos < end && wf_str_char(s, pos) == '_') {
        if (f->sep != SEP_NONE) goto both;
        f->sep = SEP_UNDER;
        pos++;
    }
    if (pos < end && wf_str_char(s, pos) == ',' && f->sep == SEP_UNDER) goto both;
    if (pos < end && wf_str_char(s, pos) == '.') {
        pos++;
        f->precision = read_int(s, &pos, end);
        if (f->precision == -2) return -1;
        if (f->precision == -1) {
            wf_err_format(&wf_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        wf_err_format(&wf_exc_ValueError, "Invalid format specifier '%U' for object of type '%s'", s,
                      wf_type_name(WF_TYPE(self)));
        return -1;
    }
    if (end - pos == 1) f->type = wf_str_char(s, pos);
    if (f->sep != SEP_NONE) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->sep == SEP_UNDER) {
                f->group = 4;
                break;
            }
            /* fall through */
        default:
            if (f->type > 32 && f->type < 128)
                wf_err_format(&wf_exc_ValueError, "Cannot specify '%c' with '%c'.", f->sep, (int)f->type);
            else
                wf_err_format(&wf_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->sep,
                              (unsigned)f->type);
            return -1;
        }
    }
    return 0;
both:
    wf_err_format(&wf_exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

static wf_object *unknown_code(uint32_t type, wf_object *self) {
    if (type > 32 && type < 128)
        return wf_err_format(&wf_exc_ValueError, "Unknown format code '%c' for object of type '%s'", (int)type,
                             wf_type_name(WF_TYPE(self)));
    return wf_err_format(&wf_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                         (unsigned)type, wf_type_name(WF_TYPE(self)));
}

static int check_spec_arg(wf_object *spec) {
    if (WF_STR_CHECK(spec)) return 0;
    wf_err_format(&wf_exc_TypeError, "format() argument must be str, not %s", wf_type_name(WF_TYPE(spec)));
    return -1;
}

/* Left/right padding of nchars to width by align ('<' default). */
static int pad_out(cpbuf *b, const spec_t *f, wf_ssize_t nchars, wf_ssize_t *right) {
    wf_ssize_t total = f->width > nchars ? f->width : nchars, left = 0;
    if (f->align == '>') left = total - nchars;
    else if (f->align == '^') left = (total - nchars) / 2;
    *right = total - nchars - left;
    return cp_fill(b, f->fill, left);
}

/* --- str.__format__ ----------------------------------------------------------- */
static wf_object *str_copy(wf_object *self) {
    if (WF_STR_CHECK_EXACT(self)) return wf_newref(self);
    return wf_str_substring(self, 0, wf_str_len(self));
}

wf_object *wfo_str_format(wf_object *self, wf_object *spec) {
    if (check_spec_arg(spec) < 0) return NULL;
    if (wf_str_len(spec) == 0) return str_copy(self);
    spec_t f;
    if (parse_spec(self, spec, &f, 's', '<') < 0) return NULL;
    if (f.type != 's') return unknown_code(f.type, self);
    if (f.sign == ' ') return wf_err_format(&wf_exc_ValueError, "Space not allowed in string format specifier");
    if (f.sign) return wf_err_format(&wf_exc_ValueError, "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return wf_err_format(&wf_exc_ValueError,
                             "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return wf_err_format(&wf_exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return wf_err_format(&wf_exc_ValueError, "'=' alignment not allowed in string format specifier");
    wf_ssize_t len = wf_str_len(self);
    if (f.precision >= 0 && f.precision < len) len = f.precision;
    cpbuf b = {0};
    wf_ssize_t right;
    if (pad_out(&b, &f, len, &right) < 0 || cp_str(&b, self, 0, len) < 0 || cp_fill(&b, f.fill, right) < 0) {
        free(b.p);
        return NULL;
    }
    return cp_finish(&b);
}

/* --- numbers: grouping and layout --------------------------------------------- */

/* Appends digits[0..n) grouped by `group` with separator sep (0: no
 * grouping), left-padded with '0' digits (grouped too) to at least
 * min_width characters, as CPython's thousands grouping does. */
static int put_grouped(cpbuf *b, const char *digits, wf_ssize_t n, wf_ssize_t min_width, int group, int sep) {
    /* Build right to left into tmp, then reverse. */
    wf_ssize_t cap = n * 2 + (min_width > 0 ? min_width : 0) + 8;
    char *tmp = malloc((size_t)cap);
    if (!tmp) {
        wf_err_no_memory();
        return -1;
    }
    wf_ssize_t k = 0, remaining = n, src = n;
    int use_sep = 0, broken = 0;
    if (sep) {
        for (;;) {
            wf_ssize_t l = group, lim = remaining > min_width ? remaining : min_width;
            if (lim < 1) lim = 1;
            if (l > lim) l = lim;
            wf_ssize_t zeros = l - remaining > 0 ? l - remaining : 0;
            wf_ssize_t chars = remaining < l ? remaining : l;
            if (chars < 0) chars = 0;
            if (use_sep) tmp[k++] = (char)sep;
            for (wf_ssize_t i = 0; i < chars; i++) tmp[k++] = digits[--src];
            for (wf_ssize_t i = 0; i < zeros; i++) tmp[k++] = '0';
            use_sep = 1;
            remaining -= chars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) {
                broken = 1;
                break;
            }
            min_width -= 1;
        }
    }
    if (!broken) {
        wf_ssize_t l = remaining > min_width ? remaining : min_width;
        if (l < 1) l = 1;
        wf_ssize_t zeros = l - remaining > 0 ? l - remaining : 0;
        wf_ssize_t chars = remaining < l ? remaining : l;
        if (chars < 0) chars = 0;
        if (use_sep) tmp[k++] = (char)sep;
        for (wf_ssize_t i = 0; i < chars; i++) tmp[k++] = digits[--src];
        for (wf_ssize_t i = 0; i < zeros; i++) tmp[k++] = '0';
    }
    int rc = cp_reserve(b, k);
    if (rc == 0)
        while (k > 0) b->p[b->n++] = (unsigned char)tmp[--k];
    free(tmp);
    return rc;
}

/* Lays out <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>.
 * digits: the integer digits (n_digits of them), then, when has_decimal,
 * a '.', then rest (n_rest chars, exponent/%/inf...). */
static int put_number(cpbuf *b, const spec_t *f, int negative, const char *prefix, const char *digits,
                      wf_ssize_t n_digits, int has_decimal, const char *rest, wf_ssize_t n_rest, int sep) {
    int sign = 0;
    if (negative) sign = '-';
    else if (f->sign == '+') sign = '+';
    else if (f->sign == ' ') sign = ' ';
    wf_ssize_t n_prefix = (wf_ssize_t)strlen(prefix);
    wf_ssize_t nondigit = (sign ? 1 : 0) + n_prefix + (has_decimal ? 1 : 0) + n_rest;
    wf_ssize_t min_width = (f->fill == '0' && f->align == '=') ? f->width - nondigit : 0;
    /* Group into a scratch buffer to learn the grouped length. */
    cpbuf g = {0};
    if (n_digits > 0 && put_grouped(&g, digits, n_digits, min_width, f->group, sep) < 0) {
        free(g.p);
        return -1;
    }
    wf_ssize_t pad = f->width - (nondigit + g.n), lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (f->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    int rc = cp_fill(b, f->fill, lpad);
    if (rc == 0 && sign) rc = cp_put(b, (uint32_t)sign);
    if (rc == 0) rc = cp_ascii(b, prefix, n_prefix);
    if (rc == 0) rc = cp_fill(b, f->fill, spad);
    if (rc == 0 && cp_reserve(b, g.n) == 0) {
        memcpy(b->p + b->n, g.p, (size_t)g.n * sizeof(uint32_t));
        b->n += g.n;
    } else rc = -1;
    if (rc == 0 && has_decimal) rc = cp_put(b, '.');
    if (rc == 0) rc = cp_ascii(b, rest, n_rest);
    if (rc == 0) rc = cp_fill(b, f->fill, rpad);
    free(g.p);
    return rc;
}

/* --- float to text ------------------------------------------------------------ */

/* Text of v (with a leading '-' when negative) for type e/E/f/F/g/G or 'r'
 * (shortest repr digits, exponent outside 1e-4 <= |v| < 1e16), as
 * CPython's PyOS_double_to_string.  Returns malloc'd text or NULL (error
 * set). */
static char *double_text(double v, int type, int prec, int alt, int add_dot_0, int no_neg_0) {
    wfo_strbuf sb;
    wfo_strbuf_init(&sb);
    int upper = type == 'E' || type == 'F' || type == 'G';
    int ok = 0;
    if (isnan(v)) {
        ok = wfo_strbuf_append(&sb, upper ? "NAN" : "nan", 3);
    } else if (isinf(v)) {
        ok = wfo_strbuf_append(&sb, v < 0 ? (upper ? "-INF" : "-inf") : (upper ? "INF" : "inf"), v < 0 ? 4 : 3);
    } else if (type == 'r') {
        char dig[32];
        int decpt, nd;
        if (v == 0.0) {
            strcpy(dig, "0");
            decpt = 1;
        } else {
            wfo_float_shortest(fabs(v), dig, &decpt);
        }
        nd = (int)strlen(dig);
        if (signbit(v)) ok |= wfo_strbuf_append(&sb, "-", 1);
        if (decpt <= -4 || decpt > 16) {
            ok |= wfo_strbuf_append(&sb, dig, 1);
            if (nd > 1 || alt) ok |= wfo_strbuf_append(&sb, ".", 1);
            ok |= wfo_strbuf_append(&sb, dig + 1, (size_t)nd - 1);
            ok |= wfo_strbuf_appendf(&sb, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
        } else if (decpt <= 0) {
            ok |= wfo_strbuf_append(&sb, "0.", 2);
            for (int i = 0; i < -decpt; i++) ok |= wfo_strbuf_append(&sb, "0", 1);
            ok |= wfo_strbuf_append(&sb, dig, (size_t)nd);
        } else {
            for (int i = 0; i < decpt; i++) ok |= wfo_strbuf_append(&sb, i < nd ? &dig[i] : "0", 1);
            if (nd > decpt) {
                ok |= wfo_strbuf_append(&sb, ".", 1);
                ok |= wfo_strbuf_append(&sb, dig + decpt, (size_t)(nd - decpt));
            } else if (add_dot_0) {
                ok |= wfo_strbuf_append(&sb, ".0", 2);
            } else if (alt) {
                ok |= wfo_strbuf_append(&sb, ".", 1);
            }
        }
    } else {
        /* A double's exact decimal expansion has fewer than 800 significant
         * digits, so 'g' without '#' (which strips trailing zeros and
         * switches to an exponent only past decpt 309) gives the same text
         * for any larger precision: clamp to keep snprintf's work bounded. */
        if ((type == 'g' || type == 'G') && !alt && prec > 800) prec = 800;
        char fmt[8];
        int k = 0;
        fmt[k++] = '%';
        if (alt) fmt[k++] = '#';
        fmt[k++] = '.';
        fmt[k++] = '*';
        fmt[k++] = (char)type;
        fmt[k] = 0;
        int need = snprintf(NULL, 0, fmt, prec, v);
        char *t = need >= 0 ? malloc((size_t)need + 1) : NULL;
        if (!t) {
            wf_err_no_memory();
            wfo_strbuf_free(&sb);
            return NULL;
        }
        snprintf(t, (size_t)need + 1, fmt, prec, v);
        ok = wfo_strbuf_append(&sb, t, (size_t)need);
        free(t);
        if (ok == 0 && add_dot_0 && type == 'g') {
            /* No type with a precision: exponent once decpt > prec - 1. */
            int eprec = prec - 1 < 0 ? 0 : prec - 1;
            const char *efmt = alt ? "%#.*e" : "%.*e";
            int elen = snprintf(NULL, 0, efmt, eprec, v);
            char *e = elen >= 0 ? malloc((size_t)elen + 1) : NULL;
            if (!e) {
                wfo_strbuf_free(&sb);
                wf_err_no_memory();
                return NULL;
            }
            snprintf(e, (size_t)elen + 1, efmt, eprec, v);
            const char *ep = strchr(e, 'e');
            int decpt = atoi(ep + 1) + 1;
            if (decpt > -4 && decpt > prec - 1) {
                sb.len = 0;
                size_t mlen = (size_t)(ep - e);
                if (!alt && memchr(e, '.', mlen)) {
                    while (e[mlen - 1] == '0') mlen--;
                    if (e[mlen - 1] == '.') mlen--;
                }
                ok = wfo_strbuf_append(&sb, e, mlen);
                ok |= wfo_strbuf_append(&sb, ep, strlen(ep));
            }
            free(e);
        }
        if (ok == 0 && add_dot_0 && !strpbrk(sb.data, ".eE")) ok = wfo_strbuf_append(&sb, ".0", 2);
    }
    if (ok != 0 || !sb.data) {
        wfo_strbuf_free(&sb);
        wf_err_no_memory();
        return NULL;
    }
    if (no_neg_0 && sb.data[0] == '-') {
        /* Drop the sign when every digit before any exponent is zero. */
        int allzero = 1;
        for (const char *p = sb.data + 1; *p && *p != 'e' && *p != 'E'; p++)
            if ((*p >= '1' && *p <= '9') || *p == 'i' || *p == 'I') allzero = 0;
        if (allzero) memmove(sb.data, sb.data + 1, sb.len--);
    }
    return sb.data;
}

static wf_object *format_double(wf_object *self, double v, spec_t *f) {
    if (f->precision > INT_MAX) return wf_err_format(&wf_exc_ValueError, "precision too big");
    int prec = (int)f->precision, type = (int)f->type, add_dot_0 = 0, pct = 0, dflt = 6;
    if (type == 0) {
        add_dot_0 = 1;
        type = 'r';
        dflt = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        v *= 100;
        pct = 1;
    }
    if (prec < 0) prec = dflt;
    else if (type == 'r') type = 'g';
    if ((type == 'g' || type == 'G') && prec == 0) prec = 1;
    char *t = double_text(v, type, prec, f->alternate, add_dot_0, f->no_neg_0);
    if (!t) return NULL;
    const char *p = t;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    size_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9') nd++;
    int has_decimal = p[nd] == '.';
    const char *rest = p + nd + (has_decimal ? 1 : 0);
    size_t nrest = strlen(rest);
    char *r2 = NULL;
    if (pct) {
        r2 = malloc(nrest + 2);
        if (!r2) {
            free(t);
            return wf_err_no_memory();
        }
        memcpy(r2, rest, nrest);
        r2[nrest++] = '%';
        r2[nrest] = 0;
        rest = r2;
    }
    cpbuf b = {0};
    int sep = f->type == 'n' ? SEP_NONE : f->sep;
    int rc = put_number(&b, f, negative, "", p, (wf_ssize_t)nd, has_decimal, rest, (wf_ssize_t)nrest, sep);
    free(t);
    free(r2);
    if (rc < 0) {
        free(b.p);
        return NULL;
    }
    (void)self;
    return cp_finish(&b);
}

wf_object *wfo_float_format(wf_object *self, wf_object *spec) {
    if (check_spec_arg(spec) < 0) return NULL;
    if (wf_str_len(spec) == 0) return wf_object_str(self);
    spec_t f;
    if (parse_spec(self, spec, &f, 0, '>') < 0) return NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_double(self, wf_float_as_double(self), &f);
    default:
        return unknown_code(f.type, self);
    }
}

/* --- complex.__format__ ---------------------------------------------------------- */

/* One part's text with the sign CPython gives it: `sign` for a non-negative
 * value ('+', ' ' or 0 for none).  malloc'd. */
static char *complex_part(double v, int type, int prec, const spec_t *f, int sign) {
    char *t = double_text(v, type, prec, f->alternate, 0, f->no_neg_0);
    if (!t || t[0] == '-' || !sign) return t;
    size_t n = strlen(t);
    char *r = malloc(n + 2);
    if (r) {
        r[0] = (char)sign;
        memcpy(r + 1, t, n + 1);
    }
    free(t);
    return r;
}

wf_object *wfo_complex_format(wf_object *self, wf_object *spec) {
    if (check_spec_arg(spec) < 0) return NULL;
    if (wf_str_len(spec) == 0) return wf_object_str(self);
    spec_t f;
    if (parse_spec(self, spec, &f, 0, '>') < 0) return NULL;
    if (f.fill == '0' && f.align == '=')
        return wf_err_format(&wf_exc_ValueError, "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return wf_err_format(&wf_exc_ValueError,
                             "'=' alignment flag is not allowed in complex format specifier");
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return unknown_code(f.type, self);
    }
    if (f.sep != SEP_NONE && f.type == 'n')
        return wf_err_format(&wf_exc_ValueError, "Cannot specify ',' with 'n'.");
    if (f.precision > INT_MAX) return wf_err_format(&wf_exc_ValueError, "precision too big");
    double re = ((wf_complex *)self)->real, im = ((wf_complex *)self)->imag;
    int type = (int)f.type, prec = (int)f.precision, dflt = 6, skip_re = 0, parens = 0;
    if (type == 0) {
        type = 'r';
        dflt = 0;
        if (re == 0.0 && copysign(1.0, re) == 1.0) skip_re = 1;
        else parens = 1;
    }
    if (type == 'n') type = 'g';
    if (prec < 0) prec = dflt;
    else if (type == 'r') type = 'g';
    char *rs = skip_re ? NULL : complex_part(re, type, prec, &f, f.sign == '-' ? 0 : f.sign);
    char *is = complex_part(im, type, prec, &f, skip_re ? (f.sign == '-' ? 0 : f.sign) : '+');
    if ((!skip_re && !rs) || !is) {
        free(rs);
        free(is);
        return wf_err_no_memory();
    }
    size_t n = (rs ? strlen(rs) : 0) + strlen(is) + 4;
    char *body = malloc(n);
    if (!body) {
        free(rs);
        free(is);
        return wf_err_no_memory();
    }
    snprintf(body, n, "%s%s%sj%s", parens ? "(" : "", rs ? rs : "", is, parens ? ")" : "");
    free(rs);
    free(is);
    cpbuf b = {0};
    wf_ssize_t len = (wf_ssize_t)strlen(body), right;
    if (pad_out(&b, &f, len, &right) < 0 || cp_ascii(&b, body, len) < 0 || cp_fill(&b, f.fill, right) < 0) {
        free(body);
        free(b.p);
        return NULL;
    }
    free(body);
    return cp_finish(&b);
}

/* --- int.__format__ ------------------------------------------------------------ */

/* Digits of |v| in base (no sign, no prefix), malloc'd ASCII. */
static char *int_digits(wf_object *v, int base, int upper) {
    wf_object *a = wf_number_absolute(v);
    if (!a) return NULL;
    wf_object *s = wf_int_to_str(a, base);
    wf_decref(a);
    if (!s) return NULL;
    wf_ssize_t n;
    const char *u = wf_str_utf8(s, &n);
    if (!u) {
        wf_decref(s);
        return NULL;
    }
    int skip = base == 10 ? 0 : 2;
    char *d = malloc((size_t)(n - skip) + 1);
    if (!d) {
        wf_decref(s);
        wf_err_no_memory();
        return NULL;
    }
    for (wf_ssize_t i = skip; i < n; i++) {
        char c = u[i];
        d[i - skip] = (char)(upper && c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
    }
    d[n - skip] = 0;
    wf_decref(s);
    return d;
}

static wf_object *format_int(wf_object *self, spec_t *f) {
    if (f->precision != -1)
        return wf_err_format(&wf_exc_ValueError, "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return wf_err_format(&wf_exc_ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
    cpbuf b = {0};
    if (f->type == 'c') {
        if (f->sign)
            return wf_err_format(&wf_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return wf_err_format(&wf_exc_ValueError,
                                 "Alternate form (#) not allowed with integer format specifier 'c'");
        int over = 0;
        int64_t x = wf_int_as_i64_overflow(self, &over);
        if (over) return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C long");
        if (x < 0 || x > 0x10ffff) return wf_err_format(&wf_exc_OverflowError, "%%c arg not in range(0x110000)");
        /* The character is the "digits": '=' padding goes before it. */
        spec_t cf = *f;
        if (cf.align == '=') cf.align = '>';
        wf_ssize_t right;
        if (pad_out(&b, &cf, 1, &right) < 0 || cp_put(&b, (uint32_t)x) < 0 || cp_fill(&b, f->fill, right) < 0) {
            free(b.p);
            return NULL;
        }
        return cp_finish(&b);
    }
    int base = 10, upper = 0;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; upper = 1; break;
    default: break;
    }
    if (!f->alternate) prefix = "";
    char *d = int_digits(self, base, upper);
    if (!d) return NULL;
    int sep = f->type == 'n' ? SEP_NONE : f->sep;
    int rc = put_number(&b, f, wf_int_sign(self) < 0, prefix, d, (wf_ssize_t)strlen(d), 0, "", 0, sep);
    free(d);
    if (rc < 0) {
        free(b.p);
        return NULL;
    }
    return cp_finish(&b);
}

wf_object *wfo_int_format(wf_object *self, wf_object *spec) {
    if (check_spec_arg(spec) < 0) return NULL;
    if (wf_str_len(spec) == 0) return wf_object_str(self);
    spec_t f;
    if (parse_spec(self, spec, &f, 'd', '>') < 0) return NULL;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int(self, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double v = wf_int_as_double(self);
        if (v == -1.0 && wf_err_occurred()) return NULL;
        return format_double(self, v, &f);
    }
    default:
        return unknown_code(f.type, self);
    }
}

/* --- printf-style formatting: str % args -------------------------------------- */
enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    wf_object *args;
    wf_ssize_t argidx, arglen; /* arglen -1: a single non-tuple argument */
} argstate;

static wf_object *next_arg(argstate *st) {
    if (st->argidx < st->arglen) {
        st->argidx++;
        return st->arglen < 0 ? st->args : WF_TUPLE_ITEM(st->args, st->argidx - 1);
    }
    return wf_err_format(&wf_exc_TypeError, "not enough arguments for format string");
}

static int star_arg(argstate *st, wf_ssize_t *out) {
    wf_object *v = next_arg(st);
    if (!v) return -1;
    if (!WF_INT_CHECK(v)) {
        wf_err_format(&wf_exc_TypeError, "* wants int");
        return -1;
    }
    *out = wf_int_as_ssize(v);
    return *out == -1 && wf_err_occurred() ? -1 : 0;
}

/* The body of an integer conversion: [-][0x]digits, digits zero-padded to
 * prec.  Returns a malloc'd ASCII string. */
static char *mod_int_body(wf_object *v, int ch, int alt, wf_ssize_t prec) {
    int base = ch == 'o' ? 8 : (ch == 'x' || ch == 'X') ? 16 : 10;
    char *d = int_digits(v, base, ch == 'X');
    if (!d) return NULL;
    size_t nd = strlen(d), zeros = prec > (wf_ssize_t)nd ? (size_t)prec - nd : 0;
    char *out = malloc(nd + zeros + 4);
    if (!out) {
        free(d);
        wf_err_no_memory();
        return NULL;
    }
    size_t k = 0;
    if (wf_int_sign(v) < 0) out[k++] = '-';
    if (alt && base != 10) {
        out[k++] = '0';
        out[k++] = (char)(ch == 'o' ? 'o' : ch);
    }
    memset(out + k, '0', zeros);
    k += zeros;
    memcpy(out + k, d, nd + 1);
    free(d);
    return out;
}

/* One conversion's output, after its arg and spec are known. */
static int mod_one(cpbuf *b, int ch, int flags, wf_ssize_t width, wf_ssize_t prec, wf_object *v,
                   wf_ssize_t at) {
    wf_object *text = NULL; /* str result for s/r/a/c */
    char *num = NULL;       /* ASCII body for numbers */
    int numeric = 0;
    switch (ch) {
    case 's': text = wf_object_str(v); break;
    case 'r': text = wf_object_repr(v); break;
    case 'a': text = wf_object_ascii(v); break;
    case 'c':
        if (WF_STR_CHECK(v)) {
            if (wf_str_len(v) != 1) {
                wf_err_format(&wf_exc_TypeError, "%%c requires int or char");
                return -1;
            }
            text = wf_newref(v);
        } else if (WF_INT_CHECK(v)) {
            int over = 0;
            int64_t x = wf_int_as_i64_overflow(v, &over);
            if (over || x < 0 || x > 0x10ffff) {
                wf_err_format(&wf_exc_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            text = wf_str_from_char((uint32_t)x);
        } else {
            wf_err_format(&wf_exc_TypeError, "%%c requires int or char");
            return -1;
        }
        if (!text) return -1;
        break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        numeric = 1;
        wf_number_methods *nb = WF_TYPE(v)->tp_as_number;
        int integer_only = ch == 'o' || ch == 'x' || ch == 'X';
        if (!nb || (!nb->nb_index && !nb->nb_int && !nb->nb_float) ||
            (integer_only && !WF_INT_CHECK(v) && !nb->nb_index)) {
            wf_err_format(&wf_exc_TypeError, "%%%c format: %s is required, not %s", ch,
                          integer_only ? "an integer" : "a real number", wf_type_name(WF_TYPE(v)));
            return -1;
        }
        wf_object *iv = WF_INT_CHECK(v) ? wf_newref(v) : integer_only ? wf_number_index(v) : wf_number_long(v);
        if (!iv) return -1;
        num = mod_int_body(iv, ch, flags & F_ALT, prec);
        wf_decref(iv);
        if (!num) return -1;
        break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        numeric = 1;
        double x;
        if (WF_FLOAT_CHECK(v)) x = wf_float_as_double(v);
        else {
            wf_number_methods *nb = WF_TYPE(v)->tp_as_number;
            if (!nb || (!nb->nb_float && !nb->nb_index)) {
                wf_err_format(&wf_exc_TypeError, "must be real number, not %s", wf_type_name(WF_TYPE(v)));
                return -1;
            }
            wf_object *fv = wf_number_float(v);
            if (!fv) return -1;
            x = wf_float_as_double(fv);
            wf_decref(fv);
        }
        if (prec < 0) prec = 6;
        if (prec > INT_MAX) {
            wf_err_format(&wf_exc_ValueError, "precision too big");
            return -1;
        }
        if ((ch == 'g' || ch == 'G') && prec == 0) prec = 1;
        num = double_text(x, ch, (int)prec, flags & F_ALT, 0, 0);
        if (!num) return -1;
        break;
    }
    default:
        wf_err_format(&wf_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                      ch >= 32 && ch < 127 ? ch : '?', (unsigned)ch, at);
        return -1;
    }
    if (!numeric && !text) return -1;
    /* Gather the body as code points. */
    cpbuf body = {0};
    int rc = 0;
    if (numeric) rc = cp_ascii(&body, num, (wf_ssize_t)strlen(num));
    else {
        wf_ssize_t n = wf_str_len(text);
        if ((ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && prec < n) n = prec;
        rc = cp_str(&body, text, 0, n);
    }
    free(num);
    if (text) wf_decref(text);
    if (rc < 0) {
        free(body.p);
        return -1;
    }
    wf_ssize_t pos = 0, len = body.n;
    uint32_t signch = 0;
    int has_sign = 0;
    uint32_t fill = numeric && (flags & F_ZERO) ? '0' : ' ';
    if (numeric) {
        if (len > 0 && (body.p[0] == '-' || body.p[0] == '+')) {
            signch = body.p[0];
            pos++;
            len--;
            has_sign = 1;
        } else if (flags & F_SIGN) {
            signch = '+';
            has_sign = 1;
        } else if (flags & F_BLANK) {
            signch = ' ';
            has_sign = 1;
        }
    }
    int prefix = (flags & F_ALT) && (ch == 'x' || ch == 'X' || ch == 'o');
    if (width < len) width = len;
    if (has_sign) {
        if (fill != ' ') rc |= cp_put(b, signch);
        if (width > len) width--;
    }
    if (prefix) {
        if (fill != ' ') rc |= cp_put(b, body.p[pos]) | cp_put(b, body.p[pos + 1]);
        width -= 2;
        if (width < 0) width = 0;
        len -= 2;
    }
    if (width > len && !(flags & F_LJUST)) {
        rc |= cp_fill(b, fill, width - len);
        width = len;
    }
    if (fill == ' ') {
        if (has_sign) rc |= cp_put(b, signch);
        if (prefix) rc |= cp_put(b, body.p[pos]) | cp_put(b, body.p[pos + 1]);
    }
    if (prefix) pos += 2;
    if (rc == 0 && cp_reserve(b, len) == 0) {
        memcpy(b->p + b->n, body.p + pos, (size_t)len * sizeof(uint32_t));
        b->n += len;
    } else rc = -1;
    if (rc == 0 && width > len) rc = cp_fill(b, ' ', width - len);
    free(body.p);
    return rc < 0 ? -1 : 0;
}

wf_object *wfo_str_mod(wf_object *fmt, wf_object *args) {
    if (!WF_STR_CHECK(fmt)) return wf_newref(wf_NotImplemented);
    argstate st = {args, 0, 0};
    wf_object *dict = NULL;
    if (WF_TUPLE_CHECK(args)) {
        st.arglen = WF_TUPLE_SIZE(args);
    } else {
        st.arglen = -1;
        st.argidx = -2;
    }
    wf_mapping_methods *mp = WF_TYPE(args)->tp_as_mapping;
    if (mp && mp->mp_subscript && !WF_TUPLE_CHECK(args) && !WF_STR_CHECK(args)) dict = args;
    wf_ssize_t n = wf_str_len(fmt), i = 0;
    cpbuf b = {0};
    while (i < n) {
        uint32_t c = wf_str_char(fmt, i);
        if (c != '%') {
            if (cp_put(&b, c) < 0) goto fail;
            i++;
            continue;
        }
        i++;
        if (i < n && wf_str_char(fmt, i) == '%') {
            if (cp_put(&b, '%') < 0) goto fail;
            i++;
            continue;
        }
        wf_object *v = NULL, *owned = NULL;
        if (i < n && wf_str_char(fmt, i) == '(') {
            if (!dict) {
                wf_err_format(&wf_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            wf_ssize_t start = ++i;
            int depth = 1;
            while (i < n && depth > 0) {
                uint32_t k = wf_str_char(fmt, i);
                if (k == ')') depth--;
                else if (k == '(') depth++;
                i++;
            }
            if (depth > 0) {
                wf_err_format(&wf_exc_ValueError, "incomplete format key");
                goto fail;
            }
            wf_object *key = wf_str_substring(fmt, start, i - 1);
            if (!key) goto fail;
            owned = v = wf_object_get_item(dict, key);
            wf_decref(key);
            if (!v) goto fail;
            /* the looked-up value is the one argument, already used: a
             * later positional spec finds none (CPython) */
            st.arglen = -1;
            st.argidx = -1;
        }
        int flags = 0;
        for (; i < n; i++) {
            uint32_t k = wf_str_char(fmt, i);
            if (k == '-') flags |= F_LJUST;
            else if (k == '+') flags |= F_SIGN;
            else if (k == ' ') flags |= F_BLANK;
            else if (k == '#') flags |= F_ALT;
            else if (k == '0') flags |= F_ZERO;
            else break;
        }
        wf_ssize_t width = -1, prec = -1;
        if (i < n && wf_str_char(fmt, i) == '*') {
            if (star_arg(&st, &width) < 0) goto fail_v;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            i++;
        } else {
            while (i < n && wf_str_char(fmt, i) >= '0' && wf_str_char(fmt, i) <= '9') {
                if (width < 0) width = 0;
                if (width > (WF_SSIZE_MAX - 9) / 10) {
                    wf_err_format(&wf_exc_ValueError, "width too big");
                    goto fail_v;
                }
                width = width * 10 + (wf_str_char(fmt, i) - '0');
                i++;
            }
        }
        if (i < n && wf_str_char(fmt, i) == '.') {
            i++;
            prec = 0;
            if (i < n && wf_str_char(fmt, i) == '*') {
                if (star_arg(&st, &prec) < 0) goto fail_v;
                if (prec < 0) prec = 0;
                i++;
            } else {
                while (i < n && wf_str_char(fmt, i) >= '0' && wf_str_char(fmt, i) <= '9') {
                    if (prec > (WF_SSIZE_MAX - 9) / 10) {
                        wf_err_format(&wf_exc_ValueError, "precision too big");
                        goto fail_v;
                    }
                    prec = prec * 10 + (wf_str_char(fmt, i) - '0');
                    i++;
                }
            }
        }
        if (i >= n) {
            wf_err_format(&wf_exc_ValueError, "incomplete format");
            goto fail_v;
        }
        int ch = (int)wf_str_char(fmt, i++);
        if (!v) {
            v = next_arg(&st);
            if (!v) goto fail_v;
        }
        if (mod_one(&b, ch, flags, width, prec, v, i - 1) < 0) goto fail_v;
        if (owned) wf_decref(owned);
        continue;
    fail_v:
        if (owned) wf_decref(owned);
        goto fail;
    }
    if (st.argidx < st.arglen && !dict) {
        wf_err_format(&wf_exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return cp_finish(&b);
fail:
    free(b.p);
    return NULL;
}
