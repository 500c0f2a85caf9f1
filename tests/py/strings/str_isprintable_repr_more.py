for c in ("\x00", "\x7f", "\xa0", "\xad", "\u2028", "\u00e9", "\U0001F600", "\U000E0001", "\ufeff", " ", "\u0378", "\ud800"):
    print(hex(ord(c)), c.isprintable(), repr(c), ascii(c))
