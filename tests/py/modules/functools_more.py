import functools
p = functools.partial(int, base=2)
print(p("101"), p.func.__name__, p.keywords, repr(functools.partial(max, 1)).startswith("functools.partial(<built-in function max>, 1"))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3], 0))
@functools.total_ordering
class N:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(N(1) < N(2), N(2) <= N(2), N(3) >= N(4))
@functools.lru_cache(maxsize=3)
def f(x): return x * 2
for v in [1, 2, 3, 1, 4, 1, 2]:
    f(v)
print(f.cache_info(), f.cache_clear(), f.cache_info().currsize)
print(functools.reduce(max, [3, 9, 2]))
