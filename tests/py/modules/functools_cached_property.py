import functools
class C:
    def __init__(self): self.n = 0
    @functools.cached_property
    def val(self):
        self.n += 1
        return self.n * 10
c = C()
print(c.val, c.val, c.n)
del c.val
print(c.val)
