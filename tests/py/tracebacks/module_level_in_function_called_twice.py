def helper(n):
    if n == 2:
        raise LookupError(f"bad n={n}")
    return n
for i in range(3):
    helper(i)
