for n in (0, 1, -1, 10, -10, 255, 2 ** 64):
    print(bin(n), oct(n), hex(n))
class I:
    def __index__(self): return 42
print(bin(I()), oct(I()), hex(I()))
