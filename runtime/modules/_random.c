/*
 * runtime/modules/_random.c — the _random module: the Random type, a
 * Mersenne Twister (MT19937) generator seeded exactly as CPython's
 * _random.Random, so that random.py built on it reproduces CPython's
 * sequences (random.seed(42); random.random() == 0.6394267984578837).
 *
 * Seeding: an int seed n is split into the 32-bit words of abs(n), least
 * significant first ([0] for zero), and fed to init_by_array; None seeds
 * from the OS entropy source (time and pid as a fallback); any other
 * object is seeded by abs(hash(obj)).
 *
 * Thread-safety: the generator state (state[], index) of one Random
 * object is read and written only inside that object's critical section,
 * so concurrent calls on a shared generator each consume distinct outputs
 * and never tear the state.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "runtime/modules/modules.h"
#include "runtime/objects/bigint.h"
#include "runtime/objects/objimpl.h"

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    wf_object ob_base;
    int index;             /* under the object's critical section */
    uint32_t state[MT_N];  /* under the object's critical section */
} random_obj;

static wf_type random_type;

static uint32_t genrand_uint32(random_obj *self) {
    uint32_t y;
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t *mt = self->state;
    if (self->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(random_obj *self, uint32_t s) {
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = (1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i);
    self->index = MT_N;
}

static void init_by_array(random_obj *self, const uint32_t *key, size_t keylen) {
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > keylen ? MT_N : keylen;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= keylen) j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

/* The 32-bit words of abs(n) (n an int), least significant first, in a
 * wfm_malloc'd array; *count words (at least 1). */
static uint32_t *int_words(wf_object *n, size_t *count) {
    wf_int *v = (wf_int *)n;
    if (v->ob_ndigits == 0) {
        uint64_t u = v->ob_small < 0 ? (uint64_t)0 - (uint64_t)v->ob_small : (uint64_t)v->ob_small;
        uint32_t *w = wfm_malloc(2 * sizeof(uint32_t));
        if (!w) return (uint32_t *)wf_err_no_memory();
        w[0] = (uint32_t)u;
        w[1] = (uint32_t)(u >> 32);
        *count = w[1] ? 2 : 1;
        return w;
    }
    size_t bits = (size_t)v->ob_ndigits * WFO_BIG_SHIFT;
    size_t nw = (bits + 31) / 32;
    uint32_t *w = wfm_malloc(nw * sizeof(uint32_t));
    if (!w) return (uint32_t *)wf_err_no_memory();
    memset(w, 0, nw * sizeof(uint32_t));
    for (int32_t d = 0; d < v->ob_ndigits; d++) {
        uint64_t digit = v->ob_digit[d];
        size_t bit = (size_t)d * WFO_BIG_SHIFT;
        size_t wi = bit / 32, off = bit % 32;
        uint64_t sh = digit << off;
        w[wi] |= (uint32_t)sh;
        if (wi + 1 < nw) w[wi + 1] |= (uint32_t)(sh >> 32);
    }
    while (nw > 1 && w[nw - 1] == 0) nw--;
    *count = nw;
    return w;
}

/* A non-negative int from 32-bit words, least significant first. */
static wf_object *int_from_words(const uint32_t *w, size_t nw) {
    if (nw <= 2) {
        uint64_t u = w[0];
        if (nw == 2) u |= (uint64_t)w[1] << 32;
        return wf_int_from_u64(u);
    }
    size_t ndig = (nw * 32 + WFO_BIG_SHIFT - 1) / WFO_BIG_SHIFT;
    uint32_t *d = wfm_malloc(ndig * sizeof(uint32_t));
    if (!d) return wf_err_no_memory();
    for (size_t i = 0; i < ndig; i++) {
        size_t bit = i * WFO_BIG_SHIFT;
        size_t wi = bit / 32, off = bit % 32;
        uint64_t chunk = w[wi] >> off;
        if (wi + 1 < nw) chunk |= (uint64_t)w[wi + 1] << (32 - off);
        d[i] = (uint32_t)chunk & WFO_BIG_MASK;
    }
    while (ndig > 0 && d[ndig - 1] == 0) ndig--;
    wfo_bigmag m = {d, ndig, ndig};
    wf_object *r = wfo_int_from_bigmag_sign(&m, ndig ? 1 : 0);
    wfm_free(d);
    return r;
}

static int seed_from_os(random_obj *self) {
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof(key)) {
        ssize_t r = getrandom((char *)key + got, sizeof(key) - got, 0);
        if (r <= 0) break;
        got += (size_t)r;
    }
    if (got < sizeof(key)) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t k[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                         (uint32_t)ts.tv_nsec, (uint32_t)getpid(), (uint32_t)(uintptr_t)self};
        WF_BEGIN_CRITICAL_SECTION(self);
        init_by_array(self, k, 5);
        WF_END_CRITICAL_SECTION();
        return 0;
    }
    WF_BEGIN_CRITICAL_SECTION(self);
    init_by_array(self, key, MT_N);
    WF_END_CRITICAL_SECTION();
    return 0;
}

