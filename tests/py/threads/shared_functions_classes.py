# 4 threads call a module-level function, methods (plain, class, static),
# instantiate a module-level class and read module globals and the items
# of a global dict and list, while the main thread rebinds other globals
# (ints, lists, one of two equivalent functions) and adds new ones.  Every
# worker computes a sum that does not depend on the interleaving.
import threading

CONST = 7
table = {"a": 1, "b": 2, "c": 3}
items = [10, 20, 30, 40]
config = {"scale": 3, "names": ("x", "y")}


def add(x, y):
    return x + y


def one_a():
    return 1


def one_b():
    return 1


helper = one_a  # rebound by the main thread


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def twice(v):
        return 2 * v


class Point3(Point):
    dims = 3


rebound = 0  # rebound by the main thread
other = []   # rebound by the main thread

N = 1500
results = [None] * 4
bad = []
start = threading.Barrier(5)


def work(k):
    start.wait()
    s = 0
    for i in range(N):
        p = Point(i, -k) if i % 2 else Point3(i, -k)
        s += add(p.norm1(), CONST)
        s += table["abc"[i % 3]] + items[i % 4] + config["scale"]
        s += Point.twice(k) + Point.origin().norm1() + p.dims
        s += helper() + len(config["names"])
        r, o = rebound, other
        if type(r) is not int or type(o) is not list:
            bad.append((k, i))
    results[k] = s


def expected(k):
    s = 0
    for i in range(N):
        dims = 2 if i % 2 else 3
        s += i + k + CONST
        s += table["abc"[i % 3]] + items[i % 4] + config["scale"]
        s += 2 * k + 0 + dims
        s += 1 + 2
    return s


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
start.wait()
for i in range(N):
    rebound = i
    other = [i]
    helper = one_b if i % 2 else one_a
    globals()["dyn%d" % (i % 16)] = i
for t in threads:
    t.join()

print(results == [expected(k) for k in range(4)])
print(results)
print(bad)
print(rebound, other, helper.__name__, dyn15)
print(add(2, 3), Point(3, -4).norm1(), Point3.origin().dims, helper())
