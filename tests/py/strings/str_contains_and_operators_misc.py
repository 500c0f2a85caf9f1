s = "abc"
print(s * 2 + s, s < s + "a", s > "ab", s == "abc" != "abd", "b" in s and "d" not in s, s[1:] * 0 == "", s.__mul__(2), s.__rmul__(2))
print(s.__add__("d"), s.__getitem__(-1), s.__len__(), s.__eq__(1), "a".__lt__(1))
