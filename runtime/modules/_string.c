/*
 * runtime/modules/_string.c — the _string module: formatter_parser and
 * formatter_field_name_split, the str.format parsing primitives that
 * string.Formatter is built on.
 *
 * formatter_parser(s) returns a "formatteriterator" yielding
 * (literal_text, field_name, format_spec, conversion) tuples;
 * formatter_field_name_split(name) returns (first, iterator of
 * (is_attribute, key)).  As in CPython, syntax errors are raised lazily,
 * when the iterator reaches them, with CPython's messages.
 *
 * Thread-safety: each iterator keeps a position into an immutable str;
 * the position is read and advanced under the iterator's critical
 * section.
 */
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"

typedef struct {
    wf_object ob_base;
    wf_object *str;   /* the str being parsed (immutable) */
    wf_ssize_t pos;   /* next code point to read */
    wf_ssize_t end;
} parse_iter;

static wf_type formatteriter_type, fieldnameiter_type;

static wf_object *iter_make(wf_type *type, wf_object *s, wf_ssize_t pos) {
    parse_iter *it = (parse_iter *)wf_type_generic_alloc(type, 0);
    if (!it) return NULL;
    it->str = wf_newref(s);
    it->pos = pos;
    it->end = wf_str_len(s);
    return (wf_object *)it;
}

static void iter_dealloc(wf_object *self) {
    WF_CLEAR(((parse_iter *)self)->str);
    wfo_free_instance(self);
}

static int iter_traverse(wf_object *self, wf_visitproc visit, void *arg) {
    parse_iter *it = (parse_iter *)self;
    return it->str ? visit(it->str, arg) : 0;
}

static wf_object *iter_self(wf_object *self) { return wf_newref(self); }

static wf_object *value_error(const char *msg) {
    wf_err_set_string(&wf_exc_ValueError, msg);
    return NULL;
}

