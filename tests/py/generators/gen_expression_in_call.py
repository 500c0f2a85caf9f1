print(sum(x for x in range(10)), max((len(s), s) for s in ["aa", "b"]), "".join(c for c in "xyz" if c != "y"))
print(any(x > 3 for x in [1, 5]), all(x for x in []), min((x for x in [3, 2]), default=0))
