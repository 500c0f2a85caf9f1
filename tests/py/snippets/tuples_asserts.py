t = (1, 2, 3)
a, *b = t
assert a == 1 and b == [2, 3]
assert t.count(2) == 1 and t.index(3) == 2
assert t + (4,) == (1, 2, 3, 4)
assert (1,) * 2 == (1, 1)
assert tuple([1, 2]) == (1, 2)
assert hash((1, 2)) == hash((1, 2))
assert (1, (2, 3)) == (1, (2, 3))
assert () == tuple()
print("tuples ok")
