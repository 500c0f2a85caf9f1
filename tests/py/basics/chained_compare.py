x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 > 2)
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(3))
print(1 in [1] in [[1]])
print(3 is not None is not False)
