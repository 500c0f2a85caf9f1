# LOAD_ATTR/STORE_ATTR on __slots__ go through a per-instruction cache keyed
# by the type's version: every way of changing what `o.x` means must be seen.
class A:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

a = A()
for i in range(3):
    set_x(a, i)
    print(get_x(a))

# empty slot
try:
    get_x(A.__new__(A))
except AttributeError as e:
    print("AttributeError:", e)
del a.x
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)

# a subclass with the same code path, and a subclass that adds __dict__
class B(A):
    pass
class C(A):
    __slots__ = ("__dict__",)
b, c = B(), C()
for o in (a, b, c):
    set_x(o, "v-" + type(o).__name__)
    print(get_x(o))

# the slot descriptor replaced by a property after the cache filled
A.x = property(lambda self: "property", lambda self, v: print("setter", v))
print(get_x(a), get_x(b))
set_x(b, 5)

# a member descriptor placed in an unrelated class must not read its slot
class D:
    pass
class E:
    __slots__ = ("z",)
D.x = E.z
d = D()
for i in range(2):
    try:
        get_x(d)
    except TypeError as e:
        print("TypeError:", e)
    try:
        set_x(d, 1)
    except TypeError as e:
        print("TypeError:", e)

# __getattr__ on a subclass
class F(E):
    __slots__ = ()
    def __getattr__(self, name):
        return "fallback " + name
def get_z(o):
    return o.z
f = F()
print(get_z(f))
f.z = 3
print(get_z(f))
e = E()
try:
    get_z(e)
except AttributeError as ex:
    print("AttributeError:", ex)
e.z = 4
print(get_z(e), get_z(f))
