for v in (2 ** 62, 2 ** 63, 2 ** 64, -(2 ** 64), 2 ** 100, 10 ** 30, 1.5e300, -2.25, 1e-8):
    print(hash(v) == hash(v), hash(v) % 1000)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61 - 1)), hash(float(2 ** 61)))
