ba = bytearray(b"hello world")
print(ba.split(), ba.upper(), ba.title(), ba.replace(b"o", b"0"), ba.find(b"wor"), ba.count(b"l"), ba.startswith(b"he"))
print(ba.strip(b"hd"), ba.decode().title(), ba.hex()[:8], ba[::-1], bytearray(b"a") + b"b", bytes(2) + bytearray(b"x"))
