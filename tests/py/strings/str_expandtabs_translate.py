print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "\t".expandtabs(2) + "|")
t = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(t), sorted(t.items()))
print("hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "1"}))
