def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], 3, *(4,), a=1, **{"b": 2}, c=3))
print(f(*range(3), **dict(x=1)))
print(f(*"ab", *b"c"))
