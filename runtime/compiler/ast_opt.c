/*
 * runtime/compiler/ast_opt.c — constant folding, as CPython 3.11's
 * Python/ast_opt.c, rewriting the tree in place (new constants live in the
 * tree's arena).
 *
 * Folded, children first:
 *   - unary -, +, ~, not on constants; `not (a in b)` style rewrites are not
 *     part of 3.11's ast_opt and are not done;
 *   - binary operators on constants with 3.11's size guards: int*int and
 *     int**int and int<<int only when the result stays within 128 bits,
 *     sequence repetition only up to 4096 characters / 256 items / 1024
 *     nested items, never str % / bytes % (formatting);
 *   - tuples of constants (Load context) -> a tuple constant;
 *   - constant[constant] for str/bytes/tuple indexed by an int;
 *   - the iterable of `for` / comprehensions and the right operand of a
 *     last `in`/`not in`: a list display becomes a tuple (a constant one
 *     when all items are constants), a set display of constants a
 *     frozenset constant;
 *   - `__debug__` -> True (False under -O).
 * Integers are exact: values are kept as sign + 128-bit magnitude; an
 * operation whose operands or result do not fit is left unfolded (3.11
 * would fold e.g. the sum of two 200-bit literals; the difference is only
 * in co_consts, never in behaviour).  A frozenset constant keeps its
 * distinct items in first-seen order.  An operation that would raise
 * (division by zero, negative shift, type errors, float overflow) is left
 * for run time, as CPython does.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/compiler/compile.h"
#include "runtime/compiler/symtable.h"

enum { MAX_INT_SIZE = 128, MAX_COLLECTION_SIZE = 256, MAX_STR_SIZE = 4096, MAX_TOTAL_ITEMS = 1024 };

typedef unsigned __int128 u128;

typedef struct O {
    wfc_arena *a;
    int optimize;
    int oom;
    int future_annotations; /* annotations stay unfolded (they are stringified) */
} O;

typedef struct bigi {
    int neg;
    u128 mag;
} bigi;

/* ----- constant helpers ----- */

static wfc_constant *newc(O *o, wfc_const_kind k) {
    wfc_constant *c = wfc_arena_alloc(o->a, sizeof *c);
    if (!c) {
        o->oom = 1;
        return NULL;
    }
    c->kind = k;
    return c;
}

static int is_intlike(const wfc_constant *c) {
    return c->kind == WFC_CONST_INT || c->kind == WFC_CONST_TRUE || c->kind == WFC_CONST_FALSE;
}

/* Parse an INT constant (or bool) into a bigi; 0 when it does not fit. */
static int to_bigi(const wfc_constant *c, bigi *out) {
    out->neg = 0;
    out->mag = 0;
    if (c->kind == WFC_CONST_TRUE) {
        out->mag = 1;
        return 1;
    }
    if (c->kind == WFC_CONST_FALSE) return 1;
    const char *p = c->str;
    size_t n = c->len;
    if (n && *p == '-') {
        out->neg = 1;
        p++;
        n--;
    }
    u128 m = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        if (m > (((u128)-1) - 9) / 10) return 0;
        m = m * 10 + (u128)(p[i] - '0');
    }
    out->mag = m;
    if (!m) out->neg = 0;
    return 1;
}

static wfc_constant *from_bigi(O *o, bigi v) {
    char buf[48];
    int i = (int)sizeof buf;
    buf[--i] = '\0';
    u128 m = v.mag;
    do {
        buf[--i] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m);
    if (v.neg && v.mag) buf[--i] = '-';
    wfc_constant *c = newc(o, WFC_CONST_INT);
    if (!c) return NULL;
    c->len = strlen(buf + i);
    c->str = wfc_arena_strndup(o->a, buf + i, c->len);
    if (!c->str) o->oom = 1;
    return c;
}

static size_t bits(u128 m) {
    size_t b = 0;
    while (m) {
        b++;
        m >>= 1;
    }
    return b;
}

static double bigi_to_double(bigi v) { return v.neg ? -(double)v.mag : (double)v.mag; }

/* signed value when |v| < 2^127 */
static int to_i128(bigi v, __int128 *out) {
    if (v.mag >> 127) return 0;
    *out = v.neg ? -(__int128)v.mag : (__int128)v.mag;
    return 1;
}
static bigi from_i128(__int128 x) {
    bigi r;
    r.neg = x < 0;
    r.mag = x < 0 ? (u128)(-(x + 1)) + 1 : (u128)x;
    return r;
}

static int big_add(bigi a, bigi b, bigi *r) {
    if (a.neg == b.neg) {
        u128 m = a.mag + b.mag;
        if (m < a.mag) return 0;
        r->neg = a.neg;
        r->mag = m;
    } else if (a.mag >= b.mag) {
        r->neg = a.neg;
        r->mag = a.mag - b.mag;
    } else {
        r->neg = b.neg;
        r->mag = b.mag - a.mag;
    }
    if (!r->mag) r->neg = 0;
    return 1;
}

static int big_mul(bigi a, bigi b, bigi *r) {
    u128 m;
    if (__builtin_mul_overflow(a.mag, b.mag, &m)) return 0;
    r->mag = m;
    r->neg = m ? a.neg != b.neg : 0;
    return 1;
}

