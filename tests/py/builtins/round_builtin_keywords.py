print(round(number=2.567, ndigits=1), round(2.5, ndigits=None))
try:
    round()
except TypeError as e:
    print(e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print(e)
