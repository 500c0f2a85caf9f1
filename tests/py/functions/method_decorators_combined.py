import functools
def logged(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        print("call", fn.__qualname__)
        return fn(*a, **k)
    return w
class C:
    @logged
    def m(self): return "m"
    @classmethod
    @logged
    def cm(cls): return "cm"
    @staticmethod
    @logged
    def sm(): return "sm"
    @property
    @logged
    def p(self): return "p"
c = C()
print(c.m(), C.cm(), C.sm(), c.p, C.m.__name__, C.m.__qualname__)
