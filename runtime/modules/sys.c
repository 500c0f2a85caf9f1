/*
 * runtime/modules/sys.c — the sys module: argv, path, modules, the
 * standard streams, version and platform facts, flags and the other
 * struct sequences, exit, recursion limit, exception access, hooks
 * (excepthook, displayhook, unraisablehook and wfv_write_unraisable, the
 * one path by which the VM reports an exception it cannot raise), the
 * int<->str digit limit (kept by runtime/objects/int.c).
 *
 * sys is created once by wfv_interp_init (wfv_sys_create) and registered
 * in sys.modules; WF_MODULE_INIT(sys) returns that same module so it is
 * listed among the built-in modules.
 *
 * Thread-safety: every attribute lives in the module dict (its own lock);
 * functions here keep no C-level mutable state except the recursion limit
 * (runtime/vm/interp.c) and the switch interval (threads/gil.c), both of
 * which synchronise themselves.  The struct-sequence types are static
 * types readied once, by the main thread, before any other thread exists.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <float.h>
#include <limits.h>

#include "runtime/memory/memory.h"
#include "runtime/modules/io.h"
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"
#include "runtime/vm/pythonrun.h"
#include "runtime/vm/vm.h"
#include "threads/gil.h"

/* The version CPython 3.11 reports, with the runtime named. */
#define WFV_VERSION_STR "3.11.0 (weft 0.1.0) [" __VERSION__ "]"
#define WFV_HEXVERSION 0x030b00f0


/* --- struct sequences ------------------------------------------------------
 * Named-tuple-like read-only tuples (sys.version_info, sys.flags, ...): a
 * static subtype of tuple whose getsets index the items. */
static wf_object *sseq_get(wf_object *self, void *closure) {
    return wf_newref(WF_TUPLE_ITEM(self, (intptr_t)closure));
}

static wf_object *sseq_repr(wf_object *self) {
    wf_type *t = WF_TYPE(self);
    wf_object *parts = wf_list_new(0);
    if (!parts) return NULL;
    wf_ssize_t n = WF_TUPLE_SIZE(self);
    for (wf_ssize_t i = 0; i < n && t->tp_getset[i].name; i++) {
        wf_object *s = wf_str_from_format("%s=%R", t->tp_getset[i].name, WF_TUPLE_ITEM(self, i));
        if (!s || wf_list_append(parts, s) < 0) {
            wf_xdecref(s);
            wf_decref(parts);
            return NULL;
        }
        wf_decref(s);
    }
    wf_object *sep = wf_str_from_cstr(", ");
    wf_object *body = sep ? wf_str_join(sep, parts) : NULL;
    wf_xdecref(sep);
    wf_decref(parts);
    if (!body) return NULL;
    wf_object *r = wf_str_from_format("%s(%U)", t->tp_name, body);
    wf_decref(body);
    return r;
}

#define F(name, i) {name, sseq_get, NULL, NULL, (void *)(intptr_t)(i)}
#define SSEQ_TYPE(var, tname, doc)                                                        \
    static wf_type var = {                                                                \
        .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),                                    \
        .tp_name = tname,                                                                 \
        .tp_flags = WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_IMMUTABLETYPE,          \
        .tp_base = &wf_tuple_type,                                                        \
        .tp_repr = sseq_repr,                                                             \
        .tp_getset = var##_fields,                                                        \
        .tp_doc = doc,                                                                    \
    }

static wf_getset_def version_info_fields[] = {F("major", 0), F("minor", 1), F("micro", 2),
                                              F("releaselevel", 3), F("serial", 4), {0}};
SSEQ_TYPE(version_info, "sys.version_info", "sys.version_info\n\nVersion information as a named tuple.");
static wf_getset_def flags_fields[] = {
    F("debug", 0), F("inspect", 1), F("interactive", 2), F("optimize", 3),
    F("dont_write_bytecode", 4), F("no_user_site", 5), F("no_site", 6),
    F("ignore_environment", 7), F("verbose", 8), F("bytes_warning", 9), F("quiet", 10),
    F("hash_randomization", 11), F("isolated", 12), F("dev_mode", 13), F("utf8_mode", 14),
    F("warn_default_encoding", 15), F("safe_path", 16), F("int_max_str_digits", 17), {0}};
SSEQ_TYPE(flags, "sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment vars.");
static wf_getset_def float_info_fields[] = {
    F("max", 0), F("max_exp", 1), F("max_10_exp", 2), F("min", 3), F("min_exp", 4),
    F("min_10_exp", 5), F("dig", 6), F("mant_dig", 7), F("epsilon", 8), F("radix", 9),
    F("rounds", 10), {0}};
SSEQ_TYPE(float_info, "sys.float_info", "sys.float_info\n\nA named tuple holding information about the float type.");
static wf_getset_def int_info_fields[] = {F("bits_per_digit", 0), F("sizeof_digit", 1),
                                          F("default_max_str_digits", 2),
                                          F("str_digits_check_threshold", 3), {0}};
SSEQ_TYPE(int_info, "sys.int_info", "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.");
static wf_getset_def hash_info_fields[] = {
    F("width", 0), F("modulus", 1), F("inf", 2), F("nan", 3), F("imag", 4),
    F("algorithm", 5), F("hash_bits", 6), F("seed_bits", 7), F("cutoff", 8), {0}};
SSEQ_TYPE(hash_info, "sys.hash_info", "hash_info\n\nA named tuple providing parameters used for computing\nhashes.");
static wf_getset_def thread_info_fields[] = {F("name", 0), F("lock", 1), F("version", 2), {0}};
SSEQ_TYPE(thread_info, "sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the thread implementation.");
/* The argument of sys.unraisablehook; unlike the others it can be
 * instantiated (from a 5-sequence), as in CPython. */
