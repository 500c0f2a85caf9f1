def f():
    pass
