it = iter("ab")
print(next(it), next(it), next(it, None))
it = iter({"k": 1, "j": 2})
print(sorted([next(it), next(it)]))
