print(1, 1.0, 1j, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, range(1), slice(1), ..., NotImplemented, frozenset([1]), bytearray(b"x"))
