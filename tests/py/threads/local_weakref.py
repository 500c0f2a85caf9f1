# weakref.ref works on threading.local and its subclasses; a reference dies
# with the object (by the next collection at the latest).
import threading, weakref, gc
class L(threading.local):
    pass
for cls in (threading.local, L):
    x = cls()
    x.a = 1
    r = weakref.ref(x)
    print(cls.__name__, r() is x, r().a)
    got = []
    r2 = weakref.ref(x, lambda ref: got.append(ref))
    del x
    gc.collect()
    print(r() is None, len(got))
