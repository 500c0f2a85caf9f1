class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def _key(self): return (self.x, self.y)
    def __eq__(self, o): return self._key() == o._key()
    def __lt__(self, o): return self._key() < o._key()
    def __hash__(self): return hash(self._key())
    def __repr__(self): return f"P({self.x}, {self.y})"
ps = [P(2, 1), P(1, 5), P(1, 2), P(2, 1)]
print(sorted(ps), len(set(ps)), max(ps), P(1, 2) in ps)
