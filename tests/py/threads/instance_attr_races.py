# Attribute reads of instances whose dicts another thread clears, replaces,
# grows and re-orders: every read gives a value that was stored for that
# name, or AttributeError -- LOAD_ATTR's guessed entry index (the site
# cache) must never return another attribute's value or a freed one.
import threading


class P:
    def __init__(self):
        self.a = 1
        self.b = 20
        self.c = 300


objs = [P() for _ in range(4)]
done = threading.Event()
bad = []
# Disjoint value sets, so a value read under the wrong name is caught.
allowed = {"a": {1, 3, 5}, "b": {2, 7, 20}, "c": set(range(1000, 1100)) | {300}}


def reader():
    while not done.is_set():
        for o in objs:
            for name, v in (("a", _get(o, "a")), ("b", _get(o, "b")), ("c", _get(o, "c"))):
                if v is not None and v not in allowed[name]:
                    bad.append((name, v))


def _get(o, name):
    try:
        if name == "a":
            return o.a
        if name == "b":
            return o.b
        return o.c
    except AttributeError:
        return None


def writer():
    for i in range(20000):
        o = objs[i % 4]
        k = i % 6
        if k == 0:
            o.__dict__.clear()
        elif k == 1:
            o.c = 1000 + i % 100
            o.a = 1
            o.b = 2
        elif k == 2:
            o.__dict__.pop("a", None)
            o.a = 5
        elif k == 3:
            o.__dict__ = {"c": 1001, "b": 2, "a": 3}
        elif k == 4:
            o.__dict__.update({"z%d" % (i % 50): i})
        else:
            o.__dict__.pop("b", None)
            o.b = 7
    done.set()


threads = [threading.Thread(target=reader) for _ in range(2)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bad[:5])
print(sorted(objs[1].__dict__)[:4], objs[3].a, objs[3].b)