/* floor division and modulo with the sign of the divisor */
static int big_divmod(bigi a, bigi b, bigi *q, bigi *m) {
    if (!b.mag) return 0;
    u128 qq = a.mag / b.mag, rr = a.mag % b.mag;
    q->mag = qq;
    q->neg = a.neg != b.neg;
    m->mag = rr;
    m->neg = b.neg;
    if (rr && a.neg != b.neg) {
        /* floor: q = -(qq + 1), r = b - rr (sign of b) */
        q->mag = qq + 1;
        m->mag = b.mag - rr;
    }
    if (!q->mag) q->neg = 0;
    if (!m->mag) m->neg = 0;
    return 1;
}

static const wfc_constant *bool_const(O *o, int v) { return newc(o, v ? WFC_CONST_TRUE : WFC_CONST_FALSE); }

static int truth(const wfc_constant *k, int *out) {
    switch (k->kind) {
    case WFC_CONST_NONE:
    case WFC_CONST_FALSE: *out = 0; return 1;
    case WFC_CONST_TRUE:
    case WFC_CONST_ELLIPSIS: *out = 1; return 1;
    case WFC_CONST_INT: *out = !(k->len == 1 && k->str[0] == '0'); return 1;
    case WFC_CONST_FLOAT: *out = k->f != 0.0; return 1;
    case WFC_CONST_COMPLEX: *out = k->f != 0.0 || k->real != 0.0; return 1;
    case WFC_CONST_STR:
    case WFC_CONST_BYTES: *out = k->len != 0; return 1;
    case WFC_CONST_TUPLE:
    case WFC_CONST_FROZENSET: *out = k->nelts != 0; return 1;
    default: return 0;
    }
}

static size_t utf8_chars(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) k++;
    return k;
}

/* ----- numeric views ----- */

typedef enum { NV_INT, NV_FLOAT, NV_COMPLEX, NV_NONE } nvkind;
typedef struct nv {
    nvkind k;
    bigi i;
    double re, im;
    int is_bool;
} nv;

static nv numview(const wfc_constant *c) {
    nv v;
    memset(&v, 0, sizeof v);
    v.k = NV_NONE;
    if (is_intlike(c)) {
        if (to_bigi(c, &v.i)) v.k = NV_INT;
        v.is_bool = c->kind != WFC_CONST_INT;
    } else if (c->kind == WFC_CONST_FLOAT) {
        v.k = NV_FLOAT;
        v.re = c->f;
    } else if (c->kind == WFC_CONST_COMPLEX) {
        v.k = NV_COMPLEX;
        v.re = c->real;
        v.im = c->f;
    }
    return v;
}

static int is_intconst_unparsable(const wfc_constant *c) {
    bigi t;
    return c->kind == WFC_CONST_INT && !to_bigi(c, &t);
}

/* exact int -> double when |v| <= 2^53 */
static int exact_double(bigi v, double *d) {
    if (v.mag > ((u128)1 << 53)) {
        *d = bigi_to_double(v);
        return 0;
    }
    *d = bigi_to_double(v);
    return 1;
}

static wfc_constant *mkfloat(O *o, double d) {
    if (!isfinite(d)) return NULL; /* overflow raises at run time */
    wfc_constant *c = newc(o, WFC_CONST_FLOAT);
    if (c) c->f = d;
    return c;
}
static wfc_constant *mkcomplex(O *o, double re, double im) {
    if (!isfinite(re) || !isfinite(im)) return NULL;
    wfc_constant *c = newc(o, WFC_CONST_COMPLEX);
    if (c) {
        c->real = re;
        c->f = im;
    }
    return c;
}

static int float_divmod(double vx, double wx, double *fdiv, double *fmodv) {
    if (wx == 0.0) return 0;
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    *fdiv = floordiv;
    *fmodv = mod;
    return 1;
}

