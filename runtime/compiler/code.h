/*
 * runtime/compiler/code.h — the compiler's output: code objects as plain C
 * data, ready for the interpreter to turn into runtime code objects.
 *
 * A wfc_code_unit owns one arena holding the module's code object, every
 * nested code object (functions, lambdas, classes, comprehensions — found
 * as WFC_CONST_CODE constants) and all their strings and constants; it is
 * freed at once by wfc_code_unit_free and does not reference the AST or
 * the source.
 *
 * A code object:
 *   flags            WFC_CO_* (CPython's co_flags values)
 *   argcount         positional parameters, positional-only included
 *   posonlyargcount, kwonlyargcount
 *   stacksize        the exact maximum operand-stack depth (flow analysis)
 *   localsplus       every fast slot: parameters and other locals first
 *                    (nlocals of them — co_varnames), then cells that are
 *                    not parameters, then free variables (copied in by
 *                    COPY_FREE_VARS from the function's closure); kinds[i]
 *                    is WFC_LP_* flags.  LOAD_FAST/LOAD_DEREF/... index this
 *                    array.  ncellvars/nfreevars count the CELL/FREE slots
 *                    (a cell parameter is both LOCAL|ARG and CELL).
 *   names            co_names (globals, attributes, imports)
 *   consts           constants (wfc_constant from ast.h: None, bools,
 *                    Ellipsis, int as exact decimal text (maybe '-'),
 *                    float, complex, str (UTF-8), bytes, tuple/frozenset of
 *                    constants, nested code)
 *   code             ninstrs 32-bit instruction words (opcodes.h)
 *   positions        one per instruction: (lineno, end_lineno, col,
 *                    end_col), 1-based lines, 0-based UTF-8 byte columns,
 *                    -1 where the instruction has no source position
 *   exctable         nexc entries, sorted by start, non-overlapping:
 *                    instructions [start, end) raising jump to `target`
 *                    after popping the stack to `depth` items and pushing
 *                    the raising offset first when `lasti`
 *   ncaches          inline cache slots (opcodes.h)
 *   filename, name, qualname, firstlineno
 */
#ifndef WEFT_COMPILER_CODE_H
#define WEFT_COMPILER_CODE_H

#include <stdint.h>

#include "runtime/compiler/ast.h"
#include "runtime/compiler/opcodes.h"

enum {
    WFC_CO_OPTIMIZED = 0x1,
    WFC_CO_NEWLOCALS = 0x2,
    WFC_CO_VARARGS = 0x4,
    WFC_CO_VARKEYWORDS = 0x8,
    WFC_CO_NESTED = 0x10,
    WFC_CO_GENERATOR = 0x20,
    WFC_CO_COROUTINE = 0x80,
    WFC_CO_ITERABLE_COROUTINE = 0x100,
    WFC_CO_ASYNC_GENERATOR = 0x200,
    WFC_CO_FUTURE_ANNOTATIONS = 0x1000000,
};

enum { WFC_LP_ARG = 0x02, WFC_LP_LOCAL = 0x20, WFC_LP_CELL = 0x40, WFC_LP_FREE = 0x80 };

typedef struct wfc_pos {
    int lineno, end_lineno, col, end_col;
} wfc_pos;

typedef struct wfc_exc_entry {
    uint32_t start, end, target;
    uint32_t depth;
    uint32_t lasti;
} wfc_exc_entry;

typedef struct wfc_code {
    int flags;
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize;
    int firstlineno;
    const char *filename, *name, *qualname;
    int nlocalsplus, nlocals, ncellvars, nfreevars;
    const char **localsplus;
    const uint8_t *kinds;
    int nnames;
    const char **names;
    int nconsts;
    const wfc_constant **consts;
    int ninstrs;
    const uint32_t *code;
    const wfc_pos *positions;
    int nexc;
    const wfc_exc_entry *exctable;
    int ncaches;
} wfc_code;

/* A compile-time warning (CPython's compiler_warn): category is
 * "SyntaxWarning"; the runtime issues it via warnings.warn_explicit. */
typedef struct wfc_warning {
    const char *msg;
    int lineno, col, end_lineno, end_col; /* the expression's position */
    struct wfc_warning *next;
} wfc_warning;

typedef struct wfc_code_unit {
    struct wfc_arena *arena;
    wfc_code *top;
    wfc_warning *warnings; /* in source order; in the arena; NULL if none */
} wfc_code_unit;

void wfc_code_unit_free(wfc_code_unit *u);

/* The inline-cache slot of every instruction (-1 when it has none), in a
 * malloc'd array of ninstrs ints, or NULL when out of memory. */
int *wfc_code_cache_slots(const wfc_code *co);

/* repr() of a constant as CPython prints it (tuples, frozensets, code as
 * <code object NAME, file "F", line N>).  0, or -1 when out of memory. */
struct wfo_strbuf;
int wfc_const_repr(struct wfo_strbuf *out, const wfc_constant *c);

/* Structural checks of one code object (not its nested ones): every jump
 * targets an instruction, every const/name/local index is in range, the
 * stack depth is consistent on every path (including exception edges),
 * never negative and never above stacksize, exception-table ranges and
 * handler depths are valid, and no path runs off the end.  0 when valid,
 * else -1 with a description in msg. */
int wfc_code_verify(const wfc_code *co, char *msg, size_t msglen);
/* wfc_code_verify over co and every nested code object. */
int wfc_code_verify_all(const wfc_code *co, char *msg, size_t msglen);

/* `weft --dis` listing of co and its nested code objects. */
int wfc_dis(struct wfo_strbuf *out, const wfc_code *co);

#endif /* WEFT_COMPILER_CODE_H */
