# Weak containers and refs used from 4 threads at once (callbacks on any thread).
import threading, weakref
class C:
    pass
d = weakref.WeakValueDictionary()
ws = weakref.WeakSet()
shared = [C() for _ in range(50)]
refs = [weakref.ref(o) for o in shared]
cbs = []
def cb(r): cbs.append(1)
def work(t):
    for i in range(2000):
        o = C()
        d[(t, i % 50)] = o
        ws.add(o)
        r = weakref.ref(o, cb)
        x = refs[i % 50]()
        if t == 0 and i % 40 == 0 and shared:
            shared.pop()
        del o
        del r
ts = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d), len(ws), len(cbs), sum(1 for r in refs if r() is not None), len(shared))
