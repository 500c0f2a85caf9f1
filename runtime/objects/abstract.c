/*
 * runtime/objects/abstract.c — the object protocol (weft/abstract.h): the
 * type-independent operations the VM and every built-in use — repr/str,
 * hashing, rich comparison with CPython's reflected-operand rule,
 * truthiness, attributes, items, calls, iteration, the numeric binary
 * operators with their sequence fallbacks, and sequence/mapping helpers.
 *
 * Invariants: every function returns a new reference or NULL with an
 * exception set (int results: -1 with an exception), and never leaves an
 * exception set on success; arguments are borrowed.  Error messages are
 * CPython 3.11's.
 *
 * Thread-safety: this file keeps no state.  It only dispatches through
 * type slots, which are immutable for static types and single aligned
 * pointer stores for heap types (see weft/type.h); each operand's own
 * type is responsible for locking its contents.
 */
#include "runtime/objects/objimpl.h"
#include "runtime/objects/bigint.h"

#include <stdarg.h>

/* ---------------------------------------------------------------------------
 * repr / str / ascii / hash
 */
wf_object *wf_object_repr(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (!t->tp_repr) return wfo_object_default_repr(o);
    if (wf_enter_recursive_call(" while getting the repr of an object")) return NULL;
    wf_object *r = t->tp_repr(o);
    wf_leave_recursive_call();
    if (r && !WF_STR_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__repr__ returned non-string (type %s)",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    return r;
}

wf_object *wf_object_str(wf_object *o) {
    if (WF_STR_CHECK_EXACT(o)) return wf_newref(o);
    wf_type *t = WF_TYPE(o);
    if (!t->tp_str) return wf_object_repr(o);
    if (wf_enter_recursive_call(" while getting the str of an object")) return NULL;
    wf_object *r = t->tp_str(o);
    wf_leave_recursive_call();
    if (r && !WF_STR_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__str__ returned non-string (type %s)",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    return r;
}

/* ascii(): repr() with every non-ASCII code point escaped as \xNN, \uNNNN
 * or \UNNNNNNNN. */
wf_object *wf_object_ascii(wf_object *o) {
    wf_object *r = wf_object_repr(o);
    if (!r) return NULL;
    wf_ssize_t n = wf_str_len(r), extra = 0;
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(r, i);
        extra += c < 0x80 ? 0 : c < 0x100 ? 3 : c < 0x10000 ? 5 : 9;
    }
    if (!extra) return r;
    wf_object *out = wf_str_new_raw(n + extra, 0x7f);
    if (!out) {
        wf_decref(r);
        return NULL;
    }
    char *d = wf_str_data(out);
    static const char hex[] = "0123456789abcdef";
    for (wf_ssize_t i = 0; i < n; i++) {
        uint32_t c = wf_str_char(r, i);
        if (c < 0x80) {
            *d++ = (char)c;
            continue;
        }
        int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        *d++ = '\\';
        *d++ = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
        for (int k = digits - 1; k >= 0; k--) *d++ = hex[(c >> (4 * k)) & 0xf];
    }
    wf_decref(r);
    return out;
}

wf_hash_t wf_object_hash(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (!t->tp_hash || t->tp_hash == wf_object_hash_not_implemented) {
        wf_err_format(&wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(t));
        return -1;
    }
    return t->tp_hash(o);
}

/* ---------------------------------------------------------------------------
 * Rich comparison
 */
static const int swapped_op[6] = {WF_GT, WF_GE, WF_EQ, WF_NE, WF_LT, WF_LE};

static wf_object *do_richcompare(wf_object *a, wf_object *b, int op) {
    wf_type *ta = WF_TYPE(a), *tb = WF_TYPE(b);
    int checked_reverse = 0;
    wf_object *r;
    if (ta != tb && wf_type_is_subtype(tb, ta) && tb->tp_richcompare) {
        checked_reverse = 1;
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    if (ta->tp_richcompare) {
        r = ta->tp_richcompare(a, b, op);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    if (!checked_reverse && tb->tp_richcompare) {
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    switch (op) {
    case WF_EQ: return wf_newref(wf_bool_from(a == b));
    case WF_NE: return wf_newref(wf_bool_from(a != b));
    default:
        return wf_err_format(&wf_exc_TypeError,
                             "'%s' not supported between instances of '%s' and '%s'",
                             wfo_cmp_symbols[op], wf_type_name(ta), wf_type_name(tb));
    }
}

wf_object *wf_object_rich_compare(wf_object *a, wf_object *b, int op) {
    if (op < WF_LT || op > WF_GE) return wf_err_bad_internal_call("wf_object_rich_compare");
    if (wf_enter_recursive_call(" in comparison")) return NULL;
    wf_object *r = do_richcompare(a, b, op);
    wf_leave_recursive_call();
    return r;
}

int wf_object_rich_compare_bool(wf_object *a, wf_object *b, int op) {
    if (a == b) {
        if (op == WF_EQ) return 1;
        if (op == WF_NE) return 0;
    }
    wf_object *r = wf_object_rich_compare(a, b, op);
    if (!r) return -1;
    int ok = r == wf_True ? 1 : r == wf_False ? 0 : wf_object_is_true(r);
    wf_decref(r);
    return ok;
}

/* ---------------------------------------------------------------------------
 * Truth
 */
int wf_object_is_true(wf_object *o) {
    if (o == wf_True) return 1;
    if (o == wf_False || o == wf_None) return 0;
    wf_type *t = WF_TYPE(o);
    wf_ssize_t n;
    if (t->tp_as_number && t->tp_as_number->nb_bool) return t->tp_as_number->nb_bool(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        n = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        n = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n > 0 ? 1 : (int)n;
}

int wf_object_not(wf_object *o) {
    int r = wf_object_is_true(o);
    return r < 0 ? r : !r;
}

/* ---------------------------------------------------------------------------
 * Attributes
 */
static int check_attr_name(wf_object *name) {
    if (WF_STR_CHECK(name)) return 0;
    wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%s'",
                  wf_type_name(WF_TYPE(name)));
    return -1;
}

wf_object *wf_object_getattr(wf_object *o, wf_object *name) {
    if (check_attr_name(name)) return NULL;
    wf_getattrofunc f = WF_TYPE(o)->tp_getattro;
    return f ? f(o, name) : wf_object_generic_getattr(o, name);
}

wf_object *wf_object_getattr_string(wf_object *o, const char *name) {
    wf_object *n = wf_str_from_cstr(name);
    if (!n) return NULL;
    wf_object *r = wf_object_getattr(o, n);
    wf_decref(n);
    return r;
}

int wf_object_lookup_attr(wf_object *o, wf_object *name, wf_object **result) {
    *result = wf_object_getattr(o, name);
    if (*result) return 1;
    if (!wf_err_matches((wf_object *)&wf_exc_AttributeError)) return -1;
    wf_err_clear();
    return 0;
}

int wf_object_setattr(wf_object *o, wf_object *name, wf_object *value) {
    if (check_attr_name(name)) return -1;
    wf_type *t = WF_TYPE(o);
    if (t->tp_setattro) {
        wf_incref(name);
        int r = t->tp_setattro(o, name, value);
        wf_decref(name);
        return r;
    }
    if (!t->tp_getattro)
        wf_err_format(&wf_exc_TypeError, "'%s' object has no attributes (%s .%U)",
                      wf_type_name(t), value ? "assign to" : "del", name);
    else
        wf_err_format(&wf_exc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                      wf_type_name(t), value ? "assign to" : "del", name);
    return -1;
}

int wf_object_setattr_string(wf_object *o, const char *name, wf_object *value) {
    wf_object *n = wf_str_from_cstr(name);
    if (!n) return -1;
    int r = wf_object_setattr(o, n, value);
    wf_decref(n);
    return r;
}

int wf_object_delattr(wf_object *o, wf_object *name) { return wf_object_setattr(o, name, NULL); }

int wf_object_hasattr(wf_object *o, wf_object *name) {
    wf_object *r;
    int found = wf_object_lookup_attr(o, name, &r);
    if (found < 0) {
        wf_err_clear();
        return 0;
    }
    if (found) wf_decref(r);
    return found;
}

wf_object *wf_object_type_of(wf_object *o) { return wf_newref((wf_object *)WF_TYPE(o)); }

/* ---------------------------------------------------------------------------
 * Length and items
 */
wf_ssize_t wf_object_size(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length) return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length) return t->tp_as_mapping->mp_length(o);
    wf_err_format(&wf_exc_TypeError, "object of type '%s' has no len()", wf_type_name(t));
    return -1;
}

static int index_from_key(wf_object *key, wf_ssize_t *out, const char *what, wf_type *t) {
    if (!wf_index_check(key)) {
        wf_err_format(&wf_exc_TypeError, "%s indices must be integers, not '%s'", what,
                      wf_type_name(WF_TYPE(key)));
        return -1;
    }
    *out = wf_number_as_ssize_t(key, &wf_exc_IndexError);
    if (*out == -1 && wf_err_occurred()) return -1;
    return 0;
}

wf_object *wf_object_get_item(wf_object *o, wf_object *key) {
    wf_type *t = WF_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        wf_ssize_t i;
        if (index_from_key(key, &i, "sequence", t)) return NULL;
        return wf_sequence_get_item(o, i);
    }
    if (WF_TYPE_CHECK(o)) {
        /* type[X] is special-cased as in CPython (genericalias.c). */
        if (o == (wf_object *)&wf_type_type) return wfo_genericalias_new(o, key);
        wf_object *meth;
        int found = wf_object_lookup_attr(o, WFO_ID(__class_getitem__), &meth);
        if (found < 0) return NULL;
        if (found) {
            wf_object *r = wf_object_call_one(meth, key);
            wf_decref(meth);
            return r;
        }
        return wf_err_format(&wf_exc_TypeError, "type '%s' is not subscriptable",
                             wf_type_name((wf_type *)o));
    }
    return wf_err_format(&wf_exc_TypeError, "'%s' object is not subscriptable", wf_type_name(t));
}

static int ass_item(wf_object *o, wf_object *key, wf_object *value) {
    wf_type *t = WF_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        wf_ssize_t i;
        if (index_from_key(key, &i, "sequence", t)) return -1;
        return value ? wf_sequence_set_item(o, i, value) : wf_sequence_set_item(o, i, NULL);
    }
    if (value)
        wf_err_format(&wf_exc_TypeError, "'%s' object does not support item assignment",
                      wf_type_name(t));
    else
        wf_err_format(&wf_exc_TypeError, "'%s' object doesn't support item deletion",
                      wf_type_name(t));
    return -1;
}

