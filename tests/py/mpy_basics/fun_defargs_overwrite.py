def f(a, b=1, c=2):
    return a + b * c
print(f(1), f(1, 2), f(1, c=10), f(a=5, b=0), f(*[1, 1, 1]))
