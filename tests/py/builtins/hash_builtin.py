print(hash(0), hash(1), hash(-1), hash(-2), hash(True), hash(None) == hash(None), hash(1.0), hash(0.5), hash(2 ** 61 - 1), hash(-(2 ** 61 - 1)))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash(frozenset()) == hash(frozenset()))
print(hash(float("inf")), hash(float("-inf")), hash(1e100) == hash(int(1e100)))
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as e:
        print(e)
