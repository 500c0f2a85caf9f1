/*
 * runtime/modules/io.h — what the rest of the runtime needs from _io
 * (runtime/modules/_io.c, owned by "io").
 *
 * sys creates sys.stdin/stdout/stderr with wfio_std_stream; print and
 * friends write through wfio_write_str when the stream is one of ours.
 * Every function here may be called from any attached thread: the text
 * stream serialises its buffer with its own mutex, so concurrent writes
 * interleave as whole writes and never corrupt memory.
 */
#ifndef WEFT_MODULES_IO_H
#define WEFT_MODULES_IO_H

#include "weft/objects.h"

/* A text stream (an _io.TextIOWrapper over a buffered binary stream over
 * an _io.FileIO) on file descriptor fd, which it does not close (closefd
 * false).  mode is "r" or "w"; encoding UTF-8; errors "strict" for
 * stdin/stdout ("surrogateescape" as CPython on a UTF-8 locale for
 * stdin/stdout, "backslashreplace" for stderr).  line_buffered: 1 flushes
 * after every write containing "\n" (a tty stdout, stderr), 0 buffers in
 * blocks; -u (wfv_interp_state.unbuffered) should be passed by the caller
 * as write_through (line_buffered = 2: flush after every write).  The
 * name is "<stdin>", "<stdout>", "<stderr>" for fds 0/1/2, else the fd.
 * New reference, or NULL with an exception. */
wf_object *wfio_std_stream(int fd, const char *mode, int line_buffered);

/* Write str s to stream without a method call when stream is one of _io's
 * text streams (TextIOWrapper or StringIO): 0 on success, -1 with an
 * exception set (e.g. "ValueError: I/O operation on closed file."), or -2
 * (no exception) when stream is not ours — the caller then calls
 * stream.write(s) itself.  s must be a str. */
int wfio_write_str(wf_object *stream, wf_object *s);

/* Flush stream if it is one of ours (0 / -1 with exception / -2 not ours). */
int wfio_flush(wf_object *stream);

/* Flush sys.stdout and sys.stderr (ignoring errors: they are cleared);
 * called at exit and by input() before it reads. */
void wfio_flush_std(void);

/* Raise OSError(e, strerror(e)[, filename]) as the errno subclass
 * (FileNotFoundError, ...): "[Errno 2] No such file or directory: 'x'".
 * filename (borrowed) may be NULL.  Returns NULL. */
wf_object *wfio_err_errno(int e, wf_object *filename);

#endif /* WEFT_MODULES_IO_H */
