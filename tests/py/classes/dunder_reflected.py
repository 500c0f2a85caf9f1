class R:
    def __radd__(self, o): return f"radd({o})"
    def __rsub__(self, o): return f"rsub({o})"
    def __rtruediv__(self, o): return f"rtruediv({o})"
    def __rpow__(self, o): return f"rpow({o})"
    def __rlshift__(self, o): return f"rlshift({o})"
    def __rand__(self, o): return f"rand({o})"
    def __rmatmul__(self, o): return f"rmatmul({o})"
    def __rdivmod__(self, o): return f"rdivmod({o})"
r = R()
print(1 + r, 2 - r, 3 / r, 4 ** r, 5 << r, 6 & r, [1] @ r if False else 0, divmod(7, r), "s" + r)
class Base:
    def __add__(self, o): return "Base.add"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub())
