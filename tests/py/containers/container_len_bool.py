for c in ([], [0], (), ("",), {}, {0: 0}, set(), {None}, "", " ", range(0), range(1), b"", bytearray(1)):
    print(type(c).__name__, len(c), bool(c))
