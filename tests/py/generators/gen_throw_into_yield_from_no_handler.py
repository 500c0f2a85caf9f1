def inner():
    yield 1
    yield 2
def outer():
    try:
        yield from inner()
    except KeyError as e:
        yield f"outer caught {e!r}"
g = outer()
next(g)
print(g.throw(KeyError("k")))
