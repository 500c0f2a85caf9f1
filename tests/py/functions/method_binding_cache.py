class C:
    def m(self): return id(self) == id(c)
c = C()
print(c.m(), C.m(c), c.m == c.m, c.m is c.m)
