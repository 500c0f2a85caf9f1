# Threads assign obj.__class__ and obj.__dict__ while others read and write
# its attributes: every read sees one of the stored states, every class
# keeps its reference count (no class is freed while still bound), and
# nothing crashes.  (Concurrent __class__ assignments used to release the
# replaced class twice; a reader could use a __dict__ another thread had
# just replaced and freed.)
import gc
import threading


class A:
    kind = "A"


class B:
    kind = "B"


obj = A()
obj.x = 0
N = 3000
bad = []
start = threading.Barrier(6)


def swap_class():
    start.wait()
    for i in range(N):
        obj.__class__ = B if i % 2 else A


def swap_dict(k):
    start.wait()
    for i in range(N):
        obj.__dict__ = {"x": i, "owner": k}


def reader():
    start.wait()
    for i in range(N):
        if obj.kind not in ("A", "B"):
            bad.append(obj.kind)
        x = getattr(obj, "x", None)
        if x is not None and not isinstance(x, int):
            bad.append(x)
        vars(obj)


def writer():
    start.wait()
    for i in range(N):
        obj.y = i
        obj.__dict__.pop("y", None)


ts = [threading.Thread(target=swap_class), threading.Thread(target=swap_class),
      threading.Thread(target=swap_dict, args=(1,)), threading.Thread(target=swap_dict, args=(2,)),
      threading.Thread(target=reader), threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
obj.__class__ = A
gc.collect()  # a class released too often would be freed here
print("bad reads:", bad)
print("classes intact:", A.kind, B.kind, A().kind, B().kind, type(obj).__name__)
print("dict is one of the stored ones:", sorted(obj.__dict__) in (["owner", "x"], ["owner", "x", "y"]))
