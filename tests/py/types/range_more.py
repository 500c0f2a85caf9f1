r = range(-5, 50, 7)
print(list(r), r[2:5], r[::-2], r[-3:], len(r[::3]), r.index(23), 16 in r, 17 in r, 2.0 in range(5), "a" in range(3))
print(range(0, 10, 2) == range(0, 9, 2), range(5)[::-1] == range(4, -1, -1), list(range(5)[1:-1]), range(3).__reversed__().__class__.__name__)
print(repr(range(-3)), repr(range(1, 2, -1)), bool(range(0)), bool(range(1)), max(range(10)), min(range(3, 8)), sum(range(0, 100, 3)))
try:
    range(3)[1:2:0]
except ValueError as e:
    print(e)
try:
    range("3")
except TypeError as e:
    print(e)
