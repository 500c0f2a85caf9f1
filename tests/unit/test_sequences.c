/*
 * tests/unit/test_sequences.c — slice, range, bytes and bytearray through
 * the C API, plus slicing of list, tuple and str by slice objects.
 *
 *  - behaviour: the CASES table mirrors, one C function per row, a snippet
 *    of Python (the ROW's string; its result is the variable r).
 *    tools/gen_rows_expected.py tests/unit/test_sequences.c runs the snippets under python3 and
 *    writes tests/unit/sequences_expected.txt (`id<TAB>repr(r)` or
 *    `id<TAB>ExceptionName: message`); each case's result is rendered the
 *    same way here and must match its line.  No case depends on a salted
 *    hash value (bytes/str hashes are only compared with each other).
 *  - threads: 4 threads append to, pop from and slice-assign one shared
 *    bytearray (forcing buffer replacements under the critical section);
 *    the final length and byte counts are checked exactly.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "tests/unit/wtest.h"
#include "tests/unit/wrows.h"

/* A small DSL: each helper returns a borrowed pointer kept in a pool that
 * is dropped after the case, or NULL when an exception is pending (and
 * propagates NULL inputs). */
static wf_object *pool[1024];
static int npool;

static wf_object *keep(wf_object *o) {
    if (o) {
        ck_assert_int_lt(npool, 1024);
        pool[npool++] = o;
    }
    return o;
}
static void drop_pool(void) {
    while (npool > 0) wf_decref(pool[--npool]);
}

#define VARGS(n, arr)                                                       \
    do {                                                                    \
        va_list ap;                                                         \
        va_start(ap, n);                                                    \
        for (int i_ = 0; i_ < (n); i_++) arr[i_] = va_arg(ap, wf_object *); \
        va_end(ap);                                                         \
        for (int i_ = 0; i_ < (n); i_++)                                    \
            if (!arr[i_]) return NULL;                                      \
    } while (0)

static wf_object *I(int64_t v) { return keep(wf_int_from_i64(v)); }
static wf_object *F(double v) { return keep(wf_float_from_double(v)); }
static wf_object *S(const char *s) { return keep(wf_str_from_cstr(s)); }
static wf_object *BYN(const char *s, size_t n) { return keep(wf_bytes_from_data(s, (wf_ssize_t)n)); }
#define BY(lit) BYN(lit, sizeof(lit) - 1)
static wf_object *BAN(const char *s, size_t n) { return keep(wf_bytearray_from_data(s, (wf_ssize_t)n)); }
#define BA(lit) BAN(lit, sizeof(lit) - 1)
static wf_object *TY(wf_type *t) { return (wf_object *)t; }
static wf_object *B(int v) { return wf_bool_from(v); }
static wf_object *N(void) { return wf_None; }
/* 2**k and -(2**k) */
static wf_object *P2(int k) { return keep(wf_number_lshift(I(1), I(k))); }
static wf_object *NP2(int k) { return keep(wf_number_negative(P2(k))); }
static wf_object *ADD(wf_object *a, wf_object *b) { return a && b ? keep(wf_number_add(a, b)) : NULL; }
static wf_object *MUL(wf_object *a, wf_object *b) { return a && b ? keep(wf_number_multiply(a, b)) : NULL; }
static wf_object *T(int n, ...) {
    wf_object *a[32];
    VARGS(n, a);
    return keep(wf_tuple_from_array(a, n));
}
static wf_object *L(int n, ...) {
    wf_object *a[32];
    VARGS(n, a);
    wf_object *l = keep(wf_list_new(0));
    for (int i = 0; l && i < n; i++)
        if (wf_list_append(l, a[i]) < 0) return NULL;
    return l;
}
/* self.name(*args) */
static wf_object *M(wf_object *self, const char *name, int n, ...) {
    wf_object *a[16];
    VARGS(n, a);
    if (!self) return NULL;
    return keep(wf_object_call_method(self, name, a, n));
}
/* self.name(*args, kw=kwv) */
static wf_object *MKW(wf_object *self, const char *name, const char *kw, wf_object *kwv, int n, ...) {
    wf_object *a[16];
    VARGS(n, a);
    if (!self || !kwv) return NULL;
    wf_object *meth = keep(wf_object_getattr_string(self, name));
    wf_object *args = keep(wf_tuple_from_array(a, n));
    wf_object *kwargs = keep(wf_dict_new());
    if (!meth || !args || !kwargs || wf_dict_set_item_string(kwargs, kw, kwv) < 0) return NULL;
    return keep(wf_object_call(meth, args, kwargs));
}
static wf_object *GA(wf_object *o, const char *name) {
    return o ? keep(wf_object_getattr_string(o, name)) : NULL;
}
static wf_object *GI(wf_object *o, wf_object *k) { return o && k ? keep(wf_object_get_item(o, k)) : NULL; }
static wf_object *SI(wf_object *o, wf_object *k, wf_object *v) {
    return o && k && v && wf_object_set_item(o, k, v) == 0 ? wf_None : NULL;
}
static wf_object *DI(wf_object *o, wf_object *k) {
    return o && k && wf_object_del_item(o, k) == 0 ? wf_None : NULL;
}
static wf_object *SL(wf_object *a, wf_object *b, wf_object *c) {
    return a && b && c ? keep(wf_slice_new(a, b, c)) : NULL;
}
static wf_object *CMP(wf_object *a, wf_object *b, int op) {
    return a && b ? keep(wf_object_rich_compare(a, b, op)) : NULL;
}
static wf_object *IS(wf_object *a, wf_object *b) { return a && b ? B(a == b) : NULL; }
static wf_object *BIN(wf_object *(*f)(wf_object *, wf_object *), wf_object *a, wf_object *b) {
    return a && b ? keep(f(a, b)) : NULL;
}
static wf_object *HASH(wf_object *o) {
    if (!o) return NULL;
    wf_hash_t h = wf_object_hash(o);
    return h == -1 && wf_err_occurred() ? NULL : I(h);
}
/* hash(a) == hash(b) */
static wf_object *HASHEQ(wf_object *a, wf_object *b) { return CMP(HASH(a), HASH(b), WF_EQ); }
static wf_object *IN(wf_object *x, wf_object *c) {
    if (!x || !c) return NULL;
    int r = wf_sequence_contains(c, x);
    return r < 0 ? NULL : B(r);
}
static wf_object *LEN(wf_object *o) {
    if (!o) return NULL;
    wf_ssize_t n = wf_object_size(o);
    return n < 0 ? NULL : I(n);
}
static wf_object *BOOL(wf_object *o) {
    if (!o) return NULL;
    int k = wf_object_is_true(o);
    return k < 0 ? NULL : B(k);
}
static wf_object *LIST(wf_object *o) { return o ? keep(wf_sequence_list(o)) : NULL; }
static wf_object *ITER(wf_object *o) { return o ? keep(wf_object_get_iter(o)) : NULL; }
static wf_object *NEXT(wf_object *it) {
    if (!it) return NULL;
    wf_object *r = wf_iter_next(it);
    if (!r && !wf_err_occurred()) wf_err_set_none(&wf_exc_StopIteration);
    return keep(r);
}
static wf_object *SLICE(int n, ...) {
    wf_object *a[3];
    VARGS(n, a);
    return keep(wf_object_vectorcall(TY(&wf_slice_type), a, (size_t)n, NULL));
}
static wf_object *RANGE(int n, ...) {
    wf_object *a[3];
    VARGS(n, a);
    return keep(wf_object_vectorcall(TY(&wf_range_type), a, (size_t)n, NULL));
}
#define R1(a) RANGE(1, a)
#define R2(a, b) RANGE(2, a, b)
#define R3(a, b, c) RANGE(3, a, b, c)
static wf_object *BYTES(int n, ...) {
    wf_object *a[3];
    VARGS(n, a);
    return keep(wf_object_vectorcall(TY(&wf_bytes_type), a, (size_t)n, NULL));
}
static wf_object *BARR(int n, ...) {
    wf_object *a[3];
    VARGS(n, a);
    return keep(wf_object_vectorcall(TY(&wf_bytearray_type), a, (size_t)n, NULL));
}
/* a string from code points (for lone surrogates) */
static wf_object *U(int n, ...) {
    uint32_t cp[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) cp[i] = va_arg(ap, uint32_t);
    va_end(ap);
    return keep(wf_str_from_ucs4(cp, n));
}
#define DO(x)                  \
    do {                       \
        if (!(x)) return NULL; \
    } while (0)
