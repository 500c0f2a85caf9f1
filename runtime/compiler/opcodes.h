/*
 * runtime/compiler/opcodes.h — Weft's bytecode: instruction set and encoding.
 *
 * ENCODING.  An instruction is one 32-bit word: the opcode in the low 8
 * bits, the argument in the high 24 bits (WFC_OP(w), WFC_ARG(w)).  There is
 * no EXTENDED_ARG: a code object whose constants, names, locals or
 * instructions would need an argument of 2^24 or more is rejected by the
 * compiler ("code object too large").  Instruction offsets count words.
 *
 * JUMPS carry the absolute offset of their target.  JUMP checks the eval
 * breaker when the target is not after it (a loop); JUMP_NO_INTERRUPT never
 * does (used by the await/yield-from loop).
 *
 * INLINE CACHES are not in the instruction stream.  Every instruction whose
 * opcode has WFC_OPF_CACHE owns one cache slot in a per-code side table; the
 * slot of instruction i is the number of cache-owning instructions before i
 * (wfc_code_cache_slots() computes the map; wfc_code.ncaches counts them).
 * The VM may keep that table per thread and specialize it without touching
 * the shared instruction words.
 *
 * EXCEPTIONS use 3.11's zero-cost scheme: no block-setup instructions run;
 * the code object's exception table maps instruction ranges to a handler
 * offset, the stack depth to unwind to, and whether to push the offset of
 * the raising instruction ("lasti") before the exception.
 *
 * The instruction set is CPython 3.11's without the adaptive/specialized
 * forms, with these differences (all documented per opcode below):
 *   - PRECALL is folded into CALL; every call site pushes [NULL, callable]
 *     or [method, self] (LOAD_METHOD) before its arguments, so CALL n always
 *     finds its callable at depth n+2 and never relies on 3.11's "a non-NULL
 *     below the callable is a self" convention;
 *   - JUMP_FORWARD/JUMP_BACKWARD and the POP_JUMP_FORWARD/BACKWARD variants
 *     are one JUMP / POP_JUMP_IF_* each, with absolute targets;
 *   - RETURN_GENERATOR pushes the value the generator is first resumed with
 *     (None), which the next POP_TOP discards (stack effect +1);
 *   - the with-statement's normal exit calls __exit__ explicitly:
 *     PUSH_NULL; SWAP 2; LOAD_CONST None x3; CALL 3; POP_TOP.
 * SUPERINSTRUCTION HEADS.  LOAD_FAST__X is a LOAD_FAST whose next
 * instruction (same basic block, so never a jump or handler target) is X,
 * one of LOAD_ATTR, STORE_ATTR, BINARY_OP, BINARY_SUBSCR, COMPARE_OP,
 * UNPACK_SEQUENCE, RETURN_VALUE, and X's operand on top of the stack is
 * that local (RETURN_VALUE moves the local's reference out when no frame
 * object can show the locals afterwards).  LOAD_FAST__LOAD_FAST__X
 * and LOAD_FAST__LOAD_CONST__X (X one of BINARY_OP, BINARY_SUBSCR,
 * COMPARE_OP) are a LOAD_FAST followed by a LOAD_FAST (or its own head
 * LOAD_FAST__X) or a LOAD_CONST, then X: both of X's operands.  Every
 * instruction stays in the stream with its own position and cache; the
 * head executes the group, lending X the locals (and constant) without
 * counting references (a running frame's locals change only through its
 * own instructions), and skips the rest.  Its stack effect is LOAD_FAST's,
 * so depth analysis and the verifier read the group instruction by
 * instruction.  The compiler's peephole makes them
 * (wfc_superinstruction_size/_tail describe them).
 * Pseudo-instructions (>= WFC_FIRST_PSEUDO) exist only inside the compiler:
 * SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH/POP_BLOCK delimit the ranges that
 * become exception-table entries.
 *
 * Argument kinds (for the disassembler and the verifier):
 *   CONST  index into consts        NAME   index into names
 *   LOCAL  index into localsplus    DEREF  index into localsplus (cell/free)
 *   GLOBAL (names index << 1) | push_null
 *   JUMP   absolute target offset   INT    a count or flag word
 *   CMP    comparison (WFC_CMP_*)   BINOP  WFC_NB_*
 */