static const wfc_constant *num_binop(O *o, wfc_operator op, const wfc_constant *l, const wfc_constant *r) {
    nv a = numview(l), b = numview(r);
    if (a.k == NV_NONE || b.k == NV_NONE) return NULL;
    if (a.k == NV_INT && b.k == NV_INT) {
        bigi x = a.i, y = b.i, res, q, m;
        switch (op) {
        case WFC_Add:
            if (!big_add(x, y, &res)) return NULL;
            return from_bigi(o, res);
        case WFC_Sub:
            y.neg = y.mag ? !y.neg : 0;
            if (!big_add(x, y, &res)) return NULL;
            return from_bigi(o, res);
        case WFC_Mult:
            if (x.mag && y.mag && bits(x.mag) + bits(y.mag) > MAX_INT_SIZE) return NULL;
            if (!big_mul(x, y, &res)) return NULL;
            return from_bigi(o, res);
        case WFC_FloorDiv:
            if (!big_divmod(x, y, &q, &m)) return NULL;
            return from_bigi(o, q);
        case WFC_Mod:
            if (!big_divmod(x, y, &q, &m)) return NULL;
            return from_bigi(o, m);
        case WFC_Div: {
            double dx, dy;
            if (!y.mag) return NULL;
            if (!exact_double(x, &dx) || !exact_double(y, &dy)) return NULL;
            return mkfloat(o, dx / dy);
        }
        case WFC_Pow: {
            if (y.neg) {
                double dx, dy;
                if (!x.mag) return NULL; /* ZeroDivisionError */
                if (!exact_double(x, &dx) || !exact_double(y, &dy)) return NULL;
                return mkfloat(o, pow(dx, dy));
            }
            if (x.mag && y.mag) {
                size_t vb = bits(x.mag);
                if (y.mag > MAX_INT_SIZE) return NULL;
                if (vb > MAX_INT_SIZE / (size_t)y.mag) return NULL;
            }
            bigi acc = {0, 1};
            for (u128 k = 0; k < y.mag; k++)
                if (!big_mul(acc, x, &acc)) return NULL;
            return from_bigi(o, acc);
        }
        case WFC_LShift: {
            if (y.neg) return NULL;
            if (!x.mag) return from_bigi(o, x);
            if (y.mag > MAX_INT_SIZE || bits(x.mag) > MAX_INT_SIZE - (size_t)y.mag) return NULL;
            res.neg = x.neg;
            res.mag = x.mag << (unsigned)y.mag;
            return from_bigi(o, res);
        }
        case WFC_RShift: {
            __int128 sx;
            if (y.neg || !to_i128(x, &sx)) return NULL;
            if (y.mag >= 127) return from_bigi(o, from_i128(sx < 0 ? -1 : 0));
            return from_bigi(o, from_i128(sx >> (unsigned)y.mag));
        }
        case WFC_BitAnd:
        case WFC_BitOr:
        case WFC_BitXor: {
            __int128 sx, sy, rr;
            if (!to_i128(x, &sx) || !to_i128(y, &sy)) return NULL;
            rr = op == WFC_BitAnd ? (sx & sy) : op == WFC_BitOr ? (sx | sy) : (sx ^ sy);
            if (a.is_bool && b.is_bool) return bool_const(o, rr != 0);
            return from_bigi(o, from_i128(rr));
        }
        case WFC_MatMult: return NULL;
        }
        return NULL;
    }
    /* a float or complex is involved */
    double ar = a.re, ai = a.im, br = b.re, bi = b.im;
    if (a.k == NV_INT) {
        ar = bigi_to_double(a.i);
        ai = 0;
    }
    if (b.k == NV_INT) {
        br = bigi_to_double(b.i);
        bi = 0;
    }
    if ((a.k == NV_INT && a.i.mag >> 100) || (b.k == NV_INT && b.i.mag >> 100)) return NULL;
    if (a.k == NV_COMPLEX || b.k == NV_COMPLEX) {
        switch (op) {
        case WFC_Add: return mkcomplex(o, ar + br, ai + bi);
        case WFC_Sub: return mkcomplex(o, ar - br, ai - bi);
        case WFC_Mult: return mkcomplex(o, ar * br - ai * bi, ar * bi + ai * br);
        default: return NULL;
        }
    }
    double rr, fd, fm;
    switch (op) {
    case WFC_Add: rr = ar + br; break;
    case WFC_Sub: rr = ar - br; break;
    case WFC_Mult: rr = ar * br; break;
    case WFC_Div:
        if (br == 0.0) return NULL;
        rr = ar / br;
        break;
    case WFC_FloorDiv:
        if (!float_divmod(ar, br, &fd, &fm)) return NULL;
        rr = fd;
        break;
    case WFC_Mod:
        if (!float_divmod(ar, br, &fd, &fm)) return NULL;
        rr = fm;
        break;
    case WFC_Pow:
        if (!isfinite(ar) || !isfinite(br)) return NULL;
        if (ar == 0.0 && br < 0.0) return NULL; /* ZeroDivisionError */
        if (ar < 0.0 && br != floor(br)) {
            /* a negative base to a fractional power is complex (float_pow
             * defers to complex power: polar form) */
            double len = pow(-ar, br), phase = atan2(0.0, ar) * br;
            return mkcomplex(o, len * cos(phase), len * sin(phase));
        }
        rr = pow(ar, br);
        return mkfloat(o, rr); /* overflow raises at run time */
    default: return NULL;
    }
    /* + - * / // % never raise on overflow: inf and nan are results */
    wfc_constant *c = newc(o, WFC_CONST_FLOAT);
    if (c) c->f = rr;
    return c;
}

/* ----- collections ----- */

static long complexity(const wfc_constant *c, long limit) {
    if (c->kind == WFC_CONST_TUPLE || c->kind == WFC_CONST_FROZENSET) {
        limit -= c->nelts;
        for (int i = 0; limit >= 0 && i < c->nelts; i++) limit = complexity(c->elts[i], limit);
    }
    return limit;
}

static const wfc_constant *concat(O *o, const wfc_constant *l, const wfc_constant *r) {
    if (l->kind != r->kind) return NULL;
    if (l->kind == WFC_CONST_STR || l->kind == WFC_CONST_BYTES) {
        wfc_constant *c = newc(o, l->kind);
        if (!c) return NULL;
        char *s = wfc_arena_alloc(o->a, l->len + r->len + 1);
        if (!s) {
            o->oom = 1;
            return NULL;
        }
        memcpy(s, l->str, l->len);
        memcpy(s + l->len, r->str, r->len);
        c->str = s;
        c->len = l->len + r->len;
        return c;
    }
    if (l->kind == WFC_CONST_TUPLE) {
        wfc_constant *c = newc(o, WFC_CONST_TUPLE);
        if (!c) return NULL;
        c->nelts = l->nelts + r->nelts;
        c->elts = wfc_arena_alloc(o->a, (size_t)(c->nelts ? c->nelts : 1) * sizeof *c->elts);
        if (!c->elts) {
            o->oom = 1;
            return NULL;
        }
        for (int i = 0; i < l->nelts; i++) c->elts[i] = l->elts[i];
        for (int i = 0; i < r->nelts; i++) c->elts[l->nelts + i] = r->elts[i];
        return c;
    }
    return NULL;
}

