class X:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __complex__(self): return 1j
    def __index__(self): return 7
    def __bool__(self): return False
    def __bytes__(self): return b"bytes!"
x = X()
print(-x, +x, ~x, abs(x), int(x), float(x), complex(x), bool(x), bytes(x), hex(x), "abc"[x - 6 if False else 1])
