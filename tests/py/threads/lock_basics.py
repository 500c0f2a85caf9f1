import threading
l = threading.Lock()
print(type(l).__name__, l.locked())
print(l.acquire(), l.locked())
print(l.acquire(False), l.acquire(timeout=0.01), l.acquire(True, 0))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args, kw in [((False, 1), {}), ((True, -5), {}), ((), {"blocking": False, "timeout": 2})]:
    try:
        l.acquire(*args, **kw)
    except ValueError as e:
        print("ValueError:", e)
with l:
    print("inside", l.locked())
print("after", l.locked())
print(repr(l).split(" ")[0], repr(l).split(" ")[1])