static const wfc_constant *repeat(O *o, const wfc_constant *seq, const wfc_constant *cnt) {
    bigi n;
    if (!to_bigi(cnt, &n)) return NULL;
    if (seq->kind == WFC_CONST_STR || seq->kind == WFC_CONST_BYTES) {
        size_t size = seq->kind == WFC_CONST_STR ? utf8_chars(seq->str, seq->len) : seq->len;
        long k = n.neg ? -1 : (n.mag > 1000000 ? 1000001 : (long)n.mag);
        if (size) {
            if (k < 0 || (size_t)k > MAX_STR_SIZE / size) return NULL;
        } else if (n.mag >> 62) {
            return NULL;
        }
        if (k < 0) k = 0;
        wfc_constant *c = newc(o, seq->kind);
        if (!c) return NULL;
        size_t total = size ? seq->len * (size_t)k : 0;
        char *s = wfc_arena_alloc(o->a, total + 1);
        if (!s) {
            o->oom = 1;
            return NULL;
        }
        for (long i = 0; size && i < k; i++) memcpy(s + (size_t)i * seq->len, seq->str, seq->len);
        c->str = s;
        c->len = total;
        return c;
    }
    if (seq->kind == WFC_CONST_TUPLE) {
        long k = n.neg ? -1 : (n.mag > 1000000 ? 1000001 : (long)n.mag);
        if (seq->nelts) {
            if (k < 0 || k > MAX_COLLECTION_SIZE / seq->nelts) return NULL;
            if (k && complexity(seq, MAX_TOTAL_ITEMS / k) < 0) return NULL;
        } else if (n.mag >> 62) {
            return NULL;
        }
        if (k < 0) k = 0;
        wfc_constant *c = newc(o, WFC_CONST_TUPLE);
        if (!c) return NULL;
        c->nelts = seq->nelts * (int)k;
        c->elts = wfc_arena_alloc(o->a, (size_t)(c->nelts ? c->nelts : 1) * sizeof *c->elts);
        if (!c->elts) {
            o->oom = 1;
            return NULL;
        }
        for (int i = 0; i < c->nelts; i++) c->elts[i] = seq->elts[i % seq->nelts];
        return c;
    }
    return NULL;
}

static const wfc_constant *binop(O *o, wfc_operator op, const wfc_constant *l, const wfc_constant *r) {
    if (is_intconst_unparsable(l) || is_intconst_unparsable(r)) return NULL;
    switch (op) {
    case WFC_Add:
        if (l->kind == WFC_CONST_STR || l->kind == WFC_CONST_BYTES || l->kind == WFC_CONST_TUPLE) return concat(o, l, r);
        break;
    case WFC_Mult:
        if (is_intlike(l) && (r->kind == WFC_CONST_STR || r->kind == WFC_CONST_BYTES || r->kind == WFC_CONST_TUPLE))
            return repeat(o, r, l);
        if (is_intlike(r) && (l->kind == WFC_CONST_STR || l->kind == WFC_CONST_BYTES || l->kind == WFC_CONST_TUPLE))
            return repeat(o, l, r);
        break;
    case WFC_Mod:
        if (l->kind == WFC_CONST_STR || l->kind == WFC_CONST_BYTES) return NULL;
        break;
    default: break;
    }
    return num_binop(o, op, l, r);
}

static const wfc_constant *unop(O *o, wfc_unaryop op, const wfc_constant *v) {
    if (op == WFC_Not) {
        int t;
        if (!truth(v, &t)) return NULL;
        return bool_const(o, !t);
    }
    nv a = numview(v);
    if (a.k == NV_NONE) return NULL;
    switch (op) {
    case WFC_UAdd:
        if (a.k == NV_INT) return from_bigi(o, a.i);
        if (a.k == NV_FLOAT) return mkfloat(o, a.re) ? (wfc_constant *)v : NULL;
        return v;
    case WFC_USub:
        if (a.k == NV_INT) {
            a.i.neg = a.i.mag ? !a.i.neg : 0;
            return from_bigi(o, a.i);
        }
        if (a.k == NV_FLOAT) {
            wfc_constant *c = newc(o, WFC_CONST_FLOAT);
            if (c) c->f = -a.re;
            return c;
        }
        {
            wfc_constant *c = newc(o, WFC_CONST_COMPLEX);
            if (c) {
                c->real = -a.re;
                c->f = -a.im;
            }
            return c;
        }
    case WFC_Invert:
        if (a.k != NV_INT) return NULL;
        {
            bigi one = {0, 1}, r;
            if (!big_add(a.i, one, &r)) return NULL;
            r.neg = r.mag ? !r.neg : 0;
            return from_bigi(o, r);
        }
    default: return NULL;
    }
}

/* ----- value equality for frozensets ----- */

