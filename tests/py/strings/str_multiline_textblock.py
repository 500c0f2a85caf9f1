text = """First line
    indented line
last"""
for i, line in enumerate(text.splitlines(), 1):
    print(i, repr(line), len(line))
print(text.count("\n"))
