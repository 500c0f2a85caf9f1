class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)
class T:
    __slots__ = ()
try:
    T().x = 1
except AttributeError as e:
    print(e)
class U:
    __slots__ = "single"
u = U(); u.single = 5
print(u.single, U.__slots__)
try:
    class Bad:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print(e)
