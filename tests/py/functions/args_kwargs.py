def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, *rest, last="L", **extra):
    return a, rest, last, extra
print(g(1), g(1, 2, 3, last=4, z=5))
