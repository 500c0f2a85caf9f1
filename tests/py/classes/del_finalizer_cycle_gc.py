# Both objects of an unreachable cycle are finalized (once each) by
# gc.collect().  The order of __del__ calls within one cycle is not
# specified by Python, so the names are printed sorted.
import gc
finalized = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        finalized.append(self.name)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("cycle unreachable", finalized)
n = gc.collect()
print("finalized:", sorted(finalized))
print("collected something:", n > 0)
gc.collect()
print("finalized once:", sorted(finalized))
