import itertools as it
print(list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.islice(it.count(), 3)), list(it.islice(it.count(1.5, 0.5), 3)))
