/*
 * tests/unit/test_containers.c — tuple, list, dict, set/frozenset and the
 * exception hierarchy through the C API.
 *
 *  - behaviour: the CASES table below mirrors, one C function per row, a
 *    snippet of Python (the ROW's string, whose result is the variable r).
 *    tools/gen_rows_expected.py tests/unit/test_containers.c runs those snippets under python3 and
 *    writes tests/unit/containers_expected.txt (`id<TAB>repr(r)` or
 *    `id<TAB>ExceptionName: message`); each case's result is rendered the
 *    same way here and must match its line.
 *  - refcount balance: items stored in and removed from containers end
 *    with the counts they started with; containers drop what they own.
 *  - threads: 4 threads hammer one list, one dict and one set with
 *    appends/sets/pops/deletes (forcing resizes) under the containers'
 *    critical sections; the final contents are checked exactly.  These
 *    run under TSan and ASan in those presets.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/objects/objimpl.h"
#include "tests/unit/wtest.h"
#include "tests/unit/wrows.h"

/* ---------------------------------------------------------------------------
 * A small DSL: every helper returns a borrowed pointer kept in a pool that
 * is dropped after the case, or NULL when an exception is pending (and
 * propagates NULL inputs).
 */
static wf_object *pool[512];
static int npool;

static wf_object *keep(wf_object *o) {
    if (o) {
        ck_assert_int_lt(npool, 512);
        pool[npool++] = o;
    }
    return o;
}
static void drop_pool(void) {
    while (npool > 0) wf_decref(pool[--npool]);
}

#define VARGS(n, arr) VARGS2(n, n, arr)
#define VARGS2(last, n, arr)                       \
    do {                                           \
        va_list ap;                                \
        va_start(ap, last);                        \
        for (int i_ = 0; i_ < (n); i_++) arr[i_] = va_arg(ap, wf_object *); \
        va_end(ap);                                \
        for (int i_ = 0; i_ < (n); i_++)           \
            if (!arr[i_]) return NULL;             \
    } while (0)

