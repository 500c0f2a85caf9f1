d = {b"key": 1, bytearray(b"x").decode(): 2}
print(d[b"key"], d["x"], b"a" in {b"a", b"b"}, hash(b"abc") == hash(bytes(bytearray(b"abc"))))
try:
    {bytearray(b"x"): 1}
except TypeError as e:
    print(e)
