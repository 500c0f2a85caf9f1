def g():
    try:
        raise KeyError("first")
    except KeyError:
        yield "inside except"
        raise ValueError("second")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print(repr(e), repr(e.__context__))
