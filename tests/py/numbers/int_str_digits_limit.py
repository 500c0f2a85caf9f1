x = 10 ** 1000
s = str(x)
print(len(s), s[:5], s[-5:])
print(int("1" * 500) % 97)
