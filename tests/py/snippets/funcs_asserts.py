def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
assert f(1) == (1, 2, (), 3, {})
assert f(1, 5, 6, 7, c=0, d=9) == (1, 5, (6, 7), 0, {"d": 9})
assert f.__defaults__ == (2,)
assert f.__kwdefaults__ == {"c": 3}
assert f.__code__.co_argcount == 2
assert (lambda: 1).__name__ == "<lambda>"
def g(): pass
assert g() is None
assert callable(g)
print("funcs ok")
