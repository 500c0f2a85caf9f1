print(pow(base=2, exp=5), pow(2, exp=5, mod=7), pow(3, 4, mod=None))
try:
    pow(2)
except TypeError as e:
    print(e)
