print("ab" * 0, "ab" * -1, "" * 100, "x" * 3, 3 * "y", repr("a" * 1))
