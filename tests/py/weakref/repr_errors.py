# repr of refs and proxies, argument errors, hashing and equality.
import weakref
class C: pass
c = C()
p = weakref.proxy(c)
print(repr(p).split(" at ")[1].split(" to ")[1])
def f(): pass
print(repr(weakref.ref(f)).split(";")[1].split(" at ")[0], repr(weakref.ref(f)).endswith("(f)>"))
print(weakref.ref(C).__repr__().endswith("(C)>"))
del c
print(repr(p).split(" at ")[1].split(" to ")[1])
try:
    weakref.ref()
except TypeError as e: print(e)
try:
    weakref.ref(1, 2, 3)
except TypeError as e: print(e)
r = weakref.ref(f)
try:
    r(1)
except TypeError as e: print(e)
print(weakref.ref.__name__, weakref.ReferenceType.__module__, weakref.ProxyType.__name__)
print(r.__class__, isinstance(r, weakref.ReferenceType))
try:
    hash(weakref.ref(C()))
except TypeError as e: print(e)
x = C()
rx = weakref.ref(x); h = hash(rx); del x; print(hash(rx) == h)
class D:
    def __eq__(s, o): return True
    __hash__ = object.__hash__
a, b = D(), D()
print(weakref.ref(a) == weakref.ref(b), weakref.ref(a) == 3)
