import math
tests = [lambda: 2.0 ** 5000, lambda: math.exp(1000), lambda: float(10 ** 400), lambda: int(float("inf")), lambda: math.factorial(-1)]
for t in tests:
    try:
        t()
    except (OverflowError, ValueError, MemoryError) as e:
        print(type(e).__name__, e)
