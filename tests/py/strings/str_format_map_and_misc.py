print("{a}-{b}".format_map({"a": 1, "b": 2}))
class Default(dict):
    def __missing__(self, k): return "<" + k + ">"
print("{x} {y}".format_map(Default(x=5)))
print("abc".__len__(), "abc".__contains__("b"), "ab" * 3, 3 * "ab", "a" + "b", "x" * 0, "x" * -2)