static wf_object *I(int64_t v) { return keep(wf_int_from_i64(v)); }
static wf_object *F(double v) { return keep(wf_float_from_double(v)); }
static wf_object *S(const char *s) { return keep(wf_str_from_cstr(s)); }
static wf_object *TY(wf_type *t) { return (wf_object *)t; }
static wf_object *B(int v) { return wf_bool_from(v); }
static wf_object *N(void) { return wf_None; }
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
/* dict from n key/value pairs */
static wf_object *D(int n, ...) {
    wf_object *a[64];
    VARGS2(n, 2 * n, a);
    wf_object *d = keep(wf_dict_new());
    for (int i = 0; d && i < n; i++)
        if (wf_dict_set_item(d, a[2 * i], a[2 * i + 1]) < 0) return NULL;
    return d;
}
static wf_object *SET(int n, ...) {
    wf_object *a[32];
    VARGS(n, a);
    wf_object *s = keep(wf_set_new(NULL));
    for (int i = 0; s && i < n; i++)
        if (wf_set_add(s, a[i]) < 0) return NULL;
    return s;
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
/* callable(*args) */
static wf_object *CALL(wf_object *f, int n, ...) {
    wf_object *a[16];
    VARGS(n, a);
    if (!f) return NULL;
    return keep(wf_object_vectorcall(f, a, (size_t)n, NULL));
}
static wf_object *CALLKW(wf_object *f, wf_object *args, const char *kw, wf_object *kwv) {
    if (!f || !args || !kwv) return NULL;
    wf_object *kwargs = keep(wf_dict_new());
    if (!kwargs || wf_dict_set_item_string(kwargs, kw, kwv) < 0) return NULL;
    return keep(wf_object_call(f, args, kwargs));
}
static wf_object *GA(wf_object *o, const char *name) {
    return o ? keep(wf_object_getattr_string(o, name)) : NULL;
}
/* o.name = v; returns None */
static wf_object *SA(wf_object *o, const char *name, wf_object *v) {
    if (!o || !v || wf_object_setattr_string(o, name, v) < 0) return NULL;
    return wf_None;
}
static wf_object *GI(wf_object *o, wf_object *k) { return o && k ? keep(wf_object_get_item(o, k)) : NULL; }
static wf_object *SI(wf_object *o, wf_object *k, wf_object *v) {
    return o && k && v && wf_object_set_item(o, k, v) == 0 ? wf_None : NULL;
}
static wf_object *DI(wf_object *o, wf_object *k) {
    return o && k && wf_object_del_item(o, k) == 0 ? wf_None : NULL;
}
static wf_object *CMP(wf_object *a, wf_object *b, int op) {
    return a && b ? keep(wf_object_rich_compare(a, b, op)) : NULL;
}
static wf_object *BIN(wf_object *(*f)(wf_object *, wf_object *), wf_object *a, wf_object *b) {
    return a && b ? keep(f(a, b)) : NULL;
}
static wf_object *HASH(wf_object *o) {
    if (!o) return NULL;
    wf_hash_t h = wf_object_hash(o);
    return h == -1 && wf_err_occurred() ? NULL : I(h);
}
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
static wf_object *LIST(wf_object *o) { return CALL(TY(&wf_list_type), 1, o); }
static wf_object *STR(wf_object *o) { return o ? keep(wf_object_str(o)) : NULL; }
static wf_object *TYPE(wf_object *o) { return o ? (wf_object *)WF_TYPE(o) : NULL; }
static wf_object *ITER(wf_object *o) { return o ? keep(wf_object_get_iter(o)) : NULL; }
/* next(it), with StopIteration when exhausted (as Python's next()) */
static wf_object *NEXT(wf_object *it) {
    if (!it) return NULL;
    wf_object *r = wf_iter_next(it);
    if (!r && !wf_err_occurred()) wf_err_set_none(&wf_exc_StopIteration);
    return keep(r);
}
static wf_object *EXC(wf_type *t, int n, ...) {
    wf_object *a[8];
    VARGS(n, a);
    return keep(wf_object_vectorcall((wf_object *)t, a, (size_t)n, NULL));
}
#define DO(x)                  \
    do {                       \
        if (!(x)) return NULL; \
    } while (0)

/* ---------------------------------------------------------------------------
 * The cases.  Python code: the ROW string; C: the function of that name.
 */
/* tuple */
static wf_object *c_t_repr1(void) { return T(1, I(1)); }
static wf_object *c_t_empty(void) { return CALL(TY(&wf_tuple_type), 0); }
static wf_object *c_t_empty_is(void) { return B(wf_tuple_new(0) == CALL(TY(&wf_tuple_type), 0)); }
static wf_object *c_t_nested(void) { return T(3, T(1, I(1)), L(1, I(2)), D(1, I(3), I(4))); }
static wf_object *c_t_concat(void) { return BIN(wf_sequence_concat, T(2, I(1), I(2)), T(1, I(3))); }
static wf_object *c_t_concat_err(void) { return BIN(wf_sequence_concat, T(1, I(1)), L(1, I(2))); }
static wf_object *c_t_repeat(void) { return keep(wf_sequence_repeat(T(2, I(1), I(2)), 3)); }
static wf_object *c_t_index(void) { return M(T(4, I(1), I(2), I(3), I(2)), "index", 1, I(2)); }
static wf_object *c_t_index_start(void) { return M(T(4, I(1), I(2), I(3), I(2)), "index", 2, I(2), I(2)); }
static wf_object *c_t_index_missing(void) { return M(T(2, I(1), I(2)), "index", 1, I(5)); }
static wf_object *c_t_count(void) { return M(T(4, I(1), I(2), I(2), I(3)), "count", 1, I(2)); }
static wf_object *c_t_hash(void) { return HASH(T(3, I(1), I(2), I(3))); }
static wf_object *c_t_hash_nested(void) { return HASH(T(3, I(-1), T(2, F(2.5), I(3)), B(1))); }
static wf_object *c_t_hash_unhashable(void) { return HASH(T(2, I(1), L(0))); }
static wf_object *c_t_lt(void) { return CMP(T(2, I(1), I(2)), T(2, I(1), I(3)), WF_LT); }
static wf_object *c_t_lt_len(void) { return CMP(T(2, I(1), I(2)), T(3, I(1), I(2), I(0)), WF_LT); }
static wf_object *c_t_eq_num(void) { return CMP(T(2, I(1), F(2.0)), T(2, I(1), I(2)), WF_EQ); }
static wf_object *c_t_ge(void) { return CMP(T(2, I(2), I(0)), T(2, I(1), I(9)), WF_GE); }
static wf_object *c_t_getitem_neg(void) { return GI(T(3, I(1), I(2), I(3)), I(-1)); }
static wf_object *c_t_getitem_oob(void) { return GI(T(2, I(1), I(2)), I(5)); }
static wf_object *c_t_getitem_type(void) { return GI(T(2, I(1), I(2)), F(1.0)); }
static wf_object *c_t_contains(void) { return IN(F(2.0), T(2, I(1), I(2))); }
static wf_object *c_t_from_list(void) { return CALL(TY(&wf_tuple_type), 1, L(2, I(1), I(2))); }
static wf_object *c_t_len(void) { return LEN(T(3, I(1), I(2), I(3))); }
static wf_object *c_t_iter(void) {
    wf_object *it = ITER(T(2, I(7), I(8)));
    DO(NEXT(it));
    wf_object *second = NEXT(it);
    return T(2, second, M(it, "__length_hint__", 0));
}

/* list */
static wf_object *c_l_append(void) {
    wf_object *l = L(2, I(1), I(2));
    DO(M(l, "append", 1, I(3)));
    return l;
}
static wf_object *c_l_insert(void) {
    wf_object *l = L(3, I(1), I(2), I(3));
    DO(M(l, "insert", 2, I(-1), I(9)));
    DO(M(l, "insert", 2, I(100), I(8)));
    DO(M(l, "insert", 2, I(-100), I(7)));
    return l;
}
static wf_object *c_l_pop(void) {
    wf_object *l = L(4, I(1), I(2), I(3), I(4));
    wf_object *a = M(l, "pop", 0), *b = M(l, "pop", 1, I(0));
    return T(3, a, b, l);
}
static wf_object *c_l_pop_empty(void) { return M(L(0), "pop", 0); }
static wf_object *c_l_pop_oob(void) { return M(L(1, I(1)), "pop", 1, I(3)); }
static wf_object *c_l_remove(void) {
    wf_object *l = L(4, I(1), I(2), I(1), I(2));
    DO(M(l, "remove", 1, F(2.0)));
    return l;
}
static wf_object *c_l_remove_missing(void) { return M(L(1, I(1)), "remove", 1, I(5)); }
static wf_object *c_l_index(void) { return M(L(5, I(1), I(2), I(3), I(2), I(1)), "index", 3, I(2), I(2), I(-1)); }
static wf_object *c_l_index_missing(void) { return M(L(2, I(1), I(2)), "index", 3, I(2), I(0), I(1)); }
static wf_object *c_l_count(void) { return M(L(4, I(1), F(1.0), I(2), B(1)), "count", 1, I(1)); }
static wf_object *c_l_extend(void) {
    wf_object *l = L(1, I(1));
    DO(M(l, "extend", 1, T(2, I(2), I(3))));
    DO(M(l, "extend", 1, l));
    return l;
}
static wf_object *c_l_extend_bad(void) { return M(L(0), "extend", 1, I(3)); }
static wf_object *c_l_reverse(void) {
    wf_object *l = L(4, I(1), I(2), I(3), I(4));
    DO(M(l, "reverse", 0));
    return l;
}
static wf_object *c_l_sort(void) {
    wf_object *l = L(12, I(5), I(3), I(9), I(-1), I(0), F(2.5), I(7), I(3), I(100), I(-50), I(8), I(1));
    DO(M(l, "sort", 0));
    return l;
}
static wf_object *c_l_sort_reverse(void) {
    wf_object *l = L(6, I(5), I(3), I(9), I(-1), I(0), I(3));
    DO(MKW(l, "sort", "reverse", B(1), 0));
    return l;
}
static wf_object *c_l_sort_key(void) {
    wf_object *l = L(5, I(5), I(-3), I(9), I(-1), I(0));
    DO(MKW(l, "sort", "key", GA(TY(&wf_int_type), "__neg__"), 0));
    return l;
}
static wf_object *c_l_sort_stable(void) {
    wf_object *l = L(6, T(2, I(1), I(2)), T(1, I(3)), T(2, I(4), I(5)), T(1, I(6)), T(0), T(1, I(7)));
    DO(MKW(l, "sort", "key", GA(TY(&wf_tuple_type), "__len__"), 0));
    return l;
}
static wf_object *c_l_sort_stable_rev(void) {
    wf_object *l = L(6, T(2, I(1), I(2)), T(1, I(3)), T(2, I(4), I(5)), T(1, I(6)), T(0), T(1, I(7)));
    wf_object *kw = keep(wf_dict_new());
    DO(kw);
    DO(wf_dict_set_item_string(kw, "key", GA(TY(&wf_tuple_type), "__len__")) == 0);
    DO(wf_dict_set_item_string(kw, "reverse", B(1)) == 0);
    DO(keep(wf_object_call(GA(l, "sort"), T(0), kw)));
    return l;
}
static wf_object *c_l_sort_big(void) {
    wf_object *l = keep(wf_list_new(0));
    for (int i = 0; i < 300; i++) DO(wf_list_append(l, I((i * 7919) % 1009 - 500)) == 0);
    DO(M(l, "sort", 0));
    return T(5, GI(l, I(0)), GI(l, I(1)), GI(l, I(150)), GI(l, I(-1)), LEN(l));
}
static wf_object *c_l_sort_mixed(void) {
    wf_object *l = L(2, I(1), S("a"));
    return M(l, "sort", 0);
}
static wf_object *c_l_sort_positional(void) { return M(L(0), "sort", 1, N()); }
static wf_object *c_l_repr_rec(void) {
    wf_object *l = L(1, I(1));
    DO(M(l, "append", 1, l));
    wf_object *r = STR(l);
    DO(M(l, "clear", 0)); /* break the cycle: no collector yet */
    return r;
}
static wf_object *c_l_eq(void) { return CMP(L(2, I(1), I(2)), L(2, F(1.0), I(2)), WF_EQ); }
static wf_object *c_l_lt(void) { return CMP(L(2, I(1), I(2)), L(3, I(1), I(2), I(0)), WF_LT); }
static wf_object *c_l_gt(void) { return CMP(L(2, I(1), I(3)), L(2, I(1), I(2)), WF_GT); }
static wf_object *c_l_concat(void) { return BIN(wf_sequence_concat, L(1, I(1)), L(2, I(2), I(3))); }
static wf_object *c_l_concat_err(void) { return BIN(wf_sequence_concat, L(1, I(1)), T(1, I(1))); }
static wf_object *c_l_repeat(void) { return keep(wf_sequence_repeat(L(2, I(1), I(2)), 2)); }
static wf_object *c_l_repeat_neg(void) { return keep(wf_sequence_repeat(L(2, I(1), I(2)), -1)); }
static wf_object *c_l_iadd(void) {
    wf_object *l = L(1, I(1));
    wf_object *r = keep(wf_number_inplace_add(l, T(2, I(2), I(3))));
    DO(r);
    return T(2, B(r == l), l);
}
static wf_object *c_l_imul(void) {
    wf_object *l = L(2, I(1), I(2));
    wf_object *r = keep(wf_number_inplace_multiply(l, I(3)));
    DO(r);
    return T(2, B(r == l), l);
}
static wf_object *c_l_setitem(void) {
    wf_object *l = L(3, I(1), I(2), I(3));
    DO(SI(l, I(-1), I(9)));
    DO(SI(l, I(0), I(8)));
    return l;
}
static wf_object *c_l_setitem_oob(void) { return SI(L(1, I(1)), I(1), I(0)); }
static wf_object *c_l_delitem(void) {
    wf_object *l = L(4, I(1), I(2), I(3), I(4));
    DO(DI(l, I(1)));
    DO(DI(l, I(-1)));
    return l;
}
static wf_object *c_l_delitem_oob(void) { return DI(L(1, I(1)), I(-2)); }
static wf_object *c_l_getitem_oob(void) { return GI(L(1, I(1)), I(1)); }
static wf_object *c_l_getitem_type(void) { return GI(L(1, I(1)), N()); }
static wf_object *c_l_contains(void) { return T(2, IN(F(3.0), L(2, I(1), I(3))), IN(I(4), L(1, I(1)))); }
static wf_object *c_l_copy(void) {
    wf_object *l = L(2, I(1), I(2));
    wf_object *c = M(l, "copy", 0);
    DO(c);
    DO(M(l, "append", 1, I(3)));
    return T(2, l, c);
}
static wf_object *c_l_clear(void) {
    wf_object *l = L(2, I(1), I(2));
    DO(M(l, "clear", 0));
    return l;
}
static wf_object *c_l_from_tuple(void) { return LIST(T(3, I(1), I(2), I(3))); }
static wf_object *c_l_from_dict(void) { return LIST(D(2, I(5), I(0), I(3), I(0))); }
static wf_object *c_l_unhashable(void) { return HASH(L(0)); }
static wf_object *c_l_reversed(void) { return LIST(M(L(3, I(1), I(2), I(3)), "__reversed__", 0)); }
static wf_object *c_l_iter_grow(void) {
    wf_object *l = L(2, I(1), I(2));
    wf_object *it = ITER(l);
    wf_object *a = NEXT(it);
    DO(M(l, "append", 1, I(3)));
    return T(2, a, LIST(it));
}
static wf_object *c_l_init_twice(void) {
    wf_object *l = L(2, I(1), I(2));
    DO(CALL(GA(l, "__init__"), 1, T(1, I(5))));
    return l;
}

/* dict */
static wf_object *c_d_basic(void) {
    wf_object *d = D(0);
    DO(SI(d, I(1), I(2)));
    DO(SI(d, I(3), I(4)));
    DO(SI(d, I(1), I(5)));
    return d;
}
static wf_object *c_d_order(void) {
    wf_object *d = D(3, I(3), I(1), I(1), I(2), I(2), I(3));
    DO(DI(d, I(1)));
    DO(SI(d, I(1), I(9)));
    return d;
}
static wf_object *c_d_grow(void) {
    wf_object *d = D(0);
    for (int i = 0; i < 100; i++) DO(SI(d, I(i * 37 % 101), I(i)));
    for (int i = 0; i < 100; i += 3) DO(DI(d, I(i * 37 % 101)));
    return d;
}
static wf_object *c_d_get(void) {
    wf_object *d = D(1, I(1), I(2));
    return T(3, M(d, "get", 1, I(1)), M(d, "get", 1, I(5)), M(d, "get", 2, I(5), I(0)));
}
static wf_object *c_d_missing(void) { return GI(D(1, I(1), I(2)), T(2, I(1), I(2))); }
static wf_object *c_d_del_missing(void) { return DI(D(0), I(7)); }
static wf_object *c_d_pop(void) {
    wf_object *d = D(2, I(1), I(2), I(3), I(4));
    wf_object *a = M(d, "pop", 1, I(1)), *b = M(d, "pop", 2, I(9), I(0));
    return T(3, a, b, d);
}
static wf_object *c_d_pop_missing(void) { return M(D(0), "pop", 1, I(1)); }
static wf_object *c_d_popitem(void) {
    wf_object *d = D(3, I(1), I(2), I(3), I(4), I(5), I(6));
    wf_object *a = M(d, "popitem", 0), *b = M(d, "popitem", 0);
    return T(3, a, b, d);
}
static wf_object *c_d_popitem_empty(void) { return M(D(0), "popitem", 0); }
static wf_object *c_d_setdefault(void) {
    wf_object *d = D(1, I(1), I(2));
    wf_object *a = M(d, "setdefault", 2, I(1), I(7)), *b = M(d, "setdefault", 2, I(3), I(7));
    wf_object *c = M(d, "setdefault", 1, I(4));
    return T(4, a, b, c, d);
}
static wf_object *c_d_update_pairs(void) {
    wf_object *d = D(1, I(1), I(2));
    DO(M(d, "update", 1, L(2, T(2, I(3), I(4)), L(2, I(1), I(0)))));
    return d;
}
static wf_object *c_d_update_dict(void) {
    wf_object *d = D(1, I(1), I(2));
    DO(M(d, "update", 1, D(2, I(2), I(3), I(1), I(1))));
    return d;
}
static wf_object *c_d_update_kw(void) {
    wf_object *d = D(1, I(1), I(2));
    DO(MKW(d, "update", "x", I(5), 0));
    return LIST(M(d, "values", 0));
}
static wf_object *c_d_update_bad_elem(void) { return M(D(0), "update", 1, L(1, I(1))); }
static wf_object *c_d_update_bad_len(void) { return M(D(0), "update", 1, L(1, T(3, I(1), I(2), I(3)))); }
static wf_object *c_d_ctor(void) {
    return CALLKW(TY(&wf_dict_type), T(1, L(2, T(2, I(1), I(2)), T(2, I(3), I(4)))), "z", I(0));
}
static wf_object *c_d_fromkeys(void) {
    return M(TY(&wf_dict_type), "fromkeys", 2, L(3, I(3), I(1), I(3)), I(0));
}
static wf_object *c_d_views(void) {
    wf_object *d = D(2, I(1), I(2), I(3), I(4));
    return T(3, M(d, "keys", 0), M(d, "values", 0), M(d, "items", 0));
}
static wf_object *c_d_view_live(void) {
    wf_object *d = D(1, I(1), I(2));
    wf_object *k = M(d, "keys", 0);
    DO(SI(d, I(5), I(6)));
    return T(3, k, LEN(k), IN(I(5), k)); /* no side effects among the arguments */
}
static wf_object *c_d_items_contains(void) {
    wf_object *it = M(D(1, I(1), I(2)), "items", 0);
    return T(3, IN(T(2, I(1), I(2)), it), IN(T(2, I(1), I(3)), it), IN(I(1), it));
}
static wf_object *c_d_keys_and(void) {
    return BIN(wf_number_and, M(D(2, I(1), I(1), I(2), I(2)), "keys", 0), SET(2, I(2), I(3)));
}
static wf_object *c_d_keys_or(void) {
    return BIN(wf_number_or, M(D(2, I(1), I(1), I(2), I(2)), "keys", 0), L(2, I(9), I(1)));
}
static wf_object *c_d_keys_eq(void) {
    return CMP(M(D(2, I(1), I(1), I(2), I(2)), "keys", 0), SET(2, I(2), I(1)), WF_EQ);
}
static wf_object *c_d_eq(void) {
    return T(3, CMP(D(2, I(1), I(2), I(3), I(4)), D(2, I(3), I(4), I(1), F(2.0)), WF_EQ),
             CMP(D(1, I(1), I(2)), D(1, I(1), I(3)), WF_EQ),
             CMP(D(1, I(1), I(2)), D(0), WF_NE));
}
static wf_object *c_d_lt(void) { return CMP(D(0), D(0), WF_LT); }
static wf_object *c_d_or(void) { return BIN(wf_number_or, D(1, I(1), I(1)), D(2, I(2), I(2), I(1), I(3))); }
static wf_object *c_d_ior(void) {
    wf_object *d = D(1, I(1), I(1));
    wf_object *r = keep(wf_number_inplace_or(d, L(1, T(2, I(5), I(5)))));
    DO(r);
    return T(2, B(r == d), d);
}
static wf_object *c_d_iter_mutate(void) {
    wf_object *d = D(2, I(1), I(1), I(2), I(2));
    wf_object *it = ITER(d);
    DO(NEXT(it));
    DO(SI(d, I(3), I(3)));
    return NEXT(it);
}
static wf_object *c_d_reversed(void) { return LIST(M(D(3, I(1), I(0), I(2), I(0), I(3), I(0)), "__reversed__", 0)); }
static wf_object *c_d_items_reversed(void) {
    return LIST(M(M(D(2, I(1), I(2), I(3), I(4)), "items", 0), "__reversed__", 0));
}
static wf_object *c_d_unhashable(void) { return SI(D(0), L(0), I(1)); }
static wf_object *c_d_numeric_keys(void) {
    wf_object *d = D(1, I(1), I(10));
    DO(SI(d, F(1.0), I(11)));
    DO(SI(d, B(1), I(12)));
    DO(SI(d, F(2.5), I(13)));
    return d;
}
static wf_object *c_d_tuple_keys(void) {
    wf_object *d = D(2, T(2, I(1), I(2)), I(1), T(0), I(2));
    return T(2, GI(d, T(2, F(1.0), I(2))), GI(d, T(0)));
}
static wf_object *c_d_repr_rec(void) {
    wf_object *d = D(0);
    DO(SI(d, I(1), d));
    wf_object *r = STR(d);
    DO(M(d, "clear", 0));
    return r;
}
static wf_object *c_d_copy(void) {
    wf_object *d = D(2, I(1), L(0), I(2), I(3));
    wf_object *c = M(d, "copy", 0);
    DO(SI(d, I(9), I(9)));
    return T(2, c, B(GI(c, I(1)) == GI(d, I(1))));
}
static wf_object *c_d_len_contains(void) {
    wf_object *d = D(2, I(1), I(2), I(3), I(4));
    return T(3, LEN(d), IN(I(3), d), IN(I(4), d));
}

/* set / frozenset */
static wf_object *c_s_basic(void) { return CALL(TY(&wf_set_type), 1, L(4, I(3), I(1), I(2), I(3))); }
static wf_object *c_s_order(void) { return CALL(TY(&wf_set_type), 1, L(8, I(100), I(5), I(37), I(1000), I(64), I(8), I(-1), I(-2))); }
static wf_object *c_s_order_big(void) {
    wf_object *l = keep(wf_list_new(0));
    for (int i = 0; i < 60; i++) DO(wf_list_append(l, I((i * 7919) % 613 - 300)) == 0);
    return CALL(TY(&wf_set_type), 1, l);
}
static wf_object *c_s_remove_order(void) {
    wf_object *s = keep(wf_set_new(NULL));
    for (int i = 0; i < 40; i++) DO(wf_set_add(s, I(i * 13)) == 0);
    for (int i = 0; i < 40; i += 2) DO(M(s, "remove", 1, I(i * 13)));
    for (int i = 0; i < 10; i++) DO(wf_set_add(s, I(i * 1000 + 3)) == 0);
    return s;
}
static wf_object *c_s_floats(void) { return SET(5, F(0.5), F(-2.25), F(1e100), I(3), F(3.0)); }
static wf_object *c_s_tuples(void) { return SET(3, T(2, I(1), I(2)), T(1, I(3)), T(0)); }
static wf_object *c_s_empty(void) { return T(2, SET(0), CALL(TY(&wf_frozenset_type), 0)); }
static wf_object *c_s_frozen_repr(void) { return CALL(TY(&wf_frozenset_type), 1, L(3, I(2), I(1), I(2))); }
static wf_object *c_s_or(void) { return BIN(wf_number_or, SET(3, I(1), I(2), I(3)), SET(2, I(3), I(40))); }
static wf_object *c_s_and(void) { return BIN(wf_number_and, SET(3, I(1), I(2), I(3)), SET(3, I(3), I(40), I(2))); }
static wf_object *c_s_sub(void) {
    wf_object *s = CALL(TY(&wf_set_type), 1, CALL(TY(&wf_tuple_type), 1, M(D(0), "fromkeys", 1, L(8, I(0), I(1), I(2), I(3), I(4), I(5), I(6), I(7)))));
    return BIN(wf_number_subtract, s, SET(2, I(5), I(6)));
}
static wf_object *c_s_xor(void) { return BIN(wf_number_xor, SET(3, I(1), I(2), I(3)), SET(2, I(3), I(40))); }
static wf_object *c_s_or_list(void) { return BIN(wf_number_or, SET(1, I(1)), L(1, I(2))); }
static wf_object *c_s_methods(void) {
    wf_object *s = SET(3, I(1), I(2), I(3));
    return T(4, M(s, "union", 2, L(1, I(9)), T(1, I(0))), M(s, "intersection", 1, L(2, I(3), I(1))),
             M(s, "difference", 2, L(1, I(1)), SET(1, I(2))), M(s, "symmetric_difference", 1, L(2, I(3), I(4))));
}
static wf_object *c_s_updates(void) {
    wf_object *a = SET(3, I(1), I(2), I(3)), *b = SET(3, I(1), I(2), I(3)), *c = SET(3, I(1), I(2), I(3)),
              *e = SET(3, I(1), I(2), I(3));
    DO(M(a, "update", 2, L(1, I(4)), T(1, I(5))));
    DO(M(b, "intersection_update", 1, L(2, I(2), I(3))));
    DO(M(c, "difference_update", 1, L(1, I(1))));
    DO(M(e, "symmetric_difference_update", 1, L(2, I(3), I(4))));
    return T(4, a, b, c, e);
}
static wf_object *c_s_inplace(void) {
    wf_object *a = SET(2, I(1), I(2));
    wf_object *r = keep(wf_number_inplace_or(a, SET(1, I(7))));
    DO(r);
    DO(keep(wf_number_inplace_subtract(a, SET(1, I(1)))));
    DO(keep(wf_number_inplace_and(a, SET(2, I(2), I(7)))));
    DO(keep(wf_number_inplace_xor(a, SET(2, I(2), I(8)))));
    return T(2, B(r == a), a);
}
static wf_object *c_s_remove_missing(void) { return M(SET(1, I(1)), "remove", 1, T(1, I(5))); }
static wf_object *c_s_discard(void) {
    wf_object *s = SET(2, I(1), I(2));
    DO(M(s, "discard", 1, I(1)));
    DO(M(s, "discard", 1, I(9)));
    return s;
}
static wf_object *c_s_pop(void) {
    wf_object *s = SET(3, I(5), I(3), I(9));
    wf_object *a = M(s, "pop", 0), *b = M(s, "pop", 0);
    return T(3, a, b, s);
}
static wf_object *c_s_pop_empty(void) { return M(SET(0), "pop", 0); }
static wf_object *c_s_subset(void) {
    wf_object *a = SET(2, I(1), I(2)), *b = SET(3, I(1), I(2), I(3));
    return T(8, M(a, "issubset", 1, b), M(b, "issubset", 1, a), M(b, "issuperset", 1, L(1, I(3))),
             M(a, "isdisjoint", 1, L(1, I(3))), CMP(a, b, WF_LT), CMP(a, a, WF_LT), CMP(b, a, WF_GE),
             CMP(a, CALL(TY(&wf_frozenset_type), 1, L(2, I(2), I(1))), WF_EQ));
}
static wf_object *c_s_frozen_hash(void) {
    return T(3, HASH(CALL(TY(&wf_frozenset_type), 1, L(3, I(1), I(2), I(3)))),
             HASH(CALL(TY(&wf_frozenset_type), 0)), HASH(CALL(TY(&wf_frozenset_type), 1, L(2, T(1, I(1)), F(0.5)))));
}
static wf_object *c_s_set_key(void) {
    wf_object *outer = SET(1, CALL(TY(&wf_frozenset_type), 1, L(1, I(1))));
    return T(2, IN(SET(1, I(1)), outer), IN(SET(0), outer));
}
static wf_object *c_s_unhashable(void) { return M(SET(0), "add", 1, L(0)); }
static wf_object *c_s_set_hash(void) { return HASH(SET(0)); }
static wf_object *c_s_numeric(void) { return SET(4, I(1), F(1.0), B(1), I(2)); }
static wf_object *c_s_iter_mutate(void) {
    wf_object *s = SET(2, I(1), I(2));
    wf_object *it = ITER(s);
    DO(NEXT(it));
    DO(M(s, "add", 1, I(3)));
    return NEXT(it);
}
static wf_object *c_s_copy(void) {
    wf_object *f = CALL(TY(&wf_frozenset_type), 1, L(1, I(1)));
    wf_object *s = SET(1, I(1));
    wf_object *sc = M(s, "copy", 0);
    return T(3, B(M(f, "copy", 0) == f), B(sc == s), sc);
}
static wf_object *c_s_frozen_noadd(void) { return GA(CALL(TY(&wf_frozenset_type), 0), "add"); }
static wf_object *c_s_len_contains(void) {
    wf_object *s = SET(3, I(1), I(2), I(3));
    return T(3, LEN(s), IN(F(2.0), s), IN(I(7), s));
}
static wf_object *c_s_repr_rec_frozen(void) {
    return STR(CALL(TY(&wf_frozenset_type), 1, L(2, CALL(TY(&wf_frozenset_type), 1, L(1, I(1))), I(2))));
}

/* exceptions */
static wf_object *c_e_repr(void) {
    return T(4, keep(wf_object_repr(EXC(&wf_exc_ValueError, 1, S("x")))),
             keep(wf_object_repr(EXC(&wf_exc_ValueError, 0))),
             keep(wf_object_repr(EXC(&wf_exc_ValueError, 2, I(1), I(2)))),
             keep(wf_object_repr(EXC(&wf_exc_KeyError, 1, T(2, I(1), I(2))))));
}
static wf_object *c_e_str(void) {
    return T(5, STR(EXC(&wf_exc_ValueError, 2, I(1), I(2))), STR(EXC(&wf_exc_KeyError, 1, S("k"))),
             STR(EXC(&wf_exc_KeyError, 1, T(2, I(1), I(2)))), STR(EXC(&wf_exc_TypeError, 0)),
             STR(EXC(&wf_exc_KeyError, 2, I(1), I(2))));
}
static wf_object *c_e_args(void) { return GA(EXC(&wf_exc_RuntimeError, 2, I(1), L(0)), "args"); }
static wf_object *c_e_args_set(void) {
    wf_object *e = EXC(&wf_exc_ValueError, 1, I(1));
    DO(SA(e, "args", L(2, I(5), I(6))));
    return T(2, GA(e, "args"), STR(e));
}
static wf_object *c_e_stopiter(void) {
    return T(3, GA(EXC(&wf_exc_StopIteration, 1, I(5)), "value"), GA(EXC(&wf_exc_StopIteration, 0), "value"),
             GA(EXC(&wf_exc_StopIteration, 2, I(1), I(2)), "value"));
}
static wf_object *c_e_sysexit(void) {
    return T(3, GA(EXC(&wf_exc_SystemExit, 0), "code"), GA(EXC(&wf_exc_SystemExit, 1, I(3)), "code"),
             GA(EXC(&wf_exc_SystemExit, 2, I(1), I(2)), "code"));
}
static wf_object *c_e_os_subclass(void) {
    return T(5, TYPE(EXC(&wf_exc_OSError, 2, I(2), S("No such file or directory"))),
             TYPE(EXC(&wf_exc_OSError, 2, I(13), S("Permission denied"))),
             TYPE(EXC(&wf_exc_OSError, 2, I(11), S("again"))),
             TYPE(EXC(&wf_exc_OSError, 2, I(9999), S("odd"))),
             TYPE(EXC(&wf_exc_OSError, 1, I(2))));
}
static wf_object *c_e_os_str(void) {
    wf_object *e = EXC(&wf_exc_OSError, 3, I(2), S("No such file or directory"), S("x.txt"));
    return T(5, STR(e), GA(e, "args"), GA(e, "errno"), GA(e, "filename"), GA(e, "filename2"));
}
static wf_object *c_e_os_str2(void) {
    return STR(EXC(&wf_exc_OSError, 5, I(1), S("Operation not permitted"), S("a"), N(), S("b")));
}
static wf_object *c_e_os_plain(void) {
    wf_object *e = EXC(&wf_exc_OSError, 1, S("x"));
    return T(3, STR(e), GA(e, "errno"), GA(e, "strerror"));
}
static wf_object *c_e_os_two(void) {
    wf_object *e = EXC(&wf_exc_FileNotFoundError, 2, I(2), S("gone"));
    return T(3, STR(e), GA(e, "args"), keep(wf_object_repr(e)));
}
static wf_object *c_e_syntax(void) {
    wf_object *e = EXC(&wf_exc_SyntaxError, 2, S("bad"), T(6, S("dir/f.py"), I(3), I(4), S("x = "), I(3), I(5)));
    return T(6, STR(e), GA(e, "lineno"), GA(e, "offset"), GA(e, "text"), GA(e, "end_offset"), GA(e, "filename"));
}
static wf_object *c_e_syntax_plain(void) {
    return T(2, STR(EXC(&wf_exc_SyntaxError, 1, S("bad"))), GA(EXC(&wf_exc_IndentationError, 0), "msg"));
}
static wf_object *c_e_import(void) {
    wf_object *e = CALLKW(TY(&wf_exc_ImportError), T(1, S("no module")), "name", S("m"));
    return T(4, STR(e), GA(e, "name"), GA(e, "path"), GA(e, "msg"));
}
static wf_object *c_e_import_badkw(void) { return CALLKW(TY(&wf_exc_ImportError), T(0), "nope", I(1)); }
static wf_object *c_e_kwargs(void) { return CALLKW(TY(&wf_exc_ValueError), T(0), "x", I(1)); }
static wf_object *c_e_attr(void) {
    wf_object *e = CALLKW(TY(&wf_exc_AttributeError), T(1, S("msg")), "name", S("n"));
    return T(3, STR(e), GA(e, "name"), GA(e, "obj"));
}
static wf_object *c_e_name(void) {
    wf_object *e = CALLKW(TY(&wf_exc_NameError), T(1, S("msg")), "name", S("v"));
    return GA(e, "name");
}
static wf_object *c_e_notes(void) {
    wf_object *e = EXC(&wf_exc_ValueError, 0);
    DO(M(e, "add_note", 1, S("n1")));
    DO(M(e, "add_note", 1, S("n2")));
    return GA(e, "__notes__");
}
static wf_object *c_e_no_notes(void) { return GA(EXC(&wf_exc_ValueError, 0), "__notes__"); }
static wf_object *c_e_note_bad(void) { return M(EXC(&wf_exc_ValueError, 0), "add_note", 1, I(1)); }
static wf_object *c_e_cause(void) {
    wf_object *e = EXC(&wf_exc_ValueError, 0);
    wf_object *before = GA(e, "__suppress_context__");
    DO(before);
    DO(SA(e, "__cause__", EXC(&wf_exc_TypeError, 1, I(1))));
    return T(4, before, GA(e, "__suppress_context__"), GA(e, "__cause__"), GA(e, "__context__"));
}
static wf_object *c_e_context_bad(void) { return SA(EXC(&wf_exc_ValueError, 0), "__context__", I(1)); }
static wf_object *c_e_cause_bad(void) { return SA(EXC(&wf_exc_ValueError, 0), "__cause__", I(1)); }
static wf_object *c_e_with_tb(void) {
    wf_object *e = EXC(&wf_exc_ValueError, 0);
    return T(2, B(M(e, "with_traceback", 1, N()) == e), GA(e, "__traceback__"));
}
static wf_object *c_e_tb_bad(void) { return M(EXC(&wf_exc_ValueError, 0), "with_traceback", 1, I(1)); }
static wf_object *c_e_mro(void) { return GA(TY(&wf_exc_ExceptionGroup), "__mro__"); }
static wf_object *c_e_mro_os(void) { return GA(TY(&wf_exc_BrokenPipeError), "__mro__"); }
static wf_object *c_e_hierarchy(void) {
    static wf_type *const pairs[][2] = {
        {&wf_exc_ZeroDivisionError, &wf_exc_ArithmeticError}, {&wf_exc_KeyError, &wf_exc_LookupError},
        {&wf_exc_ModuleNotFoundError, &wf_exc_ImportError}, {&wf_exc_RecursionError, &wf_exc_RuntimeError},
        {&wf_exc_TabError, &wf_exc_SyntaxError}, {&wf_exc_UnicodeDecodeError, &wf_exc_ValueError},
        {&wf_exc_TimeoutError, &wf_exc_OSError}, {&wf_exc_KeyboardInterrupt, &wf_exc_Exception},
        {&wf_exc_GeneratorExit, &wf_exc_BaseException}, {&wf_exc_StopAsyncIteration, &wf_exc_Exception},
        {&wf_exc_EncodingWarning, &wf_exc_Warning}, {&wf_exc_UnboundLocalError, &wf_exc_NameError},
        {&wf_exc_ExceptionGroup, &wf_exc_Exception}, {&wf_exc_BaseExceptionGroup, &wf_exc_Exception},
        {&wf_exc_ConnectionResetError, &wf_exc_ConnectionError}, {&wf_exc_SystemExit, &wf_exc_Exception},
    };
    wf_object *r = keep(wf_list_new(0));
    for (size_t i = 0; r && i < sizeof pairs / sizeof pairs[0]; i++)
        DO(wf_list_append(r, B(wf_type_is_subtype(pairs[i][0], pairs[i][1]))) == 0);
    return r;
}
static wf_object *c_e_eg(void) {
    wf_object *eg = EXC(&wf_exc_BaseExceptionGroup, 2, S("m"), L(1, EXC(&wf_exc_ValueError, 1, I(1))));
    return T(4, TYPE(eg), keep(wf_object_repr(eg)), GA(eg, "message"), GA(eg, "exceptions"));
}
static wf_object *c_e_eg_base(void) {
    wf_object *eg = EXC(&wf_exc_BaseExceptionGroup, 2, S("m"), T(1, EXC(&wf_exc_KeyboardInterrupt, 0)));
    return T(2, TYPE(eg), STR(eg));
}
static wf_object *c_e_eg_str(void) {
    return STR(EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(2, EXC(&wf_exc_ValueError, 1, I(1)), EXC(&wf_exc_TypeError, 1, I(2)))));
}
static wf_object *c_e_eg_split(void) {
    wf_object *eg = EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(2, EXC(&wf_exc_ValueError, 1, I(1)), EXC(&wf_exc_TypeError, 1, I(2))));
    return M(eg, "split", 1, TY(&wf_exc_ValueError));
}
static wf_object *c_e_eg_split_nested(void) {
    wf_object *inner = EXC(&wf_exc_ExceptionGroup, 2, S("in"), L(2, EXC(&wf_exc_KeyError, 1, I(1)), EXC(&wf_exc_TypeError, 1, I(2))));
    wf_object *eg = EXC(&wf_exc_ExceptionGroup, 2, S("out"), L(3, EXC(&wf_exc_IndexError, 1, I(0)), inner, EXC(&wf_exc_TypeError, 1, I(3))));
    return T(3, M(eg, "split", 1, TY(&wf_exc_LookupError)), M(eg, "subgroup", 1, TY(&wf_exc_TypeError)),
             M(eg, "subgroup", 1, T(2, TY(&wf_exc_OSError), TY(&wf_exc_EOFError))));
}
static wf_object *c_e_eg_split_all(void) {
    wf_object *eg = EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(1, EXC(&wf_exc_ValueError, 1, I(1))));
    wf_object *r = M(eg, "split", 1, TY(&wf_exc_Exception));
    DO(r);
    return T(2, B(WF_TUPLE_ITEM(r, 0) == eg), WF_TUPLE_ITEM(r, 1));
}
static wf_object *c_e_eg_notes_copied(void) {
    wf_object *eg = EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(2, EXC(&wf_exc_ValueError, 1, I(1)), EXC(&wf_exc_TypeError, 1, I(2))));
    DO(M(eg, "add_note", 1, S("note")));
    wf_object *sub = M(eg, "subgroup", 1, TY(&wf_exc_TypeError));
    return GA(sub, "__notes__");
}
static wf_object *c_e_eg_derive(void) {
    wf_object *eg = EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(1, EXC(&wf_exc_ValueError, 1, I(1))));
    return M(eg, "derive", 1, L(1, EXC(&wf_exc_KeyError, 1, I(5))));
}
static wf_object *c_e_eg_bad_nest(void) {
    return EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(1, EXC(&wf_exc_KeyboardInterrupt, 0)));
}
static wf_object *c_e_eg_empty(void) { return EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(0)); }
static wf_object *c_e_eg_notexc(void) { return EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(1, I(1))); }
static wf_object *c_e_eg_badmsg(void) { return EXC(&wf_exc_ExceptionGroup, 2, I(1), L(1, EXC(&wf_exc_ValueError, 0))); }
static wf_object *c_e_eg_notseq(void) { return EXC(&wf_exc_ExceptionGroup, 2, S("m"), SET(1, I(1))); }
static wf_object *c_e_eg_split_bad(void) {
    wf_object *eg = EXC(&wf_exc_ExceptionGroup, 2, S("m"), L(1, EXC(&wf_exc_ValueError, 1, I(1))));
    return M(eg, "split", 1, I(1));
}
static wf_object *c_e_unicode_encode(void) {
    wf_object *e = EXC(&wf_exc_UnicodeEncodeError, 5, S("ascii"), S("a\xc3\xa9"), I(1), I(2), S("ordinal not in range(128)"));
    return T(4, STR(e), GA(e, "start"), GA(e, "encoding"), GA(e, "reason"));
}
static wf_object *c_e_unicode_encode_range(void) {
    return STR(EXC(&wf_exc_UnicodeEncodeError, 5, S("ascii"), S("abc"), I(0), I(2), S("why")));
}
static wf_object *c_e_unicode_translate(void) {
    return STR(EXC(&wf_exc_UnicodeTranslateError, 4, S("\xe2\x82\xac"), I(0), I(1), S("nope")));
}
static wf_object *c_e_reduce(void) { return M(EXC(&wf_exc_ValueError, 1, I(1)), "__reduce__", 0); }
static wf_object *c_e_dict(void) {
    wf_object *e = EXC(&wf_exc_ValueError, 0);
    DO(SA(e, "extra", I(5)));
    return T(2, GA(e, "extra"), GA(e, "__dict__"));
}

