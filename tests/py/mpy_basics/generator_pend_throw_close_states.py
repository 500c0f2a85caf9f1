def g():
    yield 1
    yield 2
it = g()
print(next(it))
it.close()
try:
    it.throw(ValueError("after close"))
except ValueError as e:
    print("throw after close raises:", e)
it2 = g()
try:
    it2.throw(ValueError("before start"))
except ValueError as e:
    print("throw before start raises:", e)
print(list(it2))
