def f():
    import math
    return math.sqrt(16)
print(f())
def g():
    from math import floor as fl
    return fl(3.7)
print(g())
