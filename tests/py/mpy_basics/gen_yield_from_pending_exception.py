def inner():
    try:
        yield 1
    except ValueError:
        print("inner got ValueError")
        raise KeyError("converted")
def outer():
    try:
        yield from inner()
    except KeyError as e:
        print("outer got", repr(e))
        yield "recovered"
g = outer()
next(g)
print(g.throw(ValueError("v")))
