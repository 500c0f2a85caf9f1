# bench/generators.py — generator-heavy code: a tree walked by nested
# `yield from`, generator pipelines and send()-driven coroutines.
import sys

class Tree:
    __slots__ = ("left", "value", "right")
    def __init__(self, left, value, right):
        self.left, self.value, self.right = left, value, right
    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right

def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))

def pipeline(n):
    nums = (i for i in range(n))
    sq = (x * x for x in nums if x % 3)
    return sum(x % 1000 for x in sq)

def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 180000
    tree = build(0, n)
    s = 0
    for _ in range(4):
        s += sum(tree)
    p = pipeline(n * 8)
    a = averager()
    next(a)
    last = 0.0
    for i in range(n * 4):
        last = a.send(i % 97)
    print("generators %d: %d %d %.6f" % (n, s, p, last))
