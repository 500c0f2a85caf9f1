l = [1, 2, 3]
for idx in (-1, -10, 10, 0, 2):
    l.insert(idx, idx)
print(l)