/* subclasses (heap types made with type(name, bases, ns)) */
/* A class is a reference cycle (its MRO holds it) that only a collector
 * could free; until there is one, LeakSanitizer is told to ignore what
 * creating the class allocates.  Instances are checked as usual. */
#if defined(__SANITIZE_ADDRESS__)
#define WT_HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WT_HAVE_LSAN 1
#endif
#endif
#ifdef WT_HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#endif
static wf_object *CLS(const char *name, wf_type *base, wf_object *ns) {
    wf_object *n = S(name), *bases = T(1, TY(base));
    if (!ns) ns = D(0);
#ifdef WT_HAVE_LSAN
    __lsan_disable();
#endif
    wf_object *c = CALL(TY(&wf_type_type), 3, n, bases, ns);
#ifdef WT_HAVE_LSAN
    __lsan_enable();
#endif
    return c;
}
static wf_object *c_x_dict_missing(void) {
    wf_object *ns = D(0);
    DO(ns && wf_dict_set_item_string(ns, "__missing__", GA(TY(&wf_dict_type), "setdefault")) == 0);
    wf_object *d = CALL(CLS("D", &wf_dict_type, ns), 0);
    wf_object *v = GI(d, I(5));
    DO(v);
    return T(3, v, d, TYPE(d));
}
static wf_object *c_x_list_sub(void) {
    wf_object *l = CALL(CLS("L", &wf_list_type, NULL), 1, T(2, I(1), I(2)));
    DO(M(l, "append", 1, I(3)));
    return T(3, l, TYPE(l), CMP(l, L(3, I(1), I(2), I(3)), WF_EQ));
}
static wf_object *c_x_tuple_sub(void) {
    wf_object *t = CALL(CLS("T", &wf_tuple_type, NULL), 1, L(2, I(1), I(2)));
    DO(SA(t, "tag", I(7)));
    return T(4, t, GA(t, "tag"), HASH(t), CMP(t, T(2, I(1), I(2)), WF_EQ));
}
static wf_object *c_x_set_sub(void) {
    wf_object *cls = CLS("S", &wf_set_type, NULL);
    wf_object *a = CALL(cls, 1, L(2, I(2), I(1)));
    wf_object *e = CALL(cls, 0);
    return T(4, a, e, TYPE(BIN(wf_number_or, a, SET(1, I(3)))), CALL(CLS("F", &wf_frozenset_type, NULL), 1, L(1, I(1))));
}
static wf_object *c_x_exc_sub(void) {
    wf_object *e = CALL(CLS("E", &wf_exc_ValueError, NULL), 2, I(1), S("two"));
    DO(SA(e, "x", I(2)));
    return T(4, keep(wf_object_repr(e)), GA(e, "args"), GA(e, "x"), STR(e));
}
static wf_object *c_x_exc_sub_kwargs(void) {
    return CALLKW(CLS("E", &wf_exc_Exception, NULL), T(0), "x", I(1));
}
static wf_object *c_x_oserror_sub(void) {
    wf_object *e = CALL(CLS("MyOS", &wf_exc_OSError, NULL), 2, I(2), S("x"));
    return T(3, TYPE(e), STR(e), GA(e, "errno"));
}
static wf_object *c_x_eg_sub(void) {
    wf_object *cls = CLS("G", &wf_exc_ExceptionGroup, NULL);
    wf_object *eg = CALL(cls, 2, S("m"), L(2, EXC(&wf_exc_ValueError, 1, I(1)), EXC(&wf_exc_TypeError, 1, I(2))));
    wf_object *sp = M(eg, "split", 1, TY(&wf_exc_ValueError));
    DO(sp);
    return T(3, TYPE(eg), TYPE(WF_TUPLE_ITEM(sp, 0)), WF_TUPLE_ITEM(sp, 1));
}

