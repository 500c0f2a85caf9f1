/*
 * runtime/modules/builtins_impl.h — what the files of the builtins module
 * (builtins.c, builtins_code.c) share: argument parsing with CPython's
 * messages, a few helpers, and the symbols of other engineers' files that
 * the builtins reference (runtime/vm/vm.h, runtime/modules/io.h).
 * Not thread-sensitive: nothing here holds state.
 */
#ifndef WEFT_MODULES_BUILTINS_IMPL_H
#define WEFT_MODULES_BUILTINS_IMPL_H

#include "runtime/modules/io.h"
#include "runtime/modules/modules.h"
#include "runtime/objects/objimpl.h"
#include "runtime/vm/vm.h"
#include "weft/code.h"
#include "weft/objects.h"

#define WF_FLOAT_CHECK_EXACT(o) (WF_TYPE(o) == &wf_float_type)

/* --- argument parsing (builtins.c) ------------------------------------------
 * A signature: nparams parameters named names[0..nparams) ("" for the
 * positional-only ones), the first posonly positional-only, at most maxpos
 * passed by position, the first minpos required.  wfb_parse fills
 * out[0..nparams) with borrowed arguments (NULL = not given) or raises
 * TypeError with the argument clinic's messages. */
typedef struct wfb_spec {
    const char *fname;
    const char *const *names;
    int nparams, posonly, maxpos, minpos;
} wfb_spec;
int wfb_parse(const wfb_spec *sp, wf_object *const *args, wf_ssize_t nargs, wf_object *kwnames,
              wf_object **out);
/* "f expected at least 1 argument, got 0" and friends. */
int wfb_check_positional(const char *f, wf_ssize_t nargs, wf_ssize_t min, wf_ssize_t max);
/* "f() takes no keyword arguments" */
int wfb_no_kwargs(const char *f, wf_object *kwnames);
/* PyMapping_Check */
int wfb_mapping_check(wf_object *o);
/* sys.<name>: new reference, or NULL without an exception when missing. */
wf_object *wfb_sys_get(const char *name);
/* An interned identifier (immortal; borrowed is fine).  Makes a string
 * and looks it up each time: hot paths use WFB_ID below instead. */
static inline wf_object *wfb_id(const char *s) { return wf_str_intern_cstr(s); }

/* Interned strings of the hot paths, created by WF_MODULE_INIT(builtins)
 * before any other thread can call a builtin, read-only afterwards. */
#define WFB_ID_LIST(X) X(space, " ") X(newline, "\n") X(write, "write") X(round, "__round__")
enum {
#define X(n, s) WFB_ID_##n,
    WFB_ID_LIST(X)
#undef X
        WFB_ID_COUNT
};
extern wf_object *wfb_ids[WFB_ID_COUNT];
#define WFB_ID(n) (wfb_ids[WFB_ID_##n])

/* --- builtins_code.c ----------------------------------------------------------- */
extern wf_method_def wfb_code_methods[]; /* exec, eval, compile, __build_class__, ... */
/* anext(it, default)'s awaitable (builtins_code.c). */
wf_object *wfb_anext_awaitable_new(wf_object *awaitable, wf_object *dflt);
int wfb_code_init(void); /* readies the types of builtins_code.c */

/* --- builtins_union.c: types.UnionType (X | Y) --------------------------------- */
extern wf_type wfb_union_type;
/* a | b for classes, None and unions: a union, the only member, or
 * NotImplemented (new reference). */
wf_object *wfb_union_or(wf_object *a, wf_object *b);

#endif /* WEFT_MODULES_BUILTINS_IMPL_H */
