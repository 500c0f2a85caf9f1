class S:
    def __getitem__(self, i):
        if i > 5: raise IndexError
        return i * 2
print(4 in S(), 5 in S(), 10 in S())
class I:
    def __iter__(self): return iter([7, 8])
print(7 in I(), 9 in I())
