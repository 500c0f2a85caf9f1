import string
f = string.Formatter()
print(f.format("{0:>5}|{name!r}|{0[1]}", "abc", name="n"), f.vformat("{x}", (), {"x": 1}))
print([t for t in f.parse("a{0}b{x!r:>3}c{{")])
print(string.capwords("  the quick   BROWN fox "), string.capwords("a-b-c", "-"))
