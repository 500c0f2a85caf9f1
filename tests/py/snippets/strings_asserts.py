assert "abc".upper() == "ABC"
assert "a,b".split(",") == ["a", "b"]
assert "  x ".strip() == "x"
assert "abc"[::-1] == "cba"
assert "ab" in "cabd"
assert "%s-%d" % ("a", 1) == "a-1"
assert f"{3:03}" == "003"
assert "x".join("abc") == "axbxc"
assert "Hello".swapcase() == "hELLO"
assert "ab".center(6, "*") == "**ab**"
assert "a\tb".expandtabs(4) == "a   b"
assert str(b"x", "ascii") == "x"
assert "ß".upper() == "SS"
assert "abc".find("d") == -1
assert "1,2,3".rsplit(",", 1) == ["1,2", "3"]
print("strings ok")
