s = "ab" * 1000
print(len(s), s[1998:], s.count("ab"), s[::500])
print(("x" * 10)[3:7], "-" * 20)
