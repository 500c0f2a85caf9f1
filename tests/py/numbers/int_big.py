a = 2 ** 100
b = 3 ** 70
print(a, b, a + b, a - b, a * b)
print(a // b, a % b, b // 7, -b // 7, -b % 7)
print(divmod(a, -b), divmod(-a, 12345678901234567))
print(a ** 3)
print(pow(a, 5, 10 ** 9 + 7), pow(3, 10 ** 20, 1000))
print((a * b) >> 50, 1 << 130, -(1 << 130) >> 3)
