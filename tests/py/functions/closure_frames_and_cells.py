# Frames of closures borrow their free variables (the cells of the
# function's closure) instead of counting them: the cells must stay alive
# and correct wherever a frame can outlive or lose its function --
# generators of a closure whose function is deleted, reference cycles
# through the generator, the function and the cells that the collector
# frees, super() in methods (the __class__ cell), tracebacks and frame
# locals of closures, and closures rebound while running.
import gc
import sys
import weakref


def counter():
    n = 0

    def bump(k=1):
        nonlocal n
        n += k
        return n
    return bump


b = counter()
print("bump:", b(), b(), b(5))
print("cell contents:", [c.cell_contents for c in b.__closure__])


def gen_maker():
    items = [1, 2, 3]
    scale = 10

    def g():
        for x in items:
            yield x * scale
    return g


g = gen_maker()
it = g()
print("first:", next(it))
del g
gc.collect()
print("rest after the function is gone:", list(it))


class Node:
    pass


def cyclic():
    node = Node()

    def gen():
        yield node
        yield node.me

    node.me = node
    node.gen_fn = gen
    node.it = gen()
    next(node.it)
    return weakref.ref(node)


r = cyclic()
gc.collect()
print("cycle through suspended generator collected:", r() is None)


class Base:
    def hello(self):
        return "base"


class Child(Base):
    def hello(self):
        return "child+" + super().hello()

    def gen(self):
        yield super().hello()


print("super:", Child().hello(), next(Child().gen()))


def outer():
    secret = "s3"

    def inner():
        frame = sys._getframe()
        return sorted(frame.f_locals), frame.f_locals["secret"], secret
    return inner


print("locals:", outer()())


def raiser():
    ctx = {"k": 1}

    def inner():
        return ctx["missing"]
    return inner


try:
    raiser()()
except KeyError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("traceback locals:", sorted(tb.tb_frame.f_locals))


def rebinder():
    v = 1

    def inner():
        nonlocal v
        old = v
        v = [v] * 3
        return old, v
    return inner


f = rebinder()
print("rebind:", f(), f()[0])


def nested():
    a = "a"

    def mid():
        b = "b"

        def leaf():
            return a + b
        return leaf
    return mid()


leaf = nested()
del nested
gc.collect()
print("nested:", leaf(), leaf.__code__.co_freevars)


def deep_gen():
    acc = []

    def g(n):
        if n:
            yield from g(n - 1)
        acc.append(n)
        yield n
    return g, acc


g2, acc = deep_gen()
print("yield from chain:", list(g2(5)), acc)
del g2
gc.collect()
print("acc still reachable:", acc)
