e = OSError(2, "No such file or directory", "missing.txt")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
print(OSError("just msg").errno, str(OSError(1, "x")), type(OSError(13, "denied")).__name__)
