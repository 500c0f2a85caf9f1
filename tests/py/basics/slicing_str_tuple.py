s = "abcdefgh"
t = tuple(s)
print(s[1:6:2], s[::-1], s[-2:], s[10:], s[:-10])
print(t[::3], t[-1:-4:-1])
print(range(20)[3:15:4], list(range(20)[::-5]))
print("x"[0:0] == "", s[3:3])
