(a, *b, c) = d
