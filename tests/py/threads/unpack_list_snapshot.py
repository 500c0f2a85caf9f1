# UNPACK_SEQUENCE of a list another thread rewrites: every unpack sees one
# state of the list (both items from the same slice assignment), and a
# size change gives CPython's ValueError, never a crash or a torn pair.
import threading

shared = [0, 0]
stop = threading.Event()
errors = []


started = threading.Event()


def writer():
    k = 0
    started.set()
    while not stop.is_set():
        k += 1
        shared[:] = (k, k)
        if k % 7 == 0:
            shared.append(k)
            shared.pop()
        if k % 11 == 0:
            shared[:] = (k, k, k)
            shared[:] = (k, k)


def reader(results):
    mixed = 0
    ok = 0
    size_errors = set()
    started.wait()
    for _ in range(100000):
        try:
            a, b = shared
        except ValueError as e:
            size_errors.add(str(e))
            continue
        if a != b:
            mixed += 1
        ok += 1
    results.append((mixed, ok > 0, sorted(size_errors)))


results = []
w = threading.Thread(target=writer)
rs = [threading.Thread(target=reader, args=(results,)) for _ in range(2)]
w.start()
for t in rs:
    t.start()
for t in rs:
    t.join()
stop.set()
w.join()
for mixed, any_ok, errs in results:
    print("torn pairs:", mixed, "some unpacked:", any_ok)
    for e in errs:
        assert e == "too many values to unpack (expected 2)", e
a, b = shared
print(a == b)
