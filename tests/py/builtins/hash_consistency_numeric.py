vals = [0, 1, -1, 2 ** 31, 2 ** 61 - 2, 2 ** 61 + 1, -(2 ** 61), 10 ** 20, 0.5, -0.5, 1.0, 2.0 ** 70, 1e-300, 3 + 0j, 1.5 + 2j]
print([hash(v) for v in vals])
from fractions import Fraction
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(5)) == hash(5), hash(-1) == hash(-2))
