# Generators, coroutines and their frames take part in the cycle collector:
# suspended garbage is closed (its finally blocks run), then freed.
import gc, weakref, sys

class Box:
    pass

log = []

# 1. a generator whose own local refers to it, suspended inside try/finally
def selfref():
    me = yield
    try:
        yield 1
    finally:
        log.append("finally ran")

it = selfref(); next(it); it.send(it)
r = weakref.ref(it)
del it
gc.collect()
print("collected:", r() is None, log)

# 2. never started generator in a cycle
def plain(x):
    yield x
b = Box(); b.g = plain(b)
r = weakref.ref(b)
del b
gc.collect()
print("unstarted cycle freed:", r() is None)

# 3. generator that ignores GeneratorExit, in a cycle
def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            log.append("ignored")
b = Box(); b.g = stubborn(); next(b.g); b.g.gi_frame.f_locals  # frame object too
b.g2 = b
r = weakref.ref(b)
def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value)
sys.unraisablehook = hook
del b
gc.collect()
print("stubborn cycle freed:", r() is None, log)

# 4. coroutine in a cycle
async def coro(box):
    return box
b = Box(); b.c = coro(b)
r = weakref.ref(b)
b.c.close()
del b
gc.collect()
print("coroutine cycle freed:", r() is None)

# 5. tracking and referents
def g2(a):
    x = [a]
    yield x
it = g2(5); next(it)
print(gc.is_tracked(it), any(isinstance(o, list) and o == [5] for o in gc.get_referents(it)))

# 6. a live suspended generator's locals survive a collection
def keep():
    data = [Box() for _ in range(3)]
    yield
    yield len(data)
k = keep(); next(k); gc.collect()
print("live:", next(k))
