# One thread reassigns C.__bases__ back and forth while others call methods,
# special methods and isinstance on instances of C and of a subclass: every
# result is the old or the new base's, and nothing crashes (old MRO tuples
# stay alive until readers are done with them).
import threading
class A:
    def who(self): return "A"
    def __len__(self): return 1
class B:
    def who(self): return "B"
    def __len__(self): return 2
class C(A):
    pass
class D(C):
    pass
objs = [C(), D()]
stop = False
bad = []
started = threading.Barrier(4)
def reader():
    started.wait()
    while not stop:
        for o in objs:
            w = o.who()
            n = len(o)
            if w not in ("A", "B") or n not in (1, 2):
                bad.append((w, n))
            if not issubclass(type(o), C) or not isinstance(o, C):
                bad.append("C")
            # one MRO tuple: exactly one of the two bases
            mro = type(o).__mro__
            if (A in mro) == (B in mro) or mro[-1] is not object or len(mro) not in (3, 4):
                bad.append(len(mro))
def writer():
    global stop
    started.wait()
    for i in range(1000):
        C.__bases__ = (B,) if i % 2 == 0 else (A,)
    stop = True
ts = [threading.Thread(target=reader) for _ in range(3)] + [threading.Thread(target=writer)]
for t in ts: t.start()
for t in ts: t.join()
print([c.__name__ for c in D.__mro__], bad)
print(objs[0].who(), len(objs[1]), isinstance(objs[1], A), issubclass(D, B))
print(sorted(c.__name__ for c in A.__subclasses__()), B.__subclasses__())
