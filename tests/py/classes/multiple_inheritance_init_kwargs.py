class A:
    def __init__(self, a=None, **kw):
        super().__init__(**kw)
        self.a = a
class B:
    def __init__(self, b=None, **kw):
        super().__init__(**kw)
        self.b = b
class C(A, B):
    pass
c = C(a=1, b=2)
print(c.a, c.b, [k.__name__ for k in C.__mro__])
try:
    C(z=3)
except TypeError as e:
    print(e)
