import random
random.seed(5)
vals = [0.1 * i for i in range(12)] + [1 / n for n in range(1, 15)] + [2.0 ** -n for n in range(0, 60, 7)] + [10.0 ** n for n in range(-8, 25, 3)]
for v in vals:
    print(repr(v), str(-v))
print(repr(123456789012345678.0), repr(0.000001), repr(0.0000001), repr(1e15 + 0.3), repr(9007199254740993.0))
