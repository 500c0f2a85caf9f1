class C:
    def _g(self): return 1
    p = property(_g)
    s = staticmethod(lambda: "s")
    c = classmethod(lambda cls: cls.__name__)
print(C().p, C.s(), C.c(), C().c())
