/*
 * runtime/vm/eval.c — the bytecode interpreter: the dispatch loop, function
 * calls, the eval breaker and zero-cost exception unwinding.
 *
 * Owns: wfv_eval_frame (the loop, one C activation per Python frame),
 * wfv_eval_code, wfv_function_vectorcall, wfv_call_with_locals,
 * wfv_super_lookup, and the helpers the opcodes need (exception-group
 * matching for except*, the raise statement, unpacking, ...).
 *
 * Invariants:
 *   - A frame's value stack is localsplus[nlocalsplus ..] and is only
 *     touched by the thread running the frame; `sp` lives in a register
 *     and is written back to f_stacktop when the frame suspends.
 *   - f->f_ip points at the instruction being executed (stored at every
 *     dispatch; wfv_frame_lasti reads it as an index), so tracebacks, f_lineno and the exception table
 *     lookup always see the raising instruction.  RERAISE with an argument
 *     restores the lasti saved on the stack by a `lasti` handler.
 *   - Errors: an opcode that fails jumps to `error` with the thread's
 *     exception set; `error` adds a traceback entry for this frame and
 *     falls into `exception_unwind`, which RERAISE/bare `raise` enter
 *     directly (no new entry), as CPython does.
 *   - wfv_vmstate.exc_handled is the exception being handled (sys.exc_info);
 *     PUSH_EXC_INFO saves the previous one on the value stack (None for
 *     none) and POP_EXCEPT puts it back, so unwinding restores it too.
 *
 * Thread safety: the loop takes no lock per instruction.  Frames are
 * private to their thread; code objects are immutable except co_caches
 * (atomic words, see LOAD_GLOBAL) and objects are reached through the
 * thread-safe object API.  Every backward jump and every RESUME checks the
 * thread's eval breaker (stop-the-world, merge queue, QSBR work, GIL drop
 * requests, signals); every 256 of them also report a QSBR quiescent state
 * (wft_safepoint).
 *
 * Recursion: Python-to-Python calls recurse in C.  py_recursion_depth is
 * checked against recursion_limit on frame entry, and the C stack pointer
 * against a per-thread floor computed from the thread's real stack bounds,
 * so deep recursion raises RecursionError instead of overflowing the stack
 * whatever limit sys.setrecursionlimit sets.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/memory/perthread.h"
#include "runtime/objects/containers.h" /* wfo_list_unpack */
#include "runtime/objects/objimpl.h"
#include "runtime/vm/eval_internal.h"

static inline wf_object *function_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                                       wf_object *kwnames, wf_object **stack_args);

/* --- one-time type readiness ---------------------------------------------------- */

void wfv_gen_types_ready(void); /* gen.c */

static pthread_once_t vm_types_once = PTHREAD_ONCE_INIT;
static void vm_types_init(void) {
    if (wf_type_ready(&wfv_frameobj_type) < 0 || wf_type_ready(&wfv_traceback_type) < 0) {
        fprintf(stderr, "weft: cannot ready the frame/traceback types\n");
        abort();
    }
    wfv_gen_types_ready();
}
void wfv_vm_types_ready(void) { pthread_once(&vm_types_once, vm_types_init); }

/* --- C stack guard ----------------------------------------------------------------- */

#define C_STACK_MARGIN (256 * 1024) /* keep this much C stack for C code below us */

/* The current C stack position.  The frame address, not the address of a
 * local: under AddressSanitizer's detect_stack_use_after_return, locals
 * whose address is taken live on a heap "fake stack". */
#define C_STACK_HERE() ((char *)__builtin_frame_address(0))

static void compute_stack_limit(wfv_vmstate *s) {
    char *here = C_STACK_HERE();
    char *limit = NULL;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0 && size > 2 * C_STACK_MARGIN) {
            limit = (char *)addr + C_STACK_MARGIN;
            /* The main thread's reported size may exceed what is mapped
             * yet; it grows on demand up to RLIMIT_STACK, which is what
             * glibc reports, so the bound holds. */
        }
        pthread_attr_destroy(&attr);
    }
    if (!limit || limit > here) limit = here - (1 << 20); /* unknown: assume 1 MiB + margin */
    s->c_stack_limit = limit;
}

int wfv_check_c_stack(wfv_vmstate *s) {
    if (WF_UNLIKELY(!s->c_stack_limit)) compute_stack_limit(s);
    if (WF_UNLIKELY(C_STACK_HERE() < s->c_stack_limit)) {
        wf_err_format(&wf_exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

/* --- helpers ------------------------------------------------------------------------- */

static wf_object *id___annotations__, *id___build_class__, *id_displayhook, *id_value,
    *id___aenter__, *id___aexit__, *id___enter__, *id___exit__, *id___aiter__, *id___anext__,
    *id_send, *id_split, *id_empty, *id___match_args__, *id_keys, *id_get;
static pthread_once_t ids_once = PTHREAD_ONCE_INIT;
static _Atomic int ids_ready; /* 1 (release) once every id_* above is set */
static void ids_init(void) {
    id___annotations__ = wf_str_intern_cstr("__annotations__");
    id___build_class__ = wf_str_intern_cstr("__build_class__");
    id_displayhook = wf_str_intern_cstr("displayhook");
    id_value = wf_str_intern_cstr("value");
    id___aenter__ = wf_str_intern_cstr("__aenter__");
    id___aexit__ = wf_str_intern_cstr("__aexit__");
    id___enter__ = wf_str_intern_cstr("__enter__");
    id___exit__ = wf_str_intern_cstr("__exit__");
    id___aiter__ = wf_str_intern_cstr("__aiter__");
    id___anext__ = wf_str_intern_cstr("__anext__");
    id_send = wf_str_intern_cstr("send");
    id_split = wf_str_intern_cstr("split");
    id_empty = wf_str_intern_cstr("");
    id___match_args__ = wf_str_intern_cstr("__match_args__");
    id_keys = wf_str_intern_cstr("keys");
    id_get = wf_str_intern_cstr("get");
    atomic_store_explicit(&ids_ready, 1, memory_order_release);
}

/* Look name up along type's MRO: a new reference or NULL (no exception). */
WF_INLINE wf_object *type_lookup_ref(wf_type *type, wf_object *name) {
    return wfo_type_lookup_ref(type, name); /* runtime/objects/typecache.c */
}

/* The high word of an inline cache entry (LOAD_ATTR): no type attribute,
 * a type attribute that the instance dict shadows, else a slot offset
 * (always larger: a slot lies after the object header). */
#define ATTR_ABSENT 0u
#define ATTR_SHADOWABLE 1u

/* Fill LOAD_ATTR's / STORE_ATTR's inline cache for name on type tp under
 * tag ver (the encoding is described at LOAD_ATTR): no type attribute, a
 * shadowable one, or a __slots__ member; anything else leaves the cache as
 * it is.  Returns the word it stored, or 0, so that the caller can take
 * the cached path right away (a site that sees several classes misses
 * often; without this each miss looked the name up on the type twice).
 *
 * Shadowable: the attribute is not a data descriptor, so the instance dict
 * comes first for loads and takes every store -- a class-level default
 * (dataclass fields with defaults), a method.  Only when the attribute's
 * type is static: a static type never gains a __set__, while a class
 * could get one later without changing tp's tag. */
static WF_NOINLINE uint64_t attr_cache_fill(wfv_inline_cache *c, wf_type *tp, wf_object *name,
                                            uint32_t ver) {
    wf_object *d = type_lookup_ref(tp, name);
    if (!d) {
        atomic_store_explicit(&c->tag, ver, memory_order_relaxed);
        return ver;
    }
    uint64_t w = 0;
    size_t off = wfo_member_descr_slot_offset(d, tp);
    wf_type *dt = WF_TYPE(d);
    if (off && off <= UINT32_MAX) {
        w = (uint64_t)ver | ((uint64_t)off << 32);
    } else if (!wf_type_has_flag(dt, WF_TPFLAGS_HEAPTYPE) && dt->tp_descr_set == NULL) {
        w = (uint64_t)ver | ((uint64_t)ATTR_SHADOWABLE << 32);
    }
    if (w) atomic_store_explicit(&c->tag, w, memory_order_relaxed);
    wf_decref(d);
    return w;
}

/* LOAD_ATTR's work: owner.name as a new reference, or NULL with an
 * exception.  owner is borrowed (the stack's or a local's reference) and
 * stays alive across the call; lasti is the LOAD_ATTR instruction (its
 * inline cache).
 *
 * The inline cache is one atomic word (so two threads filling it never
 * tear it): the low 32 bits a type version tag, the high 32 bits
 * ATTR_ABSENT = under that tag the type (MRO) has no attribute of this
 * name, so only the instance dict can hold it; ATTR_SHADOWABLE = it has
 * one that is not a data descriptor and whose type is static, so the
 * instance dict is looked at first (attr_cache_fill); or the offset of the
 * __slots__ slot that the name's member descriptor reads (a data
 * descriptor: it wins over the dict).  An instance dict without the name
 * leaves the rest to the generic lookup.  Tags are globally unique, so the
 * tag says both "which type" and "which state"; no pointer is cached. */
WF_INLINE wf_object *load_attr(wfv_code *co, int lasti, wf_object *owner, wf_object *name) {
    wf_type *tp = WF_TYPE(owner);
    if (tp->tp_getattro == wf_object_generic_getattr) {
        uint32_t ver = atomic_load_explicit(&tp->tp_version_tag, memory_order_acquire);
        wfv_inline_cache *c = &co->co_caches[co->co_cache_slot[lasti]];
        uint64_t cw = atomic_load_explicit(&c->tag, memory_order_relaxed);
        if (WF_UNLIKELY((uint32_t)cw != ver) && ver) cw = attr_cache_fill(c, tp, name, ver);
        if (ver && (uint32_t)cw == ver) {
            uint32_t kind = (uint32_t)(cw >> 32);
            if (kind > ATTR_SHADOWABLE) {
                size_t off = (size_t)kind;
                wf_object *v = wfo_slot_load_fast((wf_object *_Atomic *)((char *)owner + off));
                if (WF_UNLIKELY(v == NULL)) v = wfo_slot_get(owner, off, name);
                return v;
            }
            /* The site's value word guesses the entry index of name in
             * the instance dict (dict.c checks it). */
            wf_object *v;
            int r = wfo_instance_dict_get_ref_ex(owner, name, &v, &c->value);
            if (r < 0) return NULL;
            if (r > 0) return v;
        }
    }
    return wf_object_getattr(owner, name);
}

/* STORE_ATTR's work: owner.name = v.  Returns 0 having consumed the
 * caller's reference to v, or -1 with an exception, v untouched.  owner is
 * borrowed; lasti is the STORE_ATTR instruction.  Same cache as LOAD_ATTR:
 * ATTR_ABSENT and ATTR_SHADOWABLE both mean no data descriptor, so an
 * existing instance dict takes the value. */
WF_INLINE int store_attr(wfv_code *co, int lasti, wf_object *owner, wf_object *name, wf_object *v) {
    wf_type *tp = WF_TYPE(owner);
    if (tp->tp_setattro == wf_object_generic_setattr) {
        uint32_t ver = atomic_load_explicit(&tp->tp_version_tag, memory_order_acquire);
        wfv_inline_cache *c = &co->co_caches[co->co_cache_slot[lasti]];
        uint64_t cw = atomic_load_explicit(&c->tag, memory_order_relaxed);
        if (WF_UNLIKELY((uint32_t)cw != ver) && ver) cw = attr_cache_fill(c, tp, name, ver);
        if (ver && (uint32_t)cw == ver && (cw >> 32) > ATTR_SHADOWABLE) {
            /* A __slots__ slot: it takes the reference to v. */
            wf_object *old = wfo_slot_exchange(owner, (wf_object *_Atomic *)((char *)owner + (cw >> 32)), v);
            wf_xdecref(old);
            return 0;
        }
        if (ver && (uint32_t)cw == ver) {
            /* No type attribute, or one that is no data descriptor: an
             * existing instance dict takes the value. */
            wf_object **dp = wf_object_dictptr(owner);
            wf_object *d = dp ? wfo_instance_dict_ref(owner, dp) : NULL;
            if (d) {
                int r = wf_dict_set_item(d, name, v);
                wf_decref(d);
                if (r < 0) return -1;
                wf_decref(v);
                return 0;
            }
        }
    }
    if (wf_object_setattr(owner, name, v) < 0) return -1;
    wf_decref(v);
    return 0;
}

/* type(o).name bound to o (special method lookup); NULL without exception
 * when missing. */
static wf_object *lookup_special(wf_object *o, wf_object *name) {
    wf_object *d = type_lookup_ref(WF_TYPE(o), name);
    if (!d) return NULL;
    wf_descrgetfunc get = WF_TYPE(d)->tp_descr_get;
    if (!get) return d;
    wf_object *r = get(d, o, (wf_object *)WF_TYPE(o));
    wf_decref(d);
    return r;
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH: look both methods up on the manager's
 * type, then call the enter method.  Returns its result and the exit
 * method in *exit_out (both new references), or NULL with CPython's
 * TypeError ("... does not support the <protocol> protocol"). */
static wf_object *enter_context(wf_object *mgr, wf_object *enter_name, wf_object *exit_name,
                                const char *protocol, const char *exit_dunder,
                                wf_object **exit_out) {
    wf_object *enter = lookup_special(mgr, enter_name);
    if (!enter) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "'%.200s' object does not support the %s protocol",
                          wf_type_name(WF_TYPE(mgr)), protocol);
        return NULL;
    }
    wf_object *exit = lookup_special(mgr, exit_name);
    if (!exit) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError,
                          "'%.200s' object does not support the %s protocol (missed %s method)",
                          wf_type_name(WF_TYPE(mgr)), protocol, exit_dunder);
        wf_decref(enter);
        return NULL;
    }
    wf_object *r = wf_object_call_noargs(enter);
    wf_decref(enter);
    if (!r) {
        wf_decref(exit);
        return NULL;
    }
    *exit_out = exit;
    return r;
}

