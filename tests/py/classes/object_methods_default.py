class C: pass
c = C()
print(c == c, c != c, c.__eq__(1), c.__ne__(c), type(c.__hash__()).__name__, c.__class__ is C)
print(str(c) == repr(c), c.__str__() == c.__repr__())
print(C.__name__, C.__dict__["__module__"], "__weakref__" in C.__dict__)
