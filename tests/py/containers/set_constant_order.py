# Constant sets (a literal of constants, `for x in {...}`, `x in {...}`)
# iterate in CPython's order, also when items collide (hash(-1) == hash(-2)).
print({-1, -2, 0, 1, 2}, {-2, -1, 3}, {64, 32, 16, 8, 0})
print([x for x in {-1, -2, 7, 15, 23, 31}])
for x in {-2, -1, 2 ** 61 - 3, 2 ** 61 - 2, 5}:
    print(x, end=" ")
print()


def member(v):
    return v in {-1, -2, 8, 16}


print([member(v) for v in (-2, -1, 0, 8, 16, 24)])
print(sorted({"b", "a", "c"}), {1.5, -1, -2, 0.5})
print(frozenset({-1, -2, 3}) | {4}, {-1, -2} | {3, -2})
