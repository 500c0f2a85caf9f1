# One thread re-runs __init__ on a property, a classmethod and a
# staticmethod while others use them: each use sees the old or the new
# function, never a freed one.
import threading


class C:
    @property
    def p(self):
        return 0

    @classmethod
    def cm(cls):
        return 0

    @staticmethod
    def sm():
        return 0


o = C()
prop, cmobj, smobj = C.__dict__["p"], C.__dict__["cm"], C.__dict__["sm"]
done = threading.Event()
seen = [set() for _ in range(3)]


def reader(k):
    s = seen[k]
    while not done.is_set():
        s.add(o.p)
        s.add(C.cm())
        s.add(o.sm())
        s.add(prop.fget(o))


def reinit():
    for i in range(6000):
        v = i % 3
        prop.__init__(lambda self, v=v: v)
        cmobj.__init__(lambda cls, v=v: v + 10)
        smobj.__init__(lambda v=v: v + 20)
    done.set()


threads = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
threads.append(threading.Thread(target=reinit))
for t in threads:
    t.start()
for t in threads:
    t.join()
allowed = {0, 1, 2, 10, 11, 12, 20, 21, 22}
print(all(s <= allowed for s in seen))
print(o.p, C.cm(), C.sm())
