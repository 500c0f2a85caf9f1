/*
 * runtime/objects/int.c — int: arbitrary precision with a machine-word
 * fast path.
 *
 * Representation (weft/objects.h): values that fit in int64_t are in the
 * small form (ob_ndigits == 0, value ob_small); others store their
 * magnitude inline as base-2^30 digits (runtime/objects/bigint.h) with
 * the sign in ob_sign.  Canonical: a value has exactly one representation,
 * so equality of small ints is equality of ob_small.  -5..256 are immortal
 * static objects.  ints are immutable: no synchronisation needed.
 *
 * Arithmetic on big values converts the operands to (sign, magnitude)
 * pairs (struct num below), computes with the magnitude helpers in this
 * file (schoolbook multiplication, shift-and-subtract division), and
 * normalises back.  These helpers extend runtime/objects/bigint.h with
 * separate functions; they are O(n^2) and fine for the sizes tests use.
 *
 * Hash: CPython's numeric hash, modulus 2^61 - 1, so hash(n) == hash(float(n)).
 *
 * The int<->decimal digit limit (sys.set_int_max_str_digits, CPython
 * 3.11's CVE-2020-10735 guard): int_max_str_digits is interpreter-wide,
 * written by sys.set_int_max_str_digits and at interpreter start-up,
 * read and written with relaxed atomics (a conversion that races with a
 * change sees the old or the new limit).  0 means unlimited.  It applies
 * to int -> decimal str (repr/str/format/%d) and to int() of text in a
 * base that is not a power of two; wf_int_from_string itself is not
 * limited (the VM builds big constants with it).
 */
#include "runtime/objects/objimpl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "runtime/compiler/literals.h"
#include "runtime/objects/bigint.h"
#include "runtime/objects/format.h"
#include "runtime/objects/bytes_impl.h"
#include "runtime/objects/unicode_db.h"

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

#define NSMALL_NEG 5
#define NSMALL_POS 257
static wf_int small_ints[NSMALL_NEG + NSMALL_POS];

wf_object *wf_small_int(int v) { return (wf_object *)&small_ints[v + NSMALL_NEG]; }

/* See the file comment: relaxed atomic, 0 = unlimited. */
static _Atomic int int_max_str_digits = WFO_INT_DEFAULT_MAX_STR_DIGITS;

int wfo_int_get_max_str_digits(void) {
    return atomic_load_explicit(&int_max_str_digits, memory_order_relaxed);
}

void wfo_int_set_max_str_digits(int maxdigits) {
    atomic_store_explicit(&int_max_str_digits, maxdigits, memory_order_relaxed);
    wfc_set_max_str_digits(maxdigits); /* decimal literals compiled from now on */
}

static wf_object *int_to_str_limit_error(void) {
    return wf_err_format(&wf_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion; use "
                         "sys.set_int_max_str_digits() to increase the limit",
                         wfo_int_get_max_str_digits());
}

void wfo_int_init(void) {
    for (int i = 0; i < NSMALL_NEG + NSMALL_POS; i++) {
        wf_int tmp = {.ob_base = WF_OBJECT_HEAD_INIT(&wf_int_type), .ob_small = i - NSMALL_NEG};
        memcpy(&small_ints[i], &tmp, sizeof tmp);
    }
}

static wf_int *int_alloc(wf_type *type, int32_t ndigits) {
    if (type == &wf_int_type) {
        wf_int *r = (wf_int *)wfo_alloc(&wf_int_type, sizeof(wf_int) + (size_t)ndigits * sizeof(uint32_t));
        return r;
    }
    return (wf_int *)wf_type_generic_alloc(type, ndigits);
}

wf_object *wf_int_from_i64(int64_t v) {
    if (v >= -NSMALL_NEG && v < NSMALL_POS) return (wf_object *)&small_ints[v + NSMALL_NEG];
    wf_int *r = int_alloc(&wf_int_type, 0);
    if (r) r->ob_small = v;
    return (wf_object *)r;
}

/* --- (sign, magnitude) working form ------------------------------------- */
typedef struct num {
    int sign; /* -1, 0, 1 */
    wfo_bigmag m;
} num;

static void num_free(num *n) { wfo_bigmag_free(&n->m); }

static int mag_reserve(wfo_bigmag *m, size_t n) {
    if (m->cap >= n) return 0;
    uint32_t *d = realloc(m->d, (n ? n : 1) * sizeof(uint32_t));
    if (!d) return -1;
    m->d = d;
    m->cap = n;
    return 0;
}
static void mag_norm(wfo_bigmag *m) {
    while (m->n && m->d[m->n - 1] == 0) m->n--;
}

static int num_from(wf_object *o, num *out) {
    wf_int *v = (wf_int *)o;
    wfo_bigmag_init(&out->m);
    if (v->ob_ndigits == 0) {
        int64_t s = v->ob_small;
        out->sign = s < 0 ? -1 : s > 0;
        uint64_t mag = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        return wfo_bigmag_set_u64(&out->m, mag) < 0 ? -1 : 0;
    }
    out->sign = v->ob_sign;
    if (mag_reserve(&out->m, (size_t)v->ob_ndigits) < 0) return -1;
    memcpy(out->m.d, v->ob_digit, (size_t)v->ob_ndigits * sizeof(uint32_t));
    out->m.n = (size_t)v->ob_ndigits;
    return 0;
}

/* Build an int from n (consumes it). */
static wf_object *num_to_int(num *n) {
    mag_norm(&n->m);
    uint64_t u;
    if (n->m.n == 0) { num_free(n); return wf_int_from_i64(0); }
    if (wfo_bigmag_to_u64(&n->m, &u) == 0) {
        if (n->sign > 0 && u <= (uint64_t)INT64_MAX) { num_free(n); return wf_int_from_i64((int64_t)u); }
        if (n->sign < 0 && u <= (uint64_t)INT64_MAX + 1) {
            num_free(n);
            return wf_int_from_i64(u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u);
        }
    }
    wf_int *r = int_alloc(&wf_int_type, (int32_t)n->m.n);
    if (r) {
        r->ob_ndigits = (int32_t)n->m.n;
        r->ob_sign = n->sign;
        memcpy(r->ob_digit, n->m.d, n->m.n * sizeof(uint32_t));
    }
    num_free(n);
    return (wf_object *)r;
}

