class R:
    def __repr__(self): return "R!"
    def __str__(self): return "S!"
print("{0} {0!r} {0!s} {0!a}".format(R()), "{!r}".format("é"), "{!a}".format("é"))
print("{}|{:<5}|".format(R(), "x"))
print("{0.real:.2f} {0.imag}".format(3 + 4j), "{x[0]}{x[1]}".format(x="ab"))
