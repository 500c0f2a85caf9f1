ba = bytearray(range(10))
ba[::2] = bytes(5)
print(list(ba))
del ba[1::3]
print(list(ba))
ba[2:2] = b"\xff\xfe"
print(list(ba))
