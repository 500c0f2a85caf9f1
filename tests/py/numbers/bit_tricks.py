def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(17)], popcount(2 ** 100 - 1))
print(bin(0b1011 ^ 0b0110), (0b1100 & -0b1100), 0xdeadbeef >> 16)
