print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([], 1)), list(enumerate("x", start=-1)))
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "done"), type(e).__name__)
try:
    enumerate(5)
except TypeError as e:
    print(e)
