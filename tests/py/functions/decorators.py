def deco(fn):
    def wrapper(*a, **k):
        print("before", fn.__name__)
        r = fn(*a, **k)
        print("after")
        return r
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(1, 2))
def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("bob"))
