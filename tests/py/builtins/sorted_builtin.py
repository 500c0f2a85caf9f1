print(sorted([3, 1, 2]), sorted("bca"), sorted((3, 1)), sorted({3: 0, 1: 0}), sorted([]), sorted(range(5), reverse=True))
print(sorted(["aa", "b", "ccc"], key=len, reverse=True), sorted([-3, 2, -1], key=abs))
pairs = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
try:
    sorted()
except TypeError as e:
    print(e)