static int const_eq(const wfc_constant *a, const wfc_constant *b) {
    nv x = numview(a), y = numview(b);
    if (x.k != NV_NONE && y.k != NV_NONE) {
        double xr = x.k == NV_INT ? bigi_to_double(x.i) : x.re, xi = x.k == NV_COMPLEX ? x.im : 0;
        double yr = y.k == NV_INT ? bigi_to_double(y.i) : y.re, yi = y.k == NV_COMPLEX ? y.im : 0;
        if (x.k == NV_INT && y.k == NV_INT) return x.i.neg == y.i.neg && x.i.mag == y.i.mag;
        if ((x.k == NV_INT && x.i.mag >> 53) || (y.k == NV_INT && y.i.mag >> 53)) return 0;
        return xr == yr && xi == yi;
    }
    if ((is_intconst_unparsable(a) || is_intconst_unparsable(b)) && a->kind == b->kind)
        return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case WFC_CONST_NONE:
    case WFC_CONST_ELLIPSIS: return 1;
    case WFC_CONST_STR:
    case WFC_CONST_BYTES: return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    case WFC_CONST_TUPLE:
    case WFC_CONST_FROZENSET:
        if (a->nelts != b->nelts) return 0;
        for (int i = 0; i < a->nelts; i++)
            if (!const_eq(a->elts[i], b->elts[i])) return 0;
        return 1;
    default: return 0;
    }
}

/* ----- tree walk ----- */

static void make_const(O *o, wfc_expr *e, const wfc_constant *v) {
    if (!v) return;
    e->kind = WFC_Constant;
    memset(&e->v, 0, sizeof e->v);
    e->v.Constant.value = (wfc_constant *)v;
    e->v.Constant.kind = NULL;
    (void)o;
}

static wfc_constant *const_tuple_of(O *o, const wfc_seq *elts, int frozen) {
    for (int i = 0; i < elts->len; i++)
        if (((const wfc_expr *)elts->items[i])->kind != WFC_Constant) return NULL;
    wfc_constant *c = newc(o, frozen ? WFC_CONST_FROZENSET : WFC_CONST_TUPLE);
    if (!c) return NULL;
    c->elts = wfc_arena_alloc(o->a, (size_t)(elts->len ? elts->len : 1) * sizeof *c->elts);
    if (!c->elts) {
        o->oom = 1;
        return NULL;
    }
    int n = 0;
    for (int i = 0; i < elts->len; i++) {
        wfc_constant *v = ((const wfc_expr *)elts->items[i])->v.Constant.value;
        if (frozen) {
            int dup = 0;
            for (int j = 0; j < n && !dup; j++) dup = const_eq(c->elts[j], v);
            if (dup) continue;
        }
        c->elts[n++] = v;
    }
    c->nelts = n;
    return c;
}

static int has_starred(const wfc_seq *q) {
    for (int i = 0; i < q->len; i++)
        if (((const wfc_expr *)q->items[i])->kind == WFC_Starred) return 1;
    return 0;
}

static void fold_iter(O *o, wfc_expr *e) {
    if (e->kind == WFC_List) {
        wfc_seq *elts = e->v.List.elts;
        if (has_starred(elts)) return;
        wfc_expr_context ctx = e->v.List.ctx;
        e->kind = WFC_Tuple;
        e->v.Tuple.elts = elts;
        e->v.Tuple.ctx = ctx;
        make_const(o, e, const_tuple_of(o, elts, 0));
    } else if (e->kind == WFC_Set) {
        make_const(o, e, const_tuple_of(o, e->v.Set.elts, 1));
    }
}

static const wfc_constant *subscr(O *o, const wfc_constant *v, const wfc_constant *idx) {
    bigi i;
    if (!is_intlike(idx) || !to_bigi(idx, &i)) return NULL;
    if (i.mag >> 62) return NULL;
    long k = i.neg ? -(long)i.mag : (long)i.mag;
    if (v->kind == WFC_CONST_TUPLE) {
        if (k < 0) k += v->nelts;
        if (k < 0 || k >= v->nelts) return NULL;
        return v->elts[k];
    }
    if (v->kind == WFC_CONST_BYTES) {
        if (k < 0) k += (long)v->len;
        if (k < 0 || (size_t)k >= v->len) return NULL;
        bigi r = {0, (unsigned char)v->str[k]};
        return from_bigi(o, r);
    }
    if (v->kind == WFC_CONST_STR) {
        long n = (long)utf8_chars(v->str, v->len);
        if (k < 0) k += n;
        if (k < 0 || k >= n) return NULL;
        size_t p = 0;
        long ci = -1;
        size_t start = 0;
        for (; p < v->len; p++) {
            if (((unsigned char)v->str[p] & 0xC0) != 0x80) {
                ci++;
                if (ci == k) start = p;
                if (ci == k + 1) break;
            }
        }
        wfc_constant *c = newc(o, WFC_CONST_STR);
        if (!c) return NULL;
        c->len = p - start;
        c->str = wfc_arena_strndup(o->a, v->str + start, c->len);
        if (!c->str) o->oom = 1;
        return c;
    }
    return NULL;
}

static void fold_expr(O *o, wfc_expr *e);
static void fold_stmts(O *o, wfc_seq *q);

/* ----- 'fmt' % (a, b): simple %s/%r/%a formats become an f-string ----- */

enum { MAXDIGITS = 3 };

