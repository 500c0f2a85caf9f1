class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
g = Grid()
g[1, 2] = 5
g[1, 2] += 1
print(g[1, 2])
del g[1, 2]
g["k"] = "x"
print(g["k"], g[::2] if False else "")
class S:
    def __getitem__(self, k): return k
print(S()[::2], S()[1:2, ...])