/* slices, through the raw-bounds entry points the slice object uses
 * (a missing bound is WF_SSIZE_MAX / -WF_SSIZE_MAX by the step's sign) */
#define NB_HI WF_SSIZE_MAX
#define NB_LO (-WF_SSIZE_MAX)
static wf_object *L10(void) {
    wf_object *l = keep(wf_list_new(0));
    for (int i = 0; l && i < 10; i++)
        if (wf_list_append(l, I(i)) < 0) return NULL;
    return l;
}
static wf_object *c_sl_get(void) {
    wf_object *l = L10();
    DO(l);
    return T(6, keep(wfo_list_slice(l, 2, 5, 1)), keep(wfo_list_slice(l, -3, NB_HI, 1)),
             keep(wfo_list_slice(l, NB_HI, NB_LO, -1)), keep(wfo_list_slice(l, 1, 8, 3)),
             keep(wfo_list_slice(l, 8, 1, -3)), keep(wfo_list_slice(l, 7, 2, 1)));
}
static wf_object *c_sl_tuple(void) {
    wf_object *t = CALL(TY(&wf_tuple_type), 1, L10());
    DO(t);
    return T(4, keep(wfo_tuple_slice_step(t, 2, 5, 1)), keep(wfo_tuple_slice_step(t, NB_HI, NB_LO, -2)),
             keep(wfo_tuple_slice_step(t, -100, 100, 4)), keep(wfo_tuple_slice_step(t, 0, NB_HI, 1)));
}
static wf_object *c_sl_step0(void) { return keep(wfo_list_slice(L10(), 0, 5, 0)); }
static wf_object *c_sl_assign(void) {
    wf_object *a = L10(), *b = L10(), *c = L10(), *d = L10();
    DO(a && b && c && d);
    DO(wfo_list_ass_slice(a, 2, 5, 1, T(1, S("x"))) == 0);
    DO(wfo_list_ass_slice(b, 1, 9, 2, L(4, I(-1), I(-2), I(-3), I(-4))) == 0);
    DO(wfo_list_ass_slice(c, NB_HI, NB_LO, -3, NULL) == 0);
    DO(wfo_list_ass_slice(d, 3, 3, 1, d) == 0);
    return T(4, a, b, c, d);
}
static wf_object *c_sl_del(void) {
    wf_object *a = L10();
    DO(a);
    DO(wfo_list_ass_slice(a, 1, -1, 1, NULL) == 0);
    return a;
}
static wf_object *c_sl_bad_size(void) {
    wf_object *a = L10();
    DO(a);
    return wfo_list_ass_slice(a, 0, NB_HI, 2, L(1, I(1))) == 0 ? a : NULL;
}
static wf_object *c_sl_bad_iter(void) {
    wf_object *a = L10();
    DO(a);
    return wfo_list_ass_slice(a, 0, 2, 1, I(5)) == 0 ? a : NULL;
}

