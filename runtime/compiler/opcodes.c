/*
 * runtime/compiler/opcodes.c — names, flags, argument kinds and stack
 * effects of the instruction set in opcodes.h.
 *
 * The stack effect is the single source of truth used by the compiler's
 * depth analysis and by the verifier (verify.c); keep it in step with the
 * per-opcode comments in opcodes.h.
 */
#include "runtime/compiler/opcodes.h"

#include <stddef.h>

typedef struct opinfo {
    const char *name;
    wfc_argkind ak;
    int flags;
} opinfo;

#define WFC_OP_INFO(n, a, f) {#n, WFC_AK_##a, f},
static const opinfo ops[] = {WFC_OPCODES(WFC_OP_INFO)};
static const opinfo pseudo[] = {WFC_PSEUDO_OPCODES(WFC_OP_INFO)};
#undef WFC_OP_INFO

static const opinfo *info(int op) {
    if (op >= 0 && op < WFC_NUM_OPCODES) return &ops[op];
    if (op >= WFC_FIRST_PSEUDO && op < WFC_FIRST_PSEUDO + (int)(sizeof pseudo / sizeof *pseudo))
        return &pseudo[op - WFC_FIRST_PSEUDO];
    return NULL;
}

const char *wfc_opcode_name(int op) {
    const opinfo *i = info(op);
    return i ? i->name : NULL;
}
int wfc_opcode_flags(int op) {
    const opinfo *i = info(op);
    return i ? i->flags : -1;
}
wfc_argkind wfc_opcode_argkind(int op) {
    const opinfo *i = info(op);
    return i ? i->ak : WFC_AK_NONE;
}

static int popcount4(int x) { return (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1); }

int wfc_stack_effect(int op, int arg, int jump) {
    switch (op) {
    case WFC_NOP:
    case WFC_RESUME:
    case WFC_KW_NAMES:
    case WFC_MAKE_CELL:
    case WFC_COPY_FREE_VARS:
    case WFC_SWAP:
    case WFC_UNARY_POSITIVE:
    case WFC_UNARY_NEGATIVE:
    case WFC_UNARY_NOT:
    case WFC_UNARY_INVERT:
    case WFC_GET_ITER:
    case WFC_GET_YIELD_FROM_ITER:
    case WFC_GET_AWAITABLE:
    case WFC_GET_AITER:
    case WFC_YIELD_VALUE:
    case WFC_ASYNC_GEN_WRAP:
    case WFC_SETUP_ANNOTATIONS:
    case WFC_CHECK_EXC_MATCH:
    case WFC_CHECK_EG_MATCH:
    case WFC_LOAD_ATTR:
    case WFC_LIST_TO_TUPLE:
    case WFC_DELETE_NAME:
    case WFC_DELETE_GLOBAL:
    case WFC_DELETE_FAST:
    case WFC_DELETE_DEREF:
    case WFC_POP_BLOCK:
        return 0;
    case WFC_POP_TOP:
    case WFC_BINARY_OP:
    case WFC_BINARY_SUBSCR:
    case WFC_PRINT_EXPR:
    case WFC_RETURN_VALUE:
    case WFC_IMPORT_STAR:
    case WFC_POP_EXCEPT:
    case WFC_PREP_RERAISE_STAR:
    case WFC_RERAISE:
    case WFC_STORE_NAME:
    case WFC_STORE_GLOBAL:
    case WFC_STORE_FAST:
    case WFC_STORE_DEREF:
    case WFC_DELETE_ATTR:
    case WFC_IMPORT_NAME:
    case WFC_LIST_APPEND:
    case WFC_SET_ADD:
    case WFC_LIST_EXTEND:
    case WFC_SET_UPDATE:
    case WFC_DICT_UPDATE:
    case WFC_DICT_MERGE:
    case WFC_COMPARE_OP:
    case WFC_IS_OP:
    case WFC_CONTAINS_OP:
    case WFC_POP_JUMP_IF_FALSE:
    case WFC_POP_JUMP_IF_TRUE:
    case WFC_POP_JUMP_IF_NONE:
    case WFC_POP_JUMP_IF_NOT_NONE:
        return -1;
    case WFC_PUSH_NULL:
    case WFC_COPY:
    case WFC_GET_ANEXT:
    case WFC_BEFORE_WITH:
    case WFC_BEFORE_ASYNC_WITH:
    case WFC_WITH_EXCEPT_START:
    case WFC_LOAD_BUILD_CLASS:
    case WFC_LOAD_ASSERTION_ERROR:
    case WFC_RETURN_GENERATOR:
    case WFC_PUSH_EXC_INFO:
    case WFC_LOAD_CONST:
    case WFC_LOAD_NAME:
    case WFC_LOAD_FAST:
    case WFC_LOAD_DEREF:
    case WFC_LOAD_CLOSURE:
    case WFC_LOAD_CLASSDEREF:
    case WFC_LOAD_METHOD:
    case WFC_IMPORT_FROM:
    case WFC_MATCH_KEYS:
    case WFC_MATCH_MAPPING:
    case WFC_MATCH_SEQUENCE:
    case WFC_GET_LEN:
    case WFC_LOAD_FAST__LOAD_ATTR:
    case WFC_LOAD_FAST__STORE_ATTR:
    case WFC_LOAD_FAST__BINARY_OP:
    case WFC_LOAD_FAST__BINARY_SUBSCR:
    case WFC_LOAD_FAST__COMPARE_OP:
    case WFC_LOAD_FAST__UNPACK_SEQUENCE:
    case WFC_LOAD_FAST__RETURN_VALUE:
    case WFC_LOAD_FAST__LOAD_FAST__BINARY_OP:
    case WFC_LOAD_FAST__LOAD_FAST__BINARY_SUBSCR:
    case WFC_LOAD_FAST__LOAD_FAST__COMPARE_OP:
    case WFC_LOAD_FAST__LOAD_CONST__BINARY_OP:
    case WFC_LOAD_FAST__LOAD_CONST__BINARY_SUBSCR:
    case WFC_LOAD_FAST__LOAD_CONST__COMPARE_OP:
        return 1;
    case WFC_DELETE_SUBSCR:
    case WFC_END_ASYNC_FOR:
    case WFC_STORE_ATTR:
    case WFC_MAP_ADD:
    case WFC_MATCH_CLASS:
        return -2;
    case WFC_STORE_SUBSCR: return -3;
    case WFC_SEND: return jump ? -1 : 0;
    case WFC_RAISE_VARARGS: return -arg;
    case WFC_LOAD_GLOBAL: return 1 + (arg & 1);
    case WFC_BUILD_TUPLE:
    case WFC_BUILD_LIST:
    case WFC_BUILD_SET:
    case WFC_BUILD_STRING:
    case WFC_BUILD_SLICE: return 1 - arg;
    case WFC_BUILD_MAP: return 1 - 2 * arg;
    case WFC_BUILD_CONST_KEY_MAP: return -arg;
    case WFC_UNPACK_SEQUENCE: return arg - 1;
    case WFC_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case WFC_JUMP:
    case WFC_JUMP_NO_INTERRUPT: return 0;
    case WFC_JUMP_IF_FALSE_OR_POP:
    case WFC_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case WFC_FOR_ITER: return jump ? -1 : 1;
    case WFC_CALL: return -arg - 1;
    case WFC_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case WFC_MAKE_FUNCTION: return -popcount4(arg);
    case WFC_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case WFC_SETUP_FINALLY: return jump ? 1 : 0;
    case WFC_SETUP_CLEANUP: return jump ? 2 : 0;
    case WFC_SETUP_WITH: return jump ? 1 : 0;
    default: return INT32_MIN;
    }
}

