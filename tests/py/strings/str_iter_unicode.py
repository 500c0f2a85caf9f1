s = "añ😀"
print(len(s), [ord(c) for c in s], s.encode("utf-8"), len(s.encode("utf-16")), s[2])
