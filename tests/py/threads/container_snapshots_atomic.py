# list(), tuple(), sorted() and list.extend() of a dict, a dict view or a
# set take one snapshot under the container's lock: while other threads
# insert and delete, they never raise "changed size during iteration" and
# every snapshot is one the container really had (each key with its own
# value, no duplicates).
import threading

d = {}
s = set()
stop = threading.Event()
errors = []
checked = [0] * 4


def writer(k):
    i = 0
    while not stop.is_set():
        key = (i * 7 + k) % 200
        d[key] = key * 2
        s.add(key)
        d.pop((key + 100) % 200, None)
        s.discard((key + 100) % 200)
        i += 1


def reader(k):
    try:
        for r in range(400):
            ks = list(d)
            vs = list(d.values())
            its = list(d.items())
            tk = tuple(d.keys())
            ss = sorted(s)
            ext = [None]
            ext.extend(d.items())
            assert len(set(ks)) == len(ks), "duplicate keys"
            assert all(v % 2 == 0 for v in vs), "bad value"
            assert all(v == key * 2 for key, v in its), "pair mixed up"
            assert all(v == key * 2 for key, v in ext[1:]), "pair mixed up (extend)"
            assert len(set(tk)) == len(tk), "duplicate keys (tuple)"
            assert ss == sorted(set(ss)), "duplicate set items"
            checked[k] += 1
    except Exception as e:  # any exception is a failure of the test
        errors.append(repr(e))


ws = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
rs = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
for t in ws + rs:
    t.start()
for t in rs:
    t.join()
stop.set()
for t in ws:
    t.join()
print("errors:", errors)
print("snapshots checked:", checked)
