data = [(1, "a"), (2, "b"), (1, "c"), (2, "d")]
print(sorted(data, key=lambda x: x[0], reverse=True))
print(list(reversed(sorted(data, key=lambda x: x[0]))))
