s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("z"), s.rfind("a"), s.rfind("abra", 0, 7))
print(s.index("c"), s.rindex("b"), s.count("a"), s.count("abra"), s.count(""), s.count("a", 5))
try:
    s.index("z")
except ValueError as e:
    print(e)
try:
    s.rindex("z")
except ValueError as e:
    print(e)
print(s.find(""), s.find("", 20), "".find(""))
