/*
 * runtime/compiler/arena.c — bump allocation in a chain of blocks.
 *
 * Invariant: `cur` is the newest block; [cur->used, cur->size) of it is
 * free.  Requests larger than a quarter of the default block get a block
 * of their own, so a big request never wastes a mostly empty block.
 */
#include "runtime/compiler/arena.h"

#include <stdlib.h>
#include <string.h>

enum { WFC_ARENA_BLOCK = 64 * 1024, WFC_ARENA_ALIGN = 16 };

typedef struct wfc_arena_block {
    struct wfc_arena_block *prev; /* older block */
    size_t size, used;            /* payload bytes, bytes handed out */
    _Alignas(16) unsigned char data[];
} wfc_arena_block;

struct wfc_arena {
    wfc_arena_block *cur; /* newest block, NULL before the first alloc */
    size_t total;         /* bytes handed out */
};

wfc_arena *wfc_arena_new(void) { return calloc(1, sizeof(wfc_arena)); }

void wfc_arena_free(wfc_arena *a) {
    if (!a) return;
    wfc_arena_block *b = a->cur;
    while (b) {
        wfc_arena_block *p = b->prev;
        free(b);
        b = p;
    }
    free(a);
}

static wfc_arena_block *block_new(size_t size) {
    wfc_arena_block *b = malloc(sizeof(wfc_arena_block) + size);
    if (!b) return NULL;
    b->size = size;
    b->used = 0;
    b->prev = NULL;
    return b;
}

void *wfc_arena_alloc(wfc_arena *a, size_t n) {
    n = (n + WFC_ARENA_ALIGN - 1) & ~(size_t)(WFC_ARENA_ALIGN - 1);
    if (n == 0) n = WFC_ARENA_ALIGN;
    wfc_arena_block *b = a->cur;
    if (!b || b->size - b->used < n) {
        if (n > WFC_ARENA_BLOCK / 4) {
            /* A block of its own, linked behind the current one. */
            wfc_arena_block *big = block_new(n);
            if (!big) return NULL;
            big->used = n;
            if (b) {
                big->prev = b->prev;
                b->prev = big;
            } else {
                a->cur = big;
            }
            a->total += n;
            memset(big->data, 0, n);
            return big->data;
        }
        wfc_arena_block *nb = block_new(WFC_ARENA_BLOCK);
        if (!nb) return NULL;
        nb->prev = b;
        a->cur = b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

char *wfc_arena_strndup(wfc_arena *a, const char *s, size_t n) {
    char *d = wfc_arena_alloc(a, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

size_t wfc_arena_used(const wfc_arena *a) { return a->total; }
