def g():
    x = yield
    y = yield from z
    yield a, b
