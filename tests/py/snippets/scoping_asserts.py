x = 1
def f():
    return x
def g():
    x = 2
    def h():
        return x
    return h()
assert f() == 1 and g() == 2
def k():
    global x
    x = 10
k()
assert x == 10
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
i = counter()
i(); i()
assert i() == 3
print("scoping ok")
