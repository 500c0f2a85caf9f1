/*
 * runtime/compiler/code.c — helpers over finished code objects (code.h):
 * constant repr, the inline-cache slot map, the bytecode verifier and the
 * `weft --dis` listing.
 *
 * The verifier trusts nothing the compiler computed except the stack
 * effects of opcodes.c: it re-derives every instruction's entry depth by
 * a work-list walk over fall-through, jump and exception edges and checks
 * it against the code object's stacksize and exception table.
 *
 * --dis format (stable; golden tests depend on it):
 *   Disassembly of <code object NAME, file "FILE", line N>:
 *     qualname QUALNAME
 *     flags 0xHEX (NAMES)
 *     argcount A posonly P kwonly K nlocals L stacksize S caches C
 *     localsplus: INDEX NAME (KINDS), ...
 *     names: INDEX NAME, ...
 *     consts: INDEX REPR, ...
 *   then one line per instruction:
 *     LINE  [>>] OFFSET OPNAME ARG (RESOLVED)
 *   where LINE is printed on the first instruction of a new source line,
 *   >> marks jump/handler targets and RESOLVED is the constant repr, name,
 *   local, jump target ("to N"), operator or call details; then
 *     ExceptionTable:
 *       START to END -> TARGET [DEPTH] lasti?
 *   and the nested code objects, each as its own disassembly.
 */
#include "runtime/compiler/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/arena.h"
#include "runtime/objects/repr.h"

int wfc_const_repr(wfo_strbuf *out, const wfc_constant *c) {
    switch (c->kind) {
    case WFC_CONST_NONE: return wfo_strbuf_append(out, "None", 4);
    case WFC_CONST_TRUE: return wfo_strbuf_append(out, "True", 4);
    case WFC_CONST_FALSE: return wfo_strbuf_append(out, "False", 5);
    case WFC_CONST_ELLIPSIS: return wfo_strbuf_append(out, "Ellipsis", 8);
    case WFC_CONST_INT: return wfo_strbuf_append(out, c->str, c->len);
    case WFC_CONST_FLOAT: return wfo_repr_float(out, c->f);
    case WFC_CONST_COMPLEX: return wfo_repr_complex(out, c->real, c->f);
    case WFC_CONST_STR: return wfo_repr_str(out, c->str, c->len);
    case WFC_CONST_BYTES: return wfo_repr_bytes(out, (const unsigned char *)c->str, c->len);
    case WFC_CONST_TUPLE:
        if (wfo_strbuf_append(out, "(", 1) < 0) return -1;
        for (int i = 0; i < c->nelts; i++) {
            if (i && wfo_strbuf_append(out, ", ", 2) < 0) return -1;
            if (wfc_const_repr(out, c->elts[i]) < 0) return -1;
        }
        if (c->nelts == 1 && wfo_strbuf_append(out, ",", 1) < 0) return -1;
        return wfo_strbuf_append(out, ")", 1);
    case WFC_CONST_FROZENSET:
        if (!c->nelts) return wfo_strbuf_append(out, "frozenset()", 11);
        if (wfo_strbuf_append(out, "frozenset({", 11) < 0) return -1;
        for (int i = 0; i < c->nelts; i++) {
            if (i && wfo_strbuf_append(out, ", ", 2) < 0) return -1;
            if (wfc_const_repr(out, c->elts[i]) < 0) return -1;
        }
        return wfo_strbuf_append(out, "})", 2);
    case WFC_CONST_CODE:
        return wfo_strbuf_appendf(out, "<code object %s, file \"%s\", line %d>", c->code->name, c->code->filename,
                                  c->code->firstlineno);
    }
    return -1;
}

int *wfc_code_cache_slots(const wfc_code *co) {
    int *m = malloc((size_t)(co->ninstrs ? co->ninstrs : 1) * sizeof *m);
    if (!m) return NULL;
    int k = 0;
    for (int i = 0; i < co->ninstrs; i++)
        m[i] = (wfc_opcode_flags(WFC_OP(co->code[i])) & WFC_OPF_CACHE) ? k++ : -1;
    return m;
}

