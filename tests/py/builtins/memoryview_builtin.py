m = memoryview(b"abcd")
print(m[1], m[1:3].tobytes(), len(m), list(m[:2]), bytes(m) == b"abcd")
