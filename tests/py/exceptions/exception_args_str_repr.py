for e in (Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("key"), KeyError(), KeyError(1, 2), OSError(2, "No such file"), StopIteration(5), IndexError("idx")):
    print(repr(e), "|", str(e), "|", e.args)
