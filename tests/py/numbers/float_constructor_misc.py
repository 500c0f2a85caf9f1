class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 4
print(float(F()), float(I()), float(True), float("  -0  "), float("nan") != float("nan"))
print(float.__name__, float(1 << 62))
