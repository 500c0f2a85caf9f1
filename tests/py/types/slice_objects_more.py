s = slice(1, 10, 3)
print(s == slice(1, 10, 3), s != slice(1, 10), hash(s) if hasattr(s, "__hash__") and s.__hash__ else "unhashable")
print(slice(None, None, None), slice(-1), slice("a", "b"), slice(1, 2).start, slice(1, 2).step)
class Idx:
    def __index__(self): return 2
print([0, 1, 2, 3, 4][slice(Idx(), None)], "abcdef"[Idx():4], slice(Idx()).indices(10))
