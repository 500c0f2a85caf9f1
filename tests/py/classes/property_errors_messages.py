class C:
    @property
    def ro(self): return 1
    def _set(self, v): pass
    wo = property(None, _set)
c = C()
try:
    c.ro = 2
except AttributeError as e:
    print(e)
try:
    del c.ro
except AttributeError as e:
    print(e)
try:
    c.wo
except AttributeError as e:
    print(e)
