src = [3, 1, 2]
out = sorted(src)
print(out is src, src, sorted(iter(src)), sorted(range(5, 0, -1)), sorted("bca", reverse=True), sorted(x % 3 for x in range(6)))
print(sorted({3, 1, 2}), sorted({"b": 0, "a": 1}.items()), sorted([True, False, 0, 1]))
