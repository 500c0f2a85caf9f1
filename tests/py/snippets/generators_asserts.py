def g():
    x = yield 1
    yield x * 2
it = g()
assert next(it) == 1
assert it.send(5) == 10
try:
    next(it)
    assert False
except StopIteration:
    pass
assert list(x for x in range(3)) == [0, 1, 2]
assert sum(x for x in range(4)) == 6
def h():
    yield from range(3)
    return "r"
assert list(h()) == [0, 1, 2]
print("generators ok")
