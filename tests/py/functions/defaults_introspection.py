def f(a, b=[], *args, c, d={"k": 1}, **kw) -> "ret":
    pass
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames[:6], f.__code__.co_flags & 0x04 != 0, f.__code__.co_flags & 0x08 != 0, f.__annotations__)
import inspect
print(inspect.signature(f))
print(str(inspect.signature(lambda x, /, y=2, *a, z, **k: 0)))
