import random
random.seed(1)
vals = [random.random() * 10 ** random.randint(-20, 20) for _ in range(200)]
print(all(float(repr(v)) == v for v in vals), all(float(str(v)) == v for v in vals))
print(repr(vals[0]), repr(vals[1]))