#ifndef WEFT_COMPILER_OPCODES_H
#define WEFT_COMPILER_OPCODES_H

#include <stdint.h>

#define WFC_OP(w) ((int)((w) & 0xFFu))
#define WFC_ARG(w) ((int)((w) >> 8))
#define WFC_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define WFC_MAX_ARG ((1 << 24) - 1)

enum {
    WFC_OPF_ARG = 1,   /* uses its argument */
    WFC_OPF_JUMP = 2,  /* argument is a jump target */
    WFC_OPF_CACHE = 4, /* owns an inline cache slot */
    WFC_OPF_TERM = 8,  /* never falls through (return, raise, jump) */
};

typedef enum wfc_argkind {
    WFC_AK_NONE,
    WFC_AK_INT,
    WFC_AK_CONST,
    WFC_AK_NAME,
    WFC_AK_GLOBAL,
    WFC_AK_LOCAL,
    WFC_AK_DEREF,
    WFC_AK_JUMP,
    WFC_AK_CMP,
    WFC_AK_BINOP,
} wfc_argkind;

/* X(name, argkind, flags) — the opcode numbers are the order here. */
#define WFC_OPCODES(X)                                                                  \
    X(NOP, NONE, 0)                                                                     \
    X(POP_TOP, NONE, 0)                                                                 \
    X(PUSH_NULL, NONE, 0)                                                               \
    X(COPY, INT, WFC_OPF_ARG)                /* push a copy of the n-th item (1 = TOS) */ \
    X(SWAP, INT, WFC_OPF_ARG)                /* swap TOS with the n-th item */        \
    X(UNARY_POSITIVE, NONE, 0)                                                          \
    X(UNARY_NEGATIVE, NONE, 0)                                                          \
    X(UNARY_NOT, NONE, 0)                                                               \
    X(UNARY_INVERT, NONE, 0)                                                            \
    X(BINARY_OP, BINOP, WFC_OPF_ARG | WFC_OPF_CACHE)                                    \
    X(BINARY_SUBSCR, NONE, WFC_OPF_CACHE)                                               \
    X(STORE_SUBSCR, NONE, WFC_OPF_CACHE)     /* TOS1[TOS] = TOS2 */                   \
    X(DELETE_SUBSCR, NONE, 0)                                                           \
    X(GET_ITER, NONE, 0)                                                                \
    X(GET_YIELD_FROM_ITER, NONE, 0)                                                     \
    X(GET_AWAITABLE, INT, WFC_OPF_ARG)       /* 0 await, 1 __aenter__, 2 __aexit__ */  \
    X(GET_AITER, NONE, 0)                                                               \
    X(GET_ANEXT, NONE, 0)                                                               \
    X(END_ASYNC_FOR, NONE, 0)                /* [aiter, exc]: StopAsyncIteration ends the loop */ \
    X(BEFORE_WITH, NONE, 0)                  /* ctx -> [bound __exit__, __enter__()] */ \
    X(BEFORE_ASYNC_WITH, NONE, 0)            /* ctx -> [bound __aexit__, __aenter__()] */ \
    X(WITH_EXCEPT_START, NONE, 0)            /* [exit, lasti, prev, exc] -> + exit(type, exc, tb) */ \
    X(PRINT_EXPR, NONE, 0)                                                              \
    X(LOAD_BUILD_CLASS, NONE, 0)                                                        \
    X(LOAD_ASSERTION_ERROR, NONE, 0)                                                    \
    X(RETURN_VALUE, NONE, WFC_OPF_TERM)                                                 \
    X(YIELD_VALUE, NONE, 0)                                                             \
    X(RESUME, INT, WFC_OPF_ARG)              /* 0 start, 1 after yield, 2 after yield from, 3 after await */ \
    X(RETURN_GENERATOR, NONE, 0)                                                        \
    X(ASYNC_GEN_WRAP, NONE, 0)                                                          \
    X(SEND, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP) /* [recv, v] -> [recv, yielded]; on return jump with [result] */ \
    X(SETUP_ANNOTATIONS, NONE, 0)                                                       \
    X(IMPORT_STAR, NONE, 0)                                                             \
    X(POP_EXCEPT, NONE, 0)                   /* pop the saved exception back into exc_info */ \
    X(PUSH_EXC_INFO, NONE, 0)                /* [exc] -> [previous exc_info, exc]; exc_info = exc */ \
    X(CHECK_EXC_MATCH, NONE, 0)              /* [exc, type] -> [exc, bool] */          \
    X(CHECK_EG_MATCH, NONE, 0)               /* [eg, type] -> [rest, match or None] */ \
    X(PREP_RERAISE_STAR, NONE, 0)            /* [orig, raised list] -> [exc to reraise or None] */ \
    X(RERAISE, INT, WFC_OPF_ARG | WFC_OPF_TERM) /* raise TOS; arg>0: restore lasti from the arg-th item */ \
    X(RAISE_VARARGS, INT, WFC_OPF_ARG | WFC_OPF_TERM)                                   \
    X(LOAD_CONST, CONST, WFC_OPF_ARG)                                                   \
    X(LOAD_NAME, NAME, WFC_OPF_ARG)                                                     \
    X(STORE_NAME, NAME, WFC_OPF_ARG)                                                    \
    X(DELETE_NAME, NAME, WFC_OPF_ARG)                                                   \
    X(LOAD_GLOBAL, GLOBAL, WFC_OPF_ARG | WFC_OPF_CACHE)                                 \
    X(STORE_GLOBAL, NAME, WFC_OPF_ARG)                                                  \
    X(DELETE_GLOBAL, NAME, WFC_OPF_ARG)                                                 \
    X(LOAD_FAST, LOCAL, WFC_OPF_ARG)                                                    \
    X(STORE_FAST, LOCAL, WFC_OPF_ARG)                                                   \
    X(DELETE_FAST, LOCAL, WFC_OPF_ARG)                                                  \
    X(LOAD_DEREF, DEREF, WFC_OPF_ARG)                                                   \
    X(STORE_DEREF, DEREF, WFC_OPF_ARG)                                                  \
    X(DELETE_DEREF, DEREF, WFC_OPF_ARG)                                                 \
    X(LOAD_CLOSURE, DEREF, WFC_OPF_ARG)                                                 \
    X(LOAD_CLASSDEREF, DEREF, WFC_OPF_ARG)   /* class body: locals dict, then the cell */ \
    X(MAKE_CELL, DEREF, WFC_OPF_ARG)                                                    \
    X(COPY_FREE_VARS, INT, WFC_OPF_ARG)                                                 \
    X(LOAD_ATTR, NAME, WFC_OPF_ARG | WFC_OPF_CACHE)                                     \
    X(STORE_ATTR, NAME, WFC_OPF_ARG | WFC_OPF_CACHE) /* TOS.name = TOS1 */              \
    X(DELETE_ATTR, NAME, WFC_OPF_ARG)                                                   \
    X(LOAD_METHOD, NAME, WFC_OPF_ARG | WFC_OPF_CACHE) /* obj -> [meth, obj] or [NULL, attr] */ \
    X(IMPORT_NAME, NAME, WFC_OPF_ARG)        /* [level, fromlist] -> module */         \
    X(IMPORT_FROM, NAME, WFC_OPF_ARG)        /* module -> [module, attr] */            \
    X(BUILD_TUPLE, INT, WFC_OPF_ARG)                                                    \
    X(BUILD_LIST, INT, WFC_OPF_ARG)                                                     \
    X(BUILD_SET, INT, WFC_OPF_ARG)                                                      \
    X(BUILD_MAP, INT, WFC_OPF_ARG)           /* n key/value pairs */                  \
    X(BUILD_CONST_KEY_MAP, INT, WFC_OPF_ARG) /* n values + keys tuple */              \
    X(BUILD_STRING, INT, WFC_OPF_ARG)                                                   \
    X(BUILD_SLICE, INT, WFC_OPF_ARG)                                                    \
    X(LIST_APPEND, INT, WFC_OPF_ARG)         /* append TOS to the list at depth arg (after pop) */ \
    X(SET_ADD, INT, WFC_OPF_ARG)                                                        \
    X(MAP_ADD, INT, WFC_OPF_ARG)             /* [.., key, value]: dict at depth arg after pops */ \
    X(LIST_EXTEND, INT, WFC_OPF_ARG)                                                    \
    X(SET_UPDATE, INT, WFC_OPF_ARG)                                                     \
    X(DICT_UPDATE, INT, WFC_OPF_ARG)                                                    \
    X(DICT_MERGE, INT, WFC_OPF_ARG)          /* DICT_UPDATE that rejects duplicate keys (calls) */ \
    X(LIST_TO_TUPLE, NONE, 0)                                                           \
    X(UNPACK_SEQUENCE, INT, WFC_OPF_ARG | WFC_OPF_CACHE)                                \
    X(UNPACK_EX, INT, WFC_OPF_ARG)           /* before | after << 8 */                 \
    X(COMPARE_OP, CMP, WFC_OPF_ARG | WFC_OPF_CACHE)                                     \
    X(IS_OP, INT, WFC_OPF_ARG)               /* 1: is not */                           \
    X(CONTAINS_OP, INT, WFC_OPF_ARG)         /* 1: not in */                           \
    X(JUMP, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP | WFC_OPF_TERM)                            \
    X(JUMP_NO_INTERRUPT, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP | WFC_OPF_TERM)               \
    X(POP_JUMP_IF_FALSE, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)                              \
    X(POP_JUMP_IF_TRUE, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)                               \
    X(POP_JUMP_IF_NONE, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)                               \
    X(POP_JUMP_IF_NOT_NONE, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)                           \
    X(JUMP_IF_FALSE_OR_POP, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)                           \
    X(JUMP_IF_TRUE_OR_POP, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)                            \
    X(FOR_ITER, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP | WFC_OPF_CACHE) /* exhausted: pop iterator, jump */ \
    X(KW_NAMES, CONST, WFC_OPF_ARG)          /* names of the last keyword arguments of the next CALL */ \
    X(CALL, INT, WFC_OPF_ARG | WFC_OPF_CACHE) /* [NULL|meth, callable|self, n args] -> result */ \
    X(CALL_FUNCTION_EX, INT, WFC_OPF_ARG)    /* [NULL, f, args tuple, (kwargs if arg&1)] */ \
    X(MAKE_FUNCTION, INT, WFC_OPF_ARG)       /* flags 1 defaults, 2 kwdefaults, 4 annotations, 8 closure; code on top */ \
    X(FORMAT_VALUE, INT, WFC_OPF_ARG)        /* arg&3: 0 none, 1 str, 2 repr, 3 ascii; arg&4: spec on top */ \
    X(MATCH_CLASS, INT, WFC_OPF_ARG)         /* [subject, cls, kw names] -> attrs tuple or None; arg positional count */ \
    X(MATCH_KEYS, NONE, 0)                   /* [subject, keys] -> [subject, keys, values tuple or None] */ \
    X(MATCH_MAPPING, NONE, 0)                                                           \
    X(MATCH_SEQUENCE, NONE, 0)                                                          \
    X(GET_LEN, NONE, 0)                                                                 \
    X(LOAD_FAST__LOAD_ATTR, LOCAL, WFC_OPF_ARG)     /* superinstruction heads: see above */ \
    X(LOAD_FAST__STORE_ATTR, LOCAL, WFC_OPF_ARG)                                        \
    X(LOAD_FAST__BINARY_OP, LOCAL, WFC_OPF_ARG)                                         \
    X(LOAD_FAST__BINARY_SUBSCR, LOCAL, WFC_OPF_ARG)                                     \
    X(LOAD_FAST__COMPARE_OP, LOCAL, WFC_OPF_ARG)                                        \
    X(LOAD_FAST__UNPACK_SEQUENCE, LOCAL, WFC_OPF_ARG)                                   \
    X(LOAD_FAST__RETURN_VALUE, LOCAL, WFC_OPF_ARG)                                      \
    X(LOAD_FAST__LOAD_FAST__BINARY_OP, LOCAL, WFC_OPF_ARG)                              \
    X(LOAD_FAST__LOAD_FAST__BINARY_SUBSCR, LOCAL, WFC_OPF_ARG)                          \
    X(LOAD_FAST__LOAD_FAST__COMPARE_OP, LOCAL, WFC_OPF_ARG)                             \
    X(LOAD_FAST__LOAD_CONST__BINARY_OP, LOCAL, WFC_OPF_ARG)                             \
    X(LOAD_FAST__LOAD_CONST__BINARY_SUBSCR, LOCAL, WFC_OPF_ARG)                         \
    X(LOAD_FAST__LOAD_CONST__COMPARE_OP, LOCAL, WFC_OPF_ARG)

