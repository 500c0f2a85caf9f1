print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), complex(), bytes(), frozenset())
print(int("7"), float("7"), str(7), bool(7), list("7"), tuple("7"), complex("7"), bytes(2))
