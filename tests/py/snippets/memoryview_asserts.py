b = bytearray(b"hello")
m = memoryview(b)
assert m[0] == 104
m[0] = 72
assert b == b"Hello"
assert m[1:3].tobytes() == b"el"
assert len(m) == 5
assert bytes(m) == b"Hello"
print("memoryview ok")
