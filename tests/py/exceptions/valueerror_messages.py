tests = [lambda: int("x"), lambda: float("y"), lambda: [].index(1), lambda: "abc".index("z"), lambda: list(range(3)).remove(5), lambda: (1, 2).index(3), lambda: chr(-5), lambda: "a".split(""), lambda: dict.fromkeys([1]).pop(2, None) or int("", 10), lambda: max([]), lambda: min([]), lambda: divmod(1, 0), lambda: bytes([300]), lambda: "%d %d" % (1,)]
for t in tests:
    try:
        t()
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
