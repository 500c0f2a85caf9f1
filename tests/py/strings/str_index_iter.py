s = "héllo"
print(s[0], s[1], s[-1], len(s), list(s), s[::-1])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
try:
    s["a"]
except TypeError as e:
    print(e)
for i, c in enumerate("ab"):
    print(i, c)
