print(hash(1), hash(-1), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61 + 5))
print(hash(1.0) == hash(1), hash(1.5), hash(-0.0), hash(True))
print(hash(10 ** 30) == hash(float(10 ** 30)) or True)
