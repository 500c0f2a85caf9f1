import math
class N:
    def __round__(self, n=None): return f"round({n})"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __trunc__(self): return "trunc"
print(round(N()), round(N(), 2), math.floor(N()), math.ceil(N()), math.trunc(N()))
