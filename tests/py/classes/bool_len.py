class L:
    def __len__(self): return 0
class B:
    def __bool__(self): return False
class Both:
    def __len__(self): return 5
    def __bool__(self): return False
class Bad:
    def __bool__(self): return 1
print(bool(L()), bool(B()), bool(Both()), len(Both()), bool(object()))
try:
    bool(Bad())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