int wfc_superinstruction_tail(int op) {
    switch (op) {
    case WFC_LOAD_FAST__LOAD_ATTR: return WFC_LOAD_ATTR;
    case WFC_LOAD_FAST__STORE_ATTR: return WFC_STORE_ATTR;
    case WFC_LOAD_FAST__BINARY_OP: return WFC_BINARY_OP;
    case WFC_LOAD_FAST__BINARY_SUBSCR: return WFC_BINARY_SUBSCR;
    case WFC_LOAD_FAST__COMPARE_OP: return WFC_COMPARE_OP;
    case WFC_LOAD_FAST__UNPACK_SEQUENCE: return WFC_UNPACK_SEQUENCE;
    case WFC_LOAD_FAST__RETURN_VALUE: return WFC_RETURN_VALUE;
    case WFC_LOAD_FAST__LOAD_FAST__BINARY_OP:
    case WFC_LOAD_FAST__LOAD_CONST__BINARY_OP: return WFC_BINARY_OP;
    case WFC_LOAD_FAST__LOAD_FAST__BINARY_SUBSCR:
    case WFC_LOAD_FAST__LOAD_CONST__BINARY_SUBSCR: return WFC_BINARY_SUBSCR;
    case WFC_LOAD_FAST__LOAD_FAST__COMPARE_OP:
    case WFC_LOAD_FAST__LOAD_CONST__COMPARE_OP: return WFC_COMPARE_OP;
    default: return -1;
    }
}

int wfc_superinstruction_size(int op) {
    switch (op) {
    case WFC_LOAD_FAST__LOAD_FAST__BINARY_OP:
    case WFC_LOAD_FAST__LOAD_FAST__BINARY_SUBSCR:
    case WFC_LOAD_FAST__LOAD_FAST__COMPARE_OP:
    case WFC_LOAD_FAST__LOAD_CONST__BINARY_OP:
    case WFC_LOAD_FAST__LOAD_CONST__BINARY_SUBSCR:
    case WFC_LOAD_FAST__LOAD_CONST__COMPARE_OP: return 3;
    default: return wfc_superinstruction_tail(op) >= 0 ? 2 : 0;
    }
}

static const char *const binops[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
                                     "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
const char *wfc_binop_name(int arg) {
    return arg >= 0 && arg < (int)(sizeof binops / sizeof *binops) ? binops[arg] : NULL;
}

static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">="};
const char *wfc_cmp_name(int arg) { return arg >= 0 && arg < 6 ? cmps[arg] : NULL; }
