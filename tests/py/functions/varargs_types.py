def f(*a, **k):
    return type(a).__name__, type(k).__name__
print(f(), f(1, x=2))
