# Resizing an exporter under typed views: CPython refuses (BufferError);
# weft allows it and a view then never touches memory past the exporter's
# current end (IndexError).  Either way the script prints the same lines.
from array import array

def shrink(f):
    try:
        f()
    except BufferError:
        pass

def use(v):
    for f in (lambda: v[-1], lambda: v.tolist(), lambda: v.tobytes(), lambda: v.hex(),
              lambda: v == v, lambda: bytes(v), lambda: v[::-1].tolist()):
        try:
            f()
        except (IndexError, NotImplementedError):
            pass
    try:
        v[-1] = 1
    except (IndexError, NotImplementedError):
        pass

ba = bytearray(range(64))
views = [memoryview(ba).cast('i'), memoryview(ba).cast('B', [4, 16]), memoryview(ba)[32:].cast('q')]
shrink(lambda: ba.clear())
for v in views:
    use(v)
shrink(lambda: ba.extend(bytes(1000)))
for v in views:
    use(v)
print(len(ba) in (64, 1000), [v.nbytes for v in views])

a = array('d', range(100))
views = [memoryview(a), memoryview(a)[90:], memoryview(a).cast('B').cast('i', [10, 20])]
shrink(lambda: a.__delitem__(slice(5, None)))
for v in views:
    use(v)
shrink(lambda: a.extend(range(10000)))
for v in views:
    use(v)
print(len(a) in (100, 10005), [v.nbytes for v in views], views[0][1])
