s = "a\r\nb\rc\n"
print(repr(s), s.splitlines(), len(s))
print(repr("tab\tand\vform\ffeed"))
