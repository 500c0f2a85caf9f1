import errno
for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR, errno.EPIPE, errno.EAGAIN, errno.ECHILD, errno.ETIMEDOUT, errno.ECONNREFUSED, 9999):
    e = OSError(code, "msg")
    print(code, type(e).__name__, e.errno, str(e))
print(issubclass(IOError, OSError), IOError is OSError, EnvironmentError is OSError)