#define LT WF_LT
#define LE WF_LE
#define EQ WF_EQ
#define NE WF_NE
#define GT WF_GT
#define GE WF_GE

/* ---------------------------------------------------------------------------
 * Cases that need statements (their Python is the ROW of the same name).
 */
static wf_object *c_tuple_same(void) {
    wf_object *t = T(3, I(1), I(2), I(3));
    return T(4, IS(GI(t, SL(N(), N(), N())), t), IS(GI(t, SL(I(0), N(), N())), t),
             IS(GI(t, SL(N(), N(), I(1))), t), IS(GI(t, SL(N(), I(2), N())), t));
}
static wf_object *c_list_assign(void) {
    wf_object *l = LIST(R1(I(6)));
    DO(SI(l, SL(I(1), I(3), N()), S("ab")));
    DO(SI(l, SL(N(), N(), I(2)), L(3, I(7), I(8), I(9))));
    DO(SI(l, SL(I(10), N(), N()), T(1, I(1))));
    return l;
}
static wf_object *c_list_del(void) {
    wf_object *l = LIST(R1(I(10)));
    DO(DI(l, SL(N(), N(), I(3))));
    DO(DI(l, SL(I(-2), N(), N())));
    DO(DI(l, SL(I(100), N(), N())));
    return l;
}
static wf_object *c_list_assign_bad(void) {
    wf_object *l = L(3, I(1), I(2), I(3));
    DO(SI(l, SL(N(), N(), I(2)), L(1, I(1))));
    return l;
}
static wf_object *c_list_assign_step0(void) {
    wf_object *l = L(3, I(1), I(2), I(3));
    DO(SI(l, SL(N(), N(), I(0)), L(0)));
    return l;
}
static wf_object *c_rg_iter(void) {
    wf_object *it = ITER(R3(I(0), I(10), I(3)));
    wf_object *a = NEXT(it), *b = NEXT(it);
    DO(a && b);
    wf_object *hint = M(it, "__length_hint__", 0);
    wf_object *rest = LIST(it);
    return T(5, a, b, hint, rest, GA(TY(WF_TYPE(it)), "__name__"));
}
static wf_object *c_bytes_kw(void) {
    wf_object *kw = keep(wf_dict_new());
    wf_object *args = T(1, S("abc"));
    DO(kw && args && S("ascii"));
    DO(wf_dict_set_item_string(kw, "encoding", S("ascii")) == 0);
    return keep(wf_object_call(TY(&wf_bytes_type), args, kw));
}
static wf_object *c_decode_exc_attrs(void) {
    DO(BY("ab\xff"));
    wf_object *r = wf_object_call_method(BY("ab\xff"), "decode", NULL, 0);
    ck_assert_ptr_null(r);
    wf_object *e = keep(wf_err_fetch());
    return T(5, GA(e, "encoding"), GA(e, "object"), GA(e, "start"), GA(e, "end"), GA(e, "reason"));
}
static wf_object *c_ba_append(void) {
    wf_object *b = BA("ab");
    DO(M(b, "append", 1, I(99)));
    DO(M(b, "extend", 1, BY("de")));
    DO(M(b, "extend", 1, L(2, I(102), I(103))));
    DO(M(b, "extend", 1, R2(I(104), I(106))));
    DO(M(b, "extend", 1, BA("!")));
    return b;
}
static wf_object *c_ba_extend_self(void) {
    wf_object *b = BA("xy");
    DO(M(b, "extend", 1, b));
    DO(SI(b, SL(LEN(b), N(), N()), b));
    return b;
}
static wf_object *c_ba_pop(void) {
    wf_object *b = BA("abcd");
    wf_object *x = M(b, "pop", 0), *y = M(b, "pop", 1, I(0)), *z = M(b, "pop", 1, I(-1));
    return T(4, x, y, z, b);
}
static wf_object *c_ba_insert(void) {
    wf_object *b = BA("ac");
    DO(M(b, "insert", 2, I(1), I(98)));
    DO(M(b, "insert", 2, I(-100), I(95)));
    DO(M(b, "insert", 2, I(100), I(33)));
    DO(M(b, "insert", 2, I(-1), I(46)));
    return b;
}
static wf_object *c_ba_remove(void) {
    wf_object *b = BA("abcb");
    DO(M(b, "remove", 1, I(98)));
    return b;
}
static wf_object *c_ba_setitem(void) {
    wf_object *b = BA("abc");
    DO(SI(b, I(0), I(65)));
    DO(SI(b, I(-1), I(67)));
    DO(DI(b, I(1)));
    return b;
}
static wf_object *c_ba_slice_assign(void) {
    wf_object *a = BA("0123456789");
    DO(SI(a, SL(I(2), I(5), N()), BY("xy")));
    wf_object *b = BA("0123456789");
    DO(SI(b, SL(N(), N(), I(2)), BY("abcde")));
    wf_object *c = BA("0123456789");
    DO(DI(c, SL(N(), N(), I(3))));
    wf_object *d = BA("0123");
    DO(SI(d, SL(I(1), I(1), N()), d));
    wf_object *e = BA("0123456789");
    DO(DI(e, SL(I(8), I(1), I(-3))));
    wf_object *f = BA("0123");
    DO(SI(f, SL(I(3), I(1), N()), BY("ab")));
    return T(6, a, b, c, d, e, f);
}
static wf_object *c_ba_slice_assign_iter(void) {
    wf_object *a = BA("abc");
    DO(SI(a, SL(I(0), I(1), N()), L(2, I(120), I(121))));
    DO(SI(a, SL(I(5), N(), N()), R1(I(3))));
    DO(SI(a, SL(N(), N(), I(-1)), BA("1234567")));
    return a;
}
static wf_object *c_ba_iadd(void) {
    wf_object *a = BA("ab");
    wf_object *b = a;
    a = keep(wf_number_inplace_add(a, BY("cd")));
    DO(a);
    a = keep(wf_number_inplace_multiply(a, I(2)));
    DO(a);
    return T(2, a, IS(a, b));
}
static wf_object *c_ba_misc(void) {
    wf_object *a = BA("abc");
    wf_object *c = M(a, "copy", 0);
    DO(M(a, "reverse", 0));
    DO(M(c, "clear", 0));
    return T(5, a, c, LEN(a), LIST(a), LEN(c));
}

