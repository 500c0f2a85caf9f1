def inner():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "inner handled"
    finally:
        print("inner finally")
def outer():
    yield from inner()
    yield "outer continues"
g = outer()
print(next(g))
print(g.throw(ValueError))
print(next(g))
g2 = outer()
next(g2)
g2.close()
print("done")
