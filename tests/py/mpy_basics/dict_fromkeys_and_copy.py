d = dict.fromkeys(range(3), [])
d[0].append(1)
print(d)
c = d.copy()
c[1] = "new"
print(d[1], c[1], d[0] is c[0])
