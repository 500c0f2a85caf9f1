class C:
    count = 0
    def __init__(self): C.count += 1
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(x): return x * 2
    @classmethod
    def name(cls): return cls.__name__
class D(C): pass
C.make(); D.make(); C().make()
print(C.count, C.helper(4), C().helper(5), D.name(), D().name())
print(type(C.__dict__["make"]).__name__, type(C.__dict__["helper"]).__name__)