static wf_object *sseq_new(wf_type *type, wf_object *args, wf_object *kwargs);
static wf_getset_def unraisable_args_fields[] = {F("exc_type", 0), F("exc_value", 1),
                                                 F("exc_traceback", 2), F("err_msg", 3),
                                                 F("object", 4), {0}};
static wf_type unraisable_args = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "UnraisableHookArgs",
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_base = &wf_tuple_type,
    .tp_repr = sseq_repr,
    .tp_getset = unraisable_args_fields,
    .tp_new = sseq_new,
    .tp_doc = "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
};
#undef F

/* Build an instance from a NULL-terminated list of new references. */
static wf_object *sseq_make(wf_type *t, int n, wf_object **items) {
    int ok = 1;
    for (int i = 0; i < n; i++) ok &= items[i] != NULL;
    wf_object *r = ok ? wf_type_generic_alloc(t, n) : NULL;
    for (int i = 0; i < n; i++) {
        if (r) WF_TUPLE_ITEM(r, i) = items[i];
        else wf_xdecref(items[i]);
    }
    if (r) ((wf_tuple *)r)->ob_size = n;
    return r;
}
/* type(sequence, dict=None) for instantiable struct sequences: exactly
 * as many items as fields (dict is accepted and unused: no hidden fields). */
static wf_object *sseq_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t nargs = WF_TUPLE_SIZE(args);
    wf_object *seq = nargs > 0 ? WF_TUPLE_ITEM(args, 0) : NULL, *dict = nargs > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    if (nargs > 2)
        return wf_err_format(&wf_exc_TypeError, "structseq() takes at most 2 arguments (%zd given)", nargs);
    if (kwargs) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            int is_seq = WF_STR_CHECK(k) && wf_str_eq_cstr(k, "sequence");
            int is_dict = WF_STR_CHECK(k) && wf_str_eq_cstr(k, "dict");
            int bad = 1;
            if (!is_seq && !is_dict) {
                wf_err_format(&wf_exc_TypeError, "structseq() got an unexpected keyword argument '%U'", k);
            } else if ((is_seq && seq) || (is_dict && dict)) {
                wf_err_format(&wf_exc_TypeError, "argument for structseq() given by name ('%U') and position (%d)",
                              k, is_seq ? 1 : 2);
            } else {
                bad = 0;
                if (is_seq) seq = v; /* used after the decref below: kwargs keeps it alive */
                else dict = v;
            }
            wf_decref(k);
            wf_decref(v);
            if (bad) return NULL;
        }
    }
    if (!seq) return wf_err_format(&wf_exc_TypeError, "structseq() missing required argument 'sequence' (pos 1)");
    if (dict && dict != wf_None && !WF_DICT_CHECK(dict))
        return wf_err_format(&wf_exc_TypeError, "%s() takes a dict as second arg, if any", type->tp_name);
    wf_object *t = wf_sequence_tuple(seq);
    if (!t) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    wf_ssize_t nfields = 0;
    while (type->tp_getset[nfields].name) nfields++;
    wf_ssize_t n = WF_TUPLE_SIZE(t);
    if (n != nfields) {
        wf_decref(t);
        return wf_err_format(&wf_exc_TypeError, "%s() takes a %zd-sequence (%zd-sequence given)", type->tp_name,
                             nfields, n);
    }
    return wfo_tuple_subtype_steal(type, t);
}

#define I64(v) wf_int_from_i64(v)
#define STR(v) wf_str_from_cstr(v)
#define DBL(v) wf_float_from_double(v)

static wf_object *make_version_info(void) {
    wf_object *it[] = {I64(3), I64(11), I64(0), STR("final"), I64(0)};
    return sseq_make(&version_info, 5, it);
}

static wf_object *make_flags(void) {
    wfv_config *c = &wfv_cfg;
    wf_object *it[] = {I64(c->debug), I64(c->inspect), I64(c->interactive), I64(c->optimize),
                       I64(c->dont_write_bytecode), I64(c->no_user_site), I64(c->no_site),
                       I64(c->ignore_environment), I64(c->verbose), I64(c->bytes_warning),
                       I64(c->quiet), I64(1), I64(c->isolated),
                       wf_newref(wf_bool_from(c->dev_mode)), I64(c->utf8_mode), I64(0),
                       wf_newref(wf_bool_from(c->safe_path)), I64(c->int_max_str_digits)};
    return sseq_make(&flags, 18, it);
}

static wf_object *make_float_info(void) {
    wf_object *it[] = {DBL(DBL_MAX), I64(DBL_MAX_EXP), I64(DBL_MAX_10_EXP), DBL(DBL_MIN),
                       I64(DBL_MIN_EXP), I64(DBL_MIN_10_EXP), I64(DBL_DIG), I64(DBL_MANT_DIG),
                       DBL(DBL_EPSILON), I64(FLT_RADIX), I64(FLT_ROUNDS)};
    return sseq_make(&float_info, 11, it);
}

static wf_object *make_int_info(void) {
    wf_object *it[] = {I64(30), I64(4), I64(WFO_INT_DEFAULT_MAX_STR_DIGITS), I64(WFO_INT_MAX_STR_DIGITS_THRESHOLD)};
    return sseq_make(&int_info, 4, it);
}

static wf_object *make_hash_info(void) {
    wf_object *it[] = {I64(64), I64(2305843009213693951LL), I64(314159), I64(0), I64(1000003),
                       STR("siphash13"), I64(64), I64(128), I64(0)};
    return sseq_make(&hash_info, 9, it);
}

static wf_object *make_thread_info(void) {
    wf_object *it[] = {STR("pthread"), STR("mutex+cond"), wf_newref(wf_None)};
    return sseq_make(&thread_info, 3, it);
}

/* --- sys.implementation: a namespace object ---------------------------------- */
typedef struct {
    wf_object ob_base;
    wf_object *ns_dict;
} sys_namespace;

