assert int(3.9) == 3 and int(-3.9) == -3
assert round(3.5) == 4 and round(4.5) == 4
assert float("  12.5  ") == 12.5
assert float("-inf") < 0
assert str(1.0) == "1.0" and str(1e100) == "1e+100"
assert repr(0.1 + 0.2) == "0.30000000000000004"
assert (7).bit_length() == 3
assert (-7).__abs__() == 7
assert divmod(-7, 2) == (-4, 1)
assert 2 ** 0.5 == 1.4142135623730951
assert int("0x10", 16) == 16
assert float.fromhex("0x1.8p0") == 1.5
assert (1.5).hex() == "0x1.8000000000000p+0"
assert int(True) + int(False) == 1
print("conversions ok")
