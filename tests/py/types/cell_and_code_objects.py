def outer():
    x = 5
    def inner():
        return x
    return inner
f = outer()
print(f.__closure__[0].cell_contents, f.__code__.co_freevars, outer.__code__.co_cellvars, type(f.__closure__[0]).__name__)
