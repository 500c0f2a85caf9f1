import math
print(math.isqrt(10 ** 40), math.factorial(30), math.comb(100, 50), math.perm(10), math.isqrt(0))
print([math.isqrt(n) for n in range(10)])
