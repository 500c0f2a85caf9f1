from fractions import Fraction as F
a = F(1, 3)
b = F(2, 6)
print(a, a == b, a + F(1, 6), a * 3, a / 2, a ** 2, -a, F(3, 4) - 1, F("0.25"), F(0.5), F(10, -4))
print(a.numerator, a.denominator, float(a), F(7, 2) // 1, F(7, 2) % 1, round(F(7, 2)), F(1, 3) < F(1, 2))
print(F(1.1).limit_denominator(100), repr(F(1, 2)), F(5), int(F(7, 2)), F(3, 1) == 3)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(e)
