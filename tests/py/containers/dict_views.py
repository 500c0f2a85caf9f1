d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
i = d.items()
d["d"] = 4
print(k, v, i, len(k))
print("a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
print(sorted(k & {"a", "z"}), sorted(k | {"q"}), sorted(k - {"a"}), sorted(k ^ {"a", "y"}))
print(list(reversed(k)), list(reversed(d.items()))[0])
print(k == {"a", "b", "c", "d"}, type(k).__name__, type(v).__name__, type(i).__name__)
