print(int(2.9), int(-2.9), int(1e20), int(-1e20), float(2 ** 60), float(-(2 ** 70)))
print(int(1e308))
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
print(10 ** 400 / 10 ** 399, (10 ** 400) // (10 ** 399))
try:
    10 ** 400 / 3.0
except OverflowError as e:
    print(e)
print(2 ** 1000 / 2 ** 999, 1 / 3, 10 / 4, -10 / 4)
