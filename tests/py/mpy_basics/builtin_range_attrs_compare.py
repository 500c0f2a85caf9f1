print(range(0, 3) == range(3), range(0) == range(2, 2), range(1, 10, 3) == range(1, 11, 3), range(3) != range(4))
print(hash(range(3)) == hash(range(0, 3)), range(5).count(3), list(range(3, -3, -2)))
