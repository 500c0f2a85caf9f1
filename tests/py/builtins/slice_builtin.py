s = slice(1, 8, 2)
print(list(range(10))[s], "abcdefghij"[s], s.indices(5), slice(3).stop, slice(None).start)
print(slice(-1, None, -1).indices(4), slice(1, 2) == slice(1, 2))
try:
    slice()
except TypeError as e:
    print(e)
