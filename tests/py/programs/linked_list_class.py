class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, it=()):
        self.head = None
        for v in reversed(list(it)):
            self.head = Node(v, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self): return sum(1 for _ in self)
    def __repr__(self): return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def __getitem__(self, i):
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
l = LinkedList("abcde")
print(l, len(l), l[2], l.reverse(), list(l), "c" in l)
try:
    l[10]
except IndexError as e:
    print(e)
