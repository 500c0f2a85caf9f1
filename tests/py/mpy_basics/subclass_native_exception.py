class MyErr(ValueError):
    pass
try:
    int("x")
except MyErr:
    print("no")
except ValueError as e:
    print("plain ValueError", type(e).__name__)
try:
    raise MyErr("custom", 5)
except ValueError as e:
    print(type(e).__name__, e.args, str(e))
