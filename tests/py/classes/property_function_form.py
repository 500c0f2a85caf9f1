class C:
    def get(self): return "got"
    def set(self, v): print("set", v)
    x = property(get, set, None, "the x doc")
c = C()
print(c.x, C.x.__doc__)
c.x = 5
try:
    del c.x
except AttributeError as e:
    print(e)