/* One-expression cases. */
static wf_object *c_sl_repr(void) { return SLICE(3, I(1), I(2), I(3)); }
static wf_object *c_sl_repr1(void) { return T(2, SLICE(1, I(5)), SLICE(2, S("a"), N())); }
static wf_object *c_sl_attrs(void) { return T(3, GA(SL(I(1), N(), I(2)), "start"), GA(SL(I(1), N(), I(2)), "stop"), GA(SL(I(1), N(), I(2)), "step")); }
static wf_object *c_sl_noargs(void) { return SLICE(0); }
static wf_object *c_sl_toomany(void) { return keep(wf_object_vectorcall(TY(&wf_slice_type), (wf_object *[]){I(1), I(2), I(3), I(4)}, 4, NULL)); }
static wf_object *c_sl_indices(void) { return T(4, M(SL(N(), N(), I(-1)), "indices", 1, I(10)), M(SL(N(), I(-3), N()), "indices", 1, I(5)), M(SL(I(2), I(100), I(3)), "indices", 1, I(10)), M(SL(I(-100), I(-200), I(-1)), "indices", 1, I(5))); }
static wf_object *c_sl_indices_big(void) { return T(3, M(SL(NP2(100), P2(100), I(3)), "indices", 1, I(7)), M(SL(N(), N(), P2(80)), "indices", 1, I(4)), M(SL(I(-5), N(), N()), "indices", 1, P2(80))); }
static wf_object *c_sl_indices_step0(void) { return M(SL(I(1), I(2), I(0)), "indices", 1, I(5)); }
static wf_object *c_sl_indices_neglen(void) { return M(SL(N(), I(1), N()), "indices", 1, I(-1)); }
static wf_object *c_sl_indices_type(void) { return M(SL(S("a"), I(2), N()), "indices", 1, I(5)); }
static wf_object *c_sl_cmp(void) { return T(5, CMP(SL(I(1), I(2), N()), SL(I(1), I(2), N()), EQ), CMP(SL(I(1), I(2), N()), SL(I(1), I(3), N()), LT), CMP(SL(N(), I(1), N()), SL(I(0), I(1), N()), NE), CMP(SL(I(1), I(2), N()), SL(I(1), I(2), N()), GE), CMP(SL(N(), I(1), N()), I(1), EQ)); }
static wf_object *c_sl_hash(void) { return HASH(SL(N(), I(1), N())); }
static wf_object *c_sl_bad_index(void) { return GI(L(3, I(1), I(2), I(3)), SL(F(1.0), I(2), N())); }
static wf_object *c_sl_list(void) { return T(6, GI(LIST(R1(I(10))), SL(I(2), I(5), N())), GI(LIST(R1(I(10))), SL(N(), N(), I(-3))), GI(LIST(R1(I(10))), SL(NP2(100), P2(100), P2(70))), GI(LIST(R1(I(10))), SL(P2(100), N(), I(-1))), GI(LIST(R1(I(10))), SL(I(-3), N(), N())), GI(LIST(R1(I(10))), SL(I(7), I(2), N()))); }
static wf_object *c_sl_list_step0(void) { return GI(L(2, I(1), I(2)), SL(N(), N(), I(0))); }
static wf_object *c_sl_list_badkey(void) { return GI(L(2, I(1), I(2)), S("a")); }
static wf_object *c_sl_tuple(void) { return T(5, GI(keep(wf_sequence_tuple(R1(I(6)))), SL(I(1), I(4), N())), GI(keep(wf_sequence_tuple(R1(I(6)))), SL(N(), N(), I(-2))), CMP(GI(keep(wf_sequence_tuple(R1(I(6)))), SL(N(), N(), N())), keep(wf_sequence_tuple(R1(I(6)))), EQ), GI(keep(wf_sequence_tuple(R1(I(6)))), SL(I(-100), I(100), I(4))), GI(keep(wf_sequence_tuple(R1(I(6)))), SL(I(5), I(0), I(-2)))); }
static wf_object *c_sl_tuple_same(void) { return c_tuple_same(); }
static wf_object *c_sl_str(void) { return T(7, GI(S("héllo wörld"), SL(I(1), I(4), N())), GI(S("héllo wörld"), SL(N(), N(), I(-1))), GI(S("héllo wörld"), SL(N(), N(), I(3))), GI(S("héllo wörld"), SL(I(-3), N(), N())), GI(S("héllo wörld"), SL(I(100), N(), N())), GI(S("héllo wörld"), SL(I(3), I(1), N())), GI(S("héllo wörld"), SL(N(), N(), NP2(80)))); }
static wf_object *c_sl_str_step0(void) { return GI(S("abc"), SL(N(), N(), I(0))); }
static wf_object *c_sl_list_assign(void) { return c_list_assign(); }
static wf_object *c_sl_list_del(void) { return c_list_del(); }
static wf_object *c_sl_list_assign_bad(void) { return c_list_assign_bad(); }
static wf_object *c_sl_list_assign_step0(void) { return c_list_assign_step0(); }
static wf_object *c_rg_repr(void) { return T(5, R1(I(5)), R2(I(1), I(5)), R3(I(1), I(10), I(3)), R3(I(0), I(-5), I(-1)), R2(NP2(70), P2(70))); }
static wf_object *c_rg_len(void) { return T(6, LEN(R1(I(10))), LEN(R3(I(0), I(10), I(3))), LEN(R2(I(10), I(0))), LEN(R3(I(10), I(0), I(-3))), LEN(R3(I(-5), I(5), I(2))), LEN(R2(P2(62), ADD(P2(62), I(5))))); }
static wf_object *c_rg_len_big(void) { return LEN(R1(P2(64))); }
static wf_object *c_rg_list(void) { return T(5, LIST(R3(I(-3), I(10), I(4))), LIST(R3(I(5), I(-6), I(-3))), LIST(R2(I(3), I(3))), LIST(R2(P2(64), ADD(P2(64), I(3)))), LIST(R2(ADD(P2(63), I(-2)), ADD(P2(63), I(1))))); }
static wf_object *c_rg_list_neg_big(void) { return LIST(R3(ADD(NP2(63), I(1)), ADD(NP2(63), I(-3)), I(-1))); }
static wf_object *c_rg_getitem(void) { return T(5, GI(R3(I(0), I(20), I(3)), I(2)), GI(R3(I(0), I(20), I(3)), I(-1)), GI(R1(I(10)), I(-10)), GI(R3(P2(100), P2(101), P2(50)), I(-1)), GI(R1(I(10)), B(1))); }
static wf_object *c_rg_getitem_oob(void) { return GI(R1(I(5)), I(5)); }
static wf_object *c_rg_getitem_oob_neg(void) { return GI(R1(I(5)), I(-6)); }
static wf_object *c_rg_getitem_type(void) { return GI(R1(I(5)), S("a")); }
static wf_object *c_rg_slice(void) { return T(6, GI(R1(I(10)), SL(I(2), I(8), I(2))), GI(R1(I(10)), SL(N(), N(), I(-1))), GI(R3(I(0), I(30), I(3)), SL(I(-2), N(), N())), GI(R1(I(5)), SL(I(10), N(), N())), GI(R3(I(1), P2(100), I(7)), SL(I(5), P2(90), I(3))), GI(R3(I(10), I(0), I(-2)), SL(I(1), N(), I(2)))); }
static wf_object *c_rg_slice_step0(void) { return GI(R1(I(5)), SL(N(), N(), I(0))); }
static wf_object *c_rg_contains(void) { return T(10, IN(I(5), R3(I(0), I(10), I(5))), IN(I(6), R3(I(0), I(10), I(5))), IN(I(10), R3(I(0), I(10), I(5))), IN(I(-4), R3(I(0), I(-10), I(-2))), IN(I(0), R3(I(0), I(-10), I(-2))), IN(F(5.0), R1(I(10))), IN(S("a"), R1(I(3))), IN(B(1), R1(I(2))), IN(P2(100), R1(P2(101))), IN(ADD(P2(100), I(1)), R3(I(0), P2(101), I(2)))); }
static wf_object *c_rg_index(void) { return T(4, M(R3(I(0), I(20), I(4)), "index", 1, I(12)), M(R3(I(10), I(0), I(-2)), "index", 1, I(4)), M(R1(I(5)), "index", 1, F(3.0)), M(R3(P2(70), P2(71), I(3)), "index", 1, ADD(P2(70), I(9)))); }
static wf_object *c_rg_index_missing(void) { return M(R3(I(0), I(20), I(4)), "index", 1, I(13)); }
static wf_object *c_rg_index_missing_obj(void) { return M(R1(I(3)), "index", 1, S("a")); }
static wf_object *c_rg_count(void) { return T(5, M(R1(I(10)), "count", 1, I(3)), M(R1(I(10)), "count", 1, F(3.0)), M(R1(I(10)), "count", 1, I(10)), M(R3(I(0), I(10), I(2)), "count", 1, B(1)), M(R1(I(3)), "count", 1, S("x"))); }
static wf_object *c_rg_eq(void) { return T(7, CMP(R1(I(0)), R2(I(5), I(5)), EQ), CMP(R3(I(1), I(2), I(3)), R3(I(1), I(5), I(7)), EQ), CMP(R3(I(0), I(10), I(2)), R3(I(0), I(11), I(2)), EQ), CMP(R3(I(0), I(10), I(2)), R3(I(0), I(10), I(3)), EQ), CMP(R1(I(3)), L(3, I(0), I(1), I(2)), EQ), CMP(R1(I(3)), R1(I(3)), NE), CMP(R1(P2(80)), R3(I(0), P2(80), I(1)), EQ)); }
static wf_object *c_rg_order(void) { return CMP(R1(I(3)), R1(I(4)), LT); }
static wf_object *c_rg_hash(void) { return T(6, HASHEQ(R1(I(0)), R2(I(3), I(3))), HASHEQ(R3(I(1), I(5), I(7)), R2(I(1), I(2))), HASH(R3(I(1), I(10), I(3))), HASHEQ(R1(I(0)), T(3, I(0), N(), N())), HASHEQ(R2(I(4), I(5)), T(3, I(1), I(4), N())), HASHEQ(R2(I(4), I(5)), R2(I(4), I(6)))); }
static wf_object *c_rg_reversed(void) { return T(4, LIST(M(R3(I(1), I(10), I(3)), "__reversed__", 0)), LIST(M(R3(I(5), I(0), I(-2)), "__reversed__", 0)), LIST(M(R1(I(0)), "__reversed__", 0)), LIST(M(R2(P2(64), ADD(P2(64), I(2))), "__reversed__", 0))); }
static wf_object *c_rg_zero_step(void) { return R3(I(1), I(2), I(0)); }
static wf_object *c_rg_float(void) { return R1(F(1.5)); }
static wf_object *c_rg_noargs(void) { return RANGE(0); }
static wf_object *c_rg_attrs(void) { return T(5, GA(R1(I(7)), "start"), GA(R1(I(7)), "stop"), GA(R1(I(7)), "step"), GA(R3(I(1), I(2), I(-1)), "step"), GA(R1(B(1)), "stop")); }
static wf_object *c_rg_bool(void) { return T(3, BOOL(R1(I(0))), BOOL(R1(P2(100))), BOOL(R2(I(5), I(0)))); }
static wf_object *c_b_repr(void) { return T(4, BY("abc"), BY("a\x00\xff\n'\""), BY(""), BY("\\")); }
static wf_object *c_b_ctor(void) { return T(7, BYTES(1, I(3)), BYTES(1, L(3, I(65), I(66), I(67))), BYTES(1, BY("xy")), BYTES(1, BA("q")), BYTES(1, R1(I(3))), BYTES(0), BYTES(1, T(1, B(1)))); }
static wf_object *c_b_ctor_str(void) { return T(3, BYTES(2, S("hé"), S("utf-8")), BYTES(2, S("hé"), S("latin-1")), c_bytes_kw()); }
static wf_object *c_b_ctor_str_noenc(void) { return BYTES(1, S("abc")); }
static wf_object *c_b_ctor_range_err(void) { return BYTES(1, L(2, I(1), I(256))); }
static wf_object *c_b_ctor_neg(void) { return BYTES(1, I(-1)); }
static wf_object *c_b_ctor_float(void) { return BYTES(1, F(1.5)); }
static wf_object *c_b_ctor_item_type(void) { return BYTES(1, L(1, S("a"))); }
static wf_object *c_b_ctor_enc_nostr(void) { return BYTES(2, BY("a"), S("utf-8")); }
static wf_object *c_b_concat(void) { return T(4, BIN(wf_number_add, BY("ab"), BY("cd")), BIN(wf_number_add, BY("ab"), BA("c")), BIN(wf_number_add, BA("x"), BY("y")), BIN(wf_number_add, BY(""), BY(""))); }
static wf_object *c_b_concat_err(void) { return BIN(wf_number_add, BY("a"), S("b")); }
static wf_object *c_b_repeat(void) { return T(5, MUL(BY("ab"), I(3)), MUL(BY("x"), I(0)), MUL(BA("ab"), I(2)), MUL(I(2), BY("z")), MUL(BY("q"), I(-1))); }
static wf_object *c_b_index(void) { return T(4, GI(BY("abc"), I(0)), GI(BY("abc"), I(-1)), GI(BA("xyz"), I(1)), GI(BA("xyz"), I(-3))); }
static wf_object *c_b_index_oob(void) { return GI(BY("abc"), I(3)); }
static wf_object *c_b_index_type(void) { return GI(BY("abc"), S("a")); }
static wf_object *c_b_slice(void) { return T(6, GI(BY("hello world"), SL(I(1), I(4), N())), GI(BY("hello world"), SL(N(), N(), I(-1))), GI(BY("hello world"), SL(N(), N(), I(3))), GI(BY("hello world"), SL(I(-3), N(), N())), GI(BY("hello world"), SL(I(100), N(), N())), GI(BY("hello world"), SL(I(8), I(2), I(-2)))); }
static wf_object *c_b_cmp(void) { return T(8, CMP(BY("abc"), BY("abd"), LT), CMP(BY("ab"), BY("abc"), LT), CMP(BY("abc"), BA("abc"), EQ), CMP(BY("b"), BY("abc"), GT), CMP(BY("a"), S("a"), EQ), CMP(BA("a"), BY("a"), LE), CMP(BY("\xff"), BY("\x01"), GT), CMP(BY(""), BY(""), GE)); }
static wf_object *c_b_cmp_err(void) { return CMP(BY("a"), S("b"), LT); }
static wf_object *c_b_hash(void) { return T(4, HASHEQ(BY("abc"), S("abc")), HASHEQ(BY(""), S("")), HASHEQ(BY("xyz"), BYTES(1, BY("xyz"))), HASHEQ(BY("\xe9"), S("\xc3\xa9"))); }
static wf_object *c_b_hash_ba(void) { return HASH(BA("a")); }
static wf_object *c_b_len_in(void) { return T(7, LEN(BY("abc")), IN(I(98), BY("abc")), IN(BY("bc"), BY("abc")), IN(BY(""), BY("abc")), IN(BA("c"), BY("abc")), IN(I(100), BA("abc")), IN(BY("cb"), BY("abc"))); }
static wf_object *c_b_in_err(void) { return IN(S("a"), BY("abc")); }
static wf_object *c_b_in_range(void) { return IN(I(256), BY("a")); }
static wf_object *c_b_list(void) { return T(2, LIST(BY("\x01\x02\xff")), LIST(BA("ab"))); }
static wf_object *c_b_join(void) { return T(4, M(BY(", "), "join", 1, L(3, BY("a"), BA("b"), BY("c"))), M(BY(""), "join", 1, L(0)), M(BA("-"), "join", 1, L(2, BY("x"), BY("y"))), M(BY("."), "join", 1, T(1, BY("one")))); }
static wf_object *c_b_join_err(void) { return M(BY(""), "join", 1, L(2, BY("a"), S("b"))); }
static wf_object *c_b_split(void) { return T(8, M(BY(" a  b c "), "split", 0), M(BY("a,b,,c"), "split", 1, BY(",")), M(BY("a,b,c"), "split", 2, BY(","), I(1)), M(BY("  a b c  "), "split", 2, N(), I(1)), M(BY(""), "split", 0), M(BY(""), "split", 1, BY(",")), M(BY("a--b--"), "split", 1, BY("--")), MKW(BY("a b"), "split", "maxsplit", I(0), 0)); }
static wf_object *c_b_rsplit(void) { return T(4, M(BY("a,b,c"), "rsplit", 2, BY(","), I(1)), M(BY("  a b c  "), "rsplit", 2, N(), I(1)), M(BY("a b"), "rsplit", 0), M(BA("x y"), "rsplit", 0)); }
static wf_object *c_b_split_empty(void) { return M(BY("a"), "split", 1, BY("")); }
static wf_object *c_b_split_str(void) { return M(BY("a"), "split", 1, S(",")); }
static wf_object *c_b_strip(void) { return T(7, M(BY("  ab \n"), "strip", 0), M(BY("xxabyx"), "strip", 1, BY("xy")), M(BY("  a "), "lstrip", 0), M(BY("  a "), "rstrip", 0), M(BA("--a-"), "strip", 1, BY("-")), M(BY("abc"), "strip", 1, N()), M(BY("   "), "strip", 0)); }
static wf_object *c_b_find(void) { return T(10, M(BY("abcabc"), "find", 1, BY("bc")), M(BY("abcabc"), "find", 2, BY("bc"), I(2)), M(BY("abcabc"), "rfind", 1, BY("bc")), M(BY("abcabc"), "find", 1, I(99)), M(BY("abcabc"), "find", 1, BY("x")), M(BY("abcabc"), "find", 2, BY(""), I(10)), M(BY("abcabc"), "rfind", 3, BY("a"), I(0), I(3)), M(BY("abcabc"), "find", 2, BY("c"), I(-2)), M(BY("abcabc"), "rfind", 1, BY("")), M(BY("abcabc"), "find", 3, BY("a"), N(), I(2))); }
static wf_object *c_b_index_m(void) { return T(3, M(BY("abc"), "index", 1, BY("c")), M(BY("abcabc"), "rindex", 1, BY("ab")), M(BA("xyz"), "index", 1, I(121))); }
static wf_object *c_b_index_missing(void) { return M(BY("abc"), "index", 1, BY("x")); }
static wf_object *c_b_find_range(void) { return M(BY("abc"), "find", 1, I(256)); }
static wf_object *c_b_count(void) { return T(6, M(BY("aaaa"), "count", 1, BY("aa")), M(BY("abc"), "count", 1, BY("")), M(BY("abcb"), "count", 1, I(98)), M(BY("abcabc"), "count", 2, BY("bc"), I(2)), M(BY("abc"), "count", 3, BY(""), I(1), I(2)), M(BY(""), "count", 1, BY(""))); }
static wf_object *c_b_startswith(void) { return T(8, M(BY("hello"), "startswith", 1, BY("he")), M(BY("hello"), "startswith", 1, T(2, BY("x"), BY("hel"))), M(BY("hello"), "endswith", 1, BY("lo")), M(BY("hello"), "endswith", 3, BY("l"), I(0), I(3)), M(BY("hello"), "startswith", 2, BY(""), I(5)), M(BY("hello"), "startswith", 2, BY(""), I(6)), M(BY("hello"), "startswith", 2, BY("l"), I(2)), M(BY("hello"), "endswith", 1, BA("o"))); }
static wf_object *c_b_startswith_err(void) { return M(BY("a"), "startswith", 1, S("a")); }
static wf_object *c_b_replace(void) { return T(7, M(BY("aaa"), "replace", 2, BY("a"), BY("bb")), M(BY("abcabc"), "replace", 3, BY("bc"), BY("X"), I(1)), M(BY("ab"), "replace", 2, BY(""), BY("-")), M(BY("ab"), "replace", 3, BY(""), BY("-"), I(2)), M(BY("abc"), "replace", 2, BY("x"), BY("y")), M(BA("aXa"), "replace", 2, BY("a"), BY("")), M(BY("aaaa"), "replace", 2, BY("aa"), BY("b"))); }
static wf_object *c_b_hex(void) { return T(7, M(BY("\x01\xab\xff"), "hex", 0), M(BY("\x01\x02\x03"), "hex", 1, S(":")), M(BY("\x01\x02\x03"), "hex", 2, S(":"), I(2)), M(BY("\x01\x02\x03"), "hex", 2, BY("-"), I(-2)), M(BY(""), "hex", 0), M(BA("\x10\x20"), "hex", 1, S(" ")), M(BY("\x01\x02\x03\x04"), "hex", 2, S("_"), I(2))); }
static wf_object *c_b_hex_sep_err(void) { return M(BY("a"), "hex", 1, S("ab")); }
static wf_object *c_b_fromhex(void) { return T(4, M(TY(&wf_bytes_type), "fromhex", 1, S("01 ab FF")), M(TY(&wf_bytes_type), "fromhex", 1, S("")), M(TY(&wf_bytearray_type), "fromhex", 1, S(" 0a0b ")), M(TY(&wf_bytes_type), "fromhex", 1, S("  "))); }
static wf_object *c_b_fromhex_err(void) { return M(TY(&wf_bytes_type), "fromhex", 1, S("0g")); }
static wf_object *c_b_fromhex_err2(void) { return M(TY(&wf_bytes_type), "fromhex", 1, S("abc")); }
static wf_object *c_b_fromhex_err3(void) { return M(TY(&wf_bytes_type), "fromhex", 1, S("a b")); }
static wf_object *c_b_decode(void) { return T(7, M(BY("h\xc3\xa9llo"), "decode", 0), M(BY("abc"), "decode", 1, S("ascii")), M(BY("\xe9"), "decode", 1, S("latin-1")), M(BY("\xf0\x9f\x98\x80"), "decode", 1, S("utf-8")), M(BA("x"), "decode", 0), M(BY("\xe9"), "decode", 1, S("ISO-8859-1")), MKW(BY("a"), "decode", "encoding", S("UTF8"), 0)); }
static wf_object *c_b_decode_err(void) { return M(BY("ab\xff" "cd"), "decode", 1, S("utf-8")); }
static wf_object *c_b_decode_err_cont(void) { return M(BY("a\xe2\x82("), "decode", 0); }
static wf_object *c_b_decode_err_end(void) { return M(BY("a\xe2\x82"), "decode", 0); }
static wf_object *c_b_decode_surrogate(void) { return M(BY("\xed\xa0\x80"), "decode", 0); }
static wf_object *c_b_decode_overlong(void) { return M(BY("\xc0\x80"), "decode", 0); }
static wf_object *c_b_decode_f4(void) { return M(BY("\xf4\x90\x80\x80"), "decode", 0); }
static wf_object *c_b_decode_ascii_err(void) { return M(BY("a\x80"), "decode", 1, S("ascii")); }
static wf_object *c_b_decode_replace(void) { return T(3, M(BY("a\xff" "b\xe2\x82"), "decode", 2, S("utf-8"), S("replace")), M(BY("a\xff" "b"), "decode", 2, S("ascii"), S("ignore")), M(BY("\xe2\x28\xa1"), "decode", 2, S("utf-8"), S("replace"))); }
static wf_object *c_b_decode_unknown(void) { return M(BY("a"), "decode", 1, S("klingon")); }
static wf_object *c_b_decode_exc_attrs(void) { return c_decode_exc_attrs(); }
static wf_object *c_s_encode(void) { return T(6, M(S("hé€"), "encode", 0), M(S("abc"), "encode", 1, S("ascii")), M(S("é"), "encode", 1, S("latin-1")), M(U(1, 0x1f600), "encode", 1, S("utf-8")), MKW(S("a"), "encode", "encoding", S("utf8"), 0), M(S(""), "encode", 0)); }
static wf_object *c_s_encode_err(void) { return M(S("aé€b"), "encode", 1, S("ascii")); }
static wf_object *c_s_encode_err1(void) { return M(S("a€"), "encode", 1, S("latin-1")); }
static wf_object *c_s_encode_surrogate(void) { return M(U(2, 'a', 0xd800), "encode", 0); }
static wf_object *c_s_encode_replace(void) { return T(2, M(S("aé€"), "encode", 2, S("ascii"), S("replace")), M(S("aé€"), "encode", 2, S("latin-1"), S("ignore"))); }
static wf_object *c_s_encode_unknown_handler(void) { return M(S("é"), "encode", 2, S("ascii"), S("bogus")); }
static wf_object *c_s_encode_unknown(void) { return M(S("a"), "encode", 1, S("utf-42")); }
static wf_object *c_s_encode_bad_arg(void) { return M(S("a"), "encode", 1, I(5)); }
static wf_object *c_ba_repr(void) { return T(6, BA("ab\x00"), BARR(0), BARR(1, I(3)), BARR(1, L(2, I(1), I(2))), BARR(2, S("hé"), S("utf-8")), BA("'")); }
static wf_object *c_ba_ctor_float(void) { return BARR(1, F(1.5)); }
static wf_object *c_ba_append_err(void) { return M(BARR(0), "append", 1, I(256)); }
static wf_object *c_ba_append_type(void) { return M(BARR(0), "append", 1, S("a")); }
static wf_object *c_ba_pop_empty(void) { return M(BARR(0), "pop", 0); }
static wf_object *c_ba_pop_oob(void) { return M(BA("a"), "pop", 1, I(5)); }
static wf_object *c_ba_remove_missing(void) { return M(BA("a"), "remove", 1, I(98)); }
static wf_object *c_ba_setitem_range(void) { return SI(BA("abc"), I(0), I(300)); }
static wf_object *c_ba_setitem_oob(void) { return SI(BA("abc"), I(3), I(1)); }
static wf_object *c_ba_delitem_oob(void) { return DI(BA("abc"), I(-4)); }
static wf_object *c_ba_slice_bad_size(void) { return SI(BA("abc"), SL(N(), N(), I(2)), BY("x")); }
static wf_object *c_ba_slice_int(void) { return SI(BA("abc"), SL(I(0), I(1), N()), I(5)); }
static wf_object *c_ba_slice_step0(void) { return SI(BA("abc"), SL(N(), N(), I(0)), BY("")); }
static wf_object *c_ba_slice_get(void) { return T(4, GI(BA("hello"), SL(I(1), I(3), N())), GI(BA("hello"), SL(N(), N(), I(-1))), GI(BA("hello"), SL(N(), N(), I(2))), GI(BA("hello"), SL(I(10), N(), N()))); }
static wf_object *c_ba_methods(void) { return T(8, M(BA(" a,b "), "strip", 0), M(BA(" a,b "), "split", 1, BY(",")), M(BA(" a,b "), "find", 1, BY("b")), M(BA(" a,b "), "replace", 2, BY("a"), BY("A")), M(BA(" a,b "), "hex", 0), M(BA(" a,b "), "startswith", 1, BY(" a")), M(BA(" a,b "), "count", 1, BY(" ")), M(BA(" a,b "), "join", 1, L(2, BY("1"), BY("2")))); }
static wf_object *c_ba_eq(void) { return T(4, CMP(BA("a"), BA("a"), EQ), CMP(BA("a"), BY("a"), EQ), CMP(BA("a"), BY("b"), LT), CMP(BA("a"), S("a"), EQ)); }

