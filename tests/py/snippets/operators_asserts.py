import operator
assert operator.add(1, 2) == 3
assert 5 & 3 == 1 and 5 | 3 == 7 and 5 ^ 3 == 6 and ~5 == -6
assert 1 << 10 == 1024 and -16 >> 2 == -4
assert (3 if True else 4) == 3
assert (not 0) is True
assert (0 or None) is None
assert ([] and 1) == []
print("operators ok")
