for spec in ("=5", "05", "+", " ", "#", ",", "_", "c", "d", "x", "%", ".2", "z", "10.2s"):
    try:
        print(repr(spec), repr(format("ab", spec)))
    except ValueError as e:
        print(repr(spec), "ValueError", e)
for v, spec in ((1, "s"), (1.5, "x"), (1, ".2s"), (1, ",_"), (1, "_,"), (1, "=^5"), (1.0, "c"), (10 ** 400, ".2f")):
    try:
        print(v, spec, format(v, spec)[:30])
    except (ValueError, OverflowError) as e:
        print(v, spec, type(e).__name__, e)
