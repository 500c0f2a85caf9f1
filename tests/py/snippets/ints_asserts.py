assert 1 + 1 == 2
assert 5 // 2 == 2
assert -5 // 2 == -3
assert 5 % -3 == -1
assert (2 ** 64) // 3 == 6148914691236517205
assert int.from_bytes(b"\x00\x01", "big") == 1
assert (255).to_bytes(2, "little") == b"\xff\x00"
assert int("-0b101", 0) == -5
assert round(-0.5) == 0 and round(1.5) == 2
assert abs(-7) == 7 and pow(3, 4, 5) == 1
assert (1).__add__(2) == 3
assert (5).__rsub__(10) == 5
assert int.__new__(int, 5) == 5
print("ints ok")
