s = "a-b--c---d"
print(s.rsplit("-"), s.rsplit("-", 2), s.rsplit("--"), s.rfind("--"), s.rfind("-", 0, 3), s.rindex("c"), s.rpartition("--"))
print("".rsplit("x"), "x".rsplit("x", 1), "abc".rfind(""), "abc".rfind("", 1, 2))
