class A:
    x = 1
    def m(self): return __class__
print(A.m(A()) is A, A.__name__, A.__qualname__, A.__module__)
class B(A):
    def m(self): return super().m()
print(B().m() is A)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('Meta.__new__', name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
class D(A, metaclass=Meta, flag=True):
    y = 2
print(D.injected, type(D) is Meta)
class E(D): pass
print(type(E) is Meta)
class Base:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
        super().__init_subclass__()
class F(Base, opt=3): pass
class Entry:
    def __mro_entries__(self, bases):
        return (A,)
class G(Entry()): pass
print(G.__bases__, G.__orig_bases__[0].__class__.__name__)
try:
    class H(metaclass=Meta, **{'a': 1}): pass
except Exception as ex:
    print(type(ex).__name__, ex)
class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class Y(X1, X2): pass
except TypeError as ex:
    print(ex)
def fn_meta(name, bases, ns, **kw):
    print('fn_meta', name, bases, kw)
    return 42
class Z(A, metaclass=fn_meta, k=1): pass
print(Z)
class Bad:
    def __prepare__(self): pass
class P:
    @staticmethod
    def __prepare__(*a, **k): return 1
try:
    class Q(metaclass=P): pass
except TypeError as ex:
    print(ex)
class Sl:
    __slots__ = ('a',)
print(Sl.__slots__)
class WithDoc:
    "doc here"
print(WithDoc.__doc__)
try:
    __build_class__()
except TypeError as ex:
    print(ex)
try:
    __build_class__(1, 'a')
except TypeError as ex:
    print(ex)
class Outer:
    class Inner:
        def q(self): return __class__.__qualname__
print(Outer.Inner().q())
