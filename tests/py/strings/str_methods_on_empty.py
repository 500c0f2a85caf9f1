e = ""
print(e.upper(), e.split(), e.strip(), e.center(3) + "|", e.zfill(3), e.title(), e.isalpha(), e.isdigit(), e.join(["a"]), e.partition("x"))
