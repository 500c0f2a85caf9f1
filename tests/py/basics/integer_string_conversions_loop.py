out = []
for n in (0, 7, -7, 255, 10 ** 18, -(10 ** 18), 2 ** 64):
    out.append((str(n), repr(n), hex(n), int(str(n)), int(hex(n), 16), int(oct(n), 8), int(bin(n), 2)))
for row in out:
    print(row)
