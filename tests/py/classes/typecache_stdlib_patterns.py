# Library patterns that setattr() on classes after creation (dataclasses,
# enum, abc, functools.total_ordering), and the type's own attribute
# setters (__module__, __annotations__, __abstractmethods__); lookups made
# before must not hide the change (runtime/objects/typecache.c).
import abc
import dataclasses
import enum
import functools


class Pt:
    x: int
    y: int = 2


print(hasattr(Pt, "__eq__") and Pt.__eq__ is object.__eq__, hasattr(Pt, "__dataclass_fields__"))
Pt = dataclasses.dataclass(Pt)
p = Pt(1)
print(p, p == Pt(1, 2), Pt.__eq__ is object.__eq__)


@functools.total_ordering
class V:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        return self.n == o.n

    def __lt__(self, o):
        return self.n < o.n


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(Color.RED, Color(2), Color.RED.name, [c.name for c in Color])


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Sq(Shape):
    def area(self):
        return 4


print(Sq().area(), sorted(Shape.__abstractmethods__))
Shape.__abstractmethods__ = frozenset()
print(type(Shape()).__name__)


class Plain:
    pass


x = Plain()
for _ in range(2):
    print(x.__module__, Plain.__module__)
Plain.__module__ = "elsewhere"
print(x.__module__, Plain.__module__)
print(Plain.__annotations__)
Plain.__annotations__ = {"a": int}
print(Plain.__annotations__, x.__annotations__)
del Plain.__annotations__
print(Plain.__annotations__)

# a class attribute shadowed by, then revealed from, an instance
class Q:
    k = "class"


q = Q()
print(q.k)
q.k = "inst"
print(q.k)
Q.k = "class2"
print(q.k, Q.k)
del q.k
print(q.k)

# many subclasses: a change on the root reaches all of them
root = type("Root", (), {"val": 0})
subs = [type("S%d" % i, (root,), {}) for i in range(100)]
objs = [s() for s in subs]
print(sum(o.val for o in objs))
root.val = 1
print(sum(o.val for o in objs))
grand = [type("G%d" % i, (s,), {}) for i, s in enumerate(subs[:70])]
print(sum(g.val for g in grand))
root.val = 2
print(sum(g.val for g in grand), sum(o.val for o in objs))
