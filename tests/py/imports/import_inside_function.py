def f():
    from pkg.core import greet
    import _helper as h
    return greet("fn"), h.CONST
print(f())
print("greet" in globals())
