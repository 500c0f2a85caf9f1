print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc", "é" > "z", sorted(["b", "A", "a", "B", "é"]))
print("abc" == "abc", "abc" != "abd", "a" * 3 == "aaa", max("hello"), min("hello"))
try:
    "a" < 1
except TypeError as e:
    print(e)
