print({k: v for k, v in zip("abc", range(3))})
print({x % 4 for x in range(20)})
print({x: [y for y in range(x)] for x in range(4)})
print(sorted({w.lower() for w in ["A", "a", "B"]}))
