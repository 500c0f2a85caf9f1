# Dropping a structure nested 200000 levels deep frees every level without
# overflowing the C stack (the deallocs are bounded, as CPython's
# trashcan): lists, tuples, dicts, frozensets, instances with a __dict__
# or __slots__, list subclasses, exception __context__/__cause__ chains,
# functools.partial, closures, iterators and generator expressions.
import functools
import weakref

N = 200000


class Bottom:
    pass


class Node:
    pass


class SNode:
    __slots__ = ("nxt",)


class LSub(list):
    pass


def wrap(kind, x):
    if kind == "list":
        return [x]
    if kind == "tuple":
        return (x,)
    if kind == "dict":
        return {1: x}
    if kind == "frozenset":
        return frozenset([x])
    if kind == "instance":
        n = Node()
        n.nxt = x
        return n
    if kind == "slots":
        n = SNode()
        n.nxt = x
        return n
    if kind == "list subclass":
        return LSub([x])
    if kind == "__context__":
        e = ValueError()
        e.__context__ = x
        return e
    if kind == "__cause__":
        e = KeyError()
        e.__cause__ = x
        return e
    if kind == "partial":
        return functools.partial(print, x)
    if kind == "closure":
        return (lambda v: (lambda: v))(x)
    if kind == "iterator":
        return iter([x])
    if kind == "generator":
        return (y for y in [x])
    raise ValueError(kind)


for kind in ["list", "tuple", "dict", "frozenset", "instance", "slots", "list subclass",
             "__context__", "__cause__", "partial", "closure", "iterator", "generator"]:
    bottom = Bottom()
    r = weakref.ref(bottom)
    x = bottom if kind not in ("__context__", "__cause__") else ValueError(bottom)
    del bottom
    for _ in range(N):
        x = wrap(kind, x)
    alive = r() is not None
    del x
    print(kind, "built:", alive, "freed:", r() is None)
