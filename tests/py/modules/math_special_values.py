import math
print(math.sqrt(0.0), math.sqrt(-0.0), math.exp(-1000), math.log(1), math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0))
print(math.floor(1e300) == 10 ** 300 or math.floor(1e300) > 10 ** 299, math.ceil(-0.5), math.trunc(-0.0), math.fabs(-0.0))
print(math.isclose(math.sin(math.pi), 0, abs_tol=1e-12), math.pow(0, 0), math.pow(-8, 1 / 3) if False else math.copysign(2, -1))
print(math.factorial(0), math.comb(5, 0), math.comb(5, 6), math.perm(5, 0), math.isqrt(10 ** 30), math.gcd(0, 0))
for f, a in ((math.log, (0,)), (math.sqrt, (-1e-300,)), (math.pow, (0, -1)), (math.atanh, (1,)), (math.comb, (-1, 2))):
    try:
        print(f(*a))
    except ValueError as e:
        print(f.__name__, "ValueError", e)
