print(bytes(0), bytes(b""), bytes([]), bytes(()), bytes(range(3)), bytes(bytearray(b"z")), bytes([0x41] * 3), bytes(3) == b"\0\0\0")
