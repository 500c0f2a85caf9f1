def g():
    x = yield
    y = yield x
    z = (yield y) or "default"
    yield z
it = g()
print(next(it), it.send("a"), it.send("b"), it.send(None))
