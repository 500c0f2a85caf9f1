print(str(object="x"), str(b"ab", "ascii", "strict"), str(b"\xff", "utf-8", "replace"), str(errors="strict") == "")
try:
    str(1, 2)
except TypeError as e:
    print(e)
try:
    str("already", "utf-8")
except TypeError as e:
    print(e)
