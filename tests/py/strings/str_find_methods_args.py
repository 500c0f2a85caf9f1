s = "hello world hello"
print(s.find("o", -5), s.find("o", 5, -5), s.rfind("hello", 0, 10), s.index("world", 1), s.count("l", -5, -1), s.startswith("world", 6), s.endswith("world", 0, 11))
print(s.find("o", None, None), s.count("hello", None), s.startswith(("x", "hel"), 0, 3), "".startswith("", 1), "abc".startswith("", 3), "abc".startswith("", 4))
try:
    s.find()
except TypeError as e:
    print(e)
try:
    s.find(1)
except TypeError as e:
    print(e)
