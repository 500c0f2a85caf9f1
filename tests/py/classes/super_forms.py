# super(): zero-argument, two-argument, unbound, subclassed; MRO walking and errors.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
class A:
    def f(self): return 'A.f'
    @classmethod
    def c(cls): return 'A.c ' + cls.__name__
    @staticmethod
    def s(): return 'A.s'
    @property
    def p(self): return 'A.p'
    def __init__(self): self.x = 1
class B(A):
    def f(self): return 'B.f+' + super().f()
    @classmethod
    def c(cls): return 'B.c+' + super().c()
    @staticmethod
    def s(): return 'B.s+' + super(B, B).s()
    @property
    def p(self): return 'B.p+' + super().p
    def __init__(self):
        super().__init__()
        self.y = 2
class C(A):
    def f(self): return 'C.f+' + super().f()
class D(B, C):
    def f(self): return 'D.f+' + super().f()
    def __repr__(self): return 'D()'
d = D()
print(d.f(), D.c(), D.s(), d.p, d.x, d.y)
print(D.__mro__)
print(super(B, d).f(), super(C, d).f())
print(repr(super(B, d)), super(B, d).__thisclass__, super(B, d).__self__, super(B, d).__self_class__)
print(repr(super(B)), super(B).__self__, super(B).__self_class__)
print(repr(super(B, D)))
t(lambda: super(B, D).f(d))
t(lambda: super(D, d).nonexistent)
t(lambda: super(A, d).f)
t(lambda: super(B, 1))
t(lambda: super(1, d))
t(lambda: super())
def nosuper(self): return super().f()
t(lambda: nosuper(d))
class E:
    def m(self):
        def inner(): return super().m()
        return inner()
t(lambda: E().m())
class F(A):
    def f(self):
        del self
        return super().f()
t(lambda: F().f())
class G(A):
    def __init__(self, *a):
        super().__init__()
    def f(self, x=None):
        return super().f(), __class__
print(G().f())
print(isinstance(super(B, d), super), type(super(B, d)))
class MySuper(super): pass
ms = MySuper(B, d)
print(ms.f(), type(ms).__name__)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
class H(metaclass=Meta): pass
print(H.tag)
class I(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
i = I(); i['a'] = 2; print(i)
class J(list):
    def append(self, v): super().append(v + 1)
j = J(); j.append(1); print(j)
class K:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.sub = True
class L(K): pass
print(L.sub)
print(super(B, d).__class__, super(B, d).__doc__ is not None)
class N:
    def __getattr__(self, n): return 'N.' + n
class O(N):
    def g(self): return super().zzz
t(lambda: O().g())
su = super(B)
t(lambda: su.__get__(d).f())
t(lambda: su.__get__(None, D) is su)
