for v in ("abc", "é€", "\n", 5, 2.0, [1, "a"], (1,), {"k": None}, b"\xffa", None, ..., range(3), {1, 2}):
    print(repr(v), ascii(v))