int wf_object_set_item(wf_object *o, wf_object *key, wf_object *value) {
    if (!value) {
        wf_err_bad_internal_call("wf_object_set_item");
        return -1;
    }
    return ass_item(o, key, value);
}

int wf_object_del_item(wf_object *o, wf_object *key) { return ass_item(o, key, NULL); }

/* ---------------------------------------------------------------------------
 * format(), isinstance(), issubclass(), callable()
 */
wf_object *wf_object_format(wf_object *o, wf_object *spec) {
    if (spec && !WF_STR_CHECK(spec))
        return wf_err_format(&wf_exc_SystemError, "Format specifier must be a string, not %s",
                             wf_type_name(WF_TYPE(spec)));
    if (!spec || wf_str_len(spec) == 0) {
        if (WF_STR_CHECK_EXACT(o)) return wf_newref(o);
        if (WF_INT_CHECK_EXACT(o)) return wf_object_str(o);
    }
    wf_object *empty = NULL;
    if (!spec) {
        empty = wf_str_from_cstr("");
        if (!empty) return NULL;
        spec = empty;
    }
    int found;
    wf_object *r = wfo_call_special(o, WFO_ID(__format__), &spec, 1, &found);
    if (empty) wf_decref(empty);
    if (!found)
        return wf_err_format(&wf_exc_TypeError, "Type %s doesn't define __format__",
                             wf_type_name(WF_TYPE(o)));
    if (r && !WF_STR_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__format__ must return a str, not %s",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    return r;
}

/* isinstance() without __instancecheck__: type(inst) or inst.__class__. */
static int recursive_isinstance(wf_object *inst, wf_object *cls) {
    if (WF_TYPE_CHECK(cls)) {
        if (wf_type_is_subtype(WF_TYPE(inst), (wf_type *)cls)) return 1;
        wf_object *c;
        int found = wf_object_lookup_attr(inst, WFO_ID(__class__), &c);
        if (found <= 0) return found;
        int r = c != (wf_object *)WF_TYPE(inst) && WF_TYPE_CHECK(c) &&
                wf_type_is_subtype((wf_type *)c, (wf_type *)cls);
        wf_decref(c);
        return r;
    }
    wf_err_set_string(&wf_exc_TypeError,
                      "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int wf_object_is_instance(wf_object *inst, wf_object *cls) {
    if ((wf_object *)WF_TYPE(inst) == cls) return 1;
    if (WF_TYPE(cls) == &wf_type_type) return recursive_isinstance(inst, cls);
    if (WF_TUPLE_CHECK(cls)) {
        if (wf_enter_recursive_call(" in __instancecheck__")) return -1;
        int r = 0;
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(cls) && r == 0; i++)
            r = wf_object_is_instance(inst, WF_TUPLE_ITEM(cls, i));
        wf_leave_recursive_call();
        return r;
    }
    int found;
    if (wf_enter_recursive_call(" in __instancecheck__")) return -1;
    wf_object *r = wfo_call_special(cls, WFO_ID(__instancecheck__), &inst, 1, &found);
    wf_leave_recursive_call();
    if (!found) return recursive_isinstance(inst, cls);
    if (!r) return -1;
    int ok = wf_object_is_true(r);
    wf_decref(r);
    return ok;
}

static int recursive_issubclass(wf_object *derived, wf_object *cls) {
    if (!WF_TYPE_CHECK(derived)) {
        wf_err_set_string(&wf_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!WF_TYPE_CHECK(cls)) {
        wf_err_set_string(&wf_exc_TypeError,
                          "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return wf_type_is_subtype((wf_type *)derived, (wf_type *)cls);
}

int wf_object_is_subclass(wf_object *derived, wf_object *cls) {
    if (WF_TYPE(cls) == &wf_type_type && WF_TYPE_CHECK(derived)) {
        if (derived == cls) return 1;
        return recursive_issubclass(derived, cls);
    }
    if (WF_TUPLE_CHECK(cls)) {
        if (wf_enter_recursive_call(" in __subclasscheck__")) return -1;
        int r = 0;
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(cls) && r == 0; i++)
            r = wf_object_is_subclass(derived, WF_TUPLE_ITEM(cls, i));
        wf_leave_recursive_call();
        return r;
    }
    int found;
    if (wf_enter_recursive_call(" in __subclasscheck__")) return -1;
    wf_object *r = wfo_call_special(cls, WFO_ID(__subclasscheck__), &derived, 1, &found);
    wf_leave_recursive_call();
    if (!found) return recursive_issubclass(derived, cls);
    if (!r) return -1;
    int ok = wf_object_is_true(r);
    wf_decref(r);
    return ok;
}

int wf_callable_check(wf_object *o) { return WF_TYPE(o)->tp_call != NULL; }

/* ---------------------------------------------------------------------------
 * Calls
 */
wf_object *wf_object_vectorcall(wf_object *callable, wf_object *const *args, size_t nargsf,
                                wf_object *kwnames) {
    wf_vectorcallfunc f = WF_TYPE(callable)->tp_call;
    if (!f)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not callable",
                             wf_type_name(WF_TYPE(callable)));
    if (wf_enter_recursive_call(" while calling a Python object")) return NULL;
    wf_object *r = f(callable, args, nargsf, kwnames);
    wf_leave_recursive_call();
    if (!r && !wf_err_occurred())
        return wf_err_format(&wf_exc_SystemError, "%R returned NULL without setting an exception",
                             callable);
    if (r && wf_err_occurred()) {
        wf_decref(r);
        return wf_err_format(&wf_exc_SystemError, "%R returned a result with an exception set",
                             callable);
    }
    return r;
}

wf_object *wf_object_call(wf_object *callable, wf_object *args, wf_object *kwargs) {
    wf_ssize_t nargs = args ? WF_TUPLE_SIZE(args) : 0;
    wf_ssize_t nkw = kwargs ? wf_dict_size(kwargs) : 0;
    if (nkw == 0) {
        wf_object *const *a = args ? ((wf_tuple *)args)->ob_item : NULL;
        return wf_object_vectorcall(callable, a, (size_t)nargs, NULL);
    }
    wf_object **stack = wfm_malloc(sizeof(wf_object *) * (size_t)(nargs + nkw + 1));
    if (!stack) return wf_err_no_memory();
    wf_object *kwnames = wf_tuple_new(nkw);
    if (!kwnames) {
        wfm_free(stack);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < nargs; i++) stack[i] = WF_TUPLE_ITEM(args, i);
    /* The values are kept alive by kwnames (names) and by the references
     * collected in vals, since the dict may change during the call. */
    wf_object *vals = wf_tuple_new(nkw);
    if (!vals) {
        wf_decref(kwnames);
        wfm_free(stack);
        return NULL;
    }
    wf_ssize_t pos = 0, k = 0;
    wf_object *key, *value;
    while (k < nkw && wf_dict_next(kwargs, &pos, &key, &value)) {
        if (!WF_STR_CHECK(key)) {
            wf_decref(key);
            wf_decref(value);
            wf_decref(kwnames);
            wf_decref(vals);
            wfm_free(stack);
            return wf_err_set_string(&wf_exc_TypeError, "keywords must be strings"), NULL;
        }
        ((wf_tuple *)kwnames)->ob_item[k] = key;
        ((wf_tuple *)vals)->ob_item[k] = value;
        stack[nargs + k] = value;
        k++;
    }
    ((wf_tuple *)kwnames)->ob_size = k; /* the dict may have shrunk meanwhile */
    ((wf_tuple *)vals)->ob_size = k;
    wf_object *r = wf_object_vectorcall(callable, stack, (size_t)nargs, k ? kwnames : NULL);
    wf_decref(kwnames);
    wf_decref(vals);
    wfm_free(stack);
    return r;
}

wf_object *wf_object_call_noargs(wf_object *callable) {
    return wf_object_vectorcall(callable, NULL, 0, NULL);
}

wf_object *wf_object_call_one(wf_object *callable, wf_object *arg) {
    wf_object *stack[2] = {NULL, arg};
    return wf_object_vectorcall(callable, stack + 1, 1 | WF_VECTORCALL_ARGS_OFFSET, NULL);
}

wf_object *wf_object_call_objs(wf_object *callable, ...) {
    wf_object *stack[16];
    wf_ssize_t n = 0;
    va_list ap;
    va_start(ap, callable);
    for (wf_object *a; (a = va_arg(ap, wf_object *)) != NULL;) {
        if (n == 15) {
            va_end(ap);
            return wf_err_bad_internal_call("wf_object_call_objs (more than 15 arguments)");
        }
        stack[1 + n++] = a;
    }
    va_end(ap);
    return wf_object_vectorcall(callable, stack + 1, (size_t)n | WF_VECTORCALL_ARGS_OFFSET, NULL);
}

wf_object *wf_object_vectorcall_method(wf_object *name, wf_object *const *args, size_t nargsf,
                                       wf_object *kwnames) {
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (nargs < 1) return wf_err_bad_internal_call("wf_object_vectorcall_method");
    wf_object *m = wf_object_getattr(args[0], name);
    if (!m) return NULL;
    wf_object *r = wf_object_vectorcall(m, args + 1, (size_t)(nargs - 1) | WF_VECTORCALL_ARGS_OFFSET,
                                        kwnames);
    wf_decref(m);
    return r;
}

wf_object *wf_object_call_method(wf_object *o, const char *name, wf_object *const *args,
                                 wf_ssize_t nargs) {
    wf_object *m = wf_object_getattr_string(o, name);
    if (!m) return NULL;
    wf_object *r = wf_object_vectorcall(m, args, (size_t)nargs, NULL);
    wf_decref(m);
    return r;
}

wf_object *wf_vectorcall_to_tuple_dict(wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
                                       wf_object **kwargs_out) {
    *kwargs_out = NULL;
    wf_object *t = wf_tuple_from_array(args, nargs);
    if (!t) return NULL;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nkw == 0) return t;
    wf_object *d = wf_dict_new();
    if (!d) {
        wf_decref(t);
        return NULL;
    }
    for (wf_ssize_t i = 0; i < nkw; i++) {
        if (wf_dict_set_item(d, WF_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
            wf_decref(d);
            wf_decref(t);
            return NULL;
        }
    }
    *kwargs_out = d;
    return t;
}

int wf_check_no_kwargs(const char *fname, wf_object *kwnames) {
    if (!kwnames || WF_TUPLE_SIZE(kwnames) == 0) return 0;
    wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int wf_check_nargs(const char *fname, wf_ssize_t nargs, wf_ssize_t min, wf_ssize_t max) {
    if (nargs >= min && nargs <= max) return 0;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    wf_ssize_t want = nargs < min ? min : max;
    wf_err_format(&wf_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname, how, want,
                  want == 1 ? "" : "s", nargs);
    return -1;
}

/* ---------------------------------------------------------------------------
 * Iteration
 */
wf_object *wf_object_get_iter(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (t->tp_iter) {
        wf_object *it = t->tp_iter(o);
        if (it && !WF_TYPE(it)->tp_iternext) {
            wf_err_format(&wf_exc_TypeError, "iter() returned non-iterator of type '%s'",
                          wf_type_name(WF_TYPE(it)));
            wf_decref(it);
            return NULL;
        }
        return it;
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item && !WF_DICT_CHECK(o))
        return wf_seqiter_new(o);
    return wf_err_format(&wf_exc_TypeError, "'%s' object is not iterable", wf_type_name(t));
}

wf_object *wf_iter_next(wf_object *it) {
    wf_unaryfunc f = WF_TYPE(it)->tp_iternext;
    if (!f)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not an iterator",
                             wf_type_name(WF_TYPE(it)));
    wf_object *r = f(it);
    if (!r && wf_err_occurred() && wf_err_matches((wf_object *)&wf_exc_StopIteration))
        wf_err_clear();
    return r;
}

int wf_iter_check(wf_object *o) { return WF_TYPE(o)->tp_iternext != NULL; }

/* ---------------------------------------------------------------------------
 * Numbers.  binary_op1 follows CPython: the right operand's slot goes
 * first when its type is a proper subtype of the left's; NotImplemented
 * from both means "unsupported".
 */
#define NB_SLOT(field) offsetof(wf_number_methods, field)

static wf_binaryfunc nb_slot(wf_type *t, size_t off) {
    if (!t->tp_as_number) return NULL;
    return *(wf_binaryfunc *)((char *)t->tp_as_number + off);
}

static wf_object *binary_op1(wf_object *v, wf_object *w, size_t off) {
    wf_binaryfunc slotv = nb_slot(WF_TYPE(v), off), slotw = NULL;
    if (WF_TYPE(w) != WF_TYPE(v)) {
        slotw = nb_slot(WF_TYPE(w), off);
        if (slotw == slotv) slotw = NULL;
    }
    wf_object *r;
    if (slotv) {
        if (slotw && wf_type_is_subtype(WF_TYPE(w), WF_TYPE(v))) {
            r = slotw(v, w);
            if (r != wf_NotImplemented) return r;
            wf_decref(r);
            slotw = NULL;
        }
        r = slotv(v, w);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    if (slotw) {
        r = slotw(v, w);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    return wf_newref(wf_NotImplemented);
}

static wf_object *binop_type_error(wf_object *v, wf_object *w, const char *opname) {
    return wf_err_format(&wf_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                         opname, wf_type_name(WF_TYPE(v)), wf_type_name(WF_TYPE(w)));
}

static wf_object *binary_op(wf_object *v, wf_object *w, size_t off, const char *opname) {
    wf_object *r = binary_op1(v, w, off);
    if (r != wf_NotImplemented) return r;
    wf_decref(r);
    return binop_type_error(v, w, opname);
}

static wf_object *sequence_repeat(wf_ssizeargfunc f, wf_object *seq, wf_object *n) {
    if (!wf_index_check(n))
        return wf_err_format(&wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             wf_type_name(WF_TYPE(n)));
    wf_ssize_t count = wf_number_as_ssize_t(n, &wf_exc_OverflowError);
    if (count == -1 && wf_err_occurred()) return NULL;
    return f(seq, count);
}

wf_object *wf_number_add(wf_object *a, wf_object *b) {
    wf_object *r = binary_op1(a, b, NB_SLOT(nb_add));
    if (r != wf_NotImplemented) return r;
    wf_decref(r);
    wf_sequence_methods *sq = WF_TYPE(a)->tp_as_sequence;
    if (sq && sq->sq_concat) return sq->sq_concat(a, b);
    return binop_type_error(a, b, "+");
}

wf_object *wf_number_multiply(wf_object *a, wf_object *b) {
    wf_object *r = binary_op1(a, b, NB_SLOT(nb_multiply));
    if (r != wf_NotImplemented) return r;
    wf_decref(r);
    wf_sequence_methods *sa = WF_TYPE(a)->tp_as_sequence, *sb = WF_TYPE(b)->tp_as_sequence;
    if (sa && sa->sq_repeat) return sequence_repeat(sa->sq_repeat, a, b);
    if (sb && sb->sq_repeat) return sequence_repeat(sb->sq_repeat, b, a);
    return binop_type_error(a, b, "*");
}

#define BINOP(fname, field, sym) \
    wf_object *fname(wf_object *a, wf_object *b) { return binary_op(a, b, NB_SLOT(field), sym); }
BINOP(wf_number_subtract, nb_subtract, "-")
BINOP(wf_number_matrix_multiply, nb_matrix_multiply, "@")
BINOP(wf_number_floor_divide, nb_floor_divide, "//")
BINOP(wf_number_true_divide, nb_true_divide, "/")
BINOP(wf_number_remainder, nb_remainder, "%")
BINOP(wf_number_divmod, nb_divmod, "divmod()")
BINOP(wf_number_lshift, nb_lshift, "<<")
BINOP(wf_number_rshift, nb_rshift, ">>")
BINOP(wf_number_and, nb_and, "&")
BINOP(wf_number_xor, nb_xor, "^")
BINOP(wf_number_or, nb_or, "|")
#undef BINOP

static wf_ternaryfunc nb_power_slot(wf_type *t, int inplace) {
    if (!t->tp_as_number) return NULL;
    return inplace ? t->tp_as_number->nb_inplace_power : t->tp_as_number->nb_power;
}

static wf_object *ternary_power(wf_object *v, wf_object *w, wf_object *z, const char *opname) {
    wf_ternaryfunc slotv = nb_power_slot(WF_TYPE(v), 0), slotw = NULL;
    if (WF_TYPE(w) != WF_TYPE(v)) {
        slotw = nb_power_slot(WF_TYPE(w), 0);
        if (slotw == slotv) slotw = NULL;
    }
    wf_object *r;
    if (slotv) {
        if (slotw && wf_type_is_subtype(WF_TYPE(w), WF_TYPE(v))) {
            r = slotw(v, w, z);
            if (r != wf_NotImplemented) return r;
            wf_decref(r);
            slotw = NULL;
        }
        r = slotv(v, w, z);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    if (slotw) {
        r = slotw(v, w, z);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    if (z != wf_None) {
        wf_ternaryfunc slotz = nb_power_slot(WF_TYPE(z), 0);
        if (slotz && slotz != slotv && slotz != slotw) {
            r = slotz(v, w, z);
            if (r != wf_NotImplemented) return r;
            wf_decref(r);
        }
        return wf_err_format(&wf_exc_TypeError,
                             "unsupported operand type(s) for %s: '%s', '%s', '%s'", opname,
                             wf_type_name(WF_TYPE(v)), wf_type_name(WF_TYPE(w)),
                             wf_type_name(WF_TYPE(z)));
    }
    return binop_type_error(v, w, opname);
}

wf_object *wf_number_power(wf_object *a, wf_object *b, wf_object *mod) {
    return ternary_power(a, b, mod ? mod : wf_None, "** or pow()");
}

/* In-place: the left operand's in-place slot, then the binary operation. */
static wf_object *inplace_op1(wf_object *v, wf_object *w, size_t ioff, size_t off) {
    wf_binaryfunc f = nb_slot(WF_TYPE(v), ioff);
    if (f) {
        wf_object *r = f(v, w);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    return binary_op1(v, w, off);
}

static wf_object *inplace_op(wf_object *v, wf_object *w, size_t ioff, size_t off, const char *sym) {
    wf_object *r = inplace_op1(v, w, ioff, off);
    if (r != wf_NotImplemented) return r;
    wf_decref(r);
    return binop_type_error(v, w, sym);
}

wf_object *wf_number_inplace_add(wf_object *a, wf_object *b) {
    wf_object *r = inplace_op1(a, b, NB_SLOT(nb_inplace_add), NB_SLOT(nb_add));
    if (r != wf_NotImplemented) return r;
    wf_decref(r);
    wf_sequence_methods *sq = WF_TYPE(a)->tp_as_sequence;
    if (sq && sq->sq_inplace_concat) return sq->sq_inplace_concat(a, b);
    if (sq && sq->sq_concat) return sq->sq_concat(a, b);
    return binop_type_error(a, b, "+=");
}

/* PySequence_Check's test: a dict is not a sequence; a type with an item
 * slot (a class with __getitem__ gets one) is. */
static int sequence_check(wf_object *o) {
    if (WF_DICT_CHECK(o)) return 0;
    wf_sequence_methods *sq = WF_TYPE(o)->tp_as_sequence;
    return sq && sq->sq_item != NULL;
}

static wf_object *sequence_concat(wf_object *a, wf_object *b, int inplace) {
    wf_sequence_methods *sq = WF_TYPE(a)->tp_as_sequence;
    if (sq && inplace && sq->sq_inplace_concat) return sq->sq_inplace_concat(a, b);
    if (sq && sq->sq_concat) return sq->sq_concat(a, b);
    if (sequence_check(a) && sequence_check(b)) {
        wf_object *r = inplace ? inplace_op1(a, b, NB_SLOT(nb_inplace_add), NB_SLOT(nb_add))
                               : binary_op1(a, b, NB_SLOT(nb_add));
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    return wf_err_format(&wf_exc_TypeError, "'%s' object can't be concatenated",
                         wf_type_name(WF_TYPE(a)));
}
wf_object *wf_sequence_concat(wf_object *a, wf_object *b) { return sequence_concat(a, b, 0); }
wf_object *wf_sequence_inplace_concat(wf_object *a, wf_object *b) {
    return sequence_concat(a, b, 1);
}

wf_object *wf_number_inplace_multiply(wf_object *a, wf_object *b) {
    wf_object *r = inplace_op1(a, b, NB_SLOT(nb_inplace_multiply), NB_SLOT(nb_multiply));
    if (r != wf_NotImplemented) return r;
    wf_decref(r);
    wf_sequence_methods *sa = WF_TYPE(a)->tp_as_sequence, *sb = WF_TYPE(b)->tp_as_sequence;
    if (sa && sa->sq_inplace_repeat) return sequence_repeat(sa->sq_inplace_repeat, a, b);
    if (sa && sa->sq_repeat) return sequence_repeat(sa->sq_repeat, a, b);
    if (sb && sb->sq_repeat) return sequence_repeat(sb->sq_repeat, b, a);
    return binop_type_error(a, b, "*=");
}

#define IBINOP(fname, ifield, field, sym)                                  \
    wf_object *fname(wf_object *a, wf_object *b) {                        \
        return inplace_op(a, b, NB_SLOT(ifield), NB_SLOT(field), sym);     \
    }
IBINOP(wf_number_inplace_subtract, nb_inplace_subtract, nb_subtract, "-=")
IBINOP(wf_number_inplace_matrix_multiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
IBINOP(wf_number_inplace_floor_divide, nb_inplace_floor_divide, nb_floor_divide, "//=")
IBINOP(wf_number_inplace_true_divide, nb_inplace_true_divide, nb_true_divide, "/=")
IBINOP(wf_number_inplace_remainder, nb_inplace_remainder, nb_remainder, "%=")
IBINOP(wf_number_inplace_lshift, nb_inplace_lshift, nb_lshift, "<<=")
IBINOP(wf_number_inplace_rshift, nb_inplace_rshift, nb_rshift, ">>=")
IBINOP(wf_number_inplace_and, nb_inplace_and, nb_and, "&=")
IBINOP(wf_number_inplace_xor, nb_inplace_xor, nb_xor, "^=")
IBINOP(wf_number_inplace_or, nb_inplace_or, nb_or, "|=")
#undef IBINOP

wf_object *wf_number_inplace_power(wf_object *a, wf_object *b, wf_object *mod) {
    wf_ternaryfunc f = nb_power_slot(WF_TYPE(a), 1);
    if (!mod) mod = wf_None;
    if (f) {
        wf_object *r = f(a, b, mod);
        if (r != wf_NotImplemented) return r;
        wf_decref(r);
    }
    return ternary_power(a, b, mod, "**=");
}

#define UNOP(fname, field, fmt)                                                          \
    wf_object *fname(wf_object *o) {                                                     \
        wf_number_methods *nb = WF_TYPE(o)->tp_as_number;                                \
        if (nb && nb->field) return nb->field(o);                                        \
        return wf_err_format(&wf_exc_TypeError, fmt, wf_type_name(WF_TYPE(o)));         \
    }
UNOP(wf_number_negative, nb_negative, "bad operand type for unary -: '%s'")
UNOP(wf_number_positive, nb_positive, "bad operand type for unary +: '%s'")
UNOP(wf_number_invert, nb_invert, "bad operand type for unary ~: '%s'")
UNOP(wf_number_absolute, nb_absolute, "bad operand type for abs(): '%s'")
#undef UNOP

int wf_index_check(wf_object *o) {
    wf_number_methods *nb = WF_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

wf_object *wf_number_index(wf_object *o) {
    if (WF_INT_CHECK(o)) return wf_newref(o);
    if (!wf_index_check(o))
        return wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             wf_type_name(WF_TYPE(o)));
    wf_object *r = WF_TYPE(o)->tp_as_number->nb_index(o);
    if (r && !WF_INT_CHECK(r)) {
        wf_err_format(&wf_exc_TypeError, "__index__ returned non-int (type %s)",
                      wf_type_name(WF_TYPE(r)));
        wf_decref(r);
        return NULL;
    }
    return r;
}

wf_ssize_t wf_number_as_ssize_t(wf_object *o, wf_type *exc) {
    wf_object *v = wf_number_index(o);
    if (!v) return -1;
    int overflow = 0;
    int64_t r = wf_int_as_i64_overflow(v, &overflow);
    wf_decref(v);
    if (!overflow) return (wf_ssize_t)r;
    if (!exc) return overflow < 0 ? -WF_SSIZE_MAX - 1 : WF_SSIZE_MAX;
    wf_err_format(exc, "cannot fit '%s' into an index-sized integer", wf_type_name(WF_TYPE(o)));
    return -1;
}

wf_object *wf_number_long(wf_object *o) {
    if (WF_INT_CHECK_EXACT(o)) return wf_newref(o);
    wf_number_methods *nb = WF_TYPE(o)->tp_as_number;
    wf_object *r = NULL;
    if (nb && nb->nb_int) {
        r = nb->nb_int(o);
        if (r && !WF_INT_CHECK(r)) {
            wf_err_format(&wf_exc_TypeError, "__int__ returned non-int (type %s)",
                          wf_type_name(WF_TYPE(r)));
            wf_decref(r);
            return NULL;
        }
    } else if (nb && nb->nb_index) {
        r = wf_number_index(o);
    } else if (WF_STR_CHECK(o)) {
        return wfo_int_from_text(o, 10); /* with the int_max_str_digits limit */
    } else {
        return wf_err_format(&wf_exc_TypeError,
                             "int() argument must be a string, a bytes-like object or a real "
                             "number, not '%s'",
                             wf_type_name(WF_TYPE(o)));
    }
    if (r && !WF_INT_CHECK_EXACT(r)) {
        /* An int subclass (bool, user class): the plain int value. */
        int overflow = 0;
        int64_t v = wf_int_as_i64_overflow(r, &overflow);
        if (!overflow) {
            wf_decref(r);
            return wf_int_from_i64(v);
        }
        /* copy the digits (not through decimal text: no digit limit) */
        wf_int *big = (wf_int *)r;
        wfo_bigmag m = {big->ob_digit, (size_t)big->ob_ndigits, (size_t)big->ob_ndigits};
        wf_object *out = wfo_int_from_bigmag_sign(&m, big->ob_sign);
        wf_decref(r);
        return out;
    }
    return r;
}

wf_object *wf_number_float(wf_object *o) {
    if (WF_TYPE(o) == &wf_float_type) return wf_newref(o);
    wf_number_methods *nb = WF_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        wf_object *r = nb->nb_float(o);
        if (r && !WF_FLOAT_CHECK(r)) {
            wf_err_format(&wf_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          wf_type_name(WF_TYPE(o)), wf_type_name(WF_TYPE(r)));
            wf_decref(r);
            return NULL;
        }
        if (r && WF_TYPE(r) != &wf_float_type) {
            double d = ((wf_float *)r)->ob_fval;
            wf_decref(r);
            return wf_float_from_double(d);
        }
        return r;
    }
    if (nb && nb->nb_index) {
        wf_object *i = wf_number_index(o);
        if (!i) return NULL;
        double d = wf_int_as_double(i);
        wf_decref(i);
        if (d == -1.0 && wf_err_occurred()) return NULL;
        return wf_float_from_double(d);
    }
    /* Strings and other accepted inputs: float's own constructor. */
    return wf_object_call_one((wf_object *)&wf_float_type, o);
}

/* ---------------------------------------------------------------------------
 * Sequences and mappings
 */
wf_ssize_t wf_sequence_size(wf_object *o) {
    wf_sequence_methods *sq = WF_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_length) return sq->sq_length(o);
    if (WF_TYPE(o)->tp_as_mapping && WF_TYPE(o)->tp_as_mapping->mp_length)
        wf_err_format(&wf_exc_TypeError, "%s is not a sequence", wf_type_name(WF_TYPE(o)));
    else
        wf_err_format(&wf_exc_TypeError, "object of type '%s' has no len()",
                      wf_type_name(WF_TYPE(o)));
    return -1;
}

wf_object *wf_sequence_get_item(wf_object *o, wf_ssize_t i) {
    wf_sequence_methods *sq = WF_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_item) {
        if (i < 0 && sq->sq_length) {
            wf_ssize_t n = sq->sq_length(o);
            if (n < 0) return NULL;
            i += n;
        }
        return sq->sq_item(o, i);
    }
    if (WF_TYPE(o)->tp_as_mapping && WF_TYPE(o)->tp_as_mapping->mp_subscript) {
        wf_object *k = wf_int_from_ssize(i);
        if (!k) return NULL;
        wf_object *r = WF_TYPE(o)->tp_as_mapping->mp_subscript(o, k);
        wf_decref(k);
        return r;
    }
    return wf_err_format(&wf_exc_TypeError, "'%s' object does not support indexing",
                         wf_type_name(WF_TYPE(o)));
}

int wf_sequence_set_item(wf_object *o, wf_ssize_t i, wf_object *v) {
    wf_sequence_methods *sq = WF_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_ass_item) {
        if (i < 0 && sq->sq_length) {
            wf_ssize_t n = sq->sq_length(o);
            if (n < 0) return -1;
            i += n;
        }
        return sq->sq_ass_item(o, i, v);
    }
    if (WF_TYPE(o)->tp_as_mapping && WF_TYPE(o)->tp_as_mapping->mp_ass_subscript) {
        wf_object *k = wf_int_from_ssize(i);
        if (!k) return -1;
        int r = WF_TYPE(o)->tp_as_mapping->mp_ass_subscript(o, k, v);
        wf_decref(k);
        return r;
    }
    wf_err_format(&wf_exc_TypeError, v ? "'%s' object does not support item assignment"
                                       : "'%s' object doesn't support item deletion",
                  wf_type_name(WF_TYPE(o)));
    return -1;
}

int wf_sequence_contains(wf_object *seq, wf_object *item) {
    wf_sequence_methods *sq = WF_TYPE(seq)->tp_as_sequence;
    if (sq && sq->sq_contains) return sq->sq_contains(seq, item);
    wf_object *it = wf_object_get_iter(seq);
    if (!it) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "argument of type '%s' is not iterable",
                          wf_type_name(WF_TYPE(seq)));
        }
        return -1;
    }
    int found = 0;
    wf_object *x;
    while ((x = wf_iter_next(it)) != NULL) {
        found = wf_object_rich_compare_bool(x, item, WF_EQ);
        wf_decref(x);
        if (found) break;
    }
    wf_decref(it);
    if (found == 0 && wf_err_occurred()) return -1;
    return found;
}

wf_object *wf_sequence_repeat(wf_object *o, wf_ssize_t n) {
    wf_sequence_methods *sq = WF_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_repeat) return sq->sq_repeat(o, n);
    return wf_err_format(&wf_exc_TypeError, "'%s' object can't be repeated",
                         wf_type_name(WF_TYPE(o)));
}

wf_object *wf_sequence_list(wf_object *o) {
    wf_object *l = wf_list_new(0);
    if (!l) return NULL;
    if (wf_list_extend(l, o) < 0) {
        wf_decref(l);
        return NULL;
    }
    return l;
}

wf_object *wf_sequence_tuple(wf_object *o) {
    if (WF_TUPLE_CHECK_EXACT(o)) return wf_newref(o);
    if (WF_LIST_CHECK_EXACT(o)) return wf_list_as_tuple(o);
    wf_object *l = wf_sequence_list(o);
    if (!l) return NULL;
    wf_object *t = wf_list_as_tuple(l);
    wf_decref(l);
    return t;
}

wf_ssize_t wf_mapping_size(wf_object *o) {
    wf_mapping_methods *mp = WF_TYPE(o)->tp_as_mapping;
    if (mp && mp->mp_length) return mp->mp_length(o);
    wf_err_format(&wf_exc_TypeError, "object of type '%s' has no len()", wf_type_name(WF_TYPE(o)));
    return -1;
}

wf_object *wf_mapping_get_item_string(wf_object *o, const char *key) {
    wf_object *k = wf_str_from_cstr(key);
    if (!k) return NULL;
    wf_object *r = wf_object_get_item(o, k);
    wf_decref(k);
    return r;
}

static wf_object *mapping_method_list(wf_object *o, wf_object *name) {
    wf_object *r = wf_object_vectorcall_method(name, &o, 1, NULL);
    if (!r) return NULL;
    if (WF_LIST_CHECK_EXACT(r)) return r;
    wf_object *l = wf_sequence_list(r);
    wf_decref(r);
    return l;
}

wf_object *wf_mapping_keys(wf_object *o) {
    if (WF_DICT_CHECK_EXACT(o)) return wf_dict_keys(o);
    return mapping_method_list(o, WFO_ID(keys));
}

wf_object *wf_mapping_items(wf_object *o) {
    if (WF_DICT_CHECK_EXACT(o)) return wf_dict_items(o);
    return mapping_method_list(o, WFO_ID(items));
}
