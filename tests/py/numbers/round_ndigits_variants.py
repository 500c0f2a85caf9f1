print(round(123456, -3), round(-123456, -3), round(2 ** 70, -20), round(0.5, 1), round(1e-10, 5), round(-0.0, 2), round(1.23456789, 20))
print(round(12.5, -1), round(15.0, -1), round(25.0, -1), round(1e22, -21), round(7, 0), round(7, -5))
print(type(round(7.0, 0)).__name__, type(round(7, 1)).__name__)
