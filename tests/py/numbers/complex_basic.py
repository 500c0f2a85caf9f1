z = complex(3, 4)
print(z, abs(z), z.real, z.imag, z.conjugate())
print(z + 1, z * 1j, z / 2, z - (1 + 1j), z ** 2, -z)
print(complex("1+2j"), complex("3j"), complex(" -1.5-2.5j "), complex(2), complex())
print(1j * 1j, (1 + 2j) == complex(1, 2), 2j == 2j, 1 + 0j == 1)
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), complex(1e300, 1e300) * 1e10)
print(format(1 + 2j, ".2f"), format(-1.5j, ""), "%s" % (3 + 0j))
try:
    complex("abc")
except ValueError as e:
    print(e)
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(e)
try:
    1j // 2
except TypeError as e:
    print(e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print(e)
