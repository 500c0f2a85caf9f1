# Instance attributes shadowing class attributes that are not data
# descriptors (class-level defaults, methods, staticmethods), read and
# written repeatedly from the same code (so that cached paths are taken),
# while the class changes underneath.


class C:
    x = 1           # a plain class attribute (a default)
    t = (1, 2)

    def m(self):
        return "method"

    s = staticmethod(lambda: "static")


def read(o):
    return (o.x, o.t, o.m(), o.s())


def write(o, v):
    o.x = v


a = C()
for i in range(3):
    print(read(a))
write(a, 10)
for i in range(3):
    print(read(a))          # the instance dict shadows the default
a.m = lambda: "instance callable"
a.s = lambda: "instance static"
print(read(a))
del a.m, a.s, a.x
print(read(a))              # back to the class attributes


# The class attribute becomes a data descriptor: it wins over the dict.
class Prop:
    def __get__(self, obj, owner):
        return "descriptor get"

    def __set__(self, obj, value):
        print("descriptor set", value)


b = C()
write(b, 5)
print(read(b)[0])
C.x = Prop()
print(read(b)[0])
write(b, 6)
print(b.__dict__)
del C.x
print(read(b)[0])
C.x = 3
print(read(C())[0], read(b)[0])


# A non-data descriptor whose class later gains __set__.
class NonData:
    def __get__(self, obj, owner):
        return "nondata get"


class D:
    y = NonData()


def ready(o):
    return o.y


d = D()
print(ready(d))
d.__dict__["y"] = "from dict"
for i in range(3):
    print(ready(d))
NonData.__set__ = lambda self, obj, value: print("now a data descriptor", value)
print(ready(d))
d.y = 7
print(d.__dict__)


# Subclass overrides and a __slots__ class with a class default.
class E(C):
    pass


e = E()
print(read(e))
E.x = "sub"
print(read(e))
write(e, "inst")
print(read(e))


class S:
    __slots__ = ("a",)
    b = "class b"


s = S()
s.a = 1
print(s.a, s.b)
try:
    s.b = 2
except AttributeError as exc:
    print("AttributeError:", exc)
