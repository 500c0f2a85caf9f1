class C:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
c = C()
c.x = 4
assert c.x == 8
assert isinstance(C.x, property)
try:
    del c.x
    assert False
except AttributeError:
    pass
print("property ok")
