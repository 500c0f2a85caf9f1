d = {1: "a", "1": "b", 1.5: "c", (1,): "d", None: "e", False: "f"}
for k in d:
    print(repr(k), d[k])
print(len(d), d.get(0), d.get(True))
