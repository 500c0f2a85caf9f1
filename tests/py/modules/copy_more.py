import copy
class Node:
    def __init__(self, v): self.v, self.children = v, []
root = Node(1)
root.children.append(Node(2))
root.children.append(root)
dup = copy.deepcopy(root)
print(dup.v, dup.children[0].v, dup.children[1] is dup, dup is not root)
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) == (1, 2))
class Slotted:
    __slots__ = ("a", "b")
s = Slotted(); s.a = [1]; s.b = 2
s2 = copy.deepcopy(s)
print(s2.a, s2.b, s2.a is s.a, copy.copy(s).a is s.a)
print(copy.copy({1: [2]}), copy.deepcopy([{"k": {1}}]))
