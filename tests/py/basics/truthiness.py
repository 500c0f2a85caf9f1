for v in (0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, 0j, range(0), range(1), b"", bytearray(b"x")):
    print(repr(v), bool(v))
