s = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(s), sorted(sorted(x) for x in s))
