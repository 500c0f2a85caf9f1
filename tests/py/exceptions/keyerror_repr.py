try:
    {}["missing"]
except KeyError as e:
    print(e, repr(e), e.args)
try:
    {}[("t", 1)]
except KeyError as e:
    print(e)
try:
    {}[""]
except KeyError as e:
    print(e)
print(str(KeyError("a", "b")))
