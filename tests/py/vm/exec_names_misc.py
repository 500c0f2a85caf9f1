class M(dict):
    def __getitem__(self, k):
        if k == "magic": return 42
        return dict.__getitem__(self, k)
ns = M()
exec("y = magic + 1\nprint(y)\ndel y\ntry:\n    print(y)\nexcept NameError as e: print(e)", {}, ns)
print(eval("a * 2", {"a": 21}))
g = {}
exec("def f(): return z\nz = 3", g)
print(g["f"]())
def rgen(n):
    if n: yield from rgen(n - 1)
    yield n
print(sum(rgen(100)))
try: list(rgen(5000))
except RecursionError as e: print("RE")
def genexp_err():
    return list(1 / x for x in [1, 0])
try: genexp_err()
except ZeroDivisionError as e: print("zde", e)
print(list(map(lambda v: v * 2, range(3))))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
x = 10
def uses_global():
    global x
    x += 1
    del x
uses_global()
try: x
except NameError as e: print(e)
def kwonly(a, *, b, c=3): return a, b, c
print(kwonly(1, b=2), kwonly(a=1, b=5, c=6))
try: kwonly(1, 2)
except TypeError as e: print(e)
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(f"{3.14159:.2f} {'s'!r} {1+1=}")
l = [3, 1, 2]; l.sort(key=lambda v: -v); print(l)
print(any(v > 2 for v in l), all(v > 0 for v in l))
d = {"a": 1}
d["b"] = d.get("b", 0) + 1; print(d)
s = {1, 2}; s |= {3}; print(s)
t = (1, 2) + (3,); print(t[1:], t[::-1])
a = [1, 2, 3]; a[1:2] = [9, 9]; del a[0]; print(a)
print(not None, -(-3), ~5, +2.5)
print(1 if [] else 2, [] or "x", 0 and 1)
print(1 < 2 < 3, 1 < 3 < 2, "ab" in "cabd", 3 not in [1])
i = 0
while i < 5:
    i += 1
    if i == 3: continue
else: print("while-else", i)
import math as m
from math import sqrt, pi as PI
print(m.floor(2.5), sqrt(16), round(PI, 2))
print(type(None).__name__, isinstance(True, int))
assert True, "no"
try: assert 1 == 2, "msg"
except AssertionError as e: print("AE", e)
