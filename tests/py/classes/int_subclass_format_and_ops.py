class Hex(int):
    def __repr__(self): return hex(self)
    def __format__(self, spec):
        return "Hex:" + int.__format__(self, spec or "x")
h = Hex(255)
print(repr(h), str(h), f"{h}", f"{h:08b}", h + 1, type(h + 1).__name__, -h, abs(Hex(-3)), [h])
class Flag(int):
    pass
f = Flag(3)
print(f, f"{f:>4}", format(f, "b"), f | 4, type(f | 4).__name__, bool(Flag(0)))
