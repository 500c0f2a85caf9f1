# small-int edge cases around machine word boundaries
for x in (0, 1, -1, 2 ** 30 - 1, 2 ** 30, -2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 62, 2 ** 63 - 1, 2 ** 63, -2 ** 63, 2 ** 64):
    print(x, x + 1, x - 1, x * 2, x // 3, x % 7, -x, x >> 1, x << 1)