static const struct kase {
    const char *id;
    const char *code;
    wf_object *(*fn)(void);
} CASES[] = {
#define ROW(id, code) {#id, code, c_##id}
    ROW(t_repr1, "r = (1,)"),
    ROW(t_empty, "r = tuple()"),
    ROW(t_empty_is, "r = () is tuple()"),
    ROW(t_nested, "r = ((1,), [2], {3: 4})"),
    ROW(t_concat, "r = (1, 2) + (3,)"),
    ROW(t_concat_err, "r = (1,) + [2]"),
    ROW(t_repeat, "r = (1, 2) * 3"),
    ROW(t_index, "r = (1, 2, 3, 2).index(2)"),
    ROW(t_index_start, "r = (1, 2, 3, 2).index(2, 2)"),
    ROW(t_index_missing, "r = (1, 2).index(5)"),
    ROW(t_count, "r = (1, 2, 2, 3).count(2)"),
    ROW(t_hash, "r = hash((1, 2, 3))"),
    ROW(t_hash_nested, "r = hash((-1, (2.5, 3), True))"),
    ROW(t_hash_unhashable, "r = hash((1, []))"),
    ROW(t_lt, "r = (1, 2) < (1, 3)"),
    ROW(t_lt_len, "r = (1, 2) < (1, 2, 0)"),
    ROW(t_eq_num, "r = (1, 2.0) == (1, 2)"),
    ROW(t_ge, "r = (2, 0) >= (1, 9)"),
    ROW(t_getitem_neg, "r = (1, 2, 3)[-1]"),
    ROW(t_getitem_oob, "r = (1, 2)[5]"),
    ROW(t_getitem_type, "r = (1, 2)[1.0]"),
    ROW(t_contains, "r = 2.0 in (1, 2)"),
    ROW(t_from_list, "r = tuple([1, 2])"),
    ROW(t_len, "r = len((1, 2, 3))"),
    ROW(t_iter, "it = iter((7, 8)); next(it); r = (next(it), it.__length_hint__())"),
    ROW(l_append, "l = [1, 2]; l.append(3); r = l"),
    ROW(l_insert, "l = [1, 2, 3]; l.insert(-1, 9); l.insert(100, 8); l.insert(-100, 7); r = l"),
    ROW(l_pop, "l = [1, 2, 3, 4]; r = (l.pop(), l.pop(0), l)"),
    ROW(l_pop_empty, "r = [].pop()"),
    ROW(l_pop_oob, "r = [1].pop(3)"),
    ROW(l_remove, "l = [1, 2, 1, 2]; l.remove(2.0); r = l"),
    ROW(l_remove_missing, "r = [1].remove(5)"),
    ROW(l_index, "r = [1, 2, 3, 2, 1].index(2, 2, -1)"),
    ROW(l_index_missing, "r = [1, 2].index(2, 0, 1)"),
    ROW(l_count, "r = [1, 1.0, 2, True].count(1)"),
    ROW(l_extend, "l = [1]; l.extend((2, 3)); l.extend(l); r = l"),
    ROW(l_extend_bad, "r = [].extend(3)"),
    ROW(l_reverse, "l = [1, 2, 3, 4]; l.reverse(); r = l"),
    ROW(l_sort, "l = [5, 3, 9, -1, 0, 2.5, 7, 3, 100, -50, 8, 1]; l.sort(); r = l"),
    ROW(l_sort_reverse, "l = [5, 3, 9, -1, 0, 3]; l.sort(reverse=True); r = l"),
    ROW(l_sort_key, "l = [5, -3, 9, -1, 0]; l.sort(key=int.__neg__); r = l"),
    ROW(l_sort_stable, "l = [(1, 2), (3,), (4, 5), (6,), (), (7,)]; l.sort(key=tuple.__len__); r = l"),
    ROW(l_sort_stable_rev, "l = [(1, 2), (3,), (4, 5), (6,), (), (7,)]; l.sort(key=tuple.__len__, reverse=True); r = l"),
    ROW(l_sort_big, "l = [(i * 7919) % 1009 - 500 for i in range(300)]; l.sort(); r = (l[0], l[1], l[150], l[-1], len(l))"),
    ROW(l_sort_mixed, "r = [1, 'a'].sort()"),
    ROW(l_sort_positional, "r = [].sort(None)"),
    ROW(l_repr_rec, "l = [1]; l.append(l); r = str(l)"),
    ROW(l_eq, "r = [1, 2] == [1.0, 2]"),
    ROW(l_lt, "r = [1, 2] < [1, 2, 0]"),
    ROW(l_gt, "r = [1, 3] > [1, 2]"),
    ROW(l_concat, "r = [1] + [2, 3]"),
    ROW(l_concat_err, "r = [1] + (1,)"),
    ROW(l_repeat, "r = [1, 2] * 2"),
    ROW(l_repeat_neg, "r = [1, 2] * -1"),
    ROW(l_iadd, "l = [1]; m = l; l += (2, 3); r = (m is l, l)"),
    ROW(l_imul, "l = [1, 2]; m = l; l *= 3; r = (m is l, l)"),
    ROW(l_setitem, "l = [1, 2, 3]; l[-1] = 9; l[0] = 8; r = l"),
    ROW(l_setitem_oob, "l = [1]; l[1] = 0"),
    ROW(l_delitem, "l = [1, 2, 3, 4]; del l[1]; del l[-1]; r = l"),
    ROW(l_delitem_oob, "l = [1]; del l[-2]"),
    ROW(l_getitem_oob, "r = [1][1]"),
    ROW(l_getitem_type, "r = [1][None]"),
    ROW(l_contains, "r = (3.0 in [1, 3], 4 in [1])"),
    ROW(l_copy, "l = [1, 2]; c = l.copy(); l.append(3); r = (l, c)"),
    ROW(l_clear, "l = [1, 2]; l.clear(); r = l"),
    ROW(l_from_tuple, "r = list((1, 2, 3))"),
    ROW(l_from_dict, "r = list({5: 0, 3: 0})"),
    ROW(l_unhashable, "r = hash([])"),
    ROW(l_reversed, "r = list([1, 2, 3].__reversed__())"),
    ROW(l_iter_grow, "l = [1, 2]; it = iter(l); a = next(it); l.append(3); r = (a, list(it))"),
    ROW(l_init_twice, "l = [1, 2]; l.__init__((5,)); r = l"),
    ROW(d_basic, "d = {}; d[1] = 2; d[3] = 4; d[1] = 5; r = d"),
    ROW(d_order, "d = {3: 1, 1: 2, 2: 3}; del d[1]; d[1] = 9; r = d"),
    ROW(d_grow, "d = {}\nfor i in range(100): d[i * 37 % 101] = i\nfor i in range(0, 100, 3): del d[i * 37 % 101]\nr = d"),
    ROW(d_get, "d = {1: 2}; r = (d.get(1), d.get(5), d.get(5, 0))"),
    ROW(d_missing, "r = {1: 2}[(1, 2)]"),
    ROW(d_del_missing, "d = {}; del d[7]"),
    ROW(d_pop, "d = {1: 2, 3: 4}; r = (d.pop(1), d.pop(9, 0), d)"),
    ROW(d_pop_missing, "r = {}.pop(1)"),
    ROW(d_popitem, "d = {1: 2, 3: 4, 5: 6}; r = (d.popitem(), d.popitem(), d)"),
    ROW(d_popitem_empty, "r = {}.popitem()"),
    ROW(d_setdefault, "d = {1: 2}; r = (d.setdefault(1, 7), d.setdefault(3, 7), d.setdefault(4), d)"),
    ROW(d_update_pairs, "d = {1: 2}; d.update([(3, 4), [1, 0]]); r = d"),
    ROW(d_update_dict, "d = {1: 2}; d.update({2: 3, 1: 1}); r = d"),
    ROW(d_update_kw, "d = {1: 2}; d.update(x=5); r = list(d.values())"),
    ROW(d_update_bad_elem, "r = {}.update([1])"),
    ROW(d_update_bad_len, "r = {}.update([(1, 2, 3)])"),
    ROW(d_ctor, "r = dict([(1, 2), (3, 4)], z=0)"),
    ROW(d_fromkeys, "r = dict.fromkeys([3, 1, 3], 0)"),
    ROW(d_views, "d = {1: 2, 3: 4}; r = (d.keys(), d.values(), d.items())"),
    ROW(d_view_live, "d = {1: 2}; k = d.keys(); d[5] = 6; r = (k, len(k), 5 in k)"),
    ROW(d_items_contains, "it = {1: 2}.items(); r = ((1, 2) in it, (1, 3) in it, 1 in it)"),
    ROW(d_keys_and, "r = {1: 1, 2: 2}.keys() & {2, 3}"),
    ROW(d_keys_or, "r = {1: 1, 2: 2}.keys() | [9, 1]"),
    ROW(d_keys_eq, "r = {1: 1, 2: 2}.keys() == {2, 1}"),
    ROW(d_eq, "r = ({1: 2, 3: 4} == {3: 4, 1: 2.0}, {1: 2} == {1: 3}, {1: 2} != {})"),
    ROW(d_lt, "r = {} < {}"),
    ROW(d_or, "r = {1: 1} | {2: 2, 1: 3}"),
    ROW(d_ior, "d = {1: 1}; m = d; d |= [(5, 5)]; r = (m is d, d)"),
    ROW(d_iter_mutate, "d = {1: 1, 2: 2}; it = iter(d); next(it); d[3] = 3; r = next(it)"),
    ROW(d_reversed, "r = list({1: 0, 2: 0, 3: 0}.__reversed__())"),
    ROW(d_items_reversed, "r = list({1: 2, 3: 4}.items().__reversed__())"),
    ROW(d_unhashable, "d = {}; d[[]] = 1"),
    ROW(d_numeric_keys, "d = {1: 10}; d[1.0] = 11; d[True] = 12; d[2.5] = 13; r = d"),
    ROW(d_tuple_keys, "d = {(1, 2): 1, (): 2}; r = (d[(1.0, 2)], d[()])"),
    ROW(d_repr_rec, "d = {}; d[1] = d; r = str(d)"),
    ROW(d_copy, "d = {1: [], 2: 3}; c = d.copy(); d[9] = 9; r = (c, c[1] is d[1])"),
    ROW(d_len_contains, "d = {1: 2, 3: 4}; r = (len(d), 3 in d, 4 in d)"),
    ROW(s_basic, "r = set([3, 1, 2, 3])"),
    ROW(s_order, "r = set([100, 5, 37, 1000, 64, 8, -1, -2])"),
    ROW(s_order_big, "r = set([(i * 7919) % 613 - 300 for i in range(60)])"),
    ROW(s_remove_order, "s = set()\nfor i in range(40): s.add(i * 13)\nfor i in range(0, 40, 2): s.remove(i * 13)\nfor i in range(10): s.add(i * 1000 + 3)\nr = s"),
    ROW(s_floats, "r = {0.5, -2.25, 1e100, 3, 3.0}"),
    ROW(s_tuples, "r = {(1, 2), (3,), ()}"),
    ROW(s_empty, "r = (set(), frozenset())"),
    ROW(s_frozen_repr, "r = frozenset([2, 1, 2])"),
    ROW(s_or, "r = {1, 2, 3} | {3, 40}"),
    ROW(s_and, "r = {1, 2, 3} & {3, 40, 2}"),
    ROW(s_sub, "r = set(tuple(dict.fromkeys([0, 1, 2, 3, 4, 5, 6, 7]))) - {5, 6}"),
    ROW(s_xor, "r = {1, 2, 3} ^ {3, 40}"),
    ROW(s_or_list, "r = {1} | [2]"),
    ROW(s_methods, "s = {1, 2, 3}; r = (s.union([9], (0,)), s.intersection([3, 1]), s.difference([1], {2}), s.symmetric_difference([3, 4]))"),
    ROW(s_updates, "a, b, c, e = {1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}; a.update([4], (5,)); b.intersection_update([2, 3]); c.difference_update([1]); e.symmetric_difference_update([3, 4]); r = (a, b, c, e)"),
    ROW(s_inplace, "a = {1, 2}; m = a; a |= {7}; a -= {1}; a &= {2, 7}; a ^= {2, 8}; r = (m is a, a)"),
    ROW(s_remove_missing, "r = {1}.remove((5,))"),
    ROW(s_discard, "s = {1, 2}; s.discard(1); s.discard(9); r = s"),
    ROW(s_pop, "s = {5, 3, 9}; r = (s.pop(), s.pop(), s)"),
    ROW(s_pop_empty, "r = set().pop()"),
    ROW(s_subset, "a, b = {1, 2}, {1, 2, 3}; r = (a.issubset(b), b.issubset(a), b.issuperset([3]), a.isdisjoint([3]), a < b, a < a, b >= a, a == frozenset([2, 1]))"),
    ROW(s_frozen_hash, "r = (hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset([(1,), 0.5])))"),
    ROW(s_set_key, "outer = {frozenset([1])}; r = ({1} in outer, set() in outer)"),
    ROW(s_unhashable, "r = set().add([])"),
    ROW(s_set_hash, "r = hash(set())"),
    ROW(s_numeric, "r = {1, 1.0, True, 2}"),
    ROW(s_iter_mutate, "s = {1, 2}; it = iter(s); next(it); s.add(3); r = next(it)"),
    ROW(s_copy, "f = frozenset([1]); s = {1}; sc = s.copy(); r = (f.copy() is f, sc is s, sc)"),
    ROW(s_frozen_noadd, "r = frozenset().add"),
    ROW(s_len_contains, "s = {1, 2, 3}; r = (len(s), 2.0 in s, 7 in s)"),
    ROW(s_repr_rec_frozen, "r = str(frozenset([frozenset([1]), 2]))"),
    ROW(e_repr, "r = (repr(ValueError('x')), repr(ValueError()), repr(ValueError(1, 2)), repr(KeyError((1, 2))))"),
    ROW(e_str, "r = (str(ValueError(1, 2)), str(KeyError('k')), str(KeyError((1, 2))), str(TypeError()), str(KeyError(1, 2)))"),
    ROW(e_args, "r = RuntimeError(1, []).args"),
    ROW(e_args_set, "e = ValueError(1); e.args = [5, 6]; r = (e.args, str(e))"),
    ROW(e_stopiter, "r = (StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value)"),
    ROW(e_sysexit, "r = (SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)"),
    ROW(e_os_subclass, "r = (type(OSError(2, 'No such file or directory')), type(OSError(13, 'Permission denied')), type(OSError(11, 'again')), type(OSError(9999, 'odd')), type(OSError(2)))"),
    ROW(e_os_str, "e = OSError(2, 'No such file or directory', 'x.txt'); r = (str(e), e.args, e.errno, e.filename, e.filename2)"),
    ROW(e_os_str2, "r = str(OSError(1, 'Operation not permitted', 'a', None, 'b'))"),
    ROW(e_os_plain, "e = OSError('x'); r = (str(e), e.errno, e.strerror)"),
    ROW(e_os_two, "e = FileNotFoundError(2, 'gone'); r = (str(e), e.args, repr(e))"),
    ROW(e_syntax, "e = SyntaxError('bad', ('dir/f.py', 3, 4, 'x = ', 3, 5)); r = (str(e), e.lineno, e.offset, e.text, e.end_offset, e.filename)"),
    ROW(e_syntax_plain, "r = (str(SyntaxError('bad')), IndentationError().msg)"),
    ROW(e_import, "e = ImportError('no module', name='m'); r = (str(e), e.name, e.path, e.msg)"),
    ROW(e_import_badkw, "r = ImportError(nope=1)"),
    ROW(e_kwargs, "r = ValueError(x=1)"),
    ROW(e_attr, "e = AttributeError('msg', name='n'); r = (str(e), e.name, e.obj)"),
    ROW(e_name, "r = NameError('msg', name='v').name"),
    ROW(e_notes, "e = ValueError(); e.add_note('n1'); e.add_note('n2'); r = e.__notes__"),
    ROW(e_no_notes, "r = ValueError().__notes__"),
    ROW(e_note_bad, "r = ValueError().add_note(1)"),
    ROW(e_cause, "e = ValueError(); b = e.__suppress_context__; e.__cause__ = TypeError(1); r = (b, e.__suppress_context__, e.__cause__, e.__context__)"),
    ROW(e_context_bad, "ValueError().__context__ = 1"),
    ROW(e_cause_bad, "ValueError().__cause__ = 1"),
    ROW(e_with_tb, "e = ValueError(); r = (e.with_traceback(None) is e, e.__traceback__)"),
    ROW(e_tb_bad, "r = ValueError().with_traceback(1)"),
    ROW(e_mro, "r = ExceptionGroup.__mro__"),
    ROW(e_mro_os, "r = BrokenPipeError.__mro__"),
    ROW(e_hierarchy, "pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (ModuleNotFoundError, ImportError), (RecursionError, RuntimeError), (TabError, SyntaxError), (UnicodeDecodeError, ValueError), (TimeoutError, OSError), (KeyboardInterrupt, Exception), (GeneratorExit, BaseException), (StopAsyncIteration, Exception), (EncodingWarning, Warning), (UnboundLocalError, NameError), (ExceptionGroup, Exception), (BaseExceptionGroup, Exception), (ConnectionResetError, ConnectionError), (SystemExit, Exception)]; r = [issubclass(a, b) for a, b in pairs]"),
    ROW(e_eg, "eg = BaseExceptionGroup('m', [ValueError(1)]); r = (type(eg), repr(eg), eg.message, eg.exceptions)"),
    ROW(e_eg_base, "eg = BaseExceptionGroup('m', (KeyboardInterrupt(),)); r = (type(eg), str(eg))"),
    ROW(e_eg_str, "r = str(ExceptionGroup('m', [ValueError(1), TypeError(2)]))"),
    ROW(e_eg_split, "eg = ExceptionGroup('m', [ValueError(1), TypeError(2)]); r = eg.split(ValueError)"),
    ROW(e_eg_split_nested, "inner = ExceptionGroup('in', [KeyError(1), TypeError(2)]); eg = ExceptionGroup('out', [IndexError(0), inner, TypeError(3)]); r = (eg.split(LookupError), eg.subgroup(TypeError), eg.subgroup((OSError, EOFError)))"),
    ROW(e_eg_split_all, "eg = ExceptionGroup('m', [ValueError(1)]); s = eg.split(Exception); r = (s[0] is eg, s[1])"),
    ROW(e_eg_notes_copied, "eg = ExceptionGroup('m', [ValueError(1), TypeError(2)]); eg.add_note('note'); r = eg.subgroup(TypeError).__notes__"),
    ROW(e_eg_derive, "r = ExceptionGroup('m', [ValueError(1)]).derive([KeyError(5)])"),
    ROW(e_eg_bad_nest, "r = ExceptionGroup('m', [KeyboardInterrupt()])"),
    ROW(e_eg_empty, "r = ExceptionGroup('m', [])"),
    ROW(e_eg_notexc, "r = ExceptionGroup('m', [1])"),
    ROW(e_eg_badmsg, "r = ExceptionGroup(1, [ValueError()])"),
    ROW(e_eg_notseq, "r = ExceptionGroup('m', {1})"),
    ROW(e_eg_split_bad, "r = ExceptionGroup('m', [ValueError(1)]).split(1)"),
    ROW(e_unicode_encode, "e = UnicodeEncodeError('ascii', 'a\xc3\xa9', 1, 2, 'ordinal not in range(128)'); r = (str(e), e.start, e.encoding, e.reason)"),
    ROW(e_unicode_encode_range, "r = str(UnicodeEncodeError('ascii', 'abc', 0, 2, 'why'))"),
    ROW(e_unicode_translate, "r = str(UnicodeTranslateError('\xe2\x82\xac', 0, 1, 'nope'))"),
    ROW(e_reduce, "r = ValueError(1).__reduce__()"),
    ROW(e_dict, "e = ValueError(); e.extra = 5; r = (e.extra, e.__dict__)"),
    ROW(x_dict_missing, "D = type('D', (dict,), {'__missing__': dict.setdefault}); d = D(); v = d[5]; r = (v, d, type(d))"),
    ROW(x_list_sub, "L = type('L', (list,), {}); l = L((1, 2)); l.append(3); r = (l, type(l), l == [1, 2, 3])"),
    ROW(x_tuple_sub, "T = type('T', (tuple,), {}); t = T([1, 2]); t.tag = 7; r = (t, t.tag, hash(t), t == (1, 2))"),
    ROW(x_set_sub, "S = type('S', (set,), {}); a = S([2, 1]); e = S(); r = (a, e, type(a | {3}), type('F', (frozenset,), {})([1]))"),
    ROW(x_exc_sub, "E = type('E', (ValueError,), {}); e = E(1, 'two'); e.x = 2; r = (repr(e), e.args, e.x, str(e))"),
    ROW(x_exc_sub_kwargs, "E = type('E', (Exception,), {}); r = E(x=1)"),
    ROW(x_oserror_sub, "e = type('MyOS', (OSError,), {})(2, 'x'); r = (type(e), str(e), e.errno)"),
    ROW(x_eg_sub, "G = type('G', (ExceptionGroup,), {}); eg = G('m', [ValueError(1), TypeError(2)]); sp = eg.split(ValueError); r = (type(eg), type(sp[0]), sp[1])"),
    ROW(sl_get, "l = list(range(10)); r = (l[2:5], l[-3:], l[::-1], l[1:8:3], l[8:1:-3], l[7:2])"),
    ROW(sl_tuple, "t = tuple(range(10)); r = (t[2:5], t[::-2], t[-100:100:4], t[0:])"),
    ROW(sl_step0, "r = list(range(10))[0:5:0]"),
    ROW(sl_assign, "a, b, c, d = [list(range(10)) for _ in range(4)]; a[2:5] = ('x',); b[1:9:2] = [-1, -2, -3, -4]; del c[::-3]; d[3:3] = d; r = (a, b, c, d)"),
    ROW(sl_del, "a = list(range(10)); del a[1:-1]; r = a"),
    ROW(sl_bad_size, "a = list(range(10)); a[::2] = [1]; r = a"),
    ROW(sl_bad_iter, "a = list(range(10)); a[0:2] = 5; r = a"),
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
    wrows_check(CONTAINERS_EXPECTED, "tests/unit/test_containers.c", k->id, got);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Refcount balance
 */
START_TEST(test_refcount_balance) {
    wf_object *key = wf_float_from_double(0.25), *val = wtest_new_counted();
    intptr_t k0 = wf_refcnt(key), v0 = wf_refcnt(val);
    wf_object *l = wf_list_new(0), *d = wf_dict_new(), *s = wf_set_new(NULL);
    ck_assert(l && d && s);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 50; i++) {
            ck_assert_int_eq(wf_list_append(l, val), 0);
            ck_assert_int_eq(wf_list_insert(l, 0, key), 0);
            wf_object *k = wf_int_from_i64(i);
            ck_assert_int_eq(wf_dict_set_item(d, k, val), 0);
            ck_assert_int_eq(wf_set_add(s, k), 0);
            wf_decref(k);
        }
        ck_assert_int_eq(wf_dict_set_item(d, key, val), 0);
        ck_assert_int_eq(wf_dict_set_item(d, key, val), 0); /* replace */
        ck_assert_int_eq(wf_set_add(s, key), 0);
        ck_assert_int_eq(wf_set_add(s, key), 0);
        ck_assert_int_eq(wf_refcnt(val), v0 + 50 + 50 + 1);
        ck_assert_int_eq(wf_refcnt(key), k0 + 50 + 1 + 1);
        wf_object *t = wf_list_as_tuple(l), *c = wf_dict_copy(d), *kv = wf_dict_items(d);
        ck_assert(t && c && kv);
        ck_assert_int_eq(wf_list_sort(l, NULL, 0) == 0 || wf_err_occurred(), 1);
        wf_err_clear();
        wf_decref(t);
        wf_decref(c);
        wf_decref(kv);
        wf_object *p = wf_list_pop(l, -1);
        ck_assert_ptr_nonnull(p);
        wf_decref(p);
        ck_assert_int_eq(wf_dict_del_item(d, key), 0);
        ck_assert_int_eq(wf_set_discard(s, key), 1);
        wf_list_clear(l);
        wf_dict_clear(d);
        ck_assert_int_eq(wf_set_clear(s), 0);
        ck_assert_int_eq(wf_refcnt(val), v0);
        ck_assert_int_eq(wf_refcnt(key), k0);
    }
    /* Containers dropped while holding items release them. */
    long before = atomic_load(&wtest_dealloc_count);
    for (int i = 0; i < 10; i++) {
        wf_object *o = wtest_new_counted();
        wf_list_append(l, o);
        wf_object *k = wf_int_from_i64(i);
        wf_dict_set_item(d, k, o);
        wf_decref(k);
        wf_decref(o);
    }
    wf_object *tu = wf_list_as_tuple(l);
    wf_decref(l);
    wf_decref(d);
    wf_decref(tu);
    ck_assert_int_eq(atomic_load(&wtest_dealloc_count) - before, 10);
    wf_decref(s);
    ck_assert_int_eq(wf_refcnt(val), v0);
    wf_decref(key);
    wf_decref(val);
}
END_TEST

