for s in (" 1", "1 ", "\t1\n", "+1", "-0", "0_0", " -1_2 "):
    print(repr(s), int(s))
