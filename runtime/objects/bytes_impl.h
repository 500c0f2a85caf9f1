/*
 * runtime/objects/bytes_impl.h — what bytes.c shares with bytearray.c:
 * the read-only methods both types expose (written once in bytes.c; each
 * works on a bytes snapshot of self and builds results of self's kind),
 * the constructor helper and the slot functions that do not mutate.
 * Internal to runtime/objects/.
 */
#ifndef WEFT_OBJECTS_BYTES_IMPL_H
#define WEFT_OBJECTS_BYTES_IMPL_H

#include "runtime/objects/containers.h"

/* The read-only methods: name, C function (FASTCALL|KEYWORDS). */
#define WFO_BYTES_COMMON_METHODS(X)                                                        \
    X(decode) X(hex) X(join) X(split) X(rsplit) X(strip) X(lstrip) X(rstrip) X(find)        \
    X(rfind) X(index) X(rindex) X(count) X(startswith) X(endswith) X(replace)
#define WFO_BYTES_DECLARE(n)                                                              \
    wf_object *wfo_bytes_m_##n(wf_object *self, wf_object *const *args, wf_ssize_t nargs, \
                               wf_object *kwnames);
WFO_BYTES_COMMON_METHODS(WFO_BYTES_DECLARE)
#undef WFO_BYTES_DECLARE
#define WFO_BYTES_METHOD_ENTRY(n) \
    {#n, wfo_bytes_m_##n, WF_METH_FASTCALL | WF_METH_KEYWORDS, NULL},

/* bytes.fromhex / bytearray.fromhex (classmethod, METH_O). */
wf_object *wfo_bytes_fromhex(wf_object *type, wf_object *arg);

/* A new bytes (ba == 0) or bytearray (ba != 0) holding a copy of p[0..n). */
wf_object *wfo_bytes_make(int ba, const void *p, wf_ssize_t n);
/* The contents of x for bytes(x)/bytearray(x) (encoding/errors may be
 * NULL), as a new bytes; tname is "bytes" or "bytearray" for messages. */
wf_object *wfo_bytes_from_object(wf_object *x, wf_object *encoding, wf_object *errors,
                                 const char *tname);
/* bytes or bytearray as a bytes (new reference); TypeError otherwise. */
wf_object *wfo_bytes_like(wf_object *o);

/* Slots shared by both types (self may be either). */
wf_object *wfo_bytes_concat(wf_object *a, wf_object *b);
wf_object *wfo_bytes_repeat(wf_object *a, wf_ssize_t n);
wf_object *wfo_bytes_richcompare(wf_object *a, wf_object *b, int op);
int wfo_bytes_contains(wf_object *self, wf_object *x);

#endif /* WEFT_OBJECTS_BYTES_IMPL_H */
