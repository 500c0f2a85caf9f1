assert "  a b  ".split() == ["a", "b"]
assert "a\nb\r\nc".splitlines() == ["a", "b", "c"]
assert "abc".title() == "Abc"
assert "x".center(4) == " x  "
assert "x".center(5, "-") == "--x--"
assert "42".rjust(5, "0") == "00042"
assert "ab".ljust(1) == "ab"
assert "a-b_c".replace("-", "_").split("_") == ["a", "b", "c"]
assert "%05.1f|%-3s|%x" % (2.25, "a", 255) == "002.2|a  |ff"
assert "{:^7}".format("mid") == "  mid  "
assert "tEST".capitalize() == "Test"
assert "Hello World".swapcase() == "hELLO wORLD"
assert "abc".translate({97: "A", 98: None}) == "Ac"
assert "a\tb".expandtabs(2) == "a b"
assert "ABC".casefold() == "abc"
assert "straße".upper() == "STRASSE"
print("string methods ok")