wf_object *wfo_int_from_bigmag_sign(const void *mag, int sign) {
    const wfo_bigmag *m = mag;
    num n;
    n.sign = sign;
    wfo_bigmag_init(&n.m);
    if (mag_reserve(&n.m, m->n) < 0) return wf_err_no_memory();
    memcpy(n.m.d, m->d, m->n * sizeof(uint32_t));
    n.m.n = m->n;
    return num_to_int(&n);
}

wf_object *wf_int_from_u64(uint64_t v) {
    if (v <= INT64_MAX) return wf_int_from_i64((int64_t)v);
    num n = {1, {0}};
    wfo_bigmag_init(&n.m);
    if (wfo_bigmag_set_u64(&n.m, v) < 0) return wf_err_no_memory();
    return num_to_int(&n);
}

/* Magnitude helpers (r may not alias a or b). */
static int mag_add(wfo_bigmag *r, const wfo_bigmag *a, const wfo_bigmag *b) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    if (mag_reserve(r, n) < 0) return -1;
    uint32_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        r->d[i] = s & WFO_BIG_MASK;
        carry = s >> WFO_BIG_SHIFT;
    }
    r->n = n;
    mag_norm(r);
    return 0;
}
/* r = a - b, requires a >= b */
static int mag_sub(wfo_bigmag *r, const wfo_bigmag *a, const wfo_bigmag *b) {
    if (mag_reserve(r, a->n) < 0) return -1;
    int32_t borrow = 0;
    for (size_t i = 0; i < a->n; i++) {
        int64_t s = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = s < 0;
        if (s < 0) s += WFO_BIG_BASE;
        r->d[i] = (uint32_t)s;
    }
    r->n = a->n;
    mag_norm(r);
    return 0;
}
static int mag_mul(wfo_bigmag *r, const wfo_bigmag *a, const wfo_bigmag *b) {
    size_t n = a->n + b->n;
    if (mag_reserve(r, n ? n : 1) < 0) return -1;
    memset(r->d, 0, (n ? n : 1) * sizeof(uint32_t));
    for (size_t i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b->n; j++) {
            uint64_t t = (uint64_t)a->d[i] * b->d[j] + r->d[i + j] + carry;
            r->d[i + j] = (uint32_t)(t & WFO_BIG_MASK);
            carry = t >> WFO_BIG_SHIFT;
        }
        size_t k = i + b->n;
        while (carry) {
            uint64_t t = (uint64_t)r->d[k] + carry;
            r->d[k++] = (uint32_t)(t & WFO_BIG_MASK);
            carry = t >> WFO_BIG_SHIFT;
        }
    }
    r->n = n;
    mag_norm(r);
    return 0;
}
static int mag_bit(const wfo_bigmag *m, size_t i) {
    size_t d = i / WFO_BIG_SHIFT;
    return d < m->n ? (m->d[d] >> (i % WFO_BIG_SHIFT)) & 1 : 0;
}
/* r = m << s (bits) */
static int mag_shl(wfo_bigmag *r, const wfo_bigmag *m, size_t s) {
    size_t ds = s / WFO_BIG_SHIFT, bs = s % WFO_BIG_SHIFT;
    size_t n = m->n + ds + 1;
    if (mag_reserve(r, n) < 0) return -1;
    memset(r->d, 0, n * sizeof(uint32_t));
    for (size_t i = 0; i < m->n; i++) {
        uint64_t v = (uint64_t)m->d[i] << bs;
        r->d[i + ds] |= (uint32_t)(v & WFO_BIG_MASK);
        r->d[i + ds + 1] |= (uint32_t)(v >> WFO_BIG_SHIFT);
    }
    r->n = n;
    mag_norm(r);
    return 0;
}
static int mag_shr(wfo_bigmag *r, const wfo_bigmag *m, size_t s) {
    size_t ds = s / WFO_BIG_SHIFT, bs = s % WFO_BIG_SHIFT;
    if (ds >= m->n) { r->n = 0; return 0; }
    size_t n = m->n - ds;
    if (mag_reserve(r, n) < 0) return -1;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = m->d[i + ds] >> bs;
        if (i + ds + 1 < m->n) v |= ((uint64_t)m->d[i + ds + 1] << (WFO_BIG_SHIFT - bs)) & WFO_BIG_MASK;
        r->d[i] = (uint32_t)v;
    }
    r->n = n;
    mag_norm(r);
    return 0;
}
/* q = a / b, rem = a % b (magnitudes, b != 0). */
static int mag_divmod(wfo_bigmag *q, wfo_bigmag *rem, const wfo_bigmag *a, const wfo_bigmag *b) {
    if (b->n == 1) {
        uint32_t dv = b->d[0];
        if (mag_reserve(q, a->n ? a->n : 1) < 0 || mag_reserve(rem, 1) < 0) return -1;
        uint64_t r = 0;
        for (size_t i = a->n; i-- > 0;) {
            uint64_t cur = (r << WFO_BIG_SHIFT) | a->d[i];
            q->d[i] = (uint32_t)(cur / dv);
            r = cur % dv;
        }
        q->n = a->n;
        mag_norm(q);
        rem->d[0] = (uint32_t)r;
        rem->n = r ? 1 : 0;
        return 0;
    }
    size_t bits = wfo_bigmag_bit_length(a);
    if (mag_reserve(q, a->n ? a->n : 1) < 0 || mag_reserve(rem, b->n + 1) < 0) return -1;
    memset(q->d, 0, (a->n ? a->n : 1) * sizeof(uint32_t));
    q->n = a->n;
    rem->n = 0;
    wfo_bigmag tmp;
    wfo_bigmag_init(&tmp);
    for (size_t i = bits; i-- > 0;) {
        /* rem = rem*2 + bit */
        if (mag_shl(&tmp, rem, 1) < 0) goto oom;
        if (mag_bit(a, i)) {
            if (tmp.n == 0) { if (mag_reserve(&tmp, 1) < 0) goto oom; tmp.d[0] = 0; tmp.n = 1; }
            tmp.d[0] |= 1;
        }
        if (wfo_bigmag_cmp(&tmp, b) >= 0) {
            if (mag_sub(rem, &tmp, b) < 0) goto oom;
            q->d[i / WFO_BIG_SHIFT] |= 1u << (i % WFO_BIG_SHIFT);
        } else {
            wfo_bigmag t2 = *rem;
            *rem = tmp;
            tmp = t2;
        }
    }
    wfo_bigmag_free(&tmp);
    mag_norm(q);
    return 0;
oom:
    wfo_bigmag_free(&tmp);
    return -1;
}

