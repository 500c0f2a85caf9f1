/*
 * tests/unit/wtest.h — helpers shared by the Check suites.
 *
 * Every test runs in its own forked process (Check's default): the checked
 * fixture wtest_setup/wtest_teardown brings the runtime up with the test
 * process's main thread registered and attached, and tears it down again,
 * so ASan's leak check at the child's exit covers each test separately.
 */
#ifndef WEFT_TESTS_WTEST_H
#define WEFT_TESTS_WTEST_H

#include <check.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>

#include "runtime/memory/memory.h"
#include "threads/thread.h"
#include "weft/type.h"
#include "weft/weft.h"

void wtest_setup(void);
void wtest_teardown(void);

/* Run fn(index, arg) on n new threads.  Each thread registers, waits
 * (detached) until all n are registered, attaches, runs fn, and exits the
 * runtime.  The calling thread stays detached while it waits for them. */
typedef void (*wtest_thread_fn)(int index, void *arg);
void wtest_run_threads(int n, wtest_thread_fn fn, void *arg);

/* Same, but the new threads are not joined: wtest_join_threads waits. */
typedef struct wtest_group wtest_group;
wtest_group *wtest_start_threads(int n, wtest_thread_fn fn, void *arg);
void wtest_join_threads(wtest_group *g);

/* A type whose instances count their deallocations. */
extern wf_type wtest_counted_type;
extern _Atomic long wtest_dealloc_count;
wf_object *wtest_new_counted(void);

/* Scale iteration counts down under sanitizers (they run ~10x slower). */
long wtest_scale(long n);

/* Sleep without holding the runtime: detaches around nanosleep. */
void wtest_sleep_ms(int ms);

/* Wait, detached, until cond holds; the test fails after 20 seconds. */
#define WTEST_WAIT_FOR(cond) WTEST_POLL_FOR(cond, wtest_sleep_ms(1))

/* Busy-wait, attached (sections and locks stay held), until cond holds;
 * the test fails after 20 seconds. */
#define WTEST_SPIN_FOR(cond) WTEST_POLL_FOR(cond, sched_yield())

#define WTEST_POLL_FOR(cond, pause)                                                \
    do {                                                                           \
        int64_t wf_deadline_ = wft_monotonic_ns() + 20LL * 1000000000;             \
        while (!(cond)) {                                                          \
            ck_assert_msg(wft_monotonic_ns() < wf_deadline_, "timed out: " #cond); \
            pause;                                                                 \
        }                                                                          \
    } while (0)

/* Run fn(arg) on a new thread that is not registered with the runtime and
 * join it; the calling thread stays detached meanwhile. */
void wtest_run_unregistered(void *(*fn)(void *), void *arg);

/* A test case named name, added to s, with the wtest_setup/wtest_teardown
 * fixture and, when timeout_s > 0, that timeout in seconds. */
TCase *wtest_add_tcase(Suite *s, const char *name, double timeout_s);

/* Run the suite; returns the process exit status. */
int wtest_run_suite(Suite *s);

#endif
