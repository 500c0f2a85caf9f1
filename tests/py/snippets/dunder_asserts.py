class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    __radd__ = __add__
    def __eq__(self, o): return self.v == (o.v if isinstance(o, N) else o)
    def __lt__(self, o): return self.v < o.v
    def __len__(self): return self.v
    def __getitem__(self, i): return i * self.v
    def __contains__(self, x): return x == self.v
assert N(1) + N(2) == 3
assert 5 + N(1) == 6
assert sum([N(1), N(2)], N(0)) == 3
assert sorted([N(3), N(1)])[0] == 1
assert len(N(4)) == 4
assert N(3)[2] == 6
assert 3 in N(3)
print("dunder ok")
