# Attribute reads (o.x, o.m(), getattr) on objects other threads keep
# rebinding: their __dict__ replaced wholesale, grown until it resizes,
# emptied, and their attributes overwritten with fresh objects.  The read
# path borrows the instance dict without counting it (it is freed only a
# grace period after a replacement), so every read must still see a value
# that was stored, and nothing may crash or leak.
import gc
import sys
import threading


class Obj:
    def m(self):
        return "method"


objs = [Obj() for _ in range(4)]
for o in objs:
    o.x = [0]
    o.y = 0.5
N = 4000
bad = []
start = threading.Barrier(6)


def replace_dicts(k):
    start.wait()
    for i in range(N):
        o = objs[i % len(objs)]
        d = {"x": [i], "y": float(i)}
        if i % 3 == 0:
            d["m"] = lambda: "shadow"
        o.__dict__ = d


def grow_and_clear():
    start.wait()
    for i in range(N):
        o = objs[i % len(objs)]
        for j in range(12):
            setattr(o, "a%d" % j, [j])
        o.x = [i]
        if i % 5 == 0:
            o.__dict__.clear()
            o.x = [i]
            o.y = 1.5


def reader():
    start.wait()
    for i in range(N):
        o = objs[i % len(objs)]
        x = getattr(o, "x", None)
        if x is not None and type(x) is not list:
            bad.append(("x", x))
        try:
            y = o.y
        except AttributeError:
            y = None
        if y is not None and type(y) is not float:
            bad.append(("y", y))
        r = o.m()
        if r not in ("method", "shadow"):
            bad.append(("m", r))
        try:
            v = o.x
        except AttributeError:
            v = None
        if v is not None and type(v) is not list:
            bad.append(("x2", v))


ts = [threading.Thread(target=replace_dicts, args=(1,)), threading.Thread(target=replace_dicts, args=(2,)),
      threading.Thread(target=grow_and_clear), threading.Thread(target=reader),
      threading.Thread(target=reader), threading.Thread(target=reader)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("bad reads:", bad)
for o in objs:
    o.__dict__ = {"x": [1]}
gc.collect()
before = sys.getallocatedblocks()
for _ in range(3):
    for o in objs:
        o.__dict__ = {"x": [2], "y": 2.5}
        o.x, o.y, o.m()
gc.collect()
print("no growth after the race:", sys.getallocatedblocks() - before < 50)
print("reads after:", [(o.x, o.y, o.m()) for o in objs][0])
