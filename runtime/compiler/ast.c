/*
 * runtime/compiler/ast.c — arena-allocated sequences for the AST.
 *
 * The node structs and their field descriptors are generated
 * (ast_nodes.h/.c); this file holds the few hand-written helpers.
 */
#include "runtime/compiler/ast.h"

wfc_seq *wfc_seq_new(wfc_arena *a, int len) {
    wfc_seq *s = wfc_arena_alloc(a, sizeof(wfc_seq) + (size_t)len * sizeof(void *));
    if (s) s->len = len;
    return s;
}

wfc_int_seq *wfc_int_seq_new(wfc_arena *a, int len) {
    wfc_int_seq *s = wfc_arena_alloc(a, sizeof(wfc_int_seq) + (size_t)len * sizeof(int));
    if (s) s->len = len;
    return s;
}
