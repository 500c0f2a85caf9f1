# Weak-reference callbacks of a module-level function and of a module run
# when their last reference goes, in CPython 3.11 and in weft while the
# program has not started a thread: until then such objects are counted by
# their owner (weft/object.h, wf_perthread_enable_for_threads).
# perthread_weakref_timing_threaded is the same after a thread has run.
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