static void ns_dealloc(wf_object *o) {
    wf_xdecref(((sys_namespace *)o)->ns_dict);
    wfo_free_instance(o);
}

static wf_object *ns_repr(wf_object *o) {
    wf_object *d = ((sys_namespace *)o)->ns_dict;
    wf_object *parts = wf_list_new(0), *k, *v;
    if (!parts) return NULL;
    wf_ssize_t pos = 0;
    while (wf_dict_next(d, &pos, &k, &v)) {
        wf_object *s = wf_str_from_format("%U=%R", k, v);
        wf_decref(k);
        wf_decref(v);
        if (!s || wf_list_append(parts, s) < 0) {
            wf_xdecref(s);
            wf_decref(parts);
            return NULL;
        }
        wf_decref(s);
    }
    wf_object *sep = wf_str_from_cstr(", ");
    wf_object *body = sep ? wf_str_join(sep, parts) : NULL;
    wf_xdecref(sep);
    wf_decref(parts);
    if (!body) return NULL;
    wf_object *r = wf_str_from_format("namespace(%U)", body);
    wf_decref(body);
    return r;
}

static wf_type namespace_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(sys_namespace),
    .tp_flags = WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = ns_dealloc,
    .tp_repr = ns_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_dictoffset = offsetof(sys_namespace, ns_dict),
    .tp_doc = "A simple attribute-based namespace.",
};

wf_object *wfv_namespace_new(void) {
    sys_namespace *ns = (sys_namespace *)wf_type_generic_alloc(&namespace_type, 0);
    if (!ns) return NULL;
    ns->ns_dict = wf_dict_new();
    if (!ns->ns_dict) {
        wf_decref((wf_object *)ns);
        return NULL;
    }
    return (wf_object *)ns;
}

static wf_object *make_implementation(wf_object *vinfo) {
    sys_namespace *ns = (sys_namespace *)wf_type_generic_alloc(&namespace_type, 0);
    if (!ns) return NULL;
    ns->ns_dict = wf_dict_new();
    wf_object *d = ns->ns_dict;
    wf_object *name = STR("weft"), *hv = I64(WFV_HEXVERSION), *ma = STR("x86_64-linux-gnu");
    int rc = (!d || !name || !hv || !ma) ? -1 : 0;
    if (rc == 0) rc = wf_dict_set_item_string(d, "name", name);
    if (rc == 0) rc = wf_dict_set_item_string(d, "cache_tag", wf_None);
    if (rc == 0) rc = wf_dict_set_item_string(d, "version", vinfo);
    if (rc == 0) rc = wf_dict_set_item_string(d, "hexversion", hv);
    if (rc == 0) rc = wf_dict_set_item_string(d, "_multiarch", ma);
    wf_xdecref(name);
    wf_xdecref(hv);
    wf_xdecref(ma);
    if (rc < 0) {
        wf_decref((wf_object *)ns);
        return NULL;
    }
    return (wf_object *)ns;
}

/* The standard streams come from _io (runtime/modules/io.h). */
static wf_object *std_stream(int fd, const char *mode) {
    int lb = wfv_interp_state.unbuffered ? 2 : (fd == 2 || isatty(fd)) ? 1 : 0;
    return wfio_std_stream(fd, mode, lb);
}

/* --- helpers used by the rest of the VM --------------------------------------- */
wf_object *wfv_sys_get_stream(const char *name) {
    wf_object *d = wfv_interp_state.sysdict, *s = NULL;
    if (!d) return NULL;
    if (wf_dict_get_item_string_ref(d, name, &s) <= 0) {
        wf_err_clear();
        return NULL;
    }
    if (s == wf_None) {
        wf_decref(s);
        return NULL;
    }
    return s;
}

void wfv_sys_write(const char *stream, const char *utf8) {
    wf_object *saved = wf_err_fetch();
    wf_object *f = wfv_sys_get_stream(stream);
    int done = 0;
    if (f) {
        wf_object *s = wf_str_from_utf8(utf8, (wf_ssize_t)strlen(utf8));
        if (s) {
            wf_object *r = wf_object_call_method(f, "write", &s, 1);
            if (r) {
                done = 1;
                wf_decref(r);
            }
            wf_decref(s);
        }
        wf_decref(f);
        wf_err_clear();
    }
    if (!done) {
        int fd = strcmp(stream, "stdout") == 0 ? 1 : 2;
        size_t n = strlen(utf8), off = 0;
        while (off < n) {
            ssize_t w = write(fd, utf8 + off, n - off);
            if (w <= 0) break;
            off += (size_t)w;
        }
    }
    wf_err_restore(saved);
}

void wfv_sys_flush_std(void) {
    wf_object *saved = wf_err_fetch();
    static const char *const names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        wf_object *f = wfv_sys_get_stream(names[i]);
        if (!f) continue;
        wf_object *r = wf_object_call_method(f, "flush", NULL, 0);
        wf_xdecref(r);
        wf_decref(f);
        wf_err_clear();
    }
    wf_err_restore(saved);
}

