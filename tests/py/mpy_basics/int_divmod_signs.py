for a in (7, -7, 0, 2 ** 65, -2 ** 65):
    for b in (2, -2, 3, -3, 2 ** 33):
        print(a, b, a // b, a % b, divmod(a, b) == (a // b, a % b))
