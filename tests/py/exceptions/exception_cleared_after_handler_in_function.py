import sys
def f():
    try:
        raise ValueError
    except ValueError:
        pass
    return sys.exc_info()
print(f())
def g():
    try:
        raise ValueError("outer")
    except ValueError:
        def inner():
            return sys.exc_info()[1]
        return inner()
print(repr(g()))
