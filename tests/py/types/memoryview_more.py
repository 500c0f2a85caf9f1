b = bytearray(b"abcdefgh")
m = memoryview(b)
s = m[2:6]
s[0] = ord("Z")
print(b, s.tobytes(), s.hex(), len(s), s[-1], bytes(m[::2]), m[1:3] == b"bc", m.obj is b)
m.release()
try:
    m[0]
except ValueError as e:
    print(e)
ro = memoryview(b"xyz")
try:
    ro[0] = 1
except TypeError as e:
    print(e)
with memoryview(bytearray(4)) as mv:
    mv[1:3] = b"\x01\x02"
    print(mv.tolist())
print(memoryview(b"ab").cast("B").tolist(), memoryview(bytes(8)).cast("I").tolist())
