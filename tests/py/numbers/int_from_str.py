print(int("42"), int("  -17  "), int("+5"), int("1_000"), int("0x1f", 16), int("0x1f", 0))
print(int("ff", 16), int("777", 8), int("101", 2), int("z", 36), int("0b101", 0), int("0o17", 0))
print(int("١٢٣"), int(3.99), int(-3.99), int(True), int("10", base=3))
print(int("9" * 40))
