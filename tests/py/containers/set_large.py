s = set()
for i in range(5000):
    s.add((i * 31) % 4999)
print(len(s), min(s), max(s))
s2 = {x for x in s if x % 2}
print(len(s2), len(s - s2), len(s & s2))
