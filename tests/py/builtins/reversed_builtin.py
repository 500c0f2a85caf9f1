print(list(reversed([1, 2, 3])), "".join(reversed("abc")), tuple(reversed(range(1, 4))))
r = reversed([1, 2])
print(type(r).__name__, next(r), list(r))
