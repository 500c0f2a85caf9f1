s = set()
for v in [5, 3, 17, 1, 9, 33, 2]:
    s.add(v)
print(s, list(s))
s.discard(17)
s.add(100)
print(s)
print({-1, -2, 0, 1, 2}, set(range(10, 0, -1)), {64, 32, 16, 8, 0})
