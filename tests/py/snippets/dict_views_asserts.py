d = {1: "a", 2: "b"}
k, v, i = d.keys(), d.values(), d.items()
d[3] = "c"
assert list(k) == [1, 2, 3] and list(v) == ["a", "b", "c"] and (3, "c") in i
assert k & {1, 5} == {1}
assert k | [9] == {1, 2, 3, 9}
assert isinstance(k - {1}, set)
assert not (k == [1, 2, 3])
assert len(v) == 3
assert list(reversed(i))[0] == (3, "c")
print("dict views ok")
