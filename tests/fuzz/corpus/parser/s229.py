def f():
    x = [i for i in range(3)]
    return lambda: i
