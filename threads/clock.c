/*
 * threads/clock.c — the monotonic clock every timeout in the runtime uses.
 */
#include <time.h>

#include "threads/thread.h"

int64_t wft_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
