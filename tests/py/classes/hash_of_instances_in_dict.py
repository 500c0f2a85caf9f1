class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return 1
    def __eq__(self, o): return self.k == o.k
d = {}
for k in "abcab":
    d[Key(k)] = d.get(Key(k), 0) + 1
print(sorted((k.k, v) for k, v in d.items()))
