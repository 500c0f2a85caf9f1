def f(a, b=1):
    return a + b
f.__defaults__ = (100,)
print(f(1))
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
def g(*, k=1): return k
g.__kwdefaults__ = {"k": 7}
print(g())