START_TEST(test_exception_refcounts) {
    /* Raising and fetching, chaining, groups: every reference returns. */
    wf_object *v = wtest_new_counted();
    intptr_t v0 = wf_refcnt(v);
    long before = atomic_load(&wtest_dealloc_count);
    for (int i = 0; i < 20; i++) {
        wf_object *args = wf_tuple_pack(1, v);
        wf_object *e = wf_exc_new(&wf_exc_StopIteration, args);
        ck_assert_ptr_nonnull(e);
        wf_object *cause = wf_exc_new(&wf_exc_ValueError, args);
        wf_exc_set_cause(e, cause);
        wf_exc_set_context_chained(e, cause);
        wf_err_set_object(&wf_exc_KeyError, args);
        wf_object *ke = wf_err_fetch();
        ck_assert_ptr_nonnull(ke);
        wf_object *excs = wf_tuple_pack(3, e, cause, ke);
        wf_object *msg = wf_str_from_cstr("g");
        wf_object *eg = wf_object_call_objs((wf_object *)&wf_exc_BaseExceptionGroup, msg, excs, NULL);
        ck_assert_ptr_nonnull(eg);
        wf_object *split = wf_object_call_method(eg, "split", (wf_object *[]){(wf_object *)&wf_exc_LookupError}, 1);
        ck_assert_ptr_nonnull(split);
        wf_decref(split);
        wf_decref(eg);
        wf_decref(msg);
        wf_decref(excs);
        wf_decref(ke);
        wf_decref(cause);
        wf_decref(e);
        wf_decref(args);
    }
    ck_assert_int_eq(wf_refcnt(v), v0);
    ck_assert_int_eq(atomic_load(&wtest_dealloc_count), before);
    wf_decref(v);
}
END_TEST

