print(0x1F, 0o17, 0b1011, 1_000_000, 0x_ff, 0b_1_0)
print(1e3, 1.5e-3, 1_0.0_1, .5, 5., 0e0)
print(3j, 1.5j, 0j)
print(00, 0_0)
