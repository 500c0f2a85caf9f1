# property, classmethod and staticmethod objects whose __init__ runs again,
# their read-only fields, and objects made by __new__ alone.


class C:
    @property
    def p(self):
        "p's doc"
        return 1

    @classmethod
    def cm(cls):
        return "cm", cls.__name__

    @staticmethod
    def sm():
        return "sm"


o = C()
prop = C.__dict__["p"]
print(o.p, prop.__doc__, prop.fset, prop.fdel)
prop.__init__(lambda self: 2, None, None, "new doc")
print(o.p, prop.__doc__)
prop.__init__(fget=lambda self: 3)
print(o.p, prop.__doc__)
try:
    o.p = 5
except AttributeError as e:
    print("AttributeError:", e)
prop.__init__(lambda self: 4, lambda self, v: print("set", v))
o.p = 6
for attr in ("fget", "fset", "fdel"):
    try:
        setattr(prop, attr, None)
    except AttributeError as e:
        print("AttributeError:", e)
prop.__doc__ = "assigned"
print(prop.__doc__)

cm = C.__dict__["cm"]
print(C.cm(), o.cm())
cm.__init__(lambda cls: ("replaced", cls.__name__))
print(C.cm(), cm.__func__.__name__, cm.__wrapped__ is cm.__func__)
sm = C.__dict__["sm"]
sm.__init__(lambda: "replaced sm")
print(C.sm(), o.sm(), sm())

bare_sm = staticmethod.__new__(staticmethod)
bare_cm = classmethod.__new__(classmethod)
print(bare_sm.__func__, bare_cm.__func__)
for d in (bare_sm, bare_cm):
    try:
        d.__get__(o, C)
    except RuntimeError as e:
        print("RuntimeError:", e)

q = property(lambda self: "q")
q2 = q.setter(lambda self, v: None)
q3 = q2.deleter(lambda self: None)
print(q.fset, q2.fset is not None, q3.fdel is not None, q3.fget is q.fget)


class D:
    x = property(lambda self: "x")


try:
    del D().x
except AttributeError as e:
    print("AttributeError:", e)
