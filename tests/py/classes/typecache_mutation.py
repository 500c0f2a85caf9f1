# Class mutation after lookups: every way programs change classes must be
# seen by later attribute lookups (weft caches lookups per thread, keyed by
# the type's version tag; runtime/objects/typecache.c).


class Base:
    x = 1

    def m(self):
        return "Base.m"


class Mid(Base):
    pass


class Leaf(Mid):
    __slots__ = ("a",)


o = Leaf()
o.a = 3
for _ in range(3):
    print(o.m(), o.x, o.a, Leaf.x)

# method replacement on the base, then on an intermediate class
Base.m = lambda self: "Base.m2"
print(o.m())
Mid.m = lambda self: "Mid.m"
print(o.m())
del Mid.m
print(o.m())

# attribute added to the base after subclass lookups missed it
for _ in range(2):
    print(hasattr(o, "late"), getattr(Leaf, "late", None))
Base.late = "here"
print(hasattr(o, "late"), Leaf.late, o.late)
del Base.late
print(hasattr(o, "late"))
try:
    del Base.late
except AttributeError as e:
    print("AttributeError:", e)

# class attribute rebinding in a loop
vals = []
for i in range(5):
    Base.x = i
    vals.append(o.x + Leaf.x)
print(vals)


# monkeypatching __eq__ / __hash__ / __getattr__
class P:
    def __init__(self, v):
        self.v = v


a, b = P(1), P(1)
print(a == b, a != b)
P.__eq__ = lambda s, t: s.v == t.v
print(a == b, a != b)
P.__hash__ = lambda s: 7
print(hash(a), len({a, b}))
P.__hash__ = lambda s: s.v + 100
print(hash(a))
del P.__eq__
print(a == b)
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
P.__getattr__ = lambda s, n: "dyn-" + n
print(a.missing, b.other)
P.__getattr__ = lambda s, n: "dyn2-" + n
print(a.missing)
del P.__getattr__
print(hasattr(a, "missing"))


# __class__ assignment
class C1:
    def who(self):
        return "C1"


class C2:
    def who(self):
        return "C2"


c = C1()
print(c.who())
c.__class__ = C2
print(c.who())
C2.who = lambda self: "C2'"
print(c.who())
c.__class__ = C1
print(c.who())


# class decorators that add and replace methods
def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls


def replace_str(cls):
    old = cls.__str__
    cls.__str__ = lambda self: "<" + old(self) + ">"
    return cls


@replace_str
@add_hello
class D:
    def __str__(self):
        return "D"


d = D()
print(d.hello(), str(d))


# metaclass attributes, and a metaclass method replaced later
class Meta(type):
    tag = "meta"

    def describe(cls):
        return "class " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


print(WithMeta.tag, WithMeta.describe())
Meta.describe = lambda cls: "changed " + cls.__name__
print(WithMeta.describe())
WithMeta.tag = "own"
print(WithMeta.tag, Meta.tag)
del WithMeta.tag
print(WithMeta.tag)


# data descriptor added to a base after instance-dict lookups
class E:
    pass


e = E()
e.v = "instance"
print(e.v)
E.v = property(lambda self: "property")
print(e.v)
del E.v
print(e.v)

# special methods used by the VM: context manager, iteration, len
class Ctx:
    def __enter__(self):
        return "enter1"

    def __exit__(self, *a):
        return False


with Ctx() as v:
    print(v)
Ctx.__enter__ = lambda self: "enter2"
with Ctx() as v:
    print(v)


class Seq:
    def __len__(self):
        return 1


s = Seq()
print(len(s))
Seq.__len__ = lambda self: 2
print(len(s))


# __set_name__ and __init_subclass__ that set attributes on the new class
class Named:
    def __set_name__(self, owner, name):
        setattr(owner, name + "_seen", True)


class Reg:
    def __init_subclass__(cls, **kw):
        cls.registered = cls.__name__
        super().__init_subclass__(**kw)


class F(Reg):
    n = Named()


print(F.n_seen, F.registered, F().registered)

# builtins types: lookups stay right for immutable types too
print((1).real, "a".upper(), [].append.__name__)
for cls in (Base, Mid, Leaf):
    print(cls.__name__, sorted(k for k in vars(cls) if not k.startswith("__")))
