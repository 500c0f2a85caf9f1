d = {}
for i in range(10000):
    d[i * 7 % 10007] = i
print(len(d), d[7], d[70], sum(d.values()))
for i in range(0, 10000, 2):
    del d[i * 7 % 10007]
print(len(d), list(d)[:5])