/* ----- verifier ----- */

#define VFAIL(...)                            \
    do {                                      \
        snprintf(msg, msglen, __VA_ARGS__);   \
        free(depth);                          \
        free(work);                           \
        return -1;                            \
    } while (0)

int wfc_code_verify(const wfc_code *co, char *msg, size_t msglen) {
    int n = co->ninstrs;
    int *depth = NULL, *work = NULL;
    if (n <= 0) VFAIL("%s: no instructions", co->qualname);
    depth = malloc((size_t)n * sizeof *depth);
    work = malloc((size_t)n * sizeof *work);
    if (!depth || !work) VFAIL("out of memory");
    for (int i = 0; i < n; i++) depth[i] = -1;
    /* static checks */
    for (int i = 0; i < n; i++) {
        int op = WFC_OP(co->code[i]), arg = WFC_ARG(co->code[i]);
        int fl = wfc_opcode_flags(op);
        if (fl < 0 || op >= WFC_FIRST_PSEUDO) VFAIL("%s@%d: bad opcode %d", co->qualname, i, op);
        if (!(fl & WFC_OPF_ARG) && arg) VFAIL("%s@%d: argument on %s", co->qualname, i, wfc_opcode_name(op));
        switch (wfc_opcode_argkind(op)) {
        case WFC_AK_CONST:
            if (arg >= co->nconsts) VFAIL("%s@%d: const index %d out of range", co->qualname, i, arg);
            if (op == WFC_KW_NAMES && co->consts[arg]->kind != WFC_CONST_TUPLE)
                VFAIL("%s@%d: KW_NAMES of a non-tuple", co->qualname, i);
            break;
        case WFC_AK_NAME:
            if (arg >= co->nnames) VFAIL("%s@%d: name index %d out of range", co->qualname, i, arg);
            break;
        case WFC_AK_GLOBAL:
            if ((arg >> 1) >= co->nnames) VFAIL("%s@%d: name index %d out of range", co->qualname, i, arg >> 1);
            break;
        case WFC_AK_LOCAL:
            if (arg >= co->nlocalsplus || !(co->kinds[arg] & WFC_LP_LOCAL))
                VFAIL("%s@%d: local index %d out of range", co->qualname, i, arg);
            break;
        case WFC_AK_DEREF:
            if (arg >= co->nlocalsplus || !(co->kinds[arg] & (WFC_LP_CELL | WFC_LP_FREE)))
                VFAIL("%s@%d: cell index %d not a cell/free slot", co->qualname, i, arg);
            break;
        case WFC_AK_JUMP:
            if (arg >= n) VFAIL("%s@%d: jump target %d outside the code", co->qualname, i, arg);
            if ((arg > 0 && wfc_superinstruction_size(WFC_OP(co->code[arg - 1])) >= 2) ||
                (arg > 1 && wfc_superinstruction_size(WFC_OP(co->code[arg - 2])) == 3))
                VFAIL("%s@%d: jump into a superinstruction at %d", co->qualname, i, arg);
            break;
        case WFC_AK_CMP:
            if (arg > WFC_CMP_GE) VFAIL("%s@%d: bad comparison %d", co->qualname, i, arg);
            break;
        case WFC_AK_BINOP:
            if (!wfc_binop_name(arg)) VFAIL("%s@%d: bad operator %d", co->qualname, i, arg);
            break;
        default: break;
        }
        int tail = wfc_superinstruction_tail(op), size = wfc_superinstruction_size(op);
        if (size && (i + size > n || WFC_OP(co->code[i + size - 1]) != tail))
            VFAIL("%s@%d: %s not followed by %s", co->qualname, i, wfc_opcode_name(op), wfc_opcode_name(tail));
        if (size == 3) {
            int mid = WFC_OP(co->code[i + 1]);
            int fast = mid == WFC_LOAD_FAST || (wfc_superinstruction_size(mid) == 2 &&
                                                wfc_superinstruction_tail(mid) == tail);
            int cnst = op == WFC_LOAD_FAST__LOAD_CONST__BINARY_OP || op == WFC_LOAD_FAST__LOAD_CONST__BINARY_SUBSCR ||
                       op == WFC_LOAD_FAST__LOAD_CONST__COMPARE_OP;
            if (cnst ? mid != WFC_LOAD_CONST : !fast)
                VFAIL("%s@%d: %s with %s in the middle", co->qualname, i, wfc_opcode_name(op), wfc_opcode_name(mid));
        }
        if (op == WFC_MAKE_FUNCTION && (i == 0 || WFC_OP(co->code[i - 1]) != WFC_LOAD_CONST ||
                                        co->consts[WFC_ARG(co->code[i - 1])]->kind != WFC_CONST_CODE))
            VFAIL("%s@%d: MAKE_FUNCTION without a code constant", co->qualname, i);
    }
    uint32_t prev_end = 0;
    for (int e = 0; e < co->nexc; e++) {
        const wfc_exc_entry *x = &co->exctable[e];
        if (x->start >= x->end || x->end > (uint32_t)n || x->start < prev_end)
            VFAIL("%s: bad exception table range %u..%u", co->qualname, x->start, x->end);
        if (x->target >= (uint32_t)n) VFAIL("%s: handler %u outside the code", co->qualname, x->target);
        if ((x->target > 0 && wfc_superinstruction_size(WFC_OP(co->code[x->target - 1])) >= 2) ||
            (x->target > 1 && wfc_superinstruction_size(WFC_OP(co->code[x->target - 2])) == 3))
            VFAIL("%s: handler %u inside a superinstruction", co->qualname, x->target);
        if (x->lasti > 1) VFAIL("%s: bad lasti flag", co->qualname);
        prev_end = x->end;
    }
    /* flow */
    int nw = 0, maxd = 0;
    depth[0] = 0;
    work[nw++] = 0;
#define PUSH(t, d)                                                                                 \
    do {                                                                                           \
        int t_ = (t), d_ = (d);                                                                    \
        if (d_ < 0) VFAIL("%s@%d: negative stack depth", co->qualname, i);                        \
        if (d_ > co->stacksize) VFAIL("%s@%d: depth %d above stacksize %d", co->qualname, i, d_, co->stacksize); \
        if (d_ > maxd) maxd = d_;                                                                  \
        if (depth[t_] < 0) {                                                                       \
            depth[t_] = d_;                                                                        \
            work[nw++] = t_;                                                                       \
        } else if (depth[t_] != d_) {                                                              \
            VFAIL("%s@%d: inconsistent depth at %d (%d vs %d)", co->qualname, i, t_, depth[t_], d_); \
        }                                                                                          \
    } while (0)
    int exi = 0;
    while (nw) {
        int i = work[--nw];
        int d = depth[i];
        int op = WFC_OP(co->code[i]), arg = WFC_ARG(co->code[i]);
        int fl = wfc_opcode_flags(op);
        /* the exception edge */
        for (exi = 0; exi < co->nexc; exi++) {
            const wfc_exc_entry *x = &co->exctable[exi];
            if ((uint32_t)i >= x->start && (uint32_t)i < x->end) {
                if ((int)x->depth > d)
                    VFAIL("%s@%d: handler depth %u above the stack (%d)", co->qualname, i, x->depth, d);
                PUSH((int)x->target, (int)x->depth + 1 + (int)x->lasti);
                break;
            }
        }
        int eff = wfc_stack_effect(op, arg, 0);
        if (fl & WFC_OPF_JUMP) PUSH(arg, d + wfc_stack_effect(op, arg, 1));
        if (!(fl & WFC_OPF_TERM)) {
            if (i + 1 >= n) VFAIL("%s@%d: execution runs off the end", co->qualname, i);
            PUSH(i + 1, d + eff);
        } else if (d + eff < 0) {
            VFAIL("%s@%d: negative stack depth", co->qualname, i);
        }
    }
#undef PUSH
    free(depth);
    free(work);
    return 0;
}

