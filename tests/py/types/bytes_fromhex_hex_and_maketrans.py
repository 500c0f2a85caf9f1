print(bytes.fromhex("00 ff 10"), bytearray.fromhex(""), b"\x01\x02\x03".hex(" "), b"\x01\x02\x03\x04".hex(":", 2), b"abc".hex("-", -1))
t = bytes.maketrans(b"abc", b"ABC")
print(b"aabbcc".translate(t), b"hello".translate(None, b"l"), len(t))
try:
    bytes.fromhex("0g")
except ValueError as e:
    print(e)
