data = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(min(data, key=lambda p: p[0]), max(data, key=lambda p: p[0]))
print(max([1, 2, 3], key=lambda x: -x), min("Hello", key=str.lower))
