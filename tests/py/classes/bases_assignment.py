# Assigning C.__bases__: validation messages, the MRO of the class and its
# subclasses, method and special-method resolution, isinstance/issubclass,
# __subclasses__ of the old and new bases, and failed MRO computations.
def attempt(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)

def names(t):
    return [c.__name__ for c in t]

class A:
    def who(self): return "A"
    def __len__(self): return 1
    def __add__(self, o): return "A+"
    def __eq__(self, o): return "A=="
    __hash__ = object.__hash__
class B:
    def who(self): return "B"
    def __len__(self): return 2
    def __add__(self, o): return "B+"
    def __eq__(self, o): return "B=="
    __hash__ = object.__hash__
    def only_b(self): return "only B"
class C(A):
    pass
class D(C):
    pass

def setb(cls, v):
    def f():
        cls.__bases__ = v
    return f

# --- errors
attempt(setb(C, [A]))
attempt(setb(C, ()))
attempt(setb(C, (1,)))
attempt(setb(C, (A, "x")))
attempt(setb(C, "AB"))
attempt(setb(C, (C,)))
attempt(setb(C, (D,)))
attempt(setb(C, (int,)))
attempt(setb(C, (object,)))
attempt(setb(C, (object, int)))
attempt(setb(C, (bool,)))
attempt(setb(C, (A, A)))
class L(list): pass
attempt(setb(C, (L,)))
class S1: __slots__ = ("a",)
class S2: __slots__ = ("b",)
class S3(S1): pass
attempt(setb(S3, (S2,)))
class P(A): pass
class Q(P): pass
attempt(setb(Q, (A, P)))
attempt(setb(int, (object,)))
def del_bases(): del C.__bases__
attempt(del_bases)
def del_int_bases(): del int.__bases__
attempt(del_int_bases)
print(names(C.__bases__), names(C.__mro__), names(D.__mro__))

# --- a successful change
c, d = C(), D()
print(c.who(), d.who(), len(c), len(d), c + 1, d + 1, c == 0, d == 0)
print(isinstance(c, A), isinstance(d, B), issubclass(D, A), issubclass(D, B))
print(sorted(names(A.__subclasses__())), sorted(names(B.__subclasses__())))
C.__bases__ = (B,)
print(names(C.__bases__), C.__base__.__name__)
print(names(C.__mro__), names(D.__mro__))
print(c.who(), d.who(), len(c), len(d), c + 1, d + 1, c == 0, d == 0, d.only_b())
print(isinstance(c, A), isinstance(d, B), issubclass(D, A), issubclass(D, B))
print(sorted(names(A.__subclasses__())), sorted(names(B.__subclasses__())))

# --- two bases, then back
C.__bases__ = (A, B)
print(names(C.__mro__), names(D.__mro__), d.who(), len(d), d.only_b())
print(sorted(names(A.__subclasses__())), sorted(names(B.__subclasses__())))
C.__bases__ = (A,)
print(names(D.__mro__), d.who(), len(d), d + 1, d == 0)
try:
    d.only_b()
except AttributeError as e:
    print("AttributeError:", e)

# --- a base without the dunder: the special method goes away
class N:
    pass
C.__bases__ = (N,)
attempt(lambda: len(d))
attempt(lambda: d + 1)
print(d == d, d == 0)
C.__bases__ = (A,)
print(len(d), d + 1)

# --- methods patched on the new base after the change
C.__bases__ = (B,)
B.who = lambda self: "B patched"
print(d.who())
C.__bases__ = (A,)
print(d.who())

# --- a failing metaclass mro() leaves everything as it was
class Meta(type):
    def mro(cls):
        if getattr(cls, "boom", False):
            raise RuntimeError("no mro for " + cls.__name__)
        return type.mro(cls)
class F(metaclass=Meta): pass
class G(F): pass
class H: pass
class I(G): pass
I.boom = True
def set_g(): G.__bases__ = (H,)
attempt(set_g)
print(names(G.__bases__), names(G.__mro__), names(I.__mro__))
print(sorted(names(F.__subclasses__())), sorted(names(H.__subclasses__())))
del I.boom
set_g()
print(names(G.__bases__), names(G.__mro__), names(I.__mro__))
print(sorted(names(F.__subclasses__())), sorted(names(H.__subclasses__())))

# --- list subclasses with compatible layouts
class Li(list): pass
class Li2(list):
    def __len__(self): return 42
class M(Li): pass
m = M([1, 2])
print(len(m))
M.__bases__ = (Li2,)
print(M.__base__.__name__, names(M.__mro__), len(m), isinstance(m, Li), isinstance(m, Li2))
attempt(setb(M, (list,)))
