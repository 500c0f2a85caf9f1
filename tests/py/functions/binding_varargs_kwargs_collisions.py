def f(a, *args, **kwargs):
    return a, args, kwargs
print(f(1, 2, a_=3), f(*[1, 2], **{"b": 1}))
try:
    f(1, a=2)
except TypeError as e:
    print(e)
def g(**kwargs):
    return kwargs
print(g(**{"a": 1}, b=2), g(**{"self": 1, "kwargs": 2}))
try:
    g(1)
except TypeError as e:
    print(e)
def h(*, a): return a
try:
    h(1, a=2)
except TypeError as e:
    print(e)
