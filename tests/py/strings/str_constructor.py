print(str(), str(5), str(1.5), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(None), str(str))
print(str(b"abc", encoding="ascii"), str(object=3))
class S:
    def __str__(self): return "custom"
print(str(S()), "%s" % S(), f"{S()}", format(S()))
class B:
    def __str__(self): return 5
try:
    str(B())
except TypeError as e:
    print(e)
