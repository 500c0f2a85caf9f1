i = iter([1, 2, 3])
print(iter(i) is i, list(iter(iter(i))))
g = (x for x in range(3))
print(iter(g) is g)
d = {"a": 1}
it = iter(d.items())
print(next(it), type(it).__name__)
