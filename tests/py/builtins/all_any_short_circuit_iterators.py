it = iter([1, 0, 2, 3])
print(all(it), list(it))
it = iter([0, 1, 2, 3])
print(any(it), list(it))
