# Weak-reference callbacks of a module-level function and of a module run
# when their last reference goes in CPython 3.11.  Weft counts such
# objects per thread (docs/internals/refcounting.md), so they die, and
# their callbacks run, at the next collection, as CPython 3.14 does for
# its deferred objects (listed in tests/py/xfail.txt).
import gc
import types
import weakref

events = []


def f():
    pass


r1 = weakref.ref(f, lambda _: events.append("f callback"))
del f
events.append("after del f")

mod = types.ModuleType("plain")
r2 = weakref.ref(mod, lambda _: events.append("module callback"))
del mod
events.append("after del mod")

events.append("collect")
gc.collect()
for e in events:
    print(e)
print(r1() is None, r2() is None)
