def f(n):
    return f(n + 1) + 1
try:
    f(0)
except RecursionError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
def g():
    try:
        return g()
    except RecursionError:
        return "recovered"
print(g())