/* ---------------------------------------------------------------------------
 * Threads: 4 threads on one list, one dict and one set.
 */
#define NTHREADS 4
#define NSLOTS 16
static wf_object *shared_list, *shared_dict, *shared_set, *shared_slots;
static long per_thread;

static void hammer(int t, void *arg) {
    (void)arg;
    long n = per_thread;
    wf_object *junk = wf_float_from_double(-1.0 - t); /* this thread's marker */
    for (long i = 0; i < n; i++) {
        long v = t * n + i;
        wf_object *o = wf_int_from_i64(v);
        /* list: append the value; insert and remove this thread's marker
         * (the list shifts and grows under the other threads). */
        ck_assert_int_eq(wf_list_append(shared_list, o), 0);
        ck_assert_int_eq(wf_list_insert(shared_list, i % 5, junk), 0);
        wf_object *rm = wf_object_call_method(shared_list, "remove", &junk, 1);
        ck_assert_ptr_nonnull(rm);
        wf_decref(rm);
        /* slots: item assignment to this thread's slots while every
         * thread also appends (resizing the array under the writers). */
        ck_assert_int_eq(wf_list_set_item(shared_slots, (i % NSLOTS) * NTHREADS + t, o), 0);
        ck_assert_int_eq(wf_list_append(shared_slots, junk), 0);
        /* dict: set, overwrite, and delete odd keys; read another
         * thread's keys. */
        ck_assert_int_eq(wf_dict_set_item(shared_dict, o, junk), 0);
        ck_assert_int_eq(wf_dict_set_item(shared_dict, o, o), 0);
        if (v & 1) {
            wf_object *p;
            ck_assert_int_eq(wf_dict_pop(shared_dict, o, &p), 1);
            ck_assert_ptr_eq(p, o);
            wf_decref(p);
            wf_object *sd = wf_dict_setdefault(shared_dict, o, junk);
            ck_assert_ptr_nonnull(sd);
            wf_decref(sd);
            ck_assert_int_eq(wf_dict_del_item(shared_dict, o), 0);
        }
        wf_object *other = wf_int_from_i64(((t + 1) % NTHREADS) * n + i), *got;
        ck_assert_int_ge(wf_dict_get_item_ref(shared_dict, other, &got), 0);
        if (got) {
            ck_assert(got == wf_None || WF_INT_CHECK(got) || WF_FLOAT_CHECK(got));
            wf_decref(got);
        }
        wf_decref(other);
        /* set: add everything, discard multiples of 3. */
        ck_assert_int_eq(wf_set_add(shared_set, o), 0);
        if (v % 3 == 0) ck_assert_int_eq(wf_set_discard(shared_set, o), 1);
        wf_decref(o);
    }
    wf_decref(junk);
}

