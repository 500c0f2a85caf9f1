# Function objects: attributes, assignment rules, closures, binding.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

def f(a, b: int = 2, *args, c: str, d=4, **kw) -> list:
    "the doc"
    return a, b, args, c, d, kw
print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__annotations__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f(1, c=3), f(1, 2, 3, 4, c=5, z=6))
print(type(f).__name__, f.__closure__, f.__globals__ is globals())
print(f.__dict__)
f.attr = 5
print(f.attr, f.__dict__)
del f.attr
t(lambda: f.attr)
f.__defaults__ = (10,)
print(f(1, c=2))
f.__defaults__ = None
t(lambda: f(1, c=2))
t(lambda: setattr(f, '__defaults__', 5))
t(lambda: setattr(f, '__kwdefaults__', 5))
t(lambda: setattr(f, '__name__', 5))
t(lambda: setattr(f, '__qualname__', None))
t(lambda: setattr(f, '__code__', 1))
t(lambda: setattr(f, '__globals__', {}))
t(lambda: setattr(f, '__closure__', ()))
t(lambda: delattr(f, '__name__'))
f.__name__ = 'g'
f.__qualname__ = 'X.g'
print(f.__name__, f.__qualname__, repr(f)[:17])
f.__doc__ = None
print(f.__doc__)
f.__annotations__ = {'x': 1}
print(f.__annotations__)
f.__annotations__ = None
print(f.__annotations__)
del f.__annotations__
print(f.__annotations__)
f.__kwdefaults__ = None
print(f.__kwdefaults__)
t(lambda: f(1, 2))

def outer():
    x = 1
    def inner():
        return x
    x = 2
    return inner
i = outer()
print(i(), i.__qualname__, len(i.__closure__), i.__closure__[0].cell_contents)
print(type(i.__closure__[0]).__name__, repr(i.__closure__[0])[:9])
i.__closure__[0].cell_contents = 7
print(i())
def noclo(): return 1
t(lambda: setattr(i, '__code__', noclo.__code__))
def k(): pass
print(k.__doc__, k.__annotations__, k.__defaults__, k.__kwdefaults__)
lam = lambda x, y=3: x + y
print(lam.__name__, lam.__qualname__, lam(1), lam.__defaults__)
class A:
    def m(self): return 'A.m'
    @staticmethod
    def s(x): return x
    @classmethod
    def c(cls): return cls.__name__
a = A()
print(type(a.m).__name__, a.m(), a.m.__func__ is A.m, a.m.__self__ is a)
print(A.s(3), a.s(4), A.c(), a.c())
print(A.m.__get__(a)(), A.m.__get__(None, A) is A.m)
print(a.m == a.m, a.m is a.m, hash(a.m) == hash(a.m))
print(A.__dict__['s'].__func__ is A.s, A.__dict__['c'].__func__.__name__)
class functools:
    @staticmethod
    def wraps(fn):
        def d(w):
            w.__name__ = fn.__name__; w.__doc__ = fn.__doc__; w.__wrapped__ = fn
            return w
        return d
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def hello(x):
    "hi"
    return x * 2
print(hello(4), hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
def defaults_mut(a, l=[]):
    l.append(a); return l
print(defaults_mut(1), defaults_mut(2))
def kwonly(*, a=1, b): return a, b
print(kwonly(b=2), kwonly.__kwdefaults__)
def star(*args, **kwargs): return args, kwargs
print(star(), star(1, 2, a=3), star(*[1, 2], **{'x': 1}))
t(lambda: star(**{1: 2}))
def posonly(a, b, /): return a, b
t(lambda: posonly(1, b=2))
print(posonly.__code__.co_posonlyargcount)
import types
print(isinstance(f, types.FunctionType), types.FunctionType is type(f))
g2 = types.FunctionType(k.__code__, {}, 'newname')
print(g2.__name__, g2())
print(callable(f), f.__call__ is not None)
def gen_f():
    yield 1
print(gen_f.__name__, list(gen_f()))
print(sorted(n for n in dir(f) if not n.startswith('__') ))
