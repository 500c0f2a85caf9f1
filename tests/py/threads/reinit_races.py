# Objects whose state a thread replaces (BaseException.__init__ run again,
# OSError/UnicodeError/ImportError fields, functools.partial.__setstate__)
# while other threads format, read or call them: readers see old or new
# values, never freed ones.
import functools
import threading

exc = ValueError("first", 1)
oserr = OSError(2, "No such file", "a.txt")
uerr = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "bad")
ierr = ImportError("msg", name="mod")
part = functools.partial(max, 1)
done = threading.Event()
bad = []


def reader():
    while not done.is_set():
        try:
            s = str(exc) + repr(exc)
            a = exc.args
            if not isinstance(a, tuple):
                bad.append(("args", a))
            str(oserr), repr(oserr), str(uerr), str(ierr), ierr.msg
            r = part(5)
            if r not in (5, 1, 0, 2):
                bad.append(("partial", r))
            repr(part), part.args, part.func
        except Exception as e:  # no exception is expected at all
            bad.append(type(e).__name__)


def writer():
    for i in range(3000):
        exc.__init__(str(i) * (i % 5), [i] * (i % 3))
        oserr.__init__(i % 50, "err %d" % i, "f%d" % i)
        uerr.__init__("latin-1", bytes([i % 256]) * 3, 0, 2, "reason %d" % i)
        ierr.__init__("m%d" % i, name="n%d" % i)
        k = i % 3
        part.__setstate__((min if k else max, (k,), {"key": None} if k == 2 else None, None))
    done.set()


threads = [threading.Thread(target=reader) for _ in range(3)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bad)
print(exc.args, str(oserr), str(uerr), str(ierr), part(9, 10), part.args)
print(repr(functools.partial(part, 3)), part.__reduce__()[2][1:3])
