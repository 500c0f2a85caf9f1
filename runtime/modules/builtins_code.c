/*
 * runtime/modules/builtins_code.c — the builtins that run or inspect code
 * and namespaces: exec, eval, compile, __import__, __build_class__, dir,
 * vars, globals, locals, and the awaitable anext(it, default) returns.
 * Part of the builtins module (builtins.c owns WF_MODULE_INIT).
 *
 * Invariants and thread-safety: no global mutable state.  Namespaces
 * (globals, locals, class namespaces) are dicts or mappings with their own
 * locks; the current frame's globals/locals/builtins come from the eval
 * engineer's accessors and belong to the calling thread.  The class cell
 * of __build_class__ is filled by type.__new__ (from __classcell__) and
 * only read here (wfv_cell_get).  The anext awaitable is driven by one
 * coroutine at a time, like the awaitable it wraps.
 *
 * Code objects that exec/eval compile are released with their deferred
 * count cleared; compile() returns code objects that are not deferred
 * (Python code frees them by reference counting).
 */
#include <string.h>

#include "runtime/modules/builtins_impl.h"

/* CPython's PyCF_* flags accepted by compile(). */
#define CF_MASK 0x1FF0000        /* CO_FUTURE_* */
#define CF_MASK_OBSOLETE 0x0010  /* CO_NESTED */
#define CF_SOURCE_IS_UTF8 0x0100
#define CF_DONT_IMPLY_DEDENT 0x0200
#define CF_ONLY_AST 0x0400
#define CF_TYPE_COMMENTS 0x1000
#define CF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define CF_ALLOW_INCOMPLETE_INPUT 0x4000
#define CF_COMPILE_MASK                                                                       \
    (CF_ONLY_AST | CF_TYPE_COMMENTS | CF_ALLOW_TOP_LEVEL_AWAIT | CF_ALLOW_INCOMPLETE_INPUT | \
     CF_DONT_IMPLY_DEDENT | CF_SOURCE_IS_UTF8)

/* The source text of a str/bytes/bytearray argument: *keep receives a
 * new reference that keeps the returned bytes alive.  NULL + TypeError
 * "f() arg 1 must be a <what> object", or SyntaxError for NUL bytes. */
