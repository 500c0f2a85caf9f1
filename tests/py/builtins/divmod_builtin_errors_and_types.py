for a, b in ((7, 0), (7.0, 0), (1 + 1j, 1), ("a", 1), (1, None)):
    try:
        print(divmod(a, b))
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
