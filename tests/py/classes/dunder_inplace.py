class Acc:
    def __init__(self): self.v = []
    def __iadd__(self, x):
        self.v.append(x)
        return self
    def __isub__(self, x):
        self.v.remove(x)
        return self
    def __imul__(self, n):
        self.v *= n
        return self
a = Acc()
b = a
a += 1; a += 2; a -= 1; a *= 2
print(a.v, a is b)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
o = OnlyAdd(1); o2 = o
o += 5
print(o.v, o2.v, o is o2)
