d = {"a": None}
print(d.get("a", "dflt"), "a" in d, d.get("b", "dflt"), d["a"])
