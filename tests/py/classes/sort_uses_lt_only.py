class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self): return f"V{self.v}"
print(sorted([V(3), V(1), V(2)]), min(V(5), V(4)), max([V(1), V(9)]))
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        return self.v > o.v
    def __repr__(self): return f"G{self.v}"
print(sorted([G(3), G(1), G(2)]))
