l = [1, 2]
l.append(l)
print(l, len(l))
d = {"k": 1}
d["self"] = d
print(d)
