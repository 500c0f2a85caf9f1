print("[" + "ab".center(7) + "]", "[" + "ab".center(7, "*") + "]", "[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "ab".center(1))
try:
    "a".center(5, "xy")
except TypeError as e:
    print(e)
