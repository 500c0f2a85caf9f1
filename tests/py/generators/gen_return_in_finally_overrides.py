def g():
    try:
        yield 1
    finally:
        return "from finally"
it = g()
next(it)
try:
    it.throw(ValueError("swallowed"))
except StopIteration as e:
    print("StopIteration", e.value)
