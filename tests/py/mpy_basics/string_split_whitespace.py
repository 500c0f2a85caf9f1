print("  a  b  ".split(), "a\x1cb".split(), "a\u3000b".split(), " ".split(" "), "a b c".split(None, 1), "  a b c  ".rsplit(None, 1))
