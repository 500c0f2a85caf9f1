def f(x, y=[i * 2 for i in range(3)]):
    return x, y
print(f(1))
