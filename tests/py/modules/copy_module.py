import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(100)
print(s, d)
class C:
    def __init__(self): self.items = [1]
c = C()
c2 = copy.deepcopy(c)
c2.items.append(2)
print(c.items, c2.items)
class Custom:
    def __copy__(self): return "custom copy"
    def __deepcopy__(self, memo): return "custom deepcopy"
print(copy.copy(Custom()), copy.deepcopy(Custom()))
r = [1]
r.append(r)
rr = copy.deepcopy(r)
print(rr[1] is rr, rr is not r)
