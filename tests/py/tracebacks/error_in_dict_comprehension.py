keys = ["a", "b", ["c"]]
d = {k: len(k) for k in keys}
