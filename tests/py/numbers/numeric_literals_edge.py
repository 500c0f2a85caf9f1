print(0b0, 0o0, 0x0, 1_0, 0_0.0_1, 1e-0_1, 0xDEAD_BEEF, 1j.imag, 1_0j, 00.5, 1_0_0)
