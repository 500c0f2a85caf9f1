def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g))
print(g.send("sent"))
print(list(g))
