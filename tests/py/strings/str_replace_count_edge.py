print("aaaa".replace("a", "b", 0), "aaaa".replace("a", "b", -1), "aaaa".replace("aa", "b", 1), "abc".replace("", "-", -1), "".replace("", "x", 1))
print("a.b.c".replace(".", ""), "ab" .replace("ab", "abab"), "abcabc".replace("bc", "BC", 1))
