n = 2 ** 100 + 12345
for b in (2, 3, 8, 16, 36):
    import string
    digits = string.digits + string.ascii_lowercase
    s = ""
    m = n
    while m:
        s = digits[m % b] + s
        m //= b
    print(b, s[:30], int(s, b) == n)
print(int("Z" * 10, 36), int("-zz", 36), int("+0x_ff", 16), int("0O17", 0), int("0B1", 0))
