# The gc module's interface.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.collect()).__name__, gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print(len(gc.get_threshold()), len(gc.get_count()))
old = gc.get_threshold()
gc.set_threshold(1000, 20)
print(gc.get_threshold()[:2])
gc.set_threshold(*old)
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(1), gc.is_tracked("x"))
class C:
    pass
print(gc.is_tracked(C()))
print(gc.is_finalized(C()))
print(gc.garbage, type(gc.callbacks).__name__)
phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases)
gc.freeze()
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
l = [1, 2]
print(1 in gc.get_referents(l), 2 in gc.get_referents(l))
