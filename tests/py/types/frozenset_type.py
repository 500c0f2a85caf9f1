f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, sorted(f), f | {9}, f & {1, 7}, f - {1}, f ^ {1, 5}, type(f | {9}).__name__)
print(frozenset(), hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {f: "key"}[frozenset({1, 2, 3})])
try:
    f.add(1)
except AttributeError as e:
    print(e)
