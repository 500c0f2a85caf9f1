class L(list):
    def append(self, x):
        super().append(x * 10)
    def __getitem__(self, i):
        return "item-" + str(super().__getitem__(i))
l = L()
l.append(1)
l.append(2)
print(l, l[0], len(l), list.__getitem__(l, 1))
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
d = D()
d["a"] = 1
print(d, d.get("A"))
d.update(b=2)
print(d)