/* A literal run up to the next single '%' ("%%" stays literal, as '%'). */
static wfc_expr *format_literal(O *o, const wfc_constant *fmt, size_t *ppos, const wfc_expr *at) {
    size_t start = *ppos, pos = start;
    int percents = 0;
    while (pos < fmt->len) {
        if (fmt->str[pos] != '%') {
            pos++;
        } else if (pos + 1 < fmt->len && fmt->str[pos + 1] == '%') {
            percents = 1;
            pos += 2;
        } else {
            break;
        }
    }
    *ppos = pos;
    if (pos == start) return NULL;
    char *t = wfc_arena_alloc(o->a, pos - start + 1);
    wfc_constant *c = newc(o, WFC_CONST_STR);
    wfc_expr *e = wfc_arena_alloc(o->a, sizeof *e);
    if (!t || !c || !e) {
        o->oom = 1;
        return NULL;
    }
    size_t n = 0;
    for (size_t i = start; i < pos; i++) {
        t[n++] = fmt->str[i];
        if (percents && fmt->str[i] == '%') i++;
    }
    t[n] = '\0';
    c->str = t;
    c->len = n;
    e->kind = WFC_Constant;
    e->v.Constant.value = c;
    /* CPython gives these nodes no position (-1) */
    e->lineno = e->end_lineno = e->col_offset = e->end_col_offset = -1;
    (void)at;
    return e;
}

/* %[flags][width][.prec](s|r|a) -> FormattedValue, else NULL (unsupported). */
static wfc_expr *format_unit(O *o, const wfc_constant *fmt, size_t *ppos, wfc_expr *arg) {
    size_t pos = *ppos, len = fmt->len;
    int ch, ljust = 0, width = -1, prec = -1;
#define NEXTC                        \
    do {                             \
        if (pos >= len) return NULL; \
        ch = (unsigned char)fmt->str[pos++]; \
    } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') ljust = 1;
        else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
        else break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) return NULL;
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) return NULL;
        }
    }
#undef NEXTC
    if (ch != 's' && ch != 'r' && ch != 'a') return NULL;
    *ppos = pos;
    char buf[16], *p = buf;
    if (!ljust && width > 0) *p++ = '>';
    if (width >= 0) p += snprintf(p, 4, "%d", width);
    if (prec >= 0) p += snprintf(p, 5, ".%d", prec);
    *p = '\0';
    wfc_expr *spec = NULL;
    if (p != buf) {
        wfc_constant *c = newc(o, WFC_CONST_STR);
        spec = wfc_arena_alloc(o->a, sizeof *spec);
        if (!c || !spec) {
            o->oom = 1;
            return NULL;
        }
        c->len = strlen(buf);
        c->str = wfc_arena_strndup(o->a, buf, c->len);
        if (!c->str) o->oom = 1;
        spec->kind = WFC_Constant;
        spec->v.Constant.value = c;
        spec->lineno = spec->end_lineno = spec->col_offset = spec->end_col_offset = -1;
    }
    wfc_expr *fv = wfc_arena_alloc(o->a, sizeof *fv);
    if (!fv) {
        o->oom = 1;
        return NULL;
    }
    fv->kind = WFC_FormattedValue;
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = ch;
    fv->v.FormattedValue.format_spec = spec;
    fv->lineno = arg->lineno;
    fv->col_offset = arg->col_offset;
    fv->end_lineno = arg->end_lineno;
    fv->end_col_offset = arg->end_col_offset;
    return fv;
}

static void optimize_format(O *o, wfc_expr *node, const wfc_constant *fmt, wfc_seq *elts) {
    wfc_seq *seq = wfc_seq_new(o->a, elts->len * 2 + 1);
    if (!seq) {
        o->oom = 1;
        return;
    }
    int n = 0, cnt = 0;
    size_t pos = 0;
    for (;;) {
        wfc_expr *lit = format_literal(o, fmt, &pos, node);
        if (o->oom) return;
        if (lit) seq->items[n++] = lit;
        if (pos >= fmt->len) break;
        if (cnt >= elts->len) return; /* more format units than items */
        pos++;
        wfc_expr *fv = format_unit(o, fmt, &pos, elts->items[cnt]);
        cnt++;
        if (!fv) return;
        seq->items[n++] = fv;
    }
    if (cnt < elts->len) return; /* more items than format units */
    seq->len = n;
    node->kind = WFC_JoinedStr;
    memset(&node->v, 0, sizeof node->v);
    node->v.JoinedStr.values = seq;
}

static void fold_exprs(O *o, wfc_seq *q) {
    for (int i = 0; q && i < q->len; i++)
        if (q->items[i]) fold_expr(o, q->items[i]);
}
static void fold_opt(O *o, wfc_expr *e) {
    if (e) fold_expr(o, e);
}

static void fold_ann(O *o, wfc_expr *e) {
    if (e && !o->future_annotations) fold_expr(o, e);
}

static void fold_args(O *o, wfc_arguments *a) {
    const wfc_seq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->len; i++) fold_ann(o, ((wfc_arg *)lists[l]->items[i])->annotation);
    if (a->vararg) fold_ann(o, a->vararg->annotation);
    if (a->kwarg) fold_ann(o, a->kwarg->annotation);
    fold_exprs(o, a->defaults);
    fold_exprs(o, a->kw_defaults);
}

static void fold_comps(O *o, wfc_seq *gens) {
    for (int i = 0; i < gens->len; i++) {
        wfc_comprehension *c = gens->items[i];
        fold_expr(o, c->target);
        fold_expr(o, c->iter);
        fold_exprs(o, c->ifs);
        fold_iter(o, c->iter);
    }
}