static wf_object *big_addsub(wf_object *a, wf_object *b, int negate_b) {
    num x, y, r = {0, {0}};
    wfo_bigmag_init(&r.m);
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    if (num_from(b, &y) < 0) { num_free(&x); return wf_err_no_memory(); }
    if (negate_b) y.sign = -y.sign;
    int rc;
    if (x.sign == 0) { num_free(&x); return num_to_int(&y); }
    if (y.sign == 0) { num_free(&y); return num_to_int(&x); }
    if (x.sign == y.sign) {
        rc = mag_add(&r.m, &x.m, &y.m);
        r.sign = x.sign;
    } else if (wfo_bigmag_cmp(&x.m, &y.m) >= 0) {
        rc = mag_sub(&r.m, &x.m, &y.m);
        r.sign = x.sign;
    } else {
        rc = mag_sub(&r.m, &y.m, &x.m);
        r.sign = y.sign;
    }
    num_free(&x);
    num_free(&y);
    if (rc < 0) { num_free(&r); return wf_err_no_memory(); }
    return num_to_int(&r);
}

#define SMALL(o) (((wf_int *)(o))->ob_ndigits == 0)
#define SVAL(o) (((wf_int *)(o))->ob_small)
#define CHECK_BINOP(a, b) \
    if (!WF_INT_CHECK(a) || !WF_INT_CHECK(b)) return wf_newref(wf_NotImplemented)

static wf_object *int_add(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_add_overflow(SVAL(a), SVAL(b), &r)) return wf_int_from_i64(r);
    return big_addsub(a, b, 0);
}
static wf_object *int_sub(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_sub_overflow(SVAL(a), SVAL(b), &r)) return wf_int_from_i64(r);
    return big_addsub(a, b, 1);
}
static wf_object *int_mul(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_mul_overflow(SVAL(a), SVAL(b), &r)) return wf_int_from_i64(r);
    num x, y, z;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    if (num_from(b, &y) < 0) { num_free(&x); return wf_err_no_memory(); }
    wfo_bigmag_init(&z.m);
    z.sign = x.sign * y.sign;
    int rc = mag_mul(&z.m, &x.m, &y.m);
    num_free(&x);
    num_free(&y);
    if (rc < 0) { num_free(&z); return wf_err_no_memory(); }
    return num_to_int(&z);
}

/* Floor division and modulo with Python's sign rules. */
static int int_divmod_impl(wf_object *a, wf_object *b, wf_object **pq, wf_object **pr) {
    if (wf_int_sign(b) == 0) {
        wf_err_set_string(&wf_exc_ZeroDivisionError, pq ? "integer division or modulo by zero" : "integer modulo by zero");
        return -1;
    }
    if (SMALL(a) && SMALL(b) && !(SVAL(a) == INT64_MIN && SVAL(b) == -1)) {
        int64_t x = SVAL(a), y = SVAL(b), q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) { q -= 1; r += y; }
        if (pq && !(*pq = wf_int_from_i64(q))) return -1;
        if (pr && !(*pr = wf_int_from_i64(r))) { if (pq) wf_decref(*pq); return -1; }
        return 0;
    }
    num x, y, q, r;
    if (num_from(a, &x) < 0) { wf_err_no_memory(); return -1; }
    if (num_from(b, &y) < 0) { num_free(&x); wf_err_no_memory(); return -1; }
    wfo_bigmag_init(&q.m);
    wfo_bigmag_init(&r.m);
    if (mag_divmod(&q.m, &r.m, &x.m, &y.m) < 0) goto oom;
    q.sign = x.sign * y.sign;
    r.sign = x.sign;
    if (r.m.n && x.sign != y.sign) {
        /* floor: q -= 1 (q magnitude += 1 since q negative), r = y - r with y's sign */
        wfo_bigmag one, t;
        wfo_bigmag_init(&one);
        wfo_bigmag_init(&t);
        if (wfo_bigmag_set_u64(&one, 1) < 0 || mag_add(&t, &q.m, &one) < 0) { wfo_bigmag_free(&one); wfo_bigmag_free(&t); goto oom; }
        wfo_bigmag_free(&q.m);
        q.m = t;
        q.sign = -1;
        wfo_bigmag_init(&t);
        if (mag_sub(&t, &y.m, &r.m) < 0) { wfo_bigmag_free(&one); wfo_bigmag_free(&t); goto oom; }
        wfo_bigmag_free(&r.m);
        r.m = t;
        r.sign = y.sign;
        wfo_bigmag_free(&one);
    }
    num_free(&x);
    num_free(&y);
    if (!q.m.n) q.sign = 0;
    if (!r.m.n) r.sign = 0;
    *(pq ? pq : &a) = NULL;
    wf_object *qo = num_to_int(&q);
    wf_object *ro = num_to_int(&r);
    if (!qo || !ro) { wf_xdecref(qo); wf_xdecref(ro); return -1; }
    if (pq) *pq = qo; else wf_decref(qo);
    if (pr) *pr = ro; else wf_decref(ro);
    return 0;
oom:
    num_free(&x); num_free(&y); num_free(&q); num_free(&r);
    wf_err_no_memory();
    return -1;
}
static wf_object *int_floordiv(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    wf_object *q;
    return int_divmod_impl(a, b, &q, NULL) < 0 ? NULL : q;
}
static wf_object *int_mod(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    wf_object *r;
    return int_divmod_impl(a, b, NULL, &r) < 0 ? NULL : r;
}
static wf_object *int_divmod(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    wf_object *q, *r;
    if (int_divmod_impl(a, b, &q, &r) < 0) return NULL;
    wf_object *t = wf_tuple_pack(2, q, r);
    wf_decref(q);
    wf_decref(r);
    return t;
}

