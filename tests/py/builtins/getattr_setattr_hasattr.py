class C:
    x = 1
c = C()
print(getattr(c, "x"), getattr(c, "y", "dflt"), hasattr(c, "x"), hasattr(c, "y"))
setattr(c, "y", 5)
print(c.y, getattr(c, "y"))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    getattr(c, "zz")
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print(e)
