/*
 * weft/weft.h — embedding API: start and stop the runtime, register the
 * threads that use it, describe the build.
 */
#ifndef WEFT_WEFT_H
#define WEFT_WEFT_H

#include <stdio.h>

#include "weft/config.h"
#include "weft/object.h"

/* Initialise the runtime and register + attach the calling thread. */
void wf_runtime_init(void);
/* Detach and unregister the calling thread and tear the runtime down.
 * Every other registered thread must have exited. */
void wf_runtime_fini(void);

/* Register + attach / detach + unregister the calling OS thread. */
void wf_thread_enter(void);
void wf_thread_exit(void);

/* Print "key: value" lines describing the build (weft --build-info). */
void wf_print_build_info(FILE *out);

#endif /* WEFT_WEFT_H */
