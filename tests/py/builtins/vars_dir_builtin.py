class C:
    cls_attr = 1
    def __init__(self): self.inst = 2
c = C()
print(vars(c), [k for k in dir(c) if not k.startswith("_")], "cls_attr" in vars(C))
print(sorted(k for k in dir() if not k.startswith("_")))
def f():
    local = 1
    return dir()
print(f())
import math
print("sqrt" in dir(math), dir([]) == sorted(dir([])))
