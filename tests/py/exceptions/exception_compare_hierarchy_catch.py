try:
    raise FileNotFoundError(2, "nope")
except OSError as e:
    print("caught as OSError", type(e).__name__)
try:
    [][1]
except LookupError as e:
    print("LookupError", type(e).__name__)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException", type(e).__name__)
