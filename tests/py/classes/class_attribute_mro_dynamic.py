class A:
    def f(self): return "A"
class B(A): pass
b = B()
print(b.f())
A.f = lambda self: "A patched"
print(b.f())
B.f = lambda self: "B own"
print(b.f())
del B.f
print(b.f())
B.__bases__ = (object,) if False else B.__bases__
print(B.__bases__)
