import functools
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper
@deco
def documented(x):
    "The doc."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(5))
