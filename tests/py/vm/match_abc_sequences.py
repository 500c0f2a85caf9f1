from collections.abc import Sequence, Mapping
class Reg:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i * 10
Sequence.register(Reg)
class Map(Mapping):
    def __init__(self): self.d = {"k": 1}
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return 1
    def __iter__(self): return iter(self.d)
class Plain:
    def __len__(self): return 2
    def __getitem__(self, i): return i
class S(str): pass
def m(x):
    match x:
        case {"k": v}: return f"map {v}"
        case [a, b]: return f"seq {a} {b}"
        case _: return "other"
print(m(Reg()), m(Map()), m(Plain()), m(S("ab")), m((1, 2)), m({"k": 3}))
