a, b = "xy"
c, d = {"k1": 1, "k2": 2}
e, f = range(2)
g, h = (i for i in "gh")
print(a, b, sorted([c, d]), e, f, g, h)
[p, q], r = "pq", 3
print(p, q, r)
