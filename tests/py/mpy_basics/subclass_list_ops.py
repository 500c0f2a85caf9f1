class L(list):
    pass
a = L([3, 1, 2])
a.sort()
print(a, type(a).__name__, type(a[:1]).__name__, type(a * 2).__name__, a == [1, 2, 3])
