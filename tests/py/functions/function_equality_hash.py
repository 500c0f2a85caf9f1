def f(): pass
g = f
print(f == g, f is g, hash(f) == hash(g), f != (lambda: 0))
