def f(x, y):
    return x / y
result = f(10,
           0)
