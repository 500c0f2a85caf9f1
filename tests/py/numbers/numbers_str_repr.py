for v in (1, -1, 10 ** 20, 1.0, 1.25, 1e100, 1 + 1j, -2.5j, True, 0x10):
    print(str(v), repr(v), format(v), f"{v}")
