# WeakValueDictionary, WeakKeyDictionary and WeakSet drop entries when
# their objects die.
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "C(%d)" % self.n


d = weakref.WeakValueDictionary()
x, y, z = C(1), C(2), C(3)
d["x"] = x
d["y"] = y
d["z"] = z
print(sorted(d.keys()), len(d), d["x"])
del x
print(sorted(d.keys()), len(d), "x" in d, d.get("x", "gone"))
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)
print(sorted(v.n for v in d.values()))
print(d.pop("y"), sorted(d))
d.setdefault("w", z)
print(sorted(d.items(), key=lambda kv: kv[0]))
del y
print(sorted(d))
cp = d.copy()
print(type(cp).__name__, sorted(cp))

k = weakref.WeakKeyDictionary()
p, q = C(5), C(6)
k[p] = "p"
k[q] = "q"
print(len(k), k[p], p in k, C(7) in k)
del p
print(len(k), list(k.values()), [o.n for o in k.keys()])
k.update({q: "q2"})
print(k[q], sorted(v for v in k.values()))

ws = weakref.WeakSet()
s1, s2, s3 = C(7), C(8), C(9)
ws.add(s1)
ws.add(s2)
ws.update([s3])
print(len(ws), s1 in ws, 5 in ws)
del s1
print(len(ws), sorted(o.n for o in ws))
ws.discard(s2)
print(len(ws), sorted(o.n for o in ws))
other = weakref.WeakSet([s2, s3])
print(sorted(o.n for o in ws | other), ws <= other, ws == weakref.WeakSet([s3]))
del s3
print(len(ws), len(other))
