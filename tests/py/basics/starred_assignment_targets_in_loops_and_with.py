pairs = [(1, 2, 3, 4), (5, 6)]
for first, *middle, last in pairs:
    print(first, middle, last)
class CM:
    def __enter__(self): return (1, 2, 3)
    def __exit__(self, *a): pass
with CM() as (a, *b):
    print(a, b)
*init, = "abc"
print(init)
