def gen(n):
    try:
        for i in range(n):
            x = yield i
            if x: print("got", x)
    finally:
        print("finally", n)
g = gen(3)
print(next(g), g.send("hi"), next(g))
try: next(g)
except StopIteration as e: print("stop", e.value)
g = gen(5)
print(next(g))
try:
    g.send(1) ; g.send(2)
except Exception as e: print(e)
g.close()
print(g.gi_frame, g.gi_running)
g = gen(2)
try: g.send(5)
except TypeError as e: print(e)
def r():
    yield 1
    return 42
def outer():
    v = yield from r()
    print("v", v)
    yield v
print(list(outer()))
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught in gen", e)
        yield 2
    yield 3
t = thrower(); next(t)
print(t.throw(ValueError("boom")))
print(t.throw(ValueError, "x") if False else next(t))
try: t.throw(KeyError("k"))
except KeyError as e: print("propagated", e)
def ig():
    try: yield 1
    except GeneratorExit: yield 2
i = ig(); next(i)
try: i.close()
except RuntimeError as e: print(e)
def stopper():
    raise StopIteration
    yield
try: next(stopper())
except RuntimeError as e: print(e, type(e.__cause__))
def deleg():
    yield from thrower()
d = deleg(); print(next(d)); print(d.throw(ValueError("via")))
print(repr(gen(1))[:24], gen(1).__name__, gen(1).__qualname__)
def self_ref():
    yield next(g2)
g2 = self_ref()
try: next(g2)
except ValueError as e: print(e)
def drop():
    try: yield 1
    finally: print("dropped")
dd = drop(); next(dd); del dd
print("after del")
import sys
def exc_in_gen():
    try: raise KeyError("a")
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
e = exc_in_gen()
print(next(e), sys.exc_info()[0], next(e))
print(sum(x*x for x in range(10)))
gy = (i for i in range(3)); print(gy.gi_yieldfrom, list(gy))