static const char *source_as_string(wf_object *src, const char *f, const char *what, wf_ssize_t *len,
                                    wf_object **keep) {
    const char *s;
    *keep = NULL;
    if (WF_STR_CHECK(src)) {
        s = wf_str_utf8(src, len);
        if (!s) return NULL;
    } else if (WF_BYTES_CHECK(src)) {
        s = WF_BYTES_DATA(src);
        *len = WF_BYTES_SIZE(src);
    } else if (WF_BYTEARRAY_CHECK(src)) {
        *keep = wf_bytes_snapshot(src);
        if (!*keep) return NULL;
        s = WF_BYTES_DATA(*keep);
        *len = WF_BYTES_SIZE(*keep);
    } else {
        wf_err_format(&wf_exc_TypeError, "%s() arg 1 must be a %s object", f, what);
        return NULL;
    }
    if ((wf_ssize_t)strlen(s) != *len) {
        wf_xdecref(*keep);
        *keep = NULL;
        wf_err_set_string(&wf_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return s;
}

/* Release the code object exec/eval ran: one they compiled themselves
 * (code != source) is theirs alone, so its deferred-count bias is removed
 * too and it is freed (functions it created keep their own code). */
static void drop_code(wf_object *code, wf_object *source) {
    if (!code) return;
    if (code != source) wf_clear_deferred(code);
    wf_decref(code);
}

/* globals["__builtins__"] = the current builtins dict, when missing. */
static int ensure_builtins(wf_object *globals) {
    int r = wf_dict_contains(globals, WFO_ID(__builtins__));
    if (r != 0) return r < 0 ? -1 : 0;
    wf_object *b = wfv_current_builtins();
    if (!b) b = wfv_interp_state.builtins;
    if (!b) return 0;
    return wf_dict_set_item(globals, WFO_ID(__builtins__), b);
}

/* Resolve the (globals, locals) pair of exec/eval: new references. */
static int resolve_namespaces(wf_object **globals, wf_object **locals, const char *f) {
    if (*globals == NULL || *globals == wf_None) {
        wf_object *g = wfv_current_globals();
        if (!g) {
            wf_err_format(&wf_exc_SystemError, "%s must be given globals and locals when called without a frame", f);
            return -1;
        }
        if (*locals == NULL || *locals == wf_None) {
            wf_object *l = wfv_current_locals();
            if (!l) {
                if (!wf_err_occurred())
                    wf_err_set_string(&wf_exc_SystemError, "globals and locals cannot be NULL");
                return -1;
            }
            *locals = l;
        } else {
            wf_incref(*locals);
        }
        *globals = wf_newref(g);
        return 0;
    }
    if (*locals == NULL || *locals == wf_None) *locals = *globals;
    wf_incref(*globals);
    wf_incref(*locals);
    return 0;
}

static wf_object *b_exec(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    static const char *const names[] = {"", "", "", "closure"};
    static const wfb_spec spec = {"exec", names, 4, 3, 3, 1};
    wf_object *a[4];
    if (wfb_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    wf_object *source = a[0], *globals = a[1], *locals = a[2], *closure = a[3];
    if (closure == wf_None) closure = NULL;
    if (resolve_namespaces(&globals, &locals, "exec") < 0) return NULL;
    wf_object *result = NULL, *code = NULL;
    if (!WF_DICT_CHECK(globals)) {
        wf_err_format(&wf_exc_TypeError, "exec() globals must be a dict, not %s",
                      wf_type_name(WF_TYPE(globals)));
        goto done;
    }
    if (!wfb_mapping_check(locals)) {
        wf_err_format(&wf_exc_TypeError, "locals must be a mapping or None, not %s",
                      wf_type_name(WF_TYPE(locals)));
        goto done;
    }
    if (ensure_builtins(globals) < 0) goto done;
    if (WFV_CODE_CHECK(source)) {
        wfv_code *co = (wfv_code *)source;
        if (closure) {
            if (co->co_nfreevars == 0) {
                wf_err_set_string(&wf_exc_TypeError, "cannot use a closure with this code object");
                goto done;
            }
            wf_err_set_string(&wf_exc_SystemError, "exec() with a closure is not supported");
            goto done;
        }
        if (co->co_nfreevars > 0) {
            wf_err_set_string(&wf_exc_TypeError,
                              "code object passed to exec() may not contain free variables");
            goto done;
        }
        code = wf_newref(source);
    } else {
        if (closure) {
            wf_err_set_string(&wf_exc_TypeError, "closure can only be used when source is a code object");
            goto done;
        }
        wf_ssize_t len;
        wf_object *keep;
        const char *s = source_as_string(source, "exec", "string, bytes or code", &len, &keep);
        if (!s) goto done;
        code = wfv_compile_source_mode(s, (size_t)len, "<string>", 0, wfv_interp_state.optimize);
        wf_xdecref(keep);
        if (!code) goto done;
    }
    result = wfv_eval_code(code, globals, locals);
    if (result) {
        wf_decref(result);
        result = wf_newref(wf_None);
    }
done:
    drop_code(code, source);
    wf_decref(globals);
    wf_decref(locals);
    return result;
}

static wf_object *b_eval(wf_object *m, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames) {
    if (wfb_no_kwargs("eval", kwnames) < 0) return NULL;
    if (wfb_check_positional("eval", nargs, 1, 3) < 0) return NULL;
    wf_object *source = args[0];
    wf_object *globals = nargs > 1 ? args[1] : wf_None, *locals = nargs > 2 ? args[2] : wf_None;
    if (locals != wf_None && !wfb_mapping_check(locals)) {
        wf_err_set_string(&wf_exc_TypeError, "locals must be a mapping");
        return NULL;
    }
    if (globals != wf_None && !WF_DICT_CHECK(globals)) {
        wf_err_set_string(&wf_exc_TypeError, wfb_mapping_check(globals)
                                                 ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                 : "globals must be a dict");
        return NULL;
    }
    if (resolve_namespaces(&globals, &locals, "eval") < 0) return NULL;
    wf_object *result = NULL, *code = NULL;
    if (ensure_builtins(globals) < 0) goto done;
    if (WFV_CODE_CHECK(source)) {
        if (((wfv_code *)source)->co_nfreevars > 0) {
            wf_err_set_string(&wf_exc_TypeError,
                              "code object passed to eval() may not contain free variables");
            goto done;
        }
        code = wf_newref(source);
    } else {
        wf_ssize_t len;
        wf_object *keep;
        const char *s = source_as_string(source, "eval", "string, bytes or code", &len, &keep);
        if (!s) goto done;
        while (len > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
        code = wfv_compile_source_mode(s, (size_t)len, "<string>", 1, wfv_interp_state.optimize);
        wf_xdecref(keep);
        if (!code) goto done;
    }
    result = wfv_eval_code(code, globals, locals);
done:
    drop_code(code, source);
    wf_decref(globals);
    wf_decref(locals);
    return result;
}

static int int_arg(wf_object *o, const char *f, const char *argname, int *out) {
    if (WF_FLOAT_CHECK(o)) {
        wf_err_set_string(&wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    wf_ssize_t v = wf_number_as_ssize_t(o, &wf_exc_OverflowError);
    if (v == -1 && wf_err_occurred()) return -1;
    if (v > INT32_MAX || v < INT32_MIN) {
        wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    (void)f;
    (void)argname;
    *out = (int)v;
    return 0;
}

static wf_object *b_compile(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                            wf_object *kwnames) {
    static const char *const names[] = {"source", "filename", "mode", "flags",
                                        "dont_inherit", "optimize", "_feature_version"};
    static const wfb_spec spec = {"compile", names, 7, 0, 6, 3};
    wf_object *a[7];
    if (wfb_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    wf_object *source = a[0], *fname = a[1], *mode_o = a[2];
    int flags = 0, optimize = -1;
    if (a[3] && int_arg(a[3], "compile", "flags", &flags) < 0) return NULL;
    if (a[4] && wf_object_is_true(a[4]) < 0) return NULL;
    if (a[5] && int_arg(a[5], "compile", "optimize", &optimize) < 0) return NULL;
    wf_object *fname_s = NULL;
    if (WF_STR_CHECK(fname)) {
        fname_s = wf_newref(fname);
    } else if (WF_BYTES_CHECK(fname)) {
        fname_s = wf_bytes_decode(fname, "utf-8", "surrogateescape");
        if (!fname_s) return NULL;
    } else {
        wf_object *fs = NULL;
        int found = 0;
        fs = wfo_call_special(fname, wfb_id("__fspath__"), NULL, 0, &found);
        if (!found)
            return wf_err_format(&wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                                 wf_type_name(WF_TYPE(fname)));
        if (!fs) return NULL;
        if (!WF_STR_CHECK(fs)) {
            wf_decref(fs);
            return wf_err_format(&wf_exc_TypeError, "compile() filename must be str");
        }
        fname_s = fs;
    }
    wf_object *result = NULL;
    if (!WF_STR_CHECK(mode_o)) {
        wf_err_format(&wf_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                      wf_type_name(WF_TYPE(mode_o)));
        goto done;
    }
    if (flags & ~(CF_MASK | CF_MASK_OBSOLETE | CF_COMPILE_MASK)) {
        wf_err_set_string(&wf_exc_ValueError, "compile(): unrecognised flags");
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        wf_err_set_string(&wf_exc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    if (optimize == -1) optimize = wfv_interp_state.optimize;
    int mode;
    if (wf_str_eq_cstr(mode_o, "exec")) mode = 0;
    else if (wf_str_eq_cstr(mode_o, "eval")) mode = 1;
    else if (wf_str_eq_cstr(mode_o, "single")) mode = 2;
    else if (wf_str_eq_cstr(mode_o, "func_type")) {
        if (!(flags & CF_ONLY_AST))
            wf_err_set_string(&wf_exc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
        else
            wf_err_set_string(&wf_exc_SystemError, "compile() to an AST is not supported");
        goto done;
    } else {
        wf_err_set_string(&wf_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (flags & CF_ONLY_AST) {
        wf_err_set_string(&wf_exc_SystemError, "compile() to an AST is not supported");
        goto done;
    }
    wf_ssize_t len;
    wf_object *keep;
    const char *s = source_as_string(source, "compile", "string, bytes or AST", &len, &keep);
    if (!s) goto done;
    const char *fn = wf_str_utf8(fname_s, NULL);
    if (fn) result = wfv_compile_source_mode(s, (size_t)len, fn, mode, optimize);
    /* The code object goes to Python code, which frees it by reference
     * counting: drop the deferral (nested code objects keep theirs until
     * this one dies). */
    if (result) wf_clear_deferred(result);
    wf_xdecref(keep);
done:
    wf_decref(fname_s);
    return result;
}

static wf_object *b_import(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                           wf_object *kwnames) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    static const wfb_spec spec = {"__import__", names, 5, 0, 5, 1};
    wf_object *a[5];
    if (wfb_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int level = 0;
    if (a[4] && int_arg(a[4], "__import__", "level", &level) < 0) return NULL;
    if (!WF_STR_CHECK(a[0])) {
        wf_err_set_string(&wf_exc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        wf_err_set_string(&wf_exc_ValueError, "level must be >= 0");
        return NULL;
    }
    if (level == 0 && wf_str_len(a[0]) == 0) {
        wf_err_set_string(&wf_exc_ValueError, "Empty module name");
        return NULL;
    }
    wf_object *globals = a[1] && a[1] != wf_None ? a[1] : NULL;
    wf_object *fromlist = a[3] && a[3] != wf_None ? a[3] : NULL;
    return wfv_import_name(a[0], globals, fromlist, level);
}

/* ---------------------------------------------------------------------------
 * __build_class__(func, name, /, *bases, metaclass=None, **kwds)
 */

/* PEP 560: replace bases that define __mro_entries__; returns the original
 * tuple (new reference) when nothing changed. */
static wf_object *update_bases(wf_object *bases) {
    wf_object *list = NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(bases);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *base = WF_TUPLE_ITEM(bases, i);
        if (WF_TYPE_CHECK(base)) {
            if (list && wf_list_append(list, base) < 0) goto fail;
            continue;
        }
        wf_object *meth = NULL;
        int found = wf_object_lookup_attr(base, WFO_ID(__mro_entries__), &meth);
        if (found < 0) goto fail;
        if (!found) {
            if (list && wf_list_append(list, base) < 0) goto fail;
            continue;
        }
        wf_object *nb = wf_object_call_one(meth, bases);
        wf_decref(meth);
        if (!nb) goto fail;
        if (!WF_TUPLE_CHECK(nb)) {
            wf_decref(nb);
            wf_err_set_string(&wf_exc_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (!list) {
            list = wf_list_new(0);
            if (!list) {
                wf_decref(nb);
                goto fail;
            }
            for (wf_ssize_t j = 0; j < i; j++)
                if (wf_list_append(list, WF_TUPLE_ITEM(bases, j)) < 0) {
                    wf_decref(nb);
                    goto fail;
                }
        }
        int rc = wf_list_extend(list, nb);
        wf_decref(nb);
        if (rc < 0) goto fail;
    }
    if (!list) return wf_newref(bases);
    wf_object *t = wf_list_as_tuple(list);
    wf_decref(list);
    return t;
fail:
    wf_xdecref(list);
    return NULL;
}

/* _PyType_CalculateMetaclass */
static wf_type *calculate_metaclass(wf_type *meta, wf_object *bases) {
    wf_type *winner = meta;
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(bases); i++) {
        wf_type *t = WF_TYPE(WF_TUPLE_ITEM(bases, i));
        if (wf_type_is_subtype(winner, t)) continue;
        if (wf_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        wf_err_set_string(&wf_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                          "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static int is_cell(wf_object *o) { return WF_TYPE(o) == &wfv_cell_type; }

static wf_object *b_build_class(wf_object *m, wf_object *const *args, wf_ssize_t nargs,
                                wf_object *kwnames) {
    if (nargs < 2) {
        wf_err_set_string(&wf_exc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    wf_object *func = args[0], *name = args[1];
    if (WF_TYPE(func) != &wfv_function_type) {
        wf_err_set_string(&wf_exc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!WF_STR_CHECK(name)) {
        wf_err_set_string(&wf_exc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    wf_object *orig_bases = wf_tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases) return NULL;
    wf_object *bases = NULL, *mkw = NULL, *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL;
    bases = update_bases(orig_bases);
    if (!bases) goto done;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nkw) {
        mkw = wf_dict_new();
        if (!mkw) goto done;
        for (wf_ssize_t k = 0; k < nkw; k++)
            if (wf_dict_set_item(mkw, WF_TUPLE_ITEM(kwnames, k), args[nargs + k]) < 0) goto done;
        int found = wf_dict_pop(mkw, wfb_id("metaclass"), &meta);
        if (found < 0) goto done;
        if (!found) meta = NULL;
    }
    int is_class;
    if (!meta) {
        if (WF_TUPLE_SIZE(bases) == 0) meta = wf_newref((wf_object *)&wf_type_type);
        else meta = wf_newref((wf_object *)WF_TYPE(WF_TUPLE_ITEM(bases, 0)));
        is_class = 1;
    } else {
        is_class = WF_TYPE_CHECK(meta);
    }
    if (is_class) {
        wf_type *w = calculate_metaclass((wf_type *)meta, bases);
        if (!w) goto done;
        wf_incref((wf_object *)w);
        wf_decref(meta);
        meta = (wf_object *)w;
    }
    /* __prepare__ */
    wf_object *prep = NULL;
    int found = wf_object_lookup_attr(meta, WFO_ID(__prepare__), &prep);
    if (found < 0) goto done;
    if (!found) {
        ns = wf_dict_new();
    } else {
        wf_object *pa[2] = {name, bases};
        if (mkw && wf_dict_size(mkw) > 0) {
            wf_object *targs = wf_tuple_from_array(pa, 2);
            ns = targs ? wf_object_call(prep, targs, mkw) : NULL;
            wf_xdecref(targs);
        } else {
            ns = wf_object_vectorcall(prep, pa, 2, NULL);
        }
        wf_decref(prep);
    }
    if (!ns) goto done;
    if (!wfb_mapping_check(ns)) {
        wf_err_format(&wf_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                      is_class ? wf_type_name((wf_type *)meta) : "<metaclass>",
                      wf_type_name(WF_TYPE(ns)));
        goto done;
    }
    cell = wfv_call_with_locals(func, ns);
    if (!cell) goto done;
    if (bases != orig_bases && wf_object_set_item(ns, wfb_id("__orig_bases__"), orig_bases) < 0)
        goto done;
    {
        wf_object *margs = wf_tuple_pack(3, name, bases, ns);
        if (!margs) goto done;
        cls = wf_object_call(meta, margs, mkw);
        wf_decref(margs);
    }
    if (cls && WF_TYPE_CHECK(cls) && is_cell(cell)) {
        wf_object *cell_cls = wfv_cell_get(cell);
        if (cell_cls != cls) {
            if (!cell_cls)
                wf_err_format(&wf_exc_RuntimeError,
                              "__class__ not set defining %R as %R. Was __classcell__ propagated to "
                              "type.__new__?",
                              name, cls);
            else
                wf_err_format(&wf_exc_TypeError, "__class__ set to %R defining %R as %R", cell_cls,
                              name, cls);
            wf_decref(cls);
            cls = NULL;
        }
        wf_xdecref(cell_cls);
    }
done:
    wf_xdecref(cell);
    wf_xdecref(ns);
    wf_xdecref(meta);
    wf_xdecref(mkw);
    wf_xdecref(bases);
    wf_decref(orig_bases);
    return cls;
}

/* ---------------------------------------------------------------------------
 * dir, vars, globals, locals
 */
static wf_object *current_locals(void) {
    wf_object *l = wfv_current_locals();
    if (!l && !wf_err_occurred()) wf_err_set_string(&wf_exc_SystemError, "frame does not exist");
    return l;
}

static wf_object *b_dir(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("dir", nargs, 0, 1) < 0) return NULL;
    wf_object *result;
    if (nargs == 0) {
        wf_object *locals = current_locals();
        if (!locals) return NULL;
        if (WF_DICT_CHECK(locals)) result = wf_dict_keys(locals);
        else result = wf_mapping_keys(locals);
        wf_decref(locals);
        if (!result) return NULL;
        if (!WF_LIST_CHECK(result)) {
            wf_object *l = wf_sequence_list(result);
            wf_decref(result);
            result = l;
            if (!result) return NULL;
        }
    } else {
        int found = 0;
        wf_object *r = wfo_call_special(args[0], wfb_id("__dir__"), NULL, 0, &found);
        if (!found) {
            if (!wf_err_occurred())
                wf_err_set_string(&wf_exc_TypeError, "object does not provide __dir__");
            return NULL;
        }
        if (!r) return NULL;
        result = wf_sequence_list(r);
        wf_decref(r);
        if (!result) return NULL;
    }
    if (wf_list_sort(result, NULL, 0) < 0) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static wf_object *b_vars(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    if (wfb_check_positional("vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return current_locals();
    wf_object *d = NULL;
    int found = wf_object_lookup_attr(args[0], WFO_ID(__dict__), &d);
    if (found < 0) return NULL;
    if (!found) {
        wf_err_set_string(&wf_exc_TypeError, "vars() argument must have __dict__ attribute");
        return NULL;
    }
    return d;
}

static wf_object *b_globals(wf_object *m, wf_object *unused) {
    wf_object *g = wfv_current_globals();
    if (!g) WF_RETURN_NONE;
    return wf_newref(g);
}

static wf_object *b_locals(wf_object *m, wf_object *unused) { return current_locals(); }

/* ---------------------------------------------------------------------------
 * anext(it, default): an awaitable that forwards to it.__anext__()'s
 * awaitable and turns its StopAsyncIteration into StopIteration(default).
 * Owned by one coroutine at a time (as CPython's anext_awaitable).
 */
typedef struct {
    wf_object ob_base;
    wf_object *wrapped; /* the __anext__() result */
    wf_object *dflt;
    /* wrapped's __await__() iterator once started, or NULL; published once
     * with a compare-exchange (a racing thread's candidate is dropped) */
    wf_object *_Atomic iter;
} anext_awaitable;

static wf_type anext_awaitable_type;

wf_object *wfb_anext_awaitable_new(wf_object *awaitable, wf_object *dflt) {
    anext_awaitable *a = (anext_awaitable *)wfo_alloc(&anext_awaitable_type, sizeof *a);
    if (!a) return NULL;
    a->wrapped = wf_newref(awaitable);
    a->dflt = wf_newref(dflt);
    return (wf_object *)a;
}

static void anext_awaitable_dealloc(wf_object *o) {
    anext_awaitable *a = (anext_awaitable *)o;
    wf_xdecref(a->wrapped);
    wf_xdecref(a->dflt);
    wf_xdecref(atomic_load_explicit(&a->iter, memory_order_relaxed));
    wfo_free_instance(o);
}

static int anext_awaitable_traverse(wf_object *o, wf_visitproc visit, void *arg) {
    anext_awaitable *a = (anext_awaitable *)o;
    if (a->wrapped && visit(a->wrapped, arg)) return -1;
    if (a->dflt && visit(a->dflt, arg)) return -1;
    wf_object *it = atomic_load_explicit(&a->iter, memory_order_relaxed);
    if (it && visit(it, arg)) return -1;
    return 0;
}

/* The iterator driving the wrapped awaitable (its __await__() result, or
 * the coroutine/generator itself). */
static wf_object *anext_get_iter(anext_awaitable *a) {
    wf_object *cur = atomic_load_explicit(&a->iter, memory_order_acquire);
    if (cur) return cur;
    wf_object *w = a->wrapped, *it;
    if (WF_TYPE(w) == &wfv_coroutine_type || WF_TYPE(w) == &wfv_generator_type) {
        it = wf_newref(w);
    } else {
        int found = 0;
        it = wfo_call_special(w, wfb_id("__await__"), NULL, 0, &found);
        if (!found) {
            wf_err_format(&wf_exc_TypeError, "object %s can't be used in 'await' expression",
                          wf_type_name(WF_TYPE(w)));
            return NULL;
        }
        if (!it) return NULL;
    }
    if (atomic_compare_exchange_strong_explicit(&a->iter, &cur, it, memory_order_acq_rel,
                                                memory_order_acquire))
        return it;
    wf_decref(it); /* another thread published first: use its iterator */
    return cur;
}

/* Map the end of the wrapped awaitable: StopAsyncIteration -> StopIteration(default). */
static wf_object *anext_finish(anext_awaitable *a, wf_object *r) {
    if (r) return r;
    if (wf_err_matches((wf_object *)&wf_exc_StopAsyncIteration)) {
        wf_err_clear();
        wf_err_set_object(&wf_exc_StopIteration, a->dflt);
    }
    return NULL;
}

static wf_object *anext_send(wf_object *self, wf_object *arg) {
    anext_awaitable *a = (anext_awaitable *)self;
    wf_object *it = anext_get_iter(a);
    if (!it) return NULL;
    wf_object *r;
    if (arg == wf_None && WF_TYPE(it)->tp_iternext) {
        r = WF_TYPE(it)->tp_iternext(it);
        if (!r && !wf_err_occurred()) wf_err_set_none(&wf_exc_StopIteration);
    } else {
        r = wf_object_call_method(it, "send", &arg, 1);
    }
    return anext_finish(a, r);
}

static wf_object *anext_iternext(wf_object *self) { return anext_send(self, wf_None); }

static wf_object *anext_throw(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    anext_awaitable *a = (anext_awaitable *)self;
    wf_object *it = anext_get_iter(a);
    if (!it) return NULL;
    return anext_finish(a, wf_object_call_method(it, "throw", args, nargs));
}

static wf_object *anext_close(wf_object *self, wf_object *unused) {
    anext_awaitable *a = (anext_awaitable *)self;
    wf_object *it = anext_get_iter(a);
    if (!it) return NULL;
    return wf_object_call_method(it, "close", NULL, 0);
}

static wf_object *anext_await(wf_object *self, wf_object *unused) { return wf_newref(self); }
static wf_object *anext_self_iter(wf_object *self) { return wf_newref(self); }

static wf_method_def anext_methods[] = {
    {"send", anext_send, WF_METH_O, NULL},
    {"throw", (void *)anext_throw, WF_METH_FASTCALL, NULL},
    {"close", anext_close, WF_METH_NOARGS, NULL},
    {"__await__", anext_await, WF_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static wf_type anext_awaitable_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(anext_awaitable),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = anext_awaitable_dealloc,
    .tp_traverse = anext_awaitable_traverse,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = anext_self_iter,
    .tp_iternext = anext_iternext,
    .tp_methods = anext_methods,
};

int wfb_code_init(void) { return wf_type_ready(&anext_awaitable_type); }

#define FAST(f) ((void *)(f))
wf_method_def wfb_code_methods[] = {
    {"__build_class__", FAST(b_build_class), WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", FAST(b_import), WF_METH_FASTCALL | WF_METH_KEYWORDS, "Import a module."},
    {"compile", FAST(b_compile), WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"dir", FAST(b_dir), WF_METH_FASTCALL, "Show attributes of an object."},
    {"eval", FAST(b_eval), WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Evaluate the given source in the context of globals and locals."},
    {"exec", FAST(b_exec), WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Execute the given source in the context of globals and locals."},
    {"globals", b_globals, WF_METH_NOARGS,
     "Return the dictionary containing the current scope's global variables."},
    {"locals", b_locals, WF_METH_NOARGS,
     "Return a dictionary containing the current scope's local variables."},
    {"vars", FAST(b_vars), WF_METH_FASTCALL, "Show vars."},
    {NULL, NULL, 0, NULL},
};
