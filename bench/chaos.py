# bench/chaos.py — the "chaos game": iterate random affine maps (a
# Barnsley-fern-like iterated function system) plus a Bezier curve
# evaluated through a small vector class, and plot the points on a grid.
# Deterministic: its own linear congruential generator, no random module.
import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def linear_combination(self, o, l1, l2=None):
        if l2 is None:
            l2 = 1 - l1
        return Vec(self.x * l1 + o.x * l2, self.y * l1 + o.y * l2)

    def mag(self):
        return (self.x * self.x + self.y * self.y) ** 0.5


class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 0x7FFFFFFF


# (a, b, c, d, e, f, cumulative probability)
MAPS = [
    (0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
    (0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.86),
    (0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.93),
    (-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 1.0),
]


def bezier(points, t):
    pts = list(points)
    while len(pts) > 1:
        pts = [pts[i].linear_combination(pts[i + 1], 1 - t, t) for i in range(len(pts) - 1)]
    return pts[0]


def chaos(n, width=128, height=128):
    rng = LCG(1234)
    grid = [[0] * width for _ in range(height)]
    p = Vec(0.0, 0.0)
    ctrl = [Vec(0.0, 0.0), Vec(0.3, 1.0), Vec(0.7, -1.0), Vec(1.0, 0.0)]
    for i in range(n):
        r = rng.next()
        for (a, b, c, d, e, f, prob) in MAPS:
            if r <= prob:
                p = Vec(a * p.x + b * p.y + e, c * p.x + d * p.y + f)
                break
        # a small wobble along a cubic Bezier curve
        w = bezier(ctrl, (i % 100) / 100.0) * 0.01
        q = p + w
        gx = int((q.x + 3.0) / 6.0 * (width - 1))
        gy = int(q.y / 10.5 * (height - 1))
        if 0 <= gx < width and 0 <= gy < height:
            grid[gy][gx] += 1
    filled = sum(1 for row in grid for v in row if v)
    checksum = sum((y * width + x) * v for y, row in enumerate(grid) for x, v in enumerate(row)) % 1000000007
    return filled, checksum, round(p.mag(), 9)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    f, c, m = chaos(n)
    print("chaos %d: filled %d checksum %d last %.9f" % (n, f, c, m))
