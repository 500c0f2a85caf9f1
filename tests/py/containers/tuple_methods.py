t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1), t[1:3], t + (9,), t * 2, len(t), 2 in t, min(t), max(t))
print(tuple(), tuple([1]), tuple("ab"), (1,) == (1,), (1, 2) < (1, 3), hash((1, 2)) == hash((1, 2)))
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
try:
    t[10]
except IndexError as e:
    print(e)
