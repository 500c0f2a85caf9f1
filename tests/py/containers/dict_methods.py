d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("z", "dflt"), d)
d.update({"x": 10}, y=20); d.update([("z", 30)]); print(d)
print(d.popitem(), d)
c = d.copy(); c["new"] = 1; print(d, c)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
d.clear(); print(d, len(d))
