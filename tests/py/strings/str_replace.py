s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), "aaa".replace("a", "aa"))
print("abc".replace("", "|", 2), s.replace("x", "y"), "".replace("", "z"))
