assert False, "asserts are stripped with -O"
print(__debug__)
