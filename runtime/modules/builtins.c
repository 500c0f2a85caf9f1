/*
 * runtime/modules/builtins.c — the builtins module: the built-in types and
 * constants, every exception type, and the built-in functions (len, print,
 * isinstance, min/max, sum, round, exec/eval/compile, __build_class__,
 * __import__, ...) with CPython 3.11's behaviour and error messages.
 *
 * The rest lives in builtins_*.c (none holds WF_MODULE_INIT):
 * builtins_code.c has exec/eval/compile, __build_class__, __import__,
 * dir/vars/globals/locals; builtins_union.c has types.UnionType (X | Y).
 * See docs/internals/builtins.md.
 *
 * Invariants and thread-safety: the only global state is wfb_ids (the
 * interned strings of the hot paths), written by the module init before
 * any other thread exists and read-only afterwards.  The module's dict is
 * filled once by WF_MODULE_INIT(builtins) (run with
 * the import lock held, before any other thread can see it); afterwards
 * every function works only on its arguments, the calling thread's frame
 * and the interpreter's dicts (sys, builtins), which carry their own locks.
 * Hot functions (len, isinstance, min/max of two values, print of a few
 * strings) use the METH_O / METH_FASTCALL conventions and build no tuples.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/modules/builtins_impl.h"

/* ---------------------------------------------------------------------------
 * Argument parsing in the style of CPython's argument clinic
 * (_PyArg_UnpackKeywords): same messages.
 */
