# A metaclass mro() that itself assigns __bases__ while an assignment to
# __bases__ is computing MROs (CPython lets the assignments nest).
class A: pass
class B: pass
class Other(A): pass


class Meta(type):
    calls = 0

    def mro(cls):
        Meta.calls += 1
        if cls.__name__ == "C" and Meta.calls == 2:
            Other.__bases__ = (B,)
        return super().mro()


class C(A, metaclass=Meta):
    pass


C.__bases__ = (B,)
print([k.__name__ for k in C.__mro__], [k.__name__ for k in Other.__mro__], Meta.calls)
