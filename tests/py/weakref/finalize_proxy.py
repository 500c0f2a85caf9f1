# weakref.finalize, WeakMethod and proxies.
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n * 10


obj = C(1)
f = weakref.finalize(obj, print, "finalized", 1)
print(f.alive, f.peek()[1] is print)
del obj
print(f.alive, f.peek())

obj2 = C(2)
f2 = weakref.finalize(obj2, lambda: print("never"))
print(f2.detach()[0] is obj2, f2.alive)
del obj2

obj3 = C(3)
f3 = weakref.finalize(obj3, print, "called explicitly")
print(f3(), f3.alive, f3())

obj4 = C(4)
f4 = weakref.finalize(obj4, print, "at exit", 4)

c = C(5)
wm = weakref.WeakMethod(c.m)
print(wm()(), wm() == c.m)
del c
print(wm())


class V:
    def __init__(self):
        self.v = [1, 2, 3]

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 10

    def __add__(self, o):
        return "add"

    def __call__(self, *a):
        return a

    def __iter__(self):
        return iter(self.v)

    def __eq__(self, o):
        return True

    def __str__(self):
        return "V!"

    __hash__ = None


v = V()
pv = weakref.proxy(v)
print(len(pv), pv[2], pv + 1, pv(1, 2), list(pv), pv == 3, bool(pv), str(pv))
print(type(pv) is weakref.CallableProxyType, type(weakref.proxy(C(0))) is weakref.ProxyType)
try:
    hash(pv)
except TypeError as e:
    print(e)
pv.z = 7
print(v.z, pv.v)
del v
for op in (len, str, lambda p: p.v):
    try:
        op(pv)
    except ReferenceError as e:
        print("ReferenceError:", e)
print(weakref.getweakrefcount(1))
