big = 2 ** 1024
print(big > 1e308, big < float("inf"), -big < -1e308, big == float("inf"), 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(float(2 ** 53 + 1) == 2 ** 53, 10 ** 16 + 1 == 1e16, 10 ** 16 == 1e16, hash(2 ** 53) == hash(2.0 ** 53))
