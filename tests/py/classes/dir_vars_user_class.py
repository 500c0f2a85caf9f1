class Base:
    b = 1
    def bm(self): pass
class C(Base):
    c = 2
    def __init__(self): self.i = 3
    def cm(self): pass
obj = C()
print([n for n in dir(obj) if not n.startswith("__")])
print([n for n in dir(C) if not n.startswith("__")])
print(vars(obj), sorted(k for k in vars(C) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print(e)
