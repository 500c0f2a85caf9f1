def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2, 3), f(4))
def g(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(g(), g())
print(f.__defaults__)
