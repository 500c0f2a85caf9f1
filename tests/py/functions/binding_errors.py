def f(a, b):
    pass
def g(a, b=1, *, c):
    pass
def h():
    pass
class C:
    def m(self, x):
        pass
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, b=3),
    lambda: f(1, 2, z=3),
    lambda: f(1, 2, **{"z": 1, "y": 2}),
    lambda: g(1, 2, 3),
    lambda: g(),
    lambda: g(1, 2, 3, c=1),
    lambda: h(1),
    lambda: h(x=1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: f(*[1], **{"a": 1}),
    lambda: (lambda x, y, z: 0)(),
    lambda: f(1, **{1: 2}),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
