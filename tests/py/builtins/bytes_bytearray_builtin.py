print(bytes([72, 105]), bytearray(b"hi"), bytes("hi", "ascii"), bytearray(2), bytes.fromhex("4142"), bytearray.fromhex("43"))
print(bytes(memoryview(b"mv")), list(bytearray(b"\x01\x02")))
