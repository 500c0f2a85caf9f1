def g():
    try:
        yield 1
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    yield "after"
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
print(next(it))
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
def h():
    yield 1
try:
    h().throw(RuntimeError, "unstarted")
except RuntimeError as e:
    print("unstarted", e)
