class C:
    @property
    def x(self): return 5
print(type(C.__dict__["x"]).__name__, C.x.fget is not None, C.x.fset, C().x)
