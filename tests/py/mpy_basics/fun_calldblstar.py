def f(a, b=2, **kw):
    return a, b, sorted(kw.items())
print(f(**{"a": 1}), f(1, **{"b": 3, "c": 4}), f(**{"a": 0}, **{"z": 9}))
d = {"a": 5, "b": 6}
print(f(**d))
