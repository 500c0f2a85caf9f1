print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 70, 7))
print(pow(2, 10), pow(2, -2), pow(2, 10, 7), pow(-3, 3), pow(2.5, 2), pow(4, 0.5), pow(0, 0))
print(abs(-3), abs(2.5), abs(-0.0), abs(3 - 4j))
try:
    divmod("a", 1)
except TypeError as e:
    print(e)
try:
    pow(2, 3, 4.0)
except TypeError as e:
    print(e)
