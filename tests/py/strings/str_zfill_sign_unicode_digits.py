print("-0".zfill(4), "+".zfill(3), "-".zfill(3), "--1".zfill(5), "١٢".zfill(4), "abc".zfill(-1), "".zfill(2))
