cache = {}
def fib(n):
    if n in cache: return cache[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    cache[n] = r
    return r
print(fib(100), fib(200))
import functools
@functools.lru_cache(maxsize=None)
def f2(n):
    return n if n < 2 else f2(n - 1) + f2(n - 2)
print(f2(150), f2.cache_info().hits > 0)
