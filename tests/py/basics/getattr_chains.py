class A: pass
a = A()
a.b = A()
a.b.c = A()
a.b.c.d = "deep"
print(a.b.c.d)
setattr(a.b.c, "e", 5)
print(getattr(a.b.c, "e"), getattr(a, "zz", "default"))
