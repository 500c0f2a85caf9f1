print((1 + 2j) ** 0, (2 + 0j) ** 2, 1j ** 2, (1 + 1j) ** -1)
print(complex(1, 2) == 1 + 2j, hash(1 + 0j) == hash(1), (3 + 4j).__abs__())
print(complex("1e3+1e-3j"), complex(real=1, imag=2), complex(1 + 1j, 1j))
print(repr(1e20j), repr(complex(1.5, float("inf"))), repr(complex(float("nan"), 0)))
