for args in [("abc",), ("12", 1), ("12", 37), ("1.5",), ("",), ("0x1g", 16), ("08", 0), ("1__0",), ("_1",)]:
    try:
        print(int(*args))
    except ValueError as e:
        print(e)
try:
    int([])
except TypeError as e:
    print(e)
try:
    int("5", 10.0)
except TypeError as e:
    print(e)
try:
    int(5, 10)
except TypeError as e:
    print(e)
for v in (float("inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
