# A class dunder rebound while other threads call it: readers see the old or
# the new method (slot updates happen while the world is stopped), never a
# crash or a torn slot, and subclasses follow the base.
import threading
class S:
    def __len__(self): return 1
class T(S):
    pass
objs = [S(), T()]
stop = False
bad = []
def reader():
    n = 0
    while not stop:
        for o in objs:
            v = len(o)
            if v not in (1, 2):
                bad.append(v)
        n += 1
def writer():
    global stop
    f1 = lambda self: 1
    f2 = lambda self: 2
    for i in range(300):
        S.__len__ = f2 if i % 2 else f1
    stop = True
ts = [threading.Thread(target=reader) for _ in range(2)] + [threading.Thread(target=writer)]
for t in ts: t.start()
for t in ts: t.join()
S.__len__ = lambda self: 7
print(len(S()), len(T()), bad)
