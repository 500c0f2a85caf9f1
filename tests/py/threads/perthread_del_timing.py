# Finalizers run when the last reference goes, as in CPython, also for the
# instances of classes whose base objects weft counts per thread (modules,
# threading.local): such instances are never converted to per-thread counts.
import gc
import threading
import types

events = []


class M(types.ModuleType):
    def __del__(self):
        events.append("module __del__ " + self.__name__)


m = M("x")
del m
events.append("after del m")


class L(threading.local):
    def __del__(self):
        events.append("local __del__")


loc = L()
loc.a = 1
del loc
events.append("after del loc")


def worker(shared):
    shared.append(M("in thread"))
    shared.pop()


shared = []
t = threading.Thread(target=worker, args=(shared,))
t.start()
t.join()
events.append("after thread")
events.append("collect")
gc.collect()
for e in events:
    print(e)
