r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(range(5), range(0), list(range(10, 0, -2)), len(range(0, 10, -1)), range(3) == range(0, 3), range(0) == range(5, 2))
print(list(range(-5)), range(10 ** 20)[-1], range(10 ** 20).stop, reversed(range(3)).__class__.__name__)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    range(5)[10]
except IndexError as e:
    print(e)
try:
    range(5).index(7)
except ValueError as e:
    print(e)
print(r.start, r.stop, r.step, hash(range(3)) == hash(range(0, 3, 1)))
