def read(lines):
    for l in lines:
        yield l.strip()
def nonempty(it):
    for l in it:
        if l:
            yield l
def upper(it):
    return (l.upper() for l in it)
print(list(upper(nonempty(read([" a ", "", "b", "  ", "c\n"])))))
