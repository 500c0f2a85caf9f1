for n in (0, 1, 255, 256, 65535, 2 ** 64 - 1, 2 ** 100):
    b = n.to_bytes((n.bit_length() + 7) // 8 or 1, "big")
    print(n, b.hex(), int.from_bytes(b, "big") == n, int.from_bytes(b, "little"))
for n in (-1, -128, -129, -(2 ** 63)):
    b = n.to_bytes(16, "little", signed=True)
    print(n, int.from_bytes(b, "little", signed=True))
