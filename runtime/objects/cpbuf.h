/*
 * runtime/objects/cpbuf.h — a growable buffer of code points, for building
 * str results (format.c, strmethods.c).  Private to the building thread;
 * wfo_cpbuf_finish turns it into a str and frees it.
 */
#ifndef WEFT_OBJECTS_CPBUF_H
#define WEFT_OBJECTS_CPBUF_H

#include <stdlib.h>

#include "weft/objects.h"

typedef struct wfo_cpbuf {
    uint32_t *p;
    wf_ssize_t n, cap;
} wfo_cpbuf;

/* Room for extra more code points: 0, or -1 with MemoryError. */
static inline int wfo_cpbuf_reserve(wfo_cpbuf *b, wf_ssize_t extra) {
    if (b->n + extra <= b->cap) return 0;
    wf_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + extra) cap *= 2;
    uint32_t *np = realloc(b->p, (size_t)cap * sizeof(uint32_t));
    if (!np) {
        wf_err_no_memory();
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}
static inline int wfo_cpbuf_put(wfo_cpbuf *b, uint32_t c) {
    if (wfo_cpbuf_reserve(b, 1) < 0) return -1;
    b->p[b->n++] = c;
    return 0;
}
/* k copies of c. */
static inline int wfo_cpbuf_fill(wfo_cpbuf *b, uint32_t c, wf_ssize_t k) {
    if (k <= 0) return 0;
    if (wfo_cpbuf_reserve(b, k) < 0) return -1;
    for (wf_ssize_t i = 0; i < k; i++) b->p[b->n++] = c;
    return 0;
}
/* k code points of s from start. */
static inline int wfo_cpbuf_str(wfo_cpbuf *b, wf_object *s, wf_ssize_t start, wf_ssize_t k) {
    if (k <= 0) return 0;
    if (wfo_cpbuf_reserve(b, k) < 0) return -1;
    for (wf_ssize_t i = 0; i < k; i++) b->p[b->n++] = wf_str_char(s, start + i);
    return 0;
}
/* The str of the buffer's contents; the buffer is freed either way. */
static inline wf_object *wfo_cpbuf_finish(wfo_cpbuf *b) {
    static const uint32_t none[1] = {0};
    wf_object *r = wf_str_from_ucs4(b->p ? b->p : none, b->n);
    free(b->p);
    b->p = NULL;
    return r;
}

#endif /* WEFT_OBJECTS_CPBUF_H */
