print("a b c d".split(" ", 0), "a b c d".split(" ", -1), "a  b".split(" "), "  a  ".split(None, 0), "  a b  ".rsplit(None, 0))
print("a,b,c".split(",", 10), "abc".split("b", 1), "aXXbXXc".split("XX"), "XXa".split("XX"), "aXX".rsplit("XX"))
print("\ta b\n".split(" "), "x".rsplit("x"), "xx".split("x"), "".rsplit(" "), " ".rsplit())