static int do_seed(random_obj *self, wf_object *arg) {
    if (!arg || arg == wf_None) return seed_from_os(self);
    wf_object *n;
    if (WF_INT_CHECK(arg)) {
        n = wf_newref(arg);
    } else {
        wf_hash_t h = wf_object_hash(arg);
        if (h == -1 && wf_err_occurred()) return -1;
        uint64_t u = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;
        n = wf_int_from_u64(u);
        if (!n) return -1;
    }
    size_t nw = 0;
    uint32_t *w = int_words(n, &nw);
    wf_decref(n);
    if (!w) return -1;
    WF_BEGIN_CRITICAL_SECTION(self);
    init_by_array(self, w, nw);
    WF_END_CRITICAL_SECTION();
    wfm_free(w);
    return 0;
}

static wf_object *r_seed(wf_object *self, wf_object *const *args, wf_ssize_t nargs) {
    if (wf_check_nargs("seed", nargs, 0, 1) < 0) return NULL;
    if (do_seed((random_obj *)self, nargs ? args[0] : NULL) < 0) return NULL;
    WF_RETURN_NONE;
}

static wf_object *r_random(wf_object *o, wf_object *unused) {
    (void)unused;
    random_obj *self = (random_obj *)o;
    uint32_t a, b;
    WF_BEGIN_CRITICAL_SECTION(o);
    a = genrand_uint32(self) >> 5;
    b = genrand_uint32(self) >> 6;
    WF_END_CRITICAL_SECTION();
    return wf_float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static wf_object *r_getrandbits(wf_object *o, wf_object *arg) {
    random_obj *self = (random_obj *)o;
    wf_ssize_t k = wf_number_as_ssize_t(arg, &wf_exc_OverflowError);
    if (k == -1 && wf_err_occurred()) return NULL;
    if (k < 0) {
        wf_err_set_string(&wf_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0) return wf_int_from_i64(0);
    if (k <= 32) {
        uint32_t r;
        WF_BEGIN_CRITICAL_SECTION(o);
        r = genrand_uint32(self);
        WF_END_CRITICAL_SECTION();
        return wf_int_from_u64(r >> (32 - k));
    }
    size_t nw = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = wfm_malloc(nw * sizeof(uint32_t));
    if (!w) return wf_err_no_memory();
    WF_BEGIN_CRITICAL_SECTION(o);
    wf_ssize_t left = k;
    for (size_t i = 0; i < nw; i++, left -= 32) {
        uint32_t r = genrand_uint32(self);
        if (left < 32) r >>= (32 - left);
        w[i] = r;
    }
    WF_END_CRITICAL_SECTION();
    size_t used = nw;
    while (used > 1 && w[used - 1] == 0) used--;
    wf_object *r = int_from_words(w, used);
    wfm_free(w);
    return r;
}

static wf_object *r_getstate(wf_object *o, wf_object *unused) {
    (void)unused;
    random_obj *self = (random_obj *)o;
    uint32_t copy[MT_N];
    int index;
    WF_BEGIN_CRITICAL_SECTION(o);
    memcpy(copy, self->state, sizeof(copy));
    index = self->index;
    WF_END_CRITICAL_SECTION();
    wf_object *t = wf_tuple_new(MT_N + 1);
    if (!t) return NULL;
    for (int i = 0; i < MT_N; i++) {
        wf_object *v = wf_int_from_u64(copy[i]);
        if (!v) {
            wf_decref(t);
            return NULL;
        }
        WF_TUPLE_ITEM(t, i) = v;
    }
    wf_object *v = wf_int_from_i64(index);
    if (!v) {
        wf_decref(t);
        return NULL;
    }
    WF_TUPLE_ITEM(t, MT_N) = v;
    return t;
}

static wf_object *r_setstate(wf_object *o, wf_object *state) {
    random_obj *self = (random_obj *)o;
    if (!WF_TUPLE_CHECK(state)) {
        wf_err_set_string(&wf_exc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (WF_TUPLE_SIZE(state) != MT_N + 1) {
        wf_err_set_string(&wf_exc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t copy[MT_N];
    for (int i = 0; i < MT_N; i++) {
        wf_object *item = WF_TUPLE_ITEM(state, i);
        if (!WF_INT_CHECK(item)) {
            wf_err_format(&wf_exc_TypeError, "an integer is required (got type %s)",
                          wf_type_name(WF_TYPE(item)));
            return NULL;
        }
        int ovf;
        int64_t v = wf_int_as_i64_overflow(item, &ovf);
        if (ovf || v < 0 || v > (int64_t)UINT32_MAX) {
            if (ovf || v < 0)
                wf_err_set_string(&wf_exc_OverflowError,
                                  ovf > 0 ? "Python int too large to convert to C unsigned long"
                                          : "can't convert negative value to unsigned int");
            else
                wf_err_set_string(&wf_exc_OverflowError,
                                  "Python int too large to convert to C unsigned long");
            return NULL;
        }
        copy[i] = (uint32_t)v;
    }
    wf_object *idx = WF_TUPLE_ITEM(state, MT_N);
    if (!WF_INT_CHECK(idx)) {
        wf_err_format(&wf_exc_TypeError, "an integer is required (got type %s)",
                      wf_type_name(WF_TYPE(idx)));
        return NULL;
    }
    int ovf;
    int64_t index = wf_int_as_i64_overflow(idx, &ovf);
    if (ovf || index < 0 || index > MT_N) {
        wf_err_set_string(&wf_exc_ValueError, "invalid state");
        return NULL;
    }
    WF_BEGIN_CRITICAL_SECTION(o);
    memcpy(self->state, copy, sizeof(copy));
    self->index = (int)index;
    WF_END_CRITICAL_SECTION();
    WF_RETURN_NONE;
}

static wf_object *random_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)args;
    (void)kwargs;
    random_obj *self = (random_obj *)wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    self->index = MT_N + 1; /* unseeded until __init__ */
    init_genrand(self, 19650218U);
    return (wf_object *)self;
}

static int random_init(wf_object *self, wf_object *args, wf_object *kwargs) {
    if (WF_TYPE(self) == &random_type && kwargs && wf_dict_size(kwargs) > 0) {
        wf_err_set_string(&wf_exc_TypeError, "Random() takes no keyword arguments");
        return -1;
    }
    wf_ssize_t n = WF_TUPLE_SIZE(args);
    if (n > 1) {
        wf_err_set_string(&wf_exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return do_seed((random_obj *)self, n ? WF_TUPLE_ITEM(args, 0) : NULL);
}

static void random_dealloc(wf_object *o) { wfo_free_instance(o); }

static wf_method_def random_methods[] = {
    {"random", r_random, WF_METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", r_seed, WF_METH_FASTCALL, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", r_getstate, WF_METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", r_setstate, WF_METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", r_getrandbits, WF_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static wf_type random_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(random_obj),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = random_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_new = random_new,
    .tp_init = random_init,
    .tp_methods = random_methods,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
};

WF_MODULE_INIT(_random) {
    if (wf_type_ready(&random_type) < 0) return NULL;
    wf_object *m = wf_module_new("_random");
    if (!m) return NULL;
    if (wf_module_add_object(m, "Random", (wf_object *)&random_type) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}
