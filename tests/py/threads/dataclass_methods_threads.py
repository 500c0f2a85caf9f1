# Dataclasses and classes made inside functions, used from several threads
# at once: generated __init__/__eq__/__lt__/__hash__/__repr__, methods
# attached after the class was made, and constants of code made by exec().
# Every thread must compute the same answers as one thread alone.
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = ("a", "b")


@dataclass(frozen=True)
class Key:
    name: str
    n: int


def make_class(k):
    # A class defined in a function: its methods are nested functions.
    class Local:
        def __init__(self, v):
            self.v = v

        def scaled(self):
            return self.v * k

        @property
        def doubled(self):
            return self.v * 2

        @classmethod
        def make(cls, v):
            return cls(v)

        @staticmethod
        def unit():
            return 1

    return Local


Local3 = make_class(3)


def bonus(self):
    return self.v + 100


def make_bonus():
    def extra(self):
        return self.v - 1
    return extra


Local3.bonus = bonus
Local3.extra = make_bonus()

ns = {}
exec("""
def consts(i):
    return (i, (1, 2.5, "not an identifier!"), b"raw", 10 ** 20)
""", ns)
consts = ns["consts"]


def work(tid, n, out):
    total = 0
    seen = {}
    for i in range(n):
        p = Point(i, tid)
        q = Point(i, tid)
        if not (p == q) or p != q:
            out.append("eq broken")
        if not (Point(i, 0) < Point(i, 1)) or Point(i, 1) <= Point(i, 0):
            out.append("order broken")
        k = Key("k%d" % (i % 7), i % 7)
        seen[k] = seen.get(k, 0) + 1
        obj = Local3.make(i)
        total += obj.scaled() + obj.bonus() + obj.extra() + obj.doubled + obj.unit()
        c = consts(i)
        total += c[0] + len(c[1]) + len(c[2]) + (c[3] // 10 ** 19)
    out.append((tid, total, sorted((k.name, k.n, v) for k, v in seen.items())[:3],
                repr(Point(tid, 1)), hash(Key("a", 1)) == hash(Key("a", 1))))


N = 2000
results = []
threads = [threading.Thread(target=work, args=(t, N, results)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
alone = []
work(0, N, alone)
for r in sorted(results, key=lambda r: r[0] if isinstance(r, tuple) else -1):
    print(r)
print(alone[0][1:] == [r for r in results if r[0] == 0][0][1:])
print(Point(1, 2) < Point(1, 3), Point(2) > Point(1, 9), Point(1) == Point(1, 0))
print(Point.__eq__.__qualname__, Point.__lt__.__qualname__, Key.__hash__.__qualname__)
print(Local3(5).scaled(), Local3(5).bonus(), Local3(5).extra())
