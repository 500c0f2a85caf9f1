from collections.abc import Sequence, MutableMapping, Iterator, Sized, Container
class MySeq(Sequence):
    def __init__(self, *v): self.v = v
    def __len__(self): return len(self.v)
    def __getitem__(self, i): return self.v[i]
s = MySeq(3, 1, 2)
print(list(s), s.index(1), s.count(2), 2 in s, list(reversed(s)), isinstance(s, Sized), isinstance(s, Container))
class MyMap(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap()
m.update(a=1, b=2)
m.setdefault("c", 3)
print(dict(m), m.get("z", 0), m.pop("a"), list(m.items()), "b" in m)
try:
    Sequence()
except TypeError as e:
    print(e)
