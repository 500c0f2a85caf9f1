def f(a, b=2, *, c=3):
    "doc"
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_varnames)
print(f.__module__, type(f).__name__, callable(f), f.__code__.co_name, f.__code__.co_kwonlyargcount)
f.attr = 5
print(f.attr, f.__dict__)
