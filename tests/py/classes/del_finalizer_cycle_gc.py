import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("cycle unreachable")
n = gc.collect()
print("collected something:", n > 0)