int wfb_parse(const wfb_spec *sp, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
              wf_object **out) {
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    int maxargs = sp->nparams;
    const char *f = sp->fname;
    if (nargs + nkw > maxargs) {
        wf_err_format(&wf_exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", f, maxargs,
                      nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > sp->maxpos) {
        if (sp->maxpos == 0)
            wf_err_format(&wf_exc_TypeError, "%s() takes no positional arguments", f);
        else
            wf_err_format(&wf_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", f,
                          sp->minpos < sp->maxpos ? "at most" : "exactly", sp->maxpos,
                          sp->maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    int minposonly = sp->minpos < sp->posonly ? sp->minpos : sp->posonly;
    if (nargs < minposonly) {
        wf_err_format(&wf_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", f,
                      minposonly < sp->maxpos ? "at least" : "exactly", minposonly,
                      minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < maxargs; i++) out[i] = i < nargs ? args[i] : NULL;
    wf_ssize_t used = 0;
    for (int i = (int)(nargs > sp->posonly ? nargs : sp->posonly); i < maxargs; i++) {
        wf_object *found = NULL;
        for (wf_ssize_t k = 0; k < nkw; k++) {
            if (wf_str_eq_cstr(WF_TUPLE_ITEM(kwnames, k), sp->names[i])) {
                found = args[nargs + k];
                break;
            }
        }
        if (found) {
            out[i] = found;
            used++;
            continue;
        }
        if (i < sp->minpos) {
            wf_err_format(&wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)", f,
                          sp->names[i], i + 1);
            return -1;
        }
    }
    if (used < nkw) {
        for (wf_ssize_t k = 0; k < nkw; k++) {
            wf_object *name = WF_TUPLE_ITEM(kwnames, k);
            for (int i = sp->posonly; i < nargs; i++) {
                if (wf_str_eq_cstr(name, sp->names[i])) {
                    wf_err_format(&wf_exc_TypeError,
                                  "argument for %s() given by name ('%s') and position (%d)", f,
                                  sp->names[i], i + 1);
                    return -1;
                }
            }
            int known = 0;
            for (int i = sp->posonly; i < maxargs; i++)
                if (wf_str_eq_cstr(name, sp->names[i])) known = 1;
            if (!known) {
                wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", name, f);
                return -1;
            }
        }
    }
    return 0;
}

/* _PyArg_CheckPositional's messages: "f expected at least 1 argument, got 0". */
int wfb_check_positional(const char *f, wf_ssize_t nargs, wf_ssize_t min, wf_ssize_t max) {
    if (nargs < min) {
        if (min == max)
            wf_err_format(&wf_exc_TypeError, "%s expected %zd argument%s, got %zd", f, min,
                          min == 1 ? "" : "s", nargs);
        else
            wf_err_format(&wf_exc_TypeError, "%s expected at least %zd argument%s, got %zd", f, min,
                          min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (min == max)
            wf_err_format(&wf_exc_TypeError, "%s expected %zd argument%s, got %zd", f, max,
                          max == 1 ? "" : "s", nargs);
        else
            wf_err_format(&wf_exc_TypeError, "%s expected at most %zd argument%s, got %zd", f, max,
                          max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int wfb_no_kwargs(const char *f, wf_object *kwnames) {
    if (kwnames && WF_TUPLE_SIZE(kwnames) > 0) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", f);
        return -1;
    }
    return 0;
}

/* PyMapping_Check */
int wfb_mapping_check(wf_object *o) {
    wf_mapping_methods *m = WF_TYPE(o)->tp_as_mapping;
    return m && m->mp_subscript;
}

/* sys.<name>, new reference; NULL without exception when missing. */
wf_object *wfb_sys_get(const char *name) {
    wf_object *sd = wfv_interp_state.sysdict;
    if (!sd) return NULL;
    wf_object *v = NULL;
    if (wf_dict_get_item_string_ref(sd, name, &v) < 0) {
        wf_err_clear();
        return NULL;
    }
    return v;
}

/* ---------------------------------------------------------------------------
 * Simple functions
 */
static wf_object *b_abs(wf_object *m, wf_object *x) { return wf_number_absolute(x); }

static wf_object *b_all(wf_object *m, wf_object *v) {
    wf_object *it = wf_object_get_iter(v);
    if (!it) return NULL;
    for (;;) {
        wf_object *item = wf_iter_next(it);
        if (!item) break;
        int t = wf_object_is_true(item);
        wf_decref(item);
        if (t <= 0) {
            wf_decref(it);
            return t < 0 ? NULL : wf_newref(wf_False);
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_newref(wf_True);
}

static wf_object *b_any(wf_object *m, wf_object *v) {
    wf_object *it = wf_object_get_iter(v);
    if (!it) return NULL;
    for (;;) {
        wf_object *item = wf_iter_next(it);
        if (!item) break;
        int t = wf_object_is_true(item);
        wf_decref(item);
        if (t != 0) {
            wf_decref(it);
            return t < 0 ? NULL : wf_newref(wf_True);
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_newref(wf_False);
}

static wf_object *b_ascii(wf_object *m, wf_object *o) { return wf_object_ascii(o); }
static wf_object *b_repr(wf_object *m, wf_object *o) { return wf_object_repr(o); }

static wf_object *int_in_base(wf_object *x, int base) {
    wf_object *i = wf_number_index(x);
    if (!i) return NULL;
    wf_object *r = wf_int_to_str(i, base);
    wf_decref(i);
    return r;
}
static wf_object *b_bin(wf_object *m, wf_object *x) { return int_in_base(x, 2); }
static wf_object *b_oct(wf_object *m, wf_object *x) { return int_in_base(x, 8); }
static wf_object *b_hex(wf_object *m, wf_object *x) { return int_in_base(x, 16); }

/* breakpoint(*args, **kws): sys.breakpointhook(*args, **kws) when sys has
 * one; without a debugger it is otherwise a no-op (PYTHONBREAKPOINT=0). */
static wf_object *b_breakpoint(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                               wf_object *kwnames) {
    wf_object *hook = wfb_sys_get("breakpointhook");
    if (!hook) {
        if (wf_err_occurred()) return NULL;
        WF_RETURN_NONE;
    }
    wf_object *r = wf_object_vectorcall(hook, args, (size_t)nargs, kwnames);
    wf_decref(hook);
    return r;
}

static wf_object *b_callable(wf_object *m, wf_object *o) {
    return wf_newref(wf_bool_from(wf_callable_check(o)));
}

static wf_object *b_chr(wf_object *m, wf_object *arg) {
    wf_object *i = wf_number_index(arg);
    if (!i) return NULL;
    int overflow = 0;
    int64_t v = wf_int_as_i64_overflow(i, &overflow);
    wf_decref(i);
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 0 || v > 0x10FFFF) {
        wf_err_set_string(&wf_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return wf_str_from_char((uint32_t)v);
}

static wf_object *b_ord(wf_object *m, wf_object *c) {
    wf_ssize_t size;
    if (WF_STR_CHECK(c)) {
        size = wf_str_len(c);
        if (size == 1) return wf_int_from_i64(wf_str_char(c, 0));
    } else if (WF_BYTES_CHECK(c)) {
        size = WF_BYTES_SIZE(c);
        if (size == 1) return wf_int_from_i64((unsigned char)WF_BYTES_DATA(c)[0]);
    } else if (WF_BYTEARRAY_CHECK(c)) {
        wf_object *b = wf_bytes_snapshot(c);
        if (!b) return NULL;
        size = WF_BYTES_SIZE(b);
        wf_object *r = size == 1 ? wf_int_from_i64((unsigned char)WF_BYTES_DATA(b)[0]) : NULL;
        wf_decref(b);
        if (r) return r;
    } else {
        return wf_err_format(&wf_exc_TypeError, "ord() expected string of length 1, but %s found",
                             wf_type_name(WF_TYPE(c)));
    }
    return wf_err_format(&wf_exc_TypeError,
                         "ord() expected a character, but string of length %zd found", size);
}

static int check_attr_name(wf_object *name) {
    if (!WF_STR_CHECK(name)) {
        wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%s'",
                      wf_type_name(WF_TYPE(name)));
        return -1;
    }
    return 0;
}

static wf_object *b_delattr(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("delattr", nargs, 2, 2) < 0) return NULL;
    if (wf_object_setattr(args[0], args[1], NULL) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *b_setattr(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("setattr", nargs, 3, 3) < 0) return NULL;
    if (wf_object_setattr(args[0], args[1], args[2]) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *b_getattr(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("getattr", nargs, 2, 3) < 0) return NULL;
    if (check_attr_name(args[1]) < 0) return NULL;
    if (nargs == 2) return wf_object_getattr(args[0], args[1]);
    wf_object *r = NULL;
    int found = wf_object_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    if (!found) return wf_newref(args[2]);
    return r;
}

static wf_object *b_hasattr(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("hasattr", nargs, 2, 2) < 0) return NULL;
    if (check_attr_name(args[1]) < 0) return NULL;
    wf_object *r = NULL;
    int found = wf_object_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    if (r) wf_decref(r);
    return wf_newref(wf_bool_from(found));
}

static wf_object *b_divmod(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("divmod", nargs, 2, 2) < 0) return NULL;
    return wf_number_divmod(args[0], args[1]);
}

static wf_object *b_format(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("format", nargs, 1, 2) < 0) return NULL;
    wf_object *spec = nargs > 1 ? args[1] : NULL;
    if (spec && !WF_STR_CHECK(spec))
        return wf_err_format(&wf_exc_TypeError, "format() argument 2 must be str, not %s",
                             wf_type_name(WF_TYPE(spec)));
    return wf_object_format(args[0], spec);
}

static wf_object *b_hash(wf_object *m, wf_object *o) {
    wf_hash_t h = wf_object_hash(o);
    if (h == -1) return NULL;
    return wf_int_from_i64(h);
}

static wf_object *b_id(wf_object *m, wf_object *o) { return wf_int_from_u64((uint64_t)(uintptr_t)o); }

static wf_object *b_isinstance(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (nargs != 2) {
        wfb_check_positional("isinstance", nargs, 2, 2);
        return NULL;
    }
    int r = wf_object_is_instance(args[0], args[1]);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

static wf_object *b_issubclass(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("issubclass", nargs, 2, 2) < 0) return NULL;
    int r = wf_object_is_subclass(args[0], args[1]);
    if (r < 0) return NULL;
    return wf_newref(wf_bool_from(r));
}

static wf_object *b_iter(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return wf_object_get_iter(args[0]);
    if (!wf_callable_check(args[0])) {
        wf_err_set_string(&wf_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return wfo_callable_iter_new(args[0], args[1]);
}

static wf_object *b_next(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("next", nargs, 1, 2) < 0) return NULL;
    wf_object *it = args[0];
    wf_unaryfunc nx = WF_TYPE(it)->tp_iternext;
    if (!nx)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not an iterator",
                             wf_type_name(WF_TYPE(it)));
    wf_object *r = nx(it);
    if (r) return r;
    if (wf_err_occurred()) {
        if (nargs < 2 || !wf_err_matches((wf_object *)&wf_exc_StopIteration)) return NULL;
        wf_err_clear();
        return wf_newref(args[1]);
    }
    if (nargs > 1) return wf_newref(args[1]);
    wf_err_set_none(&wf_exc_StopIteration);
    return NULL;
}

static wf_object *b_len(wf_object *m, wf_object *o) {
    /* Exact list/tuple/str/dict first: the benchmarks' common cases. */
    wf_type *t = WF_TYPE(o);
    if (t == &wf_list_type) return wf_int_from_ssize(wf_list_size(o));
    if (t == &wf_tuple_type) return wf_int_from_ssize(WF_TUPLE_SIZE(o));
    if (t == &wf_str_type) return wf_int_from_ssize(wf_str_len(o));
    if (t == &wf_dict_type) return wf_int_from_ssize(wf_dict_size(o));
    wf_ssize_t n = wf_object_size(o);
    if (n < 0) return NULL;
    return wf_int_from_ssize(n);
}

/* aiter(async_iterable) / anext(async_iterator[, default]) */
static wf_object *b_aiter(wf_object *m, wf_object *o) {
    int found = 0;
    wf_object *it = wfo_call_special(o, wfb_id("__aiter__"), NULL, 0, &found);
    if (!found)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not an async iterable",
                             wf_type_name(WF_TYPE(o)));
    if (!it) return NULL;
    /* A new reference, only tested: even the borrowed lookup touches the
     * value, which a concurrent rebinding may be freeing (typecache.h). */
    wf_object *an = wfo_type_lookup_ref(WF_TYPE(it), wfb_id("__anext__"));
    wf_xdecref(an);
    if (!an) {
        wf_err_format(&wf_exc_TypeError, "aiter() returned not an async iterator of type '%s'",
                      wf_type_name(WF_TYPE(it)));
        wf_decref(it);
        return NULL;
    }
    return it;
}

static wf_object *b_anext(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("anext", nargs, 1, 2) < 0) return NULL;
    wf_object *o = args[0];
    /* One lookup (wfo_call_special takes a new reference): a separate test
     * first could see a __anext__ that another thread deletes before the
     * call. */
    int found = 0;
    wf_object *aw = wfo_call_special(o, wfb_id("__anext__"), NULL, 0, &found);
    if (!found)
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not an async iterator",
                             wf_type_name(WF_TYPE(o)));
    if (!aw || nargs == 1) return aw;
    wf_object *r = wfb_anext_awaitable_new(aw, args[1]);
    wf_decref(aw);
    return r;
}

/* ---------------------------------------------------------------------------
 * min / max
 */
static wf_object *min_max(wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames, int op) {
    const char *name = op == WF_LT ? "min" : "max";
    wf_object *key = NULL, *dflt = NULL;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    /* Two positional arguments, no keywords: the hot case. */
    if (nargs == 2 && nkw == 0) {
        int c = wf_object_rich_compare_bool(args[1], args[0], op);
        if (c < 0) return NULL;
        return wf_newref(c ? args[1] : args[0]);
    }
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *kn = WF_TUPLE_ITEM(kwnames, k);
        if (wf_str_eq_cstr(kn, "key")) key = args[nargs + k];
        else if (wf_str_eq_cstr(kn, "default")) dflt = args[nargs + k];
        else
            return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                                 kn, name);
    }
    if (nargs == 0)
        return wf_err_format(&wf_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (dflt && nargs > 1)
        return wf_err_format(&wf_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments",
                             name);
    if (key == wf_None) key = NULL;
    wf_object *it = NULL;
    wf_ssize_t idx = 0;
    if (nargs == 1) {
        it = wf_object_get_iter(args[0]);
        if (!it) return NULL;
    }
    wf_object *best = NULL, *bestkey = NULL;
    for (;;) {
        wf_object *item;
        if (it) {
            item = wf_iter_next(it);
            if (!item) {
                if (wf_err_occurred()) goto fail;
                break;
            }
        } else {
            if (idx >= nargs) break;
            item = wf_newref(args[idx++]);
        }
        wf_object *kv;
        if (key) {
            kv = wf_object_call_one(key, item);
            if (!kv) {
                wf_decref(item);
                goto fail;
            }
        } else {
            kv = wf_newref(item);
        }
        if (!best) {
            best = item;
            bestkey = kv;
            continue;
        }
        int c = wf_object_rich_compare_bool(kv, bestkey, op);
        if (c < 0) {
            wf_decref(item);
            wf_decref(kv);
            goto fail;
        }
        if (c) {
            wf_decref(best);
            wf_decref(bestkey);
            best = item;
            bestkey = kv;
        } else {
            wf_decref(item);
            wf_decref(kv);
        }
    }
    wf_xdecref(it);
    if (!best) {
        if (dflt) return wf_newref(dflt);
        return wf_err_format(&wf_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    wf_decref(bestkey);
    return best;
fail:
    wf_xdecref(it);
    wf_xdecref(best);
    wf_xdecref(bestkey);
    return NULL;
}

static wf_object *b_min(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    return min_max(args, nargs, kwnames, WF_LT);
}
static wf_object *b_max(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    return min_max(args, nargs, kwnames, WF_GT);
}

/* ---------------------------------------------------------------------------
 * pow, round, sum, sorted
 */
static wf_object *b_pow(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    static const char *const names[] = {"base", "exp", "mod"};
    static const wfb_spec spec = {"pow", names, 3, 0, 3, 2};
    wf_object *a[3];
    if (!kwnames && nargs == 2) return wf_number_power(args[0], args[1], wf_None);
    if (wfb_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    return wf_number_power(a[0], a[1], a[2] ? a[2] : wf_None);
}

/* round(float, ndigits) correctly rounded (half to even on the exact
 * binary value), as CPython's double_round does with dtoa: the C library's
 * %e/%f conversions round the exact value the same way. */
static wf_object *float_round_ndigits(double x, wf_object *nd_obj) {
    wf_ssize_t nd = wf_number_as_ssize_t(nd_obj, NULL);
    if (nd == -1 && wf_err_occurred()) return NULL;
    if (!isfinite(x) || x == 0.0) return wf_float_from_double(x);
    /* Beyond these bounds the result is x itself or a signed zero. */
    if (nd > 323) return wf_float_from_double(x);
    if (nd < -308) return wf_float_from_double(0.0 * x);
    char buf[800];
    double r;
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        r = strtod(buf, NULL);
    } else {
        /* Significant digits to keep: the integer digits minus -nd. */
        /* x = d.ddd * 10^exp10; 17 significant digits never carry into
         * the next power of ten, so the exponent printed is exact. */
        snprintf(buf, sizeof buf, "%.17e", fabs(x));
        char *e = strchr(buf, 'e');
        int exp10 = e ? atoi(e + 1) : 0;
        int sig = exp10 + 1 + (int)nd; /* digits left after rounding */
        if (sig > 0) {
            snprintf(buf, sizeof buf, "%.*e", sig - 1, x);
            r = strtod(buf, NULL); /* a carry ("1e+03" from 9.6e2) is right too */
        } else if (sig == 0) {
            /* Compare |x| with half of 10^-nd. */
            snprintf(buf, sizeof buf, "5e%d", (int)(-nd - 1));
            double half = strtod(buf, NULL);
            snprintf(buf, sizeof buf, "1e%d", (int)(-nd));
            double unit = strtod(buf, NULL);
            r = fabs(x) > half ? unit : 0.0;
            if (x < 0) r = -r;
        } else {
            r = 0.0 * x;
        }
    }
    if (isinf(r)) {
        wf_err_set_string(&wf_exc_OverflowError, "rounded value too large to represent");
        return NULL;
    }
    if (r == 0.0) r = copysign(0.0, x);
    return wf_float_from_double(r);
}

/* round(int, ndigits) for negative ndigits: half to even. */
static wf_object *int_round_ndigits(wf_object *x, wf_object *nd_obj) {
    wf_object *nd = wf_number_index(nd_obj);
    if (!nd) return NULL;
    if (wf_int_sign(nd) >= 0) {
        wf_decref(nd);
        return wf_number_long(x); /* int(x): bool becomes int */
    }
    wf_object *neg = wf_number_negative(nd);
    wf_decref(nd);
    if (!neg) return NULL;
    wf_object *ten = wf_small_int(10);
    wf_object *p = wf_number_power(ten, neg, wf_None);
    wf_decref(neg);
    if (!p) return NULL;
    wf_object *qr = wf_number_divmod(x, p);
    if (!qr) {
        wf_decref(p);
        return NULL;
    }
    wf_object *q = wf_newref(WF_TUPLE_ITEM(qr, 0)), *r = WF_TUPLE_ITEM(qr, 1);
    wf_object *twice = wf_number_add(r, r);
    int c = twice ? wf_object_rich_compare_bool(twice, p, WF_GT) : -1;
    int eq = (twice && c == 0) ? wf_object_rich_compare_bool(twice, p, WF_EQ) : 0;
    wf_xdecref(twice);
    wf_decref(qr);
    if (c < 0 || eq < 0) goto fail;
    if (!c && eq) {
        wf_object *two = wf_small_int(2);
        wf_object *odd = wf_number_remainder(q, two);
        if (!odd) goto fail;
        c = wf_object_is_true(odd);
        wf_decref(odd);
        if (c < 0) goto fail;
    }
    if (c) {
        wf_object *q1 = wf_number_add(q, wf_small_int(1));
        if (!q1) goto fail;
        wf_decref(q);
        q = q1;
    }
    wf_object *res = wf_number_multiply(q, p);
    wf_decref(q);
    wf_decref(p);
    return res;
fail:
    wf_decref(q);
    wf_decref(p);
    return NULL;
}

static wf_object *b_round(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                          wf_object *kwnames) {
    static const char *const names[] = {"number", "ndigits"};
    static const wfb_spec spec = {"round", names, 2, 0, 2, 1};
    wf_object *a[2];
    if (wfb_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    wf_object *x = a[0], *nd = a[1];
    if (nd == wf_None) nd = NULL;
    /* One lookup, holding a new reference (typecache.h), so a concurrent
     * rebinding of __round__ cannot free it under the call. */
    int found;
    wf_object *rr = wfo_call_special(x, WFB_ID(round), nd ? &nd : NULL, nd ? 1 : 0, &found);
    if (found) return rr;
    if (WF_FLOAT_CHECK(x)) {
        double v = ((wf_float *)x)->ob_fval;
        if (!nd) {
            double r = nearbyint(v); /* default rounding mode: half to even */
            return wf_int_from_double(r);
        }
        return float_round_ndigits(v, nd);
    }
    if (WF_INT_CHECK(x)) {
        if (!nd) return wf_number_long(x);
        return int_round_ndigits(x, nd);
    }
    return wf_err_format(&wf_exc_TypeError, "type %s doesn't define __round__ method",
                         wf_type_name(WF_TYPE(x)));
}

static wf_object *b_sum(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    static const char *const names[] = {"", "start"};
    static const wfb_spec spec = {"sum", names, 2, 1, 2, 1};
    wf_object *a[2];
    if (wfb_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    wf_object *start = a[1];
    wf_object *it = wf_object_get_iter(a[0]); /* first, as CPython */
    if (!it) return NULL;
    if (start) {
        const char *msg = WF_STR_CHECK(start)    ? "sum() can't sum strings [use ''.join(seq) instead]"
                          : WF_BYTES_CHECK(start) ? "sum() can't sum bytes [use b''.join(seq) instead]"
                          : WF_BYTEARRAY_CHECK(start)
                              ? "sum() can't sum bytearray [use b''.join(seq) instead]"
                              : NULL;
        if (msg) {
            wf_decref(it);
            wf_err_set_string(&wf_exc_TypeError, msg);
            return NULL;
        }
    }
    wf_object *result = start ? wf_newref(start) : wf_newref(wf_small_int(0));
    wf_object *item = NULL;

    /* Exact ints summed in an int64 while they fit. */
    if (WF_INT_CHECK_EXACT(result)) {
        int overflow = 0;
        int64_t acc = wf_int_as_i64_overflow(result, &overflow);
        if (!overflow) {
            wf_decref(result);
            result = NULL;
            for (;;) {
                item = wf_iter_next(it);
                if (!item) {
                    wf_decref(it);
                    if (wf_err_occurred()) return NULL;
                    return wf_int_from_i64(acc);
                }
                if (WF_INT_CHECK_EXACT(item) || WF_BOOL_CHECK(item)) {
                    int64_t b = wf_int_as_i64_overflow(item, &overflow);
                    int64_t s;
                    if (!overflow && !__builtin_add_overflow(acc, b, &s)) {
                        acc = s;
                        wf_decref(item);
                        continue;
                    }
                }
                /* Overflow or not an int: continue with objects. */
                result = wf_int_from_i64(acc);
                if (!result) goto fail;
                wf_object *t = wf_number_add(result, item);
                wf_decref(result);
                wf_decref(item);
                item = NULL;
                result = t;
                if (!result) goto fail;
                break;
            }
        }
    }
    /* Exact floats summed in a double (plain addition, as 3.11). */
    if (WF_FLOAT_CHECK_EXACT(result)) {
        double acc = ((wf_float *)result)->ob_fval;
        wf_decref(result);
        result = NULL;
        for (;;) {
            if (!item) item = wf_iter_next(it);
            if (!item) {
                wf_decref(it);
                if (wf_err_occurred()) return NULL;
                return wf_float_from_double(acc);
            }
            if (WF_FLOAT_CHECK_EXACT(item)) {
                acc += ((wf_float *)item)->ob_fval;
                wf_decref(item);
                item = NULL;
                continue;
            }
            if (WF_INT_CHECK(item)) {
                int overflow = 0;
                int64_t v = wf_int_as_i64_overflow(item, &overflow);
                if (!overflow) {
                    acc += (double)v;
                    wf_decref(item);
                    item = NULL;
                    continue;
                }
            }
            result = wf_float_from_double(acc);
            if (!result) goto fail;
            wf_object *t = wf_number_add(result, item);
            wf_decref(result);
            wf_decref(item);
            item = NULL;
            result = t;
            if (!result) goto fail;
            break;
        }
    }
    for (;;) {
        item = wf_iter_next(it);
        if (!item) break;
        wf_object *t = wf_number_add(result, item);
        wf_decref(result);
        wf_decref(item);
        item = NULL;
        result = t;
        if (!result) goto fail;
    }
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_decref(result);
        return NULL;
    }
    return result;
fail:
    wf_xdecref(item);
    wf_xdecref(result);
    wf_decref(it);
    return NULL;
}

static wf_object *b_sorted(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                           wf_object *kwnames) {
    if (wfb_check_positional("sorted", nargs, 1, 1) < 0) return NULL;
    wf_object *key = NULL;
    int reverse = 0;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *kn = WF_TUPLE_ITEM(kwnames, k);
        if (wf_str_eq_cstr(kn, "key")) {
            key = args[nargs + k];
        } else if (wf_str_eq_cstr(kn, "reverse")) {
            /* list.sort parses reverse as a C int (__index__). */
            wf_object *rv = wf_number_index(args[nargs + k]);
            if (!rv) return NULL;
            reverse = wf_object_is_true(rv);
            wf_decref(rv);
            if (reverse < 0) return NULL;
        } else {
            return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for sort()",
                                 kn);
        }
    }
    wf_object *l = wf_sequence_list(args[0]);
    if (!l) return NULL;
    if (key && key != wf_None && !wf_callable_check(key) && wf_list_size(l) > 0) {
        /* list.sort calls the key even for one item */
        wf_decref(l);
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not callable",
                             wf_type_name(WF_TYPE(key)));
    }
    if (wf_list_sort(l, key, reverse) < 0) {
        wf_decref(l);
        return NULL;
    }
    return l;
}

/* ---------------------------------------------------------------------------
 * print, input, open
 */

/* file.write(s): through _io's fast path when the stream is one of its
 * text streams, else by a method call.  0 or -1. */
static int stream_write(wf_object *file, wf_object *s) {
    int rc = wfio_write_str(file, s);
    if (rc != -2) return rc;
    wf_object *a[2] = {file, s};
    wf_object *r = wf_object_vectorcall_method(WFB_ID(write), a, 2, NULL);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

/* The pieces of a print() line joined into one str (all pieces str). */
static wf_object *join_pieces(wf_object **p, int n) {
    wf_ssize_t len = 0;
    int kind = 1, ascii = 1;
    for (int i = 0; i < n; i++) {
        wf_str *s = (wf_str *)p[i];
        len += s->length;
        if (s->kind > kind) kind = s->kind;
        if (!s->ascii) ascii = 0;
    }
    uint32_t maxchar = kind == 4 ? 0x10FFFF : kind == 2 ? 0xFFFF : ascii ? 0x7F : 0xFF;
    wf_object *r = wf_str_new_raw(len, maxchar);
    if (!r) return NULL;
    void *dst = wf_str_data(r);
    wf_ssize_t pos = 0;
    for (int i = 0; i < n; i++) {
        wf_object *s = p[i];
        wf_ssize_t sl = wf_str_len(s);
        int sk = ((wf_str *)s)->kind;
        const void *src = wf_str_data(s);
        if (sk == kind) {
            memcpy((char *)dst + pos * kind, src, (size_t)(sl * kind));
        } else {
            for (wf_ssize_t j = 0; j < sl; j++) {
                uint32_t c = wf_str_read(sk, src, j);
                if (kind == 2) ((uint16_t *)dst)[pos + j] = (uint16_t)c;
                else ((uint32_t *)dst)[pos + j] = c;
            }
        }
        pos += sl;
    }
    return r;
}

#define PRINT_FAST_MAX 16

static wf_object *b_print(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                          wf_object *kwnames) {
    wf_object *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    for (wf_ssize_t k = 0; k < nkw; k++) {
        wf_object *kn = WF_TUPLE_ITEM(kwnames, k);
        wf_object *v = args[nargs + k];
        if (wf_str_eq_cstr(kn, "sep")) sep = v;
        else if (wf_str_eq_cstr(kn, "end")) end = v;
        else if (wf_str_eq_cstr(kn, "file")) file = v;
        else if (wf_str_eq_cstr(kn, "flush")) flush = v;
        else
            return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for print()",
                                 kn);
    }
    wf_object *own_file = NULL;
    if (!file || file == wf_None) {
        own_file = wfb_sys_get("stdout");
        if (!own_file) {
            if (wf_err_occurred()) return NULL;
            wf_err_set_string(&wf_exc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (own_file == wf_None) {
            wf_decref(own_file);
            WF_RETURN_NONE;
        }
        file = own_file;
    }
    if (sep == wf_None) sep = NULL;
    else if (sep && !WF_STR_CHECK(sep)) {
        wf_xdecref(own_file);
        return wf_err_format(&wf_exc_TypeError, "sep must be None or a string, not %s",
                             wf_type_name(WF_TYPE(sep)));
    }
    if (end == wf_None) end = NULL;
    else if (end && !WF_STR_CHECK(end)) {
        wf_xdecref(own_file);
        return wf_err_format(&wf_exc_TypeError, "end must be None or a string, not %s",
                             wf_type_name(WF_TYPE(end)));
    }
    int rc = 0;
    /* Fast path: a few arguments whose str() runs no Python code, so that
     * joining the line first is unobservable: one write of the whole line
     * (through _io's fast path when the stream is one of its streams). */
    int simple = nargs <= PRINT_FAST_MAX / 2 - 1;
    for (wf_ssize_t i = 0; i < nargs && simple; i++) {
        wf_type *t = WF_TYPE(args[i]);
        simple = t == &wf_str_type || t == &wf_int_type || t == &wf_float_type ||
                 t == &wf_bool_type || t == &wf_none_type;
    }
    if (simple) {
        wf_object *pieces[PRINT_FAST_MAX];
        int np = 0;
        wf_object *sp = sep ? sep : WFB_ID(space);
        for (wf_ssize_t i = 0; i < nargs && rc == 0; i++) {
            if (i > 0) pieces[np++] = wf_newref(sp);
            wf_object *s = WF_STR_CHECK_EXACT(args[i]) ? wf_newref(args[i]) : wf_object_str(args[i]);
            if (!s) rc = -1;
            else pieces[np++] = s;
        }
        if (rc == 0) {
            pieces[np++] = wf_newref(end ? end : WFB_ID(newline));
            wf_object *line = np == 1 ? wf_newref(pieces[0]) : join_pieces(pieces, np);
            if (!line) rc = -1;
            else {
                rc = wfio_write_str(file, line);
                wf_decref(line);
            }
            if (rc == -2) {
                /* Not one of _io's streams: write piece by piece. */
                rc = 0;
                for (int i = 0; i < np && rc == 0; i++) rc = stream_write(file, pieces[i]);
            }
        }
        for (int i = 0; i < np; i++) wf_decref(pieces[i]);
    } else {
        for (wf_ssize_t i = 0; i < nargs && rc == 0; i++) {
            if (i > 0) rc = stream_write(file, sep ? sep : WFB_ID(space));
            if (rc) break;
            wf_object *s = WF_STR_CHECK_EXACT(args[i]) ? wf_newref(args[i]) : wf_object_str(args[i]);
            if (!s) {
                rc = -1;
                break;
            }
            rc = stream_write(file, s);
            wf_decref(s);
        }
        if (rc == 0) rc = stream_write(file, end ? end : WFB_ID(newline));
    }
    if (rc == 0 && flush) {
        int t = wf_object_is_true(flush);
        if (t < 0) rc = -1;
        else if (t) {
            int fr = wfio_flush(file);
            if (fr == -2) {
                wf_object *r = wf_object_call_method(file, "flush", NULL, 0);
                if (!r) rc = -1;
                else wf_decref(r);
            } else {
                rc = fr;
            }
        }
    }
    wf_xdecref(own_file);
    if (rc < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *b_input(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("input", nargs, 0, 1) < 0) return NULL;
    wf_object *fin = wfb_sys_get("stdin"), *fout = wfb_sys_get("stdout"),
              *ferr = wfb_sys_get("stderr");
    wf_object *result = NULL;
    const char *lost = !fin || fin == wf_None     ? "input(): lost sys.stdin"
                       : !fout || fout == wf_None ? "input(): lost sys.stdout"
                       : !ferr || ferr == wf_None ? "input(): lost sys.stderr"
                                                  : NULL;
    if (lost) {
        wf_err_set_string(&wf_exc_RuntimeError, lost);
        goto done;
    }
    wf_object *r = wf_object_call_method(ferr, "flush", NULL, 0);
    if (r) wf_decref(r);
    else wf_err_clear();
    if (nargs == 1) {
        wf_object *p = wf_object_str(args[0]);
        if (!p) goto done;
        int rc = stream_write(fout, p);
        wf_decref(p);
        if (rc < 0) goto done;
    }
    r = wf_object_call_method(fout, "flush", NULL, 0);
    if (r) wf_decref(r);
    else wf_err_clear();
    wf_object *line = wf_object_call_method(fin, "readline", NULL, 0);
    if (!line) goto done;
    if (WF_STR_CHECK(line)) {
        wf_ssize_t n = wf_str_len(line);
        if (n == 0) {
            wf_err_set_string(&wf_exc_EOFError, "EOF when reading a line");
        } else if (wf_str_char(line, n - 1) == '\n') {
            result = wf_str_substring(line, 0, n - 1);
        } else {
            result = wf_newref(line);
        }
    } else if (WF_BYTES_CHECK(line)) {
        wf_ssize_t n = WF_BYTES_SIZE(line);
        if (n == 0) wf_err_set_string(&wf_exc_EOFError, "EOF when reading a line");
        else if (WF_BYTES_DATA(line)[n - 1] == '\n') result = wf_bytes_from_data(WF_BYTES_DATA(line), n - 1);
        else result = wf_newref(line);
    } else {
        wf_err_set_string(&wf_exc_TypeError, "object.readline() returned non-string");
    }
    wf_decref(line);
done:
    wf_xdecref(fin);
    wf_xdecref(fout);
    wf_xdecref(ferr);
    return result;
}

static wf_object *b_open(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    wf_object *io = wfv_import_module("_io");
    if (!io) return NULL;
    wf_object *open = wf_object_getattr_string(io, "open");
    wf_decref(io);
    if (!open) return NULL;
    wf_object *r = wf_object_vectorcall(open, args, (size_t)nargs, kwnames);
    wf_decref(open);
    return r;
}

/* exit() / quit(): raise SystemExit(code) (site's Quitter, minus the repr). */
static wf_object *b_exit(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("exit", nargs, 0, 1) < 0) return NULL;
    wf_object *in = wfb_sys_get("stdin");
    if (in && in != wf_None) {
        wf_object *r = wf_object_call_method(in, "close", NULL, 0);
        if (r) wf_decref(r);
        else wf_err_clear();
    }
    wf_xdecref(in);
    wf_err_set_object(&wf_exc_SystemExit, nargs ? args[0] : wf_None);
    return NULL;
}

/* help(), copyright(), credits(), license(): site's interactive helpers,
 * reduced to printing text (pydoc is not available). */
static wf_object *print_text(const char *text) {
    wf_object *s = wf_str_from_cstr(text);
    if (!s) return NULL;
    wf_object *r = b_print(NULL, &s, 1, NULL);
    wf_decref(s);
    return r;
}

static wf_object *b_help(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                         wf_object *kwnames) {
    if (nargs == 0)
        return print_text("Type help() for interactive help, or help(object) for help about object.");
    wf_object *doc = NULL;
    if (wf_object_lookup_attr(args[0], WFO_ID(__doc__), &doc) < 0) return NULL;
    wf_object *r;
    if (doc && WF_STR_CHECK(doc)) {
        wf_object *a[1] = {doc};
        r = b_print(NULL, a, 1, NULL);
    } else {
        r = print_text("No Python documentation found.");
    }
    wf_xdecref(doc);
    return r;
}

static wf_object *b_copyright(wf_object *m, wf_object *unused) {
    return print_text("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.");
}
static wf_object *b_credits(wf_object *m, wf_object *unused) {
    return print_text("    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
                      "    for supporting Python development.  See www.python.org for more information.");
}
static wf_object *b_license(wf_object *m, wf_object *unused) {
    return print_text("See https://www.python.org/psf/license/");
}

/* ---------------------------------------------------------------------------
 * The module
 */
#define FAST(f) ((void *)(f))
static wf_method_def builtin_methods[] = {
    {"abs", b_abs, WF_METH_O, "Return the absolute value of the argument."},
    {"aiter", b_aiter, WF_METH_O, "Return an AsyncIterator for an AsyncIterable object."},
    {"all", b_all, WF_METH_O, "Return True if bool(x) is True for all values x in the iterable."},
    {"anext", FAST(b_anext), WF_METH_FASTCALL, "Return the next item from the async iterator."},
    {"any", b_any, WF_METH_O, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", b_ascii, WF_METH_O, "Return an ASCII-only representation of an object."},
    {"bin", b_bin, WF_METH_O, "Return the binary representation of an integer."},
    {"breakpoint", FAST(b_breakpoint), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Call sys.breakpointhook."},
    {"callable", b_callable, WF_METH_O, "Return whether the object is callable."},
    {"chr", b_chr, WF_METH_O, "Return a Unicode string of one character with ordinal i."},
    {"copyright", b_copyright, WF_METH_NOARGS, "interactive prompt objects for printing the license text"},
    {"credits", b_credits, WF_METH_NOARGS, "interactive prompt objects for printing the license text"},
    {"delattr", FAST(b_delattr), WF_METH_FASTCALL, "Deletes the named attribute from the given object."},
    {"divmod", FAST(b_divmod), WF_METH_FASTCALL, "Return the tuple (x//y, x%y)."},
    {"exit", FAST(b_exit), WF_METH_FASTCALL, "Exit the interpreter by raising SystemExit(status)."},
    {"format", FAST(b_format), WF_METH_FASTCALL, "Return value.__format__(format_spec)"},
    {"getattr", FAST(b_getattr), WF_METH_FASTCALL, "Get a named attribute from an object."},
    {"hasattr", FAST(b_hasattr), WF_METH_FASTCALL, "Return whether the object has an attribute with the given name."},
    {"help", FAST(b_help), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Define the builtin 'help'."},
    {"hash", b_hash, WF_METH_O, "Return the hash value for the given object."},
    {"hex", b_hex, WF_METH_O, "Return the hexadecimal representation of an integer."},
    {"id", b_id, WF_METH_O, "Return the identity of an object."},
    {"input", FAST(b_input), WF_METH_FASTCALL, "Read a string from standard input."},
    {"isinstance", FAST(b_isinstance), WF_METH_FASTCALL, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", FAST(b_issubclass), WF_METH_FASTCALL, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", FAST(b_iter), WF_METH_FASTCALL, "Get an iterator from an object."},
    {"len", b_len, WF_METH_O, "Return the number of items in a container."},
    {"license", b_license, WF_METH_NOARGS, "interactive prompt objects for printing the license text"},
    {"max", FAST(b_max), WF_METH_FASTCALL | WF_METH_KEYWORDS, "With a single iterable argument, return its biggest item."},
    {"min", FAST(b_min), WF_METH_FASTCALL | WF_METH_KEYWORDS, "With a single iterable argument, return its smallest item."},
    {"next", FAST(b_next), WF_METH_FASTCALL, "Return the next item from the iterator."},
    {"oct", b_oct, WF_METH_O, "Return the octal representation of an integer."},
    {"open", FAST(b_open), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Open file and return a stream."},
    {"ord", b_ord, WF_METH_O, "Return the Unicode code point for a one-character string."},
    {"pow", FAST(b_pow), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", FAST(b_print), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Prints the values to a stream, or to sys.stdout by default."},
    {"quit", FAST(b_exit), WF_METH_FASTCALL, "Exit the interpreter by raising SystemExit(status)."},
    {"repr", b_repr, WF_METH_O, "Return the canonical string representation of the object."},
    {"round", FAST(b_round), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Round a number to a given precision in decimal digits."},
    {"setattr", FAST(b_setattr), WF_METH_FASTCALL, "Sets the named attribute on the given object to the specified value."},
    {"sorted", FAST(b_sorted), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", FAST(b_sum), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {NULL, NULL, 0, NULL},
};

static void add_exception(wf_type *t, void *mod) {
    if (wf_err_occurred()) return;
    wf_module_add_object((wf_object *)mod, wf_type_name(t), (wf_object *)t);
}

wf_object *wfb_ids[WFB_ID_COUNT];

WF_MODULE_INIT(builtins) {
    static const char *const id_text[WFB_ID_COUNT] = {
#define X(n, s) s,
        WFB_ID_LIST(X)
#undef X
    };
    for (int i = 0; i < WFB_ID_COUNT; i++) {
        wfb_ids[i] = wf_str_intern_cstr(id_text[i]);
        if (!wfb_ids[i]) return NULL;
    }
    wf_object *m = wf_module_new("builtins");
    if (!m) return NULL;
    wf_object *doc = wf_str_from_cstr("Built-in functions, types, exceptions, and other objects.");
    int rc = doc ? wf_module_add_object(m, "__doc__", doc) : -1;
    wf_xdecref(doc);
    if (rc < 0) goto fail;
    if (wfb_code_init() < 0 || wf_type_ready(&wfb_union_type) < 0) goto fail;
    if (wf_module_add_functions(m, builtin_methods) < 0) goto fail;
    if (wf_module_add_functions(m, wfb_code_methods) < 0) goto fail;
    struct {
        const char *name;
        wf_object *value;
    } objs[] = {
        {"None", wf_None},
        {"Ellipsis", wf_Ellipsis},
        {"NotImplemented", wf_NotImplemented},
        {"False", wf_False},
        {"True", wf_True},
        {"bool", (wf_object *)&wf_bool_type},
        {"bytearray", (wf_object *)&wf_bytearray_type},
        {"bytes", (wf_object *)&wf_bytes_type},
        {"classmethod", (wf_object *)&wf_classmethod_type},
        {"complex", (wf_object *)&wf_complex_type},
        {"dict", (wf_object *)&wf_dict_type},
        {"float", (wf_object *)&wf_float_type},
        {"frozenset", (wf_object *)&wf_frozenset_type},
        {"property", (wf_object *)&wf_property_type},
        {"int", (wf_object *)&wf_int_type},
        {"list", (wf_object *)&wf_list_type},
        {"object", (wf_object *)&wf_object_type},
        {"range", (wf_object *)&wf_range_type},
        {"set", (wf_object *)&wf_set_type},
        {"slice", (wf_object *)&wf_slice_type},
        {"staticmethod", (wf_object *)&wf_staticmethod_type},
        {"str", (wf_object *)&wf_str_type},
        {"tuple", (wf_object *)&wf_tuple_type},
        {"type", (wf_object *)&wf_type_type},
        {"super", (wf_object *)&wfv_super_type},
        {"enumerate", (wf_object *)&wf_enumerate_type},
        {"filter", (wf_object *)&wf_filter_type},
        {"map", (wf_object *)&wf_map_type},
        {"reversed", (wf_object *)&wf_reversed_type},
        {"zip", (wf_object *)&wf_zip_type},
        {"memoryview", (wf_object *)&wf_memoryview_type},
        {"__debug__", wf_bool_from(wfv_interp_state.optimize == 0)},
    };
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        if (!objs[i].value) continue;
        if (wf_module_add_object(m, objs[i].name, objs[i].value) < 0) goto fail;
    }
    wf_exc_foreach(add_exception, m);
    if (wf_err_occurred()) goto fail;
    if (wf_module_add_object(m, "EnvironmentError", (wf_object *)&wf_exc_OSError) < 0 ||
        wf_module_add_object(m, "IOError", (wf_object *)&wf_exc_OSError) < 0)
        goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}
