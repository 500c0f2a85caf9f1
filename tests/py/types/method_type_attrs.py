class C:
    def m(self): return 1
c = C()
bm = c.m
print(type(bm).__name__, bm.__self__ is c, bm.__func__ is C.m, bm.__name__, bm(), C.m(c))
print(bm == c.m, type(C.m).__name__)
