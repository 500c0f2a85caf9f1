def f(v):
    print("f", v)
    return v
d = {}
d[f("k1")] = d[f("k2")] = f("value")
print(d)
l = [0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
