class R:
    def __reversed__(self): return iter("cba")
print(list(reversed(R())))
