# Threads read class attributes (method calls, class attribute loads, a
# base-class attribute through a subclass) while one
# thread keeps rebinding them: every value read is one that was stored, and
# after the writer stops every reader sees the final values.  Weft caches
# type attribute lookups per thread (runtime/objects/typecache.c).
import threading

N_WRITES = 3000


class Base:
    val = 0

    def get(self):
        return 0

    def size(self):
        return 0


class Sub(Base):
    pass


stored_vals = set(range(N_WRITES + 1))
done = threading.Event()
bad = []
final_seen = []


def reader(k):
    o = Sub()
    n = 0
    while True:
        stop = done.is_set()
        v = o.val
        g = o.get()
        ln = o.size()
        s = Sub.val
        if v not in stored_vals or g not in stored_vals or ln not in stored_vals or s not in stored_vals:
            bad.append((k, v, g, ln, s))
        n += 1
        if stop:
            final_seen.append((o.val, o.get(), o.size(), Sub.val))
            return


def make_get(i):
    return lambda self: i


def make_size(i):
    return lambda self: i


def writer():
    for i in range(1, N_WRITES + 1):
        Base.val = i
        Base.get = make_get(i)
        Sub.size = make_size(i)
    done.set()


readers = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
for t in readers:
    t.start()
w = threading.Thread(target=writer)
w.start()
w.join()
for t in readers:
    t.join()
print("bad:", bad[:5])
print("final:", final_seen)

# add and delete a base attribute while others probe it through a subclass
flag = threading.Event()
seen = set()


def prober():
    o = Sub()
    while not flag.is_set():
        seen.add(getattr(o, "extra", None))
    seen.add(getattr(o, "extra", "gone"))


ps = [threading.Thread(target=prober) for _ in range(2)]
for t in ps:
    t.start()
for i in range(2000):
    Base.extra = "x"
    del Base.extra
flag.set()
for t in ps:
    t.join()
print(seen <= {None, "x", "gone"}, "gone" in seen)
