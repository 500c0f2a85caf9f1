f = lambda: 42
g = lambda x, y=2: x * y
h = lambda *a, **k: (a, sorted(k.items()))
print(f(), g(3), g(3, 3), h(1, 2, z=3))
print((lambda x: (lambda y: x + y))(1)(2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print(g.__name__)
