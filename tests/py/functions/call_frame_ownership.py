# A called function's frame borrows the function from the caller's stack and
# takes over the arguments: the function and its arguments must stay alive
# for the whole call even when every other reference to them goes away.
import gc
import sys
import weakref


def self_deleting(x):
    global self_deleting
    del self_deleting          # the global was one of two references
    gc.collect()
    return x * 2, sys._getframe().f_code.co_name


print(self_deleting(21))
print("self_deleting" in globals())


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%r)" % self.v


def drop_everything(a, b):
    # The caller's stack slots for a and b were handed to this frame.
    holder.clear()
    gc.collect()
    return a.v + b.v, repr(a), repr(b)


holder = [Box(1), Box(2)]
print(drop_everything(holder[0], holder[1]))
print(holder)


def rebinding(n):
    global rebinding
    old = rebinding
    rebinding = lambda n: "replaced"
    del old
    gc.collect()
    if n:
        return rebinding(n - 1), n
    return "base"


print(rebinding(2))


def fails(a, b):
    a.v += 1
    raise ValueError(b.v)


x, y = Box(10), Box(20)
wx = weakref.ref(x)
try:
    fails(x, y)
except ValueError as e:
    print("ValueError", e.args, x)
del x
gc.collect()
print(wx() is None)


def gen(a, b):
    yield a
    yield b


g = gen(Box(3), Box(4))
del gen
gc.collect()
print(list(g))


def outer():
    def inner(p, q):
        return sys._getframe(1).f_locals.get("marker"), p + q
    marker = "outer-local"
    return inner(1, 2)


print(outer())


def recurse(n, acc):
    if n == 0:
        return acc
    return recurse(n - 1, acc + [n])


print(recurse(5, []))


class K:
    def m(self, v):
        return self, v


k = K()
r = k.m(5)
print(r[0] is k, r[1])


def kw(a, b=2, *, c=3):
    return a, b, c


print(kw(1), kw(1, 5), kw(1, c=9), kw(a=0, b=0, c=0))


def many(*args, **kwargs):
    return args, sorted(kwargs.items())


print(many(1, 2, z=3))
