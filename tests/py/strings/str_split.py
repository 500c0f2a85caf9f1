print("a,b,,c".split(","), "a b  c ".split(), "  lead trail  ".split(" "), "a,b,c".split(",", 1))
print("a,b,c".rsplit(",", 1), "x".split(","), "".split(), "".split(","), "a\tb\nc\x0bd".split())
print("one two three".split(maxsplit=1), "1 2 3".rsplit(maxsplit=1))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
try:
    "abc".split("")
except ValueError as e:
    print(e)
