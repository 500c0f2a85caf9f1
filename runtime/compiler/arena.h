/*
 * runtime/compiler/arena.h — a bump allocator for one compilation.
 *
 * Every AST node, sequence, identifier and constant of one parse lives in
 * one arena and is freed at once by wfc_arena_free; nothing in the arena is
 * freed individually.  Allocations are 16-byte aligned and zero-filled.
 * An arena is used by one thread at a time.
 */
#ifndef WEFT_COMPILER_ARENA_H
#define WEFT_COMPILER_ARENA_H

#include <stddef.h>

typedef struct wfc_arena wfc_arena;

wfc_arena *wfc_arena_new(void);
void wfc_arena_free(wfc_arena *a);
/* Zero-filled memory, or NULL when out of memory. */
void *wfc_arena_alloc(wfc_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *wfc_arena_strndup(wfc_arena *a, const char *s, size_t n);
/* Bytes handed out so far (for statistics). */
size_t wfc_arena_used(const wfc_arena *a);

#endif /* WEFT_COMPILER_ARENA_H */