#define WFC_PSEUDO_OPCODES(X)                 \
    X(SETUP_FINALLY, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP) \
    X(SETUP_CLEANUP, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP) \
    X(SETUP_WITH, JUMP, WFC_OPF_ARG | WFC_OPF_JUMP)    \
    X(POP_BLOCK, NONE, 0)

#define WFC_OP_ENUM(name, ak, fl) WFC_##name,
enum wfc_opcode { WFC_OPCODES(WFC_OP_ENUM) WFC_NUM_OPCODES };
enum { WFC_FIRST_PSEUDO = 240 };
enum wfc_pseudo_opcode { WFC_PSEUDO_BASE_ = WFC_FIRST_PSEUDO - 1, WFC_PSEUDO_OPCODES(WFC_OP_ENUM) };
#undef WFC_OP_ENUM

/* COMPARE_OP arguments (CPython's Py_LT ...). */
enum { WFC_CMP_LT, WFC_CMP_LE, WFC_CMP_EQ, WFC_CMP_NE, WFC_CMP_GT, WFC_CMP_GE };

/* BINARY_OP arguments: CPython 3.11's NB_* numbering (in-place = +13). */
enum {
    WFC_NB_ADD, WFC_NB_AND, WFC_NB_FLOOR_DIVIDE, WFC_NB_LSHIFT, WFC_NB_MATRIX_MULTIPLY, WFC_NB_MULTIPLY,
    WFC_NB_REMAINDER, WFC_NB_OR, WFC_NB_POWER, WFC_NB_RSHIFT, WFC_NB_SUBTRACT, WFC_NB_TRUE_DIVIDE, WFC_NB_XOR,
    WFC_NB_INPLACE = 13,
};

/* MAKE_FUNCTION flags. */
enum { WFC_MKFN_DEFAULTS = 1, WFC_MKFN_KWDEFAULTS = 2, WFC_MKFN_ANNOTATIONS = 4, WFC_MKFN_CLOSURE = 8 };

const char *wfc_opcode_name(int op);   /* "LOAD_CONST", or NULL for unknown */
int wfc_opcode_flags(int op);          /* WFC_OPF_*; -1 when unknown */
wfc_argkind wfc_opcode_argkind(int op);
/* Stack effect of op with arg; `jump` selects the effect when the jump is
 * taken (for a jump instruction) and is ignored otherwise.  Returns
 * INT32_MIN for an unknown opcode. */
int wfc_stack_effect(int op, int arg, int jump);
/* The last instruction of a superinstruction head's group (X), or -1 if
 * op is not a head; the number of instructions in the group (2 or 3), or
 * 0. */
int wfc_superinstruction_tail(int op);
int wfc_superinstruction_size(int op);
const char *wfc_binop_name(int arg);   /* "+", "+=", ... */
const char *wfc_cmp_name(int arg);     /* "<", ... */

#endif /* WEFT_COMPILER_OPCODES_H */