static void fold_expr(O *o, wfc_expr *e) {
    switch (e->kind) {
    case WFC_BoolOp: fold_exprs(o, e->v.BoolOp.values); break;
    case WFC_NamedExpr: fold_expr(o, e->v.NamedExpr.value); break;
    case WFC_BinOp: {
        fold_expr(o, e->v.BinOp.left);
        fold_expr(o, e->v.BinOp.right);
        wfc_expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
        if (e->v.BinOp.op == WFC_Mod && l->kind == WFC_Constant && l->v.Constant.value->kind == WFC_CONST_STR &&
            r->kind == WFC_Tuple && !has_starred(r->v.Tuple.elts)) {
            optimize_format(o, e, l->v.Constant.value, r->v.Tuple.elts);
            break;
        }
        if (l->kind == WFC_Constant && r->kind == WFC_Constant)
            make_const(o, e, binop(o, e->v.BinOp.op, l->v.Constant.value, r->v.Constant.value));
        break;
    }
    case WFC_UnaryOp:
        fold_expr(o, e->v.UnaryOp.operand);
        if (e->v.UnaryOp.operand->kind == WFC_Constant)
            make_const(o, e, unop(o, e->v.UnaryOp.op, e->v.UnaryOp.operand->v.Constant.value));
        break;
    case WFC_Lambda:
        fold_args(o, e->v.Lambda.args);
        fold_expr(o, e->v.Lambda.body);
        break;
    case WFC_IfExp:
        fold_expr(o, e->v.IfExp.test);
        fold_expr(o, e->v.IfExp.body);
        fold_expr(o, e->v.IfExp.orelse);
        break;
    case WFC_Dict:
        fold_exprs(o, e->v.Dict.keys);
        fold_exprs(o, e->v.Dict.values);
        break;
    case WFC_Set: fold_exprs(o, e->v.Set.elts); break;
    case WFC_ListComp:
        fold_expr(o, e->v.ListComp.elt);
        fold_comps(o, e->v.ListComp.generators);
        break;
    case WFC_SetComp:
        fold_expr(o, e->v.SetComp.elt);
        fold_comps(o, e->v.SetComp.generators);
        break;
    case WFC_DictComp:
        fold_expr(o, e->v.DictComp.key);
        fold_expr(o, e->v.DictComp.value);
        fold_comps(o, e->v.DictComp.generators);
        break;
    case WFC_GeneratorExp:
        fold_expr(o, e->v.GeneratorExp.elt);
        fold_comps(o, e->v.GeneratorExp.generators);
        break;
    case WFC_Await: fold_expr(o, e->v.Await.value); break;
    case WFC_Yield: fold_opt(o, e->v.Yield.value); break;
    case WFC_YieldFrom: fold_expr(o, e->v.YieldFrom.value); break;
    case WFC_Compare: {
        fold_expr(o, e->v.Compare.left);
        fold_exprs(o, e->v.Compare.comparators);
        int n = e->v.Compare.ops->len;
        int last = e->v.Compare.ops->items[n - 1];
        if (last == WFC_In || last == WFC_NotIn) fold_iter(o, e->v.Compare.comparators->items[n - 1]);
        break;
    }
    case WFC_Call:
        fold_expr(o, e->v.Call.func);
        fold_exprs(o, e->v.Call.args);
        for (int i = 0; i < e->v.Call.keywords->len; i++) fold_expr(o, ((wfc_keyword *)e->v.Call.keywords->items[i])->value);
        break;
    case WFC_FormattedValue:
        fold_expr(o, e->v.FormattedValue.value);
        fold_opt(o, e->v.FormattedValue.format_spec);
        break;
    case WFC_JoinedStr: fold_exprs(o, e->v.JoinedStr.values); break;
    case WFC_Attribute: fold_expr(o, e->v.Attribute.value); break;
    case WFC_Subscript:
        fold_expr(o, e->v.Subscript.value);
        fold_expr(o, e->v.Subscript.slice);
        if (e->v.Subscript.ctx == WFC_Load && e->v.Subscript.value->kind == WFC_Constant &&
            e->v.Subscript.slice->kind == WFC_Constant)
            make_const(o, e, subscr(o, e->v.Subscript.value->v.Constant.value, e->v.Subscript.slice->v.Constant.value));
        break;
    case WFC_Starred: fold_expr(o, e->v.Starred.value); break;
    case WFC_Slice:
        fold_opt(o, e->v.Slice.lower);
        fold_opt(o, e->v.Slice.upper);
        fold_opt(o, e->v.Slice.step);
        break;
    case WFC_List: fold_exprs(o, e->v.List.elts); break;
    case WFC_Tuple:
        fold_exprs(o, e->v.Tuple.elts);
        if (e->v.Tuple.ctx == WFC_Load) make_const(o, e, const_tuple_of(o, e->v.Tuple.elts, 0));
        break;
    case WFC_Name:
        if (e->v.Name.ctx == WFC_Load && strcmp(e->v.Name.id, "__debug__") == 0)
            make_const(o, e, bool_const(o, !o->optimize));
        break;
    case WFC_Constant: break;
    }
}

