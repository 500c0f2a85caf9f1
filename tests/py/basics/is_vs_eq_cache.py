a = 256
b = 256
print(a == b)
print(1000 == 10 ** 3, (1, 2) == (1, 2))
print(float("nan") == float("nan"))
n = float("nan")
print(n is n, n == n, [n] == [n])
