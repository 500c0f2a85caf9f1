/*
 * weft/config.h — the one place where the build flavour is decided.
 *
 * Every other file reads the flavour through the named macros below and
 * never through the raw CMake options, so a reader can find each
 * flavour-dependent choice by grepping for WF_FREE_THREADED / WF_GIL_BUILD.
 *
 *   WF_FREE_THREADED  1 in the default build: biased refcounts, 24-byte
 *                     header, per-object mutexes, critical sections.
 *   WF_GIL_BUILD      1 in the classic build (-DWEFT_GIL=ON): plain
 *                     refcount, 16-byte header, critical sections vanish.
 *   WF_USE_MIMALLOC   1 when buffers and slab backing come from per-thread
 *                     mimalloc heaps; 0 = system malloc (sanitizer builds).
 *   WF_SMR_EPOCH      1 when safe memory reclamation uses ck_epoch instead
 *                     of the native QSBR (a cross-check build).
 *   WF_TSAN / WF_ASAN detected sanitizers, for annotations.
 */
#ifndef WEFT_CONFIG_H
#define WEFT_CONFIG_H

#include "weft/buildconfig.h"

#if WF_CONFIG_GIL
#  define WF_GIL_BUILD 1
#  define WF_FREE_THREADED 0
#else
#  define WF_GIL_BUILD 0
#  define WF_FREE_THREADED 1
#endif

#define WF_USE_MIMALLOC WF_CONFIG_MIMALLOC
#define WF_SMR_EPOCH WF_CONFIG_SMR_EPOCH

#if defined(__has_feature)
#  if __has_feature(thread_sanitizer)
#    define WF_TSAN 1
#  endif
#  if __has_feature(address_sanitizer)
#    define WF_ASAN 1
#  endif
#endif
#if defined(__SANITIZE_THREAD__) && !defined(WF_TSAN)
#  define WF_TSAN 1
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(WF_ASAN)
#  define WF_ASAN 1
#endif
#ifndef WF_TSAN
#  define WF_TSAN 0
#endif
#ifndef WF_ASAN
#  define WF_ASAN 0
#endif

/* Statements that exist only in one flavour, without #if at the use site. */
#if WF_FREE_THREADED
#  define WF_FT_ONLY(...) __VA_ARGS__
#  define WF_GIL_ONLY(...)
#else
#  define WF_FT_ONLY(...)
#  define WF_GIL_ONLY(...) __VA_ARGS__
#endif

#define WF_CACHELINE 64
#define WF_LIKELY(x) __builtin_expect(!!(x), 1)
#define WF_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WF_INLINE static inline __attribute__((always_inline))
#define WF_NOINLINE __attribute__((noinline))

#endif /* WEFT_CONFIG_H */
