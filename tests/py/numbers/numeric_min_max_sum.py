print(sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), sum(range(101)))
print(sum([1, 2.5, 3j]), sum(x * x for x in range(10)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
print(min(3, 1, 2), max([1, 5, 3]), min("bca"), max(1, 2.5), min([], default=0))
