print(divmod(7, 2.0), divmod(-7.5, 2), divmod(7, -0.5), divmod(True, 2), divmod(2 ** 64, 3.0))
print(7 % 2.5, -7 % 2.5, 7.0 // -2, 2 ** 64 % 10, (-2) ** 64 % 7)