static void fold_pattern(O *o, wfc_pattern *p) {
    switch (p->kind) {
    case WFC_MatchValue: fold_expr(o, p->v.MatchValue.value); break;
    case WFC_MatchSingleton:
    case WFC_MatchStar: break;
    case WFC_MatchSequence:
        for (int i = 0; i < p->v.MatchSequence.patterns->len; i++) fold_pattern(o, p->v.MatchSequence.patterns->items[i]);
        break;
    case WFC_MatchMapping:
        fold_exprs(o, p->v.MatchMapping.keys);
        for (int i = 0; i < p->v.MatchMapping.patterns->len; i++) fold_pattern(o, p->v.MatchMapping.patterns->items[i]);
        break;
    case WFC_MatchClass:
        fold_expr(o, p->v.MatchClass.cls);
        for (int i = 0; i < p->v.MatchClass.patterns->len; i++) fold_pattern(o, p->v.MatchClass.patterns->items[i]);
        for (int i = 0; i < p->v.MatchClass.kwd_patterns->len; i++)
            fold_pattern(o, p->v.MatchClass.kwd_patterns->items[i]);
        break;
    case WFC_MatchAs:
        if (p->v.MatchAs.pattern) fold_pattern(o, p->v.MatchAs.pattern);
        break;
    case WFC_MatchOr:
        for (int i = 0; i < p->v.MatchOr.patterns->len; i++) fold_pattern(o, p->v.MatchOr.patterns->items[i]);
        break;
    }
}

static void fold_stmt(O *o, wfc_stmt *s) {
    switch (s->kind) {
    case WFC_FunctionDef:
    case WFC_AsyncFunctionDef:
        fold_args(o, s->v.FunctionDef.args);
        fold_stmts(o, s->v.FunctionDef.body);
        fold_exprs(o, s->v.FunctionDef.decorator_list);
        fold_ann(o, s->v.FunctionDef.returns);
        break;
    case WFC_ClassDef:
        fold_exprs(o, s->v.ClassDef.bases);
        for (int i = 0; i < s->v.ClassDef.keywords->len; i++) fold_expr(o, ((wfc_keyword *)s->v.ClassDef.keywords->items[i])->value);
        fold_stmts(o, s->v.ClassDef.body);
        fold_exprs(o, s->v.ClassDef.decorator_list);
        break;
    case WFC_Return: fold_opt(o, s->v.Return.value); break;
    case WFC_Delete: fold_exprs(o, s->v.Delete.targets); break;
    case WFC_Assign:
        fold_exprs(o, s->v.Assign.targets);
        fold_expr(o, s->v.Assign.value);
        break;
    case WFC_AugAssign:
        fold_expr(o, s->v.AugAssign.target);
        fold_expr(o, s->v.AugAssign.value);
        break;
    case WFC_AnnAssign:
        fold_expr(o, s->v.AnnAssign.target);
        fold_ann(o, s->v.AnnAssign.annotation);
        fold_opt(o, s->v.AnnAssign.value);
        break;
    case WFC_For:
    case WFC_AsyncFor:
        fold_expr(o, s->v.For.target);
        fold_expr(o, s->v.For.iter);
        fold_stmts(o, s->v.For.body);
        fold_stmts(o, s->v.For.orelse);
        fold_iter(o, s->v.For.iter);
        break;
    case WFC_While:
        fold_expr(o, s->v.While.test);
        fold_stmts(o, s->v.While.body);
        fold_stmts(o, s->v.While.orelse);
        break;
    case WFC_If:
        fold_expr(o, s->v.If.test);
        fold_stmts(o, s->v.If.body);
        fold_stmts(o, s->v.If.orelse);
        break;
    case WFC_With:
    case WFC_AsyncWith:
        for (int i = 0; i < s->v.With.items->len; i++) {
            wfc_withitem *w = s->v.With.items->items[i];
            fold_expr(o, w->context_expr);
            fold_opt(o, w->optional_vars);
        }
        fold_stmts(o, s->v.With.body);
        break;
    case WFC_Match:
        fold_expr(o, s->v.Match.subject);
        for (int i = 0; i < s->v.Match.cases->len; i++) {
            wfc_match_case *mc = s->v.Match.cases->items[i];
            fold_pattern(o, mc->pattern);
            fold_opt(o, mc->guard);
            fold_stmts(o, mc->body);
        }
        break;
    case WFC_Raise:
        fold_opt(o, s->v.Raise.exc);
        fold_opt(o, s->v.Raise.cause);
        break;
    case WFC_Try:
    case WFC_TryStar:
        fold_stmts(o, s->v.Try.body);
        for (int i = 0; i < s->v.Try.handlers->len; i++) {
            wfc_excepthandler *h = s->v.Try.handlers->items[i];
            fold_opt(o, h->v.ExceptHandler.type);
            fold_stmts(o, h->v.ExceptHandler.body);
        }
        fold_stmts(o, s->v.Try.orelse);
        fold_stmts(o, s->v.Try.finalbody);
        break;
    case WFC_Assert:
        fold_expr(o, s->v.Assert.test);
        fold_opt(o, s->v.Assert.msg);
        break;
    case WFC_Expr: fold_expr(o, s->v.Expr.value); break;
    default: break;
    }
}

static void fold_stmts(O *o, wfc_seq *q) {
    for (int i = 0; q && i < q->len; i++) fold_stmt(o, q->items[i]);
}

int wfc_ast_optimize(wfc_mod *mod, wfc_arena *arena, int optimize, wfc_syntax_error *err) {
    O o = {arena, optimize, 0, wfc_future_annotations(mod)};
    switch (mod->kind) {
    case WFC_Module:
    case WFC_Interactive: fold_stmts(&o, mod->v.Module.body); break;
    case WFC_Expression: fold_expr(&o, mod->v.Expression.body); break;
    default: break;
    }
    if (o.oom) {
        err->kind = WFC_ERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    return 0;
}