static int cmp_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

START_TEST(test_threads_hammer) {
    per_thread = wtest_scale(4000);
    shared_list = wf_list_new(0);
    shared_dict = wf_dict_new();
    shared_set = wf_set_new(NULL);
    shared_slots = wf_list_new(NSLOTS * NTHREADS);
    wtest_run_threads(NTHREADS, hammer, NULL);
    long total = NTHREADS * per_thread;
    /* list: exactly the values 0..total-1, each once */
    ck_assert_int_eq(wf_list_size(shared_list), total);
    long *vals = malloc(sizeof(long) * (size_t)total);
    for (long i = 0; i < total; i++) {
        wf_object *o = wf_list_get_item(shared_list, i);
        ck_assert_ptr_nonnull(o);
        ck_assert(WF_INT_CHECK(o));
        int ovf;
        vals[i] = (long)wf_int_as_i64_overflow(o, &ovf);
        wf_decref(o);
    }
    qsort(vals, (size_t)total, sizeof(long), cmp_long);
    for (long i = 0; i < total; i++) ck_assert_int_eq(vals[i], i);
    free(vals);
    /* dict: exactly the even keys, each mapping to itself */
    ck_assert_int_eq(wf_dict_size(shared_dict), (total + 1) / 2);
    for (long v = 0; v < total; v++) {
        wf_object *k = wf_int_from_i64(v), *got;
        int rc = wf_dict_get_item_ref(shared_dict, k, &got);
        ck_assert_int_eq(rc, (v & 1) ? 0 : 1);
        if (rc) {
            ck_assert_int_eq(wf_object_rich_compare_bool(got, k, WF_EQ), 1);
            wf_decref(got);
        }
        wf_decref(k);
    }
    /* set: exactly the non-multiples of 3 */
    long expect_set = total - (total + 2) / 3;
    ck_assert_int_eq(wf_set_size(shared_set), expect_set);
    for (long v = 0; v < total; v++) {
        wf_object *k = wf_int_from_i64(v);
        ck_assert_int_eq(wf_set_contains(shared_set, k), v % 3 != 0);
        wf_decref(k);
    }
    /* slots: the last value each thread stored in each of its slots */
    ck_assert_int_eq(wf_list_size(shared_slots), NSLOTS * NTHREADS + total);
    for (int t = 0; t < NTHREADS; t++)
        for (long j = 0; j < NSLOTS; j++) {
            long last = -1;
            for (long i = 0; i < per_thread; i++)
                if (i % NSLOTS == j) last = t * per_thread + i;
            wf_object *o = wf_list_get_item(shared_slots, j * NTHREADS + t);
            ck_assert_ptr_nonnull(o);
            if (last < 0) ck_assert_ptr_eq(o, wf_None);
            else {
                int ovf;
                ck_assert_int_eq(wf_int_as_i64_overflow(o, &ovf), last);
            }
            wf_decref(o);
        }
    wf_decref(shared_list);
    wf_decref(shared_dict);
    wf_decref(shared_set);
    wf_decref(shared_slots);
}
END_TEST

/* Sorting a list while other threads append to it: either the sort
 * finishes or it raises ValueError; the appended items are dropped in the
 * second case; nothing crashes or leaks. */
static _Atomic int sort_stop;
static void appender(int t, void *arg) {
    (void)arg;
    if (t == 0) {
        for (int r = 0; r < 20; r++) {
            if (wf_list_sort(shared_list, NULL, r & 1) < 0) {
                ck_assert(wf_err_matches((wf_object *)&wf_exc_ValueError));
                wf_err_clear();
            }
        }
        atomic_store(&sort_stop, 1);
        return;
    }
    /* Bounded, and detaching now and then: in the GIL flavour nothing
     * else would make these threads give the sorter a turn. */
    long limit = wtest_scale(200000);
    for (long i = 0; i < limit && !atomic_load(&sort_stop);) {
        if ((i & 255) == 255) wtest_sleep_ms(0);
        wf_object *o = wf_int_from_i64(i++ % 1000);
        ck_assert_int_eq(wf_list_append(shared_list, o), 0);
        wf_decref(o);
        if (i % 64 == 0) {
            wf_object *p = wf_list_pop(shared_list, 0);
            if (p) wf_decref(p);
            else wf_err_clear();
        }
    }
}
START_TEST(test_threads_sort_vs_append) {
    shared_list = wf_list_new(0);
    for (int i = 0; i < 2000; i++) {
        wf_object *o = wf_int_from_i64((i * 7919) % 2003);
        wf_list_append(shared_list, o);
        wf_decref(o);
    }
    atomic_store(&sort_stop, 0);
    wtest_run_threads(3, appender, NULL);
    wf_ssize_t n = wf_list_size(shared_list);
    for (wf_ssize_t i = 0; i < n; i++) {
        wf_object *o = wf_list_get_item(shared_list, i);
        ck_assert(o && WF_INT_CHECK(o));
        wf_decref(o);
    }
    wf_decref(shared_list);
}
END_TEST

START_TEST(test_deep_nesting) {
    /* A tuple, list and dict chain 300000 deep: hashing the tuple raises
     * RecursionError instead of overflowing the C stack, and dropping each
     * chain frees every level (the trashcan bounds the dealloc recursion)
     * down to the counted object at the bottom. */
    enum { DEPTH = 300000 };
    for (int kind = 0; kind < 3; kind++) {
        wf_object *bottom = wtest_new_counted();
        long before = atomic_load(&wtest_dealloc_count);
        wf_object *x = bottom;
        for (int i = 0; i < DEPTH; i++) {
            wf_object *n;
            if (kind == 0) {
                n = wf_tuple_pack(1, x);
            } else if (kind == 1) {
                n = wf_list_new(0);
                ck_assert_int_eq(wf_list_append(n, x), 0);
            } else {
                n = wf_dict_new();
                wf_object *k = wf_int_from_i64(1);
                ck_assert_int_eq(wf_dict_set_item(n, k, x), 0);
                wf_decref(k);
            }
            ck_assert_ptr_nonnull(n);
            wf_decref(x);
            x = n;
        }
        if (kind == 0) {
            ck_assert_int_eq(wf_object_hash(x), -1);
            ck_assert(wf_err_matches((wf_object *)&wf_exc_RecursionError));
            wf_err_clear();
        }
        wf_decref(x);
        ck_assert_int_eq(atomic_load(&wtest_dealloc_count), before + 1);
    }
}
END_TEST

int main(void) {
    Suite *s = suite_create("containers");
    TCase *tc = tcase_create("behaviour");
    tcase_add_checked_fixture(tc, wtest_setup, wtest_teardown);
    tcase_add_loop_test(tc, test_case, 0, (int)NCASES);
    suite_add_tcase(s, tc);
    TCase *rc = tcase_create("refcounts");
    tcase_add_checked_fixture(rc, wtest_setup, wtest_teardown);
    tcase_add_test(rc, test_refcount_balance);
    tcase_add_test(rc, test_exception_refcounts);
    tcase_add_test(rc, test_deep_nesting);
    suite_add_tcase(s, rc);
    TCase *th = tcase_create("threads");
    tcase_add_checked_fixture(th, wtest_setup, wtest_teardown);
    tcase_set_timeout(th, 300);
    tcase_add_test(th, test_threads_hammer);
    tcase_add_test(th, test_threads_sort_vs_append);
    suite_add_tcase(s, th);
    return wtest_run_suite(s);
}
