ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b"??")
print(ba, len(ba), ba.pop(), ba)
ba[1:3] = b"EY"
print(ba)
del ba[0]
ba.insert(0, 74)
print(ba, ba.decode(), bytes(ba), ba.upper(), ba.find(b"L"))
ba.reverse(); print(ba)
ba.remove(ord("!")); print(ba)
ba.clear(); print(ba, bytearray(3), bytearray([1, 2]), bytearray("ab", "ascii"))
ba += b"xy"; ba *= 2; print(ba)
