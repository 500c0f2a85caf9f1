print(1 + 2.0, 3 * 1.5, 2 ** 0.5, 1 + 1j, 2.0 * 1j, 3 // 2.0, 3 % 2.5)
print(type(1 + 2.0).__name__, type(1 + 1j).__name__, type(True + 1).__name__, type(2 / 1).__name__)
print(10 ** -2, (-8) ** (1 / 3) == complex((-8) ** (1 / 3)), type((-8) ** 0.5).__name__)
print(pow(2, 0.5), pow(-1, 0.5))
