print(sum([1, 2], start=10), sum([[1]], start=[0]), sum([(1,)], ()), sum(iter([0.5, 0.25])), sum([1j, 2]), sum([], 0.0))
try:
    sum(1)
except TypeError as e:
    print(e)
try:
    sum([1], 2, 3)
except TypeError as e:
    print(e)
