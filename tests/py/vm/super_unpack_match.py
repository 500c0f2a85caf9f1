class B:
    def m(self): return "B.m"
    @classmethod
    def c(cls): return cls.__name__
class D(B):
    def m(self): return "D>" + super().m()
    @classmethod
    def c(cls): return "D>" + super().c()
    def lam(self): return (lambda: super().m())()  if False else [super().m() for _ in range(1)]
print(D().m(), D.c(), D().lam())
def outer():
    x = 1
    class K:
        y = x
        def g(self): return x
    return K.y, K().g()
print(outer())
def f(a, b, *args, c=3, **kw): return (a, b, args, c, kw)
print(f(1, 2, 3, 4, c=5, d=6), f(*[1, 2], **{"c": 9}), f(1, *(2, 3), *[4], **{"x": 1}, y=2))
try: f(1, **{"a": 2})
except TypeError as e: print(e)
try: f(1, 2, **{"c": 1}, **{"c": 2})
except TypeError as e: print(e)
try: f(*5)
except TypeError as e: print(e)
try: f(1, 2, **[1])
except TypeError as e: print(e)
a, *b, c = range(6); print(a, b, c)
try: x, y = [1]
except ValueError as e: print(e)
try: x, y = [1, 2, 3]
except ValueError as e: print(e)
try: x, y = 5
except TypeError as e: print(e)
try: a, *b, c, d = [1, 2]
except ValueError as e: print(e)
(p, q), r = (1, 2), 3; print(p, q, r)
def m(v):
    match v:
        case [1, *rest]: return f"list1 {rest}"
        case {"k": val, **others}: return f"map {val} {others}"
        case int(x) if x > 5: return f"big {x}"
        case str() | bytes(): return "strish"
        case (a, b): return f"pair {a} {b}"
        case B(): return "B"
        case _: return "other"
print([m(v) for v in ([1, 2, 3], {"k": 1, "z": 2}, 9, "s", (1, 2), D(), 3.5)])
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
match Pt(1, 2):
    case Pt(1, y=yy): print("pt", yy)
match Pt(1, 2):
    case Pt(a, b, c): print("no")
    case _: pass
