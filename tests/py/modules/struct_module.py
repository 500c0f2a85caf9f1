import struct
b = struct.pack("<iHb", 1, 2, -3)
print(b, len(b), struct.unpack("<iHb", b), struct.calcsize("<iHb"), struct.calcsize("@ib"))
print(struct.pack(">I", 1), struct.pack("<d", 1.5), struct.unpack(">f", struct.pack(">f", 0.5)), struct.pack("3s", b"abcdef"))
print(struct.pack("?x?", True, False), struct.unpack("<q", b"\xff" * 8), struct.pack("!h", -2))
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")), struct.Struct("<2i").unpack(b"\x01\x00\x00\x00\x02\x00\x00\x00"))
try:
    struct.pack("b", 200)
except struct.error as e:
    print(e)
try:
    struct.unpack("<i", b"ab")
except struct.error as e:
    print(e)
