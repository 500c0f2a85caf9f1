class C:
    def __init__(self): self.items = []
c = C()
c.items += [1]
c.items += (2,)
print(c.items)
t = ([],)
try:
    t[0] += [1]
except TypeError as e:
    print(e)
print(t)
