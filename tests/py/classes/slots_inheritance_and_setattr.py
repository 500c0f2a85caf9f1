class A:
    __slots__ = ("x",)
class B(A):
    __slots__ = ("y",)
b = B()
b.x, b.y = 1, 2
print(b.x, b.y, hasattr(b, "__dict__"), A.x.__class__.__name__)
try:
    b.z = 3
except AttributeError as e:
    print(e)
class C(A):
    pass
c = C(); c.z = 9
print(c.z, "z" in c.__dict__)
try:
    del b.x
    b.x
except AttributeError as e:
    print(e)
