for s in ("abc", "ABC", "123", "½", "²", "a1", " ", "", "Ab Cd", "é", "\t\n", "x_y", "_x", "1x", "٣"):
    print(repr(s), s.isalpha(), s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalnum(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
