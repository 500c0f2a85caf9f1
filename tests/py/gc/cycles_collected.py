# Reference cycles between instances are freed by gc.collect(); __del__
# runs once for each object of the cycle.
import gc

gc.disable()
log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append(self.name)


a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("before collect:", log)
gc.collect()
print("after collect:", sorted(log))

# A self-referencing instance, a list containing itself and a dict cycle.
log.clear()
s = Node("self")
s.peer = s
holder = [s]
holder.append(holder)
del s, holder
gc.collect()
print(sorted(log))

# Nothing reachable is touched.
keep = Node("kept")
keep.peer = keep
gc.collect()
print(log.count("kept"), keep.peer is keep)
keep.peer = None
del keep
print(log.count("kept"))

# A second collection finds nothing more to finalize.
log.clear()
gc.collect()
print(log)
