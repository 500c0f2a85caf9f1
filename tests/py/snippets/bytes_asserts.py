b = b"abc"
assert b[0] == 97
assert b[:1] == b"a"
assert bytes(2) == b"\x00\x00"
assert b.hex() == "616263"
assert bytearray(b) == b
ba = bytearray(b)
ba[0] = 65
assert ba == b"Abc"
assert b"a,b".split(b",") == [b"a", b"b"]
assert b.decode() == "abc"
assert b"%d" % 5 == b"5"
assert list(b) == [97, 98, 99]
print("bytes ok")
