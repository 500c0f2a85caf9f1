print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*zip([1, 2], [3, 4]))))
print(list(zip(range(3), range(3), range(3))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1], [1, 2, 3], strict=True))
except ValueError as e:
    print(e)
print(list(zip("ab", "cd", strict=True)))
