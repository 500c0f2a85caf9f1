print(0.1 + 0.2, 1.5 * 4, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 2.0 ** 0.5)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2))
print(3.0 % -2.0, -3.0 % 2.0, 0.0 % 5, -0.0 % 5)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
