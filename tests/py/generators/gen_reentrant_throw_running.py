def g():
    yield
it = g()
next(it)
print(it.gi_running)
def selfref():
    yield it2.throw(ValueError)
it2 = selfref()
try:
    next(it2)
except ValueError as e:
    print(type(e).__name__, e)
