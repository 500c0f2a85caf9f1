x = 1
del x
try:
    x
except NameError as e:
    print(e)
l = [0, 1, 2, 3, 4, 5]
del l[0], l[-1]
print(l)
del l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class C: pass
c = C(); c.a = 1
del c.a
print(hasattr(c, "a"))
a, b = 1, 2
del (a, b)
print("a" in dir(), "b" in dir())
