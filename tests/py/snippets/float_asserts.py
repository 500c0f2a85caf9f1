import math
assert 0.1 + 0.2 != 0.3
assert math.isclose(0.1 + 0.2, 0.3)
assert float("inf") > 1e308
assert math.isnan(float("nan"))
assert 1.0.is_integer()
assert (0.25).as_integer_ratio() == (1, 4)
assert float.fromhex("0x1p-1") == 0.5
assert -0.0 == 0.0 and str(-0.0) == "-0.0"
assert repr(1e16) == "1e+16" and repr(1e15) == "1000000000000000.0"
assert int(-1.9) == -1
assert 7.0 // 2 == 3.0 and -7.0 // 2 == -4.0
assert math.copysign(1, -0.0) == -1.0
print("floats ok")