int wfc_code_verify_all(const wfc_code *co, char *msg, size_t msglen) {
    if (wfc_code_verify(co, msg, msglen) < 0) return -1;
    for (int i = 0; i < co->nconsts; i++)
        if (co->consts[i]->kind == WFC_CONST_CODE && wfc_code_verify_all(co->consts[i]->code, msg, msglen) < 0) return -1;
    return 0;
}

/* ----- disassembler ----- */

static const char *const flag_names[] = {"OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED", "GENERATOR",
                                         "NOFREE", "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR"};

static int dis_one(wfo_strbuf *o, const wfc_code *co) {
    int rc = 0;
    rc |= wfo_strbuf_appendf(o, "Disassembly of <code object %s, file \"%s\", line %d>:\n", co->name, co->filename,
                             co->firstlineno);
    rc |= wfo_strbuf_appendf(o, "  qualname %s\n  flags 0x%x (", co->qualname, (unsigned)co->flags);
    int first = 1;
    for (int b = 0; b < 10; b++)
        if (co->flags & (1 << b)) {
            rc |= wfo_strbuf_appendf(o, "%s%s", first ? "" : ", ", flag_names[b]);
            first = 0;
        }
    if (co->flags & WFC_CO_FUTURE_ANNOTATIONS) rc |= wfo_strbuf_appendf(o, "%sFUTURE_ANNOTATIONS", first ? "" : ", ");
    rc |= wfo_strbuf_appendf(o, ")\n  argcount %d posonly %d kwonly %d nlocals %d stacksize %d caches %d\n",
                             co->argcount, co->posonlyargcount, co->kwonlyargcount, co->nlocals, co->stacksize,
                             co->ncaches);
    rc |= wfo_strbuf_appendf(o, "  localsplus:");
    for (int i = 0; i < co->nlocalsplus; i++) {
        int k = co->kinds[i];
        rc |= wfo_strbuf_appendf(o, "%s %d %s (%s%s%s%s)", i ? "," : "", i, co->localsplus[i],
                                 (k & WFC_LP_ARG) ? "arg " : "", (k & WFC_LP_LOCAL) ? "local" : "",
                                 (k & WFC_LP_CELL) ? ((k & WFC_LP_LOCAL) ? " cell" : "cell") : "",
                                 (k & WFC_LP_FREE) ? "free" : "");
    }
    rc |= wfo_strbuf_appendf(o, "\n  names:");
    for (int i = 0; i < co->nnames; i++) rc |= wfo_strbuf_appendf(o, "%s %d %s", i ? "," : "", i, co->names[i]);
    rc |= wfo_strbuf_appendf(o, "\n  consts:");
    for (int i = 0; i < co->nconsts; i++) {
        rc |= wfo_strbuf_appendf(o, "%s %d ", i ? "," : "", i);
        rc |= wfc_const_repr(o, co->consts[i]);
    }
    rc |= wfo_strbuf_appendf(o, "\n");
    if (rc) return -1;
    char *target = calloc((size_t)(co->ninstrs ? co->ninstrs : 1), 1);
    if (!target) return -1;
    for (int i = 0; i < co->ninstrs; i++) {
        int op = WFC_OP(co->code[i]);
        if (wfc_opcode_flags(op) & WFC_OPF_JUMP) target[WFC_ARG(co->code[i])] = 1;
    }
    for (int e = 0; e < co->nexc; e++) target[co->exctable[e].target] = 1;
    int lastline = -2;
    for (int i = 0; i < co->ninstrs && !rc; i++) {
        int op = WFC_OP(co->code[i]), arg = WFC_ARG(co->code[i]);
        int line = co->positions[i].lineno;
        char lbuf[16] = "";
        if (line != lastline) {
            if (line >= 0) snprintf(lbuf, sizeof lbuf, "%d", line);
            else snprintf(lbuf, sizeof lbuf, "-");
            lastline = line;
        }
        rc |= wfo_strbuf_appendf(o, "%6s %2s %5d %-22s", lbuf, target[i] ? ">>" : "", i, wfc_opcode_name(op));
        if (wfc_opcode_flags(op) & WFC_OPF_ARG) {
            rc |= wfo_strbuf_appendf(o, " %d", arg);
            switch (wfc_opcode_argkind(op)) {
            case WFC_AK_CONST:
                rc |= wfo_strbuf_append(o, " (", 2);
                rc |= wfc_const_repr(o, co->consts[arg]);
                rc |= wfo_strbuf_append(o, ")", 1);
                break;
            case WFC_AK_NAME: rc |= wfo_strbuf_appendf(o, " (%s)", co->names[arg]); break;
            case WFC_AK_GLOBAL:
                rc |= wfo_strbuf_appendf(o, " (%s%s)", (arg & 1) ? "NULL + " : "", co->names[arg >> 1]);
                break;
            case WFC_AK_LOCAL:
            case WFC_AK_DEREF: rc |= wfo_strbuf_appendf(o, " (%s)", co->localsplus[arg]); break;
            case WFC_AK_JUMP: rc |= wfo_strbuf_appendf(o, " (to %d)", arg); break;
            case WFC_AK_CMP: rc |= wfo_strbuf_appendf(o, " (%s)", wfc_cmp_name(arg)); break;
            case WFC_AK_BINOP: rc |= wfo_strbuf_appendf(o, " (%s)", wfc_binop_name(arg)); break;
            default:
                if (op == WFC_IS_OP) rc |= wfo_strbuf_appendf(o, " (%s)", arg ? "is not" : "is");
                else if (op == WFC_CONTAINS_OP) rc |= wfo_strbuf_appendf(o, " (%s)", arg ? "not in" : "in");
                else if (op == WFC_UNPACK_EX) rc |= wfo_strbuf_appendf(o, " (%d, %d)", arg & 0xFF, arg >> 8);
                else if (op == WFC_FORMAT_VALUE)
                    rc |= wfo_strbuf_appendf(o, " (%s%s)", (const char *[]){"", "str", "repr", "ascii"}[arg & 3],
                                             (arg & 4) ? ((arg & 3) ? ", with format" : "with format") : "");
                else if (op == WFC_MAKE_FUNCTION && arg) {
                    static const char *const mf[] = {"defaults", "kwdefaults", "annotations", "closure"};
                    rc |= wfo_strbuf_append(o, " (", 2);
                    int f1 = 1;
                    for (int b = 0; b < 4; b++)
                        if (arg & (1 << b)) {
                            rc |= wfo_strbuf_appendf(o, "%s%s", f1 ? "" : ", ", mf[b]);
                            f1 = 0;
                        }
                    rc |= wfo_strbuf_append(o, ")", 1);
                }
                break;
            }
        }
        rc |= wfo_strbuf_append(o, "\n", 1);
    }
    free(target);
    if (co->nexc) {
        rc |= wfo_strbuf_appendf(o, "ExceptionTable:\n");
        for (int e = 0; e < co->nexc; e++) {
            const wfc_exc_entry *x = &co->exctable[e];
            rc |= wfo_strbuf_appendf(o, "  %u to %u -> %u [%u]%s\n", x->start, x->end, x->target, x->depth,
                                     x->lasti ? " lasti" : "");
        }
    }
    return rc ? -1 : 0;
}

int wfc_dis(wfo_strbuf *out, const wfc_code *co) {
    if (dis_one(out, co) < 0) return -1;
    for (int i = 0; i < co->nconsts; i++)
        if (co->consts[i]->kind == WFC_CONST_CODE) {
            if (wfo_strbuf_append(out, "\n", 1) < 0) return -1;
            if (wfc_dis(out, co->consts[i]->code) < 0) return -1;
        }
    return 0;
}
