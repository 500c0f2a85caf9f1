r = range(10, -10, -3)
print(list(r), 7 in r, 8 in r, -8 in r, r.index(-5), r[-1], len(r))
