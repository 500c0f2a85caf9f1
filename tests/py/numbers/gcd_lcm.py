import math
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 80, 6 ** 40), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm())
def egcd(a, b):
    if b == 0: return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
print(egcd(240, 46))
