class A:
    def f(self): return self
a = A()
m = a.f
print(m() is a, A.f(a) is a, m.__self__ is a)
class B:
    f = A.f
print(type(B().f()).__name__)