static void set_context(wfv_vmstate *s, wf_object *exc) {
    if (s->exc_handled && s->exc_handled != exc && WF_EXC_CHECK(s->exc_handled))
        wf_exc_set_context_chained(exc, s->exc_handled);
}

/* Raise exc (borrowed) from the loop: chain the handled exception as
 * CPython's _PyErr_SetObject does (always, replacing an older context). */
static void raise_exc(wfv_vmstate *s, wf_object *exc) {
    set_context(s, exc);
    wf_incref(exc);
    wf_err_restore(exc);
}

static void format_unbound(wfv_code *co, int i) {
    wf_object *name = WF_TUPLE_ITEM(co->co_localsplusnames, i);
    if (co->co_localspluskinds[i] & WFC_LP_FREE)
        wf_err_format(&wf_exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value"
                      " in enclosing scope",
                      name);
    else
        wf_err_format(&wf_exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      name);
}

static void name_error(wf_object *name) {
    wf_err_format(&wf_exc_NameError, "name '%U' is not defined", name);
    wf_object *exc = wf_err_peek();
    if (exc && wf_type_is_subtype(WF_TYPE(exc), &wf_exc_NameError)) {
        /* NameError.name (used by the traceback printer's suggestions) */
        wf_object *saved = wf_err_fetch();
        if (wf_object_setattr_string(saved, "name", name) < 0) wf_err_clear();
        wf_err_restore(saved);
    }
}

/* Mapping lookup for LOAD_NAME-style accesses: 1 found, 0 missing, -1. */
static int mapping_get(wf_object *m, wf_object *key, wf_object **out) {
    if (WF_DICT_CHECK_EXACT(m)) return wf_dict_get_item_ref(m, key, out);
    wf_object *v = wf_object_get_item(m, key);
    if (v) {
        *out = v;
        return 1;
    }
    if (wf_err_matches((wf_object *)&wf_exc_KeyError)) {
        wf_err_clear();
        return 0;
    }
    return -1;
}

/* Globals then builtins. 1 found, 0 missing, -1 error. */
static int load_global(wf_object *globals, wf_object *builtins, wf_object *name, wf_object **out) {
    int r = wf_dict_get_item_ref(globals, name, out);
    if (r != 0) return r;
    if (WF_DICT_CHECK_EXACT(builtins)) return wf_dict_get_item_ref(builtins, name, out);
    return mapping_get(builtins, name, out);
}

/* "f()" / "mod.f()" as CPython's _PyObject_FunctionStr. */
static wf_object *function_str(wf_object *func) {
    wf_object *qualname = NULL, *module = NULL, *r = NULL;
    if (wf_object_lookup_attr(func, WFO_ID(__qualname__), &qualname) <= 0) {
        wf_err_clear();
        return wf_object_str(func);
    }
    if (wf_object_lookup_attr(func, WFO_ID(__module__), &module) < 0) wf_err_clear();
    if (module && WF_STR_CHECK(module) && !wf_str_eq_cstr(module, "builtins"))
        r = wf_str_from_format("%U.%U()", module, qualname);
    else
        r = wf_str_from_format("%S()", qualname);
    wf_xdecref(module);
    wf_decref(qualname);
    return r;
}

static int is_mapping_like(wf_object *o) {
    if (WF_DICT_CHECK(o)) return 1;
    wf_object *k = NULL;
    int r = wf_object_lookup_attr(o, id_keys, &k);
    if (r < 0) wf_err_clear();
    wf_xdecref(k);
    return r > 0;
}

/* DICT_MERGE: merge `update` into dict, duplicate keys are errors. */
static int dict_merge_call(wf_object *func, wf_object *dict, wf_object *update) {
    if (!is_mapping_like(update)) {
        wf_object *fs = function_str(func);
        if (fs) {
            wf_err_format(&wf_exc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                          fs, wf_type_name(WF_TYPE(update)));
            wf_decref(fs);
        }
        return -1;
    }
    wf_object *keys = WF_DICT_CHECK(update) ? wf_dict_keys(update) : NULL;
    if (!keys) {
        if (wf_err_occurred()) return -1;
        wf_object *k = wf_object_call_method(update, "keys", NULL, 0);
        if (!k) return -1;
        keys = wf_sequence_list(k);
        wf_decref(k);
        if (!keys) return -1;
    }
    wf_ssize_t n = wf_list_size(keys);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *k = wf_list_get_item(keys, i);
        if (!k) goto fail;
        int c = wf_dict_contains(dict, k);
        if (c != 0) {
            if (c > 0) {
                wf_object *fs = function_str(func);
                if (fs) {
                    if (WF_STR_CHECK(k))
                        wf_err_format(&wf_exc_TypeError,
                                      "%U got multiple values for keyword argument '%S'", fs, k);
                    else
                        wf_err_format(&wf_exc_TypeError, "%U keywords must be strings", fs);
                    wf_decref(fs);
                }
            }
            wf_decref(k);
            goto fail;
        }
        wf_object *v = wf_object_get_item(update, k);
        int rc = v ? wf_dict_set_item(dict, k, v) : -1;
        wf_xdecref(v);
        wf_decref(k);
        if (rc < 0) goto fail;
    }
    wf_decref(keys);
    return 0;
fail:
    wf_decref(keys);
    return -1;
}

/* Push the items of iterable v onto sp so that the first is on top: argcnt
 * of them, or (argcntafter >= 0) argcnt, a list of the middle ones and
 * argcntafter more (UNPACK_EX).  Returns the new sp, or NULL with an
 * exception and nothing pushed. */
