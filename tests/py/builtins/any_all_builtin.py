print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 2 for x in range(5)), all("abc"))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