double wf_int_as_double(wf_object *o) {
    if (SMALL(o)) return (double)SVAL(o);
    wf_int *v = (wf_int *)o;
    num x;
    if (num_from(o, &x) < 0) { wf_err_no_memory(); return -1.0; }
    size_t bits = wfo_bigmag_bit_length(&x.m);
    if (bits > 1024) {
        num_free(&x);
        wf_err_set_string(&wf_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    /* Keep 55 significant bits plus a sticky bit; the final conversion
     * rounds to nearest even correctly. */
    size_t shift = bits - 55;
    wfo_bigmag t;
    wfo_bigmag_init(&t);
    mag_shr(&t, &x.m, shift);
    uint64_t top = 0;
    wfo_bigmag_to_u64(&t, &top);
    int sticky = 0;
    for (size_t i = 0; i < shift && !sticky; i++) sticky = mag_bit(&x.m, i);
    top |= (uint64_t)sticky;
    wfo_bigmag_free(&t);
    num_free(&x);
    double d = ldexp((double)top, (int)shift);
    if (isinf(d)) {
        wf_err_set_string(&wf_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return v->ob_sign < 0 ? -d : d;
}

static wf_object *int_truediv(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    if (wf_int_sign(b) == 0) {
        wf_err_set_string(&wf_exc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    const int64_t lim = (int64_t)1 << 53;
    if (SMALL(a) && SMALL(b) && SVAL(a) > -lim && SVAL(a) < lim && SVAL(b) > -lim && SVAL(b) < lim)
        return wf_float_from_double((double)SVAL(a) / (double)SVAL(b));
    /* Correct rounding: q = (|a| << s) // |b| with >= 55 significant bits,
     * sticky bit from the remainder, then one rounding to double. */
    num x, y;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    if (num_from(b, &y) < 0) { num_free(&x); return wf_err_no_memory(); }
    long diff = (long)wfo_bigmag_bit_length(&x.m) - (long)wfo_bigmag_bit_length(&y.m);
    if (diff > 1024 + 1) {
        num_free(&x); num_free(&y);
        return wf_err_format(&wf_exc_OverflowError, "integer division result too large for a float");
    }
    long s = 55 - diff;
    wfo_bigmag nx, ny, q, r;
    wfo_bigmag_init(&nx); wfo_bigmag_init(&ny); wfo_bigmag_init(&q); wfo_bigmag_init(&r);
    int rc = 0;
    if (s >= 0) { rc |= mag_shl(&nx, &x.m, (size_t)s); rc |= mag_shl(&ny, &y.m, 0); }
    else { rc |= mag_shl(&nx, &x.m, 0); rc |= mag_shl(&ny, &y.m, (size_t)-s); }
    if (rc == 0) rc = mag_divmod(&q, &r, &nx, &ny);
    uint64_t top = 0;
    if (rc == 0) wfo_bigmag_to_u64(&q, &top);
    if (r.n) top |= 1;
    int sign = x.sign * y.sign;
    num_free(&x); num_free(&y);
    wfo_bigmag_free(&nx); wfo_bigmag_free(&ny); wfo_bigmag_free(&q); wfo_bigmag_free(&r);
    if (rc < 0) return wf_err_no_memory();
    double d = ldexp((double)top, (int)-s);
    if (isinf(d)) return wf_err_format(&wf_exc_OverflowError, "integer division result too large for a float");
    return wf_float_from_double(sign < 0 ? -d : d);
}

static wf_object *int_neg(wf_object *a) {
    if (SMALL(a) && SVAL(a) != INT64_MIN) return wf_int_from_i64(-SVAL(a));
    num x;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    x.sign = -x.sign;
    return num_to_int(&x);
}
static wf_object *int_pos(wf_object *a) {
    if (WF_INT_CHECK_EXACT(a)) return wf_newref(a);
    num x;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    return num_to_int(&x);
}
static wf_object *int_abs(wf_object *a) { return wf_int_sign(a) < 0 ? int_neg(a) : int_pos(a); }
static int int_bool(wf_object *a) { return wf_int_sign(a) != 0; }
static wf_object *int_invert(wf_object *a) {
    /* ~x == -(x+1) */
    wf_object *one = wf_small_int(1);
    wf_object *t = int_add(a, one);
    if (!t) return NULL;
    wf_object *r = int_neg(t);
    wf_decref(t);
    return r;
}

static wf_object *int_pow(wf_object *a, wf_object *b, wf_object *m) {
    CHECK_BINOP(a, b);
    if (m != wf_None && !WF_INT_CHECK(m)) return wf_newref(wf_NotImplemented);
    if (wf_int_sign(b) < 0) {
        if (m != wf_None) {
            /* modular inverse */
            if (wf_int_sign(m) == 0) return wf_err_format(&wf_exc_ValueError, "pow() 3rd argument cannot be 0");
            wf_object *nb = int_neg(b);
            if (!nb) return NULL;
            /* extended Euclid on (a mod m, m) */
            wf_object *am = int_mod(a, m);
            wf_object *old_r = am, *r = int_abs(m), *old_s = wf_int_from_i64(1), *s = wf_int_from_i64(0);
            while (wf_int_sign(r) != 0) {
                wf_object *q = int_floordiv(old_r, r);
                wf_object *t1 = int_mul(q, r), *nr = int_sub(old_r, t1);
                wf_object *t2 = int_mul(q, s), *ns = int_sub(old_s, t2);
                wf_decref(q); wf_decref(t1); wf_decref(t2);
                wf_decref(old_r); old_r = r; r = nr;
                wf_decref(old_s); old_s = s; s = ns;
            }
            wf_decref(r); wf_decref(s);
            int one = SMALL(old_r) && SVAL(old_r) == 1;
            wf_decref(old_r);
            if (!one) {
                wf_decref(old_s); wf_decref(nb);
                return wf_err_format(&wf_exc_ValueError, "base is not invertible for the given modulus");
            }
            wf_object *inv = int_mod(old_s, m);
            wf_decref(old_s);
            wf_object *res = int_pow(inv, nb, m);
            wf_decref(inv); wf_decref(nb);
            return res;
        }
        double x = wf_int_as_double(a), y = wf_int_as_double(b);
        if ((x == -1.0 || y == -1.0) && wf_err_occurred()) return NULL;
        if (x == 0.0)
            return wf_err_format(&wf_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return wf_float_from_double(pow(x, y));
    }
    if (m != wf_None && wf_int_sign(m) == 0) return wf_err_format(&wf_exc_ValueError, "pow() 3rd argument cannot be 0");
    wf_object *result = wf_int_from_i64(1), *base = wf_newref(a);
    if (m != wf_None) {
        wf_object *t = int_mod(base, m);
        wf_decref(base);
        if (!t) { wf_decref(result); return NULL; }
        base = t;
    }
    size_t nbits = wf_int_bit_length(b);
    num e;
    if (num_from(b, &e) < 0) { wf_decref(result); wf_decref(base); return wf_err_no_memory(); }
    for (size_t i = 0; i < nbits; i++) {
        if (mag_bit(&e.m, i)) {
            wf_object *t = int_mul(result, base);
            wf_decref(result);
            result = t;
            if (result && m != wf_None) { t = int_mod(result, m); wf_decref(result); result = t; }
            if (!result) break;
        }
        if (i + 1 < nbits) {
            wf_object *t = int_mul(base, base);
            wf_decref(base);
            base = t;
            if (base && m != wf_None) { t = int_mod(base, m); wf_decref(base); base = t; }
            if (!base) { wf_decref(result); result = NULL; break; }
        }
    }
    num_free(&e);
    wf_xdecref(base);
    if (result && m != wf_None && nbits == 0) {
        wf_object *t = int_mod(result, m);
        wf_decref(result);
        result = t;
    }
    return result;
}

static wf_object *int_lshift(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    if (wf_int_sign(b) < 0) return wf_err_format(&wf_exc_ValueError, "negative shift count");
    if (wf_int_sign(a) == 0) return wf_int_from_i64(0);
    int of;
    int64_t s = wf_int_as_i64_overflow(b, &of);
    if (of || s > ((int64_t)1 << 40)) return wf_err_no_memory();
    if (SMALL(a) && s < 62) {
        int64_t v = SVAL(a);
        if (v >= -((int64_t)1 << (62 - s)) && v < ((int64_t)1 << (62 - s))) return wf_int_from_i64((int64_t)((uint64_t)v << s));
    }
    num x, r;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    wfo_bigmag_init(&r.m);
    r.sign = x.sign;
    int rc = mag_shl(&r.m, &x.m, (size_t)s);
    num_free(&x);
    if (rc < 0) { num_free(&r); return wf_err_no_memory(); }
    return num_to_int(&r);
}
static wf_object *int_rshift(wf_object *a, wf_object *b) {
    CHECK_BINOP(a, b);
    if (wf_int_sign(b) < 0) return wf_err_format(&wf_exc_ValueError, "negative shift count");
    int of;
    int64_t s = wf_int_as_i64_overflow(b, &of);
    if (SMALL(a)) {
        if (of || s >= 64) return wf_int_from_i64(SVAL(a) < 0 ? -1 : 0);
        return wf_int_from_i64(SVAL(a) >> s);
    }
    if (of) return wf_int_from_i64(wf_int_sign(a) < 0 ? -1 : 0);
    /* floor(a / 2^s) */
    num x, r;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    wfo_bigmag_init(&r.m);
    mag_shr(&r.m, &x.m, (size_t)s);
    r.sign = x.sign;
    int lost = 0;
    for (int64_t i = 0; i < s && !lost; i++) lost = mag_bit(&x.m, (size_t)i);
    num_free(&x);
    wf_object *q = num_to_int(&r);
    if (q && lost && r.sign < 0) {
        wf_object *t = int_sub(q, wf_small_int(1));
        wf_decref(q);
        q = t;
    }
    return q;
}

/* Bitwise operations on two's complement, digit arrays of equal width. */
static wf_object *int_bitop(wf_object *a, wf_object *b, char op) {
    CHECK_BINOP(a, b);
    if (SMALL(a) && SMALL(b)) {
        int64_t x = SVAL(a), y = SVAL(b);
        return wf_int_from_i64(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
    }
    num x, y;
    if (num_from(a, &x) < 0) return wf_err_no_memory();
    if (num_from(b, &y) < 0) { num_free(&x); return wf_err_no_memory(); }
    size_t n = (x.m.n > y.m.n ? x.m.n : y.m.n) + 1;
    uint32_t *dx = calloc(n, 4), *dy = calloc(n, 4), *dr = calloc(n, 4);
    if (!dx || !dy || !dr) { free(dx); free(dy); free(dr); num_free(&x); num_free(&y); return wf_err_no_memory(); }
    num *src[2] = {&x, &y};
    uint32_t *dst[2] = {dx, dy};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < src[k]->m.n; i++) dst[k][i] = src[k]->m.d[i];
        if (src[k]->sign < 0) {
            uint32_t carry = 1;
            for (size_t i = 0; i < n; i++) {
                uint32_t v = (~dst[k][i] & WFO_BIG_MASK) + carry;
                dst[k][i] = v & WFO_BIG_MASK;
                carry = v >> WFO_BIG_SHIFT;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        dr[i] = op == '&' ? (dx[i] & dy[i]) : op == '|' ? (dx[i] | dy[i]) : (dx[i] ^ dy[i]);
    int neg = (dr[n - 1] >> (WFO_BIG_SHIFT - 1)) & 1;
    if (neg) {
        uint32_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            uint32_t v = (~dr[i] & WFO_BIG_MASK) + carry;
            dr[i] = v & WFO_BIG_MASK;
            carry = v >> WFO_BIG_SHIFT;
        }
    }
    num r;
    wfo_bigmag_init(&r.m);
    r.m.d = dr;
    r.m.n = r.m.cap = n;
    r.sign = neg ? -1 : 1;
    free(dx);
    free(dy);
    num_free(&x);
    num_free(&y);
    return num_to_int(&r);
}
static wf_object *int_and(wf_object *a, wf_object *b) { return int_bitop(a, b, '&'); }
static wf_object *int_or(wf_object *a, wf_object *b) { return int_bitop(a, b, '|'); }
static wf_object *int_xor(wf_object *a, wf_object *b) { return int_bitop(a, b, '^'); }
static wf_object *int_int(wf_object *a) { return int_pos(a); }
static wf_object *int_float(wf_object *a) {
    double d = wf_int_as_double(a);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    return wf_float_from_double(d);
}

int wf_int_sign(wf_object *o) {
    wf_int *v = (wf_int *)o;
    if (v->ob_ndigits) return v->ob_sign;
    return v->ob_small < 0 ? -1 : v->ob_small > 0;
}

size_t wf_int_bit_length(wf_object *o) {
    wf_int *v = (wf_int *)o;
    if (!v->ob_ndigits) {
        uint64_t m = v->ob_small < 0 ? (uint64_t)0 - (uint64_t)v->ob_small : (uint64_t)v->ob_small;
        return m ? 64 - (size_t)__builtin_clzll(m) : 0;
    }
    wfo_bigmag m = {v->ob_digit, (size_t)v->ob_ndigits, (size_t)v->ob_ndigits};
    return wfo_bigmag_bit_length(&m);
}

int64_t wf_int_as_i64_overflow(wf_object *o, int *overflow) {
    wf_int *v = (wf_int *)o;
    *overflow = 0;
    if (!v->ob_ndigits) return v->ob_small;
    *overflow = v->ob_sign;
    return -1;
}

wf_ssize_t wf_int_as_ssize(wf_object *o) {
    int of;
    int64_t v = wf_int_as_i64_overflow(o, &of);
    if (of) {
        wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (wf_ssize_t)v;
}

static int int_cmp(wf_object *a, wf_object *b) {
    if (SMALL(a) && SMALL(b)) return (SVAL(a) > SVAL(b)) - (SVAL(a) < SVAL(b));
    int sa = wf_int_sign(a), sb = wf_int_sign(b);
    if (sa != sb) return (sa > sb) - (sa < sb);
    if (SMALL(a) != SMALL(b)) return SMALL(a) ? -sb : sa; /* the big one has larger magnitude */
    wf_int *x = (wf_int *)a, *y = (wf_int *)b;
    wfo_bigmag mx = {x->ob_digit, (size_t)x->ob_ndigits, 0}, my = {y->ob_digit, (size_t)y->ob_ndigits, 0};
    int c = wfo_bigmag_cmp(&mx, &my);
    return sa < 0 ? -c : c;
}

wf_object *wfo_int_richcompare(wf_object *a, wf_object *b, int op) {
    CHECK_BINOP(a, b);
    int c = int_cmp(a, b);
    int r;
    switch (op) {
    case WF_LT: r = c < 0; break;
    case WF_LE: r = c <= 0; break;
    case WF_EQ: r = c == 0; break;
    case WF_NE: r = c != 0; break;
    case WF_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return wf_newref(wf_bool_from(r));
}

wf_hash_t wf_int_hash_value(wf_object *o) {
    wf_int *v = (wf_int *)o;
    uint64_t x = 0;
    int sign;
    if (!v->ob_ndigits) {
        int64_t s = v->ob_small;
        sign = s < 0 ? -1 : 1;
        uint64_t m = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        x = m % HASH_MOD;
    } else {
        sign = v->ob_sign;
        for (int32_t i = v->ob_ndigits; i-- > 0;) {
            x = ((x << WFO_BIG_SHIFT) & HASH_MOD) | (x >> (HASH_BITS - WFO_BIG_SHIFT));
            x += v->ob_digit[i];
            if (x >= HASH_MOD) x -= HASH_MOD;
        }
    }
    wf_hash_t h = sign < 0 ? -(wf_hash_t)x : (wf_hash_t)x;
    return h == -1 ? -2 : h;
}

static wf_object *int_repr(wf_object *o) {
    wf_int *v = (wf_int *)o;
    if (!v->ob_ndigits) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)v->ob_small);
        return wf_str_from_utf8(buf, n);
    }
    /* A value of n 30-bit digits has more than 9 * (n - 1) decimal digits
     * (2^30 > 10^9): refuse hopeless conversions before doing the work. */
    int limit = wfo_int_get_max_str_digits();
    if (limit > 0 && (size_t)(v->ob_ndigits - 1) * 9 > (size_t)limit) return int_to_str_limit_error();
    wfo_bigmag m = {v->ob_digit, (size_t)v->ob_ndigits, (size_t)v->ob_ndigits};
    size_t len;
    char *s = wfo_bigmag_to_decimal(&m, &len);
    if (!s) return wf_err_no_memory();
    if (limit > 0 && len > (size_t)limit) {
        free(s);
        return int_to_str_limit_error();
    }
    wf_object *r;
    if (v->ob_sign < 0) {
        char *t = malloc(len + 2);
        if (!t) { free(s); return wf_err_no_memory(); }
        t[0] = '-';
        memcpy(t + 1, s, len + 1);
        r = wf_str_from_utf8(t, (wf_ssize_t)len + 1);
        free(t);
    } else {
        r = wf_str_from_utf8(s, (wf_ssize_t)len);
    }
    free(s);
    return r;
}

wf_object *wf_int_to_str(wf_object *o, int base) {
    if (base == 10) return int_repr(o);
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    int shift = base == 2 ? 1 : base == 8 ? 3 : 4;
    size_t bits = wf_int_bit_length(o);
    num x;
    if (num_from(o, &x) < 0) return wf_err_no_memory();
    size_t nd = bits ? (bits + (size_t)shift - 1) / (size_t)shift : 1;
    char *buf = malloc(nd + 4);
    if (!buf) { num_free(&x); return wf_err_no_memory(); }
    size_t p = 0;
    if (x.sign < 0) buf[p++] = '-';
    buf[p++] = prefix[0];
    buf[p++] = prefix[1];
    for (size_t i = nd; i-- > 0;) {
        int d = 0;
        for (int k = shift - 1; k >= 0; k--) d = (d << 1) | mag_bit(&x.m, i * (size_t)shift + (size_t)k);
        buf[p++] = "0123456789abcdef"[d];
    }
    num_free(&x);
    wf_object *r = wf_str_from_utf8(buf, (wf_ssize_t)p);
    free(buf);
    return r;
}

/* "invalid literal for int() with base B: R", R being repr(x) cut to
 * 200 characters as CPython's %.200R does.  Returns NULL. */
static wf_object *invalid_literal(int base, wf_object *x) {
    wf_object *r = wf_object_repr(x);
    if (r && wf_str_len(r) > 200) {
        wf_object *cut = wf_str_substring(r, 0, 200);
        wf_decref(r);
        r = cut;
    }
    if (!r) return NULL;
    wf_err_format(&wf_exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    wf_decref(r);
    return NULL;
}

wf_object *wf_int_from_string(const char *s, wf_ssize_t len, int base) {
    const char *orig = s;
    wf_ssize_t olen = len;
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')) { s++; len--; }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r' ||
                       s[len - 1] == '\f' || s[len - 1] == '\v'))
        len--;
    int sign = 1;
    if (len > 0 && (*s == '+' || *s == '-')) { sign = *s == '-' ? -1 : 1; s++; len--; }
    int b = base;
    if (len >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { b = pb; s += 2; len -= 2; if (len > 0 && *s == '_') { s++; len--; } }
    }
    if (b == 0) {
        b = 10;
        /* base 0: no leading zeros on non-zero decimals */
        int nonzero = 0;
        for (wf_ssize_t i = 0; i < len; i++) if (s[i] != '0' && s[i] != '_') nonzero = 1;
        if (len > 1 && s[0] == '0' && nonzero) goto bad;
    }
    if (len == 0 || s[0] == '_' || s[len - 1] == '_') goto bad;
    for (wf_ssize_t i = 1; i < len; i++) if (s[i] == '_' && s[i - 1] == '_') goto bad;
    wfo_bigmag m;
    wfo_bigmag_init(&m);
    int rc;
    if (b == 2 || b == 8 || b == 10 || b == 16) {
        rc = wfo_bigmag_from_string(&m, s, (size_t)len, b);
    } else {
        rc = 0;
        for (wf_ssize_t i = 0; i < len && rc == 0; i++) {
            char c = s[i];
            if (c == '_') continue;
            int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
            if (d >= b) rc = -1;
            else rc = wfo_bigmag_mul_add(&m, (uint32_t)b, (uint32_t)d) < 0 ? -2 : 0;
        }
    }
    if (rc == -2) { wfo_bigmag_free(&m); return wf_err_no_memory(); }
    if (rc < 0) { wfo_bigmag_free(&m); goto bad; }
    wf_object *r = wfo_int_from_bigmag_sign(&m, m.n ? sign : 0);
    wfo_bigmag_free(&m);
    return r;
bad:;
    wf_object *lit = wf_str_from_utf8(orig, olen);
    if (!lit) return NULL;
    invalid_literal(base, lit);
    wf_decref(lit);
    return NULL;
}

wf_object *wf_int_from_double(double v) {
    if (isnan(v)) return wf_err_format(&wf_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(v)) return wf_err_format(&wf_exc_OverflowError, "cannot convert float infinity to integer");
    double t = trunc(v);
    if (t >= -9223372036854775808.0 && t < 9223372036854775808.0) return wf_int_from_i64((int64_t)t);
    int e;
    double frac = frexp(fabs(t), &e); /* t = frac * 2^e, frac in [0.5, 1) */
    uint64_t mant = (uint64_t)ldexp(frac, 53);
    num n;
    wfo_bigmag_init(&n.m);
    n.sign = t < 0 ? -1 : 1;
    wfo_bigmag tmp;
    wfo_bigmag_init(&tmp);
    if (wfo_bigmag_set_u64(&tmp, mant) < 0 || mag_shl(&n.m, &tmp, (size_t)(e - 53)) < 0) {
        wfo_bigmag_free(&tmp);
        num_free(&n);
        return wf_err_no_memory();
    }
    wfo_bigmag_free(&tmp);
    return num_to_int(&n);
}

static wf_hash_t int_hash(wf_object *o) { return wf_int_hash_value(o); }

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

/* The str -> int digit limit, checked before converting as CPython does:
 * past white space, sign and (base 0) prefix, the run of digits of the
 * base and single '_' separators is counted; leading zeros count, and
 * text after the run does not matter.  A run that is itself malformed
 * ('__', a '_' first or last) is left to the parser's "invalid literal"
 * error.  0, or -1 with ValueError set. */
static int check_str_digits(const char *s, wf_ssize_t len, int base) {
    int limit = wfo_int_get_max_str_digits();
    if (limit <= 0) return 0;
    wf_ssize_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
                       s[i] == '\v'))
        i++;
    if (i < len && (s[i] == '+' || s[i] == '-')) i++;
    if (base == 0) {
        if (len - i >= 2 && s[i] == '0') {
            char c = (char)(s[i + 1] | 0x20);
            if (c == 'x' || c == 'o' || c == 'b') return 0;
        }
        base = 10;
    }
    if ((base & (base - 1)) == 0) return 0; /* binary bases convert in linear time */
    wf_ssize_t digits = 0;
    int prev_us = 1; /* a '_' may not come first */
    for (; i < len; i++) {
        if (s[i] == '_') {
            if (prev_us) return 0;
            prev_us = 1;
        } else if (digit_value(s[i]) < base) {
            digits++;
            prev_us = 0;
        } else {
            break;
        }
    }
    if (prev_us || digits <= limit) return 0;
    wf_err_format(&wf_exc_ValueError,
                  "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
                  "use sys.set_int_max_str_digits() to increase the limit",
                  limit, digits);
    return -1;
}

/* int(text, base) for str (Unicode decimal digits and white space count as
 * their ASCII forms, as CPython) and bytes/bytearray; the ValueError shows
 * the original argument. */
wf_object *wfo_int_from_text(wf_object *x, int base) {
    wf_object *r;
    if (WF_STR_CHECK(x)) {
        if (((wf_str *)x)->ascii) {
            wf_ssize_t len;
            const char *u = wf_str_utf8(x, &len);
            if (!u || check_str_digits(u, len, base) < 0) return NULL;
            return wf_int_from_string(u, len, base);
        }
        wf_ssize_t n = wf_str_len(x);
        char *buf = malloc((size_t)n + 1);
        if (!buf) return wf_err_no_memory();
        for (wf_ssize_t i = 0; i < n; i++) {
            uint32_t c = wf_str_char(x, i);
            int d;
            if (c < 128) buf[i] = (char)c;
            else if (wfo_uni_is_space(c)) buf[i] = ' ';
            else if ((d = wfo_uni_decimal_value(c)) >= 0) buf[i] = (char)('0' + d);
            else buf[i] = '?';
        }
        buf[n] = 0;
        if (check_str_digits(buf, n, base) < 0) {
            free(buf);
            return NULL;
        }
        r = wf_int_from_string(buf, n, base);
        free(buf);
    } else {
        wf_object *snap = wfo_bytes_like(x);
        if (!snap) return NULL;
        if (check_str_digits(WF_BYTES_DATA(snap), WF_BYTES_SIZE(snap), base) < 0) {
            wf_decref(snap);
            return NULL;
        }
        r = wf_int_from_string(WF_BYTES_DATA(snap), WF_BYTES_SIZE(snap), base);
        wf_decref(snap);
    }
    if (!r && wf_err_matches((wf_object *)&wf_exc_ValueError)) {
        wf_err_clear();
        invalid_literal(base, x);
    }
    return r;
}

static int is_text_arg(wf_object *x) {
    return WF_STR_CHECK(x) || WF_BYTES_CHECK(x) || WF_BYTEARRAY_CHECK(x);
}

static wf_object *int_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    wf_object *x = n > 0 ? WF_TUPLE_ITEM(args, 0) : NULL, *base = n > 1 ? WF_TUPLE_ITEM(args, 1) : NULL;
    if (kwargs && wf_dict_size(kwargs)) {
        wf_ssize_t pos = 0;
        wf_object *k, *v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            if (!WF_STR_CHECK(k) || !wf_str_eq_cstr(k, "base"))
                return wf_err_format(&wf_exc_TypeError, "%R is an invalid keyword argument for int()", k);
            if (n > 1)
                return wf_err_format(&wf_exc_TypeError,
                                     "argument for int() given by name ('base') and position (2)");
            base = v; /* borrowed: kwargs keeps it alive */
        }
    }
    if (n > 2) return wf_err_format(&wf_exc_TypeError, "int() takes at most 2 arguments (%zd given)", n);
    wf_object *r;
    if (!x) {
        if (base) return wf_err_format(&wf_exc_TypeError, "int() missing string argument");
        r = wf_int_from_i64(0);
    } else if (base) {
        if (!WF_INT_CHECK(base))
            return wf_err_format(&wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                 wf_type_name(WF_TYPE(base)));
        int of;
        int64_t b = wf_int_as_i64_overflow(base, &of);
        if (of || (b != 0 && (b < 2 || b > 36)))
            return wf_err_format(&wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!is_text_arg(x))
            return wf_err_format(&wf_exc_TypeError, "int() can't convert non-string with explicit base");
        r = wfo_int_from_text(x, (int)b);
    } else if (is_text_arg(x)) {
        r = wfo_int_from_text(x, 10);
    } else {
        wf_number_methods *nb = WF_TYPE(x)->tp_as_number;
        int found = 0;
        if (!(nb && (nb->nb_int || nb->nb_index))) {
            /* int() falls back on __trunc__ (deprecated, still in 3.11),
             * looked up on the type and held while called. */
            r = wfo_call_special(x, wf_str_intern_cstr("__trunc__"), NULL, 0, &found);
        }
        if (found) {
            if (r && WF_INT_CHECK(r) && !WF_INT_CHECK_EXACT(r)) {
                /* an int subclass (bool): its plain value, as CPython */
                wf_object *t = int_pos(r);
                wf_decref(r);
                r = t;
            } else if (r && !WF_INT_CHECK(r)) {
                wf_object *t = wf_index_check(r) ? wf_number_index(r) : NULL;
                if (!t && !wf_err_occurred())
                    wf_err_format(&wf_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                                  wf_type_name(WF_TYPE(r)));
                wf_decref(r);
                r = t;
            }
        } else {
            r = wf_number_long(x);
        }
    }
    if (!r || type == &wf_int_type) return r;
    /* subclass: copy the value into an instance of type */
    wf_int *src = (wf_int *)r;
    wf_int *dst = int_alloc(type, src->ob_ndigits);
    if (dst) {
        dst->ob_small = src->ob_small;
        dst->ob_ndigits = src->ob_ndigits;
        dst->ob_sign = src->ob_sign;
        memcpy(dst->ob_digit, src->ob_digit, (size_t)src->ob_ndigits * sizeof(uint32_t));
    }
    wf_decref(r);
    return (wf_object *)dst;
}

static size_t int_varsize(wf_object *o) {
    return sizeof(wf_int) + (size_t)((wf_int *)o)->ob_ndigits * sizeof(uint32_t);
}

static wf_object *int_bit_length_m(wf_object *self, wf_object *u) { return wf_int_from_u64(wf_int_bit_length(self)); }
static wf_object *int_conjugate(wf_object *self, wf_object *u) { return int_pos(self); }
static wf_object *int_get_real(wf_object *self, void *c) { return int_pos(self); }
static wf_object *int_get_imag(wf_object *self, void *c) { return wf_int_from_i64(0); }
static wf_object *int_get_one(wf_object *self, void *c) { return wf_int_from_i64(1); }
static wf_object *int_bit_count(wf_object *self, wf_object *u) {
    num x;
    if (num_from(self, &x) < 0) return wf_err_no_memory();
    uint64_t c = 0;
    for (size_t i = 0; i < x.m.n; i++) c += (uint64_t)__builtin_popcount(x.m.d[i]);
    num_free(&x);
    return wf_int_from_u64(c);
}
static wf_object *int_is_integer(wf_object *self, wf_object *u) { return wf_newref(wf_True); }
static wf_object *int_getnewargs(wf_object *self, wf_object *u) {
    wf_object *v = int_pos(self);
    if (!v) return NULL;
    wf_object *t = wf_tuple_pack(1, v);
    wf_decref(v);
    return t;
}
static wf_method_def int_methods[] = {
    {"bit_length", int_bit_length_m, WF_METH_NOARGS, NULL},
    {"bit_count", int_bit_count, WF_METH_NOARGS, NULL},
    {"conjugate", int_conjugate, WF_METH_NOARGS, NULL},
    {"is_integer", int_is_integer, WF_METH_NOARGS, NULL},
    {"__getnewargs__", int_getnewargs, WF_METH_NOARGS, NULL},
    {"__format__", wfo_int_format, WF_METH_O, NULL}, /* format.c */
    {NULL, NULL, 0, NULL},
};
static wf_getset_def int_getset[] = {
    {"real", int_get_real, NULL, NULL, NULL},
    {"imag", int_get_imag, NULL, NULL, NULL},
    {"numerator", int_get_real, NULL, NULL, NULL},
    {"denominator", int_get_one, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static wf_number_methods int_as_number = {
    .nb_add = int_add,
    .nb_subtract = int_sub,
    .nb_multiply = int_mul,
    .nb_remainder = int_mod,
    .nb_divmod = int_divmod,
    .nb_power = int_pow,
    .nb_negative = int_neg,
    .nb_positive = int_pos,
    .nb_absolute = int_abs,
    .nb_bool = int_bool,
    .nb_invert = int_invert,
    .nb_lshift = int_lshift,
    .nb_rshift = int_rshift,
    .nb_and = int_and,
    .nb_xor = int_xor,
    .nb_or = int_or,
    .nb_int = int_int,
    .nb_float = int_float,
    .nb_floor_divide = int_floordiv,
    .nb_true_divide = int_truediv,
    .nb_index = int_int,
};

static void int_dealloc(wf_object *o) { wfo_free_instance(o); }

wf_type wf_int_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "int",
    .tp_basicsize = sizeof(wf_int),
    .tp_itemsize = sizeof(uint32_t),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_LONG_SUBCLASS | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_hash = int_hash,
    .tp_richcompare = wfo_int_richcompare,
    .tp_as_number = &int_as_number,
    .tp_new = int_new,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_varsize = int_varsize,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};
