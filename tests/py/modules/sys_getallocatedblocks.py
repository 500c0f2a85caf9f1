# sys.getallocatedblocks() counts the objects the allocator holds: it grows
# with live objects and comes back down once they are freed (the leak
# hunter's measure: a loop that leaks makes it grow).
import gc
import sys

gc.collect()
base = sys.getallocatedblocks()
print(type(base).__name__, base > 0)
objs = [object() for _ in range(5000)]
grown = sys.getallocatedblocks()
print("grew by at least 5000:", grown - base >= 5000)
del objs
gc.collect()
print("back near the start:", abs(sys.getallocatedblocks() - base) < 500)
cycle = []
for _ in range(2000):
    a = []
    a.append(a)
    cycle.append(a)
del cycle, a
gc.collect()
print("cycles freed:", abs(sys.getallocatedblocks() - base) < 500)
