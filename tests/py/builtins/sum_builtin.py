print(sum([]), sum([1, 2]), sum([1.5, 2.5]), sum(range(10), 5), sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum([0.1] * 3), sum([1e100, 1.0, -1e100]), sum([True, True]), sum([], start=7))
try:
    sum([1], "")
except TypeError as e:
    print(e)
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(e)
