try:
    "".join([b"a"])
except TypeError as e:
    print(e)
try:
    b"".join(["a"])
except TypeError as e:
    print(e)
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]))
