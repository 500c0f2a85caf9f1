class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)
try:
    class A(metaclass=Meta):
        def f(self): return __class__
except RuntimeError as e:
    print('RuntimeError', e)
class Meta2(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)
class B(metaclass=Meta2):
    def f(self): return __class__
print(B().f() is B)
class C:
    def f(self): return super().__repr__
print(type(C().f()).__name__)
try:
    class D:
        __classcell__ = 1
except TypeError as e:
    print('TypeError', e)
def make(name, bases, ns):
    return type(name, bases, ns)
class E(metaclass=make):
    def g(self): return __class__
print(E().g() is E)
class NS(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)
class PM(type):
    @classmethod
    def __prepare__(m, name, bases): return NS()
    def __new__(m, name, bases, ns): return super().__new__(m, name, bases, dict(ns))
class F(metaclass=PM):
    a = 1
    def b(self): pass
print(sorted(k for k in F.__dict__ if not k.startswith('__')))
import types
print(type(type('X', (), {})).__name__)
class Gen:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(Gen[int])
class K(object, metaclass=type): pass
print(K.__mro__)
try:
    class L(1): pass
except TypeError as e:
    print('TypeError', e)
try:
    class M2(int, str): pass
except TypeError as e:
    print('TypeError', e)
class Desc:
    def __set_name__(self, owner, name): print('set_name', owner.__name__, name)
class N:
    d = Desc()
class O:
    x: int = 3
    y: str
print(O.__annotations__, O.x)
