class R:
    def __init__(self): self.log = []
    def _op(name):
        def f(self, o):
            self.log.append(name)
            return self
        return f
    for _n in ("iadd", "isub", "imul", "imatmul", "itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift", "iand", "ixor", "ior"):
        locals()["__" + _n + "__"] = _op(_n)
    del _n
r = R()
r += 1; r -= 1; r *= 1; r @= 1; r /= 1; r //= 1; r %= 1; r **= 1; r <<= 1; r >>= 1; r &= 1; r ^= 1; r |= 1
print(r.log)
