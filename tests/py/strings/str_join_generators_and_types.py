print("-".join(str(i) for i in range(5)), ", ".join(map(repr, ["a", 1])), "".join(reversed("abc")), "|".join(("x",)))
print("".join([]), " ".join({"k": 1}), "".join(["a" * 3] * 3))
class S(str): pass
print(repr("+".join([S("a"), S("b")])), type("".join([S("q")])).__name__)
