# staticmethod/classmethod copy the wrapped function's metadata (3.10+).
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
def f(x):
    "doc of f"
    return x
sm = staticmethod(f); cm = classmethod(f)
t(lambda: (sm.__func__ is f, sm.__wrapped__ is f, cm.__func__ is f, cm.__wrapped__ is f))
t(lambda: sm.__name__)
t(lambda: sm.__doc__)
t(lambda: sm.__qualname__)
t(lambda: cm.__name__)
t(lambda: cm.__doc__)
t(lambda: sm.__module__)
t(lambda: sm.__isabstractmethod__)
t(lambda: sm(3))
t(lambda: repr(sm)[:26])
class A:
    @staticmethod
    def s(): "sdoc"
t(lambda: A.__dict__['s'].__doc__)
t(lambda: A.s.__doc__)
t(lambda: sm.__annotations__)
def g(a: int): pass
t(lambda: staticmethod(g).__annotations__)
t(lambda: classmethod(g).__annotations__)
t(lambda: staticmethod(1).__name__)
t(lambda: staticmethod(len).__name__)
