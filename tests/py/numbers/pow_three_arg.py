print(pow(2, 10, 1000), pow(3, 200, 7), pow(-2, 3, 5), pow(2, -1, 7), pow(38, -1, 97))
print(pow(2, 1000, 10 ** 20), pow(5, 0, 1), pow(12345678901234567890, 3, 98765))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
