import weakref, sys
class C:
    pass
c = C()
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c))
print(weakref.ref(c) is r)
def cb(wr):
    print("callback", wr is r2, wr() is None)
r2 = weakref.ref(c, cb)
print(r2.__callback__ is cb, weakref.getweakrefcount(c))
print(weakref.getweakrefs(c) == [r, r2], c.__weakref__ is r)
print(hash(r) == hash(c), r == r2)
del c
print(r(), r2(), r2.__callback__)
print(repr(r)[:11], repr(r).endswith("; dead>"))
for o in (1, "s", (), [], {}, 1.5):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
def f(): pass
print(weakref.ref(f)() is f)
print(weakref.ref(C)() is C)
s = {1}
try:
    print(weakref.ref(s)() is s)
except TypeError as e: print(e)
class S:
    __slots__ = ('a',)
try:
    weakref.ref(S())
except TypeError as e: print(e)
class S2:
    __slots__ = ('a', '__weakref__')
x = S2(); print(weakref.ref(x)() is x)
class A: pass
class B: pass
class AB(A, B): pass
ab = AB(); print(weakref.ref(ab)() is ab)
class R(weakref.ref):
    pass
rr = R(ab); print(type(rr).__name__, rr() is ab)
p = weakref.proxy(ab)
ab.x = 5
print(p.x)
del ab
try:
    p.x
except ReferenceError as e: print("RE", e)
print(type(r), weakref.ReferenceType, weakref.ProxyType, weakref.CallableProxyType)
