data = [("b", None), ("a", 2), ("c", 1)]
print(sorted(data, key=lambda p: (p[1] is None, p[1] or 0)))
print(sorted([3, 1, 2], key=lambda x: -x), sorted(["B", "a", "C"], key=str.upper), sorted([[3, "x"], [1, "y"]]))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1], reverse=True))
