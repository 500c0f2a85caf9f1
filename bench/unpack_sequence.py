# bench/unpack_sequence.py — tuple and list unpacking in a tight loop
# (pyperformance's unpack_sequence idea).
import sys

def do_unpacking(loops, to_unpack):
    acc = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        acc += a + j
        x, *rest = to_unpack
        acc += len(rest)
        (p, q), r = (a, b), c
        acc += p - q + r
    return acc

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    t = do_unpacking(n, tuple(range(10)))
    l = do_unpacking(n, list(range(10)))
    print("unpack_sequence %d: %d %d" % (n, t, l))
