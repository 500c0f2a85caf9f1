print(1 == 1.0, 1 < 1.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > float("inf"), -10 ** 400 < float("-inf"), 10 ** 400 > 1e308)
print(True == 1, False == 0, True + 1.5)
print(sorted([3, 1.5, True, -2, 0.0]))