static wf_object **unpack_iterable(wf_object *v, int argcnt, int argcntafter, wf_object **sp) {
    wf_object *it = NULL;
    if (!WF_TYPE(v)->tp_iter && !(WF_TYPE(v)->tp_as_sequence && WF_TYPE(v)->tp_as_sequence->sq_item)) {
        wf_err_format(&wf_exc_TypeError, "cannot unpack non-iterable %.200s object",
                      wf_type_name(WF_TYPE(v)));
        return NULL;
    }
    it = wf_object_get_iter(v);
    if (!it) return NULL;
    /* Items go to sp[argcnt + rest-1 ...]: fill top-down so the first item
     * ends up on top. */
    int total = argcnt + (argcntafter >= 0 ? 1 + argcntafter : 0);
    wf_object **top = sp + total;
    for (int i = 0; i < argcnt; i++) {
        wf_object *w = wf_iter_next(it);
        if (!w) {
            if (!wf_err_occurred()) {
                if (argcntafter < 0)
                    wf_err_format(&wf_exc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    wf_err_format(&wf_exc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
            }
            goto error;
        }
        *--top = w;
    }
    if (argcntafter < 0) {
        wf_object *w = wf_iter_next(it);
        if (!w) {
            if (wf_err_occurred()) goto error;
            wf_decref(it);
            return sp + total;
        }
        wf_decref(w);
        wf_err_format(&wf_exc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    wf_object *l = wf_sequence_list(it);
    if (!l) goto error;
    *--top = l;
    wf_ssize_t ll = wf_list_size(l);
    if (ll < argcntafter) {
        wf_err_format(&wf_exc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, (wf_ssize_t)argcnt + ll);
        goto error;
    }
    for (int j = argcntafter; j > 0; j--) {
        wf_object *item = wf_list_get_item(l, ll - j);
        if (!item) goto error;
        *--top = item;
    }
    if (argcntafter > 0 && wfo_list_ass_slice(l, ll - argcntafter, ll, 1, NULL) < 0) goto error;
    wf_decref(it);
    return sp + total;
error:
    /* release what was stored (from sp+total-1 down to top) */
    for (wf_object **p = sp + total - 1; p >= top; p--) wf_decref(*p);
    wf_decref(it);
    return NULL;
}

/* raise exc [from cause]: 1 = reraise (no new traceback entry), 0 = new
 * exception set, -1 = error set. Both arguments are borrowed. */
static int do_raise(wfv_vmstate *s, wf_object *exc, wf_object *cause) {
    wf_object *value = NULL;
    if (!exc) {
        wf_object *h = s->exc_handled;
        if (!h || h == wf_None) {
            wf_err_format(&wf_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        wf_incref(h);
        wf_err_restore(h);
        return 1;
    }
    if (WF_EXC_TYPE_CHECK(exc)) {
        value = wf_object_call_noargs(exc);
        if (!value) return -1;
        if (!WF_EXC_CHECK(value)) {
            wf_err_format(&wf_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          exc, (wf_object *)WF_TYPE(value));
            wf_decref(value);
            return -1;
        }
    } else if (WF_EXC_CHECK(exc)) {
        value = wf_newref(exc);
    } else {
        wf_err_format(&wf_exc_TypeError, "exceptions must derive from BaseException");
        return -1;
    }
    if (cause) {
        wf_object *fixed;
        if (WF_EXC_TYPE_CHECK(cause)) {
            fixed = wf_object_call_noargs(cause);
            if (!fixed) goto fail;
            if (!WF_EXC_CHECK(fixed)) {
                wf_err_format(&wf_exc_TypeError,
                              "calling %R should have returned an instance of BaseException, not %R",
                              cause, (wf_object *)WF_TYPE(fixed));
                wf_decref(fixed);
                goto fail;
            }
        } else if (WF_EXC_CHECK(cause)) {
            fixed = wf_newref(cause);
        } else if (cause == wf_None) {
            fixed = NULL;
        } else {
            wf_err_format(&wf_exc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        wf_exc_set_cause(value, fixed ? fixed : wf_None);
        wf_xdecref(fixed);
    }
    raise_exc(s, value);
    wf_decref(value);
    return 0;
fail:
    wf_decref(value);
    return -1;
}

static int check_except_type_valid(wf_object *right) {
    if (WF_TUPLE_CHECK(right)) {
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(right); i++)
            if (!WF_EXC_TYPE_CHECK(WF_TUPLE_ITEM(right, i))) goto bad;
        return 0;
    }
    if (WF_EXC_TYPE_CHECK(right)) return 0;
bad:
    wf_err_format(&wf_exc_TypeError,
                  "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static int check_except_star_type_valid(wf_object *right) {
    if (check_except_type_valid(right) < 0) return -1;
    int n = WF_TUPLE_CHECK(right) ? (int)WF_TUPLE_SIZE(right) : 1;
    for (int i = 0; i < n; i++) {
        wf_object *t = WF_TUPLE_CHECK(right) ? WF_TUPLE_ITEM(right, i) : right;
        if (wf_type_is_subtype((wf_type *)t, &wf_exc_BaseExceptionGroup)) {
            wf_err_format(&wf_exc_TypeError,
                          "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

static wf_object *exc_traceback(wf_object *exc) {
    wf_object *tb = ((wf_base_exception *)exc)->traceback;
    return tb ? tb : wf_None;
}

/* except* matching: *match and *rest new references (None when empty). */
static int exception_group_match(wf_object *exc, wf_object *type, wf_object **match,
                                 wf_object **rest) {
    if (exc == wf_None) {
        *match = wf_None;
        *rest = wf_None;
        return 0;
    }
    if (wf_err_given_matches(exc, type)) {
        if (wf_type_is_subtype(WF_TYPE(exc), &wf_exc_BaseExceptionGroup)) {
            *match = wf_newref(exc);
        } else {
            wf_object *excs = wf_tuple_pack(1, exc);
            if (!excs) return -1;
            wf_object *w = wf_object_call_objs((wf_object *)&wf_exc_BaseExceptionGroup, id_empty,
                                               excs, NULL);
            wf_decref(excs);
            if (!w) return -1;
            wf_object *tb = exc_traceback(exc);
            if (wf_object_setattr_string(w, "__traceback__", tb) < 0) {
                wf_decref(w);
                return -1;
            }
            *match = w;
        }
        *rest = wf_None;
        return 0;
    }
    if (wf_type_is_subtype(WF_TYPE(exc), &wf_exc_BaseExceptionGroup)) {
        wf_object *pair = wf_object_call_method(exc, "split", &type, 1);
        if (!pair) return -1;
        if (!WF_TUPLE_CHECK(pair) || WF_TUPLE_SIZE(pair) != 2) {
            wf_err_format(&wf_exc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                          wf_type_name(WF_TYPE(exc)), wf_type_name(WF_TYPE(pair)));
            wf_decref(pair);
            return -1;
        }
        *match = wf_newref(WF_TUPLE_ITEM(pair, 0));
        *rest = wf_newref(WF_TUPLE_ITEM(pair, 1));
        wf_decref(pair);
        return 0;
    }
    *match = wf_None;
    *rest = wf_None;
    return 0;
}

/* PREP_RERAISE_STAR support ------------------------------------------------- */

static int is_same_exception_metadata(wf_object *a, wf_object *b) {
    wf_base_exception *x = (wf_base_exception *)a, *y = (wf_base_exception *)b;
    return x->notes == y->notes && exc_traceback(a) == exc_traceback(b) &&
           x->cause == y->cause && x->context == y->context;
}

static int collect_leaves(wf_object *e, wf_object *list) {
    if (e == wf_None) return 0;
    if (!wf_type_is_subtype(WF_TYPE(e), &wf_exc_BaseExceptionGroup)) return wf_list_append(list, e);
    wf_object *excs = wf_object_getattr_string(e, "exceptions");
    if (!excs) return -1;
    int rc = 0;
    if (WF_TUPLE_CHECK(excs))
        for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(excs) && rc == 0; i++)
            rc = collect_leaves(WF_TUPLE_ITEM(excs, i), list);
    wf_decref(excs);
    return rc;
}

static wf_object *leaf_in_list(wf_object *list, wf_object *leaf) {
    wf_ssize_t n = wf_list_size(list);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *x = wf_list_get_item(list, i);
        if (!x) return NULL;
        wf_decref(x);
        if (x == leaf) return wf_newref(wf_True);
    }
    return wf_newref(wf_False);
}
static wf_method_def leaf_in_list_def = {"_leaf_in", (void *)leaf_in_list, WF_METH_O, NULL};

static wf_object *prep_reraise_star(wf_object *orig, wf_object *excs) {
    wf_ssize_t n = wf_list_size(excs);
    if (n == 0) return wf_newref(wf_None);
    if (!wf_type_is_subtype(WF_TYPE(orig), &wf_exc_BaseExceptionGroup)) {
        /* a naked exception was wrapped: at most one clause ran */
        for (wf_ssize_t i = 0; i < n; i++) {
            wf_object *e = wf_list_get_item(excs, i);
            if (!e) return NULL;
            if (e != wf_None) return e;
            wf_decref(e);
        }
        return wf_newref(wf_None);
    }
    wf_object *raised = wf_list_new(0), *reraised = wf_list_new(0), *result = NULL,
              *leaves = NULL, *pred = NULL, *reraised_eg = NULL;
    if (!raised || !reraised) goto done;
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *e = wf_list_get_item(excs, i);
        if (!e) goto done;
        int rc = 0;
        if (e != wf_None)
            rc = wf_list_append(is_same_exception_metadata(e, orig) ? reraised : raised, e);
        wf_decref(e);
        if (rc < 0) goto done;
    }
    /* project orig on the re-raised leaves */
    if (wf_list_size(reraised) == 0) {
        reraised_eg = wf_newref(wf_None);
    } else {
        leaves = wf_list_new(0);
        if (!leaves) goto done;
        for (wf_ssize_t i = 0; i < wf_list_size(reraised); i++) {
            wf_object *e = wf_list_get_item(reraised, i);
            int rc = e ? collect_leaves(e, leaves) : -1;
            wf_xdecref(e);
            if (rc < 0) goto done;
        }
        pred = wf_cfunction_new(&leaf_in_list_def, leaves, NULL);
        if (!pred) goto done;
        wf_object *pair = wf_object_call_method(orig, "split", &pred, 1);
        if (!pair) goto done;
        reraised_eg = wf_newref(WF_TUPLE_ITEM(pair, 0));
        wf_decref(pair);
    }
    if (wf_list_size(raised) == 0) {
        result = wf_newref(reraised_eg);
    } else {
        if (reraised_eg != wf_None && wf_list_append(raised, reraised_eg) < 0) goto done;
        if (wf_list_size(raised) > 1) {
            /* CPython passes the list itself: it shows in the group's args/repr */
            result = wf_object_call_objs((wf_object *)&wf_exc_BaseExceptionGroup, id_empty, raised, NULL);
        } else {
            result = wf_list_get_item(raised, 0);
        }
    }
done:
    wf_xdecref(raised);
    wf_xdecref(reraised);
    wf_xdecref(leaves);
    wf_xdecref(pred);
    wf_xdecref(reraised_eg);
    return result;
}

/* --- pattern matching helpers ---------------------------------------------------------- */

/* isinstance(o, _collections_abc.<abc_name>) when that module is loaded
 * (it is whenever a program defines or registers its own sequence or
 * mapping types through collections.abc): CPython's Py_TPFLAGS_SEQUENCE /
 * MAPPING are set exactly for the classes this answers yes for, apart from
 * the str/bytes/bytearray/dict exclusions the callers apply first.
 * 1, 0, or -1 with an exception. */
static int abc_isinstance(wf_object *o, const char *abc_name) {
    wf_object *mods = wfv_interp_state.modules, *mod = NULL;
    if (!mods || !WF_DICT_CHECK(mods)) return 0;
    int r = wf_dict_get_item_string_ref(mods, "_collections_abc", &mod);
    if (r <= 0) return r;
    wf_object *cls = wf_object_getattr_string(mod, abc_name);
    wf_decref(mod);
    if (!cls) {
        wf_err_clear();
        return 0;
    }
    r = wf_object_is_instance(o, cls);
    wf_decref(cls);
    return r;
}

/* MATCH_SEQUENCE / MATCH_MAPPING: 1, 0, or -1 with an exception. */
static int is_sequence_for_match(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (WF_STR_CHECK(o) || WF_BYTES_CHECK(o) || wf_type_is_subtype(t, &wf_bytearray_type)) return 0;
    if (WF_LIST_CHECK(o) || WF_TUPLE_CHECK(o) || t == &wf_range_type) return 1;
    if (WF_DICT_CHECK(o)) return 0;
    return abc_isinstance(o, "Sequence");
}

static int is_mapping_for_match(wf_object *o) {
    wf_type *t = WF_TYPE(o);
    if (WF_DICT_CHECK(o)) return 1;
    if (WF_STR_CHECK(o) || WF_BYTES_CHECK(o) || WF_LIST_CHECK(o) || WF_TUPLE_CHECK(o) ||
        t == &wf_range_type)
        return 0;
    return abc_isinstance(o, "Mapping");
}

/* MATCH_KEYS: a tuple of the values for keys, or None if one is missing. */
static wf_object *match_keys(wf_object *map, wf_object *keys) {
    wf_ssize_t nkeys = WF_TUPLE_SIZE(keys);
    if (nkeys == 0) return wf_tuple_new(0);
    wf_object *get = wf_object_getattr(map, id_get);
    if (!get) return NULL;
    wf_object *seen = wf_set_new(NULL);
    wf_object *dummy = wf_object_call_noargs((wf_object *)&wf_object_type);
    wf_object *values = wf_tuple_new(nkeys);
    if (!seen || !dummy || !values) goto fail;
    for (wf_ssize_t i = 0; i < nkeys; i++) {
        wf_object *k = WF_TUPLE_ITEM(keys, i);
        int c = wf_set_contains(seen, k);
        if (c < 0) goto fail;
        if (c) {
            wf_err_format(&wf_exc_ValueError, "mapping pattern checks duplicate key (%R)", k);
            goto fail;
        }
        if (wf_set_add(seen, k) < 0) goto fail;
        wf_object *v = wf_object_call_objs(get, k, dummy, NULL);
        if (!v) goto fail;
        if (v == dummy) {
            wf_decref(v);
            wf_decref(values);
            values = wf_newref(wf_None);
            break;
        }
        WF_TUPLE_ITEM(values, i) = v;
    }
    wf_decref(get);
    wf_decref(seen);
    wf_decref(dummy);
    return values;
fail:
    wf_decref(get);
    wf_xdecref(seen);
    wf_xdecref(dummy);
    wf_xdecref(values);
    return NULL;
}

static wf_object *match_class_attr(wf_object *subject, wf_object *type, wf_object *name,
                                   wf_object *seen) {
    int c = wf_set_contains(seen, name);
    if (c < 0) return NULL;
    if (c) {
        wf_err_format(&wf_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                      wf_type_name((wf_type *)type), name);
        return NULL;
    }
    if (wf_set_add(seen, name) < 0) return NULL;
    wf_object *attr;
    int r = wf_object_lookup_attr(subject, name, &attr);
    if (r < 0) return NULL;
    if (r == 0) return wf_None; /* borrowed marker: missing */
    return attr;
}

/* MATCH_CLASS: tuple of attributes, or None (no match). */
static wf_object *match_class(wf_object *subject, wf_object *type, int nargs, wf_object *kwargs) {
    if (!WF_TYPE_CHECK(type)) {
        wf_err_format(&wf_exc_TypeError, "called match pattern must be a class");
        return NULL;
    }
    int inst = wf_object_is_instance(subject, type);
    if (inst < 0) return NULL;
    if (!inst) return wf_newref(wf_None);
    wf_object *seen = wf_set_new(NULL);
    wf_object *attrs = wf_list_new(0);
    wf_object *match_args = NULL;
    if (!seen || !attrs) goto fail;
    if (nargs) {
        int match_self = 0;
        int r = wf_object_lookup_attr(type, id___match_args__, &match_args);
        if (r < 0) goto fail;
        if (r) {
            if (!WF_TUPLE_CHECK_EXACT(match_args)) {
                wf_err_format(&wf_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                              wf_type_name((wf_type *)type), wf_type_name(WF_TYPE(match_args)));
                goto fail;
            }
        } else {
            wf_type *t = (wf_type *)type;
            match_self = wf_type_has_flag(t, WF_TPFLAGS_LONG_SUBCLASS | WF_TPFLAGS_FLOAT_SUBCLASS |
                                                 WF_TPFLAGS_UNICODE_SUBCLASS |
                                                 WF_TPFLAGS_BYTES_SUBCLASS | WF_TPFLAGS_LIST_SUBCLASS |
                                                 WF_TPFLAGS_TUPLE_SUBCLASS | WF_TPFLAGS_DICT_SUBCLASS) ||
                         wf_type_is_subtype(t, &wf_bool_type) ||
                         wf_type_is_subtype(t, &wf_bytearray_type) ||
                         wf_type_is_subtype(t, &wf_set_type) ||
                         wf_type_is_subtype(t, &wf_frozenset_type);
            match_args = wf_tuple_new(0);
            if (!match_args) goto fail;
        }
        wf_ssize_t allowed = match_self ? 1 : WF_TUPLE_SIZE(match_args);
        if (allowed < nargs) {
            wf_err_format(&wf_exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                          wf_type_name((wf_type *)type), allowed, allowed == 1 ? "" : "s", nargs);
            goto fail;
        }
        if (match_self) {
            if (wf_list_append(attrs, subject) < 0) goto fail;
        } else {
            for (int i = 0; i < nargs; i++) {
                wf_object *name = WF_TUPLE_ITEM(match_args, i);
                if (!WF_STR_CHECK(name)) {
                    wf_err_format(&wf_exc_TypeError,
                                  "__match_args__ elements must be strings (got %s)",
                                  wf_type_name(WF_TYPE(name)));
                    goto fail;
                }
                wf_object *a = match_class_attr(subject, type, name, seen);
                if (!a) goto fail;
                if (a == wf_None) goto nomatch;
                int rc = wf_list_append(attrs, a);
                wf_decref(a);
                if (rc < 0) goto fail;
            }
        }
    }
    for (wf_ssize_t i = 0; i < WF_TUPLE_SIZE(kwargs); i++) {
        wf_object *a = match_class_attr(subject, type, WF_TUPLE_ITEM(kwargs, i), seen);
        if (!a) goto fail;
        if (a == wf_None) goto nomatch;
        int rc = wf_list_append(attrs, a);
        wf_decref(a);
        if (rc < 0) goto fail;
    }
    wf_xdecref(match_args);
    wf_decref(seen);
    {
        wf_object *t = wf_list_as_tuple(attrs);
        wf_decref(attrs);
        return t;
    }
nomatch:
    wf_xdecref(match_args);
    wf_decref(seen);
    wf_decref(attrs);
    return wf_newref(wf_None);
fail:
    wf_xdecref(match_args);
    wf_xdecref(seen);
    wf_xdecref(attrs);
    return NULL;
}

/* --- awaitables / async iteration --------------------------------------------------- */

static wf_object *get_aiter(wf_object *obj) {
    wf_object *m = lookup_special(obj, id___aiter__);
    if (!m) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                          wf_type_name(WF_TYPE(obj)));
        return NULL;
    }
    wf_object *it = wf_object_call_noargs(m);
    wf_decref(m);
    if (!it) return NULL;
    wf_object *an = type_lookup_ref(WF_TYPE(it), id___anext__);
    if (!an) {
        wf_err_format(&wf_exc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                      wf_type_name(WF_TYPE(it)));
        wf_decref(it);
        return NULL;
    }
    wf_decref(an);
    return it;
}

static wf_object *get_anext(wf_object *aiter) {
    wf_object *m = lookup_special(aiter, id___anext__);
    if (!m) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError,
                          "'async for' requires an iterator with __anext__ method, got %.100s",
                          wf_type_name(WF_TYPE(aiter)));
        return NULL;
    }
    wf_object *next = wf_object_call_noargs(m);
    wf_decref(m);
    if (!next) return NULL;
    wf_object *aw = wfv_get_awaitable_iter(next);
    if (!aw) {
        if (wf_err_matches((wf_object *)&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                          wf_type_name(WF_TYPE(next)));
        }
    }
    wf_decref(next);
    return aw;
}

/* --- the binary operator table ------------------------------------------------------- */

static wf_object *power2(wf_object *a, wf_object *b) { return wf_number_power(a, b, wf_None); }
static wf_object *ipower2(wf_object *a, wf_object *b) { return wf_number_inplace_power(a, b, wf_None); }

static wf_binaryfunc const binops[26] = {
    [WFC_NB_ADD] = wf_number_add,
    [WFC_NB_AND] = wf_number_and,
    [WFC_NB_FLOOR_DIVIDE] = wf_number_floor_divide,
    [WFC_NB_LSHIFT] = wf_number_lshift,
    [WFC_NB_MATRIX_MULTIPLY] = wf_number_matrix_multiply,
    [WFC_NB_MULTIPLY] = wf_number_multiply,
    [WFC_NB_REMAINDER] = wf_number_remainder,
    [WFC_NB_OR] = wf_number_or,
    [WFC_NB_POWER] = power2,
    [WFC_NB_RSHIFT] = wf_number_rshift,
    [WFC_NB_SUBTRACT] = wf_number_subtract,
    [WFC_NB_TRUE_DIVIDE] = wf_number_true_divide,
    [WFC_NB_XOR] = wf_number_xor,
    [WFC_NB_INPLACE + WFC_NB_ADD] = wf_number_inplace_add,
    [WFC_NB_INPLACE + WFC_NB_AND] = wf_number_inplace_and,
    [WFC_NB_INPLACE + WFC_NB_FLOOR_DIVIDE] = wf_number_inplace_floor_divide,
    [WFC_NB_INPLACE + WFC_NB_LSHIFT] = wf_number_inplace_lshift,
    [WFC_NB_INPLACE + WFC_NB_MATRIX_MULTIPLY] = wf_number_inplace_matrix_multiply,
    [WFC_NB_INPLACE + WFC_NB_MULTIPLY] = wf_number_inplace_multiply,
    [WFC_NB_INPLACE + WFC_NB_REMAINDER] = wf_number_inplace_remainder,
    [WFC_NB_INPLACE + WFC_NB_OR] = wf_number_inplace_or,
    [WFC_NB_INPLACE + WFC_NB_POWER] = ipower2,
    [WFC_NB_INPLACE + WFC_NB_RSHIFT] = wf_number_inplace_rshift,
    [WFC_NB_INPLACE + WFC_NB_SUBTRACT] = wf_number_inplace_subtract,
    [WFC_NB_INPLACE + WFC_NB_TRUE_DIVIDE] = wf_number_inplace_true_divide,
    [WFC_NB_INPLACE + WFC_NB_XOR] = wf_number_inplace_xor,
};

#define IS_SMALL_INT(o) (WF_TYPE(o) == &wf_int_type && ((wf_int *)(o))->ob_ndigits == 0)
#define SMALL_VAL(o) (((wf_int *)(o))->ob_small)
#define IS_EXACT_FLOAT(o) (WF_TYPE(o) == &wf_float_type)
#define FLOAT_VAL(o) (((wf_float *)(o))->ob_fval)

/* Fast int/float arithmetic; NULL without exception = not handled. */
static inline __attribute__((always_inline)) wf_object *binop_fast(int op, wf_object *a, wf_object *b) {
    if (IS_SMALL_INT(a) && IS_SMALL_INT(b)) {
        int64_t x = SMALL_VAL(a), y = SMALL_VAL(b), r;
        switch (op) {
        case WFC_NB_ADD:
        case WFC_NB_INPLACE + WFC_NB_ADD:
            if (__builtin_add_overflow(x, y, &r)) return NULL;
            return wf_int_from_i64(r);
        case WFC_NB_SUBTRACT:
        case WFC_NB_INPLACE + WFC_NB_SUBTRACT:
            if (__builtin_sub_overflow(x, y, &r)) return NULL;
            return wf_int_from_i64(r);
        case WFC_NB_MULTIPLY:
        case WFC_NB_INPLACE + WFC_NB_MULTIPLY:
            if (__builtin_mul_overflow(x, y, &r)) return NULL;
            return wf_int_from_i64(r);
        case WFC_NB_AND:
        case WFC_NB_INPLACE + WFC_NB_AND: return wf_int_from_i64(x & y);
        case WFC_NB_OR:
        case WFC_NB_INPLACE + WFC_NB_OR: return wf_int_from_i64(x | y);
        case WFC_NB_XOR:
        case WFC_NB_INPLACE + WFC_NB_XOR: return wf_int_from_i64(x ^ y);
        case WFC_NB_FLOOR_DIVIDE:
        case WFC_NB_INPLACE + WFC_NB_FLOOR_DIVIDE:
            if (y == 0 || (x == INT64_MIN && y == -1)) return NULL;
            r = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
            return wf_int_from_i64(r);
        case WFC_NB_REMAINDER:
        case WFC_NB_INPLACE + WFC_NB_REMAINDER:
            if (y == 0 || (x == INT64_MIN && y == -1)) return NULL;
            r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) r += y;
            return wf_int_from_i64(r);
        default: return NULL;
        }
    }
    if (IS_EXACT_FLOAT(a) && (IS_EXACT_FLOAT(b) || IS_SMALL_INT(b))) {
        double x = FLOAT_VAL(a);
        double y = IS_EXACT_FLOAT(b) ? FLOAT_VAL(b) : (double)SMALL_VAL(b);
        if (!IS_EXACT_FLOAT(b) && (SMALL_VAL(b) > (1LL << 53) || SMALL_VAL(b) < -(1LL << 53)))
            return NULL;
        switch (op) {
        case WFC_NB_ADD:
        case WFC_NB_INPLACE + WFC_NB_ADD: return wf_float_from_double(x + y);
        case WFC_NB_SUBTRACT:
        case WFC_NB_INPLACE + WFC_NB_SUBTRACT: return wf_float_from_double(x - y);
        case WFC_NB_MULTIPLY:
        case WFC_NB_INPLACE + WFC_NB_MULTIPLY: return wf_float_from_double(x * y);
        case WFC_NB_TRUE_DIVIDE:
        case WFC_NB_INPLACE + WFC_NB_TRUE_DIVIDE:
            if (y == 0.0) return NULL;
            return wf_float_from_double(x / y);
        default: return NULL;
        }
    }
    if (IS_SMALL_INT(a) && IS_EXACT_FLOAT(b)) {
        if (SMALL_VAL(a) > (1LL << 53) || SMALL_VAL(a) < -(1LL << 53)) return NULL;
        double x = (double)SMALL_VAL(a), y = FLOAT_VAL(b);
        switch (op) {
        case WFC_NB_ADD:
        case WFC_NB_INPLACE + WFC_NB_ADD: return wf_float_from_double(x + y);
        case WFC_NB_SUBTRACT:
        case WFC_NB_INPLACE + WFC_NB_SUBTRACT: return wf_float_from_double(x - y);
        case WFC_NB_MULTIPLY:
        case WFC_NB_INPLACE + WFC_NB_MULTIPLY: return wf_float_from_double(x * y);
        case WFC_NB_TRUE_DIVIDE:
        case WFC_NB_INPLACE + WFC_NB_TRUE_DIVIDE:
            if (y == 0.0) return NULL;
            return wf_float_from_double(x / y);
        default: return NULL;
        }
    }
    if (IS_SMALL_INT(a) && IS_SMALL_INT(b) == 0) return NULL;
    return NULL;
}

/* Fast comparisons: -1 = not handled, else 0/1. */
static inline int compare_fast(int op, wf_object *a, wf_object *b) {
    if (IS_SMALL_INT(a) && IS_SMALL_INT(b)) {
        int64_t x = SMALL_VAL(a), y = SMALL_VAL(b);
        switch (op) {
        case WFC_CMP_LT: return x < y;
        case WFC_CMP_LE: return x <= y;
        case WFC_CMP_EQ: return x == y;
        case WFC_CMP_NE: return x != y;
        case WFC_CMP_GT: return x > y;
        case WFC_CMP_GE: return x >= y;
        }
    }
    if (IS_EXACT_FLOAT(a) && IS_EXACT_FLOAT(b)) {
        double x = FLOAT_VAL(a), y = FLOAT_VAL(b);
        switch (op) {
        case WFC_CMP_LT: return x < y;
        case WFC_CMP_LE: return x <= y;
        case WFC_CMP_EQ: return x == y;
        case WFC_CMP_NE: return x != y;
        case WFC_CMP_GT: return x > y;
        case WFC_CMP_GE: return x >= y;
        }
    }
    return -1;
}

/* BINARY_OP's work on borrowed operands: a new reference or NULL with an
 * exception. */
WF_INLINE wf_object *binary_op(int op, wf_object *a, wf_object *b) {
    wf_object *r = binop_fast(op, a, b);
    if (r) return r;
    if (WF_UNLIKELY((unsigned)op >= 26)) {
        wf_err_format(&wf_exc_SystemError, "bad BINARY_OP argument %d", op);
        return NULL;
    }
    return binops[op](a, b);
}

/* COMPARE_OP's work on borrowed operands. */
WF_INLINE wf_object *compare_op(int op, wf_object *a, wf_object *b) {
    int c = compare_fast(op, a, b);
    if (c >= 0) return c ? wf_True : wf_False;
    return wf_object_rich_compare(a, b, op);
}

/* BINARY_SUBSCR's work on borrowed operands: container[sub]. */
WF_INLINE wf_object *binary_subscr(wf_object *container, wf_object *sub) {
    wf_object *r;
    if (IS_SMALL_INT(sub) && WF_LIST_CHECK_EXACT(container)) {
        int64_t i = SMALL_VAL(sub);
        if (i < 0) i += wf_list_size(container);
        r = wf_list_get_item(container, i);
        if (!r) {
            if (wf_err_matches((wf_object *)&wf_exc_IndexError)) {
                wf_err_clear();
                wf_err_format(&wf_exc_IndexError, "list index out of range");
            }
            return NULL;
        }
    } else if (IS_SMALL_INT(sub) && WF_TUPLE_CHECK_EXACT(container) &&
               (uint64_t)SMALL_VAL(sub) < (uint64_t)WF_TUPLE_SIZE(container)) {
        r = wf_newref(WF_TUPLE_ITEM(container, SMALL_VAL(sub)));
    } else {
        r = wf_object_get_item(container, sub);
        if (!r) return NULL;
    }
    /* An item of a container every thread reads (a per-thread one: a
     * module global, say) is read by every thread too. */
    if (WF_UNLIKELY(wf_is_perthread(container))) wf_perthread_note_shared_load(r);
    return r;
}

/* UNPACK_SEQUENCE's work: seq's n items pushed from sp (last item first);
 * returns the new stack top, or NULL with an exception.  seq is borrowed. */
WF_INLINE wf_object **unpack_sequence(wf_object *seq, int n, wf_object **sp) {
    if (WF_TUPLE_CHECK_EXACT(seq) && WF_TUPLE_SIZE(seq) == n) {
        for (int i = n - 1; i >= 0; i--) *sp++ = wf_newref(WF_TUPLE_ITEM(seq, i));
        return sp;
    }
    if (WF_LIST_CHECK_EXACT(seq)) {
        /* One snapshot of the list, also for the error (a racing writer
         * cannot make it mix items of two states). */
        wf_ssize_t m = wfo_list_unpack(seq, n, sp);
        if (m == n) return sp + n;
        if (m > n)
            wf_err_format(&wf_exc_ValueError, "too many values to unpack (expected %d)", n);
        else
            wf_err_format(&wf_exc_ValueError, "not enough values to unpack (expected %d, got %zd)", n, m);
        return NULL;
    }
    return unpack_iterable(seq, n, -1, sp);
}

/* Out-of-line copies for the superinstruction heads: one inlined copy of
 * the fast paths (in BINARY_OP, COMPARE_OP, BINARY_SUBSCR) keeps the
 * dispatch loop small enough that its hot variables stay in registers. */
static WF_NOINLINE wf_object *binary_op_call(int op, wf_object *a, wf_object *b) { return binary_op(op, a, b); }
static WF_NOINLINE wf_object *compare_op_call(int op, wf_object *a, wf_object *b) { return compare_op(op, a, b); }
static WF_NOINLINE wf_object *binary_subscr_call(wf_object *container, wf_object *sub) {
    return binary_subscr(container, sub);
}
static WF_NOINLINE wf_object **unpack_sequence_call(wf_object *seq, int n, wf_object **sp) {
    return unpack_sequence(seq, n, sp);
}

/* LOAD_CONST's reference.  The constants of code compiled from files are
 * immortal (code.c); those of exec/eval/compile() of strings -- the code
 * that dataclasses and namedtuple generate, for instance -- keep ordinary
 * counts, owned by the compiling thread.  Free-threaded: wf_incref's inline
 * cases (immortal, owned, per-thread), and for a constant another thread
 * owns the shared-load hint before the shared increment, so that threads
 * running such code stop contending on its constants once the next
 * conversion pause has made them per-thread (weft/object.h). */
#if WF_FREE_THREADED
static WF_NOINLINE void const_incref_shared(wf_object *v) {
    wf_perthread_note_shared_load(v);
    wf_incref(v);
}
#endif
static inline wf_object *const_ref(wf_object *v) {
#if WF_FREE_THREADED
    uint32_t local = atomic_load_explicit(&v->ob_ref_local, memory_order_relaxed);
    if (local == WF_IMMORTAL_LOCAL) return v;
    uint32_t tid = atomic_load_explicit(&v->ob_tid, memory_order_relaxed);
    if (WF_LIKELY(tid == wft_tls_index))
        atomic_store_explicit(&v->ob_ref_local, local + 1, memory_order_relaxed);
    else if (tid == WF_TID_PERTHREAD)
        wf_perthread_add(v, 1);
    else
        const_incref_shared(v);
    return v;
#else
    return wf_newref(v);
#endif
}

/* Truth value with the common cases inline: 1, 0, -1 on error. */
static inline int truth(wf_object *v) {
    if (v == wf_True) return 1;
    if (v == wf_False || v == wf_None) return 0;
    if (IS_SMALL_INT(v)) return SMALL_VAL(v) != 0;
    return wf_object_is_true(v);
}

/* --- the eval breaker ------------------------------------------------------------------ */

int wfv_handle_signals(void);
void wfv_gc_collect_scheduled(void); /* runtime/vm/gc.h */

static int handle_eval_breaker(wfv_vmstate *s) {
    wft_thread *t = s->thread;
    uintptr_t bits = wft_handle_eval_breaker(t);
    if (bits & WFT_EB_SIGNALS_PENDING) {
        wft_eval_breaker_clear(t, WFT_EB_SIGNALS_PENDING);
        if (wfv_handle_signals() < 0) return -1;
    }
    if (bits & WFT_EB_ASYNC_EXC) {
        /* Nothing raises asynchronous exceptions in another thread yet
         * (weft has no counterpart of PyThreadState_SetAsyncExc): the bit
         * is only cleared. */
        wft_eval_breaker_clear(t, WFT_EB_ASYNC_EXC);
    }
    if (bits & WFT_EB_GC_SCHEDULED) wfv_gc_collect_scheduled(); /* gc: automatic collection */
    if (bits & WFT_EB_PERTHREAD) wfm_perthread_service(); /* per-thread count requests */
    return 0;
}

#define SAFEPOINT_EVERY 256

/* --- the loop ------------------------------------------------------------------------------ */

wf_object *wfv_eval_frame(wfv_vmstate *s, wfv_frame *f, wf_object *sent, int throwflag) {
#define LABEL(name, ak, fl) [WFC_##name] = &&op_##name,
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const labels[256] = {[0 ... 255] = &&op_unknown, WFC_OPCODES(LABEL)};
#pragma GCC diagnostic pop
#undef LABEL
    wf_object *retval = NULL;

    if (WF_UNLIKELY(++s->py_recursion_depth > s->recursion_limit) &&
        (!s->recursion_headroom || s->py_recursion_depth > s->recursion_limit + 50)) {
        s->py_recursion_depth--;
        s->recursion_headroom++;
        wf_err_format(&wf_exc_RecursionError, "maximum recursion depth exceeded");
        s->recursion_headroom--;
        return NULL;
    }
    if (WF_UNLIKELY(C_STACK_HERE() < s->c_stack_limit || !s->c_stack_limit) &&
        wfv_check_c_stack(s) < 0) {
        s->py_recursion_depth--;
        return NULL;
    }
    if (WF_UNLIKELY(!atomic_load_explicit(&ids_ready, memory_order_acquire)))
        pthread_once(&ids_once, ids_init);
    f->f_back = s->current_frame;
    s->current_frame = f;
    f->f_state = WFV_FRAME_EXECUTING;

    wfv_code *const co = f->f_code;
    const uint32_t *const code = co->co_code;
    wf_object **const fast = f->localsplus;
    wf_object **const stack_base = fast + co->co_nlocalsplus;
    wf_object **sp = stack_base + f->f_stacktop;
    wf_object *const *const consts = ((wf_tuple *)co->co_consts)->ob_item;
    wf_object *const *const names = ((wf_tuple *)co->co_names)->ob_item;
    const uint32_t *ip = f->f_ip ? f->f_ip + 1 : code;
    wf_object *kwnames = NULL;
    uint32_t w;
    int oparg;
    f->f_stacktop = 0;

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPTO(t) (ip = code + (t))
#define DISPATCH()                                  \
    do {                                            \
        f->f_ip = ip;                               \
        w = *ip++;                                  \
        oparg = (int)(w >> 8);                      \
        goto *labels[w & 0xFF];                     \
    } while (0)
#define TARGET(name) op_##name:
#define CHECK_BREAKER()                                                             \
    do {                                                                            \
        if (WF_UNLIKELY(++s->eval_ticks >= SAFEPOINT_EVERY)) {                      \
            s->eval_ticks = 0;                                                      \
            if (wft_safepoint(s->thread) && handle_eval_breaker(s) < 0) goto error; \
        } else if (WF_UNLIKELY(wft_eval_breaker_get(s->thread))) {                  \
            if (handle_eval_breaker(s) < 0) goto error;                             \
        }                                                                           \
    } while (0)

    if (throwflag) goto error;
    if (f->f_ip) PUSH(wf_newref(sent ? sent : wf_None));
    DISPATCH();

    TARGET(NOP) { DISPATCH(); }

    TARGET(POP_TOP) {
        wf_object *v = POP();
        wf_xdecref(v); /* may be NULL after PUSH_NULL */
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        wf_object *v = PEEK(oparg);
        PUSH(wf_xnewref(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        wf_object *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        wf_object *v = TOP();
        wf_object *r = wf_number_positive(v);
        if (!r) goto error;
        wf_decref(v);
        SET_TOP(r);
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        wf_object *v = TOP();
        wf_object *r = wf_number_negative(v);
        if (!r) goto error;
        wf_decref(v);
        SET_TOP(r);
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        wf_object *v = TOP();
        int t = truth(v);
        if (t < 0) goto error;
        wf_decref(v);
        SET_TOP(t ? wf_False : wf_True);
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        wf_object *v = TOP();
        wf_object *r = wf_number_invert(v);
        if (!r) goto error;
        wf_decref(v);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        wf_object *b = TOP(), *a = SECOND();
        wf_object *r = binary_op(oparg, a, b);
        if (!r) goto error;
        sp--;
        wf_decref(a);
        wf_decref(b);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        wf_object *sub = TOP(), *container = SECOND();
        wf_object *r = binary_subscr(container, sub);
        if (!r) goto error;
        sp--;
        wf_decref(sub);
        wf_decref(container);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        wf_object *sub = TOP(), *container = SECOND(), *v = PEEK(3);
        if (IS_SMALL_INT(sub) && WF_LIST_CHECK_EXACT(container)) {
            /* The list takes the stack's reference to v. */
            sp -= 3;
            int rc = wfo_list_store_steal(container, (wf_ssize_t)SMALL_VAL(sub), v);
            wf_decref(container);
            wf_decref(sub);
            if (rc < 0) goto error;
            DISPATCH();
        }
        if (wf_object_set_item(container, sub, v) < 0) goto error;
        sp -= 3;
        wf_decref(v);
        wf_decref(container);
        wf_decref(sub);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        wf_object *sub = TOP(), *container = SECOND();
        if (wf_object_del_item(container, sub) < 0) goto error;
        sp -= 2;
        wf_decref(container);
        wf_decref(sub);
        DISPATCH();
    }

    TARGET(GET_ITER) {
        wf_object *v = TOP();
        wf_object *it = wf_object_get_iter(v);
        if (!it) goto error;
        wf_decref(v);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        wf_object *v = TOP();
        if (WF_TYPE(v) == &wfv_coroutine_type) {
            if (!(co->co_flags & (WFC_CO_COROUTINE | WFC_CO_ITERABLE_COROUTINE))) {
                wf_err_format(&wf_exc_TypeError,
                              "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
        } else if (WF_TYPE(v) != &wfv_generator_type) {
            wf_object *it = wf_object_get_iter(v);
            if (!it) goto error;
            wf_decref(v);
            SET_TOP(it);
        }
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        wf_object *v = TOP();
        wf_object *it = wfv_get_awaitable_iter(v);
        if (!it) {
            if (wf_err_matches((wf_object *)&wf_exc_TypeError) && (oparg == 1 || oparg == 2)) {
                wf_type *t = WF_TYPE(v);
                wf_object *aw = type_lookup_ref(t, wf_str_intern_cstr("__await__"));
                if (!aw) {
                    wf_err_clear();
                    wf_err_format(&wf_exc_TypeError,
                                  oparg == 1 ? "'async with' received an object from __aenter__ "
                                               "that does not implement __await__: %.100s"
                                             : "'async with' received an object from __aexit__ "
                                               "that does not implement __await__: %.100s",
                                  wf_type_name(t));
                } else {
                    wf_decref(aw);
                }
            }
            goto error;
        }
        if (wfv_coro_is_awaited(it)) {
            wf_decref(it);
            wf_err_format(&wf_exc_RuntimeError, "coroutine is being awaited already");
            goto error;
        }
        wf_decref(v);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        wf_object *v = TOP();
        wf_object *it = get_aiter(v);
        if (!it) goto error;
        wf_decref(v);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        wf_object *aw = get_anext(TOP());
        if (!aw) goto error;
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        wf_object *exc = TOP();
        if (wf_type_is_subtype(WF_TYPE(exc), &wf_exc_StopAsyncIteration)) {
            sp -= 2;
            wf_decref(exc);
            wf_decref(sp[0]);
            DISPATCH();
        }
        sp--;
        wf_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(BEFORE_WITH) {
        wf_object *exit;
        wf_object *r = enter_context(TOP(), id___enter__, id___exit__, "context manager",
                                     "__exit__", &exit);
        if (!r) goto error;
        wf_decref(TOP());
        SET_TOP(exit);
        PUSH(r);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        wf_object *exit;
        wf_object *r = enter_context(TOP(), id___aenter__, id___aexit__,
                                     "asynchronous context manager", "__aexit__", &exit);
        if (!r) goto error;
        wf_decref(TOP());
        SET_TOP(exit);
        PUSH(r);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        wf_object *exc = TOP(), *exit = PEEK(4);
        wf_object *args[4] = {NULL, (wf_object *)WF_TYPE(exc), exc, exc_traceback(exc)};
        wf_object *r = wf_object_vectorcall(exit, args + 1, 3 | WF_VECTORCALL_ARGS_OFFSET, NULL);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        wf_object *v = TOP();
        wf_object *hook = NULL;
        if (wfv_interp_state.sysdict &&
            wf_dict_get_item_ref(wfv_interp_state.sysdict, id_displayhook, &hook) < 0)
            goto error;
        if (!hook) {
            wf_err_format(&wf_exc_RuntimeError, "lost sys.displayhook");
            goto error;
        }
        wf_object *r = wf_object_call_one(hook, v);
        wf_decref(hook);
        if (!r) goto error;
        wf_decref(r);
        sp--;
        wf_decref(v);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        wf_object *bc = NULL;
        int r = mapping_get(f->f_builtins, id___build_class__, &bc);
        if (r < 0) goto error;
        if (r == 0) {
            wf_err_format(&wf_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(wf_newref((wf_object *)&wf_exc_AssertionError));
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        goto exit_return;
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        f->f_stacktop = (int32_t)(sp - stack_base);
        goto exit_yield;
    }

    TARGET(RESUME) {
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) {
        wf_object *gen = wfv_gen_from_frame(f, (int)(sp - stack_base));
        if (!gen) goto error;
        /* The generator took its own references; this frame is dropped. */
        retval = gen;
        goto exit_return;
    }

    TARGET(ASYNC_GEN_WRAP) {
        wf_object *v = TOP();
        wf_object *wv = wfv_async_gen_wrap(v);
        if (!wv) goto error;
        wf_decref(v);
        SET_TOP(wv);
        DISPATCH();
    }

    TARGET(SEND) {
        wf_object *v = TOP(), *recv = SECOND();
        wf_object *r = NULL;
        int status;
        if (WF_TYPE(recv) == &wfv_generator_type || WF_TYPE(recv) == &wfv_coroutine_type) {
            status = wfv_gen_send_internal(recv, v, &r);
        } else {
            if (v == wf_None && WF_TYPE(recv)->tp_iternext)
                r = WF_TYPE(recv)->tp_iternext(recv);
            else
                r = wf_object_call_method(recv, "send", &v, 1);
            if (r) {
                status = 0;
            } else if (!wf_err_occurred()) {
                status = 1;
                r = wf_newref(wf_None);
            } else if (wf_err_matches((wf_object *)&wf_exc_StopIteration)) {
                wf_object *e = wf_err_fetch();
                r = wf_object_getattr(e, id_value);
                wf_decref(e);
                if (!r) goto error;
                status = 1;
            } else {
                status = -1;
            }
        }
        if (status < 0) goto error;
        wf_decref(v);
        if (status == 1) {
            sp--;
            wf_decref(recv);
            SET_TOP(r);
            JUMPTO(oparg);
        } else {
            SET_TOP(r);
        }
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        wf_object *loc = f->f_locals;
        if (!loc) {
            wf_err_format(&wf_exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        wf_object *ann = NULL;
        int r = mapping_get(loc, id___annotations__, &ann);
        if (r < 0) goto error;
        if (r == 0) {
            wf_object *d = wf_dict_new();
            if (!d) goto error;
            int rc = wf_object_set_item(loc, id___annotations__, d);
            wf_decref(d);
            if (rc < 0) goto error;
        } else {
            wf_decref(ann);
        }
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        wf_object *mod = TOP();
        if (!f->f_locals) {
            wf_err_format(&wf_exc_SystemError, "no locals found during 'import *'");
            goto error;
        }
        if (wfv_import_star(mod, f->f_locals) < 0) goto error;
        sp--;
        wf_decref(mod);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        wf_object *v = POP();
        wf_object *old = s->exc_handled;
        s->exc_handled = v == wf_None ? NULL : v;
        if (v == wf_None) wf_decref(v);
        wf_xdecref(old);
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        wf_object *exc = TOP();
        wf_object *prev = s->exc_handled;
        SET_TOP(prev ? prev : wf_None); /* ownership of s's reference moves to the stack */
        s->exc_handled = wf_newref(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        wf_object *type = TOP(), *exc = SECOND();
        if (check_except_type_valid(type) < 0) goto error;
        int m = wf_err_given_matches(exc, type);
        wf_decref(type);
        SET_TOP(m ? wf_True : wf_False);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        wf_object *type = TOP(), *eg = SECOND();
        if (check_except_star_type_valid(type) < 0) goto error;
        wf_object *match = NULL, *rest = NULL;
        if (exception_group_match(eg, type, &match, &rest) < 0) goto error;
        wf_decref(type);
        wf_decref(eg);
        if (match != wf_None) {
            wf_object *old = s->exc_handled;
            s->exc_handled = wf_newref(match);
            wf_xdecref(old);
        }
        SET_SECOND(rest);
        SET_TOP(match);
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        wf_object *excs = TOP(), *orig = SECOND();
        wf_object *r = prep_reraise_star(orig, excs);
        if (!r) goto error;
        sp--;
        wf_decref(excs);
        wf_decref(orig);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(RERAISE) {
        if (oparg) {
            wf_object *lasti = PEEK(oparg + 1);
            if (IS_SMALL_INT(lasti)) wfv_frame_set_lasti(f, (int)SMALL_VAL(lasti));
        }
        wf_object *exc = POP();
        wf_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(RAISE_VARARGS) {
        wf_object *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2: cause = POP(); /* fall through */
        case 1: exc = POP(); /* fall through */
        case 0: break;
        default:
            wf_err_format(&wf_exc_SystemError, "bad RAISE_VARARGS oparg");
            goto error;
        }
        int r = do_raise(s, exc, cause);
        wf_xdecref(exc);
        wf_xdecref(cause);
        if (r > 0) goto exception_unwind;
        goto error;
    }

    TARGET(LOAD_CONST) {
        PUSH(const_ref(consts[oparg]));
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        wf_object *name = names[oparg];
        wf_object *v = NULL;
        int r;
        if (f->f_locals) {
            r = mapping_get(f->f_locals, name, &v);
            if (r < 0) goto error;
            if (r) goto load_name_done;
        }
        r = load_global(f->f_globals, f->f_builtins, name, &v);
        if (r < 0) goto error;
        if (r == 0) {
            name_error(name);
            goto error;
        }
    load_name_done:
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        wf_object *name = names[oparg];
        wf_object *v = TOP();
        wf_object *loc = f->f_locals;
        if (!loc) {
            wf_err_format(&wf_exc_SystemError, "no locals found when storing %R", name);
            goto error;
        }
        int r = WF_DICT_CHECK_EXACT(loc) ? wf_dict_set_item(loc, name, v)
                                         : wf_object_set_item(loc, name, v);
        if (r < 0) goto error;
        sp--;
        wf_decref(v);
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        wf_object *name = names[oparg];
        wf_object *loc = f->f_locals;
        if (!loc) {
            wf_err_format(&wf_exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (wf_object_del_item(loc, name) < 0) {
            if (wf_err_matches((wf_object *)&wf_exc_KeyError)) {
                wf_err_clear();
                name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        wf_object *name = names[oparg >> 1];
        wf_object *v = NULL;
        int r = load_global(f->f_globals, f->f_builtins, name, &v);
        if (r <= 0) {
            if (r == 0) name_error(name);
            goto error;
        }
        wf_perthread_note_shared_load(v);
        if (oparg & 1) PUSH(NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        wf_object *v = TOP();
        if (wf_dict_set_item(f->f_globals, names[oparg], v) < 0) goto error;
        sp--;
        wf_decref(v);
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        wf_object *name = names[oparg];
        if (wf_dict_del_item(f->f_globals, name) < 0) {
            if (wf_err_matches((wf_object *)&wf_exc_KeyError)) {
                wf_err_clear();
                name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        wf_object *v = fast[oparg];
        if (WF_UNLIKELY(!v)) {
            format_unbound(co, oparg);
            goto error;
        }
        wf_incref(v);
        PUSH(v);
        DISPATCH();
    }

    /* Superinstruction heads (opcodes.h): the local is the top operand of
     * the next instruction, lent to it uncounted (only this frame's own
     * instructions rebind its locals, and none runs before the pair ends).
     * TAIL() fetches that instruction; f_ip moves to it, so its cache,
     * its position and the exception table serve it as if dispatched. */
#define TAIL()                                 \
    do {                                       \
        f->f_ip = ip;                          \
        w = *ip++;                             \
        oparg = (int)(w >> 8);                 \
    } while (0)
#define HEAD_LOCAL(v)                     \
    wf_object *v = fast[oparg];           \
    if (WF_UNLIKELY(!v)) {                \
        format_unbound(co, oparg);        \
        goto error;                       \
    }                                     \
    TAIL()

    TARGET(LOAD_FAST__LOAD_ATTR) {
        HEAD_LOCAL(owner);
        wf_object *v = load_attr(co, ip - code - 1, owner, names[oparg]);
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST__STORE_ATTR) {
        HEAD_LOCAL(owner);
        if (store_attr(co, ip - code - 1, owner, names[oparg], TOP()) < 0) goto error;
        sp--;
        DISPATCH();
    }

    TARGET(LOAD_FAST__BINARY_OP) {
        HEAD_LOCAL(b);
        wf_object *a = TOP();
        wf_object *r = binary_op_call(oparg, a, b);
        if (!r) goto error;
        wf_decref(a);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__BINARY_SUBSCR) {
        HEAD_LOCAL(sub);
        wf_object *container = TOP();
        wf_object *r = binary_subscr_call(container, sub);
        if (!r) goto error;
        wf_decref(container);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__COMPARE_OP) {
        HEAD_LOCAL(b);
        wf_object *a = TOP();
        wf_object *r = compare_op_call(oparg, a, b);
        if (!r) goto error;
        wf_decref(a);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__UNPACK_SEQUENCE) {
        HEAD_LOCAL(seq);
        wf_object **nsp = unpack_sequence_call(seq, oparg, sp);
        if (!nsp) goto error;
        sp = nsp;
        DISPATCH();
    }

    TARGET(LOAD_FAST__RETURN_VALUE) {
        int local = oparg;
        HEAD_LOCAL(v);
        /* The frame ends here: its reference to v moves out, unless a frame
         * object may show the locals after the return. */
        if (WF_LIKELY(f->f_frameobj == NULL))
            fast[local] = NULL;
        else
            wf_incref(v);
        retval = v;
        goto exit_return;
    }

    /* Three-word groups: LOAD_FAST a; LOAD_FAST b (or LOAD_CONST c); X.
     * HEAD_LOCAL(a) leaves oparg at the middle word; an unbound b raises
     * there, with its own position. */
#define HEAD_CONST(v)                     \
    wf_object *v = consts[oparg];         \
    TAIL()

    TARGET(LOAD_FAST__LOAD_FAST__BINARY_OP) {
        HEAD_LOCAL(a);
        HEAD_LOCAL(b);
        wf_object *r = binary_op_call(oparg, a, b);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_CONST__BINARY_OP) {
        HEAD_LOCAL(a);
        HEAD_CONST(b);
        wf_object *r = binary_op_call(oparg, a, b);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_FAST__BINARY_SUBSCR) {
        HEAD_LOCAL(container);
        HEAD_LOCAL(sub);
        wf_object *r = binary_subscr_call(container, sub);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_CONST__BINARY_SUBSCR) {
        HEAD_LOCAL(container);
        HEAD_CONST(sub);
        wf_object *r = binary_subscr_call(container, sub);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_FAST__COMPARE_OP) {
        HEAD_LOCAL(a);
        HEAD_LOCAL(b);
        wf_object *r = compare_op_call(oparg, a, b);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(LOAD_FAST__LOAD_CONST__COMPARE_OP) {
        HEAD_LOCAL(a);
        HEAD_CONST(b);
        wf_object *r = compare_op_call(oparg, a, b);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }
#undef HEAD_CONST
#undef HEAD_LOCAL
#undef TAIL

    TARGET(STORE_FAST) {
        wf_object *v = POP();
        wf_object *old = fast[oparg];
        fast[oparg] = v;
        if (old) wf_decref(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        wf_object *old = fast[oparg];
        if (!old) {
            format_unbound(co, oparg);
            goto error;
        }
        fast[oparg] = NULL;
        wf_decref(old);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        wf_object *v = wfv_cell_get(fast[oparg]);
        if (!v) {
            format_unbound(co, oparg);
            goto error;
        }
        /* A closure's cells are its module globals: a value another thread
         * created, read here, is a candidate for per-thread counts, as
         * LOAD_GLOBAL's are (docs/internals/refcounting.md). */
        wf_perthread_note_shared_load(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        wf_object *v = POP();
        wfv_cell_set(fast[oparg], v);
        wf_decref(v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        wf_object *v = wfv_cell_get(fast[oparg]);
        if (!v) {
            format_unbound(co, oparg);
            goto error;
        }
        wf_decref(v);
        wfv_cell_set(fast[oparg], NULL);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(wf_newref(fast[oparg]));
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        wf_object *name = WF_TUPLE_ITEM(co->co_localsplusnames, oparg);
        wf_object *v = NULL;
        if (f->f_locals) {
            int r = mapping_get(f->f_locals, name, &v);
            if (r < 0) goto error;
        }
        if (!v) {
            v = wfv_cell_get(fast[oparg]);
            if (!v) {
                format_unbound(co, oparg);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        wf_object *init = fast[oparg];
        wf_object *cell = wfv_cell_new(init);
        if (!cell) goto error;
        fast[oparg] = cell;
        wf_xdecref(init);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        /* The free-variable slots borrow the closure's cells: f_func holds
         * its closure tuple, which never changes, for as long as the frame
         * runs (vm.h, "Free variables"). */
        if (WF_UNLIKELY(oparg != co->co_nfreevars)) {
            wf_err_set_string(&wf_exc_SystemError, "COPY_FREE_VARS count differs from co_nfreevars");
            goto error;
        }
        wf_object *closure = f->f_func ? ((wfv_function *)f->f_func)->func_closure : NULL;
        int offset = co->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++)
            fast[offset + i] = closure && i < WF_TUPLE_SIZE(closure) ? WF_TUPLE_ITEM(closure, i) : NULL;
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        wf_object *owner = TOP();
        wf_object *v = load_attr(co, ip - code - 1, owner, names[oparg]);
        if (!v) goto error;
        wf_decref(owner);
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        wf_object *owner = TOP(), *v = SECOND();
        if (store_attr(co, ip - code - 1, owner, names[oparg], v) < 0) goto error;
        sp -= 2;
        wf_decref(owner);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        wf_object *owner = TOP();
        if (wf_object_setattr(owner, names[oparg], NULL) < 0) goto error;
        sp--;
        wf_decref(owner);
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        wf_object *obj = TOP();
        wf_object *name = names[oparg];
        wf_type *tp = WF_TYPE(obj);
        if (tp->tp_getattro == wf_object_generic_getattr) {
            wf_object *descr = type_lookup_ref(tp, name);
            if (descr && wf_type_has_flag(WF_TYPE(descr), WF_TPFLAGS_METHOD_DESCRIPTOR)) {
                /* A non-data descriptor: the instance dict wins. */
                wf_object *iv;
                if (wfo_instance_dict_get_ref(obj, name, &iv) < 0) {
                    wf_decref(descr);
                    goto error;
                }
                if (iv) {
                    wf_decref(descr);
                    SET_TOP(NULL);
                    PUSH(iv);
                    wf_decref(obj);
                } else {
                    SET_TOP(descr);
                    PUSH(obj);
                }
                DISPATCH();
            }
            wf_xdecref(descr);
        }
        wf_object *v = wf_object_getattr(obj, name);
        if (!v) goto error;
        SET_TOP(NULL);
        PUSH(v);
        wf_decref(obj);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        wf_object *fromlist = TOP(), *level = SECOND();
        int lv = (int)wf_int_as_ssize(level);
        if (lv == -1 && wf_err_occurred()) goto error;
        wf_object *m = wfv_import_name(names[oparg], f->f_globals, fromlist, lv);
        if (!m) goto error;
        sp--;
        wf_decref(fromlist);
        wf_decref(level);
        SET_TOP(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        wf_object *v = wfv_import_from(TOP(), names[oparg]);
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        wf_object *t = wf_tuple_new(oparg);
        if (!t) goto error;
        sp -= oparg;
        for (int i = 0; i < oparg; i++) WF_TUPLE_ITEM(t, i) = sp[i];
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        wf_object *l = wf_list_new(0);
        if (!l) goto error;
        for (int i = 0; i < oparg; i++) {
            if (wf_list_append(l, sp[i - oparg]) < 0) {
                wf_decref(l);
                goto error;
            }
        }
        for (int i = 0; i < oparg; i++) wf_decref(sp[i - oparg]);
        sp -= oparg;
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        wf_object *st = wf_set_new(NULL);
        if (!st) goto error;
        for (int i = 0; i < oparg; i++) {
            if (wf_set_add(st, sp[i - oparg]) < 0) {
                wf_decref(st);
                goto error;
            }
        }
        for (int i = 0; i < oparg; i++) wf_decref(sp[i - oparg]);
        sp -= oparg;
        PUSH(st);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        wf_object *d = wf_dict_new();
        if (!d) goto error;
        for (int i = 0; i < oparg; i++) {
            if (wf_dict_set_item(d, sp[2 * (i - oparg)], sp[2 * (i - oparg) + 1]) < 0) {
                wf_decref(d);
                goto error;
            }
        }
        for (int i = 0; i < 2 * oparg; i++) wf_decref(sp[i - 2 * oparg]);
        sp -= 2 * oparg;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        wf_object *keys = TOP();
        if (!WF_TUPLE_CHECK(keys) || WF_TUPLE_SIZE(keys) != oparg) {
            wf_err_format(&wf_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        wf_object *d = wf_dict_new();
        if (!d) goto error;
        for (int i = 0; i < oparg; i++) {
            if (wf_dict_set_item(d, WF_TUPLE_ITEM(keys, i), sp[i - oparg - 1]) < 0) {
                wf_decref(d);
                goto error;
            }
        }
        wf_decref(keys);
        sp--;
        for (int i = 0; i < oparg; i++) wf_decref(sp[i - oparg]);
        sp -= oparg;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        wf_object *t = wf_tuple_new(oparg);
        if (!t) goto error;
        for (int i = 0; i < oparg; i++) WF_TUPLE_ITEM(t, i) = wf_newref(sp[i - oparg]);
        wf_object *r = wf_str_join(id_empty, t);
        wf_decref(t);
        if (!r) goto error;
        for (int i = 0; i < oparg; i++) wf_decref(sp[i - oparg]);
        sp -= oparg;
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        wf_object *step = oparg == 3 ? POP() : NULL;
        wf_object *stop = POP(), *start = TOP();
        wf_object *sl = wf_slice_new(start, stop, step);
        wf_xdecref(step);
        wf_decref(stop);
        wf_decref(start);
        SET_TOP(sl);
        if (!sl) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        /* The list keeps the popped reference (runtime/objects/containers.h;
         * it steals v even on error).  It still appends under the list's
         * critical section: a comprehension's list is reachable by other
         * threads through gc.get_objects() / gc.get_referrers(). */
        int wfo_list_append_steal(wf_object *l, wf_object *v);
        wf_object *v = POP();
        if (wfo_list_append_steal(PEEK(oparg), v) < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        wf_object *v = POP();
        int r = wf_set_add(PEEK(oparg), v);
        wf_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        wf_object *v = POP(), *k = POP();
        int r = wf_dict_set_item(PEEK(oparg), k, v);
        wf_decref(v);
        wf_decref(k);
        if (r < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        wf_object *it = TOP();
        if (wf_list_extend(PEEK(oparg + 1), it) < 0) {
            if (wf_err_matches((wf_object *)&wf_exc_TypeError) && !WF_TYPE(it)->tp_iter &&
                !(WF_TYPE(it)->tp_as_sequence && WF_TYPE(it)->tp_as_sequence->sq_item)) {
                wf_err_clear();
                wf_err_format(&wf_exc_TypeError, "Value after * must be an iterable, not %.200s",
                              wf_type_name(WF_TYPE(it)));
            }
            goto error;
        }
        sp--;
        wf_decref(it);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        wf_object *it = TOP();
        wf_object *r = wf_object_call_method(PEEK(oparg + 1), "update", &it, 1);
        if (!r) goto error;
        wf_decref(r);
        sp--;
        wf_decref(it);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        wf_object *upd = TOP();
        if (wf_dict_update(PEEK(oparg + 1), upd) < 0) {
            if (wf_err_matches((wf_object *)&wf_exc_AttributeError) ||
                (wf_err_matches((wf_object *)&wf_exc_TypeError) && !is_mapping_like(upd))) {
                wf_err_clear();
                wf_err_format(&wf_exc_TypeError, "'%.200s' object is not a mapping",
                              wf_type_name(WF_TYPE(upd)));
            }
            goto error;
        }
        sp--;
        wf_decref(upd);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        wf_object *upd = TOP();
        wf_object *dict = PEEK(oparg + 1);
        wf_object *func = PEEK(oparg + 3);
        if (dict_merge_call(func, dict, upd) < 0) goto error;
        sp--;
        wf_decref(upd);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        wf_object *l = TOP();
        wf_object *t = wf_list_as_tuple(l);
        if (!t) goto error;
        wf_decref(l);
        SET_TOP(t);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        wf_object *seq = POP();
        wf_object **nsp = unpack_sequence(seq, oparg, sp);
        wf_decref(seq);
        if (!nsp) goto error;
        sp = nsp;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        wf_object *seq = POP();
        wf_object **nsp = unpack_iterable(seq, oparg & 0xFF, oparg >> 8, sp);
        wf_decref(seq);
        if (!nsp) goto error;
        sp = nsp;
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        wf_object *b = TOP(), *a = SECOND();
        wf_object *r = compare_op(oparg, a, b);
        if (!r) goto error;
        sp--;
        wf_decref(a);
        wf_decref(b);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(IS_OP) {
        wf_object *b = TOP(), *a = SECOND();
        int r = (a == b) ^ oparg;
        sp--;
        wf_decref(a);
        wf_decref(b);
        SET_TOP(r ? wf_True : wf_False);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        wf_object *container = TOP(), *item = SECOND();
        int r = wf_sequence_contains(container, item);
        if (r < 0) goto error;
        sp--;
        wf_decref(container);
        wf_decref(item);
        SET_TOP((r ^ oparg) ? wf_True : wf_False);
        DISPATCH();
    }

    TARGET(JUMP) {
        if (oparg <= (int)(ip - code - 1)) CHECK_BREAKER();
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_NO_INTERRUPT) {
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        wf_object *v = POP();
        if (v == wf_False) {
            JUMPTO(oparg);
        } else if (v != wf_True) {
            int t = truth(v);
            wf_decref(v);
            if (t < 0) goto error;
            if (!t) JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        wf_object *v = POP();
        if (v == wf_True) {
            JUMPTO(oparg);
        } else if (v != wf_False) {
            int t = truth(v);
            wf_decref(v);
            if (t < 0) goto error;
            if (t) JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        wf_object *v = POP();
        if (v == wf_None) JUMPTO(oparg);
        else wf_decref(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        wf_object *v = POP();
        if (v != wf_None) {
            wf_decref(v);
            JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        wf_object *v = TOP();
        int t = truth(v);
        if (t < 0) goto error;
        if (!t) {
            JUMPTO(oparg);
        } else {
            sp--;
            wf_decref(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        wf_object *v = TOP();
        int t = truth(v);
        if (t < 0) goto error;
        if (t) {
            JUMPTO(oparg);
        } else {
            sp--;
            wf_decref(v);
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        wf_object *it = TOP();
        wf_unaryfunc next = WF_TYPE(it)->tp_iternext;
        wf_object *v;
        if (WF_UNLIKELY(!next)) {
            wf_err_format(&wf_exc_TypeError, "'%.200s' object is not an iterator",
                          wf_type_name(WF_TYPE(it)));
            goto error;
        }
        v = next(it);
        if (v) {
            PUSH(v);
            DISPATCH();
        }
        if (wf_err_occurred()) {
            if (!wf_err_matches((wf_object *)&wf_exc_StopIteration)) goto error;
            wf_err_clear();
        }
        sp--;
        wf_decref(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }

    TARGET(CALL) {
        int nargs = oparg;
        wf_object **args = sp - nargs;
        wf_object *callable = PEEK(nargs + 2);
        size_t nargsf;
        wf_object *kw = kwnames;
        kwnames = NULL;
        if (callable) {
            /* [meth, self, args...] */
            args--;
            nargs++;
            nargsf = (size_t)(nargs - (kw ? WF_TUPLE_SIZE(kw) : 0)) | WF_VECTORCALL_ARGS_OFFSET;
        } else {
            callable = PEEK(nargs + 1);
            nargsf = (size_t)(nargs - (kw ? WF_TUPLE_SIZE(kw) : 0)) | WF_VECTORCALL_ARGS_OFFSET;
        }
        wf_object *r;
        if (WF_TYPE(callable) == &wfv_function_type)
            /* callable stays on this frame's stack until the call returns:
             * the callee's frame may borrow it (vm.h). */
            r = function_call(callable, args, nargsf, kw, args);
        else
            r = wf_object_vectorcall(callable, args, nargsf, kw);
        /* release [NULL|meth, callable|self, args...] */
        for (int i = 0; i < oparg + 2; i++) {
            wf_object *o = *--sp;
            if (o) wf_decref(o);
        }
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        wf_object *kwargs = (oparg & 1) ? POP() : NULL;
        wf_object *callargs = POP();
        wf_object *func = TOP();
        if (!WF_TUPLE_CHECK_EXACT(callargs)) {
            if (!WF_TYPE(callargs)->tp_iter &&
                !(WF_TYPE(callargs)->tp_as_sequence && WF_TYPE(callargs)->tp_as_sequence->sq_item)) {
                wf_object *fs = function_str(func);
                if (fs) {
                    wf_err_format(&wf_exc_TypeError, "%U argument after * must be an iterable, not %.200s",
                                  fs, wf_type_name(WF_TYPE(callargs)));
                    wf_decref(fs);
                }
                PUSH(callargs);
                if (kwargs) PUSH(kwargs);
                goto error;
            }
            wf_object *t = wf_sequence_tuple(callargs);
            wf_decref(callargs);
            if (!t) {
                wf_xdecref(kwargs);
                goto error;
            }
            callargs = t;
        }
        if (kwargs && !WF_DICT_CHECK_EXACT(kwargs)) {
            wf_object *d = wf_dict_new();
            if (!d || dict_merge_call(func, d, kwargs) < 0) {
                wf_xdecref(d);
                wf_decref(callargs);
                wf_decref(kwargs);
                goto error;
            }
            wf_decref(kwargs);
            kwargs = d;
        }
        wf_object *r = wf_object_call(func, callargs, kwargs);
        wf_decref(callargs);
        wf_xdecref(kwargs);
        sp--;
        wf_decref(func);
        wf_object *nul = POP();
        wf_xdecref(nul);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        wf_object *codeobj = POP();
        wf_object *closure = (oparg & WFC_MKFN_CLOSURE) ? POP() : NULL;
        wf_object *ann = (oparg & WFC_MKFN_ANNOTATIONS) ? POP() : NULL;
        wf_object *kwdefaults = (oparg & WFC_MKFN_KWDEFAULTS) ? POP() : NULL;
        wf_object *defaults = (oparg & WFC_MKFN_DEFAULTS) ? POP() : NULL;
        wfv_function *fn = (wfv_function *)wfv_function_new(
            codeobj, f->f_globals, ((wfv_code *)codeobj)->co_qualname);
        /* Functions that are not closures (module level, methods) are
         * called from every thread: per-thread counts (nested ones are
         * made in loops and should die by reference counting; class
         * bodies run once). */
        uint32_t cflags = ((wfv_code *)codeobj)->co_flags;
        bool shared_fn = (cflags & WFC_CO_OPTIMIZED) && !(cflags & WFC_CO_NESTED);
        wf_decref(codeobj);
        if (!fn) {
            wf_xdecref(closure);
            wf_xdecref(ann);
            wf_xdecref(kwdefaults);
            wf_xdecref(defaults);
            goto error;
        }
        /* The function is still private: plain stores of the new values. */
        if (closure) {
            wf_object *old = fn->func_closure;
            fn->func_closure = closure;
            wf_xdecref(old);
        }
        if (ann) {
            wf_enable_try_incref(ann); /* readers load it lock-free (func.c) */
            wf_object *old = atomic_exchange(&fn->func_annotations, ann);
            wf_xdecref(old);
        }
        if (kwdefaults) {
            wf_enable_try_incref(kwdefaults); /* readers load it lock-free (func.c) */
            wf_object *old = atomic_exchange(&fn->func_kwdefaults, kwdefaults);
            wf_xdecref(old);
        }
        if (defaults) {
            wf_enable_try_incref(defaults); /* readers load it lock-free (func.c) */
            wf_object *old = atomic_exchange(&fn->func_defaults, defaults);
            wf_xdecref(old);
        }
        if (shared_fn) wf_perthread_enable_for_threads((wf_object *)fn);
        PUSH((wf_object *)fn);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        wf_object *spec = (oparg & 4) ? POP() : NULL;
        wf_object *v = POP();
        wf_object *conv = NULL;
        switch (oparg & 3) {
        case 1: conv = wf_object_str(v); break;
        case 2: conv = wf_object_repr(v); break;
        case 3: conv = wf_object_ascii(v); break;
        default: conv = wf_newref(v); break;
        }
        wf_decref(v);
        if (!conv) {
            wf_xdecref(spec);
            goto error;
        }
        wf_object *r;
        if (!spec && WF_STR_CHECK_EXACT(conv)) {
            r = conv;
        } else {
            r = wf_object_format(conv, spec ? spec : id_empty);
            wf_decref(conv);
        }
        wf_xdecref(spec);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        wf_object *kwargs = TOP(), *type = SECOND(), *subject = PEEK(3);
        wf_object *attrs = match_class(subject, type, oparg, kwargs);
        if (!attrs) goto error;
        sp -= 2;
        wf_decref(kwargs);
        wf_decref(type);
        wf_decref(subject);
        SET_TOP(attrs);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        wf_object *values = match_keys(SECOND(), TOP());
        if (!values) goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int m = is_mapping_for_match(TOP());
        if (m < 0) goto error;
        PUSH(m ? wf_True : wf_False);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int m = is_sequence_for_match(TOP());
        if (m < 0) goto error;
        PUSH(m ? wf_True : wf_False);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        wf_ssize_t n = wf_object_size(TOP());
        if (n < 0) goto error;
        wf_object *l = wf_int_from_ssize(n);
        if (!l) goto error;
        PUSH(l);
        DISPATCH();
    }

error:
    /* An exception is set: record this frame in its traceback. */
    {
        wf_object *exc = wf_err_peek();
        if (!exc) {
            wf_err_format(&wf_exc_SystemError, "error return without exception set");
            exc = wf_err_peek();
        }
        if (exc) wfv_traceback_add(exc, f, wfv_frame_lasti(f));
    }
exception_unwind : {
    kwnames = NULL;
    /* The handler is looked up for the instruction that raised (RERAISE
     * itself for a re-raise); the lasti pushed for the handler is the
     * frame's, which RERAISE may have restored to the original raise. */
    int here = (int)(ip - code - 1);
    int lasti = wfv_frame_lasti(f);
    const wfv_exc_entry *h = NULL;
    for (wf_ssize_t i = 0; i < co->co_nexc; i++) {
        const wfv_exc_entry *e = &co->co_exctable[i];
        if ((uint32_t)here < e->start) break;
        if ((uint32_t)here < e->end) {
            h = e;
            break;
        }
    }
    if (!h) {
        while (sp > stack_base) {
            wf_object *o = POP();
            wf_xdecref(o);
        }
        goto exit_error;
    }
    wf_object **target_sp = stack_base + h->depth;
    while (sp > target_sp) {
        wf_object *o = POP();
        wf_xdecref(o);
    }
    if (h->lasti) {
        wf_object *li = wf_int_from_i64(lasti);
        if (!li) goto exit_error_unwind;
        PUSH(li);
    }
    wf_object *exc = wf_err_fetch();
    PUSH(exc);
    JUMPTO(h->target);
    DISPATCH();
}

exit_error_unwind:
    while (sp > stack_base) {
        wf_object *o = POP();
        wf_xdecref(o);
    }
exit_error:
    retval = NULL;
    f->f_stacktop = 0;
    f->f_state = WFV_FRAME_COMPLETED;
    goto exit;

exit_return:
    while (sp > stack_base) { /* normally empty already */
        wf_object *o = POP();
        wf_xdecref(o);
    }
    f->f_stacktop = 0;
    f->f_state = WFV_FRAME_COMPLETED;
    goto exit;

exit_yield:
    f->f_state = WFV_FRAME_SUSPENDED;
    s->current_frame = f->f_back;
    f->f_back = NULL;
    s->py_recursion_depth--;
    return retval;

exit:
    /* f_back stays set until the frame is cleared (its frame object's
     * snapshot records the caller). */
    s->current_frame = f->f_back;
    s->py_recursion_depth--;
    return retval;

op_unknown:
    wf_err_format(&wf_exc_SystemError, "unknown opcode %d", (int)(w & 0xFF));
    goto error;
}

/* --- entry points ------------------------------------------------------------------------ */

/* func.__code__, borrowed: a function keeps every code object it ever
 * held alive (func.c), and the caller holds func. */
static inline wf_object *load_func_code(wfv_function *func) {
    return atomic_load_explicit(&func->func_code, memory_order_acquire);
}

/* A call of a Python function.  stack_args (the eval loop's CALL; NULL
 * from any other caller) is args as the caller's value stack, where the
 * caller keeps callable until the call returns and then releases the
 * slots that are not NULL.  Then the frame borrows callable (vm.h), and
 * when the arguments fill the parameters exactly the frame takes the
 * stack's references to them instead of new ones, leaving NULL behind.
 * Any other caller goes through wfv_function_vectorcall, whose frame
 * counts both. */
static inline wf_object *function_call(wf_object *callable, wf_object *const *args, size_t nargsf,
                                       wf_object *kwnames, wf_object **stack_args) {
    wfv_function *func = (wfv_function *)callable;
    wfv_vmstate *s = wfv_state();
    wfv_code *co = (wfv_code *)load_func_code(func);
    if (!co) return wf_err_format(&wf_exc_SystemError, "function without code");
    /* The frame borrows code, globals and builtins from func (vm.h). */
    wfv_frame *f = wfv_frame_push(s, co, callable, func->func_globals, func->func_builtins, NULL,
                                  stack_args != NULL);
    if (!f) return NULL;
    wf_ssize_t nargs = wf_vectorcall_nargs(nargsf);
    if (stack_args && !kwnames && nargs == co->co_argcount && co->co_kwonlyargcount == 0 &&
        !(co->co_flags & (WFC_CO_VARARGS | WFC_CO_VARKEYWORDS))) {
        /* What wfv_bind_args_code does in this case, without the counts. */
        for (wf_ssize_t i = 0; i < nargs; i++) {
            f->localsplus[i] = stack_args[i];
            stack_args[i] = NULL;
        }
    } else if (wfv_bind_args_code(func, co, f->localsplus, args, nargsf, kwnames) < 0) {
        wfv_frame_pop(s, f);
        return NULL;
    }
    wf_object *r = wfv_eval_frame(s, f, NULL, 0);
    wfv_frame_pop(s, f);
    return r;
}

wf_object *wfv_function_vectorcall(wf_object *callable, wf_object *const *args, size_t nargsf,
                                   wf_object *kwnames) {
    return function_call(callable, args, nargsf, kwnames, NULL);
}

wf_object *wfv_eval_code(wf_object *code, wf_object *globals, wf_object *locals) {
    wfv_vm_types_ready();
    pthread_once(&ids_once, ids_init);
    if (!WFV_CODE_CHECK(code)) return wf_err_bad_internal_call("wfv_eval_code");
    if (!globals || !WF_DICT_CHECK(globals))
        return wf_err_format(&wf_exc_TypeError, "globals must be a dict");
    wfv_vmstate *s = wfv_state();
    /* builtins: globals["__builtins__"] (module or dict), else the
     * interpreter's; a missing entry is filled in as CPython's exec does. */
    wf_object *builtins = NULL;
    wf_object *b = NULL;
    int r = wf_dict_get_item_ref(globals, WFO_ID(__builtins__), &b);
    if (r < 0) return NULL;
    if (r > 0) {
        if (WF_TYPE(b) == &wf_module_type) {
            builtins = wf_newref(wf_module_get_dict(b));
            wf_decref(b);
        } else {
            builtins = b;
        }
    } else if (wfv_interp_state.builtins) {
        builtins = wf_newref(wfv_interp_state.builtins);
        if (wfv_interp_state.builtins_module &&
            wf_dict_set_item(globals, WFO_ID(__builtins__), wfv_interp_state.builtins_module) < 0) {
            wf_decref(builtins);
            return NULL;
        }
    } else {
        builtins = wf_dict_new();
        if (!builtins) return NULL;
    }
    wfv_code *co = (wfv_code *)code;
    wfv_frame *f = wfv_frame_push(s, co, NULL, globals, builtins, locals ? locals : globals, false);
    wf_decref(builtins);
    if (!f) return NULL;
    /* Module code may still use cells (a class body's __class__): nothing
     * to bind; fast slots start empty. */
    wf_object *res = wfv_eval_frame(s, f, NULL, 0);
    wfv_frame_pop(s, f);
    return res;
}

wf_object *wfv_call_with_locals(wf_object *callable, wf_object *locals) {
    pthread_once(&ids_once, ids_init);
    if (!WFV_FUNCTION_CHECK(callable)) return wf_err_bad_internal_call("wfv_call_with_locals");
    wfv_function *func = (wfv_function *)callable;
    wfv_vmstate *s = wfv_state();
    wf_object *cref = load_func_code(func);
    if (!cref) return wf_err_format(&wf_exc_SystemError, "function without code");
    wfv_frame *f =
        wfv_frame_push(s, (wfv_code *)cref, callable, func->func_globals, func->func_builtins, locals,
                       false);
    if (!f) return NULL;
    wf_object *r = wfv_eval_frame(s, f, NULL, 0);
    wfv_frame_pop(s, f);
    return r;
}

int wfv_super_lookup(wf_type **type, wf_object **obj) {
    wfv_frame *f = wfv_current_frame();
    if (!f) {
        wf_err_format(&wf_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    wfv_code *co = f->f_code;
    if (co->co_argcount == 0) {
        wf_err_format(&wf_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    wf_object *first = f->localsplus[0];
    if (first && (co->co_localspluskinds[0] & WFC_LP_CELL) && WF_TYPE(first) == &wfv_cell_type) {
        /* The first argument was moved into a cell by MAKE_CELL. */
        first = wfv_cell_get(first);
        if (first) wf_decref(first); /* the cell keeps it alive */
    }
    if (!first) {
        wf_err_format(&wf_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        wf_object *name = WF_TUPLE_ITEM(co->co_localsplusnames, i);
        if (!wf_str_eq_cstr(name, "__class__")) continue;
        wf_object *cell = f->localsplus[i];
        if (!cell || WF_TYPE(cell) != &wfv_cell_type) {
            wf_err_format(&wf_exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        wf_object *t = wfv_cell_get(cell);
        if (!t) {
            wf_err_format(&wf_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!WF_TYPE_CHECK(t)) {
            wf_err_format(&wf_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                          wf_type_name(WF_TYPE(t)));
            wf_decref(t);
            return -1;
        }
        *type = (wf_type *)t; /* the cell keeps it alive */
        wf_decref(t);
        *obj = first;
        return 0;
    }
    wf_err_format(&wf_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}
