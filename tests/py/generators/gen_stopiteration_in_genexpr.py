def f():
    raise StopIteration
try:
    list(f() for _ in range(1))
except RuntimeError as e:
    print(type(e).__name__, e)
it = iter([])
print(list(next(it, "dflt") for _ in range(2)))
