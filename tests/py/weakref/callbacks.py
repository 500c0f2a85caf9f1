# Callbacks run after every weak reference to the object is cleared,
# newest callback first; exceptions in callbacks are reported and ignored.
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = C(1)
r1 = weakref.ref(a, lambda r: print("cb1", r() is None, r is r1))
r2 = weakref.ref(a, lambda r: print("cb2", r1() is None))
r3 = weakref.ref(a)
print(weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r3, r2, r1])
del a
print("after del", r3(), r1.__callback__)

b = C(2)


class Bad:
    def __call__(self, r):
        raise ValueError("boom")

    def __repr__(self):
        return "<Bad callback>"


rb = weakref.ref(b, Bad())
del b
print("survived")

# a ref that dies before its referent never calls back
c = C(3)
rc = weakref.ref(c, lambda r: print("never"))
del rc
del c

# a callback may create new refs and look at other objects
keep = []
d = C(4)
e = C(5)
rd = weakref.ref(d, lambda r: keep.append(weakref.ref(e)))
del d
print(len(keep), keep[0]() is e)
del e
print(keep[0]())


# subclass with extra attributes
class Named(weakref.ref):
    def __init__(self, ob, callback=None, name="?"):
        super().__init__(ob, callback)
        self.name = name


def report(r):
    print("dead:", r.name)


f = C(6)
nr = Named(f, report, name="f-ref")
print(nr.name, nr() is f, isinstance(nr, weakref.ref))
del f
print("end")