/* ---------------------------------------------------------------------------
 * The table: id, Python code (result in r), the C function c_<id>.
 */
static const struct kase {
    const char *id;
    const char *code;
    wf_object *(*fn)(void);
} CASES[] = {
#define ROW(id, code) {#id, code, c_##id}
    ROW(sl_repr, "r = slice(1, 2, 3)"),
    ROW(sl_repr1, "r = (slice(5), slice('a', None))"),
    ROW(sl_attrs, "s = slice(1, None, 2); r = (s.start, s.stop, s.step)"),
    ROW(sl_noargs, "r = slice()"),
    ROW(sl_toomany, "r = slice(1, 2, 3, 4)"),
    ROW(sl_indices, "r = (slice(None, None, -1).indices(10), slice(None, -3).indices(5), slice(2, 100, 3).indices(10), slice(-100, -200, -1).indices(5))"),
    ROW(sl_indices_big, "r = (slice(-2**100, 2**100, 3).indices(7), slice(None, None, 2**80).indices(4), slice(-5, None).indices(2**80))"),
    ROW(sl_indices_step0, "r = slice(1, 2, 0).indices(5)"),
    ROW(sl_indices_neglen, "r = slice(1).indices(-1)"),
    ROW(sl_indices_type, "r = slice('a', 2).indices(5)"),
    ROW(sl_cmp, "r = (slice(1, 2) == slice(1, 2, None), slice(1, 2) < slice(1, 3), slice(1) != slice(0, 1), slice(1, 2) >= slice(1, 2), slice(1) == 1)"),
    ROW(sl_hash, "r = hash(slice(1))"),
    ROW(sl_bad_index, "r = [1, 2, 3][1.0:2]"),
    ROW(sl_list, "l = list(range(10)); r = (l[slice(2, 5)], l[::-3], l[-2**100:2**100:2**70], l[2**100::-1], l[-3:], l[7:2])"),
    ROW(sl_list_step0, "r = [1, 2][::0]"),
    ROW(sl_list_badkey, "r = [1, 2]['a']"),
    ROW(sl_tuple, "t = tuple(range(6)); r = (t[1:4], t[::-2], t[:] == t, t[-100:100:4], t[5:0:-2])"),
    ROW(sl_tuple_same, "t = (1, 2, 3); r = (t[:] is t, t[0:] is t, t[::1] is t, t[:2] is t)"),
    ROW(sl_str, "s = 'héllo wörld'; r = (s[1:4], s[::-1], s[::3], s[-3:], s[100:], s[3:1], s[slice(None, None, -2**80)])"),
    ROW(sl_str_step0, "r = 'abc'[::0]"),
    ROW(sl_list_assign, "l = list(range(6)); l[1:3] = 'ab'; l[::2] = [7, 8, 9]; l[10:] = (1,); r = l"),
    ROW(sl_list_del, "l = list(range(10)); del l[::3]; del l[-2:]; del l[100:]; r = l"),
    ROW(sl_list_assign_bad, "l = [1, 2, 3]; l[::2] = [1]; r = l"),
    ROW(sl_list_assign_step0, "l = [1, 2, 3]; l[::0] = []; r = l"),
    ROW(rg_repr, "r = (range(5), range(1, 5), range(1, 10, 3), range(0, -5, -1), range(-2**70, 2**70))"),
    ROW(rg_len, "r = (len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)), len(range(-5, 5, 2)), len(range(2**62, 2**62 + 5)))"),
    ROW(rg_len_big, "r = len(range(2**64))"),
    ROW(rg_list, "r = (list(range(-3, 10, 4)), list(range(5, -6, -3)), list(range(3, 3)), list(range(2**64, 2**64 + 3)), list(range(2**63 - 2, 2**63 + 1)))"),
    ROW(rg_list_neg_big, "r = list(range(-2**63 + 1, -2**63 - 3, -1))"),
    ROW(rg_getitem, "r = (range(0, 20, 3)[2], range(0, 20, 3)[-1], range(10)[-10], range(2**100, 2**101, 2**50)[-1], range(10)[True])"),
    ROW(rg_getitem_oob, "r = range(5)[5]"),
    ROW(rg_getitem_oob_neg, "r = range(5)[-6]"),
    ROW(rg_getitem_type, "r = range(5)['a']"),
    ROW(rg_slice, "r = (range(10)[2:8:2], range(10)[::-1], range(0, 30, 3)[-2:], range(5)[10:], range(1, 2**100, 7)[5:2**90:3], range(10, 0, -2)[1::2])"),
    ROW(rg_slice_step0, "r = range(5)[::0]"),
    ROW(rg_contains, "r = (5 in range(0, 10, 5), 6 in range(0, 10, 5), 10 in range(0, 10, 5), -4 in range(0, -10, -2), 0 in range(0, -10, -2), 5.0 in range(10), 'a' in range(3), True in range(2), 2**100 in range(2**101), 2**100 + 1 in range(0, 2**101, 2))"),
    ROW(rg_index, "r = (range(0, 20, 4).index(12), range(10, 0, -2).index(4), range(5).index(3.0), range(2**70, 2**71, 3).index(2**70 + 9))"),
    ROW(rg_index_missing, "r = range(0, 20, 4).index(13)"),
    ROW(rg_index_missing_obj, "r = range(3).index('a')"),
    ROW(rg_count, "r = (range(10).count(3), range(10).count(3.0), range(10).count(10), range(0, 10, 2).count(True), range(3).count('x'))"),
    ROW(rg_eq, "r = (range(0) == range(5, 5), range(1, 2, 3) == range(1, 5, 7), range(0, 10, 2) == range(0, 11, 2), range(0, 10, 2) == range(0, 10, 3), range(3) == [0, 1, 2], range(3) != range(3), range(2**80) == range(0, 2**80, 1))"),
    ROW(rg_order, "r = range(3) < range(4)"),
    ROW(rg_hash, "r = (hash(range(0)) == hash(range(3, 3)), hash(range(1, 5, 7)) == hash(range(1, 2)), hash(range(1, 10, 3)), hash(range(0)) == hash((0, None, None)), hash(range(4, 5)) == hash((1, 4, None)), hash(range(4, 5)) == hash(range(4, 6)))"),
    ROW(rg_reversed, "r = (list(range(1, 10, 3).__reversed__()), list(range(5, 0, -2).__reversed__()), list(range(0).__reversed__()), list(range(2**64, 2**64 + 2).__reversed__()))"),
    ROW(rg_iter, "it = iter(range(0, 10, 3)); a = next(it); b = next(it); r = (a, b, it.__length_hint__(), list(it), type(it).__name__)"),
    ROW(rg_zero_step, "r = range(1, 2, 0)"),
    ROW(rg_float, "r = range(1.5)"),
    ROW(rg_noargs, "r = range()"),
    ROW(rg_attrs, "r = (range(7).start, range(7).stop, range(7).step, range(1, 2, -1).step, range(True).stop)"),
    ROW(rg_bool, "r = (bool(range(0)), bool(range(2**100)), bool(range(5, 0)))"),
    ROW(b_repr, "r = (b'abc', b'a\\x00\\xff\\n\\'\"', b'', b'\\\\')"),
    ROW(b_ctor, "r = (bytes(3), bytes([65, 66, 67]), bytes(b'xy'), bytes(bytearray(b'q')), bytes(range(3)), bytes(), bytes((True,)))"),
    ROW(b_ctor_str, "r = (bytes('hé', 'utf-8'), bytes('hé', 'latin-1'), bytes('abc', encoding='ascii'))"),
    ROW(b_ctor_str_noenc, "r = bytes('abc')"),
    ROW(b_ctor_range_err, "r = bytes([1, 256])"),
    ROW(b_ctor_neg, "r = bytes(-1)"),
    ROW(b_ctor_float, "r = bytes(1.5)"),
    ROW(b_ctor_item_type, "r = bytes(['a'])"),
    ROW(b_ctor_enc_nostr, "r = bytes(b'a', 'utf-8')"),
    ROW(b_concat, "r = (b'ab' + b'cd', b'ab' + bytearray(b'c'), bytearray(b'x') + b'y', b'' + b'')"),
    ROW(b_concat_err, "r = b'a' + 'b'"),
    ROW(b_repeat, "r = (b'ab' * 3, b'x' * 0, bytearray(b'ab') * 2, 2 * b'z', b'q' * -1)"),
    ROW(b_index, "r = (b'abc'[0], b'abc'[-1], bytearray(b'xyz')[1], bytearray(b'xyz')[-3])"),
    ROW(b_index_oob, "r = b'abc'[3]"),
    ROW(b_index_type, "r = b'abc'['a']"),
    ROW(b_slice, "b = b'hello world'; r = (b[1:4], b[::-1], b[::3], b[-3:], b[100:], b[8:2:-2])"),
    ROW(b_cmp, "r = (b'abc' < b'abd', b'ab' < b'abc', b'abc' == bytearray(b'abc'), b'b' > b'abc', b'a' == 'a', bytearray(b'a') <= b'a', b'\\xff' > b'\\x01', b'' >= b'')"),
    ROW(b_cmp_err, "r = b'a' < 'b'"),
    ROW(b_hash, "r = (hash(b'abc') == hash('abc'), hash(b'') == hash(''), hash(b'xyz') == hash(bytes(b'xyz')), hash(b'\\xe9') == hash('\\xe9'))"),
    ROW(b_hash_ba, "r = hash(bytearray(b'a'))"),
    ROW(b_len_in, "r = (len(b'abc'), 98 in b'abc', b'bc' in b'abc', b'' in b'abc', bytearray(b'c') in b'abc', 100 in bytearray(b'abc'), b'cb' in b'abc')"),
    ROW(b_in_err, "r = 'a' in b'abc'"),
    ROW(b_in_range, "r = 256 in b'a'"),
    ROW(b_list, "r = (list(b'\\x01\\x02\\xff'), list(bytearray(b'ab')))"),
    ROW(b_join, "r = (b', '.join([b'a', bytearray(b'b'), b'c']), b''.join([]), bytearray(b'-').join([b'x', b'y']), b'.'.join((b'one',)))"),
    ROW(b_join_err, "r = b''.join([b'a', 'b'])"),
    ROW(b_split, "r = (b' a  b c '.split(), b'a,b,,c'.split(b','), b'a,b,c'.split(b',', 1), b'  a b c  '.split(None, 1), b''.split(), b''.split(b','), b'a--b--'.split(b'--'), b'a b'.split(maxsplit=0))"),
    ROW(b_rsplit, "r = (b'a,b,c'.rsplit(b',', 1), b'  a b c  '.rsplit(None, 1), b'a b'.rsplit(), bytearray(b'x y').rsplit())"),
    ROW(b_split_empty, "r = b'a'.split(b'')"),
    ROW(b_split_str, "r = b'a'.split(',')"),
    ROW(b_strip, "r = (b'  ab \\n'.strip(), b'xxabyx'.strip(b'xy'), b'  a '.lstrip(), b'  a '.rstrip(), bytearray(b'--a-').strip(b'-'), b'abc'.strip(None), b'   '.strip())"),
    ROW(b_find, "b = b'abcabc'; r = (b.find(b'bc'), b.find(b'bc', 2), b.rfind(b'bc'), b.find(99), b.find(b'x'), b.find(b'', 10), b.rfind(b'a', 0, 3), b.find(b'c', -2), b.rfind(b''), b.find(b'a', None, 2))"),
    ROW(b_index_m, "r = (b'abc'.index(b'c'), b'abcabc'.rindex(b'ab'), bytearray(b'xyz').index(121))"),
    ROW(b_index_missing, "r = b'abc'.index(b'x')"),
    ROW(b_find_range, "r = b'abc'.find(256)"),
    ROW(b_count, "r = (b'aaaa'.count(b'aa'), b'abc'.count(b''), b'abcb'.count(98), b'abcabc'.count(b'bc', 2), b'abc'.count(b'', 1, 2), b''.count(b''))"),
    ROW(b_startswith, "r = (b'hello'.startswith(b'he'), b'hello'.startswith((b'x', b'hel')), b'hello'.endswith(b'lo'), b'hello'.endswith(b'l', 0, 3), b'hello'.startswith(b'', 5), b'hello'.startswith(b'', 6), b'hello'.startswith(b'l', 2), b'hello'.endswith(bytearray(b'o')))"),
    ROW(b_startswith_err, "r = b'a'.startswith('a')"),
    ROW(b_replace, "r = (b'aaa'.replace(b'a', b'bb'), b'abcabc'.replace(b'bc', b'X', 1), b'ab'.replace(b'', b'-'), b'ab'.replace(b'', b'-', 2), b'abc'.replace(b'x', b'y'), bytearray(b'aXa').replace(b'a', b''), b'aaaa'.replace(b'aa', b'b'))"),
    ROW(b_hex, "r = (b'\\x01\\xab\\xff'.hex(), b'\\x01\\x02\\x03'.hex(':'), b'\\x01\\x02\\x03'.hex(':', 2), b'\\x01\\x02\\x03'.hex(b'-', -2), b''.hex(), bytearray(b'\\x10\\x20').hex(' '), b'\\x01\\x02\\x03\\x04'.hex('_', 2))"),
    ROW(b_hex_sep_err, "r = b'a'.hex('ab')"),
    ROW(b_fromhex, "r = (bytes.fromhex('01 ab FF'), bytes.fromhex(''), bytearray.fromhex(' 0a0b '), bytes.fromhex('  '))"),
    ROW(b_fromhex_err, "r = bytes.fromhex('0g')"),
    ROW(b_fromhex_err2, "r = bytes.fromhex('abc')"),
    ROW(b_fromhex_err3, "r = bytes.fromhex('a b')"),
    ROW(b_decode, "r = (b'h\\xc3\\xa9llo'.decode(), b'abc'.decode('ascii'), b'\\xe9'.decode('latin-1'), b'\\xf0\\x9f\\x98\\x80'.decode('utf-8'), bytearray(b'x').decode(), b'\\xe9'.decode('ISO-8859-1'), b'a'.decode(encoding='UTF8'))"),
    ROW(b_decode_err, "r = b'ab\\xffcd'.decode('utf-8')"),
    ROW(b_decode_err_cont, "r = b'a\\xe2\\x82('.decode()"),
    ROW(b_decode_err_end, "r = b'a\\xe2\\x82'.decode()"),
    ROW(b_decode_surrogate, "r = b'\\xed\\xa0\\x80'.decode()"),
    ROW(b_decode_overlong, "r = b'\\xc0\\x80'.decode()"),
    ROW(b_decode_f4, "r = b'\\xf4\\x90\\x80\\x80'.decode()"),
    ROW(b_decode_ascii_err, "r = b'a\\x80'.decode('ascii')"),
    ROW(b_decode_replace, "r = (b'a\\xffb\\xe2\\x82'.decode('utf-8', 'replace'), b'a\\xffb'.decode('ascii', 'ignore'), b'\\xe2\\x28\\xa1'.decode('utf-8', 'replace'))"),
    ROW(b_decode_unknown, "r = b'a'.decode('klingon')"),
    ROW(b_decode_exc_attrs, "e = None\ntry:\n    b'ab\\xff'.decode()\nexcept UnicodeDecodeError as x:\n    e = x\nr = (e.encoding, e.object, e.start, e.end, e.reason)"),
    ROW(s_encode, "r = ('hé€'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), '\\U0001f600'.encode('utf-8'), 'a'.encode(encoding='utf8'), ''.encode())"),
    ROW(s_encode_err, "r = 'aé€b'.encode('ascii')"),
    ROW(s_encode_err1, "r = 'a€'.encode('latin-1')"),
    ROW(s_encode_surrogate, "r = 'a\\ud800'.encode()"),
    ROW(s_encode_replace, "r = ('aé€'.encode('ascii', 'replace'), 'aé€'.encode('latin-1', 'ignore'))"),
    ROW(s_encode_unknown_handler, "r = 'é'.encode('ascii', 'bogus')"),
    ROW(s_encode_unknown, "r = 'a'.encode('utf-42')"),
    ROW(s_encode_bad_arg, "r = 'a'.encode(5)"),
    ROW(ba_repr, "r = (bytearray(b'ab\\x00'), bytearray(), bytearray(3), bytearray([1, 2]), bytearray('hé', 'utf-8'), bytearray(b\"'\"))"),
    ROW(ba_ctor_float, "r = bytearray(1.5)"),
    ROW(ba_append, "b = bytearray(b'ab'); b.append(99); b.extend(b'de'); b.extend([102, 103]); b.extend(range(104, 106)); b.extend(bytearray(b'!')); r = b"),
    ROW(ba_append_err, "b = bytearray(); r = b.append(256)"),
    ROW(ba_append_type, "b = bytearray(); r = b.append('a')"),
    ROW(ba_extend_self, "b = bytearray(b'xy'); b.extend(b); b[len(b):] = b; r = b"),
    ROW(ba_pop, "b = bytearray(b'abcd'); x = b.pop(); y = b.pop(0); z = b.pop(-1); r = (x, y, z, b)"),
    ROW(ba_pop_empty, "r = bytearray().pop()"),
    ROW(ba_pop_oob, "r = bytearray(b'a').pop(5)"),
    ROW(ba_insert, "b = bytearray(b'ac'); b.insert(1, 98); b.insert(-100, 95); b.insert(100, 33); b.insert(-1, 46); r = b"),
    ROW(ba_remove, "b = bytearray(b'abcb'); b.remove(98); r = b"),
    ROW(ba_remove_missing, "r = bytearray(b'a').remove(98)"),
    ROW(ba_setitem, "b = bytearray(b'abc'); b[0] = 65; b[-1] = 67; del b[1]; r = b"),
    ROW(ba_setitem_range, "b = bytearray(b'abc'); b[0] = 300; r = b"),
    ROW(ba_setitem_oob, "b = bytearray(b'abc'); b[3] = 1; r = b"),
    ROW(ba_delitem_oob, "b = bytearray(b'abc'); del b[-4]; r = b"),
    ROW(ba_slice_assign, "a = bytearray(b'0123456789'); a[2:5] = b'xy'; b = bytearray(b'0123456789'); b[::2] = b'abcde'; c = bytearray(b'0123456789'); del c[::3]; d = bytearray(b'0123'); d[1:1] = d; e = bytearray(b'0123456789'); del e[8:1:-3]; f = bytearray(b'0123'); f[3:1] = b'ab'; r = (a, b, c, d, e, f)"),
    ROW(ba_slice_assign_iter, "a = bytearray(b'abc'); a[0:1] = [120, 121]; a[5:] = range(3); a[::-1] = bytearray(b'1234567'); r = a"),
    ROW(ba_slice_bad_size, "a = bytearray(b'abc'); a[::2] = b'x'; r = a"),
    ROW(ba_slice_int, "a = bytearray(b'abc'); a[0:1] = 5; r = a"),
    ROW(ba_slice_step0, "a = bytearray(b'abc'); a[::0] = b''; r = a"),
    ROW(ba_slice_get, "a = bytearray(b'hello'); r = (a[1:3], a[::-1], a[::2], a[10:])"),
    ROW(ba_methods, "a = bytearray(b' a,b '); r = (a.strip(), a.split(b','), a.find(b'b'), a.replace(b'a', b'A'), a.hex(), a.startswith(b' a'), a.count(b' '), a.join([b'1', b'2']))"),
    ROW(ba_iadd, "a = bytearray(b'ab'); b = a; a += b'cd'; a *= 2; r = (a, a is b)"),
    ROW(ba_misc, "a = bytearray(b'abc'); c = a.copy(); a.reverse(); c.clear(); r = (a, c, len(a), list(a), len(c))"),
    ROW(ba_eq, "r = (bytearray(b'a') == bytearray(b'a'), bytearray(b'a') == b'a', bytearray(b'a') < b'b', bytearray(b'a') == 'a')"),
#undef ROW
};
#define NCASES (sizeof CASES / sizeof CASES[0])

