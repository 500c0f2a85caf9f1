for z in (1 + 1j, -1 - 1j, 1.5j, -0.0j, complex(0, float("inf")), complex(1e-5, 1e20), 2 ** 0.5 * 1j):
    print(repr(z), str(z), format(z, ".3g"), format(z, "^20"))
print(complex("inf+nanj"), complex("-1.5e3-2j"), (1 + 2j).conjugate(), abs(-3j))
