b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], list(b[:3]), b"x" * 3, b + b"!")
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(5)), bytes(b"copy"), bytes())
print(b.upper(), b.title(), b.split(), b.replace(b"o", b"0"), b.find(b"o"), b.count(b"l"), b.startswith(b"he"))
print(b.hex(), bytes.fromhex("de ad be ef"), b"\x00\xff".hex(":"), b"abc".hex("-", 1))
print(repr(b"\x00\t\n\r'\"\\\x7f\x80"), repr(b"it's"), repr(b'"'))
