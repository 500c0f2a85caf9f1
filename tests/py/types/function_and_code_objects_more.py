def f(a, b=1, *c, d, **e):
    x = a + b
    return x
co = f.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_nlocals, co.co_varnames, co.co_filename.endswith("function_and_code_objects_more.py"), co.co_firstlineno)
print(type(co).__name__, f.__globals__ is globals(), f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
g = type(f)(co, {"__builtins__": __builtins__}, "renamed")
print(g.__name__, g(1, 2, d=0), g.__defaults__)