/* ---------------------------------------------------------------------------
 * Expected results
 */
START_TEST(test_case) {
    const struct kase *k = &CASES[_i];
    wf_object *r = k->fn();
    char *got = wrows_render(r);
    drop_pool();
    ck_assert_msg(!wf_err_occurred(), "%s: exception left pending", k->id);
    wrows_check(SEQUENCES_EXPECTED, "tests/unit/test_sequences.c", k->id, got);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Refcounts: slicing and slice objects keep the counts of the items.
 */
START_TEST(test_refcount_balance) {
    wf_object *item = wf_str_from_cstr("item-not-interned");
    wf_object *l = wf_list_new(0);
    for (int i = 0; i < 8; i++) ck_assert_int_eq(wf_list_append(l, item), 0);
    intptr_t before = wf_refcnt(item);
    wf_object *one = wf_int_from_i64(1), *mtwo = wf_int_from_i64(-2);
    wf_object *sl = wf_slice_new(one, NULL, mtwo);
    for (int round = 0; round < 10; round++) {
        wf_object *part = wf_object_get_item(l, sl);
        ck_assert_ptr_nonnull(part);
        ck_assert_int_eq(wf_list_size(part), 1);
        wf_decref(part);
        wf_object *t = wf_list_as_tuple(l);
        wf_object *tp = wf_object_get_item(t, sl);
        ck_assert_ptr_nonnull(tp);
        wf_decref(tp);
        wf_decref(t);
    }
    ck_assert_int_eq(wf_refcnt(item), before);
    wf_decref(sl);
    wf_decref(one);
    wf_decref(mtwo);
    wf_decref(l);
    wf_decref(item);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Threads: 4 threads append to one bytearray (forcing buffer
 * replacements), slice-assign at its end and pop, under its critical
 * section.  Each thread appends its own byte value; at the end every
 * thread's count of bytes is known exactly.
 */
static wf_object *shared_ba;
#define HAMMER_THREADS 4

static void hammer(int index, void *arg) {
    (void)arg;
    long rounds = wtest_scale(2000);
    unsigned char mine = (unsigned char)('A' + index);
    wf_object *v = wf_int_from_i64(mine);
    char two[2] = {(char)mine, (char)mine};
    wf_object *pair = wf_bytes_from_data(two, 2);
    wf_object *end = wf_int_from_i64(WF_SSIZE_MAX);
    wf_object *tail = wf_slice_new(end, NULL, NULL);
    for (long i = 0; i < rounds; i++) {
        wf_object *r = wf_object_call_method(shared_ba, "append", &v, 1);
        ck_assert_ptr_nonnull(r);
        wf_decref(r);
        /* ba[len:] = pair  (appends two bytes; the slice clamps) */
        ck_assert_int_eq(wf_object_set_item(shared_ba, tail, pair), 0);
        if (i % 3 == 0) {
            /* remove one of our own bytes */
            r = wf_object_call_method(shared_ba, "remove", &v, 1);
            ck_assert_ptr_nonnull(r);
            wf_decref(r);
        }
        if (i % 64 == 0) {
            wf_object *s = wf_object_get_item(shared_ba, tail);
            ck_assert_ptr_nonnull(s);
            wf_decref(s);
        }
    }
    wf_decref(tail);
    wf_decref(end);
    wf_decref(pair);
    wf_decref(v);
}

START_TEST(test_threads_bytearray) {
    shared_ba = wf_bytearray_from_data(NULL, 0);
    ck_assert_ptr_nonnull(shared_ba);
    wtest_run_threads(HAMMER_THREADS, hammer, NULL);
    long rounds = wtest_scale(2000);
    long removed = (rounds + 2) / 3;
    long per = 3 * rounds - removed;
    wf_object *snap = wf_bytes_snapshot(shared_ba);
    ck_assert_ptr_nonnull(snap);
    ck_assert_int_eq(WF_BYTES_SIZE(snap), per * HAMMER_THREADS);
    long counts[HAMMER_THREADS] = {0};
    for (wf_ssize_t i = 0; i < WF_BYTES_SIZE(snap); i++) {
        int k = (unsigned char)WF_BYTES_DATA(snap)[i] - 'A';
        ck_assert(k >= 0 && k < HAMMER_THREADS);
        counts[k]++;
    }
    for (int k = 0; k < HAMMER_THREADS; k++) ck_assert_int_eq(counts[k], per);
    wf_decref(snap);
    wf_decref(shared_ba);
}
END_TEST

int main(void) {
    Suite *s = suite_create("sequences");
    TCase *tc = tcase_create("behaviour");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_add_loop_test(tc, test_case, 0, (int)NCASES);
    suite_add_tcase(s, tc);
    TCase *rc = tcase_create("refcounts");
    tcase_add_checked_fixture(rc, wtest_setup, wtest_teardown);
    tcase_add_test(rc, test_refcount_balance);
    suite_add_tcase(s, rc);
    TCase *th = tcase_create("threads");
    tcase_add_checked_fixture(th, wtest_setup, wtest_teardown);
    tcase_set_timeout(th, 300);
    tcase_add_test(th, test_threads_bytearray);
    suite_add_tcase(s, th);
    return wtest_run_suite(s);
}
