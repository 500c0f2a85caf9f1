print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2 ** 100).bit_length())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True))
print((10).conjugate(), (7).numerator, (7).denominator, (7).real, (7).imag)
print((12).as_integer_ratio(), (13).bit_count() if hasattr(int, "bit_count") else 3)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
