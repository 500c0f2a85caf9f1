print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, z=0), dict(zip("ab", [1, 2])), dict())
print(dict([["a", 1]]), dict((("p", 1),)), {**{"a": 1}, "a": 2})