/* --- functions ------------------------------------------------------------------ */
static wf_object *sys_exit(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("exit", nargs, 0, 1) < 0) return NULL;
    wf_err_set_object(&wf_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static wf_object *sys_getrecursionlimit(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_int_from_i64(wfv_get_recursion_limit());
}

static wf_object *sys_setrecursionlimit(wf_object *self, wf_object *arg) {
    (void)self;
    if (WF_FLOAT_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
    int overflow = 0;
    wf_object *idx = wf_number_index(arg);
    if (!idx) return NULL;
    int64_t v = wf_int_as_i64_overflow(idx, &overflow);
    wf_decref(idx);
    if (overflow || v > INT_MAX || v < INT_MIN)
        return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
    if (v < 1) return wf_err_format(&wf_exc_ValueError, "recursion limit must be greater or equal than 1");
    int depth = wfv_state()->py_recursion_depth;
    if (v <= depth)
        return wf_err_format(&wf_exc_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                             (int)v, depth);
    wfv_set_recursion_limit((int)v);
    WF_RETURN_NONE;
}

static wf_object *sys_intern(wf_object *self, wf_object *s) {
    (void)self;
    if (!WF_STR_CHECK_EXACT(s))
        return wf_err_format(&wf_exc_TypeError, "intern() argument must be str, not %T", s);
    wf_incref(s);
    return wf_str_intern(s);
}

static wf_object *sys_getrefcount(wf_object *self, wf_object *o) {
    (void)self;
    intptr_t n = wf_refcnt(o);
    if (wf_is_immortal(o)) return wf_int_from_i64(4294967295LL);
    return wf_int_from_i64(n + 1); /* + the argument's reference, as CPython reports */
}

/* sys.getallocatedblocks(): the objects the allocator holds now (slab
 * and large objects, live or waiting for their dealloc), as CPython's count
 * of pymalloc blocks serves leak hunting: call gc.collect() first.  The
 * counters are per-thread sums, exact when the program is quiescent. */
static wf_object *sys_getallocatedblocks(wf_object *self, wf_object *unused) {
    (void)self;
    (void)unused;
    wfm_stats st;
    wfm_get_stats(&st);
    return wf_int_from_i64(st.objects_live < 0 ? 0 : st.objects_live);
}

#if WF_COUNTERS
/* sys._counters(): the calling thread's contention counters
 * (weft/counters.h), as a dict of name -> count since the thread started.
 * Only builds configured with -DWEFT_COUNTERS=ON have it. */
static wf_object *sys_counters(wf_object *self, wf_object *unused) {
    (void)self;
    (void)unused;
    uint64_t snap[WF_CNT__COUNT];
    for (int i = 0; i < WF_CNT__COUNT; i++) snap[i] = wf_tls_counters[i];
    wf_object *d = wf_dict_new();
    for (int i = 0; d && i < WF_CNT__COUNT; i++) {
        wf_object *v = wf_int_from_u64(snap[i]);
        if (!v || wf_dict_set_item_string(d, wf_counter_names[i], v) < 0) {
            wf_xdecref(v);
            wf_decref(d);
            return NULL;
        }
        wf_decref(v);
    }
    return d;
}
#endif

static wf_object *sys_getsizeof(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("getsizeof", nargs, 1, 2) < 0) return NULL;
    wf_object *m = NULL;
    if (wf_object_lookup_attr(args[0], wf_str_intern_cstr("__sizeof__"), &m) < 0) return NULL;
    wf_object *r = NULL;
    if (m) {
        r = wf_object_call_noargs(m);
        wf_decref(m);
    } else {
        wf_type *t = WF_TYPE(args[0]);
        wf_ssize_t n = t->tp_itemsize ? wf_object_size(args[0]) : 0;
        if (n < 0) { wf_err_clear(); n = 0; }
        r = wf_int_from_ssize((wf_ssize_t)(t->tp_basicsize + (size_t)n * t->tp_itemsize));
    }
    if (!r) {
        if (nargs == 2 && wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            return wf_newref(args[1]);
        }
        return NULL;
    }
    if (!WF_INT_CHECK(r)) {
        wf_decref(r);
        return wf_err_format(&wf_exc_TypeError, "an integer is required");
    }
    if (wf_int_sign(r) < 0) {
        wf_decref(r);
        return wf_err_format(&wf_exc_ValueError, "__sizeof__() should return >= 0");
    }
    return r;
}

static wf_object *handled_exc(void) {
    wf_object *e = wfv_state()->exc_handled;
    return (e && e != wf_None) ? e : NULL;
}

static wf_object *sys_exc_info(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wf_object *e = handled_exc();
    if (!e) return wf_tuple_pack(3, wf_None, wf_None, wf_None);
    wf_object *tb = ((wf_base_exception *)e)->traceback;
    return wf_tuple_pack(3, (wf_object *)WF_TYPE(e), e, tb ? tb : wf_None);
}

static wf_object *sys_exception(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    wf_object *e = handled_exc();
    return wf_newref(e ? e : wf_None);
}

static wf_object *sys_excepthook(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("excepthook", nargs, 3, 3) < 0) return NULL;
    wf_object *v = args[1];
    if (!WF_EXC_CHECK(v)) {
        /* CPython prints "TypeError: print_exception(): Exception expected
         * for value, X found" through the hook itself. */
        wf_object *s = wf_str_from_format("TypeError: print_exception(): Exception expected for value, %s found\n",
                                          wf_type_name(WF_TYPE(v)));
        if (s) {
            wfv_sys_write("stderr", wf_str_utf8(s, NULL));
            wf_decref(s);
        }
        WF_RETURN_NONE;
    }
    /* as CPython: a traceback argument is used when the value has none */
    wf_object *cur = ((wf_base_exception *)v)->traceback;
    if (args[2] != wf_None && (!cur || cur == wf_None) &&
        wf_object_setattr_string(v, "__traceback__", args[2]) < 0)
        wf_err_clear();
    wfv_print_exception(v);
    WF_RETURN_NONE;
}

