def f():
    x: int = 1
    nonlocal x
