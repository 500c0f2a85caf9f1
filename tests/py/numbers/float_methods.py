print((0.5).as_integer_ratio(), (3.75).as_integer_ratio(), (-0.1).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), (0.0).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
print((2.5).conjugate(), (2.5).real, (2.5).imag)
