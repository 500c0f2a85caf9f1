s = set(range(20, 0, -3))
print(s, sorted(s))
print({x % 7 for x in range(30)})
