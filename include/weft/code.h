/*
 * weft/code.h — runtime code objects (the `code` type, runtime/vm/code.c).
 *
 * A wfv_code is what the interpreter runs: the compiler's plain-C output
 * (runtime/compiler/code.h, a wfc_code) turned into objects.  It holds
 *   - the instruction words (opcodes.h) and, per instruction, its source
 *     position (co_positions) and its inline-cache slot (co_cache_slot,
 *     -1 when the instruction owns none);
 *   - co_consts, a tuple of real objects (nested code objects included);
 *   - co_names / co_varnames / co_cellvars / co_freevars and the full
 *     fast-slot layout co_localsplusnames + co_localspluskinds, all names
 *     interned str;
 *   - the exception table copied in;
 *   - co_caches: co_ncaches zeroed inline-cache entries owned by the code
 *     object (the VM decides what it stores there; entries are atomic
 *     words so threads running the same code can update them safely).
 *
 * Everything except the contents of co_caches is immutable once the code
 * object is created, so it is read without locks.  Code objects use
 * deferred reference counting (ARCHITECTURE decision 2): whoever drops the
 * last real reference to one it created calls wf_clear_deferred (a code
 * object clears the deferral of the nested code objects in its constants
 * when it dies).
 */
#ifndef WEFT_CODE_H
#define WEFT_CODE_H

#include <stddef.h>
#include <stdint.h>

#include "weft/objects.h"

struct wfc_code;

typedef struct wfv_pos {
    int lineno, end_lineno, col, end_col; /* -1 when unknown; 0-based UTF-8 columns */
} wfv_pos;

typedef struct wfv_exc_entry {
    uint32_t start, end, target; /* instructions [start, end) jump to target */
    uint32_t depth;              /* stack depth to unwind to */
    uint32_t lasti;              /* push the raising offset first */
} wfv_exc_entry;

typedef struct wfv_inline_cache {
    _Atomic uint64_t tag;    /* e.g. a type version tag; 0 = empty */
    _Atomic uintptr_t value; /* what the VM caches for that tag */
} wfv_inline_cache;

typedef struct wfv_code {
    wf_object ob_base;
    int co_flags;                    /* CO_* (CPython's values) */
    int co_argcount, co_posonlyargcount, co_kwonlyargcount;
    int co_nlocals;                  /* len(co_varnames) */
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus, co_ncellvars, co_nfreevars;
    wf_ssize_t co_ninstrs;
    uint32_t *co_code;               /* co_ninstrs instruction words */
    wfv_pos *co_positions;           /* one per instruction */
    int32_t *co_cache_slot;          /* one per instruction: slot or -1 */
    wf_ssize_t co_nexc;
    wfv_exc_entry *co_exctable;      /* sorted by start, non-overlapping */
    wf_ssize_t co_ncaches;
    wfv_inline_cache *co_caches;     /* co_ncaches entries, zeroed */
    wf_object *co_consts;            /* tuple */
    wf_object *co_names;             /* tuple of interned str */
    wf_object *co_varnames, *co_cellvars, *co_freevars;
    wf_object *co_localsplusnames;   /* tuple of interned str, nlocalsplus */
    uint8_t *co_localspluskinds;     /* WFC_LP_* per fast slot */
    wf_object *co_filename, *co_name, *co_qualname; /* str */
} wfv_code;

extern wf_type wfv_code_type;
#define WFV_CODE_CHECK(o) (WF_TYPE(o) == &wfv_code_type)

/* A new code object (and its nested ones) from the compiler's output, or
 * NULL with an exception (MemoryError, SystemError for a malformed input). */
wf_object *wfv_code_from_wfc(const struct wfc_code *c);

/* compile(src, filename, "exec") with -O level optimize: a code object, or
 * NULL with SyntaxError / IndentationError / TabError (attributes msg,
 * filename, lineno, offset, text, end_lineno, end_offset as CPython sets
 * them), MemoryError or RecursionError raised. */
wf_object *wfv_compile_source(const char *src, size_t len, const char *filename, int optimize);

/* The same with a mode: 0 "exec", 1 "eval" (one expression; the code
 * returns its value), 2 "single" (one statement, expression values
 * printed as the interactive prompt does). */
wf_object *wfv_compile_source_mode(const char *src, size_t len, const char *filename, int mode,
                                   int optimize);

/* Make the constants of a program's code object immortal (see code.c);
 * call right after compiling code from a file or an import. */
void wfv_code_immortalize_consts(wf_object *code);

#endif /* WEFT_CODE_H */
