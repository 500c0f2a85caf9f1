import string
print(string.ascii_lowercase, string.ascii_uppercase[:5], string.digits, len(string.printable))
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{b}c{d:>3}")))
