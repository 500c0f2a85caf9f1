d = {"a": 1}
d["b"] = 2
assert list(d) == ["a", "b"]
assert d.get("c") is None
assert d.pop("a") == 1
assert "a" not in d
assert dict(zip("xy", [1, 2])) == {"x": 1, "y": 2}
assert {**d, "c": 3} == {"b": 2, "c": 3}
assert d | {"z": 0} == {"b": 2, "z": 0}
assert len({1: 1, True: 2}) == 1
assert {1: 1, True: 2}[1] == 2
assert dict.fromkeys("ab", 0) == {"a": 0, "b": 0}
assert list({3: 0, 1: 0, 2: 0}.keys()) == [3, 1, 2]
print("dicts ok")
