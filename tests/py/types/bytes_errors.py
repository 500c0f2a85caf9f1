try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    bytes("abc")
except TypeError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print(e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(e)
try:
    bytes(-1)
except ValueError as e:
    print(e)