/* Digits only -> the int value; -1 when s[a:b] is empty or not all digits. */
static wf_ssize_t parse_index(wf_object *s, wf_ssize_t a, wf_ssize_t b, int *overflow) {
    *overflow = 0;
    if (a >= b) return -1;
    wf_ssize_t v = 0;
    for (wf_ssize_t i = a; i < b; i++) {
        uint32_t c = wf_str_char(s, i);
        if (c < '0' || c > '9') return -1;
        if (v > (WF_SSIZE_MAX - (c - '0')) / 10) {
            *overflow = 1;
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

/* s[a:b] as an int when it is all digits, else as a str. */
static wf_object *key_object(wf_object *s, wf_ssize_t a, wf_ssize_t b) {
    int ovf;
    wf_ssize_t v = parse_index(s, a, b, &ovf);
    if (ovf) return value_error("Too many decimal digits in format string");
    if (v >= 0) return wf_int_from_ssize(v);
    return wf_str_substring(s, a, b);
}

/* --- formatter_parser ------------------------------------------------------ */
static wf_object *formatteriter_next(wf_object *self) {
    parse_iter *it = (parse_iter *)self;
    wf_object *s = it->str;
    wf_object *result = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_ssize_t p = it->pos, end = it->end;
    if (p >= end) goto done;
    /* literal text, up to a '{' or '}' */
    wf_ssize_t lit_start = p;
    uint32_t c = 0;
    int markup = 0;
    while (p < end) {
        c = wf_str_char(s, p++);
        if (c == '{' || c == '}') {
            markup = 1;
            break;
        }
    }
    int at_end = p >= end;
    wf_ssize_t lit_len = p - lit_start;
    if (c == '}' && markup && (at_end || wf_str_char(s, p) != c)) {
        value_error("Single '}' encountered in format string");
        goto fail;
    }
    if (at_end && c == '{' && markup) {
        value_error("Single '{' encountered in format string");
        goto fail;
    }
    if (markup) {
        if (wf_str_char(s, p) == c) { /* doubled brace: part of the literal */
            p++;
            markup = 0;
        } else {
            lit_len--;
        }
    }
    wf_object *literal = wf_str_substring(s, lit_start, lit_start + lit_len);
    if (!literal) goto fail;
    if (!markup) {
        it->pos = p;
        result = wf_tuple_pack(4, literal, wf_None, wf_None, wf_None);
        wf_decref(literal);
        goto done;
    }
    /* the field: name up to ':', '!' or '}' ('[' ... ']' skipped) */
    wf_ssize_t name_start = p;
    c = 0;
    while (p < end) {
        c = wf_str_char(s, p++);
        if (c == '{') {
            wf_decref(literal);
            value_error("unexpected '{' in field name");
            goto fail;
        }
        if (c == '[') {
            while (p < end && wf_str_char(s, p) != ']') p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    wf_ssize_t name_end = p - 1;
    uint32_t conversion = 0;
    wf_ssize_t spec_start = p, spec_end = p;
    if (c == '!' || c == ':') {
        int closed = 0;
        if (c == '!') {
            if (p >= end) {
                wf_decref(literal);
                value_error("end of string while looking for conversion specifier");
                goto fail;
            }
            conversion = wf_str_char(s, p++);
            if (p < end) {
                uint32_t c2 = wf_str_char(s, p++);
                if (c2 == '}') {
                    closed = 1;
                    spec_start = spec_end = p;
                } else if (c2 != ':') {
                    wf_decref(literal);
                    value_error("expected ':' after conversion specifier");
                    goto fail;
                }
            }
        }
        if (!closed) {
            spec_start = p;
            int count = 1;
            while (p < end) {
                uint32_t c3 = wf_str_char(s, p++);
                if (c3 == '{') count++;
                else if (c3 == '}' && --count == 0) {
                    closed = 1;
                    break;
                }
            }
            if (!closed) {
                wf_decref(literal);
                value_error("unmatched '{' in format spec");
                goto fail;
            }
            spec_end = p - 1;
        }
    } else if (c != '}') {
        wf_decref(literal);
        value_error("expected '}' before end of string");
        goto fail;
    }
    it->pos = p;
    wf_object *name = wf_str_substring(s, name_start, name_end);
    wf_object *spec = name ? wf_str_substring(s, spec_start, spec_end) : NULL;
    wf_object *conv = spec ? (conversion ? wf_str_from_char(conversion) : wf_newref(wf_None)) : NULL;
    if (conv) result = wf_tuple_pack(4, literal, name, spec, conv);
    wf_decref(literal);
    if (name) wf_decref(name);
    if (spec) wf_decref(spec);
    if (conv) wf_decref(conv);
    goto done;
fail:
    it->pos = end; /* an error ends the iteration */
done:
    WF_END_CRITICAL_SECTION();
    return result;
}

static wf_type formatteriter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "formatteriterator",
    .tp_basicsize = sizeof(parse_iter),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = iter_dealloc,
    .tp_traverse = iter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = formatteriter_next,
};

static wf_object *m_formatter_parser(wf_object *self, wf_object *arg) {
    (void)self;
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "expected str, got %s", wf_type_name(WF_TYPE(arg)));
    return iter_make(&formatteriter_type, arg, 0);
}

/* --- formatter_field_name_split -------------------------------------------------- */
static wf_object *fieldnameiter_next(wf_object *self) {
    parse_iter *it = (parse_iter *)self;
    wf_object *s = it->str;
    wf_object *result = NULL;
    WF_BEGIN_CRITICAL_SECTION(self);
    wf_ssize_t p = it->pos, end = it->end;
    if (p >= end) goto done;
    uint32_t c = wf_str_char(s, p++);
    int is_attr;
    wf_ssize_t a, b;
    if (c == '.') {
        is_attr = 1;
        a = p;
        while (p < end) {
            uint32_t d = wf_str_char(s, p);
            if (d == '.' || d == '[') break;
            p++;
        }
        b = p;
    } else if (c == '[') {
        is_attr = 0;
        a = p;
        while (p < end && wf_str_char(s, p) != ']') p++;
        if (p >= end) {
            value_error("Missing ']' in format string");
            goto fail;
        }
        b = p++;
    } else {
        value_error("Only '.' or '[' may follow ']' in format field specifier");
        goto fail;
    }
    if (a == b) {
        value_error("Empty attribute in format string");
        goto fail;
    }
    it->pos = p;
    wf_object *key = is_attr ? wf_str_substring(s, a, b) : key_object(s, a, b);
    if (key) {
        result = wf_tuple_pack(2, wf_bool_from(is_attr), key);
        wf_decref(key);
    }
    goto done;
fail:
    it->pos = end;
done:
    WF_END_CRITICAL_SECTION();
    return result;
}

static wf_type fieldnameiter_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "fieldnameiterator",
    .tp_basicsize = sizeof(parse_iter),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = iter_dealloc,
    .tp_traverse = iter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = fieldnameiter_next,
};

static wf_object *m_formatter_field_name_split(wf_object *self, wf_object *arg) {
    (void)self;
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "expected str, got %s", wf_type_name(WF_TYPE(arg)));
    wf_ssize_t n = wf_str_len(arg), p = 0;
    while (p < n) {
        uint32_t c = wf_str_char(arg, p);
        if (c == '.' || c == '[') break;
        p++;
    }
    wf_object *first = key_object(arg, 0, p);
    if (!first) return NULL;
    wf_object *rest = iter_make(&fieldnameiter_type, arg, p);
    if (!rest) {
        wf_decref(first);
        return NULL;
    }
    wf_object *r = wf_tuple_pack(2, first, rest);
    wf_decref(first);
    wf_decref(rest);
    return r;
}

static wf_method_def string_methods[] = {
    {"formatter_parser", m_formatter_parser, WF_METH_O,
     "parse the argument as a format string"},
    {"formatter_field_name_split", m_formatter_field_name_split, WF_METH_O,
     "split the argument as a field name"},
    {NULL, NULL, 0, NULL},
};

WF_MODULE_INIT(_string) {
    if (wf_type_ready(&formatteriter_type) < 0 || wf_type_ready(&fieldnameiter_type) < 0)
        return NULL;
    wf_object *m = wf_module_new("_string");
    if (!m) return NULL;
    if (wf_module_add_functions(m, string_methods) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
