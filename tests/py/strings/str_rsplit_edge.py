print("a  b  c".rsplit(" ", 2), "  a b ".rsplit(), "a,b,c".rsplit(",", 0), "abc".rsplit("abc"))
print("aXbXc".split("X", -1), "1<>2<>3".split("<>"))