static wf_object *sys_displayhook(wf_object *self, wf_object *o) {
    (void)self;
    if (o == wf_None) WF_RETURN_NONE;
    wf_object *b = wfv_interp_state.builtins;
    if (wf_dict_set_item_string(b, "_", wf_None) < 0) return NULL;
    wf_object *r = wf_object_repr(o);
    if (!r) return NULL;
    wf_object *out = wfv_sys_get_stream("stdout");
    if (!out) {
        wf_decref(r);
        return wf_err_format(&wf_exc_RuntimeError, "lost sys.stdout");
    }
    wf_object *x = wf_object_call_method(out, "write", &r, 1);
    wf_decref(r);
    if (x) {
        wf_decref(x);
        wf_object *nl = wf_str_from_cstr("\n");
        x = nl ? wf_object_call_method(out, "write", &nl, 1) : NULL;
        wf_xdecref(nl);
    }
    wf_decref(out);
    if (!x) return NULL;
    wf_decref(x);
    if (wf_dict_set_item_string(b, "_", o) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *sys_getframe(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    (void)self;
    if (wf_check_nargs("_getframe", nargs, 0, 1) < 0) return NULL;
    wf_ssize_t depth = 0;
    if (nargs) {
        depth = wf_number_as_ssize_t(args[0], &wf_exc_OverflowError);
        if (depth == -1 && wf_err_occurred()) return NULL;
    }
    wfv_frame *f = wfv_current_frame();
    while (f && depth > 0) {
        f = f->f_back;
        depth--;
    }
    if (!f)
        return wf_err_format(&wf_exc_ValueError, "call stack is not deep enough");
    return wfv_frame_object(f);
}

static wf_object *sys_noop1(wf_object *self, wf_object *arg) {
    (void)self, (void)arg;
    WF_RETURN_NONE;
}
static wf_object *sys_none0(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    WF_RETURN_NONE;
}

static wf_object *sys_setswitchinterval(wf_object *self, wf_object *arg) {
    (void)self;
    double d = wf_float_as_double(arg);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    if (d <= 0.0) return wf_err_format(&wf_exc_ValueError, "switch interval must be strictly positive");
    int64_t us = (int64_t)(d * 1e6);
    if (us < 1) us = 1;
    wft_gil_set_interval_us(us);
    WF_RETURN_NONE;
}
static wf_object *sys_getswitchinterval(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_float_from_double((double)wft_gil_get_interval_us() / 1e6);
}

static wf_object *sys_is_gil_enabled(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
#if WF_FREE_THREADED
    return wf_newref(wf_bool_from(wfv_interp_state.gil_enabled || wft_gil_enabled()));
#else
    return wf_newref(wf_True);
#endif
}

static wf_object *sys_utf8(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_str_from_cstr("utf-8");
}
static wf_object *sys_fs_errors(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_str_from_cstr("surrogateescape");
}
static wf_object *sys_is_finalizing(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_newref(wf_bool_from(atomic_load(&wfv_interp_state.finalizing)));
}

/* --- the int<->str digit limit (runtime/objects/int.c keeps it) ------------------- */
static wf_object *sys_get_int_max_str_digits(wf_object *self, wf_object *unused) {
    (void)self, (void)unused;
    return wf_int_from_i64(wfo_int_get_max_str_digits());
}

static wf_object *sys_set_int_max_str_digits(wf_object *self, wf_object *const *args, wf_ssize_t nargs,
                                             wf_object *kwnames) {
    (void)self;
    wf_ssize_t nkw = kwnames ? WF_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 1)
        return wf_err_format(&wf_exc_TypeError, "set_int_max_str_digits() takes at most 1 argument (%zd given)",
                             nargs + nkw);
    /* Argument Clinic's order: a missing 'maxdigits' is reported before an
     * unexpected keyword */
    if (nargs + nkw == 0 || (nkw && !wf_str_eq_cstr(WF_TUPLE_ITEM(kwnames, 0), "maxdigits")))
        return wf_err_format(&wf_exc_TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    wf_object *arg = args[0];
    if (WF_FLOAT_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
    wf_object *idx = wf_number_index(arg);
    if (!idx) return NULL;
    int overflow = 0;
    int64_t v = wf_int_as_i64_overflow(idx, &overflow);
    wf_decref(idx);
    if (overflow || v > INT_MAX || v < INT_MIN)
        return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
    if (v != 0 && v < WFO_INT_MAX_STR_DIGITS_THRESHOLD)
        return wf_err_format(&wf_exc_ValueError, "maxdigits must be 0 or larger than %d",
                             WFO_INT_MAX_STR_DIGITS_THRESHOLD);
    wfo_int_set_max_str_digits((int)v);
    WF_RETURN_NONE;
}

/* --- unraisable exceptions ---------------------------------------------------------
 * wfv_write_unraisable is the one path for "Exception ignored in ...": it
 * packs the exception into an UnraisableHookArgs and calls
 * sys.unraisablehook; the default hook (sys.__unraisablehook__) writes
 * CPython's report.  Nothing here is shared mutable state. */

/* str(o) appended as UTF-8, or fallback when str() fails. */
static int put_str(wf_object *parts, wf_object *o, int use_repr, const char *fallback) {
    wf_object *s = use_repr ? wf_object_repr(o) : wf_object_str(o);
    if (!s) {
        wf_err_clear();
        s = wf_str_from_cstr(fallback);
        if (!s) return -1;
    }
    int rc = wf_list_append(parts, s);
    wf_decref(s);
    return rc;
}

static int put_cstr(wf_object *parts, const char *text) {
    wf_object *s = wf_str_from_cstr(text);
    int rc = s ? wf_list_append(parts, s) : -1;
    wf_xdecref(s);
    return rc;
}

/* CPython's default unraisable report of (type, value, tb, err_msg, obj),
 * written to sys.stderr in one call (nothing when it is None or unset).
 * Borrowed arguments; 0, or -1 with an exception set. */
static int write_unraisable_report(wf_object *type, wf_object *value, wf_object *tb, wf_object *err_msg,
                                   wf_object *obj) {
    wf_object *file = NULL;
    if (!wfv_interp_state.sysdict ||
        wf_dict_get_item_string_ref(wfv_interp_state.sysdict, "stderr", &file) <= 0 || file == wf_None) {
        wf_xdecref(file);
        wf_err_clear();
        return 0;
    }
    wf_object *parts = wf_list_new(0);
    int rc = parts ? 0 : -1;
    if (rc == 0 && obj != wf_None) {
        if (err_msg != wf_None) {
            rc = put_str(parts, err_msg, 0, "<object str() failed>");
            if (rc == 0) rc = put_cstr(parts, ": ");
        } else {
            rc = put_cstr(parts, "Exception ignored in: ");
        }
        if (rc == 0) rc = put_str(parts, obj, 1, "<object repr() failed>");
        if (rc == 0) rc = put_cstr(parts, "\n");
    } else if (rc == 0 && err_msg != wf_None) {
        rc = put_str(parts, err_msg, 0, "<object str() failed>");
        if (rc == 0) rc = put_cstr(parts, ":\n");
    }
    if (rc == 0 && tb != wf_None) {
        wf_object *block = wfv_format_traceback(tb);
        rc = block ? wf_list_append(parts, block) : -1;
        wf_xdecref(block);
    }
    if (rc == 0 && type != wf_None) {
        wf_object *mod = NULL, *qual = NULL;
        if (wf_object_lookup_attr(type, wf_str_intern_cstr("__module__"), &mod) < 0) wf_err_clear();
        if (!mod || !WF_STR_CHECK(mod)) {
            rc = put_cstr(parts, "<unknown>");
        } else if (!wf_str_eq_cstr(mod, "builtins") && !wf_str_eq_cstr(mod, "__main__")) {
            rc = wf_list_append(parts, mod);
            if (rc == 0) rc = put_cstr(parts, ".");
        }
        wf_xdecref(mod);
        if (rc == 0 && wf_object_lookup_attr(type, wf_str_intern_cstr("__qualname__"), &qual) < 0) wf_err_clear();
        if (rc == 0) rc = qual && WF_STR_CHECK(qual) ? wf_list_append(parts, qual) : put_cstr(parts, "<unknown>");
        wf_xdecref(qual);
        if (rc == 0 && value != wf_None) {
            rc = put_cstr(parts, ": ");
            if (rc == 0) rc = put_str(parts, value, 0, "<exception str() failed>");
        }
        if (rc == 0) rc = put_cstr(parts, "\n");
    }
    wf_object *text = NULL;
    if (rc == 0) {
        wf_object *empty = wf_str_from_cstr("");
        text = empty ? wf_str_join(empty, parts) : NULL;
        wf_xdecref(empty);
        rc = text ? 0 : -1;
    }
    wf_xdecref(parts);
    if (rc == 0) {
        wf_object *r = wf_object_call_method(file, "write", &text, 1);
        if (r) {
            wf_decref(r);
            r = wf_object_call_method(file, "flush", NULL, 0);
        }
        rc = r ? 0 : -1;
        wf_xdecref(r);
    }
    wf_xdecref(text);
    wf_decref(file);
    return rc;
}

static wf_object *sys_unraisablehook(wf_object *self, wf_object *arg) {
    (void)self;
    if (WF_TYPE(arg) != &unraisable_args)
        return wf_err_format(&wf_exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    if (write_unraisable_report(WF_TUPLE_ITEM(arg, 0), WF_TUPLE_ITEM(arg, 1), WF_TUPLE_ITEM(arg, 2),
                                WF_TUPLE_ITEM(arg, 3), WF_TUPLE_ITEM(arg, 4)) < 0)
        return NULL;
    WF_RETURN_NONE;
}

/* UnraisableHookArgs for exc (borrowed); new reference or NULL. */
static wf_object *unraisable_args_for(wf_object *exc, wf_object *err_msg, wf_object *obj) {
    wf_object *tb = ((wf_base_exception *)exc)->traceback;
    wf_object *it[] = {wf_newref((wf_object *)WF_TYPE(exc)), wf_newref(exc), wf_newref(tb ? tb : wf_None),
                       wf_newref(err_msg), wf_newref(obj ? obj : wf_None)};
    return sseq_make(&unraisable_args, 5, it);
}

/* The default report of exc (borrowed), errors dropped. */
static void report_default(wf_object *exc, wf_object *err_msg, wf_object *obj) {
    wf_object *tb = ((wf_base_exception *)exc)->traceback;
    if (write_unraisable_report((wf_object *)WF_TYPE(exc), exc, tb ? tb : wf_None, err_msg,
                                obj ? obj : wf_None) < 0)
        wf_err_clear();
}

void wfv_write_unraisable(const char *err_msg, wf_object *obj) {
    wf_object *exc = wf_err_fetch();
    if (!exc) return;
    /* an error raised by C code has no traceback: as CPython, give it one
     * entry for the running Python frame */
    wf_object *tb = ((wf_base_exception *)exc)->traceback;
    wfv_frame *f = wfv_current_frame();
    if ((!tb || tb == wf_None) && f && wfv_traceback_add(exc, f, wfv_frame_lasti(f)) < 0) wf_err_clear();
    wf_object *msg = err_msg ? wf_str_from_format("Exception ignored %s", err_msg) : wf_newref(wf_None);
    if (!msg) {
        wf_err_clear();
        msg = wf_newref(wf_None);
    }
    wf_object *hook = NULL;
    if (wfv_interp_state.sysdict &&
        wf_dict_get_item_string_ref(wfv_interp_state.sysdict, "unraisablehook", &hook) < 0)
        wf_err_clear();
    if (!hook || hook == wf_None) {
        report_default(exc, msg, obj);
    } else {
        wf_object *args = unraisable_args_for(exc, msg, obj);
        wf_object *r = args ? wf_object_call_one(hook, args) : NULL;
        wf_xdecref(args);
        if (r) {
            wf_decref(r);
        } else {
            /* the hook failed: report its own error with the default printer */
            wf_object *exc2 = wf_err_fetch();
            if (exc2) {
                wf_object *msg2 = wf_str_from_cstr("Exception ignored in sys.unraisablehook");
                if (msg2) report_default(exc2, msg2, hook);
                wf_xdecref(msg2);
                wf_decref(exc2);
            }
            wf_err_clear();
        }
    }
    wf_xdecref(hook);
    wf_decref(msg);
    wf_decref(exc);
}

static wf_method_def sys_methods[] = {
    {"exit", sys_exit, WF_METH_FASTCALL, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, WF_METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, WF_METH_O, NULL},
    {"intern", sys_intern, WF_METH_O, NULL},
    {"getrefcount", sys_getrefcount, WF_METH_O, NULL},
    {"getallocatedblocks", sys_getallocatedblocks, WF_METH_NOARGS, NULL},
#if WF_COUNTERS
    {"_counters", sys_counters, WF_METH_NOARGS,
     "The calling thread's contention counters (shared atomic writes) as a dict."},
#endif
    {"getsizeof", sys_getsizeof, WF_METH_FASTCALL, NULL},
    {"exc_info", sys_exc_info, WF_METH_NOARGS, NULL},
    {"exception", sys_exception, WF_METH_NOARGS, NULL},
    {"excepthook", sys_excepthook, WF_METH_FASTCALL, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"displayhook", sys_displayhook, WF_METH_O, NULL},
    {"_getframe", sys_getframe, WF_METH_FASTCALL, NULL},
    {"settrace", sys_noop1, WF_METH_O, "Accepted and ignored: weft has no tracing yet."},
    {"setprofile", sys_noop1, WF_METH_O, "Accepted and ignored: weft has no profiling yet."},
    {"gettrace", sys_none0, WF_METH_NOARGS, NULL},
    {"getprofile", sys_none0, WF_METH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, WF_METH_O, NULL},
    {"getswitchinterval", sys_getswitchinterval, WF_METH_NOARGS, NULL},
    {"_is_gil_enabled", sys_is_gil_enabled, WF_METH_NOARGS, NULL},
    {"getdefaultencoding", sys_utf8, WF_METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_utf8, WF_METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_fs_errors, WF_METH_NOARGS, NULL},
    {"is_finalizing", sys_is_finalizing, WF_METH_NOARGS, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, WF_METH_NOARGS,
     "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", (void *)sys_set_int_max_str_digits, WF_METH_FASTCALL | WF_METH_KEYWORDS,
     "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"unraisablehook", sys_unraisablehook, WF_METH_O,
     "Handle an unraisable exception.\n\nThe unraisable argument has the following attributes:\n\n"
     "* exc_type: Exception type.\n* exc_value: Exception value, can be None.\n"
     "* exc_traceback: Exception traceback, can be None.\n* err_msg: Error message, can be None.\n"
     "* object: Object causing the exception, can be None."},
    {NULL, NULL, 0, NULL},
};

/* --- the module -------------------------------------------------------------------- */
static int set_steal(wf_object *d, const char *name, wf_object *v) {
    if (!v) return -1;
    int rc = wf_dict_set_item_string(d, name, v);
    wf_decref(v);
    return rc;
}

static wf_object *str_list(char **items, int n) {
    wf_object *l = wf_list_new(0);
    for (int i = 0; l && i < n; i++) {
        wf_object *s = wf_str_from_cstr(items[i]);
        if (!s || wf_list_append(l, s) < 0) {
            wf_xdecref(s);
            wf_decref(l);
            return NULL;
        }
        wf_decref(s);
    }
    return l;
}

static wf_object *builtin_names(void) {
    wf_object *l = wf_list_new(0);
    for (const wfv_builtin_module *m = wfv_builtin_modules; l && m->name; m++) {
        wf_object *s = wf_str_from_cstr(m->name);
        if (!s || wf_list_append(l, s) < 0) {
            wf_xdecref(s);
            wf_decref(l);
            return NULL;
        }
        wf_decref(s);
    }
    if (!l) return NULL;
    wf_object *t = wf_list_as_tuple(l);
    wf_decref(l);
    return t;
}

static wf_object *xoptions_dict(void) {
    wf_object *d = wf_dict_new();
    for (int i = 0; d && i < wfv_cfg.nxoptions; i++) {
        const char *x = wfv_cfg.xoptions[i], *eq = strchr(x, '=');
        wf_object *k = eq ? wf_str_from_utf8(x, eq - x) : wf_str_from_cstr(x);
        wf_object *v = eq ? wf_str_from_cstr(eq + 1) : wf_newref(wf_True);
        int rc = (k && v) ? wf_dict_set_item(d, k, v) : -1;
        wf_xdecref(k);
        wf_xdecref(v);
        if (rc < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    return d;
}

static char *exe_path(void) {
    static char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return NULL;
    buf[n] = 0;
    return buf;
}

/* n_fields, n_sequence_fields, n_unnamed_fields and __match_args__ of a
 * struct-sequence type, as CPython's (set once, before other threads). */
static int sseq_add_counts(wf_type *t) {
    wf_ssize_t n = 0;
    while (t->tp_getset[n].name) n++;
    wf_object *names = wf_tuple_new(n);
    if (!names) return -1;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *s = wf_str_from_cstr(t->tp_getset[i].name);
        if (!s) {
            wf_decref(names);
            return -1;
        }
        WF_TUPLE_ITEM(names, i) = s;
    }
    if (set_steal(t->tp_dict, "__match_args__", names) < 0 || set_steal(t->tp_dict, "n_fields", I64(n)) < 0 ||
        set_steal(t->tp_dict, "n_sequence_fields", I64(n)) < 0 ||
        set_steal(t->tp_dict, "n_unnamed_fields", I64(0)) < 0)
        return -1;
    return 0;
}

wf_object *wfv_sys_create(void) {
    static wf_type *const types[] = {&version_info, &flags, &float_info, &int_info, &hash_info,
                                     &thread_info, &unraisable_args, &namespace_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (wf_type_ready(types[i]) < 0 || (types[i] != &namespace_type && sseq_add_counts(types[i]) < 0))
            return NULL;
    wf_object *m = wf_module_new("sys");
    if (!m) return NULL;
    if (wf_module_add_functions(m, sys_methods) < 0) goto fail;
    wf_object *d = wf_module_get_dict(m);
    wf_object *doc = wf_str_from_cstr("This module provides access to some objects used or maintained by the\n"
                                      "interpreter and to functions that interact strongly with the interpreter.");
    if (set_steal(d, "__doc__", doc) < 0) goto fail;
    if (wf_dict_set_item_string(d, "modules", wfv_interp_state.modules) < 0) goto fail;
    wf_object *vi = make_version_info();
    if (!vi || wf_dict_set_item_string(d, "version_info", vi) < 0) { wf_xdecref(vi); goto fail; }
    int rc = set_steal(d, "implementation", make_implementation(vi));
    wf_decref(vi);
    if (rc < 0) goto fail;
    if (set_steal(d, "flags", make_flags()) < 0 || set_steal(d, "float_info", make_float_info()) < 0 ||
        set_steal(d, "int_info", make_int_info()) < 0 || set_steal(d, "hash_info", make_hash_info()) < 0 ||
        set_steal(d, "thread_info", make_thread_info()) < 0)
        goto fail;
    if (set_steal(d, "version", STR(WFV_VERSION_STR)) < 0 ||
        set_steal(d, "hexversion", I64(WFV_HEXVERSION)) < 0 ||
        set_steal(d, "api_version", I64(1013)) < 0 ||
        set_steal(d, "maxsize", I64(INTPTR_MAX)) < 0 ||
        set_steal(d, "maxunicode", I64(0x10FFFF)) < 0 ||
        set_steal(d, "byteorder", STR(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big")) < 0 ||
        set_steal(d, "platform", STR("linux")) < 0 ||
        set_steal(d, "platlibdir", STR("lib")) < 0 ||
        set_steal(d, "float_repr_style", STR("short")) < 0 ||
        set_steal(d, "copyright", STR("Copyright (c) the Weft authors.\nPython is Copyright (c) 2001-2022 Python Software Foundation.")) < 0 ||
#if WF_FREE_THREADED
        set_steal(d, "abiflags", STR("t")) < 0 ||
#else
        set_steal(d, "abiflags", STR("")) < 0 ||
#endif
        set_steal(d, "builtin_module_names", builtin_names()) < 0 ||
        set_steal(d, "dont_write_bytecode", wf_newref(wf_bool_from(wfv_cfg.dont_write_bytecode))) < 0 ||
        set_steal(d, "meta_path", wf_list_new(0)) < 0 ||
        set_steal(d, "path_hooks", wf_list_new(0)) < 0 ||
        set_steal(d, "path_importer_cache", wf_dict_new()) < 0 ||
        set_steal(d, "warnoptions", str_list(wfv_cfg.warnoptions, wfv_cfg.nwarnoptions)) < 0 ||
        set_steal(d, "orig_argv", str_list(wfv_cfg.orig_argv, wfv_cfg.orig_argc)) < 0 ||
        set_steal(d, "argv", wfv_interp_state.argc ? str_list(wfv_interp_state.argv, wfv_interp_state.argc)
                                                     : str_list((char *[]){""}, 1)) < 0 ||
        set_steal(d, "path", wf_list_new(0)) < 0)
        goto fail;
    wfv_interp_state.xoptions = xoptions_dict();
    if (!wfv_interp_state.xoptions || wf_dict_set_item_string(d, "_xoptions", wfv_interp_state.xoptions) < 0)
        goto fail;
    const char *exe = wfv_interp_state.executable ? wfv_interp_state.executable : exe_path();
    if (set_steal(d, "executable", STR(exe ? exe : "")) < 0 ||
        set_steal(d, "_base_executable", STR(exe ? exe : "")) < 0)
        goto fail;
    static const char *const prefixes[] = {"prefix", "exec_prefix", "base_prefix", "base_exec_prefix"};
    for (int i = 0; i < 4; i++)
        if (set_steal(d, prefixes[i], STR("/usr/local")) < 0) goto fail;
    /* excepthook/displayhook and their __dunder__ originals */
    static const char *const hooks[][2] = {{"excepthook", "__excepthook__"}, {"displayhook", "__displayhook__"},
                                           {"unraisablehook", "__unraisablehook__"}};
    for (int i = 0; i < 3; i++) {
        wf_object *h = NULL;
        if (wf_dict_get_item_string_ref(d, hooks[i][0], &h) <= 0) goto fail;
        rc = wf_dict_set_item_string(d, hooks[i][1], h);
        wf_decref(h);
        if (rc < 0) goto fail;
    }
    /* the standard streams */
    static const struct { int fd; const char *mode, *name, *dunder; } streams[] = {
        {0, "r", "stdin", "__stdin__"}, {1, "w", "stdout", "__stdout__"}, {2, "w", "stderr", "__stderr__"}};
    for (int i = 0; i < 3; i++) {
        wf_object *s = std_stream(streams[i].fd, streams[i].mode);
        if (!s) goto fail;
        rc = wf_dict_set_item_string(d, streams[i].name, s);
        if (rc == 0) rc = wf_dict_set_item_string(d, streams[i].dunder, s);
        wf_decref(s);
        if (rc < 0) goto fail;
    }
    return m;
fail:
    wf_decref(m);
    return NULL;
}

/* `import sys` finds the interpreter's sys in sys.modules first; this entry
 * lists sys among the built-in modules and serves a re-import. */
WF_MODULE_INIT(sys) {
    if (wfv_interp_state.sys_module) return wf_newref(wfv_interp_state.sys_module);
    return wfv_sys_create();
}
