def inner():
    return "inner-ret"
    yield
def outer():
    v = yield from inner()
    yield v
print(list(outer()))
g = outer()
print(next(g))
try:
    next(g)
except StopIteration:
    print("outer stopped")
def empty_from_stopped():
    it = iter([])
    yield from it
    yield from it
    yield "after"
print(list(empty_from_stopped()))
