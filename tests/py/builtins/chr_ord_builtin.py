print([chr(i) for i in (48, 65, 97, 233, 8364, 128013)])
print([ord(c) for c in "09Az€"], ord(b"a"), ord(bytearray(b"z")))
try:
    ord("")
except TypeError as e:
    print(e)
try:
    chr("a")
except TypeError as e:
    print(e)
