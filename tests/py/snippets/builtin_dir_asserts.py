class A:
    x = 1
    def m(self): pass
a = A()
a.y = 2
d = dir(a)
assert d == sorted(d)
assert "x" in d and "y" in d and "m" in d and "__init__" in d
assert "y" not in dir(A)
assert dir([]) == sorted(dir(list))
import math
assert "pi" in dir(math)
print("dir ok")
