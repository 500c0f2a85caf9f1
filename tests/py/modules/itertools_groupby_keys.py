import itertools
data = [("a", 1), ("a", 2), ("b", 3), ("a", 4)]
for k, g in itertools.groupby(data, key=lambda p: p[0]):
    print(k, [v for _, v in g])
