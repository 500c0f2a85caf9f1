for n in (0, 5, -5, 255, -255, 2 ** 40):
    print(bin(n), oct(n), hex(n), format(n, "b"), format(n, "x"), format(n, "#X"), format(n, "o"))
