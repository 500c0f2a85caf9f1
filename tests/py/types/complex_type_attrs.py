z = 3 - 4j
print(z.real, z.imag, type(z).__name__, complex.__name__, isinstance(z, complex), z == complex(3, -4))
