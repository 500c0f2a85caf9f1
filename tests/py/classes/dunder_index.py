class I:
    def __index__(self): return 2
l = ["a", "b", "c"]
print(l[I()], l[I():], "xyz"[I()], bin(I()), range(10)[I()], [0] * I(), hex(I()))
class NotIdx: pass
try:
    l[NotIdx()]
except TypeError as e:
    print(e)
