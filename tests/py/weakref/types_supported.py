# Which objects can be weakly referenced.
import sys
import weakref


class C:
    def meth(self):
        pass


class S:
    __slots__ = ("a",)


class SW:
    __slots__ = ("a", "__weakref__")


class I(int):
    pass


class L(list):
    pass


def f():
    pass


def gen():
    yield 1


for label, o in [("int", 1), ("str", "s"), ("tuple", ()), ("list", []), ("dict", {}),
                 ("float", 1.5), ("None", None), ("slots", S()), ("int subclass", I(3))]:
    try:
        weakref.ref(o)
        print(label, "ok")
    except TypeError as e:
        print(label, e)

g = gen()
fs = frozenset([1, 2])
st = {1}
sw = SW()
lst = L()
c = C()
m = c.meth
for label, o in [("function", f), ("class", C), ("type", int), ("set", st), ("frozenset", fs),
                 ("generator", g), ("module", sys), ("slots+weakref", sw),
                 ("list subclass", lst), ("instance", c), ("bound method", m)]:
    r = weakref.ref(o)
    print(label, r() is o, weakref.getweakrefcount(o))
print(C().__weakref__, c.__weakref__ is weakref.ref(c))
print(sorted(k for k in C.__dict__ if k.startswith("__we")))
try:
    class Bad(SW):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError")
